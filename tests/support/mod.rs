//! Helpers shared by the kittest UI flows: hand-built statements and articles, the harness,
//! and running an action. Each test binary uses a different subset.
#![allow(dead_code)]

use demarche::app::{Action, App};
use demarche::article::{Article, ArticleId};
use demarche::statement::{Evidence, Group, Origin, Statement, StatementId, StatementKind};
use demarche::text::Span;
use egui_kittest::Harness;

/// The id of statement `ordinal` of article `article`.
pub fn id(article: u32, ordinal: u32) -> StatementId {
    StatementId {
        article: ArticleId(article),
        ordinal,
    }
}

/// A direct government statement over the first occurrence of `quote` in `text`.
pub fn statement(
    article: u32,
    ordinal: u32,
    text: &str,
    quote: &str,
    speaker: &str,
    government: &str,
) -> Statement {
    let start = text.find(quote).expect("quote in the fixture text");
    Statement {
        id: id(article, ordinal),
        spans: vec![Span::new(start, start + quote.len())],
        kind: StatementKind::Direct,
        speaker: Some(speaker.to_owned()),
        role: Some("spokesperson".to_owned()),
        speaker_mention: None,
        group: Group::Government,
        governments: vec![government.to_owned()],
        affiliation: None,
        cue: Some("said".to_owned()),
        evidence: Evidence {
            rule: "quote+cue-before".to_owned(),
            found_by: None,
            chain: vec![speaker.to_owned(), government.to_owned()],
        },
        confidence: 0.9,
        continues_previous: false,
        question: None,
        origin: Origin::Extracted,
    }
}

/// An article with a title, outlet and date.
pub fn article(id: u32, title: &str, outlet: &str, date: &str, text: &str) -> Article {
    let mut article = Article::from_text(ArticleId(id), text);
    article.title = Some(title.to_owned());
    article.outlet = Some(outlet.to_owned());
    article.date = Some(date.to_owned());
    article
}

/// A harness drawing the whole app at `size`, with CJK text rendering (or tofu when no
/// CJK font is installed). Background jobs (comparisons, the near-duplicate index) may land
/// a few frames after the action that started them, so the harness may run a few more frames.
pub fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(24)
        .with_context_setup(|ctx| {
            if demarche::app::install_cjk_fallback(ctx).is_none() {
                ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
            }
        })
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app)
}

/// Queues `action` and runs frames until the app settles.
pub fn push_and_run(harness: &mut Harness<'static, App>, action: Action) {
    harness.state_mut().push(action);
    harness.run();
}
