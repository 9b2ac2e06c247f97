//! A generator of consistent annual reports (政府信息公开工作年度报告) and renderers that paste
//! them in every layout of layouts.md (T, L1-L5, L7, L9, L10, L11), with the damage seen on top
//! of any layout (full-width digits, ASCII or full-width brackets, traditional characters,
//! U+3000 and spaces inside labels, CRLF, a BOM).
//!
//! Shared by the integration tests through `mod gen;`.
#![allow(dead_code)]

use nianbao_core::model::Template;
use nianbao_core::template::{self, ColumnKind, TableKind};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/// An issuing body and whether it may make 规章 (only a 设区的市 or provincial government can).
pub const ISSUERS: &[(&str, bool)] = &[
    ("沁园街道办事处", false),
    ("江州市人民政府", true),
    ("八卦洲街道办事处", false),
    ("临川市人民政府", true),
    ("江州市交通运输局", false),
];

/// Row keys of 表二 blocks (第二十条第（N）项), per template.
fn active_blocks(t: Template) -> Vec<(&'static str, Vec<&'static str>)> {
    match t {
        Template::T2021 => vec![
            ("（一）", vec!["regulations", "normative_documents"]),
            ("（五）", vec!["licensing"]),
            ("（六）", vec!["penalty", "coercion"]),
            ("（八）", vec!["fees"]),
        ],
        Template::T2019 => vec![
            ("（一）", vec!["regulations", "normative_documents"]),
            ("（五）", vec!["licensing", "other_services"]),
            ("（六）", vec!["penalty", "coercion"]),
            ("（八）", vec!["fees"]),
            ("（九）", vec!["procurement"]),
        ],
    }
}

/// A consistent report, plus the few text-level defects the tests inject.
#[derive(Debug, Clone)]
pub struct Model {
    pub template: Template,
    pub year: i32,
    pub issuer: &'static str,
    pub regs_allowed: bool,
    /// Day in January of `year + 1` of the signature.
    pub sign_day: u32,
    /// 表二: (row key, one value per template column).
    pub active: Vec<(&'static str, Vec<f64>)>,
    /// 表三: (row key, seven values), in template row order.
    pub requests: Vec<(&'static str, [i64; 7])>,
    /// 表四: reconsideration, litigation_direct, litigation_after_reconsideration × 5.
    pub reviews: [[i64; 5]; 3],
    /// Defect: the narrative states this many requests received instead of the table's.
    pub narrative_received: Option<i64>,
    /// Defect: this section (1..=6) is left out.
    pub drop_section: Option<u8>,
    /// Defect: these two sections change places.
    pub swap_sections: Option<(u8, u8)>,
}

pub const APPLICANT_COLS: [&str; 7] = [
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
];
pub const REVIEW_ROWS: [&str; 3] = [
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
];
pub const REVIEW_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

pub fn is_result_row(key: &str) -> bool {
    !matches!(
        key,
        "received" | "carried_in" | "results_total" | "carried_out"
    )
}

impl Model {
    pub fn req(&self, key: &str) -> [i64; 7] {
        self.requests
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or([0; 7])
    }
    pub fn req_mut(&mut self, key: &str) -> &mut [i64; 7] {
        let i = self
            .requests
            .iter()
            .position(|(k, _)| *k == key)
            .expect("row of the template");
        &mut self.requests[i].1
    }
    pub fn active_mut(&mut self, key: &str) -> &mut Vec<f64> {
        let i = self
            .active
            .iter()
            .position(|(k, _)| *k == key)
            .expect("row of the template");
        &mut self.active[i].1
    }
    pub fn received_total(&self) -> i64 {
        self.req("received")[6]
    }
    pub fn result_keys(&self) -> Vec<&'static str> {
        self.requests
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| is_result_row(k))
            .collect()
    }

