//! The words around a chart: title, subtitle, 出典, 時点, 更新日 and notes, shown as real
//! page text (selectable, translatable, zoomable; JIS X 8341-3 1.4.5), plus the canvas's
//! accessible name and a one-paragraph text alternative computed from the data.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::value_with_unit;
use crate::spec::{ChartSpec, ChartType, ColorScheme};
use crate::table::shared_decimals;

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
    /// A plot height that fits the content (KPI and progress need far less than a chart),
    /// used unless the page sets `--indicator-chart-height`.
    pub height_hint: Option<u32>,
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
        let as_of_text = spec.as_of.map(|d| as_of_words(d, locale, spec.era));
        let updated_text = spec.updated.map(|d| match locale {
            Locale::Ja => format!("{}更新", d.label_with(locale, spec.era)),
            Locale::En => format!("Updated {}", d.label_with(locale, spec.era)),
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
            height_hint: match spec.chart_type {
                ChartType::Kpi if spec.series.is_empty() => Some(176),
                ChartType::Kpi => Some(232),
                ChartType::Progress => Some(176),
                _ => None,
            },
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

/// 「2025年7月時点」 / "As of Jul 2025": the 時点 wording everywhere it is printed.
pub fn as_of_words(date: PartialDate, locale: Locale, era: bool) -> String {
    match locale {
        Locale::Ja => format!("{}時点", date.label_with(locale, era)),
        Locale::En => format!("As of {}", date.label_with(locale, era)),
    }
}

/// A category as readers say it: dates in words (`2025年7月`), other labels as written.
fn category_words(spec: &ChartSpec, index: usize) -> String {
    let raw = &spec.categories[index];
    PartialDate::parse(raw).map_or_else(|| raw.clone(), |d| d.label_with(spec.locale, spec.era))
}

/// What the chart shows, in sentences: each family has its own summary.
fn describe(spec: &ChartSpec) -> String {
    match spec.chart_type {
        ChartType::Pie | ChartType::Donut => describe_pie(spec),
        ChartType::Kpi => describe_kpi(spec),
        ChartType::Progress => describe_progress(spec),
        _ => crate::summary::cartesian(spec),
    }
}

/// A value in words for summaries, in the unit's notation: `9,852万枚`, `98.52M cards`.
fn summary_value(value: f64, decimals: usize, spec: &ChartSpec) -> String {
    value_with_unit(value, decimals, spec.unit.as_deref(), spec.locale)
}

/// Pie and donut: the total, every slice with its value and share (in data order, up to 12),
/// and the largest. 「デジタル庁の職員構成は合計1,105名で、行政人材445名（40.3%）、…。最も大きいのは民間人材で47.8%。」
fn describe_pie(spec: &ChartSpec) -> String {
    let locale = spec.locale;
    let Some(series) = spec.series.first() else { return String::new() };
    let decimals = spec.decimals.unwrap_or_else(|| shared_decimals(spec));
    let share_decimals = spec.decimals.unwrap_or(1);
    let total: f64 = series.values.iter().flatten().sum();
    if total.is_nan() || total <= 0.0 {
        return String::new();
    }
    let share = |v: f64| crate::numfmt::percent(v / total * 100.0, share_decimals);
    const LISTED: usize = 12;
    let mut parts: Vec<String> = Vec::new();
    for (name, value) in spec.categories.iter().zip(&series.values).take(LISTED) {
        parts.push(match (value, locale) {
            (Some(v), Locale::Ja) => format!("{name}{}（{}）", summary_value(*v, decimals, spec), share(*v)),
            (Some(v), Locale::En) => format!("{name} {} ({})", summary_value(*v, decimals, spec), share(*v)),
            (None, Locale::Ja) => format!("{name}（データなし）"),
            (None, Locale::En) => format!("{name} (no data)"),
        });
    }
    if spec.categories.len() > LISTED {
        let rest = spec.categories.len() - LISTED;
        parts.push(match locale {
            Locale::Ja => format!("ほか{rest}項目"),
            Locale::En => format!("{rest} more"),
        });
    }
    // The largest slice; equal ones are named together.
    let max = series.values.iter().flatten().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut largest: Vec<&str> = Vec::new();
    for (name, value) in spec.categories.iter().zip(&series.values) {
        if *value == Some(max) {
            largest.push(name);
        }
    }
    let total_text = summary_value(total, decimals, spec);
    match locale {
        Locale::Ja => {
            let largest_text = match largest.len() {
                1 => format!("最も大きいのは{}で{}。", largest[0], share(max)),
                _ => format!("最も大きいのは{}で各{}。", largest.join("と"), share(max)),
            };
            format!("{}は合計{}で、{}。{}", spec.title, total_text, parts.join("、"), largest_text)
        }
        Locale::En => {
            let largest_text = match largest.len() {
                1 => format!("Largest: {}, {}.", largest[0], share(max)),
                _ => format!("Largest: {}, {} each.", largest.join(" and "), share(max)),
            };
            format!("{}: total {}; {}. {}", spec.title, total_text, parts.join(", "), largest_text)
        }
    }
}

/// KPI: the value at its 時点, the change since the previous value, the share, the trend.
/// 「マイナ保険証の有効登録数は2025年6月時点で8,484万件。マイナンバーカード保有者のうち86%。」
fn describe_kpi(spec: &ChartSpec) -> String {
    let locale = spec.locale;
    let Some(kpi) = &spec.kpi else { return String::new() };
    let decimals = spec.decimals.unwrap_or_else(|| {
        let values = [Some(kpi.value), kpi.previous.as_ref().map(|p| p.value)];
        values.iter().flatten().map(|v| crate::numfmt::decimals_for_step(*v)).max().unwrap_or(0).min(2)
    });
    let show = |v: f64| summary_value(v, decimals, spec);
    let mut sentences = vec![match (spec.as_of, locale) {
        (Some(d), Locale::Ja) => format!("{}は{}時点で{}。", spec.title, d.label_with(locale, spec.era), show(kpi.value)),
        (None, Locale::Ja) => format!("{}は{}。", spec.title, show(kpi.value)),
        (Some(d), Locale::En) => format!("{}: {} as of {}.", spec.title, show(kpi.value), d.label_with(locale, spec.era)),
        (None, Locale::En) => format!("{}: {}.", spec.title, show(kpi.value)),
    }];
    if let Some(previous) = &kpi.previous {
        let when = match (&previous.label, previous.as_of) {
            (Some(label), Some(d)) => format!("{label}（{}）", d.label_with(locale, spec.era)),
            (Some(label), None) => label.clone(),
            (None, Some(d)) => d.label_with(locale, spec.era),
            (None, None) => locale.pick("前回", "the previous figure").to_owned(),
        };
        let change = kpi.value - previous.value;
        let magnitude = match spec.unit.as_deref().map(str::trim) {
            Some("%" | "％") => {
                let n = crate::numfmt::group_digits_fixed(change.abs(), decimals);
                format!("{n}{}", locale.pick("ポイント", " points"))
            }
            _ => show(change.abs()),
        };
        let zero = !magnitude.bytes().any(|b| (b'1'..=b'9').contains(&b));
        sentences.push(match locale {
            Locale::Ja if zero => format!("{when}の{}から変わらず。", show(previous.value)),
            Locale::Ja => format!("{when}の{}から{magnitude}{}。", show(previous.value), if change > 0.0 { "増加" } else { "減少" }),
            Locale::En if zero => format!("Unchanged since {when} ({}).", show(previous.value)),
            Locale::En => format!("{} {magnitude} since {when} (from {}).", if change > 0.0 { "Up" } else { "Down" }, show(previous.value)),
        });
    }
    if let Some(share) = &kpi.share {
        let d = spec.decimals.unwrap_or_else(|| crate::numfmt::decimals_for_step(share.value).min(1));
        let value = crate::numfmt::percent(share.value, d);
        sentences.push(match (&share.label, locale) {
            (Some(label), Locale::Ja) => format!("{label}{value}。"),
            (None, Locale::Ja) => format!("割合は{value}。"),
            // "86% of card holders" reads on from the number; "Holding rate: 79%" is a name.
            (Some(label), Locale::En) if label.starts_with(|c: char| c.is_ascii_lowercase()) => format!("{value} {label}."),
            (Some(label), Locale::En) => format!("{label}: {value}."),
            (None, Locale::En) => format!("Share: {value}."),
        });
    }
    if let Some(series) = spec.series.first() {
        let mut points = Vec::new();
        for (i, value) in series.values.iter().enumerate() {
            let Some(v) = *value else { continue };
            points.push(match locale {
                Locale::Ja => format!("{}の{}", category_words(spec, i), show(v)),
                Locale::En => format!("{} {}", category_words(spec, i), show(v)),
            });
        }
        if points.len() > 1 {
            let listed = if points.len() <= 6 { points.clone() } else { vec![points[0].clone(), points[points.len() - 1].clone()] };
            sentences.push(match locale {
                Locale::Ja => format!("推移は{}。", listed.join(if points.len() <= 6 { "、" } else { "から" })),
                Locale::En => format!("Trend: {}.", listed.join(if points.len() <= 6 { ", " } else { " to " })),
            });
        }
    }
    sentences.join(locale.pick("", " "))
}

/// Progress: value, target and the share reached, the 時点 and the goal.
/// 「アナログ規制の見直しは4,365条項で目標6,405条項の68.1%（2024年3月時点）。完了率100%を目指す。」
fn describe_progress(spec: &ChartSpec) -> String {
    let locale = spec.locale;
    let Some(progress) = &spec.progress else { return String::new() };
    let decimals = spec
        .decimals
        .unwrap_or_else(|| crate::numfmt::decimals_for_step(progress.value).max(crate::numfmt::decimals_for_step(progress.target)).min(2));
    let show = |v: f64| summary_value(v, decimals, spec);
    let percent = crate::numfmt::percent(progress.value / progress.target * 100.0, spec.decimals.unwrap_or(1));
    let as_of = spec.as_of.map(|d| d.label_with(locale, spec.era));
    let over = progress.value > progress.target;
    let rate = matches!(spec.unit.as_deref().map(str::trim), Some("%" | "％")) && progress.target == 100.0;
    // A rate's target at its own precision: 「目標は100%」.
    let target_text = summary_value(progress.target, crate::numfmt::decimals_for_step(progress.target).min(2), spec);
    let mut text = match locale {
        Locale::Ja => {
            let when = as_of.map(|d| format!("（{d}時点）")).unwrap_or_default();
            let over_text = if over { "で、目標を上回る" } else { "" };
            if rate {
                format!("{}は{}で、目標は{}{when}。", spec.title, show(progress.value), target_text)
            } else {
                format!("{}は{}で目標{}の{percent}{over_text}{when}。", spec.title, show(progress.value), show(progress.target))
            }
        }
        Locale::En => {
            let when = as_of.map(|d| format!(" (as of {d})")).unwrap_or_default();
            let over_text = if over { ", above the target" } else { "" };
            if rate {
                format!("{}: {} against a target of {}{when}.", spec.title, show(progress.value), target_text)
            } else {
                format!("{}: {}, {percent} of the target of {}{over_text}{when}.", spec.title, show(progress.value), show(progress.target))
            }
        }
    };
    if let Some(goal) = progress.goal.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
        text.push_str(locale.pick("", " "));
        text.push_str(goal);
        if !goal.ends_with(['。', '.', '！', '!']) {
            text.push_str(locale.pick("。", "."));
        }
    }
    text
}
