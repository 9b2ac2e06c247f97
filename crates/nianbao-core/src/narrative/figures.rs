//! Figures the narrative states about one named thing, so that the same figure stated twice
//! with different values can be found: `通过…审计信息栏目公开信息20条` in one paragraph and
//! `全年通过审计信息专栏公开政府信息16条` in another are both "items published through the 审计
//! 信息 column this year".
//!
//! A figure is a clause `[time/self words] 通过|在|依托 <channel> <verb> <object> N<unit>` or, with
//! no channel, `[time/self words] 主动公开 <object> N<unit>`. Its key is the channel's own name
//! and kind (`审计信息` + 栏目: 栏目, 专栏 and 专题 are one kind), the verb's class (公开, 发布,
//! 推送 are one), the object (信息, 政府信息 and 政务信息 are one) and the unit. Anything else
//! before the verb (围绕…, 其中关于…, 新增) narrows the scope, and the clause is no figure; so is a
//! clause about another year, a comparison, a running total, a plan, or a vague count.

use super::claims::{other_year, NOT_THIS_YEAR, PLANS};
use super::counts::{counts, Count};
use super::prose::{clauses, contains_any, Prose, Sentence};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Figures with equal keys state the same thing.
    pub key: String,
    /// What is counted, for messages: `通过“审计信息”栏目公开的信息`.
    pub what: String,
    pub count: Count,
    /// Prose range of the clause.
    pub clause: (usize, usize),
}

/// Publishing verbs, longest first; all one class.
const VERBS: &[&str] = &[
    "主动公开",
    "公开发布",
    "对外发布",
    "公开",
    "发布",
    "推送",
    "刊发",
    "刊登",
    "上传",
    "发送",
];

/// Words before the verb that do not change what is counted.
const LEAD: &[&str] = &[
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
    "我镇",
    "本镇",
    "我乡",
    "本乡",
    "我街道",
    "本街道",
    "全年度",
    "全年",
    "本年度",
    "本年",
    "年度内",
    "年内",
    "今年",
    "共计",
    "共",
    "其中",
    "年",
    "度",
    "已",
    "累计共",
];

/// Channel kinds by the words that name them, longest first.
const KINDS: &[(&str, &str)] = &[
    ("微信公众号", "公众号"),
    ("公众号", "公众号"),
    ("微信", "公众号"),
    ("门户网站", "网站"),
    ("网站", "网站"),
    ("政务微博", "微博"),
    ("微博", "微博"),
    ("客户端", "客户端"),
    ("抖音号", "抖音"),
    ("抖音", "抖音"),
    ("视频号", "视频号"),
    ("栏目", "栏目"),
    ("专栏", "栏目"),
    ("专题", "栏目"),
    ("公开栏", "公开栏"),
    ("公示栏", "公开栏"),
    ("宣传栏", "公开栏"),
    ("平台", "平台"),
];

/// Objects that are all "information items".
const INFO: &[&str] = &["政府信息", "政务信息", "各类信息", "相关信息", "信息"];

/// The figures of the narrative (`sentences` are the prose's).
pub fn figures(prose: &Prose, sentences: &[Sentence], year: Option<i32>) -> Vec<Figure> {
    let mut out = Vec::new();
    for st in sentences {
        let (s, sentence) = (st.start, st.text);
        if !st.contains_any(VERBS)
            || other_year(sentence, year)
            || st.contains_any(NOT_THIS_YEAR)
            || st.contains_any(PLANS)
            || st.contains_any(&["截至", "截止", "每月", "每周", "每季", "平均"])
        {
            continue;
        }
        // A sub-heading the prose joined to the sentence is not part of its scope.
        let body = super::prose::after_subheading(sentence);
        let s = s + sentence.len() - body.len();
        for (ca, cb) in clauses(body) {
            let (a, b) = (s + ca, s + cb);
            if let Some(f) = figure(prose.slice(a, b), a, b) {
                out.push(f);
            }
        }
    }
    out
}

