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

use std::fmt;

use serde::{Serialize, Serializer};
use time::{Date, Duration, Month, Weekday};

use crate::span::Span;
use crate::text::{self, word_key, Token, TokenKind};

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
}

impl DateValue {
    /// An ISO-8601-like form: `2025-05-06`, `2025-05`, `2025`, or the three
    /// leading digits of a decade (`199` for the 1990s).
    pub fn iso(&self) -> String {
        match *self {
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
        }
    }
}

/// The human form: `6 May 2025`, `May 2025`, `2025`, `the 1990s`.
impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{} {} {}", d.day(), month_name(d.month()), d.year()),
            DateValue::Month { year, month } => write!(f, "{} {year}", month_name(month)),
            DateValue::Year(y) => write!(f, "{y}"),
            DateValue::Decade(d) => write!(f, "the {}s", i64::from(d) * 10),
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
    Scanner::new(text, std::borrow::Cow::Owned(safe_tokens(text)), sentences, published).run()
}

/// [`find_dates`] on tokens already made by [`tokens_of`] for `text`.
pub(crate) fn find_dates_in(text: &str, toks: &[Token], sentences: &[Span], published: Option<Date>) -> DateFindings {
    Scanner::new(text, std::borrow::Cow::Borrowed(toks), sentences, published).run()
}

/// The tokens of `text` as the date and entity finders see them.
pub(crate) fn tokens_of(text: &str) -> Vec<Token> {
    safe_tokens(text)
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
    match d.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The English name of a month: `May`.
pub fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

const MONTHS: [(&str, Month); 12] = [
    ("january", Month::January),
    ("february", Month::February),
    ("march", Month::March),
    ("april", Month::April),
    ("may", Month::May),
    ("june", Month::June),
    ("july", Month::July),
    ("august", Month::August),
    ("september", Month::September),
    ("october", Month::October),
    ("november", Month::November),
    ("december", Month::December),
];

/// Abbreviations, usable only with a day or a year (`Jan. 5`, `Sept 2020`).
const MONTH_ABBREVIATIONS: [(&str, Month); 12] = [
    ("jan", Month::January),
    ("feb", Month::February),
    ("mar", Month::March),
    ("apr", Month::April),
    ("jun", Month::June),
    ("jul", Month::July),
    ("aug", Month::August),
    ("sep", Month::September),
    ("sept", Month::September),
    ("oct", Month::October),
    ("nov", Month::November),
    ("dec", Month::December),
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

const NUMBER_WORDS: [(&str, i64); 14] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// Vague periods, longest first where one is a prefix of another.
const CONTEXT_PHRASES: &[&[&str]] = &[
    &["for", "many", "decades"],
    &["for", "several", "decades"],
    &["for", "decades"],
    &["for", "many", "years"],
    &["for", "several", "years"],
    &["for", "years"],
    &["for", "many", "months"],
    &["for", "several", "months"],
    &["for", "months"],
    &["for", "weeks"],
    &["for", "centuries"],
    &["for", "generations"],
    &["in", "recent", "decades"],
    &["in", "recent", "years"],
    &["in", "recent", "months"],
    &["in", "recent", "weeks"],
    &["in", "recent", "days"],
    &["in", "the", "past"],
    &["over", "the", "decades"],
    &["over", "the", "years"],
    &["decades", "-", "long"],
    &["years", "-", "long"],
    &["long", "-", "standing"],
    &["longstanding"],
    &["recently"],
    &["historically"],
];

/// Words before a bare month that make it a month (`in May`, `since March`).
const MONTH_CUES: &[&str] =
    &["in", "since", "until", "till", "during", "through", "throughout", "by", "before", "after", "from"];

/// `the end of May`: words before `of` that make the next month name a month.
const MONTH_PARTS: &[&str] = &["end", "beginning", "start", "middle", "rest", "remainder"];

/// Words before a bare year that make it a year whatever follows.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "circa",
    "around",
    "through",
    "throughout",
];

/// Words before a bare year that still let a plural follow (`the 2024 elections`).
const YEAR_DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "this", "that", "whose"];

/// Nouns that say a number before them counts things (`2000 people`).
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "children",
    "men",
    "women",
    "troops",
    "soldiers",
    "police",
    "staff",
    "personnel",
    "workers",
    "residents",
    "families",
    "homes",
    "households",
    "lives",
    "deaths",
    "dead",
    "cases",
    "votes",
    "jobs",
    "units",
    "cattle",
    "sheep",
    "fish",
    "feet",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "pounds",
    "rupees",
    "yuan",
    "yen",
    "acres",
    "hectares",
    "pupils",
    "students",
    "victims",
    "civilians",
    "refugees",
    "migrants",
    "patients",
    "members",
    "employees",
    "followers",
    "participants",
    "protesters",
    "casualties",
    "wounded",
    "injured",
    "rounds",
    "missiles",
    "drones",
    "rockets",
];

/// Words after a number that make it a measure, never a year.
const MEASURES: &[&str] = &[
    "million", "billion", "trillion", "thousand", "hundred", "percent", "per", "times", "gmt", "utc", "hours", "hrs",
    "%",
];

/// Words that end the noun phrase after `after` / `before`.
const PHRASE_STOPS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "that", "while", "whereas", "although", "though", "because",
    "but", "as", "after", "before", "until", "if",
];

/// Words that cannot end a noun phrase.
const PHRASE_TRIM: &[&str] =
    &["in", "on", "at", "of", "for", "with", "to", "by", "from", "and", "or", "the", "a", "an", "his", "her", "its"];

/// Verbs that, after `and`, start a new clause rather than continue a phrase.
const CLAUSE_VERBS: &[&str] = &[
    "said", "says", "met", "spoke", "told", "went", "came", "made", "took", "gave", "left", "began", "held", "saw",
    "won", "lost", "is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "can", "should", "did",
    "does", "also", "then", "urged", "called",
];

/// Prepositions that introduce a date inside a noun phrase (`talks with X on Friday`).
const DATE_PREPOSITIONS: &[&str] = &["on", "in", "at", "during", "since", "from", "by"];

/// Past-tense verbs that, in a sentence that also speaks of the future, pull
/// the dates nearest to them into the past (`said on Monday he will…`).
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "took",
    "came",
    "went",
    "met",
    "spoke",
    "made",
    "gave",
    "began",
    "held",
    "saw",
    "left",
    "announced",
    "added",
    "reported",
    "claimed",
    "killed",
    "signed",
    "agreed",
    "launched",
    "visited",
    "called",
    "urged",
    "expressed",
    "started",
    "ended",
    "died",
    "arrived",
    "returned",
    "happened",
];

/// Words before `will` that make it a noun (`political will`).
const WILL_NOUN_BEFORE: &[&str] =
    &["the", "a", "political", "free", "good", "ill", "own", "his", "her", "their", "its", "our", "my", "your"];

/// Verbs of intention: after them, `to` + verb speaks of the future.
const INTENTION_VERBS: &[&str] =
    &["agreed", "decided", "promised", "pledged", "vowed", "voted", "planned", "threatened", "hoped", "wanted"];

const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "this", "that"];

/// `w` in lower case when it is ASCII of at most 16 bytes, else `""` (which
/// no word list holds): the lower case of a longer or non-ASCII word
/// matches none of the ASCII words the scanner looks for either.
struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    fn of(w: &str) -> Lower {
        let mut buf = [0u8; 16];
        match ascii_lower(w, &mut buf) {
            Some(l) => {
                let len = l.len();
                Lower { buf, len }
            }
            None => Lower { buf, len: 0 },
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// What a word (by its [`word_key`]) may be to the scanner: bits of
/// [`FUTURE_WORDS`], [`PAST_CUES`], [`STARTERS`] and [`CONTEXT_FIRST`].
const FUTURE: u8 = 1;
const PAST: u8 = 2;
const STARTER: u8 = 4;
const CONTEXT: u8 = 8;

/// The word lists in one small open-addressing hash table, so each word of
/// a text costs one probe or two.
struct WordTable {
    keys: [u128; 512],
    tags: [u8; 512],
}

fn slot_of(key: u128) -> usize {
    let h = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 55) as usize
}

fn word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = WordTable { keys: [0; 512], tags: [0; 512] };
        for (list, tag) in [(FUTURE_WORDS, FUTURE), (PAST_CUES, PAST), (STARTERS, STARTER), (CONTEXT_FIRST, CONTEXT)] {
            for w in list {
                let key = word_key(w.as_bytes());
                let mut i = slot_of(key);
                while t.keys[i] != 0 && t.keys[i] != key {
                    i = (i + 1) % 512;
                }
                t.keys[i] = key;
                t.tags[i] |= tag;
            }
        }
        t
    })
}

