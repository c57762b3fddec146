//! The vcard importer must never panic, whatever the bytes.
#![no_main]

use keepwarm::interop::{decode, importer, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = decode(data);
    let _ = importer(Format::Vcard).parse(&text, std::path::Path::new("fuzz.input"));
});
