//! The public JSON contract, validated into typed values.
//!
//! Everything an author can write is read here and nowhere else: unknown fields are
//! rejected with the list of allowed ones (a typo must not silently drop a setting),
//! every error names its JSON path, and numbers are checked for being finite and
//! drawable. Later chart types extend `ChartType` and the field lists.

use crate::dates::PartialDate;
use crate::error::{closest_name, Expected, Problem, SpecError};
use crate::json::{Json, JsonPath};
use crate::locale::Locale;

/// The most categories (points per series) a chart accepts.
pub const MAX_CATEGORIES: usize = 100_000;
/// The most series a chart accepts.
pub const MAX_SERIES: usize = 100;
/// The largest absolute value drawn (100京); beyond it, axis arithmetic loses meaning.
pub const VALUE_LIMIT: f64 = 1e18;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartType {
    Line,
    Column,
}

impl ChartType {
    const NAMES: &'static [&'static str] = &["line", "column"];

    fn parse(name: &str) -> Option<ChartType> {
        match name {
            "line" => Some(ChartType::Line),
            "column" => Some(ChartType::Column),
            _ => None,
        }
    }
}

/// One named row of values, aligned with the categories; `None` is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// Where the figures come from (出典).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub label: String,
    /// Always `http:` or `https:`; other schemes (`javascript:`) are refused.
    pub url: Option<String>,
}

/// A validated chart spec.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart_type: ChartType,
    pub title: String,
    pub subtitle: Option<String>,
    pub unit: Option<String>,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub source: Option<Source>,
    pub as_of: Option<PartialDate>,
    pub updated: Option<PartialDate>,
    pub notes: Vec<String>,
    pub locale: Locale,
}

const TOP_FIELDS: &[&str] = &[
    "type", "title", "subtitle", "unit", "categories", "series", "source", "asOf", "updated", "notes", "locale",
];
const SERIES_FIELDS: &[&str] = &["name", "values"];
const SOURCE_FIELDS: &[&str] = &["label", "url"];
const LOCALES: &[&str] = &["ja", "en"];

/// The language to report errors in: the spec's own `locale` when readable, else Japanese.
pub fn spec_locale(json: &Json) -> Locale {
    match json.get("locale") {
        Some(Json::String(tag)) => Locale::parse(tag).unwrap_or_default(),
        _ => Locale::default(),
    }
}

/// Validates a spec. The first problem found is returned.
pub fn parse_spec(json: &Json) -> Result<ChartSpec, SpecError> {
    let locale = spec_locale(json);
    let root = Fields::of(json, &JsonPath::root(), TOP_FIELDS, locale)?;

    let type_path = root.path("type");
    let type_name = root.required_string("type")?;
    let chart_type = ChartType::parse(&type_name)
        .ok_or_else(|| SpecError::new(type_path, Problem::NotOneOf { found: type_name, allowed: ChartType::NAMES }))?;

    if let Some(tag) = root.string("locale")? {
        if Locale::parse(&tag).is_none() {
            return Err(SpecError::new(root.path("locale"), Problem::NotOneOf { found: tag, allowed: LOCALES }));
        }
    }

    let title = root.required_string("title")?;
    if title.trim().is_empty() {
        return Err(SpecError::new(root.path("title"), Problem::Empty));
    }

    let categories = parse_categories(&root)?;
    let series = parse_series(&root, categories.len())?;

    Ok(ChartSpec {
        chart_type,
        title,
        subtitle: root.string("subtitle")?,
        unit: root.string("unit")?,
        categories,
        series,
        source: parse_source(&root)?,
        as_of: root.date("asOf")?,
        updated: root.date("updated")?,
        notes: parse_notes(&root)?,
        locale,
    })
}

fn parse_categories(root: &Fields) -> Result<Vec<String>, SpecError> {
    let path = root.path("categories");
    let items = root.required_array("categories")?;
    if items.is_empty() {
        return Err(SpecError::new(path, Problem::Empty));
    }
    if items.len() > MAX_CATEGORIES {
        return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: MAX_CATEGORIES }));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Json::String(s) => Ok(s.clone()),
            // Years are often written as numbers: accept integers as their text.
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Ok(format!("{n}")),
            other => Err(SpecError::wrong_type(&path.index(i), Expected::String, other, root.locale)),
        })
        .collect()
}

