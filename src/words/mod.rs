//! Every word the interface shows — labels, pane titles, hints, prompts, messages, help lines,
//! the command line's output and its `--help` — in Chinese and English, from one catalogue.
//! Sheets are not the interface: their headers follow `export --lang` (`export::Lang`).
//!
//! An entry is a [`Word`]: a key and its two texts, declared with [`words!`] in the file of its
//! area (`tui.rs`, `cli.rs`, …). A text may hold placeholders, `{name}`, filled by
//! [`Word::fill`]; both languages must use the same ones (a test checks every entry). Which
//! language is shown is decided once at start-up ([`set_lang`], see [`choose`]); a test pins its
//! own thread's language with [`pin`], so tests in parallel never see each other's.

pub mod chair;
mod choose;
pub mod cli;
pub mod errors;
pub mod evaluation;
pub mod evaluators;
pub mod evidence;
pub mod keys;
pub mod list;
pub mod merge;
pub mod rubric;
pub mod search;
pub mod summary_sheet;
pub mod tui;
pub use choose::{Source, choose, from_locale, locale, settle, settle_by_report, source};

use crate::lang::Lang;
use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// One entry of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The entry's name (its constant's), for tests and messages about the catalogue.
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// Declares catalogue entries: `NAME = "中文" / "English";`, each a `pub const` [`Word`], and
/// `ALL`, the list of them (for the tests that check the catalogue).
#[macro_export]
macro_rules! words {
    ($( $(#[$doc:meta])* $name:ident = $zh:literal / $en:literal ;)*) => {
        $( $(#[$doc])* pub const $name: $crate::words::Word =
            $crate::words::Word { key: stringify!($name), zh: $zh, en: $en }; )*
        /// Every entry of this file, for the catalogue's tests.
        pub const ALL: &[&$crate::words::Word] = &[ $( &$name ),* ];
    };
}

/// The process's interface language: 0 not chosen (English), 1 Chinese, 2 English.
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A test's own language, set by [`pin`].
    static PINNED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the interface language for the whole process (once, at start-up).
pub fn set_lang(lang: Lang) {
    PROCESS.store(if lang == Lang::Zh { 1 } else { 2 }, Ordering::Relaxed);
}

/// The interface language in force on this thread.
pub fn lang() -> Lang {
    if let Some(lang) = PINNED.with(Cell::get) {
        return lang;
    }
    match PROCESS.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// Pins this thread's interface language until the guard is dropped (for tests).
pub fn pin(lang: Lang) -> Pinned {
    let before = PINNED.with(|p| p.replace(Some(lang)));
    Pinned(before)
}

/// See [`pin`].
#[must_use]
pub struct Pinned(Option<Lang>);

impl Drop for Pinned {
    fn drop(&mut self) {
        PINNED.with(|p| p.set(self.0));
    }
}

impl Word {
    /// The text in the interface language.
    pub fn get(&self) -> &'static str {
        self.in_lang(lang())
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The text with its placeholders filled: `fill(&[("n", &3)])` puts `3` for `{n}`.
    /// `args` names each placeholder once, no more: a test reads every call in the source
    /// (`tests/it/placeholders.rs`), and a debug build panics on one that does not.
    pub fn fill(&self, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        debug_assert!(self.fills(args), "{}", self.misfilled(args));
        fill(self.get(), args)
    }

    /// Whether `args` names exactly this word's placeholders, each once.
    fn fills(&self, args: &[(&str, &dyn std::fmt::Display)]) -> bool {
        let mut given: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
        given.sort_unstable();
        given == placeholders(self.zh) && given == placeholders(self.en)
    }

    /// What is wrong with filling this word with `args`, for the debug build's panic.
    fn misfilled(&self, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let given: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
        format!(
            "words::{} is filled with {given:?}; its placeholders are {:?}",
            self.key,
            placeholders(self.en)
        )
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}

/// `text` with each `{name}` replaced by its value (a name not given stays as it is).
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if args.iter().any(|(n, _)| *n == name) => {
                if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
                    out.push_str(&value.to_string());
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}`s in `text`, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Every entry of the catalogue.
pub fn all() -> impl Iterator<Item = &'static Word> {
    keys::ALL
        .iter()
        .chain(tui::ALL)
        .chain(cli::ALL)
        .chain(errors::ALL)
        .chain(evaluation::ALL)
        .chain(list::ALL)
        .chain(rubric::ALL)
        .chain(evidence::ALL)
        .chain(merge::ALL)
        .chain(chair::ALL)
        .chain(evaluators::ALL)
        .chain(search::ALL)
        .chain(summary_sheet::ALL)
        .copied()
}

#[cfg(test)]
mod tests;
