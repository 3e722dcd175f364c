//! Writes `docs/spec.schema.json` from the validator's field lists (see
//! `indicator_chart_cli::schema`). Run after changing a field:
//!   cargo run -p indicator-chart-cli --bin spec-schema
use std::process::ExitCode;

fn main() -> ExitCode {
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/spec.schema.json");
    match indicator_chart_cli::schema::build()
        .and_then(|text| std::fs::write(&target, &text).map(|_| text.len()).map_err(|e| format!("{}: {e}", target.display())))
    {
        Ok(bytes) => {
            println!("{}: {bytes} bytes", target.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("spec-schema: {message}");
            ExitCode::FAILURE
        }
    }
}
