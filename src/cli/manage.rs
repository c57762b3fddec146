//! Managing a contact: `show`, `edit`, `merge`, `delete`, `trash`, `restore`.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use keepwarm::model::Circle;
use keepwarm::store::ContactEdit;
use keepwarm::views::{contact_view, ContactView};

use super::args::{birthday_change_arg, circle_arg, BirthdayChange};
use super::output::{duplicate_advice, print_json, safe, shell_word, Style};
use super::Ctx;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The contact: an id, an email or a name.
    contact: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let id = store.resolve_contact(&a.contact)?;
    let view = contact_view(&store, id, ctx.today)?;
    if a.json {
        print_json(&view)
    } else {
        print_card(&view)
    }
}

fn print_card(v: &ContactView) -> Result<()> {
    let style = Style::stdout();
    let c = &v.contact;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{}  {}",
        style.bold(&safe(&c.name)),
        style.dim(&format!("#{}", c.id))
    )?;
    let job = match (&c.title, &c.company) {
        (Some(t), Some(co)) => format!("{} at {}", safe(t), safe(co)),
        (Some(t), None) => safe(t).into_owned(),
        (None, Some(co)) => safe(co).into_owned(),
        (None, None) => String::new(),
    };
    if !job.is_empty() {
        writeln!(out, "{job}")?;
    }
    let mut field = |label: &str, value: String| -> std::io::Result<()> {
        if value.is_empty() {
            Ok(())
        } else {
            writeln!(out, "  {:<11} {value}", format!("{label}:"))
        }
    };
    let list = |values: &[String]| {
        values
            .iter()
            .map(|v| safe(v).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    field("circle", c.circle.to_string())?;
    field("warmth", format!("{}/100", v.warmth))?;
    field("emails", list(&c.emails))?;
    field("phones", list(&c.phones))?;
    field(
        "birthday",
        c.birthday.map(|b| b.to_string()).unwrap_or_default(),
    )?;
    field("interests", list(&c.interests))?;
    field("tags", list(&c.tags))?;
    field(
        "source",
        c.source.map(|s| s.label().to_owned()).unwrap_or_default(),
    )?;
    field("added", c.created_on.to_string())?;
    if c.paused {
        field("paused", "yes: no pings until resumed".into())?;
    }
    if !c.notes.is_empty() {
        writeln!(out, "\n{}", style.bold("Notes"))?;
        for line in c.notes.lines() {
            writeln!(out, "  {}", safe(line))?;
        }
    }
    writeln!(out, "\n{}", style.bold("Timeline"))?;
    if v.interactions.is_empty() {
        writeln!(out, "  Nothing logged yet.")?;
    }
    for i in &v.interactions {
        let event = i
            .event
            .as_deref()
            .map(|e| format!(" at {}", safe(e)))
            .unwrap_or_default();
        writeln!(out, "  {}  {}{event}", i.date, i.kind)?;
        for line in i.note.lines() {
            writeln!(out, "              {}", safe(line))?;
        }
    }
    writeln!(out, "\n{}", style.bold("Promises"))?;
    if v.promises.is_empty() {
        writeln!(out, "  None.")?;
    }
    for p in &v.promises {
        let state = match p.done_on {
            Some(d) => format!("kept {d}"),
            None => "open".into(),
        };
        writeln!(
            out,
            "  {}  due {}  {state:<15} {}",
            style.dim(&format!("#{}", p.id)),
            p.due,
            safe(&p.text)
        )?;
    }
    writeln!(out, "\n{}", style.bold("Next pings"))?;
    if v.next_pings.is_empty() {
        writeln!(out, "  None planned.")?;
    }
    for p in &v.next_pings {
        writeln!(
            out,
            "  {}  {:<10} {}",
            p.date.format("%a %-d %b %Y"),
            p.reason.as_str().replace('_', "-"),
            safe(&p.suggestion)
        )?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The contact: an id, an email or a name.
    contact: String,
    /// A new full name.
    #[arg(long)]
    name: Option<String>,
    /// A new employer ("" clears it).
    #[arg(long)]
    company: Option<String>,
    /// A new job title ("" clears it).
    #[arg(long)]
    title: Option<String>,
    /// YYYY-MM-DD, --MM-DD without a year (write `--birthday=--05-16`), or `none`.
    #[arg(long, value_parser = birthday_change_arg, allow_hyphen_values = true)]
    birthday: Option<BirthdayChange>,
    /// inner, core, network or acquaintance.
    #[arg(long, value_parser = circle_arg)]
    circle: Option<Circle>,
    /// Add an email (repeatable).
    #[arg(long, value_name = "EMAIL", visible_alias = "email")]
    add_email: Vec<String>,
    /// Remove an email (repeatable).
    #[arg(long, value_name = "EMAIL")]
    remove_email: Vec<String>,
    /// Add a phone (repeatable).
    #[arg(long, value_name = "PHONE", visible_alias = "phone")]
    add_phone: Vec<String>,
    /// Remove a phone (repeatable).
    #[arg(long, value_name = "PHONE")]
    remove_phone: Vec<String>,
    /// Add an interest (repeatable).
    #[arg(long, value_name = "INTEREST", visible_alias = "interest")]
    add_interest: Vec<String>,
    /// Remove an interest (repeatable).
    #[arg(long, value_name = "INTEREST")]
    remove_interest: Vec<String>,
    /// Add a tag (repeatable).
    #[arg(long, value_name = "TAG", visible_alias = "tag")]
    add_tag: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long, value_name = "TAG")]
    remove_tag: Vec<String>,
    /// Replace the notes (what they held is printed; --append-note adds instead).
    #[arg(long, value_name = "TEXT")]
    notes: Option<String>,
    /// Add a paragraph at the end of the notes.
    #[arg(long, value_name = "TEXT")]
    append_note: Option<String>,
    /// Add an email or phone even when another contact has it too.
    #[arg(long)]
    force: bool,
    /// Print the contact as JSON afterwards.
    #[arg(long)]
    json: bool,
}

