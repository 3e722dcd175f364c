//! The public JSON contract (docs/spec.md), validated into typed values.
//!
//! Everything an author can write is read here and nowhere else. Fields are checked per
//! chart type: an unknown field is rejected with the allowed ones listed (a typo must not
//! silently drop a setting), and a field that belongs to another type says so. Every error
//! names its JSON path; numbers are checked for being finite and drawable.

use crate::dates::PartialDate;
use crate::error::{closest_name, Expected, Problem, SpecError};
use crate::json::{Json, JsonPath};
use crate::locale::Locale;
use crate::theme::{Color, LineDash, MarkerShape, ThemeName};

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
    Area,
    Column,
    Bar,
    Pie,
    Donut,
    Kpi,
    Progress,
}

impl ChartType {
    pub const NAMES: &'static [&'static str] = &["line", "area", "column", "bar", "pie", "donut", "kpi", "progress"];
    const ALL: [ChartType; 8] = [
        ChartType::Line,
        ChartType::Area,
        ChartType::Column,
        ChartType::Bar,
        ChartType::Pie,
        ChartType::Donut,
        ChartType::Kpi,
        ChartType::Progress,
    ];

    pub fn parse(name: &str) -> Option<ChartType> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|t| *t == self).unwrap_or(0)]
    }

    /// Charts with a category axis and a value axis.
    pub fn is_cartesian(self) -> bool {
        matches!(self, ChartType::Line | ChartType::Area | ChartType::Column | ChartType::Bar)
    }

    /// The fields this type takes, for validation and for listing in messages.
    fn fields(self) -> &'static [&'static str] {
        match self {
            ChartType::Line => LINE_FIELDS,
            ChartType::Area | ChartType::Column => STACKABLE_FIELDS,
            ChartType::Bar => STACKABLE_FIELDS,
            ChartType::Pie | ChartType::Donut => PIE_FIELDS,
            ChartType::Kpi => KPI_FIELDS,
            ChartType::Progress => PROGRESS_FIELDS,
        }
    }
}

macro_rules! with_common {
    ($($extra:literal),*) => {
        &["type", "title", "subtitle", "unit", "decimals", "source", "asOf", "updated", "notes", "locale",
          "theme", "colorScheme", "card", "era", "description" $(, $extra)*]
    };
}
const LINE_FIELDS: &[&str] = with_common!("categories", "series", "yAxis", "y2Axis", "annotations");
const STACKABLE_FIELDS: &[&str] = with_common!("categories", "series", "stacking", "yAxis", "y2Axis", "annotations");
const PIE_FIELDS: &[&str] = with_common!("categories", "series", "centerLabel");
const KPI_FIELDS: &[&str] = with_common!("value", "previous", "share", "sparkline");
const PROGRESS_FIELDS: &[&str] = with_common!("value", "target", "goal");
const ALL_FIELDS: &[&str] = with_common!(
    "categories",
    "series",
    "stacking",
    "yAxis",
    "y2Axis",
    "annotations",
    "centerLabel",
    "value",
    "previous",
    "share",
    "sparkline",
    "target",
    "goal"
);

const SERIES_FIELDS: &[&str] = &["name", "values", "type", "axis", "style", "marker", "color"];
const BAR_SERIES_FIELDS: &[&str] = &["name", "values", "color"];
/// A pie's one series: its slices take the theme's colours in order.
const PIE_SERIES_FIELDS: &[&str] = &["name", "values"];
const SOURCE_FIELDS: &[&str] = &["label", "url", "derived"];
const AXIS_FIELDS: &[&str] = &["min", "max", "title"];
const Y2_AXIS_FIELDS: &[&str] = &["min", "max", "title", "unit"];
const VALUE_FIELDS: &[&str] = &["value", "flag", "note"];
const DESCRIPTION_FIELDS: &[&str] = &["text", "mode"];
const PREVIOUS_FIELDS: &[&str] = &["value", "asOf", "label"];
const SHARE_FIELDS: &[&str] = &["value", "label"];
const SPARKLINE_FIELDS: &[&str] = &["categories", "values"];
const LINE_ANNOTATION_FIELDS: &[&str] = &["type", "value", "label", "axis"];
const BAND_ANNOTATION_FIELDS: &[&str] = &["type", "from", "to", "label"];
const POINT_ANNOTATION_FIELDS: &[&str] = &["type", "series", "category", "label"];

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

