//! The command line: `export`, `validate`, `changes`, `schema`. Thin: it reads arguments, calls the
//! core, writes files and maps outcomes to exit codes (0 ok, 1 the input has problems,
//! 2 could not run).

/// Prints a line to stdout; a closed pipe (`briefing validate … | head`) ends output quietly
/// instead of panicking, as ripgrep does.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Prints a line to stderr, quietly giving up if stderr is closed.
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod changes;
mod export;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Meeting briefs from a dossier: pick, slice, annotate, export a PDF.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
pub struct Args {
    /// What to do; without one, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A command-line action.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Export a brief to PDF.
    Export {
        /// The *.brief.yaml file.
        brief: PathBuf,
        /// Where to write the PDF [default: beside the brief, same name].
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Leave every staff annotation out: the press-safe copy.
        #[arg(long)]
        no_annotations: bool,
        /// Write PDF/A-2b, the archival form records offices ask for.
        #[arg(long)]
        pdfa: bool,
    },
    /// Check a brief (with its dossier) or a dossier, and list every problem.
    Validate {
        /// A *.brief.yaml or *.dossier.yaml file.
        file: PathBuf,
    },
    /// List what changed in the dossier since the brief was last exported.
    Changes {
        /// The *.brief.yaml file.
        brief: PathBuf,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Open a brief in the desktop app.
    Open {
        /// The *.brief.yaml file.
        brief: PathBuf,
    },
    /// Print the JSON Schema of the brief or dossier format.
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = Format::Brief)]
        format: Format,
    },
}

/// One of the two file formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// *.brief.yaml
    Brief,
    /// *.dossier.yaml
    Dossier,
}

/// The outcome of a command, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done.
    Ok,
    /// The input has problems.
    Problems,
    /// Could not run: a file could not be read or written.
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::Problems => ExitCode::from(1),
            Outcome::Failed => ExitCode::from(2),
        }
    }
}

/// Runs a command-line action.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Export {
            brief,
            output,
            no_annotations,
            pdfa,
        } => export::run(&brief, output.as_deref(), no_annotations, pdfa),
        Command::Validate { file } => validate::run(&file),
        Command::Changes { brief, json } => changes::run(&brief, json),
        // The window is the other shell: `main` starts it and never hands `open` here.
        Command::Open { brief } => {
            err!(
                "briefing: {}: open starts the desktop app, which this entry point does not",
                brief.display()
            );
            Outcome::Failed
        }
        Command::Schema { format } => {
            let schema = match format {
                Format::Brief => crate::schema::brief_schema(),
                Format::Dossier => crate::schema::dossier_schema(),
            };
            use std::io::Write as _;
            let _ = std::io::stdout().lock().write_all(schema.as_bytes());
            Outcome::Ok
        }
    }
}

/// Prints problems to stderr and says whether any is an error.
fn report(problems: &[crate::Problem]) -> bool {
    for p in problems {
        err!("{p}");
    }
    problems.iter().any(crate::Problem::is_error)
}

/// The outcome of a failed load: unreadable is "could not run", invalid is "problems".
fn load_failed(err: &crate::store::StoreError) -> Outcome {
    use crate::store::StoreError;
    match err {
        StoreError::Invalid(problems) => {
            report(problems);
            Outcome::Problems
        }
        StoreError::Read { .. } | StoreError::Write { .. } => {
            err!("briefing: {err}");
            Outcome::Failed
        }
    }
}
