//! Date expressions in English news text, resolved against the publication date.
//!
//! [`find_dates`] walks the [tokens](crate::text::tokens) of an article once,
//! left to right, and recognises:
//!
//! * **absolute dates**, written out in full: `May 6, 2025`, `6 May 2025`,
//!   `2025-05-06`, `Tuesday, May 6, 2025`, `Jan. 5, 2020`, `Sept 3 1999`,
//!   `May 2025` (a month), `2025` (a year), `the 1990s` / `the '90s` (a decade);
//! * **partial dates**, completed from the publication date: `April 22`,
//!   `22 April`, `in April`, `mid-May`, `on Sunday`, `last Friday`,
//!   `next Tuesday`, `yesterday`, `last week`, `earlier this month`, `next year`…
//!   A sentence's tense decides which way an incomplete date leans: in a
//!   future sentence (`will`, `is expected to`, `next`…) it is the nearest
//!   such date on or after publication, otherwise the nearest on or before.
//!   In a sentence that mixes tenses (`who took office in January, said he
//!   will travel in June`), each date follows the nearest tense cue;
//! * **anchored relatives**, computed from the *reference time* — the last
//!   day resolved earlier in the text, or the publication date:
//!   `two days after his talks with X` (the talks happened two days before
//!   the reference time; the noun phrase is kept as the mention's `event`),
//!   `three days before May 2`, `a week later`, `the next day`,
//!   `the previous day`, and `two days ago` (from publication);
//! * **vague periods**, which carry no date but place a statement in time:
//!   `for decades`, `in recent years`, `recently`, `historically`… These go to
//!   [`DateFindings::context`].
//!
//! Everything is hand-written scanning over tokens (no regular expressions),
//! every returned [`Span`] lies inside the text on character boundaries, and
//! no input, however odd, makes the scanner panic.
//!
//! The forms are one registry of named rules ([`rules::RULES`], in order of
//! priority): each rule names the words an expression of its form can start
//! with (the scanner's table of starting words is built from them), a
//! recogniser that returns an *unresolved* value ([`resolve::Raw`]: a month
//! and day leaning on the sentence's tense, a shift of two days from the
//! reference time…), and examples of what it finds and of what it must
//! not, run as tests. [`resolve`] then turns each unresolved value into a
//! [`DateValue`] against the publication date or the reference time.

mod resolve;
mod rules;
mod words;

use std::fmt;

use serde::{Serialize, Serializer};
use time::{Date, Month};

pub use crate::calendar::month_name;
use crate::span::Span;
use crate::text::{self, word_key, Token, TokenKind};
use resolve::Raw;
use words::*;

/// A point or period in time, as precise as the text allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// One calendar day.
    Day(Date),
    /// A whole month.
    Month { year: i32, month: Month },
    /// A whole year.
    Year(i32),
    /// A decade, by its first three digits: `199` is the 1990s.
    Decade(i32),
    /// An ISO week (`2025-W19`, Monday to Sunday), by its ISO year and number.
    Week { year: i32, week: u8 },
    /// A season: spring from March, summer from June, fall from September,
    /// winter from December (the winter of 2024 runs into 2025).
    Season { year: i32, season: Season },
}

/// The four seasons, in the order a year meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The ISO-like code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    fn from_code(code: &str) -> Option<Season> {
        [Season::Spring, Season::Summer, Season::Fall, Season::Winter].into_iter().find(|s| s.code() == code)
    }

    /// The month the season starts in.
    pub fn first_month(self) -> Month {
        match self {
            Season::Spring => Month::March,
            Season::Summer => Month::June,
            Season::Fall => Month::September,
            Season::Winter => Month::December,
        }
    }

    /// The season `d` falls in, with the year it started in.
    pub fn of(d: Date) -> (i32, Season) {
        match u8::from(d.month()) {
            1 | 2 => (d.year() - 1, Season::Winter),
            3..=5 => (d.year(), Season::Spring),
            6..=8 => (d.year(), Season::Summer),
            9..=11 => (d.year(), Season::Fall),
            _ => (d.year(), Season::Winter),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Fall => "fall",
            Season::Winter => "winter",
        }
    }
}

