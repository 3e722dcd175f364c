//! Exact text widths from canvas `measureText`, cached per (text, size, weight).
//! plotters' own estimate inserts a styled `<span>` into the page for every label: a layout
//! pass each, the host page's CSS leaking in, and a `style` attribute a strict CSP blocks.

use crate::text::{Font, TextMeasure};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    family: &'static str,
    /// Widths by font (size in tenths of a pixel, bold), then by text: looked up with `&str`,
    /// so a cache hit allocates nothing (layout measures every label again on each resize).
    cache: RefCell<FnvMap<(u32, bool), FnvMap<String, f32>>>,
}

/// Label texts are not attacker-chosen keys flooding a server: FNV-1a is enough, and std's
/// SipHash with random keys costs ~1 KB of wasm more.
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

struct Fnv(u64);

impl Default for Fnv {
    /// FNV-1a's offset basis.
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
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
        Ok(CanvasMeasure { context, family, cache: RefCell::new(FnvMap::default()) })
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
    // As f64: the f32 formatting routines would be the only ones in the wasm (~2.6 KB).
    format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size as f64, family)
}
