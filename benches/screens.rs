//! The desktop app's screens on a big database: 10,000 contacts, 200,000 interactions.
//!
//! `cargo bench --bench screens`. Times each library call behind a command the app
//! makes when it opens and as the user types: Today, the contact list, a contact's
//! page, search as typed, the plan and insights. Prints the median and the slowest
//! of [`RUNS`] calls each, as wall time and as CPU time of the calling thread (on
//! a shared machine, wall time includes waiting for a core).

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::{screens, views, Store};

/// Timed calls per screen.
const RUNS: usize = 15;

fn main() {
    // `cargo bench` passes --bench; a filter would name one screen.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("screens.db");
    let started = Instant::now();
    {
        let mut store = Store::open(&db).expect("the database opens");
        fill_demo(
            &mut store,
            DemoOptions {
                contacts: 10_000,
                interactions: 200_000,
                seed: 7,
            },
            today,
        )
        .expect("demo data");
    }
    eprintln!(
        "10,000 contacts / 200,000 interactions generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let store = Store::open(&db).expect("the database opens");
    let some_contact = store.contacts().expect("contacts")[4321].id;

    type Screen<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let screens: Vec<Screen> = vec![
        (
            "today_screen",
            Box::new(|| {
                screens::today_screen(&store, today).expect("today");
            }),
        ),
        (
            "contact_rows",
            Box::new(|| {
                screens::contact_rows(&store, today).expect("rows");
            }),
        ),
        (
            "contact_view",
            Box::new(|| {
                views::contact_view(&store, some_contact, today).expect("a contact");
            }),
        ),
        (
            "  snapshot",
            Box::new(|| {
                store.snapshot(today).expect("snapshot");
            }),
        ),
        (
            "  plan 14 days",
            Box::new(|| {
                screens::plan_for(&store, today, 14).expect("plan");
            }),
        ),
        (
            "  plan 130 days",
            Box::new(|| {
                screens::plan_for(&store, today, 130).expect("plan");
            }),
        ),
        (
            "  contacts",
            Box::new(|| {
                store.contacts().expect("contacts");
            }),
        ),
        (
            "search m",
            Box::new(|| {
                store.search("m", 500).expect("search");
            }),
        ),
        (
            "search ma",
            Box::new(|| {
                store.search("ma", 500).expect("search");
            }),
        ),
        (
            "search mar",
            Box::new(|| {
                store.search("mar", 500).expect("search");
            }),
        ),
        (
            "search maria",
            Box::new(|| {
                store.search("maria", 500).expect("search");
            }),
        ),
        (
            "plan_screen 56 days",
            Box::new(|| {
                screens::plan_screen(&store, today, 56).expect("plan");
            }),
        ),
        (
            "insights",
            Box::new(|| {
                keepwarm::insights::insights(&store, today).expect("insights");
            }),
        ),
    ];
    for (name, call) in &screens {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let mut wall = Vec::with_capacity(RUNS);
        let mut cpu = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let (w, c) = (Instant::now(), cpu_time::ThreadTime::now());
            call();
            wall.push(w.elapsed());
            cpu.push(c.elapsed());
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        wall.sort();
        cpu.sort();
        println!(
            "{name:<22} median {:>7.1} ms (CPU {:>7.1} ms), slowest {:>7.1} ms",
            ms(wall[RUNS / 2]),
            ms(cpu[RUNS / 2]),
            ms(wall[RUNS - 1]),
        );
    }
}
