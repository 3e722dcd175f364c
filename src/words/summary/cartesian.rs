//! The text alternative of a cartesian chart.
//!
//! 「マイナンバーカードの保有率は2021年11月の39%から2025年7月の79%へ40ポイント上昇しました。」
//! Per series: first and latest values with their dates and the change in the right unit
//! (ポイント between percentages, the unit's own scale otherwise), then the maximum and minimum
//! when they are not the ends; for categories, the largest and smallest and the largest
//! part's share; a target line's attainment; for 100% stacks, the largest answer per row.

use crate::locale::Locale;
use crate::resolve::{share, Resolved};
use crate::spec::{Annotation, AxisSide, ChartSpec, Series, Stacking};

/// Series described one by one; the rest are counted.
const DETAILED_SERIES: usize = 3;

pub fn describe(r: &Resolved) -> String {
    let spec = &r.spec;
    let words = Words { r, spec, locale: spec.locale };
    let mut sentences = Vec::new();
    if spec.stacking == Stacking::Percent {
        sentences.extend(words.largest_parts());
    } else {
        let time_axis = r.dates.is_some();
        for series in spec.series.iter().take(DETAILED_SERIES) {
            // One series: the chart's title is the better subject (「マイナンバーカードの保有率は…」).
            let subject = if spec.series.len() == 1 { spec.title.as_str() } else { series.name.as_str() };
            let sentence = if time_axis { words.trend(subject, series) } else { words.ranking(subject, series) };
            sentences.extend(sentence);
        }
    }
    if spec.series.len() > DETAILED_SERIES {
        let more = spec.series.len() - DETAILED_SERIES;
        sentences.push(match spec.locale {
            Locale::Ja => format!("ほか{more}系列があります。"),
            Locale::En => format!("There are {more} more series."),
        });
    }
    sentences.extend(words.targets());
    sentences.join(spec.locale.pick("", " "))
}

/// The values that are there, with their category index. One shared loop: a collect per
/// caller would be another copy of std's collect code in the wasm.
fn present_values(series: &Series) -> Vec<(usize, f64)> {
    let mut out = Vec::with_capacity(series.values.len());
    for (i, value) in series.values.iter().enumerate() {
        if let Some(v) = *value {
            out.push((i, v));
        }
    }
    out
}

/// Number and date wording for one chart, from its resolved formats.
struct Words<'a> {
    r: &'a Resolved,
    spec: &'a ChartSpec,
    locale: Locale,
}

impl<'a> Words<'a> {
    /// `79%`, `9,852万枚`, `98.52M cards`.
    fn value(&self, axis: AxisSide, v: f64) -> String {
        self.r.axis(axis).with_unit(v)
    }

    /// A difference: percentages in points (`40ポイント`), other units in their own scale.
    fn change(&self, axis: AxisSide, delta: f64) -> String {
        self.r.axis(axis).change(delta)
    }

    fn category(&self, index: usize) -> String {
        self.r.category_words(index)
    }

    /// First → latest, the change, and extremes that are not the ends.
    fn trend(&self, subject: &str, series: &Series) -> Option<String> {
        let present = present_values(series);
        let (&(i0, v0), &(i1, v1)) = (present.first()?, present.last()?);
        let axis = series.axis;
        let (ja, en) = if i0 == i1 {
            (
                format!("{subject}は{}に{}です。", self.category(i0), self.value(axis, v0)),
                format!("{subject}: {} in {}.", self.value(axis, v0), self.category(i0)),
            )
        } else {
            let delta = v1 - v0;
            let percent = self.r.axis(axis).percent;
            let (verb_ja, verb_en) = match (delta.partial_cmp(&0.0), percent) {
                (Some(std::cmp::Ordering::Greater), true) => ("上昇しました", "rose"),
                (Some(std::cmp::Ordering::Greater), false) => ("増加しました", "increased"),
                (Some(std::cmp::Ordering::Less), true) => ("低下しました", "fell"),
                (Some(std::cmp::Ordering::Less), false) => ("減少しました", "decreased"),
                _ => ("", "stayed level"),
            };
            let ja = if verb_ja.is_empty() {
                format!("{subject}は{}から{}まで{}で横ばいでした。", self.category(i0), self.category(i1), self.value(axis, v1))
            } else {
                format!(
                    "{subject}は{}の{}から{}の{}へ{}{verb_ja}。",
                    self.category(i0),
                    self.value(axis, v0),
                    self.category(i1),
                    self.value(axis, v1),
                    self.change(axis, delta)
                )
            };
            let en = if verb_en == "stayed level" {
                format!("{subject} stayed level at {} from {} to {}.", self.value(axis, v1), self.category(i0), self.category(i1))
            } else {
                format!(
                    "{subject} {verb_en} by {} from {} in {} to {} in {}.",
                    self.change(axis, delta),
                    self.value(axis, v0),
                    self.category(i0),
                    self.value(axis, v1),
                    self.category(i1)
                )
            };
            (ja, en)
        };
        let mut text = self.locale.pick(&ja, &en).to_owned();
        let &(imax, vmax) = present.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        let &(imin, vmin) = present.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
        let mut extremes = Vec::new();
        if imax != i0 && imax != i1 {
            extremes.push(match self.locale {
                Locale::Ja => format!("最大は{}の{}", self.category(imax), self.value(axis, vmax)),
                Locale::En => format!("the highest was {} in {}", self.value(axis, vmax), self.category(imax)),
            });
        }
        if imin != i0 && imin != i1 {
            extremes.push(match self.locale {
                Locale::Ja => format!("最小は{}の{}", self.category(imin), self.value(axis, vmin)),
                Locale::En => format!("the lowest was {} in {}", self.value(axis, vmin), self.category(imin)),
            });
        }
        if !extremes.is_empty() {
            text.push_str(&match self.locale {
                Locale::Ja => format!("{}です。", extremes.join("、")),
                Locale::En => format!(" Over the period, {}.", extremes.join(" and ")),
            });
        }
        Some(text)
    }