/// Validates a spec. The first problem found is returned.
/// `fallback` is the language when the spec names none (see [`spec_locale`]).
pub fn parse_spec(json: &Json, fallback: Locale) -> Result<ChartSpec, SpecError> {
    let locale = spec_locale(json, fallback);
    let root_path = JsonPath::root();
    let Json::Object(_) = json else {
        return Err(SpecError::wrong_type(&root_path, Expected::Object, json, locale));
    };
    // The type decides which fields are allowed, so it is read first.
    let type_name = match json.get("type") {
        None | Some(Json::Null) => return Err(SpecError::new(root_path.key("type"), Problem::Missing)),
        Some(Json::String(s)) => s.clone(),
        Some(other) => return Err(SpecError::wrong_type(&root_path.key("type"), Expected::String, other, locale)),
    };
    let chart_type = ChartType::parse(&type_name)
        .ok_or_else(|| SpecError::new(root_path.key("type"), Problem::NotOneOf { found: type_name, allowed: ChartType::NAMES }))?;
    let root = Fields::of_type(json, &root_path, chart_type, locale)?;

    if let Some(tag) = root.string("locale")? {
        if Locale::parse(&tag).is_none() {
            return Err(SpecError::new(root.path("locale"), Problem::NotOneOf { found: tag, allowed: &["ja", "en"] }));
        }
    }
    let title = root.required_string("title")?;
    if title.trim().is_empty() {
        return Err(SpecError::new(root.path("title"), Problem::Empty));
    }

    let mut spec = ChartSpec {
        chart_type,
        title,
        subtitle: root.string("subtitle")?,
        unit: root.string("unit")?,
        decimals: root.integer("decimals", 0, 6)?.map(|d| d as usize),
        source: parse_source(&root)?,
        as_of: root.date("asOf")?,
        updated: root.date("updated")?,
        notes: parse_notes(&root)?,
        locale,
        theme: root.one_of("theme", ThemeName::NAMES, ThemeName::parse)?.unwrap_or_default(),
        color_scheme: root
            .one_of("colorScheme", &["light", "dark", "auto"], |s| match s {
                "light" => Some(ColorScheme::Light),
                "dark" => Some(ColorScheme::Dark),
                "auto" => Some(ColorScheme::Auto),
                _ => None,
            })?
            .unwrap_or_default(),
        card: root.boolean("card")?.unwrap_or(true),
        era: root.boolean("era")?.unwrap_or(false),
        description: parse_description(&root)?,
        categories: Vec::new(),
        series: Vec::new(),
        stacking: Stacking::None,
        y_axis: AxisSpec::default(),
        y2_axis: None,
        annotations: Vec::new(),
        center_label: None,
        kpi: None,
        progress: None,
    };

    match chart_type {
        ChartType::Kpi => parse_kpi(&root, &mut spec)?,
        ChartType::Progress => parse_progress(&root, &mut spec)?,
        ChartType::Pie | ChartType::Donut => parse_pie(&root, &mut spec)?,
        _ => parse_cartesian(&root, &mut spec)?,
    }
    Ok(spec)
}

fn parse_cartesian(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    spec.categories = parse_categories(&root.path("categories"), root.get("categories"), root.locale)?;
    spec.series = parse_series_list(root, spec.chart_type, spec.categories.len())?;
    spec.stacking = root
        .one_of("stacking", &["normal", "percent"], |s| match s {
            "normal" => Some(Stacking::Normal),
            "percent" => Some(Stacking::Percent),
            _ => None,
        })?
        .unwrap_or_default();
    if spec.stacking == Stacking::Percent {
        reject_negatives(&spec.series, &root.path("series"))?;
    }
    spec.y_axis = parse_axis(root, "yAxis", AXIS_FIELDS)?.unwrap_or_default();
    spec.y2_axis = parse_axis(root, "y2Axis", Y2_AXIS_FIELDS)?;
    spec.annotations = parse_annotations(root, &spec.categories, spec.series.len())?;
    Ok(())
}

