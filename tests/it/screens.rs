//! Every screen in both languages, at 80×24 and 120×40 — a report imported as text and the
//! built-in sample imported on its rubric (in Chinese): the main view, a section, the help and
//! report pages scrolled to their ends, the score prompt with a refused value, search with hits,
//! the filter menu, a filter matching nothing, the note editor, messages and the quit questions,
//! a terminal too small. In Chinese no English word may show that is not the report's own
//! content, a key's name or a term kept as it is; in English no Chinese character may show that
//! is not the report's. And at 80 columns nothing the interface says is cut short.

use appraise::lang::Lang;
use appraise::report::parse_report;
use appraise::scores::Scores;
use appraise::search::{Index, Query, search};
use appraise::tui::action::Action;
use appraise::tui::app::{App, Effect, Level};
use appraise::tui::keymap::Keymap;
use appraise::tui::keys::{KEYS, KeyMode};
use appraise::tui::view::ViewState;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::path::PathBuf;

const SHAODONG: &[u8] = include_bytes!("../../fixtures/shaodong-2022.json");
const ENGLISH: &[u8] = include_bytes!("../../fixtures/english-sample.json");
/// The built-in sample: the Shaodong text on the Dazhou rubric, with the facts an import writes.
const SAMPLE: &[u8] = include_bytes!("../../fixtures/sample.json");

/// Words that are the same in both languages: key names, terms kept as they are.
const KEPT: &[&str] = &[
    "appraise",
    "Esc",
    "Enter",
    "Tab",
    "Shift",
    "Ctrl",
    "PgDn",
    "PgUp",
    "Home",
    "End",
    "Delete",
    "Backspace",
    "Space",
    "sha",
    "sha256",
    "xlsx",
    "csv",
    "toml",
    "config",
    "lang",
    "LANG",
    "SSH",
    "tmux",
    "UTF",
];

fn app(report: &[u8], w: u16, h: u16) -> App {
    let report = parse_report(report).unwrap();
    let scores = Scores::new(&report);
    App::new(report, scores, PathBuf::from("/tmp/r.scores.json"), Rect::new(0, 0, w, h))
}

fn key(app: &mut App, code: KeyCode) -> Option<Effect> {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE))).pop()
}

fn typed(app: &mut App, s: &str) -> Option<Effect> {
    let mut last = None;
    for c in s.chars() {
        last = key(app, KeyCode::Char(c)).or(last);
    }
    last
}

/// Draws a frame as the shell does; the screen's rows.
fn frame(app: &mut App) -> Vec<String> {
    let (w, h) = (app.size.width, app.size.height);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut state = ViewState::default();
    terminal.draw(|f| appraise::tui::frame(app, &mut state, f)).unwrap();
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                line.push_str(if sym.is_empty() { " " } else { sym });
            }
            line
        })
        .collect()
}

/// Every screen the walk meets, named.
fn walk(report: &[u8], w: u16, h: u16) -> Vec<(String, Vec<String>)> {
    walk_keyed(report, w, h, Keymap::default())
}

