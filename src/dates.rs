//! Dates as indicator data writes them: a year (`2025`), a month (`2025-07`) or a day
//! (`2025-07-31`). Each is placed on a continuous day scale so that uneven gaps between
//! observations are drawn to scale, and printed in the reader's language
//! (`2025年7月` / `Jul 2025`).

use crate::locale::Locale;

/// A date given to year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precise a date is; ticks and labels use the coarsest precision of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Day,
    Month,
    Year,
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1000–9999); anything else is `None`.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        if year < 1000 {
            return None;
        }
        let month = match parts.next() {
            None => return Some(PartialDate { year: year as i32, month: None, day: None }),
            Some(m) => parse_digits(m, 2).filter(|m| (1..=12).contains(m))? as u8,
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(parse_digits(d, 2).filter(|d| *d >= 1 && *d <= days_in_month(year as i32, month) as u32)? as u8),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year: year as i32, month: Some(month), day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Days since 1970-01-01 of the first day of the period.
    pub fn day_number(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The date in the reader's language, to its own precision.
    pub fn label(&self, locale: Locale) -> String {
        match (locale, self.month, self.day) {
            (Locale::Ja, None, _) => format!("{}年", self.year),
            (Locale::Ja, Some(m), None) => format!("{}年{}月", self.year, m),
            (Locale::Ja, Some(m), Some(d)) => format!("{}年{}月{}日", self.year, m, d),
            (Locale::En, None, _) => format!("{}", self.year),
            (Locale::En, Some(m), None) => format!("{} {}", MONTHS_EN[m as usize - 1], self.year),
            (Locale::En, Some(m), Some(d)) => format!("{} {} {}", d, MONTHS_EN[m as usize - 1], self.year),
        }
    }

    /// The same date cut to a coarser precision.
    pub fn truncated(&self, precision: Precision) -> PartialDate {
        match precision {
            Precision::Day => *self,
            Precision::Month => PartialDate { day: None, ..*self },
            Precision::Year => PartialDate { year: self.year, month: None, day: None },
        }
    }

    /// The first day of the month `months` after this date's month.
    pub fn add_months(&self, months: i64) -> PartialDate {
        let index = self.year as i64 * 12 + self.month.unwrap_or(1) as i64 - 1 + months;
        PartialDate { year: index.div_euclid(12) as i32, month: Some(index.rem_euclid(12) as u8 + 1), day: None }
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year as i64 - 1 } else { year as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions_and_rejects_the_rest() {
        assert_eq!(PartialDate::parse("2025").unwrap().precision(), Precision::Year);
        assert_eq!(PartialDate::parse("2025-07").unwrap().precision(), Precision::Month);
        assert_eq!(PartialDate::parse("2024-02-29").unwrap().precision(), Precision::Day);
        for bad in ["2023-02-29", "2025-13", "2025-7", "25", "2025-07-31-1", "２０２５", "abcd", "", "0999", "2025-00"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_follow_the_calendar() {
        assert_eq!(PartialDate::parse("1970-01-01").unwrap().day_number(), 0);
        assert_eq!(PartialDate::parse("2000-03-01").unwrap().day_number(), 11_017);
        let a = PartialDate::parse("2024-02").unwrap().day_number();
        let b = PartialDate::parse("2024-03").unwrap().day_number();
        assert_eq!(b - a, 29, "leap February");
    }

    #[test]
    fn labels_in_both_languages() {
        let d = PartialDate::parse("2025-07").unwrap();
        assert_eq!(d.label(Locale::Ja), "2025年7月");
        assert_eq!(d.label(Locale::En), "Jul 2025");
        assert_eq!(PartialDate::parse("2025-09-05").unwrap().label(Locale::Ja), "2025年9月5日");
        assert_eq!(PartialDate::parse("2021").unwrap().label(Locale::En), "2021");
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = PartialDate::parse("2024-11").unwrap();
        assert_eq!(d.add_months(3), PartialDate::parse("2025-02").unwrap());
        assert_eq!(d.add_months(-11), PartialDate::parse("2023-12").unwrap());
    }
}
