//! Exact text widths from canvas `measureText`, cached per (text, size, weight).
//! plotters' own estimate inserts a styled `<span>` into the page for every label: a layout
//! pass each, the host page's CSS leaking in, and a `style` attribute a strict CSP blocks.

use crate::text::{Font, TextMeasure};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct CanvasMeasure {
    context: CanvasRenderingContext2d,
    family: &'static str,
    /// Widths by font and text, looked up with `&str`, so a cache hit allocates nothing
    /// (layout measures every label again on each resize).
    cache: RefCell<WidthCache>,
}

/// Past this many entries the cache starts over (10,000 categories × a few fonts).
const CACHE_LIMIT: usize = 50_000;

/// Text widths by (font, text): open addressing over `crate::hash::fnv1a`, a fraction of the
/// wasm std's HashMap (hashbrown, twice instantiated) cost.
#[derive(Default)]
struct WidthCache {
    entries: Vec<(u32, String, f32)>,
    /// 0: empty, else an index into `entries` + 1; its length is a power of two.
    slots: Vec<u32>,
}

fn hash(font: u32, text: &str) -> usize {
    crate::hash::fnv1a(font as u64, text.as_bytes()) as usize
}

impl WidthCache {
    fn get(&self, font: u32, text: &str) -> Option<f32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = hash(font, text) & mask;
        loop {
            let slot = *self.slots.get(at)? as usize;
            let (f, t, w) = self.entries.get(slot.checked_sub(1)?)?;
            if *f == font && t == text {
                return Some(*w);
            }
            at = (at + 1) & mask;
        }
    }

    fn insert(&mut self, font: u32, text: &str, width: f32) {
        if self.entries.len() >= CACHE_LIMIT {
            *self = WidthCache::default();
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            // Grow to keep the table at most half full, and place every entry again.
            self.slots = vec![0; (self.slots.len() * 2).max(64)];
            let entries = std::mem::take(&mut self.entries);
            for (f, t, w) in entries {
                self.place(f, t, w);
            }
        }
        self.place(font, text.to_owned(), width);
    }

    fn place(&mut self, font: u32, text: String, width: f32) {
        let mask = self.slots.len() - 1;
        let mut at = hash(font, &text) & mask;
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        self.entries.push((font, text, width));
        self.slots[at] = self.entries.len() as u32;
    }
}

impl CanvasMeasure {
    pub fn new(canvas: &HtmlCanvasElement, family: &'static str) -> Result<CanvasMeasure, String> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| "canvas 2d context unavailable".to_string())?;
        Ok(CanvasMeasure { context, family, cache: RefCell::new(WidthCache::default()) })
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, font: Font) -> f32 {
        // Size in tenths of a pixel, and the weight in the top bit.
        let font_key = (font.size * 10.0) as u32 | (font.bold as u32) << 31;
        if let Some(w) = self.cache.borrow().get(font_key, text) {
            return w;
        }
        self.context.set_font(&css_font(font, self.family));
        let width = self.context.measure_text(text).map(|m| m.width() as f32).unwrap_or(font.size * text.chars().count() as f32);
        self.cache.borrow_mut().insert(font_key, text, width);
        width
    }
}

/// The CSS `font` shorthand for a chart font.
pub fn css_font(font: Font, family: &str) -> String {
    // As f64: the f32 formatting routines would be the only ones in the wasm (~2.6 KB).
    format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size as f64, family)
}
