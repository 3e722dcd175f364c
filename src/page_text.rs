//! The words around a chart: title, subtitle, 出典, 時点, 更新日 and notes, shown as real
//! page text (selectable, translatable, zoomable; JIS X 8341-3 1.4.5), plus the canvas's
//! accessible name and a one-paragraph text alternative computed from the data.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{value_text, Notation};
use crate::table::shared_decimals;
use crate::spec::{ChartSpec, ChartType, ColorScheme};

/// Strings for the DOM around the canvas, already localised.
#[derive(Debug, Clone, PartialEq)]
pub struct PageText {
    pub locale: Locale,
    pub title: String,
    pub subtitle: Option<String>,
    /// 「出典：…」 / "Source: …"
    pub source_line: Option<String>,
    pub source_label: Option<String>,
    pub source_url: Option<String>,
    /// 「2025年7月時点」 / "As of Jul 2025"
    pub as_of_text: Option<String>,
    /// 「2025年9月5日更新」 / "Updated 5 Sep 2025"
    pub updated_text: Option<String>,
    pub notes: Vec<String>,
    /// The canvas's accessible name.
    pub alt_text: String,
    /// What the chart shows, in sentences, from the full data.
    pub description: String,
    /// Draw the DADS card around the figure.
    pub card: bool,
    /// `light`, `dark` or `auto` (follow the reader's `prefers-color-scheme`).
    pub color_scheme: &'static str,
}

impl PageText {
    pub fn of(spec: &ChartSpec) -> PageText {
        let locale = spec.locale;
        let source_line = spec.source.as_ref().map(|s| match (locale, s.derived) {
            (Locale::Ja, false) => format!("出典：{}", s.label),
            (Locale::Ja, true) => format!("出典：{}を加工して作成", s.label),
            (Locale::En, false) => format!("Source: {}", s.label),
            (Locale::En, true) => format!("Source: derived from {}", s.label),
        });
        let as_of_text = spec.as_of.map(|d| match locale {
            Locale::Ja => format!("{}時点", d.label(locale)),
            Locale::En => format!("As of {}", d.label(locale)),
        });
        let updated_text = spec.updated.map(|d| match locale {
            Locale::Ja => format!("{}更新", d.label(locale)),
            Locale::En => format!("Updated {}", d.label(locale)),
        });
        let kind = chart_kind_name(spec.chart_type, locale);
        let alt_text = match locale {
            Locale::Ja => format!("{}（{}）", spec.title, kind),
            Locale::En => format!("{} ({})", spec.title, kind),
        };
        PageText {
            locale,
            title: spec.title.clone(),
            subtitle: spec.subtitle.clone(),
            source_line,
            source_label: spec.source.as_ref().map(|s| s.label.clone()),
            source_url: spec.source.as_ref().and_then(|s| s.url.clone()),
            as_of_text,
            updated_text,
            notes: spec.notes.clone(),
            alt_text,
            description: match &spec.description {
                None => describe(spec),
                Some(own) if own.append => format!("{}{}{}", describe(spec), locale.pick("", " "), own.text),
                Some(own) => own.text.clone(),
            },
            card: spec.card,
            color_scheme: match spec.color_scheme {
                ColorScheme::Light => "light",
                ColorScheme::Dark => "dark",
                ColorScheme::Auto => "auto",
            },
        }
    }
}

/// What kind of chart this is, in words, for the accessible name.
pub fn chart_kind_name(chart_type: ChartType, locale: Locale) -> &'static str {
    let (ja, en) = match chart_type {
        ChartType::Line => ("折れ線グラフ", "line chart"),
        ChartType::Area => ("面グラフ", "area chart"),
        ChartType::Column => ("縦棒グラフ", "column chart"),
        ChartType::Bar => ("横棒グラフ", "bar chart"),
        ChartType::Pie => ("円グラフ", "pie chart"),
        ChartType::Donut => ("ドーナツグラフ", "donut chart"),
        ChartType::Kpi => ("主要指標", "key figure"),
        ChartType::Progress => ("進捗グラフ", "progress chart"),
    };
    locale.pick(ja, en)
}

/// A category as readers say it: dates in words (`2025年7月`), other labels as written.
fn category_words(spec: &ChartSpec, index: usize) -> String {
    let raw = &spec.categories[index];
    PartialDate::parse(raw).map_or_else(|| raw.clone(), |d| d.label(spec.locale))
}

/// Per series: first and latest value with their categories, and the maximum.
fn describe(spec: &ChartSpec) -> String {
    if spec.chart_type.is_cartesian() {
        return crate::summary::cartesian(spec);
    }
    let locale = spec.locale;
    let decimals = shared_decimals(spec);
    let unit = spec.unit.as_deref().unwrap_or("");
    let notation = Notation::for_unit(locale, spec.unit.as_deref());
    let show = |v: f64| format!("{}{}", value_text(v, decimals, notation), unit);
    let mut sentences = Vec::new();
    for series in spec.series.iter().take(5) {
        let present: Vec<(usize, f64)> = series.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        let (Some(&(i0, v0)), Some(&(i1, v1))) = (present.first(), present.last()) else { continue };
        let &(imax, vmax) = present.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(&(i0, v0));
        sentences.push(match locale {
            Locale::Ja if i0 == i1 => format!("{}は{}に{}。", series.name, category_words(spec, i0), show(v0)),
            Locale::Ja => format!(
                "{}は{}の{}から{}の{}。最大は{}の{}。",
                series.name,
                category_words(spec, i0),
                show(v0),
                category_words(spec, i1),
                show(v1),
                category_words(spec, imax),
                show(vmax)
            ),
            Locale::En if i0 == i1 => format!("{}: {} in {}.", series.name, show(v0), category_words(spec, i0)),
            Locale::En => format!(
                "{}: from {} in {} to {} in {}; highest {} in {}.",
                series.name,
                show(v0),
                category_words(spec, i0),
                show(v1),
                category_words(spec, i1),
                show(vmax),
                category_words(spec, imax)
            ),
        });
    }
    if spec.series.len() > 5 {
        sentences.push(match locale {
            Locale::Ja => format!("ほか{}系列。", spec.series.len() - 5),
            Locale::En => format!("{} more series.", spec.series.len() - 5),
        });
    }
    sentences.join(locale.pick("", " "))
}