pub fn edit(ctx: &Ctx, a: EditArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let id = store.resolve_contact(&a.contact)?;
    // Notes replaced are said back in full, so nothing an import or an
    // earlier edit put there (a nickname, an address) goes without a word.
    let replaced = match &a.notes {
        Some(new) => Some(store.contact(id)?.notes)
            .filter(|old| !old.trim().is_empty() && !new.contains(old.trim())),
        None => None,
    };
    let edit = ContactEdit {
        name: a.name,
        company: a.company,
        title: a.title,
        birthday: a.birthday.map(|change| match change {
            BirthdayChange::Set(b) => Some(b),
            BirthdayChange::Remove => None,
        }),
        circle: a.circle,
        add_emails: a.add_email,
        remove_emails: a.remove_email,
        add_phones: a.add_phone,
        remove_phones: a.remove_phone,
        add_interests: a.add_interest,
        remove_interests: a.remove_interest,
        add_tags: a.add_tag,
        remove_tags: a.remove_tag,
        notes: a.notes,
        append_note: a.append_note,
        ..ContactEdit::default()
    };
    let contact = if a.force {
        store.edit_contact_anyway(id, &edit, ctx.today)?
    } else {
        store
            .edit_contact(id, &edit, ctx.today)
            .map_err(|e| {
                duplicate_advice(e, |field, value, other| {
                    format!(
                        "if they are one person, `keepwarm merge {id} {other}`; if not, remove it there with `keepwarm edit {other} --remove-{field} {}`, or add it here anyway with --force",
                        shell_word(value)
                    )
                })
            })?
    };
    eprintln!("Edited #{} {}", contact.id, safe(&contact.name));
    if let Some(old) = replaced {
        eprintln!("  notes replaced (--append-note adds to them instead); they were:");
        for line in old.lines() {
            eprintln!("    {}", safe(line));
        }
    }
    if a.json {
        print_json(&contact)?;
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The contact that stays.
    keep: String,
    /// The contact merged into it (its history moves; its id then means KEEP).
    other: String,
    /// Say what would happen and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn merge(ctx: &Ctx, a: MergeArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let keep = store.resolve_contact(&a.keep)?;
    let other = store.resolve_contact(&a.other)?;
    let report = store.merge_contacts(keep, other, a.dry_run, ctx.today)?;
    if a.json {
        print_json(&report)?;
    }
    eprintln!(
        "{} #{} {} into #{} {}: {} interactions, {} promises, {} ping actions moved",
        if report.dry_run {
            "Would merge"
        } else {
            "Merged"
        },
        report.other,
        safe(&report.other_name),
        report.keep,
        safe(&report.keep_name),
        report.interactions_moved,
        report.promises_moved,
        report.actions_moved
    );
    if !report.filled.is_empty() {
        eprintln!(
            "  filled from #{}: {}",
            report.other,
            report.filled.join(", ")
        );
    }
    if !report.added.is_empty() {
        let added: Vec<String> = report.added.iter().map(|v| safe(v).into_owned()).collect();
        eprintln!("  added: {}", added.join(", "));
    }
    for c in &report.conflicts {
        eprintln!(
            "  {}: kept {}; {} noted in the notes",
            c.field,
            safe(&c.kept),
            safe(&c.other)
        );
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The contact: an id, an email or a name.
    contact: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn delete(ctx: &Ctx, a: DeleteArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let id = store.resolve_contact(&a.contact)?;
    let name = store.contact(id)?.name;
    store.delete_contact(id, ctx.today)?;
    if a.json {
        print_json(&serde_json::json!({ "id": id, "name": name, "deleted_on": ctx.today }))?;
    }
    eprintln!(
        "Moved #{id} {} to the trash (`keepwarm restore {id}` brings it back; `keepwarm undo` too)",
        safe(&name)
    );
    Ok(())
}

#[derive(Debug, Args)]
pub struct TrashArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn trash(ctx: &Ctx, a: TrashArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let trash = store.trash()?;
    if a.json {
        return print_json(&trash);
    }
    let style = Style::stdout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if trash.is_empty() {
        writeln!(out, "The trash is empty.")?;
    } else if style.terminal {
        writeln!(
            out,
            "{}",
            style.bold(&format!(
                "{:>6}  {:<28}  {:<10}  {:<10}  history",
                "id", "name", "deleted", "gone after"
            ))
        )?;
    }
    for t in &trash {
        writeln!(
            out,
            "{:>6}  {}  {}  {}  {} interactions, {} promises",
            t.contact.id,
            super::output::cell(&t.contact.name, 28),
            t.deleted_on,
            t.purge_on,
            t.interactions,
            t.promises
        )?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A contact in the trash: its id, email or name (see `keepwarm trash`).
    #[arg(value_name = "CONTACT")]
    contact: String,
    /// Print the restored contact as JSON.
    #[arg(long)]
    json: bool,
}

pub fn restore(ctx: &Ctx, a: RestoreArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let id = store.resolve_trashed_contact(&a.contact)?;
    let contact = store.restore_contact(id)?;
    eprintln!("Restored #{} {}", contact.id, safe(&contact.name));
    if a.json {
        print_json(&contact)?;
    }
    Ok(())
}
