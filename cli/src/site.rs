//! `indicator-chart site SPECS_DIR -o OUT_DIR --base-url URL`: a static page per chart, like Our
//! World in Data's grapher — the interactive chart with its link card (Open Graph, X), oEmbed
//! discovery and a no-script fallback, and beside it every file a reader or an article needs:
//!
//! | file | what |
//! | --- | --- |
//! | `NAME.html` | the chart page (our loader), og:/twitter: tags, `<noscript>` image and table |
//! | `NAME.card.HASH.png` | the 1200×630 link card; the hash of its pixels is in the name, so a new data release is a new URL (crawlers cache by URL) |
//! | `NAME@2x.png`, `NAME.svg` | the chart at its natural size, to paste into articles (note.com) |
//! | `NAME.csv`, `NAME.json` | the data as the widget downloads it, and the spec (for a spec with `data`, with the file's figures written in) |
//! | `NAME.oembed.json` | oEmbed `rich`: the iframe of the embed page, the card as thumbnail |
//! | `index.html` | every chart with its card |
//!
//! The loader, the wasm and the embed page are copied into `www/` and `pkg/` beside them.

use crate::fonts::Fonts;
use crate::render::{json_text, png_of, spec_of, svg_of, Failure, Frame};
use indicator_chart::chart::Chart;
// HTML content and attribute values are escaped as the SVG export's text: labels stay text.
use indicator_chart::escape;
use indicator_chart::{Locale, PageText};
use std::path::{Path, PathBuf};

/// The card: 1200×630 device pixels from a 600×315 CSS-pixel frame, so its text reads at
/// twice the size when a timeline shows it small.
const CARD: Frame = Frame { width: 600.0, height: Some(315.0), scale: 2.0, dark: false };
/// The chart at the width articles show it.
const NATURAL_WIDTH: f32 = 800.0;
/// Files of the repository the pages need, copied as they are.
const ASSETS: [&str; 10] = [
    "www/indicator-chart.js",
    "www/indicator-chart-table.js",
    "www/embed.html",
    "www/embed.js",
    "www/embed.css",
    "www/embed-host.js",
    "www/site.css",
    "www/favicon.svg",
    "pkg/indicator_chart.js",
    "pkg/indicator_chart_bg.wasm",
];

/// Where and for whom the site is written.
pub struct Site<'a> {
    pub out: &'a Path,
    /// The absolute URL the folder will be served at, ending in `/`.
    pub base_url: String,
    /// The repository root the loader and the wasm are copied from.
    pub assets: &'a Path,
    pub fonts: &'a Fonts,
}

/// One chart written: what the index lists.
pub struct Written {
    pub name: String,
    pub title: String,
    pub card: String,
    pub summary: String,
}

/// `base` with exactly one trailing `/`, when it is an absolute http(s) URL.
pub fn base_url(base: &str) -> Result<String, String> {
    let lower = base.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || base.contains(['"', '<', '>', ' ']) {
        return Err(format!("--base-url must be an absolute http(s) URL (found {base:?}): og:image and og:url must be absolute"));
    }
    Ok(format!("{}/", base.trim_end_matches('/')))
}