    /// Categories: the largest (with its share of the total when values are counts) and the smallest.
    fn ranking(&self, subject: &str, series: &Series) -> Option<String> {
        let present = present_values(series);
        let &(imax, vmax) = present.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        let &(imin, vmin) = present.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
        let axis = series.axis;
        let total: f64 = present.iter().map(|(_, v)| v).sum();
        let counts = !self.r.axis(axis).percent && present.iter().all(|(_, v)| *v >= 0.0) && present.len() > 1;
        let share = share(vmax, total).filter(|_| counts).map(|s| self.r.share_text(s));
        let n = present.len();
        Some(match self.locale {
            Locale::Ja => {
                let share = share.map(|s| format!("（合計の{s}）")).unwrap_or_default();
                let smallest = if imin != imax {
                    format!("、最も小さいのは{}の{}", self.category(imin), self.value(axis, vmin))
                } else {
                    String::new()
                };
                format!("{subject}は{n}項目で、最も大きいのは{}の{}{share}{smallest}です。", self.category(imax), self.value(axis, vmax))
            }
            Locale::En => {
                let share = share.map(|s| format!(" ({s} of the total)")).unwrap_or_default();
                let smallest = if imin != imax {
                    format!("; the smallest is {} at {}", self.category(imin), self.value(axis, vmin))
                } else {
                    String::new()
                };
                format!("{subject}: {n} categories. The largest is {} at {}{share}{smallest}.", self.category(imax), self.value(axis, vmax))
            }
        })
    }

    /// 100% stacks: per category, the largest part.
    fn largest_parts(&self) -> Vec<String> {
        (0..self.spec.categories.len())
            .take(6)
            .filter_map(|i| {
                let total: f64 = self.spec.series.iter().filter_map(|s| s.values[i]).sum();
                let (s, v) = self.spec.series.iter().filter_map(|s| s.values[i].map(|v| (s, v))).max_by(|a, b| a.1.total_cmp(&b.1))?;
                let shown =
                    if self.r.axes[0].percent { self.value(AxisSide::Left, v) } else { self.r.share_text(share(v, total).unwrap_or(0.0)) };
                Some(match self.locale {
                    Locale::Ja => format!("{}では「{}」が{}で最も多くなっています。", self.category(i), s.name, shown),
                    Locale::En => format!("In {}, \"{}\" is the largest part at {}.", self.category(i), s.name, shown),
                })
            })
            .collect()
    }

    /// Reference lines: where the latest value stands against each.
    fn targets(&self) -> Vec<String> {
        self.spec
            .annotations
            .iter()
            .filter_map(|a| match a {
                Annotation::Line { value, label, axis } => {
                    let series = self.spec.series.iter().find(|s| s.axis == *axis)?;
                    let (i, latest) = series.values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v)))?;
                    let name = label.clone().unwrap_or_else(|| self.locale.pick("基準線", "the reference line").to_owned());
                    let attained = share(latest, *value).map(|s| self.r.share_text(s));
                    Some(match self.locale {
                        Locale::Ja => {
                            let relation = if latest >= *value { "上回っています" } else { "下回っています" };
                            let rate = attained.map(|r| format!("（{r}）")).unwrap_or_default();
                            format!(
                                "{}の{}は{}の{}を{relation}{rate}。",
                                self.category(i),
                                self.value(*axis, latest),
                                name,
                                self.value(*axis, *value)
                            )
                        }
                        Locale::En => {
                            let relation = if latest >= *value { "above" } else { "below" };
                            let rate = attained.map(|r| format!(" ({r})")).unwrap_or_default();
                            format!(
                                "{} in {} is {relation} {} of {}{rate}.",
                                self.value(*axis, latest),
                                self.category(i),
                                name,
                                self.value(*axis, *value)
                            )
                        }
                    })
                }
                _ => None,
            })
            .collect()
    }
}
