//! Every kind of bad input the widget must explain: the exact message, in Japanese by
//! default and English when the spec says so, naming the JSON path.

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;

fn message(spec_text: &str) -> String {
    let json: Json = serde_json::from_str(spec_text).expect("test specs are JSON");
    match Chart::from_json(&json) {
        Ok(_) => panic!("expected an error for {spec_text}"),
        Err(e) => e.message,
    }
}

/// A valid line spec with one field replaced by `field_json` (or added).
fn with(field: &str, field_json: &str) -> String {
    let mut fields = vec![
        ("type", r#""line""#.to_string()),
        ("title", r#""保有率""#.to_string()),
        ("categories", r#"["2021-11","2022-07","2024-08","2025-07"]"#.to_string()),
        ("series", r#"[{"name":"保有率","values":[39,45.8,75,79]}]"#.to_string()),
    ];
    match fields.iter_mut().find(|(k, _)| *k == field) {
        Some(entry) => entry.1 = field_json.to_string(),
        None => fields.push((Box::leak(field.to_string().into_boxed_str()), field_json.to_string())),
    }
    let body: Vec<String> = fields.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("\"{k}\":{v}")).collect();
    format!("{{{}}}", body.join(","))
}

#[test]
fn the_base_spec_is_valid() {
    let json: Json = serde_json::from_str(&with("subtitle", r#""全国""#)).unwrap();
    assert!(Chart::from_json(&json).is_ok());
}

#[test]
fn bad_inputs_name_path_expectation_and_value() {
    let cases: Vec<(String, &str)> = vec![
        ("[1,2]".into(), "仕様全体: オブジェクト（{ … }）が必要です（2 個の配列）"),
        ("\"line\"".into(), "仕様全体: オブジェクト（{ … }）が必要です（\"line\"）"),
        (with("type", r#""pie3d""#), "type: line, column のいずれかが必要です（\"pie3d\"）"),
        (with("type", ""), "type: 必須の項目がありません"),
        (with("type", "3"), "type: 文字列が必要です（3）"),
        (with("titel", r#""x""#), "titel: 未知の項目です。「title」の誤りではありませんか。使える項目: type, title, subtitle, unit, categories, series, source, asOf, updated, notes, locale"),
        (with("series", ""), "series: 必須の項目がありません"),
        (with("series", "{}"), "series: 配列（[ … ]）が必要です（オブジェクト）"),
        (with("series", "[]"), "series: 空です。少なくとも1つ必要です"),
        (with("series", r#"[{"name":"a","values":[1,2,3]}]"#), "series[0].values: categories と同じ 4 個の値が必要です（3 個）"),
        (with("series", r#"[{"name":"a","values":[1,2,3,"abc"]}]"#), "series[0].values[3]: 数値または null が必要です（\"abc\"）"),
        (with("series", r#"[{"name":"a","values":[1,"NaN",3,4]}]"#), "series[0].values[1]: 数値または null が必要です（\"NaN\"）"),
        (with("series", r#"[{"name":"a","values":[1,"Infinity",3,4]}]"#), "series[0].values[1]: 数値または null が必要です（\"Infinity\"）"),
        (with("series", r#"[{"name":"a","values":[1e308,2,3,4]}]"#), "series[0].values[0]: 絶対値が 1e18 を超える値は描けません（1e308）"),
        (with("series", r#"[{"name":"a","values":[1,-1e308,3,4]}]"#), "series[0].values[1]: 絶対値が 1e18 を超える値は描けません（-1e308）"),
        (with("series", r#"[{"name":"a","values":[null,null,null,null]}]"#), "series: すべての値が null で、描く値がありません"),
        (with("series", r#"[{"values":[1,2,3,4]}]"#), "series[0].name: 必須の項目がありません"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4],"color":"red"}]"#), "series[0].color: 未知の項目です。使える項目: name, values"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4]}, 5]"#), "series[1]: オブジェクト（{ … }）が必要です（5）"),
        (with("categories", "[]"), "categories: 空です。少なくとも1つ必要です"),
        (with("categories", r#"["a",{},"c","d"]"#), "categories[1]: 文字列が必要です（オブジェクト）"),
        (with("title", r#""   ""#), "title: 空です。少なくとも1つ必要です"),
        (with("title", ""), "title: 必須の項目がありません"),
        (with("asOf", r#""2025/07""#), "asOf: 日付の文字列（\"2025\"、\"2025-07\"、\"2025-07-31\"）が必要です（\"2025/07\"）"),
        (with("source", r#"{"label":"x","url":"javascript:alert(1)"}"#), "source.url: http:// または https:// で始まる URL が必要です（\"javascript:alert(1)\"）"),
        (with("source", r#"{"url":"https://www.digital.go.jp/"}"#), "source.label: 必須の項目がありません"),
        (with("notes", r#"[1]"#), "notes[0]: 文字列が必要です（1）"),
        (with("locale", r#""fr""#), "locale: ja, en のいずれかが必要です（\"fr\"）"),
        (with("__proto__", r#"{"polluted":true}"#), "__proto__: 未知の項目です。使える項目: type, title, subtitle, unit, categories, series, source, asOf, updated, notes, locale"),
    ];
    for (spec, want) in cases {
        assert_eq!(message(&spec), want, "spec: {spec}");
    }
}

#[test]
fn english_specs_get_english_messages() {
    let spec = with("locale", r#""en""#).replace(r#""values":[39,45.8,75,79]"#, r#""values":[39,45.8,75]"#);
    assert_eq!(message(&spec), "series[0].values: expected 4 values, one per category (found 3)");
    let spec = with("locale", r#""en""#).replace(r#""type":"line""#, r#""type":"donut""#);
    assert_eq!(message(&spec), "type: expected one of line, column (found \"donut\")");
}

#[test]
fn huge_inputs_are_bounded() {
    let many: Vec<String> = (0..100_001).map(|i| format!("\"c{i}\"")).collect();
    let spec = with("categories", &format!("[{}]", many.join(",")));
    assert_eq!(message(&spec), "categories: 100000 個までです（100001 個）");
}
