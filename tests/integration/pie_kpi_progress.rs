//! Pie, donut, KPI and progress layouts: the properties every size must keep (no overlapping
//! text, everything inside the scene, a point per data element, text ≥ 14 px), and what each
//! chart must say — honest shares, the donut total, the KPI delta with sign and arrow, a
//! progress above its target — plus their summaries and data tables.
//!
//! Figures are the Digital Agency's own (tests/fixtures and the seed reports in ../shared/seeds), except the
//! one synthetic "above target" case, which no published figure provides.
//!
//! `DUMP_SVG=/some/dir cargo test --test layout_pie_kpi_progress` also writes each fixture's
//! SVG at every tested width there, for looking at.

use crate::common::{self, *};
use indicator_chart::chart::Chart;
use indicator_chart::scene::{Mark, Scene};
use indicator_chart::text::EstimatedMeasure;
use indicator_chart::theme::Theme;
use std::fs;
use std::path::Path;

const SIZES: [(f32, f32); 6] = [(320.0, 160.0), (320.0, 240.0), (320.0, 400.0), (640.0, 320.0), (1280.0, 400.0), (1280.0, 160.0)];

/// The fixtures of the four types this module covers.
fn fixtures() -> Vec<(String, Chart)> {
    let out: Vec<(String, Chart)> =
        common::fixtures().into_iter().filter(|(n, _)| ["pie-", "donut-", "kpi-", "progress-"].iter().any(|p| n.starts_with(p))).collect();
    assert!(out.len() >= 8, "fixtures missing: {:?}", out.iter().map(|f| &f.0).collect::<Vec<_>>());
    out
}

fn count(scene: &Scene, text: &str) -> usize {
    texts(scene).iter().filter(|t| **t == text).count()
}

fn polygons(scene: &Scene) -> Vec<&Vec<(f32, f32)>> {
    scene.marks.iter().filter_map(|m| if let Mark::Polygon { points, .. } = m { Some(points) } else { None }).collect()
}

/// Every coordinate a mark covers, for the bounds check.
fn extents(mark: &Mark) -> Vec<(f32, f32)> {
    match mark {
        Mark::Rect { x, y, w, h, .. } => vec![(*x, *y), (x + w, y + h)],
        Mark::Rule { x1, y1, x2, y2, .. } => vec![(*x1, *y1), (*x2, *y2)],
        Mark::Polyline { points, .. } | Mark::Polygon { points, .. } => points.clone(),
        Mark::Marker { cx, cy, r, .. } => vec![(cx - r, cy - r), (cx + r, cy + r)],
        Mark::Text { .. } => mark.text_bbox().map(|b| vec![(b.x0, b.y0), (b.x1, b.y1)]).unwrap_or_default(),
    }
}

/// The properties every scene of these types keeps.
fn check(name: &str, scene: &Scene, theme: &Theme) {
    let (w, h) = (scene.width, scene.height);
    assert_eq!(scene.overlapping_texts(), Vec::<(String, String)>::new(), "{name} at {w}×{h}: overlapping text");
    for m in &scene.marks {
        for (x, y) in extents(m) {
            assert!(x >= -0.5 && x <= w + 0.5 && y >= -0.5 && y <= h + 0.5, "{name} at {w}×{h}: {m:?} outside");
        }
        if let Mark::Text { size, color, text, .. } = m {
            assert!(*size >= 14.0, "{name} at {w}×{h}: {text} at {size}px");
            // Theme text colours; the background colour only for labels on a dark wedge.
            assert!([theme.text, theme.muted_text, scene.background].contains(color), "{name}: {text} in {color:?}");
        }
    }
    for p in &scene.points {
        assert!(p.x >= 0.0 && p.x <= w && p.y >= 0.0 && p.y <= h, "{name} at {w}×{h}: point {p:?} outside");
    }
}

#[test]
fn every_fixture_keeps_its_properties_at_phone_tablet_and_desktop_widths() {
    let theme = Theme::default();
    let dump = std::env::var_os("DUMP_SVG");
    for (name, chart) in fixtures() {
        for (w, h) in SIZES {
            let scene = chart.scene(w, h, &EstimatedMeasure);
            check(&name, &scene, &theme);
            assert!(!scene.points.is_empty(), "{name} at {w}×{h} has no points");
            if let Some(dir) = &dump {
                let file = Path::new(dir).join(format!("{}-{w}x{h}.svg", name.trim_end_matches(".json")));
                fs::write(file, chart.to_svg(w, h, &EstimatedMeasure)).unwrap();
            }
        }
    }
}

