//! Her decisions: a finding she waived ("忽略此条", with a reason) stays waived across reloads and
//! edits elsewhere. A finding is known by its fingerprint — its code, the flagged text and where it
//! is in the report's structure (section, table row and column), never its offset — so an edit
//! elsewhere keeps the waiver and an edit of the flagged text itself drops it.

use std::rc::Rc;

use nianbao_core::template::TableKind;

use crate::analysis::Analysis;

/// A waived finding: its fingerprint, what it was (for the list and the exports) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiver {
    pub fingerprint: String,
    pub reason: String,
}

/// Every waiver she made, the newest last.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Waivers(pub Vec<Waiver>);

/// At most this many are kept (the oldest go first): the stored list never grows without bound.
const KEPT: usize = 500;

impl Waivers {
    /// The stored form: one waiver a line, fingerprint and reason split by a tab (neither holds a
    /// tab or a newline: [`flat`]).
    pub fn parse(stored: &str) -> Waivers {
        Waivers(
            stored
                .lines()
                .filter_map(|l| l.rsplit_once('\t'))
                .map(|(f, r)| Waiver {
                    fingerprint: f.to_string(),
                    reason: r.to_string(),
                })
                .collect(),
        )
    }

    pub fn stored(&self) -> String {
        let mut out = String::new();
        for w in &self.0 {
            out.push_str(&w.fingerprint);
            out.push('\t');
            out.push_str(&w.reason);
            out.push('\n');
        }
        out
    }

    pub fn reason(&self, fingerprint: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|w| w.fingerprint == fingerprint)
            .map(|w| w.reason.as_str())
    }

    pub fn with(&self, fingerprint: String, reason: &str) -> Waivers {
        let mut v = self.without(&fingerprint).0;
        v.push(Waiver {
            fingerprint,
            reason: flat(reason),
        });
        let extra = v.len().saturating_sub(KEPT);
        v.drain(..extra);
        Waivers(v)
    }

    pub fn without(&self, fingerprint: &str) -> Waivers {
        Waivers(
            self.0
                .iter()
                .filter(|w| w.fingerprint != fingerprint)
                .cloned()
                .collect(),
        )
    }
}

/// Tabs and line breaks become spaces (the stored form is one line a waiver).
fn flat(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Finding by finding (in the analysis' order), the reason it was waived, if it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Waived(pub Vec<Option<Rc<str>>>);

impl Waived {
    pub fn of(a: &Analysis, waivers: &Waivers) -> Waived {
        if waivers.0.is_empty() {
            return Waived::default();
        }
        Waived(
            (0..a.checked.diagnostics.len())
                .map(|i| waivers.reason(&fingerprint(a, i)).map(Rc::from))
                .collect(),
        )
    }

    pub fn reason(&self, index: usize) -> Option<&str> {
        self.0.get(index).and_then(|r| r.as_deref())
    }

    pub fn is(&self, index: usize) -> bool {
        self.reason(index).is_some()
    }

    pub fn count(&self) -> usize {
        self.0.iter().filter(|r| r.is_some()).count()
    }
}

/// `A02␟s3/t三/row.col␟flagged text`: the code, where the finding is in the report's structure
/// (its section, and the table cell its span starts in or the row on its line) and the text.
pub fn fingerprint(a: &Analysis, index: usize) -> String {
    let Some((d, o)) = a.finding(index) else {
        return String::new();
    };
    let mut place = String::new();
    let section = a
        .output
        .report
        .sections
        .iter()
        .filter(|s| s.start <= o.start)
        .max_by_key(|s| s.start);
    if let Some(s) = section {
        place.push_str(&format!("s{}", s.number));
    }
    for kind in [TableKind::Active, TableKind::Requests, TableKind::Reviews] {
        let Some(table) = a.table(kind) else { continue };
        let cell = table
            .cells
            .iter()
            .find(|c| c.end > c.start && c.start <= o.start && o.start < c.end)
            .map(|c| format!("{}.{}", c.row, c.column))
            .or_else(|| {
                table
                    .cells
                    .iter()
                    .find(|c| c.end > c.start && c.line == o.line)
                    .map(|c| c.row.to_string())
            });
        if let Some(cell) = cell {
            place.push_str(&format!("/t{}/{cell}", kind.section()));
            break;
        }
    }
    flat(&format!(
        "{}\u{1f}{place}\u{1f}{}",
        d.code.as_str(),
        a.excerpt(d)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_form_reads_back() {
        let w = Waivers::default()
            .with("A01\u{1f}s3\u{1f}十二".into(), "已核实")
            .with("V01\u{1f}\u{1f}x".into(), "原因\t含\n换行");
        let back = Waivers::parse(&w.stored());
        assert_eq!(back, w);
        assert_eq!(back.reason("V01\u{1f}\u{1f}x"), Some("原因 含 换行"));
        assert_eq!(back.without("A01\u{1f}s3\u{1f}十二").0.len(), 1);
        assert_eq!(Waivers::parse("junk without a tab\n").0, vec![]);
    }

    #[test]
    fn waiving_again_replaces_and_the_list_is_bounded() {
        let mut w = Waivers::default();
        for i in 0..KEPT + 3 {
            w = w.with(format!("f{i}"), "已核实");
        }
        assert_eq!(w.0.len(), KEPT);
        assert_eq!(w.reason("f0"), None, "the oldest went first");
        let w = w.with("f10".into(), "不适用");
        assert_eq!(w.0.len(), KEPT);
        assert_eq!(w.reason("f10"), Some("不适用"));
    }
}