impl Site<'_> {
    /// Copies the loader, the wasm and the embed page into the output.
    pub fn copy_assets(&self) -> Result<(), String> {
        for file in ASSETS {
            let from = self.assets.join(file);
            let to = self.out.join(file);
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::copy(&from, &to).map_err(|e| {
                format!(
                    "{}: {e} (build the wasm package and the loader first: bash scripts/demo.sh, or scripts/ensure-tools.sh build_pkg)",
                    from.display()
                )
            })?;
        }
        Ok(())
    }

    /// Every file of one chart.
    pub fn write_chart(&self, spec_path: &Path) -> Result<Written, Failure> {
        let name = spec_path.file_stem().and_then(|s| s.to_str()).unwrap_or("chart").to_owned();
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            return Err(Failure::Render(format!("{name}: name the spec with letters, digits, - and _ only (it becomes a URL)")));
        }
        let text = std::fs::read_to_string(spec_path).map_err(|e| Failure::Render(format!("cannot read it: {e}")))?;
        let (mut chart, filled) = spec_of(&text, spec_path.parent().unwrap_or(Path::new(".")))?;
        // A chart that reads a data file is published as the snapshot its images show: the
        // figures written in, so the page draws them without the file (it is not copied).
        let text = match filled {
            Some(indicator_chart::json::Json::Object(entries)) => {
                let snapshot = entries.into_iter().filter(|(k, _)| k != "data" && k != "refresh").collect();
                json_text(&indicator_chart::json::Json::Object(snapshot))
            }
            _ => text,
        };
        let write = |file: &str, bytes: &[u8]| {
            let path = self.out.join(file);
            std::fs::write(&path, bytes).map_err(|e| Failure::Render(format!("{}: {e}", path.display())))
        };
        let natural = Frame { width: NATURAL_WIDTH, height: None, scale: 1.0, dark: false };
        let svg = svg_of(&mut chart, &natural, self.fonts)?;
        let png2x = png_of(&svg, 2.0, self.fonts)?;
        let card_png = png_of(&svg_of(&mut chart, &Frame { scale: 1.0, ..CARD }, self.fonts)?, CARD.scale, self.fonts)?;
        let card = format!("{name}.card.{:010x}.png", fnv1a(&card_png) >> 24);
        write(&format!("{name}.json"), text.as_bytes())?;
        write(&format!("{name}.svg"), svg.as_bytes())?;
        write(&format!("{name}@2x.png"), &png2x)?;
        write(&card, &card_png)?;
        write(&format!("{name}.csv"), chart.csv_text().as_bytes())?;
        // The page text once per chart: it holds the summary, made from all the data.
        let page = chart.page_text();
        let natural_height = svg_height(&svg).unwrap_or(480.0);
        write(&format!("{name}.oembed.json"), self.oembed(&name, &page, &card, natural_height).as_bytes())?;
        write(&format!("{name}.html"), self.chart_page(&name, &chart, &page, &card, natural_height).as_bytes())?;
        Ok(Written { name, title: page.title, card, summary: page.description })
    }

    fn url(&self, file: &str) -> String {
        format!("{}{file}", self.base_url)
    }

    /// The iframe snippet: the embed page (which reports its height) and the host script.
    fn snippet(&self, name: &str, title: &str, height: f32) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;border:0\" height=\"{}\" loading=\"lazy\"></iframe>\n<script src=\"{}\" async></script>",
            escape(&self.url(&format!("www/embed.html?spec=../{name}.json"))),
            escape(title),
            (height + 64.0).ceil(),
            escape(&self.url("www/embed-host.js"))
        )
    }

    fn oembed(&self, name: &str, page: &PageText, card: &str, height: f32) -> String {
        let value = serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": page.title,
            "provider_name": "indicator-chart",
            "provider_url": self.base_url,
            "html": self.snippet(name, &page.title, height),
            "width": NATURAL_WIDTH,
            "height": (height + 64.0).ceil(),
            "thumbnail_url": self.url(card),
            "thumbnail_width": 1200,
            "thumbnail_height": 630,
        });
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    fn chart_page(&self, name: &str, chart: &Chart, page: &PageText, card: &str, height: f32) -> String {
        let ja = page.locale == Locale::Ja;
        let pick = |j: &'static str, e: &'static str| if ja { j } else { e };
        let (title, summary) = (escape(&page.title), escape(&page.description));
        let url = self.url(&format!("{name}.html"));
        let mut h = String::with_capacity(8192);
        h.push_str(&format!("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", page.locale.tag()));
        h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:\">\n");
        h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.push_str(&format!(
            "<title>{title}</title>\n<meta name=\"description\" content=\"{summary}\">\n<link rel=\"canonical\" href=\"{}\">\n",
            escape(&url)
        ));
        let og = [
            ("og:type", "article".to_owned()),
            ("og:title", page.title.clone()),
            ("og:description", page.description.clone()),
            ("og:url", url.clone()),
            ("og:image", self.url(card)),
            ("og:image:type", "image/png".to_owned()),
            ("og:image:width", "1200".to_owned()),
            ("og:image:height", "630".to_owned()),
            ("og:image:alt", page.description.clone()),
            ("og:locale", pick("ja_JP", "en_US").to_owned()),
        ];
        for (property, content) in og {
            h.push_str(&format!("<meta property=\"{property}\" content=\"{}\">\n", escape(&content)));
        }
        for (name_, content) in [
            ("twitter:card", "summary_large_image".to_owned()),
            ("twitter:title", page.title.clone()),
            ("twitter:description", page.description.clone()),
            ("twitter:image", self.url(card)),
            ("twitter:image:alt", page.description.clone()),
        ] {
            h.push_str(&format!("<meta name=\"{name_}\" content=\"{}\">\n", escape(&content)));
        }
        h.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
            escape(&self.url(&format!("{name}.oembed.json"))),
            escape(&page.title)
        ));
        h.push_str(
            "<link rel=\"icon\" href=\"www/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"www/site.css\">\n",
        );
        h.push_str("<script type=\"module\" src=\"www/indicator-chart.js\"></script>\n</head>\n<body>\n");
        h.push_str(&format!("<p class=\"crumbs\"><a href=\"index.html\">{}</a></p>\n<main>\n", pick("グラフの一覧", "All charts")));
        // The chart's own title is the page's heading (level 1), so it is not printed twice.
        h.push_str(&format!("<indicator-chart src=\"{name}.json\" heading-level=\"1\"></indicator-chart>\n"));
        // Without scripts: the heading, the card image with the summary as its text, the data as a table.
        h.push_str(&format!(
            "<noscript><div class=\"fallback\"><h1>{title}</h1><img src=\"{}\" width=\"1200\" height=\"630\" alt=\"{summary}\">\n{}</div></noscript>\n",
            escape(card),
            table_html(chart)
        ));
        h.push_str(&format!("<h2>{}</h2>\n<ul class=\"files\">\n", pick("ファイル", "Files")));
        for (file, label) in [
            (format!("{name}@2x.png"), pick("画像（PNG）", "Image (PNG)")),
            (format!("{name}.svg"), pick("画像（SVG）", "Image (SVG)")),
            (format!("{name}.csv"), pick("データ（CSV）", "Data (CSV)")),
            (format!("{name}.json"), pick("仕様（JSON）", "Spec (JSON)")),
        ] {
            h.push_str(&format!("<li><a href=\"{}\">{label}</a></li>\n", escape(&file)));
        }
        h.push_str("</ul>\n");
        h.push_str(&format!(
            "<h2>{}</h2>\n<p>{}</p>\n<pre class=\"snippet\"><code>{}</code></pre>\n",
            pick("ほかのページに埋め込む", "Embed in another page"),
            pick(
                "スクリプトを書けないCMSでも、このiframeを貼り付ければ表示できます。scriptの行は高さを合わせるためのもので、ページに1回あれば足ります。",
                "Paste this iframe into pages that allow no scripts. The script line sizes the iframe to the chart; once per page is enough."
            ),
            escape(&self.snippet(name, &page.title, height))
        ));
        h.push_str("</main>\n</body>\n</html>\n");
        h
    }

    /// `index.html`: every chart with its card, title and summary.
    pub fn index(&self, charts: &[Written]) -> Result<(), String> {
        let mut h = String::from("<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; style-src 'self'; img-src 'self'\">\n");
        h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>グラフの一覧</title>\n");
        h.push_str("<link rel=\"icon\" href=\"www/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"www/site.css\">\n</head>\n<body>\n<main>\n<h1>グラフの一覧</h1>\n<ul class=\"charts\">\n");
        for c in charts {
            h.push_str(&format!(
                "<li><a href=\"{}.html\"><img src=\"{}\" width=\"1200\" height=\"630\" alt=\"\" loading=\"lazy\">{}</a></li>\n",
                escape(&c.name),
                escape(&c.card),
                escape(&c.title)
            ));
        }
        h.push_str("</ul>\n</main>\n</body>\n</html>\n");
        std::fs::write(self.out.join("index.html"), h).map_err(|e| format!("index.html: {e}"))
    }
}

