//! The page's state in one value, changed only by [`Action`]s (Yew's `use_reducer`): the draft as
//! typed, the last check (numbered by its revision), the active finding, the filter, the notice
//! and her waivers. What depends on them — is the last check of an older text, which finding is
//! under the caret, which comes next — are pure functions here, tested without a browser. The
//! browser's side (storage, the textarea, timers) stays in the App component.

use std::rc::Rc;

use yew::Reducible;

use crate::analysis::Analysis;
use crate::findings::Filter;
use crate::i18n::Lang;
use crate::ignore::{fingerprint, Waived, Waivers};
use crate::navigate;

/// A short message at the bottom of the page; `undo` brings back the text a 清空 removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Rc<String>>,
}

impl Notice {
    pub fn say(text: String) -> Notice {
        Notice { text, undo: None }
    }
}

#[derive(Clone)]
pub struct State {
    /// The language the page chose (embedded, the portal's wins when rendering).
    pub lang: Lang,
    /// The text as typed: what the highlight layer shows.
    pub draft: Rc<String>,
    /// The last check; its revision increases with every check.
    pub analysis: Rc<Analysis>,
    pub active: Option<usize>,
    pub filter: Filter,
    pub notice: Option<Notice>,
    pub waivers: Rc<Waivers>,
    /// Finding by finding of `analysis`, the reason it was waived (follows `waivers`).
    pub waived: Rc<Waived>,
}

pub enum Action {
    /// She typed, pasted or loaded `text`: the draft follows; a pending 撤销 is retired (undoing
    /// the old 清空 now would replace what she wrote).
    Typed(Rc<String>),
    /// Check `text`; `compare` with the check before ("已修复/新增"), not after a load.
    Check {
        text: Rc<String>,
        compare: bool,
    },
    Activate(usize),
    Filter(Filter),
    Notice(Option<Notice>),
    /// Waive finding `index` of the last check with a reason, or restore it (`None`).
    Waive(usize, Option<String>),
    Lang(Lang),
}

impl State {
    pub fn new(lang: Lang, text: Rc<String>, waivers: Waivers) -> State {
        let analysis = Rc::new(Analysis::new(0, text.clone()));
        let waived = Rc::new(Waived::of(&analysis, &waivers));
        State {
            lang,
            draft: text,
            analysis,
            active: None,
            filter: Filter::default(),
            notice: None,
            waivers: Rc::new(waivers),
            waived,
        }
    }

    /// Whether the last check is of another text than `text`: its offsets do not fit, the check
    /// of the latest edit is a moment away.
    pub fn stale_for(&self, text: &str) -> bool {
        self.analysis.text.as_str() != text
    }

    /// Whether the draft waits for its check.
    pub fn pending(&self) -> bool {
        self.stale_for(&self.draft)
    }

    /// The finding under the caret (a UTF-16 offset of the draft), once the draft is checked.
    pub fn finding_at(&self, caret: usize) -> Option<usize> {
        if self.pending() {
            return None;
        }
        navigate::at_caret(&self.analysis.spans(), caret)
    }

    /// The finding after the selection `start..end` of the draft (before it, `previous`), once
    /// the draft is checked.
    pub fn step(&self, start: usize, end: usize, previous: bool) -> Option<usize> {
        if self.pending() {
            return None;
        }
        navigate::step(&self.analysis.spans(), start, end, previous)
    }

