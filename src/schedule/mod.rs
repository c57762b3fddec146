//! The ping planner: a pure function from (today, snapshot, settings) to a plan.
//!
//! No clock, no I/O, no unseeded randomness: the same inputs give the same plan,
//! byte for byte. The shape:
//!
//! 1. **Each contact on its own.** Warmth decays from the contact's anchors
//!    (interactions and done pings, weighted by kind, see [`warmth`]); the contact
//!    is due when warmth falls to 50. Birthdays, due promises and event follow-ups
//!    are *fixed* pings on their own days. A fixed ping near (or before) a cadence
//!    ping stands in for it (a birthday, for friends, up to three weeks before),
//!    and after any ping the next one is an interval later. The last note can
//!    bring a ping forward: a request or an offer still open (a week after the
//!    note), a deadline by day, month or holiday ("closes 15 Jan", "in
//!    January", "before Christmas": one or two weeks before it, even after
//!    other pings), news with a day (a couple of days after it); see
//!    `note_timing`.
//! 2. **Then the calendar.** Fixed pings take their days first. Cadence pings are
//!    placed in the order they fell due (closer circles first by a margin) on the
//!    nearest working day with free capacity: within a week after, then earlier
//!    down to 25 days after the contact's last ping, then later up to the longest
//!    gap. A backlog of late contacts spreads over the coming weeks by that
//!    order, each at its own point in its interval (within two weeks for the
//!    inner and core circles when the days have room). Business pings keep out
//!    of the year-end break (21 Dec to 1 Jan), cold introductions out of the
//!    days before it too.
//! 3. **Holding still.** The order never depends on `today`, a ping only takes
//!    free capacity, first hellos of never-contacted contacts come after all else,
//!    ids are numbered per contact, and the daily cap depends only on the contacts:
//!    adding, logging or editing one contact moves about 2 % of the others' pings,
//!    and doing each day's pings leaves the rest of the calendar where it was.

mod calendar;
pub mod capacity;
mod cues;
mod dates;
mod explain;
mod fixed;
pub mod holidays;
mod note_timing;
pub mod notes;
pub mod numeric_dates;
mod phrases;
pub mod population;
mod render;
pub mod settings;
pub mod simulate;
pub mod snapshot;
mod standing;
pub mod suggest;
pub mod today;
pub mod warmth;
mod why;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use self::calendar::Calendar;
pub use self::capacity::CirclePlan;
use self::capacity::{capacity, ContactLoad};
use self::explain::first_name;
use self::fixed::{
    apply_fixed_actions, birthday_pings, fold_follow_ups, follow_up_pings, promise_pings,
    separate_same_day,
};
use self::settings::PlannerSettings;
use self::snapshot::{ContactFacts, NoteFacts, Snapshot};
use crate::model::{Circle, InteractionKind, PingActionKind};

pub use self::explain::warmth_words;
pub use self::settings::circle_index;

/// Why a ping is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The contact's birthday.
    Birthday,
    /// A promise falls due.
    Promise,
    /// A follow-up after meeting at an event.
    FollowUp,
    /// The regular rhythm of the contact's circle.
    Cadence,
    /// The contact is past due (or has never been contacted).
    Overdue,
}

impl Reason {
    /// The name used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Birthday => "birthday",
            Reason::Promise => "promise",
            Reason::FollowUp => "follow_up",
            Reason::Cadence => "cadence",
            Reason::Overdue => "overdue",
        }
    }

    /// The reason in words, for people ("follow-up", not `follow_up`).
    pub fn label(self) -> &'static str {
        match self {
            Reason::Birthday => "birthday",
            Reason::Promise => "promise",
            Reason::FollowUp => "follow-up",
            Reason::Cadence => "keep in touch",
            Reason::Overdue => "catch up",
        }
    }

    /// Whether the ping's day is fixed by a date in the user's data.
    pub fn is_fixed(self) -> bool {
        matches!(self, Reason::Birthday | Reason::Promise | Reason::FollowUp)
    }
}

/// One suggested ping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ping {
    /// Stable id: the same ping keeps it across re-plans (calendar UIDs use it).
    pub id: String,
    /// The day to do it.
    pub date: NaiveDate,
    /// Whom it is for.
    pub contact_id: i64,
    /// Their name.
    pub contact_name: String,
    /// Why it is planned.
    pub reason: Reason,
    /// What to do, concretely.
    pub suggestion: String,
    /// Why now, in one sentence a colleague would say.
    pub why: String,
    /// The scheduling mechanics behind the day (rhythm, warmth, what moved it),
    /// for people who want to know; shown on demand.
    pub details: String,
    /// The contact has never been contacted: this is a first hello.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub first_hello: bool,
    /// Warmth (0–100) on the ping's day, counting earlier planned pings as done.
    pub warmth: u8,
    /// The kind of interaction doing the suggestion amounts to (what `done` logs).
    pub action: InteractionKind,
    /// The contact's circle.
    pub circle: Circle,
    /// For a promise ping, the promise's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promise_id: Option<i64>,
}

impl Ping {
    /// What kind of ping it is, in words ("first hello", "follow-up", "birthday"…).
    pub fn label(&self) -> &'static str {
        if self.first_hello {
            "first hello"
        } else {
            self.reason.label()
        }
    }
}

/// The plan for a span of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The day the plan was made for.
    pub today: NaiveDate,
    /// How many days it covers, from `today`.
    pub days: u32,
    /// The daily cap the plan keeps to: the setting, raised only when even every
    /// circle at 3 pings a year does not fit (see [`capacity`]).
    pub daily_cap: u32,
    /// Each circle's rhythm: the setting and the interval after stretching.
    pub circles: Vec<CirclePlan>,
    /// Pings already acted on today (done, snoozed, skipped): they count against
    /// today's cap, so finishing today's list does not pull more into it.
    pub acted_today: u32,
    /// The pings, by date.
    pub pings: Vec<Ping>,
    /// Things the user should know about the plan (stretched circles, a raised cap…).
    pub notes: Vec<String>,
}

/// Shortest interval between cadence pings: 10 pings fit in any 365 days.
pub const MIN_INTERVAL_DAYS: i32 = 37;
/// Longest interval: a few days short of the longest gap allowed (118 days), leaving room to level.
pub const MAX_INTERVAL_DAYS: i32 = 116;
/// A cadence ping may move this many days past its ideal date to find free capacity.
const LEVELLING_WINDOW_DAYS: i32 = 7;
/// How far past its horizon a plan places pings (see `push`).
const LOOK_PAST_END_DAYS: i32 = 2 * MAX_INTERVAL_DAYS;
/// Closer circles go first: an inner-circle ping is placed as if due this many
/// days earlier than it is (inner, core, network, acquaintance), so in a backlog
/// the inner circle comes first unless the others are four months later still.
/// (Must stay below `LOOK_PAST_END_DAYS` minus the longest pull-forward.)
const CIRCLE_PRIORITY_DAYS: [i32; 4] = [120, 60, 20, 0];
/// A first hello is placed as if due this many days later than it is, so new
/// contacts mostly fill gaps. Kept under half the shortest interval: a ping
/// pushed when the one before it is placed must never come before pings
/// already placed, or a later plan (where it is queued from the start) would
/// place it differently.
const FIRST_HELLO_LATER_DAYS: i32 = 14;
/// Two rhythm pings of one contact are never closer than this, unless a
/// note's day asks for the second: something owed by a day, or news to ask
/// about just after it ("how did the op go?").
const MIN_ORDINARY_GAP_DAYS: i32 = 25;
/// No two pings of one contact are further apart than this: 3 in any 365 days.
const MAX_GAP_DAYS: i32 = 118;
/// A contact's first ping in a plan comes by this day (from today), so that with
/// gaps of at most [`MAX_GAP_DAYS`] after it every 365 days hold three pings.
const FIRST_PING_REACH_DAYS: i32 = 364 - 2 * MAX_GAP_DAYS;
/// A contact's first ping may come this long after the last interaction when
/// every day before is full: a few days more than [`MAX_GAP_DAYS`] rather than
/// over the daily cap, and never past [`FIRST_PING_REACH_DAYS`] from today.
const FIRST_PING_MAX_GAP_DAYS: i32 = FIRST_PING_REACH_DAYS;
/// A late contact's points in the rhythm are at most this far apart (see
/// [`rhythm_day`]). The current point is within this many days from today,
/// so the next one is within [`FIRST_PING_REACH_DAYS`]: a late ping that finds
/// no free day can always wait for it, and the cap holds.
const CATCH_UP_STEP_DAYS: i32 = FIRST_PING_REACH_DAYS / 2;
/// A fixed ping this close after (or any time before) a cadence ping absorbs it.
const ABSORB_DAYS: i32 = 10;
/// Other pings keep this far from a contact's fixed pings.
const FIXED_DISTANCE_DAYS: i32 = 10;
/// A request or an offer in the last note, with nothing logged since, brings
/// the contact's ping this many days after the note.
const OPEN_ITEM_DAYS: i32 = 7;
/// A late contact with an open request has its points this far apart, so
/// its ping comes within about two weeks rather than at the rhythm's rate.
const URGENT_STEP_DAYS: i32 = 14;
/// A ping a note asks for (before a deadline, after dated news) keeps this
/// far from the contact's other pings, fixed or not, before it.
const NOTE_GAP_DAYS: i32 = 7;
/// The same for a ping before a day something is owed: it will not wait.
const OWED_GAP_DAYS: i32 = 2;
/// A rhythm ping this close before a day something is owed speaks of it.
const OWED_SERVED_DAYS: i32 = 7;

/// How far a ping a note asks for keeps from the contact's pings before it.
fn gap_after(kind: note_timing::TargetKind) -> i32 {
    // Neither what is owed nor the question how news or a decision went
    // waits a week after the last ping: both belong near their day.
    if matches!(
        kind,
        note_timing::TargetKind::Owed
            | note_timing::TargetKind::Chase
            | note_timing::TargetKind::AfterNews
            | note_timing::TargetKind::BeforeNews
            | note_timing::TargetKind::AfterDecision
    ) {
        OWED_GAP_DAYS
    } else {
        NOTE_GAP_DAYS
    }
}
/// A deadline in a note needs no ping of its own when an event's second
/// touch comes this close before its day.
const EVENT_TOUCH_SERVES_DAYS: i32 = 21;
/// A ping a note asks for is not needed when the contact already has a
/// ping this close before its day (or any time after it, before the deadline).
const NOTE_SERVED_DAYS: i32 = 3;
/// A word of luck before a friend's surgery or wedding comes at most this
/// many days before the working day before it (`explain` words a ping that
/// near as luck).
const LUCK_WINDOW_DAYS: i32 = 1;
/// When the contacts' yearly need fills at most this share of the daily cap,
/// the days have room: a late inner or core contact the user has talked to is
/// caught up within [`URGENT_STEP_DAYS`] rather than spread over its interval
/// (spreading keeps a backlog from coming back at once, which only matters
/// when the days are full).
const ROOMY_SHARE: f64 = 0.6;
/// For the inner circle and contacts tagged friend or family, a birthday
/// stands in for a rhythm ping up to this many days before it (the wish is
/// this period's ping, and a gift goes with it).
const BIRTHDAY_ABSORB_DAYS: i32 = 21;
/// A second event follow-up this close before or after another fixed ping of
/// the same contact (a promise, a birthday) is folded into it.
const FOLD_FOLLOW_UP_DAYS: i32 = 7;
/// Colleagues talked to this recently make a first hello's way in.
const COLLEAGUE_DAYS: i64 = 120;
/// Follow-ups are planned for events up to this many days old.
const FOLLOW_UP_MAX_AGE_DAYS: i32 = 30;

/// The latest an event's follow-up may come, held back by leave or a time of
/// no contact: eight weeks after the event.
const FOLLOW_UP_LATEST_DAYS: i32 = 56;
/// A deal reported lost rests this long (about six months) before a ping:
/// a check-in the week after a loss reads as not taking no for an answer.
const LOST_DEAL_REST_DAYS: i64 = 182;
/// At most this many pings of one contact in any 365 days.
const MAX_PINGS_PER_365_DAYS: usize = 10;

/// A ping not acted on stays due for this many days (it rolls over to the next
/// working day); after that the contact's rhythm goes on from its phase. Two
/// levelling windows: a ping may be placed up to that late when days are full,
/// and must not count as missed before its day comes.
const CATCH_UP_GRACE_DAYS: i32 = 2 * LEVELLING_WINDOW_DAYS;

/// The cadence interval of a circle, in days: 365 / pings a year, within bounds.
pub fn interval_days(settings: &PlannerSettings, circle: Circle) -> i32 {
    let per_year = settings.pings_per_year(circle).max(1);
    ((365.0 / f64::from(per_year)).round() as i32).clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS)
}

/// A contact's own interval: the circle's, nudged by up to 3 days by a hash of
/// the UID, so people who were all pinged on one day (after an import, a
/// backlog) drift apart over the year instead of piling up on the same days.
pub fn contact_interval(settings: &PlannerSettings, contact: &ContactFacts) -> i32 {
    (interval_days(settings, contact.circle) + nudge(contact))
        .clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS)
}

/// The contact's nudge of its circle's interval, -3..=3 days.
fn nudge(contact: &ContactFacts) -> i32 {
    (stable_hash(&[contact.uid.as_bytes(), b"interval"]) % 7) as i32 - 3
}

/// A contact's warmth (0–100) on `day`, from what has really happened.
pub fn warmth_of(contact: &ContactFacts, day: NaiveDate, settings: &PlannerSettings) -> u8 {
    let interval = f64::from(contact_interval(settings, contact));
    warmth::warmth_on(&contact.all_anchors(), day, interval)
        .round()
        .clamp(0.0, 100.0) as u8
}

/// Finds a planned ping by id in the plan for the next `days` days.
pub fn find_ping(plan: &Plan, id: &str) -> Option<Ping> {
    plan.pings.iter().find(|p| p.id == id).cloned()
}