/// The walk with the keys of `keymap`.
fn walk_keyed(report: &[u8], w: u16, h: u16, keymap: Keymap) -> Vec<(String, Vec<String>)> {
    let mut shots = Vec::new();
    let mut a = app(report, w, h);
    a.keymap = keymap;
    let mut shot = |name: &str, a: &mut App| shots.push((name.to_string(), frame(a)));
    shot("main", &mut a);
    a.update(Action::QuickScore(2));
    a.update(Action::ToggleFlag);
    shot("scored and flagged", &mut a);
    a.update(Action::ClearScore);
    shot("score cleared", &mut a);
    a.update(Action::Undo);
    shot("undone", &mut a);
    a.update(Action::NextSection);
    shot("a section", &mut a);
    a.update(Action::QuickScore(3));
    shot("scoring a section", &mut a);
    a.update(Action::FirstItem);
    a.update(Action::FollowRef);
    shot("evidence", &mut a);
    a.update(Action::Help);
    for page in 0..12 {
        shot(&format!("help page {page}"), &mut a);
        a.update(Action::PageScreenDown);
    }
    a.update(Action::PageClose);
    a.update(Action::Info);
    for page in 0..3 {
        shot(&format!("report page {page}"), &mut a);
        a.update(Action::PageScreenDown);
    }
    a.update(Action::PageClose);
    a.update(Action::OpenScorePrompt);
    shot("score prompt", &mut a);
    typed(&mut a, "9.3");
    a.update(Action::PromptSet);
    shot("score refused", &mut a);
    typed(&mut a, "x");
    shot("letters refused", &mut a);
    a.update(Action::PromptCancel);
    a.update(Action::Annotate);
    let note = if appraise::words::lang() == Lang::Zh { "佐证材料不足" } else { "evidence missing" };
    typed(&mut a, note);
    shot("note editor", &mut a);
    a.update(Action::NoteClose);
    a.update(Action::OpenSearch);
    shot("search empty", &mut a);
    if let Some(Effect::Search(request)) = typed(&mut a, "jy") {
        let index = Index::new(&a.report);
        let hits = search(&a.report, &index, &request.notes, &Query::parse(&request.query), None, &|| false)
            .unwrap();
        a.update(Action::SearchDone { generation: request.generation, hits });
    }
    shot("search hits", &mut a);
    a.update(Action::SearchClose);
    a.update(Action::OpenFilters);
    a.update(Action::FilterToggle(appraise::tui::action::FilterKind::Tag));
    shot("filter menu", &mut a);
    a.update(Action::FiltersClose);
    a.update(Action::OpenFilters);
    a.update(Action::FiltersClear);
    a.update(Action::FilterToggle(appraise::tui::action::FilterKind::Flagged));
    a.update(Action::FilterToggle(appraise::tui::action::FilterKind::HasNote));
    a.update(Action::FilterToggle(appraise::tui::action::FilterKind::NeedsReason));
    a.update(Action::FiltersClose);
    shot("a filter matching nothing", &mut a);
    a.update(Action::ClearFilters);
    // The reasons as the app has them: from the catalogue, in the language in force.
    let full = appraise::io_error::Reason::of(&std::io::Error::from_raw_os_error(28));
    a.update(Action::JournalFailed {
        error: appraise::store::JournalError::Write(full.clone()),
        items: None,
    });
    shot("journal failed", &mut a);
    a.update(Action::Quit);
    a.update(Action::Saved(Err(appraise::store::SaveError::Write {
        path: "shaodong.scores.json".into(),
        why: full,
    })));
    shot("quit: nothing durable", &mut a);
    a.update(Action::Quit);
    shot("quit: loses", &mut a);
    a.update(Action::NextItem);
    a.update(Action::JournalRecovered);
    a.say(Level::Info, appraise::words::tui::EXPORT_WRITTEN.fill(&[("path", &"/tmp/r.sheet.xlsx")]));
    shot("a message", &mut a);
    a.update(Action::Resize(30, 8));
    shot("too small", &mut a);
    shots
}

/// A word cut by an overlay's edge: a piece of a kept word (`gDn` of `PgDn`).
fn cut_kept(word: &str) -> bool {
    KEPT.iter().any(|k| k.len() > word.len() && (k.starts_with(word) || k.ends_with(word)))
}

/// ASCII words of three letters or more in `text`.
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 3)
}

/// The facts an import writes: the report page names them in the interface's language.
const IMPORT_KEYS: &[&str] =
    &["unit", "subtitle", "year", "date", "number", "author", "code", "project", "source", "rubric", "lang"];

