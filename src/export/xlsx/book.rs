//! A workbook of several sheets — an evaluation's 汇总表 first, then a sheet per report — each
//! printable on its own as a single sheet is, and their worksheet names: valid in Excel (at most
//! 31 characters, none of `[]:*?/\`, no apostrophe at either end) and unique in the workbook
//! (Excel compares them ignoring case).

use super::super::table::Table;
use rust_xlsxwriter::XlsxError;

/// Excel's longest worksheet name, in characters.
const MAX_NAME: usize = 31;

/// The workbook of `sheets` (name, table) in their order, titled `title`. The names come from
/// [`sheet_names`].
pub fn book_xlsx(title: &str, sheets: &[(&str, &Table)]) -> Result<Vec<u8>, XlsxError> {
    let subject = sheets.first().map_or("", |(name, _)| *name);
    let mut wb = super::workbook(title, subject)?;
    for (name, table) in sheets {
        super::write_sheet(&mut wb, table, name, true)?;
    }
    wb.save_to_buffer()
}

/// A worksheet name for each of `wanted`, in order: made valid (cut to 31 characters, without
/// the characters Excel refuses), then unique among themselves and the names `taken` — a second
/// `财政局` is `财政局 (2)`.
pub fn sheet_names(wanted: &[String], taken: &[&str]) -> Vec<String> {
    let mut used: Vec<String> = taken.iter().map(|t| t.to_lowercase()).collect();
    let mut out = Vec::with_capacity(wanted.len());
    for (k, want) in wanted.iter().enumerate() {
        let base = valid(want).unwrap_or_else(|| format!("{}", k + 1));
        let mut name = base.clone();
        let mut n = 2;
        while used.contains(&name.to_lowercase()) {
            let suffix = format!(" ({n})");
            let room = MAX_NAME - suffix.chars().count();
            let cut: String = base.chars().take(room).collect();
            name = format!("{}{suffix}", cut.trim_end_matches('\''));
            n += 1;
        }
        used.push(name.to_lowercase());
        out.push(name);
    }
    out
}

/// `name` as Excel accepts a worksheet's name, or `None` when nothing of it is left.
fn valid(name: &str) -> Option<String> {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .collect();
    let cut: String = clean.trim().trim_matches('\'').chars().take(MAX_NAME).collect();
    let cut = cut.trim().trim_end_matches('\'').to_string();
    // `History` is Excel's own.
    (!cut.is_empty() && !cut.eq_ignore_ascii_case("history")).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_unique() {
        let wanted: Vec<String> =
            ["财政局", "财政局", "a/b:c", "'quoted'", "??", "汇总表", &"长".repeat(40), &"长".repeat(40)]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let names = sheet_names(&wanted, &["汇总表"]);
        assert_eq!(names[..6], ["财政局", "财政局 (2)", "abc", "quoted", "5", "汇总表 (2)"]);
        assert_eq!(names[6], "长".repeat(31));
        assert_eq!(names[7], format!("{} (2)", "长".repeat(27)));
        assert!(names.iter().all(|n| n.chars().count() <= MAX_NAME));
        assert_eq!(
            sheet_names(&["Sheet".into(), "SHEET".into()], &[]),
            ["Sheet", "SHEET (2)"],
            "case ignored"
        );
        assert_eq!(sheet_names(&["History".into()], &[]), ["1"]);
    }
}
