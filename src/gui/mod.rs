//! The desktop app: a thin shell over the core. Panels read the open brief and push
//! [`action::Action`]s; `App::ui` applies them in one place after drawing, so every edit goes
//! through the same path, undo included. Nothing here composes or lays out a brief another
//! way: the preview paints the very pages [`crate::layout`] makes and the PDF is written from,
//! laid out on a thread of their own ([`layout_worker`]) so typing never waits.

pub mod action;
pub mod app;
mod dialogs;
mod fonts;
pub mod history;
pub mod instance;
pub mod layout_worker;
pub mod locations;
pub mod panels;
pub mod prefs;
pub mod recovery;
pub mod runtime;
pub mod session;
mod shaped_run;
pub mod templates;
mod unwind;
pub mod widths;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::App;
pub use fonts::install as install_fonts;

/// Opens the window on `file`, or on the last brief, or on a new one; returns when it closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if !has_display() {
        eprintln!(
            "briefing: no display to open a window on; to export without one: briefing export FILE.brief.yaml"
        );
        return ExitCode::from(2);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefing")
            .with_app_id("briefing")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let ended = unwind::run(|| {
        eframe::run_native(
            "Briefing",
            options,
            Box::new(move |cc| Ok(Box::new(App::new(cc, file)))),
        )
    });
    let result = match ended {
        unwind::Ended::Returned(result) => result,
        unwind::Ended::Destroyed => {
            eprintln!(
                "briefing: the window was destroyed; any unsaved changes are kept and offered when Briefing starts again"
            );
            return ExitCode::SUCCESS;
        }
        unwind::Ended::Failed(message) => {
            eprintln!(
                "briefing: internal error, the window stopped: {message}\nhint: unsaved changes are kept and offered when Briefing starts again"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "briefing: cannot open a window: {e}; to export without one: briefing export FILE.brief.yaml"
            );
            ExitCode::from(2)
        }
    }
}

/// On Linux a window needs an X11 or Wayland display; without one winit would fail late.
fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}
