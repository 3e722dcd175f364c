//! Exact text widths from canvas `measureText`, cached per (text, size, weight).
//! plotters' own estimate inserts a styled `<span>` into the page for every label: a layout
//! pass each, the host page's CSS leaking in, and a `style` attribute a strict CSP blocks.

use crate::text::{Font, TextMeasure};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    family: &'static str,
    /// Widths by font (size in tenths of a pixel, bold), then by text: looked up with `&str`,
    /// so a cache hit allocates nothing (layout measures every label again on each resize).
    cache: RefCell<HashMap<(u32, bool), HashMap<String, f32>>>,
}

/// Past this many entries the cache starts over (10,000 categories × a few fonts).
const CACHE_LIMIT: usize = 50_000;

impl CanvasMeasure {
    pub fn new(canvas: &HtmlCanvasElement, family: &'static str) -> Result<CanvasMeasure, String> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| "canvas 2d context unavailable".to_string())?;
        Ok(CanvasMeasure { context, family, cache: RefCell::new(HashMap::new()) })
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, font: Font) -> f32 {
        let font_key = ((font.size * 10.0) as u32, font.bold);
        if let Some(w) = self.cache.borrow().get(&font_key).and_then(|texts| texts.get(text)) {
            return *w;
        }
        self.context.set_font(&css_font(font, self.family));
        let width = self.context.measure_text(text).map(|m| m.width() as f32).unwrap_or(font.size * text.chars().count() as f32);
        let mut cache = self.cache.borrow_mut();
        let texts = cache.entry(font_key).or_default();
        if texts.len() > CACHE_LIMIT {
            texts.clear();
        }
        texts.insert(text.to_owned(), width);
        width
    }
}

/// The CSS `font` shorthand for a chart font.
pub fn css_font(font: Font, family: &str) -> String {
    format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size, family)
}
