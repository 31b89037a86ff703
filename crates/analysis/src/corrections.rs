//! An author's corrections to the analysis of their article.
//!
//! No rule is right on every article, so the person who publishes one can
//! correct what Lede found and keep the correction with the article: in a
//! `corrections:` block of a Markdown article's front matter (the TOML below,
//! indented under the key), or in a sidecar file beside the article,
//! `NAME.lede.toml` for `NAME.txt` or `NAME.md`.
//!
//! ```toml
//! published = "2024-03-08"         # the publication date, when the dateline has none
//! place = "Darmstadt"              # the dateline's place
//! not_names = ["Selene Pathfinder"] # text that is not a name
//!
//! [kinds]                          # a name's kind: person, organization, place or group
//! "Blue Harbor" = "organization"
//!
//! [descriptions]                   # a name's description
//! "Marta Lindqvist" = "Flight director of the mission"
//!
//! [[same]]                         # names of one referent (an acronym and its long form)
//! names = ["JAXA", "Japan Aerospace Exploration Agency"]
//!
//! [[events]]                       # a timeline event, by words of its sentence
//! match = "braking into orbit"
//! drop = true                      # or: date = "2024-03-04", label = "…"
//!
//! [[add_names]]                    # a name the analysis missed
//! name = "Ariane 6"
//! kind = "organization"
//! description = "…"                # optional
//!
//! [[add_events]]                   # an event the analysis missed
//! match = "launched from Kourou"   # words of the sentence that tells it
//! date = "2023-12-12"
//! label = "Launch from Kourou"
//! ```
//!
//! Corrections apply after the analysis, in one pass ([`apply`]), everywhere
//! an article is analysed: the build (`build.rs`, so the site), the
//! `analyze` command and the browser's worker. The publication date and
//! place are the exception: they are set on the article before it is
//! analysed ([`prepare`]), so relative dates resolve against them;
//! [`analyze`] does both. The pass takes the corrections in this order:
//! names that are not names, added names, joined names, kinds,
//! descriptions, event changes, added events.
//!
//! A file that is not valid TOML, a key Lede does not know, a date it cannot
//! read or a kind it does not have is an [`Error`] naming the file and the
//! line: the build stops. A correction that matches nothing (the text has
//! changed since it was written) is a [`Warning`] naming the file and the
//! line: the article is still built, without it.

use std::fmt;

use serde::Deserialize;
use time::Date;
use toml::Spanned;

use crate::analysis::{Analysis, Mention};
use crate::dates::{parse_date_phrase, DateValue};
use crate::entities::{Entity, EntityKind};
use crate::model::{slugify, Article};
use crate::span::Span;
use crate::timeline::Event;

/// One correction, as the author wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// `published = "…"`: the publication date.
    Published(Date),
    /// `place = "…"`: the dateline's place.
    Place(String),
    /// `not_names = [...]`: this text is not a name.
    NotName(String),
    /// `[[add_names]]`: a name the analysis missed.
    AddName { name: String, kind: EntityKind, description: Option<String> },
    /// `[[same]]`: these names are one referent.
    Same(Vec<String>),
    /// `[kinds]`: this name is of this kind.
    Kind { name: String, kind: EntityKind },
    /// `[descriptions]`: this name's description.
    Description { name: String, description: String },
    /// `[[events]]`: the event told in the sentence holding `find`.
    Event { find: String, change: EventChange },
    /// `[[add_events]]`: an event the analysis missed, told in the sentence holding `find`.
    AddEvent { find: String, date: DateValue, label: String },
}

/// What an `[[events]]` entry does to its event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventChange {
    Drop,
    Set { date: Option<DateValue>, label: Option<String> },
}

/// A correction and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub line: usize,
    pub fix: Fix,
}

/// An article's corrections, in the order they stand in their file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    /// The file they were read from, for messages.
    pub file: String,
    pub list: Vec<Correction>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Corrections that cannot be read: the build stops on one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: error: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for Error {}

/// A correction that matched nothing: the article is built without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.file, self.line, self.message)
    }
}

/// A correction that took effect, and what it did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    pub line: usize,
    /// Which kind of correction: `published`, `place`, `not_name`,
    /// `add_name`, `same`, `kind`, `description`, `event`, `add_event`.
    pub correction: &'static str,
    /// What it did, in words.
    pub result: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSame {
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    #[serde(rename = "match")]
    find: String,
    #[serde(default)]
    drop: bool,
    date: Option<Spanned<String>>,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawName {
    name: String,
    kind: Spanned<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAddEvent {
    #[serde(rename = "match")]
    find: String,
    date: Spanned<String>,
    label: String,
}

/// The file format, as serde reads it (spans give lines).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    published: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    #[serde(default)]
    not_names: Vec<Spanned<String>>,
    #[serde(default, deserialize_with = "entries")]
    kinds: Vec<(Spanned<String>, Spanned<String>)>,
    #[serde(default, deserialize_with = "entries")]
    descriptions: Vec<(Spanned<String>, Spanned<String>)>,
    #[serde(default)]
    same: Vec<Spanned<RawSame>>,
    #[serde(default)]
    events: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    add_names: Vec<Spanned<RawName>>,
    #[serde(default)]
    add_events: Vec<Spanned<RawAddEvent>>,
}

/// A key of a TOML table and its value, each with where it was written.
type Entry = (Spanned<String>, Spanned<String>);

/// A TOML table read as a list of its entries, in file order.
fn entries<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Entry>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<Entry>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a table of \"name\" = \"value\"")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// The kinds, for messages: `person, organization, place, group`.
fn kind_list() -> String {
    EntityKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
}

