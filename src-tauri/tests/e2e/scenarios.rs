//! The daily work, end to end: Today, Contacts, Conference, Plan, Settings.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::model::NewContact;
use keepwarm::Store;
use serde_json::json;

use crate::harness::{cli_json, run, Desktop, Theme};

/// The app acts on the user's local date, so the tests do too.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A demo database where every day is a working day (the tests may run on a Sunday).
pub fn demo_db(dir: &Path, options: DemoOptions) -> PathBuf {
    let db = dir.join("keepwarm.db");
    let mut store = Store::open(&db).unwrap();
    fill_demo(&mut store, options, today()).unwrap();
    store
        .set_planner_setting("working_days", "mon,tue,wed,thu,fri,sat,sun")
        .unwrap();
    db
}

pub fn add(store: &mut Store, name: &str, company: &str) -> i64 {
    store
        .add_contact(
            &NewContact {
                name: name.into(),
                company: Some(company.into()),
                ..NewContact::default()
            },
            today(),
        )
        .unwrap()
}

#[test]
fn a_ping_marked_done_with_a_note_leaves_today_and_joins_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), DemoOptions::default());
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        let card = app.find("li.ping-card[data-ping-id]").await;
        let ping_id = card.attr("data-ping-id").await.unwrap().unwrap();
        let contact: i64 = card
            .attr("data-contact-id")
            .await
            .unwrap()
            .unwrap()
            .parse()
            .unwrap();
        let name = Store::open(&db).unwrap().contact(contact).unwrap().name;
        let selector = format!("li.ping-card[data-ping-id='{ping_id}']");

        app.find(&format!("{selector} .actions button:first-child"))
            .await
            .click()
            .await
            .unwrap();
        let note = app.find(&format!("{selector} form input[type=text]")).await;
        assert_eq!(
            app.js(
                "return arguments[0].closest('label').innerText.trim()",
                vec![serde_json::to_value(&note).unwrap()]
            )
            .await,
            json!("Note")
        );
        app.type_into(&note, "Sent the sailing article").await;
        app.find(&format!("{selector} form button[type=submit]"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the ping leaves Today",
            &format!("!document.querySelector(\"{selector}\")"),
        )
        .await;

        // The database has the interaction, dated today, with the note.
        let logged = |db: &Path| {
            Store::open(db)
                .unwrap()
                .interactions_of(contact)
                .unwrap()
                .iter()
                .filter(|i| i.note == "Sent the sailing article" && i.date == today())
                .count()
        };
        assert_eq!(logged(&db), 1);

        // Undo brings the ping back and takes the interaction out again.
        app.find("[data-testid=toast] button").await;
        app.button("Undo").await.click().await.unwrap();
        app.wait_until(
            "the ping is back on Today",
            &format!("!!document.querySelector(\"{selector}\")"),
        )
        .await;
        assert_eq!(logged(&db), 0);

        // Done again, then see it in the contact's timeline.
        app.find(&format!("{selector} .actions button:first-child"))
            .await
            .click()
            .await
            .unwrap();
        let note = app.find(&format!("{selector} form input[type=text]")).await;
        app.type_into(&note, "Sent the sailing article\u{E007}")
            .await;
        app.wait_until(
            "the ping leaves Today",
            &format!("!document.querySelector(\"{selector}\")"),
        )
        .await;
        assert_eq!(logged(&db), 1);

        // And the contact's timeline shows it.
        app.nav("Contacts").await;
        let search = app.field("Search contacts").await;
        app.type_into(&search, &name).await;
        app.find(&format!(".contact-row[data-contact-id='{contact}']"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the timeline shows the note",
            "document.querySelector('[data-testid=timeline]')?.innerText.includes('Sent the sailing article')",
        )
        .await;
        app.close().await;
    });
}

