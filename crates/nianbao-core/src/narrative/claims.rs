//! Claims the narrative makes about figures of the tables, in the sentences real reports use:
//! requests received (收到…申请…件, 未收到), reviews and suits (行政复议…件, 行政诉讼…起), requests
//! carried over, results of requests (予以公开及部分公开…件, 无法提供…件, 办结…件) and outcomes of
//! reviews (均获维持, 全部胜诉, 未被纠错).
//!
//! Claims are read clause by clause (a clause ends at `，。；：（）` and line breaks): a number
//! only belongs to a keyword in the same clause, so "被中央级主流媒体报道1次" or "发布信息182余条"
//! never count as requests or lawsuits, and a clause must hold one count to be read. Clauses
//! about another year, a comparison (同比, 较上年) or a running total (累计, 以来) are not claims
//! about this year's tables. A negative sentence about something else (未发生…被复议纠错) is
//! not a claim that there were no requests.

use super::counts::{counts, Count};
use super::prose::{clauses, contains_any, Prose, Sentence};
use crate::dates;

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
    /// Results of requests (table 三 rows (一) to (七)).
    Result(Outcome),
    /// How reviews or suits ended (table 四 corrected and pending cells).
    Review(ReviewOutcome, Reviews),
}

/// A result of requests as the narrative names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 予以公开及部分公开: granted + partly_granted.
    GrantedOrPartly,
    /// 予以公开: granted.
    Granted,
    /// 部分公开: partly_granted.
    Partly,
    /// 不予公开: the (三) block.
    Denied,
    /// 无法提供: the (四) block.
    Unable,
    /// 不予处理: the (五) block.
    NotProcessed,
    /// 办结, 答复: (七) results_total.
    Answered,
}

impl Outcome {
    /// The words the narrative and the messages use.
    pub fn zh(self) -> &'static str {
        match self {
            Outcome::GrantedOrPartly => "予以公开及部分公开",
            Outcome::Granted => "予以公开",
            Outcome::Partly => "部分公开",
            Outcome::Denied => "不予公开",
            Outcome::Unable => "无法提供",
            Outcome::NotProcessed => "不予处理",
            Outcome::Answered => "办结",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Outcome::GrantedOrPartly => "granted in full or in part",
            Outcome::Granted => "granted",
            Outcome::Partly => "partly granted",
            Outcome::Denied => "refused",
            Outcome::Unable => "unable to provide",
            Outcome::NotProcessed => "not processed",
            Outcome::Answered => "answered",
        }
    }
}

/// Which reviews an outcome claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviews {
    Reconsideration,
    Litigation,
    Both,
}

/// How reviews ended, as the narrative states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    /// 均获维持, 全部胜诉: none corrected, none pending.
    AllUpheld,
    /// 未被纠错, 无败诉: none corrected.
    NoneCorrected,
}

/// Applicant column a claim names (表三), when it names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicant {
    /// 总计: the sentence names no applicant type.
    All,
    /// One column by key (natural_person, commercial …).
    Column(&'static str),
    /// 法人或其他组织: the five organisation columns.
    Organisations,
}

/// Applicant types as sentences name them, longest first.
const APPLICANTS: &[(&str, Applicant)] = &[
    ("法人或其他组织", Applicant::Organisations),
    ("法人和其他组织", Applicant::Organisations),
    ("法律服务机构", Applicant::Column("legal_service")),
    ("社会公益组织", Applicant::Column("public_interest")),
    ("科研机构", Applicant::Column("research")),
    ("商业企业", Applicant::Column("commercial")),
    ("自然人", Applicant::Column("natural_person")),
    ("法人", Applicant::Organisations),
];

fn applicant_in(s: &str) -> Option<Applicant> {
    APPLICANTS
        .iter()
        .find(|(w, _)| crate::chars::contains(s, w))
        .map(|&(_, a)| a)
}