fn parse_pie(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    spec.categories = parse_categories(&root.path("categories"), root.get("categories"), root.locale)?;
    spec.series = parse_series_list(root, spec.chart_type, spec.categories.len())?;
    if spec.series.len() > 1 {
        return Err(SpecError::new(root.path("series"), Problem::TooMany { found: spec.series.len(), limit: 1 }));
    }
    reject_negatives(&spec.series, &root.path("series"))?;
    if spec.series[0].values.iter().flatten().sum::<f64>() <= 0.0 {
        return Err(SpecError::new(root.path("series").index(0).key("values"), Problem::ZeroTotal));
    }
    spec.center_label = root.string("centerLabel")?;
    Ok(())
}

fn parse_kpi(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    let value = root.required_number("value")?;
    let previous = match root.get("previous") {
        None | Some(Json::Null) => None,
        Some(v) => {
            let fields = Fields::of(v, &root.path("previous"), PREVIOUS_FIELDS, root.locale)?;
            Some(Previous { value: fields.required_number("value")?, as_of: fields.date("asOf")?, label: fields.string("label")? })
        }
    };
    let share = match root.get("share") {
        None | Some(Json::Null) => None,
        Some(v) => {
            let fields = Fields::of(v, &root.path("share"), SHARE_FIELDS, root.locale)?;
            Some(Share { value: fields.required_number("value")?, label: fields.string("label")? })
        }
    };
    if let Some(v) = root.get("sparkline").filter(|v| **v != Json::Null) {
        let path = root.path("sparkline");
        let fields = Fields::of(v, &path, SPARKLINE_FIELDS, root.locale)?;
        spec.categories = parse_categories(&fields.path("categories"), fields.get("categories"), root.locale)?;
        let (values, extras) = parse_values(&fields, spec.categories.len())?;
        if values.iter().all(Option::is_none) {
            return Err(SpecError::new(fields.path("values"), Problem::AllNull));
        }
        spec.series = vec![Series {
            name: spec.title.clone(),
            values,
            extras,
            kind: Some(SeriesKind::Line),
            axis: AxisSide::Left,
            dash: None,
            marker: Some(MarkerShape::None),
            color: None,
        }];
    }
    spec.kpi = Some(Kpi { value, previous, share });
    Ok(())
}

fn parse_progress(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    let value = root.required_number("value")?;
    if value < 0.0 {
        return Err(SpecError::new(root.path("value"), Problem::Negative { found: value }));
    }
    let target = root.required_number("target")?;
    if target <= 0.0 {
        return Err(SpecError::new(root.path("target"), Problem::ZeroTotal));
    }
    spec.progress = Some(Progress { value, target, goal: root.string("goal")? });
    Ok(())
}

fn parse_categories(path: &JsonPath, value: Option<&Json>, locale: Locale) -> Result<Vec<String>, SpecError> {
    let items = match value {
        None | Some(Json::Null) => return Err(SpecError::new(path.clone(), Problem::Missing)),
        Some(Json::Array(items)) => items,
        Some(other) => return Err(SpecError::wrong_type(path, Expected::Array, other, locale)),
    };
    if items.is_empty() {
        return Err(SpecError::new(path.clone(), Problem::Empty));
    }
    if items.len() > MAX_CATEGORIES {
        return Err(SpecError::new(path.clone(), Problem::TooMany { found: items.len(), limit: MAX_CATEGORIES }));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Json::String(s) => Ok(s.clone()),
            // Years are often written as numbers: accept integers as their text.
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Ok(format!("{n}")),
            other => Err(SpecError::wrong_type(&path.index(i), Expected::String, other, locale)),
        })
        .collect()
}

