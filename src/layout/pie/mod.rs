//! Layout of `pie` and `donut` charts: wedges clockwise from 12 o'clock in data order, each
//! labelled with its share where the label fits (inside the wedge, else outside on a leader
//! line, else only in the legend), and a legend of every slice with its value and share —
//! beside the pie on wide charts, below it on narrow ones. A donut prints its total (or the
//! spec's `centerLabel`) in the hole.
//!
//! Shares are computed from the full data and printed with the chosen decimals as they are:
//! three equal slices read 33.3% each, even though the labels then add up to 99.9%.
//!
//! Points: one per drawn slice, `series` 0 and `index` = the slice's category index, at the
//! slice's label anchor (slices of 0 or without a value are not drawn and have no point).
//!
//! This module draws the wedges and the donut's centre; `plan` chooses the radius and the
//! legend's place, `labels` places the share labels, `legend` lists every slice.

mod labels;
mod legend;
mod plan;

use super::{Ctx, LEGEND_ROW, LEGEND_SWATCH as SWATCH, LEGEND_SWATCH_GAP as SWATCH_GAP, PAD};
use crate::scene::{BBox, HAlign, Mark, Scene, VAlign};
use crate::spec::ChartType;
use crate::text::Font;
use crate::theme::{Color, LineDash, Theme};
use std::f32::consts::{PI, TAU};

const COLUMN_GAP: f32 = 12.0;
/// Space between the pie (with its outside labels) and a legend beside or below it.
const LEGEND_GAP: f32 = 20.0;
/// Between legend columns.
const LEGEND_COLUMN_GAP: f32 = 24.0;
const MIN_RADIUS: f32 = 32.0;
/// Leader line: from the rim out by `ELBOW`, then across to `LEADER` from the rim.
const ELBOW: f32 = 8.0;
const LEADER: f32 = 18.0;
/// Inner radius of a donut, as a fraction of the outer.
const DONUT_HOLE: f32 = 0.6;
/// The widest arc one polygon segment may span (2°).
const MAX_SEGMENT: f32 = PI / 90.0;
/// Outline between neighbouring wedges, in the background colour.
const SEPARATOR: f32 = 1.5;

/// Lays out a pie or donut `spec` on `scene` (already sized, with its background).
pub fn layout(ctx: &Ctx, scene: &mut Scene) {
    let (Some(series), Some(pie)) = (ctx.spec.series.first(), &ctx.r.pie) else { return };
    let colors = slice_colors(&series.values, ctx.theme);
    let slices = slices(&series.values, &pie.shares, &colors);
    if slices.is_empty() || scene.width < 2.0 * (PAD + MIN_RADIUS) || scene.height < 2.0 * (PAD + MIN_RADIUS) {
        return; // Nothing drawable, or too small to read; the page text and table still stand.
    }
    let items = ctx.legend_items(&series.values, &pie.shares);
    let Some(plan) = ctx.plan(&slices, &items, scene.width, scene.height) else { return };

    let (cx, cy, r) = (plan.cx, plan.cy, plan.radius);
    let hole = if ctx.donut() { r * DONUT_HOLE } else { 0.0 };
    ctx.draw_wedges(&slices, cx, cy, r, hole, scene);
    if ctx.donut() {
        ctx.draw_center(cx, cy, hole, scene);
    }
    ctx.draw_share_labels(&slices, &plan, hole, scene);
    if let Some(legend) = &plan.legend {
        ctx.draw_legend(&items, &colors, legend, scene);
    }
}

/// One drawn wedge.
struct Slice {
    /// Category index.
    index: usize,
    share: f64,
    /// Angles in radians, clockwise from 12 o'clock.
    start: f32,
    end: f32,
    color: Color,
}

impl LegendPlan {
    fn holds_all(&self, items: usize) -> bool {
        self.rows * self.columns >= items
    }
}

impl Slice {
    fn mid(&self) -> f32 {
        (self.start + self.end) / 2.0
    }

    fn is_full(&self) -> bool {
        self.end - self.start >= TAU - 1e-4
    }
}

