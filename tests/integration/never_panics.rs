//! Input of any kind never panics (on wasm a panic aborts every chart on the page):
//! thousands of random JSON values and near-valid specs go through validation, layout at odd
//! sizes, summaries, tables, point text and SVG export. Deterministic: a fixed-seed PRNG, so a
//! failure reproduces; the failing spec is printed.

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::scene::Mark;
use indicator_chart::text::EstimatedMeasure;

/// xorshift64*: small, deterministic, good enough to explore shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NUMBERS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    39.0,
    45.8,
    97.8,
    100.0,
    1e4,
    98_520_000.0,
    3.86e8,
    1e15,
    -1e15,
    1e18,
    -1e18,
    2e18,
    1e-9,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    123_456.789,
];
const STRINGS: &[&str] = &[
    "",
    " ",
    "2025",
    "2025-07",
    "2025-07-31",
    "2025-Q1",
    "2024年度",
    "FY2024",
    "2025年7月末",
    "2025-13",
    "令和7年",
    "-",
    "…",
    "x",
    "p",
    "<img src=x onerror=alert(1)>",
    "フロッピーディスク等記録媒体",
    "a\u{0}b",
    "%",
    "万枚",
    "line",
    "column",
    "bar",
    "pie",
    "donut",
    "kpi",
    "progress",
    "area",
    "normal",
    "percent",
    "left",
    "right",
    "dashed",
    "diamond",
    "#0017C1",
    "Blue",
    "dark",
    "auto",
    "ja",
    "en",
];
const KEYS: &[&str] = &[
    "type",
    "title",
    "subtitle",
    "unit",
    "decimals",
    "source",
    "asOf",
    "updated",
    "notes",
    "locale",
    "theme",
    "colorScheme",
    "card",
    "era",
    "description",
    "categories",
    "series",
    "stacking",
    "yAxis",
    "y2Axis",
    "annotations",
    "centerLabel",
    "value",
    "previous",
    "share",
    "sparkline",
    "target",
    "goal",
    "name",
    "values",
    "axis",
    "style",
    "marker",
    "color",
    "min",
    "max",
    "label",
    "url",
    "from",
    "to",
    "category",
    "flag",
    "note",
    "text",
    "mode",
    "__proto__",
];

fn random_json(rng: &mut Rng, depth: usize) -> Json {
    match rng.below(if depth > 3 { 4 } else { 7 }) {
        0 => Json::Null,
        1 => Json::Bool(rng.below(2) == 1),
        2 => Json::Number(*rng.pick(NUMBERS)),
        3 => Json::String(rng.pick(STRINGS).to_string()),
        4 | 5 => Json::Array((0..rng.below(6)).map(|_| random_json(rng, depth + 1)).collect()),
        _ => Json::Object((0..rng.below(6)).map(|_| (rng.pick(KEYS).to_string(), random_json(rng, depth + 1))).collect()),
    }
}

