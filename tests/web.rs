//! Browser tests (`wasm-pack test --headless --chrome`): the real canvas in Chromium.
#![cfg(target_arch = "wasm32")]

use indicator_chart::web::WasmChart;
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const RATE: &str = include_str!("fixtures/mynumber-rate.json");
const SURVEY: &str = include_str!("fixtures/society-survey.json");

fn spec(text: &str) -> JsValue {
    // serde_wasm_bindgen::to_value would give a Map; pages hand us plain objects.
    JSON::parse(text).unwrap()
}

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data().0
}

/// Counts pixels close to `rgb`.
fn count_color(data: &[u8], rgb: (u8, u8, u8)) -> usize {
    data.chunks(4)
        .filter(|p| {
            p[3] > 0
                && (p[0] as i32 - rgb.0 as i32).abs() < 8
                && (p[1] as i32 - rgb.1 as i32).abs() < 8
                && (p[2] as i32 - rgb.2 as i32).abs() < 8
        })
        .count()
}

#[wasm_bindgen_test]
fn draws_pixels_at_css_size_for_dpr_1() {
    let c = canvas();
    let mut chart = WasmChart::new(spec(RATE), None, None).unwrap();
    chart.draw(&c, 400.0, 300.0, 1.0).unwrap();
    assert_eq!((c.width(), c.height()), (400, 300));
    let data = pixels(&c);
    let blue = count_color(&data, (0x00, 0x17, 0xC1));
    assert!(blue > 300, "the series line and markers are drawn in DADS blue: {blue} pixels");
    let background = count_color(&data, (255, 255, 255));
    assert!(background > 400 * 300 / 2, "mostly white background: {background}");
}

#[wasm_bindgen_test]
fn backing_store_doubles_at_dpr_2_and_lines_stay_crisp() {
    let c = canvas();
    let mut chart = WasmChart::new(spec(SURVEY), None, None).unwrap();
    chart.draw(&c, 400.0, 300.0, 2.0).unwrap();
    assert_eq!((c.width(), c.height()), (800, 600), "backing store = CSS size × DPR");
    let data = pixels(&c);
    // The first series' bars, in solid DADS blue; at DPR 2 four times the area of DPR 1.
    let at_2 = count_color(&data, (0x00, 0x17, 0xC1));
    let c1 = canvas();
    WasmChart::new(spec(SURVEY), None, None).unwrap().draw(&c1, 400.0, 300.0, 1.0).unwrap();
    let at_1 = count_color(&pixels(&c1), (0x00, 0x17, 0xC1));
    let ratio = at_2 as f64 / at_1 as f64;
    assert!((3.6..4.4).contains(&ratio), "bar area ratio at DPR 2 vs 1: {ratio}");
    // Gridlines are whole device pixels of the exact grid colour: a blurred line would be
    // spread over rows of in-between greys.
    let width = 800;
    let grid_rows = (0..600)
        .filter(|y| {
            let row = &data[y * width * 4..(y + 1) * width * 4];
            count_color(row, (0xE6, 0xE6, 0xE6)) > 200
        })
        .count();
    assert!(grid_rows >= 4, "sharp gridline rows found: {grid_rows}");
    // A line drawn at a half-pixel offset leaves whole rows of lighter, blended grey.
    let blurred_rows = (0..600)
        .filter(|y| {
            let row = &data[y * width * 4..(y + 1) * width * 4];
            row.chunks(4).filter(|p| p[0] == p[1] && p[1] == p[2] && (0xEE..=0xFB).contains(&p[0])).count() > 200
        })
        .count();
    assert_eq!(blurred_rows, 0, "gridlines blended across pixel rows");
}

#[wasm_bindgen_test]
fn redraw_at_new_size_resizes_backing_store() {
    let c = canvas();
    let mut chart = WasmChart::new(spec(RATE), None, None).unwrap();
    chart.draw(&c, 320.0, 240.0, 1.5).unwrap();
    assert_eq!((c.width(), c.height()), (480, 360));
    chart.draw(&c, 800.0, 320.0, 1.0).unwrap();
    assert_eq!((c.width(), c.height()), (800, 320));
}

