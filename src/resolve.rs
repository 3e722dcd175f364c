//! The resolved chart: every fact the outputs derive from a spec, decided once.
//!
//! A validated [`ChartSpec`] says what the author wrote; a [`Resolved`] says what it means
//! for printing and drawing. Like usvg's tree ("all supported attributes are resolved"),
//! it is built once per spec (in `Chart::new`) and every consumer — layout, page text,
//! summaries, point text, tables and CSV — reads it and decides nothing again:
//!
//! - per value axis ([`AxisFormat`]): its unit, whether that unit is a percentage
//!   ([`is_percent_unit`], the one rule), the notation (万/億, k/M or plain) and the decimals;
//! - the categories as dates when they form a time axis, and their words (「2025年7月」);
//! - orientation (`bar` runs sideways);
//! - shares (pie slices, progress, 100% stacks: [`share`]) and their decimals;
//! - the KPI's and progress chart's own number formats.
//!
//! Number and date *formatting* stays in `numfmt` and `dates`; this module only chooses
//! which format applies, so the same value prints the same way in every output.

use crate::dates::PartialDate;
use crate::locale::Locale;
use crate::numfmt::{decimals_for_step, group_digits_fixed, percent, signed_magnitude, value_text, with_unit, Notation};
use crate::spec::{AxisSide, ChartSpec, ChartType, Series};

/// The most decimals a value gets from its data's own precision (an author may set up to 6).
const DATA_DECIMALS_CAP: usize = 2;
/// Decimals of computed shares (pie slices, 達成率) unless the author sets `decimals`.
const SHARE_DECIMALS: usize = 1;
/// How many values are looked at to find a series' precision: enough to be sure, bounded
/// for 100,000-point series.
const PRECISION_SAMPLE: usize = 10_000;

/// Whether a unit means "per cent": `%` or the full-width `％` that Japanese tables use,
/// with surrounding spaces ignored. Percentages change by points (ポイント), rise and fall
/// (上昇/低下) rather than increase, and their labels carry the sign.
pub fn is_percent_unit(unit: Option<&str>) -> bool {
    matches!(unit.map(str::trim), Some("%" | "％"))
}

/// `part` as a percentage of `total`, or `None` when the total is not positive (there is
/// no whole to be a share of).
pub fn share(part: f64, total: f64) -> Option<f64> {
    (total > 0.0 && total.is_finite()).then(|| part / total * 100.0)
}

/// How the values measured on one axis (or a KPI's or progress chart's figures) print.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisFormat {
    /// The unit as written, trimmed; `None` when absent or blank.
    pub unit: Option<String>,
    /// The unit is `%` or `％`.
    pub percent: bool,
    pub notation: Notation,
    /// The author's `decimals`, else the data's own precision (at most 2).
    pub decimals: usize,
    pub locale: Locale,
}

impl AxisFormat {
    fn new(unit: Option<&str>, decimals: usize, locale: Locale) -> AxisFormat {
        let unit = unit.map(str::trim).filter(|u| !u.is_empty());
        AxisFormat {
            unit: unit.map(str::to_owned),
            percent: is_percent_unit(unit),
            notation: Notation::for_unit(locale, unit),
            decimals,
            locale,
        }
    }

    /// The number alone: `9,852万`, `79.0`.
    pub fn number(&self, value: f64) -> String {
        value_text(value, self.decimals, self.notation)
    }

    /// A value as drawn on the chart: the number, with the unit only when it is a
    /// percentage (other units are in the axis caption): `79.0%`, `9,852万`.
    pub fn label(&self, value: f64) -> String {
        let number = self.number(value);
        match (&self.unit, self.percent) {
            (Some(unit), true) => number + unit,
            _ => number,
        }
    }

    /// A value in words, with its unit: `9,852万枚`, `79%`, `98.52M cards`.
    pub fn with_unit(&self, value: f64) -> String {
        with_unit(&self.number(value), self.unit.as_deref(), self.locale)
    }

    /// A value exactly (no 万 rounding), for tables: `98,520,000`, `45.8`.
    pub fn exact(&self, value: f64) -> String {
        group_digits_fixed(value, self.decimals)
    }

    /// [`exact`](Self::exact) with the unit: `84,840,000件`.
    pub fn exact_with_unit(&self, value: f64) -> String {
        with_unit(&self.exact(value), self.unit.as_deref(), self.locale)
    }

    /// The size of a change in words: percentages in points (`40ポイント`, `40 points`),
    /// other units in their own scale (`4,845万枚`).
    pub fn change(&self, delta: f64) -> String {
        if self.percent {
            let number = group_digits_fixed(delta.abs(), self.decimals);
            number + self.locale.pick("ポイント", " points")
        } else {
            self.with_unit(delta.abs())
        }
    }

