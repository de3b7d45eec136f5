//! The faces the PDF is set in, and where each run's face comes from.
//!
//! Bundled faces are compiled into the binary (`fonts/`, licences beside them), so export works
//! from any folder: Roboto for Latin, Greek, Cyrillic and Vietnamese; Noto Sans Arabic and
//! Noto Sans Hebrew; Noto Sans Math for arrows and operators (→ ⇒ ≠ ≤ ≥); Noto Sans Symbols 2
//! for check marks, boxes and dingbats. Text is set in that list, first face first, per
//! cluster. Scripts none of them covers (Chinese, Japanese, Korean, Thai, Devanagari…) come
//! from the fonts of the project's `fonts/` folder and the user's font folder, then from the
//! system's fonts through fontique's per-script fallback, read only once a character needs
//! them ([`load_system_fonts`]).
//!
//! Every face a run is set in gets a [`Face`] number in one registry for the process, so the
//! pages stay small and plain and the PDF writer and the preview find the same bytes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, RwLock};

use genpdf::fonts::{FontCache, FontData, FontFamily, TextSettings};
use genpdf::parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};
use genpdf::parley::{FontContext, FontData as ParleyFace};

use super::pages::Face;

/// Regular face.
pub const REGULAR: &[u8] = include_bytes!("../../fonts/Roboto-Regular.ttf");
/// Bold face.
pub const BOLD: &[u8] = include_bytes!("../../fonts/Roboto-Bold.ttf");
/// Italic face.
pub const ITALIC: &[u8] = include_bytes!("../../fonts/Roboto-Italic.ttf");
/// Bold italic face.
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Roboto-BoldItalic.ttf");
/// Symbols and dingbats.
pub const SYMBOLS: &[u8] = include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf");
/// Arrows and mathematical operators.
pub const MATH: &[u8] = include_bytes!("../../fonts/NotoSansMath-Regular.ttf");
/// Arabic.
pub const ARABIC: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Regular.ttf");
/// Arabic, bold.
pub const ARABIC_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansArabic-Bold.ttf");
/// Hebrew.
pub const HEBREW: &[u8] = include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf");
/// Hebrew, bold.
pub const HEBREW_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf");

/// The bundled faces, in [`Face`] number order, with the names a reader knows them by.
pub const BUNDLED: [(&[u8], &str); 10] = [
    (REGULAR, "Roboto Regular"),
    (BOLD, "Roboto Bold"),
    (ITALIC, "Roboto Italic"),
    (BOLD_ITALIC, "Roboto Bold Italic"),
    (SYMBOLS, "Noto Sans Symbols 2"),
    (MATH, "Noto Sans Math"),
    (ARABIC, "Noto Sans Arabic"),
    (ARABIC_BOLD, "Noto Sans Arabic Bold"),
    (HEBREW, "Noto Sans Hebrew"),
    (HEBREW_BOLD, "Noto Sans Hebrew Bold"),
];

/// The bundled faces' file names in `fonts/`.
const BUNDLED_FILES: [&str; 10] = [
    "Roboto-Regular.ttf",
    "Roboto-Bold.ttf",
    "Roboto-Italic.ttf",
    "Roboto-BoldItalic.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoSansMath-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
];

/// The bundled families, first choice first.
pub const FAMILIES: [&str; 5] = [
    "Roboto",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Math",
    "Noto Sans Symbols2",
];

/// A face in the registry.
#[derive(Clone)]
pub struct Registered {
    /// The font file's bytes.
    pub bytes: Arc<dyn AsRef<[u8]> + Send + Sync>,
    /// The face's index in the file (a collection holds several).
    pub index: u32,
    /// The face's name, for messages.
    pub name: String,
    blob_id: u64,
    /// The file's length and a hash of its start: the same file loaded twice is one face.
    print: (usize, u64),
}

fn print_of(data: &[u8]) -> (usize, u64) {
    let head = &data[..data.len().min(4096)];
    let hash = head.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    (data.len(), hash)
}

impl Registered {
    /// The bytes of the font file.
    pub fn data(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }
}

