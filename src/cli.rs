//! Command-line subcommands over the core: the same pipeline the app uses.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::article::{ArticleId, load_file};
use crate::export::statements::{StatementRecord, records, to_csv, to_jsonl, to_markdown};
use crate::governments::Governments;

/// Demarche: find, attribute and compare official government statements.
///
/// With no arguments the app opens on the bundled demo session. With files it opens them:
/// articles (.txt, .md, .html) or a session (.ron).
#[derive(Debug, Parser)]
#[command(name = "demarche", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand (the app opens when none is given).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open in the app, or one session file (.ron).
    pub files: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the statements found in articles.
    Extract {
        /// Output format.
        #[arg(long, value_enum, default_value_t = StatementFormat::Jsonl)]
        format: StatementFormat,
        /// Article files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print an article's text as Demarche decoded it (the text all offsets count in).
    Text {
        /// The article file.
        file: PathBuf,
    },
}

/// Output formats for statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatementFormat {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// A Markdown table per file.
    Md,
}

/// Runs a subcommand, writing results to stdout and errors to stderr.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Extract { format, files } => extract(format, &files),
        Command::Text { file } => match load_file(&file, ArticleId(0)) {
            Ok(article) => emit(&article.text),
            Err(err) => fail(&err),
        },
    }
}

fn extract(format: StatementFormat, files: &[PathBuf]) -> ExitCode {
    let mut all: Vec<StatementRecord> = Vec::new();
    let mut failed = false;
    for (n, file) in files.iter().enumerate() {
        let id = ArticleId(u32::try_from(n).unwrap_or(u32::MAX));
        match load_file(file, id) {
            Ok(article) => {
                let statements = crate::extract::extract(&article);
                all.extend(records(
                    &file.display().to_string(),
                    &article,
                    &statements,
                    Governments::bundled(),
                ));
            }
            Err(err) => {
                report_error(&err);
                failed = true;
            }
        }
    }
    let out = match format {
        StatementFormat::Jsonl => to_jsonl(&all),
        StatementFormat::Csv => to_csv(&all),
        StatementFormat::Md => to_markdown(&all),
    };
    let code = emit(&out);
    if failed { ExitCode::FAILURE } else { code }
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

fn report_error(err: &dyn std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "demarche: {err}");
}

fn fail(err: &dyn std::fmt::Display) -> ExitCode {
    report_error(err);
    ExitCode::FAILURE
}
