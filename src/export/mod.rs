//! Writers for other tools: statements as JSON lines, CSV or Markdown; comparisons as
//! JSON, Markdown or a self-contained HTML report.

pub mod comparison;
pub mod statements;
