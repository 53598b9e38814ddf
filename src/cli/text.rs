//! `demarche text FILE`: the text as decoded, which every offset counts in.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::article::{ArticleId, load_file};

/// Arguments of `demarche text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The article file.
    pub file: PathBuf,
}

/// Prints the decoded text of one file.
pub fn run(args: &TextArgs) -> ExitCode {
    match load_file(&args.file, ArticleId(0)) {
        Ok(article) => super::emit(&article.text),
        Err(err) => super::fail(&err),
    }
}
