//! Claims the narrative makes in the sentences real reports use (收到…申请…件, 未收到,
//! 行政诉讼…起/件/条, 共…条，其中…), found so that N-rules can hold them against the tables.
//!
//! The narrative is read as [`Prose`]: the view text outside the tables, with PDF hard line wraps
//! joined (a line that is long and does not end a sentence runs on into the next), page footers
//! (`- 1 -`) dropped and spaces dropped (`3119 件` reads `3119件`). Every prose byte maps back to
//! a view byte, so findings point at the exact characters of the original.
//!
//! Claims are read clause by clause (a clause ends at `，。；：（）` and line breaks): a number
//! only belongs to a keyword in the same clause, so "被中央级主流媒体报道1次" or "发布信息182余条"
//! never count as requests or lawsuits. Clauses about another year, a comparison (同比, 较上年)
//! or a running total (累计, 以来) are not claims about this year's tables.

use crate::chars::is_han;
use crate::dates;
use crate::mapped::MappedText;
use crate::model::{Cell, Table};
use crate::rules::Context;
use crate::span::Span;

/// The narrative as running text, with a map back to the view.
pub type Prose = MappedText;

/// Lines at least this long that do not end a sentence are hard wraps (PDF text).
const WRAP_LINE: usize = 15;

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | ':' | '；' | '！' | '？' | '：')
}

/// The narrative of a checked report: everything outside the tables' spans.
pub fn prose(ctx: &Context) -> Prose {
    let tables: Vec<Span> = [
        &ctx.report.tables.active,
        &ctx.report.tables.requests,
        &ctx.report.tables.reviews,
    ]
    .iter()
    .filter_map(|t| t.as_ref().map(|t| t.span))
    .filter(|s| !s.is_empty())
    .collect();
    build_prose(&ctx.view.text, |i| {
        let o = ctx.view.offset(i);
        tables.iter().any(|s| s.start <= o && o < s.end)
    })
}

/// A clause break (`\n`) unless there is one already.
fn boundary(p: &mut Prose, view_at: usize) {
    if !p.text.is_empty() && !p.text.ends_with('\n') {
        p.push('\n', view_at);
    }
}

/// Builds prose from view text; `in_table(i)` says whether view byte `i` is in a table.
pub fn build_prose(text: &str, in_table: impl Fn(usize) -> bool) -> Prose {
    let mut p = Prose::with_capacity(text.len());
    let mut line_start = 0usize;
    // Length in chars of the previous line kept (0 after a table or a heading break).
    let mut prev_len = 0usize;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        let t = line.trim();
        if t.is_empty() || crate::footer::is_page_footer(t) {
            continue;
        }
        let join = prev_len >= WRAP_LINE && !p.text.chars().next_back().is_some_and(is_terminator);
        if !join {
            boundary(&mut p, start);
        }
        let mut pending_space = false;
        let mut kept = 0usize;
        for (i, c) in line.char_indices() {
            let at = start + i;
            if in_table(at) {
                boundary(&mut p, at);
                kept = 0;
                pending_space = false;
                continue;
            }
            if c == ' ' || c == '\t' || c == '\r' {
                pending_space = true;
                continue;
            }
            if c == '*' {
                continue;
            }
            if pending_space
                && c.is_ascii_alphanumeric()
                && p.text
                    .chars()
                    .next_back()
                    .is_some_and(|l| l.is_ascii_alphanumeric())
            {
                p.push(' ', at);
            }
            pending_space = false;
            p.push(c, at);
            kept += 1;
        }
        prev_len = kept;
    }
    p
}

/// Where a clause ends.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '。' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '|' | '\t' | '[' | ']'
    )
}

/// Clauses as prose byte ranges. A comma between digits followed by three digits is a
/// thousands separator (`3,119件`), not a break.
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    split(text, is_clause_break)
}

/// Sentences (ending at `。；！？` or a line break) as prose byte ranges.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    split(text, |c| matches!(c, '\n' | '。' | ';' | '!' | '?'))
}

fn split(text: &str, brk: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        if brk(c) && !(c == ',' && thousands_comma(text, i)) {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if text.len() > start {
        out.push((start, text.len()));
    }
    out
}

fn thousands_comma(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + 1..).unwrap_or("");
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    before.is_some_and(|c| c.is_ascii_digit()) && digits == 3
}

/// A count written in the narrative: a whole number with its unit (`1件`, `3119件`, `46起`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub value: u64,
    pub unit: char,
    /// Prose byte range of the digits.
    pub start: usize,
    pub end: usize,
    /// Written with 余/多 (about, more than): not an exact figure.
    pub vague: bool,
}

/// Units a number of cases, requests or items comes with.
const UNITS: &[char] = &['件', '条', '起', '宗', '例', '个'];

