//! Word `.docx` → paragraphs: text, heading styles and outline levels, list numbering rendered
//! as text (so `（一）` from Word's numbering reads like a typed one), tables row by row. Tables
//! of contents (a TOC content control or TOC-styled paragraphs), deleted text and field codes
//! are left out. Read with `zip` and `quick-xml` from `word/document.xml`, `word/styles.xml`
//! and `word/numbering.xml`.

use super::para::{Kind, Para};
use crate::words::errors as w;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// XML parts larger than this are refused (a zip bomb or not a real report).
const MAX_PART: u64 = 128 << 20;

/// The paragraphs of a .docx, and how many table-of-contents paragraphs were skipped.
#[derive(Debug, Default)]
pub struct Docx {
    pub paras: Vec<Para>,
    pub toc_paras: usize,
}

/// Reads a .docx; errors are lowercase sentence fragments for "FILE: …".
pub fn read(bytes: &[u8]) -> Result<Docx, String> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| w::DOCX_UNREADABLE.fill(&[("detail", &e)]))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| w::DOCX_NOT_WORD.fill(&[("word", &"Word"), ("part", &"word/document.xml")]))?;
    let styles = part(&mut zip, "word/styles.xml")?.map(|x| parse_styles(&x)).unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml")?.map(|x| parse_numbering(&x)).unwrap_or_default();
    parse_document(&document, &styles, &numbering)
}

pub(crate) fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(w::DOCX_PART_UNREADABLE.fill(&[("part", &name), ("detail", &e)])),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| w::DOCX_PART_UNREADABLE.fill(&[("part", &name), ("detail", &e)]))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(w::DOCX_PART_TOO_LARGE.fill(&[("part", &name), ("max", &(MAX_PART >> 20))]));
    }
    // Word writes UTF-8; a UTF-16 part (rare) is decoded by its BOM.
    let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
    Ok(Some(text.into_owned()))
}

/// The value of attribute `w:name` (any prefix) on `e`.
pub(crate) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        let local = key.rsplit(':').next().unwrap_or(key);
        (local == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default()
        })
    })
}

pub(crate) fn local(e: &BytesStart) -> String {
    let name = e.name();
    let full: &str = name.as_ref();
    full.rsplit(':').next().unwrap_or(full).to_string()
}

pub(crate) fn local_end(name: &[u8]) -> String {
    let full = String::from_utf8_lossy(name);
    full.rsplit(':').next().unwrap_or(&full).to_string()
}

/// A paragraph style: its heading level (1-based), title/subtitle/TOC role and list numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(String, u8)>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// Walks `basedOn` for the first style (from `id` up) that answers `f`.
    fn find<T>(&self, id: &str, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut at = Some(id.to_string());
        for _ in 0..16 {
            let style = self.by_id.get(at.as_deref()?)?;
            if let Some(v) = f(style) {
                return Some(v);
            }
            at = style.based_on.clone();
        }
        None
    }

    fn name(&self, id: &str) -> String {
        self.by_id.get(id).map_or_else(|| id.to_string(), |s| s.name.clone()).to_lowercase()
    }

    /// Heading level from the style's name (`heading 2`, `标题 2`) or its outline level.
    fn heading_level(&self, id: &str) -> Option<u8> {
        self.find(id, |s| heading_from_name(&s.name.to_lowercase()).or(s.outline))
    }
}

