//! The `briefing` binary: with a subcommand it is the CLI; without one, the desktop app.

use std::process::ExitCode;

use clap::Parser;

use briefing::cli::{self, Args};

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(command) => cli::run(command).into(),
        None => cli::open_window(None).into(),
    }
}
