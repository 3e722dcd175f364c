//! docs/spec.schema.json: generated from the validator's field lists and up to date; every spec
//! of the site and the fixtures validates; specs the parser refuses for their shape (an unknown
//! field, a field of another type, a wrong type or word) are refused by the schema too.

use indicator_chart::json::Json;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/spec.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("the schema itself: {e}"))
}

fn specs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "data") {
            specs_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn the_schema_file_is_up_to_date() {
    let built = indicator_chart_cli::schema::build().unwrap();
    let on_disk = std::fs::read_to_string(root().join("docs/spec.schema.json")).unwrap();
    assert!(built == on_disk, "docs/spec.schema.json is stale: cargo run -p indicator-chart-cli --bin spec-schema");
    let types = indicator_chart_cli::schema::typescript().unwrap();
    let on_disk = std::fs::read_to_string(root().join("types/spec.d.ts")).unwrap();
    assert!(types == on_disk, "types/spec.d.ts is stale: cargo run -p indicator-chart-cli --bin spec-schema");
    for t in indicator_chart::contract::chart_types() {
        let name = format!("export interface {}{}Spec extends CommonSpec {{", t.name[..1].to_ascii_uppercase(), &t.name[1..]);
        assert!(types.contains(&name), "{name}");
    }
}

#[test]
fn every_spec_of_the_site_and_the_fixtures_validates() {
    let v = validator();
    let mut files = Vec::new();
    specs_under(&root().join("www/charts"), &mut files);
    specs_under(&root().join("tests/fixtures"), &mut files);
    assert!(files.len() > 50, "{} specs found", files.len());
    for file in files {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let errors: Vec<String> = v.iter_errors(&spec).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
}

/// Refused by the parser and by the schema alike.
#[test]
fn specs_the_parser_refuses_for_their_shape_the_schema_refuses() {
    let v = validator();
    let base = r#""title":"保有率","categories":["2024","2025"],"series":[{"name":"率","values":[1,2]}]"#;
    for (what, text) in [
        ("an unknown field", format!(r##"{{"type":"line",{base},"colour":"#000000"}}"##)),
        ("a field of another type", format!(r#"{{"type":"line",{base},"centerLabel":"x"}}"#)),
        ("an unknown type", format!(r#"{{"type":"scatter",{base}}}"#)),
        ("no title", r#"{"type":"kpi","value":1}"#.to_owned()),
        ("a wrong type", format!(r#"{{"type":"line",{base},"decimals":"2"}}"#)),
        ("decimals out of range", format!(r#"{{"type":"line",{base},"decimals":9}}"#)),
        ("an unknown theme", format!(r#"{{"type":"line",{base},"theme":"Purple"}}"#)),
        (
            "a series field a bar does not take",
            r#"{"type":"bar","title":"t","categories":["a"],"series":[{"name":"s","values":[1],"marker":"circle"}]}"#.to_owned(),
        ),
        (
            "a bad colour",
            r##"{"type":"line","title":"t","categories":["a"],"series":[{"name":"s","values":[1],"color":"red"}]}"##.to_owned(),
        ),
        ("an unknown data field", r#"{"type":"line","title":"t","data":{"url":"a.csv","sheet":1}}"#.to_owned()),
        ("a map with series", r#"{"type":"map","title":"t","regions":["13"],"values":[1],"series":[]}"#.to_owned()),
        ("refresh too often", r#"{"type":"line","title":"t","data":{"url":"a.csv"},"refresh":5}"#.to_owned()),
    ] {
        let json: Value = serde_json::from_str(&text).unwrap();
        assert!(!v.is_valid(&json), "the schema takes {what}: {text}");
        let spec: Json = serde_json::from_str(&text).unwrap();
        assert!(indicator_chart::chart::Chart::from_json(&spec).is_err(), "the parser takes {what}: {text}");
    }
    // And a `$schema` key is taken by both.
    let with = format!(r#"{{"$schema":"{}",{base},"type":"line"}}"#, indicator_chart_cli::schema::SCHEMA_FILE);
    assert!(v.is_valid(&serde_json::from_str(&with).unwrap()));
    assert!(indicator_chart::chart::Chart::from_json(&serde_json::from_str(&with).unwrap()).is_ok());
}
