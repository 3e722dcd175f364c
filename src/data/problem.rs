//! What can be wrong with a data file or the `data` that names it, in both languages.
//!
//! The messages are written where the problem is found (in the live-data module), so the
//! chart wasm, which only ever prints them, links none of this text.

use crate::error::{quote, Problem, SpecError};
use crate::json::JsonPath;
use crate::locale::Locale;
use std::fmt::Write;

/// What is wrong in a data file (CSV, e-Stat or JSON) or its `data` object.
#[derive(Debug, Clone, PartialEq)]
pub enum DataProblem {
    /// A quoted field that never closes.
    UnclosedQuote,
    /// A row with more or fewer fields than the header.
    Ragged { found: usize, expected: usize },
    /// A cell that is neither a number, a statistical symbol nor empty.
    NotANumber { column: String, found: String },
    /// A row whose category cell is empty.
    NoCategory,
    /// A column (or e-Stat class or code) the file does not have.
    NoSuchColumn { found: String, columns: Vec<String> },
    /// A header but no rows of figures.
    NoRows,
    /// More rows than a chart takes.
    TooManyRows { limit: usize },
    /// More cells (rows × columns) than are read.
    TooManyCells { limit: usize },
    /// Not JSON (the parser's message).
    BadJson { message: String },
    /// e-Stat answered with an error status.
    EstatStatus { status: String, message: String },
    /// Not a `getStatsData` response: a part it must have is missing.
    NotEstat { missing: &'static str },
    /// An e-Stat class with several codes that neither the categories, the series nor `filter` chooses.
    ChooseOne { class: String, codes: Vec<String> },
    /// The server sent something else than data (an HTML error or login page).
    ContentType { found: String },
    /// The file is larger than the loader reads.
    TooLarge { limit: usize },
    /// A `data.url` the loader will not fetch (`javascript:`, `data:`, `file:`).
    NotFetchable { found: String },
    /// A field the data file supplies, also written in the spec.
    NotWithData,
}

/// A data problem at a line of the file (`row`, 1-based as an editor shows it; 0 when the
/// problem has no line), with its message in Japanese and English.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub row: usize,
    pub problem: DataProblem,
    ja: String,
    en: String,
}

impl DataError {
    /// The spec error for `problem` at `path` and line `row` of the file.
    pub fn at(path: JsonPath, row: usize, problem: DataProblem) -> SpecError {
        let text = |ja: bool| {
            let mut out = String::new();
            if row > 0 {
                let _ = if ja { write!(out, "{row} 行目: ") } else { write!(out, "line {row}: ") };
            }
            let _ = problem.write(&mut out, ja);
            out
        };
        let (ja, en) = (text(true), text(false));
        SpecError::new(path, Problem::Data(Box::new(DataError { row, problem, ja, en })))
    }

    /// The message (without its path) in `locale`.
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::Ja => &self.ja,
            Locale::En => &self.en,
        }
    }
}

impl DataProblem {
    fn write(&self, out: &mut String, ja: bool) -> std::fmt::Result {
        let list = |items: &[String]| items.iter().take(20).map(|c| quote(c)).collect::<Vec<_>>().join(", ");
        match self {
            DataProblem::UnclosedQuote if ja => write!(out, "引用符（\"）が閉じていません"),
            DataProblem::UnclosedQuote => write!(out, "a quoted field is not closed"),
            DataProblem::Ragged { found, expected } if ja => {
                let _ = write!(out, "見出し行は {expected} 列ですが、この行は {found} 列です");
                if *expected == 1 {
                    let _ = write!(out, "。見出しの上に表題の行があるときは data.skipRows で飛ばしてください");
                }
                Ok(())
            }
            DataProblem::Ragged { found, expected } => {
                let _ = write!(out, "the header has {expected} fields, this row {found}");
                if *expected == 1 {
                    let _ = write!(out, ". If a title row sits above the header, skip it with data.skipRows");
                }
                Ok(())
            }
            DataProblem::NotANumber { column, found } if ja => {
                write!(out, "「{column}」列: 数値、記号（- … x ***）または空欄が必要です（{}）", quote(found))
            }
            DataProblem::NotANumber { column, found } => {
                write!(out, "column \"{column}\": expected a number, a symbol (- … x ***) or nothing (found {})", quote(found))
            }
            DataProblem::NoCategory if ja => write!(out, "区分（横軸）の欄が空です"),
            DataProblem::NoCategory => write!(out, "the category cell is empty"),
            DataProblem::NoSuchColumn { found, columns } if ja => write!(out, "{} はありません。あるもの: {}", quote(found), list(columns)),
            DataProblem::NoSuchColumn { found, columns } => write!(out, "no {} here; there are: {}", quote(found), list(columns)),
            DataProblem::NoRows if ja => write!(out, "見出しの下にデータの行がありません"),
            DataProblem::NoRows => write!(out, "no rows of figures below the header"),
            DataProblem::TooManyRows { limit } if ja => write!(out, "データは {limit} 行までです"),
            DataProblem::TooManyRows { limit } => write!(out, "at most {limit} rows of figures"),
            DataProblem::TooManyCells { limit } if ja => write!(out, "データの欄（行 × 列）は {limit} 個までです"),
            DataProblem::TooManyCells { limit } => write!(out, "at most {limit} cells (rows × columns)"),
            DataProblem::BadJson { message } if ja => write!(out, "JSON として読めません（{message}）"),
            DataProblem::BadJson { message } => write!(out, "not valid JSON ({message})"),
            DataProblem::EstatStatus { status, message } if ja => write!(out, "e-Stat がエラーを返しました（STATUS {status}: {message}）"),
            DataProblem::EstatStatus { status, message } => write!(out, "e-Stat returned an error (STATUS {status}: {message})"),
            DataProblem::NotEstat { missing } if ja => write!(out, "e-Stat の getStatsData の形ではありません（{missing} がありません）"),
            DataProblem::NotEstat { missing } => write!(out, "not an e-Stat getStatsData response ({missing} is missing)"),
            DataProblem::ChooseOne { class, codes } if ja => {
                write!(out, "{class} に {} 個のコードがあります。data.filter で1つ選んでください（{}）", codes.len(), list(codes))
            }
            DataProblem::ChooseOne { class, codes } => {
                write!(out, "{class} has {} codes; choose one with data.filter ({})", codes.len(), list(codes))
            }
            DataProblem::ContentType { found } if ja => write!(out, "データではなく {} が返されました", quote(found)),
            DataProblem::ContentType { found } => write!(out, "the server sent {} instead of data", quote(found)),
            DataProblem::TooLarge { limit } if ja => write!(out, "ファイルが大きすぎます（{} MB まで）", limit >> 20),
            DataProblem::TooLarge { limit } => write!(out, "the file is too large (at most {} MB)", limit >> 20),
            DataProblem::NotFetchable { found } if ja => write!(out, "相対 URL か http(s):// の URL が必要です（{}）", quote(found)),
            DataProblem::NotFetchable { found } => write!(out, "expected a relative or http(s):// URL (found {})", quote(found)),
            DataProblem::NotWithData if ja => write!(out, "data を使うときは書けません（データファイルから読みます）"),
            DataProblem::NotWithData => write!(out, "not allowed with data (the data file supplies it)"),
        }
    }
}