/// Slice colours by category index: the theme's in order, except that the last drawn slice,
/// which touches the first, never takes the first one's colour (with more slices than
/// colours it would).
fn slice_colors(values: &[Option<f64>], theme: &Theme) -> Vec<Color> {
    let mut colors = Vec::with_capacity(values.len());
    let mut drawn = Vec::new();
    for (i, value) in values.iter().enumerate() {
        colors.push(theme.series_color(i));
        if value.is_some_and(|v| v > 0.0) {
            drawn.push(i);
        }
    }
    if let [first, .., before_last, last] = drawn[..] {
        if colors[last] == colors[first] {
            // Another colour than both neighbours', used as far round the circle as possible.
            let taken = [colors[first], colors[before_last]];
            let n = drawn.len();
            let distance = |c: &Color| {
                let uses = drawn[..n - 1].iter().enumerate().filter(|(_, &i)| colors[i] == *c).map(|(k, _)| (n - 1 - k).min(k + 1));
                uses.min().unwrap_or(usize::MAX)
            };
            if let Some(other) = theme.series.iter().filter(|c| !taken.contains(c)).max_by_key(|c| distance(c)) {
                colors[last] = *other;
            }
        }
    }
    colors
}

/// Angles of the slices that are drawn (value > 0), from the full data, with their shares.
fn slices(values: &[Option<f64>], shares: &[Option<f64>], colors: &[Color]) -> Vec<Slice> {
    let total: f64 = values.iter().flatten().filter(|v| v.is_finite() && **v > 0.0).sum();
    if total.is_nan() || total <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut before = 0.0f64;
    for (index, value) in values.iter().enumerate() {
        let Some(v) = value.filter(|v| v.is_finite() && *v > 0.0) else { continue };
        // Angles from cumulative sums, so the last slice closes the circle exactly.
        let start = (before / total) as f32 * TAU;
        before += v;
        let end = (before / total) as f32 * TAU;
        out.push(Slice { index, share: shares[index].unwrap_or(0.0), start, end, color: colors[index] });
    }
    out
}

/// A point at `radius` and `angle` (clockwise from 12 o'clock) around (cx, cy).
fn polar(cx: f32, cy: f32, radius: f32, angle: f32) -> (f32, f32) {
    let (sin, cos) = crate::math::sin_cos(angle);
    (cx + radius * sin, cy - radius * cos)
}

/// Points along an arc from `a0` to `a1` (either direction), at most 2° apart, ends included.
fn arc(cx: f32, cy: f32, radius: f32, a0: f32, a1: f32) -> Vec<(f32, f32)> {
    let steps = ((a1 - a0).abs() / MAX_SEGMENT).ceil().max(1.0) as usize;
    let mut points = Vec::with_capacity(steps + 1);
    for k in 0..=steps {
        points.push(polar(cx, cy, radius, a0 + (a1 - a0) * k as f32 / steps as f32));
    }
    points
}

/// One legend row: the swatch colour (`None` for slices not drawn), name, value and share.
struct LegendItem {
    index: usize,
    name: String,
    value: String,
    share: String,
}

/// One way to size the pie in its box.
struct PieFit {
    radius: f32,
    /// Room kept around the pie for outside labels (`margin_x` on each side).
    outside: bool,
    margin_x: f32,
    /// Share labels that would show only in the legend.
    missing: usize,
}

/// Where the legend goes and what of it is shown.
#[derive(Clone)]
struct LegendPlan {
    x: f32,
    y: f32,
    /// Rows per column, and columns (short, wide charts); when they hold fewer than the
    /// items, the last place says how many more there are.
    rows: usize,
    columns: usize,
    column_width: f32,
    name_room: f32,
    show_values: bool,
    value_width: f32,
    share_width: f32,
}

/// An outside share label on a leader line.
struct OutsideLabel {
    slice: usize,
    share: f64,
    text: String,
    width: f32,
    /// Right side of the pie (labels start at x) or left (labels end at x).
    right: bool,
    y: f32,
    wanted_y: f32,
}

struct Plan {
    cx: f32,
    cy: f32,
    radius: f32,
    /// The box outside labels must stay in.
    area: BBox,
    /// Whether room was kept around the pie for outside labels.
    outside: bool,
    legend: Option<LegendPlan>,
}

