//! Search across articles: words and entities, as the reader types.
//!
//! A query is matched case-insensitively at the start of a word, so "lav"
//! already finds "Lavrov"; runs of white space in the text match one space
//! in the query, and straight and curly apostrophes match each other.
//! Entities are matched on their name and on every form the text uses for
//! them, and the same entity (same id) in several articles is one result
//! that lists them all: the cross-links ("Sergei Lavrov: 2 articles").
//!
//! No browser dependency: the viewer and the tests use the same code.

use std::collections::BTreeMap;

use crate::analysis::Analysis;
use crate::entities::EntityKind;
use crate::model::Article;
use crate::span::Span;

/// The shortest query that is searched, in characters.
pub const MIN_QUERY: usize = 2;
/// Snippets shown per article.
const SNIPPETS: usize = 3;
/// Characters of context on each side of a hit in a snippet.
const CONTEXT: usize = 60;

/// A query, normalised: trimmed, inner white space collapsed, lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query(Vec<char>);

impl Query {
    /// `None` when the query is too short to search.
    pub fn new(q: &str) -> Option<Query> {
        let mut out = Vec::new();
        for word in q.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(fold));
        }
        (out.len() >= MIN_QUERY).then_some(Query(out))
    }

    /// Every match in `text`, in order, as byte spans (never overlapping).
    pub fn find_in(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut skip_until = 0;
        for (i, c) in text.char_indices() {
            let at_word_start = !prev.is_some_and(|p| p.is_alphanumeric()) && !c.is_whitespace();
            prev = Some(c);
            if i < skip_until || !at_word_start {
                continue;
            }
            if let Some(end) = self.match_at(text, i) {
                out.push(Span::new(i, end));
                skip_until = end;
            }
        }
        out
    }

    /// The query's words: its runs of letters and digits, folded, in order.
    /// Every match of the query in a text covers a word of the text equal to
    /// each of them, but for the last, which may begin a longer word (the
    /// search index relies on this). A query of punctuation alone has none.
    pub fn words(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut in_word = false;
        for &c in &self.0 {
            if c.is_alphanumeric() {
                if !in_word {
                    out.push(String::new());
                }
                out.last_mut().expect("a word was pushed").push(c);
                in_word = true;
            } else {
                in_word = false;
            }
        }
        out
    }

    /// Whether `text` has a match.
    pub fn is_in(&self, text: &str) -> bool {
        !self.find_in(text).is_empty()
    }

    /// The end of a match starting at byte `at`, if there is one.
    fn match_at(&self, text: &str, at: usize) -> Option<usize> {
        let mut chars = text[at..].char_indices().peekable();
        for &q in &self.0 {
            let (_, c) = chars.next()?;
            if q == ' ' {
                if !c.is_whitespace() {
                    return None;
                }
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
            } else if fold(c) != q {
                return None;
            }
        }
        Some(chars.next().map_or(text.len(), |(j, _)| at + j))
    }
}

/// Case and apostrophe folding for matching.
pub fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// An article to search, with its analysis.
pub struct Searchable<'a> {
    pub article: &'a Article,
    pub analysis: &'a Analysis,
}

/// An entity that matched, in every article that mentions it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityHit {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub description: Option<String>,
    /// The articles that mention it: slug, title, number of mentions.
    pub articles: Vec<(String, String, usize)>,
}

/// A piece of an article's text around its matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown, with "…" where it was cut.
    pub text: String,
    /// The matches, as byte spans into `text`.
    pub hits: Vec<Span>,
}

/// An article whose text matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleHit {
    pub slug: String,
    pub title: String,
    /// Number of matches in the whole article.
    pub count: usize,
    pub snippets: Vec<Snippet>,
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub entities: Vec<EntityHit>,
    pub articles: Vec<ArticleHit>,
}

impl Results {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.articles.is_empty()
    }
}

/// Searches every article for `query`: entities first (most articles, then
/// most mentions), then articles by number of matches.
pub fn search(docs: &[Searchable], query: &Query) -> Results {
    let mut entities: BTreeMap<&str, EntityHit> = BTreeMap::new();
    for d in docs {
        let text = &d.article.plain;
        for e in &d.analysis.entities {
            let matches = query.is_in(&e.name) || e.mentions.iter().any(|m| query.is_in(&text[m.start..m.end]));
            if !matches {
                continue;
            }
            let hit = entities.entry(&e.id).or_insert_with(|| EntityHit {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                description: None,
                articles: Vec::new(),
            });
            if hit.description.is_none() {
                hit.description = e.description.clone();
            }
            hit.articles.push((d.article.slug.clone(), d.article.title.clone(), e.mentions.len()));
        }
    }
    let mut entities: Vec<EntityHit> = entities.into_values().collect();
    let total = |h: &EntityHit| h.articles.iter().map(|a| a.2).sum::<usize>();
    entities.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(total(b).cmp(&total(a))).then(a.name.cmp(&b.name)));

    let mut articles: Vec<ArticleHit> = docs
        .iter()
        .filter_map(|d| {
            let hits = matches_in(d.article, query);
            (!hits.is_empty()).then(|| ArticleHit {
                slug: d.article.slug.clone(),
                title: d.article.title.clone(),
                count: hits.len(),
                snippets: snippets(&d.article.plain, &hits),
            })
        })
        .collect();
    articles.sort_by(|a, b| b.count.cmp(&a.count).then(a.title.cmp(&b.title)));
    Results { entities, articles }
}

/// Every match in an article's readable text (its blocks, not the markup
/// or front matter), as byte spans into its text.
pub fn matches_in(article: &Article, query: &Query) -> Vec<Span> {
    let mut out = Vec::new();
    for block in &article.blocks {
        let span = block.span();
        out.extend(query.find_in(&article.plain[span.start..span.end]).into_iter().map(|s| Span::new(s.start + span.start, s.end + span.start)));
    }
    out
}

