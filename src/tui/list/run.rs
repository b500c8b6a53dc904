//! The list's event loop: the terminal's keys to the list, the refresher's news to the list,
//! a frame when something changed — until the user quits or opens a report. The terminal is
//! given back before the report opens (a review sets up its own, and may first ask on the
//! plain terminal), and taken again when the list is shown anew.

use super::refresh::{News, Refresher};
use super::{ListApp, Open};
use crate::tui::terminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the list asks whether the folder's files changed.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// The longest wait for a key before the clock is looked at again.
const POLL: Duration = Duration::from_millis(200);
/// The wait while the rows are still coming: their news shows as soon as it comes.
const POLL_LOADING: Duration = Duration::from_millis(20);

/// Shows the list until the user quits (`None`) or opens a report; a signal (`stop`) quits too.
pub fn run(
    list: &mut ListApp,
    refresher: &Refresher,
    ansi16: bool,
    stop: &AtomicBool,
) -> io::Result<Option<Open>> {
    let mut term = terminal::init(ansi16)?;
    let result = event_loop(&mut term, list, refresher, stop);
    terminal::restore();
    result
}

fn event_loop(
    term: &mut ratatui::Terminal<ratatui::backend::CrosstermBackend<terminal::Either>>,
    list: &mut ListApp,
    refresher: &Refresher,
    stop: &AtomicBool,
) -> io::Result<Option<Open>> {
    // crossterm listens for resizes from its first poll: poll before the first frame.
    let _ = event::poll(Duration::ZERO)?;
    refresher.look();
    let mut looked = Instant::now();
    let mut redraw = true;
    loop {
        if redraw {
            let _ = execute!(io::stdout(), BeginSynchronizedUpdate);
            let mut page = list.page;
            let drawn = term.draw(|f| page = super::view::draw(list, f));
            let _ = execute!(io::stdout(), EndSynchronizedUpdate);
            drawn?;
            list.set_page(page);
            redraw = false;
        }
        if list.quit || stop.load(Ordering::SeqCst) {
            return Ok(None);
        }
        if terminal::hung_up() {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, crate::words::tui::TERMINAL_GONE.get()));
        }
        if looked.elapsed() >= LOOK_EVERY {
            looked = Instant::now();
            refresher.look();
        }
        for news in refresher.news() {
            redraw = true;
            match news {
                News::Progress { k, n, name } => list.reading = Some((k, n, name)),
                News::Rows(rows) => list.set_rows(rows),
                News::Failed(why) => {
                    list.reading = None;
                    let text = crate::words::list::FOLDER_PROBLEM.fill(&[("why", &why)]);
                    list.say(crate::tui::app::Level::Warn, text);
                }
            }
        }
        let wait = if list.known && list.reading.is_none() { POLL } else { POLL_LOADING };
        if !event::poll(wait)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                // An Esc and a key that arrive together (a slow link) read as Alt+key: no key
                // of the list uses Alt, so it is the key.
                let key = if key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_))
                {
                    event::KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT)
                } else {
                    key
                };
                let open = list.key(key);
                redraw = true;
                if open.is_some() {
                    return Ok(open);
                }
            }
            Event::Resize(..) => redraw = true,
            _ => {}
        }
    }
}
