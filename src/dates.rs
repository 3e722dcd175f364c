//! Dates as indicator data writes them: a year (`2025`, `2025年`), a month (`2025-07`,
//! `2025年7月`), a day (`2025-07-31`, `2025年7月31日`), a calendar quarter (`2025-Q1`, `2025Q1`)
//! or a Japanese fiscal year (`2024年度`, `FY2024`: April 2024 – March 2025). Each is placed on a
//! continuous day scale at the first day of its period, so that uneven gaps between
//! observations are drawn to scale, and printed in the reader's language (`2025年7月` /
//! `Jul 2025`), optionally with the Japanese era (「令和7（2025）年7月」).

use crate::locale::Locale;

/// A date given to day, month, quarter, year or fiscal-year precision.
///
/// `month` and `day` are those of the period's first day where the period has one:
/// a quarter keeps the first month of the quarter (`2025-Q2` → `month: Some(4)`), a fiscal year
/// keeps April (`FY2024` → `year: 2024, month: Some(4)`). Use [`PartialDate::precision`] rather than
/// the fields to tell the kinds apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub period: Period,
}

/// What span of time a [`PartialDate`] names, besides its precision on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Period {
    /// A calendar day, month or year (which one: `month` and `day`).
    #[default]
    Calendar,
    /// A calendar quarter, January–March first; `month` is its first month (1, 4, 7 or 10).
    Quarter,
    /// A Japanese fiscal year (年度), April to March; `year` is the year of its April.
    FiscalYear,
}

