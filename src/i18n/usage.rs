//! Usage errors (clap's) in one line, in the interface's language. clap writes its errors in
//! English only; in French they are said again from their kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Ui;

/// The usage error as one line, without `error:`, in `ui`'s language.
pub fn message(e: &clap::Error, ui: Ui) -> String {
    let rendered = e.render().to_string();
    let english = rendered.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid usage");
    let english = english.strip_prefix("error: ").unwrap_or(english).to_string();
    match ui {
        Ui::En => english,
        Ui::Fr => french(e).unwrap_or_else(|| format!("utilisation invalide ({english})")),
    }
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn french(e: &clap::Error) -> Option<String> {
    let arg = || text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(e, ContextKind::InvalidValue).unwrap_or_default();
    let hint = |kind: ContextKind| text(e, kind).map(|s| format!("; vouliez-vous dire « {s} »?")).unwrap_or_default();
    Some(match e.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu « {} »{}", arg(), hint(ContextKind::SuggestedArg)),
        ErrorKind::InvalidSubcommand => {
            let sub = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("sous-commande inconnue « {sub} »{}", hint(ContextKind::SuggestedSubcommand))
        }
        ErrorKind::InvalidValue => {
            let valid = text(e, ContextKind::ValidValue).map(|v| format!("; valeurs permises : {v}")).unwrap_or_default();
            if value().is_empty() {
                format!("« {} » demande une valeur{valid}", arg())
            } else {
                format!("valeur « {} » invalide pour « {} »{valid}", value(), arg())
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(|s| format!(" : {s}")).unwrap_or_default();
            format!("valeur « {} » invalide pour « {} »{why}", value(), arg())
        }
        ErrorKind::MissingRequiredArgument => format!("argument requis manquant : {}", arg()),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "une sous-commande est requise; consultez `engage --help`".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(e, ContextKind::PriorArg).unwrap_or_default();
            format!("« {} » ne peut pas être utilisé avec « {prior} »", arg())
        }
        ErrorKind::TooManyValues => format!("trop de valeurs pour « {} » : « {} »", arg(), value()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("mauvais nombre de valeurs pour « {} »", arg()),
        ErrorKind::NoEquals => format!("« {} » demande un « = » avant sa valeur", arg()),
        ErrorKind::InvalidUtf8 => "un argument n'est pas du texte UTF-8 valide".to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::*;

    fn usage(args: &[&str], ui: Ui) -> String {
        let cmd = super::super::help::localize(crate::cli::Cli::command(), ui);
        let err = cmd.try_get_matches_from(args).and_then(|m| crate::cli::Cli::from_arg_matches(&m)).expect_err("a usage error");
        message(&err, ui)
    }

    #[test]
    fn usage_errors_in_french() {
        assert_eq!(usage(&["engage", "statuss"], Ui::Fr), "sous-commande inconnue « statuss »; vouliez-vous dire « status »?");
        assert!(usage(&["engage", "status", "--bogus"], Ui::Fr).starts_with("argument inattendu « --bogus »"));
        let bad = usage(&["engage", "status", "--format", "csv"], Ui::Fr);
        assert!(bad.starts_with("valeur « csv » invalide pour « --format <FORMAT> »; valeurs permises : table, json"), "{bad}");
        assert!(usage(&["engage", "milestone", "add"], Ui::Fr).starts_with("argument requis manquant : "));
        assert!(usage(&["engage", "statuss"], Ui::En).starts_with("unrecognized subcommand 'statuss'"));
    }
}
