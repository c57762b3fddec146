//! Tests of how the plan follows where the user stands with a contact by
//! their notes: people to leave alone, lost deals, parked business, "ping
//! her in January", and notes shared by the people met at one event.

use super::snapshot::{ContactFacts, NoteFacts, PromiseFacts};
use super::tests::{at_event, born, d, noted, of, person, plan_for, today};
use super::Reason;
use crate::model::{Circle, InteractionKind};

/// The plan's note that opens with `start`, which the test expects.
fn plan_note<'p>(plan: &'p super::Plan, start: &str) -> &'p str {
    plan.notes
        .iter()
        .find(|n| n.starts_with(start))
        .unwrap_or_else(|| panic!("no plan note opens with {start:?}: {:?}", plan.notes))
}

fn reasons_of(plan: &super::Plan, id: i64) -> Vec<Reason> {
    of(plan, id).iter().map(|p| p.reason).collect()
}

/// Each of `ids` has rhythm pings of its own.
fn assert_has_rhythm(plan: &super::Plan, ids: &[i64]) {
    for &id in ids {
        assert!(
            of(plan, id)
                .iter()
                .any(|p| matches!(p.reason, Reason::Cadence | Reason::Overdue)),
            "{:?}",
            of(plan, id)
        );
    }
}

fn promised(mut c: ContactFacts, id: i64, text: &str, due: &str) -> ContactFacts {
    c.open_promises.push(PromiseFacts {
        id,
        text: text.to_owned(),
        due: d(due),
    });
    c
}

#[test]
fn people_the_notes_say_to_leave_alone_get_only_their_promises_and_are_named() {
    let mut rival = born(person(1, Circle::Acquaintance), "1985-12-15");
    rival.name = "Ryan Mercer".into();
    rival.tags = vec!["Competitor".into()];
    let mut recruiter = noted(
        person(2, Circle::Acquaintance),
        "2026-06-16",
        "InMail re sales mgr role, declined politely",
    );
    recruiter.name = "Tom Beaulieu".into();
    recruiter.title = Some("Senior Technical Recruiter".into());
    let mut handed = promised(
        noted(
            person(3, Circle::Network),
            "2026-11-19",
            "8 clinics ~600 staff. QC = Marc's territory, intro him",
        ),
        7,
        "Introduce Hélène to Marc",
        "2026-12-02",
    );
    handed.name = "Hélène Tremblay".into();
    handed.notes = "Quebec — hand to Marc Gagnon. French first.".into();
    let mut chief = born(person(4, Circle::Network), "1970-01-20");
    chief.name = "Patricia Vance".into();
    chief.notes = "CEO. Only via Gail, never direct.".into();
    // A friend who works at a rival is still a friend, and the one
    // everything goes through is the one to talk to.
    let mut friend = born(person(5, Circle::Core), "1988-01-09");
    friend.notes = "Old friend, now at a competitor — no shop talk.".into();
    let mut buyer = person(6, Circle::Network);
    buyer.name = "Linda Okoye".into();
    buyer.notes = "All contract / vendor onboarding goes through Linda.".into();
    // An assistant who books the calendar is the way to a meeting, not a
    // reason to leave her alone.
    let mut booked = born(person(7, Circle::Core), "1976-12-14");
    booked.name = "Karen Whitfield".into();
    booked.notes =
        "Facilities manager. Assistant (Leanne Park) books her calendar - go through Leanne for meetings."
            .into();
    let plan = plan_for(
        vec![rival, recruiter, handed, chief, friend, buyer, booked],
        365,
    );
    assert!(
        of(&plan, 7).iter().any(|p| p.reason == Reason::Birthday),
        "{:?}",
        of(&plan, 7)
    );

    for id in [1, 2, 4] {
        assert_eq!(of(&plan, id).len(), 0, "{:?}", of(&plan, id));
    }
    let handed: Vec<Reason> = of(&plan, 3).iter().map(|p| p.reason).collect();
    assert_eq!(handed, vec![Reason::Promise]);
    assert!(of(&plan, 5).len() >= 3, "{:?}", of(&plan, 5));
    assert!(of(&plan, 6).len() >= 3, "{:?}", of(&plan, 6));
    let note = plan_note(&plan, "left alone by your notes");
    for named in [
        "Ryan Mercer (at a competitor)",
        "Tom Beaulieu (declined)",
        "Hélène Tremblay (handed over)",
        "Patricia Vance (reached through someone else)",
    ] {
        assert!(note.contains(named), "{note}");
    }
    assert!(!note.contains("Linda"), "{note}");
}

