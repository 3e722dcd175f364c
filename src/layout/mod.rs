//! Layout: a validated spec and a size become a scene. One module per family of chart;
//! this one sizes the scene, paints its background and dispatches on the chart type.

mod cartesian;
mod kpi;
mod pie;
mod progress;

use crate::scene::{Mark, Scene};
use crate::spec::{ChartSpec, ChartType};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Lays out `spec` in a `width` × `height` CSS-pixel box.
pub fn layout(spec: &ChartSpec, theme: &Theme, width: f32, height: f32, measure: &dyn TextMeasure) -> Scene {
    let width = sane_length(width);
    let height = sane_length(height);
    let mut scene = Scene {
        width,
        height,
        background: theme.background,
        font_family: theme.font_family,
        marks: vec![Mark::Rect { x: 0.0, y: 0.0, w: width, h: height, fill: theme.background, stroke: None }],
        points: Vec::new(),
    };
    match spec.chart_type {
        ChartType::Line | ChartType::Area | ChartType::Column | ChartType::Bar => cartesian::layout(spec, theme, measure, &mut scene),
        ChartType::Pie | ChartType::Donut => pie::layout(spec, theme, measure, &mut scene),
        ChartType::Kpi => kpi::layout(spec, theme, measure, &mut scene),
        ChartType::Progress => progress::layout(spec, theme, measure, &mut scene),
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
        v.clamp(0.0, 100_000.0)
    } else {
        0.0
    }
}
