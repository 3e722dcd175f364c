//! The standalone document around a plot: the title and subtitle above it, the footer
//! (notes, 出典, 時点 and 更新日) below it, laid out once for every image output — the SVG
//! export in the browser and natively, and the PNG rasterised from it.
//!
//! The words are decided elsewhere (the page text, which the DOM prints too) and handed in as
//! [`DocumentText`]; this module only places them, so layout depends on no text output.

use super::PAD;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::text::{truncate_to_width, Font, TextMeasure};
use crate::theme::{Color, Theme};

/// The words of a document, already decided: what `PageText` prints around the canvas.
pub struct DocumentText<'a> {
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    /// Notes, 出典, then 時点 and 更新日: one line each.
    pub footer: &'a [String],
    /// For `<desc>`.
    pub description: &'a str,
    pub lang: &'static str,
}

const TITLE: Font = Font { size: 20.0, bold: true };
const SMALL: Font = Font { size: 14.0, bold: false };
/// From one title line to the next line of the header.
const TITLE_ADVANCE: f32 = 28.0;
/// From one subtitle or footer line to the next.
const SMALL_ADVANCE: f32 = 22.0;
/// Between the header and the plot.
const PLOT_GAP: f32 = 4.0;

/// A chart as an image: the header and footer marks, and the plot's scene below the header.
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub background: Color,
    pub font_family: &'static str,
    /// The document's name and description, for `<title>` and `<desc>`.
    pub title: String,
    pub description: String,
    pub lang: &'static str,
    /// Title, subtitle and footer lines, in document coordinates.
    pub chrome: Vec<Mark>,
    /// Where the plot's scene starts (its own coordinates are relative to this).
    pub plot_top: f32,
    pub plot: Scene,
}

/// How much height the header and footer take around the plot, so a chart can be fitted
/// into a fixed frame (a 1200×630 link card): plot height = frame − this.
pub fn chrome_height(page: &DocumentText) -> f32 {
    let header = PAD + TITLE_ADVANCE + if page.subtitle.is_some() { SMALL_ADVANCE } else { 0.0 } + PLOT_GAP;
    let footer = PAD + page.footer.len() as f32 * SMALL_ADVANCE + PLOT_GAP;
    header + footer
}

/// Lays out `plot` (a chart's scene) with its page text, `plot.width` wide.
pub fn document(plot: Scene, page: &DocumentText, theme: &Theme, measure: &dyn TextMeasure) -> Document {
    let width = plot.width;
    let room = width - 2.0 * PAD;
    let mut chrome = Vec::new();
    let mut line = |y: f32, text: &str, font: Font, color: Color| {
        let (text, _) = truncate_to_width(text, room, font, measure);
        chrome.push(Mark::text(PAD, y, &text, font, color, HAlign::Start, VAlign::Top, measure));
    };
    let mut y = PAD;
    line(y, page.title, TITLE, theme.text);
    y += TITLE_ADVANCE;
    if let Some(sub) = page.subtitle {
        line(y, sub, SMALL, theme.muted_text);
        y += SMALL_ADVANCE;
    }
    let plot_top = y + PLOT_GAP;
    let mut footer_y = plot_top + plot.height + PAD;
    for text in page.footer {
        line(footer_y, text, SMALL, theme.muted_text);
        footer_y += SMALL_ADVANCE;
    }
    Document {
        width,
        height: footer_y + PLOT_GAP,
        background: plot.background,
        font_family: plot.font_family,
        title: page.title.to_owned(),
        description: page.description.to_owned(),
        lang: page.lang,
        chrome,
        plot_top,
        plot,
    }
}
