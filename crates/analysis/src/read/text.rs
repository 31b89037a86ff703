//! Plain text in the shape of wire copy.
//!
//! - The first non-blank line is the title.
//! - The first paragraph may open with a dateline that gives the place and
//!   the publication date: `Moscow, May 6, 2025 – …`, `NAIROBI, Kenya (AP) _ …`.
//! - A short line without closing punctuation is a section heading.
//! - Other lines are paragraphs: one per line, or, when the file separates
//!   paragraphs with blank lines, runs of lines joined into one.

use super::{blank, copy_into, finish_plain, ReadError};
use crate::dates::parse_date_phrase;
use crate::model::{Article, Block, BlockKind, Run};
use crate::span::Span;
use crate::text::{lines, trim};

/// The longest line that can be a title, in characters.
const MAX_TITLE: usize = 250;

pub(super) fn read(text: String) -> Result<Article, ReadError> {
    let all: Vec<Span> = lines(&text).collect();
    let Some((&title, body)) = all.split_first() else { return Err(ReadError::Empty) };
    let title_text = title.of(&text);
    if title_text.chars().count() > MAX_TITLE {
        return Err(ReadError::NoTitle(format!(
            "the first line is {} characters long, more like a paragraph than a title",
            title_text.chars().count()
        )));
    }
    if body.is_empty() {
        return Err(ReadError::NoBody);
    }
    // Blank-line mode: paragraphs separated by empty lines, wrapped inside.
    let after_title = &text[title.end..];
    let blank_separated = after_title.trim().contains("\n\n") || after_title.trim().contains("\n\r\n");
    // Each group of lines: its span and how many lines it has.
    let mut groups: Vec<(Span, usize)> = Vec::with_capacity(body.len());
    let mut prev_end = title.end;
    for &line in body {
        let gap_is_blank = text[prev_end..line.start].matches('\n').count() >= 2;
        match groups.last_mut() {
            Some((g, n)) if blank_separated && !gap_is_blank => {
                g.end = line.end;
                *n += 1;
            }
            _ => groups.push((line, 1)),
        }
        prev_end = line.end;
    }
    let blocks: Vec<Block> = groups
        .iter()
        .map(|&(span, n)| {
            let kind = if n == 1 && is_heading(span.of(&text)) { BlockKind::Heading(2) } else { BlockKind::Paragraph };
            Block { kind, runs: vec![Run::plain(span)] }
        })
        .collect();
    if blocks.iter().all(|b| b.kind != BlockKind::Paragraph) {
        return Err(ReadError::NoBody);
    }

    let copied = || std::iter::once(title).chain(blocks.iter().flat_map(|b| b.runs.iter().map(|r| r.span)));
    let in_order = copied().zip(copied().skip(1)).all(|(a, b)| a.end <= b.start);
    let plain = if in_order {
        // The same as blanking the text and copying the spans back (line
        // breaks all become spaces below): start from the text and blank
        // what lies between the spans.
        let mut plain = text.as_bytes().to_vec();
        let mut pos = 0;
        for span in copied() {
            plain[pos..span.start].fill(b' ');
            pos = span.end;
        }
        plain[pos..].fill(b' ');
        plain
    } else {
        let mut plain = blank(&text);
        copied().for_each(|span| copy_into(&mut plain, &text, span));
        plain
    };
    let mut ends = vec![title.end];
    ends.extend(blocks.iter().map(|b| b.span().end));
    // Keep inner line breaks of a joined paragraph as spaces, and one break per block end.
    let plain = finish_plain(plain, &text, &ends);

    let first_para = blocks.iter().find(|b| b.kind == BlockKind::Paragraph).map(|b| b.span());
    let (dateline, place, published) = match first_para {
        Some(p) => dateline(&text, p),
        None => (None, None, None),
    };
    Ok(Article {
        slug: String::new(),
        file: String::new(),
        title: collapse_spaces(title_text),
        published,
        place,
        author: None,
        source: None,
        title_span: Some(title),
        dateline,
        blocks,
        plain,
        text,
    })
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A section heading: short, starts with a capital or digit, and does not
/// end like a sentence (a short question such as “What’s Next?” is allowed).
pub(crate) fn is_heading(line: &str) -> bool {
    // The cheap tests first; a character takes at most four bytes, so a
    // long line needs no counting.
    let first_ok = line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last = line.chars().next_back().unwrap_or('.');
    let closing = matches!(last, '.' | ',' | ';' | ':' | '"' | '”' | '’' | '\'' | ')' | '…');
    if !first_ok || closing || line.len() > 4 * 80 {
        return false;
    }
    let words = line.split_whitespace().count();
    let chars = line.chars().count();
    let question = matches!(last, '?' | '!');
    chars <= 80 && words <= 10 && (!question || words <= 6)
}

/// Dash-like separators that close a dateline.
const SEPARATORS: &[&str] = &[" – ", " — ", " -- ", " - ", " _ ", " —", "— ", "–", "—"];

/// Finds a dateline at the start of the first paragraph.
fn dateline(text: &str, para: Span) -> (Option<Span>, Option<String>, Option<time::Date>) {
    let p = para.of(text);
    let head_len = p.char_indices().nth(120).map_or(p.len(), |(i, _)| i);
    let head = &p[..head_len];
    let Some((cut, sep)) = SEPARATORS.iter().filter_map(|s| head.find(s).map(|i| (i, *s))).min_by_key(|(i, _)| *i)
    else {
        return (None, None, None);
    };
    let prefix = &p[..cut];
    // A dateline is a place, maybe a date and an agency: no sentence in it.
    let sentence_inside = prefix.match_indices(". ").any(|(i, _)| prefix[i + 2..].starts_with(char::is_uppercase));
    if prefix.is_empty() || sentence_inside || prefix.split_whitespace().count() > 12 {
        return (None, None, None);
    }
    let place_raw = prefix.split([',', '(']).next().unwrap_or("").trim();
    let place = (!place_raw.is_empty()
        && place_raw.chars().next().is_some_and(char::is_uppercase)
        && place_raw.split_whitespace().count() <= 4)
        .then(|| title_case_if_shouting(place_raw));
    // The date: the longest tail of the comma-separated parts that parses.
    let parts: Vec<&str> = prefix.split(',').collect();
    let mut published = None;
    for i in 1..parts.len() {
        let candidate = parts[i..].join(",");
        let candidate = candidate.split('(').next().unwrap_or("").trim();
        if let Some(d) = parse_date_phrase(candidate) {
            published = Some(d);
            break;
        }
    }
    // Without a date, only a shouted place or a named agency makes a dateline.
    let agency = prefix.contains('(') && prefix.trim_end().ends_with(')');
    let shouting = !place_raw.chars().any(char::is_lowercase);
    if published.is_none() && !(agency || shouting) || place.is_none() && published.is_none() {
        return (None, None, None);
    }
    let end = para.start + cut + sep.trim_end().len();
    let span = trim(text, Span::new(para.start, end));
    (span, place, published)
}

/// `NAIROBI` → `Nairobi`; names already in mixed case are kept.
fn title_case_if_shouting(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    crate::text::title_case(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read_str, Format};
    use time::macros::date;

    const SEED: &str = include_str!("../../../../articles/russia-offers-to-mediate-kashmir.txt");

    #[test]
    fn reads_the_seed() {
        let a = read_str("seed.txt", Format::Text, SEED.to_string()).unwrap();
        assert_eq!(a.title, "Russia Offers to Mediate India-Pakistan Tensions Over Kashmir");
        assert_eq!(a.published, Some(date!(2025 - 05 - 06)));
        assert_eq!(a.place.as_deref(), Some("Moscow"));
        assert_eq!(a.dateline.unwrap().of(&a.text), "Moscow, May 6, 2025 –");
        let headings: Vec<String> = a
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map(|b| a.block_text(b))
            .collect();
        assert_eq!(
            headings,
            [
                "Russia’s Offer for Political Settlement",
                "India-Pakistan Standoff & Global Concerns",
                "Russia’s Strategic Interests",
                "What’s Next?"
            ]
        );
        let sections = a.sections();
        assert_eq!(sections.len(), 5);
        assert_eq!(sections[0].slug, "lead");
        assert_eq!(sections[1].slug, "russias-offer-for-political-settlement");
        assert_eq!(sections[4].slug, "whats-next");
        assert_eq!(a.plain.len(), a.text.len());
        assert!(a.reading_minutes() >= 1);
    }

    #[test]
    fn blank_line_paragraphs_join_wrapped_lines() {
        let src = "Storm Hits Coast\n\nMIAMI (AP) _ A storm hit the coast\non Monday, officials said.\n\nMore rain is due.\n";
        let a = read_str("s.txt", Format::Text, src.to_string()).unwrap();
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.block_text(&a.blocks[0]), "MIAMI (AP) _ A storm hit the coast\non Monday, officials said.");
        assert_eq!(a.place.as_deref(), Some("Miami"));
        assert_eq!(a.published, None);
        // The wrapped line break is a space for analysis; the block end is a break.
        let p = a.blocks[0].span();
        assert!(!p.of(&a.plain).contains('\n'));
        assert_eq!(&a.plain[p.end..p.end + 1], "\n");
    }

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        assert!(is_heading("Russia’s Strategic Interests"));
        assert!(is_heading("What’s Next?"));
        assert!(!is_heading("He said it was over."));
        assert!(!is_heading("why lowercase starts are not headings"));
        assert!(!is_heading("Is this a very long question that goes on and on?"));
    }

    #[test]
    fn datelines_in_several_shapes() {
        for (src, place, date) in [
            ("T\nLONDON, Jan. 5, 2020 — Text.", Some("London"), Some(date!(2020 - 01 - 05))),
            ("T\nNAIROBI, Kenya (AP) _ Text.", Some("Nairobi"), None),
            ("T\nWashington, 6 May 2025 - Text.", Some("Washington"), Some(date!(2025 - 05 - 06))),
            ("T\nThe minister – who spoke – said. More.", None, None),
            ("T\nFRESNO, CA—A man was held. More.", Some("Fresno"), None),
            ("T\nThe minister—who spoke—said so. More.", None, None),
        ] {
            let a = read_str("d.txt", Format::Text, src.to_string()).unwrap();
            assert_eq!(a.place.as_deref(), place, "{src}");
            assert_eq!(a.published, date, "{src}");
        }
    }
}
