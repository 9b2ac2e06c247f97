//! What kind of body issued a report, from its name alone.
//!
//! Rules depend on it: only a people's government proper must report 考核/评议/追究 (L02);
//! only provincial and districted-city governments make 规章 (V07); a 镇 or 街道 does not call
//! itself 我局 (C01); a district or county government's own report aggregates its units (R01).
//!
//! The kind is read from how the name ends, the level from the last administrative unit named
//! before that ending. The tables, longest ending first:
//!
//! | name ends with | kind |
//! |---|---|
//! | 人民政府办公厅, 人民政府办公室, 政府办公厅, 政府办公室, 政府办 | general office |
//! | 街道办事处, 街道办, 街道 | 街道 |
//! | 镇人民政府, 乡人民政府, 镇政府, 乡政府, 苏木, 镇, 乡 | township or town |
//! | 人民政府, 政府 | people's government |
//! | 局, 委员会, 委, 厅, 办公室, 办, 中心, 署, 院, 处, 所, 站, 队, 馆, 会 | department |
//! | anything else | other |
//!
//! | last unit before the ending | level |
//! |---|---|
//! | 省, 自治区, 直辖市 names (北京市, 上海市, 天津市, 重庆市) | province |
//! | 市, 州, 盟, 地区 | city |
//! | 县, 区, 旗 (also 新区, 示范区, 开发区) | county |
//! | 镇, 乡, 街道 | township |
//!
//! `市` inside 市场/城市 and `区` inside 区域/社区 are words, not units.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    /// 某某市人民政府: a people's government itself.
    PeoplesGovernment,
    /// 某某省人民政府办公厅 / 某某县人民政府办公室.
    GeneralOffice,
    /// A department: 局, 委员会, 厅, 中心…
    Department,
    /// 某某镇 / 某某乡 (人民政府).
    Township,
    /// 某某街道 (办事处).
    Subdistrict,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
    Township,
    Unknown,
}

impl IssuerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::PeoplesGovernment => "peoples_government",
            IssuerKind::GeneralOffice => "general_office",
            IssuerKind::Department => "department",
            IssuerKind::Township => "township",
            IssuerKind::Subdistrict => "subdistrict",
            IssuerKind::Other => "other",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            IssuerKind::PeoplesGovernment => "人民政府",
            IssuerKind::GeneralOffice => "政府办公厅（室）",
            IssuerKind::Department => "政府部门",
            IssuerKind::Township => "乡镇",
            IssuerKind::Subdistrict => "街道",
            IssuerKind::Other => "其他机关",
        }
    }
    /// A local body below the county: 乡, 镇, 街道.
    pub fn is_local(self) -> bool {
        matches!(self, IssuerKind::Township | IssuerKind::Subdistrict)
    }
}

const ENDINGS: &[(&str, IssuerKind)] = &[
    ("人民政府办公厅", IssuerKind::GeneralOffice),
    ("人民政府办公室", IssuerKind::GeneralOffice),
    ("政府办公厅", IssuerKind::GeneralOffice),
    ("政府办公室", IssuerKind::GeneralOffice),
    ("政府办", IssuerKind::GeneralOffice),
    ("街道办事处", IssuerKind::Subdistrict),
    ("街道办", IssuerKind::Subdistrict),
    ("街道", IssuerKind::Subdistrict),
    ("镇人民政府", IssuerKind::Township),
    ("乡人民政府", IssuerKind::Township),
    ("镇政府", IssuerKind::Township),
    ("乡政府", IssuerKind::Township),
    ("苏木", IssuerKind::Township),
    ("人民政府", IssuerKind::PeoplesGovernment),
    ("政府", IssuerKind::PeoplesGovernment),
    ("镇", IssuerKind::Township),
    ("乡", IssuerKind::Township),
    ("委员会", IssuerKind::Department),
    ("办公室", IssuerKind::Department),
    ("局", IssuerKind::Department),
    ("委", IssuerKind::Department),
    ("厅", IssuerKind::Department),
    ("办", IssuerKind::Department),
    ("中心", IssuerKind::Department),
    ("署", IssuerKind::Department),
    ("院", IssuerKind::Department),
    ("处", IssuerKind::Department),
    ("所", IssuerKind::Department),
    ("站", IssuerKind::Department),
    ("队", IssuerKind::Department),
    ("馆", IssuerKind::Department),
    ("会", IssuerKind::Department),
];

