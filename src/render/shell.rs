//! Shell completions and the manual page, both generated from the clap definition so they never
//! drift from the real command line.

use std::io::Write;

use crate::error::{Error, Result};
use crate::i18n::Ui;
use crate::msg;

/// Writes the completion script for `shell` (descriptions in `ui`'s language, for the shells that
/// show them).
pub fn completions(shell: clap_complete::Shell, ui: Ui, out: &mut dyn Write) -> Result<()> {
    // Generated into memory first: the generator panics on a closed pipe, `write_all` does not.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(ui), "engage", &mut script);
    out.write_all(&script).map_err(|e| Error::io(msg!("writing the completion script", "écriture du script de complétion"), e))
}

/// Writes the manual page as roff, in `ui`'s language (in French, the section names too).
pub fn man(ui: Ui, out: &mut dyn Write) -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(crate::i18n::help::localize_for_page(<crate::cli::Cli as clap::CommandFactory>::command(), ui))
        .render(&mut page)
        .map_err(|e| Error::io(msg!("writing the manual page", "écriture de la page de manuel"), e))?;
    let page = match ui {
        Ui::En => page,
        Ui::Fr => {
            let text = String::from_utf8_lossy(&page);
            let lines: Vec<String> = text.split('\n').map(|line| french_section(line).unwrap_or_else(|| line.to_string())).collect();
            lines.join("\n").into_bytes()
        }
    };
    out.write_all(&page).map_err(|e| Error::io(msg!("writing the manual page", "écriture de la page de manuel"), e))
}

/// A section heading of the manual page (`.SH NAME`) in French; `None` for any other line.
fn french_section(line: &str) -> Option<String> {
    let name = line.strip_prefix(".SH ")?;
    let french = match name.trim_matches('"') {
        "NAME" => "NOM",
        "SYNOPSIS" => "SYNOPSIS",
        "DESCRIPTION" => "DESCRIPTION",
        "OPTIONS" => "OPTIONS",
        "SUBCOMMANDS" | "Commandes" => "COMMANDES",
        "EXTRA" => "COMPLÉMENTS",
        "VERSION" => "VERSION",
        "AUTHORS" => "AUTEURS",
        _ => return None,
    };
    Some(format!(".SH {french}"))
}