#[test]
fn a_lost_deal_rests_for_months_and_parked_business_waits_for_its_day() {
    let first_business = |c: ContactFacts| {
        let id = c.id;
        of(&plan_for(vec![c], 365), id)
            .iter()
            .find(|p| p.reason != Reason::Birthday)
            .map(|p| p.date)
            .expect("planned later")
    };
    let lost = noted(
        person(1, Circle::Network),
        "2026-09-24",
        "lost to Dayforce. price + benefits admin bundle. 3 yrs. left door open",
    );
    assert!(first_business(lost) >= d("2027-03-25"));
    let lost_dash = noted(
        person(3, Circle::Network),
        "2026-09-24",
        "Lost - went with Zenith on price (~15% cheaper). Parted on good terms.",
    );
    assert!(first_business(lost_dash) >= d("2027-03-25"));
    // Tagged lost, with the loss the last thing logged.
    let mut tagged = noted(person(2, Circle::Network), "2026-09-24", "final call");
    tagged.tags = vec!["Closed Lost".into()];
    assert!(first_business(tagged) >= d("2027-03-25"));
    let parked = noted(
        person(3, Circle::Network),
        "2026-06-03",
        "SAP go-live slipped to Apr 2027. revisit after go-live",
    );
    assert!(first_business(parked) >= d("2027-04-01"));
    let no_appetite = noted(
        person(4, Circle::Network),
        "2026-09-22",
        "intro from Jen. no appetite for new sys until SAP done",
    );
    assert!(first_business(no_appetite) >= d("2027-01-20"));
    // Their review in a month named: nothing to push before it.
    let their_review = noted(
        person(6, Circle::Core),
        "2026-11-05",
        "sent Colleen proposal for 60 units Sheboygan. she'll review w Victor in Jan",
    );
    assert!(first_business(their_review) >= d("2027-01-01"));
    // A review by a day, with no month: a plan, not a pause.
    let by_friday = noted(
        person(7, Circle::Core),
        "2026-09-20",
        "sent the proposal, she'll review it by Friday",
    );
    assert!(first_business(by_friday) < d("2026-12-20"));
    // Nothing needed before the month named.
    let nothing_needed = noted(
        person(8, Circle::Network),
        "2026-11-04",
        "Graham confirmed renewal via G-Cloud, paperwork in Feb. Low risk. Nothing needed from me before then",
    );
    assert!(first_business(nothing_needed) >= d("2027-02-01"));
    // "Revisit" alone is a plan, not a pause.
    let plan_to_revisit = noted(
        person(5, Circle::Core),
        "2026-10-01",
        "revisit pricing next week",
    );
    assert!(first_business(plan_to_revisit) < d("2027-01-01"));
}

#[test]
fn ping_her_in_january_waits_for_january_and_is_no_deadline_before_it() {
    let samantha = noted(
        person(1, Circle::Network),
        "2026-10-20",
        "LI msg congrats. she said ping her in Jan once settled",
    );
    let plan = plan_for(vec![samantha], 120);
    let first = of(&plan, 1).first().map(|p| p.date).expect("planned");
    assert!(first >= d("2027-01-01"), "{first}");
    assert!(first < d("2027-02-01"), "{first}");
}

#[test]
fn call_me_after_the_holidays_waits_for_the_new_year() {
    for note in [
        "Renewal talk. Call me after the holidays, slammed until then.",
        "Said to reach out in the new year when budgets reset.",
        "Asked me to check back after New Year's.",
    ] {
        let tom = noted(person(1, Circle::Core), "2026-10-01", note);
        let plan = plan_for(vec![tom], 90);
        let first = of(&plan, 1).first().map(|p| p.date).expect("planned");
        assert!(
            first >= d("2027-01-04") && first < d("2027-01-20"),
            "{note}: {first}"
        );
    }
    // Not yet talked to, with the card saying so: the first hello then.
    let mut hannah = person(4, Circle::Acquaintance);
    hannah.notes =
        "Met at Rotary breakfast 21/10. Owns a brewery. Said to get in touch in the new year."
            .into();
    let first = of(&plan_for(vec![hannah], 90), 4)
        .first()
        .map(|p| p.date)
        .expect("a first hello");
    assert!(
        first >= d("2027-01-04") && first < d("2027-01-20"),
        "{first}"
    );
    // A day named after the words is no turn of the year.
    let party = noted(
        person(3, Circle::Core),
        "2026-10-01",
        "Call me after the Christmas party on 4 Dec.",
    );
    assert!(of(&plan_for(vec![party], 60), 3)
        .first()
        .is_some_and(|p| p.date < d("2026-12-20")));
    // Written early in the year, the words wait for nothing.
    let spring = noted(
        person(2, Circle::Core),
        "2026-09-01",
        "Happy new year call. Catch up after the holidays were great.",
    );
    assert!(of(&plan_for(vec![spring], 60), 2)
        .first()
        .is_some_and(|p| p.date < d("2026-12-20")));
}

#[test]
fn a_note_shared_at_an_event_times_only_the_person_it_speaks_of() {
    let shared = "Rachel at booth: budget cttee Tue 15 Dec, wants pricing before 10 Dec. \
                  Sophie working the rival booth, drinks after - she's engaged!";
    let at_expo = |id: i64, circle| at_event(person(id, circle), "2026-11-18", "Expo", shared);
    let mut sophie = at_expo(1, Circle::Core);
    sophie.given_name = "Sophie".into();
    sophie.tags = vec!["Friends".into()];
    let mut rachel = at_expo(2, Circle::Network);
    rachel.given_name = "Rachel".into();
    let plan = plan_for(vec![sophie, rachel], 60);
    // Rachel hears before her deadline; Sophie has her one friendly
    // follow-up and nothing else for weeks.
    assert!(
        of(&plan, 2)
            .iter()
            .filter(|p| p.date < d("2026-12-10"))
            .count()
            >= 2
    );
    let sophie: Vec<_> = of(&plan, 1).iter().map(|p| (p.date, p.reason)).collect();
    assert_eq!(sophie.len(), 1, "{sophie:?}");
    assert_eq!(sophie[0].1, Reason::FollowUp);
}

