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
use crate::lexicon::HashMap;
use crate::span::Span;
use crate::text::{has_key, sorted_keys, word_key};

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

/// Words a label cannot end on: they need what follows them.
const DANGLING: &[&str] = &[
    "a", "about", "across", "against", "among", "an", "and", "as", "at", "before", "behind", "beneath", "beside",
    "between", "beyond", "but", "by", "despite", "during", "every", "for", "from", "her", "his", "how", "in",
    "including", "into", "its", "most", "of", "on", "onto", "or", "our", "per", "than", "that", "the", "their", "through",
    "to", "toward", "towards", "under", "upon", "via", "what", "whether", "which", "who", "whom", "whose", "why",
    "with", "within", "without",
];

/// Ordinals a label cannot end on after a determiner (`met for the first
/// [time]`): they need the noun that was cut.
const ORDINALS: &[&str] = &["first", "fourth", "last", "latest", "next", "second", "third"];

/// Words that join the words of one name (`Bank of England`).
const NAME_JOINERS: &[&str] = &["de", "for", "of", "the"];

/// Adverbs of degree a label cannot end on when what they measured was
/// cut (`came exactly [a month after …]`).
const DEGREE: &[&str] = &["almost", "exactly", "just", "nearly", "roughly"];

/// Reporting verbs, as participles, a label cannot end on: what they
/// report was cut, or is a clause of its own (`announced their plans
/// saying [that …]`, `announced their intentions saying, ["From …"]`).
/// Only those that always take a report: not `warning` ("issued a
/// warning"), `arguing` ("heard them arguing") or `telling` ("the figures
/// were telling"); `saying` is a noun only in "an old saying".
const REPORTING: &[&str] = &["adding", "claiming", "declaring", "insisting", "noting", "saying", "stating", "urging"];

/// The fewest dates the timeline's first pass labels as one piece of a
/// long text (see [`crate::par`]): a piece costs a few lookups to start.
const PIECE: usize = 256;

/// Builds the timeline of a text.
pub fn build_timeline(
    text: &str,
    sentences: &[Span],
    dates: &[DateMention],
    entities: &[Entity],
    dateline: Option<Span>,
    headlines: &[Span],
) -> Vec<Event> {
    build_timeline_in_pieces(text, sentences, dates, entities, dateline, headlines, PIECE)
}

/// [`build_timeline`], its first pass cut into pieces of at least `piece` dates.
fn build_timeline_in_pieces(
    text: &str,
    sentences: &[Span],
    dates: &[DateMention],
    entities: &[Entity],
    dateline: Option<Span>,
    headlines: &[Span],
    piece: usize,
) -> Vec<Event> {
    // Mentions never overlap, so no two spans of these lists are equal and
    // an unstable sort gives the same order as a stable one.
    let mut names: Vec<Span> = Vec::with_capacity(entities.iter().map(|e| e.mentions.len()).sum());
    names.extend(entities.iter().flat_map(|e| e.mentions.iter().copied()));
    names.sort_unstable();
    let date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
    // Names and dates, merged in order.
    let mut protected: Vec<Span> = Vec::with_capacity(names.len() + date_spans.len());
    let (mut a, mut b) = (names.iter().peekable(), date_spans.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(&s) => protected.push(s),
            None => break,
        }
    }
    if !date_spans.is_sorted() {
        protected.sort_unstable();
    }
    let mut descriptions: Vec<(Span, &str)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| e.description.as_deref().map(|d| (e, d)))
        .flat_map(|(e, d)| e.mentions.iter().map(move |m| (*m, d)))
        .collect();
    descriptions.sort_unstable_by_key(|(m, _)| *m);
    let told = Told {
        text,
        sentences,
        dates,
        date_spans: &date_spans,
        protected: &protected,
        descriptions: &descriptions,
        names: &names,
        dateline,
        headlines,
    };
    // What one sentence tells is labelled in one piece, so a long text is
    // cut only between two sentences' dates (and, should the dates not come
    // in text order, not at all).
    let in_order = date_spans.is_sorted();
    let may_cut = |k: usize| {
        let (d, before) = (dates[k].span, dates[k - 1].span);
        let s = sentences.partition_point(|s| s.start <= d.start);
        in_order && s.checked_sub(1).map(|s| sentences[s]).filter(|s| s.contains(d)).is_none_or(|s| !s.contains(before))
    };
    let events = crate::par::pieces(0..dates.len(), piece, &may_cut, &|range| told.events(range));
    // Sort keys are computed once per event (a date's calendar fields cost
    // a little each time); the mention start makes every key unique.
    // The events themselves are large: sort their keys, then take them in that order.
    let mut keys: Vec<((i32, u8, u8), usize, u32)> =
        events.iter().enumerate().map(|(k, e)| (e.date.sort_key(), e.mention.start, k as u32)).collect();
    keys.sort_unstable();
    let mut events: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let keyed = keys.iter().filter_map(|&(key, _, k)| Some((key, (), events[k as usize].take()?)));
    // One event per happening: the same date told twice about the same thing.
    // Events are sorted by date, so only those of the same sort key (a day
    // and its month share one) need comparing.
    let mut out: Vec<Event> = Vec::with_capacity(keys.len());
    // The sort key and content words of each kept event, made once.
    let mut kept: Vec<((i32, u8, u8), Option<WordSet>)> = Vec::with_capacity(keys.len());
    let mut lexicon = Words::default();
    let mut same_date_from = 0;
    for (key, _, e) in keyed {
        if kept.get(same_date_from).is_some_and(|o| o.0 != key) {
            same_date_from = out.len();
        }
        // The label comparison looks at the latest few events of the date
        // only, so a very long text telling one date many times stays linear.
        let mut words: Option<WordSet> = None;
        let lo = same_date_from.max(out.len().saturating_sub(32));
        let mut dup = false;
        for k in (lo..out.len()).rev() {
            let o = &out[k];
            if o.date != e.date {
                continue;
            }
            if o.sentence == e.sentence || o.label == e.label {
                dup = true;
                break;
            }
            let ow = kept[k].1.get_or_insert_with(|| lexicon.set_of(&o.label));
            let ew = words.get_or_insert_with(|| lexicon.set_of(&e.label));
            if ow.similar(ew) {
                dup = true;
                break;
            }
        }
        if !dup {
            out.push(e);
            kept.push((key, words));
        }
    }
    out
}

/// What the timeline's first pass reads: the text, its dates, and the spans
/// a label keeps whole.
struct Told<'a> {
    text: &'a str,
    sentences: &'a [Span],
    dates: &'a [DateMention],
    date_spans: &'a [Span],
    /// Names and dates, in order.
    protected: &'a [Span],
    /// Each mention of a described person, with the description.
    descriptions: &'a [(Span, &'a str)],
    names: &'a [Span],
    dateline: Option<Span>,
    headlines: &'a [Span],
}

impl Told<'_> {
    /// The labelled events of `dates[range]`, in text order, before they
    /// are sorted by date and merged. `range` starts on the first date of a
    /// sentence: the labels of one sentence look at one another.
    fn events(&self, range: std::ops::Range<usize>) -> Vec<Event> {
        let Told { text, dates, dateline, headlines, .. } = *self;
        // Dates come in text order, so each lookup below starts where the last one ended.
        let (sentences, protected, date_spans, descriptions, names) =
            (Sorted::new(self.sentences), Sorted::new(self.protected), Sorted::new(self.date_spans), Sorted::new(self.descriptions), Sorted::new(self.names));
        let mut events: Vec<Event> = Vec::with_capacity(range.len());
        let mut scratch = Scratch::default();
        let mut previous: Option<&DateMention> = None;
        // The clauses of the sentence last looked at (dates come in text order,
        // so a sentence's clauses are found once for all its dates).
        let mut clauses_of: (Span, Vec<Span>) = (Span::new(usize::MAX, usize::MAX), Vec::new());
        // The clauses labelled so far in the sentence (a second date of a clause
        // dates another happening, or none).
        let mut raws: Vec<(Span, Span)> = Vec::new();
        for i in range {
            let d = &dates[i];
            let before = previous.replace(d);
            // Sentences are sorted and disjoint: the last one starting at or before the date.
            let k = sentences.partition_point(|s| s.start <= d.span.start);
            let Some(sentence) = k.checked_sub(1).map(|k| sentences.items[k]).filter(|s| s.contains(d.span)) else { continue };
            let before = before.filter(|b| sentence.contains(b.span));
            let next = dates.get(i + 1).filter(|n| sentence.contains(n.span));
            if d.event.is_none() && !dates_a_happening(text, sentence, d, before, next) {
                continue;
            }
            // A headline or a heading names what the story tells; the happening
            // is told, and dated, in the text.
            // (Headlines are sorted and disjoint: the last one starting at or before the date.)
            let h = headlines.partition_point(|h| h.start <= d.span.start);
            if h.checked_sub(1).is_some_and(|h| headlines[h].contains(d.span)) {
                continue;
            }
            let raw = if let Some(ev) = d.event {
                ev
            } else if dateline.is_some_and(|dl| dl.contains(d.span)) {
                let Some(c) = lead_clause(text, sentence, dateline.unwrap_or_default(), &protected) else { continue };
                // The lead's happening told with a date of its own is that date's
                // event, not the publication day's.
                if date_spans.items.iter().any(|o| *o != d.span && c.contains(*o)) {
                    continue;
                }
                c
            } else {
                if clauses_of.0 != sentence {
                    clauses_of = (sentence, clauses(text, sentence, &protected));
                }
                match date_clause(text, &clauses_of.1, d.span, &date_spans) {
                    Some(c) => c,
                    None => continue,
                }
            };
            // The dateline is no part of the lead's clauses (`MIAMI (AP) _ A
            // storm hit the coast on Monday`, where no dash splits it off).
            let raw = match dateline {
                Some(dl) if raw.start < dl.end && dl.end < raw.end && d.event.is_none() => Span::new(dl.end, raw.end),
                _ => raw,
            };
            // `Hopes that the team could repeat its win of the night before
            // were dashed`: the date dates the `that` clause it stands in.
            let raw = if d.event.is_none() { that_clause(text, raw, d.span).unwrap_or(raw) } else { raw };
            // `was caused by a storm which came a week after the drought`: the
            // relative clause holding the date is the happening, told of the
            // noun phrase before it.
            let relative = if d.event.is_none() { relative_clause(text, raw, d.span) } else { None };
            let mut label = match relative {
                Some((np, rel)) => {
                    let subject = make_label(text, np, &date_spans, &descriptions, &mut scratch, None);
                    told_of(&subject, make_label(text, rel, &date_spans, &descriptions, &mut scratch, Some(d.span)))
                }
                None => make_label(text, raw, &date_spans, &descriptions, &mut scratch, Some(d.span)),
            };
            // (`… came exactly`, once what it measured is cut.)
            while label.split_whitespace().count() > 2 && label.rsplit(' ').next().is_some_and(|w| lower_is_one_of(w, DEGREE)) {
                let cut = label.rfind(' ').unwrap_or(label.len());
                label.truncate(cut);
            }
            // "…, according to Environment Canada, which recorded a surge": the
            // name the relative pronoun stands for makes the label read alone.
            if let Some(name) = antecedent(text, raw, &names) {
                if let Some((first, rest)) = label.split_once(' ') {
                    if lower_is_one_of(first, &["which", "who"]) {
                        label = format!("{} {rest}", name.of(text));
                    }
                }
            }
            // `…, and was used in messages by Thursday night`, `…, landing in
            // the capital on Tuesday`: a clause that starts with its verb takes
            // the sentence's subject from the clause it began in.
            if relative.is_none() && starts_with_verb(text, raw, true) {
                if clauses_of.0 != sentence {
                    clauses_of = (sentence, clauses(text, sentence, &protected));
                }
                if let Some(subject) = subject_before(text, &clauses_of.1, raw, &date_spans) {
                    let subject = make_label(text, subject, &date_spans, &descriptions, &mut scratch, None);
                    label = told_of(&subject, label);
                }
            }
            if label.split_whitespace().count() < 2 {
                continue;
            }
            // A clause's label without a verb (`The 9.0 magnitude earthquake`)
            // names no happening: no entry. (A happening named by a noun
            // phrase, `his talks with Wang`, is its own label.)
            if d.event.is_none() && !has_verb(&label, Span::new(0, label.len())) && !present_or_infinitive(&label) {
                continue;
            }
            // One sentence gives a label once: a second date told in the same
            // words (`she signed in 1956 to one label, then in 1960 to another`)
            // adds no entry that reads the same.
            let told = |label: &str| events.iter().rev().take_while(|e| e.sentence == sentence).any(|e| e.label == label);
            if told(&label) || raws.iter().any(|&(s, r)| s == sentence && r == raw) {
                // `was charged on January 3 with killing Ty Smith on December
                // 31`: the last verb before the second date names its happening,
                // told of the clause's subject.
                // `She signed in 1956 to one label, then in 1960 to another`: a
                // clause of the date's own with no verb shares the verb of the
                // clause before it.
                let gapped = || {
                    let own = clauses_of.1.iter().copied().filter(|_| clauses_of.0 == sentence).find(|c| c.contains(d.span))?;
                    if own == raw || has_verb(text, own) || own.start < raw.end {
                        return None;
                    }
                    Some((subject_and_verb(text, raw)?, own))
                };
                let (subject, phrase, date) = match later_verb_phrase(text, raw, d.span) {
                    Some((subject, phrase)) => (subject, phrase, None),
                    None => match gapped() {
                        Some((subject, own)) => (subject, own, Some(d.span)),
                        None => continue,
                    },
                };
                let phrase = make_label(text, phrase, &date_spans, &descriptions, &mut scratch, date);
                let subject = make_label(text, subject, &date_spans, &descriptions, &mut scratch, None);
                label = told_of(&subject, phrase);
                if told(&label) {
                    continue;
                }
            }
            if raws.first().is_some_and(|&(s, _)| s != sentence) {
                raws.clear();
            }
            raws.push((sentence, raw));
            events.push(Event { date: d.value, label, sentence, mention: d.span });
        }
        events
    }
}

