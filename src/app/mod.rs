//! The desktop shell: reads the core's data and pushes actions.