    /// Every expected cell: (table, row key, column key, value).
    pub fn expected(&self) -> Vec<(TableKind, &'static str, &'static str, f64)> {
        let mut out = Vec::new();
        for def in template::rows(TableKind::Active, self.template) {
            let vals = self
                .active
                .iter()
                .find(|(k, _)| *k == def.key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            for (c, v) in def.columns.iter().zip(vals) {
                out.push((TableKind::Active, def.key, c.key, v));
            }
        }
        for (k, v) in &self.requests {
            for (c, x) in APPLICANT_COLS.iter().zip(v) {
                out.push((TableKind::Requests, *k, *c, *x as f64));
            }
        }
        for (r, block) in REVIEW_ROWS.iter().zip(&self.reviews) {
            for (c, x) in REVIEW_COLS.iter().zip(block) {
                out.push((TableKind::Reviews, *r, *c, *x as f64));
            }
        }
        out
    }

    /// Recomputes every row total of 表三 and every block total of 表四 (after an edit).
    pub fn fix_totals(&mut self) {
        for (_, v) in &mut self.requests {
            v[6] = v.iter().take(6).sum();
        }
        for b in &mut self.reviews {
            b[4] = b.iter().take(4).sum();
        }
    }

    /// Adds one application of a natural person, granted, so that results are not all zero.
    pub fn add_granted(&mut self) {
        self.req_mut("received")[0] += 1;
        self.req_mut("granted")[0] += 1;
        self.req_mut("results_total")[0] += 1;
        self.fix_totals();
    }

    /// Adds one application of a natural person carried over to next year.
    pub fn add_carried_out(&mut self) {
        self.req_mut("received")[0] += 1;
        self.req_mut("carried_out")[0] += 1;
        self.fix_totals();
    }

    /// Whether all the arithmetic of format.md §5 holds.
    pub fn consistent(&self) -> bool {
        let rows_ok = self
            .requests
            .iter()
            .all(|(_, v)| v.iter().take(6).sum::<i64>() == v[6]);
        let cols_ok = (0..7).all(|c| {
            let results: i64 = self
                .requests
                .iter()
                .filter(|(k, _)| is_result_row(k))
                .map(|(_, v)| v[c])
                .sum();
            results == self.req("results_total")[c]
                && self.req("received")[c] + self.req("carried_in")[c]
                    == self.req("results_total")[c] + self.req("carried_out")[c]
        });
        let reviews_ok = self
            .reviews
            .iter()
            .all(|b| b.iter().take(4).sum::<i64>() == b[4]);
        rows_ok && cols_ok && reviews_ok
    }
}

fn small() -> impl Strategy<Value = i64> {
    prop_oneof![6 => Just(0i64), 3 => 1i64..10, 1 => 10i64..3000]
}

/// Random consistent models of both templates.
pub fn arb_model() -> impl Strategy<Value = Model> {
    arb_model_with(true)
}

/// Random consistent models; `negative_changes`: 2019 `本年增/减` may be negative.
pub fn arb_model_with(negative_changes: bool) -> impl Strategy<Value = Model> {
    (
        any::<bool>(),
        0i32..5,
        0usize..ISSUERS.len(),
        1u32..=28,
        prop::collection::vec(small(), 24),
        prop::collection::vec(small(), 25 * 6),
        prop::collection::vec(small(), 6),
        prop::collection::vec(small(), 6),
        prop::collection::vec(prop_oneof![3 => Just(0i64), 1 => 1i64..60], 12),
        any::<u16>(),
    )
        .prop_map(
            move |(t21, yo, iss, sign_day, act, res, co, recv, rev, bits)| {
                let template = if t21 {
                    Template::T2021
                } else {
                    Template::T2019
                };
                let year = if t21 { 2021 + yo } else { 2019 + yo % 2 };
                let (issuer, regs_allowed) = ISSUERS[iss];
                // 表二.
                let mut active = Vec::new();
                for (r, def) in template::rows(TableKind::Active, template)
                    .into_iter()
                    .enumerate()
                {
                    let mut vals = Vec::new();
                    for (j, col) in def.columns.iter().enumerate() {
                        let raw = act[(r * 3 + j) % act.len()];
                        let v = match col.kind {
                            ColumnKind::Count => raw as f64,
                            ColumnKind::Change => {
                                if negative_changes && bits & (1 << (r % 8)) != 0 {
                                    -(raw as f64)
                                } else {
                                    raw as f64
                                }
                            }
                            ColumnKind::Amount => {
                                if bits & (1 << 9) != 0 {
                                    raw as f64
                                } else {
                                    raw as f64 / 100.0
                                }
                            }
                        };
                        vals.push(v);
                    }
                    // The stock in force is at least this year's new documents.
                    if matches!(def.key, "regulations" | "normative_documents") {
                        vals[2] += vals[0];
                    }
                    if def.key == "regulations" && !regs_allowed {
                        vals.iter_mut().for_each(|v| *v = 0.0);
                    }
                    active.push((def.key, vals));
                }
                // 表三: results free, carried_out free; received + carried_in fill the balance.
                let defs = template::rows(TableKind::Requests, template);
                let mut requests: Vec<(&'static str, [i64; 7])> =
                    defs.iter().map(|d| (d.key, [0i64; 7])).collect();
                let mut k = 0usize;
                for (key, v) in &mut requests {
                    if is_result_row(key) {
                        for c in 0..6 {
                            v[c] = res[(k * 6 + c) % res.len()];
                        }
                        k += 1;
                    }
                }
                let mut m = Model {
                    template,
                    year,
                    issuer,
                    regs_allowed,
                    sign_day,
                    active,
                    requests,
                    reviews: [[0; 5]; 3],
                    narrative_received: None,
                    drop_section: None,
                    swap_sections: None,
                };
                for c in 0..6 {
                    let results: i64 = m
                        .requests
                        .iter()
                        .filter(|(k, _)| is_result_row(k))
                        .map(|(_, v)| v[c])
                        .sum();
                    m.req_mut("results_total")[c] = results;
                    m.req_mut("carried_out")[c] = co[c];
                    let need = results + co[c];
                    let received = recv[c].min(need);
                    m.req_mut("received")[c] = received;
                    m.req_mut("carried_in")[c] = need - received;
                }
                for b in 0..3 {
                    for p in 0..4 {
                        m.reviews[b][p] = rev[b * 4 + p];
                    }
                }
                m.fix_totals();
                m
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Layouts and damage
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Tab-separated rows, leading tabs for merged label cells (seeds 000, 004).
    T,
    /// One cell per line ending ` |`; runs of `|` for merged cells.
    L1,
    /// One cell per line, blank lines between (seeds 001, 003).
    L2,
    /// ` | ` rows with trailing `||` (seed 002).
    L3,
    /// Markdown `| a | b |`.
    L4,
    /// Each cell followed by a line `|`.
    L5,
    /// PDF text: a row's values space-separated, labels hard-wrapped, header words vertical.
    L7,
    /// HTML page with rowspan/colspan and `&nbsp;`.
    L9,
    /// PDF text layer read column by column (huaian corpus file).
    L10,
    /// Word clipboard HTML: runs split inside numbers, `mso-` styles, `<o:p>`.
    L11,
}

pub const LAYOUTS: [Layout; 10] = [
    Layout::T,
    Layout::L1,
    Layout::L2,
    Layout::L3,
    Layout::L4,
    Layout::L5,
    Layout::L7,
    Layout::L9,
    Layout::L10,
    Layout::L11,
];

impl Layout {
    fn html(self) -> bool {
        matches!(self, Layout::L9 | Layout::L11)
    }
    fn pdf(self) -> bool {
        matches!(self, Layout::L7 | Layout::L10)
    }
}

/// Damage on top of a layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Digits and brackets full-width (`１２`, `（`).
    pub fullwidth: bool,
    /// Brackets, commas and colons ASCII (`(一)`, `,`).
    pub ascii: bool,
    /// Traditional characters (總計, 予以公開).
    pub traditional: bool,
    /// U+3000 inside labels.
    pub ideographic_space: bool,
    /// Labels broken by a space (`商业 企业`).
    pub split_labels: bool,
    pub crlf: bool,
    pub bom: bool,
    /// Row labels broken mid-word over two lines (`2.其他法律行政法规禁止公` / `开\t0\t0…`),
    /// the values after the second half.
    pub broken_labels: bool,
    /// Zero cells run together in row layouts (`2\t00\t000\t2`).
    pub run_together: bool,
    /// One row of 表三 (and 表二) lost its label in row layouts; its values stay.
    pub lost_label: bool,
    /// PDF column by column (L10) with 表三's labels all first, then each column top to
    /// bottom across the pages, page footers and repeated headers between.
    pub labels_first: bool,
}

pub fn arb_style() -> impl Strategy<Value = Style> {
    (
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.25),
        (
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.3),
        ),
    )
        .prop_map(
            |(
                fullwidth,
                ascii,
                traditional,
                ideographic_space,
                split_labels,
                crlf,
                bom,
                (broken_labels, run_together, lost_label, labels_first),
            )| Style {
                fullwidth,
                ascii,
                traditional,
                ideographic_space,
                split_labels,
                crlf,
                bom,
                broken_labels,
                run_together,
                lost_label,
                labels_first,
            },
        )
}

/// Simplified → traditional, only pairs the reader knows (checked against its normaliser).
const TRADITIONAL_PAIRS: &str = "总總体體况況开開请請处處复復议議讼訟诉訴进進报報项項计計数數结結转轉过過机機构構组組织織业業务務规規范範许許强強废廢现現费費额額无無国國与與属屬类類内內执執询詢关關没沒后後确確访訪举舉审審维維纠糾认認获獲护護稳穩险險单單层層区區办辦门門级級为為从從个個";

fn to_traditional(c: char) -> char {
    let v: Vec<char> = TRADITIONAL_PAIRS.chars().collect();
    for p in v.chunks_exact(2) {
        if p[0] == c && nianbao_core::chars::normalize(p[1]) == Some(c) {
            return p[1];
        }
    }
    c
}

impl Style {
    /// Any text of the report (paragraphs, labels, values).
    pub fn text(&self, s: &str) -> String {
        s.chars()
            .map(|c| {
                let mut c = c;
                if self.ascii {
                    c = match c {
                        '（' => '(',
                        '）' => ')',
                        '，' => ',',
                        '：' => ':',
                        _ => c,
                    };
                }
                if self.fullwidth {
                    c = match c {
                        '0'..='9' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
                        '(' => '（',
                        ')' => '）',
                        _ => c,
                    };
                }
                if self.traditional {
                    c = to_traditional(c);
                }
                c
            })
            .collect()
    }

