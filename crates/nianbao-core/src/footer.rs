//! Page furniture of text taken from PDF or print pages: page numbers between pages (`- 3 -`,
//! `— 4 —`, `第 3 页`, `第3页 共12页`). Tables (reader/cells.rs) and the narrative
//! (narrative/prose.rs) both drop these lines, by this one test.

/// Whether a whole line is a page footer. A lone `-1` is a negative number, not a footer: a
/// dashed number needs dashes on both sides.
pub fn is_page_footer(line: &str) -> bool {
    let t = line.trim();
    // At most a dozen characters: anything longer is text (and the test stays O(1) per line).
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let is_dash = |c: char| matches!(c, '-' | '—' | '–');
    let inner = t.trim_matches(|c: char| is_dash(c) || c == ' ');
    let dashed = t.starts_with(is_dash)
        && t.ends_with(is_dash)
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_digit());
    let page = (t.starts_with('第') || t.starts_with('共'))
        && t.ends_with('页')
        && t.chars().count() <= 12
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '第' | '页' | '共' | ' ' | '/' | ','));
    dashed || page
}

#[cfg(test)]
mod tests {
    use super::is_page_footer;

    #[test]
    fn page_numbers_are_footers() {
        for t in [
            "- 3 -",
            "— 4 —",
            "–12–",
            " -1- ",
            "第 3 页",
            "第3页 共12页",
            "共 2 页",
        ] {
            assert!(is_page_footer(t), "{t}");
        }
    }

    #[test]
    fn numbers_and_text_are_not() {
        for t in [
            "-1",
            "3",
            "- 3",
            "第三部分",
            "第3条",
            "第二十条第(一)项",
            "共收到申请3件,详见第5页",
            "",
            "— —",
        ] {
            assert!(!is_page_footer(t), "{t}");
        }
    }
}
