//! What kind of body issued a report, from its name alone.
//!
//! Rules depend on it: only a people's government proper must report 考核/评议/追究 (L02);
//! only provincial and districted-city governments make 规章 (V07); a 镇 or 街道 does not call
//! itself 我局 (C01); a district or county government's own report aggregates its units (R01).
//!
//! The kind is read from how the name ends, the level from the last administrative unit named
//! before that ending. The tables, longest ending first:
//!
//! | name ends with | kind |
//! |---|---|
//! | 人民政府办公厅, 人民政府办公室, 政府办公厅, 政府办公室, 政府办 | general office |
//! | 街道办事处, 街道办, 街道 | 街道 |
//! | 镇人民政府, 乡人民政府, 镇政府, 乡政府, 苏木, 镇, 乡 | township or town |
//! | 人民政府, 政府 | people's government |
//! | 局, 委员会, 委, 厅, 办公室, 办, 中心, 署, 院, 处, 所, 站, 队, 馆, 会 | department |
//! | anything else | other |
//!
//! | last unit before the ending | level |
//! |---|---|
//! | 省, 自治区, 直辖市 names (北京市, 上海市, 天津市, 重庆市) | province |
//! | 市, 州, 盟, 地区 | city |
//! | 县, 区, 旗 (also 新区, 示范区, 开发区) | county |
//! | 镇, 乡, 街道 | township |
//!
//! `市` inside 市场/城市 and `区` inside 区域/社区 are words, not units.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    /// 某某市人民政府: a people's government itself.
    PeoplesGovernment,
    /// 某某省人民政府办公厅 / 某某县人民政府办公室.
    GeneralOffice,
    /// A department: 局, 委员会, 厅, 中心…
    Department,
    /// 某某镇 / 某某乡 (人民政府).
    Township,
    /// 某某街道 (办事处).
    Subdistrict,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
    Township,
    Unknown,
}

impl IssuerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::PeoplesGovernment => "peoples_government",
            IssuerKind::GeneralOffice => "general_office",
            IssuerKind::Department => "department",
            IssuerKind::Township => "township",
            IssuerKind::Subdistrict => "subdistrict",
            IssuerKind::Other => "other",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            IssuerKind::PeoplesGovernment => "人民政府",
            IssuerKind::GeneralOffice => "政府办公厅（室）",
            IssuerKind::Department => "政府部门",
            IssuerKind::Township => "乡镇",
            IssuerKind::Subdistrict => "街道",
            IssuerKind::Other => "其他机关",
        }
    }
    /// A local body below the county: 乡, 镇, 街道.
    pub fn is_local(self) -> bool {
        matches!(self, IssuerKind::Township | IssuerKind::Subdistrict)
    }
}

const ENDINGS: &[(&str, IssuerKind)] = &[
    ("人民政府办公厅", IssuerKind::GeneralOffice),
    ("人民政府办公室", IssuerKind::GeneralOffice),
    ("政府办公厅", IssuerKind::GeneralOffice),
    ("政府办公室", IssuerKind::GeneralOffice),
    ("政府办", IssuerKind::GeneralOffice),
    ("街道办事处", IssuerKind::Subdistrict),
    ("街道办", IssuerKind::Subdistrict),
    ("街道", IssuerKind::Subdistrict),
    ("镇人民政府", IssuerKind::Township),
    ("乡人民政府", IssuerKind::Township),
    ("镇政府", IssuerKind::Township),
    ("乡政府", IssuerKind::Township),
    ("苏木", IssuerKind::Township),
    ("人民政府", IssuerKind::PeoplesGovernment),
    ("政府", IssuerKind::PeoplesGovernment),
    ("镇", IssuerKind::Township),
    ("乡", IssuerKind::Township),
    ("委员会", IssuerKind::Department),
    ("办公室", IssuerKind::Department),
    ("局", IssuerKind::Department),
    ("委", IssuerKind::Department),
    ("厅", IssuerKind::Department),
    ("办", IssuerKind::Department),
    ("中心", IssuerKind::Department),
    ("署", IssuerKind::Department),
    ("院", IssuerKind::Department),
    ("处", IssuerKind::Department),
    ("所", IssuerKind::Department),
    ("站", IssuerKind::Department),
    ("队", IssuerKind::Department),
    ("馆", IssuerKind::Department),
    ("会", IssuerKind::Department),
];

