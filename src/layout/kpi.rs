//! Layout of `kpi` charts: one big number with its 時点, the change since an earlier value
//! (sign and ▲/▼ carry the direction, not colour), a share of a whole, and a sparkline.
//!
//! Narrow charts stack everything; wide ones put the sparkline to the right of the text.
//! When the height is short, the sparkline goes first, then the big number shrinks (56 px
//! down to 24 px), then the lowest lines go; the page text and table keep every figure.
//!
//! Points: one, for the big number (`series` 0, `index` 0), at its centre.

use super::{Ctx, PAD};
use crate::locale::Locale;
use crate::numfmt::percent;
use crate::resolve::{KpiNumbers, Resolved};
use crate::scene::{HAlign, Mark, PlottedPoint, Scene, VAlign};
use crate::spec::Kpi;
use crate::text::{truncate_to_width, Font, TextMeasure};
use crate::theme::{Color, LineDash, MarkerShape};

/// Space between lines of text.
const LINE_GAP: f32 = 8.0;
/// Between the text column and a sparkline beside it.
const COLUMN_GAP: f32 = 32.0;
/// Charts at least this wide put the sparkline beside the text.
const WIDE: f32 = 560.0;
const MIN_SPARK_W: f32 = 120.0;
const MIN_SPARK_H: f32 = 36.0;
const MAX_SPARK_H: f32 = 120.0;
const MARKER_R: f32 = 4.0;

/// Lays out a `kpi` spec on `scene` (already sized, with its background).
pub fn layout(ctx: &Ctx, scene: &mut Scene) {
    let (Some(kpi), Some(numbers)) = (&ctx.spec.kpi, &ctx.r.kpi) else { return };
    let (theme, measure) = (ctx.theme, ctx.measure);
    let (width, height) = (scene.width, scene.height);
    let (inner_w, inner_h) = (width - 2.0 * PAD, height - 2.0 * PAD);
    if inner_w < 40.0 || inner_h < 24.0 {
        return;
    }
    let words = kpi_words(ctx.r, kpi, numbers);
    let small = Font { size: 16.0, bold: false };
    let emphasis = Font { size: 20.0, bold: true };

    // The big number: smaller only when it is wider than the chart or the chart is short.
    let sizes = super::big_number_sizes(width);

    // Lines under the number, most important first.
    let mut lines: Vec<Line> = Vec::new();
    if let Some(as_of) = &words.as_of {
        lines.push(Line::single(as_of.clone(), small, theme.muted_text));
    }
    if let Some((delta, caption)) = &words.delta {
        lines.push(Line::pair(ctx, delta.clone(), emphasis, theme.text, caption.clone(), small, theme.muted_text, inner_w));
    }
    if let Some((label, value)) = &words.share {
        lines.push(Line::pair(ctx, label.clone(), small, theme.muted_text, value.clone(), emphasis, theme.text, inner_w));
    }

    let spark = spark_points(ctx.r);
    let spark_labels = spark.as_ref().and_then(|s| ctx.spark_labels(s));
    let label_row = if spark_labels.is_some() { 14.0 + 6.0 } else { 0.0 };

    // The tallest arrangement that fits: sparkline, big size, lines.
    let text_height = |size: f32, count: usize| -> f32 { size + lines.iter().take(count).map(|l| LINE_GAP + l.height()).sum::<f32>() };
    let number_width = |size: f32| measure.width(&words.value, Font { size, bold: true });
    let text_width = |size: f32, count: usize| -> f32 {
        lines.iter().take(count).map(|l| l.width(measure)).fold(number_width(size).min(inner_w), f32::max)
    };
    // Beside: the sparkline takes the width the text leaves; below: the height it leaves.
    let mut chosen: Option<(f32, usize, Option<SparkBox>)> = None;
    'search: for with_spark in [true, false] {
        if with_spark && spark.is_none() {
            continue;
        }
        for count in (0..=lines.len()).rev() {
            for &size in sizes {
                let number_fits = number_width(size) <= inner_w || size == *sizes.last().unwrap_or(&24.0);
                let th = text_height(size, count);
                if !number_fits || th > inner_h {
                    continue;
                }
                if !with_spark {
                    chosen = Some((size, count, None));
                    break 'search;
                }
                let tw = text_width(size, count);
                let beside_w = inner_w - tw - COLUMN_GAP;
                if width >= WIDE && beside_w >= MIN_SPARK_W {
                    let h = (inner_h - label_row).min(MAX_SPARK_H.max(th - label_row));
                    if h >= MIN_SPARK_H {
                        let x = PAD + tw + COLUMN_GAP;
                        let y = PAD;
                        chosen = Some((size, count, Some(SparkBox { x, y, w: beside_w.min(480.0), h, beside: true })));
                        break 'search;
                    }
                }
                let below_h = (inner_h - th - LINE_GAP * 2.0 - label_row).min(MAX_SPARK_H);
                if below_h >= MIN_SPARK_H {
                    let w = inner_w.min(480.0);
                    chosen = Some((size, count, Some(SparkBox { x: PAD, y: 0.0, w, h: below_h, beside: false })));
                    break 'search;
                }
            }
            // Keep every line with the sparkline if possible; otherwise drop the sparkline
            // before dropping lines.
            if with_spark {
                continue 'search;
            }
        }
    }
    let Some((size, count, spark_box)) = chosen else { return };

    // From the top, right under the title on the page.
    let mut y = PAD;
    let font = Font { size, bold: true };
    let (value_text, _) = truncate_to_width(&words.value, inner_w, font, measure);
    let value_w = measure.width(&value_text, font);
    scene.marks.push(ctx.text(PAD, y, &value_text, font, theme.text, HAlign::Start, VAlign::Top));
    scene.points.push(PlottedPoint { series: 0, index: 0, x: PAD + value_w / 2.0, y: y + size / 2.0 });
    y += size;
    for line in lines.iter().take(count) {
        y += LINE_GAP;
        line.draw(ctx, PAD, y, scene);
        y += line.height();
    }
    if let (Some(mut b), Some(points)) = (spark_box, spark) {
        if !b.beside {
            b.y = y + LINE_GAP * 2.0;
        }
        ctx.draw_sparkline(&points, &b, spark_labels.as_ref(), scene);
    }
}

