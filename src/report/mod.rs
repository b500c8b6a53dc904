//! The report: its model (`model`) and reading it from a file with every problem located (`load`).

mod fast;
mod index;
mod json;
mod load;
mod model;
mod shared;

pub use index::IdIndex;
pub use load::{LoadError, Place, Problem, fingerprint, load_report, parse_report, parse_report_unhashed};
pub use model::{Grade, Item, ItemIx, Node, Report, Scale, Section, SectionIx};
pub use shared::SharedStr;
