//! Prefecture maps (`type: "map"`, the `map` feature): regions read from codes and names,
//! refused with a suggestion, classes and their legend, summaries, the table, both layouts'
//! scenes, and the keyboard's neighbours on the grid and on the real shapes.

use crate::common::with_shapes;
use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::scene::Mark;
use indicator_chart::text::EstimatedMeasure;

const CODES: &str = r#"["01","02","03","04","05","06","07","08","09","10","11","12","13","14","15","16","17","18","19","20","21","22","23","24","25","26","27","28","29","30","31","32","33","34","35","36","37","38","39","40","41","42","43","44","45","46","47"]"#;

fn values() -> Vec<f64> {
    (1..=47).map(|i| 70.0 + ((i * 37) % 47) as f64 / 3.0).collect()
}

fn spec(extra: &str) -> String {
    let values: Vec<String> = values().iter().map(|v| format!("{v:.1}")).collect();
    format!(r#"{{"type":"map","title":"保有率","unit":"%","regions":{CODES},"values":[{}]{extra}}}"#, values.join(","))
}

fn chart(text: &str) -> Chart {
    let json: Json = serde_json::from_str(text).unwrap();
    with_shapes(Chart::from_json(&json).unwrap_or_else(|e| panic!("{}", e.message)))
}

fn error(text: &str) -> String {
    let json: Json = serde_json::from_str(text).unwrap();
    Chart::from_json(&json).err().map(|e| e.message).unwrap_or_default()
}

fn texts(scene: &indicator_chart::scene::Scene) -> Vec<String> {
    scene.marks.iter().filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.clone()) } else { None }).collect()
}

