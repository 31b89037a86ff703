//! One call from an article to everything Lede shows about it.
//!
//! [`analyze`] runs the sentence splitter, the date finder, the entity
//! finder and the timeline builder in order. The viewer and the `analyze`
//! command both call it, so what the command prints is what the page shows.

use crate::dates::{find_dates_in, ContextMention, DateMention};
use crate::entities::{find_entities_in, Entity, Input};
use crate::model::{Article, BlockKind};
use crate::span::Span;
use crate::timeline::{build_timeline, Event};

/// One mention of an entity, for rendering in text order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
}

/// What Lede finds in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    pub sentences: Vec<Span>,
    /// Sorted by mention count (most mentioned first), then name.
    pub entities: Vec<Entity>,
    /// Every entity mention, sorted and non-overlapping.
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateMention>,
    pub context: Vec<ContextMention>,
    pub timeline: Vec<Event>,
}

/// Analyses an article.
pub fn analyze(article: &Article) -> Analysis {
    let text = article.plain.as_str();
    // One tokenisation, shared by the date and entity finders.
    let (sentences, toks) = crate::text::sentences_and_tokens(text);
    let found = find_dates_in(text, &toks, &sentences, article.published);
    let mut headlines: Vec<Span> = article.title_span.into_iter().collect();
    headlines.extend(article.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Heading(_))).map(|b| b.span()));
    headlines.sort();
    let exclude: Vec<Span> = found.dates.iter().map(|d| d.span).chain(found.context.iter().map(|c| c.span)).collect();
    let mut entities = find_entities_in(
        &Input { text, sentences: &sentences, headlines: &headlines, dateline: article.dateline, exclude: &exclude },
        &toks,
    );
    entities.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name)));
    // Every mention in text order, listed while the timeline is built.
    let every_mention = || {
        let mut mentions: Vec<Mention> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&span| Mention { span, entity: i }))
            .collect();
        // Mentions never overlap: their spans differ, so an unstable sort is stable.
        mentions.sort_unstable_by_key(|m| m.span);
        mentions
    };
    let (mentions, timeline) = crate::par::join(every_mention, || {
        build_timeline(text, &sentences, &found.dates, &entities, article.dateline, &headlines)
    });
    Analysis { sentences, entities, mentions, dates: found.dates, context: found.context, timeline }
}
