//! R01: a district or county people's government's own report aggregates the bodies under it,
//! so its 表三 "本年新收" total cannot be less than the sum of the totals of its units' reports in
//! the same batch (same year). A unit belongs to the aggregate when its name carries the same
//! county (长沙县卫生健康局 under 长沙县人民政府), or names no county at all (区卫健局,
//! 某某街道办事处) and the batch holds only one aggregate for that year.

use super::summary::ReportSummary;
use super::AcrossFinding;
use crate::fmt::fmt_num;
use crate::issuer::{IssuerKind, Level};
use crate::registry::Code;

/// The 总计 column of 表三.
const TOTAL: usize = 6;

pub fn check(summaries: &[ReportSummary]) -> Vec<AcrossFinding> {
    let aggregates: Vec<usize> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| is_aggregate(s))
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for &a in &aggregates {
        let Some(agg) = summaries.get(a) else {
            continue;
        };
        let (Some(year), Some(place)) = (agg.year, agg.issuer.as_deref().and_then(county)) else {
            continue;
        };
        let Some(own) = agg.carry.as_ref().and_then(|c| c.received[TOTAL]) else {
            continue;
        };
        let alone = aggregates
            .iter()
            .filter(|&&o| summaries.get(o).is_some_and(|s| s.year == Some(year)))
            .count()
            == 1;
        let mut units: Vec<(usize, &ReportSummary, super::summary::Value)> = Vec::new();
        for (i, s) in summaries.iter().enumerate() {
            if i == a || s.year != Some(year) || !is_unit(s) {
                continue;
            }
            let belongs = match s.issuer.as_deref().map(county) {
                Some(Some(c)) => c == place,
                Some(None) => alone,
                None => false,
            };
            if let (true, Some(v)) = (belongs, s.carry.as_ref().and_then(|c| c.received[TOTAL])) {
                units.push((i, s, v));
            }
        }
        let sum: f64 = units.iter().map(|u| u.2.value).sum();
        if units.is_empty() || own.value + 1e-9 >= sum {
            continue;
        }
        units.sort_by(|x, y| y.2.value.total_cmp(&x.2.value).then(x.0.cmp(&y.0)));
        let mut f = AcrossFinding::new(
            Code::R01,
            a,
            own.span,
            format!(
                "本报告是{}本级的汇总报告，表三本年新收申请总数为{}件，少于同批{}个下属单位报告之和（{}件）。汇总报告应涵盖各编制单位，请核对汇总口径。",
                agg.issuer.as_deref().unwrap_or(""),
                fmt_num(own.value),
                units.len(),
                fmt_num(sum)
            ),
            format!(
                "This aggregate report counts {} requests received, fewer than the {} of the {} reports of its units in this batch.",
                fmt_num(own.value),
                fmt_num(sum),
                units.len()
            ),
        );
        for (i, s, v) in units {
            f = f.with(
                i,
                v.span,
                format!(
                    "{}：本年新收{}件",
                    s.issuer.as_deref().unwrap_or("下属单位"),
                    fmt_num(v.value)
                ),
                format!(
                    "“{}”: {} received",
                    s.issuer.as_deref().unwrap_or("unit"),
                    fmt_num(v.value)
                ),
            );
        }
        out.push(f);
    }
    out
}

/// A district or county people's government itself.
fn is_aggregate(s: &ReportSummary) -> bool {
    s.kind == Some(IssuerKind::PeoplesGovernment) && s.level == Some(Level::County)
}

/// A body that a county's report aggregates: its departments, offices, towns and 街道.
fn is_unit(s: &ReportSummary) -> bool {
    !matches!(s.kind, None | Some(IssuerKind::PeoplesGovernment))
        && !matches!(s.level, Some(Level::Province | Level::City))
}

/// The county (县, 区, 旗) a name places its body in: from after the last higher unit (省, 市,
/// 州, 盟) to the last county unit. `None` if it names none (区卫健局: a bare 区 is no name).
fn county(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let is_county = |i: usize| -> bool {
        let c = chars.get(i).copied();
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        match c {
            Some('县' | '旗') => true,
            Some('区') => next != Some('域') && !matches!(prev, Some('社' | '园' | '地')),
            _ => false,
        }
    };
    let end = (0..chars.len()).rev().find(|&i| is_county(i))?;
    let start = (0..end)
        .rev()
        .find(|&i| {
            matches!(chars.get(i), Some('省' | '州' | '盟'))
                || (chars.get(i) == Some(&'市') && chars.get(i + 1) != Some(&'场'))
        })
        .map_or(0, |i| i + 1);
    let place: String = chars.get(start..=end)?.iter().collect();
    (place.chars().count() >= 2).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::county;

    #[test]
    fn county_names() {
        assert_eq!(county("长沙县人民政府").as_deref(), Some("长沙县"));
        assert_eq!(county("温州市鹿城区人民政府").as_deref(), Some("鹿城区"));
        assert_eq!(county("长沙县卫生健康局").as_deref(), Some("长沙县"));
        assert_eq!(
            county("温州市鹿城区滨江街道办事处").as_deref(),
            Some("鹿城区")
        );
        assert_eq!(county("区卫健局"), None);
        assert_eq!(county("沁园街道办事处"), None);
        assert_eq!(county("某某市社区服务中心"), None);
        assert_eq!(county("某某市市场监督管理局"), None);
    }
}
