//! A scoring table (评分表) as CSV (or tab-separated text) → a [`Grid`] for the interpreter.
//!
//! A header row is found by its names (一级指标, 二级指标, 三级指标, 分值, 评分标准…, or
//! `level1,level1_points,level2,level2_points,level3,points,criteria`). Without one, the
//! documented column order is read: `level1,level1_points,level2,level2_points,level3,points[,criteria]`.

use super::Rubric;
use super::grid::{Grid, Places};
use super::table::{self, HEADERLESS};
use crate::import::decode::decode;
use crate::words::rubric as w;

/// Reads a rubric CSV (UTF-8, GBK, UTF-16…); `name` is the file name for messages.
pub fn parse(bytes: &[u8], name: &str) -> Result<Rubric, String> {
    let grid = grid(bytes, name)?;
    // No header row: the documented order, when the rows are wide enough to be in it.
    let headerless = !table::has_header(&grid)
        && !table::first_row_names_a_level(&grid)
        && grid.rows.iter().find(|r| r.iter().any(|c| !c.is_empty())).is_some_and(|r| r.len() >= 6);
    table::interpret(&grid, name, headerless.then_some(&HEADERLESS[..]))
}

/// The CSV's records as a grid (`row 7` is the seventh record).
pub fn grid(bytes: &[u8], name: &str) -> Result<Grid, String> {
    let text = decode(bytes).map_err(|e| format!("{name}: {e}"))?.text;
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec =
            rec.map_err(|e| w::RUBRIC_BAD_CSV.fill(&[("name", &name), ("row", &(i + 1)), ("detail", &e)]))?;
        rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(Grid::new(rows, Places::Rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rubric::Group;
    use crate::lang::Lang;

    #[test]
    fn header_by_chinese_names_and_merged_cells() {
        let csv = "一级指标,一级指标分值,二级指标,二级指标分值,三级指标,分值,评分标准\n决策,10,目标,10,相关性,5,相关的得满分\n,,,,明确性,５分,\n";
        let r = parse(csv.as_bytes(), "r.csv").unwrap();
        assert_eq!(r.warnings.len(), 1, "only the total: {:?}", r.warnings);
        assert_eq!(r.total(), 10.0);
        assert_eq!(r.indicators[1].groups[0], Group { name: "决策".into(), points: Some(10.0) });
        assert_eq!((r.indicators[1].name.as_str(), r.indicators[1].points), ("明确性", 5.0));
        assert_eq!(r.indicators[0].criteria.as_deref(), Some("相关的得满分"));
    }

    #[test]
    fn mismatches_are_reported() {
        let _en = crate::words::pin(Lang::En);
        let csv = "决策,10,目标,6,相关性,5\n决策,10,目标,6,明确性,2\n决策,10,编制,4,依据,2\n";
        let r = parse(csv.as_bytes(), "r.csv").unwrap();
        assert_eq!(r.warnings.len(), 4, "{:?}", r.warnings);
        assert!(r.warnings[0].contains("“目标” (决策) is worth 6 points but its 三级指标 add up to 7"));
    }

    #[test]
    fn bad_cells_name_the_row_and_column() {
        let _en = crate::words::pin(Lang::En);
        let err = parse(
            "level1,level1_points,level2,level2_points,level3,points\n决策,10,目标,10,相关性,five\n"
                .as_bytes(),
            "r.csv",
        )
        .unwrap_err();
        assert_eq!(err, "r.csv: row 2, column points: \"five\" is not a number of points");
        let err = parse("决策,25,目标,15,相关性,五分\n".as_bytes(), "r.csv").unwrap_err();
        assert_eq!(err, "r.csv: row 1, column points: \"五分\" is not a number of points");
        assert!(parse(b"a,b,c\n", "r.csv").unwrap_err().contains("columns found: a, b, c"));
        assert!(parse(b"level1,x\n", "r.csv").unwrap_err().contains("no header row with both"));
        assert!(parse(b"", "r.csv").unwrap_err().contains("empty"));
        let tabs = parse("一级指标\t三级指标\t分值\n决策\t相关性\t100\n".as_bytes(), "r.txt").unwrap();
        assert_eq!(tabs.indicators[0].name, "相关性");
    }
}
