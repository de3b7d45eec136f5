//! The command line: `export`, `validate`, `changes`, `schema`, `new`, `import`. Thin: it reads arguments, calls the
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
mod import;
mod new;
mod validate;

use std::path::{Path, PathBuf};
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
    /// Start a dossier or a brief: writes a file that validates.
    New {
        /// What to make.
        #[command(subcommand)]
        what: New,
    },
    /// Import a story page as a new dossier (-o), or a CSV/TSV of events into a dossier (--into).
    Import {
        /// The story page (plain text) or the spreadsheet of events (.csv, .tsv).
        file: PathBuf,
        /// Write the story page's dossier here.
        #[arg(
            short,
            long,
            value_name = "OUT.dossier.yaml",
            conflicts_with = "into",
            required_unless_present = "into"
        )]
        output: Option<PathBuf>,
        /// Add the spreadsheet's events to this dossier, saved in place.
        #[arg(long, value_name = "D.dossier.yaml")]
        into: Option<PathBuf>,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the brief or dossier format.
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = Format::Brief)]
        format: Format,
    },
}

/// What `briefing new` makes.
#[derive(Debug, Subcommand)]
pub enum New {
    /// An empty dossier, NAME.dossier.yaml, dated today.
    Dossier {
        /// The file name; `.dossier.yaml` is added.
        name: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// A brief on a dossier, NAME.brief.yaml, with every section.
    Brief {
        /// The dossier the brief is made from.
        #[arg(long, value_name = "D.dossier.yaml")]
        dossier: PathBuf,
        /// The file name; `.brief.yaml` is added.
        name: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
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
        Command::New {
            what: New::Dossier { name, force },
        } => new::dossier(&name, force),
        Command::New {
            what:
                New::Brief {
                    dossier,
                    name,
                    force,
                },
        } => new::brief(&name, &dossier, force),
        Command::Import {
            file,
            output,
            into,
            force,
        } => match (output, into) {
            (_, Some(into)) => import::events(&file, &into),
            (Some(output), None) => import::story(&file, &output, force),
            (None, None) => {
                err!(
                    "briefing: import: say where the events go: -o OUT.dossier.yaml or --into D.dossier.yaml"
                );
                Outcome::Failed
            }
        },
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

/// Refuses to replace an existing file unless `force`: says so and how.
fn refuse_existing(path: &Path, force: bool) -> Option<Outcome> {
    if force || std::fs::symlink_metadata(path).is_err() {
        return None;
    }
    err!("briefing: {}: already exists; not replaced", path.display());
    err!("hint: choose another name, or add --force to replace it");
    Some(Outcome::Failed)
}

/// True when both paths name one existing file (links and `..` resolved).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Today's date in UTC, for a new dossier's `as_of`.
fn today() -> crate::model::Date {
    crate::start::today()
}
