//! The words of a query, snippets, and phone-number queries.

use super::super::contacts::phone_digits;
use super::INDEXED_PREFIX;

/// One word of a query, in the forms the steps need.
pub(super) struct Word {
    /// `"word"`: the word as typed (FTS5 splits it at punctuation itself).
    pub(super) exact: String,
    /// `"word"*`: any word starting so.
    pub(super) prefix: String,
    /// Whether the prefix index covers it (short enough).
    pub(super) indexed: bool,
    /// Its pieces folded as in [`fold_tokens`], for marking snippets.
    pub(super) folded: Vec<String>,
    /// Its tokens exactly as the index reads them, when that is certain (see
    /// [`index_tokens`]).
    pub(super) tokens: Option<Vec<String>>,
}

impl Word {
    /// The form history is searched with in the first pass.
    pub(super) fn history(&self) -> &str {
        if self.indexed {
            &self.prefix
        } else {
            &self.exact
        }
    }
}

/// The words of a query: `Léa O'Br` → `"Léa"`/`"Léa"*` and `"O'Br"`/`"O'Br"*`.
///
/// Each word is quoted, so nothing the user types is FTS5 syntax; FTS5 splits a
/// quoted word at punctuation itself (`o'br` is the phrase `o br*`), which is
/// also how an email address matches as a whole.
pub(super) fn query_words(query: &str) -> Vec<Word> {
    query
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let exact = format!("\"{}\"", w.replace('"', "\"\""));
            let folded = fold_tokens(w);
            let indexed = folded
                .last()
                .is_some_and(|t| t.chars().count() <= INDEXED_PREFIX);
            Word {
                prefix: format!("{exact}*"),
                exact,
                indexed,
                folded,
                tokens: index_tokens(w).filter(|t| !t.is_empty()),
            }
        })
        .collect()
}

/// How the index's tokenizer (unicode61, remove_diacritics 2) reads the
/// letters U+00C0 to U+024F: each as itself folded, or a space for a
/// separator. A test checks every one against SQLite's.
const LATIN_FOLDS: [&str; 13] = [
    "aaaaaaæceeeeiiiiðnooooo øuuuuyþß", // U+00C0
    "aaaaaaæceeeeiiiiðnooooo øuuuuyþy", // U+00E0
    "aaaaaaccccccccddđđeeeeeeeeeegggg", // U+0100
    "gggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀ", // U+0120
    "ŀłłnnnnnnŉŋŋooooooœœrrrrrrssssss", // U+0140
    "ssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzs", // U+0160
    "ƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵ", // U+0180
    "ooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿ", // U+01A0
    "ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaa", // U+01C0
    "ǡǡǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿ", // U+01E0
    "aaaaeeeeiiiioooorrrruuuussttȝȝhh", // U+0200
    "ƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿ", // U+0220
    "ɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ",                 // U+0240
];

/// A character as the index's tokenizer reads it: `Some(Some(c))` for a letter
/// or digit folded to `c`, `Some(None)` for a separator, `None` when not known
/// here (outside ASCII and [`LATIN_FOLDS`]).
fn index_char(c: char) -> Option<Option<char>> {
    if c.is_ascii() {
        return Some(c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()));
    }
    let at = (c as usize).checked_sub(0xC0)?;
    let folded = LATIN_FOLDS.get(at / 32)?.chars().nth(at % 32)?;
    Some((folded != ' ').then_some(folded))
}