/// The report's own text: every string value of the file, and the `meta` keys of its own (the
/// keys an import writes, such as `source`, are the interface's to name).
fn content(report: &[u8]) -> String {
    fn walk(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let json: serde_json::Value = serde_json::from_slice(report).unwrap();
    let mut out = String::new();
    walk(&json, &mut out);
    for key in json["meta"].as_object().into_iter().flat_map(|m| m.keys()) {
        if !IMPORT_KEYS.contains(&key.as_str()) {
            out.push_str(key);
            out.push('\n');
        }
    }
    out
}

#[test]
fn in_chinese_no_english_word_shows_that_is_not_the_reports() {
    let _zh = appraise::words::pin(Lang::Zh);
    let mut found = Vec::new();
    for report in [SHAODONG, SAMPLE] {
        let content = content(report);
        // The report's own words, the scores file's path and the report's sha256 are content.
        let sha = parse_report(report).unwrap().sha256;
        let allowed: HashSet<&str> = ascii_words(&content)
            .chain(ascii_words(&sha))
            .chain(["tmp", "scores", "json", "sheet"])
            .chain(KEPT.iter().copied())
            .collect();
        for (w, h) in [(80, 24), (120, 40)] {
            for (name, rows) in walk(report, w, h) {
                let screen = rows.join("\n");
                let english: Vec<&str> =
                    ascii_words(&screen).filter(|w| !allowed.contains(w) && !cut_kept(w)).collect();
                if !english.is_empty() {
                    found.push(format!("{w}×{h} {name}: {english:?}\n{screen}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "English on a Chinese screen:\n{}", found.join("\n\n"));
}

/// The report page (`i`) of a rubric import names every fact the import wrote in the
/// interface's language: no `source`, `rubric`, `lang` or `unit` as a label (`lang` is also
/// a word kept as it is, so the walk above cannot tell it from a label).
#[test]
fn the_report_page_names_an_imports_facts_in_both_languages() {
    for (lang, labels) in [
        (Lang::Zh, ["被评价单位", "原文件", "评分表", "报告语言"]),
        (Lang::En, ["unit evaluated", "source file", "scoring table", "report language"]),
    ] {
        let _pin = appraise::words::pin(lang);
        let mut a = app(SAMPLE, 120, 40);
        a.update(Action::Info);
        let rows = frame(&mut a);
        // A row of the page, between the panes' borders: its label, two spaces or more, the value.
        let shown: Vec<String> = rows
            .iter()
            .flat_map(|r| r.split('│'))
            .map(|part| part.trim_start().split("  ").next().unwrap_or("").trim().to_string())
            .collect();
        for want in labels {
            assert!(shown.iter().any(|l| l == want), "{lang:?}: no {want:?} row\n{}", rows.join("\n"));
        }
        for key in ["unit", "source", "rubric", "lang"] {
            assert!(
                !shown.iter().any(|l| l == key),
                "{lang:?}: the key {key:?} as a label\n{}",
                rows.join("\n")
            );
        }
        let language = if lang == Lang::Zh { "中文" } else { "Chinese" };
        assert!(
            rows.iter().any(|r| r.contains(language)),
            "the report's language named:\n{}",
            rows.join("\n")
        );
    }
}

#[test]
fn in_english_no_chinese_shows_that_is_not_the_reports() {
    let _en = appraise::words::pin(Lang::En);
    for (report, w, h) in [(ENGLISH, 80, 24), (ENGLISH, 120, 40), (SAMPLE, 80, 24), (SAMPLE, 120, 40)] {
        let reports: HashSet<char> = content(report).chars().collect();
        for (name, rows) in walk(report, w, h) {
            let screen = rows.join("\n");
            let chinese: String = screen
                .chars()
                .filter(|c| {
                    appraise::lang::is_cjk(*c)
                        || ('\u{3000}'..='\u{303f}').contains(c)
                        || ('\u{ff00}'..='\u{ffef}').contains(c)
                })
                .filter(|c| !reports.contains(c) && *c != '…')
                .collect();
            assert!(chinese.is_empty(), "{w}×{h} {name}: Chinese on an English screen: {chinese}\n{screen}");
        }
    }
}

#[test]
fn at_80_columns_the_status_bar_and_the_titles_are_never_cut() {
    for (lang, report) in [(Lang::Zh, SHAODONG), (Lang::En, ENGLISH)] {
        let _pin = appraise::words::pin(lang);
        for (name, rows) in walk(report, 80, 24) {
            if name == "too small" {
                continue;
            }
            let bar = rows.last().unwrap();
            assert!(!bar.trim_end().ends_with('…'), "{lang:?} {name}: the status bar is cut: {bar}");
            let help = appraise::tui::keymap::Keymap::default()
                .key(appraise::tui::keys::KeyMode::Normal, &Action::Help);
            if name == "main" {
                assert!(bar.contains(&format!("{help} ")), "{lang:?}: the help key is in the hints: {bar}");
            }
            // Pane titles: the top border keeps its closing corner (a title never overruns it).
            assert!(rows[1].trim_end().ends_with('╮'), "{lang:?} {name}: {}", rows[1]);
        }
    }
}

/// Tokens that can be a key's name: `Ctrl-c`, `Shift-Tab`, `?`, `↓`, `a` (`j/k` is two).
fn key_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "-?↑↓←→".contains(c))).filter(|t| !t.is_empty())
}

/// A screen's key tokens, without what only looks like one: a ticked box (`[x]`) and the rest
/// of a word an overlay's border cut (`╯g/Ctrl-l`, the end of `Ctrl-g`).
fn screen_key_tokens(rows: &[String]) -> Vec<String> {
    let mut tokens = Vec::new();
    for row in rows {
        let row = row.replace("[x]", "[✓]");
        let mut prev = ' ';
        let mut token = String::new();
        let mut cut = false;
        for c in row.chars().chain([' ']) {
            if c.is_ascii_alphanumeric() || "-?↑↓←→".contains(c) {
                if token.is_empty() {
                    cut = ('\u{2500}'..='\u{257f}').contains(&prev);
                }
                token.push(c);
            } else {
                if !token.is_empty() && !cut {
                    tokens.push(std::mem::take(&mut token));
                }
                token.clear();
            }
            prev = c;
        }
    }
    tokens
}

/// Every action of every mode moved to other keys (F-keys, then Ctrl-, letters and signs no
/// mode uses): no screen may name a key it no longer has.
fn everything_remapped() -> (Keymap, HashSet<String>) {
    let default = Keymap::default();
    let mut old: HashSet<String> = HashSet::new();
    for decl in KEYS {
        old.extend(default.keys_for(decl.mode, &decl.action));
    }
    let mut pool: Vec<String> = (1..=12).map(|n| format!("f{n}")).collect();
    let display = |name: &str| {
        let parsed = Keymap::with_overrides(&[appraise::config::KeyOverride {
            table: None,
            action: "help".into(),
            keys: vec![name.into()],
        }])
        .unwrap();
        parsed.key(KeyMode::Normal, &Action::Help)
    };
    let fixed = ["a", "e", "k", "j", "w", "u", "r"]; // the note editor's own Ctrl- keys
    pool.extend(('a'..='z').map(|c| format!("ctrl-{c}")).filter(|k| {
        let c = &k[5..];
        !fixed.contains(&c) && c != "c" && c != "m" && c != "i" && c != "h" && !old.contains(&display(k))
    }));
    pool.extend(('A'..='Z').chain('a'..='z').map(String::from).filter(|k| !old.contains(k)));
    pool.extend("!@#$%^&*();:',<>|~`".chars().map(String::from));
    let mut overrides = Vec::new();
    for mode in KeyMode::ALL {
        let mut next = pool.iter();
        for decl in KEYS.iter().filter(|d| d.mode == mode) {
            overrides.push(appraise::config::KeyOverride {
                table: mode.config_name().map(str::to_string),
                action: decl.name.to_string(),
                keys: vec![next.next().expect("enough keys for a mode").clone()],
            });
        }
    }
    // Names that are also numbers, or signs in scores and paths, cannot be told from content.
    old.retain(|k| {
        !k.chars().any(|c| c.is_ascii_digit()) && !["-", "+", "=", "/", "[", "]"].contains(&k.as_str())
    });
    (Keymap::with_overrides(&overrides).unwrap(), old)
}

#[test]
fn after_every_key_is_remapped_no_screen_names_an_old_one() {
    let _zh = appraise::words::pin(Lang::Zh);
    let (keymap, old) = everything_remapped();
    let content = String::from_utf8_lossy(SHAODONG).into_owned();
    let sha = parse_report(SHAODONG).unwrap().sha256;
    // Fixed keys: the note editor's own editing keys, and Ctrl-c twice (quits past anything).
    let fixed: HashSet<&str> =
        ["Enter", "Ctrl-k", "Ctrl-j", "Ctrl-w", "Ctrl-u", "Ctrl-r", "Ctrl-a", "Ctrl-e", "Ctrl-c"].into();
    let allowed: HashSet<&str> =
        key_tokens(&content).chain(key_tokens(&sha)).chain(key_tokens("/tmp/r.scores.json")).collect();
    let help = keymap.key(KeyMode::Normal, &Action::Help);
    let mut found = Vec::new();
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, rows) in walk_keyed(SHAODONG, w, h, keymap.clone()) {
            let screen = rows.join("\n");
            let fixed_shown = name.starts_with("help page") || name == "note editor";
            let stale: Vec<String> = screen_key_tokens(&rows)
                .into_iter()
                .filter(|t| old.contains(t) && !allowed.contains(t.as_str()))
                .filter(|t| !(fixed_shown && fixed.contains(t.as_str())))
                .collect();
            if !stale.is_empty() {
                found.push(format!("{w}×{h} {name}: {stale:?}\n{screen}"));
            }
            if name == "main" {
                assert!(
                    rows.last().unwrap().contains(&format!("{help} ")),
                    "{w}×{h}: {}",
                    rows.last().unwrap()
                );
            }
        }
    }
    assert!(found.is_empty(), "a key no longer in force is named:\n{}", found.join("\n\n"));
}
