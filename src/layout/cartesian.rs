//! Cartesian layout (line, area, column, bar): turns a validated spec and a size into a scene.
//!
//! Decides the value axis (nice ticks, 万/億 labels, zero included where honest), the
//! category axis (a real time scale when every category is a date, otherwise even slots),
//! thins or truncates labels until none overlap, and places bars, lines, markers, value
//! labels and the legend. All lengths are CSS pixels; renderers scale for the screen.

use crate::dates::{PartialDate, Precision};
use crate::locale::Locale;
use crate::numfmt::{tick_label, value_text, Notation};
use crate::table::shared_decimals;
use crate::scene::{HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::spec::{ChartSpec, ChartType};
use crate::text::{truncate_to_width, Font, TextMeasure};
use crate::theme::{LineDash, MarkerShape, Theme};
use crate::ticks::{nice_ticks, time_ticks};

const PAD: f32 = 8.0;
const TICK_GAP: f32 = 8.0;
const LABEL_GAP: f32 = 12.0;
const LEGEND_ROW: f32 = 24.0;
const LINE_HEIGHT: f32 = 18.0;
const MAX_LABEL_LINES: usize = 3;
const WRAP_GAP: f32 = 6.0;
/// Characters that must not begin a line (kinsoku shori): closing brackets and punctuation.
const NO_LINE_START: &str = "、。，．・：；？！ー）」』】〕〉》”’…%";
const LEGEND_SWATCH: f32 = 14.0;
const MIN_TICK_SPACING: f32 = 36.0;
const MARKER_LIMIT: usize = 60;
const POINT_LABEL_LIMIT: usize = 12;

/// Lays out a cartesian `spec` on `scene` (already sized, with its background).
pub fn layout(spec: &ChartSpec, theme: &Theme, measure: &dyn TextMeasure, scene: &mut Scene) {
    let (width, height) = (scene.width, scene.height);
    let ctx = Ctx {
        spec,
        theme,
        measure,
        font: Font { size: theme.label_size, bold: false },
        locale: spec.locale,
        notation: Notation::for_unit(spec.locale, spec.unit.as_deref()),
        decimals: shared_decimals(spec),
    };

    let legend_rows = ctx.legend_rows(width - 2.0 * PAD);
    let legend_height = if legend_rows.is_empty() { 0.0 } else { legend_rows.len() as f32 * LEGEND_ROW + 4.0 };
    let top = PAD + if spec.unit.is_some() { ctx.font.size + 14.0 } else { ctx.font.size / 2.0 };
    let bottom = height - PAD - legend_height - ctx.font.size - TICK_GAP;
    if bottom - top < 40.0 || width < 80.0 {
        return; // Too small to draw anything readable; the page text still stands.
    }

    // The value axis sets the left margin; long category labels may then need a second
    // line, which shortens the plot, so the value axis is fitted once more.
    let fit_value_axis = |bottom: f32| {
        let axis = ctx.value_axis(((bottom - top) / MIN_TICK_SPACING).floor() as usize);
        let labels: Vec<String> = axis.ticks.iter().map(|&v| tick_label(v, axis.step, ctx.notation)).collect();
        let widest = labels.iter().map(|l| measure.width(l, ctx.font)).fold(0.0, f32::max);
        (axis, labels, PAD + widest + TICK_GAP)
    };
    let right = width - PAD;
    let (mut value_axis, mut y_labels, mut left) = fit_value_axis(bottom);
    if right - left < 40.0 {
        return;
    }
    let mut x_axis = XAxis::new(spec, left, right);
    let mut x_labels = ctx.category_labels(&x_axis);
    let extra_lines = x_labels.iter().map(|(_, lines)| lines.len()).max().unwrap_or(1).saturating_sub(1);
    let bottom = bottom - extra_lines as f32 * LINE_HEIGHT;
    if extra_lines > 0 {
        (value_axis, y_labels, left) = fit_value_axis(bottom);
        x_axis = XAxis::new(spec, left, right);
        x_labels = ctx.category_labels(&x_axis);
    }
    let plot = Plot { left, right, top, bottom, lo: value_axis.lo, hi: value_axis.hi };

    // Grid and value-axis labels.
    for (value, label) in value_axis.ticks.iter().zip(&y_labels) {
        let y = plot.y(*value);
        let color = if *value == 0.0 { theme.baseline } else { theme.grid };
        scene.marks.push(Mark::Rule { x1: plot.left, y1: y, x2: plot.right, y2: y, width: 1.0, color });
        scene.marks.push(ctx.text(plot.left - TICK_GAP, y, label, HAlign::End, VAlign::Middle, theme.muted_text));
    }
    if let Some(unit) = &spec.unit {
        let text = match ctx.locale {
            Locale::Ja => format!("（{unit}）"),
            Locale::En => format!("({unit})"),
        };
        scene.marks.push(ctx.text(PAD, PAD, &text, HAlign::Start, VAlign::Top, theme.muted_text));
    }

    ctx.draw_category_labels(&x_labels, &plot, width, scene);
    match spec.chart_type {
        ChartType::Column | ChartType::Bar => ctx.columns(&x_axis, &plot, scene),
        _ => ctx.lines(&x_axis, &plot, scene),
    }
    ctx.legend(&legend_rows, height - PAD - legend_height + 4.0, scene);
}

struct Ctx<'a> {
    spec: &'a ChartSpec,
    theme: &'a Theme,
    measure: &'a dyn TextMeasure,
    font: Font,
    locale: Locale,
    notation: Notation,
    /// Decimals shown on value labels: the data's own precision, at most 2, the same for all.
    decimals: usize,
}