const MUNICIPALITIES: &[&str] = &["北京市", "上海市", "天津市", "重庆市"];

/// The kind and level of the body named `name` (as read from a title or signature).
pub fn classify(name: &str) -> (IssuerKind, Level) {
    let name = name.trim();
    let (kind, stem) = ENDINGS
        .iter()
        .find_map(|(ending, kind)| name.strip_suffix(ending).map(|stem| (*kind, stem)))
        .unwrap_or((IssuerKind::Other, name));
    let level = match kind {
        IssuerKind::Township | IssuerKind::Subdistrict => Level::Township,
        _ => level_of(stem),
    };
    (kind, level)
}

/// The level of the last administrative unit named in `stem`.
fn level_of(stem: &str) -> Level {
    let chars: Vec<char> = stem.chars().collect();
    let mut level = Level::Unknown;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let unit = match c {
            '省' => Some(Level::Province),
            '自' if next == Some('治') && chars.get(i + 2) == Some(&'区') => {
                i += 2;
                Some(Level::Province)
            }
            '市' if next == Some('场') || prev == Some('城') => None,
            '市' => {
                let upto: String = chars.iter().take(i + 1).collect();
                if MUNICIPALITIES.iter().any(|m| upto.ends_with(m)) {
                    Some(Level::Province)
                } else {
                    Some(Level::City)
                }
            }
            '州' | '盟' => Some(Level::City),
            '地' if next == Some('区') => {
                i += 1;
                Some(Level::City)
            }
            '区' if next == Some('域') || prev == Some('社') || prev == Some('园') => None,
            '县' | '区' | '旗' => Some(Level::County),
            '镇' | '乡' => Some(Level::Township),
            '街' if next == Some('道') => Some(Level::Township),
            _ => None,
        };
        if let Some(u) = unit {
            level = u;
        }
        i += 1;
    }
    level
}

// ---------------------------------------------------------------------------------------------
// Finding the name in the text
// ---------------------------------------------------------------------------------------------
//
// Where a report names its issuer, in the order tried (the first that gives a name wins):
//
// | where | shape |
// |---|---|
// | the title (the first short line with 年度报告/年报/工作报告, not a breadcrumb or a metadata line) | `某某局2023年政府信息公开工作年度报告`, `2025年某某镇政府信息公开…`, the name on the line before the title |
// | the preamble's own words | `现公布/现公开/现发布/现将（《）某某局2023年…` |
// | the first section's opening | `2023年，某某局认真/高度重视/…` |
// | the signature | a short line that is only a name, just before the closing date |
// | a name ending in 人民政府/街道/办事处 in the first 3,000 characters | never inside 《…》, never after 现公开/通过/由/可在 |
//
// 我局/我镇/本机关 are not names: a report that only calls itself that has no issuer (None).

/// Words that begin a clause, not a name (`现公开某某区人民政府`, `并通过某某县人民政府网站`).
const LEAD_WORDS: &[&str] = &[
    "电子版可在",
    "现将",
    "现公开",
    "现公布",
    "现发布",
    "现印发",
    "并通过",
    "通过",
    "可在",
    "登录",
    "访问",
    "根据",
    "按照",
    "依据",
    "关于",
    "由",
    "在",
    "向",
    "经",
    "对",
    "为",
    "将",
    "与",
    "和",
];

/// The issuer named in `text` and its byte range.
pub fn find(text: &str) -> Option<(String, usize, usize)> {
    from_title(text)
        .or_else(|| from_preamble(text))
        .or_else(|| from_opening(text))
        .or_else(|| from_signature(text))
        .or_else(|| by_suffix(text))
}

/// The length of the ASCII digits at the start of `s` when they are part of a name (`第12中学`,
/// `12345热线`): a Han character follows that does not make them a date (年, 月, 日).
fn digits_in_name(s: &str) -> usize {
    let n = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    match s.get(n..).and_then(|r| r.chars().next()) {
        Some(c) if n > 0 && crate::chars::is_han(c) && !matches!(c, '年' | '月' | '日') => n,
        _ => 0,
    }
}

