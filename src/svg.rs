//! Document → SVG text: a walker over the same display list the canvas draws, for pages and
//! tools that run no JavaScript (note.com uploads, print) and for native golden tests. It
//! decides nothing about layout (that is `layout::document`'s).
//!
//! Text is escaped, never markup: a title of `<img onerror=…>` stays characters.

use crate::layout::Document;
use crate::scene::{dash_pattern, marker_outline, HAlign, Mark, VAlign};
use crate::text::Font;
use crate::theme::{Color, MarkerShape};
use std::fmt::Write;

/// Where the text baseline sits relative to the em box, as a fraction of the font size
/// (Noto Sans JP: ascent 0.88, descent 0.12). Canvas aligns by the same em box.
fn baseline_offset(v: VAlign, size: f32) -> f32 {
    match v {
        VAlign::Top => size * 0.88,
        VAlign::Middle => size * 0.38,
        VAlign::Bottom => -size * 0.12,
    }
}

/// A standalone document (laid out by `layout::document`): title and subtitle above the
/// plot, notes, 出典, 時点 and 更新日 below, all as `<text>`, with `<title>`/`<desc>` for
/// assistive technology.
pub fn render_svg_document(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{f}" role="img" aria-labelledby="t d" lang="{lang}">"#,
        w = num(doc.width),
        h = num(doc.height),
        f = escape(doc.font_family),
        lang = doc.lang
    );
    let _ = writeln!(out, r#"<title id="t">{}</title>"#, escape(&doc.title));
    let _ = writeln!(out, r#"<desc id="d">{}</desc>"#, escape(&doc.description));
    let _ = writeln!(out, r#"<rect width="{}" height="{}" fill="{}"/>"#, num(doc.width), num(doc.height), doc.background.css());
    write_marks(&mut out, &doc.chrome);
    let _ = writeln!(out, r#"<g transform="translate(0 {})">"#, num(doc.plot_top));
    write_marks(&mut out, &doc.plot.marks);
    out.push_str("</g></svg>\n");
    out
}

/// One element per line, so that a changed golden shows which mark moved.
fn write_marks(out: &mut String, marks: &[Mark]) {
    for mark in marks {
        let before = out.len();
        write_mark(out, mark);
        if out.len() > before {
            out.push('\n');
        }
    }
}

fn write_mark(out: &mut String, mark: &Mark) {
    {
        match mark {
            Mark::Rect { x, y, w, h, fill, stroke } => {
                let _ =
                    write!(out, r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}""#, num(*x), num(*y), num(*w), num(*h), fill.css());
                if let Some(stroke) = stroke {
                    let _ = write!(out, r#" stroke="{}" stroke-width="1""#, stroke.css());
                }
                out.push_str("/>");
            }
            Mark::Rule { x1, y1, x2, y2, width, color } => {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2),
                    color.css(),
                    num(*width)
                );
            }
            Mark::Polyline { points, width, color, dash } => {
                out.push_str(r#"<polyline fill="none" stroke-linejoin="round" stroke-linecap="round" points=""#);
                write_points(out, points);
                let _ = write!(out, r#"" stroke="{}" stroke-width="{}""#, color.css(), num(*width));
                let pattern = dash_pattern(*dash);
                if !pattern.is_empty() {
                    let lengths: Vec<String> = pattern.iter().map(|p| num(p * width)).collect();
                    let _ = write!(out, r#" stroke-dasharray="{}""#, lengths.join(" "));
                }
                out.push_str("/>");
            }
            Mark::Polygon { points, fill, stroke } => {
                out.push_str(r#"<polygon points=""#);
                write_points(out, points);
                let _ = write!(out, r#"" fill="{}""#, fill.css());
                if let Some((color, width)) = stroke {
                    let _ = write!(out, r#" stroke="{}" stroke-width="{}" stroke-linejoin="round""#, color.css(), num(*width));
                }
                out.push_str("/>");
            }
            Mark::Marker { cx, cy, r, shape, fill, ring } => {
                let ring_attrs = ring.map(|c| format!(r#" stroke="{}" stroke-width="1.5""#, c.css())).unwrap_or_default();
                match marker_outline(*shape, *cx, *cy, *r) {
                    None if *shape == MarkerShape::None => {}
                    None => {
                        let _ = write!(
                            out,
                            r#"<circle cx="{}" cy="{}" r="{}" fill="{}"{ring_attrs}/>"#,
                            num(*cx),
                            num(*cy),
                            num(*r),
                            fill.css()
                        );
                    }
                    Some(points) => {
                        out.push_str(r#"<polygon points=""#);
                        write_points(out, &points);
                        let _ = write!(out, r#"" fill="{}"{ring_attrs}/>"#, fill.css());
                    }
                }
            }
            Mark::Text { x, y, text, size, bold, color, h, v, .. } => {
                write_text(out, *x, *y, text, Font { size: *size, bold: *bold }, *color, *h, *v);
            }
        }
    }
}

fn write_points(out: &mut String, points: &[(f32, f32)]) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", num(*x), num(*y));
    }
}

#[allow(clippy::too_many_arguments)]
fn write_text(out: &mut String, x: f32, y: f32, text: &str, font: Font, color: Color, h: HAlign, v: VAlign) {
    let anchor = match h {
        HAlign::Start => "start",
        HAlign::Middle => "middle",
        HAlign::End => "end",
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}"{}>{}</text>"#,
        num(x),
        num(y + baseline_offset(v, font.size)),
        num(font.size),
        color.css(),
        anchor,
        if font.bold { r#" font-weight="700""# } else { "" },
        escape(text)
    );
}

/// Coordinates with at most two decimals and no trailing zeros, so goldens are stable.
fn num(v: f32) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = crate::numfmt::fixed(rounded as f64, 2);
    let text = if rounded < 0.0 { format!("-{text}") } else { text };
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(escape("a\u{0}b&\"'"), "ab&amp;&quot;&apos;");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.001), "1");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
    }
}