/// The Monday of ISO week `week` of `year`.
fn week_monday(year: i32, week: u8) -> Option<Date> {
    Date::from_iso_week_date(year, week, time::Weekday::Monday).ok()
}

impl DateValue {
    /// An ISO-8601-like form: `2025-05-06`, `2025-05`, `2025`, the three
    /// leading digits of a decade (`199` for the 1990s), a week
    /// (`2025-W19`) or a season (`2025-SU`).
    pub fn iso(&self) -> String {
        match *self {
            DateValue::Week { year, week } => format!("{year:04}-W{week:02}"),
            DateValue::Season { year, season } => format!("{year:04}-{}", season.code()),
            DateValue::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            DateValue::Month { year, month } => format!("{year:04}-{:02}", u8::from(month)),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Decade(d) => format!("{d:03}"),
        }
    }

    /// Reads an [`iso`](DateValue::iso) form back.
    pub fn from_iso(iso: &str) -> Option<DateValue> {
        let mut parts = iso.splitn(3, '-');
        let first = parts.next()?;
        let (month, day) = (parts.next(), parts.next());
        if month.is_none() && first.len() == 3 {
            return Some(DateValue::Decade(first.parse().ok()?));
        }
        let year: i32 = first.parse().ok()?;
        let Some(month) = month else { return Some(DateValue::Year(year)) };
        if day.is_none() {
            if let Some(w) = month.strip_prefix('W').filter(|w| w.len() == 2) {
                let week = w.parse().ok()?;
                week_monday(year, week)?;
                return Some(DateValue::Week { year, week });
            }
            if let Some(season) = Season::from_code(month) {
                return Some(DateValue::Season { year, season });
            }
        }
        let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
        match day {
            None => Some(DateValue::Month { year, month }),
            Some(d) => Some(DateValue::Day(Date::from_calendar_date(year, month, d.parse().ok()?).ok()?)),
        }
    }

    /// `(year, month, day)` of the earliest day the value covers, for ordering
    /// values of different precision on one timeline.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        match *self {
            DateValue::Day(d) => (d.year(), u8::from(d.month()), d.day()),
            DateValue::Month { year, month } => (year, u8::from(month), 1),
            DateValue::Year(y) => (y, 1, 1),
            DateValue::Decade(d) => (d.saturating_mul(10), 1, 1),
            DateValue::Week { year, week } => match week_monday(year, week) {
                Some(d) => (d.year(), u8::from(d.month()), d.day()),
                None => (year, 1, 1),
            },
            DateValue::Season { year, season } => (year, u8::from(season.first_month()), 1),
        }
    }
}

/// The human form: `6 May 2025`, `May 2025`, `2025`, `the 1990s`, `the
/// week of 5 May 2025`, `summer 2025`.
impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{} {} {}", d.day(), month_name(d.month()), d.year()),
            DateValue::Month { year, month } => write!(f, "{} {year}", month_name(month)),
            DateValue::Year(y) => write!(f, "{y}"),
            DateValue::Decade(d) => write!(f, "the {}s", i64::from(d) * 10),
            DateValue::Week { year, week } => match week_monday(year, week) {
                Some(d) => write!(f, "the week of {} {} {}", d.day(), month_name(d.month()), d.year()),
                None => write!(f, "week {week} of {year}"),
            },
            DateValue::Season { year, season: Season::Winter } => write!(f, "winter {year}–{}", year + 1),
            DateValue::Season { year, season } => write!(f, "{} {year}", season.name()),
        }
    }
}