/// A character of a name at byte `i` of `s`: Han, a bracket, or (not first) digits of the name.
fn in_name(s: &str, i: usize, c: char) -> bool {
    crate::chars::is_han(c)
        || matches!(c, '（' | '）' | '(' | ')')
        || (i > 0 && c.is_ascii_digit() && digits_in_name(s.get(i..).unwrap_or("")) > 0)
}

/// A name: at least two Han characters (brackets and digits inside allowed), not a
/// self-reference.
fn is_name(s: &str) -> bool {
    s.chars().count() >= 2
        && s.char_indices().all(|(i, c)| in_name(s, i, c))
        && !["我", "本", "该", "各", "全"]
            .iter()
            .any(|p| s.starts_with(p))
        && !s.starts_with("关于")
}

/// A name that names a body (its ending is one of ENDINGS' or a bare place).
fn names_a_body(s: &str) -> bool {
    is_name(s) && classify(s).0 != IssuerKind::Other
}

fn trim_decor(s: &str) -> &str {
    s.trim().trim_matches(|c: char| {
        matches!(
            c,
            '*' | '#' | ' ' | '《' | '》' | '\u{3000}' | '“' | '”' | '"'
        )
    })
}

/// The title line: among the first lines, a short one naming the report that is not a page's
/// breadcrumb (`首页>…`) or metadata (`名 称: …`, `发布机构: …`).
fn title_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0usize;
    text.split('\n').take(40).filter_map(move |line| {
        let s = start;
        start += line.len() + 1;
        let t = line.trim();
        // A trailing note in brackets (`（发布日期：2023-01-20）`) is not the title's.
        let t = match t.rfind(['（', '(']) {
            Some(i) if t.ends_with(['）', ')']) && i > 0 => t.get(..i).unwrap_or(t).trim_end(),
            _ => t,
        };
        // `…年度报告`, `…年报`, `…工作报告`, also `某局关于2022年度政府信息公开工作的报告`.
        let is_title = (t.contains("年度报告")
            || t.contains("年报")
            || t.contains("工作报告")
            || (t.contains("报告") && (t.contains("政府信息公开") || t.contains("政务公开"))))
            && t.chars().count() <= 60
            && !t.contains(['。', '>', ':', '：', '|', ',', '，']);
        is_title.then_some((s, line))
    })
}

/// The name in a title line `t` and its offset in `t`: before the year, or after a leading year.
fn title_name(t: &str) -> Option<(&str, usize)> {
    if let Some((rest, _)) = after_year(t) {
        // `2025年某某镇政府信息公开…`, `2025 年某某市人民政府办公厅政府信息公开`.
        let skip = t.len() - rest.len();
        let end = rest.find("政府信息公开").or(rest.find("政务公开"))?;
        let name = rest.get(..end)?;
        return is_name(name).then_some((name, skip));
    }
    // Before the year, or before 政府信息公开 when that comes first (`某局政府信息公开工作
    // 2022年度报告`).
    let year_at = t
        .char_indices()
        .find(|&(i, c)| c.is_ascii_digit() && !in_name(t, i, c))
        .map(|(i, _)| i);
    let topic_at = t.find("政府信息公开").or_else(|| t.find("政务公开"));
    let cut = [year_at, topic_at]
        .into_iter()
        .flatten()
        .min()
        .or_else(|| t.find("年度报告"))
        .unwrap_or(0);
    let name = t
        .get(..cut)
        .unwrap_or("")
        .trim_end_matches(['（', '(', ' ']);
    // A year in Chinese numerals before the topic (`某局二〇二二年度…`) is no part of the name.
    let name = strip_han_year(name);
    // `某局关于2022年度…的报告`: the name is before 关于.
    let name = name.strip_suffix("关于").unwrap_or(name);
    // `工作` of a title wrapped as `…政府信息公开` / `工作年度报告` is not a name.
    let tail_word = ["工作", "情况", "年度", "信息", "公开"]
        .iter()
        .any(|w| name.ends_with(w));
    (is_name(name) && !tail_word).then_some((name, 0))
}