/// The tags of the word with key `key` (`0` for none).
fn word_tags(key: u128) -> u8 {
    if key == 0 {
        return 0;
    }
    let t = word_table();
    let mut i = slot_of(key);
    loop {
        match t.keys[i] {
            k if k == key => return t.tags[i],
            0 => return 0,
            _ => i = (i + 1) % 512,
        }
    }
}

/// The words `Scanner::future_cue_lower` looks at.
const FUTURE_WORDS: &[&str] = &[
    "will", "would", "to", "shall", "upcoming", "tomorrow", "forthcoming", "next", "ll", "won", "is", "are", "am",
    "plans", "plan", "intends", "aims",
];

fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}

/// The lower-case words an expression can start with (see `Scanner::may_start`):
/// first words of [`CONTEXT_PHRASES`], month and weekday names and
/// abbreviations, [`NUMBER_WORDS`], and the modifiers of relative dates.
/// The test `starters_cover_every_recogniser` keeps it in step with the word lists.
const STARTERS: &[&str] = &[
    // first words of vague periods
    "for", "in", "over", "decades", "years", "long", "longstanding", "recently", "historically",
    // months and their abbreviations
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    // weekdays
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // counts
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    // modifiers and relative words
    "the", "last", "next", "this", "early", "late", "mid", "earlier", "later", "yesterday", "today", "tonight",
    "tomorrow",
];

/// The first words of [`CONTEXT_PHRASES`].
const CONTEXT_FIRST: &[&str] =
    &["for", "in", "over", "decades", "years", "long", "longstanding", "recently", "historically"];

#[cfg(test)]
fn is_starter(w: &str) -> bool {
    word_tags(word_key(w.as_bytes())) & STARTER != 0
}

// ---------------------------------------------------------------------------
// Resolution helpers
// ---------------------------------------------------------------------------

/// Which way an incomplete date is completed, relative to publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    /// The nearest such date on or before publication (past tense).
    OnOrBefore,
    /// Strictly before (`last Friday`).
    Before,
    /// The nearest on or after publication (future tense).
    OnOrAfter,
    /// Strictly after (`next Tuesday`).
    After,
}

/// The units of `two days after`, `a week later`…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    // `Duration::days` panics on overflow: keep the count sane first.
    if n.abs() > 4_000_000 {
        return None;
    }
    d.checked_add(Duration::days(n))
}

fn shift_month(year: i32, month: Month, n: i64) -> Option<(i32, Month)> {
    let total = i64::from(year).checked_mul(12)?.checked_add(i64::from(u8::from(month)) - 1)?.checked_add(n)?;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    Some((y, Month::try_from(m).ok()?))
}

/// `base` moved by `n` units; coarser than the base's precision only.
fn shift(base: DateValue, n: i64, unit: Unit) -> Option<DateValue> {
    let years = |y: i32| i32::try_from(n).ok().and_then(|n| y.checked_add(n));
    match (base, unit) {
        (DateValue::Day(d), Unit::Day) => add_days(d, n).map(DateValue::Day),
        (DateValue::Day(d), Unit::Week) => add_days(d, n.checked_mul(7)?).map(DateValue::Day),
        (DateValue::Day(d), Unit::Month) => {
            shift_month(d.year(), d.month(), n).map(|(year, month)| DateValue::Month { year, month })
        }
        (DateValue::Day(d), Unit::Year) => years(d.year()).map(DateValue::Year),
        (DateValue::Month { year, month }, Unit::Month) => {
            shift_month(year, month, n).map(|(year, month)| DateValue::Month { year, month })
        }
        (DateValue::Month { year, month }, Unit::Year) => years(year).map(|year| DateValue::Month { year, month }),
        (DateValue::Year(y), Unit::Year) => years(y).map(DateValue::Year),
        _ => None,
    }
}

fn lean_of(future: bool) -> Lean {
    if future {
        Lean::OnOrAfter
    } else {
        Lean::OnOrBefore
    }
}

/// The `month`/`day` nearest to `published` in the direction of `lean`.
fn infer_day(published: Date, month: Month, day: u8, lean: Lean) -> Option<Date> {
    let y = published.year();
    // A wide window so that 29 February still finds its leap year.
    let candidates = (y - 8..=y + 8).filter_map(|y| Date::from_calendar_date(y, month, day).ok());
    match lean {
        Lean::OnOrBefore => candidates.filter(|c| *c <= published).max(),
        Lean::Before => candidates.filter(|c| *c < published).max(),
        Lean::OnOrAfter => candidates.filter(|c| *c >= published).min(),
        Lean::After => candidates.filter(|c| *c > published).min(),
    }
}

/// The year of the `month` nearest to `published` in the direction of `lean`.
fn infer_month(published: Date, month: Month, lean: Lean) -> DateValue {
    let (py, pm, m) = (published.year(), u8::from(published.month()), u8::from(month));
    let year = match lean {
        Lean::OnOrBefore if m <= pm => py,
        Lean::Before if m < pm => py,
        Lean::OnOrBefore | Lean::Before => py - 1,
        Lean::OnOrAfter if m >= pm => py,
        Lean::After if m > pm => py,
        Lean::OnOrAfter | Lean::After => py + 1,
    };
    DateValue::Month { year, month }
}

