//! Properties every laid-out chart must have, checked on the fixtures at phone, tablet and
//! desktop widths, and on hostile and huge inputs.

use crate::common::*;
use indicator_chart::scene::Mark;
use indicator_chart::text::EstimatedMeasure;

#[test]
fn no_text_overlaps_and_everything_stays_inside_at_any_width() {
    for (name, chart) in fixtures() {
        for (w, h) in [(320.0, 240.0), (640.0, 320.0), (1280.0, 400.0)] {
            let scene = chart.scene(w, h, &EstimatedMeasure);
            assert_eq!(scene.overlapping_texts(), Vec::<(String, String)>::new(), "{name} at {w}px");
            for m in &scene.marks {
                if let Some(b) = m.text_bbox() {
                    assert!(b.x0 >= -0.5 && b.x1 <= w + 0.5 && b.y0 >= -0.5 && b.y1 <= h + 0.5, "{name} at {w}px: {m:?} outside");
                }
            }
            assert!(!scene.points.is_empty(), "{name} at {w}px drew no points");
        }
    }
}

#[test]
fn the_rate_series_is_drawn_on_a_time_axis_to_scale() {
    let (_, chart) = fixtures().into_iter().find(|(n, _)| n == "mynumber-rate.json").unwrap();
    let scene = chart.scene(640.0, 320.0, &EstimatedMeasure);
    let xs: Vec<f32> = scene.points.iter().map(|p| p.x).collect();
    // 2021-11 → 2022-07 is 8 months, 2022-07 → 2024-08 is 25 months.
    let ratio = (xs[2] - xs[1]) / (xs[1] - xs[0]);
    assert!((ratio - 25.0 / 8.0).abs() < 0.1, "gaps not to scale: {xs:?}");
    let labels = texts(&scene);
    assert!(labels.contains(&"2021年11月") && labels.contains(&"2025年7月"), "{labels:?}");
    assert!(labels.contains(&"39.0%") && labels.contains(&"79.0%"), "value labels share one precision: {labels:?}");
    assert!(labels.contains(&"（%）"), "unit label: {labels:?}");
    // Higher values sit higher on screen.
    assert!(scene.points[3].y < scene.points[0].y);
}

#[test]
fn category_labels_are_truncated_or_thinned_never_overlapping() {
    let (_, chart) = fixtures().into_iter().find(|(n, _)| n == "analog-regulation.json").unwrap();
    let narrow = chart.scene(320.0, 240.0, &EstimatedMeasure);
    let labels = texts(&narrow);
    let category_labels = labels.iter().filter(|l| !l.chars().next().unwrap().is_ascii_digit() && !l.starts_with('（')).count();
    assert!(labels.iter().any(|l| l.ends_with('…')) || category_labels < 9, "long labels should be cut or thinned at 320px: {labels:?}");
    let wide = chart.scene(1280.0, 400.0, &EstimatedMeasure);
    let joined = texts(&wide).join("");
    assert!(joined.contains("フロッピーディスク等記録媒体") && !joined.contains('…'), "wrapped, not cut: {:?}", texts(&wide));
    assert!(texts(&wide).contains(&"991"), "value labels on bars");
}

#[test]
fn axis_uses_japanese_units() {
    let (_, cards) = fixtures().into_iter().find(|(n, _)| n == "cards-en.json").unwrap();
    let en = cards.scene(640.0, 320.0, &EstimatedMeasure);
    assert!(texts(&en).contains(&"100M"), "{:?}", texts(&en));
    let ja = chart(
        r#"{"type":"column","title":"枚数","unit":"枚","categories":["2021-11","2025-07"],
        "series":[{"name":"枚数","values":[50070000,98520000]}]}"#,
    );
    let scene = ja.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene);
    assert!(labels.contains(&"1億") && labels.contains(&"2,000万"), "{labels:?}");
    assert!(labels.contains(&"9,852万"), "bar value label: {labels:?}");
}

#[test]
fn ten_thousand_categories_render_with_thinned_labels() {
    let categories: Vec<String> = (0..10_000).map(|i| format!("\"地点{i}\"")).collect();
    let values: Vec<String> = (0..10_000).map(|i| format!("{}", (i as f64 * 0.01).sin() * 100.0)).collect();
    for kind in ["line", "column"] {
        let spec = format!(
            r#"{{"type":"{kind}","title":"t","categories":[{}],"series":[{{"name":"s","values":[{}]}}]}}"#,
            categories.join(","),
            values.join(",")
        );
        let scene = chart(&spec).scene(800.0, 320.0, &EstimatedMeasure);
        assert_eq!(scene.points.len(), 10_000, "{kind}");
        let labels = texts(&scene).len();
        assert!(labels < 40, "{kind}: {labels} labels on 800px");
        assert!(scene.overlapping_texts().is_empty(), "{kind}: {:?}", scene.overlapping_texts());
    }
}

