use super::*;

#[test]
fn a_short_word_of_the_deed_answers_a_request_and_a_longer_clause_does_not() {
    for answer in [
        "Sent",
        "done - emailed",
        "Replied next morning",
        "already sent it over",
        "sent same day",
    ] {
        assert!(is_answer(answer), "{answer}");
    }
    for not in [
        "Done deal by March he reckons",
        "Emailed re pricing",
        "Sorted the parking at the venue",
        "Sent the case study last week",
    ] {
        assert!(!is_answer(not), "{not}");
    }
}

#[test]
fn a_timeline_wanted_is_no_thing_to_send() {
    assert_eq!(request("Rebecca wants go-live Q2"), None);
    assert_eq!(
        request("He wants the VHBA panel badly - national implications"),
        None
    );
    assert_eq!(request("Wants install to start Feb."), None);
    assert_eq!(
        request("Needs our updated BBBEE cert - ours expires 28/2/27 so fine for now"),
        None
    );
    assert!(request("Wants the go-live checklist").is_some());
    assert!(request("Wants go-live checklist").is_some());
    assert_eq!(request("Wants launch in March"), None);
    assert!(request("Wants the pricing sheet").is_some());
}

#[test]
fn a_present_bought_for_a_day_is_a_surprise() {
    assert!(is_surprise("Buy Lego Technic for Luca's bday"));
    assert!(is_surprise(
        "Buy Castlemartyr spa voucher for Ash's 40th - group pressie"
    ));
    assert!(!is_surprise("Buy a new laptop bag"));
    assert!(!is_surprise("Present the roadmap to her team"));
}

#[test]
fn a_verb_alone_names_no_thing_and_a_plural_noun_does() {
    assert!(!names_a_thing("confirms"));
    assert!(names_a_thing("exams"));
    assert!(names_a_thing("the knee op"));
}

#[test]
fn a_thing_named_before_its_day_drops_its_label_and_a_lone_pronoun_names_nothing() {
    assert_eq!(tidy_thing("Niall: PO for phase 2 w/c"), "PO for phase 2");
    assert_eq!(tidy_thing("them"), "");
    assert_eq!(tidy_thing("her budget review"), "her budget review");
    assert_eq!(tidy_thing("Board mtg"), "Board mtg");
    assert_eq!(tidy_thing("bit nervous about the knee op"), "the knee op");
    assert_eq!(tidy_thing("about the knee op"), "about the knee op");
    assert_eq!(tidy_thing("Stressed re the move"), "the move");
    assert_eq!(tidy_thing("Arjun flying to Chennai"), "the trip to Chennai");
    assert_eq!(tidy_thing("Sarah moving to Leeds"), "the move to Leeds");
    assert_eq!(
        tidy_thing("Arjun flying to Chennai on"),
        "the trip to Chennai"
    );
    // Business moving on is no trip or house move.
    for business in [
        "Proposal going to their board",
        "Budget heading to CFO",
        "Deal moving to stage 3",
        "Pricing moving to the new model",
    ] {
        assert!(!tidy_thing(business).starts_with("the trip"), "{business}");
        assert!(!tidy_thing(business).starts_with("the move"), "{business}");
    }
    assert_eq!(tidy_thing("Going to"), "Going to");
    let on = |note: &str| note_dates(note, "2026-11-26".parse().unwrap());
    let niall = on("Niall: PO for phase 2 w/c 14 Dec once budget released");
    assert_eq!(niall[0].what, "PO for phase 2", "{niall:?}");
    let gavin = on("Gavin sorting 4 loaners for the eval - he'll have them to us by 10 Dec");
    assert!(gavin.iter().all(|d| d.what != "them"), "{gavin:?}");
}

#[test]
fn an_acronym_or_a_model_opens_no_clause_about_someone_else() {
    assert!(!about_someone_else(
        "SAP go-live, chaos till mid Jan",
        "Jürgen",
        true
    ));
    assert!(!about_someone_else(
        "CP-400 budget 2027 in Jan",
        "Michael",
        true
    ));
    assert!(about_someone_else(
        "Thomas says budget in KW 3",
        "Michael",
        true
    ));
    // An organisation, or a system's project, is no one else either.
    for not in [
        "West Lothian College",
        "Fife College",
        "Moodle upgrade till end Jan",
        "Workday rollout slipped to March",
    ] {
        assert!(!about_someone_else(not, "Craig", true), "{not}");
    }
    assert!(about_someone_else(
        "Sophie wants pricing too",
        "Craig",
        true
    ));
    assert_eq!(
        own_part(
            "Craig - Fife College. Moodle upgrade till end Jan - keen on a demo in Feb",
            "Craig"
        ),
        "Craig. Fife College. Moodle upgrade till end Jan. keen on a demo in Feb"
    );
}

#[test]
fn a_board_member_is_no_decision_and_an_intro_is_an_offer() {
    let r = read_note(
        "Coffee. Promised him my 30-60-90 plan. He'll intro me to a board member at Northway.",
        "Fergal",
    );
    assert!(!r.decision && r.offered, "{r:?}");
    let r = read_note(
        "Pilot review in Naas went well. Board approval needed on 14 Jan.",
        "Declan",
    );
    assert!(r.decision, "{r:?}");
}

#[test]
fn news_the_user_already_congratulated_on_is_no_opening() {
    let r = read_note(
        "Congrats msg - promoted to Head of Sales EMEA at Clearpay. Pints to celebrate sometime.",
        "Niall",
    );
    assert_eq!(r.life, None);
    let r = read_note("Promoted to Head of Sales EMEA at Clearpay.", "Niall");
    assert!(r.life.is_some());
}

#[test]
fn a_clause_that_opens_with_someone_else_is_theirs() {
    let thomas: &[&str] = &["Thomas"];
    let book: std::collections::HashSet<String> = ["thomas", "michael", "sully"]
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let someone = |clause: &str, names: &[&str]| opens_with_someone(clause, names, &book);
    assert!(someone("Kaltenbach: Michael is off 21 Dec - 8 Jan", thomas));
    assert!(someone("Michael's off from 21 Dec", thomas));
    assert!(someone("Michael having hip op Mon 7 Dec", thomas));
    assert!(someone(
        "Michael needs the TCO calc from me by 7 Dec",
        thomas
    ));
    assert!(!someone("Michael is off from 21 Dec", &["Michael"]));
    assert!(!someone("Sully is off till Jan", &["Mick", "Sully"]));
    assert!(!someone("She is off from 18 Dec", &["Ciara"]));
    // Not in the book: no one.
    assert!(!someone("Contract is up for renewal 15 Jan", thomas));
    assert!(!someone("Office is closed 24 Dec to 2 Jan", thomas));
    assert!(!someone("SAP is live in Jan", thomas));
    assert_eq!(
        without_others(
            "Kaltenbach: Michael is off 21 Dec - 8 Jan, Thomas says budget decision KW 3",
            thomas,
            &book
        ),
        " Thomas says budget decision KW 3"
    );
    // The contact's own sentence stays whole, dates and all.
    assert_eq!(
        without_others(
            "Away from 1 Dec, back 11 Jan. Michael is off too. Call 15.1.2027",
            thomas,
            &book
        ),
        "Away from 1 Dec, back 11 Jan. Call 15.1.2027"
    );
}

