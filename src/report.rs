//! The JSON report the `analyze` command prints.
//!
//! Offsets in the report are **character** offsets into the file's whole
//! text, exactly as read, converted from the byte spans the analysis uses.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::model::Article;
use crate::span::{CharIndex, Span};

#[derive(Serialize)]
pub struct Report {
    pub title: String,
    pub published: Option<String>,
    pub place: Option<String>,
    pub entities: Vec<EntityReport>,
    pub dates: Vec<DateReport>,
    pub context: Vec<ContextReport>,
    pub timeline: Vec<EventReport>,
}

#[derive(Serialize)]
pub struct Offsets {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct EntityReport {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub description: Option<String>,
    pub mentions: Vec<Offsets>,
}

#[derive(Serialize)]
pub struct DateReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
    pub relative: bool,
}

#[derive(Serialize)]
pub struct ContextReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize)]
pub struct EventReport {
    pub date: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
}

/// Builds the report of an analysed article.
pub fn report(article: &Article, analysis: &Analysis) -> Report {
    let idx = CharIndex::new(&article.text);
    let off = |s: Span| Offsets { start: idx.char_offset(s.start), end: idx.char_offset(s.end) };
    Report {
        title: article.title.clone(),
        published: article.published.map(|d| crate::dates::DateValue::Day(d).iso()),
        place: article.place.clone(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityReport {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                description: e.description.clone(),
                mentions: e.mentions.iter().map(|&m| off(m)).collect(),
            })
            .collect(),
        dates: analysis
            .dates
            .iter()
            .map(|d| {
                let o = off(d.span);
                DateReport {
                    start: o.start,
                    end: o.end,
                    text: d.span.of(&article.text).to_string(),
                    value: d.value.iso(),
                    relative: d.relative,
                }
            })
            .collect(),
        context: analysis
            .context
            .iter()
            .map(|c| {
                let o = off(c.span);
                ContextReport { start: o.start, end: o.end, text: c.span.of(&article.text).to_string() }
            })
            .collect(),
        timeline: analysis
            .timeline
            .iter()
            .map(|e| {
                let o = off(e.sentence);
                EventReport { date: e.date.iso(), label: e.label.clone(), start: o.start, end: o.end }
            })
            .collect(),
    }
}