/// The day `snooze PING N` moves a ping to: the first working day on or after
/// its date (or today, when it is late) plus `days`, on which the contact has no
/// other ping, so two pings of one contact never share a day because of it.
/// The plan then puts it exactly there.
pub fn snooze_day(plan: &Plan, settings: &PlannerSettings, ping: &Ping, days: u32) -> NaiveDate {
    let start = ping.date.max(plan.today) + chrono::Duration::days(i64::from(days));
    let taken: Vec<NaiveDate> = plan
        .pings
        .iter()
        .filter(|p| p.contact_id == ping.contact_id && p.id != ping.id)
        .map(|p| p.date)
        .collect();
    (0..730)
        .map(|n| start + chrono::Duration::days(n))
        .find(|d| settings.is_working_day(*d) && !taken.contains(d))
        .unwrap_or(start)
}

/// A stable 64-bit FNV-1a hash (never Rust's randomly keyed hasher).
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // Separator, so ("ab","c") and ("a","bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Details of a fixed ping, for its explanation and suggestion.
#[derive(Debug, Clone, PartialEq)]
enum FixedDetail {
    Birthday {
        on: NaiveDate,
        turns: Option<i32>,
    },
    Promise {
        id: i64,
        text: String,
        due: NaiveDate,
        /// How far ahead of its day the text asks the ping to come.
        lead: fixed::PromiseLead,
    },
    FollowUp {
        round: u8,
        event: String,
        event_date: NaiveDate,
        /// The second touch comes the day after a decision the event's note
        /// dates: it asks how that went, and no nearby ping stands in for it.
        after_decision: bool,
    },
}

/// A ping whose day comes from the data (birthday, promise, follow-up).
#[derive(Debug, Clone)]
struct FixedPing {
    day: i32,
    reason: Reason,
    id: String,
    detail: FixedDetail,
    /// The day it would have been on before working days or a snooze moved it.
    wanted: i32,
    snoozed: bool,
}

/// How a placed cadence ping came to its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Placement {
    /// The day the rhythm asked for.
    ideal: i32,
    /// The contact was due before today by this many days.
    overdue_by: i32,
    /// Position in the contact's chain (1 = first after the anchor).
    ordinal: u32,
    /// No free working day in the window: the cap was exceeded.
    over_cap: bool,
    /// Moved to a later day because earlier ones were full.
    spread: bool,
    /// Moved to an earlier day because the days after it were full.
    pulled_forward: bool,
    snoozed: bool,
    /// A late or never-contacted contact's first ping, placed at its phase in the
    /// coming interval so a backlog does not come back all at once.
    catch_up: bool,
    /// Moved past the year-end break.
    year_break: bool,
}

/// A ping placed on a day, before its texts are written.
#[derive(Debug, Clone)]
struct Placed {
    contact: usize,
    day: i32,
    reason: Reason,
    id: String,
    fixed: Option<FixedDetail>,
    placement: Placement,
}

/// Per-contact facts derived once per plan.
#[derive(Debug)]
struct Prepared<'a> {
    facts: &'a ContactFacts,
    interval: i32,
    hash: u64,
    fixed: Vec<FixedPing>,
    /// The day the rhythm first asks for (negative when late), unless paused; for a
    /// never-contacted contact, the day added plus its phase.
    due: Option<i32>,
    /// Where in its interval the contact's rhythm falls (0..interval), by a hash of its UID.
    phase: i32,
    /// The day the rhythm counts from when no ping of the plan comes before:
    /// the governing interaction, or the day a never-contacted contact was added.
    since: i32,
    /// The day warmth fell (or falls) to 50, negative when late; for never-contacted
    /// contacts, the day they were added.
    due_since: i32,
    /// Interactions and done/skipped pings (see [`ContactFacts::all_anchors`]).
    anchors: Vec<snapshot::Anchor>,
    /// Cadence pings of this contact already done or skipped: the chain's pings
    /// are numbered on from there, so a ping keeps its id when others are acted on.
    resolved_cadence: u32,
    never_contacted: bool,
    /// Never contacted and nothing shows the user knows them (a network or
    /// acquaintance contact with no notes, relationship tags or promises):
    /// their first ping is an introduction.
    stranger: bool,
    /// Rhythm pings keep out of the year-end break (see
    /// [`Calendar::is_year_break`]): introductions and business check-ins
    /// (anyone but the inner circle and contacts tagged friend or family,
    /// with no open request) wait for the first working days of January,
    /// or take a free day before the break when those are full.
    quiet_at_year_end: bool,
    /// A late contact's points in the rhythm move past the year-end break
    /// too (the network and acquaintances: the many whose backlog spreads
    /// over their interval).
    late_after_year_end: bool,
    /// The inner circle, or a contact tagged friend or family.
    personal: bool,
    /// No rhythm pings, only birthdays, promises and what a note dates:
    /// the notes say the user talks to them every week anyway, or the card
    /// says they are a child.
    no_rhythm: bool,
    /// A child, by the birth year on the card.
    child: bool,
    /// That child is the user's own ("Son"), by the card.
    own_child: bool,
    /// The user's spouse or partner ("Wife"), by the card.
    spouse: bool,
    /// A cold introduction (a network or acquaintance contact with no
    /// interaction logged, whatever the card says, or someone only liked
    /// online or emailed without a reply): it keeps out of the week before
    /// the year-end break too, taking a free day before it or after the break.
    cold_intro: bool,
    /// Late, in the inner or core circle, talked to (not only liked or
    /// emailed), and the days have room (see [`ROOMY_SHARE`]): caught up
    /// within about two weeks.
    prompt_catch_up: bool,
    /// Days the notes ask pings for (see [`note_timing`]): the ideal day,
    /// the day it must come before, and what kind it is, in date order.
    note_targets: Vec<(i32, i32, note_timing::TargetKind)>,
    /// A yearly Christmas custom the card keeps (see [`notes::christmas_custom`]).
    christmas: Option<notes::ChristmasCustom<'a>>,
    /// Days (negative) of pings done in the past year.
    recent_done: Vec<i32>,
    /// The dates the last note names (see [`notes::note_dates`]), read once.
    note_dates: Vec<notes::NoteDate>,
    /// Deadlines and dated news that earlier notes name, still to come
    /// after the last note (see [`earlier_dates`]).
    earlier_dates: Vec<notes::NoteDate>,
    /// Something in the last note waits on the user (a request, an offer
    /// to follow up): a late ping comes within [`URGENT_STEP_DAYS`].
    urgent: bool,
    /// Colleagues at the same company the user talks to, by first name
    /// ("Daniel and Emily"), or empty.
    colleagues: String,
    /// Days the contact is not to be pinged (see [`closed_spans`]): rhythm
    /// pings and pings a note asks for keep out of them.
    away: Vec<ClosedSpan>,
    /// A colleague at the user's own company: no sales line about it.
    own_colleague: bool,
}

impl Prepared<'_> {
    /// Whether the contact is away, or not to be contacted, on day `d`.
    fn is_away(&self, d: i32) -> bool {
        self.away.iter().any(|s| s.holds(d))
    }
}

/// Days a contact is not to be pinged: from the first day to the day before
/// `back`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ClosedSpan {
    from: i32,
    back: i32,
    /// What closes the days.
    by: ClosedBy,
}

/// What closes a contact's days to pings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClosedBy {
    /// The contact is away (leave, holiday; `parental`: for a baby):
    /// birthdays keep their day, and a ping near the span says so.
    Away { parental: bool, back_named: bool },
    /// The business waits (the user's own "ping her in Jan", "not before
    /// Q3", a lost deal's rest): birthdays keep their day.
    Later,
    /// Asked for no contact at all (a tender's probity rules): birthdays
    /// keep out too.
    NoContact,
}

impl ClosedSpan {
    fn holds(&self, d: i32) -> bool {
        d >= self.from && d < self.back
    }
}

/// An entry of the placement queue; the field order is the placement order.
///
/// Pings are placed by the day they fell due (not by the first day they can be
/// placed, which for the late is today): that order does not change as days
/// pass, so tomorrow's plan places the remaining pings as today's did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pending {
    /// The due day, earlier for closer circles (see [`CIRCLE_PRIORITY_DAYS`])
    /// and later for first hellos (see [`FIRST_HELLO_LATER_DAYS`]).
    order: i32,
    /// 1 for the first hello of a never-contacted contact.
    class: u8,
    /// The day the rhythm asks for (may be before today).
    due: i32,
    hash: u64,
    contact: usize,
    /// The day the rhythm itself asks for, before a late ping moved to its phase.
    origin: i32,
    /// For a ping a note asks for: the day it must come before, which of the
    /// contact's note targets it is, and the earliest day it may take.
    note: Option<(i32, u8, i32)>,
}

/// Where a contact's chain of cadence pings stands.
#[derive(Debug, Clone, Default)]
struct ChainState {
    last: Option<i32>,
    ordinal: u32,
    /// Days of the cadence pings placed so far.
    cadence_days: Vec<i32>,
    /// The note targets already met or given up (a bit each).
    spent_notes: u32,
    /// Days of pings placed for what a note says is owed: each speaks of its
    /// own thing, so none serves another's.
    owed_days: Vec<i32>,
}

/// Plans pings from `today` for `days` days.
pub fn plan(today: NaiveDate, snapshot: &Snapshot, settings: &PlannerSettings, days: u32) -> Plan {
    plan_written_through(today, snapshot, settings, days, i32::MAX).0
}

/// The days of the plan's pings, with each one's contact id, in plan order,
/// without their words: what a list of contacts needs for each one's next ping.
pub fn ping_days(
    today: NaiveDate,
    snapshot: &Snapshot,
    settings: &PlannerSettings,
    days: u32,
) -> Vec<(NaiveDate, i64)> {
    plan_written_through(today, snapshot, settings, days, -1).1
}

