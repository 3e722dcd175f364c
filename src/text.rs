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

/// Characters that never begin a line (JLREQ 3.1.7 and 3.1.10 line-start prohibitions):
/// closing brackets and punctuation, small kana, iteration marks, the prolonged sound mark,
/// 〜 and the hyphens, and the ASCII closers.
const NO_LINE_START: &str = "、。，．・：；？！ー―‐〜）」』】〕〉》〙〗］｝〟”’…‥%％!),.:;?]}\
ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ";
/// Characters that never end a line (JLREQ 3.1.8): opening brackets.
const NO_LINE_END: &str = "（「『【〔〈《〘〖［｛〝“‘([{";

/// Part of a run that is never split: ASCII and full-width digits and Latin letters
/// (`2025`, `DX`, `ＤＸ`).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Whether a line may break between `chars[at - 1]` and `chars[at]`, as Japanese typesetting
/// allows (JLREQ): never before a closer, small kana or iteration mark, never after an opening
/// bracket, and never inside a run of digits and Latin letters, a number's `,` and `.`
/// included (`4,365`, `97.8`).
pub fn line_break_allowed(chars: &[char], at: usize) -> bool {
    let (Some(&before), Some(&after)) = (at.checked_sub(1).and_then(|i| chars.get(i)), chars.get(at)) else { return false };
    // U+31F0–31FF: the small katakana for Ainu (ㇰ…ㇿ), as a range rather than 16 characters.
    if NO_LINE_START.chars().any(|c| c == after) || matches!(after, 'ㇰ'..='ㇿ') || NO_LINE_END.chars().any(|c| c == before) {
        return false;
    }
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit() || matches!(c, '０'..='９'));
    if is_word_char(before) && is_word_char(after) {
        return false;
    }
    // `4,365` and `97.8`: the separator belongs to its number on both sides.
    if matches!(before, ',' | '.' | '，' | '．') && at >= 2 && digit(at - 2) && digit(at) {
        return false;
    }
    true
}

/// `text` on at most `max_lines` lines of at most `room` wide, broken where Japanese text
/// may break ([`line_break_allowed`]), preferring a break after `・`, a space, `、` or `/`
/// in the second half of a line; the last line is cut with "…" when the rest does not fit.
/// A run that has no allowed break within `room` (one long word) is broken where it must.
pub fn wrap_to_width(text: &str, room: f32, font: Font, measure: &dyn TextMeasure, max_lines: usize) -> Vec<String> {
    if measure.width(text, font) <= room || max_lines <= 1 {
        return vec![truncate_to_width(text, room, font, measure).0];
    }
    let chars: Vec<char> = text.chars().collect();
    let fits = |from: usize, to: usize| measure.width(&string_of(&chars[from..to]), font) <= room;
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if lines.len() == max_lines - 1 {
            let rest = string_of(&chars[start..]);
            lines.push(truncate_to_width(rest.trim(), room, font, measure).0);
            break;
        }
        let mut end = start + 1;
        while end < chars.len() && fits(start, end + 1) {
            end += 1;
        }
        if end < chars.len() {
            let half = start + (end - start) / 2;
            let preferred = (half..end).rev().find(|&p| matches!(chars[p], '・' | ' ' | '、' | '/') && line_break_allowed(&chars, p + 1));
            if let Some(p) = preferred {
                end = p + 1;
            } else if let Some(b) = (start + 1..=end).rev().find(|&b| line_break_allowed(&chars, b)) {
                end = b;
            }
        }
        lines.push(string_of(&chars[start..end]).trim().to_owned());
        start = end;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<usize> {
        let chars: Vec<char> = text.chars().collect();
        (1..chars.len()).filter(|&i| line_break_allowed(&chars, i)).collect()
    }

    #[test]
    fn lines_break_where_japanese_typesetting_allows() {
        // Never after an opening bracket, never before a closer.
        assert_eq!(breaks("率（速報）"), vec![1, 3], "率|（速報）, not （|速 or 報|）");
        // Small kana, iteration marks and the prolonged sound mark never start a line.
        for no_start in ["ッ", "ャ", "ぇ", "ヵ", "々", "ゝ", "ー", "〜", "‐", "］", "｝", "〟"] {
            assert!(!breaks(&format!("あ{no_start}")).contains(&1), "{no_start} must not start a line");
        }
        for no_end in ["（", "「", "『", "【", "〔", "〈", "《", "“", "‘"] {
            assert!(!breaks(&format!("{no_end}あ")).contains(&1), "{no_end} must not end a line");
        }
        // Runs of digits and Latin letters stay whole, numbers with their separators.
        assert_eq!(breaks("2025年度DX推進"), vec![4, 5, 6, 8, 9]);
        assert_eq!(breaks("4,365条項"), vec![5, 6]);
        assert_eq!(breaks("97.8%の"), vec![5]);
        assert_eq!(breaks("ＤＸ化"), vec![2]);
    }

    #[test]
    fn wrapped_labels_keep_brackets_words_and_numbers_whole() {
        let f = Font { size: 14.0, bold: false };
        let m = EstimatedMeasure;
        // Room for 6 CJK characters a line.
        let lines = wrap_to_width("行政手続のオンライン化（2025年度）", 84.0, f, &m, 3);
        assert!(lines.iter().all(|l| !l.ends_with('（') && !l.starts_with('）')), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("2025")), "2025 is never split: {lines:?}");
        let lines = wrap_to_width("マイナンバーカードの保有枚数", 84.0, f, &m, 3);
        assert!(lines.iter().all(|l| !l.starts_with(['ー', 'ッ', 'ャ', 'ュ', 'ョ'])), "{lines:?}");
        let lines = wrap_to_width("アナログ規制4,365条項の見直し", 84.0, f, &m, 3);
        assert!(lines.iter().any(|l| l.contains("4,365")), "{lines:?}");
        for line in &lines {
            assert!(m.width(line, f) <= 84.0, "{line} overflows");
        }
    }

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
