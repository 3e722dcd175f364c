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
        (with("type", r#""pie3d""#), "type: line, area, column, bar, pie, donut, kpi, progress, map のいずれかが必要です（\"pie3d\"）"),
        (with("type", ""), "type: 必須の項目がありません"),
        (with("type", "3"), "type: 文字列が必要です（3）"),
        (with("titel", r#""x""#), "titel: 未知の項目です。「title」の誤りではありませんか。使える項目: type, title, subtitle, unit, decimals, source, asOf, updated, notes, locale, theme, colorScheme, card, era, description, categories, series, data, refresh, yAxis, y2Axis, annotations"),
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
        (with("series", r#"[{"name":"a","values":[1,2,3,4],"colour":"red"}]"#), "series[0].colour: 未知の項目です。「color」の誤りではありませんか。使える項目: name, values, column, type, axis, style, marker, color"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4]}, 5]"#), "series[1]: オブジェクト（{ … }）が必要です（5）"),
        (with("categories", "[]"), "categories: 空です。少なくとも1つ必要です"),
        // JSON.parse keeps the last of a repeated key, serde the first: refuse, never guess.
        (with("title", r#""a","title":"b""#), "title: 同じ項目が2回以上書かれています。1回だけ書いてください"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4],"name":"b"}]"#), "series[0].name: 同じ項目が2回以上書かれています。1回だけ書いてください"),
        (with("categories", r#"["a",{},"c","d"]"#), "categories[1]: 文字列が必要です（オブジェクト）"),
        (with("title", r#""   ""#), "title: 空です。少なくとも1つ必要です"),
        (with("title", ""), "title: 必須の項目がありません"),
        (with("asOf", r#""2025/07""#), "asOf: 日付の文字列（\"2025\"、\"2025-07\"、\"2025-07-31\"）が必要です（\"2025/07\"）"),
        (with("source", r#"{"label":"x","url":"javascript:alert(1)"}"#), "source.url: http:// または https:// で始まる URL が必要です（\"javascript:alert(1)\"）"),
        (with("source", r#"{"url":"https://www.digital.go.jp/"}"#), "source.label: 必須の項目がありません"),
        (with("notes", r#"[1]"#), "notes[0]: 文字列が必要です（1）"),
        (with("locale", r#""fr""#), "locale: ja, en のいずれかが必要です（\"fr\"）"),
        (with("__proto__", r#"{"polluted":true}"#), "__proto__: 未知の項目です。使える項目: type, title, subtitle, unit, decimals, source, asOf, updated, notes, locale, theme, colorScheme, card, era, description, categories, series, data, refresh, yAxis, y2Axis, annotations"),
    ];
    for (spec, want) in cases {
        assert_eq!(message(&spec), want, "spec: {spec}");
    }
}

#[test]
fn english_specs_get_english_messages() {
    let spec = with("locale", r#""en""#).replace(r#""values":[39,45.8,75,79]"#, r#""values":[39,45.8,75]"#);
    assert_eq!(message(&spec), "series[0].values: expected 4 values, one per category (found 3)");
    let spec = with("locale", r#""en""#).replace(r#""type":"line""#, r#""type":"radar""#);
    assert_eq!(message(&spec), "type: expected one of line, area, column, bar, pie, donut, kpi, progress, map (found \"radar\")");
}

#[test]
fn huge_inputs_are_bounded() {
    let many: Vec<String> = (0..1_000_001).map(|i| format!("\"c{i}\"")).collect();
    let spec = with("categories", &format!("[{}]", many.join(",")));
    assert_eq!(message(&spec), "categories: 1000000 個までです（1000001 個）");
}

#[test]
fn fields_of_other_chart_types_are_refused_with_the_allowed_list() {
    let cases: Vec<(String, &str)> = vec![
        (with("stacking", r#""percent""#), "stacking: line では使えない項目です。使える項目: type, title, subtitle, unit, decimals, source, asOf, updated, notes, locale, theme, colorScheme, card, era, description, categories, series, data, refresh, yAxis, y2Axis, annotations"),
        (
            r#"{"type":"column","title":"t","categories":["a"],"series":[{"name":"s","values":[1]}],"stacking":"full"}"#.into(),
            "stacking: normal, percent のいずれかが必要です（\"full\"）",
        ),
        (with("theme", r#""Purple""#), "theme: Blue, LightBlue, Cyan, Green, Orange, Red, SolidGray のいずれかが必要です（\"Purple\"）"),
        (with("decimals", "7"), "decimals: 0 から 6 までの整数が必要です（7）"),
        (with("decimals", "1.5"), "decimals: 0 から 6 までの整数が必要です（1.5）"),
        (with("card", r#""no""#), "card: true または false が必要です（\"no\"）"),
        (with("colorScheme", r#""sepia""#), "colorScheme: light, dark, auto のいずれかが必要です（\"sepia\"）"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4],"color":"blue"}]"#), "series[0].color: 色（\"#0017C1\" の形）が必要です（\"blue\"）"),
        (with("series", r#"[{"name":"a","values":[1,2,3,4],"marker":"star"}]"#), "series[0].marker: circle, square, triangle, diamond, none のいずれかが必要です（\"star\"）"),
        (with("series", r#"[{"name":"a","values":[1,{"value":2,"flag":"q"},3,4]}]"#), "series[0].values[1].flag: p, r のいずれかが必要です（\"q\"）"),
        (with("series", r#"[{"name":"a","values":[1,"?",3,4]}]"#), "series[0].values[1]: 数値または null が必要です（\"?\"）"),
        (with("yAxis", r#"{"min":100,"max":0}"#), "yAxis: min（100）は max（0）より小さい必要があります"),
        (with("annotations", r#"[{"type":"band","from":"2020-04","to":"2025-07"}]"#), "annotations[0].from: categories にない値です（\"2020-04\"）"),
        (with("annotations", r#"[{"type":"point","series":3,"category":"2025-07"}]"#), "annotations[0].series: 0 から 0 までの整数が必要です（3）"),
        (with("annotations", r#"[{"type":"arrow"}]"#), "annotations[0].type: line, band, point のいずれかが必要です（\"arrow\"）"),
        (with("description", "3"), "description: 文字列またはオブジェクトが必要です（3）"),
    ];
    for (spec, want) in cases {
        assert_eq!(message(&spec), want, "spec: {spec}");
    }
}

#[test]
fn pie_kpi_and_progress_rules() {
    let pie = |values: &str| {
        format!(r#"{{"type":"pie","title":"職員構成","categories":["行政","民間"],"series":[{{"name":"人数","values":{values}}}]}}"#)
    };
    assert_eq!(message(&pie("[445,-528]")), "series[0].values[1]: 0 以上の値が必要です（-528）");
    assert_eq!(message(&pie("[0,0]")), "series[0].values: 合計が 0 で、割合を計算できません");
    assert_eq!(
        message(r#"{"type":"pie","title":"t","categories":[],"series":[{"name":"s","values":[]}]}"#),
        "categories: 空です。少なくとも1つ必要です"
    );
    assert_eq!(
        message(r#"{"type":"pie","title":"t","categories":["a"],"series":[{"name":"s","values":[1]},{"name":"u","values":[2]}]}"#),
        "series: 1 個までです（2 個）"
    );
    assert_eq!(
        message(r#"{"type":"kpi","title":"t","categories":["a"]}"#),
        "categories: kpi では使えない項目です。使える項目: type, title, subtitle, unit, decimals, source, asOf, updated, notes, locale, theme, colorScheme, card, era, description, value, previous, share, sparkline"
    );
    assert_eq!(message(r#"{"type":"kpi","title":"t"}"#), "value: 必須の項目がありません");
    assert_eq!(message(r#"{"type":"kpi","title":"t","value":"9,852万"}"#), "value: 数値が必要です（\"9,852万\"）");
    assert_eq!(
        message(r#"{"type":"kpi","title":"t","value":1,"sparkline":{"categories":["a","b"],"values":[1]}}"#),
        "sparkline.values: categories と同じ 2 個の値が必要です（1 個）"
    );
    assert_eq!(message(r#"{"type":"progress","title":"t","value":1,"target":0}"#), "target: 合計が 0 で、割合を計算できません");
    assert_eq!(message(r#"{"type":"progress","title":"t","value":-1,"target":10}"#), "value: 0 以上の値が必要です（-1）");
    let column_percent = r#"{"type":"column","title":"t","stacking":"percent","categories":["a"],"series":[{"name":"s","values":[-1]}]}"#;
    assert_eq!(message(column_percent), "series[0].values[0]: 0 以上の値が必要です（-1）");
}

#[test]
fn every_type_with_its_own_fields_parses() {
    let ok = |text: &str| {
        let json: Json = serde_json::from_str(text).unwrap();
        Chart::from_json(&json).unwrap_or_else(|e| panic!("{text}: {}", e.message))
    };
    let c = ok(r##"{"type":"column","title":"t","categories":["2023","2024"],"stacking":"percent","theme":"Green","card":false,
        "series":[{"name":"a","values":[48.0,{"value":50.9,"flag":"p","note":"速報"}],"type":"column"},
                  {"name":"b","values":["-","x"],"type":"line","axis":"right","style":"dashed","marker":"diamond","color":"#C74700"}],
        "y2Axis":{"unit":"%","min":0,"max":100},
        "annotations":[{"type":"line","value":50,"label":"目標"},{"type":"band","from":"2023","to":"2024"},{"type":"point","series":0,"category":"2024","label":"最高"}],
        "source":{"label":"デジタル庁","derived":true},"description":{"text":"補足","mode":"append"}}"##);
    let spec = c.spec();
    assert_eq!(spec.series[0].extra(1).unwrap().note.as_deref(), Some("速報"));
    assert_eq!(spec.series[1].values, vec![None, None]);
    assert!(spec.series[1].extra(0).unwrap().symbol.is_some());
    assert!(spec.source.as_ref().unwrap().derived && !spec.card);
    let k = ok(
        r#"{"type":"kpi","title":"マイナ保険証","value":84840000,"unit":"件","asOf":"2025-06","share":{"value":86,"label":"保有者のうち"}}"#,
    );
    assert_eq!(k.spec().kpi.as_ref().unwrap().share.as_ref().unwrap().value, 86.0);
    ok(r#"{"type":"progress","title":"見直し","value":8000,"target":6405,"unit":"条項","goal":"完了率100%を目指す"}"#);
    ok(
        r#"{"type":"donut","title":"職員","categories":["行政","民間","自治体","その他"],"series":[{"name":"人数","values":[445,528,59,73]}],"centerLabel":"1,105名"}"#,
    );
}
