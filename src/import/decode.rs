//! Bytes → text: what kind of file this is, and which encoding its text is in.
//!
//! UTF-8 (with or without a BOM), UTF-16 with a BOM (or without one, recognised by its NUL
//! pattern), Big5 (with HKSCS) and GB18030 (which includes GBK and GB2312) are detected
//! automatically — Big5 against GB18030 by `chardetng`'s guess — and `--encoding` forces one.
//! A PDF is told apart here and read by [`super::pdf`]; anything else that is not text — an
//! old `.doc`, an image, random bytes — is refused with the reason and what to do instead.

use crate::words::errors as w;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// What the bytes are, by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Text in some encoding (or something we will try to decode as such).
    Text,
    /// A zip archive: a `.docx` if it holds `word/document.xml`.
    Zip,
    /// A PDF (`%PDF`), for `pdftotext`.
    Pdf,
}

/// Text decoded from the file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name, for the summary: `UTF-8`, `UTF-16LE`, `GB18030`…
    pub encoding: &'static str,
    /// How many undecodable byte sequences were replaced by U+FFFD (0 for clean input).
    pub replaced: usize,
}

/// Why a document's bytes are not text appraise can read; each reads after "FILE: " (a
/// lowercase sentence fragment), in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("{}", w::DECODE_OLD_WORD.fill(&[("doc", &"Word .doc"), ("ole", &"OLE")]))]
    OldWord,
    #[error("{}", w::DECODE_RTF)]
    Rtf,
    #[error("{}", w::DECODE_NUL.fill(&[("offset", offset)]))]
    NulByte { offset: usize },
    #[error("{}", w::DECODE_CONTROLS.fill(&[("percent", percent)]))]
    ControlCharacters { percent: usize },
    #[error("{}", w::DECODE_UNKNOWN.fill(&[
        ("line", line),
        ("offset", offset),
        ("known", &["UTF-8", "UTF-16", "GB18030/GBK", "Big5"].join(w::LIST_SEP.get())),
        ("flag", &"--encoding"),
    ]))]
    UnknownEncoding { line: usize, offset: usize },
    #[error("{}", bad_encoding(encoding, *replaced, *how))]
    BadEncoding { encoding: &'static str, replaced: usize, how: How },
    #[error("{}", w::DECODE_LINES_LOST.fill(&[("flag", &"--encoding"), ("encoding", encoding)]))]
    LinesLost { encoding: &'static str },
}

/// [`DecodeError::BadEncoding`]'s sentence, which says how the encoding was chosen.
fn bad_encoding(encoding: &str, replaced: usize, how: How) -> String {
    match how {
        How::Bom => w::DECODE_BAD_BOM.fill(&[("encoding", &encoding), ("replaced", &replaced)]),
        How::Guessed => w::DECODE_BAD_GUESS.fill(&[("encoding", &encoding), ("replaced", &replaced)]),
        How::Forced => w::DECODE_BAD_FORCED.fill(&[
            ("flag", &"--encoding"),
            ("encoding", &encoding),
            ("replaced", &replaced),
        ]),
    }
}

/// How the encoding of a [`DecodeError::BadEncoding`] was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// By the file's byte-order mark.
    Bom,
    /// By the bytes (UTF-16's NUL pattern).
    Guessed,
    /// By `--encoding`.
    Forced,
}

/// Tells a zip (docx) from text, or refuses a file that is neither.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, DecodeError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Sniffed::Zip);
    }
    if bytes.starts_with(b"%PDF") {
        return Ok(Sniffed::Pdf);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(DecodeError::OldWord);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(DecodeError::Rtf);
    }
    Ok(Sniffed::Text)
}

/// Decodes text, detecting its encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, None)
}