fn from_title(text: &str) -> Option<(String, usize, usize)> {
    for (a, line) in title_lines(text) {
        let t = trim_decor(line);
        let off = a + line.find(t).unwrap_or(0);
        if let Some((name, at)) = title_name(t) {
            return Some((name.to_string(), off + at, off + at + name.len()));
        }
        // The line before: the name alone (`淮安市人民政府` / `2024 年…年度报告`), or the first
        // half of a wrapped title (`2025 年某某市人民政府办公厅政府信息公开` / `工作年度报告`).
        let before = text
            .get(..a)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r', ' ']);
        let prev = before.rsplit('\n').next().unwrap_or("");
        let p = trim_decor(prev);
        let p_at = before.len() - prev.len() + prev.find(p).unwrap_or(0);
        let wrapped = [
            "工作年度报告",
            "年度报告",
            "工作报告",
            "政府信息公开",
            "政务公开",
        ]
        .iter()
        .any(|w| t.starts_with(w));
        if wrapped {
            if let Some((name, at)) = title_name(p) {
                return Some((name.to_string(), p_at + at, p_at + at + name.len()));
            }
            // `2022年某某局` / `政府信息公开工作年度报告`: the name after the year.
            if let Some((rest, true)) = after_year(p) {
                let (name, at) = (rest.trim_end(), p.len() - rest.len());
                if names_a_body(name) {
                    return Some((name.to_string(), p_at + at, p_at + at + name.len()));
                }
            }
        }
        if (2..=30).contains(&p.chars().count()) && names_a_body(p) {
            return Some((p.to_string(), p_at, p_at + p.len()));
        }
    }
    None
}

/// `name` without a trailing year written in Chinese numerals (`二〇二二年`, `二〇二二年度`).
fn strip_han_year(name: &str) -> &str {
    let n = name.strip_suffix("年度").or(name.strip_suffix('年'));
    let Some(n) = n else {
        return name;
    };
    let digits = n
        .chars()
        .rev()
        .take_while(|c| "〇零一二三四五六七八九".contains(*c))
        .count();
    if digits != 4 {
        return name;
    }
    let cut = n.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    n.get(..cut).unwrap_or(name)
}

/// What follows a leading year (`2022年`, `2022 年度`, or the four digits alone) in `t`,
/// trimmed at its start, and whether 年 was written.
fn after_year(t: &str) -> Option<(&str, bool)> {
    let digits = t.find(|c: char| !c.is_ascii_digit())?;
    if digits != 4 {
        return None;
    }
    let rest = t.get(4..)?.trim_start();
    Some(
        match rest.strip_prefix("年度").or(rest.strip_prefix('年')) {
            Some(r) => (r.trim_start(), true),
            None => (rest, false),
        },
    )
}

/// The Han run starting at `at` in `text`, up to `max` characters.
fn han_run(text: &str, at: usize, max: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .take(max)
        .find(|&(i, c)| matches!(c, '(' | ')') || !in_name(rest, i, c))
        .map_or_else(
            || rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i),
            |(i, _)| i,
        );
    rest.get(..end).unwrap_or("")
}

