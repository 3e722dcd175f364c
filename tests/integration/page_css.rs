//! The page around the canvas takes its colours from the Rust theme (the loader sets them as
//! `--ic-*` custom properties from `Chart.colors()`), so theme.rs's contrast tests cover the
//! DOM too. This checks the other half: that the stylesheet writes no colour of its own but
//! the error box's (shown when there is no chart, hence no theme), and that those pass AA.

use crate::common::root;
use indicator_chart::theme::{Color, Theme, ThemeName, MIN_TEXT_CONTRAST};
use std::fs;

/// Every `#rgb`/`#rrggbb` in `css`, upper-cased.
fn hex_colours(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = css.as_bytes();
    for (i, _) in css.match_indices('#') {
        let hex: String = css[i + 1..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let after = bytes.get(i + 1 + hex.len()).copied().unwrap_or(b';');
        if (hex.len() == 3 || hex.len() == 6) && !after.is_ascii_alphanumeric() {
            out.push(hex.to_ascii_uppercase());
        }
    }
    out
}

#[test]
fn the_stylesheet_holds_no_theme_colour_and_its_error_colours_pass_aa() {
    let css = fs::read_to_string(root().join("www/src/styles.css")).unwrap();
    let colours = hex_colours(&css);
    let allowed = ["CE0000", "FFFFFF"];
    let stray: Vec<&String> = colours.iter().filter(|c| !allowed.contains(&c.as_str())).collect();
    assert!(stray.is_empty(), "colours in styles.css that belong to the theme (use var(--ic-…)): {stray:?}");
    assert!(colours.iter().any(|c| c == "CE0000"), "the error box's red is where this test expects it");
    let red = Color::rgb(0xCE0000);
    assert!(red.contrast(&Color::rgb(0xFFFFFF)) >= MIN_TEXT_CONTRAST, "error text on its white box");
    // Every custom property the stylesheet reads is one the loader sets from the theme.
    for var in ["--ic-text", "--ic-muted", "--ic-surface", "--ic-link", "--ic-rule", "--ic-focus", "--ic-focus-ring", "--ic-font"] {
        assert!(css.contains(&format!("var({var}")), "{var} unused");
    }
    let dom = fs::read_to_string(root().join("www/src/style.js")).unwrap();
    let read = css.match_indices("var(--ic-").map(|(i, _)| css[i + 4..].split([',', ')']).next().unwrap_or("")).collect::<Vec<_>>();
    for var in read {
        assert!(dom.contains(&format!("'{var}'")), "styles.css reads {var}, which style.js never sets");
    }
}

#[test]
fn the_dom_text_colours_are_the_themes_and_meet_aa_on_the_chart_surface() {
    // What Chart.colors() hands the page: text, muted and link on the surface they sit on.
    for name in [ThemeName::Blue, ThemeName::Red, ThemeName::SolidGray] {
        for dark in [false, true] {
            let t = Theme::named(name, dark);
            for surface in [t.background, t.card_background] {
                for (what, c) in [("text", t.text), ("muted", t.muted_text), ("link", t.link)] {
                    assert!(c.contrast(&surface) >= MIN_TEXT_CONTRAST, "{name:?} dark={dark}: {what}");
                }
            }
        }
    }
}
