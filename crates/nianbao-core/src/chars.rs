//! Character normalisation for reading: full-width forms to ASCII, odd spaces to a space,
//! traditional characters (mirror sites) to simplified. Only reading uses it; the text shown and
//! every span stay the original.

use std::sync::OnceLock;

/// Traditional → simplified pairs, for the words that appear in annual reports.
const TRADITIONAL: &str = "總总體体況况動动開开資资訊讯請请處处復复議议訟讼訴诉問问題题進进報报項项計计數数結结轉转過过權权機机構构組组織织業业務务會会規规範范許许強强製制廢废現现費费額额萬万無无國国對对與与經经應应當当屬属類类內内執执詢询關关沒没後后確确複复訪访舉举須须據据實实際际發发維维糾纠審审認认獲获護护穩稳險险單单層层縣县區区鎮镇鄉乡辦办門门員员級级還还這这個个為为從从來来們们時时間间點点線线網网頁页導导讀读歸归檔档錄录標标準准種种條条財财預预決决專专負负責责節节價价醫医療疗環环衛卫營营稱称產产億亿園园長长東东車车書书見见觀观說说話话語语讓让證证記记設设論论調调諮咨識识變变並并將将於于屆届歷历曆历壓压參参廣广態态戶户擇择團团圖图場场夠够學学寶宝尋寻嚴严熱热爭争狀状獨独畫画盡尽監监礎础禮礼積积競竞筆笔簡简統统絡络給给續续績绩緊紧編编繼继義义習习職职聯联聲声興兴舊旧藥药華华號号術术視视親亲覽览討讨訓训評评試试詳详誤误課课談谈貢贡貨货質质購购賣卖買买贊赞趨趋軍军較较輯辑輸输農农運运適适選选遺遗邊边鄰邻針针鐵铁鍵键閱阅陽阳隊队階阶隨随雙双雜杂離离難难電电響响順顺領领頻频顧顾顯显風风飛飞館馆驗验麼么齊齐龍龙衆众眾众慮虑憑凭擔担擴扩攜携數数斷断樣样歡欢氣气溝沟滿满漸渐濟济災灾牽牵獎奖異异盤盘紀纪約约細细終终絕绝綜综練练餘余僅仅傳传優优儘尽兩两則则創创劃划勵励勞劳勢势協协卻却縣县啟启圍围圓圆塊块幣币幫帮廳厅彈弹徑径徵征惡恶愛爱慶庆憲宪戰战貼贴賴赖輪轮遞递遠远陣阵隱隐雖虽靜静頭头類类願愿黨党齡龄衝冲祕秘註注週周裏里佈布綫线羣群鑑鉴鑒鉴覈核閲阅衞卫説说啓启納纳繳缴罰罚補补採采減减";

/// The traditional → simplified pairs, sorted by the traditional character (built once).
fn traditional_table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRADITIONAL.chars().collect();
        let mut v: Vec<(char, char)> = chars
            .chunks_exact(2)
            .filter_map(|p| Some((*p.first()?, *p.get(1)?)))
            .collect();
        crate::order::sort(&mut v);
        v.dedup_by_key(|p| p.0);
        v
    })
}

/// One bit per BMP code point: set where the character is in the traditional table, so most
/// characters skip the binary search.
fn traditional_bits() -> &'static [u64] {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = vec![0u64; 1024];
        for &(t, _) in traditional_table() {
            let cp = t as usize;
            if let Some(word) = bits.get_mut(cp / 64) {
                *word |= 1 << (cp % 64);
            }
        }
        bits
    })
}

fn simplified(c: char) -> char {
    let cp = c as usize;
    let maybe = traditional_bits()
        .get(cp / 64)
        .is_none_or(|w| w & (1 << (cp % 64)) != 0);
    if !maybe {
        return c;
    }
    let t = traditional_table();
    t.binary_search_by_key(&c, |p| p.0)
        .ok()
        .and_then(|i| t.get(i))
        .map_or(c, |p| p.1)
}

/// Byte offset of `needle` in `haystack`. For the short labels and phrases here a plain scan
/// beats `str::find`, whose searcher costs more to set up than the search itself. In longer
/// texts two of the needle's bytes are looked for together, eight positions at a time
/// ([`pair_candidates`]): in Chinese text one byte alone recurs every few characters, and a
/// search that stops at each (memchr on a char's last byte) mispredicts a branch at each stop.
/// UTF-8 is self-synchronising, so a match always starts on a char boundary.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    if h.len() > 64 && n.len() > 1 {
        // A Chinese character's two continuation bytes, else the first two bytes.
        let k = usize::from(n.len() > 2 && n.first().is_some_and(|&b| b >= 0xe0));
        let (Some(&p), Some(&q)) = (n.get(k), n.get(k + 1)) else {
            return None;
        };
        return pair_candidates(h, p, q, k).find(|&start| h.get(start..start + n.len()) == Some(n));
    }
    // Scan for the needle's second byte: in Chinese text first bytes (0xE4..0xE9) are common,
    // continuation bytes are not.
    let k = usize::from(n.len() > 1);
    let probe = *n.get(k)?;
    let mut at = k;
    while let Some(tail) = h.get(at..) {
        let i = tail.iter().position(|&b| b == probe)?;
        let start = (at + i) - k;
        if h.get(start..start + n.len()) == Some(n) {
            return Some(start);
        }
        at += i + 1;
    }
    None
}