#[test]
fn extreme_but_valid_values_and_gaps() {
    let c = chart(
        r#"{"type":"line","title":"t","categories":["a","b","c","d","e"],
        "series":[{"name":"s","values":[1e18,null,-1e18,null,5]}]}"#,
    );
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    for p in &scene.points {
        assert!(p.y.is_finite() && p.y >= 0.0 && p.y <= 320.0, "{p:?}");
    }
    // Isolated points between gaps still get a marker.
    let circles = scene.marks.iter().filter(|m| matches!(m, Mark::Marker { .. })).count();
    assert!(circles >= 3);
    let one = chart(r#"{"type":"column","title":"t","categories":["a"],"series":[{"name":"s","values":[0]}]}"#);
    assert_eq!(one.scene(640.0, 320.0, &EstimatedMeasure).points.len(), 1);
}

#[test]
fn tiny_or_broken_sizes_do_not_panic() {
    let (_, chart) = fixtures().into_iter().next().unwrap();
    for (w, h) in [(0.0, 0.0), (1.0, 1.0), (50.0, 500.0), (f32::NAN, 100.0), (f32::INFINITY, 300.0), (-5.0, 300.0)] {
        let scene = chart.scene(w, h, &EstimatedMeasure);
        assert!(scene.width.is_finite() && scene.height.is_finite());
    }
}

#[test]
fn hostile_labels_stay_text_in_svg() {
    let c = chart(
        r#"{"type":"column","title":"<img src=x onerror=alert(1)>","subtitle":"</text><script>alert(1)</script>",
        "categories":["<b>x</b>"],"series":[{"name":"\"><svg onload=alert(1)>","values":[1]}]}"#,
    );
    let svg = c.to_svg(640.0, 320.0, &EstimatedMeasure);
    assert!(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<svg onload"));
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(c.page_text().title.contains("<img"), "page text is raw text; the DOM sets it as textContent");
}

#[test]
fn the_data_table_holds_full_labels_and_exact_values() {
    let (_, analog) = fixtures().into_iter().find(|(n, _)| n == "analog-regulation.json").unwrap();
    let t = analog.table();
    assert_eq!(t.caption, "アナログ規制の見直しが完了した条項の内訳のデータ");
    assert_eq!(t.header, ["項目", "見直し完了（条項）"]);
    assert_eq!(t.rows[7], ("フロッピーディスク等記録媒体".to_string(), vec!["991".to_string()]));
    let (_, rate) = fixtures().into_iter().find(|(n, _)| n == "mynumber-rate.json").unwrap();
    let t = rate.table();
    assert_eq!(t.header[0], "時点");
    assert_eq!(t.rows[0], ("2021年11月".to_string(), vec!["39.0".to_string()]));
    let gaps =
        chart(r#"{"type":"line","title":"t","locale":"en","categories":["a","b"],"series":[{"name":"s","values":[98520000,null]}]}"#);
    assert_eq!(gaps.table().rows[0].1[0], "98,520,000");
    assert_eq!(gaps.table().rows[1].1[0], "no data");
}

#[test]
fn a_unit_in_man_is_not_grouped_again() {
    let (_, c) = fixtures().into_iter().find(|(n, _)| n == "mynumber-cards-man.json").unwrap();
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene);
    assert!(labels.contains(&"10,000") && !labels.iter().any(|l| l.ends_with('万')), "{labels:?}");
    assert!(labels.contains(&"9,852") && labels.contains(&"（万枚）"), "{labels:?}");
    assert!(c.page_text().description.contains("9,852万枚"), "{}", c.page_text().description);
}

#[test]
fn percent_stacks_fill_the_axis_and_label_the_authors_values() {
    let c = fixture("survey-percent-bar.json");
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene);
    // The author's percentages are printed as given (they add to 99.9 and 100.0)...
    for v in ["48.0%", "39.1%", "12.8%", "50.9%", "38.0%", "11.1%"] {
        assert!(labels.contains(&v), "{v} missing: {labels:?}");
    }
    // ...while each stack is normalised to fill exactly 0–100%.
    assert!(labels.contains(&"100") && labels.contains(&"0"), "{labels:?}");
    // Bars of the two stacks: group segments by row (their y) and compare where rows end.
    let mut rows: std::collections::BTreeMap<i32, f32> = Default::default();
    for m in &scene.marks {
        if let Mark::Rect { x, y, w, h, .. } = m {
            if *h > 20.0 && *h < 100.0 {
                let end = rows.entry(y.round() as i32).or_insert(0.0);
                *end = end.max(x + w);
            }
        }
    }
    let ends: Vec<f32> = rows.values().copied().collect();
    assert_eq!(ends.len(), 2, "two stacked rows: {rows:?}");
    assert!((ends[0] - ends[1]).abs() < 0.5, "both stacks end at 100%: {ends:?}");
}

