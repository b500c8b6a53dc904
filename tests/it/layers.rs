//! The layers hold by themselves: a module may use only its own layer and the ones below it
//! (ARCHITECTURE.md, "Layers"). Read from the source, so the rule does not depend on memory:
//!
//! core (report, scores, search, filter, text, lang, import, export, generate, io_error)
//!   → store, panel → config, theme → tui → cmd, main
//!
//! The core and the store know no terminal (`ratatui`, `crossterm`); only the tui and the
//! command layer start one. Every module of `src/` must be given a layer here.
//!
//! Inside a layer, and inside a module, uses go one way: no circles (see below).

use crate::rust_source::{
    Source, module_path, occurrences, rust_files, sources, test_files, test_items, use_paths,
};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
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
    ("heap", Layer::Core),
    ("io_error", Layer::Core),
    ("input", Layer::Core),
    ("lang", Layer::Core),
    ("words", Layer::Core),
    ("store", Layer::Store),
    ("panel", Layer::Store),
    ("evaluation", Layer::Store),
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

// No circles: inside a module, its files (a folder counting as one) use each other one way
// only. Two files that use each other, directly or round a longer loop, share a piece that
// belongs below both. The crate is a module too: its top-level modules form no circle either.
// A `mod.rs` is its module's face (it declares and re-exports the files) and not one of them;
// a use through a re-export counts as a use of the file re-exported. Test code
// (`#[cfg(test)]`) may use anything.

/// Circles known and left to their modules' owners (the commands, the terminal layer). The
/// test fails when one grows or a new one appears, and when one is gone (take it off the list).
const KNOWN_CIRCLES: &[(&str, &[&str])] = &[
    ("src/cmd", &["export.rs", "import.rs", "open.rs"]),
    ("src/cmd", &["merge.rs", "merge_inputs.rs", "panel.rs"]),
    ("src/tui", &["app/", "keymap.rs"]),
    ("src/tui/view", &["kept.rs", "reading.rs"]),
];

