//! Live data (docs/spec.md "Data files"): specs whose figures come from a CSV, e-Stat or JSON
//! file, read by the one parser the browser and the CLI share (`indicator_chart::data`).

use crate::common::root;
use indicator_chart::chart::{Chart, ChartError};
use indicator_chart::data::Fetched;
use indicator_chart::json::Json;
use indicator_chart::{DataProblem, Locale, Problem};

fn data_problem(e: &ChartError) -> Option<&DataProblem> {
    match &e.error.problem {
        Problem::Data(d) => Some(&d.problem),
        _ => None,
    }
}
use std::fs;

fn parse_json(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn fixture_text(name: &str) -> String {
    let bytes = fs::read(root().join("tests/fixtures/data").join(name)).unwrap();
    // As the loader does: UTF-8 when it is valid (a BOM dropped), else Shift_JIS.
    match String::from_utf8(bytes.clone()) {
        Ok(text) => text,
        Err(_) => encoding_rs::SHIFT_JIS.decode(&bytes).0.into_owned(),
    }
}

fn with_data(spec: &str, text: &str, content_type: Option<&str>) -> Result<Chart, ChartError> {
    let json: Json = serde_json::from_str(spec).unwrap();
    let fetched = Fetched { text: text.into(), content_type: content_type.map(Into::into), last_modified: None };
    Chart::from_json_with_data(&json, &fetched, &parse_json, None)
}

fn ok(spec: &str, file: &str) -> Chart {
    with_data(spec, &fixture_text(file), None).unwrap_or_else(|e| panic!("{}", e.message))
}

fn err(spec: &str, text: &str) -> ChartError {
    match with_data(spec, text, None) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e,
    }
}

const LINE: &str = r#"{ "type": "line", "title": "マイナンバーカードの保有率", "unit": "%", "data": { "url": "data/mynumber.csv", "skipRows": 1 },
  "series": [{ "column": "保有率" }], "asOf": "auto" }"#;

#[test]
fn a_csv_with_a_title_row_and_notes_charts_its_column() {
    let chart = ok(LINE, "mynumber.csv");
    let spec = chart.spec();
    assert_eq!(spec.categories, ["2021-11", "2022-07", "2024-08", "2025-07"]);
    assert_eq!(spec.series.len(), 1);
    assert_eq!(spec.series[0].name, "保有率");
    assert_eq!(spec.series[0].values, [Some(39.0), Some(45.8), Some(75.0), Some(79.0)]);
    assert_eq!(spec.notes, ["2022年7月の保有枚数は、この表の出典に公表値がない。", "保有率は人口に対する保有枚数の割合。"]);
    assert_eq!(chart.page_text().dates_line().map(|l| l.contains("2025年7月")), Some(true));
    // The table shows what the file said, symbols included.
    let summary = chart.page_text().description;
    assert!(summary.contains("79"), "{summary}");
}

#[test]
fn without_a_series_every_other_column_is_one_and_symbols_stay_symbols() {
    let spec = r#"{ "type": "column", "title": "保有枚数", "data": { "url": "a.csv", "header": 2 } }"#;
    let chart = ok(spec, "mynumber.csv");
    let names: Vec<&str> = chart.spec().series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["保有率", "保有枚数"]);
    let cards = &chart.spec().series[1];
    assert_eq!(cards.values, [Some(5007.0), None, Some(9308.0), Some(9852.0)]);
    assert_eq!(cards.extra(1).and_then(|e| e.symbol).map(|s| s.symbol()), Some("…"));
    let csv = chart.csv_text();
    assert!(csv.contains("2022-07,45.8,…"), "{csv}");
}

#[test]
fn shift_jis_with_era_years_reads_as_the_utf8_file() {
    let spec = r#"{ "type": "line", "title": "保有率", "unit": "%", "data": { "url": "data/mynumber-sjis.csv" } }"#;
    let chart = ok(spec, "mynumber-sjis.csv");
    let s = chart.spec();
    assert_eq!(s.categories, ["2021年11月", "2022年7月", "2024年8月", "2025年7月"]);
    assert_eq!(s.series[0].values, [Some(39.0), Some(45.8), Some(75.0), Some(79.0)]);
    assert!(s.era, "era-year categories are printed with the era");
    assert_eq!(s.notes, ["令和6年8月は「国民の約75%」による。"]);
    assert!(chart.page_text().description.contains("令和7（2025）年7月"), "{}", chart.page_text().description);
}

