//! Tests of how pings are worded from what the user wrote, one rule per test:
//! notes become actions, personal news is handled with tact, requests are
//! read for what they ask, the notes set the channel, first hellos fit the
//! person, sentences do not repeat, and birthdays say when.

use super::notes::{read_note, role_of};
use super::snapshot::{ActionFacts, ContactFacts, NoteFacts, PromiseFacts};
use super::suggest::{suggest, PromiseState, Relationship, RequestState, SuggestionContext};
use super::tests::{at_event, d, of, plan_for, today};
use super::Reason;
use crate::model::{Birthday, Circle, InteractionKind, PingActionKind, Source};

fn person(id: i64, circle: Circle) -> ContactFacts {
    let mut c = ContactFacts::new(id, &format!("Person {id}"), circle, d("2025-01-01"));
    c.given_name =
        ["Rosa", "Tariq", "Ines", "Owen", "Maud", "Felix", "Cora"][(id as usize) % 7].to_owned();
    c
}

fn noted(mut c: ContactFacts, kind: InteractionKind, on: &str, text: &str) -> ContactFacts {
    c.record_interaction(kind, d(on), None, c.id * 1000);
    c.last_note = Some(NoteFacts {
        date: d(on),
        kind,
        text: text.to_owned(),
        event: None,
    });
    c
}

/// The user's words never appear raw: no quotes, no cut word.
fn assert_not_pasted(text: &str) {
    assert!(
        !text.contains('\u{201c}') && !text.contains('…'),
        "pasted: {text}"
    );
}

#[test]
fn a_note_is_turned_into_an_action_never_pasted_back() {
    let nadia = at_event(
        person(1, Circle::Network),
        "2026-11-24",
        "Regional Theatres Forum",
        "Keen to understand the rental vs purchase routes, they're unhappy with the current distributor's service levels and response times at weekends",
    );
    // A profile of the person, not a thread: nothing to pick up.
    let arlo = at_event(
        person(2, Circle::Network),
        "2026-11-24",
        "Regional Theatres Forum",
        "Spinal fellow at the county hospital, starting a research year in the autumn. Loves sailing and plays in a band",
    );
    let plan = plan_for(vec![nadia, arlo], 30);
    let nadia = of(&plan, 1)[0];
    assert_not_pasted(&nadia.suggestion);
    assert!(
        nadia.suggestion.contains("the rental vs purchase routes"),
        "{}",
        nadia.suggestion
    );
    // A private judgement is never put in words meant for the contact.
    assert!(
        !nadia.suggestion.contains("unhappy"),
        "{}",
        nadia.suggestion
    );
    let arlo = of(&plan, 2)[0];
    assert_not_pasted(&arlo.suggestion);
    for word in ["fellow", "sailing", "band", "research"] {
        assert!(
            !arlo.suggestion.to_lowercase().contains(word),
            "{}",
            arlo.suggestion
        );
    }
    // A thread with no clean phrase in it gets a plain, useful sentence.
    let ivo = noted(
        person(3, Circle::Core),
        InteractionKind::Meeting,
        "2026-10-01",
        "Ward refurbishment might free up budget, TBC after the board in spring; good chat over lunch",
    );
    let plan = plan_for(vec![ivo], 120);
    for p in of(&plan, 3) {
        assert_not_pasted(&p.suggestion);
        assert!(!p.suggestion.contains("refurbishment"), "{}", p.suggestion);
    }
}

#[test]
fn a_loss_keeps_a_birthday_wish_warm_and_low_key() {
    let mut wren = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-10",
        "Her brother died in October. Back at work next week",
    );
    wren.birthday = Some("1980-12-09".parse::<Birthday>().unwrap());
    wren.interests = vec!["golf".into()];
    let plan = plan_for(vec![wren], 30);
    let wish = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap();
    assert!(wish.suggestion.contains("low-key"), "{}", wish.suggestion);
    for word in ["news", "died", "brother", "golf", "how it is going"] {
        assert!(!wish.suggestion.contains(word), "{}", wish.suggestion);
    }
}

#[test]
fn a_baby_is_congratulated_and_surgery_is_asked_about_after_its_day() {
    let leave = noted(
        person(1, Circle::Network),
        InteractionKind::Meeting,
        "2026-09-20",
        "Off on parental leave from mid-January",
    );
    let plan = plan_for(vec![leave], 90);
    let p = of(&plan, 1)[0];
    assert!(
        p.suggestion.contains("congratulations on the baby"),
        "{}",
        p.suggestion
    );
    assert_not_pasted(&p.suggestion);
    // Surgery with a day: asked about after it, in a sentence, lower case.
    let op = noted(
        person(2, Circle::Core),
        InteractionKind::Call,
        "2026-10-20",
        "Her hip surgery is on 2 Dec",
    );
    let plan = plan_for(vec![op], 120);
    let after = of(&plan, 2)
        .into_iter()
        .find(|p| p.date > d("2026-12-02") && p.suggestion.contains("surgery"))
        .expect("a ping after the operation asks about it");
    assert!(
        after
            .suggestion
            .contains("how her hip surgery on 2 Dec went")
            && after.suggestion.contains("recovery"),
        "{}",
        after.suggestion
    );
    // Someone taken to an operation: asked about their operation, not the
    // driving.
    let driving = noted(
        person(3, Circle::Inner),
        InteractionKind::Call,
        "2026-11-20",
        "Driving Maman to the op on 9 Dec, a bit nervous.",
    );
    let plan = plan_for(vec![driving], 60);
    let asked = of(&plan, 3)
        .into_iter()
        .find(|p| p.date > d("2026-12-09") && p.suggestion.contains(" op "))
        .expect("a ping after the operation asks about it");
    assert!(
        asked.suggestion.contains("how Maman's op on 9 Dec went")
            && !asked.suggestion.to_lowercase().contains("driving"),
        "{}",
        asked.suggestion
    );
    assert!(
        !after.suggestion.contains("Her hip"),
        "{}",
        after.suggestion
    );
}

#[test]
fn things_to_arrange_are_set_up_and_unreleased_things_are_not_sent() {
    let kind = |note: &str| {
        read_note(note, "Rosa")
            .request
            .map(|r| (r.kind, r.object))
            .unwrap()
    };
    assert_eq!(
        kind("Asked for in-service training for the weekend staff").0,
        "set_up"
    );
    assert_eq!(kind("Wants a lab slot in March").0, "set_up");
    assert_eq!(
        kind("Wants the revised sizing chart when it's out"),
        ("when_out", "the revised sizing chart".to_owned())
    );
    // A visit is not watered down to "something useful on it".
    assert_eq!(
        kind("Interested in the scanner; wants a site visit to see it running").0,
        "set_up"
    );
    let reading = read_note("Wants the revised sizing chart when it's out", "Rosa");
    let request = reading.request.clone().unwrap();
    let ctx = SuggestionContext {
        note: reading.thread.as_deref(),
        request: Some(&request),
        request_state: Some(RequestState::Fresh),
        note_date: Some("20 Nov"),
        ..SuggestionContext::plain("Rosa", Relationship::Network)
    };
    let s = suggest(
        Reason::Cadence,
        &ctx,
        1,
        super::suggest::Preference::Thread,
        None,
        &[],
    );
    assert!(
        s.text.starts_with(
            "Find out when the revised sizing chart will be out and tell Rosa when to expect it"
        ),
        "{}",
        s.text
    );
    // Something promised for a day still to come is confirmed, not asked about as past.
    let promise =
        super::notes::read_promise("Book a workshop place for March", "Rosa", "Rosa Vance")
            .unwrap();
    let ahead = SuggestionContext {
        event: Some("the Theatres Forum"),
        event_round: Some(2),
        promise: Some("Book a workshop place for March"),
        promise_reading: Some(&promise),
        promise_state: Some(PromiseState::After),
        promise_due: Some("Thu 10 Dec"),
        ahead: true,
        ..SuggestionContext::plain("Rosa", Relationship::Network)
    };
    let s = suggest(
        Reason::FollowUp,
        &ahead,
        1,
        super::suggest::Preference::Any,
        None,
        &[],
    );
    assert!(
        s.text.contains("confirm") && !s.text.contains("went"),
        "{}",
        s.text
    );
}

