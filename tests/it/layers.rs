//! The layers hold by themselves: a module may use only its own layer and the ones below it
//! (ARCHITECTURE.md, "Layers"). Read from the source, so the rule does not depend on memory:
//!
//! core (report, scores, search, filter, text, lang, import, export, generate, io_error)
//!   → store, panel → config, theme → tui → cmd, main
//!
//! The core and the store know no terminal (`ratatui`, `crossterm`); only the tui and the
//! command layer start one. Every module of `src/` must be given a layer here.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Core,
    Store,
    Config,
    Tui,
    Cmd,
}

/// The top-level modules of `src/` and their layers.
const MODULES: &[(&str, Layer)] = &[
    ("report", Layer::Core),
    ("scores", Layer::Core),
    ("search", Layer::Core),
    ("filter", Layer::Core),
    ("text", Layer::Core),
    ("import", Layer::Core),
    ("export", Layer::Core),
    ("generate", Layer::Core),
    ("io_error", Layer::Core),
    ("input", Layer::Core),
    ("lang", Layer::Core),
    ("words", Layer::Core),
    ("store", Layer::Store),
    ("panel", Layer::Store),
    ("config", Layer::Config),
    ("theme", Layer::Config),
    ("tui", Layer::Tui),
    ("cmd", Layer::Cmd),
    ("main", Layer::Cmd),
    ("lib", Layer::Cmd),
];

fn layer_of(module: &str) -> Option<Layer> {
    MODULES.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/report/load.rs` → `report`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.strip_suffix(".rs").map(str::to_string).unwrap_or(first)
}

/// The code of a file without its comments (line comments and doc comments).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("")))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// What `line` uses that lies outside the crate's core: a terminal crate or another module.
fn uses(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    for krate in ["ratatui", "crossterm"] {
        if line.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == krate) {
            found.push(krate.to_string());
        }
    }
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        found.push(name);
        rest = after;
    }
    found
}

#[test]
fn every_module_uses_only_its_own_layer_and_the_ones_below() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut broken = Vec::new();
    for file in &files {
        let module = module_of(file);
        let Some(layer) = layer_of(&module) else {
            broken.push(format!("{}: module `{module}` has no layer in tests/it/layers.rs", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in code_lines(&text) {
            for used in uses(line) {
                let allowed = match used.as_str() {
                    // The terminal: the tui and the commands start it; themes are its styles.
                    "ratatui" => layer >= Layer::Config && module != "config",
                    "crossterm" => layer >= Layer::Tui,
                    other => match layer_of(other) {
                        Some(l) => l <= layer,
                        None => true, // an item of lib.rs, or not a module
                    },
                };
                if !allowed {
                    broken.push(format!(
                        "{}:{n}: `{module}` ({layer:?}) uses `{used}`: {}",
                        file.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "the layers are broken:\n{}", broken.join("\n"));
}

#[test]
fn every_module_of_the_library_has_a_layer() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    for (_, line) in code_lines(&lib) {
        if let Some(name) = line.trim().strip_prefix("pub mod ").and_then(|r| r.strip_suffix(';')) {
            assert!(
                layer_of(name).is_some(),
                "src/lib.rs declares `{name}`: give it a layer in tests/it/layers.rs"
            );
        }
    }
}

#[test]
fn the_checker_sees_what_it_must() {
    assert_eq!(uses("use ratatui::style::Style;"), ["ratatui"]);
    assert_eq!(uses("let x = crate::tui::app::App::new(); crate::store::x()"), ["tui", "store"]);
    assert!(uses("ratatuiish_name(1)").is_empty());
    assert_eq!(
        code_lines("// use ratatui\nlet a = 1; // crate::tui").map(|(_, l)| uses(l).len()).sum::<usize>(),
        0
    );
}

#[test]
fn the_app_state_never_uses_the_views() {
    // Data flows one way: App::update → state → view::draw(&state). What the app must know of
    // a frame (how far its text scrolls) comes back as an action, never by calling a view.
    let mut files = Vec::new();
    rust_files(&src().join("tui/app"), &mut files);
    assert!(!files.is_empty());
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in code_lines(&text) {
            let uses_view = line
                .match_indices("view::")
                .any(|(i, _)| line[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '_'));
            if uses_view {
                broken.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(broken.is_empty(), "the app uses a view:\n{}", broken.join("\n"));
}
