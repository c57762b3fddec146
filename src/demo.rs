//! Realistic sample data: contacts with companies, interests and birthdays, and a
//! history of interactions. The same seed and the same `today` give the same data.

use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::params;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Birthday, Circle, InteractionKind, NewContact};
use crate::store::contacts::{insert_contact, prepare_new_contact};
use crate::store::Store;

/// How much sample data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Number of contacts.
    pub contacts: usize,
    /// Number of interactions, spread over the contacts.
    pub interactions: usize,
    /// Seed of the generator: the same seed gives the same data.
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            contacts: 40,
            interactions: 240,
            seed: 1,
        }
    }
}

/// What [`fill_demo`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    /// Contacts added.
    pub contacts: usize,
    /// Interactions added.
    pub interactions: usize,
    /// Promises added.
    pub promises: usize,
}

const GIVEN_NAMES: &[&str] = &[
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Amelia",
    "Oliver",
    "Ava",
    "Elijah",
    "Sophia",
    "Mateo",
    "Isabella",
    "Lucas",
    "Mia",
    "Levi",
    "Charlotte",
    "Ezra",
    "Harper",
    "Asher",
    "Evelyn",
    "James",
    "Priya",
    "Arjun",
    "Ananya",
    "Rohan",
    "Mei",
    "Wei",
    "Yuki",
    "Haruto",
    "Sakura",
    "Kenji",
    "Fatima",
    "Omar",
    "Aisha",
    "Yusuf",
    "Layla",
    "Chloé",
    "Léa",
    "Hugo",
    "Louis",
    "Zoë",
    "Lena",
    "Jonas",
    "Greta",
    "Lukas",
    "Sofía",
    "Diego",
    "Valentina",
    "Santiago",
    "Camila",
    "Mateus",
    "Ingrid",
    "Magnus",
    "Astrid",
    "Björn",
    "Chinedu",
    "Amara",
    "Kwame",
    "Nia",
    "Tariq",
    "Siobhán",
    "Declan",
    "Aoife",
    "Connor",
    "Marta",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Elena",
    "Dmitri",
    "Anya",
    "Rafael",
    "Beatriz",
    "Joon",
    "Seo-yeon",
    "Min-jun",
    "Grace",
    "Henry",
    "Eleanor",
    "Samuel",
    "Hannah",
    "Daniel",
    "Ruth",
    "Michael",
    "Sarah",
    "David",
    "Rachel",
    "Kofi",
    "Zainab",
    "Ibrahim",
    "Noor",
    "Ravi",
    "Deepa",
    "Thanh",
    "Linh",
];

const FAMILY_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernández",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Pérez",
    "Thompson",
    "White",
    "Harris",
    "Sánchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Patel",
    "Sharma",
    "Singh",
    "Gupta",
    "Nguyen",
    "Tran",
    "Kim",
    "Park",
    "Choi",
    "Tanaka",
    "Suzuki",
    "Sato",
    "Watanabe",
    "Wang",
    "Li",
    "Zhang",
    "Chen",
    "Liu",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Dubois",
    "Laurent",
    "Lefèvre",
    "Moreau",
    "Rossi",
    "Russo",
    "Ferrari",
    "Bianchi",
    "Kowalski",
    "Nowak",
    "Novák",
    "Svensson",
    "Johansson",
    "Larsen",
    "Nielsen",
    "O'Brien",
    "Murphy",
    "Kelly",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Haddad",
    "Khalil",
    "Cohen",
    "Levi",
    "Silva",
    "Santos",
    "Oliveira",
    "Costa",
    "Ivanova",
    "Petrov",
    "Yilmaz",
    "Kaya",
    "MacLeod",
    "Fraser",
    "van Dijk",
    "de Vries",
];