#[test]
fn the_notes_set_the_channel() {
    let mut bram = noted(
        person(1, Circle::Network),
        InteractionKind::Meeting,
        "2026-11-20",
        "Good meeting. Only on WhatsApp, never reads email",
    );
    bram.open_promises = vec![PromiseFacts {
        id: 3,
        text: "Send the sterilisation guide".into(),
        due: d("2026-12-02"),
    }];
    let mut jude = noted(
        person(2, Circle::Inner),
        InteractionKind::Meeting,
        "2026-11-01",
        "Lunch at the club",
    );
    jude.notes = "Hates cold calls - text first".into();
    jude.birthday = Some("1975-12-08".parse::<Birthday>().unwrap());
    let deed = PromiseFacts {
        id: 4,
        text: "Order the engraved pen for his retirement".into(),
        due: d("2026-12-02"),
    };
    let mut bram_owes_a_deed = bram.clone();
    bram_owes_a_deed.open_promises = vec![deed];
    let plan = plan_for(vec![bram, jude], 60);
    let promise = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert_eq!(promise.action, InteractionKind::Message);
    assert!(
        promise.suggestion.contains("on WhatsApp rather than email"),
        "{}",
        promise.suggestion
    );
    for p in of(&plan, 2) {
        assert_ne!(p.action, InteractionKind::Call, "{}", p.suggestion);
        assert!(!p.suggestion.starts_with("Call"), "{}", p.suggestion);
    }
    // "Order the engraved pen" is done in a shop, not sent on WhatsApp.
    let plan = plan_for(vec![bram_owes_a_deed], 30);
    let deed = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert!(
        deed.suggestion.starts_with("Order the engraved pen")
            && !deed.suggestion.contains("WhatsApp"),
        "{}",
        deed.suggestion
    );
}

#[test]
fn paperwork_asked_for_is_sent_without_a_sales_line() {
    let request = |note: &str| {
        let mut c = noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-20",
            note,
        );
        c.company = Some("Ventura Fleet Upfitters".into());
        of(&plan_for(vec![c], 20), 1)[0].suggestion.clone()
    };
    let po = request("Installs start 14 Dec. Needs the PO from our ops team asap.");
    assert!(po.contains("the PO"), "{po}");
    assert!(!po.contains("could mean for"), "{po}");
}

#[test]
fn family_asking_for_something_gets_no_business_close() {
    let mut pete = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-22",
        "Sunday roast. Wants a Utd scarf for Christmas",
    );
    pete.tags = vec!["family".into()];
    let plan = plan_for(vec![pete], 30);
    let first = of(&plan, 1)[0];
    assert!(
        first.suggestion.contains("Utd scarf") && !first.suggestion.contains("go through it"),
        "{}",
        first.suggestion
    );
}

#[test]
fn a_light_word_after_news_opens_with_the_news() {
    // Five weeks on, a little ahead of the rhythm: still her news first,
    // and no baby yet to congratulate on.
    let mut ellie = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-10-30",
        "book club at Ellie's. she's pregnant, due in Feb!! shower sometime in Jan",
    );
    ellie.interests = vec!["books".into()];
    ellie.tags = vec!["friend".into()];
    let plan = plan_for(vec![ellie], 30);
    let first = of(&plan, 1)[0];
    assert!(
        first
            .suggestion
            .contains("congratulations on the baby news"),
        "{}",
        first.suggestion
    );
}

#[test]
fn a_retirement_months_ahead_is_asked_about_not_wished_farewell() {
    let mut werner = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-10-30",
        "Plant tour. Retiring in April, successor not named yet.",
    );
    werner.tags = vec!["friend".into()];
    let plan = plan_for(vec![werner], 60);
    let first = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("retire"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 1)));
    assert!(
        first.suggestion.contains("a word on the retirement plans")
            && !first.suggestion.contains("good wishes for the retirement"),
        "{}",
        first.suggestion
    );
}

#[test]
fn a_promise_to_someone_with_hard_news_opens_with_a_word_on_it() {
    let promised = |note: &str, promise: &str| {
        let mut c = noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-25",
            note,
        );
        c.open_promises = vec![PromiseFacts {
            id: 3,
            text: promise.into(),
            due: d("2026-12-03"),
        }];
        of(&plan_for(vec![c], 20), 1)
            .into_iter()
            .find(|p| p.reason == Reason::Promise)
            .unwrap()
            .suggestion
            .clone()
    };
    let sow = promised(
        "Call re the SOW. Her dad had a stroke last week, she is juggling a lot.",
        "Send the revised SOW",
    );
    assert!(
        sow.starts_with("Send") && sow.ends_with("Open with a kind word on the health news."),
        "{sow}"
    );
    // The promise is itself about it: nothing to add.
    let drive = promised(
        "Her dad had a stroke last week.",
        "Drive her dad to the hospital on Thursday",
    );
    assert!(!drive.contains("Open with"), "{drive}");
    // No hard news, no opening.
    let plain = promised("Call re the SOW. Legal has it.", "Send the revised SOW");
    assert!(!plain.contains("Open with"), "{plain}");
}

#[test]
fn first_hellos_fit_the_person_and_paste_no_title() {
    let linked = |id: i64, notes: &str, title: Option<&str>| {
        let mut c = person(id, Circle::Network);
        c.source = Some(Source::Linkedin);
        c.notes = notes.to_owned();
        c.title = title.map(str::to_owned);
        c.company = Some("Northgate Hospitals Trust".into());
        c
    };
    // Described on the card, never spoken to: still a first hello.
    let fellow = linked(1, "Visiting fellow on the hand team until July", None);
    let registrar = linked(
        2,
        "",
        Some("Specialty Registrar (ST5) Plastic & Reconstructive Surgery"),
    );
    let recruiter = linked(3, "Headhunter. Rang me twice last spring", None);
    let mut old_mate = linked(4, "Ex-colleague from the old job, good friend", None);
    old_mate.circle = Circle::Network;
    let mut sister = person(5, Circle::Inner);
    sister.notes = "My sister".into();
    sister = noted(
        sister,
        InteractionKind::Meeting,
        "2026-10-01",
        "Sunday lunch",
    );
    sister.company = Some("Westfield Bank".into());
    let plan = plan_for(vec![fellow, registrar, recruiter, old_mate, sister], 365);
    let fellow = of(&plan, 1)[0];
    assert!(fellow.first_hello, "{fellow:?}");
    assert!(
        !fellow.suggestion.contains("personal hello"),
        "{}",
        fellow.suggestion
    );
    let registrar = of(&plan, 2)[0];
    assert!(
        !registrar.suggestion.contains("Registrar"),
        "{}",
        registrar.suggestion
    );
    let recruiter = of(&plan, 3)[0];
    assert!(
        recruiter.suggestion.contains("role or candidate")
            || recruiter.suggestion.contains("candidates"),
        "{}",
        recruiter.suggestion
    );
    let old_mate = of(&plan, 4)[0];
    assert!(
        !old_mate.suggestion.contains("congratulat"),
        "{}",
        old_mate.suggestion
    );
    for p in of(&plan, 5) {
        for business in [
            "LinkedIn recommendation",
            "coming quarter",
            "latest news from",
        ] {
            assert!(!p.suggestion.contains(business), "{}", p.suggestion);
        }
    }
    // "Partner" in a finance title is not a consultancy.
    assert_eq!(role_of("Finance Business Partner"), None);
    assert_eq!(role_of("Partner, Strategy Consulting"), Some("adviser"));
}

#[test]
fn promises_carry_no_filler_and_one_day_does_not_repeat_a_sentence() {
    let mut kit = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-20",
        "Reviewed the stock levels",
    );
    kit.open_promises = vec![PromiseFacts {
        id: 4,
        text: "Send the revised stock report".into(),
        due: d("2026-12-01"),
    }];
    let met = |id: i64| {
        at_event(
            person(id, Circle::Acquaintance),
            "2026-11-24",
            "Theatre Nurses Congress",
            "",
        )
    };
    let plan = plan_for(vec![kit, met(2), met(3), met(4)], 40);
    let promise = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert!(
        !promise.suggestion.contains("short personal note"),
        "{}",
        promise.suggestion
    );
    // Second follow-ups after one event: same day or not, each reads differently.
    let seconds: Vec<String> = (2..=4)
        .filter_map(|id| {
            of(&plan, id)
                .into_iter()
                .filter(|p| p.reason == Reason::FollowUp)
                .nth(1)
                .map(|p| p.suggestion.replace(&p.contact_name, "X"))
        })
        .map(|s| {
            ["Tariq", "Ines", "Owen"]
                .iter()
                .fold(s, |s, n| s.replace(n, "X"))
        })
        .collect();
    assert_eq!(seconds.len(), 3);
    assert!(
        seconds[0] != seconds[1] && seconds[1] != seconds[2] && seconds[0] != seconds[2],
        "{seconds:?}"
    );
}

#[test]
fn a_birthday_after_the_day_is_belated_and_one_before_it_says_when_to_send() {
    // 12 Dec 2026 is a Saturday: the wish comes on Friday, for sending on Saturday.
    let c = noted(
        person(1, Circle::Network),
        InteractionKind::Meeting,
        "2026-10-01",
        "Catch-up",
    );
    let c = ContactFacts {
        birthday: Some("1984-12-12".parse::<Birthday>().unwrap()),
        ..c
    };
    let plan = plan_for(vec![c.clone()], 40);
    let wish = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap()
        .clone();
    assert!(wish.date < d("2026-12-12"), "{wish:?}");
    assert!(
        wish.suggestion.contains("on Saturday") && !wish.suggestion.contains("for Saturday"),
        "{}",
        wish.suggestion
    );
    // Snoozed past the day: a belated wish.
    let mut snoozed = c;
    snoozed.actions.push(ActionFacts {
        ping_id: wish.id.clone(),
        action: PingActionKind::Snoozed,
        acted_on: today(),
        planned_on: wish.date,
        snoozed_until: Some(d("2026-12-15")),
    });
    let plan = plan_for(vec![snoozed], 40);
    let late = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap();
    assert_eq!(late.date, d("2026-12-15"));
    assert!(late.suggestion.contains("belated"), "{}", late.suggestion);
}

