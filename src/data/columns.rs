//! A table with a header row (CSV, or JSON records) into categories and columns of figures,
//! as Datawrapper reads one: the first column (or `data.categories`) is the categories,
//! every other column a series named by its header. Rows of notes under the table
//! (「※…」「注…」「（注）…」 alone in the first cell) become the chart's notes, blank rows are
//! passed over, and a row with another number of fields than the header is refused with its line.

use super::cell::{read_cell, written_decimals};
use super::problem::{DataError, DataProblem};
use super::source::DataSource;
use super::{Column, Figures};
use crate::dates::western_from_era;
use crate::error::SpecError;
use crate::json::{Json, JsonPath};

/// One row of the table: the line of the file it starts on (for messages) and its cells
/// (strings from CSV; strings, numbers or null from JSON records).
pub struct GridRow {
    pub line: usize,
    pub cells: Vec<Json>,
}

/// The header's names and the rows below it.
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<GridRow>,
}

fn data_error(line: usize, problem: DataProblem) -> SpecError {
    DataError::at(JsonPath::root().key("data"), line, problem)
}

/// A header that names codes (団体コード, 都道府県番号, code): numbers that are not figures.
pub(super) fn is_code_header(header: &str) -> bool {
    let h = header.to_ascii_lowercase();
    h.contains("コード") || h.contains("番号") || h.contains("code")
}

/// A map's grid keeps only the columns that can be its values: a file of prefectures often has
/// their names beside their codes (団体コード, 都道府県名), and neither is a figure. Without
/// `data.series`, a column of words only and a column headed as a code (コード, 番号, code) go;
/// with it, every column but that one and the categories' (a name the file lacks keeps them
/// all, for the message that lists them).
pub fn map_value_columns(mut grid: Grid, source: &DataSource) -> Grid {
    let category = source.categories.as_ref().and_then(|name| grid.header.iter().position(|h| h == name)).unwrap_or(0);
    let wanted = source.series.as_ref().filter(|w| grid.header.contains(w));
    // From the right, so the indices still to visit stay put.
    for i in (0..grid.header.len()).rev() {
        let keep = i == category
            || match wanted {
                Some(w) => grid.header[i] == *w,
                None => {
                    let is_code = is_code_header(&grid.header[i]);
                    let has_figure = grid.rows.iter().any(|r| match r.cells.get(i) {
                        Some(Json::String(s)) => !s.trim().is_empty() && read_cell(s).is_some(),
                        cell => matches!(cell, Some(Json::Number(_))),
                    });
                    !is_code && has_figure
                }
            };
        if !keep {
            grid.header.remove(i);
            for row in &mut grid.rows {
                if i < row.cells.len() {
                    row.cells.remove(i);
                }
            }
        }
    }
    grid
}

/// The figures of `grid`, every column but the categories' as a series.
pub fn figures_from_grid(grid: Grid, source: &DataSource) -> Result<Figures, SpecError> {
    let Grid { header, rows } = grid;
    let category_column = match &source.categories {
        None => 0,
        Some(name) => header.iter().position(|h| h == name).ok_or_else(|| {
            DataError::at(
                JsonPath::root().key("data").key("categories"),
                0,
                DataProblem::NoSuchColumn { found: name.clone(), columns: header.clone() },
            )
        })?,
    };
    let mut figures = Figures::default();
    let mut columns: Vec<Column> =
        header.iter().enumerate().filter(|(i, _)| *i != category_column).map(|(_, name)| Column::from_header(name)).collect();
    for row in rows {
        let blank = row.cells.iter().all(|c| matches!(c, Json::Null) || matches!(c, Json::String(s) if s.trim().is_empty()));
        if blank {
            continue;
        }
        if let Some(note) = note_row(&row.cells) {
            figures.notes.push(note);
            continue;
        }
        // Cells past the header are allowed only when empty (spreadsheets write trailing commas).
        let extra_filled = row.cells.iter().skip(header.len()).any(|c| !matches!(c, Json::String(s) if s.trim().is_empty()));
        if row.cells.len() < header.len() || extra_filled {
            return Err(data_error(row.line, DataProblem::Ragged { found: row.cells.len(), expected: header.len() }));
        }
        let category = match &row.cells[category_column] {
            Json::String(s) if !s.trim().is_empty() => s.trim().to_owned(),
            Json::Number(n) => crate::numfmt::plain(*n),
            _ => return Err(data_error(row.line, DataProblem::NoCategory)),
        };
        let category = match western_from_era(&category) {
            Some(western) => {
                figures.era = true;
                western
            }
            None => category,
        };
        figures.categories.push(category);
        let mut column = columns.iter_mut();
        for (i, cell) in row.cells.iter().take(header.len()).enumerate() {
            if i == category_column {
                continue;
            }
            let Some(column) = column.next() else { break };
            let value = match cell {
                Json::String(s) => {
                    column.decimals = column.decimals.max(written_decimals(s));
                    read_cell(s)
                }
                Json::Number(_) | Json::Null => Some(cell.clone()),
                _ => None,
            };
            let value = value.ok_or_else(|| {
                let found = match cell {
                    Json::String(s) => s.clone(),
                    other => crate::error::describe_value(other, crate::locale::Locale::En),
                };
                data_error(row.line, DataProblem::NotANumber { column: column.name.clone(), found })
            })?;
            column.values.push(value);
        }
    }
    if figures.categories.is_empty() {
        return Err(data_error(0, DataProblem::NoRows));
    }
    figures.columns = columns;
    Ok(figures)
}

