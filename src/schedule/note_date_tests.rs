//! Tests of the days notes name: numeric dates read the way the user's
//! region writes them, deadlines the ping speaks of, the end of an absence
//! (no news to ask about), appointments with a doctor (news, for the
//! relative whose it is) and deadlines named in an earlier note.

use super::holidays::HolidayRegion;
use super::settings::PlannerSettings;
use super::snapshot::Snapshot;
use super::tests::{d, noted, of, person, today};
use super::{plan, Plan};
use crate::model::Circle;

fn plan_in(region: &str, contacts: Vec<super::snapshot::ContactFacts>, days: u32) -> Plan {
    let settings = PlannerSettings {
        holidays: HolidayRegion::load(region),
        ..PlannerSettings::default()
    };
    plan(today(), &Snapshot { contacts }, &settings, days)
}

#[test]
fn numeric_dates_in_notes_are_read_the_way_the_region_writes_them() {
    let champion = || {
        noted(
            person(1, Circle::Core),
            "2026-11-20",
            "POC wrapped. Board mtg 12/8 approves capex.",
        )
    };
    // In the United States, 12/8 is 8 December: a word before the board.
    let us = plan_in("US", vec![champion()], 60);
    let first = of(&us, 1)[0];
    assert!(
        first.date < d("2026-12-08") && first.suggestion.contains("the board mtg on"),
        "{first:?}"
    );
    assert!(first.why.contains("Tue 8 Dec"), "{first:?}");
    // In Britain it is 12 August, months away: no ping for it now.
    let gb = plan_in("GB", vec![champion()], 60);
    assert!(
        of(&gb, 1)
            .iter()
            .all(|p| !p.suggestion.to_lowercase().contains("board")),
        "{:?}",
        of(&gb, 1)
    );
    // A date that reads one way only is read everywhere.
    let gb = plan_in(
        "GB",
        vec![noted(
            person(1, Circle::Core),
            "2026-11-20",
            "POC wrapped. Board mtg 17/12 approves capex.",
        )],
        60,
    );
    let first = of(&gb, 1)[0];
    assert!(
        first.date < d("2026-12-17") && first.suggestion.contains("the board mtg on"),
        "{first:?}"
    );
}

#[test]
fn the_end_of_a_leave_is_no_news_and_a_doctor_s_appointment_is() {
    let leave = noted(
        person(1, Circle::Network),
        "2026-11-17",
        "Baby girl born 11/16! Chris on paternity leave until 1/4; SSO questions wait till he's back.",
    );
    // One family note, logged with Mom and with a sister: Mom's news.
    let family_note = "Thanksgiving at Beth's. Mom seeing the ortho about her knee 12/8.";
    let mut mum = noted(person(2, Circle::Inner), "2026-11-26", family_note);
    mum.notes = "Mom. Indianapolis.".into();
    let mut sister = noted(person(3, Circle::Inner), "2026-11-26", family_note);
    sister.notes = "Sister. Naperville.".into();
    let plan = plan_in("US", vec![leave, mum, sister], 90);
    for p in of(&plan, 3) {
        assert!(!p.suggestion.contains("ortho"), "{p:?}");
    }
    for p in of(&plan, 1) {
        assert!(
            !p.suggestion.contains("paternity leave") && !p.why.contains("paternity leave"),
            "{p:?}"
        );
        assert!(p.date >= d("2027-01-04"), "held while away: {p:?}");
    }
    let after = of(&plan, 2)[0];
    assert!(
        (d("2026-12-09")..=d("2026-12-14")).contains(&after.date)
            && after.suggestion.contains("ortho about her knee"),
        "{after:?}"
    );
}

#[test]
fn a_deadline_in_an_earlier_note_still_brings_its_ping_unless_a_later_note_moves_or_settles_it() {
    use super::snapshot::NoteFacts;
    use crate::model::InteractionKind;
    let with_earlier = |id: i64, last: &str| {
        let mut c = noted(person(id, Circle::Network), "2026-11-24", last);
        c.dated_notes.push(NoteFacts {
            date: d("2026-11-18"),
            kind: InteractionKind::Meeting,
            text: "POC wrapped. Board mtg 12/17 approves capex.".into(),
            event: None,
        });
        c
    };
    let plan = plan_in(
        "US",
        vec![
            with_earlier(1, "Sent the draft order form."),
            with_earlier(2, "Board moved to 1/12, CFO away."),
            with_earlier(3, "Signed! Kickoff in January."),
        ],
        60,
    );
    let board = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("board mtg"))
        .expect("the board named in the earlier note brings a ping");
    assert!(
        (d("2026-12-08")..d("2026-12-17")).contains(&board.date),
        "{board:?}"
    );
    assert!(board.why.contains("Your note of 18 Nov"), "{board:?}");
    for id in [2, 3] {
        for p in of(&plan, id) {
            assert!(!p.suggestion.contains("17 Dec"), "{p:?}");
        }
    }
}