#[test]
fn regions_are_codes_local_government_codes_or_names() {
    let ok = chart(r#"{"type":"map","title":"t","regions":["東京都","大阪","01000","JP-47",40],"values":[1,2,3,4,5]}"#);
    assert_eq!(ok.spec().categories, vec!["東京都", "大阪府", "北海道", "沖縄県", "福岡県"]);
    let en = chart(r#"{"type":"map","title":"t","locale":"en","regions":["13"],"values":[1]}"#);
    assert_eq!(en.spec().categories, vec!["Tokyo"]);
    // 13000 is 東京都 again.
    assert!(error(r#"{"type":"map","title":"t","regions":["東京都","13000"],"values":[1,2]}"#).contains("regions[0]"));
}

#[test]
fn bad_regions_are_refused_by_path_with_a_suggestion() {
    let e = error(r#"{"type":"map","title":"t","regions":["01","大坂府"],"values":[1,2]}"#);
    assert_eq!(e, "regions[1]: 都道府県コード（\"01\"〜\"47\"、\"13000\" の形）または都道府県名が必要です（\"大坂府\"）。「大阪府」の誤りではありませんか");
    let e = error(r#"{"type":"map","title":"t","regions":["13","東京都"],"values":[1,2]}"#);
    assert_eq!(e, "regions[1]: 東京都は regions[0] にもあります。1回だけ書いてください");
    let e = error(r#"{"type":"map","title":"t","locale":"en","regions":["48"],"values":[1]}"#);
    assert!(e.starts_with("regions[0]: expected a prefecture code"), "{e}");
    let e = error(r#"{"type":"map","title":"t","regions":["13"],"values":[1,2]}"#);
    assert!(e.starts_with("values:"), "{e}");
    let e = error(r#"{"type":"map","title":"t","regions":["13"],"values":[1],"scale":{"thresholds":[5,3]}}"#);
    assert_eq!(e, "scale.thresholds[1]: 前の値より大きい値が必要です（小さい順に書いてください）");
    let e = error(r#"{"type":"map","title":"t","regions":["13"],"values":[1],"scale":{"type":"diverging"}}"#);
    assert_eq!(e, "reference: 必須の項目がありません");
    let e = error(r#"{"type":"map","title":"t","regions":["13"],"values":[1],"stacking":"normal"}"#);
    assert!(e.starts_with("stacking: map では使えない項目です"), "{e}");
}

#[test]
fn the_legend_gives_each_class_range_with_the_unit() {
    let c = chart(&spec(r#","layout":"tiles","scale":{"type":"equal","classes":4},"reference":{"value":77.0}"#));
    let scene = c.scene(640.0, 700.0, &EstimatedMeasure);
    let words = texts(&scene);
    for want in ["単位：%", "70.0〜73.8", "73.8〜77.7", "77.7〜81.5", "81.5〜85.3", "全国 77.0%"] {
        assert!(words.iter().any(|w| w == want), "{want} not in {words:?}");
    }
}

#[test]
fn point_text_says_name_value_reference_and_rank() {
    let c = chart(&spec(r#","reference":{"label":"全国","value":79.0}"#));
    let tokyo = c.spec().categories.iter().position(|n| n == "東京都").unwrap();
    let v = values()[12];
    let rank = 1 + values().iter().filter(|o| **o > v).count();
    assert_eq!(c.point_text(0, tokyo), format!("東京都、{v:.1}%（全国 79.0%）、順位 {rank}／47"));
}

#[test]
fn summaries_name_the_extremes_the_reference_and_a_standing_out_region() {
    let c = chart(&spec(r#","reference":{"label":"全国","value":79.0}"#));
    let d = c.page_text().description;
    let max = values().iter().cloned().fold(f64::MIN, f64::max);
    let hi = c.spec().categories[values().iter().position(|v| *v == max).unwrap()].clone();
    assert!(d.starts_with(&format!("保有率は、最も高いのが{hi}で{max:.1}%")), "{d}");
    let above = values().iter().filter(|v| **v > 79.0).count();
    assert!(d.contains(&format!("全国は79.0%で、47都道府県のうち{above}が上回る。")), "{d}");
    // 関東 far above the rest: the summary says so.
    let mut v = vec![70.0; 47];
    v[7..14].fill(90.0);
    let values: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    let text = format!(r#"{{"type":"map","title":"t","unit":"%","regions":{CODES},"values":[{}]}}"#, values.join(","));
    let d = chart(&text).page_text().description;
    assert!(d.contains("地方別では関東の平均が90%で最も高い。"), "{d}");
    let en = chart(&text.replace(r#""title":"t""#, r#""title":"t","locale":"en""#)).page_text().description;
    assert!(en.contains("By region, Kanto averages highest, 90%."), "{en}");
}

#[test]
fn the_table_has_the_47_in_code_order_with_rank_and_the_csv_raw_figures() {
    let c = chart(r#"{"type":"map","title":"t","unit":"%","regions":["13","01"],"values":[84.3,"x"]}"#);
    let t = c.table();
    assert_eq!(t.header, vec!["都道府県", "コード", "値（%）", "順位"]);
    assert_eq!(t.rows.len(), 47);
    assert_eq!(t.rows[0], ("北海道".to_string(), vec!["01".to_string(), "x".to_string(), String::new()]));
    assert_eq!(t.rows[12], ("東京都".to_string(), vec!["13".to_string(), "84.3".to_string(), "1".to_string()]));
    assert_eq!(t.rows[1].1[1], "データなし");
    assert_eq!(t.footnotes, vec!["x：秘匿"]);
    let csv = c.csv_text();
    assert!(csv.contains("東京都,13,84.3,1"), "{csv}");
}

#[test]
fn both_layouts_draw_every_prefecture_with_a_point_and_a_hit_area() {
    for layout in ["geo", "tiles"] {
        let c = chart(&spec(&format!(r#","layout":"{layout}""#)));
        for width in [320.0, 1280.0] {
            let scene = c.scene(width, crate::common::plot_height(&c, width, 320.0), &EstimatedMeasure);
            assert_eq!(scene.points.len(), 47, "{layout} {width}");
            assert_eq!(scene.areas.len(), 47);
            // Points in code order: Home is 北海道, End 沖縄県.
            let first = &c.spec().categories[scene.points[0].index];
            let last = &c.spec().categories[scene.points[46].index];
            assert_eq!((first.as_str(), last.as_str()), ("北海道", "沖縄県"));
            // Each point's own shape answers under it (tiles and real shapes alike).
            for (k, p) in scene.points.iter().enumerate() {
                if layout == "tiles" {
                    assert_eq!(scene.area_at(p.x, p.y), Some(k), "{layout} {width}: {}", c.spec().categories[p.index]);
                }
            }
            for m in &scene.marks {
                if let Mark::Polygon { points, .. } = m {
                    assert!(
                        points.iter().all(|(x, y)| *x >= 0.0 && *x <= width && *y >= 0.0 && *y <= scene.height),
                        "{layout} {width}: off the scene"
                    );
                }
            }
        }
    }
    // The geo map's 東京都 is hovered on its shape, where its centre is.
    let c = chart(&spec(""));
    let scene = c.scene(1280.0, 640.0, &EstimatedMeasure);
    let tokyo = scene.points.iter().position(|p| c.spec().categories[p.index] == "東京都").unwrap();
    let p = &scene.points[tokyo];
    assert_eq!(scene.area_at(p.x, p.y), Some(tokyo));
    assert_eq!(
        c.page_text().notes.last().map(String::as_str),
        Some("※地図：「国土数値情報（行政区域データ）」（国土交通省）を加工して作成")
    );
}

#[test]
fn tile_names_fit_their_tiles_at_every_width() {
    let c = chart(&spec(r#","layout":"tiles""#));
    for width in [230.0, 320.0, 480.0, 1280.0] {
        let scene = c.scene(width, crate::common::plot_height(&c, width, 320.0), &EstimatedMeasure);
        let mut boxes: Vec<indicator_chart::scene::BBox> = scene.marks.iter().filter_map(Mark::text_bbox).collect();
        boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
                assert!(!overlap, "{width}: labels overlap: {a:?} {b:?}");
            }
        }
        let names = texts(&scene);
        // Every tile has its name (鹿児島 as 鹿児 where three characters do not fit at 14 px).
        let tile_names = names.iter().filter(|t| !t.chars().any(|c| c.is_ascii_digit() || c == '：')).count();
        assert!(tile_names >= 47, "{width}: {tile_names} names: {names:?}");
    }
}

#[test]
fn missing_values_are_hatched_and_in_the_legend() {
    let c = chart(r#"{"type":"map","title":"t","layout":"tiles","regions":["13","14"],"values":[1,null]}"#);
    let scene = c.scene(640.0, 700.0, &EstimatedMeasure);
    assert!(texts(&scene).iter().any(|t| t == "データなし"));
    let hatch = scene.marks.iter().filter(|m| matches!(m, Mark::Polyline { points, .. } if points.len() == 2)).count();
    assert!(hatch > 45 * 4, "45 tiles without data, each hatched: {hatch} lines");
}

#[test]
fn the_keyboard_moves_to_grid_neighbours_and_real_neighbours() {
    let tiles = chart(&spec(r#","layout":"tiles""#));
    let name = |c: &Chart, i: Option<usize>| i.map(|i| c.spec().categories[i].clone()).unwrap_or_default();
    let tokyo = 12;
    assert_eq!(name(&tiles, tiles.neighbour(tokyo, 1, 0)), "茨城県");
    assert_eq!(name(&tiles, tiles.neighbour(tokyo, -1, 0)), "静岡県");
    assert_eq!(name(&tiles, tiles.neighbour(tokyo, 0, -1)), "埼玉県");
    assert_eq!(name(&tiles, tiles.neighbour(tokyo, 0, 1)), "神奈川県");
    assert_eq!(tiles.neighbour(0, 0, -1), None, "北海道 is at the top");
    // 鳥取県 (row 0) westwards skips the empty cells to nothing; southwards 岡山県.
    assert_eq!(tiles.neighbour(30, -1, 0), None);
    assert_eq!(name(&tiles, tiles.neighbour(30, 0, 1)), "岡山県");
    let geo = chart(&spec(""));
    assert_eq!(name(&geo, geo.neighbour(45, 0, 1)), "沖縄県", "south of 鹿児島県, where it really is");
    assert_eq!(name(&geo, geo.neighbour(12, 1, 0)), "千葉県");
    assert_eq!(name(&geo, geo.neighbour(0, 0, 1)), "青森県");
}

#[test]
fn a_map_reads_its_prefectures_and_figures_from_a_data_file() {
    use indicator_chart::data::Fetched;
    let parse_json = |text: &str| serde_json::from_str::<Json>(text).map_err(|e| e.to_string());
    let csv = "都道府県,件数,保有率\n東京都,1000,84.3\n大阪府,900,80.2\n北海道,800,x\n";
    let load = |spec: &str| {
        let json: Json = serde_json::from_str(spec).unwrap();
        let fetched = Fetched { text: csv.into(), content_type: Some("text/csv".into()), last_modified: None };
        Chart::from_json_with_data(&json, &fetched, &parse_json, None)
    };
    let c = load(r#"{"type":"map","title":"t","unit":"%","layout":"tiles","data":{"url":"p.csv","series":"保有率"}}"#).unwrap();
    assert_eq!(c.spec().categories, vec!["東京都", "大阪府", "北海道"]);
    assert_eq!(c.spec().series[0].values, vec![Some(84.3), Some(80.2), None]);
    assert_eq!(c.point_text(0, 0), "東京都、84.3%、順位 1／2");
    let first = load(r#"{"type":"map","title":"t","layout":"tiles","data":{"url":"p.csv"}}"#).unwrap();
    assert_eq!(first.spec().series[0].values[0], Some(1000.0), "without data.series, the first column");
    let e = load(r#"{"type":"map","title":"t","data":{"url":"p.csv","series":"率"}}"#).err().unwrap().message;
    assert!(e.starts_with("data.series: "), "{e}");
    let e = load(r#"{"type":"map","title":"t","regions":["13"],"data":{"url":"p.csv"}}"#).err().unwrap().message;
    assert!(e.starts_with("regions: "), "{e}");
}

/// live.html's map: www/charts/map-live.json with www/data/prefectures.csv (names, codes,
/// a title row and a ※ note row, as published tables have them) gives all 47.
#[test]
fn the_live_demo_map_reads_all_47_from_its_csv() {
    use indicator_chart::data::Fetched;
    let parse_json = |text: &str| serde_json::from_str::<Json>(text).map_err(|e| e.to_string());
    let root = crate::common::root();
    let spec: Json = serde_json::from_str(&std::fs::read_to_string(root.join("www/charts/map-live.json")).unwrap()).unwrap();
    let text = std::fs::read_to_string(root.join("www/data/prefectures.csv")).unwrap();
    let fetched = Fetched { text, content_type: Some("text/csv".into()), last_modified: None };
    let c = Chart::from_json_with_data(&spec, &fetched, &parse_json, None).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(c.spec().categories.len(), 47);
    assert_eq!(c.table().rows[12].1[1], "84.3");
    assert!(c.page_text().notes.iter().any(|n| n.contains("デモ用の例示")), "the file's ※ row is a note");
}

/// Published prefecture tables: the country's row first (「全国」, e-Stat's 00000), codes
/// stored as numbers by a spreadsheet (1000 for 01000), names beside the codes.
#[test]
fn a_file_with_a_national_row_names_and_codes_maps_its_figures() {
    use indicator_chart::data::Fetched;
    let parse_json = |text: &str| serde_json::from_str::<Json>(text).map_err(|e| e.to_string());
    let load = |spec: &str, csv: &str| {
        let json: Json = serde_json::from_str(spec).unwrap();
        let fetched = Fetched { text: csv.into(), content_type: Some("text/csv".into()), last_modified: None };
        Chart::from_json_with_data(&json, &fetched, &parse_json, None)
    };
    let csv = "団体コード,都道府県名,保有率\n00000,全国,79.0\n1000,北海道,75.1\n13000,東京都,84.3\n47000,沖縄県,70.1\n";
    let c = load(r#"{"type":"map","title":"t","unit":"%","layout":"tiles","data":{"url":"p.csv"}}"#, csv)
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(c.spec().categories, vec!["北海道", "東京都", "沖縄県"], "the national row is not a prefecture");
    assert_eq!(c.spec().series[0].values, vec![Some(75.1), Some(84.3), Some(70.1)], "names and codes are not the values");
    assert_eq!(c.point_text(0, 1), "東京都、84.3%（全国 79.0%）、順位 1／3", "the national row is the reference");
    // The spec's own reference wins over the file's row.
    let own = load(
        r#"{"type":"map","title":"t","unit":"%","layout":"tiles","reference":{"label":"目標","value":80},"data":{"url":"p.csv"}}"#,
        csv,
    )
    .unwrap();
    assert!(own.point_text(0, 1).contains("（目標 80.0%）"), "{}", own.point_text(0, 1));
    // Names first, codes second: the code column is still not taken for the figures.
    let names_first = "都道府県,コード,率\n東京都,13,84.3\n大阪府,27,80.2\n";
    let c = load(r#"{"type":"map","title":"t","layout":"tiles","data":{"url":"p.csv"}}"#, names_first).unwrap();
    assert_eq!(c.spec().series[0].values, vec![Some(84.3), Some(80.2)]);
    // Inline too: numbers for codes, the national entry with its value.
    let inline = chart(r#"{"type":"map","title":"t","layout":"tiles","regions":["全国",10006,20001,13000],"values":[79,75,76,"x"]}"#);
    assert_eq!(inline.spec().categories, vec!["北海道", "青森県", "東京都"]);
    assert_eq!(inline.spec().series[0].extra(2).and_then(|e| e.symbol).map(|s| s.symbol()), Some("x"), "extras follow the removed row");
    // JSON records: numbers are figures, the name column is not.
    let records = r#"[{"コード":"13","都道府県":"東京都","率":84.3},{"コード":"27","都道府県":"大阪府","率":80.2}]"#;
    let json: Json = serde_json::from_str(r#"{"type":"map","title":"t","layout":"tiles","data":{"url":"p.json"}}"#).unwrap();
    let fetched = Fetched { text: records.into(), content_type: Some("application/json".into()), last_modified: None };
    let c = Chart::from_json_with_data(&json, &fetched, &parse_json, None).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(
        (c.spec().categories.clone(), c.spec().series[0].values.clone()),
        (vec!["東京都".to_owned(), "大阪府".to_owned()], vec![Some(84.3), Some(80.2)])
    );
    // A series list on a map is refused rather than dropped.
    let e = load(r#"{"type":"map","title":"t","series":[{"column":"率"}],"data":{"url":"p.csv"}}"#, names_first).err().unwrap().message;
    assert!(e.starts_with("series"), "{e}");
}

/// The legend at the ends of classes beyond the data, and an even diverging scale that has no
/// neutral class.
#[test]
fn open_end_classes_and_even_diverging_scales() {
    let t = chart(&spec(r#","layout":"tiles","scale":{"thresholds":[50,100]}"#));
    let legend = texts(&t.scene(640.0, 640.0, &EstimatedMeasure));
    assert!(legend.contains(&"50.0未満".to_owned()) && legend.contains(&"100.0以上".to_owned()), "{legend:?}");
    assert!(!legend.iter().any(|l| l == "50.0〜50.0"), "{legend:?}");
    let even = chart(&spec(r#","layout":"tiles","reference":{"value":79},"scale":{"type":"diverging","classes":4}"#));
    let split = even.resolved().map.as_ref().and_then(|n| n.classes.split);
    assert_eq!(split.map(|s| (s.below, s.neutral)), Some((2, false)));
}

/// Ties at the top are all named, and 北海道 (a region of one prefecture) can stand out.
#[test]
fn summaries_name_every_tied_extreme_and_hokkaido_can_stand_out() {
    let tied = chart(r#"{"type":"map","title":"率","unit":"%","layout":"tiles","regions":["13","27","01","47"],"values":[90,90,50,40]}"#);
    let words = tied.page_text().description;
    assert!(words.contains("最も高いのが東京都・大阪府で90%"), "{words}");
    let mut values = vec![50.0; 47];
    values[0] = 95.0;
    for (i, v) in values.iter_mut().enumerate().skip(1) {
        *v += (i % 5) as f64;
    }
    let text: Vec<String> = values.iter().map(|v| format!("{v}")).collect();
    let hokkaido =
        chart(&format!(r#"{{"type":"map","title":"率","unit":"%","layout":"tiles","regions":{CODES},"values":[{}]}}"#, text.join(",")));
    let words = hokkaido.page_text().description;
    assert!(words.contains("地方別では北海道が95%で最も高い"), "{words}");
}
