//! Sync with a CardDAV/CalDAV server: `sync setup`, `sync`, `sync status`,
//! `sync forget`.

use std::io::BufRead;

use anyhow::Result;
use clap::{Args, Subcommand};

use keepwarm::sync::secrets::OsKeyring;
use keepwarm::sync::{self, Choice, SyncReport};

use super::output::print_json;
use super::Ctx;

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(subcommand)]
    action: Option<SyncAction>,
    /// Print what moved as JSON (`up`, `down`, `conflicts`, `errors`).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum SyncAction {
    /// Connect to a server: finds the address book, keeps the password in the system keyring.
    Setup(SetupArgs),
    /// The last sync, what waits to be sent, and recent conflicts.
    Status(StatusArgs),
    /// Stop syncing: forget the account and remove its password from the keyring
    /// (contacts and history stay here, and on the server).
    Forget,
}

#[derive(Debug, Args)]
struct SetupArgs {
    /// The server's address (e.g. https://dav.example.com/); keepwarm finds the rest.
    url: String,
    /// The user name.
    #[arg(long)]
    user: String,
    /// Read the password (or app password) from standard input instead of the terminal.
    #[arg(long)]
    password_stdin: bool,
    /// The address book to sync with, by name or URL (needed when there are several).
    #[arg(long)]
    addressbook: Option<String>,
    /// The calendar for interactions and promises, by name or URL, or `none`
    /// (default: keepwarm's own, made on the server when missing).
    #[arg(long)]
    calendar: Option<String>,
    /// Publish the ping plan to this calendar (by name or URL; made when missing), or `none`.
    #[arg(long)]
    plan_calendar: Option<String>,
    /// How many days of the plan to publish (default 60).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=366))]
    plan_days: Option<u32>,
}

#[derive(Debug, Args)]
struct StatusArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn sync(ctx: &Ctx, a: SyncArgs) -> Result<()> {
    match a.action {
        Some(SyncAction::Setup(s)) => setup(ctx, s),
        Some(SyncAction::Status(s)) => status(ctx, s.json || a.json),
        Some(SyncAction::Forget) => forget(ctx),
        None => run(ctx, a.json),
    }
}

fn read_password(from_stdin: bool) -> Result<String> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        rpassword::prompt_password("Password (or app password): ")?
    };
    if password.is_empty() {
        anyhow::bail!("no password given");
    }
    Ok(password)
}

fn setup(ctx: &Ctx, a: SetupArgs) -> Result<()> {
    let password = read_password(a.password_stdin)?;
    let mut store = ctx.open_for_writing()?;
    let choice = Choice {
        addressbook: a.addressbook,
        calendar: a.calendar,
        plan_calendar: a.plan_calendar,
        plan_days: a.plan_days,
    };
    let account = sync::setup(&mut store, &OsKeyring, &a.url, &a.user, &password, &choice)?;
    eprintln!(
        "Sync set up for {} at {}: contacts with {}.",
        account.username, account.server_url, account.addressbook_url
    );
    match &account.calendar_url {
        Some(c) => eprintln!("Interactions and promises with {c}."),
        None => eprintln!("Interactions and promises stay here (no calendar)."),
    }
    if let Some(p) = &account.plan_calendar_url {
        eprintln!("The next {} days of the plan go to {p}.", account.plan_days);
    }
    eprintln!("The password is in the system keyring. Run `keepwarm sync` to sync now.");
    Ok(())
}

fn forget(ctx: &Ctx) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    sync::forget(&mut store, &OsKeyring)?;
    eprintln!("Sync is off: the account and its password are forgotten; your data stays here.");
    Ok(())
}

fn run(ctx: &Ctx, json: bool) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let report = sync::sync_now(&mut store, &OsKeyring)?;
    if json {
        return print_json(&report);
    }
    print_report(&report);
    Ok(())
}

fn print_report(r: &SyncReport) {
    println!(
        "Synced. Up: {}. Down: {}. {} conflict{}.",
        moved(&r.up),
        moved(&r.down),
        r.conflicts.len(),
        plural(r.conflicts.len())
    );
    let p = &r.plan;
    if p.created + p.updated + p.deleted > 0 {
        println!(
            "Plan calendar: {} event{} added, {} moved or changed, {} deleted.",
            p.created,
            plural(p.created),
            p.updated,
            p.deleted
        );
    }
    for c in &r.conflicts {
        println!(
            "  {} — {}: kept '{}' ({}), dropped '{}'",
            c.record,
            c.field,
            c.kept,
            match c.winner {
                keepwarm::sync::merge::Side::Local => "this machine's, the later edit",
                keepwarm::sync::merge::Side::Remote => "the server's, the later edit",
            },
            c.dropped
        );
    }
    for e in &r.errors {
        eprintln!("warning: {e}");
    }
}

