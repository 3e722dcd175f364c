//! Colours and type from the Digital Agency design system (DADS) so that every ministry's
//! charts look alike: the seven dashboard themes of the Agency, light and dark, checked
//! against WCAG 2.2 (text 4.5:1, graphics 3:1, colour never the only distinction).
//! docs/themes.md lists every contrast.

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
            format!("rgba({},{},{},{})", self.r, self.g, self.b, crate::numfmt::fixed(self.a as f64 / 255.0, 3))
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(&self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                crate::math::pow_2_4((c + 0.055) / 1.055)
            }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
    /// Every theme, in the order of [`ThemeName::NAMES`].
    pub const ALL: [ThemeName; 7] =
        [ThemeName::Blue, ThemeName::LightBlue, ThemeName::Cyan, ThemeName::Green, ThemeName::Orange, ThemeName::Red, ThemeName::SolidGray];

    pub fn parse(name: &str) -> Option<ThemeName> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
    }

    /// The name as the spec writes it: `LightBlue`.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LineDash {
    #[default]
    Solid,
    Dashed,
    Dotted,
}

/// The shape of a point marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MarkerShape {
    #[default]
    Circle,
    Square,
    Triangle,
    Diamond,
    None,
}

/// WCAG 2.2 1.4.3: body text against its background.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// WCAG 2.2 1.4.11: graphical objects (lines, bars, axis lines) against what is next to them.
pub const MIN_GRAPHIC_CONTRAST: f64 = 3.0;

/// Default point markers, by series index modulo 4.
pub const SERIES_MARKERS: [MarkerShape; 4] = [MarkerShape::Circle, MarkerShape::Square, MarkerShape::Triangle, MarkerShape::Diamond];
/// Default line dashes, by series index modulo 3: the first line is solid.
pub const SERIES_DASHES: [LineDash; 3] = [LineDash::Solid, LineDash::Dashed, LineDash::Dotted];

/// How to draw series `i` so that colour is never the only distinction (WCAG 1.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    /// Fill of bars, areas, slices and markers; stroke of lines.
    pub color: Color,
    /// A border for fills (bars, slices, area edges, markers) whose colour is under 3:1
    /// against the background: `Some` exactly when [`Theme::needs_outline`] says so.
    pub outline: Option<Color>,
    /// Stroke of lines and area edges: `Solid, Dashed, Dotted, Solid, …`, so neighbours differ.
    pub dash: LineDash,
    /// Point marker: `Circle, Square, Triangle, Diamond, Circle, …`. Together with the dash,
    /// the first 12 series all differ by shape, and neighbouring series in both.
    pub marker: MarkerShape,
}

/// Everything a renderer needs to know about the look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    /// The dark variant (`colorScheme: dark`).
    pub dark: bool,
    /// The page behind a chart drawn with `card: false`.
    pub background: Color,
    /// The DADS card (`card: true`): #F8F8FB, or DADS grey 800 in the dark.
    pub card_background: Color,
    pub text: Color,
    pub muted_text: Color,
    /// Gridlines: decoration, deliberately faint (no contrast requirement).
    pub grid: Color,
    /// Axis lines, zero lines and tick marks: 3:1 on both backgrounds.
    pub baseline: Color,
    /// Series colours, strong and mutually distinct ones first; see [`Theme::series_style`].
    pub series: Vec<Color>,
    /// The theme's accent (6th of its dataColors) for highlights and reference lines; 3:1.
    pub accent: Color,
    /// Border of fills under 3:1 against the background (the theme's first colour); 3:1.
    pub outline: Color,
    /// DADS focus indicator: yellow ring inside a black outline, in light and dark alike (the
    /// yellow carries it on dark surfaces; a white outline would leave the pair under 3:1).
    pub focus_ring: Color,
    pub focus_outline: Color,
    /// Links (the 出典 URL) and the table and CSV controls: 4.5:1 on both backgrounds.
    pub link: Color,
    /// Table rules between rows: decoration, like the grid.
    pub rule: Color,
    pub font_family: &'static str,
    /// Axis and legend text size; DADS sets 14 px as the smallest.
    pub label_size: f32,
}

