//! The `engage` binary: parse the command line, run it, turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match engage::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; a usage error is one line on stderr with 2.
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let text = e.render().to_string();
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid usage");
            eprintln!("engage: {}", first.strip_prefix("error: ").unwrap_or(first));
            return ExitCode::from(2);
        }
    };
    match engage::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let code = err.exit_code();
            if code != 0 {
                engage::render::error(&err);
            }
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
    }
}