/// Serialised as its [`iso`](DateValue::iso) string.
impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// A date expression found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// The words of the expression (`May 6, 2025`, `last Friday`, `two days after`).
    pub span: Span,
    /// What it resolves to.
    pub value: DateValue,
    /// `true` when the value was computed from the publication date or another
    /// date (a weekday, a month and day without a year, `yesterday`,
    /// `two days after`); `false` when the text writes it out in full.
    pub relative: bool,
    /// For `N days after/before <noun phrase>`: the noun phrase, i.e. the event
    /// that `value` dates.
    pub event: Option<Span>,
}

/// A vague period (`for decades`, `in recent years`, `recently`…): no date,
/// but a hint that a statement is about a stretch of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ContextMention {
    /// The phrase.
    pub span: Span,
}

/// Everything [`find_dates`] found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DateFindings {
    /// Date expressions, sorted by `span.start`, not overlapping.
    pub dates: Vec<DateMention>,
    /// Vague periods, sorted by `span.start`, not overlapping.
    pub context: Vec<ContextMention>,
}

/// Finds the date expressions and vague periods of `text`.
///
/// `sentences` are the sentence spans of `text` (from [`text::sentences`]);
/// they decide the tense that partial dates lean on and keep multi-word
/// expressions inside one sentence. `published` is the publication date:
/// without it, only dates that need no completion are found (written-out
/// dates, and relatives anchored on them).
pub fn find_dates(text: &str, sentences: &[Span], published: Option<Date>) -> DateFindings {
    Scanner::new(text, std::borrow::Cow::Owned(text::tokens(text)), sentences, published).run().0
}

/// [`find_dates`] on the tokens of `text` already made (see [`text::tokens`]).
pub(crate) fn find_dates_in(text: &str, toks: &[Token], sentences: &[Span], published: Option<Date>) -> DateFindings {
    Scanner::new(text, std::borrow::Cow::Borrowed(toks), sentences, published).run().0
}

/// Parses a date written out in full, as found in datelines and front matter:
/// `May 6, 2025`, `6 May 2025`, `2025-05-06` (also `2025-05-06T10:00:00Z`),
/// `Tuesday, May 6, 2025`, `Jan. 5, 2020`, `Sept 3 1999`.
///
/// Returns the first complete day written in `s` (surrounding words such as
/// `Updated` or a time of day are ignored), or `None` when there is none:
/// months, years and dates without a year do not count.
pub fn parse_date_phrase(s: &str) -> Option<Date> {
    let sentences = text::sentences(s);
    find_dates(s, &sentences, None).dates.into_iter().find_map(|m| match m.value {
        DateValue::Day(d) if !m.relative => Some(d),
        _ => None,
    })
}

/// The English name of `d`'s weekday: `Tuesday`.
pub fn weekday_name(d: Date) -> &'static str {
    crate::calendar::weekday_name_of(d.weekday())
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘")
}