#[test]
fn no_second_event_touch_the_day_before_a_promise_falls_due() {
    let rachel = at_event(
        person(1, Circle::Network),
        "2026-11-18",
        "Expo",
        "wants the 3-year pricing for all 40 stores",
    );
    let without = plan_for(vec![rachel.clone()], 60);
    let second = of(&without, 1)
        .iter()
        .filter(|p| p.reason == Reason::FollowUp)
        .nth(1)
        .map(|p| p.date)
        .expect("a second touch without the promise");
    let promised = promised(
        rachel,
        3,
        "Send Rachel the 3-year pricing",
        &(second + chrono::Duration::days(1)).to_string(),
    );
    let plan = plan_for(vec![promised], 60);
    let follow_ups = of(&plan, 1)
        .iter()
        .filter(|p| p.reason == Reason::FollowUp)
        .count();
    assert_eq!(follow_ups, 1, "{:?}", of(&plan, 1));
    assert!(today() < second);
}

#[test]
fn a_card_s_no_contact_rule_holds_from_today_however_old_the_last_call() {
    let mut buyer = born(
        noted(
            person(1, Circle::Network),
            "2026-07-02",
            "Tender for line 3 will go through group procurement",
        ),
        "1979-12-15",
    );
    buyer.notes = "Line 3 retrofit tender (AO): no informal contact with anyone at Valmont \
                   until award, expected Feb 2027. Questions only via the tender platform."
        .into();
    let plan = plan_for(vec![buyer], 120);
    let first = of(&plan, 1).first().map(|p| p.date);
    assert!(first.is_none_or(|f| f >= d("2027-02-01")), "{first:?}");
}

#[test]
fn an_absence_in_an_earlier_note_holds_pings_after_a_later_note_about_something_else() {
    let mut noemie = noted(
        person(1, Circle::Network),
        "2026-10-09",
        "Sent baby gift (Moulin Roty rabbit).",
    );
    noemie.absence_notes.push(NoteFacts {
        date: d("2026-10-02"),
        kind: InteractionKind::Message,
        text: "Baby Léon born! Maternity leave until March.".into(),
        event: None,
    });
    // The same words, with the leave long over, hold nothing.
    let mut back = noted(person(2, Circle::Network), "2026-06-09", "Sent a gift.");
    back.absence_notes.push(NoteFacts {
        date: d("2026-05-02"),
        kind: InteractionKind::Message,
        text: "On leave until 1 Jun.".into(),
        event: None,
    });
    let plan = plan_for(vec![noemie, back], 365);
    let first = of(&plan, 1)[0];
    assert!(first.date >= d("2027-03-01"), "{first:?}");
    assert!(of(&plan, 2)[0].date < d("2027-01-01"), "{:?}", of(&plan, 2));
}

#[test]
fn someone_the_notes_say_you_talk_to_every_week_gets_birthdays_and_promises_only() {
    let mut mum = born(person(1, Circle::Inner), "1956-01-12");
    mum.name = "Jean Brooks".into();
    mum.notes = "Mum. I ring every Sunday evening.".into();
    let mut mum = promised(mum, 5, "Book the restaurant for her 70th", "2026-12-18");
    mum.name = "Jean Brooks".into();
    // A habit that is no weekly conversation.
    let mut godson = born(person(2, Circle::Core), "1999-05-03");
    godson.notes = "Godson. Card + present every birthday and Christmas.".into();
    let mut mate = person(3, Circle::Network);
    mate.notes = "Competitor but a good mate - pint every few months.".into();
    mate.tags = vec!["Friends".into()];
    let plan = plan_for(vec![mum, godson, mate], 365);
    assert_eq!(
        reasons_of(&plan, 1),
        vec![Reason::Promise, Reason::Birthday]
    );
    assert_has_rhythm(&plan, &[2, 3]);
    let note = plan_note(&plan, "in touch every week by your notes");
    assert!(note.contains("Jean Brooks"), "{note}");
    // Rung every week, she is warm, whatever is logged.
    for p in of(&plan, 1) {
        assert_eq!(p.warmth, 100, "{p:?}");
    }
    // "Let's talk in Jan" with a manager seen at a weekly 1:1 is said there.
    let mut boss = person(4, Circle::Core);
    boss.notes = "My manager. Weekly 1:1 Mondays 9:00.".into();
    let boss = noted(
        boss,
        "2026-11-23",
        "1:1. Q4 forecast. UK role: 'let's talk in Jan'.",
    );
    let plan = plan_for(vec![boss], 90);
    assert!(of(&plan, 4).is_empty(), "{:?}", of(&plan, 4));
    assert!(plan_note(&plan, "in touch every week by your notes").contains("Person 4"));
    assert!(
        !plan
            .notes
            .iter()
            .any(|n| n.starts_with("left alone") && n.contains("Jean")),
        "{:?}",
        plan.notes
    );
}

