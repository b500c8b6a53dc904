//! The wild corpus (fixtures/import/wild/): 46 real openings and whole documents from public
//! pages, each beside the outline a careful reader drew before any import (`NAME.expect`, format
//! in the folder's README). Every one is imported, nothing may be lost (the check of
//! `import_wild`), re-import is byte-identical, and the outline is measured against the
//! expectation as `compare.py` measures it: the title, the top-level parts, the items and the
//! noise kept. The tune set's figures may not fall below the floor; the held-out third
//! (`HOLDOUT`) is measured and printed, never asserted beyond "imports, loses nothing": it is what
//! the next round is judged on.

use appraise::import::{Options, import_file};
use appraise::report::Report;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/import/wild")
}

/// An expectation: the scalar fields, and the `parts`, `items` and `noise` lists.
#[derive(Debug, Default)]
struct Expect {
    fields: BTreeMap<String, String>,
    parts: Vec<String>,
    items: Vec<String>,
    noise: Vec<String>,
}

fn list<'a>(e: &'a mut Expect, key: &str) -> Option<&'a mut Vec<String>> {
    match key {
        "parts" => Some(&mut e.parts),
        "items" => Some(&mut e.items),
        "noise" => Some(&mut e.noise),
        _ => None,
    }
}

fn parse_expect(name: &str, text: &str) -> Expect {
    let mut e = Expect::default();
    let mut current = String::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        if raw.starts_with("  ")
            && let Some(l) = list(&mut e, &current)
        {
            if raw.trim() != "none" {
                l.push(raw.trim().to_string());
            }
            continue;
        }
        let (key, value) = raw
            .split_once(':')
            .filter(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase()))
            .unwrap_or_else(|| panic!("{name}.expect:{}: not a `key: value` line: {raw}", n + 1));
        let value = value.trim();
        current = key.to_string();
        match list(&mut e, key) {
            Some(l) if !value.is_empty() && value != "none" => l.push(value.to_string()),
            Some(_) => {}
            None => {
                e.fields.insert(key.to_string(), value.to_string());
            }
        }
    }
    for key in ["source", "kind", "title"] {
        assert!(e.fields.contains_key(key), "{name}.expect has no `{key}:`");
    }
    e
}

/// Full-width forms as ASCII, the ideographic space a space, lower case, no white space: the
/// comparison `compare.py` makes (NFKC and case folding), for the characters these texts hold.
fn norm(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn norm_title(text: &str) -> String {
    norm(text).trim_end_matches([':', '：', '。', '.', ',', '，', ';', '；', '、']).to_string()
}

/// What the report holds for the judge: its top-level parts (bar the preface), with their items
/// and subsections, and every string a reader sees.
struct Shape {
    title: String,
    /// (title, its own items' and subsections' titles) of each top-level section but `s0`.
    tops: Vec<(String, Vec<String>)>,
    /// Whether the first of them has subsections.
    first_has_sections: bool,
    /// Titles of every item under those parts.
    items: Vec<String>,
    strings: Vec<String>,
}

fn shape(r: &Report) -> Shape {
    let mut tops: Vec<(String, Vec<String>)> = Vec::new();
    let mut items = Vec::new();
    let mut in_preface = false;
    let mut first_has_sections = None;
    for (s, sec) in r.sections.iter().enumerate() {
        if sec.depth == 0 {
            in_preface = &*sec.id == "s0";
            if !in_preface {
                let mut children: Vec<String> = sec
                    .items
                    .iter()
                    .map(|&i| r.items[i].title.as_deref().unwrap_or("").to_string())
                    .collect();
                children.extend(sec.children.iter().map(|&c| r.sections[c].title.to_string()));
                first_has_sections.get_or_insert(!sec.children.is_empty());
                tops.push((sec.title.to_string(), children));
            }
        }
        if !in_preface {
            items.extend(
                r.sections[s].items.iter().map(|&i| r.items[i].title.as_deref().unwrap_or("").to_string()),
            );
        }
    }
    let mut strings: Vec<String> = r
        .meta
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "source" | "lang" | "rubric"))
        .map(|(_, v)| v.clone())
        .collect();
    for sec in &r.sections {
        strings.push(sec.title.to_string());
        strings.push(sec.body.as_deref().unwrap_or("").to_string());
    }
    for item in &r.items {
        strings.push(item.title.as_deref().unwrap_or("").to_string());
        strings.push(item.text.to_string());
    }
    Shape {
        title: r.title.clone(),
        tops,
        first_has_sections: first_has_sections.unwrap_or(false),
        items,
        strings,
    }
}

