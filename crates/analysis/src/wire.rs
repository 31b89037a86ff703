//! An analysed article in a compact, serialisable form: numbers for spans,
//! codes for kinds and styles, ISO strings for dates.
//!
//! It carries each article from the site's build (which reads and analyses
//! it with the same code) into its page, so the page never has to read or
//! analyse it, and carries a reader's own article from the analysis worker
//! back to the page.

use serde::{Deserialize, Serialize};
use crate::analysis::{Analysis, Mention};
use crate::dates::{ContextMention, DateMention, DateValue};
use crate::entities::{Entity, EntityKind};
use crate::model::{Article, Block, BlockKind, Run, Style};
use crate::span::Span;
use crate::timeline::Event;

type S = (u32, u32);

fn s(sp: Span) -> S {
    (sp.start as u32, sp.end as u32)
}

fn sp((a, b): S) -> Span {
    Span::new(a as usize, b as usize)
}

/// A run: span, style (0 plain, 1 emphasis, 2 strong, 3 code, 4 link), the
/// link's target, the literal text.
type WireRun = (S, u8, Option<String>, Option<String>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WireArticle {
    slug: String,
    file: String,
    title: String,
    published: Option<String>,
    place: Option<String>,
    author: Option<String>,
    source: Option<String>,
    text: String,
    /// Absent when the same as `text` (plain text without markup).
    plain: Option<String>,
    title_span: Option<S>,
    dateline: Option<S>,
    /// Kind (1–6 a heading of that level, 10 paragraph, 11 quote, 12 list
    /// item, 13 code) and runs.
    blocks: Vec<(u8, Vec<WireRun>)>,
}

/// An entity: id, name, kind, description, mentions.
type WireEntity = (String, String, EntityKind, Option<String>, Vec<S>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WireAnalysis {
    sentences: Vec<S>,
    entities: Vec<WireEntity>,
    /// span, entity index.
    mentions: Vec<(u32, u32, u32)>,
    /// span, value (ISO form), relative, anchored event.
    dates: Vec<(S, String, bool, Option<S>)>,
    context: Vec<S>,
    /// date (ISO form), label, sentence, date mention.
    timeline: Vec<(String, String, S, S)>,
}

/// An article with its analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireDoc {
    article: WireArticle,
    analysis: WireAnalysis,
}

impl WireDoc {
    /// An article with its analysis in wire form (to serialise inside a
    /// larger document, such as a page's data).
    pub fn new(article: &Article, analysis: &Analysis) -> WireDoc {
        WireDoc { article: article_to_wire(article), analysis: analysis_to_wire(analysis) }
    }

    /// The article and its analysis again, checked.
    pub fn unpack(self) -> Result<(Article, Analysis), String> {
        Ok((article_from_wire(self.article)?, analysis_from_wire(self.analysis)?))
    }

    /// The article's slug, without unpacking it.
    pub fn slug(&self) -> &str {
        &self.article.slug
    }
}

/// Serialises an article with its analysis as JSON.
pub fn to_json(article: &Article, analysis: &Analysis) -> String {
    serde_json::to_string(&WireDoc::new(article, analysis)).unwrap_or_default()
}

/// Reads what [`to_json`] wrote.
pub fn from_json(json: &str) -> Result<(Article, Analysis), String> {
    let doc: WireDoc = serde_json::from_str(json).map_err(|e| e.to_string())?;
    doc.unpack()
}

fn article_to_wire(a: &Article) -> WireArticle {
    let kind = |k: BlockKind| match k {
        BlockKind::Heading(l) => l.min(6),
        BlockKind::Paragraph => 10,
        BlockKind::Quote => 11,
        BlockKind::ListItem => 12,
        BlockKind::Code => 13,
    };
    let run = |r: &Run| {
        let (style, link) = match &r.style {
            Style::Plain => (0, None),
            Style::Emphasis => (1, None),
            Style::Strong => (2, None),
            Style::Code => (3, None),
            Style::Link(url) => (4, Some(url.clone())),
        };
        (s(r.span), style, link, r.literal.clone())
    };
    WireArticle {
        slug: a.slug.clone(),
        file: a.file.clone(),
        title: a.title.clone(),
        published: a.published.map(|d| DateValue::Day(d).iso()),
        place: a.place.clone(),
        author: a.author.clone(),
        source: a.source.clone(),
        text: a.text.clone(),
        plain: (a.plain != a.text).then(|| a.plain.clone()),
        title_span: a.title_span.map(s),
        dateline: a.dateline.map(s),
        blocks: a.blocks.iter().map(|b| (kind(b.kind), b.runs.iter().map(run).collect())).collect(),
    }
}

fn article_from_wire(w: WireArticle) -> Result<Article, String> {
    let kind = |k: u8| match k {
        1..=6 => Ok(BlockKind::Heading(k)),
        10 => Ok(BlockKind::Paragraph),
        11 => Ok(BlockKind::Quote),
        12 => Ok(BlockKind::ListItem),
        13 => Ok(BlockKind::Code),
        _ => Err(format!("unknown block kind {k}")),
    };
    let run = |(span, style, link, literal): WireRun| {
        let style = match (style, link) {
            (0, _) => Style::Plain,
            (1, _) => Style::Emphasis,
            (2, _) => Style::Strong,
            (3, _) => Style::Code,
            (4, Some(url)) => Style::Link(url),
            (n, _) => return Err(format!("unknown run style {n}")),
        };
        Ok(Run { span: sp(span), style, literal })
    };
    let published = match w.published {
        Some(iso) => match DateValue::from_iso(&iso) {
            Some(DateValue::Day(d)) => Some(d),
            _ => return Err(format!("not a publication date: {iso}")),
        },
        None => None,
    };
    let blocks = w
        .blocks
        .into_iter()
        .map(|(k, runs)| Ok(Block { kind: kind(k)?, runs: runs.into_iter().map(run).collect::<Result<_, String>>()? }))
        .collect::<Result<_, String>>()?;
    let plain = w.plain.unwrap_or_else(|| w.text.clone());
    let article = Article {
        slug: w.slug,
        file: w.file,
        title: w.title,
        published,
        place: w.place,
        author: w.author,
        source: w.source,
        text: w.text,
        plain,
        title_span: w.title_span.map(sp),
        dateline: w.dateline.map(sp),
        blocks,
    };
    check(&article)?;
    Ok(article)
}

/// Every span of the article lies on character boundaries of its text.
fn check(a: &Article) -> Result<(), String> {
    let ok = |x: Span| x.start <= x.end && a.text.is_char_boundary(x.start) && a.text.is_char_boundary(x.end);
    let spans = a.blocks.iter().flat_map(|b| b.runs.iter().map(|r| r.span)).chain(a.title_span).chain(a.dateline);
    match spans.into_iter().find(|x| !ok(*x)) {
        Some(x) => Err(format!("a span ({}..{}) is outside the text", x.start, x.end)),
        None if a.plain.len() != a.text.len() => Err("the plain text does not match the text".into()),
        None => Ok(()),
    }
}

fn analysis_to_wire(a: &Analysis) -> WireAnalysis {
    WireAnalysis {
        sentences: a.sentences.iter().copied().map(s).collect(),
        entities: a
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.name.clone(), e.kind, e.description.clone(), e.mentions.iter().copied().map(s).collect()))
            .collect(),
        mentions: a.mentions.iter().map(|m| (m.span.start as u32, m.span.end as u32, m.entity as u32)).collect(),
        dates: a.dates.iter().map(|d| (s(d.span), d.value.iso(), d.relative, d.event.map(s))).collect(),
        context: a.context.iter().map(|c| s(c.span)).collect(),
        timeline: a.timeline.iter().map(|e| (e.date.iso(), e.label.clone(), s(e.sentence), s(e.mention))).collect(),
    }
}