/// DADS font stack, with the system Japanese fonts each platform has when Noto Sans JP
/// is not installed as a web font (Linux: Noto Sans CJK JP; macOS: Hiragino; Windows: Yu Gothic, Meiryo).
pub const FONT_FAMILY: &str =
    "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, -apple-system, BlinkMacSystemFont, sans-serif";

/// One theme's colours, light and dark.
struct Palette {
    light: [u32; 8],
    dark: [u32; 8],
    /// Accent, light and dark.
    accent: (u32, u32),
}

/// The themes' series colours. Each starts with the theme's own strongest colour (its
/// dataColors[0], e.g. blue-900 #0017C1), then DADS colours of other hues that reach 3:1 on
/// white and on the card and stay apart for red–green colour-blind readers too (orange-800,
/// green-800, yellow-900, grey-700, or blue-900 / cyan-900 / purple-800 where the theme's own
/// hue is near); the theme's mid colour joins where it reaches 3:1. The theme's light colours
/// (dataColors 3–4) come last and are drawn with an outline. The dark palettes take the
/// light-on-dark tint of each light colour's hue (orange-800 → orange-400 …), so a series
/// keeps its hue in both schemes, and every one reaches 3:1 on the dark background and card.
/// Blue's first six are the colours the charts have always had.
const PALETTES: [Palette; 7] = [
    // Blue
    Palette {
        light: [0x0017C1, 0xC74700, 0x197A4B, 0x3460FB, 0x927200, 0x4D4D4D, 0x7096F8, 0xC5D7FB],
        dark: [0x7096F8, 0xFF8D44, 0x51B883, 0xC5D7FB, 0xFFC700, 0xCCCCCC, 0x4979F5, 0xE8F1FE],
        accent: (0xFE3939, 0xFF7171),
    },
    // LightBlue
    Palette {
        light: [0x0055AD, 0xC74700, 0x197A4B, 0x008BF2, 0x927200, 0x4D4D4D, 0x57B8FF, 0xC0E4FF],
        dark: [0x57B8FF, 0xFF8D44, 0x51B883, 0xC0E4FF, 0xFFC700, 0xCCCCCC, 0x008BF2, 0xF0F9FF],
        accent: (0xFE3939, 0xFF7171),
    },
    // Cyan
    Palette {
        light: [0x006F83, 0xC74700, 0x0017C1, 0x4D4D4D, 0x927200, 0x00A3BF, 0x2BC8E4, 0x99F2FF],
        dark: [0x2BC8E4, 0xFF8D44, 0x7096F8, 0xCCCCCC, 0xFFC700, 0x99F2FF, 0x00A3BF, 0xE9F7F9],
        accent: (0x666666, 0xB3B3B3),
    },
    // Green
    Palette {
        light: [0x115A36, 0xC74700, 0x0017C1, 0x259D63, 0x927200, 0x4D4D4D, 0x51B883, 0x9BD4B5],
        dark: [0x259D63, 0xFF8D44, 0x7096F8, 0x9BD4B5, 0xFFC700, 0xCCCCCC, 0x51B883, 0xE6F5EC],
        accent: (0x666666, 0xB3B3B3),
    },
    // Orange
    Palette {
        light: [0xAC3E00, 0x0017C1, 0x006F83, 0xFB5B01, 0x5C10BE, 0x4D4D4D, 0xFF8D44, 0xFFC199],
        dark: [0xFF8D44, 0x7096F8, 0x2BC8E4, 0xFFC199, 0xCDA6FF, 0xCCCCCC, 0xFB5B01, 0xFFEEE2],
        accent: (0x666666, 0xB3B3B3),
    },
    // Red
    Palette {
        light: [0xCE0000, 0x0017C1, 0x006F83, 0x4D4D4D, 0xFE3939, 0x5C10BE, 0xFF7171, 0xFFBBBB],
        dark: [0xFF7171, 0x7096F8, 0x2BC8E4, 0xCCCCCC, 0xFE3939, 0xCDA6FF, 0xFF9696, 0xFDEEEE],
        accent: (0x666666, 0xB3B3B3),
    },
    // SolidGray
    Palette {
        light: [0x4D4D4D, 0x3460FB, 0x197A4B, 0xC74700, 0x767676, 0xFE3939, 0x999999, 0xCCCCCC],
        dark: [0xE6E6E6, 0x7096F8, 0x51B883, 0xFF8D44, 0xCCCCCC, 0xFF7171, 0xF2F2F2, 0x999999],
        accent: (0x3460FB, 0x7096F8),
    },
];

