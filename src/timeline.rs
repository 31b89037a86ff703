//! The dated timeline: one event per distinct dated happening, in date order.
//!
//! Each resolved date mention becomes an event on its sentence, labelled with
//! a short clause taken from that sentence: the clause that holds the date,
//! without the date itself, its preposition, or the titles before people's
//! names. A date that is measured from an event ("two days after his
//! discussion with …") labels that event with the noun phrase it names. The
//! dateline's date labels the lead's main clause: what the story reports.

use serde::Serialize;

use crate::dates::{DateMention, DateValue};
use crate::entities::{Entity, EntityKind};
use crate::span::Span;

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub date: DateValue,
    /// A short clause from the sentence.
    pub label: String,
    /// The sentence the event is told in.
    pub sentence: Span,
    /// The date expression that dates it.
    pub mention: Span,
}

/// Words that introduce a clause we strip from the front of a label.
const LEADING: &[&str] = &[
    "following", "after", "before", "since", "amid", "during", "on", "in", "at", "by", "until", "from", "as", "when",
    "and", "but", "while", "then", "with", "of",
];

/// The longest label, in words.
const MAX_WORDS: usize = 12;

/// Builds the timeline of a text.
pub fn build_timeline(
    text: &str,
    sentences: &[Span],
    dates: &[DateMention],
    entities: &[Entity],
    dateline: Option<Span>,
) -> Vec<Event> {
    let mut protected: Vec<Span> = entities.iter().flat_map(|e| e.mentions.iter().copied()).collect();
    protected.extend(dates.iter().map(|d| d.span));
    protected.sort();
    let descriptions: Vec<(Span, &str)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| e.description.as_deref().map(|d| (e, d)))
        .flat_map(|(e, d)| e.mentions.iter().map(move |m| (*m, d)))
        .collect();

    let mut descriptions = descriptions;
    descriptions.sort_by_key(|(m, _)| *m);
    let date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
    let mut names: Vec<Span> = entities.iter().flat_map(|e| e.mentions.iter().copied()).collect();
    names.sort();
    let mut events: Vec<Event> = Vec::new();
    for d in dates {
        // Sentences are sorted and disjoint: the last one starting at or before the date.
        let k = sentences.partition_point(|s| s.start <= d.span.start);
        let Some(sentence) = k.checked_sub(1).map(|k| sentences[k]).filter(|s| s.contains(d.span)) else { continue };
        let raw = if let Some(ev) = d.event {
            ev
        } else if dateline.is_some_and(|dl| dl.contains(d.span)) {
            match lead_clause(text, sentence, dateline.unwrap_or_default(), &protected) {
                Some(c) => c,
                None => continue,
            }
        } else {
            match date_clause(text, sentence, d.span, &protected) {
                Some(c) => c,
                None => continue,
            }
        };
        let mut label = make_label(text, raw, &date_spans, &descriptions);
        // "…, according to Environment Canada, which recorded a surge": the
        // name the relative pronoun stands for makes the label read alone.
        if let Some(name) = antecedent(text, raw, &names) {
            if let Some((first, rest)) = label.split_once(' ') {
                if matches!(first.to_lowercase().as_str(), "which" | "who") {
                    label = format!("{} {rest}", name.of(text));
                }
            }
        }
        if label.split_whitespace().count() < 2 {
            continue;
        }
        events.push(Event { date: d.value, label, sentence, mention: d.span });
    }
    events.sort_by(|a, b| a.date.sort_key().cmp(&b.date.sort_key()).then(a.mention.start.cmp(&b.mention.start)));
    // One event per happening: the same date told twice about the same thing.
    // Events are sorted by date, so only those of the same sort key (a day
    // and its month share one) need comparing.
    let mut out: Vec<Event> = Vec::new();
    let mut same_date_from = 0;
    for e in events {
        if out.get(same_date_from).is_some_and(|o| o.date.sort_key() != e.date.sort_key()) {
            same_date_from = out.len();
        }
        // The label comparison looks at the latest few events of the date
        // only, so a very long text telling one date many times stays linear.
        let dup = out[same_date_from..].iter().rev().take(32).any(|o| {
            o.date == e.date && (o.sentence == e.sentence || o.label == e.label || similar(&o.label, &e.label))
        });
        if !dup {
            out.push(e);
        }
    }
    out
}

/// The spans of a sorted, non-overlapping list that lie inside `within`.
fn inside<T>(sorted: &[T], key: impl Fn(&T) -> Span, within: Span) -> &[T] {
    let a = sorted.partition_point(|x| key(x).start < within.start);
    let b = sorted.partition_point(|x| key(x).start < within.end);
    &sorted[a..b.max(a)]
}

/// Clause boundaries of a sentence: commas, semicolons and dashes outside
/// protected spans (names, dates — "May 6, 2025" keeps its comma).
fn clauses(text: &str, sentence: Span, protected: &[Span]) -> Vec<Span> {
    let s = sentence.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let abs = sentence.start + i;
        let boundary = matches!(c, ',' | ';' | '–' | '—' | ':') && !inside_protected(protected, abs);
        if boundary {
            out.push(Span::new(sentence.start + start, abs));
            start = i + c.len_utf8();
        }
    }
    out.push(Span::new(sentence.start + start, sentence.end));
    out.into_iter().filter_map(|c| crate::text::trim(text, c)).collect()
}

