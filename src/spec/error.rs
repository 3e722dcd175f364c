//! What can be wrong with a spec, and how to say it to the person who wrote it.
//!
//! Every error carries the JSON path of the offending value and what was found there,
//! so an editor in a CMS can fix the spec without reading our code:
//! `series[0].values[3]: 数値または null が必要です（"abc"）`.

use crate::data::DataError;
use crate::json::{Json, JsonPath};
use crate::locale::Locale;
use crate::numfmt::plain;
use std::fmt::Write;

/// What kind of value a field takes, for "expected …" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    NumberOrNull,
    DateString,
    HttpUrl,
    Number,
    Boolean,
    HexColor,
    StringOrObject,
}

impl Expected {
    fn describe(self, locale: Locale) -> &'static str {
        match self {
            Expected::Object => locale.pick("オブジェクト（{ … }）", "an object ({ … })"),
            Expected::Array => locale.pick("配列（[ … ]）", "an array ([ … ])"),
            Expected::String => locale.pick("文字列", "a string"),
            Expected::NumberOrNull => locale.pick("数値または null", "a number or null"),
            Expected::DateString => locale
                .pick("日付の文字列（\"2025\"、\"2025-07\"、\"2025-07-31\"）", "a date string (\"2025\", \"2025-07\" or \"2025-07-31\")"),
            Expected::HttpUrl => locale.pick("http:// または https:// で始まる URL", "a URL starting with http:// or https://"),
            Expected::Number => locale.pick("数値", "a number"),
            Expected::Boolean => locale.pick("true または false", "true or false"),
            Expected::HexColor => locale.pick("色（\"#0017C1\" の形）", "a colour like \"#0017C1\""),
            Expected::StringOrObject => locale.pick("文字列またはオブジェクト", "a string or an object"),
        }
    }
}

