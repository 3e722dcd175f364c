//! Pie and donut: the total, every slice with its value and share (in data order, up to 12),
//! and the largest.
//! 「デジタル庁の職員構成は合計1,105名で、行政人材445名（40.3%）、…。最も大きいのは民間人材で47.8%。」

use crate::locale::Locale;
use crate::resolve::Resolved;

/// Slices listed one by one; the rest are counted.
const LISTED: usize = 12;

pub fn describe(r: &Resolved) -> String {
    let spec = &r.spec;
    let locale = spec.locale;
    let (Some(series), Some(pie)) = (spec.series.first(), &r.pie) else { return String::new() };
    if pie.total.is_nan() || pie.total <= 0.0 {
        return String::new();
    }
    let value = |v: f64| r.axes[0].with_unit(v);
    let share = |i: usize| r.share_text(pie.shares[i].unwrap_or(0.0));
    let mut parts: Vec<String> = Vec::new();
    for (i, (name, v)) in spec.categories.iter().zip(&series.values).enumerate().take(LISTED) {
        parts.push(match (v, locale) {
            (Some(v), Locale::Ja) => format!("{name}{}（{}）", value(*v), share(i)),
            (Some(v), Locale::En) => format!("{name} {} ({})", value(*v), share(i)),
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
    let mut largest_at = 0;
    for (i, (name, value)) in spec.categories.iter().zip(&series.values).enumerate() {
        if *value == Some(max) {
            if largest.is_empty() {
                largest_at = i;
            }
            largest.push(name);
        }
    }
    let total_text = value(pie.total);
    let max_share = share(largest_at);
    match locale {
        Locale::Ja => {
            let largest_text = match largest.len() {
                1 => format!("最も大きいのは{}で{max_share}。", largest[0]),
                _ => format!("最も大きいのは{}で各{max_share}。", largest.join("と")),
            };
            format!("{}は合計{}で、{}。{}", spec.title, total_text, parts.join("、"), largest_text)
        }
        Locale::En => {
            let largest_text = match largest.len() {
                1 => format!("Largest: {}, {max_share}.", largest[0]),
                _ => format!("Largest: {}, {max_share} each.", largest.join(" and ")),
            };
            format!("{}: total {}; {}. {}", spec.title, total_text, parts.join(", "), largest_text)
        }
    }
}
