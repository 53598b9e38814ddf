//! Results computed on the "compare" thread ([`super::jobs`]) and cached here: the open
//! comparison, the near-duplicate index behind "Also reported as", two governments' claims
//! paired, and one statement's formulation over time. Each is keyed by what it depends on,
//! so a frame only reads, and asks for work when the key moved.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::compare::{
    CompareControl, CompareOptions, CompareProgress, DEFAULT_TIME_LIMIT, NearDuplicateIndex, Pin,
    collate, pair_by_similarity,
};
use crate::session::{Compared, ComparisonSpec};
use crate::statement::StatementId;

use super::App;
use super::jobs::{Jobs, Output, Task};
use super::pair::{PairView, compare_pair_controlled, view_of};

/// Similarity below which another statement of the same voice is not listed as "also
/// reported as".
pub const ALSO_REPORTED_MIN: f32 = 0.3;
/// Most "also reported as" entries listed.
const ALSO_REPORTED_LIMIT: usize = 12;
/// Similarity below which two governments' statements are not paired.
pub const PAIRING_MIN: f32 = 0.15;
/// Similarity from which a statement of the same government counts as a version.
pub const VERSION_MIN: f32 = 0.4;
/// Cached comparisons kept before the cache is emptied.
const PAIR_CACHE: usize = 64;

/// What a comparison depends on: the two statements as they read now (or the two articles,
/// by content hash), the options (with the session's aliases) and the pins.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PairKey {
    /// Left statement.
    pub left: StatementId,
    /// Right statement.
    pub right: StatementId,
    compared: Compared,
    left_text: String,
    right_text: String,
    options: CompareOptions,
    pins: Vec<Pin>,
}

/// A comparison on its way on the thread: how far it is, and the flag that stops it.
#[derive(Debug, Default)]
pub struct PairProgress {
    /// Set by Cancel; the comparison stops soon after.
    cancel: AtomicBool,
    /// The last progress the comparison reported.
    stage: Mutex<Option<CompareProgress>>,
}

impl PairProgress {
    /// The last progress reported (`None` before the first report).
    #[must_use]
    pub fn latest(&self) -> Option<CompareProgress> {
        self.stage.lock().ok().and_then(|stage| *stage)
    }

    fn report(&self, progress: CompareProgress) {
        if let Ok(mut stage) = self.stage.lock() {
            *stage = Some(progress);
        }
    }
}

/// The comparison on screen, as far as it got.
#[derive(Debug, Clone)]
pub enum PairState {
    /// Here it is.
    Ready(Arc<PairView>),
    /// The compare thread is working on it (with its progress once reported).
    Computing(Option<CompareProgress>),
    /// The user cancelled it; it runs again when asked.
    Cancelled,
    /// Its inputs are gone (a statement was hidden or removed).
    Missing,
}

/// A result that may still be on its way.
#[derive(Debug, Clone)]
pub enum Computed<T> {
    /// Here it is.
    Ready(T),
    /// The compare thread is working on it.
    Computing,
    /// Its inputs are gone (a statement was hidden or removed).
    Missing,
}

/// Two governments to set against each other, with an optional topic word.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PairingQuery {
    /// First government (ISO alpha-3).
    pub left: String,
    /// Second government.
    pub right: String,
    /// Only statements containing this (case-insensitive); empty: all.
    pub topic: String,
}

/// Two governments' statements, each claim beside its closest counter-claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GovernmentPairing {
    /// What was asked, and of which revision.
    pub query: (PairingQuery, u64),
    /// (left statement, right statement, similarity), most similar first.
    pub pairs: Vec<(StatementId, StatementId, f32)>,
    /// Left statements with no counterpart.
    pub left_unpaired: Vec<StatementId>,
    /// Right statements with no counterpart.
    pub right_unpaired: Vec<StatementId>,
}

/// One version of a formulation, against the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The statement.
    pub id: StatementId,
    /// Its article's date, if known.
    pub date: Option<String>,
    /// Its article's outlet or name.
    pub source: String,
    /// The version compared with the base: its rows (right side marked).
    pub view: PairView,
}

/// A statement's versions across its government's articles, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Formulation {
    /// (statement asked about, base version, revision).
    pub query: (StatementId, StatementId, u64),
    /// Every version including the base, by date.
    pub versions: Vec<Version>,
}

/// Other versions of a statement with their similarity, best first.
pub type AlsoReported = Arc<Vec<(StatementId, f32)>>;

