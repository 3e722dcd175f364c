//! One spec to one image: the library's SVG document (the scene the browser draws, with its
//! title and footer), measured with the real font, and that SVG rasterised by resvg for PNG.

use crate::fonts::Fonts;
use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use resvg::{tiny_skia, usvg};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The format a file name asks for: `.png` or `.svg`.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// The image's size: `width` CSS pixels; `height` the whole frame (title and 出典 included) or,
/// without it, the chart's natural plot height plus its header and footer; `scale` device
/// pixels per CSS pixel.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f32,
    pub height: Option<f32>,
    pub scale: f32,
    pub dark: bool,
}

/// Why a spec gave no image. `Spec` is the author's to fix (exit 1, the widget's message);
/// `Render` is ours or the machine's.
#[derive(Debug)]
pub enum Failure {
    Spec(String),
    Render(String),
}

/// The chart of `spec_text` (JSON) as a validated [`Chart`], or the message the widget would
/// show. A spec with `data` has its file read from disk, relative to `spec_dir`.
pub fn chart_of(spec_text: &str, spec_dir: &std::path::Path) -> Result<Chart, Failure> {
    spec_of(spec_text, spec_dir).map(|(chart, _)| chart)
}

/// [`chart_of`], and for a spec with `data` the spec with its file's figures written in (the
/// snapshot the static site publishes beside the images made from it).
pub fn spec_of(spec_text: &str, spec_dir: &std::path::Path) -> Result<(Chart, Option<Json>), Failure> {
    let json: Json = serde_json::from_str(spec_text).map_err(|e| Failure::Spec(format!("JSON として読み込めません: {e}")))?;
    Chart::refuse_repeated_keys(spec_text, &json, None).map_err(|e| Failure::Spec(e.message))?;
    let Some((source, ..)) = Chart::data_source(&json, None).map_err(|e| Failure::Spec(e.message))? else {
        let chart = Chart::from_json(&json).map_err(|e| Failure::Spec(e.message))?;
        return Ok((with_shapes(chart)?, None));
    };
    let fetched = crate::data_file::read_data_file(spec_dir, &source.url).map_err(Failure::Spec)?;
    let parse_json = |text: &str| serde_json::from_str::<Json>(text).map_err(|e| e.to_string());
    let filled = Chart::fill_data(&json, &fetched, &parse_json, None).map_err(|e| Failure::Spec(e.message))?;
    let chart = Chart::from_json(&filled).map_err(|e| Failure::Spec(e.message))?;
    Ok((with_shapes(chart)?, Some(filled)))
}

/// The prefecture shapes a `geo` map is drawn from: the asset the widget fetches
/// (`www/maps/prefectures.json`), built into the CLI and read once per thread. (The map asset
/// test reads the same file, so the failure below means a build from a damaged checkout.)
pub fn with_shapes(chart: Chart) -> Result<Chart, Failure> {
    thread_local! {
        static SHAPES: Option<std::rc::Rc<indicator_chart::map::Geometry>> =
            serde_json::from_str::<Json>(include_str!("../../www/maps/prefectures.json"))
                .ok()
                .and_then(|json| indicator_chart::map::Geometry::from_json(&json).ok())
                .map(std::rc::Rc::new);
    }
    if !chart.needs_geometry() {
        return Ok(chart);
    }
    SHAPES.with(|shapes| match shapes {
        Some(shapes) => Ok(chart.with_geometry(shapes.clone())),
        None => Err(Failure::Render("the prefecture shapes built into this program (www/maps/prefectures.json) could not be read".into())),
    })
}

/// A spec tree as JSON text (serde_json writes it; `Json` keeps its keys in order).
pub fn json_text(json: &Json) -> String {
    fn value(json: &Json) -> serde_json::Value {
        match json {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Number(n) => serde_json::Number::from_f64(*n).map_or(serde_json::Value::Null, serde_json::Value::Number),
            Json::String(s) => s.as_str().into(),
            Json::Array(items) => items.iter().map(value).collect(),
            Json::Object(entries) => serde_json::Value::Object(entries.iter().map(|(k, v)| (k.clone(), value(v))).collect()),
        }
    }
    serde_json::to_string_pretty(&value(json)).unwrap_or_default()
}

/// The smallest plot a fixed frame must leave (what a chart needs to draw anything readable).
const MIN_PLOT_HEIGHT: f32 = 60.0;

/// The SVG document of `chart` in `frame`, its text measured with `fonts`; a frame too short
/// to leave the chart room beside its title and footer is refused rather than cut.
pub fn svg_of(chart: &mut Chart, frame: &Frame, fonts: &Fonts) -> Result<String, Failure> {
    chart.set_dark(frame.dark);
    let svg = match frame.height {
        Some(h) => chart.to_svg_in_frame(frame.width, h, MIN_PLOT_HEIGHT, fonts).map_err(|need| {
            Failure::Render(format!(
                "--height {h} leaves no room for the chart beside its title and footer: the frame needs at least {}",
                need.ceil()
            ))
        })?,
        None => chart.to_svg(frame.width, chart.natural_plot_height(frame.width), fonts),
    };
    Ok(if frame.scale == 1.0 { svg } else { scale_root(&svg, frame.scale) })
}

/// `svg` rasterised at `scale` device pixels per CSS pixel.
pub fn png_of(svg: &str, scale: f32, fonts: &Fonts) -> Result<Vec<u8>, Failure> {
    let options = usvg::Options { fontdb: fonts.database.clone(), font_family: fonts.family.clone(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| Failure::Render(format!("the SVG did not parse: {e}")))?;
    // The SVG's own size is already scaled for SVG output; for PNG it is the CSS size.
    let size = tree.size();
    let (w, h) = ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    let mut pixmap =
        tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or_else(|| Failure::Render(format!("an image of {w}×{h} pixels cannot be made")))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Failure::Render(format!("PNG encoding failed: {e}")))
}

/// One spec in one format.
pub fn render(spec_text: &str, spec_dir: &std::path::Path, format: Format, frame: &Frame, fonts: &Fonts) -> Result<Vec<u8>, Failure> {
    let mut chart = chart_of(spec_text, spec_dir)?;
    match format {
        Format::Svg => Ok(svg_of(&mut chart, frame, fonts)?.into_bytes()),
        Format::Png => png_of(&svg_of(&mut chart, &Frame { scale: 1.0, ..*frame }, fonts)?, frame.scale, fonts),
    }
}

/// An SVG whose root `width`/`height` are multiplied by `scale` (the viewBox stays): the same
/// drawing at a higher pixel density.
fn scale_root(svg: &str, scale: f32) -> String {
    let end = svg.find('>').unwrap_or(svg.len());
    let (root, rest) = svg.split_at(end);
    let mut out = String::with_capacity(svg.len() + 16);
    let mut tail = root;
    for attr in ["width=\"", "height=\""] {
        let Some(at) = tail.find(attr) else { break };
        let start = at + attr.len();
        let len = tail[start..].find('"').unwrap_or(0);
        let value: f32 = tail[start..start + len].parse().unwrap_or(0.0);
        out.push_str(&tail[..start]);
        out.push_str(&format!("{}", (value * scale * 100.0).round() / 100.0));
        tail = &tail[start + len..];
    }
    out.push_str(tail);
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_an_svg_changes_its_size_not_its_drawing() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="460" viewBox="0 0 640 460"><rect width="640"/></svg>"#;
        assert_eq!(
            scale_root(svg, 2.0),
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="920" viewBox="0 0 640 460"><rect width="640"/></svg>"#
        );
    }
}