    /// A row label: also U+3000 and a space inside it.
    pub fn label(&self, s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        let split_at = (self.split_labels && n >= 5).then_some(n / 2);
        let ideo_at = (self.ideographic_space && n >= 4)
            .then_some(n - 2)
            .filter(|&i| Some(i) != split_at);
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if Some(i) == split_at {
                out.push(' ');
            }
            if Some(i) == ideo_at {
                out.push('\u{3000}');
            }
            out.push(*c);
        }
        self.text(&out)
    }

    fn finish(&self, s: String) -> String {
        let s = if self.crlf {
            s.replace('\n', "\r\n")
        } else {
            s
        };
        if self.bom {
            format!("\u{feff}{s}")
        } else {
            s
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Block {
    Para(String),
    Table(TableKind),
}

struct Sec {
    heading: String,
    blocks: Vec<Block>,
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

fn title(m: &Model) -> String {
    format!("{}{}年政府信息公开工作年度报告", m.issuer, m.year)
}

fn preamble(m: &Model) -> String {
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
        y = m.year
    )
}

fn sections(m: &Model) -> Vec<Sec> {
    let y = m.year;
    let who = m.issuer;
    let received = m.narrative_received.unwrap_or(m.received_total());
    let requests = if received > 0 {
        format!("（二）依申请公开。本年度共收到政府信息公开申请{received}件。")
    } else {
        "（二）依申请公开。本年度未收到政府信息公开申请。".to_string()
    };
    let recon = m.reviews[0][4];
    let lit = m.reviews[1][4] + m.reviews[2][4];
    let reviews = match (recon, lit) {
        (0, 0) => "本年度未收到政府信息公开方面的行政复议、行政诉讼。".to_string(),
        (r, 0) => format!("本年度收到行政复议{r}件，未收到行政诉讼。"),
        (0, l) => format!("本年度未收到行政复议，收到行政诉讼{l}件。"),
        (r, l) => format!("本年度收到行政复议{r}件，行政诉讼{l}件。"),
    };
    let unpaid = m.req("other_unpaid_fee")[6];
    let fee = if unpaid > 0 {
        format!("本年度本机关向申请人发出信息处理费收费通知{unpaid}件，申请人均逾期未缴纳，本机关未实际收取信息处理费。")
    } else {
        "本机关未收取信息处理费。".to_string()
    };
    let secs = vec![
        Sec {
            heading: HEADINGS[0].into(),
            blocks: vec![
                Block::Para(format!("{y}年，{who}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。")),
                Block::Para("（一）主动公开。坚持以公开为常态、不公开为例外，及时在政府网站发布各类信息。".into()),
                Block::Para(requests),
                Block::Para("（三）政府信息管理。严格落实信息发布审核制度，加强政府信息管理。".into()),
                Block::Para("（四）政府信息公开平台建设。持续优化政府网站和政务新媒体栏目设置。".into()),
                Block::Para(format!("（五）监督保障。将政府信息公开纳入年度工作考核，工作考核、社会评议和责任追究结果情况良好，未发生责任追究情况。{reviews}")),
            ],
        },
        Sec {
            heading: HEADINGS[1].into(),
            blocks: vec![Block::Table(TableKind::Active)],
        },
        Sec {
            heading: HEADINGS[2].into(),
            blocks: vec![Block::Table(TableKind::Requests)],
        },
        Sec {
            heading: HEADINGS[3].into(),
            blocks: vec![Block::Table(TableKind::Reviews)],
        },
        Sec {
            heading: HEADINGS[4].into(),
            blocks: vec![Block::Para(
                "政府信息公开工作仍存在信息发布不够及时、解读形式较为单一等问题。下一步将加强业务培训，提升信息发布质量。".into(),
            )],
        },
        Sec {
            heading: HEADINGS[5].into(),
            blocks: vec![Block::Para(fee)],
        },
    ];
    let mut secs: Vec<(u8, Sec)> = secs
        .into_iter()
        .enumerate()
        .map(|(i, s)| (i as u8 + 1, s))
        .collect();
    if let Some((a, b)) = m.swap_sections {
        let ia = secs.iter().position(|(n, _)| *n == a);
        let ib = secs.iter().position(|(n, _)| *n == b);
        if let (Some(ia), Some(ib)) = (ia, ib) {
            secs.swap(ia, ib);
        }
    }
    secs.into_iter()
        .filter(|(n, _)| Some(*n) != m.drop_section)
        .map(|(_, s)| s)
        .collect()
}

fn signature(m: &Model) -> (String, String) {
    (
        m.issuer.to_string(),
        format!("{}年1月{}日", m.year + 1, m.sign_day),
    )
}

// ---------------------------------------------------------------------------------------------
// Tables as grids (the official layout, with merged cells)
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A row label (damaged by `Style::label`).
    Label,
    /// A header or group label.
    Head,
    Value,
}

#[derive(Debug, Clone)]
struct G {
    text: String,
    cs: usize,
    rs: usize,
    role: Role,
}

fn g(text: impl Into<String>, cs: usize, rs: usize, role: Role) -> G {
    G {
        text: text.into(),
        cs,
        rs,
        role,
    }
}

type Grid = Vec<Vec<G>>;

fn active_header(t: Template, block: &str) -> Vec<&'static str> {
    match (t, block) {
        (Template::T2021, "（一）") => vec!["本年制发件数", "本年废止件数", "现行有效件数"],
        (Template::T2021, "（八）") => vec!["本年收费金额（单位：万元）"],
        (Template::T2021, _) => vec!["本年处理决定数量"],
        (Template::T2019, "（一）") => {
            vec!["本年新制作数量", "本年新公开数量", "对外公开总数量"]
        }
        (Template::T2019, "（八）") => vec!["上一年项目数量", "本年增/减"],
        (Template::T2019, "（九）") => vec!["采购项目数量", "采购总金额（单位：万元）"],
        (Template::T2019, _) => vec!["上一年项目数量", "本年增/减", "处理决定数量"],
    }
}

fn row_label(key: &str) -> &'static str {
    template::REQUESTS
        .iter()
        .chain(template::ACTIVE_2019)
        .chain(template::ACTIVE_2021)
        .find(|d| d.key == key)
        .map(|d| d.label)
        .unwrap_or("")
}

