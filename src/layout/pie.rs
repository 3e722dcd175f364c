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

use super::{Ctx, LEGEND_ROW, LEGEND_SWATCH as SWATCH, LEGEND_SWATCH_GAP as SWATCH_GAP, PAD};
use crate::locale::Locale;
use crate::math::{clamp, hypot};
use crate::order::sorted_by;
use crate::scene::{BBox, HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::spec::ChartType;
use crate::text::{truncate_to_width, Font};
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

/// What pies print and where: the legend plan, the wedges, their labels and the legend.
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

    fn legend_items(&self, values: &[Option<f64>], shares: &[Option<f64>]) -> Vec<LegendItem> {
        let missing = self.r.locale().pick("データなし", "no data");
        let mut items = Vec::with_capacity(values.len());
        for (index, value) in values.iter().enumerate() {
            let name = self.spec.categories.get(index).cloned().unwrap_or_default();
            items.push(match (value, shares.get(index).copied().flatten()) {
                (Some(v), Some(share)) => LegendItem { index, name, value: self.value_with_unit(*v), share: self.share_text(share) },
                _ => LegendItem { index, name, value: missing.to_owned(), share: String::new() },
            });
        }
        items
    }

    /// Chooses the legend's place (beside or below) and width, the pie's radius and whether
    /// outside labels get room: every legend row first, then the largest pie, where an
    /// untruncated legend and each share label on the pie itself count for size.
    fn plan(&self, slices: &[Slice], items: &[LegendItem], width: f32, height: f32) -> Option<Plan> {
        let (mut value_width, mut share_width, mut name_width) = (0.0f32, 0.0f32, 0.0f32);
        for i in items {
            value_width = value_width.max(self.measure.width(&i.value, self.font));
            share_width = share_width.max(self.measure.width(&i.share, self.font));
            name_width = name_width.max(self.measure.width(&i.name, self.font));
        }
        let natural = SWATCH + SWATCH_GAP + name_width + COLUMN_GAP + value_width + COLUMN_GAP + share_width;
        let (inner_w, inner_h) = (width - 2.0 * PAD, height - 2.0 * PAD);
        let score = |fit: &PieFit, legend: Option<&LegendPlan>| {
            let labels = (1.0 - 0.3 * fit.missing as f32).max(0.1);
            let (all_rows, names_cut, values_hidden) = match legend {
                Some(l) => (l.holds_all(items.len()), l.name_room < name_width, !l.show_values),
                None => (false, false, false),
            };
            fit.radius * labels * if names_cut { 0.7 } else { 1.0 } * if values_hidden { 0.9 } else { 1.0 }
                + if all_rows { 10_000.0 } else { 0.0 }
        };
        let mut candidates: Vec<(f32, Plan)> = Vec::new();

        // Beside: legend on the right, its names cut to leave the pie at least 45-60% of the width.
        // Widths: the legend's own at most 55% or 40% of the chart, or without values.
        let without_values = SWATCH + SWATCH_GAP + name_width + COLUMN_GAP + share_width;
        let mut widths = vec![natural.min(inner_w * 0.55), natural.min(inner_w * 0.4), without_values.min(inner_w * 0.55)];
        widths = sorted_by(&widths, &|w| -(*w as f64));
        widths.dedup();
        let rows_fit = (inner_h / LEGEND_ROW).floor() as usize;
        let options = widths.iter().flat_map(|w| (1..=3usize).map(move |columns| (*w, columns)));
        for (column_w, columns) in options {
            if columns > 1 && items.len() <= rows_fit * (columns - 1) {
                continue; // Fewer columns hold every item.
            }
            let legend_w = column_w * columns as f32 + LEGEND_COLUMN_GAP * (columns - 1) as f32;
            if columns > 1 && legend_w > inner_w * 0.7 {
                continue;
            }
            let Some(legend) = self.legend_plan(items, column_w, rows_fit, columns, name_width, value_width, share_width) else { continue };
            let box_w = inner_w - legend_w - LEGEND_GAP;
            for fit in self.fit_pie(slices, box_w, inner_h) {
                let group = 2.0 * (fit.radius + fit.margin_x) + LEGEND_GAP + legend_w;
                let left = PAD + ((inner_w - group) / 2.0).max(0.0);
                let cx = left + fit.margin_x + fit.radius;
                let cy = PAD + inner_h / 2.0;
                let mut legend = legend.clone();
                legend.x = cx + fit.radius + fit.margin_x + LEGEND_GAP;
                legend.y = (cy - legend.rows as f32 * LEGEND_ROW / 2.0).max(PAD);
                let area = BBox { x0: PAD, y0: PAD, x1: legend.x - LEGEND_GAP / 2.0, y1: height - PAD };
                let s = score(&fit, Some(&legend));
                candidates.push((s, Plan { cx, cy, radius: fit.radius, area, outside: fit.outside, legend: Some(legend) }));
            }
        }

        // Below: legend under the pie, as many rows as leave the pie its minimum size.
        let legend_w = natural.min(inner_w);
        let max_rows = ((inner_h - 2.0 * MIN_RADIUS - LEGEND_GAP) / LEGEND_ROW).floor().max(0.0) as usize;
        if let Some(legend) = self.legend_plan(items, legend_w, max_rows, 1, name_width, value_width, share_width) {
            let legend_h = legend.rows as f32 * LEGEND_ROW;
            let box_h = inner_h - legend_h - LEGEND_GAP;
            for fit in self.fit_pie(slices, inner_w, box_h) {
                let margin_y = self.margin_y(fit.outside);
                let group = 2.0 * (fit.radius + margin_y) + LEGEND_GAP + legend_h;
                let top = PAD + ((inner_h - group) / 2.0).max(0.0);
                let cy = top + margin_y + fit.radius;
                let cx = PAD + inner_w / 2.0;
                let mut legend = legend.clone();
                legend.x = PAD + ((inner_w - legend_w) / 2.0).max(0.0);
                legend.y = cy + fit.radius + margin_y + LEGEND_GAP;
                let area = BBox { x0: PAD, y0: PAD, x1: width - PAD, y1: legend.y - LEGEND_GAP / 2.0 };
                let s = score(&fit, Some(&legend));
                candidates.push((s, Plan { cx, cy, radius: fit.radius, area, outside: fit.outside, legend: Some(legend) }));
            }
        }

        // No room for a legend at all: the pie alone (the table lists every slice).
        if candidates.is_empty() {
            for fit in self.fit_pie(slices, inner_w, inner_h) {
                let area = BBox { x0: PAD, y0: PAD, x1: width - PAD, y1: height - PAD };
                let plan =
                    Plan { cx: PAD + inner_w / 2.0, cy: PAD + inner_h / 2.0, radius: fit.radius, area, outside: fit.outside, legend: None };
                candidates.push((score(&fit, None), plan));
            }
        }
        // The first of equal scores wins: beside before below.
        let mut best: Option<(f32, Plan)> = None;
        for (s, plan) in candidates {
            if best.as_ref().map_or(true, |(b, _)| s > *b) {
                best = Some((s, plan));
            }
        }
        best.map(|(_, plan)| plan)
    }

    /// The legend at `width` with at most `max_rows` rows, or `None` when not even a name fits.
    #[allow(clippy::too_many_arguments)]
    fn legend_plan(
        &self,
        items: &[LegendItem],
        width: f32,
        max_rows: usize,
        columns: usize,
        name_width: f32,
        value_width: f32,
        share_width: f32,
    ) -> Option<LegendPlan> {
        if max_rows == 0 || items.is_empty() {
            return None;
        }
        // Names may be cut, but not below three characters (or the longest name, if shorter).
        let min_name = (self.font.size * 3.0).min(name_width).max(1.0);
        let fixed = SWATCH + SWATCH_GAP + COLUMN_GAP;
        let with_values = width - fixed - value_width - COLUMN_GAP - share_width;
        let (show_values, name_room) = if with_values >= min_name { (true, with_values) } else { (false, width - fixed - share_width) };
        if name_room < min_name {
            return None;
        }
        let rows = items.len().div_ceil(columns.max(1)).min(max_rows);
        Some(LegendPlan {
            x: 0.0,
            y: 0.0,
            rows,
            columns: columns.max(1),
            column_width: width,
            name_room,
            show_values,
            value_width,
            share_width,
        })
    }

    /// The extra room above and below the pie for outside labels.
    fn margin_y(&self, outside: bool) -> f32 {
        if outside {
            self.font.size / 2.0 + 4.0
        } else {
            0.0
        }
    }

    /// Ways to fit the pie in a `w` × `h` box: as large as the box allows, and — when some
    /// share labels do not fit inside their wedges — smaller, with room around it for outside
    /// labels. Each says how many share labels would be left to the legend.
    fn fit_pie(&self, slices: &[Slice], w: f32, h: f32) -> Vec<PieFit> {
        let mut out = Vec::new();
        let full = (w.min(h) / 2.0 - 1.0).floor();
        if full.is_nan() || full < MIN_RADIUS {
            return out;
        }
        // Share labels that would not be on the pie; a donut's total missing from its centre
        // counts as two.
        let not_inside = |r: f32| {
            let center = if self.donut() && self.center_lines(self.hole(r)).is_none() { 2 } else { 0 };
            center + slices.iter().filter(|s| self.inside_label(s, 0.0, 0.0, r, self.hole(r)).is_none()).count()
        };
        let missing = not_inside(full);
        out.push(PieFit { radius: full, outside: false, margin_x: 0.0, missing });
        if missing > 0 {
            let label_w = slices.iter().map(|s| self.measure.width(&self.share_text(s.share), self.font)).fold(0.0, f32::max);
            let margin_x = LEADER + 4.0 + label_w;
            let reduced = ((w - 2.0 * margin_x).min(h - 2.0 * self.margin_y(true)) / 2.0 - 1.0).floor();
            // A donut keeps its total in the centre rather than make room for outside labels.
            let center_lost =
                self.donut() && self.center_lines(self.hole(reduced)).is_none() && self.center_lines(self.hole(full)).is_some();
            if reduced >= MIN_RADIUS && !center_lost {
                let center = if self.donut() && self.center_lines(self.hole(reduced)).is_none() { 2 } else { 0 };
                out.push(PieFit { radius: reduced, outside: true, margin_x, missing: center });
            }
        }
        out
    }

    fn hole(&self, radius: f32) -> f32 {
        if self.donut() {
            radius * DONUT_HOLE
        } else {
            0.0
        }
    }

    fn label_fonts(&self) -> [Font; 2] {
        [Font { size: self.font.size + 2.0, bold: true }, Font { size: self.font.size, bold: true }]
    }

    /// Where a share label sits inside its wedge (centre point), its font and colour, or
    /// `None` when it does not fit or no text colour reaches 4.5:1 on the wedge.
    fn inside_label(&self, slice: &Slice, cx: f32, cy: f32, r: f32, hole: f32) -> Option<(f32, f32, Font, Color)> {
        let color = self.label_color(slice.color)?;
        let text = self.share_text(slice.share);
        let radii: &[f32] = if hole > 0.0 {
            &[0.5, 0.4, 0.6]
        } else if slice.is_full() {
            &[0.0]
        } else {
            &[0.62, 0.7, 0.55, 0.78, 0.48]
        };
        for font in self.label_fonts() {
            let (w, h) = (self.measure.width(&text, font), font.size);
            for t in radii {
                let dist = hole + (r - hole) * t;
                let (x, y) = polar(cx, cy, dist, slice.mid());
                let b = BBox { x0: x - w / 2.0, y0: y - h / 2.0, x1: x + w / 2.0, y1: y + h / 2.0 };
                if box_in_wedge(&b, slice, cx, cy, r, hole) {
                    return Some((x, y, font, color));
                }
            }
        }
        None
    }

    /// The theme's text or background colour, whichever reads better on `fill` (at least 4.5:1).
    fn label_color(&self, fill: Color) -> Option<Color> {
        let (dark, light) = (self.theme.text, self.theme.background);
        let pick = if dark.contrast(&fill) >= light.contrast(&fill) { dark } else { light };
        (pick.contrast(&fill) >= 4.5).then_some(pick)
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

    /// Share labels inside wedges where they fit, outside on leader lines where there is room,
    /// and a point per drawn slice.
    fn draw_share_labels(&self, slices: &[Slice], plan: &Plan, hole: f32, scene: &mut Scene) {
        let (cx, cy, r) = (plan.cx, plan.cy, plan.radius);
        let mut outside = Vec::new();
        for (k, slice) in slices.iter().enumerate() {
            let text = self.share_text(slice.share);
            match self.inside_label(slice, cx, cy, r, hole) {
                Some((x, y, font, color)) => {
                    scene.marks.push(self.text(x, y, &text, font, color, HAlign::Middle, VAlign::Middle));
                    scene.points.push(PlottedPoint { series: 0, index: slice.index, x, y });
                }
                None => {
                    let anchor = if hole > 0.0 { hole + (r - hole) / 2.0 } else { r * 0.62 };
                    let (x, y) = polar(cx, cy, anchor, slice.mid());
                    scene.points.push(PlottedPoint { series: 0, index: slice.index, x, y });
                    if plan.outside {
                        let right = crate::math::sin_cos(slice.mid()).0 >= 0.0;
                        let wanted_y = polar(cx, cy, r + ELBOW, slice.mid()).1;
                        let width = self.measure.width(&text, self.font);
                        outside.push(OutsideLabel { slice: k, share: slice.share, text, width, right, y: wanted_y, wanted_y });
                    }
                }
            }
        }
        let placed = self.place_outside(outside, plan, scene);
        for label in placed {
            let slice = &slices[label.slice];
            let rim = polar(cx, cy, r, slice.mid());
            let elbow = polar(cx, cy, r + ELBOW, slice.mid());
            let end_x = if label.right { cx + r + LEADER - 3.0 } else { cx - r - LEADER + 3.0 };
            let elbow_x = if label.right { elbow.0.min(end_x) } else { elbow.0.max(end_x) };
            scene.marks.push(Mark::Polyline {
                points: vec![rim, (elbow_x, elbow.1), (end_x, label.y)],
                width: 1.0,
                color: self.theme.baseline,
                dash: LineDash::Solid,
            });
            let (x, h) = if label.right { (cx + r + LEADER, HAlign::Start) } else { (cx - r - LEADER, HAlign::End) };
            scene.marks.push(self.text(x, label.y, &label.text, self.font, self.theme.text, h, VAlign::Middle));
        }
    }

    /// Outside labels stacked per side without overlapping, inside the plan's area and clear
    /// of every text already placed. Labels that cannot be placed are left to the legend,
    /// smallest slices first.
    fn place_outside(&self, mut labels: Vec<OutsideLabel>, plan: &Plan, scene: &Scene) -> Vec<OutsideLabel> {
        let spacing = self.font.size + 2.0;
        let (top, bottom) = (plan.area.y0 + self.font.size / 2.0, plan.area.y1 - self.font.size / 2.0);
        let existing: Vec<BBox> = scene.text_boxes();
        loop {
            let mut ok = true;
            for right in [true, false] {
                // This side's labels, top to bottom by where they want to be.
                let mut on_side = Vec::new();
                for (i, label) in labels.iter().enumerate() {
                    if label.right == right {
                        on_side.push(i);
                    }
                }
                let side = sorted_by(&on_side, &|&i| labels[i].wanted_y as f64);
                // Down from the top, then back up from the bottom.
                let mut floor = f32::NEG_INFINITY;
                for &i in &side {
                    labels[i].y = labels[i].wanted_y.max(floor).max(top);
                    floor = labels[i].y + spacing;
                }
                let mut ceiling = f32::INFINITY;
                for &i in side.iter().rev() {
                    labels[i].y = labels[i].y.min(ceiling).min(bottom);
                    ceiling = labels[i].y - spacing;
                }
                ok &= side.iter().all(|&i| labels[i].y >= top - 0.01);
            }
            let clear = labels.iter().all(|l| {
                let b = self.outside_box(l, plan);
                b.x0 >= plan.area.x0 && b.x1 <= plan.area.x1 && existing.iter().all(|e| !e.overlaps(&b))
            });
            if ok && clear {
                return labels;
            }
            // Give up the label of the smallest slice and try again.
            let Some(victim) = (0..labels.len()).min_by(|a, b| labels[*a].share.total_cmp(&labels[*b].share)) else {
                return labels;
            };
            labels.remove(victim);
        }
    }

    fn outside_box(&self, l: &OutsideLabel, plan: &Plan) -> BBox {
        let h = self.font.size;
        let x0 = if l.right { plan.cx + plan.radius + LEADER } else { plan.cx - plan.radius - LEADER - l.width };
        BBox { x0, y0: l.y - h / 2.0, x1: x0 + l.width, y1: l.y + h / 2.0 }
    }

    fn draw_legend(&self, items: &[LegendItem], colors: &[Color], legend: &LegendPlan, scene: &mut Scene) {
        let capacity = legend.rows * legend.columns;
        let shown = if capacity < items.len() { capacity.saturating_sub(1) } else { items.len() };
        let share_offset = SWATCH
            + SWATCH_GAP
            + legend.name_room
            + COLUMN_GAP
            + if legend.show_values { legend.value_width + COLUMN_GAP } else { 0.0 }
            + legend.share_width;
        let place = |k: usize| {
            let (column, row) = (k / legend.rows.max(1), k % legend.rows.max(1));
            let x = legend.x + column as f32 * (legend.column_width + LEGEND_COLUMN_GAP);
            (x, legend.y + row as f32 * LEGEND_ROW + LEGEND_ROW / 2.0)
        };
        for (k, item) in items.iter().take(shown).enumerate() {
            let (x, y) = place(k);
            let name_x = x + SWATCH + SWATCH_GAP;
            let share_right = x + share_offset;
            let value_right = share_right - legend.share_width - COLUMN_GAP;
            let color = colors[item.index];
            let drawn = !item.share.is_empty();
            let stroke = if drawn { self.theme.outline_for(color) } else { Some(self.theme.baseline) };
            let fill = if drawn { color } else { self.theme.background };
            scene.marks.push(Mark::Rect { x, y: y - SWATCH / 2.0, w: SWATCH, h: SWATCH, fill, stroke });
            let (name, _) = truncate_to_width(&item.name, legend.name_room, self.font, self.measure);
            scene.marks.push(self.text(name_x, y, &name, self.font, self.theme.text, HAlign::Start, VAlign::Middle));
            if legend.show_values {
                scene.marks.push(self.text(value_right, y, &item.value, self.font, self.theme.text, HAlign::End, VAlign::Middle));
            }
            if drawn {
                scene.marks.push(self.text(share_right, y, &item.share, self.font, self.theme.muted_text, HAlign::End, VAlign::Middle));
            } else if !legend.show_values {
                scene.marks.push(self.text(share_right, y, &item.value, self.font, self.theme.muted_text, HAlign::End, VAlign::Middle));
            }
        }
        if shown < items.len() {
            let rest = items.len() - shown;
            let (long, short) = match self.r.locale() {
                Locale::Ja => (format!("ほか{rest}項目（表を参照）"), format!("ほか{rest}項目")),
                Locale::En => (format!("{rest} more (see the table)"), format!("{rest} more")),
            };
            let (x, y) = place(shown);
            let room = share_offset;
            let text = if self.measure.width(&long, self.font) <= room {
                long
            } else {
                truncate_to_width(&short, room, self.font, self.measure).0
            };
            scene.marks.push(self.text(x, y, &text, self.font, self.theme.muted_text, HAlign::Start, VAlign::Middle));
        }
    }
}

/// Whether box `b` lies within the wedge of `slice` (between `hole` and `r` from the centre,
/// between its angles), with 2 px to spare.
fn box_in_wedge(b: &BBox, slice: &Slice, cx: f32, cy: f32, r: f32, hole: f32) -> bool {
    let margin = 2.0;
    let corners = [(b.x0, b.y0), (b.x1, b.y0), (b.x0, b.y1), (b.x1, b.y1)];
    let mids = [((b.x0 + b.x1) / 2.0, b.y0), ((b.x0 + b.x1) / 2.0, b.y1), (b.x0, (b.y0 + b.y1) / 2.0), (b.x1, (b.y0 + b.y1) / 2.0)];
    // The farthest point of a box from the centre is a corner; the nearest may be on an edge.
    if corners.iter().any(|&(x, y)| hypot(x - cx, y - cy) > r - margin) {
        return false;
    }
    let nearest = hypot(clamp(cx, b.x0, b.x1) - cx, clamp(cy, b.y0, b.y1) - cy);
    if hole > 0.0 && nearest < hole + margin {
        return false;
    }
    if slice.is_full() {
        return true;
    }
    if hole == 0.0 && nearest == 0.0 {
        return false; // The box covers the centre, where every wedge meets.
    }
    corners.iter().chain(mids.iter()).all(|&(x, y)| {
        let d = hypot(x - cx, y - cy).max(1.0);
        let slack = margin / d;
        let mut angle = crate::math::atan2(x - cx, -(y - cy));
        if angle < 0.0 {
            angle += TAU;
        }
        // Near 12 o'clock the angle wraps: the first wedge starts at 0, the last ends at 2π.
        let inside = |a: f32| a >= slice.start + slack && a <= slice.end - slack;
        inside(angle) || inside(angle + TAU) || inside(angle - TAU)
    })
}
