//! Tests of suggestion choice and rendering.

use super::*;
use crate::schedule::notes::{read_note, read_promise};
use crate::schedule::render::{clean, is_plural, render, singular};

fn ctx<'a>(interests: &'a [(&'a str, Option<&'static str>)]) -> SuggestionContext<'a> {
    SuggestionContext {
        company: Some("Acme"),
        interests,
        ..SuggestionContext::plain("Ada", Relationship::Core)
    }
}

#[test]
fn embedded_templates_parse_and_cover_every_reason_and_relationship() {
    let data = data();
    assert!(data.templates.len() >= 40);
    for reason in REASONS {
        for rel in RELATIONSHIPS {
            let any = data.templates.iter().any(|t| {
                t.reasons.contains(&reason)
                    && t.relationships.contains(&rel)
                    && t.fits.is_none()
                    && t.needs.iter().all(|n| *n == Need::Event)
                    && t.act.is_none()
                    && t.request.is_none()
                    && !t.on_day
                    && !t.year_end
                    && (t.promise.is_none() || reason == Reason::Promise)
            });
            assert!(any, "no plain template for {reason:?} / {rel:?}");
        }
    }
    let ids: std::collections::HashSet<_> = data.templates.iter().map(|t| &t.id).collect();
    assert_eq!(ids.len(), data.templates.len(), "template ids are unique");
    let kinds: Vec<&str> = data.kinds.iter().map(|k| k.kind.as_str()).collect();
    let acts: Vec<&str> = data.promise_acts.iter().map(|a| a.act.as_str()).collect();
    for t in &data.templates {
        if let Some(fits) = &t.fits {
            for kind in fits.split('|') {
                assert!(kinds.contains(&kind), "{}: unknown kind {kind}", t.id);
            }
            assert!(t.text.contains("{interest"), "{}", t.id);
        } else {
            assert!(!t.text.contains("{interest"), "{}", t.id);
        }
        if let Some(act) = &t.act {
            assert!(acts.contains(&act.as_str()), "{}: unknown act {act}", t.id);
            assert!(t.promise.is_some(), "{}", t.id);
        }
        // A note is turned into an action, never pasted back: its raw
        // words have no placeholder, only a clean phrase drawn from it.
        for raw in [
            "{note}", "{life}", "{favour}", "{about}", "{later}", "{title}",
        ] {
            assert!(!t.text.contains(raw), "{}: quotes {raw}", t.id);
        }
        for (need, placeholder) in [(Need::Company, "{company}"), (Need::Topic, "{topic}")] {
            assert_eq!(
                t.needs.contains(&need),
                t.text.contains(placeholder),
                "{}: needs and placeholders disagree",
                t.id
            );
        }
        let lower = t.text.to_lowercase();
        assert_eq!(
            t.needs.contains(&Need::Request),
            lower.contains("{request"),
            "{}",
            t.id
        );
        assert_eq!(
            t.request.is_some(),
            t.needs.contains(&Need::Request),
            "{}",
            t.id
        );
        assert_eq!(t.promise.is_some(), lower.contains("{promise"), "{}", t.id);
        if t.relationships.contains(&Relationship::First) && t.reasons.contains(&Reason::Cadence) {
            assert!(
                !lower.contains("thought of you") && !lower.contains("thank"),
                "{}",
                t.id
            );
        }
        // Birthday calls are for the inner circle, milestone birthdays and
        // those the user called on before (`call_day` says which), and name
        // the day when the ping comes before it; gifts are for the inner
        // circle. First contacts and acquaintances get neither.
        if t.reasons.contains(&Reason::Birthday) {
            if matches!(t.action, InteractionKind::Call) {
                assert!(t.needs.contains(&Need::CallDay), "{}", t.id);
                assert!(t.on_day || t.text.contains("{birthday_when}"), "{}", t.id);
            }
            if t.relationships
                .iter()
                .any(|r| matches!(r, Relationship::First | Relationship::Acquaintance))
            {
                assert!(
                    !matches!(t.action, InteractionKind::Gift | InteractionKind::Call),
                    "{}",
                    t.id
                );
            }
            if t.relationships.contains(&Relationship::Network) {
                assert!(!matches!(t.action, InteractionKind::Gift), "{}", t.id);
            }
            if t.relationships.contains(&Relationship::Core) && !t.needs.contains(&Need::CallDay) {
                assert!(!matches!(t.action, InteractionKind::Call), "{}", t.id);
            }
        }
        // Business calls keep out of the year's last two weeks (a holiday
        // call to the inner circle, or one to family or friends about their
        // news, is not business).
        let holiday_call = (t.year_end || t.needs.contains(&Need::Personal))
            && t.relationships == [Relationship::Inner];
        if matches!(t.action, InteractionKind::Call | InteractionKind::Meeting)
            && t.reasons
                .iter()
                .any(|r| matches!(r, Reason::Cadence | Reason::Overdue))
            && !holiday_call
        {
            assert!(t.no_year_end, "{}", t.id);
        }
        // The user's promises and requests are acted on, not pasted in whole.
        assert!(
            !t.text.contains("them") && !t.text.contains("their"),
            "{}",
            t.id
        );
    }
    for k in &data.request_kinds {
        for phrase in [&k.deliver, &k.stale, &k.old, &k.after, &k.done] {
            assert!(
                !phrase.contains("them") && !phrase.contains("their"),
                "{phrase}"
            );
        }
    }
}