fn kind_of(s: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == s.trim().to_ascii_lowercase())
}

/// Reads corrections from TOML text (a sidecar's whole text). `file` names
/// it in errors and warnings.
pub fn parse(file: &str, text: &str) -> Result<Corrections, Error> {
    parse_at(file, text, 0)
}

/// [`parse`] of text that starts after line `offset` of its file.
fn parse_at(file: &str, text: &str, offset: usize) -> Result<Corrections, Error> {
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1 + offset;
    let err = |at: usize, message: String| Error { file: file.to_string(), line: line(at), message };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        err(at, e.message().trim_end().to_string())
    })?;
    let kind = |s: &Spanned<String>| {
        kind_of(s.get_ref()).ok_or_else(|| {
            err(s.span().start, format!("“{}” is not a kind; the kinds are {}", s.get_ref(), kind_list()))
        })
    };
    let date_value = |s: &Spanned<String>| {
        DateValue::from_iso(s.get_ref().trim()).ok_or_else(|| {
            err(
                s.span().start,
                format!("“{}” is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)", s.get_ref()),
            )
        })
    };
    let text_of = |s: &str, what: &str, at: usize| {
        let t = collapse(s);
        if t.is_empty() {
            Err(err(at, format!("{what} is empty")))
        } else {
            Ok(t)
        }
    };
    // (byte position in the text, correction)
    let mut list: Vec<(usize, Fix)> = Vec::new();
    if let Some(p) = &raw.published {
        let d = parse_date_phrase(p.get_ref().trim())
            .ok_or_else(|| err(p.span().start, format!("“{}” is not a date (expected YYYY-MM-DD)", p.get_ref())))?;
        list.push((p.span().start, Fix::Published(d)));
    }
    if let Some(p) = &raw.place {
        list.push((p.span().start, Fix::Place(text_of(p.get_ref(), "`place`", p.span().start)?)));
    }
    for n in &raw.not_names {
        list.push((n.span().start, Fix::NotName(text_of(n.get_ref(), "a name in `not_names`", n.span().start)?)));
    }
    for (name, k) in &raw.kinds {
        let at = name.span().start;
        list.push((at, Fix::Kind { name: text_of(name.get_ref(), "a name in [kinds]", at)?, kind: kind(k)? }));
    }
    for (name, d) in &raw.descriptions {
        let at = name.span().start;
        list.push((
            at,
            Fix::Description {
                name: text_of(name.get_ref(), "a name in [descriptions]", at)?,
                description: text_of(d.get_ref(), "a description", d.span().start)?,
            },
        ));
    }
    for s in &raw.same {
        let at = s.span().start;
        let names = s.get_ref().names.iter().map(|n| text_of(n, "a name in [[same]]", at)).collect::<Result<Vec<_>, _>>()?;
        if names.len() < 2 {
            return Err(err(at, "[[same]] needs two names or more in `names`".into()));
        }
        list.push((at, Fix::Same(names)));
    }
    for e in &raw.events {
        let at = e.span().start;
        let r = e.get_ref();
        let find = text_of(&r.find, "`match`", at)?;
        let change = match (r.drop, &r.date, &r.label) {
            (true, None, None) => EventChange::Drop,
            (true, _, _) => return Err(err(at, "an event with `drop = true` takes no `date` or `label`".into())),
            (false, None, None) => {
                return Err(err(at, "an [[events]] entry needs `drop = true`, a `date` or a `label`".into()))
            }
            (false, date, label) => EventChange::Set {
                date: date.as_ref().map(date_value).transpose()?,
                label: label.as_deref().map(|l| text_of(l, "`label`", at)).transpose()?,
            },
        };
        list.push((at, Fix::Event { find, change }));
    }
    for n in &raw.add_names {
        let at = n.span().start;
        let r = n.get_ref();
        list.push((
            at,
            Fix::AddName {
                name: text_of(&r.name, "`name`", at)?,
                kind: kind(&r.kind)?,
                description: r.description.as_deref().map(|d| text_of(d, "`description`", at)).transpose()?,
            },
        ));
    }
    for e in &raw.add_events {
        let at = e.span().start;
        let r = e.get_ref();
        list.push((
            at,
            Fix::AddEvent {
                find: text_of(&r.find, "`match`", at)?,
                date: date_value(&r.date)?,
                label: text_of(&r.label, "`label`", at)?,
            },
        ));
    }
    list.sort_by_key(|(at, _)| *at);
    Ok(Corrections {
        file: file.to_string(),
        list: list.into_iter().map(|(at, fix)| Correction { line: line(at), fix }).collect(),
    })
}

/// Is this line of a front-matter block part of the `corrections:` block
/// above it (indented, or blank)?
pub(crate) fn is_block_line(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with([' ', '\t'])
}

/// Reads the corrections of a Markdown article's front matter: the lines
/// indented under a `corrections:` key. `None` when there is no such key.
pub fn from_front_matter(file: &str, text: &str) -> Result<Option<Corrections>, Error> {
    let mut lines = text.split_inclusive('\n').enumerate();
    if lines.next().is_none_or(|(_, l)| l.trim_end() != "---") {
        return Ok(None);
    }
    let mut found: Option<(usize, Vec<&str>)> = None;
    for (i, l) in lines {
        let t = l.trim_end();
        if t == "---" || t == "..." {
            break;
        }
        match &mut found {
            Some((_, block)) if is_block_line(l) => block.push(l),
            Some(_) => break,
            None => {
                if let Some((key, value)) = t.split_once(':') {
                    if key.trim().eq_ignore_ascii_case("corrections") && value.trim().is_empty() {
                        found = Some((i + 1, Vec::new()));
                    }
                }
            }
        }
    }
    let Some((key_line, block)) = found else { return Ok(None) };
    // The block's common indent is taken off every line; line breaks stay.
    let indent = block
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let toml: String = block.iter().map(|l| if l.trim().is_empty() { "\n" } else { &l[indent..] }).collect();
    parse_at(file, &toml, key_line).map(Some)
}

