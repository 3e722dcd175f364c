//! The display list: what a chart looks like, in CSS pixels, independent of where it is
//! drawn. Canvas and SVG renderers only walk it; tests snapshot it; tooltips, keyboard
//! focus and hit testing read its `points`.

use crate::text::{Font, TextMeasure};
use crate::theme::{Color, LineDash, MarkerShape};

/// Horizontal text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    Start,
    Middle,
    End,
}

/// Vertical text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

/// One drawing instruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A filled rectangle (bars, legend swatches, background); `stroke` outlines light fills
    /// that would otherwise fall under 3:1 against the background.
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Color, stroke: Option<Color> },
    /// A horizontal or vertical rule (gridlines, axes); drawn snapped to device pixels.
    Rule { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Color },
    /// An open polyline (a line series between gaps), solid, dashed or dotted.
    Polyline { points: Vec<(f32, f32)>, width: f32, color: Color, dash: LineDash },
    /// A filled closed polygon (pie wedges, areas), optionally outlined.
    Polygon { points: Vec<(f32, f32)>, fill: Color, stroke: Option<(Color, f32)> },
    /// A point marker of radius `r` (circle, square, triangle, diamond), with an optional
    /// ring in the background colour that separates it from lines beneath.
    Marker { cx: f32, cy: f32, r: f32, shape: MarkerShape, fill: Color, ring: Option<Color> },
    /// Text; `width` is the measured width used by layout (for overlap checks).
    Text { x: f32, y: f32, text: String, size: f32, bold: bool, color: Color, h: HAlign, v: VAlign, width: f32 },
}

/// Dash and gap lengths of a line style, as multiples of the line width.
pub fn dash_pattern(dash: LineDash) -> &'static [f32] {
    match dash {
        LineDash::Solid => &[],
        LineDash::Dashed => &[4.0, 2.5],
        LineDash::Dotted => &[1.0, 1.5],
    }
}

/// The outline of a marker shape centred at (cx, cy), as polygon points; `None` for circles.
pub fn marker_outline(shape: MarkerShape, cx: f32, cy: f32, r: f32) -> Option<Vec<(f32, f32)>> {
    match shape {
        MarkerShape::Circle | MarkerShape::None => None,
        // Squares and diamonds of equal area to the circle read as the same weight.
        MarkerShape::Square => {
            let h = r * 0.886;
            Some(vec![(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)])
        }
        MarkerShape::Diamond => {
            let h = r * 1.253;
            Some(vec![(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)])
        }
        MarkerShape::Triangle => {
            let h = r * 1.35;
            Some(vec![(cx, cy - h), (cx + h * 0.866, cy + h * 0.5), (cx - h * 0.866, cy + h * 0.5)])
        }
    }
}

/// A plotted data point, for hit testing, tooltips and keyboard focus.
#[derive(Debug, Clone, PartialEq)]
pub struct PlottedPoint {
    pub series: usize,
    pub index: usize,
    pub x: f32,
    pub y: f32,
}

/// A whole chart ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub background: Color,
    pub font_family: &'static str,
    pub marks: Vec<Mark>,
    pub points: Vec<PlottedPoint>,
    /// Shapes that answer for a point under the pointer (a map's prefectures, by position in
    /// `points`): a prefecture is hovered anywhere on it, not only near its centre.
    #[cfg(feature = "map")]
    pub areas: Vec<(usize, Rings)>,
}

/// A shape's rings (islands), closed implicitly.
#[cfg(feature = "map")]
pub type Rings = Vec<Vec<(f32, f32)>>;

#[cfg(feature = "map")]
impl Scene {
    /// The position in `points` of the shape (`areas`) under (x, y), if any.
    pub fn area_at(&self, x: f32, y: f32) -> Option<usize> {
        let hit = |rings: &Rings| rings.iter().any(|r| crate::map::geometry::contains(r, (x, y)));
        self.areas.iter().find(|(_, rings)| hit(rings)).map(|(i, _)| *i)
    }
}

/// An axis-aligned box, for overlap checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl BBox {
    pub fn overlaps(&self, other: &BBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

impl Mark {
    /// A text mark with its width measured now, so layout can check it for overlaps.
    #[allow(clippy::too_many_arguments)]
    pub fn text(x: f32, y: f32, text: &str, font: Font, color: Color, h: HAlign, v: VAlign, measure: &dyn TextMeasure) -> Mark {
        Mark::Text { x, y, width: measure.width(text, font), text: text.to_owned(), size: font.size, bold: font.bold, color, h, v }
    }

    /// The box a text mark covers, from its measured width and size.
    pub fn text_bbox(&self) -> Option<BBox> {
        let Mark::Text { x, y, size, h, v, width, .. } = self else { return None };
        let x0 = match h {
            HAlign::Start => *x,
            HAlign::Middle => x - width / 2.0,
            HAlign::End => x - width,
        };
        let y0 = match v {
            VAlign::Top => *y,
            VAlign::Middle => y - size / 2.0,
            VAlign::Bottom => y - size,
        };
        Some(BBox { x0, y0, x1: x0 + width, y1: y0 + size })
    }
}

impl Scene {
    /// The boxes of every text mark so far: what a new label must not touch.
    pub fn text_boxes(&self) -> Vec<BBox> {
        let mut boxes = Vec::new();
        for mark in &self.marks {
            if let Some(b) = mark.text_bbox() {
                boxes.push(b);
            }
        }
        boxes
    }

    /// Every pair of text marks whose boxes overlap (should be empty).
    pub fn overlapping_texts(&self) -> Vec<(String, String)> {
        let texts: Vec<(&Mark, BBox)> = self.marks.iter().filter_map(|m| m.text_bbox().map(|b| (m, b))).collect();
        let mut out = Vec::new();
        for (i, (a, ba)) in texts.iter().enumerate() {
            for (b, bb) in &texts[i + 1..] {
                if ba.overlaps(bb) {
                    let name = |m: &Mark| if let Mark::Text { text, .. } = m { text.clone() } else { String::new() };
                    out.push((name(a), name(b)));
                }
            }
        }
        out
    }
}
