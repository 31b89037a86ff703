//! Markdown articles with a front-matter block.
//!
//! ```text
//! ---
//! title: Storm hits the coast
//! date: 2024-09-12
//! place: Miami
//! author: A. Writer
//! source: https://example.com/story
//! ---
//! Body in Markdown, with `#`/`##` headings.
//! ```
//!
//! The body is parsed with `pulldown-cmark`. Raw HTML is kept as text: it is
//! shown exactly as written and never interpreted.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{blank, copy_into, finish_plain, ReadError};
use crate::dates::parse_date_phrase;
use crate::model::{Article, Block, BlockKind, Run, Style};
use crate::span::Span;

/// Front-matter fields Lede knows.
#[derive(Default)]
struct Front {
    title: Option<String>,
    date: Option<time::Date>,
    place: Option<String>,
    author: Option<String>,
    source: Option<String>,
}

/// Splits off a `---` front-matter block; returns it and where the body starts.
fn front_matter(text: &str) -> Result<(Front, usize), ReadError> {
    let mut front = Front::default();
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Ok((front, 0));
    }
    let mut pos = first_line_end;
    let mut line_no = 1;
    loop {
        if pos >= text.len() {
            return Err(ReadError::FrontMatter("the block opened by `---` on line 1 is never closed".into()));
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim();
        line_no += 1;
        pos = end;
        if line == "---" || line == "..." {
            break;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(ReadError::FrontMatter(format!("line {line_no} is not `key: value`")));
        };
        if key.trim().eq_ignore_ascii_case("corrections") && value.trim().is_empty() {
            // The author's corrections, TOML indented under the key: read
            // by `corrections::from_front_matter`, not here.
            while pos < text.len() {
                let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
                if !crate::corrections::is_block_line(&text[pos..end]) {
                    break;
                }
                pos = end;
                line_no += 1;
            }
            continue;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim().to_string();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => front.title = Some(value),
            "date" | "published" => {
                front.date = Some(parse_date_phrase(&value).ok_or_else(|| {
                    ReadError::FrontMatter(format!("line {line_no}: “{value}” is not a date (use YYYY-MM-DD)"))
                })?)
            }
            "place" | "dateline" => front.place = Some(value),
            "author" | "byline" => front.author = Some(value),
            "source" | "url" => front.source = Some(value),
            _ => {} // unknown keys are allowed and ignored
        }
    }
    Ok((front, pos))
}

pub(super) fn read(text: String) -> Result<Article, ReadError> {
    let (front, body_start) = front_matter(&text)?;
    let body = &text[body_start..];
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut styles: Vec<Style> = Vec::new();
    let mut quote_depth = 0usize;
    let mut in_item = 0usize;
    let mut h1: Option<(String, Span)> = None;
    let mut in_h1 = false;

    let push_run = |current: &mut Option<Block>, styles: &[Style], span: Span, literal: Option<String>| {
        let block = current.get_or_insert_with(|| Block { kind: BlockKind::Paragraph, runs: Vec::new() });
        let style = styles.last().cloned().unwrap_or(Style::Plain);
        block.runs.push(Run { span, style, literal });
    };

    for (event, range) in Parser::new(body).into_offset_iter() {
        let span = Span::new(body_start + range.start, body_start + range.end);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                if level == 1 && front.title.is_none() && h1.is_none() && blocks.is_empty() {
                    in_h1 = true;
                }
                current = Some(Block { kind: BlockKind::Heading(level), runs: Vec::new() });
            }
            Event::Start(Tag::Paragraph) => {
                if current.as_ref().is_none_or(|b| !b.runs.is_empty()) {
                    flush(&mut blocks, &mut current);
                }
                let kind = if quote_depth > 0 {
                    BlockKind::Quote
                } else if in_item > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                current = Some(Block { kind, runs: Vec::new() });
            }
            Event::Start(Tag::CodeBlock(_)) => current = Some(Block { kind: BlockKind::Code, runs: Vec::new() }),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                flush(&mut blocks, &mut current);
                in_item += 1;
                current = Some(Block { kind: BlockKind::ListItem, runs: Vec::new() });
            }
            Event::End(TagEnd::Item) => {
                in_item = in_item.saturating_sub(1);
                flush(&mut blocks, &mut current);
            }
            Event::Start(Tag::Emphasis) => styles.push(Style::Emphasis),
            Event::Start(Tag::Strong) => styles.push(Style::Strong),
            Event::Start(Tag::Link { dest_url, .. }) => styles.push(Style::Link(dest_url.to_string())),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                styles.pop();
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_h1 {
                    in_h1 = false;
                    if let Some(b) = current.take() {
                        let title: String = b.runs.iter().map(|r| r.text(&text)).collect();
                        h1 = Some((title, b.span()));
                    }
                } else {
                    flush(&mut blocks, &mut current);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) => flush(&mut blocks, &mut current),
            Event::Text(t) | Event::Code(t) => {
                let source = span.of(&text);
                let literal = (source != &*t).then(|| t.to_string());
                let mut st = styles.clone();
                if is_inline_code(&t, source) {
                    st.push(Style::Code);
                }
                push_run(&mut current, &st, span, literal);
            }
            // Raw HTML is text, shown as written.
            Event::Html(_) | Event::InlineHtml(_) => {
                push_run(&mut current, &styles, span, None);
            }
            Event::SoftBreak | Event::HardBreak => {
                push_run(&mut current, &styles, span, Some(" ".into()));
            }
            _ => {}
        }
    }
    flush(&mut blocks, &mut current);

    let (title, title_span) = match (front.title, h1) {
        (Some(t), _) => (t, None),
        (None, Some((t, s))) => (t, Some(s)),
        (None, None) => {
            return Err(ReadError::NoTitle(
                "a Markdown article needs `title:` in its front matter or a `# Heading` first".into(),
            ))
        }
    };
    if title.trim().is_empty() {
        return Err(ReadError::NoTitle("the title is empty".into()));
    }
    if blocks.iter().all(|b| b.runs.iter().all(|r| r.text(&text).trim().is_empty())) {
        return Err(ReadError::NoBody);
    }

    let mut plain = blank(&text);
    let mut ends = Vec::new();
    if let Some(s) = title_span {
        copy_into(&mut plain, &text, s);
        ends.push(s.end);
    }
    for b in &blocks {
        for r in b.runs.iter().filter(|r| r.literal.is_none() && r.style != Style::Code) {
            copy_into(&mut plain, &text, r.span);
        }
        ends.push(b.span().end);
    }
    let plain = finish_plain(plain, &text, &ends);

    Ok(Article {
        slug: String::new(),
        file: String::new(),
        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
        published: front.date,
        place: front.place,
        author: front.author,
        source: front.source,
        title_span,
        dateline: None,
        blocks,
        plain,
        text,
    })
}