struct Fonts {
    /// The font context every layout starts from (cloned: layouts run on several threads).
    context: FontContext,
    /// The family list: the bundled families, then those of the font folders.
    families: Vec<String>,
}

static REGISTRY: LazyLock<RwLock<Vec<Registered>>> = LazyLock::new(|| {
    RwLock::new(
        BUNDLED
            .iter()
            .map(|(bytes, name)| {
                let blob = Blob::new(Arc::new(*bytes));
                let id = blob.id();
                let (bytes, _) = blob.into_raw_parts();
                Registered {
                    bytes,
                    index: 0,
                    name: (*name).to_owned(),
                    blob_id: id,
                    print: print_of(bytes_of(name)),
                }
            })
            .collect(),
    )
});

fn bytes_of(name: &str) -> &'static [u8] {
    BUNDLED
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(&[][..], |(b, _)| *b)
}

static FONTS: LazyLock<Mutex<Fonts>> = LazyLock::new(|| Mutex::new(build()));

/// The folders whose fonts are added to the list: the project's `fonts/` (beside the
/// binary's crate when run from a checkout, or beside the binary) and the user's.
pub fn font_folders() -> Vec<PathBuf> {
    let mut folders = vec![PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts"))];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        folders.push(dir.join("fonts"));
    }
    if let Some(home) = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
    {
        folders.push(home.join("briefing/fonts"));
    }
    if let Some(appdata) = std::env::var_os("APPDATA") {
        folders.push(PathBuf::from(appdata).join("Briefing/fonts"));
    }
    folders
}

/// Whether the system's fonts are in the collection yet.
static SYSTEM_LOADED: AtomicBool = AtomicBool::new(false);

/// Adds the system's fonts to the collection, once. Reading them (fontconfig's list on Linux)
/// takes about 20 ms, so it waits until some character needs a face that the bundled faces and
/// the font folders lack; a brief in the bundled scripts never pays for it.
/// `BRIEFING_NO_SYSTEM_FONTS` set keeps them out.
pub fn load_system_fonts() {
    if SYSTEM_LOADED.load(Ordering::Acquire)
        || std::env::var_os("BRIEFING_NO_SYSTEM_FONTS").is_some()
    {
        return;
    }
    let mut fonts = match FONTS.lock() {
        Ok(f) => f,
        Err(poisoned) => poisoned.into_inner(),
    };
    if !SYSTEM_LOADED.swap(true, Ordering::AcqRel) {
        fonts.context.collection.load_system_fonts();
    }
}

fn build() -> Fonts {
    let mut collection = Collection::new(CollectionOptions {
        shared: false,
        system_fonts: false,
    });
    let registry = REGISTRY.read().map(|r| r.clone()).unwrap_or_default();
    for face in &registry {
        let blob = Blob::from_raw_parts(Arc::clone(&face.bytes), face.blob_id);
        collection.register_fonts(blob, None);
    }
    let mut families: Vec<String> = FAMILIES.iter().map(|s| (*s).to_owned()).collect();
    // Fonts in the font folders: every family found there joins the list after the bundled
    // ones, in the order found. The project's own faces are skipped (already registered).
    for folder in font_folders() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "ttf" | "otf" | "ttc" | "otc"
                    )
                })
            })
            .collect();
        paths.sort();
        for path in paths {
            // A bundled face is known by its length; only a file that might be one is read
            // to compare, so the project's own fonts/ costs nothing at each start.
            let len = std::fs::metadata(&path).map_or(0, |m| m.len());
            let maybe_bundled = BUNDLED.iter().any(|(b, _)| b.len() as u64 == len);
            if maybe_bundled
                && BUNDLED_FILES
                    .iter()
                    .any(|f| path.file_name().is_some_and(|n| n == *f))
            {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if maybe_bundled && BUNDLED.iter().any(|(b, _)| *b == bytes.as_slice()) {
                continue;
            }
            for (family, _) in collection.register_fonts(Blob::new(Arc::new(bytes)), None) {
                if let Some(name) = collection.family_name(family)
                    && !families.iter().any(|f| f == name)
                {
                    families.push(name.to_owned());
                }
            }
        }
    }
    Fonts {
        context: FontContext {
            collection,
            // Shared, so every clone maps a system font file to the same bytes and id.
            source_cache: SourceCache::new_shared(),
        },
        families,
    }
}