/// The chart's data table as HTML (every cell as text).
fn table_html(chart: &Chart) -> String {
    let t = chart.table();
    let mut h = format!("<table>\n<caption>{}</caption>\n<thead><tr>", escape(&t.caption));
    for head in &t.header {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape(head)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for (head, cells) in &t.rows {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(head)));
        for c in cells {
            h.push_str(&format!("<td>{}</td>", escape(c)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    for note in &t.footnotes {
        h.push_str(&format!("<p>{}</p>\n", escape(note)));
    }
    h
}

/// The height attribute of an SVG document's root.
fn svg_height(svg: &str) -> Option<f32> {
    let root = &svg[..svg.find('>')?];
    let at = root.find(" height=\"")? + 9;
    root[at..].split('"').next()?.parse().ok()
}

/// FNV-1a, 64 bits: the card's name changes with its pixels.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The `.json` files of `dir`, sorted.
pub fn specs_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().ends_with(".oembed.json"))
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(format!("{}: no .json specs", dir.display()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_text_in_pages_and_attributes() {
        assert_eq!(escape("<img src=x onerror=alert(1)>&"), "&lt;img src=x onerror=alert(1)&gt;&amp;");
        assert_eq!(escape("a\"b'"), "a&quot;b&apos;");
    }

    #[test]
    fn the_base_url_must_be_absolute() {
        assert_eq!(base_url("https://example.go.jp/charts").unwrap(), "https://example.go.jp/charts/");
        assert_eq!(base_url("https://example.go.jp/charts///").unwrap(), "https://example.go.jp/charts/");
        assert!(base_url("/charts").is_err());
        assert!(base_url("javascript:alert(1)").is_err());
    }
}
