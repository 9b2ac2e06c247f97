//! The JavaScript API (rules.md shape, offsets in UTF-16 code units so that
//! `text.slice(start, end)` is the flagged text): `check`, `rules`, `version`, `toCsv`,
//! `toSarif`. No Yew here, so portals that only want the checker load a small module.

use nianbao_core::export::{self, Finding};
use nianbao_core::output::{self, Offsets, Output};
use nianbao_core::{Code, Options, ALL_CODES};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Options of `check(text, options)`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CheckOptions {
    /// "zh" (default) or "en": the language of `message`.
    lang: Option<String>,
    /// Rule codes not to run, e.g. `["X01", "V02"]`.
    disable: Vec<String>,
}

fn options(value: JsValue) -> Result<CheckOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(CheckOptions::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsValue::from_str(&format!("nianbao: invalid options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&format!("nianbao: {e}")))
}

/// Runs the checker and returns the contract's shape (pure Rust, testable natively).
pub fn check_output(text: &str, lang: Option<&str>, disable: &[String]) -> Output {
    let disabled: Vec<Code> = disable.iter().filter_map(|c| Code::parse(c)).collect();
    let checked = nianbao_core::check_with(text, &Options { disabled });
    let mut out = output::build(text, &checked, Offsets::Utf16);
    if lang == Some("en") {
        for d in &mut out.diagnostics {
            std::mem::swap(&mut d.message, &mut d.message_en);
            d.title = Code::parse(d.code)
                .map(|c| c.info().title_en)
                .unwrap_or(d.title);
        }
    }
    out
}

/// `check(text, {lang, disable})` → `{report, diagnostics, summary, offsets: "utf16"}`.
#[wasm_bindgen]
pub fn check(text: &str, options_value: JsValue) -> Result<JsValue, JsValue> {
    let o = options(options_value)?;
    to_js(&check_output(text, o.lang.as_deref(), &o.disable))
}

/// Every rule of the registry: `{code, severity, family, title_zh, title_en, help_zh, help_en}`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let all: Vec<_> = ALL_CODES.iter().map(|c| c.info()).collect();
    to_js(&all)
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[derive(Deserialize)]
struct ResultIn {
    diagnostics: Vec<Finding>,
}

fn findings(result: JsValue) -> Result<Vec<Finding>, JsValue> {
    if let Some(text) = result.as_string() {
        return Ok(check_output(&text, None, &[])
            .diagnostics
            .iter()
            .map(Finding::from)
            .collect());
    }
    let r: ResultIn = serde_wasm_bindgen::from_value(result)
        .map_err(|e| JsValue::from_str(&format!("nianbao: not a check() result: {e}")))?;
    Ok(r.diagnostics)
}

/// `toCsv(result | text, fileName?)` → CSV text (UTF-8 with BOM, for Excel).
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(result: JsValue, file: Option<String>) -> Result<String, JsValue> {
    Ok(export::csv(
        file.as_deref().unwrap_or(""),
        &findings(result)?,
    ))
}

/// `toSarif(result | text, fileName?)` → a SARIF 2.1.0 object (columnKind utf16CodeUnits).
#[wasm_bindgen(js_name = toSarif)]
pub fn to_sarif(result: JsValue, file: Option<String>) -> Result<JsValue, JsValue> {
    let sarif = export::sarif(
        file.as_deref().unwrap_or("report.txt"),
        &findings(result)?,
        Offsets::Utf16,
    );
    to_js(&sarif)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_messages_swap_in() {
        let text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t5\n";
        let zh = check_output(text, None, &[]);
        let en = check_output(text, Some("en"), &[]);
        let a02 = |o: &Output| {
            o.diagnostics
                .iter()
                .find(|d| d.code == "A02")
                .map(|d| d.message.clone())
        };
        assert!(a02(&zh).is_some_and(|m| m.contains("总计")));
        assert!(a02(&en).is_some_and(|m| m.contains("Row total")));
        assert!(check_output(text, None, &["A02".to_string()])
            .diagnostics
            .iter()
            .all(|d| d.code != "A02"));
    }
}
