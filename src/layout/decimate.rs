//! M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
//! VLDB 2014): of a line's points, keep per pixel column only the first, the last, the lowest
//! and the highest. A line drawn through those covers exactly the pixels the whole line
//! covers, every extreme included, with at most four points a column, so a million values
//! draw as fast as a few thousand. Only what is drawn is decimated: tables, summaries, CSV,
//! exports of the data and keyboard values read the full series.

/// Columns per CSS pixel the scene is decimated for: half a device pixel at DPR 2 (the common
/// HiDPI screens and the PNG export). Measured (the test below, 100,000 points, 2 px
/// antialiased line): at 2 columns a CSS pixel 67 device pixels of 180,573 changed from ink to
/// paper at DPR 2; at 4, none differs by more than half a shade, and the line is still drawn
/// from ~12,000 points instead of 100,000.
pub const COLUMNS_PER_PX: f32 = 4.0;

/// `points` (x ascending, in CSS px) reduced to the first, lowest, highest and last point of
/// each column `1 / COLUMNS_PER_PX` px wide, in their original order. Lines with no more
/// points than four a column come back as they are.
pub fn m4(points: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    #[cfg(test)]
    if tests::UNDECIMATED.with(|off| off.get()) {
        return points;
    }
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return points };
    let span = (last.0 - first.0).abs() * COLUMNS_PER_PX;
    if (points.len() as f32) <= 4.0 * (span + 1.0) {
        return points;
    }
    let mut out = Vec::with_capacity((4.0 * (span + 1.0)) as usize + 4);
    let column = |x: f32| (x * COLUMNS_PER_PX).floor() as i64;
    let mut start = 0;
    while start < points.len() {
        let col = column(points[start].0);
        let mut end = start;
        let (mut lo, mut hi) = (start, start);
        while end < points.len() && column(points[end].0) == col {
            if points[end].1 < points[lo].1 {
                lo = end;
            }
            if points[end].1 > points[hi].1 {
                hi = end;
            }
            end += 1;
        }
        // First, extremes and last, in the order the line passes them (each once).
        let mut keep = [start, lo.min(hi), lo.max(hi), end - 1];
        if keep[1] < keep[0] {
            keep.swap(0, 1);
        }
        let mut previous = usize::MAX;
        for i in keep {
            if i != previous {
                out.push(points[i]);
                previous = i;
            }
        }
        start = end;
    }
    out
}

/// A bar as `bars` reads it: `start..end` along the category axis, `from..to` along the value
/// axis (either order), in CSS px.
pub type BarSpan = (f32, f32, f32, f32);

