//! Sentences and words: the small amount of tokenisation every analysis shares.
//!
//! All positions are byte [`Span`]s into the text that was split, so a token
//! or a sentence can always be traced back to the characters a reader sees.

use crate::span::Span;

/// A word of at most 15 ASCII bytes, in lower case, packed into one integer
/// with its length; `0` (which no word packs to) for any other word. Word
/// lists are searched by these keys, so a lookup compares integers instead
/// of strings.
pub(crate) const fn word_key(w: &[u8]) -> u128 {
    pack(w, true)
}

/// [`word_key`] without the lower-casing: the word as written.
pub(crate) const fn exact_key(w: &[u8]) -> u128 {
    pack(w, false)
}

#[inline(always)]
const fn pack(w: &[u8], lower: bool) -> u128 {
    if w.is_empty() || w.len() > 15 {
        return 0;
    }
    let mut key: u128 = 0;
    let mut i = 0;
    while i < w.len() {
        if !w[i].is_ascii() {
            return 0;
        }
        let b = if lower { w[i].to_ascii_lowercase() } else { w[i] };
        key = (key << 8) | b as u128;
        i += 1;
    }
    key | (w.len() as u128) << 120
}

/// The keys of `words`, sorted, for [`has_key`].
pub(crate) const fn sorted_keys<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        out[i] = word_key(words[i].as_bytes());
        let mut k = i;
        while k > 0 && out[k - 1] > out[k] {
            let t = out[k - 1];
            out[k - 1] = out[k];
            out[k] = t;
            k -= 1;
        }
        i += 1;
    }
    out
}

pub(crate) fn has_key(keys: &[u128], key: u128) -> bool {
    key != 0 && keys.binary_search(&key).is_ok()
}

/// The kind of a [`Token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters), e.g. `Lavrov`, `U.S.`, `G7`.
    Word,
    /// Digits only, possibly with inner `,` or `.` (`26`, `2,500`, `3.5`).
    Number,
    /// A possessive ending split off its word: `’s`, `'s`, or a bare `’` after `s`.
    Possessive,
    /// Any other single non-space character.
    Punct,
}

/// One token of a text: 12 bytes (offsets as `u32`), so that the token list
/// of a long article stays small. Texts are read whole into memory and are
/// far below the 4 GiB this allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// Is this token directly preceded by whitespace (or the text start)?
    pub space_before: bool,
}

impl Token {
    pub fn new(span: Span, kind: TokenKind, space_before: bool) -> Token {
        Token { start: span.start as u32, end: span.end as u32, kind, space_before }
    }

    /// Where the token stands in the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span().of(text)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && match text.as_bytes().get(self.span().start) {
                Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text(text).chars().next().is_some_and(char::is_uppercase),
            }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `at` of `text` (a char boundary) and its length,
/// decoded without a loop for ASCII.
#[inline]
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text[at..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_in(text, 0..text.len())
}

/// The tokens of a part of `text` that starts after a line break (or at
/// the start) and ends after one (or at the end): no token crosses a line
/// break, so the tokens of such parts, one after the other, are those of
/// the whole text.
fn tokens_in(text: &str, part: std::ops::Range<usize>) -> Vec<Token> {
    let mut out = Vec::with_capacity(part.len() / 5);
    let bytes = text.as_bytes();
    let mut pos = part.start;
    let mut space_before = true;
    while let Some((c, clen)) = char_at(text, pos).filter(|_| pos < part.end) {
        let i = pos;
        pos += clen;
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = pos;
            let mut has_alpha = c.is_alphabetic();
            // A word: alphanumerics, with inner periods between single letters
            // (U.S., U.N.) and inner digit separators (2,500 / 3.5).
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii_alphanumeric() {
                    has_alpha |= b.is_ascii_alphabetic();
                    end += 1;
                    continue;
                }
                let j = end;
                let Some((d, dlen)) = char_at(text, j) else { break };
                if d.is_alphanumeric() {
                    has_alpha |= d.is_alphabetic();
                    end = j + dlen;
                    continue;
                }
                if d == '.' || d == ',' {
                    // Look at the characters around the separator.
                    let prev = text[..j].chars().next_back();
                    let next = text[j + 1..].chars().next();
                    let digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
                    let initials = d == '.'
                        && prev.is_some_and(|p| p.is_uppercase())
                        && prev.is_some_and(|p| {
                            let before = j - p.len_utf8();
                            !text[..before].chars().next_back().is_some_and(char::is_alphanumeric)
                        })
                        || d == '.' && is_initialism(&text[i..j + 1]);
                    if digits {
                        end = j + 1;
                        continue;
                    }
                    if initials {
                        // Take the period, and keep going only into another letter (U.S.A.).
                        end = j + 1;
                        if next.is_some_and(|n| n.is_uppercase()) && text[j + 1..].chars().nth(1) == Some('.') {
                            continue;
                        }
                        // A lone capital with a period is an initial (J. Smith) or
                        // an abbreviation's end (U.S.): keep the period.
                        break;
                    }
                }
                break;
            }
            pos = end;
            // Drop a trailing period that is not part of an initialism of two
            // or more letters (so "Mr." keeps it only via the abbreviation list).
            let word = &text[i..end];
            let kind = if has_alpha { TokenKind::Word } else { TokenKind::Number };
            out.push(Token::new(Span::new(i, end), kind, space_before));
            space_before = false;
            // Possessive: ’s / 's directly after a word, or a bare ’ after a final s.
            if let Some((d, dlen)) = char_at(text, pos) {
                let j = pos;
                if is_apostrophe(d) && kind == TokenKind::Word {
                    let after = &bytes[j + dlen..];
                    let s_follows = after.first().is_some_and(|&b| b == b's' || b == b'S')
                        && !after.get(1).is_some_and(|b| b.is_ascii_alphanumeric());
                    let plural = word.ends_with('s') && !after.first().is_some_and(|b| b.is_ascii_alphanumeric());
                    if s_follows || plural {
                        let mut pend = j + dlen;
                        if s_follows {
                            pend += 1;
                        }
                        pos = pend;
                        out.push(Token::new(Span::new(j, pend), TokenKind::Possessive, false));
                    }
                }
            }
            continue;
        }
        out.push(Token::new(Span::new(i, i + clen), TokenKind::Punct, space_before));
        space_before = false;
    }
    out
}

