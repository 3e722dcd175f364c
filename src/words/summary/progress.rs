//! Progress: value, target and the share reached, the 時点 and the goal.
//! 「アナログ規制の見直しは4,365条項で目標6,405条項の68.1%（2024年3月時点）。完了率100%を目指す。」

use crate::locale::Locale;
use crate::resolve::{AxisFormat, Resolved};

pub fn describe(r: &Resolved) -> String {
    let spec = &r.spec;
    let locale = spec.locale;
    let (Some(progress), Some(numbers)) = (&spec.progress, &r.progress) else { return String::new() };
    let show = |v: f64| numbers.format.with_unit(v);
    let percent = r.share_text(numbers.share);
    let as_of = spec.as_of.map(|d| r.date_words(d));
    let over = progress.value > progress.target;
    // A rate's target at its own precision: 「目標は100%」.
    let target_text = AxisFormat { decimals: numbers.target_decimals, ..numbers.format.clone() }.with_unit(progress.target);
    let mut text = match locale {
        Locale::Ja => {
            let when = as_of.map(|d| format!("（{d}時点）")).unwrap_or_default();
            let over_text = if over { "で、目標を上回る" } else { "" };
            if numbers.rate {
                format!("{}は{}で、目標は{}{when}。", spec.title, show(progress.value), target_text)
            } else {
                format!("{}は{}で目標{}の{percent}{over_text}{when}。", spec.title, show(progress.value), show(progress.target))
            }
        }
        Locale::En => {
            let when = as_of.map(|d| format!(" (as of {d})")).unwrap_or_default();
            let over_text = if over { ", above the target" } else { "" };
            if numbers.rate {
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
