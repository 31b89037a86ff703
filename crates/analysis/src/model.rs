//! The article model: what a reader module produces and every other part reads.
//!
//! An [`Article`] keeps the file's text exactly as read, plus a same-length
//! copy ([`Article::plain`]) in which markup (Markdown syntax, front matter)
//! is blanked out with spaces and every block ends in a line break. Analysis
//! runs on `plain`, so each offset it finds is also an offset into `text`.

use serde::Serialize;
use time::Date;

use crate::span::Span;

/// One article, read from a file of `articles/` or opened by a reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// URL-safe identifier, derived from the file name.
    pub slug: String,
    /// The file name it was read from (no directory).
    pub file: String,
    pub title: String,
    /// Publication date, from the dateline or front matter.
    pub published: Option<Date>,
    /// Place of the dateline or front matter.
    pub place: Option<String>,
    pub author: Option<String>,
    /// Where the article was first published (front matter `source`).
    pub source: Option<String>,
    /// The whole file text, exactly as read (after UTF-8 decoding and BOM removal).
    pub text: String,
    /// `text` with markup blanked (same byte length); analysis input.
    pub plain: String,
    /// Where the title stands in `text`, when it is part of the body.
    pub title_span: Option<Span>,
    /// The dateline prefix of the first paragraph (`Moscow, May 6, 2025 –`).
    pub dateline: Option<Span>,
    /// The body, in reading order (the title is not a block).
    pub blocks: Vec<Block>,
}

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum BlockKind {
    /// A heading; level 2 starts a section, 3 and deeper are sub-headings.
    Heading(u8),
    Paragraph,
    Quote,
    ListItem,
    Code,
}

/// A block of the body: a heading or a paragraph, made of runs of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub runs: Vec<Run>,
}

impl Block {
    /// The span from the first run's start to the last run's end.
    pub fn span(&self) -> Span {
        match (self.runs.first(), self.runs.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
}

/// Inline styling of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Emphasis,
    Strong,
    Code,
    /// A link; the target is only ever used as an `href` when it is http(s).
    Link(String),
}

/// A stretch of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Where the run stands in the article's text.
    pub span: Span,
    pub style: Style,
    /// Text to show instead of `text[span]`, when the source spells it
    /// differently (a Markdown escape or character reference). Such a run is
    /// never analysed.
    pub literal: Option<String>,
}

impl Run {
    pub fn plain(span: Span) -> Self {
        Run { span, style: Style::Plain, literal: None }
    }

    /// The text a reader sees for this run.
    pub fn text<'a>(&'a self, article_text: &'a str) -> &'a str {
        self.literal.as_deref().unwrap_or_else(|| self.span.of(article_text))
    }
}

/// A section: the blocks under one level-2 heading (or the lead, before any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Unique within the article; the lead is `"lead"`.
    pub slug: String,
    /// Index of the heading block, `None` for the lead.
    pub heading: Option<usize>,
    /// The heading's text, as shown.
    pub title: String,
    /// Indices of the blocks under the heading (not including it).
    pub blocks: std::ops::Range<usize>,
}

impl Article {
    /// Splits the body into sections at its top-level headings.
    pub fn sections(&self) -> Vec<Section> {
        let top = self
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading(l) => Some(l),
                _ => None,
            })
            .min();
        let mut out: Vec<Section> = Vec::new();
        // The slugs taken so far: an article has a few dozen sections at
        // most, so a list does (and keeps a hash set's code out of the
        // reader's bundle, which calls this).
        let mut used = vec!["lead".to_string()];
        let mut start = 0;
        let mut current: Option<(usize, String, String)> = None;
        let close = |out: &mut Vec<Section>, cur: Option<(usize, String, String)>, end: usize, start: usize| {
            match cur {
                Some((h, slug, title)) => out.push(Section { slug, heading: Some(h), title, blocks: h + 1..end }),
                None if end > start => {
                    out.push(Section { slug: "lead".into(), heading: None, title: String::new(), blocks: start..end })
                }
                None => {}
            }
        };
        for (i, b) in self.blocks.iter().enumerate() {
            if let BlockKind::Heading(l) = b.kind {
                if Some(l) == top {
                    close(&mut out, current.take(), i, start);
                    let title = self.block_text(b);
                    let mut slug = slugify(&title);
                    if slug.is_empty() {
                        slug = "section".into();
                    }
                    let base = slug.clone();
                    let mut n = 2;
                    while used.contains(&slug) {
                        slug = format!("{base}-{n}");
                        n += 1;
                    }
                    used.push(slug.clone());
                    current = Some((i, slug, title));
                    start = i + 1;
                }
            }
        }
        close(&mut out, current, self.blocks.len(), start);
        out
    }

    /// The text a reader sees for a block.
    pub fn block_text(&self, block: &Block) -> String {
        block.runs.iter().map(|r| r.text(&self.text)).collect::<Vec<_>>().join("")
    }

    /// Words in the body, for the reading time.
    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(|b| b.runs.iter())
            .map(|r| r.text(&self.text).split_whitespace().count())
            .sum()
    }

    /// Minutes to read at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }
}

/// Lower-case ASCII slug: letters and digits kept, runs of anything else
/// become one `-`. Apostrophes vanish ("Russia’s" → "russias").
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Folds the common Latin accented letters to ASCII for slugs.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Russia’s Offer for Political Settlement"), "russias-offer-for-political-settlement");
        assert_eq!(slugify("India-Pakistan Standoff & Global Concerns"), "india-pakistan-standoff-global-concerns");
        assert_eq!(slugify("What’s Next?"), "whats-next");
        assert_eq!(slugify("Café Zürich"), "cafe-zurich");
        assert_eq!(slugify("¿?"), "");
    }
}
