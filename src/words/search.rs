//! `appraise search`: what it prints (its flags' help is declared with them, in `cmd/flags/defs.rs`).

crate::words! {
    /// A hit's kind, in the plain output.
    KIND_ITEM = "评分项" / "item";
    KIND_SECTION = "章节" / "section";
    /// Between the titles of a hit's sections.
    PATH_SEP = " › " / " › ";
}