/// Is byte `at` strictly inside one of the sorted `protected` spans?
fn inside_protected(protected: &[Span], at: usize) -> bool {
    // Mentions and dates do not overlap, so the span starting last before
    // `at` decides; a few more are looked at in case that ever changes.
    let k = protected.partition_point(|p| p.start < at);
    protected[..k].iter().rev().take(8).any(|p| at < p.end)
}

fn first_word(text: &str, span: Span) -> String {
    span.of(text).split_whitespace().next().unwrap_or("").to_lowercase()
}

/// The lead's main clause, after the dateline and any opening adverbial.
fn lead_clause(text: &str, sentence: Span, dateline: Span, protected: &[Span]) -> Option<Span> {
    let body = crate::text::trim(text, Span::new(dateline.end.max(sentence.start), sentence.end))?;
    let cs = clauses(text, body, protected);
    cs.iter().copied().find(|c| !LEADING.contains(&first_word(text, *c).as_str())).or(cs.first().copied())
}

/// The clause holding the date, or its neighbour when that is only the date.
fn date_clause(text: &str, sentence: Span, date: Span, protected: &[Span]) -> Option<Span> {
    let cs = clauses(text, sentence, protected);
    let at = cs.iter().position(|c| c.overlaps(date))?;
    let words_without_date = |c: Span| {
        let before = Span::new(c.start, date.start.max(c.start).min(c.end)).of(text);
        let after = Span::new(date.end.min(c.end).max(c.start), c.end).of(text);
        before.split_whitespace().chain(after.split_whitespace()).filter(|w| !LEADING.contains(&w.to_lowercase().as_str())).count()
    };
    if words_without_date(cs[at]) >= 2 {
        return Some(cs[at]);
    }
    cs.get(at + 1).or(at.checked_sub(1).and_then(|p| cs.get(p))).copied()
}

/// The name that ends just before a clause, across a comma: what a leading
/// "which" or "who" in the clause stands for.
fn antecedent(text: &str, clause: Span, names: &[Span]) -> Option<Span> {
    let k = names.partition_point(|m| m.end <= clause.start);
    let m = *names.get(k.checked_sub(1)?)?;
    let between = &text[m.end..clause.start];
    (between.trim() == "," || between.trim().is_empty()).then_some(m)
}

/// Cuts dates and titles out of a clause and shortens it.
fn make_label(text: &str, raw: Span, dates: &[Span], descriptions: &[(Span, &str)]) -> String {
    // Remove date expressions (with a preposition just before) and person titles.
    let mut cuts: Vec<Span> = Vec::new();
    for d in inside(dates, |d| *d, raw).iter().filter(|d| raw.contains(**d)) {
        let before = &text[raw.start..d.start];
        let trimmed = before.trim_end();
        let prep = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let start = if ["on", "in", "at", "since", "by", "until", "from"].contains(&prep.to_lowercase().as_str()) {
            raw.start + trimmed.len() - prep.len()
        } else {
            d.start
        };
        cuts.push(Span::new(start, d.end));
    }
    for (m, desc) in inside(descriptions, |(m, _)| *m, raw).iter().filter(|(m, _)| raw.contains(*m)) {
        let before = &text[raw.start..m.start];
        let trimmed = before.trim_end();
        if trimmed.ends_with(desc) {
            cuts.push(Span::new(raw.start + trimmed.len() - desc.len(), m.start));
        }
    }
    cuts.sort();
    let mut out = String::new();
    let mut pos = raw.start;
    for c in cuts {
        if c.start >= pos {
            out.push_str(&text[pos..c.start]);
            pos = c.end;
        }
    }
    out.push_str(&text[pos..raw.end]);
    let words: Vec<&str> = out.split_whitespace().collect();
    // Drop leading connectives and a trailing comma.
    let skip = words.iter().take_while(|w| LEADING.contains(&w.to_lowercase().as_str())).count();
    let mut words: Vec<&str> = words[skip..].to_vec();
    if words.len() > MAX_WORDS {
        // Cut before an infinitive or preposition that starts the tail.
        let cut = (5..MAX_WORDS).rev().find(|&i| matches!(words[i], "to" | "in" | "over" | "after" | "amid" | "that" | "which" | "as"));
        words.truncate(cut.unwrap_or(MAX_WORDS));
    }
    let mut label = words.join(" ");
    while label.ends_with([',', ';', ':', '.', '–', '—']) {
        label.pop();
    }
    capitalize_first(label.trim())
}

fn capitalize_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Two labels about the same thing share most of their content words.
fn similar(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count();
    let smaller = wa.len().min(wb.len());
    smaller > 0 && shared * 2 >= smaller
}

#[cfg(test)]
mod relative_tests {
    use crate::analysis::analyze;
    use crate::read::{read_str, Format};

    #[test]
    fn a_relative_clause_is_labelled_with_its_name() {
        let src = "Storm Report\nHALIFAX, Oct. 17, 2024 – Storms hit the coast, according to Environment Canada, which recorded a similar surge on Sept. 24, 2022.\n";
        let a = read_str("s.txt", Format::Text, src.to_string()).unwrap();
        let an = analyze(&a);
        let ev = an.timeline.iter().find(|e| e.date.iso() == "2022-09-24").expect("the 2022 event");
        assert!(!ev.label.to_lowercase().starts_with("which"), "{}", ev.label);
        assert!(ev.label.contains("recorded a similar surge"), "{}", ev.label);
    }
}
