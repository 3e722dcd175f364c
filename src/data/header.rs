//! What a table's header says beyond a name: the unit Japanese tables write in brackets after
//! it (「保有枚数（万枚）」, 「保有率(%)」, 「金額［千円］」). Read by the live-data parser (a
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
        if name.is_empty() || unit.is_empty() || unit.chars().count() > 8 || unit.contains([open, close]) {
            break;
        }
        return (name.to_owned(), Some(unit.to_owned()));
    }
    (header.to_owned(), None)
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
        assert_eq!(split("保有率"), ("保有率".into(), None));
    }
}
