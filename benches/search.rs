//! Search on 50,000 contacts with 500,000 interaction notes.
//!
//! `cargo bench --bench search`. Before criterion's own measurements it prints,
//! per query, the median and 99th percentile of [`RUNS`] timed searches (a page
//! of 20 hits, snippets included), and the same over the whole mix; figures are
//! in the README. Each is given as wall time and as the CPU time of the
//! searching thread: on a shared machine under load, wall time is mostly time
//! spent waiting for a core, which CPU time leaves out.
//!
//! The contacts are the demo generator's; the notes are made up here from a
//! vocabulary with a long tail (a few words in many notes, most in few), like
//! real notes, rather than the demo's handful of sentences.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::params;

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::Store;

const CONTACTS: usize = 50_000;
const INTERACTIONS: usize = 500_000;
/// Timed searches per query for the percentiles.
const RUNS: usize = 400;
/// Hits asked for: a page in the app.
const LIMIT: usize = 20;

/// The query mix: names, companies, interests, words from notes, common words,
/// prefixes as typed, and two-word mixes of those.
const QUERIES: &[(&str, &str)] = &[
    ("given name", "priya"),
    ("family name, accent", "hernandez"),
    ("full name", "priya patel"),
    ("name prefix", "sak"),
    ("two-letter prefix", "ma"),
    ("company", "northwind"),
    ("company, two words", "acme logistics"),
    ("interest", "sailing"),
    ("note word, rare", "rotterdam"),
    ("note words", "marathon berlin"),
    ("note word, common", "pricing"),
    ("note word prefix", "renew"),
    ("event", "summit"),
    ("stop word", "the"),
    ("two common words", "pricing call"),
    ("name and note word", "priya pricing"),
    ("name and rare note word", "müller lisbon"),
    ("company and note word", "globex renewal"),
    ("nothing matches", "zyxwvut"),
    ("email", "olivia.smith@globex.com"),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

const OPENERS: &[&str] = &[
    "Talked about",
    "Quick call about",
    "Follow-up on",
    "Asked about",
    "Discussed",
    "Lunch, mostly about",
    "Sent notes on",
    "Coffee; they brought up",
    "Long meeting on",
    "Email thread about",
    "Demo went well; next is",
    "They want to revisit",
];

const TOPICS: &[&str] = &[
    "pricing for the enterprise tier",
    "the renewal in March",
    "the Q3 pilot",
    "onboarding for the new team",
    "integration with their ERP",
    "the data migration",
    "a security review",
    "procurement rules",
    "next year's budget",
    "a reference call",
    "the case study",
    "their hiring plans",
    "the new warehouse in Rotterdam",
    "expanding to Singapore",
    "volume discounts",
    "the support contract",
    "SSO and audit logs",
    "a joint webinar",
    "the partner programme",
    "moving off spreadsheets",
    "cold-chain sensors",
    "route optimisation",
    "invoice disputes",
    "a board presentation",
    "the APAC launch",
    "carbon reporting",
    "a proof of concept with Nimbus",
    "replacing their Forge licences",
    "training for the sales floor",
    "a price increase",
];

const PERSONAL: &[&str] = &[
    "Training for the Berlin marathon.",
    "Daughter just started university.",
    "Back from a sailing trip in Croatia.",
    "New puppy, a beagle.",
    "Kitchen renovation dragging on.",
    "Loves the Celtics.",
    "Planning a wine trip to Porto.",
    "Just got promoted to VP.",
    "Moving to Lisbon in the spring.",
    "Big fan of Formula 1.",
    "Learning Japanese.",
    "Ran the Tokyo half marathon.",
    "Recommended a great ramen place in Osaka.",
    "Into woodworking lately.",
    "Coaches their son's football team.",
    "Reading a biography of Ada Lovelace.",
];

const CLOSERS: &[&str] = &[
    "Send the deck by Friday.",
    "They will loop in the CFO.",
    "Decision expected next quarter.",
    "Budget frozen until the new fiscal year.",
    "Introduced me to the head of operations.",
    "Wants a call with our product team.",
    "Evaluating two other vendors.",
    "Promised to share the pricing sheet.",
    "Happy with the service so far.",
    "Complained about response times.",
    "Asked for a discount.",
    "Will be at the Munich trade fair.",
];

const EVENTS: &[&str] = &[
    "AWS re:Invent",
    "Web Summit",
    "SaaStr Annual",
    "Dreamforce",
    "Hannover Messe",
    "Collision",
    "MWC Barcelona",
    "Slush",
    "VivaTech",
    "London Tech Week",
];

/// Picks from `items`, the first ones much more often (a long tail).
fn skewed<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    let i = (rng.gen::<f64>().powi(3) * items.len() as f64) as usize;
    items[i.min(items.len() - 1)]
}