/// Collapses runs of whitespace to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sets the corrected publication date and place on the article, before it
/// is analysed (relative dates resolve against the publication date).
pub fn prepare(article: &mut Article, corrections: &Corrections) -> Vec<Applied> {
    let mut applied = Vec::new();
    for c in &corrections.list {
        match &c.fix {
            Fix::Published(d) => {
                let was = article.published.map_or("none".to_string(), |w| DateValue::Day(w).iso());
                article.published = Some(*d);
                applied.push(Applied {
                    line: c.line,
                    correction: "published",
                    result: format!("published on {} (the article gave {was})", DateValue::Day(*d).iso()),
                });
            }
            Fix::Place(p) => {
                let was = article.place.as_deref().map_or("none".to_string(), |w| format!("“{w}”"));
                article.place = Some(p.clone());
                applied.push(Applied {
                    line: c.line,
                    correction: "place",
                    result: format!("place “{p}” (the article gave {was})"),
                });
            }
            _ => {}
        }
    }
    applied
}

/// An analysis with an article's corrections applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrected {
    pub analysis: Analysis,
    /// What each correction that took effect did, in the order applied.
    pub applied: Vec<Applied>,
    pub warnings: Vec<Warning>,
    /// For each entity of `analysis`, the lines of the corrections that
    /// made or changed it (empty: the rules alone).
    pub entity_lines: Vec<Vec<usize>>,
    /// For each event of `analysis.timeline`, likewise.
    pub event_lines: Vec<Vec<usize>>,
}

/// Prepares the article ([`prepare`]), analyses it and applies the rest of
/// the corrections ([`apply`]).
pub fn analyze(article: &mut Article, corrections: &Corrections) -> Corrected {
    let mut applied = prepare(article, corrections);
    let analysis = crate::analysis::analyze(article);
    let mut out = apply(article, analysis, corrections);
    applied.append(&mut out.applied);
    out.applied = applied;
    out
}

/// Where `needle`'s words stand in `text`, separated by any whitespace, as
/// whole words (no letter or digit just before or after).
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let Some(first) = words.first() else { return Vec::new() };
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(first) {
        let start = from + i;
        from = start + first.len();
        let mut end = from;
        let mut ok = true;
        for w in &words[1..] {
            let rest = &text[end..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 || !rest[gap..].starts_with(w) {
                ok = false;
                break;
            }
            end += gap + w.len();
        }
        if ok && !word_char(text[..start].chars().next_back()) && !word_char(text[end..].chars().next()) {
            out.push(Span::new(start, end));
        }
    }
    out
}

/// An entity during the pass, with the lines of the corrections that touched it.
struct Working {
    entity: Entity,
    lines: Vec<usize>,
}