#[test]
fn what_a_note_says_is_owed_by_a_day_is_the_ping_before_it() {
    // today() is Mon 30 Nov 2026.
    let book = vec![
        noted(
            person(1, Circle::Network),
            "2026-11-20",
            "Access plan + keyholder list needed from us by 16/12. Office closes 18/12.",
        ),
        noted(
            person(2, Circle::Network),
            "2026-11-12",
            "Tony: pricing for MH due to me by 7/12.",
        ),
        noted(
            person(3, Circle::Network),
            "2026-11-27",
            "Hold Wed 16 Dec 2pm for the committee debrief. Need to confirm by 4/12 or she releases it.",
        ),
    ];
    let plan = plan_in("AU-VIC", book, 60);
    // What the user owes: sent, by name, a week before its day.
    let send = of(&plan, 1)[0];
    assert!(
        send.date < d("2026-12-16")
            && send
                .suggestion
                .contains("the access plan + keyholder list by Wed 16 Dec"),
        "{send:?}"
    );
    assert!(send.why.contains("you owe"), "{send:?}");
    // What the contact owes: asked after on its day, never "ahead of the Tony: …".
    let chase = of(&plan, 2)[0];
    assert_eq!(chase.date, d("2026-12-07"), "{chase:?}");
    assert!(
        chase
            .suggestion
            .contains("the pricing for MH from Person came in as promised for Mon 7 Dec"),
        "{chase:?}"
    );
    assert!(!chase.suggestion.contains("Tony:"), "{chase:?}");
    // A to-do a week after the note: it comes before its day, though the
    // note is three days old, and says what the user wrote as the to-do.
    let todo = of(&plan, 3)[0];
    assert!(todo.date < d("2026-12-04"), "{todo:?}");
    assert!(
        todo.suggestion
            .ends_with("for Person: confirm by 4 Dec or she releases it."),
        "{todo:?}"
    );
}

#[test]
fn a_yearly_christmas_custom_on_the_card_is_seen_to_in_early_december() {
    let mut aunt = noted(
        person(1, Circle::Core),
        "2026-08-15",
        "Long call about the summer.",
    );
    aunt.notes = "Mum's sister in Kraków. Christmas card (in Polish) every year, must arrive before Wigilia. Landline only.".into();
    let mut customer = noted(
        person(2, Circle::Network),
        "2026-09-20",
        "Site visit, all fine.",
    );
    customer.notes =
        "Happy customer. Gets a Christmas hamper every year, which I deliver in person.".into();
    let mut supplier = noted(person(3, Circle::Network), "2026-09-20", "Quote received.");
    supplier.notes = "HVAC subbie. Sends a slab every Christmas.".into();
    let plan = plan_in("GB", vec![aunt, customer, supplier], 60);
    let seen_to = |id: i64| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.suggestion.contains("Christmas"))
            .map(|p| (p.date, p.suggestion.clone()))
            .collect::<Vec<_>>()
    };
    // A card that goes by post comes early in December, once, quoting the card.
    let card = seen_to(1);
    assert_eq!(card.len(), 1, "{card:?}");
    assert!(
        card[0].0 >= d("2026-12-01") && card[0].0 <= d("2026-12-10"),
        "{card:?}"
    );
    assert!(card[0].1.contains("Christmas card (in Polish)"), "{card:?}");
    let hamper = seen_to(2);
    assert_eq!(hamper.len(), 1, "{hamper:?}");
    assert!(
        hamper[0].0 >= d("2026-12-07") && hamper[0].0 < d("2026-12-19"),
        "{hamper:?}"
    );
    assert!(hamper[0].1.contains("Christmas hamper"), "{hamper:?}");
    // What the contact gives the user is no custom of the user's.
    assert!(seen_to(3).is_empty(), "{:?}", seen_to(3));
}

#[test]
fn a_christmas_card_is_seen_to_for_a_late_contact_whose_catch_up_waits_for_january() {
    // Network, last called in August: late, and a business catch-up may
    // keep out of the year-end weeks (by where its phase falls); the card
    // does not wait for it, whatever the phase.
    let mentor = |id: i64| {
        let mut mentor = noted(
            person(id, Circle::Network),
            "2026-08-18",
            "Called on the landline. Hip better.",
        );
        mentor.notes = "Retired, my first big customer. Christmas card every year by post, \
                        must arrive before Christmas."
            .into();
        mentor
    };
    let plan = plan_in("US", (1..=12).map(mentor).collect(), 60);
    for id in 1..=12 {
        let card: Vec<_> = of(&plan, id)
            .into_iter()
            .filter(|p| p.suggestion.contains("Christmas card"))
            .collect();
        assert_eq!(card.len(), 1, "{:?}", of(&plan, id));
        assert!(card[0].date <= d("2026-12-10"), "{card:?}");
    }
}

