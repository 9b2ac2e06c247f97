//! Prints what nianbao understood of a file, as JSON: `cargo run --example dump -- FILE`.
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let checked = nianbao_core::check(&text);
        let out =
            nianbao_core::output::build(&text, &checked, nianbao_core::output::Offsets::Chars);
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    }
}
