//! The live-data module: a second, small wasm that the loader fetches only for charts whose
//! spec has `data`. It reads the fetched file (CSV, e-Stat JSON, JSON records; text already
//! decoded by the browser's `TextDecoder`) with the core's one parser (`indicator_chart::data`,
//! the same the native CLI calls) and hands back the spec with its figures written in, which
//! the chart wasm then validates like any inline spec. Pages without live data never pay for
//! this code; see BENCHMARKS.md for both sizes.

#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
mod web {
    use indicator_chart::chart::{Chart, ChartError};
    use indicator_chart::data::Fetched;
    use indicator_chart::json::Json;
    use indicator_chart::{Locale, MAX_DATA_BYTES};
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::prelude::*;

    fn set(target: &Object, key: &str, value: &JsValue) {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }

    fn error_object(e: &ChartError) -> JsValue {
        let o = Object::new();
        set(&o, "message", &e.message.as_str().into());
        set(&o, "path", &e.error.path.as_str().into());
        set(&o, "locale", &e.locale.tag().into());
        o.into()
    }

    /// A JS value (from `JSON.parse`, or a spec object) as the input tree. A walker of its own
    /// instead of serde-wasm-bindgen: this module converts only JSON-shaped values (the chart
    /// wasm reports anything JSON cannot express), and serde's machinery would be a third of it.
    /// Functions, symbols and BigInt read as null. `budget` counts the values visited: an object
    /// that contains itself (twice) would otherwise be walked 2^depth times.
    fn tree(value: &JsValue, depth: u32, budget: &mut u64) -> Json {
        if depth > 64 || *budget == 0 {
            return Json::Null;
        }
        *budget -= 1;
        if let Some(s) = value.as_string() {
            Json::String(s)
        } else if let Some(n) = value.as_f64() {
            Json::Number(n)
        } else if let Some(b) = value.as_bool() {
            Json::Bool(b)
        } else if Array::is_array(value) {
            Json::Array(Array::from(value).iter().map(|v| tree(&v, depth + 1, budget)).collect())
        } else if value.is_object() && !value.is_function() {
            let entries = Object::entries(value.unchecked_ref());
            Json::Object(
                entries
                    .iter()
                    .map(|pair| {
                        let pair = Array::from(&pair);
                        (pair.get(0).as_string().unwrap_or_default(), tree(&pair.get(1), depth + 1, budget))
                    })
                    .collect(),
            )
        } else {
            Json::Null
        }
    }

    /// Values a spec or data file may hold: MAX_CELLS and room for the spec around them.
    const VALUE_BUDGET: u64 = 20_000_000;

    /// The whole of `value` as a tree, within [`VALUE_BUDGET`].
    fn tree_of(value: &JsValue) -> Json {
        let mut budget = VALUE_BUDGET;
        tree(value, 0, &mut budget)
    }

    /// JSON data files, parsed by the browser's own `JSON.parse` (no JSON parser in the wasm).
    fn parse_json(text: &str) -> Result<Json, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| String::from(js_sys::Error::from(e).message()))?;
        Ok(tree_of(&value))
    }

    /// The spec tree as a plain JS value, keys in order.
    fn to_js(json: &Json) -> JsValue {
        match json {
            Json::Null => JsValue::NULL,
            Json::Bool(b) => (*b).into(),
            Json::Number(n) => (*n).into(),
            Json::String(s) => s.as_str().into(),
            Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
            Json::Object(entries) => {
                let o = Object::new();
                for (key, value) in entries {
                    set(&o, key, &to_js(value));
                }
                o.into()
            }
        }
    }

    /// Where a spec's data file is and how often to fetch it, for the loader, before it
    /// fetches: `null` without `data`, else `{ url, refresh, maxBytes, locale }` (`refresh` in
    /// seconds, 0 for none; `maxBytes` the largest file read; `locale` the chart's language,
    /// for the loader's words about fetch faults). Throws `{ message, path,
    /// locale }` for a `data` or `refresh` that is wrong.
    #[wasm_bindgen(js_name = dataSource)]
    pub fn data_source(spec: JsValue, page_lang: Option<String>) -> Result<JsValue, JsValue> {
        let page = page_lang.as_deref().and_then(Locale::parse);
        let json = tree_of(&spec);
        let Some((source, refresh, locale)) = Chart::data_source(&json, page).map_err(|e| error_object(&e))? else {
            return Ok(JsValue::NULL);
        };
        let o = Object::new();
        set(&o, "url", &source.url.as_str().into());
        set(&o, "refresh", &refresh.unwrap_or(0).into());
        set(&o, "maxBytes", &(MAX_DATA_BYTES as u32).into());
        set(&o, "locale", &locale.tag().into());
        Ok(o.into())
    }

    /// The spec with the figures of its fetched data file written in (`categories`, each
    /// series' `values`, the file's notes, unit, 出典 and dates): a spec the chart wasm
    /// validates like one written by hand. Throws `{ message, path, locale }` naming the
    /// file's line and column, or the spec's path.
    #[wasm_bindgen(js_name = fillSpec)]
    pub fn fill_spec(
        spec: JsValue,
        page_lang: Option<String>,
        text: String,
        content_type: Option<String>,
        last_modified: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let page = page_lang.as_deref().and_then(Locale::parse);
        let json = tree_of(&spec);
        let fetched = Fetched { text, content_type, last_modified };
        let filled = Chart::fill_data(&json, &fetched, &parse_json, page).map_err(|e| error_object(&e))?;
        Ok(to_js(&filled))
    }

    /// What a pasted or dropped table holds, for the chart maker (www/maker.html):
    /// `{ skipRows, title, rows, columns: [{ header, name, unit, kind }] }`, `kind` being `dates`,
    /// `figures` or `words`; `skip_rows` the title rows above the header, or undefined to find
    /// the header. Throws `{ message, path, locale }` like `fillSpec` (the maker's language).
    #[cfg(feature = "maker")]
    #[wasm_bindgen(js_name = tableShape)]
    pub fn table_shape(text: String, skip_rows: Option<u32>, page_lang: Option<String>) -> Result<JsValue, JsValue> {
        let locale = page_lang.as_deref().and_then(Locale::parse).unwrap_or_default();
        let shape = indicator_chart::data::table_shape(&text, skip_rows.map(|n| n as usize)).map_err(|e| {
            let o = Object::new();
            set(&o, "message", &e.message(locale).as_str().into());
            set(&o, "path", &e.path.as_str().into());
            set(&o, "locale", &locale.tag().into());
            JsValue::from(o)
        })?;
        let o = Object::new();
        set(&o, "skipRows", &(shape.skip_rows as u32).into());
        set(&o, "rows", &(shape.rows as u32).into());
        set(&o, "title", &shape.title.as_deref().map_or(JsValue::NULL, JsValue::from_str));
        let columns = Array::new();
        for c in &shape.columns {
            let column = Object::new();
            set(&column, "header", &c.header.as_str().into());
            set(&column, "name", &c.name.as_str().into());
            set(&column, "unit", &c.unit.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            set(&column, "kind", &c.kind.name().into());
            columns.push(&column);
        }
        set(&o, "columns", &columns);
        Ok(o.into())
    }

    /// The allocator the chart wasm uses too (talc: smaller and faster than dlmalloc here).
    #[cfg(not(target_feature = "atomics"))]
    #[global_allocator]
    static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
}
