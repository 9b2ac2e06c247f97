//! V07: 规章 counts from a body that cannot make 规章. Only provincial governments and the
//! governments of cities with districts make 规章 (立法法 art. 93); a 街道, 乡, 镇, or a county
//! or district department reporting any is a misread row or a copied report.

use crate::diagnostic::Diagnostic;
use crate::issuer::{classify, IssuerKind, Level};
use crate::registry::Code;
use crate::rules::{fmt_num, Context};

/// Bodies below the districted city: a 街道, 乡 or 镇, and any county- or district-level body
/// (issuer.rs reads kind and level from the name).
fn cannot_make_regulations(issuer: &str) -> bool {
    let (kind, level) = classify(issuer);
    matches!(kind, IssuerKind::Township | IssuerKind::Subdistrict)
        || matches!(level, Level::County | Level::Township)
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(issuer) = ctx.report.issuer.as_ref() else {
        return;
    };
    if !cannot_make_regulations(&issuer.value) {
        return;
    }
    let Some(row) = ctx
        .report
        .tables
        .active
        .as_ref()
        .and_then(|t| t.row("regulations"))
    else {
        return;
    };
    if let Some(cell) = row.cells.iter().find(|c| c.value.is_some_and(|v| v > 0.0)) {
        out.push(
            Diagnostic::new(
                Code::V07,
                cell.span,
                format!(
                    "{}不能制定规章，但表二“规章”一行填了{}。只有省级和设区的市级人民政府可以制定规章，请核对（可能是把规范性文件填进了规章行）。",
                    issuer.value,
                    fmt_num(cell.number())
                ),
                "Rules (“规章”) counted by a body that cannot make them.",
            )
            .with_related(issuer.span, "发文机关", "issuer"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v07(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V07)
            .count()
    }

    #[test]
    fn fires_for_a_street_office() {
        assert_eq!(v07("某某街道办事处2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t2\t0\t2\n"), 1);
    }

    #[test]
    fn fires_for_county_level_bodies() {
        for issuer in [
            "某某县卫生健康局",
            "某某区人民政府",
            "某某示范区审计局",
            "某某镇人民政府",
        ] {
            let t = format!(
                "{issuer}2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t2\t0\t2\n"
            );
            assert_eq!(v07(&t), 1, "{issuer}");
        }
    }

    #[test]
    fn silent_for_a_city_or_zero() {
        assert_eq!(v07("某某省人民政府办公厅2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t2\t0\t2\n"), 0);
        assert_eq!(v07("某某市人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t2\t0\t2\n"), 0);
        assert_eq!(v07("某某街道办事处2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t0\t0\t0\n"), 0);
    }
}
