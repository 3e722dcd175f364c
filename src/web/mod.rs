//! The browser binding: the only module that touches JavaScript, the DOM or canvas.
//! Everything it does goes through `crate::chart::Chart`; it adds JS value conversion,
//! canvas measurement and the canvas renderer.

mod canvas;
#[cfg(feature = "map")]
mod map;
mod measure;

use crate::chart::Chart as CoreChart;
use crate::json::Json;
use crate::locale::Locale;
use crate::scene::Scene;
use crate::text::EstimatedMeasure;
use crate::theme::Theme;
use crate::words::page::PageText;
use js_sys::{Array, Object, Reflect};
use measure::CanvasMeasure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// The largest backing-store side we ask a browser for, in device pixels.
const MAX_BACKING: f64 = 16_384.0;

/// A validated chart, owned by one widget on the page.
#[wasm_bindgen(js_name = Chart)]
pub struct WasmChart {
    chart: CoreChart,
    /// Kept across redraws: measuring the same labels again is the costliest part of a resize.
    measure: Option<CanvasMeasure>,
    /// The last scene drawn: where its points are, for focus, hover and tap.
    scene: Option<Scene>,
}

#[wasm_bindgen(js_class = Chart)]
impl WasmChart {
    /// Validates `spec` (a plain JS object, e.g. from `JSON.parse`) for a page in
    /// `page_lang` (its `lang`, used when the spec has no `locale`). `text`, when the spec
    /// came as JSON text, is checked for keys written twice (which `JSON.parse` hides).
    /// A spec with `data` arrives with its figures already written in by the live-data
    /// module (data/, its own wasm, fetched only by such charts). Throws
    /// `{ message, path, locale }` when it is not a valid chart spec; `locale` is the language
    /// the whole chart speaks, messages included.
    #[wasm_bindgen(constructor)]
    ///
    pub fn new(spec: JsValue, page_lang: Option<String>, text: Option<String>) -> Result<WasmChart, JsValue> {
        let page = page_lang.as_deref().and_then(Locale::parse);
        refuse_oversized(&spec, page)?;
        let json = spec_tree(spec, page)?;
        let refuse = |e: crate::chart::ChartError| error_object(&e.message, e.error.path.as_str(), e.locale.tag());
        if let Some(text) = &text {
            CoreChart::refuse_repeated_keys(text, &json, page).map_err(refuse)?;
        }
        let chart = CoreChart::from_json_in(&json, page).map_err(refuse)?;
        #[cfg(feature = "map")]
        let chart = map::attach(chart);
        Ok(WasmChart { chart, measure: None, scene: None })
    }

    /// Title, subtitle, 出典, 時点, 更新日, notes, accessible name and description, localised.
    #[wasm_bindgen(js_name = pageText)]
    pub fn page_text(&self) -> JsValue {
        let o = page_text_object(&self.chart.page_text());
        set(&o, "fontFamily", self.chart.theme().font_family.into());
        // A map's arrow keys move by compass (`neighbour`), not along a series.
        #[cfg(feature = "map")]
        if self.chart.spec().map.is_some() {
            set(&o, "compass", true.into());
        }
        o.into()
    }

    /// The colours the page around the canvas uses, in the current scheme (light or dark):
    /// `{ text, muted, surface, link, rule, focus, focusRing }` as CSS colours. The loader sets
    /// them as custom properties, so the DOM and the canvas share one theme and its contrast tests.
    pub fn colors(&self) -> JsValue {
        dom_colors(self.chart.theme()).into()
    }

