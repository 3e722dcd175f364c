//! What a map says in words: the legend's class ranges, the reference, each prefecture's
//! point text 「東京都、84.3%（全国 79.0%）、順位 1／47」, the summary (highest, lowest, the
//! national figure, how many are above it, a region that stands out) and the table of the 47.

use crate::locale::Locale;
use crate::map::regions::{region_of, region_size, REGIONS};
use crate::map::{MapNumbers, Reference};
use crate::resolve::Resolved;

/// The legend's words for class `k`, the unit said once before them ([`legend_unit`]):
/// 「70.0〜75.0」, 「1,000万〜2,000万」; an end class beyond the data 「50.0未満」 / 「100.0以上」
/// (a value on a break belongs to the class above it), a class of one value that value.
pub fn class_range(r: &Resolved, numbers: &MapNumbers, k: usize) -> String {
    let format = &r.axes[0];
    let locale = r.locale();
    let (lo, hi) = numbers.classes.ranges[k];
    let (lo, hi) = (lo.map(|v| format.number(v)), hi.map(|v| format.number(v)));
    let (below, over) = if locale == Locale::Ja { ("未満", "以上") } else { ("under ", " and over") };
    match (lo, hi) {
        (Some(lo), Some(hi)) if lo == hi => lo,
        (Some(lo), Some(hi)) => lo + locale.pick("〜", "–") + &hi,
        (None, Some(hi)) if locale == Locale::Ja => hi + below,
        (None, Some(hi)) => below.to_owned() + &hi,
        (Some(lo), _) => lo + over,
        (None, None) => String::new(),
    }
}

/// 「単位：%」 / "Unit: %", first in the legend, when the values have a unit.
pub fn legend_unit(r: &Resolved) -> Option<String> {
    let unit = r.axes[0].unit.as_ref()?;
    Some(format!("{}{unit}", r.locale().pick("単位：", "Unit: ")))
}

/// 「全国 79.0%」.
pub fn reference_words(r: &Resolved, reference: &Reference) -> String {
    format!("{} {}", reference.label, r.axes[0].with_unit(reference.value))
}

/// The words of prefecture `index` (a category): name, value, the reference, the rank.
pub fn point_text(r: &Resolved, index: usize) -> String {
    let (Some(map), Some(numbers)) = (&r.spec.map, &r.map) else { return String::new() };
    let locale = r.locale();
    let Some(name) = r.spec.categories.get(index) else { return String::new() };
    let series = &r.spec.series[0];
    let value = match (series.values[index], series.extra(index).and_then(|e| e.symbol)) {
        (Some(v), _) => r.axes[0].with_unit(v),
        (None, Some(symbol)) => format!("{}（{}）", symbol.symbol(), symbol.meaning(locale)),
        (None, None) => locale.pick("データなし", "no data").to_owned(),
    };
    let mut text = format!("{name}{}{value}", locale.pick("、", ", "));
    if let Some(reference) = &map.reference {
        text.push_str(&match locale {
            Locale::Ja => format!("（{}）", reference_words(r, reference)),
            Locale::En => format!(" ({})", reference_words(r, reference)),
        });
    }
    if let Some(rank) = numbers.ranks[index] {
        text.push_str(&match locale {
            Locale::Ja => format!("、順位 {rank}／{}", numbers.ranked),
            Locale::En => format!(", rank {rank} of {}", numbers.ranked),
        });
    }
    text
}

