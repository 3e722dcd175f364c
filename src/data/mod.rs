//! Live data: a chart's figures read from the file a ministry already publishes — CSV
//! (UTF-8 or Shift_JIS, decoded by the caller), e-Stat `getStatsData` JSON, or JSON
//! records — and written into the spec, which then passes the one validator inline
//! figures pass. The browser and the native CLI both call [`fill`]; they only fetch and
//! decode (the browser with `TextDecoder`, so no encoding tables sit in the wasm).
//!
//! `csv` splits text into rows, `columns` reads a header and rows (CSV, records), `estat`
//! reads an e-Stat response, `cell` reads one published number, `header` a header's unit,
//! `shape` what a pasted table holds (for the chart maker).

mod cell;
mod columns;
mod csv;
mod estat;
mod header;
mod problem;
mod shape;
mod source;

pub use problem::{DataError, DataProblem};
pub use shape::{table_shape, ColumnKind, ColumnShape, TableShape};
pub use source::{read_data_source, read_refresh, DataFormat, DataSource, MAX_DATA_BYTES};

use crate::error::{Problem, SpecError};
use crate::json::{Json, JsonPath};
use crate::locale::Locale;
use crate::spec::MAX_CATEGORIES;
use columns::{figures_from_grid, map_value_columns, Grid, GridRow};

/// The most fields (cells) a file may hold: a million rows of a few columns, and no more, so
/// that a 64 MB file of commas cannot make 64 million strings.
pub const MAX_CELLS: usize = 8_000_000;

/// A fetched data file, decoded to text, with what the response said about it.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    pub text: String,
    /// The `Content-Type` header, if any (`text/csv; charset=shift_jis`).
    pub content_type: Option<String>,
    /// The `Last-Modified` header, if any (`Wed, 03 Dec 2025 01:00:00 GMT`).
    pub last_modified: Option<String>,
}

/// What a file says: categories, columns of figures, and what it adds to the spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub categories: Vec<String>,
    pub columns: Vec<Column>,
    pub notes: Vec<String>,
    pub unit: Option<String>,
    /// An ISO date (`2021-07-16`).
    pub updated: Option<String>,
    pub source: Option<String>,
    pub source_url: Option<String>,
    /// The categories were written with era years (令和6年度): print them so.
    pub era: bool,
}

/// One column of figures: `key` is what `series[i].column` names (a header, an e-Stat code),
/// `name` the series' default name.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub name: String,
    /// The unit its header names in brackets (「保有枚数（万枚）」: 万枚), and `name` without it.
    pub unit: Option<String>,
    pub bare: String,
    /// The most decimals its figures are written with (「39.0」: 1), which the numbers lose.
    pub decimals: usize,
    pub values: Vec<Json>,
}

impl Column {
    /// A column of a table, named by its header.
    pub fn from_header(header: &str) -> Column {
        let (bare, unit) = header::split_unit(header);
        Column { key: header.into(), name: header.into(), unit, bare, decimals: 0, values: Vec::new() }
    }
}

/// Parses JSON text into the spec's tree: `JSON.parse` in the browser, serde_json natively.
pub type ParseJson<'a> = &'a dyn Fn(&str) -> Result<Json, String>;

