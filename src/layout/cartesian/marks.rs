//! The data marks: grouped or stacked bars (vertical or horizontal), areas, lines with
//! their markers, and value labels where they fit without colliding.

use super::stack::SeriesLook;
use super::{Ctx, Frame};
use crate::layout::decimate::{m4, merge_bars};
use crate::order::sorted_indices;
use crate::scene::{HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::spec::{Annotation, AxisSide, SeriesKind, Stacking};
use crate::theme::{Color, MarkerShape};

pub const MARKER_LIMIT: usize = 60;
const POINT_LABEL_LIMIT: usize = 12;
const BAR_LABEL_LIMIT: usize = 60;

type Spans = [Vec<Option<(f64, f64)>>];

/// Areas first (they lie underneath), then bars, then lines, then markers on top.
pub fn draw(ctx: &Ctx, frame: &Frame, looks: &[SeriesLook], spans: &Spans, scene: &mut Scene) {
    for (s, look) in looks.iter().enumerate() {
        if look.kind == SeriesKind::Area {
            area(ctx, frame, s, look, spans, scene);
        }
    }
    bars(ctx, frame, looks, spans, scene);
    let mut markers = Vec::new();
    for (s, look) in looks.iter().enumerate() {
        if look.kind == SeriesKind::Line {
            line(ctx, frame, s, look, spans, scene, &mut markers);
        }
    }
    scene.marks.extend(markers);
    if looks.len() == 1 && looks[0].kind == SeriesKind::Line && frame.at.centers.len() <= POINT_LABEL_LIMIT {
        point_labels(ctx, scene);
    }
}

/// Categories in axis order (time axes may list dates out of order).
fn order(frame: &Frame) -> Vec<usize> {
    sorted_indices(frame.at.centers.len(), &|i| frame.at.centers[i] as f64)
}

fn area(ctx: &Ctx, frame: &Frame, s: usize, look: &SeriesLook, spans: &Spans, scene: &mut Scene) {
    let stacked = ctx.spec.stacking != Stacking::None;
    let mut fill = look.color;
    fill.a = if stacked { 217 } else { 64 };
    let mut runs: Vec<Vec<(usize, (f64, f64))>> = vec![Vec::new()];
    for i in order(frame) {
        match spans[s][i] {
            Some(span) => runs.last_mut().map(|r| r.push((i, span))).unwrap_or(()),
            None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    for run in runs.iter().filter(|r| !r.is_empty()) {
        let mut top = Vec::with_capacity(run.len());
        let mut bottom = Vec::with_capacity(run.len());
        for (i, (lo, hi)) in run {
            let (x, y) = frame.point(frame.at.centers[*i], frame.value(look.axis, *hi));
            top.push((x, y));
            bottom.push(frame.point(frame.at.centers[*i], frame.value(look.axis, *lo)));
            scene.points.push(PlottedPoint { series: s, index: *i, x, y });
        }
        // Drawn from at most four points a pixel column (M4); the points above stay whole.
        let top = m4(top);
        let mut outline = top.clone();
        let mut bottom = m4(bottom);
        bottom.reverse();
        outline.append(&mut bottom);
        scene.marks.push(Mark::Polygon { points: outline, fill, stroke: None });
        if top.len() > 1 {
            scene.marks.push(Mark::Polyline { points: top, width: 2.0, color: look.color, dash: look.dash });
        }
    }
}

fn bars(ctx: &Ctx, frame: &Frame, looks: &[SeriesLook], spans: &Spans, scene: &mut Scene) {
    let mut columns = Vec::new();
    for (s, look) in looks.iter().enumerate() {
        if look.kind == SeriesKind::Column {
            columns.push(s);
        }
    }
    if columns.is_empty() {
        return;
    }
    let stacked = ctx.spec.stacking != Stacking::None;
    // Lanes side by side in a category: one per series, or one per stacked axis.
    let lane_of = |s: usize| -> usize {
        if stacked {
            let axes_before = [AxisSide::Left, AxisSide::Right]
                .iter()
                .take_while(|a| **a != looks[s].axis)
                .filter(|a| columns.iter().any(|&c| looks[c].axis == **a))
                .count();
            axes_before
        } else {
            columns.iter().position(|&c| c == s).unwrap_or(0)
        }
    };
    let mut lanes = 1;
    for &c in &columns {
        lanes = lanes.max(lane_of(c) + 1);
    }
    let group = (frame.at.slot * 0.7).min(lanes as f32 * 64.0);
    let lane = group / lanes as f32;
    // Labels only for charts few enough bars to carry them (not a vector of a million).
    let bar_count: usize = columns.iter().map(|&s| spans[s].iter().flatten().count()).sum();
    let mut labels = Vec::new();
    let order = order(frame);
    for &s in &columns {
        let look = &looks[s];
        let mut bars = Vec::new();
        for &i in &order {
            let Some((lo, hi)) = spans[s][i] else { continue };
            let c0 = frame.at.centers[i] - group / 2.0 + lane * lane_of(s) as f32;
            let (a, b) = (frame.value(look.axis, lo), frame.value(look.axis, hi));
            bars.push((c0, c0 + lane, a, b));
            let value = ctx.spec.series[s].values[i].unwrap_or(0.0);
            let tip = if value >= 0.0 { b } else { a };
            let (x, y) = frame.point(c0 + lane / 2.0, tip);
            scene.points.push(PlottedPoint { series: s, index: i, x, y });
            if bar_count <= BAR_LABEL_LIMIT {
                labels.push(BarLabel { series: s, index: i, center: c0 + lane / 2.0, lane, from: a, to: b, value, fill: look.color });
            }
        }
        // Drawn merged where thousands of bars share a pixel column; `scene.points` stay whole.
        for (c0, c1, a, b) in merge_bars(bars) {
            let rect = frame.rect(c0, c1, a, b);
            scene.marks.push(Mark::Rect { x: rect.0, y: rect.1, w: rect.2, h: rect.3, fill: look.color, stroke: look.outline });
        }
    }
    if bar_count <= BAR_LABEL_LIMIT {
        if stacked {
            stacked_labels(ctx, frame, &labels, spans, scene);
        } else {
            end_labels(ctx, frame, &labels, scene);
        }
    }
}

struct BarLabel {
    series: usize,
    index: usize,
    center: f32,
    lane: f32,
    from: f32,
    to: f32,
    value: f64,
    fill: Color,
}

/// Values at the bar ends, when every one fits its bar's width (vertical) or the room to
/// the plot's edge (horizontal). A label that would touch other text (an axis caption above a
/// bar that reaches the top) moves inside its bar's end instead, or is left to the table.
fn end_labels(ctx: &Ctx, frame: &Frame, labels: &[BarLabel], scene: &mut Scene) {
    let outside = |l: &BarLabel, text: &str| {
        let positive = l.value >= 0.0;
        if frame.horizontal {
            let end = if positive { l.from.max(l.to) + 4.0 } else { l.from.min(l.to) - 4.0 };
            let h = if positive { HAlign::Start } else { HAlign::End };
            ctx.label(end, l.center, text, ctx.theme.text, h, VAlign::Middle)
        } else {
            let tip = if positive { l.from.min(l.to) } else { l.from.max(l.to) };
            let (y, v) = if positive { (tip - 4.0, VAlign::Bottom) } else { (tip + 4.0, VAlign::Top) };
            ctx.label(l.center, y, text, ctx.theme.text, HAlign::Middle, v)
        }
    };
    // Reference lines (targets) must not run through a label: step past them.
    let mut lines = Vec::new();
    for a in &ctx.spec.annotations {
        if let Annotation::Line { value, axis, .. } = a {
            if frame.scale(*axis).is_some_and(|s| *value >= s.lo && *value <= s.hi) {
                lines.push(frame.value(*axis, *value));
            }
        }
    }
    let clear_of_lines = |mark: Mark| -> Mark {
        let Some(b) = mark.text_bbox() else { return mark };
        let Mark::Text { x, y, text, color, h, v, .. } = &mark else { return mark };
        for &line in &lines {
            if frame.horizontal && b.x0 - 2.0 <= line && line <= b.x1 + 2.0 {
                return ctx.label(line + 3.0, *y, text, *color, HAlign::Start, *v);
            }
            if !frame.horizontal && b.y0 - 2.0 <= line && line <= b.y1 + 2.0 {
                return ctx.label(*x, line - 3.0, text, *color, *h, VAlign::Bottom);
            }
        }
        mark
    };
    let mut texts = Vec::with_capacity(labels.len());
    let mut marks = Vec::with_capacity(labels.len());
    for l in labels {
        let text = ctx.value_label(l.series, l.index, l.value);
        marks.push(clear_of_lines(outside(l, &text)));
        texts.push(text);
    }
    let fit = labels.iter().zip(&marks).all(|(l, m)| {
        let Some(b) = m.text_bbox() else { return false };
        if frame.horizontal {
            b.x1 <= scene.width - 2.0 && b.y1 - b.y0 <= l.lane + 6.0
        } else {
            b.x1 - b.x0 <= l.lane + 4.0
        }
    });
    // Every label or none: neighbours must not touch each other either (bars thinner than a
    // line of text would put their labels on top of each other).
    let mut boxes = Vec::with_capacity(marks.len());
    for m in &marks {
        boxes.extend(m.text_bbox());
    }
    let apart = boxes.iter().enumerate().all(|(i, a)| boxes[i + 1..].iter().all(|b| !a.overlaps(b)));
    if !fit || !apart {
        return;
    }
    let taken: Vec<_> = scene.text_boxes();
    for ((l, text), mark) in labels.iter().zip(&texts).zip(marks) {
        let clear = mark.text_bbox().is_some_and(|b| b.y0 >= 0.0 && taken.iter().all(|t| !t.overlaps(&b)));
        if clear {
            scene.marks.push(mark);
            continue;
        }
        // Inside the bar's end, if the bar is long enough to hold it.
        let length = (l.to - l.from).abs();
        let needed = if frame.horizontal { ctx.width(text) + 8.0 } else { ctx.font.size + 8.0 };
        if length < needed {
            continue;
        }
        let color = if l.fill.contrast(&ctx.theme.text) >= 4.5 { ctx.theme.text } else { ctx.theme.background };
        let positive = l.value >= 0.0;
        let inside = if frame.horizontal {
            let end = if positive { l.from.max(l.to) - 4.0 } else { l.from.min(l.to) + 4.0 };
            ctx.label(end, l.center, text, color, if positive { HAlign::End } else { HAlign::Start }, VAlign::Middle)
        } else {
            let tip = if positive { l.from.min(l.to) } else { l.from.max(l.to) };
            let (y, v) = if positive { (tip + 4.0, VAlign::Top) } else { (tip - 4.0, VAlign::Bottom) };
            ctx.label(l.center, y, text, color, HAlign::Middle, v)
        };
        if inside.text_bbox().is_some_and(|b| taken.iter().all(|t| !t.overlaps(&b))) {
            scene.marks.push(inside);
        }
    }
}

/// Values inside stacked segments that are long enough, in a colour that reads on the fill.
/// In a 100% stack of counts the label is the share; of percentages, the author's value.
fn stacked_labels(ctx: &Ctx, frame: &Frame, labels: &[BarLabel], spans: &Spans, scene: &mut Scene) {
    let shares = ctx.spec.stacking == Stacking::Percent && !ctx.r.axes[0].percent;
    for l in labels {
        let text = if shares {
            let (lo, hi) = spans[l.series][l.index].unwrap_or((0.0, 0.0));
            ctx.r.share_text(hi - lo)
        } else {
            ctx.value_label(l.series, l.index, l.value)
        };
        let length = (l.to - l.from).abs();
        let width = ctx.width(&text);
        let (along, across) = if frame.horizontal { (width + 6.0, ctx.font.size + 2.0) } else { (ctx.font.size + 4.0, width + 4.0) };
        if length < along || l.lane < across {
            continue;
        }
        let color = if l.fill.contrast(&ctx.theme.text) >= 4.5 { ctx.theme.text } else { ctx.theme.background };
        let (x, y) = frame.point(l.center, (l.from + l.to) / 2.0);
        scene.marks.push(ctx.label(x, y, &text, color, HAlign::Middle, VAlign::Middle));
    }
}

#[allow(clippy::too_many_arguments)]
fn line(ctx: &Ctx, frame: &Frame, s: usize, look: &SeriesLook, spans: &Spans, scene: &mut Scene, markers: &mut Vec<Mark>) {
    let order = order(frame);
    let show_markers = order.len() <= MARKER_LIMIT && look.marker != MarkerShape::None;
    let mut runs: Vec<Vec<(f32, f32)>> = vec![Vec::new()];
    for &i in &order {
        match spans[s][i] {
            Some((_, v)) => {
                let p = frame.point(frame.at.centers[i], frame.value(look.axis, v));
                runs.last_mut().map(|r| r.push(p)).unwrap_or(());
                scene.points.push(PlottedPoint { series: s, index: i, x: p.0, y: p.1 });
            }
            None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        // A lone point between gaps gets a marker even in long series, or it would vanish.
        if show_markers || run.len() == 1 {
            let shape = if look.marker == MarkerShape::None { MarkerShape::Circle } else { look.marker };
            for &(cx, cy) in &run {
                markers.push(Mark::Marker { cx, cy, r: 4.0, shape, fill: look.color, ring: Some(ctx.theme.background) });
            }
        }
        if run.len() > 1 {
            // Drawn from at most four points a pixel column (M4); `scene.points` stay whole.
            scene.marks.push(Mark::Polyline { points: m4(run), width: 2.0, color: look.color, dash: look.dash });
        }
    }
}

/// Values above the points of a short single series, when none collide with anything.
fn point_labels(ctx: &Ctx, scene: &mut Scene) {
    let series = &ctx.spec.series[0];
    let mut labels = Vec::new();
    let mut boxes = Vec::new();
    for p in &scene.points {
        if let Some(v) = series.values[p.index] {
            let label = ctx.label(p.x, p.y - 8.0, &ctx.value_label(0, p.index, v), ctx.theme.text, HAlign::Middle, VAlign::Bottom);
            boxes.extend(label.text_bbox());
            labels.push(label);
        }
    }
    let inside = boxes.iter().all(|b| b.x0 >= 0.0 && b.x1 <= scene.width && b.y0 >= 0.0);
    let existing: Vec<_> = scene.text_boxes();
    let clear =
        boxes.iter().enumerate().all(|(i, b)| boxes[i + 1..].iter().all(|o| !b.overlaps(o)) && existing.iter().all(|o| !b.overlaps(o)));
    if inside && clear {
        scene.marks.extend(labels);
    }
}