    /// The first finding of rule `code` in the last check.
    pub fn first_of(&self, code: &str) -> Option<usize> {
        self.analysis
            .output
            .diagnostics
            .iter()
            .position(|d| d.code == code)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Typed(text) => {
                if next.notice.as_ref().is_some_and(|n| n.undo.is_some()) {
                    next.notice = None;
                }
                next.draft = text;
            }
            Action::Check { text, compare } => {
                let mut checked = Analysis::new(self.analysis.revision + 1, text);
                // A paste into the empty editor has nothing to compare with: its findings are
                // not "new".
                if compare && !self.analysis.text.trim().is_empty() {
                    checked.changes = Some(checked.changes_since(&self.analysis));
                }
                next.analysis = Rc::new(checked);
                next.waived = Rc::new(Waived::of(&next.analysis, &next.waivers));
                next.active = None;
            }
            Action::Activate(i) => next.active = Some(i),
            Action::Filter(f) => next.filter = f,
            Action::Notice(n) => next.notice = n,
            Action::Waive(i, reason) => {
                let f = fingerprint(&self.analysis, i);
                next.waivers = Rc::new(match reason {
                    Some(r) => self.waivers.with(f, &r),
                    None => self.waivers.without(&f),
                });
                next.waived = Rc::new(Waived::of(&next.analysis, &next.waivers));
            }
            Action::Lang(l) => next.lang = l,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../shared/seeds/002_23d160e7ec491542.txt");

    fn state(text: &str) -> Rc<State> {
        Rc::new(State::new(
            Lang::Zh,
            Rc::new(text.to_string()),
            Waivers::default(),
        ))
    }

    fn typed(s: Rc<State>, text: &str) -> Rc<State> {
        s.reduce(Action::Typed(Rc::new(text.to_string())))
    }

    fn checked(s: Rc<State>, compare: bool) -> Rc<State> {
        let text = s.draft.clone();
        s.reduce(Action::Check { text, compare })
    }

    #[test]
    fn every_check_is_numbered_and_clears_the_active_finding() {
        let s = state(SEED);
        assert_eq!(s.analysis.revision, 0);
        assert!(!s.analysis.output.diagnostics.is_empty());
        let s = s.reduce(Action::Activate(0));
        let s = checked(s, false);
        assert_eq!(s.analysis.revision, 1);
        assert_eq!(s.active, None);
        assert_eq!(s.analysis.changes, None, "a load is not compared");
        let s = checked(s, true);
        assert_eq!(s.analysis.revision, 2);
        assert_eq!(s.analysis.changes, Some((0, 0)));
    }

    #[test]
    fn a_paste_into_the_empty_editor_is_not_compared() {
        let s = typed(state(""), SEED);
        let s = checked(s, true);
        assert!(!s.analysis.output.diagnostics.is_empty());
        assert_eq!(s.analysis.changes, None);
        let s = typed(s, &format!("{SEED}\n"));
        let s = checked(s, true);
        assert_eq!(s.analysis.changes, Some((0, 0)), "an edit is");
    }

    #[test]
    fn typing_makes_the_check_pending_until_it_runs() {
        let s = state(SEED);
        assert!(!s.pending());
        let s = typed(s, &format!("{SEED}x"));
        assert!(s.pending());
        assert!(s.stale_for(&s.draft));
        assert!(!s.stale_for(SEED));
        let s = checked(s, true);
        assert!(!s.pending());
    }

    #[test]
    fn the_finding_at_the_caret_only_for_the_text_checked() {
        let s = state(SEED);
        let spans = s.analysis.spans();
        let (start, end) = spans.first().copied().unwrap_or_default();
        let hit = s.finding_at((start + end) / 2);
        assert!(hit.is_some());
        let hit = hit.and_then(|i| spans.get(i)).copied().unwrap_or_default();
        assert!(hit.0 <= (start + end) / 2 && (start + end) / 2 <= hit.1);
        let stale = typed(s, &format!("x{SEED}"));
        assert_eq!(stale.finding_at((start + end) / 2), None);
    }

    #[test]
    fn next_and_previous_only_for_the_text_checked() {
        let s = state(SEED);
        let n = s.analysis.spans().len();
        assert!(n > 1);
        assert_eq!(s.step(0, 0, false), Some(0));
        assert_eq!(s.step(0, 0, true), Some(n - 1), "wraps to the last");
        let code = s.analysis.output.diagnostics.last().map(|d| d.code);
        let code = code.unwrap_or_default();
        let first = s
            .analysis
            .output
            .diagnostics
            .iter()
            .position(|d| d.code == code);
        assert_eq!(s.first_of(code), first);
        assert_eq!(s.first_of("Z99"), None);
        let stale = typed(s, "other text");
        assert_eq!(stale.step(0, 0, false), None);
    }

    #[test]
    fn a_new_text_retires_the_undo_but_not_a_plain_notice() {
        let s = state(SEED);
        let undo = Notice {
            text: "已清空。".into(),
            undo: Some(Rc::new(SEED.to_string())),
        };
        let s = s.reduce(Action::Notice(Some(undo)));
        let s = typed(s, "new");
        assert_eq!(s.notice, None);
        let s = s.reduce(Action::Notice(Some(Notice::say("已打开 a.txt".into()))));
        let s = typed(s, "newer");
        assert!(s.notice.is_some());
    }

    #[test]
    fn waivers_follow_the_findings_across_checks() {
        let s = state(SEED);
        let s = s.reduce(Action::Waive(0, Some("已核实".into())));
        assert_eq!(s.waived.reason(0), Some("已核实"));
        assert_eq!(s.waivers.0.len(), 1);
        let s = typed(s, &format!("{SEED}\n"));
        let s = checked(s, true);
        assert_eq!(s.waived.count(), 1, "an edit elsewhere keeps the waiver");
        let s = s.reduce(Action::Waive(0, None));
        assert_eq!(s.waived.count(), 0);
        assert!(s.waivers.0.is_empty());
    }
}
