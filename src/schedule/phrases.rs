//! What a suggestion may say *to* the contact, drawn from what the user wrote
//! *about* them: a note's topic as a clean, complete phrase ("the capital vs
//! managed service options"), the kind of personal news (a baby is
//! congratulated, a loss is not "news to open with"), the channel the notes
//! ask for ("prefers WhatsApp", "hates cold calls") and whether the contact is
//! a friend, family or an old colleague rather than business.
//!
//! Anything that cannot be drawn cleanly gives `None`, and the suggestion
//! falls back to a plain sentence: a note is never quoted raw, cut mid-word,
//! or let slip a private judgement ("unhappy with their supplier").

/// Words that open a clause about what the conversation was about; what
/// follows them is the topic.
const TOPIC_LEADS: [&str; 28] = [
    "wants to understand",
    "wants to know more about",
    "wants to know about",
    "wants to learn about",
    "wants to discuss",
    "wants to talk about",
    "wants to look at",
    "would like to look at",
    "would like to discuss",
    "keen to discuss",
    "keen to understand",
    "talked about",
    "talked through",
    "discussed",
    "chatted about",
    "spoke about",
    "interested in",
    "keen on",
    "curious about",
    "asked about",
    "questions about",
    "question about",
    "looking at",
    "exploring",
    "evaluating",
    "considering",
    "thinking about",
    "focused on",
];

/// Words a subject may be before a topic lead ("She wants to understand…").
const SUBJECTS: [&str; 6] = ["she", "he", "they", "both", "team", "we"];

/// Words that make a phrase the user's private judgement or the user's own
/// voice: never said to the contact.
const PRIVATE: [&str; 30] = [
    "unhappy",
    "frustrated",
    "annoyed",
    "angry",
    "upset",
    "competitor",
    "competitors",
    "competition",
    "rival",
    "difficult",
    "rude",
    "grumpy",
    "hates",
    "dislikes",
    "sceptical",
    "skeptical",
    "gatekeeper",
    "politics",
    "political",
    "blocker",
    "tight-fisted",
    "cheap",
    "slow",
    "lazy",
    "i",
    "me",
    "my",
    "i'm",
    "i've",
    "myself",
];

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('\u{2019}', "'"))
        .collect()
}

/// Whether a phrase holds the user's private judgement or voice.
pub fn is_private(text: &str) -> bool {
    words(text).iter().any(|w| PRIVATE.contains(&w.as_str()))
}

/// The topic of a note's thread as a clean phrase to say to the contact
/// ("Wants to understand the capital vs managed service options" → "the
/// capital vs managed service options"), or `None` when the thread holds no
/// such phrase, or only a private one.
pub fn topic_of(thread: &str) -> Option<String> {
    for clause in thread.split(['.', ';', '\n', '!', '?']) {
        if let Some(topic) = topic_in(clause) {
            return Some(topic);
        }
    }
    None
}

fn topic_in(clause: &str) -> Option<String> {
    let clause = clause.trim();
    let lower = clause.to_lowercase();
    // Skip a short subject ("She", "Both") before the lead.
    let mut start = 0;
    for (i, word) in lower.split(' ').enumerate() {
        if i >= 2 {
            break;
        }
        if SUBJECTS.contains(&word) {
            start += word.len() + 1;
        } else {
            break;
        }
    }
    let rest = lower.get(start..)?;
    let lead = TOPIC_LEADS.iter().find(|l| {
        rest.starts_with(*l) && rest[l.len()..].starts_with(' ') && rest.len() > l.len() + 1
    })?;
    let from = start + lead.len() + 1;
    let mut topic = clause.get(from..)?.trim();
    // The topic ends where the clause turns to something else.
    let tail = topic.to_lowercase();
    let mut cut = topic.len();
    for stop in [
        ", ",
        " but ",
        " because ",
        " although ",
        " as ",
        " - ",
        " \u{2013} ",
        " (",
    ] {
        if let Some(at) = tail.find(stop) {
            cut = cut.min(at);
        }
    }
    topic = topic.get(..cut)?.trim().trim_end_matches([',', ':', '.']);
    let n_words = topic.split_whitespace().count();
    let first = topic.split_whitespace().next()?.to_lowercase();
    let clean = (2..=10).contains(&n_words)
        && topic.chars().count() <= 70
        && !is_private(topic)
        && !matches!(
            first.as_str(),
            "to" | "that" | "it" | "whether" | "if" | "how"
        );
    clean.then(|| topic.to_owned())
}