/// How precise a date is; ticks and labels use the coarsest precision of the data
/// (`dates.iter().map(PartialDate::precision).max()`), so coarser is greater:
/// `Day < Month < Quarter < FiscalYear < Year`.
///
/// A fiscal year and a calendar year are equally long. `Year` ranks above `FiscalYear` so
/// that data mixing the two gets calendar ticks (`2024年` on 1 January), the reading every
/// reader shares; data of fiscal years alone gets fiscal ticks (`2024年度` on 1 April).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    FiscalYear,
    Year,
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl PartialDate {
    /// A calendar year.
    pub const fn from_year(year: i32) -> PartialDate {
        PartialDate { year, month: None, day: None, period: Period::Calendar }
    }

    /// A calendar month (1–12; not checked).
    pub const fn from_month(year: i32, month: u8) -> PartialDate {
        PartialDate { year, month: Some(month), day: None, period: Period::Calendar }
    }

    /// A day, if it exists in the proleptic Gregorian calendar.
    pub fn from_day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
            period: Period::Calendar,
        })
    }

    /// Calendar quarter `quarter` (1–4) of `year`.
    pub fn quarter(year: i32, quarter: u8) -> Option<PartialDate> {
        (1..=4).contains(&quarter).then(|| PartialDate { year, month: Some(quarter * 3 - 2), day: None, period: Period::Quarter })
    }

    /// Fiscal year `year` (年度): April of `year` to March of `year + 1`.
    pub const fn fiscal_year(year: i32) -> PartialDate {
        PartialDate { year, month: Some(4), day: None, period: Period::FiscalYear }
    }

    /// Every text parsed, when every one is a date (a time axis); `None` otherwise.
    /// One shared loop: axis, table and KPI each collecting into `Option<Vec<_>>` would be
    /// three copies of std's fallible-collect code in the wasm.
    pub fn parse_all(texts: &[String]) -> Option<Vec<PartialDate>> {
        let mut out = Vec::with_capacity(texts.len());
        for text in texts {
            out.push(PartialDate::parse(text)?);
        }
        Some(out)
    }

    /// Parses every form of docs/spec.md "Dates" (years 1000–9999); anything else is `None`:
    /// `2025`, `2025-07`, `2025-07-31` (two-digit month and day), `2025年`, `2025年7月`,
    /// `2025年7月31日` (one or two digits), `2025-Q1`, `2025Q1`, `2024年度`, `FY2024`.
    /// Digits are ASCII; no spaces are allowed.
    pub fn parse(text: &str) -> Option<PartialDate> {
        // The common form first, byte by byte: `2025-07-31` and `2025-07` (long series are
        // mostly these, a million of them parsed per chart).
        if let [y0, y1, y2, y3, b'-', m0, m1, rest @ ..] = text.as_bytes() {
            let n = |ds: &[u8]| ds.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32));
            if let (Some(year @ 1000..), Some(month @ 1..=12)) = (n(&[*y0, *y1, *y2, *y3]), n(&[*m0, *m1])) {
                match rest {
                    [] => return Some(PartialDate::from_month(year as i32, month as u8)),
                    [b'-', d0, d1] => return PartialDate::from_day(year as i32, month as u8, n(&[*d0, *d1])? as u8),
                    _ => {}
                }
            }
        }
        if let Some(year) = text.strip_prefix("FY") {
            return parse_year(year).map(PartialDate::fiscal_year);
        }
        if let Some(year) = text.strip_suffix("年度") {
            return parse_year(year).map(PartialDate::fiscal_year);
        }
        if let Some((year, q)) = text.split_once('Q') {
            let year = year.strip_suffix('-').unwrap_or(year);
            let q = parse_digits(q, 1..=1)?;
            return PartialDate::quarter(parse_year(year)?, u8::try_from(q).ok()?);
        }
        if text.chars().any(|c| c == '年') {
            return parse_japanese(text);
        }
        let mut parts = text.split('-');
        let year = parse_year(parts.next()?)?;
        let month = match parts.next() {
            None => return Some(PartialDate::from_year(year)),
            Some(m) => parse_digits(m, 2..=2).filter(|m| (1..=12).contains(m))? as u8,
        };
        let date = match parts.next() {
            None => PartialDate::from_month(year, month),
            Some(d) => PartialDate::from_day(year, month, u8::try_from(parse_digits(d, 2..=2)?).ok()?)?,
        };
        parts.next().is_none().then_some(date)
    }

    /// The next day of a day date (other precisions come back unchanged).
    pub fn next_day(&self) -> PartialDate {
        let (Some(month), Some(day)) = (self.month, self.day) else { return *self };
        if day < days_in_month(self.year, month) {
            PartialDate { day: Some(day + 1), ..*self }
        } else if month < 12 {
            PartialDate { month: Some(month + 1), day: Some(1), ..*self }
        } else {
            PartialDate { year: self.year + 1, month: Some(1), day: Some(1), ..*self }
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.period, self.month, self.day) {
            (Period::Quarter, _, _) => Precision::Quarter,
            (Period::FiscalYear, _, _) => Precision::FiscalYear,
            (Period::Calendar, _, Some(_)) => Precision::Day,
            (Period::Calendar, Some(_), None) => Precision::Month,
            (Period::Calendar, None, None) => Precision::Year,
        }
    }

    /// Calendar quarter number (1–4) of a quarter date.
    pub fn quarter_number(&self) -> Option<u8> {
        match self.period {
            Period::Quarter => Some((self.month.unwrap_or(1) - 1) / 3 + 1),
            _ => None,
        }
    }

    /// Days since 1970-01-01 of the first day of the period (FY2024 → 2024-04-01,
    /// 2025-Q2 → 2025-04-01).
    pub fn day_number(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of the last day of the period (FY2024 → 2025-03-31).
    pub fn last_day_number(&self) -> i64 {
        match self.months() {
            0 => self.day_number(),
            months => self.add_months(months as i64).day_number() - 1,
        }
    }

    /// Whether the period contains the day `day_number` (days since 1970-01-01).
    pub fn contains_day(&self, day_number: i64) -> bool {
        (self.day_number()..=self.last_day_number()).contains(&day_number)
    }

    /// The length of the period in months; 0 for a day.
    fn months(&self) -> u8 {
        match self.precision() {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Quarter => 3,
            Precision::FiscalYear | Precision::Year => 12,
        }
    }

    /// The date in the reader's language, to its own precision:
    /// `2025年`, `2025年7月`, `2025年7月31日`, `2025年1～3月期`, `2024年度` /
    /// `2025`, `Jul 2025`, `31 Jul 2025`, `Q1 2025`, `FY2024`.
    pub fn label(&self, locale: Locale) -> String {
        self.label_with(locale, false)
    }

    /// The date with the Japanese era in front of the Western year (`era` in the spec):
    /// 「令和7（2025）年」, 「令和7（2025）年7月」, 「令和6（2024）年度」, 「令和元（2019）年」.
    /// English labels have no era; dates before 1873 (the Gregorian calendar in Japan) neither.
    pub fn label_era(&self, locale: Locale) -> String {
        self.label_with(locale, true)
    }

    /// [`label`](Self::label) or [`label_era`](Self::label_era).
    pub fn label_with(&self, locale: Locale, era: bool) -> String {
        let month = self.month.unwrap_or(1);
        if locale == Locale::En {
            return match self.precision() {
                Precision::Year => format!("{}", self.year),
                Precision::FiscalYear => format!("FY{}", self.year),
                Precision::Quarter => format!("Q{} {}", self.quarter_number().unwrap_or(1), self.year),
                Precision::Month => format!("{} {}", MONTHS_EN[month as usize - 1], self.year),
                Precision::Day => format!("{} {} {}", self.day.unwrap_or(1), MONTHS_EN[month as usize - 1], self.year),
            };
        }
        let year = match self.era().filter(|_| era) {
            Some((name, 1)) => format!("{name}元（{}）年", self.year),
            Some((name, n)) => format!("{name}{n}（{}）年", self.year),
            None => format!("{}年", self.year),
        };
        match self.precision() {
            Precision::Year => year,
            Precision::FiscalYear => format!("{year}度"),
            Precision::Quarter => format!("{year}{}～{}月期", month, month + 2),
            Precision::Month => format!("{year}{month}月"),
            Precision::Day => format!("{year}{month}月{}日", self.day.unwrap_or(1)),
        }
    }

    /// The Japanese era of the period and the era's year number (1 is 元年): the era that
    /// covers most of the period's days, the later one on a tie. So 2019 is 令和元年
    /// (May–December), 2019年4月 is 平成31年4月, 1989年1月 is 平成元年1月 (24 of 31 days), and
    /// fiscal year 2019 is 令和元年度 and 1988 昭和63年度, as official documents write them.
    /// A fiscal year is numbered by the year of its April. `None` before 1873.
    pub fn era(&self) -> Option<(&'static str, i32)> {
        if self.before_gregorian() {
            return None;
        }
        let (first, last) = (self.day_number(), self.last_day_number());
        let mut best: Option<(i64, usize)> = None;
        for (i, era) in ERAS.iter().enumerate() {
            let start = days_from_civil(era.1, era.2, era.3);
            let end = if i == 0 { i64::MAX } else { days_from_civil(ERAS[i - 1].1, ERAS[i - 1].2, ERAS[i - 1].3) - 1 };
            let overlap = last.min(end) - first.max(start) + 1;
            // ERAS runs newest first, so `>` keeps the later era on a tie.
            if overlap > 0 && best.map_or(true, |(days, _)| overlap > days) {
                best = Some((overlap, i));
            }
        }
        best.map(|(_, i)| (ERAS[i].0, self.year - ERAS[i].1 + 1))
    }

    /// The same date cut to a coarser precision: the period of that precision that contains
    /// this one's first day (2025-02-15 → 2025-Q1, 2025-02 → FY2024, FY2024 → 2024). A
    /// precision finer than the date's own leaves it as it is.
    pub fn truncated(&self, precision: Precision) -> PartialDate {
        if precision <= self.precision() {
            return *self;
        }
        let month = self.month.unwrap_or(1);
        match precision {
            Precision::Day => *self,
            Precision::Month => PartialDate::from_month(self.year, month),
            Precision::Quarter => PartialDate { year: self.year, month: Some((month - 1) / 3 * 3 + 1), day: None, period: Period::Quarter },
            Precision::FiscalYear => PartialDate::fiscal_year(if month >= 4 { self.year } else { self.year - 1 }),
            Precision::Year => PartialDate::from_year(self.year),
        }
    }

    /// The first day of the month `months` after this date's (first) month, as a month.
    pub fn add_months(&self, months: i64) -> PartialDate {
        let index = self.year as i64 * 12 + self.month.unwrap_or(1) as i64 - 1 + months;
        PartialDate::from_month(index.div_euclid(12) as i32, index.rem_euclid(12) as u8 + 1)
    }
}

