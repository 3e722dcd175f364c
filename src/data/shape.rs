//! What a pasted or dropped table holds, before it is a chart: where its header is, and for
//! each column its name, the unit its header names, and whether it holds dates, figures or
//! words. The chart maker (www/maker.html) asks this to offer the columns and guess the
//! categories, series and unit; it reads the text with the same CSV reader and cell rules as
//! [`super::fill`], so what the maker offers is what the chart will read.

use super::cell::read_cell;
use super::columns::{is_code_header, note_row};
use super::csv::read_rows;
use super::header::split_unit;
use super::problem::{DataError, DataProblem};
use crate::dates::{western_from_era, PartialDate};
use crate::error::SpecError;
use crate::json::{Json, JsonPath};
use crate::spec::MAX_CATEGORIES;

/// What a column's cells are (its empty cells and notes aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Every cell a date (`2025-07`, `2025年7月`, `令和6年度`): a time axis.
    Dates,
    /// Every cell a number or a statistical symbol, at least one a number.
    Figures,
    /// Anything else (names of prefectures, of measures, codes with letters).
    Words,
    /// Numbers under a header that names codes (団体コード, 番号, code): not figures to chart.
    Codes,
}

impl ColumnKind {
    pub fn name(self) -> &'static str {
        match self {
            ColumnKind::Dates => "dates",
            ColumnKind::Figures => "figures",
            ColumnKind::Words => "words",
            ColumnKind::Codes => "codes",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnShape {
    /// The header as written: what `data.categories` and `series[i].column` name.
    pub header: String,
    pub name: String,
    pub unit: Option<String>,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableShape {
    /// Title rows above the header (`data.skipRows`).
    pub skip_rows: usize,
    /// The first filled cell of the first title row (a table's own title, for the chart's).
    pub title: Option<String>,
    /// Rows of figures below the header (blank and note rows not counted).
    pub rows: usize,
    pub columns: Vec<ColumnShape>,
}

/// Title rows looked over for the header when the caller does not say.
const MAX_TITLE_ROWS: usize = 10;

/// The shape of `text` (CSV or tab-separated). `skip_rows`: the title rows above the header;
/// `None` takes the first row with two or more filled cells as the header (a title row
/// pasted from Excel is one cell, or one cell and empty ones).
pub fn table_shape(text: &str, skip_rows: Option<usize>) -> Result<TableShape, SpecError> {
    let data = JsonPath::root().key("data");
    let refuse = |(line, problem)| DataError::at(data.clone(), line, problem);
    let skip = match skip_rows {
        Some(n) => n,
        None => {
            // Only the first lines are looked at (a million-row paste is read once, below).
            let end = text.match_indices('\n').nth(MAX_TITLE_ROWS + 1).map_or(text.len(), |(i, _)| i);
            let head = &text[..end];
            let mut found = 0;
            for n in 0..=MAX_TITLE_ROWS {
                // The cut may fall inside a quoted cell (a line break typed in Excel): the
                // head's own errors are not the table's, which is read whole below.
                let Ok(rows) = read_rows(head, MAX_TITLE_ROWS + 2, n) else { break };
                let Some(row) = rows.get(n) else { break };
                if row.fields.iter().filter(|f| !f.trim().is_empty()).count() >= 2 {
                    found = n;
                    break;
                }
            }
            found
        }
    };
    let rows = read_rows(text, MAX_CATEGORIES + skip + 1 + 1000, skip).map_err(refuse)?;
    let title = rows.iter().take(skip).find_map(|r| r.fields.iter().map(|f| f.trim()).find(|f| !f.is_empty())).map(str::to_owned);
    let mut rows = rows.into_iter().skip(skip);
    let header = rows.next().ok_or_else(|| DataError::at(data.clone(), 0, DataProblem::NoRows))?;
    // Per column: cells seen, dates among them, numbers, other readable cells (symbols).
    let mut seen = vec![(0usize, 0usize, 0usize, 0usize); header.fields.len()];
    let mut count = 0;
    for row in rows {
        let cells: Vec<Json> = row.fields.into_iter().map(Json::String).collect();
        let blank = cells.iter().all(|c| matches!(c, Json::String(s) if s.trim().is_empty()));
        if blank || note_row(&cells).is_some() {
            continue;
        }
        count += 1;
        for (cell, tally) in cells.iter().zip(seen.iter_mut()) {
            let Json::String(s) = cell else { continue };
            let s = s.trim();
            if s.is_empty() {
                continue;
            }
            tally.0 += 1;
            let date = western_from_era(s).map_or_else(|| PartialDate::parse(s).is_some(), |w| PartialDate::parse(&w).is_some());
            tally.1 += date as usize;
            match read_cell(s) {
                Some(Json::Number(_)) => tally.2 += 1,
                Some(_) => tally.3 += 1,
                None => {}
            }
        }
    }
    if count == 0 {
        return Err(DataError::at(data, header.line + 1, DataProblem::NoRows));
    }
    let mut columns = Vec::with_capacity(header.fields.len());
    for (field, (cells, dates, numbers, symbols)) in header.fields.iter().zip(seen) {
        let (name, unit) = split_unit(field);
        let kind = if cells > 0 && dates == cells {
            ColumnKind::Dates
        } else if numbers > 0 && numbers + symbols == cells {
            if is_code_header(field) {
                ColumnKind::Codes
            } else {
                ColumnKind::Figures
            }
        } else {
            ColumnKind::Words
        };
        columns.push(ColumnShape { header: field.trim().to_owned(), name, unit, kind });
    }
    Ok(TableShape { skip_rows: skip, title, rows: count, columns })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASTED: &str = "マイナンバーカードの保有率と保有枚数（全国）\t\t\n年月\t保有率（%）\t保有枚数（万枚）\n2021年11月\t39.0\t5,007\n2022年7月\t45.8\t…\n\n2025年7月\t79.0\t9,852\n※ 2022年7月の枚数は公表なし。\t\t\n";

    #[test]
    fn a_pasted_table_has_its_title_row_columns_kinds_and_units_read() {
        let shape = table_shape(PASTED, None).unwrap();
        assert_eq!(shape.skip_rows, 1);
        assert_eq!(shape.title.as_deref(), Some("マイナンバーカードの保有率と保有枚数（全国）"));
        assert_eq!(shape.rows, 3, "the blank and note rows are not figures");
        let kinds: Vec<_> = shape.columns.iter().map(|c| (c.name.as_str(), c.unit.as_deref(), c.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("年月", None, ColumnKind::Dates),
                ("保有率", Some("%"), ColumnKind::Figures),
                ("保有枚数", Some("万枚"), ColumnKind::Figures)
            ]
        );
        assert_eq!(shape.columns[2].header, "保有枚数（万枚）");
    }

    #[test]
    fn words_era_dates_and_a_given_header_line() {
        let csv = "都道府県,団体コード,保有率\n北海道,01000,74.6\n青森県,02000,x\n";
        let shape = table_shape(csv, None).unwrap();
        assert_eq!(shape.skip_rows, 0);
        assert_eq!(shape.title, None);
        assert_eq!(shape.columns.iter().map(|c| c.kind).collect::<Vec<_>>(), [ColumnKind::Words, ColumnKind::Codes, ColumnKind::Figures]);
        let era = table_shape("年度,件数\n令和5年度,10\n令和6年度,12\n", Some(0)).unwrap();
        assert_eq!(era.columns[0].kind, ColumnKind::Dates);
        // A column of symbols only has no figure to chart.
        let symbols = table_shape("年,値\n2024,-\n2025,x\n", None).unwrap();
        assert_eq!(symbols.columns[1].kind, ColumnKind::Words);
    }

    #[test]
    fn a_quoted_line_break_past_the_first_lines_is_no_error() {
        let mut text = String::from("年,値\n");
        // The header search reads 12 lines: the 12th opens a quote it closes on the 13th.
        for y in 2000..2010 {
            text.push_str(&format!("{y},1\n"));
        }
        text.push_str("\"2012\n（速報）\",2\n");
        let shape = table_shape(&text, None).unwrap();
        assert_eq!((shape.skip_rows, shape.rows), (0, 11));
    }

    #[test]
    fn an_empty_table_names_what_is_missing() {
        let e = table_shape("", None).unwrap_err();
        assert_eq!(e.path.as_str(), "data");
        let e = table_shape("年,値\n", None).unwrap_err();
        assert!(matches!(&e.problem, crate::error::Problem::Data(d) if d.problem == DataProblem::NoRows), "{e:?}");
    }
}
