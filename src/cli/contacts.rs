//! Contacts: `demo`, `add`, `contacts`, `pause`.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::model::{Birthday, Circle, Contact, NewContact};
use keepwarm::schedule::warmth_of;
use keepwarm::store::SearchMatch;

use super::args::{birthday_arg, circle_arg};
use super::output::{cell, duplicate_advice, print_id, print_json, safe, Style};
use super::Ctx;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of contacts.
    #[arg(long, default_value_t = 40)]
    contacts: usize,
    /// Number of interactions.
    #[arg(long, default_value_t = 240)]
    interactions: usize,
    /// Seed: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print a JSON summary.
    #[arg(long)]
    json: bool,
}

pub fn demo(ctx: &Ctx, a: DemoArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let summary = fill_demo(
        &mut store,
        DemoOptions {
            contacts: a.contacts,
            interactions: a.interactions,
            seed: a.seed,
        },
        ctx.today,
    )?;
    if a.json {
        print_json(&summary)?;
    }
    eprintln!(
        "Added {} contacts, {} interactions and {} promises to {}",
        summary.contacts,
        summary.interactions,
        summary.promises,
        ctx.db_path.display()
    );
    Ok(())
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Full name.
    name: String,
    /// Email address (repeatable).
    #[arg(long)]
    email: Vec<String>,
    /// Phone number (repeatable).
    #[arg(long)]
    phone: Vec<String>,
    /// Employer.
    #[arg(long)]
    company: Option<String>,
    /// Job title.
    #[arg(long)]
    title: Option<String>,
    /// Birthday: YYYY-MM-DD, or --MM-DD without a year (write `--birthday=--05-16`).
    #[arg(long, value_parser = birthday_arg, allow_hyphen_values = true)]
    birthday: Option<Birthday>,
    /// How close: inner, core, network (default) or acquaintance.
    #[arg(long, value_parser = circle_arg)]
    circle: Option<Circle>,
    /// An interest or tag (repeatable).
    #[arg(long)]
    interest: Vec<String>,
    /// A label or group (repeatable); suggestions use interests, not tags.
    #[arg(long)]
    tag: Vec<String>,
    /// Free notes.
    #[arg(long, default_value = "")]
    notes: String,
    /// Add even when another contact has the same email or phone.
    #[arg(long)]
    force: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let new = NewContact {
        name: a.name,
        emails: a.email,
        phones: a.phone,
        company: a.company,
        title: a.title,
        birthday: a.birthday,
        circle: a.circle,
        interests: a.interest,
        tags: a.tag,
        notes: a.notes,
        ..NewContact::default()
    };
    let namesakes = store.contacts_named(&new.name, None)?;
    let id = if a.force {
        store.add_contact_anyway(&new, ctx.today)?
    } else {
        store.add_contact(&new, ctx.today).map_err(|e| {
            duplicate_advice(e, |_, _, other| {
                format!("change that contact with `keepwarm edit {other}`, merge the two with `keepwarm merge`, or add anyway with --force")
            })
        })?
    };
    for (other, name) in namesakes {
        eprintln!(
            "warning: #{other} is also called {}; if they are one person, `keepwarm merge {other} {id}`",
            safe(&name)
        );
    }
    print_id(id, a.json)
}

#[derive(Debug, Args)]
pub struct ContactsArgs {
    /// Only contacts matching these words, best first: names, companies, titles,
    /// emails, phones, interests, tags, notes and the history's notes and events
    /// (any case or accents; each word may be the start of one).
    #[arg(long, value_name = "Q")]
    search: Option<String>,
    /// With --search: at most this many contacts.
    #[arg(long, value_name = "N", default_value_t = 100, requires = "search")]
    limit: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// A contact as `contacts --json` prints it: every stored field plus today's
/// warmth, and with --search where it matched.
#[derive(Serialize)]
struct ContactOut<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    warmth: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<&'a [SearchMatch]>,
}

