//! `demarche compare A B`: aligned sentences, changes, shared phrases and coverage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::ValueEnum;

use crate::article::{Article, ArticleId, load_file};
use crate::compare::{Alias, CompareOptions, Granularity, compare_texts};
use crate::export::comparison::{
    ReportMeta, SideMeta, comparison_html, comparison_json, comparison_markdown,
};

/// Output formats for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// JSON with `rows` (changes and shifts), `shared_phrases`, `coverage`, `approximate`
    /// and `summary`.
    Json,
    /// A Markdown table.
    Md,
    /// A self-contained HTML report.
    Html,
}

/// Arguments of `demarche compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
    /// Refine changed words by character (the default for Chinese and Japanese).
    #[arg(long)]
    pub chars: bool,
    /// Treat two terms as the same, e.g. `--alias "Diaoyu Dao=Senkaku Islands"` (repeatable).
    #[arg(long = "alias", value_name = "FROM=TO")]
    pub aliases: Vec<String>,
    /// Keep case differences as changes.
    #[arg(long)]
    pub keep_case: bool,
    /// Keep punctuation differences as changes.
    #[arg(long)]
    pub keep_punctuation: bool,
    /// Keep white space differences as changes.
    #[arg(long)]
    pub keep_whitespace: bool,
    /// Seconds the whole comparison may take; past it the rest is done the cheap way and
    /// the result says `"approximate": true` (its changes still rebuild both texts).
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<f64>,
    /// The left (A) file.
    pub left: PathBuf,
    /// The right (B) file.
    pub right: PathBuf,
}

/// Compares two files and prints the report in the chosen format.
pub fn run(args: &CompareArgs) -> ExitCode {
    let mut options = CompareOptions {
        ignore_case: !args.keep_case,
        ignore_punctuation: !args.keep_punctuation,
        ignore_whitespace: !args.keep_whitespace,
        ..CompareOptions::default()
    };
    if let Some(seconds) = args.time_limit {
        match Duration::try_from_secs_f64(seconds) {
            Ok(limit) => options.time_limit = limit,
            Err(_) => {
                return super::fail(&format!(
                    "the time limit is a number of seconds, 0 or more, not {seconds}"
                ));
            }
        }
    }
    if args.chars {
        options.granularity = Granularity::Char;
    }
    for alias in &args.aliases {
        let Some((from, to)) = alias.split_once('=') else {
            return super::fail(&format!("an alias is written FROM=TO, not {alias:?}"));
        };
        options.aliases.push(Alias::new(from.trim(), to.trim()));
    }
    compare(args.format, &options, &args.left, &args.right)
}

fn compare(format: ReportFormat, options: &CompareOptions, left: &Path, right: &Path) -> ExitCode {
    let load = |path: &Path, id| load_file(path, ArticleId(id));
    let (left_article, right_article) = match (load(left, 0), load(right, 1)) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(err), _) | (_, Err(err)) => return super::fail(&err),
    };
    let comparison = compare_texts(&left_article.text, &right_article.text, options);
    let meta = ReportMeta {
        left: side_meta(&left_article, left),
        right: side_meta(&right_article, right),
    };
    super::emit(&match format {
        ReportFormat::Json => comparison_json(&comparison),
        ReportFormat::Md => comparison_markdown(&comparison, &meta),
        ReportFormat::Html => comparison_html(&comparison, &meta),
    })
}

fn side_meta(article: &Article, path: &Path) -> SideMeta {
    SideMeta {
        title: article.title.clone().unwrap_or_default(),
        outlet: article.outlet.clone().unwrap_or_default(),
        date: article.date.clone().unwrap_or_default(),
        speaker: String::new(),
        file: path.display().to_string(),
    }
}
