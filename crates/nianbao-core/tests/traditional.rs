//! Traditional characters in every template label (mirror sites republish reports in them):
//! each label of each table, converted to its traditional form, must read back as its row.
//! The conversion table here is independent of the reader's (chars.rs), so a character the
//! reader does not know fails here instead of silently reading as itself.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use nianbao_core::model::Template;
use nianbao_core::template::{self, TableKind, SECTION_TITLES};

/// Simplified → traditional for every character of the templates' fixed text that has a
/// traditional form.
const TO_TRADITIONAL: &str = "万萬与與业業于於会會体體关關内內决決况況减減则則动動务務区區发發变變对對导導层層当當总總执執护護报報护護权權构構国國处處复復开開强強录錄获獲规規许許诉訴讼訟议議访訪询詢认認请請计計类類织織组組结結继繼续續维維纠糾缴繳纳納经經罚罰补補购購费費额額项項题題问問门門无無现現废廢确確稳穩审審举舉数數转轉过過进進属屬没沒后後机機采採";

fn traditional(s: &str) -> String {
    let pairs: Vec<char> = TO_TRADITIONAL.chars().collect();
    s.chars()
        .map(|c| {
            pairs
                .chunks_exact(2)
                .find(|p| p[0] == c)
                .map_or(c, |p| p[1])
        })
        .collect()
}

fn all_fixed_text() -> Vec<&'static str> {
    let mut v: Vec<&str> = Vec::new();
    for rows in [
        template::ACTIVE_2019,
        template::ACTIVE_2021,
        template::REQUESTS,
    ] {
        for r in rows {
            v.push(r.label);
            v.extend(r.phrases.iter().copied());
            v.extend(r.columns.iter().map(|c| c.label));
        }
    }
    v.extend(SECTION_TITLES.iter().copied());
    v
}

#[test]
fn the_reader_knows_every_traditional_form() {
    let pairs: Vec<char> = TO_TRADITIONAL.chars().collect();
    for p in pairs.chunks_exact(2) {
        assert_eq!(
            nianbao_core::chars::normalize(p[1]),
            Some(p[0]),
            "{} should read as {}",
            p[1],
            p[0]
        );
    }
    // Every character of the fixed text that changes under conversion is in the table: the
    // conversion does not leave a simplified form the mirror sites would not print.
    for t in all_fixed_text() {
        let converted = traditional(t);
        for (a, b) in t.chars().zip(converted.chars()) {
            if a != b {
                assert_eq!(nianbao_core::chars::normalize(b), Some(a), "{t}");
            }
        }
    }
}

/// Every row of 表二 and 表三, labels in traditional characters, values distinct per row.
#[test]
fn every_label_in_traditional_reads_back() {
    for t in [Template::T2019, Template::T2021] {
        for kind in [TableKind::Active, TableKind::Requests] {
            let rows = template::rows(kind, t);
            let heading = if kind == TableKind::Active {
                "二、主動公開政府信息情況"
            } else {
                "三、收到和處理政府信息公開申請情況"
            };
            let year = if t == Template::T2019 { 2020 } else { 2023 };
            let mut text = format!("測試縣人民政府{year}年政府信息公開工作年度報告\n{heading}\n");
            for (i, r) in rows.iter().enumerate() {
                let n = r.columns.len();
                let v = (i + 1) as i64;
                let values: Vec<String> = if n == 7 {
                    let mut v7 = vec![v, 0, 0, 0, 0, 0];
                    v7.push(v);
                    v7.iter().map(|x| x.to_string()).collect()
                } else {
                    (0..n).map(|_| v.to_string()).collect()
                };
                text.push_str(&format!(
                    "{}\t{}\n",
                    traditional(r.label),
                    values.join("\t")
                ));
            }
            let c = nianbao_core::check(&text);
            let table = match kind {
                TableKind::Active => c.report.tables.active.as_ref(),
                _ => c.report.tables.requests.as_ref(),
            }
            .unwrap_or_else(|| panic!("{t:?} {kind:?}: no table\n{text}"));
            for (i, r) in rows.iter().enumerate() {
                let row = table
                    .row(r.key)
                    .unwrap_or_else(|| panic!("{t:?} {}: not read\n{text}", r.key));
                assert_eq!(
                    row.cells.first().and_then(|c| c.value),
                    Some((i + 1) as f64),
                    "{t:?} {}",
                    r.key
                );
            }
            assert!(table.missing_rows.is_empty(), "{t:?} {kind:?}");
        }
    }
}