#[test]
fn a_present_promised_is_kept_but_never_mentioned_to_its_recipient() {
    let chloe = promised(
        noted(
            person(1, Circle::Core),
            "2026-08-15",
            "Her summer camp was a hit.",
        ),
        4,
        "Buy her 13th birthday present",
        "2027-01-06",
    );
    // "Present" as a verb is no present.
    let roadmap = promised(
        noted(
            person(2, Circle::Core),
            "2026-08-15",
            "Wants the Q1 roadmap.",
        ),
        5,
        "Present the Q1 roadmap to her team",
        "2027-01-06",
    );
    let plan = plan_for(vec![chloe, roadmap], 60);
    for p in of(&plan, 1) {
        if p.reason != Reason::Promise {
            assert!(!p.suggestion.contains("present"), "{}", p.suggestion);
        }
    }
    // Its own ping is no promise "to" her: the user's own to-do.
    let own = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert_eq!(own.suggestion, "Buy her 13th birthday present.", "{own:?}");
    assert!(
        own.why.starts_with("You planned to buy her 13th"),
        "{own:?}"
    );
    // "Present the roadmap" is kept as a promise to her, no present.
    let roadmap = of(&plan, 2)
        .into_iter()
        .find(|p| p.reason == Reason::Promise)
        .unwrap();
    assert!(roadmap.suggestion.contains("roadmap"), "{roadmap:?}");
    assert_ne!(roadmap.action, InteractionKind::Gift, "{roadmap:?}");
}

#[test]
fn parked_business_in_an_earlier_note_holds_when_only_a_like_came_after() {
    let parked = "Happy to talk but not before Q3 next year. Call him June 2027.";
    let tom = |later: InteractionKind| {
        let mut c = person(1, Circle::Network);
        c.record_interaction(InteractionKind::Call, d("2026-09-15"), None, 10);
        c.absence_notes.push(NoteFacts {
            date: d("2026-09-15"),
            kind: InteractionKind::Call,
            text: parked.into(),
            event: None,
        });
        c.record_interaction(later, d("2026-11-10"), None, 11);
        c.last_note = Some(NoteFacts {
            date: d("2026-11-10"),
            kind: later,
            text: "Liked his post on the new site.".into(),
            event: None,
        });
        of(&plan_for(vec![c], 365), 1)[0].date
    };
    assert!(tom(InteractionKind::Social) >= d("2027-06-01"));
    // A conversation since may have changed it: the rhythm goes on.
    assert!(tom(InteractionKind::Meeting) < d("2027-06-01"));
}

#[test]
fn call_after_a_day_brings_the_ping_on_that_day_and_a_tender_buyer_is_left_alone() {
    let natalie = noted(
        person(1, Circle::Network),
        "2026-11-16",
        "Follow-up after the Awards. She replied: call after 11 Jan.",
    );
    let mut fiona = person(2, Circle::Acquaintance);
    fiona.name = "Fiona Reid".into();
    fiona.notes =
        "Runs the Kestrel broker tender. Formal contact only, via the tender portal.".into();
    let plan = plan_for(vec![natalie, fiona], 120);
    let first = of(&plan, 1)[0];
    assert!(
        first.date >= d("2027-01-11") && first.date <= d("2027-01-13"),
        "{first:?}"
    );
    assert!(of(&plan, 2).is_empty(), "{:?}", of(&plan, 2));
}

#[test]
fn a_lost_deal_in_a_call_note_rests_though_the_note_names_the_contact_later() {
    let paul = noted(
        person(1, Circle::Network),
        "2026-09-28",
        "Lost to Gallagher on price, 12% cheaper. Paul apologetic - said service was never the issue.",
    );
    let plan = plan_for(vec![paul], 365);
    assert!(
        of(&plan, 1)[0].date >= d("2027-03-25"),
        "{:?}",
        of(&plan, 1)
    );
}

#[test]
fn not_before_a_quarter_parks_until_it_and_a_buyer_who_cannot_talk_to_vendors_waits_for_the_award()
{
    let dave = noted(
        person(1, Circle::Network),
        "2026-09-20",
        "Interested, but not before Q2 - budget is spoken for.",
    );
    let mike = noted(
        person(2, Circle::Core),
        "2026-11-10",
        "RFP out. Can't talk to vendors until award, expected 22 Jan.",
    );
    let plan = plan_for(vec![dave, mike], 365);
    assert!(
        of(&plan, 1)[0].date >= d("2027-04-01"),
        "{:?}",
        of(&plan, 1)
    );
    assert!(
        of(&plan, 2)[0].date >= d("2027-01-22"),
        "{:?}",
        of(&plan, 2)
    );
}

