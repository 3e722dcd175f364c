//! Writes `www/maps/prefectures.json` from `cli/maps/ja_prefecture_area.json` (see
//! `indicator_chart_cli::map_asset`). Run after changing either:
//!   cargo run -p indicator-chart-cli --bin map-asset
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let source = root.join("cli/maps/ja_prefecture_area.json");
    let target = root.join("www/maps/prefectures.json");
    let result = std::fs::read_to_string(&source)
        .map_err(|e| format!("{}: {e}", source.display()))
        .and_then(|text| indicator_chart_cli::map_asset::build(&text))
        .and_then(|asset| std::fs::write(&target, &asset).map(|_| asset.len()).map_err(|e| format!("{}: {e}", target.display())));
    match result {
        Ok(bytes) => {
            println!("{}: {bytes} bytes", target.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("map-asset: {message}");
            ExitCode::FAILURE
        }
    }
}