/// (company, email domain)
const COMPANIES: &[(&str, &str)] = &[
    ("Acme Logistics", "acmelogistics.com"),
    ("Northwind Traders", "northwind.example"),
    ("Globex", "globex.com"),
    ("Initech", "initech.io"),
    ("Umbrella Health", "umbrellahealth.com"),
    ("Stark Components", "starkcomponents.com"),
    ("Wayne Freight", "waynefreight.com"),
    ("Hooli", "hooli.xyz"),
    ("Pied Piper", "piedpiper.com"),
    ("Vandelay Industries", "vandelay.com"),
    ("Blue Harbor Capital", "blueharbor.capital"),
    ("Cedar & Pine Architects", "cedarpine.design"),
    ("Lumen Analytics", "lumen-analytics.com"),
    ("Fjord Maritime", "fjordmaritime.no"),
    ("Sakura Robotics", "sakura-robotics.jp"),
    ("Atlas Cold Chain", "atlascoldchain.com"),
    ("Brightline Software", "brightline.dev"),
    ("Helios Solar", "heliossolar.energy"),
    ("Kestrel Aerospace", "kestrel-aero.com"),
    ("Meridian Bank", "meridianbank.com"),
    ("Orchid Biotech", "orchidbio.com"),
    ("Quarry Stone Media", "quarrystone.media"),
    ("Redwood Retail Group", "redwoodretail.com"),
    ("Silverline Telecom", "silverline.net"),
    ("Tidewater Insurance", "tidewater-ins.com"),
    ("Union Street Partners", "unionstreet.partners"),
    ("Vireo Foods", "vireofoods.com"),
    ("Wexford Manufacturing", "wexfordmfg.ie"),
    ("Yellowfin Data", "yellowfin.ai"),
    ("Zephyr Mobility", "zephyrmobility.com"),
];

const TITLES: &[&str] = &[
    "VP of Sales",
    "Head of Procurement",
    "CTO",
    "CEO",
    "Operations Director",
    "Supply Chain Manager",
    "Account Executive",
    "Product Manager",
    "Head of Partnerships",
    "CFO",
    "Marketing Director",
    "IT Manager",
    "Engineering Lead",
    "Customer Success Manager",
    "Founder",
    "Logistics Coordinator",
    "Chief Revenue Officer",
    "Solutions Architect",
    "Buyer",
    "General Counsel",
];

const INTERESTS: &[&str] = &[
    "Celtics",
    "Red Sox",
    "Arsenal",
    "FC Barcelona",
    "Golden State Warriors",
    "New York Yankees",
    "Formula 1",
    "sailing",
    "trail running",
    "marathons",
    "cycling",
    "golf",
    "skiing",
    "rock climbing",
    "yoga",
    "chess",
    "jazz",
    "classical music",
    "vinyl records",
    "photography",
    "woodworking",
    "gardening",
    "craft beer",
    "natural wine",
    "coffee",
    "cooking",
    "baking sourdough",
    "sci-fi novels",
    "history books",
    "podcasts",
    "board games",
    "travel",
    "Japan",
    "Italy",
    "dogs",
    "cats",
    "AI in logistics",
    "supply chain resilience",
    "cybersecurity",
    "climate tech",
    "electric vehicles",
    "fintech",
    "leadership",
    "public speaking",
    "startups",
    "open source",
    "data visualisation",
    "negotiation",
    "mentoring",
    "volunteering",
];

const EVENTS: &[&str] = &[
    "SaaStr Annual",
    "Dreamforce",
    "Web Summit",
    "Manifest Vegas",
    "ProMat",
    "CES",
    "MWC Barcelona",
    "AWS re:Invent",
    "Gartner Supply Chain Symposium",
    "Collision",
    "a customer dinner",
    "the regional sales kickoff",
];

const NOTES: &[&str] = &[
    "Talked about their expansion plans for next year.",
    "Wants a follow-up on pricing for the enterprise tier.",
    "Mentioned their daughter just started university.",
    "Evaluating two other vendors; decision in Q2.",
    "Loved the case study — asked for a reference call.",
    "Quick catch-up; they're hiring two account managers.",
    "Shared a great restaurant tip in Lisbon.",
    "Budget freeze until the new fiscal year.",
    "Introduced me to their head of operations.",
    "Asked about integrations with their ERP.",
    "Just back from holiday, very relaxed.",
    "Complained about onboarding; promised to help.",
    "Congratulated them on the promotion.",
    "Discussed the panel they're speaking on.",
    "",
];

const PROMISES: &[&str] = &[
    "Send the logistics case study",
    "Introduce them to our solutions engineer",
    "Share the pricing sheet for 500 seats",
    "Send the book recommendation",
    "Follow up on the pilot results",
    "Invite them to the customer advisory board",
];

