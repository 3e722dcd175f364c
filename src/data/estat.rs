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
use super::MAX_CELLS;
use super::{Column, Figures};
use crate::dates::western_from_era;
use crate::error::SpecError;
use crate::json::{Json, JsonPath};
use crate::spec::MAX_CATEGORIES;

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

/// Positions of codes by their text: open addressing over `crate::hash::fnv1a` (smaller in the
/// wasm than std's HashMap or a sort, and O(1) a lookup).
struct CodeIndex<'a> {
    codes: Vec<&'a str>,
    slots: Vec<u32>, // 0: empty, else position + 1
}

impl<'a> CodeIndex<'a> {
    fn new(codes: impl Iterator<Item = &'a str>) -> Self {
        let codes: Vec<&str> = codes.collect();
        let size = (codes.len() * 2).next_power_of_two().max(2);
        let mut index = CodeIndex { codes: Vec::new(), slots: vec![0; size] };
        for (i, code) in codes.iter().enumerate() {
            let mut at = hash(code) & (size - 1);
            while index.slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            index.slots[at] = i as u32 + 1;
        }
        index.codes = codes;
        index
    }

    /// The position of `code`, the first one when a code repeats.
    fn find(&self, code: &str) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = hash(code) & mask;
        let mut best: Option<usize> = None;
        while self.slots[at] != 0 {
            let i = self.slots[at] as usize - 1;
            if self.codes.get(i) == Some(&code) && best.map_or(true, |b| i < b) {
                best = Some(i);
            }
            at = (at + 1) & mask;
        }
        best
    }
}

fn hash(text: &str) -> usize {
    crate::hash::fnv1a(0, text.as_bytes()) as usize
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
    // Codes are found through a hash table (a table of 100,000 times must not cost 10^10 compares).
    let category_table = CodeIndex::new(category_codes.iter().map(|c| c.0.as_str()));
    let series_table = CodeIndex::new(series_codes.iter().map(|c| c.0.as_str()));
    let find_code = |table: &CodeIndex, code: &str| table.find(code);
    let symbols: Vec<(String, String)> = list(data_inf.get("NOTE"))
        .into_iter()
        .filter_map(|n| Some((text(n.get("@char"))?, text(n.get("$")).unwrap_or_default())))
        .collect();
    let mut used_symbols = vec![false; symbols.len()];
    let mut units: Vec<Option<String>> = vec![None; series_codes.len().max(1)];
    // Each VALUE names its codes in attributes `@tab`, `@time`…: the keys made once, not per value.
    let keys: Vec<String> = classes.iter().map(|c| format!("@{}", c.id)).collect();
    let attr = |value: &Json, class: usize| text(value.get(&keys[class]));
    // (category, column, value) of every value chosen: the table is built from what is there,
    // never from the product of the class sizes (a hostile CLASS_INF cannot make it huge).
    let mut chosen: Vec<(usize, usize, Json)> = Vec::new();
    'values: for value in list(data_inf.get("VALUE")) {
        for (class, code) in &filters {
            if attr(value, *class).as_deref() != Some(*code) {
                continue 'values;
            }
        }
        let Some(category) = attr(value, category_class).and_then(|c| find_code(&category_table, &c)) else { continue };
        let column = match series_class {
            Some(s) => match attr(value, s).and_then(|c| find_code(&series_table, &c)) {
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
        if let Some(u) = units.get_mut(column).filter(|u| u.is_none()) {
            *u = text(value.get("@unit"));
        }
        chosen.push((category, column, cell));
    }

    let mut figures = Figures::default();
    let mut row_of = vec![usize::MAX; category_codes.len()];
    let mut column_used = vec![false; series_codes.len().max(1)];
    for (category, column, _) in &chosen {
        row_of[*category] = 0;
        column_used[*column] = true;
    }
    let mut rows = 0;
    for (i, row) in row_of.iter_mut().enumerate() {
        if *row == 0 {
            *row = rows;
            rows += 1;
            let name = &category_codes[i].1;
            figures.categories.push(match western_from_era(name) {
                Some(western) => {
                    figures.era = true;
                    western
                }
                None => name.clone(),
            });
        }
    }
    if rows == 0 {
        return Err(problem(JsonPath::root().key("data"), DataProblem::NoRows));
    }
    let columns: Vec<usize> = (0..column_used.len()).filter(|&c| column_used[c]).collect();
    if rows > MAX_CATEGORIES {
        return Err(problem(JsonPath::root().key("data"), DataProblem::TooManyRows { limit: MAX_CATEGORIES }));
    }
    if rows.saturating_mul(columns.len()) > MAX_CELLS {
        return Err(problem(JsonPath::root().key("data"), DataProblem::TooManyCells { limit: MAX_CELLS }));
    }
    let mut values: Vec<Vec<Json>> = columns.iter().map(|_| vec![Json::Null; rows]).collect();
    let mut slot = vec![usize::MAX; column_used.len()];
    for (n, &c) in columns.iter().enumerate() {
        slot[c] = n;
    }
    for (category, column, cell) in chosen {
        values[slot[column]][row_of[category]] = cell;
    }
    // One unit when the chosen series share it; none (the spec's `unit` then) when they differ.
    let mut chosen_units = columns.iter().filter_map(|&c| units[c].clone().or_else(|| series_codes.get(c).and_then(|s| s.2.clone())));
    let unit = chosen_units.next().filter(|first| chosen_units.all(|u| u == *first));
    for (n, values) in values.into_iter().enumerate() {
        let (key, name) = series_codes.get(columns[n]).map_or_else(|| (String::new(), String::new()), |c| (c.0.clone(), c.1.clone()));
        figures.columns.push(Column { key, bare: name.clone(), name, unit: None, decimals: 0, values });
    }
    figures.unit = unit;
    for ((symbol, meaning), used) in symbols.iter().zip(used_symbols) {
        if used {
            // Named as the table shows it (「***」 reads as 「x」).
            let shown = match read_cell(symbol) {
                Some(Json::String(s)) if s != *symbol => format!("{s}（{symbol}）"),
                _ => symbol.clone(),
            };
            figures.notes.push(format!("{shown}：{meaning}"));
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