fn parse_series_list(root: &Fields, chart_type: ChartType, category_count: usize) -> Result<Vec<Series>, SpecError> {
    let path = root.path("series");
    let items = root.required_array("series")?;
    if items.is_empty() {
        return Err(SpecError::new(path, Problem::Empty));
    }
    if items.len() > MAX_SERIES {
        return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: MAX_SERIES }));
    }
    // Per-series drawing options only where they mean something.
    let allowed = match chart_type {
        ChartType::Line | ChartType::Area | ChartType::Column => SERIES_FIELDS,
        ChartType::Pie | ChartType::Donut => PIE_SERIES_FIELDS,
        _ => BAR_SERIES_FIELDS,
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let fields = Fields::of(item, &path.index(i), allowed, root.locale)?;
        let name = fields.required_string("name")?;
        let (values, extras) = parse_values(&fields, category_count)?;
        out.push(Series {
            name,
            values,
            extras,
            kind: fields.one_of("type", &["line", "column", "area"], |s| match s {
                "line" => Some(SeriesKind::Line),
                "column" => Some(SeriesKind::Column),
                "area" => Some(SeriesKind::Area),
                _ => None,
            })?,
            axis: fields
                .one_of("axis", &["left", "right"], |s| match s {
                    "left" => Some(AxisSide::Left),
                    "right" => Some(AxisSide::Right),
                    _ => None,
                })?
                .unwrap_or_default(),
            dash: fields.one_of("style", &["solid", "dashed", "dotted"], |s| match s {
                "solid" => Some(LineDash::Solid),
                "dashed" => Some(LineDash::Dashed),
                "dotted" => Some(LineDash::Dotted),
                _ => None,
            })?,
            marker: fields.one_of("marker", &["circle", "square", "triangle", "diamond", "none"], |s| match s {
                "circle" => Some(MarkerShape::Circle),
                "square" => Some(MarkerShape::Square),
                "triangle" => Some(MarkerShape::Triangle),
                "diamond" => Some(MarkerShape::Diamond),
                "none" => Some(MarkerShape::None),
                _ => None,
            })?,
            color: fields.color("color")?,
        });
    }
    if out.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return Err(SpecError::new(path, Problem::AllNull));
    }
    Ok(out)
}

type Values = (Vec<Option<f64>>, Vec<(usize, ValueExtra)>);

/// The `values` array of a series or sparkline: numbers, nulls, symbols and value objects.
fn parse_values(fields: &Fields, category_count: usize) -> Result<Values, SpecError> {
    let path = fields.path("values");
    let raw = fields.required_array("values")?;
    if raw.len() != category_count {
        return Err(SpecError::new(path, Problem::LengthMismatch { expected: category_count, found: raw.len() }));
    }
    let mut values = Vec::with_capacity(raw.len());
    let mut extras = Vec::new();
    for (j, item) in raw.iter().enumerate() {
        let (value, extra) = parse_value(item, &path.index(j), fields.locale)?;
        values.push(value);
        if let Some(extra) = extra {
            extras.push((j, extra));
        }
    }
    Ok((values, extras))
}

fn parse_value(value: &Json, path: &JsonPath, locale: Locale) -> Result<(Option<f64>, Option<ValueExtra>), SpecError> {
    match value {
        Json::Null => Ok((None, None)),
        Json::Number(_) => Ok((Some(finite_number(value, path, locale)?), None)),
        Json::String(s) => match stat_symbol(s) {
            Some(symbol) => Ok((None, Some(ValueExtra { symbol: Some(symbol), ..ValueExtra::default() }))),
            None => Err(SpecError::wrong_type(path, Expected::NumberOrNull, value, locale)),
        },
        Json::Object(_) => {
            let fields = Fields::of(value, path, VALUE_FIELDS, locale)?;
            let number = match fields.get("value") {
                None | Some(Json::Null) => None,
                Some(v) => Some(finite_number(v, &fields.path("value"), locale)?),
            };
            let flag = fields.one_of("flag", &["p", "r"], |s| match s {
                "p" => Some(ValueFlag::Preliminary),
                "r" => Some(ValueFlag::Revised),
                _ => None,
            })?;
            Ok((number, Some(ValueExtra { symbol: None, flag, note: fields.string("note")? })))
        }
        other => Err(SpecError::wrong_type(path, Expected::NumberOrNull, other, locale)),
    }
}

fn stat_symbol(text: &str) -> Option<StatSymbol> {
    match text.trim() {
        "-" | "－" | "‐" => Some(StatSymbol::NotApplicable),
        "…" | "..." | "･･･" | "・・・" => Some(StatSymbol::Unknown),
        "x" | "X" | "ｘ" => Some(StatSymbol::Confidential),
        _ => None,
    }
}