/// Bars of one series, in category-axis order, with each run of bars that fall in the same
/// `1 / COLUMNS_PER_PX` px column and overlap along the value axis drawn as one bar over
/// their union, so every column keeps its tallest and lowest ends. Bars a column or wider
/// (every chart but those with thousands of categories) come back as they are: a million
/// daily columns draw as ~3,200 rectangles instead of a million overlapping slivers.
pub fn merge_bars(bars: Vec<BarSpan>) -> Vec<BarSpan> {
    #[cfg(test)]
    if tests::UNDECIMATED.with(|off| off.get()) {
        return bars;
    }
    let narrow = |b: &BarSpan| (b.1 - b.0) * COLUMNS_PER_PX < 1.0;
    if !bars.first().is_some_and(narrow) {
        return bars;
    }
    let column = |x: f32| (x * COLUMNS_PER_PX).floor() as i64;
    let mut out: Vec<BarSpan> = Vec::new();
    for bar in bars {
        let (lo, hi) = (bar.2.min(bar.3), bar.2.max(bar.3));
        if let Some(run) = out.last_mut() {
            if narrow(&bar) && column(run.0) == column(bar.0) && lo <= run.3 && hi >= run.2 {
                run.1 = run.1.max(bar.1);
                run.2 = run.2.min(lo);
                run.3 = run.3.max(hi);
                continue;
            }
        }
        out.push((bar.0, bar.1, lo, hi));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Mark;
    use std::cell::Cell;

    thread_local! {
        /// Draws lines whole, for the comparison below.
        pub(super) static UNDECIMATED: Cell<bool> = const { Cell::new(false) };
    }

    /// The lines of a scene drawn at `scale` device pixels per CSS pixel, antialiased, as a
    /// canvas draws them.
    fn raster(scene: &crate::scene::Scene, scale: f32) -> tiny_skia::Pixmap {
        let mut pixmap = tiny_skia::Pixmap::new((scene.width * scale) as u32, (scene.height * scale) as u32).unwrap();
        pixmap.fill(tiny_skia::Color::WHITE);
        let mut paint = tiny_skia::Paint::default();
        paint.set_color_rgba8(0, 23, 193, 255);
        paint.anti_alias = true;
        for mark in &scene.marks {
            if let Mark::Rect { x, y, w, h, .. } = mark {
                if let Some(rect) = tiny_skia::Rect::from_xywh(*x, *y, *w, *h) {
                    pixmap.fill_rect(rect, &paint, tiny_skia::Transform::from_scale(scale, scale), None);
                }
            }
            if let Mark::Polyline { points, width, .. } = mark {
                let mut path = tiny_skia::PathBuilder::new();
                path.move_to(points[0].0, points[0].1);
                for p in &points[1..] {
                    path.line_to(p.0, p.1);
                }
                let stroke = tiny_skia::Stroke { width: *width, line_join: tiny_skia::LineJoin::Round, ..Default::default() };
                let transform = tiny_skia::Transform::from_scale(scale, scale);
                pixmap.stroke_path(&path.finish().unwrap(), &paint, &stroke, transform, None);
            }
        }
        pixmap
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // test data: std's sin natively
    fn a_decimated_line_draws_the_pixels_of_the_whole_line() {
        let n = 100_000;
        let categories: Vec<String> = (0..n).map(|i| format!("\"c{i}\"")).collect();
        let values: Vec<String> =
            (0..n).map(|i| format!("{:.1}", 50.0 + ((i * 7919) % 1000) as f64 / 100.0 + (i as f64 / 500.0).sin() * 20.0)).collect();
        let text = format!(
            r#"{{"type":"line","title":"t","card":false,"categories":[{}],"series":[{{"name":"s","values":[{}]}}]}}"#,
            categories.join(","),
            values.join(",")
        );
        let json: crate::json::Json = serde_json::from_str(&text).unwrap();
        let chart = crate::chart::Chart::from_json(&json).unwrap();
        for scale in [1.0, 2.0] {
            let decimated = chart.scene(800.0, 320.0, &crate::text::EstimatedMeasure);
            UNDECIMATED.with(|off| off.set(true));
            let whole = chart.scene(800.0, 320.0, &crate::text::EstimatedMeasure);
            UNDECIMATED.with(|off| off.set(false));
            let points = |s: &crate::scene::Scene| {
                s.marks.iter().map(|m| if let Mark::Polyline { points, .. } = m { points.len() } else { 0 }).sum::<usize>()
            };
            assert_eq!(points(&whole), n);
            assert!(points(&decimated) * 8 < n, "decimated to {} points", points(&decimated));
            let (a, b) = (raster(&decimated, scale), raster(&whole, scale));
            let inked = b.pixels().iter().filter(|p| p.red() < 250).count();
            let differ = |t: u8| a.pixels().iter().zip(b.pixels()).filter(|(p, q)| p.red().abs_diff(q.red()) > t).count();
            // The same pixels are drawn. Antialiasing at the band's edges differs by a shade (the
            // whole line's zigzag covers an edge pixel a little more or less than its extremes
            // do), never by more than half, and by a quarter or more on under one pixel in twenty
            // (measured: 0 at DPR 1, 2.3% at DPR 2).
            assert_eq!(differ(128), 0, "scale {scale}: pixels differ by more than half a shade");
            assert!(differ(64) * 20 < inked, "scale {scale}: {} of {inked} inked pixels differ by a quarter or more", differ(64));
        }
    }

    /// The chart's marks below the title and legend: only data marks are compared.
    fn plot_only(mut scene: crate::scene::Scene) -> crate::scene::Scene {
        scene.marks.retain(|m| matches!(m, Mark::Rect { h, .. } if *h < 290.0 && *h > 0.0) || matches!(m, Mark::Polyline { .. }));
        scene
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // test data: std's sin natively
    fn merged_columns_reach_the_heights_of_every_column() {
        let n = 100_000;
        let categories: Vec<String> = (0..n).map(|i| format!("\"c{i}\"")).collect();
        let values: Vec<String> =
            (0..n).map(|i| format!("{:.1}", 50.0 + ((i * 7919) % 1000) as f64 / 40.0 + (i as f64 / 900.0).sin() * 20.0)).collect();
        let text = format!(
            r#"{{"type":"column","title":"t","card":false,"categories":[{}],"series":[{{"name":"s","values":[{}]}}]}}"#,
            categories.join(","),
            values.join(",")
        );
        let json: crate::json::Json = serde_json::from_str(&text).unwrap();
        let chart = crate::chart::Chart::from_json(&json).unwrap();
        let decimated = plot_only(chart.scene(800.0, 320.0, &crate::text::EstimatedMeasure));
        UNDECIMATED.with(|off| off.set(true));
        let whole = plot_only(chart.scene(800.0, 320.0, &crate::text::EstimatedMeasure));
        UNDECIMATED.with(|off| off.set(false));
        let bars = |s: &crate::scene::Scene| s.marks.iter().filter(|m| matches!(m, Mark::Rect { .. })).count();
        assert!(bars(&whole) >= n);
        assert!(bars(&decimated) * 20 < n, "merged to {} bars", bars(&decimated));
        assert_eq!(decimated.points.len(), whole.points.len(), "every bar keeps its point");
        for scale in [1.0, 2.0] {
            let drawn = raster(&decimated, scale);
            let width = drawn.width() as usize;
            // Where the whole chart's bars reach in each device-pixel column (by their centres),
            // from their exact geometry (a raster of 100,000 slivers of a few hundredths of a pixel drops most of
            // them: that is why they are merged).
            let mut reach = vec![f32::MAX; width];
            for mark in &whole.marks {
                if let Mark::Rect { x, y, w, .. } = mark {
                    let col = (((x + w / 2.0) * scale) as usize).min(width - 1);
                    reach[col] = reach[col].min(y * scale);
                }
            }
            let top = |col: usize| drawn.pixels().iter().skip(col).step_by(width).position(|px| px.red() < 250);
            let (mut checked, mut missed) = (0, 0);
            for (col, &expected) in reach.iter().enumerate() {
                match top(col) {
                    // Antialiased: the drawn top is the pixel row the bars reach into, or the next.
                    Some(row) => {
                        assert!(expected < f32::MAX, "scale {scale}, column {col}: ink where no bar is");
                        assert!(expected < f32::MAX, "scale {scale}, column {col}: ink where no bar is");
                        if (row as f32 - expected).abs() > 1.0 {
                            missed += 1;
                        }
                        checked += 1;
                    }
                    None if expected < f32::MAX => missed += 1,
                    None => {}
                }
            }
            // A bar a few thousandths of a pixel over a column boundary is merged into the column
            // it mostly lies in: a peak may show in the neighbouring pixel, on under 1% of them.
            assert!(missed * 100 < width, "scale {scale}: {missed} of {width} columns' tops differ");
            assert!(checked > width / 2, "scale {scale}: only {checked} columns drawn");
        }
    }

    #[test]
    fn narrow_bars_merge_per_column_keeping_the_extremes() {
        // 1,000 bars of 0.07 px from a baseline at 100 over 100 px: 400 columns.
        let bars: Vec<BarSpan> =
            (0..1000).map(|i| (i as f32 * 0.1, i as f32 * 0.1 + 0.07, 100.0, 100.0 - ((i * 7919) % 90) as f32)).collect();
        let out = merge_bars(bars.clone());
        assert!(out.len() <= 400, "{} bars", out.len());
        for col in 0..400i64 {
            let in_col = |b: &&BarSpan| (b.0 * COLUMNS_PER_PX).floor() as i64 == col;
            let top = bars.iter().filter(in_col).map(|b| b.3).fold(f32::MAX, f32::min);
            let kept = out.iter().filter(in_col).map(|b| b.2).fold(f32::MAX, f32::min);
            assert_eq!(kept, top, "column {col}");
        }
        // Wide bars, and bars that do not overlap (a stacked segment above a gap), stay apart.
        let wide: Vec<BarSpan> = (0..10).map(|i| (i as f32 * 8.0, i as f32 * 8.0 + 5.0, 100.0, 50.0)).collect();
        assert_eq!(merge_bars(wide.clone()), wide);
        let apart = vec![(0.0, 0.05, 10.0, 20.0), (0.06, 0.11, 30.0, 40.0)];
        assert_eq!(merge_bars(apart.clone()).len(), 2);
    }

    #[test]
    fn short_lines_are_untouched() {
        let line: Vec<(f32, f32)> = (0..100).map(|i| (i as f32 * 8.0, (i % 7) as f32)).collect();
        assert_eq!(m4(line.clone()), line);
        assert_eq!(m4(Vec::new()), Vec::<(f32, f32)>::new());
    }

    #[test]
    fn each_column_keeps_first_last_and_extremes_in_order() {
        // 10,000 points over 100 px: 100 × COLUMNS_PER_PX columns.
        let line: Vec<(f32, f32)> = (0..10_000).map(|i| (i as f32 / 100.0, ((i * 7919) % 1000) as f32)).collect();
        let out = m4(line.clone());
        let columns = (100.0 * COLUMNS_PER_PX) as usize;
        assert!(out.len() <= 4 * columns + 4, "{} points", out.len());
        assert_eq!(out.first(), line.first());
        assert_eq!(out.last(), line.last());
        // Every column's extremes survive.
        for col in 0..columns as i64 {
            let in_col = |p: &&(f32, f32)| (p.0 * COLUMNS_PER_PX).floor() as i64 == col;
            let max = line.iter().filter(in_col).map(|p| p.1).fold(f32::MIN, f32::max);
            let min = line.iter().filter(in_col).map(|p| p.1).fold(f32::MAX, f32::min);
            let kept: Vec<f32> = out.iter().filter(in_col).map(|p| p.1).collect();
            assert!(kept.contains(&max) && kept.contains(&min), "column {col}");
        }
        // The order of x is kept.
        assert!(out.windows(2).all(|w| w[0].0 <= w[1].0));
    }
}
