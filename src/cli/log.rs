//! Logging what happened: `log` and `promise`.

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use keepwarm::model::InteractionKind;
use keepwarm::store::NewInteraction;

use super::args::{date_arg, kind_arg};
use super::output::{print_id, print_json};
use super::Ctx;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The contact: an id, an email or a name (a unique word or prefix will do).
    contact: String,
    /// What kind of contact it was.
    #[arg(long, value_parser = kind_arg)]
    kind: InteractionKind,
    /// When it happened, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date_arg("--date"))]
    date: Option<NaiveDate>,
    /// A note about it.
    #[arg(long, default_value = "")]
    note: String,
    /// The conference or meeting it happened at.
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn log(ctx: &Ctx, a: LogArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let contact_id = store.resolve_contact(&a.contact)?;
    let date = a.date.unwrap_or(ctx.today);
    let id = store.log_interaction(
        &NewInteraction {
            contact_id,
            kind: a.kind,
            date,
            note: a.note,
            event: a.event,
        },
        ctx.today,
    )?;
    let name = store.contact(contact_id)?.name;
    eprintln!("Logged {} with {name} on {date}", a.kind);
    print_id(id, a.json)
}

#[derive(Debug, Args)]
pub struct PromiseArgs {
    /// The contact (or `done` to mark a promise kept).
    target: String,
    /// The promise text (or the promise id after `done`).
    #[arg(required = true, num_args = 1..)]
    text: Vec<String>,
    /// When it is due, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg("--due"))]
    due: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn promise(ctx: &Ctx, a: PromiseArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let today = ctx.today;
    if a.target == "done" && a.due.is_none() {
        let id: i64 = match a.text.as_slice() {
            [one] => one
                .parse()
                .map_err(|_| keepwarm::Error::invalid("promise id", one, "expected a number"))?,
            _ => anyhow::bail!("`promise done` takes one promise id"),
        };
        store.complete_promise(id, today)?;
        eprintln!("Promise {id} kept on {today}");
        if a.json {
            print_json(&serde_json::json!({ "id": id, "done": today }))?;
        }
        Ok(())
    } else {
        let due = a.due.ok_or_else(|| {
            keepwarm::Error::invalid("--due", "", "a promise needs a due date (--due YYYY-MM-DD)")
        })?;
        let contact_id = store.resolve_contact(&a.target)?;
        let id = store.add_promise(contact_id, &a.text.join(" "), due, today)?;
        print_id(id, a.json)
    }
}
