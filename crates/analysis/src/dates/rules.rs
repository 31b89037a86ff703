//! The registry of date rules: one entry per form of date expression, in
//! order of priority (at each token the first rule that matches and
//! resolves wins). Each rule names the words its expressions start with
//! (the scanner's starting words are built from them), recognises its form
//! and returns an unresolved value ([`Raw`]), and carries examples of what
//! it finds and of what it must leave alone, run as tests.
//!
//! The examples are read as published on Tuesday, 6 May 2025; a positive
//! example is `(text, "span = iso")`, a vague period's iso being `-`.

use time::{Date, Month, Weekday};

use super::resolve::{Anchor, Holiday, Lean, Raw, Unit, Which};
use super::words::*;
use super::{four_digits, is_apostrophe, parse_day, DateValue, Found, Scanner, Season};
use crate::calendar;
use crate::span::Span;
use crate::text::TokenKind;

/// Where the words of a rule's triggers come from.
pub(super) enum Words {
    List(&'static [&'static str]),
    Months,
    MonthAbbreviations,
    Weekdays,
    Numbers,
    /// The first words of [`CONTEXT_PHRASES`].
    ContextFirst,
}

/// The tokens an expression of a rule can start with.
pub(super) struct Triggers {
    pub words: &'static [Words],
    /// A number (`2025`, `22`, `2,500`).
    pub numbers: bool,
    /// A word starting with a digit (`22nd`, `1990s`).
    pub digit_words: bool,
    /// An apostrophe (`’90s`).
    pub apostrophe: bool,
}

impl Triggers {
    const fn words(words: &'static [Words]) -> Triggers {
        Triggers { words, numbers: false, digit_words: false, apostrophe: false }
    }

    /// Calls `f` on each trigger word, in lower case.
    pub(super) fn each_word(&self, f: &mut dyn FnMut(&str)) {
        for source in self.words {
            match source {
                Words::List(list) => list.iter().for_each(|w| f(w)),
                Words::Months => calendar::MONTHS.iter().for_each(|(w, _)| f(w)),
                Words::MonthAbbreviations => calendar::MONTH_ABBREVIATIONS.iter().for_each(|(w, _)| f(w)),
                Words::Weekdays => calendar::WEEKDAYS.iter().for_each(|(w, _)| f(w)),
                Words::Numbers => calendar::NUMBER_WORDS.iter().for_each(|(w, _)| f(w)),
                Words::ContextFirst => CONTEXT_PHRASES.iter().for_each(|p| f(p[0])),
            }
        }
    }
}

/// One form of date expression.
pub(super) struct Rule {
    pub name: &'static str,
    pub triggers: Triggers,
    /// The match at a token, its value unresolved.
    pub recognise: fn(&Scanner<'_>, usize) -> Option<Found>,
    /// Texts and what the rule finds in them: `"span = iso"`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [(&'static str, &'static str)],
    /// Texts in which the rule finds nothing.
    #[cfg_attr(not(test), allow(dead_code))]
    pub negatives: &'static [&'static str],
}

impl Rule {
    /// The rule's bit in the word table: `1 << its place in` [`RULES`].
    pub(super) fn bit(&self) -> u32 {
        let k = RULES.iter().position(|r| std::ptr::eq(r, self)).unwrap_or(31);
        1 << k
    }
}

/// The rules that find dates other than anchored relatives, as
/// [`Scanner::date_at`] looks for them (in registry order).
pub(super) fn date_rules() -> &'static [Rule] {
    &RULES[FIRST_DATE_RULE..]
}

const FIRST_DATE_RULE: usize = 2;

