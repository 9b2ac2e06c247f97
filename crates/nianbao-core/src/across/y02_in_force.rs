//! Y02 (2021 template, both years): 表二 现行有效件数 should be last year's 现行有效 plus this
//! year's 本年制发 minus 本年废止, for 规章 and 行政规范性文件. Revisions, expiry and clean-ups
//! also change the count, so a report that explains them (修订, 失效, 清理… in a sentence about
//! 现行有效, 规章 or 规范性文件) is not flagged, and the message says that such a note is enough.

use super::summary::{ReportSummary, IN_FORCE_ROWS};
use super::AcrossFinding;
use crate::fmt::fmt_num;
use crate::registry::Code;

pub fn check(
    (li, last): (usize, &ReportSummary),
    (ti, this): (usize, &ReportSummary),
) -> Vec<AcrossFinding> {
    let (Some(l), Some(t)) = (last.in_force.as_ref(), this.in_force.as_ref()) else {
        return Vec::new();
    };
    if this.in_force_explained {
        return Vec::new();
    }
    let mut out = Vec::new();
    for ((lr, tr), (key, name)) in l.iter().zip(t).zip(IN_FORCE_ROWS) {
        let (Some(before), Some(issued), Some(repealed), Some(now)) =
            (lr.in_force, tr.issued, tr.repealed, tr.in_force)
        else {
            continue;
        };
        let expected = before.value + issued.value - repealed.value;
        if (expected - now.value).abs() < 1e-9 {
            continue;
        }
        out.push(
            AcrossFinding::new(
                Code::Y02,
                ti,
                now.span,
                format!(
                    "表二“{name}”现行有效件数为{}，而上年报告（{}）的现行有效{}件，加本年制发{}件、减本年废止{}件，应为{}件。如因修订、失效、清理等原因不衔接，请在正文中说明。",
                    fmt_num(now.value),
                    last.describe(),
                    fmt_num(before.value),
                    fmt_num(issued.value),
                    fmt_num(repealed.value),
                    fmt_num(expected)
                ),
                format!(
                    "Table 2 “{name}”: in force is {}, but last year's {} + issued {} − repealed {} = {}. If revisions or expiry explain it, say so in the text.",
                    fmt_num(now.value),
                    fmt_num(before.value),
                    fmt_num(issued.value),
                    fmt_num(repealed.value),
                    fmt_num(expected)
                ),
            )
            .with(
                li,
                before.span,
                format!("上年报告：{name}现行有效件数"),
                format!("last year's report: {} in force", crate::rules::key_en(key)),
            )
            .with(ti, issued.span, "本年制发件数", "issued".into())
            .with(ti, repealed.span, "本年废止件数", "repealed".into()),
        );
    }
    out
}
