//! Writes `docs/spec.schema.json` and `types/spec.d.ts` from the validator's field lists (see
//! `indicator_chart_cli::schema`). Run after changing a field:
//!   cargo run -p indicator-chart-cli --bin spec-schema
use std::process::ExitCode;

/// What makes one file's text.
type Make = fn() -> Result<String, String>;

fn main() -> ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let outputs: [(&str, Make); 2] =
        [("docs/spec.schema.json", indicator_chart_cli::schema::build), ("types/spec.d.ts", indicator_chart_cli::schema::typescript)];
    for (file, make) in outputs {
        let target = root.join(file);
        match make().and_then(|text| std::fs::write(&target, &text).map(|_| text.len()).map_err(|e| format!("{}: {e}", target.display()))) {
            Ok(bytes) => println!("{file}: {bytes} bytes"),
            Err(message) => {
                eprintln!("spec-schema: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
