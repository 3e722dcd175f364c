//! What a table's header says beyond a name: the unit Japanese tables write in brackets after
//! it (「保有枚数（万枚）」, 「保有率(%)」, 「金額［千円］」). Only what reads as a unit is one:
//! 「保有率（全国）」「人口（男）」「件数（速報）」 keep their brackets as part of the name. Read by the live-data parser (a
//! unit every shown column agrees on becomes the chart's) and by the maker's table preview.

/// `(name, unit)`: the header without a closing bracketed unit, and that unit. A header that
/// is only brackets, or whose brackets hold nothing, keeps its text and has no unit.
pub fn split_unit(header: &str) -> (String, Option<String>) {
    let header = header.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('［', '］'), ('[', ']')] {
        let Some(inner) = header.strip_suffix(close) else { continue };
        let Some(at) = inner.rfind(open) else { continue };
        let name = inner[..at].trim_end();
        let unit = inner[at + open.len_utf8()..].trim();
        // 「単位：万枚」 and 「単位:%」 inside the brackets name the unit too.
        let unit = unit.strip_prefix("単位").map(|u| u.trim_start_matches([':', '：', ' ', '　'])).unwrap_or(unit);
        if name.is_empty() || !is_unit(unit) {
            break;
        }
        return (name.to_owned(), Some(unit.to_owned()));
    }
    (header.to_owned(), None)
}

/// Counters Japanese statistics count in, after an optional scale (千, 万, 億, 百万 …), and
/// the percentages. One string, not a list: the live-data wasm pays less for it.
const COUNTERS: &str = "%|％|‰|割|円|ドル|人|件|枚|世帯|社|者|団体|自治体|機関|条項|法案|手続|回|台|か所|箇所|所|校|施設|戸|棟|本|個|冊|点|項目|システム|業務|時間|分|秒|日|か月|年|歳|倍|トン|t|kg|g|km|m|ha|㎡|km²|kWh|GB|DL|ポイント|pt|人日";

/// A scale or a counter (or both, 「百万円」), or a percentage: what brackets after a header
/// name when they name its unit.
fn is_unit(text: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let counted = text.trim_start_matches(['十', '百', '千', '万', '億', '兆']);
    let counter = |c: &str| COUNTERS.split('|').any(|k| k == c);
    // A scale alone (「（千）」「（万）」) is a unit; so is a counter after one.
    counted.is_empty() || counter(counted) || counted.strip_suffix("/人").is_some_and(counter)
}

#[cfg(test)]
mod tests {
    use super::split_unit;

    fn split(h: &str) -> (String, Option<String>) {
        split_unit(h)
    }

    #[test]
    fn a_bracketed_unit_after_the_name_is_split_off() {
        assert_eq!(split("保有枚数（万枚）"), ("保有枚数".into(), Some("万枚".into())));
        assert_eq!(split("保有率(%)"), ("保有率".into(), Some("%".into())));
        assert_eq!(split("金額［千円］"), ("金額".into(), Some("千円".into())));
        assert_eq!(split(" 件数 （単位：件） "), ("件数".into(), Some("件".into())));
    }

    #[test]
    fn other_brackets_are_part_of_the_name() {
        // Brackets that are the whole header, empty, a long aside, or not at the end.
        assert_eq!(split("（万枚）"), ("（万枚）".into(), None));
        assert_eq!(split("保有率（）"), ("保有率（）".into(), None));
        assert_eq!(split("人口（2020年国勢調査による推計値）"), ("人口（2020年国勢調査による推計値）".into(), None));
        assert_eq!(split("（参考）保有率"), ("（参考）保有率".into(), None));
        // Words in brackets that are not units.
        assert_eq!(split("保有率（全国）"), ("保有率（全国）".into(), None));
        assert_eq!(split("人口（男）"), ("人口（男）".into(), None));
        assert_eq!(split("件数（速報）"), ("件数（速報）".into(), None));
        assert_eq!(split("予算（百万円）"), ("予算".into(), Some("百万円".into())));
        assert_eq!(split("人口（千人）"), ("人口".into(), Some("千人".into())));
        assert_eq!(split("保有率"), ("保有率".into(), None));
    }
}
