//! Shared by the sheet tests (`export`, `merge`, `summary`): running the binary from the crate
//! root with relative paths (so outputs are the same on every machine), golden files, and
//! reading an xlsx back with calamine.

use calamine::{Data, Dimensions, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The export day every sheet test sees (2023-11-14), so golden files do not change daily.
pub const SOURCE_DATE_EPOCH: &str = "1700000000";

/// Runs `appraise ARGS` in the crate root, on a fixed export day.
pub fn appraise(args: &[&str]) -> Output {
    crate::support::command()
        .args(args)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .current_dir(root())
        .output()
        .expect("runs the binary")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a successful run and returns its stdout.
pub fn ok(args: &[&str]) -> Vec<u8> {
    let out = appraise(args);
    assert_eq!(out.status.code(), Some(0), "appraise {args:?}: {}", text(&out.stderr));
    out.stdout
}

/// Compares `actual` with `fixtures/golden/NAME`; `UPDATE_GOLDEN=1 cargo test` rewrites it.
pub fn golden(name: &str, actual: &[u8]) {
    let path = root().join("fixtures/golden").join(name);
    if crate::support::updating_golden() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 cargo test writes it)", path.display()));
    if expected != actual {
        let (e, a) = (text(&expected), text(actual));
        let first = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "{} differs at line {}:\nexpected: {:?}\nactual:   {:?}\n(UPDATE_GOLDEN=1 cargo test rewrites it after a deliberate change)",
            path.display(),
            first + 1,
            e.lines().nth(first),
            a.lines().nth(first)
        );
    }
}

/// A workbook read back: its one sheet's values, formulas and merged ranges, as seen from the
/// table. The sheet has a header block (title, evaluator, date) above the table; the table's
/// header row is the row printed on every page (the `_xlnm.Print_Titles` name), `top`. Rows
/// given to and returned by the methods below count from it: row 0 is the table's header, as
/// if the table started the sheet, and formulas are read back with their row numbers shifted
/// the same way (`SUM(F2)` is the sum of the first item's max, wherever the table sits).
pub struct Book {
    pub name: String,
    /// The sheet row (0-based) of the table's header.
    pub top: u32,
    pub values: calamine::Range<Data>,
    pub formulas: calamine::Range<String>,
    pub merged: Vec<Dimensions>,
    pub styles: calamine::StyleRange,
    /// The file itself, for its XML parts.
    pub bytes: Vec<u8>,
}

impl Book {
    pub fn read(path: &Path) -> Book {
        Book::from_bytes(std::fs::read(path).unwrap())
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Book {
        Book::sheet_of(bytes, None)
    }

    /// The worksheet `name` of a workbook of several (the first when `None`).
    pub fn sheet_of(bytes: Vec<u8>, name: Option<&str>) -> Book {
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("a valid xlsx");
        let name = name.map_or_else(|| wb.sheet_names()[0].clone(), str::to_string);
        let values = wb.worksheet_range(&name).unwrap_or_else(|e| panic!("no sheet {name}: {e}"));
        let formulas = wb.worksheet_formula(&name).unwrap();
        let merged = wb.merge_cells_by_sheet_name(&name).unwrap();
        let styles = wb.worksheet_style(&name).unwrap();
        // Each sheet's own print titles: `'汇总表'!$9:$9`, or `$9:$9` in a workbook of one.
        let own = |v: &str| {
            !v.contains('!') || v.starts_with(&format!("'{name}'!")) || v.starts_with(&format!("{name}!"))
        };
        let top = wb
            .defined_names()
            .iter()
            .find(|(n, v)| n == "_xlnm.Print_Titles" && own(v))
            .and_then(|(_, v)| v.rsplit('$').next()?.parse::<u32>().ok())
            .map_or(0, |row| row - 1);
        Book { name, top, values, formulas, merged, styles, bytes }
    }

    /// The names of a workbook's sheets, in order.
    pub fn sheet_names(path: &Path) -> Vec<String> {
        let wb: Xlsx<_> =
            open_workbook_from_rs(Cursor::new(std::fs::read(path).unwrap())).expect("a valid xlsx");
        wb.sheet_names()
    }

    /// The sheet's own XML: `xl/worksheets/sheetN.xml`, N its place in the workbook.
    pub fn sheet_xml(&self) -> String {
        let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(self.bytes.clone())).expect("a valid xlsx");
        let n = wb.sheet_names().iter().position(|s| *s == self.name).unwrap() + 1;
        self.part(&format!("xl/worksheets/sheet{n}.xml"))
    }