/// The same plan with the texts of its pings written only up to `through`
/// days from today; the days and contacts of the later pings come apart
/// (see [`explain::write_pings`]).
fn plan_written_through(
    today: NaiveDate,
    snapshot: &Snapshot,
    settings: &PlannerSettings,
    days: u32,
    through: i32,
) -> (Plan, Vec<(NaiveDate, i64)>) {
    let end = i32::try_from(days).unwrap_or(i32::MAX / 4).min(20 * 366);
    let calendar = Calendar::new(today, settings, 400, end + 400);
    // Read once per contact: the fixed pings and the rhythm both keep out.
    // Each contact on its own, so the contacts are shared out over the cores.
    // Someone the notes say to leave alone is planned as if paused: only
    // the user's own promises come.
    let names = book_names(&snapshot.contacts);
    let rivals = competitor_companies(&snapshot.contacts);
    let own = own_companies(&snapshot.contacts);
    let read = par_map(snapshot.contacts.iter().collect(), |c| {
        let left = left_alone(c, today).or_else(|| at_a_competitor(c, &rivals));
        let spans = closed_spans(c, &calendar, &names);
        let mut fixed = fixed_pings(
            c,
            today,
            &calendar,
            end,
            &spans,
            left.is_some_and(|l| !l.keeps_occasions()),
        );
        // A colleague at the user's own company worked the event beside
        // them: no follow-up as to someone met there.
        if is_own_colleague(c, &own) {
            fixed.retain(|f| f.reason != Reason::FollowUp);
        }
        (left, spans, fixed)
    });
    let mut left = Vec::with_capacity(read.len());
    let mut closed = Vec::with_capacity(read.len());
    let mut fixed = Vec::with_capacity(read.len());
    for (l, c, f) in read {
        left.push(l);
        closed.push(c);
        fixed.push(f);
    }
    let loads: Vec<ContactLoad> = snapshot
        .contacts
        .iter()
        .zip(&fixed)
        .zip(&left)
        .map(|((c, f), l)| ContactLoad {
            circle: circle_index(c.circle),
            nudge: nudge(c),
            fixed_in_year: f.iter().filter(|f| (0..365).contains(&f.day)).count() as u32,
            paused: c.paused || l.is_some(),
        })
        .collect();
    let capacity = capacity(&loads, settings, calendar.working_days_between(0, 365));
    let daily_cap = capacity.cap;
    let mut notes = capacity.notes.clone();
    // The days have room when the contacts' yearly need fills little of the cap.
    let need: f64 = loads
        .iter()
        .filter(|l| !l.paused)
        .map(|l| {
            let interval = (capacity.intervals[l.circle] + l.nudge)
                .clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS);
            365.0 / f64::from(interval) + f64::from(l.fixed_in_year) / 2.0
        })
        .sum();
    let roomy = need
        <= ROOMY_SHARE
            * f64::from(daily_cap)
            * f64::from(calendar.working_days_between(0, 365).max(1));
    notes.extend(left_alone_note(&snapshot.contacts, &left));
    notes.extend(in_touch_note(&snapshot.contacts, &left));
    notes.extend(children_note(&snapshot.contacts, &left, today));
    let book = Book {
        intervals: capacity.intervals,
        roomy,
        names,
        own_companies: own,
    };
    let mut prepared: Vec<Prepared<'_>> = par_map(
        snapshot
            .contacts
            .iter()
            .zip(fixed)
            .zip(closed)
            .zip(&left)
            .collect(),
        |(((c, f), spans), l)| prepare(c, f, spans, &calendar, &book, *l),
    );
    find_colleagues(&mut prepared, today);
    hold_first_hellos_through_a_close(&mut prepared, &calendar);
    share_colleagues_dates(&mut prepared, &calendar);

    let span = usize::try_from(end + LEVELLING_WINDOW_DAYS + 400).unwrap_or(0);
    let mut load = vec![0u32; span];
    let mut placed: Vec<Placed> = Vec::new();
    let mut fixed_load = vec![0u32; span];
    // A day acted on is a day done: what was done, snoozed or skipped today
    // takes today's capacity, so finishing the list does not pull more into it.
    let acted_today = snapshot
        .contacts
        .iter()
        .map(|c| {
            let mut ids: Vec<&str> = c
                .actions
                .iter()
                .filter(|a| a.acted_on == today)
                .map(|a| a.ping_id.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len() as u32
        })
        .sum::<u32>();
    if let Some(first) = load.first_mut() {
        *first += acted_today;
    }
    fixed::spread_late_follow_ups(&mut prepared, &calendar, daily_cap, acted_today);

    for (index, p) in prepared.iter().enumerate() {
        for f in &p.fixed {
            if let Some(slot) = slot(f.day) {
                load[slot] += 1;
                fixed_load[slot] += 1;
            }
            placed.push(Placed {
                contact: index,
                day: f.day,
                reason: f.reason,
                id: f.id.clone(),
                fixed: Some(f.detail.clone()),
                placement: Placement {
                    ideal: f.wanted,
                    snoozed: f.snoozed,
                    ..Placement::default()
                },
            });
        }
    }

    // Each chain starts from the contact's last done ping, so gaps are measured
    // across days as well as within one plan.
    let mut chains: Vec<ChainState> = prepared
        .iter()
        .map(|p| ChainState {
            last: p.recent_done.iter().copied().max(),
            ordinal: 1,
            cadence_days: Vec::new(),
            spent_notes: 0,
            owed_days: Vec::new(),
        })
        .collect();
    let mut queue = BinaryHeap::new();
    for (index, p) in prepared.iter().enumerate() {
        if let Some(due) = p.due {
            queue_next(
                &mut queue,
                p,
                &calendar,
                index,
                &mut chains[index],
                due,
                p.never_contacted,
                end,
            );
        }
    }

    while let Some(Reverse(entry)) = queue.pop() {
        let p = &prepared[entry.contact];
        let state = &mut chains[entry.contact];
        let ideal = entry.due.max(0);
        // The chain's first ping of a contact clearly late (due before the
        // levelling window) catches up; never-contacted contacts are not late,
        // nor those only liked or emailed once (still a first real hello).
        let first_of_chain = state.ordinal == 1 && state.cadence_days.is_empty();
        let overdue = first_of_chain
            && !p.never_contacted
            && !p.cold_intro
            && p.due_since < -LEVELLING_WINDOW_DAYS;
        let id = format!("{}-c{}", p.facts.id, p.resolved_cadence + state.ordinal);
        let action = p.facts.action_for(&id);
        let mut placement = Placement {
            ideal,
            overdue_by: if overdue { -p.due_since } else { 0 },
            ordinal: state.ordinal,
            catch_up: entry.note.is_none()
                && (entry.due != entry.origin || (first_of_chain && p.never_contacted)),
            ..Placement::default()
        };
        let decision = match action.map(|a| (a.action, a.snoozed_until)) {
            Some((PingActionKind::Skipped | PingActionKind::Done, _)) => {
                Decision::Drop { resume_from: ideal }
            }
            Some((PingActionKind::Snoozed, Some(until))) => {
                placement.snoozed = true;
                Decision::Place(calendar.next_working(calendar.day(until).max(0)))
            }
            _ if entry.note.is_some() => {
                let (by, index, floor) = entry.note.unwrap_or_default();
                // Dated news is asked about on its day, whatever fixed ping
                // comes near it.
                let kind = p.note_targets.get(usize::from(index)).map(|t| t.2);
                match place_note(p, entry.due, by, floor, kind, &calendar, &load, daily_cap) {
                    Some(day) if !too_dense(p, &state.cadence_days, day) => Decision::Place(day),
                    _ => Decision::Fallback,
                }
            }
            _ => match place(
                p,
                entry.due,
                entry.origin,
                // Before the first ping, the gap rules count from the day the
                // rhythm itself starts (a day in the data, never `today`).
                state.last.unwrap_or(if entry.due == entry.origin {
                    p.since
                } else {
                    entry.due - p.interval
                }),
                first_of_chain,
                &calendar,
                &load,
                daily_cap,
                &mut placement,
            ) {
                // Birthdays and follow-ups already fill this stretch of the year:
                // they stand in for this ping, and the rhythm goes on after it.
                Decision::Place(day) if too_dense(p, &state.cadence_days, day) => {
                    Decision::Drop { resume_from: day }
                }
                decision => decision,
            },
        };
        let reached = match decision {
            Decision::Place(day) => {
                if let Some(s) = slot(day) {
                    load[s] += 1;
                }
                state.cadence_days.push(day);
                if entry.note.is_some_and(|(_, index, _)| {
                    matches!(
                        p.note_targets.get(usize::from(index)).map(|t| t.2),
                        Some(note_timing::TargetKind::Owed | note_timing::TargetKind::Chase)
                    )
                }) {
                    state.owed_days.push(day);
                }
                let reason = if overdue {
                    Reason::Overdue
                } else {
                    Reason::Cadence
                };
                placed.push(Placed {
                    contact: entry.contact,
                    day,
                    reason,
                    id,
                    fixed: None,
                    placement,
                });
                // Only placed pings take a number, so a dropped one leaves no gap in the ids.
                state.ordinal += 1;
                day
            }
            Decision::Drop { resume_from } => resume_from,
            Decision::Fallback => {
                // No room before the deadline: the rhythm goes on as if the
                // note had asked for nothing.
                queue_next(
                    &mut queue,
                    p,
                    &calendar,
                    entry.contact,
                    state,
                    entry.origin,
                    entry.class == 1,
                    end,
                );
                continue;
            }
            Decision::Defer(next) => {
                let first_hello = entry.class == 1;
                push_target(
                    &mut queue,
                    p,
                    entry.contact,
                    next,
                    entry.origin,
                    first_hello,
                    end,
                );
                continue;
            }
        };
        state.last = Some(reached);
        queue_next(
            &mut queue,
            p,
            &calendar,
            entry.contact,
            state,
            reached + p.interval,
            false,
            end,
        );
    }

    placed.retain(|x| x.day >= 0 && x.day < end);
    let over_requested = fixed_load
        .iter()
        .take(usize::try_from(end).unwrap_or(0))
        .filter(|&&n| n > daily_cap)
        .count();
    if over_requested > 0 {
        notes.push(format!(
            "{over_requested} day(s) have more birthdays, promises and follow-ups than the daily cap of {daily_cap}; they cannot move"
        ));
    }
    if let Some(h) = &settings.holidays {
        let last = calendar.date(end.max(1) - 1).year();
        if (today.year()..=last).any(|y| !h.covers(y)) {
            notes.push(format!(
                "The holiday data for {} ends in {}; later holidays are not kept free.",
                h.code(),
                h.last_year().unwrap_or(today.year())
            ));
        }
    }
    let texts = explain::Context {
        calendar: &calendar,
        setting_intervals: Circle::ALL.map(|c| interval_days(settings, c)),
        intervals: capacity.intervals,
        cap: daily_cap,
    };
    let (pings, unwritten) = explain::write_pings(placed, &prepared, &texts, through);
    let plan = Plan {
        today,
        days,
        daily_cap,
        circles: capacity.circles,
        acted_today,
        pings,
        notes,
    };
    (plan, unwritten)
}

/// Fewer items than this are mapped on one thread: starting another costs
/// more than it saves.
const PAR_MIN_ITEMS: usize = 512;

/// `items` mapped by `f`, in order, the work shared out over the machine's
/// cores (two halves when it has two or more). The result is the same as a
/// plain `map`: each item is mapped on its own.
pub(crate) fn par_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || items.len() < PAR_MIN_ITEMS {
        return items.into_iter().map(f).collect();
    }
    let mut first = items;
    let second = std::sync::Mutex::new(Some(first.split_off(first.len() / 2)));
    let f = &f;
    let take = |m: &std::sync::Mutex<Option<Vec<T>>>| {
        m.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .unwrap_or_default()
    };
    std::thread::scope(|scope| {
        let later = std::thread::Builder::new().spawn_scoped(scope, || {
            take(&second).into_iter().map(f).collect::<Vec<R>>()
        });
        let mut out: Vec<R> = first.into_iter().map(f).collect();
        match later.map(|h| h.join()) {
            Ok(Ok(rest)) => out.extend(rest),
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had: the second half here too.
            Err(_) => out.extend(take(&second).into_iter().map(f)),
        }
        out
    })
}