#[test]
fn interests_are_matched_by_kind_on_whole_words() {
    assert_eq!(kind_of("Celtics"), Some("team"));
    assert_eq!(kind_of("New York Yankees"), Some("team"));
    assert_eq!(kind_of("sailing"), Some("sport"));
    assert_eq!(kind_of("golf"), Some("sport"));
    assert_eq!(kind_of("tea ceremony"), Some("food"));
    assert_eq!(kind_of("team building"), None);
    assert_eq!(kind_of("vinyl records"), Some("music_collect"));
    assert_eq!(kind_of("jazz"), Some("music"));
    assert_eq!(kind_of("history books"), Some("reading"));
    assert_eq!(kind_of("AI in logistics"), Some("topic"));
    assert_eq!(kind_of("volunteering"), Some("pursuit"));
    assert_eq!(kind_of("chess"), Some("game"));
    assert_eq!(kind_of("Japan"), Some("place"));
    assert_eq!(kind_of("travel"), Some("travel"));
    assert_eq!(kind_of("Prospects"), None);
    assert_eq!(kind_of(""), None);
    let names = vec!["Celtics".to_owned()];
    let interests = categorise(&names);
    let mut seen = std::collections::HashSet::new();
    for seed in 0..50 {
        let s = suggest(
            Reason::Cadence,
            &ctx(&interests),
            seed,
            Preference::Interest,
            None,
            &[],
        );
        assert!(s.uses.interest);
        assert!(s.text.contains("Celtics"), "{}", s.text);
        // Something to do on the day, not after a game to come.
        assert!(!s.text.contains("next"), "{}", s.text);
        seen.insert(template_id(s.template));
    }
    assert!(seen.len() >= 2, "{seen:?}");
}