/// Japanese eras from the adoption of the Gregorian calendar (明治6年 = 1873), newest first:
/// name and first day. 明治 is counted from 1868 but used here only from 1873-01-01.
const ERAS: [(&str, i32, u8, u8); 5] =
    [("令和", 2019, 5, 1), ("平成", 1989, 1, 8), ("昭和", 1926, 12, 25), ("大正", 1912, 7, 30), ("明治", 1868, 1, 1)];
const GREGORIAN_IN_JAPAN: (i32, u8, u8) = (1873, 1, 1);

/// A category written with a Japanese era year, rewritten with the Western year so that it
/// parses as a date: `令和6年度` → `2024年度`, `平成31年3月` → `2019年3月`, `令和元年` → `2019年`,
/// `令和7（2025）年` → `2025年`. Tables published as CSV often write years this way; the chart
/// prints them back with the era when `era` is on. `None` when `text` does not start with an era.
pub fn western_from_era(text: &str) -> Option<String> {
    let (start, rest) = ERAS.iter().find_map(|era| text.strip_prefix(era.0).map(|rest| (era.1, rest)))?;
    // Full-width digits (「令和３年１１月」) as ASCII.
    let rest: String = rest.chars().map(ascii_digit).collect();
    let (number, rest) = rest.split_once('年')?;
    // 「令和7（2025）年」 already says the Western year in brackets.
    let number = number.split_once('（').map_or(number, |(n, _)| n);
    let year = if number == "元" { 1 } else { parse_digits(number, 1..=2)? as i32 };
    Some(format!("{}年{rest}", start + year - 1))
}

