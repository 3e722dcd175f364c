//! The library's front door: a validated chart that can lay itself out, describe itself
//! and export itself. Both the browser binding (`web`) and native callers use only this.

use crate::data::{read_data_source, read_refresh, DataSource};
use crate::error::SpecError;
use crate::json::Json;
use crate::layout::{chrome_height, document, layout, DocumentText};
use crate::locale::Locale;
use crate::resolve::Resolved;
use crate::scene::Scene;
use crate::spec::{parse_spec, spec_locale, ColorScheme};
use crate::svg::render_svg_document;
use crate::text::TextMeasure;
use crate::theme::Theme;
use crate::words::page::PageText;
use crate::words::table::{csv_rows, data_table, DataTable};

/// The plot height of the page's CSS (`--indicator-chart-height`'s default).
const DEFAULT_PLOT_HEIGHT: f32 = 320.0;

/// A chart whose spec passed validation, resolved once (see `resolve`).
#[derive(Debug, Clone)]
pub struct Chart {
    resolved: Resolved,
    theme: Theme,
}

/// The spec's theme in light or dark. Inside the DADS card the chart is drawn on the card's
/// own background, so canvas and card read as one surface.
fn theme_for(r: &Resolved, dark: bool) -> Theme {
    let mut theme = Theme::named(r.spec.theme, dark);
    if r.spec.card {
        theme.background = theme.card_background;
    }
    theme
}

/// A spec that failed validation, with its message already in the chart's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError {
    pub error: SpecError,
    pub locale: Locale,
    pub message: String,
}

impl ChartError {
    /// `error` with its message in `locale`, the chart's language.
    fn new(error: SpecError, locale: Locale) -> ChartError {
        ChartError { message: error.message(locale), error, locale }
    }
}

impl Chart {
    /// Validates a spec. Its language is its own `locale`, else Japanese.
    pub fn from_json(json: &Json) -> Result<Chart, ChartError> {
        Chart::from_json_in(json, None)
    }

    /// Validates a spec shown on a page in `page_language` (the page's `lang`): the spec's own
    /// `locale` wins, the page's comes next, Japanese last. Messages, labels and the page text
    /// all follow that one answer.
    pub fn from_json_in(json: &Json, page_language: Option<Locale>) -> Result<Chart, ChartError> {
        let fallback = page_language.unwrap_or_default();
        parse_spec(json, fallback).map(Chart::new).map_err(|error| {
            let locale = spec_locale(json, fallback);
            ChartError::new(error, locale)
        })
    }

    /// Validates a spec whose `data` file was fetched and decoded (`fetched`): see [`Chart::fill_data`].
    pub fn from_json_with_data(
        json: &Json,
        fetched: &crate::data::Fetched,
        parse_json: crate::data::ParseJson,
        page_language: Option<Locale>,
    ) -> Result<Chart, ChartError> {
        Chart::from_json_in(&Chart::fill_data(json, fetched, parse_json, page_language)?, page_language)
    }

    /// The spec with the figures of its `data` file written in (`crate::data::fill`), ready
    /// for [`Chart::from_json_in`]; every message names the spec's path or the file's line.
    /// `parse_json` reads JSON files (the browser's `JSON.parse`, serde_json natively).
    pub fn fill_data(
        json: &Json,
        fetched: &crate::data::Fetched,
        parse_json: crate::data::ParseJson,
        page_language: Option<Locale>,
    ) -> Result<Json, ChartError> {
        let locale = spec_locale(json, page_language.unwrap_or_default());
        crate::data::fill(json, fetched, parse_json, locale).map_err(|error| ChartError::new(error, locale))
    }

    /// The spec's `data` source, `refresh` seconds (validated) and the chart's language, for
    /// callers that fetch the file and must speak of its faults: `Ok(None)` without `data`.
    pub fn data_source(json: &Json, page_language: Option<Locale>) -> Result<Option<(DataSource, Option<u32>, Locale)>, ChartError> {
        let locale = spec_locale(json, page_language.unwrap_or_default());
        let refuse = |error: SpecError| ChartError::new(error, locale);
        let Some(source) = read_data_source(json, locale).map_err(refuse)? else { return Ok(None) };
        Ok(Some((source, read_refresh(json, locale).map_err(refuse)?, locale)))
    }

    /// Refuses a key written twice in the spec's JSON `text` (from which `json` was parsed).
    /// The browser's `JSON.parse` keeps the last silently and serde the first, so without
    /// this a page and the native renderer could draw one spec differently.
    pub fn refuse_repeated_keys(text: &str, json: &Json, page_language: Option<Locale>) -> Result<(), ChartError> {
        let Some(path) = crate::json::repeated_key(text) else { return Ok(()) };
        let error = SpecError::new(path, crate::error::Problem::DuplicateKey);
        let locale = spec_locale(json, page_language.unwrap_or_default());
        Err(ChartError::new(error, locale))
    }

    fn new(spec: crate::spec::ChartSpec) -> Chart {
        let dark = spec.color_scheme == ColorScheme::Dark;
        let resolved = Resolved::new(spec);
        let theme = theme_for(&resolved, dark);
        Chart { resolved, theme }
    }

    /// Switches between the light and dark variants of the chart's theme.
    pub fn set_dark(&mut self, dark: bool) {
        self.theme = theme_for(&self.resolved, dark);
    }

    pub fn spec(&self) -> &crate::spec::ChartSpec {
        &self.resolved.spec
    }

    /// Every derived fact: formats, dates, shares, orientation.
    pub fn resolved(&self) -> &Resolved {
        &self.resolved
    }

    /// The theme in its current scheme (light or dark).
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The display list for a `width` × `height` CSS-pixel area.
    pub fn scene(&self, width: f32, height: f32, measure: &dyn TextMeasure) -> Scene {
        layout(&self.resolved, &self.theme, width, height, measure)
    }

