//! Every `fill` in `src/` gives exactly the placeholders of the word it fills, in both
//! languages: a misspelt or forgotten name would leave `{name}` on the screen, and an extra one
//! means the text lost a value. Read from the source, so a call no test runs is checked too.
//!
//! The checker knows the few shapes a word reaches `fill` in: a constant (`w::SAVED.fill(…)`),
//! an `if` or `match` choosing one in place (`if n == 1 { ONE } else { MANY }.fill(…)`), a `let`
//! that picks one (`let word = if n == 1 { ONE } else { MANY };`), a parameter of a function or
//! closure (then every call passes constants), and `words::fill(W.in_lang(…), …)`. Names are
//! string literals in a `&[("name", &value), …]` given in place or bound by a `let`. A call it
//! cannot read is a failure that says so, never a pass: write the call in one of these shapes.
//! It reads text, not types: a name rebound by a pattern (`if let Some(word) = …`) is taken
//! for the `let` before it; `Word::fill`'s debug assertion catches that in any run.

use crate::rust_source::{
    Source, angle, closing, ident_before, is_ident, occurrences, params, parts, skip_space, skip_space_back,
    sources,
};
use appraise::words::{Word, all, placeholders};
use std::collections::BTreeSet;

/// The catalogue's words named in `code`: every constant-like identifier that is a key.
fn words_in<'w>(code: &str, catalogue: &[&'w Word]) -> Vec<&'w Word> {
    let mut found: Vec<&Word> = Vec::new();
    for token in code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
        if let Some(w) = catalogue.iter().find(|w| w.key == token)
            && !found.iter().any(|f| f.key == token)
        {
            found.push(w);
        }
    }
    found
}

