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
    let magnitude = crate::math::pow10(crate::math::decimal_exponent(raw_step));
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
    let mut values = Vec::new();
    for i in 0..=(last - first) as i64 {
        values.push(clean((first + i as f64) * step, step));
    }
    NiceTicks { min: values[0], max: *values.last().unwrap_or(&values[0]), values, step }
}

/// Removes float noise (0.30000000000000004 → 0.3) relative to the step.
fn clean(value: f64, step: f64) -> f64 {
    let digits = (2 - crate::math::decimal_exponent(step)).clamp(0, 15);
    let f = 10f64.powi(digits);
    let v = (value * f).round() / f;
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

/// Calendar intervals, in months, tried from finest to coarsest.
const MONTH_STEPS: [i64; 12] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000];

/// Calendar ticks between two dates, at most `max_count`, never finer than the data:
/// `finest` is the coarsest precision among the data (`Precision` orders coarser as greater).
///
/// - Days and months: month ticks on months that divide the step (Jan/Apr/Jul/Oct for
///   quarters), then years.
/// - Quarters: every quarter or every second quarter (Q1 and Q3), as quarter dates
///   (`2025年1～3月期`), then years.
/// - Fiscal years: fiscal-year ticks on 1 April (`2024年度`), every 1, 2, 5, 10… years on
///   fiscal years that divide the step.
/// - Years: years that divide the step (2020, 2025 for five-year steps).
pub fn time_ticks(first: PartialDate, last: PartialDate, finest: Precision, max_count: usize) -> Vec<PartialDate> {
    let max_count = max_count.max(1);
    if finest == Precision::FiscalYear {
        return fiscal_year_ticks(first, last, max_count);
    }
    let start_month = first.year as i64 * 12 + first.month.unwrap_or(1) as i64 - 1;
    let end_month = last.year as i64 * 12 + last.month.unwrap_or(1) as i64 - 1;
    // A day inside a month puts the first tick at the next month start.
    let start_month = if first.day.is_some_and(|d| d > 1) { start_month + 1 } else { start_month };
    for step in MONTH_STEPS {
        let too_fine = match finest {
            Precision::Year => step < 12,
            Precision::Quarter => step % 3 != 0,
            _ => false,
        };
        if too_fine {
            continue;
        }
        let aligned = start_month + (step - start_month.rem_euclid(step)) % step;
        if aligned > end_month {
            continue;
        }
        let count = (end_month - aligned) / step + 1;
        if count as usize <= max_count {
            let quarters = finest == Precision::Quarter;
            let mut ticks = Vec::with_capacity(count as usize);
            for i in 0..count {
                ticks.push(month_index_to_date(aligned + i * step, step >= 12, quarters));
            }
            return ticks;
        }
    }
    vec![first]
}

/// Fiscal years whose 1 April lies between the dates, every 1, 2, 5, 10… years.
fn fiscal_year_ticks(first: PartialDate, last: PartialDate, max_count: usize) -> Vec<PartialDate> {
    let containing = |d: PartialDate| d.truncated(Precision::FiscalYear).year;
    let start = containing(first) + i32::from(PartialDate::fiscal_year(containing(first)).day_number() < first.day_number());
    let end = containing(last);
    for step in MONTH_STEPS.iter().filter(|s| **s >= 12).map(|s| (s / 12) as i32) {
        let aligned = start + (step - start.rem_euclid(step)) % step;
        if aligned > end {
            continue;
        }
        let count = (end - aligned) / step + 1;
        if count as usize <= max_count {
            let mut ticks = Vec::with_capacity(count as usize);
            for i in 0..count {
                ticks.push(PartialDate::fiscal_year(aligned + i * step));
            }
            return ticks;
        }
    }
    vec![first]
}

fn month_index_to_date(index: i64, year_only: bool, quarters: bool) -> PartialDate {
    let year = index.div_euclid(12) as i32;
    let month = index.rem_euclid(12) as u8 + 1;
    match (year_only, quarters) {
        (true, _) => PartialDate::from_year(year),
        (false, true) => PartialDate::quarter(year, (month - 1) / 3 + 1).unwrap_or(PartialDate::from_month(year, month)),
        (false, false) => PartialDate::from_month(year, month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Locale;

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

    #[test]
    fn quarter_data_gets_quarter_or_year_ticks() {
        // (first, last, max_count, ticks)
        let cases: &[(&str, &str, usize, &[&str])] = &[
            ("2024-Q1", "2024-Q4", 4, &["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]),
            ("2024-Q1", "2024-Q4", 3, &["2024-Q1", "2024-Q3"]),
            ("2023-Q2", "2025-Q1", 4, &["2023-Q3", "2024-Q1", "2024-Q3", "2025-Q1"]),
            ("2023-Q2", "2025-Q1", 3, &["2024", "2025"]),
            ("2015Q1", "2025Q2", 6, &["2016", "2018", "2020", "2022", "2024"]),
            ("2024-Q3", "2024-Q3", 1, &["2024-Q3"]),
        ];
        for &(a, b, n, want) in cases {
            let want: Vec<PartialDate> = want.iter().map(|s| d(s)).collect();
            assert_eq!(time_ticks(d(a), d(b), Precision::Quarter, n), want, "{a}..{b} in {n}");
        }
        // Quarter ticks print as quarters, never as single months.
        let labels: Vec<String> =
            time_ticks(d("2024-Q1"), d("2024-Q4"), Precision::Quarter, 3).iter().map(|t| t.label(Locale::Ja)).collect();
        assert_eq!(labels, ["2024年1～3月期", "2024年7～9月期"]);
    }

    #[test]
    fn fiscal_year_data_gets_ticks_on_the_first_of_april() {
        let cases: &[(&str, &str, usize, &[&str])] = &[
            ("2020年度", "2024年度", 5, &["FY2020", "FY2021", "FY2022", "FY2023", "FY2024"]),
            ("2020年度", "2024年度", 3, &["FY2020", "FY2022", "FY2024"]),
            ("2001年度", "2024年度", 5, &["FY2005", "FY2010", "FY2015", "FY2020"]),
            ("1989年度", "2024年度", 4, &["FY1990", "FY2000", "FY2010", "FY2020"]),
            // Months mixed with fiscal years: ticks still at April boundaries inside the data.
            ("2021-07", "2024年度", 5, &["FY2022", "FY2023", "FY2024"]),
            ("2021-04-01", "2023-03", 5, &["FY2021", "FY2022"]),
        ];
        for &(a, b, n, want) in cases {
            let want: Vec<PartialDate> = want.iter().map(|s| d(s)).collect();
            let got = time_ticks(d(a), d(b), Precision::FiscalYear, n);
            assert_eq!(got, want, "{a}..{b} in {n}");
            for t in &got {
                assert_eq!(t.day_number(), PartialDate::from_day(t.year, 4, 1).unwrap().day_number());
                assert!(t.day_number() >= d(a).day_number() && t.day_number() <= d(b).day_number());
            }
        }
        let labels: Vec<String> =
            time_ticks(d("FY2023"), d("FY2024"), Precision::FiscalYear, 5).iter().map(|t| t.label(Locale::Ja)).collect();
        assert_eq!(labels, ["2023年度", "2024年度"]);
    }

    #[test]
    fn fiscal_years_mixed_with_calendar_years_get_calendar_ticks() {
        let data = [d("2022年度"), d("2025")];
        let coarsest = data.iter().map(PartialDate::precision).max().unwrap();
        assert_eq!(time_ticks(data[0], data[1], coarsest, 5), [d("2023"), d("2024"), d("2025")]);
    }
}
