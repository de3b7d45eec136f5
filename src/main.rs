//! The `briefing` binary: with a subcommand it is the CLI; without one, the desktop app.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use briefing::cli::{self, Args};

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(command) => cli::run(command).into(),
        None => {
            // The desktop app has its own issue; until it lands, say what there is.
            let _ = Args::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