/// The kind of personal news a note holds, for words that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsKind {
    /// A baby, or parental leave for one.
    Baby,
    /// A death in the family or among friends.
    Loss,
    /// An illness, an injury, surgery.
    Health,
    /// A wedding.
    Wedding,
    /// An engagement.
    Engaged,
    /// A wedding being planned ("wedding chaos", "organising the hen"):
    /// still ahead, so no congratulations yet.
    WeddingPlans,
    /// A move of home or city.
    Move,
    /// A new job, a promotion, a move to another employer.
    Job,
    /// Retirement.
    Retiring,
    /// Anything else.
    Other,
}

impl NewsKind {
    /// Whether family and friends are wished luck the day before news of
    /// this kind with a day (surgery, a wedding).
    pub fn wished_luck_before(self) -> bool {
        matches!(self, NewsKind::Health | NewsKind::Wedding)
    }
}

/// What kind of personal news `life` is.
pub fn news_kind(life: &str) -> NewsKind {
    let lower = life.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
    if has(&[
        "passed away",
        "died",
        "funeral",
        "bereave",
        "lost her ",
        "lost his ",
        "lost their ",
        "grieving",
        "death",
    ]) {
        NewsKind::Loss
    } else if has(&[
        "baby",
        "newborn",
        "paternity",
        "maternity",
        "parental leave",
        "expecting",
        "twins",
        "pregnan",
    ]) {
        NewsKind::Baby
    } else if has(&[
        "surgery",
        "operation",
        "hospital",
        "cancer",
        "chemo",
        "diagnos",
        "injur",
        "accident",
        "recovering",
        "sick",
        "illness",
        " ill",
        "broke her",
        "broke his",
        "knee op",
        "hip op",
        "replacement surgery",
        "hip replacement",
        "knee replacement",
        "cataract",
        "bypass",
        "stroke",
        "heart attack",
        "intensive care",
        " icu",
    ]) {
        NewsKind::Health
    } else if has(&["engaged"]) {
        NewsKind::Engaged
    } else if has(&[
        "wedding chaos",
        "wedding plan",
        "wedding prep",
        "wedding stress",
        "wedding admin",
        "planning the wedding",
        "the hen",
        "hen do",
        "hen party",
        "the stag",
        "stag do",
        "bridesmaid",
        "best man",
    ]) {
        NewsKind::WeddingPlans
    } else if has(&["wedding", "married", "honeymoon"]) {
        NewsKind::Wedding
    } else if has(&["retir"]) {
        NewsKind::Retiring
    } else if has(&[
        "new role",
        "new job",
        "promot",
        "starts at",
        "starting at",
        "joining",
        // "Moving to a new team", not "moving to Austin" or "the Bay Area".
        "new team",
        "new position",
        "moving teams",
        "moving roles",
        "head of",
    ]) {
        NewsKind::Job
    // ("Breakup" alone is, in Australia, the season's last party.)
    } else if has(&["broke up", "split up", "separated"])
        || (has(&["moved out"]) && !has(&["moved out of", "moved out to"]))
    {
        // "Mark moved out :(": a partner gone, no move to wish well.
        NewsKind::Other
    } else if has(&[
        "moving",
        "moved",
        "relocat",
        "new house",
        "new home",
        "new city",
    ]) {
        NewsKind::Move
    } else {
        NewsKind::Other
    }
}

