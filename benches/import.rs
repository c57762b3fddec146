//! Importing 10,000 generated vCard 3.0 cards (one in ten with a photo).
//!
//! `cargo bench --bench import`; figures are in the README.

use std::path::Path;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use keepwarm::interop::{importer, sample, Format};
use keepwarm::Store;

fn import(c: &mut Criterion) {
    let text = sample::vcards_3_0(10_000, 10, 7);
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let mut group = c.benchmark_group("import_10k_vcard30");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            importer(Format::Vcard)
                .parse(&text, Path::new("bench.vcf"))
                .expect("parse")
        })
    });
    group.bench_function("parse_and_store", |b| {
        b.iter_with_setup(
            || {
                let dir = tempfile::tempdir().expect("temporary folder");
                let store = Store::open(&dir.path().join("bench.db")).expect("open");
                (dir, store)
            },
            |(_dir, mut store)| {
                let parsed = importer(Format::Vcard)
                    .parse(&text, Path::new("bench.vcf"))
                    .expect("parse");
                store
                    .import_contacts(Format::Vcard, &parsed, today, false, &mut |_, _| {})
                    .expect("import")
            },
        )
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
