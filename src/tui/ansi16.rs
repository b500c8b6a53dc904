//! Colour codes a 16-colour terminal understands. crossterm writes even the 16 basic colours
//! as 256-colour codes (`ESC[38;5;9m`); on a 16-colour terminal (and with NO_COLOR, where only
//! resets remain) this writer turns them into the classic SGR codes (`ESC[91m`), so such a
//! terminal never receives a 256-colour or RGB code. It holds a frame until it is flushed.

use std::io::{self, Write};

pub struct Ansi16<W: Write> {
    inner: W,
    frame: Vec<u8>,
}

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W) -> Self {
        Ansi16 { inner, frame: Vec::new() }
    }
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let out = downsample(&self.frame);
        self.frame.clear();
        self.inner.write_all(&out)?;
        self.inner.flush()
    }
}

/// Rewrites every SGR sequence (`ESC[…m`), replacing `38;5;N` / `48;5;N` with N < 16 by the
/// classic `3X`/`9X` / `4X`/`10X` (crossterm also writes fg and bg together: `ESC[38;5;8;49m`).
pub fn downsample(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            let params = &bytes[i + 2..];
            let len = params.iter().take_while(|c| c.is_ascii_digit() || **c == b';').count();
            if params.get(len) == Some(&b'm') {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite(&params[..len]).as_bytes());
                out.push(b'm');
                i += 2 + len + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// One SGR parameter list with its 16-colour indexed colours made classic.
fn rewrite(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut k = 0;
    while k < parts.len() {
        let base = match parts[k] {
            "38" => Some(30),
            "48" => Some(40),
            _ => None,
        };
        if let (Some(base), Some(&"5"), Some(n)) = (base, parts.get(k + 1), parts.get(k + 2))
            && let Ok(n) = n.parse::<u16>()
            && n < 16
        {
            out.push(if n < 8 { base + n } else { base + 60 + n - 8 }.to_string());
            k += 3;
            continue;
        }
        out.push(parts[k].to_string());
        k += 1;
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_colours_become_classic_codes() {
        let s = downsample(b"a\x1b[38;5;1mb\x1b[48;5;12mc\x1b[38;5;15m\x1b[39m");
        assert_eq!(s, b"a\x1b[31mb\x1b[104mc\x1b[97m\x1b[39m");
        assert_eq!(downsample(b"\x1b[38;5;8;49m"), b"\x1b[90;49m");
        assert_eq!(downsample(b"\x1b[1;38;5;3;48;5;4m"), b"\x1b[1;33;44m");
    }

    #[test]
    fn other_codes_pass_through() {
        let raw = b"\x1b[38;5;196m\x1b[38;2;1;2;3m\x1b[1m\x1b[38;5;m\x1b[2J";
        assert_eq!(downsample(raw), raw.to_vec());
    }

    #[test]
    fn a_frame_goes_out_on_flush() {
        let mut w = Ansi16::new(Vec::new());
        w.write_all(b"\x1b[38;5;").unwrap();
        w.write_all(b"2mx").unwrap();
        assert!(w.inner.is_empty());
        w.flush().unwrap();
        assert_eq!(w.inner, b"\x1b[32mx");
    }
}
