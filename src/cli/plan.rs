//! The ping plan: `plan`, `today`, `done`, `snooze`, `skip`, `simulate`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use keepwarm::model::InteractionKind;
use keepwarm::schedule::simulate::Simulation;
use keepwarm::schedule::today::today_view;
use keepwarm::schedule::{warmth_words, Ping, Plan};
use keepwarm::screens::{act_on_ping, PingRequest};
use keepwarm::store::{PingAction, Store};

use super::args::kind_arg;
use super::output::{cell, print_json, safe, Style};
use super::Ctx;

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// How many days ahead, from today.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3660))]
    days: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn plan(ctx: &Ctx, a: PlanArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let plan = make_plan(&store, ctx.today, a.days)?;
    print_plan(&plan, a.json)
}

#[derive(Debug, Args)]
pub struct TodayArgs {
    /// Also bring this many of the coming days' pings forward to today.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
    more: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn today(ctx: &Ctx, a: TodayArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(ctx.today)?;
    let view = today_view(ctx.today, &snapshot, &settings, a.more);
    for note in &view.notes {
        eprintln!("note: {note}");
    }
    let pings: Vec<&Ping> = view.pings.iter().chain(&view.more).collect();
    if a.json {
        eprintln!("{}", view.summary());
        return print_json_compact(&pings);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}", view.summary())?;
    write_pings(&mut out, &view.pings)?;
    if !view.more.is_empty() {
        writeln!(out, "\nBrought forward from the coming days:")?;
        write_pings(&mut out, &view.more)?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct DoneArgs {
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
}

pub fn done(ctx: &Ctx, a: DoneArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let request = PingRequest::Done {
        kind: a.kind,
        note: a.note,
    };
    let acted = act_on_ping(&mut store, &a.ping_id, &request, ctx.today)?;
    let kind = match &acted.action {
        PingAction::Done { kind, .. } => *kind,
        _ => acted.ping.action,
    };
    eprintln!(
        "Done: {} with {} (logged as {kind} on {})",
        acted.ping.id,
        safe(&acted.ping.contact_name),
        ctx.today
    );
    report_next(&store, ctx.today, &acted.ping, a.json)
}

#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// The ping's id.
    ping_id: String,
    /// How many days to move it (default 1).
    #[arg(value_parser = clap::value_parser!(u32).range(1..=365))]
    days: Option<u32>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn snooze(ctx: &Ctx, a: SnoozeArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let request = PingRequest::SnoozeDays {
        days: a.days.unwrap_or(1),
    };
    let acted = act_on_ping(&mut store, &a.ping_id, &request, ctx.today)?;
    if let Some(until) = acted.snoozed_until() {
        eprintln!(
            "Snoozed {} with {} to {} ({until})",
            acted.ping.id,
            safe(&acted.ping.contact_name),
            until.format("%a %-d %b %Y")
        );
        if let Some(birthday) = birthday_passed_by(&store, &acted.ping, until)? {
            eprintln!(
                "Note: {}'s birthday is on {}; the wish now comes after it, so it is a belated one.",
                safe(&acted.ping.contact_name),
                birthday.format("%a %-d %b")
            );
        }
    }
    report_next(&store, ctx.today, &acted.ping, a.json)
}

/// For a birthday ping snoozed to `until`, the birthday when `until` is after it.
fn birthday_passed_by(store: &Store, ping: &Ping, until: NaiveDate) -> Result<Option<NaiveDate>> {
    if ping.reason != keepwarm::schedule::Reason::Birthday {
        return Ok(None);
    }
    let Some(year) = ping
        .id
        .rsplit_once("-b")
        .and_then(|(_, y)| y.parse::<i32>().ok())
    else {
        return Ok(None);
    };
    let birthday = store
        .contact(ping.contact_id)?
        .birthday
        .map(|b| b.in_year(year));
    Ok(birthday.filter(|&b| until > b))
}

#[derive(Debug, Args)]
pub struct SkipArgs {
    /// The ping's id.
    ping_id: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn skip(ctx: &Ctx, a: SkipArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let acted = act_on_ping(&mut store, &a.ping_id, &PingRequest::Skip, ctx.today)?;
    eprintln!(
        "Skipped {} with {} on {}",
        acted.ping.id,
        safe(&acted.ping.contact_name),
        acted.ping.date
    );
    report_next(&store, ctx.today, &acted.ping, a.json)
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// How many days to simulate.
    #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3660))]
    days: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn simulate(ctx: &Ctx, a: SimulateArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(ctx.today)?;
    let report = keepwarm::schedule::simulate::simulate(ctx.today, &snapshot, &settings, a.days);
    if a.json {
        print_json(&report)
    } else {
        print_simulation(&report)
    }
}

/// The plan for `days` days from `today`.
pub fn make_plan(store: &Store, today: NaiveDate, days: u32) -> Result<Plan> {
    let settings = store.planner_settings()?;
    let snapshot = store.snapshot(today)?;
    Ok(keepwarm::schedule::plan(today, &snapshot, &settings, days))
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
            next.label()
        );
    }
    Ok(())
}

fn print_plan(plan: &Plan, json: bool) -> Result<()> {
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    if json {
        let mut text = pings_json(&plan.pings)?;
        text.push(b'\n');
        std::io::stdout().lock().write_all(&text)?;
        return Ok(());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if plan.pings.is_empty() {
        writeln!(out, "No pings planned.")?;
    }
    write_pings(&mut out, &plan.pings)?;
    out.flush()?;
    Ok(())
}

fn write_pings(out: &mut impl Write, pings: &[Ping]) -> Result<()> {
    let style = Style::stdout();
    let mut current = None;
    for p in pings {
        if current != Some(p.date) {
            current = Some(p.date);
            let day = p.date.format("%a %-d %b %Y").to_string();
            writeln!(out, "\n{}", style.bold(&day))?;
        }
        // Names and texts come from the user's data: padded and escaped by `cell`
        // and `safe`, so an escape sequence in a name never reaches the terminal.
        writeln!(
            out,
            "  {} {} {} {}",
            style.bold(&cell(&p.contact_name, 28)),
            cell(p.label(), 14),
            cell(&warmth_words(p.warmth), 18),
            style.dim(&format!("id {}", p.id))
        )?;
        writeln!(out, "      {}  {}", style.dim("do:"), safe(&p.suggestion))?;
        writeln!(out, "      {} {}", style.dim("why:"), safe(&p.why))?;
    }
    Ok(())
}

/// JSON on one line: a year's plan is tens of thousands of pings, and
/// indentation would double the bytes to write and parse.
fn print_json_compact<T: serde::Serialize + ?Sized>(value: &T) -> Result<()> {
    // Serialised first, so a closed pipe surfaces as the io::Error `main` expects.
    let mut text = serde_json::to_vec(value)?;
    text.push(b'\n');
    std::io::stdout().lock().write_all(&text)?;
    Ok(())
}

/// The pings as one JSON array, exactly as `serde_json::to_vec` writes it; a
/// long plan is written in two halves at once, joined by a comma.
fn pings_json(pings: &[Ping]) -> Result<Vec<u8>> {
    /// Shorter plans are written on one thread.
    const SPLIT_FROM: usize = 2048;
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    if pings.len() < SPLIT_FROM || !two_cores {
        return Ok(serde_json::to_vec(pings)?);
    }
    let (first, second) = pings.split_at(pings.len() / 2);
    let elements = |part: &[Ping], out: &mut Vec<u8>| -> serde_json::Result<()> {
        for (n, p) in part.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, p)?;
        }
        Ok(())
    };
    let (head, tail) = std::thread::scope(|scope| {
        let later = std::thread::Builder::new().spawn_scoped(scope, || {
            let mut tail = Vec::with_capacity(second.len() * 560);
            elements(second, &mut tail).map(|()| tail)
        });
        let mut head = Vec::with_capacity(pings.len() * 560 + 2);
        head.push(b'[');
        let head = elements(first, &mut head).map(|()| head);
        let tail = match later {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to be had: the second half here too.
            Err(_) => {
                let mut tail = Vec::new();
                elements(second, &mut tail).map(|()| tail)
            }
        };
        (head, tail)
    });
    let mut text = head?;
    text.push(b',');
    text.extend_from_slice(&tail?);
    text.push(b']');
    Ok(text)
}

fn print_simulation(s: &Simulation) -> Result<()> {
    for note in &s.notes {
        eprintln!("note: {note}");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{} days from {}: {} pings, busiest day {} (cap {}), {} on non-working days",
        s.days, s.today, s.total_pings, s.max_daily_load, s.daily_cap, s.non_working_day_pings
    )?;
    writeln!(
        out,
        "{:<14} {:>8} {:>9} {:>6} {:>6} {:>6}",
        "circle", "contacts", "interval", "min", "mean", "max"
    )?;
    for c in &s.circles {
        writeln!(
            out,
            "{:<14} {:>8} {:>6} d{} {:>6} {:>6.1} {:>6}",
            c.circle.as_str(),
            c.contacts,
            c.interval_days,
            if c.stretched { "*" } else { " " },
            c.min_pings,
            c.mean_pings,
            c.max_pings
        )?;
    }
    if s.circles.iter().any(|c| c.stretched) {
        writeln!(out, "* spaced out to fit the daily cap")?;
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