#[wasm_bindgen_test]
fn invalid_specs_throw_a_message_with_the_path() {
    let bad = RATE.replace("45.8", "\"abc\"");
    let err = WasmChart::new(spec(&bad), None, None).err().expect("must fail");
    let message = Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    let path = Reflect::get(&err, &"path".into()).unwrap().as_string().unwrap();
    assert_eq!(message, "series[0].values[1]: 数値または null が必要です（\"abc\"）");
    assert_eq!(path, "series[0].values[1]");
    // NaN only reaches us from JavaScript callers.
    let with_nan = spec(RATE);
    let series = Reflect::get(&with_nan, &"series".into()).unwrap();
    let first = Reflect::get(&series, &0.into()).unwrap();
    let values = Reflect::get(&first, &"values".into()).unwrap();
    Reflect::set(&values, &2.into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let err = WasmChart::new(with_nan, None, None).err().expect("NaN must fail");
    let message = Reflect::get(&err, &"message".into()).unwrap().as_string().unwrap();
    assert_eq!(message, "series[0].values[2]: 数値または null が必要です（NaN）");
    for not_a_spec in [JsValue::NULL, JsValue::UNDEFINED, JsValue::from_f64(3.0), JsValue::from_str("{}")] {
        assert!(WasmChart::new(not_a_spec, None, None).is_err());
    }
}

#[wasm_bindgen_test]
fn page_text_and_svg_come_localised() {
    let chart = WasmChart::new(spec(RATE), None, None).unwrap();
    let text = chart.page_text();
    let get = |k: &str| Reflect::get(&text, &k.into()).unwrap().as_string();
    assert_eq!(get("sourceLine").unwrap(), "出典：デジタル庁「活動報告及び今後の取組」");
    assert_eq!(get("asOfText").unwrap(), "2025年7月時点");
    assert_eq!(get("updatedText").unwrap(), "2025年9月5日更新");
    assert!(chart.to_svg(640.0, 320.0).starts_with("<svg"));
}

#[wasm_bindgen_test]
fn zero_size_draw_does_not_fail() {
    let c = canvas();
    let mut chart = WasmChart::new(spec(RATE), None, None).unwrap();
    chart.draw(&c, 0.0, 0.0, 1.0).unwrap();
    chart.draw(&c, 100.0, 50.0, f64::NAN).unwrap();
}

#[wasm_bindgen_test]
fn a_spec_without_locale_speaks_the_pages_language_in_every_output() {
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).unwrap();
    // One answer: the spec's own locale, else the page's lang, else Japanese.
    let bad = r#"{"type":"line","title":"t","categories":["a"],"series":[{"name":"s","values":["abc"]}]}"#;
    let err = WasmChart::new(spec(bad), Some("en-GB".into()), None).err().expect("must fail");
    assert_eq!(get(&err, "locale").as_string().unwrap(), "en");
    assert!(get(&err, "message").as_string().unwrap().contains("expected a number or null"), "{:?}", get(&err, "message"));
    let ok = r#"{"type":"line","title":"t","categories":["2025-07"],"series":[{"name":"s","values":[1]}]}"#;
    let page = WasmChart::new(spec(ok), Some("en".into()), None).unwrap().page_text();
    assert_eq!(get(&page, "locale").as_string().unwrap(), "en");
    assert_eq!(get(&page, "altText").as_string().unwrap(), "t (line chart)");
    let own = r#"{"type":"line","title":"t","locale":"ja","categories":["2025-07"],"series":[{"name":"s","values":[1]}]}"#;
    let page = WasmChart::new(spec(own), Some("en".into()), None).unwrap().page_text();
    assert_eq!(get(&page, "locale").as_string().unwrap(), "ja", "the spec's locale wins over the page's");
}

#[wasm_bindgen_test]
fn the_dom_gets_the_themes_colours_and_font_for_the_current_scheme() {
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).unwrap().as_string().unwrap();
    let mut chart = WasmChart::new(spec(RATE), None, None).unwrap();
    let light = chart.colors();
    assert_eq!((get(&light, "text"), get(&light, "link")), ("#1a1a1a".into(), "#00118f".into()));
    chart.set_color_scheme(true);
    let dark = chart.colors();
    assert_eq!((get(&dark, "text"), get(&dark, "muted"), get(&dark, "link")), ("#ffffff".into(), "#b3b3b3".into(), "#9db7f9".into()));
    assert!(get(&chart.page_text(), "fontFamily").contains("Noto Sans CJK JP"));
}

#[wasm_bindgen_test]
fn keys_written_twice_are_refused_in_the_browser_too() {
    // JSON.parse keeps the last "title" silently; the text shows the repeat.
    let text = r#"{"type":"line","title":"a","title":"b","categories":["x"],"series":[{"name":"s","values":[1]}]}"#;
    let err = WasmChart::new(spec(text), None, Some(text.into())).err().expect("a repeated key must fail");
    let get = |k: &str| Reflect::get(&err, &k.into()).unwrap().as_string().unwrap();
    assert_eq!(get("path"), "title");
    assert_eq!(get("message"), "title: 同じ項目が2回以上書かれています。1回だけ書いてください");
    assert!(WasmChart::new(spec(text), None, None).is_ok(), "an object (render()) has no repeats to find");
}