/// How a brief's text is set.
#[derive(Debug, Clone, Default)]
pub struct Setting {
    /// Hyphenate body text in this language.
    pub hyphenate: Option<genpdf::hypher::Lang>,
    /// Justify body text.
    pub justify: bool,
}

/// A font cache for one layout: the shared font context and the family list.
pub fn cache(setting: &Setting) -> Result<FontCache, genpdf::error::Error> {
    let (context, families) = match FONTS.lock() {
        Ok(f) => (f.context.clone(), f.families.clone()),
        Err(poisoned) => {
            let f = poisoned.into_inner();
            (f.context.clone(), f.families.clone())
        }
    };
    let face = |bytes: &'static [u8]| {
        let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        FontData::from_shared(shared)
    };
    FontCache::new(
        context,
        FontFamily {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
            italic: face(ITALIC)?,
            bold_italic: face(BOLD_ITALIC)?,
        },
        TextSettings {
            families,
            hyphenate: setting.hyphenate,
            justify: setting.justify,
            body_max_pt: super::theme::BODY_PT,
        },
    )
}

/// The [`Face`] of the font data parley set a run in; registered on first sight.
pub fn face_of(data: &ParleyFace) -> Face {
    let id = data.data.id();
    if let Ok(registry) = REGISTRY.read()
        && let Some(i) = registry
            .iter()
            .position(|r| r.blob_id == id && r.index == data.index)
    {
        return Face(u16::try_from(i).unwrap_or(u16::MAX));
    }
    let Ok(mut registry) = REGISTRY.write() else {
        return Face::REGULAR;
    };
    // Another thread may have added it meanwhile, or the file was loaded again.
    let print = print_of(data.data.data());
    if let Some(i) = registry
        .iter()
        .position(|r| (r.blob_id == id || r.print == print) && r.index == data.index)
    {
        return Face(u16::try_from(i).unwrap_or(u16::MAX));
    }
    let (bytes, blob_id) = data.data.clone().into_raw_parts();
    let name = face_name((*bytes).as_ref(), data.index);
    registry.push(Registered {
        bytes,
        index: data.index,
        name,
        blob_id,
        print,
    });
    Face(u16::try_from(registry.len() - 1).unwrap_or(u16::MAX))
}

/// A face of the registry.
pub fn registered(face: Face) -> Option<Registered> {
    REGISTRY
        .read()
        .ok()
        .and_then(|r| r.get(usize::from(face.0)).cloned())
}

/// The full name in a font file, or "(unnamed face)".
fn face_name(data: &[u8], index: u32) -> String {
    ttf_parser::Face::parse(data, index)
        .ok()
        .and_then(|f| {
            f.names()
                .into_iter()
                .filter(|n| n.name_id == ttf_parser::name_id::FULL_NAME && n.is_unicode())
                .find_map(|n| n.to_string())
        })
        .unwrap_or_else(|| "(unnamed face)".to_owned())
}

/// A character of each script no bundled face covers, that a staffer may write: Chinese,
/// Japanese kana, Korean, Thai, Devanagari, Bengali, Tamil, Georgian, Armenian, Ethiopic.
const SAMPLES: &str = "中あ한ไअবதაԱአ";

/// The system's (or font folders') faces the text layer sets the scripts of [`SAMPLES`] in,
/// each once: what the window needs to show those scripts as the PDF prints them.
pub fn system_faces() -> Vec<Registered> {
    load_system_fonts();
    let Ok(cache) = cache(&Setting::default()) else {
        return Vec::new();
    };
    let mut faces: Vec<Registered> = Vec::new();
    for c in SAMPLES.chars() {
        let mut buf = [0; 4];
        for data in cache.faces_of(c.encode_utf8(&mut buf)) {
            let face = face_of(&data);
            if usize::from(face.0) < BUNDLED.len() {
                continue;
            }
            if let Some(r) = registered(face)
                && !faces
                    .iter()
                    .any(|f| f.blob_id == r.blob_id && f.index == r.index)
            {
                faces.push(r);
            }
        }
    }
    faces
}
