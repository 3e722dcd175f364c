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
