//! [`SharedStr`]: how the report keeps its strings without copying the file.
//!
//! A report's text is almost all strings (titles, texts, criteria), so a model that copies
//! each one out of the file needs the file's size again in memory. Instead the loader keeps the
//! file's text once, behind an `Arc`, and every string without escapes is a range of it; only
//! strings that JSON escaping changed (`\n`, `\"`, `\u…`) get text of their own.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string: a range of a shared text (usually the report file's), or its own.
/// It is a `str` to everything that reads it (`Deref`, `Borrow`, `Eq`, `Hash`, `Display`),
/// takes 16 bytes (two thirds of a `String`), and is cloned by counting a reference.
#[derive(Clone)]
pub struct SharedStr {
    buf: Arc<String>,
    start: u32,
    /// [`ALL`] for "to the end of `buf`", which is how a string of its own is kept (so one of
    /// any length fits).
    len: u32,
}

/// `len` of a string that runs to the end of its buffer.
const ALL: u32 = u32::MAX;

impl SharedStr {
    /// `part` as a range of `source` when it lies inside it (no copy), else a copy of `part`.
    /// (A range that the 32-bit offsets cannot hold, past 4 GiB, is copied too.)
    pub fn within(source: &Arc<String>, part: &str) -> SharedStr {
        let base = source.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at >= base && at + part.len() <= base + source.len() {
            let start = u32::try_from(at - base);
            let len = u32::try_from(part.len()).ok().filter(|&n| n != ALL);
            if let (Ok(start), Some(len)) = (start, len) {
                return SharedStr { buf: Arc::clone(source), start, len };
            }
        }
        SharedStr::from(part)
    }

    /// Whether the two share their text (both ranges of the same file, say).
    pub fn shares_text_with(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.buf, &other.buf)
    }

    pub fn as_str(&self) -> &str {
        // In bounds and on char boundaries by construction (`within` takes a `&str` of the
        // source); checked all the same.
        let start = self.start as usize;
        if self.len == ALL { &self.buf[start..] } else { &self.buf[start..start + self.len as usize] }
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        SharedStr::from(String::new())
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr { buf: Arc::new(s), start: 0, len: ALL }
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr::from(s.to_string())
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        SharedStr::from(s.clone())
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        s.as_str().to_string()
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Hashes as the `str` does, so a map keyed by `SharedStr` is looked up with a `&str`.
impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn a_part_of_the_source_shares_its_bytes() {
        let source = Arc::new("{\"title\":\"评价 report\"}".to_string());
        let title = SharedStr::within(&source, &source[10..23]);
        assert_eq!(title, "评价 report");
        assert_eq!(title.as_ptr(), source[10..].as_ptr());
        assert_eq!(Arc::strong_count(&source), 2);
        drop(title);
        assert_eq!(Arc::strong_count(&source), 1);
    }

    #[test]
    fn a_string_from_elsewhere_is_copied() {
        let source = Arc::new("abc".to_string());
        let other = String::from("line\nbreak");
        let s = SharedStr::within(&source, &other);
        assert_eq!(s, "line\nbreak");
        assert_ne!(s.as_ptr(), other.as_ptr());
        assert_eq!(Arc::strong_count(&source), 1);
        // An empty string right after the source's end is not inside it either.
        let end = &source[3..];
        assert_eq!(SharedStr::within(&source, end), "");
    }

    #[test]
    fn it_behaves_as_a_str() {
        let source = Arc::new("c0.s1 c0.s2".to_string());
        let a = SharedStr::within(&source, &source[..5]);
        let mut index = HashMap::new();
        index.insert(a.clone(), 1);
        assert_eq!(index.get("c0.s1"), Some(&1));
        assert_eq!(a.to_string(), "c0.s1");
        assert_eq!(format!("{a:?}"), "\"c0.s1\"");
        assert!(a.starts_with("c0"));
        assert_eq!(SharedStr::from("x"), SharedStr::from(String::from("x")));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"c0.s1\"");
        assert_eq!(String::from(a), "c0.s1");
    }

    #[test]
    fn it_takes_two_thirds_of_a_string() {
        assert_eq!(std::mem::size_of::<SharedStr>(), 16);
        assert_eq!(std::mem::size_of::<Option<SharedStr>>(), 16);
    }
}