    /// An XML part of the file as text: `xl/worksheets/sheet1.xml`, `xl/styles.xml`.
    pub fn part(&self, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("an xlsx is a zip");
        let mut out = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut out).unwrap();
        out
    }

    /// The value at sheet cell (row, col), 0-based, above the table included.
    pub fn cell(&self, row: u32, col: u32) -> Data {
        self.values.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    /// The value at table (row, col), 0-based, the table's header being row 0.
    pub fn at(&self, row: u32, col: u32) -> Data {
        self.cell(self.top + row, col)
    }

    /// The formula of table cell (row, col), its references' rows counted from the table's
    /// header (see [`Book`]).
    pub fn formula(&self, row: u32, col: u32) -> String {
        let f = self.formulas.get_value((self.top + row, col)).cloned().unwrap_or_default();
        shift_rows(&f, self.top)
    }

    /// The formula of table cell (row, col) as written, its references unshifted (a link to
    /// another sheet names that sheet's own rows).
    pub fn raw_formula(&self, row: u32, col: u32) -> String {
        self.formulas.get_value((self.top + row, col)).cloned().unwrap_or_default()
    }

    /// A blank cell, or a formula whose cached result is blank.
    pub fn blank(&self, row: u32, col: u32) -> bool {
        matches!(self.at(row, col), Data::Empty) || self.at(row, col) == Data::String(String::new())
    }

    pub fn number(&self, row: u32, col: u32) -> f64 {
        match self.at(row, col) {
            Data::Float(v) => v,
            Data::Int(v) => v as f64,
            other => panic!("({row}, {col}) is not a number: {other:?}"),
        }
    }

    pub fn string(&self, row: u32, col: u32) -> String {
        match self.at(row, col) {
            Data::String(s) => s,
            other => panic!("({row}, {col}) is not text: {other:?}"),
        }
    }

    /// The row whose column `col` holds `text`.
    pub fn row_of(&self, col: u32, text: &str) -> u32 {
        (0..self.values.end().map_or(0, |e| e.0 + 1))
            .find(|&r| self.at(r, col) == Data::String(text.into()))
            .unwrap_or_else(|| panic!("no row with {text:?} in column {col}"))
    }

    pub fn bold(&self, row: u32, col: u32) -> bool {
        self.styles.get((self.top + row, col)).and_then(|s| s.font.as_ref()).is_some_and(|f| f.is_bold())
    }

    pub fn wraps(&self, row: u32, col: u32) -> bool {
        self.styles.get((self.top + row, col)).and_then(|s| s.alignment.as_ref()).is_some_and(|a| a.wrap_text)
    }

    /// The cell's number format code ("General" when it has none).
    pub fn num_format(&self, row: u32, col: u32) -> String {
        self.styles
            .get((self.top + row, col))
            .and_then(|s| s.number_format.as_ref())
            .map_or("General".into(), |n| n.format_code.clone())
    }

    /// Each column's width in Excel's units, from the sheet's `<col>` elements (Excel's 0.71
    /// of padding left out: a width set as 8 is 8).
    pub fn col_widths(&self) -> Vec<f64> {
        let sheet = self.sheet_xml();
        let attr = |el: &str, name: &str| -> f64 {
            let at = el.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            el[at..].split('"').next().unwrap().parse().unwrap()
        };
        let mut widths = Vec::new();
        for el in sheet.split("<col ").skip(1).map(|e| format!(" {}", e.split("/>").next().unwrap())) {
            let (min, max, w) = (attr(&el, "min"), attr(&el, "max"), attr(&el, "width"));
            widths.resize(max as usize, 0.0);
            for c in min as usize..=max as usize {
                widths[c - 1] = (w - 0.7109375).max(0.0);
            }
        }
        widths
    }

    /// The table rows where a printed page starts (the sheet's manual page breaks), in order.
    pub fn breaks(&self) -> Vec<u32> {
        let sheet = self.sheet_xml();
        let mut rows: Vec<u32> = sheet
            .split("<brk id=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse::<u32>().unwrap() - self.top)
            .collect();
        rows.sort_unstable();
        rows
    }

    /// The parts column `col` of table rows `r0..=r1` is printed in: each merged range, and each
    /// cell of its own, as (first row, last row).
    pub fn parts(&self, col: u32, r0: u32, r1: u32) -> Vec<(u32, u32)> {
        let merges = self.merges();
        let mut parts = Vec::new();
        let mut r = r0;
        while r <= r1 {
            let end = merges.iter().find(|m| m.0 == r && m.1 == col && m.3 == col).map_or(r, |m| m.2);
            parts.push((r, end));
            r = end + 1;
        }
        parts
    }

    /// Table rows `r0..=r1` as the printed pages cut them: (first row, last row) on each page.
    pub fn paged(&self, r0: u32, r1: u32) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let mut start = r0;
        for at in self.breaks().into_iter().filter(|&at| at > r0 && at <= r1) {
            out.push((start, at - 1));
            start = at;
        }
        out.push((start, r1));
        out
    }

    /// Merged ranges of the table as (first row, first col, last row, last col), in table rows.
    pub fn merges(&self) -> Vec<(u32, u32, u32, u32)> {
        let mut m: Vec<_> = self
            .merged
            .iter()
            .filter(|d| d.start.0 > self.top)
            .map(|d| (d.start.0 - self.top, d.start.1, d.end.0 - self.top, d.end.1))
            .collect();
        m.sort_unstable();
        m
    }
}