/// Something the narrative states about a figure of the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub subject: Subject,
    /// The stated number, or `None` when the text says there were none (未收到, 没有发生) or
    /// states an outcome (均获维持).
    pub value: Option<u64>,
    pub unit: char,
    /// Prose range of the number, or of the words that say "none" or the outcome.
    pub start: usize,
    pub end: usize,
    /// Prose range of the clause, for quoting.
    pub clause: (usize, usize),
    /// Table 三's column the claim is about.
    pub applicant: Applicant,
    /// Who the sentence says received or handled the requests, when it is not the report's
    /// own body in general (`区政府办代表区政府`, `全市`): prose range.
    pub scope: Option<(usize, usize)>,
    /// The verb the sentence uses (受理, 收到…), for messages that keep its wording.
    pub verb: &'static str,
}

impl Claim {
    fn new(
        subject: Subject,
        value: Option<u64>,
        unit: char,
        at: (usize, usize),
        clause: (usize, usize),
    ) -> Claim {
        Claim {
            subject,
            value,
            unit,
            start: at.0,
            end: at.1,
            clause,
            applicant: Applicant::All,
            scope: None,
            verb: "",
        }
    }
}

/// Whether the clause names a year other than the report's (a claim about another year).
pub fn other_year(clause: &str, year: Option<i32>) -> bool {
    let Some(y) = year else { return false };
    dates::years(clause).iter().any(|&(v, _, _)| v != y)
}

/// Words that make a clause a comparison or a running total, not this year's figure.
pub const NOT_THIS_YEAR: &[&str] = &[
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

/// Words that make a sentence a plan or a wish, not a statement of this year's figures.
pub const PLANS: &[&str] = &["将", "计划", "拟", "力争", "预计", "下一步", "明年"];

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

/// The claims of the narrative, in text order (`sentences` are the prose's).
pub fn claims(prose: &Prose, sentences: &[Sentence], year: Option<i32>) -> Vec<Claim> {
    let mut out = Vec::new();
    for st in sentences {
        let (s, sentence) = (st.start, st.text);
        // Every claim is about requests (申请), reviews (复议, 诉讼) or carried-over requests
        // (结转, 顺延, 转入下年度): other sentences cannot make one.
        if !st.contains_any(&["申请", "复议", "诉讼", "结转", "顺延", "下年度", "转入"])
        {
            continue;
        }
        let plan = st.contains_any(PLANS);
        let names_applicant = APPLICANTS.iter().any(|(w, _)| st.contains_any(&[w]));
        let before = out.len();
        for (ca, cb) in clauses(sentence) {
            let (a, b) = (s + ca, s + cb);
            let clause = prose.slice(a, b);
            if other_year(clause, year) || st.part_contains_any(clause, NOT_THIS_YEAR) || plan {
                continue;
            }
            let cs = counts(clause, a);
            request_claims(clause, a, b, &cs, &mut out);
            review_claims(clause, a, b, &cs, &mut out);
            carried_claims(clause, a, b, &cs, &mut out);
            result_claims(clause, a, b, &cs, sentence, names_applicant, &mut out);
        }
        if !plan && !other_year(sentence, year) {
            outcome_claims(sentence, s, &mut out);
        }
        // A sentence that names no request at all cannot state their results.
        if !st.contains_any(&["申请"]) {
            let mut i = before;
            while i < out.len() {
                if matches!(out.get(i).map(|c| c.subject), Some(Subject::Result(_))) {
                    out.remove(i);
                } else {
                    i += 1;
                }
            }
        }
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
            let p = crate::chars::rfind(head, m)?;
            only_filler(head.get(p + m.len()..)?).then_some(p)
        })
        .max()
}

/// Words of a clause that say it is about how reviews ended, not about requests.
const REVIEW_WORDS: &[&str] = &["复议", "诉讼", "纠错", "败诉", "胜诉", "起诉"];