/// The counts of `text` (offsets relative to `text`, plus `base`).
pub fn counts(text: &str, base: usize) -> Vec<Count> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut value: u64 = 0;
        loop {
            match bytes.get(j) {
                Some(b) if b.is_ascii_digit() => {
                    value = value.saturating_mul(10).saturating_add(u64::from(b - b'0'));
                    j += 1;
                }
                Some(b',') if thousands_comma(text, j) => j += 1,
                _ => break,
            }
        }
        i = j;
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        if before.is_some_and(|c| c == '.' || c == '第' || c.is_ascii_alphabetic() || c == '-') {
            continue;
        }
        let rest = text.get(j..).unwrap_or("");
        if rest.starts_with('.')
            && rest
                .get(1..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let (vague, rest) = match rest.strip_prefix(['余', '多']) {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let Some(unit) = rest.chars().next().filter(|c| UNITS.contains(c)) else {
            continue;
        };
        let after = rest.get(unit.len_utf8()..).unwrap_or("");
        if after.starts_with('次') {
            continue; // 件次: hotline tickets and the like
        }
        out.push(Count {
            value,
            unit,
            start: base + start,
            end: base + j,
            vague,
        });
    }
    out
}

pub fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| crate::chars::contains(s, w))
}

/// Whether the clause names a year other than the report's (a claim about another year).
fn other_year(clause: &str, year: Option<i32>) -> bool {
    let Some(y) = year else { return false };
    dates::years(clause).iter().any(|&(v, _, _)| v != y)
}

/// Words that make a clause a comparison or a running total, not this year's figure.
const NOT_THIS_YEAR: &[&str] = &[
    "同比",
    "较上年",
    "较去年",
    "比上年",
    "比去年",
    "较上一年",
    "去年",
    "累计",
    "以来",
    "历年",
    "增长",
    "下降",
    "减少",
    "增加",
    "上升",
];

/// What a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Requests received (table 三 `received`, or received + carried in).
    Requests,
    /// 行政复议 cases (table 四 `reconsideration` total).
    Reconsideration,
    /// 行政诉讼 cases (table 四 both litigation blocks' totals).
    Litigation,
    /// Requests carried over from last year (table 三 `carried_in`).
    CarriedIn,
    /// Requests carried over to next year (table 三 `carried_out`).
    CarriedOut,
}

/// Something the narrative states about a figure of the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub subject: Subject,
    /// The stated number, or `None` when the text says there were none (未收到, 没有发生).
    pub value: Option<u64>,
    pub unit: char,
    /// Prose range of the number, or of the words that say "none".
    pub start: usize,
    pub end: usize,
    /// Prose range of the clause, for quoting.
    pub clause: (usize, usize),
}

const RECEIVE: &[&str] = &["收到", "受理", "接收", "接到", "新收"];
const REQUEST_STOP: &[&str] = &[
    "复议",
    "诉讼",
    "起诉",
    "结转",
    "上年",
    "顺延",
    "办结",
    "答复",
    "其中",
    "咨询",
    "热线",
    "信访",
    "来电",
    "来信",
    "留言",
    "投诉",
    "工单",
    "办理结果",
    "予以公开",
    "不予",
    "意见",
    "建议",
    "提案",
    "举报",
    "政务服务",
    "办事事项",
    "审批",
    "许可",
    "除",
    "平均",
];
const NONE_MARKERS: &[&str] = &[
    "未收到",
    "没有收到",
    "未受理",
    "没有受理",
    "未接到",
    "未接收",
    "未发生",
    "没有发生",
    "未出现",
    "没有出现",
    "未产生",
    "未有",
    "暂无",
    "均未",
    "未被",
    "没有被",
    "无",
];

/// The claims of the narrative, in text order.
pub fn claims(prose: &Prose, year: Option<i32>) -> Vec<Claim> {
    let mut out = Vec::new();
    for (a, b) in clauses(&prose.text) {
        let clause = prose.slice(a, b);
        // Every claim is about requests (申请), reviews (复议, 诉讼) or carried-over requests
        // (结转, 顺延, 转入下年度): other clauses cannot make one, so they are not searched further.
        if !contains_any(
            clause,
            &["申请", "复议", "诉讼", "结转", "顺延", "下年度", "转入"],
        ) {
            continue;
        }
        if other_year(clause, year) || contains_any(clause, NOT_THIS_YEAR) {
            continue;
        }
        let cs = counts(clause, a);
        request_claims(clause, a, b, &cs, &mut out);
        review_claims(clause, a, b, &cs, &mut out);
        carried_claims(clause, a, b, &cs, &mut out);
    }
    out
}