#[test]
fn news_in_an_earlier_note_outlives_a_later_note_naming_the_same_person() {
    // The later note names Basti too ("Basti is in for…"): his name is no
    // word of the surgery, so the surgery is still asked about.
    let mut basti = noted(
        person(1, Circle::Inner),
        "2026-11-21",
        "Emil's party is Sun 27.12. Basti is in for the Christmas market evening on Thu 17.12.",
    );
    basti.given_name = "Basti".into();
    basti.dated_notes.push(super::snapshot::NoteFacts {
        date: d("2026-11-06"),
        kind: crate::model::InteractionKind::Call,
        text: "Basti's shoulder surgery (rotator cuff) is on Fri 04.12. at the Isar Klinikum."
            .into(),
        event: None,
    });
    let plan = plan_in("DE-BY", vec![basti], 40);
    let after = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("shoulder surgery"))
        .expect("the surgery is asked about");
    assert!(
        (d("2026-12-07")..=d("2026-12-18")).contains(&after.date),
        "{after:?}"
    );
}

#[test]
fn someone_seen_every_week_gets_no_ping_before_a_deadline_but_one_for_what_is_owed() {
    let mut boss = noted(
        person(1, Circle::Core),
        "2026-11-23",
        "Jour fixe. Year-end review is Wed 16 Dec, 14:00. Needs our Q4 forecast by 11 Dec.",
    );
    boss.notes = "My manager. 1:1 every Monday.".into();
    let plan = plan_in("DE-BY", vec![boss], 40);
    let pings = of(&plan, 1);
    assert_eq!(pings.len(), 1, "{pings:?}");
    assert!(
        pings[0]
            .suggestion
            .contains("our Q4 forecast by Fri 11 Dec"),
        "{:?}",
        pings[0]
    );
}

#[test]
fn a_business_birthday_deep_in_the_users_leave_is_wished_on_the_first_day_back() {
    use super::settings::DateRange;
    use super::tests::born;
    let settings = PlannerSettings {
        holidays: HolidayRegion::load("DE-BY"),
        vacations: vec![DateRange {
            first: d("2026-12-23"),
            last: d("2027-01-06"),
        }],
        ..PlannerSettings::default()
    };
    let colleague = born(
        noted(
            person(1, Circle::Core),
            "2026-11-20",
            "Went through the drive list.",
        ),
        "1989-01-05",
    );
    let mut godson = born(
        noted(person(2, Circle::Core), "2026-11-20", "Lego afternoon."),
        "2019-12-27",
    );
    godson.notes = "My godson.".into();
    let weekend = born(
        noted(person(3, Circle::Network), "2026-11-20", "Quote sent."),
        "1970-12-12",
    );
    // Early in the leave, the last day before it is nearer than the first back.
    let early_in_leave = born(
        noted(
            person(4, Circle::Core),
            "2026-11-20",
            "Went through the I/O list.",
        ),
        "1985-12-28",
    );
    let plan = plan(
        today(),
        &Snapshot {
            contacts: vec![colleague, godson, weekend, early_in_leave],
        },
        &settings,
        60,
    );
    let wish = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.reason == super::Reason::Birthday)
            .cloned()
            .expect("a birthday ping")
    };
    // A colleague's birthday in the leave: the first working day back, belated.
    let colleague = wish(1);
    assert_eq!(colleague.date, d("2027-01-07"), "{colleague:?}");
    assert!(colleague.suggestion.contains("belated"), "{colleague:?}");
    // Family is wished on the day, leave or not; a business contact's
    // Saturday birthday is on Friday.
    assert_eq!(wish(2).date, d("2026-12-27"), "{:?}", wish(2));
    assert!(
        wish(2)
            .why
            .starts_with("Person's birthday is on Sun 27 Dec"),
        "{:?}",
        wish(2)
    );
    assert_eq!(wish(3).date, d("2026-12-11"), "{:?}", wish(3));
    assert_eq!(wish(4).date, d("2026-12-22"), "{:?}", wish(4));
    assert!(!wish(4).suggestion.contains("belated"), "{:?}", wish(4));
}

#[test]
fn a_christmas_custom_placed_in_late_november_still_speaks_of_it() {
    use super::settings::DateRange;
    // Away 1–10 December: a card that goes by post is seen to before.
    let settings = PlannerSettings {
        holidays: HolidayRegion::load("GB"),
        vacations: vec![DateRange {
            first: d("2026-12-01"),
            last: d("2026-12-10"),
        }],
        ..PlannerSettings::default()
    };
    let mut aunt = noted(person(1, Circle::Core), "2026-09-10", "Long call.");
    aunt.notes = "My aunt in Kraków. Christmas card every year, must arrive in time.".into();
    let plan = plan(
        today(),
        &Snapshot {
            contacts: vec![aunt],
        },
        &settings,
        40,
    );
    let card = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("Christmas card"))
        .expect("the card is seen to");
    assert!(card.date < d("2026-12-01"), "{card:?}");
}

