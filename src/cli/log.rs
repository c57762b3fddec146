//! Logging what happened: `log` and `promise`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use keepwarm::model::{InteractionKind, NewContact, Source};
use keepwarm::store::{LogDetails, LogTarget};

use super::args::{date_arg, kind_arg};
use super::output::{duplicate_advice, print_id, print_json, safe, Style};
use super::Ctx;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Whom it was with: ids, emails or names — a unique word or prefix will do
    /// (several for a conference).
    #[arg(required = true, num_args = 1.., value_name = "CONTACT")]
    contacts: Vec<String>,
    /// What kind of contact it was.
    #[arg(long, value_parser = kind_arg, long_help = KIND_HELP)]
    kind: InteractionKind,
    /// When it happened, YYYY-MM-DD or as written ("27/11/2026") (default: today).
    #[arg(long, value_parser = date_arg("--date"))]
    date: Option<NaiveDate>,
    /// A note about it.
    #[arg(long, default_value = "")]
    note: String,
    /// The conference or meeting it happened at.
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// Create the contacts that do not exist yet (instead of stopping).
    #[arg(long)]
    new: bool,
    /// With --new and one contact: the new contact's employer.
    #[arg(long, requires = "new")]
    company: Option<String>,
    /// With --new and one contact: the new contact's email.
    #[arg(long, requires = "new")]
    email: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

const KIND_HELP: &str = "What kind of contact it was: meeting (in person), call (phone or video), \
message (a personal text or chat), email, social (a like or comment), gift (a gift or card) \
or event (met at a conference or event). Stronger kinds keep a contact warm longer.";