/// Words that may stand between "none" and what there was none of: "没有发生因政府信息公开
/// 申请行政复议", "未收到任何政府信息公开申请", "未收到行政复议、依申请公开件".
const FILLER: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "行政复议",
    "行政诉讼",
    "工作",
    "因",
    "被",
    "申请",
    "提起",
    "提出",
    "引起",
    "引发",
    "提交",
    "相关",
    "任何",
    "公众",
    "群众",
    "的",
    "、",
    "和",
    "及",
    "或",
    "与",
    "案件",
    "事项",
];

/// Whether `gap` is made only of filler words.
fn only_filler(mut gap: &str) -> bool {
    while !gap.is_empty() {
        match FILLER.iter().find_map(|f| gap.strip_prefix(f)) {
            Some(rest) => gap = rest,
            None => return false,
        }
    }
    true
}

/// The nearest "none" marker before `at` in `clause` with only filler in between: its start.
fn none_before(clause: &str, at: usize) -> Option<usize> {
    let head = clause.get(..at)?;
    NONE_MARKERS
        .iter()
        .filter_map(|m| {
            let p = head.rfind(m)?;
            only_filler(head.get(p + m.len()..)?).then_some(p)
        })
        .max()
}

fn request_claims(clause: &str, a: usize, b: usize, cs: &[Count], out: &mut Vec<Claim>) {
    if cs.is_empty() {
        // "未收到依申请公开件", "本年度未收到政府信息公开申请".
        if contains_any(clause, &["除", "答复", "反馈", "投诉"]) {
            return;
        }
        let hit = ["依申请", "政府信息公开申请", "公开申请"]
            .iter()
            .filter_map(|k| clause.find(k).map(|p| (p, k.len(), *k)))
            .min_by_key(|x| x.0);
        let Some((p, klen, k)) = hit else { return };
        let tail = clause.get(p + klen..).unwrap_or("");
        // "因政府信息公开申请行政复议" is about reviews, not requests.
        let about_reviews = k != "依申请"
            && ["行政复议", "行政诉讼", "复议", "诉讼"]
                .iter()
                .any(|r| tail.starts_with(r));
        if about_reviews {
            return;
        }
        let Some(m_at) = none_before(clause, p) else {
            return;
        };
        out.push(Claim {
            subject: Subject::Requests,
            value: None,
            unit: '件',
            start: a + m_at,
            end: a + p + klen,
            clause: (a, b),
        });
        return;
    }
    let Some(v) = RECEIVE.iter().filter_map(|k| clause.find(k)).min() else {
        return;
    };
    let Some(c) = cs.iter().find(|c| c.start >= a + v) else {
        return;
    };
    let between = clause.get(v..c.start - a).unwrap_or("");
    let before = clause.get(..c.start - a).unwrap_or("");
    if c.vague
        || !crate::chars::contains(between, "申请")
        || !(crate::chars::contains(between, "公开") || crate::chars::contains(clause, "依申请"))
        || between.chars().count() > 24
        || contains_any(before, REQUEST_STOP)
        || contains_any(clause, &["件次", "人次"])
    {
        return;
    }
    out.push(Claim {
        subject: Subject::Requests,
        value: Some(c.value),
        unit: c.unit,
        start: c.start,
        end: c.end,
        clause: (a, b),
    });
}

const REVIEW_KEYWORDS: &[(&str, Subject)] = &[
    ("行政复议", Subject::Reconsideration),
    ("行政诉讼", Subject::Litigation),
];

/// Characters allowed between a keyword and its number ("行政复议案件共2件").
fn review_gap_ok(gap: &str) -> bool {
    gap.chars().count() <= 8
        && gap
            .chars()
            .all(|c| "案件申请的共合总计为各类事项数量达有均是宗起被".contains(c))
}

fn review_claims(clause: &str, a: usize, b: usize, cs: &[Count], out: &mut Vec<Claim>) {
    if cs.is_empty() {
        review_none(clause, a, b, out);
        return;
    }
    if contains_any(
        clause,
        &[
            "直接起诉",
            "复议后",
            "未经复议",
            "其中",
            "除",
            "败诉",
            "胜诉",
            "出庭",
            "应诉",
            "上年",
            "上一年",
            "前年",
        ],
    ) {
        return;
    }
    for (k, subject) in REVIEW_KEYWORDS {
        let Some(at) = clause.find(k) else { continue };
        let end = at + k.len();
        let Some(c) = cs.iter().find(|c| c.start >= a + end) else {
            continue;
        };
        let mut gap = clause.get(end..c.start - a).unwrap_or("");
        // "行政复议、行政诉讼各1件": both; "行政复议、行政诉讼3件": together, so neither.
        let mut joined = false;
        for (other, _) in REVIEW_KEYWORDS {
            for j in ["、", "和", "及", "与", ""] {
                let pre = format!("{j}{other}");
                if other != k {
                    if let Some(r) = gap.strip_prefix(pre.as_str()) {
                        gap = r;
                        joined = true;
                    }
                    let before = clause.get(..at).unwrap_or("");
                    if !j.is_empty() && before.ends_with(&format!("{other}{j}")) {
                        joined = true;
                    }
                }
            }
        }
        if joined && !(gap.contains('各') || gap.contains('均')) {
            continue;
        }
        if c.vague || !review_gap_ok(gap) {
            continue;
        }
        out.push(Claim {
            subject: *subject,
            value: Some(c.value),
            unit: c.unit,
            start: c.start,
            end: c.end,
            clause: (a, b),
        });
    }
}