#[test]
fn two_things_owed_in_one_note_each_get_their_ping() {
    let sister = noted(
        person(1, Circle::Inner),
        "2026-11-28",
        "Can I send my €300 for the voucher by Sat 05.12.? And the photos for the slideshow by 12.12.",
    );
    let plan = plan_in("DE-BY", vec![sister], 30);
    let says = |what: &str| {
        of(&plan, 1)
            .into_iter()
            .find(|p| p.suggestion.contains(what))
            .map(|p| p.date)
    };
    let money = says("your €300 for the voucher").expect("the €300 is sent");
    let photos = says("the photos for the slideshow").expect("the photos are sent");
    assert!(money < d("2026-12-05") && photos < d("2026-12-12") && money < photos);
}

#[test]
fn an_absence_written_as_a_span_of_numeric_days_keeps_pings_out_and_is_named() {
    // Core, last met in October: due in December, when she is away.
    let away = |note: &str| {
        let mut nadia = noted(person(1, Circle::Core), "2026-10-05", note);
        nadia.given_name = "Nadia".into();
        nadia
    };
    for (region, note) in [
        (
            "GB",
            "Pilot review. Nadia is off 11/12 to 6/1, covering for her is Sam.",
        ),
        ("GB", "Pilot review. Nadia off 11/12-6/1, Sam covers."),
        ("US", "Pilot review. Nadia OOO 12/11-1/6, Sam covers."),
    ] {
        let plan = plan_in(region, vec![away(note)], 90);
        let pings = of(&plan, 1);
        assert!(!pings.is_empty(), "{note}");
        for p in &pings {
            assert!(
                p.date < d("2026-12-11") || p.date >= d("2027-01-07"),
                "{note}: {p:?}"
            );
        }
        // The ping next to the absence says why it falls there.
        let near = pings
            .iter()
            .find(|p| {
                (p.date >= today() && p.date < d("2026-12-11"))
                    || (p.date >= d("2027-01-07") && p.date <= d("2027-01-16"))
            })
            .unwrap_or_else(|| panic!("{note}: {pings:?}"));
        assert!(
            near.why.contains("away from Fri 11 Dec, back on Thu 7 Jan")
                || near.why.contains("back from time away on Thu 7 Jan"),
            "{note}: {near:?}"
        );
    }
}

#[test]
fn the_last_ping_before_someone_goes_away_is_about_that() {
    // Core, last met in mid-October: due around mid-December, just before
    // the leave the note names.
    let leave = |id: i64, note: &str| noted(person(id, Circle::Core), "2026-10-12", note);
    let plan = plan_in(
        "US",
        vec![
            leave(
                1,
                "Chairs signed. Baby due 1/20! Mat leave from 12/18, back in April.",
            ),
            leave(2, "Pilot review. She's on PTO 12/18-1/4 (Mexico)."),
            leave(3, "Asked her to OK the numbers - she's off from 12/18."),
        ],
        40,
    );
    let before = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.date < d("2026-12-18"))
            .unwrap_or_else(|| panic!("{:?}", of(&plan, id)))
            .clone()
    };
    let baby = before(1);
    assert!(
        baby.suggestion
            .starts_with("Wish Person all the best for the baby and the leave from Fri 18 Dec"),
        "{baby:?}"
    );
    assert!(baby.suggestion.contains("until Thu 1 Apr"), "{baby:?}");
    let pto = before(2);
    assert!(
        pto.suggestion
            .starts_with("Before Person's time away from Fri 18 Dec, settle anything that cannot wait until Tue 5 Jan"),
        "{pto:?}"
    );
    // No day back in the notes: none is made up.
    let off = before(3);
    assert!(
        off.suggestion.contains("cannot wait until they are back"),
        "{off:?}"
    );
    assert!(
        off.why
            .contains("is away from Fri 18 Dec, as your notes say"),
        "{off:?}"
    );
}

