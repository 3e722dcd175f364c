//! The category axis: where each category sits (a real time scale when every category is a
//! date, else even slots) and which labels it gets — every one when they fit, wrapped on up
//! to three lines for long Japanese names, thinned or cut with "…" only as a last resort.

use super::{Ctx, LABEL_GAP, LINE_HEIGHT, TICK_GAP};
use crate::dates::{PartialDate, Precision};
use crate::order::sorted_indices;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::spec::{ChartSpec, ChartType};
use crate::text::truncate_to_width;
use crate::ticks::time_ticks;

const POINT_LABEL_LIMIT: usize = 12;
const MAX_LABEL_LINES: usize = 3;
const WRAP_GAP: f32 = 6.0;
/// Characters that must not begin a line (kinsoku shori): closing brackets and punctuation.
const NO_LINE_START: &str = "、。，．・：；？！ー）」』】〕〉》”’…%";

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
pub fn positions(spec: &ChartSpec, start: f32, end: f32, has_columns: bool) -> Positions {
    let n = spec.categories.len();
    let length = end - start;
    if spec.chart_type != ChartType::Bar {
        let dates: Option<Vec<PartialDate>> = spec.categories.iter().map(|c| PartialDate::parse(c)).collect();
        if let Some(dates) = dates {
            let days: Vec<i64> = dates.iter().map(PartialDate::day_number).collect();
            let (first, last) = (days.iter().min().copied().unwrap_or(0), days.iter().max().copied().unwrap_or(0));
            if last > first {
                let sorted: Vec<i64> = sorted_indices(days.len(), &|i| days[i] as f64).into_iter().map(|i| days[i]).collect();
                let min_gap = sorted.windows(2).map(|w| w[1] - w[0]).filter(|g| *g > 0).min().unwrap_or(last - first);
                let span = (last - first) as f32;
                let slot = length / (span / min_gap as f32 + 1.0);
                // Bars need half a slot at the ends; lines only room for markers and labels.
                let inset = if has_columns { slot / 2.0 } else { (slot / 2.0).min(32.0) };
                let inner = length - 2.0 * inset;
                let centers = days.iter().map(|d| start + inset + (d - first) as f32 / span * inner).collect();
                return Positions { centers, slot, dates: Some(dates) };
            }
        }
    }
    let slot = length / n as f32;
    Positions { centers: (0..n).map(|i| start + slot * (i as f32 + 0.5)).collect(), slot, dates: None }
}

/// Labels under a horizontal category axis: (centre, lines).
pub fn labels_below(ctx: &Ctx, at: &Positions) -> Vec<(f32, Vec<String>)> {
    match &at.dates {
        Some(dates) => time_labels(ctx, dates, at).into_iter().map(|(x, l)| (x, vec![l])).collect(),
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
            scene.marks.push(ctx.text(x, top + i as f32 * LINE_HEIGHT, line, HAlign::Middle, VAlign::Top, ctx.theme.muted_text));
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
            scene.marks.push(ctx.text(right_edge, top + k as f32 * LINE_HEIGHT, line, HAlign::End, VAlign::Top, ctx.theme.muted_text));
        }
    }
}

fn fits(ctx: &Ctx, placed: &[(f32, String)]) -> bool {
    let widths: Vec<f32> = placed.iter().map(|(_, l)| ctx.width(l)).collect();
    placed.windows(2).zip(widths.windows(2)).all(|(p, w)| p[1].0 - p[0].0 >= (w[0] + w[1]) / 2.0 + LABEL_GAP)
}

/// Time-axis labels: each data point when few and they fit, else calendar ticks.
fn time_labels(ctx: &Ctx, dates: &[PartialDate], at: &Positions) -> Vec<(f32, String)> {
    let label = |d: &PartialDate| ctx.date_label(d);
    let order = sorted_indices(dates.len(), &|i| dates[i].day_number() as f64);
    if dates.len() <= POINT_LABEL_LIMIT {
        let at_points: Vec<(f32, String)> = order.iter().map(|&i| (at.centers[i], label(&dates[i]))).collect();
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
        let placed: Vec<(f32, String)> =
            ticks.iter().map(|t| (x0 + (t.day_number() as f32 - d0) / (d1 - d0).max(1.0) * (x1 - x0), label(t))).collect();
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
        return (0..n).map(|i| (at.centers[i], wrap_lines(ctx, &labels[i], room, MAX_LABEL_LINES))).collect();
    }
    let min_label = widest.min(ctx.font.size * 8.0);
    let every = ((min_label + LABEL_GAP) / at.slot).ceil().max(1.0) as usize;
    let room = at.slot * every as f32 - LABEL_GAP;
    (0..n).step_by(every).map(|i| (at.centers[i], vec![truncate_to_width(&labels[i], room, ctx.font, ctx.measure).0])).collect()
}

/// Greedy line filling for Japanese (which breaks between any characters): at most
/// `max_lines`; a break after 「・」 or a space is taken when one sits in the second half of a
/// line; punctuation never starts a line (the character before it moves down instead); the
/// last line is cut with "…" if text remains.
pub fn wrap_lines(ctx: &Ctx, label: &str, room: f32, max_lines: usize) -> Vec<String> {
    if ctx.width(label) <= room || max_lines <= 1 {
        return vec![truncate_to_width(label, room, ctx.font, ctx.measure).0];
    }
    let chars: Vec<char> = label.chars().collect();
    let fits = |from: usize, to: usize| ctx.width(&chars[from..to].iter().collect::<String>()) <= room;
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if lines.len() == max_lines - 1 {
            let rest: String = chars[start..].iter().collect();
            lines.push(truncate_to_width(rest.trim(), room, ctx.font, ctx.measure).0);
            break;
        }
        let mut end = start + 1;
        while end < chars.len() && fits(start, end + 1) {
            end += 1;
        }
        if end < chars.len() {
            let half = start + (end - start) / 2;
            if let Some(p) = (half..end).rev().find(|&p| matches!(chars[p], '・' | ' ' | '、' | '/')) {
                end = p + 1;
            } else if NO_LINE_START.contains(chars[end]) && end - start > 1 {
                end -= 1;
            }
        }
        lines.push(chars[start..end].iter().collect::<String>().trim().to_owned());
        start = end;
    }
    lines
}
