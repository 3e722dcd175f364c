//! Cartesian charts — `line`, `area`, `column`, `bar` and their combinations — laid out in
//! one frame: category axis, one or two value axes, grid, data marks, annotations, legend.
//!
//! `bar` is the same chart turned sideways: `Frame` maps (category, value) positions to
//! screen x/y for either orientation, so marks and annotations are written once.

mod annotations;
mod category_axis;
mod legend;
mod marks;
mod stack;
mod value_axis;

use super::{Ctx, PAD};
use crate::dates::PartialDate;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::spec::{AxisSide, AxisSpec, SeriesKind, ValueFlag};
use category_axis::Positions;
use value_axis::Scale;

const TICK_GAP: f32 = 8.0;
const LABEL_GAP: f32 = 12.0;
const LINE_HEIGHT: f32 = 18.0;
const MIN_TICK_SPACING: f32 = 36.0;

/// Lays out a cartesian `spec` on `scene` (already sized, with its background).
pub fn layout(ctx: &Ctx, scene: &mut Scene) {
    let (spec, theme) = (ctx.spec, ctx.theme);
    let (width, height) = (scene.width, scene.height);
    let looks = stack::series_looks(ctx.r, theme);
    let spans = stack::spans(spec, &looks);
    let legend_rows = legend::rows(ctx, &looks, width - 2.0 * PAD);
    let legend_height = legend::height(&legend_rows);
    let captions = [ctx.axis_caption(AxisSide::Left), ctx.axis_caption(AxisSide::Right)];
    let top = PAD + if captions.iter().any(Option::is_some) { ctx.font.size + 14.0 } else { ctx.font.size / 2.0 };
    let bottom = height - PAD - legend_height - ctx.font.size - TICK_GAP;
    if bottom - top < 40.0 || width < 80.0 {
        return; // Too small to draw anything readable; the page text still stands.
    }
    let axes = Axes {
        left: stack::extent(&spans, &looks, AxisSide::Left).unwrap_or((0.0, 1.0)),
        right: stack::extent(&spans, &looks, AxisSide::Right),
        left_from_zero: looks.iter().any(|l| l.axis == AxisSide::Left && l.kind != SeriesKind::Line),
        right_from_zero: looks.iter().any(|l| l.axis == AxisSide::Right && l.kind != SeriesKind::Line),
    };
    let has_columns = looks.iter().any(|l| l.kind == SeriesKind::Column);
    let Some((frame, below)) = (if ctx.r.horizontal {
        horizontal_frame(ctx, &axes, top, bottom, width)
    } else {
        vertical_frame(ctx, &axes, top, bottom, width, has_columns)
    }) else {
        return;
    };

    annotations::draw_bands(ctx, &frame, scene);
    draw_value_axes(ctx, &frame, scene);
    if let Some(caption) = &captions[0] {
        let (x, h) = if frame.horizontal { (width - PAD, HAlign::End) } else { (PAD, HAlign::Start) };
        scene.marks.push(ctx.label(x, PAD, caption, theme.muted_text, h, VAlign::Top));
    }
    if let Some(caption) = &captions[1] {
        scene.marks.push(ctx.label(width - PAD, PAD, caption, theme.muted_text, HAlign::End, VAlign::Top));
    }
    if frame.horizontal {
        let column = frame.left - PAD - TICK_GAP;
        category_axis::draw_left(ctx, &frame.at, column, frame.left - TICK_GAP, scene);
    } else {
        category_axis::draw_below(ctx, &below, frame.bottom, scene);
    }
    marks::draw(ctx, &frame, &looks, &spans, scene);
    annotations::draw_overlays(ctx, &frame, scene);
    legend::draw(ctx, &legend_rows, &looks, height - PAD - legend_height + 4.0, scene);
}

/// Category labels under the plot: (centre, lines).
type LabelsBelow = Vec<(f32, Vec<String>)>;

/// The data extents of the two value axes.
struct Axes {
    left: (f64, f64),
    right: Option<(f64, f64)>,
    left_from_zero: bool,
    right_from_zero: bool,
}