/// The spec with the figures of `fetched` written in: `categories`, each series' `values`
/// (chosen by `column`, else every column), the file's notes after the spec's, and the
/// `unit`, `source`, `era` and `updated: "auto"` the file supplies (`asOf: "auto"`, the
/// latest category, is the validator's: it needs the categories as dates). A spec
/// without `data` comes back unchanged.
pub fn fill(spec: &Json, fetched: &Fetched, parse_json: ParseJson, locale: Locale) -> Result<Json, SpecError> {
    let Some(source) = read_data_source(spec, locale)? else { return Ok(spec.clone()) };
    let data = JsonPath::root().key("data");
    let refuse = |problem| DataError::at(data.clone(), 0, problem);
    if let Some(kind) = &fetched.content_type {
        let kind = kind.to_ascii_lowercase();
        if kind.starts_with("text/html") || kind.starts_with("application/xhtml") {
            return Err(refuse(DataProblem::ContentType { found: kind }));
        }
    }
    // Text, not bytes: a Shift_JIS file's kanji take 3 bytes of UTF-8 for 2 in the file.
    if fetched.text.len() > MAX_DATA_BYTES / 2 * 3 {
        return Err(refuse(DataProblem::TooLarge { limit: MAX_DATA_BYTES }));
    }
    let mut from_table = true;
    let map = spec.get("type") == Some(&Json::String("map".into()));
    let mut figures = match format_of(&source, fetched) {
        DataFormat::Csv | DataFormat::Auto => {
            // Room for the title rows, the header, and blank and note rows among the figures.
            let mut rows = csv::read_rows(&fetched.text, MAX_CATEGORIES + source.skip_rows + 1 + 1000, source.skip_rows)
                .map_err(|(line, problem)| match problem {
                    DataProblem::TooManyRows { .. } => DataError::at(data.clone(), 0, DataProblem::TooManyRows { limit: MAX_CATEGORIES }),
                    problem => DataError::at(data.clone(), line, problem),
                })?
                .into_iter()
                .skip(source.skip_rows);
            let header = rows.next().ok_or_else(|| refuse(DataProblem::NoRows))?;
            let grid = Grid {
                header: header.fields.iter().map(|h| h.trim().to_owned()).collect(),
                rows: rows.map(|r| GridRow { line: r.line, cells: r.fields.into_iter().map(Json::String).collect() }).collect(),
            };
            figures_from_grid(if map { map_value_columns(grid, &source) } else { grid }, &source)?
        }
        format => {
            let json =
                parse_json(fetched.text.trim_start_matches('\u{feff}')).map_err(|message| refuse(DataProblem::BadJson { message }))?;
            if format == DataFormat::Estat || json.get("GET_STATS_DATA").is_some() {
                // e-Stat's `data.series` is a class, already chosen.
                from_table = false;
                estat::figures_from_estat(&json, &source)?
            } else {
                let grid = grid_of_records(&json, locale)?;
                figures_from_grid(if map { map_value_columns(grid, &source) } else { grid }, &source)?
            }
        }
    };
    if figures.categories.len() > MAX_CATEGORIES {
        return Err(refuse(DataProblem::TooManyRows { limit: MAX_CATEGORIES }));
    }
    if figures.updated.is_none() {
        figures.updated = fetched.last_modified.as_deref().and_then(http_date);
    }
    // A map's values: the column `data.series` names (a CSV's header), else the first.
    if let (Some(Json::String(t)), Some(wanted), true) = (spec.get("type"), &source.series, from_table) {
        if t == "map" {
            let at = figures.columns.iter().position(|c| c.key == *wanted || c.name == *wanted).ok_or_else(|| {
                let names = figures.columns.iter().map(|c| c.name.clone()).collect();
                DataError::at(data.key("series"), 0, DataProblem::NoSuchColumn { found: wanted.clone(), columns: names })
            })?;
            figures.columns.swap(0, at);
        }
    }
    write_figures(spec, figures, locale)
}

/// The format: the spec's, else the file name's, else the content type's, else JSON when
/// the text starts like JSON.
fn format_of(source: &DataSource, fetched: &Fetched) -> DataFormat {
    if source.format != DataFormat::Auto {
        return source.format;
    }
    let end = source.url.bytes().position(|b| b == b'?' || b == b'#').unwrap_or(source.url.len());
    let path = source.url.get(..end).unwrap_or("").to_ascii_lowercase();
    let kind = fetched.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
    if path.ends_with(".csv") || path.ends_with(".tsv") || kind.contains("csv") || kind.contains("tab-separated") {
        return DataFormat::Csv;
    }
    let starts_like_json = fetched.text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace()).starts_with(['{', '[']);
    if path.ends_with(".json") || kind.contains("json") || starts_like_json {
        DataFormat::Json
    } else {
        DataFormat::Csv
    }
}

