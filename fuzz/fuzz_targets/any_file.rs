//! Decoding, sniffing and parsing an arbitrary file, as `keepwarm import` does.
#![no_main]

use keepwarm::interop::{decode, importer, sniff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = decode(data);
    if let Some(format) = sniff(&text) {
        let _ = importer(format).parse(&text, std::path::Path::new("fuzz.input"));
    }
});
