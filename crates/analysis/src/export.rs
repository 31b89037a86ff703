//! Exports of an analysed article, one function per format: the timeline
//! for Knight Lab's TimelineJS (its JSON, and its Google Sheets template as
//! CSV), the timeline as an iCalendar file, the names as CSV, and the whole
//! analysis as the `analyze` command's JSON.
//!
//! The viewer makes these files in the browser (a `Blob` behind a download
//! link) and `analyze --format` prints them, from the same functions. Each
//! takes the article, its analysis and the article's address (`url`: the
//! page's address in the browser, `--url` or the file's path natively);
//! [`Format`] names each with its file name and MIME type.
//!
//! **Dates coarser than a day** are never given a day they do not have:
//!
//! | Lede's date | TimelineJS (`start_date` – `end_date`, `display_date`) | iCalendar all-day event (`DTSTART` – `DTEND`, end exclusive) |
//! | --- | --- | --- |
//! | a day | year, month, day | that day – the next day |
//! | a month | year, month | its first day – the first of the next month |
//! | a year | year | 1 January – 1 January of the next year |
//! | an ISO week | its Monday – its Sunday, "the week of …" | its Monday – the next Monday |
//! | a season | its first month – its last month, "summer 2025" | the first of its first month – the first of the month after its last |
//! | a decade | its first year – its last, "the 1990s" | 1 January of its first year – 1 January of the next decade |
//!
//! The CSV is RFC 4180 (comma-separated, quoted where needed, CRLF line
//! ends, UTF-8), written by a few lines here rather than the `csv` crate,
//! which added 28 KB to the viewer's wasm; the tests read every CSV back
//! with `csv`'s reader.
//!
//! **Text stays text.** TimelineJS reads `headline` and `text` as HTML, so
//! they are HTML-escaped in its JSON and CSV; the iCalendar text is escaped
//! as RFC 5545 says; and a CSV cell that a spreadsheet would take for a
//! formula (one that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is written with a leading `'`, as OWASP advises.

use std::fmt::Write as _;

use serde::Serialize;
use time::{Date, Month, PrimitiveDateTime};

use crate::analysis::Analysis;
use crate::dates::DateValue;
use crate::model::Article;
use crate::span::Span;
use crate::text::escape_html;

/// One export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The whole analysis, as `analyze` prints it.
    Json,
    /// The timeline in TimelineJS's JSON format.
    TimelineJson,
    /// The timeline in the columns of TimelineJS's Google Sheets template.
    TimelineCsv,
    /// The timeline as iCalendar all-day events.
    Ics,
    /// The names: name, kind, description, mentions, first sentence.
    NamesCsv,
}

impl Format {
    /// Every format, in the order the viewer offers them.
    pub const ALL: [Format; 5] = [Format::TimelineJson, Format::TimelineCsv, Format::Ics, Format::NamesCsv, Format::Json];

    /// The name `analyze --format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::TimelineJson => "timelinejs",
            Format::TimelineCsv => "timelinejs-csv",
            Format::Ics => "ics",
            Format::NamesCsv => "names-csv",
        }
    }

    /// The format `analyze --format NAME` names.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the viewer's download is called.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "Whole analysis (JSON)",
            Format::TimelineJson => "Timeline for TimelineJS (JSON)",
            Format::TimelineCsv => "Timeline as a TimelineJS sheet (CSV)",
            Format::Ics => "Timeline as a calendar (iCalendar)",
            Format::NamesCsv => "Names (CSV)",
        }
    }

    /// The downloaded file's name, after the article's slug (a reader's
    /// own article's `own/NAME` gives `own-NAME`).
    pub fn file_name(self, slug: &str) -> String {
        let slug: String =
            slug.chars().map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '-' }).collect();
        let slug = slug.trim_matches('.');
        let slug = if slug.is_empty() { "article" } else { slug };
        match self {
            Format::Json => format!("{slug}.analysis.json"),
            Format::TimelineJson => format!("{slug}.timelinejs.json"),
            Format::TimelineCsv => format!("{slug}.timelinejs.csv"),
            Format::Ics => format!("{slug}.ics"),
            Format::NamesCsv => format!("{slug}.names.csv"),
        }
    }

    /// The file's MIME type (text types say their charset).
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json | Format::TimelineJson => "application/json",
            Format::TimelineCsv | Format::NamesCsv => "text/csv;charset=utf-8",
            Format::Ics => "text/calendar;charset=utf-8",
        }
    }

    /// The file's text. `now` is the moment of the export (the iCalendar
    /// `DTSTAMP`, UTC); the other formats do not depend on it.
    pub fn write(self, article: &Article, analysis: &Analysis, url: &str, now: PrimitiveDateTime) -> String {
        match self {
            Format::Json => json(article, analysis),
            Format::TimelineJson => timeline_json(article, analysis, url),
            Format::TimelineCsv => timeline_csv(article, analysis, url),
            Format::Ics => ics(article, analysis, url, now),
            Format::NamesCsv => names_csv(article, analysis),
        }
    }
}