impl Default for Theme {
    /// The "Blue" dashboard theme, light.
    fn default() -> Self {
        Theme::named(ThemeName::Blue, false)
    }
}

impl Theme {
    /// One of the seven DADS dashboard themes, light or dark.
    pub fn named(name: ThemeName, dark: bool) -> Theme {
        let palette = &PALETTES[name as usize];
        let colors = if dark { &palette.dark } else { &palette.light };
        let series: Vec<Color> = colors.iter().map(|&c| Color::rgb(c)).collect();
        let (background, card_background, text, muted_text, grid, baseline) = if dark {
            // DADS greys 900 / 800; white text, grey 300 for muted text, grey 400 for axes.
            (0x1A1A1A, 0x333333, 0xFFFFFF, 0xB3B3B3, 0x4D4D4D, 0x999999)
        } else {
            (0xFFFFFF, 0xF8F8FB, 0x1A1A1A, 0x4D4D4D, 0xE6E6E6, 0x666666)
        };
        // DADS blue 1000 for links on light surfaces, blue 300 on dark ones.
        let (link, rule) = if dark { (0x9DB7F9, 0x666666) } else { (0x00118F, 0xCCCCCC) };
        Theme {
            name,
            dark,
            background: Color::rgb(background),
            card_background: Color::rgb(card_background),
            text: Color::rgb(text),
            muted_text: Color::rgb(muted_text),
            grid: Color::rgb(grid),
            baseline: Color::rgb(baseline),
            outline: series[0],
            series,
            accent: Color::rgb(if dark { palette.accent.1 } else { palette.accent.0 }),
            focus_ring: Color::rgb(0xFFD43D),
            focus_outline: Color::rgb(0x000000),
            link: Color::rgb(link),
            rule: Color::rgb(rule),
            font_family: FONT_FAMILY,
            label_size: 14.0,
        }
    }

    /// The colour of series `index`, cycling through the palette.
    pub fn series_color(&self, index: usize) -> Color {
        self.series[index % self.series.len()]
    }

    /// Colour, outline, dash and marker of series `index`. Colours cycle every
    /// `series.len()` (8), markers every 4 and dashes every 3: neighbouring series differ in
    /// marker and dash, any two of the first 12 in marker or dash, and the first 24 in
    /// colour, marker or dash.
    pub fn series_style(&self, index: usize) -> SeriesStyle {
        let color = self.series_color(index);
        SeriesStyle {
            color,
            outline: self.outline_for(color),
            dash: SERIES_DASHES[index % SERIES_DASHES.len()],
            marker: SERIES_MARKERS[index % SERIES_MARKERS.len()],
        }
    }

    /// Whether a fill of `color` needs a border to be seen: under 3:1 against the background
    /// or the card (WCAG 1.4.11). Also for a series' own `color` from the spec.
    pub fn needs_outline(&self, color: Color) -> bool {
        color.contrast(&self.background) < MIN_GRAPHIC_CONTRAST || color.contrast(&self.card_background) < MIN_GRAPHIC_CONTRAST
    }

    /// The border a fill of `color` needs, if any (see [`Theme::needs_outline`]).
    pub fn outline_for(&self, color: Color) -> Option<Color> {
        self.needs_outline(color).then_some(self.outline)
    }
}