/// The verdicts on one text: title right, parts right, items exact, noise lines kept (of all).
#[derive(Debug, Default, Clone, Copy)]
struct Verdict {
    title: bool,
    parts: bool,
    items: bool,
    kept: usize,
    noise: usize,
}

fn judge(name: &str, e: &Expect, r: &Report) -> (Verdict, String) {
    let s = shape(r);
    let mut v = Verdict::default();
    // The title, or (none): the file name.
    let accepted: Vec<&str> = e.fields["title"].split(" | ").map(str::trim).collect();
    v.title = if accepted == ["(none)"] {
        [norm(name), norm(&r.id), String::new()].contains(&norm(&s.title))
    } else {
        accepted.iter().any(|t| norm_title(t) == norm_title(&s.title))
    };
    // The parts: the top-level sections, or the children of a lone one.
    let want: Vec<String> = e.parts.iter().map(|p| norm_title(p)).collect();
    let mut candidates: Vec<Vec<String>> = vec![s.tops.iter().map(|(t, _)| norm_title(t)).collect()];
    if s.tops.len() == 1 {
        candidates.push(s.tops[0].1.iter().map(|t| norm_title(t)).collect());
    }
    v.parts =
        if want.is_empty() { s.tops.len() <= 1 && !s.first_has_sections } else { candidates.contains(&want) };
    // The items: each expected leaf matched by an item whose title starts alike.
    let lead: &[char] = &['—', '–', '-', '•', '·'];
    let got: Vec<String> =
        s.items.iter().map(|t| norm_title(t).trim_start_matches(lead).to_string()).collect();
    let matched = e
        .items
        .iter()
        .filter(|path| {
            let leaf = norm_title(path.rsplit(" > ").next().unwrap_or(path));
            let leaf = leaf.trim_start_matches(lead);
            got.iter().any(|t| {
                t.chars().count() >= 2
                    && leaf.chars().count() >= 2
                    && (t.starts_with(leaf) || leaf.starts_with(t.as_str()))
            })
        })
        .count();
    v.items = matched == e.items.len() && got.len() == e.items.len();
    // The expected noise still in the report.
    let lines: Vec<String> =
        s.strings.iter().flat_map(|x| x.lines()).filter(|l| !l.trim().is_empty()).map(norm).collect();
    let joined = norm(&s.strings.join("\n"));
    let kept: Vec<&String> = e
        .noise
        .iter()
        .filter(|line| {
            let prefix = line.ends_with('…');
            let key = norm(line.trim_end_matches('…'));
            !key.is_empty()
                && (lines.contains(&key)
                    || (prefix && lines.iter().any(|l| l.starts_with(&key)))
                    || (key.chars().count() >= 6 && joined.contains(&key)))
        })
        .collect();
    v.kept = kept.len();
    v.noise = e.noise.len();
    let line = format!(
        "{name}: title {} ({}), parts {} {:?}, items {} ({} expected, {} imported, {matched} matched), noise kept {}/{}",
        if v.title { "ok" } else { "WRONG" },
        s.title,
        if v.parts { "ok" } else { "WRONG" },
        s.tops.iter().map(|(t, _)| t.chars().take(24).collect::<String>()).collect::<Vec<_>>(),
        if v.items { "ok" } else { "off" },
        e.items.len(),
        got.len(),
        v.kept,
        v.noise,
    );
    (v, line)
}