/// A moment given as seconds since 1970-01-01 UTC (the Unix epoch), for
/// [`Format::write`]'s `now`; the epoch itself when out of range.
pub fn utc_from_unix(seconds: i64) -> PrimitiveDateTime {
    let t = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    PrimitiveDateTime::new(t.date(), t.time())
}

/// The whole analysis: exactly what `analyze` prints (pretty JSON and a
/// final line break).
pub fn json(article: &Article, analysis: &Analysis) -> String {
    let mut out = Vec::new();
    serde_json::to_writer_pretty(&mut out, &crate::report::report(article, analysis))
        .expect("writing JSON to memory cannot fail");
    out.push(b'\n');
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// A sentence's text with its line breaks and blanked markup folded into
/// single spaces.
fn sentence_text(article: &Article, span: Span) -> String {
    let s = article.plain.get(span.start..span.end).unwrap_or("");
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A date's calendar fields for TimelineJS: year, month and day, as far as
/// each is known (TimelineJS's date object).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
struct Fields {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
}

impl Fields {
    fn day(d: Date) -> Fields {
        Fields { year: d.year(), month: Some(u8::from(d.month())), day: Some(d.day()) }
    }
}

/// TimelineJS's text object.
#[derive(Serialize)]
struct SlideText {
    headline: String,
    text: String,
}

/// A TimelineJS slide: the title (no date) or an event.
#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Fields>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Fields>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: SlideText,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

/// A TimelineJS document: a title slide and the events.
#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

/// Where a date starts and (for a period TimelineJS has no single field
/// for) ends, and the words to show for it.
struct Period {
    start: Fields,
    end: Option<Fields>,
    display: Option<String>,
}

/// The month `n` months after `(year, month)`.
fn add_months(year: i32, month: Month, n: u8) -> (i32, Month) {
    let zero = i64::from(year) * 12 + i64::from(u8::from(month)) - 1 + i64::from(n);
    let m = Month::try_from((zero.rem_euclid(12) + 1) as u8).unwrap_or(Month::January);
    (i32::try_from(zero.div_euclid(12)).unwrap_or(year), m)
}

fn period(v: DateValue) -> Period {
    let month = |year, month: Month| Fields { year, month: Some(u8::from(month)), day: None };
    match v {
        DateValue::Day(d) => Period { start: Fields::day(d), end: None, display: None },
        DateValue::Month { year, month: m } => Period { start: month(year, m), end: None, display: None },
        DateValue::Year(y) => Period { start: Fields { year: y, month: None, day: None }, end: None, display: None },
        DateValue::Week { .. } => {
            let (first, next) = bounds(v);
            let last = next.and_then(|n| n.previous_day());
            match (first, last) {
                (Some(f), Some(l)) => Period { start: Fields::day(f), end: Some(Fields::day(l)), display: Some(v.to_string()) },
                _ => {
                    let (y, m, d) = v.sort_key();
                    Period { start: Fields { year: y, month: Some(m), day: Some(d) }, end: None, display: Some(v.to_string()) }
                }
            }
        }
        DateValue::Season { year, season } => {
            let (ly, lm) = add_months(year, season.first_month(), 2);
            Period { start: month(year, season.first_month()), end: Some(month(ly, lm)), display: Some(v.to_string()) }
        }
        DateValue::Decade(d) => {
            let first = d.saturating_mul(10);
            Period {
                start: Fields { year: first, month: None, day: None },
                end: Some(Fields { year: first.saturating_add(9), month: None, day: None }),
                display: Some(v.to_string()),
            }
        }
    }
}

/// The first day a date covers and the day after its last (`None` where
/// the calendar cannot hold it).
fn bounds(v: DateValue) -> (Option<Date>, Option<Date>) {
    let first_of = |year: i32, month: Month| Date::from_calendar_date(year, month, 1).ok();
    match v {
        DateValue::Day(d) => (Some(d), d.next_day()),
        DateValue::Month { year, month } => {
            let (ny, nm) = add_months(year, month, 1);
            (first_of(year, month), first_of(ny, nm))
        }
        DateValue::Year(y) => (first_of(y, Month::January), first_of(y.saturating_add(1), Month::January)),
        DateValue::Decade(d) => {
            let y = d.saturating_mul(10);
            (first_of(y, Month::January), first_of(y.saturating_add(10), Month::January))
        }
        DateValue::Week { year, week } => {
            let monday = Date::from_iso_week_date(year, week, time::Weekday::Monday).ok();
            (monday, monday.and_then(|m| m.checked_add(time::Duration::days(7))))
        }
        DateValue::Season { year, season } => {
            let (ny, nm) = add_months(year, season.first_month(), 3);
            (first_of(year, season.first_month()), first_of(ny, nm))
        }
    }
}

/// The article's line for a title slide: place and publication date.
fn byline(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &article.place {
        parts.push(p.clone());
    }
    if let Some(d) = article.published {
        parts.push(DateValue::Day(d).to_string());
    }
    parts.join(", ")
}

/// The title slide's text: the byline and the article's address, escaped.
fn title_text(article: &Article, url: &str) -> String {
    let by = byline(article);
    match (by.is_empty(), url.is_empty()) {
        (true, true) => String::new(),
        (false, true) => escape_html(&by),
        (true, false) => escape_html(url),
        (false, false) => format!("{} · {}", escape_html(&by), escape_html(url)),
    }
}

/// The timeline in TimelineJS's JSON format: a title slide (the article's
/// title, place, date and address) and one slide per event, its headline
/// the event's label and its text the sentence, each with a `unique_id`.
pub fn timeline_json(article: &Article, analysis: &Analysis, url: &str) -> String {
    let events = analysis
        .timeline
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let p = period(e.date);
            Slide {
                start_date: Some(p.start),
                end_date: p.end,
                display_date: p.display,
                text: SlideText { headline: escape_html(&e.label), text: escape_html(&sentence_text(article, e.sentence)) },
                unique_id: Some(format!("event-{}-{}", i + 1, e.date.iso())),
            }
        })
        .collect();
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: SlideText { headline: escape_html(&article.title), text: title_text(article, url) },
        unique_id: None,
    };
    let mut out = Vec::new();
    serde_json::to_writer_pretty(&mut out, &Timeline { title, events }).expect("JSON to memory");
    out.push(b'\n');
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The columns of TimelineJS's Google Sheets template, in its order.
pub const TIMELINE_COLUMNS: [&str; 18] = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
    "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
];

