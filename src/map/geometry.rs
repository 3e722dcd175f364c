//! The prefecture shapes, read from the geometry asset (`www/maps/prefectures.json`, made at
//! build time by the CLI's `map-asset` from the Digital Agency's TopoJSON): rings in asset
//! units, a centre each, the inset's frame, and the compass neighbours the keyboard steps to.
//!
//! The asset is JSON: `size` [w, h], `inset` [x, y, w, h] (the framed box of 南西諸島),
//! `insetOffset` [dx, dy] (where the inset's contents lie on the main map), `centers` and
//! `shapes` (SVG path data, `M x y l dx dy … z` per ring, whole units), both in code order. (The
//! asset also carries the licence's `credit` line for people who read the file; the chart
//! prints [`CREDIT`], which it knows before the asset arrives.)

use crate::spec::json::Json;

/// The credit line the shapes' licence (CC BY 4.0) asks for, printed under every geo map.
pub const CREDIT: &str = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";

/// A point in asset units (x east, y south).
pub type Point = (f32, f32);

#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    /// The inset's frame.
    pub inset: (f32, f32, f32, f32),
    /// Each prefecture's outer rings (islands), by code − 1.
    pub rings: Vec<Vec<Vec<Point>>>,
    /// Where each prefecture's label, focus ring and tooltip go: its largest ring's centroid.
    pub centers: Vec<Point>,
    /// Where each prefecture is for the keyboard's compass: the centre, moved back out of the
    /// inset to its real place.
    pub places: Vec<Point>,
}

/// The largest size and farthest coordinate an asset may have: the real one is 1000 units
/// across; a broken or hostile file beyond this is refused, not laid out (or hatched) for ever.
const MAX_UNITS: f32 = 100_000.0;

/// Why an asset could not be read (the loader says so with the URL it fetched).
#[derive(Debug, Clone, PartialEq)]
pub struct GeometryError(pub &'static str);

impl Geometry {
    pub fn from_json(json: &Json) -> Result<Geometry, GeometryError> {
        let numbers = |key: &'static str, n: usize| -> Result<Vec<f32>, GeometryError> {
            match json.get(key) {
                Some(Json::Array(items)) if items.len() == n => {
                    items.iter().map(|v| if let Json::Number(x) = v { Ok(*x as f32) } else { Err(GeometryError(key)) }).collect()
                }
                _ => Err(GeometryError(key)),
            }
        };
        let size = numbers("size", 2)?;
        let inset = numbers("inset", 4)?;
        let offset = numbers("insetOffset", 2)?;
        let (Some(Json::Array(shapes)), Some(Json::Array(centers))) = (json.get("shapes"), json.get("centers")) else {
            return Err(GeometryError("shapes"));
        };
        if shapes.len() != 47 || centers.len() != 47 {
            return Err(GeometryError("shapes"));
        }
        let mut rings = Vec::with_capacity(47);
        for shape in shapes {
            let Json::String(d) = shape else { return Err(GeometryError("shapes")) };
            rings.push(parse_path(d).ok_or(GeometryError("shapes"))?);
        }
        let within = |v: f32| v.abs() <= MAX_UNITS;
        let mut out_centers = Vec::with_capacity(47);
        for c in centers {
            match c {
                Json::Array(xy) if xy.len() == 2 => match (&xy[0], &xy[1]) {
                    (Json::Number(x), Json::Number(y)) if within(*x as f32) && within(*y as f32) => {
                        out_centers.push((*x as f32, *y as f32))
                    }
                    _ => return Err(GeometryError("centers")),
                },
                _ => return Err(GeometryError("centers")),
            }
        }
        let inset = (inset[0], inset[1], inset[2], inset[3]);
        let in_inset = |p: Point| p.0 >= inset.0 && p.0 <= inset.0 + inset.2 && p.1 >= inset.1 && p.1 <= inset.1 + inset.3;
        let places = out_centers.iter().map(|&c| if in_inset(c) { (c.0 + offset[0], c.1 + offset[1]) } else { c }).collect();
        if !size.iter().all(|&v| v > 0.0 && within(v)) {
            return Err(GeometryError("size"));
        }
        Ok(Geometry { width: size[0], height: size[1], inset, rings, centers: out_centers, places })
    }

    /// The prefecture whose shape holds `p` (asset units), if any.
    pub fn hit(&self, p: Point) -> Option<usize> {
        self.rings.iter().position(|rings| rings.iter().any(|ring| contains(ring, p)))
    }
}

