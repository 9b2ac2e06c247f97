//! Moving between findings by position: the finding under the caret, the next or previous one
//! (F8 / Shift+F8). Pure functions over UTF-16 spans, so they are tested without a browser.

/// The narrowest finding whose span holds `caret` (ends included: a caret just after a flagged
/// word still belongs to it).
pub fn at_caret(spans: &[(usize, usize)], caret: usize) -> Option<usize> {
    spans
        .iter()
        .enumerate()
        .filter(|(_, &(start, end))| start <= caret && caret <= end)
        .min_by_key(|(_, &(start, end))| end - start)
        .map(|(i, _)| i)
}

/// The finding after the selection `start..end` (or before it, `previous`), wrapping around.
/// `spans` are in text order.
pub fn step(spans: &[(usize, usize)], start: usize, end: usize, previous: bool) -> Option<usize> {
    if previous {
        spans
            .iter()
            .rposition(|&(s, _)| s < start)
            .or(spans.len().checked_sub(1))
    } else {
        spans
            .iter()
            .position(|&(s, e)| s > start || (s == start && e > end))
            .or((!spans.is_empty()).then_some(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPANS: [(usize, usize); 4] = [(0, 10), (2, 4), (20, 20), (30, 35)];

    #[test]
    fn the_narrowest_span_under_the_caret_wins() {
        assert_eq!(at_caret(&SPANS, 3), Some(1));
        assert_eq!(at_caret(&SPANS, 8), Some(0));
        assert_eq!(
            at_caret(&SPANS, 20),
            Some(2),
            "an empty span is hit at its point"
        );
        assert_eq!(at_caret(&SPANS, 35), Some(3), "the end is included");
        assert_eq!(at_caret(&SPANS, 15), None);
        assert_eq!(at_caret(&[], 0), None);
    }

    #[test]
    fn next_and_previous_wrap_around() {
        assert_eq!(
            step(&SPANS, 0, 0, false),
            Some(0),
            "a span at the caret, not yet selected"
        );
        assert_eq!(
            step(&SPANS, 0, 10, false),
            Some(1),
            "the selected one is passed"
        );
        assert_eq!(step(&SPANS, 2, 4, false), Some(2));
        assert_eq!(step(&SPANS, 30, 35, false), Some(0), "wraps to the first");
        assert_eq!(step(&SPANS, 30, 35, true), Some(2));
        assert_eq!(step(&SPANS, 0, 0, true), Some(3), "wraps to the last");
        assert_eq!(step(&[], 5, 5, false), None);
        assert_eq!(step(&[], 5, 5, true), None);
    }
}