/// A sorted list searched mostly near where the previous search ended: a
/// search gallops out from there, so walking a long text in order costs a
/// few comparisons per lookup instead of a binary search over the whole list.
struct Sorted<'s, T> {
    items: &'s [T],
    hint: std::cell::Cell<usize>,
}

impl<'s, T> Sorted<'s, T> {
    fn new(items: &'s [T]) -> Self {
        Sorted { items, hint: std::cell::Cell::new(0) }
    }

    /// The same as `items.partition_point(pred)`.
    fn partition_point(&self, pred: impl Fn(&T) -> bool) -> usize {
        let s = self.items;
        let n = s.len();
        let h = self.hint.get().min(n);
        let k = if h < n && pred(&s[h]) {
            // The answer lies after `h`.
            let mut lo = h + 1;
            let mut step = 1;
            loop {
                let hi = lo + step;
                if hi >= n {
                    break lo + s[lo..n].partition_point(&pred);
                }
                if !pred(&s[hi]) {
                    break lo + s[lo..hi].partition_point(&pred);
                }
                lo = hi + 1;
                step *= 2;
            }
        } else {
            // The answer is at or before `h`.
            let mut hi = h;
            let mut step = 1;
            loop {
                if hi == 0 {
                    break 0;
                }
                let lo = hi.saturating_sub(step);
                if pred(&s[lo]) {
                    break lo + 1 + s[lo + 1..hi].partition_point(&pred);
                }
                hi = lo;
                step *= 2;
            }
        };
        self.hint.set(k);
        k
    }
}

/// The spans of a sorted, non-overlapping list that lie inside `within`.
fn inside<'s, T>(sorted: &Sorted<'s, T>, key: impl Fn(&T) -> Span, within: Span) -> &'s [T] {
    let a = sorted.partition_point(|x| key(x).start < within.start);
    let b = sorted.partition_point(|x| key(x).start < within.end);
    &sorted.items[a..b.max(a)]
}

/// Clause boundaries of a sentence: commas, semicolons and dashes outside
/// protected spans (names, dates — "May 6, 2025" keeps its comma).
fn clauses(text: &str, sentence: Span, protected: &Sorted<Span>) -> Vec<Span> {
    let s = sentence.of(text).as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // On bytes: `,` `;` `:` and the dashes `–` `—` (E2 80 93, E2 80 94).
    for (i, &b) in s.iter().enumerate() {
        let len = match b {
            b',' | b';' | b':' => 1,
            0xe2 if s.get(i + 1) == Some(&0x80) && matches!(s.get(i + 2), Some(0x93 | 0x94)) => 3,
            _ => continue,
        };
        let abs = sentence.start + i;
        // `20,000` and `8:30` are numbers, not clause breaks.
        let between_digits = len == 1 && i > 0 && s[i - 1].is_ascii_digit() && s.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !between_digits && !inside_protected(protected, abs) {
            out.push(Span::new(sentence.start + start, abs));
            start = i + len;
        }
    }
    out.push(Span::new(sentence.start + start, sentence.end));
    out.into_iter().filter_map(|c| crate::text::trim(text, c)).collect()
}

/// Is byte `at` strictly inside one of the sorted `protected` spans?
fn inside_protected(protected: &Sorted<Span>, at: usize) -> bool {
    // Mentions and dates do not overlap, so the span starting last before
    // `at` decides; a few more are looked at in case that ever changes.
    let k = protected.partition_point(|p| p.start < at);
    protected.items[..k].iter().rev().take(8).any(|p| at < p.end)
}

fn first_word(text: &str, span: Span) -> &str {
    span.of(text).split_whitespace().next().unwrap_or("")
}

/// Is `w` in lower case one of [`LEADING`]?
fn is_leading(w: &str) -> bool {
    const KEYS: [u128; LEADING.len()] = sorted_keys(LEADING);
    if w.is_ascii() {
        has_key(&KEYS, word_key(w.as_bytes()))
    } else {
        lower_is_one_of(w, LEADING)
    }
}

/// Is `w` in lower case one of `words` (which are lower-case ASCII)?
fn lower_is_one_of(w: &str, words: &[&str]) -> bool {
    if w.is_ascii() {
        words.iter().any(|x| x.eq_ignore_ascii_case(w))
    } else {
        // Some non-ASCII letters have ASCII lower cases (the Kelvin sign).
        words.contains(&w.to_lowercase().as_str())
    }
}

/// The lead's main clause, after the dateline and any opening adverbial.
fn lead_clause(text: &str, sentence: Span, dateline: Span, protected: &Sorted<Span>) -> Option<Span> {
    // A dateline may run past the end of its first sentence: then nothing is left.
    let body = crate::text::trim(text, Span::new(dateline.end.clamp(sentence.start, sentence.end), sentence.end))?;
    let cs = clauses(text, body, protected);
    cs.iter().copied().find(|c| !is_leading(first_word(text, *c))).or(cs.first().copied())
}

/// The clause holding the date, or its neighbour when that is only the date.
fn date_clause(text: &str, cs: &[Span], date: Span, dates: &Sorted<Span>) -> Option<Span> {
    let at = cs.iter().position(|c| c.overlaps(date))?;
    let words_without_date = |c: Span| {
        let before = Span::new(c.start, date.start.max(c.start).min(c.end)).of(text);
        let after = Span::new(date.end.min(c.end).max(c.start), c.end).of(text);
        before.split_whitespace().chain(after.split_whitespace()).filter(|w| !is_leading(w)).take(2).count()
    };
    // `officials said that on October 6, the man turned himself in`: a date
    // that opens a reported clause dates that clause, after the comma.
    // `As we saw on May 24, …`, `as reported on Monday`: a happening told
    // elsewhere, recalled.
    let recalled = {
        let head = Span::new(cs[at].start, date.start.max(cs[at].start)).of(text);
        let mut ws = head.split_whitespace();
        let opens_as = ws.next().is_some_and(|w| lower_is_one_of(w.trim_start_matches(['"', '“']), &["as"]));
        opens_as
            && (1..=3).contains(&ws.clone().count())
            && text[date.end.min(cs[at].end)..cs[at].end].trim().is_empty()
            && ws.any(is_verb_form)
    };
    if recalled {
        return None;
    }
    // `they estimated by 2050, demand would double`: a deadline after a
    // verb of saying or reckoning opens what is said.
    let closes_clause = text[date.end.min(cs[at].end)..cs[at].end].trim().is_empty();
    let opens_reported = {
        let head = Span::new(cs[at].start, date.start.max(cs[at].start)).of(text);
        // `that on October 6`, `that as of March 4`
        let mut back = head.split_whitespace().rev().peekable();
        let by = back.peek().is_some_and(|w| lower_is_one_of(w, &["by"]));
        let mut back = back.skip_while(|w| lower_is_one_of(w, &["on", "in", "at", "as", "of", "by"]));
        back.next().is_some_and(|w| lower_is_one_of(w, &["that"]) || by && closes_clause && is_verb_form(w))
    };
    if opens_reported {
        if let Some(c) = cs.get(at + 1).filter(|c| has_verb(text, **c)) {
            return Some(*c);
        }
    }
    // `died at age 91, of a heart attack, Monday and was buried in …`: a
    // date that opens its clause before `and` and a verb closes the clause
    // before it.
    let closes_previous = {
        let head = text[cs[at].start..date.start.max(cs[at].start)].trim();
        let mut rest = text[date.end.min(cs[at].end)..cs[at].end].split_whitespace();
        head.is_empty() && at > 0 && rest.next().is_some_and(|w| lower_is_one_of(w, &["and", "but"])) && rest.next().is_some_and(is_verb_form)
    };
    if closes_previous {
        if let Some(c) = cs[..at].iter().rev().find(|c| has_verb(text, **c)) {
            return Some(*c);
        }
    }
    if words_without_date(cs[at]) >= 2 && has_verb(text, cs[at]) {
        // `In Game Five, played under lights yesterday, the visitors won`: a
        // participle with no subject before it describes what the opening
        // adverbial names; the main clause after it is the happening.
        if starts_with_verb(text, cs[at], true)
            && !cs[..at].iter().any(|c| has_verb(text, *c))
            && subject_before(text, cs, cs[at], dates).is_none()
        {
            if let Some(c) = cs[at + 1..].iter().find(|c| {
                has_verb(text, **c) && !is_leading(first_word(text, **c)) && !starts_with_verb(text, **c, true) && !is_aside(text, **c)
            }) {
                return Some(*c);
            }
        }
        return Some(subordinate(text, cs[at], date).unwrap_or(cs[at]));
    }
    // A date in a clause with no verb (`On Sunday, in a video posted online,
    // the group announced …`, `…, of voluntary manslaughter on March 10`)
    // dates the nearest clause that has one: what follows an opening
    // adverbial, what precedes a closing one.
    let opens_adverbial = |c: Span| is_leading(first_word(text, c)) && !c.of(text).starts_with("at least");
    let after = || {
        cs[at + 1..].iter().find(|c| has_verb(text, **c) && !opens_adverbial(**c) && !opens_with_modifier(text, **c) && !is_aside(text, **c))
    };
    let before = || cs[..at].iter().rev().find(|c| has_verb(text, **c));
    // `… said: "Today, the two sides agree …"`: a date that opens a
    // quotation dates what is quoted.
    let opens_quote = cs[at].of(text).starts_with(['"', '“']);
    let near = if at == 0 || opens_quote { after().or_else(before) } else { before().or_else(after) };
    if let Some(c) = near {
        return Some(*c);
    }
    if words_without_date(cs[at]) >= 2 {
        return Some(cs[at]);
    }
    cs.get(at + 1).or(at.checked_sub(1).and_then(|p| cs.get(p))).copied()
}

