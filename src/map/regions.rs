//! The 47 prefectures: JIS X 0401 codes, names, short names, the 7×7 tile grid and the eight
//! regions (地方) summaries speak of, and how a spec's `regions` entry is read (a code, a
//! local-government code, a full or short name). One table, so a name is written once.

/// A prefecture by index 0–46 (code − 1).
pub type Prefecture = usize;

/// Full names, by code − 1.
pub const NAMES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

/// Romanised names, by code − 1 (English charts).
pub const NAMES_EN: [&str; 47] = [
    "Hokkaido",
    "Aomori",
    "Iwate",
    "Miyagi",
    "Akita",
    "Yamagata",
    "Fukushima",
    "Ibaraki",
    "Tochigi",
    "Gunma",
    "Saitama",
    "Chiba",
    "Tokyo",
    "Kanagawa",
    "Niigata",
    "Toyama",
    "Ishikawa",
    "Fukui",
    "Yamanashi",
    "Nagano",
    "Gifu",
    "Shizuoka",
    "Aichi",
    "Mie",
    "Shiga",
    "Kyoto",
    "Osaka",
    "Hyogo",
    "Nara",
    "Wakayama",
    "Tottori",
    "Shimane",
    "Okayama",
    "Hiroshima",
    "Yamaguchi",
    "Tokushima",
    "Kagawa",
    "Ehime",
    "Kochi",
    "Fukuoka",
    "Saga",
    "Nagasaki",
    "Kumamoto",
    "Oita",
    "Miyazaki",
    "Kagoshima",
    "Okinawa",
];

/// The name without 都・府・県 (北海道 keeps 道: 「北海」 is no name), as tiles print it.
pub fn short_name(p: Prefecture) -> &'static str {
    let name = NAMES[p];
    if p == 0 {
        return name;
    }
    // Every suffix is one three-byte character.
    name.get(..name.len() - 3).unwrap_or(name)
}

/// Tile grid cells (column 0–6 west→east, row 0–6 north→south), by code − 1: the 「カラム地図」
/// layout (tabularmaps, CC0; `../shared/reference/embedding.md` §9), north at the top.
pub const TILES: [(u8, u8); 47] = [
    (6, 0),
    (5, 0),
    (6, 1),
    (6, 2),
    (5, 1),
    (5, 2),
    (6, 3),
    (6, 5),
    (6, 4),
    (5, 3),
    (5, 4),
    (6, 6),
    (5, 5),
    (5, 6),
    (4, 0),
    (4, 1),
    (3, 0),
    (3, 1),
    (4, 3),
    (4, 2),
    (4, 4),
    (4, 5),
    (4, 6),
    (3, 6),
    (3, 2),
    (3, 3),
    (2, 4),
    (2, 3),
    (3, 4),
    (3, 5),
    (2, 0),
    (1, 1),
    (2, 1),
    (2, 2),
    (0, 1),
    (2, 6),
    (2, 5),
    (1, 5),
    (1, 6),
    (1, 2),
    (0, 3),
    (0, 2),
    (0, 4),
    (1, 3),
    (1, 4),
    (0, 5),
    (0, 6),
];

/// The eight regions (地方) of the usual statistical grouping, and the first code of each.
pub const REGIONS: [(&str, &str, usize); 8] = [
    ("北海道", "Hokkaido", 1),
    ("東北", "Tohoku", 2),
    ("関東", "Kanto", 8),
    ("中部", "Chubu", 15),
    ("近畿", "Kinki", 24),
    ("中国", "Chugoku", 31),
    ("四国", "Shikoku", 36),
    ("九州・沖縄", "Kyushu and Okinawa", 40),
];

/// How many prefectures region `k` has (北海道: 1).
pub fn region_size(k: usize) -> usize {
    REGIONS.get(k + 1).map_or(48, |next| next.2) - REGIONS[k].2
}

/// The region (index into [`REGIONS`]) of a prefecture.
pub fn region_of(p: Prefecture) -> usize {
    REGIONS.iter().rposition(|r| r.2 <= p + 1).unwrap_or(0)
}