/// Up to [`SNIPPETS`] pieces of an article's `plain` text around the first
/// matches, each within one line and cut at word boundaries. `hits` are
/// byte spans into `text`, in order, as [`Query::find_in`] gives them.
pub fn snippets(text: &str, hits: &[Span]) -> Vec<Snippet> {
    let mut out: Vec<Snippet> = Vec::new();
    let mut covered_to = 0;
    for h in hits {
        if out.len() == SNIPPETS {
            break;
        }
        if h.start < covered_to {
            continue;
        }
        let line_start = text[..h.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[h.end..].find('\n').map_or(text.len(), |i| h.end + i);
        let mut start = floor_char(text, h.start.saturating_sub(CONTEXT).max(line_start));
        if start > line_start {
            // Begin at a word.
            start = text[start..h.start].find(' ').map_or(start, |i| start + i + 1);
        }
        let mut end = ceil_char(text, (h.end + CONTEXT).min(line_end));
        if end < line_end {
            end = text[h.end..end].rfind(' ').map_or(end, |i| h.end + i);
        }
        let lead = if start > line_start { "…" } else { "" };
        let tail = if end < line_end { "…" } else { "" };
        let local: Vec<Span> = hits
            .iter()
            .filter(|o| o.start >= start && o.end <= end)
            .map(|o| Span::new(o.start - start, o.end - start))
            .collect();
        let (body, body_hits) = compact(&text[start..end], &local);
        let hits = body_hits.into_iter().map(|h| Span::new(h.start + lead.len(), h.end + lead.len())).collect();
        out.push(Snippet { text: format!("{lead}{body}{tail}"), hits });
        covered_to = end;
    }
    out
}

/// Collapses runs of white space (markup blanked in `plain` leaves some) to
/// one space and trims the ends, moving `hits` along.
fn compact(piece: &str, hits: &[Span]) -> (String, Vec<Span>) {
    let mut out = String::with_capacity(piece.len());
    let mut map = vec![0; piece.len() + 1];
    let mut last_space = true;
    for (i, c) in piece.char_indices() {
        map[i] = out.len();
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    map[piece.len()] = out.len();
    let hits = hits.iter().map(|h| Span::new(map[h.start], map[h.end])).collect();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    (out, hits)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::read::read;

    fn q(s: &str) -> Query {
        Query::new(s).unwrap()
    }

    #[test]
    fn queries_match_at_word_starts_ignoring_case_space_and_apostrophes() {
        let text = "Sergei Lavrov met  the press; Russia’s offer. Slavrov no.";
        let hits = q("lav").find_in(text);
        assert_eq!(hits.len(), 1, "only at the start of a word");
        assert_eq!(&text[hits[0].start..hits[0].end], "Lav");
        let hits = q("met the").find_in(text);
        assert_eq!(&text[hits[0].start..hits[0].end], "met  the");
        assert_eq!(q("russia's").find_in(text).len(), 1);
        assert!(Query::new(" a ").is_none(), "one letter is too short");
        assert!(q("ÉTÉ").is_in("un été chaud"));
    }

    #[test]
    fn entities_link_across_articles_and_snippets_mark_the_matches() {
        let a = read("a.txt", b"Talks Resume\nMOSCOW (AP) _ Russian Foreign Minister Sergei Lavrov spoke on Sunday.\nLavrov said talks would go on.").unwrap();
        let b = read("b.txt", b"A Second Story\nLONDON (AP) _ Sergei Lavrov was not invited, officials said on Monday.").unwrap();
        let (aa, ab) = (analyze(&a), analyze(&b));
        let docs = [Searchable { article: &a, analysis: &aa }, Searchable { article: &b, analysis: &ab }];
        let r = search(&docs, &q("lavrov"));
        let lavrov = r.entities.iter().find(|e| e.name == "Sergei Lavrov").expect("the entity");
        assert_eq!(lavrov.articles.len(), 2, "{lavrov:?}");
        assert_eq!(lavrov.articles[0].2, 2, "two mentions in the first article");
        assert_eq!(lavrov.description.as_deref(), Some("Russian Foreign Minister"));
        assert_eq!(r.articles[0].slug, "a", "most matches first");
        assert_eq!(r.articles[0].count, 2);
        for s in r.articles.iter().flat_map(|a| &a.snippets) {
            for h in &s.hits {
                assert_eq!(s.text[h.start..h.end].to_lowercase(), "lavrov", "{s:?}");
            }
        }
        assert!(search(&docs, &q("nowhere to be found")).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_query_give_in_bounds_matches_and_snippets(text in "\\PC{0,300}", q in "\\PC{0,12}") {
            if let Some(query) = Query::new(&q) {
                let hits = query.find_in(&text);
                let mut end = 0;
                for h in &hits {
                    proptest::prop_assert!(h.start >= end && h.start < h.end && h.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
                    end = h.end;
                }
                for s in snippets(&text, &hits) {
                    for h in &s.hits {
                        proptest::prop_assert!(h.end <= s.text.len() && s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
                    }
                }
            }
        }
    }

    #[test]
    fn snippets_are_cut_at_words_with_ellipses() {
        let text = format!("{} needle {}", "word ".repeat(40), "more ".repeat(40));
        let hits = q("needle").find_in(&text);
        let s = &snippets(&text, &hits)[0];
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{s:?}");
        assert_eq!(&s.text[s.hits[0].start..s.hits[0].end], "needle");
        assert!(s.text.len() < 2 * CONTEXT + 20);
    }
}
