use super::*;

#[test]
fn placeholders_are_filled_by_name() {
    assert_eq!(fill("已评 {n}/{m} 项", &[("n", &3), ("m", &59)]), "已评 3/59 项");
    assert_eq!(fill("{a}{a} {b}", &[("a", &"x")]), "xx {b}", "a name not given stays");
    assert_eq!(fill("no {} {!} braces {", &[]), "no {} {!} braces {");
    assert_eq!(placeholders("{m} of {n}, {n}"), ["m", "n"]);
}

#[test]
fn a_word_filled_with_exactly_its_names_is_filled() {
    const W: Word = Word { key: "W", zh: "{a} 与 {b}", en: "{a} and {b}" };
    let _en = pin(Lang::En);
    assert_eq!(W.fill(&[("b", &2), ("a", &1)]), "1 and 2");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "words::W is filled with [\"a\", \"c\"]; its placeholders are [\"a\", \"b\"]")]
fn a_misfilled_word_panics_in_a_debug_build() {
    const W: Word = Word { key: "W", zh: "{a} 与 {b}", en: "{a} and {b}" };
    let _ = W.fill(&[("a", &1), ("c", &2)]);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "words::W is filled with [\"a\"]")]
fn a_word_filled_short_panics_in_a_debug_build() {
    const W: Word = Word { key: "W", zh: "{a} 与 {b}", en: "{a} and {b}" };
    let _ = W.fill(&[("a", &1)]);
}

#[test]
fn a_pinned_language_is_this_threads_only() {
    const W: Word = Word { key: "W", zh: "评分", en: "Score" };
    {
        let _zh = pin(Lang::Zh);
        assert_eq!(W.get(), "评分");
        let other = std::thread::spawn(|| W.get()).join().unwrap();
        assert_eq!(other, "Score", "another thread keeps the process's language");
        {
            let _en = pin(Lang::En);
            assert_eq!(W.to_string(), "Score");
        }
        assert_eq!(W.get(), "评分", "the inner pin is undone");
    }
    assert_eq!(W.get(), "Score");
}

/// CJK ideographs or CJK punctuation.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        crate::lang::is_cjk(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

#[test]
fn every_entry_is_complete_in_both_languages() {
    let mut problems = Vec::new();
    let mut keys = std::collections::HashSet::new();
    for w in all() {
        if !keys.insert(w.key) {
            problems.push(format!("{}: declared twice", w.key));
        }
        if w.zh.trim().is_empty() || w.en.trim().is_empty() {
            problems.push(format!("{}: a language is empty", w.key));
        }
        if placeholders(w.zh) != placeholders(w.en) {
            problems.push(format!(
                "{}: placeholders differ: {:?} / {:?}",
                w.key,
                placeholders(w.zh),
                placeholders(w.en)
            ));
        }
        if has_cjk(w.en) {
            problems.push(format!("{}: the English text has Chinese in it: {}", w.key, w.en));
        }
        // Chinese, or language-neutral (key names, symbols, numbers): no English word of
        // three letters or more outside the placeholders.
        let zh = fill(
            w.zh,
            &placeholders(w.zh).iter().map(|n| (*n, &"" as &dyn std::fmt::Display)).collect::<Vec<_>>(),
        );
        let english_word =
            zh.split(|c: char| !c.is_ascii_alphabetic()).find(|t| t.len() >= 3 && !NEUTRAL.contains(t));
        if let Some(word) = english_word {
            problems.push(format!("{}: the Chinese text has an English word \"{word}\": {}", w.key, w.zh));
        }
    }
    assert!(problems.is_empty(), "the catalogue:\n{}", problems.join("\n"));
}

/// Words that stay as they are in a Chinese text: key names, file formats, program names.
const NEUTRAL: &[&str] = &[
    "Esc",
    "Enter",
    "Tab",
    "Shift",
    "Ctrl",
    "Alt",
    "PgDn",
    "PgUp",
    "Home",
    "End",
    "Delete",
    "Backspace",
    "Space",
    "csv",
    "xlsx",
    "json",
    "docx",
    "txt",
    "CSV",
    "JSON",
    "UTF",
    "GBK",
    "BOM",
    "PDF",
    "pdf",
    "RTF",
    "TOML",
    "appraise",
    "toml",
    "sha",
    "OSC",
    "SSH",
    "tmux",
    "ulimit",
    "pdftotext",
    "layout",
    "scores",
    "report",
    "panel",
    "sheet",
    "lang",
    "LANG",
    "config",
    "NOT",
    "SAVED",
    "JOURNAL",
];
