//! One cell of a published table, read the way a person reading the table would: `1,234`,
//! `１２３．４`, `▲5.2` (negative), `97.8p` (速報値), a statistical symbol (`-` `…` `x` `***`,
//! kept as a symbol, never 0) or nothing (a gap). The result is the value as the spec would
//! write it, so inline and fetched figures pass one validator.
//!
//! Decimal text is converted without `str::parse::<f64>` (its tables cost 10 KB of wasm):
//! the digits are read as an integer and scaled by an exact power of ten, which is correctly
//! rounded for up to 15 significant digits (Clinger's fast path) — every published figure.

use crate::json::Json;
use crate::spec::stat_symbol;

/// Exact powers of ten in an f64 (10^22 is the last one).
const POW10: [f64; 23] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/// The cell as a spec value: a number, `null` (empty), a symbol string, or
/// `{ "value": n, "flag": "p" }`. `None`: not a figure (the caller names row and column).
pub fn read_cell(text: &str) -> Option<Json> {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    if text.is_empty() {
        return Some(Json::Null);
    }
    if let Some(symbol) = stat_symbol(text) {
        return Some(Json::String(symbol.symbol().into()));
    }
    if text.bytes().all(|b| b == b'*') || text == "＊＊＊" {
        // 「***」: a figure withheld or not applicable, by the table's own notes.
        return Some(Json::String("x".into()));
    }
    let (body, flag) = match text.strip_suffix(['p', 'r']) {
        Some(body) => (body, text.get(body.len()..)),
        None => (text, None),
    };
    let number = read_number(body)?;
    Some(match flag {
        None => Json::Number(number),
        Some(flag) => Json::Object(vec![("value".into(), Json::Number(number)), ("flag".into(), Json::String(flag.into()))]),
    })
}

/// `1,234.5`, `-0.3`, `▲12`, `△0.5`, `＋３`, `1.2e3`, with full-width digits and signs.
pub fn read_number(text: &str) -> Option<f64> {
    let mut negative = false;
    let mut mantissa: u64 = 0;
    let mut digits = 0u32; // significant digits kept in `mantissa`
    let mut exponent: i32 = 0;
    let mut seen_digit = false;
    let mut after_point = false;
    let mut last_was_digit = false;
    // Digits since the last thousands separator: each group after one has exactly three.
    let mut group: Option<u32> = None;
    let mut chars = text.chars().map(half_width).peekable();
    if let Some(&c) = chars.peek() {
        if matches!(c, '-' | '▲' | '△' | '+') {
            negative = c != '+';
            chars.next();
        }
    }
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {
                let d = c as u64 - '0' as u64;
                if digits < 19 {
                    if mantissa > 0 || d > 0 {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + d;
                    if after_point {
                        exponent -= 1;
                    }
                } else if !after_point {
                    exponent += 1; // digits beyond 19 only scale
                }
                seen_digit = true;
                last_was_digit = true;
                if let (Some(n), false) = (&mut group, after_point) {
                    *n += 1;
                }
            }
            // A thousands separator sits between digits, before the point.
            ',' if last_was_digit && !after_point && group.map_or(true, |n| n == 3) => {
                last_was_digit = false;
                group = Some(0);
            }
            '.' if !after_point && group.map_or(true, |n| n == 3) => {
                after_point = true;
                last_was_digit = false;
            }
            'e' | 'E' if seen_digit && (after_point || group.map_or(true, |n| n == 3)) => {
                let rest: String = chars.collect();
                exponent += read_exponent(&rest)?;
                break;
            }
            _ => return None,
        }
    }
    if !seen_digit || (!after_point && group.is_some_and(|n| n != 3)) {
        return None;
    }
    let value = scale(mantissa as f64, exponent);
    value.is_finite().then_some(if negative { -value } else { value })
}