pub fn list(ctx: &Ctx, a: ContactsArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let (contacts, matched) = match a.search {
        Some(q) => {
            let hits = store.search(&q, a.limit)?;
            let contacts = hits
                .iter()
                .map(|hit| store.contact(hit.contact_id))
                .collect::<keepwarm::Result<Vec<_>>>()?;
            let matched: Vec<Vec<SearchMatch>> = hits.into_iter().map(|h| h.matched).collect();
            (contacts, Some(matched))
        }
        None => (store.contacts()?, None),
    };
    if a.json {
        let settings = store.planner_settings()?;
        let snapshot = store.snapshot(ctx.today)?;
        let warmth: std::collections::HashMap<i64, u8> = snapshot
            .contacts
            .iter()
            .map(|c| (c.id, warmth_of(c, ctx.today, &settings)))
            .collect();
        let out: Vec<ContactOut<'_>> = contacts
            .iter()
            .enumerate()
            .map(|(i, contact)| ContactOut {
                contact,
                warmth: warmth.get(&contact.id).copied().unwrap_or(0),
                matched: matched.as_ref().map(|m| m[i].as_slice()),
            })
            .collect();
        print_json(&out)
    } else {
        print_contact_table(&contacts, matched.as_deref())
    }
}

fn print_contact_table(contacts: &[Contact], matched: Option<&[Vec<SearchMatch>]>) -> Result<()> {
    let style = Style::stdout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if style.terminal {
        let header = format!(
            "{:>6}  {}  {}  {}  {}{}",
            "id",
            cell("name", 28),
            cell("circle", 12),
            cell("company", 26),
            cell("email", 30),
            if matched.is_some() { "  matched" } else { "" }
        );
        writeln!(out, "{}", style.bold(&header))?;
    }
    for (i, c) in contacts.iter().enumerate() {
        write!(
            out,
            "{:>6}  {}  {}  {}  {}",
            c.id,
            cell(&c.name, 28),
            cell(c.circle.as_str(), 12),
            cell(c.company.as_deref().unwrap_or(""), 26),
            safe(c.emails.first().map(String::as_str).unwrap_or(""))
        )?;
        if let Some(matched) = matched.and_then(|m| m.get(i)) {
            // Under the header's `matched` column: the email padded to its width.
            let email = c.emails.first().map(String::as_str).unwrap_or("");
            let pad = 30usize.saturating_sub(safe(email).chars().count());
            write!(out, "{:pad$}  matched: {}", "", describe_matches(matched))?;
        }
        writeln!(out)?;
    }
    if style.terminal && contacts.is_empty() {
        writeln!(out, "No contacts.")?;
    }
    out.flush()?;
    Ok(())
}

/// `name, company, interaction 2026-03-04 "…the [pilot] in…"`
fn describe_matches(matched: &[SearchMatch]) -> String {
    matched
        .iter()
        .map(|m| {
            let mut text = m.field.as_str().to_owned();
            if let Some(date) = m.date {
                text.push_str(&format!(" {date}"));
            }
            if let Some(snippet) = &m.snippet {
                text.push_str(&format!(" \"{}\"", safe(snippet)));
            }
            text
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Args)]
pub struct PauseArgs {
    /// The contact: an id, an email or a name (a unique word or prefix will do).
    contact: String,
    /// Resume a paused contact instead.
    #[arg(long)]
    resume: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn pause(ctx: &Ctx, a: PauseArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let id = store.resolve_contact(&a.contact)?;
    store.set_paused(id, !a.resume)?;
    let name = store.contact(id)?.name;
    if a.json {
        print_json(&serde_json::json!({ "id": id, "name": name, "paused": !a.resume }))?;
    }
    eprintln!(
        "{} is {}",
        safe(&name),
        if a.resume {
            "active again"
        } else {
            "paused: no pings until resumed"
        }
    );
    Ok(())
}
