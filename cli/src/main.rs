//! `indicator-chart`: the charts of indicator-chart where no script runs.
//!
//!   indicator-chart render SPEC.json -o OUT.png [--width 800] [--height 630] [--scale 2] [--dark]
//!   indicator-chart render specs/*.json --out-dir out/ [--format svg]
//!   cat spec.json | indicator-chart render - -o out.svg
//!
//! Exit 0 when every image was written; 1 when a spec is invalid (its message, the one the
//! widget shows, on stderr); 2 for usage, font, file or rendering problems.
// clippy.toml keeps libm and float parsing out of the wasm; the native renderer may use both.
#![allow(clippy::disallowed_methods)]

use clap::{Parser, Subcommand, ValueEnum};
use indicator_chart_cli::fonts::Fonts;
use indicator_chart_cli::render::{render, Failure, Format, Frame};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "indicator-chart", version, about = "Government indicator charts from a JSON spec, as SVG and PNG")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Renders specs to SVG or PNG: the same scene the browser draws, title and 出典 included.
    Render(RenderArgs),
    /// Writes a static page per spec (link card, oEmbed, no-script fallback) with its images,
    /// CSV and spec, an index, and the loader and embed page beside them.
    Site(SiteArgs),
}

#[derive(clap::Args)]
struct SiteArgs {
    /// A folder of specs (NAME.json).
    specs_dir: PathBuf,
    /// The folder to write (created if needed).
    #[arg(short, long)]
    output: PathBuf,
    /// The absolute URL OUTPUT will be served at (og:image and og:url must be absolute).
    #[arg(long)]
    base_url: String,
    /// As for render.
    #[arg(long, env = "INDICATOR_CHART_FONTS")]
    font_dir: Option<PathBuf>,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// Spec files (JSON); `-` reads one spec from standard input.
    #[arg(required = true)]
    specs: Vec<PathBuf>,
    /// The output file for one spec; its extension (.png or .svg) is the format.
    #[arg(short, long, conflicts_with = "out_dir")]
    output: Option<PathBuf>,
    /// A folder for many specs: NAME.json → NAME.png (or .svg with --format).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// The format with --out-dir (default png), or to override -o's extension.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Width in CSS pixels.
    #[arg(long, default_value_t = 800.0)]
    width: f32,
    /// The whole frame's height in CSS pixels (1200×630 link cards: --width 600 --height 315 --scale 2);
    /// without it, the chart's own height plus its title and footer.
    #[arg(long)]
    height: Option<f32>,
    /// Device pixels per CSS pixel (default 2 for PNG, 1 for SVG).
    #[arg(long)]
    scale: Option<f32>,
    /// The theme's dark variant.
    #[arg(long)]
    dark: bool,
    /// A folder with NotoSansJP_400Regular.ttf and NotoSansJP_700Bold.ttf (default: the pinned npm
    /// font, then Debian's fonts-noto-cjk; also INDICATOR_CHART_FONTS).
    #[arg(long, env = "INDICATOR_CHART_FONTS")]
    font_dir: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Svg,
    Png,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Render(args) => finish(run_render(args)),
        Command::Site(args) => finish(run_site(args)),
    }
}

fn finish(result: Result<ExitCode, String>) -> ExitCode {
    result.unwrap_or_else(|message| {
        eprintln!("indicator-chart: {message}");
        ExitCode::from(2)
    })
}

