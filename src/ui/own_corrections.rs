//! The corrections a reader makes to their own article in the page, and
//! their TOML text.
//!
//! Each change the reader makes (a kind, "not a name", two names that are
//! one, a description, an event's date or label, an event removed) is one
//! [`Entry`], kept in the order made so the last one can be undone
//! (`lede:own-correction-log:SLUG`, JSON). After every change the entries
//! are written out as the TOML of a `NAME.lede.toml` sidecar ([`render`],
//! see [`lede_analysis::corrections`]) and kept as the article's
//! corrections (`lede:own-corrections:SLUG`): that text is what the worker
//! reads and applies, and what the reader copies to keep beside their file.
//!
//! The viewer writes TOML but never reads it (the `toml` crate is in the
//! worker's bundle only); the tests read what it writes back with
//! [`lede_analysis::corrections::parse`].

use serde::{Deserialize, Serialize};

/// One correction the reader made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// This name is of this kind (`person`, `organization`, `place`, `group`).
    Kind { name: String, kind: String },
    /// This text is not a name.
    NotName(String),
    /// These names are one referent.
    Same(Vec<String>),
    /// This name's description.
    Description { name: String, description: String },
    /// The event told in the sentence holding `find`: dropped, or given a date and/or label.
    Event { find: String, drop: bool, date: Option<String>, label: Option<String> },
}

/// `s` as a TOML basic string: quoted, with `\`, `"` and control
/// characters escaped.
pub fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The entries as the TOML of a corrections file. TOML takes each table
/// once, so entries are grouped by table; for a name given a kind (or a
/// description) twice, the later one stands.
pub fn render(entries: &[Entry]) -> String {
    let mut not_names: Vec<&str> = Vec::new();
    let mut kinds: Vec<(&str, &str)> = Vec::new();
    let mut descriptions: Vec<(&str, &str)> = Vec::new();
    let mut same = String::new();
    let mut events = String::new();
    for e in entries {
        match e {
            Entry::Kind { name, kind } => {
                kinds.retain(|(n, _)| n != name);
                kinds.push((name, kind));
            }
            Entry::NotName(n) => {
                if !not_names.contains(&n.as_str()) {
                    not_names.push(n);
                }
            }
            Entry::Same(names) => {
                let list: Vec<String> = names.iter().map(|n| basic_string(n)).collect();
                same.push_str(&format!("\n[[same]]\nnames = [{}]\n", list.join(", ")));
            }
            Entry::Description { name, description } => {
                descriptions.retain(|(n, _)| n != name);
                descriptions.push((name, description));
            }
            Entry::Event { find, drop, date, label } => {
                events.push_str(&format!("\n[[events]]\nmatch = {}\n", basic_string(find)));
                if *drop {
                    events.push_str("drop = true\n");
                }
                if let Some(d) = date {
                    events.push_str(&format!("date = {}\n", basic_string(d)));
                }
                if let Some(l) = label {
                    events.push_str(&format!("label = {}\n", basic_string(l)));
                }
            }
        }
    }
    let mut out = String::new();
    if !not_names.is_empty() {
        let list: Vec<String> = not_names.iter().map(|n| basic_string(n)).collect();
        out.push_str(&format!("not_names = [{}]\n", list.join(", ")));
    }
    let table = |out: &mut String, title: &str, rows: &[(&str, &str)]| {
        if !rows.is_empty() {
            out.push_str(&format!("\n[{title}]\n"));
            for (k, v) in rows {
                out.push_str(&format!("{} = {}\n", basic_string(k), basic_string(v)));
            }
        }
    };
    table(&mut out, "kinds", &kinds);
    table(&mut out, "descriptions", &descriptions);
    out.push_str(&same);
    out.push_str(&events);
    out.trim_start().to_string()
}

#[cfg(target_arch = "wasm32")]
mod store {
    use gloo::storage::{LocalStorage, Storage};

    use super::Entry;