/// The printed words of a KPI, shared with nothing else so that layout decides their form.
struct KpiWords {
    value: String,
    as_of: Option<String>,
    /// (`▲ +4,845万枚`, `2021年11月から`)
    delta: Option<(String, String)>,
    /// (`人口に対する保有率`, `79%`)
    share: Option<(String, String)>,
}

fn kpi_words(r: &Resolved, kpi: &Kpi, numbers: &KpiNumbers) -> KpiWords {
    let locale = r.locale();
    let value = numbers.format.with_unit(kpi.value);
    let delta = kpi.previous.as_ref().map(|p| {
        // `label` names the earlier figure (「2024年の年次報告」); its date follows in brackets.
        let when = match (&p.label, p.as_of) {
            (Some(label), Some(d)) => Some(match locale {
                Locale::Ja => format!("{label}（{}）", r.date_words(d)),
                Locale::En => format!("{label} ({})", r.date_words(d)),
            }),
            (Some(label), None) => Some(label.clone()),
            (None, Some(d)) => Some(r.date_words(d)),
            (None, None) => None,
        };
        let caption = match (when, locale) {
            (Some(when), Locale::Ja) => format!("{when}から"),
            (Some(when), Locale::En) => format!("since {when}"),
            (None, _) => locale.pick("前回から", "since the previous figure").to_owned(),
        };
        (arrowed(numbers.format.signed_delta(kpi.value - p.value)), caption)
    });
    let share = kpi.share.as_ref().map(|s| {
        let label = s.label.clone().unwrap_or_else(|| locale.pick("割合", "Share").to_owned());
        (label, percent(s.value, numbers.share_decimals))
    });
    KpiWords { value, as_of: r.as_of_words(), delta, share }
}

/// A change with its direction in symbols, not colour: `▲ +4,845万枚`, `▼ −3ポイント` (a
/// change of a percentage is in points), `±0件` without an arrow.
fn arrowed(text: String) -> String {
    match text.chars().next() {
        Some('+') => format!("▲ {text}"),
        Some('\u{2212}') => format!("▼ {text}"),
        _ => text,
    }
}

/// One line under the big number: one text, or two side by side (wrapping to two lines when
/// they do not fit the width together).
struct Line {
    parts: Vec<(String, Font, Color)>,
    stacked: bool,
}

const PAIR_GAP: f32 = 8.0;

impl Line {
    fn single(text: String, font: Font, color: Color) -> Line {
        Line { parts: vec![(text, font, color)], stacked: false }
    }

    #[allow(clippy::too_many_arguments)]
    fn pair(ctx: &Ctx, a: String, fa: Font, ca: Color, b: String, fb: Font, cb: Color, width: f32) -> Line {
        let together = ctx.measure.width(&a, fa) + PAIR_GAP + ctx.measure.width(&b, fb);
        Line { parts: vec![(a, fa, ca), (b, fb, cb)], stacked: together > width }
    }

    fn height(&self) -> f32 {
        if self.stacked {
            self.parts.iter().map(|p| p.1.size).sum::<f32>() + 4.0
        } else {
            self.parts.iter().map(|p| p.1.size).fold(0.0, f32::max)
        }
    }

    fn width(&self, measure: &dyn TextMeasure) -> f32 {
        let widths = self.parts.iter().map(|(t, f, _)| measure.width(t, *f));
        if self.stacked {
            widths.fold(0.0, f32::max)
        } else {
            widths.sum::<f32>() + PAIR_GAP * (self.parts.len() as f32 - 1.0)
        }
    }

