//! Demarche finds official statements in news articles, press releases and briefing
//! transcripts, attributes each to a speaker and a government, and compares them.
//!
//! The pipeline: [`article`] decodes a file (any common encoding, text, Markdown or HTML)
//! into plain text with paragraphs and provenance; [`extract`] finds quotes, cues and
//! speakers in that text and attributes each statement to a government using the
//! [`governments`] registry and the other knowledge in `assets/`; [`compare`] aligns and
//! diffs two statements; [`session`] keeps the user's whole work (articles, statements,
//! corrections, comparisons) and saves it as RON; [`export`] writes results for other tools;
//! [`cli`] exposes all of it on the command line. The desktop shell lives in `app` (feature
//! `gui`) and only reads this core's data and pushes actions.

pub mod article;
pub mod calendar;
pub mod cli;
pub mod compare;
pub mod eval;
pub mod export;
pub mod extract;
pub mod governments;
pub mod organisations;
pub mod session;
pub mod statement;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;
