use super::*;
use crate::text;
use time::Month;

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
    let mut starters = Vec::new();
    for rule in rules::RULES.iter() {
        rule.triggers.each_word(&mut |w| starters.push(w.to_string()));
    }
    let starters: Vec<&str> = starters.iter().map(String::as_str).collect();
    let context_first: Vec<&str> = CONTEXT_PHRASES.iter().map(|p| p[0]).collect();
    for (list, tag) in [(FUTURE_WORDS, FUTURE), (PAST_CUES, PAST), (&starters[..], STARTER), (&context_first[..], CONTEXT)] {
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
    for iso in ["2025-05-06", "2025-05", "2025", "199", "2025-W19", "2020-W53", "2025-SP", "2024-WI"] {
        assert_eq!(DateValue::from_iso(iso).map(|v| v.iso()).as_deref(), Some(iso));
    }
    assert_eq!(DateValue::from_iso("2025-13"), None);
    assert_eq!(DateValue::from_iso("2025-02-30"), None);
    assert_eq!(DateValue::from_iso("2025-W53"), None);
    assert_eq!(DateValue::from_iso("2025-XX"), None);
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
    // "April 22" takes the year written in its sentence (the dateline's);
    // "two days after" is anchored on the last resolved day: April 22.
    assert_eq!(
        got,
        [
            the("May 6, 2025", "2025-05-06", false),
            the("April 22", "2025-04-22", true),
            the("two days after", "2025-04-20", true)
        ]
    );
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
    // Addresses.
    assert!(dates("He lived at 2018 Marigold Lane until his arrest.", pub_day()).is_empty());
    assert!(dates("Fire broke out at 1999 North Oak Avenue.", pub_day()).is_empty());
    assert!(dates("Police sealed off the 2000 block of Elm Street.", pub_day()).is_empty());
    assert_eq!(one("In 2018 Marigold moved to Paris.", None), the("2018", "2018", false));
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
    // A part of the day belongs to the day's span.
    assert_eq!(one("They met on Monday night.", pub_day()), the("Monday night", "2025-05-05", true));
    assert_eq!(one("Sunday morning was quiet.", pub_day()), the("Sunday morning", "2025-05-04", true));
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
        "The launch is likely to take place on Sunday.",
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
    // A bare month after a future cue is the coming one.
    assert_eq!(one("Officials say the mission is likely to fly in April.", pub_day()).1, "2026-04");
    assert_eq!(one("Officials say the mission is unlikely to fly before April.", pub_day()).1, "2026-04");
    // A past reporting verb is nearer than a later future word.
    assert_eq!(one("On Sunday he defended the plan, saying a review is forthcoming.", pub_day()).1, "2025-05-04");
}

#[test]
fn relative_words() {
    let p = pub_day();
    assert_eq!(one("It rained yesterday.", p), the("yesterday", "2025-05-05", true));
    assert_eq!(one("Today it rains.", p), the("Today", "2025-05-06", true));
    assert_eq!(one("It rains tomorrow.", p), the("tomorrow", "2025-05-07", true));
    // A week is an ISO week (the publication's is 2025-W19).
    assert_eq!(one("It rained last week.", p), the("last week", "2025-W18", true));
    assert_eq!(one("It rains next week.", p), the("next week", "2025-W20", true));
    assert_eq!(one("It rained earlier this week.", p), the("earlier this week", "2025-W19", true));
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
    use crate::calendar::{MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, WEEKDAYS};
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
    let w = DateValue::Week { year: 2025, week: 19 };
    assert_eq!((w.iso(), w.to_string(), w.sort_key()), ("2025-W19".into(), "the week of 5 May 2025".into(), (2025, 5, 5)));
    let s = DateValue::Season { year: 2024, season: Season::Winter };
    assert_eq!((s.iso(), s.to_string(), s.sort_key()), ("2024-WI".into(), "winter 2024–2025".into(), (2024, 12, 1)));
    let s = DateValue::Season { year: 2025, season: Season::Summer };
    assert_eq!((s.iso(), s.to_string(), s.sort_key()), ("2025-SU".into(), "summer 2025".into(), (2025, 6, 1)));
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
    // A multi-byte capital before a period is an initial, as `E.` is.
    let text = "É. Macron and Ö. Pamuk met on Sunday. ϒ.";
    let f = find(text, pub_day());
    check_invariants(text, &f);
    assert_eq!(f.dates.iter().map(|m| m.span.of(text)).collect::<Vec<_>>(), ["Sunday"]);
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

/// Every rule of the registry finds each of its examples, with the value
/// given, and nothing in its negative examples.
#[test]
fn each_rule_finds_its_examples_and_not_its_negatives() {
    for rule in rules::RULES.iter() {
        for (text, want) in rule.examples {
            let (span, iso) = want.split_once(" = ").expect("an example reads `span = iso`");
            let sentences = text::sentences(text);
            let (f, names) =
                Scanner::new(text, std::borrow::Cow::Owned(text::tokens(text)), &sentences, pub_day()).run();
            let found = if iso == "-" {
                f.context.iter().any(|c| c.span.of(text) == span)
            } else {
                f.dates.iter().zip(&names).any(|(m, n)| *n == rule.name && m.span.of(text) == span && m.value.iso() == iso)
            };
            let got: Vec<_> = f.dates.iter().zip(&names).map(|(m, n)| (m.span.of(text), m.value.iso(), *n)).collect();
            assert!(found, "rule {:?}: {text:?} should give {want:?}, got {got:?}", rule.name);
        }
        for text in rule.negatives {
            let sentences = text::sentences(text);
            let (f, names) =
                Scanner::new(text, std::borrow::Cow::Owned(text::tokens(text)), &sentences, pub_day()).run();
            let got: Vec<_> =
                f.dates.iter().zip(&names).filter(|(_, n)| **n == rule.name).map(|(m, _)| m.span.of(text)).collect();
            let vague = rule.name == "vague period" && !f.context.is_empty();
            assert!(got.is_empty() && !vague, "rule {:?} should find nothing in {text:?}: {got:?}", rule.name);
        }
        assert!(!rule.examples.is_empty() && !rule.negatives.is_empty(), "rule {:?} needs examples", rule.name);
    }
    // Names are unique.
    for (k, r) in rules::RULES.iter().enumerate() {
        assert!(!rules::RULES[..k].iter().any(|q| q.name == r.name), "{} twice", r.name);
    }
}