/// JSON records (`[{ "年度": "2024", "保有率": 75.0 }, …]`) as a grid: the columns are the
/// keys in the order they first appear.
fn grid_of_records(json: &Json, locale: Locale) -> Result<Grid, SpecError> {
    let data = JsonPath::root().key("data");
    let Json::Array(records) = json else {
        return Err(SpecError::wrong_type(&data, crate::error::Expected::Array, json, locale));
    };
    let mut header: Vec<String> = Vec::new();
    for record in records {
        if let Json::Object(entries) = record {
            for (key, _) in entries {
                if !header.contains(key) {
                    header.push(key.clone());
                }
            }
        }
    }
    if records.len().saturating_mul(header.len()) > MAX_CELLS {
        return Err(DataError::at(data, 0, DataProblem::TooManyCells { limit: MAX_CELLS }));
    }
    let rows = records
        .iter()
        .enumerate()
        .map(|(i, record)| match record {
            Json::Object(_) => Ok(GridRow {
                line: i + 1,
                cells: header.iter().map(|key| record.get(key).cloned().unwrap_or(Json::String(String::new()))).collect(),
            }),
            other => Err(SpecError::wrong_type(&data.index(i), crate::error::Expected::Object, other, locale)),
        })
        .collect::<Result<_, _>>()?;
    Ok(Grid { header, rows })
}

/// The spec with `figures` written in (see [`fill`]).
fn write_figures(spec: &Json, mut figures: Figures, locale: Locale) -> Result<Json, SpecError> {
    let root = JsonPath::root();
    let Json::Object(entries) = spec else { return Ok(spec.clone()) };
    // A map takes its file's categories as `regions` (prefecture names or codes) and the first
    // (or `data.series`) column as `values`.
    let map = spec.get("type") == Some(&Json::String("map".into()));
    let (category_key, values_key) = if map { ("regions", "values") } else { ("categories", "series") };
    for key in [category_key, if map { values_key } else { category_key }] {
        if spec.get(key).is_some() {
            return Err(DataError::at(root.key(key), 0, DataProblem::NotWithData));
        }
    }
    // The columns shown, with the spec's series item that chose each (none: every column).
    let chosen: Vec<(&Column, Option<&Json>)> = match spec.get("series") {
        _ if map => figures.columns.first().map(|c| (c, None)).into_iter().collect(),
        None | Some(Json::Null) => figures.columns.iter().map(|c| (c, None)).collect(),
        Some(Json::Array(items)) => {
            let mut chosen = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                chosen.push((chosen_column(item, i, &figures.columns, locale)?, Some(item)));
            }
            chosen
        }
        Some(other) => return Err(SpecError::wrong_type(&root.key("series"), crate::error::Expected::Array, other, locale)),
    };
    // A unit every shown column's header names (「保有枚数（万枚）」) is the chart's, and the
    // series are named without it; headers that disagree keep their units in the names.
    let header_unit = match (spec.get("unit"), &figures.unit) {
        (None, None) => {
            let first = chosen.first().and_then(|(c, _)| c.unit.clone());
            first.filter(|u| chosen.iter().all(|(c, _)| c.unit.as_ref() == Some(u)))
        }
        _ => None,
    };
    let mut series = Vec::with_capacity(chosen.len());
    for (column, item) in &chosen {
        let values = Json::Array(column.values.clone());
        if map {
            series.push(values);
            continue;
        }
        let mut entries = match item {
            Some(Json::Object(entries)) => entries.clone(),
            _ => Vec::new(),
        };
        if item.and_then(|i| i.get("name")).is_none() {
            let name = if header_unit.is_some() { &column.bare } else { &column.name };
            entries.push(("name".into(), Json::String(name.clone())));
        }
        entries.push(("values".into(), values));
        series.push(Json::Object(entries));
    }
    let unit = figures.unit.take().or(header_unit);
    // 「39.0」 is read as the number 39: the decimals the file was written with are the chart's
    // (as the spec's own precision would be; at most 2, as for figures written in the spec),
    // unless the spec says, or a second axis keeps its own.
    let two_axes = chosen.iter().any(|(_, item)| item.and_then(|i| i.get("axis")).is_some());
    let written = chosen.iter().map(|(c, _)| c.decimals).max().unwrap_or(0).min(2);
    let decimals = (spec.get("decimals").is_none() && !two_axes && written > 0).then_some(written);
    let mut out: Vec<(String, Json)> = Vec::with_capacity(entries.len() + 4);
    let mut notes_written = false;
    for (key, value) in entries {
        let value = match (key.as_str(), value) {
            // (A map has no `series`: kept, the validator refuses it by name.)
            ("series", _) if !map => continue,
            ("updated", Json::String(s)) if s == "auto" => match &figures.updated {
                Some(date) => Json::String(date.clone()),
                None => continue,
            },
            ("notes", notes) => {
                notes_written = true;
                let mut all = match notes {
                    Json::Array(items) => items.clone(),
                    Json::Null => Vec::new(),
                    one => vec![one.clone()],
                };
                all.extend(figures.notes.iter().cloned().map(Json::String));
                Json::Array(all)
            }
            _ => value.clone(),
        };
        out.push((key.clone(), value));
    }
    out.push((category_key.into(), Json::Array(figures.categories.into_iter().map(Json::String).collect())));
    if !map {
        out.push(("series".into(), Json::Array(series)));
    } else if let Some(values) = series.into_iter().next() {
        out.push((values_key.into(), values));
    }
    if !notes_written && !figures.notes.is_empty() {
        out.push(("notes".into(), Json::Array(figures.notes.into_iter().map(Json::String).collect())));
    }
    let mut add = |key: &str, value: Option<Json>| {
        if let (None, Some(value)) = (spec.get(key), value) {
            out.push((key.into(), value));
        }
    };
    add("unit", unit.map(Json::String));
    add("decimals", decimals.map(|d| Json::Number(d as f64)));
    add("era", figures.era.then_some(Json::Bool(true)));
    add(
        "source",
        figures.source.map(|label| {
            let mut source = vec![("label".to_owned(), Json::String(label))];
            source.extend(figures.source_url.map(|u| ("url".to_owned(), Json::String(u))));
            Json::Object(source)
        }),
    );
    Ok(Json::Object(out))
}