#[test]
fn asking_someone_else_for_the_contact_is_checking_with_them() {
    let r = read_promise(
        "Ask Alessandro if Brianza can visit line 2 as reference",
        "Daniela",
        "Daniela Villa",
    )
    .unwrap();
    assert_eq!(r.act, "check_with");
    assert_eq!(
        r.object,
        "Alessandro if Brianza can visit line 2 as reference"
    );
    let short = read_promise("Ask Matt about the line speeds", "Matthew", "Matthew Huber");
    assert_eq!(short.map(|r| r.act), Some("ask"));
    let own = read_promise(
        "Ask Daniela about the line speeds",
        "Daniela",
        "Daniela Villa",
    )
    .unwrap();
    assert_eq!(own.act, "ask");
}

#[test]
fn a_retirement_long_settled_is_no_news() {
    assert!(!is_life_clause(
        "Colm msg - retired life good, golf 4 days a wk"
    ));
    assert!(is_life_clause("Retiring at the end of March"));
}

#[test]
fn what_follows_a_dash_in_a_promise_is_an_aside() {
    let r = read_promise(
        "Send Ruth UHW pilot results draft - Ciara to approve first",
        "Ruth",
        "Ruth Sheehan",
    )
    .unwrap();
    assert_eq!(r.object, "UHW pilot results draft");
}

#[test]
fn a_short_month_asks_for_later_but_may_and_mar_are_words() {
    let on = "2026-12-10".parse().unwrap();
    assert!(asks_for_later("coffee in Jan when I'm up in Dublin", on));
    assert!(!asks_for_later("whatever may come of it", on));
    assert!(!asks_for_later("the price list", on));
}

#[test]
fn will_is_a_name_when_a_name_s_verb_follows() {
    for not in [
        "Will focus on the pilot first",
        "Will canvas the team",
        "Will embed the report",
    ] {
        assert!(!about_someone_else(not, "Rosa", true), "{not}");
    }
    assert!(about_someone_else(
        "Will said the board meets Tue 8 Dec",
        "Rosa",
        true
    ));
    assert!(about_someone_else(
        "Will mentioned his move to Leeds",
        "Rosa",
        true
    ));
    assert!(!about_someone_else(
        "Will call her after 11/1",
        "Rosa",
        true
    ));
    assert!(!about_someone_else(
        "Will discuss with the board",
        "Rosa",
        true
    ));
}

#[test]
fn a_request_for_a_month_gone_by_or_for_something_to_happen_is_not_delivered() {
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    assert!(names_past_month(
        "training dates in March",
        d("2026-11-10"),
        d("2027-04-02")
    ));
    assert!(!names_past_month(
        "training dates in March",
        d("2026-11-10"),
        d("2027-03-20")
    ));
    assert!(!names_past_month(
        "the price list",
        d("2026-11-10"),
        d("2027-04-02")
    ));
    assert_eq!(
        request("Needs the loan stock agreed with the hospital first"),
        None
    );
}

#[test]
fn a_shared_note_gives_each_person_only_their_own_request() {
    let note = "Tender panel met. Ruth needs the implant price list; Omar worried about stock, wants a consignment plan";
    let ruth = read_note(note, "Ruth").request.unwrap();
    assert_eq!(ruth.object, "the implant price list");
    assert!(ruth.and.is_none(), "{ruth:?}");
    let omar = read_note(note, "Omar").request.unwrap();
    assert_eq!(omar.object, "a consignment plan");
}

#[test]
fn a_pregnancy_is_news() {
    let r = read_note(
        "book club at Ellie's. she's pregnant, due in Feb!! shower sometime in Jan",
        "Ellie",
    );
    assert_eq!(r.life.as_deref(), Some("She's pregnant, due in Feb"));
}

#[test]
fn a_capability_wished_for_is_an_interest_not_a_thing_to_send() {
    let r = read_note(
        "QBR. Tanya wants coaching workflows for the scorecards.",
        "Tanya",
    )
    .request
    .unwrap();
    assert_eq!(
        (r.kind, r.object.as_str()),
        ("interest", "coaching workflows for the scorecards")
    );
    let spec = read_note("Wants the integration spec sheet.", "Tanya")
        .request
        .unwrap();
    assert_eq!(spec.kind, "send");
}

#[test]
fn a_request_declined_is_no_request() {
    let note = "Heather: they went w FleetPulse. price was the decider. asked for a feedback call, she declined politely";
    assert!(read_note(note, "Heather").request.is_none());
    assert!(!waits_on_user(note, "Heather"));
}

#[test]
fn a_request_for_months_ahead_is_not_owed_yet() {
    let note = "exec mtg w Steve + Luis. Steve is a numbers guy, wants an ROI review at 6 months (May). verbal yes";
    assert!(read_note(note, "Steve").request.is_none());
    assert!(read_note("Wants an ROI review now", "Steve")
        .request
        .is_some());
}

#[test]
fn a_note_told_person_by_person_gives_one_not_named_nothing_of_theirs() {
    // Logged with Kara too, who is not named: Lisa's briefing is Lisa's.
    let note = "partner dinner at the expo. Neha (ColdSense) wants to explore an integration of their reefer sensors, I said I'd connect her w our partner team. Lisa is writing a telematics market report for Q1, wants a briefing";
    let kara = read_note(note, "Kara");
    assert!(kara.request.is_none() && kara.thread.is_none(), "{kara:?}");
    assert!(!waits_on_user(note, "Kara"));
    assert_eq!(
        read_note(note, "Lisa").request.unwrap().object,
        "a briefing"
    );
    assert_eq!(own_part(note, "Kara"), "partner dinner at the expo");
    // One other name alone may be the contact's own by another name.
    // Text whose lower case is longer or shorter than itself: no panic.
    for odd in ["İİİ to İ", "lunch w İ", "deck to ẞ w ẞ", "K w İlknur + İ"] {
        let _ = read_promise(odd, "İ", "İlknur Şahin");
        let _ = read_promise(odd, "ẞ", "ẞ");
    }
    let one = "Demo done. Bob wants a quote, asked for references";
    assert_eq!(own_part(one, "Robert"), one);
}

fn request(note: &str) -> Option<(&'static str, String)> {
    read_note(note, "Ana").request.map(|r| (r.kind, r.object))
}