/// How a message opens on the news, said to the contact ("congratulations on
/// the baby"); for a loss or illness, a quiet word rather than a topic.
pub fn news_opening(kind: NewsKind) -> &'static str {
    match kind {
        NewsKind::Baby => "congratulations on the baby",
        NewsKind::Loss => "a quiet word of sympathy",
        NewsKind::Health => "a kind word on the health news",
        NewsKind::Wedding => "congratulations on the wedding",
        NewsKind::Engaged => "congratulations on the engagement",
        NewsKind::WeddingPlans => "good luck with the wedding plans",
        NewsKind::Move => "good wishes for the move",
        NewsKind::Job => "congratulations on the new role",
        NewsKind::Retiring => "good wishes for the retirement",
        NewsKind::Other => "a line asking how things are",
    }
}

/// A channel the user's notes ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Channel {
    /// Reach them by message, not email ("prefers WhatsApp", "never reads
    /// email"); `Some("WhatsApp")` when the notes name the app.
    pub message: Option<&'static str>,
    /// They would rather not be called out of the blue ("hates cold calls",
    /// "text first").
    pub no_calls: bool,
    /// Only the phone reaches them ("landline only", "no mobile, no email"):
    /// what would be an email is a call.
    pub phone_only: bool,
    /// Email does not reach them at all ("never reads email"), rather than
    /// a message being the way they like ("prefers WhatsApp for quick
    /// stuff"): then even a quote goes by message.
    pub no_email: bool,
}

/// Whether `cue` stands in `lower` as whole words and says there is no
/// mobile phone: "no cell, doesnt do email", not "iPhone only", "no cell
/// reception" or "no mobile app".
fn names_no_mobile(lower: &str, cue: &str) -> bool {
    lower.match_indices(cue).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let rest = &lower[at + cue.len()..];
        let next_word = rest
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        before.is_none_or(|c| !c.is_alphanumeric())
            && rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
            && !(rest.starts_with(' ')
                && matches!(
                    next_word,
                    "reception"
                        | "coverage"
                        | "signal"
                        | "app"
                        | "apps"
                        | "strategy"
                        | "device"
                        | "devices"
                        | "budget"
                        | "data"
                        | "plan"
                        | "policy"
                        | "fleet"
                ))
    })
}

/// The channel the notes ask for, if any.
pub fn channel_in(notes: &str) -> Channel {
    let lower = notes.to_lowercase().replace('\u{2019}', "'");
    let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
    // "Doesn't do WhatsApp", "no WhatsApp": the app named to be avoided.
    // The words right before it, not a "no calls" earlier in the sentence.
    let whatsapp = lower.match_indices("whatsapp").any(|(at, _)| {
        let before = lower[..at].trim_end();
        let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        !(matches!(last_word, "no" | "not" | "never" | "nor")
            || ["n't do", "n't use", "not on", "no more"]
                .iter()
                .any(|neg| before.ends_with(neg)))
    });
    // "Landline only - no mobile, no email": a phone person, and "no
    // email" is no wish for texts. A landline number on the card is not.
    let landline = [
        "landline only",
        "only a landline",
        "only landline",
        "no mobile",
        "no cell",
        "phone only",
    ]
    .iter()
    .any(|cue| names_no_mobile(&lower, cue));
    let app = if whatsapp && !landline {
        Some("WhatsApp")
    } else if lower.contains("signal") && has(&["prefers signal", "on signal", "via signal"]) {
        Some("Signal")
    } else {
        None
    };
    let no_email = has(&[
        "never reads email",
        "never reads emails",
        "doesn't read email",
        "doesnt read email",
        "does not read email",
        "ignores email",
        "ignores emails",
        "no email",
        "never checks email",
        "doesn't check email",
        "doesnt check email",
        "doesn't do email",
        "doesnt do email",
    ]);
    let prefers_message = app.is_some()
        || no_email
        || has(&[
            "prefers text",
            "prefers a text",
            "prefers texts",
            "prefers sms",
            "prefers messages",
            "text first",
            "text him",
            "text her",
            "text them",
        ]);
    // "Never call before 10", "don't call after 6": when, not whether;
    // "hates phone calls that go long": how, not whether.
    let timed = |cue: &str| {
        lower.match_indices(cue).all(|(at, _)| {
            let rest = lower[at + cue.len()..].trim_start();
            let sentence = rest.split(['.', ';', '\n']).next().unwrap_or("");
            ["before", "after", "at ", "on ", "during", "in the"]
                .iter()
                .any(|w| rest.starts_with(w))
                || [" that go", " that run", " long", " longer"]
                    .iter()
                    .any(|w| sentence.contains(w))
        })
    };
    let no_calls = [
        "hates calls",
        "hates cold calls",
        "hates phone",
        "hates the phone",
        "no calls",
        "no cold calls",
        "don't call",
        "do not call",
        "never call",
        "dislikes calls",
        "text first",
        "never answers the phone",
        "never picks up",
    ]
    .iter()
    .any(|cue| lower.contains(cue) && !timed(cue));
    Channel {
        message: (prefers_message && !landline).then_some(app.unwrap_or("a text")),
        no_calls,
        phone_only: landline && !no_calls,
        no_email: no_email && !landline,
    }
}

