//! M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
//! VLDB 2014): of a line's points, keep per pixel column only the first, the last, the lowest
//! and the highest. A line drawn through those covers exactly the pixels the whole line
//! covers, every extreme included, with at most four points a column, so a million values
//! draw as fast as a few thousand. Only what is drawn is decimated: tables, summaries, CSV,
//! exports of the data and keyboard values read the full series.

/// Columns per CSS pixel the scene is decimated for: 2 covers device pixels at DPR 1 and 2
/// (the common screens and the PNG export); at higher ratios a column spans two device pixels,
/// still keeping every extreme.
pub const COLUMNS_PER_PX: f32 = 2.0;

/// `points` (x ascending, in CSS px) reduced to the first, lowest, highest and last point of
/// each column `1 / COLUMNS_PER_PX` px wide, in their original order. Lines with no more
/// points than four a column come back as they are.
pub fn m4(points: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
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

    #[test]
    fn short_lines_are_untouched() {
        let line: Vec<(f32, f32)> = (0..100).map(|i| (i as f32 * 8.0, (i % 7) as f32)).collect();
        assert_eq!(m4(line.clone()), line);
        assert_eq!(m4(Vec::new()), Vec::<(f32, f32)>::new());
    }

    #[test]
    fn each_column_keeps_first_last_and_extremes_in_order() {
        // 10,000 points over 100 px: 200 columns of 50 points each.
        let line: Vec<(f32, f32)> = (0..10_000).map(|i| (i as f32 / 100.0, ((i * 7919) % 1000) as f32)).collect();
        let out = m4(line.clone());
        assert!(out.len() <= 4 * 200 + 4, "{} points", out.len());
        assert_eq!(out.first(), line.first());
        assert_eq!(out.last(), line.last());
        // Every column's extremes survive.
        for col in 0..200 {
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
