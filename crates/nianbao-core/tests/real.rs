//! The sixteen real published report texts of shared/corpus/real/, asserted as its README.md
//! says: S07 on every one (they stop before the report does, or start after it), the listed
//! verified defects, and nothing else at warning or error level. Also what must be understood:
//! the year, the template where the tables show it, the issuer and its kind.
//!
//! Each file has two tests: `all` compares every code (files the reader does not yet read right
//! are ignored, `[pending]`), `narrative` compares only what the text says — the date, narrative
//! and required-content codes of issue 7 (`NARRATIVE`) — and is never ignored.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use nianbao_core::issuer::IssuerKind;
use nianbao_core::model::Template;
use nianbao_core::{check, Checked, Severity};

/// The codes of what the text says (dates, narrative figures, required content).
const NARRATIVE: &[&str] = &[
    "M01", "M02", "M03", "M04", "N01", "N02", "N03", "N04", "L01", "L03", "L04",
];

/// Which codes a test compares.
#[derive(Clone, Copy)]
enum Scope {
    All,
    Narrative,
}

fn real(name: &str) -> String {
    let path = format!(
        "{}/../../../shared/corpus/real/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn compared(scope: Scope, code: &str) -> bool {
    match scope {
        Scope::All => true,
        Scope::Narrative => NARRATIVE.contains(&code),
    }
}

/// Codes at warning or error level, sorted, with repeats (one cause, one finding).
fn serious(c: &Checked, scope: Scope) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| d.code.as_str())
        .filter(|c| compared(scope, c))
        .collect();
    v.sort_unstable();
    v
}

fn dump(c: &Checked) -> String {
    c.diagnostics
        .iter()
        .map(|d| format!("  {} {:?} {}\n", d.code.as_str(), d.severity, d.message))
        .collect()
}

enum Issuer {
    /// The issuer read must contain this part of its name.
    Contains(&'static str),
    /// The text never names it: nothing is read.
    Unknown,
    /// Only a fragment names it (a page header): not asserted.
    Unchecked,
}

struct Expect {
    /// Warning/error codes besides S07 (S07 is expected on every file); `"S03|S06"` means one of
    /// the two (the README accepts either).
    codes: &'static [&'static str],
    year: Option<i32>,
    template: Option<Template>,
    issuer: Issuer,
    kind: Option<IssuerKind>,
}

