//! Numbers the way Japanese statistics print them: Arabic digits with comma grouping and
//! the myriad units 万 (10⁴), 億 (10⁸), 兆 (10¹²), 京 (10¹⁶) — `9,852万`, `3.86億` — and
//! the Western k/M/B forms for English pages. 千 and 百 are never used as units.

use crate::locale::Locale;

/// The typographic minus: screen readers say "minus", and it lines up with the digits.
const MINUS: char = '\u{2212}';

/// How large numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    /// 万/億/兆/京: `9,852万` (Japanese).
    Myriad,
    /// k/M/B/T: `98.52M` (English).
    Western,
    /// Grouped digits only: `9,852` — when the unit already carries the scale (万枚, 千人,
    /// 百万円, million yen), where `1万` would read as 1万万枚.
    Plain,
}

impl Notation {
    /// The notation for a locale and a chart's unit.
    pub fn for_unit(locale: Locale, unit: Option<&str>) -> Notation {
        let unit = unit.unwrap_or("").trim_start();
        let lower = unit.to_ascii_lowercase();
        let scaled = unit.starts_with(['万', '億', '兆', '京', '千', '百', '十'])
            || ["thousand", "million", "billion", "trillion"].iter().any(|w| lower.starts_with(w));
        match (scaled, locale) {
            (true, _) => Notation::Plain,
            (false, Locale::Ja) => Notation::Myriad,
            (false, Locale::En) => Notation::Western,
        }
    }

    fn units(self) -> &'static [(f64, &'static str)] {
        match self {
            Notation::Myriad => &JA_UNITS,
            Notation::Western => &EN_UNITS,
            Notation::Plain => &[],
        }
    }
}

const JA_UNITS: [(f64, &str); 4] = [(1e16, "京"), (1e12, "兆"), (1e8, "億"), (1e4, "万")];
/// English groups plainly below a million: "1,105 people" reads better than "1.105k people".
const EN_UNITS: [(f64, &str); 3] = [(1e12, "T"), (1e9, "B"), (1e6, "M")];

/// Digits with thousands separators and at most `max_decimals` decimals, trailing zeros dropped.
/// `1234567.5` → `1,234,567.5`.
pub fn group_digits(value: f64, max_decimals: usize) -> String {
    grouped(value, max_decimals, true)
}

/// Digits with thousands separators and exactly `decimals` decimals: `39` → `39.0` with 1.
/// Values in one chart share a precision, as statistical tables do.
pub fn group_digits_fixed(value: f64, decimals: usize) -> String {
    grouped(value, decimals, false)
}

/// A number as plain text for messages and labels that echo what was written: `1234`,
/// `45.8`, `-0.25`, `NaN`. The fewest decimals (up to 9) that give the number back, made with
/// [`fixed`] instead of `f64`'s `Display`, whose shortest-digits algorithms would be most of the
/// live-data wasm (the chart wasm has them anyway, for plotters).
pub fn plain(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    if magnitude >= 1e15 || (magnitude > 0.0 && magnitude < 1e-6) {
        // Too many digits for plain decimals: 1.5e+300 as 「1.5e300」.
        let mut exponent = crate::math::decimal_exponent(magnitude);
        let mut mantissa = magnitude / 10f64.powi(exponent);
        if mantissa >= 9.9999995 {
            mantissa /= 10.0;
            exponent += 1;
        }
        let digits = fixed(mantissa, 6);
        return format!("{sign}{}e{exponent}", digits.trim_end_matches('0').trim_end_matches('.'));
    }
    let decimals = (0..9).find(|&d| {
        let scale = 10f64.powi(d);
        (value * scale).round() / scale == value
    });
    let text = fixed(value, decimals.unwrap_or(9) as usize);
    let text = if text.bytes().any(|b| b == b'.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    if text.bytes().all(|b| b == b'0' || b == b'.') {
        "0".into()
    } else {
        format!("{sign}{text}")
    }
}

/// `|value|` with exactly `decimals` decimals, rounded half away from zero: `1234.56`.
/// Integer arithmetic instead of `format!("{:.*}")`, whose exact float algorithm costs ~6 KB
/// of wasm; values here are at most 10¹⁸ with at most 6 decimals, so u128 holds them.
pub fn fixed(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    let digits = if scaled.is_finite() && scaled < 1e37 { (scaled as u128).to_string() } else { "0".into() };
    if decimals == 0 {
        return digits;
    }
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    // Digits are ASCII: `get` cannot fail here, and unlike `split_at` it brings no panic path.
    let at = digits.len() - decimals;
    let (int_part, frac_part) = (digits.get(..at).unwrap_or_default(), digits.get(at..).unwrap_or_default());
    format!("{int_part}.{frac_part}")
}

fn grouped(value: f64, decimals: usize, trim_zeros: bool) -> String {
    let text = fixed(value, decimals);
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) if trim_zeros => (i, f.trim_end_matches('0')),
        Some((i, f)) => (i, f),
        None => (text.as_str(), ""),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if value < 0.0 && (int_part.bytes().any(|b| b != b'0') || !frac_part.is_empty()) {
        out.push(MINUS);
    }
    let first = int_part.len() % 3;
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (i + 3 - first) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac_part.is_empty() {
        out.push('.');
        out.push_str(frac_part);
    }
    out
}

