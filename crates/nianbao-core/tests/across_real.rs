//! The across-report checks on real texts: the seeds, the corpus and the sixteen real reports
//! of shared/ are reports of different bodies, so a batch of all of them is silent; a seed
//! copied under another body's name is a Y04, and the same seed as next year's report of its
//! own body is a Y03.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use nianbao_core::across::{check_batch, AcrossFinding, Pairing};
use nianbao_core::{check, Checked, Options};

fn shared(rel: &str) -> Vec<String> {
    let dir = format!("{}/../../../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn all_real() -> Vec<String> {
    let mut texts = shared("seeds");
    texts.extend(shared("corpus"));
    texts.extend(shared("corpus/real"));
    texts
}

fn batch(texts: &[String]) -> Vec<AcrossFinding> {
    let checked: Vec<Checked> = texts.iter().map(|t| check(t)).collect();
    let pairs: Vec<(&str, &Checked)> = texts.iter().map(String::as_str).zip(&checked).collect();
    check_batch(&pairs, Pairing::ByIssuer, &Options::default())
}

fn codes(f: &[AcrossFinding]) -> Vec<(&'static str, usize)> {
    f.iter().map(|f| (f.code.as_str(), f.file)).collect()
}

#[test]
fn reports_of_different_bodies_are_silent() {
    let texts = all_real();
    assert!(texts.len() >= 20, "{}", texts.len());
    assert_eq!(codes(&batch(&texts)), vec![]);
}

#[test]
fn a_seed_renamed_is_a_copy_and_a_seed_next_year_repeats_itself() {
    let texts = all_real();
    // Seed 000 names its issuer in its title; the copy names another 街道 throughout.
    let seed = texts.first().unwrap().clone();
    let c = check(&seed);
    let issuer = c.report.issuer.as_ref().map(|i| i.value.clone()).unwrap();
    let year = c.report.year.as_ref().map(|y| y.value).unwrap();
    let renamed = seed.replace(issuer.as_str(), "某某街道办事处");
    let mut with_copy = texts.clone();
    with_copy.push(renamed);
    let f = batch(&with_copy);
    assert_eq!(codes(&f), vec![("Y04", texts.len())], "{f:?}");
    assert!(f[0].message.contains('%'), "{}", f[0].message);
    // The same text as the next year's report of the same body.
    let next = seed.replace(&year.to_string(), &(year + 1).to_string());
    let f = batch(&[seed, next]);
    assert_eq!(codes(&f), vec![("Y03", 1)], "{f:?}");
}
