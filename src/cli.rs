//! Command-line subcommands over the core.