/// A number in its largest fitting unit with up to `max_decimals` decimals:
/// `98_520_000` → `9,852万`, `3.86e8` → `3.86億` (en: `98.52M`, `386M`).
/// Below 10⁴ (10³ in English) the number is printed plainly.
pub fn compact(value: f64, max_decimals: usize, notation: Notation) -> String {
    let units = notation.units();
    // The largest unit the value reaches; one up when rounding carries into it
    // (9,999.99万 is printed 1億, not 10,000万).
    let Some(mut index) = units.iter().position(|(size, _)| value.abs() >= *size) else {
        return group_digits(value, max_decimals);
    };
    if index > 0 {
        let next_ratio = units[index - 1].0 / units[index].0;
        if round_to(value.abs() / units[index].0, max_decimals) >= next_ratio {
            index -= 1;
        }
    }
    let (size, name) = units[index];
    format!("{}{}", group_digits(value / size, max_decimals), name)
}

/// How many decimals print `step` (an axis tick step) exactly, at most 6: `0.25` → 2, `2000` → 0.
pub fn decimals_for_step(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// Labels for axis ticks: each in its own unit, decimals just enough for the step
/// (`0`, `2,000万`, `4,000万`, …, `1億`, `1.2億`).
pub fn tick_label(value: f64, step: f64, notation: Notation) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let unit = unit_size(value.abs(), notation);
    compact(value, decimals_for_step(step / unit), notation)
}

/// A value for labels and text: 万/億 above 10⁴ (four significant digits), otherwise
/// exactly `decimals` decimals so that a series reads with one precision (`39.0`, `45.8`).
pub fn value_text(value: f64, decimals: usize, notation: Notation) -> String {
    let unit = unit_size(value.abs(), notation);
    if unit > 1.0 {
        // 4 significant digits inside the unit: 9,852万, 3.86億 → "3.86億", 1.2345億 → "1.235億".
        let scaled = (value / unit).abs();
        let decimals = if scaled >= 1000.0 {
            0
        } else if scaled >= 100.0 {
            1
        } else if scaled >= 10.0 {
            2
        } else {
            3
        };
        compact(value, decimals, notation)
    } else {
        group_digits_fixed(value, decimals)
    }
}

/// `magnitude` (a change's size, already printed) with the change's sign: `+4,845万`,
/// `−1.2億`, and `±0` when it rounds to zero at the printed precision (`±0.0` with one
/// decimal). The minus is U+2212, which screen readers say as "minus". Units (and points
/// for percentages) are the caller's: `resolve::AxisFormat::signed_delta`.
pub fn signed_magnitude(delta: f64, magnitude: String) -> String {
    let zero = !magnitude.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if zero {
        '±'
    } else if delta > 0.0 {
        '+'
    } else {
        MINUS
    };
    let mut out = String::with_capacity(magnitude.len() + 3);
    out.push(sign);
    out.push_str(&magnitude);
    out
}

/// A share of a whole, already in percent: `97.8` → `97.8%` with 1 decimal. Shares above
/// 100 (`104.2%`) and below 0 (`−3.0%`) print as they are.
pub fn percent(share_0_to_100: f64, decimals: usize) -> String {
    format!("{}%", group_digits_fixed(share_0_to_100, decimals))
}

/// A number followed by its unit: Japanese writes the unit right after the number
/// (`9,852万枚`, `79%`); English too for symbols (`79%`, `¥300`-style units are not
/// prefixed), with a space before a word (`98.52M cards`, `4,365 provisions`).
pub fn with_unit(number: &str, unit: Option<&str>, locale: Locale) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => number.to_owned(),
        Some(u) if locale == Locale::En && u.starts_with(|c: char| c.is_ascii_alphabetic()) => format!("{number} {u}"),
        Some(u) => format!("{number}{u}"),
    }
}