fn figure(clause: &str, a: usize, b: usize) -> Option<Figure> {
    let cs = counts(clause, a);
    let [c] = cs.as_slice() else { return None };
    if c.vague {
        return None;
    }
    let head = clause.get(..c.start - a)?;
    let (v, verb) = VERBS
        .iter()
        .filter_map(|w| crate::chars::rfind(head, w).map(|p| (p, *w)))
        .max_by_key(|&(p, w)| (p + w.len(), w.len()))?;
    let object = head.get(v + verb.len()..)?;
    let object = object.strip_prefix('了').unwrap_or(object);
    if object.ends_with(['约', '近', '逾', '超']) || object.ends_with("超过") {
        return None;
    }
    let object = ["共计", "合计", "总计", "共", "达", "计", "为"]
        .iter()
        .find_map(|w| object.strip_suffix(w))
        .unwrap_or(object);
    let object = if object.is_empty() || INFO.contains(&object) {
        "信息"
    } else {
        object
    };
    let on = object.chars().count();
    if on > 10 || !object.chars().all(crate::chars::is_han) {
        return None;
    }
    // What stands before the verb: time and self words, then the channel or nothing.
    let mut pre = head.get(..v)?;
    while let Some(r) = LEAD.iter().find_map(|w| pre.strip_prefix(w)) {
        pre = r;
    }
    let pre = pre.trim_start_matches(|ch: char| ch.is_ascii_digit());
    let pre = LEAD.iter().find_map(|w| pre.strip_prefix(w)).unwrap_or(pre);
    let (key, what) = if pre.is_empty() {
        // No channel: only the report's own total (主动公开…N条).
        if verb != "主动公开" {
            return None;
        }
        (
            format!("|主动公开|{object}|{}", c.unit),
            format!("主动公开的{object}"),
        )
    } else {
        let channel = ["通过", "依托", "利用", "借助", "在"]
            .iter()
            .find_map(|w| pre.strip_prefix(w))?;
        let channel = channel.trim_end_matches(['上', '中', '里', '等', '共']);
        let (core, kind) = channel_name(channel)?;
        (
            format!("{core}|{kind}|{object}|{}", c.unit),
            format!("通过“{core}”{kind}公开的{object}"),
        )
    };
    Some(Figure {
        key,
        what,
        count: *c,
        clause: (a, b),
    })
}

/// The channel's own name and kind: `示范区管委会网站审计信息栏目` → (审计信息, 栏目);
/// `“某某发布”微信公众号` → (某某发布, 公众号). None for several channels together or a name
/// too generic to be one thing.
fn channel_name(channel: &str) -> Option<(String, &'static str)> {
    if contains_any(channel, &["、", "和", "及", "与", "或"]) {
        return None;
    }
    // The last kind word ends the channel.
    let (at, word, kind) = KINDS
        .iter()
        .filter_map(|(w, k)| crate::chars::rfind(channel, w).map(|p| (p, *w, *k)))
        .max_by_key(|&(p, w, _)| (p + w.len(), w.len()))?;
    if at + word.len() != channel.len() {
        return None;
    }
    // The name is what stands between the previous kind word (or the start) and this one.
    let before = channel.get(..at)?;
    let from = KINDS
        .iter()
        .filter_map(|(w, _)| crate::chars::rfind(before, w).map(|p| p + w.len()))
        .max()
        .unwrap_or(0);
    let name: String = before
        .get(from..)?
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '《' | '》' | '「' | '」' | '的'))
        .collect();
    let n = name.chars().count();
    let generic = ["政府", "门户", "政务", "官方", "本单位", "本机关", "单位"];
    ((2..=16).contains(&n)
        && !generic.contains(&name.as_str())
        && name.chars().all(crate::chars::is_han))
    .then_some((name, kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::View;

    fn keyed(t: &str) -> Vec<(String, u64)> {
        let p = super::super::prose::build(&View::new(t), &[]);
        figures(&p, &super::super::prose::sketched_sentences(&p), Some(2023))
            .into_iter()
            .map(|f| (f.key, f.count.value))
            .collect()
    }

    #[test]
    fn a_named_column_is_one_thing_however_it_is_called() {
        let a = keyed("2023年,我局通过区政府网站统计数据栏目公开信息30条。");
        let b = keyed("全年通过统计数据专栏公开政府信息28条。");
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert_eq!(a[0].0, b[0].0);
        assert_eq!(a[0].0, "统计数据|栏目|信息|条");
        let c = keyed("通过“文明某镇”微信公众号发布信息120条。");
        assert_eq!(c, vec![("文明某镇|公众号|信息|条".to_string(), 120)]);
    }

    #[test]
    fn totals_without_a_channel() {
        assert_eq!(
            keyed("全年主动公开政务信息210条。"),
            vec![("|主动公开|信息|条".to_string(), 210)]
        );
        assert_eq!(
            keyed("本年度主动公开规范性文件4件。"),
            vec![("|主动公开|规范性文件|件".to_string(), 4)]
        );
    }

    #[test]
    fn narrower_or_other_scopes_are_no_figure() {
        for t in [
            "围绕乡村振兴主动公开政府信息20条。",
            "新增主动公开政府信息130条。",
            "2022年通过统计数据专栏公开信息25条。",
            "截至年底,统计数据专栏累计公开信息300条。",
            "每月通过统计数据专栏公开信息3条。",
            "通过门户网站和微信公众号发布信息50条。",
            "通过网站发布信息35条。",
            "通过统计数据专栏公开信息约30条。",
            "2024年将通过统计数据专栏公开信息40条。",
            "通过统计数据专栏公开信息同比增长5条。",
        ] {
            assert_eq!(keyed(t), vec![], "{t}");
        }
    }
}