#[test]
fn json_records_read_like_a_table() {
    let spec =
        r#"{ "type": "line", "title": "保有率", "data": { "url": "x.json" }, "series": [{ "column": "保有枚数", "name": "枚数" }] }"#;
    let chart = ok(spec, "mynumber-records.json");
    assert_eq!(chart.spec().series[0].name, "枚数");
    assert_eq!(chart.spec().series[0].values, [Some(5007.0), None, Some(9308.0), Some(9852.0)]);
}

#[test]
fn estat_one_item_lists_units_and_the_table_inf() {
    let spec = r#"{ "type": "column", "title": "きまって支給する現金給与額", "updated": "auto",
      "data": { "url": "/estat?statsDataId=0003425893", "format": "estat", "filter": { "tab": "40" } } }"#;
    let chart = ok(spec, "estat-wages.json");
    let s = chart.spec();
    assert_eq!(s.categories, ["2020年"]);
    assert_eq!(s.series[0].name, "きまって支給する現金給与額");
    assert_eq!(s.series[0].values, [Some(197.0)]);
    assert_eq!(s.unit.as_deref(), Some("千円"));
    assert_eq!(s.updated.map(|d| (d.year, d.month, d.day)), Some((2021, Some(7), Some(16))));
    let source = s.source.as_ref().unwrap();
    assert_eq!(source.label, "厚生労働省「賃金構造基本統計調査」");
    assert_eq!(source.url.as_deref(), Some("https://www.e-stat.go.jp/dbview?sid=0003425893"));
    assert!(s.notes.iter().any(|n| n.contains("e-Stat")), "the API's credit line is shown");
    assert!(!s.notes.iter().any(|n| n.contains("一部")), "a complete response says nothing of paging");
    // The "-" note is not used by the chosen values, so it is not printed.
    assert!(!s.notes.iter().any(|n| n.contains("計数のない場合")));
}

#[test]
fn estat_series_time_order_and_symbols_from_note() {
    let spec = r#"{ "type": "line", "title": "保有率", "data": { "url": "e.json", "series": "area" } }"#;
    let chart = ok(spec, "estat-areas.json");
    let s = chart.spec();
    assert_eq!(s.categories, ["2021年11月", "2022年7月", "2024年8月", "2025年7月"], "time codes sorted");
    assert_eq!(s.series.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["全国", "東京都"]);
    assert_eq!(s.series[1].values, [None, None, None, Some(84.3)]);
    assert_eq!(s.series[1].extra(0).and_then(|e| e.symbol).map(|x| x.symbol()), Some("x"));
    assert_eq!(s.series[1].extra(1).and_then(|e| e.symbol).map(|x| x.symbol()), Some("-"));
    for note in ["-：計数のない場合", "x（***）：秘匿のため公表しない", "#：集計中"] {
        assert!(s.notes.iter().any(|n| n == note), "{note} in {:?}", s.notes);
    }
    assert_eq!(s.unit.as_deref(), Some("%"));
    // Series chosen by code with a name of the author's.
    let spec = r#"{ "type": "line", "title": "保有率", "data": { "url": "e.json", "series": "area" }, "series": [{ "column": "13000", "name": "東京" }] }"#;
    assert_eq!(ok(spec, "estat-areas.json").spec().series[0].name, "東京");
}

#[test]
fn estat_refusals_say_what_to_do() {
    let text = fixture_text("estat-areas.json");
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "e.json", "series": "tab" } }"#, &text);
    assert_eq!(e.error.path.as_str(), "data.filter");
    assert!(e.message.contains("area に 2 個のコードがあります") && e.message.contains("00000 全国"), "{}", e.message);
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "e.json", "filter": { "area": "99999" } } }"#, &text);
    assert_eq!(e.error.path.as_str(), "data.filter.area");
    assert!(e.message.contains("13000 東京都"), "{}", e.message);
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "e.json", "categories": "year" } }"#, &text);
    assert!(e.message.starts_with("data.categories: \"year\" はありません。あるもの: \"tab\", \"area\", \"time\""), "{}", e.message);

    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "e", "format": "estat" } }"#, &fixture_text("estat-error.json"));
    assert_eq!(e.message, "data: e-Stat がエラーを返しました（STATUS 100: 認証に失敗しました。アプリケーションIDを確認して下さい。）");
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "e", "format": "estat" } }"#, r#"{"other": 1}"#);
    assert!(e.message.contains("GET_STATS_DATA がありません"), "{}", e.message);
}

