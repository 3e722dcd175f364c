//! The chart's data as a table: every plotted value, exact (no 万 rounding), with full
//! category names. It is where a truncated axis label is read in full, what screen-reader
//! users browse instead of the canvas, and what a CSV download will be built from.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{decimals_for_step, group_digits_fixed};
use crate::spec::{AxisSide, ChartSpec, ChartType, Series};

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
pub fn csv_rows(spec: &ChartSpec, table: &DataTable) -> Vec<Vec<String>> {
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
            let total: f64 = spec.series[0].values.iter().flatten().sum();
            row.push(spec.series[0].values[i].filter(|_| total > 0.0).map_or_else(String::new, |v| format!("{}", v / total * 100.0)));
        }
        out.push(row);
    }
    out
}

/// Decimals shared by every value of a chart: the data's own precision, at most 2.
pub fn shared_decimals(spec: &ChartSpec) -> usize {
    decimals_of(spec.series.iter())
}

/// Decimals shared by the values measured on one axis, so a rate on the right axis
/// (79.0%) does not give counts on the left a ".0".
pub fn axis_decimals(spec: &ChartSpec, axis: AxisSide) -> usize {
    spec.decimals.unwrap_or_else(|| decimals_of(spec.series.iter().filter(|s| s.axis == axis)))
}

fn decimals_of<'a>(series: impl Iterator<Item = &'a Series>) -> usize {
    let values = series.flat_map(|s| s.values.iter().flatten());
    values.take(10_000).map(|v| decimals_for_step(*v)).max().unwrap_or(0).min(2)
}

pub fn data_table(spec: &ChartSpec) -> DataTable {
    match spec.chart_type {
        ChartType::Pie | ChartType::Donut => return pie_table(spec),
        ChartType::Kpi => return kpi_table(spec),
        ChartType::Progress => return progress_table(spec),
        _ => {}
    }
    let locale = spec.locale;
    let dates = PartialDate::parse_all(&spec.categories);
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
    let decimals = [axis_decimals(spec, AxisSide::Left), axis_decimals(spec, AxisSide::Right)];
    let mut symbols_used: Vec<(&'static str, &'static str)> = Vec::new();
    let mut cell = |series: &Series, i: usize| -> String {
        let extra = series.extra(i);
        let mut text = match (series.values[i], extra.and_then(|e| e.symbol)) {
            (Some(v), _) => group_digits_fixed(v, decimals[(series.axis == AxisSide::Right) as usize]),
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
        let name = dates.as_ref().map_or_else(|| category.clone(), |d| d[i].label_with(locale, spec.era));
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
                let name = dates.as_ref().map_or_else(|| spec.categories[*i].clone(), |d| d[*i].label_with(locale, spec.era));
                let whose = if spec.series.len() > 1 { format!("{}・{}", name, series.name) } else { name };
                footnotes.push(format!("※{whose}{colon}{note}"));
            }
        }
    }
    let caption = match locale {
        Locale::Ja => format!("{}のデータ", spec.title),
        Locale::En => format!("Data for {}", spec.title),
    };
    DataTable { caption, header, rows, footnotes }
}

fn table_caption(spec: &ChartSpec) -> String {
    match spec.locale {
        Locale::Ja => format!("{}のデータ", spec.title),
        Locale::En => format!("Data for {}", spec.title),
    }
}

/// A number exactly, with its unit: `84,840,000件`, `79%`, `4,365 provisions`.
fn exact_with_unit(value: f64, decimals: usize, unit: Option<&str>, locale: Locale) -> String {
    crate::numfmt::with_unit(&group_digits_fixed(value, decimals), unit, locale)
}