#[test]
fn a_submission_is_submitted_not_quoted() {
    let promise = super::notes::read_promise(
        "Submit the framework bid on the supplier portal",
        "Rosa",
        "Rosa Vance",
    )
    .unwrap();
    assert_eq!(promise.act, "submit");
    let ctx = SuggestionContext {
        promise: Some("Submit the framework bid on the supplier portal"),
        promise_reading: Some(&promise),
        promise_state: Some(PromiseState::Own),
        promise_due: Some("Fri 8 Jan"),
        ..SuggestionContext::plain("Rosa", Relationship::Network)
    };
    let s = suggest(
        Reason::Promise,
        &ctx,
        1,
        super::suggest::Preference::Any,
        None,
        &[],
    );
    assert_eq!(
        s.text,
        "Submit the framework bid on the supplier portal, as promised to Rosa, and check that it went through."
    );
}

#[test]
fn news_opens_a_message_that_delivers_a_request() {
    let c = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-16",
        "Just got engaged. Wants a demo of the new drill system before March",
    );
    let plan = plan_for(vec![c], 30);
    let p = of(&plan, 1)[0];
    assert!(
        p.suggestion
            .starts_with("Open with congratulations on the engagement, then set up a demo of the new drill system"),
        "{}",
        p.suggestion
    );
    assert_not_pasted(&p.suggestion);
}

#[test]
fn a_nickname_in_the_notes_is_what_the_texts_call_them() {
    // Person 1's first name is Tariq; everyone calls him Taz.
    let mut c = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-09-01",
        "Tariq asked for the pricing sheet for 40 trucks",
    );
    c.notes = "Met at the depot open day.\nNickname: Taz, T".into();
    c.birthday = Some("1980-12-09".parse().unwrap());
    let plan = plan_for(vec![c], 120);
    let pings = of(&plan, 1);
    assert!(pings.len() >= 2, "{pings:?}");
    for p in pings {
        assert!(p.suggestion.contains("Taz"), "{}", p.suggestion);
        assert!(!p.suggestion.contains("Tariq"), "{}", p.suggestion);
    }
    // The note, written with his first name, is still read as his request.
    assert!(of(&plan, 1)
        .iter()
        .any(|p| p.suggestion.contains("pricing sheet")));
}

#[test]
fn someone_at_a_competitor_gets_no_follow_up_after_an_event_and_no_ping() {
    // Tagged, not written in the notes: the tag alone is enough.
    let mut ryan = at_event(
        person(1, Circle::Acquaintance),
        "2026-11-25",
        "Workforce Expo",
        "AE at a rival vendor, chatty, fishing for our pricing on big deals. careful",
    );
    ryan.tags = vec!["Competitor".into()];
    let mut nina = at_event(
        person(2, Circle::Network),
        "2026-11-25",
        "Workforce Expo",
        "Wants pricing for 350 employees before the board in Feb",
    );
    nina.tags = vec!["Prospects".into()];
    let mut sam = at_event(
        person(4, Circle::Core),
        "2026-11-25",
        "Workforce Expo",
        "drinks after day 2, she's engaged!",
    );
    sam.tags = vec!["Friends".into()];
    let plan = plan_for(vec![ryan, nina, sam], 60);
    let follow_ups = |id| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.reason == Reason::FollowUp)
            .collect::<Vec<_>>()
    };
    // No follow-up, and no ping at all: the notes leave him alone.
    assert!(follow_ups(1).is_empty(), "{:?}", follow_ups(1));
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    // A friend met there gets one friendly note, with no business in it.
    let sam = follow_ups(4);
    assert_eq!(sam.len(), 1, "{sam:?}");
    assert!(
        sam[0].suggestion.contains("no business"),
        "{}",
        sam[0].suggestion
    );
    assert!(
        sam[0]
            .suggestion
            .contains("congratulations on the engagement"),
        "{}",
        sam[0].suggestion
    );
    // A prospect met at the same event still gets both touches, about business.
    let nina = follow_ups(2);
    assert_eq!(nina.len(), 2, "{nina:?}");
    assert!(
        !nina[0].suggestion.contains("no business"),
        "{}",
        nina[0].suggestion
    );
}

#[test]
fn a_promise_written_with_the_nickname_names_them_once() {
    let mut dev = noted(
        person(3, Circle::Network),
        InteractionKind::Call,
        "2026-11-10",
        "prepping year-end. wants checklist + webinar link",
    );
    dev.given_name = "Devesh".into();
    dev.notes = "Day-to-day admin.\nNickname: Dev".into();
    dev.open_promises = vec![PromiseFacts {
        id: 3,
        text: "Send Dev the year-end checklist and the webinar link".into(),
        due: d("2026-11-27"),
    }];
    let plan = plan_for(vec![dev], 30);
    let promise = of(&plan, 3)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the promise is planned");
    assert!(
        !promise.suggestion.contains("Dev Dev"),
        "{}",
        promise.suggestion
    );
    assert!(!promise.why.contains("Dev Dev"), "{}", promise.why);
    assert!(
        promise.suggestion.contains("year-end checklist"),
        "{}",
        promise.suggestion
    );
}

#[test]
fn a_card_that_says_call_him_gets_calls_though_he_never_reads_email() {
    let mut florian = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Wants dates for the reference visit.",
    );
    florian.notes = "Plant manager. Call him - he never reads email.".into();
    florian.open_promises.push(PromiseFacts {
        id: 3,
        text: "Propose dates for the reference visit".into(),
        due: d("2026-12-18"),
    });
    let plan = plan_for(vec![florian], 120);
    for p in of(&plan, 1) {
        assert!(
            !p.suggestion.contains("by text") && p.action != InteractionKind::Message,
            "{p:?}"
        );
    }
}

#[test]
fn family_news_is_asked_about_without_business_caveats_and_a_late_promise_apologises() {
    // Dad's operation, noted by the user on Dad's card: asked about after
    // its day, as to family (no "keep it personal, with no business in it").
    let mut dad = noted(
        person(1, Circle::Inner),
        InteractionKind::Call,
        "2026-11-22",
        "Sunday call. His knee op is on 8 Dec, then rehab.",
    );
    dad.notes = "Dad.".into();
    // A promise past its day: a short apology, not thanks for the patience.
    let mut client = person(2, Circle::Core);
    client.open_promises = vec![PromiseFacts {
        id: 7,
        text: "Send Tariq the I/O list".into(),
        due: d("2026-11-20"),
    }];
    let plan = plan_for(vec![dad, client], 60);
    let after_op = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("knee op") && !p.suggestion.contains("luck"))
        .expect("a ping asks about the op");
    assert!(after_op.date > d("2026-12-08"), "{after_op:?}");
    assert!(!after_op.suggestion.contains("business"), "{after_op:?}");
    let late = of(&plan, 2)[0];
    assert!(late.suggestion.contains("apology"), "{late:?}");
    assert!(!late.suggestion.contains("patience"), "{late:?}");
}

#[test]
fn a_landline_only_relative_is_called_and_a_present_names_no_channel() {
    use super::tests::born;
    // "No email" beside "landline only" is no wish for texts.
    let mut nana = born(
        noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-15",
            "Sunday chat, all well.",
        ),
        "1937-12-14",
    );
    nana.notes = "Nana. Landline only - no mobile, no email. Never call before 10.".into();
    // A present is bought, not written about, whatever the channel.
    let mut friend = noted(
        person(2, Circle::Core),
        InteractionKind::Message,
        "2026-11-20",
        "Baby shower on 9 Jan.",
    );
    friend.notes = "Best friend. WhatsApp mostly.".into();
    friend.open_promises = vec![PromiseFacts {
        id: 3,
        text: "Baby shower present off the John Lewis list".into(),
        due: d("2026-12-08"),
    }];
    let plan = plan_for(vec![nana, friend], 60);
    let wish = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .expect("a birthday ping");
    assert_eq!(wish.action, InteractionKind::Call, "{wish:?}");
    assert!(wish.suggestion.starts_with("Call"), "{wish:?}");
    for p in of(&plan, 1) {
        assert!(!p.suggestion.contains("text"), "{p:?}");
    }
    let present = of(&plan, 2)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the present's ping");
    assert_eq!(present.action, InteractionKind::Gift, "{present:?}");
    assert!(!present.suggestion.contains("WhatsApp"), "{present:?}");
    // An errand about presents is written as usual.
    for errand in [
        "Call Tony about the wine order",
        "Send the hamper catalogue",
    ] {
        assert!(
            super::notes::is_surprise(errand) && super::notes::is_business_errand(errand),
            "{errand}"
        );
    }
    for present in [
        "Baby shower present off the John Lewis list",
        "Order flowers for Nana's 90th",
    ] {
        assert!(!super::notes::is_business_errand(present), "{present}");
    }
}

