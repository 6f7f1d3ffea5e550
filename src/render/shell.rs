//! Shell completions and the manual page, both generated from the clap definition so they never
//! drift from the real command line.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // Generated into memory first: the generator panics on a closed pipe, `write_all` does not.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "engage", &mut script);
    out.write_all(&script).map_err(|e| Error::io("writing the completion script", e))
}

/// Writes the manual page as roff.
pub fn man(out: &mut dyn Write) -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page).map_err(|e| Error::io("writing the manual page", e))?;
    out.write_all(&page).map_err(|e| Error::io("writing the manual page", e))
}