/// The official label of a 表三 row as printed (full, with the parenthetical of （二）).
fn req_label(key: &str) -> String {
    match key {
        "partly_granted" => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）".into(),
        k => row_label(k).to_string(),
    }
}

fn grid_active(m: &Model) -> Grid {
    let mut grid = Vec::new();
    for (block, keys) in active_blocks(m.template) {
        grid.push(vec![g(format!("第二十条第{block}项"), 4, 1, Role::Head)]);
        let heads = active_header(m.template, block);
        let mut hr = vec![g("信息内容", 1, 1, Role::Head)];
        match heads.len() {
            1 => hr.push(g(heads[0], 3, 1, Role::Head)),
            n => {
                for h in &heads {
                    hr.push(g(*h, 1, 1, Role::Head));
                }
                if n == 2 {
                    hr.push(g("", 1, 1, Role::Head));
                }
            }
        }
        grid.push(hr);
        for key in keys {
            let vals = m
                .active
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut r = vec![g(row_label(key), 1, 1, Role::Label)];
            match vals.len() {
                1 => r.push(g(num(vals[0]), 3, 1, Role::Value)),
                n => {
                    for v in &vals {
                        r.push(g(num(*v), 1, 1, Role::Value));
                    }
                    if n == 2 {
                        r.push(g("", 1, 1, Role::Value));
                    }
                }
            }
            grid.push(r);
        }
    }
    grid
}

/// Group label of 表三 rows: (group text, first key, number of rows).
fn req_groups(t: Template) -> Vec<(&'static str, &'static str, usize)> {
    let mut v = vec![
        ("（三）不予公开", "denied_state_secret", 8),
        ("（四）无法提供", "unable_not_held", 3),
        ("（五）不予处理", "rejected_petition", 5),
    ];
    if t == Template::T2021 {
        v.push(("（六）其他处理", "other_no_correction", 3));
    }
    v
}

fn in_group(t: Template, key: &str) -> bool {
    let defs = template::rows(TableKind::Requests, t);
    let pos = |k: &str| defs.iter().position(|d| d.key == k);
    let Some(p) = pos(key) else { return false };
    req_groups(t)
        .iter()
        .any(|(_, first, n)| pos(first).is_some_and(|f| p >= f && p < f + n))
}

fn grid_requests(m: &Model) -> Grid {
    let t = m.template;
    let mut grid = vec![
        vec![
            g(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
                Role::Head,
            ),
            g("申请人情况", 7, 1, Role::Head),
        ],
        vec![
            g("自然人", 1, 2, Role::Head),
            g("法人或其他组织", 5, 1, Role::Head),
            g("总计", 1, 2, Role::Head),
        ],
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .iter()
        .map(|h| g(*h, 1, 1, Role::Head))
        .collect(),
    ];
    let results_rows = m.result_keys().len() + 1; // plus （七）总计
    let groups = req_groups(t);
    for (key, vals) in &m.requests {
        let mut r = Vec::new();
        match *key {
            "received" | "carried_in" | "carried_out" => {
                r.push(g(req_label(key), 3, 1, Role::Label));
            }
            _ => {
                if *key == "granted" {
                    r.push(g("三、本年度办理结果", 1, results_rows, Role::Head));
                }
                if let Some((text, _, n)) = groups.iter().find(|(_, f, _)| f == key) {
                    r.push(g(*text, 1, *n, Role::Head));
                }
                if in_group(t, key) {
                    r.push(g(req_label(key), 1, 1, Role::Label));
                } else {
                    r.push(g(req_label(key), 2, 1, Role::Label));
                }
            }
        }
        for v in vals {
            r.push(g(v.to_string(), 1, 1, Role::Value));
        }
        grid.push(r);
    }
    grid
}

fn grid_reviews(m: &Model) -> Grid {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut r1: Vec<G> = heads.iter().map(|h| g(*h, 1, 2, Role::Head)).collect();
    r1.push(g("未经复议直接起诉", 5, 1, Role::Head));
    r1.push(g("复议后起诉", 5, 1, Role::Head));
    let r2: Vec<G> = heads
        .iter()
        .chain(heads.iter())
        .map(|h| g(*h, 1, 1, Role::Head))
        .collect();
    let r3: Vec<G> = m
        .reviews
        .iter()
        .flatten()
        .map(|v| g(v.to_string(), 1, 1, Role::Value))
        .collect();
    vec![
        vec![
            g("行政复议", 5, 1, Role::Head),
            g("行政诉讼", 10, 1, Role::Head),
        ],
        r1,
        r2,
        r3,
    ]
}

fn grid(m: &Model, kind: TableKind) -> Grid {
    match kind {
        TableKind::Active => grid_active(m),
        TableKind::Requests => grid_requests(m),
        TableKind::Reviews => grid_reviews(m),
    }
}

