//! Where the pie and its legend go: beside or below, how many rows and columns, how large
//! the pie can be with room for outside labels, scored so every legend row comes first.

use super::*;
use crate::order::sorted_by;

/// Where the pie and its legend go.
impl Ctx<'_> {
    /// Chooses the legend's place (beside or below) and width, the pie's radius and whether
    /// outside labels get room: every legend row first, then the largest pie, where an
    /// untruncated legend and each share label on the pie itself count for size.
    pub(super) fn plan(&self, slices: &[Slice], items: &[LegendItem], width: f32, height: f32) -> Option<Plan> {
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
    pub(super) fn legend_plan(
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
    pub(super) fn margin_y(&self, outside: bool) -> f32 {
        if outside {
            self.font.size / 2.0 + 4.0
        } else {
            0.0
        }
    }

    /// Ways to fit the pie in a `w` × `h` box: as large as the box allows, and — when some
    /// share labels do not fit inside their wedges — smaller, with room around it for outside
    /// labels. Each says how many share labels would be left to the legend.
    pub(super) fn fit_pie(&self, slices: &[Slice], w: f32, h: f32) -> Vec<PieFit> {
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
}