/// Columns, lines and areas: categories along the bottom, values up the sides. Long
/// category labels may need a second line, which shortens the plot, so the value axes are
/// fitted once more after the labels are known.
fn vertical_frame(ctx: &Ctx, axes: &Axes, top: f32, bottom: f32, width: f32, has_columns: bool) -> Option<(Frame, LabelsBelow)> {
    let no_axis = AxisSpec::default();
    let fit = |bottom: f32| {
        let max_ticks = ((bottom - top) / MIN_TICK_SPACING).floor() as usize;
        let left = value_axis::scale(ctx, axes.left, &ctx.spec.y_axis, ctx.r.axes[0].notation, axes.left_from_zero, max_ticks);
        let right = axes.right.map(|extent| {
            let spec = ctx.spec.y2_axis.as_ref().unwrap_or(&no_axis);
            value_axis::scale(ctx, extent, spec, ctx.r.axes[1].notation, axes.right_from_zero, max_ticks)
        });
        let l = PAD + value_axis::widest_label(ctx, &left) + TICK_GAP;
        let r = width - PAD - right.as_ref().map_or(0.0, |s| value_axis::widest_label(ctx, s) + TICK_GAP);
        (left, right, l, r)
    };
    let (mut left_scale, mut right_scale, mut left, mut right) = fit(bottom);
    if right - left < 40.0 {
        return None;
    }
    let mut at = category_axis::positions(ctx.r, left, right, has_columns);
    let mut below = category_axis::labels_below(ctx, &at);
    let extra_lines = below.iter().map(|(_, lines)| lines.len()).max().unwrap_or(1).saturating_sub(1);
    let bottom = bottom - extra_lines as f32 * LINE_HEIGHT;
    if extra_lines > 0 {
        (left_scale, right_scale, left, right) = fit(bottom);
        at = category_axis::positions(ctx.r, left, right, has_columns);
        below = category_axis::labels_below(ctx, &at);
    }
    Some((Frame { left, right, top, bottom, horizontal: false, left_scale, right_scale, at }, below))
}

/// Horizontal bars: category names down the left (wrapped), values along the bottom.
fn horizontal_frame(ctx: &Ctx, axes: &Axes, top: f32, bottom: f32, width: f32) -> Option<(Frame, LabelsBelow)> {
    let column = category_axis::left_column_width(ctx, width);
    let left = PAD + column + TICK_GAP;
    let mut max_ticks = (((width - left - PAD) / 56.0).floor() as usize).max(1);
    let scale = loop {
        let scale = value_axis::scale(ctx, axes.left, &ctx.spec.y_axis, ctx.r.axes[0].notation, true, max_ticks);
        let widest = value_axis::widest_label(ctx, &scale);
        let intervals = scale.ticks.len().saturating_sub(1).max(1) as f32;
        if max_ticks <= 2 || (width - PAD - widest / 2.0 - left) / intervals >= widest + LABEL_GAP {
            break scale;
        }
        max_ticks -= 1;
    };
    // Room at the right for the longest bar's value label, printed at its end.
    let end_label = match ctx.spec.stacking {
        crate::spec::Stacking::None => ctx
            .spec
            .series
            .iter()
            .enumerate()
            .flat_map(|(s, series)| series.values.iter().enumerate().filter_map(move |(i, v)| v.map(|v| (s, i, v))))
            .filter(|(_, _, v)| *v >= 0.0)
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .map_or(0.0, |(s, i, v)| ctx.width(&ctx.value_label(s, i, v)) + 6.0),
        _ => 0.0,
    };
    let right = width - PAD - (value_axis::widest_label(ctx, &scale) / 2.0).max(end_label);
    if right - left < 40.0 {
        return None;
    }
    let at = category_axis::positions(ctx.r, top, bottom, true);
    Some((Frame { left, right, top, bottom, horizontal: true, left_scale: scale, right_scale: None, at }, Vec::new()))
}

