use super::*;
use crate::config::KeyOverride;
use crate::tui::action::FilterKind;
use ratatui::crossterm::event::KeyEventKind;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn char(c: char) -> KeyEvent {
    press(KeyCode::Char(c), KeyModifiers::NONE)
}

fn over(pairs: &[(Option<&str>, &str, &[&str])]) -> Result<Keymap, KeymapError> {
    let overrides: Vec<KeyOverride> = pairs
        .iter()
        .map(|(table, action, keys)| KeyOverride {
            table: table.map(str::to_string),
            action: action.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        })
        .collect();
    Keymap::with_overrides(&overrides)
}

fn prompt() -> Mode {
    Mode::ScorePrompt { input: String::new(), error: None, selected: false }
}

#[test]
fn every_default_key_parses() {
    for d in KEYS {
        for k in d.keys {
            assert!(parse_key(k).is_some(), "{}: {k}", d.name);
        }
    }
}

#[test]
fn each_mode_reads_its_own_table_and_types_the_rest() {
    let km = Keymap::default();
    let n = Mode::Normal;
    assert_eq!(km.action_for(&n, char('j')), Some(Action::NextItem));
    assert_eq!(km.action_for(&n, press(KeyCode::Char('J'), KeyModifiers::SHIFT)), Some(Action::NextSection));
    assert_eq!(km.action_for(&n, char('7')), Some(Action::QuickScore(7)));
    assert_eq!(km.action_for(&n, press(KeyCode::Char('r'), KeyModifiers::CONTROL)), Some(Action::Redo));
    assert_eq!(km.action_for(&n, press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
    assert_eq!(km.action_for(&n, char('z')), None, "nothing is typed in the outline");
    assert_eq!(km.action_for(&prompt(), press(KeyCode::Enter, KeyModifiers::NONE)), Some(Action::PromptSet));
    assert_eq!(km.action_for(&prompt(), char('7')), Some(Action::Key(char('7'))), "typed");
    assert_eq!(km.action_for(&Mode::Filters, char('u')), Some(Action::FilterToggle(FilterKind::Unscored)));
    assert_eq!(km.action_for(&Mode::Filters, char('z')), None);
    assert_eq!(km.action_for(&Mode::Help { scroll: 0 }, char('j')), Some(Action::PageLineDown));
    assert_eq!(km.action_for(&Mode::Info { scroll: 0 }, char('i')), Some(Action::PageClose));
    let search = Mode::Search(Box::default());
    assert_eq!(km.action_for(&search, press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::SearchDown));
    assert_eq!(km.action_for(&search, char('j')), Some(Action::Key(char('j'))), "typed into the query");
}

#[test]
fn overrides_replace_an_actions_keys_and_move_a_key_taken_from_another() {
    let km = over(&[(None, "quit", &["ctrl-q"]), (None, "next_item", &["j", "space"])]).unwrap();
    assert_eq!(km.keys_for(KeyMode::Normal, &Action::Quit), vec!["Ctrl-q"]);
    assert_eq!(km.keys_for(KeyMode::Normal, &Action::NextItem), vec!["j", "Space"]);
    let km = over(&[(None, "save", &["q"])]).unwrap();
    assert_eq!(km.keys_for(KeyMode::Normal, &Action::Save), vec!["q"]);
    assert_eq!(km.keys_for(KeyMode::Normal, &Action::Quit), vec!["Ctrl-c"], "q moved to save");
    // Another mode's table is its own: `q` in the filter menu still closes it.
    assert_eq!(km.keys_for(KeyMode::Filters, &Action::FiltersClose), vec!["Esc", "Enter", "F", "q"]);
    assert_eq!(over(&[(None, "fly", &["x"])]).unwrap_err().to_string(), "unknown action \"fly\"");
    assert_eq!(
        over(&[(None, "quit", &["hyper-q"])]).unwrap_err().to_string(),
        "unknown key \"hyper-q\" for quit"
    );
    assert_eq!(
        over(&[(Some("prompt"), "quit", &["x"])]).unwrap_err().to_string(),
        "unknown action \"prompt.quit\""
    );
    assert!(over(&[(Some("nowhere"), "set", &["x"])]).unwrap_err().to_string().contains("[keys.nowhere]"));
    // `[keys.normal]` is `[keys]` by another name.
    let km = over(&[(Some("normal"), "help", &["f1"]), (Some("help"), "close", &["h"])]).unwrap();
    assert_eq!(km.keys_for(KeyMode::Normal, &Action::Help), vec!["F1"]);
    assert_eq!(km.keys_for(KeyMode::Help, &Action::PageClose), vec!["h"]);
}

#[test]
fn a_refused_override_is_placed_in_the_config_file() {
    let config =
        crate::config::parse("mouse = true\n[keys]\nfly = \"x\"\n", std::path::Path::new("c.toml")).unwrap();
    assert_eq!(
        from_config(&config).unwrap_err().to_string(),
        "c.toml: [keys] (line 2): unknown action \"fly\""
    );
    let text = "[keys]\nquit = \"q\"\n\n[keys.note]\nsave = \"hyper-s\"\n";
    let config = crate::config::parse(text, std::path::Path::new("c.toml")).unwrap();
    assert_eq!(
        from_config(&config).unwrap_err().to_string(),
        "c.toml: [keys.note] (line 4): unknown key \"hyper-s\" for note.save"
    );
    let _zh = crate::words::pin(crate::lang::Lang::Zh);
    assert_eq!(
        from_config(&config).unwrap_err().to_string(),
        "c.toml：[keys.note]（第 4 行）：note.save 的按键“hyper-s”无法识别"
    );
    let config =
        crate::config::parse("[keys.nowhere]\nset = \"x\"\n", std::path::Path::new("c.toml")).unwrap();
    assert_eq!(
        from_config(&config).unwrap_err().to_string(),
        "c.toml：[keys.nowhere]（第 1 行）：未知的按键表 [keys.nowhere]（可用的有 [keys.prompt]、[keys.search]、[keys.filters]、[keys.note]、[keys.help]、[keys.list]）"
    );
}

#[test]
fn hints_follow_the_keys_in_force_in_every_mode() {
    use Action::*;
    let default = Keymap::default();
    assert_eq!(default.hint(KeyMode::Normal, &[(&[Help], crate::words::keys::HINT_HELP)]), "? help");
    let digits: Vec<Action> = (0..=9).map(QuickScore).chain([OpenScorePrompt]).collect();
    assert_eq!(default.group_keys(KeyMode::Normal, &digits), "0-9/s");

    let km = over(&[
        (None, "help", &["f1"]),
        (None, "annotate", &["N"]),
        (Some("prompt"), "set", &["ctrl-j"]),
        (Some("search"), "close", &["ctrl-g"]),
        (Some("filters"), "close", &["x"]),
        (Some("note"), "close", &["ctrl-x"]),
        (Some("help"), "close", &["h"]),
    ])
    .unwrap();
    assert_eq!(km.hint(KeyMode::Normal, &[(&[Help], crate::words::keys::HINT_HELP)]), "F1 help");
    assert_eq!(km.key(KeyMode::Normal, &Annotate), "N");
    assert_eq!(km.key(KeyMode::Prompt, &PromptSet), "Ctrl-j");
    assert_eq!(km.key(KeyMode::Search, &SearchClose), "Ctrl-g");
    assert_eq!(km.key(KeyMode::Filters, &FiltersClose), "x");
    assert_eq!(km.key(KeyMode::Note, &NoteClose), "Ctrl-x");
    assert_eq!(km.key(KeyMode::Help, &PageClose), "h");
    // An action left without a key is shown as such, never with a key that does nothing.
    let none = over(&[(None, "help", &[])]).unwrap();
    assert_eq!(none.hint(KeyMode::Normal, &[(&[Help], crate::words::keys::HINT_HELP)]), "");
    assert_eq!(none.key(KeyMode::Normal, &Help), "—");
}

#[test]
fn help_rows_group_keys_by_description() {
    let rows = Keymap::default().help_rows(KeyMode::Normal);
    assert!(rows.iter().any(|(k, d)| k == "j, ↓" && *d == crate::words::keys::NEXT_ITEM));
    assert!(rows.iter().any(|(k, _)| k == "0–9"));
    for mode in KeyMode::ALL {
        assert!(!Keymap::default().help_rows(mode).is_empty(), "{mode:?}");
    }
}

/// The README's key table is made from the declarations: run with `UPDATE_README=1` to write
/// it after changing a key, then read the diff.
#[test]
fn the_readme_key_table_is_the_declarations() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (begin, end) = (
        "<!-- keys: generated from src/tui/keys.rs; UPDATE_README=1 cargo test rewrites it -->\n",
        "<!-- keys: end -->",
    );
    let start = readme.find(begin).expect("the README has the keys block") + begin.len();
    let stop = start + readme[start..].find(end).expect("the keys block ends");
    let table = readme_table();
    if readme[start..stop] != table {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{table}{}", &readme[..start], &readme[stop..]);
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "README.md's key table differs from src/tui/keys.rs; UPDATE_README=1 cargo test rewrites it"
            );
        }
    }
}