#[test]
fn family_is_wished_on_the_day_and_a_partners_or_own_childs_birthday_is_prepared_for() {
    use super::tests::{born, plan_for};
    // A brother's birthday on Saturday 12 Dec: on the Saturday itself.
    let mut brother = born(
        noted(
            person(1, Circle::Core),
            "2026-11-20",
            "Caught up on the phone.",
        ),
        "1984-12-12",
    );
    brother.tags = vec!["Family".into()];
    brother.notes = "Brother. Brissie, FIFO.".into();
    // A wife's birthday on Saturday 19 Dec: prepared for a week ahead.
    let mut wife = born(
        noted(person(2, Circle::Inner), "2026-11-20", "Dinner plans."),
        "1982-12-19",
    );
    wife.tags = vec!["Family".into()];
    wife.notes = "Wife. Anniversary 14/03.".into();
    // A daughter whose card opens with an imported line.
    let mut daughter = born(person(3, Circle::Inner), "2015-12-13");
    daughter.tags = vec!["Family".into()];
    daughter.notes = "New phone (for netball pickups)\nDaughter (Rubes). Yr 6.".into();
    let plan = plan_for(vec![brother, wife, daughter], 40);
    let wish = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.reason == super::Reason::Birthday)
            .cloned()
            .expect("a birthday ping")
    };
    assert_eq!(wish(1).date, d("2026-12-12"), "{:?}", wish(1));
    assert!(wish(1).why.ends_with("turning 42."), "{:?}", wish(1));
    assert_eq!(wish(2).date, d("2026-12-11"), "{:?}", wish(2));
    assert!(
        wish(2)
            .suggestion
            .ends_with("the present, the card and the plans for the day ready?"),
        "{:?}",
        wish(2)
    );
    assert_eq!(wish(3).date, d("2026-12-04"), "{:?}", wish(3));
    assert!(
        wish(3).suggestion.contains("the present, the cake"),
        "{:?}",
        wish(3)
    );
}

#[test]
fn a_decision_a_note_dates_is_asked_about_the_day_after() {
    use super::tests::plan_for;
    let board = noted(
        person(1, Circle::Core),
        "2026-11-24",
        "Proposal goes to the Board Finance Committee Wed 9 Dec. He's positive.",
    );
    let committee = noted(
        person(2, Circle::Core),
        "2026-11-18",
        "Stage 2 pricing presented. CWC mtg 16 Dec approves the funding - she'll let me know the outcome that wk.",
    );
    let plan = plan_for(vec![board, committee], 40);
    let after = |id: i64, day: &str| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.date == d(day))
            .cloned()
            .unwrap_or_else(|| panic!("no ping on {day}: {:?}", of(&plan, id)))
    };
    let board = after(1, "2026-12-10");
    assert_eq!(
        board.suggestion,
        "Ask Person how the Board Finance Committee on 9 Dec went, and what comes next."
    );
    assert_eq!(
        board.why,
        "Your notes had the Board Finance Committee on Wed 9 Dec: time to hear how it went."
    );
    let cwc = after(2, "2026-12-17");
    assert!(
        cwc.suggestion.contains("how the CWC mtg on 16 Dec went"),
        "{cwc:?}"
    );
}

#[test]
fn a_deadline_a_promise_keeps_on_its_day_needs_no_word_ahead() {
    use super::snapshot::PromiseFacts;
    use super::tests::plan_for;
    let mut sarah = noted(
        person(1, Circle::Core),
        "2026-11-20",
        "RFQ in - Barwon Health SW wing. RFQ back to Sarah by Fri 11 Dec 2pm.",
    );
    sarah.open_promises.push(PromiseFacts {
        id: 7,
        text: "Send Sarah the RFQ response".into(),
        due: d("2026-12-11"),
    });
    let plan = plan_for(vec![sarah], 30);
    assert!(
        of(&plan, 1)
            .iter()
            .all(|p| !p.suggestion.contains("ahead of")),
        "{:?}",
        of(&plan, 1)
    );
    assert!(
        of(&plan, 1)
            .iter()
            .any(|p| p.date == d("2026-12-11") && p.reason == super::Reason::Promise),
        "{:?}",
        of(&plan, 1)
    );
}

#[test]
fn a_thing_owed_in_the_week_of_a_day_is_chased_at_its_end_and_a_present_in_person_comes_late() {
    use super::tests::plan_for;
    let po = noted(
        person(1, Circle::Core),
        "2026-11-25",
        "Tenant floor integration approved! He'll send the PO w/c 7 Dec.",
    );
    let mut workshop = noted(
        person(2, Circle::Core),
        "2026-11-02",
        "Chiller upgrade scoping.",
    );
    workshop.notes =
        "Every Christmas I drop a box of Krispy Kremes + a card in person to the workshop.".into();
    let plan = plan_for(vec![po, workshop], 40);
    assert!(
        of(&plan, 1).iter().any(|p| p.date == d("2026-12-11")
            && p.suggestion
                .contains("the PO from Person came in as promised for Fri 11 Dec")
            && p.why.contains("due to you")),
        "{:?}",
        of(&plan, 1)
    );
    let custom = of(&plan, 2)
        .into_iter()
        .find(|p| p.suggestion.contains("Christmas"))
        .expect("the Christmas custom");
    assert!(
        custom.date >= d("2026-12-14") && custom.date <= d("2026-12-18"),
        "{custom:?}"
    );
}