/// Whether a ping id names a cadence ping (`{contact}-c{n}`).
fn is_cadence_id(id: &str) -> bool {
    id.split_once('-')
        .and_then(|(_, rest)| rest.strip_prefix('c'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Index into the per-day tables (days before today have none).
fn slot(day: i32) -> Option<usize> {
    usize::try_from(day).ok()
}

/// Follows fixed pings from the chain's last ping up to `candidate`: a fixed ping
/// before or up to [`ABSORB_DAYS`] after the candidate takes its place, and the
/// rhythm restarts from it. Returns the surviving candidate.
fn settle(p: &Prepared<'_>, state: &mut ChainState, mut candidate: i32) -> i32 {
    loop {
        // Relative to the due day itself, not to today, so the answer does not
        // change as days pass; a late ping near a fixed one is handled by `place`.
        let mut limit = candidate + ABSORB_DAYS;
        let mut birthday_limit = candidate
            + if p.personal {
                BIRTHDAY_ABSORB_DAYS
            } else {
                ABSORB_DAYS
            };
        if let Some(last) = state.last {
            // Absorbing must not stretch the gap past the longest allowed.
            limit = limit.min(last + MAX_GAP_DAYS);
            birthday_limit = birthday_limit.min(last + MAX_GAP_DAYS);
        }
        let after = state.last.unwrap_or(i32::MIN);
        match p.fixed.iter().find(|f| {
            f.day > after
                && (f.day <= limit || (f.reason == Reason::Birthday && f.day <= birthday_limit))
        }) {
            Some(f) => {
                state.last = Some(f.day);
                candidate = f.day + p.interval;
            }
            None => return candidate,
        }
    }
}

fn push(
    queue: &mut BinaryHeap<Reverse<Pending>>,
    p: &Prepared<'_>,
    calendar: &Calendar<'_>,
    contact: usize,
    candidate: i32,
    first_hello: bool,
    end: i32,
) {
    let target = rhythm_day(p, calendar, candidate);
    push_target(queue, p, contact, target, candidate, first_hello, end);
}

fn push_target(
    queue: &mut BinaryHeap<Reverse<Pending>>,
    p: &Prepared<'_>,
    contact: usize,
    target: i32,
    origin: i32,
    first_hello: bool,
    end: i32,
) {
    // A ping due after the horizon may still be brought forward into it, or
    // displace one that is, so the plan looks past its end: a shorter plan is
    // then exactly the start of a longer one.
    if target >= end + LOOK_PAST_END_DAYS {
        return;
    }
    queue.push(Reverse(Pending {
        class: u8::from(first_hello),
        order: target - CIRCLE_PRIORITY_DAYS[circle_index(p.facts.circle)]
            + if first_hello || target != origin {
                FIRST_HELLO_LATER_DAYS
            } else {
                0
            },
        due: target,
        hash: p.hash,
        contact,
        origin,
        note: None,
    }));
}

/// Queues a contact's next ping after `candidate`: the rhythm's (see
/// [`settle`]), or one the last note asks for when that comes first. With
/// `never_contacted`, the rhythm's ping is a first hello unless a fixed ping
/// comes before it.
#[allow(clippy::too_many_arguments)]
fn queue_next(
    queue: &mut BinaryHeap<Reverse<Pending>>,
    p: &Prepared<'_>,
    calendar: &Calendar<'_>,
    contact: usize,
    state: &mut ChainState,
    candidate: i32,
    never_contacted: bool,
    end: i32,
) {
    let before = state.last;
    // Someone the user talks to every week, or a child, has no rhythm to
    // settle: only what their notes date comes.
    let rhythm = if p.no_rhythm {
        NO_RHYTHM_DUE_DAY
    } else {
        settle(p, state, candidate)
    };
    let first_hello = never_contacted && state.last.is_none();
    if let Some((index, day, by, floor)) = note_first(p, state, before, rhythm) {
        state.spent_notes |= 1 << index;
        state.last = before;
        if day < end + LOOK_PAST_END_DAYS {
            queue.push(Reverse(Pending {
                order: day - CIRCLE_PRIORITY_DAYS[circle_index(p.facts.circle)],
                class: 0,
                due: day,
                hash: p.hash,
                contact,
                origin: candidate,
                note: Some((by, index as u8, floor)),
            }));
        }
        return;
    }
    if !p.no_rhythm {
        push(queue, p, calendar, contact, rhythm, first_hello, end);
    }
}

/// The first of the last note's targets (see [`note_timing`]) still to meet
/// before the rhythm's next ping `rhythm`: which one, the day, the day it
/// must come before, and the earliest day it may take. A target is met
/// by any ping of the contact near or after its day and before its deadline;
/// what is owed by a day only by a rhythm ping just before it, or a promise
/// due on that very day.
fn note_first(
    p: &Prepared<'_>,
    state: &ChainState,
    before: Option<i32>,
    rhythm: i32,
) -> Option<(usize, i32, i32, i32)> {
    for (i, &(day, by, kind)) in p.note_targets.iter().enumerate().take(32) {
        let news = matches!(
            kind,
            note_timing::TargetKind::AfterNews | note_timing::TargetKind::AfterDecision
        );
        if state.spent_notes & (1 << i) != 0 {
            continue;
        }
        // "He'll send the figures by 8 Jan; review mtg wk of 11 Jan": the
        // ping asking after the figures speaks of the meeting too, so the
        // meeting asks for no ping of its own days before it.
        if kind == note_timing::TargetKind::Deadline
            && p.note_targets.iter().any(|&(chase_day, _, chase)| {
                chase == note_timing::TargetKind::Chase && chase_day >= day && chase_day < by
            })
        {
            continue;
        }
        let fixed_before = p
            .fixed
            .iter()
            .map(|f| f.day)
            .filter(|&f| f < day && before.is_none_or(|b| f > b))
            .max();
        let last = before.max(fixed_before);
        // News is asked about near its day (a birthday ten days later is
        // no word on the surgery); a deadline by any fixed ping before it.
        let served_until = if news { day + NOTE_SERVED_DAYS + 1 } else { by };
        // A promise due on the deadline itself, within ten days of the
        // target, is the ping for it: a reminder just before would crowd it.
        // What is owed by a day is said only by a ping that speaks of it: a
        // rhythm ping just before, not a birthday or another promise.
        let owed = matches!(
            kind,
            note_timing::TargetKind::Owed | note_timing::TargetKind::Chase
        );
        // Whether a thing owed to the user has come is asked from its day:
        // a ping before it cannot ask.
        let (served_by, served_from) = if owed {
            (
                before.filter(|b| !state.owed_days.contains(b)),
                if kind == note_timing::TargetKind::Chase {
                    day
                } else {
                    day - OWED_SERVED_DAYS
                },
            )
        } else if kind == note_timing::TargetKind::AfterNews {
            // Only a ping after the news can ask how it went: a word of
            // luck before it is no answer.
            (last, day - PERSONAL_NEWS_SOONER_DAYS)
        } else {
            (last, day - NOTE_SERVED_DAYS)
        };
        // An event's second touch speaks of the note's thread ("confirm the
        // site visit in January"): a deadline of that note within a few
        // weeks after it needs no ping of its own.
        let event_touch = kind == note_timing::TargetKind::Deadline
            && p.fixed.iter().any(|f| {
                matches!(f.detail, FixedDetail::FollowUp { round: 2, .. })
                    && f.day < by
                    && f.day >= day - EVENT_TOUCH_SERVES_DAYS
            });
        // A birthday near dated news carries it; a promise's ping does not
        // speak of it ("book the restaurant" is no word on the surgery).
        if event_touch
            || served_by.is_some_and(|l| l >= served_from)
            || p.fixed.iter().any(|f| {
                (!owed
                    && f.day >= day - NOTE_SERVED_DAYS
                    && f.day < served_until
                    && (!news || f.reason == Reason::Birthday))
                    || (!news
                        && f.day == by
                        && by - day < FIXED_DISTANCE_DAYS
                        && (!owed || f.reason == Reason::Promise))
            })
        {
            continue;
        }
        // What is owed will not wait for the rhythm's shortest gap.
        // News is asked about near its day ("how did the op go?"), not a
        // rhythm's gap after the last ping.
        let floor = match last {
            Some(l) if owed => l + OWED_GAP_DAYS,
            Some(l) if !news && (state.cadence_days.contains(&l) || p.recent_done.contains(&l)) => {
                l + MIN_ORDINARY_GAP_DAYS
            }
            Some(l) => l + gap_after(kind),
            None => 0,
        };
        let at = day.max(floor).max(0);
        // A late contact's catch-up has no day yet (the backlog is spread,
        // past the year-end break for some): a note's day close ahead comes
        // first, unless something waits on the user now.
        let late_first = rhythm < 0 && !p.urgent && at <= LEVELLING_WINDOW_DAYS;
        // The rhythm's day is held ("get in touch in the new year"): the
        // day the hold ends comes first.
        let held = kind == note_timing::TargetKind::AskedFrom && p.is_away(rhythm.max(0));
        if at < by && (at < rhythm || late_first || held) {
            return Some((i, at, by, floor));
        }
    }
    None
}

/// The day for a ping a note asks for: the first free working day from its
/// day to the one before its deadline, else the nearest free one in the week
/// before its day (keeping its gap after the last ping); none when all are full.
#[allow(clippy::too_many_arguments)]
fn place_note(
    p: &Prepared<'_>,
    day: i32,
    by: i32,
    floor: i32,
    kind: Option<note_timing::TargetKind>,
    calendar: &Calendar<'_>,
    load: &[u32],
    cap: u32,
) -> Option<i32> {
    let news = matches!(
        kind,
        Some(
            note_timing::TargetKind::AfterNews
                | note_timing::TargetKind::AfterDecision
                | note_timing::TargetKind::BeforeNews
        )
    );
    // "Hip replacement Mon 7/12, off until mid-Jan": a get-well word is for
    // the time they are off.
    let news_of_them = kind == Some(note_timing::TargetKind::AfterNews);
    let free = |d: i32| {
        let under_cap = slot(d).and_then(|s| load.get(s)).is_none_or(|&n| n < cap);
        d >= 0
            && calendar.is_working(d)
            && under_cap
            && !(p.quiet_at_year_end && calendar.is_year_break(d))
            && (news_of_them || !p.is_away(d))
            // News is asked about close to a birthday or a promise, but not
            // on its very day: one ping a day for a contact.
            && if news {
                !p.fixed.iter().any(|f| f.day == d)
            } else {
                // What is owed will not wait a week for a birthday's sake.
                let gap = if matches!(
                    kind,
                    Some(note_timing::TargetKind::Owed | note_timing::TargetKind::Chase)
                ) {
                    OWED_GAP_DAYS
                } else {
                    NOTE_GAP_DAYS
                };
                !p.fixed.iter().any(|f| (f.day - d).abs() < gap)
            }
    };
    // A word of luck is for the last days before, not a week early.
    let window = if kind == Some(note_timing::TargetKind::BeforeNews) {
        LUCK_WINDOW_DAYS
    } else {
        LEVELLING_WINDOW_DAYS
    };
    let floor = floor.max(day - window);
    (day..by)
        .find(|&d| free(d))
        .or_else(|| (floor..day).rev().find(|&d| free(d)))
}

/// What becomes of a cadence ping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    /// It goes on this day.
    Place(i32),
    /// No day near it is free: it waits for its next point in the rhythm (the
    /// day a later plan would give it once this one counts as missed).
    Defer(i32),
    /// It is not planned; the rhythm goes on from this day (a fixed ping that
    /// stands in for it, or the day it would have had).
    Drop { resume_from: i32 },
    /// A ping a note asked for found no day before its deadline: the rhythm
    /// goes on as if the note had asked for nothing.
    Fallback,
}

/// Chooses the day for a cadence ping whose rhythm asks for `due`, or drops it
/// when one of the contact's fixed pings comes first and stands in for it.
///
/// Every bound below is a day in the contact's own data (its due day, its last
/// ping), never `today`, except that days before today are gone: a later plan
/// searches the same days in the same order, less the ones that have passed,
/// and so finds the same day. The one exception is whether a first ping may
/// wait for its next point (see [`FIRST_PING_REACH_DAYS`]).
///
/// A cold introduction keeps out of the week before the year-end break when
/// a free day in its window allows; when none does, it is placed as any
/// other ping, rather than over the cap.
#[allow(clippy::too_many_arguments)]
fn place(
    p: &Prepared<'_>,
    due: i32,
    origin: i32,
    last: i32,
    first_of_chain: bool,
    calendar: &Calendar<'_>,
    load: &[u32],
    cap: u32,
    placement: &mut Placement,
) -> Decision {
    if p.cold_intro {
        let mut trial = *placement;
        let decision = place_on(
            p,
            due,
            origin,
            last,
            first_of_chain,
            calendar,
            load,
            cap,
            &mut trial,
            true,
        );
        if matches!(decision, Decision::Place(_)) && !trial.over_cap {
            *placement = trial;
            return decision;
        }
    }
    place_on(
        p,
        due,
        origin,
        last,
        first_of_chain,
        calendar,
        load,
        cap,
        placement,
        false,
    )
}

/// [`place`], with the week before the year-end break closed or not.
#[allow(clippy::too_many_arguments)]
fn place_on(
    p: &Prepared<'_>,
    due: i32,
    origin: i32,
    last: i32,
    first_of_chain: bool,
    calendar: &Calendar<'_>,
    load: &[u32],
    cap: u32,
    placement: &mut Placement,
    shun_pre_break: bool,
) -> Decision {
    let ideal = due.max(0);
    let next_fixed = p.fixed.iter().map(|f| f.day).find(|&d| d > ideal);
    let before_fixed = next_fixed.map_or(i32::MAX, |f| f - FIXED_DISTANCE_DAYS);
    // A fixed ping after the chain's last one and before the chosen day comes
    // first: it stands in for this ping. Decided on the chosen day, not on
    // today, so the answer stays the same as days pass.
    let settled = |day: i32| match p.fixed.iter().find(|f| f.day > last && f.day < day) {
        Some(f) => Decision::Drop { resume_from: f.day },
        None => Decision::Place(day),
    };
    let clash = |d: i32| {
        p.fixed
            .iter()
            .any(|f| (f.day - d).abs() < FIXED_DISTANCE_DAYS)
    };
    // Introductions and business check-ins keep out of the year-end break,
    // and cold introductions out of the week before it as well.
    let closed = |d: i32| {
        (p.quiet_at_year_end && calendar.is_year_break(d))
            || (shun_pre_break && calendar.is_before_year_break(d))
            || p.is_away(d)
    };
    let free = |d: i32| {
        let s = slot(d).unwrap_or(usize::MAX);
        let under_cap = load.get(s).is_none_or(|&n| n < cap);
        calendar.is_working(d) && under_cap && !clash(d) && !closed(d)
    };
    // A ping not acted on stays due for the grace period; later, it would
    // count as missed and move (see `rhythm_day`). A late contact's ping goes
    // on its point or earlier: the next day's plan gives it the next point.
    // Within the rhythm the longest gap holds; a contact's first ping may go a
    // few days past it (only when every day before is full) rather than over
    // the cap.
    let catch_up = first_of_chain && due != origin;
    let grace = if catch_up {
        year_break_grace(p, calendar, due)
    } else {
        CATCH_UP_GRACE_DAYS
    };
    let strict = (due + grace).min(last + MAX_GAP_DAYS);
    let latest = if first_of_chain {
        (due + grace).min(last + FIRST_PING_MAX_GAP_DAYS)
    } else {
        strict
    };
    // Later than a week after its day, earlier days are tried first.
    let hi = (due + LEVELLING_WINDOW_DAYS)
        .min(strict)
        .max(ideal)
        .min(before_fixed);
    let back_limit = (last + MIN_ORDINARY_GAP_DAYS).max(0);
    let far = strict.min(before_fixed).max(hi);
    if latest >= ideal {
        // Due in the year-end break: the first free working day after it,
        // while the ping still counts as due.
        if closed(ideal) && calendar.is_year_break(ideal) {
            let after = calendar.after_year_break(ideal);
            if let Some(day) = (after..=latest.min(before_fixed)).find(|&d| free(d)) {
                placement.year_break = true;
                return settled(day);
            }
        }
        // A Saturday's ping goes to Friday rather than piling onto Monday.
        let before_weekend = calendar.prev_working(ideal);
        if !calendar.is_working(ideal)
            && before_weekend >= back_limit
            && ideal - before_weekend < calendar.next_working(ideal) - ideal
            && free(before_weekend)
        {
            return settled(before_weekend);
        }
        if let Some(day) = (ideal..=hi).find(|&d| free(d)) {
            placement.spread = (ideal..day).any(|d| calendar.is_working(d));
            return settled(day);
        }
        // The week is full. Earlier days are free for the taking (nothing placed
        // later can use them), down to the shortest ordinary gap after the last ping…
        if let Some(day) = (back_limit..ideal).rev().find(|&d| free(d)) {
            placement.pulled_forward = true;
            return settled(day);
        }
        // …then up to a week later still, while it does not count as missed
        // (a first ping: a few days past the longest gap, too).
        let beyond = latest.min(before_fixed);
        if let Some(day) = (hi + 1..=far)
            .chain((far + 1).max(ideal)..=beyond)
            .find(|&d| free(d))
        {
            placement.spread = true;
            return settled(day);
        }
    }
    // …then its next point in the rhythm, as a later plan would give it once
    // this one counts as missed, unless that breaks the longest gap. A first
    // ping may wait while the coming year still holds three pings: the
    // contact's rhythm has not started in this plan, or has already run out.
    let next = deferred_day(p, calendar, due, origin);
    if next + LEVELLING_WINDOW_DAYS <= last + MAX_GAP_DAYS
        || (first_of_chain && next <= FIRST_PING_REACH_DAYS)
    {
        return Decision::Defer(next);
    }
    // Everything before the contact's next fixed ping is full: that ping (a
    // birthday, a promise) stands in for this one.
    if let Some(f) = next_fixed.filter(|f| f - FIXED_DISTANCE_DAYS <= far) {
        return Decision::Drop { resume_from: f };
    }
    // Everything in reach is full: exceed the cap on the least loaded day rather
    // than break the contact's rhythm.
    let least_loaded = (back_limit.min(ideal)..=far.max(hi))
        .filter(|&d| calendar.is_working(d) && !clash(d) && !closed(d))
        .min_by_key(|&d| {
            (
                slot(d).and_then(|s| load.get(s)).copied().unwrap_or(0),
                (d - ideal).abs(),
                d,
            )
        });
    if let Some(day) = least_loaded {
        placement.over_cap = true;
        return settled(day);
    }
    // No working day in reach (a long vacation): the first one after it.
    let day = (far + 1..far + 400)
        .find(|&d| free(d))
        .unwrap_or_else(|| calendar.next_working(far + 1));
    placement.spread = true;
    settled(day)
}

/// A contact's fixed pings, with what the user did to them applied.
fn fixed_pings(
    facts: &ContactFacts,
    today: NaiveDate,
    calendar: &Calendar<'_>,
    end: i32,
    closed: &[ClosedSpan],
    left_alone: bool,
) -> Vec<FixedPing> {
    let hash = stable_hash(&[facts.uid.as_bytes()]);
    let mut fixed = Vec::new();
    if !facts.paused && !left_alone {
        birthday_pings(facts, today, calendar, end, &mut fixed);
        follow_up_pings(facts, hash, calendar, &mut fixed);
    }
    promise_pings(facts, calendar, &mut fixed);
    apply_fixed_actions(facts, calendar, &mut fixed);
    // An event's follow-up waits until a business contact is back, or until
    // contact is allowed again; a birthday wish is not sent while no contact
    // is allowed. Promises keep their days, and a snoozed ping the day it was
    // given.
    for span in closed {
        fixed.retain(|f| {
            !(span.by == ClosedBy::NoContact && f.reason == Reason::Birthday && span.holds(f.day))
        });
        for f in fixed.iter_mut() {
            if f.reason == Reason::FollowUp && !f.snoozed && span.holds(f.day) {
                f.day = calendar.next_working(span.back);
            }
        }
    }
    // Held back that long, a follow-up is no longer one: the rhythm picks the
    // contact up from there.
    fixed.retain(|f| match &f.detail {
        FixedDetail::FollowUp { event_date, .. } if !f.snoozed => {
            f.day - calendar.day(*event_date) <= FOLLOW_UP_LATEST_DAYS
        }
        _ => true,
    });
    separate_same_day(&mut fixed, calendar);
    fold_follow_ups(facts, calendar, &mut fixed);
    fixed
}

/// The day a rhythm ping is planned around, from the day its rhythm asks for.
///
/// Due recently or in the future: that day (a ping not acted on stays due for
/// two weeks, [`CATCH_UP_GRACE_DAYS`]). Due longer ago, the contact is late:
/// its next point is `due + two weeks + phase`, and while that has passed, one
/// [`catch_up_step`] later, until one lies today or ahead. So a backlog spreads
/// over the coming weeks at the rhythm's own rate, the way Anki spreads a
/// review backlog, instead of starting today and coming back together an
/// interval later. A late ping goes on its point or earlier, never later
/// ([`place`]); not acted on, it waits for the next point, which is where this
/// function puts it the next day.
fn rhythm_day(p: &Prepared<'_>, calendar: &Calendar<'_>, due: i32) -> i32 {
    if due >= -CATCH_UP_GRACE_DAYS {
        return due;
    }
    let step = catch_up_step(p);
    let base = due + CATCH_UP_GRACE_DAYS + 1 + p.phase % step;
    let mut point = if base >= 0 {
        base
    } else {
        base + (-base + step - 1) / step * step
    };
    // A point moved past the year-end break stays the point until that day
    // has passed, as if it were there (so a plan made during the break agrees).
    if point - step >= base {
        let previous = shift_point(p, calendar, point - step);
        if previous + year_break_grace(p, calendar, previous) >= 0 {
            point -= step;
        }
    }
    shift_point(p, calendar, point)
}

/// A late contact's point moved past the year-end break may take the week
/// after it (the first days of January fill up); any other point, none.
fn year_break_grace(p: &Prepared<'_>, calendar: &Calendar<'_>, point: i32) -> i32 {
    if p.late_after_year_end && calendar.is_soon_after_year_break(point) {
        LEVELLING_WINDOW_DAYS
    } else {
        0
    }
}

/// A late contact's point in the rhythm, moved past the year-end break when
/// the contact keeps out of it.
fn shift_point(p: &Prepared<'_>, calendar: &Calendar<'_>, point: i32) -> i32 {
    if p.late_after_year_end && calendar.is_year_break(point) {
        // Spread over the first working week after it, by the contact's
        // phase, rather than all on its first day.
        let after = calendar.after_year_break(point);
        calendar.add_working_days(after, (p.phase % 5) as u32)
    } else {
        point
    }
}

/// How far apart a late contact's points are: its interval, but never more
/// than [`CATCH_UP_STEP_DAYS`], so the next point is always within reach.
fn catch_up_step(p: &Prepared<'_>) -> i32 {
    if p.urgent || p.prompt_catch_up {
        p.interval.min(URGENT_STEP_DAYS)
    } else {
        p.interval.min(CATCH_UP_STEP_DAYS)
    }
}

/// The next point in the rhythm after `target`: where a ping that found no free
/// day near `target` goes, and where [`rhythm_day`] puts it once missed.
fn deferred_day(p: &Prepared<'_>, calendar: &Calendar<'_>, target: i32, origin: i32) -> i32 {
    let step = catch_up_step(p);
    let base = origin + CATCH_UP_GRACE_DAYS + 1 + p.phase % step;
    if target == origin {
        shift_point(p, calendar, base)
    } else {
        // `target` is a point of the rhythm, perhaps moved past the year-end
        // break: the next one counts from where it was.
        let point = base + (target - base).div_euclid(step) * step;
        shift_point(p, calendar, point + step)
    }
}

/// What every contact's preparation reads of the book as a whole.
struct Book {
    /// Each circle's interval after stretching.
    intervals: [i32; 4],
    /// Whether the days have room for an extra catch-up.
    roomy: bool,
    /// The first names and nicknames in the book, lowercased: a note that
    /// opens "Robbo's Jess…" on another contact's card tells Robbo's news
    /// only when Robbo is in the book.
    names: std::collections::HashSet<String>,
    /// The user's own company, lowercased (see [`own_companies`]).
    own_companies: std::collections::HashSet<String>,
}

/// The first names and nicknames of all contacts, lowercased.
fn book_names(contacts: &[ContactFacts]) -> std::collections::HashSet<String> {
    contacts
        .iter()
        .flat_map(|c| [first_name(c), explain::addressed_as(c)])
        .filter_map(|n| n.split_whitespace().next())
        .map(str::to_lowercase)
        .collect()
}

/// Derives a contact's interval and first due day.
fn prepare<'a>(
    facts: &'a ContactFacts,
    fixed: Vec<FixedPing>,
    closed: Vec<ClosedSpan>,
    calendar: &Calendar<'_>,
    book: &Book,
    standing: Option<standing::LeftAlone>,
) -> Prepared<'a> {
    // Left alone: only promises. In touch every week anyway, or a child: no
    // rhythm, but what a note dates (news to ask about, what is owed by a
    // day) still comes.
    let left_alone = standing.is_some_and(|s| !s.keeps_occasions());
    let no_rhythm = standing.is_some_and(standing::LeftAlone::keeps_occasions);
    let interval = (book.intervals[circle_index(facts.circle)] + nudge(facts))
        .clamp(MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS);
    let hash = stable_hash(&[facts.uid.as_bytes()]);
    let phase = (stable_hash(&[facts.uid.as_bytes(), b"phase"]) % interval as u64) as i32;

    let anchors = facts.all_anchors();
    // The last note as it concerns this contact, read once for its dates and
    // the pings it asks for.
    let roles = notes::family_roles(&facts.notes);
    let own_note = facts
        .last_note
        .as_ref()
        .map(|n| (own_text(n, first_name(facts), &roles, calendar), n.date));
    let mut note_dates = own_note
        .as_ref()
        .map(|(text, date)| notes::note_dates(text, *date))
        .unwrap_or_default();
    // "RFI input before Easter": a deadline by month or holiday, named, so
    // the ping before it can speak of it.
    // "Coming to Dublin in Feb": a visit, a chance to meet.
    if let Some((text, date)) = &own_note {
        // A friend's "hen in Lisbon in April" is no deadline to get ready
        // for with them.
        let named = if is_personal(facts) {
            Vec::new()
        } else {
            note_timing::month_deadline_dates(text, *date)
        };
        for named in note_timing::visit_dates(text, *date)
            .into_iter()
            .chain(named)
        {
            if !note_dates.iter().any(|d| d.on == named.on) {
                note_dates.push(named);
            }
        }
    }
    // "Michael is off 21/12-8/1" on Thomas's card: Michael's day, not a
    // deadline or news of Thomas's.
    for d in &mut note_dates {
        if opens_with_another(d, facts, book) {
            disown(d);
        }
    }
    // News a shared note tells of someone else ("Sat patrol w Robbo + Tess.
    // Robbo's Jess due with baby #2 around 18/12"): Robbo's, not Tess's.
    for d in &mut note_dates {
        if d.life && is_someone_elses(&d.what, facts, &book.names) {
            d.life = false;
        }
    }
    // "Paul wants the 5yr pricing by 8/12", on Siobhán's card with Paul in
    // the book: owed to Paul, whose own card speaks of it; not to her.
    if let Some((text, _)) = &own_note {
        for d in &mut note_dates {
            if d.owing != notes::Owing::Nobody
                && opened_by_another(text, &d.task, facts, &book.names)
            {
                d.owing = notes::Owing::Nobody;
                d.deadline = false;
            }
        }
    }
    // A thing the note says is owed that a promise already covers ("asked
    // for the delivery confirmation by 15 Dec", promised for 4 Dec): the
    // promise's ping is the one for it.
    for d in &mut note_dates {
        if d.owing == notes::Owing::Send
            && facts
                .open_promises
                .iter()
                .chain(&facts.kept_promises)
                .any(|pr| same_thing(&pr.text, &d.task, first_name(facts)))
        {
            d.owing = notes::Owing::Nobody;
        }
    }
    // "RFQ back to Sarah by Fri 11/12", with the RFQ response promised for
    // that day: the promise's ping is the word for it, not a check-in
    // ahead of the user's own deadline.
    for d in &mut note_dates {
        if d.deadline
            && d.owing == notes::Owing::Nobody
            && facts.open_promises.iter().any(|pr| pr.due == d.on)
        {
            d.deadline = false;
        }
    }
    // A request with a day ("needs a yes/no by 8 Jan") is owed by that day:
    // its ping comes before the day (see [`note_targets`]), not at once.
    // And what the contact offered by a day ("she'll send the draft deck by
    // Dec 9") is checked on that day, not asked after at once.
    let open = open_item(facts, &anchors).filter(|_| {
        let sends = note_dates.iter().any(|d| d.owing == notes::Owing::Send);
        let chases = note_dates.iter().any(|d| d.owing == notes::Owing::Chase);
        // "Asked about the Rota module - wants a price by mid Jan": a
        // thing to send or answer by a month named is owed by then; the
        // deadline's own ping comes before it, with no apology for a wait.
        let by_a_month = |text: &str, written: NaiveDate| {
            notes::may_name_a_day(text)
                && note_timing::month_deadline_dates(text, written)
                    .iter()
                    .any(|d| {
                        d.on > calendar.date(0)
                            && d.when.as_deref().is_some_and(|w| {
                                let w = w.to_lowercase();
                                w.starts_with("by ") || w.starts_with("before ")
                            })
                    })
        };
        let month_owed = own_note
            .as_ref()
            .is_some_and(|(text, written)| by_a_month(text, *written));
        // Most notes owe nothing by a day: the request is read only then.
        if !sends && !chases && !month_owed {
            return true;
        }
        let request = own_note
            .as_ref()
            .and_then(|(text, _)| notes::read_note(text, first_name(facts)).request);
        if month_owed
            && request
                .as_ref()
                .is_some_and(|r| matches!(r.kind, "send" | "answer"))
        {
            return false;
        }
        if !sends && !chases {
            return true;
        }
        match request {
            Some(r) => !sends || !owes_by_a_day(&r.object, &note_dates, calendar.date(0)),
            None => !chases,
        }
    });
    let governing = warmth::governing_anchor(&anchors, f64::from(interval));
    let (due_since, due, never_contacted, since) = match governing {
        Some((anchor, due)) => {
            let due_day = calendar.day(due);
            let latest = anchors.iter().map(|a| a.date).max().unwrap_or(anchor.date);
            let latest = calendar.day(latest);
            let due = open
                .map(|on| (calendar.day(on) + OPEN_ITEM_DAYS).max(latest + 1))
                .map_or(due_day, |open| open.min(due_day));
            (due_day, due, false, calendar.day(anchor.date))
        }
        None => {
            // Never contacted: first hellos spread over an interval after the day
            // the contact was added, by its phase (stable, not `today`).
            let added = calendar.day(facts.created_on);
            (added, added + phase, true, added)
        }
    };
    // "Belated b'day beers Sat 5/12", "Tilly's party Sun 13/12, we're
    // going": the user sees them that day; the rhythm's next word comes an
    // interval after it, not before or just after it.
    let due = match own_note
        .as_ref()
        .and_then(|(text, written)| planned_meeting(text, *written, &note_dates, calendar))
    {
        Some(meeting) if meeting >= 0 && due < meeting + interval && !never_contacted => {
            due.max(meeting + interval)
        }
        _ => due,
    };
    let mut resolved: Vec<&str> = facts
        .actions
        .iter()
        .filter(|a| a.action != PingActionKind::Snoozed && is_cadence_id(&a.ping_id))
        .map(|a| a.ping_id.as_str())
        .collect();
    resolved.sort_unstable();
    resolved.dedup();
    let resolved_cadence = resolved.len() as u32;
    let wide = matches!(facts.circle, Circle::Network | Circle::Acquaintance);
    let stranger = never_contacted
        && wide
        && facts.open_promises.is_empty()
        && notes::relationship_tag(&facts.tags).is_none()
        && notes::own_notes(&facts.notes).is_none();
    // Only liked online or emailed without a reply: a cold introduction still.
    let cold = wide && notes::only_one_way(facts, &anchors);
    let personal = is_personal(facts);
    let urgent = !never_contacted && open.is_some();
    let latest = anchors.iter().map(|a| calendar.day(a.date)).max();
    let mut earlier_dates = earlier_dates(facts, calendar, &roles, &note_dates);
    earlier_dates.retain(|d| !(d.life && is_someone_elses(&d.what, facts, &book.names)));
    // "Farouk having hip op Mon 7/12" in an earlier note on Nadia's card:
    // Farouk's, as in the last note.
    for d in &mut earlier_dates {
        if opens_with_another(d, facts, book) {
            disown(d);
        }
    }
    // "Get the quote to her by 15/12" in a note shared with Anita, on the
    // card of Steve, whom the notes call "he": hers, not his.
    for d in note_dates.iter_mut().chain(earlier_dates.iter_mut()) {
        if pronoun_of(facts, d.written).is_some_and(|she| speaks_of_other(&d.what, she)) {
            disown(d);
        }
    }
    // A promise about it ("Send Alan's Christmas card", "Helen's Christmas
    // lunch") is the custom this year: no second ping for it.
    let christmas = if left_alone {
        None
    } else {
        notes::christmas_custom(&facts.notes).filter(|c| {
            !facts
                .open_promises
                .iter()
                .chain(&facts.kept_promises)
                .any(|pr| {
                    pr.due.month() >= 11
                        && notes::words(&pr.text)
                            .iter()
                            .any(|w| notes::is_word_for(w, c.thing))
                })
        })
    };
    let note_targets = if left_alone {
        Vec::new()
    } else {
        let mut targets = own_note.as_ref().map_or_else(Vec::new, |(text, date)| {
            // "Ralf needs the TCO calc from me by 7 Dec", on Tobias's card:
            // Ralf's day, no deadline of Tobias's.
            let own = notes::without_others(
                text,
                &[first_name(facts), explain::addressed_as(facts)],
                &book.names,
            );
            note_targets(&own, *date, &note_dates, calendar, latest, !personal)
        });
        let after = facts
            .last_note
            .as_ref()
            .map_or(facts.created_on, |n| n.date);
        let earlier = note_timing::earlier_targets(&earlier_dates, after);
        targets.extend(place_targets(earlier, calendar, latest, !personal));
        // Not yet talked to, with a card that says when to get in touch:
        // the first ping comes then (see `closed_spans`).
        if facts.anchors.is_empty() {
            let today = calendar.date(0);
            let card = calendar.spell_dates(&facts.notes, today);
            targets.extend(note_timing::contact_from(&card, today).map(|back| {
                let day = calendar.next_working(calendar.day(back));
                (
                    day,
                    day + CONTACT_FROM_WINDOW_DAYS,
                    note_timing::TargetKind::AskedFrom,
                )
            }));
        }
        if let Some(custom) = christmas {
            targets.extend(place_targets(
                christmas_targets(custom, calendar.date(0), facts.birthday),
                calendar,
                latest,
                !personal,
            ));
        }
        // Someone the user talks to every week hears of a coming deadline
        // then, and "let's talk in Jan" is said at the weekly 1:1; what is
        // owed by a day and news to ask about still come.
        if no_rhythm {
            targets.retain(|t| {
                !matches!(
                    t.2,
                    note_timing::TargetKind::Deadline | note_timing::TargetKind::AskedFrom
                )
            });
        }
        targets.sort_unstable();
        targets.dedup_by_key(|t| t.1);
        targets
    };
    let recent_done = facts
        .actions
        .iter()
        .filter(|a| a.action == PingActionKind::Done)
        .map(|a| calendar.day(a.acted_on))
        .filter(|&d| (-364..0).contains(&d))
        .collect();
    Prepared {
        facts,
        interval,
        hash,
        fixed,
        due: (!facts.paused && !left_alone).then_some(due),
        phase,
        since,
        due_since,
        resolved_cadence,
        never_contacted,
        stranger,
        quiet_at_year_end: !personal && !urgent,
        late_after_year_end: wide && !personal && !urgent,
        personal,
        no_rhythm,
        child: standing == Some(standing::LeftAlone::Child),
        own_child: standing == Some(standing::LeftAlone::Child)
            && standing::is_own_child(&facts.notes),
        spouse: standing::is_spouse_in_family(&facts.notes, &facts.tags),
        cold_intro: stranger || cold || (never_contacted && wide),
        prompt_catch_up: book.roomy
            && !never_contacted
            && !cold
            && matches!(facts.circle, Circle::Inner | Circle::Core),
        note_targets,
        christmas,
        urgent,
        anchors,
        recent_done,
        note_dates,
        earlier_dates,
        colleagues: String::new(),
        away: closed,
        own_colleague: is_own_colleague(facts, &book.own_companies),
    }
}

