//! The spec's contract as data: the fields each chart type, its series and every nested object
//! take, straight from the lists the validator uses (`spec::fields`), for the JSON Schema that
//! the CLI's `spec-schema` writes (docs/spec.schema.json). The schema adds types and words; the
//! field names are never written a second time. Nothing in the wasm calls this.

use super::fields::*;
use super::ChartType;

/// One chart type: its name, its fields, and (for types with series) its series' fields.
pub struct TypeFields {
    pub name: &'static str,
    pub fields: &'static [&'static str],
    pub series: Option<&'static [&'static str]>,
}

/// Every type this build validates, in `ChartType::NAMES` order.
pub fn chart_types() -> Vec<TypeFields> {
    let mut out = Vec::new();
    for (t, name) in ChartType::ALL.iter().zip(ChartType::NAMES) {
        let fields = t.fields();
        let series = fields.contains(&"series").then(|| t.series_fields());
        out.push(TypeFields { name, fields, series });
    }
    out
}

/// The nested objects, by the name the schema gives them, with their fields.
pub fn objects() -> Vec<(&'static str, &'static [&'static str])> {
    #[allow(unused_mut)] // (extended in the map build)
    let mut out: Vec<(&'static str, &'static [&'static str])> = vec![
        ("data", DATA_FIELDS),
        ("source", SOURCE_FIELDS),
        ("yAxis", AXIS_FIELDS),
        ("y2Axis", Y2_AXIS_FIELDS),
        ("value", VALUE_FIELDS),
        ("description", DESCRIPTION_FIELDS),
        ("previous", PREVIOUS_FIELDS),
        ("share", SHARE_FIELDS),
        ("sparkline", SPARKLINE_FIELDS),
        ("lineAnnotation", LINE_ANNOTATION_FIELDS),
        ("bandAnnotation", BAND_ANNOTATION_FIELDS),
        ("pointAnnotation", POINT_ANNOTATION_FIELDS),
    ];
    #[cfg(feature = "map")]
    out.extend([("scale", SCALE_FIELDS), ("reference", REFERENCE_FIELDS)]);
    out
}
