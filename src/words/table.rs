//! The chart's data as a table: every plotted value, exact (no 万 rounding), with full
//! category names. It is where a truncated axis label is read in full, what screen-reader
//! users browse instead of the canvas, and what a CSV download will be built from.

use crate::locale::Locale;
use crate::numfmt::{group_digits_fixed, percent};
use crate::resolve::Resolved;
use crate::spec::{ChartType, Series};

/// A table ready for `<table>`: `header[0]` heads the category column.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub header: Vec<String>,
    /// Each row: the category (a row header) and one cell per series.
    pub rows: Vec<(String, Vec<String>)>,
    /// What the statistical symbols and flags used in the cells mean (「x：秘匿」).
    pub footnotes: Vec<String>,
}

/// The table for a CSV file: the same header, then for charts with categories one row per
/// category with its code as written (「2025-07」) and numbers unformatted (98520000, 45.8)
/// so spreadsheets read them as numbers; symbols stay as published, gaps are empty.
/// KPI and progress tables are already a few labelled figures and are used as they are.
pub fn csv_rows(r: &Resolved, table: &DataTable) -> Vec<Vec<String>> {
    let spec = &r.spec;
    #[cfg(feature = "map")]
    if spec.chart_type == ChartType::Map {
        return crate::words::map::table(r).1;
    }
    let mut out = vec![table.header.clone()];
    let by_category = matches!(spec.chart_type, ChartType::Pie | ChartType::Donut) || spec.chart_type.is_cartesian();
    if !by_category || spec.categories.is_empty() {
        for (head, cells) in &table.rows {
            let mut row = vec![head.clone()];
            row.extend_from_slice(cells);
            out.push(row);
        }
        return out;
    }
    let columns = table.header.len().saturating_sub(1);
    for (i, category) in spec.categories.iter().enumerate() {
        let mut row = vec![category.clone()];
        for series in &spec.series {
            row.push(match (series.values[i], series.extra(i).and_then(|e| e.symbol)) {
                (Some(v), _) => format!("{v}"),
                (None, Some(symbol)) => symbol.symbol().to_owned(),
                (None, None) => String::new(),
            });
        }
        // A pie's share column: computed, unrounded.
        if row.len() - 1 < columns {
            let share = r.pie.as_ref().and_then(|p| p.shares.get(i).copied().flatten());
            row.push(share.map_or_else(String::new, |s| format!("{s}")));
        }
        out.push(row);
    }
    out
}

pub fn data_table(r: &Resolved) -> DataTable {
    let spec = &r.spec;
    match spec.chart_type {
        ChartType::Pie | ChartType::Donut => return pie_table(r),
        ChartType::Kpi => return kpi_table(r),
        ChartType::Progress => return progress_table(r),
        #[cfg(feature = "map")]
        ChartType::Map => return crate::words::map::table(r).0,
        _ => {}
    }
    let locale = spec.locale;
    let category_head = match (&r.dates, locale) {
        (Some(_), Locale::Ja) => "時点",
        (Some(_), Locale::En) => "Date",
        (None, Locale::Ja) => "項目",
        (None, Locale::En) => "Category",
    };
    let mut header = vec![category_head.to_owned()];
    header.extend(spec.series.iter().map(|s| format!("{}{}", s.name, r.axis(s.axis).caption_suffix())));
    let mut symbols_used: Vec<(&'static str, &'static str)> = Vec::new();
    let mut cell = |series: &Series, i: usize| -> String {
        let extra = series.extra(i);
        let mut text = match (series.values[i], extra.and_then(|e| e.symbol)) {
            (Some(v), _) => r.axis(series.axis).exact(v),
            (None, Some(symbol)) => {
                symbols_used.push((symbol.symbol(), symbol.meaning(locale)));
                symbol.symbol().to_owned()
            }
            (None, None) => locale.pick("データなし", "no data").to_owned(),
        };
        if let Some(flag) = extra.and_then(|e| e.flag) {
            symbols_used.push((flag.symbol(), flag.meaning(locale)));
            text.push(' ');
            text.push_str(flag.symbol());
        }
        text
    };
    let mut rows = Vec::with_capacity(spec.categories.len());
    for (i, category) in spec.categories.iter().enumerate() {
        let _ = category;
        let name = r.category_words(i);
        let mut cells = Vec::with_capacity(spec.series.len());
        for series in &spec.series {
            cells.push(cell(series, i));
        }
        rows.push((name, cells));
    }
    // In order of first use, each once.
    let mut seen = Vec::new();
    symbols_used.retain(|entry| {
        !seen.contains(entry) && {
            seen.push(*entry);
            true
        }
    });
    let colon = locale.pick("：", ": ");
    let mut footnotes = Vec::with_capacity(symbols_used.len());
    for (symbol, meaning) in &symbols_used {
        footnotes.push(format!("{symbol}{colon}{meaning}"));
    }
    // Notes on values: the chart shows them only where they fit; the table always has them.
    for series in &spec.series {
        for (i, extra) in &series.extras {
            if let Some(note) = &extra.note {
                let name = r.category_words(*i);
                let whose = if spec.series.len() > 1 { format!("{}・{}", name, series.name) } else { name };
                footnotes.push(format!("※{whose}{colon}{note}"));
            }
        }
    }
    DataTable { caption: table_caption(r), header, rows, footnotes }
}

fn table_caption(r: &Resolved) -> String {
    match r.locale() {
        Locale::Ja => format!("{}のデータ", r.spec.title),
        Locale::En => format!("Data for {}", r.spec.title),
    }
}

fn empty_table(r: &Resolved, header: Vec<String>) -> DataTable {
    DataTable { caption: table_caption(r), header, rows: Vec::new(), footnotes: Vec::new() }
}

