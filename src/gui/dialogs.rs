//! Native file dialogs (rfd), and only here. When no portal or helper is available rfd returns
//! nothing, exactly as if the user pressed Cancel, so every dialog sits behind a window of our
//! own where a path can also be typed.

use std::path::{Path, PathBuf};

/// Asks for a brief to open.
pub fn pick_brief(start: Option<&Path>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Open brief")
        .add_filter("Briefs", &["yaml", "yml"]);
    if let Some(dir) = start.and_then(Path::parent) {
        dialog = dialog.set_directory(dir);
    }
    dialog.pick_file()
}

/// Asks where to save a brief.
pub fn save_brief(current: Option<&Path>) -> Option<PathBuf> {
    save(
        "Save brief",
        current,
        "Briefs",
        &["yaml"],
        "untitled.brief.yaml",
    )
}

/// Asks where to export a PDF.
pub fn save_pdf(current: Option<&Path>) -> Option<PathBuf> {
    save("Export PDF", current, "PDF", &["pdf"], "brief.pdf")
}

fn save(
    title: &str,
    current: Option<&Path>,
    filter: &str,
    extensions: &[&str],
    default_name: &str,
) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .add_filter(filter, extensions);
    match current {
        Some(path) => {
            if let Some(dir) = path.parent() {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = path.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
        }
        None => dialog = dialog.set_file_name(default_name),
    }
    dialog.save_file()
}

/// Opens a file in the system's viewer.
pub fn open_in_viewer(path: &Path) -> Result<(), String> {
    opener::open(path).map_err(|e| e.to_string())
}

/// Opens a web address in the system's browser.
pub fn open_url(url: &str) -> Result<(), String> {
    opener::open(url).map_err(|e| e.to_string())
}

/// Shows a file in the system's file manager.
pub fn show_in_folder(path: &Path) -> Result<(), String> {
    opener::reveal(path).map_err(|e| e.to_string())
}
