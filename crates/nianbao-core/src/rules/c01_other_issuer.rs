//! C01: leftovers of another body's report — a self-reference or a body name that does not fit
//! the issuer, left behind when last year's or a neighbour's report was reused.
//!
//! Source: rules.md C01 (我局 in a 镇 or 街道 report; another issuer named as the author). Kept
//! narrow, firing only when sure:
//! - a 街道, 镇 or 乡 issuer whose text calls itself 我局 or 本局 (a bureau's self-reference;
//!   words like 自我局限 or 基本局面 are not);
//! - a 街道, 镇 or 乡 issuer whose text says 我XX街道 (or 我XX镇 / 我XX乡) for another name XX,
//!   e.g. "我八卦洲街道" in a 沁园街道 report. Generic words (我区各街道, 我们街道) are not names.
//!
//! One finding per kind: the first occurrence, the others as related spans.

use crate::chars::is_han;
use crate::diagnostic::Diagnostic;
use crate::issuer::Level;
use crate::registry::Code;
use crate::rules::Context;
use crate::span::Span;

/// The issuer's kind suffix (街道, 镇, 乡) and its name stem, for a local body.
fn local(issuer: &str) -> Option<(&'static str, &str)> {
    if issuer.contains('局') || issuer.contains('委') || issuer.contains('厅') {
        return None;
    }
    if let Some(i) = issuer.find("街道") {
        return Some(("街道", issuer.get(..i)?));
    }
    for (suffix, forms) in [
        ("镇", ["镇人民政府", "镇政府", "镇"]),
        ("乡", ["乡人民政府", "乡政府", "乡"]),
    ] {
        for f in forms {
            if let Some(stem) = issuer.strip_suffix(f) {
                return Some((suffix, stem));
            }
        }
    }
    None
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(issuer) = &ctx.report.issuer else {
        return;
    };
    let name = issuer.value.as_str();
    wider_scope(ctx, name, issuer.span, out);
    let Some((suffix, stem)) = local(name) else {
        return;
    };
    let text = &ctx.view.text;
    bureau_self_reference(ctx, text, name, issuer.span, out);
    other_name(ctx, text, name, suffix, stem, issuer.span, out);
}

fn bureau_self_reference(
    ctx: &Context,
    text: &str,
    name: &str,
    issuer: Span,
    out: &mut Vec<Diagnostic>,
) {
    let mut hits = Vec::new();
    for w in ["我局", "本局"] {
        for i in crate::chars::find_iter(text, w) {
            let prev = text.get(..i).and_then(|s| s.chars().next_back());
            let next = text.get(i + w.len()..).and_then(|s| s.chars().next());
            if prev.is_some_and(|c| "自基根".contains(c))
                || next.is_some_and(|c| "限面势".contains(c))
            {
                continue;
            }
            hits.push((i, i + w.len()));
        }
    }
    crate::order::sort(&mut hits);
    let Some(&(a, b)) = hits.first() else { return };
    let word = ctx.view.slice(a, b).to_string();
    let mut d = Diagnostic::new(
        Code::C01,
        ctx.view.span(a, b),
        format!(
            "发文机关是{name}，但文中自称“{word}”（共{}处），像是套用某个局的报告后没有改。请改为本机关的自称（如“我街道”“本镇”）。",
            hits.len()
        ),
        format!("The issuer is “{name}”, but the text calls itself “{word}”: likely copied from a bureau's report."),
    )
    .with_related(issuer, format!("发文机关：{name}"), format!("issuer: “{name}”"));
    for &(x, y) in hits.iter().skip(1) {
        d = d.with_related(ctx.view.span(x, y), "同样的自称", "same self-reference");
    }
    out.push(d);
}

/// Characters that make "我…街道" a phrase, not a name (我区各街道, 我们街道, 我心中的街道).
const GENERIC: &str =
    "市区县省各所辖们其他全该本年度次级和与同在对等个的为要将把向给让是有到从被了着过就都也还又再而且并及以于中上下里内外";

fn other_name(
    ctx: &Context,
    text: &str,
    name: &str,
    suffix: &str,
    stem: &str,
    issuer: Span,
    out: &mut Vec<Diagnostic>,
) {
    let mut hits: Vec<(usize, usize, String)> = Vec::new();
    for (i, _) in text.match_indices('我') {
        let after = text.get(i + '我'.len_utf8()..).unwrap_or("");
        // Only a name right after 我 (up to 6 characters), so the scan stays linear.
        let window_end = after
            .char_indices()
            .nth(6 + 2)
            .map_or(after.len(), |(j, _)| j);
        let Some(p) = after.get(..window_end).and_then(|w| w.find(suffix)) else {
            continue;
        };
        let other = after.get(..p).unwrap_or("");
        let n = other.chars().count();
        if !(2..=6).contains(&n)
            || !other.chars().all(is_han)
            || other.chars().any(|c| GENERIC.contains(c))
            || stem.contains(other)
            || other.contains(stem)
        {
            continue;
        }
        let end = i + '我'.len_utf8() + p + suffix.len();
        hits.push((i + '我'.len_utf8(), end, format!("{other}{suffix}")));
    }
    let Some((a, b, other)) = hits.first().cloned() else {
        return;
    };
    let mut d = Diagnostic::new(
        Code::C01,
        ctx.view.span(a, b),
        format!(
            "发文机关是{name}，但文中写“我{other}”，像是套用了{other}的报告后没有改。请核对并改为本单位名称。"
        ),
        format!("The issuer is “{name}”, but the text speaks of itself as “{other}”."),
    )
    .with_related(issuer, format!("发文机关：{name}"), format!("issuer: “{name}”"));
    for (x, y, _) in hits.iter().skip(1) {
        d = d.with_related(ctx.view.span(*x, *y), "同样的名称", "same name");
    }
    out.push(d);
}