/// Where a needle whose bytes `k` and `k + 1` are `p`, `q` may start in `h`, in order: every
/// position `i >= k` with `h[i] == p && h[i + 1] == q` gives `i - k` (with a few that do not
/// match, which the caller's comparison rejects). Eight positions per step, and no branch
/// taken until a word holds a candidate.
fn pair_candidates(h: &[u8], p: u8, q: u8, k: usize) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte (and maybe of a byte above one, from the borrow): never
    // misses a zero byte.
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let (pp, qq) = (ONES * u64::from(p), ONES * u64::from(q));
    let load = |w: &[u8]| <[u8; 8]>::try_from(w).map_or(0, u64::from_le_bytes);
    // The words at k, k + 8, … and the ones a byte on: both whole, so no bounds to test.
    let mut words = h
        .get(k..)
        .unwrap_or(&[])
        .chunks_exact(8)
        .zip(h.get(k + 1..).unwrap_or(&[]).chunks_exact(8));
    let mut i = k; // the next position to look at
    let mut base = 0usize; // the position of `pending`'s lowest byte
    let mut pending = 0u64;
    std::iter::from_fn(move || loop {
        if pending != 0 {
            let at = base + (pending.trailing_zeros() / 8) as usize;
            pending &= pending - 1;
            return Some(at - k);
        }
        if let Some((a, b)) = words.next() {
            pending = zeros(load(a) ^ pp) & zeros(load(b) ^ qq);
            base = i;
            i += 8;
        } else {
            // The last positions, one at a time.
            let at = i + h.get(i..)?.windows(2).position(|w| w == [p, q])?;
            i = at + 1;
            return Some(at - k);
        }
    })
}

/// Every non-overlapping `needle` in `haystack`, in order (as `str::match_indices`).
pub fn find_iter<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0usize;
    std::iter::from_fn(move || {
        let at = from + find(haystack.get(from..)?, needle)?;
        from = at + needle.len();
        Some(at)
    })
}

pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// Byte offset of the last `needle` in `haystack` (a plain scan, as `find`).
pub fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    // Scan back for the needle's last byte (a continuation byte in Chinese text).
    let probe = *n.last()?;
    let mut end = h.len();
    while let Some(head) = h.get(..end) {
        let i = head.iter().rposition(|&b| b == probe)?;
        let start = (i + 1).checked_sub(n.len())?;
        if h.get(start..=i) == Some(n) {
            return Some(start);
        }
        end = i;
    }
    None
}

/// What a character reads as: `None` to drop it (zero-width marks, BOM).
pub fn normalize(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    // Most of a report: CJK ideographs, where only traditional characters change.
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        return Some(simplified(c));
    }
    match c {
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}' => None,
        '\u{3000}' | '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Some(' '),
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '\u{2212}' | '\u{2010}' | '\u{2011}' => Some('-'),
        '\u{fe30}'..='\u{fe4f}' => Some(c),
        c if (c as u32) >= 0x4e00 => Some(simplified(c)),
        c => Some(c),
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x3134f)
}

/// A Chinese numeral 一..十 as a number.
pub fn chinese_digit(c: char) -> Option<u8> {
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_traditional() {
        let s: String = "（二）總計１２３　".chars().filter_map(normalize).collect();
        assert_eq!(s, "(二)总计123 ");
    }

    #[test]
    fn traditional_table_is_pairs_of_distinct_characters() {
        assert_eq!(TRADITIONAL.chars().count() % 2, 0);
        for (t, s) in traditional_table() {
            assert_ne!(t, s);
        }
        assert_eq!(find("一、本年新收", "本年"), Some(6));
        assert_eq!(find("ab", "abc"), None);
        assert_eq!(find("ab", ""), None);
    }

    #[test]
    fn find_agrees_with_str_on_short_and_long_texts() {
        let long = "一、总体情况本年度本机关共收到政府信息公开申请12件，办结12件。".repeat(4);
        let texts = [
            "",
            "本年",
            "一、本年新收本年",
            long.as_str(),
            &long[3..],
            "ab本abc",
        ];
        let needles = [
            "本年",
            "a",
            "abc",
            "申请12件",
            "办结12件。一",
            "情况本年度本机关",
            "😀",
        ];
        for t in texts {
            for n in needles {
                assert_eq!(find(t, n), t.find(n), "{t} {n}");
            }
        }
    }

    proptest::proptest! {
        /// Texts of a few characters that share bytes (本/年 share a lead byte, 0x01 and
        /// 0x81 make the borrow's false candidates), long enough for the eight-at-a-time scan.
        #[test]
        fn find_and_find_iter_agree_with_str(
            text in proptest::collection::vec(proptest::sample::select(
                vec!["本", "年", "度", "a", "\u{1}", "\u{81}", "1", "。", "😀", "ab"]), 0..120),
            needle in proptest::collection::vec(proptest::sample::select(
                vec!["本", "年", "a", "\u{1}", "\u{81}", "1", "😀", "b"]), 1..4),
        ) {
            let (t, n) = (text.concat(), needle.concat());
            proptest::prop_assert_eq!(find(&t, &n), t.find(n.as_str()));
            let ours: Vec<usize> = find_iter(&t, &n).collect();
            let std: Vec<usize> = t.match_indices(n.as_str()).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn rfind_agrees_with_str() {
        let texts = [
            "",
            "a",
            "本年本年",
            "一、本年新收本年",
            "abcabc",
            "年度报告年报",
            "ab本",
        ];
        let needles = ["本年", "a", "abc", "年", "报告", "本年本年本", "c"];
        for t in texts {
            for n in needles {
                assert_eq!(rfind(t, n), t.rfind(n), "{t} {n}");
            }
        }
    }
}