/// The summary: 「都道府県別の…は、最も高いのが東京都で84.3%、最も低いのが沖縄県で70.1%。全国は79.0%で、
/// 47都道府県のうち12が全国を上回る。地方別では関東の平均が81.9%で最も高い。」
pub fn describe(r: &Resolved) -> String {
    let (Some(map), Some(numbers)) = (&r.spec.map, &r.map) else { return String::new() };
    let locale = r.locale();
    let values = &r.spec.series[0].values;
    let names = &r.spec.categories;
    let present: Vec<(usize, f64)> = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
    let Some(hi) = present.iter().map(|p| p.1).reduce(f64::max) else { return String::new() };
    let lo = present.iter().map(|p| p.1).fold(hi, f64::min);
    // Every prefecture on the extreme, in code order: a tie is said, not settled by sort order.
    let at = |x: f64| extreme_names(locale, &present, names, x);
    let v = |x: f64| r.axes[0].with_unit(x);
    let mut out = match locale {
        Locale::Ja => format!("{}は、最も高いのが{}で{}、最も低いのが{}で{}。", r.spec.title, at(hi), v(hi), at(lo), v(lo)),
        Locale::En => format!("{}: highest in {}, {}; lowest in {}, {}.", r.spec.title, at(hi), v(hi), at(lo), v(lo)),
    };
    if let Some(reference) = &map.reference {
        let above = present.iter().filter(|(_, x)| *x > reference.value).count();
        out.push_str(&match locale {
            Locale::Ja => format!("{}は{}で、{}都道府県のうち{}が上回る。", reference.label, v(reference.value), numbers.ranked, above),
            Locale::En => {
                format!(" {} is {}; {} of {} prefectures are above it.", reference.label, v(reference.value), above, numbers.ranked)
            }
        });
    }
    if let Some((region, mean, highest)) = outstanding_region(map, &present) {
        // A region of one (北海道) has its value, not an average.
        let one = region_size(region) == 1;
        let (name, en) = (REGIONS[region].0, REGIONS[region].1);
        let (ja_is, en_is) = if one { ("が", "is") } else { ("の平均が", "averages") };
        let (ja_end, en_end) = if highest { ("高い", "highest") } else { ("低い", "lowest") };
        out.push_str(&match locale {
            Locale::Ja => format!("地方別では{name}{ja_is}{}で最も{ja_end}。", v(mean)),
            Locale::En => format!(" By region, {en} {en_is} {en_end}, {}.", v(mean)),
        });
    }
    let missing = 47 - numbers.ranked;
    if missing > 0 {
        out.push_str(&match locale {
            Locale::Ja => format!("{missing}都道府県はデータなし。"),
            Locale::En => format!(" No data for {missing} prefectures."),
        });
    }
    out
}

/// 「東京都」, 「東京都・大阪府」, 「東京都・大阪府・愛知県など5都道府県」 ("Tokyo, Osaka, Aichi and
/// 2 others").
fn extreme_names(locale: Locale, present: &[(usize, f64)], names: &[String], x: f64) -> String {
    let mut out = String::new();
    let mut count = 0;
    for &(i, v) in present {
        if v != x {
            continue;
        }
        if count < 3 {
            if count > 0 {
                out.push_str(locale.pick("・", ", "));
            }
            out.push_str(&names[i]);
        }
        count += 1;
    }
    if count > 3 {
        out.push_str(&match locale {
            Locale::Ja => format!("など{count}都道府県"),
            Locale::En => format!(" and {} others", count - 3),
        });
    }
    out
}

/// The region (地方) whose mean stands out from the rest: the highest or lowest regional mean,
/// when it is further from the next one than half the spread (standard deviation) of the
/// prefectures' values.
fn outstanding_region(map: &crate::map::MapSpec, present: &[(usize, f64)]) -> Option<(usize, f64, bool)> {
    let mut sums = [(0.0, 0usize); 8];
    for &(i, v) in present {
        let region = region_of(map.prefectures[i]);
        sums[region].0 += v;
        sums[region].1 += 1;
    }
    // Two prefectures make a mean worth naming; 北海道, a region of one, counts with its one.
    let size = region_size;
    let means: Vec<(usize, f64)> =
        sums.iter().enumerate().filter(|(k, s)| s.1 >= 2.min(size(*k))).map(|(k, s)| (k, s.0 / s.1 as f64)).collect();
    if means.len() < 3 {
        return None;
    }
    let means = crate::order::sorted_by(&means, &|m| m.1);
    let n = present.len() as f64;
    let mean = present.iter().map(|p| p.1).sum::<f64>() / n;
    let spread = (present.iter().map(|p| (p.1 - mean) * (p.1 - mean)).sum::<f64>() / n).sqrt();
    let last = means.len() - 1;
    let top_gap = means[last].1 - means[last - 1].1;
    let bottom_gap = means[1].1 - means[0].1;
    // A region of one prefecture is its one value, which strays more than a mean of several
    // does: it must stand out by the whole spread, not half.
    let beyond = |k: usize, gap: f64| gap > if size(k) == 1 { spread } else { spread / 2.0 };
    if top_gap >= bottom_gap && beyond(means[last].0, top_gap) {
        Some((means[last].0, means[last].1, true))
    } else if beyond(means[0].0, bottom_gap) {
        Some((means[0].0, means[0].1, false))
    } else {
        None
    }
}

