//! Concrete suggestions, chosen from templates kept as data (`suggestions.json`).

use std::sync::OnceLock;

use serde::Deserialize;

use super::Reason;
use crate::model::InteractionKind;

/// The template data, parsed once.
#[derive(Debug, Deserialize)]
struct TemplateFile {
    categories: std::collections::BTreeMap<String, Vec<String>>,
    templates: Vec<Template>,
}

/// One ping idea.
#[derive(Debug, Deserialize)]
struct Template {
    id: String,
    reasons: Vec<Reason>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    event_round: Option<u8>,
    action: InteractionKind,
    text: String,
    /// Which placeholders the text uses, worked out once after loading.
    #[serde(skip)]
    uses: Placeholders,
}

#[derive(Debug, Default, Clone, Copy)]
struct Placeholders {
    company: bool,
    event: bool,
    promise: bool,
    interest: bool,
}

impl Template {
    fn needs_interest(&self) -> bool {
        self.uses.interest
    }
}

fn templates() -> &'static TemplateFile {
    static DATA: OnceLock<TemplateFile> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut data: TemplateFile = serde_json::from_str(include_str!("suggestions.json"))
            .expect("the embedded suggestions.json is valid (checked by a unit test)");
        for t in &mut data.templates {
            t.uses = Placeholders {
                company: t.text.contains("{company}"),
                event: t.text.contains("{event}"),
                promise: t.text.contains("{promise}"),
                interest: t.text.contains("{interest}"),
            };
        }
        data
    })
}

/// What a suggestion may mention about the contact and the ping.
#[derive(Debug, Clone, Copy)]
pub struct SuggestionContext<'a> {
    /// The contact's first name (or full name).
    pub first_name: &'a str,
    /// The contact's employer.
    pub company: Option<&'a str>,
    /// The contact's interests with their categories (see [`categorise`]).
    pub interests: &'a [(&'a str, Option<&'static str>)],
    /// The event of a follow-up.
    pub event: Option<&'a str>,
    /// 1 or 2 for the first or second follow-up after an event.
    pub event_round: Option<u8>,
    /// The promise of a promise ping.
    pub promise: Option<&'a str>,
}

/// A chosen suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the template used (to avoid repeating it next time).
    pub template: usize,
    /// The text shown to the user.
    pub text: String,
    /// The kind of interaction doing it amounts to.
    pub action: InteractionKind,
    /// Whether it mentions one of the contact's interests.
    pub uses_interest: bool,
}

/// Each interest with its category, computed once per contact.
pub fn categorise(interests: &[String]) -> Vec<(&str, Option<&'static str>)> {
    interests
        .iter()
        .map(|i| (i.as_str(), category_of(i)))
        .collect()
}

/// The category of an interest ("Celtics" → team), if it has one.
fn category_of(interest: &str) -> Option<&'static str> {
    let lower = format!(" {} ", interest.to_lowercase());
    templates()
        .categories
        .iter()
        .find(|(_, words)| words.iter().any(|w| lower.contains(w.as_str())))
        .map(|(name, _)| name.as_str())
}

/// Chooses a suggestion for a ping.
///
/// `seed` varies the choice between pings (a stable hash of contact and ping);
/// `prefer_interest` asks for a template that mentions an interest when one fits;
/// `avoid` is the template used for the contact's previous ping.
pub fn suggest(
    reason: Reason,
    ctx: &SuggestionContext<'_>,
    seed: u64,
    prefer_interest: bool,
    avoid: Option<usize>,
) -> Suggestion {
    let data = templates();
    let interests = ctx.interests;
    let fits = |t: &Template| -> bool {
        t.reasons.contains(&reason)
            && (!t.uses.company || ctx.company.is_some())
            && (!t.uses.event || ctx.event.is_some())
            && (!t.uses.promise || ctx.promise.is_some())
            && (t.event_round.is_none() || t.event_round == ctx.event_round)
            && (!t.uses.interest || interest_for(t, interests).next().is_some())
    };
    let eligible: Vec<usize> = (0..data.templates.len())
        .filter(|&i| fits(&data.templates[i]))
        .collect();
    let with_interest: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| data.templates[i].needs_interest())
        .collect();
    let without_interest: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|&i| !data.templates[i].needs_interest())
        .collect();
    let mut pool = match (
        prefer_interest,
        with_interest.is_empty(),
        without_interest.is_empty(),
    ) {
        (true, false, _) | (false, false, true) => with_interest,
        _ => without_interest,
    };
    if pool.len() > 1 {
        pool.retain(|&i| Some(i) != avoid);
    }
    let Some(&chosen) = pool.get((seed % pool.len().max(1) as u64) as usize) else {
        return Suggestion {
            template: usize::MAX,
            text: format!("Send {} a short, personal hello.", ctx.first_name),
            action: InteractionKind::Message,
            uses_interest: false,
        };
    };
    let template = &data.templates[chosen];
    let matching: Vec<&str> = interest_for(template, interests).collect();
    let interest = matching
        .get(((seed >> 17) % matching.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("");
    let text = template
        .text
        .replace("{first}", ctx.first_name)
        .replace("{company}", ctx.company.unwrap_or(""))
        .replace("{event}", ctx.event.unwrap_or(""))
        .replace("{promise}", ctx.promise.unwrap_or(""))
        .replace("{interest}", interest);
    Suggestion {
        template: chosen,
        text,
        action: template.action,
        uses_interest: template.needs_interest(),
    }
}

/// The contact's interests a template can use.
fn interest_for<'a>(
    t: &'a Template,
    interests: &'a [(&'a str, Option<&'static str>)],
) -> impl Iterator<Item = &'a str> + 'a {
    interests
        .iter()
        .filter(move |(_, cat)| match &t.category {
            Some(wanted) => *cat == Some(wanted.as_str()),
            None => true,
        })
        .map(|(name, _)| *name)
}

