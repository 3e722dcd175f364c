//! SVG goldens: each fixture renders to exactly its golden SVG. Fixtures are
//! tests/fixtures/*.json (goldens in tests/golden/) and every gallery spec,
//! www/charts/gallery/*.json (goldens in tests/golden/gallery/), so the gallery a user sees
//! is what the tests pin. The SVG has one element per line, so a changed golden's diff shows
//! which mark moved. A changed one fails and the new output is saved beside it as
//! NAME.new.svg for review; `UPDATE_GOLDENS=1 cargo test` accepts all. A missing golden is
//! written and passes on a developer's machine, and fails in CI (`CI` set): a golden that was
//! never committed pins nothing.

use indicator_chart::chart::Chart;
use indicator_chart::json::Json;
use indicator_chart::text::EstimatedMeasure;
use std::fs;
use std::path::Path;

fn check_goldens(fixture_dir: &Path, golden_dir: &Path) -> Vec<String> {
    let update = std::env::var_os("UPDATE_GOLDENS").is_some();
    fs::create_dir_all(golden_dir).unwrap();
    let mut fixtures: Vec<_> =
        fs::read_dir(fixture_dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    fixtures.sort();
    assert!(!fixtures.is_empty(), "no fixtures in {}", fixture_dir.display());
    let mut failures = Vec::new();
    for fixture in fixtures {
        let name = fixture.file_stem().unwrap().to_string_lossy().to_string();
        let json: Json = serde_json::from_str(&fs::read_to_string(&fixture).unwrap()).unwrap();
        let chart = crate::common::with_shapes(Chart::from_json(&json).unwrap_or_else(|e| panic!("{name}: {}", e.message)));
        // A map keeps its aspect, as the page draws it; other charts 320 px (not their hint).
        let height = if chart.spec().chart_type.name() == "map" { crate::common::plot_height(&chart, 640.0, 320.0) } else { 320.0 };
        let svg = chart.to_svg(640.0, height, &EstimatedMeasure);
        let golden = golden_dir.join(format!("{name}.svg"));
        let new = golden_dir.join(format!("{name}.new.svg"));
        match fs::read_to_string(&golden) {
            Ok(expected) if expected == svg => {
                let _ = fs::remove_file(&new);
            }
            Ok(_) if !update => {
                fs::write(&new, &svg).unwrap();
                failures.push(format!("{name}: differs from its golden; see {}", new.display()));
            }
            Err(_) if std::env::var_os("CI").is_some() && !update => {
                fs::write(&new, &svg).unwrap();
                failures.push(format!("{name}: no golden {} (CI); write it with cargo test and commit it", golden.display()));
            }
            _ => fs::write(&golden, &svg).unwrap(),
        }
    }
    failures
}

#[test]
fn fixtures_match_their_svg_goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let failures = check_goldens(&root.join("tests/fixtures"), &root.join("tests/golden"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gallery_specs_match_their_svg_goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let failures = check_goldens(&root.join("www/charts/gallery"), &root.join("tests/golden/gallery"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