    /// Paints the chart on `canvas` at `css_width` × `css_height` CSS pixels, with a backing
    /// store of that size × `dpr` so lines and text stay crisp on HiDPI screens and at zoom.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement, css_width: f64, css_height: f64, dpr: f64) -> Result<(), JsValue> {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(8.0) } else { 1.0 };
        // Browsers refuse canvases beyond about 16k device pixels a side: trade sharpness for
        // a chart that still draws in an enormous container.
        let dpr = dpr.min(MAX_BACKING / css_width.max(1.0)).min(MAX_BACKING / css_height.max(1.0));
        if self.measure.is_none() {
            self.measure = Some(CanvasMeasure::new(canvas, self.chart_font_family()).map_err(|m| error_object(&m, "", "ja"))?);
        }
        let measure = self.measure.as_ref().ok_or_else(|| error_object("canvas", "", "ja"))?;
        let scene = self.chart.scene(css_width as f32, css_height as f32, measure);
        let drawn = canvas::draw_scene(canvas, &scene, dpr).map_err(|m| error_object(&m, "", self.chart.spec().locale.tag()));
        self.scene = Some(scene);
        drawn
    }

    /// The plotted points of the last drawing, in reading order (series by series, in
    /// category order), packed: `[series, index, x, y, series, index, x, y, …]`, x and y in CSS
    /// pixels from the canvas' top left. One bulk copy, no object per point.
    pub fn points(&self) -> js_sys::Float64Array {
        let Some(scene) = &self.scene else { return js_sys::Float64Array::new_with_length(0) };
        let mut packed = Vec::with_capacity(scene.points.len() * 4);
        for p in &scene.points {
            packed.extend([p.series as f64, p.index as f64, p.x as f64, p.y as f64]);
        }
        js_sys::Float64Array::from(packed.as_slice())
    }

    /// What a point says when focused or hovered: 「2024年8月、75.0%」.
    #[wasm_bindgen(js_name = pointText)]
    pub fn point_text(&self, series: u32, index: u32) -> String {
        self.chart.point_text(series as usize, index as usize)
    }

    /// The position in `points()` of the point under (x, y) in CSS pixels, or -1. Bars and
    /// lines are found by their category first (the whole column answers, not just its top).
    #[wasm_bindgen(js_name = pointAt)]
    pub fn point_at(&self, x: f64, y: f64) -> i32 {
        let Some(scene) = &self.scene else { return -1 };
        // A map's prefectures answer anywhere on their shape.
        #[cfg(feature = "map")]
        if !scene.areas.is_empty() {
            return scene.area_at(x as f32, y as f32).map_or(-1, |i| i as i32);
        }
        let horizontal = self.chart.resolved().horizontal;
        let (along, across) = if horizontal { (0.15, 1.0) } else { (1.0, 0.15) };
        scene
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| (i, (p.x as f64 - x).abs() * along + (p.y as f64 - y).abs() * across))
            .filter(|(_, d)| *d <= 48.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(-1, |(i, _)| i as i32)
    }

    /// Every plotted value: `{ caption, header: string[], rows: [[rowHeader, ...cells]],
    /// footnotes: string[] }`.
    pub fn table(&self) -> JsValue {
        let t = self.chart.table();
        let o = Object::new();
        set(&o, "caption", t.caption.as_str().into());
        set(&o, "header", t.header.iter().map(|h| JsValue::from_str(h)).collect::<Array>().into());
        let rows: Array = t
            .rows
            .iter()
            .map(|(head, cells)| std::iter::once(head).chain(cells).map(|c| JsValue::from_str(c)).collect::<Array>())
            .collect();
        set(&o, "rows", rows.into());
        set(&o, "footnotes", t.footnotes.iter().map(|f| JsValue::from_str(f)).collect::<Array>().into());
        // A map's table sorts by value (the loader's table chunk adds the header buttons).
        #[cfg(feature = "map")]
        if self.chart.spec().map.is_some() {
            let columns: Array = crate::words::map::SORTABLE_COLUMNS.iter().map(|&c| JsValue::from_f64(c as f64)).collect();
            set(&o, "sortable", columns.into());
            // The numbers it sorts by (NaN: no value, kept last), not the cells' formatted text.
            let keys = Array::new();
            for p in 0..47 {
                keys.push(&JsValue::from_f64(crate::words::map::sort_key(self.chart.resolved(), p).unwrap_or(f64::NAN)));
            }
            set(&o, "sortKeys", keys.into());
            set(&o, "orderColumn", JsValue::from_f64(crate::words::map::ORDER_COLUMN as f64));
        }
        o.into()
    }

    /// The CSV file of the table (BOM, CRLF, unformatted numbers, formulas made text): the
    /// same text the native renderer writes.
    #[wasm_bindgen(js_name = csvText)]
    pub fn csv_text(&self) -> String {
        self.chart.csv_text()
    }

    /// Drops every cached text width: the page's fonts changed (a web font finished loading
    /// after the first draw), so the next draw measures with the font that now draws.
    #[wasm_bindgen(js_name = forgetMeasurements)]
    pub fn forget_measurements(&mut self) {
        self.measure = None;
    }

    /// Light or dark colours, for `colorScheme: "auto"` charts as the reader's preference
    /// changes (the loader watches `prefers-color-scheme`). Takes effect at the next draw.
    #[wasm_bindgen(js_name = setColorScheme)]
    pub fn set_color_scheme(&mut self, dark: bool) {
        self.chart.set_dark(dark);
    }

    /// The same chart as a standalone SVG document (title and 出典 included).
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self, css_width: f64, css_height: f64) -> String {
        match &self.measure {
            Some(m) => self.chart.to_svg(css_width as f32, css_height as f32, m),
            None => self.chart.to_svg(css_width as f32, css_height as f32, &EstimatedMeasure),
        }
    }

    fn chart_font_family(&self) -> &'static str {
        self.chart.theme().font_family
    }
}

