//! `demarche extract`: the statements found in articles, as JSON lines, CSV or Markdown.
//!
//! Files are read on every core (`-j N` to choose), and each file's statements are written
//! and flushed, in the order the files were given, as soon as that file and the ones before it
//! are done; the output is the same for any number of threads. Each file is contained: one
//! that cannot be read, or on which Demarche fails, is reported on stderr and the rest still
//! run.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::ValueEnum;

use crate::article::ArticleId;
use crate::export::statements::{
    CSV_HEADER, StatementRecord, records, to_csv_rows, to_jsonl, to_markdown,
};
use crate::governments::Governments;
use crate::session::{import_file, import_in_order_with};

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
    /// Threads reading files at once (0: one per core).
    #[arg(short = 'j', long = "jobs", default_value_t = 0)]
    pub jobs: usize,
    /// Article files (.txt, .md, .html, .pdf, .docx, .odt, .rtf, .eml) or http(s) addresses.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Writes statement records in one format, a chunk at a time, flushing after each chunk.
pub(super) struct RecordWriter<W: Write> {
    out: W,
    format: StatementFormat,
    chunks: usize,
}

impl<W: Write> RecordWriter<W> {
    /// Starts the output (the CSV header goes out at once).
    pub(super) fn new(out: W, format: StatementFormat) -> std::io::Result<Self> {
        let mut writer = Self {
            out,
            format,
            chunks: 0,
        };
        if format == StatementFormat::Csv {
            writer.out.write_all(CSV_HEADER.as_bytes())?;
            writer.out.flush()?;
        }
        Ok(writer)
    }

    /// Writes the records of one file (or one article) and flushes them.
    pub(super) fn write(&mut self, records: &[StatementRecord]) -> std::io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let text = match self.format {
            StatementFormat::Jsonl => to_jsonl(records),
            StatementFormat::Csv => to_csv_rows(records),
            StatementFormat::Md if self.chunks == 0 => to_markdown(records),
            StatementFormat::Md => format!("\n{}", to_markdown(records)),
        };
        self.chunks += 1;
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }
}

/// Extracts every file, writing each file's statements as soon as it is done.
pub fn run(args: &ExtractArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut writer = match RecordWriter::new(stdout.lock(), args.format) {
        Ok(writer) => writer,
        Err(err) => return super::write_failed(&err),
    };
    let mut failed = false;
    let mut write_error = None;
    let stop = AtomicBool::new(false);
    import_in_order_with(
        &args.files,
        ArticleId(0),
        args.jobs,
        import_file,
        &stop,
        |index, result| {
            if write_error.is_some() {
                return;
            }
            let imported = match result {
                Ok(imported) => {
                    for warning in &imported.warnings {
                        super::report_warning(warning);
                    }
                    imported.articles
                }
                Err(failure) => {
                    super::report_error(&failure.message);
                    failed = true;
                    return;
                }
            };
            let shown = args.files[index].display().to_string();
            let file_records: Vec<StatementRecord> = imported
                .iter()
                .flat_map(|a| records(&shown, &a.article, &a.statements, Governments::bundled()))
                .collect();
            if let Err(err) = writer.write(&file_records) {
                write_error = Some(err);
                stop.store(true, Ordering::Relaxed);
            }
        },
    );
    if let Some(err) = write_error {
        return super::write_failed(&err);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