/// Parses 1–2 ASCII digits, or a day with an ordinal suffix (`6th`, `22nd`), as a day of the month.
fn parse_day(s: &str) -> Option<u8> {
    if !s.is_ascii() {
        return None;
    }
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = s.get(digits.len()..).unwrap_or("");
    if !suffix.is_empty() && !["st", "nd", "rd", "th"].iter().any(|x| suffix.eq_ignore_ascii_case(x)) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn four_digits(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

// ---------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------

/// One match of a rule: the tokens it took and what it means, unresolved.
#[derive(Clone, Copy, Debug)]
struct Found {
    span: Span,
    /// The token to go on scanning from.
    next: usize,
    raw: Raw,
}

/// No sentence: the token lies outside every sentence span.
const NO_SENTENCE: u32 = u32::MAX;

struct Scanner<'t> {
    text: &'t str,
    toks: std::borrow::Cow<'t, [Token]>,
    /// The sentence each token lies in ([`NO_SENTENCE`] for none).
    sentence: Vec<u32>,
    /// Does each sentence speak of the future?
    future: Vec<bool>,
    /// By token: [`STARTER`] and [`CONTEXT`] from the word lists, and the
    /// tense cue: [`FUTURE`] or [`PAST`] (see [`Scanner::cue`]).
    tags: Vec<u8>,
    published: Option<Date>,
    /// The last day resolved so far (the anchor of `two days later`).
    reference: Option<Date>,
    /// The first token of that day's expression.
    reference_token: Option<usize>,
    /// The last date of any kind resolved so far, with its first token
    /// (what `that year` and `the end of the month` speak of).
    last: Option<(DateValue, usize)>,
    /// The year of the last date written in full with its year, and its
    /// first token (what a later `April 19` in the same sentence lies in).
    year_in_view: Option<(i32, usize)>,
    /// The latest day told of so far in the three days up to publication
    /// (the day a quotation's `today` speaks of).
    recent: Option<Date>,
    /// Every date resolved so far, with its first token, in text order
    /// (what `a month after the storm` finds the storm's date in).
    told: Vec<(usize, DateValue)>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, toks: std::borrow::Cow<'t, [Token]>, sentences: &[Span], published: Option<Date>) -> Self {
        // Tokens come in text order, so the count of sentences starting at
        // or before a token only grows: one pass instead of a search each.
        let mut k = 0;
        let sentence = toks
            .iter()
            .map(|t| {
                while k < sentences.len() && sentences[k].start <= t.span().start {
                    k += 1;
                }
                k.checked_sub(1)
                    .filter(|&k| sentences.get(k).is_some_and(|s| t.span().end <= s.end))
                    .and_then(|k| u32::try_from(k).ok().filter(|&k| k != NO_SENTENCE))
                    .unwrap_or(NO_SENTENCE)
            })
            .collect();
        let mut scanner = Scanner {
            text,
            toks,
            sentence,
            future: vec![false; sentences.len()],
            tags: Vec::new(),
            published,
            reference: None,
            reference_token: None,
            last: None,
            year_in_view: None,
            recent: None,
            told: Vec::new(),
        };
        // Each token's tags, looked up alone.
        scanner.tags = crate::par::map(scanner.toks.len(), 4096, &|k| {
            if scanner.toks[k].kind != TokenKind::Word {
                return 0;
            }
            let w = scanner.toks[k].span().of(scanner.text);
            let tags = word_tags(word_key(w.as_bytes()));
            let lists = tags & (STARTER | CONTEXT);
            if tags & FUTURE != 0 && scanner.future_cue_lower(k, Lower::of(w).as_str()) {
                lists | FUTURE
            } else {
                lists | (tags & PAST)
            }
        });
        for k in 0..scanner.tags.len() {
            if scanner.cue(k) == Some(true) {
                if let Some(f) = scanner.sentence_of(k).and_then(|s| scanner.future.get_mut(s)) {
                    *f = true;
                }
            }
        }
        scanner
    }

    /// The tense cue of token `k`: `Some(true)` future, `Some(false)` past.
    fn cue(&self, k: usize) -> Option<bool> {
        match self.tags.get(k).copied().unwrap_or(0) {
            t if t & FUTURE != 0 => Some(true),
            // A participle after `be` is passive, not past: `would be held`.
            t if t & PAST != 0 && k.checked_sub(1).is_some_and(|p| self.is_one_of(p, &["be"])) => None,
            t if t & PAST != 0 => Some(false),
            _ => None,
        }
    }

    /// Every expression of the text, left to right: at each token that may
    /// start one, the first rule of the registry (in its order) whose
    /// recogniser matches and whose value resolves. Also returns the name of
    /// the rule that found each date.
    fn run(mut self) -> (DateFindings, Vec<&'static str>) {
        let mut out = DateFindings::default();
        let mut names = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            let Some((rule, found, resolved)) = self.first_match(i, &rules::RULES) else {
                i += 1;
                continue;
            };
            match resolved {
                None => out.context.push(ContextMention { span: found.span }),
                Some((value, event)) => {
                    if let DateValue::Day(d) = value {
                        self.reference = Some(d);
                        self.reference_token = Some(i);
                        let near = self.published.is_some_and(|p| d <= p && resolve::add_days(d, 3).is_some_and(|d3| d3 >= p));
                        if near && self.recent.is_none_or(|r| r < d) {
                            self.recent = Some(d);
                        }
                    }
                    match found.raw {
                        Raw::Absolute(DateValue::Day(d)) => self.year_in_view = Some((d.year(), i)),
                        Raw::Absolute(DateValue::Month { year, .. }) => self.year_in_view = Some((year, i)),
                        _ => {}
                    }
                    self.last = Some((value, i));
                    self.told.push((i, value));
                    out.dates.push(DateMention { span: found.span, value, relative: found.raw.relative(), event });
                    names.push(rule.name);
                }
            }
            i = found.next.max(i + 1);
        }
        (out, names)
    }

    /// The first of `rules` that matches at token `i` and resolves: the
    /// rule, its match, and its value with the event it dates (`None` for a
    /// vague period, which has no value).
    #[allow(clippy::type_complexity)]
    fn first_match(
        &self,
        i: usize,
        rules: &'static [rules::Rule],
    ) -> Option<(&'static rules::Rule, Found, Option<(DateValue, Option<Span>)>)> {
        let t = self.toks.get(i)?;
        let s = t.span().of(self.text);
        let word_rules = match t.kind {
            TokenKind::Word if !s.as_bytes()[0].is_ascii_digit() => word_rules(word_key(s.as_bytes())),
            _ => 0,
        };
        rules.iter().find_map(|rule| {
            let fits = match t.kind {
                TokenKind::Number => rule.triggers.numbers,
                TokenKind::Punct => rule.triggers.apostrophe && is_apostrophe(s),
                TokenKind::Possessive => false,
                TokenKind::Word if s.as_bytes()[0].is_ascii_digit() => rule.triggers.digit_words,
                TokenKind::Word => word_rules & rule.bit() != 0,
            };
            if !fits {
                return None;
            }
            let found = (rule.recognise)(self, i)?;
            if matches!(found.raw, Raw::Vague) {
                return Some((rule, found, None));
            }
            let resolved = self.resolve(&found.raw)?;
            Some((rule, found, Some(resolved)))
        })
    }

    /// The date (not an anchored relative) that starts at token `i`, resolved.
    fn date_at(&self, i: usize) -> Option<(Found, DateValue)> {
        let (_, found, resolved) = self.first_match(i, rules::date_rules())?;
        Some((found, resolved?.0))
    }

    // -- token helpers ------------------------------------------------------

    /// Can any expression start at token `i`? A cheap test that lets the
    /// scanner pass over most words: every recogniser below starts with a
    /// number, an apostrophe (`’90s`), a word beginning with a digit, or one
    /// of the words of [`is_starter`].
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let s = t.span().of(self.text);
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => is_apostrophe(s),
            TokenKind::Possessive => false,
            TokenKind::Word => s.as_bytes()[0].is_ascii_digit() || self.tags[i] & STARTER != 0,
        }
    }

    fn text_of(&self, i: usize) -> Option<&'t str> {
        self.toks.get(i).map(|t| t.span().of(self.text))
    }

    /// The text of token `i` if it is a word.
    fn word(&self, i: usize) -> Option<&'t str> {
        self.toks.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.span().of(self.text))
    }

    /// Is token `i` the word `w` (any case)?
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// Is token `i` one of `words` (any case)?
    fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        self.text_of(i).is_some_and(|x| words.iter().any(|w| x.eq_ignore_ascii_case(w)))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.span().of(self.text) == p)
    }

    /// Is token `i` written directly after the previous one, with no space?
    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalized(self.text))
    }

    /// The sentence of token `i`, if it lies in one.
    fn sentence_of(&self, i: usize) -> Option<usize> {
        self.sentence.get(i).copied().filter(|&s| s != NO_SENTENCE).map(|s| s as usize)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        a < self.toks.len() && b < self.toks.len() && self.sentence.get(a) == self.sentence.get(b)
    }

    /// Is token `i` about the future? Only in a sentence with a future cue,
    /// and then only if the nearest tense cue in the sentence is a future one
    /// (a tie goes to the future).
    fn is_future(&self, i: usize) -> bool {
        let Some(s) = self.sentence_of(i) else { return false };
        if !self.future.get(s).copied().unwrap_or(false) {
            return false;
        }
        let in_sentence = |k: usize| self.sentence_of(k) == Some(s);
        for d in 0..self.toks.len() {
            let after = i.checked_add(d).filter(|&k| in_sentence(k));
            let before = i.checked_sub(d).filter(|&k| in_sentence(k));
            if after.is_none() && before.is_none() {
                break;
            }
            let cues = [after, before].map(|k| k.and_then(|k| self.cue(k)));
            if cues.contains(&Some(true)) {
                return true;
            }
            if cues.contains(&Some(false)) {
                return false;
            }
        }
        true
    }

    /// Does token `i` stand inside a quotation (an odd number of straight
    /// quotation marks, or more opening than closing curly ones, before it
    /// on its line)?
    fn in_quotation(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let head = &self.text[..t.span().start];
        let line = &head[head.rfind('\n').map_or(0, |k| k + 1)..];
        let (mut straight, mut curly) = (0usize, 0isize);
        for c in line.chars() {
            match c {
                '"' => straight += 1,
                '“' => curly += 1,
                '”' => curly -= 1,
                _ => {}
            }
        }
        straight % 2 == 1 || curly > 0
    }

    /// The span from token `a` to token `b_end - 1`.
    fn span(&self, a: usize, b_end: usize) -> Span {
        match (self.toks.get(a), b_end.checked_sub(1).and_then(|b| self.toks.get(b))) {
            (Some(x), Some(y)) if y.span().end >= x.span().start => Span::new(x.span().start, y.span().end),
            (Some(x), _) => x.span(),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }

    /// Does token `k` mark its sentence as being about the future?
    /// Is the word at `k` (a word token, `lower` its ASCII lower case) a future cue?
    fn future_cue_lower(&self, k: usize, lower: &str) -> bool {
        match lower {
            "will" => !k.checked_sub(1).is_some_and(|p| self.is_one_of(p, WILL_NOUN_BEFORE)),
            // Reported future: `said the match would be played on Tuesday`.
            "would" => !k.checked_sub(1).is_some_and(|p| self.is_one_of(p, WILL_NOUN_BEFORE)),
            // `agreed to meet again in March`: an intention, so what follows lies ahead.
            "to" => {
                k.checked_sub(1).is_some_and(|p| self.is_one_of(p, INTENTION_VERBS))
                    && self.word(k + 1).is_some()
                    && !self.capitalised(k + 1) && !self.is_one_of(k + 1, DETERMINERS)
            }
            "shall" | "upcoming" | "tomorrow" | "forthcoming" => true,
            "next" => !self.is_word(k + 1, "to"),
            // they’ll
            "ll" => self.attached(k) && k.checked_sub(1).is_some_and(|p| self.text_of(p).is_some_and(is_apostrophe)),
            // won’t
            "won" => self.attached(k + 1) && self.text_of(k + 1).is_some_and(is_apostrophe) && self.is_word(k + 2, "t"),
            "is" | "are" | "am" => self.is_one_of(
                k + 1,
                &[
                    "to", "expected", "due", "set", "scheduled", "slated", "poised", "going", "planning", "preparing",
                    "likely", "unlikely",
                ],
            ),
            "plans" | "plan" | "intends" | "aims" => self.is_word(k + 1, "to"),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests;