/// The plot rectangle and its value scale.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    lo: f64,
    hi: f64,
}

impl Plot {
    fn y(&self, value: f64) -> f32 {
        let t = ((value - self.lo) / (self.hi - self.lo)) as f32;
        self.bottom - t * (self.bottom - self.top)
    }
}

struct ValueAxis {
    ticks: Vec<f64>,
    step: f64,
    lo: f64,
    hi: f64,
}

/// Where categories sit horizontally.
struct XAxis {
    /// Centre of each category.
    centers: Vec<f32>,
    /// Width available to one category (the smallest gap on a time axis).
    slot: f32,
    /// Parsed dates when every category is one (a time axis).
    dates: Option<Vec<PartialDate>>,
}

impl XAxis {
    fn new(spec: &ChartSpec, left: f32, right: f32) -> XAxis {
        let n = spec.categories.len();
        let width = right - left;
        let dates: Option<Vec<PartialDate>> = spec.categories.iter().map(|c| PartialDate::parse(c)).collect();
        let days: Option<Vec<i64>> = dates.as_ref().map(|d| d.iter().map(PartialDate::day_number).collect());
        if let (Some(dates), Some(days)) = (dates, days) {
            let (first, last) = (days.iter().min().copied().unwrap_or(0), days.iter().max().copied().unwrap_or(0));
            if last > first {
                let mut sorted = days.clone();
                sorted.sort_unstable();
                let min_gap = sorted.windows(2).map(|w| w[1] - w[0]).filter(|g| *g > 0).min().unwrap_or(last - first);
                // Inset the ends by half the smallest slot so end bars and markers stay inside.
                let span = (last - first) as f32;
                let slot = width / (span / min_gap as f32 + 1.0);
                // Bars need half a slot at the ends; lines only room for markers and labels.
                let max_inset = if spec.chart_type == ChartType::Line { 32.0 } else { f32::INFINITY };
                let inset = (slot / 2.0).min(max_inset);
                let inner = width - 2.0 * inset;
                let centers = days.iter().map(|d| left + inset + (d - first) as f32 / span * inner).collect();
                return XAxis { centers, slot, dates: Some(dates) };
            }
        }
        let slot = width / n as f32;
        XAxis { centers: (0..n).map(|i| left + slot * (i as f32 + 0.5)).collect(), slot, dates: None }
    }
}

