//! The native test suite, one crate (one link on a two-core machine), one module per subject.
// The size rules of clippy.toml are for the wasm; native tests may use std's float maths.
#![allow(clippy::disallowed_methods)]

mod common;
mod gallery;
mod goldens;
mod live_data;
#[cfg(feature = "map")]
mod maps;
mod never_panics;
mod one_answer;
mod page_css;
mod pie_kpi_progress;
mod scene;
mod spec_errors;
mod summaries;