    fn draw(&self, ctx: &Ctx, x: f32, y: f32, scene: &mut Scene) {
        let room = scene.width - x - PAD;
        if self.stacked {
            let mut y = y;
            for (text, font, color) in &self.parts {
                let (text, _) = truncate_to_width(text, room, *font, ctx.measure);
                scene.marks.push(ctx.text(x, y, &text, *font, *color, HAlign::Start, VAlign::Top));
                y += font.size + 4.0;
            }
        } else {
            // Side by side on one baseline (bottoms of the em boxes aligned).
            let bottom = y + self.height();
            let mut x = x;
            for (text, font, color) in &self.parts {
                scene.marks.push(ctx.text(x, bottom, text, *font, *color, HAlign::Start, VAlign::Bottom));
                x += ctx.measure.width(text, *font) + PAIR_GAP;
            }
        }
    }
}

/// Where the sparkline goes.
struct SparkBox {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    beside: bool,
}

/// Sparkline points: (time position, value) per present value, in category order; positions
/// are days when every category is a date (uneven gaps to scale), else indices.
fn spark_points(r: &Resolved) -> Option<Vec<(usize, f64, f64)>> {
    let series = r.spec.series.first()?;
    let dates = r.dates.as_ref();
    let mut points = Vec::with_capacity(series.values.len());
    for (i, value) in series.values.iter().enumerate() {
        let Some(v) = value.filter(|v| v.is_finite()) else { continue };
        let t = dates.as_ref().map_or(i as f64, |d| d[i].day_number() as f64);
        points.push((i, t, v));
    }
    (!points.is_empty()).then_some(points)
}

/// The sparkline: drawn in the chart's first series colour, labelled with its first and last dates.
impl Ctx<'_> {
    /// The first and last categories of the sparkline, in words.
    fn spark_labels(&self, points: &[(usize, f64, f64)]) -> Option<(String, String)> {
        let word = |i: usize| (i < self.spec.categories.len()).then(|| self.r.category_words(i));
        let (first, last) = (points.first()?, points.last()?);
        Some((word(first.0)?, word(last.0)?))
    }

    fn draw_sparkline(&self, points: &[(usize, f64, f64)], b: &SparkBox, labels: Option<&(String, String)>, scene: &mut Scene) {
        let color = self.theme.series_color(0);
        let inset = MARKER_R + 2.0;
        let (x0, x1) = (b.x + inset, b.x + b.w - inset);
        let (y0, y1) = (b.y + inset, b.y + b.h - inset);
        let (t_lo, t_hi) = points.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        let (v_lo, v_hi) = points.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.2), hi.max(p.2)));
        let x = |t: f64| if t_hi > t_lo { x0 + ((t - t_lo) / (t_hi - t_lo)) as f32 * (x1 - x0) } else { (x0 + x1) / 2.0 };
        let y = |v: f64| if v_hi > v_lo { y1 - ((v - v_lo) / (v_hi - v_lo)) as f32 * (y1 - y0) } else { (y0 + y1) / 2.0 };
        // Gaps (nulls) break the line, as on a line chart.
        let series = &self.spec.series[0];
        let mut run: Vec<(f32, f32)> = Vec::new();
        let mut runs = Vec::new();
        let mut next = points.iter().peekable();
        for (i, value) in series.values.iter().enumerate() {
            match (value, next.peek()) {
                (Some(_), Some(p)) if p.0 == i => {
                    run.push((x(p.1), y(p.2)));
                    next.next();
                }
                _ if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                _ => {}
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        for run in runs {
            if run.len() > 1 {
                scene.marks.push(Mark::Polyline { points: run, width: 2.0, color, dash: LineDash::Solid });
            } else if let Some(&(cx, cy)) = run.first() {
                scene.marks.push(Mark::Marker { cx, cy, r: 2.5, shape: MarkerShape::Circle, fill: color, ring: None });
            }
        }
        if let Some(last) = points.last() {
            scene.marks.push(Mark::Marker {
                cx: x(last.1),
                cy: y(last.2),
                r: MARKER_R,
                shape: MarkerShape::Circle,
                fill: color,
                ring: Some(self.theme.background),
            });
        }
        if let Some((first, last)) = labels {
            let font = Font { size: 14.0, bold: false };
            let ly = b.y + b.h + 6.0;
            let (fw, lw) = (self.measure.width(first, font), self.measure.width(last, font));
            let muted = self.theme.muted_text;
            if points.len() > 1 && fw + lw + 16.0 <= b.w {
                scene.marks.push(self.text(b.x, ly, first, font, muted, HAlign::Start, VAlign::Top));
                scene.marks.push(self.text(b.x + b.w, ly, last, font, muted, HAlign::End, VAlign::Top));
            } else if lw <= b.w {
                scene.marks.push(self.text(b.x + b.w, ly, last, font, muted, HAlign::End, VAlign::Top));
            }
        }
    }
}
