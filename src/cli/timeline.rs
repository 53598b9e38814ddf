//! `demarche timeline PHRASE FILES...`: every use of a formula across articles, in date
//! order, with its government, speaker and wording variant.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::article::fetch::load_source;
use crate::article::{Article, ArticleId};
use crate::compare::timeline::{TimelineSource, formula_timeline, timeline_csv, timeline_jsonl};
use crate::statement::Statement;

/// Output formats for a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// One JSON object per use: `file`, `title`, `date`, `government`, `speaker`, `text`,
    /// `variant`.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// Arguments of `demarche timeline`.
#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Jsonl)]
    pub format: TimelineFormat,
    /// The phrase to follow (matched on words: case, punctuation and white space ignored).
    pub phrase: String,
    /// Article files (.txt, .md, .html).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Finds the phrase in every file; a file that cannot be read is reported and the others
/// still run.
pub fn run(args: &TimelineArgs) -> ExitCode {
    let mut loaded: Vec<(String, Article, Vec<Statement>)> = Vec::new();
    let mut failed = false;
    let mut next_id = 0_u32;
    for file in &args.files {
        match load_source(file, ArticleId(next_id)) {
            Ok(loaded_file) => {
                for warning in &loaded_file.warnings {
                    super::report_warning(warning);
                }
                let articles = loaded_file.articles;
                next_id = next_id.saturating_add(u32::try_from(articles.len()).unwrap_or(u32::MAX));
                for article in articles {
                    let statements = crate::extract::extract(&article);
                    loaded.push((file.display().to_string(), article, statements));
                }
            }
            Err(err) => {
                super::report_error(&err);
                failed = true;
            }
        }
    }
    let sources: Vec<TimelineSource<'_>> = loaded
        .iter()
        .map(|(file, article, statements)| TimelineSource {
            file,
            article,
            statements: statements.iter().collect(),
        })
        .collect();
    let uses = formula_timeline(&args.phrase, &sources);
    let out = match args.format {
        TimelineFormat::Jsonl => timeline_jsonl(&uses),
        TimelineFormat::Csv => timeline_csv(&uses),
    };
    let code = super::emit(&out);
    if failed { ExitCode::FAILURE } else { code }
}
