//! Value axes: the range (zero included where bars or areas encode length, the author's
//! `min`/`max` when given, 0–100 for 100% stacks), nice ticks and their 万/億 labels.

use super::Ctx;
use crate::numfmt::{tick_label, Notation};
use crate::spec::{AxisSpec, Stacking};
use crate::ticks::nice_ticks;

/// One value axis, ready to map values to positions.
#[derive(Debug, Clone)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
    pub labels: Vec<String>,
}

impl Scale {
    /// 0 at `lo`, 1 at `hi`.
    pub fn fraction(&self, value: f64) -> f32 {
        ((value - self.lo) / (self.hi - self.lo)) as f32
    }
}

/// A scale over `extent` with at most `max_ticks` intervals.
/// `from_zero`: bars and areas (length encodes value) always include zero.
pub fn scale(ctx: &Ctx, extent: (f64, f64), axis: &AxisSpec, notation: Notation, from_zero: bool, max_ticks: usize) -> Scale {
    let (min, max) = extent;
    let (lo, hi) = if ctx.spec.stacking == Stacking::Percent && from_zero {
        (0.0, 100.0)
    } else if from_zero {
        (min.min(0.0), max.max(0.0))
    } else if min >= 0.0 && min < max * 0.6 {
        // Lines may zoom in, but only when the data sit far from zero.
        (0.0, max)
    } else if max <= 0.0 && max > min * 0.6 {
        (min, 0.0)
    } else {
        (min, max)
    };
    let (lo, hi) = (axis.min.unwrap_or(lo), axis.max.unwrap_or(hi));
    let (lo, hi) = if lo < hi { (lo, hi) } else { (lo.min(hi), lo.max(hi)) };
    let ticks = nice_ticks(lo, hi, max_ticks.clamp(2, 8));
    // Author-fixed ends are kept exactly; ticks outside them are dropped.
    let (lo, hi) = (axis.min.unwrap_or(ticks.min), axis.max.unwrap_or(ticks.max));
    let mut values = Vec::with_capacity(ticks.values.len());
    let mut labels = Vec::with_capacity(ticks.values.len());
    for v in ticks.values {
        if v >= lo - 1e-9 && v <= hi + 1e-9 {
            values.push(v);
            labels.push(tick_label(v, ticks.step, notation));
        }
    }
    Scale { lo, hi, ticks: values, labels }
}

/// The widest tick label of a scale.
pub fn widest_label(ctx: &Ctx, scale: &Scale) -> f32 {
    scale.labels.iter().map(|l| ctx.width(l)).fold(0.0, f32::max)
}
