//! RFC 4180 CSV (and tab-separated text pasted from Excel) into rows of fields, each row
//! with the line of the file it starts on, so that every later message can say
//! 「12 行目」. Quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF and
//! CR line ends are all accepted. Nothing is interpreted here: cells stay text.

use super::problem::DataProblem;
use super::MAX_CELLS;

/// One record: the line it starts on (1-based) and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

/// The rows of `text`, at most `limit` of them and `MAX_CELLS` fields in all (counted while
/// reading, so a huge file is refused before it is all held). A leading BOM is dropped. The
/// separator is a tab when the header line (the first after `skip` title lines) has tabs and
/// no commas, else a comma.
pub fn read_rows(text: &str, limit: usize, skip: usize) -> Result<Vec<Row>, (usize, DataProblem)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_start = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').nth(skip.wrapping_sub(1)).map_or(0, |(i, _)| i + 1);
    let first_line = text.bytes().skip(header_start).take_while(|b| *b != b'\n' && *b != b'\r');
    let (mut tabs, mut commas) = (false, false);
    for b in first_line {
        tabs |= b == b'\t';
        commas |= b == b',';
    }
    let separator = if tabs && !commas { b'\t' } else { b',' };

    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = Vec::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut quoted = false; // inside a quoted field
    let mut cells = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => {
                    field.push(b'"');
                    i += 1;
                }
                b'"' => quoted = false,
                b'\n' => {
                    line += 1;
                    field.push(b);
                }
                b'\r' => {
                    // A CR LF inside quotes is one line break, kept as LF.
                    line += 1;
                    field.push(b'\n');
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                _ => field.push(b),
            }
        } else {
            match b {
                b'"' if field.is_empty() => quoted = true,
                b'\r' | b'\n' => {
                    if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    fields.push(take_text(&mut field));
                    if rows.len() == limit {
                        return Err((row_line, DataProblem::TooManyRows { limit }));
                    }
                    rows.push(Row { line: row_line, fields: std::mem::take(&mut fields) });
                    line += 1;
                    row_line = line;
                }
                _ if b == separator => {
                    cells += 1;
                    if cells > MAX_CELLS {
                        return Err((row_line, DataProblem::TooManyCells { limit: MAX_CELLS }));
                    }
                    fields.push(take_text(&mut field));
                }
                // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
                _ => field.push(b),
            }
        }
        i += 1;
    }
    if quoted {
        return Err((row_line, DataProblem::UnclosedQuote));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(take_text(&mut field));
        if rows.len() == limit {
            return Err((row_line, DataProblem::TooManyRows { limit }));
        }
        rows.push(Row { line: row_line, fields });
    }
    Ok(rows)
}

/// The field's bytes as text. The input was a `str` and fields split only at ASCII bytes,
/// so they are whole UTF-8; the lossy conversion never replaces anything.
fn take_text(field: &mut Vec<u8>) -> String {
    let text = String::from_utf8_lossy(field).into_owned();
    field.clear();
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        read_rows(text, 1000, 0).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn rfc_4180_quotes_commas_and_line_breaks() {
        assert_eq!(fields("a,b\r\n1,2\r\n"), [["a", "b"], ["1", "2"]]);
        assert_eq!(fields("a,b\n\"1,234\",\"say \"\"hi\"\"\"\n"), [["a", "b"], ["1,234", "say \"hi\""]]);
        assert_eq!(fields("a,b\n\"two\r\nlines\",2"), [["a", "b"], ["two\nlines", "2"]]);
        assert_eq!(fields("a,,c\n,,\n"), [["a", "", "c"], ["", "", ""]]);
        assert_eq!(fields("a\rb\r"), [["a"], ["b"]]);
        assert_eq!(fields("\u{feff}年度,保有率\n2024,75"), [["年度", "保有率"], ["2024", "75"]]);
        assert_eq!(fields("区分\t値\nA\t1,234\n"), [["区分", "値"], ["A", "1,234"]]);
        assert_eq!(fields("a,b\nx\"y,2"), [["a", "b"], ["x\"y", "2"]]);
        // Tabs are found on the header line, below a title row without them.
        let rows: Vec<Vec<String>> = read_rows("表題\n区分\t値\nA\t1\n", 10, 1).unwrap().into_iter().map(|r| r.fields).collect();
        assert_eq!(rows, [vec!["表題"], vec!["区分", "値"], vec!["A", "1"]]);
    }

    #[test]
    fn rows_know_their_lines() {
        let rows = read_rows("h\n\"a\nb\"\nc\n", 10, 0).unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opened_on() {
        assert_eq!(read_rows("a,b\n1,2\n3,\"open\n4,5\n", 10, 0), Err((3, DataProblem::UnclosedQuote)));
    }

    #[test]
    fn too_many_rows_stop_the_reading() {
        assert_eq!(read_rows("a\n1\n2\n3\n", 3, 0), Err((4, DataProblem::TooManyRows { limit: 3 })));
        assert!(read_rows("a\n1\n2\n", 3, 0).is_ok());
    }
}
