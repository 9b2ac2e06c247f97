//! How much of the report the text holds. Most real pastes are part of a report: what one page
//! showed, only the tables, a conversion that gave up. When the text stops before the report
//! does, or starts after it, that is one finding (S07), and nothing beyond the cut is reported
//! missing (no S01/T01 for sections and tables never reached, no "the text never mentions").
//!
//! | the text…                          | read as                                          |
//! |------------------------------------|--------------------------------------------------|
//! | ends inside a table (a row due)    | stops in that table (`Table::truncated`)         |
//! | ends with sections still due, and no closing date after the last one | stops in its last section |
//! | ends mid-sentence in section 六, no closing date | stops in 六                        |
//! | holds a report title and no heading or table | stops before section 一             |
//! | begins inside a table (no header)  | starts in that table (`Table::cut_before`)       |
//! | begins at a section after 一 with no title or preamble before it | starts at that section |
//!
//! A closing block (the signature date after the last section) means the report ended there:
//! a section missing from a signed report is missing (S01), not cut.

use crate::model::Report;
use crate::span::Span;
use crate::template::TableKind;
use crate::view::View;

/// Where the text stops before the report does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Inside a table, in this row (its later cells and rows were never in the text).
    InTable {
        kind: TableKind,
        row: Option<&'static str>,
    },
    /// In this section (0: before any heading), with later sections still due or mid-sentence.
    InSection { number: u8 },
}

/// Where the text starts after the report does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Inside a table, at this row.
    InTable {
        kind: TableKind,
        row: Option<&'static str>,
    },
    /// At this section's heading, with no title or preamble before it.
    AtSection { number: u8 },
}

/// What part of the report the text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extent {
    /// Where it stops early, and the text's last line (where S07 points).
    pub stops: Option<(Stop, Span)>,
    /// Where it starts late, and the text's first line.
    pub starts: Option<(Start, Span)>,
}

impl Extent {
    pub fn is_whole(&self) -> bool {
        self.stops.is_none() && self.starts.is_none()
    }

    /// The section the text stops in (0 when before any heading).
    fn stop_section(&self) -> Option<u8> {
        self.stops.map(|(s, _)| match s {
            Stop::InTable { kind, .. } => kind.section(),
            Stop::InSection { number } => number,
        })
    }

    fn start_section(&self) -> Option<u8> {
        self.starts.map(|(s, _)| match s {
            Start::InTable { kind, .. } => kind.section(),
            Start::AtSection { number } => number,
        })
    }

    /// Section `n` lies wholly outside the text (after the cut or before the start), or its
    /// heading does: a text that starts inside 表三 holds part of section 三, not its heading.
    pub fn section_unseen(&self, n: u8) -> bool {
        let heading_cut =
            matches!(self.starts, Some((Start::InTable { kind, .. }, _)) if kind.section() == n);
        self.stop_section().is_some_and(|s| n > s)
            || self.start_section().is_some_and(|s| n < s)
            || heading_cut
    }

    /// The table of `kind` may lie outside the text: its section is unseen, or is the one the
    /// text stops or starts in (the table may come after the cut or before the start).
    pub fn table_unseen(&self, kind: TableKind) -> bool {
        let n = kind.section();
        self.section_unseen(n) || self.stop_section() == Some(n) || self.start_section() == Some(n)
    }

    /// Section `n` comes after the point where the text stops.
    pub fn after_stop(&self, n: u8) -> bool {
        self.stop_section().is_some_and(|s| n > s)
    }

    /// The text stops inside this table or after it within its section: what the table
    /// lacks may come after the cut (a table of labels only may be one cut after its header).
    pub fn stops_in(&self, kind: TableKind) -> bool {
        self.stop_section() == Some(kind.section())
    }

    /// The whole report was there to search: a claim that it never mentions something holds
    /// (not after a cut, nor before a late start: what was never pasted may say it).
    pub fn whole_text_seen(&self) -> bool {
        self.is_whole()
    }
}