/// A full-width digit (`０`–`９`) as its ASCII digit; any other character as it is.
pub(crate) fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

impl PartialDate {
    fn before_gregorian(&self) -> bool {
        self.day_number() < days_from_civil(GREGORIAN_IN_JAPAN.0, GREGORIAN_IN_JAPAN.1, GREGORIAN_IN_JAPAN.2)
    }
}

/// `2025年`, `2025年7月`, `2025年7月31日`: one or two digits for month and day.
/// 「2024年4月末」 (月末, as statistics write a month-end 時点) is that month.
fn parse_japanese(text: &str) -> Option<PartialDate> {
    let text = text.strip_suffix("末").filter(|t| t.ends_with('月')).unwrap_or(text);
    let (year, rest) = text.split_once('年')?;
    let year = parse_year(year)?;
    if rest.is_empty() {
        return Some(PartialDate::from_year(year));
    }
    let (month, rest) = rest.split_once('月')?;
    let month = parse_digits(month, 1..=2).filter(|m| (1..=12).contains(m))? as u8;
    if rest.is_empty() {
        return Some(PartialDate::from_month(year, month));
    }
    let day = parse_digits(rest.strip_suffix('日')?, 1..=2)?;
    PartialDate::from_day(year, month, u8::try_from(day).ok()?)
}

