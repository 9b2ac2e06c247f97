//! The English texts of every finding on real texts (the seeds, the corpus, the sixteen real
//! reports, and a batch of them): each message and related note is English, with Chinese only
//! as quoted report text (`diagnostic::english_fault` says the rule). The rules' own test
//! fixtures are checked by the same rule in `rules::run`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use nianbao_core::across::{check_batch, Pairing};
use nianbao_core::diagnostic::english_fault;
use nianbao_core::{check, Checked, Options};

fn shared(rel: &str) -> Vec<(String, String)> {
    let dir = format!("{}/../../../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn all_real() -> Vec<(String, String)> {
    let mut texts = shared("seeds");
    texts.extend(shared("corpus"));
    texts.extend(shared("corpus/real"));
    texts
}

/// Every English text of a result that breaks the rule, with where it is.
fn faults(name: &str, c: &Checked) -> Vec<String> {
    let mut out = Vec::new();
    for d in &c.diagnostics {
        let notes = d.related.iter().map(|r| r.message_en.as_str());
        for en in std::iter::once(d.message_en.as_str()).chain(notes) {
            if en.trim().is_empty() {
                out.push(format!("{name} {}: an empty English text", d.code.as_str()));
            }
            if let Some(f) = english_fault(en) {
                out.push(format!("{name} {}: {f}", d.code.as_str()));
            }
        }
    }
    out
}

#[test]
fn every_message_and_related_note_of_the_real_texts_is_english() {
    let texts = all_real();
    assert!(texts.len() >= 20, "{}", texts.len());
    let mut bad = Vec::new();
    let mut notes = 0;
    for (name, text) in &texts {
        let c = check(text);
        notes += c.diagnostics.iter().map(|d| d.related.len()).sum::<usize>();
        bad.extend(faults(name, &c));
    }
    assert!(
        notes > 0,
        "no related notes at all: the test would not test them"
    );
    assert_eq!(bad, Vec::<String>::new());
}

#[test]
fn the_related_notes_name_rows_and_columns_in_english() {
    // Seed 000: T07 and V01 on 表四, with related cells.
    let (_, text) = &shared("seeds")[0];
    let c = check(text);
    let related: Vec<&str> = c
        .diagnostics
        .iter()
        .flat_map(|d| d.related.iter().map(|r| r.message_en.as_str()))
        .collect();
    assert!(!related.is_empty());
    assert!(
        related.iter().all(|n| n.is_ascii() || n.contains('“')),
        "{related:?}"
    );
}

#[test]
fn batch_findings_are_english_too() {
    let texts = all_real();
    let (_, seed) = &texts[0];
    let c = check(seed);
    let issuer = c.report.issuer.as_ref().map(|i| i.value.clone()).unwrap();
    // A copy under another body's name (Y04) and the same body a year later (Y03).
    let renamed = seed.replace(issuer.as_str(), "某某街道办事处");
    let year = c.report.year.as_ref().map(|y| y.value).unwrap();
    let later = seed.replace(&year.to_string(), &(year + 1).to_string());
    let batch = [seed.clone(), renamed, later];
    let checked: Vec<Checked> = batch.iter().map(|t| check(t)).collect();
    let pairs: Vec<(&str, &Checked)> = batch.iter().map(String::as_str).zip(&checked).collect();
    let found = check_batch(&pairs, Pairing::ByIssuer, &Options::default());
    assert!(!found.is_empty());
    let mut bad = Vec::new();
    for f in &found {
        let notes = f.related.iter().map(|p| p.message_en.as_str());
        for en in std::iter::once(f.message_en.as_str()).chain(notes) {
            if let Some(x) = english_fault(en) {
                bad.push(format!("{}: {x}", f.code.as_str()));
            }
        }
    }
    assert_eq!(bad, Vec::<String>::new());
}

#[test]
fn every_rule_title_and_help_is_english() {
    let bad: Vec<String> = nianbao_core::ALL_CODES
        .iter()
        .map(|c| c.info())
        .flat_map(|i| [(i.code, i.title_en), (i.code, i.help_en)])
        .filter_map(|(code, en)| english_fault(en).map(|f| format!("{code}: {f}")))
        .collect();
    assert_eq!(bad, Vec::<String>::new());
}