fn unit_size(abs: f64, notation: Notation) -> f64 {
    notation.units().iter().find(|(size, _)| abs >= *size).map_or(1.0, |(size, _)| *size)
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (value * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_read_back() {
        for (n, text) in [
            (1234.0, "1234"),
            (45.8, "45.8"),
            (-0.25, "-0.25"),
            (0.0, "0"),
            (-0.0, "0"),
            (1e14, "100000000000000"),
            (0.1 + 0.2, "0.3"),
            (1.5e300, "1.5e300"),
            (-2.5e-9, "-2.5e-9"),
        ] {
            assert_eq!(plain(n), text, "{n}");
        }
        assert_eq!(plain(f64::NAN), "NaN");
        assert_eq!(plain(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(plain(1.0 / 3.0), "0.333333333");
    }

    const JA: Notation = Notation::Myriad;
    const EN: Notation = Notation::Western;

    #[test]
    fn grouping_table() {
        let cases: &[(f64, usize, &str)] = &[
            (0.0, 0, "0"),
            (999.0, 0, "999"),
            (1000.0, 0, "1,000"),
            (1234567.5, 1, "1,234,567.5"),
            (97.8, 1, "97.8"),
            (97.80, 2, "97.8"),
            (-2500.0, 0, "−2,500"),
            (-0.0001, 2, "0"),
            (100000.0, 0, "100,000"),
        ];
        for &(v, d, want) in cases {
            assert_eq!(group_digits(v, d), want, "{v} with {d} decimals");
        }
    }

    #[test]
    fn japanese_units_table() {
        let cases: &[(f64, usize, &str)] = &[
            (98_520_000.0, 0, "9,852万"),
            (3.86e8, 2, "3.86億"),
            (50_070_000.0, 0, "5,007万"),
            (9_999.0, 0, "9,999"),
            (10_000.0, 0, "1万"),
            (99_999_999.0, 0, "1億"),
            (1.3e15, 0, "1,300兆"),
            (2.5e16, 1, "2.5京"),
            (-84_840_000.0, 0, "−8,484万"),
        ];
        for &(v, d, want) in cases {
            assert_eq!(compact(v, d, JA), want, "{v}");
        }
    }

    #[test]
    fn english_units_table() {
        assert_eq!(compact(98_520_000.0, 2, EN), "98.52M");
        assert_eq!(compact(3.86e8, 0, EN), "386M");
        assert_eq!(compact(1_500.0, 1, EN), "1,500");
        assert_eq!(compact(1_105.0, 0, EN), "1,105");
        assert_eq!(compact(999.0, 0, EN), "999");
        assert_eq!(compact(999_999.0, 0, EN), "999,999");
        assert_eq!(compact(1_499_999.0, 1, EN), "1.5M");
    }

    #[test]
    fn tick_labels_use_just_enough_decimals() {
        let ticks: Vec<String> = [0.0, 2e7, 4e7, 1e8, 1.2e8].iter().map(|&v| tick_label(v, 2e7, JA)).collect();
        assert_eq!(ticks, ["0", "2,000万", "4,000万", "1億", "1.2億"]);
        assert_eq!(tick_label(0.25, 0.25, JA), "0.25");
        assert_eq!(tick_label(80.0, 20.0, JA), "80");
        assert_eq!(tick_label(3.86e8, 1e6, JA), "3.86億");
    }

    #[test]
    fn value_text_keeps_four_significant_digits_in_units() {
        assert_eq!(value_text(98_520_000.0, 1, JA), "9,852万");
        assert_eq!(value_text(385_987_000.0, 1, JA), "3.86億");
        assert_eq!(value_text(97.8, 1, JA), "97.8");
        assert_eq!(value_text(7983.0, 0, JA), "7,983");
        assert_eq!(value_text(39.0, 1, JA), "39.0");
        assert_eq!(group_digits_fixed(-1234.5, 2), "−1,234.50");
    }

    #[test]
    fn units_that_carry_a_scale_get_plain_numbers() {
        assert_eq!(Notation::for_unit(Locale::Ja, Some("万枚")), Notation::Plain);
        assert_eq!(Notation::for_unit(Locale::Ja, Some("百万円")), Notation::Plain);
        assert_eq!(Notation::for_unit(Locale::En, Some("million yen")), Notation::Plain);
        assert_eq!(Notation::for_unit(Locale::Ja, Some("枚")), Notation::Myriad);
        assert_eq!(Notation::for_unit(Locale::En, Some("%")), Notation::Western);
        assert_eq!(tick_label(10_000.0, 2_000.0, Notation::Plain), "10,000");
        assert_eq!(value_text(9852.0, 0, Notation::Plain), "9,852");
    }

    #[test]
    fn percent_table() {
        let cases: &[(f64, usize, &str)] = &[
            (97.8, 1, "97.8%"),
            (79.0, 0, "79%"),
            (79.0, 1, "79.0%"),
            (68.15, 1, "68.2%"),
            (104.2, 1, "104.2%"),
            (100.0, 1, "100.0%"),
            (0.0, 1, "0.0%"),
            (-3.0, 1, "−3.0%"),
            (1234.5, 1, "1,234.5%"),
        ];
        for &(share, decimals, want) in cases {
            assert_eq!(percent(share, decimals), want, "{share}");
        }
    }

    #[test]
    fn units_follow_the_number() {
        assert_eq!(with_unit("9,852万", Some("枚"), Locale::Ja), "9,852万枚");
        assert_eq!(with_unit("79", Some("%"), Locale::Ja), "79%");
        assert_eq!(with_unit("79", Some("%"), Locale::En), "79%");
        assert_eq!(with_unit("98.52M", Some("cards"), Locale::En), "98.52M cards");
        assert_eq!(with_unit("4,365", Some("条項"), Locale::En), "4,365条項");
        assert_eq!(with_unit("12", None, Locale::En), "12");
        assert_eq!(with_unit("12", Some(" "), Locale::Ja), "12");
    }

    #[test]
    fn decimals_for_steps() {
        assert_eq!(decimals_for_step(2000.0), 0);
        assert_eq!(decimals_for_step(0.5), 1);
        assert_eq!(decimals_for_step(0.25), 2);
        assert_eq!(decimals_for_step(0.2), 1);
    }
}
