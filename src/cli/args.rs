//! Argument parsers shared by the commands, and how a parse error is reported.

use std::process::ExitCode;

use chrono::NaiveDate;

use keepwarm::interop::Format;
use keepwarm::model::{parse_date, Birthday, Circle, InteractionKind};

// clap already names the flag and the value, so its parsers only say what is wrong.
fn reason_only(e: keepwarm::Error) -> String {
    match e {
        keepwarm::Error::InvalidField { reason, .. } => reason,
        other => other.to_string(),
    }
}

/// A `YYYY-MM-DD` date for the flag `field`.
pub fn date_arg(field: &'static str) -> impl Fn(&str) -> Result<NaiveDate, String> + Clone {
    move |s| parse_date(field, s).map_err(reason_only)
}

/// A birthday: `YYYY-MM-DD` or `--MM-DD`.
pub fn birthday_arg(s: &str) -> Result<Birthday, String> {
    s.parse().map_err(reason_only)
}

/// What `edit --birthday` does: set one, or remove it (`none`).
#[derive(Debug, Clone, Copy)]
pub enum BirthdayChange {
    /// Set this birthday.
    Set(Birthday),
    /// Remove the birthday.
    Remove,
}

/// A birthday to set, or `none` to remove it.
pub fn birthday_change_arg(s: &str) -> Result<BirthdayChange, String> {
    if s.trim().eq_ignore_ascii_case("none") {
        Ok(BirthdayChange::Remove)
    } else {
        birthday_arg(s).map(BirthdayChange::Set)
    }
}

/// A circle name.
pub fn circle_arg(s: &str) -> Result<Circle, String> {
    s.parse().map_err(reason_only)
}

/// An import format name.
pub fn format_arg(s: &str) -> Result<Format, String> {
    s.parse().map_err(reason_only)
}

/// An interaction kind.
pub fn kind_arg(s: &str) -> Result<InteractionKind, String> {
    s.parse().map_err(reason_only)
}

/// Prints a parse error as one line naming what is wrong (and clap's suggestion,
/// e.g. the subcommand or flag that was probably meant); help and version go to
/// stdout, and `keepwarm` alone prints the help.
pub fn report_parse_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // --help, --version, or no arguments at all.
        let text = e.render().to_string();
        print!("{text}");
        return ExitCode::SUCCESS;
    }
    eprintln!("keepwarm: {}", one_line(&e.render().to_string()));
    ExitCode::FAILURE
}

/// clap's page of error, usage and tips folded into one line:
/// `error: the following required arguments were not provided:\n  <CONTACT>…`
/// becomes `the following required arguments were not provided: <CONTACT> (see keepwarm log --help)`.
fn one_line(rendered: &str) -> String {
    let mut message = String::new();
    let mut tips = Vec::new();
    let mut help = None;
    for line in rendered.lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        if let Some(usage) = line.strip_prefix("Usage:") {
            // "Usage: keepwarm log --kind <KIND> <CONTACT>..." names the command.
            let words: Vec<&str> = usage
                .split_whitespace()
                .take_while(|w| !w.starts_with(['-', '<', '[']))
                .collect();
            help = Some(format!("see {} --help", words.join(" ")));
            continue;
        }
        if line.starts_with("For more information") {
            continue;
        }
        if let Some(tip) = line.strip_prefix("tip: ") {
            tips.push(tip.to_owned());
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        if !message.is_empty() && !message.ends_with(':') {
            message.push(';');
        }
        if !message.is_empty() {
            message.push(' ');
        }
        message.push_str(line);
    }
    for tip in tips {
        message.push_str("; ");
        message.push_str(&tip);
    }
    let help = help.unwrap_or_else(|| "see keepwarm --help".to_owned());
    format!("{message} ({help})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_fold_into_one_line_that_names_the_problem() {
        let rendered = "error: the following required arguments were not provided:\n  --kind <KIND>\n  <CONTACT>...\n\nUsage: keepwarm log --kind <KIND> <CONTACT>...\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "the following required arguments were not provided: --kind <KIND>; <CONTACT>... (see keepwarm log --help)"
        );
        let typo = "error: unrecognized subcommand 'shw'\n\n  tip: a similar subcommand exists: 'show'\n\nUsage: keepwarm [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(typo),
            "unrecognized subcommand 'shw'; a similar subcommand exists: 'show' (see keepwarm --help)"
        );
    }
}
