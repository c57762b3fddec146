//! Concrete suggestions, chosen from templates kept as data (`suggestions.json`).
//!
//! Each template declares the reasons it serves, the relationships it fits and
//! the kind of interest it takes, so a template is only ever filled with an
//! interest of its kind, a first contact only gets introductions, and gifts and
//! calls are for the closer circles. Placeholders are filled in one pass, so a
//! value that happens to contain `{first}` stays as written.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Reason;
use crate::model::{Circle, InteractionKind};

/// The template data, parsed once.
#[derive(Debug, Deserialize)]
struct TemplateFile {
    thread_words: Vec<String>,
    kinds: Vec<InterestKind>,
    templates: Vec<Template>,
}

#[derive(Debug, Deserialize)]
struct InterestKind {
    kind: String,
    words: Vec<String>,
}

/// One ping idea.
#[derive(Debug, Deserialize)]
struct Template {
    id: String,
    reasons: Vec<Reason>,
    relationships: Vec<Relationship>,
    #[serde(default)]
    fits: Option<String>,
    #[serde(default)]
    needs: Vec<Need>,
    #[serde(default)]
    event_round: Option<u8>,
    #[serde(default)]
    late: bool,
    action: InteractionKind,
    text: String,
}

/// How well the user knows the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// Never talked to: only introductions.
    First,
    /// The acquaintance circle.
    Acquaintance,
    /// The network circle.
    Network,
    /// The core circle.
    Core,
    /// The inner circle.
    Inner,
}

impl Relationship {
    /// The relationship of a contact in `circle`, or a first contact.
    pub fn of(circle: Circle, never_contacted: bool) -> Relationship {
        if never_contacted {
            return Relationship::First;
        }
        match circle {
            Circle::Inner => Relationship::Inner,
            Circle::Core => Relationship::Core,
            Circle::Network => Relationship::Network,
            Circle::Acquaintance => Relationship::Acquaintance,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Need {
    Note,
    Event,
    Promise,
    Company,
}

fn templates() -> &'static TemplateFile {
    static DATA: OnceLock<TemplateFile> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("suggestions.json"))
            .expect("the embedded suggestions.json is valid (checked by a unit test)")
    })
}

/// What a suggestion may mention about the contact and the ping.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionContext<'a> {
    /// The contact's first name (or full name).
    pub first_name: &'a str,
    /// The contact's employer, when it names an organisation (not "Freelance").
    pub company: Option<&'a str>,
    /// The contact's interests with their kinds (see [`categorise`]).
    pub interests: &'a [(&'a str, Option<&'static str>)],
    /// How well the user knows them.
    pub relationship: Relationship,
    /// The event of a follow-up.
    pub event: Option<&'a str>,
    /// 1 or 2 for the first or second follow-up after an event.
    pub event_round: Option<u8>,
    /// An open promise (for a promise ping, its own).
    pub promise: Option<&'a str>,
    /// When that promise is due, in words ("Fri 4 Dec").
    pub promise_due: Option<&'a str>,
    /// The promise's day has passed.
    pub late: bool,
    /// The note of the last interaction with one, when recent enough to use.
    pub note: Option<&'a str>,
    /// Its day, in words ("26 Nov").
    pub note_date: Option<&'a str>,
    /// The event it happened at.
    pub note_event: Option<&'a str>,
    /// Where a first contact comes from ("you connected on LinkedIn").
    pub source: &'a str,
}

/// A chosen suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the template used (to avoid repeating it next time).
    pub template: usize,
    /// The text shown to the user.
    pub text: String,
    /// The kind of interaction doing it amounts to.
    pub action: InteractionKind,
    /// Whether it mentions one of the contact's interests.
    pub uses_interest: bool,
    /// Whether it quotes the user's note.
    pub uses_note: bool,
}

/// Which kind of suggestion a ping prefers, so a contact's year varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    /// What the user wrote: the last note, an open promise.
    Thread,
    /// One of their interests.
    Interest,
    /// Anything that fits.
    Any,
}

/// Each interest with its kind, computed once per contact.
pub fn categorise(interests: &[String]) -> Vec<(&str, Option<&'static str>)> {
    interests.iter().map(|i| (i.as_str(), kind_of(i))).collect()
}