/// The `weekday` nearest to `published` in the direction of `lean`.
fn infer_weekday(published: Date, weekday: Weekday, lean: Lean) -> Option<Date> {
    let p = i64::from(published.weekday().number_days_from_monday());
    let w = i64::from(weekday.number_days_from_monday());
    let back = (p - w).rem_euclid(7);
    let fwd = (w - p).rem_euclid(7);
    match lean {
        Lean::OnOrBefore => add_days(published, -back),
        Lean::Before => add_days(published, -(if back == 0 { 7 } else { back })),
        Lean::OnOrAfter => add_days(published, fwd),
        Lean::After => add_days(published, if fwd == 0 { 7 } else { fwd }),
    }
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

/// [`text::tokens`], shielded from a panic it has on a multi-byte capital
/// letter directly before a period (`É.`): it slices the text one byte
/// before the letter. Each such letter is replaced, for tokenising only, by
/// as many ASCII capitals as it has bytes, so that every token keeps its
/// byte span, its kind and its spacing (an alphanumeric run stays one run).
fn safe_tokens(text: &str) -> Vec<Token> {
    let risky = |(c, next): (char, Option<char>)| c.len_utf8() > 1 && c.is_uppercase() && next == Some('.');
    let pairs = || text.chars().zip(text.chars().skip(1).map(Some).chain(std::iter::once(None)));
    // The same test as `pairs().any(risky)`, without decoding every character:
    // only a period right after a non-ASCII byte can follow such a letter.
    let bytes = text.as_bytes();
    let any_risky = (1..bytes.len()).any(|j| {
        bytes[j] == b'.'
            && bytes[j - 1] >= 0x80
            && text[..j].chars().next_back().is_some_and(|c| risky((c, Some('.'))))
    });
    if !any_risky {
        return text::tokens(text);
    }
    let mut masked = String::with_capacity(text.len());
    for (c, next) in pairs() {
        if risky((c, next)) {
            masked.extend(std::iter::repeat_n('X', c.len_utf8()));
        } else {
            masked.push(c);
        }
    }
    text::tokens(&masked)
}

// ---------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------

/// One match: the tokens it took and what it means.
#[derive(Clone, Copy, Debug)]
struct Found {
    span: Span,
    /// The token to go on scanning from.
    next: usize,
    value: DateValue,
    relative: bool,
    event: Option<Span>,
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
        };
        scanner.tags = (0..scanner.toks.len())
            .map(|k| {
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
            })
            .collect();
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

    fn run(mut self) -> DateFindings {
        let mut out = DateFindings::default();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            if let Some(end) = self.context_at(i) {
                out.context.push(ContextMention { span: self.span(i, end) });
                i = end;
                continue;
            }
            let Some(found) = self.anchored_at(i).or_else(|| self.date_at(i)) else {
                i += 1;
                continue;
            };
            if let DateValue::Day(d) = found.value {
                self.reference = Some(d);
            }
            out.dates.push(DateMention {
                span: found.span,
                value: found.value,
                relative: found.relative,
                event: found.event,
            });
            i = found.next.max(i + 1);
        }
        out
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
                &["to", "expected", "due", "set", "scheduled", "slated", "poised", "going", "planning", "preparing"],
            ),
            "plans" | "plan" | "intends" | "aims" => self.is_word(k + 1, "to"),
            _ => false,
        }
    }

    // -- vague periods ------------------------------------------------------

    /// The end of a vague-period phrase starting at token `i`.
    fn context_at(&self, i: usize) -> Option<usize> {
        if self.tags.get(i).copied().unwrap_or(0) & CONTEXT == 0 {
            return None;
        }
        CONTEXT_PHRASES.iter().find_map(|phrase| {
            let ok = phrase.iter().enumerate().all(|(k, w)| {
                let t = i + k;
                self.text_of(t).is_some_and(|x| x.eq_ignore_ascii_case(w))
                    && (k == 0 || self.same_sentence(i, t))
                    && (*w != "-" && (k == 0 || phrase[k - 1] != "-") || self.attached(t))
            });
            ok.then_some(i + phrase.len())
        })
    }

    // -- names and numbers --------------------------------------------------

    /// A capitalised month name at `i`: the month, the token after it (past
    /// an abbreviation's period), and whether the name was written in full.
    fn month_name_at(&self, i: usize) -> Option<(Month, usize, bool)> {
        let w = self.word(i)?;
        if !self.capitalised(i) {
            return None;
        }
        if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)) {
            return Some((m, i + 1, true));
        }
        let &(_, m) = MONTH_ABBREVIATIONS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n))?;
        let next = if self.is_punct(i + 1, ".") && self.attached(i + 1) { i + 2 } else { i + 1 };
        Some((m, next, false))
    }

    /// A capitalised weekday name at `i`.
    fn weekday_at(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        if !self.capitalised(i) {
            return None;
        }
        WEEKDAYS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|&(_, d)| d)
    }

    fn day_at(&self, i: usize) -> Option<u8> {
        self.toks.get(i).filter(|t| matches!(t.kind, TokenKind::Number | TokenKind::Word))?;
        parse_day(self.text_of(i)?)
    }

    /// A four-digit number at `i` usable as the year of a written-out date.
    fn date_year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?;
        let y = four_digits(t.span().of(self.text)).filter(|y| (1000..=2999).contains(y))?;
        (!self.is_one_of(i + 1, MEASURES)).then_some(y)
    }

    /// Does the number at `i` count things (`2000 people`) rather than name a year?
    fn counts_things(&self, i: usize) -> bool {
        if self.is_one_of(i + 1, MEASURES) {
            return true;
        }
        let prev = i.checked_sub(1);
        if prev.is_some_and(|p| self.is_one_of(p, YEAR_PREPOSITIONS)) {
            return false;
        }
        let Some(next) = self.word(i + 1).filter(|_| !self.capitalised(i + 1)) else { return false };
        if COUNT_NOUNS.iter().any(|n| next.eq_ignore_ascii_case(n)) {
            return true;
        }
        let plural = next.len() > 2 && next.ends_with('s') && !next.ends_with("ss");
        let determined = prev.is_some_and(|p| {
            self.is_one_of(p, YEAR_DETERMINERS) || self.toks.get(p).is_some_and(|t| t.kind == TokenKind::Possessive)
        });
        plural && !determined
    }

    /// A count at `i` (`two`, `a`, `3`): its value and the next token.
    fn count_at(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.toks.get(i)?;
        let s = t.span().of(self.text);
        let n = match t.kind {
            TokenKind::Number if s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok()?,
            TokenKind::Word => NUMBER_WORDS.iter().find(|(w, _)| s.eq_ignore_ascii_case(w))?.1,
            _ => return None,
        };
        Some((n, i + 1))
    }

    fn unit_at(&self, i: usize) -> Option<Unit> {
        let w = Lower::of(self.word(i)?);
        match w.as_str() {
            "day" | "days" => Some(Unit::Day),
            "week" | "weeks" => Some(Unit::Week),
            "month" | "months" => Some(Unit::Month),
            "year" | "years" => Some(Unit::Year),
            _ => None,
        }
    }

    // -- dates --------------------------------------------------------------

    /// A date expression (not an anchored relative) starting at token `i`.
    fn date_at(&self, i: usize) -> Option<Found> {
        self.weekday_and_date_at(i)
            .or_else(|| self.iso_at(i))
            .or_else(|| self.modified_month_at(i))
            .or_else(|| self.month_first_at(i, self.month_cue_before(i)))
            .or_else(|| self.day_first_at(i))
            .or_else(|| self.weekday_alone_at(i))
            .or_else(|| self.relative_word_at(i))
            .or_else(|| self.decade_at(i))
            .or_else(|| self.year_at(i))
    }

    /// `Tuesday, May 6, 2025`, `Sunday, 4 May`.
    fn weekday_and_date_at(&self, i: usize) -> Option<Found> {
        self.weekday_at(i)?;
        let k = if self.is_punct(i + 1, ",") { i + 2 } else { i + 1 };
        if !self.same_sentence(i, k) {
            return None;
        }
        let date = self.month_first_at(k, false).or_else(|| self.day_first_at(k))?;
        matches!(date.value, DateValue::Day(_)).then_some(Found { span: self.span(i, date.next), ..date })
    }

    /// `2025-05-06`, also at the start of `2025-05-06T10:00:00Z`.
    fn iso_at(&self, i: usize) -> Option<Found> {
        let y = four_digits(self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?.span().of(self.text))?;
        let two_digits = |k: usize| {
            self.toks.get(k).filter(|t| t.kind == TokenKind::Number && !t.space_before).and_then(|t| {
                let s = t.span().of(self.text);
                (s.len() <= 2).then(|| s.parse::<u8>().ok()).flatten()
            })
        };
        if !(self.is_punct(i + 1, "-") && self.attached(i + 1) && self.is_punct(i + 3, "-") && self.attached(i + 3)) {
            return None;
        }
        let m = two_digits(i + 2)?;
        let last = self.toks.get(i + 4).filter(|t| !t.space_before)?;
        let s = last.span().of(self.text).as_bytes();
        let (d, end) = match last.kind {
            TokenKind::Number if s.len() <= 2 => (two_digits(i + 4)?, last.span().end),
            // 2025-05-06T10:00
            TokenKind::Word
                if s.len() >= 3 && s[0].is_ascii_digit() && s[1].is_ascii_digit() && matches!(s[2], b'T' | b't') =>
            {
                ((s[0] - b'0') * 10 + (s[1] - b'0'), last.span().start + 2)
            }
            _ => return None,
        };
        let date = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
        let start = self.toks.get(i)?.span().start;
        Some(Found {
            span: Span::new(start, end),
            next: i + 5,
            value: DateValue::Day(date),
            relative: false,
            event: None,
        })
    }

    /// Is the month name at `i` introduced as a month (`in May`, `since March`)?
    fn month_cue_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|&p| self.same_sentence(p, i)) else { return false };
        self.is_one_of(p, MONTH_CUES)
            || self.is_word(p, "of") && p.checked_sub(1).is_some_and(|q| self.is_one_of(q, MONTH_PARTS))
    }

    /// `May 6, 2025`, `Jan. 5`, `May 2025`, and — when `bare` — `May` alone.
    fn month_first_at(&self, i: usize, bare: bool) -> Option<Found> {
        let (month, j, full) = self.month_name_at(i)?;
        if let Some(day) = self.day_at(j).filter(|_| self.same_sentence(i, j)) {
            let k = if self.is_punct(j + 1, ",") { j + 2 } else { j + 1 };
            if let Some(year) = self.date_year_at(k).filter(|_| self.same_sentence(i, k)) {
                let date = Date::from_calendar_date(year, month, day).ok()?;
                return Some(self.absolute(i, k + 1, DateValue::Day(date)));
            }
            let date = infer_day(self.published?, month, day, lean_of(self.is_future(i)))?;
            return Some(self.computed(i, j + 1, DateValue::Day(date)));
        }
        if let Some(year) = self.date_year_at(j).filter(|_| self.same_sentence(i, j)) {
            return Some(self.absolute(i, j + 1, DateValue::Month { year, month }));
        }
        // A bare month name: only in full, and not as part of a name (`May’s
        // government`, `April Smith`).
        let name_follows = self.capitalised(j) && self.same_sentence(i, j)
            || self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive);
        if bare && full && j == i + 1 && !name_follows {
            let value = infer_month(self.published?, month, lean_of(self.is_future(i)));
            return Some(self.computed(i, j, value));
        }
        None
    }

    /// `6 May 2025`, `22 April`, `6th of May`.
    fn day_first_at(&self, i: usize) -> Option<Found> {
        let day = self.day_at(i)?;
        let m = if self.is_word(i + 1, "of") { i + 2 } else { i + 1 };
        if !self.same_sentence(i, m) {
            return None;
        }
        let (month, j, _) = self.month_name_at(m)?;
        let k = if self.is_punct(j, ",") { j + 1 } else { j };
        if let Some(year) = self.date_year_at(k).filter(|_| self.same_sentence(i, k)) {
            let date = Date::from_calendar_date(year, month, day).ok()?;
            return Some(self.absolute(i, k + 1, DateValue::Day(date)));
        }
        let date = infer_day(self.published?, month, day, lean_of(self.is_future(i)))?;
        Some(self.computed(i, j, DateValue::Day(date)))
    }

    /// `early May`, `mid-May`, `late March 2020`, `last May`, `next April`.
    fn modified_month_at(&self, i: usize) -> Option<Found> {
        let w = Lower::of(self.word(i)?);
        let j = match w.as_str() {
            "mid" if self.is_punct(i + 1, "-") && self.attached(i + 1) && self.attached(i + 2) => i + 2,
            "early" | "late" | "mid" | "last" | "next" => i + 1,
            _ => return None,
        };
        if !self.same_sentence(i, j) {
            return None;
        }
        if matches!(w.as_str(), "last" | "next") {
            let (month, after, full) = self.month_name_at(j)?;
            if !full || self.day_at(after).is_some() || self.date_year_at(after).is_some() {
                return None;
            }
            let lean = if w.as_str() == "last" { Lean::Before } else { Lean::After };
            return Some(self.computed(i, after, infer_month(self.published?, month, lean)));
        }
        let found = self.month_first_at(j, true)?;
        Some(Found { span: self.span(i, found.next), ..found })
    }

    /// `Sunday`, `last Friday`, `this Monday`, `next Tuesday`.
    fn weekday_alone_at(&self, i: usize) -> Option<Found> {
        let (lean, j) = if self.is_word(i, "last") {
            (Some(Lean::Before), i + 1)
        } else if self.is_word(i, "next") {
            (Some(Lean::After), i + 1)
        } else if self.is_word(i, "this") {
            (None, i + 1)
        } else {
            (None, i)
        };
        if !self.same_sentence(i, j) {
            return None;
        }
        let weekday = self.weekday_at(j)?;
        // `Sunday Times`, `Bloody Sunday`: a name, not a day.
        if j == i {
            let introduced = i.checked_sub(1).is_some_and(|p| {
                self.is_one_of(p, &["on", "by", "since", "until", "from", "before", "after", "that", "every"])
            });
            let name_follows = self.capitalised(i + 1)
                && self.same_sentence(i, i + 1)
                && self.month_name_at(i + 1).is_none()
                && self.weekday_at(i + 1).is_none();
            let name_before = i.checked_sub(1).is_some_and(|p| {
                self.capitalised(p) && self.same_sentence(p, i) && !self.is_one_of(p, &["on", "by", "since", "until"])
            }) && self.sentence_start(i) != Some(i - 1);
            if !introduced && (name_follows || name_before) {
                return None;
            }
        }
        let lean = lean.unwrap_or_else(|| lean_of(self.is_future(j)));
        let date = infer_weekday(self.published?, weekday, lean)?;
        Some(self.computed(i, j + 1, DateValue::Day(date)))
    }

    /// The first token of the sentence of token `i`.
    fn sentence_start(&self, i: usize) -> Option<usize> {
        let s = self.sentence.get(i).copied()?;
        let mut k = i;
        while k > 0 && self.sentence.get(k - 1).copied() == Some(s) {
            k -= 1;
        }
        Some(k)
    }

    /// `yesterday`, `today`, `tomorrow`, `last week`, `next month`,
    /// `this year`, `earlier this month`.
    fn relative_word_at(&self, i: usize) -> Option<Found> {
        let w = Lower::of(self.word(i)?);
        let p = self.published?;
        let day = |n: i64, end: usize| add_days(p, n).map(|d| self.computed(i, end, DateValue::Day(d)));
        let this = |unit: Option<Unit>, end: usize| match unit {
            Some(Unit::Month) => Some(self.computed(i, end, DateValue::Month { year: p.year(), month: p.month() })),
            Some(Unit::Year) => Some(self.computed(i, end, DateValue::Year(p.year()))),
            _ => None,
        };
        let unit_after = |k: usize| {
            self.word(k).filter(|u| !u.ends_with('s') && self.same_sentence(i, k)).and_then(|_| self.unit_at(k))
        };
        match w.as_str() {
            "yesterday" => day(-1, i + 1),
            "today" | "tonight" => day(0, i + 1),
            "tomorrow" => day(1, i + 1),
            "last" | "next" => {
                let sign = if w.as_str() == "last" { -1 } else { 1 };
                let unit = unit_after(i + 1)?;
                let value = shift(DateValue::Day(p), sign, unit)?;
                Some(self.computed(i, i + 2, value))
            }
            "this" => this(unit_after(i + 1), i + 2),
            "earlier" | "later" if self.is_word(i + 1, "this") => this(unit_after(i + 2), i + 3),
            _ => None,
        }
    }

    /// `1990s`, `1990’s`, `’90s`.
    fn decade_at(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i)?;
        let s = t.span().of(self.text).as_bytes();
        let decade = |digits: &[u8]| -> Option<i32> {
            let all = digits.iter().all(u8::is_ascii_digit) && digits.last() == Some(&b'0');
            all.then(|| std::str::from_utf8(digits).ok()?.parse::<i32>().ok()).flatten().map(|n| n / 10)
        };
        let is_s = |k: usize| self.word(k).is_some_and(|w| w.eq_ignore_ascii_case("s")) && self.attached(k);
        let (value, end) = match t.kind {
            // 1990s
            TokenKind::Word if s.len() == 5 && matches!(s[4], b's' | b'S') => (decade(&s[..4])?, i + 1),
            // 1990’s
            TokenKind::Number
                if s.len() == 4
                    && self.text_of(i + 1).is_some_and(is_apostrophe)
                    && self.attached(i + 1)
                    && is_s(i + 2) =>
            {
                (decade(s)?, i + 3)
            }
            // ’90s
            TokenKind::Punct if is_apostrophe(t.span().of(self.text)) => {
                let w = self.word(i + 1).filter(|_| self.attached(i + 1))?.as_bytes();
                if w.len() != 3 || !matches!(w[2], b's' | b'S') {
                    return None;
                }
                let d = decade(&w[..2])?;
                (if d < 2 { 200 + d } else { 190 + d }, i + 2)
            }
            _ => return None,
        };
        (100..=299).contains(&value).then(|| self.absolute(i, end, DateValue::Decade(value)))
    }

    /// A bare year, 1800–2100, that is not a count or a measure.
    fn year_at(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?;
        let y = four_digits(t.span().of(self.text)).filter(|y| (1800..=2100).contains(y))?;
        if self.counts_things(i) {
            return None;
        }
        // `$2000`, `#2025`, `No. 2025`.
        let money = i.checked_sub(1).is_some_and(|p| {
            self.is_one_of(p, &["$", "£", "€", "#", "¥", "₹"]) && self.attached(i)
                || self.is_one_of(p, &["no", "number", "page", "room", "flight", "route"])
        });
        // What is left of an invalid ISO date (`2025-13-45`).
        let iso_shaped = self.is_punct(i + 1, "-")
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.toks.get(i + 2).is_some_and(|t| t.kind == TokenKind::Number && t.span().len() <= 2)
            && self.is_punct(i + 3, "-")
            && self.attached(i + 3);
        if money || iso_shaped {
            return None;
        }
        Some(self.absolute(i, i + 1, DateValue::Year(y)))
    }

    fn absolute(&self, i: usize, end: usize, value: DateValue) -> Found {
        Found { span: self.span(i, end), next: end, value, relative: false, event: None }
    }

    fn computed(&self, i: usize, end: usize, value: DateValue) -> Found {
        Found { span: self.span(i, end), next: end, value, relative: true, event: None }
    }

    // -- anchored relatives -------------------------------------------------

    /// `two days after …`, `three days before …`, `a week later`,
    /// `two days ago`, `the next day`, `the previous day`, `the day before`,
    /// `the same day`.
    fn anchored_at(&self, i: usize) -> Option<Found> {
        let reference = self.reference.or(self.published).map(DateValue::Day);
        let (n, unit, j) = if self.is_word(i, "the") {
            let k = i + 1;
            let w = Lower::of(self.word(k)?);
            match w.as_str() {
                // `the following Monday`: the first Monday after the reference day.
                "next" | "following" | "previous" | "preceding" if self.weekday_at(k + 1).is_some() => {
                    let weekday = self.weekday_at(k + 1)?;
                    let lean = if matches!(w.as_str(), "next" | "following") { Lean::After } else { Lean::Before };
                    let date = infer_weekday(self.reference.or(self.published)?, weekday, lean)?;
                    return Some(self.computed(i, k + 2, DateValue::Day(date)));
                }
                "next" | "following" | "previous" | "preceding" | "same" => {
                    let unit = self.unit_at(k + 1).filter(|_| self.same_sentence(i, k + 1))?;
                    let n = match w.as_str() {
                        "next" | "following" => 1,
                        "same" if unit == Unit::Day => 0,
                        "same" => return None,
                        _ => -1,
                    };
                    let value = shift(reference?, n, unit)?;
                    return Some(self.computed(i, k + 2, value));
                }
                _ => (1, self.unit_at(k).filter(|_| !w.as_str().ends_with('s'))?, k + 1),
            }
        } else {
            let (n, k) = self.count_at(i)?;
            (n, self.unit_at(k)?, k + 1)
        };
        if !self.same_sentence(i, j) {
            return None;
        }
        let w = Lower::of(self.word(j)?);
        match w.as_str() {
            "later" => Some(self.computed(i, j + 1, shift(reference?, n, unit)?)),
            "earlier" => Some(self.computed(i, j + 1, shift(reference?, -n, unit)?)),
            "ago" if !self.is_word(i, "the") => {
                Some(self.computed(i, j + 1, shift(DateValue::Day(self.published?), -n, unit)?))
            }
            "after" | "before" => {
                let after = w.as_str() == "after";
                // `two days after May 2`: the date is the anchor.
                if let Some(date) = self.date_at(j + 1).filter(|_| self.same_sentence(j, j + 1)) {
                    let value = shift(date.value, if after { n } else { -n }, unit)?;
                    return Some(self.computed(i, j + 1, value));
                }
                // `two days after his talks with X`: the talks are the event.
                if let Some(event) = self.noun_phrase_at(j + 1) {
                    let value = shift(reference?, if after { -n } else { n }, unit)?;
                    return Some(Found { event: Some(event), ..self.computed(i, j + 1, value) });
                }
                // `… came two days after.`
                Some(self.computed(i, j + 1, shift(reference?, if after { n } else { -n }, unit)?))
            }
            _ => None,
        }
    }

    /// The noun phrase starting at token `k`, up to a comma or other
    /// punctuation, a relative word, `and` + verb, a date, or twelve words.
    fn noun_phrase_at(&self, k: usize) -> Option<Span> {
        let mut kept: Vec<usize> = Vec::new();
        let mut words = 0;
        let mut t = k;
        while let Some(tok) = self.toks.get(t) {
            if !self.same_sentence(k, t) || words >= 12 {
                break;
            }
            let s = tok.span().of(self.text);
            match tok.kind {
                TokenKind::Punct => {
                    if !matches!(s, "-" | "&" | "/" | "'" | "’" | "‘" | "“" | "”" | "\"") {
                        break;
                    }
                    if !kept.is_empty() {
                        kept.push(t);
                    }
                }
                TokenKind::Possessive => kept.push(t),
                TokenKind::Word | TokenKind::Number => {
                    if self.is_one_of(t, PHRASE_STOPS) {
                        break;
                    }
                    let lower = !self.capitalised(t);
                    if self.is_word(t, "and")
                        && self.word(t + 1).is_some_and(|v| {
                            !self.capitalised(t + 1)
                                && (CLAUSE_VERBS.iter().any(|c| v.eq_ignore_ascii_case(c))
                                    || v.len() > 3 && v.ends_with("ed"))
                        })
                    {
                        break;
                    }
                    // `… with X on Friday`: the date is not part of the event.
                    if words > 0
                        && (self.is_one_of(t, DATE_PREPOSITIONS) && self.date_at(t + 1).is_some()
                            || lower && self.date_at(t).is_some())
                    {
                        break;
                    }
                    kept.push(t);
                    words += 1;
                }
            }
            t += 1;
        }
        // No dangling prepositions, articles or punctuation at the end; a
        // closing quote stays only when the phrase opened it.
        while let Some(&last) = kept.last() {
            let tok = self.toks.get(last)?;
            let quote_opened = |open: &[&str], close: &str| {
                let n = |q: &[&str]| kept.iter().filter(|&&k| self.is_one_of(k, q)).count();
                if open.is_empty() {
                    n(&[close]) % 2 == 0
                } else {
                    n(open) > 0
                }
            };
            let keep_quote = match tok.span().of(self.text) {
                "”" => quote_opened(&["“"], "”"),
                "’" => quote_opened(&["‘"], "’"),
                q @ ("\"" | "'") => quote_opened(&[], q),
                _ => false,
            };
            if tok.kind == TokenKind::Punct && !keep_quote || self.is_one_of(last, PHRASE_TRIM) {
                kept.pop();
            } else {
                break;
            }
        }
        let (&first, &last) = (kept.first()?, kept.last()?);
        Some(self.span(first, last + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).expect("month"), d).expect("date")
    }

    /// Published Tuesday, 6 May 2025.
    fn pub_day() -> Option<Date> {
        Some(day(2025, 5, 6))
    }

    fn find(text: &str, published: Option<Date>) -> DateFindings {
        find_dates(text, &text::sentences(text), published)
    }

    /// `(span text, iso, relative)` of every date found.
    fn dates(text: &str, published: Option<Date>) -> Vec<(String, String, bool)> {
        find(text, published).dates.iter().map(|m| (m.span.of(text).to_string(), m.value.iso(), m.relative)).collect()
    }

    #[test]
    fn word_table_finds_every_listed_word_and_nothing_else() {
        for (list, tag) in [(FUTURE_WORDS, FUTURE), (PAST_CUES, PAST), (STARTERS, STARTER), (CONTEXT_FIRST, CONTEXT)] {
            for w in list {
                // A word too long to pack would never be found.
                assert_ne!(word_key(w.as_bytes()), 0, "{w:?} cannot be looked up");
                assert_ne!(word_tags(word_key(w.as_bytes())) & tag, 0, "{w:?}");
                assert_ne!(word_tags(word_key(w.to_uppercase().as_bytes())) & tag, 0, "{w:?} in capitals");
            }
        }
        for w in ["harbour", "kashmir", "minister", "talks", "x", "", "internationalisation"] {
            assert_eq!(word_tags(word_key(w.as_bytes())), 0, "{w:?}");
        }
    }

    fn one(text: &str, published: Option<Date>) -> (String, String, bool) {
        let all = dates(text, published);
        assert_eq!(all.len(), 1, "{text:?} → {all:?}");
        all.into_iter().next().expect("one date")
    }

    fn the(span: &str, iso: &str, relative: bool) -> (String, String, bool) {
        (span.to_string(), iso.to_string(), relative)
    }

    fn contexts(text: &str) -> Vec<String> {
        find(text, pub_day()).context.iter().map(|c| c.span.of(text).to_string()).collect()
    }

    fn check_invariants(text: &str, f: &DateFindings) {
        let spans = f.dates.iter().map(|m| m.span).chain(f.dates.iter().filter_map(|m| m.event));
        for s in spans.chain(f.context.iter().map(|c| c.span)) {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?} outside {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
        }
        for w in f.dates.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "dates overlap or unsorted in {text:?}: {w:?}");
        }
        for w in f.context.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "context overlaps or unsorted in {text:?}: {w:?}");
        }
    }

    const SEED: &str = "Moscow, May 6, 2025 – In a significant diplomatic development, Russia has expressed willingness to mediate between India and Pakistan to resolve escalating tensions over Kashmir, following the April 22 Pahalgam terror attack that claimed 26 lives.