/// "也没有发生因政府信息公开申请行政复议、行政诉讼的情况", "未收到行政复议、依申请公开件".
fn review_none(clause: &str, a: usize, b: usize, out: &mut Vec<Claim>) {
    if contains_any(
        clause,
        &[
            "除",
            "结果",
            "审结",
            "维持",
            "纠正",
            "败诉",
            "决定",
            "直接起诉",
            "复议后",
        ],
    ) {
        return;
    }
    for (k, subject) in REVIEW_KEYWORDS {
        let Some(p) = clause.find(k) else { continue };
        let Some(m_at) = none_before(clause, p) else {
            continue;
        };
        out.push(Claim {
            subject: *subject,
            value: None,
            unit: '件',
            start: a + m_at,
            end: a + p + k.len(),
            clause: (a, b),
        });
    }
}

const CARRIED_OUT: &[&str] = &[
    "结转下年度",
    "结转到下年度",
    "结转至下年度",
    "结转下一年度",
    "结转至下一年度",
    "结转到下一年度",
    "顺延到下年度",
    "顺延至下年度",
    "转入下年度",
    "下年度继续办理",
];
const CARRIED_IN: &[&str] = &["上年结转", "上年度结转", "上一年度结转", "结转上年"];

fn carried_claims(clause: &str, a: usize, b: usize, cs: &[Count], out: &mut Vec<Claim>) {
    let [c] = cs else { return };
    if c.vague || !matches!(c.unit, '件' | '条' | '个') {
        return;
    }
    let subject = if contains_any(clause, CARRIED_OUT) {
        Subject::CarriedOut
    } else if contains_any(clause, CARRIED_IN) {
        Subject::CarriedIn
    } else {
        return;
    };
    // Not a sum with other figures ("上年结转的申请与本年新收申请合计12件").
    if contains_any(
        clause,
        &[
            "复议",
            "诉讼",
            "比",
            "较",
            "办结率",
            "合计",
            "共",
            "总计",
            "新收",
            "本年",
            "与",
            "和",
            "加",
            "及",
        ],
    ) {
        return;
    }
    out.push(Claim {
        subject,
        value: Some(c.value),
        unit: c.unit,
        start: c.start,
        end: c.end,
        clause: (a, b),
    });
}

/// A total and the parts listed after it: "共…N件，其中A x件，B y件".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub total: Count,
    /// Each part with the prose range of its clause (its label).
    pub parts: Vec<(Count, (usize, usize))>,
}

/// Words that say a part is not a plain share of the total.
const PART_STOP: &[&str] = &[
    "同比", "增长", "减少", "增加", "下降", "上升", "较", "比", "累计", "以来", "占", "平均", "率",
    "另", "此外", "余", "约", "近", "超过", "以上", "以下", "不足",
];

/// Totals followed by `其中` and their parts, sentence by sentence.
pub fn breakdowns(prose: &Prose) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (s, e) in sentences(&prose.text) {
        let sentence = prose.slice(s, e);
        let mut from = 0usize;
        while let Some(p) = sentence.get(from..).and_then(|r| r.find("其中")) {
            let at = from + p;
            from = at + "其中".len();
            if let Some(b) = breakdown_at(sentence, s, at) {
                out.push(b);
            }
        }
    }
    out
}