/// The kind of an interest ("Celtics" → team), matched on whole words, first kind first.
pub fn kind_of(interest: &str) -> Option<&'static str> {
    let words: Vec<String> = interest
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    templates()
        .kinds
        .iter()
        .find(|k| {
            k.words.iter().any(|phrase| {
                let parts: Vec<&str> = phrase.split_whitespace().collect();
                !parts.is_empty()
                    && words
                        .windows(parts.len())
                        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
            })
        })
        .map(|k| k.kind.as_str())
}

/// Whether a note holds something to pick up (an open question, a decision, a
/// pilot…) rather than a pleasantry ("Just back from holiday").
pub fn is_thread(note: &str) -> bool {
    let lower = note.to_lowercase();
    templates()
        .thread_words
        .iter()
        .any(|w| lower.contains(w.as_str()))
}

/// Whether an employer names an organisation one could look up or help.
pub fn is_organisation(company: &str) -> bool {
    const GENERIC: [&str; 14] = [
        "freelance",
        "freelancer",
        "self-employed",
        "self employed",
        "independent",
        "consultant",
        "retired",
        "student",
        "none",
        "n/a",
        "na",
        "unemployed",
        "private",
        "personal",
    ];
    let c = company.trim().to_lowercase();
    c.chars().any(char::is_alphanumeric) && !GENERIC.contains(&c.as_str())
}

