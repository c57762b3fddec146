//! Files in and out: `import` and `export`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use keepwarm::interop::{self, export as exporters, Format};
use keepwarm::store::ImportSummary;

use super::args::format_arg;
use super::output::{print_json, safe, write_atomically};
use super::plan::make_plan;
use super::Ctx;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read.
    file: PathBuf,
    /// The format (default: recognised from the content).
    #[arg(long, value_parser = format_arg)]
    format: Option<Format>,
    /// Report what would happen and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print a JSON summary.
    #[arg(long)]
    json: bool,
}

pub fn import(ctx: &Ctx, a: ImportArgs) -> Result<()> {
    // A dry run never creates the database: on a missing one it shows what an
    // import into a new, empty database would do.
    let mut writing;
    let mut reading;
    let store: &mut keepwarm::Store = if !a.dry_run {
        writing = ctx.open_for_writing()?;
        &mut writing
    } else if ctx.db_path.exists() {
        reading = ctx.open_for_reading()?;
        &mut reading
    } else {
        reading = keepwarm::Store::open_in_memory()?;
        &mut reading
    };
    let dates = store.date_reading()?;
    let (format, parsed) = match interop::read_file(&a.file, a.format, &dates) {
        Ok(read) => read,
        Err(e) => {
            if a.json {
                print_json(&serde_json::json!({
                    "file": a.file.display().to_string(),
                    "added": 0, "merged": 0, "skipped": 0, "errors": [e.to_string()],
                    "warnings": [], "merges": [], "possible_duplicates": [], "skipped_records": [],
                    "dry_run": a.dry_run,
                }))?;
            }
            return Err(e.into());
        }
    };
    let bar = (parsed.contacts.len() >= 1000).then(|| {
        indicatif::ProgressBar::new(parsed.contacts.len() as u64).with_style(
            indicatif::ProgressStyle::with_template("importing {bar:40} {pos}/{len} contacts")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    });
    let summary =
        store.import_contacts(format, &parsed, ctx.today, a.dry_run, &mut |done, total| {
            if let Some(bar) = &bar {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
        })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if a.json {
        print_json(&summary)?;
    }
    report(&summary, format, &a.file);
    Ok(())
}

/// How many merges and skipped records the human summary lists one by one.
const LISTED: usize = 20;
/// How many warnings it lists (a file of namesakes can make thousands).
const LISTED_WARNINGS: usize = 50;

/// The human summary on stderr: warnings, who merged into whom, what was skipped.
fn report(summary: &ImportSummary, format: Format, file: &std::path::Path) {
    let mut err = std::io::stderr().lock();
    // A closed stderr has no one left to tell.
    let _ = (|| -> std::io::Result<()> {
        for warning in summary.warnings.iter().take(LISTED_WARNINGS) {
            writeln!(err, "warning: {}", safe(warning))?;
        }
        if summary.warnings.len() > LISTED_WARNINGS {
            writeln!(
                err,
                "warning: … and {} more (see --json)",
                summary.warnings.len() - LISTED_WARNINGS
            )?;
        }
        for skipped in summary.skipped_records.iter().take(LISTED) {
            writeln!(
                err,
                "skipped: {}:{}: {}",
                safe(&skipped.file),
                skipped.line,
                safe(&skipped.reason)
            )?;
        }
        if summary.skipped_records.len() > LISTED {
            writeln!(
                err,
                "skipped: … and {} more (see --json)",
                summary.skipped_records.len() - LISTED
            )?;
        }
        for m in summary.merges.iter().take(LISTED) {
            let mut what = Vec::new();
            if !m.filled.is_empty() {
                what.push(format!("added {}", m.filled.join(", ")));
            }
            if !m.conflicts.is_empty() {
                let fields: Vec<&str> = m.conflicts.iter().map(|c| c.field.as_str()).collect();
                what.push(format!(
                    "kept its own {} (theirs went to the notes)",
                    fields.join(", ")
                ));
            }
            if what.is_empty() {
                what.push("nothing new".into());
            }
            writeln!(
                err,
                "merged: {}:{} {} into #{} {}{} ({}; {})",
                safe(&m.file),
                m.line,
                safe(&m.name),
                m.into_id,
                safe(&m.into_name),
                if m.into_new {
                    ", new from this file"
                } else {
                    ""
                },
                m.matched_by.describe(),
                safe(&what.join("; "))
            )?;
        }
        for d in summary.possible_duplicates.iter().take(LISTED) {
            let [a, b] = d.ids;
            let others = match d.namesakes {
                0 | 1 => String::new(),
                n => format!(" (one of {n} with that name)"),
            };
            writeln!(
                err,
                "possible duplicate: {}:{} {} added as #{b}, apart from #{a} {}{others}: {}; `keepwarm merge {a} {b}` if they are one person",
                safe(&d.file),
                d.line,
                safe(&d.name),
                safe(&d.contact_name),
                safe(&d.reason)
            )?;
        }
        if summary.possible_duplicates.len() > LISTED {
            writeln!(
                err,
                "possible duplicate: … and {} more (see --json)",
                summary.possible_duplicates.len() - LISTED
            )?;
        }
        if summary.merges.len() > LISTED {
            writeln!(
                err,
                "merged: … and {} more (see --json)",
                summary.merges.len() - LISTED
            )?;
        }
        writeln!(
            err,
            "{} {} new, {} merged, {} skipped{} ({} file {})",
            if summary.dry_run {
                "Would import:"
            } else {
                "Imported:"
            },
            summary.added,
            summary.merged,
            summary.skipped,
            match summary.possible_duplicates.len() {
                0 => String::new(),
                n => format!(", {n} possible duplicate{}", if n == 1 { "" } else { "s" }),
            },
            format,
            safe(&file.display().to_string())
        )
    })();
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportKind {
    /// vCard 4.0.
    Vcard,
    /// CSV that Google Contacts reads and keepwarm re-imports unchanged.
    Csv,
    /// iCalendar: one event per planned ping, one yearly event per birthday.
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    kind: ExportKind,
    /// Where to write it.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// For `ics`: how many days of pings, from today.
    #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3660))]
    days: u32,
    /// Print what was written as JSON (format, file, counts).
    #[arg(long)]
    json: bool,
}

/// What `export --json` reports.
#[derive(Debug, serde::Serialize)]
struct Exported<'a> {
    format: &'static str,
    out: &'a std::path::Path,
    /// Contacts written (`vcard`, `csv`).
    #[serde(skip_serializing_if = "Option::is_none")]
    contacts: Option<usize>,
    /// Pings in the calendar (`ics`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pings: Option<usize>,
    /// Birthdays in the calendar (`ics`).
    #[serde(skip_serializing_if = "Option::is_none")]
    birthdays: Option<usize>,
    /// Days of pings from today (`ics` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<u32>,
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let contacts = store.contacts()?;
    let out = &a.out;
    let report = match a.kind {
        ExportKind::Vcard | ExportKind::Csv => {
            write_atomically(out, |w| match a.kind {
                ExportKind::Csv => exporters::write_csv(&contacts, w),
                _ => exporters::write_vcards(&contacts, w),
            })?;
            Exported {
                format: if matches!(a.kind, ExportKind::Csv) {
                    "csv"
                } else {
                    "vcard"
                },
                out,
                contacts: Some(contacts.len()),
                pings: None,
                birthdays: None,
                days: None,
            }
        }
        ExportKind::Ics => {
            let plan = make_plan(&store, ctx.today, a.days)?;
            let options = interop::ics::IcsOptions {
                alarm_at: store.planner_settings()?.alarm_time,
                stamp: chrono::Utc::now(),
            };
            let text = interop::ics::calendar(&plan.pings, &contacts, &options);
            write_atomically(out, |w| w.write_all(text.as_bytes()))?;
            Exported {
                format: "ics",
                out,
                contacts: None,
                pings: Some(plan.pings.len()),
                birthdays: Some(
                    contacts
                        .iter()
                        .filter(|c| c.birthday.is_some() && !c.paused)
                        .count(),
                ),
                days: Some(a.days),
            }
        }
    };
    if a.json {
        return print_json(&report);
    }
    let path = out.display().to_string();
    let file = safe(&path);
    match report {
        Exported {
            pings: Some(pings),
            birthdays: Some(birthdays),
            days: Some(days),
            ..
        } => eprintln!(
            "Exported {pings} pings over {days} days and the birthdays of {birthdays} contacts to {file}"
        ),
        _ => eprintln!(
            "Exported {} contacts to {file}",
            report.contacts.unwrap_or_default()
        ),
    }
    Ok(())
}