pub fn log(ctx: &Ctx, a: LogArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    if (a.company.is_some() || a.email.is_some()) && a.contacts.len() > 1 {
        anyhow::bail!("--company and --email describe one new contact; name only one");
    }
    let mut targets = Vec::with_capacity(a.contacts.len());
    // For each contact to create: the ones already there it may be taken for.
    let mut namesakes = Vec::new();
    for query in &a.contacts {
        // With --new a name must be a contact's whole name to be theirs, so that a
        // new "Anna Smith" is not taken for Anna Smithson.
        let found = if a.new {
            store.resolve_contact_exactly(query)
        } else {
            store.resolve_contact(query)
        };
        match found {
            Ok(id) => targets.push(LogTarget::Existing(id)),
            Err(keepwarm::Error::ContactNotFound(_) | keepwarm::Error::NoContactMatch { .. })
                if a.new =>
            {
                let new = new_contact(query, &a);
                namesakes.push((targets.len(), store.namesakes(&new.name)?));
                targets.push(LogTarget::New(Box::new(new)));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let date = a.date.unwrap_or(ctx.today);
    let logged = store
        .log_with_contacts(
            &targets,
            &LogDetails {
                kind: a.kind,
                date,
                note: a.note.clone(),
                event: a.event.clone(),
            },
            ctx.today,
        )
        .map_err(|e| {
            duplicate_advice(e, |_, _, other| {
                format!("to log with them, name them (`keepwarm log {other} …`) instead of creating a new contact")
            })
        })?;
    for l in &logged {
        eprintln!(
            "Logged {} with {}{} on {date}",
            a.kind,
            safe(&l.contact_name),
            if l.created { " (new contact)" } else { "" }
        );
    }
    for (index, others) in namesakes {
        let (Some(created), Some(first)) = (logged.get(index), others.first()) else {
            continue;
        };
        let listed: Vec<String> = others
            .iter()
            .map(|o| safe(&o.to_string()).into_owned())
            .collect();
        eprintln!(
            "warning: new contact #{} {} beside {}; if they are one person, `keepwarm merge {} {}`",
            created.contact_id,
            safe(&created.contact_name),
            listed.join(", "),
            first.id,
            created.contact_id
        );
    }
    if a.json {
        print_json(&logged)
    } else {
        for l in &logged {
            println!("{}", l.interaction_id);
        }
        Ok(())
    }
}

/// A contact to create for `log --new`: a name, or an email to take one from.
fn new_contact(query: &str, a: &LogArgs) -> NewContact {
    let query = query.trim();
    let (name, email) = if keepwarm::model::is_email(query) {
        let local = query.split('@').next().unwrap_or(query);
        let name = local
            .split(['.', '_', '-'])
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        (name, Some(query.to_owned()))
    } else {
        (query.to_owned(), a.email.clone())
    };
    NewContact {
        name,
        emails: email.into_iter().collect(),
        company: a.company.clone(),
        source: Some(if a.event.is_some() {
            Source::Conference
        } else {
            Source::Manual
        }),
        ..NewContact::default()
    }
}

#[derive(Debug, Args)]
pub struct PromiseArgs {
    /// The contact (or `done` to mark a promise kept).
    target: String,
    /// The promise text (or the promise id after `done`).
    #[arg(num_args = 0..)]
    text: Vec<String>,
    /// With `list`: kept promises too.
    #[arg(long)]
    all: bool,
    /// When it is due, YYYY-MM-DD or as written ("11 Dec 2026").
    #[arg(long, value_parser = date_arg("--due"))]
    due: Option<NaiveDate>,
    /// With `done`: the day it was kept, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = date_arg("--on"))]
    on: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn promise(ctx: &Ctx, a: PromiseArgs) -> Result<()> {
    if a.target == "list" && a.due.is_none() {
        return promise_list(ctx, &a);
    }
    let mut store = ctx.open_for_writing()?;
    let today = ctx.today;
    if a.target == "done" && a.due.is_none() {
        let id: i64 = match a.text.as_slice() {
            [one] => one
                .parse()
                .map_err(|_| keepwarm::Error::invalid("promise id", one, "expected a number"))?,
            _ => anyhow::bail!("`promise done` takes one promise id"),
        };
        let kept_on = match a.on {
            Some(day) => keepwarm::validate::past_date("--on", day, today)?,
            None => today,
        };
        store.complete_promise(id, kept_on)?;
        eprintln!("Promise {id} kept on {kept_on}");
        if a.json {
            print_json(&serde_json::json!({ "id": id, "done": kept_on }))?;
        }
        Ok(())
    } else {
        if a.on.is_some() {
            anyhow::bail!(
                "--on is the day a promise was kept: `keepwarm promise done ID --on DATE`"
            );
        }
        let due = a.due.ok_or_else(|| {
            keepwarm::Error::invalid("--due", "", "a promise needs a due date (--due YYYY-MM-DD)")
        })?;
        if a.text.is_empty() {
            anyhow::bail!("say what was promised: `keepwarm promise CONTACT --due DATE TEXT`");
        }
        let contact_id = store.resolve_contact(&a.target)?;
        let id = store.add_promise(contact_id, &a.text.join(" "), due, today)?;
        print_id(id, a.json)
    }
}

/// `promise list [--all]`: open promises (all with `--all`), by due date.
fn promise_list(ctx: &Ctx, a: &PromiseArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let promises = store.promise_list(a.all, ctx.today)?;
    if a.json {
        return print_json(&promises);
    }
    let style = Style::stdout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if promises.is_empty() {
        writeln!(out, "No open promises.")?;
    } else if style.terminal {
        writeln!(
            out,
            "{}",
            style.bold(&format!(
                "{:>5}  {:<10}  {:<14}  {:<24}  what",
                "id", "due", "state", "to"
            ))
        )?;
    }
    for p in &promises {
        let state = match (p.done_on, p.overdue_days) {
            (Some(d), _) => format!("kept {d}"),
            (None, 0) if p.due == ctx.today => "due today".to_owned(),
            (None, 0) => "open".to_owned(),
            (None, 1) => "1 day late".to_owned(),
            (None, n) => format!("{n} days late"),
        };
        writeln!(
            out,
            "{:>5}  {}  {:<14}  {}  {}",
            p.id,
            p.due,
            state,
            super::output::cell(&p.contact_name, 24),
            safe(&p.text)
        )?;
    }
    out.flush()?;
    Ok(())
}