/// Self-references and time words before the verb: the report's own body, this year.
const OWN: &[&str] = &[
    "本机关",
    "本单位",
    "我单位",
    "本部门",
    "我部门",
    "我局",
    "本局",
    "我办",
    "本办",
    "我委",
    "本委",
    "我院",
    "我镇",
    "本镇",
    "我乡",
    "本乡",
    "我街道",
    "本街道",
    "我区",
    "我县",
    "我市",
    "全年",
    "本年度",
    "本年",
    "年度内",
    "年内",
    "今年",
    "共计",
    "共",
    "合计",
    "总计",
    "累计",
    "依法",
    "已",
    "均",
    "年度",
    "度",
    "年",
    "新",
    "及时",
    "依申请公开",
    "政府信息公开",
];

/// The actor a sentence puts before its verb, when it is not the report's own body: the
/// prose range of `区政府办代表区政府` in `区政府办代表区政府受理…`.
fn scope_before(clause: &str, verb_at: usize, base: usize) -> Option<(usize, usize)> {
    let head = clause.get(..verb_at)?;
    // Years and punctuation are not actors.
    let mut start = 0usize;
    let mut rest = head;
    loop {
        let t = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let t = OWN.iter().find_map(|w| t.strip_prefix(w)).unwrap_or(t);
        if t.len() == rest.len() {
            break;
        }
        start += rest.len() - t.len();
        rest = t;
    }
    let actor = rest.trim_end_matches(['共', '依', '法']);
    let n = actor.chars().count();
    // Only an actor that changes what is counted: one body on behalf of another, a whole
    // area or system (全市, 各部门), several bodies together.
    let changes_scope = actor.contains("代表")
        || actor.starts_with(['全', '各'])
        || actor.contains(['及', '和', '、']);
    ((2..=20).contains(&n)
        && changes_scope
        && actor.chars().all(|c| crate::chars::is_han(c) || c == '、'))
    .then_some((base + start, base + start + actor.len()))
}

fn request_claims(clause: &str, a: usize, b: usize, cs: &[Count], out: &mut Vec<Claim>) {
    if cs.is_empty() {
        // "未收到依申请公开件", "本年度未收到政府信息公开申请".
        if contains_any(clause, &["除", "答复", "反馈", "投诉"]) {
            return;
        }
        let hit = ["依申请", "政府信息公开申请", "公开申请"]
            .iter()
            .filter_map(|k| crate::chars::find(clause, k).map(|p| (p, k.len())))
            .min_by_key(|x| x.0);
        let Some((p, klen)) = hit else { return };
        let tail = clause.get(p..).unwrap_or("");
        // "因政府信息公开申请行政复议", "未发生因依申请公开被行政复议纠错": about reviews.
        if contains_any(tail, REVIEW_WORDS) {
            return;
        }
        let Some(m_at) = none_before(clause, p) else {
            return;
        };
        out.push(Claim::new(
            Subject::Requests,
            None,
            '件',
            (a + m_at, a + p + klen),
            (a, b),
        ));
        return;
    }
    let Some((v, verb)) = RECEIVE
        .iter()
        .filter_map(|k| crate::chars::find(clause, k).map(|p| (p, *k)))
        .min_by_key(|x| x.0)
    else {
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
    let mut claim = Claim::new(
        Subject::Requests,
        Some(c.value),
        c.unit,
        (c.start, c.end),
        (a, b),
    );
    claim.applicant = applicant_in(before).unwrap_or(Applicant::All);
    claim.scope = scope_before(clause, v, a);
    claim.verb = verb;
    out.push(claim);
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
        let Some(at) = crate::chars::find(clause, k) else {
            continue;
        };
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
        out.push(Claim::new(
            *subject,
            Some(c.value),
            c.unit,
            (c.start, c.end),
            (a, b),
        ));
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
            "纠错",
            "败诉",
            "决定",
            "直接起诉",
            "复议后",
        ],
    ) {
        return;
    }
    for (k, subject) in REVIEW_KEYWORDS {
        let Some(p) = crate::chars::find(clause, k) else {
            continue;
        };
        let Some(m_at) = none_before(clause, p) else {
            continue;
        };
        out.push(Claim::new(
            *subject,
            None,
            '件',
            (a + m_at, a + p + k.len()),
            (a, b),
        ));
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
    out.push(Claim::new(
        subject,
        Some(c.value),
        c.unit,
        (c.start, c.end),
        (a, b),
    ));
}

