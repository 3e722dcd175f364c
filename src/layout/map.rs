//! Layout of `map` charts: the prefectures as their shapes (`geo`, from the geometry asset,
//! 南西諸島 in the framed inset the asset places) or as the 7×7 tile grid (`tiles`, each
//! prefecture one square with its short name, and its value where the square has room), filled
//! by class, with the legend of class ranges (and 「データなし」, hatched like the shapes it
//! stands for) underneath.
//!
//! Every prefecture has a thin border that each class colour keeps 3:1 against
//! (`Theme::map_border`); missing values are hatched, not just pale, so colour is not the only
//! sign of them. Points: one a prefecture in the spec, in code order (Home/End: 北海道 / 沖縄県),
//! at its label's place, each with its shape as a hit area.

use super::{Ctx, LEGEND_ROW, LEGEND_SWATCH, LEGEND_SWATCH_GAP, PAD};
use crate::map::regions::{short_name, TILES};
use crate::map::{MapLayout, MapNumbers, MapSpec};
use crate::scene::{HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::text::Font;
use crate::theme::{Color, LineDash};

/// Between legend items.
const LEGEND_GAP: f32 = 16.0;
/// Between the map and its legend.
const MAP_GAP: f32 = 8.0;
/// Between tiles.
const TILE_GAP: f32 = 1.0;
/// Hatch lines of missing values: 45°, this far apart.
const HATCH_STEP: f32 = 6.0;
/// Prefecture borders on the geo map (thin: Tokyo and Kagawa are a few pixels wide).
const GEO_BORDER: f32 = 0.5;

pub fn layout(ctx: &Ctx, scene: &mut Scene) {
    let (Some(map), Some(numbers)) = (&ctx.spec.map, &ctx.r.map) else { return };
    let colors = ctx.theme.map_classes(numbers.classes.count(), numbers.classes.split);
    let missing = (0..47).any(|p| fill_of(map, numbers, &colors, p).is_none());
    let inner_w = scene.width - 2.0 * PAD;
    let legend = legend_items(ctx, numbers, &colors, missing);
    let rows = legend_rows(ctx, &legend, inner_w);
    let legend_h = rows.len() as f32 * LEGEND_ROW;
    let box_h = scene.height - 2.0 * PAD - legend_h - MAP_GAP;
    if inner_w < 40.0 || box_h < 40.0 {
        return;
    }
    let map_box = (PAD, PAD, inner_w, box_h);
    // The legend right under the map (a wide box leaves room beside it, not above the legend).
    let bottom = match map.layout {
        MapLayout::Geo => geo(ctx, map, numbers, &colors, map_box, scene),
        MapLayout::Tiles => tiles(ctx, map, numbers, &colors, map_box, scene),
    };
    draw_legend(ctx, &legend, &rows, bottom + MAP_GAP, scene);
}

/// The fill of prefecture `p`: its class's colour, or `None` (hatched) without a value.
fn fill_of(map: &MapSpec, numbers: &MapNumbers, colors: &[Color], p: usize) -> Option<Color> {
    let category = map.category_of(p)?;
    let class = numbers.classes.of_value.get(category).copied().flatten()?;
    colors.get(class).copied()
}

/// The shapes in the box; returns where they end.
fn geo(ctx: &Ctx, map: &MapSpec, numbers: &MapNumbers, colors: &[Color], (x, y, w, h): (f32, f32, f32, f32), scene: &mut Scene) -> f32 {
    let Some(geometry) = numbers.geometry.as_deref() else { return y + h };
    let scale = (w / geometry.width).min(h / geometry.height);
    let ox = x + (w - geometry.width * scale) / 2.0;
    let at = |p: (f32, f32)| (ox + p.0 * scale, y + p.1 * scale);
    let border = ctx.theme.map_border();
    let mut hatches = Vec::new();
    for (p, rings) in geometry.rings.iter().enumerate() {
        let fill = fill_of(map, numbers, colors, p);
        let drawn: Vec<Vec<(f32, f32)>> = rings.iter().map(|ring| ring.iter().map(|&q| at(q)).collect()).collect();
        for ring in &drawn {
            scene.marks.push(Mark::Polygon {
                points: ring.clone(),
                fill: fill.unwrap_or(ctx.theme.map_missing()),
                stroke: Some((border, GEO_BORDER)),
            });
        }
        if fill.is_none() {
            hatches.extend(hatch(&drawn, ctx.theme.map_hatch()));
        }
        if let Some(category) = map.category_of(p) {
            let (cx, cy) = at(geometry.centers[p]);
            scene.points.push(PlottedPoint { series: 0, index: category, x: cx, y: cy });
            scene.areas.push((scene.points.len() - 1, drawn));
        }
    }
    scene.marks.extend(hatches);
    // The inset's frame, as Japanese maps draw it.
    let (fx, fy, fw, fh) = geometry.inset;
    let (a, b) = (at((fx, fy)), at((fx + fw, fy + fh)));
    scene.marks.push(Mark::Polyline {
        points: vec![(a.0, a.1), (b.0, a.1), (b.0, b.1), (a.0, b.1), (a.0, a.1)],
        width: 1.0,
        color: ctx.theme.baseline,
        dash: LineDash::Solid,
    });
    y + geometry.height * scale
}

/// The 7×7 grid in the box; returns where it ends.
fn tiles(ctx: &Ctx, map: &MapSpec, numbers: &MapNumbers, colors: &[Color], (x, y, w, h): (f32, f32, f32, f32), scene: &mut Scene) -> f32 {
    let cell = (w.min(h) / 7.0).floor();
    let ox = x + ((w - cell * 7.0) / 2.0).floor();
    let side = cell - TILE_GAP;
    let border = ctx.theme.map_border();
    let name_font = Font { size: ctx.theme.label_size, bold: false };
    let value_font = Font { size: ctx.theme.label_size, bold: true };
    // Values under the names only when every tile has two lines of room.
    let two_lines = side >= 2.0 * name_font.size + 12.0;
    let mut hatches = Vec::new();
    let fits = |text: &str, font: Font| ctx.measure.width(text, font) <= side - 1.0;
    for (p, &(col, row)) in TILES.iter().enumerate() {
        let (tx, ty) = (ox + col as f32 * cell, y + row as f32 * cell);
        let fill = fill_of(map, numbers, colors, p);
        let square = vec![(tx, ty), (tx + side, ty), (tx + side, ty + side), (tx, ty + side)];
        scene.marks.push(Mark::Polygon {
            points: square.clone(),
            fill: fill.unwrap_or(ctx.theme.map_missing()),
            stroke: Some((border, 1.0)),
        });
        if fill.is_none() {
            hatches.extend(hatch(std::slice::from_ref(&square), ctx.theme.map_hatch()));
        }
        // Text in whichever of black and white reads on the fill (4.5:1).
        let (white, black) = (Color::rgb(0xFFFFFF), Color::rgb(0x1A1A1A));
        let under = fill.unwrap_or(ctx.theme.map_missing());
        let ink = if under.contrast(&white) > under.contrast(&black) { white } else { black };
        // A three-character name that does not fit (鹿児島 on a phone) takes its first two.
        let name = if fits(short_name(p), name_font) { short_name(p) } else { two_characters(short_name(p)) };
        let (cx, cy) = (tx + side / 2.0, ty + side / 2.0);
        let category = map.category_of(p);
        let value = category.and_then(|c| ctx.spec.series[0].values[c]).map(|v| ctx.r.axes[0].label(v));
        let label = |text: &str, font: Font, y: f32, v: VAlign| Mark::text(cx, y, text, font, ink, HAlign::Middle, v, ctx.measure);
        match &value {
            Some(value) if two_lines && fits(name, name_font) && fits(value, value_font) => {
                scene.marks.push(label(name, name_font, cy - 1.0, VAlign::Bottom));
                scene.marks.push(label(value, value_font, cy + 1.0, VAlign::Top));
            }
            _ if fits(name, name_font) => scene.marks.push(label(name, name_font, cy, VAlign::Middle)),
            // Too narrow for the name at 14 px (DADS's smallest): the tooltip and table say it.
            _ => {}
        }
        if let Some(category) = category {
            scene.points.push(PlottedPoint { series: 0, index: category, x: cx, y: cy });
            scene.areas.push((scene.points.len() - 1, vec![square]));
        }
    }
    scene.marks.extend(hatches);
    y + 7.0 * cell
}

/// The first two characters of a name (北海道 → 北海, 神奈川 → 神奈), as tile maps abbreviate.
fn two_characters(name: &str) -> &str {
    name.char_indices().nth(2).map_or(name, |(at, _)| name.get(..at).unwrap_or(name))
}

/// Most hatch lines one shape gets: a chart's diagonal is a few hundred steps; shapes stretched
/// beyond any page (a broken geometry file) are hatched only this far rather than for ever.
const MAX_HATCH_LINES: usize = 1000;

/// Diagonal lines (45°, [`HATCH_STEP`] apart) inside `rings` (even–odd), one mark a segment.
fn hatch(rings: &[Vec<(f32, f32)>], color: Color) -> Vec<Mark> {
    let (mut lo, mut hi) = (f32::MAX, f32::MIN);
    for &(x, y) in rings.iter().flatten() {
        lo = lo.min(x + y);
        hi = hi.max(x + y);
    }
    let mut marks = Vec::new();
    let first = (lo / HATCH_STEP).ceil();
    let lines =
        if hi.is_finite() && lo.is_finite() { ((hi / HATCH_STEP - first).max(0.0).ceil() as usize).min(MAX_HATCH_LINES) } else { 0 };
    for line in 0..lines {
        let c = (first + line as f32) * HATCH_STEP;
        // Where the line x + y = c crosses each edge, by x.
        let mut xs = Vec::new();
        for ring in rings {
            for (i, a) in ring.iter().enumerate() {
                let b = ring[(i + 1) % ring.len()];
                let (sa, sb) = (a.0 + a.1 - c, b.0 + b.1 - c);
                if (sa > 0.0) != (sb > 0.0) {
                    let t = sa / (sa - sb);
                    xs.push(a.0 + (b.0 - a.0) * t);
                }
            }
        }
        let xs = crate::order::sorted_by(&xs, &|x| *x as f64);
        for pair in xs.chunks_exact(2) {
            marks.push(Mark::Polyline {
                points: vec![(pair[0], c - pair[0]), (pair[1], c - pair[1])],
                width: 1.0,
                color,
                dash: LineDash::Solid,
            });
        }
    }
    marks
}

/// One legend entry: a swatch (none for the reference) and its words.
struct LegendItem {
    swatch: Option<Color>,
    hatched: bool,
    text: String,
    width: f32,
}

fn legend_items(ctx: &Ctx, numbers: &MapNumbers, colors: &[Color], missing: bool) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let item = |swatch: Option<Color>, hatched: bool, text: String| {
        let width = if swatch.is_some() || hatched { LEGEND_SWATCH + LEGEND_SWATCH_GAP } else { 0.0 } + ctx.width(&text);
        LegendItem { swatch, hatched, text, width }
    };
    // The unit once, first: the ranges stay short enough for two or three a row on a phone.
    if let Some(unit) = crate::words::map::legend_unit(ctx.r) {
        items.push(item(None, false, unit));
    }
    for (k, color) in colors.iter().enumerate() {
        items.push(item(Some(*color), false, crate::words::map::class_range(ctx.r, numbers, k)));
    }
    if missing {
        items.push(item(None, true, ctx.spec.locale.pick("データなし", "No data").to_owned()));
    }
    if let Some(reference) = ctx.spec.map.as_ref().and_then(|m| m.reference.as_ref()) {
        items.push(item(None, false, crate::words::map::reference_words(ctx.r, reference)));
    }
    items
}