fn run_site(args: SiteArgs) -> Result<ExitCode, String> {
    let base_url = indicator_chart_cli::site::base_url(&args.base_url)?;
    let fonts = Fonts::load(args.font_dir.as_deref(), &font_root())?;
    std::fs::create_dir_all(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let specs = indicator_chart_cli::site::specs_in(&args.specs_dir)?;
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let site = indicator_chart_cli::site::Site { out: &args.output, base_url, assets: &assets, fonts: &fonts };
    site.copy_assets()?;
    let results: Vec<_> = specs.par_iter().map(|spec| (spec, site.write_chart(spec))).collect();
    let (written, code) = report(results);
    site.index(&written)?;
    Ok(code)
}

/// The repository root the default font paths are relative to: the current folder when it has
/// them, else the checkout this binary was built from.
fn font_root() -> PathBuf {
    let here = PathBuf::from(".");
    if here.join("node_modules/@expo-google-fonts").is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run_render(args: RenderArgs) -> Result<ExitCode, String> {
    for (name, v) in [("--width", Some(args.width)), ("--height", args.height), ("--scale", args.scale)] {
        if let Some(v) = v {
            if !(v.is_finite() && v > 0.0 && v <= 20_000.0) {
                return Err(format!("{name} must be a positive number of at most 20000 (found {v})"));
            }
        }
    }
    let fonts = Fonts::load(args.font_dir.as_deref(), &font_root())?;
    let jobs: Vec<(PathBuf, PathBuf, Format)> = match (&args.output, &args.out_dir) {
        (Some(out), None) => {
            if args.specs.len() != 1 {
                return Err(format!("-o writes one image, but {} specs were given: use --out-dir", args.specs.len()));
            }
            let format = match (args.format, Format::of_path(out)) {
                (Some(f), _) => format_of(f),
                (None, Some(f)) => f,
                (None, None) => return Err(format!("{}: name the output .png or .svg (or pass --format)", out.display())),
            };
            vec![(args.specs[0].clone(), out.clone(), format)]
        }
        (None, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let format = args.format.map_or(Format::Png, format_of);
            let mut jobs = Vec::with_capacity(args.specs.len());
            for spec in &args.specs {
                let stem = spec.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "-").unwrap_or("chart");
                jobs.push((spec.clone(), dir.join(format!("{stem}.{}", format.extension())), format));
            }
            jobs
        }
        _ => return Err("say where to write: -o FILE for one spec, --out-dir DIR for many".into()),
    };
    if args.specs.iter().filter(|s| s.as_os_str() == "-").count() > 1 {
        return Err("standard input (-) can be read once".into());
    }
    let frame_for = |format: Format| Frame {
        width: args.width,
        height: args.height,
        scale: args.scale.unwrap_or(if format == Format::Png { 2.0 } else { 1.0 }),
        dark: args.dark,
    };
    let results: Vec<(PathBuf, Result<(), Failure>)> = jobs
        .par_iter()
        .map(|(spec, out, format)| {
            let result = read_spec(spec)
                .and_then(|text| render(&text, spec_dir(spec), *format, &frame_for(*format), &fonts))
                .and_then(|bytes| std::fs::write(out, bytes).map_err(|e| Failure::Render(format!("{}: {e}", out.display()))));
            (spec.clone(), result)
        })
        .collect();
    Ok(report(results).1)
}

/// Prints each failure under its spec's name and keeps what was made: the exit code is 2 when
/// anything broke, else 1 when a spec was invalid, else 0.
fn report<T, P: AsRef<Path>>(results: Vec<(P, Result<T, Failure>)>) -> (Vec<T>, ExitCode) {
    let (mut made, mut bad_spec, mut broken) = (Vec::new(), false, false);
    for (spec, result) in results {
        let message = match result {
            Ok(value) => {
                made.push(value);
                continue;
            }
            Err(Failure::Spec(m)) => {
                bad_spec = true;
                m
            }
            Err(Failure::Render(m)) => {
                broken = true;
                m
            }
        };
        eprintln!("{}: {message}", spec.as_ref().display());
    }
    let code = if broken {
        ExitCode::from(2)
    } else if bad_spec {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    (made, code)
}

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Svg => Format::Svg,
        FormatArg::Png => Format::Png,
    }
}

/// Where a spec's relative `data.url` starts: its folder (the working directory for stdin).
fn spec_dir(spec: &Path) -> &Path {
    match spec.parent() {
        Some(dir) if spec.as_os_str() != "-" => dir,
        _ => Path::new("."),
    }
}

fn read_spec(path: &Path) -> Result<String, Failure> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| Failure::Render(format!("standard input: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| Failure::Render(format!("cannot read it: {e}")))
}
