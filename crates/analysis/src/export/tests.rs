use std::str::FromStr;

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use serde_json::{json, Value};
use time::macros::{date, datetime};

use super::*;
use crate::dates::Season;
use crate::read::{read_str, Format as ReadFormat};

/// A story with days, a month, a week, a season, a year and a decade, and
/// text that HTML, iCalendar and CSV must each escape.
const STORY: &str = "Council Opens the <Riverside> Bridge\n\
SPRINGFIELD, May 6, 2025 – The city council opened the \"Riverside\" bridge on Monday, Mayor Jane Okafor said; the R&D office, the mayor's office and the Springfield Transit Authority had planned it since March 2024.\n\
Work on the old crossing stopped last week, Okafor said.\n\
The Springfield Transit Authority will open a second line this summer.\n\
The first bridge was built in 1905 by the Okafor family, and the town grew fast in the 1990s.\n\
On April 22, Jane Okafor signed the contract with Harbour Steel, a firm from Portland.\n";

const URL: &str = "https://news.example/springfield/bridge.html?x=1,2;3";
const NOW: PrimitiveDateTime = datetime!(2026-12-06 01:52:07);

fn story() -> (Article, Analysis) {
    let article = read_str("bridge.txt", ReadFormat::Text, STORY.to_string()).expect("the story reads");
    let analysis = crate::analysis::analyze(&article);
    (article, analysis)
}

#[test]
fn formats_have_names_files_and_types() {
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name()), Some(f));
        assert!(f.file_name("bridge").starts_with("bridge."), "{f:?}");
    }
    assert_eq!(Format::from_name("xml"), None);
    assert_eq!(Format::Ics.file_name("bridge"), "bridge.ics");
    assert_eq!(Format::NamesCsv.file_name("own/my notes"), "own-my-notes.names.csv");
    assert_eq!(Format::Json.file_name("../x"), "-x.analysis.json");
    assert_eq!(Format::Ics.file_name(""), "article.ics");
    assert_eq!(Format::Ics.mime(), "text/calendar;charset=utf-8");
    assert_eq!(Format::NamesCsv.mime(), "text/csv;charset=utf-8");
    assert_eq!(Format::TimelineJson.mime(), "application/json");
    let names: std::collections::HashSet<String> = Format::ALL.iter().map(|f| f.file_name("x")).collect();
    assert_eq!(names.len(), Format::ALL.len(), "every format has its own file name");
}

#[test]
fn the_story_has_events_of_several_precisions() {
    let (_, a) = story();
    let kinds: Vec<&str> = a
        .timeline
        .iter()
        .map(|e| match e.date {
            DateValue::Day(_) => "day",
            DateValue::Month { .. } => "month",
            DateValue::Year(_) => "year",
            DateValue::Decade(_) => "decade",
            DateValue::Week { .. } => "week",
            DateValue::Season { .. } => "season",
        })
        .collect();
    for k in ["day", "week", "season", "year"] {
        assert!(kinds.contains(&k), "a {k} on the story's timeline: {kinds:?} {:#?}", a.timeline);
    }
}