/// One `fill` call: where it is, the words it may fill (each with where that was found), and
/// the names it gives.
struct Call {
    at: usize,
    words: Vec<(&'static Word, String)>,
    names: Vec<String>,
}

/// What the checker makes of a file.
struct Checked {
    calls: Vec<Call>,
    problems: Vec<String>,
}

/// Finds and reads every `fill` call in `file` (`all` holds every file, for the callers of a
/// function whose parameter is filled).
fn read_calls(file: &Source, all: &[Source], catalogue: &[&'static Word]) -> Checked {
    let code = &file.code;
    let mut checked = Checked { calls: Vec::new(), problems: Vec::new() };
    for at in occurrences(code, "fill") {
        let open = skip_space(code, at + 4);
        if code.get(open) != Some(&b'(') {
            continue;
        }
        let Some(close) = closing(code, open) else { continue };
        let before = skip_space_back(code, at);
        let (words, args) = if before > 0 && code[before - 1] == b'.' {
            // `RECEIVER.fill(args)`
            let path_end = skip_space_back(code, before - 1);
            let mut path_start = path_end;
            while path_start > 0 && (is_ident(code[path_start - 1]) || code[path_start - 1] == b':') {
                path_start -= 1;
            }
            let receiver = file.code(path_start, path_end);
            let last = receiver.rsplit("::").next().unwrap_or("");
            let words = if receiver.is_empty() && path_end > 0 && code[path_end - 1] == b'}' {
                words_of_choice(file, path_end, catalogue)
            } else if receiver.is_empty() || (path_start > 0 && code[path_start - 1] == b'.') {
                Err(format!("`{}` fills a word the check cannot name", file.code(path_start, at).trim()))
            } else if last.starts_with(|c: char| c.is_ascii_uppercase()) {
                match catalogue.iter().find(|w| w.key == last) {
                    Some(w) => Ok(vec![(*w, file.place(at))]),
                    None => Err(format!("`{last}` is not a word of the catalogue")),
                }
            } else if receiver.contains("::") {
                Err(format!("`{receiver}` fills a word the check cannot name"))
            } else {
                words_of_variable(file, all, path_start, receiver, catalogue)
            };
            if words.is_err() && !file.code(open + 1, close).trim_start().starts_with('&') {
                continue; // another type's `fill` (a word's takes `&[…]`)
            }
            (words, (open + 1, close - 1))
        } else {
            // `words::fill(text, args)`: the machinery's own; elsewhere the text is a word's.
            let (name_start, name) = ident_before(code, at + 4);
            let prefix_end = skip_space_back(code, name_start);
            let (_, keyword) = ident_before(code, prefix_end);
            if name != "fill" || keyword == "fn" || (prefix_end > 0 && code[prefix_end - 1] == b'.') {
                continue;
            }
            let path = {
                let mut s = name_start;
                while s > 0 && (is_ident(code[s - 1]) || code[s - 1] == b':') {
                    s -= 1;
                }
                file.code(s, name_start)
            };
            if !(path.is_empty() || path.ends_with("words::") || path == "super::") {
                continue; // another type's `fill`
            }
            let args = parts(code, open + 1, close - 1);
            let [text, rest] = args[..] else {
                checked.problems.push(format!("{}: `fill` without a text and its names", file.place(at)));
                continue;
            };
            let words = words_in(file.code(text.0, text.1), catalogue);
            let words = if words.is_empty() {
                Err(format!("`{}` is not a word of the catalogue", file.code(text.0, text.1).trim()))
            } else {
                Ok(words.into_iter().map(|w| (w, file.place(at))).collect())
            };
            (words, rest)
        };
        let names = names_given(file, args.0, args.1);
        match (words, names) {
            (Ok(words), Ok(names)) => checked.calls.push(Call { at, words, names }),
            (Err(why), _) | (_, Err(why)) => checked.problems.push(format!("{}: {why}", file.place(at))),
        }
    }
    checked
}

/// The words a variable may hold where it is filled: those its `let` names, or those every
/// caller passes when it is a parameter.
fn words_of_variable(
    file: &Source,
    all: &[Source],
    used_at: usize,
    name: &str,
    catalogue: &[&'static Word],
) -> Result<Vec<(&'static Word, String)>, String> {
    let code = &file.code;
    let cannot =
        || Err(format!("`{name}` holds a word the check cannot name: bind it with `let` to constants"));
    let mut found: Vec<usize> = occurrences(code, name).filter(|&i| i < used_at).collect();
    found.reverse();
    for i in found {
        let (start, mut before) = ident_before(code, skip_space_back(code, i));
        if before == "mut" {
            before = ident_before(code, skip_space_back(code, start)).1;
        }
        let after = skip_space(code, i + name.len());
        if before == "let" {
            // `let NAME = EXPR;` or `let NAME: TYPE = EXPR;`
            let Some(eq) = code[after..].iter().position(|&b| b == b'=').map(|n| after + n) else {
                return cannot();
            };
            let end = statement_end(code, eq + 1);
            let words = words_in(file.code(eq + 1, end), catalogue);
            return if words.is_empty() {
                cannot()
            } else {
                Ok(words.into_iter().map(|w| (w, file.place(eq))).collect())
            };
        }
        if code.get(after) == Some(&b':') && code.get(after + 1) != Some(&b':') {
            return words_of_parameter(file, all, i, catalogue).or_else(|_| cannot());
        }
    }
    cannot()
}

/// The words an `if … { A } else { B }` or `match … { … => A, … }` ending at `end` chooses
/// from: every constant of the catalogue in it.
fn words_of_choice(
    file: &Source,
    end: usize,
    catalogue: &[&'static Word],
) -> Result<Vec<(&'static Word, String)>, String> {
    let code = &file.code;
    let mut depth = 0usize;
    let mut j = end;
    let start = loop {
        if j == 0 {
            break 0;
        }
        j -= 1;
        let prev = j.checked_sub(1).map(|p| code[p]);
        let next = code.get(j + 1).copied();
        match code[j] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' | b'[' | b'{' | b';' | b',' if depth == 0 => break j + 1,
            b'=' if depth == 0
                && next != Some(b'>')
                && next != Some(b'=')
                && !matches!(prev, Some(b'=' | b'!' | b'<' | b'>')) =>
            {
                break j + 1;
            }
            b':' if depth == 0 && prev != Some(b':') && next != Some(b':') => break j + 1,
            _ => {}
        }
    };
    let expression = file.code(start, end).trim();
    let first = expression.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').next();
    let words = words_in(expression, catalogue);
    if !matches!(first, Some("if" | "match")) || words.is_empty() {
        return Err("a block fills a word the check cannot name: choose the word with `if` or `match`".into());
    }
    Ok(words.into_iter().map(|w| (w, file.place(end))).collect())
}

/// Where the statement that continues at `from` ends: its `;` (or the block's `}`) at depth 0.
fn statement_end(code: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    for (j, &b) in code.iter().enumerate().skip(from) {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return j,
            b')' | b']' | b'}' => depth -= 1,
            b';' if depth == 0 => return j,
            _ => {}
        }
    }
    code.len()
}

/// The words passed for the parameter declared at `at` by every call of its function
/// (`fn f(…, name: Word)`) or closure (`let f = |…, name: Word| …`).
fn words_of_parameter(
    file: &Source,
    all: &[Source],
    at: usize,
    catalogue: &[&'static Word],
) -> Result<Vec<(&'static Word, String)>, ()> {
    let code = &file.code;
    // Back to the opening `(` or `|` of the parameter list.
    let mut depth = 0usize;
    let mut j = at;
    let opener = loop {
        if j == 0 {
            return Err(());
        }
        j -= 1;
        match (code[j], angle(code, j)) {
            (_, Some(false)) | (b')' | b']', _) => depth += 1,
            (_, Some(true)) | (b'(' | b'[', _) if depth > 0 => depth -= 1,
            (b'(' | b'|', _) if depth == 0 => break j,
            (b';' | b'{' | b'}', _) if depth == 0 => return Err(()),
            _ => {}
        }
    };
    let list_end = if code[opener] == b'(' {
        closing(code, opener).ok_or(())? - 1
    } else {
        opener + 1 + code[opener + 1..].iter().position(|&b| b == b'|').ok_or(())?
    };
    let list = params(code, opener + 1, list_end);
    let index = list.iter().position(|&(s, e)| s <= at && at < e).ok_or(())?;
    let takes_self = list.first().is_some_and(|&(s, e)| {
        let p = file.code(s, e).trim();
        p == "self" || p.ends_with("&self") || p.ends_with("mut self") || p.starts_with("self:")
    });
    let (function, private, places): (&str, bool, Vec<&Source>) = if code[opener] == b'(' {
        let (start, function) = ident_before(code, skip_space_back(code, opener));
        let (_, keyword) = ident_before(code, skip_space_back(code, start));
        if keyword != "fn" {
            return Err(());
        }
        let line_start = code[..start].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        let private = !file.code(line_start, start).contains("pub");
        (function, private, if private { vec![file] } else { all.iter().collect() })
    } else {
        // `let NAME = |…|` or `let mut NAME = move |…|`
        let mut end = skip_space_back(code, opener);
        if ident_before(code, end).1 == "move" {
            end = skip_space_back(code, end - 4);
        }
        if end == 0 || code[end - 1] != b'=' {
            return Err(());
        }
        (ident_before(code, skip_space_back(code, end - 1)).1, true, vec![file])
    };
    let mut words = Vec::new();
    for source in places {
        let code = &source.code;
        for call in occurrences(code, function) {
            let open = skip_space(code, call + function.len());
            let (_, keyword) = ident_before(code, skip_space_back(code, call));
            if code.get(open) != Some(&b'(') || keyword == "fn" || (private && !std::ptr::eq(source, file)) {
                continue;
            }
            let Some(close) = closing(code, open) else { continue };
            let method = skip_space_back(code, call).checked_sub(1).is_some_and(|p| code[p] == b'.');
            let i = if takes_self && method { index.checked_sub(1).ok_or(())? } else { index };
            let args = parts(code, open + 1, close - 1);
            let Some(&(s, e)) = args.get(i) else { return Err(()) };
            let passed = words_in(source.code(s, e), catalogue);
            if passed.is_empty() {
                return Err(());
            }
            words.extend(passed.into_iter().map(|w| (w, source.place(call))));
        }
    }
    if words.is_empty() { Err(()) } else { Ok(words) }
}

/// The names in `args` (`&[("a", &x), …]`, or `&NAME` bound by `let NAME = [("a", &x), …];`).
fn names_given(file: &Source, from: usize, to: usize) -> Result<Vec<String>, String> {
    let code = &file.code;
    let start = skip_space(code, from);
    let body = file.code(start, to).trim_end();
    let list = if let Some(rest) = body.strip_prefix('&')
        && rest.trim_start().starts_with('[')
    {
        start + 1 + (rest.len() - rest.trim_start().len())
    } else if let Some(name) = body.strip_prefix('&').map(str::trim)
        && !name.is_empty()
        && name.bytes().all(is_ident)
    {
        let binding = occurrences(code, name)
            .filter(|&i| i < from)
            .filter(|&i| ident_before(code, skip_space_back(code, i)).1 == "let")
            .last()
            .ok_or_else(|| format!("`{name}`: the names are not given where the check can read them"))?;
        let eq = binding + code[binding..].iter().position(|&b| b == b'=').unwrap_or(0);
        let open = code[eq..].iter().position(|&b| b == b'[').map(|n| eq + n);
        match open {
            Some(open) if open < statement_end(code, eq + 1) => open,
            _ => return Err(format!("`{name}`: the names are not given where the check can read them")),
        }
    } else {
        return Err(format!("`{body}`: the names are not given where the check can read them"));
    };
    let end = closing(code, list).ok_or("an unclosed list of names")? - 1;
    let mut names = Vec::new();
    for (s, e) in parts(code, list + 1, end) {
        let s = skip_space(code, s);
        let first = (code[s] == b'(').then(|| parts(code, s + 1, e).first().copied()).flatten();
        let literal =
            first.map(|(a, b)| file.text[a..b].trim()).filter(|t| t.starts_with('"') && t.ends_with('"'));
        match literal {
            Some(t) if t.len() >= 2 => names.push(t[1..t.len() - 1].to_string()),
            _ => return Err(format!("`{}`: a name that is not a string literal", file.text[s..e].trim())),
        }
    }
    Ok(names)
}

/// What is wrong with `call`: for each word it may fill, a name given twice, one it does not
/// have, or one of its placeholders not given.
fn mismatches(file: &Source, call: &Call) -> Vec<String> {
    let mut out = Vec::new();
    let given: BTreeSet<&str> = call.names.iter().map(String::as_str).collect();
    if given.len() < call.names.len() {
        out.push(format!("{}: a name given twice: {:?}", file.place(call.at), call.names));
    }
    for (word, from) in &call.words {
        let wanted: BTreeSet<&str> = placeholders(word.zh).into_iter().chain(placeholders(word.en)).collect();
        let via =
            if *from == file.place(call.at) { String::new() } else { format!(" (the word from {from})") };
        for extra in given.difference(&wanted) {
            out.push(format!("{}: `{}` has no {{{extra}}}{via}", file.place(call.at), word.key));
        }
        for missing in wanted.difference(&given) {
            out.push(format!("{}: `{}` needs {{{missing}}}, not given{via}", file.place(call.at), word.key));
        }
    }
    out
}

/// Every problem in `files`, and how many calls were read.
fn check(files: &[Source], catalogue: &[&'static Word]) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut count = 0;
    for file in files {
        let checked = read_calls(file, files, catalogue);
        count += checked.calls.len();
        problems.extend(checked.problems);
        for call in &checked.calls {
            problems.extend(mismatches(file, call));
        }
    }
    (problems, count)
}

#[test]
fn every_fill_in_the_source_gives_exactly_its_words_placeholders() {
    // The machinery and its own tests fill texts that are not the catalogue's.
    let files: Vec<Source> = sources()
        .into_iter()
        .filter(|s| !["src/words/mod.rs", "src/words/tests.rs"].contains(&s.name.as_str()))
        .collect();
    let catalogue: Vec<&'static Word> = all().collect();
    let (problems, count) = check(&files, &catalogue);
    assert!(problems.is_empty(), "placeholders not filled as their words declare:\n{}", problems.join("\n"));
    // The source fills words in hundreds of places: a checker that sees few has gone blind.
    assert!(count > 300, "only {count} fill calls found in src/");
}

/// The checker on snippets: it passes what is right and fails, with the place, what is not.
mod checker {
    use super::*;

    const CATALOGUE: &[&Word] = &[
        &Word { key: "SAVED", zh: "已保存到 {path}", en: "saved to {path}" },
        &Word { key: "PAIR", zh: "{a} 与 {b}", en: "{a} and {b}" },
        &Word { key: "ONE", zh: "{n} 项", en: "{n} item" },
        &Word { key: "MANY", zh: "{n} 项", en: "{n} items" },
        &Word { key: "PLAIN", zh: "无", en: "none" },
    ];

    fn problems(snippet: &str) -> Vec<String> {
        let (problems, _) = check(&[Source::new("src/x.rs", snippet)], CATALOGUE);
        problems
    }

    fn calls(snippet: &str) -> usize {
        check(&[Source::new("src/x.rs", snippet)], CATALOGUE).1
    }

    #[test]
    fn a_right_fill_passes() {
        let ok =
            r#"fn f() { let s = w::SAVED.fill(&[("path", &p)]); w::PAIR.fill(&[("b", &1), ("a", &2)]); }"#;
        assert_eq!(problems(ok), Vec::<String>::new());
        assert_eq!(calls(ok), 2);
    }

    #[test]
    fn a_misspelt_name_fails_with_its_place() {
        let bad = "fn f() {\n    w::SAVED.fill(&[(\"pth\", &p)]);\n}";
        assert_eq!(
            problems(bad),
            ["src/x.rs:2: `SAVED` has no {pth}", "src/x.rs:2: `SAVED` needs {path}, not given"]
        );
    }

    #[test]
    fn a_missing_or_extra_or_doubled_name_fails() {
        assert_eq!(problems(r#"PAIR.fill(&[("a", &1)])"#), ["src/x.rs:1: `PAIR` needs {b}, not given"]);
        assert_eq!(problems(r#"PLAIN.fill(&[("n", &1)])"#), ["src/x.rs:1: `PLAIN` has no {n}"]);
        assert_eq!(problems(r#"SAVED.fill(&[("path", &1), ("path", &2)])"#).len(), 1);
    }

    #[test]
    fn a_word_chosen_by_let_is_checked_for_each_choice() {
        let ok = "let word = if n == 1 { w::ONE } else { w::MANY };\nword.fill(&[(\"n\", &n)]);";
        assert_eq!(problems(ok), Vec::<String>::new());
        let bad = "let word = if n == 1 { w::ONE } else { w::PLAIN };\nword.fill(&[(\"n\", &n)]);";
        assert_eq!(problems(bad), ["src/x.rs:2: `PLAIN` has no {n} (the word from src/x.rs:1)"]);
    }

    #[test]
    fn a_word_passed_to_a_function_is_checked_at_every_call() {
        let src = "fn say(&self, n: usize, what: Word) {\n    what.fill(&[(\"n\", &n)]);\n}\n\
                   fn g() { self.say(1, w::ONE); self.say(2, w::SAVED); }";
        assert_eq!(
            problems(src),
            [
                "src/x.rs:2: `SAVED` has no {n} (the word from src/x.rs:4)",
                "src/x.rs:2: `SAVED` needs {path}, not given (the word from src/x.rs:4)"
            ]
        );
        let closure = "let mut say = |n: usize, one: Word| out.push(one.fill(&[(\"n\", &n)]));\n\
                       say(1, w::ONE); say(2, w::PAIR);";
        assert_eq!(problems(closure).len(), 3, "{:?}", problems(closure));
    }

    #[test]
    fn names_bound_by_let_are_read() {
        let src = "let args: [(&str, &dyn Display); 2] = [(\"a\", &1), (\"c\", &2)];\nw::PAIR.fill(&args);";
        assert_eq!(
            problems(src),
            ["src/x.rs:2: `PAIR` has no {c}", "src/x.rs:2: `PAIR` needs {b}, not given"]
        );
    }

    #[test]
    fn the_free_fill_on_a_words_text_is_checked() {
        let src = r#"let s = words::fill(w::SAVED.in_lang(Lang::Zh), &[("file", &f)]);"#;
        assert_eq!(problems(src).len(), 2);
    }

    #[test]
    fn what_it_cannot_read_fails_instead_of_passing() {
        assert_eq!(
            problems(r#"w::NOT_A_WORD.fill(&[("n", &1)])"#),
            ["src/x.rs:1: `NOT_A_WORD` is not a word of the catalogue"]
        );
        assert_eq!(problems(r#"pick(x).fill(&[("n", &1)])"#).len(), 1);
        assert_eq!(problems(r#"if let Some(word) = w { word.fill(&[("n", &1)]) }"#).len(), 1);
        assert_eq!(problems(r#"w::ONE.fill(&[(name, &1)])"#).len(), 1);
        assert_eq!(problems(r#"w::ONE.fill(names)"#).len(), 1);
    }

    #[test]
    fn comments_strings_and_other_fills_are_not_calls() {
        let src = "// w::ONE.fill(&[(\"x\", &1)])\nlet s = \"SAVED.fill(&[])\"; let c = '\"'; v.fill(0);\n\
                   /* PAIR.fill(&[]) */ fn fill(&self) {} let r = r#\"ONE.fill(\"#;";
        assert_eq!(problems(src), Vec::<String>::new());
        assert_eq!(calls("let t: &'static str = \"{\"; ONE.fill(&[(\"n\", &'x')]);"), 1);
    }

    #[test]
    fn a_word_chosen_in_place_is_checked_for_each_choice() {
        let ok = "let s = if n == 1 { w::ONE } else { w::MANY }.fill(&[(\"n\", &n)]);";
        assert_eq!(problems(ok), Vec::<String>::new());
        let bad = "x(match k {\n  A => w::ONE,\n  _ => w::SAVED,\n}\n.fill(&[(\"n\", &n)]))";
        assert_eq!(problems(bad).len(), 2, "{:?}", problems(bad));
        assert_eq!(problems("let s = { a }.fill(&[(\"n\", &n)]);").len(), 1);
    }
}
