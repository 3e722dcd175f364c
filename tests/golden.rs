//! SVG goldens: each fixture in tests/fixtures renders to exactly tests/golden/NAME.svg.
//! A missing golden is written; a changed one fails and the new output is saved beside it
//! as NAME.new.svg for review. `UPDATE_GOLDENS=1 cargo test` accepts all changes.

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::text::EstimatedMeasure;
use std::fs;
use std::path::Path;

#[test]
fn fixtures_match_their_svg_goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_GOLDENS").is_some();
    let mut failures = Vec::new();
    let mut fixtures: Vec<_> = fs::read_dir(root.join("fixtures")).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    for fixture in fixtures {
        let name = fixture.file_stem().unwrap().to_string_lossy().to_string();
        let json: Json = serde_json::from_str(&fs::read_to_string(&fixture).unwrap()).unwrap();
        let chart = Chart::from_json(&json).unwrap_or_else(|e| panic!("{name}: {}", e.message));
        let svg = chart.to_svg(640.0, 320.0, &EstimatedMeasure);
        let golden = root.join("golden").join(format!("{name}.svg"));
        let new = root.join("golden").join(format!("{name}.new.svg"));
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == svg => {
                let _ = fs::remove_file(&new);
            }
            Ok(_) if !update => {
                fs::write(&new, &svg).unwrap();
                failures.push(format!("{name}: differs from its golden; see {}", new.display()));
            }
            _ => fs::write(&golden, &svg).unwrap(),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