/// Does the span start with a verb (its subject stands before it)? With
/// `participle`, a present participle counts too (`landing in the capital`).
fn starts_with_verb(text: &str, span: Span, participle: bool) -> bool {
    let mut ws = span.of(text).split_whitespace().skip_while(|w| is_leading(w));
    ws.next().is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()) && is_verb_form(w) && (participle || !w.ends_with("ing")))
}

/// Verbs of saying that make a short clause an aside (`NASA reports`,
/// `officials said`).
const SAYING: &[&str] = &["added", "adds", "noted", "notes", "reported", "reports", "said", "says", "stated", "states", "wrote", "writes"];

/// Is the clause an aside of saying between commas (`About a year ago,
/// NASA reports, at the observatory, observers noticed …`)?
fn is_aside(text: &str, clause: Span) -> bool {
    let s = clause.of(text);
    let n = s.split_whitespace().count();
    (2..=4).contains(&n) && s.split_whitespace().last().is_some_and(|w| lower_is_one_of(w, SAYING))
}

/// Words a subject never starts with.
const PREPOSITIONS: &[&str] = &[
    "about", "across", "against", "among", "around", "behind", "between", "beyond", "despite", "for", "into", "like",
    "near", "over", "through", "to", "toward", "towards", "under", "via", "within", "without",
];