/// `U.S.`, `U.N.`, `E.U.`: letters each followed by a period.
fn is_initialism(s: &str) -> bool {
    let mut n = 0;
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if !c.is_uppercase() || it.next() != Some('.') {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Abbreviations after which a period does not end a sentence, besides the
/// calendar's (see [`is_abbreviation`]).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov", "Sen", "Rep", "Rev",
    "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "No", "vs", "Mt", "Ft", "approx", "e.g", "i.e", "etc",
];

/// Is `w`, as written, an abbreviation whose period does not end a sentence:
/// one of [`ABBREVIATIONS`], or a month's or weekday's (`Jan`, `Sept`, `Sat`)
/// with its capital?
fn is_abbreviation(w: &str) -> bool {
    use crate::calendar::{MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS};
    let titled = |a: &str| {
        w.len() == a.len()
            && w.as_bytes()[0] == a.as_bytes()[0].to_ascii_uppercase()
            && w.as_bytes()[1..] == a.as_bytes()[1..]
    };
    ABBREVIATIONS.contains(&w)
        || MONTH_ABBREVIATIONS.iter().any(|(a, _)| titled(a))
        || WEEKDAY_ABBREVIATIONS.iter().any(|(a, _)| titled(a))
}

/// Splits `text` into sentences. A sentence never crosses a line break, so
/// titles, headings and paragraphs (one per line, or separated by blank
/// lines) always start new sentences.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_in(text, 0..text.len())
}

/// The sentences of the lines of a part of `text` that starts and ends
/// after a line break (or at the start or end of the text).
fn sentences_in(text: &str, part: std::ops::Range<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = part.start;
    for raw in text[part].split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        if let Some(line) = trim(text, Span::new(start, pos)) {
            split_line(text, line, &mut out);
        }
    }
    out
}

/// The sentences and the tokens of `text`, each made in parts cut after
/// line breaks, side by side with the `parallel` feature (see
/// [`crate::par`]): the same as [`sentences`] and [`tokens`].
pub fn sentences_and_tokens(text: &str) -> (Vec<Span>, Vec<Token>) {
    by_lines(text, LINES_PART)
}

/// The fewest bytes of text in one part of [`sentences_and_tokens`].
const LINES_PART: usize = 1 << 16;

fn by_lines(text: &str, part: usize) -> (Vec<Span>, Vec<Token>) {
    let after_break = |k: usize| text.as_bytes()[k - 1] == b'\n';
    crate::par::join(
        || crate::par::pieces(0..text.len(), part, &after_break, &|r| sentences_in(text, r)),
        || crate::par::pieces(0..text.len(), part, &after_break, &|r| tokens_in(text, r)),
    )
}

/// Byte spans of the non-blank lines of `text`, trimmed.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let start = pos;
        pos += raw.len();
        trim(text, Span::new(start, start + raw.len()))
    })
}

/// `span` without leading and trailing whitespace, or `None` if nothing is left.
pub fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(Span::new(span.start + lead, span.start + lead + t.len()))
    }
}

/// Time zones written after a clock time (`5 p.m. EST`).
const TIME_ZONES: &[&str] = &[
    "BST", "CDT", "CEST", "CET", "CST", "EDT", "EEST", "EET", "EST", "ET", "GMT", "IST", "JST", "MDT", "MST", "PDT", "PST", "PT", "UTC",
];