/// Whether the notes or tags say the contact is family, a friend or an old
/// colleague: someone spoken to as a person, never with business templates.
pub fn is_personal(notes: &str, tags: &[String]) -> bool {
    const WORDS: [&str; 31] = [
        "former boss",
        "ex-boss",
        "old boss",
        "former manager",
        "old manager",
        "roommate",
        "flatmate",
        "old college",
        "my sister",
        "my brother",
        "my mum",
        "my dad",
        "my cousin",
        "sister-in-law",
        "brother-in-law",
        "best mate",
        "best friend",
        "old friend",
        "good friend",
        "a friend",
        "uni mate",
        "school friend",
        "neighbour",
        "neighbor",
        "next door",
        "ex-colleague",
        "former colleague",
        "old colleague",
        "used to work with",
        "worked together at",
        "godfather",
    ];
    let lower = notes.to_lowercase();
    let words = words(notes);
    WORDS.iter().any(|w| lower.contains(w))
        || words.iter().any(|w| w == "mate" || w == "mates")
        // What a card opens with: "Uni friend", "Netball friend - Wed
        // nights" (not "Friend of our CEO").
        || words
            .iter()
            .take(2)
            .position(|w| w == "friend")
            .is_some_and(|at| words.get(at + 1).is_none_or(|next| next != "of"))
        || !super::notes::family_roles(notes).is_empty()
        || tags.iter().any(|t| {
            let t = t.to_lowercase();
            t.contains("family") || t.contains("friend") || t.contains("former colleague")
        })
}

