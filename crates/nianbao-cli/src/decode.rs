//! Bytes of a file to text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, otherwise
//! GB18030 (which covers GBK and GB2312, the usual encodings of reports saved on Windows).

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The text and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            encoding: name(enc),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
        },
        Err(_) => {
            let (text, _) = GB18030.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: "GB18030",
            }
        }
    }
}

fn name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == UTF_8 {
        "UTF-8"
    } else {
        enc.name()
    }
}

/// Formats nianbao cannot read as text (said plainly rather than checked as garbage).
pub fn unsupported(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(
            "这是压缩格式文件，不是 Word（.docx）报告，请另存为纯文本（.txt）或 .docx \
              (a zip file that is not a .docx: save the report as .txt or .docx)",
        )
    } else if bytes.starts_with(b"%PDF") {
        Some(
            "这是 PDF 文件，请先复制其中的文字另存为 .txt (a PDF: copy its text into a .txt first)",
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("这是旧版 Word（.doc）文件，请先另存为纯文本（.txt） (a .doc file: save it as plain text first)")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "二、主动公开政府信息情况\n规章\t0\t0\t0";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(TEXT.as_bytes()).text, TEXT);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(TEXT.as_bytes());
        let d = decode(&b);
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let units: Vec<u16> = TEXT.encode_utf16().collect();
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in units {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).text, TEXT);
        assert_eq!(decode(&le).encoding, "UTF-16LE");
        assert_eq!(decode(&be).text, TEXT);
        assert_eq!(decode(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn gb18030_when_not_utf8() {
        let (bytes, _, _) = GB18030.encode(TEXT);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode(&bytes);
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "GB18030"));
    }

    #[test]
    fn names_formats_it_cannot_read() {
        assert!(unsupported(b"PK\x03\x04rest").is_some());
        assert!(unsupported(b"%PDF-1.7").is_some());
        assert!(unsupported(TEXT.as_bytes()).is_none());
    }
}