/// Each theme's map ramp: its lightest tint and its strongest colour that keeps 3:1 against the
/// map's borders (for Blue #E8F1FE → #3460FB, the DADS blue 50 and 600). Single-hue ramps read
/// in lightness alone, so they hold for colour-blind readers too.
#[cfg(feature = "map")]
fn map_ramp(name: ThemeName) -> (u32, u32) {
    match name {
        ThemeName::Blue => (0xE8F1FE, 0x3460FB),
        ThemeName::LightBlue => (0xF0F9FF, 0x008BF2),
        ThemeName::Cyan => (0xE9F7F9, 0x00A3BF),
        ThemeName::Green => (0xE6F5EC, 0x259D63),
        ThemeName::Orange => (0xFFEEE2, 0xFB5B01),
        ThemeName::Red => (0xFDEEEE, 0xFE3939),
        ThemeName::SolidGray => (0xF2F2F2, 0x767676),
    }
}

#[cfg(feature = "map")]
impl Theme {
    /// The line around every prefecture and tile (DADS text black, in both schemes): each class
    /// colour keeps 3:1 against it, so a shape is told from its neighbours by its border even
    /// when their classes are one step apart (WCAG 1.4.11).
    pub fn map_border(&self) -> Color {
        Color::rgb(0x1A1A1A)
    }

    /// Under the hatch of a prefecture without a value: the page in the light, a mid grey in
    /// the dark (3:1 against the border, so the shape's outline does not vanish into the page).
    pub fn map_missing(&self) -> Color {
        if self.dark {
            Color::rgb(0x6E6E6E)
        } else {
            self.background
        }
    }

    /// The hatch lines over [`Theme::map_missing`]: legible on it (3:1) and unlike the tile text.
    pub fn map_hatch(&self) -> Color {
        if self.dark {
            Color::rgb(0x1A1A1A)
        } else {
            self.muted_text
        }
    }

