//! Themes as data and colour depth: every shipped theme, broken theme files and where their
//! errors point, user themes, RGB → 256 → 16 mapping tables, colour-depth detection and
//! NO_COLOR, and whole screens drawn on `TestBackend` under two themes, checked cell by cell.

use appraise::report::parse_report;
use appraise::scores::Scores;
use appraise::theme::{
    BUILTIN_THEMES, ColorDepth, SLOTS, Theme, ThemeError, available_themes, detect_depth, is_ansi16,
    load_theme, no_color_modifiers, parse_theme, to_16, to_256,
};
use appraise::tui::app::App;
use appraise::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use std::path::{Path, PathBuf};

const BUILTIN: [&str; 4] = ["dark", "light", "high-contrast", "mono"];

fn theme(name: &str) -> Theme {
    load_theme(name, None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The error `text` gives as a theme file called `bad.toml`.
fn error(text: &str) -> String {
    match parse_theme(text, "bad.toml", None) {
        Ok(_) => panic!("parsed although broken:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// A user config directory holding `themes/NAME.toml` files.
fn config_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("themes")).expect("themes dir");
    for (name, text) in files {
        std::fs::write(dir.path().join("themes").join(format!("{name}.toml")), text).expect("write theme");
    }
    dir
}

/// Every colour a theme sets (fg and bg of every slot).
fn colors(t: &Theme) -> Vec<(&'static str, Color)> {
    SLOTS
        .iter()
        .flat_map(|slot| {
            let s = t.slot(slot).expect("slot");
            s.fg.into_iter().chain(s.bg).map(move |c| (*slot, c))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Shipped themes

#[test]
fn every_shipped_theme_parses_and_gives_every_slot() {
    let names: Vec<&str> = BUILTIN_THEMES.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, BUILTIN);
    for (name, text) in BUILTIN_THEMES {
        let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for slot in SLOTS {
            assert!(table.contains_key(*slot), "{name} lacks slot {slot}");
        }
        assert!(table.get("extends").is_none(), "{name}: a shipped theme stands alone");
        let t = theme(name);
        for slot in SLOTS {
            assert!(t.slot(slot).is_some());
        }
    }
    // The files on disk are the ones compiled in.
    for (name, text) in BUILTIN_THEMES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes").join(format!("{name}.toml"));
        assert_eq!(std::fs::read_to_string(path).expect("theme file"), *text);
    }
}

#[test]
fn the_default_theme_is_dark_and_the_themes_differ() {
    assert_eq!(Theme::default(), theme("dark"));
    for (i, a) in BUILTIN.iter().enumerate() {
        for b in &BUILTIN[i + 1..] {
            assert_ne!(theme(a), theme(b), "{a} and {b} are the same");
        }
    }
    assert!(colors(&theme("mono")).is_empty(), "mono has no colour");
    // The selection is laid over rows whose own colours stay: only reverse video keeps every
    // row readable, so every shipped theme uses it.
    for name in BUILTIN {
        assert!(theme(name).selection.add_modifier.contains(Modifier::REVERSED), "{name}");
    }
    assert!(colors(&theme("light")).iter().any(|(_, c)| matches!(c, Color::Rgb(..))));
}

#[test]
fn the_dark_theme_is_what_the_app_always_drew() {
    let t = theme("dark");
    assert_eq!(t.border, Style::new().fg(Color::DarkGray));
    assert_eq!(t.border_focused, Style::new().fg(Color::Cyan));
    assert_eq!(t.section, Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD));
    assert_eq!(t.selection, Style::new().add_modifier(Modifier::REVERSED));
    assert_eq!(t.error, Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD));
    assert_eq!(t.link, Style::new().fg(Color::Cyan).add_modifier(Modifier::UNDERLINED));
    assert_eq!(t.item, Style::new());
}

#[test]
fn theme_files_spell_styles_several_ways() {
    let text = r##"
        extends   = "mono"
        border    = "dark-gray"
        muted     = 244
        label     = { fg = "#5F87af", bg = "Light Blue" }
        flag      = { fg = "236", modifiers = "bold" }
        highlight = { modifiers = ["Underline", "reverse", "italic"] }
    "##;
    let t = parse_theme(text, "ok.toml", None).expect("valid");
    assert_eq!(t.border, Style::new().fg(Color::DarkGray));
    assert_eq!(t.muted, Style::new().fg(Color::Indexed(244)));
    assert_eq!(t.label, Style::new().fg(Color::Rgb(0x5f, 0x87, 0xaf)).bg(Color::LightBlue));
    assert_eq!(t.flag, Style::new().fg(Color::Indexed(236)).add_modifier(Modifier::BOLD));
    assert_eq!(
        t.highlight,
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::REVERSED | Modifier::ITALIC)
    );
    // The rest comes from mono.
    assert_eq!(t.selection, theme("mono").selection);
}

// ---------------------------------------------------------------------------------------------
// Broken theme files

#[test]
fn bad_toml_names_the_file_line_and_column() {
    let e = error("extends = \"dark\"\nborder = { fg = \"red\"\nmuted = \"gray\"\n");
    // The inline table opened on line 2 finds no `}` before line 3.
    assert!(e.starts_with("bad.toml:3:1:"), "{e}");
    assert!(!e.contains('\n'), "one line: {e}");
    let e = error("extends = \"dark\"\n\nborder = = \"red\"\n");
    assert!(e.starts_with("bad.toml:3:"), "{e}");
}

#[test]
fn an_unknown_colour_name_is_located_and_the_names_listed() {
    let e = error("extends = \"dark\"\nborder = { fg = \"blu\" }\n");
    assert!(e.starts_with("bad.toml:2:17:"), "{e}");
    assert!(e.contains("unknown colour \"blu\""), "{e}");
    assert!(e.contains("dark-gray") && e.contains("#rrggbb") && e.contains("0–255"), "{e}");
    let e = error("extends = \"dark\"\nmuted = \"greyish\"\n");
    assert!(e.starts_with("bad.toml:2:9:") && e.contains("unknown colour \"greyish\""), "{e}");
}

#[test]
fn an_index_out_of_range_is_refused() {
    let e = error("extends = \"dark\"\n\nborder = { bg = 300 }\n");
    assert!(e.starts_with("bad.toml:3:17:"), "{e}");
    assert!(e.contains("colour index 300 is out of range"), "{e}");
    let e = error("extends = \"dark\"\nborder = -1\n");
    assert!(e.starts_with("bad.toml:2:") && e.contains("colour index -1 is out of range"), "{e}");
    let e = error("extends = \"dark\"\nborder = \"256\"\n");
    assert!(e.contains("colour index 256 is out of range"), "{e}");
}

#[test]
fn a_bad_hex_colour_is_refused() {
    for bad in ["#12345g", "#12345", "#1234567", "#"] {
        let e = error(&format!("extends = \"dark\"\nlink = {{ fg = \"{bad}\" }}\n"));
        assert!(e.starts_with("bad.toml:2:"), "{e}");
        assert!(e.contains(&format!("\"{bad}\" is not a colour")) && e.contains("six hex digits"), "{e}");
    }
}

#[test]
fn an_unknown_slot_is_named_with_the_valid_ones() {
    let e = error("extends = \"dark\"\nbordr = \"red\"\n");
    assert!(e.starts_with("bad.toml:2:1:"), "{e}");
    assert!(e.contains("unknown slot `bordr`"), "{e}");
    assert!(e.contains("border_focused") && e.contains("highlight"), "{e}");
}

#[test]
fn unknown_modifiers_keys_and_types_are_refused() {
    let e = error("extends = \"dark\"\nflag = { modifiers = [\"bold\", \"shiny\"] }\n");
    assert!(e.starts_with("bad.toml:2:") && e.contains("unknown modifier \"shiny\""), "{e}");
    let e = error("extends = \"dark\"\nflag = { colour = \"red\" }\n");
    assert!(e.starts_with("bad.toml:2:") && e.contains("unknown key `colour`"), "{e}");
    let e = error("extends = \"dark\"\nflag = true\n");
    assert!(e.starts_with("bad.toml:2:") && e.contains("a style"), "{e}");
}

#[test]
fn a_theme_without_extends_must_give_every_slot() {
    let e = error("border = \"red\"\n");
    assert!(e.starts_with("bad.toml: missing slots border_focused, title,"), "{e}");
    assert!(e.contains("extends = \"dark\""), "{e}");
    assert!(!e.contains(" border,"), "border is given: {e}");
}

#[test]
fn extends_must_name_a_theme_and_not_go_round_in_circles() {
    let e = error("extends = \"sepia\"\n");
    assert!(
        e.contains("extends unknown theme \"sepia\"") && e.contains("dark, high-contrast, light, mono"),
        "{e}"
    );
    let dir = config_dir(&[("a", "extends = \"b\"\n"), ("b", "extends = \"a\"\n")]);
    let e = load_theme("a", Some(dir.path())).expect_err("a circle").to_string();
    assert!(e.contains("circle") && e.contains("a.toml") && e.contains("b.toml"), "{e}");
    let dir = config_dir(&[("self", "extends = \"self\"\n")]);
    let e = load_theme("self", Some(dir.path())).expect_err("a circle").to_string();
    assert!(e.contains("circle"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Finding themes

#[test]
fn an_unknown_theme_name_lists_the_available_ones() {
    let e = load_theme("solarized", None).expect_err("unknown");
    assert!(matches!(&e, ThemeError::Unknown { name, .. } if name == "solarized"));
    assert_eq!(
        e.to_string(),
        "unknown theme \"solarized\"; available themes: dark, high-contrast, light, mono"
    );
    let dir = config_dir(&[("sepia", "extends = \"light\"\n")]);
    let e = load_theme("solarized", Some(dir.path())).expect_err("unknown").to_string();
    assert!(e.ends_with("available themes: dark, high-contrast, light, mono, sepia"), "{e}");
    // Not a way out of the themes directory.
    let e = load_theme("..", Some(dir.path())).expect_err("not a name").to_string();
    assert!(e.starts_with("unknown theme \"..\""), "{e}");
}

#[test]
fn user_themes_add_to_and_override_the_built_in_ones() {
    let dir = config_dir(&[
        ("dark", "extends = \"dark\"\nborder_focused = { fg = \"red\", modifiers = [\"bold\"] }\n"),
        ("sepia", "description = \"mine\"\nextends = \"light\"\nsection = \"#875f00\"\n"),
        ("not a theme", "junk ="),
    ]);
    std::fs::write(dir.path().join("themes").join("notes.txt"), "not a theme").expect("write");
    assert_eq!(available_themes(Some(dir.path())), ["dark", "high-contrast", "light", "mono", "sepia"]);

    let dark = load_theme("dark", Some(dir.path())).expect("user dark");
    assert_eq!(dark.border_focused, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD));
    assert_eq!(Theme { border_focused: theme("dark").border_focused, ..dark.clone() }, theme("dark"));

    let sepia = load_theme("sepia", Some(dir.path())).expect("user theme");
    assert_eq!(sepia.section, Style::new().fg(Color::Rgb(0x87, 0x5f, 0x00)));
    assert_eq!(sepia.border_focused, theme("light").border_focused);

    // A theme file with a problem is named by its path.
    let broken = config_dir(&[("light", "extends = \"dark\"\nborder = \"bleu\"\n")]);
    let e = load_theme("light", Some(broken.path())).expect_err("broken").to_string();
    let path = broken.path().join("themes").join("light.toml");
    assert!(e.starts_with(&format!("{}:2:10:", path.display())), "{e}");
    // Without a config dir the built-in one is used.
    assert_eq!(load_theme("light", None).expect("built in"), theme("light"));
}

#[test]
fn a_theme_can_be_given_as_a_path() {
    let dir = config_dir(&[]);
    let path: PathBuf = dir.path().join("try.toml");
    std::fs::write(&path, "extends = \"high-contrast\"\nitem = \"cyan\"\n").expect("write");
    let t = load_theme(path.to_str().expect("utf-8 path"), None).expect("by path");
    assert_eq!(t.item, Style::new().fg(Color::Cyan));
    let missing = dir.path().join("missing.toml");
    let e = load_theme(missing.to_str().expect("utf-8 path"), None).expect_err("missing").to_string();
    assert!(e.starts_with("cannot read theme file") && e.contains("missing.toml"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Colour mapping

#[test]
fn rgb_maps_to_the_nearest_xterm_256_index() {
    let table = [
        ((0xff, 0x00, 0x00), 196),
        ((0x00, 0x00, 0x00), 16),
        ((0xff, 0xff, 0xff), 231),
        ((0x80, 0x80, 0x80), 244),
        ((0x5f, 0x87, 0xaf), 67),
        ((0x00, 0x5f, 0xd7), 26),
        ((0xfe, 0x01, 0x01), 196),
        ((0x1f, 0x6f, 0xeb), 27),
        ((0x30, 0x30, 0x30), 236),
        ((0xee, 0xee, 0xee), 255),
        ((0x12, 0x12, 0x12), 233),
    ];
    for ((r, g, b), want) in table {
        assert_eq!(to_256(Color::Rgb(r, g, b)), Color::Indexed(want), "#{r:02x}{g:02x}{b:02x}");
    }
    // Grays land on the gray ramp.
    for v in [0x30u8, 0x58, 0x80, 0xa0, 0xc8] {
        let Color::Indexed(n) = to_256(Color::Rgb(v, v, v)) else { panic!("not indexed") };
        assert!((232..=255).contains(&n), "#{v:02x}{v:02x}{v:02x} → {n}");
    }
    // What a 256-colour terminal already has stays.
    for c in [Color::Indexed(67), Color::Red, Color::LightCyan, Color::Reset] {
        assert_eq!(to_256(c), c);
    }
}

#[test]
fn every_colour_maps_to_one_of_the_16_by_hue() {
    let one_of = |c: Color, want: &[Color]| {
        let got = to_16(c);
        assert!(want.contains(&got), "{c:?} → {got:?}, want one of {want:?}");
    };
    one_of(Color::Rgb(0xff, 0, 0), &[Color::Red, Color::LightRed]);
    one_of(Color::Rgb(0xcd, 0, 0), &[Color::Red]);
    one_of(Color::Rgb(0xff, 0x87, 0x87), &[Color::LightRed]);
    one_of(Color::Rgb(0, 0xaf, 0), &[Color::Green]);
    one_of(Color::Rgb(0xd7, 0xd7, 0), &[Color::Yellow, Color::LightYellow]);
    one_of(Color::Rgb(0, 0, 0xaf), &[Color::Blue]);
    one_of(Color::Rgb(0x5f, 0x87, 0xff), &[Color::Blue, Color::LightBlue]);
    one_of(Color::Rgb(0xaf, 0, 0xaf), &[Color::Magenta]);
    one_of(Color::Rgb(0, 0xaf, 0xaf), &[Color::Cyan]);
    one_of(Color::Rgb(0x80, 0x80, 0x80), &[Color::DarkGray, Color::Gray]);
    one_of(Color::Rgb(0x10, 0x10, 0x10), &[Color::Black]);
    one_of(Color::Rgb(0x20, 0x00, 0x30), &[Color::Black]);
    one_of(Color::Rgb(0xfa, 0xfa, 0xfa), &[Color::White]);
    one_of(Color::Indexed(231), &[Color::White, Color::Gray]);
    one_of(Color::Indexed(16), &[Color::Black]);
    one_of(Color::Indexed(196), &[Color::Red, Color::LightRed]);
    one_of(Color::Indexed(21), &[Color::Blue, Color::LightBlue]);
    one_of(Color::Indexed(46), &[Color::Green, Color::LightGreen]);
    one_of(Color::Indexed(244), &[Color::DarkGray, Color::Gray]);
    one_of(Color::Indexed(236), &[Color::Black, Color::DarkGray]);
    // Indices 0–15 are the 16 colours themselves.
    assert_eq!(to_16(Color::Indexed(0)), Color::Black);
    assert_eq!(to_16(Color::Indexed(8)), Color::DarkGray);
    assert_eq!(to_16(Color::Indexed(9)), Color::LightRed);
    assert_eq!(to_16(Color::Indexed(15)), Color::White);
    for c in [Color::Reset, Color::Magenta, Color::DarkGray, Color::LightYellow] {
        assert_eq!(to_16(c), c);
    }
    // Nothing ever escapes the 16.
    for n in 0..=255u8 {
        assert!(is_ansi16(to_16(Color::Indexed(n))), "Indexed({n})");
    }
    for r in (0..=255u8).step_by(17) {
        for g in (0..=255u8).step_by(17) {
            for b in (0..=255u8).step_by(17) {
                assert!(is_ansi16(to_16(Color::Rgb(r, g, b))));
                assert!(matches!(to_256(Color::Rgb(r, g, b)), Color::Indexed(16..=255)));
            }
        }
    }
}

#[test]
fn every_theme_maps_down_to_every_depth() {
    for name in BUILTIN {
        let t = theme(name);
        assert_eq!(t.for_depth(ColorDepth::TrueColor), t, "{name}: truecolor changes nothing");
        for (slot, c) in colors(&t.for_depth(ColorDepth::Ansi256)) {
            assert!(!matches!(c, Color::Rgb(..)), "{name}.{slot} under 256: {c:?}");
        }
        for (slot, c) in colors(&t.for_depth(ColorDepth::Ansi16)) {
            assert!(is_ansi16(c), "{name}.{slot} under 16: {c:?}");
        }
        let none = t.for_depth(ColorDepth::None);
        assert!(colors(&none).is_empty(), "{name} under none: {:?}", colors(&none));
        // Modifiers survive every mapping.
        for depth in [ColorDepth::Ansi256, ColorDepth::Ansi16, ColorDepth::None] {
            let mapped = t.for_depth(depth);
            for slot in SLOTS {
                let (a, b) = (t.slot(slot).expect("slot"), mapped.slot(slot).expect("slot"));
                assert!(b.add_modifier.contains(a.add_modifier), "{name}.{slot} under {depth}");
            }
        }
    }
    // The light theme's colours, exactly.
    let light = theme("light").for_depth(ColorDepth::Ansi256);
    assert_eq!(light.border_focused.fg, Some(Color::Indexed(26)));
    assert_eq!(light.border.fg, Some(Color::Indexed(250)));
    assert_eq!(light.highlight.bg, Some(Color::Indexed(221)));
    let light16 = theme("light").for_depth(ColorDepth::Ansi16);
    assert_eq!(light16.score_full.fg, Some(Color::Green));
    assert_eq!(light16.score_low.fg, Some(Color::Red));
    assert_eq!(light16.section.fg, Some(Color::Blue));
    assert_eq!(light16.error.bg, Some(Color::Red));
}

// ---------------------------------------------------------------------------------------------
// Colour depth and NO_COLOR

fn depth(vars: &[(&str, &str)]) -> ColorDepth {
    detect_depth(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()))
}

#[test]
fn colour_depth_is_read_from_the_environment() {
    use ColorDepth::*;
    let table: &[(&[(&str, &str)], ColorDepth)] = &[
        (&[("COLORTERM", "truecolor"), ("TERM", "xterm-256color")], TrueColor),
        (&[("COLORTERM", "24bit"), ("TERM", "xterm")], TrueColor),
        (&[("COLORTERM", "TrueColor")], TrueColor),
        (&[("TERM", "xterm-direct")], TrueColor),
        (&[("TERM", "xterm-256color")], Ansi256),
        (&[("TERM", "xterm-256color"), ("COLORTERM", "yes")], Ansi256),
        (&[("TERM", "xterm")], Ansi16),
        (&[("TERM", "vt100")], Ansi16),
        (&[("TERM", "linux")], Ansi16),
        (&[], Ansi16),
        (&[("TERM", "dumb")], None),
        (&[("TERM", "dumb"), ("COLORTERM", "truecolor")], None),
        // tmux and screen follow the same rules.
        (&[("TERM", "tmux-256color"), ("TMUX", "/tmp/tmux-1000/default,1,0")], Ansi256),
        (&[("TERM", "screen-256color"), ("STY", "1.pts-0")], Ansi256),
        (&[("TERM", "screen")], Ansi16),
        (&[("TERM", "tmux")], Ansi16),
        (&[("TERM", "tmux-256color"), ("COLORTERM", "truecolor")], TrueColor),
        // NO_COLOR with any non-empty value wins over everything…
        (&[("NO_COLOR", "1"), ("COLORTERM", "truecolor"), ("TERM", "xterm-256color")], None),
        (&[("NO_COLOR", "0"), ("TERM", "xterm-256color")], None),
        (&[("NO_COLOR", "false"), ("TERM", "xterm")], None),
        // …and an empty NO_COLOR is ignored, as no-color.org says.
        (&[("NO_COLOR", ""), ("TERM", "xterm-256color")], Ansi256),
    ];
    for (vars, want) in table {
        assert_eq!(depth(vars), *want, "{vars:?}");
    }
}

/// The slots that must stay told apart without colour, and how.
const MUST_STAY_VISIBLE: [(&str, Modifier); 6] = [
    ("selection", Modifier::REVERSED),
    ("border_focused", Modifier::BOLD),
    ("highlight", Modifier::UNDERLINED),
    ("error", Modifier::REVERSED),
    ("flag", Modifier::BOLD),
    ("warning", Modifier::BOLD),
];

#[test]
fn mono_and_no_color_keep_selection_and_focus_visible() {
    let mono = theme("mono");
    for name in BUILTIN {
        let none = theme(name).for_depth(ColorDepth::None);
        for t in [&none, &mono] {
            for (slot, m) in MUST_STAY_VISIBLE {
                let style = t.slot(slot).expect("slot");
                assert!(style.add_modifier.contains(m), "{name}.{slot} without colour: {style:?}");
                assert!(!style.sub_modifier.contains(m));
            }
        }
        // Every theme without colour is at least as marked as mono.
        for slot in SLOTS {
            let (m, n) = (mono.slot(slot).expect("slot"), none.slot(slot).expect("slot"));
            assert!(n.add_modifier.contains(m.add_modifier), "{name}.{slot}: {n:?} lacks {m:?}");
            assert_eq!(m.add_modifier, no_color_modifiers(slot), "mono.{slot} is the no-colour fallback");
        }
        // The focused border is told from the others.
        assert_ne!(none.border_focused, none.border, "{name}");
    }
    assert_eq!(theme("dark").for_depth(ColorDepth::None), mono);
    assert_eq!(mono.for_depth(ColorDepth::None), mono);
}

// ---------------------------------------------------------------------------------------------
// Whole screens

const ENGLISH: &[u8] = include_bytes!("../../fixtures/english-sample.json");
const W: u16 = 120;
const H: u16 = 36;

fn app_with(theme: Theme) -> App {
    let report = parse_report(ENGLISH).unwrap_or_else(|p| panic!("fixture: {p:?}"));
    let scores = Scores::new(&report);
    let mut app =
        App::new(report, scores, PathBuf::from("/nonexistent/x.scores.json"), Rect::new(0, 0, W, H));
    app.theme = theme;
    app
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test terminal");
    terminal
        .draw(|f| {
            view::draw(app, &mut view::ViewState::default(), f);
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The cells of the outline row under the cursor, inside the pane's border.
fn selected_row(app: &App, buf: &Buffer) -> Vec<ratatui::buffer::Cell> {
    let pane = app.panes().outline;
    let y = pane.y + 1 + u16::try_from(app.cursor - app.outline_offset).expect("row");
    (pane.x + 1..pane.right() - 1).map(|x| buf[(x, y)].clone()).collect()
}

fn all_cells(buf: &Buffer) -> impl Iterator<Item = (u16, u16, &ratatui::buffer::Cell)> {
    let area = buf.area;
    (area.top()..area.bottom())
        .flat_map(move |y| (area.left()..area.right()).map(move |x| (x, y, &buf[(x, y)])))
}

#[test]
fn light_on_a_256_colour_terminal() {
    let t = theme("light").for_depth(ColorDepth::Ansi256);
    let app = app_with(t.clone());
    let buf = draw(&app);
    let p = app.panes();
    assert!(p.outline.width > 0 && p.reading.width > 0, "both panes shown at {W}×{H}");
    // The focused pane (the outline) has the theme's focus border, the reading pane the other.
    let corner = &buf[(p.outline.x, p.outline.y)];
    assert_eq!(corner.symbol(), "╭");
    assert_eq!(corner.fg, Color::Indexed(26));
    assert!(corner.modifier.contains(Modifier::BOLD));
    let reading = &buf[(p.reading.x, p.reading.y + 2)];
    assert_eq!(reading.symbol(), "│");
    assert_eq!(reading.fg, Color::Indexed(250));
    // The selected row is reversed from end to end.
    let row = selected_row(&app, &buf);
    assert!(row.iter().all(|c| c.modifier.contains(Modifier::REVERSED)), "{row:?}");
    // Section titles in the outline carry the section colour.
    assert!(
        all_cells(&buf).any(|(_, _, c)| c.fg == Color::Indexed(19) && c.modifier.contains(Modifier::BOLD))
    );
    for (x, y, c) in all_cells(&buf) {
        assert!(!matches!(c.fg, Color::Rgb(..)) && !matches!(c.bg, Color::Rgb(..)), "({x},{y}) {c:?}");
    }
}

#[test]
fn light_without_colour() {
    let app = app_with(theme("light").for_depth(ColorDepth::None));
    let buf = draw(&app);
    for (x, y, c) in all_cells(&buf) {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "({x},{y}) {:?} has colour", c.symbol());
    }
    let row = selected_row(&app, &buf);
    assert!(row.iter().all(|c| c.modifier.contains(Modifier::REVERSED)), "{row:?}");
    let p = app.panes();
    let focused = &buf[(p.outline.x, p.outline.y)];
    let other = &buf[(p.reading.x, p.reading.y)];
    assert!(focused.modifier.contains(Modifier::BOLD), "{focused:?}");
    assert!(!other.modifier.contains(Modifier::BOLD) && other.modifier.contains(Modifier::DIM), "{other:?}");
}

#[test]
fn dark_and_high_contrast_on_a_16_colour_terminal() {
    for name in ["dark", "high-contrast", "light"] {
        let t = theme(name).for_depth(ColorDepth::Ansi16);
        let app = app_with(t.clone());
        let buf = draw(&app);
        for (x, y, c) in all_cells(&buf) {
            assert!(is_ansi16(c.fg) && is_ansi16(c.bg), "{name} ({x},{y}) {:?}: {c:?}", c.symbol());
        }
        let p = app.panes();
        assert_eq!(buf[(p.outline.x, p.outline.y)].fg, t.border_focused.fg.expect("focus colour"), "{name}");
        assert_eq!(buf[(p.reading.x, p.reading.y)].fg, t.border.fg.expect("border colour"), "{name}");
    }
    // High contrast reverses the selection and makes it bold; dark reverses it.
    let app = app_with(theme("high-contrast"));
    let buf = draw(&app);
    let row = selected_row(&app, &buf);
    assert!(row.iter().all(|c| c.modifier.contains(Modifier::REVERSED | Modifier::BOLD)), "{row:?}");
    let app = app_with(theme("dark").for_depth(ColorDepth::Ansi16));
    let buf = draw(&app);
    let row = selected_row(&app, &buf);
    assert!(row.iter().all(|c| c.modifier.contains(Modifier::REVERSED) && c.bg == Color::Reset), "{row:?}");
}
