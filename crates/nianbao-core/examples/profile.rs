//! Times the stages of a check on one file: `cargo run --release --example profile -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao_core::view::View::new(&text));
    }
    println!("view      {:?}", t.elapsed() / n);
    let view = nianbao_core::view::View::new(&text);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao_core::sections::find(&view));
    }
    println!("sections  {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let c = nianbao_core::mapped::MappedText::compact(&view);
        std::hint::black_box(nianbao_core::meta::TemplateEvidence::find(&c));
    }
    println!("evidence  {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao_core::dates::report_year(&view.text));
        std::hint::black_box(nianbao_core::issuer::find(&view.text));
        std::hint::black_box(nianbao_core::dates::signature_date(&view.text));
    }
    println!("meta      {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao_core::reader::cells::stream(
            &view.text,
            &view.breaks,
            0,
            view.text.len(),
        ));
    }
    println!("stream    {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao_core::check(&text));
    }
    println!("check     {:?}", t.elapsed() / n);
}
