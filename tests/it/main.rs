//! The integration tests, as one binary (one link step instead of one per file): each module
//! drives one area through the library's public API or the real `appraise` binary —
//!
//! - `app_update`, `filters`, `search_ui`: `App::update` as a pure state machine;
//! - `render`, `theme`: whole screens drawn on ratatui's `TestBackend` (insta snapshots in
//!   `snapshots/`), themes and colour depths;
//! - `cli`, `bad_input`, `export`, `merge`, `summary`, `import`, `import_pdf`, `evaluation_cli`: the
//!   subcommands without a terminal,
//!   sheets compared with golden files and read back with calamine;
//! - `cli_manners`, `cli_manual`, `cli_progress`: the command line's manners (help, exit codes,
//!   pipes, completions, `-`, progress on a terminal only) and the manual page against the
//!   declarations and the README;
//! - `cli_zh`: every subcommand in a Chinese locale (and a C locale over a Chinese report) says
//!   everything in Chinese; the English is as it was;
//! - `e2e*`, `integrity`: the real binary in a pseudo-terminal (`support`), screens, files and
//!   signals; `integrity` builds `LD_PRELOAD` test doubles from `tests/shims/`;
//! - `fuzz_seeds`: the fuzz targets' properties over the fixtures and their mutations;
//! - `layers`, `placeholders`: the source read as text (`rust_source`): what may use what, and
//!   every `fill` giving its word's placeholders.

// Tests print paths only in their own failure messages (the app prints them with text::shown).
#![allow(clippy::disallowed_methods)]

mod rust_source;
mod sheets_support;
mod support;

mod app_update;
mod bad_input;
mod cli;
mod cli_manners;
mod cli_manual;
mod cli_progress;
mod cli_zh;
mod e2e;
mod e2e_colors;
mod e2e_export;
mod e2e_safety;
mod e2e_search;
mod evaluation_cli;
mod evaluation_list;
mod evaluators;
mod evidence;
mod export;
mod export_dir;
mod filters;
mod fuzz_seeds;
mod hostile_files;
mod import;
mod import_corpus;
mod import_pdf;
mod import_wild;
mod integrity;
mod layers;
mod merge;
mod panel_view;
mod placeholders;
mod print;
mod render;
mod report_unit;
mod rubric;
mod schemas;
mod screens;
mod search_cli;
mod search_ui;
mod summary;
mod theme;
mod unknown_fields;