/// The words of `text` exactly as the index's tokenizer reads them, or `None`
/// when it holds a character [`index_char`] does not know (then only FTS5
/// can tell).
pub(super) fn index_tokens(text: &str) -> Option<Vec<String>> {
    let mut tokens = Vec::new();
    let mut token = String::new();
    for c in text.chars() {
        match index_char(c)? {
            Some(folded) => token.push(folded),
            None if token.is_empty() => {}
            None => tokens.push(std::mem::take(&mut token)),
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    Some(tokens)
}

/// Whether the tokens `text` hold the phrase `phrase` (consecutive tokens; with
/// `prefix`, the last one may be the start of a token), as FTS5 matches it.
pub(super) fn holds_phrase(text: &[String], phrase: &[String], prefix: bool) -> bool {
    let Some((last, rest)) = phrase.split_last() else {
        return false;
    };
    text.windows(phrase.len()).any(|at| {
        at[..rest.len()] == *rest
            && if prefix {
                at[rest.len()].starts_with(last.as_str())
            } else {
                at[rest.len()] == *last
            }
    })
}

/// The FTS5 phrases of a query's words, each a prefix: `lea du` → `"lea"* "du"*`.
pub(crate) fn prefix_phrases(query: &str) -> Vec<String> {
    query_words(query).into_iter().map(|w| w.prefix).collect()
}

/// The words of `text` (runs of letters and digits), folded to lower case
/// without accents, much as the index's tokenizer reads them.
fn fold_tokens(text: &str) -> Vec<String> {
    WordRanges::new(text)
        .map(|r| super::super::resolve::fold(&text[r]))
        .collect()
}

/// The byte ranges of the words of a text (runs of letters and digits), as
/// [`fold_tokens`] finds them, one by one.
struct WordRanges<'a> {
    chars: std::str::CharIndices<'a>,
    len: usize,
}

impl<'a> WordRanges<'a> {
    fn new(text: &'a str) -> Self {
        WordRanges {
            chars: text.char_indices(),
            len: text.len(),
        }
    }
}

impl Iterator for WordRanges<'_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = loop {
            let (i, c) = self.chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        for (i, c) in self.chars.by_ref() {
            if !c.is_alphanumeric() {
                return Some(start..i);
            }
        }
        Some(start..self.len)
    }
}

/// Whether `word` (a run of letters and digits), folded as [`fold_tokens`]
/// folds it, starts with a piece of one of `words`.
fn starts_with_any(word: &str, words: &[Word]) -> bool {
    let mut pieces = words.iter().flat_map(|w| &w.folded);
    if word.is_ascii() {
        // Folding ASCII letters and digits only lowers them.
        let word = word.as_bytes();
        pieces.any(|p| word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
    } else {
        let folded = super::super::resolve::fold(word);
        pieces.any(|p| folded.starts_with(p.as_str()))
    }
}

/// A few words of `text` around the first word matching the query, matched
/// words in `[brackets]`, cut text marked `…`, on one line (line breaks and
/// tabs become spaces); `None` when no word matches.
pub(super) fn snippet(text: &str, words: &[Word]) -> Option<String> {
    const BEFORE: usize = 4;
    const AFTER: usize = 8;
    // Words are read only as far as the snippet needs: up to the first match,
    // then AFTER more, and one past them to know whether text was cut.
    let mut tokens = Vec::new();
    let mut first = None;
    for range in WordRanges::new(text) {
        if first.is_some_and(|f| tokens.len() > f + AFTER) {
            tokens.push(range);
            break;
        }
        if first.is_none() && starts_with_any(&text[range.clone()], words) {
            first = Some(tokens.len());
        }
        tokens.push(range);
    }
    let first = first?;
    let from = first.saturating_sub(BEFORE);
    let to = (first + AFTER).min(tokens.len() - 1);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = tokens[from].start;
    for range in &tokens[from..=to] {
        let token = &text[range.clone()];
        out.push_str(&text[at..range.start]);
        if starts_with_any(token, words) {
            out.push('[');
            out.push_str(token);
            out.push(']');
        } else {
            out.push_str(token);
        }
        at = range.end;
    }
    if to + 1 < tokens.len() {
        out.push('…');
    } else {
        out.push_str(&text[at..]);
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The address of a query that is one whole email address (`name@host.tld`).
pub(super) fn email_query(query: &str) -> Option<&str> {
    let q = query.trim();
    let (local, domain) = q.split_once('@')?;
    let whole = !local.is_empty()
        && !q.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty());
    whole.then_some(q)
}

/// The digits of a query that looks like (part of) a phone number: only digits,
/// spaces and `+-()./`, with at least three digits.
pub(super) fn phone_query(query: &str) -> Option<String> {
    let q = query.trim();
    let phone_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    let digits = phone_digits(q);
    (phone_like && digits.len() >= 3).then_some(digits)
}
