//! Where the user stands with a contact, by their own notes: someone the
//! notes say to leave alone gets no pings of the planner's making at all
//! (only the user's own promises come), and a deal reported lost rests for a
//! while before any check-in.
//!
//! A salesperson writes "UKG rep, fishing for our pricing" on a competitor,
//! "declined politely" after a recruiter's InMail, "Quebec, hand to
//! Marc-André" on a lead that belongs to a colleague, "only via Gail" on a
//! chief executive: a thoughtful colleague would not suggest a friendly
//! note to any of them, and a plan that does teaches the user to ignore it.

use super::phrases::{is_competitor, is_personal, is_recruiter_note};

/// Why the notes say to leave a contact alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftAlone {
    /// Works for a competitor (by the card's notes or a tag), and is no friend.
    Competitor,
    /// A recruiter the user turned down.
    Declined,
    /// Handed over to a colleague ("hand to Marc-André", "Marc's territory").
    HandedOver,
    /// Reached only through someone else ("only via Gail", "goes through Amir").
    ThroughSomeone,
    /// The notes ask for no contact, with no day it ends.
    NoContact,
    /// Not a person: a group chat, a team's shared inbox, a mailing list.
    Group,
    /// A child (under sixteen by the birthday on the card): their birthday
    /// and the user's promises come, no rhythm pings of their own.
    Child,
    /// The notes say the user is in touch every week anyway ("I ring every
    /// Sunday evening"): birthdays and promises come, no rhythm pings.
    InTouch,
}

impl LeftAlone {
    /// The reason in the user's words, for the plan's note.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Competitor => "at a competitor",
            Self::Declined => "declined",
            Self::HandedOver => "handed over",
            Self::ThroughSomeone => "reached through someone else",
            Self::NoContact => "no contact",
            Self::Group => "a group or a service, not a person",
            Self::InTouch => "in touch every week",
            Self::Child => "a child",
        }
    }

    /// Whether birthdays and event follow-ups still come (for someone the
    /// user is in touch with anyway, and for a child).
    pub fn keeps_occasions(self) -> bool {
        matches!(self, Self::InTouch | Self::Child)
    }
}

/// Cues that a contact belongs to a colleague now.
const HANDED_OVER: [&str; 12] = [
    "hand to ",
    "handed to ",
    "hand over to ",
    "handed over to ",
    "hand off to ",
    "handed off to ",
    "hand-off to ",
    "handoff to ",
    "passed to ",
    "passed over to ",
    "not my territory",
    "not my account",
];

/// Cues that a contact is only to be reached through someone else; the word
/// after them must be a name (capitalised), so "go through the proposal"
/// is no such cue.
const THROUGH: [&str; 11] = [
    "only via ",
    "only through ",
    // "never talked directly, all via Gloria".
    "all via ",
    "all through ",
    "always via ",
    "always through ",
    "everything via ",
    "everything through ",
    "everything goes through ",
    "go through ",
    "goes through ",
];

/// Cues on a card that the contact is a group of people, not one person: a
/// ping's words ("how are things?", "suggest a coffee") are for a person.
const GROUP: [&str; 10] = [
    "group chat",
    "groupchat",
    "whatsapp group",
    "groupme",
    "signal group",
    "mailing list",
    "distribution list",
    "shared inbox",
    "shared mailbox",
    "slack channel",
];

/// Words in a contact's name that make it a place or a service, not a
/// person: a switchboard, a taxi firm, a help desk.
const NO_PERSON: [&str; 24] = [
    "noc",
    "service centre",
    "switchboard",
    "reception",
    "front desk",
    "help desk",
    "helpdesk",
    "service desk",
    "customer service",
    "main line",
    "out of hours",
    "taxi",
    "taxis",
    "cabs",
    "co-op",
    "pharmacy",
    "clinic",
    "hospital",
    "hotel",
    "restaurant",
    "garage",
    "takeaway",
    "bookings",
    "accounts payable",
];

/// What a lower-cased card says the contact is, in its first words ("wife"
/// of "Wife. Anniversary 21/06.", "son" of "Son - Lego mad").
fn who_the_card_says(card: &str) -> &str {
    card.trim_start()
        .split(['.', ';', ',', '\n', '(', '-'])
        .next()
        .unwrap_or("")
        .trim()
}

/// Whether the card says the contact is the user's own child ("Son",
/// "My daughter. Loves Lego."): a birthday to prepare, not to wish from afar.
pub fn is_own_child(notes: &str) -> bool {
    card_says(notes, |who| {
        matches!(
            who,
            "son"
                | "daughter"
                | "my son"
                | "my daughter"
                | "our son"
                | "our daughter"
                | "figlio"
                | "figlia"
        )
    })
}