fn heading_from_name(name: &str) -> Option<u8> {
    let rest = name.strip_prefix("heading").or_else(|| name.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

fn parse_styles(xml: &str) -> Styles {
    let mut styles = Styles::default();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = local(&e);
                match name.as_str() {
                    "style" => {
                        let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                        current = attr(&e, "styleId").filter(|_| paragraph).map(|id| (id, Style::default()));
                    }
                    "pPr" => in_ppr = true,
                    "rPr" => in_rpr = true,
                    _ => {}
                }
                if let Some((_, style)) = current.as_mut() {
                    match name.as_str() {
                        "name" => style.name = attr(&e, "val").unwrap_or_default(),
                        "basedOn" => style.based_on = attr(&e, "val"),
                        "outlineLvl" if in_ppr && !in_rpr => {
                            style.outline = attr(&e, "val")
                                .and_then(|v| v.parse::<u8>().ok())
                                .filter(|&l| l < 9)
                                .map(|l| l + 1);
                        }
                        "numId" if in_ppr => {
                            let id = attr(&e, "val").unwrap_or_default();
                            let ilvl = style.num.as_ref().map_or(0, |n| n.1);
                            style.num = Some((id, ilvl));
                        }
                        "ilvl" if in_ppr => {
                            let lvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = style.num.as_ref().map_or_else(String::new, |n| n.0.clone());
                            style.num = Some((id, lvl));
                        }
                        _ => {}
                    }
                }
            }
            Ok(Event::End(e)) => match local_end(e.name().as_ref().as_bytes()).as_str() {
                "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                }
                "pPr" => in_ppr = false,
                "rPr" => in_rpr = false,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

fn parse_numbering(xml: &str) -> Numbering {
    let mut numbering = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let mut abstract_id: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut level: Option<(u8, Level)> = None;
    let mut override_lvl: Option<u8> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let val = || attr(&e, "val").unwrap_or_default();
                match local(&e).as_str() {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "num" => num_id = attr(&e, "numId"),
                    "lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((ilvl, Level { start: 1, ..Level::default() }));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = val().parse().unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = val();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = val();
                        }
                    }
                    "abstractNumId" => {
                        if let Some(id) = &num_id {
                            numbering.nums.entry(id.clone()).or_default().0 = val();
                        }
                    }
                    "lvlOverride" => override_lvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    "startOverride" => {
                        if let (Some(id), Some(ilvl)) = (&num_id, override_lvl) {
                            let start = val().parse().unwrap_or(1);
                            numbering.nums.entry(id.clone()).or_default().1.insert(ilvl, start);
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => match local_end(e.name().as_ref().as_bytes()).as_str() {
                "abstractNum" => abstract_id = None,
                "num" => num_id = None,
                "lvl" => {
                    if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                        numbering.abstracts.entry(id.clone()).or_default().insert(ilvl, l);
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    numbering
}

/// Counters of the lists met so far, per abstract list, and which numIds have restarted.
#[derive(Default)]
struct Counters {
    values: HashMap<String, [u32; 9]>,
    started: HashMap<String, bool>,
}

impl Counters {
    /// The number text for a paragraph of list `num_id` at `ilvl` (e.g. `（三）`), or None for bullets.
    fn next(&mut self, numbering: &Numbering, num_id: &str, ilvl: u8) -> Option<String> {
        let (abstract_id, overrides) = numbering.nums.get(num_id)?;
        let levels = numbering.abstracts.get(abstract_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(&ilvl)?;
        let counters = self.values.entry(abstract_id.clone()).or_insert([0; 9]);
        if !self.started.contains_key(num_id) {
            self.started.insert(num_id.to_string(), true);
            for (&l, &start) in overrides {
                if let Some(c) = counters.get_mut(usize::from(l)) {
                    *c = start.saturating_sub(1);
                }
            }
        }
        let i = usize::from(ilvl);
        let start_of = |l: usize| levels.get(&(l as u8)).map_or(1, |lv| lv.start);
        counters[i] = if counters[i] == 0 { start_of(i) } else { counters[i] + 1 };
        for (l, c) in counters.iter_mut().enumerate().skip(i + 1) {
            let _ = l;
            *c = 0;
        }
        if matches!(level.format.as_str(), "bullet" | "none") {
            return None;
        }
        let mut text = level.text.clone();
        for l in (0..=i).rev() {
            let fmt = levels.get(&(l as u8)).map_or("decimal", |lv| lv.format.as_str());
            let value = if counters[l] == 0 { start_of(l) } else { counters[l] };
            text = text.replace(&format!("%{}", l + 1), &format_number(value, fmt));
        }
        Some(text)
    }
}

/// A list number in Word's format.
fn format_number(n: u32, format: &str) -> String {
    if n > 999 {
        return n.to_string(); // a hostile start value must not make a letter or Roman run of millions
    }
    const CN: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    let chinese = |digits: &[&str; 10], ten: &str| -> String {
        match n {
            0..=9 => digits[n as usize].to_string(),
            10..=19 => format!("{ten}{}", if n == 10 { "" } else { digits[(n % 10) as usize] }),
            20..=99 => format!(
                "{}{ten}{}",
                digits[(n / 10) as usize],
                if n.is_multiple_of(10) { "" } else { digits[(n % 10) as usize] }
            ),
            _ => n.to_string(),
        }
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital" => chinese(&CN, "十"),
        "chineseLegalSimplified" => chinese(&LEGAL, "拾"),
        "ideographTraditional" => {
            STEMS.get((n as usize).wrapping_sub(1)).map_or(n.to_string(), |s| s.to_string())
        }
        "upperRoman" => super::numbering::to_roman(n),
        "lowerRoman" => super::numbering::to_roman(n).to_lowercase(),
        "upperLetter" => letter(n).to_uppercase(),
        "lowerLetter" => letter(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect()
        }
        _ => n.to_string(),
    }
}

fn letter(n: u32) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    c.to_string().repeat((n / 26 + 1) as usize)
}

/// A paragraph being read.
#[derive(Default)]
struct P {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

struct State<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    out: Docx,
    /// Open paragraphs (a text box holds paragraphs inside a paragraph).
    paras: Vec<P>,
    /// Open table cells and rows (nested tables put their rows into the outer cell).
    cells: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Open content controls: true when one is a table of contents.
    sdt: Vec<bool>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    /// Inside mc:Fallback (a duplicate of mc:Choice), deleted or moved-away text, field codes: skip.
    skip: usize,
}

fn parse_document(xml: &str, styles: &Styles, numbering: &Numbering) -> Result<Docx, String> {
    let mut reader = Reader::from_str(xml);
    let mut st = State {
        styles,
        numbering,
        counters: Counters::default(),
        out: Docx::default(),
        paras: Vec::new(),
        cells: Vec::new(),
        rows: Vec::new(),
        sdt: Vec::new(),
        in_ppr: false,
        in_rpr: false,
        in_text: false,
        skip: 0,
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            w::DOCX_BAD_XML.fill(&[
                ("part", &"word/document.xml"),
                ("offset", &reader.buffer_position()),
                ("detail", &e),
            ])
        })?;
        match event {
            Event::Start(e) => st.start(&e, false),
            Event::Empty(e) => st.start(&e, true),
            Event::End(e) => st.end(&local_end(e.name().as_ref().as_bytes())),
            Event::Text(t) if st.in_text && st.skip == 0 => {
                if let Some(p) = st.paras.last_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if st.in_text && st.skip == 0 => {
                if let Some(p) = st.paras.last_mut() {
                    p.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) if st.in_text && st.skip == 0 => {
                let c = entity(&r);
                if let (Some(c), Some(p)) = (c, st.paras.last_mut()) {
                    p.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st.out)
}

impl State<'_> {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = local(e);
        if self.skip > 0 {
            if !empty && matches!(name.as_str(), "Fallback" | "del" | "moveFrom" | "instrText" | "delText") {
                self.skip += 1;
            }
            return;
        }
        match name.as_str() {
            "Fallback" | "del" | "moveFrom" | "instrText" | "delText" if !empty => self.skip += 1,
            "p" if !empty => self.paras.push(P::default()),
            "pPr" if !empty => self.in_ppr = true,
            "rPr" if !empty => self.in_rpr = true,
            "pStyle" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = attr(e, "val");
                }
            }
            "outlineLvl" if self.in_ppr && !self.in_rpr => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline =
                        attr(e, "val").and_then(|v| v.parse::<u8>().ok()).filter(|&l| l < 9).map(|l| l + 1);
                }
            }
            "numId" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = attr(e, "val");
                }
            }
            "ilvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = attr(e, "val").and_then(|v| v.parse().ok());
                }
            }
            "t" if !empty => self.in_text = true,
            "tab" if !self.in_ppr => self.push_text("\t"),
            "br" | "cr" => self.push_text("\n"),
            "noBreakHyphen" => self.push_text("-"),
            "sdt" if !empty => self.sdt.push(false),
            "docPartGallery" => {
                if attr(e, "val").is_some_and(|v| v.to_lowercase().contains("table of contents"))
                    && let Some(last) = self.sdt.last_mut()
                {
                    *last = true;
                }
            }
            "tr" if !empty => self.rows.push(Vec::new()),
            "tc" if !empty => self.cells.push(String::new()),
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.skip == 0
            && let Some(p) = self.paras.last_mut()
        {
            p.text.push_str(s);
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip > 0 {
            if matches!(name, "Fallback" | "del" | "moveFrom" | "instrText" | "delText") {
                self.skip -= 1;
            }
            return;
        }
        match name {
            "p" => {
                if let Some(p) = self.paras.pop() {
                    self.finish_paragraph(p);
                }
            }
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "t" => self.in_text = false,
            "sdt" => {
                self.sdt.pop();
            }
            "tc" => {
                if let Some(cell) = self.cells.pop()
                    && let Some(row) = self.rows.last_mut()
                {
                    row.push(cell.trim().replace('\n', " "));
                }
            }
            "tr" => {
                if let Some(row) = self.rows.pop() {
                    let text = row.join(" | ");
                    let blank = row.iter().all(|c| c.trim().is_empty());
                    if blank {
                    } else if let Some(cell) = self.cells.last_mut() {
                        // A row of a nested table: part of the outer cell's text.
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&text);
                    } else {
                        // A row as a pipe row, the same form as a table in plain text.
                        self.out.paras.push(Para { text: format!("| {text} |"), kind: Kind::Table });
                    }
                }
            }
            _ => {}
        }
    }

    fn finish_paragraph(&mut self, p: P) {
        let style_name = p.style.as_deref().map(|s| self.styles.name(s)).unwrap_or_default();
        if self.sdt.iter().any(|&toc| toc) || style_name.starts_with("toc") || style_name.starts_with("目录")
        {
            if !p.text.trim().is_empty() {
                self.out.toc_paras += 1;
            }
            return;
        }
        // List numbering: from the paragraph, else from its style.
        let style_num = p.style.as_deref().and_then(|s| self.styles.find(s, |st| st.num.clone()));
        let num = match (&p.num_id, style_num) {
            (Some(id), style) => Some((id.clone(), p.ilvl.or(style.map(|s| s.1)).unwrap_or(0))),
            (None, Some((id, lvl))) => Some((id, p.ilvl.unwrap_or(lvl))),
            (None, None) => None,
        };
        let mut text = p.text;
        if text.trim().is_empty() {
            return;
        }
        if let Some((id, ilvl)) = num.filter(|(id, _)| id != "0")
            && let Some(number) = self.counters.next(self.numbering, &id, ilvl)
        {
            let sep = if number.ends_with(|c: char| c.is_ascii_punctuation() || c.is_ascii_alphanumeric()) {
                " "
            } else {
                ""
            };
            text = format!("{number}{sep}{}", text.trim_start());
        }
        if let Some(cell) = self.cells.last_mut() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text.trim());
            return;
        }
        let heading = p.outline.or_else(|| p.style.as_deref().and_then(|s| self.styles.heading_level(s)));
        let kind = if style_name == "title" || style_name == "标题" {
            Kind::Title
        } else if style_name == "subtitle" || style_name == "副标题" {
            Kind::Subtitle
        } else if let Some(level) = heading {
            Kind::Heading(level)
        } else {
            Kind::Text
        };
        // A line break inside a paragraph starts a new one (the heading keeps its first line).
        let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
        if let Some(first) = lines.next() {
            self.out.paras.push(Para { text: first.to_string(), kind });
        }
        for line in lines {
            self.out.paras.push(Para::text(line));
        }
    }
}

/// The character an entity or character reference in the text stands for (`&amp;`, `&#20320;`).
pub(crate) fn entity(r: &BytesRef) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "chineseCounting"), "三");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(21, "chineseCounting"), "二十一");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(7, "decimal"), "7");
        assert_eq!(format_number(4_000_000_000, "lowerLetter"), "4000000000");
    }

    #[test]
    fn not_a_docx() {
        assert!(read(b"PK\x03\x04 garbage").unwrap_err().contains("not a readable .docx"));
    }
}
