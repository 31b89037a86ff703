//! The calendar's words, listed once: month names and abbreviations,
//! weekday names and abbreviations, and the number words that count days
//! and years. The date rules, the sentence splitter (whose abbreviations
//! include the calendar's) and the entity finder (which keeps calendar
//! words out of names) all read them from here.

use time::{Month, Weekday};

/// Month names, lower case, in calendar order.
pub const MONTHS: [(&str, Month); 12] = [
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

/// Month abbreviations, lower case, in calendar order; usable only with a
/// day or a year (`Jan. 5`, `Sept 2020`). `May` needs none.
pub const MONTH_ABBREVIATIONS: [(&str, Month); 12] = [
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

/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Weekday abbreviations after which a period does not end a sentence
/// (`Sat.`), Monday first.
pub const WEEKDAY_ABBREVIATIONS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// Number words that count units of time (`two days`, `a week`), by value.
pub const NUMBER_WORDS: [(&str, i64); 14] = [
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

/// The month named `w` in full (any case).
pub fn month_named(w: &str) -> Option<Month> {
    MONTHS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|&(_, m)| m)
}

/// The month abbreviated `w` (any case, without its period).
pub fn month_abbreviated(w: &str) -> Option<Month> {
    MONTH_ABBREVIATIONS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|&(_, m)| m)
}

/// The weekday named `w` in full (any case).
pub fn weekday_named(w: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|&(_, d)| d)
}

/// The value of the number word `w` (any case).
pub fn number_word(w: &str) -> Option<i64> {
    NUMBER_WORDS.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|&(_, v)| v)
}

/// Is `w` a month or weekday name as a name is written, with a capital
/// initial and the rest in lower case (`May`, `Sunday`; not `MAY`)?
pub fn is_titled_month_or_weekday(w: &str) -> bool {
    let mut chars = w.chars();
    let titled = chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_lowercase());
    titled && (month_named(w).is_some() || weekday_named(w).is_some())
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

/// The English name of a weekday: `Tuesday`.
pub fn weekday_name_of(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_repeats<T: PartialEq + std::fmt::Debug>(what: &str, words: &[(&str, T)]) {
        for (k, (w, v)) in words.iter().enumerate() {
            assert!(!words[..k].iter().any(|(x, _)| x == w), "{what}: {w:?} twice");
            assert_eq!(w.to_lowercase(), *w, "{what}: {w:?} not in lower case");
            let _ = v;
        }
    }

    #[test]
    fn each_list_is_free_of_repeats_and_in_its_order() {
        no_repeats("months", &MONTHS);
        no_repeats("month abbreviations", &MONTH_ABBREVIATIONS);
        no_repeats("weekdays", &WEEKDAYS);
        no_repeats("weekday abbreviations", &WEEKDAY_ABBREVIATIONS);
        no_repeats("number words", &NUMBER_WORDS);
        // Calendar order: each list's values never go back.
        let in_order = |ms: Vec<u8>| ms.windows(2).all(|w| w[0] <= w[1]);
        assert!(in_order(MONTHS.iter().map(|(_, m)| u8::from(*m)).collect()));
        assert!(in_order(MONTH_ABBREVIATIONS.iter().map(|(_, m)| u8::from(*m)).collect()));
        assert!(in_order(WEEKDAYS.iter().map(|(_, d)| d.number_from_monday()).collect()));
        assert!(in_order(WEEKDAY_ABBREVIATIONS.iter().map(|(_, d)| d.number_from_monday()).collect()));
        assert!(NUMBER_WORDS.windows(2).all(|w| w[0].1 <= w[1].1));
        for (name, m) in MONTHS {
            assert_eq!(month_name(m).to_lowercase(), name);
            assert!(MONTH_ABBREVIATIONS.iter().any(|&(a, n)| n == m && name.starts_with(a)) || name == "may");
        }
        for (name, d) in WEEKDAYS {
            assert_eq!(weekday_name_of(d).to_lowercase(), name);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(month_named("MAY"), Some(Month::May));
        assert_eq!(month_abbreviated("Sept"), Some(Month::September));
        assert_eq!(month_abbreviated("May"), None);
        assert_eq!(weekday_named("sunday"), Some(Weekday::Sunday));
        assert_eq!(number_word("Twelve"), Some(12));
        assert!(is_titled_month_or_weekday("May") && is_titled_month_or_weekday("Sunday"));
        assert!(!is_titled_month_or_weekday("MAY") && !is_titled_month_or_weekday("may"));
        assert!(!is_titled_month_or_weekday("Mayor"));
    }
}
