//! Building a [`ChartSpec`] from the input tree: the common fields, then the ones of each
//! family (cartesian, pie, KPI, progress), the values with their statistical symbols and
//! flags, annotations, the source and the notes.

use super::error::{Expected, Problem, SpecError};
use super::fields::*;
use super::json::{Json, JsonPath};
use super::*;
use crate::locale::Locale;

/// A series' or reference line's value axis, as the spec names it.
const AXIS_NAMES: &[&str] = &["left", "right"];
const AXIS_SIDES: [AxisSide; 2] = [AxisSide::Left, AxisSide::Right];

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
        as_of: if root.get("asOf") == Some(&Json::String("auto".into())) { None } else { root.date("asOf")? },
        updated: root.date("updated")?,
        notes: parse_notes(&root)?,
        locale,
        theme: root.one_of("theme", ThemeName::NAMES, &ThemeName::ALL)?.unwrap_or_default(),
        color_scheme: root
            .one_of("colorScheme", &["light", "dark", "auto"], &[ColorScheme::Light, ColorScheme::Dark, ColorScheme::Auto])?
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
        refresh: None,
        #[cfg(feature = "map")]
        map: None,
    };

    match chart_type {
        ChartType::Kpi => parse_kpi(&root, &mut spec)?,
        ChartType::Progress => parse_progress(&root, &mut spec)?,
        ChartType::Pie | ChartType::Donut => parse_pie(&root, &mut spec)?,
        #[cfg(feature = "map")]
        ChartType::Map => crate::map::parse::parse_map(&root, &mut spec)?,
        _ => parse_cartesian(&root, &mut spec)?,
    }
    if root.get("asOf") == Some(&Json::String("auto".into())) {
        spec.as_of = Some(
            latest_category(&spec.categories)
                .ok_or_else(|| SpecError::wrong_type(&root.path("asOf"), Expected::DateString, &Json::String("auto".into()), locale))?,
        );
    }
    Ok(spec)
}

/// The spec's `refresh` interval in seconds (60–86400), if any: for the validator, and for the
/// loader before it fetches the file (`crate::data::read_refresh`).
pub(crate) fn refresh_of(root: &Fields) -> Result<Option<u32>, SpecError> {
    Ok(root.integer("refresh", MIN_REFRESH, MAX_REFRESH)?.map(|s| s as u32))
}

/// `data` and `refresh`. A spec with `data` reaches the validator with its figures written
/// in by `crate::data::fill`, which also validated the `data` object itself (the chart
/// wasm does not link that reader: it lives in the live-data module). Without its figures
/// the spec cannot be drawn yet.
fn parse_data(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    spec.refresh = refresh_of(root)?;
    if root.get("data").is_some_and(|d| *d != Json::Null) && root.get("categories").is_none() {
        return Err(SpecError::new(root.path("data"), Problem::DataNotLoaded));
    }
    Ok(())
}

/// `asOf: "auto"`: the latest of the categories when they are dates (a file may list them
/// newest first), for specs whose figures come from a file that grows.
fn latest_category(categories: &[String]) -> Option<crate::dates::PartialDate> {
    crate::dates::PartialDate::parse_all(categories)?.into_iter().max_by_key(|d| d.day_number())
}

fn parse_cartesian(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    parse_data(root, spec)?;
    spec.categories = parse_categories(&root.path("categories"), root.get("categories"), root.locale)?;
    spec.series = parse_series_list(root, spec.chart_type, spec.categories.len())?;
    spec.stacking = root.one_of("stacking", &["normal", "percent"], &[Stacking::Normal, Stacking::Percent])?.unwrap_or_default();
    if spec.stacking == Stacking::Percent {
        reject_negatives(&spec.series, &root.path("series"))?;
    }
    spec.y_axis = parse_axis(root, "yAxis", AXIS_FIELDS)?.unwrap_or_default();
    spec.y2_axis = parse_axis(root, "y2Axis", Y2_AXIS_FIELDS)?;
    spec.annotations = parse_annotations(root, &spec.categories, spec.series.len())?;
    Ok(())
}

fn parse_pie(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    parse_data(root, spec)?;
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
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Ok(crate::numfmt::plain(*n)),
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
    let allowed = chart_type.series_fields();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let fields = Fields::of(item, &path.index(i), allowed, root.locale)?;
        let name = fields.required_string("name")?;
        fields.string("column")?;
        let (values, extras) = parse_values(&fields, category_count)?;
        out.push(Series {
            name,
            values,
            extras,
            kind: fields.one_of("type", &["line", "column", "area"], &[SeriesKind::Line, SeriesKind::Column, SeriesKind::Area])?,
            axis: fields.one_of("axis", AXIS_NAMES, &AXIS_SIDES)?.unwrap_or_default(),
            dash: fields.one_of("style", &["solid", "dashed", "dotted"], &[LineDash::Solid, LineDash::Dashed, LineDash::Dotted])?,
            marker: fields.one_of(
                "marker",
                &["circle", "square", "triangle", "diamond", "none"],
                &[MarkerShape::Circle, MarkerShape::Square, MarkerShape::Triangle, MarkerShape::Diamond, MarkerShape::None],
            )?,
            color: fields.color("color")?,
        });
    }
    if out.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return Err(SpecError::new(path, Problem::AllNull));
    }
    Ok(out)
}

pub(crate) type Values = (Vec<Option<f64>>, Vec<(usize, ValueExtra)>);

/// The `values` array of a series or sparkline: numbers, nulls, symbols and value objects.
pub(crate) fn parse_values(fields: &Fields, category_count: usize) -> Result<Values, SpecError> {
    let path = fields.path("values");
    let raw = fields.required_array("values")?;
    if raw.len() != category_count {
        return Err(SpecError::new(path, Problem::LengthMismatch { expected: category_count, found: raw.len() }));
    }
    let mut values = Vec::with_capacity(raw.len());
    let mut extras = Vec::new();
    for (j, item) in raw.iter().enumerate() {
        // A plain number in range needs no path (a million values, a million paths not made).
        if let Json::Number(n) = item {
            if n.is_finite() && n.abs() <= VALUE_LIMIT {
                values.push(Some(*n));
                continue;
            }
        }
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
            let flag = fields.one_of("flag", &["p", "r"], &[ValueFlag::Preliminary, ValueFlag::Revised])?;
            Ok((number, Some(ValueExtra { symbol: None, flag, note: fields.string("note")? })))
        }
        other => Err(SpecError::wrong_type(path, Expected::NumberOrNull, other, locale)),
    }
}

/// A statistical table's symbol for a missing figure, as tables and specs write it.
pub(crate) fn stat_symbol(text: &str) -> Option<StatSymbol> {
    match text.trim() {
        "-" | "－" | "‐" => Some(StatSymbol::NotApplicable),
        "…" | "..." | "･･･" | "・・・" => Some(StatSymbol::Unknown),
        "x" | "X" | "ｘ" => Some(StatSymbol::Confidential),
        _ => None,
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
                    axis: f.one_of("axis", AXIS_NAMES, &AXIS_SIDES)?.unwrap_or_default(),
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
            let append = fields.one_of("mode", &["replace", "append"], &[false, true])?.unwrap_or(false);
            Ok(Some(Description { text: fields.required_string("text")?, append }))
        }
        Some(other) => Err(SpecError::wrong_type(&root.path("description"), Expected::StringOrObject, other, root.locale)),
    }
}