#[test]
fn tiny_huge_and_odd_sizes_never_panic_or_spill() {
    let theme = Theme::default();
    for (name, chart) in fixtures() {
        for (w, h) in
            [(0.0, 0.0), (1.0, 1.0), (50.0, 30.0), (120.0, 80.0), (320.0, 100.0), (2000.0, 150.0), (400.0, 1200.0), (f32::NAN, 300.0)]
        {
            let scene = chart.scene(w, h, &EstimatedMeasure);
            check(&name, &scene, &theme);
        }
    }
}

#[test]
fn staff_pie_labels_each_slice_with_its_share_clockwise_from_twelve() {
    let chart = fixture("pie-staff.json");
    let scene = chart.scene(640.0, 320.0, &EstimatedMeasure);
    for share in ["40.3%", "47.8%", "5.3%", "6.6%"] {
        // On the pie and in the legend.
        assert_eq!(count(&scene, share), 2, "{share}: {:?}", texts(&scene));
    }
    for legend in ["行政人材", "民間人材", "自治体出身", "その他", "445名", "528名", "59名", "73名"] {
        assert!(texts(&scene).contains(&legend), "{legend}: {:?}", texts(&scene));
    }
    let wedges = polygons(&scene);
    assert_eq!(wedges.len(), 4);
    // The first wedge starts at 12 o'clock and runs clockwise (to the right); its last point is the centre.
    let first = wedges[0];
    let (cx, cy) = *first.last().unwrap();
    let (x0, y0) = first[0];
    assert!((x0 - cx).abs() < 0.01 && y0 < cy, "starts at 12 o'clock: {:?}", first[0]);
    assert!(first[1].0 > cx, "runs clockwise");
    // Arcs are smooth: no segment spans more than 2°.
    let r = cy - y0;
    for pair in first[..first.len() - 1].windows(2) {
        let chord = (pair[1].0 - pair[0].0).hypot(pair[1].1 - pair[0].1);
        assert!(chord <= 2.0 * r * (1.0f32.to_radians()).sin() + 0.01, "segment of {chord}px on r={r}");
    }
    // The wedges are separated by an outline in the background colour.
    assert!(scene.marks.iter().all(|m| !matches!(m, Mark::Polygon { stroke: None, .. })));
    // One point per slice, in data order.
    let indices: Vec<usize> = scene.points.iter().map(|p| p.index).collect();
    assert_eq!(indices, [0, 1, 2, 3]);
}

#[test]
fn legend_sits_beside_on_wide_charts_and_below_on_narrow_ones() {
    let chart = fixture("pie-staff.json");
    let text_pos = |scene: &Scene, text: &str| {
        scene.marks.iter().find_map(|m| match m {
            Mark::Text { text: t, x, y, .. } if t == text => Some((*x, *y)),
            _ => None,
        })
    };
    let disc = |scene: &Scene| {
        let pts = polygons(scene).into_iter().flatten().copied().collect::<Vec<_>>();
        let (x1, y1) = pts.iter().fold((f32::MIN, f32::MIN), |(a, b), p| (a.max(p.0), b.max(p.1)));
        (x1, y1)
    };
    let wide = chart.scene(1280.0, 400.0, &EstimatedMeasure);
    let (right, _) = disc(&wide);
    assert!(text_pos(&wide, "行政人材").unwrap().0 > right, "legend right of the pie at 1280px");
    let narrow = chart.scene(320.0, 400.0, &EstimatedMeasure);
    let (_, bottom) = disc(&narrow);
    assert!(text_pos(&narrow, "行政人材").unwrap().1 > bottom, "legend under the pie at 320px");
}

