//! The CSV file of a chart's table, as the widget's download and the static site write it:
//! UTF-8 with a BOM (so Excel reads Japanese), CRLF, quoted only where needed, and any cell a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at its start) made text with
//! a leading `'` — except numbers and the lone `-` symbol, which stay what they are.

/// The whole file for `rows` (header first).
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

/// One cell. Written with plain loops over bytes and chars: every `format!`, `replace` and
/// pattern search would bring its own code into the wasm.
fn push_cell(out: &mut String, cell: &str) {
    // The typographic minus of printed numbers (−1,234) is a spreadsheet's "-".
    let (minus, rest) = match cell.strip_prefix('\u{2212}') {
        Some(rest) if is_number(rest, false) => (true, rest),
        _ => (false, cell),
    };
    let first = if minus { Some('-') } else { rest.chars().next() };
    let formula = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) && !minus && rest != "-" && !is_number(rest, true);
    // Spaces at either end are kept by quoting (readers trim unquoted ones).
    let edge_space = |b: Option<&u8>| b.is_some_and(u8::is_ascii_whitespace);
    let quote = rest.bytes().any(|b| matches!(b, b'"' | b',' | b'\r' | b'\n'))
        || edge_space(rest.as_bytes().first())
        || edge_space(rest.as_bytes().last());
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if minus {
        out.push('-');
    }
    for c in rest.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Digits with `,` and `.`, at least one digit, an optional `%` at the end, and (`signed`) an
/// optional sign in front: what a spreadsheet reads as a number.
fn is_number(text: &str, signed: bool) -> bool {
    let mut bytes = text.as_bytes();
    if signed && matches!(bytes.first(), Some(b'+' | b'-')) {
        bytes = &bytes[1..];
    }
    if bytes.last() == Some(&b'%') {
        bytes = &bytes[..bytes.len() - 1];
    }
    bytes.iter().any(u8::is_ascii_digit) && bytes.iter().all(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn a_bom_crlf_and_quotes_only_where_needed() {
        assert_eq!(
            csv_text(&rows(&[&["時点", "保有率（%）"], &["2025-07", "79"], &["2025-08", ""]])),
            "\u{FEFF}時点,保有率（%）\r\n2025-07,79\r\n2025-08,\r\n"
        );
        assert_eq!(csv_text(&rows(&[&["x,y", "say \"hi\""]])), "\u{FEFF}\"x,y\",\"say \"\"hi\"\"\"\r\n");
        assert_eq!(csv_text(&rows(&[&[" lead", "trail ", "two\nlines"]])), "\u{FEFF}\" lead\",\"trail \",\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_become_text_and_numbers_and_symbols_stay() {
        let line = |cells: &[&str]| csv_text(&rows(&[cells])).trim_start_matches('\u{FEFF}').trim_end().to_owned();
        assert_eq!(line(&["=HYPERLINK(\"x\")", "+1+2", "@SUM(A1)", "-A1"]), "\"'=HYPERLINK(\"\"x\"\")\",'+1+2,'@SUM(A1),'-A1");
        assert_eq!(line(&["-12.5", "+3", "-", "\u{2212}1,234", "\u{2212}5%"]), "-12.5,+3,-,\"-1,234\",-5%");
    }
}