/// Which file of `src/` uses which: file → (used file → the line of its first use).
struct Uses {
    edges: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Uses {
    fn of(files: &[Source]) -> Uses {
        // Test code is left out: the files `#[cfg(test)] mod x;` declares, and the items.
        let is_test = test_files(files);
        let mut production: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
        for source in files {
            let (ranges, _) = test_items(source);
            let mut code = source.code.clone();
            for (from, to) in ranges {
                code[from..to].iter_mut().filter(|b| **b != b'\n').for_each(|b| *b = b' ');
            }
            production.insert(&source.name, code);
        }
        // `main.rs` is another crate (the binary): its `crate::` is not the library's.
        let files: Vec<&Source> =
            files.iter().filter(|s| s.name != "src/main.rs" && !is_test(&s.name)).collect();
        let modules: BTreeMap<String, &str> =
            files.iter().map(|s| (module_path(&s.name).join("::"), s.name.as_str())).collect();
        // Each file's `use`s, as absolute paths with the name each brings in, and its re-exports.
        let mut paths: Vec<(&str, usize, Vec<String>)> = Vec::new();
        let mut reexports: BTreeMap<(&str, String), Vec<String>> = BTreeMap::new();
        for source in &files {
            let code = &production[source.name.as_str()];
            let here = module_path(&source.name);
            let absolute = |path: &[String]| -> Option<Vec<String>> {
                let (first, rest) = path.split_first()?;
                let mut out = match first.as_str() {
                    "crate" => Vec::new(),
                    "self" => here.clone(),
                    "super" => {
                        let mut base = here.clone();
                        base.pop();
                        let supers = rest.iter().take_while(|s| *s == "super").count();
                        base.truncate(base.len().saturating_sub(supers));
                        base.extend(rest[supers..].iter().cloned());
                        return Some(base);
                    }
                    child
                        if modules
                            .contains_key(&[here.as_slice(), &[child.to_string()]].concat().join("::")) =>
                    {
                        [here.clone(), vec![child.to_string()]].concat()
                    }
                    _ => return None, // another crate
                };
                out.extend(rest.iter().cloned());
                Some(out)
            };
            let mut in_use = Vec::new();
            for at in occurrences(code, "use") {
                let end = code[at..].iter().position(|&b| b == b';').map_or(code.len(), |n| at + n);
                let line_start = code[..at].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
                let public = source.code(line_start, at).trim_start().starts_with("pub");
                for (path, name) in use_paths(source.code(at + 3, end)) {
                    let Some(path) = absolute(&path) else { continue };
                    if public && name != "*" {
                        reexports.insert((source.name.as_str(), name), path.clone());
                    }
                    paths.push((source.name.as_str(), source.line(at), path));
                }
                in_use.push((at, end));
            }
            // Paths in the code: `crate::a::b`, `super::c`, `self::d`.
            for first in ["crate", "super", "self"] {
                for at in occurrences(code, first) {
                    if in_use.iter().any(|&(s, e)| s <= at && at < e) || code[..at].ends_with(b"$") {
                        continue;
                    }
                    let mut path = vec![first.to_string()];
                    let mut j = at + first.len();
                    while code[j..].starts_with(b"::") {
                        let k = j + 2;
                        let end = k + code[k..]
                            .iter()
                            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                            .count();
                        if end == k {
                            break;
                        }
                        path.push(source.code(k, end).to_string());
                        j = end;
                    }
                    if path.len() > 1
                        && let Some(path) = absolute(&path)
                    {
                        paths.push((source.name.as_str(), source.line(at), path));
                    }
                }
            }
        }
        // A path → the file that defines it, following re-exports.
        let resolve = |path: &[String]| -> Option<&str> {
            let mut path = path.to_vec();
            for _ in 0..8 {
                let mut m = 0;
                while m < path.len() && modules.contains_key(&path[..=m].join("::")) {
                    m += 1;
                }
                let file = *modules.get(&path[..m].join("::"))?;
                match path.get(m).and_then(|name| reexports.get(&(file, name.clone()))) {
                    Some(target) => path = [target.clone(), path[m + 1..].to_vec()].concat(),
                    None => return Some(file),
                }
            }
            None
        };
        let mut edges: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (from, line, path) in paths {
            if let Some(to) = resolve(&path)
                && to != from
            {
                edges.entry(from.to_string()).or_default().entry(to.to_string()).or_insert(line);
            }
        }
        Uses { edges }
    }

    /// The circles among the parts of each folder: for each, the folder, its parts in the
    /// circle, and one loop through them with the line of each use.
    fn circles(&self) -> Vec<(String, BTreeSet<String>, String)> {
        let files: BTreeSet<&str> = self
            .edges
            .iter()
            .flat_map(|(f, to)| std::iter::once(f.as_str()).chain(to.keys().map(String::as_str)))
            .collect();
        let dirs: BTreeSet<&str> =
            files.iter().flat_map(|f| f.match_indices('/').map(|(i, _)| &f[..i])).collect();
        let mut out = Vec::new();
        for dir in dirs {
            // A file's part of `dir`: itself, or the folder of `dir` it is in.
            let part_of = |file: &str| -> Option<String> {
                let rest = file.strip_prefix(dir)?.strip_prefix('/')?;
                match rest.split_once('/') {
                    Some((folder, _)) => Some(format!("{folder}/")),
                    None if matches!(rest, "mod.rs" | "lib.rs" | "main.rs") => None,
                    None => Some(rest.to_string()),
                }
            };
            let mut graph: BTreeMap<String, BTreeMap<String, (String, String, usize)>> = BTreeMap::new();
            for (from, to) in &self.edges {
                for (to, line) in to {
                    if let (Some(a), Some(b)) = (part_of(from), part_of(to))
                        && a != b
                    {
                        graph.entry(a).or_default().entry(b).or_insert((from.clone(), to.clone(), *line));
                    }
                }
            }
            for component in strongly_connected(&graph) {
                let start = component.iter().next().unwrap().clone();
                // The shortest loop from `start` back to it inside the component.
                let mut came_from: BTreeMap<String, String> = BTreeMap::new();
                let mut queue = VecDeque::from([start.clone()]);
                'search: while let Some(node) = queue.pop_front() {
                    for next in graph.get(&node).into_iter().flat_map(|n| n.keys()) {
                        if !component.contains(next) || came_from.contains_key(next) {
                            continue;
                        }
                        came_from.insert(next.clone(), node.clone());
                        if *next == start {
                            break 'search;
                        }
                        queue.push_back(next.clone());
                    }
                }
                let mut loop_ = vec![start.clone()];
                let mut node = came_from[&start].clone();
                while node != start {
                    loop_.push(node.clone());
                    node = came_from[&node].clone();
                }
                loop_.push(start.clone());
                loop_.reverse();
                let mut report = format!("{dir}: {}", loop_.join(" → "));
                if component.len() + 1 > loop_.len() {
                    let all: Vec<&str> = component.iter().map(String::as_str).collect();
                    report.push_str(&format!(" (one loop of a circle of {})", all.join(", ")));
                }
                for pair in loop_.windows(2) {
                    let (from, to, line) = &graph[&pair[0]][&pair[1]];
                    report.push_str(&format!("\n    {from}:{line} uses {to}"));
                }
                out.push((dir.to_string(), component, report));
            }
        }
        out
    }
}