/// Applies every correction but the publication date and place (see
/// [`prepare`]) to an article's analysis, in one pass.
pub fn apply(article: &Article, analysis: Analysis, corrections: &Corrections) -> Corrected {
    let Analysis { sentences, entities, dates, context, timeline, .. } = analysis;
    let text = article.plain.as_str();
    // Text as the analysis reads it (markup blanked), whitespace collapsed.
    let shown = |s: Span| collapse(s.of(text));
    let mut ents: Vec<Working> = entities.into_iter().map(|entity| Working { entity, lines: Vec::new() }).collect();
    let mut events: Vec<(Event, Vec<usize>)> = timeline.into_iter().map(|e| (e, Vec::new())).collect();
    let mut applied = Vec::new();
    let mut warnings = Vec::new();
    let warn = |warnings: &mut Vec<Warning>, line: usize, message: String| {
        warnings.push(Warning { file: corrections.file.clone(), line, message })
    };
    // The entity a name stands for: one of that name, else one with a
    // mention that reads so.
    let find = |ents: &[Working], name: &str| -> Option<usize> {
        ents.iter().position(|w| collapse(&w.entity.name) == name).or_else(|| {
            ents.iter().position(|w| w.entity.mentions.iter().any(|&m| shown(m) == name))
        })
    };
    // Occurrences of a name not already a mention or a date.
    let free = |ents: &[Working], name: &str| -> Vec<Span> {
        occurrences(text, name)
            .into_iter()
            .filter(|&o| {
                !ents.iter().any(|w| w.entity.mentions.iter().any(|m| m.overlaps(o)))
                    && !dates.iter().any(|d| d.span.overlaps(o))
            })
            .collect()
    };
    // For a name that is in the text but was not found as one.
    let hint = |name: &str| {
        if occurrences(text, name).is_empty() {
            String::new()
        } else {
            format!(" (“{name}” is in the text, but not as a name: add it with [[add_names]])")
        }
    };
    let order = |f: &Fix| match f {
        Fix::Published(_) | Fix::Place(_) => 0,
        Fix::NotName(_) => 1,
        Fix::AddName { .. } => 2,
        Fix::Same(_) => 3,
        Fix::Kind { .. } => 4,
        Fix::Description { .. } => 5,
        Fix::Event { .. } => 6,
        Fix::AddEvent { .. } => 7,
    };
    let mut list: Vec<&Correction> = corrections.list.iter().collect();
    list.sort_by_key(|c| order(&c.fix));
    for c in list {
        let line = c.line;
        match &c.fix {
            Fix::Published(_) | Fix::Place(_) => {}
            Fix::NotName(t) => {
                if let Some(i) = ents.iter().position(|w| collapse(&w.entity.name) == *t) {
                    let w = ents.remove(i);
                    applied.push(Applied {
                        line,
                        correction: "not_name",
                        result: format!(
                            "“{t}” is not a name ({} mention{} of a {} dropped)",
                            w.entity.mentions.len(),
                            if w.entity.mentions.len() == 1 { "" } else { "s" },
                            w.entity.kind.as_str()
                        ),
                    });
                    continue;
                }
                let mut dropped = 0;
                for w in &mut ents {
                    let before = w.entity.mentions.len();
                    w.entity.mentions.retain(|&m| shown(m) != *t);
                    if w.entity.mentions.len() != before {
                        dropped += before - w.entity.mentions.len();
                        w.lines.push(line);
                    }
                }
                if dropped == 0 {
                    warn(&mut warnings, line, format!("`not_names`: no name “{t}” in the article"));
                } else {
                    applied.push(Applied {
                        line,
                        correction: "not_name",
                        result: format!("“{t}” is not a name ({dropped} mention{} dropped)", if dropped == 1 { "" } else { "s" }),
                    });
                }
            }
            Fix::AddName { name, kind, description } => {
                if let Some(i) = ents.iter().position(|w| collapse(&w.entity.name) == *name) {
                    let w = &mut ents[i];
                    w.entity.kind = *kind;
                    if description.is_some() {
                        w.entity.description = description.clone();
                    }
                    w.lines.push(line);
                    applied.push(Applied {
                        line,
                        correction: "add_name",
                        result: format!("“{name}” was already found; it is a {}", kind.as_str()),
                    });
                    continue;
                }
                let all = occurrences(text, name);
                if all.is_empty() {
                    warn(&mut warnings, line, format!("[[add_names]]: “{name}” does not occur in the text"));
                    continue;
                }
                // A shorter mention inside the name gives way to it.
                let mut spans = Vec::new();
                for o in all {
                    if dates.iter().any(|d| d.span.overlaps(o))
                        || ents.iter().any(|w| w.entity.mentions.iter().any(|m| m.overlaps(o) && !o.contains(*m)))
                    {
                        continue;
                    }
                    for w in &mut ents {
                        let before = w.entity.mentions.len();
                        w.entity.mentions.retain(|m| !o.contains(*m));
                        if w.entity.mentions.len() != before {
                            w.lines.push(line);
                        }
                    }
                    spans.push(o);
                }
                if spans.is_empty() {
                    warn(
                        &mut warnings,
                        line,
                        format!("[[add_names]]: every occurrence of “{name}” is part of a longer name or a date"),
                    );
                    continue;
                }
                applied.push(Applied {
                    line,
                    correction: "add_name",
                    result: format!(
                        "“{name}” added as a {} ({} mention{})",
                        kind.as_str(),
                        spans.len(),
                        if spans.len() == 1 { "" } else { "s" }
                    ),
                });
                ents.push(Working {
                    entity: Entity {
                        id: String::new(),
                        name: name.clone(),
                        kind: *kind,
                        description: description.clone(),
                        mentions: spans,
                    },
                    lines: vec![line],
                });
            }
            Fix::Same(names) => {
                let mut group: Vec<usize> = Vec::new();
                let mut extra: Vec<Span> = Vec::new();
                for n in names {
                    if let Some(i) = find(&ents, n) {
                        if !group.contains(&i) {
                            group.push(i);
                        }
                        continue;
                    }
                    let spans = free(&ents, n);
                    if spans.is_empty() {
                        warn(&mut warnings, line, format!("[[same]]: no name “{n}” in the article"));
                    }
                    extra.extend(spans);
                }
                let Some(&target) = group.iter().max_by_key(|&&i| (ents[i].entity.name.chars().count(), usize::MAX - i))
                else {
                    if !extra.is_empty() {
                        warn(
                            &mut warnings,
                            line,
                            "[[same]]: none of these names was found as a name; add one with [[add_names]]".into(),
                        );
                    }
                    continue;
                };
                if group.len() < 2 && extra.is_empty() {
                    if names.iter().all(|n| find(&ents, n) == Some(target)) {
                        applied.push(Applied {
                            line,
                            correction: "same",
                            result: format!("{} were already one name", quoted(names)),
                        });
                    }
                    continue;
                }
                let mut others: Vec<usize> = group.iter().copied().filter(|&i| i != target).collect();
                others.sort_unstable_by(|a, b| b.cmp(a));
                let mut taken: Vec<Working> = others.iter().map(|&i| ents.remove(i)).collect();
                taken.reverse();
                let target = target - others.iter().filter(|&&i| i < target).count();
                let t = &mut ents[target];
                for w in taken {
                    t.entity.mentions.extend(w.entity.mentions);
                    if t.entity.description.is_none() {
                        t.entity.description = w.entity.description;
                    }
                    t.lines.extend(w.lines);
                }
                t.entity.mentions.extend(extra);
                t.entity.mentions.sort_unstable();
                t.lines.push(line);
                applied.push(Applied {
                    line,
                    correction: "same",
                    result: format!("{} are one: “{}”", quoted(names), t.entity.name),
                });
            }
            Fix::Kind { name, kind } => match find(&ents, name) {
                Some(i) => {
                    let w = &mut ents[i];
                    let was = w.entity.kind;
                    w.entity.kind = *kind;
                    w.lines.push(line);
                    applied.push(Applied {
                        line,
                        correction: "kind",
                        result: format!("“{}” is a {} (was a {})", w.entity.name, kind.as_str(), was.as_str()),
                    });
                }
                None => warn(&mut warnings, line, format!("[kinds]: no name “{name}” in the article{}", hint(name))),
            },
            Fix::Description { name, description } => match find(&ents, name) {
                Some(i) => {
                    let w = &mut ents[i];
                    w.entity.description = Some(description.clone());
                    w.lines.push(line);
                    applied.push(Applied {
                        line,
                        correction: "description",
                        result: format!("“{}” is described as “{description}”", w.entity.name),
                    });
                }
                None => {
                    warn(&mut warnings, line, format!("[descriptions]: no name “{name}” in the article{}", hint(name)))
                }
            },
            Fix::Event { find: words, change } => {
                let mut hits: Vec<usize> =
                    (0..events.len()).filter(|&k| shown(events[k].0.sentence).contains(words.as_str())).collect();
                if hits.len() > 1 {
                    let narrower: Vec<usize> = hits
                        .iter()
                        .copied()
                        .filter(|&k| {
                            let e = &events[k].0;
                            let lower = words.to_lowercase();
                            e.label.to_lowercase().contains(&lower) || shown(e.mention).to_lowercase().contains(&lower)
                        })
                        .collect();
                    if !narrower.is_empty() {
                        hits = narrower;
                    }
                }
                match hits[..] {
                    [] => warn(&mut warnings, line, format!("[[events]]: no event is told in a sentence with “{words}”")),
                    [k] => {
                        let (e, lines) = &mut events[k];
                        let result = match change {
                            EventChange::Drop => format!("event “{}” ({}) dropped", e.label, e.date.iso()),
                            EventChange::Set { date, label } => {
                                let mut parts = Vec::new();
                                if let Some(d) = date {
                                    parts.push(format!("dated {} (was {})", d.iso(), e.date.iso()));
                                    e.date = *d;
                                }
                                if let Some(l) = label {
                                    parts.push(format!("labelled “{l}” (was “{}”)", e.label));
                                    e.label = l.clone();
                                }
                                lines.push(line);
                                format!("event {}", parts.join(", "))
                            }
                        };
                        if *change == EventChange::Drop {
                            events.remove(k);
                        }
                        applied.push(Applied { line, correction: "event", result });
                    }
                    _ => warn(
                        &mut warnings,
                        line,
                        format!(
                            "[[events]]: “{words}” matches {} events ({}); quote more of the sentence, or words of the one event's date",
                            hits.len(),
                            hits.iter().map(|&k| format!("“{}”", events[k].0.label)).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                }
            }
            Fix::AddEvent { find: words, date, label } => {
                let spans = occurrences(text, words);
                let mut held: Vec<Span> = spans
                    .iter()
                    .filter_map(|o| sentences.iter().find(|s| s.contains(*o)).copied())
                    .collect();
                held.dedup();
                match (&spans[..], &held[..]) {
                    (_, []) => warn(&mut warnings, line, format!("[[add_events]]: no sentence holds “{words}”")),
                    ([first, ..], [sentence]) => {
                        events.push((
                            Event { date: *date, label: label.clone(), sentence: *sentence, mention: *first },
                            vec![line],
                        ));
                        applied.push(Applied {
                            line,
                            correction: "add_event",
                            result: format!("event “{label}” ({}) added", date.iso()),
                        });
                    }
                    _ => warn(
                        &mut warnings,
                        line,
                        format!("[[add_events]]: “{words}” is in {} sentences; quote more of the one meant", held.len()),
                    ),
                }
            }
        }
    }
    warnings.sort_by_key(|w| w.line);
    // Entities: none without mentions, ids unique, in the analysis's order.
    ents.retain(|w| !w.entity.mentions.is_empty());
    for w in &mut ents {
        w.entity.mentions.sort_unstable();
        w.lines.sort_unstable();
        w.lines.dedup();
    }
    let mut used = std::collections::HashSet::new();
    let mut fresh = Vec::new();
    for (i, w) in ents.iter().enumerate() {
        if w.entity.id.is_empty() {
            fresh.push(i);
        } else {
            used.insert(w.entity.id.clone());
        }
    }
    for i in fresh {
        let e = &mut ents[i].entity;
        let base = match slugify(&e.name) {
            s if s.is_empty() => e.kind.as_str().to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            id = if n == 1 { format!("{base}-{}", e.kind.as_str()) } else { format!("{base}-{}-{n}", e.kind.as_str()) };
            n += 1;
        }
        e.id = id;
    }
    ents.sort_by(|a, b| {
        b.entity.mentions.len().cmp(&a.entity.mentions.len()).then_with(|| a.entity.name.cmp(&b.entity.name))
    });
    let mut mentions: Vec<Mention> = ents
        .iter()
        .enumerate()
        .flat_map(|(i, w)| w.entity.mentions.iter().map(move |&span| Mention { span, entity: i }))
        .collect();
    mentions.sort_unstable_by_key(|m| m.span);
    events.sort_by_key(|(e, _)| (e.date.sort_key(), e.mention.start));
    let (entity_lines, entities): (Vec<_>, Vec<_>) = ents.into_iter().map(|w| (w.lines, w.entity)).unzip();
    let (timeline, event_lines): (Vec<_>, Vec<_>) = events.into_iter().unzip();
    Corrected {
        analysis: Analysis { sentences, entities, mentions, dates, context, timeline },
        applied,
        warnings,
        entity_lines,
        event_lines,
    }
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Flight director Marta Lindqvist said on Friday that the Blue Harbor terminal would reopen in Vienna.\n\nThe Federal Open Market Committee met in Geneva on May 1. Rates will stay where they are, the FOMC said.\n\nThe probe Kestrel was launched on Jan. 12, 2023, and reached orbit on March 4.\n\nHarbour master Samuel Okoro said ships were waiting. Sammy Okoro has run the port since 2019, and Mags told reporters she agreed.\n";

    fn article() -> Article {
        crate::read::read("t.md", format!("---\ntitle: Harbour Talks\ndate: 2024-05-06\n---\n\n{BODY}").as_bytes()).unwrap()
    }

    fn corrected(toml: &str) -> (Article, Corrected) {
        let c = parse("t.lede.toml", toml).unwrap();
        let mut a = article();
        let out = analyze(&mut a, &c);
        (a, out)
    }

    fn entity<'a>(c: &'a Corrected, name: &str) -> Option<&'a Entity> {
        c.analysis.entities.iter().find(|e| e.name == name)
    }

    fn labels(c: &Corrected) -> Vec<(String, String)> {
        c.analysis.timeline.iter().map(|e| (e.date.iso(), e.label.clone())).collect()
    }

    /// Mentions point at their entity, sorted, and every entity has some.
    fn consistent(c: &Corrected) {
        let a = &c.analysis;
        assert!(a.mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start), "sorted, disjoint");
        for (i, e) in a.entities.iter().enumerate() {
            assert!(!e.mentions.is_empty(), "{}", e.name);
            for m in &e.mentions {
                assert!(a.mentions.iter().any(|x| x.span == *m && x.entity == i), "{}", e.name);
            }
        }
        let ids: std::collections::HashSet<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), a.entities.len(), "ids unique");
        assert_eq!(c.entity_lines.len(), a.entities.len());
        assert_eq!(c.event_lines.len(), a.timeline.len());
    }

    #[test]
    fn no_corrections_change_nothing() {
        let (a, out) = corrected("");
        assert_eq!(out.analysis, crate::analysis::analyze(&article()));
        assert_eq!(a, article());
        assert!(out.applied.is_empty() && out.warnings.is_empty());
        assert!(out.entity_lines.iter().chain(&out.event_lines).all(|l| l.is_empty()));
    }

    #[test]
    fn a_kind_is_given_to_a_name() {
        let before = crate::analysis::analyze(&article());
        assert_eq!(before.entities.iter().find(|e| e.name == "Blue Harbor").unwrap().kind, EntityKind::Place);
        let (_, out) = corrected("[kinds]\n\"Blue Harbor\" = \"organization\"\n");
        assert_eq!(entity(&out, "Blue Harbor").unwrap().kind, EntityKind::Organization);
        assert_eq!(out.applied.len(), 1);
        assert_eq!(out.applied[0].line, 2);
        assert_eq!(out.applied[0].correction, "kind");
        assert!(out.applied[0].result.contains("was a place"), "{}", out.applied[0].result);
        let i = out.analysis.entities.iter().position(|e| e.name == "Blue Harbor").unwrap();
        assert_eq!(out.entity_lines[i], vec![2]);
        // A kind by a mention's text: the FOMC is the committee.
        let (_, out) = corrected("[kinds]\nFOMC = \"group\"\n");
        assert_eq!(entity(&out, "Federal Open Market Committee").unwrap().kind, EntityKind::Group);
        consistent(&out);
    }

    #[test]
    fn text_is_said_not_to_be_a_name() {
        let (_, out) = corrected("not_names = [\"Vienna\", \"FOMC\"]\n");
        assert!(entity(&out, "Vienna").is_none());
        assert_eq!(entity(&out, "Federal Open Market Committee").unwrap().mentions.len(), 1);
        assert_eq!(out.applied.iter().map(|a| a.correction).collect::<Vec<_>>(), ["not_name", "not_name"]);
        assert!(out.warnings.is_empty());
        consistent(&out);
    }

    #[test]
    fn names_are_joined_as_one_referent() {
        let (a, out) = corrected("[[same]]\nnames = [\"Sammy Okoro\", \"Samuel Okoro\", \"Mags\"]\n");
        assert!(entity(&out, "Sammy Okoro").is_none());
        let e = entity(&out, "Samuel Okoro").unwrap();
        let shown: Vec<&str> = e.mentions.iter().map(|m| m.of(&a.text)).collect();
        assert_eq!(shown, ["Samuel Okoro", "Sammy Okoro", "Mags"]);
        assert_eq!(out.analysis.entities[0].name, "Samuel Okoro", "most mentioned first");
        assert_eq!(out.applied[0].correction, "same");
        assert!(out.warnings.is_empty());
        consistent(&out);
        // Names already one are reported as such.
        let (_, out) = corrected("[[same]]\nnames = [\"FOMC\", \"Federal Open Market Committee\"]\n");
        assert!(out.applied[0].result.contains("already one"), "{:?}", out.applied);
    }

    #[test]
    fn a_name_is_given_a_description() {
        let (_, out) = corrected("[descriptions]\n\"Samuel Okoro\" = \"Harbour  master\"\n");
        assert_eq!(entity(&out, "Samuel Okoro").unwrap().description.as_deref(), Some("Harbour master"));
        assert_eq!(out.applied[0].correction, "description");
    }

    #[test]
    fn the_publication_date_and_place_apply_before_relative_dates_resolve() {
        let (_, plain) = corrected("");
        assert!(labels(&plain).iter().any(|(d, l)| d == "2024-05-03" && l.starts_with("Marta Lindqvist said")));
        let (a, out) = corrected("published = \"2024-05-13\"\nplace = \"Oslo\"\n");
        assert_eq!(a.published, Some(time::macros::date!(2024 - 05 - 13)));
        assert_eq!(a.place.as_deref(), Some("Oslo"));
        // "on Friday" is now the Friday before the 13th.
        assert!(labels(&out).iter().any(|(d, l)| d == "2024-05-10" && l.starts_with("Marta Lindqvist said")), "{:?}", labels(&out));
        assert_eq!(out.applied.iter().map(|a| (a.line, a.correction)).collect::<Vec<_>>(), [(1, "published"), (2, "place")]);
        assert!(out.applied[0].result.contains("the article gave 2024-05-06"));
    }

    #[test]
    fn events_are_dropped_redated_and_relabelled() {
        let (_, out) = corrected(
            "[[events]]\nmatch = \"reached orbit\"\ndrop = true\n\n[[events]]\nmatch = \"launched\"\ndate = \"2023-01-13\"\nlabel = \"Kestrel launched\"\n",
        );
        let l = labels(&out);
        assert!(!l.iter().any(|(_, l)| l == "Reached orbit"), "{l:?}");
        assert!(l.contains(&("2023-01-13".into(), "Kestrel launched".into())), "{l:?}");
        assert_eq!(out.applied.iter().map(|a| (a.line, a.correction)).collect::<Vec<_>>(), [(1, "event"), (5, "event")]);
        let k = out.analysis.timeline.iter().position(|e| e.label == "Kestrel launched").unwrap();
        assert_eq!(out.event_lines[k], vec![5]);
        // Moved to another date, the event moves in the timeline.
        let (_, out) = corrected("[[events]]\nmatch = \"Geneva\"\ndate = \"2022\"\n");
        assert_eq!(out.analysis.timeline[0].label, "The Federal Open Market Committee met in Geneva");
        assert_eq!(out.analysis.timeline[0].date, DateValue::Year(2022));
    }

    #[test]
    fn a_missed_name_and_event_are_added() {
        let (a, out) = corrected(
            "[[add_names]]\nname = \"Kestrel\"\nkind = \"organization\"\ndescription = \"The probe\"\n\n[[add_events]]\nmatch = \"has run the port since 2019\"\ndate = \"2019\"\nlabel = \"Okoro takes over the port\"\n",
        );
        let e = entity(&out, "Kestrel").unwrap();
        assert_eq!((e.kind, e.description.as_deref(), e.id.as_str()), (EntityKind::Organization, Some("The probe"), "kestrel"));
        assert_eq!(e.mentions.iter().map(|m| m.of(&a.text)).collect::<Vec<_>>(), ["Kestrel"]);
        let l = labels(&out);
        assert_eq!(l[0], ("2019".to_string(), "Okoro takes over the port".to_string()), "{l:?}");
        let ev = &out.analysis.timeline[0];
        assert!(ev.sentence.of(&a.text).starts_with("Sammy Okoro has run"));
        assert_eq!(out.event_lines[0], vec![6]);
        consistent(&out);
        // A name the analysis has found since takes the kind and description given.
        let (_, out) = corrected("[[add_names]]\nname = \"Blue Harbor\"\nkind = \"organization\"\ndescription = \"The port's operator\"\n");
        let e = entity(&out, "Blue Harbor").unwrap();
        assert_eq!((e.kind, e.description.as_deref(), e.mentions.len()), (EntityKind::Organization, Some("The port's operator"), 1));
        assert!(out.applied[0].result.contains("already found"), "{:?}", out.applied);
        assert!(out.warnings.is_empty());
        // A name the analysis found as part of a shorter one takes its place.
        let (a, out) = corrected("[[add_names]]\nname = \"Blue Harbor terminal\"\nkind = \"place\"\n");
        assert!(entity(&out, "Blue Harbor").is_none());
        assert_eq!(entity(&out, "Blue Harbor terminal").unwrap().mentions[0].of(&a.text), "Blue Harbor terminal");
        consistent(&out);
    }

    #[test]
    fn a_correction_that_matches_nothing_is_a_warning_with_its_line() {
        let toml = "not_names = [\"Oslo\"]\n\n[kinds]\n\"Red Harbor\" = \"place\"\n\n[descriptions]\nNobody = \"x\"\n\n[[same]]\nnames = [\"Ann Lee\", \"Bo Lee\"]\n\n[[events]]\nmatch = \"no such words\"\ndrop = true\n\n[[events]]\nmatch = \"e\"\nlabel = \"x\"\n\n[[add_names]]\nname = \"Zanzibar\"\nkind = \"place\"\n\n[[add_names]]\nname = \"Harbor\"\nkind = \"place\"\n\n[[add_events]]\nmatch = \"nowhere at all\"\ndate = \"2020\"\nlabel = \"x\"\n\n[[add_events]]\nmatch = \"said\"\ndate = \"2020\"\nlabel = \"x\"\n";
        let (_, out) = corrected(toml);
        let (_, plain) = corrected("");
        assert_eq!(out.analysis, plain.analysis, "nothing applied");
        assert!(out.applied.is_empty(), "{:?}", out.applied);
        let got: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
        let want = [
            "t.lede.toml:1: warning: `not_names`: no name “Oslo” in the article",
            "t.lede.toml:4: warning: [kinds]: no name “Red Harbor” in the article",
            "t.lede.toml:7: warning: [descriptions]: no name “Nobody” in the article",
            "t.lede.toml:9: warning: [[same]]: no name “Ann Lee” in the article",
            "t.lede.toml:9: warning: [[same]]: no name “Bo Lee” in the article",
            "t.lede.toml:12: warning: [[events]]: no event is told in a sentence with “no such words”",
            "t.lede.toml:20: warning: [[add_names]]: “Zanzibar” does not occur in the text",
            "t.lede.toml:24: warning: [[add_names]]: every occurrence of “Harbor” is part of a longer name or a date",
            "t.lede.toml:28: warning: [[add_events]]: no sentence holds “nowhere at all”",
            "t.lede.toml:33: warning: [[add_events]]: “said” is in 3 sentences; quote more of the one meant",
        ];
        assert_eq!(got.iter().filter(|g| !g.contains(":16:")).collect::<Vec<_>>(), want.iter().collect::<Vec<_>>(), "{got:#?}");
        assert!(out.warnings.iter().any(|w| w.line == 16 && w.message.contains("“e” matches 4 events")), "{got:#?}");
        assert_eq!(got.len(), 11, "{got:#?}");
    }

    #[test]
    fn a_kind_for_text_that_is_no_name_points_to_add_names() {
        let (_, out) = corrected("[kinds]\nKestrel = \"organization\"\n");
        assert_eq!(
            out.warnings[0].to_string(),
            "t.lede.toml:2: warning: [kinds]: no name “Kestrel” in the article (“Kestrel” is in the text, but not as a name: add it with [[add_names]])"
        );
    }

    #[test]
    fn names_joined_with_no_name_found_are_a_warning() {
        // "Mags" is in the text but no name; "Zed" is nowhere: nothing to join them to.
        let (_, out) = corrected("[[same]]\nnames = [\"Mags\", \"Zed\"]\n");
        assert!(out.applied.is_empty());
        let got: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            got,
            [
                "t.lede.toml:1: warning: [[same]]: no name “Zed” in the article",
                "t.lede.toml:1: warning: [[same]]: none of these names was found as a name; add one with [[add_names]]",
            ]
        );
        assert!(entity(&out, "Mags").is_none());
    }

    #[test]
    fn malformed_corrections_are_errors_with_the_line_and_what_was_expected() {
        let e = parse("x.lede.toml", "[kinds]\n\"A\" = \"place\"\n\"B\" = \n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("x.lede.toml", 3), "{e}");
        assert!(e.to_string().starts_with("x.lede.toml:3: error: "), "{e}");
        let e = parse("x.lede.toml", "\n[kinds]\n\"Blue Harbor\" = \"company\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.message, "“company” is not a kind; the kinds are person, organization, place, group");
        let e = parse("x.lede.toml", "[[add_names]]\nname = \"X\"\nkind = \"thing\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("the kinds are person, organization, place, group"));
        let e = parse("x.lede.toml", "publishd = \"2024-01-01\"\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("unknown field `publishd`") && e.message.contains("published"), "{e}");
        let e = parse("x.lede.toml", "\npublished = \"last May\"\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "“last May” is not a date (expected YYYY-MM-DD)"));
        let e = parse("x.lede.toml", "[[events]]\nmatch = \"x\"\ndate = \"May\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("is not a date"));
        let e = parse("x.lede.toml", "\n[[same]]\nnames = [\"A\"]\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "[[same]] needs two names or more in `names`"));
        let e = parse("x.lede.toml", "[[events]]\nmatch = \"x\"\n").unwrap_err();
        assert!(e.message.contains("needs `drop = true`, a `date` or a `label`"));
        let e = parse("x.lede.toml", "[[events]]\nmatch = \"x\"\ndrop = true\nlabel = \"y\"\n").unwrap_err();
        assert!(e.message.contains("takes no `date` or `label`"));
        let e = parse("x.lede.toml", "not_names = [\"  \"]\n").unwrap_err();
        assert!(e.message.contains("is empty"));
        let e = parse("x.lede.toml", "[[add_events]]\nmatch = \"x\"\nlabel = \"y\"\n").unwrap_err();
        assert!(e.message.contains("missing field `date`"), "{e}");
    }

    #[test]
    fn corrections_in_front_matter_have_their_file_lines() {
        let md = "---\ntitle: Harbour Talks\ndate: 2024-05-06\ncorrections:\n  not_names = [\"Oslo\"]\n\n  [kinds]\n  \"Blue Harbor\" = \"organization\"\nauthor: A. Writer\n---\n\nThe Blue Harbor terminal would reopen in Vienna, officials said.\n";
        let c = from_front_matter("t.md", md).unwrap().unwrap();
        assert_eq!(c.file, "t.md");
        assert_eq!(c.list.iter().map(|c| c.line).collect::<Vec<_>>(), [5, 8]);
        // The reader leaves the block alone and still reads the keys after it.
        let mut a = crate::read::read("t.md", md.as_bytes()).unwrap();
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        let out = analyze(&mut a, &c);
        assert_eq!(out.warnings[0].to_string(), "t.md:5: warning: `not_names`: no name “Oslo” in the article");
        assert_eq!(entity(&out, "Blue Harbor").unwrap().kind, EntityKind::Organization);
        // No block, no corrections; a bad one is an error on its line.
        assert_eq!(from_front_matter("t.md", "---\ntitle: T\n---\nBody"), Ok(None));
        assert_eq!(from_front_matter("t.md", "# T\n\ncorrections:\n  [kinds]\n"), Ok(None));
        let e = from_front_matter("t.md", "---\ntitle: T\ncorrections:\n  [kinds]\n  X = \"nothing\"\n---\nBody").unwrap_err();
        assert_eq!(e.line, 5, "{e}");
    }

    #[test]
    fn whole_words_are_found_across_line_breaks() {
        let t = "The Blue\n  Harbor and Blue Harbors, Blue Harbor.";
        let got: Vec<&str> = occurrences(t, "Blue Harbor").iter().map(|s| s.of(t)).collect();
        assert_eq!(got, ["Blue\n  Harbor", "Blue Harbor"]);
    }
}