#[test]
fn requests_are_told_from_background() {
    // An abbreviation's dot ends no sentence.
    assert_eq!(
        request("Renewal: contract runs out 31 Mar. Want offer incl. Yard Mgmt module in January."),
        Some(("send", "offer incl. Yard Mgmt module in January".to_owned()))
    );
    assert_eq!(
        request("Wants a follow-up on pricing for the enterprise tier."),
        Some(("send", "pricing for the enterprise tier".to_owned()))
    );
    assert_eq!(
        request("Loved the case study — asked for a reference call."),
        Some(("set_up", "a reference call".to_owned()))
    );
    assert_eq!(
        request("Liked our dashboard demo; wants a sandbox account for her team"),
        Some(("set_up", "a sandbox account for her team".to_owned()))
    );
    assert_eq!(
        request("Wants a quote for 40 seats before year end; worried about onboarding time"),
        Some(("send", "a quote for 40 seats before year end".to_owned()))
    );
    assert_eq!(
        request("Asked about integrations with their ERP."),
        Some(("answer", "integrations with their ERP".to_owned()))
    );
    assert_eq!(
        request("She asked me to send the deck to her CFO"),
        Some(("send", "the deck to her CFO".to_owned()))
    );
    let two = read_note(
        "Good chat; asked about integrations with SAP and wants pricing for 200 drivers",
        "Raf",
    )
    .request
    .unwrap();
    assert_eq!(
        (two.kind, two.object.as_str()),
        ("answer", "integrations with SAP")
    );
    let and = two.and.unwrap();
    assert_eq!(
        (and.kind, and.object.as_str()),
        ("send", "pricing for 200 drivers")
    );
    assert_eq!(
        request("Ana wants a demo for the ops team"),
        Some(("set_up", "a demo for the ops team".to_owned()))
    );
    for background in [
        "Moving to the Seattle office in January",
        "Had a baby boy in August",
        "Wants to expand to Spain next year",
        "Just back from holiday, very relaxed.",
        "Evaluating two other vendors; decision in Q2.",
        "Her boss said the team wants nothing new this year but ",
        "",
    ] {
        assert_eq!(request(background), None, "{background}");
    }
    let reading = read_note("Budget approved. Rollout in Q3; pilot first.", "Hal");
    assert_eq!(
        reading.thread.as_deref(),
        Some("Budget approved. Rollout in Q3; pilot first")
    );
    let reading = read_note("Twins born in December. Renewal talks in Q2.", "Hal");
    assert_eq!(reading.thread.as_deref(), Some("Renewal talks in Q2"));
    assert_eq!(reading.life.as_deref(), Some("Twins born in December"));
    let reading = read_note(
        "Contract up for renewal in April; she is moving to the Seattle office in January",
        "Helen",
    );
    assert_eq!(
        reading.thread.as_deref(),
        Some("Contract up for renewal in April")
    );
    assert_eq!(
        reading.life.as_deref(),
        Some("She is moving to the Seattle office in January")
    );
    let reading = read_note("Introduced me to their head of operations.", "Wei");
    assert_eq!(
        reading.favour.as_deref(),
        Some("Introduced me to their head of operations")
    );
    assert_eq!(reading.thread, None);
    let reading = read_note("Had a baby boy in August", "Grace");
    assert_eq!(reading.life.as_deref(), Some("Had a baby boy in August"));
    assert_eq!(reading.thread, None);
}

#[test]
fn notes_are_quoted_as_short_fragments_without_filler() {
    let reading = read_note(
        "Quick catch-up; they're hiring two account managers.",
        "Seo",
    );
    assert_eq!(
        reading.thread.as_deref(),
        Some("They're hiring two account managers")
    );
    let long = format!(
        "Budget approved for the rollout in Q3; {}; she also mentioned her daughter is graduating",
        "lots of detail about the procurement process and who signs what ".repeat(3)
    );
    let reading = read_note(&long, "Ana");
    let thread = reading.thread.unwrap();
    assert!(thread.chars().count() <= FRAGMENT_CHARS, "{thread}");
    assert!(thread.starts_with("Budget approved"), "{thread}");
    assert!(reading.life.unwrap().contains("graduating"));
}

#[test]
fn a_promise_s_verb_says_what_to_do() {
    let read = |t: &str| read_promise(t, "Tom", "Tom Becker").map(|p| (p.act, p.object));
    assert_eq!(
        read("Call Tom after his budget meeting"),
        Some(("call", "after his budget meeting".to_owned()))
    );
    assert_eq!(
        read("Send the 40-seat quote with the onboarding plan"),
        Some((
            "send",
            "the 40-seat quote with the onboarding plan".to_owned()
        ))
    );
    assert_eq!(
        read("Get 3 replacement tablet mounts to Tom (from Fleetlink)"),
        Some((
            "send",
            "3 replacement tablet mounts (from Fleetlink)".to_owned()
        ))
    );
    // A get-together to agree a time for.
    assert_eq!(
        read("lunch w Tom - congrats on Tri-State"),
        Some(("meet", "for lunch".to_owned()))
    );
    assert_eq!(
        read("coffee with Tom Becker, my treat, before he leaves"),
        Some((
            "meet",
            "for coffee, your treat, before he leaves".to_owned()
        ))
    );
    assert_eq!(read("lunchbox order for the kids"), None);
    assert_ne!(
        read("coffee machine brochure to Tom").map(|r| r.0),
        Some("meet")
    );
    // With someone else, said on without a comma.
    assert_eq!(
        read("coffee w Sarah's team before Xmas"),
        Some(("meet", "for coffee w Sarah's team before Xmas".to_owned()))
    );
    // The contact named inside the thing is named by the ping anyway.
    assert_eq!(
        read("set up the analyst briefing w Tom Becker + product mktg"),
        Some((
            "arrange",
            "the analyst briefing with product mktg".to_owned()
        ))
    );
    assert_eq!(
        read("discount approval form for Northgate 3yr to Tom w margin calc"),
        Some((
            "send",
            "discount approval form for Northgate 3yr w margin calc".to_owned()
        ))
    );
    // The contact by a short form of the name: "Raj" on Rajesh's card.
    let rajesh = read_promise(
        "Send Raj the 2yr AOANJRR data for Meridian (again!)",
        "Rajesh",
        "Rajesh Mehta",
    )
    .map(|p| (p.act, p.object));
    assert_eq!(
        rajesh,
        Some((
            "send",
            "the 2yr AOANJRR data for Meridian (again!)".to_owned()
        ))
    );
    assert!(
        read_promise("Send the deck to Theo", "Theodore", "Theodore Ng")
            .is_some_and(|p| p.object.starts_with("the deck"))
    );
    // Someone else, by name and surname initial, asked a favour for them.
    assert_eq!(
        read_promise(
            "Ask Helen Z if she'd see Dad re his knee",
            "Jan",
            "Jan Kowalczyk"
        )
        .map(|p| p.act),
        Some("check_with")
    );
    // Said without a verb, to the contact: the thing alone, its
    // acronym kept.
    assert_eq!(
        read("Q1 pipeline deck to Tom"),
        Some(("send", "Q1 pipeline deck".to_owned()))
    );
    assert_eq!(
        read("revised order form w 12% disc to Tom"),
        Some(("send", "revised order form w 12% disc".to_owned()))
    );
    assert_eq!(
        read("K-12 references to Tom - check w Kevin which districts we can name"),
        Some(("send", "K-12 references".to_owned()))
    );
    assert_eq!(
        read("Send the deck to Tom."),
        Some(("send", "the deck".to_owned()))
    );
    assert_eq!(
        read("Introduce them to our solutions engineer"),
        Some(("introduce", "to our solutions engineer".to_owned()))
    );
    assert_eq!(
        read("Follow up on the pilot results"),
        Some(("follow_up", "the pilot results".to_owned()))
    );
    // A favour to ask is asked, never quoted back as "Keep your promise".
    assert_eq!(
        read("Ask Tom if we can list his site as a reference"),
        Some(("ask", "if we can list his site as a reference".to_owned()))
    );
    assert_eq!(
        read("Get back to Tom about pricing"),
        Some(("follow_up", "pricing".to_owned()))
    );
    assert_eq!(read("Phone him"), Some(("call", String::new())));
    assert_eq!(
        read("Invite them to the customer advisory board"),
        Some(("invite", "to the customer advisory board".to_owned()))
    );
    assert_eq!(read("Send it"), None);
    assert_eq!(read("Send"), None);
    assert_eq!(read("Callback"), None);
    // Another to-do of the user's is said whole, as written.
    assert_eq!(
        read("Find out the GA date from PM and tell Tom"),
        Some(("do", "find out the GA date from PM and tell Tom".to_owned()))
    );
    assert_eq!(
        read("Return the book"),
        Some(("do", "return the book".to_owned()))
    );
    assert_eq!(read("Complete"), None);
    // A thing handed over, named without a verb, is sent; its aside in
    // brackets is left out.
    assert_eq!(
        read("FY27 territory plan"),
        Some(("send", "FY27 territory plan".to_owned()))
    );
    assert_eq!(
        read("Business case + final pricing for FY27 budget (needed by Jan 8)"),
        Some((
            "send",
            "business case + final pricing for FY27 budget".to_owned()
        ))
    );
    assert_eq!(
        read("Lunch in March"),
        Some(("meet", "for lunch in March".to_owned()))
    );
    assert_eq!(read("Intro to the CFO"), None);
    assert_eq!(read("Deck"), Some(("send", "deck".to_owned())));
    assert_eq!(
        own_to_do("Ken's retirement card + bottle of Glenmorangie 18 - post to Inverness"),
        (
            "Ken's retirement card + bottle of Glenmorangie 18".to_owned(),
            false
        )
    );
    assert!(is_surprise(
        "Ken's retirement card + bottle of Glenmorangie 18"
    ));
    // Letters that change length when lower-cased cut nothing in half.
    let zoe = read_promise(
        "Get Zoë to send the İSTANBUL, İZMİR and DİYARBAKIR İNŞAAT quotes",
        "Zoë",
        "Zoë Kaya",
    )
    .unwrap();
    assert_eq!(
        (zoe.act, zoe.object.as_str()),
        (
            "ask",
            "to send the İSTANBUL, İZMİR and DİYARBAKIR İNŞAAT quotes"
        )
    );
    assert_eq!(read(""), None);
}