/// The registry, in order of priority.
pub(super) static RULES: [Rule; 16] = [
    Rule {
        name: "vague period",
        triggers: Triggers::words(&[Words::ContextFirst]),
        recognise: |s, i| s.context_at(i).map(|end| Found { span: s.span(i, end), next: end, raw: Raw::Vague }),
        examples: &[
            ("Prices have risen for decades.", "for decades = -"),
            ("It grew in recent years.", "in recent years = -"),
            ("a long-standing feud", "long-standing = -"),
            ("He recently left.", "recently = -"),
        ],
        negatives: &["a long - standing feud", "for the decade ahead"],
    },
    Rule {
        name: "anchored relative",
        triggers: Triggers {
            words: &[Words::List(&["the"]), Words::Numbers],
            numbers: true,
            digit_words: false,
            apostrophe: false,
        },
        recognise: |s, i| s.anchored_at(i),
        examples: &[
            ("They met on May 1. Two days later they met again.", "Two days later = 2025-05-03"),
            ("They met on May 1. The next day they left.", "The next day = 2025-05-02"),
            ("The strike came two days after May 2.", "two days after = 2025-05-04"),
            ("They met two days after the talks.", "two days after = 2025-05-04"),
            ("That was three weeks ago.", "three weeks ago = 2025-04-15"),
            ("The truce held until the following Monday.", "the following Monday = 2025-05-12"),
            ("They won on May 2. Fans hoped to repeat the win of the night before.", "the night before = 2025-05-01"),
            ("They won on May 2. The loss of the day before was forgotten.", "the day before = 2025-05-01"),
            // A shift by years from a year told counts from that year.
            ("The mill closed in 1990. Its owner had bought it four years earlier.", "four years earlier = 1986"),
            // The happening of the last day told, told again: its date.
            ("The club was founded on May 2, 1950. It was founded two years before the league began.", "two years before = 1950"),
            // A happening told and dated before: counted from its date.
            ("A storm struck the coast last month. The flood came a month after the storm.", "a month after = 2025-05"),
            ("A storm struck last month. Rain fell on May 4. A flood came a month after the storm.", "a month after = 2025-05-04"),
            // Not told again, not dated before: the happening the phrase
            // names is dated, from the reference day.
            ("The decision came a day after the bank held its rates.", "a day after = 2025-05-05"),
            ("The club was founded on May 2, 1950. It won a cup two years before the league began.", "two years before = 1952"),
        ],
        negatives: &[
            "A few days later they left.",
            "One day they will return.",
            "the day was long",
            "He will be on probation for three years after he leaves prison.",
            "They stayed for two weeks after the storm.",
            "Fires burned into the night after the quake.",
        ],
    },
    Rule {
        name: "weekday and date",
        triggers: Triggers::words(&[Words::Weekdays]),
        recognise: |s, i| s.weekday_and_date_at(i),
        examples: &[
            ("Tuesday, May 6, 2025", "Tuesday, May 6, 2025 = 2025-05-06"),
            ("On Sunday, 4 May they met.", "Sunday, 4 May = 2025-05-04"),
        ],
        negatives: &["On Sunday, May 2025 was over."],
    },
    Rule {
        name: "ISO date",
        triggers: Triggers { words: &[], numbers: true, digit_words: false, apostrophe: false },
        recognise: |s, i| s.iso_at(i),
        examples: &[("Filed 2025-05-06 at noon.", "2025-05-06 = 2025-05-06"), ("At 2025-05-06T10:00Z.", "2025-05-06 = 2025-05-06")],
        negatives: &["Filed 2025-13-45.", "Call 2025-05."],
    },
    Rule {
        name: "holiday",
        triggers: Triggers::words(&[Words::List(&[
            "new", "christmas", "thanksgiving", "halloween", "memorial", "labor", "valentine", "independence",
        ])]),
        recognise: |s, i| s.holiday_at(i),
        examples: &[
            ("They met on Thanksgiving.", "Thanksgiving = 2024-11-28"),
            ("The shop shut on Christmas Day.", "Christmas Day = 2024-12-25"),
            ("It opens on New Year's Day.", "New Year's Day = 2025-01-01"),
            ("It will open on New Year's Day.", "New Year's Day = 2026-01-01"),
            ("Crowds gathered on Christmas Eve 2019.", "Christmas Eve 2019 = 2019-12-24"),
            ("The parade was held on Memorial Day.", "Memorial Day = 2024-05-27"),
        ],
        negatives: &["They bought Christmas trees.", "The New Year celebrations ended.", "a Thanksgiving dinner"],
    },
    Rule {
        name: "season",
        triggers: Triggers::words(&[Words::List(&[
            "last", "this", "next", "past", "spring", "summer", "fall", "autumn", "winter",
        ])]),
        recognise: |s, i| s.season_at(i),
        examples: &[
            ("Prices rose last fall.", "last fall = 2024-FA"),
            ("The plant opens this summer.", "this summer = 2025-SU"),
            ("It closed last winter.", "last winter = 2024-WI"),
            ("It reopens next spring.", "next spring = 2026-SP"),
            ("It was built in the summer of 2019.", "summer of 2019 = 2019-SU"),
            ("It flooded in spring 2020.", "spring 2020 = 2020-SP"),
        ],
        negatives: &["Prices fall this week.", "The spring water was clean.", "Leaves fall in the fall."],
    },
    Rule {
        name: "weekend",
        triggers: Triggers::words(&[Words::List(&["the", "this", "last", "next"])]),
        recognise: |s, i| s.weekend_at(i),
        examples: &[
            ("Storms hit the coast over the weekend.", "the weekend = 2025-W18"),
            ("Protesters will march this weekend.", "this weekend = 2025-W19"),
            ("They met last weekend.", "last weekend = 2025-W18"),
        ],
        negatives: &["Weekend shifts are long.", "the weekend edition of the paper"],
    },
    Rule {
        name: "part of day",
        triggers: Triggers::words(&[Words::List(&["this", "that", "last"])]),
        recognise: |s, i| s.part_of_day_at(i),
        examples: &[
            ("Police said this morning that two men fled.", "this morning = 2025-05-06"),
            ("They met on May 1. That afternoon, they left.", "That afternoon = 2025-05-01"),
            ("Shots were heard last night.", "last night = 2025-05-05"),
        ],
        negatives: &["That night sky was clear of stars, she wrote.", "This evening dress is red."],
    },
    Rule {
        name: "period in view",
        triggers: Triggers::words(&[Words::List(&["the", "that", "year"])]),
        recognise: |s, i| s.in_view_at(i),
        examples: &[
            ("The board will vote at the end of the month.", "the month = 2025-05"),
            ("Talks are due to wrap up by the end of the week.", "the week = 2025-W19"),
            ("The bank cut its forecast for the year to 2 percent.", "the year = 2025"),
            ("The mill opened in 1952. Its owner died later that year.", "that year = 1952"),
            ("He moved there in March 2019, and by the end of the month had a job.", "the month = 2019-03"),
            ("The agency hopes to clear the backlog by year end.", "year end = 2025"),
            ("Profits are expected to double by year-end.", "year-end = 2025"),
        ],
        negatives: &[
            "She was named player of the year.",
            "That year was hard for everyone, she said.",
            "The week ahead looks busy.",
            "He recalled that year of hunger.",
            "The year-end bonus was cut.",
            "More rain is forecast for the rest of the week.",
        ],
    },
    Rule {
        name: "modified month",
        triggers: Triggers::words(&[Words::List(&["early", "late", "mid", "last", "next"])]),
        recognise: |s, i| s.modified_month_at(i),
        examples: &[
            ("They met in early May.", "early May = 2025-05"),
            ("They met in mid-May.", "mid-May = 2025-05"),
            ("They met in late March 2020.", "late March 2020 = 2020-03"),
            ("It began in early April of 2013.", "early April of 2013 = 2013-04"),
            ("Talks stalled last May.", "last May = 2024-05"),
            ("Talks resume next April.", "next April = 2026-04"),
        ],
        negatives: &["He came late.", "They met next Sept 5.", "It was late in May 6 games."],
    },
    Rule {
        name: "month first",
        triggers: Triggers::words(&[Words::Months, Words::MonthAbbreviations]),
        recognise: |s, i| s.month_first_at(i, s.month_cue_before(i) || s.month_as_modifier(i)),
        examples: &[
            ("It happened on May 6, 2025.", "May 6, 2025 = 2025-05-06"),
            ("Signed Jan. 5, 2020 in Paris.", "Jan. 5, 2020 = 2020-01-05"),
            ("The April 22 attack", "April 22 = 2025-04-22"),
            ("Prices rose in May 2025.", "May 2025 = 2025-05"),
            ("Inflation fell in April.", "April = 2025-04"),
            ("Inflation will fall in June.", "June = 2025-06"),
            ("It began in April of 2013.", "April of 2013 = 2013-04"),
            ("Sales fell in June last year.", "June last year = 2024-06"),
            ("It set a key September meeting.", "September = 2024-09"),
            ("Floods struck during April 9-28, 2008.", "April 9-28, 2008 = 2008-04"),
            ("Storms struck over March 3–9.", "March 3–9 = 2025-03"),
            ("The month of May in 2011 was the wettest.", "May in 2011 = 2011-05"),
            ("Sales peaked in November of last year.", "November of last year = 2024-11"),
            ("The ship docked on Feb. 18, 2021, and first sailed on April 19.", "April 19 = 2021-04-19"),
            ("The ship docked in 2021. It first sailed on April 19.", "April 19 = 2025-04-19"),
        ],
        negatives: &[
            "Talks may resume soon.",
            "May God bless the talks.",
            "They met in May’s office with April Smith.",
            "A letter of June and a speech of March.",
            "They joined a March for peace.",
            "He met May in 2011 at a party.",
        ],
    },
    Rule {
        name: "day first",
        triggers: Triggers { words: &[], numbers: true, digit_words: true, apostrophe: false },
        recognise: |s, i| s.day_first_at(i),
        examples: &[
            ("It happened on 6 May 2025.", "6 May 2025 = 2025-05-06"),
            ("It happened on the 6th of May, 2025.", "6th of May, 2025 = 2025-05-06"),
            ("It began on 22 April.", "22 April = 2025-04-22"),
        ],
        negatives: &["Officials may 6 times refuse.", "He scored 6 in May."],
    },
    Rule {
        name: "weekday",
        triggers: Triggers::words(&[Words::List(&["last", "next", "this"]), Words::Weekdays]),
        recognise: |s, i| s.weekday_alone_at(i),
        examples: &[
            ("They met on Sunday.", "Sunday = 2025-05-04"),
            ("They will meet on Sunday.", "Sunday = 2025-05-11"),
            ("They met last Friday.", "last Friday = 2025-05-02"),
            ("They meet next Tuesday.", "next Tuesday = 2025-05-13"),
            ("They met this Monday.", "this Monday = 2025-05-05"),
            ("They met on Thursday morning.", "Thursday morning = 2025-05-01"),
            ("The mayor told ABC Thursday that the bridge was safe.", "Thursday = 2025-05-01"),
            ("During Senate Questions Wednesday, she defended the plan.", "Wednesday = 2025-04-30"),
        ],
        negatives: &[
            "The Sunday Times said so.",
            "He spoke of Bloody Sunday.",
            "It was a sunday.",
            "Shops opened for Black Friday.",
            "Voters in Super Tuesday states queued.",
        ],
    },
    Rule {
        name: "relative word",
        triggers: Triggers::words(&[Words::List(&[
            "yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "earlier", "later",
        ])]),
        recognise: |s, i| s.relative_word_at(i),
        examples: &[
            ("It rained yesterday.", "yesterday = 2025-05-05"),
            ("It rains tomorrow.", "tomorrow = 2025-05-07"),
            ("It rained last month.", "last month = 2025-04"),
            ("It rained last week.", "last week = 2025-W18"),
            ("It rains this week.", "this week = 2025-W19"),
            ("It rained yesterday afternoon.", "yesterday afternoon = 2025-05-05"),
            ("It rained earlier this year.", "earlier this year = 2025"),
            ("The team lost on Sunday. The coach said: \"We learned a lot today.\"", "today = 2025-05-04"),
            ("The team lost in 2019. The coach said: \"We learned a lot today.\"", "today = 2025-05-06"),
        ],
        negatives: &["He came last.", "This is it.", "the next steps"],
    },
    Rule {
        name: "decade",
        triggers: Triggers { words: &[], numbers: true, digit_words: true, apostrophe: true },
        recognise: |s, i| s.decade_at(i),
        examples: &[
            ("It was built in the 1990s.", "1990s = 199"),
            ("It was built in the ’90s.", "’90s = 199"),
            ("It was built in the 1980's.", "1980's = 198"),
        ],
        negatives: &["He was in his 20s.", "They sold 1995s."],
    },
    Rule {
        name: "year",
        triggers: Triggers { words: &[], numbers: true, digit_words: false, apostrophe: false },
        recognise: |s, i| s.year_at(i),
        examples: &[
            ("The law passed in 2025.", "2025 = 2025"),
            ("The 2024 elections were close.", "2024 = 2024"),
            ("Output fell 5% below 2019 levels.", "2019 = 2019"),
        ],
        negatives: &[
            "She lived at 2018 Marigold Lane.",
            "Police sealed the 1900 block of Elm Street.",
            "About 2000 people marched.",
            "It costs $2000 now.",
            "Output grew 2000 percent.",
            "Route 1500 and 3000 and 12345.",
        ],
    },
];

