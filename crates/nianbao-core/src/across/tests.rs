#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

//! Pairs and batches made here: consistent pairs, copies, a revised 现行有效 with its note.

use super::*;
use crate::check::check;

/// Sentences for narratives that differ from one body to another.
const SENTENCES: &[&str] = &[
    "坚持把政务公开作为转变政府职能的重要抓手，主要负责同志多次听取工作汇报",
    "围绕优化营商环境，集中公开涉企政策文件并配发图文解读",
    "在门户网站开设重点领域信息公开专栏，按月更新财政预决算和重大建设项目信息",
    "规范依申请公开办理流程，实行登记、审核、答复全程留痕",
    "组织业务骨干参加全市政务公开培训，提升答复文书质量",
    "推进基层政务公开标准化规范化建设，在便民服务中心设置查阅点",
    "落实政策解读与文件同步起草、同步审签、同步发布的要求",
    "加强政务新媒体管理，清理关停长期不更新的账号",
    "对照事项标准目录逐项梳理公开内容，查漏补缺",
    "建立政府信息公开保密审查机制，防止泄密和侵犯个人隐私",
    "邀请人大代表和群众代表参与重要决策的公开听证",
    "通过政民互动平台回应群众关切，办结留言咨询",
    "依法做好行政执法公示，及时公开执法主体、依据和结果",
    "完善政府信息公开指南，明确申请渠道和办理时限",
    "编制年度政务公开工作要点，细化任务分工和完成时限",
    "开展政府网站常态化监测，及时纠正错链断链问题",
    "把政务公开纳入年度绩效考核，压实各科室责任",
    "推动公共企事业单位信息公开，督促其公开办事服务信息",
    "加大民生资金分配使用情况公开力度，接受社会监督",
    "做好突发事件信息发布，第一时间回应社会关注",
];

/// A narrative of `n` sentences picked by `seed`.
fn prose(seed: u64, n: usize) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    let mut used = Vec::new();
    while used.len() < n.min(SENTENCES.len()) {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (x >> 33) as usize % SENTENCES.len();
        if !used.contains(&i) {
            used.push(i);
            out.push_str(SENTENCES[i]);
            out.push('。');
        }
    }
    out
}

#[derive(Clone)]
struct R {
    issuer: String,
    year: i32,
    overview: String,
    problems: String,
    received: [i64; 7],
    carried_in: [i64; 7],
    carried_out: [i64; 7],
    /// 规章 and 行政规范性文件: issued, repealed, in force.
    active: [[i64; 3]; 2],
    note: &'static str,
}

fn with_total(mut v: [i64; 7]) -> [i64; 7] {
    v[6] = v[..6].iter().sum();
    v
}

impl R {
    fn new(issuer: &str, year: i32, seed: u64) -> R {
        R {
            issuer: issuer.into(),
            year,
            overview: prose(seed, 8),
            problems: prose(seed + 1000, 5),
            received: with_total([5, 1, 0, 0, 0, 0, 0]),
            carried_in: with_total([1, 0, 0, 0, 0, 0, 0]),
            carried_out: with_total([2, 0, 0, 0, 0, 0, 0]),
            active: [[0, 0, 0], [2, 1, 10]],
            note: "",
        }
    }

    fn text(&self) -> String {
        let row = |label: &str, v: &[i64; 7]| {
            let cells: Vec<String> = v.iter().map(|n| n.to_string()).collect();
            format!("{label}\t{}\n", cells.join("\t"))
        };
        let granted: [i64; 7] =
            std::array::from_fn(|c| self.received[c] + self.carried_in[c] - self.carried_out[c]);
        let zero = [0i64; 7];
        let mut t = format!(
            "{}{}年政府信息公开工作年度报告\n\n一、总体情况\n\n{}\n\n二、主动公开政府信息情况\n\n",
            self.issuer, self.year, self.overview
        );
        t.push_str("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n");
        for (label, a) in ["规章", "行政规范性文件"].iter().zip(self.active) {
            t.push_str(&format!("{label}\t{}\t{}\t{}\n", a[0], a[1], a[2]));
        }
        t.push_str("第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t3\n");
        t.push_str("第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t0\n行政强制\t0\n");
        t.push_str("第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n");
        if !self.note.is_empty() {
            t.push_str(self.note);
            t.push('\n');
        }
        t.push_str("\n三、收到和处理政府信息公开申请情况\n\n");
        t.push_str("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n");
        t.push_str(&row("一、本年新收政府信息公开申请数量", &self.received));
        t.push_str(&row("二、上年结转政府信息公开申请数量", &self.carried_in));
        t.push_str(&row("三、本年度办理结果\t（一）予以公开", &granted));
        for label in [
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（三）不予公开\t1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
            "（四）无法提供\t1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
            "（五）不予处理\t1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
            "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        ] {
            t.push_str(&row(label, &zero));
        }
        t.push_str(&row("（七）总计", &granted));
        t.push_str(&row("四、结转下年度继续办理", &self.carried_out));
        t.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
        t.push_str(&vec!["0"; 15].join("\t"));
        t.push_str(&format!(
            "\n\n五、存在的主要问题及改进情况\n\n{}\n\n六、其他需要报告的事项\n\n本机关{}年度未收取信息处理费。\n\n{}\n{}年1月20日\n",
            self.problems,
            self.year,
            self.issuer,
            self.year + 1
        ));
        t
    }
}