/// Refuses, before the spec is converted value by value, lists longer than a chart takes (the
/// validator's own limits and message): a 10,000,000-point spec gets its answer at once, not
/// after a conversion that would hold the tab for seconds.
fn refuse_oversized(spec: &JsValue, page: Option<Locale>) -> Result<(), JsValue> {
    let get = |v: &JsValue, key: &str| Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let len = |v: &JsValue| if Array::is_array(v) { v.unchecked_ref::<Array>().length() as usize } else { 0 };
    let series = get(spec, "series");
    let longest = (0..len(&series).min(crate::spec::MAX_SERIES))
        .map(|i| len(&get(&series.unchecked_ref::<Array>().get(i as u32), "values")))
        .fold(len(&get(spec, "categories")), usize::max);
    if longest <= crate::spec::MAX_CATEGORIES {
        return Ok(());
    }
    let locale = get(spec, "locale").as_string().and_then(|t| Locale::parse(&t)).or(page).unwrap_or_default();
    let path = crate::json::JsonPath::root().key("categories");
    let e = crate::SpecError::new(path, crate::Problem::TooMany { found: longest, limit: crate::spec::MAX_CATEGORIES });
    Err(error_object(&e.message(locale), "categories", locale.tag()))
}

/// A spec from JS into the input tree. Only values JSON cannot express fail here
/// (functions, symbols, BigInt).
fn spec_tree(spec: JsValue, page: Option<Locale>) -> Result<Json, JsValue> {
    serde_wasm_bindgen::from_value(spec).map_err(|e| {
        let locale = page.unwrap_or_default();
        let message = match locale {
            Locale::Ja => format!("仕様を読み取れません（{e}）"),
            Locale::En => format!("The spec cannot be read ({e})"),
        };
        error_object(&message, "", locale.tag())
    })
}

fn set(target: &Object, key: &str, value: JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), &value);
}

fn opt(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

fn error_object(message: &str, path: &str, locale: &str) -> JsValue {
    let o = Object::new();
    set(&o, "message", message.into());
    set(&o, "path", path.into());
    set(&o, "locale", locale.into());
    o.into()
}

fn page_text_object(t: &PageText) -> Object {
    let o = Object::new();
    set(&o, "locale", t.locale.tag().into());
    set(&o, "title", t.title.as_str().into());
    set(&o, "subtitle", opt(&t.subtitle));
    set(&o, "sourceLine", opt(&t.source_line));
    set(&o, "sourceLabel", opt(&t.source_label));
    set(&o, "sourceUrl", opt(&t.source_url));
    set(&o, "asOfText", opt(&t.as_of_text));
    set(&o, "updatedText", opt(&t.updated_text));
    let notes: Array = t.notes.iter().map(|n| JsValue::from_str(n)).collect();
    set(&o, "notes", notes.into());
    set(&o, "datesLine", opt(&t.dates_line()));
    set(&o, "horizontal", t.horizontal.into());
    set(&o, "altText", t.alt_text.as_str().into());
    set(&o, "description", t.description.as_str().into());
    set(&o, "card", t.card.into());
    set(&o, "heightHint", t.height_hint.map_or(JsValue::NULL, |h| JsValue::from_f64(h as f64)));
    set(&o, "colorScheme", t.color_scheme.into());
    #[cfg(feature = "map")]
    if let Some(aspect) = t.aspect {
        set(&o, "aspect", JsValue::from_f64(aspect as f64));
    }
    o
}

fn dom_colors(theme: &Theme) -> Object {
    let o = Object::new();
    for (key, color) in [
        ("text", theme.text),
        ("muted", theme.muted_text),
        ("surface", theme.background),
        ("link", theme.link),
        ("rule", theme.rule),
        ("focus", theme.focus_outline),
        ("focusRing", theme.focus_ring),
    ] {
        set(&o, key, color.css().into());
    }
    o
}

/// The allocator: talc instead of std's dlmalloc. Same growth of wasm memory, about 2.8 KB
/// less gzip in the module (BENCHMARKS.md) and faster; the browser is single-threaded here.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