/// A spec that is usually valid or nearly so, to reach layout with unusual data.
fn near_valid_spec(rng: &mut Rng) -> Json {
    let kind = *rng.pick(&["line", "area", "column", "bar", "pie", "donut", "kpi", "progress"]);
    let n = *rng.pick(&[1usize, 2, 3, 4, 9, 40, 400]);
    let categories: Vec<Json> = (0..n)
        .map(|i| match rng.below(3) {
            0 => Json::String(format!("{}-{:02}", 2000 + i / 12, i % 12 + 1)),
            1 => Json::String(rng.pick(STRINGS).to_string()),
            _ => Json::String(format!("項目{i}")),
        })
        .collect();
    let value = |rng: &mut Rng| match rng.below(8) {
        0 => Json::Null,
        1 => Json::String(rng.pick(&["-", "…", "x"]).to_string()),
        2 => Json::Object(vec![
            ("value".into(), Json::Number(rng.below(1000) as f64)),
            ("flag".into(), Json::String("p".into())),
            ("note".into(), Json::String(rng.pick(STRINGS).to_string())),
        ]),
        _ => Json::Number(*rng.pick(&[0.0, 1.0, 12.8, 39.0, 48.0, 852.0, 9852.0, 98_520_000.0, -5.0, 1e15])),
    };
    let series_count = if matches!(kind, "pie" | "donut") { 1 } else { 1 + rng.below(4) };
    let series: Vec<Json> = (0..series_count)
        .map(|s| {
            let mut fields = vec![
                ("name".to_string(), Json::String(format!("系列{s}"))),
                ("values".to_string(), Json::Array((0..n).map(|_| value(rng)).collect())),
            ];
            if matches!(kind, "line" | "area" | "column") && rng.below(3) == 0 {
                fields.push(("type".into(), Json::String(rng.pick(&["line", "column", "area"]).to_string())));
                fields.push(("axis".into(), Json::String(rng.pick(&["left", "right"]).to_string())));
            }
            Json::Object(fields)
        })
        .collect();
    let mut spec = vec![
        ("type".to_string(), Json::String(kind.into())),
        ("title".to_string(), Json::String(rng.pick(STRINGS).to_string())),
        ("locale".to_string(), Json::String(rng.pick(&["ja", "en"]).to_string())),
        ("unit".to_string(), Json::String(rng.pick(&["%", "万枚", "件", "cards"]).to_string())),
        ("era".to_string(), Json::Bool(rng.below(2) == 1)),
        ("theme".to_string(), Json::String(rng.pick(&["Blue", "Red", "SolidGray", "Cyan"]).to_string())),
    ];
    match kind {
        "kpi" => {
            spec.push(("value".into(), Json::Number(*rng.pick(&[0.0, 84_840_000.0, 97.8, -3.0]))));
            if rng.below(2) == 0 {
                spec.push((
                    "previous".into(),
                    Json::Object(vec![("value".into(), Json::Number(50_070_000.0)), ("asOf".into(), Json::String("2021-11".into()))]),
                ));
            }
            if rng.below(2) == 0 {
                spec.push((
                    "sparkline".into(),
                    Json::Object(vec![
                        ("categories".into(), Json::Array(categories)),
                        ("values".into(), Json::Array((0..n).map(|_| value(rng)).collect())),
                    ]),
                ));
            }
        }
        "progress" => {
            spec.push(("value".into(), Json::Number(*rng.pick(&[0.0, 4365.0, 7000.0, 1e9]))));
            spec.push(("target".into(), Json::Number(*rng.pick(&[6405.0, 100.0, 1.0]))));
        }
        _ => {
            spec.push(("categories".into(), Json::Array(categories.clone())));
            spec.push(("series".into(), Json::Array(series)));
            if matches!(kind, "area" | "column" | "bar") && rng.below(2) == 0 {
                spec.push(("stacking".into(), Json::String(rng.pick(&["normal", "percent"]).to_string())));
            }
            if kind != "pie" && kind != "donut" && rng.below(2) == 0 {
                let first = categories.first().cloned().unwrap_or(Json::Null);
                spec.push((
                    "annotations".into(),
                    Json::Array(vec![
                        Json::Object(vec![
                            ("type".into(), Json::String("line".into())),
                            ("value".into(), Json::Number(50.0)),
                            ("label".into(), Json::String("目標".into())),
                        ]),
                        Json::Object(vec![
                            ("type".into(), Json::String("band".into())),
                            ("from".into(), first.clone()),
                            ("to".into(), first.clone()),
                        ]),
                        Json::Object(vec![
                            ("type".into(), Json::String("point".into())),
                            ("series".into(), Json::Number(0.0)),
                            ("category".into(), first),
                        ]),
                    ]),
                ));
            }
        }
    }
    // Sometimes break one field.
    if rng.below(4) == 0 {
        let i = rng.below(spec.len());
        spec[i].1 = random_json(rng, 2);
    }
    Json::Object(spec)
}

fn exercise(chart: &Chart, rng: &mut Rng) {
    let (w, h) = *rng.pick(&[(320.0f32, 240.0f32), (640.0, 320.0), (1280.0, 160.0), (0.0, 0.0), (90.0, 60.0), (2000.0, 900.0)]);
    let scene = chart.scene(w, h, &EstimatedMeasure);
    for mark in &scene.marks {
        let finite = match mark {
            Mark::Rect { x, y, w, h, .. } => [x, y, w, h].iter().all(|v| v.is_finite()),
            Mark::Rule { x1, y1, x2, y2, .. } => [x1, y1, x2, y2].iter().all(|v| v.is_finite()),
            Mark::Polyline { points, .. } | Mark::Polygon { points, .. } => points.iter().all(|(x, y)| x.is_finite() && y.is_finite()),
            Mark::Marker { cx, cy, r, .. } => [cx, cy, r].iter().all(|v| v.is_finite()),
            Mark::Text { x, y, width, .. } => [x, y, width].iter().all(|v| v.is_finite()),
        };
        assert!(finite, "non-finite mark {mark:?}");
    }
    let page = chart.page_text();
    assert!(!page.description.is_empty());
    let table = chart.table();
    let _ = chart.csv_rows(&table);
    for p in &scene.points {
        let _ = chart.point_text(p.series, p.index);
    }
    let _ = chart.to_svg(w, h, &EstimatedMeasure);
}