fn parse_year(text: &str) -> Option<i32> {
    parse_digits(text, 4..=4).filter(|y| *y >= 1000).map(|y| y as i32)
}

#[allow(clippy::disallowed_methods)] // an integer parse: no float tables
pub(crate) fn parse_digits(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if !len.contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
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

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    /// Days since 1970-01-01 of an ISO day, for expectations.
    fn day(s: &str) -> i64 {
        d(s).day_number()
    }

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
    fn every_written_form_of_the_spec() {
        let cases: &[(&str, PartialDate, Precision)] = &[
            ("2025", PartialDate::from_year(2025), Precision::Year),
            ("2025年", PartialDate::from_year(2025), Precision::Year),
            ("2025-07", PartialDate::from_month(2025, 7), Precision::Month),
            ("2025年7月", PartialDate::from_month(2025, 7), Precision::Month),
            ("2025年07月", PartialDate::from_month(2025, 7), Precision::Month),
            ("2024年4月末", PartialDate::from_month(2024, 4), Precision::Month),
            ("2025-07-31", PartialDate::from_day(2025, 7, 31).unwrap(), Precision::Day),
            ("2025年7月31日", PartialDate::from_day(2025, 7, 31).unwrap(), Precision::Day),
            ("2024年2月29日", PartialDate::from_day(2024, 2, 29).unwrap(), Precision::Day),
            ("2025-Q1", PartialDate::quarter(2025, 1).unwrap(), Precision::Quarter),
            ("2025Q1", PartialDate::quarter(2025, 1).unwrap(), Precision::Quarter),
            ("2025-Q4", PartialDate::quarter(2025, 4).unwrap(), Precision::Quarter),
            ("2024年度", PartialDate::fiscal_year(2024), Precision::FiscalYear),
            ("FY2024", PartialDate::fiscal_year(2024), Precision::FiscalYear),
        ];
        for (text, want, precision) in cases {
            let got = PartialDate::parse(text);
            assert_eq!(got, Some(*want), "{text}");
            assert_eq!(got.unwrap().precision(), *precision, "{text}");
        }
    }

    #[test]
    fn rejects_near_misses_of_the_new_forms() {
        for bad in [
            "2025-Q0",
            "2025-Q5",
            "2025-Q",
            "2025-q1",
            "2025 Q1",
            "2025-Q01",
            "25Q1",
            "Q1 2025",
            "2025--Q1",
            "FY24",
            "FY 2024",
            "fy2024",
            "FY2024年度",
            "24年度",
            "２０２４年度",
            "2024年度度",
            "2025年13月",
            "2025年0月",
            "2025年7",
            "2025年7月31",
            "2023年2月29日",
            "2025年7月32日",
            "2025年123月",
            "2025年7月1日x",
            "年",
            "2025年 7月",
            "令和7年",
        ] {
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
    fn periods_span_their_real_boundaries() {
        // (date, first day, last day, length in days)
        let cases: &[(&str, &str, &str, i64)] = &[
            ("2024年度", "2024-04-01", "2025-03-31", 365),
            ("FY2023", "2023-04-01", "2024-03-31", 366), // contains 2024-02-29
            ("2025-Q1", "2025-01-01", "2025-03-31", 90),
            ("2024-Q1", "2024-01-01", "2024-03-31", 91), // leap year
            ("2025-Q2", "2025-04-01", "2025-06-30", 91),
            ("2025-Q3", "2025-07-01", "2025-09-30", 92),
            ("2025-Q4", "2025-10-01", "2025-12-31", 92),
            ("2024", "2024-01-01", "2024-12-31", 366),
            ("1900", "1900-01-01", "1900-12-31", 365),   // not a leap year
            ("2000-02", "2000-02-01", "2000-02-29", 29), // leap century
            ("2100-02", "2100-02-01", "2100-02-28", 28),
            ("2025-07-31", "2025-07-31", "2025-07-31", 1),
        ];
        for &(text, first, last, len) in cases {
            let p = d(text);
            assert_eq!(p.day_number(), day(first), "{text} starts {first}");
            assert_eq!(p.last_day_number(), day(last), "{text} ends {last}");
            assert_eq!(p.last_day_number() - p.day_number() + 1, len, "{text}");
            assert!(p.contains_day(day(first)) && p.contains_day(day(last)));
            assert!(!p.contains_day(day(first) - 1) && !p.contains_day(day(last) + 1));
        }
    }

    #[test]
    fn labels_in_both_languages() {
        let cases: &[(&str, &str, &str)] = &[
            ("2025", "2025年", "2025"),
            ("2025年", "2025年", "2025"),
            ("2025-07", "2025年7月", "Jul 2025"),
            ("2025年07月", "2025年7月", "Jul 2025"),
            ("2025-09-05", "2025年9月5日", "5 Sep 2025"),
            ("2025-Q1", "2025年1～3月期", "Q1 2025"),
            ("2025Q2", "2025年4～6月期", "Q2 2025"),
            ("2025-Q3", "2025年7～9月期", "Q3 2025"),
            ("2025-Q4", "2025年10～12月期", "Q4 2025"),
            ("2024年度", "2024年度", "FY2024"),
            ("FY2024", "2024年度", "FY2024"),
        ];
        for &(text, ja, en) in cases {
            assert_eq!(d(text).label(Locale::Ja), ja, "{text}");
            assert_eq!(d(text).label(Locale::En), en, "{text}");
            assert_eq!(d(text).label_era(Locale::En), en, "English has no era: {text}");
            if !ja.contains('～') {
                assert_eq!(PartialDate::parse(ja), Some(d(text)), "{ja} is also an input form");
            }
        }
    }

    #[test]
    fn era_years_read_as_western_years() {
        assert_eq!(western_from_era("令和6年度").as_deref(), Some("2024年度"));
        assert_eq!(western_from_era("平成31年3月").as_deref(), Some("2019年3月"));
        assert_eq!(western_from_era("令和元年").as_deref(), Some("2019年"));
        assert_eq!(western_from_era("令和7（2025）年").as_deref(), Some("2025年"));
        assert_eq!(western_from_era("昭和64年1月").as_deref(), Some("1989年1月"));
        assert_eq!(western_from_era("2024年度"), None);
        assert_eq!(western_from_era("令和"), None);
        assert_eq!(western_from_era("令和x年"), None);
        assert_eq!(western_from_era("令和３年１１月").as_deref(), Some("2021年11月"));
    }

    #[test]
    fn era_labels_switch_on_the_real_days() {
        let cases: &[(&str, &str)] = &[
            ("2025", "令和7（2025）年"),
            ("2025-07", "令和7（2025）年7月"),
            ("2025-07-31", "令和7（2025）年7月31日"),
            ("2024年度", "令和6（2024）年度"),
            ("2025-Q1", "令和7（2025）年1～3月期"),
            // 2019: 令和 from 1 May; the year and its fiscal year are 令和元.
            ("2019", "令和元（2019）年"),
            ("FY2019", "令和元（2019）年度"),
            ("2019-04", "平成31（2019）年4月"),
            ("2019-04-30", "平成31（2019）年4月30日"),
            ("2019-05", "令和元（2019）年5月"),
            ("2019-05-01", "令和元（2019）年5月1日"),
            ("2019-Q1", "平成31（2019）年1～3月期"),
            ("2019-Q2", "令和元（2019）年4～6月期"), // 61 of 91 days are 令和
            ("2020", "令和2（2020）年"),
            ("FY2018", "平成30（2018）年度"),
            // 1989: 平成 from 8 January.
            ("1989-01-07", "昭和64（1989）年1月7日"),
            ("1989-01-08", "平成元（1989）年1月8日"),
            ("1989-01", "平成元（1989）年1月"),
            ("1989", "平成元（1989）年"),
            ("FY1988", "昭和63（1988）年度"),
            ("FY1989", "平成元（1989）年度"),
            ("1988-12", "昭和63（1988）年12月"),
            ("1988-02-29", "昭和63（1988）年2月29日"),
            // 昭和 from 25 December 1926: the year 1926 is mostly 大正15年.
            ("1926", "大正15（1926）年"),
            ("1926-12-25", "昭和元（1926）年12月25日"),
            ("1927", "昭和2（1927）年"),
            ("1912-07-30", "大正元（1912）年7月30日"),
            ("1873", "明治6（1873）年"),
            // No era before the Gregorian calendar reached Japan.
            ("1872", "1872年"),
            ("1800-01", "1800年1月"),
        ];
        for &(text, want) in cases {
            assert_eq!(d(text).label_era(Locale::Ja), want, "{text}");
            assert_eq!(d(text).label_with(Locale::Ja, true), want, "{text}");
        }
        assert_eq!(d("2019").label_with(Locale::Ja, false), "2019年");
    }

    #[test]
    fn precision_orders_coarser_as_greater() {
        use Precision::*;
        assert!(Day < Month && Month < Quarter && Quarter < FiscalYear && FiscalYear < Year);
        let data = [d("2024-07"), d("2024年度"), d("2025-Q1")];
        assert_eq!(data.iter().map(PartialDate::precision).max(), Some(FiscalYear));
        let mixed = [d("2024年度"), d("2025")];
        assert_eq!(mixed.iter().map(PartialDate::precision).max(), Some(Year));
    }

    #[test]
    fn truncation_finds_the_containing_period() {
        let cases: &[(&str, Precision, PartialDate)] = &[
            ("2025-02-15", Precision::Month, PartialDate::from_month(2025, 2)),
            ("2025-02-15", Precision::Quarter, PartialDate::quarter(2025, 1).unwrap()),
            ("2025-06", Precision::Quarter, PartialDate::quarter(2025, 2).unwrap()),
            ("2025-03-31", Precision::FiscalYear, PartialDate::fiscal_year(2024)),
            ("2025-04-01", Precision::FiscalYear, PartialDate::fiscal_year(2025)),
            ("2025-Q1", Precision::FiscalYear, PartialDate::fiscal_year(2024)),
            ("2025-Q2", Precision::FiscalYear, PartialDate::fiscal_year(2025)),
            ("FY2024", Precision::Year, PartialDate::from_year(2024)),
            ("2025-Q3", Precision::Year, PartialDate::from_year(2025)),
            // Never finer than the date itself.
            ("2025", Precision::Month, PartialDate::from_year(2025)),
            ("2025-Q3", Precision::Month, PartialDate::quarter(2025, 3).unwrap()),
            ("FY2024", Precision::Quarter, PartialDate::fiscal_year(2024)),
            ("2025", Precision::FiscalYear, PartialDate::from_year(2025)),
        ];
        for (text, precision, want) in cases {
            assert_eq!(d(text).truncated(*precision), *want, "{text} to {precision:?}");
        }
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d0 = PartialDate::parse("2024-11").unwrap();
        assert_eq!(d0.add_months(3), PartialDate::parse("2025-02").unwrap());
        assert_eq!(d0.add_months(-11), PartialDate::parse("2023-12").unwrap());
        assert_eq!(d("FY2024").add_months(12), d("2025-04"));
        assert_eq!(d("2025-Q4").add_months(3), d("2026-01"));
    }

    #[test]
    fn dates_sort_by_their_first_day() {
        let mut dates = vec![d("2025"), d("2024年度"), d("2024-Q1"), d("2024-03-31"), d("2024")];
        dates.sort();
        assert_eq!(dates, [d("2024"), d("2024-Q1"), d("2024-03-31"), d("2024年度"), d("2025")]);
    }
}
