//! The `briefing` binary: it chooses the shell. With no subcommand, or `open`, the desktop
//! app; with any other, the CLI. The two shells never call each other.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use briefing::cli::{self, Args, Command};

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        None => window(None),
        Some(Command::Open { brief }) => window(Some(brief)),
        Some(command) => cli::run(command).into(),
    }
}

/// Opens the desktop app on `brief`, or on the last brief; returns when it closes.
#[cfg(feature = "gui")]
fn window(brief: Option<PathBuf>) -> ExitCode {
    briefing::gui::run(brief)
}

/// A build without the window says so, and how to work without it.
#[cfg(not(feature = "gui"))]
fn window(brief: Option<PathBuf>) -> ExitCode {
    drop(brief);
    eprintln!(
        "briefing: this build has no window (built without the \"gui\" feature); use export or validate"
    );
    ExitCode::from(2)
}
