//! Checks one file many times, for profilers: `cargo run --release --example loop -- FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    for _ in 0..n {
        std::hint::black_box(nianbao_core::check(&text));
    }
}
