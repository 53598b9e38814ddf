//! `demarche eval`: precision, recall and F1 against gold annotations and PolNeAR. Texts are
//! read exactly as `demarche extract` reads them; the shared sets are development sets, and
//! the output says so.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::eval::{EvalOptions, eval_gold, eval_polnear};

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
    /// Fail when the PolNeAR reported-speech precision (against every attribution content)
    /// is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_reported_precision: f64,
    /// Fail when the PolNeAR recall of officials' reported speech (contents without quote
    /// marks whose gold source is a government speaker) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub min_official_reported_recall: f64,
}

/// Runs the evaluations asked for and fails when a score is below its minimum.
pub fn run(args: &EvalArgs) -> ExitCode {
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
                check("dev gold quotes F1", report.quotes.f1(), args.min_quotes_f1);
                check(
                    "dev gold all-statements F1",
                    report.all.f1(),
                    args.min_all_f1,
                );
                check(
                    "dev gold speaker accuracy",
                    report.speaker_accuracy(),
                    args.min_speaker_accuracy,
                );
            }
            Err(err) => return super::fail(&err),
        }
    }
    if let Some(polnear) = &args.polnear {
        match eval_polnear(polnear, &options) {
            Ok(report) => {
                out.push_str(&format!("{report}\n"));
                check(
                    "PolNeAR dev content F1",
                    report.content.f1(),
                    args.min_content_f1,
                );
                check(
                    "PolNeAR dev content+speaker F1",
                    report.content_speaker.f1(),
                    args.min_content_speaker_f1,
                );
                check(
                    "PolNeAR dev reported-speech precision",
                    report.reported.precision(),
                    args.min_reported_precision,
                );
                check(
                    "PolNeAR dev officials' reported-speech recall",
                    report.official_reported.recall(),
                    args.min_official_reported_recall,
                );
            }
            Err(err) => return super::fail(&err),
        }
    }
    let code = super::emit(&out);
    if below.is_empty() {
        code
    } else {
        super::fail(&format!("below the required scores: {}", below.join("; ")))
    }
}
