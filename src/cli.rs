//! Command-line subcommands over the core: the same pipeline the app uses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::article::{Article, ArticleId, load_file};
use crate::compare::{Alias, CompareOptions, Granularity, compare_texts};
use crate::eval::{EvalOptions, eval_gold, eval_polnear};
use crate::export::comparison::{
    ReportMeta, SideMeta, comparison_html, comparison_json, comparison_markdown,
};
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
    /// Score extraction against gold annotations and/or a PolNeAR split.
    Eval(EvalArgs),
    /// Compare the texts of two files: aligned sentences, changes, shared phrases, coverage.
    Compare {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// Diff characters instead of words (Chinese and Japanese are diffed by character anyway).
        #[arg(long)]
        chars: bool,
        /// Treat two terms as the same, e.g. `--alias "Diaoyu Dao=Senkaku Islands"` (repeatable).
        #[arg(long = "alias", value_name = "FROM=TO")]
        aliases: Vec<String>,
        /// Keep case differences as changes.
        #[arg(long)]
        keep_case: bool,
        /// Keep punctuation differences as changes.
        #[arg(long)]
        keep_punctuation: bool,
        /// The left (A) file.
        left: PathBuf,
        /// The right (B) file.
        right: PathBuf,
    },
}

/// What `demarche eval` scores and the minimum scores it accepts.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).multiple(true).args(["gold", "polnear"]))]
pub struct EvalArgs {
    /// Folder of the texts the gold files annotate.
    #[arg(long, requires = "gold")]
    pub corpus: Option<PathBuf>,
    /// Folder of `*.gold.json` files (format of corpus/gold/README.md).
    #[arg(long, requires = "corpus")]
    pub gold: Option<PathBuf>,
    /// A PolNeAR split folder (with `text/` and `attributions/`).
    #[arg(long)]
    pub polnear: Option<PathBuf>,
    /// List every miss and false positive.
    #[arg(short, long)]
    pub verbose: bool,
    /// Fail (exit 1) when the gold quotes F1 is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_quotes_f1: f64,
    /// Fail when the gold all-statements F1 is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_all_f1: f64,
    /// Fail when the gold speaker accuracy is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_speaker_accuracy: f64,
    /// Fail when the PolNeAR content F1 is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_content_f1: f64,
    /// Fail when the PolNeAR content+speaker F1 is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_content_speaker_f1: f64,
}

/// Output formats for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// JSON with `rows`, `shared_phrases`, `coverage` and `approximate`.
    Json,
    /// A Markdown table.
    Md,
    /// A self-contained HTML report.
    Html,
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
        Command::Eval(args) => eval(&args),
        Command::Compare {
            format,
            chars,
            aliases,
            keep_case,
            keep_punctuation,
            left,
            right,
        } => {
            let mut options = CompareOptions {
                ignore_case: !keep_case,
                ignore_punctuation: !keep_punctuation,
                ..CompareOptions::default()
            };
            if chars {
                options.granularity = Granularity::Char;
            }
            for alias in &aliases {
                let Some((from, to)) = alias.split_once('=') else {
                    return fail(&format!("an alias is written FROM=TO, not {alias:?}"));
                };
                options.aliases.push(Alias::new(from.trim(), to.trim()));
            }
            compare(format, &options, &left, &right)
        }
    }
}

fn compare(format: ReportFormat, options: &CompareOptions, left: &Path, right: &Path) -> ExitCode {
    let load = |path: &Path, id| load_file(path, ArticleId(id));
    let (left_article, right_article) = match (load(left, 0), load(right, 1)) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(err), _) | (_, Err(err)) => return fail(&err),
    };
    let comparison = compare_texts(&left_article.text, &right_article.text, options);
    let meta = ReportMeta {
        left: side_meta(&left_article, left),
        right: side_meta(&right_article, right),
    };
    emit(&match format {
        ReportFormat::Json => comparison_json(&comparison),
        ReportFormat::Md => comparison_markdown(&comparison, &meta),
        ReportFormat::Html => comparison_html(&comparison, &meta),
    })
}

fn eval(args: &EvalArgs) -> ExitCode {
    let options = EvalOptions {
        verbose: args.verbose,
    };
    let mut below: Vec<String> = Vec::new();
    let mut check = |name: &str, value: f64, min: f64| {
        if value < min {
            below.push(format!("{name} {value:.3} is below {min:.3}"));
        }
    };
    let mut out = String::new();
    if let (Some(corpus), Some(gold)) = (&args.corpus, &args.gold) {
        match eval_gold(corpus, gold, &options) {
            Ok(report) => {
                out.push_str(&format!("{report}\n"));
                check("gold quotes F1", report.quotes.f1(), args.min_quotes_f1);
                check("gold all-statements F1", report.all.f1(), args.min_all_f1);
                check(
                    "gold speaker accuracy",
                    report.speaker_accuracy(),
                    args.min_speaker_accuracy,
                );
            }
            Err(err) => return fail(&err),
        }
    }
    if let Some(polnear) = &args.polnear {
        match eval_polnear(polnear, &options) {
            Ok(report) => {
                out.push_str(&format!("{report}\n"));
                check(
                    "PolNeAR content F1",
                    report.content.f1(),
                    args.min_content_f1,
                );
                check(
                    "PolNeAR content+speaker F1",
                    report.content_speaker.f1(),
                    args.min_content_speaker_f1,
                );
            }
            Err(err) => return fail(&err),
        }
    }
    let code = emit(&out);
    if below.is_empty() {
        code
    } else {
        fail(&format!("below the required scores: {}", below.join("; ")))
    }
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
