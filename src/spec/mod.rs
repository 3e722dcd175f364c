//! The public JSON contract (docs/spec.md), validated into typed values.
//!
//! Everything an author can write is read here and nowhere else: `json` is the input tree
//! (from a JS object or JSON text), `fields` reads one object of it (unknown and repeated
//! keys refused, each allowed name written once), `parse` builds the [`ChartSpec`] and
//! `error` says what is wrong, where, in Japanese or English. Fields are checked per chart
//! type: an unknown field is rejected with the allowed ones listed (a typo must not silently
//! drop a setting), and a field that belongs to another type says so. Every error names its
//! JSON path; numbers are checked for being finite and drawable.

pub mod contract;
pub mod error;
pub(crate) mod fields;
pub mod json;
mod parse;

pub use parse::parse_spec;
#[cfg(feature = "map")]
pub(crate) use parse::parse_values;
pub(crate) use parse::{refresh_of, stat_symbol};

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::theme::{Color, LineDash, MarkerShape, ThemeName};
use json::Json;

/// The most categories (points per series) a chart accepts: a million, as uPlot and
/// Chart.js's decimation draw, because lines are decimated per pixel column (M4) before they
/// are drawn. Beyond it a spec is refused with this number, before it is converted.
pub const MAX_CATEGORIES: usize = 1_000_000;
/// The most series a chart accepts.
pub const MAX_SERIES: usize = 100;
/// The shortest `refresh` interval in seconds: a published table changes daily at most, and
/// a dashboard of 16 charts must not poll a ministry's server every few seconds.
pub const MIN_REFRESH: i64 = 60;
/// The longest `refresh` interval in seconds (one day).
pub const MAX_REFRESH: i64 = 86_400;
/// The largest absolute value drawn (100京); beyond it, axis arithmetic loses meaning.
pub const VALUE_LIMIT: f64 = 1e18;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartType {
    Line,
    Area,
    Column,
    Bar,
    Pie,
    Donut,
    Kpi,
    Progress,
    /// A prefecture map (the `map` feature; see `crate::map`).
    Map,
}

impl ChartType {
    /// The types this build draws: maps only in the map build (the loader sends map specs there).
    #[cfg(feature = "map")]
    pub const NAMES: &'static [&'static str] = &["line", "area", "column", "bar", "pie", "donut", "kpi", "progress", "map"];
    #[cfg(not(feature = "map"))]
    pub const NAMES: &'static [&'static str] = &["line", "area", "column", "bar", "pie", "donut", "kpi", "progress"];
    const ALL: [ChartType; 9] = [
        ChartType::Line,
        ChartType::Area,
        ChartType::Column,
        ChartType::Bar,
        ChartType::Pie,
        ChartType::Donut,
        ChartType::Kpi,
        ChartType::Progress,
        ChartType::Map,
    ];

    pub fn parse(name: &str) -> Option<ChartType> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        let at = Self::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Self::NAMES.get(at).copied().unwrap_or("map")
    }

    /// Charts with a category axis and a value axis.
    pub fn is_cartesian(self) -> bool {
        matches!(self, ChartType::Line | ChartType::Area | ChartType::Column | ChartType::Bar)
    }
}

/// How series of a cartesian chart combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stacking {
    #[default]
    None,
    Normal,
    Percent,
}

/// How one series of a combo chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    Line,
    Column,
    Area,
}

/// Which value axis a series is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AxisSide {
    #[default]
    Left,
    Right,
}

/// Statistical table symbols that stand where a number is missing for a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatSymbol {
    /// `-`: 該当数値なし
    NotApplicable,
    /// `…`: 不詳
    Unknown,
    /// `x`: 秘匿
    Confidential,
}

impl StatSymbol {
    /// The symbol as statistical tables print it.
    pub fn symbol(self) -> &'static str {
        match self {
            StatSymbol::NotApplicable => "-",
            StatSymbol::Unknown => "…",
            StatSymbol::Confidential => "x",
        }
    }

    /// What the symbol means, for table footnotes and screen readers.
    pub fn meaning(self, locale: Locale) -> &'static str {
        match self {
            StatSymbol::NotApplicable => locale.pick("該当数値なし", "not applicable"),
            StatSymbol::Unknown => locale.pick("不詳", "unknown"),
            StatSymbol::Confidential => locale.pick("秘匿", "confidential"),
        }
    }
}

/// Marks on a published number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueFlag {
    /// `p`: 速報値
    Preliminary,
    /// `r`: 訂正値
    Revised,
}