/// The subject of a sentence whose verb stands in a later clause: its first
/// clause that opens with no connective and holds no verb nor date
/// (`Astronomers at the university` in `On Monday, astronomers at the
/// university, in Ohio, revealed …`; `Jerome Doe` in `Jerome Doe, 44, of
/// Roundrock, Ariz., pled …`), else the words before the verb of the nearest
/// clause before (`The hashtag` in `The hashtag took off, and was used …`).
fn subject_before(text: &str, cs: &[Span], clause: Span, dates: &Sorted<Span>) -> Option<Span> {
    let before = || cs.iter().take_while(|c| c.end <= clause.start);
    // `Around 450 troops` is a subject, `around the city` is not.
    let adverbial = |c: Span| {
        let mut ws = c.of(text).split_whitespace();
        let first = ws.next().unwrap_or("");
        is_leading(first) || lower_is_one_of(first, PREPOSITIONS) && !ws.next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let plain = before().find(|c| {
        let first = first_word(text, **c);
        // Not an adverbial (`in Ohio`, `reportedly from a heart attack`,
        // `according to court records`, `between the two`) nor a clause of its own.
        !adverbial(**c)
            && !first.to_ascii_lowercase().ends_with("ly")
            && !lower_is_one_of(first, &["according", "including"])
            && !has_verb(text, **c)
            && c.of(text).split_whitespace().count() <= 8
            && inside(dates, |d| *d, **c).is_empty()
            // (a dateline's place: `WASHINGTON`)
            && c.of(text).chars().any(char::is_lowercase)
    });
    if let Some(c) = plain {
        return Some(*c);
    }
    let c = *before().filter(|c| has_verb(text, **c)).last()?;
    let (k, offset, _) = first_verb(c.of(text))?;
    let subject = Span::new(c.start, c.start + offset);
    let ok = k <= 6 && !adverbial(c) && inside(dates, |d| *d, subject).is_empty();
    ok.then(|| crate::text::trim(text, subject)).flatten()
}

/// The first verb of `s` after its first word (a capitalised word is a
/// name, not a verb): its index among the words, its byte offset in `s`,
/// and the word as split (with the white space after it).
fn first_verb(s: &str) -> Option<(usize, usize, &str)> {
    let mut offset = 0;
    for (k, w) in s.split_inclusive(char::is_whitespace).enumerate() {
        let word = w.trim();
        if k > 0 && !word.starts_with(char::is_uppercase) && is_verb_form(word) {
            return Some((k, offset, w));
        }
        offset += w.len();
    }
    None
}

/// A label told of a subject: `subject` and `rest`, whose first letter is
/// put in lower case (`Heavy rain` + `Came …` reads `Heavy rain came …`).
fn told_of(subject: &str, mut rest: String) -> String {
    if rest.as_bytes().first().is_some_and(u8::is_ascii) {
        rest[..1].make_ascii_lowercase();
    }
    format!("{subject} {rest}")
}

/// The subject of `clause` (the words before its first verb) and the
/// phrase from its last other verb before `date` to the end of the clause
/// or the date: `Frank` and `killing Ty Smith` in `Frank was charged with
/// killing Ty Smith`.
fn later_verb_phrase(text: &str, clause: Span, date: Span) -> Option<(Span, Span)> {
    let end = if clause.contains(date) { date.start } else { clause.end };
    let s = &text[clause.start..end];
    let mut offset = 0;
    let (mut first, mut last) = (None, None);
    let mut prev = "";
    for (k, w) in s.split_inclusive(char::is_whitespace).enumerate() {
        let word = w.trim();
        if k > 0 && !word.starts_with(char::is_uppercase) && is_verb_form(word) {
            if first.is_none() {
                first = Some(offset);
            } else if lower_is_one_of(prev, LATER_VERB_AFTER) || word.ends_with("ing") && !lower_is_one_of(prev, DETERMINERS) {
                // `with killing`, `after taking`, `…, fired`: not a second
                // word of the first verb (`has served`).
                last = Some(offset);
            }
        }
        prev = word;
        offset += w.len();
    }
    let subject = crate::text::trim(text, Span::new(clause.start, clause.start + first?))?;
    if !subject.of(text).contains(char::is_alphabetic) {
        return None;
    }
    let phrase = crate::text::trim(text, Span::new(clause.start + last?, end))?;
    Some((subject, phrase))
}

/// The words of `clause` up to and including its first verb (`She signed`
/// in `She signed in 1956 to one label`), when a subject stands before it.
fn subject_and_verb(text: &str, clause: Span) -> Option<Span> {
    let (k, offset, w) = first_verb(clause.of(text))?;
    if k > 6 {
        return None;
    }
    crate::text::trim(text, Span::new(clause.start, clause.start + offset + w.trim_end().len()))
}

/// Words after which a verb starts a second happening of its clause.
const LATER_VERB_AFTER: &[&str] = &["after", "and", "before", "by", "for", "from", "of", "since", "while", "with", "without"];

/// Words that open a subordinate clause: a date after one dates that
/// clause's happening (`the toll will climb as the rescue continues on
/// Tuesday`, `before the aftershock struck yesterday`).
const SUBORDINATORS: &[&str] = &["after", "although", "as", "because", "before", "once", "until", "when", "whereas", "while"];

/// The subordinate clause of `clause` that holds the date, when the clause
/// has a verb of its own before it: from after the subordinator to the end.
fn subordinate(text: &str, clause: Span, date: Span) -> Option<Span> {
    let head = Span::new(clause.start, date.start.max(clause.start)).of(text);
    let mut offset = 0;
    let mut found = None;
    let mut words = head.split_inclusive(char::is_whitespace).peekable();
    while let Some(w) = words.next() {
        let word = w.trim();
        // `… allowed them to return and she returned there in 1957`: a
        // second clause with a subject of its own.
        let and_subject = lower_is_one_of(word, &["and", "but"])
            && words.peek().is_some_and(|n| lower_is_one_of(n.trim(), &["he", "she", "they", "we", "i", "it"]));
        if lower_is_one_of(word, SUBORDINATORS) || and_subject {
            found = Some((offset, offset + w.len()));
        }
        offset += w.len();
    }
    let (at, after) = found?;
    let main = Span::new(clause.start, clause.start + at);
    let sub = Span::new(clause.start + after, clause.end);
    (at > 0 && has_verb(text, main) && has_verb(text, Span::new(sub.start, date.start.max(sub.start)))).then_some(sub)
}

/// Could a label hold a verb the tables do not list: a lower-case word
/// after the first ending in `s` (`The company hopes`), or `to` and a word
/// (`plans to build`)?
fn present_or_infinitive(label: &str) -> bool {
    let ws: Vec<&str> = label.split_whitespace().collect();
    ws.iter().enumerate().skip(1).any(|(k, w)| {
        let lower = !w.starts_with(char::is_uppercase);
        lower && w.len() > 2 && w.ends_with('s') && !w.ends_with("ss") || *w == "to" && k + 1 < ws.len()
    })
}

/// Words that end the noun phrase a relative clause follows, looking back
/// from the relative word (`by` in `was caused by a storm which …`).
const PHRASE_BOUNDS: &[&str] = &[
    "about", "after", "against", "amid", "and", "as", "at", "before", "but", "by", "during", "following", "for", "from",
    "in", "into", "of", "on", "over", "than", "through", "to", "under", "with", "without",
];

/// A relative clause holding the date (`which`, `who` or `that` and a verb,
/// after a noun phrase): the noun phrase, back to a preposition, a verb or
/// the clause's start (at most eight words), and the relative clause from
/// its verb to the end of `clause`. `a storm` and `came a week after the
/// drought` in `was caused by a storm which came a week after the
/// drought`; not in `said that the plan failed` (no verb after `that`).
fn relative_clause(text: &str, clause: Span, date: Span) -> Option<(Span, Span)> {
    if !clause.contains(date) {
        return None;
    }
    let head = text.get(clause.start..date.start)?;
    // Most clauses hold no relative word: found without splitting words.
    if !["which", "who", "that"].iter().any(|r| head.contains(r)) {
        return None;
    }
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = clause.start;
    for w in head.split_inclusive(char::is_whitespace) {
        let word = w.trim_end();
        if !word.is_empty() {
            words.push((at, word));
        }
        at += w.len();
    }
    let verb = |w: &str| !w.starts_with(char::is_uppercase) && is_verb_form(w);
    let r = (1..words.len().saturating_sub(1))
        .rev()
        .find(|&k| lower_is_one_of(words[k].1, &["which", "who", "that"]) && verb(words[k + 1].1))?;
    let mut s = r;
    while s > 0 {
        let w = words[s - 1].1;
        if lower_is_one_of(w, PHRASE_BOUNDS) || verb(w) || w.ends_with([',', ';', ':']) {
            break;
        }
        s -= 1;
    }
    if s == r || r - s > 8 {
        return None;
    }
    let (np_start, (last_at, last)) = (words[s].0, words[r - 1]);
    let np = Span::new(np_start, last_at + last.len());
    if !np.of(text).starts_with(char::is_alphanumeric) {
        return None;
    }
    let rel = Span::new(words[r + 1].0, clause.end);
    Some((np, rel))
}

/// A subject made of a noun and a `that` clause holding the date, before
/// the main verb (`Hopes that the team could repeat its win of the night
/// before were dashed`, `Fears that the dam would burst on Monday proved
/// wrong`): the `that` clause, up to the date. Not when a verb stands
/// before `that` (`officials said that …`), nor when the main verb does not
/// follow the date.
fn that_clause(text: &str, clause: Span, date: Span) -> Option<Span> {
    if !clause.contains(date) {
        return None;
    }
    let head = text.get(clause.start..date.start)?;
    let mut offset = 0;
    let mut that = None;
    for (k, w) in head.split_inclusive(char::is_whitespace).enumerate().take(5) {
        let word = w.trim_end();
        if lower_is_one_of(word, &["that"]) {
            that = Some((k, offset + w.len()));
            break;
        }
        if is_verb_form(word) || lower_is_one_of(word, LEADING) {
            return None;
        }
        offset += w.len();
    }
    let (k, after) = that?;
    let inner = Span::new(clause.start + after, date.start);
    let rest = text.get(date.end..clause.end)?;
    let main_verb = rest.split_whitespace().next().is_some_and(|w| !w.starts_with(char::is_uppercase) && is_verb_form(w));
    (k > 0 && has_verb(text, inner) && main_verb).then(|| Span::new(inner.start, date.end))
}

/// Does the clause open with a participle that describes what stands before
/// it (`accompanied by his brother`, `backed by the council`)?
fn opens_with_modifier(text: &str, clause: Span) -> bool {
    let mut ws = clause.of(text).split_whitespace();
    let (Some(first), Some(second)) = (ws.next(), ws.next()) else { return false };
    first.to_ascii_lowercase().ends_with("ed") && lower_is_one_of(second, &["by", "with"])
}

/// Words before a date that make it the bound of a stretch of time rather
/// than the day of a happening: `since 1990`, `until March`, `through 2020`,
/// `from 1952` (onwards), `applied before last summer`.
const BOUNDS: &[&str] = &["before", "from", "since", "through", "till", "until"];

/// Words before `of` and a year that make them a date: `the end of 2008`.
const PART_OF_TIME: &[&str] = &[
    "autumn", "beginning", "end", "fall", "half", "middle", "part", "quarter", "spring", "start", "summer", "winter",
];

/// Words that may stand between a bound and its date: `since early Monday`.
const BOUND_MODIFIERS: &[&str] = &["early", "late", "mid"];

/// What stands between the two dates of a range: `from 2000 to 2005`,
/// `between 1952 and 1953`, `April 9 - 28`.
const RANGE_JOINS: &[&str] = &["to", "and", "-", "–", "—", "through", "until", "or"];

/// Does the date `d` (in `sentence`; `before` and `next` are the dates just
/// before and after it in the same sentence) date a happening? Not when it
/// bounds a stretch of time, is either end of a range (a range is a stretch
/// of time too: `exported uranium from 2000 to 2005`), is a year inside a
/// noun phrase, or stands alone in brackets after a name (`the United
/// Kingdom (1968)`).
fn dates_a_happening(text: &str, sentence: Span, d: &DateMention, before: Option<&DateMention>, next: Option<&DateMention>) -> bool {
    let head = &text[sentence.start..d.span.start];
    let mut back = head.trim_end().rsplit(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    let prev_word = back.next().unwrap_or("");
    let bound_word = if lower_is_one_of(prev_word, BOUND_MODIFIERS) { back.next().unwrap_or("") } else { prev_word };
    let rest = &text[d.span.end..sentence.end];
    let possessive = rest.starts_with("'s") || rest.starts_with("’s");
    let joined = |a: Span, b: Span| {
        let between = text[a.end..b.start].trim();
        RANGE_JOINS.iter().any(|j| between.eq_ignore_ascii_case(j))
    };
    // A range of days is a visit or a meeting, dated by its first day
    // (`will travel to Seoul from April 16 to April 17`); a range of months
    // or years is a stretch of time.
    let day = matches!(d.value, DateValue::Day(..));
    let opens_range = next.is_some_and(|n| joined(d.span, n.span));
    if before.is_some_and(|b| joined(b.span, d.span)) || !day && opens_range {
        return false;
    }
    // `at the end of the month on April 29`, `next week, on Tuesday`: a
    // date told again more precisely just after dates nothing itself.
    if let Some(n) = next.filter(|n| within(n.value, d.value)) {
        let between = text.get(d.span.end..n.span.start).unwrap_or("");
        if between.split_whitespace().count() <= 2 && !between.contains(['.', ';']) {
            return false;
        }
    }
    // (`from today's game` names a thing of that day.)
    if lower_is_one_of(bound_word, BOUNDS) && !possessive && !(day && opens_range) {
        return false;
    }
    // `France (1992)`, `the Soviet Union (1968; obligations assumed by Russia)`
    if head.ends_with('(') && rest.starts_with([')', ';']) {
        return false;
    }
    if dates_a_figure(head, rest) || compared(head) {
        return false;
    }
    // `as of May 2, the bridge has 41 cracks`: a tally at a time (but
    // `as of June, he was writing a memoir` tells a happening).
    let tally = || rest.split([';', '.']).next().is_some_and(|r| r.contains(|c: char| c.is_ascii_digit()));
    if lower_is_one_of(prev_word, &["of"])
        && head.trim_end().strip_suffix("of").is_some_and(|h| {
            let h = h.trim_end().to_ascii_lowercase();
            h == "as" || h.ends_with(" as")
        })
        && tally()
    {
        return false;
    }
    let year = matches!(d.value, DateValue::Year(_) | DateValue::Decade(_));
    if year {
        // `the 2016 election`, `last year's elections`, `the 2014-2015 season`, `the 2014-15 season`.
        let after_range = rest
            .strip_prefix(['-', '–'])
            .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
            .unwrap_or(rest);
        let next = after_range.split_whitespace().next().unwrap_or("");
        let noun_next = !after_range.starts_with([',', '.', ';', ':', ')']) && next.chars().next().is_some_and(char::is_alphabetic);
        // `the 2016 election`, `its 2015 forecast`, `that 2014 season`: the
        // year names the thing, it dates no happening of the sentence.
        let determiner = lower_is_one_of(prev_word, DETERMINERS) || lower_is_one_of(prev_word, &["that"]);
        // `the tornado season of 2011`, `the floods of 1993` (but `the end of 2008`).
        if lower_is_one_of(prev_word, &["of"]) {
            let noun = back.next().unwrap_or("");
            let time_word = lower_is_one_of(noun, PART_OF_TIME) || crate::calendar::month_named(noun).is_some();
            if !time_word && !is_verb_form(noun) && noun.chars().all(char::is_alphabetic) {
                return false;
            }
        }
        // `seized power in a 2001 coup`, `died in the 2019 crash`: after
        // `in`, the thing the year names is when the clause's happening was.
        let in_it = lower_is_one_of(back.clone().next().unwrap_or(""), &["in"]) && prev_word != "that";
        if possessive || determiner && noun_next && !lower_is_one_of(next, LEADING) && !in_it {
            return false;
        }
    }
    true
}

/// Does `inner` lie inside `outer`, a longer period (a day in its month or
/// year, a month in its year)?
fn within(inner: DateValue, outer: DateValue) -> bool {
    match (inner, outer) {
        (DateValue::Day(d), DateValue::Month { year, month }) => d.year() == year && d.month() == month,
        (DateValue::Day(d), DateValue::Year(y)) => d.year() == y,
        (DateValue::Month { year, .. }, DateValue::Year(y)) => year == y,
        _ => false,
    }
}

/// Does the date close what a sentence compares its subject with (`is now
/// as severe as the disaster at Chernobyl in 1986`, `higher than the peak
/// of 2008`)? `head` is the sentence before the date.
fn compared(head: &str) -> bool {
    // (Most dates have neither word shortly before them: a quick look first.)
    let near = head.get(head.len().saturating_sub(90)..).unwrap_or(head);
    if !near.contains(" as ") && !near.contains(" than ") {
        return false;
    }
    let mut words = [""; 9];
    for (k, w) in head.split_whitespace().rev().take(9).enumerate() {
        words[k] = w;
    }
    for (k, w) in words.iter().enumerate().take(7) {
        if is_verb_form(w) && !w.starts_with(char::is_uppercase) {
            return false;
        }
        if lower_is_one_of(w, &["than"]) {
            return true;
        }
        if lower_is_one_of(w, &["as"]) && k > 0 {
            // `as severe as`, `the same level as`, not `elected as the president`.
            let before = words[k + 1];
            let two_before = words[k + 2];
            return lower_is_one_of(before, &["same", "such"]) || lower_is_one_of(two_before, &["as", "same"]);
        }
    }
    false
}

/// Words that make a clause a forecast (`predicting`, `projected`,
/// `its forecast`, `the outlook`).
const FORECAST_STEMS: &[&str] = &["estimat", "forecast", "outlook", "predict", "project"];

/// Does a date close a forecast figure (`is predicting 2.7 percent growth
/// this year`, `kept its forecast at 5.1 percent for this year`) or the
/// first of a range of figures (`will ease from 7.2 percent last year to 5.5
/// percent`)? It dates the figure, not a happening. `head` is the sentence
/// before the date, `rest` the sentence after it.
fn dates_a_figure(head: &str, rest: &str) -> bool {
    // The clause before the date (a comma between digits is a number's).
    // (Most clauses hold no percentage: a quick look first.)
    let tail = head.get(head.len().saturating_sub(160)..).unwrap_or(head);
    if !tail.contains('%') && !tail.contains("cent") {
        return false;
    }
    let b = head.as_bytes();
    let from = (0..b.len())
        .rev()
        .find(|&k| matches!(b[k], b';' | b':') || b[k] == b',' && !(k > 0 && b[k - 1].is_ascii_digit() && b.get(k + 1).is_some_and(u8::is_ascii_digit)))
        .map_or(0, |k| k + 1);
    let clause = &head[from..];
    // A percentage shortly before the date, with no verb between.
    let mut figure = false;
    let mut words = clause.split_whitespace().rev().take(8);
    for w in words.by_ref() {
        let bare = w.trim_end_matches([',', '.']);
        if bare.ends_with('%') || lower_is_one_of(bare, &["percent", "cent"]) {
            figure = true;
            break;
        }
        if is_verb_form(bare) && !bare.starts_with(char::is_uppercase) {
            break;
        }
    }
    if !figure {
        return false;
    }
    // `… to 5.5 percent in 2025`, after `from 7.2 percent`: the range's end.
    let mut before = words.skip_while(|w| lower_is_one_of(w, &["per"]) || w.starts_with(|c: char| c.is_ascii_digit()));
    let range_end = before.next().is_some_and(|w| lower_is_one_of(w, &["to"])) && clause.split_whitespace().any(|w| lower_is_one_of(w, &["from"]));
    if range_end {
        return true;
    }
    let forecast = clause.split_whitespace().any(|w| {
        let mut buf = [0u8; 24];
        lower_ascii(w, &mut buf).is_some_and(|l| FORECAST_STEMS.iter().any(|s| l.starts_with(s)))
    });
    let range = rest.trim_start().strip_prefix("to ").is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    forecast || range
}

/// Forms of verbs with no regular ending, auxiliaries and the commonest
/// present forms of reporting verbs; sorted, no repeats.
const VERB_FORMS: &[&str] = &[
    "accepts", "am", "are", "argues", "arrives", "asks", "ate", "awoke", "became", "become", "becomes", "began", "begins", "begun",
    "bid", "bought", "bound", "broke", "broken", "brought", "built", "burnt", "buys", "calls", "came", "can",
    "caught", "chose", "chosen", "claims", "closes", "comes", "confirms", "continues", "could", "cut", "dealt", "denies", "did", "died", "dies",
    "does", "done", "drew", "driven", "drove", "dug", "expects", "eyed", "faces", "fed", "fell", "felt", "finds", "fled", "flew",
    "flies", "fought", "found", "froze", "gave", "gets", "given", "gives", "goes", "gone", "got", "grew", "grown",
    "had", "has", "have", "heard", "hears", "held", "hid", "hit", "hits", "holds", "hung", "hurt", "insists", "is", "keeps",
    "kept", "knew", "known", "laid", "leads", "leaves", "led", "left", "lent", "let", "lies", "lit", "lost", "made",
    "makes", "may", "meant", "meets", "met", "might", "must", "opens", "owed", "paid", "pays", "plans", "pled", "put",
    "quit", "ran", "read", "rejects", "remains", "reports", "rises", "rode", "rose", "runs", "said", "sang", "sank", "sat",
    "saw", "says", "seeks", "seen", "sees", "sells", "sent", "set", "shall", "shed", "shook", "shot", "should", "shut",
    "slid", "sold", "sought", "sped", "spent", "split", "spoke", "spoken", "spread", "stands", "stole", "stood", "struck",
    "swept", "swore", "sworn", "taken", "takes", "taught", "tells", "thought", "threw", "thrown", "tied", "told", "took",
    "tore", "torn", "underwent", "urges", "used", "wants", "warns", "was", "went", "were", "will", "wins", "withdrew", "woke", "won", "wore",
    "would", "written", "wrote",
];

/// `-ed` and `-ing` words that are not verbs: adjectives, prepositions and
/// common nouns; sorted, no repeats.
const NOT_VERBS: &[&str] = &[
    "according", "beloved", "building", "ceiling", "concerning", "crooked", "during", "evening", "everything",
    "excluding", "following", "hundred", "including", "indeed", "kindred", "morning", "naked", "nothing",
    "notwithstanding", "pending", "regarding", "rugged", "sacred", "something", "spring", "string", "wicked",
];

/// Words after which an `-ed` or `-ing` word is an adjective or a noun (`an
/// enrolled member`, `the ruling party`, `a meeting`).
const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our", "this", "these", "those", "whose"];

/// `w` in ASCII lower case in `buf`, when it is ASCII and fits (no word of
/// the verb tables is longer).
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = w.as_bytes();
    if bytes.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// The verb tables and the determiners as sorted word keys: a lookup is a
/// binary search over integers, not strings.
const VERB_KEYS: [u128; VERB_FORMS.len()] = sorted_keys(VERB_FORMS);
const NOT_VERB_KEYS: [u128; NOT_VERBS.len()] = sorted_keys(NOT_VERBS);
const DETERMINER_KEYS: [u128; DETERMINERS.len()] = sorted_keys(DETERMINERS);

/// Is the word one of the listed verb forms (any case)?
fn is_listed_verb(w: &str) -> bool {
    has_key(&VERB_KEYS, word_key(w.as_bytes()))
}

/// Is the word a determiner (any case)?
fn is_determiner(w: &str) -> bool {
    has_key(&DETERMINER_KEYS, word_key(w.as_bytes()))
}

/// Could the word be a finite verb or a participle?
fn is_verb_form(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() || !w.is_ascii() || w.contains('-') {
        return false;
    }
    let key = word_key(w.as_bytes());
    let b = w.as_bytes();
    let ends = |suffix: &[u8]| b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    let regular = b.len() >= 5 && ends(b"ed") || b.len() >= 6 && ends(b"ing");
    has_key(&VERB_KEYS, key) || regular && !has_key(&NOT_VERB_KEYS, key)
}

/// Does the clause hold a verb? Capitalised words other than the first are
/// names, not verbs; a participle after a determiner is an adjective.
fn has_verb(text: &str, clause: Span) -> bool {
    let mut prev = "";
    clause.of(text).split_whitespace().enumerate().any(|(k, w)| {
        let after_determiner = is_determiner(prev);
        prev = w;
        (k == 0 || !w.starts_with(|c: char| c.is_uppercase()))
            && is_verb_form(w)
            && (!after_determiner || is_listed_verb(w))
    })
}

/// The name that ends just before a clause, across a comma: what a leading
/// "which" or "who" in the clause stands for.
fn antecedent(text: &str, clause: Span, names: &Sorted<Span>) -> Option<Span> {
    let k = names.partition_point(|m| m.end <= clause.start);
    let m = *names.items.get(k.checked_sub(1)?)?;
    let between = &text[m.end..clause.start];
    (between.trim() == "," || between.trim().is_empty()).then_some(m)
}

/// Cuts dates and titles out of a clause and shortens it.
/// Buffers [`make_label`] reuses from one label to the next.
#[derive(Default)]
struct Scratch {
    cuts: Vec<Span>,
    out: String,
    /// Words of `out`, as byte ranges.
    words: Vec<(usize, usize)>,
}

fn make_label(
    text: &str,
    raw: Span,
    dates: &Sorted<Span>,
    descriptions: &Sorted<(Span, &str)>,
    scratch: &mut Scratch,
    date: Option<Span>,
) -> String {
    let Scratch { cuts, out, words } = scratch;
    // Remove date expressions (with a preposition just before) and person titles.
    cuts.clear();
    for d in inside(dates, |d| *d, raw).iter().filter(|d| raw.contains(**d)) {
        let before = &text[raw.start..d.start];
        let trimmed = before.trim_end();
        let prep = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
        let after = &text[d.end..raw.end];
        // (`The month of May in 2011 broke the record`: `of` goes with a
        // date its clause's verb follows.)
        let of_before_verb = lower_is_one_of(prep, &["of"])
            && after.split_whitespace().next().is_some_and(|w| !w.starts_with(char::is_uppercase) && is_verb_form(w));
        let has_prep = of_before_verb || lower_is_one_of(prep, &["on", "in", "at", "since", "by", "until", "from", "during"]);
        let start = if has_prep { raw.start + trimmed.len() - prep.len() } else { d.start };
        let next = after.split_whitespace().next().unwrap_or("");
        // `Tuesday is a national holiday`, `Today's announcement is an
        // affront`: the date is what the clause is about.
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        let subject = lower_is_one_of(next, &["is", "was", "will", "has", "had", "marks", "marked"]) || possessive;
        if !has_prep && before.trim().is_empty() && subject {
            continue;
        }
        let mut end = d.end;
        // `She was born just two years before the war began`: what follows
        // an anchored relative is what it counts from, not the happening;
        // the label ends at the date (when a subject and verb stand before).
        let anchored = date == Some(*d) && {
            let last = text[d.start..d.end].rsplit(char::is_whitespace).next().unwrap_or("");
            lower_is_one_of(last, &["after", "before"])
                && after.contains(char::is_alphanumeric)
                && before.split_whitespace().filter(|w| !is_leading(w)).count() >= 2
        };
        if anchored {
            cuts.push(Span::new(start, raw.end));
            continue;
        }
        // `in Tuesday's global trading`, `from today's game`: the date's noun phrase goes with it.
        if has_prep && (after.starts_with("'s") || after.starts_with("’s")) {
            let tail = &after[after.find('s').map_or(0, |k| k + 1)..];
            let stop = tail.find([',', ';', '.', '(', '—', '–']).unwrap_or(tail.len());
            end = d.end + (after.len() - tail.len()) + tail[..stop].trim_end().len();
        } else if lower_is_one_of(next, &["morning", "afternoon", "evening", "night"]) {
            // `on Thursday morning`
            end = d.end + after.find(next).unwrap_or(0) + next.len();
        }
        cuts.push(Span::new(start, end));
    }
    for (m, desc) in inside(descriptions, |(m, _)| *m, raw).iter().filter(|(m, _)| raw.contains(*m)) {
        let before = &text[raw.start..m.start];
        let trimmed = before.trim_end();
        if trimmed.ends_with(desc) {
            cuts.push(Span::new(raw.start + trimmed.len() - desc.len(), m.start));
        }
    }
    cuts.sort();
    out.clear();
    let mut pos = raw.start;
    // Where the event's date stood in `out`.
    let mut date_at = None;
    for &c in cuts.iter() {
        if c.start >= pos {
            out.push_str(&text[pos..c.start]);
            if date.is_some_and(|d| c.contains(d)) {
                date_at = Some(out.len());
            }
            pos = c.end;
        }
    }
    out.push_str(&text[pos..raw.end]);
    words.clear();
    words.extend(out.split_whitespace().map(|w| (w.as_ptr() as usize - out.as_ptr() as usize, w.len())));
    // (`usize::MAX` marks an ellipsis put in the label.)
    let word = |&(at, len): &(usize, usize)| if at == usize::MAX { "…" } else { &out[at..at + len] };
    let picked: Vec<(usize, usize)>;
    // Drop leading connectives and a trailing comma (but `at least 76
    // people` keeps its `at`).
    let skip = words.iter().enumerate().take_while(|(k, w)| {
        is_leading(word(w)) && !(lower_is_one_of(word(w), &["at"]) && words.get(k + 1).is_some_and(|n| lower_is_one_of(word(n), &["least", "most"])))
    }).count();
    let mut words = &words[skip..];
    // Was the end of the clause cut (a date at its end, or the words past the
    // longest label)? Then a word left dangling at the end goes too.
    let mut cut_at_end = cuts.iter().any(|c| !text[c.end.min(raw.end)..raw.end].contains(char::is_alphanumeric));
    // A reporting verb at the end is a cut too: its report is not there.
    let reporting = |w: &str| lower_is_one_of(w.trim_end_matches([',', ';', ':', '.']), REPORTING);
    cut_at_end |= words.last().is_some_and(|w| reporting(word(w)));
    if words.len() > MAX_WORDS {
        cut_at_end = true;
        // Cut before an infinitive or preposition that starts the tail, but
        // never before the clause's verb.
        let verb = words.iter().position(|w| is_verb_form(word(w))).unwrap_or(0);
        // Nor before the words the date stood beside (`should get the ball
        // after the trade [last month] of Minnesota's best player`).
        let date_word = date_at.map(|at| words.iter().position(|&(w, _)| w >= at).unwrap_or(words.len()));
        let beside = date_word.filter(|&k| k < words.len()).map_or(0, |k| k + 1);
        let short_head = words.iter().take(4).position(|w| is_verb_form(word(w)));
        // (Only for a date inside a noun phrase: `the [December 14] shooting`.)
        let inside_phrase = date_at.is_some_and(|at| out[..at].split_whitespace().next_back().is_some_and(is_determiner));
        if let (Some(k), Some(v), true) = (date_word.filter(|&k| k >= MAX_WORDS && k < words.len()), short_head, inside_phrase) {
            // The date stands beyond the label's reach: the subject and its
            // verb, then the words around the date (`The Church announced …
            // those killed in the [December 14] shooting at Sandy Hook`).
            let end = (k + 4).min(words.len());
            let start = end.saturating_sub(MAX_WORDS - v - 2).max(v + 1);
            let end = within_name(words, end, start, word);
            let mut p = Vec::with_capacity(MAX_WORDS);
            p.extend_from_slice(&words[..=v]);
            p.push((usize::MAX, 0));
            p.extend_from_slice(&words[start..end]);
            picked = p;
            words = &picked;
        } else {
            let cut = (5.max(verb + 2).max(beside)..MAX_WORDS)
                .rev()
                .find(|&i| matches!(word(&words[i]), "to" | "in" | "over" | "after" | "amid" | "that" | "which" | "as"));
            words = &words[..within_name(words, cut.unwrap_or(MAX_WORDS), verb, word)];
        }
        // A quotation opened after the verb and cut before its end goes
        // whole (`had exchanged "three seasons of [gauge readings]"`).
        let open = words.iter().skip(verb + 1).position(|w| {
            word(w).strip_prefix(['"', '“']).is_some_and(|rest| !rest.contains(['"', '”']))
        });
        if let Some(k) = open.map(|k| k + verb + 1) {
            let closed = words[k + 1..].iter().any(|w| word(w).contains(['"', '”']));
            if !closed && k > 2 {
                words = &words[..k];
            }
        }
    }
    // A label does not end on a word that needs what was cut (`… the coast
    // of`, `… against Australia and`).
    let needs_more = |w: &str| {
        let w = w.trim_end_matches([',', ';', ':', '.']);
        w.is_empty()
            || !w.chars().any(char::is_alphanumeric)
            || lower_is_one_of(w, DANGLING)
            || lower_is_one_of(w, DEGREE)
            || reporting(w)
    };
    // Nor on what a cut phrase's head would have completed: a number after a
    // preposition (`rose by 50 [percent]`), an ordinal after a determiner
    // (`for the first [time]`), a possessive (`the nation's [backlog]`).
    let incomplete = |ws: &[(usize, usize)]| {
        let [.., before, last] = ws else { return false };
        let (before, last) = (word(before), word(last).trim_end_matches([',', ';', ':', '.']));
        is_possessive(last)
            || last.trim_start_matches(['$', '£', '€']).bytes().all(|b| b.is_ascii_digit() || b == b',') && lower_is_one_of(before, DANGLING)
            || lower_is_one_of(last, ORDINALS) && is_determiner(before)
    };
    if cut_at_end {
        loop {
            if words.len() > 2 && words.last().is_some_and(|w| needs_more(word(w))) {
                words = &words[..words.len() - 1];
            } else if words.len() > 3 && incomplete(words) {
                let whose = words.last().is_some_and(|w| is_possessive(word(w)));
                words = &words[..words.len() - 1];
                // A possessive goes with its phrase's modifiers, back to the word
                // that governs the phrase (`launched from the site in south
                // [China's Hainan]`).
                if whose {
                    let n = phrase_modifiers(&words[3.min(words.len())..], word);
                    words = &words[..words.len() - n];
                }
            } else {
                break;
            }
        }
    }
    let mut label = String::with_capacity(out.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            label.push(' ');
        }
        label.push_str(word(w));
    }
    while label.ends_with([',', ';', ':', '.', '–', '—', '(']) {
        label.pop();
    }
    // A quotation the label opens but does not close loses its mark.
    for (open, close) in [('"', '"'), ('“', '”')] {
        let opens = label.matches(open).count();
        let unbalanced = if open == close { opens % 2 == 1 } else { opens > label.matches(close).count() };
        if unbalanced && label.starts_with(open) {
            label = label[open.len_utf8()..].trim_start().to_string();
        }
    }
    while label.ends_with([',', ';', ':', '.', '–', '—', '(', ' ']) {
        label.pop();
    }
    if label.trim().len() == label.len() && label.as_bytes().first().is_some_and(u8::is_ascii) {
        // The common case, in place.
        label[..1].make_ascii_uppercase();
        return label;
    }
    capitalize_first(label.trim())
}

/// Where a label cut before word `cut` ends: before the cut when the cut
/// falls inside a name after the verb (`the coast of Nova [Scotia]` ends
/// before `Nova`), at the cut otherwise.
fn within_name<'w>(words: &[(usize, usize)], cut: usize, verb: usize, word: impl Fn(&(usize, usize)) -> &'w str) -> usize {
    let capital = |k: usize| word(&words[k]).trim_start_matches(['"', '“', '(']).starts_with(char::is_uppercase);
    // (A possessive ends its own name: `China's Hainan Province`.)
    let whose = |k: usize| is_possessive(word(&words[k]));
    if cut == 0 || cut >= words.len() || !capital(cut) {
        return cut;
    }
    // The name's first word: back over capitalised words and the words
    // that join them.
    let mut start = cut;
    while start > 0 && !whose(start - 1) && (capital(start - 1) || start > 1 && capital(start - 2) && lower_is_one_of(word(&words[start - 1]), NAME_JOINERS)) {
        start -= 1;
    }
    if start == cut || start <= verb {
        return cut;
    }
    // The name's modifiers go with it (`across the southern [San Joaquin
    // Valley]`), back to the word that governs its phrase.
    start - phrase_modifiers(&words[verb + 1..start], word)
}