fn run(reports: &[R]) -> Vec<AcrossFinding> {
    let texts: Vec<String> = reports.iter().map(R::text).collect();
    let checked: Vec<Checked> = texts.iter().map(|t| check(t)).collect();
    for (t, c) in texts.iter().zip(&checked) {
        // The reports made here are themselves clean: findings are about the pairs.
        let bad: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {}", d.code.as_str(), d.message))
            .collect();
        assert!(bad.is_empty(), "{bad:?}\n{t}");
    }
    let pairs: Vec<(&str, &Checked)> = texts
        .iter()
        .map(String::as_str)
        .zip(checked.iter())
        .collect();
    check_batch(&pairs, Pairing::ByIssuer, &Options::default())
}

fn codes(f: &[AcrossFinding]) -> Vec<(&'static str, usize)> {
    f.iter().map(|f| (f.code.as_str(), f.file)).collect()
}

/// Last year's report and this year's, consistent and freshly written.
fn consistent_pair() -> (R, R) {
    let last = R::new("某某市某某区卫生健康局", 2022, 1);
    let mut this = R::new("某某市某某区卫生健康局", 2023, 2);
    this.carried_in = last.carried_out;
    this.active = [[0, 0, 0], [3, 2, 11]];
    (last, this)
}

#[test]
fn a_consistent_pair_is_silent() {
    let (last, this) = consistent_pair();
    assert_eq!(codes(&run(&[last, this])), vec![]);
}

#[test]
fn y01_carried_in_differs_from_last_years_carried_out() {
    let (last, mut this) = consistent_pair();
    this.carried_in = with_total([3, 1, 0, 0, 0, 0, 0]);
    let f = run(&[last.clone(), this.clone()]);
    assert_eq!(codes(&f), vec![("Y01", 1)]);
    let y01 = &f[0];
    assert!(
        y01.message.contains("自然人列本年结转3、上年结转下年2"),
        "{}",
        y01.message
    );
    assert!(y01.message.contains("商业企业列"), "{}", y01.message);
    assert!(!y01.message.contains("科研机构列"), "{}", y01.message);
    // Points at this year's carried_in cell, with last year's carried_out as related.
    let text = this.text();
    let line = &text[..y01.span.start].rsplit('\n').next().unwrap();
    assert!(line.starts_with("二、上年结转"), "{line}");
    assert_eq!(&text[y01.span.start..y01.span.end], "3");
    assert!(y01.related.iter().any(|r| r.file == 0));
    // Order of the batch does not matter: the years do.
    let f = run(&[this, last]);
    assert_eq!(codes(&f), vec![("Y01", 0)]);
}

#[test]
fn y01_needs_the_same_issuer_and_consecutive_years() {
    let (last, mut this) = consistent_pair();
    this.carried_in = with_total([3, 0, 0, 0, 0, 0, 0]);
    let mut other = this.clone();
    other.issuer = "某某市某某区教育局".into();
    assert_eq!(codes(&run(&[last.clone(), other])), vec![]);
    let mut later = this.clone();
    later.year = 2024;
    assert_eq!(codes(&run(&[last, later])), vec![]);
}

#[test]
fn y02_in_force_does_not_follow() {
    let (last, mut this) = consistent_pair();
    // Last year 10 in force; +3 issued −2 repealed = 11; 14 is off.
    this.active = [[0, 0, 0], [3, 2, 14]];
    let f = run(&[last.clone(), this.clone()]);
    assert_eq!(codes(&f), vec![("Y02", 1)]);
    assert!(f[0].message.contains("应为11件"), "{}", f[0].message);
    assert!(f[0].message.contains("修订"), "{}", f[0].message);
    // The same numbers with a note on the revision: nothing to say.
    this.note = "注：本年度对3件行政规范性文件进行了修订并重新公布，现行有效件数相应调整。";
    assert_eq!(codes(&run(&[last, this])), vec![]);
}

