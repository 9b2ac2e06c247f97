//! `window.nianbao`: the checker for scripts on the page (portal teams, the browser tests).
//! `nianbao.check(text)` returns the JSON contract of rules.md with UTF-16 offsets;
//! `nianbao.rules()` the rule catalogue.

use nianbao_core::output::{self, Offsets};
use nianbao_core::{Options, ALL_CODES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn check(text: String) -> JsValue {
    let checked = nianbao_core::check_with(&text, &Options::default());
    to_js(&output::build(&text, &checked, Offsets::Utf16))
}

fn rules() -> JsValue {
    let infos: Vec<_> = ALL_CODES.iter().map(|c| c.info()).collect();
    to_js(&infos)
}

/// Installs `window.nianbao`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let check = Closure::<dyn Fn(String) -> JsValue>::new(check);
    let rules = Closure::<dyn Fn() -> JsValue>::new(rules);
    // Lets the browser tests check that a Rust panic shows the failure message, not a blank page.
    #[allow(
        clippy::panic,
        reason = "a deliberate panic, only when a script asks for it"
    )]
    let panic_for_test = Closure::<dyn Fn()>::new(|| {
        std::panic::panic_any("nianbao.panicForTest: a deliberate panic")
    });
    let entries: [(&str, &JsValue); 4] = [
        ("check", check.as_ref()),
        ("rules", rules.as_ref()),
        ("panicForTest", panic_for_test.as_ref()),
        ("version", &JsValue::from_str(env!("CARGO_PKG_VERSION"))),
    ];
    for (name, value) in entries {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), value);
    }
    // The closures live as long as the page.
    check.forget();
    rules.forget();
    panic_for_test.forget();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("nianbao"), &api);
}
