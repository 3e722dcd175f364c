//! Values into classes: where the breaks fall (quantile, equal intervals, the author's
//! thresholds, or equal steps either side of the national figure) and what each class covers,
//! for the colours, the legend, the tooltip and the table alike.

/// How values are put into classes (`scale`).
#[derive(Debug, Clone, PartialEq)]
pub enum Scale {
    /// `classes` groups with about as many prefectures each.
    Quantile(usize),
    /// `classes` equal intervals from the lowest value to the highest.
    Equal(usize),
    /// The author's ascending breaks: a value at a break belongs to the class above it.
    Thresholds(Vec<f64>),
    /// Equal steps either side of `center` (the reference value), as far as the farthest value.
    Diverging { classes: usize, center: f64 },
}

/// The classes of one map's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    /// Ascending breaks between classes: class `k` holds values in `breaks[k-1] ..< breaks[k]`.
    pub breaks: Vec<f64>,
    /// Each class's range as drawn in the legend: its lower and upper bound, the data's lowest
    /// and highest value at the ends; `None` where an end class holds no value beyond its break
    /// (thresholds outside the data), said 「75未満」 / 「85以上」 rather than 「75〜75」.
    pub ranges: Vec<(Option<f64>, Option<f64>)>,
    /// The class of each value (by category), `None` for a gap.
    pub of_value: Vec<Option<usize>>,
    /// For a diverging scale, where the centre (the reference) splits the classes.
    pub split: Option<Split>,
}

/// Where a diverging scale's centre falls: the classes before `below` lie under it (one hue),
/// those after over it (the other); with `neutral`, class `below` holds the centre and is drawn
/// neutral (an odd class count), without it the centre is the break between two classes (even).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Split {
    pub below: usize,
    pub neutral: bool,
}

impl Classes {
    pub fn new(scale: &Scale, values: &[Option<f64>]) -> Classes {
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        // Through the crate's one sort (crate::order): another `sort_by` is another copy of it.
        let present = crate::order::sorted_by(&present, &|v| *v);
        let (lo, hi) = (present.first().copied().unwrap_or(0.0), present.last().copied().unwrap_or(0.0));
        let mut breaks: Vec<f64> = match scale {
            // (`present` is never empty for a validated map; `get` keeps an empty one harmless.)
            Scale::Quantile(k) => (1..*k).filter_map(|i| present.get(i * present.len() / k).copied()).collect(),
            Scale::Equal(k) => (1..*k).map(|i| lo + (hi - lo) * i as f64 / *k as f64).collect(),
            Scale::Thresholds(t) => t.clone(),
            Scale::Diverging { classes, center } => {
                let reach = (hi - center).abs().max((center - lo).abs());
                let k = *classes as f64;
                // k equal steps over center ± reach: an odd k has a middle class around the centre,
                // an even k a break exactly on it (2i − k = 0). Every value on the centre: one class.
                let step = |i: usize| center + reach * (2.0 * i as f64 - k) / k;
                if reach > 0.0 {
                    (1..*classes).map(step).collect()
                } else {
                    Vec::new()
                }
            }
        };
        // Equal breaks (many prefectures on one value) make empty classes: one each.
        breaks.dedup();
        if !matches!(scale, Scale::Thresholds(_) | Scale::Diverging { .. }) {
            breaks.retain(|b| *b > lo && *b <= hi);
        }
        // The class the centre falls in, counted on the breaks as kept: neutral unless the
        // centre is that class's lower break.
        let split = match scale {
            Scale::Diverging { center, .. } => {
                let at = breaks.iter().filter(|b| **b <= *center).count();
                let on_break = at > 0 && breaks[at - 1] == *center;
                Some(Split { below: at, neutral: !on_break })
            }
            _ => None,
        };
        let class_of = |v: f64| breaks.iter().filter(|b| v >= **b).count();
        let of_value = values.iter().map(|v| v.map(class_of)).collect();
        let mut ranges = Vec::with_capacity(breaks.len() + 1);
        for k in 0..=breaks.len() {
            let from = match (k, breaks.first()) {
                (0, Some(&first)) => (lo < first).then_some(lo),
                (0, None) => Some(lo),
                _ => Some(breaks[k - 1]),
            };
            let to = match breaks.last() {
                Some(&last) if k == breaks.len() => (hi > last).then_some(hi),
                None => Some(hi),
                _ => Some(breaks[k]),
            };
            ranges.push((from, to));
        }
        Classes { breaks, ranges, of_value, split }
    }

