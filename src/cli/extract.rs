//! `demarche extract`: the statements found in articles, as JSON lines, CSV or Markdown.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::article::ArticleId;
use crate::article::fetch::load_source;
use crate::export::statements::{StatementRecord, records, to_csv, to_jsonl, to_markdown};
use crate::governments::Governments;

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

/// Arguments of `demarche extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatementFormat::Jsonl)]
    pub format: StatementFormat,
    /// Article files (.txt, .md, .html, .pdf, .docx, .odt, .rtf, .eml) or http(s) addresses.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Extracts every file; a file that cannot be read is reported and the others still run.
pub fn run(args: &ExtractArgs) -> ExitCode {
    let mut all: Vec<StatementRecord> = Vec::new();
    let mut failed = false;
    let mut next_id = 0_u32;
    for file in &args.files {
        match load_source(file, ArticleId(next_id)) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    super::report_warning(warning);
                }
                let articles = loaded.articles;
                next_id = next_id.saturating_add(u32::try_from(articles.len()).unwrap_or(u32::MAX));
                for article in &articles {
                    let statements = crate::extract::extract(article);
                    all.extend(records(
                        &file.display().to_string(),
                        article,
                        &statements,
                        Governments::bundled(),
                    ));
                }
            }
            Err(err) => {
                super::report_error(&err);
                failed = true;
            }
        }
    }
    let out = match args.format {
        StatementFormat::Jsonl => to_jsonl(&all),
        StatementFormat::Csv => to_csv(&all),
        StatementFormat::Md => to_markdown(&all),
    };
    let code = super::emit(&out);
    if failed { ExitCode::FAILURE } else { code }
}
