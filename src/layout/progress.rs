//! Layout of `progress` charts: the share of the target printed large (`68.2%`), the value
//! and the target (`4,365 / 6,405条項`), a bar on a bordered track, the goal and the 時点.
//!
//! A value above its target is printed as it is (`104.2%`); the track then spans the value,
//! the bar fills it, and the target is marked where it falls, with 「目標」 under the mark
//! and the part beyond it in a second colour.
//!
//! Points: one (`series` 0, `index` 0), at the end of the bar.

use super::{Ctx, PAD};
use crate::locale::Locale;
use crate::numfmt::{percent, with_unit};
use crate::resolve::{ProgressNumbers, Resolved};
use crate::scene::{HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::spec::Progress;
use crate::text::{truncate_to_width, Font};

const LINE_GAP: f32 = 8.0;
const PAIR_GAP: f32 = 12.0;

/// Lays out a `progress` spec on `scene` (already sized, with its background).
pub fn layout(ctx: &Ctx, scene: &mut Scene) {
    let (Some(progress), Some(numbers)) = (&ctx.spec.progress, &ctx.r.progress) else { return };
    let (theme, measure) = (ctx.theme, ctx.measure);
    let (width, height) = (scene.width, scene.height);
    let (inner_w, inner_h) = (width - 2.0 * PAD, height - 2.0 * PAD);
    if inner_w < 60.0 || inner_h < 40.0 || progress.target.is_nan() || progress.target <= 0.0 {
        return;
    }
    let words = progress_words(ctx.r, progress, numbers);
    let text = |x, y, t: &str, font, color, h, v| ctx.text(x, y, t, font, color, h, v);
    let ratio_font = Font { size: 18.0, bold: false };
    let small = Font { size: 16.0, bold: false };
    let mark_font = Font { size: 14.0, bold: false };
    let over = progress.value > progress.target;
    let track_h = if width >= 480.0 { 24.0 } else { 20.0 };
    // Under the track: 「目標」 at the target mark when the value is above it.
    let track_block = track_h + if over { 4.0 + mark_font.size + 2.0 } else { 0.0 };

    let sizes = super::big_number_sizes(width);
    let ratio_w = words.ratio.as_ref().map_or(0.0, |r| measure.width(r, ratio_font));
    let footer: Vec<&String> = [words.goal.as_ref(), words.as_of.as_ref()].into_iter().flatten().collect();

    // The largest number that fits, with the ratio beside it or under it, then as many
    // footer lines as fit (goal before 時点).
    let mut chosen = None;
    'search: for keep in (0..=footer.len()).rev() {
        for &size in sizes {
            let big_w = measure.width(&words.percent, Font { size, bold: true });
            if big_w > inner_w && size > 24.0 {
                continue;
            }
            let ratio_beside = words.ratio.is_some() && big_w + PAIR_GAP + ratio_w <= inner_w;
            let head_h = size + if words.ratio.is_some() && !ratio_beside { LINE_GAP + ratio_font.size } else { 0.0 };
            let total = head_h + LINE_GAP * 1.5 + track_block + keep as f32 * (LINE_GAP + small.size);
            if total <= inner_h {
                chosen = Some((size, ratio_beside, keep));
                break 'search;
            }
        }
    }
    let Some((size, ratio_beside, keep)) = chosen else { return };

    let mut y = PAD;
    let big = Font { size, bold: true };
    let (percent, _) = truncate_to_width(&words.percent, inner_w, big, measure);
    scene.marks.push(text(PAD, y, &percent, big, theme.text, HAlign::Start, VAlign::Top));
    if let Some(ratio) = &words.ratio {
        if ratio_beside {
            // On the big number's baseline (em boxes: ascent 0.88, descent 0.12).
            let x = PAD + measure.width(&percent, big) + PAIR_GAP;
            let bottom = y + size * 0.88 + ratio_font.size * 0.12;
            scene.marks.push(text(x, bottom, ratio, ratio_font, theme.text, HAlign::Start, VAlign::Bottom));
            y += size;
        } else {
            y += size + LINE_GAP;
            let (ratio, _) = truncate_to_width(ratio, inner_w, ratio_font, measure);
            scene.marks.push(text(PAD, y, &ratio, ratio_font, theme.text, HAlign::Start, VAlign::Top));
            y += ratio_font.size;
        }
    } else {
        y += size;
    }
    y += LINE_GAP * 1.5;

    // The track spans the target, or the value when it is larger; the bar fills to the value.
    let (x0, track_w) = (PAD, inner_w);
    let span = progress.value.max(progress.target);
    let fill_w = crate::math::clamp((progress.value / span) as f32, 0.0, 1.0) * track_w;
    scene.marks.push(Mark::Rect { x: x0, y, w: track_w, h: track_h, fill: theme.grid, stroke: Some(theme.baseline) });
    let target_x = x0 + (progress.target / span) as f32 * track_w;
    if over {
        scene.marks.push(Mark::Rect { x: x0, y, w: target_x - x0, h: track_h, fill: theme.series_color(0), stroke: None });
        scene.marks.push(Mark::Rect { x: target_x, y, w: x0 + track_w - target_x, h: track_h, fill: theme.series_color(1), stroke: None });
        // The target: a rule across the bar in the text colour, with its name under it.
        scene.marks.push(Mark::Rule { x1: target_x, y1: y - 4.0, x2: target_x, y2: y + track_h + 4.0, width: 2.0, color: theme.text });
        let label = ctx.r.locale().pick("目標", "Target");
        let lw = measure.width(label, mark_font);
        let lx = crate::math::clamp(target_x, PAD + lw / 2.0, width - PAD - lw / 2.0);
        scene.marks.push(text(lx, y + track_h + 6.0, label, mark_font, theme.text, HAlign::Middle, VAlign::Top));
    } else if fill_w > 0.0 {
        scene.marks.push(Mark::Rect { x: x0, y, w: fill_w, h: track_h, fill: theme.series_color(0), stroke: None });
    }
    scene.points.push(PlottedPoint { series: 0, index: 0, x: x0 + fill_w, y: y + track_h / 2.0 });
    y += track_block;

    for line in footer.iter().take(keep) {
        y += LINE_GAP;
        let (line, _) = truncate_to_width(line, inner_w, small, measure);
        scene.marks.push(text(PAD, y, &line, small, theme.muted_text, HAlign::Start, VAlign::Top));
        y += small.size;
    }
}

struct ProgressWords {
    /// `68.2%`
    percent: String,
    /// `4,365 / 6,405条項`, or `目標100%` for a rate against 100%.
    ratio: Option<String>,
    goal: Option<String>,
    as_of: Option<String>,
}

fn progress_words(r: &Resolved, progress: &Progress, numbers: &ProgressNumbers) -> ProgressWords {
    let locale = r.locale();
    let format = &numbers.format;
    let ratio = if numbers.rate {
        // A rate against 100%: the big number already is the value; say what it aims at.
        let target = percent(progress.target, numbers.target_decimals);
        Some(match locale {
            Locale::Ja => format!("目標{target}"),
            Locale::En => format!("Target {target}"),
        })
    } else if format.percent {
        Some(format!("{} / {}", format.label(progress.value), format.label(progress.target)))
    } else {
        let pair = format!("{} / {}", format.number(progress.value), format.number(progress.target));
        Some(with_unit(&pair, format.unit.as_deref(), locale))
    };
    ProgressWords { percent: r.share_text(numbers.share), ratio, goal: progress.goal.clone(), as_of: r.as_of_words() }
}
