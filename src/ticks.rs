//! Axis ticks: "nice" numbers for value axes (steps of 1, 2 or 5 × 10ⁿ) and calendar
//! boundaries for time axes (months, quarters, half years, years, decades).

use crate::dates::{PartialDate, Precision};

/// Ticks over a value axis; `min`/`max` are the axis ends (the first and last tick).
#[derive(Debug, Clone, PartialEq)]
pub struct NiceTicks {
    pub values: Vec<f64>,
    pub step: f64,
    pub min: f64,
    pub max: f64,
}

/// At most `max_count` intervals (steps of 1, 2 or 5 × 10ⁿ) covering `[lo, hi]`, ends rounded outward to the step.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> NiceTicks {
    let max_count = max_count.max(1);
    let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        // A single value: give it room on its side of zero.
        if lo == 0.0 {
            hi = 1.0;
        } else if lo > 0.0 {
            lo = 0.0;
        } else {
            hi = 0.0;
        }
    }
    let raw_step = (hi - lo) / max_count as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    // The epsilons keep values that sit on a multiple of the step (0, 80) from rounding outward.
    let ends = |step: f64| ((lo / step + 1e-9).floor(), (hi / step - 1e-9).ceil());
    let mut step = magnitude;
    for factor in [1.0, 2.0, 5.0, 10.0, 20.0] {
        step = factor * magnitude;
        let (first, last) = ends(step);
        if last - first <= max_count as f64 {
            break;
        }
    }
    let (first, last) = ends(step);
    let values: Vec<f64> = (0..=(last - first) as i64).map(|i| clean((first + i as f64) * step, step)).collect();
    NiceTicks { min: values[0], max: *values.last().unwrap_or(&values[0]), values, step }
}

/// Removes float noise (0.30000000000000004 → 0.3) relative to the step.
fn clean(value: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor() + 2.0).clamp(0.0, 15.0) as i32;
    let f = 10f64.powi(digits);
    let v = (value * f).round() / f;
    if v == 0.0 { 0.0 } else { v }
}

/// Calendar intervals, in months, tried from finest to coarsest.
const MONTH_STEPS: [i64; 12] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000];

/// Calendar ticks between two dates, at most `max_count`, never finer than the data.
/// Month ticks fall on months that divide the step (Jan/Apr/Jul/Oct for quarters);
/// year ticks on years that divide it (2020, 2025 for five-year steps).
pub fn time_ticks(first: PartialDate, last: PartialDate, finest: Precision, max_count: usize) -> Vec<PartialDate> {
    let max_count = max_count.max(1);
    let start_month = first.year as i64 * 12 + first.month.unwrap_or(1) as i64 - 1;
    let end_month = last.year as i64 * 12 + last.month.unwrap_or(1) as i64 - 1;
    // A day inside a month puts the first tick at the next month start.
    let start_month = if first.day.is_some_and(|d| d > 1) { start_month + 1 } else { start_month };
    for step in MONTH_STEPS {
        if finest == Precision::Year && step < 12 {
            continue;
        }
        let aligned = start_month + (step - start_month.rem_euclid(step)) % step;
        if aligned > end_month {
            continue;
        }
        let count = (end_month - aligned) / step + 1;
        if count as usize <= max_count {
            return (0..count).map(|i| month_index_to_date(aligned + i * step, step >= 12)).collect();
        }
    }
    vec![first]
}

fn month_index_to_date(index: i64, year_only: bool) -> PartialDate {
    let year = index.div_euclid(12) as i32;
    if year_only {
        PartialDate { year, month: None, day: None }
    } else {
        PartialDate { year, month: Some(index.rem_euclid(12) as u8 + 1), day: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn nice_ticks_cover_the_data_with_round_steps() {
        let t = nice_ticks(0.0, 79.0, 5);
        assert_eq!(t.values, [0.0, 20.0, 40.0, 60.0, 80.0]);
        let t = nice_ticks(0.0, 98_520_000.0, 5);
        assert_eq!(t.step, 2e7);
        assert_eq!(t.max, 1e8);
        let t = nice_ticks(-3.0, 7.0, 5);
        assert_eq!(t.values, [-5.0, 0.0, 5.0, 10.0]);
        for (lo, hi, n) in [(0.0, 1.0, 2), (3.3, 97.1, 5), (-7.0, 7.0, 3), (0.0, 7983.0, 6)] {
            let t = nice_ticks(lo, hi, n);
            assert!(t.values.len() - 1 <= n + 1, "{lo}..{hi} in {n}: {:?}", t.values);
            assert!(t.min <= lo && t.max >= hi);
        }
    }

    #[test]
    fn nice_ticks_survive_degenerate_and_huge_ranges() {
        assert_eq!(nice_ticks(5.0, 5.0, 5).values, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(nice_ticks(-5.0, -5.0, 5).max, 0.0);
        assert_eq!(nice_ticks(0.0, 0.0, 5).min, 0.0);
        let t = nice_ticks(-1e17, 1e17, 4);
        assert!(t.values.len() <= 6 && t.min <= -1e17 && t.max >= 1e17);
        let t = nice_ticks(0.1, 0.3, 2);
        assert_eq!(t.values, [0.1, 0.2, 0.3]);
    }

    #[test]
    fn time_ticks_choose_calendar_steps() {
        let ticks = time_ticks(d("2021-11"), d("2025-07"), Precision::Month, 5);
        assert_eq!(ticks, [d("2022"), d("2023"), d("2024"), d("2025")]);
        let ticks = time_ticks(d("2024-01"), d("2024-12"), Precision::Month, 4);
        assert_eq!(ticks, [d("2024-01"), d("2024-04"), d("2024-07"), d("2024-10")]);
        let ticks = time_ticks(d("1990"), d("2025"), Precision::Year, 5);
        assert_eq!(ticks, [d("1990"), d("2000"), d("2010"), d("2020")]);
        let ticks = time_ticks(d("1991"), d("2025"), Precision::Year, 5);
        assert_eq!(ticks, [d("2000"), d("2010"), d("2020")]);
    }
}
