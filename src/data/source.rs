//! The spec's `data` object: where a chart's figures come from when they are not written in
//! the spec (a CSV, e-Stat or JSON file the ministry already publishes), and `refresh`.
//! Only the description is read here; `crate::data` reads the file itself.

use super::problem::{DataError, DataProblem};
use crate::error::{Expected, SpecError};
use crate::json::{Json, JsonPath};
use crate::locale::Locale;
use crate::spec::fields::{Fields, DATA_FIELDS};
/// The largest data file read, in bytes: refused before it is downloaded (Content-Length)
/// or while it arrives, so that a wrong URL cannot freeze the tab.
pub const MAX_DATA_BYTES: usize = 64 << 20;

/// How the file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DataFormat {
    /// From the file name, then the content type, then the first character.
    #[default]
    Auto,
    Csv,
    /// e-Stat API 3.0 `getStatsData` JSON.
    Estat,
    /// An array of records (`[{ "年度": "2024", "保有率": 75.0 }, …]`).
    Json,
}

impl DataFormat {
    pub const NAMES: &'static [&'static str] = &["auto", "csv", "estat", "json"];
    const ALL: [DataFormat; 4] = [DataFormat::Auto, DataFormat::Csv, DataFormat::Estat, DataFormat::Json];
}

/// A validated `data` object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataSource {
    /// Relative (to the spec file, else the page) or `http(s):`.
    pub url: String,
    pub format: DataFormat,
    /// Rows above the header (title rows) to pass over.
    pub skip_rows: usize,
    /// The column (CSV, JSON) or e-Stat class (`time`, `area`, `cat01`…) of the categories.
    pub categories: Option<String>,
    /// The e-Stat class whose codes make the series.
    pub series: Option<String>,
    /// e-Stat: the one code kept of each other class (`{ "area": "00000" }`).
    pub filter: Vec<(String, String)>,
}

/// The `data` object of a spec, if it has one. Called before the file is fetched (the
/// loader asks where to fetch from) and again when the spec is validated with its figures.
pub fn read_data_source(spec: &Json, locale: Locale) -> Result<Option<DataSource>, SpecError> {
    let path = JsonPath::root().key("data");
    let value = match spec.get("data") {
        None | Some(Json::Null) => return Ok(None),
        Some(v) => v,
    };
    let fields = Fields::of(value, &path, DATA_FIELDS, locale)?;
    let url = fields.required_string("url")?;
    if !is_fetchable(&url) {
        return Err(DataError::at(fields.path("url"), 0, DataProblem::NotFetchable { found: url }));
    }
    let filter = match fields.get("filter") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Object(entries)) => {
            let at = fields.path("filter");
            entries
                .iter()
                .map(|(class, code)| match code {
                    Json::String(code) => Ok((class.clone(), code.clone())),
                    other => Err(SpecError::wrong_type(&at.key(class), Expected::String, other, locale)),
                })
                .collect::<Result<_, _>>()?
        }
        Some(other) => return Err(SpecError::wrong_type(&fields.path("filter"), Expected::Object, other, locale)),
    };
    Ok(Some(DataSource {
        url,
        format: fields.one_of("format", DataFormat::NAMES, &DataFormat::ALL)?.unwrap_or_default(),
        // Title rows above the header: `skipRows` of them, or the header's own line number.
        skip_rows: match fields.integer("header", 1, 101)? {
            Some(line) => line as usize - 1,
            None => fields.integer("skipRows", 0, 100)?.unwrap_or(0) as usize,
        },
        categories: fields.string("categories")?,
        series: fields.string("series")?,
        filter,
    }))
}

/// The spec's `refresh` interval in seconds, if any, read before the rest of the spec is
/// validated (the loader asks before it fetches the file; the chart checks it again).
pub fn read_refresh(spec: &Json, locale: Locale) -> Result<Option<u32>, SpecError> {
    crate::spec::refresh_of(&Fields::lenient(spec, locale))
}

/// A URL the loader may fetch: relative, or `http:`/`https:`. Any other scheme
/// (`javascript:`, `data:`, `file:`) is refused; a relative URL never starts with one.
fn is_fetchable(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    // `scheme:` before any `/`, `?` or `#` makes it absolute (a Windows path too).
    !url.bytes().take_while(|b| !matches!(b, b'/' | b'?' | b'#')).any(|b| b == b':' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_and_http_urls_are_fetched() {
        for ok in ["data/mynumber.csv", "../x.csv", "/api/estat?id=1", "https://example.jp/a.csv", "HTTP://x/a", "a.csv#x:y"] {
            assert!(is_fetchable(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", "data:text/csv,a", "file:///etc/passwd", "", "  ", "c:\\x.csv", "JavaScript:x"] {
            assert!(!is_fetchable(bad), "{bad}");
        }
    }
}
