//! Which language the interface speaks: `--lang`, then `lang` in config.toml, then the locale,
//! and when the locale says nothing (unset, `C`, `C.UTF-8`, `POSIX` — common over SSH) the
//! report's own language; English when nothing says anything.

use crate::lang::Lang;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

/// Who chose the interface's language (for `appraise config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Config,
    Locale,
    /// Nothing did: each report's own language, English without one.
    Report,
}

static SOURCE: AtomicU8 = AtomicU8::new(Source::Report as u8);

/// Who chose the interface's language at start-up.
pub fn source() -> Source {
    match SOURCE.load(Ordering::Relaxed) {
        0 => Source::Flag,
        1 => Source::Config,
        2 => Source::Locale,
        _ => Source::Report,
    }
}

/// The language was set by the flag, the config or the locale (the report does not decide).
static SETTLED: AtomicBool = AtomicBool::new(false);
/// The program has settled its language at start-up: a report read later may decide it. (A
/// library user — a test — never has, so reading a report never changes its language.)
static STARTED: AtomicBool = AtomicBool::new(false);

/// At start-up, before the report is read: sets the interface language when the flag, the
/// config or the locale says one (else English until [`settle_by_report`]).
pub fn settle(flag: Option<Lang>, config: Option<Lang>, locale: Option<Lang>) {
    STARTED.store(true, Ordering::Relaxed);
    let chosen = [(flag, Source::Flag), (config, Source::Config), (locale, Source::Locale)]
        .into_iter()
        .find_map(|(lang, source)| lang.map(|l| (l, source)));
    if let Some((lang, source)) = chosen {
        super::set_lang(lang);
        SETTLED.store(true, Ordering::Relaxed);
        SOURCE.store(source as u8, Ordering::Relaxed);
    }
}

/// Once the report is read: its language becomes the interface's, unless the flag, the config
/// or the locale has said.
pub fn settle_by_report(report: Lang) {
    if STARTED.load(Ordering::Relaxed) && !SETTLED.load(Ordering::Relaxed) {
        super::set_lang(report);
    }
}

/// The locale's language from this process's environment.
pub fn locale() -> Option<Lang> {
    from_locale(|var| std::env::var(var).ok())
}

/// The interface language from what each source says (`report` is asked only when needed).
pub fn choose(
    flag: Option<Lang>,
    config: Option<Lang>,
    locale: Option<Lang>,
    report: impl FnOnce() -> Option<Lang>,
) -> Lang {
    flag.or(config).or(locale).or_else(report).unwrap_or(Lang::En)
}

/// The locale's language, from the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
/// and not empty (as the C library decides): `zh…` is Chinese; `C`, `C.UTF-8` and `POSIX` say
/// nothing; any other named language is English. `get` reads the environment.
pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let value =
        ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(get).find(|v| !v.trim().is_empty())?;
    let name = value.trim();
    // `zh_CN.UTF-8@stroke` → `zh_CN`: the language and region, without encoding or modifier.
    let base = name.split(['.', '@']).next().unwrap_or(name);
    if base.eq_ignore_ascii_case("C") || base.eq_ignore_ascii_case("POSIX") || base.is_empty() {
        return None;
    }
    if base.to_ascii_lowercase().starts_with("zh") { Some(Lang::Zh) } else { Some(Lang::En) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(vars: &[(&str, &str)]) -> Option<Lang> {
        from_locale(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn the_locale_says_chinese_english_or_nothing() {
        assert_eq!(locale(&[("LANG", "zh_CN.UTF-8")]), Some(Lang::Zh));
        assert_eq!(locale(&[("LANG", "zh_TW.Big5")]), Some(Lang::Zh));
        assert_eq!(locale(&[("LANG", "en_US.UTF-8")]), Some(Lang::En));
        assert_eq!(locale(&[("LANG", "de_DE.UTF-8")]), Some(Lang::En), "another named language: English");
        for nothing in ["C", "C.UTF-8", "C.utf8", "POSIX", "", "  "] {
            assert_eq!(locale(&[("LANG", nothing)]), None, "{nothing:?}");
        }
        assert_eq!(locale(&[]), None, "unset");
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        assert_eq!(locale(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]), Some(Lang::Zh));
        assert_eq!(locale(&[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")]), Some(Lang::En));
        assert_eq!(locale(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_SG"), ("LANG", "en_US")]), Some(Lang::Zh));
        // The first that is set decides, even when it says nothing.
        assert_eq!(locale(&[("LC_ALL", "C.UTF-8"), ("LANG", "zh_CN.UTF-8")]), None);
    }

    #[test]
    fn the_flag_then_the_config_then_the_locale_then_the_report() {
        let zh = Some(Lang::Zh);
        let en = Some(Lang::En);
        assert_eq!(choose(en, zh, zh, || zh), Lang::En);
        assert_eq!(choose(None, en, zh, || zh), Lang::En);
        assert_eq!(choose(None, None, en, || zh), Lang::En);
        assert_eq!(choose(None, None, None, || zh), Lang::Zh, "a C locale over SSH: the report's language");
        assert_eq!(choose(None, None, None, || None), Lang::En);
        assert_eq!(
            choose(None, None, zh, || panic!("the report is not asked when the locale says")),
            Lang::Zh
        );
    }
}