/// Verbs of leading a whole area's work: only the body in charge of that area says them.
const LEADING: &[&str] = &[
    "组织推动",
    "统筹推进",
    "统筹推动",
    "统筹",
    "督促指导",
    "指导",
    "部署",
    "牵头",
    "领导",
];

/// `组织推动全省政府信息公开工作` in a town's report: the body leads a wider area than its own,
/// copied from the report of the body above. Only areas above the issuer's level count (a county
/// bureau leading 全县 work is its job).
fn wider_scope(ctx: &Context, name: &str, issuer: Span, out: &mut Vec<Diagnostic>) {
    let level = crate::issuer::classify(name).1;
    let rank = |l: Level| match l {
        Level::Township => 1,
        Level::County => 2,
        Level::City => 3,
        Level::Province => 4,
        Level::Unknown => 0,
    };
    if rank(level) == 0 {
        return;
    }
    let text = &ctx.view.text;
    for (area, area_level) in [
        ("全省", Level::Province),
        ("全市", Level::City),
        ("全县", Level::County),
        ("全区", Level::County),
    ] {
        if rank(area_level) <= rank(level) {
            continue;
        }
        for i in crate::chars::find_iter(text, area) {
            let before = text.get(..i).unwrap_or("");
            let Some(verb) = LEADING.iter().find(|v| before.ends_with(*v)) else {
                continue;
            };
            let a = i - verb.len();
            let b = i + area.len();
            out.push(
                Diagnostic::new(
                    Code::C01,
                    ctx.view.span(a, b),
                    format!(
                        "发文机关是{name}，但文中说它“{verb}{area}”工作，这不是{name}的职责范围，像是套用上级机关的报告后没有改。请改为本机关实际做的工作。"
                    ),
                    format!("The text says “{name}” leads work across a wider area (“{area}”) than its own: left over from a higher body's report?"),
                )
                .with_related(issuer, format!("发文机关：{name}"), format!("issuer: “{name}”")),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn c01(title: &str, overview: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            title: title.into(),
            overview: overview.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::C01);
        (t, d)
    }

    const STREET: &str = "沁园街道办事处2023年政府信息公开工作年度报告";

    #[test]
    fn fires_on_a_bureau_self_reference_in_a_street_report() {
        let (t, d) = c01(
            STREET,
            "2023年,我局认真做好公开工作。本局全年发布信息10条。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "我局");
        assert_eq!(d[0].related.len(), 2);
        let (_, d) = c01(
            "测试镇人民政府2023年政府信息公开工作年度报告",
            "我局认真做好公开工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_when_a_body_leads_a_wider_area_than_its_own() {
        let (t, d) = c01(
            "某某县青山镇2025年政府信息公开工作年度报告",
            "（一）组织推动全省政府信息公开工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "组织推动全省");
        let (_, d) = c01(
            "某某县统计局2025年政府信息公开工作年度报告",
            "指导全市统计信息公开工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        // Its own area, an area merely mentioned, or a province's own report: silent.
        for (title, ov) in [
            (
                "某某县统计局2025年政府信息公开工作年度报告",
                "指导全县统计信息公开工作。",
            ),
            (
                "某某县青山镇2025年政府信息公开工作年度报告",
                "全省政府网站集约化平台调整了发布流程，我镇积极配合。",
            ),
            (
                "某某省人民政府办公厅2025年政府信息公开工作年度报告",
                "统筹推进全省政务公开工作。",
            ),
        ] {
            let (_, d) = c01(title, ov);
            assert!(d.is_empty(), "{title}: {d:?}");
        }
    }

    #[test]
    fn fires_on_another_street_named_as_ours() {
        let (t, d) = c01(STREET, "2023年,我八卦洲街道认真做好公开工作。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "八卦洲街道");
    }

    #[test]
    fn fitting_or_generic_references_do_not_fire() {
        for (title, ov) in [
            (
                STREET,
                "2023年,我街道认真做好公开工作。我沁园街道完善制度。",
            ),
            (STREET, "我区各街道认真做好公开工作。我们街道完善制度。"),
            (STREET, "克服自我局限,把握基本局面。"),
            (STREET, "我们深入社区,我要把街道建设好,我心中的街道。"),
            (
                "测试市财政局2023年政府信息公开工作年度报告",
                "2023年,我局认真做好公开工作。",
            ),
            (
                "测试市乡村振兴局2023年政府信息公开工作年度报告",
                "2023年,我局认真做好公开工作。",
            ),
            (
                "测试市人民政府2023年政府信息公开工作年度报告",
                "2023年,我市认真做好公开工作。我局完善制度。",
            ),
        ] {
            assert!(c01(title, ov).1.is_empty(), "{title} {ov}");
        }
    }
}
