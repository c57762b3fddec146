//! Generated populations for benchmarks, property tests and `simulate` experiments:
//! realistic mixes of circles, birthdays, back-dated histories, events and promises,
//! made in memory from a seed.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::snapshot::{ContactFacts, PromiseFacts, Snapshot};
use crate::model::{Birthday, Circle, InteractionKind};

/// What a generated population looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PopulationSpec {
    /// Number of contacts.
    pub contacts: usize,
    /// Seed: the same spec and seed give the same population.
    pub seed: u64,
    /// Share of contacts with a birthday (a quarter of them without a year).
    pub birthday_rate: f64,
    /// Share of contacts met at an event in the last month.
    pub event_rate: f64,
    /// Share of contacts with an open promise.
    pub promise_rate: f64,
    /// Share of contacts never contacted (fresh imports).
    pub never_contacted_rate: f64,
    /// Share of paused contacts.
    pub paused_rate: f64,
}

impl PopulationSpec {
    /// A typical salesperson's book of `contacts` people.
    pub fn typical(contacts: usize, seed: u64) -> PopulationSpec {
        PopulationSpec {
            contacts,
            seed,
            birthday_rate: 0.6,
            event_rate: 0.05,
            promise_rate: 0.04,
            never_contacted_rate: 0.1,
            paused_rate: 0.02,
        }
    }
}

const KINDS: [InteractionKind; 7] = InteractionKind::ALL;

/// Generates one contact, numbered `id`.
pub fn generate_contact(
    rng: &mut ChaCha8Rng,
    id: i64,
    spec: &PopulationSpec,
    today: NaiveDate,
) -> ContactFacts {
    let circle = match rng.gen_range(0..100) {
        0..=4 => Circle::Inner,
        5..=19 => Circle::Core,
        20..=64 => Circle::Network,
        _ => Circle::Acquaintance,
    };
    let created = today - Duration::days(rng.gen_range(0..1000));
    let mut c = ContactFacts::new(id, &format!("Contact {id}"), circle, created);
    c.uid = format!("{:016x}-{id}", rng.gen::<u64>());
    if rng.gen_bool(spec.birthday_rate) {
        let month = rng.gen_range(1..=12);
        let day = rng.gen_range(1..=31);
        let year = rng.gen_bool(0.75).then(|| rng.gen_range(1950..2005));
        c.birthday = Birthday::new(year, month, day).or_else(|| Birthday::new(None, month, 28));
    }
    if !rng.gen_bool(spec.never_contacted_rate) {
        for n in 0..rng.gen_range(1..6) {
            let kind = KINDS[rng.gen_range(0..KINDS.len())];
            let back = rng.gen_range(0..700);
            c.record_interaction(kind, today - Duration::days(back), None, id * 100 + n);
        }
    }
    if rng.gen_bool(spec.event_rate) {
        let back = rng.gen_range(0..30);
        c.record_interaction(
            InteractionKind::Event,
            today - Duration::days(back),
            Some("SaaStr"),
            id * 100 + 99,
        );
    }
    if rng.gen_bool(spec.promise_rate) {
        c.open_promises.push(PromiseFacts {
            id,
            text: "Send the case study".into(),
            due: today + Duration::days(rng.gen_range(-10..60)),
        });
    }
    c.interests = match rng.gen_range(0..4) {
        0 => vec![],
        1 => vec!["Celtics".into()],
        2 => vec!["sailing".into(), "AI in logistics".into()],
        _ => vec!["coffee".into()],
    };
    c.paused = rng.gen_bool(spec.paused_rate);
    c
}

/// Generates a whole population.
pub fn generate(spec: &PopulationSpec, today: NaiveDate) -> Snapshot {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    Snapshot {
        contacts: (1..=spec.contacts as i64)
            .map(|id| generate_contact(&mut rng, id, spec, today))
            .collect(),
    }
}