#[test]
fn a_request_with_a_day_is_delivered_before_the_day_not_at_once() {
    let julie = noted(
        person(1, Circle::Network),
        InteractionKind::Email,
        "2026-11-12",
        "Asked if we can sponsor the Feb mtg. Needs a yes/no by 8 Jan.",
    );
    let plan = plan_for(vec![julie], 60);
    let pings = of(&plan, 1);
    assert_eq!(pings.len(), 1, "{pings:?}");
    let ping = pings[0];
    assert!(
        ping.date >= d("2026-12-28") && ping.date < d("2027-01-08"),
        "{ping:?}"
    );
    assert!(
        ping.suggestion.contains("the yes/no by Fri 8 Jan"),
        "{}",
        ping.suggestion
    );
    assert!(!ping.suggestion.contains("landed"), "{}", ping.suggestion);
    // Another thing asked for in the same note is still delivered at once.
    let two = noted(
        person(2, Circle::Network),
        InteractionKind::Email,
        "2026-11-24",
        "Asked for the case study. Needs the revised pricing by 20 Jan.",
    );
    let plan = plan_for(vec![two], 30);
    assert!(
        of(&plan, 2)
            .iter()
            .any(|p| p.date < d("2026-12-10") && p.suggestion.contains("case study")),
        "{:?}",
        of(&plan, 2)
    );
}

#[test]
fn a_birthday_the_user_called_on_last_year_is_a_call_again() {
    let walt = |called: bool| {
        let mut c = person(1, Circle::Network);
        c.birthday = Some("1942-01-28".parse::<Birthday>().unwrap());
        let kind = if called {
            InteractionKind::Call
        } else {
            InteractionKind::Message
        };
        c.record_interaction(kind, d("2026-01-28"), None, 10);
        noted(
            c,
            InteractionKind::Call,
            "2026-10-18",
            "Rocking chair done.",
        )
    };
    let birthday = |called: bool| {
        of(&plan_for(vec![walt(called)], 90), 1)
            .into_iter()
            .find(|p| p.reason == Reason::Birthday)
            .expect("a birthday ping")
            .clone()
    };
    let call = birthday(true);
    assert!(call.suggestion.starts_with("Call "), "{call:?}");
    // A message last year: the habit is a message.
    let message = birthday(false);
    assert!(!message.suggestion.starts_with("Call "), "{message:?}");
}

#[test]
fn a_thing_asked_for_by_a_day_that_a_promise_covers_has_only_the_promise_s_ping() {
    let mut keisha = noted(
        person(1, Circle::Core),
        InteractionKind::Email,
        "2026-11-20",
        "She asked for written delivery confirmation + what staff needs to do before 15 Dec.",
    );
    keisha.open_promises.push(PromiseFacts {
        id: 7,
        text: "Send written delivery confirmation + pre-delivery checklist".into(),
        due: d("2026-12-04"),
    });
    let plan = plan_for(vec![keisha], 40);
    let speaking_of_it: Vec<_> = of(&plan, 1)
        .into_iter()
        .filter(|p| p.suggestion.contains("delivery confirmation"))
        .collect();
    assert_eq!(speaking_of_it.len(), 1, "{speaking_of_it:?}");
    assert_eq!(speaking_of_it[0].reason, Reason::Promise);
}

/// The note of a mother's cataract surgery on Tue 15 Dec.
const CATARACT_NOTE: &str = "Sunday call. Cataract surgery set for 15 Dec, Dad driving her.";

/// Contact 1, family, whose last call told of the surgery in [`CATARACT_NOTE`].
fn mum_before_surgery() -> ContactFacts {
    let mut mum = noted(
        person(1, Circle::Inner),
        InteractionKind::Call,
        "2026-11-22",
        CATARACT_NOTE,
    );
    mum.tags = vec!["Family".into()];
    mum
}

#[test]
fn family_is_called_the_day_after_an_operation_and_a_customer_asked_later() {
    let note = CATARACT_NOTE;
    let mum = mum_before_surgery();
    let customer = noted(
        person(2, Circle::Core),
        InteractionKind::Call,
        "2026-11-22",
        note,
    );
    let plan = plan_for(vec![mum, customer], 40);
    let asked = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.suggestion.contains("surgery") && !p.suggestion.contains("luck"))
            .unwrap_or_else(|| panic!("{:?}", of(&plan, id)))
            .clone()
    };
    // Family hear a word of luck the day before; a customer does not.
    let luck = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.suggestion.contains("luck"))
            .cloned()
    };
    let before = luck(1).expect("a word of luck");
    assert_eq!(before.date, d("2026-12-14"), "{before:?}");
    assert_eq!(
        before.suggestion,
        "Send Tariq a word of luck for the cataract surgery on Tue 15 Dec, and say you will be in touch after."
    );
    assert_eq!(
        before.why,
        "Your notes have the cataract surgery on Tue 15 Dec: a word of luck before it."
    );
    assert!(luck(2).is_none(), "{:?}", of(&plan, 2));
    let mum = asked(1);
    assert_eq!(mum.date, d("2026-12-16"), "{mum:?}");
    assert!(mum.suggestion.starts_with("Call "), "{mum:?}");
    assert!(!mum.suggestion.contains(" set "), "{mum:?}");
    let customer = asked(2);
    assert!(customer.date >= d("2026-12-17"), "{customer:?}");
}

#[test]
fn someone_only_the_phone_reaches_is_called_and_a_wait_they_asked_for_needs_no_apology() {
    let mut raj = noted(
        person(1, Circle::Network),
        InteractionKind::Call,
        "2026-11-10",
        "Wants scanner quote + demo but swamped w/ year-end. Call me after 11 Jan.",
    );
    raj.notes = "Landline at the office, no cell. Doesnt do email, front desk prints them.".into();
    let plan = plan_for(vec![raj], 75);
    let ping = of(&plan, 1)[0];
    assert!(ping.date >= d("2027-01-11"), "{ping:?}");
    assert_eq!(ping.action, InteractionKind::Call, "{ping:?}");
    assert!(ping.suggestion.contains("scanner quote"), "{ping:?}");
    for word in ["apolog", "in writing", "long wait"] {
        assert!(
            !ping.suggestion.contains(word) && !ping.why.contains(word),
            "{ping:?}"
        );
    }
}

#[test]
fn a_friend_is_texted_and_a_present_promised_names_its_owner_once() {
    let mut tina = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-15",
        "Coffee. They're moving to Austin - Luis's job. She suggested dinner before Xmas.",
    );
    tina.given_name = "Tina".into();
    tina.tags = vec!["Friends".into()];
    let mut em = person(2, Circle::Inner);
    em.given_name = "Em".into();
    em.tags = vec!["Family".into()];
    em.open_promises.push(PromiseFacts {
        id: 5,
        text: "Send Em's birthday present".into(),
        due: d("2026-12-14"),
    });
    let plan = plan_for(vec![tina, em], 30);
    let dinner = of(&plan, 1)[0];
    assert_eq!(dinner.action, InteractionKind::Message, "{dinner:?}");
    assert!(dinner.suggestion.contains("the move"), "{dinner:?}");
    assert!(!dinner.suggestion.contains("new role"), "{dinner:?}");
    let present = of(&plan, 2)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the promise");
    assert!(
        present
            .why
            .starts_with("You planned to send Em's birthday present by"),
        "{present:?}"
    );
}

#[test]
fn just_after_an_operation_the_ping_asks_how_it_went_and_nothing_else() {
    let mut elena = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-18",
        "Knee replacement surgery 9 Dec - out ~3 wks. Wants a CBCT quote for her 2027 budget.",
    );
    elena.open_promises.push(PromiseFacts {
        id: 19,
        text: "Send Elena a CBCT quote for her 2027 budget".into(),
        due: d("2027-01-11"),
    });
    let plan = plan_for(vec![elena], 40);
    let after = of(&plan, 1)
        .into_iter()
        .find(|p| p.date > d("2026-12-09"))
        .expect("a ping after the operation");
    assert!(
        after
            .suggestion
            .contains("how the knee replacement surgery on 9 Dec went"),
        "{after:?}"
    );
    assert!(!after.suggestion.contains("quote"), "{after:?}");
}

#[test]
fn the_second_touch_after_an_event_comes_the_day_after_the_decision_its_note_dates() {
    let mut jim = at_event(
        person(1, Circle::Network),
        "2026-11-20",
        "Dental Meeting",
        "Asked for revised pricing - needs it by 11 Dec for the board packet. Board mtg 17 Dec approves capex.",
    );
    jim.open_promises.push(PromiseFacts {
        id: 11,
        text: "Send Tariq the revised pricing".into(),
        due: d("2026-12-11"),
    });
    let plan = plan_for(vec![jim], 40);
    let second = of(&plan, 1)
        .into_iter()
        .find(|p| p.id.ends_with("-2"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 1)));
    assert_eq!(second.date, d("2026-12-18"), "{second:?}");
    assert!(
        second
            .suggestion
            .starts_with("Ask Tariq how the board mtg on 17 Dec went"),
        "{second:?}"
    );
    assert!(
        second.why.contains("time to hear how it went"),
        "{second:?}"
    );
}

