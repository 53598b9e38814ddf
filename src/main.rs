//! The `demarche` binary: the GUI, or a CLI subcommand.

fn main() {}