#[test]
fn periods_map_to_what_they_cover_and_no_more() {
    let f = |year, month, day| Fields { year, month, day };
    let p = period(DateValue::Day(date!(2025 - 05 - 06)));
    assert_eq!((p.start, p.end, p.display), (f(2025, Some(5), Some(6)), None, None));
    let p = period(DateValue::Month { year: 2024, month: Month::March });
    assert_eq!((p.start, p.end), (f(2024, Some(3), None), None));
    let p = period(DateValue::Year(1905));
    assert_eq!((p.start, p.end), (f(1905, None, None), None));
    // ISO week 18 of 2025: Monday 28 April to Sunday 4 May.
    let p = period(DateValue::Week { year: 2025, week: 18 });
    assert_eq!((p.start, p.end), (f(2025, Some(4), Some(28)), Some(f(2025, Some(5), Some(4)))));
    assert_eq!(p.display.as_deref(), Some(DateValue::Week { year: 2025, week: 18 }.to_string().as_str()));
    let p = period(DateValue::Season { year: 2025, season: Season::Summer });
    assert_eq!((p.start, p.end), (f(2025, Some(6), None), Some(f(2025, Some(8), None))));
    assert_eq!(p.display.as_deref(), Some("summer 2025"));
    // Winter runs into the next year.
    let p = period(DateValue::Season { year: 2024, season: Season::Winter });
    assert_eq!((p.start, p.end), (f(2024, Some(12), None), Some(f(2025, Some(2), None))));
    let p = period(DateValue::Decade(199));
    assert_eq!((p.start, p.end), (f(1990, None, None), Some(f(1999, None, None))));
    assert_eq!(p.display.as_deref(), Some("the 1990s"));

    assert_eq!(bounds(DateValue::Day(date!(2024 - 12 - 31))), (Some(date!(2024 - 12 - 31)), Some(date!(2025 - 01 - 01))));
    assert_eq!(
        bounds(DateValue::Month { year: 2024, month: Month::February }),
        (Some(date!(2024 - 02 - 01)), Some(date!(2024 - 03 - 01)))
    );
    assert_eq!(
        bounds(DateValue::Month { year: 2024, month: Month::December }),
        (Some(date!(2024 - 12 - 01)), Some(date!(2025 - 01 - 01)))
    );
    assert_eq!(bounds(DateValue::Year(1905)), (Some(date!(1905 - 01 - 01)), Some(date!(1906 - 01 - 01))));
    assert_eq!(bounds(DateValue::Week { year: 2025, week: 1 }), (Some(date!(2024 - 12 - 30)), Some(date!(2025 - 01 - 06))));
    assert_eq!(
        bounds(DateValue::Season { year: 2024, season: Season::Winter }),
        (Some(date!(2024 - 12 - 01)), Some(date!(2025 - 03 - 01)))
    );
    assert_eq!(bounds(DateValue::Decade(199)), (Some(date!(1990 - 01 - 01)), Some(date!(2000 - 01 - 01))));
}

