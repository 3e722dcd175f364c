//! Marks an author lays over the data: shaded periods (`band`, under the data), reference
//! lines such as targets (`line`), and labelled points (`point`, and values with a `note`).
//! Labels are placed where they collide with no other text, or left out.

use super::{Ctx, Frame};
use crate::scene::{BBox, HAlign, Mark, Scene, VAlign};
use crate::spec::{Annotation, AxisSide, ChartType, SeriesKind};
use crate::theme::{Color, LineDash, MarkerShape};

/// Shaded spans, drawn before the grid and data.
pub fn draw_bands(ctx: &Ctx, frame: &Frame, scene: &mut Scene) {
    for annotation in &ctx.spec.annotations {
        let Annotation::Band { from, to, label } = annotation else { continue };
        let half = frame.at.slot / 2.0;
        let (a, b) = (frame.at.centers[*from].min(frame.at.centers[*to]) - half, frame.at.centers[*from].max(frame.at.centers[*to]) + half);
        let (c0, c1) = frame.category_extent();
        let (a, b) = (a.max(c0), b.min(c1));
        let (v0, v1) = (frame.value(AxisSide::Left, frame.left_scale.lo), frame.value(AxisSide::Left, frame.left_scale.hi));
        let (x, y, w, h) = frame.rect(a, b, v0, v1);
        scene.marks.push(Mark::Rect { x, y, w, h, fill: band_fill(ctx), stroke: None });
        if let Some(label) = label {
            let (lx, ly) = if frame.horizontal { (x + w - 4.0, y + 2.0) } else { (x + 4.0, y + 2.0) };
            let h_align = if frame.horizontal { HAlign::End } else { HAlign::Start };
            place(ctx, scene, &[(lx, ly, h_align, VAlign::Top)], label, ctx.theme.muted_text);
        }
    }
}

fn band_fill(ctx: &Ctx) -> Color {
    let mut c = ctx.theme.muted_text;
    c.a = 26;
    c
}

/// Reference lines and point labels, drawn over the data.
pub fn draw_overlays(ctx: &Ctx, frame: &Frame, scene: &mut Scene) {
    let color = ctx.theme.text;
    for annotation in &ctx.spec.annotations {
        match annotation {
            Annotation::Line { value, label, axis } => {
                let Some(scale) = frame.scale(*axis) else { continue };
                if *value < scale.lo || *value > scale.hi {
                    continue;
                }
                let v = frame.value(*axis, *value);
                let (c0, c1) = frame.category_extent();
                let (p0, p1) = (frame.point(c0, v), frame.point(c1, v));
                scene.marks.push(Mark::Polyline { points: vec![p0, p1], width: 1.5, color, dash: LineDash::Dashed });
                let text = match label {
                    Some(label) => format!("{label} {}", ctx.plain_value(*axis, *value)),
                    None => ctx.plain_value(*axis, *value),
                };
                let spots = if frame.horizontal {
                    vec![(p1.0 + 4.0, p1.1, HAlign::Start, VAlign::Top), (p0.0 + 4.0, p0.1 + 2.0, HAlign::Start, VAlign::Bottom)]
                } else {
                    vec![
                        (p1.0 - 2.0, p1.1 - 3.0, HAlign::End, VAlign::Bottom),
                        (p1.0 - 2.0, p1.1 + 3.0, HAlign::End, VAlign::Top),
                        (p0.0 + 2.0, p0.1 - 3.0, HAlign::Start, VAlign::Bottom),
                        (p0.0 + 2.0, p0.1 + 3.0, HAlign::Start, VAlign::Top),
                        ((p0.0 + p1.0) / 2.0, p0.1 - 3.0, HAlign::Middle, VAlign::Bottom),
                        ((p0.0 + p1.0) / 2.0, p0.1 + 3.0, HAlign::Middle, VAlign::Top),
                    ]
                };
                place(ctx, scene, &spots, &text, color);
            }
            Annotation::Point { series, index, label } => {
                point_note(ctx, scene, *series, *index, label.as_deref());
            }
            Annotation::Band { .. } => {}
        }
    }
    for (s, series) in ctx.spec.series.iter().enumerate() {
        for (i, extra) in &series.extras {
            if let Some(note) = &extra.note {
                point_note(ctx, scene, s, *i, Some(note));
            }
        }
    }
}

/// A note on one value: a ring around a line's point, and the label next to it. A bar needs
/// no ring (the bar is the mark, and a ring would cover its value label); its note goes
/// above the value label when there is room. Notes that fit nowhere are in the table.
fn point_note(ctx: &Ctx, scene: &mut Scene, series: usize, index: usize, label: Option<&str>) {
    let Some(p) = scene.points.iter().find(|p| p.series == series && p.index == index).cloned() else { return };
    let on_bar = match ctx.spec.series[series].kind {
        Some(kind) => kind == SeriesKind::Column,
        None => matches!(ctx.spec.chart_type, ChartType::Column | ChartType::Bar),
    };
    if !on_bar {
        scene.marks.push(Mark::Marker { cx: p.x, cy: p.y, r: 7.0, shape: MarkerShape::Circle, fill: ctx.theme.text, ring: None });
        scene.marks.push(Mark::Marker { cx: p.x, cy: p.y, r: 5.0, shape: MarkerShape::Circle, fill: ctx.theme.background, ring: None });
    }
    if let Some(label) = label {
        let spots = [
            (p.x, p.y - 12.0, HAlign::Middle, VAlign::Bottom),
            (p.x, p.y - 12.0 - ctx.font.size - 6.0, HAlign::Middle, VAlign::Bottom),
            (p.x, p.y + 12.0, HAlign::Middle, VAlign::Top),
            (p.x - 12.0, p.y, HAlign::End, VAlign::Middle),
            (p.x + 12.0, p.y, HAlign::Start, VAlign::Middle),
        ];
        place(ctx, scene, &spots, label, ctx.theme.text);
    }
}

/// Puts `text` at the first spot where it stays inside the scene and touches no other text
/// and no bar (dark text on a dark bar cannot be read).
fn place(ctx: &Ctx, scene: &mut Scene, spots: &[(f32, f32, HAlign, VAlign)], text: &str, color: Color) {
    let (width, height) = (scene.width, scene.height);
    let bars = scene.marks.iter().filter_map(|m| match m {
        // Opaque rectangles smaller than the scene: bars and swatches, not the background or bands.
        Mark::Rect { x, y, w, h, fill, .. } if fill.a == 255 && (*w < width * 0.95 || *h < height * 0.95) => {
            Some(BBox { x0: *x, y0: *y, x1: x + w, y1: y + h })
        }
        _ => None,
    });
    let mut taken = scene.text_boxes();
    taken.extend(bars);
    for &(x, y, h, v) in spots {
        let mark = ctx.label(x, y, text, color, h, v);
        let Some(b) = mark.text_bbox() else { continue };
        let inside = b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= scene.width && b.y1 <= scene.height;
        if inside && taken.iter().all(|t| !t.overlaps(&b)) {
            scene.marks.push(mark);
            return;
        }
    }
}