    /// A change with its sign, for figures: `+4,845万枚`, `−1.2億円`, `+9.8ポイント`, `±0件`.
    pub fn signed_delta(&self, delta: f64) -> String {
        self.signed(delta, self.number(delta.abs()))
    }

    /// [`signed_delta`](Self::signed_delta) with the magnitude exact, for tables: `+48,450,000枚`.
    pub fn signed_exact_delta(&self, delta: f64) -> String {
        self.signed(delta, self.exact(delta.abs()))
    }

    fn signed(&self, delta: f64, magnitude: String) -> String {
        let number = signed_magnitude(delta, magnitude);
        if self.percent {
            number + self.locale.pick("ポイント", " pts")
        } else {
            with_unit(&number, self.unit.as_deref(), self.locale)
        }
    }

    /// 「（%）」 / " (%)": the unit as a column or axis caption suffix; empty without one.
    pub fn caption_suffix(&self) -> String {
        match (&self.unit, self.locale) {
            (None, _) => String::new(),
            (Some(u), Locale::Ja) => format!("（{u}）"),
            (Some(u), Locale::En) => format!(" ({u})"),
        }
    }
}

/// A pie's or donut's whole and each slice's part of it, from the full data.
#[derive(Debug, Clone, PartialEq)]
pub struct PieNumbers {
    /// Sum of the present values.
    pub total: f64,
    /// Each category's share of the total in percent; `None` for a gap or symbol.
    pub shares: Vec<Option<f64>>,
}

/// A `progress` chart's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressNumbers {
    /// Value and target print with one precision: the author's, else the finer of the two (at most 2).
    pub format: AxisFormat,
    /// The target at its own precision, for 「目標100%」.
    pub target_decimals: usize,
    /// The share of the target reached (達成率), in percent.
    pub share: f64,
    /// A rate aiming at 100%: the big number already is the value.
    pub rate: bool,
}

/// A `kpi` chart's figures (its sparkline is the left axis).
#[derive(Debug, Clone, PartialEq)]
pub struct KpiNumbers {
    /// The value, the previous value and the change: the author's decimals, else the finer
    /// of value and previous (at most 2).
    pub format: AxisFormat,
    /// The share's decimals: the author's, else its own precision (at most 1).
    pub share_decimals: usize,
}

/// A spec with every derived fact decided (see the module comment).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub spec: ChartSpec,
    /// Left and right value axes. A chart without a right axis has one formatted like the left.
    pub axes: [AxisFormat; 2],
    /// The categories as dates, when every one is a date (a time axis).
    pub dates: Option<Vec<PartialDate>>,
    /// `bar`: categories run down, values run right.
    pub horizontal: bool,
    /// Decimals of computed shares: the author's, else 1.
    pub share_decimals: usize,
    pub pie: Option<PieNumbers>,
    pub kpi: Option<KpiNumbers>,
    pub progress: Option<ProgressNumbers>,
    /// A map's classes and ranks (and its shapes, once handed in).
    #[cfg(feature = "map")]
    pub map: Option<crate::map::MapNumbers>,
}

impl Resolved {
    pub fn new(spec: ChartSpec) -> Resolved {
        let locale = spec.locale;
        let right_unit = spec.y2_axis.as_ref().and_then(|a| a.unit.as_deref());
        let axis_decimals = |axis: AxisSide| spec.decimals.unwrap_or_else(|| data_decimals(spec.series.iter().filter(|s| s.axis == axis)));
        let axes = [
            AxisFormat::new(spec.unit.as_deref(), axis_decimals(AxisSide::Left), locale),
            AxisFormat::new(right_unit, axis_decimals(AxisSide::Right), locale),
        ];
        let own = |values: &[f64], cap: usize| values.iter().map(|v| decimals_for_step(*v)).max().unwrap_or(0).min(cap);
        let pie = match spec.chart_type {
            ChartType::Pie | ChartType::Donut => spec.series.first().map(|s| {
                let total: f64 = s.values.iter().flatten().filter(|v| v.is_finite()).sum();
                let mut shares = Vec::with_capacity(s.values.len());
                for v in &s.values {
                    shares.push(v.and_then(|v| share(v, total)));
                }
                PieNumbers { total, shares }
            }),
            _ => None,
        };
        let kpi = spec.kpi.as_ref().map(|k| {
            let mut figures = vec![k.value];
            figures.extend(k.previous.as_ref().map(|p| p.value));
            let decimals = spec.decimals.unwrap_or_else(|| own(&figures, DATA_DECIMALS_CAP));
            KpiNumbers {
                format: AxisFormat::new(spec.unit.as_deref(), decimals, locale),
                share_decimals: spec.decimals.unwrap_or_else(|| k.share.as_ref().map_or(0, |s| own(&[s.value], 1))),
            }
        });
        let progress = spec.progress.as_ref().map(|p| {
            let decimals = spec.decimals.unwrap_or_else(|| own(&[p.value, p.target], DATA_DECIMALS_CAP));
            let format = AxisFormat::new(spec.unit.as_deref(), decimals, locale);
            let rate = format.percent && p.target == 100.0;
            ProgressNumbers {
                format,
                target_decimals: own(&[p.target], DATA_DECIMALS_CAP),
                share: share(p.value, p.target).unwrap_or(0.0),
                rate,
            }
        });
        Resolved {
            axes,
            #[cfg(feature = "map")]
            map: spec.map.as_ref().map(|m| crate::map::MapNumbers::new(m, &spec.series[0].values)),
            dates: time_axis(&spec),
            horizontal: spec.chart_type == ChartType::Bar,
            share_decimals: spec.decimals.unwrap_or(SHARE_DECIMALS),
            pie,
            kpi,
            progress,
            spec,
        }
    }

