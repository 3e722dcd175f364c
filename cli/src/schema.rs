//! The JSON Schema of the chart spec (draft 2020-12, `docs/spec.schema.json`), generated from
//! the validator's own field lists (`indicator_chart::contract`): which fields each chart type,
//! series and nested object takes comes from there, so the schema cannot list a field the
//! parser refuses or miss one it takes. What is added here is what a schema needs and the field
//! lists do not say: each field's JSON type, its allowed words, and its description in Japanese
//! and English for editors (VS Code shows them as you type). A test (`cli/tests/schema.rs`)
//! checks the file is up to date, that every spec in `www/charts/` and `tests/fixtures/`
//! validates, and that specs the parser refuses for their shape are refused by the schema too.
//!
//! Written by `cargo run -p indicator-chart-cli --bin spec-schema`.

use indicator_chart::contract;
use serde_json::{json, Map, Value};

/// Where the schema is, in the repository (and beside a published package): the README's VS Code
/// setting and a spec's `"$schema"` point at it. No `$id`: the schema has no home URL of its own
/// yet, and a made-up one would send editors to fetch it.
pub const SCHEMA_FILE: &str = "docs/spec.schema.json";

/// A field's schema and its description, Japanese then English.
fn field(name: &str, in_object: &str) -> Option<(Value, &'static str, &'static str)> {
    let date = json!({ "type": ["string", "integer"], "examples": ["2025-07", "2024年度", "2025-07-31"] });
    let value_item = json!({ "anyOf": [
        { "type": ["number", "null"] },
        { "type": "string", "description": "統計記号 - … x / statistical symbols" },
        { "$ref": "#/$defs/value" }
    ]});
    let text_or_list = json!({ "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] });
    Some(match (in_object, name) {
        (_, "$schema") => (
            json!({ "type": "string" }),
            "このスキーマの URL（エディタの補完用。グラフは読みません）",
            "This schema's URL (for editors; the chart ignores it)",
        ),
        ("chart", "type") => {
            (json!({ "enum": contract::chart_types().iter().map(|t| t.name).collect::<Vec<_>>() }), "グラフの種類", "The kind of chart")
        }
        ("chart", "title") => (
            json!({ "type": "string", "examples": ["マイナンバーカードの保有枚数"] }),
            "表題。グラフのアクセシブルな名前にもなる",
            "The title above the chart; its accessible name",
        ),
        ("chart", "subtitle") => (json!({ "type": "string" }), "副題", "Under the title"),
        ("chart", "unit") => (
            json!({ "type": "string", "examples": ["%", "万枚", "条項"] }),
            "値の単位（「万枚」のように桁を含む単位では万・億の表記をしない）",
            "The values' unit (a unit with a scale, 万枚, turns off 万/億 grouping)",
        ),
        ("chart", "decimals") => {
            (json!({ "type": "integer", "minimum": 0, "maximum": 6 }), "表示する小数の桁数（0〜6）", "Decimals of printed values (0–6)")
        }
        ("chart", "source") => (
            json!({ "anyOf": [{ "type": "string" }, { "$ref": "#/$defs/source" }] }),
            "出典",
            "The source: a label, or { label, url, derived }",
        ),
        ("chart", "asOf") => (json!({ "anyOf": [date, { "const": "auto" }] }), "時点（「2025年7月時点」）", "The figures' date (時点)"),
        ("chart", "updated") => (json!({ "anyOf": [date, { "const": "auto" }] }), "更新日", "The date the chart was updated (更新日)"),
        ("chart", "notes") => (text_or_list, "注記（「※」を付けて表示）", "Notes under the chart"),
        ("chart", "locale") => (json!({ "enum": ["ja", "en"] }), "言語（省略時はページの lang）", "Language (default: the page's lang)"),
        ("chart", "theme") => (
            json!({ "enum": ["Blue", "LightBlue", "Cyan", "Green", "Orange", "Red", "SolidGray"] }),
            "デジタル庁ダッシュボードの配色",
            "The Digital Agency dashboard palette",
        ),
        ("chart", "colorScheme") => {
            (json!({ "enum": ["light", "dark", "auto"] }), "明暗（auto は閲覧者の設定に従う）", "Light, dark or the reader's preference")
        }
        ("chart", "card") => (json!({ "type": "boolean" }), "カード表示（背景・角丸）", "Draw the chart as a DADS card"),
        ("chart", "era") => (json!({ "type": "boolean" }), "和暦を併記（令和7（2025）年）", "Add the Japanese era to dates"),
        ("chart", "description") => (
            json!({ "anyOf": [{ "type": "string" }, { "$ref": "#/$defs/description" }] }),
            "代替テキスト（自動の要約を置き換える・追記する）",
            "Your own text alternative (replaces or extends the summary)",
        ),
        ("chart", "categories") => (
            json!({ "type": "array", "items": { "type": ["string", "integer"] }, "examples": [["2021-11", "2022-07", "2024-08", "2025-07"]] }),
            "項目（日付なら時間軸）",
            "Categories (dates make a time axis)",
        ),
        ("chart", "series") => (json!({ "type": "array", "minItems": 1 }), "系列の一覧", "The series"),
        ("chart", "data") => (
            json!({ "$ref": "#/$defs/data" }),
            "データファイル（CSV・e-Stat・JSON）",
            "A data file (CSV, e-Stat, JSON) the figures come from",
        ),
        ("chart", "refresh") => (
            json!({ "type": "integer", "minimum": 60, "maximum": 86400 }),
            "再読み込みの間隔（秒）",
            "Seconds between refreshes of the data file",
        ),
        ("chart", "stacking") => {
            (json!({ "enum": ["normal", "percent"] }), "積み上げ（percent は100%積み上げ）", "Stacked, or 100% stacked")
        }
        ("chart", "yAxis") => (json!({ "$ref": "#/$defs/yAxis" }), "値の軸（左）", "The value axis (left)"),
        ("chart", "y2Axis") => (json!({ "$ref": "#/$defs/y2Axis" }), "右の値の軸", "The right value axis"),
        ("chart", "annotations") => (
            json!({ "type": "array", "items": { "anyOf": [
            { "$ref": "#/$defs/lineAnnotation" }, { "$ref": "#/$defs/bandAnnotation" }, { "$ref": "#/$defs/pointAnnotation" }] } }),
            "注釈（目標線・期間・点）",
            "Annotations: a line, a band, a point",
        ),
        ("chart", "centerLabel") => (json!({ "type": "string" }), "ドーナツの中央の文字", "The words in a donut's centre"),
        ("chart", "value") => (json!({ "type": "number", "examples": [98520000] }), "表示する値", "The figure shown"),
        ("chart", "previous") => (json!({ "$ref": "#/$defs/previous" }), "比較する前の値", "The earlier figure to compare with"),
        ("chart", "share") => (json!({ "$ref": "#/$defs/share" }), "全体に対する割合", "A share of a whole"),
        ("chart", "sparkline") => (json!({ "$ref": "#/$defs/sparkline" }), "小さな推移の線", "A small trend line"),
        ("chart", "target") => (json!({ "type": "number" }), "目標値", "The target"),
        ("chart", "goal") => (json!({ "type": "string" }), "目標の名前", "The goal's name"),
        ("chart", "regions") => (
            json!({ "type": "array", "items": { "type": ["string", "integer"] }, "maxItems": 48, "examples": [["01", "13", "東京都", "13000"]] }),
            "都道府県（コード・団体コード・名前）",
            "Prefectures: codes, local-government codes or names",
        ),
        ("chart", "values") => (json!({ "type": "array", "items": value_item }), "都道府県ごとの値", "One value per region"),
        ("chart", "layout") => (json!({ "enum": ["geo", "tiles"] }), "地図（geo）かタイル（tiles）", "Real shapes or the tile grid"),
        ("chart", "scale") => (json!({ "$ref": "#/$defs/scale" }), "階級の分け方", "How values are classed"),
        ("chart", "reference") => (json!({ "$ref": "#/$defs/reference" }), "比べる値（全国）", "The figure compared with (national)"),
        ("series", "name") => (json!({ "type": "string" }), "系列名（凡例・表の見出し）", "Legend and table header"),
        ("series", "values") => (json!({ "type": "array", "items": value_item }), "項目ごとの値", "One value per category"),
        ("series", "column") => (json!({ "type": "string" }), "データファイルの列", "The data file's column"),
        ("series", "type") => {
            (json!({ "enum": ["line", "column", "area"] }), "この系列の種類（複合グラフ）", "This series' kind (combo charts)")
        }
        ("series", "axis") => (json!({ "enum": ["left", "right"] }), "使う軸", "Which value axis"),
        ("series", "style") => (json!({ "enum": ["solid", "dashed", "dotted"] }), "線の種類", "Line style"),
        ("series", "marker") => (json!({ "enum": ["circle", "square", "triangle", "diamond", "none"] }), "点の形", "Marker shape"),
        ("series", "color") => (json!({ "type": "string", "pattern": "^#[0-9A-Fa-f]{6}$" }), "色（#RRGGBB）", "Colour (#RRGGBB)"),
        _ => return nested(name, in_object),
    })
}

/// Fields of the nested objects (`$defs`).
fn nested(name: &str, in_object: &str) -> Option<(Value, &'static str, &'static str)> {
    let number = || json!({ "type": "number" });
    let text = || json!({ "type": "string" });
    let date = || json!({ "type": ["string", "integer"] });
    Some(match (in_object, name) {
        ("data", "url") => (text(), "ファイルの URL（http(s) か相対）", "The file's URL (http(s) or relative)"),
        ("data", "format") => (json!({ "enum": ["auto", "csv", "estat", "json"] }), "形式", "Format"),
        ("data", "skipRows") => {
            (json!({ "type": "integer", "minimum": 0, "maximum": 100 }), "見出しの前に飛ばす行数", "Title rows above the header")
        }
        ("data", "header") => (json!({ "type": "integer", "minimum": 1 }), "見出しの行番号", "The header's line number"),
        ("data", "categories") => (text(), "項目の列（e-Stat は分類）", "The categories' column (e-Stat: class)"),
        ("data", "series") => (text(), "値の列（e-Stat は系列の分類）", "The values' column (e-Stat: the series' class)"),
        ("data", "filter") => (
            json!({ "type": "object", "additionalProperties": { "type": "string" } }),
            "e-Stat: 分類ごとに残すコード",
            "e-Stat: the code kept of each class",
        ),
        ("source", "label") => (text(), "出典名", "The source's name"),
        ("source", "url") => (text(), "出典の URL", "The source's URL"),
        ("source", "derived") => (json!({ "type": "boolean" }), "「を加工して作成」", "Derived from the source"),
        ("yAxis" | "y2Axis", "min") => (number(), "軸の最小値", "Axis minimum"),
        ("yAxis" | "y2Axis", "max") => (number(), "軸の最大値", "Axis maximum"),
        ("yAxis" | "y2Axis", "title") => (text(), "軸の見出し", "Axis caption"),
        ("y2Axis", "unit") => (text(), "右の軸の単位", "The right axis' unit"),
        ("value", "value") => (json!({ "type": ["number", "null"] }), "値", "The value"),
        ("value", "flag") => (json!({ "enum": ["p", "r"] }), "p 速報値・r 訂正値", "p preliminary, r revised"),
        ("value", "note") => (text(), "この点の注", "A note on this point"),
        ("description", "text") => (text(), "代替テキスト", "The text"),
        ("description", "mode") => (json!({ "enum": ["replace", "append"] }), "置き換えるか追記するか", "Replace or extend the summary"),
        ("previous", "value") => (number(), "前の値", "The earlier value"),
        ("previous", "asOf") => (date(), "前の値の時点", "Its date"),
        ("previous", "label") => (text(), "前の値の名前（前年度）", "Its name"),
        ("share", "value") => (number(), "割合（%）", "The percentage"),
        ("share", "label") => (text(), "割合の説明", "What it is a share of"),
        ("sparkline", "categories") => (json!({ "type": "array", "items": { "type": ["string", "integer"] } }), "項目", "Categories"),
        ("sparkline", "values") => (json!({ "type": "array", "items": { "type": ["number", "null"] } }), "値", "Values"),
        ("lineAnnotation", "type") => (json!({ "const": "line" }), "目標線", "A reference line"),
        ("bandAnnotation", "type") => (json!({ "const": "band" }), "期間", "A shaded span"),
        ("pointAnnotation", "type") => (json!({ "const": "point" }), "点", "A labelled point"),
        ("lineAnnotation", "value") => (number(), "線の値", "Where the line is"),
        ("lineAnnotation", "axis") => (json!({ "enum": ["left", "right"] }), "軸", "Which axis"),
        ("bandAnnotation", "from") => (date(), "始まりの項目", "First category"),
        ("bandAnnotation", "to") => (date(), "終わりの項目", "Last category"),
        ("pointAnnotation", "series") => (json!({ "type": "integer", "minimum": 0 }), "系列の番号", "The series' index"),
        ("pointAnnotation", "category") => (date(), "項目", "The category"),
        (_, "label") => (text(), "ラベル", "Label"),
        ("scale", "type") => (json!({ "enum": ["quantile", "equal", "thresholds", "diverging"] }), "階級の分け方", "How classes are made"),
        ("scale", "classes") => (json!({ "type": "integer", "minimum": 2, "maximum": 7 }), "階級の数", "Number of classes"),
        ("scale", "thresholds") => (
            json!({ "type": "array", "items": { "type": "number" }, "minItems": 1, "maxItems": 6 }),
            "階級の境（小さい順）",
            "Class breaks, ascending",
        ),
        ("reference", "value") => (number(), "比べる値", "The figure"),
        _ => return None,
    })
}

/// One object's schema: its fields (from the contract), each described, nothing else allowed.
fn object(kind: &str, fields: &[&str], required: &[&str], series: Option<&[&str]>) -> Result<Value, String> {
    let mut properties = Map::new();
    for name in fields {
        let (mut schema, ja, en) = field(name, kind).ok_or_else(|| format!("spec-schema: no schema for {kind}.{name}"))?;
        if let (Some(series), "series") = (series, *name) {
            schema["items"] = object("series", series, &[], None)?;
        }
        schema["description"] = Value::String(format!("{ja} / {en}"));
        properties.insert((*name).to_owned(), schema);
    }
    Ok(json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false }))
}

