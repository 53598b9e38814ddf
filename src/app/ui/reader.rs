//! The article reader (a split under the statement list): the article of the selected
//! statement, set as [`crate::app::reader`] lays it out, with every statement lit up in its
//! government's colour. A click on a lit statement selects it. Only the paragraphs in view
//! are laid out, and the selected statement is always scrolled into view.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, CollapsingHeader, FontId, Grid, Label, RichText, Sense, TextStyle};

use crate::article::{Article, ArticleId};
use crate::statement::{Statement, StatementId};
use crate::text::Span;

use super::super::App;
use super::super::action::Action;
use super::super::reader::{Block, BlockKind, ReaderDoc, read_article};
use super::super::theme::Palette;
use super::rows::{RowHeights, Rows, ScrollTo, rows_ui};

/// The reader's cached layout of one article, and the heights of its paragraphs.
#[derive(Debug, Default)]
pub struct ReaderView {
    /// The article laid out, by id and content hash.
    of: Option<(ArticleId, String)>,
    doc: Arc<ReaderDoc>,
    heights: RowHeights,
    /// The paragraph to bring into view, kept until its height settled.
    target: Option<usize>,
    /// The paragraphs drawn last frame (tests ask which are in view).
    pub drawn: std::ops::Range<usize>,
}

/// A statement lit up in the reader.
struct Mark {
    span: Span,
    id: StatementId,
    colour: egui::Color32,
    selected: bool,
}

/// A stretch of a paragraph's layout and the article text behind it.
struct Piece {
    /// Characters of the laid-out text.
    chars: std::ops::Range<usize>,
    /// Bytes of the article text.
    source: Span,
    verbatim: bool,
    /// The text laid out (to count characters into bytes).
    text: String,
}

impl ReaderView {
    /// The paragraph of the article laid out that holds byte `at`.
    #[must_use]
    pub fn block_of(&self, at: usize) -> Option<usize> {
        self.doc.block_of(at)
    }
}

impl App {
    /// The article the reader shows: the selected statement's, else the article listed.
    pub(in crate::app) fn reader_article(&self) -> Option<ArticleId> {
        self.session
            .selection
            .statements
            .last()
            .map(|id| id.article)
            .or(self.view.list_article)
    }

    /// The reader panel's contents.
    pub(in crate::app) fn reader_ui(&mut self, ui: &mut egui::Ui) {
        let Some(article) = self
            .reader_article()
            .and_then(|id| self.session.articles.get(&id))
        else {
            ui.add_space(8.0);
            ui.weak("Select a statement to read it in its article.");
            return;
        };
        let key = (article.id, article.provenance.sha256.clone());
        if self.reader.of.as_ref() != Some(&key) {
            self.reader.doc = Arc::new(read_article(article));
            self.reader.of = Some(key);
            self.reader.heights = RowHeights::default();
        }
        let doc = Arc::clone(&self.reader.doc);
        reader_header_ui(ui, article, &doc);
        let selected = self.session.selection.statements.last().copied();
        let marks = self.marks(article.id, selected, ui.visuals().dark_mode);
        if std::mem::take(&mut self.view.scroll_reader) {
            self.reader.target = selected
                .filter(|id| id.article == article.id)
                .and_then(|id| self.caches.derived.statement(id))
                .and_then(|(s, _)| s.spans.first())
                .and_then(|span| doc.block_of(span.start));
        }
        // A session just opened puts back where its reader was scrolled.
        let restore = self.view.restore.reader.take();
        let palette = Palette::of(ui.visuals());
        let body = TextStyle::Body.resolve(ui.style());
        let width = ui.available_width() - ui.spacing().scroll.bar_width - 8.0;
        let line = ui.text_style_height(&TextStyle::Body);
        let spacing = ui.spacing().item_spacing.y + 4.0;
        let chars_per_line = (width / (body.size * 0.5)).max(20.0);
        let estimate = |i: usize| {
            doc.blocks.get(i).map_or(line, |b| {
                let chars = b.runs.iter().map(|r| r.text.len()).sum::<usize>() as f32;
                let lines = (chars / chars_per_line).ceil().max(1.0);
                let size = match b.kind {
                    BlockKind::Heading(_) => 1.4,
                    BlockKind::Paragraph => 1.0,
                };
                lines * line * size + spacing
            })
        };
        let mut clicked: Option<StatementId> = None;
        let scroll = ScrollTo {
            row: self.reader.target.map(|row| (row, Align::Center)),
            offset: restore,
        };
        let rows = Rows {
            id_salt: "reader",
            key: hash_of(&(article.id, width.round() as i64, doc.blocks.len())),
            count: doc.blocks.len(),
            scroll,
        };
        let dark = ui.visuals().dark_mode;
        let output = rows_ui(ui, &mut self.reader.heights, rows, estimate, |ui, i| {
            let Some(block) = doc.blocks.get(i) else {
                return;
            };
            let (job, pieces) = block_job(block, &marks, &body, &palette, dark, width);
            if let Some(id) = block_ui(ui, job, &pieces, &marks) {
                clicked = Some(id);
            }
            ui.add_space(4.0);
        });
        // Heights measured this frame can move the paragraph: keep bringing it into view
        // until a frame drew it without any height changing.
        if let Some(target) = self.reader.target
            && output.drawn.contains(&target)
            && !output.changed
        {
            self.reader.target = None;
        }
        self.reader.drawn = output.drawn;
        self.view.scrolled.1 = output.offset;
        if let Some(id) = clicked
            && selected != Some(id)
        {
            self.pending.push(Action::RevealStatement(id));
        }
    }

