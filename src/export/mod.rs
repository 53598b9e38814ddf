//! Writers for other tools: statements as JSON lines, CSV or Markdown.

pub mod statements;