#[test]
fn sunday_calls_are_a_weekly_habit_and_a_group_chat_is_no_person() {
    let mut mum = born(person(1, Circle::Inner), "1956-01-12");
    mum.name = "Carol Webb".into();
    mum.notes = "Mom. Indianapolis. Sunday calls.".into();
    let mut league = noted(
        person(2, Circle::Core),
        "2026-11-23",
        "Trash talk about week 12.",
    );
    league.name = "Lakeview FFL".into();
    league.notes = "My fantasy football league group chat (GroupMe, 10 guys).".into();
    // A Sunday call that happened once is no habit.
    let once = noted(
        person(3, Circle::Core),
        "2026-11-22",
        "Sunday call went well, she liked the idea.",
    );
    let plan = plan_for(vec![mum, league, once], 365);
    assert_eq!(reasons_of(&plan, 1), vec![Reason::Birthday]);
    assert!(of(&plan, 2).is_empty(), "{:?}", of(&plan, 2));
    assert!(of(&plan, 3).len() >= 5, "{:?}", of(&plan, 3));
    let note = plan_note(&plan, "left alone by your notes");
    assert!(
        note.contains("Lakeview FFL (a group or a service, not a person)"),
        "{note}"
    );
}

#[test]
fn a_child_gets_birthdays_and_promises_but_no_rhythm_and_is_named() {
    let mut nephew = born(person(1, Circle::Core), "2020-01-05");
    nephew.name = "Kabir Nair".into();
    nephew.notes = "Nephew - Arjun and Meera's son. Talk to him on Arjun's phone.".into();
    let nephew = promised(nephew, 4, "Buy Kabir's birthday present", "2026-12-12");
    // Sixteen this year: no longer a child.
    let teen = born(person(2, Circle::Core), "2010-01-20");
    let mut brother = person(3, Circle::Inner);
    brother.notes = "My brother. Sydney. Family WhatsApp group.".into();
    let plan = plan_for(vec![nephew, teen, brother], 365);
    assert_eq!(
        reasons_of(&plan, 1),
        vec![Reason::Promise, Reason::Birthday]
    );
    assert_has_rhythm(&plan, &[2, 3]);
    // Wished through the family.
    let wish = of(&plan, 1)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap();
    assert!(
        wish.suggestion
            .contains("a happy 7th birthday through the family"),
        "{wish:?}"
    );
    // The user's own child: a birthday to prepare for.
    let mut son = born(person(4, Circle::Inner), "2018-12-19");
    son.given_name = "Luca".into();
    son.notes = "Son".into();
    let own_plan = plan_for(vec![son], 40);
    let own = of(&own_plan, 4)
        .into_iter()
        .find(|p| p.reason == Reason::Birthday)
        .unwrap();
    assert_eq!(
        own.suggestion,
        "Luca's 8th birthday is coming on Sat 19 Dec: the present, the cake and the plans for the day ready?"
    );
    let note = plan_note(&plan, "children get only");
    assert!(note.contains("Kabir Nair (6)"), "{note}");
    assert!(!note.contains("Person 2"), "{note}");
    assert!(
        plan.notes.iter().all(|n| !n.contains("Person 3")),
        "a brother in a family group is no group: {:?}",
        plan.notes
    );
}

#[test]
fn a_weekly_one_to_one_and_a_desk_neighbour_need_no_rhythm_pings() {
    let mut boss = person(1, Circle::Core);
    boss.notes = "My manager. Weekly 1:1 every Thursday.".into();
    let mut neighbour = person(2, Circle::Core);
    neighbour.notes = "Solutions engineer, sits next to me.".into();
    // One dinner where someone sat beside the user is no desk.
    let dinner = noted(
        person(3, Circle::Core),
        "2026-11-22",
        "Customer dinner, she sits next to me at the board table on 3 Dec.",
    );
    let mut pm = person(7, Circle::Core);
    pm.notes = "Project manager. PM/sales meeting every Thursday, sits two desks down.".into();
    let mut manager = person(4, Circle::Core);
    manager.notes = "My manager (RVP West). Weekly 1:1 Mondays 8:30.".into();
    // A time of day is no one-to-one, and their stand-up is not the user's.
    let mut caller = person(5, Circle::Core);
    caller.notes = "Best time to call: Tuesdays 1:15pm.".into();
    let mut team = person(6, Circle::Core);
    team.notes = "Their daily stand-up is Mondays 9am, avoid then.".into();
    let plan = plan_for(
        vec![boss, neighbour, dinner, manager, caller, team, pm],
        365,
    );
    assert!(of(&plan, 7).is_empty(), "{:?}", of(&plan, 7));
    assert!(of(&plan, 4).is_empty(), "{:?}", of(&plan, 4));
    assert!(of(&plan, 5).len() >= 5, "{:?}", of(&plan, 5));
    assert!(of(&plan, 6).len() >= 5, "{:?}", of(&plan, 6));
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    assert!(of(&plan, 2).is_empty(), "{:?}", of(&plan, 2));
    assert!(of(&plan, 3).len() >= 5, "{:?}", of(&plan, 3));
    let note = plan_note(&plan, "in touch every week by your notes");
    assert!(
        note.contains("Person 1") && note.contains("Person 2"),
        "{note}"
    );
}