/// The column a spec series names (`column`, else its `name`); a series with `values` of
/// its own is refused.
fn chosen_column<'a>(item: &Json, index: usize, columns: &'a [Column], locale: Locale) -> Result<&'a Column, SpecError> {
    let path = JsonPath::root().key("series").index(index);
    if !matches!(item, Json::Object(_)) {
        return Err(SpecError::wrong_type(&path, crate::error::Expected::Object, item, locale));
    }
    if item.get("values").is_some() {
        return Err(DataError::at(path.key("values"), 0, DataProblem::NotWithData));
    }
    let (key, wanted) = match (item.get("column"), item.get("name")) {
        (Some(Json::String(c)), _) => ("column", c),
        (None, Some(Json::String(n))) => ("name", n),
        _ => return Err(SpecError::new(path.key("column"), Problem::Missing)),
    };
    // The header as written first: 「人口」 is the column 「人口」 even after 「人口（千人）」.
    let exact = columns.iter().find(|c| c.key == *wanted || c.name == *wanted);
    exact.or_else(|| columns.iter().find(|c| c.bare == *wanted)).ok_or_else(|| {
        let names = columns.iter().map(|c| if c.key == c.name { c.key.clone() } else { format!("{} {}", c.key, c.name) }).collect();
        DataError::at(path.key(key), 0, DataProblem::NoSuchColumn { found: wanted.clone(), columns: names })
    })
}

/// `Wed, 03 Dec 2025 01:00:00 GMT` → the date in Japan (UTC+9): `2025-12-03`.
fn http_date(text: &str) -> Option<String> {
    use crate::dates::parse_digits;
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = text.split_ascii_whitespace().skip(1);
    let day = parse_digits(parts.next()?, 1..=2)?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year = parse_digits(parts.next()?, 4..=4)? as i32;
    let hour = parse_digits(parts.next()?.get(..2)?, 2..=2)?;
    let date = crate::dates::PartialDate::from_day(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
    let date = if hour >= 15 { date.next_day() } else { date };
    Some(format!("{:04}-{:02}-{:02}", date.year, date.month?, date.day?))
}