impl Ctx<'_> {
    fn text(&self, x: f32, y: f32, text: &str, h: HAlign, v: VAlign, color: crate::theme::Color) -> Mark {
        Mark::Text {
            x,
            y,
            width: self.measure.width(text, self.font),
            text: text.to_owned(),
            size: self.font.size,
            bold: false,
            color,
            h,
            v,
        }
    }

    fn value_axis(&self, max_ticks: usize) -> ValueAxis {
        let values = self.spec.series.iter().flat_map(|s| s.values.iter().flatten().copied());
        let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (lo, hi) = match self.spec.chart_type {
            // Bars and areas encode length from zero: zero is always on the axis.
            ChartType::Column | ChartType::Bar | ChartType::Area => (min.min(0.0), max.max(0.0)),
            // Lines may zoom in, but only when the data sit far from zero.
            _ if min >= 0.0 && min < max * 0.6 => (0.0, max),
            _ if max <= 0.0 && max > min * 0.6 => (min, 0.0),
            _ => (min, max),
        };
        let ticks = nice_ticks(lo, hi, max_ticks.clamp(2, 8));
        ValueAxis { step: ticks.step, lo: ticks.min, hi: ticks.max, ticks: ticks.values }
    }

    /// Category labels: every point when they fit, else thinned (calendar ticks on a
    /// time axis, every k-th label otherwise); long labels wrap onto a second line and
    /// are truncated with "…" only as a last resort. Each entry is (x, lines).
    fn category_labels(&self, axis: &XAxis) -> Vec<(f32, Vec<String>)> {
        match &axis.dates {
            Some(dates) => self.time_labels(dates, axis).into_iter().map(|(x, l)| (x, vec![l])).collect(),
            None => self.thinned_labels(axis),
        }
    }

    fn draw_category_labels(&self, labels: &[(f32, Vec<String>)], plot: &Plot, width: f32, scene: &mut Scene) {
        // Below the lowest value label's half height, so the two never touch at the corner.
        let top = plot.bottom + TICK_GAP;
        for (x, lines) in labels {
            scene.marks.push(Mark::Rule { x1: *x, y1: plot.bottom, x2: *x, y2: plot.bottom + 4.0, width: 1.0, color: self.theme.baseline });
            for (i, line) in lines.iter().enumerate() {
                let w = self.measure.width(line, self.font);
                // Keep edge labels inside the canvas.
                let x = x.clamp(w / 2.0 + 1.0, (width - w / 2.0 - 1.0).max(w / 2.0 + 1.0));
                let y = top + i as f32 * LINE_HEIGHT;
                scene.marks.push(self.text(x, y, line, HAlign::Middle, VAlign::Top, self.theme.muted_text));
            }
        }
    }

    fn fits(&self, placed: &[(f32, String)]) -> bool {
        let widths: Vec<f32> = placed.iter().map(|(_, l)| self.measure.width(l, self.font)).collect();
        placed.windows(2).zip(widths.windows(2)).all(|(p, w)| p[1].0 - p[0].0 >= (w[0] + w[1]) / 2.0 + LABEL_GAP)
    }

    fn time_labels(&self, dates: &[PartialDate], axis: &XAxis) -> Vec<(f32, String)> {
        let mut order: Vec<usize> = (0..dates.len()).collect();
        order.sort_by_key(|&i| dates[i].day_number());
        if dates.len() <= POINT_LABEL_LIMIT {
            let at_points: Vec<(f32, String)> = order.iter().map(|&i| (axis.centers[i], dates[i].label(self.locale))).collect();
            if self.fits(&at_points) {
                return at_points;
            }
        }
        let coarsest = dates.iter().map(PartialDate::precision).max().unwrap_or(Precision::Year);
        let (first, last) = (dates[order[0]], dates[*order.last().unwrap_or(&0)]);
        let (d0, d1) = (first.day_number() as f32, last.day_number() as f32);
        let (x0, x1) = (axis.centers[order[0]], axis.centers[*order.last().unwrap_or(&0)]);
        let sample = self.measure.width(&first.truncated(Precision::Month).label(self.locale), self.font);
        let span = axis.centers.iter().fold(0.0f32, |m, &c| m.max(c)) - axis.centers.iter().fold(f32::MAX, |m, &c| m.min(c));
        let mut max_count = (((span + axis.slot) / (sample + LABEL_GAP)).floor() as usize).max(1);
        loop {
            let ticks = time_ticks(first, last, coarsest, max_count);
            let placed: Vec<(f32, String)> = ticks
                .iter()
                .map(|t| (x0 + (t.day_number() as f32 - d0) / (d1 - d0).max(1.0) * (x1 - x0), t.label(self.locale)))
                .collect();
            if max_count == 1 || self.fits(&placed) {
                return placed;
            }
            max_count -= 1;
        }
    }

    fn thinned_labels(&self, axis: &XAxis) -> Vec<(f32, Vec<String>)> {
        let labels = &self.spec.categories;
        let n = labels.len();
        let widest = labels.iter().take(2000).map(|l| self.measure.width(l, self.font)).fold(0.0, f32::max);
        // Every category keeps its label while two characters a line fit: wrap.
        if self.font.size * 2.0 + WRAP_GAP <= axis.slot || widest + WRAP_GAP <= axis.slot {
            let room = axis.slot - WRAP_GAP;
            return (0..n).map(|i| (axis.centers[i], self.wrap_lines(&labels[i], room))).collect();
        }
        // Too many to label each: thin to every k-th, on one line of up to ~8 characters.
        let min_label = widest.min(self.font.size * 8.0);
        let every = ((min_label + LABEL_GAP) / axis.slot).ceil().max(1.0) as usize;
        let room = axis.slot * every as f32 - LABEL_GAP;
        (0..n)
            .step_by(every)
            .map(|i| (axis.centers[i], vec![truncate_to_width(&labels[i], room, self.font, self.measure).0]))
            .collect()
    }

    /// Greedy line filling for Japanese (which breaks between any characters): at most
    /// `MAX_LABEL_LINES` lines; a break after 「・」 or a space is taken when one sits in the
    /// second half of a line; punctuation never starts a line (the character before it moves
    /// down instead); the last line is cut with "…" if text remains.
    fn wrap_lines(&self, label: &str, room: f32) -> Vec<String> {
        if self.measure.width(label, self.font) <= room {
            return vec![label.to_owned()];
        }
        let chars: Vec<char> = label.chars().collect();
        let fits = |from: usize, to: usize| self.measure.width(&chars[from..to].iter().collect::<String>(), self.font) <= room;
        let mut lines = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            if lines.len() == MAX_LABEL_LINES - 1 {
                let rest: String = chars[start..].iter().collect();
                lines.push(truncate_to_width(rest.trim(), room, self.font, self.measure).0);
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

    fn value_label(&self, value: f64) -> String {
        let text = value_text(value, self.decimals, self.notation);
        match self.spec.unit.as_deref() {
            Some("%") => text + "%",
            _ => text,
        }
    }

    fn columns(&self, axis: &XAxis, plot: &Plot, scene: &mut Scene) {
        let count = self.spec.series.len() as f32;
        let group = axis.slot * 0.7;
        let bar = group / count;
        let zero = plot.y(0.0);
        let mut labels = Vec::new();
        for (s, series) in self.spec.series.iter().enumerate() {
            let color = self.theme.series_color(s);
            for (i, value) in series.values.iter().enumerate() {
                let Some(value) = *value else { continue };
                let x = axis.centers[i] - group / 2.0 + bar * s as f32;
                let y = plot.y(value);
                scene.marks.push(Mark::Rect { x, y: y.min(zero), w: bar, h: (y - zero).abs(), fill: color, stroke: None });
                scene.points.push(PlottedPoint { series: s, index: i, x: x + bar / 2.0, y });
                labels.push((x + bar / 2.0, if value >= 0.0 { y - 4.0 } else { y + 4.0 }, value, bar));
            }
        }
        // Value labels above bars when every one fits its bar's width.
        if labels.len() > 60 {
            return;
        }
        let texts: Vec<String> = labels.iter().map(|(_, _, v, _)| self.value_label(*v)).collect();
        if labels.iter().zip(&texts).all(|((_, _, _, w), t)| self.measure.width(t, self.font) <= w + 4.0) {
            for ((x, y, v, _), text) in labels.iter().zip(&texts) {
                let v_align = if *v >= 0.0 { VAlign::Bottom } else { VAlign::Top };
                scene.marks.push(self.text(*x, *y, text, HAlign::Middle, v_align, self.theme.text));
            }
        }
    }

    fn lines(&self, axis: &XAxis, plot: &Plot, scene: &mut Scene) {
        let mut order: Vec<usize> = (0..axis.centers.len()).collect();
        order.sort_by(|a, b| axis.centers[*a].total_cmp(&axis.centers[*b]));
        let show_markers = order.len() <= MARKER_LIMIT;
        for (s, series) in self.spec.series.iter().enumerate() {
            let color = self.theme.series_color(s);
            let mut run: Vec<(f32, f32)> = Vec::new();
            let mut runs = Vec::new();
            for &i in &order {
                match series.values[i] {
                    Some(v) => {
                        let point = (axis.centers[i], plot.y(v));
                        run.push(point);
                        scene.points.push(PlottedPoint { series: s, index: i, x: point.0, y: point.1 });
                    }
                    None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                    None => {}
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
            for run in runs {
                // A lone point between gaps gets a marker even in long series, or it would vanish.
                if show_markers || run.len() == 1 {
                    for &(cx, cy) in &run {
                        scene.marks.push(Mark::Marker { cx, cy, r: 4.0, shape: MarkerShape::Circle, fill: color, ring: Some(self.theme.background) });
                    }
                }
                if run.len() > 1 {
                    scene.marks.push(Mark::Polyline { points: run, width: 2.0, color, dash: LineDash::Solid });
                }
            }
        }
        // Markers above lines: move circles after polylines within the series marks.
        let first_series_mark = scene.marks.iter().position(|m| matches!(m, Mark::Marker { .. } | Mark::Polyline { .. }));
        if let Some(start) = first_series_mark {
            let tail = scene.marks.split_off(start);
            let (circles, others): (Vec<Mark>, Vec<Mark>) = tail.into_iter().partition(|m| matches!(m, Mark::Marker { .. }));
            scene.marks.extend(others);
            scene.marks.extend(circles);
        }
        if self.spec.series.len() == 1 && order.len() <= POINT_LABEL_LIMIT {
            self.point_labels(scene);
        }
    }

    /// Values above the points of a short single series, when none collide.
    fn point_labels(&self, scene: &mut Scene) {
        let values = &self.spec.series[0].values;
        let labels: Vec<Mark> = scene
            .points
            .iter()
            .filter_map(|p| values[p.index].map(|v| self.text(p.x, p.y - 8.0, &self.value_label(v), HAlign::Middle, VAlign::Bottom, self.theme.text)))
            .collect();
        let boxes: Vec<_> = labels.iter().filter_map(Mark::text_bbox).collect();
        let inside = boxes.iter().all(|b| b.x0 >= 0.0 && b.x1 <= scene.width && b.y0 >= 0.0);
        let existing: Vec<_> = scene.marks.iter().filter_map(Mark::text_bbox).collect();
        let clear = boxes.iter().enumerate().all(|(i, b)| {
            boxes[i + 1..].iter().all(|o| !b.overlaps(o)) && existing.iter().all(|o| !b.overlaps(o))
        });
        if inside && clear {
            scene.marks.extend(labels);
        }
    }

    /// Legend items packed into rows that fit `width`; empty for a single series.
    fn legend_rows(&self, width: f32) -> Vec<Vec<(usize, String, f32)>> {
        if self.spec.series.len() < 2 {
            return Vec::new();
        }
        let mut rows: Vec<Vec<(usize, String, f32)>> = vec![Vec::new()];
        let mut used = 0.0;
        for (i, series) in self.spec.series.iter().enumerate() {
            let room = (width - LEGEND_SWATCH - 6.0).max(20.0);
            let (name, _) = truncate_to_width(&series.name, room, self.font, self.measure);
            let item = LEGEND_SWATCH + 6.0 + self.measure.width(&name, self.font);
            if used > 0.0 && used + item > width {
                rows.push(Vec::new());
                used = 0.0;
            }
            if let Some(row) = rows.last_mut() {
                row.push((i, name, item));
            }
            used += item + 16.0;
        }
        rows
    }

    fn legend(&self, rows: &[Vec<(usize, String, f32)>], top: f32, scene: &mut Scene) {
        for (r, row) in rows.iter().enumerate() {
            let y = top + r as f32 * LEGEND_ROW + LEGEND_ROW / 2.0;
            let mut x = PAD;
            for (series, name, item_width) in row {
                let color = self.theme.series_color(*series);
                match self.spec.chart_type {
                    ChartType::Column | ChartType::Bar => scene.marks.push(Mark::Rect {
                        x,
                        y: y - LEGEND_SWATCH / 2.0,
                        w: LEGEND_SWATCH,
                        h: LEGEND_SWATCH,
                        fill: color,
                        stroke: None,
                    }),
                    _ => {
                        scene.marks.push(Mark::Rule { x1: x, y1: y, x2: x + LEGEND_SWATCH, y2: y, width: 2.0, color });
                        scene.marks.push(Mark::Marker { cx: x + LEGEND_SWATCH / 2.0, cy: y, r: 4.0, shape: MarkerShape::Circle, fill: color, ring: Some(self.theme.background) });
                    }
                }
                scene.marks.push(self.text(x + LEGEND_SWATCH + 6.0, y, name, HAlign::Start, VAlign::Middle, self.theme.text));
                x += item_width + 16.0;
            }
        }
    }
}