#[test]
fn a_contact_keen_on_something_once_their_project_is_done_hears_when_it_is() {
    // Met at a conference; the note names his college and its upgrade
    // (neither is a person) and when he wants the demo. Typed on a phone,
    // the apostrophe is a curly one: read the same.
    for once in ["once it's done", "once it\u{2019}s done"] {
        let mut craig = super::tests::noted_as(
            person(1, Circle::Network),
            crate::model::InteractionKind::Event,
            "2026-11-19",
            &format!(
                "Person - West Lothian College. Moodle upgrade till end Jan - keen on a demo in Feb {once}"
            ),
            Some("LTS 2026"),
        );
        craig.name = "Person One".into();
        let plan = super::tests::plan_for(vec![craig], 100);
        let pings = of(&plan, 1);
        // Nothing about it in December: no follow-up chasing a February demo.
        assert!(
            pings.iter().all(|p| p.date >= d("2027-01-25")),
            "{once}: {pings:?}"
        );
        let first = pings.first().expect("a ping when the upgrade is done");
        assert!(first.date <= d("2027-02-05"), "{first:?}");
        assert_eq!(
            first.suggestion,
            "Set up a demo in Feb, as Person asked at LTS 2026 on 19 Nov 2026, and confirm the day and time in writing."
        );
    }
}

#[test]
fn what_the_champion_owes_and_the_committee_she_takes_it_to_each_get_their_ping() {
    use super::snapshot::{NoteFacts, PromiseFacts};
    use crate::model::InteractionKind;
    let mut anita = noted(
        person(1, Circle::Core),
        "2026-11-25",
        "Sent ROI model v2. She'll send the draft board deck by Dec 9 for me to check the numbers.",
    );
    anita.dated_notes.push(NoteFacts {
        date: d("2026-10-22"),
        kind: InteractionKind::Call,
        text: "Business case numbers - she's taking it to Board Finance Cttee Wed Dec 16".into(),
        event: None,
    });
    anita.open_promises.push(PromiseFacts {
        id: 4,
        text: "Send the ROI one-pager for the board pack".into(),
        due: d("2026-12-08"),
    });
    let plan = plan_in("US", vec![anita], 40);
    let pings = of(&plan, 1);
    let on = |day: &str| {
        pings
            .iter()
            .find(|p| p.date >= d(day))
            .unwrap_or_else(|| panic!("nothing from {day}: {pings:?}"))
    };
    // Her offer with a day is checked on that day, not asked after at once.
    assert!(pings.iter().all(|p| p.date >= d("2026-12-08")), "{pings:?}");
    let deck = on("2026-12-09");
    assert!(
        deck.suggestion
            .starts_with("Check whether the draft board deck from Person came in"),
        "{deck:?}"
    );
    // The committee an earlier note dates is asked about the day after,
    // rather than how the promised one-pager landed.
    let committee = on("2026-12-17");
    assert_eq!(committee.date, d("2026-12-17"));
    assert_eq!(
        committee.suggestion,
        "Ask Person how the Board Finance Cttee on 16 Dec went, and what comes next."
    );
}

#[test]
fn a_decision_two_colleagues_heard_of_is_asked_about_once_of_the_closer_one() {
    // One meeting with the champion and the CFO, logged for both.
    let note = "Steering cmte decides Jan 15. Bob wants the TCO model. Anita champions us.";
    let colleague = |id, circle, name: &str| {
        let mut c = noted(person(id, circle), "2026-11-24", note);
        c.name = name.into();
        c.given_name = name.split(' ').next().unwrap_or_default().into();
        c.company = Some("Northwind Foods".into());
        c
    };
    let champion = colleague(1, Circle::Core, "Anita Rao");
    let cfo = colleague(2, Circle::Network, "Bob Chen");
    let plan = plan_in("CA-ON", vec![cfo, champion], 90);
    let asking = |id| {
        of(&plan, id)
            .into_iter()
            .filter(|p| p.suggestion.contains("decision"))
            .map(|p| (p.date, p.suggestion.clone()))
            .collect::<Vec<_>>()
    };
    let champion_asked = asking(1);
    assert_eq!(champion_asked.len(), 1, "{:?}", of(&plan, 1));
    let (day, words) = &champion_asked[0];
    // The day after, in the champion's words: the committee's decision.
    assert!(*day > d("2027-01-15") && *day <= d("2027-01-25"), "{day}");
    assert!(
        words.contains("how the Steering cmte decision on 15 Jan went"),
        "{words}"
    );
    assert!(asking(2).is_empty(), "{:?}", of(&plan, 2));
    // Colleagues at different companies are each asked.
    let mut other = colleague(2, Circle::Network, "Bob Chen");
    other.company = Some("Lakeshore Manufacturing".into());
    let plan = plan_in(
        "CA-ON",
        vec![other, colleague(1, Circle::Core, "Anita Rao")],
        90,
    );
    for id in [1, 2] {
        assert!(
            of(&plan, id)
                .iter()
                .any(|p| p.suggestion.contains("decision")),
            "{:?}",
            of(&plan, id)
        );
    }
}