/// The schema, as the text written to docs/spec.schema.json.
pub fn build() -> Result<String, String> {
    let mut defs = Map::new();
    for (kind, fields) in contract::objects() {
        let required: &[&str] = match kind {
            "data" => &["url"],
            "value" => &["value"],
            "previous" | "share" | "reference" => &["value"],
            "sparkline" => &["values"],
            "lineAnnotation" => &["type", "value"],
            "bandAnnotation" => &["type", "from", "to"],
            "pointAnnotation" => &["type", "series", "category"],
            _ => &[],
        };
        defs.insert(kind.to_owned(), object(kind, fields, required, None)?);
    }
    let mut types = Vec::new();
    for t in contract::chart_types() {
        let mut schema = object("chart", t.fields, &["type", "title"], t.series)?;
        schema["properties"]["type"] = json!({ "const": t.name });
        types.push(json!({ "if": { "properties": { "type": { "const": t.name } }, "required": ["type"] }, "then": schema }));
    }
    let any_type = field("type", "chart").map(|f| f.0).unwrap_or(Value::Null);
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "indicator-chart spec",
        "description": "indicator-chart のグラフ仕様（docs/spec.md）。このファイルは cargo run -p indicator-chart-cli --bin spec-schema が検証器の項目一覧から作る / The chart spec (docs/spec.md), generated from the validator's field lists",
        "type": "object",
        "required": ["type", "title"],
        "properties": { "type": any_type },
        "allOf": types,
        "$defs": defs,
    });
    serde_json::to_string_pretty(&schema).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// `LineAnnotation` for `lineAnnotation`, `Line` for `line`.
fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// A schema fragment as a TypeScript type (the subset `field` and `nested` write).
fn ts_type(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return pascal(r.trim_start_matches("#/$defs/"));
    }
    if let Some(c) = schema.get("const") {
        return c.to_string();
    }
    if let Some(Value::Array(words)) = schema.get("enum") {
        return words.iter().map(Value::to_string).collect::<Vec<_>>().join(" | ");
    }
    if let Some(Value::Array(options)) = schema.get("anyOf") {
        return options.iter().map(ts_type).collect::<Vec<_>>().join(" | ");
    }
    let one = |t: &str| match t {
        "string" => "string".to_owned(),
        "number" | "integer" => "number".to_owned(),
        "boolean" => "boolean".to_owned(),
        "null" => "null".to_owned(),
        "array" => format!("Array<{}>", schema.get("items").map_or("unknown".to_owned(), ts_type)),
        "object" => match schema.get("additionalProperties") {
            Some(Value::Object(_)) => "Record<string, string>".to_owned(),
            _ => "object".to_owned(),
        },
        _ => "unknown".to_owned(),
    };
    match schema.get("type") {
        Some(Value::String(t)) => one(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(one).collect::<Vec<_>>().join(" | "),
        _ => "unknown".to_owned(),
    }
}

/// One interface: each property with its description as a doc comment; `extends` names the
/// interface it adds to.
fn ts_interface(name: &str, schema: &Value, series: Option<&str>, extends: Option<&str>) -> String {
    let required: Vec<&str> = schema["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut out = match extends {
        Some(base) => format!("export interface {name} extends {base} {{\n"),
        None => format!("export interface {name} {{\n"),
    };
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (key, property) in properties {
            let optional = if required.contains(&key.as_str()) { "" } else { "?" };
            let ty = match (key.as_str(), series) {
                ("series", Some(series)) => format!("Array<{series}>"),
                _ => ts_type(property),
            };
            let quoted = if key.starts_with('$') { format!("\"{key}\"") } else { key.clone() };
            if let Some(d) = property.get("description").and_then(Value::as_str) {
                out.push_str(&format!("  /** {d} */\n"));
            }
            out.push_str(&format!("  {quoted}{optional}: {ty};\n"));
        }
    }
    out.push_str("}\n");
    out
}

