//! The generated text alternative of a chart (WCAG 1.1.1): what it shows and its takeaway,
//! computed from the full data — never from what fits on screen. One module per family.

mod cartesian;
mod kpi;
mod pie;
mod progress;

use crate::resolve::Resolved;
use crate::spec::ChartType;

/// What the chart shows, in sentences.
pub fn describe(r: &Resolved) -> String {
    match r.spec.chart_type {
        ChartType::Pie | ChartType::Donut => pie::describe(r),
        ChartType::Kpi => kpi::describe(r),
        ChartType::Progress => progress::describe(r),
        #[cfg(feature = "map")]
        ChartType::Map => crate::words::map::describe(r),
        _ => cartesian::describe(r),
    }
}
