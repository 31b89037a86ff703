//! The articles a page carries, and the library's cards.
//!
//! The viewer's bundle holds no article: it is the same, byte for byte,
//! whatever the library holds. The site's build writes what each page shows
//! into the page itself, as JSON in `<script type="application/json"
//! id="lede-data">` ([`PageData`]): an article page carries its article,
//! analysed, and how many of the library's articles name each of its
//! names; a library page carries its cards; the single-file edition carries
//! every article. The viewer reads it once at start ([`set_page`]), before
//! it hydrates the server-rendered view, and the build sets it the same way
//! before it renders the page, so both render from the same data.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use lede_analysis::analysis::Analysis;
use lede_analysis::entities::EntityKind;
use lede_analysis::model::Article;
use lede_analysis::wire::WireDoc;
use serde::{Deserialize, Serialize};

/// The id of the element holding a page's data.
pub const ISLAND_ID: &str = "lede-data";

/// Names shown on a library card.
pub const CARD_NAMES: usize = 4;

/// What one page carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The analysed articles of this page: its own on an article page,
    /// every one in the single-file edition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<WireDoc>,
    /// In how many of the library's articles each name of these articles
    /// appears, by entity id (names in one article only are left out).
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
    /// The library's cards, on a library page. Not in the reader's bundle,
    /// which only article pages load (their data has no cards).
    #[cfg(lede_library)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<LibraryPage>,
}

/// In how many of the library's articles each name appears, by entity id:
/// pairs sorted by id, written as a list of `[id, count]`, looked up by
/// binary search (a page carries a few dozen, and the reader's bundle then
/// needs no tree map).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Counts(Vec<(String, usize)>);

impl Counts {
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok().map(|i| self.0[i].1)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|(_, n)| *n)
    }
}

impl FromIterator<(String, usize)> for Counts {
    fn from_iter<I: IntoIterator<Item = (String, usize)>>(pairs: I) -> Self {
        let mut v: Vec<(String, usize)> = pairs.into_iter().collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|a, b| a.0 == b.0);
        Counts(v)
    }
}

/// One page of the library: its cards, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryPage {
    pub cards: Vec<Card>,
    /// This page's number, from 1.
    pub page: usize,
    /// How many pages the library has.
    pub pages: usize,
    /// How many articles the library has.
    pub total: usize,
}

/// An article as the library lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The publication date, ISO (`2019-08-07`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub minutes: usize,
    /// The most-mentioned names: entity id, name, kind.
    pub names: Vec<(String, String, EntityKind)>,
}

impl Card {
    /// The card of an analysed article.
    pub fn new(a: &Article, analysis: &Analysis) -> Card {
        Card {
            slug: a.slug.clone(),
            title: a.title.clone(),
            place: a.place.clone(),
            published: a.published.map(|d| lede_analysis::dates::DateValue::Day(d).iso()),
            minutes: a.reading_minutes(),
            names: analysis.entities.iter().take(CARD_NAMES).map(|e| (e.id.clone(), e.name.clone(), e.kind)).collect(),
        }
    }

    /// The month it was published in, `2019-08`, if it has a date.
    pub fn month(&self) -> Option<&str> {
        self.published.as_deref().and_then(|d| d.get(..7))
    }
}

/// Newest first, undated last; then by title, then by address.
pub fn newest_first(a: &Card, b: &Card) -> std::cmp::Ordering {
    b.published.is_some().cmp(&a.published.is_some()).then(b.published.cmp(&a.published)).then(a.title.cmp(&b.title)).then(a.slug.cmp(&b.slug))
}

impl PageData {
    /// The page's data as the `<script>` element that carries it. JSON
    /// escapes nothing HTML needs; `<` is written `\u003c` so that no text
    /// in it can close the element.
    pub fn island(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c");
        format!("<script type=\"application/json\" id=\"{ISLAND_ID}\">{json}</script>")
    }

    /// Reads what [`PageData::island`] carried (the element's text).
    pub fn from_json(json: &str) -> Result<PageData, String> {
        serde_json::from_str(json).map_err(|e| format!("this page's data cannot be read: {e}"))
    }
}

thread_local! {
    static PAGE: RefCell<Option<Rc<PageData>>> = const { RefCell::new(None) };
}

/// Makes `data` what this page carries (at start in the browser; before
/// each page is rendered in the build). The articles unpacked from the
/// previous data are forgotten.
pub fn set_page(data: PageData) {
    PAGE.with(|p| *p.borrow_mut() = Some(Rc::new(data)));
    crate::ui::doc::forget_page();
}

