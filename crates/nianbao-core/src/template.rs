//! The national templates as data: every table row with its key (format.md), the phrases that
//! recognise its label, and its columns. The reader aligns text with these definitions.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// 国办公开办函〔2019〕60号, for report years 2019-2020.
    T2019,
    /// 国办公开办函〔2021〕30号, for 2021 onward.
    T2021,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::T2019 => "2019",
            Template::T2021 => "2021",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// 表二 主动公开政府信息情况.
    Active,
    /// 表三 收到和处理政府信息公开申请情况.
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    Reviews,
}

impl TableKind {
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active",
            TableKind::Requests => "requests",
            TableKind::Reviews => "reviews",
        }
    }
    /// 表二 / 表三 / 表四.
    pub fn zh(self) -> &'static str {
        match self {
            TableKind::Active => "表二",
            TableKind::Requests => "表三",
            TableKind::Reviews => "表四",
        }
    }
    pub fn section(self) -> u8 {
        match self {
            TableKind::Active => 2,
            TableKind::Requests => 3,
            TableKind::Reviews => 4,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A non-negative whole number.
    Count,
    /// 2019 `本年增/减`: may be negative.
    Change,
    /// Money: may be decimal, may carry a unit.
    Amount,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ColumnDef {
    pub key: &'static str,
    /// The column heading, for messages.
    pub label: &'static str,
    pub kind: ColumnKind,
}

#[derive(Debug, PartialEq, Eq)]
pub struct RowDef {
    pub key: &'static str,
    /// The official label, for messages and display.
    pub label: &'static str,
    /// Any of these in the label (whitespace removed, normalised) recognises the row.
    pub phrases: &'static [&'static str],
    /// For generic words (其他, 总计): the label minus its numbering must be exactly this.
    pub exact: Option<&'static str>,
    pub columns: &'static [ColumnDef],
    /// The template this row belongs to, when it is not in both.
    pub only: Option<Template>,
}

const fn col(key: &'static str, label: &'static str, kind: ColumnKind) -> ColumnDef {
    ColumnDef { key, label, kind }
}

use ColumnKind::*;

pub const APPLICANT_COLUMNS: &[ColumnDef] = &[
    col("natural_person", "自然人", Count),
    col("commercial", "商业企业", Count),
    col("research", "科研机构", Count),
    col("public_interest", "社会公益组织", Count),
    col("legal_service", "法律服务机构", Count),
    col("other_org", "其他", Count),
    col("total", "总计", Count),
];

pub const REVIEW_COLUMNS: &[ColumnDef] = &[
    col("upheld", "结果维持", Count),
    col("corrected", "结果纠正", Count),
    col("other", "其他结果", Count),
    col("pending", "尚未审结", Count),
    col("total", "总计", Count),
];

const ISSUED_2021: &[ColumnDef] = &[
    col("issued", "本年制发件数", Count),
    col("repealed", "本年废止件数", Count),
    col("in_force", "现行有效件数", Count),
];
const DECISIONS_2021: &[ColumnDef] = &[col("decisions", "本年处理决定数量", Count)];
const FEES_2021: &[ColumnDef] = &[col("amount", "本年收费金额（万元）", Amount)];
const MADE_2019: &[ColumnDef] = &[
    col("new_made", "本年新制作数量", Count),
    col("new_published", "本年新公开数量", Count),
    col("total_published", "对外公开总数量", Count),
];
const ITEMS_2019: &[ColumnDef] = &[
    col("last_year", "上一年项目数量", Count),
    col("change", "本年增/减", Change),
    col("decisions", "处理决定数量", Count),
];
const FEES_2019: &[ColumnDef] = &[
    col("last_year", "上一年项目数量", Count),
    col("change", "本年增/减", Change),
];
const PROCUREMENT_2019: &[ColumnDef] = &[
    col("projects", "采购项目数量", Count),
    col("amount", "采购总金额", Amount),
];

const fn row(
    key: &'static str,
    label: &'static str,
    phrases: &'static [&'static str],
    columns: &'static [ColumnDef],
) -> RowDef {
    RowDef {
        key,
        label,
        phrases,
        exact: None,
        columns,
        only: None,
    }
}

