//! Usage errors (clap's) in one line, in the interface's language. clap writes its errors in
//! English only; in French they are said again from their kind and context.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Ui;

/// The usage error as one line, without `error:`, in `ui`'s language. When clap found a similar
/// subcommand, argument or value to the one typed, the line ends with it: `… (did you mean
/// 'status'?)`, `…; vouliez-vous dire « status »?`.
pub fn message(e: &clap::Error, ui: Ui) -> String {
    let rendered = e.render().to_string();
    let english = rendered.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid usage");
    let mut english = english.strip_prefix("error: ").unwrap_or(english).to_string();
    if e.kind() == ErrorKind::MissingRequiredArgument
        && let Some(args) = text(e, ContextKind::InvalidArg)
    {
        // clap lists the missing arguments on the lines that follow: keep them on this one.
        english = format!("{} {args}", english.trim_end());
    }
    match ui {
        Ui::En => format!("{english}{}", did_you_mean(e, ui)),
        Ui::Fr => french(e).unwrap_or_else(|| format!("utilisation invalide ({english})")),
    }
}

/// What clap suggests instead of what was typed: a subcommand, an argument or a value.
fn suggestion(e: &clap::Error) -> Option<Vec<String>> {
    [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue].into_iter().find_map(|kind| {
        let found: Vec<String> = match e.get(kind)? {
            ContextValue::String(s) => vec![s.clone()],
            ContextValue::Strings(v) => v.clone(),
            _ => return None,
        };
        (!found.is_empty()).then_some(found)
    })
}

/// clap's suggestion as the end of a one-line message (empty without one): ` (did you mean 'a' or
/// 'b'?)`, `; vouliez-vous dire « a » ou « b »?`.
fn did_you_mean(e: &clap::Error, ui: Ui) -> String {
    let Some(names) = suggestion(e) else { return String::new() };
    match ui {
        Ui::En => format!(" (did you mean {}?)", names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(" or ")),
        Ui::Fr => format!(
            "\u{202f}; vouliez-vous dire {}\u{202f}?",
            names.iter().map(|n| format!("«\u{202f}{n}\u{202f}»")).collect::<Vec<_>>().join(" ou ")
        ),
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
    let hint = did_you_mean(e, Ui::Fr);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu «\u{202f}{}\u{202f}»{hint}", arg()),
        ErrorKind::InvalidSubcommand => {
            let sub = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("sous-commande inconnue «\u{202f}{sub}\u{202f}»{hint}")
        }
        ErrorKind::InvalidValue => {
            let valid = text(e, ContextKind::ValidValue).map(|v| format!("\u{202f}; valeurs permises\u{a0}: {v}")).unwrap_or_default();
            if value().is_empty() {
                format!("«\u{202f}{}\u{202f}» demande une valeur{valid}", arg())
            } else {
                format!("valeur «\u{202f}{}\u{202f}» invalide pour «\u{202f}{}\u{202f}»{valid}{hint}", value(), arg())
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(|s| format!("\u{a0}: {s}")).unwrap_or_default();
            format!("valeur «\u{202f}{}\u{202f}» invalide pour «\u{202f}{}\u{202f}»{why}", value(), arg())
        }
        ErrorKind::MissingRequiredArgument => format!("argument requis manquant\u{a0}: {}", arg()),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "une sous-commande est requise; consultez `engage --help`".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(e, ContextKind::PriorArg).unwrap_or_default();
            format!("«\u{202f}{}\u{202f}» ne peut pas être utilisé avec «\u{202f}{prior}\u{202f}»", arg())
        }
        ErrorKind::TooManyValues => format!("trop de valeurs pour «\u{202f}{}\u{202f}»\u{a0}: «\u{202f}{}\u{202f}»", arg(), value()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("mauvais nombre de valeurs pour «\u{202f}{}\u{202f}»", arg()),
        ErrorKind::NoEquals => format!("«\u{202f}{}\u{202f}» demande un «\u{202f}=\u{202f}» avant sa valeur", arg()),
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
        assert_eq!(
            usage(&["engage", "statuss"], Ui::Fr),
            "sous-commande inconnue «\u{202f}statuss\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}status\u{202f}»\u{202f}?"
        );
        assert!(usage(&["engage", "status", "--bogus"], Ui::Fr).starts_with("argument inattendu «\u{202f}--bogus\u{202f}»"));
        let bad = usage(&["engage", "status", "--format", "csv"], Ui::Fr);
        assert!(bad.starts_with("valeur «\u{202f}csv\u{202f}» invalide pour «\u{202f}--format <FORMAT>\u{202f}»\u{202f}; valeurs permises\u{a0}: table, json"), "{bad}");
        assert!(usage(&["engage", "milestone", "add"], Ui::Fr).starts_with("argument requis manquant\u{a0}: "));
        assert!(usage(&["engage", "statuss"], Ui::En).starts_with("unrecognized subcommand 'statuss'"));
    }

    #[test]
    fn suggestions_stay_on_the_one_line() {
        let cases: &[(&[&str], &str, &str)] = &[
            (
                &["engage", "statu"],
                "unrecognized subcommand 'statu' (did you mean 'status'?)",
                "sous-commande inconnue «\u{202f}statu\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}status\u{202f}»\u{202f}?",
            ),
            (
                &["engage", "milestone", "lst"],
                "unrecognized subcommand 'lst' (did you mean 'list'?)",
                "sous-commande inconnue «\u{202f}lst\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}list\u{202f}»\u{202f}?",
            ),
            (
                &["engage", "status", "--formt", "json"],
                "unexpected argument '--formt' found (did you mean '--format'?)",
                "argument inattendu «\u{202f}--formt\u{202f}»\u{202f}; vouliez-vous dire «\u{202f}--format\u{202f}»\u{202f}?",
            ),
            (
                &["engage", "status", "--format", "jsn"],
                "invalid value 'jsn' for '--format <FORMAT>' (did you mean 'json'?)",
                "valeur «\u{202f}jsn\u{202f}» invalide pour «\u{202f}--format <FORMAT>\u{202f}»\u{202f}; valeurs permises\u{a0}: table, json\u{202f}; vouliez-vous dire «\u{202f}json\u{202f}»\u{202f}?",
            ),
        ];
        for (args, en, fr) in cases {
            assert_eq!(usage(args, Ui::En), *en);
            assert_eq!(usage(args, Ui::Fr), *fr);
        }
        assert_eq!(usage(&["engage", "status", "--xyz"], Ui::En), "unexpected argument '--xyz' found");
        assert_eq!(usage(&["engage", "status", "--xyz"], Ui::Fr), "argument inattendu «\u{202f}--xyz\u{202f}»");
    }
}