fn analysis_from_wire(w: WireAnalysis) -> Result<Analysis, String> {
    let value = |iso: &str| DateValue::from_iso(iso).ok_or_else(|| format!("not a date value: {iso}"));
    let entities: Vec<Entity> = w
        .entities
        .into_iter()
        .map(|(id, name, kind, description, mentions)| Entity { id, name, kind, description, mentions: mentions.into_iter().map(sp).collect() })
        .collect();
    let mentions = w
        .mentions
        .into_iter()
        .map(|(a, b, e)| match (e as usize) < entities.len() {
            true => Ok(Mention { span: sp((a, b)), entity: e as usize }),
            false => Err(format!("a mention of entity {e}, of {}", entities.len())),
        })
        .collect::<Result<_, String>>()?;
    Ok(Analysis {
        sentences: w.sentences.into_iter().map(sp).collect(),
        entities,
        mentions,
        dates: w
            .dates
            .into_iter()
            .map(|(span, v, relative, event)| Ok(DateMention { span: sp(span), value: value(&v)?, relative, event: event.map(sp) }))
            .collect::<Result<_, String>>()?,
        context: w.context.into_iter().map(|c| ContextMention { span: sp(c) }).collect(),
        timeline: w
            .timeline
            .into_iter()
            .map(|(d, label, sentence, mention)| Ok(Event { date: value(&d)?, label, sentence: sp(sentence), mention: sp(mention) }))
            .collect::<Result<_, String>>()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::read::read;

    #[test]
    fn markdown_styles_links_and_dates_round_trip() {
        let src = "---\ntitle: T\ndate: 2024-03-08\n---\n\n## Head\n\nA *b* **c** `d` [e](https://x.org) &amp; in the 1990s, May 2024, 2023.\n\n> q\n\n- item\n";
        let a = read("t.md", src.as_bytes()).unwrap();
        let analysis = analyze(&a);
        assert_eq!(from_json(&to_json(&a, &analysis)).unwrap(), (a, analysis));
    }

    #[test]
    fn broken_data_is_an_error_not_a_panic() {
        let a = read("t.txt", "Title\nMOSCOW (AP) _ Foreign Minister Sergei Lavrov spoke é.".as_bytes()).unwrap();
        let json = to_json(&a, &analyze(&a));
        assert!(from_json(&json[..json.len() / 2]).is_err());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["article"]["blocks"][0][1][0][0][1] = serde_json::json!(99_999);
        assert!(from_json(&v.to_string()).unwrap_err().contains("outside the text"));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["analysis"]["mentions"][0][2] = serde_json::json!(99_999);
        assert!(from_json(&v.to_string()).is_err(), "a mention of no entity");
    }
}