/// The ping of a contact's one open promise, planned from `today()`.
fn promise_ping(contact: ContactFacts) -> super::Ping {
    of(&plan_for(vec![contact], 20), 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the promise's ping")
        .clone()
}

#[test]
fn a_promise_to_text_someone_who_never_checks_email_is_said_once() {
    let mut peter = noted(
        person(1, Circle::Core),
        InteractionKind::Message,
        "2026-11-20",
        "Text: wants a quote on a new autoclave.",
    );
    peter.name = "Peter Novak".into();
    peter.notes = "Said text him, he never checks email.".into();
    peter.open_promises.push(PromiseFacts {
        id: 5,
        text: "Text Dr. Novak the autoclave quote".into(),
        due: d("2026-12-03"),
    });
    let promise = promise_ping(peter);
    assert_eq!(
        promise.suggestion,
        "Send Tariq the autoclave quote, as promised, by text rather than email."
    );
    assert_eq!(promise.action, InteractionKind::Message);
}

#[test]
fn a_thing_promised_to_someone_only_the_phone_reaches_is_asked_about_on_a_call() {
    let mut raj = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Wants the pricing sheet.",
    );
    raj.notes = "Landline only, no email.".into();
    raj.open_promises.push(PromiseFacts {
        id: 3,
        text: "Send the pricing sheet".into(),
        due: d("2026-12-03"),
    });
    let promise = promise_ping(raj);
    assert_eq!(
        promise.suggestion,
        "Call Tariq about the pricing sheet, as promised, and ask how it should reach them: your notes say no email."
    );
    assert_eq!(promise.action, InteractionKind::Call);
}

#[test]
fn an_operation_is_asked_about_though_a_promise_falls_near_it_and_not_a_month_later() {
    let mut mum = noted(
        person(1, Circle::Inner),
        InteractionKind::Call,
        "2026-11-22",
        "Sunday call. Mum's hip replacement confirmed Tue 8 Dec, 4-5 nights in.",
    );
    mum.notes = "Mum. Ashgrove.\nNickname: Mum\nI ring Mum & Dad every Sunday arvo.".into();
    mum.tags = vec!["Family".into()];
    mum.birthday = Some("1957-01-09".parse::<Birthday>().unwrap());
    mum.open_promises.push(PromiseFacts {
        id: 12,
        text: "Book the restaurant for Mum's 70th lunch".into(),
        due: d("2026-12-11"),
    });
    let plan = plan_for(vec![mum], 60);
    let pings = of(&plan, 1);
    let asked = pings
        .iter()
        .find(|p| p.suggestion.contains("hip replacement"))
        .unwrap_or_else(|| panic!("{pings:?}"));
    assert_eq!(asked.date, d("2026-12-09"), "{asked:?}");
    let birthday = pings
        .iter()
        .find(|p| p.reason == Reason::Birthday)
        .expect("the 70th");
    assert!(!birthday.suggestion.contains("hip"), "{birthday:?}");
}

#[test]
fn a_promise_kept_a_day_after_an_event_is_its_follow_up() {
    let nathan = || {
        let mut c = at_event(
            person(1, Circle::Network),
            "2026-11-24",
            "Expo",
            "Wants the battery backup case study.",
        );
        c.open_promises.push(PromiseFacts {
            id: 3,
            text: "Send the battery backup case study".into(),
            due: d("2026-11-27"),
        });
        c
    };
    let first_follow_up =
        |plan: &super::Plan| of(plan, 1).into_iter().any(|p| p.id.ends_with("-1"));
    let plan = plan_for(vec![nathan()], 30);
    assert!(!first_follow_up(&plan), "{:?}", of(&plan, 1));
    // Done, the promise still stands for the follow-up.
    let mut done = nathan();
    let promise = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .expect("the promise")
        .clone();
    done.actions.push(ActionFacts {
        ping_id: promise.id.clone(),
        action: PingActionKind::Done,
        acted_on: today(),
        planned_on: promise.date,
        snoozed_until: None,
    });
    done.open_promises.clear();
    let plan = plan_for(vec![done], 30);
    assert!(!first_follow_up(&plan), "{:?}", of(&plan, 1));
}

#[test]
fn a_request_the_note_says_was_met_the_same_day_is_no_open_request() {
    let kylie = noted(
        person(1, Circle::Network),
        InteractionKind::Email,
        "2026-11-20",
        "Kylie asked for an updated SLD w export limiting - sent same day.",
    );
    let still_open = noted(
        person(2, Circle::Network),
        InteractionKind::Email,
        "2026-11-20",
        "Wants pricing for the enterprise tier. Sent the case study last week.",
    );
    let plan = plan_for(vec![kylie, still_open], 30);
    assert!(
        of(&plan, 1).iter().all(|p| !p.suggestion.contains("SLD")),
        "{:?}",
        of(&plan, 1)
    );
    assert!(
        of(&plan, 2)
            .iter()
            .any(|p| p.suggestion.contains("pricing")),
        "{:?}",
        of(&plan, 2)
    );
}

#[test]
fn news_a_shared_note_tells_of_someone_else_is_theirs_and_a_chase_skips_me() {
    let note = "Sat patrol w Robbo + Tess. Robbo's Jess due with baby #2 around 18 Dec. \
                Tess got the physio job in Melbourne.";
    let mut tess = noted(
        person(1, Circle::Network),
        InteractionKind::Meeting,
        "2026-11-21",
        note,
    );
    tess.given_name = "Tess".into();
    let mut robbo = noted(
        person(2, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-21",
        note,
    );
    robbo.given_name = "Ryan".into();
    robbo.notes = "Nickname: Robbo\nSurf club.".into();
    robbo.tags = vec!["Friends".into()];
    let mut sully = noted(
        person(3, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-23",
        "Site catch-up. Sully to get me the switchboard upgrade price by 9 Dec.",
    );
    sully.given_name = "Mick".into();
    sully.notes = "Nickname: Sully\nSite catch-up every Monday morning.".into();
    let plan = plan_for(vec![tess, robbo, sully], 60);
    assert!(
        of(&plan, 1).iter().all(|p| !p.suggestion.contains("baby")),
        "{:?}",
        of(&plan, 1)
    );
    assert!(
        of(&plan, 2).iter().any(|p| p.suggestion.contains("baby")),
        "{:?}",
        of(&plan, 2)
    );
    let chase = of(&plan, 3)
        .into_iter()
        .find(|p| p.suggestion.contains("switchboard"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 3)));
    assert!(
        chase
            .suggestion
            .contains("whether the switchboard upgrade price from Sully came in"),
        "{chase:?}"
    );
    // Seen every Monday: the chase, and no rhythm pings.
    assert!(
        of(&plan, 3)
            .iter()
            .all(|p| p.reason != Reason::Cadence || p.suggestion.contains("switchboard")),
        "{:?}",
        of(&plan, 3)
    );
}

#[test]
fn someone_the_notes_say_to_ring_is_rung_for_a_word() {
    let mut dave = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-20",
        "Site visit. Finance pre-approval due Tue 8 Dec.",
    );
    dave.notes = "Owner. Never reads email - ring him. Best after 10am.".into();
    let plan = plan_for(vec![dave], 20);
    let ping = of(&plan, 1)[0];
    assert_eq!(ping.action, InteractionKind::Call, "{ping:?}");
}

#[test]
fn colleagues_at_a_rival_leaves_weekly_teams_and_open_brackets_are_read_as_meant() {
    // An ex-colleague now at a competitor, met at its booth: no follow-up.
    let mut kyle = at_event(
        person(1, Circle::Network),
        "2026-11-24",
        "Summit",
        "Saw him at the booth, small talk.",
    );
    kyle.notes = "Ex-colleague from Symantec days. Now AE at SentinelOne - competitor.".into();
    // Parental leave that starts on a day and runs most of a year.
    let priya = noted(
        person(2, Circle::Core),
        InteractionKind::Email,
        "2026-11-24",
        "Her mat leave starts Dec 18 (back Sept 2027). Jordan takes over her book.",
    );
    // A weekly sync and a weekly game: no rhythm pings.
    let mut marcus = person(3, Circle::Core);
    marcus.notes = "My SE. Weekly pipeline sync Thursdays 10am.".into();
    let mut donno = noted(
        person(4, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-24",
        "Tues game. Barrie tourney - e-transfer him $85 by Dec 18 to hold our spot.",
    );
    donno.notes = "Hockey captain. We play every Tuesday night at Leaside Arena.".into();
    // A bracket the note opened and did not close ends the name.
    let linda = noted(
        person(5, Circle::Network),
        InteractionKind::Email,
        "2026-11-27",
        "Asked her to hold 60 min w/ Farah w/o Jan 11 for exec review (after board).",
    );
    let plan = plan_for(vec![kyle, priya, marcus, donno, linda], 75);
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    for p in of(&plan, 2) {
        assert!(p.date < d("2026-12-18"), "{p:?}");
    }
    assert!(of(&plan, 3).is_empty(), "{:?}", of(&plan, 3));
    // The to-do is quoted before its day, never asked about as news; no
    // other ping comes.
    let donno = of(&plan, 4);
    assert_eq!(donno.len(), 1, "{donno:?}");
    assert!(
        donno[0]
            .suggestion
            .starts_with("Before Fri 18 Dec, do what your note says"),
        "{donno:?}"
    );
    for p in of(&plan, 5) {
        assert_eq!(
            p.suggestion.matches('(').count(),
            p.suggestion.matches(')').count(),
            "{p:?}"
        );
    }
}

#[test]
fn the_contact_s_own_dated_news_is_said_as_a_thing() {
    let mut jess = noted(
        person(1, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-12",
        "Book club at mine. Jess starts at Shopify 30 Nov - nervous.",
    );
    jess.given_name = "Jess".into();
    jess.tags = vec!["Friends".into()];
    let plan = plan_for(vec![jess], 30);
    let asked = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("Shopify"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 1)));
    assert!(
        asked
            .suggestion
            .contains("how the start at Shopify on 30 Nov went"),
        "{asked:?}"
    );
}