#[test]
fn horizontal_bars_put_long_names_on_the_left() {
    let c = fixture("analog-bar.json");
    for width in [320.0, 640.0] {
        let scene = c.scene(width, 400.0, &EstimatedMeasure);
        let left_labels: Vec<_> = scene
            .marks
            .iter()
            .filter_map(|m| {
                if let Mark::Text { text, h: indicator_chart::scene::HAlign::End, x, .. } = m {
                    Some((text.clone(), *x))
                } else {
                    None
                }
            })
            .filter(|(t, _)| !t.chars().all(|c| c.is_ascii_digit() || c == ','))
            .collect();
        let joined: String = left_labels.iter().map(|(t, _)| t.as_str()).collect();
        assert!(joined.contains("目視") && joined.contains("その他"), "{width}: {left_labels:?}");
        assert!(texts(&scene).contains(&"991"), "value labels at bar ends at {width}px");
        // Bars grow rightwards from the same baseline.
        let xs: Vec<f32> = scene.points.iter().map(|p| p.x).collect();
        assert!(xs[7] > xs[0] && xs[2] < xs[0], "{xs:?}");
    }
}

#[test]
fn combo_measures_the_line_on_the_right_axis() {
    let c = fixture("combo-cards-rate.json");
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene);
    assert!(labels.contains(&"（万枚）") && labels.contains(&"（%）"), "{labels:?}");
    assert!(labels.contains(&"100") && labels.contains(&"10,000"), "both axes labelled: {labels:?}");
    let line_points: Vec<_> = scene.points.iter().filter(|p| p.series == 1).collect();
    let column_points: Vec<_> = scene.points.iter().filter(|p| p.series == 0).collect();
    assert_eq!((line_points.len(), column_points.len()), (3, 3));
    // The line is drawn to its own 0–100 scale: 39 → 75 → 79 keeps its proportions.
    let ratio = (line_points[0].y - line_points[2].y) / (line_points[1].y - line_points[2].y);
    assert!((ratio - 10.0).abs() < 0.05, "(79-39)/(79-75) = 10, got {ratio}");
    // And columns to theirs: 9,852 is 98.5% of the 10,000 top, 5,007 is 50.1%.
    let col_ratio = (column_points[2].y - column_points[0].y) / (column_points[1].y - column_points[0].y);
    assert!((col_ratio - (9852.0 - 5007.0) / (9308.0 - 5007.0)).abs() < 0.01, "{col_ratio}");
}

#[test]
fn annotations_draw_a_reference_line_a_band_and_a_point_note() {
    let c = fixture("area-annotations.json");
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    let labels = texts(&scene);
    assert!(labels.iter().any(|l| l.starts_with("人口の半数")), "{labels:?}");
    assert!(labels.contains(&"直近") && labels.contains(&"9,852万枚"), "{labels:?}");
    assert!(scene.marks.iter().any(|m| matches!(m, Mark::Polyline { dash: indicator_chart::theme::LineDash::Dashed, .. })));
    assert!(scene.marks.iter().any(|m| matches!(m, Mark::Polygon { .. })), "the area is filled");
    assert!(labels.contains(&"100"), "yAxis.max fixes the top: {labels:?}");
}

#[test]
fn derived_sources_say_so() {
    let c = fixture("combo-cards-rate.json");
    assert_eq!(c.page_text().source_line.as_deref(), Some("出典：デジタル庁「活動報告及び今後の取組」（2025年9月5日）ほかを加工して作成"));
}

