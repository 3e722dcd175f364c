//! Colours and type from the Digital Agency design system (DADS) so that every ministry's
//! charts look alike. Series colours all reach 3:1 against white (WCAG 1.4.11).

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Color {
    pub const fn rgb(hex: u32) -> Color {
        Color { r: (hex >> 16) as u8, g: (hex >> 8) as u8, b: hex as u8, a: 255 }
    }

    /// `#rrggbb`, or `rgba(r,g,b,a)` when translucent.
    pub fn css(&self) -> String {
        if self.a == 255 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!("rgba({},{},{},{:.3})", self.r, self.g, self.b, self.a as f32 / 255.0)
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(&self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio between two opaque colours (1 to 21).
    pub fn contrast(&self, other: &Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The Digital Agency's dashboard palettes (policy-dashboard-assets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Blue,
    LightBlue,
    Cyan,
    Green,
    Orange,
    Red,
    SolidGray,
}

impl ThemeName {
    pub const NAMES: &'static [&'static str] = &["Blue", "LightBlue", "Cyan", "Green", "Orange", "Red", "SolidGray"];

    pub fn parse(name: &str) -> Option<ThemeName> {
        let all = [ThemeName::Blue, ThemeName::LightBlue, ThemeName::Cyan, ThemeName::Green, ThemeName::Orange, ThemeName::Red, ThemeName::SolidGray];
        Self::NAMES.iter().position(|n| *n == name).map(|i| all[i])
    }
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineDash {
    #[default]
    Solid,
    Dashed,
    Dotted,
}

/// The shape of a point marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MarkerShape {
    #[default]
    Circle,
    Square,
    Triangle,
    Diamond,
    None,
}

/// Everything a renderer needs to know about the look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Color,
    pub text: Color,
    pub muted_text: Color,
    pub grid: Color,
    pub baseline: Color,
    pub series: Vec<Color>,
    pub font_family: &'static str,
    /// Axis and legend text size; DADS sets 14 px as the smallest.
    pub label_size: f32,
}

/// DADS font stack, with the system Japanese fonts each platform has when Noto Sans JP
/// is not installed as a web font (Linux: Noto Sans CJK JP; macOS: Hiragino; Windows: Yu Gothic, Meiryo).
pub const FONT_FAMILY: &str =
    "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, -apple-system, BlinkMacSystemFont, sans-serif";

impl Default for Theme {
    /// The Agency's "Blue" dashboard theme, with its lighter blues replaced by DADS colours
    /// that keep 3:1 against white and differ in hue from their neighbours.
    fn default() -> Self {
        Theme {
            background: Color::rgb(0xFFFFFF),
            text: Color::rgb(0x1A1A1A),
            muted_text: Color::rgb(0x4D4D4D),
            grid: Color::rgb(0xE6E6E6),
            baseline: Color::rgb(0x666666),
            series: vec![
                Color::rgb(0x0017C1),
                Color::rgb(0xC74700),
                Color::rgb(0x197A4B),
                Color::rgb(0x3460FB),
                Color::rgb(0x927200),
                Color::rgb(0x4D4D4D),
            ],
            font_family: FONT_FAMILY,
            label_size: 14.0,
        }
    }
}

impl Theme {
    /// The colour of series `index`, cycling through the palette.
    pub fn series_color(&self, index: usize) -> Color {
        self.series[index % self.series.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_published_figures() {
        let white = Color::rgb(0xFFFFFF);
        assert!((Color::rgb(0x0017C1).contrast(&white) - 11.1).abs() < 0.1);
        assert!((Color::rgb(0x7096F8).contrast(&white) - 2.84).abs() < 0.02);
    }

    #[test]
    fn default_theme_meets_wcag_on_its_background() {
        let t = Theme::default();
        assert!(t.text.contrast(&t.background) >= 4.5);
        assert!(t.muted_text.contrast(&t.background) >= 4.5);
        for c in &t.series {
            assert!(c.contrast(&t.background) >= 3.0, "{} fails 3:1", c.css());
        }
        assert!(t.label_size >= 14.0);
    }
}