#[test]
fn three_people_captured_at_a_conference_get_follow_ups_and_no_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("conference.db");
    let known = {
        let mut store = Store::open(&db).unwrap();
        store
            .set_planner_setting("working_days", "mon,tue,wed,thu,fri,sat,sun")
            .unwrap();
        add(&mut store, "Margaret Hamilton", "Apollo Guidance")
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Conference").await;
        let event = app.field("Event").await;
        app.type_into(&event, "Web Summit").await;
        let date = app.field("Date").await;
        app.set_value(&date, &today().to_string()).await;

        // Two new people, typed and saved with Enter.
        for (name, company, email, note, interests) in [
            (
                "Katherine Johnson",
                "NASA Langley",
                "kj@example.com",
                "orbital maths",
                "spaceflight, chess",
            ),
            (
                "Dorothy Vaughan",
                "West Computing",
                "",
                "FORTRAN early adopter",
                "",
            ),
        ] {
            for (label, value) in [
                ("Name", name),
                ("Company", company),
                ("Email", email),
                ("Interests", interests),
                ("Note", note),
            ] {
                if !value.is_empty() {
                    let f = app.field(label).await;
                    app.type_into(&f, value).await;
                }
            }
            let note_field = app.field("Note").await;
            app.type_into(&note_field, "\u{E007}").await; // Enter
            app.wait_until(
                "the person is captured and the fields clear",
                &format!(
                    "document.querySelector('[data-testid=captured]')?.innerText.includes({name:?}) && document.getElementById('capture-name').value === ''"
                ),
            )
            .await;
        }
        // The event and the date stay.
        assert_eq!(
            app.js(
                "return arguments[0].value",
                vec![serde_json::to_value(&event).unwrap()]
            )
            .await,
            json!("Web Summit")
        );

        // An existing contact is offered as the name is typed; choosing it logs on them.
        let name = app.field("Name").await;
        app.type_into(&name, "Margaret Ham").await;
        app.find("#name-suggestions li button")
            .await
            .click()
            .await
            .unwrap();
        app.find("[data-testid=existing-hint]").await;
        let note = app.field("Note").await;
        app.type_into(&note, "asked about the new guidance software")
            .await;
        app.button("Save").await.click().await.unwrap();
        app.wait_until(
            "Margaret is captured",
            "document.querySelector('[data-testid=captured]')?.innerText.includes('Margaret Hamilton')",
        )
        .await;

        // The database: two new contacts, none duplicated, three meetings at the event.
        let store = Store::open(&db).unwrap();
        let contacts = store.contacts().unwrap();
        assert_eq!(contacts.len(), 3, "{contacts:?}");
        let margaret = store.interactions_of(known).unwrap();
        assert_eq!(margaret.len(), 1);
        assert_eq!(margaret[0].event.as_deref(), Some("Web Summit"));
        assert_eq!(margaret[0].note, "asked about the new guidance software");
        let katherine = contacts
            .iter()
            .find(|c| c.name == "Katherine Johnson")
            .unwrap();
        assert_eq!(katherine.emails, vec!["kj@example.com"]);
        assert_eq!(katherine.interests, vec!["spaceflight", "chess"]);

        // Plan shows the follow-ups of all three.
        app.nav("Plan").await;
        app.find("[data-testid=agenda]").await;
        let agenda = app
            .js(
                "return document.querySelector('[data-testid=agenda]').innerText",
                vec![],
            )
            .await;
        let agenda = agenda.as_str().unwrap();
        for who in ["Katherine Johnson", "Dorothy Vaughan", "Margaret Hamilton"] {
            assert!(
                agenda.contains(who),
                "{who} missing from the plan:\n{agenda}"
            );
        }
        assert!(agenda.contains("Follow-up"));
        // The library planned a follow-up for each of the three.
        let plan = keepwarm::screens::plan_for(&Store::open(&db).unwrap(), today(), 60).unwrap();
        let dorothy = contacts
            .iter()
            .find(|c| c.name == "Dorothy Vaughan")
            .unwrap();
        for who in [known, katherine.id, dorothy.id] {
            assert!(
                plan.pings.iter().any(
                    |p| p.contact_id == who && p.reason == keepwarm::schedule::Reason::FollowUp
                ),
                "no follow-up planned for #{who}"
            );
        }
        app.close().await;
    });
}