/// Whether the card opens by saying the contact works beside the user at
/// their own company ("My manager - runs Central", "Our SE for the
/// Midwest", "Teammate, in Denver"): seen at work every week, no one to
/// keep warm with a rhythm. A past tie ("My manager at Oracle, 2015-18",
/// "Former colleague") is not.
pub fn works_beside_user(notes: &str) -> bool {
    const ROLES: [&str; 16] = [
        "manager",
        "line manager",
        "boss",
        "vp",
        "rvp",
        "director",
        "se",
        "sales engineer",
        "solutions engineer",
        "sdr",
        "bdr",
        "office manager",
        "team lead",
        "ceo",
        "cfo",
        "cro",
    ];
    card_says(notes, |who| {
        let who = [" for ", " on ", " in "]
            .iter()
            .find_map(|sep| who.split_once(sep).map(|(head, _)| head))
            .unwrap_or(who);
        matches!(
            who,
            "teammate" | "coworker" | "co-worker" | "my teammate" | "my colleague" | "on my team"
        ) || ["my ", "our "].iter().any(|own| {
            who.strip_prefix(own)
                .is_some_and(|role| ROLES.contains(&role))
        })
    })
}

/// Whether the card says the contact is the user's spouse or partner
/// ("Wife. Anniversary 14/03.", "My partner"): someone the user lives with.
/// "Partner, Arthur Cox" is a partner of a firm; "My partner" is not.
pub fn is_spouse(notes: &str) -> bool {
    card_says(notes, |who| {
        who == "my partner"
            || matches!(
                who.strip_prefix("my ").unwrap_or(who),
                "wife"
                    | "husband"
                    | "spouse"
                    | "fiancée"
                    | "fiancé"
                    | "fiancee"
                    | "fiance"
                    | "girlfriend"
                    | "boyfriend"
            )
    })
}

/// [`is_spouse`], or a card tagged family that opens with "Partner."
/// ("Partner. Loves Pirates"): a partner of a firm is not family.
pub fn is_spouse_in_family(notes: &str, tags: &[String]) -> bool {
    is_spouse(notes)
        || (tags.iter().any(|t| t.eq_ignore_ascii_case("family"))
            && card_says(notes, |who| who == "partner"))
}

/// Whether any line of the card opens by saying who the contact is to the
/// user in words `is` accepts: a card may start with an imported line
/// ("Rubes new phone") before "Daughter (Rubes). Yr 6…".
fn card_says(notes: &str, is: impl Fn(&str) -> bool) -> bool {
    notes
        .lines()
        .map(|line| line.trim().to_lowercase())
        .filter(|line| !line.is_empty())
        .any(|line| is(who_the_card_says(&line)))
}

/// Whether a contact's name names a place or a service (see [`NO_PERSON`]).
pub fn names_no_person(name: &str) -> bool {
    static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    // "Dr Aoife Kelly - Mercy Hospital", "Siobhán Murphy (Acme)": a person,
    // with where they work beside the name.
    let name = name
        .split(" - ")
        .next()
        .unwrap_or("")
        .split(['(', ',', '/'])
        .next()
        .unwrap_or("");
    let lower = name.to_lowercase();
    FIRST_LOOK
        .get_or_init(|| super::cues::Cues::new(&NO_PERSON))
        .any_in(&lower)
        && NO_PERSON.iter().any(|w| has_words(&lower, w))
}

/// Cues that a recruiter (or anyone cold) was turned down.
const DECLINED: [&str; 6] = [
    "declined",
    "not interested",
    "not looking",
    "turned down",
    "said no thanks",
    "no thanks",
];

/// Whether a lower-cased text says an offer was turned down (see [`DECLINED`]).
fn says_declined(lower: &str) -> bool {
    DECLINED.iter().any(|cue| lower.contains(cue))
}

