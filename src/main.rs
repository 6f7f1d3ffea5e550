//! The `engage` binary: parse the command line, run it, turn the outcome into an exit code.

use std::process::ExitCode;

use clap::FromArgMatches;
use engage::i18n::{self, Ui};

fn main() -> ExitCode {
    // The language first: help and usage errors speak it too.
    let ui = Ui::resolve(Ui::flag_in(std::env::args_os().skip(1)), |k| std::env::var(k).ok());
    i18n::set_process_ui(ui);
    let parsed = engage::cli::command(ui).try_get_matches().and_then(|m| engage::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; a usage error is one line on stderr with 2.
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            engage::render::messages::usage_error(&i18n::usage::message(&e, ui), ui);
            return ExitCode::from(2);
        }
    };
    match engage::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let code = err.exit_code();
            if code != 0 {
                engage::render::error(&err, ui);
            }
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
    }
}
