//! Nothing panics: arbitrary bytes, arbitrary mixes of report fragments, and every seed cut
//! at every 97th byte go through `check` and `output::build` with both offset kinds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod gen;

use nianbao_core::check;
use nianbao_core::output::{build, Offsets};
use proptest::prelude::*;

fn run(text: &str) {
    let c = check(text);
    for o in [Offsets::Chars, Offsets::Utf16] {
        let out = build(text, &c, o);
        assert_eq!(out.diagnostics.len(), c.diagnostics.len());
    }
}

const FRAGMENTS: &[&str] = &[
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "6、 其他需要报告的事项",
    "(六)",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "本年新制作数量",
    "规章",
    "行政规范性文件",
    "政府集中采购",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（七）总计",
    "3.其他",
    "四、结转下年度继续办理",
    "结  果  维  持",
    "行政复议",
    "尚未审结",
    "总计",
    "自然 人",
    "商业 企业",
    "本年度共收到政府信息公开申请",
    "未收到",
    "收到行政复议",
    "行政诉讼",
    "件",
    "本机关未收取信息处理费。",
    "2022年1月14日",
    "2021年",
    "年",
    "月",
    "日",
    "|",
    "||",
    " | ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    " ",
    "  ",
    "\u{3000}",
    "\u{feff}",
    "\u{200b}",
    "0",
    "1",
    "000",
    "-",
    "- 3 -",
    "—",
    "/",
    "无",
    "-417",
    "减4",
    "1763万余元",
    "214.6823",
    "1.5",
    ".",
    "１２",
    "（",
    "）",
    "總計",
    "😀",
    "𠤪",
    "<td>",
    "</td>",
    "<tr>",
    "<table>",
    "<td colspan=3>",
    "<span>20</span><span>23",
    "<o:p></o:p>",
    "&nbsp;",
    "&#x20;",
    "&#1114112;",
    "&",
    "<",
    "<!--",
    "-->",
    "[bookmark: _GoBack]",
    "**",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => "[0-9]{1,6}",
            1 => "\\PC{0,8}",
        ],
        0..160,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        run(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn report_fragments_never_panic(text in fragments()) {
        run(&text);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fragments_inside_a_real_report_never_panic(text in fragments(), at in 0usize..8000) {
        let seed = include_str!("../../../../shared/seeds/001_bafcd2ea084bb138.txt");
        let mut at = at.min(seed.len());
        while !seed.is_char_boundary(at) {
            at -= 1;
        }
        run(&format!("{}{}{}", &seed[..at], text, &seed[at..]));
    }
}

#[test]
fn truncated_seeds_never_panic() {
    for (_, text) in gen::REAL_REPORTS {
        let mut at = 0usize;
        while at <= text.len() {
            let mut cut = at;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            run(&text[..cut]);
            at += 97;
        }
    }
}