    pub fn locale(&self) -> Locale {
        self.spec.locale
    }

    /// The format of the axis a series is measured on.
    pub fn axis(&self, side: AxisSide) -> &AxisFormat {
        &self.axes[(side == AxisSide::Right) as usize]
    }

    /// A date as printed everywhere: 「2025年7月」, or 「令和7（2025）年7月」 with `era`.
    pub fn date_words(&self, date: PartialDate) -> String {
        date.label_with(self.spec.locale, self.spec.era)
    }

    /// Category `index` as readers say it: its date in words on a time axis, else as written.
    pub fn category_words(&self, index: usize) -> String {
        match &self.dates {
            Some(dates) => dates.get(index).map_or_else(String::new, |d| self.date_words(*d)),
            None => self.spec.categories.get(index).cloned().unwrap_or_default(),
        }
    }

    /// 「2025年7月時点」 / "As of Jul 2025": the 時点 wording everywhere it is printed.
    pub fn as_of_words(&self) -> Option<String> {
        self.spec.as_of.map(|d| match self.spec.locale {
            Locale::Ja => format!("{}時点", self.date_words(d)),
            Locale::En => format!("As of {}", self.date_words(d)),
        })
    }

    /// A computed share printed: `40.3%`.
    pub fn share_text(&self, share: f64) -> String {
        percent(share, self.share_decimals)
    }
}

/// The categories as dates, when every one is a date; a map's are prefectures, never a time axis.
fn time_axis(spec: &ChartSpec) -> Option<Vec<PartialDate>> {
    #[cfg(feature = "map")]
    if spec.chart_type == ChartType::Map {
        return None;
    }
    PartialDate::parse_all(&spec.categories)
}

/// The finest precision among the first values of `series`, at most [`DATA_DECIMALS_CAP`].
fn data_decimals<'a>(series: impl Iterator<Item = &'a Series>) -> usize {
    let mut decimals = 0;
    for v in series.flat_map(|s| s.values.iter().flatten()).take(PRECISION_SAMPLE) {
        decimals = decimals.max(decimals_for_step(*v));
        if decimals >= DATA_DECIMALS_CAP {
            return DATA_DECIMALS_CAP;
        }
    }
    decimals
}

#[cfg(test)]
mod tests {
    use super::*;

    const JA: Notation = Notation::Myriad;
    const EN: Notation = Notation::Western;
    const PLAIN: Notation = Notation::Plain;

    /// A format with its notation given, so each case shows which one it exercises.
    fn format(unit: Option<&str>, decimals: usize, notation: Notation, locale: Locale) -> AxisFormat {
        AxisFormat { notation, ..AxisFormat::new(unit, decimals, locale) }
    }

    /// delta, decimals, notation, unit, locale, expected text.
    type DeltaCase = (f64, usize, Notation, Option<&'static str>, Locale, &'static str);