/// A position of the expanded grid.
#[derive(Debug, Clone)]
enum Pos {
    Origin(G),
    /// Covered by a colspan of the cell to the left.
    Col,
    /// Covered by a rowspan from above.
    Row,
}

fn expand(grid: &Grid) -> Vec<Vec<Pos>> {
    let mut out: Vec<Vec<Option<Pos>>> = Vec::new();
    for (r, row) in grid.iter().enumerate() {
        while out.len() <= r {
            out.push(Vec::new());
        }
        let mut c = 0usize;
        for cell in row {
            while out[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            for dr in 0..cell.rs {
                while out.len() <= r + dr {
                    out.push(Vec::new());
                }
                for dc in 0..cell.cs {
                    let line = &mut out[r + dr];
                    while line.len() <= c + dc {
                        line.push(None);
                    }
                    line[c + dc] = Some(match (dr, dc) {
                        (0, 0) => Pos::Origin(cell.clone()),
                        (0, _) => Pos::Col,
                        _ => Pos::Row,
                    });
                }
            }
            c += cell.cs;
        }
    }
    out.into_iter()
        .take(grid.len())
        .map(|l| l.into_iter().map(|p| p.unwrap_or(Pos::Row)).collect())
        .collect()
}

fn cell_text(s: &Style, c: &G) -> String {
    match c.role {
        Role::Label => s.label(&c.text),
        _ => s.text(&c.text),
    }
}

/// The rows whose label is lost under `Style::lost_label` (a middle row of each table).
const LOST_LABELS: &[&str] = &["denied_third_party", "unable_needs_creation", "penalty"];

/// A label cell broken mid-word over two lines: after its last character when its length is
/// odd (`…禁止公` / `开`), in the middle when even.
fn broken(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n < 8 {
        return text.to_string();
    }
    let at = if n % 2 == 1 { n - 1 } else { n / 2 };
    let (a, b) = chars.split_at(at);
    format!(
        "{}\n{}",
        a.iter().collect::<String>(),
        b.iter().collect::<String>()
    )
}

/// Runs of zero cells written together (`0`, `0`, `0` → `000`), up to three at a time, in a
/// row whose values are all plain digits.
fn run_zeros(cells: Vec<String>, from: usize) -> Vec<String> {
    let values = cells.get(from..).unwrap_or(&[]);
    if values.is_empty()
        || !values
            .iter()
            .all(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()))
    {
        return cells;
    }
    let mut out: Vec<String> = cells.iter().take(from).cloned().collect();
    let mut run = 0usize;
    for v in values {
        if v == "0" && run > 0 && run < 3 && out.last().is_some_and(|l| l.chars().all(|c| c == '0'))
        {
            if let Some(l) = out.last_mut() {
                l.push('0');
            }
            run += 1;
        } else {
            run = usize::from(v == "0");
            out.push(v.clone());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Plain-text table layouts from the grid
// ---------------------------------------------------------------------------------------------

fn table_plain(m: &Model, kind: TableKind, layout: Layout, s: &Style) -> Vec<String> {
    let grid = grid(m, kind);
    let rows = expand(&grid);
    let mut lines = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        let lost = s.lost_label
            && row.iter().any(|p| {
                matches!(p, Pos::Origin(c) if c.role == Role::Label
                    && LOST_LABELS.iter().any(|k| req_label(k) == c.text))
            });
        let cell_per_line = matches!(layout, Layout::L1 | Layout::L2 | Layout::L5);
        let texts: Vec<Option<String>> = row
            .iter()
            .filter(|p| {
                // In one-cell-per-line layouts a lost label leaves no line at all.
                !(lost && cell_per_line && matches!(p, Pos::Origin(c) if c.role == Role::Label))
            })
            .map(|p| match p {
                Pos::Origin(c) if c.role == Role::Label && lost => Some(String::new()),
                Pos::Origin(c) if c.role == Role::Label && s.broken_labels => {
                    Some(broken(&cell_text(s, c)))
                }
                Pos::Origin(c) => Some(cell_text(s, c)),
                _ => None,
            })
            .collect();
        let first_value = row
            .iter()
            .position(|p| matches!(p, Pos::Origin(c) if c.role == Role::Value));
        match layout {
            Layout::T => {
                let mut cells: Vec<String> = texts
                    .iter()
                    .map(|t| t.clone().unwrap_or_default())
                    .collect();
                if let (true, false, Some(f)) = (s.run_together, lost, first_value) {
                    cells = run_zeros(cells, f);
                }
                lines.push(cells.join("\t"));
            }
            Layout::L1 => {
                let mut run = 0usize;
                for t in &texts {
                    match t {
                        Some(t) if !t.is_empty() => {
                            if run > 0 {
                                lines.push("|".repeat(run));
                                run = 0;
                            }
                            lines.push(format!("{t} |"));
                        }
                        _ => run += 1,
                    }
                }
                if run > 0 {
                    lines.push("|".repeat(run));
                }
            }
            Layout::L2 => {
                for t in &texts {
                    match t {
                        Some(t) if !t.is_empty() => lines.push(format!("\t{t}")),
                        _ => lines.push(String::new()),
                    }
                    lines.push(String::new());
                }
                lines.push(String::new());
            }
            Layout::L3 => {
                let mut origins: Vec<String> = texts.iter().flatten().cloned().collect();
                let pad = texts.len() - origins.len();
                if let (true, false, Some(f)) = (s.run_together, lost, first_value) {
                    let from = row
                        .iter()
                        .take(f)
                        .filter(|p| matches!(p, Pos::Origin(_)))
                        .count();
                    origins = run_zeros(origins, from);
                }
                let mut line = format!("{} |", origins.join(" | "));
                if pad > 0 {
                    line.push(' ');
                    line.push_str(&"|".repeat(pad));
                }
                lines.push(line);
            }
            Layout::L4 => {
                let cells: Vec<String> = texts
                    .iter()
                    .map(|t| t.clone().unwrap_or_default())
                    .collect();
                lines.push(format!("| {} |", cells.join(" | ")));
                if ri == 0 {
                    lines.push(format!("|{}", "---|".repeat(cells.len())));
                }
            }
            Layout::L5 => {
                for t in texts.iter().flatten() {
                    if !t.is_empty() {
                        lines.push(t.clone());
                        lines.push("|".into());
                    }
                }
            }
            _ => {}
        }
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// PDF layouts
// ---------------------------------------------------------------------------------------------

/// Hard-wraps `s` every `w` characters, never inside a run of ASCII digits.
fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0usize;
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        cur.push(*c);
        n += 1;
        let next_digit = chars.get(i + 1).is_some_and(|d| d.is_ascii_alphanumeric());
        if n >= w && !(c.is_ascii_alphanumeric() && next_digit) && i + 1 < chars.len() {
            out.push(std::mem::take(&mut cur));
            n = 0;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// PDF text layers put spaces between digits and CJK: `2024 年`, `3119 件`.
fn pdf_spacing(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let cjk = |x: char| (x as u32) >= 0x4e00;
            if (p.is_ascii_digit() && cjk(c)) || (cjk(p) && c.is_ascii_digit()) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Words written vertically, one character per line per column: `结 结 其` / `果 果 他`.
fn vertical(words: &[&str]) -> Vec<String> {
    let cols: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let h = cols.iter().map(Vec::len).max().unwrap_or(0);
    (0..h)
        .map(|i| {
            cols.iter()
                .filter_map(|c| c.get(i))
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn active_vals(m: &Model, key: &str) -> Vec<f64> {
    m.active
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn table_l7(m: &Model, kind: TableKind, s: &Style) -> Vec<String> {
    let mut lines = Vec::new();
    let vals = |v: &[String]| v.iter().map(|x| s.text(x)).collect::<Vec<_>>().join(" ");
    match kind {
        TableKind::Active => {
            for (block, keys) in active_blocks(m.template) {
                lines.push(s.text(&format!("第二十条第{block}项")));
                let heads = active_header(m.template, block);
                lines.push(s.text(&format!("信息内容 {}", heads.join(" "))));
                for key in keys {
                    let v: Vec<String> = active_vals(m, key).into_iter().map(num).collect();
                    lines.push(format!("{} {}", s.label(row_label(key)), vals(&v)));
                }
            }
        }
        TableKind::Requests => {
            lines.push(s.text("（本列数据的勾稽关系为：第一项加第二项之和，"));
            lines.push(s.text("等于第三项加第四项之和） 申请人情况"));
            lines.push(s.text("自然人 法人或其他组织 总计"));
            lines.extend(
                vertical(&[
                    "商业企业",
                    "科研机构",
                    "社会公益组织",
                    "法律服务机构",
                    "其他",
                ])
                .iter()
                .map(|l| s.text(l)),
            );
            let groups = req_groups(m.template);
            for (i, (key, v)) in m.requests.iter().enumerate() {
                if *key == "granted" {
                    lines.push(s.text("三、本年度办理结果"));
                }
                if let Some((text, _, _)) = groups.iter().find(|(_, f, _)| f == key) {
                    let t: Vec<char> = text.chars().collect();
                    lines.push(s.text(&t[..4].iter().collect::<String>()));
                    lines.push(s.text(&t[4..].iter().collect::<String>()));
                }
                let mut parts = wrap(&req_label(key), 14);
                let last = parts.pop().unwrap_or_default();
                for p in parts {
                    lines.push(s.label(&p));
                }
                let v: Vec<String> = v.iter().map(|x| x.to_string()).collect();
                lines.push(format!("{} {}", s.label(&last), vals(&v)));
                if i == 10 {
                    lines.push("— 4 —".into());
                }
            }
        }
        TableKind::Reviews => {
            lines.push(s.text("行政复议 行政诉讼"));
            lines.push(s.text("未经复议直接起诉 复议后起诉"));
            let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
            let all: Vec<&str> = heads.iter().chain(&heads).chain(&heads).copied().collect();
            lines.extend(vertical(&all).iter().map(|l| s.text(l)));
            let v: Vec<String> = m.reviews.iter().flatten().map(|x| x.to_string()).collect();
            lines.push(vals(&v));
        }
    }
    lines
}

/// Values of rows, column by column over the leading rows sharing a column count, the rest
/// row by row (how a PDF text layer reads a table region by columns).
fn column_major(rows: &[Vec<String>]) -> Vec<String> {
    let Some(first) = rows.first().map(Vec::len) else {
        return Vec::new();
    };
    let k = rows.iter().take_while(|r| r.len() == first).count();
    let mut out = Vec::new();
    for c in 0..first {
        for r in rows.iter().take(k) {
            out.push(r[c].clone());
        }
    }
    for r in rows.iter().skip(k) {
        out.extend(r.iter().cloned());
    }
    out
}

/// The huaian layout: per page, the labels, the header words, then the values by column.
fn table_l10(m: &Model, kind: TableKind, s: &Style, page: &mut u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut footer = |lines: &mut Vec<String>| {
        lines.push(format!("- {} -", *page));
        *page += 1;
    };
    match kind {
        TableKind::Active => {
            let blocks = active_blocks(m.template);
            // Pages break after the block (五).
            let pages: Vec<Vec<(&str, Vec<&str>)>> = vec![
                blocks.iter().take(2).cloned().collect(),
                blocks.iter().skip(2).cloned().collect(),
            ];
            for (pi, page_blocks) in pages.iter().enumerate() {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for (block, keys) in page_blocks {
                    lines.push(s.text(&format!("第二十条 第{block}项")));
                    lines.push(s.text("信息内容"));
                    for key in keys {
                        lines.push(s.label(row_label(key)));
                        rows.push(active_vals(m, key).into_iter().map(num).collect());
                    }
                }
                for (block, _) in page_blocks {
                    for h in active_header(m.template, block) {
                        lines.push(s.text(h));
                    }
                }
                lines.extend(column_major(&rows).iter().map(|v| s.text(v)));
                if pi == 0 {
                    footer(&mut lines);
                }
            }
        }
        TableKind::Requests if s.labels_first => {
            // All labels on the first page, then each column top to bottom over all rows,
            // broken by page footers and a repeated header.
            lines.push(
                s.text("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            );
            lines.push(s.text("申请人情况"));
            let groups = req_groups(m.template);
            let mut rows: Vec<Vec<String>> = Vec::new();
            for (key, v) in &m.requests {
                if *key == "granted" {
                    lines.push(s.text("三、本年度办理结果"));
                }
                if let Some((text, _, _)) = groups.iter().find(|(_, f, _)| f == key) {
                    lines.push(s.text(text));
                }
                for p in wrap(&req_label(key), 14) {
                    lines.push(s.label(&p));
                }
                rows.push(v.iter().map(|x| x.to_string()).collect());
            }
            for h in [
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
            ] {
                lines.push(s.text(h));
            }
            for (i, v) in column_major(&rows).iter().enumerate() {
                if i > 0 && i % 60 == 0 {
                    footer(&mut lines);
                    lines.push(s.text(&format!("{}年政府信息公开工作年度报告", m.year)));
                    lines.push(s.text("申请人情况"));
                }
                lines.push(s.text(v));
            }
        }
        TableKind::Requests => {
            let groups = req_groups(m.template);
            lines.push(s.text("（本列数据的勾稽关系为：第一项加第二项之和，"));
            lines.push(s.text("法人或其他组织"));
            lines.push(s.text("申请人情况"));
            lines.push(s.text("等于第三项加第四项之和）"));
            let split = m
                .requests
                .iter()
                .position(|(k, _)| *k == "unable_not_held")
                .map(|i| i + 1)
                .unwrap_or(13);
            for (pi, chunk) in [&m.requests[..split], &m.requests[split..]]
                .iter()
                .enumerate()
            {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for (key, v) in chunk.iter() {
                    if let Some((text, _, _)) = groups.iter().find(|(_, f, _)| f == key) {
                        let t: Vec<char> = text.chars().collect();
                        lines.push(s.text(&t[..4].iter().collect::<String>()));
                        lines.push(s.text(&t[4..].iter().collect::<String>()));
                    }
                    for p in wrap(&req_label(key), 14) {
                        lines.push(s.label(&p));
                    }
                    rows.push(v.iter().map(|x| x.to_string()).collect());
                }
                if pi == 0 {
                    lines.push(s.text("三、"));
                    for c in "本年度办理结果".chars() {
                        lines.push(s.text(&c.to_string()));
                    }
                    footer(&mut lines);
                    for h in [
                        "自然人",
                        "商 业 企",
                        "科研机",
                        "社 会 公 益",
                        "法 律 服 务",
                        "业",
                        "构",
                        "组织",
                        "机构",
                        "总计",
                        "其他",
                    ] {
                        lines.push(s.text(h));
                    }
                }
                lines.extend(column_major(&rows).iter().map(|v| s.text(v)));
            }
        }
        TableKind::Reviews => {
            for h in [
                "行政复议",
                "行政诉讼",
                "未经复议直接起诉",
                "复议后起诉",
                "结 果",
                "结 果",
                "其 他 结",
                "尚 未",
                "维持",
                "纠正",
                "果",
                "审结",
                "总计",
                "结 果",
                "结 果",
                "其 他",
                "尚 未",
                "维持",
                "纠正",
                "结果",
                "审结",
                "总计",
            ] {
                lines.push(s.text(h));
            }
            lines.extend(m.reviews.iter().flatten().map(|v| s.text(&v.to_string())));
        }
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// HTML layouts
// ---------------------------------------------------------------------------------------------

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn table_l9(m: &Model, kind: TableKind, s: &Style) -> String {
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">\n");
    for row in grid(m, kind) {
        out.push_str("<tr>");
        for c in row {
            let mut attrs = String::new();
            if c.cs > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", c.cs));
            }
            if c.rs > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", c.rs));
            }
            let text = cell_text(s, &c);
            let body = if text.is_empty() {
                "&nbsp;".to_string()
            } else if c.role == Role::Head
                && kind == TableKind::Reviews
                && text.chars().count() == 4
            {
                // Header cells broken by <br>: 结果<br>维持.
                let t: Vec<char> = text.chars().collect();
                format!(
                    "{}<br>{}",
                    esc(&t[..2].iter().collect::<String>()),
                    esc(&t[2..].iter().collect::<String>())
                )
            } else {
                esc(&text)
            };
            out.push_str(&format!("<td{attrs}>{body}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// Word's runs: the text split in two `<span>`s (inside numbers too: `20</span><span>23`).
fn word_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return "<span lang=EN-US><o:p>&nbsp;</o:p></span>".into();
    }
    let cut = chars.len() / 2;
    let a: String = chars[..cut].iter().collect();
    let b: String = chars[cut..].iter().collect();
    let mut out = String::new();
    if !a.is_empty() {
        out.push_str(&format!(
            "<span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>{}</span>",
            esc(&a)
        ));
    }
    out.push_str(&format!(
        "<span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>{}<span lang=EN-US><o:p></o:p></span></span>",
        esc(&b)
    ));
    out
}

fn table_l11(m: &Model, kind: TableKind, s: &Style) -> String {
    let mut out = String::from(
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n",
    );
    for (ri, row) in grid(m, kind).into_iter().enumerate() {
        out.push_str(&format!(" <tr style='mso-yfti-irow:{ri};height:20.0pt'>\n"));
        for c in row {
            let mut attrs = String::new();
            if c.cs > 1 {
                attrs.push_str(&format!(" colspan={}", c.cs));
            }
            if c.rs > 1 {
                attrs.push_str(&format!(" rowspan={}", c.rs));
            }
            let text = cell_text(s, &c);
            out.push_str(&format!(
                "  <td width=71{attrs} valign=center style='width:53.25pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'>{}</p>\n  </td>\n",
                word_runs(&text)
            ));
        }
        out.push_str(" </tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn para_l11(text: &str) -> String {
    format!(
        "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>{}</p>\n",
        word_runs(text)
    )
}

// ---------------------------------------------------------------------------------------------
// Whole reports
// ---------------------------------------------------------------------------------------------

/// The report rendered in `layout` with the damage of `style`.
pub fn render(m: &Model, layout: Layout, style: &Style) -> String {
    let s = style;
    let secs = sections(m);
    let (sig_name, sig_date) = signature(m);
    let out = if layout.html() {
        render_html(m, layout, s, &secs, &sig_name, &sig_date)
    } else if layout.pdf() {
        render_pdf(m, layout, s, &secs, &sig_name, &sig_date)
    } else {
        let mut lines: Vec<String> = vec![s.text(&title(m)), String::new(), s.text(&preamble(m))];
        let gap = matches!(layout, Layout::T | Layout::L4 | Layout::L5);
        for sec in &secs {
            if gap {
                lines.push(String::new());
            }
            lines.push(s.text(&sec.heading));
            if gap {
                lines.push(String::new());
            }
            for b in &sec.blocks {
                match b {
                    Block::Para(p) => lines.push(s.text(p)),
                    Block::Table(k) => lines.extend(table_plain(m, *k, layout, s)),
                }
            }
        }
        lines.push(s.text(&sig_name));
        lines.push(s.text(&sig_date));
        lines.join("\n") + "\n"
    };
    s.finish(out)
}

fn render_pdf(
    m: &Model,
    layout: Layout,
    s: &Style,
    secs: &[Sec],
    sig_name: &str,
    sig_date: &str,
) -> String {
    let mut page = 1u32;
    let mut lines: Vec<String> = vec![
        s.text(m.issuer),
        s.text(&pdf_spacing(&format!(
            "{}年政府信息公开工作年度报告",
            m.year
        ))),
        String::new(),
    ];
    let mut since_footer = 0usize;
    let mut para = |lines: &mut Vec<String>, text: &str, page: &mut u32| {
        for l in wrap(&pdf_spacing(text), 30) {
            lines.push(s.text(&l));
            since_footer += 1;
            if since_footer >= 12 {
                lines.push(format!("- {} -", *page));
                *page += 1;
                since_footer = 0;
            }
        }
    };
    para(&mut lines, &preamble(m), &mut page);
    for sec in secs {
        lines.push(s.text(&sec.heading));
        for b in &sec.blocks {
            match b {
                Block::Para(p) => para(&mut lines, p, &mut page),
                Block::Table(k) => {
                    if layout == Layout::L10 {
                        lines.extend(table_l10(m, *k, s, &mut page));
                    } else {
                        lines.extend(table_l7(m, *k, s));
                    }
                }
            }
        }
    }
    lines.push(s.text(sig_name));
    lines.push(s.text(&pdf_spacing(sig_date)));
    lines.push(format!("- {page} -"));
    if layout == Layout::L10 {
        // The huaian text layer has a blank line between all lines.
        lines.join("\n\n") + "\n"
    } else {
        lines.join("\n") + "\n"
    }
}

fn render_html(
    m: &Model,
    layout: Layout,
    s: &Style,
    secs: &[Sec],
    sig_name: &str,
    sig_date: &str,
) -> String {
    let t = s.text(&title(m));
    let mut out = String::new();
    if layout == Layout::L9 {
        out.push_str(&format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>\n<style>td{{border:1px solid #000}}</style></head>\n<body>\n<div id=\"zoom\" class=\"article-content\">\n<p style=\"text-align:center\"><strong>{}</strong></p>\n<p>{}</p>\n",
            esc(&t),
            esc(&t),
            esc(&s.text(&preamble(m)))
        ));
        for sec in secs {
            out.push_str(&format!("<p>{}</p>\n", esc(&s.text(&sec.heading))));
            for b in &sec.blocks {
                match b {
                    Block::Para(p) => out.push_str(&format!("<p>　　{}</p>\n", esc(&s.text(p)))),
                    Block::Table(k) => out.push_str(&table_l9(m, *k, s)),
                }
            }
        }
        out.push_str(&format!(
            "<p style=\"text-align:right\">{}</p>\n<p style=\"text-align:right\">{}</p>\n</div>\n</body></html>\n",
            esc(&s.text(sig_name)),
            esc(&s.text(sig_date))
        ));
    } else {
        out.push_str("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Normal</w:View>\n </w:WordDocument>\n</xml><![endif]-->\n<style>\n<!--\n p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{mso-style-unhide:no;mso-style-qformat:yes;margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;}\n-->\n</style>\n</head>\n<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>\n<!--StartFragment-->\n");
        out.push_str(&format!(
            "<p class=MsoNormal align=center style='text-align:center'>{}</p>\n",
            word_runs(&t)
        ));
        out.push_str(&para_l11(&s.text(&preamble(m))));
        for sec in secs {
            out.push_str(&para_l11(&s.text(&sec.heading)));
            for b in &sec.blocks {
                match b {
                    Block::Para(p) => out.push_str(&para_l11(&s.text(p))),
                    Block::Table(k) => out.push_str(&table_l11(m, *k, s)),
                }
            }
        }
        out.push_str(&para_l11(&s.text(sig_name)));
        out.push_str(&para_l11(&s.text(sig_date)));
        out.push_str("<!--EndFragment-->\n</body>\n</html>\n");
    }
    out
}

/// A fixed model for examples and spans tests: some of everything.
pub fn sample(template: Template) -> Model {
    let year = if template == Template::T2021 {
        2023
    } else {
        2020
    };
    let mut active = Vec::new();
    for (r, def) in template::rows(TableKind::Active, template)
        .into_iter()
        .enumerate()
    {
        let vals: Vec<f64> = def
            .columns
            .iter()
            .enumerate()
            .map(|(j, c)| match c.kind {
                ColumnKind::Amount => 214.68,
                ColumnKind::Change => -(j as f64) - 1.0,
                ColumnKind::Count => (r * 3 + j) as f64,
            })
            .collect();
        active.push((def.key, vals));
    }
    let mut m = Model {
        template,
        year,
        issuer: "江州市人民政府",
        regs_allowed: true,
        sign_day: 14,
        active,
        requests: template::rows(TableKind::Requests, template)
            .iter()
            .map(|d| (d.key, [0; 7]))
            .collect(),
        reviews: [[1, 0, 2, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 1, 0]],
        narrative_received: None,
        drop_section: None,
        swap_sections: None,
    };
    for _ in 0..3 {
        m.add_granted();
    }
    m.add_carried_out();
    m.req_mut("received")[1] += 2;
    m.req_mut("unable_not_held")[1] += 2;
    m.req_mut("results_total")[1] += 2;
    m.fix_totals();
    m
}

/// The seeds and the two text corpus reports, by short name.
pub const REAL_REPORTS: &[(&str, &str)] = &[
    (
        "000",
        include_str!("../../../../../shared/seeds/000_0396a1651b83a830.txt"),
    ),
    (
        "001",
        include_str!("../../../../../shared/seeds/001_bafcd2ea084bb138.txt"),
    ),
    (
        "002",
        include_str!("../../../../../shared/seeds/002_23d160e7ec491542.txt"),
    ),
    (
        "003",
        include_str!("../../../../../shared/seeds/003_2203413ca7ac2a79.txt"),
    ),
    (
        "004",
        include_str!("../../../../../shared/seeds/004_87f7c85504457707.txt"),
    ),
    (
        "huaian",
        include_str!("../../../../../shared/corpus/huaian-city-2024.pdf-text.txt"),
    ),
    (
        "city-html",
        include_str!("../../../../../shared/corpus/city-2025-web-page.html"),
    ),
];
