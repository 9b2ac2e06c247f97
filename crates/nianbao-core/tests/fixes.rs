//! The fixes findings carry (`Diagnostic::fix`): applying one removes its finding and brings no
//! new warning or error (a corrected total may contradict a figure in the text); the edits of a fix never overlap; and only the rules sure of the right
//! text offer one. On every seed, the made-up sample and small fragments of each fixing rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use nianbao_core::diagnostic::Diagnostic;
use nianbao_core::{check, Code, Family, Severity};

fn texts() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut out = vec![(
        "sample".to_string(),
        std::fs::read_to_string(format!("{root}/web/examples/sample-2022.txt")).unwrap(),
    )];
    let seeds = format!("{root}/../shared/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        out.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    for fragment in FRAGMENTS {
        out.push((fragment.to_string(), fragment.to_string()));
    }
    out
}

/// One shape per fixing rule, in the layouts they arrive in.
const FRAGMENTS: &[&str] = &[
    // S03, tab layout
    "一、总体情况\n本年度工作。\n6、其他需要报告的事项\n无。\n",
    // X01: a Word bookmark and Markdown bold
    "一、总体情况\n**本年度**工作[bookmark: _GoBack]正常。\n",
    // V02: placeholders in 表二
    "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t-\t/\t0\n规范性文件\t1\t0\t—\n",
    // A04: a block total that disagrees, space layout
    "五、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n1 0 0 0 2 0 0 0 0 0 0 0 0 0 0\n",
];

fn apply(text: &str, d: &Diagnostic) -> String {
    let mut edits = d.fix.clone();
    edits.sort_by_key(|e| e.span.start);
    for pair in edits.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "{:?}: overlapping edits",
            d.code
        );
    }
    let mut out = text.to_string();
    for e in edits.iter().rev() {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

/// How many warnings and errors of each code (a fix may change a finding's numbers or shift its
/// place, as when a corrected total changes the balance it is part of, but must add none).
fn serious(ds: &[Diagnostic]) -> Vec<(Code, usize)> {
    let mut counts: Vec<(Code, usize)> = Vec::new();
    for d in ds.iter().filter(|d| d.severity != Severity::Info) {
        match counts.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((d.code, 1)),
        }
    }
    counts
}

#[test]
fn a_fix_removes_its_finding_and_brings_nothing_new() {
    let mut fixed = Vec::new();
    for (name, text) in texts() {
        let before = check(&text);
        for d in before.diagnostics.iter().filter(|d| !d.fix.is_empty()) {
            let after = check(&apply(&text, d)).diagnostics;
            let same = |a: &Diagnostic| a.code == d.code && a.message == d.message;
            assert!(
                !after.iter().any(same),
                "{name}: {:?} still fires after its fix",
                d.code
            );
            let old = serious(&before.diagnostics);
            // A corrected total may now disagree with a figure the text states (N01–N03): the
            // sums cannot tell which of the two is right. The page re-checks before offering.
            let total = matches!(d.code, Code::A02 | Code::A03 | Code::A04);
            let new: Vec<_> = serious(&after)
                .into_iter()
                .filter(|(code, n)| old.iter().all(|(c, m)| c != code || m < n))
                .filter(|(code, _)| !(total && code.info().family == Family::Narrative))
                .collect();
            assert!(
                new.is_empty(),
                "{name}: fixing {:?} brought {new:?}",
                d.code
            );
            fixed.push(d.code);
        }
    }
    for code in [
        Code::S03,
        Code::X01,
        Code::V02,
        Code::A02,
        Code::A03,
        Code::A04,
    ] {
        assert!(
            fixed.contains(&code),
            "no {code:?} fix was tried: {fixed:?}"
        );
    }
}

#[test]
fn only_certain_corrections_are_offered() {
    for (name, text) in texts() {
        for d in check(&text).diagnostics {
            let may_fix = matches!(
                d.code,
                Code::S03 | Code::X01 | Code::V02 | Code::A02 | Code::A03 | Code::A04
            );
            assert!(
                may_fix || d.fix.is_empty(),
                "{name}: {:?} offers a fix it cannot be sure of",
                d.code
            );
        }
    }
    // An HTML entity stands for a character: deleting it would be wrong.
    let entity = check("一、总体情况\n本年度&nbsp;工作正常。\n");
    let x01 = entity.diagnostics.iter().find(|d| d.code == Code::X01);
    assert!(x01.is_some_and(|d| d.fix.is_empty()), "{x01:?}");
}