/// Checks a TimelineJS document against the JSON format Knight Lab
/// publishes (timeline.knightlab.com/docs/json-format.html): the top level
/// takes `events` (required, a list of slides), `title` (a slide), `eras`
/// and `scale`; a slide requires `start_date` (except the title) and may
/// have `end_date`, `text`, `media`, `group`, `display_date`, `background`,
/// `autolink` and `unique_id`; a date object requires `year` (a number) and
/// may have `month` (1–12), `day`, `hour` (0–23), `minute` and `second`
/// (0–59), `millisecond` and `display_date` (a string); a text object has
/// `headline` and `text`, both optional.
fn check_timelinejs(doc: &Value) -> Result<(), String> {
    fn keys(v: &Value, allowed: &[&str], what: &str) -> Result<(), String> {
        let o = v.as_object().ok_or(format!("{what} is not an object"))?;
        match o.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(k) => Err(format!("{what} has a property the format does not define: {k}")),
            None => Ok(()),
        }
    }
    fn int(v: &Value, key: &str, range: std::ops::RangeInclusive<i64>, what: &str) -> Result<Option<i64>, String> {
        match v.get(key) {
            None => Ok(None),
            Some(n) => {
                let n = n.as_i64().ok_or(format!("{what}.{key} is not a whole number: {n}"))?;
                if range.contains(&n) {
                    Ok(Some(n))
                } else {
                    Err(format!("{what}.{key} is out of range: {n}"))
                }
            }
        }
    }
    fn date(v: &Value, what: &str) -> Result<(i64, i64, i64), String> {
        keys(v, &["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"], what)?;
        let year = int(v, "year", i64::MIN..=i64::MAX, what)?.ok_or(format!("{what} has no year"))?;
        let month = int(v, "month", 1..=12, what)?;
        let day = int(v, "day", 1..=31, what)?;
        if day.is_some() && month.is_none() {
            return Err(format!("{what} has a day but no month"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            Date::from_calendar_date(year as i32, Month::try_from(m as u8).expect("1–12"), d as u8)
                .map_err(|e| format!("{what} is not a calendar day: {e}"))?;
        }
        int(v, "hour", 0..=23, what)?;
        int(v, "minute", 0..=59, what)?;
        int(v, "second", 0..=59, what)?;
        if let Some(d) = v.get("display_date") {
            d.as_str().ok_or(format!("{what}.display_date is not a string"))?;
        }
        Ok((year, month.unwrap_or(1), day.unwrap_or(1)))
    }
    fn text(v: &Value, what: &str) -> Result<(), String> {
        keys(v, &["headline", "text"], what)?;
        for k in ["headline", "text"] {
            if let Some(t) = v.get(k) {
                let t = t.as_str().ok_or(format!("{what}.{k} is not a string"))?;
                // HTML is read there: the article's text must arrive escaped.
                if t.contains('<') || t.contains('>') {
                    return Err(format!("{what}.{k} holds markup: {t}"));
                }
            }
        }
        Ok(())
    }
    fn slide(v: &Value, what: &str, title: bool) -> Result<(), String> {
        keys(
            v,
            &["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"],
            what,
        )?;
        let start = match v.get("start_date") {
            Some(d) => Some(date(d, &format!("{what}.start_date"))?),
            None if title => None,
            None => return Err(format!("{what} has no start_date")),
        };
        if let Some(e) = v.get("end_date") {
            let end = date(e, &format!("{what}.end_date"))?;
            if start.is_some_and(|s| end < s) {
                return Err(format!("{what} ends before it starts"));
            }
        }
        if let Some(t) = v.get("text") {
            text(t, &format!("{what}.text"))?;
        }
        for k in ["display_date", "group", "unique_id"] {
            if let Some(s) = v.get(k) {
                s.as_str().ok_or(format!("{what}.{k} is not a string"))?;
            }
        }
        Ok(())
    }
    keys(doc, &["events", "title", "eras", "scale"], "the document")?;
    let events = doc.get("events").ok_or("no events")?.as_array().ok_or("events is not a list")?;
    for (i, e) in events.iter().enumerate() {
        slide(e, &format!("events[{i}]"), false)?;
    }
    if let Some(t) = doc.get("title") {
        slide(t, "title", true)?;
    }
    let ids: Vec<&str> = events.iter().filter_map(|e| e.get("unique_id")?.as_str()).collect();
    if ids.iter().collect::<std::collections::HashSet<_>>().len() != ids.len() {
        return Err("two events share a unique_id".into());
    }
    Ok(())
}

#[test]
fn the_schema_check_catches_what_the_format_forbids() {
    let ok = serde_json::json!({"events": [{"start_date": {"year": 2025, "month": 5, "day": 6}, "text": {"headline": "a", "text": "b"}}]});
    assert_eq!(check_timelinejs(&ok), Ok(()));
    for bad in [
        serde_json::json!({}),
        serde_json::json!({"events": [{"text": {"headline": "no date"}}]}),
        serde_json::json!({"events": [{"start_date": {"month": 5}}]}),
        serde_json::json!({"events": [{"start_date": {"year": "2025"}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025, "month": 13}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025, "month": 2, "day": 30}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025, "day": 3}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025}, "end_date": {"year": 2024}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025}, "text": {"headline": "<b>x</b>"}}]}),
        serde_json::json!({"events": [{"start_date": {"year": 2025}, "date": "x"}]}),
    ] {
        assert!(check_timelinejs(&bad).is_err(), "accepted {bad}");
    }
}

