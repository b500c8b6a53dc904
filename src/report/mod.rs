//! The report: its model (`model`; `node`, a section or an item by its index), the strings it
//! shares with the file it was read from (`shared`), finding a node by id (`index`, which reads
//! ids back from the model's sections and items), reading it from a file with every problem
//! located (`load`, with `fast` for valid files and `json` for the slow path's tree), and the
//! file format as data for the writers (`file`, checked against both readers and the schema).

mod fast;
pub mod file;
mod index;
mod json;
mod load;
mod model;
mod node;
mod shared;

pub use index::IdIndex;
pub(crate) use load::json_syntax;
pub use load::{
    LoadError, Place, Problem, fingerprint, load_report, parse_report, parse_report_shared,
    parse_report_unhashed,
};
pub use model::{Grade, Item, Report, Scale, Section, find_by_id};
pub use node::{ItemIx, Node, SectionIx};
pub use shared::SharedStr;
