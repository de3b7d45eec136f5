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

/// Asks where to save a dossier.
pub fn save_dossier(current: Option<&Path>) -> Option<PathBuf> {
    save(
        "Save dossier",
        current,
        "Dossiers",
        &["yaml"],
        "new-topic.dossier.yaml",
    )
}

/// Asks for a story page or a spreadsheet of events to import.
pub fn pick_import(start: Option<&Path>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Import a story page or a spreadsheet of events")
        .add_filter(
            "Story pages and spreadsheets",
            &["txt", "md", "csv", "tsv", "tab"],
        )
        .add_filter("All files", &["*"]);
    if let Some(dir) = start
        .filter(|p| p.is_dir())
        .or_else(|| start.and_then(Path::parent))
    {
        dialog = dialog.set_directory(dir);
    }
    dialog.pick_file()
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

/// The program that opens a file or address with the application the system chooses.
pub fn system_opener() -> Vec<String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    vec![program.to_owned()]
}

/// Runs `program` on `target` on a thread of its own that waits for it to end (so it never
/// lingers as a zombie), and says how it went. `xdg-open` ends once it has handed the file
/// on, or fails when no application is set for it.
pub fn open_with(
    program: &[String],
    target: std::ffi::OsString,
) -> std::sync::mpsc::Receiver<Result<(), String>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let program = program.to_vec();
    let spawned = std::thread::Builder::new()
        .name("opener".into())
        .spawn(move || {
            let Some((name, args)) = program.split_first() else {
                let _ = tx.send(Err("no program to open files is set".to_owned()));
                return;
            };
            let status = std::process::Command::new(name)
                .args(args)
                .arg(&target)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
            let result = match status {
                Ok(s) if s.success() => Ok(()),
                Ok(s) => Err(format!("{name} found no application for it ({s})")),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Err(format!("{name} is not installed"))
                }
                Err(e) => Err(format!("{name} did not start: {e}")),
            };
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        let (tx, rx) = std::sync::mpsc::channel();
        let _ = tx.send(Err(format!("could not start the opener: {e}")));
        return rx;
    }
    rx
}
