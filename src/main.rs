//! The `demarche` binary: the GUI, or a CLI subcommand.

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let startup = match args.as_slice() {
        [] => demarche::app::Startup::Demo,
        [one]
            if one
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron")) =>
        {
            demarche::app::Startup::Session(one.clone())
        }
        paths => demarche::app::Startup::Articles(paths.to_vec()),
    };
    match demarche::app::run(startup) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("demarche: could not open the window: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
