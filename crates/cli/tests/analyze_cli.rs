//! The `analyze` command, run as a user would: JSON on standard output with
//! character offsets, standard input, `--published`, each `--format`, and a
//! one-line error with exit status 1 for a file that is not an article or an
//! unknown format.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_analyze");

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles/russia-offers-to-mediate-kashmir.txt")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_env(args, stdin, &[])
}

fn run_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("analyze runs");
    if let Some(bytes) = stdin {
        // The command may stop before reading (a bad argument): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

fn slice(chars: &[char], start: &Value, end: &Value) -> String {
    let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    assert!(s < e && e <= chars.len(), "offsets {s}..{e} in {} chars", chars.len());
    chars[s..e].iter().collect()
}

#[test]
fn the_seed_gives_a_report_with_character_offsets() {
    let path = seed_path();
    let text = std::fs::read_to_string(&path).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let r = json(&run(&[path.to_str().unwrap()], None));
    assert_eq!(r["title"], "Russia Offers to Mediate India-Pakistan Tensions Over Kashmir");
    assert_eq!(r["published"], "2025-05-06");
    assert_eq!(r["place"], "Moscow");
    for key in ["entities", "dates", "context", "timeline"] {
        assert!(r[key].is_array(), "{key} is a list");
    }
    let entities = r["entities"].as_array().unwrap();
    let mut ids = std::collections::HashSet::new();
    for e in entities {
        assert!(ids.insert(e["id"].as_str().unwrap().to_string()), "ids are unique");
        assert!(["person", "organization", "place", "group"].contains(&e["kind"].as_str().unwrap()));
        assert!(e["description"].is_null() || e["description"].is_string());
        let mentions = e["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty());
        for m in mentions {
            let got = slice(&chars, &m["start"], &m["end"]);
            // A mention is the name itself or a short form of it (surname, acronym).
            let name = e["name"].as_str().unwrap();
            assert!(
                name.contains(got.as_str()) || got.split_whitespace().all(|w| name.contains(w)),
                "mention {got:?} of {name}"
            );
        }
    }
    let lavrov = entities.iter().find(|e| e["name"] == "Sergei Lavrov").expect("Lavrov");
    assert_eq!(lavrov["kind"], "person");
    assert_eq!(lavrov["description"], "Russian Foreign Minister");
    let texts: Vec<String> =
        lavrov["mentions"].as_array().unwrap().iter().map(|m| slice(&chars, &m["start"], &m["end"])).collect();
    assert_eq!(texts[0], "Sergei Lavrov");
    assert!(texts[1..].iter().all(|t| t == "Lavrov"), "{texts:?}");
    // Offsets count characters: “Russia’s” holds a multi-byte apostrophe before later mentions.
    let eu = entities.iter().find(|e| e["name"] == "European Union").unwrap();
    assert_eq!(slice(&chars, &eu["mentions"][0]["start"], &eu["mentions"][0]["end"]), "European Union");

    for d in r["dates"].as_array().unwrap() {
        assert_eq!(slice(&chars, &d["start"], &d["end"]), d["text"].as_str().unwrap());
        assert!(d["value"].is_string() && d["relative"].is_boolean());
    }
    let timeline: Vec<&str> = r["timeline"].as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(timeline, ["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"]);
    for e in r["timeline"].as_array().unwrap() {
        let sentence = slice(&chars, &e["start"], &e["end"]);
        assert!(!e["label"].as_str().unwrap().is_empty());
        assert!(sentence.len() > e["label"].as_str().unwrap().len() / 2);
    }
}

#[test]
fn standard_input_reads_like_a_file() {
    let bytes = std::fs::read(seed_path()).unwrap();
    let from_file = json(&run(&[seed_path().to_str().unwrap()], None));
    let from_stdin = json(&run(&["-"], Some(&bytes)));
    assert_eq!(from_file, from_stdin);
}

#[test]
fn published_dates_an_undated_text() {
    let text = b"Storm Hits Coast\n\nMIAMI (AP) _ A storm hit the coast on Sunday, officials said.\n";
    let without = json(&run(&["-"], Some(text)));
    assert!(without["published"].is_null());
    assert!(without["dates"].as_array().unwrap().is_empty(), "a weekday needs a publication date");
    let with = json(&run(&["--published", "2025-05-06", "-"], Some(text)));
    assert_eq!(with["published"], "2025-05-06");
    assert_eq!(with["dates"][0]["text"], "Sunday");
    assert_eq!(with["dates"][0]["value"], "2025-05-04");
    // A dated text keeps its own date.
    let dated = json(&run(&["--published", "2000-01-01", seed_path().to_str().unwrap()], None));
    assert_eq!(dated["published"], "2025-05-06");
    // A bad date is refused.
    let bad = run(&["--published", "someday", "-"], Some(text));
    assert_eq!(bad.status.code(), Some(1));
}

fn assert_one_line_failure(out: &Output) {
    assert_eq!(out.status.code(), Some(1), "exit status");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("analyze: "), "{err:?}");
}

#[test]
fn what_is_not_an_article_fails_with_one_line() {
    let dir = std::env::temp_dir().join(format!("lede-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0x7f, b'E', b'L', b'F', 0, 1, 2, 3, 0xff, 0xfe, 0, 0]).unwrap();
    let nul = dir.join("nul.txt");
    std::fs::write(&nul, b"Title\n\x00\x01\x02 body").unwrap();
    for f in [&empty, &binary, &nul] {
        let out = run(&[f.to_str().unwrap()], None);
        assert_one_line_failure(&out);
        assert!(String::from_utf8_lossy(&out.stderr).contains(f.file_name().unwrap().to_str().unwrap()));
    }
    assert_one_line_failure(&run(&["-"], Some(b"")));
    assert_one_line_failure(&run(&["-"], Some(&[0, 159, 146, 150])));
    assert_one_line_failure(&run(&[dir.join("missing.txt").to_str().unwrap()], None));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_undated_text_gets_a_note_about_relative_dates() {
    let text = b"Talks Resume\n\nWASHINGTON (AP) \xe2\x80\x94 Officials met on Monday and will meet again next week.\n";
    let out = run(&["-"], Some(text));
    let r = json(&out);
    assert!(r["published"].is_null());
    assert!(r["dates"].as_array().unwrap().is_empty(), "nothing to resolve relative dates with");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.contains("no publication date") && err.contains("--published YYYY-MM-DD"), "{err}");
    // With a date, from the text or the option, there is nothing to say.
    let dated = run(&["--published", "2025-05-06", "-"], Some(text));
    assert_eq!(json(&dated)["dates"].as_array().unwrap().len(), 2);
    assert!(dated.stderr.is_empty(), "{}", String::from_utf8_lossy(&dated.stderr));
    assert!(run(&[seed_path().to_str().unwrap()], None).stderr.is_empty());
}

fn text(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8 on stdout")
}

#[test]
fn format_json_is_the_default_output_byte_for_byte() {
    let seed = seed_path();
    let default = run(&[seed.to_str().unwrap()], None);
    let named = run(&["--format", "json", seed.to_str().unwrap()], None);
    assert!(default.status.success() && !default.stdout.is_empty());
    assert_eq!(default.stdout, named.stdout);
}

#[test]
fn format_timelinejs_gives_one_slide_per_timeline_event() {
    let seed = seed_path();
    let report = json(&run(&[seed.to_str().unwrap()], None));
    let timeline = report["timeline"].as_array().unwrap();
    let doc: Value = serde_json::from_str(&text(&run(&["--format", "timelinejs", "--url", "https://news.example/a.html", seed.to_str().unwrap()], None))).unwrap();
    let events = doc["events"].as_array().expect("events");
    assert_eq!(events.len(), timeline.len());
    assert!(!events.is_empty());
    for (slide, e) in events.iter().zip(timeline) {
        // The seed's events are all days: 2025-05-06 is {year 2025, month 5, day 6}.
        let iso = e["date"].as_str().unwrap();
        let d = &slide["start_date"];
        assert_eq!(format!("{}-{:02}-{:02}", d["year"], d["month"].as_u64().unwrap(), d["day"].as_u64().unwrap()), iso);
        assert_eq!(slide["text"]["headline"], e["label"]);
    }
    assert_eq!(doc["title"]["text"]["headline"], report["title"]);
    assert!(doc["title"]["text"]["text"].as_str().unwrap().contains("https://news.example/a.html"));
}

#[test]
fn format_timelinejs_csv_has_the_templates_columns() {
    let seed = seed_path();
    let report = json(&run(&[seed.to_str().unwrap()], None));
    let out = text(&run(&["--format", "timelinejs-csv", seed.to_str().unwrap()], None));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
         "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][15], "title");
    let timeline = report["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), timeline.len() + 1);
    for (row, e) in rows[1..].iter().zip(timeline) {
        assert_eq!(format!("{}-{:0>2}-{:0>2}", &row[0], &row[1], &row[2]), e["date"].as_str().unwrap());
        assert_eq!(&row[9], e["label"].as_str().unwrap());
    }
}

#[test]
fn format_ics_writes_one_all_day_event_per_timeline_event() {
    let seed = seed_path();
    let report = json(&run(&[seed.to_str().unwrap()], None));
    let timeline = report["timeline"].as_array().unwrap();
    let out = text(&run_env(&["--format", "ics", seed.to_str().unwrap()], None, &[("SOURCE_DATE_EPOCH", "1780000000")]));
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), timeline.len());
    assert_eq!(lines.iter().filter(|l| **l == "DTSTAMP:20260528T202640Z").count(), timeline.len());
    let starts: Vec<String> = lines.iter().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).map(String::from).collect();
    let dates: Vec<String> = timeline.iter().map(|e| e["date"].as_str().unwrap().replace('-', "")).collect();
    assert_eq!(starts, dates);
    // By default the event's URL is the file's own address.
    let abs = std::fs::canonicalize(&seed).unwrap();
    let url = format!("URL:file://{}", abs.to_str().unwrap());
    let unfolded = out.replace("\r\n ", "");
    assert!(unfolded.split("\r\n").any(|l| l == url), "{url} in\n{out}");
    let given = text(&run(&["--format", "ics", "--url", "https://news.example/a.html", seed.to_str().unwrap()], None));
    assert!(given.contains("\r\nURL:https://news.example/a.html\r\n"));
}

#[test]
fn format_names_csv_lists_every_entity() {
    let seed = seed_path();
    let report = json(&run(&[seed.to_str().unwrap()], None));
    let out = text(&run(&["--format", "names-csv", seed.to_str().unwrap()], None));
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["name", "kind", "description", "mentions", "first sentence"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let entities = report["entities"].as_array().unwrap();
    assert_eq!(rows.len(), entities.len());
    for (row, e) in rows.iter().zip(entities) {
        assert_eq!(&row[0], e["name"].as_str().unwrap());
        assert_eq!(&row[1], e["kind"].as_str().unwrap());
        assert_eq!(row[3].parse::<usize>().unwrap(), e["mentions"].as_array().unwrap().len());
    }
    let lavrov = rows.iter().find(|r| &r[0] == "Sergei Lavrov").expect("Lavrov");
    assert!(lavrov[4].contains("Lavrov"), "{}", &lavrov[4]);
}

#[test]
fn an_unknown_format_fails_with_one_line_naming_the_formats() {
    let out = run(&["--format", "xml", seed_path().to_str().unwrap()], None);
    assert_one_line_failure(&out);
    let err = String::from_utf8(out.stderr).unwrap();
    for f in ["“xml”", "json", "timelinejs", "timelinejs-csv", "ics", "names-csv"] {
        assert!(err.contains(f), "{f} in {err}");
    }
    assert_one_line_failure(&run(&["--format"], None));
}

/// A folder of its own for a test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const HARBOUR: &str = "Harbour Talks\nHALIFAX, Oct. 17, 2024 – The Blue Harbor terminal will reopen in Halifax on Friday, officials said.\n\nHarbour master Samuel Okoro said ships were waiting. Mags told reporters she agreed.\n";

#[test]
fn a_sidecar_corrects_the_report_and_explain_says_what_made_each_name() {
    let dir = temp_dir("sidecar");
    let article = dir.join("harbour.txt");
    std::fs::write(&article, HARBOUR).unwrap();
    let plain = json(&run(&[article.to_str().unwrap()], None));
    assert!(plain.get("corrections").is_none(), "no corrections, no key");
    let kind_of = |r: &Value, name: &str| {
        r["entities"].as_array().unwrap().iter().find(|e| e["name"] == name).map(|e| e["kind"].as_str().unwrap().to_string())
    };
    assert_eq!(kind_of(&plain, "Blue Harbor").as_deref(), Some("place"));
    let sidecar = dir.join("harbour.lede.toml");
    std::fs::write(
        &sidecar,
        "[kinds]\n\"Blue Harbor\" = \"organization\"\n\n[[same]]\nnames = [\"Samuel Okoro\", \"Mags\"]\n\n[descriptions]\n\"Red Harbor\" = \"gone\"\n",
    )
    .unwrap();
    let out = run(&[article.to_str().unwrap()], None);
    let r = json(&out);
    assert_eq!(kind_of(&r, "Blue Harbor").as_deref(), Some("organization"));
    let okoro = r["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Samuel Okoro").unwrap();
    assert_eq!(okoro["mentions"].as_array().unwrap().len(), 2);
    let applied: Vec<(u64, &str)> = r["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["line"].as_u64().unwrap(), c["correction"].as_str().unwrap()))
        .collect();
    assert_eq!(applied, [(4, "same"), (2, "kind")]);
    // The one that matches nothing is a warning naming the file and the line.
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, format!("{}:8: warning: [descriptions]: no name “Red Harbor” in the article\n", sidecar.display()));
    // Everything but the corrected names is as before.
    for key in ["title", "published", "place", "dates", "context", "timeline"] {
        assert_eq!(r[key], plain[key], "{key}");
    }

    let out = run(&["--explain", article.to_str().unwrap()], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let side = sidecar.display();
    assert!(text.contains(&format!("name   Blue Harbor (organization): correction  {side}:2\n")), "{text}");
    assert!(text.contains(&format!("name   Samuel Okoro (person): correction  {side}:4\n")), "{text}");
    assert!(text.contains("name   Halifax (place): rule\n"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("event  2024-10-") && l.ends_with(": rule")), "{text}");

    // --corrections names another file; a malformed one stops with its line.
    let other = dir.join("other.toml");
    std::fs::write(&other, "[[events]]\nmatch = \"reopen\"\nlabel = \"Terminal reopens\"\n").unwrap();
    let r = json(&run(&["--corrections", other.to_str().unwrap(), article.to_str().unwrap()], None));
    assert_eq!(r["timeline"].as_array().unwrap().iter().filter(|e| e["label"] == "Terminal reopens").count(), 1);
    assert_eq!(kind_of(&r, "Blue Harbor").as_deref(), Some("place"), "the sidecar is not read then");
    std::fs::write(&other, "[kinds]\n\"Blue Harbor\" = \"vessel\"\n").unwrap();
    let out = run(&["--corrections", other.to_str().unwrap(), article.to_str().unwrap()], None);
    assert_one_line_failure(&out);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{}:2: error: “vessel” is not a kind; the kinds are person, organization, place, group", other.display())),
        "{err}"
    );
    std::fs::write(&sidecar, "[kinds\n").unwrap();
    let out = run(&[article.to_str().unwrap()], None);
    assert_one_line_failure(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:1: error: ", sidecar.display())));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn front_matter_corrections_set_the_publication_date_before_dates_resolve() {
    let md = "---\ntitle: Harbour Talks\ncorrections:\n  published = \"2024-10-17\"\n  place = \"Halifax\"\n---\n\nThe terminal will reopen on Friday, officials said.\n";
    let out = run(&["-"], Some(md.as_bytes()));
    let r = json(&out);
    assert!(out.stderr.is_empty(), "dated by the correction: no note; {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!((r["published"].as_str(), r["place"].as_str()), (Some("2024-10-17"), Some("Halifax")));
    assert_eq!(r["dates"][0]["value"], "2024-10-18");
    assert_eq!(r["corrections"].as_array().unwrap().len(), 2);
}

#[test]
fn help_lists_every_option_and_a_missing_file_is_one_line() {
    let out = run(&["--help"], None);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in ["--published", "--format", "--url", "--corrections", "--explain", "<FILE>"] {
        assert!(help.contains(option), "{option} in {help}");
    }
    assert_one_line_failure(&run(&[], None));
    assert_one_line_failure(&run(&["--no-such-option", seed_path().to_str().unwrap()], None));
}