#[test]
fn timelinejs_json_follows_the_published_format() {
    let (article, analysis) = story();
    let out = timeline_json(&article, &analysis, URL);
    let doc: Value = serde_json::from_str(&out).expect("valid JSON");
    check_timelinejs(&doc).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let events = doc["events"].as_array().expect("events");
    assert_eq!(events.len(), analysis.timeline.len());
    assert!(!events.is_empty());
    for (slide, e) in events.iter().zip(&analysis.timeline) {
        assert_eq!(slide["text"]["headline"], json!(escape_html(&e.label)));
        let p = period(e.date);
        assert_eq!(slide["start_date"], serde_json::to_value(p.start).unwrap());
        // The sentence, escaped, is the slide's text.
        let sentence = sentence_text(&article, e.sentence);
        assert_eq!(slide["text"]["text"], json!(escape_html(&sentence)));
    }
    // Title: the article's title, escaped, and its address.
    assert_eq!(doc["title"]["text"]["headline"], json!("Council Opens the &lt;Riverside&gt; Bridge"));
    let title_text = doc["title"]["text"]["text"].as_str().expect("title text");
    assert!(title_text.contains("6 May 2025") && title_text.contains(URL), "{title_text}");
    // The week is its Monday to its Sunday, shown as a week.
    let week = events.iter().find(|s| s.get("display_date").is_some_and(|d| d.as_str().unwrap().contains("week"))).expect("a week");
    assert_eq!(week["start_date"], json!({"year": 2025, "month": 4, "day": 28}));
    assert_eq!(week["end_date"], json!({"year": 2025, "month": 5, "day": 4}));
    // A day has a day; a year has no month.
    assert!(events.iter().any(|s| s["start_date"] == json!({"year": 2025, "month": 5, "day": 5})));
    assert!(events.iter().any(|s| s["start_date"] == json!({"year": 1905})));
    // The ampersand and quotes of the sentences arrive escaped, never raw.
    assert!(out.contains("R&amp;D") && !out.contains("R&D"));
}

#[test]
fn timelinejs_csv_round_trips_in_the_templates_columns() {
    let (article, analysis) = story();
    let out = timeline_csv(&article, &analysis, URL);
    assert!(out.ends_with("\r\n"));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = r.headers().expect("headers").iter().map(String::from).collect();
    assert_eq!(headers, TIMELINE_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), analysis.timeline.len() + 1);
    assert!(rows.iter().all(|r| r.len() == TIMELINE_COLUMNS.len()));
    let col = |name: &str| TIMELINE_COLUMNS.iter().position(|c| *c == name).expect(name);
    assert_eq!(&rows[0][col("Type")], "title");
    assert_eq!(&rows[0][col("Headline")], "Council Opens the &lt;Riverside&gt; Bridge");
    assert_eq!(&rows[0][col("Year")], "");
    // Each event's row says what its TimelineJS JSON slide says.
    let doc: Value = serde_json::from_str(&timeline_json(&article, &analysis, URL)).expect("json");
    for (row, slide) in rows[1..].iter().zip(doc["events"].as_array().expect("events")) {
        let field = |v: &Value| match v {
            Value::Null => String::new(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            v => panic!("{v}"),
        };
        for (c, d, k) in [
            ("Year", "start_date", "year"),
            ("Month", "start_date", "month"),
            ("Day", "start_date", "day"),
            ("End Year", "end_date", "year"),
            ("End Month", "end_date", "month"),
            ("End Day", "end_date", "day"),
        ] {
            assert_eq!(row[col(c)], field(&slide[d][k]), "{c} of {row:?}");
        }
        assert_eq!(row[col("Headline")], field(&slide["text"]["headline"]));
        assert_eq!(row[col("Text")], field(&slide["text"]["text"]));
        assert_eq!(row[col("Display Date")], field(&slide["display_date"]));
        assert_eq!(&row[col("Type")], "");
    }
}

#[test]
fn names_csv_round_trips() {
    let (article, analysis) = story();
    let out = names_csv(&article, &analysis);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(r.headers().expect("headers").iter().collect::<Vec<_>>(), NAMES_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), analysis.entities.len());
    for (row, e) in rows.iter().zip(&analysis.entities) {
        assert_eq!(&row[0], e.name);
        assert_eq!(&row[1], e.kind.as_str());
        assert_eq!(&row[2], e.description.as_deref().unwrap_or(""));
        assert_eq!(row[3].parse::<usize>().expect("a count"), e.mentions.len());
        let first = e.mentions[0].of(&article.text);
        assert!(row[4].contains(first), "{first} in its first sentence: {}", &row[4]);
    }
    let okafor = rows.iter().find(|r| &r[0] == "Jane Okafor").expect("Jane Okafor is listed");
    assert_eq!(&okafor[1], "person");
    assert!(okafor[4].starts_with("SPRINGFIELD, May 6, 2025 – The city council opened the \"Riverside\" bridge"), "{}", &okafor[4]);
    // The quotes, commas and semicolons of that sentence survived the trip.
    assert!(okafor[4].contains("\"Riverside\" bridge on Monday, Mayor Jane Okafor said; the R&D office"));
}

