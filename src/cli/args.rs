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

/// A date for the flag `field`: `YYYY-MM-DD`, or as people write it when it
/// reads one way only ("20/12/2026", "12/20/2026", "20 Dec 2026").
pub fn date_arg(field: &'static str) -> impl Fn(&str) -> Result<NaiveDate, String> + Clone {
    move |s| match parse_date(field, s) {
        Ok(date) => Ok(date),
        Err(e) => written_date(s).unwrap_or_else(|| Err(with_the_forms(reason_only(e)))),
    }
}

/// A date refused for its shape, with the shapes that would do ("15 Dec"
/// lacks its year).
fn with_the_forms(reason: String) -> String {
    if reason.starts_with("expected a date") {
        "expected a date as YYYY-MM-DD, or written out with its year: 15 Dec 2026, 15/12/2026"
            .to_owned()
    } else {
        reason
    }
}

/// A birthday: `YYYY-MM-DD`, `--MM-DD`, or a date as people write it when it
/// reads one way only ("20/12/1981", "20 Dec 1981").
pub fn birthday_arg(s: &str) -> Result<Birthday, String> {
    s.parse().or_else(|e| match written_date(s) {
        Some(Ok(date)) => date
            .format("%Y-%m-%d")
            .to_string()
            .parse()
            .map_err(reason_only),
        Some(Err(why)) => Err(why),
        None => Err(reason_only(e)),
    })
}

/// A date written the way people write it: `None` when `s` is no such
/// date, `Some(Err)` when it reads two ways ("4/12/2026": day or month
/// first?), said with both readings.
fn written_date(s: &str) -> Option<Result<NaiveDate, String>> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month_of = |w: &str| {
        let w = w.to_lowercase();
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && w.starts_with(m))
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    // "27.11.26", "27/11/26"; "26-11-01" may be a year first, so a short
    // year is read only after a slash or a dot.
    let short_year_ok = !s.contains('-');
    let year_of = |w: &str| {
        w.parse::<i32>().ok().and_then(|y| match w.len() {
            4 => Some(y),
            // "20/12/81" is 1981, "3/12/26" 2026.
            2 if short_year_ok && y > 40 => Some(1900 + y),
            2 if short_year_ok => Some(2000 + y),
            _ => None,
        })
    };
    let no_date = || Err(format!("no such calendar date: {s}"));
    let parts: Vec<&str> = s
        .trim()
        .split(['/', '.', '-', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let year = year_of(c)?;
    // "20 Dec 2026", "Dec 20 2026".
    if let Some(month) = month_of(b) {
        let day = a
            .trim_end_matches(|ch: char| ch.is_alphabetic())
            .parse()
            .ok()?;
        return Some(NaiveDate::from_ymd_opt(year, month, day).map_or_else(no_date, Ok));
    }
    if let Some(month) = month_of(a) {
        let day = b
            .trim_end_matches(|ch: char| ch.is_alphabetic())
            .parse()
            .ok()?;
        return Some(NaiveDate::from_ymd_opt(year, month, day).map_or_else(no_date, Ok));
    }
    let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (day, month) = match (x > 12, y > 12) {
        (true, false) => (x, y),
        (false, true) => (y, x),
        (false, false) if x == y => (x, y),
        (false, false) => {
            let date = |d: u32, m: u32| {
                NaiveDate::from_ymd_opt(year, m, d)
                    .map(|d| d.format("%Y-%m-%d (%-d %B)").to_string())
            };
            return Some(Err(format!(
                "{s} reads two ways: write {} or {}",
                date(x, y).unwrap_or_default(),
                date(y, x).unwrap_or_default()
            )));
        }
        (true, true) => return Some(no_date()),
    };
    Some(NaiveDate::from_ymd_opt(year, month, day).map_or_else(no_date, Ok))
}

#[cfg(test)]
mod written_date_tests {
    use super::*;

    #[test]
    fn dates_are_read_as_people_write_them_when_they_read_one_way() {
        let date = date_arg("--date");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date("2026-11-27"), Ok(d("2026-11-27")));
        assert_eq!(date("27/11/2026"), Ok(d("2026-11-27")));
        assert_eq!(date("11/27/2026"), Ok(d("2026-11-27")));
        assert_eq!(date("27.11.26"), Ok(d("2026-11-27")));
        assert_eq!(date("27 Nov 2026"), Ok(d("2026-11-27")));
        assert_eq!(date("December 3 2026"), Ok(d("2026-12-03")));
        assert_eq!(
            date("4/12/2026"),
            Err(
                "4/12/2026 reads two ways: write 2026-12-04 (4 December) or 2026-04-12 (12 April)"
                    .to_owned()
            )
        );
        assert!(date("31/02/2026")
            .unwrap_err()
            .contains("no such calendar date"));
        assert!(date("Fri").unwrap_err().contains("YYYY-MM-DD"));
        assert!(date("1/2/3/4").unwrap_err().contains("YYYY-MM-DD"));
        assert!(date("26-11-01").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(
            birthday_arg("20/12/81").map(|b| b.to_string()),
            Ok("1981-12-20".to_owned())
        );
        assert_eq!(
            birthday_arg("20/12/1981").map(|b| b.to_string()),
            Ok("1981-12-20".to_owned())
        );
        assert!(birthday_arg("9/1/2019")
            .unwrap_err()
            .contains("reads two ways"));
        assert_eq!(
            birthday_arg("--12-20").map(|b| b.to_string()),
            Ok("--12-20".to_owned())
        );
    }
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
pub fn report_parse_error(e: clap::Error, root: &clap::Command, args: &[String]) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // --help, --version, or no arguments at all.
        let text = e.render().to_string();
        print!("{text}");
        return ExitCode::SUCCESS;
    }
    let mut line = one_line(&e.render().to_string());
    if let Some(tip) = subcommand_tip(&e, root, args) {
        // Before the "(see … --help)" that ends the line.
        let at = line.rfind(" (").unwrap_or(line.len());
        line.insert_str(at, &format!("; {tip}"));
    }
    eprintln!("keepwarm: {line}");
    ExitCode::FAILURE
}