/// Whether everything logged with the contact after `date` is a like, a
/// comment or a gift: no conversation that could have changed what was said.
fn only_light_touches_after(facts: &ContactFacts, date: NaiveDate) -> bool {
    facts.anchors.iter().filter(|a| a.date > date).all(|a| {
        matches!(
            a.source,
            snapshot::AnchorSource::Interaction(InteractionKind::Social | InteractionKind::Gift)
        )
    })
}

/// What a note says of the contact: in a note of an event, shared by the
/// people met there, only the clauses about them ([`notes::own_part`]); any
/// other note is all about them ("Lost to Gallagher on price. Paul
/// apologetic…" is Paul's loss).
/// In a family note logged with each relative, only this one's news
/// ([`notes::without_relatives_news`]). Its numeric dates are spelled out
/// for the readers ("12/8" → "8 Dec" where the month comes first).
fn own_text<'t>(
    note: &'t NoteFacts,
    first_name: &str,
    roles: &[&str],
    calendar: &Calendar<'_>,
) -> std::borrow::Cow<'t, str> {
    use std::borrow::Cow;
    let own = if note.kind == InteractionKind::Event || note.event.is_some() {
        notes::own_part(&note.text, first_name)
    } else {
        Cow::Borrowed(note.text.as_str())
    };
    // A family note logged with each relative: only this one's news.
    let own = rewrite(own, |text| notes::without_relatives_news(text, roles));
    rewrite(own, |text| calendar.spell_dates(text, note.date))
}