#[test]
fn a_meeting_in_the_week_of_a_day_gets_its_word_before_even_after_a_chase() {
    // The note's first ask (data owed by 9 Dec) is chased; the review in
    // the week of 11 Jan still gets its word before, with the New Year.
    let plant = noted(
        person(1, Circle::Core),
        "2026-11-20",
        "Pilot review mtg wk of Jan 11. He'll send usage data by Dec 9",
    );
    let plan = plan_in("CA-ON", vec![plant], 60);
    let pings = of(&plan, 1);
    assert!(
        pings
            .iter()
            .any(|p| p.date == d("2026-12-09") && p.suggestion.contains("usage data")),
        "{pings:?}"
    );
    let before = pings
        .iter()
        .find(|p| p.suggestion.contains("pilot review mtg on Mon 11 Jan"))
        .unwrap_or_else(|| panic!("{pings:?}"));
    assert!(
        before.date >= d("2027-01-04") && before.date < d("2027-01-11"),
        "{before:?}"
    );
    assert!(
        before
            .suggestion
            .starts_with("Send Person your New Year wishes"),
        "{before:?}"
    );
    assert!(!before.suggestion.contains(" wk"), "{before:?}");
}

#[test]
fn a_question_whose_answer_the_contact_will_know_later_waits_for_it() {
    let buyer = noted(
        person(1, Circle::Network),
        "2026-11-24",
        "Asked about phase 2 pricing; she'll know after budget passes in Feb",
    );
    let plan = plan_in("CA-ON", vec![buyer], 120);
    let pings = of(&plan, 1);
    assert!(!pings.is_empty());
    for p in &pings {
        // Her answer is awaited: nothing owed by the user, no business
        // before February.
        assert!(!p.suggestion.contains("Answer the question"), "{p:?}");
        assert!(p.date >= d("2027-02-01"), "{p:?}");
    }
    // Without her answer to wait for, the question is the user's to answer.
    let asked = noted(
        person(1, Circle::Network),
        "2026-11-24",
        "Asked about phase 2 pricing",
    );
    let plan = plan_in("CA-ON", vec![asked], 60);
    assert!(
        of(&plan, 1)
            .iter()
            .any(|p| p.suggestion.contains("Answer the question")),
        "{:?}",
        of(&plan, 1)
    );
}

#[test]
fn german_notes_name_a_committee_s_day_and_an_operation() {
    let buyer = noted(
        person(1, Circle::Core),
        "2026-11-25",
        "Lenkungskreis 16.12. decides us vs Logisoft. Tobias thinks we're ahead.",
    );
    let mut friend = noted(
        person(2, Circle::Core),
        "2026-11-21",
        "Rudertraining. Meniskus-OP on 14.12. at Isarklinik, out for 6 wks",
    );
    friend.tags = vec!["friend".into()];
    let plan = plan_in("DE-BY", vec![buyer, friend], 60);
    let asked = of(&plan, 1)
        .into_iter()
        .find(|p| {
            p.suggestion
                .contains("how the Lenkungskreis decision on 16 Dec went")
        })
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 1)));
    assert!(
        asked.date > d("2026-12-16") && asked.date <= d("2026-12-23"),
        "{asked:?}"
    );
    let get_well = of(&plan, 2)
        .into_iter()
        .find(|p| p.suggestion.contains("Meniskus-OP"))
        .unwrap_or_else(|| panic!("{:?}", of(&plan, 2)));
    assert!(
        get_well.date > d("2026-12-14") && get_well.date <= d("2026-12-18"),
        "{get_well:?}"
    );
}

#[test]
fn a_thing_owed_to_the_user_before_a_meeting_is_asked_after_once_with_the_meeting() {
    let book = vec![noted(
        person(1, Circle::Core),
        "2026-11-24",
        "Review mtg wk of Jan 11 with their COO. He'll send the usage figures by 8 Jan.",
    )];
    let plan = plan_in("IE", book, 90);
    let january: Vec<_> = of(&plan, 1)
        .into_iter()
        .filter(|p| p.date.format("%Y-%m").to_string() == "2027-01")
        .collect();
    // One ping, on the day the figures are due: not a check-in days before
    // it that cannot yet ask whether they came.
    assert_eq!(january.len(), 1, "{january:?}");
    let chase = january[0];
    assert_eq!(chase.date, d("2027-01-08"), "{chase:?}");
    assert!(
        chase
            .suggestion
            .contains("the usage figures from Person came in as promised for Fri 8 Jan")
            && chase.suggestion.contains("ahead of the review mtg"),
        "{chase:?}"
    );
}