/// Pie and donut: one row per slice with its value and share (slices of 0 included), then
/// the total. Shares are printed as computed; a note says when they do not add up to 100.
fn pie_table(spec: &ChartSpec) -> DataTable {
    let locale = spec.locale;
    let Some(series) = spec.series.first() else {
        return DataTable { caption: table_caption(spec), header: Vec::new(), rows: Vec::new(), footnotes: Vec::new() };
    };
    let unit = spec.unit.as_deref().map(|u| match locale {
        Locale::Ja => format!("（{u}）"),
        Locale::En => format!(" ({u})"),
    });
    let header = vec![
        locale.pick("項目", "Category").to_owned(),
        format!("{}{}", series.name, unit.unwrap_or_default()),
        locale.pick("割合（%）", "Share (%)").to_owned(),
    ];
    let decimals = spec.decimals.unwrap_or_else(|| shared_decimals(spec));
    let share_decimals = spec.decimals.unwrap_or(1);
    let total: f64 = series.values.iter().flatten().sum();
    let mut footnotes = Vec::new();
    let mut printed_sum = 0.0;
    let mut rows: Vec<(String, Vec<String>)> = Vec::with_capacity(spec.categories.len() + 1);
    for (i, name) in spec.categories.iter().enumerate() {
        let extra = series.extra(i);
        let cells = match (series.values.get(i).copied().flatten(), extra.and_then(|e| e.symbol)) {
            (Some(v), _) if total > 0.0 => {
                let share = group_digits_fixed(v / total * 100.0, share_decimals);
                let f = 10f64.powi(share_decimals as i32);
                printed_sum += (v / total * 100.0 * f).round() / f;
                vec![group_digits_fixed(v, decimals), share]
            }
            (_, Some(symbol)) => {
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
    rows.push((
        locale.pick("合計", "Total").to_owned(),
        vec![group_digits_fixed(total, decimals), group_digits_fixed(100.0, share_decimals)],
    ));
    if (printed_sum - 100.0).abs() > 1e-9 {
        footnotes.push(
            locale
                .pick("割合は四捨五入しているため、合計が100%にならない場合がある。", "Shares are rounded, so they may not add up to 100%.")
                .to_owned(),
        );
    }
    DataTable { caption: table_caption(spec), header, rows, footnotes }
}

/// KPI: the value, the previous value and the change, the share, then the sparkline's points;
/// each row with its date where it has one.
fn kpi_table(spec: &ChartSpec) -> DataTable {
    let locale = spec.locale;
    let header =
        vec![locale.pick("項目", "Item").to_owned(), locale.pick("時点", "Date").to_owned(), locale.pick("値", "Value").to_owned()];
    let Some(kpi) = &spec.kpi else {
        return DataTable { caption: table_caption(spec), header, rows: Vec::new(), footnotes: Vec::new() };
    };
    let unit = spec.unit.as_deref();
    let date = |d: Option<PartialDate>| d.map(|d| d.label_with(locale, spec.era)).unwrap_or_default();
    let own = |v: f64| decimals_for_step(v).min(6);
    let decimals = |values: &[f64]| spec.decimals.unwrap_or_else(|| values.iter().map(|v| own(*v)).max().unwrap_or(0));
    let mut rows = vec![(
        locale.pick("値", "Value").to_owned(),
        vec![date(spec.as_of), exact_with_unit(kpi.value, decimals(&[kpi.value]), unit, locale)],
    )];
    if let Some(previous) = &kpi.previous {
        let d = decimals(&[kpi.value, previous.value]);
        let when = match (&previous.label, previous.as_of) {
            (Some(label), Some(as_of)) => format!("{label}（{}）", date(Some(as_of))),
            (Some(label), None) => label.clone(),
            (None, as_of) => date(as_of),
        };
        rows.push((locale.pick("前回の値", "Previous value").to_owned(), vec![when, exact_with_unit(previous.value, d, unit, locale)]));
        let change = kpi.value - previous.value;
        let magnitude = group_digits_fixed(change.abs(), d);
        let sign = if !magnitude.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            "±"
        } else if change > 0.0 {
            "+"
        } else {
            "\u{2212}"
        };
        let change_text = match unit.map(str::trim) {
            Some("%" | "％") => format!("{sign}{magnitude}{}", locale.pick("ポイント", " pts")),
            _ => crate::numfmt::with_unit(&format!("{sign}{magnitude}"), unit, locale),
        };
        // The period the change covers: 「2021年11月から2025年7月」.
        let period = match (previous.as_of, spec.as_of) {
            (Some(from), Some(to)) => match locale {
                Locale::Ja => format!("{}から{}", date(Some(from)), date(Some(to))),
                Locale::En => format!("{} to {}", date(Some(from)), date(Some(to))),
            },
            _ => String::new(),
        };
        rows.push((locale.pick("増減", "Change").to_owned(), vec![period, change_text]));
    }
    if let Some(share) = &kpi.share {
        let label = share.label.clone().unwrap_or_else(|| locale.pick("割合", "Share").to_owned());
        rows.push((label, vec![date(spec.as_of), exact_with_unit(share.value, decimals(&[share.value]), Some("%"), locale)]));
    }
    if let Some(series) = spec.series.first() {
        let values: Vec<f64> = series.values.iter().flatten().copied().collect();
        let d = decimals(&values);
        for (i, category) in spec.categories.iter().enumerate() {
            let when = PartialDate::parse(category).map_or_else(|| category.clone(), |d| d.label_with(locale, spec.era));
            let cell = match (series.values.get(i).copied().flatten(), series.extra(i).and_then(|e| e.symbol)) {
                (Some(v), _) => exact_with_unit(v, d, unit, locale),
                (None, Some(symbol)) => symbol.symbol().to_owned(),
                (None, None) => locale.pick("データなし", "no data").to_owned(),
            };
            rows.push((locale.pick("推移", "Trend").to_owned(), vec![when, cell]));
        }
    }
    DataTable { caption: table_caption(spec), header, rows, footnotes: Vec::new() }
}

/// Progress: the value, the target and the share of the target reached (達成率).
fn progress_table(spec: &ChartSpec) -> DataTable {
    let locale = spec.locale;
    let header = vec![locale.pick("項目", "Item").to_owned(), locale.pick("値", "Value").to_owned()];
    let Some(progress) = &spec.progress else {
        return DataTable { caption: table_caption(spec), header, rows: Vec::new(), footnotes: Vec::new() };
    };
    let unit = spec.unit.as_deref();
    let d = spec.decimals.unwrap_or_else(|| decimals_for_step(progress.value).max(decimals_for_step(progress.target)).min(6));
    let rows = vec![
        (locale.pick("実績", "Value").to_owned(), vec![exact_with_unit(progress.value, d, unit, locale)]),
        (locale.pick("目標", "Target").to_owned(), vec![exact_with_unit(progress.target, d, unit, locale)]),
        (
            locale.pick("達成率", "Share of target").to_owned(),
            vec![format!("{}%", group_digits_fixed(progress.value / progress.target * 100.0, spec.decimals.unwrap_or(1)))],
        ),
    ];
    DataTable { caption: table_caption(spec), header, rows, footnotes: Vec::new() }
}