/// Result words, longest first, with what they name.
const RESULTS: &[(&str, Outcome)] = &[
    ("予以公开及部分公开", Outcome::GrantedOrPartly),
    ("予以公开和部分公开", Outcome::GrantedOrPartly),
    ("予以公开或部分公开", Outcome::GrantedOrPartly),
    ("公开及部分公开", Outcome::GrantedOrPartly),
    ("全部或部分公开", Outcome::GrantedOrPartly),
    ("予以公开", Outcome::Granted),
    ("同意公开", Outcome::Granted),
    ("部分公开", Outcome::Partly),
    ("不予公开", Outcome::Denied),
    ("无法提供", Outcome::Unable),
    ("不予处理", Outcome::NotProcessed),
    ("办理完毕", Outcome::Answered),
    ("已办结", Outcome::Answered),
    ("办结", Outcome::Answered),
    ("答复", Outcome::Answered),
];

/// Words that make a result clause something else: a rate, a deadline, a subset by time.
const RESULT_STOP: &[&str] = &[
    "率",
    "按时",
    "按期",
    "逾期",
    "超期",
    "延期",
    "限内",
    "复议",
    "诉讼",
    "含",
    "另",
    "平均",
    "工作日",
    "天",
    "结转",
    "顺延",
    "转入",
];

/// "予以公开及部分公开5件", "无法提供2件", "办结12件": one result word, one count.
fn result_claims(
    clause: &str,
    a: usize,
    b: usize,
    cs: &[Count],
    sentence: &str,
    names_applicant: bool,
    out: &mut Vec<Claim>,
) {
    let [c] = cs else { return };
    if c.vague || !matches!(c.unit, '件' | '条' | '个') {
        return;
    }
    let head = clause.get(..c.start - a).unwrap_or("");
    let Some((at, outcome)) = RESULTS
        .iter()
        .find_map(|(w, o)| crate::chars::rfind(head, w).map(|p| (p + w.len(), *o)))
    else {
        return;
    };
    // The count follows its result word closely: "予以公开5件", "办结申请12件".
    let gap = head.get(at..).unwrap_or("");
    if gap.chars().count() > 8
        || !gap
            .chars()
            .all(|c| "政府信息公开申请的共计为有类件事项".contains(c))
    {
        return;
    }
    if contains_any(head, RESULT_STOP) || clause.contains('%') {
        return;
    }
    // Between the verb and the count nothing but filler: "部分公开" after "予以公开及" was
    // taken above as the joint result.
    let applicant = match applicant_in(clause) {
        Some(col) => col,
        None if names_applicant => return,
        None => Applicant::All,
    };
    let _ = sentence;
    let mut claim = Claim::new(
        Subject::Result(outcome),
        Some(c.value),
        c.unit,
        (c.start, c.end),
        (a, b),
    );
    claim.applicant = applicant;
    out.push(claim);
}