pub const ACTIVE_2021: &[RowDef] = &[
    row("regulations", "规章", &["规章"], ISSUED_2021),
    row(
        "normative_documents",
        "行政规范性文件",
        &["规范性文件"],
        ISSUED_2021,
    ),
    row("licensing", "行政许可", &["行政许可"], DECISIONS_2021),
    row("penalty", "行政处罚", &["行政处罚"], DECISIONS_2021),
    row("coercion", "行政强制", &["行政强制"], DECISIONS_2021),
    row(
        "fees",
        "行政事业性收费",
        &["行政事业性收费", "事业性收费"],
        FEES_2021,
    ),
];

pub const ACTIVE_2019: &[RowDef] = &[
    row("regulations", "规章", &["规章"], MADE_2019),
    row(
        "normative_documents",
        "规范性文件",
        &["规范性文件"],
        MADE_2019,
    ),
    row("licensing", "行政许可", &["行政许可"], ITEMS_2019),
    row(
        "other_services",
        "其他对外管理服务事项",
        &["其他对外管理服务", "对外管理服务事项"],
        ITEMS_2019,
    ),
    row("penalty", "行政处罚", &["行政处罚"], ITEMS_2019),
    row("coercion", "行政强制", &["行政强制"], ITEMS_2019),
    row(
        "fees",
        "行政事业性收费",
        &["行政事业性收费", "事业性收费"],
        FEES_2019,
    ),
    row(
        "procurement",
        "政府集中采购",
        &["政府集中采购", "集中采购"],
        PROCUREMENT_2019,
    ),
];

const fn req(key: &'static str, label: &'static str, phrases: &'static [&'static str]) -> RowDef {
    RowDef {
        key,
        label,
        phrases,
        exact: None,
        columns: APPLICANT_COLUMNS,
        only: None,
    }
}
const fn req_only(
    key: &'static str,
    label: &'static str,
    phrases: &'static [&'static str],
    t: Template,
) -> RowDef {
    RowDef {
        key,
        label,
        phrases,
        exact: None,
        columns: APPLICANT_COLUMNS,
        only: Some(t),
    }
}

/// Table 三, rows of both templates in reading order; `only` marks the (六) rows that differ.
pub const REQUESTS: &[RowDef] = &[
    req(
        "received",
        "一、本年新收政府信息公开申请数量",
        &["本年新收"],
    ),
    req(
        "carried_in",
        "二、上年结转政府信息公开申请数量",
        &["上年结转"],
    ),
    req("granted", "（一）予以公开", &["予以公开"]),
    req("partly_granted", "（二）部分公开", &["部分公开"]),
    req("denied_state_secret", "1.属于国家秘密", &["国家秘密"]),
    req(
        "denied_prohibited",
        "2.其他法律行政法规禁止公开",
        &["法律行政法规", "禁止公开", "行政法规禁止"],
    ),
    req(
        "denied_security_stability",
        "3.危及“三安全一稳定”",
        &["三安全", "一稳定"],
    ),
    req("denied_third_party", "4.保护第三方合法权益", &["第三方"]),
    req(
        "denied_internal_affairs",
        "5.属于三类内部事务信息",
        &["内部事务", "内容事务", "三类内部"],
    ),
    req("denied_process_info", "6.属于四类过程性信息", &["过程性"]),
    req(
        "denied_enforcement_file",
        "7.属于行政执法案卷",
        &["执法案卷"],
    ),
    req("denied_admin_query", "8.属于行政查询事项", &["行政查询"]),
    req("unable_not_held", "1.本机关不掌握相关政府信息", &["不掌握"]),
    req(
        "unable_needs_creation",
        "2.没有现成信息需要另行制作",
        &["另行制作", "没有现成"],
    ),
    req(
        "unable_unclear",
        "3.补正后申请内容仍不明确",
        &["仍不明确", "补正后申请"],
    ),
    req(
        "rejected_petition",
        "1.信访举报投诉类申请",
        &["信访", "举报投诉"],
    ),
    req("rejected_repeat", "2.重复申请", &["重复申请"]),
    req(
        "rejected_publication",
        "3.要求提供公开出版物",
        &["公开出版", "出版物"],
    ),
    req(
        "rejected_mass_repeat",
        "4.无正当理由大量反复申请",
        &["大量反复"],
    ),
    req(
        "rejected_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        &["重新出具", "确认或重新"],
    ),
    RowDef {
        key: "other",
        label: "（六）其他处理",
        phrases: &[],
        exact: Some("其他处理"),
        columns: APPLICANT_COLUMNS,
        only: Some(Template::T2019),
    },
    req_only(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["逾期不补", "理由逾期"],
        Template::T2021,
    ),
    req_only(
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["收费通知", "逾期未按", "缴纳费用"],
        Template::T2021,
    ),
    RowDef {
        key: "other_other",
        label: "3.其他",
        phrases: &[],
        exact: Some("其他"),
        columns: APPLICANT_COLUMNS,
        only: Some(Template::T2021),
    },
    RowDef {
        key: "results_total",
        label: "（七）总计",
        phrases: &[],
        exact: Some("总计"),
        columns: APPLICANT_COLUMNS,
        only: None,
    },
    req("carried_out", "四、结转下年度继续办理", &["结转下年"]),
];