/// `text` passed through `step`, borrowing still when neither changed it.
fn rewrite<'t>(
    text: std::borrow::Cow<'t, str>,
    step: impl for<'a> Fn(&'a str) -> std::borrow::Cow<'a, str>,
) -> std::borrow::Cow<'t, str> {
    use std::borrow::Cow;
    match text {
        Cow::Borrowed(text) => step(text),
        Cow::Owned(text) => Cow::Owned(step(&text).into_owned()),
    }
}

/// The absence a note names for the contact, not for someone else it
/// names ("Michael is off 21/12-8/1" on Thomas's card). Most notes name
/// none, and are read once.
fn own_absence(
    text: &str,
    note: &snapshot::NoteFacts,
    facts: &ContactFacts,
    book_names: &std::collections::HashSet<String>,
) -> Option<note_timing::Absence> {
    let written = note.date;
    note_timing::away_days(text, written)?;
    let own = notes::without_others(
        text,
        &[first_name(facts), explain::addressed_as(facts)],
        book_names,
    );
    // "Get the quote to her by 15/12 - she's off from 19/12", a note shared
    // with Anita, on Steve's card, whom the other notes call "he": hers.
    let own = match pronoun_of(facts, note.date) {
        Some(theirs) => without_pronoun(&own, !theirs),
        None => own,
    };
    note_timing::away_days(&own, written)
}

/// Whether a word is a subject pronoun, and which: `Some(true)` for "she",
/// `Some(false)` for "he" (with "'s", "'ll", "'d").
fn subject_pronoun(word: &str) -> Option<bool> {
    let word = word.to_lowercase().replace('\u{2019}', "'");
    let base = word.split('\'').next().unwrap_or("");
    match base {
        "she" => Some(true),
        "he" => Some(false),
        _ => None,
    }
}

/// How the user's notes on the contact speak of them, other than those
/// written on `except` (the note being read, which may be shared with
/// someone else): `Some(true)` "she", `Some(false)` "he", `None` when they
/// never say or say both.
fn pronoun_of(facts: &ContactFacts, except: NaiveDate) -> Option<bool> {
    let (mut she, mut he) = (0, 0);
    // The notes of conversations only: a card often speaks of others ("EA
    // is Maria - she runs his diary").
    let notes = facts
        .last_note
        .iter()
        .chain(&facts.absence_notes)
        .chain(&facts.dated_notes)
        .filter(|n| n.date != except)
        .map(|n| n.text.as_str());
    for note in notes {
        for word in note.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')) {
            match subject_pronoun(word) {
                Some(true) => she += 1,
                Some(false) => he += 1,
                None => {}
            }
        }
    }
    match (she, he) {
        (0, 0) => None,
        (_, 0) => Some(true),
        (0, _) => Some(false),
        _ => None,
    }
}

/// Whether a dated thing of a note opens with another contact in the book
/// ("Michael is off 21/12-8/1" on Thomas's card).
fn opens_with_another(d: &notes::NoteDate, facts: &ContactFacts, book: &Book) -> bool {
    let names = [first_name(facts), explain::addressed_as(facts)];
    // What is owed is named without its asker ("the TCO calc"): the clause
    // says whose it is.
    notes::opens_with_someone(&d.what, &names, &book.names)
        || (d.owing != notes::Owing::Nobody
            && notes::opens_with_someone(&d.clause, &names, &book.names))
}

/// A dated thing that is someone else's: no deadline, news, decision or
/// thing owed of the contact's; its day stays, naming nothing of theirs.
fn disown(d: &mut notes::NoteDate) {
    d.deadline = false;
    d.life = false;
    d.decision = false;
    d.owing = notes::Owing::Nobody;
}

/// Whether `what` speaks of someone by the pronoun that is not the
/// contact's (`she`: the contact is "she"), and not by theirs.
fn speaks_of_other(what: &str, she: bool) -> bool {
    let (mut own, mut other) = (false, false);
    for word in what.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')) {
        let lower = word.to_lowercase();
        let female =
            matches!(lower.as_str(), "her" | "hers") || subject_pronoun(word) == Some(true);
        let male = matches!(lower.as_str(), "him" | "his") || subject_pronoun(word) == Some(false);
        if (female && she) || (male && !she) {
            own = true;
        }
        if (female && !she) || (male && she) {
            other = true;
        }
    }
    other && !own
}

/// `text` without the clauses whose subject is the other pronoun
/// (`she`: "she's off from 19/12" when `she` is true).
fn without_pronoun(text: &str, she: bool) -> std::borrow::Cow<'_, str> {
    let clauses: Vec<&str> = text
        .split(['.', ';', '\n'])
        .flat_map(|s| s.split(" - "))
        .collect();
    let theirs = |clause: &str| {
        let mut pronouns = clause
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
            .filter_map(subject_pronoun);
        pronouns.clone().any(|p| p == she) && pronouns.all(|p| p == she)
    };
    if !clauses.iter().any(|c| theirs(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        clauses
            .into_iter()
            .filter(|c| !theirs(c))
            .collect::<Vec<_>>()
            .join(". "),
    )
}

/// The inner circle, or a contact tagged friend or family.
fn is_personal(facts: &ContactFacts) -> bool {
    facts.circle == Circle::Inner
        || facts.tags.iter().any(|t| {
            let t = t.to_lowercase();
            t.contains("friend") || t.contains("family")
        })
}

/// The days a contact is not to be pinged: when a recent note or the card
/// says a business contact (not a personal one) is away
/// ([`note_timing::away_days`]), and when one asks for no contact until a
/// day ([`note_timing::no_contact_days`]). Only the last note says when to
/// get back in touch; an earlier note parks the business ("not before Q3")
/// only while nothing but a like or a gift has come since, as a later
/// conversation may have changed that, where it does not end an absence.
fn closed_spans(
    facts: &ContactFacts,
    calendar: &Calendar<'_>,
    book_names: &std::collections::HashSet<String>,
) -> Vec<ClosedSpan> {
    let span = |(from, back): (NaiveDate, NaiveDate), by| ClosedSpan {
        from: calendar.day(from),
        back: calendar.day(back),
        by,
    };
    let away = |a: note_timing::Absence| ClosedSpan {
        from: calendar.day(a.from),
        back: calendar.day(a.back),
        by: ClosedBy::Away {
            parental: a.parental,
            back_named: a.back_named,
        },
    };
    let mut spans = Vec::new();
    let personal = is_personal(facts);
    let roles = notes::family_roles(&facts.notes);
    if let Some(note) = facts.last_note.as_ref() {
        // In a note shared by the people met at one event, only what is
        // said about this contact.
        let text = own_text(note, first_name(facts), &roles, calendar);
        if !personal {
            // "Michael is off 21/12-8/1" on Thomas's card is Michael's.
            spans.extend(own_absence(&text, note, facts, book_names).map(away));
            spans.extend(
                note_timing::parked_days(&text, note.date).map(|s| span(s, ClosedBy::Later)),
            );
            if standing::says_lost(&text) {
                spans.push(span(
                    (note.date, note.date + Duration::days(LOST_DEAL_REST_DAYS)),
                    ClosedBy::Later,
                ));
            }
        }
        // "Ping her in Jan once settled": the user's own word on when.
        spans.extend(
            note_timing::contact_from(&text, note.date)
                .map(|back| span((note.date, back), ClosedBy::Later)),
        );
        spans.extend(
            note_timing::no_contact_days(&text, note.date).map(|s| span(s, ClosedBy::NoContact)),
        );
    }
    for note in &facts.absence_notes {
        let text = own_text(note, first_name(facts), &roles, calendar);
        if !personal {
            spans.extend(own_absence(&text, note, facts, book_names).map(away));
            // "Not before Q3 — call him June 2027", followed only by a like
            // of a post: no conversation since has changed that.
            if only_light_touches_after(facts, note.date) {
                spans.extend(
                    note_timing::parked_days(&text, note.date).map(|s| span(s, ClosedBy::Later)),
                );
            }
        }
        spans.extend(
            note_timing::no_contact_days(&text, note.date).map(|s| span(s, ClosedBy::NoContact)),
        );
    }
    // A card note has no day of its own: a loss on it dates from the last
    // thing logged (or the day the contact was added).
    let card_written = facts
        .anchors
        .iter()
        .map(|a| a.date)
        .max()
        .map_or(facts.created_on, |d| d.max(facts.created_on));
    // A card is kept up to date: what it says holds from today, however
    // long ago the last thing was logged ("no contact until award, expected
    // Feb 2027" on a card whose last call was in July).
    let card_read = card_written.max(calendar.date(0));
    let card = calendar.spell_dates(&facts.notes, card_read);
    spans.extend(
        note_timing::no_contact_days(&card, card_read).map(|s| span(s, ClosedBy::NoContact)),
    );
    // Someone not yet talked to whose card says when to get in touch ("Met
    // at the Rotary breakfast. Said to get in touch in the new year").
    if facts.anchors.is_empty() {
        spans.extend(
            note_timing::contact_from(&card, card_read)
                .map(|back| span((card_read, back), ClosedBy::Later)),
        );
    }
    if !personal {
        // "On mat leave until 1 Mar 2027" kept on the card.
        spans.extend(note_timing::away_days(&card, card_read).map(away));
        // A deal the card or a tag says was lost rests from the last thing logged.
        if standing::says_lost(&facts.notes) || standing::tagged_lost(&facts.tags) {
            spans.push(span(
                (
                    card_written,
                    card_written + Duration::days(LOST_DEAL_REST_DAYS),
                ),
                ClosedBy::Later,
            ));
        }
    }
    spans
}

/// Names whom the notes leave alone, so that no one drops out of the plan
/// without a word: "Left alone by your notes (only promises come): Ryan
/// Mercer (at a competitor), Tom Beaulieu (declined)…".
fn left_alone_note(
    contacts: &[ContactFacts],
    left: &[Option<standing::LeftAlone>],
) -> Option<String> {
    let list = name_list(contacts, left, |c, l| {
        (!l.keeps_occasions()).then(|| format!("{} ({})", c.name, l.describe()))
    })?;
    Some(format!(
        "left alone by your notes, so only your promises to them are planned: {list} (edit a card's notes to change this)"
    ))
}