/// Runs `f`, and if it panics, fails with the spec that made it panic.
fn reproducibly(json: &Json, f: impl FnOnce()) {
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_err() {
        panic!("this spec panicked: {json:?}");
    }
}

#[test]
fn random_json_never_panics() {
    let mut rng = Rng(0x1DC0_FFEE_2025);
    for _ in 0..4000 {
        let json = random_json(&mut rng, 0);
        reproducibly(&json, || {
            if let Ok(chart) = Chart::from_json(&json) {
                exercise(&chart, &mut rng);
            }
        });
    }
}

#[test]
fn near_valid_specs_lay_out_without_panics_or_nan() {
    let mut rng = Rng(0x0DA5_2025_0905);
    let mut valid = 0;
    for _ in 0..1500 {
        let json = near_valid_spec(&mut rng);
        reproducibly(&json, || match Chart::from_json(&json) {
            Ok(chart) => {
                valid += 1;
                exercise(&chart, &mut rng);
            }
            Err(e) => assert!(!e.message.is_empty()),
        });
    }
    assert!(valid > 300, "the generator should reach layout often: {valid} valid of 1500");
}

/// Maps: regions of every form (and garbage), values with gaps and symbols, every layout and
/// scale, with the shapes, laid out at odd sizes and walked with every arrow from every point.
#[cfg(feature = "map")]
#[test]
fn near_valid_maps_lay_out_and_walk_without_panics_or_nan() {
    let mut rng = Rng(0x4D41_5000_0047);
    let mut valid = 0;
    for _ in 0..400 {
        let n = *rng.pick(&[1usize, 2, 5, 20, 47, 48]);
        let regions: Vec<Json> = (0..n)
            .map(|i| match rng.below(5) {
                0 => Json::String(format!("{:02}", (i * 7) % 47 + 1)),
                1 => Json::String(format!("{:02}000", (i * 11) % 47 + 1)),
                2 => Json::Number(((i * 13) % 47 + 1) as f64),
                3 => Json::String(rng.pick(&["東京都", "大阪", "北海道", "沖縄県", "大坂府", "", "99"]).to_string()),
                _ => Json::String(format!("{:02}", i % 47 + 1)),
            })
            .collect();
        let values: Vec<Json> = (0..n)
            .map(|_| match rng.below(6) {
                0 => Json::Null,
                1 => Json::String("x".into()),
                _ => Json::Number(*rng.pick(&[0.0, 1.0, 79.0, 84.3, -5.0, 1e15, 98_520_000.0])),
            })
            .collect();
        let scale = match rng.below(5) {
            0 => Json::Object(vec![("type".into(), Json::String("equal".into())), ("classes".into(), Json::Number(rng.below(8) as f64))]),
            1 => Json::Object(vec![("thresholds".into(), Json::Array(vec![Json::Number(10.0), Json::Number(80.0)]))]),
            2 => Json::Object(vec![("type".into(), Json::String("diverging".into()))]),
            3 => random_json(&mut rng, 2),
            _ => Json::Null,
        };
        let mut spec = vec![
            ("type".to_string(), Json::String("map".into())),
            ("title".to_string(), Json::String(rng.pick(STRINGS).to_string())),
            ("locale".to_string(), Json::String(rng.pick(&["ja", "en"]).to_string())),
            ("unit".to_string(), Json::String(rng.pick(&["%", "万枚", "人"]).to_string())),
            ("layout".to_string(), Json::String(rng.pick(&["geo", "tiles"]).to_string())),
            ("regions".to_string(), Json::Array(regions)),
            ("values".to_string(), Json::Array(values)),
            ("scale".to_string(), scale),
        ];
        if rng.below(2) == 0 {
            spec.push(("reference".into(), Json::Object(vec![("value".into(), Json::Number(*rng.pick(&[0.0, 79.0, -1e9])))])));
        }
        let json = Json::Object(spec);
        reproducibly(&json, || match Chart::from_json(&json) {
            Ok(chart) => {
                valid += 1;
                let chart = crate::common::with_shapes(chart);
                exercise(&chart, &mut rng);
                let scene = chart.scene(480.0, 640.0, &EstimatedMeasure);
                for p in &scene.points {
                    for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                        let _ = chart.neighbour(p.index, dx, dy);
                    }
                    assert_eq!(scene.area_at(p.x, p.y).is_some(), scene.area_at(p.x, p.y).is_some());
                }
            }
            Err(e) => assert!(!e.message.is_empty()),
        });
    }
    assert!(valid > 60, "the generator should reach layout often: {valid} valid of 400");
}
