//! `demarche text FILE`: the text as decoded, which every offset counts in.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::article::fetch::{FetchOptions, is_url, load_url};
use crate::article::{ArticleId, load_file};

/// Arguments of `demarche text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The article file, or an http(s) address to fetch.
    pub file: PathBuf,
}

/// Prints the decoded text of one file.
pub fn run(args: &TextArgs) -> ExitCode {
    let loaded = match args.file.to_str().filter(|s| is_url(s)) {
        Some(url) => load_url(url, ArticleId(0), &FetchOptions::default()),
        None => load_file(&args.file, ArticleId(0)),
    };
    match loaded {
        Ok(article) => super::emit(&article.text),
        Err(err) => super::fail(&err),
    }
}