fn parse_series(root: &Fields, category_count: usize) -> Result<Vec<Series>, SpecError> {
    let path = root.path("series");
    let items = root.required_array("series")?;
    if items.is_empty() {
        return Err(SpecError::new(path, Problem::Empty));
    }
    if items.len() > MAX_SERIES {
        return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: MAX_SERIES }));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let fields = Fields::of(item, &item_path, SERIES_FIELDS, root.locale)?;
        let name = fields.required_string("name")?;
        let values_path = fields.path("values");
        let raw = fields.required_array("values")?;
        if raw.len() != category_count {
            return Err(SpecError::new(values_path, Problem::LengthMismatch { expected: category_count, found: raw.len() }));
        }
        let values = raw
            .iter()
            .enumerate()
            .map(|(j, v)| parse_value(v, &values_path.index(j), root.locale))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(Series { name, values });
    }
    if out.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return Err(SpecError::new(path, Problem::AllNull));
    }
    Ok(out)
}

fn parse_value(value: &Json, path: &JsonPath, locale: Locale) -> Result<Option<f64>, SpecError> {
    match value {
        Json::Null => Ok(None),
        // NaN and ±Infinity can arrive from JavaScript callers (JSON itself has none).
        Json::Number(n) if !n.is_finite() => Err(SpecError::new(
            path.clone(),
            Problem::WrongType { expected: Expected::NumberOrNull, found: format!("{n}") },
        )),
        Json::Number(n) if n.abs() > VALUE_LIMIT => {
            Err(SpecError::new(path.clone(), Problem::OutOfRange { found: *n, limit: VALUE_LIMIT }))
        }
        Json::Number(n) => Ok(Some(*n)),
        other => Err(SpecError::wrong_type(path, Expected::NumberOrNull, other, locale)),
    }
}

fn parse_source(root: &Fields) -> Result<Option<Source>, SpecError> {
    let path = root.path("source");
    match root.get("source") {
        None | Some(Json::Null) => Ok(None),
        // A bare string is the label alone: the common case in articles.
        Some(Json::String(label)) => Ok(Some(Source { label: label.clone(), url: None })),
        Some(value) => {
            let fields = Fields::of(value, &path, SOURCE_FIELDS, root.locale)?;
            let label = fields.required_string("label")?;
            let url = match fields.string("url")? {
                Some(url) if is_http_url(&url) => Some(url),
                Some(url) => {
                    return Err(SpecError::wrong_type(&fields.path("url"), Expected::HttpUrl, &Json::String(url), root.locale))
                }
                None => None,
            };
            Ok(Some(Source { label, url }))
        }
    }
}

fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(|c| c.is_control() || c == ' ')
}

fn parse_notes(root: &Fields) -> Result<Vec<String>, SpecError> {
    let path = root.path("notes");
    match root.get("notes") {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::String(note)) => Ok(vec![note.clone()]),
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Json::String(s) => Ok(s.clone()),
                other => Err(SpecError::wrong_type(&path.index(i), Expected::String, other, root.locale)),
            })
            .collect(),
        Some(other) => Err(SpecError::wrong_type(&path, Expected::Array, other, root.locale)),
    }
}

/// Reads the fields of one JSON object, rejecting unknown ones up front.
struct Fields<'a> {
    value: &'a Json,
    at: JsonPath,
    locale: Locale,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Json, at: &JsonPath, allowed: &'static [&'static str], locale: Locale) -> Result<Self, SpecError> {
        let Json::Object(entries) = value else {
            return Err(SpecError::wrong_type(at, Expected::Object, value, locale));
        };
        if let Some((key, _)) = entries.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(SpecError::new(
                at.key(key),
                Problem::UnknownField { allowed, suggestion: closest_name(key, allowed) },
            ));
        }
        Ok(Fields { value, at: at.clone(), locale })
    }

    fn path(&self, key: &str) -> JsonPath {
        self.at.key(key)
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.value.get(key)
    }

    fn string(&self, key: &str) -> Result<Option<String>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::String, other, self.locale)),
        }
    }

    fn required_string(&self, key: &str) -> Result<String, SpecError> {
        self.string(key)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    fn required_array(&self, key: &str) -> Result<&'a [Json], SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Err(SpecError::new(self.path(key), Problem::Missing)),
            Some(Json::Array(items)) => Ok(items),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::Array, other, self.locale)),
        }
    }

    fn date(&self, key: &str) -> Result<Option<PartialDate>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(text) => PartialDate::parse(&text)
                .map(Some)
                .ok_or_else(|| SpecError::wrong_type(&self.path(key), Expected::DateString, &Json::String(text), self.locale)),
        }
    }
}
