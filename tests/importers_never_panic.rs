//! No input makes an importer panic: random bytes, and fixture files with random
//! bytes flipped, inserted and cut (a quick cousin of the cargo-fuzz targets in
//! `fuzz/`, which run for longer outside CI).

use std::path::Path;

use keepwarm::interop::{decode, importers, sniff};
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Runs every importer on the bytes, as `import --format …` would, and the sniffer.
fn run_all(bytes: &[u8]) {
    let text = decode(bytes);
    let _ = sniff(&text);
    for i in importers() {
        let _ = i.sniff(&text);
        let _ = i.parse(&text, Path::new("input"));
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Cut(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'\r'),
                    Just(b'\n'),
                    Just(b' '),
                    Just(b'='),
                    Just(b':'),
                    Just(b';'),
                    Just(b','),
                    Just(b'"'),
                    Just(b'\\'),
                    any::<u8>()
                ],
                1..8,
            )
        )
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Cut(at, n)),
    ]
}

proptest! {
    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run_all(&bytes);
    }

    #[test]
    fn mutated_real_files(which in any::<usize>(), edits in prop::collection::vec(edit(), 1..12)) {
        let files = fixtures();
        prop_assume!(!files.is_empty());
        let mut bytes = files[which % files.len()].clone();
        for e in edits {
            let len = bytes.len().max(1);
            match e {
                Edit::Flip(at, b) => {
                    if !bytes.is_empty() {
                        bytes[at % len] = b;
                    }
                }
                Edit::Insert(at, extra) => {
                    let at = at % (bytes.len() + 1);
                    bytes.splice(at..at, extra);
                }
                Edit::Cut(at, n) => {
                    let at = at % len;
                    let end = (at + n).min(bytes.len());
                    if at < end {
                        bytes.drain(at..end);
                    }
                }
            }
        }
        run_all(&bytes);
    }
}
