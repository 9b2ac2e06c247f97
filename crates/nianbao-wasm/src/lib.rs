//! The JavaScript API (rules.md shape, offsets in UTF-16 code units so that
//! `text.slice(start, end)` is the flagged text): `check`, `rules`, `version`, `toCsv`,
//! `toSarif`. No Yew here, so portals that only want the checker load a small module.

use nianbao_core::export::{self, Finding};
use nianbao_core::output::{self, Offsets, Output};
use nianbao_core::{Code, Options, ALL_CODES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod json;

/// Options of `check(text, options)`.
#[derive(Debug, Default)]
struct CheckOptions {
    /// "zh" (default) or "en": the language of `message`.
    lang: Option<String>,
    /// Rule codes not to run, e.g. `["X01", "V02"]`.
    disable: Vec<String>,
}

// Arguments are read with `Reflect`, not serde: serde's deserializer (and the float formatting
// its error messages pull in) cost the JS API about 20 KB of its 150 KB budget.

// The three JS built-ins used, imported here rather than through `js-sys`: every js-sys
// binding taking a closure leaves its invoke shim in the wasm's function table (about 2 KiB
// gzip for the JS API, measured), used or not.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

fn field(obj: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    reflect_get(obj, &JsValue::from_str(name))
}

/// The items of a JS array (`is_array` checked by the caller).
fn items(array: &JsValue) -> Result<Vec<JsValue>, JsValue> {
    let len = field(array, "length")?.as_f64().unwrap_or(0.0) as u32;
    (0..len)
        .map(|i| reflect_get(array, &JsValue::from(i)))
        .collect()
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn options(value: JsValue) -> Result<CheckOptions, JsValue> {
    let invalid = |what: &str| JsValue::from_str(&format!("nianbao: invalid options: {what}"));
    if absent(&value) {
        return Ok(CheckOptions::default());
    }
    if !value.is_object() {
        return Err(invalid("expected an object"));
    }
    let lang = field(&value, "lang")?;
    let lang = if absent(&lang) {
        None
    } else {
        Some(
            lang.as_string()
                .ok_or_else(|| invalid("lang must be a string"))?,
        )
    };
    let disable = field(&value, "disable")?;
    let disable = if absent(&disable) {
        Vec::new()
    } else if is_array(&disable) {
        items(&disable)?
            .iter()
            .map(|c| c.as_string())
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| invalid("disable must be an array of rule codes"))?
    } else {
        return Err(invalid("disable must be an array of rule codes"));
    };
    Ok(CheckOptions { lang, disable })
}

/// `value` as a JS value: written as JSON text in wasm and parsed by the host's `JSON.parse`
/// (smaller than building the object through one JS call per field).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = json::to_string(value)
        .map_err(|_| JsValue::from_str("nianbao: cannot write the result"))?;
    json_parse(&text)
}

/// Runs the checker and returns the contract's shape (pure Rust, testable natively).
pub fn check_output(text: &str, lang: Option<&str>, disable: &[String]) -> Output {
    let disabled: Vec<Code> = disable.iter().filter_map(|c| Code::parse(c)).collect();
    let checked = nianbao_core::check_with(text, &Options { disabled });
    let mut out = output::build(text, &checked, Offsets::Utf16);
    if lang == Some("en") {
        for d in &mut out.diagnostics {
            std::mem::swap(&mut d.message, &mut d.message_en);
            for r in &mut d.related {
                std::mem::swap(&mut r.message, &mut r.message_en);
            }
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

/// One diagnostic of a `check()` result, read back for the exporters.
fn finding(d: &JsValue) -> Option<Finding> {
    let text = |name: &str| field(d, name).ok()?.as_string();
    let count = |name: &str| {
        let v = field(d, name).ok()?.as_f64()?;
        (v.is_finite() && v >= 0.0 && v.fract() == 0.0).then_some(v as usize)
    };
    Some(Finding {
        code: text("code")?,
        severity: text("severity")?,
        title: text("title").unwrap_or_default(),
        message: text("message")?,
        line: count("line")?,
        column: count("column")?,
        start: count("start")?,
        end: count("end")?,
    })
}

fn findings(result: JsValue) -> Result<Vec<Finding>, JsValue> {
    if let Some(text) = result.as_string() {
        return Ok(check_output(&text, None, &[])
            .diagnostics
            .iter()
            .map(Finding::from)
            .collect());
    }
    let not_a_result =
        |what: &str| JsValue::from_str(&format!("nianbao: not a check() result: {what}"));
    if !result.is_object() {
        return Err(not_a_result("expected an object or the report text"));
    }
    let diagnostics = field(&result, "diagnostics")?;
    if !is_array(&diagnostics) {
        return Err(not_a_result("no diagnostics array"));
    }
    items(&diagnostics)?
        .iter()
        .enumerate()
        .map(|(i, d)| {
            finding(d).ok_or_else(|| {
                not_a_result(&format!(
                    "diagnostics[{i}] lacks code, severity, message, line, column, start or end"
                ))
            })
        })
        .collect()
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

    /// The JSON text handed to `JSON.parse` is serde_json's for every seed and real text, for
    /// `rules()` and for SARIF: the same contract as before and as the CLI's.
    #[test]
    fn json_text_is_serde_jsons() {
        let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
        let mut texts = Vec::new();
        for dir in ["seeds", "corpus/real", "corpus"] {
            let Ok(entries) = std::fs::read_dir(format!("{shared}/{dir}")) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        assert!(texts.len() >= 5, "the shared seeds and texts are missing");
        let same = |ours: Result<String, json::Error>, theirs: serde_json::Result<String>| {
            let ours: serde_json::Value =
                serde_json::from_str(&ours.unwrap_or_default()).unwrap_or_default();
            let theirs: serde_json::Value =
                serde_json::from_str(&theirs.unwrap_or_default()).unwrap_or_default();
            assert!(!ours.is_null());
            assert_eq!(ours, theirs);
        };
        for text in &texts {
            for lang in [None, Some("en")] {
                let out = check_output(text, lang, &[]);
                same(json::to_string(&out), serde_json::to_string(&out));
            }
            let findings: Vec<Finding> = check_output(text, None, &[])
                .diagnostics
                .iter()
                .map(Finding::from)
                .collect();
            let sarif = export::sarif("report.txt", &findings, Offsets::Utf16);
            same(json::to_string(&sarif), serde_json::to_string(&sarif));
        }
        let all: Vec<_> = ALL_CODES.iter().map(|c| c.info()).collect();
        same(json::to_string(&all), serde_json::to_string(&all));
    }
}