/// Decodes text in the `forced` encoding (its own BOM skipped), else detecting it.
pub fn decode_with(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = forced {
        let bom = Encoding::for_bom(bytes).filter(|(e, _)| *e == encoding).map_or(0, |(_, n)| n);
        return decode_as(encoding, &bytes[bom..], How::Forced);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom..], How::Bom);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_as(encoding, bytes, How::Guessed);
    }
    if let Some(i) = memchr::memchr(0, bytes) {
        return Err(DecodeError::NulByte { offset: i });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(Decoded { text: text.to_string(), encoding: "UTF-8", replaced: 0 });
    }
    // UTF-8 but for a few bad bytes (a cut, a stray byte): UTF-8 with them replaced (and said),
    // even when the whole happens to be valid GB18030 — GBK's bytes seldom make valid UTF-8
    // characters, so many good ones and few bad mean UTF-8.
    let utf8 = lossy(UTF_8, bytes);
    let good = utf8.text.chars().filter(|&c| c > '\x7f' && c != '\u{FFFD}').count();
    if utf8.replaced > 0 && good >= 20 * utf8.replaced {
        return check_text(utf8);
    }
    if let Some(encoding) = legacy_guess(bytes)
        && let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return check_text(Decoded { text: text.into_owned(), encoding: encoding.name(), replaced: 0 });
    }
    if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        return check_text(Decoded { text: text.into_owned(), encoding: GB18030.name(), replaced: 0 });
    }
    // Neither decodes cleanly: take the one with fewer bad sequences, if they are rare.
    let gb = lossy(GB18030, bytes);
    let best = if gb.replaced < utf8.replaced { gb } else { utf8 };
    let chars = best.text.chars().count().max(1);
    if best.replaced * 100 > chars {
        let (line, offset) = first_bad_utf8(bytes);
        return Err(DecodeError::UnknownEncoding { line, offset });
    }
    check_text(best)
}

/// [`decode_with`] of bytes that may be given away: UTF-8 without a BOM, the usual text, becomes
/// the text without a copy (a large document is not held twice).
pub fn decode_owned(
    bytes: std::borrow::Cow<'_, [u8]>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    let plain = |b: &[u8]| {
        forced.is_none()
            && Encoding::for_bom(b).is_none()
            && utf16_without_bom(b).is_none()
            && memchr::memchr(0, b).is_none()
    };
    match bytes {
        std::borrow::Cow::Owned(v) if plain(&v) => match String::from_utf8(v) {
            Ok(text) => check_text(Decoded { text, encoding: "UTF-8", replaced: 0 }),
            Err(e) => decode_with(e.as_bytes(), forced),
        },
        bytes => decode_with(&bytes, forced),
    }
}

/// How much of a file `chardetng` reads to guess its encoding.
const GUESS_BYTES: usize = 1 << 20;

/// A legacy encoding other than GB18030 that the bytes are in, by `chardetng`'s guess: Big5,
/// or Latin text in windows-1252. `None` leaves it to GB18030 (GBK's guess, and any other
/// guess: a Chinese report is not read as Japanese, Korean or Cyrillic).
fn legacy_guess(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(GUESS_BYTES)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    match detector.guess(None, Utf8Detection::Deny) {
        e if e == BIG5 => Some(BIG5),
        e if e == WINDOWS_1252 && looks_latin(bytes) => Some(WINDOWS_1252),
        _ => None,
    }
}

/// Western text in windows-1252: not GB18030, mostly ASCII (at most one byte in five not), no
/// byte that windows-1252 leaves unassigned.
fn looks_latin(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let unassigned = bytes.iter().any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
    high * 5 <= bytes.len()
        && !unassigned
        && GB18030.decode_without_bom_handling_and_without_replacement(bytes).is_none()
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8], how: How) -> Result<Decoded, DecodeError> {
    let decoded = lossy(encoding, bytes);
    let chars = decoded.text.chars().count().max(1);
    if decoded.replaced * 100 > chars {
        return Err(DecodeError::BadEncoding { encoding: decoded.encoding, replaced: decoded.replaced, how });
    }
    // Line breaks lost in the decoding (GBK read as UTF-16): the encoding is not this one.
    if how == How::Forced && !decoded.text.contains('\n') && bytes.contains(&b'\n') {
        return Err(DecodeError::LinesLost { encoding: decoded.encoding });
    }
    check_text(decoded)
}