#[test]
fn news_of_someone_the_book_does_not_hold_is_the_contact_s_own() {
    // Sophie is not in the book: her graduation is her father's news.
    let mut mark = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Quick call re renewal. Sophie's graduation on 11 Dec, he's flying to Galway for it.",
    );
    mark.given_name = "Mark".into();
    let plan = plan_for(vec![mark], 60);
    assert!(
        of(&plan, 1)
            .iter()
            .any(|p| p.suggestion.contains("graduation")),
        "{:?}",
        of(&plan, 1)
    );
}

#[test]
fn news_asked_about_near_a_birthday_or_a_promise_is_not_a_second_ping_that_day() {
    // The op is on Mon 7 Dec; a ping two days after it would fall on her
    // birthday, which has its own ping.
    let mut rosa = noted(
        person(7, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Call re pilot. Her hip op is on Mon 7 Dec, off for two weeks after.",
    );
    rosa.birthday = Some("1979-12-09".parse::<Birthday>().unwrap());
    let mut tariq = noted(
        person(8, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Call re pilot. His knee op is on Mon 7 Dec, off for two weeks after.",
    );
    tariq.open_promises = vec![PromiseFacts {
        id: 5,
        text: "Send the pilot report".into(),
        due: d("2026-12-09"),
    }];
    let plan = plan_for(vec![rosa, tariq], 40);
    // On the birthday, the wish asks after the op; beside a promise, the
    // question comes on another day.
    for (id, op) in [(7, "hip"), (8, "knee")] {
        let pings = of(&plan, id);
        assert!(pings.iter().any(|p| p.suggestion.contains(op)), "{pings:?}");
        let mut days: Vec<_> = pings.iter().map(|p| p.date).collect();
        days.dedup();
        assert_eq!(days.len(), pings.len(), "{pings:?}");
    }
}

#[test]
fn a_promise_early_in_the_morning_is_pinged_the_day_before() {
    let mut dad = person(3, Circle::Inner);
    dad.open_promises = vec![PromiseFacts {
        id: 9,
        text: "Drive Dad + Mam to the hospital for the knee op - 7am".into(),
        due: d("2026-12-09"),
    }];
    let mut later = person(4, Circle::Core);
    later.open_promises = vec![PromiseFacts {
        id: 10,
        text: "Send the pilot report by 11am".into(),
        due: d("2026-12-09"),
    }];
    let plan = plan_for(vec![dad, later], 30);
    let drive = of(&plan, 3)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert_eq!(drive.date, d("2026-12-08"), "{drive:?}");
    assert!(
        drive
            .why
            .ends_with("early that day: today is the day to get ready."),
        "{drive:?}"
    );
    let send = of(&plan, 4)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert_eq!(send.date, d("2026-12-09"));
}

#[test]
fn someone_who_never_answers_the_phone_gets_no_call_and_a_card_is_never_sent_on_the_day() {
    let mut sister = person(5, Circle::Inner);
    sister.notes = "Sister, Boston. WhatsApp only - never answers the phone.".into();
    sister.tags = vec!["Family".into()];
    sister.birthday = Some("1984-12-18".parse::<Birthday>().unwrap());
    sister.record_interaction(InteractionKind::Message, d("2026-11-15"), None, 5001);
    let plan = plan_for(vec![sister], 365);
    let pings = of(&plan, 5);
    let birthday = pings
        .iter()
        .find(|p| p.reason == Reason::Birthday)
        .expect("a birthday ping");
    assert_eq!(birthday.date, d("2026-12-18"));
    assert!(!birthday.suggestion.contains("card"), "{birthday:?}");
    for p in &pings {
        assert!(!p.suggestion.to_lowercase().contains("call"), "{p:?}");
    }
}

#[test]
fn what_a_colleague_in_the_book_wants_by_a_day_is_owed_to_them_not_to_the_contact() {
    let note = "Board mtg 15 Dec approves capex. Paul wants 5yr managed service pricing + ROI \
                by 8 Dec to compare. Siobhan confident but a rival is bidding too";
    let siobhan = || {
        let mut c = noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-24",
            note,
        );
        c.given_name = "Siobhan".into();
        c
    };
    let mut paul = person(2, Circle::Network);
    paul.given_name = "Paul".into();
    let owed_to_her = |plan: &super::Plan| {
        of(plan, 1)
            .iter()
            .any(|p| p.suggestion.contains("managed service pricing"))
    };
    // Paul is in the book: the pricing is his.
    let plan = plan_for(vec![siobhan(), paul], 30);
    assert!(!owed_to_her(&plan), "{:?}", of(&plan, 1));
    // Without him, the note's only reader is Siobhan's card.
    let plan = plan_for(vec![siobhan()], 30);
    assert!(owed_to_her(&plan), "{:?}", of(&plan, 1));
}

#[test]
fn a_long_retired_contact_is_wished_no_retirement_and_asked_no_quarter() {
    let mut colm = noted(
        person(6, Circle::Acquaintance),
        InteractionKind::Message,
        "2026-08-28",
        "Colm msg - retired life good, golf 4 days a wk",
    );
    colm.company = Some("Retired".into());
    let plan = plan_for(vec![colm], 365);
    let pings = of(&plan, 6);
    assert!(!pings.is_empty());
    for p in &pings {
        assert!(
            !p.suggestion.contains("retirement") && !p.suggestion.contains("quarter"),
            "{p:?}"
        );
    }
}

#[test]
fn someone_else_s_absence_in_a_note_is_not_the_contact_s() {
    let mut thomas = noted(
        person(1, Circle::Core),
        InteractionKind::Call,
        "2026-11-20",
        "Kaltenbach: Michael is off 21 Dec - 8 Jan, Thomas says budget decision in January",
    );
    thomas.given_name = "Thomas".into();
    let plan = plan_for(vec![thomas], 60);
    let pings = of(&plan, 1);
    assert!(!pings.is_empty());
    for p in &pings {
        assert!(
            !p.suggestion.contains("Michael") && !p.why.contains("away"),
            "{p:?}"
        );
    }
}

#[test]
fn a_december_ping_of_a_contact_with_a_christmas_custom_speaks_of_it_first() {
    let mut alessandro = noted(
        person(2, Circle::Core),
        InteractionKind::Meeting,
        "2026-11-20",
        "Line 3 offer v2 discussion. Plant visit fixed Wed 20 Jan.",
    );
    alessandro.notes =
        "Our biggest account. Every Christmas I bring him a panettone artigianale in person."
            .into();
    alessandro.open_promises = vec![PromiseFacts {
        id: 11,
        text: "Send the agenda for the plant visit".into(),
        due: d("2027-01-15"),
    }];
    let plan = plan_for(vec![alessandro], 40);
    let december: Vec<_> = of(&plan, 2)
        .into_iter()
        .filter(|p| p.date >= d("2026-12-01") && p.date <= d("2026-12-19"))
        .collect();
    assert!(
        december
            .first()
            .is_some_and(|p| p.suggestion.contains("Christmas gift")),
        "{december:?}"
    );
}

#[test]
fn someone_best_reached_by_phone_gets_no_comment_on_a_post() {
    let mut walter = noted(
        person(3, Circle::Network),
        InteractionKind::Call,
        "2026-09-16",
        "Gentile biscuits, they want a visit in the autumn",
    );
    walter.notes = "Agent, old school, 66. Calls, not email.".into();
    walter.company = Some("Agenzia Ferrero".into());
    let plan = plan_for(vec![walter], 730);
    let pings = of(&plan, 3);
    assert!(pings.len() > 3, "{pings:?}");
    for p in &pings {
        assert_ne!(p.action, InteractionKind::Social, "{p:?}");
    }
}

#[test]
fn news_is_asked_about_the_day_after_even_soon_after_another_ping() {
    // Papà's op is on Tue 12 Jan; a rhythm ping comes before Christmas.
    let mut papa = noted(
        person(5, Circle::Inner),
        InteractionKind::Call,
        "2026-11-22",
        "Hip replacement op confirmed 12 Jan at the hospital.",
    );
    papa.given_name = "Franco".into();
    papa.tags = vec!["Family".into()];
    let plan = plan_for(vec![papa], 60);
    let ask = of(&plan, 5)
        .into_iter()
        .find(|p| p.suggestion.contains("hip replacement op on 12 Jan went"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 5)));
    assert_eq!(ask.date, d("2027-01-13"), "{ask:?}");
    // "Doesn't do email, ring him": a word to him is a call, and says so.
    let mut ring = noted(
        person(6, Circle::Inner),
        InteractionKind::Call,
        "2026-11-22",
        "Hip replacement op confirmed 12 Jan at the hospital.",
    );
    ring.notes = "Papa. Bergamo. Doesnt do email, ring him".into();
    ring.tags = vec!["Family".into()];
    let plan = plan_for(vec![ring], 60);
    for p in of(&plan, 6) {
        assert!(!p.suggestion.starts_with("Write to"), "{p:?}");
        if p.action == InteractionKind::Call {
            assert!(!p.suggestion.starts_with("Send "), "{p:?}");
        }
    }
}

