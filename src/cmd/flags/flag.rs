//! What a declaration in `defs.rs` is: a [`Flag`] (a flag or a positional argument: its names,
//! its [`Value`], its rules and its help as a [`Text`] in both languages), built with `const`
//! steps (`Flag::option("scores", Kind::Path, PATH).help(zh, en)`, with a `brief` for `-h` when
//! the help is long), and a [`Sub`] (the program or a subcommand: what it does, its flags, its
//! [`Example`]s, and what it makes of them). A flag's value is taken
//! back from clap's matches by the flag itself ([`Flag::get`], [`Flag::on`]), so the code that
//! reads it names the declaration, never a string.

use crate::lang::Lang;
use clap::ArgMatches;
use std::path::PathBuf;

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The same text in both languages: a value's name such as `N` or `ID`.
    pub const fn same(text: &'static str) -> Text {
        Text { zh: text, en: text }
    }

    /// The text in the interface's language.
    pub fn get(&self) -> &'static str {
        self.in_lang(crate::words::lang())
    }

    pub fn in_lang(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// What a flag's value is, so clap parses it (and the completions complete it) as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A file or folder (`PathBuf`); `-` where the command says so.
    Path,
    /// Any text (`String`).
    Text,
    /// A count (`usize`).
    Count,
    /// A seed (`u64`).
    Seed,
    /// A number (`f64`), negative ones included, so that the command refuses them in its own words.
    Number,
    /// `zh` or `en` (`Lang`).
    Lang,
    /// A sheet's format (`export::Format`).
    Format,
    /// A shell (`clap_complete::Shell`).
    Shell,
    /// `auto`, `always` or `never` (`clap::ColorChoice`).
    Color,
}

/// A flag's value: what it is, its name in `--help` (`<PATH>`), and whether it may be repeated.
#[derive(Debug, Clone, Copy)]
pub struct Value {
    pub kind: Kind,
    pub name: Text,
    /// One or more (`<SCORES>...`).
    pub many: bool,
}

/// One flag or positional argument.
#[derive(Debug, Clone, Copy)]
pub struct Flag {
    /// clap's id: the long name, or a positional argument's own name.
    pub id: &'static str,
    /// `--long`; none for a positional argument.
    pub long: Option<&'static str>,
    pub short: Option<char>,
    /// None for a switch.
    pub value: Option<Value>,
    /// The whole help, as `--help` and the man page show it.
    pub help: Text,
    /// A few words for `-h`, when the help is longer than a line.
    pub brief: Option<Text>,
    pub required: bool,
    /// The value when none is given, shown in `--help`.
    pub default: Option<&'static str>,
    /// The id of a flag this one needs.
    pub requires: Option<&'static str>,
    /// The id of a flag this one may not be given with.
    pub conflicts_with: Option<&'static str>,
    /// Accepted by every subcommand too.
    pub global: bool,
}

impl Flag {
    pub(super) const fn new(id: &'static str, long: Option<&'static str>, value: Option<Value>) -> Flag {
        Flag {
            id,
            long,
            short: None,
            value,
            help: Text { zh: "", en: "" },
            brief: None,
            required: false,
            default: None,
            requires: None,
            conflicts_with: None,
            global: false,
        }
    }

    /// `--long`, on or off.
    pub(super) const fn switch(long: &'static str) -> Flag {
        Flag::new(long, Some(long), None)
    }

    /// `--long VALUE`.
    pub(super) const fn option(long: &'static str, kind: Kind, name: Text) -> Flag {
        Flag::new(long, Some(long), Some(Value { kind, name, many: false }))
    }

    /// A positional argument.
    pub(super) const fn positional(id: &'static str, kind: Kind, name: Text) -> Flag {
        Flag::new(id, None, Some(Value { kind, name, many: false }))
    }

    pub(super) const fn help(mut self, zh: &'static str, en: &'static str) -> Flag {
        self.help = Text { zh, en };
        self
    }

    pub(super) const fn brief(mut self, zh: &'static str, en: &'static str) -> Flag {
        self.brief = Some(Text { zh, en });
        self
    }

    /// What `-h` shows: the brief, else the whole help.
    pub fn short_help(&self) -> Text {
        self.brief.unwrap_or(self.help)
    }

    pub(super) const fn short(mut self, short: char) -> Flag {
        self.short = Some(short);
        self
    }

    pub(super) const fn required(mut self) -> Flag {
        self.required = true;
        self
    }

    /// One value or more (and at least one).
    pub(super) const fn many(mut self) -> Flag {
        if let Some(value) = &mut self.value {
            value.many = true;
        }
        self.required()
    }

    pub(super) const fn default(mut self, value: &'static str) -> Flag {
        self.default = Some(value);
        self
    }

    pub(super) const fn requires(mut self, id: &'static str) -> Flag {
        self.requires = Some(id);
        self
    }

    pub(super) const fn conflicts_with(mut self, id: &'static str) -> Flag {
        self.conflicts_with = Some(id);
        self
    }

    pub(super) const fn global(mut self) -> Flag {
        self.global = true;
        self
    }

    /// Whether the switch was given.
    pub fn on(&self, m: &ArgMatches) -> bool {
        m.get_flag(self.id)
    }

    /// The value given (or the default). `T` is the type of the flag's [`Kind`].
    pub fn get<T: Clone + Send + Sync + 'static>(&self, m: &ArgMatches) -> Option<T> {
        m.get_one::<T>(self.id).cloned()
    }

    /// Every value given.
    pub fn all<T: Clone + Send + Sync + 'static>(&self, m: &ArgMatches) -> Vec<T> {
        m.get_many::<T>(self.id).map(|values| values.cloned().collect()).unwrap_or_default()
    }

    /// A path given, or none.
    pub fn path(&self, m: &ArgMatches) -> Option<PathBuf> {
        self.get(m)
    }
}

/// The program itself or one of its subcommands: its name, what it does, its flags, and what
/// they make of it.
#[derive(Debug, Clone, Copy)]
pub struct Sub<T: 'static> {
    pub name: &'static str,
    pub about: Text,
    pub flags: &'static [&'static Flag],
    /// Left out of `--help`, the man page and the completions.
    pub hidden: bool,
    /// Shown by `--help` (not `-h`) and the man page.
    pub examples: &'static [Example],
    /// The command, from clap's reading of its flags.
    pub read: fn(&ArgMatches) -> T,
}

/// A command line worth showing, and what it does. `line` is what is typed, from `appraise`
/// on; it may go on through a pipe (`| cut -f1`) or into a file (`> out.csv`), and a test
/// parses each `appraise` in it.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub line: &'static str,
    pub what: Text,
}

impl Example {
    pub(super) const fn new(line: &'static str, zh: &'static str, en: &'static str) -> Example {
        Example { line, what: Text { zh, en } }
    }
}