/// The items of each legend row, wrapped to `width`.
fn legend_rows(ctx: &Ctx, items: &[LegendItem], width: f32) -> Vec<std::ops::Range<usize>> {
    let _ = ctx;
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, item) in items.iter().enumerate() {
        let need = if i == start { item.width } else { used + LEGEND_GAP + item.width };
        if need > width && i > start {
            rows.push(start..i);
            start = i;
            used = item.width;
        } else {
            used = need;
        }
    }
    if start < items.len() {
        rows.push(start..items.len());
    }
    rows
}

fn draw_legend(ctx: &Ctx, items: &[LegendItem], rows: &[std::ops::Range<usize>], top: f32, scene: &mut Scene) {
    let border = ctx.theme.map_border();
    for (r, range) in rows.iter().enumerate() {
        let mid = top + r as f32 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let mut x = PAD;
        for item in &items[range.clone()] {
            if item.swatch.is_some() || item.hatched {
                let (sx, sy) = (x, mid - LEGEND_SWATCH / 2.0);
                let square = vec![(sx, sy), (sx + LEGEND_SWATCH, sy), (sx + LEGEND_SWATCH, sy + LEGEND_SWATCH), (sx, sy + LEGEND_SWATCH)];
                scene.marks.push(Mark::Polygon {
                    points: square.clone(),
                    fill: item.swatch.unwrap_or(ctx.theme.map_missing()),
                    stroke: Some((border, 1.0)),
                });
                if item.hatched {
                    scene.marks.extend(hatch(&[square], ctx.theme.map_hatch()));
                }
                x += LEGEND_SWATCH + LEGEND_SWATCH_GAP;
            }
            scene.marks.push(ctx.label(x, mid, &item.text, ctx.theme.text, HAlign::Start, VAlign::Middle));
            x += ctx.width(&item.text) + LEGEND_GAP;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_covers_a_shape_and_ends_on_any_shape() {
        let black = Color::rgb(0);
        // A 30×30 square: x + y runs 0..60, a line every 6 from 0 (the corner itself) to 54.
        let square = vec![(0.0, 0.0), (30.0, 0.0), (30.0, 30.0), (0.0, 30.0)];
        assert_eq!(hatch(std::slice::from_ref(&square), black).len(), 10);
        // Absurd sizes (a broken asset that got this far) stop at the cap instead of looping.
        let huge = vec![(0.0, 0.0), (1e30, 0.0), (0.0, 1e30)];
        assert!(hatch(&[huge], black).len() <= MAX_HATCH_LINES);
        let infinite = vec![(0.0, 0.0), (f32::INFINITY, 0.0), (0.0, 1.0)];
        assert!(hatch(&[infinite], black).is_empty());
    }
}