    pub fn count(&self) -> usize {
        self.breaks.len() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    #[test]
    fn quantile_classes_hold_about_as_many_values_each() {
        let v = values(&(1..=47).map(f64::from).collect::<Vec<_>>());
        let c = Classes::new(&Scale::Quantile(5), &v);
        assert_eq!(c.count(), 5);
        let mut sizes = [0; 5];
        for k in c.of_value.iter().flatten() {
            sizes[*k] += 1;
        }
        assert!(sizes.iter().all(|s| (9..=10).contains(s)), "{sizes:?}");
        assert_eq!(c.ranges[0].0, Some(1.0));
        assert_eq!(c.ranges[4].1, Some(47.0));
    }

    #[test]
    fn equal_thresholds_and_diverging_breaks() {
        let v = values(&[60.0, 70.0, 80.0, 90.0, 100.0]);
        assert_eq!(Classes::new(&Scale::Equal(4), &v).breaks, vec![70.0, 80.0, 90.0]);
        let t = Classes::new(&Scale::Thresholds(vec![75.0, 85.0]), &v);
        assert_eq!(t.of_value, vec![Some(0), Some(0), Some(1), Some(2), Some(2)]);
        assert_eq!(t.ranges, vec![(Some(60.0), Some(75.0)), (Some(75.0), Some(85.0)), (Some(85.0), Some(100.0))]);
        // Thresholds beyond the data: the end classes are open, not 「50〜50」.
        let beyond = Classes::new(&Scale::Thresholds(vec![50.0, 100.0]), &v);
        assert_eq!(beyond.ranges, vec![(None, Some(50.0)), (Some(50.0), Some(100.0)), (Some(100.0), None)]);
        // Around 80 as far as 100 (reach 20): 5 steps of 8 from 60.
        let d = Classes::new(&Scale::Diverging { classes: 5, center: 80.0 }, &v);
        assert_eq!(d.breaks, vec![68.0, 76.0, 84.0, 92.0]);
        assert_eq!(d.split, Some(Split { below: 2, neutral: true }));
        assert_eq!(d.of_value[2], Some(2), "the centre's own value is in the middle class");
        // An even count: the centre is a break, two classes under it and two over, none neutral.
        let even = Classes::new(&Scale::Diverging { classes: 4, center: 80.0 }, &v);
        assert_eq!(even.breaks, vec![70.0, 80.0, 90.0]);
        assert_eq!(even.split, Some(Split { below: 2, neutral: false }));
        assert_eq!(even.of_value, vec![Some(0), Some(1), Some(2), Some(3), Some(3)]);
        // An off-centre even scale: the centre still lands on a break exactly.
        let odd_centre = Classes::new(&Scale::Diverging { classes: 6, center: 79.3 }, &values(&[70.1, 84.3]));
        assert!(odd_centre.breaks.contains(&79.3), "{:?}", odd_centre.breaks);
    }

    #[test]
    fn repeated_values_make_no_empty_class_and_gaps_have_none() {
        let v = vec![Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(2.0), None];
        let c = Classes::new(&Scale::Quantile(5), &v);
        assert_eq!(c.count(), 2);
        assert_eq!(c.of_value, vec![Some(0), Some(0), Some(0), Some(0), Some(1), None]);
        // Every value on the centre: one class, neutral.
        let flat = Classes::new(&Scale::Diverging { classes: 5, center: 79.0 }, &[Some(79.0)]);
        assert_eq!((flat.count(), flat.split), (1, Some(Split { below: 0, neutral: true })));
        let none = Classes::new(&Scale::Quantile(5), &[None, None]);
        assert_eq!((none.count(), none.of_value), (1, vec![None, None]));
    }
}