/// Whether a company is a recruiting firm ("Alpina Executive Search",
/// "Hays Recruitment", "Kienbaum Personalberatung").
fn is_recruiting_firm(company: &str) -> bool {
    let lower = company.to_lowercase();
    [
        "executive search",
        "recruit",
        "headhunt",
        "personalberatung",
        "talent partners",
        "staffing",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether someone at a recruiting firm was turned down, as the last note
/// says ("VP Sales role at a SaaS scale-up. Declined politely, not looking"):
/// left alone as a declined recruiter is, whatever the card's title says.
pub fn declined_by_recruiting_firm(company: Option<&str>, last_note: Option<&str>) -> bool {
    company.is_some_and(is_recruiting_firm)
        && last_note.is_some_and(|n| says_declined(&n.to_lowercase().replace('\u{2019}', "'")))
}

/// Cues that ask for no contact for good, or until something with no day
/// ("no informal contact until award": held until the user edits the note).
const NO_CONTACT: [&str; 40] = [
    // A stand visitor who was no lead: "only came for the free tote bag",
    // "swag hunter prob".
    "tyre kicker",
    "tire kicker",
    "swag hunter",
    "free tote",
    "for the freebies",
    "time waster",
    "only came for the",
    // "RFP blackout applies - only support via Alex".
    "rfp blackout",
    "blackout applies",
    "can't talk to vendors",
    "cannot talk to vendors",
    "no vendor contact",
    // A tender's buyer: "formal contact only, via the tender portal".
    "formal contact only",
    "formal channels only",
    "only via the portal",
    "only through the portal",
    "do not contact",
    "don't contact",
    "dont contact",
    "no contact until",
    "no informal contact",
    "no direct contact",
    "asked not to be contacted",
    "stop contacting",
    "don't push",
    "do not push",
    // "Going w Sage. Maybe look again in 2-3 yrs. Don't chase".
    "don't chase",
    "do not chase",
    "dont chase",
    // "Asked not to be chased", with no day: for good ("no chasing
    // needed", of an invoice paid, is no such ask).
    "not to be chased",
    "no chasing please",
    "unsubscribe",
    // A cold email's answer: "Reply: 'not interested, pls remove'".
    "interested, pls remove",
    "interested, please remove",
    "pls remove me",
    "please remove me",
    "take me off your",
    "opted out",
    "spammer",
    "spam",
];

/// Whether the words after "until", "till" or "before" in a clause name a
/// day or a month ("until 18 Dec", "till award, expected Feb 2027", "before
/// then"): then the hold ends on that day (see
/// `note_timing::no_contact_days`), and is no reason to leave the contact
/// alone for good.
fn names_an_end(clause: &str) -> bool {
    let Some(at) = ["until", "till", "before"]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
    else {
        return false;
    };
    let rest = &clause[at..];
    // "not to chase before then": a day named earlier in the note. After
    // "before", only a number names a day ("before the decision" holds
    // no "dec").
    rest.chars().any(|c| c.is_ascii_digit())
        || ["until then", "till then", "before then"]
            .iter()
            .any(|w| rest.starts_with(w))
        || (!rest.starts_with("before")
            && super::notes::MONTH_NAMES
                .iter()
                .any(|m| rest.contains(&m[..3.min(m.len())])))
}

/// Whether the card's notes, tags, title or the last note say to leave the
/// contact alone, and why. Friends and family are never left alone by these
/// cues: a friend at a rival is still a friend.
pub fn left_alone(
    name: &str,
    notes: &str,
    tags: &[String],
    title: Option<&str>,
    last_note: Option<&str>,
) -> Option<LeftAlone> {
    let card = notes.to_lowercase().replace('\u{2019}', "'");
    // What the card says the contact is comes first: "My fantasy league
    // group chat", not "My brother. … Family WhatsApp group."
    let what_it_is = card
        .trim_start()
        .split(['.', ';', '\n'])
        .next()
        .unwrap_or("");
    // Every group cue holds one of these words: most cards hold none.
    let may_be_group = ["group", "list", "inbox", "mailbox", "channel"]
        .iter()
        .any(|w| what_it_is.contains(w));
    if may_be_group && GROUP.iter().any(|cue| has_words(what_it_is, cue)) {
        return Some(LeftAlone::Group);
    }
    // "CUH Switchboard", "Cork Taxi Co-op", or a card that says "appointments
    // desk (not a person)": a number kept, not a person.
    if names_no_person(name)
        || card.contains("(not a person)")
        || card
            .split(['.', ';', '\n', '-'])
            .any(|clause| clause.trim() == "not a person")
    {
        return Some(LeftAlone::Group);
    }
    if is_personal(notes, tags) {
        return None;
    }
    if is_competitor(notes, tags) {
        return Some(LeftAlone::Competitor);
    }
    let last_original = last_note.unwrap_or("");
    let last = last_original.to_lowercase().replace('\u{2019}', "'");
    let texts = [(notes, card.as_str()), (last_original, last.as_str())];
    let recruiter = is_recruiter_note(notes)
        || tags.iter().any(|t| t.to_lowercase().contains("recruit"))
        || title.is_some_and(|t| {
            let t = t.to_lowercase();
            t.contains("recruit") || t.contains("headhunt")
        });
    if recruiter && texts.iter().any(|(_, lower)| says_declined(lower)) {
        return Some(LeftAlone::Declined);
    }
    static HANDED: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    let handed = HANDED.get_or_init(|| super::cues::Cues::new(&HANDED_OVER));
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    if texts
        .iter()
        .any(|(_, lower)| handed.any_in(lower) || someone_elses_territory(lower, &first))
    {
        return Some(LeftAlone::HandedOver);
    }
    // "Hamish's boss. Not met": reached through the one they work with, not
    // cold (an introduction the notes plan is asked after instead).
    if last.is_empty() && !card.contains("intro") && not_met_and_someones_boss(&card) {
        return Some(LeftAlone::ThroughSomeone);
    }
    static VIA: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    let via = VIA.get_or_init(|| super::cues::Cues::new(&THROUGH));
    if texts.iter().any(|(original, lower)| {
        via.any_in(lower)
            && THROUGH
                .iter()
                .any(|cue| names_after(original, lower, cue, name))
    }) {
        return Some(LeftAlone::ThroughSomeone);
    }
    if texts.iter().any(|(_, lower)| {
        // Most texts hold no cue at all: a look at the whole text first.
        static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
        FIRST_LOOK
            .get_or_init(|| super::cues::Cues::new(&NO_CONTACT))
            .any_in(lower)
            && lower.split(['.', ';', '\n']).any(|clause| {
                NO_CONTACT.iter().any(|cue| has_words(clause, cue)) && !names_an_end(clause)
            })
    }) {
        return Some(LeftAlone::NoContact);
    }
    None
}

/// Days and spans a habit recurs on: "every Sunday", "each week", "every
/// Sat" (the weekdays in full first: `EVERY[..7]`).
const EVERY: [&str; 21] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
    "day",
    "fortnight",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The words besides the weekdays of [`EVERY`] that every habit holds
/// ("every", "weekly"; a weekday for "Sundays"), looked for before a text is
/// read clause by clause.
const RECURS: [&str; 8] = [
    "every",
    "each",
    "weekly",
    "fortnight",
    "daily",
    // "most Saturdays" holds its weekday; "most days" and "most weeks" none.
    "most days",
    "most weeks",
    "most weekends",
];

/// Ways of being in touch that make such a habit a conversation.
const TOUCH: [&str; 15] = [
    "ring", "call", "calls", "phone", "see", "visit", "talk", "speak", "chat", "lunch", "dinner",
    "meet", "skype", "facetime", "catchup",
];

/// Things done together that make a habit a meeting when the user is in
/// it ("we play every Tuesday night").
const SHARED: [&str; 10] = [
    "play", "train", "skate", "run", "ride", "swim", "walk", "hike", "cycle", "climb",
];

/// Touches in the plural: after a weekday, a habit ("Sunday calls").
const HABITS: [&str; 6] = ["calls", "lunches", "dinners", "chats", "visits", "walks"];

/// Meetings that are a conversation by their name ("Weekly 1:1 every
/// Thursday", "jour fixe every Monday").
const MEETINGS: [&str; 6] = [
    "1:1",
    "one-to-one",
    "one-on-one",
    "jour fixe",
    "sync",
    "stand-up",
];

/// Words that say the user works beside the contact every day.
const BESIDE: [&str; 7] = [
    "sits next to me",
    "sit next to each other",
    "desk next to mine",
    "shares my office",
    "desks down",
    "desk down",
    "desks away",
];

/// Whether the card or the last note says the user is in touch with the
/// contact every week or so anyway ("I ring every Sunday evening", "lunch
/// with her every week", "weekly call", "Weekly 1:1 every Thursday", "sits
/// next to me"): a rhythm ping would only repeat it.
pub fn in_regular_touch(notes: &str, last_note: Option<&str>) -> bool {
    // Where they sit is said on the card, not in a note of one meeting.
    let card = notes.to_lowercase();
    // "Wife. Anniversary 21/06.": someone the user lives with is talked to
    // every day.
    if is_spouse(notes) || works_beside_user(notes) {
        return true;
    }
    // "Sits two desks down" is beside the user; "two desks down from Jane"
    // is not.
    static NEAR: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    let near = NEAR
        .get_or_init(|| super::cues::Cues::new(&BESIDE))
        .any_in(&card);
    if near
        && BESIDE.iter().any(|b| {
            card.match_indices(b).any(|(at, _)| {
                let rest = card[at + b.len()..].trim_start();
                !rest.starts_with("from") || rest.starts_with("from me")
            })
        })
    {
        return true;
    }
    [card, last_note.unwrap_or("").to_lowercase()]
        .iter()
        // Every habit names a day or a span: most texts name none, and are
        // not read clause by clause.
        .filter(|text| {
            static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
            FIRST_LOOK
                .get_or_init(|| {
                    let cues: Vec<&str> = RECURS.iter().chain(&EVERY[..7]).copied().collect();
                    super::cues::Cues::new(&cues)
                })
                .any_in(text)
        })
        .any(|text| {
            text.split(['.', ';', '\n', '!', '?']).any(|clause| {
                // "1:1" as itself, not inside "1:15pm".
                let meeting = MEETINGS.iter().any(|m| has_words(clause, m));
                let words: Vec<&str> = clause
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let habit = words.windows(2).any(|w| {
                    (matches!(w[0], "every" | "each" | "most")
                        && (EVERY.contains(&w[1])
                            || w[1].strip_suffix('s').is_some_and(|d| EVERY.contains(&d))))
                        || (matches!(w[0], "weekly" | "fortnightly") && TOUCH.contains(&w[1]))
                        // "We talk weekly", "speak most days".
                        || (TOUCH.contains(&w[0]) && matches!(w[1], "weekly" | "daily"))
                        // "Sunday calls", "Sundays: lunch at hers": a day's habit.
                        || (EVERY[..7].contains(&w[0]) && HABITS.contains(&w[1]))
                        || (w[0].strip_suffix('s').is_some_and(|d| EVERY[..7].contains(&d))
                            && TOUCH.contains(&w[1]))
                });
                // "Weekly 1:1 Mondays 8:30", "1:1 Thursdays": a standing
                // meeting of the user's (a stand-up may be theirs alone).
                // A sync is the user's when nothing says it is theirs or a
                // machine's ("their weekly sync with the MSP", "data sync").
                let own_sync = has_words(clause, "sync")
                    && !words
                        .iter()
                        .any(|w| matches!(*w, "their" | "data" | "salesforce" | "crm" | "breaks"));
                // "Weekly deal review Tuesdays w/ Marcus": the user's review.
                let review = ["deal review", "pipeline review", "forecast call"]
                    .iter()
                    .any(|m| has_words(clause, m));
                let standing_meeting =
                    (MEETINGS[..4].iter().any(|m| has_words(clause, m)) || own_sync || review)
                        && words.iter().any(|w| {
                            matches!(*w, "weekly" | "fortnightly")
                                || w.strip_suffix('s').is_some_and(|d| EVERY[..7].contains(&d))
                        });
                // "We play every Tuesday": a shared activity counts when the
                // user is in it; "likes to play golf every Sunday" does not.
                let together = words.iter().any(|w| matches!(*w, "we" | "us" | "together"));
                let touch = words.iter().enumerate().any(|(i, w)| {
                    TOUCH.contains(w)
                        || w.starts_with("call")
                        || (*w == "catch" && words.get(i + 1) == Some(&"up"))
                        || (together && SHARED.contains(w))
                });
                // "Weekly ops call Tuesdays 9am": a standing call of the
                // user's, whatever it is about.
                let weekly_call = words.iter().any(|w| matches!(*w, "weekly" | "fortnightly"))
                    && words
                        .iter()
                        .any(|w| matches!(*w, "call" | "calls" | "meeting" | "mtg" | "catchup"))
                    && !words.iter().any(|w| matches!(*w, "their" | "his" | "her"));
                standing_meeting || weekly_call || habit && (meeting || touch)
            })
        })
}

/// Whether `cue` stands in `lower` as whole words.
pub(super) fn has_words(lower: &str, cue: &str) -> bool {
    lower.match_indices(cue).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + cue.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether a text gives the contact to someone else's territory ("Thames
/// Valley - Tom's territory, hand to Tom"), not to the contact's own
/// ("Anything London = Tom's territory" on Tom's card).
fn someone_elses_territory(lower: &str, first: &str) -> bool {
    lower.match_indices("'s territory").any(|(at, _)| {
        let owner = lower[..at]
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        !owner.is_empty() && owner != first
    })
}

/// Whether a card says the user has not met the contact, who is someone
/// else's boss ("Hamish's boss - runs the Academy. Not met").
fn not_met_and_someones_boss(card: &str) -> bool {
    const NOT_MET: [&str; 4] = ["not met", "never met", "haven't met", "have not met"];
    const BOSS: [&str; 8] = [
        "'s boss",
        "'s manager",
        "'s line manager",
        "'s director",
        "'s ceo",
        "'s md",
        "'s gm",
        "'s vp",
    ];
    NOT_MET.iter().any(|cue| has_words(card, cue)) && BOSS.iter().any(|cue| card.contains(cue))
}

/// Whether `cue` (lower case, ending in a space) starts a clause's words and
/// is followed by a capitalised name in the original text, not the
/// contact's own ("all vendor onboarding goes through Linda", on Linda's
/// card, makes her the one to talk to), and is no introduction of the past
/// ("intro via Rachel": a way they were met).
fn names_after(original: &str, lower: &str, cue: &str, name: &str) -> bool {
    lower.match_indices(cue).any(|(at, _)| {
        let starts_word = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        // "All comms go through her PA Charmaine": the name after the role.
        let role = [
            "her pa ",
            "his pa ",
            "their pa ",
            "the pa ",
            "her ea ",
            "his ea ",
            "their ea ",
            "the ea ",
            "her assistant ",
            "his assistant ",
            "their assistant ",
            "the assistant ",
            "her secretary ",
            "his secretary ",
            "pa ",
            "ea ",
        ]
        .iter()
        .find(|r| lower[at + cue.len()..].starts_with(*r))
        .map_or(0, |r| r.len());
        let at_name = at + cue.len() + role;
        // Lower-casing keeps byte offsets for the text notes hold, but check.
        let Some(next) = original.get(at_name..) else {
            return false;
        };
        let before = &lower[..at];
        let introduced = [
            "intro",
            "introduced",
            "introduction",
            "met",
            "referred",
            "referral",
        ]
        .iter()
        .any(|w| before.trim_end().ends_with(w));
        // A name: a capital and then small letters ("Gail", not "IT").
        let mut letters = next.chars();
        let named = letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_lowercase);
        let word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let own = name
            .split(|c: char| !c.is_alphanumeric())
            .any(|part| part.eq_ignore_ascii_case(&word));
        // "Go through Leanne for meetings": how to book them, not a reason
        // to leave them alone; the words right after the name say so.
        let after_name: Vec<&str> = lower[at_name.min(lower.len())..]
            .split(['.', ';', '\n', '-'])
            .next()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip(1)
            .take(4)
            .collect();
        let booking = after_name.iter().any(|w| BOOKING_WORDS.contains(w));
        starts_word && !introduced && named && !own && !booking
    })
}

/// Words that make "go through Leanne" the way to book a meeting.
const BOOKING_WORDS: [&str; 10] = [
    "meeting",
    "meetings",
    "calendar",
    "diary",
    "book",
    "booking",
    "bookings",
    "scheduling",
    "appointment",
    "appointments",
];

/// Words that say a deal was lost.
const LOST: [&str; 7] = [
    "lost to ",
    "lost the deal",
    "deal lost",
    "closed lost",
    "closed-lost",
    "over us",
    "chose another",
];

/// Whether a text says the deal was lost ("lost to Dayforce", "went with
/// Workday"), or a tag marks it so ("Closed Lost").
pub fn says_lost(text: &str) -> bool {
    // A clause that opens with the loss: "Lost - went with Zenith on
    // price", "Lost: chose the cheaper quote" (saying to whom or why), or
    // "Lost Northstar to FleetPulse 11/30/26" (the account, then to whom).
    if crate::model::contains_ignore_case(text, "lost")
        && text
            .split(['.', ';', '\n'])
            .any(|clause| lost_with_a_reason(clause) || lost_account_to(clause))
    {
        return true;
    }
    static FIRST_LOOK: std::sync::OnceLock<super::cues::Cues> = std::sync::OnceLock::new();
    let lower = text.to_lowercase();
    FIRST_LOOK
        .get_or_init(|| super::cues::Cues::new(&LOST))
        .any_in(&lower)
        && LOST
            .iter()
            .any(|cue| has_words(&lower, cue.trim_end()) && lower.contains(cue))
}

/// "Lost - went with Zenith on price": a clause opening with the loss
/// that says to whom or why.
fn lost_with_a_reason(clause: &str) -> bool {
    let lower = clause.trim_start().to_lowercase();
    (lower.starts_with("lost - ") || lower.starts_with("lost: "))
        && [
            "went with",
            "chose",
            "price",
            "cheaper",
            "competitor",
            "budget",
            "signed with",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// "Lost Northstar to FleetPulse": a clause opening with the loss of a
/// named account to a named rival ("Lost Dad to cancer" is no deal).
fn lost_account_to(clause: &str) -> bool {
    let words: Vec<&str> = clause.split_whitespace().collect();
    words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("lost"))
        && words.get(1).is_some_and(|account| {
            account.starts_with(char::is_uppercase)
                && !super::notes::FAMILY_ROLES.contains(&account.to_lowercase().as_str())
        })
        && words
            .windows(2)
            .take(5)
            .skip(1)
            .any(|w| w[0] == "to" && w[1].starts_with(char::is_uppercase))
}

/// Whether a tag marks the deal lost.
pub fn tagged_lost(tags: &[String]) -> bool {
    tags.iter().any(|t| {
        let t = t.to_lowercase();
        t == "lost" || t.contains("closed lost") || t.contains("closed-lost")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_notes_say_whom_to_leave_alone() {
        assert_eq!(
            left_alone(
                "Ryan Mercer",
                "",
                &tags(&["Competitor"]),
                None,
                Some("fishing for our pricing. careful")
            ),
            Some(LeftAlone::Competitor)
        );
        assert_eq!(
            left_alone(
                "Tom Beaulieu",
                "",
                &tags(&["Recruiter"]),
                Some("Senior Technical Recruiter"),
                Some("InMail re sales mgr role, declined politely")
            ),
            Some(LeftAlone::Declined)
        );
        assert_eq!(
            left_alone(
                "Hélène Tremblay",
                "Quebec — hand to Marc-André Gagnon. French first.",
                &[],
                None,
                None
            ),
            Some(LeftAlone::HandedOver)
        );
        assert_eq!(
            left_alone(
                "Patricia Vance",
                "CEO. Only via Gail, never direct",
                &[],
                None,
                None
            ),
            Some(LeftAlone::ThroughSomeone)
        );
        assert_eq!(
            left_alone(
                "Joe Bloggs",
                "",
                &[],
                None,
                Some("Asked me to stop contacting him")
            ),
            Some(LeftAlone::NoContact)
        );
        // A tender's rule with no day it ends holds until the note changes.
        assert_eq!(
            left_alone(
                "Hélène Marchand",
                "Tender open: no informal contact with anyone at Valmont until award.",
                &[],
                None,
                None
            ),
            Some(LeftAlone::NoContact)
        );
        assert_eq!(
            left_alone(
                "Stéphane Girard",
                "",
                &[],
                None,
                Some("Declined politely, no budget before 2028. Don't push.")
            ),
            Some(LeftAlone::NoContact)
        );
        // A cold email answered with a no.
        assert_eq!(
            left_alone(
                "Gary Quinlan",
                "",
                &[],
                None,
                Some("Cold email re fleet tracking. Reply: 'not interested, pls remove'.")
            ),
            Some(LeftAlone::NoContact)
        );
        // Lost, and asked not to be chased.
        assert_eq!(
            left_alone(
                "Ian Bostock",
                "",
                &[],
                None,
                Some("Ian - not interested, going w Sage. Said maybe look again in 2-3 yrs. Don't chase")
            ),
            Some(LeftAlone::NoContact)
        );
        // A stand visitor who was no lead.
        assert_eq!(
            left_alone(
                "Kyle Robertson",
                "Student - only came to the stand for the free tote bag. Not a prospect.",
                &[],
                None,
                None
            ),
            Some(LeftAlone::NoContact)
        );
        assert_eq!(
            left_alone(
                "Felix Ortiz",
                "",
                &[],
                None,
                Some("booth scan, swag hunter prob")
            ),
            Some(LeftAlone::NoContact)
        );
    }

    #[test]
    fn ordinary_notes_leave_nobody_alone() {
        // A way they were met, a task to go through, a tender's blackout
        // with its day, a friend at a rival: none is a reason for silence.
        for (notes, last) in [
            ("", "intro via Rachel, sent ROI 1-pager"),
            ("", "will go through the proposal with her team"),
            ("", "SSO has to go through IT first"),
            ("Connected via LinkedIn", ""),
            ("All contract / vendor onboarding goes through Linda.", ""),
            ("", "no contact until award, expected Feb 2027"),
            ("Old friend, now at a rival", ""),
            ("Declined our first quote, wants a second one", ""),
            ("", "Spammed us with a webinar invite? no, that was Joe"),
        ] {
            assert_eq!(
                left_alone("Linda Okoye", notes, &[], None, Some(last)),
                None,
                "{notes} {last}"
            );
        }
    }

    #[test]
    fn a_blackout_an_all_via_and_a_weekly_review_are_read() {
        let card_says = |name: &str, card: &str| left_alone(name, card, &[], None, None);
        assert_eq!(
            card_says(
                "Victor Lam",
                "Admin at Sonoran. RFP blackout applies - only support via Alex"
            ),
            Some(LeftAlone::NoContact)
        );
        assert_eq!(
            card_says(
                "Stuart Mayhew",
                "FPB legal. never talked directly, all via Gloria"
            ),
            Some(LeftAlone::ThroughSomeone)
        );
        assert_eq!(
            card_says(
                "Sankara Nethralaya",
                "Appa's eye hospital - appointments desk (not a person)"
            ),
            Some(LeftAlone::Group)
        );
        assert!(in_regular_touch(
            "My SE. Weekly deal review Tuesdays 10am w/ Marcus",
            None
        ));
    }

    #[test]
    fn a_switchboard_or_a_taxi_firm_is_no_person() {
        for name in [
            "CUH Switchboard",
            "Cork Taxi Co-op",
            "Hotel Miramare reception",
        ] {
            assert_eq!(
                left_alone(name, "", &[], None, None),
                Some(LeftAlone::Group),
                "{name}"
            );
        }
        for name in [
            "Hospitality Manager",
            "Inca Garagiola",
            "Sam Taxier",
            "Mary Clinical",
            "Siobhán Murphy (Acme Ltd)",
            "Dr Aoife Kelly - Mercy Hospital",
            "Anna Schmidt Kaltenbach GmbH",
        ] {
            assert_eq!(left_alone(name, "", &[], None, None), None, "{name}");
        }
    }

    #[test]
    fn a_regular_touch_is_the_user_s_own_habit() {
        // The user's own habits and neighbours.
        for (card, note) in [
            ("We play squash every Tuesday night", ""),
            ("Weekly sync Mondays 9:00", ""),
            ("", "we catch up every Friday over coffee"),
            ("Sits two desks down from me", ""),
            (
                "Cricket club mate. See him every Sat at cricket Oct-Mar.",
                "",
            ),
            (
                "SDM for Kwela. Weekly ops call Tuesdays 9am. Fishing nut",
                "",
            ),
            ("Book club together, and we swim most Saturdays", ""),
            ("", "Quick one - we talk weekly anyway"),
            ("Mum. I call most days", ""),
        ] {
            assert!(in_regular_touch(card, Some(note)), "{card} {note}");
        }
        // Someone the user works beside.
        for card in [
            "My manager - runs Central region",
            "Our SE for the Midwest. Great on demos",
            "Our office manager; knows everyone",
            "Teammate, sits in Denver",
        ] {
            assert!(in_regular_touch(card, None), "{card}");
        }
        for card in [
            "My manager at Oracle, 2015-18",
            "Former colleague",
            "Office manager at Acme",
            "Manager of the Chicago DC",
        ] {
            assert!(!in_regular_touch(card, None), "{card}");
        }
        // Someone the user lives with.
        for card in [
            "Wife. Anniversary 21/06.",
            "My husband - Tom",
            "My partner (Sam)",
        ] {
            assert!(in_regular_touch(card, None), "{card}");
        }
        assert!(!in_regular_touch("Partner at Deloitte, audit", None));
        assert!(!in_regular_touch("Partner, Arthur Cox", None));
        assert!(!in_regular_touch("Sarah's wife, met at the BBQ", None));
        // Their habits, their systems, someone else's desk.
        for (card, note) in [
            ("Likes to play golf every Sunday", ""),
            ("Swims most Saturdays", ""),
            ("Their weekly sync with the MSP is on Mondays", ""),
            ("Weekly Salesforce sync breaks on Mondays", ""),
            ("Sits two desks down from Jane in finance", ""),
            ("Runs every Sunday morning", ""),
        ] {
            assert!(!in_regular_touch(card, Some(note)), "{card} {note}");
        }
    }

    #[test]
    fn someone_elses_boss_not_met_is_reached_through_them_and_ones_own_territory_is_no_hand_over() {
        let card_says = |name: &str, card: &str| left_alone(name, card, &[], None, None);
        assert_eq!(
            card_says(
                "Iain MacRae",
                "Hamish's boss - runs the Glen Affric Academy. Not met"
            ),
            Some(LeftAlone::ThroughSomeone)
        );
        // An introduction the notes plan is asked after instead.
        assert_eq!(
            card_says(
                "Iain MacRae",
                "Hamish's boss. Not met - Hamish will introduce"
            ),
            None
        );
        assert_eq!(
            card_says(
                "Tom Kowalski",
                "AE SW Ontario. Anything London/Thames Valley = Tom's territory."
            ),
            None
        );
        assert_eq!(
            card_says(
                "Gary Fisher",
                "Thames Valley - Tom's territory, hand to Tom."
            ),
            Some(LeftAlone::HandedOver)
        );
        assert_eq!(
            card_says("Gary Fisher", "Thames Valley is Tom's territory"),
            Some(LeftAlone::HandedOver)
        );
    }

    #[test]
    fn going_through_someone_to_book_is_no_reason_for_silence() {
        let card_says = |card: &str| left_alone("Patricia Vance", card, &[], None, None);
        assert_eq!(
            card_says("Go through Leanne for meetings, she runs the diary"),
            None
        );
        // "Bookkeeping" is not booking: the rule stands.
        assert_eq!(
            card_says("Only via Gail - she does the bookkeeping too"),
            Some(LeftAlone::ThroughSomeone)
        );
    }

    #[test]
    fn a_lost_deal_is_read_from_words_or_a_tag() {
        assert!(says_lost(
            "lost to Dayforce. price + benefits bundle. 3 yrs"
        ));
        assert!(says_lost("They picked Workday over us in the end"));
        assert!(!says_lost("went with the premium tier"));
        assert!(!says_lost("Lost his keys at the expo, ha"));
        // A clause that opens "Lost -" or "Lost:" is a loss when it says to
        // whom or why; a lost bag is not.
        assert!(says_lost(
            "Call went fine. Lost - went with Zenith on price"
        ));
        assert!(says_lost("Lost: chose the cheaper quote"));
        assert!(says_lost(
            "Lost Northstar to FleetPulse 11/30/26. Their contract runs 3 yrs."
        ));
        assert!(!says_lost("Lost Dad to cancer in 2019"));
        assert!(!says_lost("Lost - my notebook at the venue, ask reception"));
        assert!(!says_lost("Not lost: just slow, procurement is busy"));
        assert!(tagged_lost(&tags(&["Closed Lost"])));
        assert!(!tagged_lost(&tags(&["Prospects"])));
    }
}
