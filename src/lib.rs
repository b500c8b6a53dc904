//! appraise: review and score reports in the terminal.
//!
//! The pure core (`report`, `scores`, `export`, `text`) knows nothing of terminals;
//! `store` owns the disk; `tui` is the thin terminal shell; `cmd` runs the subcommands.

pub mod cmd;
pub mod config;
pub mod evaluation;
pub mod export;
pub mod filter;
pub mod generate;
pub mod heap;
pub mod import;
pub mod input;
pub mod io_error;
pub mod lang;
pub mod panel;
pub mod report;
pub mod scores;
pub mod search;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod words;