    /// Every statement of `article`, coloured by government, in text order.
    fn marks(&self, article: ArticleId, selected: Option<StatementId>, dark: bool) -> Vec<Mark> {
        let mut marks: Vec<Mark> = self
            .caches
            .derived
            .in_article(article)
            .flat_map(|(s, _): (&Statement, _)| {
                let colour = super::super::theme::government_colour(
                    s.governments.first().map(String::as_str),
                    dark,
                );
                s.spans.iter().map(move |span| Mark {
                    span: *span,
                    id: s.id,
                    colour,
                    selected: selected == Some(s.id),
                })
            })
            .collect();
        marks.sort_by_key(|m| (m.span.start, m.span.end));
        marks
    }
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// Title, outlet and date, and the front matter's fields under "Details".
fn reader_header_ui(ui: &mut egui::Ui, article: &Article, doc: &ReaderDoc) {
    ui.add(Label::new(RichText::new(article.display_name()).strong()).truncate());
    let details: Vec<&str> = [article.outlet.as_deref(), article.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    ui.horizontal(|ui| {
        if !details.is_empty() {
            ui.weak(details.join(" · "));
        }
        if !doc.metadata.is_empty() {
            CollapsingHeader::new("Details")
                .id_salt(("reader_details", article.id))
                .show(ui, |ui| {
                    Grid::new("reader_metadata").num_columns(2).show(ui, |ui| {
                        for (key, value) in &doc.metadata {
                            ui.weak(key);
                            ui.add(Label::new(value).wrap());
                            ui.end_row();
                        }
                    });
                });
        }
    });
    ui.separator();
}

/// The laid-out text of a block with the statements lit up, and where each stretch of it
/// comes from in the article.
fn block_job(
    block: &Block,
    marks: &[Mark],
    body: &FontId,
    palette: &Palette,
    dark: bool,
    width: f32,
) -> (LayoutJob, Vec<Piece>) {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut pieces = Vec::new();
    let mut chars = 0;
    let font = match block.kind {
        BlockKind::Heading(level) => FontId::proportional(body.size * heading_scale(level)),
        BlockKind::Paragraph => body.clone(),
    };
    let in_block: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.span.overlap(block.source) > 0)
        .collect();
    for run in &block.runs {
        let mut format = TextFormat::simple(font.clone(), palette.text);
        format.italics = run.style.emphasis;
        if run.style.strong || matches!(block.kind, BlockKind::Heading(_)) {
            format.color = palette.strong;
        }
        let mut cuts = vec![run.source.start, run.source.end];
        if run.verbatim {
            for mark in &in_block {
                for at in [mark.span.start, mark.span.end] {
                    if run.source.start < at && at < run.source.end {
                        cuts.push(at);
                    }
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let segment = Span::new(pair[0], pair[1]);
            let text = if run.verbatim {
                let from = segment.start - run.source.start;
                let to = segment.end - run.source.start;
                run.text.get(from..to).unwrap_or_default()
            } else {
                run.text.as_str()
            };
            let mut format = format.clone();
            if let Some(mark) = in_block
                .iter()
                .filter(|m| m.span.start <= segment.start && segment.end <= m.span.end)
                .max_by_key(|m| m.selected)
            {
                format.background = if mark.selected {
                    palette.highlight_bg
                } else {
                    mark.colour
                };
                if mark.selected {
                    format.underline = egui::Stroke::new(1.5, palette.text);
                }
                if !dark {
                    format.color = palette.text;
                }
            }
            let count = text.chars().count();
            pieces.push(Piece {
                chars: chars..chars + count,
                source: segment,
                verbatim: run.verbatim,
                text: text.to_owned(),
            });
            chars += count;
            job.append(text, 0.0, format);
        }
    }
    (job, pieces)
}

const fn heading_scale(level: u8) -> f32 {
    match level {
        1 => 1.5,
        2 => 1.3,
        3 => 1.15,
        _ => 1.05,
    }
}

/// One block; returns the statement clicked, if any.
fn block_ui(
    ui: &mut egui::Ui,
    job: LayoutJob,
    pieces: &[Piece],
    marks: &[Mark],
) -> Option<StatementId> {
    let galley = ui.painter().layout_job(job);
    let response = ui.add(Label::new(Arc::clone(&galley)).sense(Sense::click()));
    let statement_at = |pos: egui::Pos2| {
        let cursor: CCursor = galley.cursor_from_pos(pos - response.rect.min);
        let piece = pieces
            .iter()
            .find(|p| p.chars.contains(&cursor.index.0))
            .or_else(|| pieces.last())?;
        let offset = if piece.verbatim {
            let skip = cursor.index.0.saturating_sub(piece.chars.start);
            let byte = piece
                .text
                .char_indices()
                .nth(skip)
                .map_or(piece.text.len(), |(at, _)| at);
            piece.source.start + byte
        } else {
            piece.source.start
        };
        marks
            .iter()
            .filter(|m| m.span.start <= offset && offset < m.span.end)
            .map(|m| m.id)
            .next()
    };
    if let Some(pos) = response.hover_pos()
        && statement_at(pos).is_some()
    {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if !response.clicked() {
        return None;
    }
    match response.interact_pointer_pos() {
        Some(pos) => statement_at(pos),
        // A click without a pointer (assistive technology): the block's first statement.
        None => {
            let source = pieces.first().map(|p| p.source)?;
            let end = pieces.last().map_or(source.end, |p| p.source.end);
            marks
                .iter()
                .find(|m| m.span.start < end && m.span.end > source.start)
                .map(|m| m.id)
        }
    }
}
