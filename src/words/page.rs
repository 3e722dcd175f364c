//! The words around a chart: title, subtitle, 出典, 時点, 更新日 and notes, shown as real
//! page text (selectable, translatable, zoomable; JIS X 8341-3 1.4.5), plus the canvas's
//! accessible name and a one-paragraph text alternative computed from the data.
//!
//! The footer is decided here once ([`PageText::footer_lines`]): the DOM under the canvas and
//! the SVG/PNG document print the same lines.

use super::summary::describe;
use crate::locale::Locale;
use crate::resolve::Resolved;
use crate::spec::{ChartType, ColorScheme};

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
    /// The author's notes, each marked as the language marks notes: 「※…」 / "Note: …".
    pub notes: Vec<String>,
    /// The canvas's accessible name.
    pub alt_text: String,
    /// What the chart shows, in sentences, from the full data.
    pub description: String,
    /// Draw the DADS card around the figure.
    pub card: bool,
    /// A plot height that fits the content (KPI and progress need far less than a chart),
    /// used unless the page sets `--indicator-chart-height`; a map's greatest height.
    pub height_hint: Option<u32>,
    /// `light`, `dark` or `auto` (follow the reader's `prefers-color-scheme`).
    pub color_scheme: &'static str,
    /// Categories run down and values right (`bar`): arrow keys and tooltips turn with them.
    pub horizontal: bool,
    /// Width ÷ height the plot keeps instead of a fixed height (a map fits its box).
    #[cfg(feature = "map")]
    pub aspect: Option<f32>,
}

impl PageText {
    pub fn of(r: &Resolved) -> PageText {
        let spec = &r.spec;
        let locale = spec.locale;
        let source_line = spec.source.as_ref().map(|s| match (locale, s.derived) {
            (Locale::Ja, false) => format!("出典：{}", s.label),
            (Locale::Ja, true) => format!("出典：{}を加工して作成", s.label),
            (Locale::En, false) => format!("Source: {}", s.label),
            (Locale::En, true) => format!("Source: derived from {}", s.label),
        });
        let updated_text = spec.updated.map(|d| match locale {
            Locale::Ja => format!("{}更新", r.date_words(d)),
            Locale::En => format!("Updated {}", r.date_words(d)),
        });
        let kind = chart_kind_name(spec.chart_type, locale);
        let alt_text = match locale {
            Locale::Ja => format!("{}（{}）", spec.title, kind),
            Locale::En => format!("{} ({})", spec.title, kind),
        };
        let mut notes = Vec::with_capacity(spec.notes.len());
        for note in spec.notes.iter().filter(|n| !n.trim().is_empty()) {
            notes.push(format!("{}{note}", locale.pick("※", "Note: ")));
        }
        // The shapes' licence (CC BY 4.0) asks for its credit wherever they are shown.
        #[cfg(feature = "map")]
        if spec.map.as_ref().is_some_and(|m| m.layout == crate::map::MapLayout::Geo) {
            notes.push(format!("{}{}", locale.pick("※地図：", "Note: map "), crate::map::geometry::CREDIT));
        }
        PageText {
            locale,
            title: spec.title.clone(),
            subtitle: spec.subtitle.clone(),
            source_line,
            source_label: spec.source.as_ref().map(|s| s.label.clone()),
            source_url: spec.source.as_ref().and_then(|s| s.url.clone()),
            as_of_text: r.as_of_words(),
            updated_text,
            notes,
            alt_text,
            description: match &spec.description {
                None => describe(r),
                Some(own) if own.append => format!("{}{}{}", describe(r), locale.pick("", " "), own.text),
                Some(own) => own.text.clone(),
            },
            card: spec.card,
            height_hint: match spec.chart_type {
                ChartType::Kpi if spec.series.is_empty() => Some(176),
                ChartType::Kpi => Some(232),
                ChartType::Progress => Some(176),
                // A map's greatest height: it keeps its `aspect` up to this.
                ChartType::Map => Some(640),
                _ => None,
            },
            color_scheme: match spec.color_scheme {
                ColorScheme::Light => "light",
                ColorScheme::Dark => "dark",
                ColorScheme::Auto => "auto",
            },
            horizontal: r.horizontal,
            // A map with its legend below: taller than wide, so a phone's map fills its width
            // over up to four legend rows (the square tile grid more so: its names need the
            // room); up to 640 px high (the loader caps it).
            #[cfg(feature = "map")]
            aspect: spec.map.as_ref().map(|m| if m.layout == crate::map::MapLayout::Tiles { 0.6 } else { 0.75 }),
        }
    }

    /// 時点 and 更新日 on one line: 「2025年7月時点　2025年9月5日更新」.
    pub fn dates_line(&self) -> Option<String> {
        match (&self.as_of_text, &self.updated_text) {
            (Some(a), Some(u)) => Some(format!("{a}　{u}")),
            (a, u) => a.clone().or_else(|| u.clone()),
        }
    }

    /// The footer under the chart, in order: notes, 出典, then 時点 and 更新日.
    pub fn footer_lines(&self) -> Vec<String> {
        let mut lines = self.notes.clone();
        lines.extend(self.source_line.clone());
        lines.extend(self.dates_line());
        lines
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
        ChartType::Map => ("地図", "map"),
    };
    locale.pick(ja, en)
}
