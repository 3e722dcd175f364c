//! The category axis: where each category sits (a real time scale when every category is a
//! date, else even slots) and which labels it gets — every one when they fit, wrapped on up
//! to three lines for long Japanese names, thinned or cut with "…" only as a last resort.
//!
//! Vectors are built with `for` loops rather than `map(..).collect()`: in the wasm every
//! collect of a distinct closure is its own copy of std's collect machinery (~130 B gzip
//! each, BENCHMARKS.md), and these loops read as plainly.

use super::{Ctx, LABEL_GAP, LINE_HEIGHT, TICK_GAP};
use crate::dates::{PartialDate, Precision};
use crate::order::sorted_indices;
use crate::resolve::Resolved;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::text::{truncate_to_width, wrap_to_width};
use crate::ticks::time_ticks;

const POINT_LABEL_LIMIT: usize = 12;
const MAX_LABEL_LINES: usize = 3;
const WRAP_GAP: f32 = 6.0;

/// Where categories sit along their axis.
pub struct Positions {
    /// Centre of each category (x for columns and lines, y for horizontal bars).
    pub centers: Vec<f32>,
    /// Room for one category (the smallest gap on a time axis).
    pub slot: f32,
    /// Parsed dates when every category is one (a time axis).
    pub dates: Option<Vec<PartialDate>>,
}

/// Positions over `start..end`. Horizontal bars always use even slots, top to bottom.
pub fn positions(r: &Resolved, start: f32, end: f32, has_columns: bool) -> Positions {
    let n = r.spec.categories.len();
    let length = end - start;
    if !r.horizontal {
        if let Some(dates) = &r.dates {
            let mut days: Vec<i64> = Vec::with_capacity(dates.len());
            for d in dates {
                days.push(d.day_number());
            }
            let (first, last) = (days.iter().min().copied().unwrap_or(0), days.iter().max().copied().unwrap_or(0));
            if last > first {
                let order = sorted_indices(days.len(), &|i| days[i] as f64);
                let mut min_gap = last - first;
                for w in order.windows(2) {
                    let gap = days[w[1]] - days[w[0]];
                    if gap > 0 && gap < min_gap {
                        min_gap = gap;
                    }
                }
                let span = (last - first) as f32;
                let slot = length / (span / min_gap as f32 + 1.0);
                // Bars need half a slot at the ends; lines only room for markers and labels.
                let inset = if has_columns { slot / 2.0 } else { (slot / 2.0).min(32.0) };
                let inner = length - 2.0 * inset;
                let mut centers = Vec::with_capacity(days.len());
                for d in &days {
                    centers.push(start + inset + (d - first) as f32 / span * inner);
                }
                return Positions { centers, slot, dates: Some(dates.clone()) };
            }
        }
    }
    let slot = length / n as f32;
    let mut centers = Vec::with_capacity(n);
    for i in 0..n {
        centers.push(start + slot * (i as f32 + 0.5));
    }
    Positions { centers, slot, dates: None }
}

/// Labels under a horizontal category axis: (centre, lines).
pub fn labels_below(ctx: &Ctx, at: &Positions) -> Vec<(f32, Vec<String>)> {
    match &at.dates {
        Some(dates) => {
            let mut out = Vec::new();
            for (x, l) in time_labels(ctx, dates, at) {
                out.push((x, vec![l]));
            }
            out
        }
        None => slot_labels(ctx, at),
    }
}

/// Draws labels under the plot with a small tick each; edge labels stay inside the scene.
pub fn draw_below(ctx: &Ctx, labels: &[(f32, Vec<String>)], bottom: f32, scene: &mut Scene) {
    let width = scene.width;
    // Below the lowest value label's half height, so the two never touch at the corner.
    let top = bottom + TICK_GAP;
    for (x, lines) in labels {
        scene.marks.push(Mark::Rule { x1: *x, y1: bottom, x2: *x, y2: bottom + 4.0, width: 1.0, color: ctx.theme.baseline });
        for (i, line) in lines.iter().enumerate() {
            let w = ctx.width(line);
            let x = crate::math::clamp(*x, w / 2.0 + 1.0, (width - w / 2.0 - 1.0).max(w / 2.0 + 1.0));
            scene.marks.push(ctx.label(x, top + i as f32 * LINE_HEIGHT, line, ctx.theme.muted_text, HAlign::Middle, VAlign::Top));
        }
    }
}

/// The width a left-hand label column needs for horizontal bars: the widest label, but no
/// more than 40% of the scene (long names wrap instead).
pub fn left_column_width(ctx: &Ctx, scene_width: f32) -> f32 {
    let widest = ctx.spec.categories.iter().take(2000).map(|l| ctx.width(l)).fold(0.0, f32::max);
    widest.min(scene_width * 0.4).max(ctx.font.size * 2.0)
}

