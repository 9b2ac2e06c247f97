//! Y03: the text is nearly the same as the same body's report of last year (at least
//! [`SIMILAR`](super::SIMILAR) of the characters in identical passages, after numbers, dates
//! and punctuation are removed). Evaluators deduct points for "与往年雷同". The finding points at
//! the longest identical passage; the next ones and last year's copy are related places.

use super::{AcrossFinding, Similar};
use crate::registry::Code;

pub(crate) fn finding(s: &Similar) -> Option<AcrossFinding> {
    let (_, last, _) = s.earlier;
    let longest = s.cmp.passages.first()?.chars();
    s.finding(
        Code::Y03,
        format!(
            "去掉数字和日期后，本报告的文字有{}%与上年报告（{}）相同，最长的一段相同文字有{}字。请按本年实际情况撰写，不要沿用上年的表述。",
            s.percent(),
            last.describe(),
            longest
        ),
        format!(
            "After removing numbers and dates, {}% of the text is the same as {}; the longest identical passage has {} characters.",
            s.percent(),
            last.describe_en(),
            longest
        ),
    )
}
