//! A01's hint (issue 8 §3): two applicant columns of 表三 off by the same amount in opposite
//! directions while 总计 balances — one request counted in the wrong column. One cause, one
//! finding (the hint in A01's message), in every layout; silent where the pattern is not there.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod gen;

use gen::{render, Model, Style, LAYOUTS};
use nianbao_core::model::Template;
use nianbao_core::{check, Diagnostic};

fn a_codes(text: &str) -> Vec<Diagnostic> {
    check(text)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.as_str().starts_with('A'))
        .collect()
}

fn sample(t: Template) -> Model {
    gen::sample(t)
}

/// `n` requests of row `key` moved from column `from` to column `to`: the row's total stays.
fn moved(mut m: Model, key: &str, from: usize, to: usize, n: i64) -> Model {
    m.req_mut(key)[from] -= n;
    m.req_mut(key)[to] += n;
    m
}

#[test]
fn one_request_in_the_wrong_column_is_one_a01_with_the_hint_in_every_layout() {
    for t in [Template::T2021, Template::T2019] {
        for layout in LAYOUTS {
            for (key, from, to, n) in [("received", 1, 0, 1), ("carried_out", 0, 4, 1)] {
                let m = moved(sample(t), key, from, to, n);
                assert!(
                    m.req(key)[from] >= 0,
                    "the sample has a request there to move"
                );
                let d = a_codes(&render(&m, layout, &Style::default()));
                let ctx = format!("{t:?} {layout:?} {key}: {d:#?}");
                assert_eq!(d.len(), 1, "{ctx}");
                assert_eq!(d[0].code.as_str(), "A01", "{ctx}");
                assert!(
                    d[0].message.contains("很可能有1件申请被计入了错误的列"),
                    "{ctx}"
                );
                assert!(
                    d[0].message_en.contains("counted in the wrong column"),
                    "{ctx}"
                );
                // The other column's results total is a related span.
                assert!(
                    d[0].related
                        .iter()
                        .any(|r| r.message.contains("的办理结果总计")),
                    "{ctx}"
                );
            }
        }
    }
}

#[test]
fn no_hint_when_the_amounts_differ_or_the_total_column_is_off_too() {
    for layout in LAYOUTS {
        // Two columns off by different amounts, the total column balancing: the row's own total
        // no longer holds (A02), and A01 stays per column, without the hint.
        let mut m = sample(Template::T2021);
        m.req_mut("received")[0] += 2;
        m.req_mut("received")[1] -= 1;
        let d = a_codes(&render(&m, layout, &Style::default()));
        let a01: Vec<_> = d.iter().filter(|d| d.code.as_str() == "A01").collect();
        assert_eq!(a01.len(), 2, "{layout:?} {d:#?}");
        assert!(
            !d.iter().any(|d| d.message.contains("错误的列")),
            "{layout:?} {d:#?}"
        );

        // Opposite amounts, but the total column is off too: not one misplaced request.
        let mut m = sample(Template::T2021);
        m.req_mut("received")[0] += 1;
        m.req_mut("received")[1] -= 1;
        m.req_mut("received")[6] += 1;
        let d = a_codes(&render(&m, layout, &Style::default()));
        assert_eq!(
            d.iter().filter(|d| d.code.as_str() == "A01").count(),
            3,
            "{layout:?} {d:#?}"
        );
        assert!(
            !d.iter().any(|d| d.message.contains("错误的列")),
            "{layout:?} {d:#?}"
        );

        // One column off only: the plain message.
        let mut m = sample(Template::T2021);
        m.req_mut("received")[0] += 1;
        m.req_mut("received")[6] += 1;
        let d = a_codes(&render(&m, layout, &Style::default()));
        assert!(
            d.iter().all(|d| !d.message.contains("错误的列")),
            "{layout:?} {d:#?}"
        );
        assert_eq!(
            d.iter().filter(|d| d.code.as_str() == "A01").count(),
            2,
            "{layout:?}"
        );
    }
}

#[test]
fn a_consistent_report_has_no_a01() {
    for layout in LAYOUTS {
        assert!(a_codes(&render(&sample(Template::T2021), layout, &Style::default())).is_empty());
    }
}
