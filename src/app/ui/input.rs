//! Frame-level input: keyboard shortcuts, files dropped on the window, the close button,
//! and the window title.

use egui::{Align2, Color32, Id, LayerId, Order, TextStyle, ViewportCommand};

use crate::session::Session;

use super::super::App;
use super::super::action::Action;
use super::super::shortcuts;
use super::super::state::AfterPrompt;

impl App {
    /// Shortcuts, dropped files and close requests.
    pub(in crate::app) fn input_ui(&mut self, ctx: &egui::Context) {
        if self.view.prompt.is_none() && self.view.url_prompt.is_none() {
            let dark = self.view.dark;
            let actions = shortcuts::handle_keys(ctx)
                .into_iter()
                .map(|command| command.action(dark));
            self.pending.extend(actions);
        }
        self.dropped_files_ui(ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_allowed {
            if self.dirty {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.view.prompt = Some(AfterPrompt::Quit);
            } else {
                self.closing = true;
            }
        }
    }

    fn dropped_files_ui(&mut self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop")));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "Drop articles (.txt, .md, .html, .pdf, .docx, .odt, .rtf, .eml) or a session (.ron) to open them",
                TextStyle::Heading.resolve(&ctx.global_style()),
                Color32::WHITE,
            );
        }
        let dropped: Vec<_> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let (sessions, articles): (Vec<_>, Vec<_>) = dropped
            .into_iter()
            .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
        if !articles.is_empty() {
            self.push(Action::OpenArticles(articles));
        }
        if let Some(session) = sessions.into_iter().next() {
            self.push(Action::OpenSession(session));
        }
    }

    /// Keeps the window title as `Demarche - name` with `•` while unsaved; a session never
    /// saved is "Demo session" (the bundled demo) or "Untitled".
    pub(in crate::app) fn title_ui(&mut self, ctx: &egui::Context) {
        let name = match self.session_path.as_deref() {
            Some(path) => Session::name_from_path(path),
            None if self.demo => "Demo session".to_owned(),
            None => "Untitled".to_owned(),
        };
        let mark = if self.dirty { " •" } else { "" };
        let title = format!("Demarche - {name}{mark}");
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