/// A finite number within `VALUE_LIMIT`. NaN and ±Infinity can arrive from JavaScript callers.
fn finite_number(value: &Json, path: &JsonPath, locale: Locale) -> Result<f64, SpecError> {
    match value {
        Json::Number(n) if !n.is_finite() => {
            Err(SpecError::new(path.clone(), Problem::WrongType { expected: Expected::NumberOrNull, found: format!("{n}") }))
        }
        Json::Number(n) if n.abs() > VALUE_LIMIT => {
            Err(SpecError::new(path.clone(), Problem::OutOfRange { found: *n, limit: VALUE_LIMIT }))
        }
        Json::Number(n) => Ok(*n),
        other => Err(SpecError::wrong_type(path, Expected::Number, other, locale)),
    }
}

fn reject_negatives(series: &[Series], path: &JsonPath) -> Result<(), SpecError> {
    for (i, s) in series.iter().enumerate() {
        if let Some((j, v)) = s.values.iter().enumerate().find_map(|(j, v)| v.filter(|v| *v < 0.0).map(|v| (j, v))) {
            return Err(SpecError::new(path.index(i).key("values").index(j), Problem::Negative { found: v }));
        }
    }
    Ok(())
}

fn parse_axis(root: &Fields, key: &str, allowed: &'static [&'static str]) -> Result<Option<AxisSpec>, SpecError> {
    let Some(value) = root.get(key).filter(|v| **v != Json::Null) else { return Ok(None) };
    let fields = Fields::of(value, &root.path(key), allowed, root.locale)?;
    let axis =
        AxisSpec { min: fields.number("min")?, max: fields.number("max")?, title: fields.string("title")?, unit: fields.string("unit")? };
    if let (Some(min), Some(max)) = (axis.min, axis.max) {
        if min >= max {
            return Err(SpecError::new(root.path(key), Problem::EmptyRange { min, max }));
        }
    }
    Ok(Some(axis))
}

fn parse_annotations(root: &Fields, categories: &[String], series_count: usize) -> Result<Vec<Annotation>, SpecError> {
    let path = root.path("annotations");
    let items = match root.get("annotations") {
        None | Some(Json::Null) => return Ok(Vec::new()),
        Some(Json::Array(items)) => items,
        Some(other) => return Err(SpecError::wrong_type(&path, Expected::Array, other, root.locale)),
    };
    let category_index = |fields: &Fields, key: &str| -> Result<usize, SpecError> {
        let name = fields.required_string(key)?;
        categories.iter().position(|c| *c == name).ok_or_else(|| SpecError::new(fields.path(key), Problem::NotACategory { found: name }))
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        let kind = match item.get("type") {
            Some(Json::String(s)) => s.as_str(),
            Some(other) => return Err(SpecError::wrong_type(&at.key("type"), Expected::String, other, root.locale)),
            None => return Err(SpecError::new(at.key("type"), Problem::Missing)),
        };
        let annotation = match kind {
            "line" => {
                let f = Fields::of(item, &at, LINE_ANNOTATION_FIELDS, root.locale)?;
                Annotation::Line {
                    value: f.required_number("value")?,
                    label: f.string("label")?,
                    axis: f
                        .one_of("axis", &["left", "right"], |s| match s {
                            "left" => Some(AxisSide::Left),
                            "right" => Some(AxisSide::Right),
                            _ => None,
                        })?
                        .unwrap_or_default(),
                }
            }
            "band" => {
                let f = Fields::of(item, &at, BAND_ANNOTATION_FIELDS, root.locale)?;
                let (a, b) = (category_index(&f, "from")?, category_index(&f, "to")?);
                Annotation::Band { from: a.min(b), to: a.max(b), label: f.string("label")? }
            }
            "point" => {
                let f = Fields::of(item, &at, POINT_ANNOTATION_FIELDS, root.locale)?;
                let series = f.required_integer("series", 0, series_count as i64 - 1)? as usize;
                Annotation::Point { series, index: category_index(&f, "category")?, label: f.string("label")? }
            }
            other => {
                return Err(SpecError::new(
                    at.key("type"),
                    Problem::NotOneOf { found: other.to_owned(), allowed: &["line", "band", "point"] },
                ))
            }
        };
        out.push(annotation);
    }
    Ok(out)
}