/// Inline code spans arrive without their backticks: the source differs
/// from the text and starts with a backtick.
fn is_inline_code(t: &str, source: &str) -> bool {
    source.starts_with('`') && !t.starts_with('`')
}

fn flush(blocks: &mut Vec<Block>, current: &mut Option<Block>) {
    if let Some(b) = current.take() {
        if !b.runs.is_empty() {
            blocks.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{BlockKind, Style};
    use crate::read::{read_str, Format, ReadError};
    use time::macros::date;

    fn md(src: &str) -> Result<crate::model::Article, ReadError> {
        read_str("t.md", Format::Markdown, src.to_string())
    }

    #[test]
    fn front_matter_and_headings() {
        let a = md("---\ntitle: \"Storm Hits Coast\"\ndate: 2024-09-12\nplace: Miami\nauthor: A. Writer\nsource: https://example.com/x\n---\n\nThe *storm* hit **Miami** on Monday.\n\n## Damage\n\nRoofs were torn off.\n").unwrap();
        assert_eq!(a.title, "Storm Hits Coast");
        assert_eq!(a.published, Some(date!(2024 - 09 - 12)));
        assert_eq!(a.place.as_deref(), Some("Miami"));
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.blocks.len(), 3);
        assert_eq!(a.block_text(&a.blocks[0]), "The storm hit Miami on Monday.");
        assert_eq!(a.blocks[0].runs[1].style, Style::Emphasis);
        assert_eq!(a.blocks[1].kind, BlockKind::Heading(2));
        let sections = a.sections();
        assert_eq!(sections[1].slug, "damage");
        // Markup and front matter are blanked for analysis, offsets kept.
        assert_eq!(a.plain.len(), a.text.len());
        assert!(!a.plain.contains('*') && !a.plain.contains("title:"));
        let p = a.blocks[0].span();
        assert_eq!(p.of(&a.text), "The *storm* hit **Miami** on Monday.");
    }

    #[test]
    fn raw_html_is_text() {
        let a = md("# Title\n\nHello <script>alert(1)</script> world.\n\n<div onclick=x>block</div>\n").unwrap();
        assert_eq!(a.title, "Title");
        let all: String = a.blocks.iter().map(|b| a.block_text(b)).collect();
        assert!(all.contains("<script>alert(1)</script>"));
        assert!(all.contains("<div onclick=x>block</div>"));
    }

    #[test]
    fn bad_markdown_articles() {
        assert!(matches!(md("---\ntitle: x\nno colon here\n---\nBody"), Err(ReadError::FrontMatter(_))));
        assert!(matches!(md("---\ndate: someday\n---\n# T\n\nBody"), Err(ReadError::FrontMatter(_))));
        assert!(matches!(md("Just a paragraph, no title."), Err(ReadError::NoTitle(_))));
        assert!(matches!(md("# Title only\n"), Err(ReadError::NoBody)));
    }
}