/// Where the rhythm of someone with no rhythm pings (in touch every week
/// anyway, a child) would come: after any plan's end (a century on), so that
/// their notes' dated pings all come before it (see `queue_next`, which
/// queues no rhythm ping for them).
const NO_RHYTHM_DUE_DAY: i32 = 100 * 366;

/// A note's "call after 11 Jan" is met by a ping within two weeks of the day.
const CONTACT_FROM_WINDOW_DAYS: i32 = 14;

/// Names those the notes say the user talks to every week anyway: "In
/// touch every week by your notes…: Jean Brooks".
fn in_touch_note(
    contacts: &[ContactFacts],
    left: &[Option<standing::LeftAlone>],
) -> Option<String> {
    let list = name_list(contacts, left, |c, l| {
        (l == standing::LeftAlone::InTouch).then(|| c.name.clone())
    })?;
    Some(format!(
        "in touch every week by your notes, so only their birthdays and your promises are planned: {list} (edit a card's notes to change this)"
    ))
}

/// Names the children in the book, with their age: "children get only
/// their birthdays and your promises: Kabir Nair (6)".
fn children_note(
    contacts: &[ContactFacts],
    left: &[Option<standing::LeftAlone>],
    today: NaiveDate,
) -> Option<String> {
    let list = name_list(contacts, left, |c, l| {
        (l == standing::LeftAlone::Child)
            .then(|| child_age(c, today).map(|age| format!("{} ({age})", c.name)))
            .flatten()
    })?;
    Some(format!(
        "children get only their birthdays and your promises, with no rhythm pings of their own: {list} (by the birth year on the card)"
    ))
}

/// Younger than this on the card's birthday, a contact is a child.
const CHILD_UNDER_YEARS: i32 = 16;

/// A contact's age today when the card's birthday makes them a child.
fn child_age(facts: &ContactFacts, today: NaiveDate) -> Option<i32> {
    let birthday = facts.birthday?;
    let year = birthday.year?;
    let had_birthday = (today.month(), today.day()) >= (birthday.month, birthday.day);
    let age = today.year() - year - i32::from(!had_birthday);
    (0..CHILD_UNDER_YEARS).contains(&age).then_some(age)
}

/// The first six of the contacts (not paused) that `name` names for their
/// standing, and how many more.
fn name_list(
    contacts: &[ContactFacts],
    left: &[Option<standing::LeftAlone>],
    name: impl Fn(&ContactFacts, standing::LeftAlone) -> Option<String>,
) -> Option<String> {
    const NAMED: usize = 6;
    let named: Vec<String> = contacts
        .iter()
        .zip(left)
        .filter(|(c, _)| !c.paused)
        .filter_map(|(c, l)| l.and_then(|l| name(c, l)))
        .collect();
    if named.is_empty() {
        return None;
    }
    let more = named.len().saturating_sub(NAMED);
    let mut list = named[..named.len().min(NAMED)].join(", ");
    if more > 0 {
        list.push_str(&format!(" and {more} more"));
    }
    Some(list)
}

/// Words that make a dated thing in a note a time the user and the contact
/// meet ("beers Sat 5/12", "Tilly's party Sun 13/12").
const GET_TOGETHERS: [&str; 13] = [
    "beers",
    "beer",
    "drinks",
    "drink",
    "lunch",
    "dinner",
    "brunch",
    "breakfast",
    "coffee",
    "bbq",
    "barbie",
    "catch-up",
    "catchup",
];

/// The day, still to come, the last note (`text`, written on `written`)
/// plans to meet the contact on: a get-together, or a party the user says
/// they are going to. Not one the note asks to be called after ("Call me
/// after the Christmas lunch on 4 Dec").
fn planned_meeting(
    text: &str,
    written: NaiveDate,
    note_dates: &[notes::NoteDate],
    calendar: &Calendar<'_>,
) -> Option<i32> {
    // Most notes date nothing ahead: they are read no further.
    let ahead: Vec<&notes::NoteDate> = note_dates
        .iter()
        .filter(|d| d.owing == notes::Owing::Nobody && !d.life && calendar.day(d.on) >= 0)
        .collect();
    if ahead.is_empty() {
        return None;
    }
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    // "Their team xmas lunch is Fri 18/12", "can't do coffee Wed 2/12":
    // no meeting of the user's.
    if ["their ", "can't", "cannot", "cancel", "postpone"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let going = [
        "we're going",
        "we are going",
        "i'm going",
        "i am going",
        "see them there",
    ]
    .iter()
    .any(|g| lower.contains(g));
    let day = ahead
        .into_iter()
        .filter(|d| {
            notes::words(&d.what)
                .iter()
                .any(|w| GET_TOGETHERS.contains(&w.as_str()) || (going && w == "party"))
        })
        .map(|d| calendar.day(d.on))
        .min()?;
    note_timing::contact_from(text, written)
        .is_none()
        .then_some(day)
}

/// The companies (lower-cased) of the contacts the notes or tags say are at
/// a competitor: "competitor (Meshline) - do not engage".
fn competitor_companies(contacts: &[ContactFacts]) -> std::collections::HashSet<String> {
    contacts
        .iter()
        .filter(|c| {
            // Only a card that says the person is at a competitor: tagged
            // so, or opening with it ("competitor (Meshline) - do not
            // engage"), not one that mentions a competitor's product.
            let card = c.notes.trim_start().to_lowercase();
            c.company.is_some()
                && (c.tags.iter().any(|t| {
                    let t = t.to_lowercase();
                    t.contains("competitor") || t.contains("rival")
                }) || card.starts_with("competitor")
                    || card.starts_with("rival"))
                && !phrases::is_personal(&c.notes, &c.tags)
        })
        .filter_map(|c| c.company.as_deref())
        .map(|company| company.trim().to_lowercase())
        .filter(|company| !company.is_empty())
        .collect()
}

/// The user's own company (lower-cased), as the cards of those who work
/// beside them say ("My manager. 1:1 every other Mon." at Tallyhill): the
/// others there are colleagues too.
fn own_companies(contacts: &[ContactFacts]) -> std::collections::HashSet<String> {
    contacts
        .iter()
        .filter(|c| standing::works_beside_user(&c.notes))
        .filter_map(company_key)
        .collect()
}

/// Whether the contact works at the user's own company (see
/// [`own_companies`]).
fn is_own_colleague(facts: &ContactFacts, own: &std::collections::HashSet<String>) -> bool {
    !own.is_empty() && company_key(facts).is_some_and(|key| own.contains(&key))
}

/// Someone else at a company another card calls a competitor ("Sean
/// Williams, Meshline Networks", beside "competitor (Meshline)"): left
/// alone as well, unless a friend or close.
fn at_a_competitor(
    facts: &ContactFacts,
    rivals: &std::collections::HashSet<String>,
) -> Option<standing::LeftAlone> {
    let company = facts.company.as_deref()?.trim().to_lowercase();
    (rivals.contains(&company)
        && facts.circle != Circle::Inner
        && !phrases::is_personal(&facts.notes, &facts.tags))
    .then_some(standing::LeftAlone::Competitor)
}

/// Why the notes say to leave the contact alone (see [`standing::left_alone`]).
fn left_alone(facts: &ContactFacts, today: NaiveDate) -> Option<standing::LeftAlone> {
    if child_age(facts, today).is_some() {
        return Some(standing::LeftAlone::Child);
    }
    let last_note = facts.last_note.as_ref().map(|n| n.text.as_str());
    // Where the user stands holds however old the note that says so; a
    // habit it speaks of only while it is recent.
    let standing_note = last_note.or(facts.old_last_note.as_ref().map(|n| n.text.as_str()));
    standing::left_alone(
        &facts.name,
        &facts.notes,
        &facts.tags,
        facts.title.as_deref(),
        standing_note,
    )
    .or_else(|| {
        (!phrases::is_personal(&facts.notes, &facts.tags)
            && standing::declined_by_recruiting_firm(facts.company.as_deref(), standing_note))
        .then_some(standing::LeftAlone::Declined)
    })
    .or_else(|| {
        (standing::in_regular_touch(&facts.notes, last_note)
            || standing::is_spouse_in_family(&facts.notes, &facts.tags))
        .then_some(standing::LeftAlone::InTouch)
    })
}

/// How soon after an event, and how late, a decision its note dates makes
/// the second follow-up come the day after it.
const EVENT_DECISION_DAYS: std::ops::RangeInclusive<i64> = 7..=28;

/// The day of a decision or deadline the note written at `event` names (a
/// board, a go-live), between one and four weeks after the event, when no
/// one owes anything by it; of several, the last.
fn dated_after_event(
    facts: &ContactFacts,
    event: &snapshot::EventFacts,
    calendar: &Calendar<'_>,
) -> Option<NaiveDate> {
    let note = facts
        .last_note
        .as_ref()
        .filter(|n| n.date == event.date && n.event.as_deref() == Some(event.name.as_str()))?;
    if !notes::may_name_a_day(&note.text) && !numeric_dates::may_hold_numeric_date(&note.text) {
        return None;
    }
    let roles = notes::family_roles(&facts.notes);
    let text = own_text(note, first_name(facts), &roles, calendar);
    notes::note_dates(&text, note.date)
        .into_iter()
        .filter(|d| {
            d.deadline
                && d.owing == notes::Owing::Nobody
                && !d.what.is_empty()
                && EVENT_DECISION_DAYS.contains(&(d.on - event.date).num_days())
        })
        .map(|d| d.on)
        // "Pricing by 11 Dec for the board packet. Board mtg 17 Dec": the
        // last of them is the decision; the first, a step towards it.
        .max()
}

/// Whether `what` opens with another contact's name in the possessive
/// ("Robbo's Jess due with baby #2", Robbo being in the book) on a contact
/// of another name. A name the book does not hold is the contact's own
/// people ("Sophie's graduation" on her father's card); family words
/// ("Mum's hip") are left to the family reading.
fn is_someone_elses(
    what: &str,
    facts: &ContactFacts,
    book_names: &std::collections::HashSet<String>,
) -> bool {
    let first = what.split_whitespace().next().unwrap_or("");
    let Some(owner) = first
        .strip_suffix("'s")
        .or_else(|| first.strip_suffix("\u{2019}s"))
    else {
        return false;
    };
    owner.chars().all(char::is_alphabetic)
        && notes::names_another(
            owner,
            &[
                first_name(facts),
                explain::addressed_as(facts),
                facts.name.as_str(),
            ],
            book_names,
        )
        && !notes::FAMILY_ROLES.contains(&owner.to_lowercase().as_str())
}

/// Whether the sentence of `text` that names `task` opens with the name of
/// another contact in the book ("Paul wants the pricing by 8/12" on
/// Siobhán's card): that person's business, not this contact's.
fn opened_by_another(
    text: &str,
    task: &str,
    facts: &ContactFacts,
    book_names: &std::collections::HashSet<String>,
) -> bool {
    let probe: String = task
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if probe.is_empty() {
        return false;
    }
    text.split(['.', ';', '\n'])
        .filter(|sentence| sentence.to_lowercase().contains(&probe))
        .any(|sentence| {
            let first = sentence
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .find(|w| !w.is_empty())
                .unwrap_or("");
            notes::names_another(
                first,
                &[first_name(facts), explain::addressed_as(facts)],
                book_names,
            )
        })
}

/// Whether what was asked for (`request`, as the request reader has it:
/// "a yes/no by 1/8") is the thing a note's dates say the user owes by a day
/// on or after `from` ("a yes/no"): the pings before that day speak of it.
/// Another thing asked for in the same note is still a request.
fn owes_by_a_day(request: &str, note_dates: &[notes::NoteDate], from: NaiveDate) -> bool {
    let request = request.to_lowercase();
    note_dates.iter().any(|d| {
        d.on >= from
            && d.owing == notes::Owing::Send
            && !d.task.is_empty()
            && request.contains(&d.task.to_lowercase())
    })
}

/// The last note's day when it holds something waiting on the user (a
/// request, or the contact's offer to do something), with nothing logged
/// after it and no promise that answers it.
fn open_item(facts: &ContactFacts, anchors: &[snapshot::Anchor]) -> Option<NaiveDate> {
    let note = facts.last_note.as_ref()?;
    if !facts.open_promises.is_empty()
        || anchors.iter().any(|a| a.date > note.date)
        || !notes::may_hold_open_item(&note.text)
    {
        return None;
    }
    let first = if facts.given_name.trim().is_empty() {
        facts.name.as_str()
    } else {
        facts.given_name.as_str()
    };
    notes::waits_on_user(&note.text, first).then_some(note.date)
}

/// The days the last note asks pings for (see [`note_timing`]), as (day,
/// deadline, kind) triples: after dated news on the next working day, before a
/// deadline on the working day before (out of the year-end break, for
/// business), never before a week after the last touch (two days, for
/// what is owed by a day).
fn note_targets(
    note: &str,
    written: NaiveDate,
    note_dates: &[notes::NoteDate],
    calendar: &Calendar<'_>,
    latest: Option<i32>,
    business: bool,
) -> Vec<(i32, i32, note_timing::TargetKind)> {
    let floor = latest.map_or(i32::MIN, |l| l + NOTE_GAP_DAYS);
    // "Call after 11 Jan": the pings are held until then (see
    // `closed_spans`), and the first comes on that day, not a rhythm later.
    let asked_from = note_timing::contact_from(note, written).map(|back| {
        let day = calendar.next_working(calendar.day(back)).max(floor);
        (
            day,
            day + CONTACT_FROM_WINDOW_DAYS,
            note_timing::TargetKind::AskedFrom,
        )
    });
    let targets = note_timing::note_targets(note, written, note_dates);
    let mut out: Vec<(i32, i32, note_timing::TargetKind)> =
        place_targets(targets, calendar, latest, business)
            .into_iter()
            .chain(asked_from)
            .collect();
    out.sort_unstable();
    out
}

/// How much sooner than a business contact family and friends are asked
/// about dated news: the day after it rather than two days after.
const PERSONAL_NEWS_SOONER_DAYS: i32 = note_timing::AFTER_NEWS_DAYS as i32 - 1;

/// Note targets as (day, deadline, kind) triples: after dated news on
/// the next working day, before a deadline on the working day before (out
/// of the year-end break, for business), never before a week after the
/// last touch (two days, for what is owed by a day).
fn place_targets(
    targets: Vec<note_timing::NoteTarget>,
    calendar: &Calendar<'_>,
    latest: Option<i32>,
    business: bool,
) -> Vec<(i32, i32, note_timing::TargetKind)> {
    targets
        .into_iter()
        // A word of luck before surgery or a wedding is a friend's.
        .filter(|t| !(business && t.kind == note_timing::TargetKind::BeforeNews))
        .filter_map(|t| {
            let by = calendar.day(t.by);
            let day = match t.kind {
                // Family and friends are asked the day after ("how did the
                // surgery go?"), business contacts a couple of days later.
                note_timing::TargetKind::AfterNews if !business => {
                    calendar.next_working(calendar.day(t.day) - PERSONAL_NEWS_SOONER_DAYS)
                }
                // Asked after on its day, or the first working day after.
                note_timing::TargetKind::AfterNews
                | note_timing::TargetKind::AfterDecision
                | note_timing::TargetKind::Chase => calendar.next_working(calendar.day(t.day)),
                note_timing::TargetKind::BeforeNews => calendar.prev_working(calendar.day(t.day)),
                note_timing::TargetKind::Deadline
                | note_timing::TargetKind::Owed
                | note_timing::TargetKind::AskedFrom => {
                    let mut day = calendar.prev_working(calendar.day(t.day));
                    while business && calendar.is_holiday_break(day) {
                        day = calendar.prev_working(day - 1);
                    }
                    day
                }
            };
            let day = day.max(latest.map_or(i32::MIN, |l| l + gap_after(t.kind)));
            (day < by).then_some((day, by, t.kind))
        })
        .collect()
}

/// The deadlines and dated news of the contact's earlier notes that are
/// still to come after the last note ("board mtg 12/17", before a later
/// "sent the order form"), oldest note first. A later note that names the
/// same day or the same thing ("board moved to 12 Jan") replaces it, and one
/// that says the matter is settled ("signed!") ends its deadlines.
fn earlier_dates(
    facts: &ContactFacts,
    calendar: &Calendar<'_>,
    roles: &[&str],
    last_dates: &[notes::NoteDate],
) -> Vec<notes::NoteDate> {
    if facts.dated_notes.is_empty() {
        return Vec::new();
    }
    let last_day = facts.last_note.as_ref().map(|n| n.date);
    let settled = facts
        .last_note
        .as_ref()
        .is_some_and(|n| notes::settles(&n.text));
    let first = first_name(facts);
    let mut found: Vec<notes::NoteDate> = Vec::new();
    // Newest first, so that a later note's date replaces an earlier one's.
    for note in facts.dated_notes.iter().rev() {
        // Most notes with a digit name no day ("decision in Q2"): a quick
        // look spares them the reading.
        if !notes::may_name_a_day(&note.text) {
            continue;
        }
        let text = own_text(note, first, roles, calendar);
        for d in notes::note_dates(&text, note.date) {
            let wanted = (d.life || (d.deadline && !settled))
                && (!d.what.is_empty() || d.owing != notes::Owing::Nobody)
                && last_day.is_none_or(|l| d.on > l);
            // A thing owed by a day ("the draft board deck by Dec 9") moves
            // no meeting ("Board Finance Cttee Wed Dec 16"), nor the other way.
            let replaced = last_dates.iter().chain(&found).any(|later| {
                later.on == d.on
                    || (same_thing(&later.what, &d.what, first)
                        && (later.owing == notes::Owing::Nobody)
                            == (d.owing == notes::Owing::Nobody))
            });
            if wanted && !replaced {
                found.push(d);
            }
        }
    }
    found.reverse();
    found
}

/// The first day of December a yearly Christmas custom is seen to from
/// (a card that goes by post, from the first), and the day it must be done by.
const CHRISTMAS_CUSTOM_FROM: u32 = 7;
/// The same for a card that goes by post or must arrive in time.
const CHRISTMAS_POST_FROM: u32 = 1;
/// The same for a present handed over in person: the week before the break.
const CHRISTMAS_IN_PERSON_FROM: u32 = 14;
/// A yearly Christmas custom is seen to by this day of December.
const CHRISTMAS_CUSTOM_BY: u32 = 19;

/// The days a yearly Christmas custom asks a ping for: this December's
/// (unless past) and next.
/// A birthday early in December comes first: a Christmas card does not
/// arrive before the birthday card.
fn christmas_targets(
    custom: notes::ChristmasCustom<'_>,
    today: NaiveDate,
    birthday: Option<crate::model::Birthday>,
) -> Vec<note_timing::NoteTarget> {
    let from = if custom.by_post {
        CHRISTMAS_POST_FROM
    } else if custom.in_person {
        CHRISTMAS_IN_PERSON_FROM
    } else {
        CHRISTMAS_CUSTOM_FROM
    };
    [today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|year| {
            let mut day = NaiveDate::from_ymd_opt(year, 12, from)?;
            if let Some(b) = birthday.map(|b| b.in_year(year)) {
                if b.month() == 12 && b >= day && b.day() < CHRISTMAS_CUSTOM_BY - 1 {
                    day = b + Duration::days(1);
                }
            }
            let by = NaiveDate::from_ymd_opt(year, 12, CHRISTMAS_CUSTOM_BY)?;
            (by > today).then_some(note_timing::NoteTarget {
                day,
                by,
                kind: note_timing::TargetKind::Owed,
            })
        })
        .collect()
}

/// Whether two dated things share a word of substance ("Board mtg",
/// "board moved"): then the later note's day is the one that holds.
/// Whose it is ("Basti's surgery", "Basti is in for the market") is no
/// word of the thing itself.
fn same_thing(a: &str, b: &str, first_name: &str) -> bool {
    let first = first_name.to_lowercase();
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| !w.ends_with("'s") && !w.ends_with("\u{2019}s"))
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .filter(|w| *w != first)
            .collect()
    };
    let a = words(a);
    words(b).iter().any(|w| a.contains(w))
}

