//! The two languages appraise speaks, Chinese and English: which one a name means (`zh`,
//! `zh-CN`, `en_GB`, `chinese`, `中文`), and which one a text is written in — one rule for every
//! caller (a sheet's headers, the `meta.lang` the importer records). Core: no I/O, and below
//! every other module: a report's language, `Lang::of_report`, is with the report
//! (`report/model.rs`), and a config file's, with the config.

/// Chinese or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[value(name = "zh", alias = "zh-CN", alias = "chinese", alias = "中文")]
    Zh,
    #[value(name = "en", alias = "english")]
    En,
}

/// How many characters of a text decide its language (the start of a long report is enough).
const SAMPLE: usize = 1 << 20;

impl Lang {
    /// `zh`, `en` and their regional forms (`zh-CN`, `en_GB`), `cn`, `chinese`, `english`, `中文`.
    pub fn parse(name: &str) -> Option<Lang> {
        let l = name.trim().to_ascii_lowercase();
        if l.starts_with("zh") || l == "cn" || l == "chinese" || l == "中文" {
            Some(Lang::Zh)
        } else if l.starts_with("en") || l == "english" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `zh` or `en`, as `meta.lang` writes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of `texts` taken together: Chinese when its CJK ideographs are at least a
    /// third as many as its other letters (a Chinese character carries about as much as a short
    /// word of letters), else English. Looks at the first million characters.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lang {
        let (mut cjk, mut letters) = (0usize, 0usize);
        for c in texts.into_iter().flat_map(str::chars).take(SAMPLE) {
            if is_cjk(c) {
                cjk += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            }
        }
        if cjk > 0 && cjk * 3 >= letters { Lang::Zh } else { Lang::En }
    }
}

/// A CJK ideograph (the unified blocks, extension A, compatibility ideographs, planes 2–3).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_texts() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("中文"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::of_texts(["部门整体支出绩效自评报告"]), Lang::Zh);
        assert_eq!(Lang::of_texts(["Library programme self-evaluation"]), Lang::En);
        // A Chinese report quoting English names is still Chinese; an English one quoting a
        // Chinese phrase is still English.
        assert_eq!(Lang::of_texts(["对648个事项进行 online service 模拟办理"]), Lang::Zh);
        assert_eq!(Lang::of_texts(["The bureau (行政审批服务局) handled 96.87% of items online"]), Lang::En);
        assert_eq!(Lang::of_texts([""]), Lang::En);
    }
}
