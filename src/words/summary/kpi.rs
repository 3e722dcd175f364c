//! KPI: the value at its 時点, the change since the previous value, the share, the trend.
//! 「マイナ保険証の有効登録数は2025年6月時点で8,484万件。マイナンバーカード保有者のうち86%。」

use crate::locale::Locale;
use crate::numfmt::percent;
use crate::resolve::Resolved;

/// Trends of up to this many points are read in full; longer ones by their ends.
const LISTED_POINTS: usize = 6;

pub fn describe(r: &Resolved) -> String {
    let spec = &r.spec;
    let locale = spec.locale;
    let (Some(kpi), Some(numbers)) = (&spec.kpi, &r.kpi) else { return String::new() };
    let format = &numbers.format;
    let show = |v: f64| format.with_unit(v);
    let mut sentences = vec![match (spec.as_of, locale) {
        (Some(d), Locale::Ja) => format!("{}は{}時点で{}。", spec.title, r.date_words(d), show(kpi.value)),
        (None, Locale::Ja) => format!("{}は{}。", spec.title, show(kpi.value)),
        (Some(d), Locale::En) => format!("{}: {} as of {}.", spec.title, show(kpi.value), r.date_words(d)),
        (None, Locale::En) => format!("{}: {}.", spec.title, show(kpi.value)),
    }];
    if let Some(previous) = &kpi.previous {
        let when = match (&previous.label, previous.as_of) {
            (Some(label), Some(d)) => format!("{label}（{}）", r.date_words(d)),
            (Some(label), None) => label.clone(),
            (None, Some(d)) => r.date_words(d),
            (None, None) => locale.pick("前回", "the previous figure").to_owned(),
        };
        let change = kpi.value - previous.value;
        let magnitude = format.change(change);
        let zero = !magnitude.bytes().any(|b| (b'1'..=b'9').contains(&b));
        sentences.push(match locale {
            Locale::Ja if zero => format!("{when}の{}から変わらず。", show(previous.value)),
            Locale::Ja => format!("{when}の{}から{magnitude}{}。", show(previous.value), if change > 0.0 { "増加" } else { "減少" }),
            Locale::En if zero => format!("Unchanged since {when} ({}).", show(previous.value)),
            Locale::En => format!("{} {magnitude} since {when} (from {}).", if change > 0.0 { "Up" } else { "Down" }, show(previous.value)),
        });
    }
    if let Some(share) = &kpi.share {
        let value = percent(share.value, numbers.share_decimals);
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
        // The sparkline is the left axis: its values print at their own precision.
        let mut points = Vec::new();
        for (i, value) in series.values.iter().enumerate() {
            let Some(v) = *value else { continue };
            points.push(match locale {
                Locale::Ja => format!("{}の{}", r.category_words(i), r.axes[0].with_unit(v)),
                Locale::En => format!("{} {}", r.category_words(i), r.axes[0].with_unit(v)),
            });
        }
        if points.len() > 1 {
            let listed =
                if points.len() <= LISTED_POINTS { points.clone() } else { vec![points[0].clone(), points[points.len() - 1].clone()] };
            sentences.push(match locale {
                Locale::Ja => format!("推移は{}。", listed.join(if points.len() <= LISTED_POINTS { "、" } else { "から" })),
                Locale::En => format!("Trend: {}.", listed.join(if points.len() <= LISTED_POINTS { ", " } else { " to " })),
            });
        }
    }
    sentences.join(locale.pick("", " "))
}
