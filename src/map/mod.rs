//! Prefecture maps (`type: "map"`): a choropleth of the 47 prefectures, drawn from their real
//! shapes (`layout: "geo"`) or as the 7×7 tile grid (`"tiles"`), values in classes coloured from
//! the theme, with a legend, a national reference, keyboard neighbours, summaries and a table.
//!
//! Built only with the `map` feature: the chart wasm of pages without maps links none of it
//! (the loader fetches the map build, `pkg/map/`, for map specs), and the shapes are never in
//! any wasm: they are an asset (`www/maps/prefectures.json`) handed in as [`Geometry`].
//!
//! - `regions`: reading `regions` entries, names, the tile grid and the eight 地方;
//! - `classes`: class breaks (quantile, equal, thresholds, diverging) and legend ranges;
//! - `geometry`: the asset read into rings, centres, hit tests and compass neighbours;
//! - `parse`: the spec's map fields.

pub mod classes;
pub mod geometry;
pub(crate) mod parse;
pub mod regions;

pub use classes::{Classes, Scale, Split};
pub use geometry::Geometry;

/// How the prefectures are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapLayout {
    /// The real shapes, 南西諸島 in an inset.
    #[default]
    Geo,
    /// The 7×7 tile grid: every prefecture one square.
    Tiles,
}

/// The national (or other) figure the prefectures are compared with: 「全国 79.0%」.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub label: String,
    pub value: f64,
}

/// A map spec's own fields. Its categories are the prefectures' names in the order of
/// `regions` (so tables, CSV and point text read them like any category), its one series the
/// values.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    /// The prefecture (0–46) of each category.
    pub prefectures: Vec<regions::Prefecture>,
    pub layout: MapLayout,
    pub scale: Scale,
    pub reference: Option<Reference>,
}

impl MapSpec {
    /// The category (position in `regions`) of prefecture `p`, if the spec has it.
    pub fn category_of(&self, p: regions::Prefecture) -> Option<usize> {
        self.prefectures.iter().position(|&q| q == p)
    }
}

/// A map's derived figures, decided once (like the rest of [`crate::resolve::Resolved`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MapNumbers {
    pub classes: Classes,
    /// Each category's rank by value, 1 the highest (equal values share a rank), `None` for a gap.
    pub ranks: Vec<Option<usize>>,
    /// How many prefectures have a value (the 「／47」 of a rank).
    pub ranked: usize,
    /// The shapes, once the page (or the CLI) has handed them in; `tiles` needs none.
    pub geometry: Option<std::rc::Rc<Geometry>>,
}

impl MapNumbers {
    pub fn new(map: &MapSpec, values: &[Option<f64>]) -> MapNumbers {
        let classes = Classes::new(&map.scale, values);
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        let ranks = values.iter().map(|v| v.map(|v| 1 + present.iter().filter(|o| **o > v).count())).collect();
        MapNumbers { classes, ranks, ranked: present.len(), geometry: None }
    }
}
