//! The prefecture geometry asset (`www/maps/prefectures.json`) made from the Digital Agency's
//! TopoJSON (`cli/maps/`, CC BY 4.0): projected, simplified, quantised to whole units and the
//! south-western islands moved into an inset, once, at build time. Map charts fetch the
//! result once per page; it is never part of the wasm, and pages without maps never load it.
//!
//! Why each step:
//! - **Projection**: longitude scaled by cos 36° (the middle of Honshu), latitude as is: at
//!   prefecture scale the shapes read as on any Japanese atlas, and the arithmetic is exact
//!   enough that a native test can check the asset is up to date.
//! - **Simplification per arc** (Douglas–Peucker, half a unit): borders are shared arcs in
//!   TopoJSON, so neighbours are simplified the same way and no sliver or gap opens between them.
//! - **Inset**: 奄美・沖縄 (south of 30° N, west of 131° E) drawn smaller in a framed box at the
//!   top left, in the empty Sea of Japan, as Japanese maps place them. Islands far out to sea
//!   (小笠原 and 沖ノ鳥島 of 東京都, 大東諸島 of 沖縄県) are left out: at this scale they would
//!   be dots, and the chart's table carries every value.
//! - **Quantised integer paths**, SVG syntax (`M x y l dx dy … z`), one string per prefecture,
//!   in code order: compact to send, and readable by the Rust core, by SVG and by eye.

use serde_json::Value;
use std::fmt::Write;

/// Height of the main map in units; 1 unit ≈ 1.6 km. A 1,280 px wide chart draws about one
/// unit a pixel.
const HEIGHT: f64 = 1000.0;
/// Douglas–Peucker tolerance, in units.
const TOLERANCE: f64 = 0.5;
/// Rings smaller than this (in square units) are dropped: specks no one could see or point at.
const MIN_AREA: f64 = 2.0;
/// The inset is drawn at the main map's scale (smaller, 沖縄本島 would be a few pixels at 320 px).
const INSET_SCALE: f64 = 1.0;
/// The credit line the licence asks for (cli/maps/README.md): the core's, which prints it.
pub use indicator_chart::map::geometry::CREDIT;

type Pt = (f64, f64);
/// A prefecture's code and its rings, each with where it is drawn.
type Prefecture = (String, Vec<(Place, Vec<Pt>)>);

/// Where a ring is drawn.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Main,
    Inset,
    Left,
}

/// The asset's JSON text from the TopoJSON text.
pub fn build(topojson: &str) -> Result<String, String> {
    let topo: Value = serde_json::from_str(topojson).map_err(|e| format!("TopoJSON: {e}"))?;
    let num = |v: &Value| v.as_f64().ok_or("TopoJSON: a number expected");
    let scale = &topo["transform"]["scale"];
    let translate = &topo["transform"]["translate"];
    let (sx, sy, tx, ty) = (num(&scale[0])?, num(&scale[1])?, num(&translate[0])?, num(&translate[1])?);
    let kx = 36f64.to_radians().cos();
    // Arcs decoded (delta-encoded, quantised) into projected degrees: x east, y north.
    let mut arcs: Vec<Vec<Pt>> = Vec::new();
    for arc in topo["arcs"].as_array().ok_or("TopoJSON: no arcs")? {
        let (mut x, mut y) = (0.0, 0.0);
        let mut points = Vec::new();
        for p in arc.as_array().ok_or("TopoJSON: an arc is not a list")? {
            x += num(&p[0])?;
            y += num(&p[1])?;
            points.push(((x * sx + tx) * kx, y * sy + ty));
        }
        arcs.push(points);
    }
    let objects = topo["objects"].as_object().ok_or("TopoJSON: no objects")?;
    let collection = objects.values().next().ok_or("TopoJSON: no object")?;
    let mut prefectures: Vec<Prefecture> = Vec::new();
    for geometry in collection["geometries"].as_array().ok_or("TopoJSON: no geometries")? {
        let code = geometry["properties"]["prefecture_code"].as_str().ok_or("TopoJSON: a geometry without prefecture_code")?.to_string();
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"].as_array().ok_or("TopoJSON: bad MultiPolygon")?.iter().collect(),
            _ => return Err(format!("TopoJSON: prefecture {code} is not a polygon")),
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            // The outer ring only: the two holes in the data (in 群馬県 and 神奈川県) are
            // enclaves of a few hundred metres, below a unit at this scale.
            let Some(outer) = polygon.as_array().and_then(|r| r.first()).and_then(|r| r.as_array()) else { continue };
            let mut ring: Vec<Pt> = Vec::new();
            for index in outer {
                let i = index.as_i64().ok_or("TopoJSON: bad arc index")?;
                // A negative index is the arc reversed (TopoJSON: ~i).
                let arc = arcs
                    .get(if i >= 0 { i } else { !i } as usize)
                    .ok_or_else(|| format!("TopoJSON: arc {i} of prefecture {code} does not exist"))?;
                let arc: Vec<Pt> = if i >= 0 { arc.clone() } else { arc.iter().rev().copied().collect() };
                let arc = simplify(&arc, TOLERANCE * degrees_per_unit());
                ring.extend(if ring.is_empty() { &arc[..] } else { &arc[1..] });
            }
            rings.push((place(&code, &ring), ring));
        }
        prefectures.push((code, rings));
    }
    prefectures.sort_by(|a, b| a.0.cmp(&b.0));
    if prefectures.len() != 47 {
        return Err(format!("TopoJSON: {} prefectures, 47 expected", prefectures.len()));
    }
    Ok(lay_out(&prefectures))
}

