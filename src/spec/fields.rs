//! Reading one object of the spec: which names it allows (each written once, here), its
//! values by kind, and the refusals every object shares — an unknown key (with the nearest
//! allowed name), a key of another chart type, a key written twice.

use super::error::{closest_name, describe_value, Expected, Problem, SpecError};
use super::json::{Json, JsonPath};
use super::{ChartType, VALUE_LIMIT};
use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::theme::Color;

macro_rules! with_common {
    ($($extra:literal),*) => {
        &["type", "title", "subtitle", "unit", "decimals", "source", "asOf", "updated", "notes", "locale",
          "theme", "colorScheme", "card", "era", "description", "$schema" $(, $extra)*]
    };
}
pub(crate) const LINE_FIELDS: &[&str] = with_common!("categories", "series", "data", "refresh", "yAxis", "y2Axis", "annotations");
pub(crate) const STACKABLE_FIELDS: &[&str] =
    with_common!("categories", "series", "data", "refresh", "stacking", "yAxis", "y2Axis", "annotations");
pub(crate) const PIE_FIELDS: &[&str] = with_common!("categories", "series", "data", "refresh", "centerLabel");
pub(crate) const KPI_FIELDS: &[&str] = with_common!("value", "previous", "share", "sparkline");
pub(crate) const PROGRESS_FIELDS: &[&str] = with_common!("value", "target", "goal");
#[cfg(feature = "map")]
pub(crate) const MAP_FIELDS: &[&str] = with_common!("regions", "values", "data", "refresh", "layout", "scale", "reference");
/// Every type's fields: a key of another type gets its own message.
macro_rules! every_field {
    ($($extra:literal),*) => {
        with_common!("categories", "series", "data", "refresh", "stacking", "yAxis", "y2Axis", "annotations", "centerLabel",
          "value", "previous", "share", "sparkline", "target", "goal" $(, $extra)*)
    };
}
#[cfg(not(feature = "map"))]
pub(crate) const ALL_FIELDS: &[&str] = every_field!();
#[cfg(feature = "map")]
pub(crate) const ALL_FIELDS: &[&str] = every_field!("regions", "values", "layout", "scale", "reference");

#[cfg(feature = "map")]
pub(crate) const SCALE_FIELDS: &[&str] = &["type", "classes", "thresholds"];
#[cfg(feature = "map")]
pub(crate) const REFERENCE_FIELDS: &[&str] = &["label", "value"];
pub(crate) const SERIES_FIELDS: &[&str] = &["name", "values", "column", "type", "axis", "style", "marker", "color"];
pub(crate) const BAR_SERIES_FIELDS: &[&str] = &["name", "values", "column", "color"];
/// A pie's one series: its slices take the theme's colours in order.
pub(crate) const PIE_SERIES_FIELDS: &[&str] = &["name", "values", "column"];
pub(crate) const DATA_FIELDS: &[&str] = &["url", "format", "skipRows", "header", "categories", "series", "filter"];
pub(crate) const SOURCE_FIELDS: &[&str] = &["label", "url", "derived"];
pub(crate) const AXIS_FIELDS: &[&str] = &["min", "max", "title"];
pub(crate) const Y2_AXIS_FIELDS: &[&str] = &["min", "max", "title", "unit"];
pub(crate) const VALUE_FIELDS: &[&str] = &["value", "flag", "note"];
pub(crate) const DESCRIPTION_FIELDS: &[&str] = &["text", "mode"];
pub(crate) const PREVIOUS_FIELDS: &[&str] = &["value", "asOf", "label"];
pub(crate) const SHARE_FIELDS: &[&str] = &["value", "label"];
pub(crate) const SPARKLINE_FIELDS: &[&str] = &["categories", "values"];
pub(crate) const LINE_ANNOTATION_FIELDS: &[&str] = &["type", "value", "label", "axis"];
pub(crate) const BAND_ANNOTATION_FIELDS: &[&str] = &["type", "from", "to", "label"];
pub(crate) const POINT_ANNOTATION_FIELDS: &[&str] = &["type", "series", "category", "label"];

impl ChartType {
    /// The fields one of this type's series takes (per-series drawing options only where they
    /// mean something).
    pub(crate) fn series_fields(self) -> &'static [&'static str] {
        match self {
            ChartType::Line | ChartType::Area | ChartType::Column => SERIES_FIELDS,
            ChartType::Pie | ChartType::Donut => PIE_SERIES_FIELDS,
            _ => BAR_SERIES_FIELDS,
        }
    }

    /// The fields this type takes, for validation and for listing in messages.
    pub(crate) fn fields(self) -> &'static [&'static str] {
        match self {
            ChartType::Line => LINE_FIELDS,
            ChartType::Area | ChartType::Column => STACKABLE_FIELDS,
            ChartType::Bar => STACKABLE_FIELDS,
            ChartType::Pie | ChartType::Donut => PIE_FIELDS,
            ChartType::Kpi => KPI_FIELDS,
            ChartType::Progress => PROGRESS_FIELDS,
            #[cfg(feature = "map")]
            ChartType::Map => MAP_FIELDS,
            // Not a type of this build (`ChartType::NAMES`): never parsed.
            #[cfg(not(feature = "map"))]
            ChartType::Map => &[],
        }
    }
}

/// Reads the fields of one JSON object, rejecting unknown ones up front.
pub(crate) struct Fields<'a> {
    value: &'a Json,
    at: JsonPath,
    pub(crate) locale: Locale,
}