    /// `count` class colours, lowest class first: the theme's ramp from its light tint to its
    /// strongest colour (the other way round in the dark, where more reads brighter). With a
    /// `split` (a diverging scale), the classes under the centre take a second hue (orange, or
    /// blue for the warm themes), getting stronger away from it, the neutral class (if any) a
    /// grey, and the classes over it the theme's own hue.
    pub fn map_classes(&self, count: usize, split: Option<crate::map::Split>) -> Vec<Color> {
        let own = map_ramp(self.name);
        // Dark pages turn a sequential ramp round (more reads brighter); a diverging one keeps
        // its strongest colours at the ends in both, or its two ends would both be pale tints
        // told apart by hue alone.
        let invert = self.dark && split.is_none();
        let mix = |(light, strong): (u32, u32), t: f32| {
            let t = if invert { 1.0 - t } else { t };
            let (a, b) = (Color::rgb(light), Color::rgb(strong));
            let channel = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
            Color { r: channel(a.r, b.r), g: channel(a.g, b.g), b: channel(a.b, b.b), a: 255 }
        };
        let Some(split) = split else {
            let steps = (count.max(2) - 1) as f32;
            return (0..count).map(|k| mix(own, k as f32 / steps)).collect();
        };
        let other = map_ramp(if matches!(self.name, ThemeName::Orange | ThemeName::Red) { ThemeName::Blue } else { ThemeName::Orange });
        // The grey theme's own ramp would meet the neutral grey: its upper side is blue.
        let own = if self.name == ThemeName::SolidGray { map_ramp(ThemeName::Blue) } else { own };
        let below = split.below.min(count);
        let first_above = (below + usize::from(split.neutral)).min(count);
        let above = count - first_above;
        (0..count)
            .map(|k| {
                if k < below {
                    mix(other, (below - k) as f32 / below as f32)
                } else if k < first_above {
                    Color::rgb(if self.dark { 0x767676 } else { 0xF2F2F2 })
                } else {
                    mix(own, (k - first_above + 1) as f32 / above as f32)
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // colour-science reference maths, never in the wasm
mod tests {
    #[cfg(feature = "map")]
    #[test]
    fn every_map_class_keeps_3_to_1_against_the_border_and_steps_in_lightness() {
        for name in ThemeName::ALL {
            for dark in [false, true] {
                let theme = Theme::named(name, dark);
                let border = theme.map_border();
                assert!(theme.map_missing().contrast(&border) >= MIN_GRAPHIC_CONTRAST || !dark, "{name:?}: missing fill");
                assert!(theme.map_hatch().contrast(&theme.map_missing()) >= MIN_GRAPHIC_CONTRAST, "{name:?} dark={dark}: hatch");
                for count in 2..=7 {
                    let splits = [None, Some((count / 2, true)), Some((count / 2, false)), Some((0, false)), Some((count, false))];
                    for center in splits {
                        let split = center.map(|(below, neutral)| crate::map::Split { below, neutral });
                        let colors = theme.map_classes(count, split);
                        assert_eq!(colors.len(), count);
                        for (k, c) in colors.iter().enumerate() {
                            assert!(
                                c.contrast(&border) >= MIN_GRAPHIC_CONTRAST,
                                "{name:?} dark={dark} {count} classes, class {k}: {}",
                                c.css()
                            );
                        }
                        assert!(colors.windows(2).all(|w| w[0] != w[1]), "{name:?} dark={dark} {count} {center:?}: two classes alike");
                        if let Some((_, false)) = center {
                            // No neutral class: the centre is a break, every class has a hue.
                            let grey = |c: &Color| c.r == c.g && c.g == c.b;
                            assert!(!colors.iter().any(grey), "{name:?} dark={dark} {count} {center:?}");
                        }
                        if center.is_none() {
                            // Sequential: lightness changes one way, every step visible.
                            let l: Vec<f64> = colors.iter().map(Color::luminance).collect();
                            let falling = !dark;
                            assert!(
                                l.windows(2).all(|w| if falling { w[1] < w[0] } else { w[1] > w[0] }),
                                "{name:?} dark={dark} {count}: {l:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    use super::*;

    fn all_themes() -> impl Iterator<Item = Theme> {
        ThemeName::ALL.into_iter().flat_map(|name| [Theme::named(name, false), Theme::named(name, true)])
    }

    fn label(t: &Theme) -> String {
        format!("{} {}", t.name.as_str(), if t.dark { "dark" } else { "light" })
    }

    #[test]
    fn contrast_matches_published_figures() {
        let white = Color::rgb(0xFFFFFF);
        assert!((Color::rgb(0x0017C1).contrast(&white) - 11.1).abs() < 0.1);
        assert!((Color::rgb(0x7096F8).contrast(&white) - 2.84).abs() < 0.02);
        assert!((Color::rgb(0x3460FB).contrast(&white) - 4.99).abs() < 0.01);
        assert!((Color::rgb(0xFE3939).contrast(&white) - 3.58).abs() < 0.01);
        assert!((Color::rgb(0x0017C1).contrast(&Color::rgb(0x3460FB)) - 2.23).abs() < 0.07);
    }

    #[test]
    fn default_is_blue_light_with_the_colours_charts_always_had() {
        let t = Theme::default();
        assert_eq!(t, Theme::named(ThemeName::Blue, false));
        let css: Vec<String> = t.series.iter().take(6).map(Color::css).collect();
        assert_eq!(css, ["#0017c1", "#c74700", "#197a4b", "#3460fb", "#927200", "#4d4d4d"]);
        assert_eq!(
            [t.background, t.text, t.muted_text, t.grid, t.baseline].map(|c| c.css()),
            ["#ffffff", "#1a1a1a", "#4d4d4d", "#e6e6e6", "#666666"]
        );
        assert_eq!(t.card_background, Color::rgb(0xF8F8FB));
        assert_eq!(t.font_family, FONT_FAMILY);
    }

    #[test]
    fn names_parse_and_print() {
        assert_eq!(ThemeName::NAMES.len(), ThemeName::ALL.len());
        for (name, text) in ThemeName::ALL.iter().zip(ThemeName::NAMES) {
            assert_eq!(ThemeName::parse(text), Some(*name));
            assert_eq!(name.as_str(), *text);
            assert_eq!(Theme::named(*name, true).name, *name);
        }
        for bad in ["blue", "Grey", "", "Blue "] {
            assert_eq!(ThemeName::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_and_axes_meet_wcag_on_background_and_card() {
        for t in all_themes() {
            for (surface, bg) in [("background", t.background), ("card", t.card_background)] {
                let l = label(&t);
                assert!(t.text.contrast(&bg) >= MIN_TEXT_CONTRAST, "{l}: text on {surface}");
                assert!(t.muted_text.contrast(&bg) >= MIN_TEXT_CONTRAST, "{l}: muted text on {surface}");
                assert!(t.link.contrast(&bg) >= MIN_TEXT_CONTRAST, "{l}: links on {surface}");
                assert!(t.baseline.contrast(&bg) >= MIN_GRAPHIC_CONTRAST, "{l}: baseline on {surface}");
                assert!(t.accent.contrast(&bg) >= MIN_GRAPHIC_CONTRAST, "{l}: accent on {surface}");
                assert!(t.outline.contrast(&bg) >= MIN_GRAPHIC_CONTRAST, "{l}: outline on {surface}");
                // The focus indicator is the pair: one of the two always stands out.
                assert!(t.focus_ring.contrast(&bg).max(t.focus_outline.contrast(&bg)) >= MIN_GRAPHIC_CONTRAST, "{l}: focus");
                // Gridlines are decoration but must stay visible and below the data.
                assert!(t.grid.contrast(&bg) > 1.1 && t.grid.contrast(&bg) < MIN_GRAPHIC_CONTRAST, "{l}: grid on {surface}");
            }
            assert!(t.focus_ring.contrast(&t.focus_outline) >= MIN_GRAPHIC_CONTRAST);
            assert!(t.label_size >= 14.0);
            assert!(t.dark == (t.background.luminance() < 0.1));
        }
    }

    #[test]
    fn strong_colours_come_first_and_weak_ones_get_an_outline() {
        for t in all_themes() {
            let l = label(&t);
            assert_eq!(t.series.len(), 8, "{l}");
            let strong: Vec<bool> = t.series.iter().map(|c| !t.needs_outline(*c)).collect();
            assert!(strong[..4].iter().all(|s| *s), "{l}: the first four reach 3:1 on background and card");
            assert!(strong.windows(2).all(|w| w[0] || !w[1]), "{l}: no strong colour after a weak one: {strong:?}");
            if t.dark {
                assert!(strong.iter().all(|s| *s), "{l}: every dark colour reaches 3:1");
            }
            for (i, c) in t.series.iter().enumerate() {
                let style = t.series_style(i);
                assert_eq!(style.color, *c);
                let worst = c.contrast(&t.background).min(c.contrast(&t.card_background));
                assert_eq!(style.outline.is_some(), worst < MIN_GRAPHIC_CONTRAST, "{l} series {i} {}", c.css());
                if let Some(outline) = style.outline {
                    assert!(outline.contrast(&t.background) >= MIN_GRAPHIC_CONTRAST);
                    assert!(outline.contrast(&t.card_background) >= MIN_GRAPHIC_CONTRAST);
                }
            }
            assert_eq!(t.series.iter().collect::<std::collections::HashSet<_>>().len(), 8, "{l}: no colour twice");
        }
        // A spec's own colour gets the same treatment.
        let light = Theme::default();
        assert_eq!(light.outline_for(Color::rgb(0xFFD43D)), Some(Color::rgb(0x0017C1)));
        assert_eq!(light.outline_for(Color::rgb(0x0017C1)), None);
        let dark = Theme::named(ThemeName::Blue, true);
        assert!(dark.needs_outline(Color::rgb(0x0017C1)));
        assert!(!dark.needs_outline(Color::rgb(0xFFD43D)));
    }

    #[test]
    fn markers_and_dashes_tell_series_apart_without_colour() {
        let t = Theme::default();
        let styles: Vec<SeriesStyle> = (0..24).map(|i| t.series_style(i)).collect();
        assert_eq!((styles[0].marker, styles[0].dash), (MarkerShape::Circle, LineDash::Solid));
        assert_eq!((styles[1].marker, styles[1].dash), (MarkerShape::Square, LineDash::Dashed));
        assert_eq!((styles[2].marker, styles[2].dash), (MarkerShape::Triangle, LineDash::Dotted));
        assert_eq!((styles[3].marker, styles[3].dash), (MarkerShape::Diamond, LineDash::Solid));
        for i in 0..24 {
            for j in i + 1..24 {
                let (a, b) = (&styles[i], &styles[j]);
                if j < 12 {
                    assert!(a.marker != b.marker || a.dash != b.dash, "series {i} and {j} differ in shape");
                }
                assert!(a.color != b.color || a.marker != b.marker || a.dash != b.dash, "series {i} and {j} differ");
            }
        }
        assert!(styles.iter().all(|s| s.marker != MarkerShape::None));
    }

    #[test]
    fn neighbours_under_3_to_1_differ_in_marker_and_dash() {
        for t in all_themes() {
            let n = t.series.len();
            // Every neighbouring pair, including the wrap from the last colour to the first.
            for i in 0..n * 3 {
                let (a, b) = (t.series_style(i), t.series_style(i + 1));
                if a.color.contrast(&b.color) < MIN_GRAPHIC_CONTRAST {
                    assert!(a.marker != b.marker && a.dash != b.dash, "{}: series {i} and {}", label(&t), i + 1);
                }
            }
        }
    }

    // Colour-vision simulation for "mutually distinct": CIELAB distance (ΔE*ab) under normal
    // vision and the Machado et al. (2009) full-severity deuteranopia and protanopia matrices.

    const DEUTAN: [[f64; 3]; 3] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
    const PROTAN: [[f64; 3]; 3] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];

    fn lab(c: Color, vision: Option<&[[f64; 3]; 3]>) -> [f64; 3] {
        let lin = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let mut rgb = [lin(c.r), lin(c.g), lin(c.b)];
        if let Some(m) = vision {
            rgb = [0, 1, 2].map(|i| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0));
        }
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    /// The smallest ΔE between two colours across normal, deutan and protan vision.
    fn distinctness(a: Color, b: Color) -> f64 {
        [None, Some(&DEUTAN), Some(&PROTAN)]
            .into_iter()
            .map(|v| {
                let (p, q) = (lab(a, v), lab(b, v));
                ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
            })
            .fold(f64::MAX, f64::min)
    }

    /// ΔE below which two series colours count as too alike (for any of the three visions).
    const MIN_DISTINCT: f64 = 18.0;

    #[test]
    fn first_colours_are_mutually_distinct_also_for_colour_blind_readers() {
        for t in all_themes() {
            let l = label(&t);
            let head = &t.series[..4];
            for i in 0..4 {
                for j in i + 1..4 {
                    let d = distinctness(head[i], head[j]);
                    assert!(d >= MIN_DISTINCT, "{l}: series {i} {} and {j} {}: ΔE {d:.1}", head[i].css(), head[j].css());
                }
            }
            // Neighbours among the first six (the strong colours of light themes).
            for i in 0..5 {
                let (a, b) = (t.series[i], t.series[i + 1]);
                if t.needs_outline(a) || t.needs_outline(b) {
                    continue;
                }
                let d = distinctness(a, b);
                assert!(d >= MIN_DISTINCT, "{l}: neighbours {i} {} and {} {}: ΔE {d:.1}", a.css(), i + 1, b.css());
            }
        }
    }

    fn marker_name(m: MarkerShape) -> &'static str {
        match m {
            MarkerShape::Circle => "circle",
            MarkerShape::Square => "square",
            MarkerShape::Triangle => "triangle",
            MarkerShape::Diamond => "diamond",
            MarkerShape::None => "none",
        }
    }

    fn dash_name(d: LineDash) -> &'static str {
        match d {
            LineDash::Solid => "solid",
            LineDash::Dashed => "dashed",
            LineDash::Dotted => "dotted",
        }
    }

    fn hex(c: Color) -> String {
        format!("`{}`", c.css().to_uppercase())
    }

    /// The generated part of docs/themes.md.
    fn themes_markdown() -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let (light, dark) = (Theme::default(), Theme::named(ThemeName::Blue, true));
        out.push_str("## Text, axes and outlines (all themes)\n\n");
        out.push_str("Contrast ratios (WCAG 2.2). Text needs 4.5, axes, outlines and the accent 3; gridlines are decoration.\n\n");
        let _ = writeln!(
            out,
            "| element | light | on {} | on card {} | dark | on {} | on card {} |",
            hex(light.background),
            hex(light.card_background),
            hex(dark.background),
            hex(dark.card_background)
        );
        out.push_str("| --- | --- | ---: | ---: | --- | ---: | ---: |\n");
        type Row = (&'static str, fn(&Theme) -> Color);
        let rows: [Row; 5] = [
            ("text", |t| t.text),
            ("muted text", |t| t.muted_text),
            ("baseline, axis", |t| t.baseline),
            ("gridline", |t| t.grid),
            ("focus ring / outline", |t| t.focus_ring),
        ];
        for (name, pick) in rows {
            let (a, b) = (pick(&light), pick(&dark));
            let _ = writeln!(
                out,
                "| {name} | {} | {:.2} | {:.2} | {} | {:.2} | {:.2} |",
                hex(a),
                a.contrast(&light.background),
                a.contrast(&light.card_background),
                hex(b),
                b.contrast(&dark.background),
                b.contrast(&dark.card_background)
            );
        }
        let _ = writeln!(
            out,
            "\nThe focus ring {} sits inside a {} outline (DADS), so one of the two stands out on any background.",
            hex(light.focus_ring),
            hex(light.focus_outline)
        );
        for name in ThemeName::ALL {
            let (l, d) = (Theme::named(name, false), Theme::named(name, true));
            let _ = writeln!(out, "\n## {}\n", name.as_str());
            out.push_str("| # | marker | line | light | on white | on card | vs next | ΔE next | dark | on #1A1A1A | on card | vs next | ΔE next |\n");
            out.push_str("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
            let n = l.series.len();
            for i in 0..n {
                let (ls, ds) = (l.series_style(i), d.series_style(i));
                let cell = |t: &Theme, s: &SeriesStyle| {
                    let next = t.series_color(i + 1);
                    format!(
                        "{}{} | {:.2} | {:.2} | {:.2} | {:.0}",
                        hex(s.color),
                        if s.outline.is_some() { " + outline" } else { "" },
                        s.color.contrast(&t.background),
                        s.color.contrast(&t.card_background),
                        s.color.contrast(&next),
                        distinctness(s.color, next)
                    )
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    i + 1,
                    marker_name(ls.marker),
                    dash_name(ls.dash),
                    cell(&l, &ls),
                    cell(&d, &ds)
                );
            }
            let _ = writeln!(
                out,
                "\nAccent {} ({:.2} on white) / {} ({:.2} on #1A1A1A); outline of light fills {}.",
                hex(l.accent),
                l.accent.contrast(&l.background),
                hex(d.accent),
                d.accent.contrast(&d.background),
                hex(l.outline)
            );
        }
        out
    }

    const BEGIN: &str = "<!-- BEGIN GENERATED by `cargo test theme` (UPDATE_DOCS=1 rewrites it) -->\n";
    const END: &str = "<!-- END GENERATED -->";

    #[test]
    fn docs_themes_md_lists_the_current_contrasts() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/themes.md");
        let doc = std::fs::read_to_string(path).expect("docs/themes.md");
        let (head, rest) = doc.split_once(BEGIN).expect("docs/themes.md has the BEGIN marker");
        let (current, tail) = rest.split_once(END).expect("docs/themes.md has the END marker");
        let fresh = themes_markdown();
        if current != fresh {
            if std::env::var_os("UPDATE_DOCS").is_some() {
                std::fs::write(path, format!("{head}{BEGIN}{fresh}{END}{tail}")).expect("write docs/themes.md");
            } else {
                panic!("docs/themes.md is out of date with src/theme.rs: run UPDATE_DOCS=1 cargo test theme");
            }
        }
    }
}
