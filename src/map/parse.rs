//! The map fields of a spec: `regions`, `values`, `layout`, `scale` and `reference`.

use super::regions::{is_national, resolve, suggestion, NAMES, NAMES_EN};
use super::{MapLayout, MapSpec, Reference, Scale};
use crate::locale::Locale;
use crate::spec::error::{Expected, Problem, SpecError};
use crate::spec::fields::{Fields, REFERENCE_FIELDS, SCALE_FIELDS};
use crate::spec::json::Json;
use crate::spec::{parse_values, AxisSide, ChartSpec, Series, SeriesKind};

/// Most classes a legend can tell apart by lightness alone.
pub const MAX_CLASSES: i64 = 7;

/// Reads the map fields into `spec` (categories: the prefectures' names; one series).
pub(crate) fn parse_map(root: &Fields, spec: &mut ChartSpec) -> Result<(), SpecError> {
    // `data`: a file's prefecture column became `regions` and its figures `values` (crate::data).
    spec.refresh = crate::spec::refresh_of(root)?;
    if root.get("data").is_some_and(|d| *d != Json::Null) && root.get("regions").is_none() {
        return Err(SpecError::new(root.path("data"), Problem::DataNotLoaded));
    }
    let path = root.path("regions");
    let items = root.required_array("regions")?;
    if items.is_empty() {
        return Err(SpecError::new(path, Problem::Empty));
    }
    if items.len() > 48 {
        return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: 47 }));
    }
    // The country's own row (「全国」, e-Stat's 00000), as published tables list it first: not a
    // prefecture, but the reference when the spec names none.
    let mut national: Option<(usize, String)> = None;
    let mut prefectures = Vec::with_capacity(items.len());
    // Where each prefecture is in `regions` (for a repeat's message).
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let text = match item {
            Json::String(s) => s.clone(),
            Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 1e7 => crate::numfmt::plain(*n),
            other => return Err(SpecError::wrong_type(&path.index(i), Expected::String, other, root.locale)),
        };
        if is_national(&text) && national.is_none() {
            // Named as written when it is a name (全国平均), else 「全国」.
            let label = if text.trim().starts_with("全国") { text.trim() } else { root.locale.pick("全国", "Japan") };
            national = Some((i, label.to_owned()));
            continue;
        }
        let Some(p) = resolve(&text) else {
            return Err(SpecError::new(path.index(i), Problem::UnknownRegion { found: text.clone(), suggestion: suggestion(&text) }));
        };
        if let Some(at) = prefectures.iter().position(|&q| q == p) {
            return Err(SpecError::new(path.index(i), Problem::RepeatedRegion { name: NAMES[p], first: entries[at] }));
        }
        prefectures.push(p);
        entries.push(i);
    }
    if prefectures.is_empty() {
        return Err(SpecError::new(path, Problem::Empty));
    }
    if prefectures.len() > 47 {
        return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: 47 }));
    }
    let names: &[&str; 47] = if root.locale == Locale::En { &NAMES_EN } else { &NAMES };
    spec.categories = prefectures.iter().map(|&p| names[p].to_owned()).collect();
    let (mut values, mut extras) = parse_values(root, items.len())?;
    let national_value = national.as_ref().and_then(|(at, label)| {
        let value = values.remove(*at);
        extras.retain(|(j, _)| j != at);
        for (j, _) in extras.iter_mut() {
            *j -= usize::from(*j > *at);
        }
        value.map(|value| Reference { label: label.clone(), value })
    });
    if values.iter().all(Option::is_none) {
        return Err(SpecError::new(root.path("values"), Problem::AllNull));
    }
    spec.series = vec![Series {
        name: spec.title.clone(),
        values,
        extras,
        kind: Some(SeriesKind::Column),
        axis: AxisSide::Left,
        dash: None,
        marker: None,
        color: None,
    }];
    let layout = root.one_of("layout", &["geo", "tiles"], &[MapLayout::Geo, MapLayout::Tiles])?.unwrap_or_default();
    let reference = match root.get("reference") {
        None | Some(Json::Null) => national_value,
        Some(v) => {
            let fields = Fields::of(v, &root.path("reference"), REFERENCE_FIELDS, root.locale)?;
            let label = fields.string("label")?.unwrap_or_else(|| root.locale.pick("全国", "Japan").to_owned());
            Some(Reference { label, value: fields.required_number("value")? })
        }
    };
    let scale = parse_scale(root, reference.as_ref())?;
    spec.map = Some(MapSpec { prefectures, layout, scale, reference });
    Ok(())
}

fn parse_scale(root: &Fields, reference: Option<&Reference>) -> Result<Scale, SpecError> {
    let Some(v) = root.get("scale").filter(|v| **v != Json::Null) else { return Ok(Scale::Quantile(5)) };
    let fields = Fields::of(v, &root.path("scale"), SCALE_FIELDS, root.locale)?;
    let classes = fields.integer("classes", 2, MAX_CLASSES)?.unwrap_or(5) as usize;
    let given_thresholds = fields.get("thresholds").is_some();
    let kind = fields.one_of("type", &["quantile", "equal", "thresholds", "diverging"], &[0, 1, 2, 3])?.unwrap_or(if given_thresholds {
        2
    } else {
        0
    });
    match kind {
        1 => Ok(Scale::Equal(classes)),
        2 => {
            let path = fields.path("thresholds");
            let items = fields.required_array("thresholds")?;
            if items.is_empty() {
                return Err(SpecError::new(path, Problem::Empty));
            }
            if items.len() as i64 > MAX_CLASSES - 1 {
                return Err(SpecError::new(path, Problem::TooMany { found: items.len(), limit: MAX_CLASSES as usize - 1 }));
            }
            let mut thresholds = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let t = crate::spec::fields::finite_number(item, &path.index(i), root.locale)?;
                if thresholds.last().is_some_and(|&last| t <= last) {
                    return Err(SpecError::new(path.index(i), Problem::NotAscending));
                }
                thresholds.push(t);
            }
            Ok(Scale::Thresholds(thresholds))
        }
        3 => match reference {
            Some(r) => Ok(Scale::Diverging { classes, center: r.value }),
            None => Err(SpecError::new(root.path("reference"), Problem::Missing)),
        },
        _ => Ok(Scale::Quantile(classes)),
    }
}