#[test]
fn objects_read_as_known_things() {
    assert_eq!(definite("a quote for 40 seats"), "the quote for 40 seats");
    assert_eq!(definite("pricing for the tier"), "the pricing for the tier");
    assert_eq!(definite("the deck"), "the deck");
    assert_eq!(definite("Signature"), "the signature");
    assert_eq!(definite("Submission to Acme"), "the submission to Acme");
    // A sentence's capital on a common word is dropped; a name's is kept.
    assert_eq!(
        definite("Knee replacement surgery"),
        "the knee replacement surgery"
    );
    assert_eq!(definite("Cataract surgery"), "the cataract surgery");
    assert_eq!(definite("Harbor Bank renewal"), "the Harbor Bank renewal");
    assert_eq!(definite("Feldstein install"), "the Feldstein install");
    assert_eq!(definite("ABQ go-live"), "the ABQ go-live");
    assert_eq!(
        definite("Heart Foundation gala"),
        "the Heart Foundation gala"
    );
    assert_eq!(definite("Back Bay office move"), "the Back Bay office move");
    assert_eq!(definite(" Knee surgery"), "the knee surgery");
    assert_eq!(definite("\u{a0}\u{a0}Hip op"), "the hip op");
    assert_eq!(definite("her team's sandbox"), "her team's sandbox");
    assert_eq!(event_name("a customer dinner"), "the customer dinner");
    assert_eq!(event_name("SaaStr Annual"), "SaaStr Annual");
}

#[test]
fn a_contact_s_own_notes_leave_import_bookkeeping_out() {
    assert_eq!(
            own_notes("LinkedIn: https://www.linkedin.com/in/sarahwhitfield\n\nFrom google-contacts.csv: Former boss at Meridian. Good reference.\n\nFrom google-contacts.csv, differing: title CRO."),
            Some("Former boss at Meridian. Good reference".to_owned())
        );
    assert_eq!(
        own_notes("My old college roommate, now at a VC."),
        Some("My old college roommate, now at a VC".to_owned())
    );
    for nothing in [
        "",
        "LinkedIn: https://www.linkedin.com/in/jamesokafor",
        "https://example.com/profile",
        "Merged with Omar Farouk (#42) on 2026-11-30; theirs differed: name Omar Farouk.",
        "From google-contacts.csv, differing: title Dir. Finance Systems.",
    ] {
        assert_eq!(own_notes(nothing), None, "{nothing}");
    }
    let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        relationship_tag(&tags(&["Prospects", "Former colleagues"])),
        Some("Former colleagues")
    );
    assert_eq!(relationship_tag(&tags(&["Prospects", "My Contacts"])), None);
    assert!(is_client(&tags(&["Key clients"])));
    assert!(!is_client(&tags(&["Vendors"])));
}

#[test]
fn clear_dates_in_a_note_are_read_and_nothing_else() {
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
    let dates = note_dates(
        "Harbor Bank renewal due Dec 20. Procurement wants a 10% discount for a two-year term",
        written,
    );
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].what, "Harbor Bank renewal");
    assert_eq!(dates[0].on.to_string(), "2026-12-20");
    assert!(dates[0].deadline);
    let dates = note_dates("Renews on 20 Dec; starts 4 January", written);
    assert_eq!(dates[0].on.to_string(), "2026-12-20");
    assert_eq!(dates[1].on.to_string(), "2027-01-04");
    assert!(!dates[1].deadline);
    let dates = note_dates(
        "Wants pricing for 40 seats, before her budget review on Dec 15.",
        written,
    );
    assert_eq!(dates[0].what, "her budget review");
    for nothing in [
        "Renewal is due end of December (12/31)",
        "Two kids, 3 dogs",
        "May be interested in 2 seats",
        "Decision in Q1",
    ] {
        assert_eq!(note_dates(nothing, written), vec![], "{nothing}");
    }
}