/// The wedges and the donut's centre.
impl Ctx<'_> {
    fn donut(&self) -> bool {
        self.spec.chart_type == ChartType::Donut
    }

    fn share_text(&self, share: f64) -> String {
        self.r.share_text(share)
    }

    fn value_with_unit(&self, value: f64) -> String {
        self.r.axes[0].with_unit(value)
    }

    fn hole(&self, radius: f32) -> f32 {
        if self.donut() {
            radius * DONUT_HOLE
        } else {
            0.0
        }
    }

    fn draw_wedges(&self, slices: &[Slice], cx: f32, cy: f32, r: f32, hole: f32, scene: &mut Scene) {
        let separator = (slices.len() > 1).then_some((self.theme.background, SEPARATOR));
        for slice in slices {
            let mut points = if slice.is_full() {
                // A whole disc (or ring): no centre point, no seam stroke.
                let mut ring = arc(cx, cy, r, 0.0, TAU);
                ring.pop();
                if hole > 0.0 {
                    ring.push(ring[0]);
                    ring.extend(arc(cx, cy, hole, TAU, 0.0));
                }
                ring
            } else {
                arc(cx, cy, r, slice.start, slice.end)
            };
            if !slice.is_full() {
                if hole > 0.0 {
                    points.extend(arc(cx, cy, hole, slice.end, slice.start));
                } else {
                    points.push((cx, cy));
                }
            }
            scene.marks.push(Mark::Polygon { points, fill: slice.color, stroke: separator });
        }
        // Light wedges (under 3:1 on the background) get the theme's outline along their
        // rim, so their edge against the background stays visible.
        for slice in slices {
            let Some(outline) = self.theme.outline_for(slice.color) else { continue };
            for radius in [r, hole].into_iter().filter(|x| *x > 0.0) {
                scene.marks.push(Mark::Polyline {
                    points: arc(cx, cy, radius, slice.start, slice.end),
                    width: 1.0,
                    color: outline,
                    dash: LineDash::Solid,
                });
            }
        }
    }

    /// The donut's centre text: 「合計」 above the total (or the spec's centre label alone), as
    /// large as fits the hole; without 「合計」 at 14 px if need be; `None` when even that does
    /// not fit (a number is never cut). Lines are (text, font, colour, top relative to centre).
    fn center_lines(&self, hole: f32) -> Option<Vec<(String, Font, Color, f32)>> {
        let fits = |w: f32, h: f32| (w / 2.0).powi(2) + (h / 2.0).powi(2) <= (hole - 3.0).powi(2);
        let caption_font = self.font;
        let (main, caption) = match &self.spec.center_label {
            Some(label) => (label.clone(), None),
            None => {
                let total = self.r.pie.as_ref().map_or(0.0, |p| p.total);
                (self.value_with_unit(total), Some(self.r.locale().pick("合計", "Total")))
            }
        };
        for size in [32.0, 28.0, 24.0, 20.0, 18.0, 16.0, 14.0] {
            let font = Font { size, bold: true };
            let main_w = self.measure.width(&main, font);
            let caption_w = caption.map_or(0.0, |c| self.measure.width(c, caption_font));
            let block_h = size + caption.map_or(0.0, |_| caption_font.size + 2.0);
            if fits(main_w.max(caption_w), block_h) {
                let top = -block_h / 2.0;
                let mut lines = Vec::new();
                if let Some(caption) = caption {
                    lines.push((caption.to_owned(), caption_font, self.theme.muted_text, top));
                }
                lines.push((main, font, self.theme.text, top + block_h - size));
                return Some(lines);
            }
        }
        let font = Font { size: 14.0, bold: true };
        fits(self.measure.width(&main, font), font.size).then(|| vec![(main, font, self.theme.text, -font.size / 2.0)])
    }

    fn draw_center(&self, cx: f32, cy: f32, hole: f32, scene: &mut Scene) {
        for (text, font, color, dy) in self.center_lines(hole).unwrap_or_default() {
            scene.marks.push(self.text(cx, cy + dy, &text, font, color, HAlign::Middle, VAlign::Top));
        }
    }
}
