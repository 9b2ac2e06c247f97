//! Test reports for the rules' tests: a 2021-template report whose narrative and figures a
//! test chooses, in the pipe layout, with every table consistent unless the test says otherwise.
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
    /// 表二 规章 and 行政规范性文件: (本年制发, 本年废止, 现行有效).
    pub documents: [[u64; 3]; 2],
    /// 表三 result rows other than (一)予以公开, by their index in `REQUEST_ROWS` (3 = (二)部分
    /// 公开 … 22 = (六)3.其他), in the 自然人 column; (一) takes what is left of the results.
    pub results: Vec<(usize, u64)>,
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
            documents: [[0; 3]; 2],
            results: Vec::new(),
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
    t.push_str("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n");
    let [r, n] = s.documents;
    t.push_str(&format!(
        "规章 | {} | {} | {} |\n行政规范性文件 | {} | {} | {} |\n",
        r[0], r[1], r[2], n[0], n[1], n[2]
    ));
    t.push_str("第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 0 | ||\n");
    t.push_str("第二十条第(六)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政处罚 | 0 | ||\n行政强制 | 0 | ||\n");
    t.push_str("第二十条第(八)项 | |||\n信息内容 | 本年收费金额(单位:万元) | ||\n行政事业性收费 | 0 | ||\n");
    t.push_str("三、收到和处理政府信息公开申请情况\n");
    t.push_str("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n");
    t.push_str("自然人 | 法人或其他组织 | 总计 | |||||||\n");
    t.push_str("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||\n");
    let results = (s.received + s.carried_in).saturating_sub(s.carried_out);
    let others: u64 = s.results.iter().map(|r| r.1).sum();
    let granted = results.saturating_sub(s.unpaid_fee).saturating_sub(others);
    for (i, label) in REQUEST_ROWS.iter().enumerate() {
        let v = match i {
            0 => s.received,
            1 => s.carried_in,
            2 => granted,
            21 => s.unpaid_fee,
            _ if s.results.iter().any(|r| r.0 == i) => {
                s.results.iter().filter(|r| r.0 == i).map(|r| r.1).sum()
            }
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

#[cfg(test)]
mod tests {
    use super::*;

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