fn breakdown_at(sentence: &str, base: usize, at: usize) -> Option<Breakdown> {
    // The total: the last count of the clause right before 其中.
    let head = sentence.get(..at)?;
    let head = head.strip_suffix(',').unwrap_or(head);
    // Look back at most 80 characters, so many 其中 in one sentence stay linear; a longer
    // clause is no plain "共…N件" anyway.
    let (clause_start, c) = head
        .char_indices()
        .rev()
        .take(80)
        .find(|&(i, c)| is_clause_break(c) || i == 0)?;
    let clause_start = if is_clause_break(c) {
        clause_start + c.len_utf8()
    } else {
        clause_start
    };
    let total_clause = head.get(clause_start..)?;
    if contains_any(total_clause, PART_STOP) || contains_any(total_clause, &["超过", "逾"]) {
        return None;
    }
    let total = *counts(total_clause, base + clause_start).last()?;
    if total.vague {
        return None;
    }
    // The parts: up to the next 其中 or a bracket.
    let rest_start = at + "其中".len();
    let rest = sentence.get(rest_start..)?;
    // One pass that stops at the first of them, so many 其中 in one sentence stay linear.
    let rest_end = rest
        .char_indices()
        .find(|&(i, c)| {
            c == '(' || c == ')' || rest.get(i..).is_some_and(|r| r.starts_with("其中"))
        })
        .map_or(rest.len(), |(i, _)| i);
    let rest = rest.get(..rest_end)?;
    let mut parts = Vec::new();
    for (ca, cb) in clauses(rest) {
        let clause = rest.get(ca..cb)?;
        let cs = counts(clause, base + rest_start + ca);
        if cs.is_empty() {
            continue;
        }
        if contains_any(clause, PART_STOP) || clause.contains('%') {
            return None;
        }
        for c in cs {
            if c.vague {
                return None;
            }
            if c.unit == total.unit {
                parts.push((c, (base + rest_start + ca, base + rest_start + cb)));
            }
        }
    }
    (!parts.is_empty()).then_some(Breakdown { total, parts })
}

/// The four results of a table 四 block, as written in sentences.
pub const REVIEW_RESULTS: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结"];

/// The parts of a table 四 block, by column key.
pub const REVIEW_PARTS: &[&str] = &["upheld", "corrected", "other", "pending"];

/// A total cell's value, or the sum of its parts when the total is blank.
pub fn total_or_sum(table: &Table, row: &str, parts: &[&str]) -> Option<(i64, Option<Span>)> {
    let r = table.row(row)?;
    let total = r.cell("total");
    match total {
        Some(c) if !c.is_blank() => Some((c.int(), Some(c.span))),
        _ => {
            let sum = parts
                .iter()
                .filter_map(|k| r.cell(k))
                .map(Cell::int)
                .sum::<i64>();
            Some((sum, total.map(|c| c.span)))
        }
    }
}

/// A clause short enough to quote in a message, as written in the original (full-width
/// punctuation kept), without line breaks, spaces or markdown asterisks.
pub fn quote(ctx: &Context, prose: &Prose, clause: (usize, usize)) -> Option<String> {
    let s: String = ctx
        .slice(prose.span(ctx.view, clause.0, clause.1))
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect();
    let n = s.chars().count();
    ((2..=40).contains(&n) && s.chars().any(is_han)).then_some(s)
}

/// Test reports: a 2021-template report whose narrative and figures a test chooses.
#[cfg(test)]
pub(crate) mod fixture {
    /// What a test report says and holds.
    pub struct Spec {
        pub title: String,
        pub preamble: String,
        pub overview: String,
        pub problems: String,
        pub other: String,
        pub signature: String,
        /// 表三 totals (all in the 自然人 column).
        pub received: u64,
        pub carried_in: u64,
        pub carried_out: u64,
        pub unpaid_fee: u64,
        /// 表四: 复议, 直接起诉, 复议后起诉 — each block's (upheld, corrected, other, pending).
        pub reviews: [[u64; 4]; 3],
    }

    impl Default for Spec {
        fn default() -> Self {
            Spec {
                title: "测试街道办事处2023年政府信息公开工作年度报告".into(),
                preamble: String::new(),
                overview: "2023年,测试街道认真做好政府信息公开工作。".into(),
                problems: "一是公开意识有待增强。".into(),
                other: "本机关未收取信息处理费。".into(),
                signature: String::new(),
                received: 0,
                carried_in: 0,
                carried_out: 0,
                unpaid_fee: 0,
                reviews: [[0; 4]; 3],
            }
        }
    }

    const REQUEST_ROWS: &[&str] = &[
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果 | (一)予以公开",
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        "(三)不予公开 | 1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "(四)无法提供 | 1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "(五)不予处理 | 1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "(七)总计",
        "四、结转下年度继续办理",
    ];