/// What this page carries. Natively, before any is set (the component
/// tests), every article of the repository's `articles/` folder, as the
/// single-file edition carries them.
pub fn page() -> Rc<PageData> {
    if let Some(p) = PAGE.with(|p| p.borrow().clone()) {
        return p;
    }
    let data = default_page();
    PAGE.with(|p| *p.borrow_mut() = Some(Rc::new(data)));
    PAGE.with(|p| p.borrow().clone()).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn default_page() -> PageData {
    PageData::default()
}

#[cfg(not(target_arch = "wasm32"))]
fn default_page() -> PageData {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let analysed = analyse_dir(&dir).unwrap_or_default();
    whole_library(&analysed)
}

/// An article read and analysed with its corrections.
#[cfg(not(target_arch = "wasm32"))]
pub struct Analysed {
    pub path: std::path::PathBuf,
    pub article: Article,
    pub analysis: Analysis,
    pub warnings: Vec<lede_analysis::corrections::Warning>,
}

/// Reads and analyses every article of a folder with its corrections, one
/// after the other (the site's build does the same in parallel, cached).
#[cfg(not(target_arch = "wasm32"))]
pub fn analyse_dir(dir: &std::path::Path) -> Result<Vec<Analysed>, lede_analysis::read::FileError> {
    let files = lede_analysis::read::read_dir(dir)?;
    Ok(files
        .into_iter()
        .map(|f| {
            let lede_analysis::read::ArticleFile { path, mut article, corrections } = f;
            let corrected = lede_analysis::corrections::analyze(&mut article, &corrections);
            Analysed { path, article, analysis: corrected.analysis, warnings: corrected.warnings }
        })
        .collect())
}

/// In how many articles each entity id appears, for ids in two or more.
pub fn entity_counts<'a>(analyses: impl IntoIterator<Item = &'a Analysis>) -> Counts {
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for a in analyses {
        for e in &a.entities {
            *out.entry(e.id.clone()).or_insert(0) += 1;
        }
    }
    out.into_iter().filter(|(_, n)| *n > 1).collect()
}

/// The data of a page that carries every article: the single-file edition
/// (and the component tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn whole_library(analysed: &[Analysed]) -> PageData {
    let mut cards: Vec<Card> = analysed.iter().map(|a| Card::new(&a.article, &a.analysis)).collect();
    cards.sort_by(newest_first);
    let total = cards.len();
    PageData {
        articles: analysed.iter().map(|a| WireDoc::new(&a.article, &a.analysis)).collect(),
        counts: entity_counts(analysed.iter().map(|a| &a.analysis)),
        library: Some(LibraryPage { cards, page: 1, pages: 1, total }),
    }
}

/// Every article of the repository's `articles/` folder, as read (natively;
/// for tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn articles() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    analyse_dir(&dir).map(|v| v.into_iter().map(|a| a.article).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_carries_its_data_and_nothing_can_close_its_element() {
        let data = PageData { counts: [("a</script><b>".to_string(), 2)].into_iter().collect(), ..PageData::default() };
        let island = data.island();
        assert_eq!(island.matches("</script>").count(), 1, "{island}");
        let json = island.trim_start_matches(|c| c != '>').trim_start_matches('>').trim_end_matches("</script>");
        assert_eq!(PageData::from_json(json).unwrap(), data);
        assert!(PageData::from_json("{\"articles\": 3}").unwrap_err().contains("cannot be read"));
    }

    #[test]
    fn the_repository_articles_make_a_whole_library() {
        let data = page();
        let lib = data.library.as_ref().expect("cards");
        assert_eq!(lib.total, data.articles.len());
        assert!(lib.total >= 1);
        assert!(lib.cards.windows(2).all(|w| newest_first(&w[0], &w[1]) != std::cmp::Ordering::Greater));
        assert!(data.counts.values().all(|n| n > 1));
    }

    #[test]
    fn undated_cards_come_last() {
        let card = |slug: &str, published: Option<&str>| Card {
            slug: slug.into(),
            title: "T".into(),
            place: None,
            published: published.map(String::from),
            minutes: 1,
            names: Vec::new(),
        };
        let mut cards = [card("a", None), card("b", Some("2001-02-03")), card("c", Some("2020-01-01"))];
        cards.sort_by(newest_first);
        assert_eq!(cards.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(), ["c", "b", "a"]);
        assert_eq!(cards[0].month(), Some("2020-01"));
    }
}