/// The table's columns a reader may sort by (indices of `header`): the value, so the 47 can be
/// read highest first as well as in code order.
// Read by the browser binding only (`web::table`).
#[cfg_attr(not(all(target_arch = "wasm32", feature = "web")), allow(dead_code))]
pub const SORTABLE_COLUMNS: &[usize] = &[2];

/// The column the rows come sorted by (the code, ascending): its header says so (`aria-sort`)
/// until a reader sorts by another.
#[cfg_attr(not(all(target_arch = "wasm32", feature = "web")), allow(dead_code))]
pub const ORDER_COLUMN: usize = 1;

/// What the sortable column sorts by in table row `p` (prefecture code order): the raw value,
/// `None` for 「データなし」 and symbols, which stay last. Numbers from here rather than read
/// back from the cells, whose text (「−3.2」 with U+2212, 「1,234万」) is for reading.
pub fn sort_key(r: &Resolved, p: usize) -> Option<f64> {
    let map = r.spec.map.as_ref()?;
    r.spec.series.first()?.values[map.category_of(p)?]
}

/// The table: the 47 prefectures in code order with code, value and rank (a prefecture the
/// spec leaves out says 「データなし」), and the CSV's raw figures beside it.
pub fn table(r: &Resolved) -> (crate::words::table::DataTable, Vec<Vec<String>>) {
    use crate::map::regions::{NAMES, NAMES_EN};
    let locale = r.locale();
    let format = &r.axes[0];
    let series = &r.spec.series[0];
    let header = vec![
        locale.pick("都道府県", "Prefecture").to_owned(),
        locale.pick("コード", "Code").to_owned(),
        format!("{}{}", locale.pick("値", "Value"), format.caption_suffix()),
        locale.pick("順位", "Rank").to_owned(),
    ];
    let mut rows = Vec::with_capacity(47);
    let mut csv = vec![header.clone()];
    let (Some(map), Some(numbers)) = (&r.spec.map, &r.map) else {
        return (crate::words::table::DataTable { caption: String::new(), header, rows, footnotes: Vec::new() }, csv);
    };
    let mut footnotes = Vec::new();
    for p in 0..47 {
        let name = if locale == Locale::En { NAMES_EN[p] } else { NAMES[p] }.to_owned();
        let code = format!("{:02}", p + 1);
        let category = map.category_of(p);
        let value = sort_key(r, p);
        let symbol = category.and_then(|c| series.extra(c)).and_then(|e| e.symbol);
        let shown = match (value, symbol) {
            (Some(v), _) => format.exact(v),
            (None, Some(s)) => {
                let note = format!("{}{}{}", s.symbol(), locale.pick("：", ": "), s.meaning(locale));
                if !footnotes.contains(&note) {
                    footnotes.push(note);
                }
                s.symbol().to_owned()
            }
            (None, None) => locale.pick("データなし", "no data").to_owned(),
        };
        let rank = category.and_then(|c| numbers.ranks[c]).map_or_else(String::new, |k| k.to_string());
        csv.push(vec![
            name.clone(),
            code.clone(),
            value.map_or_else(|| symbol.map_or_else(String::new, |s| s.symbol().to_owned()), |v| format!("{v}")),
            rank.clone(),
        ]);
        rows.push((name, vec![code, shown, rank]));
    }
    let caption = match locale {
        Locale::Ja => format!("{}のデータ", r.spec.title),
        Locale::En => format!("Data for {}", r.spec.title),
    };
    (crate::words::table::DataTable { caption, header, rows, footnotes }, csv)
}
