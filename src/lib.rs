//! indicator-chart: government indicator charts from a JSON spec.
//!
//! The pipeline (see README): `json` (input tree) → `spec` (validated contract) →
//! `layout` (scales, ticks, Japanese formatting, measured text) → `scene` (display list in
//! CSS pixels) → renderers: `svg` natively and in the browser, canvas in `web`.
//! Everything but `web` is plain Rust and is tested natively with `cargo test`.

#![forbid(unsafe_code)]

// The API: the front door and the types its signatures use. Everything else is private, so
// the compiler reports code that nothing reaches.
pub mod chart;
pub mod data;
#[cfg(feature = "map")]
pub mod map;
pub mod scene;
pub mod text;
pub mod theme;

mod dates;
mod hash;
mod layout;
mod locale;
mod math;
mod numfmt;
mod order;
mod resolve;
mod spec;
mod svg;
mod ticks;
mod words;

/// The fields every object of the spec takes, for the JSON Schema (docs/spec.schema.json).
pub use spec::contract;
pub use spec::json;
// Crate-internal paths (`crate::error::…`) for the validator's errors.
use spec::error;

pub use data::{DataError, DataFormat, DataProblem, DataSource, MAX_DATA_BYTES};
pub use error::{Problem, SpecError};
pub use locale::Locale;
pub use resolve::{AxisFormat, Resolved};
pub use spec::{ChartSpec, MIN_REFRESH};
/// Text for XML and HTML (content and attributes): what the SVG export and the static pages use.
pub use svg::escape;
pub use words::page::PageText;
pub use words::table::DataTable;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;