fn read_exponent(text: &str) -> Option<i32> {
    let (negative, digits) = match text.strip_prefix(['-', '+']) {
        Some(d) => (text.starts_with('-'), d),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.bytes().fold(0i32, |n, b| n * 10 + (b - b'0') as i32);
    Some(if negative { -n } else { n })
}

/// `m × 10^e`: one exact multiplication or division while `e` is within the exact powers.
fn scale(m: f64, e: i32) -> f64 {
    let mut value = m;
    let mut e = e;
    while e > 22 {
        value *= 1e22;
        e -= 22;
    }
    while e < -22 {
        value /= 1e22;
        e += 22;
    }
    if e >= 0 {
        value * POW10[e as usize]
    } else {
        value / POW10[(-e) as usize]
    }
}

/// Full-width digits and signs as ASCII (`１２．３` → `12.3`, `－` → `-`, `，` → `,`).
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => crate::dates::ascii_digit(c),
        '．' => '.',
        '，' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        _ => c,
    }
}

/// The digits after the decimal point of a figure as written (`1,234.50`, `97.8p`).
pub fn written_decimals(text: &str) -> usize {
    // ASCII only (the live-data wasm is at its budget): 「１２．３４」 is read as a number all the
    // same, its decimals then inferred from the number as for figures written in the spec.
    text.split_once('.').map_or(0, |(_, after)| after.bytes().take_while(u8::is_ascii_digit).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decimals_a_figure_is_written_with() {
        assert_eq!([written_decimals("39.0"), written_decimals("97.80p"), written_decimals("1,234"), written_decimals("-")], [1, 2, 0, 0]);
    }

    fn number(text: &str) -> Option<f64> {
        read_number(text)
    }

    #[test]
    fn numbers_as_japanese_tables_write_them() {
        assert_eq!(number("1,234"), Some(1234.0));
        assert_eq!(number("9,852"), Some(9852.0));
        assert_eq!(number("12,345,678.9"), Some(12_345_678.9));
        assert_eq!(number("１２３．４"), Some(123.4));
        assert_eq!(number("▲5.2"), Some(-5.2));
        assert_eq!(number("△0.5"), Some(-0.5));
        assert_eq!(number("－３"), Some(-3.0));
        assert_eq!(number("+7"), Some(7.0));
        assert_eq!(number("97.8"), Some(97.8));
        assert_eq!(number("0.1"), Some(0.1));
        assert_eq!(number("1.5e3"), Some(1500.0));
        assert_eq!(number("2.5E-2"), Some(0.025));
        assert_eq!(number(".5"), Some(0.5));
    }

    #[test]
    fn decimals_round_like_the_standard_parser() {
        #[allow(clippy::disallowed_methods)] // the reference, natively only
        for text in ["79.0", "45.8", "0.3", "1234.5678", "98520000", "0.000123", "123456789012345", "3.14159265358979", "1e-7", "6.02e23"] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(number(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for text in [
            "", "abc", "1,2,", ",5", "1,2", "1,2345", "12,34.5", "1.2.3", "12円", "1,234人", "--1", "1e", "e5", "１２a", "1 2", "NaN",
            "Infinity", "1e999",
        ] {
            assert_eq!(number(text), None, "{text}");
        }
    }

    #[test]
    fn cells_keep_symbols_and_gaps() {
        assert_eq!(read_cell(""), Some(Json::Null));
        assert_eq!(read_cell("　"), Some(Json::Null));
        assert_eq!(read_cell("-"), Some(Json::String("-".into())));
        assert_eq!(read_cell("…"), Some(Json::String("…".into())));
        assert_eq!(read_cell("x"), Some(Json::String("x".into())));
        assert_eq!(read_cell("X"), Some(Json::String("x".into())));
        assert_eq!(read_cell("***"), Some(Json::String("x".into())));
        assert_eq!(read_cell(" 1,234 "), Some(Json::Number(1234.0)));
        assert_eq!(
            read_cell("97.8p"),
            Some(Json::Object(vec![("value".into(), Json::Number(97.8)), ("flag".into(), Json::String("p".into()))]))
        );
        assert_eq!(read_cell("abc"), None);
        assert_eq!(read_cell("p"), None);
    }
}