#[test]
fn a_promise_to_set_something_up_is_pinged_a_week_ahead() {
    let mut holly = person(7, Circle::Core);
    holly.given_name = "Holly".into();
    holly.open_promises = vec![PromiseFacts {
        id: 12,
        text: "Set up the demo for Holly's team w/ Marcus".into(),
        due: d("2026-12-11"),
    }];
    // Due in three days: today.
    let mut tom = person(8, Circle::Core);
    tom.open_promises = vec![PromiseFacts {
        id: 13,
        text: "Schedule the reference call with Derek".into(),
        due: d("2026-11-30"),
    }];
    // References need the referees' yes; a crew booked, the crew's time.
    let mut ahmed = person(9, Circle::Core);
    ahmed.open_promises = vec![PromiseFacts {
        id: 14,
        text: "Send Ahmed 2 hospital references - RMH + Barwon".into(),
        due: d("2026-12-11"),
    }];
    let mut paul = person(10, Circle::Core);
    paul.open_promises = vec![PromiseFacts {
        id: 15,
        text: "Book commissioning crew - Macca + Tran".into(),
        due: d("2026-12-11"),
    }];
    // Refs to find, a van to borrow: others' time too.
    let mut raj = person(11, Circle::Core);
    raj.open_promises = vec![PromiseFacts {
        id: 16,
        text: "send Raj 2 customer refs (Helen @ Halden + ?) - warn Helen first".into(),
        due: d("2026-12-11"),
    }];
    let mut ellie = person(12, Circle::Core);
    ellie.open_promises = vec![PromiseFacts {
        id: 17,
        text: "help Ellie move - ask Chris re borrowing his mate's van".into(),
        due: d("2026-12-11"),
    }];
    // Someone else's word comes first: a sign-off, an input.
    let mut claudia = person(13, Circle::Core);
    claudia.open_promises = vec![PromiseFacts {
        id: 18,
        text: "Send Claudia the 2027 price sheet - needs Frank's sign-off first".into(),
        due: d("2026-12-11"),
    }];
    let mut mehmet = person(14, Circle::Core);
    mehmet.open_promises = vec![PromiseFacts {
        id: 19,
        text: "Send Mehmet the servo sizing (need Yvonne's input)".into(),
        due: d("2026-12-11"),
    }];
    // A thing sent on its own is sent on its day, a form named for an
    // approval too.
    let mut ola = person(15, Circle::Core);
    ola.open_promises = vec![PromiseFacts {
        id: 20,
        text: "Send the first draft of the SOW".into(),
        due: d("2026-12-11"),
    }];
    let mut ana = person(16, Circle::Core);
    ana.open_promises = vec![PromiseFacts {
        id: 21,
        text: "Send the approval form".into(),
        due: d("2026-12-11"),
    }];
    let plan = plan_for(
        vec![
            holly, tom, ahmed, paul, raj, ellie, claudia, mehmet, ola, ana,
        ],
        30,
    );
    let promise = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.reason == Reason::Promise)
            .unwrap_or_else(|| panic!("{:?}", of(&plan, id)))
    };
    let demo = promise(7);
    assert_eq!(demo.date, d("2026-12-04"), "{demo:?}");
    assert!(demo.why.ends_with("today is the day to start."), "{demo:?}");
    assert_eq!(promise(8).date, today(), "{:?}", promise(8));
    assert_eq!(promise(9).date, d("2026-12-04"), "{:?}", promise(9));
    assert_eq!(promise(10).date, d("2026-12-04"), "{:?}", promise(10));
    assert_eq!(promise(11).date, d("2026-12-04"), "{:?}", promise(11));
    assert_eq!(promise(12).date, d("2026-12-04"), "{:?}", promise(12));
    assert_eq!(promise(13).date, d("2026-12-04"), "{:?}", promise(13));
    assert_eq!(promise(14).date, d("2026-12-04"), "{:?}", promise(14));
    assert_eq!(promise(15).date, d("2026-12-11"), "{:?}", promise(15));
    assert_eq!(promise(16).date, d("2026-12-11"), "{:?}", promise(16));
}

#[test]
fn a_promise_without_a_known_verb_is_said_as_written_and_a_present_as_the_users_plan() {
    let promise = |text: &str, tags: &[&str]| {
        let mut c = noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-20",
            "Roadmap questions.",
        );
        c.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        c.open_promises.push(PromiseFacts {
            id: 5,
            text: text.into(),
            due: d("2026-12-03"),
        });
        promise_ping(c)
    };
    let find_out = promise("Find out the connector GA date from PM and tell Tariq", &[]);
    assert_eq!(
        find_out.suggestion,
        "Find out the connector GA date from PM and tell Tariq, as promised."
    );
    assert!(
        find_out
            .why
            .starts_with("You promised to find out the connector GA date"),
        "{find_out:?}"
    );
    let plan = promise("FY27 territory plan", &[]);
    assert_eq!(
        plan.suggestion,
        "Send Tariq the FY27 territory plan, as promised."
    );
    // A present named without a verb is seen to, and the why does not
    // say it was promised to them.
    let gift = promise(
        "Thank-you gift for Tariq (Blanton's) for the ref calls",
        &[],
    );
    assert_eq!(
        gift.suggestion,
        "See to the thank-you gift for Tariq (Blanton's) for the ref calls."
    );
    assert!(
        gift.why.starts_with("You planned the thank-you gift"),
        "{gift:?}"
    );
    assert_eq!(gift.action, InteractionKind::Gift);
    // A call promised to family is that call, with no "next step" to agree.
    let call = promise("Call Tariq the evening after his surgery", &["Family"]);
    assert_eq!(
        call.suggestion,
        "Call Tariq the evening after his surgery, as you promised."
    );
}

#[test]
fn a_wedding_months_ahead_is_not_congratulated_yet() {
    for note in [
        "Samira getting married!! April 2027 in Jaipur. I'm invited, need to book",
        "Lobola negotiations done!! Wedding 24 Apr 2027",
    ] {
        let c = noted(
            person(1, Circle::Network),
            InteractionKind::Call,
            "2026-08-20",
            note,
        );
        let plan = plan_for(vec![c], 90);
        for p in of(&plan, 1) {
            assert!(!p.suggestion.contains("on the wedding"), "{note}: {p:?}");
        }
    }
}

#[test]
fn a_follow_up_to_someone_known_before_the_event_does_not_say_good_to_meet() {
    // Twenty people met before and seen again at the expo, twenty met there.
    let contacts: Vec<ContactFacts> = (1..=40)
        .map(|i| {
            let mut c = person(i, Circle::Network);
            if i <= 20 {
                c.record_interaction(InteractionKind::Call, d("2025-09-17"), None, i * 1000 + 1);
            }
            at_event(c, "2026-11-24", "Expo", "")
        })
        .collect();
    let plan = plan_for(contacts, 10);
    let first_notes = |known: bool| -> Vec<String> {
        plan.pings
            .iter()
            .filter(|p| p.reason == Reason::FollowUp && (p.contact_id <= 20) == known)
            .map(|p| p.suggestion.clone())
            .collect()
    };
    let known = first_notes(true);
    assert_eq!(known.len(), 20, "{known:?}");
    assert!(
        known.iter().all(|s| !s.contains("good to meet")),
        "{known:?}"
    );
    assert!(
        known.iter().any(|s| s.contains("good to see you again")),
        "{known:?}"
    );
    let new = first_notes(false);
    assert!(new.iter().any(|s| s.contains("good to meet")), "{new:?}");
}

#[test]
fn a_title_in_the_first_name_is_left_out_of_the_greeting() {
    // LinkedIn exports "Dr. Ulrich" as the first name.
    let mut doctor = ContactFacts::new(
        1,
        "Dr. Ulrich Baumann",
        Circle::Acquaintance,
        d("2024-10-03"),
    );
    doctor.given_name = "Dr. Ulrich".into();
    doctor.source = Some(Source::Linkedin);
    doctor.company = Some("Fraunhofer IML".into());
    doctor.title = Some("Gruppenleiter Lagerlogistik".into());
    let plan = plan_for(vec![doctor], 365);
    let first = of(&plan, 1)[0];
    assert!(first.suggestion.contains("Ulrich"), "{first:?}");
    assert!(!first.suggestion.contains("Dr."), "{first:?}");
}

