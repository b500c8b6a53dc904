//! How the model names a section or an item: by its index in the report's lists.

/// Index of a section in `Report::sections`.
pub type SectionIx = usize;
/// Index of an item in `Report::items`.
pub type ItemIx = usize;

/// Something an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Section(SectionIx),
    Item(ItemIx),
}
