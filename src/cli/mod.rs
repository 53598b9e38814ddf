//! Command-line subcommands over the core: the same pipeline the app uses.
//!
//! One file per subcommand, each with its `clap::Args` struct and its `run`; this module
//! only dispatches and owns the shared output helpers.

mod compare;
mod eval;
mod export;
mod extract;
mod text;
mod timeline;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use compare::{CompareArgs, ReportFormat};
pub use eval::EvalArgs;
pub use export::ExportArgs;
pub use extract::{ExtractArgs, StatementFormat};
pub use text::TextArgs;
pub use timeline::{TimelineArgs, TimelineFormat};

/// Demarche: find, attribute and compare official government statements.
///
/// With no arguments the app opens on the bundled demo session. With files it opens them:
/// articles (.txt, .md, .html, .pdf, .docx, .odt, .rtf, .eml), web addresses (fetched), or
/// a session (.ron).
#[derive(Debug, Parser)]
#[command(name = "demarche", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand (the app opens when none is given).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles (files or http(s) addresses) to open in the app, or one session file (.ron).
    pub files: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the statements found in articles.
    Extract(ExtractArgs),
    /// Print an article's text as Demarche decoded it (the text all offsets count in).
    Text(TextArgs),
    /// Score extraction against gold annotations and/or a PolNeAR split.
    Eval(EvalArgs),
    /// Compare the texts of two files: aligned sentences, changes, shifts, shared phrases.
    Compare(CompareArgs),
    /// Follow a phrase across articles: every use in date order, with government and variant.
    Timeline(TimelineArgs),
    /// Write a saved session's statements, with your corrections applied (exit code 1: the
    /// session cannot be opened; 2: it was written but needed repairs).
    Export(ExportArgs),
}

/// Runs a subcommand, writing results to stdout and errors to stderr.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Extract(args) => extract::run(&args),
        Command::Text(args) => text::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Timeline(args) => timeline::run(&args),
        Command::Export(args) => export::run(&args),
    }
}

/// Writes `text` to stdout; a closed pipe is not an error worth a message.
fn emit(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

/// The exit code after writing to stdout failed: a closed pipe (the reader has what it
/// wanted) is success, anything else is reported.
fn write_failed(err: &std::io::Error) -> ExitCode {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        fail(err)
    }
}

/// Prints one error line on stderr, prefixed with the program's name.
fn report_error(err: &dyn std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "demarche: {err}");
}

/// Prints one warning line on stderr (a file loaded, but not perfectly).
fn report_warning(warning: &dyn std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "demarche: warning: {warning}");
}

/// Reports `err` and returns the failure exit code.
fn fail(err: &dyn std::fmt::Display) -> ExitCode {
    report_error(err);
    ExitCode::FAILURE
}
