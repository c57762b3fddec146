//! Planner speed on generated populations, and loading its snapshot from SQLite.
//!
//! `cargo bench --bench planner`; figures are in the README.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::schedule::plan;
use keepwarm::schedule::population::{generate, PopulationSpec};
use keepwarm::schedule::settings::PlannerSettings;
use keepwarm::schedule::today::today_view;
use keepwarm::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// A year's plan and today's pings, 1,000 to 10,000 contacts: time should grow
/// about linearly with the number of contacts.
fn planning(c: &mut Criterion) {
    let settings = PlannerSettings::default();
    let mut group = c.benchmark_group("plan_365_days");
    group.sample_size(20);
    for contacts in [1_000, 2_000, 5_000, 10_000] {
        let snapshot = generate(&PopulationSpec::typical(contacts, 7), today());
        group.throughput(Throughput::Elements(contacts as u64));
        group.bench_with_input(BenchmarkId::from_parameter(contacts), &snapshot, |b, s| {
            b.iter(|| plan(today(), s, &settings, 365))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("plan_today");
    group.sample_size(20);
    for contacts in [1_000, 10_000] {
        let snapshot = generate(&PopulationSpec::typical(contacts, 7), today());
        group.bench_with_input(BenchmarkId::from_parameter(contacts), &snapshot, |b, s| {
            b.iter(|| plan(today(), s, &settings, 1))
        });
    }
    group.finish();

    // What `today` computes: today's pings, the next day's count, the notes.
    let mut group = c.benchmark_group("today_view");
    group.sample_size(20);
    let snapshot = generate(&PopulationSpec::typical(10_000, 7), today());
    group.bench_function("10000", |b| {
        b.iter(|| today_view(today(), &snapshot, &settings, 0))
    });
    group.finish();
}

/// Reading everything the planner needs from a demo database of 10,000 contacts
/// and 200,000 interactions.
fn snapshot_loading(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path).expect("open");
    fill_demo(
        &mut store,
        DemoOptions {
            contacts: 10_000,
            interactions: 200_000,
            seed: 7,
        },
        today(),
    )
    .expect("demo data");
    let mut group = c.benchmark_group("snapshot");
    group.sample_size(20);
    group.bench_function("10k_contacts_200k_interactions", |b| {
        b.iter(|| store.snapshot(today()).expect("snapshot"))
    });
    group.finish();
}

criterion_group!(benches, planning, snapshot_loading);
criterion_main!(benches);
