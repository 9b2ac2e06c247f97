//! Numbers the narrative writes: counts with their unit (`1件`, `3,119件`, `46起`, `180余条`) and
//! shares (`占33.9%`). A number without a unit is no count: years, phone numbers, percentages of
//! completion and document numbers never are.

use super::prose::thousands_comma;

/// A count written in the narrative: a whole number with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub value: u64,
    pub unit: char,
    /// Prose byte range of the digits.
    pub start: usize,
    pub end: usize,
    /// Written with 余/多 (about, more than): not an exact figure.
    pub vague: bool,
}

/// Units a number of cases, requests or items comes with.
pub const UNITS: &[char] = &['件', '条', '起', '宗', '例', '个', '篇'];

/// The counts of `text` (offsets relative to `text`, plus `base`).
pub fn counts(text: &str, base: usize) -> Vec<Count> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut value: u64 = 0;
        loop {
            match bytes.get(j) {
                Some(b) if b.is_ascii_digit() => {
                    value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                    j += 1;
                }
                Some(b',') if thousands_comma(text, j) => j += 1,
                _ => break,
            }
        }
        i = j;
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        if before.is_some_and(|c| c == '.' || c == '第' || c.is_ascii_alphabetic() || c == '-') {
            continue;
        }
        let rest = text.get(j..).unwrap_or("");
        if rest.starts_with('.')
            && rest
                .get(1..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let (vague, rest) = match rest.strip_prefix(['余', '多']) {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let Some(unit) = rest.chars().next().filter(|c| UNITS.contains(c)) else {
            continue;
        };
        let after = rest.get(unit.len_utf8()..).unwrap_or("");
        if after.starts_with('次') {
            continue; // 件次: hotline tickets and the like
        }
        out.push(Count {
            value,
            unit,
            start: base + start,
            end: base + j,
            vague,
        });
    }
    out
}

/// A share written right after a count: `占33.9%`, `占比32%`, `占总数的12.5%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// In percent.
    pub percent: f64,
    /// Digits after the decimal point, as written.
    pub decimals: u32,
    /// Prose byte range of the number and its `%`.
    pub start: usize,
    pub end: usize,
}

/// The share stated at the start of `text` (after the count; offsets plus `base`).
pub fn share_at(text: &str, base: usize) -> Option<Share> {
    let t = text.trim_start_matches([',', '、', ' ']);
    let skipped = text.len() - t.len();
    let rest = t.strip_prefix('占')?;
    // A few words between 占 and the number: 比, 总数的, 全部申请的.
    let lead = rest
        .char_indices()
        .take(8)
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)?;
    if rest
        .get(..lead)?
        .contains(|c: char| super::prose::is_clause_break(c))
    {
        return None;
    }
    let num = rest.get(lead..)?;
    let int = num.bytes().take_while(u8::is_ascii_digit).count();
    let (decimals, len) = match num.get(int..)?.strip_prefix('.') {
        Some(frac) => {
            let d = frac.bytes().take_while(u8::is_ascii_digit).count();
            (d, int + 1 + d)
        }
        None => (0, int),
    };
    if int == 0 || int > 3 || decimals > 4 {
        return None;
    }
    let after = num.get(len..)?;
    if !after.starts_with('%') {
        return None;
    }
    let percent = crate::fmt::parse_decimal(num.get(..len)?)?;
    let start = base + skipped + '占'.len_utf8() + lead;
    Some(Share {
        percent,
        decimals: decimals as u32,
        start,
        end: start + len + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_need_a_unit_and_skip_hotline_tickets() {
        let c = counts(
            "工单1865件次,报道1次,信息182余条,申请3,119件,第5条,1.5件,稿件12篇",
            0,
        );
        let got: Vec<_> = c.iter().map(|c| (c.value, c.vague)).collect();
        assert_eq!(got, vec![(182, true), (3119, false), (12, false)]);
    }

    #[test]
    fn shares_after_a_count() {
        let s = share_at(",占33.9%", 10).map(|s| (s.percent, s.decimals, s.start, s.end));
        assert_eq!(s, Some((33.9, 1, 14, 19)));
        assert_eq!(share_at("占总数的12%", 0).map(|s| s.decimals), Some(0));
        assert_eq!(share_at("占比100%", 0).map(|s| s.percent), Some(100.0));
        for t in ["同比增长5%", "占用3间", "占,5%", "占地1000平方米", ""] {
            assert!(share_at(t, 0).is_none(), "{t}");
        }
    }
}