/// Pie and donut: one row per slice with its value and share (slices of 0 included), then
/// the total. Shares are printed as computed; a note says when they do not add up to 100.
fn pie_table(r: &Resolved) -> DataTable {
    let spec = &r.spec;
    let locale = spec.locale;
    let (Some(series), Some(pie)) = (spec.series.first(), &r.pie) else { return empty_table(r, Vec::new()) };
    let format = &r.axes[0];
    let header = vec![
        locale.pick("項目", "Category").to_owned(),
        format!("{}{}", series.name, format.caption_suffix()),
        locale.pick("割合（%）", "Share (%)").to_owned(),
    ];
    let mut footnotes = Vec::new();
    let mut printed_sum = 0.0;
    let mut rows: Vec<(String, Vec<String>)> = Vec::with_capacity(spec.categories.len() + 1);
    for (i, name) in spec.categories.iter().enumerate() {
        let extra = series.extra(i);
        let share = pie.shares.get(i).copied().flatten();
        let cells = match (series.values.get(i).copied().flatten(), share, extra.and_then(|e| e.symbol)) {
            (Some(v), Some(share), _) => {
                let f = 10f64.powi(r.share_decimals as i32);
                printed_sum += (share * f).round() / f;
                vec![format.exact(v), group_digits_fixed(share, r.share_decimals)]
            }
            (_, _, Some(symbol)) => {
                let note = format!("{}{}{}", symbol.symbol(), locale.pick("：", ": "), symbol.meaning(locale));
                if !footnotes.contains(&note) {
                    footnotes.push(note);
                }
                vec![symbol.symbol().to_owned(), String::new()]
            }
            _ => vec![locale.pick("データなし", "no data").to_owned(), String::new()],
        };
        rows.push((name.clone(), cells));
    }
    rows.push((locale.pick("合計", "Total").to_owned(), vec![format.exact(pie.total), group_digits_fixed(100.0, r.share_decimals)]));
    if (printed_sum - 100.0).abs() > 1e-9 {
        footnotes.push(
            locale
                .pick("割合は四捨五入しているため、合計が100%にならない場合がある。", "Shares are rounded, so they may not add up to 100%.")
                .to_owned(),
        );
    }
    DataTable { caption: table_caption(r), header, rows, footnotes }
}

/// KPI: the value, the previous value and the change, the share, then the sparkline's points;
/// each row with its date where it has one. Figures print exactly, at the KPI's precision.
fn kpi_table(r: &Resolved) -> DataTable {
    let spec = &r.spec;
    let locale = spec.locale;
    let header =
        vec![locale.pick("項目", "Item").to_owned(), locale.pick("時点", "Date").to_owned(), locale.pick("値", "Value").to_owned()];
    let (Some(kpi), Some(numbers)) = (&spec.kpi, &r.kpi) else { return empty_table(r, header) };
    let format = &numbers.format;
    let date = |d: Option<crate::dates::PartialDate>| d.map(|d| r.date_words(d)).unwrap_or_default();
    let mut rows = vec![(locale.pick("値", "Value").to_owned(), vec![date(spec.as_of), format.exact_with_unit(kpi.value)])];
    if let Some(previous) = &kpi.previous {
        let when = match (&previous.label, previous.as_of) {
            (Some(label), Some(as_of)) => format!("{label}（{}）", date(Some(as_of))),
            (Some(label), None) => label.clone(),
            (None, as_of) => date(as_of),
        };
        rows.push((locale.pick("前回の値", "Previous value").to_owned(), vec![when, format.exact_with_unit(previous.value)]));
        // The period the change covers: 「2021年11月から2025年7月」.
        let period = match (previous.as_of, spec.as_of) {
            (Some(from), Some(to)) => match locale {
                Locale::Ja => format!("{}から{}", date(Some(from)), date(Some(to))),
                Locale::En => format!("{} to {}", date(Some(from)), date(Some(to))),
            },
            _ => String::new(),
        };
        rows.push((locale.pick("増減", "Change").to_owned(), vec![period, format.signed_exact_delta(kpi.value - previous.value)]));
    }
    if let Some(share) = &kpi.share {
        let label = share.label.clone().unwrap_or_else(|| locale.pick("割合", "Share").to_owned());
        rows.push((label, vec![date(spec.as_of), percent(share.value, numbers.share_decimals)]));
    }
    if let Some(series) = spec.series.first() {
        for i in 0..spec.categories.len() {
            let cell = match (series.values.get(i).copied().flatten(), series.extra(i).and_then(|e| e.symbol)) {
                (Some(v), _) => r.axes[0].exact_with_unit(v),
                (None, Some(symbol)) => symbol.symbol().to_owned(),
                (None, None) => locale.pick("データなし", "no data").to_owned(),
            };
            rows.push((locale.pick("推移", "Trend").to_owned(), vec![r.category_words(i), cell]));
        }
    }
    DataTable { caption: table_caption(r), header, rows, footnotes: Vec::new() }
}

/// Progress: the value, the target and the share of the target reached (達成率).
fn progress_table(r: &Resolved) -> DataTable {
    let locale = r.locale();
    let header = vec![locale.pick("項目", "Item").to_owned(), locale.pick("値", "Value").to_owned()];
    let (Some(progress), Some(numbers)) = (&r.spec.progress, &r.progress) else { return empty_table(r, header) };
    let rows = vec![
        (locale.pick("実績", "Value").to_owned(), vec![numbers.format.exact_with_unit(progress.value)]),
        (locale.pick("目標", "Target").to_owned(), vec![numbers.format.exact_with_unit(progress.target)]),
        (locale.pick("達成率", "Share of target").to_owned(), vec![r.share_text(numbers.share)]),
    ];
    DataTable { caption: table_caption(r), header, rows, footnotes: Vec::new() }
}
