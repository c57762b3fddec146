//! Tests of the days notes name: numeric dates read the way the user's
//! region writes them, deadlines the ping speaks of, the end of an absence
//! (no news to ask about) and appointments with a doctor (news).

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
        first.date < d("2026-12-08") && first.suggestion.contains("Board mtg"),
        "{first:?}"
    );
    assert!(first.why.contains("Tue 8 Dec"), "{first:?}");
    // In Britain it is 12 August, months away: no ping for it now.
    let gb = plan_in("GB", vec![champion()], 60);
    assert!(
        of(&gb, 1).iter().all(|p| !p.suggestion.contains("Board")),
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
        first.date < d("2026-12-17") && first.suggestion.contains("Board mtg"),
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
    let mum = noted(
        person(2, Circle::Inner),
        "2026-11-26",
        "Thanksgiving at Beth's. Mom seeing the ortho about her knee 12/8.",
    );
    let plan = plan_in("US", vec![leave, mum], 90);
    for p in of(&plan, 1) {
        assert!(
            !p.suggestion.contains("leave") && !p.why.contains("leave on"),
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
