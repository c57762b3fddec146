//! Warmth: how present you are in a contact's memory, 0–100.
//!
//! Each anchor (an interaction, or a done ping) starts at a height set by its kind
//! and decays as a power law of the time since, scaled by the contact's cadence
//! interval `I`:
//!
//! ```text
//! w(t) = 100 · s / (1 + t / I)        warmth = the largest w over all anchors
//! ```
//!
//! A contact is due for a ping when warmth falls to 50. For an anchor of strength
//! `s` that happens `I · (2s − 1)` days after it: a meeting (s = 1) keeps someone
//! warm a full interval, a social-media like (s = 0.7) only 40 % of one. The same
//! formula gives both the number shown to the user and the planned date, so
//! "why" can always say it.

use chrono::NaiveDate;

use super::snapshot::{Anchor, AnchorSource};
use crate::model::InteractionKind;

/// Warmth at which a contact is due for a ping.
pub const DUE_WARMTH: f64 = 50.0;

/// How strongly an anchor warms the relationship (0.5–1.0).
pub fn strength(source: AnchorSource) -> f64 {
    match source {
        AnchorSource::PingDone | AnchorSource::PingSkipped => 1.0,
        AnchorSource::Interaction(kind) => match kind {
            InteractionKind::Meeting | InteractionKind::Event => 1.0,
            InteractionKind::Call => 0.95,
            InteractionKind::Gift => 0.95,
            InteractionKind::Message => 0.9,
            InteractionKind::Email => 0.85,
            InteractionKind::Social => 0.7,
        },
    }
}

/// Days after an anchor until warmth falls to [`DUE_WARMTH`], for an interval of `interval` days.
pub fn days_until_due(source: AnchorSource, interval: f64) -> f64 {
    interval * (2.0 * strength(source) - 1.0)
}

/// The warmth one anchor leaves on `day` (0 before the anchor counts as full strength).
pub fn anchor_warmth(
    anchor_date: NaiveDate,
    source: AnchorSource,
    day: NaiveDate,
    interval: f64,
) -> f64 {
    let elapsed = (day - anchor_date).num_days().max(0) as f64;
    100.0 * strength(source) / (1.0 + elapsed / interval)
}

/// A contact's warmth on `day` from all its anchors (0 for someone never contacted).
pub fn warmth_on(anchors: &[Anchor], day: NaiveDate, interval: f64) -> f64 {
    anchors
        .iter()
        .filter(|a| a.date <= day && a.source != AnchorSource::PingSkipped)
        .map(|a| anchor_warmth(a.date, a.source, day, interval))
        .fold(0.0, f64::max)
}

/// The anchor that keeps the contact warm longest, and the day it runs out.
pub fn governing_anchor(anchors: &[Anchor], interval: f64) -> Option<(&Anchor, NaiveDate)> {
    anchors
        .iter()
        .map(|a| {
            let days = days_until_due(a.source, interval).round() as i64;
            (a, a.date + chrono::Duration::days(days))
        })
        // Latest due wins; on a tie the later (then stronger) anchor explains it best.
        .max_by(|(a, due_a), (b, due_b)| {
            due_a
                .cmp(due_b)
                .then(a.date.cmp(&b.date))
                .then(strength(a.source).total_cmp(&strength(b.source)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn anchor(date: &str, kind: InteractionKind) -> Anchor {
        Anchor {
            date: d(date),
            source: AnchorSource::Interaction(kind),
            event: None,
        }
    }

    #[test]
    fn stronger_kinds_keep_warm_longer() {
        let order = [
            InteractionKind::Meeting,
            InteractionKind::Call,
            InteractionKind::Message,
            InteractionKind::Email,
            InteractionKind::Social,
        ];
        let days: Vec<f64> = order
            .iter()
            .map(|k| days_until_due(AnchorSource::Interaction(*k), 60.0))
            .collect();
        assert!(days.windows(2).all(|w| w[0] > w[1]), "{days:?}");
        assert_eq!(days[0], 60.0);
    }

    #[test]
    fn warmth_is_fifty_when_due_and_decays() {
        let a = [anchor("2026-01-01", InteractionKind::Meeting)];
        assert_eq!(warmth_on(&a, d("2026-01-01"), 60.0), 100.0);
        assert!((warmth_on(&a, d("2026-03-02"), 60.0) - 50.0).abs() < 1e-9);
        assert!(warmth_on(&a, d("2026-06-01"), 60.0) < 30.0);
        assert_eq!(warmth_on(&[], d("2026-06-01"), 60.0), 0.0);
    }

    #[test]
    fn a_later_weak_touch_does_not_cut_a_strong_one_short() {
        let a = [
            anchor("2026-01-01", InteractionKind::Meeting),
            anchor("2026-01-10", InteractionKind::Social),
        ];
        let (gov, due) = governing_anchor(&a, 60.0).unwrap();
        assert_eq!(gov.date, d("2026-01-01"));
        assert_eq!(due, d("2026-03-02"));
    }
}