#[test]
fn csv_cells_a_spreadsheet_would_run_get_a_quote() {
    assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(cell("+1"), "'+1");
    assert_eq!(cell("-2 degrees"), "'-2 degrees");
    assert_eq!(cell("@sum"), "'@sum");
    assert_eq!(cell("Lavrov"), "Lavrov");
    assert_eq!(cell(""), "");
}

#[test]
fn ics_parses_back_with_one_all_day_event_per_timeline_event() {
    let (article, analysis) = story();
    let out = ics(&article, &analysis, URL, NOW);
    // RFC 5545: CRLF line ends, lines of at most 75 octets.
    assert!(out.ends_with("END:VCALENDAR\r\n"));
    for line in out.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
        assert!(!line.contains('\n'), "a bare line feed in {line:?}");
    }
    let cal = Calendar::from_str(&out).expect("the calendar parses");
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert!(cal.property_value("PRODID").is_some());
    let events: Vec<&icalendar::Event> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), analysis.timeline.len());
    let mut uids = std::collections::HashSet::new();
    for (ev, e) in events.iter().zip(&analysis.timeline) {
        assert!(uids.insert(ev.get_uid().expect("a UID").to_string()));
        assert_eq!(ev.property_value("DTSTAMP"), Some("20261206T015207Z"));
        assert_eq!(ev.get_summary(), Some(e.label.as_str()));
        let sentence = sentence_text(&article, e.sentence);
        let description = ev.get_description().expect("a description");
        assert!(description.starts_with(&sentence), "{description}");
        assert_eq!(ev.get_url(), Some(URL));
        let (first, next) = bounds(e.date);
        let day = |d: Option<DatePerhapsTime>| match d {
            Some(DatePerhapsTime::Date(d)) => d.to_string(),
            other => panic!("not an all-day date: {other:?}"),
        };
        let iso = |d: Option<Date>| DateValue::Day(d.expect("a day")).iso();
        assert_eq!(day(ev.get_start()), iso(first));
        assert_eq!(day(ev.get_end()), iso(next));
        if let DateValue::Day(d) = e.date {
            assert_eq!(next, d.next_day(), "a day's event ends the next day");
        }
    }
}

#[test]
fn ics_escapes_text_and_folds_long_lines_whole_characters_at_a_time() {
    assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    let mut out = String::new();
    let long = format!("DESCRIPTION:{}", "é".repeat(100));
    ics_line(&mut out, &long);
    let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(lines.len() > 2);
    assert!(lines.iter().all(|l| l.len() <= 75));
    assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
    let unfolded: String = lines.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect();
    assert_eq!(unfolded, long);
}

#[test]
fn the_json_export_is_what_analyze_prints() {
    let (article, analysis) = story();
    let out = json(&article, &analysis);
    let mut expected = Vec::new();
    serde_json::to_writer_pretty(&mut expected, &crate::report::report(&article, &analysis)).unwrap();
    expected.push(b'\n');
    assert_eq!(out.as_bytes(), expected.as_slice());
    assert_eq!(Format::Json.write(&article, &analysis, URL, NOW), out);
}

#[test]
fn utc_from_unix_reads_seconds_since_the_epoch() {
    assert_eq!(utc_from_unix(0), datetime!(1970-01-01 00:00:00));
    assert_eq!(utc_from_unix(1_780_000_000), datetime!(2026-05-28 20:26:40));
}

#[test]
fn csv_records_round_trip_through_the_csv_reader() {
    let rows: [[&str; 4]; 3] = [
        ["plain", "a, comma", "a \"quote\"", "two\r\nlines"],
        ["", "\n", "\"", "é, ü; 中文"],
        [" spaced ", "'=1", "a\rb", ","],
    ];
    let mut out = String::new();
    for r in &rows {
        csv_record(&mut out, r);
    }
    assert!(out.ends_with("\r\n"));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
    let back: Vec<Vec<String>> = reader.records().map(|r| r.expect("a record").iter().map(String::from).collect()).collect();
    let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect();
    assert_eq!(back, expected);
}
