//! `nianbao rules`: the catalogue as a table (code, severity, Chinese and English title).

use nianbao_core::ALL_CODES;

use crate::render_text::{width, Style};

pub fn text(style: Style) -> String {
    let zh_width = ALL_CODES
        .iter()
        .map(|c| width(c.info().title_zh))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut family = None;
    for c in ALL_CODES {
        let i = c.info();
        if family != Some(i.family) {
            if family.is_some() {
                out.push('\n');
            }
            out.push_str(&style.heading(i.family.zh()));
            out.push('\n');
            family = Some(i.family);
        }
        let pad = " ".repeat(zh_width.saturating_sub(width(i.title_zh)));
        out.push_str(&format!(
            "  {}  {:<7}  {}{pad}  {}\n",
            style.code(i.severity, i.code),
            i.severity.as_str(),
            i.title_zh,
            i.title_en
        ));
    }
    out
}