#[test]
fn a_deadline_named_by_month_or_feast_is_spoken_of_before_it_as_the_note_named_it() {
    let book = vec![
        noted(
            person(1, Circle::Network),
            "2026-11-24",
            "Renewal due in March, wants a multi-year option.",
        ),
        noted(
            person(2, Circle::Core),
            "2026-11-24",
            "RFI input before Easter.",
        ),
    ];
    let plan = plan_in("IE", book, 150);
    let renewal = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("ahead of the renewal in March"))
        .expect("a ping speaks of the renewal in March");
    assert!(
        renewal.date >= d("2027-02-08") && renewal.date < d("2027-03-01"),
        "{renewal:?}"
    );
    assert!(renewal.why.contains("“Renewal” in March"), "{renewal:?}");
    // Easter 2027 is on 28 March: the input is due by the Thursday before,
    // and the last ping before then speaks of it, though an earlier one did.
    let before: Vec<_> = of(&plan, 2)
        .into_iter()
        .filter(|p| p.date < d("2027-03-25"))
        .collect();
    let last = before.last().expect("pings before Easter");
    assert!(last.date >= d("2027-03-04"), "{last:?}");
    assert!(
        last.suggestion
            .contains("ahead of the RFI input before Easter"),
        "{last:?}"
    );
    assert!(!last.suggestion.contains(" on Thu 25 Mar"), "{last:?}");
}

#[test]
fn a_visit_the_note_tells_of_is_a_chance_to_meet_offered_before_it() {
    let book = vec![noted(
        person(1, Circle::Network),
        "2026-11-24",
        "Coming to Dublin in Feb for the ITS congress, keen to meet.",
    )];
    let plan = plan_in("IE", book, 120);
    let before: Vec<_> = of(&plan, 1)
        .into_iter()
        .filter(|p| p.date < d("2027-02-01"))
        .collect();
    let offer = before
        .iter()
        .find(|p| p.suggestion.contains("coming to Dublin in Feb"))
        .unwrap_or_else(|| panic!("a ping before February offers to meet: {before:?}"));
    assert!(offer.date >= d("2027-01-04"), "{offer:?}");
    assert!(offer.suggestion.contains("offer to meet"), "{offer:?}");
    assert!(offer.why.contains("coming to Dublin in Feb"), "{offer:?}");
    // Never as a deadline to get ready for.
    assert!(!offer.suggestion.contains("ahead of"), "{offer:?}");
}

#[test]
fn a_call_asked_for_after_a_feast_in_quotes_waits_for_it_and_is_about_the_interest() {
    let book = vec![noted(
        person(1, Circle::Network),
        "2026-11-24",
        "SAP S/4 go-live in Jan, all hands till March. Still keen on route opt for the milk \
         collection runs - 'call me after Paddy's Day'.",
    )];
    let plan = plan_in("IE", book, 150);
    let pings = of(&plan, 1);
    let first = pings.first().expect("a ping");
    // St Patrick's Day 2027 is a Wednesday: from the Thursday.
    assert_eq!(first.date, d("2027-03-18"), "{pings:?}");
    assert!(
        first
            .suggestion
            .starts_with("Call Person, as asked, about route opt"),
        "{first:?}"
    );
    assert!(!first.why.contains("long wait"), "{first:?}");
}

#[test]
fn a_friends_day_ahead_gets_a_word_of_luck_not_a_business_check_in() {
    let mut friend = noted(
        person(1, Circle::Inner),
        "2026-11-21",
        "Swim + coffee. Stressed re the move on 12 Dec (closing delayed once).",
    );
    friend.notes = "Best friend since college.".to_owned();
    let plan = plan_in("IE", vec![friend], 30);
    let before = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("the move on"))
        .expect("a word before the move");
    assert!(before.date < d("2026-12-12"), "{before:?}");
    assert!(
        before
            .suggestion
            .contains("ahead of the move on Sat 12 Dec: good luck"),
        "{before:?}"
    );
    assert!(
        !before.suggestion.contains("where things stand"),
        "{before:?}"
    );
    assert!(!before.why.contains("Stressed"), "{before:?}");
}

#[test]
fn a_word_asked_for_in_the_new_year_is_that_word_not_plain_new_year_wishes() {
    let prospect = noted(
        person(1, Circle::Network),
        "2026-11-20",
        "Sophos renewal June 2027. Said to get in touch in the new year.",
    );
    let plan = plan_in("IE", vec![prospect], 60);
    let first = of(&plan, 1)[0];
    assert_eq!(first.date, d("2027-01-04"), "{first:?}");
    assert_eq!(
        first.suggestion,
        "Get back in touch with Person, as asked: say what is new on your side, and offer a short call."
    );
    assert!(
        first
            .why
            .starts_with("On 20 Nov 2026 Person asked you to get back in touch"),
        "{first:?}"
    );
}
