//! The chart's data as a table: every plotted value, exact (no 万 rounding), with full
//! category names. It is where a truncated axis label is read in full, what screen-reader
//! users browse instead of the canvas, and what a CSV download will be built from.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{decimals_for_step, group_digits_fixed};
use crate::spec::ChartSpec;

/// A table ready for `<table>`: `header[0]` heads the category column.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub header: Vec<String>,
    /// Each row: the category (a row header) and one cell per series.
    pub rows: Vec<(String, Vec<String>)>,
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
    let unit = spec.unit.as_deref().map(|u| match locale {
        Locale::Ja => format!("（{u}）"),
        Locale::En => format!(" ({u})"),
    });
    let mut header = vec![category_head.to_owned()];
    header.extend(spec.series.iter().map(|s| format!("{}{}", s.name, unit.as_deref().unwrap_or(""))));
    let decimals = shared_decimals(spec);
    let missing = locale.pick("データなし", "no data");
    let rows = spec
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let name = dates.as_ref().map_or_else(|| category.clone(), |d| d[i].label(locale));
            let cells = spec
                .series
                .iter()
                .map(|s| s.values[i].map_or_else(|| missing.to_owned(), |v| group_digits_fixed(v, decimals)))
                .collect();
            (name, cells)
        })
        .collect();
    let caption = match locale {
        Locale::Ja => format!("{}のデータ", spec.title),
        Locale::En => format!("Data for {}", spec.title),
    };
    DataTable { caption, header, rows }
}