/// A suggestion for a mistyped subcommand when clap has none: clap's similarity
/// measure misses swapped letters in short words (`lgo` for `log`), the commonest
/// slip at a keyboard. Looks among the subcommands at the level where the word was
/// typed (`promise lsit` → `list`).
fn subcommand_tip(e: &clap::Error, root: &clap::Command, args: &[String]) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::InvalidSubcommand || e.get(ContextKind::SuggestedSubcommand).is_some()
    {
        return None;
    }
    let Some(ContextValue::String(typed)) = e.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    // The command the word was typed under: follow the subcommands named before it.
    let mut level = root;
    for arg in args.iter().skip(1).take_while(|a| *a != typed) {
        if let Some(sub) = level.find_subcommand(arg) {
            level = sub;
        }
    }
    closest_name(typed, level.get_subcommands().map(clap::Command::get_name))
        .map(|name| format!("a similar subcommand exists: '{name}'"))
}

/// The name nearest `typed` by edits (a swap of two letters counts as one), if
/// it is near enough to be a slip: one edit, or two in a longer word.
fn closest_name<'a>(typed: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.to_lowercase();
    names
        .map(|name| (strsim::osa_distance(&typed, name), name))
        .filter(|&(distance, name)| distance <= if name.len() >= 6 { 2 } else { 1 })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, name)| name)
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

    #[test]
    fn swapped_letters_find_the_subcommand_meant() {
        let names = ["log", "show", "settings", "list", "add"];
        assert_eq!(closest_name("lgo", names.into_iter()), Some("log"));
        assert_eq!(closest_name("LGO", names.into_iter()), Some("log"));
        assert_eq!(
            closest_name("setitngs", names.into_iter()),
            Some("settings")
        );
        assert_eq!(closest_name("xyz", names.into_iter()), None);
        assert_eq!(closest_name("lsit", names.into_iter()), Some("list"));
    }
}