#[test]
fn y03_this_year_copies_last_years_text() {
    let (last, mut this) = consistent_pair();
    this.overview = last.overview.clone();
    this.problems = last.problems.clone();
    let f = run(&[last.clone(), this.clone()]);
    assert_eq!(codes(&f), vec![("Y03", 1)]);
    let y03 = &f[0];
    assert!(
        y03.message
            .contains("与上年报告（某某市某某区卫生健康局2022年度报告）相同"),
        "{}",
        y03.message
    );
    // The longest identical passage is the overview, in this year's text; last year's copy
    // of it is related.
    let text = this.text();
    let shown = &text[y03.span.start..y03.span.end];
    assert!(y03.related.iter().any(|r| r.file == 0));
    // Only the numbers and dates changed; passages stop at the tables left out.
    assert!(y03.message.contains("100%"), "{}", y03.message);
    assert!(
        shown.contains(&this.overview[..30]) && !shown.contains("规章"),
        "{shown}"
    );
    let problems = y03.related.iter().find(|r| r.file == 1).unwrap();
    assert!(text[problems.span.start..problems.span.end].contains(&this.problems[..30]));
}

#[test]
fn y03_is_silent_when_half_is_rewritten() {
    let (last, mut this) = consistent_pair();
    this.overview = last.overview.clone();
    assert_eq!(codes(&run(&[last, this])), vec![]);
}

#[test]
fn y04_a_renamed_copy_in_the_batch() {
    let a = R::new("某某市某某区卫生健康局", 2023, 10);
    let b = R::new("某某市某某区教育局", 2023, 20);
    let mut copy = a.clone();
    copy.issuer = "某某市某某区民政局".into();
    copy.received = with_total([9, 0, 0, 0, 0, 0, 0]);
    // The copy names itself throughout (a renamed copy).
    copy.overview = a.overview.replace("坚持", "某某市某某区民政局坚持");
    let f = run(&[a, b, copy]);
    assert_eq!(codes(&f), vec![("Y04", 2)]);
    assert!(
        f[0].message.contains("某某市某某区卫生健康局2023年度报告"),
        "{}",
        f[0].message
    );
    assert!(f[0].related.iter().any(|r| r.file == 0));
}

#[test]
fn y04_is_silent_on_different_reports_of_one_template() {
    let batch: Vec<R> = (0..12)
        .map(|i| {
            R::new(
                &format!(
                    "某某市某某区第{}局",
                    [
                        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙"
                    ][i]
                ),
                2023,
                100 + i as u64 * 7,
            )
        })
        .collect();
    assert_eq!(codes(&run(&batch)), vec![]);
}

#[test]
fn r01_aggregate_counts_fewer_than_its_units() {
    let mut gov = R::new("某某市某某区人民政府", 2023, 30);
    gov.received = with_total([6, 0, 0, 0, 0, 0, 0]);
    gov.carried_out = with_total([0, 0, 0, 0, 0, 0, 0]);
    gov.carried_in = with_total([0, 0, 0, 0, 0, 0, 0]);
    let unit = |name: &str, seed: u64, n: i64| {
        let mut r = R::new(name, 2023, seed);
        r.received = with_total([n, 0, 0, 0, 0, 0, 0]);
        r.carried_in = with_total([0; 7]);
        r.carried_out = with_total([0; 7]);
        r
    };
    let health = unit("某某市某某区卫生健康局", 31, 4);
    let street = unit("某某街道办事处", 32, 3);
    let elsewhere = unit("某某市另一区教育局", 33, 50);
    let f = run(&[
        gov.clone(),
        health.clone(),
        street.clone(),
        elsewhere.clone(),
    ]);
    assert_eq!(codes(&f), vec![("R01", 0)]);
    assert!(
        f[0].message
            .contains("为6件，少于同批2个下属单位报告之和（7件）"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].related.len(), 2);
    assert_eq!(f[0].related[0].file, 1);
    // Covering its units: silent.
    gov.received = with_total([7, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        codes(&run(&[gov.clone(), health.clone(), street.clone()])),
        vec![]
    );
    // Units of another year are not counted.
    let mut old = health.clone();
    old.year = 2022;
    old.received = with_total([40, 0, 0, 0, 0, 0, 0]);
    assert_eq!(codes(&run(&[gov, old, street])), vec![]);
}

#[test]
fn disabled_codes_are_not_run() {
    let (last, mut this) = consistent_pair();
    this.carried_in = with_total([3, 0, 0, 0, 0, 0, 0]);
    let texts = [last.text(), this.text()];
    let checked: Vec<Checked> = texts.iter().map(|t| check(t)).collect();
    let pairs = [
        (texts[0].as_str(), &checked[0]),
        (texts[1].as_str(), &checked[1]),
    ];
    let options = Options {
        disabled: vec![Code::Y01],
    };
    assert!(check_batch(&pairs, Pairing::ByIssuer, &options).is_empty());
    // compare LAST THIS pairs the two whatever their issuers.
    let f = check_batch(&pairs, Pairing::LastThis, &Options::default());
    assert_eq!(codes(&f), vec![("Y01", 1)]);
    let d = f[0].diagnostic_for(0).unwrap();
    assert_eq!(d.code, Code::Y01);
    assert!(f[0].diagnostic_for(1).is_some());
}