/// Whether `ring` (closed implicitly) holds `p`: even–odd crossings.
pub fn contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, a) in ring.iter().enumerate() {
        let b = ring[j];
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The rings of `M x y l dx dy … z` path data (whole or decimal numbers, signs as separators).
fn parse_path(d: &str) -> Option<Vec<Vec<Point>>> {
    let bytes = d.as_bytes();
    let mut rings = Vec::new();
    let mut ring: Vec<Point> = Vec::new();
    let mut numbers: Vec<f32> = Vec::new();
    let mut i = 0;
    let mut command = 0u8;
    let flush = |command: u8, numbers: &mut Vec<f32>, ring: &mut Vec<Point>| -> Option<()> {
        if numbers.len() % 2 != 0 {
            return None;
        }
        for pair in numbers.chunks(2) {
            let last = ring.last().copied();
            match (command, last) {
                (b'M', _) | (b'L', _) => ring.push((pair[0], pair[1])),
                (b'l', Some(l)) | (b'm', Some(l)) => ring.push((l.0 + pair[0], l.1 + pair[1])),
                _ => return None,
            }
        }
        numbers.clear();
        Some(())
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'M' | b'm' | b'L' | b'l' | b'z' | b'Z' => {
                flush(command, &mut numbers, &mut ring)?;
                if matches!(b, b'z' | b'Z' | b'M') && ring.len() >= 3 {
                    rings.push(std::mem::take(&mut ring));
                } else if matches!(b, b'z' | b'Z' | b'M') {
                    ring.clear();
                }
                command = b;
                i += 1;
            }
            b' ' | b',' | b'\n' => i += 1,
            b'-' | b'0'..=b'9' | b'.' => {
                let start = i;
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                numbers.push(read_number(&d[start..i])?);
            }
            _ => return None,
        }
    }
    flush(command, &mut numbers, &mut ring)?;
    if ring.len() >= 3 {
        rings.push(ring);
    }
    Some(rings)
}

/// A decimal number without float parsing (clippy.toml keeps it out of the wasm).
fn read_number(text: &str) -> Option<f32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for b in whole.bytes() {
        value = value * 10.0 + (b.wrapping_sub(b'0')) as f64;
    }
    let mut scale = 0.1;
    for b in fraction.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        value += (b - b'0') as f64 * scale;
        scale /= 10.0;
    }
    // Beyond any asset (see MAX_UNITS): a broken file, refused.
    (value <= MAX_UNITS as f64).then_some(if negative { -value } else { value } as f32)
}

/// Of `candidates` (index, place), the nearest to `from` in the direction (`dx`, `dy`), within
/// 60° of it; nearer the direction's line counts more than nearer in distance.
pub fn nearest_towards(from: Point, dx: f32, dy: f32, candidates: impl Iterator<Item = (usize, Point)>) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (i, p) in candidates {
        let (vx, vy) = (p.0 - from.0, p.1 - from.1);
        let along = vx * dx + vy * dy;
        let across = (vx * dy - vy * dx).abs();
        // Inside a 60° cone either side of the direction (tan 60° ≈ 1.732).
        if along <= 0.0 || across > along * 1.732 {
            continue;
        }
        let score = along + 2.0 * across;
        if best.map_or(true, |(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_into_rings() {
        let rings = parse_path("M10 20l5 0 0 5-5 0zM100 100l1 0 0 1z").unwrap();
        assert_eq!(
            rings,
            vec![vec![(10.0, 20.0), (15.0, 20.0), (15.0, 25.0), (10.0, 25.0)], vec![(100.0, 100.0), (101.0, 100.0), (101.0, 101.0)]]
        );
        assert!(contains(&rings[0], (12.0, 22.0)));
        assert!(!contains(&rings[0], (16.0, 22.0)));
        assert_eq!(parse_path("M1 2l3"), None, "an odd count of numbers");
        assert_eq!(parse_path("M1 2l3 4 <script>"), None);
        assert_eq!(read_number("-12.5"), Some(-12.5));
    }

    /// A hostile or broken asset: refused by the part that is wrong, never laid out.
    #[test]
    fn assets_out_of_bounds_are_refused() {
        let asset = |size: &str, first: &str| {
            let shapes: Vec<String> = (0..47).map(|i| if i == 0 { first.to_owned() } else { "M1 1l1 0 0 1z".to_owned() }).collect();
            let text = format!(
                r#"{{"size":{size},"inset":[0,0,1,1],"insetOffset":[0,0],"centers":[{}],"shapes":{:?}}}"#,
                vec!["[1,1]"; 47].join(","),
                shapes
            );
            Geometry::from_json(&serde_json::from_str::<Json>(&text).unwrap()).map(|_| ())
        };
        assert_eq!(asset("[1000,800]", "M1 1l1 0 0 1z"), Ok(()));
        assert_eq!(asset("[1000,800]", "M1 1l1e30 0 0 1z"), Err(GeometryError("shapes")), "no exponents");
        assert_eq!(asset("[1000,800]", "M1 1l900000 0 0 1z"), Err(GeometryError("shapes")));
        assert_eq!(asset("[0,800]", "M1 1l1 0 0 1z"), Err(GeometryError("size")));
        assert_eq!(asset("[1e9,800]", "M1 1l1 0 0 1z"), Err(GeometryError("size")));
    }

    #[test]
    fn the_compass_prefers_the_direction_then_the_distance() {
        let places = [(0.0, 0.0), (10.0, 1.0), (5.0, 8.0), (-10.0, 0.0), (30.0, 0.0)];
        let others = || places.iter().copied().enumerate().skip(1);
        assert_eq!(nearest_towards(places[0], 1.0, 0.0, others()), Some(1), "east");
        assert_eq!(nearest_towards(places[0], 0.0, 1.0, others()), Some(2), "south");
        assert_eq!(nearest_towards(places[0], -1.0, 0.0, others()), Some(3), "west");
        assert_eq!(nearest_towards(places[0], 0.0, -1.0, others()), None, "nothing to the north");
    }
}
