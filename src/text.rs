//! Text measurement behind a trait, so layout runs natively (estimated widths, for tests
//! and SVG export) and in the browser (canvas `measureText`, exact, cached).

/// The font of one piece of chart text. The family is the theme's; only size and weight vary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f32,
    pub bold: bool,
}

/// Measures the advance width of text in CSS pixels.
pub trait TextMeasure {
    fn width(&self, text: &str, font: Font) -> f32;
}

/// Width estimates from character classes (Noto Sans JP metrics, rounded up so that
/// estimated layouts never overlap where real text would).
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedMeasure;

impl TextMeasure for EstimatedMeasure {
    fn width(&self, text: &str, font: Font) -> f32 {
        let em: f32 = text.chars().map(char_em).sum();
        em * font.size * if font.bold { 1.05 } else { 1.0 }
    }
}

fn char_em(c: char) -> f32 {
    match c {
        ' ' => 0.25,
        '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'l' | 'j' => 0.3,
        '0'..='9' => 0.58,
        'A'..='Z' | '%' | '&' | '@' | 'm' | 'w' => 0.72,
        c if c.is_ascii() => 0.56,
        '\u{2212}' | '\u{2026}' => 0.6,
        _ => 1.0,
    }
}

/// The text of a run of characters. One shared loop for every place that cuts text by
/// characters (a collect per call site would be its own copy of std's code in the wasm).
pub fn string_of(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    for c in chars {
        out.push(*c);
    }
    out
}

/// `text` shortened with "…" to fit `max_width`; the second value says whether it was cut.
pub fn truncate_to_width(text: &str, max_width: f32, font: Font, measure: &dyn TextMeasure) -> (String, bool) {
    if measure.width(text, font) <= max_width {
        return (text.to_owned(), false);
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search for the longest prefix that fits with the ellipsis.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let mut candidate = string_of(&chars[..mid]);
        candidate.push('…');
        if measure.width(&candidate, font) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut cut = string_of(&chars[..lo]);
    cut.push('…');
    (cut, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_wider_than_digits() {
        let f = Font { size: 14.0, bold: false };
        assert_eq!(EstimatedMeasure.width("保有率", f), 42.0);
        assert!(EstimatedMeasure.width("2025", f) < 42.0);
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let f = Font { size: 14.0, bold: false };
        let (cut, was_cut) = truncate_to_width("フロッピーディスク等", 60.0, f, &EstimatedMeasure);
        assert!(was_cut);
        assert!(cut.ends_with('…'));
        assert!(EstimatedMeasure.width(&cut, f) <= 60.0);
        let (same, was_cut) = truncate_to_width("目視", 60.0, f, &EstimatedMeasure);
        assert_eq!((same.as_str(), was_cut), ("目視", false));
    }
}