    pub fn report(s: &Spec) -> String {
        let mut t = String::new();
        t.push_str(&s.title);
        t.push('\n');
        if !s.preamble.is_empty() {
            t.push_str(&s.preamble);
            t.push('\n');
        }
        t.push_str("一、总体情况\n");
        t.push_str(&s.overview);
        t.push_str("\n二、主动公开政府信息情况\n");
        t.push_str(
            "第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n",
        );
        t.push_str("规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |\n");
        t.push_str("第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 0 | ||\n");
        t.push_str("第二十条第(六)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政处罚 | 0 | ||\n行政强制 | 0 | ||\n");
        t.push_str("第二十条第(八)项 | |||\n信息内容 | 本年收费金额(单位:万元) | ||\n行政事业性收费 | 0 | ||\n");
        t.push_str("三、收到和处理政府信息公开申请情况\n");
        t.push_str("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n");
        t.push_str("自然人 | 法人或其他组织 | 总计 | |||||||\n");
        t.push_str("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n");
        let results = (s.received + s.carried_in).saturating_sub(s.carried_out);
        let granted = results.saturating_sub(s.unpaid_fee);
        for (i, label) in REQUEST_ROWS.iter().enumerate() {
            let v = match i {
                0 => s.received,
                1 => s.carried_in,
                2 => granted,
                21 => s.unpaid_fee,
                23 => results,
                24 => s.carried_out,
                _ => 0,
            };
            t.push_str(&format!("{label} | {v} | 0 | 0 | 0 | 0 | 0 | {v} | ||\n"));
        }
        t.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        t.push_str("行政复议 | 行政诉讼 | |||||||||||||\n");
        t.push_str("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||\n");
        t.push_str("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||\n");
        let mut cells = Vec::new();
        for block in &s.reviews {
            cells.extend(block.iter().map(|v| v.to_string()));
            cells.push(block.iter().sum::<u64>().to_string());
        }
        t.push_str(&cells.join(" | "));
        t.push_str(" |\n五、存在的主要问题及改进情况\n");
        t.push_str(&s.problems);
        t.push_str("\n六、其他需要报告的事项\n");
        t.push_str(&s.other);
        t.push('\n');
        if !s.signature.is_empty() {
            t.push_str(&s.signature);
            t.push('\n');
        }
        t
    }

    /// The codes of a check, in order.
    pub fn codes(text: &str, code: crate::registry::Code) -> Vec<crate::diagnostic::Diagnostic> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(t: &str) -> Prose {
        build_prose(&crate::view::View::new(t).text, |_| false)
    }

    #[test]
    fn pdf_wraps_are_joined_and_footers_dropped() {
        let t = "2024 年，全市共受理政府信息公开申请 3119 件，答\n\n- 1 -\n\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n\n答复）。\n一、总体情况\n";
        let p = prose(t);
        assert!(p.text.contains("答复3050件"), "{}", p.text);
        assert!(p.text.contains("顺延到下年度答复"), "{}", p.text);
        assert!(p.text.contains("。\n一、总体情况"), "{}", p.text);
        let cl = claims(&p, Some(2024));
        let got: Vec<_> = cl.iter().map(|c| (c.subject, c.value)).collect();
        assert_eq!(
            got,
            vec![
                (Subject::Requests, Some(3119)),
                (Subject::CarriedIn, Some(34)),
                (Subject::CarriedOut, Some(103)),
            ]
        );
        // The span maps back to the digits.
        let c = &cl[0];
        let r = p.view_range(c.start, c.end);
        let view = crate::view::View::new(t);
        let s = view.span_of(r);
        assert_eq!(&t[s.start..s.end], "3119");
    }

    #[test]
    fn short_lines_are_not_joined() {
        let p = prose("(二)依申请公开情况\n共收到依申请公开1件,已办结。");
        assert_eq!(p.text, "(二)依申请公开情况\n共收到依申请公开1件,已办结。");
    }

    #[test]
    fn counts_need_a_unit_and_skip_hotline_tickets() {
        let c = counts(
            "工单1865件次,报道1次,信息182余条,申请3,119件,第5条,1.5件",
            0,
        );
        let got: Vec<_> = c.iter().map(|c| (c.value, c.vague)).collect();
        assert_eq!(got, vec![(182, true), (3119, false)]);
    }

    fn subjects(t: &str) -> Vec<(Subject, Option<u64>)> {
        claims(&prose(t), Some(2023))
            .iter()
            .map(|c| (c.subject, c.value))
            .collect()
    }

    #[test]
    fn seed_sentences() {
        assert_eq!(
            subjects("2023年慈音街道办收到行政诉讼1条,未收到行政复议、依申请公开件。"),
            vec![
                (Subject::Litigation, Some(1)),
                (Subject::Requests, None),
                (Subject::Reconsideration, None),
            ]
        );
        assert_eq!(
            subjects("也没有发生因政府信息公开申请行政复议、行政诉讼件。"),
            vec![
                (Subject::Reconsideration, None),
                (Subject::Litigation, None)
            ]
        );
        assert_eq!(
            subjects("2023年,办事处共收到依申请公开1件,已办结。"),
            vec![(Subject::Requests, Some(1))]
        );
    }

    #[test]
    fn things_that_are_not_claims() {
        for t in [
            "被中央级主流媒体报道1次",
            "发布信息182余条",
            "共办理回复12345公众服务热线工单1865件次,办结率100%",
            "2022年收到申请5件",
            "较上年收到申请5件",
            "其中通过网上收到申请3件",
            "行政复议、行政诉讼3件",
            "复议后起诉2件",
            "行政诉讼案件中败诉1件",
            "办结率100%",
            "未收到公众申请要求公开的其他政府方面信息",
            "行政复议结果未发生变化",
            "无正当理由大量反复申请",
            "无正当理由大量反复申请行政复议",
            "受理政务服务申请事项5000件",
            "收到申请5件",
            "未收到公众提出的意见和行政复议决定",
        ] {
            assert_eq!(subjects(t), vec![], "{t}");
        }
    }

