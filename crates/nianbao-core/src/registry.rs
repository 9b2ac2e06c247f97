//! The one registry of rule codes: severity, titles and help. The CLI, the web app, the JS API
//! and every export read it from here. Codes are a public contract (rules.md): never renumber.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Rule families, for filtering in UIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Structure,
    Tables,
    Values,
    Arithmetic,
    Narrative,
    Metadata,
    Content,
    Residue,
    Hygiene,
    /// Checks across reports: year over year and batches (Y01–Y04, R01).
    Across,
}

impl Family {
    pub fn zh(self) -> &'static str {
        match self {
            Family::Structure => "结构",
            Family::Tables => "表格与模板",
            Family::Values => "单元格",
            Family::Arithmetic => "勾稽关系",
            Family::Narrative => "正文与表格",
            Family::Metadata => "年份与日期",
            Family::Content => "必备内容",
            Family::Residue => "套用残留",
            Family::Hygiene => "格式残留",
            Family::Across => "跨报告比对",
        }
    }
}

macro_rules! codes {
    ($( $code:ident, $sev:ident, $fam:ident, $zh:literal, $en:literal, $help_zh:literal, $help_en:literal; )*) => {
        /// Every rule code of rules.md (plus additions, never renumbered).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($code),* }

        /// All codes in catalogue order.
        pub const ALL_CODES: &[Code] = &[$(Code::$code),*];

        /// The catalogue, in `Code` order. One `static` so its texts exist once in a build
        /// (a `match` of promoted constants left two copies in the wasm: 17 KB).
        static CATALOGUE: &[RuleInfo] = &[$(RuleInfo {
            code: stringify!($code),
            severity: Severity::$sev,
            family: Family::$fam,
            title_zh: $zh,
            title_en: $en,
            help_zh: $help_zh,
            help_en: $help_en,
        }),*];

        impl Code {
            pub fn info(self) -> &'static RuleInfo {
                // `Code` is a fieldless enum listed in the same order as CATALOGUE.
                CATALOGUE.get(self as usize).unwrap_or(&FALLBACK)
            }
        }
    };
}

/// Never used: every `Code` has its entry in CATALOGUE (a test checks it); here so `info` needs
/// no panic.
static FALLBACK: RuleInfo = RuleInfo {
    code: "",
    severity: Severity::Info,
    family: Family::Structure,
    title_zh: "",
    title_en: "",
    help_zh: "",
    help_en: "",
};