/// The text of a note row: a first cell starting with ※, 注 or （注） and nothing else.
pub(super) fn note_row(cells: &[Json]) -> Option<String> {
    let Some(Json::String(first)) = cells.first() else { return None };
    let rest_empty = cells[1..].iter().all(|c| matches!(c, Json::Null) || matches!(c, Json::String(s) if s.trim().is_empty()));
    let first = first.trim();
    let marked = ["※", "（注）", "(注)", "注"].iter().find_map(|m| first.strip_prefix(m));
    match marked {
        Some(text) if rest_empty => {
            // 「注1：」「注）」「※1 」: the marker, its number and punctuation go (the footer
            // writes its own 「注：」); 「※ 2022年…」 keeps its year.
            let punctuation = |c: char| "：:）)．. 　".chars().any(|p| p == c);
            let after_number = text.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
            let text = if after_number.len() < text.len() && after_number.starts_with(punctuation) { after_number } else { text };
            let text = text.trim_start_matches(punctuation);
            Some(text.trim().to_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(header: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| GridRow { line: i + 2, cells: r.iter().map(|c| Json::String(c.to_string())).collect() })
                .collect(),
        }
    }

    #[test]
    fn first_column_is_the_categories_the_rest_are_series() {
        let f = figures_from_grid(
            grid(&["年月", "保有率", "枚数"], &[&["2021-11", "39.0", "5,007"], &["2025-07", "79.0", "9,852"]]),
            &DataSource::default(),
        )
        .unwrap();
        assert_eq!(f.categories, ["2021-11", "2025-07"]);
        assert_eq!(f.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["保有率", "枚数"]);
        assert_eq!(f.columns[1].values, [Json::Number(5007.0), Json::Number(9852.0)]);
    }

    #[test]
    fn notes_under_the_table_become_notes() {
        let f = figures_from_grid(
            grid(
                &["年度", "件数"],
                &[&["令和5年度", "10"], &["令和6年度", "-"], &["", ""], &["※1 速報値。", ""], &["（注）単位は件。", ""]],
            ),
            &DataSource::default(),
        )
        .unwrap();
        assert_eq!(f.categories, ["2023年度", "2024年度"]);
        assert!(f.era);
        assert_eq!(f.notes, ["速報値。", "単位は件。"]);
        assert_eq!(f.columns[0].values[1], Json::String("-".into()));
    }

    #[test]
    fn a_ragged_row_or_a_word_names_its_line() {
        let e = figures_from_grid(grid(&["a", "b"], &[&["x", "1"], &["y"]]), &DataSource::default()).unwrap_err();
        assert!(
            matches!(&e.problem, crate::error::Problem::Data(d) if d.row == 3 && d.problem == DataProblem::Ragged { found: 1, expected: 2 })
        );
        let e = figures_from_grid(grid(&["a", "b"], &[&["x", "1", "2"]]), &DataSource::default()).unwrap_err();
        assert!(
            matches!(&e.problem, crate::error::Problem::Data(d) if d.row == 2 && d.problem == DataProblem::Ragged { found: 3, expected: 2 })
        );
        assert!(figures_from_grid(grid(&["a", "b"], &[&["x", "1", ""]]), &DataSource::default()).is_ok());
        let e = figures_from_grid(grid(&["a", "b"], &[&["x", "1"], &["y", "12円"]]), &DataSource::default()).unwrap_err();
        assert!(
            matches!(&e.problem, crate::error::Problem::Data(d) if d.row == 3 && d.problem == DataProblem::NotANumber { column: "b".into(), found: "12円".into() })
        );
    }

    #[test]
    fn the_categories_column_is_chosen_by_its_header() {
        let source = DataSource { categories: Some("年".into()), ..DataSource::default() };
        let f = figures_from_grid(grid(&["値", "年"], &[&["1", "2024"]]), &source).unwrap();
        assert_eq!(f.categories, ["2024"]);
        let source = DataSource { categories: Some("年度".into()), ..DataSource::default() };
        let e = figures_from_grid(grid(&["値", "年"], &[&["1", "2024"]]), &source).unwrap_err();
        assert_eq!(e.path.as_str(), "data.categories");
    }
}
