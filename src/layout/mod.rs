//! Layout: a resolved chart and a size become a scene. One module per family of chart;
//! this one sizes the scene, paints its background, dispatches on the chart type and owns
//! what the families share: the context every part of a layout reads ([`Ctx`]) and the
//! metrics that must agree between them (padding, legend swatches).
//!
//! Layout decides geometry only. What a number or a date says comes from the
//! [`Resolved`] model; layout never imports the text outputs (page text, tables).

mod cartesian;
pub(crate) mod decimate;
mod document;
mod kpi;
#[cfg(feature = "map")]
mod map;
mod pie;
mod progress;

pub use document::{chrome_height, document, Document, DocumentText};

use crate::resolve::Resolved;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::spec::{ChartSpec, ChartType};
use crate::text::{Font, TextMeasure};
use crate::theme::{Color, Theme};

/// Space between the scene's edge and anything drawn, in every family.
pub(crate) const PAD: f32 = 8.0;
/// A legend's colour square (pie slices, bars, areas).
pub(crate) const LEGEND_SWATCH: f32 = 14.0;
/// A legend's line sample (line series: the dash and marker need the width).
pub(crate) const LEGEND_LINE_SAMPLE: f32 = 18.0;
/// Between a legend's swatch and its name.
pub(crate) const LEGEND_SWATCH_GAP: f32 = 6.0;
/// One legend row.
pub(crate) const LEGEND_ROW: f32 = 24.0;

/// What every part of a layout reads: the resolved chart, the theme, the measurer and the
/// family's label font. Families add their own methods in their own modules.
pub(crate) struct Ctx<'a> {
    pub r: &'a Resolved,
    pub spec: &'a ChartSpec,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    /// Labels, ticks and legend names.
    pub font: Font,
}

impl<'a> Ctx<'a> {
    fn new(r: &'a Resolved, theme: &'a Theme, measure: &'a dyn TextMeasure, font: Font) -> Self {
        Ctx { r, spec: &r.spec, theme, measure, font }
    }

    /// The width of `text` in the label font.
    pub fn width(&self, text: &str) -> f32 {
        self.measure.width(text, self.font)
    }

    /// A measured text mark (the one argument order: position, text, font, colour, alignment).
    #[allow(clippy::too_many_arguments)]
    pub fn text(&self, x: f32, y: f32, text: &str, font: Font, color: Color, h: HAlign, v: VAlign) -> Mark {
        Mark::text(x, y, text, font, color, h, v, self.measure)
    }

    /// [`text`](Self::text) in the label font.
    pub fn label(&self, x: f32, y: f32, text: &str, color: Color, h: HAlign, v: VAlign) -> Mark {
        Mark::text(x, y, text, self.font, color, h, v, self.measure)
    }
}

/// Lays out `r` in a `width` × `height` CSS-pixel box.
pub fn layout(r: &Resolved, theme: &Theme, width: f32, height: f32, measure: &dyn TextMeasure) -> Scene {
    let width = sane_length(width);
    let height = sane_length(height);
    let mut scene = Scene {
        width,
        height,
        background: theme.background,
        font_family: theme.font_family,
        marks: vec![Mark::Rect { x: 0.0, y: 0.0, w: width, h: height, fill: theme.background, stroke: None }],
        points: Vec::new(),
        #[cfg(feature = "map")]
        areas: Vec::new(),
    };
    let label_font = Font { size: theme.label_size, bold: false };
    match r.spec.chart_type {
        ChartType::Line | ChartType::Area | ChartType::Column | ChartType::Bar => {
            cartesian::layout(&Ctx::new(r, theme, measure, label_font), &mut scene)
        }
        ChartType::Pie | ChartType::Donut => {
            // Slice labels and the legend are read at a glance: never under 14 px.
            let font = Font { size: theme.label_size.max(14.0), bold: false };
            pie::layout(&Ctx::new(r, theme, measure, font), &mut scene)
        }
        ChartType::Kpi => kpi::layout(&Ctx::new(r, theme, measure, label_font), &mut scene),
        ChartType::Progress => progress::layout(&Ctx::new(r, theme, measure, label_font), &mut scene),
        #[cfg(feature = "map")]
        ChartType::Map => map::layout(&Ctx::new(r, theme, measure, label_font), &mut scene),
        #[cfg(not(feature = "map"))]
        ChartType::Map => {}
    }
    scene
}

/// Sizes for a KPI's or progress chart's big number, largest first, starting from the one
/// the width prefers: 56 px on wide charts, 48 on medium, 40 on phones.
fn big_number_sizes(width: f32) -> &'static [f32] {
    const SIZES: [f32; 6] = [56.0, 48.0, 40.0, 32.0, 28.0, 24.0];
    let preferred = if width >= 640.0 {
        0
    } else if width >= 480.0 {
        1
    } else {
        2
    };
    &SIZES[preferred..]
}

/// Sizes from the page can be NaN, infinite or negative (hidden, detached elements).
fn sane_length(v: f32) -> f32 {
    if v.is_finite() {
        crate::math::clamp(v, 0.0, 100_000.0)
    } else {
        0.0
    }
}