    pub fn log(slug: &str) -> Vec<Entry> {
        LocalStorage::get(format!("lede:own-correction-log:{slug}")).unwrap_or_default()
    }
    pub fn set_log(slug: &str, entries: &[Entry]) {
        if entries.is_empty() {
            LocalStorage::delete(format!("lede:own-correction-log:{slug}"));
        } else {
            let _ = LocalStorage::set(format!("lede:own-correction-log:{slug}"), entries);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod store {
    use super::Entry;

    pub fn log(_: &str) -> Vec<Entry> {
        Vec::new()
    }
    pub fn set_log(_: &str, _: &[Entry]) {}
}

/// The corrections the reader made to a kept article, in the order made.
pub fn entries(slug: &str) -> Vec<Entry> {
    store::log(slug)
}

/// Keeps a kept article's corrections: the entries, and their TOML as the
/// article's corrections (see [`super::own::set_corrections`]).
pub fn set_entries(slug: &str, entries: &[Entry]) {
    store::set_log(slug, entries);
    super::own::set_corrections(slug, &render(entries));
}

/// Adds one correction to a kept article.
pub fn push(slug: &str, entry: Entry) {
    let mut all = entries(slug);
    all.push(entry);
    set_entries(slug, &all);
}

/// Takes back the last correction made to a kept article; `false` when there was none.
pub fn undo(slug: &str) -> bool {
    let mut all = entries(slug);
    let had = all.pop().is_some();
    set_entries(slug, &all);
    had
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_analysis::corrections::{parse, EventChange, Fix};
    use lede_analysis::dates::DateValue;
    use lede_analysis::entities::EntityKind;

    fn fixes(toml: &str) -> Vec<Fix> {
        parse("t.lede.toml", toml).unwrap_or_else(|e| panic!("{e}\n{toml}")).list.into_iter().map(|c| c.fix).collect()
    }

    #[test]
    fn basic_strings_escape_what_toml_needs() {
        assert_eq!(basic_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(basic_string("x\ny\u{1}"), "\"x\\ny\\u0001\"");
        for s in ["plain", "quote \" back \\ slash", "tab\tand\u{7f}del", "Zoë Ångström’s “dream”", "\\\"", "end\\"] {
            let toml = format!("[descriptions]\n\"N\" = {}\n", basic_string(s));
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fixes(&toml), vec![Fix::Description { name: "N".into(), description: want }], "{s:?}");
        }
    }

    #[test]
    fn every_entry_reads_back_as_the_same_correction() {
        let tricky = r#"The "Blue" \ Harbor"#;
        let cases = vec![
            (Entry::Kind { name: tricky.into(), kind: "organization".into() }, Fix::Kind { name: tricky.into(), kind: EntityKind::Organization }),
            (Entry::NotName("Selene \"Pathfinder\"".into()), Fix::NotName("Selene \"Pathfinder\"".into())),
            (Entry::Same(vec!["JAXA".into(), "Japan \\ Agency".into()]), Fix::Same(vec!["JAXA".into(), "Japan \\ Agency".into()])),
            (
                Entry::Description { name: "Marta".into(), description: "Flight \"director\"".into() },
                Fix::Description { name: "Marta".into(), description: "Flight \"director\"".into() },
            ),
            (
                Entry::Event { find: "braking into \"orbit\"".into(), drop: true, date: None, label: None },
                Fix::Event { find: "braking into \"orbit\"".into(), change: EventChange::Drop },
            ),
            (
                Entry::Event { find: "launched".into(), drop: false, date: Some("2024-03-04".into()), label: Some("Launch \\ day".into()) },
                Fix::Event {
                    find: "launched".into(),
                    change: EventChange::Set { date: DateValue::from_iso("2024-03-04"), label: Some("Launch \\ day".into()) },
                },
            ),
        ];
        for (entry, fix) in &cases {
            assert_eq!(fixes(&render(std::slice::from_ref(entry))), vec![fix.clone()], "{entry:?}");
        }
        // All at once: one valid file, each correction once.
        let all: Vec<Entry> = cases.iter().map(|(e, _)| e.clone()).collect();
        let got = fixes(&render(&all));
        assert_eq!(got.len(), cases.len());
        for (_, fix) in &cases {
            assert!(got.contains(fix), "{fix:?} in {got:?}");
        }
    }

    #[test]
    fn a_later_kind_or_description_for_a_name_stands() {
        let entries = vec![
            Entry::Kind { name: "Blue Harbor".into(), kind: "place".into() },
            Entry::Description { name: "Blue Harbor".into(), description: "a port".into() },
            Entry::Kind { name: "Blue Harbor".into(), kind: "organization".into() },
            Entry::Kind { name: "Halifax".into(), kind: "place".into() },
            Entry::Description { name: "Blue Harbor".into(), description: "a terminal".into() },
            Entry::NotName("Monday".into()),
            Entry::NotName("Monday".into()),
        ];
        let got = fixes(&render(&entries));
        assert_eq!(
            got,
            vec![
                Fix::NotName("Monday".into()),
                Fix::Kind { name: "Blue Harbor".into(), kind: EntityKind::Organization },
                Fix::Kind { name: "Halifax".into(), kind: EntityKind::Place },
                Fix::Description { name: "Blue Harbor".into(), description: "a terminal".into() },
            ]
        );
        assert_eq!(render(&[]), "");
    }
}