#[test]
fn hostile_text_never_panics() {
    for text in [
        "İstanbul wants İ",
        "asked for",
        "wants ",
        "Kelvin asked about ",
        "🎉 asked for 🎉",
        "a — b – c - d; e. f! g? h\n",
    ] {
        let _ = read_note(text, "İ");
        let _ = note_dates(text, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let _ = read_promise(text, "İ", "İ K");
        let _ = definite(text);
        let _ = event_name(text);
    }
}
#[test]
fn the_clause_that_holds_the_thread_is_read_not_the_first() {
    let reading = read_note(
            "Demo of AP automation with Nicole. Greg skeptical about NetSuite integration, wants to talk to a customer on NetSuite.",
            "Greg",
        );
    let request = reading.request.unwrap();
    assert_eq!(
        (request.kind, request.object.as_str()),
        ("set_up", "a call with a customer on NetSuite")
    );
    let thread = reading.thread.unwrap();
    assert!(thread.contains("skeptical about NetSuite"), "{thread}");
    let long =
        "Quarterly review at their office with the whole finance team and two people from IT. \
                    Worried about the approval workflow for invoices over 50k.";
    let thread = read_note(long, "Ana").thread.unwrap();
    assert!(thread.starts_with("Worried about the approval"), "{thread}");
    // Another person's part of a note shared by everyone met at an event.
    let shared = "Booth conversations. Jason interested in multi-entity consolidation; Chris wants a demo in Q1; Patricia consolidating 40 hotels onto one GL.";
    let jason = read_note(shared, "Jason");
    assert_eq!(
        jason.thread.as_deref(),
        Some("Jason interested in multi-entity consolidation")
    );
    assert_eq!(jason.request.unwrap().kind, "interest");
    let chris = read_note(shared, "Chris");
    assert_eq!(chris.thread.as_deref(), Some("Chris wants a demo in Q1"));
    // A note that names the contact keeps its business clauses.
    let own = read_note(
        "Maria wants pricing for 40 seats. Budget approved in Q3.",
        "Maria",
    );
    assert!(own.thread.unwrap().contains("Budget approved"));
    let fed_up = read_note("They're sick of manual invoices.", "Ana");
    assert_eq!(fed_up.life, None);
    // What waits on the user is read the same way, and more cheaply.
    assert!(waits_on_user(shared, "Chris"));
    assert!(!waits_on_user(
        "Booth conversations. Chris wants a demo in Q1.",
        "Jason"
    ));
    assert!(!waits_on_user(
        "Lost to a competitor. Said to check back in a year.",
        "Meg"
    ));
    assert!(waits_on_user(
        "Co-selling; he'll introduce their CFO.",
        "Cal"
    ));
    // A word on its own is a mood, never quoted.
    let reading = read_note(
        "Onboarding check-in, bank feed issues resolved. Happy.",
        "Raj",
    );
    assert_eq!(reading.thread, None);
    assert!(reading.settled);
}

#[test]
fn a_closed_or_parked_matter_is_not_a_thread_to_check_in_on() {
    let lost = read_note(
        "Lost to a competitor. Said to check back in a year; contract ends Aug 2027.",
        "Meg",
    );
    assert_eq!(lost.thread, None);
    assert_eq!(
        lost.later.as_deref(),
        Some("Said to check back in a year; contract ends Aug 2027")
    );
    let renewed = read_note(
        "Site visit. Renewal signed through 2028. His son starts at university next fall.",
        "Stu",
    );
    assert_eq!(renewed.thread, None);
    assert!(renewed.settled);
    assert!(renewed.life.unwrap().contains("son starts"));
    let parked = read_note(
        "Intro call; timing not right, revisit after their ERP migration in spring.",
        "Sol",
    );
    assert_eq!(parked.thread, None);
    assert!(parked
        .later
        .unwrap()
        .contains("revisit after their ERP migration"));
    let open = read_note("Pilot going well; decision in Q1.", "Ola");
    assert!(!open.settled && open.later.is_none() && open.thread.is_some());
    assert!(open.decision);
}

#[test]
fn serious_news_and_its_day_are_read() {
    let ill = read_note("Golf at the club. His mom is sick, in hospice.", "Ned");
    assert_eq!(ill.life.as_deref(), Some("His mom is sick, in hospice"));
    assert!(ill.serious);
    let moving = read_note("Lunch. She's moving to Lisbon in March.", "Ana");
    assert!(moving.life.is_some() && !moving.serious);
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
    let dates = note_dates(
        "Texted about the game. He's having knee surgery on Dec 9.",
        written,
    );
    assert_eq!(dates.len(), 1);
    assert_eq!(dates[0].what, "knee surgery");
    assert!(dates[0].life && !dates[0].deadline);
    let golive = note_dates("They want SSO set up before go-live on Jan 12.", written);
    assert!(golive[0].deadline);
    assert_eq!(golive[0].what, "go-live");
    // A subject and its verb are not what happens; a state to reach is no event.
    let mum = note_dates("Mum has knee surgery on 12 Jan, nervous.", written);
    assert_eq!(mum[0].what, "knee surgery");
    let funds = note_dates(
        "Daniel wants our joint marketing funds confirmed before 1 Dec.",
        written,
    );
    assert_eq!(funds[0].on.to_string(), "2026-12-01");
    assert_eq!(funds[0].what, "", "no event to ask how it went");
    let tender = note_dates("Their fleet tender closes 15 Jan; PQQ by 8 Jan", written);
    assert_eq!(tender[0].what, "Their fleet tender");
    // A day confirmed for it, with its weekday: the event, someone's.
    let op = note_dates(
        "Sunday call. Dad's knee op confirmed Mon 14 Dec at Royal Preston.",
        written,
    );
    assert_eq!(op[0].what, "Dad's knee op");
    assert!(op[0].life);
    assert_eq!(definite(&op[0].what), "Dad's knee op");
}

#[test]
fn what_someone_wants_to_happen_is_not_a_request() {
    for note in [
        "Forecast 1:1; he wants Pinecrest pulled into December.",
        "Decision in Q1, needs board approval in February.",
        "Wants the contract signed before the holidays.",
    ] {
        assert_eq!(request(note), None, "{note}");
    }
    assert_eq!(
        request("Lunch. Wants intro to our Berlin team."),
        Some(("set_up", "an intro to our Berlin team".to_owned()))
    );
    // Something the contact suggested doing together is set up.
    assert_eq!(
        request("Specs come in January. He suggested lunch in December."),
        Some(("set_up", "lunch in December".to_owned()))
    );
    assert_eq!(
        request("Ski day: he proposes Fri 15 Jan at the Sudelfeld."),
        None
    );
    for not_a_plan in [
        "The proposed meeting time doesn't work.",
        "He suggested I call him after the holidays.",
        "Suggested next step: a demo for the team.",
    ] {
        assert_eq!(request(not_a_plan), None, "{not_a_plan}");
    }
    // Food words set up only what was suggested, not a thing asked for.
    assert_eq!(
        request("Wants a quote for 20 coffee machines."),
        Some(("send", "a quote for 20 coffee machines".to_owned()))
    );
    let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    assert!(names_this_month("lunch in December", december));
    assert!(names_this_month("lunch in Dec", december));
    assert!(!names_this_month("lunch in January", december));
    assert!(!names_this_month("a demo", december));
    assert_eq!(
        request("They want SSO set up before go-live."),
        Some(("set_up", "SSO before go-live".to_owned()))
    );
    // The quick look before reading misses no opener and no offer.
    for words in data()
        .request_openers
        .iter()
        .map(|o| o.words.as_str())
        .chain(data().offered_words.iter().map(String::as_str))
    {
        assert!(may_hold_open_item(&format!("x {words} y")), "{words}");
    }
    assert!(!may_hold_open_item("Golf at the club. Great round."));
    for offer in &data().offered_words {
        assert!(waits_on_user(&format!("{offer} the CFO"), "Ann"), "{offer}");
    }
    let offer = read_note("Co-selling the account; he'll introduce their CFO.", "Cal");
    assert!(offer.offered && offer.request.is_none());
    // The user's own promise is not the contact's offer.
    let own = read_note("Complained about onboarding; promised to help.", "Cal");
    assert!(!own.offered);
}

#[test]
fn following_up_with_someone_else_first_is_read_as_such() {
    let read = |t: &str| read_promise(t, "Marcus", "Marcus Johnson").map(|p| (p.act, p.object));
    assert_eq!(
        read("Follow up with our IT team on SSO configuration"),
        Some(("check_with", "our IT team on SSO configuration".to_owned()))
    );
    assert_eq!(
        read("Follow up with Marcus on SSO configuration"),
        Some(("follow_up", "SSO configuration".to_owned()))
    );
    assert_eq!(
        read("Follow up with him about pricing"),
        Some(("follow_up", "pricing".to_owned()))
    );
}

#[test]
fn a_request_in_a_shared_note_waits_only_on_the_person_who_made_it() {
    // The request has no subject of its own: it is Rachel's, not Sophie's.
    let note = "Rachel at booth: budget cttee Tue 15 Dec, wants pricing before 10 Dec. \
                    Sophie working the rival booth, drinks after";
    assert!(waits_on_user(note, "Rachel"));
    assert!(!waits_on_user(note, "Sophie"));
}

#[test]
fn the_notes_say_how_to_reach_someone_and_who_introduces_them() {
    assert_eq!(
        pending_intro("Carlos will introduce. Not met yet."),
        Some(Some("Carlos".to_owned()))
    );
    assert_eq!(
        pending_intro("Priyanka Shah will introduce. Not met yet"),
        Some(Some("Priyanka".to_owned()))
    );
    assert_eq!(
        pending_intro("Not met yet; old friend of my boss."),
        Some(None)
    );
    assert_eq!(pending_intro("Former colleague at Acme."), None);
    assert!(prefers_phone("Old school. Never reply by email, call him."));
    assert!(!prefers_phone("Call went well; sent the deck."));
    assert!(is_unanswered("Cold outreach, no reply."));
    assert_eq!(role_of("Senior Director Analyst"), Some("analyst"));
    assert_eq!(
        role_of("Principal Analyst, Supply Chain Research"),
        Some("analyst")
    );
    assert_eq!(
        role_of("Research Director, Industry Analyst"),
        Some("analyst")
    );
    // An analyst inside a buyer's business is a buyer, not an industry analyst.
    for title in [
        "Supply Chain Analyst",
        "Business Analyst",
        "Data Analyst",
        "SAP Logistics Analyst",
    ] {
        assert_eq!(role_of(title), None, "{title}");
    }
    assert_eq!(role_of("Partner - Advisory"), Some("adviser"));
    assert_eq!(role_of("Sales Recruiter"), Some("recruiter"));
    assert_eq!(role_of("VP Finance"), None);
    assert_eq!(role_of("Executive Assistant to the CEO"), Some("assistant"));
    assert_eq!(role_of("EA to the MD"), Some("assistant"));
    assert_eq!(role_of("MSc Student, UCD"), Some("student"));
    assert_eq!(role_of("Partnerships Manager"), None);
    assert_eq!(role_of("Assistant Professor"), None);
    let dec = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    assert!(asks_for_later("a demo in Q1", dec));
    assert!(asks_for_later("pricing for January", dec));
    assert!(!asks_for_later("a demo in Q4", dec));
    assert!(!asks_for_later("the analyst report", dec));
    assert!(!asks_for_later("may be interested", dec));
}

#[test]
fn gifts_are_surprises_and_family_words_say_whose_news_it_is() {
    for gift in [
        "Buy her 13th birthday present",
        "Send Karen her Christmas wine (Giant Steps pinot)",
        "Drop off Jo's Christmas Koko Black",
        "Order flowers for the launch",
    ] {
        assert!(is_surprise(gift), "{gift}");
    }
    for task in [
        "Present the roadmap to her team",
        "Send the Christmas shutdown roster",
        "Send Raj the quote",
    ] {
        assert!(!is_surprise(task), "{task}");
    }
    assert_eq!(
        family_roles("Mom. Indianapolis. Sunday calls."),
        vec!["mom"]
    );
    assert_eq!(
        family_roles("Amma (Mum). Nickname: Amma."),
        vec!["mum", "amma"]
    );
    assert_eq!(
        family_roles("Nephew - Arjun and Meera's son"),
        vec!["nephew"]
    );
    assert_eq!(
        family_roles("Retired machinist.\nNickname: Dad"),
        vec!["dad"]
    );
    assert!(family_roles("Wife of our CFO. Met at the gala.").is_empty());
    assert!(family_roles("Sister company of Acme.").is_empty());
    let family = "Thanksgiving at Beth's. Mom seeing the ortho 12/8. Dad's router keeps dropping.";
    assert_eq!(
        without_relatives_news(family, &["dad"]),
        "Thanksgiving at Beth's. Dad's router keeps dropping."
    );
    assert_eq!(without_relatives_news(family, &["mom", "dad"]), family);
}

#[test]
fn a_promise_to_get_a_sign_off_is_no_promise_to_send_one() {
    assert!(read_promise(
        "Get Greg's sign-off on the MH tender pricing",
        "Greg",
        "Greg Thornton"
    )
    .is_none());
    assert!(read_promise("Get approval for the 2027 budget", "Greg", "Greg Thornton").is_none());
    let send = read_promise("Get her the pricing", "Ana", "Ana Lima").unwrap();
    assert_eq!(send.act, "send");
}

#[test]
fn a_date_s_name_is_a_thing_or_nothing() {
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let what = |note: &str| {
        note_dates(note, written)
            .into_iter()
            .map(|d| d.what)
            .collect::<Vec<_>>()
    };
    assert_eq!(what("Board mtg 17 Dec approves capex."), vec!["Board mtg"]);
    for dated in [
        "Board mtg 17 Dec",
        "board 12/17",
        "FAT am 17.12.",
        "KW 51",
        "in January",
    ] {
        assert!(may_name_a_day(dated), "{dated}");
    }
    for undated in [
        "decision in Q2",
        "22% fewer mis-picks",
        "v2 is live",
        "ROI 3x",
    ] {
        assert!(!may_name_a_day(undated), "{undated}");
    }
    assert_eq!(what("Board moved to 12 Jan, CFO away."), vec!["Board"]);
    assert_eq!(
        what("Tata's knee replacement is confirmed on 8 Dec."),
        vec!["Tata's knee replacement"]
    );
    assert_eq!(
        what("Tata's knee replacement is confirmed: Tue 8 Dec at the Hessing Klinik."),
        vec!["Tata's knee replacement"]
    );
    assert_eq!(
        what("Sunday call. Cataract surgery set for 15 Dec, Dad driving her."),
        vec!["Cataract surgery"]
    );
    assert_eq!(
        what("Tony's security pricing for MH due to me by 7 Dec."),
        vec!["Tony's security pricing for MH"]
    );
    assert_eq!(
        what("Jo put a hold in Michael's calendar Wed 16 Dec 2pm for the committee debrief."),
        vec!["the committee debrief"]
    );
    // What the contact owes is named by the thing.
    assert_eq!(
        what("He'll get his quote to us on 7 Dec."),
        vec!["his quote"]
    );
    for garbled in [
        "In the UK for Christmas with her daughter from 5 Dec.",
        "Settlement done, moving to Geelong on 12 Dec.",
    ] {
        assert_eq!(what(garbled), vec![String::new()], "{garbled}");
    }
}

#[test]
fn a_title_ends_no_sentence() {
    assert_eq!(
        clauses("Hold in Dr. Reitmeier's calendar: Thu 14 Jan. I have to confirm by 18 Dec."),
        vec![
            "Hold in Dr. Reitmeier's calendar: Thu 14 Jan",
            "I have to confirm by 18 Dec"
        ]
    );
}

#[test]
fn a_card_keeps_a_yearly_christmas_custom_of_the_users() {
    fn custom(card: &str) -> Option<(&str, &str, bool)> {
        christmas_custom(card).map(|c| (c.sentence, c.thing, c.by_post))
    }
    assert_eq!(
            custom("Mama's sister in Kraków. Christmas card (in Polish) every year, must arrive before Wigilia. Landline only."),
            Some((
                "Christmas card (in Polish) every year, must arrive before Wigilia",
                "card",
                true
            ))
        );
    assert_eq!(
        custom(
            "Happy customer. Gets a Brandl Christmas hamper every year, which I deliver in person."
        ),
        Some((
            "Gets a Brandl Christmas hamper every year, which I deliver in person",
            "hamper",
            false
        ))
    );
    assert_eq!(
        custom("Old boss\nI take her for lunch every December"),
        Some(("I take her for lunch every December", "lunch", false))
    );
    // The user's own gift, whatever it is.
    assert_eq!(
        custom("Our distributor. Every Christmas I send him a case of Franciacorta (Bellavista)."),
        Some((
            "Every Christmas I send him a case of Franciacorta (Bellavista)",
            "gift",
            true
        ))
    );
    // Handed over in person: in the last days before the break.
    let in_person = |card: &str| christmas_custom(card).map(|c| c.in_person);
    assert_eq!(
        in_person(
            "Every Christmas I drop a box of Krispy Kremes + a card in person to the workshop"
        ),
        Some(true)
    );
    assert_eq!(
        in_person("Every Christmas I send Dan a bottle of pinot (courier to 447 Collins)"),
        Some(false)
    );
    assert_eq!(
        in_person("I take her for lunch every December"),
        Some(false)
    );
    assert_eq!(
        custom("Every Christmas I bring him a panettone artigianale in person."),
        Some((
            "Every Christmas I bring him a panettone artigianale in person",
            "gift",
            false
        ))
    );
    for none in [
        "HVAC subbie. Reliable. Sends a slab every Christmas.",
        "Every year she sends us a Christmas card.",
        "Every year he calls me at Christmas.",
        "Annual site visit in December.",
        "Year-end review call every December.",
        "Annual leave over December - call in January.",
        "Cricket tragic - we do the Boxing Day Test every year.",
        "She needs my Christmas card list by Fri 4 Dec.",
        "Birthday card every year.",
        "",
    ] {
        assert_eq!(custom(none), None, "{none}");
    }
}

#[test]
fn a_dated_clause_says_who_owes_what_by_the_day() {
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let owed = |note: &str| -> Vec<(Owing, String)> {
        note_dates(note, written)
            .into_iter()
            .map(|d| (d.owing, d.task))
            .collect()
    };
    let one = |owing: Owing, task: &str| vec![(owing, task.to_owned())];
    // Asked of the user by a day: owed by then.
    assert_eq!(
        owed("Asked if we can sponsor the Feb mtg. Needs a yes/no by 8 Jan."),
        one(Owing::Send, "a yes/no")
    );
    assert_eq!(
        owed("She wants the revised pricing by 15 Dec"),
        one(Owing::Send, "the revised pricing")
    );
    // The user owes a thing: sent by the day.
    assert_eq!(
        owed("Access plan + keyholder list needed from us by 16 Dec. Office closes 18 Dec."),
        vec![
            (Owing::Send, "access plan + keyholder list".to_owned()),
            (Owing::Nobody, String::new())
        ]
    );
    assert_eq!(
        owed("Nikhil: award rates + penalty assumptions from me by 3 Dec."),
        one(Owing::Send, "award rates + penalty assumptions")
    );
    assert_eq!(
        owed("He needs my final drive list by 2 Dec. for offer rev. C."),
        one(Owing::Send, "your final drive list")
    );
    assert_eq!(
        owed("She needs our 2027 forecast per product group by 15 Dec to secure allocation"),
        one(Owing::Send, "our 2027 forecast per product group")
    );
    assert_eq!(
        owed("Can I send my €300 for the voucher by Sat 5 Dec"),
        one(Owing::Send, "your €300 for the voucher")
    );
    assert_eq!(
        owed("Can I send my €300 by Sat 5 Dec? And the photos for the slideshow by 12 Dec."),
        vec![
            (Owing::Send, "your €300".to_owned()),
            (Owing::Send, "the photos for the slideshow".to_owned())
        ]
    );
    assert_eq!(
        owed("I have to confirm or release it by 18 Dec."),
        one(Owing::Do, "I have to confirm or release it by 18 Dec")
    );
    assert_eq!(
        owed("Send Lukas my final drive list by 2 Dec"),
        one(Owing::Send, "your final drive list")
    );
    assert_eq!(
        owed("Party on 19 Dec. Send the photos for the slideshow by 12 Dec."),
        vec![
            (Owing::Nobody, String::new()),
            (Owing::Send, "the photos for the slideshow".to_owned())
        ]
    );
    // Anything else the user is to do is quoted as written.
    assert_eq!(
        owed("Need to confirm by 4 Dec or she releases it."),
        one(Owing::Do, "Need to confirm by 4 Dec or she releases it")
    );
    // The contact owes the user something.
    assert_eq!(
        owed("Tony: pricing for MH due to me by 7 Dec."),
        one(Owing::Chase, "pricing for MH")
    );
    assert_eq!(
        owed("He'll get his quote to us on 7 Dec."),
        one(Owing::Chase, "his quote")
    );
    assert_eq!(
        owed("Oliver to turn round the Calder DPA by Fri 4 Dec."),
        one(Owing::Chase, "the Calder DPA")
    );
    assert_eq!(
        owed("Sarah: contract redlines back to me by 9 Dec."),
        one(Owing::Chase, "contract redlines")
    );
    assert_eq!(
        owed("He'll send the PO w/c 14 Dec."),
        one(Owing::Chase, "the PO")
    );
    assert_eq!(
        owed("AP stock ETA 10-12 wks. He'll confirm the ETA by Fri 4 Dec"),
        one(Owing::Chase, "the ETA")
    );
    // What the user will send is the user's; what they will, theirs.
    assert_eq!(
        owed("I'll send the proposal by 5 Dec."),
        one(Owing::Send, "the proposal")
    );
    assert_eq!(
        owed("Will send the SOW by 4 Dec."),
        one(Owing::Send, "the SOW")
    );
    assert_eq!(
        owed("I'll send the proposal on 5 Dec."),
        one(Owing::Send, "the proposal")
    );
    assert_eq!(
        owed("Remember to send the deck by 4 Dec."),
        one(Owing::Send, "the deck")
    );
    assert_eq!(
        owed("Must send the quote by Fri 4 Dec."),
        one(Owing::Send, "the quote")
    );
    assert_eq!(
        owed("Send the hospital pricing by 4 Dec."),
        one(Owing::Send, "the hospital pricing")
    );
    assert_eq!(
        owed("She'll send over the redlines by 9 Dec."),
        one(Owing::Chase, "the redlines")
    );
    assert_eq!(
        owed("Ralf needs TCO calc from me by 7 Dec."),
        one(Owing::Send, "TCO calc")
    );
    // Someone taken to their own news: the news is theirs.
    assert_eq!(
        escorted("taking his mum to her hip op").as_deref(),
        Some("his mum's hip op")
    );
    assert_eq!(
        escorted("Driving Maman to the op").as_deref(),
        Some("Maman's op")
    );
    assert_eq!(escorted("taking the train to Cork"), None);
    // An event alone after a comma, and whose it is.
    let event = |note: &str| {
        note_dates(note, written)
            .into_iter()
            .map(|d| d.what)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        event("Her dad in hospital, op on 3 Dec."),
        vec!["her dad's op"]
    );
    assert_eq!(event("Sister engaged, wedding on 12 Jun."), vec!["wedding"]);
    assert_eq!(event("Met at the expo, follow up on 3 Dec."), vec![""]);
    assert_eq!(
        event("Budget signed off by 15 Dec?"),
        vec!["Budget sign-off"]
    );
    assert_eq!(
        event("Moving to Cork in Feb, starts 1 Mar."),
        vec!["the start"]
    );
    assert_eq!(escorted("bringing the team to the offsite"), None);
    // A pronoun stands for the document the note named before it.
    assert_eq!(
        owed("Contract with their legal. He'll send it back signed by 18 Dec."),
        one(Owing::Chase, "the signed contract")
    );
    assert_eq!(
        owed("Got the SOW to Declan; he'll return it by 9 Dec."),
        one(Owing::Chase, "the SOW")
    );
    assert_eq!(
        owed("Good chat. He'll send it by 9 Dec."),
        vec![(Owing::Nobody, String::new())]
    );
    assert_eq!(
        owed("pilot status Alpenmilch, he drafts the KPI report by 18 Dec"),
        one(Owing::Chase, "the KPI report")
    );
    assert_eq!(
        owed("Send Dr. Weber the trial data by 9 Dec."),
        one(Owing::Send, "the trial data")
    );
    assert_eq!(
        owed("I'll send him the revised quote by 3 Dec."),
        one(Owing::Send, "the revised quote")
    );
    assert_eq!(
        owed("I'll get the revised quote to him by Fri 4 Dec."),
        one(Owing::Send, "the revised quote")
    );
    assert_eq!(
        owed("He's waiting for our proposal by 5 Dec."),
        one(Owing::Send, "our proposal")
    );
    assert_eq!(
        owed("Waiting for the signed PO by 15 Dec."),
        one(Owing::Chase, "the signed PO")
    );
    assert_eq!(
        owed("Need the signed PO from them by 15 Dec."),
        one(Owing::Chase, "the signed PO")
    );
    // The person sent to, and "over", are no part of the thing.
    assert_eq!(
        owed("Send Peter access plan by 16 Dec."),
        one(Owing::Send, "access plan")
    );
    assert_eq!(
        owed("Send over the deck by 4 Dec."),
        one(Owing::Send, "the deck")
    );
    assert_eq!(
        owed("Can you send me the quote by 5 Dec?"),
        one(Owing::Send, "the quote")
    );
    // Someone else's to-do, what a buyer needs from their own side, a
    // meeting to set up, an event, a state: nobody owes the user anything.
    for nobody in [
        "Needs the PO from procurement by 9 Dec.",
        "Wants a call by 15 Dec.",
        "Needs CFO to sign off by 15 Jan.",
        "Needs board okay by 15 Jan",
        "Needs legal review by 8 Jan",
        "Needs PO by 9 Dec",
        "Wants us out by 15 Dec",
        "Wants go-live by 1 Feb",
        "Needs 40 seats by 5 Jan",
        "She needs a decision by 15 Jan",
        "She needs to submit by 4 Dec.",
        "She needs CFO sign-off by 15 Jan.",
        "Plan to launch by 15 Jan.",
        "Contract to be signed by 18 Dec.",
        "Waiting on legal by 9 Dec.",
        "He'll get married on 12 Dec.",
        "Kids will get their results on 10 Dec.",
        "She'll get the keys to the new house on 12 Dec.",
        "We'll get together on 5 Dec.",
        "Order expected by 15 Dec.",
        "Update due by 10 Dec.",
        "Must sign by 20 Dec to get the discount.",
        "Should hear from them by phone on 9 Dec.",
        "Presenting to us on 9 Dec.",
        "Call went well on 3 Dec.",
        "I'll see him at the party on 16 Dec.",
        "Board meets 12 Dec.",
        "Contract renewal due 20 Dec.",
    ] {
        assert!(
            owed(nobody).iter().all(|(o, _)| *o == Owing::Nobody),
            "{nobody}: {:?}",
            owed(nobody)
        );
    }
    // What is owed by a day is a deadline, whatever its words.
    assert!(note_dates("He'll get his quote to us on 7 Dec.", written)[0].deadline);
}

#[test]
fn someone_elses_wedding_gone_to_is_no_dated_news() {
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let dates = note_dates("Heading to Kavya's wedding on 12 Dec.", written);
    assert!(dates.iter().all(|d| !d.life), "{dates:?}");
    let dates = note_dates("Her wedding on 12 Dec!", written);
    assert!(dates.iter().any(|d| d.life), "{dates:?}");
}

#[test]
fn someone_elses_wedding_is_no_news_of_the_contacts() {
    let reading = read_note(
        "Both of us in Chennai 16-31 Jan for Kavya's wedding.",
        "Arjun",
    );
    assert_eq!(reading.life, None);
    // Their own, or news beside it, still is.
    for (note, first) in [
        ("Arjun's wedding on 3 May, invite came", "Arjun"),
        (
            "Off to Kavya's wedding, then moving house in March",
            "Arjun",
        ),
        ("Got engaged! Party at Kavya's place", "Arjun"),
        // The family's news, or a nickname's, is theirs to congratulate.
        ("Wife Anna's baby due in March.", "Arjun"),
        ("Jenny's wedding on 14 Feb!", "Jennifer"),
    ] {
        assert!(read_note(note, first).life.is_some(), "{note}");
    }
}

#[test]
fn a_thing_to_send_back_named_by_a_pronoun_is_the_one_the_note_spoke_of() {
    let written = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let dates = note_dates(
        "Raj sent supplier onboarding pack (security questionnaire + bank form). Needs it back from us by 9 Dec so the PO can be raised.",
        written,
    );
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0].owing, Owing::Send);
    assert_eq!(dates[0].task, "the supplier onboarding pack");
    // The thing lent, not a contract named earlier; no pronoun or verb
    // in its name.
    let lent = note_dates(
        "Signed the contract last month. Loaned us the demo unit - needs it back from us by 9 Dec.",
        written,
    );
    assert_eq!(lent[0].task, "the demo unit", "{lent:?}");
    let emailed = note_dates(
        "Raj emailed us onboarding pack. Needs it back from us by 9 Dec.",
        written,
    );
    assert_eq!(emailed[0].task, "the onboarding pack", "{emailed:?}");
    let forms = note_dates(
        "Maria sent over forms. Needs them back from us by 9 Dec.",
        written,
    );
    assert_eq!(forms[0].task, "the forms", "{forms:?}");
    // Nothing named before it: no thing to send.
    let dates = note_dates("Good chat. Needs it back from us by 9 Dec.", written);
    assert!(dates.iter().all(|d| d.task.is_empty()), "{dates:?}");
}
