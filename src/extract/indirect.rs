//! Reported speech (no quote marks) by government speakers, and mentions of people and
//! bodies in running text that later pronouns and descriptions point back to.

use super::attribution::Para;
use super::coref::Memory;
use super::Draft;

/// Records titled people and bodies mentioned in the paragraph's running text.
pub fn register_mentions(para: &Para, memory: &mut Memory) {
    let _ = (para, memory);
}

/// Reported-speech statements of the paragraph.
pub(crate) fn statements(para: &Para, memory: &mut Memory) -> Vec<Draft> {
    let _ = (para, memory);
    Vec::new()
}