/// The id of a template, for tests and diagnostics.
pub fn template_id(index: usize) -> Option<&'static str> {
    templates().templates.get(index).map(|t| t.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(interests: &'a [(&'a str, Option<&'static str>)]) -> SuggestionContext<'a> {
        SuggestionContext {
            first_name: "Ada",
            company: Some("Acme"),
            interests,
            event: None,
            event_round: None,
            promise: None,
        }
    }

    #[test]
    fn embedded_templates_parse_and_cover_every_reason() {
        let data = templates();
        assert!(data.templates.len() >= 15);
        for reason in [
            Reason::Cadence,
            Reason::Overdue,
            Reason::Birthday,
            Reason::Promise,
            Reason::FollowUp,
        ] {
            assert!(
                data.templates.iter().any(|t| t.reasons.contains(&reason)),
                "{reason:?}"
            );
        }
        let ids: std::collections::HashSet<_> = data.templates.iter().map(|t| &t.id).collect();
        assert_eq!(ids.len(), data.templates.len(), "template ids are unique");
    }

    #[test]
    fn interests_are_used_and_matched_by_category() {
        let names = vec!["Celtics".to_owned()];
        let interests = categorise(&names);
        assert_eq!(category_of("Celtics"), Some("team"));
        assert_eq!(category_of("sailing"), Some("sport"));
        assert_eq!(category_of("AI in logistics"), None);
        let mut seen_team = false;
        for seed in 0..50 {
            let s = suggest(Reason::Cadence, &ctx(&interests), seed, true, None);
            assert!(s.uses_interest);
            assert!(s.text.contains("Celtics"), "{}", s.text);
            seen_team |= template_id(s.template) == Some("team-game");
        }
        assert!(seen_team);
    }

    #[test]
    fn no_interest_no_placeholder_left() {
        for seed in 0..50 {
            let s = suggest(Reason::Cadence, &ctx(&[]), seed, true, None);
            assert!(!s.text.contains('{'), "{}", s.text);
            assert!(!s.uses_interest);
        }
    }

    #[test]
    fn the_previous_template_is_avoided() {
        let names = vec!["sailing".to_owned()];
        let interests = categorise(&names);
        for seed in 0..30 {
            let first = suggest(Reason::Cadence, &ctx(&interests), seed, false, None);
            let next = suggest(
                Reason::Cadence,
                &ctx(&interests),
                seed,
                false,
                Some(first.template),
            );
            assert_ne!(first.template, next.template);
        }
    }

    #[test]
    fn promise_and_follow_up_texts_name_what_matters() {
        let c = SuggestionContext {
            promise: Some("Send the case study"),
            event: Some("SaaStr"),
            event_round: Some(1),
            ..ctx(&[])
        };
        assert!(suggest(Reason::Promise, &c, 1, false, None)
            .text
            .contains("Send the case study"));
        let f = suggest(Reason::FollowUp, &c, 1, false, None);
        assert!(
            f.text.contains("SaaStr") && f.text.contains("recap"),
            "{}",
            f.text
        );
        let c2 = SuggestionContext {
            event_round: Some(2),
            ..c
        };
        assert!(suggest(Reason::FollowUp, &c2, 1, false, None)
            .text
            .contains("Three weeks"));
    }
}
