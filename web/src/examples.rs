//! Reports to try the checker on: the five seed reports (real, published) and one made-up
//! report with arithmetic and narrative errors. Embedded at build time; nothing is fetched.

pub struct Example {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub text: &'static str,
}

// web/src → web → repository root → its parent, which holds shared/seeds (in CI: ../shared/seeds).
pub const EXAMPLES: &[Example] = &[
    Example {
        name_zh: "沁园街道 2020 年度（2019 版模板）",
        name_en: "Qinyuan subdistrict, 2020 (2019 template)",
        text: include_str!("../../../shared/seeds/000_0396a1651b83a830.txt"),
    },
    Example {
        name_zh: "八卦洲街道 2021 年度（逐格换行）",
        name_en: "Baguazhou subdistrict, 2021 (one cell per line)",
        text: include_str!("../../../shared/seeds/001_bafcd2ea084bb138.txt"),
    },
    Example {
        name_zh: "慈音街道 2023 年度（竖线表格）",
        name_en: "Ciyin subdistrict, 2023 (pipe tables)",
        text: include_str!("../../../shared/seeds/002_23d160e7ec491542.txt"),
    },
    Example {
        name_zh: "长庆街道 2020 年度（占位符“-”）",
        name_en: "Changqing subdistrict, 2020 (“-” placeholders)",
        text: include_str!("../../../shared/seeds/003_2203413ca7ac2a79.txt"),
    },
    Example {
        name_zh: "陈州街回族街道 2020 年度（空白单元格）",
        name_en: "Chenzhoujie subdistrict, 2020 (blank cells)",
        text: include_str!("../../../shared/seeds/004_87f7c85504457707.txt"),
    },
    Example {
        name_zh: "示例：云溪区城市管理局 2022 年度（含计算和正文错误）",
        name_en: "Sample: Yunxi district, 2022 (arithmetic and narrative errors)",
        text: include_str!("../examples/sample-2022.txt"),
    },
];
