//! Y04: two reports of different bodies in one batch are nearly the same text (a copy with the
//! names changed). One finding, on the later report of the pair, naming the earlier one.

use super::{AcrossFinding, Similar};
use crate::registry::Code;

pub(crate) fn finding(s: &Similar) -> Option<AcrossFinding> {
    let (_, other, _) = s.earlier;
    let longest = s.cmp.passages.first()?.chars();
    s.finding(
        Code::Y04,
        format!(
            "去掉数字、日期和单位名称后，本报告的文字有{}%与同批的{}相同，最长的一段相同文字有{}字，可能是套用。请按本单位实际情况撰写。",
            s.percent(),
            other.describe(),
            longest
        ),
        format!(
            "After removing numbers, dates and names, {}% of the text is the same as {} in this batch (longest identical passage: {} characters).",
            s.percent(),
            other.describe_en(),
            longest
        ),
    )
}
