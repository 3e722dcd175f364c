//! The text outputs: everything a chart says in words rather than marks — the page text
//! around the canvas, the generated summary, what a focused point says, and the data table
//! (and its CSV). Each reads the [`Resolved`](crate::resolve::Resolved) model, so a value
//! prints the same way here as on the chart.

pub mod csv;
#[cfg(feature = "map")]
pub mod map;
pub mod page;
pub mod point;
pub mod summary;
pub mod table;