    /// Title, 出典, 時点 and the rest, for the page around the canvas.
    pub fn page_text(&self) -> PageText {
        PageText::of(&self.resolved)
    }

    /// What value `index` of series `series` says when focused or hovered.
    pub fn point_text(&self, series: usize, index: usize) -> String {
        crate::words::point::point_text(&self.resolved, series, index)
    }

    /// Every plotted value as a table (full category names, exact numbers).
    pub fn table(&self) -> DataTable {
        data_table(&self.resolved)
    }

    /// The table for a CSV file: codes as written, numbers unformatted.
    pub fn csv_rows(&self, table: &DataTable) -> Vec<Vec<String>> {
        csv_rows(&self.resolved, table)
    }

    /// The chart's CSV file (the widget's download, the static site's NAME.csv).
    pub fn csv_text(&self) -> String {
        crate::words::csv::csv_text(&self.csv_rows(&self.table()))
    }

    /// The plot height the chart is drawn at `width` CSS px wide when nothing else says: what
    /// the page uses without `--indicator-chart-height` (320 px, less for KPI and progress
    /// charts; a map keeps its aspect, at most its height hint high, as the loader draws it).
    pub fn natural_plot_height(&self, width: f32) -> f32 {
        let page = self.page_text();
        #[cfg(feature = "map")]
        if let (Some(aspect), Some(most)) = (page.aspect, page.height_hint) {
            return (width / aspect).min(most as f32);
        }
        let _ = width;
        page.height_hint.map_or(DEFAULT_PLOT_HEIGHT, |h| h as f32)
    }

    /// A standalone SVG exactly `width` × `frame_height` CSS pixels, title and 出典 included:
    /// the plot gets what the header and footer leave (a link card's fixed 1200×630 frame).
    /// `Err` with the frame height it would need when that leaves the plot under `min_plot`.
    pub fn to_svg_in_frame(&self, width: f32, frame_height: f32, min_plot: f32, measure: &dyn TextMeasure) -> Result<String, f32> {
        let page = self.page_text();
        let footer = page.footer_lines();
        let text = document_text(&page, &footer);
        let plot = frame_height - chrome_height(&text);
        if plot < min_plot {
            return Err(frame_height - plot + min_plot);
        }
        Ok(self.document_svg(&text, width, plot, measure))
    }

    /// A standalone SVG of the chart with its title and source, `width` CSS pixels wide and
    /// a plot `height` high (the header and footer add to it).
    pub fn to_svg(&self, width: f32, height: f32, measure: &dyn TextMeasure) -> String {
        let page = self.page_text();
        let footer = page.footer_lines();
        self.document_svg(&document_text(&page, &footer), width, height, measure)
    }

    /// The page text is computed once per image (it holds the summary, made from all the data).
    fn document_svg(&self, text: &DocumentText, width: f32, plot_height: f32, measure: &dyn TextMeasure) -> String {
        render_svg_document(&document(self.scene(width, plot_height, measure), text, &self.theme, measure))
    }
}

#[cfg(feature = "map")]
impl Chart {
    /// The chart with the prefecture shapes a `geo` map is drawn from (the asset the page or
    /// the CLI read once); other charts ignore them.
    pub fn with_geometry(mut self, geometry: std::rc::Rc<crate::map::Geometry>) -> Chart {
        self.set_geometry(geometry);
        self
    }

    /// [`Chart::with_geometry`] in place: for a chart made before the shapes arrived.
    pub fn set_geometry(&mut self, geometry: std::rc::Rc<crate::map::Geometry>) {
        if let Some(map) = self.resolved.map.as_mut() {
            map.geometry = Some(geometry);
        }
    }

    /// Whether this chart is a `geo` map still without its shapes.
    pub fn needs_geometry(&self) -> bool {
        let geo = self.resolved.spec.map.as_ref().is_some_and(|m| m.layout == crate::map::MapLayout::Geo);
        geo && self.resolved.map.as_ref().is_some_and(|m| m.geometry.is_none())
    }

    /// The category the keyboard moves to from `category` towards (`dx`, `dy`) (east is +x,
    /// south +y): on the tile grid the next tile that way, on the real shapes the nearest
    /// prefecture in that direction (see `map::geometry::nearest_towards`). `None` at an edge.
    pub fn neighbour(&self, category: usize, dx: i32, dy: i32) -> Option<usize> {
        let map = self.resolved.spec.map.as_ref()?;
        let from = *map.prefectures.get(category)?;
        let geometry = self.resolved.map.as_ref().and_then(|m| m.geometry.as_deref());
        match (map.layout, geometry) {
            (crate::map::MapLayout::Geo, Some(g)) => {
                let others = map.prefectures.iter().enumerate().filter(|(_, &p)| p != from).map(|(c, &p)| (c, g.places[p]));
                crate::map::geometry::nearest_towards(g.places[from], dx as f32, dy as f32, others)
            }
            _ => {
                use crate::map::regions::TILES;
                let (mut col, mut row) = (TILES[from].0 as i32, TILES[from].1 as i32);
                for _ in 0..7 {
                    col += dx;
                    row += dy;
                    let at = TILES.iter().position(|t| (t.0 as i32, t.1 as i32) == (col, row));
                    if let Some(c) = at.and_then(|p| map.category_of(p)) {
                        return Some(c);
                    }
                }
                None
            }
        }
    }
}

/// The document's words: the page text's, so the image prints what the page does.
fn document_text<'a>(page: &'a PageText, footer: &'a [String]) -> DocumentText<'a> {
    DocumentText { title: &page.title, subtitle: page.subtitle.as_deref(), footer, description: &page.description, lang: page.locale.tag() }
}