/// Outcome phrases with what they state.
const OUTCOMES: &[(&str, ReviewOutcome, Option<Reviews>)] = &[
    ("均获维持", ReviewOutcome::AllUpheld, None),
    ("均被维持", ReviewOutcome::AllUpheld, None),
    ("均予以维持", ReviewOutcome::AllUpheld, None),
    ("均维持", ReviewOutcome::AllUpheld, None),
    ("全部维持", ReviewOutcome::AllUpheld, None),
    (
        "全部胜诉",
        ReviewOutcome::AllUpheld,
        Some(Reviews::Litigation),
    ),
    (
        "均胜诉",
        ReviewOutcome::AllUpheld,
        Some(Reviews::Litigation),
    ),
    (
        "均获胜诉",
        ReviewOutcome::AllUpheld,
        Some(Reviews::Litigation),
    ),
    ("无被纠错", ReviewOutcome::NoneCorrected, None),
    ("未被纠错", ReviewOutcome::NoneCorrected, None),
    ("没有被纠错", ReviewOutcome::NoneCorrected, None),
    ("无纠错", ReviewOutcome::NoneCorrected, None),
    ("未被撤销", ReviewOutcome::NoneCorrected, None),
    (
        "无败诉",
        ReviewOutcome::NoneCorrected,
        Some(Reviews::Litigation),
    ),
    (
        "未败诉",
        ReviewOutcome::NoneCorrected,
        Some(Reviews::Litigation),
    ),
    (
        "没有败诉",
        ReviewOutcome::NoneCorrected,
        Some(Reviews::Litigation),
    ),
];

