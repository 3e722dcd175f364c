//! What each series draws and where its values sit on its axis: the effective kind of a
//! series (combo charts mix them), its look (colour, marker, dash, outline) and the span
//! each value covers once stacked (`normal`) or normalised (`percent`).

use crate::resolve::{share, Resolved};
use crate::spec::{AxisSide, ChartSpec, ChartType, SeriesKind, Stacking};
use crate::theme::{Color, LineDash, MarkerShape, Theme};

/// How one series is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesLook {
    pub kind: SeriesKind,
    pub axis: AxisSide,
    pub color: Color,
    pub marker: MarkerShape,
    pub dash: LineDash,
    /// An edge for fills too light to stand out alone (under 3:1 on the background).
    pub outline: Option<Color>,
}

/// The look of every series: the theme's style for its position (colour, outline for light
/// fills, its own marker shape and dash, so colour is never the only difference), with the
/// author's overrides on top. A single series keeps a plain solid line with circles.
pub fn series_looks(r: &Resolved, theme: &Theme) -> Vec<SeriesLook> {
    let spec = &r.spec;
    let default_kind = match spec.chart_type {
        ChartType::Line => SeriesKind::Line,
        ChartType::Area => SeriesKind::Area,
        _ => SeriesKind::Column,
    };
    let several = spec.series.len() > 1;
    let mut looks = Vec::with_capacity(spec.series.len());
    for (i, s) in spec.series.iter().enumerate() {
        let style = theme.series_style(i);
        let color = s.color.unwrap_or(style.color);
        looks.push(SeriesLook {
            kind: if r.horizontal { SeriesKind::Column } else { s.kind.unwrap_or(default_kind) },
            axis: s.axis,
            color,
            marker: s.marker.unwrap_or(if several { style.marker } else { MarkerShape::Circle }),
            dash: s.dash.unwrap_or(if several { style.dash } else { LineDash::Solid }),
            outline: theme.outline_for(color),
        });
    }
    looks
}

/// Where value `i` of series `s` sits on its axis: bars and areas span `lo..hi`, lines sit
/// at `hi`. `spans[s][i]` is `None` for a gap.
pub fn spans(spec: &ChartSpec, looks: &[SeriesLook]) -> Vec<Vec<Option<(f64, f64)>>> {
    let n = spec.categories.len();
    let mut out: Vec<Vec<Option<(f64, f64)>>> = Vec::with_capacity(looks.len());
    for (s, look) in spec.series.iter().zip(looks) {
        let mut spans = Vec::with_capacity(s.values.len());
        for v in &s.values {
            spans.push(v.map(|v| if look.kind == SeriesKind::Line { (v, v) } else { (0.0f64.min(v), 0.0f64.max(v)) }));
        }
        out.push(spans);
    }
    if spec.stacking == Stacking::None {
        return out;
    }
    // Stack groups: the columns/areas measured on the same axis, in series order.
    for axis in [AxisSide::Left, AxisSide::Right] {
        let mut members = Vec::new();
        for (s, look) in looks.iter().enumerate() {
            if look.axis == axis && look.kind != SeriesKind::Line {
                members.push(s);
            }
        }
        // `i` indexes the spans, the values and the stack sums in step.
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            let total: f64 = members.iter().filter_map(|&s| spec.series[s].values[i]).map(f64::abs).sum();
            let percent = spec.stacking == Stacking::Percent;
            let (mut up, mut down) = (0.0, 0.0);
            for &s in &members {
                out[s][i] = spec.series[s].values[i].map(|v| {
                    let v = if percent { share(v, total).unwrap_or(v) } else { v };
                    if v >= 0.0 {
                        up += v;
                        (up - v, up)
                    } else {
                        down += v;
                        (down, down - v)
                    }
                });
            }
        }
    }
    out
}

/// The data extent on one axis, from the spans of the series measured on it.
pub fn extent(spans: &[Vec<Option<(f64, f64)>>], looks: &[SeriesLook], axis: AxisSide) -> Option<(f64, f64)> {
    let mut range: Option<(f64, f64)> = None;
    for (s, look) in looks.iter().enumerate() {
        if look.axis != axis {
            continue;
        }
        for (lo, hi) in spans[s].iter().flatten() {
            let (a, b) = if look.kind == SeriesKind::Line { (*hi, *hi) } else { (*lo, *hi) };
            range = Some(range.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> ChartSpec {
        crate::spec::spec_from_text(text)
    }

    #[test]
    fn percent_stacks_sum_to_100_per_category() {
        let s = spec(
            r#"{"type":"column","title":"t","stacking":"percent","categories":["2023","2024"],
            "series":[{"name":"良い","values":[48.0,50.9]},{"name":"中","values":[39.1,38.0]},{"name":"悪い","values":[12.8,11.1]}]}"#,
        );
        let looks = series_looks(&Resolved::new(s.clone()), &Theme::default());
        let spans = spans(&s, &looks);
        for (i, span) in spans[2].iter().enumerate() {
            let top = span.unwrap().1;
            assert!((top - 100.0).abs() < 1e-9, "category {i} ends at {top}");
        }
        // 48.0 / 99.9 of the 2023 answers: the share is computed, not assumed.
        assert!((spans[0][0].unwrap().1 - 48.0 / 99.9 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn normal_stacks_separate_positive_and_negative() {
        let s = spec(
            r#"{"type":"column","title":"t","stacking":"normal","categories":["a"],
            "series":[{"name":"x","values":[5]},{"name":"y","values":[-3]},{"name":"z","values":[2]}]}"#,
        );
        let looks = series_looks(&Resolved::new(s.clone()), &Theme::default());
        let spans = spans(&s, &looks);
        assert_eq!(spans[0][0], Some((0.0, 5.0)));
        assert_eq!(spans[1][0], Some((-3.0, 0.0)));
        assert_eq!(spans[2][0], Some((5.0, 7.0)));
        assert_eq!(extent(&spans, &looks, AxisSide::Left), Some((-3.0, 7.0)));
    }

    #[test]
    fn series_differ_by_more_than_colour() {
        let s = spec(
            r#"{"type":"line","title":"t","categories":["a","b"],
            "series":[{"name":"x","values":[1,2]},{"name":"y","values":[2,3]},{"name":"z","values":[3,1],"marker":"none","style":"dotted"}]}"#,
        );
        let looks = series_looks(&Resolved::new(s.clone()), &Theme::default());
        assert_ne!(looks[0].marker, looks[1].marker);
        assert_eq!((looks[2].marker, looks[2].dash), (MarkerShape::None, LineDash::Dotted));
        assert_ne!(looks[0].dash, looks[1].dash, "dashes tell lines apart where markers are off");
    }
}