fn parse_source(root: &Fields) -> Result<Option<Source>, SpecError> {
    let path = root.path("source");
    match root.get("source") {
        None | Some(Json::Null) => Ok(None),
        // A bare string is the label alone: the common case in articles.
        Some(Json::String(label)) => Ok(Some(Source { label: label.clone(), url: None, derived: false })),
        Some(value) => {
            let fields = Fields::of(value, &path, SOURCE_FIELDS, root.locale)?;
            let label = fields.required_string("label")?;
            let url = match fields.string("url")? {
                Some(url) if is_http_url(&url) => Some(url),
                Some(url) => return Err(SpecError::wrong_type(&fields.path("url"), Expected::HttpUrl, &Json::String(url), root.locale)),
                None => None,
            };
            Ok(Some(Source { label, url, derived: fields.boolean("derived")?.unwrap_or(false) }))
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

fn parse_description(root: &Fields) -> Result<Option<Description>, SpecError> {
    match root.get("description") {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(Description { text: text.clone(), append: false })),
        Some(value @ Json::Object(_)) => {
            let fields = Fields::of(value, &root.path("description"), DESCRIPTION_FIELDS, root.locale)?;
            let append = fields
                .one_of("mode", &["replace", "append"], |s| match s {
                    "replace" => Some(false),
                    "append" => Some(true),
                    _ => None,
                })?
                .unwrap_or(false);
            Ok(Some(Description { text: fields.required_string("text")?, append }))
        }
        Some(other) => Err(SpecError::wrong_type(&root.path("description"), Expected::StringOrObject, other, root.locale)),
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
    fn of_type(value: &'a Json, at: &JsonPath, chart_type: ChartType, locale: Locale) -> Result<Self, SpecError> {
        let allowed = chart_type.fields();
        if let Json::Object(entries) = value {
            if let Some((key, _)) = entries.iter().find(|(k, _)| !allowed.contains(&k.as_str()) && ALL_FIELDS.contains(&k.as_str())) {
                return Err(SpecError::new(at.key(key), Problem::NotForType { chart_type: chart_type.name(), allowed }));
            }
        }
        Self::of(value, at, allowed, locale)
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

    fn number(&self, key: &str) -> Result<Option<f64>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => finite_number(v, &self.path(key), self.locale).map(Some),
        }
    }

    fn required_number(&self, key: &str) -> Result<f64, SpecError> {
        self.number(key)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    fn integer(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Number(n)) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => Ok(Some(*n as i64)),
            Some(other) => Err(SpecError::new(
                self.path(key),
                Problem::IntegerRange { found: crate::error::describe_value(other, self.locale), min, max },
            )),
        }
    }

    fn required_integer(&self, key: &str, min: i64, max: i64) -> Result<i64, SpecError> {
        self.integer(key, min, max)?.ok_or_else(|| SpecError::new(self.path(key), Problem::Missing))
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::Boolean, other, self.locale)),
        }
    }

    fn required_array(&self, key: &str) -> Result<&'a [Json], SpecError> {
        match self.get(key) {
            None | Some(Json::Null) => Err(SpecError::new(self.path(key), Problem::Missing)),
            Some(Json::Array(items)) => Ok(items),
            Some(other) => Err(SpecError::wrong_type(&self.path(key), Expected::Array, other, self.locale)),
        }
    }

    /// A string from a fixed set, mapped to its typed value.
    fn one_of<T>(&self, key: &str, allowed: &'static [&'static str], map: impl Fn(&str) -> Option<T>) -> Result<Option<T>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => map(&s).map(Some).ok_or_else(|| SpecError::new(self.path(key), Problem::NotOneOf { found: s, allowed })),
        }
    }

    fn color(&self, key: &str) -> Result<Option<Color>, SpecError> {
        match self.string(key)? {
            None => Ok(None),
            Some(s) => parse_hex_color(&s)
                .map(Some)
                .ok_or_else(|| SpecError::wrong_type(&self.path(key), Expected::HexColor, &Json::String(s), self.locale)),
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

fn parse_hex_color(text: &str) -> Option<Color> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok().map(Color::rgb)
}