/// Reads the extent from what was understood of the report.
/// `first_body` is the view offset where the first section's body starts.
pub fn find(view: &View, report: &Report, first_body: Option<usize>) -> Extent {
    let text = view.text.as_str();
    let last_line = line_span(view, last_line_range(text));
    let first_line = line_span(view, first_line_range(text));
    let t = &report.tables;
    let tables = [
        (TableKind::Active, &t.active),
        (TableKind::Requests, &t.requests),
        (TableKind::Reviews, &t.reviews),
    ];
    // The last section the text reaches: by its heading, or by a table of numbers read in it
    // (a header's words met in prose are no table).
    let last = report
        .sections
        .iter()
        .map(|s| s.number)
        .chain(
            tables
                .iter()
                .filter(|(_, t)| t.as_ref().is_some_and(|t| t.has_values()))
                .map(|(k, _)| k.section()),
        )
        .max();
    let closed = closing_block(report);

    let stops = tables
        .iter()
        .rev()
        .find_map(|(kind, table)| {
            let row = table.as_ref()?.truncated?;
            Some(Stop::InTable {
                kind: *kind,
                row: Some(row),
            })
        })
        .or_else(|| {
            // Only the title and opening, no heading yet: stops before section 一.
            let opening_only = last.is_none() && names_the_report(text);
            let number = last.or(opening_only.then_some(0))?;
            let due = number < 6;
            (!closed && (due || ends_mid_sentence(text))).then_some(Stop::InSection { number })
        })
        .map(|s| (s, last_line));

    let starts = tables
        .iter()
        .find_map(|(kind, table)| {
            let row = table.as_ref()?.cut_before?;
            Some(Start::InTable {
                kind: *kind,
                row: Some(row),
            })
        })
        .or_else(|| {
            // Tables and no heading, no title: the text begins at its first table.
            let kind = tables.iter().find(|(_, t)| t.is_some()).map(|(k, _)| *k)?;
            (report.sections.is_empty() && !names_the_report(text))
                .then_some(Start::InTable { kind, row: None })
        })
        .or_else(|| {
            let first = report.sections.first()?;
            let titled = first_body.is_some_and(|b| has_title(view, b, &first.heading));
            (first.number > 1 && !titled).then_some(Start::AtSection {
                number: first.number,
            })
        })
        .map(|s| (s, first_line));

    Extent { stops, starts }
}

/// The signature date comes after the last section's heading, near the end of the text.
fn closing_block(report: &Report) -> bool {
    let Some(date) = &report.signature_date else {
        return false;
    };
    report
        .sections
        .iter()
        .map(|s| s.span.end)
        .max()
        .is_none_or(|heading_end| date.span.start > heading_end)
}

/// The text's last non-empty line does not end a sentence (`。！？；…”）`) and is not a date.
fn ends_mid_sentence(text: &str) -> bool {
    let line = text
        .get(last_line_range(text))
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    let Some(last) = line.chars().last() else {
        return false;
    };
    !matches!(
        last,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '；'
            | ';'
            | '…'
            | '”'
            | '"'
            | '’'
            | '）'
            | ')'
            | '日'
            | '：'
            | ':'
    )
}

/// The text opens with a title or preamble, before the first heading (whose body starts at
/// view offset `body_start`): one of its first lines is a title naming the report
/// (`…年度报告`, short, not a sentence) or begins a preamble that does (`根据…本报告`,
/// `现将…年度报告公布如下`). Words of the body (`政府信息公开`, `根据…`), or the end of a
/// preamble cut at its start (`…等六部分组成，现报告如下：`), are no opening.
fn has_title(view: &View, body_start: usize, heading: &str) -> bool {
    let before = view.text.get(..body_start).unwrap_or("");
    let before = match before.rfind(heading.trim()) {
        Some(i) => before.get(..i).unwrap_or(""),
        None => before
            .rfind('\n')
            .map_or("", |i| before.get(..i).unwrap_or("")),
    };
    opening_lines(before).any(|l| {
        let names = l.contains("报告") || l.contains("年报");
        let title = l.chars().count() <= TITLE_CHARS
            && !l.contains('。')
            && !l.ends_with([':', '：', ',', '，']);
        let preamble = PREAMBLE_OPENINGS.iter().any(|o| l.starts_with(o));
        names && (title || preamble)
    })
}

/// A title line is at most this long (a long title wraps onto two lines).
const TITLE_CHARS: usize = 50;

/// How a preamble begins (`根据《条例》…`, `本报告…`, `现将…`).
const PREAMBLE_OPENINGS: &[&str] = &[
    "根据",
    "依据",
    "按照",
    "本报告",
    "本年度报告",
    "现将",
    "现公布",
    "现发布",
    "为",
];

/// One of the text's first lines is a report title (`…政府信息公开工作年度报告`).
fn names_the_report(text: &str) -> bool {
    opening_lines(text)
        .any(|l| l.contains("政府信息公开") && (l.contains("报告") || l.contains("年报")))
}

/// The text's first non-empty lines, trimmed: where a title or preamble stands.
fn opening_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(OPENING_LINES)
}

/// How many of the text's first lines may hold its title or preamble (a title may wrap, a
/// date or a breadcrumb may come first).
const OPENING_LINES: usize = 5;

/// The last line with content: not blank, not a page footer (`- 6 -`, `第3页`).
fn last_line_range(text: &str) -> std::ops::Range<usize> {
    let mut end = text.trim_end().len();
    loop {
        let start = text
            .get(..end)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line = text.get(start..end).unwrap_or("");
        if start == 0 || !crate::footer::is_page_footer(line.trim()) {
            return start..end;
        }
        end = text.get(..start).unwrap_or("").trim_end().len();
    }
}

fn first_line_range(text: &str) -> std::ops::Range<usize> {
    let start = text.len() - text.trim_start().len();
    let end = text
        .get(start..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |e| start + e);
    start..end
}

fn line_span(view: &View, r: std::ops::Range<usize>) -> Span {
    view.span(r.start, r.end.max(r.start))
}