#[test]
fn call_her_after_a_day_in_an_event_note_holds_the_event_s_follow_ups() {
    let mut lisa = at_event(
        person(1, Circle::Network),
        "2026-11-24",
        "Expo",
        "Lisa liked the PPA comparison. Flat out till Xmas w lease renewals - call her after 11 Jan to set up a meeting with her GM.",
    );
    lisa.given_name = "Lisa".into();
    let plan = plan_for(vec![lisa], 75);
    let pings = of(&plan, 1);
    assert!(!pings.is_empty());
    for p in &pings {
        assert!(p.date >= d("2027-01-11"), "{p:?}");
    }
    // The first is the call the note plans, for what it says.
    assert_eq!(
        pings[0].suggestion,
        "Call Lisa, as your note from Expo says, to set up a meeting with her GM."
    );
    assert_eq!(pings[0].action, InteractionKind::Call);
    assert!(
        pings[0]
            .why
            .contains("your note says to call after Mon 11 Jan"),
        "{:?}",
        pings[0]
    );
    // Her own ask is said to be hers.
    let mut asking = at_event(
        person(3, Circle::Network),
        "2026-11-24",
        "Expo",
        "Liked the PPA comparison. Call me after 11 Jan to set up a meeting with my GM.",
    );
    asking.given_name = "Lisa".into();
    let call = of(&plan_for(vec![asking], 75), 3)[0].clone();
    assert_eq!(
        call.suggestion,
        "Call Lisa, as asked at Expo, to set up a meeting with your GM."
    );
    assert!(
        call.why.contains("Lisa asked you to call after Mon 11 Jan"),
        "{call:?}"
    );
    // Asked in an ordinary note, the rhythm's ping is that call.
    let mut mark = noted(person(2, Circle::Network), "2026-11-19", "Handover mtg.");
    mark.given_name = "Mark".into();
    mark.record_interaction(InteractionKind::Email, d("2026-11-25"), None, 2001);
    mark.last_note = Some(NoteFacts {
        date: d("2026-11-25"),
        kind: InteractionKind::Email,
        text: "Mark: flat out with the Xmas season. Call him after 11 Jan to book a site walk with our sparky.".into(),
        event: None,
    });
    let call = of(&plan_for(vec![mark], 75), 2)[0].clone();
    assert_eq!(
        call.suggestion,
        "Call Mark, as your note says, to book a site walk with your sparky."
    );
    assert!(
        call.why.starts_with(
            "Your note of 25 Nov 2026 says to call Mark after Mon 11 Jan: this is that call"
        ),
        "{call:?}"
    );
    assert!(call.date >= d("2027-01-11"), "{call:?}");
}

#[test]
fn a_recruiter_declined_long_ago_stays_left_alone() {
    // Declined in March: the note is older than any suggestion reads, but
    // where the user stands has not changed since.
    let mut recruiter = person(1, Circle::Acquaintance);
    recruiter.name = "Alyssa Grant".into();
    recruiter.title = Some("Sr. Technical Recruiter".into());
    recruiter.record_interaction(InteractionKind::Email, d("2026-03-17"), None, 1000);
    recruiter.old_last_note = Some(NoteFacts {
        date: d("2026-03-17"),
        kind: InteractionKind::Email,
        text: "reached out re AE role. declined politely, not looking".into(),
        event: None,
    });
    let mut asked = recruiter.clone();
    asked.id = 2;
    asked.uid = "u-2".into();
    asked.old_last_note = None;
    let plan = plan_for(vec![recruiter, asked], 365);
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    assert!(plan_note(&plan, "left alone").contains("Alyssa Grant (declined)"));
    assert_has_rhythm(&plan, &[2]);
}

#[test]
fn a_get_together_the_note_plans_counts_as_seeing_them() {
    // Beers on Sat 5 Dec: no word before them, and the next an interval
    // after them.
    let beers = noted(
        person(1, Circle::Inner),
        "2026-11-20",
        "Called for his 45th. Belated b'day beers Sat 5 Dec at the Royston.",
    );
    // A party the user is going to counts; one to call after does not.
    let party = noted(
        person(2, Circle::Core),
        "2026-11-15",
        "Tilly's party Sun 13 Dec at theirs in Ballarat, we're going.",
    );
    let plan = plan_for(vec![beers, party], 120);
    let first = |id: i64| {
        of(&plan, id)
            .into_iter()
            .find(|p| matches!(p.reason, Reason::Cadence | Reason::Overdue))
            .map(|p| p.date)
            .expect("a rhythm ping")
    };
    assert!(first(1) >= d("2027-01-05"), "{:?}", of(&plan, 1));
    assert!(first(2) >= d("2027-02-01"), "{:?}", of(&plan, 2));
}

#[test]
fn news_is_asked_about_while_they_are_off_and_til_is_till() {
    let jenny = noted(
        person(1, Circle::Network),
        "2026-11-24",
        "Jenny - hip replacement Mon 7 Dec at Albury Wodonga Private, off until mid-Jan. Talk in Feb re the BMS budget.",
    );
    let chris = noted(
        person(2, Circle::Core),
        "2026-11-10",
        "Wants the final defects walk early Feb. Lock a date in Jan, he's on leave til 11 Jan.",
    );
    let plan = plan_for(vec![jenny, chris], 60);
    let get_well = of(&plan, 1)
        .into_iter()
        .find(|p| p.suggestion.contains("hip replacement"))
        .expect("a word after the operation");
    assert!(
        get_well.date > d("2026-12-07") && get_well.date <= d("2026-12-10"),
        "{get_well:?}"
    );
    assert!(
        of(&plan, 2).iter().all(|p| p.date >= d("2027-01-11")),
        "{:?}",
        of(&plan, 2)
    );
}

