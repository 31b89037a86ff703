//! Renders blocks of an article as HTML, with entity mentions as `<mark>`,
//! dates as `<time>`, and the sentences that are timeline events as
//! focusable spans.
//!
//! Matches of a search the article was opened from are marked as
//! `<mark class="search-hit">`, inside whatever else they are part of.
//!
//! All text goes through Yew's text nodes, so it is always escaped: nothing
//! an article says is ever interpreted as HTML.

use std::rc::Rc;

use lede_analysis::model::{Block, BlockKind, Style};
use lede_analysis::span::Span;
use yew::prelude::*;

use super::doc::DocRef;

/// Search matches in an article's text (sorted byte spans), compared by
/// identity so that passing them on costs nothing.
#[derive(Clone, Default)]
pub struct Hits(pub Rc<Vec<Span>>);

impl PartialEq for Hits {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || (self.0.is_empty() && other.0.is_empty())
    }
}

impl Hits {
    /// The matches that overlap `span`.
    fn within(&self, span: Span) -> &[Span] {
        let from = self.0.partition_point(|h| h.end <= span.start);
        let to = self.0.partition_point(|h| h.start < span.end);
        &self.0[from..to.max(from)]
    }
}

/// Properties of [`Prose`].
#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub doc: DocRef,
    /// Indices of the blocks to render.
    pub blocks: std::ops::Range<usize>,
    /// Search matches to mark.
    #[prop_or_default]
    pub hits: Hits,
}

/// A run of body blocks. Its props change only when a search's matches are
/// shown or cleared, so toggling highlights or collapsing sections never
/// re-renders the text.
#[function_component]
pub fn Prose(props: &ProseProps) -> Html {
    let doc = &props.doc;
    let blocks = &doc.article.blocks[props.blocks.clone()];
    let mut out: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let inner = render_block(doc, block, &props.hits);
        // The article's first paragraph is what "text on screen" means to the
        // benchmarks (Element Timing).
        let timing = (props.blocks.start == 0 && i == 0).then_some("article-text");
        if block.kind == BlockKind::ListItem {
            list.push(html! { <li>{ inner }</li> });
            continue;
        }
        if !list.is_empty() {
            out.push(html! { <ul>{ for list.drain(..) }</ul> });
        }
        out.push(match block.kind {
            BlockKind::Heading(l) if l <= 3 => html! { <h3>{ inner }</h3> },
            BlockKind::Heading(_) => html! { <h4>{ inner }</h4> },
            BlockKind::Quote => html! { <blockquote><p>{ inner }</p></blockquote> },
            BlockKind::Code => html! { <pre><code>{ inner }</code></pre> },
            _ => html! { <p elementtiming={timing}>{ inner }</p> },
        });
    }
    if !list.is_empty() {
        out.push(html! { <ul>{ for list.drain(..) }</ul> });
    }
    html! { <>{ for out }</> }
}

/// The inline content of one block.
pub fn render_block(doc: &DocRef, block: &Block, hits: &Hits) -> Html {
    let nodes: Vec<Html> = block.runs.iter().map(|run| {
        let content = match &run.literal {
            Some(lit) => html! { { lit.clone() } },
            None => html! { <>{ for sentence_pieces(doc, run.span, hits) }</> },
        };
        match &run.style {
            Style::Plain => content,
            Style::Emphasis => html! { <em>{ content }</em> },
            Style::Strong => html! { <strong>{ content }</strong> },
            Style::Code => html! { <code>{ content }</code> },
            Style::Link(url) if is_web_url(url) => {
                html! { <a href={url.clone()} rel="noopener noreferrer">{ content }</a> }
            }
            Style::Link(_) => content,
        }
    }).collect();
    html! { <>{ for nodes }</> }
}

