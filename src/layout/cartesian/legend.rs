//! The legend under the plot (DADS puts it at the bottom): each series' swatch drawn the
//! way the series is (bar square, or line with its dash and marker), wrapped into rows.

use super::stack::SeriesLook;
use crate::layout::{Ctx, LEGEND_LINE_SAMPLE, LEGEND_ROW, LEGEND_SWATCH, LEGEND_SWATCH_GAP, PAD};
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::spec::SeriesKind;
use crate::text::truncate_to_width;

const ITEM_GAP: f32 = 16.0;

/// The width of a series' swatch: a square for fills, a longer sample for lines.
fn swatch_width(look: &SeriesLook) -> f32 {
    if look.kind == SeriesKind::Line {
        LEGEND_LINE_SAMPLE
    } else {
        LEGEND_SWATCH
    }
}

/// A legend item: series index, (possibly cut) name, its width with the swatch.
pub type Item = (usize, String, f32);

/// Items packed into rows that fit `width`; empty for a single series.
pub fn rows(ctx: &Ctx, looks: &[SeriesLook], width: f32) -> Vec<Vec<Item>> {
    if ctx.spec.series.len() < 2 {
        return Vec::new();
    }
    let mut rows: Vec<Vec<Item>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, series) in ctx.spec.series.iter().enumerate() {
        let swatch = swatch_width(&looks[i]) + LEGEND_SWATCH_GAP;
        let room = (width - swatch).max(20.0);
        let (name, _) = truncate_to_width(&series.name, room, ctx.font, ctx.measure);
        let item = swatch + ctx.width(&name);
        if used > 0.0 && used + item > width {
            rows.push(Vec::new());
            used = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, name, item));
        }
        used += item + ITEM_GAP;
    }
    rows
}

pub fn height(rows: &[Vec<Item>]) -> f32 {
    if rows.is_empty() {
        0.0
    } else {
        rows.len() as f32 * LEGEND_ROW + 4.0
    }
}

pub fn draw(ctx: &Ctx, rows: &[Vec<Item>], looks: &[SeriesLook], top: f32, scene: &mut Scene) {
    for (r, row) in rows.iter().enumerate() {
        let y = top + r as f32 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let mut x = PAD;
        for (series, name, item_width) in row {
            let look = &looks[*series];
            match look.kind {
                SeriesKind::Column | SeriesKind::Area => scene.marks.push(Mark::Rect {
                    x,
                    y: y - LEGEND_SWATCH / 2.0,
                    w: LEGEND_SWATCH,
                    h: LEGEND_SWATCH,
                    fill: look.color,
                    stroke: look.outline,
                }),
                SeriesKind::Line => {
                    scene.marks.push(Mark::Polyline {
                        points: vec![(x, y), (x + LEGEND_LINE_SAMPLE, y)],
                        width: 2.0,
                        color: look.color,
                        dash: look.dash,
                    });
                    scene.marks.push(Mark::Marker {
                        cx: x + LEGEND_LINE_SAMPLE / 2.0,
                        cy: y,
                        r: 4.0,
                        shape: look.marker,
                        fill: look.color,
                        ring: Some(ctx.theme.background),
                    });
                }
            }
            scene.marks.push(ctx.label(x + swatch_width(look) + LEGEND_SWATCH_GAP, y, name, ctx.theme.text, HAlign::Start, VAlign::Middle));
            x += item_width + ITEM_GAP;
        }
    }
}
