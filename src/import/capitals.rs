//! Headings known by their look: in an English report from a PDF, the parts are often headed
//! by unnumbered lines in capitals (`RESULTS IN BRIEF`, `APPENDIX A: SCOPE AND METHODOLOGY`).
//! Such a line heads a part when what follows is the part's text; the cover's lines in
//! capitals (the agency, the title) do not, and stay for the title and `meta`.

use super::numbering::markers;
use super::para::{Kind, Para, ends_sentence};
use super::wrap::capitals;

/// Lines in capitals that head the text after them become headings (`Kind::Heading(1)`), when
/// the document has two of them at least.
pub fn mark(mut paras: Vec<Para>) -> Vec<Para> {
    let heads: Vec<usize> = (0..paras.len()).filter(|&i| heads_a_part(&paras, i)).collect();
    if heads.len() >= 2 {
        for i in heads {
            paras[i].kind = Kind::Heading(1);
        }
    }
    paras
}

/// A line in capitals, short, not a sentence, followed by running text, a numbered part, or a
/// short title line that is followed by running text.
fn heads_a_part(paras: &[Para], i: usize) -> bool {
    let p = &paras[i];
    let t = p.text.trim();
    let candidate = p.kind == Kind::Text
        && capitals(t)
        && t.chars().count() <= 80
        && !ends_sentence(t)
        && markers(t).is_empty()
        && t.chars().filter(char::is_ascii_alphabetic).count() * 2 >= t.chars().count();
    if !candidate {
        return false;
    }
    let running = |k: usize| {
        paras.get(k).is_some_and(|q| {
            let t = q.text.trim();
            q.kind == Kind::Text && !capitals(t) && (t.chars().count() >= 60 || ends_sentence(t))
        })
    };
    let numbered = paras.get(i + 1).is_some_and(|q| q.kind == Kind::Text && !markers(&q.text).is_empty());
    let titled = paras.get(i + 1).is_some_and(|q| {
        let t = q.text.trim();
        q.kind == Kind::Text && !capitals(t) && t.chars().count() <= 60 && !ends_sentence(t)
    }) && running(i + 2);
    running(i + 1) || numbered || titled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(lines: &[&str]) -> Vec<String> {
        mark(lines.iter().map(|l| Para::text(*l)).collect())
            .into_iter()
            .filter(|p| p.kind == Kind::Heading(1))
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn parts_in_capitals_but_not_the_cover() {
        let got = headings(&[
            "OFFICE OF INSPECTOR GENERAL",
            "REVIEW OF THE GRANT MONITORING PROCESS",
            "Report No. OIG-22-014",
            "March 2022",
            "RESULTS IN BRIEF",
            "The Department awarded $48.2 million in grants during the two fiscal years we reviewed.",
            "INTRODUCTION",
            "Background",
            "The Office administers grants.",
            "FINDINGS",
            "1. Reports Were Not Reviewed",
            "Of the sixty reports we sampled, 22 had no review.",
        ]);
        assert_eq!(got, ["RESULTS IN BRIEF", "INTRODUCTION", "FINDINGS"]);
    }

    #[test]
    fn one_line_in_capitals_is_not_an_outline() {
        assert!(headings(&["NOTE", "This text has one line in capitals only."]).is_empty());
        assert!(headings(&["一、概况", "正文。", "二、成效", "正文。"]).is_empty());
        let chinese = ["PPP项目", "项目于2022年开工，当年完成投资1.2亿元。", "EPC总承包", "合同于3月签订。"];
        assert!(headings(&chinese).is_empty(), "Chinese lines with Latin capitals are no parts");
    }
}