/// `formula` with the row of every A1 reference (`H17`, `$G$5`) less `by`; text in quotes kept.
pub fn shift_rows(formula: &str, by: u32) -> String {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = String::new();
    let (mut k, mut quoted) = (0, false);
    while k < chars.len() {
        let ch = chars[k];
        if ch == '"' {
            quoted = !quoted;
        }
        let starts_ref = !quoted
            && ch.is_ascii_uppercase()
            && (k == 0 || !(chars[k - 1].is_ascii_alphanumeric() || chars[k - 1] == '_'));
        if starts_ref {
            let mut e = k;
            while e < chars.len() && chars[e].is_ascii_uppercase() {
                e += 1;
            }
            let dollar = e < chars.len() && chars[e] == '$';
            let d0 = if dollar { e + 1 } else { e };
            let mut d = d0;
            while d < chars.len() && chars[d].is_ascii_digit() {
                d += 1;
            }
            let follows = chars.get(d).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '(' || *c == '_');
            if d > d0 && !follows {
                let row: u32 = chars[d0..d].iter().collect::<String>().parse().unwrap();
                out.extend(&chars[k..d0]);
                out.push_str(&(row - by).to_string());
                k = d;
                continue;
            }
            out.extend(&chars[k..e]);
            k = e;
            continue;
        }
        out.push(ch);
        k += 1;
    }
    out
}

/// A panel of three on `report` (a fixture) in `dir`: 张三's scores (`zhangsan`, a fixture) and
/// two made of them — 李四 half a point harsher on the items 张三 marked down, 王五 half a point
/// kinder on every other item — each with a reason below full marks. Only the items `keep`
/// takes, renamed to report `id`. The three files' paths.
pub fn panel_of(dir: &Path, zhangsan: &str, keep: &dyn Fn(&str) -> bool, id: &str) -> Vec<PathBuf> {
    use serde_json::Value;
    let mut base: Value = serde_json::from_slice(&std::fs::read(root().join(zhangsan)).unwrap()).unwrap();
    base["report"]["id"] = id.into();
    let items = base["items"].as_array_mut().unwrap();
    items.retain(|e| keep(e["id"].as_str().unwrap()));
    let mut out = Vec::new();
    for (k, name) in ["张三", "李四", "王五"].into_iter().enumerate() {
        let mut doc = base.clone();
        doc["evaluator"] = name.into();
        for (n, e) in doc["items"].as_array_mut().unwrap().iter_mut().enumerate() {
            let Some(score) = e["score"].as_f64() else { continue };
            let marked = !e["note"].as_str().unwrap_or("").is_empty();
            let new = match k {
                1 if marked => (score - 0.5).max(0.0),
                2 if !marked && n % 2 == 1 => score - 0.5,
                _ => score,
            };
            e["score"] = new.into();
            if new < score {
                e["note"] = format!("{name}：佐证材料不足，扣 {} 分", score - new).into();
            }
        }
        let path = dir.join(format!("{id}.{name}.scores.json"));
        std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
        out.push(path);
    }
    out
}

