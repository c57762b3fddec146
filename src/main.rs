//! `keepwarm`, the command-line shell: parse arguments, make one library call, print.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::model::{parse_date, Birthday, Circle, Contact, InteractionKind, NewContact};
use keepwarm::store::{default_db_path, NewInteraction, Store};

/// keepwarm keeps your contacts warm: a small, well-timed ping 3–10 times a year.
#[derive(Debug, Parser)]
#[command(name = "keepwarm", version, about)]
struct Cli {
    /// The database file (default: the platform data folder).
    #[arg(long, global = true, env = "KEEPWARM_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    /// The date to act as today, YYYY-MM-DD (default: the local date).
    #[arg(long, global = true, value_name = "DATE", value_parser = date_arg("--today"))]
    today: Option<NaiveDate>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Fill an empty database with realistic sample data.
    Demo {
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
    },
    /// Add a contact and print its id.
    Add(AddArgs),
    /// List contacts.
    Contacts {
        /// Only contacts whose name, email, phone, company, title or interests contain this.
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Log an interaction with a contact.
    Log {
        /// The contact: an id, an email or a unique full name.
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
    },
    /// Track a commitment: `promise CONTACT --due DATE TEXT`, or `promise done ID`.
    Promise {
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
    },
}

#[derive(Debug, Args)]
struct AddArgs {
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
    /// Free notes.
    #[arg(long, default_value = "")]
    notes: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

// clap already names the flag and the value, so its parsers only say what is wrong.
fn reason_only(e: keepwarm::Error) -> String {
    match e {
        keepwarm::Error::InvalidField { reason, .. } => reason,
        other => other.to_string(),
    }
}

fn date_arg(field: &'static str) -> impl Fn(&str) -> Result<NaiveDate, String> + Clone {
    move |s| parse_date(field, s).map_err(reason_only)
}

fn birthday_arg(s: &str) -> Result<Birthday, String> {
    s.parse().map_err(reason_only)
}

fn circle_arg(s: &str) -> Result<Circle, String> {
    s.parse().map_err(reason_only)
}

fn kind_arg(s: &str) -> Result<InteractionKind, String> {
    s.parse().map_err(reason_only)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line, not clap's page of usage: the contract promises one clear line.
            let rendered = e.to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("keepwarm: {first} (see keepwarm --help)");
            return ExitCode::FAILURE;
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
            eprintln!("keepwarm: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let db_path = match cli.db {
        Some(path) => path,
        None => default_db_path()?,
    };
    let mut store = Store::open(&db_path)?;
    match cli.command {
        Command::Demo {
            contacts,
            interactions,
            seed,
            json,
        } => {
            let summary = fill_demo(
                &mut store,
                DemoOptions {
                    contacts,
                    interactions,
                    seed,
                },
                today,
            )?;
            if json {
                print_json(&summary)?;
            }
            eprintln!(
                "Added {} contacts, {} interactions and {} promises to {}",
                summary.contacts,
                summary.interactions,
                summary.promises,
                db_path.display()
            );
        }
        Command::Add(args) => {
            let id = store.add_contact(
                &NewContact {
                    name: args.name,
                    emails: args.email,
                    phones: args.phone,
                    company: args.company,
                    title: args.title,
                    birthday: args.birthday,
                    circle: args.circle,
                    interests: args.interest,
                    notes: args.notes,
                    ..NewContact::default()
                },
                today,
            )?;
            print_id(id, args.json)?;
        }
        Command::Contacts { search, json } => {
            let contacts = match search {
                Some(q) => store.search_contacts(&q)?,
                None => store.contacts()?,
            };
            if json {
                print_json(&contacts)?;
            } else {
                print_contact_table(&contacts)?;
            }
        }
        Command::Log {
            contact,
            kind,
            date,
            note,
            event,
            json,
        } => {
            let contact_id = store.resolve_contact(&contact)?;
            let date = date.unwrap_or(today);
            let id = store.log_interaction(
                &NewInteraction {
                    contact_id,
                    kind,
                    date,
                    note,
                    event,
                },
                today,
            )?;
            let name = store.contact(contact_id)?.name;
            eprintln!("Logged {kind} with {name} on {date}");
            print_id(id, json)?;
        }
        Command::Promise {
            target,
            text,
            due,
            json,
        } => {
            if target == "done" && due.is_none() {
                let id: i64 = match text.as_slice() {
                    [one] => one.parse().map_err(|_| {
                        keepwarm::Error::invalid("promise id", one, "expected a number")
                    })?,
                    _ => anyhow::bail!("`promise done` takes one promise id"),
                };
                store.complete_promise(id, today)?;
                eprintln!("Promise {id} kept on {today}");
                if json {
                    print_json(&serde_json::json!({ "id": id, "done": today }))?;
                }
            } else {
                let due = due.ok_or_else(|| {
                    keepwarm::Error::invalid(
                        "--due",
                        "",
                        "a promise needs a due date (--due YYYY-MM-DD)",
                    )
                })?;
                let contact_id = store.resolve_contact(&target)?;
                let id = store.add_promise(contact_id, &text.join(" "), due, today)?;
                print_id(id, json)?;
            }
        }
    }
    Ok(())
}

fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    // Serialised first, so a closed pipe surfaces as the io::Error `main` expects.
    let text = serde_json::to_string_pretty(value)?;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(())
}

fn print_id(id: i64, json: bool) -> Result<()> {
    if json {
        print_json(&serde_json::json!({ "id": id }))
    } else {
        println!("{id}");
        Ok(())
    }
}

fn print_contact_table(contacts: &[Contact]) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for c in contacts {
        writeln!(
            out,
            "{:>6}  {:<28}  {:<12}  {:<26}  {}",
            c.id,
            c.name,
            c.circle.as_str(),
            c.company.as_deref().unwrap_or(""),
            c.emails.first().map(String::as_str).unwrap_or("")
        )?;
    }
    out.flush()?;
    Ok(())
}