/// Table 四: one data row of fifteen cells, read as three blocks of five.
pub const REVIEWS: &[RowDef] = &[
    RowDef {
        key: "reconsideration",
        label: "行政复议",
        phrases: &[],
        exact: None,
        columns: REVIEW_COLUMNS,
        only: None,
    },
    RowDef {
        key: "litigation_direct",
        label: "行政诉讼·未经复议直接起诉",
        phrases: &[],
        exact: None,
        columns: REVIEW_COLUMNS,
        only: None,
    },
    RowDef {
        key: "litigation_after_reconsideration",
        label: "行政诉讼·复议后起诉",
        phrases: &[],
        exact: None,
        columns: REVIEW_COLUMNS,
        only: None,
    },
];

/// The official label of a row key of 表二 or 表三 (for messages about read notes).
pub fn row_label(key: &str) -> Option<&'static str> {
    REQUESTS
        .iter()
        .chain(ACTIVE_2019)
        .chain(ACTIVE_2021)
        .find(|d| d.key == key)
        .map(|d| d.label)
}

/// The rows of a table under a template.
pub fn rows(kind: TableKind, template: Template) -> Vec<&'static RowDef> {
    match kind {
        TableKind::Active => match template {
            Template::T2019 => ACTIVE_2019.iter().collect(),
            Template::T2021 => ACTIVE_2021.iter().collect(),
        },
        TableKind::Requests => REQUESTS
            .iter()
            .filter(|r| r.only.is_none() || r.only == Some(template))
            .collect(),
        TableKind::Reviews => REVIEWS.iter().collect(),
    }
}

/// Labels that only one template has (format.md, "Template detection from labels").
pub const MARKERS_2021: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期不补正",
    "逾期未按收费通知",
];
pub const MARKERS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "政府集中采购",
    "采购总金额",
    "其他对外管理服务事项",
];

/// The official section headings, 一 to 六, and accepted variants (format.md §1).
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Headings of the pre-2019 report outline (概述 / 依申请公开政府信息办理情况 / 收费及减免 /
/// 因政府信息公开申请提起行政复议、行政诉讼的情况): still read as their sections, with S06.
pub const OBSOLETE_HEADINGS: &[(u8, &str)] = &[
    (1, "政府信息公开工作的基本情况"),
    (1, "政府信息公开工作基本情况"),
    (1, "概述"),
    (3, "依申请公开政府信息办理情况"),
    (3, "依申请公开政府信息的情况"),
    (4, "因政府信息公开申请提起行政复议、行政诉讼的情况"),
    (6, "政府信息公开的收费及减免情况"),
];

pub const SECTION_VARIANTS: &[(u8, &str)] = &[
    (1, "工作基本情况"),
    (1, "基本情况"),
    (4, "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    (4, "因政府信息公开申请行政复议、提起行政诉讼情况"),
    (4, "政府信息公开行政复议、行政诉讼"),
    (5, "政府信息公开工作存在的主要问题及改进情况"),
    (5, "存在问题及改进情况"),
    (5, "存在的主要问题及改进措施"),
    (5, "政府信息公开工作存在的主要问题及改进措施"),
    (5, "存在的主要问题和改进情况"),
    (6, "其他事项"),
    (6, "其他报告事项"),
    (6, "其他需要报告事项"),
    (3, "收到和处理政府信息公开申请"),
    (2, "主动公开政府信息"),
];