    #[test]
    fn signed_delta_table() {
        use Locale::{En, Ja};
        let cases: &[DeltaCase] = &[
            // The KPI of the spec: 9,852万枚 now against 5,007万枚 in 2021.
            (98_520_000.0 - 50_070_000.0, 0, JA, Some("枚"), Ja, "+4,845万枚"),
            (-120_000_000.0, 0, JA, Some("円"), Ja, "−1.2億円"),
            (0.0, 0, JA, Some("件"), Ja, "±0件"),
            (0.0, 0, JA, None, Ja, "±0"),
            (-0.0, 0, JA, None, Ja, "±0"),
            (0.04, 1, JA, None, Ja, "±0.0"),
            (-0.04, 1, JA, None, Ja, "±0.0"),
            (-0.05, 1, JA, None, Ja, "−0.1"),
            // Percentages change in points.
            (79.0 - 69.2, 1, JA, Some("%"), Ja, "+9.8ポイント"),
            (-3.0, 0, JA, Some("%"), Ja, "−3ポイント"),
            (0.0, 1, JA, Some("％"), Ja, "±0.0ポイント"),
            (9.8, 1, EN, Some("%"), En, "+9.8 pts"),
            (-1.25, 2, EN, Some("%"), En, "−1.25 pts"),
            // English units and notation.
            (48_450_000.0, 0, EN, Some("cards"), En, "+48.45M cards"),
            (-1_500.0, 0, EN, None, En, "−1,500"),
            (1_059.0, 0, EN, Some("people"), En, "+1,059 people"),
            // Units that carry their own scale: plain digits.
            (4_845.0, 0, PLAIN, Some("万枚"), Ja, "+4,845万枚"),
            (-12.5, 1, PLAIN, Some("百万円"), Ja, "−12.5百万円"),
            (1_059.0, 0, JA, Some("万人"), Ja, "+1,059万人"),
            (7_983.0, 0, JA, Some("条項"), Ja, "+7,983条項"),
        ];
        for &(delta, decimals, notation, unit, locale, want) in cases {
            assert_eq!(format(unit, decimals, notation, locale).signed_delta(delta), want, "{delta} {unit:?} {locale:?}");
        }
    }

    fn resolved(text: &str) -> Resolved {
        Resolved::new(crate::spec::spec_from_text(text))
    }

    #[test]
    fn percent_is_one_rule_for_half_and_full_width_units() {
        for unit in ["%", "％", " % ", "％ "] {
            assert!(is_percent_unit(Some(unit)), "{unit:?}");
        }
        for unit in [None, Some(""), Some("%台"), Some("万枚"), Some("pts"), Some("percent")] {
            assert!(!is_percent_unit(unit), "{unit:?}");
        }
    }

    #[test]
    fn full_width_percent_changes_by_points_and_labels_keep_the_unit() {
        let r =
            resolved(r#"{"type":"line","title":"t","unit":"％","categories":["2021","2025"],"series":[{"name":"a","values":[39,79]}]}"#);
        let f = r.axis(AxisSide::Left);
        assert!(f.percent);
        assert_eq!(f.change(40.0), "40ポイント");
        assert_eq!(f.signed_delta(40.0), "+40ポイント");
        assert_eq!(f.label(79.0), "79％");
        assert_eq!(f.with_unit(79.0), "79％");
    }

    #[test]
    fn decimals_come_from_the_author_or_the_data_of_each_axis() {
        let r = resolved(
            r#"{"type":"column","title":"t","unit":"件","categories":["a","b"],"y2Axis":{"unit":"%"},
            "series":[{"name":"n","values":[1200,3400]},{"name":"r","values":[45.8,79.125],"type":"line","axis":"right"}]}"#,
        );
        assert_eq!((r.axes[0].decimals, r.axes[1].decimals), (0, 2), "the rate's precision stays on its axis, capped at 2");
        let fixed = resolved(r#"{"type":"column","title":"t","decimals":3,"categories":["a"],"series":[{"name":"n","values":[1]}]}"#);
        assert_eq!((fixed.axes[0].decimals, fixed.share_decimals), (3, 3));
    }

    #[test]
    fn progress_decimals_are_capped_once_for_every_output() {
        let r = resolved(r#"{"type":"progress","title":"t","value":1.23456,"target":2}"#);
        let p = r.progress.as_ref().unwrap();
        assert_eq!(p.format.decimals, 2);
        assert!((p.share - 61.728).abs() < 1e-9);
    }

    #[test]
    fn pie_shares_are_of_the_present_values() {
        let r = resolved(r#"{"type":"pie","title":"t","categories":["a","b","c"],"series":[{"name":"n","values":[1,null,3]}]}"#);
        let pie = r.pie.as_ref().unwrap();
        assert_eq!(pie.total, 4.0);
        assert_eq!(pie.shares, vec![Some(25.0), None, Some(75.0)]);
        assert_eq!(share(1.0, 0.0), None);
    }

    #[test]
    fn categories_are_dates_only_on_a_time_axis() {
        let time = resolved(r#"{"type":"line","title":"t","categories":["2025-06","2025-07"],"series":[{"name":"a","values":[1,2]}]}"#);
        assert_eq!(time.category_words(1), "2025年7月");
        let mixed = resolved(r#"{"type":"column","title":"t","categories":["2025-06","合計"],"series":[{"name":"a","values":[1,2]}]}"#);
        assert_eq!(mixed.category_words(0), "2025-06", "a category axis prints its labels as written");
        assert!(resolved(r#"{"type":"bar","title":"t","categories":["a"],"series":[{"name":"a","values":[1]}]}"#).horizontal);
    }
}