/// How many of the last words modify the noun phrase they end: lower-case
/// words that are no verb and no preposition, back to the phrase's
/// determiner (`the southern`, `its new`; `clear the` is one).
fn phrase_modifiers<'w>(words: &[(usize, usize)], word: impl Fn(&(usize, usize)) -> &'w str) -> usize {
    let mut n = 0;
    for w in words.iter().rev().map(word) {
        if is_determiner(w) {
            return n + 1;
        }
        if !(w.starts_with(char::is_lowercase) && !is_verb_form(w) && !lower_is_one_of(w, DANGLING)) {
            break;
        }
        n += 1;
    }
    n
}


/// Does the word end in a possessive `'s` (either apostrophe)?
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

fn capitalize_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The content words of a label (alphanumeric runs longer than three
/// bytes, not capitalised), in lower case, and apart its names (capitalised
/// words), as sorted keys without repeats: a short ASCII
/// word is its [`word_key`]; any other word an id from [`Words`], which
/// never equals a word key (those carry the word's length in the top byte).
struct WordSet(Vec<u128>, u64, u64);

/// Capitalised words that are no names (a label's first word).
const NOT_NAMES: &[&str] = &[
    "after", "and", "before", "but", "for", "her", "his", "its", "our", "she", "that", "the", "their", "these",
    "they", "this", "those", "when", "with",
];
const NOT_NAME_KEYS: [u128; NOT_NAMES.len()] = sorted_keys(NOT_NAMES);

/// A bit of a 64-bit signature for a word key.
fn sig_bit(key: u128) -> u64 {
    1 << (((key as u64) ^ ((key >> 64) as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// Ids for the lower-case words of labels that do not pack into a key,
/// shared by all the labels of a timeline.
#[derive(Default)]
struct Words {
    ids: HashMap<String, u32>,
    scratch: String,
}

impl Words {
    fn set_of(&mut self, s: &str) -> WordSet {
        let mut out = Vec::with_capacity(16);
        // The names, as a signature: a bit per name.
        let mut names = 0u64;
        if s.is_ascii() {
            // One pass over the bytes, packing each word's key as it goes
            // (the same key as `word_key`).
            let bytes = s.as_bytes();
            let (mut start, mut key) = (0, 0u128);
            for i in 0..=bytes.len() {
                match bytes.get(i) {
                    Some(b) if b.is_ascii_alphanumeric() => key = (key << 8) | u128::from(b.to_ascii_lowercase()),
                    _ => {
                        let len = i - start;
                        let word = &s[start..i];
                        let key = if len > 15 { self.id(word) } else { key | (len as u128) << 120 };
                        // Names apart: a name shared says the same people, not the same happening.
                        if bytes.get(start).is_some_and(u8::is_ascii_uppercase) {
                            if len >= 3 && !has_key(&NOT_NAME_KEYS, key) {
                                names |= sig_bit(key);
                            }
                        } else if len > 3 {
                            out.push(key);
                        }
                        start = i + 1;
                    }
                }
                if !bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    key = 0;
                }
            }
        } else {
            for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3) {
                let key = match word_key(w.as_bytes()) {
                    0 => self.id(w),
                    key => key,
                };
                if w.starts_with(char::is_uppercase) {
                    if !has_key(&NOT_NAME_KEYS, key) {
                        names |= sig_bit(key);
                    }
                } else if w.len() > 3 {
                    out.push(key);
                }
            }
        }
        // The first word counts as a name: `The plant closed` and `The plant
        // was shut` may tell one happening, `Demand would increase` and
        // `Hunger would increase` two.
        if let Some(first) = s.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()) {
            let key = match word_key(first.as_bytes()) {
                0 => self.id(first),
                key => key,
            };
            names |= sig_bit(key);
        }
        out.sort_unstable();
        out.dedup();
        let sig = out.iter().fold(0, |sig, &k| sig | sig_bit(k));
        WordSet(out, sig, names)
    }

    /// The id of `w` in lower case.
    fn id(&mut self, w: &str) -> u128 {
        self.scratch.clear();
        if w.is_ascii() {
            self.scratch.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.scratch.push_str(&w.to_lowercase());
        }
        let next = self.ids.len() as u32;
        let id = match self.ids.get(self.scratch.as_str()) {
            Some(&id) => id,
            None => {
                self.ids.insert(self.scratch.clone(), next);
                next
            }
        };
        u128::from(id)
    }
}

impl WordSet {
    /// Two labels about the same thing share most of their content words,
    /// and a name or their first word.
    fn similar(&self, other: &WordSet) -> bool {
        if self.2 & other.2 == 0 {
            return false;
        }
        // A quick exact refusal: a shared word of the smaller set has its
        // bit in the other's signature, so those words bound the count.
        let (small, big) = if self.0.len() <= other.0.len() { (self, other) } else { (other, self) };
        let bound = small.0.iter().filter(|&&k| big.1 & sig_bit(k) != 0).count();
        if small.0.is_empty() || bound * 2 < small.0.len() {
            return false;
        }
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let smaller = a.len().min(b.len());
        smaller > 0 && shared * 2 >= smaller
    }
}

#[cfg(test)]
mod happening_tests {
    use crate::analysis::analyze;
    use crate::read::{read_str, Format};

    fn timeline(body: &str) -> Vec<(String, String)> {
        let src = format!("A Report\nLONDON, Nov. 20, 2024 – Officials met on Monday.\n{body}\n");
        let a = read_str("s.txt", Format::Text, src).unwrap();
        analyze(&a).timeline.into_iter().map(|e| (e.date.iso(), e.label)).collect()
    }

    fn dates(body: &str) -> Vec<String> {
        timeline(body).into_iter().map(|(d, _)| d).filter(|d| d != "2024-11-18").collect()
    }

    #[test]
    fn the_verb_table_is_sorted_without_repeats() {
        assert!(super::VERB_FORMS.windows(2).all(|w| w[0] < w[1]));
        assert!(super::NOT_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_bound_dates_no_happening() {
        assert_eq!(dates("Prices fell to their lowest level since 2009."), Vec::<String>::new());
        assert_eq!(dates("The bridge stayed closed until 2019."), Vec::<String>::new());
    }

    #[test]
    fn a_range_is_a_stretch_of_time() {
        assert_eq!(dates("The company exported 40 tonnes from 2000 to 2005."), Vec::<String>::new());
        assert_eq!(dates("The minister will visit Rome April 13 to April 15."), ["2025-04-13"]);
        assert_eq!(dates("The minister will stay in Rome from April 16 to April 17."), ["2025-04-16"]);
        assert_eq!(dates("He was head of the council between 1952 and 1953."), Vec::<String>::new());
        assert_eq!(dates("The study looked at yields over 2000 - 2050."), Vec::<String>::new());
        assert_eq!(dates("The board from 1990 allowed women to join."), Vec::<String>::new());
        assert_eq!(dates("The site has been offline since early Monday morning."), Vec::<String>::new());
        assert_eq!(dates("Only those who applied before last summer qualify."), Vec::<String>::new());
    }

    #[test]
    fn a_forecast_figure_dates_no_happening() {
        assert_eq!(dates("The lender is predicting 2.7 percent growth across the province this year."), Vec::<String>::new());
        assert_eq!(dates("The agency is projecting four percent growth in Canada in 2025."), Vec::<String>::new());
        assert_eq!(dates("The council kept its forecast unchanged at 5.1 percent for this year and 4.9 percent in 2025."), Vec::<String>::new());
        assert_eq!(dates("Inflation will ease from 7.2 percent last year to 5.5 percent in 2025."), Vec::<String>::new());
        assert_eq!(dates("Sales rose 5 percent in 2019."), ["2019"]);
        assert_eq!(dates("The bank will cut its rate by 1 percent on Tuesday."), ["2024-11-26"]);
    }

    #[test]
    fn a_date_of_what_is_compared_or_of_a_state_dates_no_happening() {
        assert_eq!(dates("The drought is already as harsh as the one in Kent in 1976, farmers said."), Vec::<String>::new());
        assert_eq!(dates("Prices are higher than the peak in 2008."), Vec::<String>::new());
        assert_eq!(dates("The council said that as of May 2, 2022, the bridge has 41 cracks."), Vec::<String>::new());
        assert_eq!(dates("She was elected as the mayor in 2010."), ["2010"]);
        assert_eq!(dates("As of June 2021, he was writing a memoir."), ["2021-06"]);
    }

    #[test]
    fn a_year_in_brackets_after_a_name_dates_no_happening() {
        assert_eq!(dates("Five states signed: Chile (1992), Peru (1968; rights assumed by Bolivia), and Ghana."), Vec::<String>::new());
        assert_eq!(dates("Chile (signed 1992) was the last."), ["1992"]);
    }

    #[test]
    fn a_year_inside_a_noun_phrase_names_the_thing() {
        assert_eq!(dates("The council voted before the 2014 protests began."), Vec::<String>::new());
        assert_eq!(dates("Turnout beat last year's elections."), Vec::<String>::new());
        assert_eq!(dates("The mayor resigned in 2014."), ["2014"]);
        assert_eq!(dates("The year was calm beside the stormy season of 2011."), Vec::<String>::new());
        assert_eq!(dates("They hope to sign a deal before the end of 2025."), ["2025"]);
        assert_eq!(dates("His scoring should rise during the 2014-2015 season."), Vec::<String>::new());
        assert_eq!(dates("His scoring should rise during the 2014-15 season."), Vec::<String>::new());
    }

    #[test]
    fn an_opening_adverbial_dates_the_clause_after_it() {
        let t = timeline("On Tuesday, in the cup final, the Otters defeated the Falcons 3-2.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-19" && l.contains("defeated")), "{t:?}");
    }

    #[test]
    fn a_closing_phrase_dates_the_clause_before_it() {
        let t = timeline("A jury convicted Roe, 51, of fraud on March 10, 2022.");
        assert!(t.iter().any(|(d, l)| d == "2022-03-10" && l.contains("convicted")), "{t:?}");
    }

    #[test]
    fn a_date_opening_a_reported_clause_dates_that_clause() {
        let t = timeline("Police said that on October 6, the man turned himself in.");
        assert!(t.iter().any(|(d, l)| d == "2024-10-06" && l.contains("turned himself in")), "{t:?}");
    }

    #[test]
    fn an_adjective_participle_is_no_verb() {
        let t = timeline("A jury convicted Roe, 51, of Leeds, and an enrolled member of the club, of fraud on March 10, 2022.");
        assert!(t.iter().any(|(d, l)| d == "2022-03-10" && l.contains("convicted")), "{t:?}");
    }

    #[test]
    fn a_participle_clause_is_its_own_happening() {
        let t = timeline("The troops landed on Monday, reaching the capital on Tuesday at dawn.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-19" && l.to_lowercase().contains("reaching")), "{t:?}");
        let t = timeline("Last week, at least 70 people were killed when a hotel collapsed, the cause of which is unknown.");
        assert!(t.iter().any(|(_, l)| l.contains("were killed")), "{t:?}");
    }

    #[test]
    fn a_label_is_a_whole_clause() {
        for (_, l) in timeline("The ministry said on Monday that the plan for the northern coast of the country was approved by the full cabinet of ministers.") {
            let last = l.split_whitespace().last().unwrap_or("").to_lowercase();
            assert!(!super::DANGLING.contains(&last.as_str()), "{l}");
        }
        let t = timeline("On Monday, astronomers at the university, in Ohio, revealed a new planet.");
        assert!(t.iter().any(|(_, l)| l.starts_with("Astronomers at the university revealed")), "{t:?}");
        let t = timeline("The family settled in the city in the 1950s.");
        assert!(t.iter().any(|(_, l)| l == "The family settled in the city"), "{t:?}");
        let t = timeline("\"Everybody saw the empty polls of October 30 and knew,\" he said.");
        assert!(t.iter().all(|(_, l)| !l.starts_with('"')), "{t:?}");
    }

    #[test]
    fn the_dateline_is_no_part_of_a_label() {
        for sep in ["_", "—", "-", "–"] {
            let src = format!("A Storm\nMIAMI (AP) {sep} A storm hit the coast on Monday, officials said.\n");
            let mut a = read_str("s.txt", Format::Text, src).unwrap();
            a.published = Some(time::macros::date!(2024 - 11 - 20));
            let t = analyze(&a).timeline;
            assert_eq!(t.iter().map(|e| e.label.as_str()).collect::<Vec<_>>(), ["A storm hit the coast"], "{sep}");
        }
    }

    #[test]
    fn a_long_label_is_not_cut_inside_a_name_a_quotation_or_a_measure() {
        let label = |text: &str| timeline(text).into_iter().map(|(_, l)| l).find(|l| l != "Officials met").unwrap_or_default();
        for (text, expected) in [
            // A name the longest label would cut goes whole, or not at all.
            (
                "On Monday a cold wind from the north swept across the far western coast of Prince Edward Island and on to the sea.",
                "A cold wind from the north swept across the far western coast",
            ),
            ("On Monday a cold wind from the north swept across the far western Prince Edward Island and on to the sea.", "A cold wind from the north swept"),
            // An opened quotation the cut would leave open.
            ("On Monday the two teams said they had agreed on \"a fair split of the prize money from the tour\".", "The two teams said they had agreed"),
            ("On Monday the two teams said they had agreed on “a fair split of the prize money from the tour”.", "The two teams said they had agreed"),
            // (A closed quotation stays.)
            ("On Monday the two teams said they had agreed on \"a fair split\" of the prize money with the tour.", "The two teams said they had agreed on \"a fair split\""),
            // An ordinal after a determiner, a possessive (the verb before its phrase stays).
            ("On Monday the heads of the two rival clubs met in a small hotel for the first time since the war.", "The heads of the two rival clubs met in a small hotel"),
            ("On Monday the crew of the small fishing boat were found on a beach in northern Norway's Svalbard Islands.", "The crew of the small fishing boat were found on a beach"),
            (
                "The new rules are part of the mayor's long effort to clear the city's 9,000 unpaid parking fines by year end.",
                "The new rules are part of the mayor's long effort to clear",
            ),
            // A reporting verb without what it reports: cut, or a clause of
            // its own after a comma.
            ("On Sunday, in a video posted online, the group announced its plans saying, \"We will not stop.\"", "The group announced its plans"),
            ("On Monday the leaders of the union announced their plans for a strike saying that it would go on.", "The leaders of the union announced their plans for a strike"),
            ("On Monday the minister of the interior defended the new rules at length adding that more would follow.", "The minister of the interior defended the new rules at length"),
            // Two names joined by `and` are two names: the cut keeps the first.
            ("On Monday the national side won the annual four nations cup against Chile and New Zealand at home.", "The national side won the annual four nations cup against Chile"),
        ] {
            assert_eq!(label(text), expected, "{text}");
        }
        // A number after a preposition.
        let l = label("On Monday the regional board said that the price of bread would rise by 40 percent by the end of the year.");
        assert!(!l.ends_with("40") && !l.ends_with("by"), "{l}");
    }

    #[test]
    fn the_subject_is_the_nearest_name_before_the_verb() {
        let t = timeline("According to court records, on May 8, 2016, Roe, accompanied by his brother, drove to the house.");
        assert!(t.iter().any(|(d, l)| d == "2016-05-08" && l == "Roe drove to the house"), "{t:?}");
        let t = timeline("Today's announcement is an affront, the mayor said.");
        assert!(t.iter().any(|(_, l)| l.starts_with("Today's announcement is")), "{t:?}");
        let t = timeline("Last week, at least 76 people were killed in the floods.");
        assert!(t.iter().any(|(_, l)| l.starts_with("At least 76 people")), "{t:?}");
    }

    #[test]
    fn the_subject_is_the_first_plain_clause() {
        let t = timeline("Jane Roe, 44, a member of the club who lives in Leeds, Kent, pled guilty on Tuesday.");
        assert!(t.iter().any(|(_, l)| l == "Jane Roe pled guilty"), "{t:?}");
        let t = timeline("The hashtag spread far beyond the town, and was shared a million times by Thursday night.");
        assert!(t.iter().any(|(_, l)| l.starts_with("The hashtag was shared")), "{t:?}");
        let t = timeline("The troops landed on Monday, reaching the capital on Tuesday at dawn.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-19" && l.starts_with("The troops reaching")), "{t:?}");
    }

    #[test]
    fn a_participle_after_an_opening_adverbial_leaves_the_main_clause() {
        let t = timeline("In the second game, played under lights on Tuesday, the visitors proved too strong.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-19" && l.starts_with("The visitors proved")), "{t:?}");
    }

    #[test]
    fn a_date_before_and_a_verb_closes_the_clause_before() {
        let t = timeline("Ada Lark, the oldest of five sisters, died at age 88, reportedly in her sleep, Monday and was buried in Leeds.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-18" && l == "Ada Lark died at age 88"), "{t:?}");
    }

    #[test]
    fn an_aside_of_saying_is_not_the_happening() {
        let t = timeline("About a year ago, the agency reports, at an observatory in Chile, observers noticed a dip.");
        assert!(t.iter().any(|(d, l)| d == "2023" && l.starts_with("Observers")), "{t:?}");
    }

    #[test]
    fn a_deadline_after_a_verb_of_reckoning_dates_what_is_reckoned() {
        let t = timeline("They estimated by 2050, a growing population would double demand.");
        assert!(t.iter().any(|(d, l)| d == "2050" && l.contains("double")), "{t:?}");
    }

    #[test]
    fn a_second_clause_with_its_own_subject_is_its_own_happening() {
        let t = timeline("The ministry allowed farmers to return and he returned with his family in 1962.");
        assert!(t.iter().any(|(d, l)| d == "1962" && l.starts_with("He returned")), "{t:?}");
    }

    #[test]
    fn a_date_in_a_subordinate_clause_dates_that_clause() {
        let t = timeline("The toll is expected to climb as the rescue operation continues on Tuesday.");
        assert!(t.iter().any(|(_, l)| l.starts_with("The rescue operation continues")), "{t:?}");
    }

    #[test]
    fn a_heading_dates_no_happening() {
        let src = "Looking Back at May 24, 2011\nLONDON, Nov. 20, 2024 – Officials met on Monday.\nLooking back and learning from May 24, 2011\nThe storm struck on May 24, 2011, officials said.\n";
        let a = read_str("s.txt", Format::Text, src.to_string()).unwrap();
        let labels: Vec<String> = analyze(&a).timeline.into_iter().filter(|e| e.date.iso() == "2011-05-24").map(|e| e.label).collect();
        assert_eq!(labels, ["The storm struck"]);
    }

    #[test]
    fn one_sentence_gives_a_label_once() {
        let t = timeline("She signed in 1956 to one label, then in 1960 to another.");
        let labels: Vec<&String> = t.iter().map(|(_, l)| l).collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(labels, unique);
    }

    #[test]
    fn a_second_date_of_one_clause_dates_its_last_verb() {
        let t = timeline("On March 3, 2021, Roe was charged with robbing a bank in Leeds, on February 28, 2021, in daylight.");
        assert!(t.iter().any(|(d, l)| d == "2021-03-03" && l.starts_with("Roe was charged")), "{t:?}");
        assert!(t.iter().any(|(d, l)| d == "2021-02-28" && l == "Roe robbing a bank in Leeds"), "{t:?}");
    }

    #[test]
    fn one_happening_told_twice_is_one_event() {
        let t = timeline("Roe pled guilty on Tuesday in court in Leeds. During Tuesday's hearing, Roe pled guilty to a charge of fraud.");
        assert_eq!(t.iter().filter(|(d, _)| d == "2024-11-19").count(), 1, "{t:?}");
    }

    #[test]
    fn a_happening_recalled_is_not_told_again() {
        let t = timeline("The storm struck on May 24, 2011. \"As we saw on May 24, 2011, it takes one day,\" she said.");
        assert_eq!(t.iter().filter(|(d, _)| d == "2011-05-24").count(), 1, "{t:?}");
    }

    #[test]
    fn a_date_opening_a_quotation_dates_what_is_quoted() {
        let t = timeline("The mayor said: \"Today, the two towns agreed on the plan.\"");
        assert!(t.iter().all(|(_, l)| !l.contains("said")), "{t:?}");
    }

    #[test]
    fn a_long_label_keeps_the_words_its_date_stood_beside() {
        let t = timeline("And the new striker should see far more chances after the sale last month of the club's top scorer.");
        assert!(t.iter().any(|(d, l)| d == "2024-10" && l.contains("sale")), "{t:?}");
    }

    #[test]
    fn a_date_beyond_the_label_keeps_its_words_after_the_verb() {
        let t = timeline("The league announced its decision to honour the memory of all those hurt in the December 14 crash at the track in Leeds.");
        let ev = t.iter().find(|(d, _)| d == "2023-12-14").unwrap_or_else(|| panic!("no event of the crash: {t:?}"));
        assert!(ev.1.starts_with("The league announced …") && ev.1.contains("crash"), "{t:?}");
        assert!(ev.1.split_whitespace().count() <= super::MAX_WORDS, "{t:?}");
    }

    #[test]
    fn numbers_keep_their_commas_and_colons() {
        let t = timeline("He was released on $20,000 bail on Thursday.");
        assert!(t.iter().any(|(_, l)| l.starts_with("He was released")), "{t:?}");
    }

    #[test]
    fn a_date_that_is_the_subject_stays_in_the_label() {
        let t = timeline("Tuesday is a national holiday.");
        assert!(t.iter().any(|(_, l)| l == "Tuesday is a national holiday"), "{t:?}");
    }

    #[test]
    fn a_that_clause_in_the_subject_is_the_happening() {
        let t = timeline("Fears that the dam would burst on Monday proved wrong.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-25" && l == "The dam would burst"), "{t:?}");
        let t = timeline("The rowers won on Monday. Hopes that the club could repeat its win of the day before were dashed.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-17" && l == "The club could repeat its win"), "{t:?}");
        // A verb before `that`: the saying is dated.
        let t = timeline("Officials said on Monday that the dam would hold.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-18" && l.starts_with("Officials said")), "{t:?}");
    }

    #[test]
    fn a_relative_clause_holding_the_date_is_the_happening() {
        let t = timeline("Police arrested a man who fled the city on Monday.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-18" && l == "A man fled the city"), "{t:?}");
        // The date outside the relative clause dates the main clause.
        let t = timeline("Police arrested a man who fled the city, on Monday.");
        assert!(t.iter().any(|(d, l)| d == "2024-11-18" && l.starts_with("Police arrested")), "{t:?}");
        // `that` with no verb after it opens what is said.
        let t = timeline("The mayor said that the bridge reopened on Monday.");
        assert!(t.iter().all(|(_, l)| !l.starts_with("The bridge reopened") || l.split_whitespace().count() > 1), "{t:?}");
    }

    #[test]
    fn an_anchored_date_ends_the_label_before_what_it_counts_from() {
        let t = timeline("A storm struck last month. The flood, which destroyed homes, was caused by heavy rain which came exactly a month after the storm.");
        // (the month after the storm's; the day last told, when it lies in it)
        assert!(t.iter().any(|(d, l)| d.starts_with("2024-11") && l == "Heavy rain came"), "{t:?}");
        let t = timeline("The club was founded on May 2, 1950. It was founded just two years before the league began.");
        assert!(t.iter().any(|(d, l)| d == "1950" && l == "It was founded"), "{t:?}");
        // A date that opens its clause keeps the clause after it.
        let t = timeline("The club was founded on May 2, 1950. Two years later, the club won the cup.");
        assert!(t.iter().any(|(d, l)| d == "1952" && l.starts_with("The club won the cup")), "{t:?}");
    }

    #[test]
    fn a_date_told_again_more_precisely_dates_nothing_itself() {
        let t = timeline("The rocket will launch at the end of the month on November 29.");
        assert_eq!(t.iter().filter(|(d, _)| d.starts_with("2024-11-2") || d == "2024-11").map(|(d, _)| d.as_str()).collect::<Vec<_>>(), ["2024-11-29"], "{t:?}");
        // Two dates apart, each its own.
        let t = timeline("The rocket flew in March 2020 and landed on April 2, 2020.");
        assert!(t.iter().any(|(d, _)| d == "2020-03") && t.iter().any(|(d, _)| d == "2020-04-02"), "{t:?}");
    }

    #[test]
    fn a_year_naming_the_thing_a_happening_was_in_dates_it() {
        let t = timeline("The colonel took power in a 1999 military coup.");
        assert!(t.iter().any(|(d, l)| d == "1999" && l.starts_with("The colonel took power")), "{t:?}");
        // Not after another preposition.
        assert_eq!(dates("The council voted before the 2014 protests began."), Vec::<String>::new());
    }

    #[test]
    fn a_clause_without_a_verb_shares_the_verb_before_it() {
        let t = timeline("He signed in 1990 to a small club, then in 1994 to a bigger one, and in 1998 to the national side.");
        assert!(t.iter().any(|(d, l)| d == "1994" && l == "He signed to a bigger one"), "{t:?}");
        assert!(t.iter().any(|(d, l)| d == "1998" && l == "He signed to the national side"), "{t:?}");
        // A clause with a verb of its own keeps it.
        let t = timeline("He signed in 1990 to a small club, then in 1994 moved to a bigger one.");
        assert!(t.iter().all(|(_, l)| l != "He signed to a bigger one"), "{t:?}");
    }

    #[test]
    fn a_label_without_a_verb_is_no_entry() {
        let t = timeline("A storm struck the coast last month. The damage, which was a month after the storm, grew.");
        assert!(t.iter().all(|(_, l)| super::has_verb(l, crate::span::Span::new(0, l.len())) || super::present_or_infinitive(l)), "{t:?}");
        assert!(super::present_or_infinitive("The company hopes to announce a deal"));
        assert!(!super::present_or_infinitive("The 9.0 magnitude earthquake"));
        assert!(!super::present_or_infinitive("The press"));
    }

    #[test]
    fn a_possessive_date_goes_with_its_noun() {
        let t = timeline("Oil prices fell in Tuesday's trading.");
        assert!(t.iter().any(|(_, l)| l == "Oil prices fell"), "{t:?}");
    }
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

#[cfg(test)]
mod piece_tests {
    use crate::analysis::analyze;
    use crate::read::{read_str, Format};

    /// The evaluation's real stories, one after another under one dateline:
    /// a long text with many sentences of one, two and more dates.
    fn long_text() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval/news");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
        files.sort();
        assert!(files.len() >= 20, "{dir:?}");
        let mut text = String::from("Many Stories\nLONDON, Nov. 20, 2024 – Officials met on Monday.\n");
        for f in files {
            text.push_str(&std::fs::read_to_string(f).unwrap());
            text.push('\n');
        }
        text
    }

    #[test]
    fn a_timeline_cut_into_pieces_is_the_timeline_of_one_pass() {
        let a = read_str("long.txt", Format::Text, long_text()).unwrap();
        let an = analyze(&a);
        let headlines: Vec<_> = a.title_span.into_iter().collect();
        let build = |piece| {
            super::build_timeline_in_pieces(&a.plain, &an.sentences, &an.dates, &an.entities, a.dateline, &headlines, piece)
        };
        let whole = build(usize::MAX);
        assert!(whole.len() > 100, "{}", whole.len());
        for piece in [1, 2, 3, 7, 64] {
            assert!(build(piece) == whole, "pieces of {piece} dates");
        }
    }
}