/// The shifts of each other version against the statement ("Also reported as" badges).
pub type AlsoShifts = Arc<Vec<(StatementId, Vec<crate::compare::Shift>)>>;

/// The cache of thread-computed results.
#[derive(Debug, Default)]
pub struct Background {
    /// The thread.
    pub jobs: Jobs,
    pairs: HashMap<PairKey, Arc<PairView>>,
    pairs_pending: HashMap<PairKey, Arc<PairProgress>>,
    /// Comparisons the user cancelled (not asked for again until re-run).
    pairs_cancelled: HashSet<PairKey>,
    index: Option<(u64, Arc<NearDuplicateIndex<StatementId>>)>,
    /// The revision whose index is being built (at most one build in flight).
    index_pending: Option<u64>,
    also: Option<((u64, StatementId), AlsoReported)>,
    also_shifts: Option<((u64, StatementId), AlsoShifts)>,
    also_shifts_pending: Option<(u64, StatementId)>,
    pairing: Option<Arc<GovernmentPairing>>,
    pairing_pending: Option<(PairingQuery, u64)>,
    formulation: Option<Arc<Formulation>>,
    formulation_pending: Option<(StatementId, StatementId, u64)>,
    /// The last timeline computed.
    pub(super) timeline: Option<Arc<super::timeline::Timeline>>,
    /// The timeline asked for.
    pub(super) timeline_pending: Option<(super::timeline::TimelineQuery, u64)>,
}

impl Background {
    fn take(&mut self, output: Output) {
        match output {
            Output::PairCancelled(key, progress) => {
                // Only forget the pending entry if it is this run's (a re-run may have
                // asked again meanwhile).
                if self
                    .pairs_pending
                    .get(&key)
                    .is_some_and(|p| Arc::ptr_eq(p, &progress))
                {
                    self.pairs_pending.remove(&key);
                }
            }
            Output::Pair(key, view) => {
                self.pairs_pending.remove(&key);
                if self.pairs.len() >= PAIR_CACHE {
                    self.pairs.clear();
                }
                self.pairs.insert(key, view);
            }
            Output::Index(revision, index) => {
                self.index_pending = None;
                self.index = Some((revision, index));
            }
            Output::Pairing(pairing) => {
                if self.pairing_pending.as_ref() == Some(&pairing.query) {
                    self.pairing_pending = None;
                }
                self.pairing = Some(pairing);
            }
            Output::AlsoShifts(key, shifts) => {
                if self.also_shifts_pending == Some(key) {
                    self.also_shifts_pending = None;
                }
                self.also_shifts = Some((key, shifts));
            }
            Output::Timeline(timeline) => {
                if self.timeline_pending.as_ref() == Some(&timeline.query) {
                    self.timeline_pending = None;
                }
                self.timeline = Some(timeline);
            }
            Output::Formulation(formulation) => {
                if self.formulation_pending == Some(formulation.query) {
                    self.formulation_pending = None;
                }
                self.formulation = Some(formulation);
            }
            // Whichever task failed, an index build may be among them: let the next frame
            // ask again rather than wait for a result that will not come.
            Output::Failed => self.index_pending = None,
            #[cfg(test)]
            Output::ThreadName(_) => {}
        }
    }
}

/// True when two statements speak for a common government, or both for none (then the
/// same group and affiliation): versions of one statement, not a counter-claim.
fn same_voice(a: &crate::statement::Statement, b: &crate::statement::Statement) -> bool {
    if a.governments.is_empty() && b.governments.is_empty() {
        return a.group == b.group && a.affiliation == b.affiliation;
    }
    a.governments.iter().any(|g| b.governments.contains(g))
}

fn borrowed(items: &[(StatementId, String)]) -> Vec<(StatementId, &str)> {
    items.iter().map(|(id, t)| (*id, t.as_str())).collect()
}

fn repaint_of(ctx: &egui::Context) -> impl Fn() + Send + 'static {
    let ctx = ctx.clone();
    move || ctx.request_repaint()
}