#[test]
fn family_added_without_history_is_called_on_the_birthday_and_gets_no_linkedin_chores() {
    use super::tests::born;
    // The user's father, put in the inner circle, nothing logged: family
    // talk is rarely logged, and he is still called on his 65th.
    let mut dad = born(
        ContactFacts::new(1, "Seán Brennan", Circle::Inner, d("2025-01-01")),
        "1962-01-15",
    );
    dad.given_name = "Seán".into();
    let plan = plan_for(vec![dad], 365);
    let birthday = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .expect("a birthday ping");
    assert!(birthday.suggestion.starts_with("Call Seán"), "{birthday:?}");
    // Nobody without an employer on the card is asked for a LinkedIn
    // recommendation.
    for p in of(&plan, 1) {
        assert!(!p.suggestion.contains("LinkedIn"), "{p:?}");
    }
}

#[test]
fn someone_who_only_liked_a_post_gets_a_first_real_hello_not_a_catch_up() {
    let mut dara = ContactFacts::new(1, "Dara Fitzgerald", Circle::Acquaintance, d("2026-06-18"));
    dara.source = Some(Source::Linkedin);
    dara.title = Some("Senior Recruiter".into());
    dara.record_interaction(InteractionKind::Social, d("2026-06-20"), None, 1000);
    dara.last_note = Some(NoteFacts {
        date: d("2026-06-20"),
        kind: InteractionKind::Social,
        text: "Liked my Multimodal post.".into(),
        event: None,
    });
    let plan = plan_for(vec![dara], 200);
    let first = of(&plan, 1)[0];
    assert_ne!(first.label(), "catch up", "{first:?}");
    assert!(first.why.contains("you have not talked yet"), "{first:?}");
    assert!(!first.why.contains("reconnect"), "{first:?}");
}

#[test]
fn a_teammate_hears_about_the_work_not_about_a_hobby() {
    use super::tests::plan_for;
    let mut boss = person(1, Circle::Core);
    boss.notes = "My manager. Weekly 1:1 Mondays.".into();
    boss.company = Some("Sentrel Security".into());
    // A teammate with a hobby and no note: a word about the work you share.
    let mut csm = person(2, Circle::Network);
    csm.company = Some("Sentrel Security".into());
    csm.interests = vec!["baking".into(), "wine".into()];
    let csm = noted(
        csm,
        InteractionKind::Call,
        "2026-06-17",
        "Account handover done.",
    );
    // A customer with the same hobbies still gets them.
    let mut client = person(3, Circle::Network);
    client.company = Some("Ardmore Foods".into());
    client.interests = vec!["baking".into(), "wine".into()];
    let plan = plan_for(vec![boss, csm, client], 365);
    let teammate: Vec<_> = plan.pings.iter().filter(|p| p.contact_id == 2).collect();
    assert!(!teammate.is_empty());
    for p in &teammate {
        let text = p.suggestion.to_lowercase();
        assert!(
            !text.contains("baking") && !text.contains("wine") && !text.contains("post"),
            "{p:?}"
        );
        assert!(!text.contains("sentrel"), "{p:?}");
    }
    assert!(
        teammate
            .iter()
            .any(|p| p.suggestion.contains("where you could help each other")),
        "{teammate:?}"
    );
    assert!(
        plan.pings
            .iter()
            .filter(|p| p.contact_id == 3)
            .any(|p| p.suggestion.contains("baking") || p.suggestion.contains("wine")),
        "{:?}",
        plan.pings
    );
}

#[test]
fn a_cold_email_left_unanswered_long_ago_gets_a_second_try_not_new_year_wishes() {
    use super::snapshot::Snapshot;
    // A note older than the planner reads in full is still the latest one.
    let mut cold = person(2, Circle::Acquaintance);
    cold.company = Some("Atlantic Ferries".into());
    cold.record_interaction(InteractionKind::Email, d("2026-02-11"), None, 2000);
    cold.old_last_note = Some(NoteFacts {
        date: d("2026-02-11"),
        kind: InteractionKind::Email,
        text: "Cold email re EDR consolidation - no reply.".into(),
        event: None,
    });
    let plan = super::plan(
        d("2026-12-02"),
        &Snapshot {
            contacts: vec![cold],
        },
        &super::settings::PlannerSettings::default(),
        120,
    );
    let first = plan.pings.first().expect("a ping");
    assert!(
        first.suggestion.contains("new angle") && !first.suggestion.contains("New Year"),
        "{first:?}"
    );
    assert!(
        first
            .why
            .starts_with("Your email to Ines on 11 Feb 2026 had no reply"),
        "{first:?}"
    );
}

#[test]
fn a_quote_goes_by_email_with_a_heads_up_to_someone_who_only_prefers_whatsapp() {
    let client = |card: &str| {
        let mut mark = noted(
            person(1, Circle::Core),
            InteractionKind::Call,
            "2026-11-20",
            "Renewal due 28 Feb. Wants the renewal quote by 15 Jan.",
        );
        mark.notes = card.to_owned();
        mark.open_promises.push(PromiseFacts {
            id: 5,
            text: "Send renewal quote incl identity module".into(),
            due: d("2026-12-08"),
        });
        mark
    };
    let quote = promise_ping(client("Champion. Prefers WhatsApp for quick stuff."));
    assert_eq!(
        quote.suggestion,
        "Send Tariq the renewal quote incl identity module, as promised, by email, with a heads-up by a WhatsApp message."
    );
    assert_eq!(quote.action, InteractionKind::Email);
    // Email does not reach them: the quote goes on WhatsApp.
    let quote = promise_ping(client("Never reads email, WhatsApp only."));
    assert!(
        quote.suggestion.ends_with("on WhatsApp rather than email."),
        "{quote:?}"
    );
    // A friend's plan is no document to keep: on WhatsApp.
    let mut jo = person(1, Circle::Core);
    jo.notes = "Prefers WhatsApp.".into();
    jo.tags = vec!["friend".into()];
    jo.open_promises.push(PromiseFacts {
        id: 6,
        text: "Send Jo the hen party plan".into(),
        due: d("2026-12-08"),
    });
    let plan = promise_ping(jo);
    assert!(
        plan.suggestion.ends_with("on WhatsApp rather than email."),
        "{plan:?}"
    );
}

#[test]
fn no_word_of_luck_on_the_day_itself_and_the_call_after_still_comes() {
    use super::snapshot::Snapshot;
    let mum = mum_before_surgery();
    // The days before are full: one ping a day, taken by promises.
    let busy: Vec<ContactFacts> = (2..=4)
        .map(|id| {
            let mut c = person(id, Circle::Core);
            c.open_promises = vec![PromiseFacts {
                id: id * 10,
                text: "Send the signed order form".into(),
                due: d(["2026-12-11", "2026-12-14", "2026-12-10"][(id - 2) as usize]),
            }];
            c
        })
        .collect();
    let settings = super::settings::PlannerSettings {
        daily_cap: 1,
        ..super::settings::PlannerSettings::default()
    };
    let mut contacts = vec![mum];
    contacts.extend(busy);
    let plan = super::plan(today(), &Snapshot { contacts }, &settings, 40);
    let pings = of(&plan, 1);
    assert!(pings.iter().all(|p| p.date != d("2026-12-15")), "{pings:?}");
    assert!(
        pings
            .iter()
            .any(|p| p.date > d("2026-12-15") && p.suggestion.contains("how the cataract surgery")),
        "{pings:?}"
    );
}

#[test]
fn a_promise_that_waits_on_someone_asks_for_that_first() {
    let waiting = |text: &str, due: &str| {
        let mut c = person(1, Circle::Core);
        c.open_promises.push(PromiseFacts {
            id: 7,
            text: text.into(),
            due: d(due),
        });
        promise_ping(c)
    };
    let early = waiting(
        "Send the revised price sheet - needs Frank's sign-off first",
        "2026-12-11",
    );
    assert_eq!(early.date, d("2026-12-04"), "{early:?}");
    assert_eq!(
        early.suggestion,
        "Ask now for what your promise to Tariq waits on (your note: \u{201c}needs Frank's sign-off first\u{201d}), so the revised price sheet can go by Fri 11 Dec."
    );
    let late = waiting(
        "Send the servo sizing - Yvonne has to do the sizing first",
        "2026-11-20",
    );
    assert_eq!(
        late.suggestion,
        "Your promise of the servo sizing to Tariq waits on someone else (your note: \u{201c}Yvonne has to do the sizing first\u{201d}): chase that today, and give Tariq an honest new date."
    );
    // A call keeps its own sentence, with the note after it.
    let call = waiting(
        "Call Tariq after his budget meeting - check with Frank first",
        "2026-12-11",
    );
    assert!(call.suggestion.starts_with("Call Tariq"), "{call:?}");
    assert!(
        call.suggestion
            .ends_with("Your note: \u{201c}check with Frank first\u{201d}."),
        "{call:?}"
    );
}