#[test]
fn changing_the_daily_cap_in_settings_changes_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    // Big enough that the plan fills days up to the cap (a small book's
    // rhythm spreads thinner).
    let db = demo_db(
        dir.path(),
        DemoOptions {
            contacts: 200,
            interactions: 1200,
            seed: 1,
        },
    );
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        // The pings the agenda holds: a lower cap spaces the rhythm out, so
        // fewer come. (The busiest day is no measure: a day of birthdays and
        // follow-ups alone may hold more than any cap, depending on the date
        // the demo is made on.)
        let total = "return [...document.querySelectorAll('.agenda-day')].reduce((n, d) => n + +d.dataset.count, 0)";
        app.nav("Plan").await;
        app.find("[data-testid=agenda]").await;
        let before = app.js(total, vec![]).await;
        assert!(
            before.as_i64().unwrap() > 20,
            "the demo plan fills days: {before}"
        );

        app.nav("Settings").await;
        let cap = app.field("Daily cap").await;
        app.set_value(&cap, "2").await;
        app.find(".saved").await;
        assert_eq!(
            Store::open(&db)
                .unwrap()
                .planner_settings()
                .unwrap()
                .daily_cap,
            2
        );

        app.nav("Plan").await;
        app.wait_until(
            "the plan keeps to the new cap",
            "document.querySelector('[data-testid=plan-summary]')?.innerText.includes('daily cap 2')",
        )
        .await;
        let after = app.js(total, vec![]).await;
        assert!(after.as_i64() < before.as_i64(), "{before} → {after}");
        // Day by day, the agenda is the library's plan with the new cap (which may
        // exceed it on a day rather than break a contact's rhythm).
        let shown = app
            .js(
                "return [...document.querySelectorAll('.agenda-day')].map(d => [d.dataset.date, +d.dataset.count])",
                vec![],
            )
            .await;
        let shown: Vec<(String, usize)> = serde_json::from_value(shown).unwrap();
        let planned =
            keepwarm::screens::plan_screen(&Store::open(&db).unwrap(), today(), shown.len() as u32)
                .unwrap();
        assert_eq!(planned.setting_cap, 2);
        let expected: Vec<(String, usize)> = planned
            .days
            .iter()
            .map(|d| (d.date.to_string(), d.pings.len()))
            .collect();
        assert_eq!(shown, expected);
        // Most days keep to the cap the plan works with: the user's 2, or, when
        // 200 contacts need more even with every circle stretched, the smallest
        // that fits (the plan's notes say so).
        let over = expected
            .iter()
            .filter(|(_, n)| *n > planned.daily_cap as usize)
            .count();
        assert!(
            over <= 3,
            "most days keep to the cap of {}: {expected:?}",
            planned.daily_cap
        );

        // Public holidays by country name; a country that does not exist is
        // refused with the library's message and changes nothing.
        app.nav("Settings").await;
        let holidays = app.field("Public holidays").await;
        app.set_value(&holidays, "Germany").await;
        app.wait_until(
            "the holidays are saved",
            "document.querySelector('#holidays')?.value === 'DE'",
        )
        .await;
        let stored = || Store::open(&db).unwrap().setting("holidays").unwrap();
        assert_eq!(stored().as_deref(), Some("DE"));
        app.set_value(&holidays, "Atlantis").await;
        let error = app.find(".setting .field-error").await;
        assert!(error.text().await.unwrap().contains("Atlantis"));
        assert_eq!(stored().as_deref(), Some("DE"));
        app.close().await;
    });
}

/// A contact named like an HTML tag, with a promise due today, shows as text in
/// Today, Contacts and its page; nothing is injected.
#[test]
fn a_contact_named_like_markup_is_shown_as_text_everywhere() {
    const NAME: &str = "<img src=x onerror=\"document.title='pwned'\">";
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("xss.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        store
            .set_planner_setting("working_days", "mon,tue,wed,thu,fri,sat,sun")
            .unwrap();
        let id = add(&mut store, NAME, "<b>Bold Corp</b>");
        store
            .add_promise(id, "<script>alert(1)</script> the deck", today(), today())
            .unwrap();
        id
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        let no_injection = "document.querySelectorAll('img, script:not([src]), b').length === 0 && !document.title.includes('pwned')";
        let card = app.find("li.ping-card").await;
        let shown = app
            .js(
                "return arguments[0].querySelector('.name').textContent",
                vec![serde_json::to_value(&card).unwrap()],
            )
            .await;
        assert_eq!(shown, json!(NAME));
        assert!(app
            .body_text()
            .await
            .contains("<script>alert(1)</script> the deck"));
        assert_eq!(
            app.js(&format!("return {no_injection}"), vec![]).await,
            json!(true)
        );

        app.nav("Contacts").await;
        let search = app.field("Search contacts").await;
        app.type_into(&search, "img").await;
        let row = app.find(".contact-row").await;
        assert_eq!(
            app.js(
                "return arguments[0].querySelector('.name').textContent",
                vec![serde_json::to_value(&row).unwrap()]
            )
            .await,
            json!(NAME)
        );
        row.click().await.unwrap();
        let heading = app.find("[data-testid=contact-name]").await;
        assert_eq!(heading.text().await.unwrap(), NAME);
        let page = app.body_text().await;
        assert!(page.contains("<b>Bold Corp</b>"), "{page}");
        assert!(
            page.contains("<script>alert(1)</script> the deck"),
            "the promise shows on the page as text: {page}"
        );
        assert_eq!(
            app.js(&format!("return {no_injection}"), vec![]).await,
            json!(true)
        );
        assert!(app
            .js("return document.title", vec![])
            .await
            .as_str()
            .unwrap()
            .starts_with("keepwarm"));
        // The database holds the name as typed, and the promise is due today there too.
        let shown = cli_json(&db, &["show", &id.to_string(), "--json"]);
        assert_eq!(shown["name"], NAME);
        assert_eq!(shown["promises"][0]["due"], today().to_string());
        let store = Store::open(&db).unwrap();
        let screen = keepwarm::screens::today_screen(&store, today()).unwrap();
        assert!(screen
            .pings
            .iter()
            .any(|p| p.ping.contact_id == id && p.promise.is_some()));
        app.close().await;
    });
}

