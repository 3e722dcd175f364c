//! What one data point says when it is focused by keyboard, hovered, or tapped:
//! 「2024年8月、75.0%」, 「保有率、2024年8月、75.0%（速報値）」. The same words go to the tooltip
//! and the live region, so nothing exists only in a tooltip.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{percent, value_with_unit};
use crate::spec::{AxisSide, ChartSpec, ChartType};
use crate::table::axis_decimals;

/// The description of value `index` of series `series`; empty if out of range.
/// A KPI or progress chart has one point, the whole figure: it says the chart's summary.
pub fn point_text(spec: &ChartSpec, series: usize, index: usize) -> String {
    if matches!(spec.chart_type, ChartType::Kpi | ChartType::Progress) {
        return crate::page_text::PageText::of(spec).description;
    }
    let (Some(s), Some(category)) = (spec.series.get(series), spec.categories.get(index)) else {
        return String::new();
    };
    let locale = spec.locale;
    let sep = locale.pick("、", ", ");
    let unit = match s.axis {
        AxisSide::Left => spec.unit.as_deref(),
        AxisSide::Right => spec.y2_axis.as_ref().and_then(|a| a.unit.as_deref()),
    };
    let decimals = axis_decimals(spec, s.axis);
    let extra = s.extra(index);
    let value = match (s.values.get(index).copied().flatten(), extra.and_then(|e| e.symbol)) {
        (Some(v), _) => value_with_unit(v, decimals, unit, locale),
        (None, Some(symbol)) => format!("{}（{}）", symbol.symbol(), symbol.meaning(locale)),
        (None, None) => locale.pick("データなし", "no data").to_owned(),
    };
    let mut parts = Vec::with_capacity(4);
    if spec.series.len() > 1 {
        parts.push(s.name.clone());
    }
    parts.push(PartialDate::parse(category).map_or_else(|| category.clone(), |d| d.label_with(locale, spec.era)));
    parts.push(value);
    // A slice also says its share of the whole.
    if let (ChartType::Pie | ChartType::Donut, Some(v)) = (spec.chart_type, s.values[index]) {
        let total: f64 = s.values.iter().flatten().sum();
        if total > 0.0 {
            parts.push(percent(v / total * 100.0, spec.decimals.unwrap_or(1)));
        }
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

    fn spec(text: &str) -> ChartSpec {
        crate::spec::spec_from_text(text)
    }

    #[test]
    fn single_series_points_read_date_and_value() {
        let s = spec(
            r#"{"type":"line","title":"保有率","unit":"%","categories":["2021-11","2024-08"],"series":[{"name":"保有率","values":[39,75]}]}"#,
        );
        assert_eq!(point_text(&s, 0, 1), "2024年8月、75%");
        assert_eq!(point_text(&s, 0, 9), "");
    }

    #[test]
    fn several_series_name_theirs_and_carry_flags_symbols_notes() {
        let s = spec(
            r#"{"type":"column","title":"t","unit":"万枚","locale":"ja","categories":["目視","実地監査"],
            "series":[{"name":"a","values":[{"value":9852,"flag":"p","note":"過去最高"},"x"]},{"name":"b","values":[1,2]}]}"#,
        );
        assert_eq!(point_text(&s, 0, 0), "a、目視、9,852万枚（速報値）、過去最高");
        assert_eq!(point_text(&s, 0, 1), "a、実地監査、x（秘匿）");
        let en = spec(
            r#"{"type":"line","title":"t","unit":"cards","locale":"en","categories":["2025-07"],"series":[{"name":"Cards","values":[98520000]}]}"#,
        );
        assert_eq!(point_text(&en, 0, 0), "Jul 2025, 98.52M cards");
    }

    #[test]
    fn slices_say_their_share_and_single_figures_their_summary() {
        let pie = spec(
            r#"{"type":"pie","title":"職員構成","unit":"名","categories":["行政","民間","自治体","その他"],
            "series":[{"name":"人数","values":[445,528,59,73]}]}"#,
        );
        assert_eq!(point_text(&pie, 0, 0), "行政、445名、40.3%");
        let kpi = spec(r#"{"type":"kpi","title":"マイナ保険証の有効登録数","value":84840000,"unit":"件","asOf":"2025-06"}"#);
        assert!(point_text(&kpi, 0, 0).contains("8,484万件"), "{}", point_text(&kpi, 0, 0));
    }
}
