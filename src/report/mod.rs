//! The report: its model (`model`) and reading it from a file with every problem located (`load`).

mod json;
mod load;
mod model;

pub use load::{LoadError, Place, Problem, load_report, parse_report};
pub use model::{Grade, Item, ItemIx, Node, Report, Scale, Section, SectionIx};