fn assert_real(name: &str, e: Expect, scope: Scope) {
    let text = real(name);
    let c = check(&text);
    let got = serious(&c, scope);
    let mut want: Vec<&str> = e
        .codes
        .iter()
        .map(|alternatives| {
            let mut it = alternatives.split('|');
            let first = it.next().unwrap_or("");
            std::iter::once(first)
                .chain(it)
                .find(|a| got.contains(a))
                .unwrap_or(first)
        })
        .filter(|c| compared(scope, c))
        .collect();
    if let Scope::Narrative = scope {
        want.sort_unstable();
        assert_eq!(got, want, "{name}: what the text says\n{}", dump(&c));
        return;
    }
    want.push("S07");
    want.sort_unstable();
    assert_eq!(got, want, "{name}: findings\n{}", dump(&c));
    assert_eq!(
        c.report.year.as_ref().map(|y| y.value),
        e.year,
        "{name}: year"
    );
    if e.template.is_some() {
        assert_eq!(c.report.template, e.template, "{name}: template");
    }
    let issuer = c.report.issuer.as_ref().map(|i| i.value.as_str());
    match e.issuer {
        Issuer::Contains(part) => assert!(
            issuer.is_some_and(|i| i.contains(part)),
            "{name}: issuer {issuer:?}, expected one containing {part}"
        ),
        Issuer::Unknown => assert_eq!(issuer, None, "{name}: issuer"),
        Issuer::Unchecked => {}
    }
    if let Some(kind) = e.kind {
        assert_eq!(
            c.report.issuer_class().map(|k| k.0),
            Some(kind),
            "{name}: issuer kind of {issuer:?}"
        );
    }
    // Every span is on char boundaries of the text as given.
    for d in &c.diagnostics {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
}

/// `pending` marks a file the reader does not yet read as its README says (issue 10 in
/// progress): run them with `cargo test --test real -- --include-ignored`.
macro_rules! real_tests {
    ($( $([$pending:ident])? $test:ident: $file:literal => $expect:expr; )*) => {
        $(
            mod $test {
                use super::*;

                #[test]
                $( #[ignore = stringify!($pending)] )?
                fn all() {
                    assert_real($file, $expect, Scope::All);
                }

                #[test]
                fn narrative() {
                    assert_real($file, $expect, Scope::Narrative);
                }
            }
        )*
    };
}

use Issuer::{Contains, Unchecked, Unknown};
use IssuerKind::*;

real_tests! {
    real_001: "001" => Expect {
        codes: &["V01"], year: Some(2022), template: Some(Template::T2021),
        issuer: Contains("房屋征收工作管理办公室"), kind: Some(Department),
    };
    real_005: "005" => Expect {
        codes: &["S06"], year: Some(2020), template: Some(Template::T2019),
        issuer: Contains("大垅乡"), kind: Some(Township),
    };
    real_010: "010" => Expect {
        codes: &["V07"], year: Some(2020), template: Some(Template::T2019),
        issuer: Contains("卫健局"), kind: Some(Department),
    };
    real_011: "011" => Expect {
        codes: &["M04"], year: Some(2021), template: None,
        issuer: Contains("甘州区卫生健康局"), kind: Some(Department),
    };
    real_012: "012" => Expect {
        codes: &["V01"], year: Some(2021), template: Some(Template::T2021),
        issuer: Contains("桦川县卫生健康局"), kind: Some(Department),
    };
    real_013: "013" => Expect {
        codes: &["L04", "S06"], year: Some(2021), template: None,
        issuer: Contains("下陆区卫生健康局"), kind: Some(Department),
    };
    real_014: "014" => Expect {
        codes: &["N04"], year: Some(2022), template: Some(Template::T2021),
        issuer: Unknown, kind: None,
    };
    real_015: "015" => Expect {
        codes: &["C01", "S03|S06"], year: Some(2023), template: None,
        issuer: Contains("横山镇"), kind: Some(Township),
    };
    real_018: "018" => Expect {
        codes: &["N04"], year: Some(2022), template: None,
        issuer: Contains("新添镇"), kind: Some(Township),
    };
    real_021: "021" => Expect {
        codes: &[], year: Some(2020), template: None,
        issuer: Unchecked, kind: None,
    };
    real_024: "024" => Expect {
        codes: &[], year: Some(2020), template: Some(Template::T2019),
        issuer: Contains("审计局"), kind: Some(Department),
    };
    real_027: "027" => Expect {
        codes: &[], year: Some(2025), template: Some(Template::T2021),
        issuer: Contains("湖东镇"), kind: Some(Township),
    };
    real_028: "028" => Expect {
        codes: &["C01", "M04"], year: Some(2025), template: None,
        issuer: Contains("金厂镇"), kind: Some(Township),
    };
    real_031: "031" => Expect {
        codes: &["S06"], year: Some(2024), template: None,
        issuer: Contains("滨江街道"), kind: Some(Subdistrict),
    };
    real_040: "040" => Expect {
        codes: &[], year: Some(2023), template: None,
        issuer: Contains("四川省人民政府办公厅"), kind: Some(GeneralOffice),
    };
    real_042: "042" => Expect {
        codes: &[], year: Some(2023), template: None,
        issuer: Contains("山东省人民政府办公厅"), kind: Some(GeneralOffice),
    };
}

/// What a paste does to a text without changing what it says: each real text, so changed, yields
/// the same codes at warning and error level as the text itself.
#[test]
fn real_texts_read_the_same_through_paste_noise() {
    let dir = format!("{}/../../../shared/corpus/real", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names.len(), 16);
    type Change = fn(&str) -> String;
    let variants: [(&str, Change); 6] = [
        ("CRLF", |t| t.replace('\n', "\r\n")),
        ("BOM", |t| format!("\u{feff}{t}")),
        ("U+3000 indents", |t| {
            t.lines()
                .map(|l| {
                    if l.trim().is_empty() || l.contains('|') {
                        l.to_owned()
                    } else {
                        format!("\u{3000}\u{3000}{l}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("trailing spaces", |t| {
            t.lines()
                .map(|l| format!("{l}  "))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("every line break doubled", |t| t.replace('\n', "\n\n")),
        ("full-width digits", |t| {
            t.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
                    c => c,
                })
                .collect()
        }),
    ];
    for name in &names {
        let text = real(name);
        let want = serious(&check(&text), Scope::All);
        for (what, change) in &variants {
            let changed = change(&text);
            let c = check(&changed);
            assert_eq!(
                serious(&c, Scope::All),
                want,
                "{name} with {what}\n{}",
                dump(&c)
            );
        }
    }
}
