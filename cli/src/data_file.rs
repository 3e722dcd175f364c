//! A spec's `data` file read from disk, for the native renderer: the same file the widget
//! fetches, found relative to the spec file as the loader finds it relative to the spec's
//! URL, decoded as browsers decode it (a BOM's UTF-8 or UTF-16, else UTF-8, else Shift_JIS / Windows-31J by the WHATWG
//! Encoding Standard, which encoding_rs implements), then read by the library's one parser.

use indicator_chart::data::Fetched;
use indicator_chart::MAX_DATA_BYTES;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The file `url` names, relative to `spec_dir`. Only files: the CLI makes images offline and
/// never fetches (download an `http(s):` file first and point the spec at the copy).
pub fn read_data_file(spec_dir: &Path, url: &str) -> Result<Fetched, String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err(format!("data.url: {url}: the command line reads data files from disk; download it and give its path"));
    }
    if url.starts_with('/') {
        // In a page, /x.csv is the site's root; on disk there is no such root to find.
        return Err(format!("data.url: {url}: give the path relative to the spec file for the command line"));
    }
    let relative = url.split(['?', '#']).next().unwrap_or(url);
    let path = spec_dir.join(relative);
    let size = std::fs::metadata(&path).map_err(|e| format!("data.url: {}: {e}", path.display()))?.len();
    if size > MAX_DATA_BYTES as u64 {
        return Err(format!("data.url: {}: the file is larger than {} MB", path.display(), MAX_DATA_BYTES >> 20));
    }
    let bytes = std::fs::read(&path).map_err(|e| format!("data.url: {}: {e}", path.display()))?;
    // A BOM first (UTF-8, or UTF-16 as Excel's 「Unicode テキスト」 saves), as the browser reads it.
    let text = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, _)) => encoding.decode_with_bom_removal(&bytes).0.into_owned(),
        None => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => encoding_rs::SHIFT_JIS.decode(e.as_bytes()).0.into_owned(),
        },
    };
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    Ok(Fetched { text, content_type: None, last_modified: modified.map(http_date) })
}

/// A file time as an HTTP date (`Wed, 03 Dec 2025 01:00:00 GMT`), as a server's Last-Modified.
fn http_date(time: SystemTime) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn file_times_print_as_http_dates() {
        assert_eq!(http_date(UNIX_EPOCH), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(UNIX_EPOCH + Duration::from_secs(1_764_723_600)), "Wed, 03 Dec 2025 01:00:00 GMT");
    }
}
