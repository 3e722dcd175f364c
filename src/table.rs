//! The chart's data as a table: every plotted value, exact (no 万 rounding), with full
//! category names. It is where a truncated axis label is read in full, what screen-reader
//! users browse instead of the canvas, and what a CSV download will be built from.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{decimals_for_step, group_digits_fixed};
use crate::spec::{AxisSide, ChartSpec, Series};

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

/// Decimals shared by every value of a chart: the data's own precision, at most 2.
pub fn shared_decimals(spec: &ChartSpec) -> usize {
    let values = spec.series.iter().flat_map(|s| s.values.iter().flatten());
    values.take(10_000).map(|v| decimals_for_step(*v)).max().unwrap_or(0).min(2)
}

pub fn data_table(spec: &ChartSpec) -> DataTable {
    let locale = spec.locale;
    let dates: Option<Vec<PartialDate>> = spec.categories.iter().map(|c| PartialDate::parse(c)).collect();
    let category_head = match (&dates, locale) {
        (Some(_), Locale::Ja) => "時点",
        (Some(_), Locale::En) => "Date",
        (None, Locale::Ja) => "項目",
        (None, Locale::En) => "Category",
    };
    let unit_suffix = |series: &Series| {
        let unit = match series.axis {
            AxisSide::Left => spec.unit.as_deref(),
            AxisSide::Right => spec.y2_axis.as_ref().and_then(|a| a.unit.as_deref()),
        };
        unit.map(|u| match locale {
            Locale::Ja => format!("（{u}）"),
            Locale::En => format!(" ({u})"),
        })
        .unwrap_or_default()
    };
    let mut header = vec![category_head.to_owned()];
    header.extend(spec.series.iter().map(|s| format!("{}{}", s.name, unit_suffix(s))));
    let decimals = spec.decimals.unwrap_or_else(|| shared_decimals(spec));
    let mut symbols_used: Vec<(&'static str, &'static str)> = Vec::new();
    let mut cell = |series: &Series, i: usize| -> String {
        let extra = series.extra(i);
        let mut text = match (series.values[i], extra.and_then(|e| e.symbol)) {
            (Some(v), _) => group_digits_fixed(v, decimals),
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
    let rows = spec
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let name = dates.as_ref().map_or_else(|| category.clone(), |d| d[i].label(locale));
            (name, spec.series.iter().map(|s| cell(s, i)).collect())
        })
        .collect();
    // In order of first use, each once.
    let mut seen = Vec::new();
    symbols_used.retain(|entry| !seen.contains(entry) && { seen.push(*entry); true });
    let footnotes = symbols_used.iter().map(|(symbol, meaning)| format!("{symbol}{}{meaning}", locale.pick("：", ": "))).collect();
    let caption = match locale {
        Locale::Ja => format!("{}のデータ", spec.title),
        Locale::En => format!("Data for {}", spec.title),
    };
    DataTable { caption, header, rows, footnotes }
}