/// Gridlines at the left axis' ticks (the zero line darker) and every axis' tick labels.
fn draw_value_axes(ctx: &Ctx, frame: &Frame, scene: &mut Scene) {
    let (c0, c1) = frame.category_extent();
    for (value, label) in frame.left_scale.ticks.iter().zip(&frame.left_scale.labels) {
        let v = frame.value(AxisSide::Left, *value);
        let color = if *value == 0.0 { ctx.theme.baseline } else { ctx.theme.grid };
        let ((x1, y1), (x2, y2)) = (frame.point(c0, v), frame.point(c1, v));
        scene.marks.push(Mark::Rule { x1, y1, x2, y2, width: 1.0, color });
        let mark = if frame.horizontal {
            ctx.label(v, frame.bottom + TICK_GAP, label, ctx.theme.muted_text, HAlign::Middle, VAlign::Top)
        } else {
            ctx.label(frame.left - TICK_GAP, v, label, ctx.theme.muted_text, HAlign::End, VAlign::Middle)
        };
        scene.marks.push(mark);
    }
    if let Some(scale) = &frame.right_scale {
        for (value, label) in scale.ticks.iter().zip(&scale.labels) {
            let v = frame.value(AxisSide::Right, *value);
            scene.marks.push(ctx.label(frame.right + TICK_GAP, v, label, ctx.theme.muted_text, HAlign::Start, VAlign::Middle));
        }
    }
}

/// The plot rectangle, its orientation, its scales and the category positions.
pub struct Frame {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// `true` for `bar`: categories run down, values run right.
    pub horizontal: bool,
    pub left_scale: Scale,
    pub right_scale: Option<Scale>,
    pub at: Positions,
}

impl Frame {
    pub fn scale(&self, axis: AxisSide) -> Option<&Scale> {
        match axis {
            AxisSide::Left => Some(&self.left_scale),
            AxisSide::Right => self.right_scale.as_ref(),
        }
    }

    /// Screen position along the value direction (y up for columns, x right for bars).
    pub fn value(&self, axis: AxisSide, value: f64) -> f32 {
        let t = self.scale(axis).unwrap_or(&self.left_scale).fraction(value);
        if self.horizontal {
            self.left + t * (self.right - self.left)
        } else {
            self.bottom - t * (self.bottom - self.top)
        }
    }

    /// Screen (x, y) of a category-axis position and a value-axis position.
    pub fn point(&self, category: f32, value: f32) -> (f32, f32) {
        if self.horizontal {
            (value, category)
        } else {
            (category, value)
        }
    }

    /// An (x, y, w, h) rectangle spanning `c0..c1` along categories and `v0..v1` along values.
    pub fn rect(&self, c0: f32, c1: f32, v0: f32, v1: f32) -> (f32, f32, f32, f32) {
        let (a, b) = (self.point(c0, v0), self.point(c1, v1));
        (a.0.min(b.0), a.1.min(b.1), (a.0 - b.0).abs(), (a.1 - b.1).abs())
    }

    /// The plot's extent along the category direction.
    pub fn category_extent(&self) -> (f32, f32) {
        if self.horizontal {
            (self.top, self.bottom)
        } else {
            (self.left, self.right)
        }
    }
}

/// What cartesian layouts print: axis captions and value labels, from the resolved formats.
impl Ctx<'_> {
    /// 「（%）」, 「保有率（%）」: the axis title and unit, shown once above the axis.
    fn axis_caption(&self, axis: AxisSide) -> Option<String> {
        let title = match axis {
            AxisSide::Left => self.spec.y_axis.title.as_deref(),
            AxisSide::Right => self.spec.y2_axis.as_ref().and_then(|a| a.title.as_deref()),
        };
        if axis == AxisSide::Right && !self.spec.series.iter().any(|s| s.axis == AxisSide::Right) {
            return None;
        }
        let unit = self.r.axis(axis).caption_suffix();
        match (title, unit.is_empty()) {
            (None, true) => None,
            (t, _) => Some(format!("{}{unit}", t.unwrap_or("")).trim().to_owned()),
        }
    }

    /// A value as printed on the chart: `9,852万`, `79.0%`, `1,234 p`.
    pub fn value_label(&self, series: usize, index: usize, value: f64) -> String {
        let s = &self.spec.series[series];
        let mut text = self.plain_value(s.axis, value);
        match s.extra(index).and_then(|e| e.flag) {
            Some(ValueFlag::Preliminary) => text.push_str(" p"),
            Some(ValueFlag::Revised) => text.push_str(" r"),
            None => {}
        }
        text
    }

    /// A number in an axis' notation, with `%` when that axis measures percentages.
    pub fn plain_value(&self, axis: AxisSide, value: f64) -> String {
        self.r.axis(axis).label(value)
    }

    /// A date as the axis prints it: 「2025年7月」, or 「令和7（2025）年7月」 with `era`.
    pub fn date_label(&self, date: &PartialDate) -> String {
        self.r.date_words(*date)
    }
}
