//! Any UTF-8 text: `check` must not panic and every span must convert to offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::output::Offsets;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let c = nianbao_core::check(s);
        let _ = nianbao_core::output::build(s, &c, Offsets::Utf16);
    }
});