    #[test]
    fn none_claims_with_filler_words() {
        assert_eq!(
            subjects("未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况"),
            vec![
                (Subject::Reconsideration, None),
                (Subject::Litigation, None)
            ]
        );
        assert_eq!(
            subjects("本年度没有收到任何政府信息公开申请"),
            vec![(Subject::Requests, None)]
        );
        assert_eq!(
            subjects("无论何时,未发生行政复议"),
            vec![(Subject::Reconsideration, None)]
        );
    }

    #[test]
    fn department_style_sentences() {
        assert_eq!(
            subjects("2023年,本机关共收到政府信息公开申请15件,其中当面申请2件,网上申请13件;上年结转1件。"),
            vec![(Subject::Requests, Some(15)), (Subject::CarriedIn, Some(1))]
        );
        assert_eq!(
            subjects("全年未发生因政府信息公开引起的行政复议和行政诉讼案件。"),
            vec![
                (Subject::Reconsideration, None),
                (Subject::Litigation, None)
            ]
        );
        assert_eq!(
            subjects("本年度发生政府信息公开行政复议案件1件、行政诉讼案件2件。"),
            vec![
                (Subject::Reconsideration, Some(1)),
                (Subject::Litigation, Some(2))
            ]
        );
        assert_eq!(
            subjects("行政复议、行政诉讼案件均为0件。"),
            vec![
                (Subject::Reconsideration, Some(0)),
                (Subject::Litigation, Some(0))
            ]
        );
    }

    #[test]
    fn joint_review_counts() {
        assert_eq!(
            subjects("因政府信息公开申请行政复议、行政诉讼各1件"),
            vec![
                (Subject::Reconsideration, Some(1)),
                (Subject::Litigation, Some(1))
            ]
        );
        assert_eq!(
            subjects("针对具体问题，政府信息公开行政复议 351\n件"),
            vec![(Subject::Reconsideration, Some(351))]
        );
    }

    #[test]
    fn breakdowns_are_read_within_a_sentence() {
        let p = prose("政府信息公开行政复议351件,其中结果维持72件,结果纠正64件,其他结果178件,尚未审结37件;政府信息公开行政诉讼46件,其中结果维持25件。");
        let b = breakdowns(&p);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].total.value, 351);
        assert_eq!(b[0].parts.len(), 4);
        assert_eq!(b[1].total.value, 46);
        assert_eq!(b[1].parts.len(), 1);
    }
}

#[cfg(test)]
mod fixture_tests {
    use super::fixture::*;

    #[test]
    fn the_fixture_is_read_as_written() {
        let s = Spec {
            received: 5,
            carried_in: 2,
            carried_out: 1,
            unpaid_fee: 1,
            reviews: [[1, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 3]],
            ..Spec::default()
        };
        let c = crate::check(&report(&s));
        let r = c.report.tables.requests.as_ref().expect("表三");
        let total = |row: &str| r.cell(row, "total").map(|c| c.int());
        assert_eq!(total("received"), Some(5));
        assert_eq!(total("carried_in"), Some(2));
        assert_eq!(total("results_total"), Some(6));
        assert_eq!(total("carried_out"), Some(1));
        assert_eq!(total("other_unpaid_fee"), Some(1));
        let v = c.report.tables.reviews.as_ref().expect("表四");
        assert_eq!(v.cell("reconsideration", "total").map(|c| c.int()), Some(2));
        assert_eq!(
            v.cell("litigation_direct", "total").map(|c| c.int()),
            Some(1)
        );
        assert_eq!(
            v.cell("litigation_after_reconsideration", "total")
                .map(|c| c.int()),
            Some(3)
        );
        assert_eq!(c.report.year.map(|y| y.value), Some(2023));
        assert_eq!(c.report.sections.len(), 6);
    }
}

/// The acceptance test: on the five seeds and the corpus, the codes of this rule set at warning
/// and error level are exactly the expected ones (seeds-expected.md, corpus/README.md).
#[cfg(test)]
mod acceptance {
    use super::{build_prose, claims, Subject};
    use crate::registry::{Code, Severity};

    pub(super) const MINE: &[Code] = &[
        Code::S06,
        Code::N01,
        Code::N02,
        Code::N03,
        Code::N04,
        Code::M01,
        Code::M02,
        Code::M03,
        Code::M04,
        Code::L01,
        Code::L02,
        Code::L03,
        Code::L04,
        Code::C01,
        Code::X01,
    ];

