//! Country names and ISO 3166-1 alpha-3 codes, for the two-letter codes the
//! holiday setting takes: `USA`, `Germany` or `Österreich` name US, DE, AT, and
//! a slip (`Germny`) finds the closest countries to suggest.

use crate::store::fold;

/// `alpha-2 alpha-3 Name|Other name|…`, one country a line.
const DATA: &str = include_str!("countries.txt");

/// How alike (Jaro–Winkler, 0–1) a typed name must be to a country's to be suggested.
const SUGGESTION_THRESHOLD: f64 = 0.85;

/// How many countries a suggestion names.
const SUGGESTIONS: usize = 3;

/// One country: its two-letter code, three-letter code and names (English first).
struct Country {
    alpha2: &'static str,
    alpha3: &'static str,
    names: Vec<&'static str>,
}

fn countries() -> impl Iterator<Item = Country> {
    DATA.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            Some(Country {
                alpha2: parts.next()?,
                alpha3: parts.next()?,
                names: parts.next()?.split('|').collect(),
            })
        })
}

/// The two-letter code of the country `typed` names by its three-letter code or
/// one of its names (any case, any accents); `None` when none is named.
pub fn country_code(typed: &str) -> Option<&'static str> {
    let folded = fold(typed);
    if folded.is_empty() {
        return None;
    }
    countries()
        .find(|c| {
            c.alpha3.eq_ignore_ascii_case(typed.trim()) || c.names.iter().any(|n| fold(n) == folded)
        })
        .map(|c| c.alpha2)
}

/// The countries whose names or codes are most like `typed`, closest first, as
/// `US (United States)`.
pub fn closest_countries(typed: &str) -> Vec<String> {
    let folded = fold(typed);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, Country)> = countries()
        .filter_map(|c| {
            let score = std::iter::once(c.alpha3)
                .chain(c.names.iter().copied())
                .map(|n| strsim::jaro_winkler(&folded, &fold(n)))
                .fold(0.0, f64::max);
            (score >= SUGGESTION_THRESHOLD).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, c)| format!("{} ({})", c.alpha2, c.names[0]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_letter_codes_and_names_lead_to_the_two_letter_code() {
        assert_eq!(country_code("USA"), Some("US"));
        assert_eq!(country_code("usa"), Some("US"));
        assert_eq!(country_code("United States"), Some("US"));
        assert_eq!(country_code("DEU"), Some("DE"));
        assert_eq!(country_code("germany"), Some("DE"));
        assert_eq!(country_code("Osterreich"), Some("AT"));
        assert_eq!(country_code("England"), Some("GB"));
        assert_eq!(country_code("Atlantis"), None);
        assert_eq!(country_code(""), None);
    }

    #[test]
    fn slips_suggest_the_closest_countries() {
        let near = closest_countries("Germny");
        assert_eq!(near.first().map(String::as_str), Some("DE (Germany)"));
        assert!(closest_countries("Atlantis").len() <= SUGGESTIONS);
        assert!(closest_countries("qqqqqq").is_empty());
    }

    #[test]
    fn every_line_has_both_codes_and_a_name() {
        for c in countries() {
            assert_eq!(c.alpha2.len(), 2, "{}", c.alpha2);
            assert_eq!(c.alpha3.len(), 3, "{}", c.alpha3);
            assert!(!c.names[0].is_empty(), "{}", c.alpha2);
        }
        assert!(countries().count() >= 249);
    }
}
