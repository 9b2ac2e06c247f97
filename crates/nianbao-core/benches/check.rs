//! How long `check` takes: each seed, the corpus text and HTML, and synthetic reports of
//! 256 KB, 512 KB and 1 MB to show that time grows linearly with size.
//!
//! `cargo bench -p nianbao-core -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nianbao_core::output::{self, Offsets};

const SEEDS: &[(&str, &str)] = &[
    (
        "seed_000",
        include_str!("../../../../shared/seeds/000_0396a1651b83a830.txt"),
    ),
    (
        "seed_001",
        include_str!("../../../../shared/seeds/001_bafcd2ea084bb138.txt"),
    ),
    (
        "seed_002",
        include_str!("../../../../shared/seeds/002_23d160e7ec491542.txt"),
    ),
    (
        "seed_003",
        include_str!("../../../../shared/seeds/003_2203413ca7ac2a79.txt"),
    ),
    (
        "seed_004",
        include_str!("../../../../shared/seeds/004_87f7c85504457707.txt"),
    ),
];

const CORPUS_TXT: &str = include_str!("../../../../shared/corpus/huaian-city-2024.pdf-text.txt");
const CORPUS_HTML: &str = include_str!("../../../../shared/corpus/city-2025-web-page.html");

/// A report of about `target` bytes: seed 000 with its section 一 padded by the seed's own
/// narrative paragraphs, so the tables and sections stay where they are.
fn padded(target: usize) -> String {
    let (_, base) = SEEDS.first().copied().unwrap_or(("", ""));
    let cut = base.find("二、").unwrap_or(base.len());
    let (head, tail) = base.split_at(cut);
    let paragraph: String = head
        .lines()
        .filter(|l| l.chars().count() > 40)
        .map(|l| format!("{l}\n\n"))
        .collect();
    let mut s = String::with_capacity(target + base.len());
    s.push_str(head);
    while s.len() + tail.len() < target && !paragraph.is_empty() {
        s.push_str(&paragraph);
    }
    s.push_str(tail);
    s
}

/// A file of about `target` bytes holding whole reports one after another (a worst case for
/// the section and table readers: every heading and label occurs many times).
fn repeated(target: usize) -> String {
    let all: String = SEEDS.iter().map(|(_, t)| format!("{t}\n")).collect();
    all.repeat(target / all.len().max(1) + 1)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    let mut fixed: Vec<(&str, &str)> = SEEDS.to_vec();
    fixed.push(("corpus_txt", CORPUS_TXT));
    fixed.push(("corpus_html", CORPUS_HTML));
    for (name, text) in fixed {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| nianbao_core::check(std::hint::black_box(text)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("check_and_build_json");
    for (name, text) in [
        ("seed_002", SEEDS.get(2).map_or("", |s| s.1)),
        ("corpus_html", CORPUS_HTML),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                let c = nianbao_core::check(std::hint::black_box(text));
                output::build(text, &c, Offsets::Utf16)
            })
        });
    }
    g.finish();

    for (group, make) in [
        ("linear_padded", padded as fn(usize) -> String),
        ("linear_repeated", repeated as fn(usize) -> String),
    ] {
        let mut g = c.benchmark_group(group);
        g.sample_size(10);
        for kb in [256usize, 512, 1024] {
            let text = make(kb * 1024);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(format!("{kb}KB")),
                &text,
                |b, t| b.iter(|| nianbao_core::check(std::hint::black_box(t))),
            );
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