/// Decodes with replacement, counting the replacements the decoder made.
fn lossy(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let before = count_replacement_chars_in_source(encoding, bytes);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let after = text.chars().filter(|&c| c == '\u{FFFD}').count();
    Decoded { text: text.into_owned(), encoding: encoding.name(), replaced: after.saturating_sub(before) }
}

/// U+FFFD characters genuinely in the source (only countable for UTF-8, where they are 3 bytes).
fn count_replacement_chars_in_source(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    if encoding == UTF_8 { memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count() } else { 0 }
}

/// UTF-16 without a BOM: plain-ASCII-heavy text has a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    if sample.len() < 4 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Mostly-ASCII UTF-16: NULs in one column and almost none in the other.
    if odd * 10 >= pairs * 3 && even * 50 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 3 && odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The line (1-based) and byte offset of the first byte that is not UTF-8.
fn first_bad_utf8(bytes: &[u8]) -> (usize, usize) {
    let at = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
    let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    (line, at)
}

/// Refuses decoded "text" that is mostly control characters (a binary file in disguise).
fn check_text(decoded: Decoded) -> Result<Decoded, DecodeError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in decoded.text.chars().take(1 << 20) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total > 0 && control * 20 > total {
        return Err(DecodeError::ControlCharacters { percent: control * 100 / total });
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("一、概况\n".as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), ("一、概况\n", "UTF-8"));
        let bom = decode("\u{FEFF}一、概况\n".as_bytes()).unwrap();
        assert_eq!(bom.text, "一、概况\n");
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode("一、部门（单位）基本概况\n邵东市行政审批服务局");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "一、部门（单位）基本概况\n邵东市行政审批服务局");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let text = "一、概况 Overview\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().text, text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, text);
        let ascii = "1. Introduction\nSome text here.\n";
        let bare: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&bare).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ascii, "UTF-16LE"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(), DecodeError::NulByte { offset: 8 });
        assert_eq!(sniff(b"%PDF-1.7\n").unwrap(), Sniffed::Pdf);
        assert_eq!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap_err(), DecodeError::OldWord);
        assert_eq!(sniff(b"PK\x03\x04...").unwrap(), Sniffed::Zip);
        let controls: Vec<u8> = (0..200u8).map(|i| if i % 3 == 0 { 1 } else { b'a' }).collect();
        assert!(decode(&controls).unwrap_err().to_string().contains("control characters"));
    }

    #[test]
    fn undecodable_names_the_place() {
        let mut bytes = b"line one\nline two\n".to_vec();
        bytes.extend([0xFF; 40]);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, DecodeError::UnknownEncoding { line: 3, offset: 18 });
        assert!(err.to_string().starts_with("line 3 (byte 18): "), "{err}");
    }

    #[test]
    fn a_few_bad_bytes_are_replaced() {
        let mut bytes = "一、概况\n".repeat(50).into_bytes();
        bytes.push(0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.replaced, 1);
    }

    #[test]
    fn utf8_with_a_stray_byte_is_utf8_even_when_it_is_also_valid_gb18030() {
        // "项目" in UTF-8 (E9 A1 B9 E7 9B AE) is also valid GBK: 椤圭洰.
        let text = format!("{}\n", "项目".repeat(40)).repeat(100);
        // One stray byte somewhere, chosen so that the whole also decodes cleanly as GB18030.
        let clean = text.as_bytes();
        let bytes = (0..60)
            .flat_map(|at| (0x80..=0xFEu8).map(move |b| (at, b)))
            .map(|(at, b)| [&clean[..at], &[b], &clean[at..]].concat())
            .find(|b| {
                std::str::from_utf8(b).is_err()
                    && GB18030.decode_without_bom_handling_and_without_replacement(b).is_some()
            })
            .expect("a byte that makes the text valid GB18030");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced, 1);
        assert!(d.text.contains("项目项目") && !d.text.contains("椤圭洰"), "no mojibake");
        // GBK is still GBK.
        let (gbk, _, _) = GB18030.encode(&text);
        assert_eq!(decode(&gbk).unwrap().encoding, "gb18030");
    }

    #[test]
    fn big5_is_told_from_gbk() {
        let traditional = "一、部門概況\n本局下設辦公室、醫政股等6個股室。\n（一）推進醫療改革\n";
        let (big5, _, _) = BIG5.encode(traditional);
        assert!(GB18030.decode_without_bom_handling_and_without_replacement(&big5).is_some());
        let d = decode(&big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (traditional, "Big5", 0));
        // Big5-HKSCS characters decode too (encoding_rs's Big5 is HKSCS's): 嘅 is 0x9DEF.
        let hkscs = [&big5[..], b"\xa4G\xa1B\xad\xbb\xb4\xe4\xafS\xb0\xcf\x9d\xef\xa6r\n"].concat();
        let d = decode(&hkscs).unwrap();
        assert_eq!((d.text.strip_prefix(traditional), d.encoding), (Some("二、香港特區嘅字\n"), "Big5"));
        let simplified = "一、部门概况\n本局下设办公室、医政股等6个股室。\n（一）推进医疗改革\n";
        let (gbk, _, _) = GB18030.encode(simplified);
        assert_eq!(decode(&gbk).unwrap().encoding, "gb18030");
        // Short simplified text is GB18030 too, whatever else a few bytes might be.
        for short in
            ["一、概况\n", "部门整体支出绩效自评报告", "评分", "资金", "三、存在的问题\n资金拨付不及时\n"]
        {
            let (gbk, _, _) = GB18030.encode(short);
            assert_eq!(
                decode(&gbk).unwrap(),
                Decoded { text: short.into(), encoding: "gb18030", replaced: 0 }
            );
        }
    }

    #[test]
    fn latin_text_is_windows_1252_only_when_it_is_clearly_so() {
        let latin = b"Caf\xe9 r\xe9sum\xe9: the na\xefve fa\xe7ade.\nSecond line, \xfcber alles.\n";
        let d = decode(latin).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Café résumé: the naïve façade.\nSecond line, über alles.\n", "windows-1252")
        );
        // Mostly non-ASCII bytes are not Latin text: GB18030 as before.
        let (gbk, _, _) = GB18030.encode("一、概况 abc\n");
        assert_eq!(decode(&gbk).unwrap().encoding, "gb18030");
    }

    #[test]
    fn a_forced_encoding_is_used_and_named_when_it_fails() {
        let (big5, _, _) = BIG5.encode("一、部門概況\n");
        let d = decode_with(&big5, Some(BIG5)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一、部門概況\n", "Big5"));
        // Forcing GB18030 on Big5 bytes reads them as GB18030 (the user said so).
        assert_eq!(decode_with(&big5, Some(GB18030)).unwrap().encoding, "gb18030");
        // Its own BOM is skipped.
        let d = decode_with("\u{FEFF}一、概况\n".as_bytes(), Some(UTF_8)).unwrap();
        assert_eq!(d.text, "一、概况\n");
        let text = "一、部门（单位）基本概况\n邵东市行政审批服务局\n".repeat(20);
        let (gbk, _, _) = GB18030.encode(&text);
        let e = decode_with(&gbk, Some(UTF_16LE)).unwrap_err();
        assert_eq!(e, DecodeError::LinesLost { encoding: "UTF-16LE" });
        assert!(e.to_string().starts_with("--encoding says UTF-16LE, but "), "{e}");
        let mut odd = gbk.into_owned();
        odd.extend([0x00, 0xD8, 0x00, 0xD8].repeat(20));
        let e = decode_with(&odd, Some(UTF_16BE)).unwrap_err();
        assert!(
            matches!(e, DecodeError::BadEncoding { encoding: "UTF-16BE", how: How::Forced, .. }),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("--encoding says UTF-16BE, but "), "{e}");
    }
}
