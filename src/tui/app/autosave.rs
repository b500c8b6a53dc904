//! When the app saves by itself: a while after the first unsaved change (keys typed meanwhile
//! wait with it, so a burst of edits is one save), again a few seconds after a failed attempt,
//! and never two at once. A pure function of the changes, the answers and the clock: the clock
//! comes in as `Action::Tick`, and a due save goes out as `Effect::Autosave`.

use std::time::{Duration, Instant};

/// How often a failed save is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);
/// After the first unsaved change, how long autosave waits for more (the default; at most a
/// second, see `tui::Options`).
pub const DEFAULT_DELAY: Duration = Duration::from_millis(250);

#[derive(Debug, Clone)]
pub struct Schedule {
    /// How long after the first unsaved change a save starts.
    pub delay: Duration,
    /// The clock as last told (`Action::Tick`).
    now: Option<Instant>,
    /// When the first change not yet saved was made.
    changed_at: Option<Instant>,
    /// When the last save was started (an autosave, Ctrl-s or quit).
    attempted_at: Option<Instant>,
    /// A background save is being written.
    in_flight: bool,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule { delay: DEFAULT_DELAY, now: None, changed_at: None, attempted_at: None, in_flight: false }
    }
}

impl Schedule {
    /// The clock moved on.
    pub fn tick(&mut self, now: Instant) {
        self.now = Some(now);
    }

    /// The time as last told; before the first tick, the moment it is asked.
    fn now(&self) -> Instant {
        self.now.unwrap_or_else(Instant::now)
    }

    /// A change was made (the first one since the last save starts the wait).
    pub fn changed(&mut self) {
        if self.changed_at.is_none() {
            self.changed_at = Some(self.now());
        }
    }

    /// A save of everything was written: nothing waits any more.
    pub fn saved(&mut self) {
        self.changed_at = None;
    }

    /// A save was started now (any kind: the retry counts from it).
    pub fn started(&mut self, background: bool) {
        self.attempted_at = Some(self.now());
        self.in_flight |= background;
    }

    /// The background save answered.
    pub fn answered(&mut self) {
        self.in_flight = false;
    }

    pub fn in_flight(&self) -> bool {
        self.in_flight
    }

    /// When the next autosave is due, given whether there is anything unsaved and whether the
    /// last save failed; `None` when none is (nothing to save, or one is being written).
    pub fn due(&self, unsaved: bool, failed: bool) -> Option<Instant> {
        if !unsaved || self.in_flight {
            return None;
        }
        let change = self.changed_at.map(|t| t + self.delay);
        match (failed, self.attempted_at) {
            (true, Some(t)) => Some(t + RETRY_DELAY),
            // Unsaved with no change to wait for (recovered edits): at the next tick.
            _ => Some(change.unwrap_or_else(|| self.now())),
        }
    }

    /// Due at the clock's time.
    pub fn is_due(&self, unsaved: bool, failed: bool) -> bool {
        self.due(unsaved, failed).is_some_and(|t| t <= self.now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_changes_is_one_save_after_the_delay_from_the_first() {
        let t0 = Instant::now();
        let mut s = Schedule { delay: Duration::from_millis(500), ..Schedule::default() };
        s.tick(t0);
        assert_eq!(s.due(false, false), None, "nothing to save");
        s.changed();
        s.tick(t0 + Duration::from_millis(300));
        s.changed();
        assert_eq!(s.due(true, false), Some(t0 + Duration::from_millis(500)));
        assert!(!s.is_due(true, false));
        s.tick(t0 + Duration::from_millis(500));
        assert!(s.is_due(true, false));
        s.started(true);
        assert_eq!(s.due(true, false), None, "one at a time");
        s.answered();
        s.saved();
        assert_eq!(s.due(false, false), None);
    }

    #[test]
    fn a_failed_save_is_tried_again_after_the_retry_delay() {
        let t0 = Instant::now();
        let mut s = Schedule::default();
        s.tick(t0);
        s.changed();
        s.tick(t0 + s.delay);
        s.started(true);
        s.answered();
        s.tick(t0 + s.delay + Duration::from_secs(1));
        assert!(!s.is_due(true, true), "not before the retry delay");
        assert_eq!(s.due(true, true), Some(t0 + s.delay + RETRY_DELAY));
        s.tick(t0 + s.delay + RETRY_DELAY);
        assert!(s.is_due(true, true));
    }
}
