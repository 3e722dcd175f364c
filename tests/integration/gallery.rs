//! The demo pages' specs are valid and lay out cleanly: every www/charts/gallery/*.json and
//! www/charts/dashboard/*.json validates with `Chart::from_json`, and at phone, tablet and
//! desktop widths its text never overlaps and nothing leaves the scene.
//! All failures are reported at once, each with its file name.

use crate::common::*;
use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::text::EstimatedMeasure;
use std::fs;
use std::path::Path;

#[test]
fn gallery_and_dashboard_specs_validate() {
    let charts = Path::new(env!("CARGO_MANIFEST_DIR")).join("www").join("charts");
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in ["gallery", "dashboard"] {
        let files = spec_files(&charts.join(dir));
        assert!(!files.is_empty(), "www/charts/{dir} has no .json specs");
        for file in files {
            let name = format!("www/charts/{dir}/{}", file.file_name().unwrap().to_string_lossy());
            checked += 1;
            let text = match fs::read_to_string(&file) {
                Ok(text) => text,
                Err(e) => {
                    failures.push(format!("{name}: cannot read: {e}"));
                    continue;
                }
            };
            let json: Json = match serde_json::from_str(&text) {
                Ok(json) => json,
                Err(e) => {
                    failures.push(format!("{name}: not JSON: {e}"));
                    continue;
                }
            };
            if let Err(e) = Chart::from_json(&json) {
                failures.push(format!("{name}: {}", e.message));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} specs failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn gallery_and_dashboard_charts_lay_out_without_overlaps_at_any_width() {
    let charts = Path::new(env!("CARGO_MANIFEST_DIR")).join("www").join("charts");
    let mut failures = Vec::new();
    for dir in ["gallery", "dashboard"] {
        for file in spec_files(&charts.join(dir)) {
            let name = format!("{dir}/{}", file.file_name().unwrap().to_string_lossy());
            let json: Json = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
            let Ok(chart) = Chart::from_json(&json) else { continue }; // reported by the test above
            let chart = crate::common::with_shapes(chart);
            for width in [320.0, 640.0, 1280.0] {
                let height = crate::common::plot_height(&chart, width, 320.0);
                let scene = chart.scene(width, height, &EstimatedMeasure);
                let overlaps = scene.overlapping_texts();
                if !overlaps.is_empty() {
                    failures.push(format!("{name} at {width}px: overlapping text {overlaps:?}"));
                }
                for mark in &scene.marks {
                    if let Some(b) = mark.text_bbox() {
                        if b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > width + 0.5 || b.y1 > height + 0.5 {
                            failures.push(format!("{name} at {width}px: text outside the scene {mark:?}"));
                        }
                    }
                }
                if scene.points.is_empty() {
                    failures.push(format!("{name} at {width}px: no data point drawn"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
