//! Helpers every test module shares: charts from JSON text or fixture files, and the texts
//! of a scene.

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::scene::{Mark, Scene};
use std::fs;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A valid chart from JSON text (panics with the validator's message otherwise).
pub fn chart(text: &str) -> Chart {
    let json: Json = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    Chart::from_json(&json).unwrap_or_else(|e| panic!("{}", e.message))
}

/// tests/fixtures/`file_name` (with its `.json`) as a chart.
pub fn fixture(file_name: &str) -> Chart {
    let path = root().join("tests/fixtures").join(file_name);
    chart(&fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Every fixture, by file name, sorted.
pub fn fixtures() -> Vec<(String, Chart)> {
    let mut out = Vec::new();
    for path in spec_files(&root().join("tests/fixtures")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        out.push((name.clone(), fixture(&name)));
    }
    out
}

/// The `.json` files of `dir`, sorted.
pub fn spec_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// The text of every text mark, in drawing order.
pub fn texts(scene: &Scene) -> Vec<&str> {
    scene.marks.iter().filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.as_str()) } else { None }).collect()
}

/// The chart with the prefecture shapes (www/maps/prefectures.json) when it is a geo map.
pub fn with_shapes(chart: indicator_chart::chart::Chart) -> indicator_chart::chart::Chart {
    #[cfg(feature = "map")]
    if chart.needs_geometry() {
        thread_local! {
            static SHAPES: std::rc::Rc<indicator_chart::map::Geometry> = std::rc::Rc::new({
                let text = include_str!("../../www/maps/prefectures.json");
                let json: indicator_chart::json::Json = serde_json::from_str(text).unwrap();
                indicator_chart::map::Geometry::from_json(&json).unwrap()
            });
        }
        return SHAPES.with(|s| chart.with_geometry(s.clone()));
    }
    chart
}

/// The plot height a page gives `chart` at `width` (`Chart::natural_plot_height`), or
/// `fallback` for charts with no height of their own.
pub fn plot_height(chart: &indicator_chart::chart::Chart, width: f32, fallback: f32) -> f32 {
    match chart.page_text().height_hint {
        Some(_) => chart.natural_plot_height(width),
        None => fallback,
    }
}
