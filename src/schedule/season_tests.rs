//! Tests of the year's turn: no business conversation is started from 21
//! December to 1 January, and a business contact's first rhythm ping of
//! January carries New Year wishes, unless something more pressing is open.

use chrono::Datelike;

use super::notes::read_note;
use super::settings::PlannerSettings;
use super::snapshot::{ContactFacts, PromiseFacts};
use super::suggest::{suggest, Preference, Relationship, RequestState, SuggestionContext};
use super::tests::{d, noted, of, person, plan_for};
use super::{contact_interval, Reason};
use crate::model::{Circle, InteractionKind};

/// A contact last met one interval before `due`, so its rhythm falls due then.
fn due_on(mut c: ContactFacts, due: &str) -> ContactFacts {
    let interval = i64::from(contact_interval(&PlannerSettings::default(), &c));
    let met = d(due) - chrono::Duration::days(interval);
    c.record_interaction(InteractionKind::Meeting, met, None, c.id * 1000);
    c
}

fn rhythm(plan: &super::Plan, id: i64) -> Vec<&super::Ping> {
    of(plan, id)
        .into_iter()
        .filter(|p| matches!(p.reason, Reason::Cadence | Reason::Overdue))
        .collect()
}

#[test]
fn no_business_check_in_starts_in_the_days_before_christmas_and_friends_still_hear() {
    // Due on Mon 21, Tue 22 and Wed 23 Dec 2026.
    let customers: Vec<ContactFacts> = (1..=3)
        .map(|i| due_on(person(i, Circle::Core), &format!("2026-12-{}", 20 + i)))
        .collect();
    let mut friend = due_on(person(4, Circle::Core), "2026-12-22");
    friend.tags = vec!["Friends".into()];
    let mut contacts = customers;
    contacts.push(friend);
    let plan = plan_for(contacts, 70);
    for i in 1..=3 {
        let first = rhythm(&plan, i)[0];
        let day = first.date;
        assert!(
            !((day.month() == 12 && day.day() >= 21) || (day.month() == 1 && day.day() == 1)),
            "{first:?}"
        );
    }
    assert_eq!(rhythm(&plan, 4)[0].date, d("2026-12-22"));
}

#[test]
fn a_business_contacts_first_ping_of_january_carries_new_year_wishes() {
    // A customer due over the break, with a thread in the last note.
    let thread = noted(
        due_on(person(1, Circle::Core), "2026-12-28"),
        "2026-10-28",
        "Fleet renewal: wants telematics options costed for next year.",
    );
    // Nothing written: still wishes, with no ask.
    let plain = due_on(person(2, Circle::Network), "2026-12-29");
    // Family hears on its own terms, not with a business greeting.
    let mut sister = due_on(person(3, Circle::Core), "2027-01-06");
    sister.tags = vec!["Family".into()];
    let plan = plan_for(vec![thread, plain, sister], 70);
    for id in [1, 2] {
        let first = rhythm(&plan, id)[0];
        assert!(
            first.date.month() == 1 && first.date.day() <= 21,
            "{first:?}"
        );
        assert!(
            first.suggestion.contains("your New Year wishes"),
            "{}",
            first.suggestion
        );
    }
    let thread = rhythm(&plan, 1)[0];
    assert!(
        thread.suggestion.contains("telematics")
            || thread.suggestion.contains("where you left off"),
        "{}",
        thread.suggestion
    );
    for p in of(&plan, 3) {
        assert!(!p.suggestion.contains("New Year"), "{}", p.suggestion);
    }
}

#[test]
fn an_open_request_or_a_decision_comes_before_new_year_wishes_and_a_plain_check_in_does_not() {
    let reading = read_note(
        "Asked for the loss-run report for the fleet policy.",
        "Rosa",
    );
    let request = reading.request.clone().expect("a request");
    let january = |ctx: &SuggestionContext<'_>, seed: u64| {
        suggest(Reason::Cadence, ctx, seed, Preference::Thread, None, &[]).text
    };
    for seed in 0..8 {
        let asked = SuggestionContext {
            note: reading.thread.as_deref(),
            request: Some(&request),
            request_state: Some(RequestState::Fresh),
            note_date: Some("20 Nov"),
            new_year: true,
            ..SuggestionContext::plain("Rosa", Relationship::Core)
        };
        let text = january(&asked, seed);
        assert!(text.contains("loss-run"), "{text}");
        let plain = SuggestionContext {
            new_year: true,
            ..SuggestionContext::plain("Rosa", Relationship::Network)
        };
        let text = january(&plain, seed);
        assert!(text.contains("New Year wishes"), "{text}");
        // Outside January, no wishes.
        let december = SuggestionContext::plain("Rosa", Relationship::Network);
        let text = january(&december, seed);
        assert!(!text.contains("New Year"), "{text}");
    }
}

#[test]
fn a_kept_promise_is_not_asked_about_once_a_later_conversation_is_logged() {
    let mut olivier = noted(
        person(1, Circle::Core),
        "2026-11-19",
        "Ordered the spare kit.",
    );
    olivier.kept_promises.push(PromiseFacts {
        id: 7,
        text: "Send quote for the on-site spare kit".into(),
        due: d("2026-10-21"),
    });
    let mut asked = person(2, Circle::Core);
    asked.record_interaction(InteractionKind::Email, d("2026-10-21"), None, 2000);
    asked.kept_promises.push(PromiseFacts {
        id: 8,
        text: "Send quote for the on-site spare kit".into(),
        due: d("2026-10-21"),
    });
    let plan = plan_for(vec![olivier, asked], 120);
    for p in rhythm(&plan, 1) {
        assert!(!p.suggestion.contains("spare kit"), "{}", p.suggestion);
    }
    assert!(
        rhythm(&plan, 2)
            .iter()
            .any(|p| p.suggestion.contains("spare kit")),
        "{:#?}",
        rhythm(&plan, 2)
    );
}