/// A `regions` entry read as a prefecture: `"13"`, `"JP-13"`, `13`, `"13000"` / `"131008"`-style
/// local-government codes, `"東京都"` or `"東京"`. `None` when it is none of these.
pub fn resolve(text: &str) -> Option<Prefecture> {
    let text = text.trim();
    let digits = text.strip_prefix("JP-").unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // 2 digits, or a 5- or 6-digit local-government code whose last 3 (then a check digit)
        // are 000: the prefecture itself, not a city in it. A spreadsheet that stored the code
        // as a number dropped 01–09's leading zero (「1000」, 「10006」 for 北海道).
        let code = match digits.len() {
            1 | 2 => digits,
            4 if digits.ends_with("000") => &digits[..1],
            5 if digits.ends_with("000") => &digits[..2],
            5 if digits[1..4] == *"000" => &digits[..1],
            6 if digits[2..5] == *"000" => &digits[..2],
            _ => return None,
        };
        let n: usize = code.bytes().fold(0, |n, b| n * 10 + (b - b'0') as usize);
        return (1..=47).contains(&n).then(|| n - 1);
    }
    (0..47).find(|&p| NAMES[p] == text || short_name(p) == text || NAMES_EN[p].eq_ignore_ascii_case(text))
}

/// Whether a `regions` entry is the country as a whole, as published tables list it beside the
/// 47: 「全国」 (「全国計」, 「全国平均」), the code 00 / 00000 / 000000 (e-Stat's 00000), "Japan".
pub fn is_national(text: &str) -> bool {
    let text = text.trim();
    let digits = text.strip_prefix("JP-").unwrap_or(text);
    text.starts_with("全国")
        || (matches!(digits.len(), 2 | 5 | 6) && digits.bytes().all(|b| b == b'0'))
        || ["Japan", "National", "Nationwide", "All Japan"].iter().any(|n| n.eq_ignore_ascii_case(text))
}

/// The prefecture whose name is nearest a misspelt entry (one character off, as 「東京道」 or
/// 「大坂府」), for the error's suggestion.
pub fn suggestion(text: &str) -> Option<&'static str> {
    let chars: Vec<char> = text.trim().chars().collect();
    NAMES.iter().copied().find(|name| {
        let n: Vec<char> = name.chars().collect();
        n.len() == chars.len() && n.iter().zip(&chars).filter(|(a, b)| a != b).count() == 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_local_government_codes_resolve() {
        for (text, want) in [
            ("13", 12),
            ("01", 0),
            ("1", 0),
            ("JP-47", 46),
            ("13000", 12),
            ("130001", 12),
            ("1000", 0),
            ("10006", 0),
            ("9000", 8),
            ("090000", 8),
            ("東京都", 12),
            ("東京", 12),
            ("北海道", 0),
            ("大阪", 26),
            (" 京都府 ", 25),
            ("Tokyo", 12),
        ] {
            assert_eq!(resolve(text), Some(want), "{text}");
        }
        for text in ["0", "48", "13101", "131016", "東京府", "", "北海", "1300", "1100", "11001", "48000", "0000"] {
            assert_eq!(resolve(text), None, "{text}");
        }
    }

    #[test]
    fn the_country_as_a_whole_is_told_from_the_prefectures() {
        for text in ["全国", " 全国計", "全国平均", "00", "00000", "000000", "JP-00", "Japan"] {
            assert!(is_national(text), "{text}");
            assert_eq!(resolve(text), None, "{text}");
        }
        for text in ["0", "0000", "東京都", "13000", "全", "Japanese"] {
            assert!(!is_national(text), "{text}");
        }
    }

    #[test]
    fn the_tile_grid_has_one_prefecture_a_cell_and_regions_are_contiguous() {
        let mut seen = std::collections::HashSet::new();
        for (p, cell) in TILES.iter().enumerate() {
            assert!(cell.0 < 7 && cell.1 < 7, "{}", NAMES[p]);
            assert!(seen.insert(*cell), "{} shares a cell", NAMES[p]);
        }
        assert_eq!((region_of(0), region_of(12), region_of(46), region_of(36)), (0, 2, 7, 6));
        assert_eq!(short_name(13), "神奈川");
        assert_eq!(short_name(0), "北海道");
        assert_eq!(suggestion("大坂府"), Some("大阪府"));
        assert_eq!(suggestion("xyz"), None);
    }
}