/// What a UI or export needs to know about a rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    /// The usual severity; a few rules (T02) raise another in some cases.
    pub severity: Severity,
    pub family: Family,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub help_zh: &'static str,
    pub help_en: &'static str,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        self.info().code
    }
    pub fn parse(s: &str) -> Option<Code> {
        ALL_CODES
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

codes! {
    S01, Error, Structure, "缺少必备部分", "A required section is missing",
        "年度报告应按国家模板包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。请补上缺少的部分。",
        "The national template has six sections. Add the missing one with its official heading.";
    S02, Error, Structure, "部分顺序错误或重复", "Sections out of order or repeated",
        "六个部分应按一至六的顺序各出现一次。请调整顺序或删除重复的部分。",
        "The six sections must appear once each, in order. Reorder or remove the duplicate.";
    S03, Warning, Structure, "部分标题编号不规范", "Non-standard section numbering",
        "部分标题应使用“一、”“二、”……“六、”这样的中文数字加顿号编号。",
        "Number section headings “一、” to “六、” (Chinese numeral and “、”).";
    S04, Info, Structure, "部分标题措辞与模板不同", "Section heading differs from the official wording",
        "标题可以识别，但与国家模板的措辞不同，建议改为模板标题。",
        "The heading is recognised but differs from the template; prefer the official wording.";
    S05, Warning, Structure, "部分没有内容", "A section has no content",
        "该部分只有标题没有内容，请补充相应情况；确无内容的，写明“无”。",
        "The section has a heading but no content. Fill it in, or state that there is nothing to report.";
    S06, Warning, Structure, "开头所述结构与报告不符", "The preamble announces a different structure",
        "开头对报告结构的介绍与实际不符（如“全文包括……三部分”或沿用2019年以前的旧提纲）。请按现行六部分改写。",
        "The preamble describes a structure that is not the report's. Rewrite it for the six sections.";
    S07, Warning, Structure, "文本不完整（中途开始或结束）", "The text stops before the report does",
        "粘贴的文本在报告结束之前就停止了（停在表格中间、句子中间，或还有部分未出现且没有落款），或者从报告中间开始。之后（或之前）的部分没有读到，因此不检查其是否缺少；如果这是完整报告，请补全。",
        "The text stops before the report does (inside a table, mid-sentence, or with sections still due and no signature), or starts after it does. What was not there is not reported missing; if this is the whole report, complete it.";
    T01, Error, Tables, "未找到表格", "A table is not found",
        "第二、三、四部分应各有一张统计表。请从模板复制完整的表格并填写数字。",
        "Sections 2, 3 and 4 each need their statistics table. Paste the full table from the template.";
    T02, Error, Tables, "模板与年度不符", "Template does not fit the report year",
        "2021年及以后的年报应使用2021年版模板（国办公开办函〔2021〕30号），2019、2020年度使用2019年版模板。请换用对应年度的表格。",
        "Reports for 2021 onward use the 2021 template; 2019-2020 reports use the 2019 template.";
    T03, Error, Tables, "混用两版模板", "Labels of both templates",
        "同一份报告中同时出现2019年版和2021年版模板的表格项目。请统一使用对应年度的模板。",
        "The report mixes labels of the 2019 and 2021 templates. Use one template throughout.";
    T04, Error, Tables, "表格缺少行", "A table row is missing",
        "表格缺少模板规定的行。请按模板补全该行及其数字。",
        "A row of the template is missing. Restore it with its numbers.";
    T05, Warning, Tables, "行的单元格数量不符", "Wrong number of cells in a row",
        "该行的数字个数与模板不符，可能是粘贴时错位或漏填。请核对该行每一格。",
        "The row has more or fewer values than the template; check each cell.";
    T06, Info, Tables, "表格中有模板外的行", "Unknown row in a table",
        "表格中出现模板以外的行（可能是地方增设的项目）。如非必要，请按国家模板填报。",
        "A row not in the national template (possibly a local addition).";
    T07, Info, Tables, "单元格已按模板和勾稽关系补读", "Cells recovered from the template and arithmetic",
        "这一行的数字连在一起（如“000”）或少了格子，已按模板的格数和勾稽关系读出唯一合理的结果。请在原文中把每个数字放进对应的格子。",
        "Cells ran together (e.g. 000) or a row was short; the only reading consistent with the template and arithmetic was used.";
    T08, Info, Tables, "行名与模板文字不同，已按模板行读取", "A row label differs from the template's fixed text",
        "表格中某一行的行名与国家模板的固定文字不同（多半是错字或漏字），已按最接近的模板行读取。请改为模板原文。",
        "A row label has a typo in the template's fixed text; it was read as the nearest template row.";
    V01, Warning, Values, "必填单元格为空", "A required cell is empty",
        "统计表的单元格不应留空；没有发生的事项请填“0”。",
        "Table cells should not be blank; write 0 for none.";
    V02, Info, Values, "用符号代替了0", "A placeholder stands for zero",
        "单元格中用“-”“/”“—”“无”等符号表示没有，建议统一填写“0”。",
        "A placeholder (-, /, —, “无”) stands for zero; write 0 instead.";
    V03, Error, Values, "单元格不是数字", "A cell is not a number",
        "统计表的数量单元格只能填写数字，不能填写“若干”“万余”等文字。请填写准确数字。",
        "A count cell holds text; write the exact number.";
    V04, Error, Values, "出现负数", "A negative number",
        "除2019年版表二“本年增/减”外，统计数不能为负数。",
        "Counts cannot be negative (only the 2019 “本年增/减” column may be).";
    V05, Error, Values, "数量中出现小数", "A fraction in a count column",
        "件数、数量只能是整数；只有金额可以有小数。",
        "Counts are whole numbers; only amounts may have decimals.";
    V06, Warning, Values, "金额单位不符或数值模糊", "Unit differs or amount is vague",
        "金额应使用表头规定的单位（如万元），并填写准确数字，不要写“余”“约”。",
        "Write amounts in the column's unit, exactly, without “余” or “约”.";
    V07, Warning, Values, "数值与发文机关不符", "Value implausible for the issuer",
        "只有省级和设区的市级人民政府可以制定规章；乡镇、街道和县（区）级部门的规章数应为0。",
        "Only provincial and districted-city governments make rules (“规章”); this body should report 0.";
    A01, Error, Arithmetic, "申请数量收支不平", "Requests do not balance",
        "表三每一列应满足：第一项加第二项之和，等于第三项加第四项之和（本年新收＋上年结转＝办理结果总计＋结转下年度）。",
        "In table 3, for each column: received + carried in = results total + carried out.";
    A02, Error, Arithmetic, "行合计不等于各列之和", "Row total is not the sum of its columns",
        "表三每一行的“总计”应等于自然人与五类法人或其他组织之和。",
        "In table 3, each row's total must equal the six applicant columns added.";
    A03, Error, Arithmetic, "办理结果总计不等于各项之和", "Results total is not the sum of the results",
        "表三“（七）总计”应等于（一）至（六）各项办理结果之和，每件申请只计一次。",
        "In table 3, the results total (7) must equal the sum of results (1) to (6).";
    A04, Error, Arithmetic, "复议诉讼总计不等于各项之和", "Review total is not the sum of its results",
        "表四每一块的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。",
        "In table 4, each block's total = upheld + corrected + other + pending.";
    N01, Warning, Narrative, "正文申请数与表三不符", "Stated requests differ from table 3",
        "正文所说收到（受理）政府信息公开申请的数量与表三不一致，请核对后统一。",
        "The text states a number of requests that differs from table 3.";
    N02, Warning, Narrative, "正文复议诉讼数与表四不符", "Stated reviews or lawsuits differ from table 4",
        "正文所说行政复议、行政诉讼的数量与表四不一致，请核对后统一。",
        "The text states reconsideration or litigation cases that differ from table 4.";
    N03, Warning, Narrative, "正文数字与表格不符", "A stated figure contradicts a table",
        "正文中的数字与统计表不一致，请核对后统一。",
        "A figure in the text contradicts a table.";
    N04, Warning, Narrative, "正文数字自相矛盾", "The text contradicts itself",
        "正文中的总数与所列分项之和不符，或同一数字前后不一，请核对。",
        "A stated total and its parts do not add up, or one figure is given twice differently.";
    M01, Warning, Metadata, "无法确定报告年度", "Report year cannot be determined",
        "标题或正文中应写明报告年度（如“2023年政府信息公开工作年度报告”）。",
        "State the report year in the title or the text.";
    M02, Warning, Metadata, "年份前后不一致", "Years disagree",
        "标题、正文和落款日期所指的年度不一致，可能套用了往年的报告。请核对年份。",
        "Title, body and signature date point at different years.";
    M03, Warning, Metadata, "发布日期超过法定期限", "Published after the deadline",
        "《条例》第四十九条：县级以上人民政府部门应在每年1月31日前、县级以上地方人民政府应在每年3月31日前公布上一年度报告。",
        "Departments publish by 31 January, governments by 31 March of the next year (Regulations art. 49).";
    M04, Warning, Metadata, "日期或统计期限格式有误", "Malformed date or period",
        "日期中数字连写、年份重复、缺少年月日，或统计期限不是报告年度。请改正。",
        "A date has run-together digits, a doubled year, a missing year, month or day marker, or a wrong statistical period.";
    L01, Warning, Content, "未说明信息处理费情况", "No statement on information-processing fees",
        "2021年版模板要求在“六、其他需要报告的事项”中说明是否收取信息处理费（国办函〔2020〕109号）：收取的写明件数和金额，未收取的写明“未收取信息处理费”。",
        "Under the 2021 template, section 6 states whether information-processing fees were charged.";
    L02, Warning, Content, "未报告工作考核、社会评议和责任追究", "No assessment, review or accountability results",
        "各级人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（《条例》第五十条）。",
        "A people's government's report must cover assessment, public review and accountability results.";
    L03, Warning, Content, "逾期未缴费与未收费说法矛盾", "Unpaid fees contradict 'no fees'",
        "表三有“逾期未按收费通知要求缴纳费用”的申请，说明发出过收费通知，但第六部分说未收费或未发通知。请核对。",
        "Table 3 counts unpaid fee notices while section 6 says no fee was charged or notified.";
    L04, Warning, Content, "引用的通知不适用于本年度", "A notice that does not govern the year",
        "2021年及以后的年报格式依据是国办公开办函〔2021〕30号，不是〔2019〕60号。",
        "Reports for 2021 onward follow “〔2021〕30号”, not “〔2019〕60号”.";
    C01, Warning, Residue, "疑似套用其他单位的报告", "Leftovers of another body's report",
        "文中的自称或单位名称与发文机关不符，可能是套用其他单位报告时未改。请核对。",
        "A self-reference or body name does not fit the issuer; likely copied from another report.";
    Y01, Warning, Across, "上年结转数与上年报告不符", "Carried in differs from last year's carried out",
        "表三“二、上年结转政府信息公开申请数量”应等于本机关上一年度报告的“四、结转下年度继续办理”，逐列核对。",
        "Table 3 carried_in should equal last year's carried_out of the same body, column by column.";
    Y02, Warning, Across, "现行有效件数与上年不衔接", "In force does not follow from last year",
        "2021年版表二：本年现行有效件数一般应等于上年现行有效件数加本年制发件数减本年废止件数；如有修订、失效等情况，请在正文中说明。",
        "2021 template table 2: this year's in force should be last year's + issued − repealed, unless revisions explain it.";
    Y03, Warning, Across, "与上年报告雷同", "Nearly the same text as last year's report",
        "去掉数字和日期后，本年报告的文字与本机关上年报告几乎相同。评估中“与往年雷同”会被扣分，请按本年实际情况撰写。",
        "After removing numbers and dates, the text is nearly the same as the body's report of last year.";
    Y04, Warning, Across, "与其他单位报告雷同", "Nearly the same text as another body's report",
        "本报告的文字与同一批中另一单位的报告几乎相同，可能是套用。请按本单位实际情况撰写。",
        "Two reports of different bodies in one batch are nearly the same text.";
    R01, Warning, Across, "汇总报告申请数少于下属单位之和", "Aggregate report counts fewer requests than its units",
        "区（县）政府本级报告应涵盖各编制单位；其表三本年新收申请总数不应少于同批下属单位报告之和。请核对汇总口径。",
        "A district or county government's own report counts fewer requests received than the reports of its units in the batch.";
    X01, Info, Hygiene, "格式转换残留", "Conversion leftovers",
        "文中有复制粘贴留下的格式符号（如“[bookmark: _GoBack]”、“**”、HTML标签），请删除。",
        "Remove leftovers of conversion: [bookmark: _GoBack], markdown **, HTML tags.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_texts_and_parses_back() {
        for &c in ALL_CODES {
            let i = c.info();
            assert!(!i.title_zh.is_empty() && !i.help_zh.is_empty() && !i.title_en.is_empty());
            assert_eq!(Code::parse(i.code), Some(c));
        }
        assert_eq!(ALL_CODES.len(), 45);
    }
}
