//! Numbers as reports write them, read and written without the float machinery of `core::fmt`
//! and `str::parse::<f64>` (those cost the wasm builds about 25 KB; counts need none of it).

/// How many decimals a count is ever written or read with.
const DECIMALS: u32 = 4;
const SCALE: f64 = 10_000.0; // 10^DECIMALS

/// Integers without decimals; other values with up to four decimals, trailing zeros dropped.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "?".to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return (v as i64).to_string();
    }
    let scaled = (v.abs() * SCALE).round();
    if scaled >= 1e18 {
        return (v as i64).to_string();
    }
    let scaled = scaled as u64;
    let int = scaled / 10_u64.pow(DECIMALS);
    let mut frac = format!("{:04}", scaled % 10_u64.pow(DECIMALS));
    while frac.ends_with('0') {
        frac.pop();
    }
    let sign = if v < 0.0 && scaled > 0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// `v` with exactly `decimals` decimals (at most four), rounded: `33.9` for a percentage.
pub fn fmt_fixed(v: f64, decimals: usize) -> String {
    let d = decimals.min(DECIMALS as usize) as u32;
    let scale = 10_u64.pow(d);
    if !v.is_finite() || v.abs() * scale as f64 >= 1e18 {
        return fmt_num(v);
    }
    let scaled = (v.abs() * scale as f64).round() as u64;
    let sign = if v < 0.0 && scaled > 0 { "-" } else { "" };
    if d == 0 {
        return format!("{sign}{scaled}");
    }
    format!(
        "{sign}{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = d as usize
    )
}

/// A plain decimal (`12`, `12.5`, `1,234`; optional leading `-`): digits, at most one point with a
/// digit on each side, commas ignored. Digits past the fourth decimal are dropped.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    // In f64, like `str::parse`: exact up to 2^53, approximate (never failing) beyond.
    let mut whole = 0.0_f64;
    let mut any = false;
    for c in int.chars() {
        match c {
            ',' => {}
            '0'..='9' => {
                whole = whole * 10.0 + f64::from(c as u8 - b'0');
                any = true;
            }
            _ => return None,
        }
    }
    if !any {
        return None;
    }
    let mut v = whole;
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut digits = 0.0_f64;
        let mut scale = 1.0_f64;
        for b in f.bytes().take(DECIMALS as usize) {
            digits = digits * 10.0 + f64::from(b - b'0');
            scale *= 10.0;
        }
        // One division of two exact integers rounds once, as `str::parse` does (2.28, not
        // 2 + 0.28 = 2.2800000000000002).
        v = (whole * scale + digits) / scale;
    }
    Some(if negative { -v } else { v })
}

/// `parts` joined by `sep`, as `[_]::join`: a small loop per item type, where std's join is a
/// 1 KB body in the wasm for each of `&str` and `String` items. Sized once, as std's is.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let len: usize = parts.iter().map(|p| p.as_ref().len() + sep.len()).sum();
    let mut out = String::with_capacity(len);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_counts_and_decimals() {
        assert_eq!(fmt_num(0.0), "0");
        assert_eq!(fmt_num(1234.0), "1234");
        assert_eq!(fmt_num(-3.0), "-3");
        assert_eq!(fmt_num(0.5), "0.5");
        assert_eq!(fmt_num(12.25), "12.25");
        assert_eq!(fmt_num(-1.5), "-1.5");
        assert_eq!(fmt_num(2.00004), "2");
        assert_eq!(fmt_num(1.0 / 3.0), "0.3333");
        assert_eq!(fmt_num(f64::NAN), "?");
    }

    #[test]
    fn writes_fixed_decimals() {
        assert_eq!(fmt_fixed(32.0124, 1), "32.0");
        assert_eq!(fmt_fixed(33.95, 1), "34.0");
        assert_eq!(fmt_fixed(5.0, 2), "5.00");
        assert_eq!(fmt_fixed(-1.25, 1), "-1.3");
        assert_eq!(fmt_fixed(7.6, 0), "8");
        for (v, d) in [(32.0124, 1), (12.345, 2), (0.05, 1), (99.999, 2)] {
            assert_eq!(fmt_fixed(v, d), format!("{v:.d$}"), "{v} {d}");
        }
    }

    #[test]
    fn reads_plain_decimals() {
        assert_eq!(parse_decimal("12"), Some(12.0));
        assert_eq!(parse_decimal("1,234"), Some(1234.0));
        assert_eq!(parse_decimal("12.5"), Some(12.5));
        assert_eq!(parse_decimal("-7"), Some(-7.0));
        assert_eq!(parse_decimal("0.1234"), Some(0.1234));
        for s in ["2.28", "0.1", "0.3", "1234.5678", "7.05", "19.99"] {
            assert_eq!(parse_decimal(s), s.parse().ok(), "{s}");
        }
        for bad in ["", ".5", "5.", "1.2.3", "a", "1e5", "--1", "+1", "1 2"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        assert_eq!(parse_decimal("000000000000000000000000"), Some(0.0));
        assert!(parse_decimal("99999999999999999999999").is_some_and(|v| v > 9.9e22));
    }

    #[test]
    fn round_trips() {
        for v in [
            0.0, 1.0, 42.0, 0.5, 3.25, 2.28, 0.1, 1234.5678, 100000.0, 99.99,
        ] {
            assert_eq!(parse_decimal(&fmt_num(v)), Some(v));
        }
    }
}