impl App {
    /// Takes in what the compare thread finished; keeps frames coming while it works.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for output in self.background.jobs.poll() {
            self.background.take(output);
        }
        if self.background.jobs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Blocks until the compare thread is idle and takes its results (tests).
    pub fn wait_for_jobs(&mut self) {
        let blocking = std::mem::replace(&mut self.background.jobs.blocking, true);
        for output in self.background.jobs.poll() {
            self.background.take(output);
        }
        self.background.jobs.blocking = blocking;
    }

    /// True while the compare thread has work.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.background.jobs.busy()
    }

    /// The options a comparison runs with: its own, plus the session's aliases. The stored
    /// time limit counts as a minimum of the whole-comparison default: sessions saved when
    /// the limit covered the word diff alone carry 200 ms, which would make every long
    /// comparison needlessly approximate.
    pub(super) fn effective_options(&self, spec: &ComparisonSpec) -> CompareOptions {
        let mut options = spec.options.clone();
        options.time_limit = options.time_limit.max(DEFAULT_TIME_LIMIT);
        options.aliases = self
            .session
            .aliases
            .iter()
            .map(|(from, to)| crate::compare::Alias::new(from.clone(), to.clone()))
            .collect();
        options
    }

    /// The two texts a comparison sets side by side: two statements' words, or two
    /// articles' whole texts.
    pub(super) fn compared_texts(&self, spec: &ComparisonSpec) -> Option<(&str, &str)> {
        match spec.compared {
            Compared::Statements => {
                let (_, left) = self.caches.derived.statement(spec.left)?;
                let (_, right) = self.caches.derived.statement(spec.right)?;
                Some((left, right))
            }
            Compared::Articles => {
                let left = self.session.articles.get(&spec.left.article)?;
                let right = self.session.articles.get(&spec.right.article)?;
                Some((left.text.as_str(), right.text.as_str()))
            }
        }
    }

    /// The key of a comparison: statements by their words (short), articles by their
    /// content hash (an article's text can be megabytes; it is not copied every frame).
    fn pair_key(&self, spec: &ComparisonSpec) -> Option<PairKey> {
        let (left_text, right_text) = match spec.compared {
            Compared::Statements => {
                let (left, right) = self.compared_texts(spec)?;
                (left.to_owned(), right.to_owned())
            }
            Compared::Articles => {
                let left = self.session.articles.get(&spec.left.article)?;
                let right = self.session.articles.get(&spec.right.article)?;
                (
                    left.provenance.sha256.clone(),
                    right.provenance.sha256.clone(),
                )
            }
        };
        Some(PairKey {
            left: spec.left,
            right: spec.right,
            compared: spec.compared,
            left_text,
            right_text,
            options: self.effective_options(spec),
            pins: spec
                .pins
                .iter()
                .map(|&(left, right)| Pin { left, right })
                .collect(),
        })
    }

    /// The open comparison, asking the thread for it when it is not cached (and not
    /// cancelled).
    pub(super) fn open_pair(&mut self, ctx: &egui::Context) -> PairState {
        let Some(spec) = self.open_spec() else {
            return PairState::Missing;
        };
        let Some(key) = self.pair_key(spec) else {
            return PairState::Missing;
        };
        if self.background.pairs_cancelled.contains(&key) {
            return PairState::Cancelled;
        }
        if let Some(view) = self.background.pairs.get(&key) {
            return PairState::Ready(Arc::clone(view));
        }
        if let Some(progress) = self.background.pairs_pending.get(&key) {
            return PairState::Computing(progress.latest());
        }
        let Some((left, right)) = self.compared_texts(spec) else {
            return PairState::Missing;
        };
        let (left, right) = (left.to_owned(), right.to_owned());
        let progress = Arc::new(PairProgress::default());
        self.background
            .pairs_pending
            .insert(key.clone(), Arc::clone(&progress));
        let task_key = key.clone();
        let repaint = repaint_of(ctx);
        let task: Task = Box::new(move || {
            let report = |p: CompareProgress| {
                progress.report(p);
                repaint();
            };
            let control = CompareControl {
                cancel: Some(&progress.cancel),
                progress: Some(&report),
            };
            match compare_pair_controlled(&left, &right, &task_key.options, &task_key.pins, control)
            {
                Ok(view) => Output::Pair(task_key, Arc::new(view)),
                Err(_) => Output::PairCancelled(task_key, Arc::clone(&progress)),
            }
        });
        self.background.jobs.submit(task, repaint_of(ctx));
        if self.settle()
            && let Some(view) = self.background.pairs.get(&key)
        {
            return PairState::Ready(Arc::clone(view));
        }
        PairState::Computing(None)
    }

    /// Stops the comparison on screen while it is computed; it shows as cancelled until
    /// [`Self::rerun_comparison`].
    pub(super) fn cancel_comparison(&mut self) {
        let Some(key) = self.open_spec().and_then(|spec| self.pair_key(spec)) else {
            return;
        };
        if let Some(progress) = self.background.pairs_pending.remove(&key) {
            progress.cancel.store(true, Ordering::Relaxed);
            self.background.pairs_cancelled.insert(key);
        }
    }

    /// Asks for a cancelled comparison again.
    pub(super) fn rerun_comparison(&mut self) {
        if let Some(key) = self.open_spec().and_then(|spec| self.pair_key(spec)) {
            self.background.pairs_cancelled.remove(&key);
        }
    }

    /// Tests ([`Jobs::blocking`]): waits for the thread and takes its results. True if it did.
    fn settle(&mut self) -> bool {
        if self.background.jobs.blocking {
            self.wait_for_jobs();
        }
        self.background.jobs.blocking
    }

    /// The open comparison if it is already computed (never asks for work).
    pub(super) fn open_pair_ready(&self) -> Option<Arc<PairView>> {
        let key = self.open_spec().and_then(|spec| self.pair_key(spec))?;
        self.background.pairs.get(&key).cloned()
    }

    /// The comparison on screen.
    pub(super) fn open_spec(&self) -> Option<&ComparisonSpec> {
        self.session
            .selection
            .comparison
            .and_then(|i| self.session.comparisons.get(i))
    }

    /// The index of every statement of this revision, built on the thread when missing.
    fn near_duplicates(
        &mut self,
        ctx: &egui::Context,
    ) -> Option<Arc<NearDuplicateIndex<StatementId>>> {
        let revision = self.revision;
        match &self.background.index {
            Some((built, index)) if *built == revision => return Some(Arc::clone(index)),
            _ => {}
        }
        // One build at a time: edits in quick succession do not queue a build each (a
        // build of 40,000 statements takes about a second); the newest revision is built
        // when the one in flight lands, and the last index answers meanwhile.
        if self.background.index_pending.is_none() {
            self.background.index_pending = Some(revision);
            let derived = self.caches.derived.clone();
            let task: Task = Box::new(move || {
                let index = NearDuplicateIndex::new(derived.iter().map(|(s, t)| (s.id, t)));
                Output::Index(revision, Arc::new(index))
            });
            self.background.jobs.submit(task, repaint_of(ctx));
            if self.settle()
                && let Some((built, index)) = &self.background.index
                && *built == revision
            {
                return Some(Arc::clone(index));
            }
        }
        None
    }

    /// Statements in other articles most like `id`, best first ("Also reported as").
    pub(super) fn also_reported(
        &mut self,
        ctx: &egui::Context,
        id: StatementId,
    ) -> Computed<AlsoReported> {
        let key = (self.revision, id);
        if let Some((at, list)) = &self.background.also
            && *at == key
        {
            return Computed::Ready(Arc::clone(list));
        }
        let fresh = self.near_duplicates(ctx);
        let is_fresh = fresh.is_some();
        // While the index of this revision is built, the last one answers (not cached), so
        // the list does not flicker after every edit.
        let Some(index) =
            fresh.or_else(|| self.background.index.as_ref().map(|(_, i)| Arc::clone(i)))
        else {
            return Computed::Computing;
        };
        let derived = &self.caches.derived;
        let Some((statement, text)) = derived.statement(id) else {
            return Computed::Missing;
        };
        let list: Vec<(StatementId, f32)> = index
            .query(text, ALSO_REPORTED_LIMIT * 4)
            .into_iter()
            .filter(|(other, score)| other.article != id.article && *score >= ALSO_REPORTED_MIN)
            .filter(|(other, _)| {
                derived
                    .statement(*other)
                    .is_some_and(|(o, _)| same_voice(statement, o))
            })
            .take(ALSO_REPORTED_LIMIT)
            .collect();
        let list = Arc::new(list);
        if is_fresh {
            self.background.also = Some((key, Arc::clone(&list)));
        }
        Computed::Ready(list)
    }

    /// The shifts of each version in `list` against `id`, computed on the thread (each
    /// pair compared once per session revision).
    pub(super) fn also_reported_shifts(
        &mut self,
        ctx: &egui::Context,
        id: StatementId,
        list: &AlsoReported,
    ) -> Option<AlsoShifts> {
        let key = (self.revision, id);
        if let Some((at, shifts)) = &self.background.also_shifts
            && *at == key
        {
            return Some(Arc::clone(shifts));
        }
        if self.background.also_shifts_pending != Some(key) && !list.is_empty() {
            let derived = &self.caches.derived;
            let (_, base) = derived.statement(id)?;
            let base = base.to_owned();
            let others: Vec<(StatementId, String)> = list
                .iter()
                .filter_map(|(other, _)| {
                    derived
                        .statement(*other)
                        .map(|(_, text)| (*other, text.to_owned()))
                })
                .collect();
            self.background.also_shifts_pending = Some(key);
            let task: Task = Box::new(move || {
                let options = CompareOptions::default();
                let shifts = others
                    .iter()
                    .map(|(other, text)| {
                        let comparison = crate::compare::compare_texts(&base, text, &options);
                        let shifts = comparison.rows.into_iter().flat_map(|r| r.shifts).collect();
                        (*other, shifts)
                    })
                    .collect();
                Output::AlsoShifts(key, Arc::new(shifts))
            });
            self.background.jobs.submit(task, repaint_of(ctx));
            if self.settle() {
                return self
                    .background
                    .also_shifts
                    .as_ref()
                    .map(|(_, s)| Arc::clone(s));
            }
        }
        None
    }

    /// Two governments' statements paired (computed on the thread).
    pub(super) fn government_pairing(
        &mut self,
        ctx: &egui::Context,
        query: &PairingQuery,
    ) -> Computed<Arc<GovernmentPairing>> {
        let key = (query.clone(), self.revision);
        if let Some(done) = &self.background.pairing
            && done.query == key
        {
            return Computed::Ready(Arc::clone(done));
        }
        if self.background.pairing_pending.as_ref() != Some(&key) {
            self.background.pairing_pending = Some(key.clone());
            let derived = &self.caches.derived;
            let topic = query.topic.trim().to_lowercase();
            let side = |government: &str| -> Vec<(StatementId, String)> {
                derived
                    .iter()
                    .filter(|(s, t)| {
                        s.governments.iter().any(|g| g == government)
                            && (topic.is_empty() || t.to_lowercase().contains(&topic))
                    })
                    .map(|(s, t)| (s.id, t.to_owned()))
                    .collect()
            };
            let left = side(&query.left);
            let right = side(&query.right);
            let task: Task = Box::new(move || {
                let pairing = pair_by_similarity(&borrowed(&left), &borrowed(&right), PAIRING_MIN);
                Output::Pairing(Arc::new(GovernmentPairing {
                    query: key,
                    pairs: pairing.pairs,
                    left_unpaired: pairing.left_unpaired,
                    right_unpaired: pairing.right_unpaired,
                }))
            });
            self.background.jobs.submit(task, repaint_of(ctx));
            if self.settle() {
                return self.government_pairing(ctx, query);
            }
        }
        Computed::Computing
    }

    /// The versions of `id` among its government's statements, against `base` (computed on
    /// the thread once the index is there).
    pub(super) fn formulation(
        &mut self,
        ctx: &egui::Context,
        id: StatementId,
        base: Option<StatementId>,
    ) -> Computed<Arc<Formulation>> {
        let Some(index) = self.near_duplicates(ctx) else {
            return Computed::Computing;
        };
        let derived = &self.caches.derived;
        let Some((statement, text)) = derived.statement(id) else {
            return Computed::Missing;
        };
        let mut members: Vec<(Option<String>, StatementId)> = index
            .query(text, 200)
            .into_iter()
            .filter(|(other, score)| *other == id || *score >= VERSION_MIN)
            .filter(|(other, _)| {
                derived
                    .statement(*other)
                    .is_some_and(|(s, _)| same_voice(statement, s))
            })
            .map(|(other, _)| {
                let date = self
                    .session
                    .articles
                    .get(&other.article)
                    .and_then(|a| a.date.clone());
                (date, other)
            })
            .collect();
        if !members.iter().any(|(_, m)| *m == id) {
            members.push((
                self.session
                    .articles
                    .get(&id.article)
                    .and_then(|a| a.date.clone()),
                id,
            ));
        }
        members.sort_by(|a, b| {
            a.0.is_none()
                .cmp(&b.0.is_none())
                .then_with(|| a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
        let base = base
            .filter(|b| members.iter().any(|(_, m)| m == b))
            .or_else(|| members.first().map(|(_, m)| *m))
            .unwrap_or(id);
        let key = (id, base, self.revision);
        if let Some(done) = &self.background.formulation
            && done.query == key
        {
            return Computed::Ready(Arc::clone(done));
        }
        if self.background.formulation_pending != Some(key) {
            self.background.formulation_pending = Some(key);
            let base_text = derived
                .statement(base)
                .map_or_else(String::new, |(_, t)| t.to_owned());
            let versions: Vec<(StatementId, Option<String>, String, String)> = members
                .into_iter()
                .filter_map(|(date, m)| {
                    let (_, t) = derived.statement(m)?;
                    let source = self
                        .session
                        .articles
                        .get(&m.article)
                        .map_or_else(String::new, |a| {
                            a.outlet.clone().unwrap_or_else(|| a.display_name())
                        });
                    Some((m, date, source, t.to_owned()))
                })
                .collect();
            let options = CompareOptions::default();
            let task: Task = Box::new(move || {
                let texts: Vec<&str> = versions.iter().map(|v| v.3.as_str()).collect();
                let comparisons = collate(&base_text, &texts, &options);
                let versions = versions
                    .iter()
                    .zip(&comparisons)
                    .map(|((id, date, source, text), comparison)| Version {
                        id: *id,
                        date: date.clone(),
                        source: source.clone(),
                        view: view_of(comparison, &base_text, text),
                    })
                    .collect();
                Output::Formulation(Arc::new(Formulation {
                    query: key,
                    versions,
                }))
            });
            self.background.jobs.submit(task, repaint_of(ctx));
            if self.settle() {
                return self.formulation(ctx, id, Some(base));
            }
        }
        Computed::Computing
    }
}

/// How the compare view lays the two sides out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareLayout {
    /// A and B in two columns.
    #[default]
    SideBySide,
    /// One column: unchanged text once, deletions and insertions in place.
    Inline,
}

/// The panels of the compare tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Study {
    /// Nothing open.
    #[default]
    None,
    /// Two governments' statements paired.
    TwoGovernments,
    /// The selected statement's versions over time.
    Formulation,
}

