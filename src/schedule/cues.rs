//! A first look at a text for a list of cue words, in one pass: most notes
//! and cards hold none of a reader's cues, and are then not read further.

use aho_corasick::AhoCorasick;

/// The words of `text` with where each starts: runs of characters
/// `word_char` accepts.
pub(super) fn word_spans(text: &str, word_char: impl Fn(char) -> bool) -> Vec<(usize, &str)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                spans.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// A list of cue words (lower case), compiled once.
pub(super) struct Cues(AhoCorasick);

impl Cues {
    /// The cues in `list`. They are fixed strings from the code, so the
    /// automaton always builds; an empty list finds nothing.
    pub(super) fn new(list: &[&str]) -> Cues {
        Cues(AhoCorasick::new(list).unwrap_or_else(|_| {
            AhoCorasick::new(Vec::<&str>::new()).expect("an empty automaton builds")
        }))
    }

    /// Whether any cue occurs in `lower` (already lower-cased).
    pub(super) fn any_in(&self, lower: &str) -> bool {
        self.0.is_match(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_is_found_anywhere_and_nothing_in_an_empty_list() {
        let cues = Cues::new(&["every", "weekly"]);
        assert!(cues.any_in("lunch every sunday"));
        assert!(cues.any_in("weekly"));
        assert!(!cues.any_in("monthly call"));
        assert!(!Cues::new(&[]).any_in("anything"));
    }
}