/// The problem found at a path.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A value of the wrong kind; `found` is a short printable description.
    WrongType { expected: Expected, found: String },
    /// A required field is absent.
    Missing,
    /// A field we do not know; `allowed` lists the fields that object takes.
    UnknownField { allowed: &'static [&'static str], suggestion: Option<&'static str> },
    /// A string field outside its allowed set (chart `type`, `locale`).
    NotOneOf { found: String, allowed: &'static [&'static str] },
    /// A list that must not be empty is empty.
    Empty,
    /// `values` has another length than `categories`.
    LengthMismatch { expected: usize, found: usize },
    /// Every value of every series is null: nothing to draw.
    AllNull,
    /// A number too large to draw honestly.
    OutOfRange { found: f64, limit: f64 },
    /// More items than a chart can show.
    TooMany { found: usize, limit: usize },
    /// A field this chart type does not take (it belongs to other types).
    NotForType { chart_type: &'static str, allowed: &'static [&'static str] },
    /// A whole number outside its range.
    IntegerRange { found: String, min: i64, max: i64 },
    /// A negative value where only zero or more make sense (pie slices, 100% stacks).
    Negative { found: f64 },
    /// Values that add up to zero where a share must be computed.
    ZeroTotal,
    /// A category that is not in `categories`.
    NotACategory { found: String },
    /// An axis whose `min` is not below its `max`.
    EmptyRange { min: f64, max: f64 },
    /// A key written twice in one object: JSON.parse keeps the last, other parsers the
    /// first, so the chart would depend on who read it.
    DuplicateKey,
    /// A spec with `data` validated without its file (the loader or the CLI reads it first).
    DataNotLoaded,
    /// A `regions` entry that is no prefecture; the nearest name, when one is a character off.
    #[cfg(feature = "map")]
    UnknownRegion { found: String, suggestion: Option<&'static str> },
    /// A prefecture listed twice in `regions`; `first` is where it was first.
    #[cfg(feature = "map")]
    RepeatedRegion { name: &'static str, first: usize },
    /// Thresholds that do not rise.
    #[cfg(feature = "map")]
    NotAscending,
    /// A data file's problem (`crate::data::DataError`), its message already written in both
    /// languages where it was found: the chart wasm, which never reads a file, links none of them.
    Data(Box<DataError>),
}

/// A spec error: where, and what. Boxed, so that every `Result<_, SpecError>` in the
/// validator is two words: the success path then moves no 48-byte error around, which
/// is most of the validator's code (−2.4 KB gzip of wasm).
#[derive(Debug, Clone, PartialEq)]
pub struct SpecError(Box<SpecErrorAt>);

/// Where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecErrorAt {
    pub path: JsonPath,
    pub problem: Problem,
}

impl std::ops::Deref for SpecError {
    type Target = SpecErrorAt;
    fn deref(&self) -> &SpecErrorAt {
        &self.0
    }
}

impl SpecError {
    pub fn new(path: JsonPath, problem: Problem) -> Self {
        SpecError(Box::new(SpecErrorAt { path, problem }))
    }

    /// A wrong-type error describing the value actually found.
    pub fn wrong_type(path: &JsonPath, expected: Expected, found: &Json, locale: Locale) -> Self {
        SpecError::new(path.clone(), Problem::WrongType { expected, found: describe_value(found, locale) })
    }

    /// The full message, `path: problem`, in the given language.
    pub fn message(&self, locale: Locale) -> String {
        let mut out = String::new();
        let where_ = if self.path.as_str().is_empty() { locale.pick("仕様全体", "spec") } else { self.path.as_str() };
        out.push_str(where_);
        out.push_str(": ");
        self.write_problem(&mut out, locale);
        out
    }

    fn write_problem(&self, out: &mut String, locale: Locale) {
        let ja = locale == Locale::Ja;
        // `write!` into a String cannot fail; the results are ignored on purpose.
        let _ = match &self.problem {
            Problem::WrongType { expected, found } if ja => {
                // A space after Latin text ("null が"), none after Japanese ("文字列が").
                let what = expected.describe(locale);
                let space = if what.ends_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
                write!(out, "{what}{space}が必要です（{found}）")
            }
            Problem::WrongType { expected, found } => write!(out, "expected {} (found {})", expected.describe(locale), found),
            Problem::Missing if ja => write!(out, "必須の項目がありません"),
            Problem::Missing => write!(out, "this field is required"),
            Problem::UnknownField { allowed, suggestion } => {
                if ja {
                    let _ = write!(out, "未知の項目です。");
                    if let Some(s) = suggestion {
                        let _ = write!(out, "「{s}」の誤りではありませんか。");
                    }
                    write!(out, "使える項目: {}", listed(allowed))
                } else {
                    let _ = write!(out, "unknown field. ");
                    if let Some(s) = suggestion {
                        let _ = write!(out, "Did you mean \"{s}\"? ");
                    }
                    write!(out, "Allowed fields: {}", listed(allowed))
                }
            }
            Problem::NotOneOf { found, allowed } if ja => {
                write!(out, "{} のいずれかが必要です（{}）", allowed.join(", "), quote(found))
            }
            Problem::NotOneOf { found, allowed } => write!(out, "expected one of {} (found {})", allowed.join(", "), quote(found)),
            Problem::Empty if ja => write!(out, "空です。少なくとも1つ必要です"),
            Problem::Empty => write!(out, "is empty; at least one item is needed"),
            Problem::LengthMismatch { expected, found } if ja => {
                write!(out, "categories と同じ {expected} 個の値が必要です（{found} 個）")
            }
            Problem::LengthMismatch { expected, found } => {
                write!(out, "expected {expected} values, one per category (found {found})")
            }
            Problem::AllNull if ja => write!(out, "すべての値が null で、描く値がありません"),
            Problem::AllNull => write!(out, "every value is null; there is nothing to draw"),
            Problem::OutOfRange { found, limit } if ja => {
                write!(out, "絶対値が {} を超える値は描けません（{}）", scientific(*limit), scientific(*found))
            }
            Problem::OutOfRange { found, limit } => {
                write!(out, "values beyond ±{} cannot be drawn (found {})", scientific(*limit), scientific(*found))
            }
            Problem::TooMany { found, limit } if ja => write!(out, "{limit} 個までです（{found} 個）"),
            Problem::TooMany { found, limit } => write!(out, "at most {limit} items (found {found})"),
            Problem::NotForType { chart_type, allowed } if ja => {
                write!(out, "{chart_type} では使えない項目です。使える項目: {}", listed(allowed))
            }
            Problem::NotForType { chart_type, allowed } => {
                write!(out, "not used by {chart_type} charts. Allowed fields: {}", listed(allowed))
            }
            Problem::IntegerRange { found, min, max } if ja => write!(out, "{min} から {max} までの整数が必要です（{found}）"),
            Problem::IntegerRange { found, min, max } => write!(out, "expected a whole number from {min} to {max} (found {found})"),
            Problem::Negative { found } if ja => write!(out, "0 以上の値が必要です（{}）", plain(*found)),
            Problem::Negative { found } => write!(out, "expected zero or more (found {})", plain(*found)),
            Problem::ZeroTotal if ja => write!(out, "合計が 0 で、割合を計算できません"),
            Problem::ZeroTotal => write!(out, "the values add up to 0, so no shares can be computed"),
            Problem::NotACategory { found } if ja => write!(out, "categories にない値です（{}）", quote(found)),
            Problem::NotACategory { found } => write!(out, "not one of the categories (found {})", quote(found)),
            Problem::EmptyRange { min, max } if ja => {
                write!(out, "min（{}）は max（{}）より小さい必要があります", plain(*min), plain(*max))
            }
            Problem::EmptyRange { min, max } => write!(out, "min ({}) must be below max ({})", plain(*min), plain(*max)),
            Problem::DuplicateKey if ja => write!(out, "同じ項目が2回以上書かれています。1回だけ書いてください"),
            Problem::DuplicateKey => write!(out, "this field is written more than once; write it once"),
            Problem::DataNotLoaded if ja => write!(out, "データファイルを読み込む前に検証されました"),
            Problem::DataNotLoaded => write!(out, "validated before its data file was read"),
            #[cfg(feature = "map")]
            Problem::UnknownRegion { found, suggestion } => {
                if ja {
                    let _ = write!(out, "都道府県コード（\"01\"〜\"47\"、\"13000\" の形）または都道府県名が必要です（{}）", quote(found));
                    match suggestion {
                        Some(s) => write!(out, "。「{s}」の誤りではありませんか"),
                        None => Ok(()),
                    }
                } else {
                    let _ = write!(out, "expected a prefecture code (\"01\" to \"47\", or \"13000\") or name (found {})", quote(found));
                    match suggestion {
                        Some(s) => write!(out, ". Did you mean \"{s}\"?"),
                        None => Ok(()),
                    }
                }
            }
            #[cfg(feature = "map")]
            Problem::RepeatedRegion { name, first } if ja => write!(out, "{name}は regions[{first}] にもあります。1回だけ書いてください"),
            #[cfg(feature = "map")]
            Problem::RepeatedRegion { name, first } => write!(out, "{name} is also regions[{first}]; list each prefecture once"),
            #[cfg(feature = "map")]
            Problem::NotAscending if ja => write!(out, "前の値より大きい値が必要です（小さい順に書いてください）"),
            #[cfg(feature = "map")]
            Problem::NotAscending => write!(out, "each threshold must be above the one before"),
            Problem::Data(d) => {
                out.push_str(d.text(locale));
                Ok(())
            }
        };
    }
}

/// A short, safe description of a found value for messages: strings quoted and cut at 40 characters.
pub fn describe_value(value: &Json, locale: Locale) -> String {
    match value {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => plain(*n),
        Json::String(s) => quote(s),
        Json::Array(items) => match locale {
            Locale::Ja => format!("{} 個の配列", items.len()),
            Locale::En => format!("an array of {}", items.len()),
        },
        Json::Object(_) => locale.pick("オブジェクト", "an object").into(),
    }
}

pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 40;
    let mut cut: String = s.chars().take(MAX).collect();
    if s.chars().count() > MAX {
        cut.push('…');
    }
    format!("\"{cut}\"")
}

/// `1e18`, `-1.5e308`: large numbers the way authors type them (up to 3 significant digits).
fn scientific(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return plain(value);
    }
    let mut exponent = crate::math::decimal_exponent(value.abs());
    let mut mantissa = value.abs() / 10f64.powi(exponent);
    if mantissa >= 9.995 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let digits = crate::numfmt::fixed(mantissa, 2);
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    format!("{}{digits}e{exponent}", if value < 0.0 { "-" } else { "" })
}