/// Chooses a suggestion for a ping.
///
/// `seed` varies the choice between pings (a stable hash of contact and ping);
/// `prefer` asks for the user's own thread or an interest when one fits;
/// `avoid` is the template used for the contact's previous ping.
pub fn suggest(
    reason: Reason,
    ctx: &SuggestionContext<'_>,
    seed: u64,
    prefer: Preference,
    avoid: Option<usize>,
) -> Suggestion {
    let data = templates();
    let has = |need: &Need| match need {
        Need::Note => ctx.note.is_some_and(|n| !n.trim().is_empty()),
        Need::Event => ctx.event.is_some_and(|e| !e.trim().is_empty()),
        Need::Promise => ctx.promise.is_some_and(|p| !p.trim().is_empty()),
        Need::Company => ctx.company.is_some_and(is_organisation),
    };
    let fits = |t: &Template| -> bool {
        t.reasons.contains(&reason)
            && t.relationships.contains(&ctx.relationship)
            && t.needs.iter().all(has)
            && (t.event_round.is_none() || t.event_round == ctx.event_round)
            && (reason != Reason::Promise || t.late == ctx.late)
            && t.fits
                .as_deref()
                .is_none_or(|kind| ctx.interests.iter().any(|(_, k)| *k == Some(kind)))
    };
    let eligible: Vec<usize> = (0..data.templates.len())
        .filter(|&i| fits(&data.templates[i]))
        .collect();
    let thread = |i: &usize| {
        let t = &data.templates[*i];
        t.needs.contains(&Need::Note) || t.needs.contains(&Need::Promise)
    };
    let interest = |i: &usize| data.templates[*i].fits.is_some();
    // Follow-ups pick up the note whenever there is one.
    let subset: Vec<usize> = match (reason, prefer) {
        (Reason::FollowUp, _) | (_, Preference::Thread) => {
            eligible.iter().copied().filter(thread).collect()
        }
        (_, Preference::Interest) => eligible.iter().copied().filter(interest).collect(),
        _ => Vec::new(),
    };
    let mut pool = if subset.is_empty() {
        // Prefer what is neither thread nor interest, so those stay special.
        let plain: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| !thread(i) && !interest(i))
            .collect();
        if plain.is_empty() {
            eligible
        } else {
            plain
        }
    } else {
        subset
    };
    if pool.len() > 1 {
        pool.retain(|&i| Some(i) != avoid);
    }
    let Some(&chosen) = pool.get((seed % pool.len().max(1) as u64) as usize) else {
        return Suggestion {
            template: usize::MAX,
            text: format!(
                "Send {} a short, personal hello.",
                clean(ctx.first_name, 60)
            ),
            action: InteractionKind::Message,
            uses_interest: false,
            uses_note: false,
        };
    };
    let template = &data.templates[chosen];
    let matching: Vec<&str> = ctx
        .interests
        .iter()
        .filter(|(_, k)| template.fits.is_some() && *k == template.fits.as_deref())
        .map(|(name, _)| *name)
        .collect();
    let interest = matching
        .get(((seed >> 17) % matching.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("");
    let text = render(&template.text, ctx, interest);
    Suggestion {
        template: chosen,
        text,
        action: template.action,
        uses_interest: template.fits.is_some(),
        uses_note: template.needs.contains(&Need::Note),
    }
}

/// A user's value made safe for a sentence: one line, trimmed, at most `max` characters.
pub fn clean(value: &str, max: usize) -> String {
    // Most values are clean already: one short line without doubled spaces.
    let tidy = value.len() <= max
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.contains("  ")
        && !value.contains(|c: char| c.is_whitespace() && c != ' ');
    if tidy {
        return value.to_owned();
    }
    let one_line: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    // At a word boundary when there is one in the last third.
    let at = cut
        .rfind(' ')
        .filter(|&i| i > cut.len() * 2 / 3)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Fills a template's placeholders in one pass.
fn render(text: &str, ctx: &SuggestionContext<'_>, interest: &str) -> String {
    let first = clean(ctx.first_name, 60);
    let first = if first.is_empty() {
        "them".to_owned()
    } else {
        first
    };
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        let value = match name {
            "first" => first.clone(),
            "interest" => clean(interest, 60),
            "company" => clean(ctx.company.unwrap_or(""), 60),
            "event" => clean(ctx.event.unwrap_or(""), 80),
            "promise" => clean(ctx.promise.unwrap_or(""), 120)
                .trim_end_matches('.')
                .to_owned(),
            "promise_due" => ctx.promise_due.unwrap_or("").to_owned(),
            "note" => {
                let note = clean(ctx.note.unwrap_or(""), 160);
                if note.ends_with(['.', '!', '?', '…']) {
                    note
                } else {
                    format!("{note}.")
                }
            }
            "note_date" => ctx.note_date.unwrap_or("").to_owned(),
            "at_event" => ctx
                .note_event
                .map(|e| format!(" at {}", clean(e, 80)))
                .unwrap_or_default(),
            "source" => ctx.source.to_owned(),
            _ => format!("{{{name}}}"),
        };
        out.push_str(&value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The id of a template, for tests and diagnostics.
pub fn template_id(index: usize) -> Option<&'static str> {
    templates().templates.get(index).map(|t| t.id.as_str())
}

/// Every template's id and text, for tests that render them all.
pub fn all_templates() -> Vec<(&'static str, &'static str)> {
    templates()
        .templates
        .iter()
        .map(|t| (t.id.as_str(), t.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(interests: &'a [(&'a str, Option<&'static str>)]) -> SuggestionContext<'a> {
        SuggestionContext {
            first_name: "Ada",
            company: Some("Acme"),
            interests,
            relationship: Relationship::Core,
            event: None,
            event_round: None,
            promise: None,
            promise_due: None,
            late: false,
            note: None,
            note_date: None,
            note_event: None,
            source: "you added them on 3 Mar 2026",
        }
    }

    const PLACEHOLDERS: [&str; 11] = [
        "{first}",
        "{interest}",
        "{company}",
        "{event}",
        "{promise}",
        "{promise_due}",
        "{note}",
        "{note_date}",
        "{at_event}",
        "{source}",
        "{gift}",
    ];

    #[test]
    fn embedded_templates_parse_and_cover_every_reason_and_relationship() {
        let data = templates();
        assert!(data.templates.len() >= 25);
        for reason in [
            Reason::Cadence,
            Reason::Overdue,
            Reason::Birthday,
            Reason::Promise,
            Reason::FollowUp,
        ] {
            for rel in [
                Relationship::First,
                Relationship::Acquaintance,
                Relationship::Network,
                Relationship::Core,
                Relationship::Inner,
            ] {
                let any = data.templates.iter().any(|t| {
                    t.reasons.contains(&reason)
                        && t.relationships.contains(&rel)
                        && t.fits.is_none()
                        && t.needs.iter().all(|n| *n == Need::Event)
                });
                assert!(any, "no plain template for {reason:?} / {rel:?}");
            }
        }
        let ids: std::collections::HashSet<_> = data.templates.iter().map(|t| &t.id).collect();
        assert_eq!(ids.len(), data.templates.len(), "template ids are unique");
        let kinds: Vec<&str> = data.kinds.iter().map(|k| k.kind.as_str()).collect();
        for t in &data.templates {
            if let Some(kind) = &t.fits {
                assert!(
                    kinds.contains(&kind.as_str()),
                    "{}: unknown kind {kind}",
                    t.id
                );
                assert!(t.text.contains("{interest}"), "{}", t.id);
            } else {
                assert!(!t.text.contains("{interest}"), "{}", t.id);
            }
            let own_promise = t.reasons.contains(&Reason::Promise);
            for (need, placeholder) in [
                (Need::Note, "{note}"),
                (Need::Promise, "{promise}"),
                (Need::Company, "{company}"),
            ] {
                if own_promise && need == Need::Promise {
                    continue;
                }
                assert_eq!(
                    t.needs.contains(&need),
                    t.text.contains(placeholder),
                    "{}: needs and placeholders disagree",
                    t.id
                );
            }
            if t.relationships.contains(&Relationship::First)
                && t.reasons.contains(&Reason::Cadence)
            {
                let lower = t.text.to_lowercase();
                assert!(
                    !lower.contains("thought of you") && !lower.contains("thank"),
                    "{}",
                    t.id
                );
            }
            if t.reasons.contains(&Reason::Birthday)
                && t.relationships.contains(&Relationship::Acquaintance)
            {
                assert!(
                    !matches!(t.action, InteractionKind::Gift | InteractionKind::Call),
                    "{}",
                    t.id
                );
            }
        }
    }

    #[test]
    fn interests_are_matched_by_kind_on_whole_words() {
        assert_eq!(kind_of("Celtics"), Some("team"));
        assert_eq!(kind_of("New York Yankees"), Some("team"));
        assert_eq!(kind_of("sailing"), Some("hobby"));
        assert_eq!(kind_of("tea ceremony"), Some("food"));
        assert_eq!(kind_of("team building"), None);
        assert_eq!(kind_of("vinyl records"), Some("music"));
        assert_eq!(kind_of("history books"), Some("reading"));
        assert_eq!(kind_of("AI in logistics"), Some("topic"));
        assert_eq!(kind_of("Prospects"), None);
        assert_eq!(kind_of(""), None);
        let names = vec!["Celtics".to_owned()];
        let interests = categorise(&names);
        let mut seen_team = false;
        for seed in 0..50 {
            let s = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Interest,
                None,
            );
            assert!(s.uses_interest);
            assert!(s.text.contains("Celtics"), "{}", s.text);
            seen_team |= template_id(s.template) == Some("team-game");
        }
        assert!(seen_team);
    }

    #[test]
    fn a_template_is_only_filled_with_an_interest_of_its_kind() {
        let names = vec![
            "New York Yankees".to_owned(),
            "tea ceremony".to_owned(),
            "vinyl records".to_owned(),
        ];
        let interests = categorise(&names);
        for seed in 0..200 {
            for rel in [
                Relationship::Network,
                Relationship::Core,
                Relationship::Inner,
            ] {
                let c = SuggestionContext {
                    relationship: rel,
                    ..ctx(&interests)
                };
                let s = suggest(Reason::Cadence, &c, seed, Preference::Interest, None);
                let id = template_id(s.template).unwrap_or("");
                if s.text.contains("Yankees") {
                    assert_eq!(id, "team-game", "{}", s.text);
                }
                if s.text.contains("tea ceremony") {
                    assert!(
                        id.starts_with("food") && !s.text.contains("coffee"),
                        "{}",
                        s.text
                    );
                }
                if s.text.contains("vinyl") {
                    assert_eq!(id, "music-share", "{}", s.text);
                }
            }
        }
    }

    #[test]
    fn first_contacts_get_introductions_and_companies_are_never_topics() {
        let names = vec!["Prospects".to_owned(), "skiing".to_owned()];
        let interests = categorise(&names);
        for seed in 0..100 {
            let c = SuggestionContext {
                relationship: Relationship::First,
                company: Some("Freelance"),
                source: "you connected on LinkedIn on 12 Mar 2019",
                ..ctx(&interests)
            };
            for prefer in [Preference::Thread, Preference::Interest, Preference::Any] {
                let s = suggest(Reason::Overdue, &c, seed, prefer, None);
                let lower = s.text.to_lowercase();
                assert!(
                    lower.contains("introduce") || lower.contains("say hello"),
                    "{}",
                    s.text
                );
                assert!(
                    !s.text.contains("Freelance") && !s.text.contains("Prospects"),
                    "{}",
                    s.text
                );
                assert!(!lower.contains("skiing"), "{}", s.text);
                assert!(!lower.contains("thought of you"), "{}", s.text);
            }
        }
        assert!(!is_organisation("Freelance") && !is_organisation(" - "));
        assert!(is_organisation("Acme Logistics"));
        assert!(is_thread(
            "Wants a follow-up on pricing for the enterprise tier."
        ));
        assert!(!is_thread("Just back from holiday, very relaxed."));
    }

    #[test]
    fn acquaintance_birthdays_are_a_short_message() {
        for seed in 0..50 {
            let names = vec!["coffee".to_owned()];
            let interests = categorise(&names);
            let c = SuggestionContext {
                relationship: Relationship::Acquaintance,
                ..ctx(&interests)
            };
            let s = suggest(Reason::Birthday, &c, seed, Preference::Interest, None);
            assert_eq!(s.action, InteractionKind::Message, "{}", s.text);
            let lower = s.text.to_lowercase();
            assert!(
                !lower.contains("gift") && !lower.contains("call") && !lower.contains("sing"),
                "{}",
                s.text
            );
        }
    }

    #[test]
    fn notes_promises_and_events_are_used_as_written() {
        let c = SuggestionContext {
            note: Some("Talked about the ROI calculator"),
            note_date: Some("26 Nov"),
            note_event: Some("SaaStr Europa"),
            ..ctx(&[])
        };
        let s = suggest(Reason::Cadence, &c, 3, Preference::Thread, None);
        assert!(
            s.text.contains("ROI calculator") && s.text.contains("26 Nov"),
            "{}",
            s.text
        );
        assert!(s.uses_note);
        let f = SuggestionContext {
            event: Some("SaaStr Europa"),
            event_round: Some(1),
            ..c
        };
        let s = suggest(Reason::FollowUp, &f, 1, Preference::Any, None);
        assert!(
            s.text.contains("SaaStr Europa") && s.text.contains("ROI calculator"),
            "{}",
            s.text
        );
        let second = SuggestionContext {
            event_round: Some(2),
            ..f
        };
        assert!(suggest(Reason::FollowUp, &second, 1, Preference::Any, None)
            .text
            .contains("Three weeks"));
        let p = SuggestionContext {
            promise: Some("Send the case study"),
            ..ctx(&[])
        };
        assert!(suggest(Reason::Promise, &p, 1, Preference::Any, None)
            .text
            .contains("Send the case study"));
    }

    #[test]
    fn the_previous_template_is_avoided() {
        let names = vec!["sailing".to_owned()];
        let interests = categorise(&names);
        for seed in 0..30 {
            let first = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Any,
                None,
            );
            let next = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                Preference::Any,
                Some(first.template),
            );
            assert_ne!(first.template, next.template);
        }
    }

    /// Every template, filled with hostile, empty and very long values, reads as
    /// one clean line: no placeholder left, no value expanded twice, nothing cut
    /// mid-way without saying so.
    #[test]
    fn every_template_renders_with_hostile_empty_and_long_values() {
        let long = "word ".repeat(200);
        let values: [&str; 5] = [
            "<img src=x onerror=alert(1)> {first} {note}",
            "",
            "   \n\t  ",
            long.as_str(),
            "Zoë \"Z\" O'Brien-Ñúñez 🎉",
        ];
        for value in values {
            let names = [value.to_owned()];
            let interests: Vec<(&str, Option<&'static str>)> =
                names.iter().map(|n| (n.as_str(), Some("topic"))).collect();
            let c = SuggestionContext {
                first_name: value,
                company: Some(value),
                interests: &interests,
                relationship: Relationship::Inner,
                event: Some(value),
                event_round: Some(1),
                promise: Some(value),
                promise_due: Some("Fri 4 Dec"),
                late: false,
                note: Some(value),
                note_date: Some("26 Nov"),
                note_event: Some(value),
                source: "you connected on LinkedIn on 12 Mar 2019",
            };
            for (id, text) in all_templates() {
                let out = render(text, &c, value);
                for p in PLACEHOLDERS {
                    // A placeholder may only appear where the value itself holds one.
                    let from_values = out.matches(p).count();
                    let expected = if value.contains(p) {
                        text.matches(['{']).count() * value.matches(p).count()
                    } else {
                        0
                    };
                    assert!(from_values <= expected, "{id}: {p} left in {out}");
                }
                assert!(!out.contains('\n') && !out.contains('\t'), "{id}: {out:?}");
                assert!(
                    out.chars().count() < 900,
                    "{id}: {} chars",
                    out.chars().count()
                );
                if value.len() > 500 {
                    assert!(
                        out.contains('…'),
                        "{id}: a long value is cut visibly: {out}"
                    );
                }
            }
        }
    }
}