fn split_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.of(text);
    let mut start = 0;
    // The terminators are ASCII, so the line is scanned on bytes.
    let mut next_at = 0;
    while let Some(off) = s.as_bytes()[next_at..].iter().position(|b| matches!(b, b'.' | b'!' | b'?')) {
        let i = next_at + off;
        let c = char::from(s.as_bytes()[i]);
        // Swallow closing quotes/brackets and further terminators.
        let mut end = i + 1;
        while let Some((d, dlen)) = char_at(s, end) {
            if matches!(d, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']') {
                end += dlen;
            } else {
                break;
            }
        }
        next_at = end;
        let rest = &s[end..];
        let next = rest.trim_start();
        if next.is_empty() {
            break;
        }
        if rest.len() == next.len() {
            continue; // no space: "3.5", "U.S.-led"
        }
        let first = next.chars().next().unwrap();
        if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[')) {
            continue;
        }
        if c == '.' {
            let before = &s[start..i];
            let word = before.rsplit(|ch: char| ch.is_whitespace() || ch == '(').next().unwrap_or("");
            let bare = word.trim_start_matches(['"', '“', '(']);
            let initials = bare.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
            if is_abbreviation(bare) || initials {
                continue;
            }
            // A clock time's zone goes with it: `at 5 p.m. EST today`.
            let zone = next.split(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
            if matches!(bare.to_ascii_lowercase().as_str(), "a.m" | "p.m") && TIME_ZONES.contains(&zone) {
                continue;
            }
        }
        if let Some(sp) = trim(text, Span::new(line.start + start, line.start + end)) {
            out.push(sp);
        }
        start = end;
    }
    if let Some(sp) = trim(text, Span::new(line.start + start, line.end)) {
        out.push(sp);
    }
}


/// Each space-separated word with its first letter in upper case and the
/// rest in lower case: `NAIROBI` → `Nairobi`, `NEW YORK` → `New York`.
pub(crate) fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text made safe to put where HTML is read (a text node or an attribute
/// value): the site's page templates and the exports TimelineJS reads.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sentences_and_tokens_made_in_parts_are_those_of_the_whole_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval/news");
        let mut text = String::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files.iter().filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md")) {
            text.push_str(&std::fs::read_to_string(f).unwrap());
            // Lines ending in spaces, blank lines of spaces, a last line without its break.
            text.push_str("  \n \n\r\n");
        }
        text.push_str("The end. No break after it");
        let whole = (sentences(&text), tokens(&text));
        assert!(whole.0.len() > 1000 && whole.1.len() > 10_000);
        for part in [1, 10, 1000, LINES_PART] {
            assert!(super::by_lines(&text, part) == whole, "parts of {part} bytes");
        }
        assert!(super::by_lines("", 1) == (Vec::new(), Vec::new()));
    }

    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn accented_capitals_before_a_period_are_initials() {
        // A capital of several bytes before a period is an initial like any
        // other: the period stays with it and every span is on a character
        // boundary.
        let text = "É. Macron and Ö. Pamuk met. ϒ. Ž.Ć. and E. Smith.";
        let toks = tokens(text);
        for t in &toks {
            assert!(text.is_char_boundary(t.span().start) && text.is_char_boundary(t.span().end));
        }
        let got: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(got, ["É.", "Macron", "and", "Ö.", "Pamuk", "met", ".", "ϒ.", "Ž.Ć.", "and", "E.", "Smith", "."]);
        assert_eq!(words("E. Macron"), ["E.", "Macron"]);
        for s in ["É.", "xÉ.", "É.É", "ÉÉ.", "'É.", "1É."] {
            let _ = tokens(s);
        }
    }

    #[test]
    fn calendar_abbreviations_do_not_end_sentences() {
        let text = "It opened on Sept. 3 and closed on Sat. 5 in Jan. They left. May. Then.";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(got, ["It opened on Sept. 3 and closed on Sat. 5 in Jan. They left.", "May.", "Then."]);
        assert!(is_abbreviation("Jan") && is_abbreviation("Sept") && is_abbreviation("Thu") && is_abbreviation("Mr"));
        assert!(!is_abbreviation("JAN") && !is_abbreviation("jan") && !is_abbreviation("May"));
    }

    #[test]
    fn tokens_split_possessives_and_hyphens() {
        assert_eq!(words("Russia’s offer"), ["Russia", "’s", "offer"]);
        assert_eq!(words("India-Pakistan ties"), ["India", "-", "Pakistan", "ties"]);
        assert_eq!(words("the U.S. and 2,500 troops."), ["the", "U.S.", "and", "2,500", "troops", "."]);
        assert_eq!(words("the ministers’ talks"), ["the", "ministers", "’", "talks"]);
        let t = tokens("claimed 26 lives");
        assert_eq!(t[1].kind, TokenKind::Number);
    }

    #[test]
    fn a_clock_times_zone_stays_in_its_sentence() {
        let text = "The agency will brief reporters at 4 p.m. GMT on Friday. Crews left.";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(got, ["The agency will brief reporters at 4 p.m. GMT on Friday.", "Crews left."]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_lines() {
        let text = "Mr. Smith went to Washington. He met Dr. Jones at 3.5 p.m. today!\nHeading\nThe U.S. Army said so. “Yes.” She left.";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(
            got,
            [
                "Mr. Smith went to Washington.",
                "He met Dr. Jones at 3.5 p.m. today!",
                "Heading",
                "The U.S. Army said so.",
                "“Yes.”",
                "She left."
            ]
        );
    }
}
