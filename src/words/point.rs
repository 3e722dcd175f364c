//! What one data point says when it is focused by keyboard, hovered, or tapped:
//! 「2024年8月、75.0%」, 「保有率、2024年8月、75.0%（速報値）」. The same words go to the tooltip
//! and the live region, so nothing exists only in a tooltip.

use super::page::PageText;
use crate::locale::Locale;
use crate::resolve::Resolved;
use crate::spec::ChartType;

/// The description of value `index` of series `series`; empty if out of range.
/// A KPI or progress chart has one point, the whole figure: it says the chart's summary.
pub fn point_text(r: &Resolved, series: usize, index: usize) -> String {
    let spec = &r.spec;
    if matches!(spec.chart_type, ChartType::Kpi | ChartType::Progress) {
        return PageText::of(r).description;
    }
    #[cfg(feature = "map")]
    if spec.chart_type == ChartType::Map {
        return crate::words::map::point_text(r, index);
    }
    let Some(s) = spec.series.get(series) else { return String::new() };
    if index >= spec.categories.len() {
        return String::new();
    }
    let locale = spec.locale;
    let sep = locale.pick("、", ", ");
    let extra = s.extra(index);
    let value = match (s.values.get(index).copied().flatten(), extra.and_then(|e| e.symbol)) {
        (Some(v), _) => r.axis(s.axis).with_unit(v),
        (None, Some(symbol)) => format!("{}（{}）", symbol.symbol(), symbol.meaning(locale)),
        (None, None) => locale.pick("データなし", "no data").to_owned(),
    };
    let mut parts = Vec::with_capacity(4);
    if spec.series.len() > 1 {
        parts.push(s.name.clone());
    }
    parts.push(r.category_words(index));
    parts.push(value);
    // A slice also says its share of the whole.
    if let Some(share) = r.pie.as_ref().and_then(|p| p.shares.get(index).copied().flatten()) {
        parts.push(r.share_text(share));
    }
    let mut text = parts.join(sep);
    if let Some(flag) = extra.and_then(|e| e.flag) {
        text.push_str(&match locale {
            Locale::Ja => format!("（{}）", flag.meaning(locale)),
            Locale::En => format!(" ({})", flag.meaning(locale)),
        });
    }
    if let Some(note) = extra.and_then(|e| e.note.as_deref()) {
        text.push_str(sep);
        text.push_str(note);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str) -> Resolved {
        Resolved::new(crate::spec::spec_from_text(text))
    }

    #[test]
    fn single_series_points_read_date_and_value() {
        let s = resolved(
            r#"{"type":"line","title":"保有率","unit":"%","categories":["2021-11","2024-08"],"series":[{"name":"保有率","values":[39,75]}]}"#,
        );
        assert_eq!(point_text(&s, 0, 1), "2024年8月、75%");
        assert_eq!(point_text(&s, 0, 9), "");
    }

    #[test]
    fn several_series_name_theirs_and_carry_flags_symbols_notes() {
        let s = resolved(
            r#"{"type":"column","title":"t","unit":"万枚","locale":"ja","categories":["目視","実地監査"],
            "series":[{"name":"a","values":[{"value":9852,"flag":"p","note":"過去最高"},"x"]},{"name":"b","values":[1,2]}]}"#,
        );
        assert_eq!(point_text(&s, 0, 0), "a、目視、9,852万枚（速報値）、過去最高");
        assert_eq!(point_text(&s, 0, 1), "a、実地監査、x（秘匿）");
        let en = resolved(
            r#"{"type":"line","title":"t","unit":"cards","locale":"en","categories":["2025-07"],"series":[{"name":"Cards","values":[98520000]}]}"#,
        );
        assert_eq!(point_text(&en, 0, 0), "Jul 2025, 98.52M cards");
    }

    #[test]
    fn slices_say_their_share_and_single_figures_their_summary() {
        let pie = resolved(
            r#"{"type":"pie","title":"職員構成","unit":"名","categories":["行政","民間","自治体","その他"],
            "series":[{"name":"人数","values":[445,528,59,73]}]}"#,
        );
        assert_eq!(point_text(&pie, 0, 0), "行政、445名、40.3%");
        let kpi = resolved(r#"{"type":"kpi","title":"マイナ保険証の有効登録数","value":84840000,"unit":"件","asOf":"2025-06"}"#);
        assert!(point_text(&kpi, 0, 0).contains("8,484万件"), "{}", point_text(&kpi, 0, 0));
    }

    #[test]
    fn full_width_percent_points_keep_their_unit() {
        let s = resolved(r#"{"type":"line","title":"t","unit":"％","categories":["2025-07"],"series":[{"name":"a","values":[79]}]}"#);
        assert_eq!(point_text(&s, 0, 0), "2025年7月、79％");
    }
}