#[test]
fn a_single_slice_is_a_full_disc() {
    let scene = chart(r#"{"type":"pie","title":"t","unit":"名","categories":["民間人材"],"series":[{"name":"職員数","values":[528]}]}"#)
        .scene(320.0, 240.0, &EstimatedMeasure);
    let wedges = polygons(&scene);
    assert_eq!(wedges.len(), 1);
    // A circle: every point at the same distance from the centre, all the way round, no centre point.
    let pts = wedges[0];
    let n = pts.len() as f32;
    let (cx, cy) = (pts.iter().map(|p| p.0).sum::<f32>() / n, pts.iter().map(|p| p.1).sum::<f32>() / n);
    let radii: Vec<f32> = pts.iter().map(|p| (p.0 - cx).hypot(p.1 - cy)).collect();
    let (lo, hi) = radii.iter().fold((f32::MAX, 0.0f32), |(a, b), r| (a.min(*r), b.max(*r)));
    assert!(hi - lo < 0.5 && lo > 20.0, "radii {lo}..{hi}");
    assert!(pts.len() >= 180, "≤ 2° per segment: {} points", pts.len());
    assert_eq!(count(&scene, "100.0%"), 2, "{:?}", texts(&scene));
    assert_eq!(scene.points.len(), 1);
}

#[test]
fn slices_of_zero_are_listed_but_not_drawn() {
    let scene = chart(r#"{"type":"pie","title":"t","unit":"名","categories":["行政人材","民間人材","自治体出身"],"series":[{"name":"職員数","values":[445,0,59]}]}"#)
        .scene(640.0, 320.0, &EstimatedMeasure);
    assert_eq!(polygons(&scene).len(), 2);
    let t = texts(&scene);
    assert!(t.contains(&"民間人材") && t.contains(&"0名") && t.contains(&"0.0%"), "{t:?}");
    let indices: Vec<usize> = scene.points.iter().map(|p| p.index).collect();
    assert_eq!(indices, [0, 2]);
}

#[test]
fn shares_are_printed_honestly_even_when_they_do_not_add_up() {
    let pie = chart(r#"{"type":"pie","title":"t","categories":["a","b","c"],"series":[{"name":"n","values":[1,1,1]}]}"#);
    let scene = pie.scene(640.0, 320.0, &EstimatedMeasure);
    assert_eq!(count(&scene, "33.3%"), 6, "three on the pie, three in the legend: {:?}", texts(&scene));
    assert!(!texts(&scene).iter().any(|t| t.contains("33.4")));
    let table = pie.table();
    assert_eq!(table.rows.iter().map(|r| r.1[1].as_str()).collect::<Vec<_>>(), ["33.3", "33.3", "33.3", "100.0"]);
    assert!(table.footnotes.iter().any(|f| f.contains("四捨五入")), "{:?}", table.footnotes);
    // The author's decimals apply to shares too.
    let whole = chart(r#"{"type":"pie","title":"t","decimals":0,"categories":["a","b"],"series":[{"name":"n","values":[445,528]}]}"#)
        .scene(640.0, 320.0, &EstimatedMeasure);
    assert!(texts(&whole).contains(&"46%") && texts(&whole).contains(&"54%"), "{:?}", texts(&whole));
}

#[test]
fn small_slices_get_outside_labels_on_leader_lines_or_stay_in_the_legend() {
    let chart = fixture("pie-analog-breakdown.json");
    for (w, h) in [(640.0, 320.0), (1280.0, 400.0)] {
        let scene = chart.scene(w, h, &EstimatedMeasure);
        let leaders = scene.marks.iter().filter(|m| matches!(m, Mark::Polyline { width, .. } if *width == 1.0)).count();
        assert!(leaders >= 1, "{w}px: no leader lines");
        // 0.8% (その他, 33条項) is too thin for a label inside: outside or legend only, never squeezed in.
        assert!(count(&scene, "0.8%") >= 1);
    }
    // The last slice touches the first: never the same colour, even with more slices than colours.
    let scene = chart.scene(640.0, 320.0, &EstimatedMeasure);
    let fills: Vec<_> = scene.marks.iter().filter_map(|m| if let Mark::Polygon { fill, .. } = m { Some(*fill) } else { None }).collect();
    assert_eq!(fills.len(), 9);
    assert_ne!(fills[0], fills[8]);
    assert!(fills.windows(2).all(|w| w[0] != w[1]));
}

#[test]
fn donut_prints_the_total_or_its_centre_label() {
    let scene = fixture("donut-staff.json").scene(640.0, 320.0, &EstimatedMeasure);
    let t = texts(&scene);
    assert!(t.contains(&"1,105名") && t.contains(&"合計"), "{t:?}");
    let en = fixture("donut-staff-en.json").scene(640.0, 320.0, &EstimatedMeasure);
    assert!(texts(&en).contains(&"Total"), "{:?}", texts(&en));
    let labelled = chart(
        r#"{"type":"donut","title":"t","centerLabel":"職員1,105名","categories":["a","b"],"series":[{"name":"n","values":[445,528]}]}"#,
    )
    .scene(640.0, 320.0, &EstimatedMeasure);
    assert!(texts(&labelled).contains(&"職員1,105名") && !texts(&labelled).contains(&"合計"), "{:?}", texts(&labelled));
    // The hole: wedges are rings, no point of them near the centre.
    let pts: Vec<(f32, f32)> = polygons(&scene).into_iter().flatten().copied().collect();
    let (x0, x1) = pts.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = pts.iter().fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (cx, cy, r) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, (x1 - x0) / 2.0);
    assert!(pts.iter().all(|p| (p.0 - cx).hypot(p.1 - cy) > 0.55 * r));
}

#[test]
fn kpi_prints_number_date_delta_share_and_sparkline() {
    let chart = fixture("kpi-mynumber-cards.json");
    for (w, h) in [(320.0, 240.0), (640.0, 320.0), (1280.0, 400.0)] {
        let scene = chart.scene(w, h, &EstimatedMeasure);
        let t = texts(&scene);
        for want in ["9,852万枚", "2025年7月時点", "▲ +4,845万枚", "2021年11月から", "人口に対する保有率", "79%"] {
            assert!(t.contains(&want), "{w}px: {want} missing in {t:?}");
        }
        let big = scene.marks.iter().find_map(|m| match m {
            Mark::Text { text, size, bold, .. } if text == "9,852万枚" => Some((*size, *bold)),
            _ => None,
        });
        let (size, bold) = big.unwrap();
        assert!(bold && (40.0..=56.0).contains(&size), "{w}px: big number at {size}px");
        // The sparkline: a 2 px line, its last point marked.
        let line = scene.marks.iter().find_map(|m| match m {
            Mark::Polyline { points, width, .. } if *width == 2.0 => Some(points.clone()),
            _ => None,
        });
        let line = line.unwrap_or_else(|| panic!("{w}px: no sparkline"));
        assert_eq!(line.len(), 3);
        let last = *line.last().unwrap();
        assert!(scene
            .marks
            .iter()
            .any(|m| matches!(m, Mark::Marker { cx, cy, .. } if (*cx - last.0).abs() < 0.01 && (*cy - last.1).abs() < 0.01)));
        // Uneven gaps to scale: 2021-11 → 2024-08 is 33 months, 2024-08 → 2025-07 is 11.
        let ratio = (line[1].0 - line[0].0) / (line[2].0 - line[1].0);
        assert!((ratio - 3.0).abs() < 0.1, "{ratio}");
        assert_eq!(scene.points.len(), 1);
    }
}

#[test]
fn kpi_without_previous_has_no_delta_and_a_fall_reads_down() {
    let insurance = fixture("kpi-mynumber-insurance.json").scene(320.0, 240.0, &EstimatedMeasure);
    let t = texts(&insurance);
    assert!(t.contains(&"8,484万件") && t.contains(&"2025年6月時点") && t.contains(&"86%"), "{t:?}");
    assert!(!t.iter().any(|s| s.contains('▲') || s.contains('▼') || s.contains("から")), "{t:?}");

    let fall = fixture("kpi-koukin-rate.json").scene(320.0, 240.0, &EstimatedMeasure);
    let t = texts(&fall);
    assert!(t.contains(&"65%") && t.contains(&"▼ −3ポイント") && t.contains(&"2024年の年次報告から"), "{t:?}");

    let en = chart(
        r#"{"type":"kpi","title":"My Number Card holders","value":79,"unit":"%","locale":"en","asOf":"2025-07",
        "previous":{"value":39,"asOf":"2021-11"}}"#,
    )
    .scene(320.0, 240.0, &EstimatedMeasure);
    let t = texts(&en);
    assert!(t.contains(&"79%") && t.contains(&"▲ +40 pts") && t.contains(&"since Nov 2021") && t.contains(&"As of Jul 2025"), "{t:?}");
}

#[test]
fn progress_prints_share_of_target_ratio_bar_goal_and_date() {
    let chart = fixture("progress-analog.json");
    for (w, h) in [(320.0, 160.0), (640.0, 320.0), (1280.0, 400.0)] {
        let scene = chart.scene(w, h, &EstimatedMeasure);
        let t = texts(&scene);
        // 4,365 / 6,405 = 68.149…%: 68.1% at one decimal.
        for want in ["68.1%", "4,365 / 6,405条項", "完了率100%を目指す"] {
            assert!(t.contains(&want), "{w}px: {want} missing in {t:?}");
        }
        let rects: Vec<(f32, f32, bool)> = scene
            .marks
            .iter()
            .skip(1)
            .filter_map(|m| if let Mark::Rect { x, w, stroke, .. } = m { Some((*x, *w, stroke.is_some())) } else { None })
            .collect();
        let track = rects.iter().find(|r| r.2).expect("a bordered track");
        let bar = rects.iter().find(|r| !r.2).expect("a bar");
        assert!((bar.1 / track.1 - 4365.0 / 6405.0).abs() < 0.001, "{w}px: bar {bar:?} of {track:?}");
        assert_eq!(scene.points.len(), 1);
        assert!((scene.points[0].x - (bar.0 + bar.1)).abs() < 0.01);
    }
    let wide = chart.scene(640.0, 320.0, &EstimatedMeasure);
    assert!(texts(&wide).contains(&"2024年3月時点"));
    let rate = fixture("progress-analog-rate.json").scene(320.0, 240.0, &EstimatedMeasure);
    assert!(texts(&rate).contains(&"97.8%") && texts(&rate).contains(&"目標100%"), "{:?}", texts(&rate));
}

#[test]
fn progress_above_target_shows_the_real_share_a_full_bar_and_the_target() {
    // Synthetic figures: no published figure in the seeds exceeds its target.
    let chart = chart(r#"{"type":"progress","title":"目標を上回った場合（テスト用の値）","value":1042,"target":1000,"unit":"件"}"#);
    for (w, h) in [(320.0, 160.0), (640.0, 320.0), (1280.0, 400.0)] {
        if let Some(dir) = std::env::var_os("DUMP_SVG") {
            fs::write(Path::new(&dir).join(format!("progress-over-target-{w}x{h}.svg")), chart.to_svg(w, h, &EstimatedMeasure)).unwrap();
        }
        let scene = chart.scene(w, h, &EstimatedMeasure);
        let t = texts(&scene);
        assert!(t.contains(&"104.2%") && t.contains(&"1,042 / 1,000件") && t.contains(&"目標"), "{w}px: {t:?}");
        let track = scene.marks.iter().find_map(|m| match m {
            Mark::Rect { x, w, stroke: Some(_), .. } => Some((*x, *w)),
            _ => None,
        });
        let (tx, tw) = track.unwrap();
        let filled: f32 =
            scene.marks.iter().skip(1).filter_map(|m| if let Mark::Rect { w, stroke: None, .. } = m { Some(*w) } else { None }).sum();
        assert!((filled - tw).abs() < 0.01, "{w}px: bar full ({filled} of {tw})");
        // The target mark at 1000/1042 of the track.
        let rule_x = scene.marks.iter().find_map(|m| if let Mark::Rule { x1, .. } = m { Some(*x1) } else { None }).unwrap();
        assert!((rule_x - (tx + tw * 1000.0 / 1042.0)).abs() < 0.01);
    }
}

#[test]
fn summaries_read_the_figures_in_words() {
    let pie = fixture("pie-staff.json").page_text().description;
    assert_eq!(
        pie,
        "デジタル庁の職員構成は合計1,105名で、行政人材445名（40.3%）、民間人材528名（47.8%）、自治体出身59名（5.3%）、その他73名（6.6%）。最も大きいのは民間人材で47.8%。"
    );
    let en = fixture("donut-staff-en.json").page_text().description;
    assert!(en.contains("Private sector 528 people (47.8%)") && en.contains("Largest: Private sector, 47.8%."), "{en}");
    let equal =
        chart(r#"{"type":"pie","title":"t","categories":["a","b","c"],"series":[{"name":"n","values":[1,1,1]}]}"#).page_text().description;
    assert!(equal.ends_with("最も大きいのはaとbとcで各33.3%。"), "{equal}");

    assert_eq!(
        fixture("kpi-mynumber-insurance.json").page_text().description,
        "マイナ保険証の有効登録数は2025年6月時点で8,484万件。マイナンバーカード保有者のうち86%。"
    );
    let cards = fixture("kpi-mynumber-cards.json").page_text().description;
    assert!(
        cards.starts_with(
            "マイナンバーカードの保有枚数は2025年7月時点で9,852万枚。2021年11月の5,007万枚から4,845万枚増加。人口に対する保有率79%。"
        ),
        "{cards}"
    );
    assert_eq!(
        fixture("kpi-koukin-rate.json").page_text().description,
        "公金受取口座の登録率は2025年2月時点で65%。2024年の年次報告の68%から3ポイント減少。"
    );

    assert_eq!(
        fixture("progress-analog.json").page_text().description,
        "アナログ規制の見直しは4,365条項で目標6,405条項の68.1%（2024年3月時点）。完了率100%を目指す。"
    );
    let over = chart(r#"{"type":"progress","title":"t","value":1042,"target":1000,"unit":"件","locale":"en"}"#).page_text().description;
    assert!(over.contains("104.2% of the target") && over.contains("above the target"), "{over}");
}

#[test]
fn tables_list_slices_kpi_rows_and_progress() {
    let pie = fixture("pie-staff.json").table();
    assert_eq!(pie.header, ["項目", "職員数（名）", "割合（%）"]);
    assert_eq!(pie.rows[0], ("行政人材".to_owned(), vec!["445".to_owned(), "40.3".to_owned()]));
    assert_eq!(pie.rows[4], ("合計".to_owned(), vec!["1,105".to_owned(), "100.0".to_owned()]));
    assert!(pie.footnotes.is_empty(), "40.3 + 47.8 + 5.3 + 6.6 = 100.0: {:?}", pie.footnotes);

    let kpi = fixture("kpi-mynumber-cards.json").table();
    assert_eq!(kpi.header, ["項目", "時点", "値"]);
    let rows: Vec<(String, Vec<String>)> = kpi.rows;
    assert_eq!(rows[0], ("値".to_owned(), vec!["2025年7月".to_owned(), "98,520,000枚".to_owned()]));
    assert_eq!(rows[1], ("前回の値".to_owned(), vec!["2021年11月".to_owned(), "50,070,000枚".to_owned()]));
    assert_eq!(rows[2], ("増減".to_owned(), vec!["2021年11月から2025年7月".to_owned(), "+48,450,000枚".to_owned()]));
    assert_eq!(rows[3], ("人口に対する保有率".to_owned(), vec!["2025年7月".to_owned(), "79%".to_owned()]));
    assert_eq!(rows[4], ("推移".to_owned(), vec!["2021年11月".to_owned(), "50,070,000枚".to_owned()]));
    assert_eq!(rows.len(), 7);
    let fall = fixture("kpi-koukin-rate.json").table();
    assert_eq!(fall.rows[2].1[1], "\u{2212}3ポイント");

    let progress = fixture("progress-analog.json").table();
    assert_eq!(
        progress.rows,
        [
            ("実績".to_owned(), vec!["4,365条項".to_owned()]),
            ("目標".to_owned(), vec!["6,405条項".to_owned()]),
            ("達成率".to_owned(), vec!["68.1%".to_owned()]),
        ]
    );
}

/// Whether (x, y) lies inside the polygon (even–odd rule).
fn inside_polygon(points: &[(f32, f32)], x: f32, y: f32) -> bool {
    let mut inside = false;
    let mut j = points.len() - 1;
    for i in 0..points.len() {
        let ((xi, yi), (xj, yj)) = (points[i], points[j]);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[test]
fn every_theme_light_and_dark_keeps_labels_readable_on_their_wedges() {
    use indicator_chart::theme::{Color, ThemeName};
    for file in ["pie-staff.json", "pie-analog-breakdown.json", "donut-staff.json", "kpi-mynumber-cards.json", "progress-analog.json"] {
        let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(file)).unwrap();
        for name in ThemeName::NAMES {
            for dark in [false, true] {
                let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
                value["theme"] = serde_json::Value::String((*name).to_owned());
                value["colorScheme"] = serde_json::Value::String(if dark { "dark" } else { "light" }.to_owned());
                let chart = chart(&value.to_string());
                let theme = Theme::named(ThemeName::parse(name).unwrap(), dark);
                for (w, h) in [(320.0, 240.0), (640.0, 320.0)] {
                    let scene = chart.scene(w, h, &EstimatedMeasure);
                    check(&format!("{file} {name} dark={dark}"), &scene, &theme);
                    // A label on a wedge reads at 4.5:1 against it.
                    let wedges: Vec<(&Vec<(f32, f32)>, Color)> = scene
                        .marks
                        .iter()
                        .filter_map(|m| if let Mark::Polygon { points, fill, .. } = m { Some((points, *fill)) } else { None })
                        .collect();
                    for m in &scene.marks {
                        let Mark::Text { x, y, color, text, .. } = m else { continue };
                        if let Some((_, fill)) = wedges.iter().find(|(p, _)| inside_polygon(p, *x, *y)) {
                            assert!(color.contrast(fill) >= 4.5, "{file} {name} dark={dark}: {text} {color:?} on {fill:?}");
                        }
                    }
                }
            }
        }
    }
}
