//! `src/` as the source-reading tests (`layers`, `placeholders`) see it: comments and the
//! insides of literals blanked (byte offsets kept), brackets matched, lists split at their
//! top-level commas, `use` trees read and test code found. Enough of Rust for `use` paths and
//! `fill` calls, no more.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A source file: its name for messages, the text, and the text with comments blanked and the
/// insides of string and char literals blanked (same byte offsets), which the checker reads.
pub struct Source {
    pub name: String,
    pub text: String,
    pub code: Vec<u8>,
}

impl Source {
    pub fn new(name: &str, text: &str) -> Source {
        Source { name: name.to_string(), text: text.to_string(), code: mask(text.as_bytes()) }
    }

    pub fn line(&self, at: usize) -> usize {
        self.text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1
    }

    pub fn place(&self, at: usize) -> String {
        format!("{}:{}", self.name, self.line(at))
    }

    pub fn code(&self, from: usize, to: usize) -> &str {
        std::str::from_utf8(&self.code[from..to]).unwrap_or("")
    }
}

pub fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `text` with comments blanked and the insides of string and char literals blanked, so that
/// code can be searched without tripping on either. Newlines are kept.
pub fn mask(text: &[u8]) -> Vec<u8> {
    let mut out = text.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(text.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with(b"//") {
            let end = rest.iter().position(|&b| b == b'\n').map_or(text.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0, i);
            while j < text.len() {
                if text[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if text[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if rest[0] == b'r' && starts_token(text, i) && raw_string_hashes(rest).is_some() {
            let hashes = raw_string_hashes(rest).unwrap_or(0);
            let open = i + 2 + hashes;
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            let end =
                text[open..].windows(close.len()).position(|w| w == close).map_or(text.len(), |n| open + n);
            blank(&mut out, open, end);
            i = end + close.len();
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < text.len() && text[j] != b'"' {
                j += if text[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i + 1, j);
            i = j + 1;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '\u{3000}', '中') or a lifetime ('a).
            let end = if rest.get(1) == Some(&b'\\') {
                rest[2..].iter().position(|&b| b == b'\'').map(|n| i + 2 + n)
            } else {
                let width = match rest.get(1) {
                    Some(&b) if b >= 0xf0 => 4,
                    Some(&b) if b >= 0xe0 => 3,
                    Some(&b) if b >= 0xc0 => 2,
                    _ => 1,
                };
                (rest.get(1 + width) == Some(&b'\'')).then_some(i + 1 + width)
            };
            match end {
                Some(end) => {
                    blank(&mut out, i + 1, end);
                    i = end + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a literal may start at `i`: not inside an identifier (`br"…"` is a byte string).
fn starts_token(text: &[u8], i: usize) -> bool {
    match i.checked_sub(1).map(|p| text[p]) {
        None => true,
        Some(b'b') => i < 2 || !is_ident(text[i - 2]),
        Some(p) => !is_ident(p),
    }
}

/// `Some(number of #)` when `text` starts a raw string, `r"…"` or `r#"…"#`.
fn raw_string_hashes(text: &[u8]) -> Option<usize> {
    let hashes = text[1..].iter().take_while(|&&b| b == b'#').count();
    (text.get(1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// The position after the bracket that closes the one at `open`.
pub fn closing(code: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, &b) in code.iter().enumerate().skip(open) {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The top-level comma-separated parts of `code[from..to]`, as ranges: a call's arguments.
pub fn parts(code: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
    split(code, from, to, false)
}

/// The parameters of a function or closure: as [`parts`], with commas inside `<…>` kept.
pub fn params(code: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
    split(code, from, to, true)
}

/// Whether `code[j]` opens or closes `<…>` (not `->` or `=>`).
pub fn angle(code: &[u8], j: usize) -> Option<bool> {
    match code[j] {
        b'<' => Some(true),
        b'>' if j > 0 && (code[j - 1] == b'-' || code[j - 1] == b'=') => None,
        b'>' => Some(false),
        _ => None,
    }
}

fn split(code: &[u8], from: usize, to: usize, angles: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, from);
    for j in from..to {
        match (code[j], angles.then(|| angle(code, j)).flatten()) {
            (_, Some(true)) | (b'(' | b'[' | b'{', _) => depth += 1,
            (_, Some(false)) | (b')' | b']' | b'}', _) => depth = depth.saturating_sub(1),
            (b',', _) if depth == 0 => {
                out.push((start, j));
                start = j + 1;
            }
            _ => {}
        }
    }
    if code[start..to].iter().any(|b| !b.is_ascii_whitespace()) {
        out.push((start, to));
    }
    out
}

/// Whole-word occurrences of `word` in `code`.
pub fn occurrences<'a>(code: &'a [u8], word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let w = word.as_bytes();
    (0..code.len().saturating_sub(w.len() - 1)).filter(move |&i| {
        code[i..].starts_with(w)
            && (i == 0 || !is_ident(code[i - 1]))
            && code.get(i + w.len()).is_none_or(|&b| !is_ident(b))
    })
}

pub fn skip_space_back(code: &[u8], mut at: usize) -> usize {
    while at > 0 && code[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    at
}

pub fn skip_space(code: &[u8], mut at: usize) -> usize {
    while at < code.len() && code[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// The identifier ending at `end` (exclusive), and where it starts.
pub fn ident_before(code: &[u8], end: usize) -> (usize, &str) {
    let mut start = end;
    while start > 0 && is_ident(code[start - 1]) {
        start -= 1;
    }
    (start, std::str::from_utf8(&code[start..end]).unwrap_or(""))
}

/// Every `.rs` file below `dir`.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file of `src/`, named from the crate's root (`src/report/load.rs`), sorted.
pub fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            Source::new(&name, &std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// A module's path from the crate's root: `src/export/merge.rs` → `["export", "merge"]`,
/// `src/export/mod.rs` → `["export"]`, `src/lib.rs` → `[]`.
pub fn module_path(name: &str) -> Vec<String> {
    let rel = name.strip_prefix("src/").unwrap_or(name);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts == ["lib"] || parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The folder of a file's `mod x;` files.
fn children_dir(name: &str) -> String {
    let (dir, file) = name.rsplit_once('/').unwrap_or(("", name));
    match file {
        "mod.rs" | "lib.rs" | "main.rs" => dir.to_string(),
        _ => format!("{dir}/{}", file.trim_end_matches(".rs")),
    }
}

/// Where the item starting at `from` ends: after its `;` or its `{ … }`.
fn item_end(code: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    for j in from..code.len() {
        match code[j] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b';' if depth == 0 => return j + 1,
            b'{' if depth == 0 => return closing(code, j).unwrap_or(code.len()),
            _ => {}
        }
    }
    code.len()
}

/// The `#[cfg(test)]` items of `source`, as byte ranges, and the files of the `mod x;`s among them.
pub fn test_items(source: &Source) -> (Vec<(usize, usize)>, Vec<String>) {
    let code = &source.code;
    let marker: &[u8] = b"#[cfg(test)]";
    let (mut ranges, mut files) = (Vec::new(), Vec::new());
    let mut at = 0;
    while let Some(found) = code[at..].windows(marker.len()).position(|w| w == marker) {
        let start = at + found;
        let mut j = start + marker.len();
        let mut path = None;
        // More attributes: `#[path = "load_tests.rs"]` names the file.
        loop {
            j = skip_space(code, j);
            if code.get(j) != Some(&b'#') {
                break;
            }
            let end = code[j..].iter().position(|&b| b == b']').map_or(code.len(), |n| j + n + 1);
            if let Some(value) = source.text[j..end].strip_prefix("#[path").and_then(|r| r.split('"').nth(1))
            {
                path = Some(value.to_string());
            }
            j = end;
        }
        let end = item_end(code, j);
        let item = source.code(j, end);
        let mut words =
            item.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').filter(|w| !w.is_empty());
        if item.trim_end().ends_with(';') && words.any(|w| w == "mod") {
            let dir = source.name.rsplit_once('/').map_or("", |(d, _)| d);
            files.push(match (path, words.next()) {
                (Some(p), _) => format!("{dir}/{p}"),
                (None, Some(name)) => format!("{}/{name}", children_dir(&source.name)),
                (None, None) => continue,
            });
        }
        ranges.push((start, end));
        at = end.max(start + 1);
    }
    (ranges, files)
}

/// Whether a file of `files` holds only test code: one a `#[cfg(test)] mod x;` declares, or a
/// file below it.
pub fn test_files(files: &[Source]) -> impl Fn(&str) -> bool {
    let declared: BTreeSet<String> = files.iter().flat_map(|s| test_items(s).1).collect();
    move |name: &str| {
        declared.iter().any(|t| {
            name == t
                || name == format!("{t}.rs")
                || name.starts_with(&format!("{}/", t.trim_end_matches(".rs")))
        })
    }
}

/// The paths a `use` tree names, each with the name it brings in: `a::{b, c::{d as e}, self}`
/// → `a::b` as `b`, `a::c::d` as `e`, `a` as `a`; a glob `a::*` → `a` as `*`.
pub fn use_paths(tree: &str) -> Vec<(Vec<String>, String)> {
    let mut tokens = Vec::new();
    let mut rest = tree;
    while let Some(c) = rest.chars().next() {
        if c.is_alphanumeric() || c == '_' {
            let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_').unwrap_or(rest.len());
            tokens.push(&rest[..end]);
            rest = &rest[end..];
        } else {
            if matches!(c, '{' | '}' | ',' | '*') {
                tokens.push(&rest[..1]);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    let mut out = Vec::new();
    tree_paths(&tokens, &mut 0, &mut Vec::new(), &mut out);
    out
}

/// The tree at `tokens[*i]`: segments, then a `{…}` list, a glob or an alias.
fn tree_paths(
    tokens: &[&str],
    i: &mut usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
) {
    let n = prefix.len();
    let mut name = None;
    while let Some(&token) = tokens.get(*i) {
        match token {
            "{" => {
                *i += 1;
                while tokens.get(*i).is_some_and(|t| *t != "}") {
                    tree_paths(tokens, i, prefix, out);
                    if tokens.get(*i) == Some(&",") {
                        *i += 1;
                    }
                }
                *i += 1;
                prefix.truncate(n);
                return;
            }
            "," | "}" => break,
            "*" => {
                name = Some("*".to_string());
                *i += 1;
            }
            "as" => {
                name = tokens.get(*i + 1).map(|t| t.to_string());
                *i += 2;
            }
            segment => {
                prefix.push(segment.to_string());
                *i += 1;
            }
        }
    }
    let mut path = prefix.clone();
    if path.last().is_some_and(|s| s == "self") {
        path.pop();
    }
    if let Some(name) = name.or_else(|| path.last().cloned()) {
        out.push((path, name));
    }
    prefix.truncate(n);
}
