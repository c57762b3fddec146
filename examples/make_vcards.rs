//! Writes a generated vCard 3.0 file for benchmarks: `make_vcards COUNT PHOTO_EVERY OUT`.

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let count = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let photo_every = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let out = args.get(3).map_or("sample.vcf", String::as_str);
    std::fs::write(
        out,
        keepwarm::interop::sample::vcards_3_0(count, photo_every, 7),
    )
}