impl<'a> Fields<'a> {
    pub(crate) fn of(value: &'a Json, at: &JsonPath, allowed: &'static [&'static str], locale: Locale) -> Result<Self, SpecError> {
        let Json::Object(entries) = value else {
            return Err(SpecError::wrong_type(at, Expected::Object, value, locale));
        };
        if let Some((key, _)) = entries.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(SpecError::new(at.key(key), Problem::UnknownField { allowed, suggestion: closest_name(key, allowed) }));
        }
        // Every key is an allowed name now: one bit per name finds a repeat in one pass
        // (a hostile object repeating one name 100,000 times costs no quadratic scan).
        let mut seen = 0u64;
        for (i, (key, _)) in entries.iter().enumerate() {
            let index = allowed.iter().position(|a| a == key).unwrap_or(0);
            let repeated = if index < 64 { seen & (1 << index) != 0 } else { entries[..i].iter().any(|(k, _)| k == key) };
            if repeated {
                return Err(SpecError::new(at.key(key), Problem::DuplicateKey));
            }
            seen |= 1u64.checked_shl(index as u32).unwrap_or(0);
        }
        Ok(Fields { value, at: at.clone(), locale })
    }

    /// The top level: a field of another chart type gets its own message.
    pub(crate) fn of_type(value: &'a Json, at: &JsonPath, chart_type: ChartType, locale: Locale) -> Result<Self, SpecError> {
        let allowed = chart_type.fields();
        if let Json::Object(entries) = value {
            if let Some((key, _)) = entries.iter().find(|(k, _)| !allowed.contains(&k.as_str()) && ALL_FIELDS.contains(&k.as_str())) {
                return Err(SpecError::new(at.key(key), Problem::NotForType { chart_type: chart_type.name(), allowed }));
            }
        }
        Self::of(value, at, allowed, locale)
    }

    /// The fields of `value` without the checks of [`Fields::of`] (they come later).
    pub(crate) fn lenient(value: &'a Json, locale: Locale) -> Self {
        Fields { value, at: JsonPath::root(), locale }
    }

    pub(crate) fn path(&self, key: &str) -> JsonPath {
        self.at.key(key)
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Json> {
        self.value.get(key)
    }

    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::String, other, self.locale)),
        }
    }

    pub(crate) fn required_string(&self, key: &str) -> Result<String, SpecError> {
        self.string(key)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => finite_number(v, &self.path(key), self.locale).map(Some),
        }
    }

    pub(crate) fn required_number(&self, key: &str) -> Result<f64, SpecError> {
        self.number(key)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    pub(crate) fn integer(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Number(n)) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => Ok(Some(*n as i64)),
            Some(other) => {
                Err(SpecError::new(self.path(key), Problem::IntegerRange { found: describe_value(other, self.locale), min, max }))
            }
        }
    }

    pub(crate) fn required_integer(&self, key: &str, min: i64, max: i64) -> Result<i64, SpecError> {
        self.integer(key, min, max)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    pub(crate) fn boolean(&self, key: &str) -> Result<Option<bool>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::Boolean, other, self.locale)),
        }
    }

    pub(crate) fn required_array(&self, key: &str) -> Result<&'a [Json], SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Err(SpecError::new(self.path(key), Problem::Missing)),
            Some(Json::Array(items)) => Ok(items),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::Array, other, self.locale)),
        }
    }

    /// A string from a fixed set: `names[i]` reads as `values[i]` (each name written once,
    /// no `match` repeating the list).
    pub(crate) fn one_of<T: Copy>(&self, key: &str, names: &'static [&'static str], values: &[T]) -> Result<Option<T>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => match names.iter().position(|n| *n == s).and_then(|i| values.get(i)) {
                Some(v) => Ok(Some(*v)),
                None => Err(SpecError::new(self.path(key), Problem::NotOneOf { found: s, allowed: names })),
            },
        }
    }

    pub(crate) fn color(&self, key: &str) -> Result<Option<Color>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => parse_hex_color(&s)
                .map(Some)
                .ok_or_else(|| SpecError::wrong_type(&self.path(key), Expected::HexColor, &Json::String(s), self.locale)),
        }
    }

    pub(crate) fn date(&self, key: &str) -> Result<Option<PartialDate>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(text) => PartialDate::parse(&text)
                .map(Some)
                .ok_or_else(|| SpecError::wrong_type(&self.path(key), Expected::DateString, &Json::String(text), self.locale)),
        }
    }
}

fn parse_hex_color(text: &str) -> Option<Color> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok().map(Color::rgb)
}

/// A finite number within `VALUE_LIMIT`. NaN and ±Infinity can arrive from JavaScript callers.
pub(crate) fn finite_number(value: &Json, path: &JsonPath, locale: Locale) -> Result<f64, SpecError> {
    match value {
        Json::Number(n) if !n.is_finite() => {
            Err(SpecError::new(path.clone(), Problem::WrongType { expected: Expected::NumberOrNull, found: crate::numfmt::plain(*n) }))
        }
        Json::Number(n) if n.abs() > VALUE_LIMIT => {
            Err(SpecError::new(path.clone(), Problem::OutOfRange { found: *n, limit: VALUE_LIMIT }))
        }
        Json::Number(n) => Ok(*n),
        other => Err(SpecError::wrong_type(path, Expected::Number, other, locale)),
    }
}