/// The strongly connected components of `graph` with more than one node (Tarjan's algorithm).
fn strongly_connected<V>(graph: &BTreeMap<String, BTreeMap<String, V>>) -> Vec<BTreeSet<String>> {
    struct State<'g> {
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'g, V>(graph: &'g BTreeMap<String, BTreeMap<String, V>>, v: &'g str, s: &mut State<'g>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in graph.get(v).into_iter().flat_map(|e| e.keys()) {
            if !s.index.contains_key(w.as_str()) {
                visit(graph, w, s);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                component.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut state =
        State { index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(graph, v, &mut state);
        }
    }
    state.found
}

#[test]
fn no_module_has_a_circle_among_its_files() {
    let circles = Uses::of(&sources()).circles();
    let mut problems = Vec::new();
    for (dir, parts, report) in &circles {
        let known = KNOWN_CIRCLES
            .iter()
            .any(|(d, p)| d == dir && p.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>() == *parts);
        if !known {
            problems.push(report.clone());
        }
    }
    for (dir, parts) in KNOWN_CIRCLES {
        let parts: BTreeSet<String> = parts.iter().map(|s| s.to_string()).collect();
        if !circles.iter().any(|(d, p, _)| d == dir && *p == parts) {
            problems.push(format!("{dir}: {parts:?} no longer form a circle: take them off KNOWN_CIRCLES"));
        }
    }
    assert!(
        problems.is_empty(),
        "circles inside modules (move what they share below them):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_circle_finder_sees_what_it_must() {
    let uses =
        |files: &[(&str, &str)]| Uses::of(&files.iter().map(|(n, t)| Source::new(n, t)).collect::<Vec<_>>());
    let mut files = vec![
        ("src/lib.rs", "pub mod m;\npub mod top;"),
        ("src/top.rs", "pub fn f() {}"),
        ("src/m/mod.rs", "mod a;\nmod b;\nmod c;\npub use c::Shared;"),
        ("src/m/a.rs", "use super::{b::Thing, Shared};\n"),
        (
            "src/m/b.rs",
            "// use super::a::X;\nfn f() -> &'static str { super::Shared::new(); \"super::a::X\" }\n\
             #[cfg(test)]\nmod tests {\n    use super::super::a::X;\n}\n#[cfg(test)]\n#[path = \"b_tests.rs\"]\nmod more;",
        ),
        ("src/m/b_tests.rs", "use crate::m::a::*;"),
        ("src/m/c.rs", "pub struct Shared;\nfn g() { crate::top::f() }"),
    ];
    let clean = uses(&files);
    assert_eq!(clean.circles().len(), 0, "{:?}", clean.circles());
    let a = &clean.edges["src/m/a.rs"];
    assert_eq!(a.keys().collect::<Vec<_>>(), ["src/m/b.rs", "src/m/c.rs"], "a re-export is the file's");
    assert!(!clean.edges.contains_key("src/m/b_tests.rs"), "test files are left out");
    assert_eq!(
        clean.edges["src/m/b.rs"].keys().collect::<Vec<_>>(),
        ["src/m/c.rs"],
        "comments, strings, tests left out"
    );
    // c → a closes a → b → c → a; top → m closes m → top at the crate's level.
    files[6].1 = "pub struct Shared;\nfn g() { crate::top::f(); crate::m::a::h() }";
    files[1].1 = "pub fn f() { crate::m::Shared; }";
    let circles = uses(&files).circles();
    let reports: Vec<&str> = circles.iter().map(|(_, _, r)| r.as_str()).collect();
    assert_eq!(
        reports,
        [
            "src: m/ → top.rs → m/\n    src/m/c.rs:2 uses src/top.rs\n    src/top.rs:1 uses src/m/c.rs",
            "src/m: a.rs → c.rs → a.rs (one loop of a circle of a.rs, b.rs, c.rs)\n    \
             src/m/a.rs:1 uses src/m/c.rs\n    src/m/c.rs:2 uses src/m/a.rs"
        ]
    );
}

// A map that names every file: ARCHITECTURE.md's "Modules and what each owns" says what each
// file of `src/` owns, so a newcomer finds any file there. A module's entry is each paragraph
// (or table row) of that section naming its folder (`tui/`); a file is named by its path from
// `src/` anywhere in the document (`tui/saver.rs`), or in its module's entry by its path in the
// module (`app/modes.rs`) or, when no other file of the module has that name, by its name alone
// (`modes.rs`). A folder's `mod.rs` is named with its folder (`xlsx/`). Test code that sits in
// files of its own (`load_tests.rs`, `tests.rs`) goes with the file it tests.

/// Where ARCHITECTURE.md fails to name a file of `files`: one line for each.
fn unnamed(files: &[Source], map: &str) -> Vec<String> {
    let section = map.split("\n## ").find(|s| s.starts_with("Modules and what each owns")).unwrap_or("");
    // Paragraphs, and each table row on its own.
    let blocks: Vec<String> = section
        .split("\n\n")
        .flat_map(|p| {
            if p.trim_start().starts_with('|') {
                p.lines().map(str::to_string).collect()
            } else {
                vec![p.to_string()]
            }
        })
        .collect();
    let is_test = test_files(files);
    let names: Vec<&str> = files.iter().map(|s| s.name.as_str()).collect();
    let mut out = Vec::new();
    for name in names.iter().copied().filter(|n| !is_test(n)) {
        let rel = name.strip_prefix("src/").unwrap_or(name);
        let quoted = |s: &str| format!("`{s}`");
        let named = match rel.split_once('/') {
            None => map.contains(&quoted(rel)),
            Some((top, within)) => {
                let entry: Vec<&String> =
                    blocks.iter().filter(|b| b.contains(&quoted(&format!("{top}/")))).collect();
                let in_entry = |s: &str| entry.iter().any(|b| b.contains(&quoted(s)));
                let base = within.rsplit('/').next().unwrap_or(within);
                let alone = names
                    .iter()
                    .filter(|n| {
                        n.strip_prefix(&format!("src/{top}/"))
                            .is_some_and(|w| w.rsplit('/').next() == Some(base))
                    })
                    .count()
                    == 1;
                map.contains(&quoted(rel))
                    || match within.strip_suffix("mod.rs") {
                        Some("") => !entry.is_empty(),
                        Some(folder) => in_entry(folder) || map.contains(&quoted(&format!("{top}/{folder}"))),
                        None => in_entry(within) || alone && in_entry(base),
                    }
            }
        };
        if !named {
            out.push(format!(
                "{name} is not on ARCHITECTURE.md's map: say in its module's entry what it owns"
            ));
        }
    }
    out
}

#[test]
fn every_file_is_on_the_map() {
    let map = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    let missing = unnamed(&sources(), &map);
    assert!(missing.is_empty(), "files missing from the map:\n{}", missing.join("\n"));
}

#[test]
fn the_map_check_sees_what_it_must() {
    let files: Vec<Source> = [
        ("src/lib.rs", "pub mod m;\npub mod one;"),
        ("src/one.rs", ""),
        ("src/m/mod.rs", "mod a;\nmod sub;\n#[cfg(test)]\nmod tests;"),
        ("src/m/a.rs", "#[cfg(test)]\n#[path = \"a_tests.rs\"]\nmod tests;"),
        ("src/m/a_tests.rs", ""),
        ("src/m/tests.rs", ""),
        ("src/m/sub/mod.rs", ""),
        ("src/m/sub/a.rs", ""),
        ("src/m/sub/b.rs", ""),
    ]
    .iter()
    .map(|(n, t)| Source::new(n, t))
    .collect();
    let map = "# A\n`lib.rs`\n## Modules and what each owns\n\n| `one.rs` | one |\n| `m/` | `a.rs`; `sub/` (`b.rs`) |\n\n## Next\n`m/sub/a.rs`";
    assert_eq!(unnamed(&files, map), Vec::<String>::new());
    let short =
        map.replace(" (`b.rs`)", "").replace("`m/sub/a.rs`", "`a.rs`").replace("| `one.rs` | one |\n", "");
    assert_eq!(
        unnamed(&files, &short),
        [
            "src/one.rs is not on ARCHITECTURE.md's map: say in its module's entry what it owns",
            "src/m/sub/a.rs is not on ARCHITECTURE.md's map: say in its module's entry what it owns",
            "src/m/sub/b.rs is not on ARCHITECTURE.md's map: say in its module's entry what it owns",
        ],
        "a.rs alone names only m/a.rs: m/sub/a.rs shares its name"
    );
}

#[test]
fn use_trees_are_read_whole() {
    let paths = |tree: &str| -> Vec<(String, String)> {
        use_paths(tree).into_iter().map(|(p, n)| (p.join("::"), n)).collect()
    };
    let pair = |p: &str, n: &str| (p.to_string(), n.to_string());
    assert_eq!(
        paths(" super::{\n    agreement::{self, Reading},\n    Lang as L, x::*,\n}"),
        [
            pair("super::agreement", "agreement"),
            pair("super::agreement::Reading", "Reading"),
            pair("super::Lang", "L"),
            pair("super::x", "*")
        ]
    );
    assert_eq!(paths(" crate::words::errors as w"), [pair("crate::words::errors", "w")]);
}
