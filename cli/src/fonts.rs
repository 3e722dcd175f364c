//! The font the native renderer draws with, loaded from explicit files so that an image is the
//! same on every machine, and a text measurer that reads advances from those same files: layout
//! then sizes every label exactly as resvg will draw it (the estimates that native layout uses
//! elsewhere are only safe upper bounds).

use indicator_chart::text::{Font, TextMeasure};
use resvg::usvg::fontdb;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the regular and bold faces are looked for, first match wins: `--font-dir` or
/// `INDICATOR_CHART_FONTS`, the pinned Noto Sans JP TrueType files the npm dev tools install
/// (`@expo-google-fonts/noto-sans-jp`, OFL), then Debian's `fonts-noto-cjk`.
const CANDIDATES: [(&str, &str); 2] = [
    (
        "node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
        "node_modules/@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
    ),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
];
const DIR_FILES: (&str, &str) = ("NotoSansJP_400Regular.ttf", "NotoSansJP_700Bold.ttf");

/// A loaded face: its bytes (kept for the life of the process) and its index in a collection.
struct Face {
    path: PathBuf,
    data: &'static [u8],
    index: u32,
}

/// The regular and bold faces, as resvg's font database and as a measurer.
pub struct Fonts {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
    /// What resvg draws with: exactly these two faces, nothing from the system.
    pub database: Arc<fontdb::Database>,
    /// The family name resvg should fall back to (the faces' own).
    pub family: String,
}

impl Fonts {
    /// Loads the fonts from `dir` (`NotoSansJP_400Regular.ttf` and `NotoSansJP_700Bold.ttf`),
    /// or from the first place in [`CANDIDATES`] that has both, relative to `root`.
    pub fn load(dir: Option<&Path>, root: &Path) -> Result<Fonts, String> {
        let pairs: Vec<(PathBuf, PathBuf)> = match dir {
            Some(d) => vec![(d.join(DIR_FILES.0), d.join(DIR_FILES.1))],
            None => CANDIDATES.iter().map(|(r, b)| (root.join(r), root.join(b))).collect(),
        };
        let Some((regular, bold)) = pairs.iter().find(|(r, b)| r.is_file() && b.is_file()) else {
            let tried: Vec<String> = pairs.iter().map(|(r, _)| r.display().to_string()).collect();
            return Err(format!(
                "no font to draw with: tried {} (run `npm ci` for the pinned Noto Sans JP, or install Debian's fonts-noto-cjk, or pass --font-dir)",
                tried.join(", ")
            ));
        };
        let (regular, bold) = (open(regular)?, open(bold)?);
        let parse = |f: &Face| {
            ttf_parser::Face::parse(f.data, f.index).map_err(|e| format!("{}: not a font the renderer can read ({e})", f.path.display()))
        };
        let (regular_face, bold_face) = (parse(&regular)?, parse(&bold)?);
        let family = family_name(&regular_face).unwrap_or_else(|| "Noto Sans JP".to_owned());
        let mut database = fontdb::Database::new();
        for f in [&regular, &bold] {
            database.load_font_source(fontdb::Source::Binary(Arc::new(f.data)));
        }
        database.set_sans_serif_family(family.clone());
        Ok(Fonts { regular: regular_face, bold: bold_face, database: Arc::new(database), family })
    }

    fn face(&self, bold: bool) -> &ttf_parser::Face<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

impl TextMeasure for Fonts {
    /// The sum of the glyph advances, as resvg lays a line out (CJK and Latin in these fonts
    /// have no kerning that changes a label's width by more than a fraction of a pixel).
    fn width(&self, text: &str, font: Font) -> f32 {
        let face = self.face(font.bold);
        let per_em = face.units_per_em() as f32;
        let notdef = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(face.units_per_em()) as f32;
        let mut units = 0.0;
        for c in text.chars() {
            units += face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(notdef, f32::from);
        }
        units / per_em * font.size
    }
}

/// Reads a font file once for the life of the process; in a collection (Debian's `.ttc`) the
/// Japanese face.
fn open(path: &Path) -> Result<Face, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    let index = (0..count)
        .find(|&i| ttf_parser::Face::parse(data, i).ok().and_then(|f| family_name(&f)).is_some_and(|n| n.ends_with(" JP")))
        .unwrap_or(0);
    Ok(Face { path: path.to_owned(), data, index })
}

/// The face's family name (name ID 1, in English where there is a choice).
fn family_name(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    (0..names.len())
        .filter_map(|i| names.get(i))
        .filter(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
        .find_map(|n| n.to_string())
}