fn note(rng: &mut ChaCha8Rng) -> String {
    let mut text = format!("{} {}.", skewed(rng, OPENERS), skewed(rng, TOPICS));
    if rng.gen_bool(0.3) {
        text.push(' ');
        text.push_str(skewed(rng, PERSONAL));
    }
    if rng.gen_bool(0.5) {
        text.push(' ');
        text.push_str(skewed(rng, CLOSERS));
    }
    if rng.gen_bool(0.05) {
        // A few notes mention a name in passing.
        text.push_str(" Mentioned Priya from their finance team.");
    }
    text
}

/// A database file with the demo's 50,000 contacts and 500,000 made-up notes.
fn database(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("search.db");
    let mut store = Store::open(&path).expect("open");
    fill_demo(
        &mut store,
        DemoOptions {
            contacts: CONTACTS,
            interactions: 0,
            seed: 7,
        },
        today(),
    )
    .expect("demo contacts");
    drop(store);
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    let tx = conn.transaction().expect("transaction");
    {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let kinds = ["meeting", "call", "message", "email", "social"];
        let mut stmt = tx
            .prepare(
                "INSERT INTO interactions (contact_id, kind, date, note, event_name)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare");
        for _ in 0..INTERACTIONS {
            // Some contacts have long histories, most short ones.
            let contact = 1 + (rng.gen::<f64>().powi(2) * CONTACTS as f64) as i64;
            let date = today() - chrono::Duration::days(rng.gen_range(0..1100));
            let event = rng.gen_bool(0.08).then(|| skewed(&mut rng, EVENTS));
            let kind = kinds[rng.gen_range(0..kinds.len())];
            stmt.execute(params![
                contact,
                kind,
                date.to_string(),
                note(&mut rng),
                event
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    drop(conn);
    // Opening for writing indexes what those plain inserts queued.
    drop(Store::open(&path).expect("open"));
    path
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn micros(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    // KEEPWARM_BENCH_DB=FILE keeps the generated database there for the next run.
    let path = match std::env::var_os("KEEPWARM_BENCH_DB").map(std::path::PathBuf::from) {
        Some(kept) if kept.exists() => kept,
        Some(kept) => {
            let made = database(dir.path());
            std::fs::copy(&made, &kept).expect("keep the database");
            kept
        }
        None => database(dir.path()),
    };
    eprintln!(
        "search bench: {CONTACTS} contacts, {INTERACTIONS} interactions generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let store = Store::open_read_only(&path).expect("open");

    // Percentiles per query, interleaved so that a burst of load on a shared
    // machine spreads over all queries instead of spoiling one.
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); QUERIES.len()];
    let mut cpu: Vec<Vec<Duration>> = vec![Vec::with_capacity(RUNS); QUERIES.len()];
    let mut hits = vec![0; QUERIES.len()];
    for (i, (_, q)) in QUERIES.iter().enumerate() {
        hits[i] = store.search(q, LIMIT).expect("search").len(); // warm the cache
    }
    for _ in 0..RUNS {
        for (i, (_, q)) in QUERIES.iter().enumerate() {
            let start = Instant::now();
            let start_cpu = cpu_time::ThreadTime::now();
            let found = store.search(q, LIMIT).expect("search");
            cpu[i].push(start_cpu.elapsed());
            times[i].push(start.elapsed());
            criterion::black_box(found);
        }
    }
    eprintln!(
        "| query | kind | hits | p50 wall | p99 wall | p50 CPU | p99 CPU |\n|---|---|---|---|---|---|---|"
    );
    let (mut all, mut all_cpu) = (Vec::new(), Vec::new());
    for (i, (kind, q)) in QUERIES.iter().enumerate() {
        times[i].sort();
        cpu[i].sort();
        eprintln!(
            "| `{q}` | {kind} | {} | {} | {} | {} | {} |",
            hits[i],
            micros(percentile(&times[i], 0.5)),
            micros(percentile(&times[i], 0.99)),
            micros(percentile(&cpu[i], 0.5)),
            micros(percentile(&cpu[i], 0.99))
        );
        all.extend_from_slice(&times[i]);
        all_cpu.extend_from_slice(&cpu[i]);
    }
    all.sort();
    all_cpu.sort();
    eprintln!(
        "| all {} searches | | | {} | {} | {} | {} |",
        all.len(),
        micros(percentile(&all, 0.5)),
        micros(percentile(&all, 0.99)),
        micros(percentile(&all_cpu, 0.5)),
        micros(percentile(&all_cpu, 0.99))
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        eprintln!("load average when done: {}", load.trim());
    }

    let mut group = c.benchmark_group("search_50k_500k");
    group.sample_size(30);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for (_, q) in QUERIES {
        group.bench_function(*q, |b| b.iter(|| store.search(q, LIMIT).expect("search")));
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
