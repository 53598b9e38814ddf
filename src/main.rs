//! The `demarche` binary: a CLI subcommand, or the desktop app.

use std::process::ExitCode;

use clap::Parser;
use demarche::cli::{Cli, run};

/// mimalloc: faster than the system allocator for extraction's many small, short-lived
/// allocations (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => open_app(cli.files),
    }
}

#[cfg(feature = "gui")]
fn open_app(files: Vec<std::path::PathBuf>) -> ExitCode {
    use demarche::app::Startup;
    let startup = match files.as_slice() {
        [] => Startup::Demo,
        [one]
            if one
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron")) =>
        {
            Startup::Session(one.clone())
        }
        _ => Startup::Articles(files),
    };
    match demarche::app::run(startup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("demarche: could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_files: Vec<std::path::PathBuf>) -> ExitCode {
    eprintln!("demarche: built without the `gui` feature; use a subcommand (see --help)");
    ExitCode::FAILURE
}