Russian Foreign Minister Sergei Lavrov spoke with Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar on Sunday, offering Russia’s assistance in facilitating a political resolution between the two nuclear-armed neighbors. Lavrov’s conversation with Dar came two days after his discussion with Indian Foreign Minister Subrahmanyam Jaishankar, where he also called for a diplomatic settlement of differences.
Russia has historically maintained strong defense and trade ties with India, being New Delhi’s largest weapons provider for decades. However, Moscow has also strengthened its relations with Pakistan in recent years, particularly in energy and security cooperation.
";

    #[test]
    fn iso_forms_read_back() {
        for iso in ["2025-05-06", "2025-05", "2025", "199"] {
            assert_eq!(DateValue::from_iso(iso).map(|v| v.iso()).as_deref(), Some(iso));
        }
        assert_eq!(DateValue::from_iso("2025-13"), None);
        assert_eq!(DateValue::from_iso("2025-02-30"), None);
    }

    #[test]
    fn seed_paragraph_end_to_end() {
        let f = find(SEED, pub_day());
        check_invariants(SEED, &f);
        let got: Vec<_> = f.dates.iter().map(|m| (m.span.of(SEED), m.value, m.relative)).collect();
        assert_eq!(
            got,
            [
                ("May 6, 2025", DateValue::Day(day(2025, 5, 6)), false),
                ("April 22", DateValue::Day(day(2025, 4, 22)), true),
                ("Sunday", DateValue::Day(day(2025, 5, 4)), true),
                ("two days after", DateValue::Day(day(2025, 5, 2)), true),
            ]
        );
        let event = f.dates[3].event.map(|e| e.of(SEED));
        assert_eq!(event, Some("his discussion with Indian Foreign Minister Subrahmanyam Jaishankar"));
        assert!(f.dates[..3].iter().all(|m| m.event.is_none()));
        let ctx: Vec<_> = f.context.iter().map(|c| c.span.of(SEED)).collect();
        assert_eq!(ctx, ["historically", "for decades", "in recent years"]);
    }

    #[test]
    fn seed_without_publication_date_keeps_only_written_dates() {
        let got = dates(SEED, None);
        // "two days after" is anchored on the last resolved day: the dateline.
        assert_eq!(got, [the("May 6, 2025", "2025-05-06", false), the("two days after", "2025-05-04", true)]);
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(one("It happened on May 6, 2025.", None), the("May 6, 2025", "2025-05-06", false));
        assert_eq!(one("It happened on 6 May 2025.", None), the("6 May 2025", "2025-05-06", false));
        assert_eq!(one("It happened on the 6th of May, 2025.", None), the("6th of May, 2025", "2025-05-06", false));
        assert_eq!(one("Filed 2025-05-06 at noon.", None), the("2025-05-06", "2025-05-06", false));
        assert_eq!(one("Filed 2025-05-06T10:00:00Z.", None), the("2025-05-06", "2025-05-06", false));
        assert_eq!(one("Tuesday, May 6, 2025", None), the("Tuesday, May 6, 2025", "2025-05-06", false));
        assert_eq!(one("Signed Jan. 5, 2020 in Paris.", None), the("Jan. 5, 2020", "2020-01-05", false));
        assert_eq!(one("Born Sept 3 1999.", None), the("Sept 3 1999", "1999-09-03", false));
        assert_eq!(one("Born Sept. 3, 1999.", None), the("Sept. 3, 1999", "1999-09-03", false));
        assert_eq!(one("It opened on March 14th, 2011.", None), the("March 14th, 2011", "2011-03-14", false));
        assert_eq!(one("SEOUL, MAY 6, 2025 – Talks", None), the("MAY 6, 2025", "2025-05-06", false));
    }

    #[test]
    fn months_years_and_decades() {
        assert_eq!(one("Prices rose in May 2025.", None), the("May 2025", "2025-05", false));
        assert_eq!(one("Prices rose in Jan 2020.", None), the("Jan 2020", "2020-01", false));
        assert_eq!(one("The law passed in 2025.", None), the("2025", "2025", false));
        assert_eq!(one("The 2024 elections were close.", None), the("2024", "2024", false));
        assert_eq!(one("India’s 2024 elections were close.", None), the("2024", "2024", false));
        assert_eq!(one("It was built in the 1990s.", None), the("1990s", "199", false));
        assert_eq!(one("It was built in the mid-1990s.", None), the("1990s", "199", false));
        assert_eq!(one("It was built in the ’90s.", None), the("’90s", "199", false));
        assert_eq!(one("It was built in the '00s.", None), the("'00s", "200", false));
        assert_eq!(one("It was built in the 1980's.", None), the("1980's", "198", false));
        let f = find("It was built in the 1990s.", None);
        assert_eq!(f.dates[0].value, DateValue::Decade(199));
        assert_eq!(f.dates[0].value.to_string(), "the 1990s");
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(dates("Some 2,500 troops and 26 lives were lost.", None).is_empty());
        assert!(dates("The attack claimed 26 lives.", pub_day()).is_empty());
        assert!(dates("About 2000 people marched.", pub_day()).is_empty());
        assert!(dates("They seized 1900 rifles and 2050 rounds.", pub_day()).is_empty());
        assert!(dates("It costs $2000 now.", pub_day()).is_empty());
        assert!(dates("Output grew 2000 percent.", pub_day()).is_empty());
        assert!(dates("There were 1999 votes.", pub_day()).is_empty());
        assert!(dates("Route 1500 and 3000 and 12345.", pub_day()).is_empty());
        assert_eq!(one("In 2000 people still wrote letters.", None), the("2000", "2000", false));
    }

    #[test]
    fn lowercase_may_is_a_verb() {
        assert!(dates("Talks may resume soon.", pub_day()).is_empty());
        assert!(dates("Officials may 6 times refuse.", pub_day()).is_empty());
        assert!(dates("May God bless the talks.", pub_day()).is_empty());
        assert!(dates("The March on Washington was long ago.", pub_day()).is_empty());
        assert!(dates("It was sunday and monday.", pub_day()).is_empty());
        assert_eq!(dates("They may meet in 2026.", pub_day()), [the("2026", "2026", false)]);
        // Capital May with a day, a year, a day before it, or a cue.
        assert_eq!(one("They met May 6.", pub_day()), the("May 6", "2025-05-06", true));
        assert_eq!(one("They met 6 May.", pub_day()), the("6 May", "2025-05-06", true));
        assert_eq!(one("They met in May.", pub_day()), the("May", "2025-05", true));
        assert_eq!(one("They met in early May.", pub_day()), the("early May", "2025-05", true));
        assert_eq!(one("They met in late May.", pub_day()), the("late May", "2025-05", true));
        assert_eq!(one("They met in mid-May.", pub_day()), the("mid-May", "2025-05", true));
        assert_eq!(one("They met in late March 2020.", None), the("late March 2020", "2020-03", false));
        // Names are not months.
        assert!(dates("They met in May’s office with April Smith.", pub_day()).is_empty());
        assert!(dates("They met in April Smith's office.", pub_day()).is_empty());
    }

    #[test]
    fn month_and_day_without_year() {
        assert_eq!(one("The April 22 attack", pub_day()), the("April 22", "2025-04-22", true));
        assert_eq!(one("It began on 22 April.", pub_day()), the("22 April", "2025-04-22", true));
        // Past tense: the latest such date on or before publication.
        assert_eq!(one("It began on June 1.", pub_day()), the("June 1", "2024-06-01", true));
        // Future tense: the earliest on or after.
        assert_eq!(one("It will begin on June 1.", pub_day()), the("June 1", "2025-06-01", true));
        assert_eq!(one("It will begin on April 1.", pub_day()), the("April 1", "2026-04-01", true));
        // Year boundary.
        assert_eq!(one("They met on Dec. 30.", Some(day(2025, 1, 3))), the("Dec. 30", "2024-12-30", true));
        assert_eq!(one("They will meet on Jan. 2.", Some(day(2024, 12, 30))), the("Jan. 2", "2025-01-02", true));
        // A leap day finds its leap year.
        assert_eq!(one("It began on Feb. 29.", pub_day()), the("Feb. 29", "2024-02-29", true));
        // Without a publication date there is nothing to complete them with.
        assert!(dates("The April 22 attack, in May, on Sunday, yesterday.", None).is_empty());
        // Impossible days are not dates.
        assert!(dates("On April 31 and Feb 30, 2025.", pub_day()).iter().all(|(_, iso, _)| iso.len() != 10));
    }

    #[test]
    fn bare_months_lean_on_tense() {
        assert_eq!(one("Inflation fell in April.", pub_day()), the("April", "2025-04", true));
        assert_eq!(one("Inflation fell in June.", pub_day()), the("June", "2024-06", true));
        assert_eq!(one("Inflation will fall in June.", pub_day()), the("June", "2025-06", true));
        assert_eq!(one("Inflation will fall in April.", pub_day()), the("April", "2026-04", true));
        assert_eq!(one("Prices have risen since March.", pub_day()), the("March", "2025-03", true));
        assert_eq!(one("Talks stalled last May.", pub_day()), the("last May", "2024-05", true));
        assert_eq!(one("Talks had stalled by June.", pub_day()), the("June", "2024-06", true));
        assert_eq!(one("It will pass by the end of June.", pub_day()), the("June", "2025-06", true));
        assert!(dates("A letter of June and a speech of March.", pub_day()).is_empty());
        assert_eq!(one("Talks resume next April.", pub_day()), the("next April", "2026-04", true));
    }

    #[test]
    fn weekdays() {
        // Published Tuesday 2025-05-06.
        assert_eq!(one("They met on Sunday.", pub_day()), the("Sunday", "2025-05-04", true));
        assert_eq!(one("They will meet on Sunday.", pub_day()), the("Sunday", "2025-05-11", true));
        assert_eq!(one("They met on Tuesday.", pub_day()), the("Tuesday", "2025-05-06", true));
        assert_eq!(one("They will meet on Tuesday.", pub_day()), the("Tuesday", "2025-05-06", true));
        assert_eq!(one("They met last Tuesday.", pub_day()), the("last Tuesday", "2025-04-29", true));
        assert_eq!(one("They met last Friday.", pub_day()), the("last Friday", "2025-05-02", true));
        assert_eq!(one("They meet next Tuesday.", pub_day()), the("next Tuesday", "2025-05-13", true));
        assert_eq!(one("They meet next Friday.", pub_day()), the("next Friday", "2025-05-09", true));
        assert_eq!(one("They met this Monday.", pub_day()), the("this Monday", "2025-05-05", true));
        assert_eq!(one("They are expected to meet this Monday.", pub_day()), the("this Monday", "2025-05-12", true));
        assert_eq!(one("Sunday’s vote was close.", pub_day()), the("Sunday", "2025-05-04", true));
        // The span is the weekday alone, times of day excluded.
        assert_eq!(one("They met on Monday night.", pub_day()), the("Monday", "2025-05-05", true));
        assert_eq!(one("Sunday morning was quiet.", pub_day()), the("Sunday", "2025-05-04", true));
        // Names of days are not dates; lowercase weekdays are not either.
        assert!(dates("The Sunday Times said so.", pub_day()).is_empty());
        assert!(dates("He spoke of Bloody Sunday.", pub_day()).is_empty());
        assert!(dates("It was a sunday.", pub_day()).is_empty());
        // A weekday before a full date is part of it.
        assert_eq!(one("On Sunday, May 4, 2025, they met.", None), the("Sunday, May 4, 2025", "2025-05-04", false));
    }

    #[test]
    fn future_cues() {
        for s in [
            "He will visit on Sunday.",
            "He shall visit on Sunday.",
            "He’ll visit on Sunday.",
            "He is to visit on Sunday.",
            "They are expected to visit on Sunday.",
            "He is scheduled to visit on Sunday.",
            "He is due to visit on Sunday.",
            "She plans to visit on Sunday.",
            "The upcoming visit on Sunday.",
        ] {
            assert_eq!(one(s, pub_day()), the("Sunday", "2025-05-11", true), "{s}");
        }
        // `will` as a noun and `next to` are not future cues.
        assert_eq!(one("He showed political will on Sunday.", pub_day()).1, "2025-05-04");
        assert_eq!(one("He stood next to her on Sunday.", pub_day()).1, "2025-05-04");
        // Tense is per sentence.
        let text = "He will travel. They met on Sunday.";
        assert_eq!(one(text, pub_day()).1, "2025-05-04");
        // In a sentence mixing tenses, each date follows the nearest cue.
        let text = "In March, the president, who took office in January, said he will travel to Beijing in June.";
        let got: Vec<_> = dates(text, pub_day()).into_iter().map(|(_, iso, _)| iso).collect();
        assert_eq!(got, ["2025-03", "2025-01", "2025-06"]);
        assert_eq!(one("He will travel to Beijing, officials said on Monday.", pub_day()).1, "2025-05-05");
        assert_eq!(one("On Sunday, the leaders will meet.", pub_day()).1, "2025-05-11");
        assert_eq!(dates("Trump said on Monday that he would meet Xi next month.", pub_day())[0].1, "2025-05-05");
    }

    #[test]
    fn relative_words() {
        let p = pub_day();
        assert_eq!(one("It rained yesterday.", p), the("yesterday", "2025-05-05", true));
        assert_eq!(one("Today it rains.", p), the("Today", "2025-05-06", true));
        assert_eq!(one("It rains tomorrow.", p), the("tomorrow", "2025-05-07", true));
        assert_eq!(one("It rained last week.", p), the("last week", "2025-04-29", true));
        assert_eq!(one("It rains next week.", p), the("next week", "2025-05-13", true));
        assert_eq!(one("It rained last month.", p), the("last month", "2025-04", true));
        assert_eq!(one("It rains next month.", p), the("next month", "2025-06", true));
        assert_eq!(one("It rained earlier this month.", p), the("earlier this month", "2025-05", true));
        assert_eq!(one("It rained this month.", p), the("this month", "2025-05", true));
        assert_eq!(one("It rained last year.", p), the("last year", "2024", true));
        assert_eq!(one("It rains next year.", p), the("next year", "2026", true));
        assert_eq!(one("It rained this year.", p), the("this year", "2025", true));
        assert_eq!(one("It rained earlier this year.", p), the("earlier this year", "2025", true));
        assert_eq!(one("Last month it rained.", Some(day(2025, 1, 15))), the("Last month", "2024-12", true));
    }

    #[test]
    fn anchored_after_and_before_a_noun_phrase() {
        let text = "They met on Sunday. The meeting came three days before his visit to Delhi, which went well.";
        let f = find(text, pub_day());
        check_invariants(text, &f);
        assert_eq!(f.dates.len(), 2);
        assert_eq!(f.dates[1].span.of(text), "three days before");
        assert_eq!(f.dates[1].value.iso(), "2025-05-07");
        assert_eq!(f.dates[1].event.map(|e| e.of(text)), Some("his visit to Delhi"));

        let text = "They met on Sunday, a week after the talks and called for calm.";
        let f = find(text, pub_day());
        assert_eq!(f.dates[1].span.of(text), "a week after");
        assert_eq!(f.dates[1].value.iso(), "2025-04-27");
        assert_eq!(f.dates[1].event.map(|e| e.of(text)), Some("the talks"));

        // The phrase stops before a date of its own, which is found as usual.
        let text = "Lavrov spoke two days after his talks with Wang on Friday.";
        let f = find(text, pub_day());
        assert_eq!(f.dates[0].event.map(|e| e.of(text)), Some("his talks with Wang"));
        assert_eq!(f.dates[1].span.of(text), "Friday");

        // At most twelve words.
        let text = "It came two days after one two three four five six seven eight nine ten eleven twelve thirteen.";
        let f = find(text, pub_day());
        let event = f.dates[0].event.map(|e| e.of(text)).unwrap_or_default();
        assert_eq!(event.split_whitespace().count(), 12);
    }

    #[test]
    fn anchored_on_a_date() {
        let text = "The strike came two days after May 2.";
        let f = find(text, pub_day());
        check_invariants(text, &f);
        let got: Vec<_> = f.dates.iter().map(|m| (m.span.of(text), m.value.iso(), m.relative, m.event)).collect();
        assert_eq!(
            got,
            [("two days after", "2025-05-04".into(), true, None), ("May 2", "2025-05-02".into(), true, None)]
        );

        let text = "The strike came three days before May 2, 2025.";
        let got = dates(text, None);
        assert_eq!(got, [the("three days before", "2025-04-29", true), the("May 2, 2025", "2025-05-02", false)]);

        let text = "It ended two months after May 2025.";
        assert_eq!(dates(text, None)[0], the("two months after", "2025-07", true));
        let text = "It ended the day before yesterday.";
        assert_eq!(dates(text, pub_day())[0], the("the day before", "2025-05-04", true));
    }

    #[test]
    fn later_earlier_next_previous() {
        let p = pub_day();
        let cases = [
            ("They met on May 1. A week later they met again.", "A week later", "2025-05-08"),
            ("They met on May 1. Two days later they met again.", "Two days later", "2025-05-03"),
            ("They met on May 1. 3 days later they met again.", "3 days later", "2025-05-04"),
            ("They met on May 1. Three days earlier they had fought.", "Three days earlier", "2025-04-28"),
            ("They met on May 1. The next day they met again.", "The next day", "2025-05-02"),
            ("They met on May 1, and again the following day.", "the following day", "2025-05-02"),
            ("They met on May 1. They had fought the day before.", "the day before", "2025-04-30"),
            ("They met on May 1. They had fought the previous day.", "the previous day", "2025-04-30"),
            ("They met on May 1. They fought the same day.", "the same day", "2025-05-01"),
            ("They met on May 1. A month later they met again.", "A month later", "2025-06"),
            ("They met on May 1, 2020. Two years later they met again.", "Two years later", "2022"),
        ];
        for (text, span, iso) in cases {
            let got = dates(text, p);
            assert_eq!(got.get(1), Some(&the(span, iso, true)), "{text} → {got:?}");
        }
        let text = "The truce, agreed on Saturday, held until the following Monday.";
        assert_eq!(dates(text, p)[1], the("the following Monday", "2025-05-05", true));
        let text = "They met on May 1. They had spoken the previous Monday.";
        assert_eq!(dates(text, p)[1], the("the previous Monday", "2025-04-28", true));
        // Without an earlier day, the publication date is the reference.
        assert_eq!(one("The next day, they left.", p), the("The next day", "2025-05-07", true));
        // `ago` counts from publication, not from the reference.
        let got = dates("They met on May 1. That was two days ago.", p);
        assert_eq!(got[1], the("two days ago", "2025-05-04", true));
        // Not exact: not a date.
        assert!(dates("A few days later they left. One day they will return.", p).is_empty());
    }

    #[test]
    fn context_phrases() {
        let text = "For decades, and for years, and for months, it was tense in recent years and in recent months \
                    and in recent weeks; recently, for centuries, in the past, historically, a long-standing feud \
                    grew over the years.";
        assert_eq!(
            contexts(text),
            [
                "For decades",
                "for years",
                "for months",
                "in recent years",
                "in recent months",
                "in recent weeks",
                "recently",
                "for centuries",
                "in the past",
                "historically",
                "long-standing",
                "over the years"
            ]
        );
        assert!(dates(text, pub_day()).is_empty());
        assert!(contexts("a long - standing feud").is_empty());
    }

    #[test]
    fn starters_cover_every_recogniser() {
        for p in CONTEXT_PHRASES {
            assert!(is_starter(p[0]), "{}", p[0]);
        }
        for w in MONTHS.iter().chain(MONTH_ABBREVIATIONS.iter()).map(|(w, _)| *w) {
            assert!(is_starter(w), "{w}");
        }
        for w in WEEKDAYS.iter().map(|(w, _)| *w).chain(NUMBER_WORDS.iter().map(|(w, _)| *w)) {
            assert!(is_starter(w), "{w}");
        }
        assert!(!is_starter("said") && !is_starter("minister"));
    }

    #[test]
    fn value_forms() {
        let d = DateValue::Day(day(2025, 5, 6));
        let m = DateValue::Month { year: 2025, month: Month::May };
        assert_eq!((d.iso(), d.to_string(), d.sort_key()), ("2025-05-06".into(), "6 May 2025".into(), (2025, 5, 6)));
        assert_eq!((m.iso(), m.to_string(), m.sort_key()), ("2025-05".into(), "May 2025".into(), (2025, 5, 1)));
        let y = DateValue::Year(2025);
        assert_eq!((y.iso(), y.to_string(), y.sort_key()), ("2025".into(), "2025".into(), (2025, 1, 1)));
        let dec = DateValue::Decade(199);
        assert_eq!((dec.iso(), dec.to_string(), dec.sort_key()), ("199".into(), "the 1990s".into(), (1990, 1, 1)));
        assert!(dec.sort_key() < y.sort_key() && y.sort_key() < m.sort_key() && m.sort_key() < d.sort_key());
        assert_eq!(weekday_name(day(2025, 5, 6)), "Tuesday");
        assert_eq!(month_name(Month::September), "September");
        let mention = DateMention { span: Span::new(0, 3), value: d, relative: false, event: None };
        assert_eq!(mention.clone(), mention);
    }

    #[test]
    fn parse_date_phrase_forms() {
        let may6 = Some(day(2025, 5, 6));
        for s in
            ["May 6, 2025", "6 May 2025", "2025-05-06", "Tuesday, May 6, 2025", " May 6, 2025 ", "2025-05-06T08:00Z"]
        {
            assert_eq!(parse_date_phrase(s), may6, "{s}");
        }
        assert_eq!(parse_date_phrase("Jan. 5, 2020"), Some(day(2020, 1, 5)));
        assert_eq!(parse_date_phrase("Sept 3 1999"), Some(day(1999, 9, 3)));
        assert_eq!(parse_date_phrase("Updated 6 May 2025, 10:04 GMT"), may6);
        for s in ["", "May", "May 2025", "2025", "May 6", "Sunday", "2025-13-45", "Feb 30, 2025", "yesterday"] {
            assert_eq!(parse_date_phrase(s), None, "{s}");
        }
    }

    #[test]
    fn awkward_input_does_not_panic() {
        let awkward = [
            "",
            " ",
            "...",
            "!?;:,.-–—",
            "’–—é中",
            "May",
            "May.",
            "May,",
            "Sunday",
            "last",
            "two days after",
            "two days after,",
            "the",
            "the next",
            "2025-13-45",
            "2025-05-",
            "2025-",
            "-2025",
            "'",
            "’90",
            "’s",
            "1990’",
            "99999999999999999999 days later",
            "9999 weeks later",
            "9999 years ago",
            "Dec. 31, 9999. The next day.",
            "Jan. 1, 1000. The previous day. 9999 days earlier.",
            "é May 6, 2025 中 – Sunday",
            "中文 2025 年",
            "May 6,2025",
            "6th",
            "31st of",
            "\n\n\nMay\n6\n2025\n",
            "mid-",
            "early",
            "Feb. 29",
        ];
        for (k, s) in awkward.iter().enumerate() {
            for published in [None, pub_day(), Some(day(-9999, 1, 1)), Some(day(9999, 12, 31))] {
                let f = find(s, published);
                check_invariants(s, &f);
                // Also with sentence spans that do not fit the text.
                let _ = find_dates(s, &[Span::new(5, 2), Span::new(0, 1000)], published);
                let _ = find_dates(s, &[], published);
            }
            let _ = parse_date_phrase(s);
            let _ = k;
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries_with_multibyte_text() {
        let text = "Café owners in Zürich said on Sunday – “two days after the vote” – that in recent years prices rose. 中 2025 中";
        let f = find(text, pub_day());
        check_invariants(text, &f);
        let got: Vec<_> = f.dates.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(got, ["Sunday", "two days after", "2025"]);
        assert_eq!(f.dates[1].event.map(|e| e.of(text)), Some("the vote"));
    }

    #[test]
    fn capital_initials_with_accents_are_safe() {
        // `text::tokens` alone panics on a multi-byte capital before a period;
        // the shield only differs in leaving that period a token of its own.
        let text = "É. Macron and Ö. Pamuk met on Sunday. ϒ.";
        let f = find(text, pub_day());
        check_invariants(text, &f);
        assert_eq!(f.dates.iter().map(|m| m.span.of(text)).collect::<Vec<_>>(), ["Sunday"]);
        let plain = "E. Macron and O. Pamuk met on Sunday.";
        assert_eq!(safe_tokens(plain), text::tokens(plain));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_gives_sound_findings(s in "\\PC{0,120}") {
                let f = find(&s, pub_day());
                check_invariants(&s, &f);
                let _ = parse_date_phrase(&s);
            }

            #[test]
            fn date_like_text_gives_sound_findings(
                words in proptest::collection::vec(
                    prop_oneof![
                        Just("May"), Just("may"), Just("6"), Just(","), Just("2025"), Just("-"), Just("Sunday"),
                        Just("two"), Just("days"), Just("after"), Just("before"), Just("later"), Just("the"),
                        Just("next"), Just("day"), Just("."), Just("’"), Just("90s"), Just("1990s"), Just("in"),
                        Just("will"), Just("last"), Just("week"), Just("for"), Just("decades"), Just("中"),
                        Just("Dec."), Just("31"), Just("9999"), Just("ago"), Just("mid"), Just("of"),
                    ],
                    0..30,
                ),
                glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\n")], 30),
            ) {
                let mut s = String::new();
                for (w, g) in words.iter().zip(glue.iter()) {
                    s.push_str(w);
                    s.push_str(g);
                }
                for published in [None, pub_day()] {
                    let f = find(&s, published);
                    check_invariants(&s, &f);
                }
            }
        }
    }
}
