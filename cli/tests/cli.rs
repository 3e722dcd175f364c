//! The `indicator-chart` binary as a user runs it, and the text-fit property of the real-font
//! measurer: with the widths resvg will draw, no label leaves the image or touches another.
// clippy.toml keeps libm and float parsing out of the wasm; the native renderer may use both.
#![allow(clippy::disallowed_methods)]

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::scene::{Mark, Scene};
use indicator_chart_cli::fonts::Fonts;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_indicator-chart"))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = root().join("test-output/cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load(None, root()).expect("a font to draw with"))
}

fn spec_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The pixel size and the decoded pixels of a PNG file.
fn png(path: &Path) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Pixels clearly darker than the light card: text, lines, bars.
fn ink(p: &resvg::tiny_skia::Pixmap) -> usize {
    p.pixels().iter().filter(|c| c.alpha() > 200 && (c.red() as u32 + c.green() as u32 + c.blue() as u32) < 3 * 160).count()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn renders_a_png_of_the_asked_size_with_a_drawn_chart() {
    let dir = out_dir("one");
    let out = dir.join("rate.png");
    let o = bin().args(["render", "tests/fixtures/mynumber-rate.json", "-o"]).arg(&out).current_dir(root()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let p = png(&out);
    assert_eq!(p.width(), 1600, "800 CSS px at the default PNG scale 2");
    assert!(ink(&p) > 20_000, "a drawn chart, not a blank card: {} dark pixels", ink(&p));
    // A fixed frame: a 1200×630 link card.
    let card = dir.join("card.png");
    let o = bin()
        .args(["render", "tests/fixtures/pie-staff.json", "--width", "600", "--height", "315", "--scale", "2", "-o"])
        .arg(&card)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let p = png(&card);
    assert_eq!((p.width(), p.height()), (1200, 630));
}

#[test]
fn svg_is_the_document_the_library_exports_and_stdin_works() {
    let dir = out_dir("svg");
    let spec = std::fs::read_to_string(root().join("tests/fixtures/society-survey.json")).unwrap();
    let mut child = bin().args(["render", "-", "-o"]).arg(dir.join("s.svg")).stdin(Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), spec.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    let svg = std::fs::read_to_string(dir.join("s.svg")).unwrap();
    assert!(svg.starts_with("<svg ") && svg.contains(r#"width="800""#), "{}", &svg[..200.min(svg.len())]);
    assert!(svg.contains("<title id=\"t\">社会のデジタル化についての評価</title>"));
}

#[test]
fn a_bad_spec_exits_1_with_the_widgets_message() {
    let dir = out_dir("bad");
    let cases = [
        (
            r#"{"type":"line","title":"保有率","categories":["a","b"],"series":[{"name":"s","values":[1,"45.8%"]}]}"#,
            "series[0].values[1]: 数値または null が必要です（\"45.8%\"）",
        ),
        (
            r#"{"type":"radar","title":"t"}"#,
            "type: line, area, column, bar, pie, donut, kpi, progress, map のいずれかが必要です（\"radar\"）",
        ),
        (r#"{"type":"line","title":"a","title":"b"}"#, "title: 同じ項目が2回以上書かれています。1回だけ書いてください"),
        (r#"{"type": "line", "title": 保有率 }"#, "JSON として読み込めません"),
    ];
    for (i, (spec, message)) in cases.iter().enumerate() {
        let path = dir.join(format!("bad{i}.json"));
        std::fs::write(&path, spec).unwrap();
        let o = bin().args(["render"]).arg(&path).arg("-o").arg(dir.join(format!("bad{i}.png"))).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{spec}");
        assert!(stderr(&o).contains(message), "{spec}: {}", stderr(&o));
        assert!(!dir.join(format!("bad{i}.png")).exists(), "no image for a bad spec");
    }
}

#[test]
fn usage_and_file_problems_exit_2() {
    let o = bin().args(["render", "tests/fixtures/mynumber-rate.json"]).current_dir(root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "no output named: {}", stderr(&o));
    let o = bin().args(["render", "missing.json", "-o", "/tmp/x.png"]).current_dir(root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.json"), "{}", stderr(&o));
    let o = bin().args(["render", "tests/fixtures/mynumber-rate.json", "-o", "/tmp/x.gif"]).current_dir(root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin()
        .args(["render", "tests/fixtures/mynumber-rate.json", "--width", "-5", "-o", "/tmp/x.png"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // A frame too short for the title and footer is refused, not cut.
    let o =
        bin().args(["render", "tests/fixtures/pie-staff.json", "--height", "40", "-o", "/tmp/x.png"]).current_dir(root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--height 40 leaves no room for the chart"), "{}", stderr(&o));
    let o = bin().args(["render", "x.json", "--font-dir", "/nonexistent", "-o", "/tmp/x.png"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no font to draw with"), "{}", stderr(&o));
}

#[test]
fn a_folder_of_specs_renders_in_one_run() {
    let dir = out_dir("batch");
    let specs = spec_files("www/charts/gallery");
    let o = bin().arg("render").args(&specs).arg("--out-dir").arg(&dir).current_dir(root()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for spec in &specs {
        let png_path = dir.join(spec.file_stem().unwrap()).with_extension("png");
        assert!(ink(&png(&png_path)) > 2_000, "{} looks blank", png_path.display());
    }
}

fn texts(scene: &Scene) -> Vec<(String, indicator_chart::scene::BBox)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match (m, m.text_bbox()) {
            (Mark::Text { text, .. }, Some(b)) => Some((text.clone(), b)),
            _ => None,
        })
        .collect()
}

#[test]
fn with_the_real_fonts_widths_no_label_leaves_the_image_or_touches_another() {
    let mut problems = Vec::new();
    let mut specs = spec_files("tests/fixtures");
    specs.extend(spec_files("www/charts/gallery"));
    for spec in &specs {
        let text = std::fs::read_to_string(spec).unwrap();
        let json: Json = serde_json::from_str(&text).unwrap();
        let chart = Chart::from_json(&json).unwrap();
        for (w, h) in [(320.0, 320.0), (640.0, 320.0), (1280.0, 400.0), (600.0, 175.0)] {
            let scene = chart.scene(w, h, fonts());
            let name = format!("{} at {w}×{h}", spec.file_name().unwrap().to_string_lossy());
            for (t, b) in texts(&scene) {
                if b.x0 < -0.5 || b.x1 > w + 0.5 || b.y0 < -0.5 || b.y1 > h + 0.5 {
                    problems.push(format!("{name}: {t:?} leaves the image ({b:?})"));
                }
            }
            for (a, b) in scene.overlapping_texts() {
                problems.push(format!("{name}: {a:?} overlaps {b:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn a_site_has_every_file_its_pages_and_cards_point_at() {
    let dir = out_dir("site");
    let o = bin()
        .args(["site", "tests/fixtures", "-o"])
        .arg(&dir)
        .args(["--base-url", "https://example.go.jp/charts/"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let specs = spec_files("tests/fixtures");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for spec in &specs {
        let name = spec.file_stem().unwrap().to_string_lossy().to_string();
        let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap();
        let meta = |property: &str| {
            let needle = format!("property=\"{property}\" content=\"");
            let at = html.find(&needle).unwrap_or_else(|| panic!("{name}: no {property}"));
            let rest = &html[at + needle.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        };
        // og:image is absolute, names its pixels' hash, exists, and is the size it says.
        let image = meta("og:image");
        let file = image.strip_prefix("https://example.go.jp/charts/").unwrap_or_else(|| panic!("{name}: {image} is not absolute"));
        assert!(file.starts_with(&format!("{name}.card.")) && file.ends_with(".png"), "{file}");
        let card = png(&dir.join(file));
        assert_eq!((card.width(), card.height()), (1200, 630), "{file}");
        assert_eq!((meta("og:image:width"), meta("og:image:height")), ("1200".into(), "630".into()));
        assert_eq!(meta("og:url"), format!("https://example.go.jp/charts/{name}.html"));
        assert!(!meta("og:description").is_empty() && !meta("og:image:alt").is_empty());
        assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        assert!(html.contains(&format!(r#"type="application/json+oembed" href="https://example.go.jp/charts/{name}.oembed.json""#)));
        assert!(html.contains("<noscript>") && html.contains("<table>"), "{name}: a no-script fallback with the data");
        // oEmbed: the required fields of a rich response and a thumbnail of all three parts.
        let oembed: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.oembed.json"))).unwrap()).unwrap();
        assert_eq!((oembed["version"].as_str(), oembed["type"].as_str()), (Some("1.0"), Some("rich")));
        assert!(oembed["html"].as_str().unwrap().contains("www/embed.html?spec=../"), "{oembed}");
        assert!(oembed["width"].is_number() && oembed["height"].is_number());
        assert_eq!(oembed["thumbnail_url"].as_str(), Some(image.as_str()));
        assert!(oembed["thumbnail_width"].is_number() && oembed["thumbnail_height"].is_number());
        // The files beside it, and its place in the index.
        for file in [format!("{name}.svg"), format!("{name}@2x.png"), format!("{name}.json")] {
            assert!(dir.join(&file).is_file(), "{file}");
        }
        assert!(std::fs::read(dir.join(format!("{name}.csv"))).unwrap().starts_with(b"\xEF\xBB\xBF"), "{name}.csv: the widget's CSV");
        assert!(index.contains(&format!("href=\"{name}.html\"")), "{name} missing from the index");
    }
    for asset in ["www/indicator-chart.js", "www/embed.html", "www/embed-host.js", "pkg/indicator_chart_bg.wasm"] {
        assert!(dir.join(asset).is_file(), "{asset}");
    }
}

#[test]
fn a_site_refuses_a_relative_base_url_and_reports_bad_specs() {
    let dir = out_dir("site-bad");
    let o = bin().args(["site", "tests/fixtures", "-o"]).arg(&dir).args(["--base-url", "/charts"]).current_dir(root()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--base-url"), "{}", stderr(&o));
    let specs = out_dir("site-bad-specs");
    std::fs::write(specs.join("good.json"), std::fs::read(root().join("tests/fixtures/pie-staff.json")).unwrap()).unwrap();
    std::fs::write(specs.join("bad.json"), r#"{"type":"pie","title":"t"}"#).unwrap();
    let o = bin()
        .args(["site"])
        .arg(&specs)
        .arg("-o")
        .arg(&dir)
        .args(["--base-url", "https://example.go.jp/"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.json: categories: 必須の項目がありません"), "{}", stderr(&o));
    assert!(dir.join("good.html").is_file() && !dir.join("bad.html").exists());
}

#[test]
fn a_spec_with_a_data_file_reads_it_beside_itself_in_shift_jis_too() {
    let dir = out_dir("data");
    let spec = dir.join("rate.json");
    std::fs::copy(root().join("tests/fixtures/data/mynumber-sjis.csv"), dir.join("rate.csv")).unwrap();
    std::fs::write(&spec, r#"{ "type": "line", "title": "保有率", "unit": "%", "data": { "url": "rate.csv" } }"#).unwrap();
    let out = dir.join("rate.svg");
    let o = bin().args(["render"]).arg(&spec).arg("-o").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    // The Shift_JIS file's era years and its note row, as the widget reads them.
    assert!(svg.contains("令和7（2025）年7月"), "{}", &svg[..400.min(svg.len())]);
    assert!(svg.contains("令和6年8月は「国民の約75%」による。"));
    // A published site page is the snapshot its images show: figures written in, no data file to fetch.
    let site = dir.join("site");
    let o = bin().args(["site"]).arg(&dir).arg("-o").arg(&site).args(["--base-url", "https://example.go.jp/c/"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let published: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(site.join("rate.json")).unwrap()).unwrap();
    assert!(published.get("data").is_none());
    assert_eq!(published["series"][0]["values"], serde_json::json!([39.0, 45.8, 75.0, 79.0]));
    // UTF-16 with its BOM (Excel's 「Unicode テキスト」: tab-separated) reads the same.
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("年月\t保有率\n2025-07\t79.0\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.join("rate16.txt"), utf16).unwrap();
    std::fs::write(&spec, r#"{ "type": "line", "title": "保有率", "unit": "%", "data": { "url": "rate16.txt", "format": "csv" } }"#)
        .unwrap();
    let o = bin().args(["render"]).arg(&spec).arg("-o").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("79.0%です"), "the UTF-16 file read as text, 79.0 as written");
    // A missing file is the author's to fix: exit 1, the path named.
    std::fs::write(&spec, r#"{ "type": "line", "title": "t", "data": { "url": "missing.csv" } }"#).unwrap();
    let o = bin().args(["render"]).arg(&spec).arg("-o").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("data.url: ") && stderr(&o).contains("missing.csv"), "{}", stderr(&o));
}

/// www/maps/prefectures.json is what `map-asset` makes from the TopoJSON in cli/maps/: the
/// shapes the browser fetches cannot drift from their source (or from the generator).
#[test]
fn the_map_asset_is_made_from_the_topojson() {
    let built = indicator_chart_cli::map_asset::build(include_str!("../maps/ja_prefecture_area.json")).unwrap();
    assert!(built == include_str!("../../www/maps/prefectures.json"), "stale: run cargo run -p indicator-chart-cli --bin map-asset");
    assert!(built.contains(indicator_chart_cli::map_asset::CREDIT));
}