impl Scanner<'_> {
    // -- vague periods ------------------------------------------------------

    /// The end of a vague-period phrase starting at token `i`.
    pub(super) fn context_at(&self, i: usize) -> Option<usize> {
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
    pub(super) fn month_name_at(&self, i: usize) -> Option<(Month, usize, bool)> {
        let w = self.word(i)?;
        if !self.capitalised(i) {
            return None;
        }
        if let Some(m) = calendar::month_named(w) {
            return Some((m, i + 1, true));
        }
        let m = calendar::month_abbreviated(w)?;
        let next = if self.is_punct(i + 1, ".") && self.attached(i + 1) { i + 2 } else { i + 1 };
        Some((m, next, false))
    }

    /// A capitalised weekday name at `i`.
    pub(super) fn weekday_at(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        if !self.capitalised(i) {
            return None;
        }
        calendar::weekday_named(w)
    }

    pub(super) fn day_at(&self, i: usize) -> Option<u8> {
        self.toks.get(i).filter(|t| matches!(t.kind, TokenKind::Number | TokenKind::Word))?;
        parse_day(self.text_of(i)?)
    }

    /// A four-digit number at `i` usable as the year of a written-out date.
    pub(super) fn date_year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?;
        let y = four_digits(t.span().of(self.text)).filter(|y| (1000..=2999).contains(y))?;
        (!self.is_one_of(i + 1, MEASURES)).then_some(y)
    }

    /// Does the number at `i` count things (`2000 people`) rather than name a year?
    pub(super) fn counts_things(&self, i: usize) -> bool {
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
        // `cut to 1990 levels`, `below 2019 figures`: the year's measure.
        if YEAR_NOUNS.iter().any(|n| next.eq_ignore_ascii_case(n)) {
            return false;
        }
        let plural = next.len() > 2 && next.ends_with('s') && !next.ends_with("ss");
        let determined = prev.is_some_and(|p| {
            self.is_one_of(p, YEAR_DETERMINERS) || self.toks.get(p).is_some_and(|t| t.kind == TokenKind::Possessive)
        });
        plural && !determined
    }

    /// A count at `i` (`two`, `a`, `3`): its value and the next token.
    pub(super) fn count_at(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.toks.get(i)?;
        let s = t.span().of(self.text);
        let n = match t.kind {
            TokenKind::Number if s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok()?,
            TokenKind::Word => calendar::number_word(s)?,
            _ => return None,
        };
        Some((n, i + 1))
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<Unit> {
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

    pub(super) fn found(&self, i: usize, end: usize, raw: Raw) -> Found {
        Found { span: self.span(i, end), next: end, raw }
    }

    /// `Tuesday, May 6, 2025`, `Sunday, 4 May`.
    pub(super) fn weekday_and_date_at(&self, i: usize) -> Option<Found> {
        self.weekday_at(i)?;
        let k = if self.is_punct(i + 1, ",") { i + 2 } else { i + 1 };
        if !self.same_sentence(i, k) {
            return None;
        }
        let date = self.month_first_at(k, false).or_else(|| self.day_first_at(k))?;
        date.raw.is_day().then_some(Found { span: self.span(i, date.next), ..date })
    }

    /// `2025-05-06`, also at the start of `2025-05-06T10:00:00Z`.
    pub(super) fn iso_at(&self, i: usize) -> Option<Found> {
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
            raw: Raw::Absolute(DateValue::Day(date)),
        })
    }

    /// Is the month name at `i` introduced as a month (`in May`, `since March`)?
    pub(super) fn month_cue_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|&p| self.same_sentence(p, i)) else { return false };
        self.is_one_of(p, MONTH_CUES)
            || self.is_word(p, "of") && p.checked_sub(1).is_some_and(|q| self.is_one_of(q, MONTH_PARTS))
    }

    /// `May 6, 2025`, `Jan. 5`, `May 2025`, and — when `bare` — `May` alone.
    pub(super) fn month_first_at(&self, i: usize, bare: bool) -> Option<Found> {
        let (month, j, full) = self.month_name_at(i)?;
        if let Some(day) = self.day_at(j).filter(|_| self.same_sentence(i, j)) {
            // `April 9-28, 2008`: a span of days within the month is the month.
            if let Some(end) = self.day_range_end(j) {
                let k = if self.is_punct(end, ",") { end + 1 } else { end };
                if let Some(year) = self.date_year_at(k).filter(|_| self.same_sentence(i, k)) {
                    return Some(self.found(i, k + 1, Raw::Absolute(DateValue::Month { year, month })));
                }
                return Some(self.found(i, end, Raw::Month { month, lean: Lean::Tense(i) }));
            }
            let k = if self.is_punct(j + 1, ",") { j + 2 } else { j + 1 };
            if let Some(year) = self.date_year_at(k).filter(|_| self.same_sentence(i, k)) {
                let date = Date::from_calendar_date(year, month, day).ok()?;
                return Some(self.found(i, k + 1, Raw::Absolute(DateValue::Day(date))));
            }
            return Some(self.found(i, j + 1, Raw::MonthDay { month, day, lean: Lean::Tense(i), at: i }));
        }
        if let Some(year) = self.date_year_at(j).filter(|_| self.same_sentence(i, j)) {
            return Some(self.found(i, j + 1, Raw::Absolute(DateValue::Month { year, month })));
        }
        // `April of 2013`.
        if full && self.is_word(j, "of") {
            if let Some(year) = self.date_year_at(j + 1).filter(|_| self.same_sentence(i, j + 1)) {
                return Some(self.found(i, j + 2, Raw::Absolute(DateValue::Month { year, month })));
            }
        }
        // `May in 2011`, `the month of May in 2011`: a month introduced as one.
        if full && bare && self.is_word(j, "in") && self.same_sentence(i, j + 1) {
            if let Some(year) = self.date_year_at(j + 1).filter(|_| !self.counts_things(j + 1)) {
                return Some(self.found(i, j + 2, Raw::Absolute(DateValue::Month { year, month })));
            }
        }
        // `June last year`, `March next year`, `November of last year`.
        let j = if full && self.is_word(j, "of") && self.is_word(j + 2, "year") { j + 1 } else { j };
        if full && self.is_word(j + 1, "year") && self.same_sentence(i, j + 1) {
            let n = match Lower::of(self.word(j).unwrap_or("")).as_str() {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(n) = n {
                return Some(self.found(i, j + 2, Raw::MonthInYear { month, n }));
            }
        }
        // A bare month name: only in full, and not as part of a name (`May’s
        // government`, `April Smith`).
        let name_follows = self.capitalised(j) && self.same_sentence(i, j)
            || self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive);
        if bare && full && j == i + 1 && !name_follows {
            return Some(self.found(i, j, Raw::Month { month, lean: Lean::Tense(i) }));
        }
        None
    }

    /// After the day at `j`, the token past `-28` in `April 9-28` (a second,
    /// later day attached by a hyphen or dash), if there is one.
    pub(super) fn day_range_end(&self, j: usize) -> Option<usize> {
        if !self.is_one_of(j + 1, &["-", "–"]) || !self.same_sentence(j, j + 2) {
            return None;
        }
        let (from, to) = (self.day_at(j)?, self.day_at(j + 2)?);
        let tight = self.attached(j + 1) && self.attached(j + 2);
        (tight && to > from).then_some(j + 3)
    }

    /// `6 May 2025`, `22 April`, `6th of May`.
    pub(super) fn day_first_at(&self, i: usize) -> Option<Found> {
        let day = self.day_at(i)?;
        let m = if self.is_word(i + 1, "of") { i + 2 } else { i + 1 };
        if !self.same_sentence(i, m) {
            return None;
        }
        let (month, j, _) = self.month_name_at(m)?;
        let k = if self.is_punct(j, ",") { j + 1 } else { j };
        if let Some(year) = self.date_year_at(k).filter(|_| self.same_sentence(i, k)) {
            let date = Date::from_calendar_date(year, month, day).ok()?;
            return Some(self.found(i, k + 1, Raw::Absolute(DateValue::Day(date))));
        }
        Some(self.found(i, j, Raw::MonthDay { month, day, lean: Lean::Tense(i), at: i }))
    }

    /// `early May`, `mid-May`, `late March 2020`, `last May`, `next April`.
    pub(super) fn modified_month_at(&self, i: usize) -> Option<Found> {
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
            return Some(self.found(i, after, Raw::Month { month, lean }));
        }
        let found = self.month_first_at(j, true)?;
        Some(Found { span: self.span(i, found.next), ..found })
    }

    /// `Sunday`, `last Friday`, `this Monday`, `next Tuesday`.
    pub(super) fn weekday_alone_at(&self, i: usize) -> Option<Found> {
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
            // `Bloody Sunday`, `Super Tuesday`: a day's name. After any
            // other name the weekday is the day (`told VOA Thursday that`).
            let name_before = i.checked_sub(1).is_some_and(|p| {
                self.capitalised(p) && self.same_sentence(p, i) && self.is_one_of(p, DAY_NAME_WORDS)
            }) && self.sentence_start(i) != Some(i - 1);
            if !introduced && (name_follows || name_before) {
                return None;
            }
        }
        let lean = lean.unwrap_or(Lean::Tense(j));
        Some(self.found(i, self.past_part_of_day(j + 1), Raw::Weekday { weekday, lean, from: Anchor::Published }))
    }

    /// The first token of the sentence of token `i`.
    pub(super) fn sentence_start(&self, i: usize) -> Option<usize> {
        let s = self.sentence.get(i).copied()?;
        let mut k = i;
        while k > 0 && self.sentence.get(k - 1).copied() == Some(s) {
            k -= 1;
        }
        Some(k)
    }

    /// `yesterday`, `today`, `tomorrow`, `last week`, `next month`,
    /// `this year`, `earlier this month`.
    pub(super) fn relative_word_at(&self, i: usize) -> Option<Found> {
        let w = Lower::of(self.word(i)?);
        let day = |n: i64, end: usize| {
            Some(self.found(i, self.past_part_of_day(end), Raw::Shift { from: Anchor::Published, n, unit: Unit::Day }))
        };
        let week = |n: i64, end: usize| Some(self.found(i, end, Raw::WeekOf { from: Anchor::Published, n }));
        let this = |unit: Option<Unit>, end: usize| match unit {
            Some(unit @ (Unit::Month | Unit::Year)) => Some(self.found(i, end, Raw::This(unit))),
            _ => None,
        };
        let unit_after = |k: usize| {
            self.word(k).filter(|u| !u.ends_with('s') && self.same_sentence(i, k)).and_then(|_| self.unit_at(k))
        };
        match w.as_str() {
            "yesterday" => day(-1, i + 1),
            // In a quotation, the day the words were said.
            "today" if self.in_quotation(i) => {
                Some(self.found(i, self.past_part_of_day(i + 1), Raw::Shift { from: Anchor::Spoken, n: 0, unit: Unit::Day }))
            }
            "today" => day(0, i + 1),
            "tonight" => Some(self.found(i, i + 1, Raw::Shift { from: Anchor::Published, n: 0, unit: Unit::Day })),
            "tomorrow" => day(1, i + 1),
            "last" | "next" => {
                let n = if w.as_str() == "last" { -1 } else { 1 };
                let unit = unit_after(i + 1)?;
                if unit == Unit::Week {
                    return week(n, i + 2);
                }
                Some(self.found(i, i + 2, Raw::Shift { from: Anchor::Published, n, unit }))
            }
            "this" if unit_after(i + 1) == Some(Unit::Week) => week(0, i + 2),
            "this" => this(unit_after(i + 1), i + 2),
            "earlier" | "later" if self.is_word(i + 1, "this") && unit_after(i + 2) == Some(Unit::Week) => {
                week(0, i + 3)
            }
            "earlier" | "later" if self.is_word(i + 1, "this") => this(unit_after(i + 2), i + 3),
            _ => None,
        }
    }

    /// `1990s`, `1990’s`, `’90s`.
    pub(super) fn decade_at(&self, i: usize) -> Option<Found> {
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
        (100..=299).contains(&value).then(|| self.found(i, end, Raw::Absolute(DateValue::Decade(value))))
    }

    /// A bare year, 1800–2100, that is not a count or a measure.
    pub(super) fn year_at(&self, i: usize) -> Option<Found> {
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
        // `2018 Marigold Lane`, `the 1900 block of Elm Street`: an address.
        let address = self.is_word(i + 1, "block")
            || self.capitalised(i + 1)
                && (1..=3).any(|k| self.capitalised(i + k) && self.is_one_of(i + k, STREET_WORDS));
        if money || iso_shaped || address {
            return None;
        }
        Some(self.found(i, i + 1, Raw::Absolute(DateValue::Year(y))))
    }

    /// Token `end`, or the token after it when it names a part of the day
    /// (`Thursday morning`, `yesterday afternoon`): the end of a day's span.
    pub(super) fn past_part_of_day(&self, end: usize) -> usize {
        if end > 0 && self.same_sentence(end - 1, end) && self.is_one_of(end, PARTS_OF_DAY) {
            end + 1
        } else {
            end
        }
    }

    /// `this morning`, `that afternoon`, `last night`.
    pub(super) fn part_of_day_at(&self, i: usize) -> Option<Found> {
        let w = Lower::of(self.word(i)?);
        if !self.same_sentence(i, i + 1) || !self.is_one_of(i + 1, PARTS_OF_DAY) {
            return None;
        }
        // `That night sky`: a noun follows, the phrase is not a time.
        if self.word(i + 2).is_some_and(|_| !self.capitalised(i + 2)) && self.same_sentence(i, i + 2)
            && !self.is_one_of(i + 2, AFTER_PART_OF_DAY)
        {
            return None;
        }
        let (from, n) = match w.as_str() {
            "this" => (Anchor::Published, 0),
            "that" => (Anchor::Reference, 0),
            "last" if self.is_word(i + 1, "night") => (Anchor::Published, -1),
            _ => return None,
        };
        Some(self.found(i, i + 2, Raw::Shift { from, n, unit: Unit::Day }))
    }

    /// `the weekend`, `this weekend`, `last weekend`, `next weekend`.
    pub(super) fn weekend_at(&self, i: usize) -> Option<Found> {
        if !self.is_word(i + 1, "weekend") || !self.same_sentence(i, i + 1) {
            return None;
        }
        // `the weekend edition`: a noun follows.
        if self.word(i + 2).is_some_and(|_| !self.capitalised(i + 2)) && self.same_sentence(i, i + 2)
            && !self.is_one_of(i + 2, AFTER_PART_OF_DAY)
        {
            return None;
        }
        let lean = match Lower::of(self.word(i)?).as_str() {
            "the" | "this" => Lean::Tense(i),
            "last" => Lean::Before,
            "next" => Lean::After,
            _ => return None,
        };
        Some(self.found(i, i + 2, Raw::Weekend { lean }))
    }

    /// The season named at `i` (`summer`, `autumn`…), in any case.
    fn season_word(&self, i: usize) -> Option<Season> {
        match Lower::of(self.word(i)?).as_str() {
            "spring" => Some(Season::Spring),
            "summer" => Some(Season::Summer),
            "fall" | "autumn" => Some(Season::Fall),
            "winter" => Some(Season::Winter),
            _ => None,
        }
    }

    /// `last fall`, `this summer`, `this past winter`, `next spring`,
    /// `summer 2019`, `the summer of 2019`.
    pub(super) fn season_at(&self, i: usize) -> Option<Found> {
        if let Some(season) = self.season_word(i) {
            let k = if self.is_word(i + 1, "of") { i + 2 } else { i + 1 };
            let year = self.date_year_at(k).filter(|_| self.same_sentence(i, k))?;
            return Some(self.found(i, k + 1, Raw::Season { season, which: Which::Year(year) }));
        }
        let w = Lower::of(self.word(i)?);
        let (which, j) = match w.as_str() {
            "last" => (Which::Last, i + 1),
            "next" => (Which::Next, i + 1),
            "this" if self.is_word(i + 1, "past") => (Which::Last, i + 2),
            "this" => (Which::This, i + 1),
            "past" => (Which::Last, i + 1),
            _ => return None,
        };
        let season = self.season_word(j).filter(|_| self.same_sentence(i, j))?;
        // `past` alone only after `the`: `the past winter`.
        if w.as_str() == "past" && !i.checked_sub(1).is_some_and(|p| self.is_word(p, "the")) {
            return None;
        }
        // `this fall` as a verb: `prices fall this week` never starts here, but
        // `this fall in prices` is a noun: a preposition follows.
        if self.is_one_of(j + 1, &["in", "of"]) && self.same_sentence(j, j + 1) {
            return None;
        }
        Some(self.found(i, j + 1, Raw::Season { season, which }))
    }

    /// `the end of the month`, `for the year`, `that year`, `by year end`:
    /// the week, month or year in view.
    pub(super) fn in_view_at(&self, i: usize) -> Option<Found> {
        let w = Lower::of(self.word(i)?);
        let prev = |k: usize| i.checked_sub(k).filter(|&p| self.same_sentence(p, i));
        if w.as_str() == "year" {
            // `by year end`, `before year-end`.
            let end = if self.is_punct(i + 1, "-") && self.attached(i + 1) && self.attached(i + 2) { i + 2 } else { i + 1 };
            let cued = prev(1).is_some_and(|p| self.is_one_of(p, &["by", "before", "until", "at", "till"]));
            if !cued || !self.is_word(end, "end") || !self.same_sentence(i, end) || self.modifies_noun(end + 1) {
                return None;
            }
            return Some(self.found(i, end + 1, Raw::This(Unit::Year)));
        }
        let unit = match Lower::of(self.word(i + 1)?).as_str() {
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        if !self.same_sentence(i, i + 1) || self.modifies_noun(i + 2) {
            return None;
        }
        match w.as_str() {
            // `the end of the month`, `for the year`.
            "the" => {
                let part = prev(1).is_some_and(|p| self.is_word(p, "of"))
                    && prev(2).is_some_and(|q| self.is_one_of(q, &["end", "start", "beginning", "middle", "close"]));
                let span_of = prev(1).is_some_and(|p| self.is_word(p, "for"))
                    && (self.is_one_of(i + 2, &["to", "at", "from", "by"]) || !self.word(i + 2).is_some_and(|_| self.same_sentence(i, i + 2)));
                (part || span_of).then(|| self.found(i, i + 2, Raw::InView { unit, at: i, within: 1, mentioned_only: false }))
            }
            // `later that year`, `died that year`: only of a date just mentioned.
            "that" if prev(1).is_some() => {
                Some(self.found(i, i + 2, Raw::InView { unit, at: i, within: 1, mentioned_only: true }))
            }
            _ => None,
        }
    }

    /// Does the word at `k` make what stands before it a modifier of a noun
    /// (`the week ahead`, `that year of hunger`, `year-end bonus`)? A
    /// lower-case word, not one that may follow a time phrase, or `of`, or a
    /// possessive.
    pub(super) fn modifies_noun(&self, k: usize) -> bool {
        if k == 0 || !self.same_sentence(k - 1, k) {
            return false;
        }
        if self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive) || self.is_word(k, "of") {
            return true;
        }
        self.word(k).is_some_and(|_| !self.capitalised(k)) && !self.is_one_of(k, AFTER_PART_OF_DAY)
    }

    /// `Thanksgiving`, `Christmas Day`, `New Year's Eve`, `Memorial Day`…
    pub(super) fn holiday_at(&self, i: usize) -> Option<Found> {
        if !self.capitalised(i) {
            return None;
        }
        let w = Lower::of(self.word(i)?);
        let day_word = |k: usize| self.is_word(k, "Day") && self.capitalised(k) && self.same_sentence(i, k);
        let eve_word = |k: usize| self.is_word(k, "Eve") && self.capitalised(k) && self.same_sentence(i, k);
        let possessive = |k: usize| self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive);
        // A bare holiday name is a date only after a preposition: `on
        // Thanksgiving`, not `a Thanksgiving dinner`.
        let introduced = i.checked_sub(1).is_some_and(|p| self.same_sentence(p, i) && self.is_one_of(p, HOLIDAY_CUES));
        let (holiday, end) = match w.as_str() {
            "new" if self.is_word(i + 1, "Year") && possessive(i + 2) => {
                if day_word(i + 3) {
                    (Holiday::NewYearsDay, i + 4)
                } else if eve_word(i + 3) {
                    (Holiday::NewYearsEve, i + 4)
                } else if introduced && !self.word(i + 3).is_some_and(|_| self.same_sentence(i, i + 3)) {
                    (Holiday::NewYearsDay, i + 3)
                } else {
                    return None;
                }
            }
            "christmas" if day_word(i + 1) => (Holiday::ChristmasDay, i + 2),
            "christmas" if eve_word(i + 1) => (Holiday::ChristmasEve, i + 2),
            "thanksgiving" if day_word(i + 1) => (Holiday::Thanksgiving, i + 2),
            "christmas" | "thanksgiving" | "halloween" if introduced => {
                if self.word(i + 1).is_some_and(|_| !self.capitalised(i + 1) && self.same_sentence(i, i + 1))
                    && !self.is_one_of(i + 1, AFTER_PART_OF_DAY)
                {
                    return None;
                }
                let h = match w.as_str() {
                    "christmas" => Holiday::ChristmasDay,
                    "thanksgiving" => Holiday::Thanksgiving,
                    _ => Holiday::Halloween,
                };
                (h, i + 1)
            }
            "memorial" if day_word(i + 1) => (Holiday::MemorialDay, i + 2),
            "labor" if day_word(i + 1) => (Holiday::LaborDay, i + 2),
            "independence" if day_word(i + 1) => (Holiday::IndependenceDay, i + 2),
            "valentine" if possessive(i + 1) && day_word(i + 2) => (Holiday::ValentinesDay, i + 3),
            _ => return None,
        };
        if let Some(year) = self.date_year_at(end).filter(|_| self.same_sentence(i, end)) {
            return Some(self.found(i, end + 1, Raw::Holiday { holiday, lean: Lean::Tense(i), year: Some(year) }));
        }
        Some(self.found(i, end, Raw::Holiday { holiday, lean: Lean::Tense(i), year: None }))
    }

    /// Is the month name at `i` a modifier of the noun after it (`a key
    /// September meeting`, `the March vote`)? A lower-case word before it
    /// and a lower-case noun after it (not a function word: `a March for
    /// peace` is a march).
    pub(super) fn month_as_modifier(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        self.same_sentence(p, i + 1)
            && self.word(p).is_some_and(|_| !self.capitalised(p))
            && self.word(i + 1).is_some_and(|w| {
                w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()) && !self.is_one_of(i + 1, FUNCTION_WORDS)
            })
    }

    // -- anchored relatives -------------------------------------------------

    /// `two days after …`, `three days before …`, `a week later`,
    /// `two days ago`, `the next day`, `the previous day`, `the day before`,
    /// `the same day`.
    pub(super) fn anchored_at(&self, i: usize) -> Option<Found> {
        let (n, unit, j) = if self.is_word(i, "the") {
            let k = i + 1;
            let w = Lower::of(self.word(k)?);
            match w.as_str() {
                // `the following Monday`: the first Monday after the reference day.
                "next" | "following" | "previous" | "preceding" if self.weekday_at(k + 1).is_some() => {
                    let weekday = self.weekday_at(k + 1)?;
                    let lean = if matches!(w.as_str(), "next" | "following") { Lean::After } else { Lean::Before };
                    return Some(self.found(i, k + 2, Raw::Weekday { weekday, lean, from: Anchor::Reference }));
                }
                "next" | "following" | "previous" | "preceding" | "same" => {
                    let unit = self.unit_at(k + 1).filter(|_| self.same_sentence(i, k + 1))?;
                    let n = match w.as_str() {
                        "next" | "following" => 1,
                        "same" if unit == Unit::Day => 0,
                        "same" => return None,
                        _ => -1,
                    };
                    return Some(self.found(i, k + 2, Raw::Shift { from: Anchor::Reference, n, unit }));
                }
                // `the night before`, `the night after`: a day.
                // Not `burned into the night after the quake`.
                "night"
                    if self.is_one_of(k + 1, &["before", "after"])
                        && !i.checked_sub(1).is_some_and(|p| self.is_one_of(p, &["into", "through", "throughout", "all"])) =>
                {
                    (1, Unit::Day, k + 1)
                }
                _ => (1, self.unit_at(k).filter(|_| !w.as_str().ends_with('s'))?, k + 1),
            }
        } else {
            // `for three years after …` is a duration, not a date.
            if i.checked_sub(1).is_some_and(|p| self.same_sentence(p, i) && self.is_word(p, "for")) {
                return None;
            }
            let (n, k) = self.count_at(i)?;
            (n, self.unit_at(k)?, k + 1)
        };
        if !self.same_sentence(i, j) {
            return None;
        }
        let w = Lower::of(self.word(j)?);
        let shift = |from: Anchor, n: i64| Some(self.found(i, j + 1, Raw::Shift { from, n, unit }));
        match w.as_str() {
            "later" => shift(Anchor::Reference, n),
            "earlier" => shift(Anchor::Reference, n.checked_neg()?),
            "ago" if !self.is_word(i, "the") => shift(Anchor::Published, n.checked_neg()?),
            "after" | "before" => {
                Some(self.found(i, j + 1, Raw::Around { n, unit, after: w.as_str() == "after", at: j + 1 }))
            }
            _ => None,
        }
    }

    /// Does a clause start at token `k`: a subject and its verb, within
    /// eight words and before any punctuation, relative word or `and`
    /// (`Mustafa founded a state`, `he completes his sentence`, `the war
    /// ended`; not `the talks with Wang`, `the elected council`)?
    pub(super) fn clause_at(&self, k: usize) -> bool {
        // `the win of the night before was dashed`: a verb, no subject.
        if self.is_one_of(k, CLAUSE_VERBS) || self.word(k).is_some_and(|w| w.len() > 4 && w.ends_with("ed")) {
            return false;
        }
        let mut prev_determiner = false;
        for (n, t) in (k..k.saturating_add(8)).enumerate() {
            let Some(tok) = self.toks.get(t) else { return false };
            if !self.same_sentence(k, t) || tok.kind == TokenKind::Punct && !self.is_one_of(t, &["-", "'", "’"]) {
                return false;
            }
            if tok.kind != TokenKind::Word {
                prev_determiner = false;
                continue;
            }
            if self.is_one_of(t, PHRASE_STOPS) || self.is_one_of(t, &["and", "or"]) {
                return false;
            }
            let w = tok.span().of(self.text);
            let verb = n > 0
                && !self.capitalised(t)
                && !prev_determiner
                && (CLAUSE_VERBS.iter().any(|c| w.eq_ignore_ascii_case(c))
                    || w.len() > 4 && w.ends_with("ed")
                    || n == 1 && self.is_one_of(k, SUBJECT_PRONOUNS) && w.len() > 2 && w.ends_with('s'));
            if verb {
                return true;
            }
            prev_determiner = self.is_one_of(t, &["the", "a", "an", "his", "her", "its", "their", "our", "this", "that"]);
        }
        false
    }

    /// The date told earlier in the text of the happening a noun phrase
    /// names (`the storm` in `a week after the storm`): the phrase's head
    /// word (its last word before a preposition) stood earlier, in another
    /// sentence, a few words before a date of its clause (`the storm last
    /// month`, `a storm hit the coast on May 2`). `at` is the phrase's
    /// first token.
    pub(super) fn told_date_of(&self, phrase: Span, at: usize) -> Option<DateValue> {
        let mut head = None;
        for t in at..self.toks.len() {
            let tok = self.toks.get(t)?;
            if tok.span().start >= phrase.end {
                break;
            }
            if head.is_some() && self.is_one_of(t, PHRASE_TRIM) {
                break;
            }
            if tok.kind == TokenKind::Word {
                head = Some(t);
            }
        }
        let head = head?;
        let word = self.word(head)?;
        if self.capitalised(head) || word.len() < 4 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let sentence = self.sentence_of(at)?;
        // The latest use of the word in an earlier sentence with a date just
        // after it (a long text looks back a bounded way).
        // Only the six tokens before each date told can be that use: the
        // dates told are walked back (in token order, far fewer than the
        // tokens), each with the words between it and the date before it.
        let lo = at.saturating_sub(4000);
        let end = self.told.partition_point(|&(d, _)| d < at + 6);
        for j in (0..end).rev() {
            let (d, v) = self.told[j];
            // A word before the previous date has that date first after it.
            let prev = j.checked_sub(1).map_or(0, |p| self.told[p].0);
            let to = d.min(at);
            if to <= lo {
                break;
            }
            let from = prev.max(d.saturating_sub(6)).max(lo);
            let found = (from..to)
                .rev()
                .any(|k| self.sentence_of(k).is_some_and(|s| s < sentence) && self.is_word(k, word) && self.plain_between(k, d));
            if found {
                return Some(v);
            }
        }
        None
    }

    /// Does the clause of an anchored relative ending at token `at` (`She
    /// was born two years before …`) tell again the happening of the last
    /// day told, a sentence or two before (`She was born on February 4,
    /// 1921`)? Its verb, the word before the count (past `just`, `exactly`),
    /// stands a few words before that day.
    pub(super) fn retells_reference(&self, at: usize) -> bool {
        let mut k = at.saturating_sub(4);
        while k > 0 && self.is_one_of(k, &["just", "exactly", "only", "nearly", "almost", "about", "some", "roughly"]) {
            k -= 1;
        }
        let Some(verb) = self.word(k).filter(|w| w.len() > 2 && !self.capitalised(k)) else { return false };
        let Some(r) = self.reference_token else { return false };
        let (Some(here), Some(there)) = (self.sentence_of(at), self.sentence_of(r)) else { return false };
        there < here && here - there <= 2 && (r.saturating_sub(6)..r).any(|t| self.same_sentence(t, r) && self.is_word(t, verb))
    }

    /// Are the tokens strictly between `a` and `b` words of one clause (no
    /// punctuation but hyphens, the same sentence)?
    fn plain_between(&self, a: usize, b: usize) -> bool {
        self.same_sentence(a, b)
            && (a + 1..b).all(|t| self.toks.get(t).is_some_and(|x| x.kind != TokenKind::Punct || self.is_one_of(t, &["-"])))
    }

    /// The noun phrase starting at token `k`, up to a comma or other
    /// punctuation, a relative word, `and` + verb, a date, or twelve words.
    pub(super) fn noun_phrase_at(&self, k: usize) -> Option<Span> {
        // `the win of the night before was …`: a verb follows, no phrase.
        if self.is_one_of(k, CLAUSE_VERBS) {
            return None;
        }
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