/// The organisation a contact works at, as a key shared by colleagues
/// ("Northwind Foods" and "northwind foods "), or `None` for no company or
/// one that is no organisation ("Freelance").
fn company_key(facts: &ContactFacts) -> Option<String> {
    facts
        .company
        .as_deref()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty() && suggest::is_organisation(c))
}

/// How far ahead of the note that names it an account's decision or
/// deadline holds back first hellos to others there (see
/// [`hold_first_hellos_through_a_close`]).
const CLOSE_HOLD_DAYS: i64 = 42;

/// The days after that decision a held first hello waits, for its outcome.
const CLOSE_HOLD_AFTER_DAYS: i32 = 3;

/// Someone not yet talked to at a company whose business comes to a
/// decision or a deadline within weeks ("Prairie's board on 15 Dec", "signed
/// order form by 22 Dec", on the notes of the people the user deals with)
/// gets no first hello before it: a cold hello to a third person mid-close
/// is noise at best, a risk at worst. It comes after it instead (at the
/// rhythm's next point once the outcome is known).
fn hold_first_hellos_through_a_close(prepared: &mut [Prepared<'_>], calendar: &Calendar<'_>) {
    use std::collections::HashMap;
    let today = calendar.date(0);
    let mut closes: HashMap<String, NaiveDate> = HashMap::new();
    for p in prepared.iter().filter(|p| !p.never_contacted) {
        let Some(key) = company_key(p.facts) else {
            continue;
        };
        let soon = p
            .note_dates
            .iter()
            .chain(&p.earlier_dates)
            // Weeks from the note, not from today: the hold does not come
            // and go as the days pass.
            .filter(|d| {
                (d.decision || d.deadline)
                    && !d.life
                    && d.on >= today
                    && (d.on - d.written).num_days() <= CLOSE_HOLD_DAYS
            })
            .map(|d| d.on)
            .max();
        if let Some(on) = soon {
            let latest = closes.entry(key).or_insert(on);
            *latest = (*latest).max(on);
        }
    }
    if closes.is_empty() {
        return;
    }
    for p in prepared.iter_mut().filter(|p| p.never_contacted) {
        if let Some(on) = company_key(p.facts).and_then(|key| closes.get(&key).copied()) {
            p.away.push(ClosedSpan {
                from: i32::MIN / 2,
                back: calendar.day(on) + CLOSE_HOLD_AFTER_DAYS,
                by: ClosedBy::Later,
            });
        }
    }
}

/// A decision or deadline of one organisation that notes on two colleagues
/// name ("steering cmte decides Jan 15", logged after a meeting with both)
/// is asked about once, of the colleague closest to the user (the nearer
/// circle, then the one listed first): the others' pings neither ask how it
/// went nor give it a word before, as a salesperson would not ask the CFO
/// and the champion the same question.
fn share_colleagues_dates(prepared: &mut [Prepared<'_>], calendar: &Calendar<'_>) {
    use std::collections::HashMap;
    let shared = |d: &notes::NoteDate| {
        (d.decision || d.deadline) && d.owing == notes::Owing::Nobody && !d.what.is_empty()
    };
    let mut by_company: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        if p.note_dates.iter().chain(&p.earlier_dates).any(shared) {
            if let Some(key) = company_key(p.facts) {
                by_company.entry(key).or_default().push(i);
            }
        }
    }
    for mut colleagues in by_company.into_values().filter(|c| c.len() > 1) {
        colleagues.sort_by_key(|&i| (settings::circle_index(prepared[i].facts.circle), i));
        for (n, &i) in colleagues.iter().enumerate().skip(1) {
            let asked_before: Vec<(NaiveDate, String)> = colleagues[..n]
                .iter()
                .flat_map(|&j| {
                    let p = &prepared[j];
                    p.note_dates
                        .iter()
                        .chain(&p.earlier_dates)
                        .filter(|d| shared(d))
                        .map(|d| (d.on, d.what.clone()))
                })
                .collect();
            let p = &mut prepared[i];
            let first = first_name(p.facts).to_owned();
            let mut dropped: Vec<NaiveDate> = Vec::new();
            for d in p.note_dates.iter_mut().chain(p.earlier_dates.iter_mut()) {
                let asked = shared(d)
                    && asked_before
                        .iter()
                        .any(|(on, what)| *on == d.on && same_thing(what, &d.what, &first));
                if asked {
                    d.decision = false;
                    d.deadline = false;
                    dropped.push(d.on);
                }
            }
            p.note_targets.retain(|&(_, by, kind)| {
                !dropped.iter().any(|&on| match kind {
                    note_timing::TargetKind::AfterDecision => {
                        by == calendar.day(on + Duration::days(note_timing::DECISION_WINDOW_DAYS))
                    }
                    note_timing::TargetKind::Deadline => by == calendar.day(on),
                    _ => false,
                })
            });
        }
    }
}

/// Gives each contact the colleagues at the same company the user has
/// talked to lately (two at most, the most recent first): a first hello to
/// someone there starts from them.
fn find_colleagues(prepared: &mut [Prepared<'_>], today: NaiveDate) {
    use std::collections::HashMap;
    let keys: Vec<Option<String>> = prepared.iter().map(|p| company_key(p.facts)).collect();
    let mut talked: HashMap<&str, Vec<(NaiveDate, usize)>> = HashMap::new();
    for (i, p) in prepared.iter().enumerate() {
        let Some(company) = keys[i].as_deref() else {
            continue;
        };
        let last = p
            .anchors
            .iter()
            .filter(|a| match a.source {
                snapshot::AnchorSource::Interaction(kind) => {
                    !matches!(kind, InteractionKind::Social | InteractionKind::Gift)
                }
                _ => false,
            })
            .map(|a| a.date)
            .max();
        if let Some(last) = last.filter(|d| (today - *d).num_days() <= COLLEAGUE_DAYS) {
            if !notes::only_one_way(p.facts, &p.anchors) {
                talked.entry(company).or_default().push((last, i));
            }
        }
    }
    for list in talked.values_mut() {
        list.sort_by_key(|&(d, i)| (Reverse(d), i));
    }
    let names: Vec<String> = (0..prepared.len())
        .map(|i| {
            // Only a first hello uses them: someone never talked to.
            let p = &prepared[i];
            if !(p.never_contacted || p.cold_intro) {
                return String::new();
            }
            let Some(list) = keys[i].as_deref().and_then(|k| talked.get(k)) else {
                return String::new();
            };
            let others: Vec<String> = list
                .iter()
                .filter(|&&(_, j)| j != i)
                .take(2)
                .map(|&(_, j)| {
                    let f = prepared[j].facts;
                    let first = if f.given_name.trim().is_empty() {
                        f.name.as_str()
                    } else {
                        f.given_name.as_str()
                    };
                    suggest::clean(first, 40)
                })
                .collect();
            others.join(" and ")
        })
        .collect();
    for (p, n) in prepared.iter_mut().zip(names) {
        p.colleagues = n;
    }
}

/// Whether one more ping on `day` would give the contact more than
/// [`MAX_PINGS_PER_365_DAYS`] in some 365 days, counting the pings done in the
/// past year, its fixed pings (known a year past the horizon) and the cadence
/// pings placed so far.
fn too_dense(p: &Prepared<'_>, cadence_days: &[i32], day: i32) -> bool {
    let mut days: Vec<i32> = p
        .fixed
        .iter()
        .map(|f| f.day)
        .chain(p.recent_done.iter().copied())
        .chain(cadence_days.iter().copied())
        .filter(|d| (d - day).abs() < 365)
        .collect();
    if days.len() < MAX_PINGS_PER_365_DAYS {
        return false;
    }
    days.push(day);
    days.sort_unstable();
    // Any window holding `day` starts at one of the pings at or before it.
    days.iter().enumerate().any(|(i, &start)| {
        start <= day
            && day - start < 365
            && days[i..].iter().take_while(|&&d| d - start < 365).count() > MAX_PINGS_PER_365_DAYS
    })
}

#[cfg(test)]
mod note_date_tests;
#[cfg(test)]
mod season_tests;
#[cfg(test)]
mod standing_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wording_tests;