/// The main map's units per projected degree, from its latitude span (30° to 45.6° N).
fn degrees_per_unit() -> f64 {
    (45.6 - 30.0) / HEIGHT
}

fn place(code: &str, ring: &[Pt]) -> Place {
    let kx = 36f64.to_radians().cos();
    let north = ring.iter().map(|p| p.1).fold(f64::MIN, f64::max);
    let east = ring.iter().map(|p| p.0 / kx).fold(f64::MIN, f64::max);
    let west = ring.iter().map(|p| p.0 / kx).fold(f64::MAX, f64::min);
    match code {
        _ if north >= 30.0 => Place::Main,
        "46" | "47" if west < 131.0 && east < 131.0 => Place::Inset,
        _ => Place::Left,
    }
}

/// Units from projected degrees, the inset moved and scaled, then the JSON text.
fn lay_out(prefectures: &[Prefecture]) -> String {
    let bounds = |which: Place| {
        let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (_, rings) in prefectures {
            for (_, ring) in rings.iter().filter(|(p, _)| *p == which) {
                for &(x, y) in ring {
                    b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
                }
            }
        }
        b
    };
    let main = bounds(Place::Main);
    let inset = bounds(Place::Inset);
    let unit = 1.0 / degrees_per_unit();
    let width = ((main.2 - main.0) * unit).ceil();
    let height = ((main.3 - main.1) * unit).ceil();
    // The inset's frame, at the top left with a margin of 10 units inside it.
    let margin = 10.0;
    let (iw, ih) = ((inset.2 - inset.0) * unit * INSET_SCALE, (inset.3 - inset.1) * unit * INSET_SCALE);
    let frame = (0.0, 0.0, (iw + 2.0 * margin).ceil(), (ih + 2.0 * margin).ceil());
    let to_units = |place: Place, (x, y): Pt| -> (i64, i64) {
        match place {
            Place::Inset => {
                ((margin + (x - inset.0) * unit * INSET_SCALE).round() as i64, (margin + (inset.3 - y) * unit * INSET_SCALE).round() as i64)
            }
            _ => (((x - main.0) * unit).round() as i64, ((main.3 - y) * unit).round() as i64),
        }
    };
    let mut shapes = Vec::new();
    let mut centers = Vec::new();
    for (_, rings) in prefectures {
        let mut d = String::new();
        let mut largest = (0.0, (0, 0));
        for (place, ring) in rings.iter().filter(|(p, _)| *p != Place::Left) {
            let mut points: Vec<(i64, i64)> = ring.iter().map(|&p| to_units(*place, p)).collect();
            points.dedup();
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            let area = signed_area(&points);
            if points.len() < 3 || area.abs() < MIN_AREA {
                continue;
            }
            if area.abs() > largest.0 {
                largest = (area.abs(), centroid(&points));
            }
            let _ = write!(d, "M{} {}l", points[0].0, points[0].1);
            for w in points.windows(2) {
                let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
                if !d.ends_with('l') && dx >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dx}");
                if dy >= 0 {
                    d.push(' ');
                }
                let _ = write!(d, "{dy}");
            }
            d.push('z');
        }
        shapes.push(Value::String(d));
        centers.push(serde_json::json!([largest.1 .0, largest.1 .1]));
    }
    // Where the inset's contents lie on the main map (its units shifted by this): the keyboard
    // steps to 沖縄県 from 鹿児島県 southwards, where it is, not towards the top left.
    let moved = to_units(Place::Main, (inset.0, inset.3));
    let asset = serde_json::json!({
        "credit": CREDIT,
        "size": [width, height],
        "inset": [frame.0, frame.1, frame.2, frame.3],
        "insetOffset": [moved.0 - margin as i64, moved.1 - margin as i64],
        "centers": centers,
        "shapes": shapes,
    });
    let mut text = serde_json::to_string(&asset).unwrap_or_default();
    text.push('\n');
    text
}

/// Twice the signed area of a closed ring (shoelace), halved.
fn signed_area(points: &[(i64, i64)]) -> f64 {
    let mut sum = 0i64;
    for (i, a) in points.iter().enumerate() {
        let b = points[(i + 1) % points.len()];
        sum += a.0 * b.1 - b.0 * a.1;
    }
    sum as f64 / 2.0
}

/// The area centroid of a ring, rounded to whole units.
fn centroid(points: &[(i64, i64)]) -> (i64, i64) {
    let (mut cx, mut cy, mut a) = (0.0, 0.0, 0.0);
    for (i, p) in points.iter().enumerate() {
        let q = points[(i + 1) % points.len()];
        let cross = (p.0 * q.1 - q.0 * p.1) as f64;
        a += cross;
        cx += (p.0 + q.0) as f64 * cross;
        cy += (p.1 + q.1) as f64 * cross;
    }
    if a == 0.0 {
        return points[0];
    }
    ((cx / (3.0 * a)).round() as i64, (cy / (3.0 * a)).round() as i64)
}

/// Douglas–Peucker: the points of `line` within `tolerance` of the simplified line dropped;
/// both ends always kept (they are where arcs meet).
fn simplify(line: &[Pt], tolerance: f64) -> Vec<Pt> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut far, mut at) = (0.0, a);
        for i in a + 1..b {
            let d = distance_to_segment(line[i], line[a], line[b]);
            if d > far {
                far = d;
                at = i;
            }
        }
        if far > tolerance {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    line.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn distance_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0) };
    let (x, y) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (x * x + y * y).sqrt()
}