/// Fills an empty database with sample data, all in one transaction.
///
/// Refuses a database that already has contacts, so real data is never mixed with
/// made-up people.
pub fn fill_demo(store: &mut Store, options: DemoOptions, today: NaiveDate) -> Result<DemoSummary> {
    let existing = store.contact_count()?;
    if existing > 0 {
        return Err(Error::invalid(
            "database",
            &store
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            format!(
                "already holds {existing} contacts; demo data goes only into an empty database"
            ),
        ));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let people: Vec<(NewContact, String, u32)> = (0..options.contacts)
        .scan(std::collections::HashSet::new(), |used_emails, i| {
            Some(demo_contact(&mut rng, i, used_emails))
        })
        .collect();
    // Closer circles get more of the history, as in real life.
    let weights: Vec<u32> = people.iter().map(|(_, _, w)| *w).collect();
    let total_weight: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    let cumulative: Vec<u64> = weights
        .iter()
        .scan(0u64, |acc, &w| {
            *acc += u64::from(w);
            Some(*acc)
        })
        .collect();

    // Demo data goes only into an empty database, so there is nothing to go back
    // to: it is not journaled (a journal entry would hold every row again).
    store.write_untracked(|tx| {
        let mut ids = Vec::with_capacity(people.len());
        for (new, uid, _) in &people {
            let prepared = prepare_new_contact(new)?;
            let created = today - Duration::days(rng.gen_range(30..1100));
            ids.push(insert_contact(tx, &prepared, uid, created)?);
        }
        let mut interactions = 0;
        if !ids.is_empty() {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO interactions (contact_id, kind, date, note, event_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for _ in 0..options.interactions {
                let draw = rng.gen_range(0..total_weight);
                let who = cumulative.partition_point(|&c| c <= draw);
                let kind = pick_kind(&mut rng);
                // Skewed towards the recent past: squaring a uniform number.
                let back = (rng.gen::<f64>().powi(2) * 720.0) as i64;
                let date = today - Duration::days(back);
                // Most events are named; a few meetings happen at one too.
                let named_share = match kind {
                    InteractionKind::Event => 0.6,
                    InteractionKind::Meeting => 0.05,
                    _ => 0.0,
                };
                let event = (named_share > 0.0 && rng.gen_bool(named_share)).then(|| pick(&mut rng, EVENTS));
                let note = pick(&mut rng, NOTES);
                stmt.execute(params![ids[who], kind.as_str(), date.to_string(), note, event])?;
                interactions += 1;
            }
        }
        let mut promises = 0;
        let mut promise_stmt = tx.prepare_cached(
            "INSERT INTO promises (contact_id, text, due_date, done_date, created_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        // About one contact in twenty has a promise open or recently kept. The
        // first falls due today, so the demo's Today always has something to
        // do (a small book's spread-out rhythm may leave a day empty).
        for (n, &id) in ids.iter().step_by(20).enumerate() {
            let mut due = today + Duration::days(rng.gen_range(-14..45));
            let mut done = (due < today && rng.gen_bool(0.8)).then(|| (due - Duration::days(1)).to_string());
            if n == 0 {
                (due, done) = (today, None);
            }
            let created = (due - Duration::days(rng.gen_range(3..30))).min(today);
            promise_stmt.execute(params![
                id,
                pick(&mut rng, PROMISES),
                due.to_string(),
                done,
                created.to_string()
            ])?;
            promises += 1;
        }
        Ok(DemoSummary {
            contacts: ids.len(),
            interactions,
            promises,
        })
    })
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items.choose(rng).copied().unwrap_or_default()
}

fn pick_kind(rng: &mut ChaCha8Rng) -> InteractionKind {
    match rng.gen_range(0..100) {
        0..=17 => InteractionKind::Meeting,
        18..=35 => InteractionKind::Call,
        36..=52 => InteractionKind::Message,
        53..=77 => InteractionKind::Email,
        78..=91 => InteractionKind::Social,
        92..=94 => InteractionKind::Gift,
        _ => InteractionKind::Event,
    }
}

/// One made-up person, their UID and their weight in the interaction history.
fn demo_contact(
    rng: &mut ChaCha8Rng,
    index: usize,
    used_emails: &mut std::collections::HashSet<String>,
) -> (NewContact, String, u32) {
    let given = pick(rng, GIVEN_NAMES);
    let family = pick(rng, FAMILY_NAMES);
    let &(company, domain) = COMPANIES.choose(rng).unwrap_or(&COMPANIES[0]);
    let circle = match rng.gen_range(0..100) {
        0..=4 => Circle::Inner,
        5..=19 => Circle::Core,
        20..=64 => Circle::Network,
        _ => Circle::Acquaintance,
    };
    let local: String = format!("{given}.{family}")
        .to_lowercase()
        .chars()
        .filter_map(ascii_fold)
        .collect();
    let mut emails = Vec::new();
    if rng.gen_bool(0.8) {
        let mut email = format!("{local}@{domain}");
        if !used_emails.insert(email.clone()) {
            // Namesakes at one company get numbered addresses, as mail admins do.
            email = format!("{local}{index}@{domain}");
        }
        emails.push(email);
        if rng.gen_bool(0.15) {
            emails.push(format!("{local}.{index}@gmail.com"));
        }
    }
    let phones = if rng.gen_bool(0.6) {
        vec![format!(
            "+1 {:03} {:03} {:04}",
            rng.gen_range(201..990),
            rng.gen_range(200..999),
            rng.gen_range(0..10000)
        )]
    } else {
        Vec::new()
    };
    let birthday = if rng.gen_bool(0.6) {
        let month = rng.gen_range(1..=12);
        let day = rng.gen_range(1..=28);
        let year = rng.gen_bool(0.75).then(|| rng.gen_range(1955..2002));
        Birthday::new(year, month, day)
    } else {
        None
    };
    let interest_count = rng.gen_range(0..=3);
    let interests = INTERESTS
        .choose_multiple(rng, interest_count)
        .map(|s| (*s).to_owned())
        .collect();
    let mut uid_bytes = [0u8; 16];
    rng.fill(&mut uid_bytes);
    let uid = uuid::Builder::from_random_bytes(uid_bytes)
        .into_uuid()
        .to_string();
    let weight = match circle {
        Circle::Inner => 10,
        Circle::Core => 6,
        Circle::Network => 3,
        Circle::Acquaintance => 1,
    };
    let contact = NewContact {
        name: format!("{given} {family}"),
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        emails,
        phones,
        company: Some(company.to_owned()),
        title: Some(pick(rng, TITLES).to_owned()),
        birthday,
        circle: Some(circle),
        interests,
        tags: Vec::new(),
        notes: String::new(),
        source: Some(crate::model::Source::Demo),
    };
    (contact, uid, weight)
}

/// Folds accented letters for email addresses; drops what cannot be folded.
fn ascii_fold(c: char) -> Option<char> {
    let folded = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c if c.is_ascii_alphanumeric() || c == '.' || c == '-' => c,
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn snapshot(seed: u64) -> (Vec<crate::model::Contact>, i64) {
        let mut store = Store::open_in_memory().unwrap();
        fill_demo(
            &mut store,
            DemoOptions {
                contacts: 200,
                interactions: 1000,
                seed,
            },
            today(),
        )
        .unwrap();
        (
            store.contacts().unwrap(),
            store.interaction_count().unwrap(),
        )
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        let (a, na) = snapshot(7);
        let (b, nb) = snapshot(7);
        let (c, _) = snapshot(8);
        assert_eq!(a, b);
        assert_eq!((na, nb), (1000, 1000));
        assert_ne!(a, c);
        assert!(a.iter().all(|c| !c.name.is_empty() && c.company.is_some()));
        assert!(a
            .iter()
            .any(|c| c.birthday.is_some_and(|b| b.year.is_none())));
        assert!(a.iter().any(|c| !c.interests.is_empty()));
    }

    #[test]
    fn refuses_a_database_with_contacts() {
        let mut store = Store::open_in_memory().unwrap();
        fill_demo(&mut store, DemoOptions::default(), today()).unwrap();
        let err = fill_demo(&mut store, DemoOptions::default(), today()).unwrap_err();
        assert!(err.to_string().contains("empty database"), "{err}");
        assert_eq!(store.contact_count().unwrap(), 40);
    }
}
