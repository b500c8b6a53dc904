//! The terminal itself: switching it to the full-screen view and back (raw mode, the
//! alternate screen, a panic hook that restores it first), the output writer (plain, or through
//! the 16-colour translation), noticing a terminal that has hung up, and the clipboard (OSC 52).

use super::ansi16;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use ratatui::crossterm::execute;
use std::io::{self, Write};

type Out = ansi16::Ansi16<io::Stdout>;

/// Raw mode, the alternate screen, and a panic hook that puts the terminal back first (as
/// `ratatui::try_init` does), over a writer that speaks 16-colour codes when asked to.
pub fn init(ansi16: bool) -> io::Result<Terminal<CrosstermBackend<Either>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), ratatui::crossterm::terminal::EnterAlternateScreen)?;
    let out =
        if ansi16 { Either::Ansi16(ansi16::Ansi16::new(io::stdout())) } else { Either::Plain(io::stdout()) };
    Terminal::new(CrosstermBackend::new(out))
}

/// Standard output as it is, or through the 16-colour translation.
pub enum Either {
    Plain(io::Stdout),
    Ansi16(Out),
}

impl io::Write for Either {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Either::Plain(w) => w.write(bytes),
            Either::Ansi16(w) => w.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Either::Plain(w) => w.flush(),
            Either::Ansi16(w) => w.flush(),
        }
    }
}

/// Undoes what `run` set up on the terminal: on the way out, after a panic unwound out of
/// it, or from the watchdog before it ends the process.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
}

/// True when standard input is a terminal that has hung up (its window or connection closed).
pub fn hung_up() -> bool {
    #[cfg(unix)]
    {
        let mut fds = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
        let n = unsafe { libc::poll(&mut fds, 1, 0) };
        n > 0 && fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Asks the terminal to put `text` on the clipboard (OSC 52): works over SSH and in tmux
/// (with `set-clipboard on`); terminals without it ignore the request.
pub fn copy_to_clipboard(text: &str) {
    let _ = write_copy(&mut io::stdout(), text);
}

/// The OSC 52 request for `text`, by crossterm (`osc52`): `ESC ] 52 ; c ; <base64> ESC \`.
fn write_copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    use ratatui::crossterm::clipboard::CopyToClipboard;
    execute!(out, CopyToClipboard::to_clipboard_from(text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_copy_is_one_osc_52_request_with_the_text_in_base64() {
        let mut out = Vec::new();
        super::write_copy(&mut out, "佐证不足 (p. 3)").unwrap();
        assert_eq!(out, b"\x1b]52;c;5L2Q6K+B5LiN6LazIChwLiAzKQ==\x1b\\");
    }
}