/// "行政复议2件，均获维持", "未发生因依申请公开被行政复议纠错或行政诉讼败诉情形": what the
/// sentence says about how its reviews ended. The reviews are the ones it names before the
/// phrase (复议, 诉讼 or both); a sentence that names neither says nothing about 表四.
fn outcome_claims(sentence: &str, base: usize, out: &mut Vec<Claim>) {
    if !contains_any(sentence, &["复议", "诉讼"]) {
        return;
    }
    // "未发生…被行政复议纠错或行政诉讼败诉": none corrected in either.
    for m in ["未发生", "没有发生", "未出现", "没有出现", "无"] {
        let Some(p) = crate::chars::find(sentence, m) else {
            continue;
        };
        let tail = sentence.get(p..).unwrap_or("");
        let end = tail
            .char_indices()
            .find(|&(_, c)| super::prose::is_clause_break(c))
            .map_or(tail.len(), |(i, _)| i);
        let tail = tail.get(..end).unwrap_or("");
        let recon = tail.contains("复议") && contains_any(tail, &["纠错", "纠正", "撤销"]);
        let lit = tail.contains("诉讼") && tail.contains("败诉");
        let which = match (recon, lit) {
            (true, true) => Reviews::Both,
            (true, false) => Reviews::Reconsideration,
            (false, true) => Reviews::Litigation,
            (false, false) => continue,
        };
        out.push(Claim::new(
            Subject::Review(ReviewOutcome::NoneCorrected, which),
            None,
            '件',
            (base + p, base + p + end),
            (base, base + sentence.len()),
        ));
        return;
    }
    for (w, outcome, fixed) in OUTCOMES {
        let Some(p) = crate::chars::find(sentence, w) else {
            continue;
        };
        let head = sentence.get(..p).unwrap_or("");
        let which = fixed.or_else(|| match (head.contains("复议"), head.contains("诉讼")) {
            (true, true) => Some(Reviews::Both),
            (true, false) => Some(Reviews::Reconsideration),
            (false, true) => Some(Reviews::Litigation),
            (false, false) => None,
        });
        let Some(which) = which else { continue };
        out.push(Claim::new(
            Subject::Review(*outcome, which),
            None,
            '件',
            (base + p, base + p + w.len()),
            (base, base + sentence.len()),
        ));
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::super::prose::sketched_sentences;
    use super::*;
    use crate::view::View;

    fn prose(t: &str) -> Prose {
        super::super::prose::build(&View::new(t), &[])
    }

    fn subjects(t: &str) -> Vec<(Subject, Option<u64>)> {
        let p = prose(t);
        claims(&p, &sketched_sentences(&p), Some(2023))
            .iter()
            .map(|c| (c.subject, c.value))
            .collect()
    }

    #[test]
    fn pdf_sentence_with_carried_requests() {
        let t = "2023 年，全县共受理政府信息公开申请 212 件，答\n\n- 1 -\n\n复 200 件（含上年度结转申请 3 件，另有 15 件顺延到下年度\n\n答复）。\n";
        assert_eq!(
            subjects(t),
            vec![
                (Subject::Requests, Some(212)),
                (Subject::Result(Outcome::Answered), Some(200)),
                (Subject::CarriedIn, Some(3)),
                (Subject::CarriedOut, Some(15)),
            ]
        );
    }

    #[test]
    fn seed_like_sentences() {
        assert_eq!(
            subjects("2023年某街道办收到行政诉讼1条,未收到行政复议、依申请公开件。"),
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
            subjects("2023年,办事处共收到依申请公开2件,已办结。"),
            vec![(Subject::Requests, Some(2))]
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
            "2024年将力争办结申请20件",
            "按时办结申请10件",
            "主动公开政府信息予以公开10条",
        ] {
            assert_eq!(subjects(t), vec![], "{t}");
        }
    }

    #[test]
    fn a_negative_sentence_about_reviews_is_no_claim_about_requests() {
        assert_eq!(
            subjects("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"),
            vec![(
                Subject::Review(ReviewOutcome::NoneCorrected, Reviews::Both),
                None
            )]
        );
        assert_eq!(
            subjects("本年度没有出现因政府信息公开申请被复议纠正的情况。"),
            vec![(
                Subject::Review(ReviewOutcome::NoneCorrected, Reviews::Reconsideration),
                None
            )]
        );
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
        assert_eq!(
            subjects("因政府信息公开申请行政复议、行政诉讼各1件"),
            vec![
                (Subject::Reconsideration, Some(1)),
                (Subject::Litigation, Some(1))
            ]
        );
    }

    #[test]
    fn results_of_requests() {
        assert_eq!(
            subjects("共收到政府信息公开申请20件,予以公开及部分公开12件,无法提供5件,不予处理2件,不予公开1件。"),
            vec![
                (Subject::Requests, Some(20)),
                (Subject::Result(Outcome::GrantedOrPartly), Some(12)),
                (Subject::Result(Outcome::Unable), Some(5)),
                (Subject::Result(Outcome::NotProcessed), Some(2)),
                (Subject::Result(Outcome::Denied), Some(1)),
            ]
        );
        // An applicant type elsewhere in the sentence leaves the result's column undecided.
        let p = prose("收到自然人提出的政府信息公开申请8件,予以公开6件。");
        let c = claims(&p, &sketched_sentences(&p), Some(2023));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].subject, Subject::Requests);
        assert_eq!(c[0].applicant, Applicant::Column("natural_person"));
        let p = prose("自然人申请中予以公开6件。");
        let c = claims(&p, &sketched_sentences(&p), Some(2023));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].applicant, Applicant::Column("natural_person"));
    }

    #[test]
    fn outcomes_of_reviews() {
        assert_eq!(
            subjects("因政府信息公开被申请行政复议2件,均获维持。"),
            vec![
                (Subject::Reconsideration, Some(2)),
                (
                    Subject::Review(ReviewOutcome::AllUpheld, Reviews::Reconsideration),
                    None
                )
            ]
        );
        assert_eq!(
            subjects("政府信息公开行政诉讼1件,全部胜诉。"),
            vec![
                (Subject::Litigation, Some(1)),
                (
                    Subject::Review(ReviewOutcome::AllUpheld, Reviews::Litigation),
                    None
                )
            ]
        );
        assert_eq!(subjects("各项工作均获维持稳定。"), vec![]);
    }

    #[test]
    fn the_scope_of_a_request_count_is_kept() {
        let p = prose("区政府办代表区政府受理政府信息公开申请17件。");
        let c = claims(&p, &sketched_sentences(&p), Some(2023));
        assert_eq!(c.len(), 1);
        let scope = c[0].scope.map(|(a, b)| p.slice(a, b));
        assert_eq!(scope, Some("区政府办代表区政府"));
        assert_eq!(c[0].verb, "受理");
        let p = prose("2023年,我局共收到政府信息公开申请17件。");
        assert_eq!(
            claims(&p, &sketched_sentences(&p), Some(2023))[0].scope,
            None
        );
    }
}