#[test]
fn the_keyboard_moves_through_today_and_acts() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), DemoOptions::default());
    // Promises due today: pings today, whatever the day.
    {
        let mut store = Store::open(&db).unwrap();
        for (contact, text) in [(3, "the deck"), (4, "the price sheet"), (5, "an intro")] {
            store
                .add_promise(contact, &format!("Send {text}"), today(), today())
                .unwrap();
        }
    }
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.find("li.ping-card.selected").await;
        let cards = app.find_all("li.ping-card").await;
        assert!(cards.len() >= 3, "the demo has pings today");
        let second = cards[1].attr("data-ping-id").await.unwrap().unwrap();

        // j moves down, k back up, j again: the second card is selected.
        for key in ["j", "j", "k"] {
            app.press(key).await;
        }
        let selected = app.find("li.ping-card.selected").await;
        assert_eq!(
            selected.attr("data-ping-id").await.unwrap().unwrap(),
            second
        );

        // d opens Done with the note focused; Escape closes it.
        app.press("d").await;
        app.wait_until(
            "the note field has focus",
            "document.activeElement?.closest('label')?.innerText.trim() === 'Note'",
        )
        .await;
        app.js(
            "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))",
            vec![],
        )
        .await;
        app.wait_until(
            "the form closes",
            "!document.querySelector('li.ping-card form')",
        )
        .await;

        // x skips the selected ping: it leaves Today and the library recorded it.
        app.press("x").await;
        app.wait_until(
            "the skipped ping leaves Today",
            &format!("!document.querySelector(\"li.ping-card[data-ping-id='{second}']\")"),
        )
        .await;
        let store = Store::open(&db).unwrap();
        let plan = keepwarm::screens::today_screen(&store, today()).unwrap();
        assert!(plan.pings.iter().all(|p| p.ping.id != second));
        app.close().await;
    });
}

/// Opens contact `id`'s page through the Contacts search.
pub async fn open_contact(app: &Desktop, name: &str, id: i64) {
    app.nav("Contacts").await;
    let search = app.field("Search contacts").await;
    app.type_into(&search, name).await;
    app.find(&format!(".contact-row[data-contact-id='{id}']"))
        .await
        .click()
        .await
        .unwrap();
    app.find("[data-testid=contact-name]").await;
}

