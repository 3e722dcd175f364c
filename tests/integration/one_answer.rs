//! Facts every output must agree on, decided once in `resolve`: the same spec asked through
//! the scene, the page text, the summary, the point text and the table gives one answer.

use crate::common::*;
use indicator_chart::json::Json;
use indicator_chart::text::EstimatedMeasure;
use indicator_chart::Locale;

fn everything(c: &indicator_chart::chart::Chart) -> (Vec<String>, String, String, Vec<String>) {
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene).into_iter().map(str::to_owned).collect();
    let table = c.table();
    let cells = table.rows.iter().flat_map(|(h, cells)| std::iter::once(h.clone()).chain(cells.iter().cloned())).collect();
    (labels, c.page_text().description, c.point_text(0, 1), cells)
}

#[test]
fn a_full_width_percent_is_a_percentage_in_every_output() {
    let line = chart(
        r#"{"type":"line","title":"保有率","unit":"％","categories":["2021-11","2025-07"],
        "series":[{"name":"保有率","values":[39,79]}]}"#,
    );
    let (labels, summary, point, cells) = everything(&line);
    assert!(summary.contains("40ポイント上昇しました"), "{summary}");
    assert!(labels.iter().any(|l| l == "79％"), "value labels keep the unit: {labels:?}");
    assert_eq!(point, "2025年7月、79％");
    assert!(cells.contains(&"79".to_owned()), "{cells:?}");

    let kpi = chart(
        r#"{"type":"kpi","title":"保有率","unit":"％","value":79,"asOf":"2025-07",
        "previous":{"value":69.2,"asOf":"2024-07"}}"#,
    );
    let (labels, summary, _, cells) = everything(&kpi);
    assert!(labels.iter().any(|l| l == "▲ +9.8ポイント"), "{labels:?}");
    assert!(summary.contains("9.8ポイント増加"), "{summary}");
    assert!(cells.contains(&"+9.8ポイント".to_owned()), "{cells:?}");

    let progress = chart(r#"{"type":"progress","title":"完了率","unit":"％","value":68.2,"target":100}"#);
    let (labels, summary, _, _) = everything(&progress);
    assert!(labels.iter().any(|l| l == "目標100%"), "a rate against 100％ says its target: {labels:?}");
    assert!(summary.contains("目標は100％"), "{summary}");
}

#[test]
fn progress_figures_print_at_one_precision_in_the_chart_the_summary_and_the_table() {
    let c = chart(r#"{"type":"progress","title":"見直し","unit":"条項","value":4365.125,"target":6405}"#);
    let (labels, summary, _, cells) = everything(&c);
    assert!(labels.iter().any(|l| l == "4,365.13 / 6,405.00条項"), "{labels:?}");
    assert!(summary.contains("4,365.13条項"), "{summary}");
    assert!(cells.contains(&"4,365.13条項".to_owned()), "the table at the chart's precision, not 4,365.125: {cells:?}");
}

#[test]
fn a_spec_without_locale_speaks_the_pages_language_and_its_own_locale_wins() {
    let json: Json =
        serde_json::from_str(r#"{"type":"line","title":"t","categories":["a"],"series":[{"name":"s","values":["x1"]}]}"#).unwrap();
    let en = indicator_chart::chart::Chart::from_json_in(&json, Some(Locale::En)).unwrap_err();
    assert_eq!((en.locale, en.message.as_str()), (Locale::En, "series[0].values[0]: expected a number or null (found \"x1\")"));
    let ja = indicator_chart::chart::Chart::from_json_in(&json, None).unwrap_err();
    assert_eq!(ja.locale, Locale::Ja);
    let own: Json =
        serde_json::from_str(r#"{"type":"line","title":"t","locale":"ja","categories":["2025-07"],"series":[{"name":"s","values":[1]}]}"#)
            .unwrap();
    let c = indicator_chart::chart::Chart::from_json_in(&own, Some(Locale::En)).unwrap();
    assert_eq!(c.page_text().locale, Locale::Ja);
}

#[test]
fn the_svg_footer_prints_the_lines_the_page_prints() {
    let c = chart(
        r#"{"type":"line","title":"t","locale":"en","notes":["Figures are rounded."],"source":"Digital Agency",
        "asOf":"2025-07","updated":"2025-09-05","categories":["2025-07"],"series":[{"name":"s","values":[1]}]}"#,
    );
    let page = c.page_text();
    assert_eq!(page.footer_lines(), ["Note: Figures are rounded.", "Source: Digital Agency", "As of Jul 2025　Updated 5 Sep 2025"]);
    let svg = c.to_svg(640.0, 320.0, &EstimatedMeasure);
    for line in page.footer_lines() {
        assert!(svg.contains(&format!(">{line}</text>")), "{line} missing from the SVG");
    }
}
