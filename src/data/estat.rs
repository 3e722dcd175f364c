//! e-Stat API 3.0 `getStatsData` JSON into categories and columns of figures
//! (shared/reference/embedding.md §7). The response is the XML rewritten mechanically:
//! attributes are `@name` keys, text is `$`, and a list of one arrives as the item itself, so
//! every repeated element is read through [`list`]. One class gives the categories (`time`
//! by default, in time-code order), one the series (`data.series`, else the one other class
//! with several codes), and every other class with several codes is narrowed to one by
//! `data.filter`. Labels come from `CLASS_INF`, the unit from `@unit`, symbol meanings from
//! `DATA_INF.NOTE`, the 更新日 from `TABLE_INF.UPDATED_DATE`.

use super::cell::read_cell;
use super::problem::{DataError, DataProblem};
use super::source::DataSource;
use super::{Column, Figures};
use crate::dates::western_from_era;
use crate::error::SpecError;
use crate::json::{Json, JsonPath};

/// The credit e-Stat's terms of use ask of every service that shows figures from its API.
const CREDIT: &str =
    "このサービスは、政府統計総合窓口(e-Stat)のAPI機能を使用していますが、サービスの内容は国によって保証されたものではありません。";

struct Class<'a> {
    id: &'a str,
    /// (code, name, unit)
    codes: Vec<(String, String, Option<String>)>,
}

/// The items of a repeated element: an array's items, or the one object that stands for a list of one.
fn list(value: Option<&Json>) -> Vec<&Json> {
    match value {
        Some(Json::Array(items)) => items.iter().collect(),
        Some(item @ Json::Object(_)) => vec![item],
        _ => Vec::new(),
    }
}

/// An element's text: a string, a number, or the `$` of an object with attributes.
fn text(value: Option<&Json>) -> Option<String> {
    match value? {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(crate::numfmt::plain(*n)),
        object @ Json::Object(_) => text(object.get("$")),
        _ => None,
    }
}

fn at(key: &str) -> JsonPath {
    JsonPath::root().key("data").key(key)
}

fn problem(path: JsonPath, problem: DataProblem) -> SpecError {
    DataError::at(path, 0, problem)
}

fn part<'a>(value: Option<&'a Json>, name: &'static str) -> Result<&'a Json, SpecError> {
    value.ok_or_else(|| problem(JsonPath::root().key("data"), DataProblem::NotEstat { missing: name }))
}