/// "3 contacts (1 deleted), 2 interactions, 1 promise"; "nothing" when nothing moved.
fn moved(m: &keepwarm::sync::engine::Moved) -> String {
    let mut parts = Vec::new();
    let mut contacts = format!("{} contact{}", m.contacts, plural(m.contacts));
    let mut gone = Vec::new();
    if m.deleted > 0 {
        gone.push(format!("{} deleted", m.deleted));
    }
    if m.merged > 0 {
        gone.push(format!("{} merged away", m.merged));
    }
    if !gone.is_empty() {
        contacts = format!("{contacts} ({})", gone.join(", "));
    }
    if m.contacts + m.deleted + m.merged > 0 {
        parts.push(contacts);
    }
    if m.interactions > 0 {
        parts.push(format!(
            "{} interaction{}",
            m.interactions,
            plural(m.interactions)
        ));
    }
    if m.promises > 0 {
        parts.push(format!("{} promise{}", m.promises, plural(m.promises)));
    }
    if m.removed > 0 {
        parts.push(format!(
            "{} interaction{} or promise{} deleted",
            m.removed,
            plural(m.removed),
            plural(m.removed)
        ));
    }
    if parts.is_empty() {
        "nothing".to_owned()
    } else {
        parts.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn status(ctx: &Ctx, json: bool) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let account = store.sync_account()?;
    let conflicts = store.sync_conflicts(20)?;
    let now = sync::status(&store)?;
    let pending = now.pending;
    if json {
        let last: Option<serde_json::Value> = account
            .as_ref()
            .and_then(|a| a.last_report.as_deref())
            .and_then(|r| serde_json::from_str(r).ok());
        return print_json(&serde_json::json!({
            "configured": account.is_some(),
            "server": account.as_ref().map(|a| &a.server_url),
            "user": account.as_ref().map(|a| &a.username),
            "addressbook": account.as_ref().map(|a| &a.addressbook_url),
            "calendar": account.as_ref().and_then(|a| a.calendar_url.as_ref()),
            "plan_calendar": account.as_ref().and_then(|a| a.plan_calendar_url.as_ref()),
            "plan_days": account.as_ref().map(|a| a.plan_days),
            "last_sync": account.as_ref().and_then(|a| a.last_sync_at.clone()),
            "last_attempt": now.last_attempt_at,
            "last_error": now.last_error,
            "failures": now.failures,
            "in_progress": now.in_progress,
            "last_report": last,
            "pending": pending,
            "conflicts": conflicts,
        }));
    }
    let Some(account) = account else {
        println!("Sync is not set up; run `keepwarm sync setup URL --user NAME`.");
        return Ok(());
    };
    println!(
        "Server:      {} (user {})",
        account.server_url, account.username
    );
    println!("Contacts:    {}", account.addressbook_url);
    println!(
        "History:     {}",
        account.calendar_url.as_deref().unwrap_or("not synced")
    );
    if let Some(plan) = &account.plan_calendar_url {
        println!("Plan:        {plan} (next {} days)", account.plan_days);
    }
    println!(
        "Last sync:   {}",
        account.last_sync_at.as_deref().unwrap_or("never")
    );
    if let Some(error) = &now.last_error {
        println!(
            "Last try:    {} failed ({} in a row): {error}",
            now.last_attempt_at.as_deref().unwrap_or("?"),
            now.failures
        );
    }
    if now.in_progress {
        println!("Running:     a sync is running now");
    }
    println!(
        "Pending:     {pending} local change{}",
        plural(pending as usize)
    );
    if !conflicts.is_empty() {
        println!("Recent conflicts:");
        for c in &conflicts {
            println!(
                "  {} {} — {}: kept '{}' ({}), dropped '{}'",
                c.synced_at, c.record, c.field, c.kept, c.winner, c.dropped
            );
        }
    }
    Ok(())
}