#[test]
fn a_shared_note_about_her_is_not_his() {
    // Logged with Anita and Steve; Steve's card calls him "he".
    let mut steve = noted(
        person(1, Circle::Core),
        "2026-11-20",
        "Stage 2 scoping mtg. Get the quote to her by 15 Dec - she's off from 19 Dec, back 18 Jan.",
    );
    steve.notes = "Day-to-day at Clayton. EA is Maria - she runs his diary.".into();
    // Her own card: the same note is hers.
    let mut anita = steve.clone();
    anita.id = 2;
    anita.uid = "u-2".into();
    anita.notes = "Director. She signs off stage 2.".into();
    // An earlier note of his own calls him "he".
    steve.dated_notes.push(NoteFacts {
        date: d("2026-11-10"),
        kind: InteractionKind::Call,
        text: "He'll send the point schedule by 3 Dec".into(),
        event: None,
    });
    let plan = plan_for(vec![steve, anita], 60);
    for p in of(&plan, 1) {
        assert!(!p.why.contains("away"), "{p:?}");
        assert!(!p.suggestion.contains("the quote"), "{p:?}");
    }
    assert!(
        of(&plan, 2).iter().all(|p| p.date < d("2026-12-19")
            || p.date >= d("2027-01-18")
            || p.reason == Reason::Promise),
        "{:?}",
        of(&plan, 2)
    );
}

#[test]
fn holds_and_channels_a_card_or_note_names() {
    // All comms through her PA: left alone, reached through someone.
    let mut cio = noted(
        person(1, Circle::Core),
        "2025-12-03",
        "CIO keynote, shook hands.",
    );
    cio.notes =
        "CIO. All comms go through her PA Charmaine - do not email Dr Hadebe directly".into();
    // A service desk kept as a contact.
    let mut noc = noted(person(2, Circle::Network), "2026-11-03", "Logged a P2.");
    noc.name = "Kestrel NOC".into();
    // "No contact until award, expected end Jan": the month out.
    let tender = noted(
        person(3, Circle::Core),
        "2026-11-27",
        "Submitted the RFQ in the tender box. No contact until award (expected end Jan 27)",
    );
    // "Let's talk early in the new year": not before 4 January.
    let partner = noted(
        person(4, Circle::Network),
        "2026-11-12",
        "Hotspot partnership. Said let's talk early in the new year",
    );
    let plan = plan_for(vec![cio, noc, tender, partner], 120);
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    assert!(of(&plan, 2).is_empty(), "{:?}", of(&plan, 2));
    assert!(
        of(&plan, 3).iter().all(|p| p.date >= d("2027-02-01")),
        "{:?}",
        of(&plan, 3)
    );
    assert!(
        of(&plan, 4).iter().all(|p| p.date >= d("2027-01-04")),
        "{:?}",
        of(&plan, 4)
    );
}

#[test]
fn a_partner_a_child_and_a_present_are_the_users_own_plans_and_a_rivals_colleague_is_left_alone() {
    let mut kags = super::tests::born(person(1, Circle::Inner), "1987-12-19");
    kags.tags = vec!["Family".into()];
    kags.notes = "Partner. Loves Pirates + anything with an engine\nNickname: Kags 💙".into();
    let kags = promised(
        kags,
        4,
        "Book bday dinner for Sat 19 Dec + collect the watch from the jeweller",
        "2026-12-11",
    );
    let mut naledi = super::tests::born(person(2, Circle::Inner), "2019-01-09");
    naledi.tags = vec!["Family".into()];
    naledi.notes = "Daughter. Grade 1.".into();
    let naledi = promised(
        naledi,
        5,
        "Book jumping castle + order the cake for Naledi's 8th",
        "2026-12-15",
    );
    let mut brendan = noted(
        person(3, Circle::Acquaintance),
        "2026-11-12",
        "At our stand.",
    );
    brendan.company = Some("Meshline Networks".into());
    brendan.notes = "competitor (Meshline) - came sniffing round our stand. Do not engage".into();
    let mut sean = person(4, Circle::Acquaintance);
    sean.company = Some("Meshline Networks".into());
    let plan = plan_for(vec![kags, naledi, brendan, sean], 200);
    let find = |id: i64, reason: Reason| {
        of(&plan, id)
            .into_iter()
            .find(|p| p.reason == reason)
            .unwrap_or_else(|| panic!("{:?}", of(&plan, id)))
    };
    let dinner = find(1, Reason::Promise);
    assert_eq!(
        dinner.suggestion,
        "Book bday dinner for Sat 19 Dec + collect the watch from the jeweller."
    );
    assert!(
        dinner.why.starts_with("You planned to book bday dinner"),
        "{dinner:?}"
    );
    let birthday = find(1, Reason::Birthday);
    assert_eq!(birthday.date, d("2026-12-11"), "{birthday:?}");
    assert!(
        birthday
            .suggestion
            .starts_with("Kags's birthday is coming on Sat 19 Dec"),
        "{birthday:?}"
    );
    let party = find(2, Reason::Promise);
    assert_eq!(
        party.suggestion,
        "Book jumping castle + order the cake for Naledi's 8th."
    );
    assert!(of(&plan, 4).is_empty(), "{:?}", of(&plan, 4));
    assert!(plan_note(&plan, "left alone").contains("(at a competitor)"));
}