/// The spec's TypeScript types (`types/spec.d.ts`), from the same schema: the fields all types
/// share (`CommonSpec`), one interface a chart type adding its own (`LineSpec` …, `ChartSpec`
/// their union), its series, and every nested object.
pub fn typescript() -> Result<String, String> {
    let schema: Value = serde_json::from_str(&build()?).map_err(|e| e.to_string())?;
    let mut out = String::from(
        "// The chart spec's TypeScript types, generated from the validator's field lists with\n// docs/spec.schema.json: cargo run -p indicator-chart-cli --bin spec-schema. Do not edit.\n\n",
    );
    if let Some(Value::Object(defs)) = schema.get("$defs") {
        for (name, def) in defs {
            out.push_str(&ts_interface(&pascal(name), def, None, None));
            out.push('\n');
        }
    }
    let rules: Vec<&Value> = schema["allOf"].as_array().into_iter().flatten().map(|rule| &rule["then"]).collect();
    // The fields every type takes alike (title, unit, source, dates …) once, in `CommonSpec`.
    let same_everywhere =
        |key: &str, property: &Value| key != "type" && rules.iter().all(|then| then["properties"].get(key) == Some(property));
    let split = |then: &Value, common: bool| {
        let mut part = then.clone();
        if let Some(Value::Object(properties)) = part.get_mut("properties") {
            properties.retain(|key, property| same_everywhere(key, property) == common);
        }
        part
    };
    if let Some(first) = rules.first() {
        out.push_str(&ts_interface("CommonSpec", &split(first, true), None, None));
        out.push('\n');
    }
    let mut names = Vec::new();
    for (t, then) in contract::chart_types().iter().zip(&rules) {
        let series = then["properties"].get("series").map(|s| {
            let name = format!("{}Series", pascal(t.name));
            out.push_str(&ts_interface(&name, &s["items"], None, None));
            out.push('\n');
            name
        });
        let name = format!("{}Spec", pascal(t.name));
        out.push_str(&ts_interface(&name, &split(then, false), series.as_deref(), Some("CommonSpec")));
        out.push('\n');
        names.push(name);
    }
    out.push_str(&format!("/** Any chart's spec / 仕様 */\nexport type ChartSpec = {};\n", names.join(" | ")));
    Ok(out)
}