/// The totals of a set: texts, titles right, parts right, items exact, noise kept and listed.
#[derive(Debug, Default)]
struct Tally {
    texts: usize,
    titles: usize,
    parts: usize,
    items: usize,
    /// Title, parts and items all right.
    whole: usize,
    kept: usize,
    noise: usize,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        self.texts += 1;
        self.titles += usize::from(v.title);
        self.parts += usize::from(v.parts);
        self.items += usize::from(v.items);
        self.whole += usize::from(v.title && v.parts && v.items);
        self.kept += v.kept;
        self.noise += v.noise;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} texts — titles right {}/{n}, parts right {}/{n}, items exact {}/{n}, all three {}/{n}, noise lines kept {}/{}",
            self.texts,
            self.titles,
            self.parts,
            self.items,
            self.whole,
            self.kept,
            self.noise,
            n = self.texts
        )
    }
}

fn holdout() -> Vec<String> {
    std::fs::read_to_string(dir().join("HOLDOUT"))
        .expect("fixtures/import/wild/HOLDOUT")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_wild_corpus_imports_with_nothing_lost_and_its_outlines_measured() {
    let hold = holdout();
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("fixtures/import/wild")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".expect").map(str::to_string))
        .collect();
    names.sort();
    assert_eq!(names.len(), 46, "the corpus has 46 texts");
    assert!(hold.iter().all(|h| names.contains(h)), "HOLDOUT names a text that is not here");
    let (mut tune, mut held) = (Tally::default(), Tally::default());
    let mut lines = Vec::new();
    let mut lost = Vec::new();
    for name in &names {
        let path = dir().join(format!("{name}.txt"));
        let source = std::fs::read_to_string(&path).expect("the wild texts are UTF-8");
        let expect =
            parse_expect(name, &std::fs::read_to_string(dir().join(format!("{name}.expect"))).unwrap());
        let imported = import_file(&path, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let kept =
            std::panic::catch_unwind(|| crate::import_wild::assert_nothing_lost(name, &source, &imported));
        if kept.is_err() {
            lost.push(name.clone());
        }
        let again = import_file(&path, &Options::default()).expect("imports again");
        assert_eq!(again.json, imported.json, "{name}: re-import differs");
        let (verdict, line) = judge(name, &expect, &imported.report);
        let holdout = hold.contains(name);
        lines.push(format!("{}{line}", if holdout { "[holdout] " } else { "" }));
        if holdout { held.add(verdict) } else { tune.add(verdict) }
    }
    let report = format!("{}\ntune: {tune}\nholdout: {held}", lines.join("\n"));
    eprintln!("{report}");
    assert!(lost.is_empty(), "lines lost (see above) in {lost:?}");
    assert_eq!(tune.texts, 30, "{report}");
    // The floor for the texts tuned on (BASELINE.md's "after" column); the held-out figures are
    // printed above and in BASELINE.md, and are not asserted: nothing was tuned on them.
    let floor = (23, 23, 8);
    assert!(
        tune.titles >= floor.0 && tune.parts >= floor.1 && tune.items >= floor.2,
        "the tune set fell below its floor {floor:?}:\n{report}"
    );
}

#[test]
fn the_judge_agrees_with_a_hand_check() {
    let e = parse_expect(
        "t",
        "source: x\nkind: zh-self\ntitle: 某局2022年度绩效自评报告 | 另一个标题\nparts:\n  一、概况\n  二、成效\nitems:\n  二、成效 > （一）产出\nnoise:\n  浏览量：1\n",
    );
    let text = "某局２０２２年度绩效自评报告\n浏览量：1\n一、概况\n正文。\n二、成效\n（一）产出\n正文。\n（二）效益\n正文。\n";
    let imported =
        appraise::import::import_bytes(text.as_bytes(), std::path::Path::new("t.txt"), &Options::default())
            .expect("imports");
    let (v, line) = judge("t", &e, &imported.report);
    assert!(v.title && v.parts, "{line}");
    assert!(!v.items, "two items for one expected: {line}");
    assert_eq!((v.kept, v.noise), (0, 1), "{line}");
}