    const FILES: &[(&str, &str, &[&str])] = &[
        (
            "000",
            include_str!("../../../../../shared/seeds/000_0396a1651b83a830.txt"),
            &[],
        ),
        (
            "001",
            include_str!("../../../../../shared/seeds/001_bafcd2ea084bb138.txt"),
            &[],
        ),
        (
            "002",
            include_str!("../../../../../shared/seeds/002_23d160e7ec491542.txt"),
            &["L01", "N02"],
        ),
        (
            "003",
            include_str!("../../../../../shared/seeds/003_2203413ca7ac2a79.txt"),
            &[],
        ),
        (
            "004",
            include_str!("../../../../../shared/seeds/004_87f7c85504457707.txt"),
            &[],
        ),
        (
            "huaian",
            include_str!("../../../../../shared/corpus/huaian-city-2024.pdf-text.txt"),
            &["L02"],
        ),
        (
            "city",
            include_str!("../../../../../shared/corpus/city-2025-web-page.html"),
            &[],
        ),
    ];

    #[test]
    fn seeds_and_corpus_give_exactly_the_expected_codes() {
        for (name, text, expected) in FILES {
            let checked = crate::check(text);
            let mut got: Vec<&str> = checked
                .diagnostics
                .iter()
                .filter(|d| MINE.contains(&d.code) && d.severity != Severity::Info)
                .map(|d| d.code.as_str())
                .collect();
            got.sort();
            assert_eq!(&got, expected, "{name}: {:#?}", checked.diagnostics);
        }
    }

    #[test]
    fn x01_is_one_info_finding_per_kind_on_the_seeds() {
        for (name, n) in [("000", 1), ("001", 1), ("002", 0), ("003", 0), ("004", 0)] {
            let text = FILES
                .iter()
                .find(|f| f.0 == name)
                .map(|f| f.1)
                .unwrap_or("");
            let x = crate::check(text)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == Code::X01)
                .count();
            assert_eq!(x, n, "{name}");
        }
    }

    #[test]
    fn seed_002_lawsuit_points_at_the_number() {
        let text = FILES[2].1;
        let d: Vec<_> = crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::N02)
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.start..d[0].span.end], "1");
        assert!(text[..d[0].span.end].ends_with("收到行政诉讼1"));
    }

    /// Silence on huaian is agreement, not blindness: its figures are read and match.
    #[test]
    fn huaian_narrative_figures_are_read() {
        let text = FILES[5].1;
        let view = crate::view::View::new(text);
        let prose = build_prose(&view.text, |_| false);
        let got: Vec<_> = claims(&prose, Some(2024))
            .iter()
            .map(|c| (c.subject, c.value))
            .collect();
        for want in [
            (Subject::Requests, Some(3119)),
            (Subject::CarriedIn, Some(34)),
            (Subject::CarriedOut, Some(103)),
            (Subject::Reconsideration, Some(351)),
            (Subject::Litigation, Some(46)),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        assert_eq!(super::breakdowns(&prose).len(), 2);
    }
}

/// No input makes this rule set panic, and pathological repetition stays fast.
#[cfg(test)]
mod robustness {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics(s in "[0-9年月日件条起其中共我本局街道镇〔〕\\[\\]()（）<>/&#;:,，。；、\\n *|\t收到受理申请依行政复议诉讼未无没有发生六、其他需要报告的事项统计期限国办公开办函号部分全文包括组成bookmarkspn-]{0,300}") {
            let c = crate::check(&s);
            for d in &c.diagnostics {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= s.len());
                prop_assert!(s.is_char_boundary(d.span.start) && s.is_char_boundary(d.span.end));
            }
        }
    }

    /// Only this rule set runs here, so the bound measures these rules.
    #[test]
    fn repetition_stays_linear() {
        let others: Vec<_> = crate::registry::ALL_CODES
            .iter()
            .copied()
            .filter(|c| !super::acceptance::MINE.contains(c))
            .collect();
        let options = crate::Options { disabled: others };
        for unit in [
            "其中",
            "其中1件",
            "共1件,其中自然人1件,",
            "其中\n",
            "我",
            "我局",
            "<a",
            "&nbsp",
            "**",
            "2023年",
            "20231年",
            "收到申请",
            "收到申请1件,",
            "未收到",
            "行政复议、",
            "〔2019〕60号",
            "统计期限",
            "年报包括三部分",
        ] {
            let big = format!(
                "测试街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n共10件,{}\n六、其他需要报告的事项\n无。",
                unit.repeat(5_000)
            );
            let t = std::time::Instant::now();
            let _ = crate::check_with(&big, &options);
            assert!(t.elapsed().as_secs() < 10, "{unit}: {:?}", t.elapsed());
        }
    }
}
