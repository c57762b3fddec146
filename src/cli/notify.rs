//! `notify`: sends today's digest and the reminders of promises due, then exits.

use anyhow::Result;
use clap::Args;

use keepwarm::notify::{self, send::server_capabilities, SendOptions};

use super::output::print_json;
use super::Ctx;

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// Print what was sent as JSON.
    #[arg(long)]
    json: bool,
}

pub fn notify(ctx: &Ctx, a: NotifyArgs) -> Result<()> {
    if !ctx.db_path.exists() {
        return Err(keepwarm::Error::NoDatabase {
            path: ctx.db_path.clone(),
        }
        .into());
    }
    let mut store = ctx.open_for_writing()?;
    let today = ctx.today;
    let day = notify::todays_notifications(&store, today)?;
    // Asked first, so that a setup without a notification server is found on any day.
    let capabilities = server_capabilities()?;
    if day.is_empty() {
        eprintln!(
            "Nothing to do today ({today}): no pings and no promises due; no notification sent."
        );
    }
    // `notify` never waits for a click: no actions, nothing to listen for.
    let options = SendOptions::default();
    for (index, message) in day.messages().enumerate() {
        notify::send::send_with(message, &options, &capabilities)?;
        if index == 0 {
            // Recorded as soon as the digest is out, so the app does not send it again.
            store.record_digest_sent(today)?;
        }
        eprintln!("Sent: {}", message.one_line());
    }
    if a.json {
        print_json(&day)?;
    }
    Ok(())
}