/// `现公布/现公开/现发布/现将（《）某某局2023年…`.
fn from_preamble(text: &str) -> Option<(String, usize, usize)> {
    let head = head(text, 1500);
    for verb in [
        "现公布",
        "现公开",
        "现发布",
        "现印发",
        "现将",
        "特公布",
        "予以公布",
    ] {
        for at in crate::chars::find_iter(head, verb) {
            let mut from = at + verb.len();
            if head.get(from..).is_some_and(|r| r.starts_with('《')) {
                from += '《'.len_utf8();
            }
            let run = han_run(head, from, 40);
            // The name ends where the year begins (the run stops at the digits).
            let ends_in_year = head
                .get(from + run.len()..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if ends_in_year && names_a_body(run) {
                return Some((run.to_string(), from, from + run.len()));
            }
        }
    }
    None
}

/// Verbs a report's opening sentence puts after its issuer's name (`2023年，某某局认真…`).
const OPENING_VERBS: &[&str] = &[
    "认真",
    "高度重视",
    "坚持",
    "深入",
    "严格",
    "按照",
    "以习近平",
    "以",
    "紧紧",
    "紧扣",
    "围绕",
    "全面",
    "持续",
    "始终",
    "积极",
    "进一步",
    "扎实",
    "聚焦",
    "立足",
    "深化",
    "不断",
    "切实",
    "贯彻",
];

/// The name at `from` in `head` when a verb of OPENING_VERBS follows it.
fn subject_at(head: &str, from: usize) -> Option<(String, usize, usize)> {
    let run = han_run(head, from, 40);
    // A verb can only be in the run if all its characters are (a 64-bit sketch of the run).
    let bit = |c: char| 1u64 << (u32::from(c) % 64);
    let sketch = run.chars().fold(0u64, |acc, c| acc | bit(c));
    let name_end = OPENING_VERBS
        .iter()
        .filter(|v| v.chars().all(|c| bit(c) & sketch != 0))
        .filter_map(|v| crate::chars::find(run, v))
        .filter(|&e| e > 0)
        .min()?;
    let name = run.get(..name_end)?;
    (names_a_body(name) && name.chars().count() >= 3)
        .then(|| (name.to_string(), from, from + name.len()))
}

/// `2023年，某某局认真…` near the start of the text, or a line that opens with the name
/// (`一、总体情况` / `区卫健局高度重视…`).
fn from_opening(text: &str) -> Option<(String, usize, usize)> {
    let head = head(text, 1500);
    let mut line_start = 0;
    for line in head.split('\n') {
        let lead = line.len() - line.trim_start().len();
        if let Some(found) = subject_at(head, line_start + lead) {
            return Some(found);
        }
        line_start += line.len() + 1;
    }
    for (at, _) in head.match_indices('年') {
        let before = head.get(..at).unwrap_or("");
        if !before.ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut from = at + '年'.len_utf8();
        for lead in ["以来", "度"] {
            if head.get(from..).is_some_and(|r| r.starts_with(lead)) {
                from += lead.len();
            }
        }
        let Some(rest) = head.get(from..) else {
            continue;
        };
        let Some(sep) = [",", "，", "、"].iter().find(|s| rest.starts_with(*s)) else {
            continue;
        };
        from += sep.len();
        if let Some(found) = subject_at(head, from) {
            return Some(found);
        }
    }
    None
}

/// A short line that is only a body's name, just before the closing date at the end.
fn from_signature(text: &str) -> Option<(String, usize, usize)> {
    let body = text.trim_end();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut end = body.len();
    while lines.len() < 4 {
        let start = body.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
        let line = body.get(start..end)?;
        if !line.trim().is_empty() {
            lines.push((start, line));
        }
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    let dated = lines
        .first()
        .is_some_and(|(_, l)| l.contains('年') && l.trim_end().ends_with('日'));
    if !dated {
        return None;
    }
    lines.iter().skip(1).find_map(|&(start, line)| {
        let t = trim_decor(line);
        (t.chars().count() <= 30 && names_a_body(t)).then(|| {
            let at = start + line.find(t).unwrap_or(0);
            (t.to_string(), at, at + t.len())
        })
    })
}

const NAME_SUFFIXES: &[&str] = &[
    "街道办事处",
    "人民政府办公厅",
    "人民政府办公室",
    "人民政府",
    "街道",
    "办事处",
];

/// The first name ending in 人民政府/街道/办事处 in the first 3,000 characters, outside 《…》.
fn by_suffix(text: &str) -> Option<(String, usize, usize)> {
    let head = head(text, 3000);
    let mut best: Option<(String, usize, usize)> = None;
    for suffix in NAME_SUFFIXES {
        for at in crate::chars::find_iter(head, suffix) {
            // A name starts at most 36 bytes before its suffix: from here on none starts
            // before the best one.
            if best.as_ref().is_some_and(|b| at >= b.1 + 36) {
                break;
            }
            let before = head.get(..at).unwrap_or("");
            if before.rfind('《') > before.rfind('》') {
                continue; // inside a cited document's title
            }
            let mut start = at;
            for (i, c) in before.char_indices().rev() {
                let digit = c.is_ascii_digit() && digits_in_name(head.get(i..).unwrap_or("")) > 0;
                // `12月`, `31日` end a date, not begin a name.
                let date = matches!(c, '月' | '日')
                    && before
                        .get(..i)
                        .is_some_and(|b| b.ends_with(|d: char| d.is_ascii_digit()));
                if !(crate::chars::is_han(c) || digit) || c == '年' || date || at - i > 36 {
                    break;
                }
                start = i;
            }
            // A name does not begin with digits.
            start += head.get(start..at).map_or(0, |r| {
                r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len()
            });
            let mut end = at + suffix.len();
            // 人民政府 continued by 办公厅/办公室 is the general office.
            for more in ["办公厅", "办公室"] {
                if *suffix == "人民政府" && head.get(end..).is_some_and(|r| r.starts_with(more))
                {
                    end += more.len();
                }
            }
            // A clause word of two or more characters anywhere before the name ends the clause
            // (`本报告电子版可在`); a one-character one only at the start (和平区 is a name).
            let run = head.get(start..at).unwrap_or("");
            if let Some(cut) = LEAD_WORDS
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .filter_map(|w| crate::chars::rfind(run, w).map(|i| i + w.len()))
                .max()
            {
                start += cut;
            }
            let mut name = head.get(start..end).unwrap_or("");
            while let Some(lead) = LEAD_WORDS.iter().find(|w| name.starts_with(*w)) {
                start += lead.len();
                name = head.get(start..end).unwrap_or("");
            }
            let stem = head.get(start..at).unwrap_or("");
            let generic = [
                "各", "本", "全", "我", "该", "所", "区", "市", "县", "乡镇", "镇", "和", "及",
            ];
            if stem.chars().count() < 2
                || generic
                    .iter()
                    .any(|g| stem.starts_with(g) && stem.chars().count() <= 2)
            {
                continue;
            }
            if best.as_ref().is_none_or(|b| start < b.1) {
                best = Some((name.to_string(), start, end));
            }
        }
    }
    best
}

/// The first `n` characters of `text`.
fn head(text: &str, n: usize) -> &str {
    // Fewer bytes than n: fewer characters too.
    if text.len() <= n {
        return text;
    }
    let is_start = |b: &u8| b & 0xc0 != 0x80;
    let bytes = text.as_bytes();
    // Characters started before byte `i`, counted 32 bytes at a time while the one after the
    // first n is certainly further on, then byte by byte.
    let (mut i, mut seen) = (0usize, 0usize);
    while let Some(chunk) = bytes.get(i..i + 32) {
        let starts = chunk.iter().filter(|b| is_start(b)).count();
        if seen + starts > n {
            break;
        }
        seen += starts;
        i += 32;
    }
    for (j, b) in bytes.get(i..).unwrap_or(&[]).iter().enumerate() {
        if is_start(b) {
            if seen == n {
                return text.get(..i + j).unwrap_or(text);
            }
            seen += 1;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssuerKind::*;

    #[test]
    fn head_is_the_first_n_characters() {
        let t = "一、总体情况ab本年度".repeat(20);
        for n in [0, 1, 5, 6, 31, 32, 33, 100, 199, 200, 201, 500] {
            let want: String = t.chars().take(n).collect();
            assert_eq!(head(&t, n), want, "{n}");
        }
        assert_eq!(head("abc", 5), "abc");
    }

    #[test]
    fn issuer_and_year_from_titles() {
        let t = "沁园街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n";
        assert_eq!(find(t).map(|i| i.0), Some("沁园街道办事处".to_string()));
        assert_eq!(crate::dates::report_year(t).map(|y| y.0), Some(2020));
        let t = "淮安市人民政府\n2024 年政府信息公开工作年度报告\n";
        assert_eq!(find(t).map(|i| i.0), Some("淮安市人民政府".to_string()));
        assert_eq!(crate::dates::report_year(t).map(|y| y.0), Some(2024));
        // Wrapped after the name, the year first.
        for t in [
            "2022年杨凌示范区审计局\n政府信息公开工作年度报告\n一、总体情况\n",
            "2022 年度杨凌示范区审计局\n政府信息公开工作年度报告\n一、总体情况\n",
        ] {
            let (name, a, b) = find(t).unwrap_or_default();
            assert_eq!(name, "杨凌示范区审计局", "{t:?}");
            assert_eq!(&t[a..b], name);
        }
        // The topic before the year, a trailing note, a year in Chinese numerals.
        for t in [
            "某某区教育局政府信息公开工作2022年度报告\n一、总体情况\n",
            "某某区教育局2022年度政府信息公开工作年度报告（发布日期：2023-01-20）\n一、总体情况\n",
            "某某区教育局二〇二二年政府信息公开工作年度报告\n一、总体情况\n",
        ] {
            let (name, a, b) = find(t).unwrap_or_default();
            assert_eq!(name, "某某区教育局", "{t:?}");
            assert_eq!(&t[a..b], name);
        }
        // `某局关于…的报告`.
        let t = "杨凌示范区审计局关于2022年度政府信息公开工作的报告\n一、总体情况\n";
        assert_eq!(find(t).map(|i| i.0).as_deref(), Some("杨凌示范区审计局"));
        // A generic title names no one.
        let t = "关于2022年度政府信息公开情况的报告\n一、总体情况\n";
        assert_eq!(find(t).map(|i| i.0), None);
    }

    #[test]
    fn issuer_and_year_from_the_body() {
        let t = "一、总体情况\n2023年,慈音街道不断加强。2023年慈音街道办收到。在2024年继续。\n";
        assert_eq!(find(t).map(|i| i.0), Some("慈音街道".to_string()));
        assert_eq!(crate::dates::report_year(t).map(|y| y.0), Some(2023));
    }

    #[test]
    fn issuer_from_each_place_a_report_names_it() {
        let name = |t: &str| find(t).map(|i| i.0);
        // A breadcrumb and metadata lines before the title are not the title.
        let t = "当前位置: 首页>信息公开>年报>2022年\n名 称: 某某县水利局2022年年度报告\n某某县水利局2022年政府信息公开工作年度报告\n一、总体情况\n";
        assert_eq!(name(t).as_deref(), Some("某某县水利局"));
        // Year first.
        let t = "2024年青山镇政府信息公开工作年度报告\n发布日期:2025-01-10\n";
        assert_eq!(name(t).as_deref(), Some("青山镇"));
        // A generic title: the preamble's own words, then the opening sentence.
        let t = "关于2023年度政府信息公开情况的报告\n根据条例，现公布《某某市交通运输局2023年政府信息公开工作年度报告》。\n";
        assert_eq!(name(t).as_deref(), Some("某某市交通运输局"));
        let t = "关于2023年度政府信息公开情况的报告\n一、总体情况\n2023年，某某区城市管理办公室认真贯彻条例。\n";
        assert_eq!(name(t).as_deref(), Some("某某区城市管理办公室"));
        let t = "一、总体情况\n某某区卫健局高度重视政务公开工作。\n";
        assert_eq!(name(t).as_deref(), Some("某某区卫健局"));
        let t = "一、总体情况\n2023年,某某省人民政府办公厅以制度建设为抓手。\n";
        assert_eq!(name(t).as_deref(), Some("某某省人民政府办公厅"));
        // A title wrapped over two lines.
        let t = "2025 年某某市人民政府办公厅政府信息公开\n工作年度报告\n";
        assert_eq!(name(t).as_deref(), Some("某某市人民政府办公厅"));
        let t = "某某县人民政府\n2024 年政府信息公开工作年度报告\n";
        assert_eq!(name(t).as_deref(), Some("某某县人民政府"));
        // The signature.
        let t = "六、其他需要报告的事项\n无。\n某某县统计局\n2024年1月15日\n";
        assert_eq!(name(t).as_deref(), Some("某某县统计局"));
    }

    #[test]
    fn names_with_numbers_inside_are_read_whole() {
        let name = |t: &str| find(t).map(|i| i.0);
        let whole = "江州市第12号街道办事处";
        for t in [
            "江州市第12号街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n",
            "2023年江州市第12号街道办事处政府信息公开工作年度报告\n",
            "江州市第12号街道办事处\n2023 年政府信息公开工作年度报告\n",
            "关于2023年度政府信息公开情况的报告\n根据条例，现公布江州市第12号街道办事处2023年政府信息公开工作年度报告。\n",
            "一、总体情况\n2023年，江州市第12号街道办事处认真贯彻条例。\n",
            "信息并通过江州市第12号街道办事处网站发布。\n",
            "六、其他需要报告的事项\n无。\n江州市第12号街道办事处\n2024年1月15日\n",
        ] {
            assert_eq!(name(t).as_deref(), Some(whole), "{t}");
        }
        let t = "江州市12345政务服务热线管理中心2023年政府信息公开工作年度报告\n";
        assert_eq!(name(t).as_deref(), Some("江州市12345政务服务热线管理中心"));
        // Digits of a date or a year never join a name.
        let t = "一、总体情况\n截至2023年12月31日，江州市人民政府收到12件申请。\n";
        assert_eq!(name(t).as_deref(), Some("江州市人民政府"));
        let t = "某某县统计局2023年政府信息公开工作年度报告\n";
        assert_eq!(name(t).as_deref(), Some("某某县统计局"));
        let t = "2023年12月沁园街道办事处印发。\n";
        assert_eq!(name(t).as_deref(), Some("沁园街道办事处"));
    }

    #[test]
    fn never_a_clause_or_a_cited_title_or_a_self_reference() {
        let name = |t: &str| find(t).map(|i| i.0);
        // Only 我局: no issuer.
        assert_eq!(name("一、总体情况\n根据条例，现公布我局2022年政府信息公开工作年度报告。\n2022年，我局通过网站公开信息。\n"), None);
        // A government named inside a cited notice is not the issuer.
        let t = "根据《某某市人民政府办公室关于做好年度报告工作的通知》要求，现公布本报告。\n";
        assert_eq!(name(t), None);
        // Clause words are not part of the name.
        let t = "本报告电子版可在某某市人民政府门户网站下载。\n";
        assert_eq!(name(t).as_deref(), Some("某某市人民政府"));
        let t =
            "根据条例，现公开某某市某某区人民政府某某街道办事处2024年政府信息公开工作年度报告。\n";
        assert_eq!(
            name(t).as_deref(),
            Some("某某市某某区人民政府某某街道办事处")
        );
        let t = "信息并通过某某县人民政府网站发布。\n";
        assert_eq!(name(t).as_deref(), Some("某某县人民政府"));
    }

    #[test]
    fn kinds_by_name_ending() {
        for (name, kind, level) in [
            ("淮安市人民政府", PeoplesGovernment, Level::City),
            ("四川省人民政府办公厅", GeneralOffice, Level::Province),
            ("山东省人民政府办公厅", GeneralOffice, Level::Province),
            ("上海市人民政府办公厅", GeneralOffice, Level::Province),
            ("长沙县人民政府", PeoplesGovernment, Level::County),
            ("湖口县大垅乡", Township, Level::Township),
            ("龙游县横山镇", Township, Level::Township),
            ("通化市东昌区金厂镇人民政府", Township, Level::Township),
            (
                "温州市鹿城区人民政府滨江街道办事处",
                Subdistrict,
                Level::Township,
            ),
            ("沁园街道办事处", Subdistrict, Level::Township),
            ("甘州区卫生健康局", Department, Level::County),
            ("杨凌示范区审计局", Department, Level::County),
            (
                "长春市二道区房屋征收工作管理办公室",
                Department,
                Level::County,
            ),
            ("长春市市场监督管理局", Department, Level::City),
            ("区卫健局", Department, Level::County),
            ("国家税务总局", Department, Level::Unknown),
        ] {
            assert_eq!(classify(name), (kind, level), "{name}");
        }
    }

    #[test]
    fn words_are_not_units() {
        assert_eq!(classify("某某县城市管理局").1, Level::County);
        assert_eq!(classify("某某市社区服务中心").1, Level::City);
    }
}
