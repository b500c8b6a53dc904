//! The checker on snippets: it passes what is right and fails, with the place, what is not.

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
    let ok = r#"fn f() { let s = w::SAVED.fill(&[("path", &p)]); w::PAIR.fill(&[("b", &1), ("a", &2)]); }"#;
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
    assert_eq!(problems(src), ["src/x.rs:2: `PAIR` has no {c}", "src/x.rs:2: `PAIR` needs {b}, not given"]);
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
