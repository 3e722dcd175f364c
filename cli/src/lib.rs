//! The native renderer of indicator-chart, as a library for the `indicator-chart` binary and
//! its tests: the fonts it draws and measures with, and one spec to one SVG or PNG.
// clippy.toml keeps libm and float parsing out of the wasm; the native renderer may use both.
#![allow(clippy::disallowed_methods)]

pub mod data_file;
pub mod fonts;
pub mod map_asset;
pub mod render;
pub mod schema;
pub mod site;