/// Only http(s) links become links; anything else (`javascript:`, `data:`)
/// is shown as plain text.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Splits `span` at the edges of event sentences and wraps those pieces.
fn sentence_pieces(doc: &DocRef, span: Span, hits: &Hits) -> Vec<Html> {
    let sentences = &doc.analysis.sentences;
    let mut out = Vec::new();
    let mut pos = span.start;
    let first = sentences.partition_point(|s| s.end <= span.start);
    for (k, s) in sentences.iter().enumerate().skip(first) {
        if s.start >= span.end {
            break;
        }
        let Some(event) = doc.event_sentences[k] else { continue };
        let (a, b) = (s.start.max(span.start), s.end.min(span.end));
        if a > pos {
            out.extend(inline(doc, Span::new(pos, a), hits));
        }
        // Only the piece where the sentence starts carries its index.
        let index = (s.start >= span.start).then(|| k.to_string());
        let label = format!("Timeline event: {}", doc.analysis.timeline[event].date);
        out.push(html! {
            <span class="event-sentence" data-sentence={index} tabindex="-1" title={label}>
                { for inline(doc, Span::new(a, b), hits) }
            </span>
        });
        pos = b;
    }
    if pos < span.end {
        out.extend(inline(doc, Span::new(pos, span.end), hits));
    }
    out
}

/// Text of `span` with its mentions and dates marked up.
fn inline(doc: &DocRef, span: Span, hits: &Hits) -> Vec<Html> {
    let piece = |a: usize, b: usize| text_with_hits(&doc.article.text, Span::new(a, b), hits);
    let a = &doc.analysis;
    let mut out = Vec::new();
    let mut pos = span.start;
    let mut mi = a.mentions.partition_point(|m| m.span.end <= span.start);
    let mut di = a.dates.partition_point(|d| d.span.end <= span.start);
    let mut ci = a.context.partition_point(|c| c.span.end <= span.start);
    loop {
        let m = a.mentions.get(mi).filter(|m| m.span.start < span.end);
        let d = a.dates.get(di).filter(|d| d.span.start < span.end);
        let c = a.context.get(ci).filter(|c| c.span.start < span.end);
        let next = [m.map(|m| m.span.start), d.map(|d| d.span.start), c.map(|c| c.span.start)]
            .into_iter()
            .flatten()
            .min();
        let Some(start) = next else { break };
        if start < pos {
            // Overlaps what was just written: skip it.
            if m.is_some_and(|m| m.span.start == start) {
                mi += 1;
            } else if d.is_some_and(|d| d.span.start == start) {
                di += 1;
            } else {
                ci += 1;
            }
            continue;
        }
        if start > pos {
            out.push(piece(pos, start));
        }
        if let Some(m) = m.filter(|m| m.span.start == start) {
            let end = m.span.end.min(span.end);
            let e = &a.entities[m.entity];
            out.push(html! {
                <mark data-entity={e.id.clone()} data-kind={e.kind.as_str()} tabindex="0">{ piece(start, end) }</mark>
            });
            pos = end;
            mi += 1;
        } else if let Some(d) = d.filter(|d| d.span.start == start) {
            let end = d.span.end.min(span.end);
            out.push(html! {
                <time datetime={d.value.iso()} title={d.value.to_string()}>{ piece(start, end) }</time>
            });
            pos = end;
            di += 1;
        } else if let Some(c) = c.filter(|c| c.span.start == start) {
            let end = c.span.end.min(span.end);
            out.push(html! {
                <span class="vague" title="Undated: a period the text does not date">{ piece(start, end) }</span>
            });
            pos = end;
            ci += 1;
        }
    }
    if pos < span.end {
        out.push(piece(pos, span.end));
    }
    out
}

/// The text of `span`, with the search matches in it marked.
fn text_with_hits(text: &str, span: Span, hits: &Hits) -> Html {
    let within = hits.within(span);
    if within.is_empty() {
        return html! { { &text[span.start..span.end] } };
    }
    let mut out = Vec::new();
    let mut pos = span.start;
    for h in within {
        let (a, b) = (h.start.max(span.start), h.end.min(span.end));
        if a > pos {
            out.push(html! { { &text[pos..a] } });
        }
        out.push(html! { <mark class="search-hit">{ &text[a..b] }</mark> });
        pos = b;
    }
    if pos < span.end {
        out.push(html! { { &text[pos..span.end] } });
    }
    html! { <>{ for out }</> }
}
