//! Generated vCard files for benchmarks and robustness tests.

use std::fmt::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const GIVEN: &[&str] = &[
    "Olivia", "Liam", "Zoë", "Mateo", "Priya", "Hiro", "Fatima", "Jürgen", "Siobhán", "Kwame",
];
const FAMILY: &[&str] = &[
    "Smith", "Müller", "O'Brien", "Tanaka", "Pérez", "Okafor", "Nowak", "Chen", "Dubois", "Larsen",
];
const COMPANIES: &[&str] = &[
    "Acme\\, Inc.",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Northwind Traders",
];

/// `count` vCard 3.0 cards as phones and Apple Contacts write them: CRLF, folded
/// lines, grouped emails with labels, birthdays with and without a year, and a
/// base64 JPEG-sized PHOTO on every `photo_every`-th card (0: none).
pub fn vcards_3_0(count: usize, photo_every: usize, seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // About 6 KB of base64, folded at 75 octets like real exports.
    let photo_bytes: Vec<u8> = (0..4500).map(|_| rng.gen()).collect();
    let photo = fold("PHOTO;ENCODING=b;TYPE=JPEG:", &base64(&photo_bytes));
    let mut out = String::with_capacity(count * 400);
    for i in 0..count {
        let given = GIVEN[rng.gen_range(0..GIVEN.len())];
        let family = FAMILY[rng.gen_range(0..FAMILY.len())];
        let company = COMPANIES[rng.gen_range(0..COMPANIES.len())];
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//keepwarm//sample//EN\r\nN:{family};{given};;;\r\nFN:{given} {family}\r\n\
             ORG:{company};Sales\r\nTITLE:Account Manager\r\n\
             item1.EMAIL;type=INTERNET;type=pref:{}.{}{i}@example.com\r\nitem1.X-ABLabel:_$!<Work>!$_\r\n\
             TEL;type=CELL;type=VOICE;type=pref:+1 555 {:03} {:04}\r\n",
            given.to_lowercase(),
            family.to_lowercase().replace('\'', ""),
            rng.gen_range(0..1000),
            i % 10_000,
        );
        if rng.gen_bool(0.6) {
            if rng.gen_bool(0.3) {
                let _ = write!(
                    out,
                    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-{:02}-{:02}\r\n",
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28)
                );
            } else {
                let _ = write!(
                    out,
                    "BDAY:{}-{:02}-{:02}\r\n",
                    rng.gen_range(1950..2004),
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28)
                );
            }
        }
        out.push_str(&fold("NOTE:", "Met at the regional kickoff; interested in the logistics case study and a follow-up call in spring\\, bring pricing."));
        if photo_every > 0 && i % photo_every == 0 {
            out.push_str(&photo);
        }
        let _ = write!(out, "UID:sample-{seed}-{i}\r\nEND:VCARD\r\n");
    }
    out
}

/// A content line folded at 75 octets (the value here is ASCII).
fn fold(prefix: &str, value: &str) -> String {
    let line = format!("{prefix}{value}");
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut rest = line.as_str();
    let mut first = true;
    while !rest.is_empty() {
        let width = if first { 75 } else { 74 };
        let cut = rest.len().min(width);
        if !first {
            out.push(' ');
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n");
        rest = &rest[cut..];
        first = false;
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_cards_import_whole() {
        let text = vcards_3_0(50, 10, 1);
        let parsed = crate::interop::importer(crate::interop::Format::Vcard)
            .parse(&text, std::path::Path::new("sample.vcf"))
            .unwrap();
        assert_eq!(parsed.contacts.len(), 50);
        assert!(parsed
            .contacts
            .iter()
            .all(|c| c.contact.emails.len() == 1 && c.uid.is_some()));
        assert!(parsed
            .contacts
            .iter()
            .any(|c| c.contact.birthday.is_some_and(|b| b.year.is_none())));
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }
}
