//! Records and their three-way merge.
//!
//! Every synced object (a contact, an interaction, a promise) is compared as a
//! [`Fields`] map: text fields and list fields by name. A merge looks at three
//! versions: the *base* (what keepwarm and the server last agreed on), the
//! *local* one and the *remote* one. A field changed on one side only takes that
//! side's value. A text field changed on both sides to different values is a
//! conflict: the side that wrote it last wins (per field, from the change
//! times), and the conflict is reported. Lists (emails, phones, interests, tags)
//! are merged as sets: additions from both sides are kept (a union), an item
//! removed on either side goes.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// One text ("" when absent).
    Text(String),
    /// An ordered list without repeats.
    List(Vec<String>),
}

impl Value {
    /// The value as shown to a user.
    pub fn display(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::List(items) => items.join(", "),
        }
    }
}

/// An object's fields by name.
pub type Fields = BTreeMap<String, Value>;

/// When each field was last written (UTC, RFC 3339 with milliseconds), by field name.
pub type Times = BTreeMap<String, String>;

/// Which side a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// This machine.
    Local,
    /// The server (another machine or another app).
    Remote,
}

/// A field both sides changed differently, and how it was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldConflict {
    /// The field's name.
    pub field: String,
    /// The value kept.
    pub kept: String,
    /// The value dropped.
    pub dropped: String,
    /// Whose value was kept.
    pub winner: Side,
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged fields.
    pub fields: Fields,
    /// The fields whose value came from the remote side (for their change times).
    pub from_remote: Vec<String>,
    /// Text fields both sides changed to different values.
    pub conflicts: Vec<FieldConflict>,
}

