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

/// Prints a parse error as one line (help and version go to stdout as they are).
pub fn report_parse_error(e: clap::Error) -> ExitCode {
    if !e.use_stderr() {
        // --help and --version
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    // One line, not clap's page of usage: the contract promises one clear line.
    let rendered = e.to_string();
    let first = rendered.lines().next().unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    eprintln!("keepwarm: {first} (see keepwarm --help)");
    ExitCode::FAILURE
}
