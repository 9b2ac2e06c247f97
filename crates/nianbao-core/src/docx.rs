//! Word files (.docx): the text of `word/document.xml` in reading order — paragraphs as lines,
//! table rows as tab-separated cells — so a .docx reads like a paste from Word (layout T).
//! A small zip reader (stored and deflate entries) and a tag scanner; no XML library.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip file, or the zip is damaged.
    NotZip,
    /// The zip has no `word/document.xml`.
    NoDocument,
    /// The entry uses a compression other than stored or deflate, or does not inflate.
    Unreadable,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DocxError::NotZip => "不是有效的 .docx 文件（zip 结构损坏）",
            DocxError::NoDocument => ".docx 文件中没有正文（word/document.xml）",
            DocxError::Unreadable => ".docx 正文无法解压",
        })
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]) as usize)
}

/// The bytes of one entry of a zip archive.
pub fn zip_entry(zip: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    // End of central directory: the last "PK\x05\x06" within the final 64 KiB.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip.get(i..i + 4) == Some(b"PK\x05\x06"))
        .ok_or(DocxError::NotZip)?;
    let entries = u16_at(zip, eocd + 10).ok_or(DocxError::NotZip)?;
    let mut at = u32_at(zip, eocd + 16).ok_or(DocxError::NotZip)?;
    for _ in 0..entries {
        if zip.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Err(DocxError::NotZip);
        }
        let method = u16_at(zip, at + 10).ok_or(DocxError::NotZip)?;
        let size = u32_at(zip, at + 20).ok_or(DocxError::NotZip)?;
        let name_len = u16_at(zip, at + 28).ok_or(DocxError::NotZip)?;
        let extra_len = u16_at(zip, at + 30).ok_or(DocxError::NotZip)?;
        let comment_len = u16_at(zip, at + 32).ok_or(DocxError::NotZip)?;
        let local = u32_at(zip, at + 42).ok_or(DocxError::NotZip)?;
        let entry_name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or(DocxError::NotZip)?;
        if entry_name == name.as_bytes() {
            let lname = u16_at(zip, local + 26).ok_or(DocxError::NotZip)?;
            let lextra = u16_at(zip, local + 28).ok_or(DocxError::NotZip)?;
            let start = local + 30 + lname + lextra;
            let data = zip.get(start..start + size).ok_or(DocxError::NotZip)?;
            return match method {
                0 => Ok(data.to_vec()),
                8 => {
                    decompress_to_vec_with_limit(data, 64 << 20).map_err(|_| DocxError::Unreadable)
                }
                _ => Err(DocxError::Unreadable),
            };
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(DocxError::NoDocument)
}

/// The text of a .docx: paragraphs as lines, table rows as tab-separated cells.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = zip_entry(bytes, "word/document.xml")?;
    Ok(document_text(&String::from_utf8_lossy(&xml)))
}

/// Walks WordprocessingML: `<w:t>` text, `<w:tab/>`, `<w:br/>`, `<w:p>`, `<w:tc>`, `<w:tr>`.
pub fn document_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 8);
    let mut depth_cell = 0usize; // inside a table cell: paragraphs join with a space
    let mut cell_has_text = false;
    let mut first_cell_in_row = true;
    let mut in_text = false;
    let mut rest = xml;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').unwrap_or(after.len());
            let tag = after.get(..end).unwrap_or("");
            rest = after.get(end + 1..).unwrap_or("");
            let closing = tag.starts_with('/');
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or("");
            match (name, closing) {
                ("w:t", false) => in_text = !tag.ends_with('/'),
                ("w:t", true) => in_text = false,
                ("w:tab", false) => out.push(if depth_cell > 0 { ' ' } else { '\t' }),
                ("w:br" | "w:cr", false) => out.push(if depth_cell > 0 { ' ' } else { '\n' }),
                ("w:p", true) => {
                    if depth_cell > 0 {
                        cell_has_text = true;
                    } else {
                        out.push('\n');
                    }
                }
                ("w:tr", false) => first_cell_in_row = true,
                ("w:tr", true) => out.push('\n'),
                ("w:tc", false) => {
                    if !first_cell_in_row {
                        out.push('\t');
                    }
                    first_cell_in_row = false;
                    depth_cell += 1;
                    cell_has_text = false;
                }
                ("w:tc", true) => {
                    depth_cell = depth_cell.saturating_sub(1);
                    let _ = cell_has_text;
                }
                _ => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        if in_text {
            push_unescaped(&mut out, rest.get(..next).unwrap_or(""));
        }
        rest = rest.get(next..).unwrap_or("");
    }
    out
}

fn push_unescaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i..).unwrap_or("");
        let (rep, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| after.starts_with(e))
        .map(|(e, c)| (*c, e.len()))
        .unwrap_or(('&', 1));
        out.push(rep);
        rest = after.get(len..).unwrap_or("");
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_table_rows_in_order() {
        let xml = "<w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t xml:space=\"preserve\">A &amp; B</w:t></w:r></w:p></w:body>";
        assert_eq!(document_text(xml), "一、总体情况\n规章\t1\nA & B\n");
    }

    #[test]
    fn junk_is_an_error_not_a_panic() {
        assert_eq!(docx_to_text(b"not a zip"), Err(DocxError::NotZip));
        assert!(
            docx_to_text(b"PK\x05\x06\0\0\0\0\x01\0\x01\0\0\0\0\0\xff\xff\xff\x7f\0\0").is_err()
        );
    }
}