#[test]
fn tables_show_statistical_symbols_and_flags_never_zero() {
    let c = chart(
        r#"{"type":"column","title":"t","unit":"件","categories":["2022","2023","2024","2025"],
        "series":[{"name":"件数","values":["-","x",{"value":1234,"flag":"p"},{"value":1200,"flag":"r"}]},
                  {"name":"率","values":["…",null,1.5,2.25],"type":"line","axis":"right"}],"y2Axis":{"unit":"%"}}"#,
    );
    let t = c.table();
    assert_eq!(t.header, ["時点", "件数（件）", "率（%）"]);
    let cells: Vec<&str> = t.rows.iter().map(|(_, c)| c[0].as_str()).collect();
    assert_eq!(cells, ["-", "x", "1,234 p", "1,200 r"], "counts keep their own precision, not the rate axis's");
    assert_eq!(t.rows[0].1[1], "…");
    assert_eq!(t.rows[1].1[1], "データなし");
    assert_eq!(t.footnotes, ["-：該当数値なし", "…：不詳", "x：秘匿", "p：速報値", "r：訂正値"]);
    // Symbols are not drawn as zero: no bar for them.
    let scene = c.scene(640.0, 320.0, &EstimatedMeasure);
    assert_eq!(scene.points.iter().filter(|p| p.series == 0).count(), 2);
}

#[test]
fn reference_lines_never_cross_a_value_label() {
    let c = chart(
        r#"{"type":"column","title":"アナログ規制の見直し率","unit":"%","categories":["2024-03","2025-05"],
        "series":[{"name":"見直し率","values":[68.2,97.8]}],"annotations":[{"type":"line","value":100,"label":"目標"}]}"#,
    );
    for width in [320.0, 640.0] {
        let scene = c.scene(width, 320.0, &EstimatedMeasure);
        let line_y = scene
            .marks
            .iter()
            .find_map(|m| {
                if let Mark::Polyline { points, dash: indicator_chart::theme::LineDash::Dashed, .. } = m {
                    Some(points[0].1)
                } else {
                    None
                }
            })
            .expect("the target line");
        let label = scene.marks.iter().find(|m| matches!(m, Mark::Text { text, .. } if text == "97.8%")).expect("97.8% is labelled");
        let b = label.text_bbox().unwrap();
        assert!(line_y < b.y0 - 1.0 || line_y > b.y1 + 1.0, "line at {line_y} crosses the label {b:?} at {width}px");
        // The line's own label sits on no bar.
        let target = scene.marks.iter().find(|m| matches!(m, Mark::Text { text, .. } if text.starts_with("目標"))).expect("目標 label");
        let t = target.text_bbox().unwrap();
        for m in &scene.marks {
            if let Mark::Rect { x, y, w, h, .. } = m {
                if *w < width * 0.9 {
                    let bar = indicator_chart::scene::BBox { x0: *x, y0: *y, x1: x + w, y1: y + h };
                    assert!(!t.overlaps(&bar), "目標 label {t:?} lies on a bar {bar:?} at {width}px");
                }
            }
        }
        assert!(scene.overlapping_texts().is_empty(), "{:?}", scene.overlapping_texts());
    }
}

#[test]
fn time_axes_keep_the_densest_ticks_that_fit_on_phones() {
    let c = fixture("combo-cards-rate.json");
    let scene = c.scene(296.0, 300.0, &EstimatedMeasure);
    let years: Vec<&str> = texts(&scene).into_iter().filter(|t| t.ends_with('年') && t.len() <= 8).collect();
    assert!(years.len() >= 2, "2021-11 to 2025-07 at 296px needs more than one tick: {:?}", texts(&scene));
}

#[test]
fn notes_on_values_are_always_in_the_table() {
    let c = chart(
        r#"{"type":"column","title":"年間申請","unit":"万回","categories":["引越し","パスポート"],
        "series":[{"name":"2025年","values":[{"value":78,"note":"1日あたり2,000回以上"},77]}]}"#,
    );
    assert_eq!(c.table().footnotes, ["※引越し：1日あたり2,000回以上"]);
}

#[test]
fn csv_rows_carry_raw_numbers_and_category_codes() {
    let c = chart(
        r#"{"type":"line","title":"保有枚数","unit":"枚","categories":["2021-11","2025-07"],
        "series":[{"name":"保有枚数","values":[50070000,"x"]},{"name":"率","values":[39.5,null]}]}"#,
    );
    let rows = c.csv_rows(&c.table());
    assert_eq!(rows[0], ["時点", "保有枚数（枚）", "率（枚）"]);
    assert_eq!(rows[1], ["2021-11", "50070000", "39.5"]);
    assert_eq!(rows[2], ["2025-07", "x", ""]);
    let pie =
        chart(r#"{"type":"pie","title":"職員","unit":"名","categories":["行政","民間"],"series":[{"name":"人数","values":[445,528]}]}"#);
    let rows = pie.csv_rows(&pie.table());
    assert_eq!(rows[1][0..2], ["行政".to_string(), "445".to_string()]);
    assert!(rows[1][2].starts_with("45.7348"), "unrounded share: {:?}", rows[1]);
}