/// A cell a spreadsheet would read as a formula gets a leading `'`.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Appends one CSV record (RFC 4180): fields joined by commas, a field
/// quoted (its quotes doubled) when it holds a comma, a quote or a line
/// break, and the record ended by CRLF.
fn csv_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        let f = f.as_ref();
        if i > 0 {
            out.push(',');
        }
        if f.contains(['"', ',', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

/// The timeline in the columns of TimelineJS's Google Sheets template
/// ([`TIMELINE_COLUMNS`]): a header row, a `title` row, then one row per
/// event (no media, type, group or background).
pub fn timeline_csv(article: &Article, analysis: &Analysis, url: &str) -> String {
    let mut w = String::new();
    csv_record(&mut w, &TIMELINE_COLUMNS);
    let num = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut title = vec![String::new(); TIMELINE_COLUMNS.len()];
    title[9] = cell(&escape_html(&article.title));
    title[10] = cell(&title_text(article, url));
    title[15] = "title".into();
    csv_record(&mut w, &title);
    for e in &analysis.timeline {
        let p = period(e.date);
        let end = p.end;
        let row = [
            p.start.year.to_string(),
            num(p.start.month),
            num(p.start.day),
            String::new(),
            end.map(|f| f.year.to_string()).unwrap_or_default(),
            num(end.and_then(|f| f.month)),
            num(end.and_then(|f| f.day)),
            String::new(),
            p.display.map(|d| cell(&d)).unwrap_or_default(),
            cell(&escape_html(&e.label)),
            cell(&escape_html(&sentence_text(article, e.sentence))),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        csv_record(&mut w, &row);
    }
    w
}

/// The columns of [`names_csv`].
pub const NAMES_COLUMNS: [&str; 5] = ["name", "kind", "description", "mentions", "first sentence"];

/// The names as CSV: one row per entity, in the panel's order (most
/// mentioned first): its name, kind, the description the text gives, its
/// number of mentions and the sentence of its first mention.
pub fn names_csv(article: &Article, analysis: &Analysis) -> String {
    let mut w = String::new();
    csv_record(&mut w, &NAMES_COLUMNS);
    for e in &analysis.entities {
        let first = e.mentions.first().and_then(|m| {
            let i = analysis.sentences.partition_point(|s| s.end <= m.start);
            analysis.sentences.get(i).filter(|s| s.start <= m.start)
        });
        let sentence = first.map(|&s| sentence_text(article, s)).unwrap_or_default();
        let row = [
            cell(&e.name),
            e.kind.as_str().to_string(),
            cell(e.description.as_deref().unwrap_or("")),
            e.mentions.len().to_string(),
            cell(&sentence),
        ];
        csv_record(&mut w, &row);
    }
    w
}

/// iCalendar TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon,
/// comma and line breaks.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (RFC 5545 §3.1: a line
/// break and a space, never inside a UTF-8 character), ended by CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The timeline as an iCalendar file (RFC 5545): one all-day `VEVENT` per
/// dated event whose date the calendar can hold (years 1 to 9999), its
/// `SUMMARY` the event's label, `DESCRIPTION` its sentence and `URL` the
/// article's address; `DTEND` is the day after the date's last day.
pub fn ics(article: &Article, analysis: &Analysis, url: &str, now: PrimitiveDateTime) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lede//Lede news-article viewer//EN", "CALSCALE:GREGORIAN"] {
        ics_line(&mut out, l);
    }
    ics_line(&mut out, &format!("X-WR-CALNAME:{}", ics_text(&article.title)));
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(now.date()),
        now.hour(),
        now.minute(),
        now.second()
    );
    let slug = if article.slug.is_empty() { "article" } else { article.slug.as_str() };
    for (i, e) in analysis.timeline.iter().enumerate() {
        let (Some(start), Some(end)) = bounds(e.date) else { continue };
        if !(1..=9999).contains(&start.year()) || !(1..=9999).contains(&end.year()) {
            continue;
        }
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}-event-{}-{}@lede", ics_text(slug), i + 1, e.date.iso()));
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(start)));
        ics_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&e.label)));
        let mut description = sentence_text(article, e.sentence);
        if !matches!(e.date, DateValue::Day(_)) {
            let _ = write!(description, " ({})", e.date);
        }
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&description)));
        if !url.is_empty() {
            // URL is of type URI: no TEXT escaping, and no line breaks in it.
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            ics_line(&mut out, &format!("URL:{url}"));
        }
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests;