/// The first nine items of the sample (`fixtures/sample.json`, the office's rubric) as a report
/// of its own in `dir`, each of 5 points with a self score of 4 (80 %: a percent a column sized
/// from `80%` showed as `###`), and a panel of three on it ([`panel_of`]). The report's path and
/// the scores files'.
pub fn nine_items(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    use serde_json::Value;
    let mut report: Value =
        serde_json::from_slice(&std::fs::read(root().join("fixtures/sample.json")).unwrap()).unwrap();
    let mut kept = Vec::new();
    fn cut(sections: &mut Vec<Value>, kept: &mut Vec<String>) {
        for s in sections.iter_mut() {
            if let Some(items) = s["items"].as_array_mut() {
                items.truncate(9usize.saturating_sub(kept.len()));
                for i in items.iter_mut() {
                    kept.push(i["id"].as_str().unwrap().to_string());
                    i["max"] = 5.into();
                    i["self_score"] = 4.into();
                    i.as_object_mut().unwrap().remove("refs");
                }
            }
            if let Some(children) = s["sections"].as_array_mut() {
                cut(children, kept);
            }
        }
        sections.retain(has_items);
    }
    fn has_items(s: &Value) -> bool {
        s["items"].as_array().is_some_and(|i| !i.is_empty())
            || s["sections"].as_array().is_some_and(|c| c.iter().any(has_items))
    }
    cut(report["sections"].as_array_mut().unwrap(), &mut kept);
    report["id"] = "nine".into();
    let path = dir.join("nine.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&report).unwrap()).unwrap();
    let scores = panel_of(
        dir,
        "fixtures/scores/sample.zhangsan.scores.json",
        &|id| kept.iter().any(|k| k == id),
        "nine",
    );
    (path, scores)
}

/// An evaluation of four reports in `dir` (a fresh folder, returned): copies of the sample
/// (`fixtures/sample.json`, 28 items, 27 scored by 张三) for four units, each its own id —
/// `a.json` scored by 张三, 李四 and 王五 (李四 half a point lower on every fifth item, 王五 on
/// every seventh), `b.json` by 张三 (a point lower on the first item) and 李四, `c.json` by 张三
/// alone, `d.json` by nobody — and `bad.txt`, an empty document that cannot be a report.
pub fn evaluation(dir: &Path) -> PathBuf {
    use serde_json::Value;
    let eval = dir.join("评价");
    std::fs::create_dir_all(&eval).unwrap();
    std::fs::write(eval.join("appraise.toml"), "title = \"2022 年度部门整体支出绩效评价\"\n").unwrap();
    std::fs::write(eval.join("bad.txt"), "").unwrap();
    let report: Value =
        serde_json::from_slice(&std::fs::read(root().join("fixtures/sample.json")).unwrap()).unwrap();
    let zhangsan: Value = serde_json::from_slice(
        &std::fs::read(root().join("fixtures/scores/sample.zhangsan.scores.json")).unwrap(),
    )
    .unwrap();
    let units =
        [("a", "邵东市财政局"), ("b", "邵东市教育局"), ("c", "邵东市卫生健康局"), ("d", "邵东市民政局")];
    let panels: [&[&str]; 4] = [&["张三", "李四", "王五"], &["张三", "李四"], &["张三"], &[]];
    for ((file, unit), panel) in units.into_iter().zip(panels) {
        let mut r = report.clone();
        r["id"] = format!("eval-{file}").into();
        r["title"] = format!("{unit} 2022 年度部门整体支出绩效自评报告").into();
        r["meta"]["unit"] = unit.into();
        std::fs::write(eval.join(format!("{file}.json")), serde_json::to_vec_pretty(&r).unwrap()).unwrap();
        for name in panel {
            let mut s = zhangsan.clone();
            s["report"]["id"] = format!("eval-{file}").into();
            s["evaluator"] = (*name).into();
            for (n, e) in s["items"].as_array_mut().unwrap().iter_mut().enumerate() {
                let Some(score) = e["score"].as_f64() else { continue };
                let lower = match (file, *name) {
                    ("a", "李四") => n % 5 == 0,
                    ("a", "王五") => n % 7 == 1,
                    ("b", "张三") => n == 0,
                    _ => false,
                };
                let by = if file == "b" { 1.0 } else { 0.5 };
                if lower && score >= by {
                    e["score"] = (score - by).into();
                }
            }
            let path = eval.join(format!("{file}.{name}.scores.json"));
            std::fs::write(path, serde_json::to_vec_pretty(&s).unwrap()).unwrap();
        }
    }
    eval
}
