//! Share labels: inside their wedge where they fit with 4.5:1 contrast, else outside on a
//! leader line stacked without overlaps, else only in the legend (smallest slices first).

use super::*;
use crate::math::{clamp, hypot};
use crate::order::sorted_by;
use crate::scene::PlottedPoint;

/// Share labels: inside their wedge, outside on leader lines, or left to the legend.
impl Ctx<'_> {
    pub(super) fn label_fonts(&self) -> [Font; 2] {
        [Font { size: self.font.size + 2.0, bold: true }, Font { size: self.font.size, bold: true }]
    }

    /// Where a share label sits inside its wedge (centre point), its font and colour, or
    /// `None` when it does not fit or no text colour reaches 4.5:1 on the wedge.
    pub(super) fn inside_label(&self, slice: &Slice, cx: f32, cy: f32, r: f32, hole: f32) -> Option<(f32, f32, Font, Color)> {
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
    pub(super) fn label_color(&self, fill: Color) -> Option<Color> {
        let (dark, light) = (self.theme.text, self.theme.background);
        let pick = if dark.contrast(&fill) >= light.contrast(&fill) { dark } else { light };
        (pick.contrast(&fill) >= 4.5).then_some(pick)
    }

    /// Share labels inside wedges where they fit, outside on leader lines where there is room,
    /// and a point per drawn slice.
    pub(super) fn draw_share_labels(&self, slices: &[Slice], plan: &Plan, hole: f32, scene: &mut Scene) {
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
    pub(super) fn place_outside(&self, mut labels: Vec<OutsideLabel>, plan: &Plan, scene: &Scene) -> Vec<OutsideLabel> {
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

    pub(super) fn outside_box(&self, l: &OutsideLabel, plan: &Plan) -> BBox {
        let h = self.font.size;
        let x0 = if l.right { plan.cx + plan.radius + LEADER } else { plan.cx - plan.radius - LEADER - l.width };
        BBox { x0, y0: l.y - h / 2.0, x1: x0 + l.width, y1: l.y + h / 2.0 }
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