/// Merges `local` and `remote` from their common `base` (`None`: no common
/// ancestor, e.g. the same contact created on two machines). `local_times` and
/// `remote_times` say when each side wrote each field; a missing time counts
/// as older than any other.
pub fn merge(
    base: Option<&Fields>,
    local: &Fields,
    remote: &Fields,
    local_times: &Times,
    remote_times: &Times,
) -> Merged {
    let empty = Fields::new();
    let base = base.unwrap_or(&empty);
    let mut names: Vec<&String> = local.keys().chain(remote.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = Merged {
        fields: Fields::new(),
        from_remote: Vec::new(),
        conflicts: Vec::new(),
    };
    for name in names {
        let l = local.get(name);
        let r = remote.get(name);
        let b = base.get(name);
        // A list one side does not have is an empty one (e.g. `merged`, written
        // only when not empty): removals travel, and an empty result is left out.
        let no_list = Value::List(Vec::new());
        let (l, r) = match (l, r) {
            (Some(Value::List(_)), None) => (l, Some(&no_list)),
            (None, Some(Value::List(_))) => (Some(&no_list), r),
            other => other,
        };
        let value = match (l, r) {
            (Some(l), None) => l.clone(),
            (None, Some(r)) => {
                out.from_remote.push(name.clone());
                r.clone()
            }
            (Some(l), Some(r)) if l == r => l.clone(),
            (Some(Value::List(l)), Some(Value::List(r))) => {
                let b = match b {
                    Some(Value::List(b)) => b.as_slice(),
                    _ => &[],
                };
                let merged = merge_lists(b, l, r);
                if merged != *l {
                    out.from_remote.push(name.clone());
                }
                Value::List(merged)
            }
            (Some(l), Some(r)) => {
                if b == Some(l) {
                    out.from_remote.push(name.clone());
                    r.clone()
                } else if b == Some(r) {
                    l.clone()
                } else {
                    let lt = local_times.get(name).map(String::as_str).unwrap_or("");
                    let rt = remote_times.get(name).map(String::as_str).unwrap_or("");
                    // Equal times (or none): a fixed order, so both machines agree.
                    let remote_wins = rt > lt || (rt == lt && r.display() > l.display());
                    let (kept, dropped, winner) = if remote_wins {
                        (r, l, Side::Remote)
                    } else {
                        (l, r, Side::Local)
                    };
                    out.conflicts.push(FieldConflict {
                        field: name.clone(),
                        kept: kept.display(),
                        dropped: dropped.display(),
                        winner,
                    });
                    if remote_wins {
                        out.from_remote.push(name.clone());
                    }
                    kept.clone()
                }
            }
            (None, None) => continue,
        };
        if value == no_list && !(local.contains_key(name) && remote.contains_key(name)) {
            continue;
        }
        out.fields.insert(name.clone(), value);
    }
    out
}

/// The key two list items are the same under: case-insensitive, and for phone
/// numbers their digits.
fn item_key(item: &str) -> String {
    let digits: String = item.chars().filter(char::is_ascii_digit).collect();
    let looks_like_phone = digits.len() >= 3
        && item
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if looks_like_phone {
        digits
    } else {
        item.trim().to_lowercase()
    }
}

/// Local order first; remote additions appended; removals on either side applied.
fn merge_lists(base: &[String], local: &[String], remote: &[String]) -> Vec<String> {
    let keys = |items: &[String]| items.iter().map(|i| item_key(i)).collect::<HashSet<_>>();
    let (b, l, r) = (keys(base), keys(local), keys(remote));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in local {
        let k = item_key(item);
        let removed_remotely = b.contains(&k) && !r.contains(&k);
        if !removed_remotely && seen.insert(k) {
            out.push(item.clone());
        }
    }
    for item in remote {
        let k = item_key(item);
        let removed_locally = b.contains(&k) && !l.contains(&k);
        if !removed_locally && seen.insert(k) {
            out.push(item.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }
    fn list(items: &[&str]) -> Value {
        Value::List(items.iter().map(|s| s.to_string()).collect())
    }
    fn fields(pairs: &[(&str, Value)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }
    fn times(pairs: &[(&str, &str)]) -> Times {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn edits_to_different_fields_are_both_kept() {
        let base = fields(&[("company", text("A")), ("title", text("CTO"))]);
        let local = fields(&[("company", text("B")), ("title", text("CTO"))]);
        let remote = fields(&[("company", text("A")), ("title", text("CEO"))]);
        let m = merge(Some(&base), &local, &remote, &Times::new(), &Times::new());
        assert_eq!(m.fields["company"], text("B"));
        assert_eq!(m.fields["title"], text("CEO"));
        assert_eq!(m.from_remote, ["title"]);
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn the_last_writer_wins_a_field_both_changed() {
        let base = fields(&[("company", text("A"))]);
        let local = fields(&[("company", text("Local Co"))]);
        let remote = fields(&[("company", text("Remote Co"))]);
        let later_here = times(&[("company", "2026-11-02T00:00:00.000Z")]);
        let earlier_there = times(&[("company", "2026-11-01T00:00:00.000Z")]);
        let m = merge(Some(&base), &local, &remote, &later_here, &earlier_there);
        assert_eq!(m.fields["company"], text("Local Co"));
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].winner, Side::Local);
        assert_eq!(m.conflicts[0].dropped, "Remote Co");
        let m = merge(Some(&base), &local, &remote, &earlier_there, &later_here);
        assert_eq!(m.fields["company"], text("Remote Co"));
        assert_eq!(m.conflicts[0].winner, Side::Remote);
    }

    #[test]
    fn both_machines_settle_a_tie_the_same_way() {
        let base = fields(&[("title", text("x"))]);
        let a = fields(&[("title", text("Alpha"))]);
        let b = fields(&[("title", text("Beta"))]);
        let t = times(&[("title", "2026-11-01T00:00:00.000Z")]);
        let on_a = merge(Some(&base), &a, &b, &t, &t);
        let on_b = merge(Some(&base), &b, &a, &t, &t);
        assert_eq!(on_a.fields, on_b.fields);
    }

    #[test]
    fn lists_are_unioned_and_removals_travel() {
        let base = fields(&[("emails", list(&["a@x.com", "old@x.com"]))]);
        let local = fields(&[("emails", list(&["a@x.com", "old@x.com", "new-here@x.com"]))]);
        let remote = fields(&[("emails", list(&["A@X.com", "new-there@x.com"]))]);
        let m = merge(Some(&base), &local, &remote, &Times::new(), &Times::new());
        assert_eq!(
            m.fields["emails"],
            list(&["a@x.com", "new-here@x.com", "new-there@x.com"])
        );
        assert!(m.conflicts.is_empty());
        // Phones match by digits.
        let m = merge(
            None,
            &fields(&[("phones", list(&["+1 (555) 010-2000"]))]),
            &fields(&[("phones", list(&["15550102000", "555 0100"]))]),
            &Times::new(),
            &Times::new(),
        );
        assert_eq!(m.fields["phones"], list(&["+1 (555) 010-2000", "555 0100"]));
    }

    #[test]
    fn a_list_one_side_left_out_counts_as_empty() {
        let base = fields(&[("merged", list(&["x"]))]);
        let kept = fields(&[("merged", list(&["x"]))]);
        let none = Fields::new();
        // Removed remotely: gone, and the empty list is left out.
        let m = merge(Some(&base), &kept, &none, &Times::new(), &Times::new());
        assert!(!m.fields.contains_key("merged"), "{m:?}");
        // Added remotely with no base: taken.
        let m = merge(None, &none, &kept, &Times::new(), &Times::new());
        assert_eq!(m.fields["merged"], list(&["x"]));
        // Added here: kept.
        let m = merge(Some(&none), &kept, &none, &Times::new(), &Times::new());
        assert_eq!(m.fields["merged"], list(&["x"]));
    }
}
