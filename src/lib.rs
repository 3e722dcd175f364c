//! indicator-chart: government indicator charts from a JSON spec.
//!
//! The pipeline (see README): `json` (input tree) → `spec` (validated contract) →
//! `layout` (scales, ticks, Japanese formatting, measured text) → `scene` (display list in
//! CSS pixels) → renderers: `svg` natively and in the browser, canvas in `web`.
//! Everything but `web` is plain Rust and is tested natively with `cargo test`.

#![forbid(unsafe_code)]

pub mod chart;
pub mod dates;
pub mod error;
pub mod json;
pub mod layout;
pub mod locale;
pub mod math;
pub mod numfmt;
pub mod order;
pub mod resolve;
pub mod scene;
pub mod spec;
pub mod svg;
pub mod text;
pub mod theme;
pub mod ticks;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;