#[test]
fn broken_files_name_the_line_and_column() {
    let spec = r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" } }"#;
    let cases: &[(&str, &str)] = &[
        ("年,値\n2024,1\n2025,\"2\n", "data: 3 行目: 引用符（\"）が閉じていません"),
        ("年,値\n2024,1\n2025\n", "data: 3 行目: 見出し行は 2 列ですが、この行は 1 列です"),
        ("年,値\n2024,1\n2025,12円\n", "data: 3 行目: 「値」列: 数値、記号（- … x ***）または空欄が必要です（\"12円\"）"),
        ("年,値\n,1\n", "data: 2 行目: 区分（横軸）の欄が空です"),
        ("年,値\n", "data: 見出しの下にデータの行がありません"),
        ("", "data: 見出しの下にデータの行がありません"),
        (
            "表題\n年,値\n2024,1\n",
            "data: 2 行目: 見出し行は 1 列ですが、この行は 2 列です。見出しの上に表題の行があるときは data.skipRows で飛ばしてください",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(err(spec, text).message, *message, "{text:?}");
    }
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" }, "series": [{ "column": "率" }] }"#, "年,値\n2024,1\n");
    assert_eq!(e.message, "series[0].column: \"率\" はありません。あるもの: \"値\"");
    let e = err(r#"{ "type": "line", "title": "t", "locale": "en", "data": { "url": "a.json" } }"#, "[{\"a\": 1,");
    assert!(e.message.starts_with("data: not valid JSON ("), "{}", e.message);
    let e = with_data(spec, "<!doctype html><p>login", Some("text/html; charset=utf-8")).err().unwrap();
    assert_eq!(e.message, "data: データではなく \"text/html; charset=utf-8\" が返されました");
}

#[test]
fn the_spec_and_the_file_do_not_both_give_figures() {
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" }, "categories": ["a"] }"#, "年,値\n2024,1\n");
    assert_eq!(e.error.path.as_str(), "categories");
    assert_eq!(data_problem(&e), Some(&DataProblem::NotWithData));
    let e = err(
        r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" }, "series": [{ "name": "値", "values": [1] }] }"#,
        "年,値\n2024,1\n",
    );
    assert_eq!(e.error.path.as_str(), "series[0].values");
}

#[test]
fn data_and_refresh_are_validated_before_anything_is_fetched() {
    let source = |spec: &str| Chart::data_source(&serde_json::from_str(spec).unwrap(), None);
    let e = source(r#"{ "type": "line", "title": "t", "data": { "url": "javascript:alert(1)" } }"#).unwrap_err();
    assert_eq!(e.message, "data.url: 相対 URL か http(s):// の URL が必要です（\"javascript:alert(1)\"）");
    let e = source(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv", "fromat": "csv" } }"#).unwrap_err();
    assert!(e.message.starts_with("data.fromat: 未知の項目です。「format」の誤りではありませんか。"), "{}", e.message);
    assert!(source(r#"{ "type": "line", "title": "t" }"#).unwrap().is_none());
    let (_, refresh, locale) =
        source(r#"{ "type": "line", "title": "t", "locale": "en", "refresh": 600, "data": { "url": "a.csv" } }"#).unwrap().unwrap();
    assert_eq!((refresh, locale), (Some(600), Locale::En));
    // `refresh` is checked with the chart.
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" }, "refresh": 5 }"#, "年,値\n2024,1\n");
    assert_eq!(e.message, "refresh: 60 から 86400 までの整数が必要です（5）");
    // A spec with data validated without its file says so instead of "categories missing".
    let json: Json = serde_json::from_str(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" } }"#).unwrap();
    let e = Chart::from_json(&json).err().unwrap();
    assert_eq!(e.error.problem, Problem::DataNotLoaded);
    // KPI and progress take no data file.
    let e = source(r#"{ "type": "kpi", "title": "t", "value": 1, "data": { "url": "a.csv" } }"#);
    assert!(e.is_ok(), "data_source only reads data; the chart refuses it:");
    let e = err(r#"{ "type": "kpi", "title": "t", "value": 1, "data": { "url": "a.csv" } }"#, "a,b\n1,2\n");
    assert_eq!(e.error.path.as_str(), "data");
}

#[test]
fn too_many_rows_are_refused_while_reading() {
    // Beyond what the reader takes (the limit and room for blank and note rows): stopped while reading.
    let mut text = String::from("i,v\n");
    for i in 0..1_001_100 {
        text.push_str(&format!("{i},1\n"));
    }
    let e = err(r#"{ "type": "line", "title": "t", "data": { "url": "a.csv" } }"#, &text);
    assert_eq!(data_problem(&e), Some(&DataProblem::TooManyRows { limit: 1_000_000 }));
}

#[test]
fn last_modified_gives_updated_auto_in_japan_time() {
    let json: Json = serde_json::from_str(r#"{ "type": "line", "title": "t", "updated": "auto", "data": { "url": "a.csv" } }"#).unwrap();
    let at = |header: &str| {
        let fetched =
            Fetched { text: "年,値\n2024,1\n".into(), content_type: Some("text/csv".into()), last_modified: Some(header.into()) };
        let chart = Chart::from_json_with_data(&json, &fetched, &parse_json, Some(Locale::En)).unwrap();
        chart.spec().updated.map(|d| (d.year, d.month, d.day))
    };
    assert_eq!(at("Wed, 03 Dec 2025 01:00:00 GMT"), Some((2025, Some(12), Some(3))));
    assert_eq!(at("Wed, 31 Dec 2025 16:00:00 GMT"), Some((2026, Some(1), Some(1))), "after 15:00 UTC it is the next day in Japan");
    assert_eq!(at("not a date"), None);
}

#[test]
fn a_paged_estat_response_says_it_is_partial() {
    let text = fixture_text("estat-wages.json").replace(r#""TO_NUMBER":24}"#, r#""TO_NUMBER":2,"NEXT_KEY":3}"#);
    let spec = r#"{ "type": "column", "title": "t", "data": { "url": "e", "format": "estat", "filter": { "tab": "40" } } }"#;
    let chart = with_data(spec, &text, None).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(
        chart.spec().notes.iter().any(|n| n == "e-Stat の応答は全 24 件の一部です（続きは startPosition=3）。"),
        "{:?}",
        chart.spec().notes
    );
}

#[test]
fn estat_units_that_differ_are_not_guessed_and_huge_classes_cost_nothing() {
    // Both 表章項目 as series: 歳 and 千円 cannot share an axis unit.
    let spec = r#"{ "type": "column", "title": "t", "data": { "url": "e", "format": "estat", "series": "tab" } }"#;
    let chart = with_data(spec, &fixture_text("estat-wages.json"), None).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(chart.spec().series.len(), 2);
    assert_eq!(chart.spec().unit, None);
    // 200,000 time codes in CLASS_INF and one value: the table is built from the values.
    let codes: Vec<String> = (0..200_000).map(|i| format!(r#"{{"@code":"{:010}","@name":"c{i}"}}"#, i)).collect();
    let text = fixture_text("estat-wages.json").replace(
        r#"{"@code":"2020000000","@name":"2020年","@level":"1"}"#,
        &format!(r#"[{},{{"@code":"2020000000","@name":"2020年","@level":"1"}}]"#, codes.join(",")),
    );
    let spec = r#"{ "type": "column", "title": "t", "data": { "url": "e", "format": "estat", "filter": { "tab": "40" } } }"#;
    let chart = with_data(spec, &text, None).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(chart.spec().categories, ["2020年"]);
}

#[test]
fn as_of_auto_is_the_latest_date_even_newest_first() {
    let spec = r#"{ "type": "line", "title": "t", "asOf": "auto", "data": { "url": "a.csv" } }"#;
    let chart = with_data(spec, "年月,値\n2025-07,79\n2024-08,75\n2021-11,39\n", None).unwrap();
    assert_eq!(chart.spec().as_of.map(|d| (d.year, d.month)), Some((2025, Some(7))));
}

#[test]
fn a_tab_separated_table_below_a_title_row() {
    let spec = r#"{ "type": "column", "title": "t", "data": { "url": "a.tsv", "skipRows": 1 } }"#;
    let chart = with_data(spec, "保有枚数の推移\n年月\t保有枚数\n2021-11\t5,007\n2025-07\t9,852\n", None)
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(chart.spec().series[0].values, [Some(5007.0), Some(9852.0)]);
}

/// The spec `fill` writes for `spec` and `text` (what the loader hands the chart wasm).
fn filled(spec: &str, text: &str) -> Json {
    let json: Json = serde_json::from_str(spec).unwrap();
    let fetched = Fetched { text: text.into(), content_type: None, last_modified: None };
    Chart::fill_data(&json, &fetched, &parse_json, None).unwrap_or_else(|e| panic!("{}", e.message))
}

fn first_series_name(spec: &Json) -> Option<&str> {
    match spec.get("series") {
        Some(Json::Array(items)) => match items.first()?.get("name") {
            Some(Json::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn a_unit_the_headers_name_becomes_the_charts_and_leaves_the_series_names() {
    let table = "年月\t保有率（%）\t保有枚数（万枚）\n2021年11月\t39.0\t5,007\n2025年7月\t79.0\t9,852\n";
    let one =
        filled(r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "保有枚数（万枚）" }] }"#, table);
    assert_eq!(one.get("unit"), Some(&Json::String("万枚".into())));
    assert_eq!(first_series_name(&one), Some("保有枚数"));
    // The name without the unit chooses the column too.
    let bare = filled(r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "保有枚数" }] }"#, table);
    assert_eq!(bare.get("unit"), Some(&Json::String("万枚".into())));
    // Two units: no chart unit, and each name keeps its own.
    let both = filled(r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" } }"#, table);
    assert_eq!(both.get("unit"), None);
    match both.get("series") {
        Some(Json::Array(items)) => assert_eq!(items[1].get("name"), Some(&Json::String("保有枚数（万枚）".into()))),
        other => panic!("{other:?}"),
    }
    // The spec's own unit wins, and the names keep the header's.
    let own = filled(
        r#"{ "type": "line", "title": "t", "unit": "枚", "data": { "url": "x.tsv" }, "series": [{ "column": "保有枚数" }] }"#,
        table,
    );
    assert_eq!(own.get("unit"), Some(&Json::String("枚".into())));
    assert_eq!(first_series_name(&own), Some("保有枚数（万枚）"));
    // 「39.0」: the decimals written are the chart's, unless the spec says or a second axis.
    assert_eq!(one.get("decimals"), None, "5,007 has none");
    let rate = filled(r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "保有率" }] }"#, table);
    assert_eq!(rate.get("decimals"), Some(&Json::Number(1.0)));
    let said =
        filled(r#"{ "type": "line", "title": "t", "decimals": 0, "data": { "url": "x.tsv" }, "series": [{ "column": "保有率" }] }"#, table);
    assert_eq!(said.get("decimals"), Some(&Json::Number(0.0)));
    let axes = filled(
        r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "保有率" }, { "column": "保有枚数", "axis": "y2" }] }"#,
        table,
    );
    assert_eq!(axes.get("decimals"), None);
    // The exact header wins over another column's name without its unit.
    let two = "年\t人口（千人）\t人口\n2024\t1\t2\n";
    let exact = filled(r#"{ "type": "line", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "人口" }] }"#, two);
    match exact.get("series") {
        Some(Json::Array(items)) => assert_eq!(items[0].get("values"), Some(&Json::Array(vec![Json::Number(2.0)]))),
        other => panic!("{other:?}"),
    }
    let chart =
        with_data(r#"{ "type": "column", "title": "t", "data": { "url": "x.tsv" }, "series": [{ "column": "保有枚数" }] }"#, table, None)
            .unwrap();
    assert!(chart.csv_text().contains("万枚"), "{}", chart.csv_text());
}
