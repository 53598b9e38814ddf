//! `demarche export SESSION.ron`: a saved session's statements with the user's corrections
//! applied, in the same records as `extract`, for pandas, R or a spreadsheet. It is also the
//! way to check a session from a script: a session that cannot be opened gives the app's
//! message and exit code 1; one that needed repairs gives each repair on stderr, still
//! writes the statements, and exits with 2.

use std::path::PathBuf;
use std::process::ExitCode;

use super::extract::{RecordWriter, StatementFormat};
use crate::export::statements::records;
use crate::governments::Governments;
use crate::session::load_session_checked;
use crate::statement::Statement;

/// Exit code when the session was written but needed repairs or has warnings.
const EXIT_REPAIRED: u8 = 2;

/// Arguments of `demarche export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatementFormat::Jsonl)]
    pub format: StatementFormat,
    /// A saved session (.ron).
    pub session: PathBuf,
}

/// Writes the session's corrected statements to stdout.
pub fn run(args: &ExportArgs) -> ExitCode {
    let loaded = match load_session_checked(&args.session) {
        Ok(loaded) => loaded,
        Err(err) => return super::fail(&err),
    };
    for line in loaded.report.lines() {
        super::report_error(&format!("{line}: {}", args.session.display()));
    }
    let session = &loaded.session;
    let stdout = std::io::stdout();
    let mut writer = match RecordWriter::new(stdout.lock(), args.format) {
        Ok(writer) => writer,
        Err(err) => return super::write_failed(&err),
    };
    let statements = session.effective_statements();
    for chunk in statements.chunk_by(|a, b| a.id.article == b.id.article) {
        let Some(article) = chunk
            .first()
            .and_then(|s: &Statement| session.articles.get(&s.id.article))
        else {
            continue;
        };
        let file = article
            .provenance
            .path
            .clone()
            .unwrap_or_else(|| article.display_name());
        let found = records(&file, article, chunk, Governments::bundled());
        if let Err(err) = writer.write(&found) {
            return super::write_failed(&err);
        }
    }
    if loaded.report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_REPAIRED)
    }
}