const MUNICIPALITIES: &[&str] = &["北京市", "上海市", "天津市", "重庆市"];

/// The kind and level of the body named `name` (as read from a title or signature).
pub fn classify(name: &str) -> (IssuerKind, Level) {
    let name = name.trim();
    let (kind, stem) = ENDINGS
        .iter()
        .find_map(|(ending, kind)| name.strip_suffix(ending).map(|stem| (*kind, stem)))
        .unwrap_or((IssuerKind::Other, name));
    let level = match kind {
        IssuerKind::Township | IssuerKind::Subdistrict => Level::Township,
        _ => level_of(stem),
    };
    (kind, level)
}

/// The level of the last administrative unit named in `stem`.
fn level_of(stem: &str) -> Level {
    let chars: Vec<char> = stem.chars().collect();
    let mut level = Level::Unknown;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let unit = match c {
            '省' => Some(Level::Province),
            '自' if next == Some('治') && chars.get(i + 2) == Some(&'区') => {
                i += 2;
                Some(Level::Province)
            }
            '市' if next == Some('场') || prev == Some('城') => None,
            '市' => {
                let upto: String = chars.iter().take(i + 1).collect();
                if MUNICIPALITIES.iter().any(|m| upto.ends_with(m)) {
                    Some(Level::Province)
                } else {
                    Some(Level::City)
                }
            }
            '州' | '盟' => Some(Level::City),
            '地' if next == Some('区') => {
                i += 1;
                Some(Level::City)
            }
            '区' if next == Some('域') || prev == Some('社') || prev == Some('园') => None,
            '县' | '区' | '旗' => Some(Level::County),
            '镇' | '乡' => Some(Level::Township),
            '街' if next == Some('道') => Some(Level::Township),
            _ => None,
        };
        if let Some(u) = unit {
            level = u;
        }
        i += 1;
    }
    level
}

#[cfg(test)]
mod tests {
    use super::*;
    use IssuerKind::*;

    #[test]
    fn kinds_by_name_ending() {
        for (name, kind, level) in [
            ("淮安市人民政府", PeoplesGovernment, Level::City),
            ("四川省人民政府办公厅", GeneralOffice, Level::Province),
            ("山东省人民政府办公厅", GeneralOffice, Level::Province),
            ("上海市人民政府办公厅", GeneralOffice, Level::Province),
            ("长沙县人民政府", PeoplesGovernment, Level::County),
            ("湖口县大垅乡", Township, Level::Township),
            ("龙游县横山镇", Township, Level::Township),
            ("通化市东昌区金厂镇人民政府", Township, Level::Township),
            (
                "温州市鹿城区人民政府滨江街道办事处",
                Subdistrict,
                Level::Township,
            ),
            ("沁园街道办事处", Subdistrict, Level::Township),
            ("甘州区卫生健康局", Department, Level::County),
            ("杨凌示范区审计局", Department, Level::County),
            (
                "长春市二道区房屋征收工作管理办公室",
                Department,
                Level::County,
            ),
            ("长春市市场监督管理局", Department, Level::City),
            ("区卫健局", Department, Level::County),
            ("国家税务总局", Department, Level::Unknown),
        ] {
            assert_eq!(classify(name), (kind, level), "{name}");
        }
    }

    #[test]
    fn words_are_not_units() {
        assert_eq!(classify("某某县城市管理局").1, Level::County);
        assert_eq!(classify("某某市社区服务中心").1, Level::City);
    }
}