impl ValueFlag {
    pub fn symbol(self) -> &'static str {
        match self {
            ValueFlag::Preliminary => "p",
            ValueFlag::Revised => "r",
        }
    }

    pub fn meaning(self, locale: Locale) -> &'static str {
        match self {
            ValueFlag::Preliminary => locale.pick("速報値", "preliminary"),
            ValueFlag::Revised => locale.pick("訂正値", "revised"),
        }
    }
}

/// What a value carries besides its number, kept for tables, tooltips and point notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValueExtra {
    pub symbol: Option<StatSymbol>,
    pub flag: Option<ValueFlag>,
    pub note: Option<String>,
}

/// One named row of values, aligned with the categories; `None` is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// Symbols, flags and notes by value index, in index order (most values have none).
    pub extras: Vec<(usize, ValueExtra)>,
    pub kind: Option<SeriesKind>,
    pub axis: AxisSide,
    pub dash: Option<LineDash>,
    pub marker: Option<MarkerShape>,
    pub color: Option<Color>,
}

impl Series {
    /// The symbol, flag or note of value `index`, if it has any.
    pub fn extra(&self, index: usize) -> Option<&ValueExtra> {
        self.extras.binary_search_by_key(&index, |(i, _)| *i).ok().map(|at| &self.extras[at].1)
    }
}

/// Where the figures come from (出典).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub label: String,
    /// Always `http:` or `https:`; other schemes (`javascript:`) are refused.
    pub url: Option<String>,
    /// The figures were computed from the source: 「…を加工して作成」.
    pub derived: bool,
}

/// Fixed ends and a title for a value axis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AxisSpec {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub title: Option<String>,
    /// Only for the right axis; the left axis uses the chart's `unit`.
    pub unit: Option<String>,
}

/// Marks laid over a cartesian chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Annotation {
    /// A reference line at a value (a target, 目標).
    Line { value: f64, label: Option<String>, axis: AxisSide },
    /// A shaded span between two category indices, inclusive.
    Band { from: usize, to: usize, label: Option<String> },
    /// A labelled value.
    Point { series: usize, index: usize, label: Option<String> },
}

/// Light, dark, or whatever the reader's system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorScheme {
    #[default]
    Light,
    Dark,
    Auto,
}

/// The author's own text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    pub text: String,
    /// `true`: added after the generated summary; `false`: replaces it.
    pub append: bool,
}

/// A KPI's earlier value, for the delta.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub value: f64,
    pub as_of: Option<PartialDate>,
    pub label: Option<String>,
}

/// A KPI's share of a whole, in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub value: f64,
    pub label: Option<String>,
}

/// The big number of a `kpi` chart; its sparkline is the chart's categories and series.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub value: f64,
    pub previous: Option<Previous>,
    pub share: Option<Share>,
}

/// A `progress` chart's value and target.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub value: f64,
    pub target: f64,
    pub goal: Option<String>,
}

/// A validated chart spec. Fields that a type does not take keep their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart_type: ChartType,
    pub title: String,
    pub subtitle: Option<String>,
    pub unit: Option<String>,
    pub decimals: Option<usize>,
    pub source: Option<Source>,
    pub as_of: Option<PartialDate>,
    pub updated: Option<PartialDate>,
    pub notes: Vec<String>,
    pub locale: Locale,
    pub theme: ThemeName,
    pub color_scheme: ColorScheme,
    pub card: bool,
    pub era: bool,
    pub description: Option<Description>,
    /// Category labels: the x axis, pie slices, or a KPI's sparkline dates.
    pub categories: Vec<String>,
    /// Values per category; a KPI sparkline is one series.
    pub series: Vec<Series>,
    pub stacking: Stacking,
    pub y_axis: AxisSpec,
    pub y2_axis: Option<AxisSpec>,
    pub annotations: Vec<Annotation>,
    pub center_label: Option<String>,
    pub kpi: Option<Kpi>,
    pub progress: Option<Progress>,
    /// Seconds between background refreshes of `data` (the file itself is read by `crate::data`).
    pub refresh: Option<u32>,
    /// A map's regions, layout, scale and reference.
    #[cfg(feature = "map")]
    pub map: Option<crate::map::MapSpec>,
}

/// The chart's language: the spec's own `locale` when readable, else `fallback` (the page's).
pub fn spec_locale(json: &Json, fallback: Locale) -> Locale {
    match json.get("locale") {
        Some(Json::String(tag)) => Locale::parse(tag).unwrap_or(fallback),
        _ => fallback,
    }
}

/// Test helper: a valid spec from JSON text (panics with the message when invalid).
#[cfg(test)]
pub(crate) fn spec_from_text(text: &str) -> ChartSpec {
    let json: Json = serde_json::from_str(text).expect("test specs are JSON");
    parse_spec(&json, Locale::Ja).unwrap_or_else(|e| panic!("{}", e.message(Locale::Ja)))
}