/// Whether the card's notes say the user knows the contact ("Met at the
/// summit", "colleague", "knows our CEO"), beyond describing them.
pub fn says_known(notes: &str) -> bool {
    const WORDS: [&str; 13] = [
        "met",
        "talked",
        "spoke",
        "chatted",
        "colleague",
        "boss",
        "manager",
        "know",
        "knows",
        "friend",
        "mate",
        "worked",
        "introduced",
    ];
    let words = words(notes);
    words.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// Whether the card's notes or tags say the contact works for a competitor
/// ("friendly rival", "competitor rep", a `Competitor` tag): kept to personal
/// words, no business.
pub fn is_competitor(notes: &str, tags: &[String]) -> bool {
    let says = |text: &str| {
        let words = words(text);
        words.iter().enumerate().any(|(i, w)| {
            matches!(
                w.as_str(),
                "rival" | "competitor" | "competitors" | "competitor's" | "competition"
            )
            // "partner not competitor", "not a rival", "non-competitor";
            // "all competitor", "uses a competitor's system": a buyer of
            // theirs, not someone who works there.
            && !words[i.saturating_sub(2)..i].iter().any(|before| {
                matches!(
                    before.as_str(),
                    "not" | "no" | "non" | "never" | "all" | "uses" | "use" | "using" | "buys"
                )
            })
        })
    };
    says(notes) || tags.iter().any(|t| says(t))
}

/// Whether a note of a meeting says business was left out on purpose ("just
/// a chat, didn't push"): its follow-up is a friendly word, not a pitch.
pub fn kept_off_business(note: &str) -> bool {
    let lower = note.to_lowercase().replace('\u{2019}', "'");
    [
        "didn't push",
        "did not push",
        "just a chat",
        "no pitch",
        "didn't pitch",
        "did not pitch",
        "purely social",
        "just social",
        "no business talk",
        "didn't talk business",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether the notes or tags call the contact a friend or family (not only
/// an old colleague): "Old friend, now at a competitor".
pub fn is_friend(notes: &str, tags: &[String]) -> bool {
    let says = |text: &str| {
        words(text).iter().any(|w| {
            matches!(
                w.as_str(),
                "friend" | "friends" | "family" | "mate" | "mates"
            )
        })
    };
    says(notes) || tags.iter().any(|t| says(t))
}

/// Whether the contact is spoken to as a person only: family, friends, old
/// colleagues, and people at a competitor.
pub fn is_personal_only(notes: &str, tags: &[String]) -> bool {
    is_personal(notes, tags) || is_competitor(notes, tags)
}

/// Whether the notes say the contact is a recruiter or headhunter.
pub fn is_recruiter_note(notes: &str) -> bool {
    let lower = notes.to_lowercase();
    [
        "headhunter",
        "head-hunter",
        "recruiter",
        "recruitment consultant",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_a_clean_phrase_or_nothing() {
        assert_eq!(
            topic_of("Wants to understand the leasing vs outright purchase options").as_deref(),
            Some("the leasing vs outright purchase options")
        );
        assert_eq!(
            topic_of("She talked about the new ward layout, but short on time").as_deref(),
            Some("the new ward layout")
        );
        // A profile, a private judgement or a plan of the user's: no topic.
        assert_eq!(
            topic_of("Senior buyer at the county trust. Loves climbing"),
            None
        );
        assert_eq!(
            topic_of("Interested in why they are unhappy with their current distributor"),
            None
        );
        assert_eq!(topic_of("Discussed my targets"), None);
        // A long tail is not cut mid-word: it is dropped.
        assert_eq!(
            topic_of("Discussed the whole of the regional procurement framework renewal timetable and every lot in it for next year"),
            None
        );
    }

    #[test]
    fn personal_news_is_told_by_kind() {
        assert_eq!(
            news_kind("Off on paternity leave from mid-January"),
            NewsKind::Baby
        );
        assert_eq!(news_kind("Her mother died in the summer"), NewsKind::Loss);
        assert_eq!(news_kind("Hip operation on 4 Mar"), NewsKind::Health);
        assert_eq!(news_kind("Just got engaged"), NewsKind::Engaged);
        // A partner moving out is no move to wish well.
        assert_eq!(news_kind("Mark moved out :( she's ok-ish"), NewsKind::Other);
        assert_eq!(news_kind("Moved out of Chicago in May"), NewsKind::Move);
        assert_eq!(news_kind("They broke up in the summer"), NewsKind::Other);
        // The netball breakup dinner is a party, not news.
        assert!(!super::super::notes::mentions_life(
            "Netball breakup dinner Fri 11th at the Royal"
        ));
        assert_eq!(
            news_kind("Wedding chaos. Hen in Lisbon in April"),
            NewsKind::WeddingPlans
        );
        assert_eq!(news_kind("Got married in June"), NewsKind::Wedding);
        assert_eq!(
            news_kind("Starting at Leeds General in April"),
            NewsKind::Job
        );
        assert_eq!(news_kind("Moving house to Leeds in April"), NewsKind::Move);
        assert_eq!(news_kind("They're moving to Austin"), NewsKind::Move);
        assert_eq!(news_kind("Moving to a new team in March"), NewsKind::Job);
        assert_eq!(news_kind("Moving to the Bay Area"), NewsKind::Move);
        assert_eq!(news_opening(NewsKind::Baby), "congratulations on the baby");
    }

    #[test]
    fn the_notes_set_the_channel() {
        let c = channel_in("Only on WhatsApp; never reads email");
        assert_eq!(c.message, Some("WhatsApp"));
        assert!(!c.no_calls);
        let c = channel_in("Busy in clinic. Hates cold calls - text first");
        assert_eq!(c.message, Some("a text"));
        assert!(c.no_calls);
        assert_eq!(channel_in("Met at the summit"), Channel::default());
        // Avoided, not asked for.
        assert_eq!(
            channel_in("Retired. Doesn't do WhatsApp - post or phone."),
            Channel::default()
        );
        // Only the phone reaches them: what would be an email is a call.
        assert_eq!(
            channel_in("Nana. Landline only - no mobile, no email."),
            Channel {
                phone_only: true,
                ..Channel::default()
            }
        );
        assert!(
            channel_in("Landline at the office, no cell. Doesnt do email, front desk prints them.")
                .phone_only
        );
        assert!(!channel_in("Office landline 0161 496 0000.").phone_only);
        for not_phone_only in [
            "Company is iPhone only.",
            "No cell reception at the quarry; email is best",
            "no mobile app budget yet",
            "They have no mobile strategy",
            "Smartphone only fleet",
        ] {
            assert!(!channel_in(not_phone_only).phone_only, "{not_phone_only}");
        }
        assert_eq!(
            channel_in("No calls, WhatsApp him.").message,
            Some("WhatsApp")
        );
        // When to call is no wish not to be called.
        assert!(!channel_in("Landline only. Never call before 10, she has a lie-in.").no_calls);
        assert!(!channel_in("Don't call after 6pm.").no_calls);
        // How, not whether.
        assert!(!channel_in("Appa. Hates phone calls that go long lol").no_calls);
        assert!(channel_in("Hates phone calls. Text him.").no_calls);
        assert!(channel_in("Never call, email only.").no_calls);
        assert_eq!(
            channel_in("Office landline 0161 496 0000. Prefers WhatsApp.").message,
            Some("WhatsApp")
        );
    }

    #[test]
    fn friends_family_and_old_colleagues_are_personal() {
        assert!(is_personal("Old friend from the rowing club", &[]));
        assert!(is_personal("Ex-colleague, now at a rival firm", &[]));
        assert!(is_personal("", &["Family".to_owned()]));
        assert!(is_personal(
            "Marg next door (no. 14). Waters our tomatoes",
            &[]
        ));
        assert!(!is_personal("Head of theatres at the county hospital", &[]));
        assert!(is_recruiter_note("Headhunter, rang twice last year"));
        assert!(is_personal("Left the firm last year, still a mate", &[]));
        assert!(is_competitor(
            "Rep for a rival, friendly; never talk pricing",
            &[]
        ));
        assert!(is_competitor("UKG AE", &["Competitor".to_owned()]));
        assert!(!is_competitor("Buys from us", &["Customers".to_owned()]));
        assert!(!is_competitor(
            "Now Sales Director at Corvid HR (L&D platform - partner not competitor).",
            &[]
        ));
        assert!(!is_competitor("Not a rival: they do L&D", &[]));
        assert!(!is_competitor(
            "Met at the Arthroplasty Forum. Tamworth do ~150 joints a yr, all competitor.",
            &[]
        ));
        assert!(!is_competitor("Uses a competitor's system", &[]));
        assert!(is_competitor(
            "Now at Paytrail (competitor) so no shop talk",
            &[]
        ));
    }
}
