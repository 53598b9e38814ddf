//! Writers for other tools: JSON lines, CSV, Markdown, HTML.
pub mod comparison;