#[test]
fn a_birthday_phone_and_tag_are_edited_in_place_with_the_library_checking_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("edit.db");
    let id = add(&mut Store::open(&db).unwrap(), "Grace Hopper", "US Navy");
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        open_contact(&app, "Grace", id).await;

        // A day that does not exist is refused with the library's message.
        app.button("Edit Birthday").await.click().await.unwrap();
        let field = app.field("Birthday").await;
        app.type_into(&field, "1906-02-30\u{E007}").await;
        let error = app.find(".editable .field-error").await;
        assert!(error.text().await.unwrap().contains("birthday"));
        assert_eq!(
            Store::open(&db).unwrap().contact(id).unwrap().birthday,
            None
        );

        // A real one is saved.
        app.set_value(&field, "").await;
        app.type_into(&field, "1906-12-09\u{E007}").await;
        app.wait_until(
            "the birthday shows",
            "document.querySelector('[aria-label=\"Edit Birthday\"]')?.innerText.includes('1906-12-09')",
        )
        .await;
        let birthday = Store::open(&db).unwrap().contact(id).unwrap().birthday;
        assert_eq!(
            birthday.map(|b| b.to_string()).as_deref(),
            Some("1906-12-09")
        );

        // The list fields: a phone and a tag added, the phone removed again.
        for (noun, value) in [("phone", "+1 555 010 2000"), ("tag", "Clients")] {
            let field = app.field(&format!("Add {noun}")).await;
            app.type_into(&field, &format!("{value}\u{E007}")).await;
            app.wait_until(
                &format!("the {noun} shows"),
                &format!("!!document.querySelector('[aria-label=\"Remove {noun} {value}\"]')"),
            )
            .await;
        }
        let saved = Store::open(&db).unwrap().contact(id).unwrap();
        assert_eq!(
            (saved.phones, saved.tags),
            (
                vec!["+1 555 010 2000".to_owned()],
                vec!["Clients".to_owned()]
            )
        );
        app.button("Remove phone +1 555 010 2000")
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the phone is gone",
            "!document.querySelector('[aria-label=\"Remove phone +1 555 010 2000\"]')",
        )
        .await;
        assert!(Store::open(&db)
            .unwrap()
            .contact(id)
            .unwrap()
            .phones
            .is_empty());
        app.close().await;
    });
}

#[test]
fn two_contacts_merge_into_one_with_both_histories() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("merge.db");
    let (keep, other) = {
        let mut store = Store::open(&db).unwrap();
        let keep = add(&mut store, "Ada Lovelace", "Analytical Engines");
        let other = add(&mut store, "Augusta King", "Babbage & Co");
        for (id, note) in [(keep, "first letter"), (other, "notes on the engine")] {
            store
                .log_interaction(
                    &keepwarm::store::NewInteraction {
                        contact_id: id,
                        kind: keepwarm::model::InteractionKind::Email,
                        date: today(),
                        note: note.into(),
                        event: None,
                    },
                    today(),
                )
                .unwrap();
        }
        (keep, other)
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        open_contact(&app, "Ada", keep).await;
        app.button("Merge…").await.click().await.unwrap();
        let find = app.field("Find the other contact").await;
        app.type_into(&find, "Augusta").await;
        app.find(".pick-list button").await.click().await.unwrap();
        app.button("Merge").await.click().await.unwrap();
        app.wait_until(
            "both histories show on the page",
            "document.querySelector('[data-testid=timeline]')?.innerText.includes('notes on the engine')",
        )
        .await;

        let store = Store::open(&db).unwrap();
        let contacts = store.contacts().unwrap();
        assert_eq!(contacts.len(), 1, "{contacts:?}");
        assert_eq!(contacts[0].id, keep);
        assert_eq!(store.interactions_of(keep).unwrap().len(), 2);
        assert!(contacts.iter().all(|c| c.id != other));
        app.close().await;
    });
}

#[test]
fn a_contact_is_found_by_a_word_only_in_a_meeting_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("search.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        add(&mut store, "Hedy Lamarr", "MGM");
        let id = add(&mut store, "Claude Shannon", "Bell Labs");
        store
            .log_interaction(
                &keepwarm::store::NewInteraction {
                    contact_id: id,
                    kind: keepwarm::model::InteractionKind::Meeting,
                    date: today(),
                    note: "juggling robots and a unicycle".into(),
                    event: None,
                },
                today(),
            )
            .unwrap();
        id
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Contacts").await;
        let search = app.field("Search contacts").await;
        app.type_into(&search, "unicycle").await;
        app.wait_until(
            "only Claude matches",
            &format!(
                "document.querySelectorAll('.contact-row').length === 1 && !!document.querySelector(\".contact-row[data-contact-id='{id}']\")"
            ),
        )
        .await;
        // The library finds him by that meeting note, and only by it.
        let found = cli_json(&db, &["contacts", "--search", "unicycle", "--json"]);
        let found = found.as_array().unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0]["id"], id);
        let card = cli_json(&db, &["show", &id.to_string(), "--json"]);
        for field in ["name", "company", "emails", "interests", "notes"] {
            assert!(!card[field].to_string().contains("unicycle"), "{card}");
        }
        let matched = found[0]["matched"].to_string();
        assert!(matched.contains("interaction"), "{matched}");
        // The page opens on his timeline with the note.
        app.find(&format!(".contact-row[data-contact-id='{id}']"))
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the timeline shows the meeting note",
            "document.querySelector('[data-testid=timeline]')?.innerText.includes('unicycle')",
        )
        .await;
        app.close().await;
    });
}
