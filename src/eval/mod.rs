//! Evaluation of extraction against hand-checked gold annotations.