#[test]
fn a_template_is_only_filled_with_an_interest_of_its_kind() {
    let names = vec![
        "New York Yankees".to_owned(),
        "tea ceremony".to_owned(),
        "vinyl records".to_owned(),
        "golf".to_owned(),
        "volunteering".to_owned(),
        "Japan".to_owned(),
    ];
    let interests = categorise(&names);
    for seed in 0..200 {
        for rel in [
            Relationship::Acquaintance,
            Relationship::Network,
            Relationship::Core,
            Relationship::Inner,
        ] {
            let c = SuggestionContext {
                relationship: rel,
                ..ctx(&interests)
            };
            let s = suggest(Reason::Cadence, &c, seed, Preference::Interest, None, &[]);
            let id = template_id(s.template).unwrap_or("");
            let lower = s.text.to_lowercase();
            if s.text.contains("Yankees") {
                assert!(id.starts_with("team"), "{}", s.text);
            }
            if s.text.contains("tea ceremony") {
                assert!(
                    id.starts_with("food") && !s.text.contains("coffee"),
                    "{}",
                    s.text
                );
            }
            if s.text.contains("vinyl") {
                assert_eq!(id, "vinyl-tip", "{}", s.text);
                assert!(!lower.contains("playlist"), "{}", s.text);
            }
            if s.text.contains("golf") {
                assert!(!lower.contains("race"), "{}", s.text);
            }
            if s.text.contains("volunteering") {
                assert!(!lower.contains("article"), "{}", s.text);
            }
            if s.text.contains("Japan") && rel == Relationship::Acquaintance {
                assert!(!lower.contains("photo"), "{}", s.text);
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
            how_connected: " (you are connected on LinkedIn)",
            ..ctx(&interests)
        };
        for prefer in [Preference::Thread, Preference::Interest, Preference::Any] {
            let s = suggest(Reason::Overdue, &c, seed, prefer, None, &[]);
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
            assert!(!lower.contains("added"), "{}", s.text);
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
fn birthdays_fit_the_relationship_and_the_day() {
    for seed in 0..50 {
        let names = vec!["coffee".to_owned()];
        let interests = categorise(&names);
        for rel in [Relationship::Acquaintance, Relationship::Network] {
            let c = SuggestionContext {
                relationship: rel,
                on_day: true,
                ..ctx(&interests)
            };
            let s = suggest(Reason::Birthday, &c, seed, Preference::Interest, None, &[]);
            assert_eq!(s.action, InteractionKind::Message, "{}", s.text);
            let lower = s.text.to_lowercase();
            assert!(
                !lower.contains("gift") && !lower.contains("call") && !lower.contains("sing"),
                "{}",
                s.text
            );
        }
        // A core contact gets no call; an inner one only on the day itself.
        let core = SuggestionContext {
            on_day: true,
            ..ctx(&interests)
        };
        let s = suggest(Reason::Birthday, &core, seed, Preference::Any, None, &[]);
        assert_ne!(s.action, InteractionKind::Call, "{}", s.text);
        let before = SuggestionContext {
            relationship: Relationship::Inner,
            birthday_for: " on Saturday",
            ..ctx(&interests)
        };
        let s = suggest(Reason::Birthday, &before, seed, Preference::Any, None, &[]);
        assert_ne!(s.action, InteractionKind::Call, "{}", s.text);
        assert!(s.text.contains("on Saturday"), "{}", s.text);
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
    let s = suggest(Reason::Cadence, &c, 3, Preference::Thread, None, &[]);
    // The topic as a clean phrase, not the note as written.
    assert!(
        s.text.contains("the ROI calculator") && !s.text.contains("Talked about"),
        "{}",
        s.text
    );
    assert!(s.uses.note);
    let f = SuggestionContext {
        event: Some("SaaStr Europa"),
        event_round: Some(1),
        ..c
    };
    let s = suggest(Reason::FollowUp, &f, 1, Preference::Any, None, &[]);
    assert!(
        s.text.contains("SaaStr Europa") && s.text.contains("ROI calculator"),
        "{}",
        s.text
    );
    let second = SuggestionContext {
        event_round: Some(2),
        ..f
    };
    assert!(
        suggest(Reason::FollowUp, &second, 1, Preference::Any, None, &[])
            .text
            .contains("Three weeks")
    );
    // "a customer dinner" is "the customer dinner" once both were there.
    let dinner = SuggestionContext {
        event: Some("a customer dinner"),
        ..second
    };
    let s = suggest(Reason::FollowUp, &dinner, 1, Preference::Any, None, &[]);
    assert!(s.text.contains("after the customer dinner"), "{}", s.text);
}

#[test]
fn a_request_in_the_note_is_delivered_not_checked_in_on() {
    let reading = read_note(
        "Wants a follow-up on pricing for the enterprise tier.",
        "Bea",
    );
    let request = reading.request.clone().unwrap();
    let fresh = SuggestionContext {
        first_name: "Bea",
        note: reading.thread.as_deref(),
        request: Some(&request),
        request_state: Some(RequestState::Fresh),
        note_date: Some("27 Nov"),
        ..ctx(&[])
    };
    for seed in 0..20 {
        let s = suggest(Reason::Cadence, &fresh, seed, Preference::Thread, None, &[]);
        assert!(s.uses.request, "{}", s.text);
        assert!(
            s.text
                .starts_with("Send Bea pricing for the enterprise tier, as asked on 27 Nov"),
            "{}",
            s.text
        );
        assert!(!s.text.contains("Check in"), "{}", s.text);
    }
    let reading = read_note("Loved the case study — asked for a reference call.", "Rae");
    let request = reading.request.clone().unwrap();
    let stale = SuggestionContext {
        first_name: "Rae",
        request: Some(&request),
        request_state: Some(RequestState::Stale),
        note_date: Some("7 Aug"),
        ..ctx(&[])
    };
    let s = suggest(Reason::Overdue, &stale, 1, Preference::Thread, None, &[]);
    // Asked weeks ago: delivered with an apology, not asked about first.
    assert_eq!(
        s.text,
        "Set up the reference call, as Rae asked on 7 Aug, with a word of apology for the wait."
    );
    // Asked months ago: it may have been met or dropped, so asked about first.
    let old = SuggestionContext {
        request_state: Some(RequestState::Old),
        ..stale
    };
    let s = suggest(Reason::Overdue, &old, 1, Preference::Thread, None, &[]);
    assert_eq!(
        s.text,
        "Ask Rae whether the reference call asked for on 7 Aug is still wanted; if so, set it up this week with a word of apology for the wait."
    );
    // At the event it was asked at, the follow-up delivers it.
    let reading = read_note(
        "Liked our demo; wants a sandbox account for her team",
        "Aiko",
    );
    let request = reading.request.clone().unwrap();
    let follow = SuggestionContext {
        first_name: "Aiko",
        event: Some("Data Council"),
        event_round: Some(1),
        note: reading.thread.as_deref(),
        request: Some(&request),
        request_state: Some(RequestState::Fresh),
        note_date: Some("24 Nov"),
        note_event: Some("Data Council"),
        ..ctx(&[])
    };
    let s = suggest(Reason::FollowUp, &follow, 1, Preference::Any, None, &[]);
    assert_eq!(
        s.text,
        "Email Aiko after Data Council: thanks for the conversation; then set up a sandbox account for her team, as Aiko asked."
    );
    let second = SuggestionContext {
        event_round: Some(2),
        request_state: Some(RequestState::After),
        ..follow
    };
    let s = suggest(Reason::FollowUp, &second, 1, Preference::Any, None, &[]);
    assert!(
        s.text
            .contains("ask Aiko how the sandbox account for her team is working out"),
        "{}",
        s.text
    );
}

#[test]
fn plural_requests_read_as_plural() {
    assert!(is_plural("the security whitepaper and a sample SLA"));
    assert!(is_plural("case studies from family-owned wineries"));
    assert!(!is_plural("pricing for the enterprise tier"));
    assert!(!is_plural("a quote for 40 seats before year end"));
    assert!(!is_plural("a reference call"));
    assert!(!is_plural("access"));
    assert!(!is_plural(""));
    let request = Request {
        kind: "set_up",
        object: "the trial accounts and a sandbox".to_owned(),
        and: None,
    };
    let c = SuggestionContext {
        request: Some(&request),
        request_state: Some(RequestState::After),
        note_date: Some("2 Dec"),
        ..ctx(&[])
    };
    let s = suggest(Reason::Cadence, &c, 1, Preference::Thread, None, &[]);
    assert!(
        s.text
            .contains("how the trial accounts and a sandbox are working out"),
        "{}",
        s.text
    );
    assert_eq!(singular("podcasts"), "podcast");
    assert_eq!(singular("history books"), "history book");
    assert_eq!(singular("jazz"), "jazz");
}

#[test]
fn a_promise_s_verb_picks_the_action() {
    let call = read_promise("Call Tom after his budget meeting", "Tom", "Tom Becker").unwrap();
    let c = SuggestionContext {
        first_name: "Tom",
        promise: Some("Call Tom after his budget meeting"),
        promise_reading: Some(&call),
        promise_state: Some(PromiseState::Own),
        promise_due: Some("Fri 11 Dec"),
        ..ctx(&[])
    };
    let s = suggest(Reason::Promise, &c, 1, Preference::Any, None, &[]);
    assert_eq!(s.action, InteractionKind::Call);
    assert_eq!(
        s.text,
        "Call Tom after his budget meeting, as you promised, and agree the next step."
    );
    let send = read_promise("Send the case study", "Ada", "Ada Lovelace").unwrap();
    let p = SuggestionContext {
        promise: Some("Send the case study"),
        promise_reading: Some(&send),
        promise_state: Some(PromiseState::Late),
        promise_due: Some("Fri 4 Dec"),
        ..ctx(&[])
    };
    let s = suggest(Reason::Promise, &p, 1, Preference::Any, None, &[]);
    assert_eq!(s.action, InteractionKind::Email);
    assert!(
        s.text
            .starts_with("Send Ada the case study now, as promised for Fri 4 Dec"),
        "{}",
        s.text
    );
    // A promise whose verb is unknown is kept as written.
    let other = SuggestionContext {
        promise: Some("Return the book"),
        promise_state: Some(PromiseState::Own),
        ..ctx(&[])
    };
    let s = suggest(Reason::Promise, &other, 1, Preference::Any, None, &[]);
    assert!(
        s.text.contains("\u{201c}Return the book\u{201d}"),
        "{}",
        s.text
    );
}

#[test]
fn a_follow_up_mentions_the_promise_to_the_same_person() {
    let quote = read_promise(
        "Send the 40-seat quote with the onboarding plan",
        "Yusuf",
        "Yusuf Demir",
    )
    .unwrap();
    let reading = read_note("Wants a quote for 40 seats before year end", "Yusuf");
    let request = reading.request.clone().unwrap();
    let c = SuggestionContext {
        first_name: "Yusuf",
        event: Some("Texworld Paris"),
        event_round: Some(1),
        promise: Some("Send the 40-seat quote with the onboarding plan"),
        promise_reading: Some(&quote),
        promise_state: Some(PromiseState::Ahead),
        promise_due: Some("Fri 4 Dec"),
        request: Some(&request),
        request_state: Some(RequestState::Fresh),
        note_date: Some("18 Nov"),
        note_event: Some("Texworld Paris"),
        ..ctx(&[])
    };
    let s = suggest(Reason::FollowUp, &c, 1, Preference::Any, None, &[]);
    assert_eq!(
        s.text,
        "Email Yusuf after Texworld Paris: thanks for the conversation, and say that the 40-seat quote with the onboarding plan will follow by Fri 4 Dec."
    );
    let after = SuggestionContext {
        event_round: Some(2),
        promise_state: Some(PromiseState::After),
        ..c
    };
    let s = suggest(Reason::FollowUp, &after, 1, Preference::Any, None, &[]);
    assert!(
        s.text
            .contains("ask Yusuf whether the 40-seat quote with the onboarding plan landed well"),
        "{}",
        s.text
    );
}

#[test]
fn the_year_s_last_weeks_get_no_business_calls() {
    let names = vec!["coffee".to_owned(), "fintech".to_owned()];
    let interests = categorise(&names);
    for seed in 0..100 {
        for prefer in [Preference::Thread, Preference::Interest, Preference::Any] {
            let c = SuggestionContext {
                relationship: Relationship::Inner,
                note: Some("Evaluating two other vendors; decision in Q2"),
                note_date: Some("27 Nov"),
                year_end: true,
                ..ctx(&interests)
            };
            let s = suggest(Reason::Cadence, &c, seed, prefer, None, &[]);
            assert!(
                !matches!(s.action, InteractionKind::Call | InteractionKind::Meeting),
                "{}",
                s.text
            );
            assert!(!s.text.contains("webinar"), "{}", s.text);
        }
    }
}

#[test]
fn the_previous_template_and_the_ones_just_used_are_avoided() {
    let names = vec!["sailing".to_owned(), "fintech".to_owned()];
    let interests = categorise(&names);
    for seed in 0..30 {
        let first = suggest(
            Reason::Cadence,
            &ctx(&interests),
            seed,
            Preference::Any,
            None,
            &[],
        );
        let next = suggest(
            Reason::Cadence,
            &ctx(&interests),
            seed,
            Preference::Any,
            Some(first.template),
            &[],
        );
        assert_ne!(first.template, next.template);
        let a = suggest(
            Reason::Cadence,
            &ctx(&interests),
            seed,
            Preference::Interest,
            None,
            &[],
        );
        let b = suggest(
            Reason::Cadence,
            &ctx(&interests),
            seed,
            Preference::Interest,
            None,
            &[a.template],
        );
        assert_ne!(a.template, b.template);
    }
}

/// Every template, filled with hostile, empty and very long values, reads as
/// one clean line: no placeholder left, no value expanded twice, nothing cut
/// mid-way without saying so.
#[test]
fn every_template_renders_with_hostile_empty_and_long_values() {
    let long = "word ".repeat(200);
    let values: [&str; 5] = [
        "<img src=x onerror=alert(1)> {first} {note} {Request_deliver}",
        "",
        "   \n\t  ",
        long.as_str(),
        "Zoë \"Z\" O'Brien-Ñúñez 🎉",
    ];
    let placeholders: Vec<String> = all_templates()
        .iter()
        .flat_map(|(_, t)| t.split('{').skip(1))
        .chain(
            data()
                .request_kinds
                .iter()
                .flat_map(|k| {
                    [
                        k.deliver.as_str(),
                        k.stale.as_str(),
                        k.old.as_str(),
                        k.after.as_str(),
                    ]
                })
                .flat_map(|t| t.split('{').skip(1)),
        )
        .filter_map(|p| p.split('}').next())
        .map(|p| format!("{{{p}}}"))
        .collect();
    for value in values {
        let names = [value.to_owned()];
        let interests: Vec<(&str, Option<&'static str>)> =
            names.iter().map(|n| (n.as_str(), Some("topic"))).collect();
        for act in data().promise_acts.iter().map(|a| a.act.as_str()) {
            let reading = PromiseReading {
                act,
                object: clean(value, 80),
            };
            for kind in ["send", "set_up", "answer"] {
                let request = Request {
                    kind,
                    object: clean(value, 80),
                    and: Some(Box::new(Request {
                        kind: "send",
                        object: clean(value, 80),
                        and: None,
                    })),
                };
                let c = SuggestionContext {
                    first_name: value,
                    company: Some(value),
                    interests: &interests,
                    relationship: Relationship::Inner,
                    event: Some(value),
                    event_round: Some(1),
                    promise: Some(value),
                    promise_reading: Some(&reading),
                    promise_state: Some(PromiseState::Ahead),
                    promise_due: Some("Fri 4 Dec"),
                    note: Some(value),
                    life: Some(value),
                    favour: Some(value),
                    request: Some(&request),
                    request_state: Some(RequestState::Fresh),
                    note_date: Some("26 Nov"),
                    note_event: Some(value),
                    how_connected: " (you are connected on LinkedIn)",
                    birthday_for: " on Saturday",
                    on_day: false,
                    year_end: false,
                    new_year: false,
                    light: false,
                    unlogged: true,
                    about: Some(value),
                    client: true,
                    title: Some(value),
                    dated: Some((value, "20 Dec")),
                    since_event: "three weeks",
                    serious: true,
                    settled: true,
                    later: Some(value),
                    pending_intro: Some(Some(value)),
                    phone: true,
                    unanswered: true,
                    met_before: true,
                    role: Some(value),
                    colleagues: Some(value),
                    call_birthday: true,
                    birthday_day: value,
                    turns: Some(value),
                    news_ahead: Some((value, "Wed 9 Dec")),
                    life_dated: Some((value, "9 Dec")),
                    decision: true,
                    offered: true,
                    channel: Channel {
                        message: Some("WhatsApp"),
                        no_calls: true,
                        phone_only: false,
                        no_email: false,
                    },
                    personal: true,
                    teammate: true,
                    child: true,
                    own_child: true,
                    spouse: true,
                    belated: true,
                    ahead: true,
                    deadline: Some((value, "on Fri 15 Jan")),
                    visit: Some((value, value)),
                    task: Some((value, "Wed 16 Dec", Owing::Send)),
                    christmas: Some((value, "card")),
                    away_ahead: Some((value, value, true)),
                    asked_back: Some(AskedBackContext {
                        call: true,
                        theirs: true,
                        purpose: value,
                    }),
                };
                for (id, text) in all_templates() {
                    let out = render(text, &c, value);
                    for p in &placeholders {
                        // A placeholder may only appear where a value holds one.
                        assert!(
                            !out.contains(p.as_str()) || value.contains(p.as_str()),
                            "{id}: {p} left in {out}"
                        );
                    }
                    assert!(!out.contains('\n') && !out.contains('\t'), "{id}: {out:?}");
                    assert!(!out.contains("  "), "{id}: {out:?}");
                    assert!(
                        out.chars().count() < 900,
                        "{id}: {} chars",
                        out.chars().count()
                    );
                    if value.len() > 500 && out.contains("word word") {
                        assert!(
                            out.contains('…'),
                            "{id}: a long value is cut visibly: {out}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn first_hellos_on_one_day_do_not_read_like_a_mail_merge() {
    let mut recent: Vec<usize> = Vec::new();
    let mut texts = Vec::new();
    for seed in 0..5u64 {
        let c = SuggestionContext {
            company: Some("Orchard Foods"),
            title: Some("CFO"),
            how_connected: " (you are connected on LinkedIn)",
            ..SuggestionContext::plain("Dana", Relationship::First)
        };
        let s = suggest(
            Reason::Cadence,
            &c,
            seed * 7919,
            Preference::Any,
            None,
            &recent,
        );
        recent.push(s.template);
        texts.push(s.text);
    }
    let distinct: std::collections::BTreeSet<&String> = texts.iter().collect();
    assert_eq!(distinct.len(), texts.len(), "{texts:#?}");
    assert!(
        texts.iter().filter(|t| t.contains("Orchard Foods")).count() >= 3,
        "{texts:#?}"
    );
}

#[test]
fn no_template_names_the_contact_twice_and_articles_fit_the_word() {
    for (id, text) in all_templates() {
        assert!(
            text.matches("{first}").count() <= 1,
            "{id}: names the contact twice: {text}"
        );
    }
    let names = vec!["Italian cooking".to_owned()];
    let interests = categorise(&names);
    let c = SuggestionContext {
        relationship: Relationship::Inner,
        ..ctx(&interests)
    };
    let out = render(
        "Send {first} a small gift for a {interest} lover.",
        &c,
        "Italian cooking",
    );
    assert_eq!(out, "Send Ada a small gift for an Italian cooking lover.");
    let out = render("A {interest} tip.", &c, "opera");
    assert_eq!(out, "An opera tip.");
    let out = render("Send {first} a {interest} tip.", &c, "user research");
    assert_eq!(out, "Send Ada a user research tip.");
}

#[test]
fn first_hellos_fit_the_role_and_name_no_customer_for_an_adviser() {
    for (title, role, company) in [
        ("Senior Director Analyst", "analyst", "Gartner"),
        ("Finance Transformation Lead", "adviser", "Accenture"),
        ("Sales Recruiter", "recruiter", "Hunter Talent"),
    ] {
        for seed in 0..20 {
            let c = SuggestionContext {
                company: Some(company),
                title: Some(title),
                role: Some(role),
                how_connected: " (you are connected on LinkedIn)",
                ..SuggestionContext::plain("Wei", Relationship::First)
            };
            let s = suggest(Reason::Cadence, &c, seed, Preference::Thread, None, &[]);
            let id = template_id(s.template).unwrap();
            assert!(id.starts_with(&format!("first-{role}")), "{id}: {}", s.text);
            assert!(!s.text.contains("companies like"), "{}", s.text);
        }
    }
    // Without a company, no template pretends to know one.
    for seed in 0..20 {
        let c = SuggestionContext::plain("Ana", Relationship::First);
        let s = suggest(Reason::Cadence, &c, seed, Preference::Any, None, &[]);
        assert!(!s.text.contains("{company}"), "{}", s.text);
    }
}

#[test]
fn interests_named_in_notes_are_read_only_where_the_note_says_so() {
    assert_eq!(
        interests_in_notes("Quick chat at the happy hour. Huge Liverpool fan."),
        vec![("Liverpool", "team")]
    );
    assert_eq!(
        interests_in_notes("Loves opera; season tickets."),
        vec![("opera", "music")]
    );
    for nothing in [
        "Big data project next year.",
        "Loves the product and the data model.",
        "Texted about the game.",
        "",
    ] {
        assert_eq!(interests_in_notes(nothing), vec![], "{nothing}");
    }
}