#[test]
fn an_event_note_about_their_bank_is_theirs_and_holds_the_follow_ups() {
    use super::snapshot::EventFacts;
    let mut martin = at_event(
        person(1, Circle::Core),
        "2026-11-19",
        "Learning Technologies Scotland",
        "Martin at LTS. Bank in change freeze till 11 Jan - call me after 11 Jan to set up the discovery workshop",
    );
    martin.given_name = "Martin".into();
    martin.name = "Martin Gallacher".into();
    martin.last_event = Some(EventFacts {
        interaction_id: 1000,
        date: d("2026-11-19"),
        name: "Learning Technologies Scotland".into(),
    });
    let plan = plan_for(vec![martin], 90);
    let pings = of(&plan, 1);
    assert!(pings.iter().all(|p| p.date >= d("2027-01-11")), "{pings:?}");
    assert!(
        pings
            .first()
            .is_some_and(|p| p.suggestion.contains("to set up the discovery workshop")),
        "{pings:?}"
    );
}

#[test]
fn someone_at_a_recruiting_firm_who_was_declined_is_left_alone() {
    // The title says "Senior Consultant"; the firm and the note say the rest.
    let mut headhunter = noted(
        person(1, Circle::Acquaintance),
        "2026-09-22",
        "VP Sales role at a SaaS scale-up. Declined politely, not looking.",
    );
    headhunter.name = "Nadine Fischer".into();
    headhunter.title = Some("Senior Consultant".into());
    headhunter.company = Some("Alpina Executive Search".into());
    // A prospect "not looking" to change systems is no recruiter.
    let mut prospect = noted(
        person(2, Circle::Network),
        "2026-11-02",
        "Not looking to change WMS before 2028. Declined the demo.",
    );
    prospect.company = Some("Brauerei Wiesinger".into());
    let plan = plan_for(vec![headhunter, prospect], 365);
    assert!(of(&plan, 1).is_empty(), "{:?}", of(&plan, 1));
    assert!(plan_note(&plan, "left alone").contains("Nadine Fischer (declined)"));
    assert_has_rhythm(&plan, &[2]);
}

#[test]
fn what_another_contact_needs_is_no_ping_of_the_one_whose_card_holds_the_note() {
    let mut tobias = noted(
        person(1, Circle::Core),
        "2026-11-24",
        "Pilot status good, fleet data clean. Ralf needs TCO calc from me by 7 Dec.",
    );
    tobias.name = "Tobias Klein".into();
    tobias.given_name = "Tobias".into();
    let mut ralf = person(2, Circle::Network);
    ralf.name = "Ralf Weber".into();
    ralf.given_name = "Ralf".into();
    let plan = plan_for(vec![tobias, ralf], 60);
    for p in of(&plan, 1) {
        assert!(!p.suggestion.contains("TCO"), "{p:?}");
        // Nor a ping days before Ralf's day with nothing to say.
        assert!(p.date > d("2026-12-07"), "{p:?}");
    }
}

#[test]
fn asked_not_to_be_chased_is_a_hold_or_for_good_and_no_chasing_needed_is_neither() {
    use super::standing::{left_alone, LeftAlone};
    let alone = |note: &str| left_alone("Brian Keane", "", &[], None, Some(note));
    assert_eq!(alone("Asked not to be chased."), Some(LeftAlone::NoContact));
    assert_eq!(
        alone("No chasing please - she'll come back to us before the decision."),
        Some(LeftAlone::NoContact)
    );
    assert_eq!(
        alone("Going w Sage. Don't chase"),
        Some(LeftAlone::NoContact)
    );
    // Ordinary notes that speak of chasing.
    for note in [
        "QBR done. Invoice paid on time, no chasing needed. Wants pricing for 20 more seats.",
        "Reminder to self not to chase too hard, she's stretched.",
        // A day to hold until: a hold, not for good.
        "Proposal goes to their board on 20 Jan. Asked me not to chase before then.",
    ] {
        assert_eq!(alone(note), None, "{note}");
    }
    // The hold ends the day after the board, and the word then asks how it went.
    let brian = noted(
        person(1, Circle::Core),
        "2026-11-19",
        "POC done. Proposal goes to their board on 20 Jan. Asked me not to chase before then.",
    );
    let plan = plan_for(vec![brian], 90);
    let first = of(&plan, 1)[0];
    assert!(first.date > d("2027-01-20"), "{first:?}");
    assert!(
        first.suggestion.contains("how their board on 20 Jan went"),
        "{first:?}"
    );
}