/// Labels beside horizontal bars, right-aligned at `right_edge`, as many lines as the slot
/// holds (thinned when even one line does not fit).
pub fn draw_left(ctx: &Ctx, at: &Positions, column: f32, right_edge: f32, scene: &mut Scene) {
    let lines_fit = ((at.slot / LINE_HEIGHT).floor() as usize).clamp(1, MAX_LABEL_LINES);
    let every = if at.slot >= LINE_HEIGHT { 1 } else { (LINE_HEIGHT / at.slot).ceil() as usize };
    for i in (0..at.centers.len()).step_by(every) {
        let lines = wrap_lines(ctx, &ctx.spec.categories[i], column, lines_fit);
        let block = lines.len() as f32 * LINE_HEIGHT;
        let top = at.centers[i] - block / 2.0 + (LINE_HEIGHT - ctx.font.size) / 2.0;
        for (k, line) in lines.iter().enumerate() {
            scene.marks.push(ctx.label(right_edge, top + k as f32 * LINE_HEIGHT, line, ctx.theme.muted_text, HAlign::End, VAlign::Top));
        }
    }
}

fn fits(ctx: &Ctx, placed: &[(f32, String)]) -> bool {
    let mut previous: Option<(f32, f32)> = None;
    for (x, l) in placed {
        let w = ctx.width(l);
        if let Some((px, pw)) = previous {
            if x - px < (pw + w) / 2.0 + LABEL_GAP {
                return false;
            }
        }
        previous = Some((*x, w));
    }
    true
}

/// Time-axis labels: each data point when few and they fit, else calendar ticks.
fn time_labels(ctx: &Ctx, dates: &[PartialDate], at: &Positions) -> Vec<(f32, String)> {
    let label = |d: &PartialDate| ctx.date_label(d);
    let order = sorted_indices(dates.len(), &|i| dates[i].day_number() as f64);
    if dates.len() <= POINT_LABEL_LIMIT {
        let mut at_points = Vec::with_capacity(order.len());
        for &i in &order {
            at_points.push((at.centers[i], label(&dates[i])));
        }
        if fits(ctx, &at_points) {
            return at_points;
        }
    }
    let coarsest = dates.iter().map(PartialDate::precision).max().unwrap_or(Precision::Year);
    let (first, last) = (dates[order[0]], dates[*order.last().unwrap_or(&0)]);
    let (d0, d1) = (first.day_number() as f32, last.day_number() as f32);
    let (x0, x1) = (at.centers[order[0]], at.centers[*order.last().unwrap_or(&0)]);
    // Start as dense as the shortest label (a year) allows and thin until the labels fit:
    // the densest calendar ticks that fit win.
    let shortest = ctx.width(&label(&first.truncated(Precision::Year)));
    let span = (x1 - x0).abs();
    let mut max_count = (((span + at.slot) / (shortest + LABEL_GAP)).floor() as usize).clamp(1, 24);
    loop {
        let ticks = time_ticks(first, last, coarsest, max_count);
        let mut placed = Vec::with_capacity(ticks.len());
        for t in &ticks {
            placed.push((x0 + (t.day_number() as f32 - d0) / (d1 - d0).max(1.0) * (x1 - x0), label(t)));
        }
        if max_count == 1 || fits(ctx, &placed) {
            return placed;
        }
        max_count -= 1;
    }
}

/// Even-slot labels: every category while two characters a line fit (wrapped), else every
/// k-th on one line of up to ~8 characters.
fn slot_labels(ctx: &Ctx, at: &Positions) -> Vec<(f32, Vec<String>)> {
    let labels = &ctx.spec.categories;
    let n = labels.len();
    let widest = labels.iter().take(2000).map(|l| ctx.width(l)).fold(0.0, f32::max);
    if ctx.font.size * 2.0 + WRAP_GAP <= at.slot || widest + WRAP_GAP <= at.slot {
        let room = at.slot - WRAP_GAP;
        let mut out = Vec::with_capacity(n);
        for (label, center) in labels.iter().zip(&at.centers) {
            out.push((*center, wrap_lines(ctx, label, room, MAX_LABEL_LINES)));
        }
        return out;
    }
    let min_label = widest.min(ctx.font.size * 8.0);
    let every = ((min_label + LABEL_GAP) / at.slot).ceil().max(1.0) as usize;
    let room = at.slot * every as f32 - LABEL_GAP;
    let mut out = Vec::new();
    for i in (0..n).step_by(every) {
        out.push((at.centers[i], vec![truncate_to_width(&labels[i], room, ctx.font, ctx.measure).0]));
    }
    out
}

/// Greedy line filling for Japanese (which breaks between any characters): at most
/// `max_lines`; a break after 「・」 or a space is taken when one sits in the second half of a
/// line; punctuation never starts a line (the character before it moves down instead); the
/// last line is cut with "…" if text remains.
pub fn wrap_lines(ctx: &Ctx, label: &str, room: f32, max_lines: usize) -> Vec<String> {
    wrap_to_width(label, room, ctx.font, ctx.measure, max_lines)
}
