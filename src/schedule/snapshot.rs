//! What the planner knows about each contact: a read-only snapshot loaded in a
//! handful of queries, so planning itself does no I/O.

use chrono::NaiveDate;

use crate::model::{Birthday, Circle, InteractionKind, PingActionKind, Source};

/// Everything the planner reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// One entry per contact, ordered by id.
    pub contacts: Vec<ContactFacts>,
}

/// The facts about one contact the planner uses.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactFacts {
    /// Database id.
    pub id: i64,
    /// Stable unique id; seeds the contact's deterministic spreading.
    pub uid: String,
    /// Display name.
    pub name: String,
    /// First name, for suggestions ("Text Ada …").
    pub given_name: String,
    /// Employer, for suggestions.
    pub company: Option<String>,
    /// Job title, for introductions.
    pub title: Option<String>,
    /// Closeness; sets the cadence.
    pub circle: Circle,
    /// Birthday, with or without year.
    pub birthday: Option<Birthday>,
    /// Interests: what suggestions are made of.
    pub interests: Vec<String>,
    /// Labels and groups ("Clients", "Friends"): they say how the user knows
    /// the contact, never what to talk about.
    pub tags: Vec<String>,
    /// The contact's free-form notes, as written (import bookkeeping included;
    /// see [`crate::schedule::notes::own_notes`]).
    pub notes: String,
    /// A paused contact gets no cadence pings.
    pub paused: bool,
    /// The day the contact was added (the clock of a never-contacted contact);
    /// for an import, the day the source says you connected.
    pub created_on: NaiveDate,
    /// Where the contact came from, when known (first hellos say so).
    pub source: Option<Source>,
    /// The latest interaction with a note, for suggestions that pick up the thread.
    pub last_note: Option<NoteFacts>,
    /// The latest note when it is older than any suggestion reads (no
    /// `last_note`): read only for what it says about where the user stands
    /// ("declined politely, not looking" in March still holds in December).
    pub old_last_note: Option<NoteFacts>,
    /// Earlier recent notes that may say the contact is away or not to be
    /// contacted ("maternity leave until March", logged before a later
    /// note about something else), oldest first; never the last note.
    pub absence_notes: Vec<NoteFacts>,
    /// Earlier recent notes with a digit in them, which may name a day
    /// ("board mtg 12/17", "knee op on 8 Dec") still to come after the last
    /// note, oldest first; never the last note.
    pub dated_notes: Vec<NoteFacts>,
    /// The latest interaction of each kind (done and skipped pings come from `actions`).
    pub anchors: Vec<Anchor>,
    /// The most recent interaction logged with an event name, if any.
    pub last_event: Option<EventFacts>,
    /// Promises not yet kept.
    pub open_promises: Vec<PromiseFacts>,
    /// Promises kept lately: `due` is the day each was kept. The next ping
    /// asks how it landed.
    pub kept_promises: Vec<PromiseFacts>,
    /// What the user did with earlier pings, oldest first.
    pub actions: Vec<ActionFacts>,
}

/// Something that warmed the relationship on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// When.
    pub date: NaiveDate,
    /// What it was.
    pub source: AnchorSource,
    /// The event it happened at, if named.
    pub event: Option<String>,
}

/// What an anchor was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorSource {
    /// A logged interaction of this kind.
    Interaction(InteractionKind),
    /// A planned ping marked done.
    PingDone,
    /// A planned ping skipped: the rhythm goes on from its day, but it warms nothing.
    PingSkipped,
}

/// An interaction logged at a named event (conference, dinner…).
#[derive(Debug, Clone, PartialEq)]
pub struct EventFacts {
    /// The interaction's id (follow-up pings are named after it).
    pub interaction_id: i64,
    /// When it happened.
    pub date: NaiveDate,
    /// The event's name.
    pub name: String,
}

/// What the user wrote about an interaction.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteFacts {
    /// When the interaction happened.
    pub date: NaiveDate,
    /// What kind it was.
    pub kind: InteractionKind,
    /// The note, as written.
    pub text: String,
    /// The event it happened at, if named.
    pub event: Option<String>,
}

/// A promise still to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct PromiseFacts {
    /// Database id.
    pub id: i64,
    /// What was promised.
    pub text: String,
    /// When it is due.
    pub due: NaiveDate,
}

/// A recorded action on a ping.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionFacts {
    /// The ping's id.
    pub ping_id: String,
    /// Done, snoozed or skipped.
    pub action: PingActionKind,
    /// When the action was taken.
    pub acted_on: NaiveDate,
    /// The day the ping had been planned for.
    pub planned_on: NaiveDate,
    /// For a snooze, the new day.
    pub snoozed_until: Option<NaiveDate>,
}

impl ContactFacts {
    /// The latest note, however old: the recent one the planner reads, else
    /// the one read for a contact with no recent note ("cold email, no
    /// reply" of last February still says the first message went unanswered).
    pub fn latest_note(&self) -> Option<&NoteFacts> {
        self.last_note.as_ref().or(self.old_last_note.as_ref())
    }

    /// A contact with no history, for tests and generators.
    pub fn new(id: i64, name: &str, circle: Circle, created_on: NaiveDate) -> ContactFacts {
        ContactFacts {
            id,
            uid: format!("contact-{id}"),
            name: name.to_owned(),
            given_name: name.split_whitespace().next().unwrap_or(name).to_owned(),
            company: None,
            title: None,
            circle,
            birthday: None,
            interests: Vec::new(),
            tags: Vec::new(),
            notes: String::new(),
            paused: false,
            created_on,
            source: None,
            last_note: None,
            old_last_note: None,
            absence_notes: Vec::new(),
            dated_notes: Vec::new(),
            anchors: Vec::new(),
            last_event: None,
            open_promises: Vec::new(),
            kept_promises: Vec::new(),
            actions: Vec::new(),
        }
    }

    /// Every anchor: the interactions, the latest done ping (on the day it was
    /// done) and the latest skipped one (on its planned day: the rhythm goes on
    /// from there).
    pub fn all_anchors(&self) -> Vec<Anchor> {
        let mut anchors = self.anchors.clone();
        let latest = |kind: PingActionKind, day: fn(&ActionFacts) -> NaiveDate| {
            self.actions
                .iter()
                .filter(|a| a.action == kind)
                .map(day)
                .max()
        };
        if let Some(date) = latest(PingActionKind::Done, |a| a.acted_on) {
            anchors.push(Anchor {
                date,
                source: AnchorSource::PingDone,
                event: None,
            });
        }
        if let Some(date) = latest(PingActionKind::Skipped, |a| a.planned_on) {
            anchors.push(Anchor {
                date,
                source: AnchorSource::PingSkipped,
                event: None,
            });
        }
        anchors
    }

    /// The latest action recorded for a ping id, if any.
    pub fn action_for(&self, ping_id: &str) -> Option<&ActionFacts> {
        self.actions.iter().rev().find(|a| a.ping_id == ping_id)
    }

    /// Records a logged interaction in the snapshot (as `log` would in the store).
    pub fn record_interaction(
        &mut self,
        kind: InteractionKind,
        date: NaiveDate,
        event: Option<&str>,
        id: i64,
    ) {
        self.anchors.push(Anchor {
            date,
            source: AnchorSource::Interaction(kind),
            event: event.map(str::to_owned),
        });
        if let Some(name) = event {
            if self.last_event.as_ref().is_none_or(|e| e.date <= date) {
                self.last_event = Some(EventFacts {
                    interaction_id: id,
                    date,
                    name: name.to_owned(),
                });
            }
        }
    }
}
