//! The command line: one module per command group, each a thin call into the library.
//!
//! `mod.rs` holds the top-level parser, the shared context (database path and
//! today) and the dispatch; the modules hold each group's arguments and printing.

mod args;
mod calendar;
mod contacts;
mod history;
mod interop;
mod log;
mod manage;
mod notify;
mod output;
mod plan;
mod settings;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use keepwarm::store::{default_db_path, Store};

/// keepwarm keeps your contacts warm: a small, well-timed ping 3–10 times a year.
#[derive(Debug, Parser)]
#[command(name = "keepwarm", version, about, arg_required_else_help = true)]
struct Cli {
    /// The database file (default: the platform data folder).
    #[arg(long, global = true, env = "KEEPWARM_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    /// The date to act as today, YYYY-MM-DD (default: the local date).
    #[arg(long, global = true, value_name = "DATE", value_parser = args::date_arg("--today"))]
    today: Option<NaiveDate>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fill an empty database with realistic sample data.
    Demo(contacts::DemoArgs),
    /// Add a contact and print its id.
    Add(contacts::AddArgs),
    /// List contacts.
    Contacts(contacts::ContactsArgs),
    /// Show one contact: every field, warmth, the timeline, promises and next pings.
    Show(manage::ShowArgs),
    /// Change a contact's fields.
    Edit(manage::EditArgs),
    /// Merge two contacts that are one person: OTHER's history moves to KEEP.
    Merge(manage::MergeArgs),
    /// Move a contact, with its history, to the trash.
    Delete(manage::DeleteArgs),
    /// List the contacts in the trash.
    Trash(manage::TrashArgs),
    /// Bring a contact back from the trash.
    Restore(manage::RestoreArgs),
    /// Revert the most recent change (repeat to go further back).
    Undo(history::UndoArgs),
    /// Write a consistent copy of the database now.
    Backup(history::BackupArgs),
    /// Log an interaction with a contact.
    Log(log::LogArgs),
    /// Pause a contact: no pings until resumed (due promises still show).
    Pause(contacts::PauseArgs),
    /// Track a commitment: `promise CONTACT --due DATE TEXT`, or `promise done ID`.
    Promise(log::PromiseArgs),
    /// The ping plan: who to ping when, why, and what to do.
    Plan(plan::PlanArgs),
    /// Today's pings.
    Today(plan::TodayArgs),
    /// Mark a ping done: logs the interaction (today) and plans the next one.
    Done(plan::DoneArgs),
    /// Move a ping later by some days.
    Snooze(plan::SnoozeArgs),
    /// Drop one ping; the rhythm goes on after it.
    Skip(plan::SkipArgs),
    /// Run the planner forward, doing every ping on its day, and show the shape of the year.
    Simulate(plan::SimulateArgs),
    /// Import contacts from a vCard, LinkedIn, Google or Outlook file (all or nothing).
    Import(interop::ImportArgs),
    /// Export contacts (`vcard`, `csv`) or the ping plan and birthdays as a calendar (`ics`).
    Export(interop::ExportArgs),
    /// Serve the ping plan as a calendar feed on 127.0.0.1 for calendar apps to subscribe to.
    Feed(calendar::FeedArgs),
    /// Send today's digest notification and due-promise reminders now, and exit.
    Notify(notify::NotifyArgs),
    /// Show the settings, or change one: `settings set KEY VALUE`.
    Settings(settings::SettingsArgs),
    /// Sync with a CardDAV/CalDAV server: `sync setup URL --user U`, `sync`, `sync status`.
    Sync(sync::SyncArgs),
}

/// What every command needs: where the database is and what day it is.
pub(crate) struct Ctx {
    /// The database file.
    pub db_path: PathBuf,
    /// The day to act as today.
    pub today: NaiveDate,
    /// Whether `--today` was given (the feed keeps following the clock otherwise).
    pub today_given: Option<NaiveDate>,
}

impl Ctx {
    /// Opens the database for a command that changes it, creating it when missing
    /// (and saying so, so that a mistyped `--db` does not go unnoticed).
    pub fn open_for_writing(&self) -> Result<Writing> {
        let existed = self.db_path.exists();
        let mut store = Store::open(&self.db_path)?;
        if !existed {
            eprintln!(
                "Created a new keepwarm database at {}",
                self.db_path.display()
            );
        }
        store.set_today(self.today);
        Ok(Writing(store))
    }

    /// Opens the database for a command that only reads it: never creates it and
    /// never takes a write lock.
    pub fn open_for_reading(&self) -> Result<Store> {
        let mut store = Store::open_read_only(&self.db_path)?;
        store.set_today(self.today);
        Ok(store)
    }
}

/// A store opened for writing; when the command is over it prints what the store
/// noticed without stopping (e.g. a daily backup that could not be written).
pub(crate) struct Writing(Store);

impl std::ops::Deref for Writing {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.0
    }
}

impl std::ops::DerefMut for Writing {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.0
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        for warning in self.0.take_warnings() {
            eprintln!("warning: {warning}");
        }
    }
}

/// Parses the arguments, runs the command and turns errors into one line on stderr.
pub fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => {
            return args::report_parse_error(e, &<Cli as clap::CommandFactory>::command(), &argv)
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `keepwarm contacts | head` closing the pipe early is not a failure.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("keepwarm: {}", error_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes in one line, each said once: the library's messages
/// already include their cause ("x.db: Is a directory (os error 21)"), so a cause
/// whose text is already there is not repeated.
fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    keepwarm::validate::escape_control(&line)
}

fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx {
        db_path: match cli.db {
            Some(path) => path,
            None => default_db_path()?,
        },
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        today_given: cli.today,
    };
    match cli.command {
        Command::Demo(a) => contacts::demo(&ctx, a),
        Command::Add(a) => contacts::add(&ctx, a),
        Command::Contacts(a) => contacts::list(&ctx, a),
        Command::Pause(a) => contacts::pause(&ctx, a),
        Command::Show(a) => manage::show(&ctx, a),
        Command::Edit(a) => manage::edit(&ctx, a),
        Command::Merge(a) => manage::merge(&ctx, a),
        Command::Delete(a) => manage::delete(&ctx, a),
        Command::Trash(a) => manage::trash(&ctx, a),
        Command::Restore(a) => manage::restore(&ctx, a),
        Command::Undo(a) => history::undo(&ctx, a),
        Command::Backup(a) => history::backup(&ctx, a),
        Command::Log(a) => log::log(&ctx, a),
        Command::Promise(a) => log::promise(&ctx, a),
        Command::Plan(a) => plan::plan(&ctx, a),
        Command::Today(a) => plan::today(&ctx, a),
        Command::Done(a) => plan::done(&ctx, a),
        Command::Snooze(a) => plan::snooze(&ctx, a),
        Command::Skip(a) => plan::skip(&ctx, a),
        Command::Simulate(a) => plan::simulate(&ctx, a),
        Command::Import(a) => interop::import(&ctx, a),
        Command::Export(a) => interop::export(&ctx, a),
        Command::Feed(a) => calendar::feed(&ctx, a),
        Command::Notify(a) => notify::notify(&ctx, a),
        Command::Settings(a) => settings::settings(&ctx, a),
        Command::Sync(a) => sync::sync(&ctx, a),
    }
}
