//! Files in and out: `import` and `export`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use keepwarm::interop::{self, export as exporters, Format};

use super::args::format_arg;
use super::output::{print_json, write_atomically};
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
    let (format, parsed) = match interop::read_file(&a.file, a.format) {
        Ok(read) => read,
        Err(e) => {
            if a.json {
                print_json(&serde_json::json!({
                    "added": 0, "merged": 0, "skipped": 0, "errors": [e.to_string()]
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
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    if a.json {
        print_json(&summary)?;
    }
    eprintln!(
        "{} {} new, {} merged, {} skipped ({} file {})",
        if a.dry_run {
            "Would import:"
        } else {
            "Imported:"
        },
        summary.added,
        summary.merged,
        summary.skipped,
        format,
        a.file.display()
    );
    Ok(())
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
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let contacts = store.contacts()?;
    let out = &a.out;
    match a.kind {
        ExportKind::Vcard | ExportKind::Csv => {
            write_atomically(out, |w| match a.kind {
                ExportKind::Csv => exporters::write_csv(&contacts, w),
                _ => exporters::write_vcards(&contacts, w),
            })?;
            eprintln!("Exported {} contacts to {}", contacts.len(), out.display());
        }
        ExportKind::Ics => {
            let plan = make_plan(&store, ctx.today, a.days)?;
            let options = interop::ics::IcsOptions {
                alarm_at: store.planner_settings()?.alarm_time,
                stamp: chrono::Utc::now(),
            };
            let text = interop::ics::calendar(&plan.pings, &contacts, &options);
            write_atomically(out, |w| w.write_all(text.as_bytes()))?;
            eprintln!(
                "Exported {} pings over {} days and the birthdays of {} contacts to {}",
                plan.pings.len(),
                a.days,
                contacts
                    .iter()
                    .filter(|c| c.birthday.is_some() && !c.paused)
                    .count(),
                out.display()
            );
        }
    }
    Ok(())
}
