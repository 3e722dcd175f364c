//! The library's front door: a validated chart that can lay itself out, describe itself
//! and export itself. Both the browser binding (`web`) and native callers use only this.

use crate::error::SpecError;
use crate::json::Json;
use crate::layout::layout;
use crate::locale::Locale;
use crate::page_text::PageText;
use crate::scene::Scene;
use crate::spec::{parse_spec, spec_locale, ChartSpec, ColorScheme};
use crate::svg::render_svg_document;
use crate::table::{data_table, DataTable};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// A chart whose spec passed validation.
#[derive(Debug, Clone)]
pub struct Chart {
    spec: ChartSpec,
    theme: Theme,
}

/// The spec's theme in light or dark. Inside the DADS card the chart is drawn on the card's
/// own background, so canvas and card read as one surface.
fn theme_for(spec: &ChartSpec, dark: bool) -> Theme {
    let mut theme = Theme::named(spec.theme, dark);
    if spec.card {
        theme.background = theme.card_background;
    }
    theme
}

/// A spec that failed validation, with its message already in the spec's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError {
    pub error: SpecError,
    pub locale: Locale,
    pub message: String,
}

impl Chart {
    /// Validates a spec.
    pub fn from_json(json: &Json) -> Result<Chart, ChartError> {
        parse_spec(json).map(Chart::new).map_err(|error| {
            let locale = spec_locale(json);
            ChartError { message: error.message(locale), error, locale }
        })
    }

    fn new(spec: ChartSpec) -> Chart {
        let dark = spec.color_scheme == ColorScheme::Dark;
        let theme = theme_for(&spec, dark);
        Chart { spec, theme }
    }

    /// Switches between the light and dark variants of the chart's theme.
    pub fn set_dark(&mut self, dark: bool) {
        self.theme = theme_for(&self.spec, dark);
    }

    pub fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    /// The display list for a `width` × `height` CSS-pixel area.
    pub fn scene(&self, width: f32, height: f32, measure: &dyn TextMeasure) -> Scene {
        layout(&self.spec, &self.theme, width, height, measure)
    }

    /// Title, 出典, 時点 and the rest, for the page around the canvas.
    pub fn page_text(&self) -> PageText {
        PageText::of(&self.spec)
    }

    /// What value `index` of series `series` says when focused or hovered.
    pub fn point_text(&self, series: usize, index: usize) -> String {
        crate::point_text::point_text(&self.spec, series, index)
    }

    /// Every plotted value as a table (full category names, exact numbers).
    pub fn table(&self) -> DataTable {
        data_table(&self.spec)
    }

    /// A standalone SVG of the chart with its title and source, `width` CSS pixels wide and
    /// a plot `height` high (the header and footer add to it).
    pub fn to_svg(&self, width: f32, height: f32, measure: &dyn TextMeasure) -> String {
        render_svg_document(&self.scene(width, height, measure), &self.page_text(), &self.theme, measure)
    }
}