/// The fields a message lists: `$schema` (for editors, ignored) is allowed but not worth saying.
fn listed(allowed: &[&str]) -> String {
    let mut out = String::new();
    for name in allowed.iter().filter(|a| !a.starts_with('$')) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}

/// The allowed name closest to a misspelt one, if it is close enough to be a typo.
pub fn closest_name(found: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
    allowed
        .iter()
        .map(|name| (edit_distance(&found.to_ascii_lowercase(), &name.to_ascii_lowercase()), *name))
        .filter(|(d, name)| *d <= 2.max(name.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_type_message_names_path_expectation_and_value() {
        let path = JsonPath::root().key("series").index(0).key("values").index(3);
        let e = SpecError::wrong_type(&path, Expected::NumberOrNull, &Json::String("abc".into()), Locale::Ja);
        assert_eq!(e.message(Locale::Ja), "series[0].values[3]: 数値または null が必要です（\"abc\"）");
        assert_eq!(e.message(Locale::En), "series[0].values[3]: expected a number or null (found \"abc\")");
    }

    #[test]
    fn long_found_strings_are_cut() {
        let long = "あ".repeat(100);
        let d = describe_value(&Json::String(long), Locale::Ja);
        assert_eq!(d.chars().count(), 40 + 3);
    }

    #[test]
    fn suggests_near_field_names_only() {
        const ALLOWED: &[&str] = &["title", "subtitle", "categories", "series"];
        assert_eq!(closest_name("titel", ALLOWED), Some("title"));
        assert_eq!(closest_name("Series", ALLOWED), Some("series"));
        assert_eq!(closest_name("colour", ALLOWED), None);
    }
}
