//! `keepwarm`, the command-line shell: parse arguments, make one library call, print.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::interop::{self, export, Format};
use keepwarm::model::{parse_date, Birthday, Circle, Contact, InteractionKind, NewContact};
use keepwarm::schedule::settings::SETTING_KEYS;
use keepwarm::schedule::simulate::{simulate, Simulation};
use keepwarm::schedule::{find_ping, plan, warmth_of, Ping, Plan};
use keepwarm::store::{default_db_path, NewInteraction, PingAction, Store};

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
    /// Pause a contact: no pings until resumed (due promises still show).
    Pause {
        /// The contact: an id, an email or a unique full name.
        contact: String,
        /// Resume a paused contact instead.
        #[arg(long)]
        resume: bool,
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
    /// The ping plan: who to ping when, why, and what to do.
    Plan {
        /// How many days ahead, from today.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3660))]
        days: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Today's pings.
    Today {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark a ping done: logs the interaction (today) and plans the next one.
    Done {
        /// The ping's id (from `plan` or `today`).
        ping_id: String,
        /// What kind of contact it was (default: what the suggestion amounts to).
        #[arg(long, value_parser = kind_arg)]
        kind: Option<InteractionKind>,
        /// A one-line note.
        #[arg(long, default_value = "")]
        note: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Move a ping later by some days.
    Snooze {
        /// The ping's id.
        ping_id: String,
        /// How many days to move it (default 1).
        #[arg(value_parser = clap::value_parser!(u32).range(1..=365))]
        days: Option<u32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Drop one ping; the rhythm goes on after it.
    Skip {
        /// The ping's id.
        ping_id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the planner forward, doing every ping on its day, and show the shape of the year.
    Simulate {
        /// How many days to simulate.
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3660))]
        days: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import contacts from a vCard, LinkedIn, Google or Outlook file (all or nothing).
    Import {
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
    },
    /// Export contacts (`vcard`, `csv`) or the ping plan and birthdays as a calendar (`ics`).
    Export {
        /// What to write.
        #[arg(value_enum)]
        kind: ExportKind,
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// For `ics`: how many days of pings, from today.
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3660))]
        days: u32,
    },
    /// Serve the ping plan as a calendar feed on 127.0.0.1 for calendar apps to subscribe to.
    Feed {
        /// The port (0: any free one). Keep it fixed so subscriptions keep working.
        #[arg(long, default_value_t = keepwarm::feed::DEFAULT_PORT)]
        port: u16,
        /// Make a new secret URL; subscriptions to the old one stop.
        #[arg(long)]
        rotate_token: bool,
    },
    /// Show the planner settings, or change one: `settings set KEY VALUE`.
    Settings {
        #[command(subcommand)]
        change: Option<SettingsCommand>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportKind {
    /// vCard 4.0.
    Vcard,
    /// CSV that Google Contacts reads and keepwarm re-imports unchanged.
    Csv,
    /// iCalendar: one event per planned ping, one yearly event per birthday.
    Ics,
}

#[derive(Debug, Subcommand)]
enum SettingsCommand {
    /// Change a setting (see `keepwarm settings` for the keys).
    Set {
        /// The setting's key.
        key: String,
        /// Its new value.
        value: String,
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

fn format_arg(s: &str) -> Result<Format, String> {
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
                let settings = store.planner_settings()?;
                let snapshot = store.snapshot(today)?;
                let warmth: std::collections::HashMap<i64, u8> = snapshot
                    .contacts
                    .iter()
                    .map(|c| (c.id, warmth_of(c, today, &settings)))
                    .collect();
                let out: Vec<ContactOut<'_>> = contacts
                    .iter()
                    .map(|contact| ContactOut {
                        contact,
                        warmth: warmth.get(&contact.id).copied().unwrap_or(0),
                    })
                    .collect();
                print_json(&out)?;
            } else {
                print_contact_table(&contacts)?;
            }
        }
        Command::Plan { days, json } => {
            let plan = make_plan(&store, today, days)?;
            print_plan(&plan, json, None)?;
        }
        Command::Today { json } => {
            // The plan does not depend on its horizon, so one day is enough.
            let plan = make_plan(&store, today, 1)?;
            print_plan(&plan, json, Some(today))?;
        }
        Command::Done {
            ping_id,
            kind,
            note,
            json,
        } => {
            let ping = planned_ping(&store, today, &ping_id)?;
            let kind = kind.unwrap_or(ping.action);
            store.act_on_ping(&ping, &PingAction::Done { kind, note }, today)?;
            eprintln!(
                "Done: {} with {} (logged as {kind} on {today})",
                ping.id, ping.contact_name
            );
            report_next(&store, today, &ping, json)?;
        }
        Command::Snooze {
            ping_id,
            days,
            json,
        } => {
            let ping = planned_ping(&store, today, &ping_id)?;
            let until = ping.date.max(today) + chrono::Duration::days(i64::from(days.unwrap_or(1)));
            store.act_on_ping(&ping, &PingAction::Snooze { until }, today)?;
            eprintln!("Snoozed {} with {} to {until}", ping.id, ping.contact_name);
            report_next(&store, today, &ping, json)?;
        }
        Command::Skip { ping_id, json } => {
            let ping = planned_ping(&store, today, &ping_id)?;
            store.act_on_ping(&ping, &PingAction::Skip, today)?;
            eprintln!(
                "Skipped {} with {} on {}",
                ping.id, ping.contact_name, ping.date
            );
            report_next(&store, today, &ping, json)?;
        }
        Command::Simulate { days, json } => {
            let settings = store.planner_settings()?;
            let snapshot = store.snapshot(today)?;
            let report = simulate(today, &snapshot, &settings, days);
            if json {
                print_json(&report)?;
            } else {
                print_simulation(&report)?;
            }
        }
        Command::Import {
            file,
            format,
            dry_run,
            json,
        } => {
            let (format, parsed) = match interop::read_file(&file, format) {
                Ok(read) => read,
                Err(e) => {
                    if json {
                        print_json(&serde_json::json!({
                            "added": 0, "merged": 0, "skipped": 0, "errors": [e.to_string()]
                        }))?;
                    }
                    return Err(e.into());
                }
            };
            let bar = (parsed.contacts.len() >= 1000).then(|| {
                indicatif::ProgressBar::new(parsed.contacts.len() as u64).with_style(
                    indicatif::ProgressStyle::with_template(
                        "importing {bar:40} {pos}/{len} contacts",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                )
            });
            let summary =
                store.import_contacts(format, &parsed, today, dry_run, &mut |done, total| {
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
            if json {
                print_json(&summary)?;
            }
            eprintln!(
                "{} {} new, {} merged, {} skipped ({} file {})",
                if dry_run {
                    "Would import:"
                } else {
                    "Imported:"
                },
                summary.added,
                summary.merged,
                summary.skipped,
                format,
                file.display()
            );
        }
        Command::Export { kind, out, days } => {
            let contacts = store.contacts()?;
            match kind {
                ExportKind::Vcard | ExportKind::Csv => {
                    write_atomically(&out, |w| match kind {
                        ExportKind::Csv => export::write_csv(&contacts, w),
                        _ => export::write_vcards(&contacts, w),
                    })?;
                    eprintln!("Exported {} contacts to {}", contacts.len(), out.display());
                }
                ExportKind::Ics => {
                    let plan = make_plan(&store, today, days)?;
                    let options = interop::ics::IcsOptions {
                        alarm_at: store.planner_settings()?.alarm_time,
                        stamp: chrono::Utc::now(),
                    };
                    let text = interop::ics::calendar(&plan.pings, &contacts, &options);
                    write_atomically(&out, |w| w.write_all(text.as_bytes()))?;
                    eprintln!(
                        "Exported {} pings over {days} days and the birthdays of {} contacts to {}",
                        plan.pings.len(),
                        contacts
                            .iter()
                            .filter(|c| c.birthday.is_some() && !c.paused)
                            .count(),
                        out.display()
                    );
                }
            }
        }
        Command::Feed { port, rotate_token } => {
            let token = if rotate_token {
                keepwarm::feed::rotate_token(&mut store)?
            } else {
                keepwarm::feed::feed_token(&mut store)?
            };
            drop(store);
            let feed =
                std::sync::Arc::new(keepwarm::feed::FeedCalendar::open(&db_path, cli.today)?);
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()?;
            let listener = keepwarm::feed::bind(port)?;
            let address = listener.local_addr()?;
            println!("http://{address}/{token}.ics");
            std::io::stdout().flush()?;
            eprintln!(
                "Serving the keepwarm calendar on {address} (127.0.0.1 only); Ctrl-C stops it."
            );
            runtime.block_on(async move {
                tokio::select! {
                    served = keepwarm::feed::serve(listener, token, feed) => served?,
                    _ = tokio::signal::ctrl_c() => eprintln!("Stopped."),
                }
                Ok::<(), anyhow::Error>(())
            })?;
            return Ok(());
        }
        Command::Settings { change, json } => {
            if let Some(SettingsCommand::Set { key, value }) = change {
                store.set_planner_setting(&key, &value)?;
                eprintln!("{key} set");
            }
            let settings = store.planner_settings()?;
            let pairs = settings.to_pairs();
            if json {
                print_json(&pairs)?;
            } else {
                for (key, help) in SETTING_KEYS {
                    println!(
                        "{key:<22} {:<36} {help}",
                        pairs.get(key).map(String::as_str).unwrap_or("")
                    );
                }
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
        Command::Pause { contact, resume } => {
            let id = store.resolve_contact(&contact)?;
            store.set_paused(id, !resume)?;
            let name = store.contact(id)?.name;
            eprintln!(
                "{name} is {}",
                if resume {
                    "active again"
                } else {
                    "paused: no pings until resumed"
                }
            );
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

/// A contact as `contacts --json` prints it: every stored field plus today's warmth.
#[derive(Serialize)]
struct ContactOut<'a> {
    #[serde(flatten)]
    contact: &'a Contact,
    warmth: u8,
}

fn make_plan(store: &Store, today: NaiveDate, days: u32) -> Result<Plan> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    Ok(plan(today, &snapshot, &settings, days))
}

/// The ping with this id in the coming year's plan.
fn planned_ping(store: &Store, today: NaiveDate, id: &str) -> Result<Ping> {
    let plan = make_plan(store, today, 400)?;
    find_ping(&plan, id.trim()).ok_or_else(|| {
        keepwarm::Error::invalid(
            "ping id",
            id,
            "no such ping in the plan (see `keepwarm plan` or `keepwarm today` for ids)",
        )
        .into()
    })
}

/// After an action, says when the contact's next ping now is.
fn report_next(store: &Store, today: NaiveDate, acted: &Ping, json: bool) -> Result<()> {
    let plan = make_plan(store, today, 400)?;
    let next = plan.pings.iter().find(|p| p.contact_id == acted.contact_id);
    if json {
        print_json(&serde_json::json!({ "ping": acted.id, "next": next }))?;
    } else if let Some(next) = next {
        eprintln!(
            "Next for {}: {} ({})",
            next.contact_name,
            next.date,
            next.reason.as_str()
        );
    }
    Ok(())
}

fn print_plan(plan: &Plan, json: bool, only: Option<NaiveDate>) -> Result<()> {
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    let pings: Vec<&Ping> = plan
        .pings
        .iter()
        .filter(|p| only.is_none_or(|d| p.date == d))
        .collect();
    if json {
        return print_json(&pings);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if pings.is_empty() {
        writeln!(out, "No pings planned.")?;
    }
    let mut current = None;
    for p in pings {
        if current != Some(p.date) {
            current = Some(p.date);
            writeln!(out, "\n{}", p.date.format("%a %-d %b %Y"))?;
        }
        writeln!(
            out,
            "  {:<28} {:<10} warmth {:>3}   id {}",
            p.contact_name,
            p.reason.as_str(),
            p.warmth,
            p.id
        )?;
        writeln!(out, "      do:  {}", p.suggestion)?;
        writeln!(out, "      why: {}", p.why)?;
    }
    out.flush()?;
    Ok(())
}

fn print_simulation(s: &Simulation) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{} days from {}: {} pings, busiest day {} (cap {}), {} on non-working days",
        s.days, s.today, s.total_pings, s.max_daily_load, s.daily_cap, s.non_working_day_pings
    )?;
    writeln!(
        out,
        "{:<14} {:>8} {:>6} {:>6} {:>6}",
        "circle", "contacts", "min", "mean", "max"
    )?;
    for c in &s.circles {
        writeln!(
            out,
            "{:<14} {:>8} {:>6} {:>6.1} {:>6}",
            c.circle.as_str(),
            c.contacts,
            c.min_pings,
            c.mean_pings,
            c.max_pings
        )?;
    }
    let gaps: Vec<i64> = s
        .contacts
        .iter()
        .flat_map(|c| c.gaps.iter().copied())
        .collect();
    if let (Some(min), Some(max)) = (gaps.iter().min(), gaps.iter().max()) {
        writeln!(out, "gaps between pings: {min}–{max} days")?;
    }
    out.flush()?;
    Ok(())
}

/// Writes a file through a temporary one beside it, so a failure never leaves half a file.
fn write_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let io_error = |source| keepwarm::Error::Io {
        path: path.to_owned(),
        source,
    };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".tmp-{}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let result = (|| {
        let file = std::fs::File::create(&temporary)?;
        let mut writer = std::io::BufWriter::new(file);
        write(&mut writer)?;
        writer
            .into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(e).into());
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