pub fn figures_from_estat(json: &Json, source: &DataSource) -> Result<Figures, SpecError> {
    let root = part(json.get("GET_STATS_DATA"), "GET_STATS_DATA")?;
    let result = part(root.get("RESULT"), "RESULT")?;
    let status = text(result.get("STATUS")).unwrap_or_default();
    if status != "0" {
        let message = text(result.get("ERROR_MSG")).unwrap_or_default();
        return Err(problem(JsonPath::root().key("data"), DataProblem::EstatStatus { status, message }));
    }
    let stat = part(root.get("STATISTICAL_DATA"), "STATISTICAL_DATA")?;
    let class_inf = part(stat.get("CLASS_INF"), "CLASS_INF")?;
    let data_inf = part(stat.get("DATA_INF"), "DATA_INF")?;
    let classes: Vec<Class> = list(class_inf.get("CLASS_OBJ"))
        .into_iter()
        .filter_map(|obj| {
            let Some(Json::String(id)) = obj.get("@id") else { return None };
            let codes = list(obj.get("CLASS"))
                .into_iter()
                .filter_map(|c| Some((text(c.get("@code"))?, text(c.get("@name")).unwrap_or_default(), text(c.get("@unit")))))
                .collect();
            Some(Class { id, codes })
        })
        .collect();
    let ids = || classes.iter().map(|c| c.id.to_owned()).collect::<Vec<_>>();
    let find = |id: &str, path: JsonPath| {
        classes.iter().position(|c| c.id == id).ok_or_else(|| problem(path, DataProblem::NoSuchColumn { found: id.into(), columns: ids() }))
    };

    let category_class = find(source.categories.as_deref().unwrap_or("time"), at("categories"))?;
    let mut filters = Vec::new();
    for (id, code) in &source.filter {
        let class = find(id, at("filter").key(id))?;
        if !classes[class].codes.iter().any(|(c, ..)| c == code) {
            let codes = classes[class].codes.iter().map(|(c, n, _)| format!("{c} {n}")).collect();
            return Err(problem(at("filter").key(id), DataProblem::NoSuchColumn { found: code.clone(), columns: codes }));
        }
        filters.push((class, code.as_str()));
    }
    let open = |i: &usize| *i != category_class && classes[*i].codes.len() > 1 && !filters.iter().any(|(f, _)| f == i);
    let series_class = match &source.series {
        Some(id) => Some(find(id, at("series"))?),
        // Else the one class left with several codes, else the 表章項目 (its one code names the series).
        None => (0..classes.len()).find(open).or_else(|| classes.iter().position(|c| c.id == "tab")),
    };
    if let Some(unchosen) = (0..classes.len()).filter(open).find(|i| Some(*i) != series_class) {
        let class = &classes[unchosen];
        let codes = class.codes.iter().map(|(c, n, _)| format!("{c} {n}")).collect();
        return Err(problem(at("filter"), DataProblem::ChooseOne { class: class.id.into(), codes }));
    }

    // Categories in class order; time codes (2020000000 = 2020年) sort as time runs.
    let mut category_codes: Vec<&(String, String, Option<String>)> = classes[category_class].codes.iter().collect();
    if classes[category_class].id == "time" {
        category_codes.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let series_codes: Vec<&(String, String, Option<String>)> = match series_class {
        Some(s) => classes[s].codes.iter().collect(),
        None => Vec::new(),
    };
    let columns_len = series_codes.len().max(1);
    let mut grid: Vec<Vec<Option<Json>>> = vec![vec![None; columns_len]; category_codes.len()];
    let symbols: Vec<(String, String)> = list(data_inf.get("NOTE"))
        .into_iter()
        .filter_map(|n| Some((text(n.get("@char"))?, text(n.get("$")).unwrap_or_default())))
        .collect();
    let mut used_symbols = vec![false; symbols.len()];
    let mut unit = None;
    let attr = |value: &Json, class: usize| text(value.get(&format!("@{}", classes[class].id)));
    'values: for value in list(data_inf.get("VALUE")) {
        for (class, code) in &filters {
            if attr(value, *class).as_deref() != Some(*code) {
                continue 'values;
            }
        }
        let Some(category) = attr(value, category_class).and_then(|c| category_codes.iter().position(|(code, ..)| *code == c)) else {
            continue;
        };
        let column = match series_class {
            Some(s) => match attr(value, s).and_then(|c| series_codes.iter().position(|(code, ..)| *code == c)) {
                Some(column) => column,
                None => continue,
            },
            None => 0,
        };
        let raw = text(value.get("$")).unwrap_or_default();
        let symbol = symbols.iter().position(|(symbol, _)| *symbol == raw);
        let cell = match (read_cell(&raw), symbol) {
            (Some(cell), _) => cell,
            // A symbol of this table's own (its NOTE says what it means): a gap, explained.
            (None, Some(_)) => Json::Null,
            (None, None) => {
                let name = series_codes.get(column).map_or_else(String::new, |c| c.1.clone());
                return Err(problem(JsonPath::root().key("data"), DataProblem::NotANumber { column: name, found: raw }));
            }
        };
        if let Some(i) = symbol {
            used_symbols[i] = true;
        }
        if unit.is_none() {
            unit = text(value.get("@unit"));
        }
        grid[category][column] = Some(cell);
    }

    let mut figures = Figures::default();
    let kept: Vec<usize> = (0..category_codes.len()).filter(|&i| grid[i].iter().any(Option::is_some)).collect();
    if kept.is_empty() {
        return Err(problem(JsonPath::root().key("data"), DataProblem::NoRows));
    }
    for &i in &kept {
        let name = &category_codes[i].1;
        figures.categories.push(match western_from_era(name) {
            Some(western) => {
                figures.era = true;
                western
            }
            None => name.clone(),
        });
    }
    #[allow(clippy::needless_range_loop)] // `column` indexes the inner rows of `grid` and `series_codes`
    for column in 0..columns_len {
        if !kept.iter().any(|&i| grid[i][column].is_some()) {
            continue; // a code with no figures in this selection
        }
        let (key, name, code_unit) = series_codes.get(column).map_or_else(|| (String::new(), String::new(), None), |c| (*c).clone());
        unit = unit.or(code_unit);
        let values = kept.iter().map(|&i| grid[i][column].clone().unwrap_or(Json::Null)).collect();
        figures.columns.push(Column { key, name, values });
    }
    figures.unit = unit;
    for ((symbol, meaning), used) in symbols.iter().zip(used_symbols) {
        if used {
            figures.notes.push(format!("{symbol}：{meaning}"));
        }
    }
    if let Some(next) = stat.get("RESULT_INF").and_then(|r| text(r.get("NEXT_KEY"))) {
        // e-Stat sends at most 100,000 values per response; the rest needs another request.
        let total = stat.get("RESULT_INF").and_then(|r| text(r.get("TOTAL_NUMBER"))).unwrap_or_default();
        figures.notes.push(format!("e-Stat の応答は全 {total} 件の一部です（続きは startPosition={next}）。"));
    }
    figures.notes.push(CREDIT.into());
    if let Some(table) = stat.get("TABLE_INF") {
        figures.updated = text(table.get("UPDATED_DATE"));
        let org = text(table.get("GOV_ORG")).unwrap_or_default();
        if let Some(name) = text(table.get("STAT_NAME")) {
            figures.source = Some(format!("{org}「{name}」"));
        }
        figures.source_url = text(table.get("@id")).map(|id| format!("https://www.e-stat.go.jp/dbview?sid={id}"));
    }
    Ok(figures)
}