/// UI-only state of the compare tools (never saved in the session).
#[derive(Debug, Clone, Default)]
pub struct ToolsView {
    /// Side by side or inline.
    pub layout: CompareLayout,
    /// The alias editor is open.
    pub aliases_open: bool,
    /// The alias being typed: (one spelling, the other).
    pub alias_draft: (String, String),
    /// The row note being edited: (row, text).
    pub note_edit: Option<(usize, String)>,
    /// The study window open.
    pub study: Study,
    /// The comparison shows only rows with a shift of position.
    pub shifts_only: bool,
    /// The two governments and topic asked about.
    pub pairing: PairingQuery,
    /// The formulation table's base version, when the user chose one.
    pub formulation_base: Option<StatementId>,
    /// The statement the formulation table is about.
    pub formulation_of: Option<StatementId>,
    /// The speaker name being typed for a statement.
    pub speaker_draft: Option<(StatementId, String)>,
    /// Words selected in an article to add as a statement.
    pub add_selection: Option<(crate::article::ArticleId, crate::text::Span)>,
    /// What the added statement will be.
    pub add_draft: AddDraft,
}

/// The kind, governments and speaker of a statement being added.
#[derive(Debug, Clone)]
pub struct AddDraft {
    /// Its kind.
    pub kind: crate::statement::StatementKind,
    /// Governments it speaks for (ISO alpha-3).
    pub governments: Vec<String>,
    /// Who said it (may be empty).
    pub speaker: String,
}

impl Default for AddDraft {
    fn default() -> Self {
        Self {
            kind: crate::statement::StatementKind::Direct,
            governments: Vec::new(),
            speaker: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_stored_time_limit_counts_as_a_minimum_of_the_default() {
        let app = App::new_for_test(crate::session::Session::default());
        let mut spec = ComparisonSpec::new(
            StatementId {
                article: crate::article::ArticleId(0),
                ordinal: 0,
            },
            StatementId {
                article: crate::article::ArticleId(1),
                ordinal: 0,
            },
        );
        // What sessions saved when the limit covered the word diff alone.
        spec.options.time_limit = Duration::from_millis(200);
        assert_eq!(app.effective_options(&spec).time_limit, DEFAULT_TIME_LIMIT);
        spec.options.time_limit = DEFAULT_TIME_LIMIT * 3;
        assert_eq!(
            app.effective_options(&spec).time_limit,
            DEFAULT_TIME_LIMIT * 3
        );
    }
}
