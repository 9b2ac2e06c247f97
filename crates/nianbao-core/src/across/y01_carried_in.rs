//! Y01: this year's 表三 "二、上年结转" should be last year's "四、结转下年度继续办理" of the
//! same body, column by column (format.md §5; rules.md). One finding per pair of reports,
//! listing the columns that differ, at this year's first differing cell.

use super::summary::ReportSummary;
use super::AcrossFinding;
use crate::fmt::fmt_num;
use crate::registry::Code;
use crate::template::APPLICANT_COLUMNS;

pub fn check(
    (li, last): (usize, &ReportSummary),
    (ti, this): (usize, &ReportSummary),
) -> Option<AcrossFinding> {
    let (l, t) = (last.carry.as_ref()?, this.carry.as_ref()?);
    let differ: Vec<usize> = (0..7)
        .filter(|&c| match (t.carried_in.get(c), l.carried_out.get(c)) {
            (Some(Some(a)), Some(Some(b))) => (a.value - b.value).abs() > 1e-9,
            _ => false,
        })
        .collect();
    let first = *differ.first()?;
    let cell = |c: usize| {
        (
            t.carried_in.get(c).copied().flatten(),
            l.carried_out.get(c).copied().flatten(),
        )
    };
    let label = |c: usize| APPLICANT_COLUMNS.get(c).map_or("", |d| d.label);
    let key_en = |c: usize| crate::rules::key_en(APPLICANT_COLUMNS.get(c).map_or("", |d| d.key));
    let (Some(here), Some(there)) = cell(first) else {
        return None;
    };
    let parts: Vec<String> = differ
        .iter()
        .filter_map(|&c| match cell(c) {
            (Some(a), Some(b)) => Some(format!(
                "{}列本年结转{}、上年结转下年{}",
                label(c),
                fmt_num(a.value),
                fmt_num(b.value)
            )),
            _ => None,
        })
        .collect();
    let mut f = AcrossFinding::new(
        Code::Y01,
        ti,
        here.span,
        format!(
            "表三“二、上年结转政府信息公开申请数量”应等于上年报告（{}）的“四、结转下年度继续办理”：{}。请核对两年的数字。",
            last.describe(),
            crate::fmt::join(&parts, "；")
        ),
        format!(
            "Table 3 carried in should equal carried out of {}: {} column(s) differ.",
            last.describe_en(),
            differ.len()
        ),
    )
    .with(
        li,
        there.span,
        format!("上年报告：结转下年度继续办理（{}列）", label(first)),
        format!("last year's report: carried out, {}", key_en(first)),
    );
    for &c in differ.iter().skip(1) {
        if let (Some(a), Some(_)) = cell(c) {
            f = f.with(ti, a.span, format!("{}列", label(c)), key_en(c));
        }
    }
    Some(f)
}
