//! The header line (report, evaluator) and the status bar (progress, points, percent,
//! grade, save state, then the message or key hints).

use super::{App, clip};
use crate::scores::fmt_num;
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::{Level, Mode, QuitGate, QuitQuestion, Said, SaveState};
use crate::tui::keymap::key_mode;
use crate::tui::keys::KeyMode;
use crate::words::tui as words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::borrow::Cow;

pub fn draw_header(app: &App, frame: &mut Frame, area: Rect) {
    let w = usize::from(area.width);
    let mut right = String::new();
    if let Some(name) = &app.scores.head.evaluator {
        right.push_str(&words::EVALUATOR.fill(&[("name", name)]));
    }
    if app.read_only {
        right.push_str(words::READ_ONLY_TAG.get());
    }
    let right = clip(&right, w / 2);
    let left = clip(&format!(" appraise · {}", app.report.title), w.saturating_sub(text::width(&right)));
    let pad = w.saturating_sub(text::width(&left) + text::width(&right));
    let line = Line::from(vec![
        Span::styled(left, app.theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, app.theme.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The status bar: the totals always, then the save state and the filter, then the message or
/// the key hints. A message that does not fit beside the totals gets the row above the bar
/// (over the panes' bottom border) to itself, so neither is cut.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = usize::from(area.width);
    let sum = &app.tallies.report;
    let points = if sum.scored > 0 {
        words::POINTS.fill(&[("points", &fmt_num(sum.points)), ("max", &fmt_num(sum.max_points))])
    } else {
        words::NO_POINTS.fill(&[("max", &fmt_num(sum.report_max))])
    };
    // The totals first: progress, points, percent and grade.
    let scored = words::SCORED.fill(&[("scored", &sum.scored), ("items", &sum.items)]);
    let mut line = vec![Span::raw(format!("{scored} │ {points}"))];
    if let Some(p) = sum.percent {
        line.push(Span::raw(format!(" │ {}%", fmt_num(p))));
    }
    let mut provisional = None;
    if let Some(g) = &sum.grade {
        line.push(Span::styled(format!(" {g}"), t.title));
        // While items are unscored the grade may still change, as the sheet says too.
        if sum.grade_is_provisional() {
            provisional = Some(line.len());
            line.push(Span::styled(words::GRADE_PROVISIONAL.get(), t.muted));
        }
    }
    line.push(Span::raw(" │ "));
    line.push(match &app.save {
        _ if app.read_only => Span::styled(words::READ_ONLY.get(), t.muted),
        SaveState::Saved => Span::styled(words::SAVED.get(), t.score_full),
        SaveState::Unsaved => Span::styled(words::SAVING.get(), t.score_partial),
        SaveState::Failed(_) => Span::styled(words::NOT_SAVED.get(), t.error),
    });
    // The journal's failure stays in view for as long as it lasts (its message goes at the
    // next key): until then a crash loses what is not saved.
    if app.journal_error.is_some() && !app.read_only {
        line.push(Span::raw(" "));
        line.push(Span::styled(words::JOURNAL_BAD.get(), t.error));
    }
    // A submitted sheet says so; one changed since, that it is open again.
    if app.scores.head.reopened_at.is_some() {
        line.push(Span::raw(" │ "));
        line.push(Span::styled(crate::words::evaluators::STATUS_REOPENED.get(), t.warning));
    } else if app.scores.head.submitted_at.is_some() {
        line.push(Span::raw(" │ "));
        line.push(Span::styled(crate::words::evaluators::STATUS_SUBMITTED.get(), t.score_full));
    }
    // The filter in force, after the save state (which matters more).
    if app.filter.is_active() {
        let shown = app.outline.iter().filter(|n| matches!(n, crate::report::Node::Item(_))).count();
        let clear = app.keymap.key(KeyMode::Normal, &Action::ClearFilters);
        let filter = words::FILTER_STATUS.fill(&[
            ("filter", &app.filter.describe()),
            ("shown", &shown),
            ("key", &clear),
        ]);
        line.push(Span::raw(" │ "));
        line.push(Span::styled(filter, t.warning));
    }
    line.push(Span::raw(" │ "));
    let used = |line: &[Span]| line.iter().map(|s| text::width(&s.content)).sum::<usize>();
    let mut room = w.saturating_sub(used(&line));
    // On a narrow screen the keys the mode cannot do without come first: the mark gives way.
    if let Some(k) = provisional
        && room < text::width(&hints(app, 0))
    {
        line.remove(k);
        room = w.saturating_sub(used(&line));
    }
    // The `:` prompt takes the message's place: what is typed, then why it went nowhere, else
    // the prompt's keys.
    if let Mode::Goto { input, error } = &app.mode {
        let typed = format!("{}{input}▏", words::GOTO_PROMPT);
        let rest = room.saturating_sub(text::width(&typed) + 2);
        line.push(Span::styled(clip(&typed, room), t.title));
        match error {
            Some(e) => line.push(Span::styled(format!("  {}", clip(e, rest)), t.warning)),
            None => line.push(Span::styled(format!("  {}", clip(&hints(app, rest), rest)), t.muted)),
        }
        frame.render_widget(Paragraph::new(Line::from(line)).style(t.status), area);
        return;
    }
    match &app.message {
        Some(m) => {
            let style = match m.level {
                Level::Info => t.info,
                Level::Warn => t.warning,
                Level::Error => t.error,
            };
            let said = said(&m.said);
            if text::width(&said) <= room || area.y == 0 {
                line.push(Span::styled(clip(&said, room), style));
            } else {
                // Its own row, above the bar; the bar keeps the totals and the hints.
                let above = Rect::new(area.x, area.y - 1, area.width, 1);
                let text = clip(&format!(" {said}"), w);
                frame.render_widget(ratatui::widgets::Clear, above);
                frame.render_widget(Paragraph::new(Line::styled(text, style)).style(t.status), above);
                line.push(Span::styled(clip(&hints(app, room), room), t.muted));
            }
        }
        None => line.push(Span::styled(clip(&hints(app, room), room), t.muted)),
    }
    frame.render_widget(Paragraph::new(Line::from(line)).style(t.status), area);
}

/// The key hints of the mode on screen, made from the key map in force, in at most `room`
/// columns: the least needed hints go first when they do not all fit (help stays longest).
pub fn hints(app: &App, room: usize) -> String {
    use crate::words::keys as k;
    use Action::*;
    let map = &app.keymap;
    let mode = key_mode(&app.mode);
    let digits: Vec<Action> = (0..=9).map(QuickScore).chain([OpenScorePrompt]).collect();
    // (actions, label, how much it is needed: 0 most)
    if let Mode::Confirm(_) = app.mode {
        return crate::words::evaluators::HINT_ANSWER.get().to_string();
    }
    let groups: Vec<(Vec<Action>, crate::words::Word, u8)> = match app.mode {
        Mode::Normal => vec![
            (vec![NextItem, PrevItem], k::HINT_MOVE, 1),
            (digits, k::HINT_SCORE, 2),
            (vec![Annotate], k::HINT_NOTE, 4),
            (vec![ToggleFlag], k::HINT_FLAG, 5),
            (vec![Undo], k::HINT_UNDO, 6),
            (vec![Help], k::HINT_HELP, 0),
            (vec![Quit], k::HINT_QUIT, 3),
        ],
        Mode::ScorePrompt { .. } | Mode::Goto { .. } => vec![
            (vec![PromptSet], k::HINT_SET, 0),
            (vec![PromptCancel], k::HINT_CANCEL, 1),
            (vec![PromptDelete], k::HINT_DELETE, 2),
        ],
        Mode::Note { .. } => {
            vec![(vec![NoteClose], k::HINT_CLOSE_KEEP, 0), (vec![NoteSave], k::HINT_SAVE, 1)]
        }
        Mode::Help { .. } | Mode::Info { .. } => {
            vec![(vec![PageLineDown, PageLineUp], k::HINT_SCROLL, 1), (vec![PageClose], k::HINT_CLOSE, 0)]
        }
        Mode::Filters => {
            use crate::tui::action::FilterKind::*;
            let toggles = vec![
                FilterToggle(Unscored),
                FilterToggle(Flagged),
                FilterToggle(NeedsReason),
                FilterToggle(HasNote),
                FilterToggle(Tag),
            ];
            vec![
                (toggles, k::HINT_TOGGLE, 1),
                (vec![FiltersClear], k::HINT_CLEAR, 2),
                (vec![FiltersClose], k::HINT_CLOSE, 0),
            ]
        }
        Mode::Search(_) => vec![
            (vec![SearchDown, SearchUp], k::HINT_CHOOSE, 1),
            (vec![SearchJump], k::HINT_JUMP, 0),
            (vec![SearchClose], k::HINT_CLOSE, 2),
        ],
        Mode::Confirm(_) => Vec::new(),
    };
    // What is not a key of the map: typing in search, Enter in the note editor.
    let extra = match app.mode {
        Mode::Search(_) => Some(k::HINT_TYPE.get().to_string()),
        Mode::Note { .. } => {
            Some(format!("{} {}", crate::tui::keymap::display_key("enter"), k::HINT_NEW_LINE))
        }
        _ => None,
    };
    let mut keep: Vec<bool> = vec![true; groups.len()];
    loop {
        let shown: Vec<(&[Action], crate::words::Word)> =
            groups.iter().zip(&keep).filter(|(_, k)| **k).map(|((a, w, _), _)| (a.as_slice(), *w)).collect();
        let mut text = map.hint(mode, &shown);
        if let Some(extra) = &extra {
            text = match app.mode {
                Mode::Search(_) => format!("{extra}  {text}"),
                _ => format!("{text}  {extra}"),
            };
        }
        // Drop the least needed hint still shown, while it does not fit.
        let least = groups.iter().enumerate().filter(|(i, _)| keep[*i]).max_by_key(|(_, (_, _, need))| *need);
        match least {
            Some((i, (_, _, need))) if text::width(&text) > room && *need > 0 => keep[i] = false,
            _ => return text,
        }
    }
}

/// What a message says, in words: the store's reports (a failed save, the journal, the
/// questions `q` asks because of them) become sentences here.
pub fn said(said: &Said) -> Cow<'_, str> {
    match said {
        Said::Text(text) => Cow::Borrowed(text),
        Said::NotSaved(e) => Cow::Owned(words::NOT_SAVED_RETRY.fill(&[("why", e)])),
        Said::JournalFailed(e) => Cow::Owned(words::JOURNAL_FAILED.fill(&[("why", e)])),
        Said::Quit(q) => Cow::Owned(quit_question(q)),
    }
}

fn quit_question(q: &QuitQuestion) -> String {
    let reason = q.save.as_ref().map(ToString::to_string).unwrap_or_default();
    let journal =
        q.journal.as_ref().map_or_else(|| words::JOURNAL_FAILED_SHORT.get().to_string(), ToString::to_string);
    let lost = words::count_items(q.lost);
    // The question first (a long message is cut at the screen's edge), the reasons after.
    match q.gate {
        QuitGate::NotDurable => words::NOT_DURABLE.fill(&[
            ("count", &lost),
            ("key", &q.key),
            ("why", &reason),
            ("journal", &journal),
        ]),
        QuitGate::SaveFailed if q.lost > 0 => {
            words::LOSES.fill(&[("key", &q.key), ("count", &lost), ("ids", &q.ids)])
        }
        QuitGate::SaveFailed | QuitGate::MissingReasons => {
            words::SAVE_FAILED_QUIT.fill(&[("key", &q.key), ("why", &reason)])
        }
    }
}
