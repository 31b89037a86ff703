//! An analysed article, shared by every component through `Rc`.

use std::rc::Rc;

use lede_analysis::analysis::Analysis;
use lede_analysis::entities::EntityKind;
use lede_analysis::model::{Article, Section};

use crate::library;

/// An article with its analysis and sections.
pub struct Doc {
    pub article: Article,
    pub analysis: Analysis,
    pub sections: Vec<Section>,
    /// Index of the event (in `analysis.timeline`) told in each sentence
    /// that is an event, by sentence index.
    pub event_sentences: Vec<Option<usize>>,
    /// For a reader's own article: what became of the corrections they
    /// made in the page, when some could not be applied.
    pub note: Option<String>,
    /// Where the analysis worker finds the article in its wire form, to
    /// write an export of it (see [`super::analyser::export`]); `None` for
    /// an article analysed in place (natively).
    pub wire: Option<Wire>,
}

/// Where an article's wire form is (see [`Doc::wire`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Wire {
    /// The article at this index of the page's data (its island).
    Page(usize),
    /// A reader's own article: the wire JSON the worker sent.
    Text(Rc<str>),
}

impl Doc {
    /// Analyses an article (natively: the browser gets articles analysed).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(article: Article) -> Doc {
        let analysis = lede_analysis::analysis::analyze(&article);
        Doc::from_parts(article, analysis)
    }

    /// An article with its analysis, made at build time or in the worker.
    pub fn from_parts(article: Article, analysis: Analysis) -> Doc {
        let sections = article.sections();
        let mut event_sentences = vec![None; analysis.sentences.len()];
        for (i, e) in analysis.timeline.iter().enumerate() {
            if let Ok(k) = analysis.sentences.binary_search(&e.sentence) {
                event_sentences[k].get_or_insert(i);
            }
        }
        Doc { article, analysis, sections, event_sentences, note: None, wire: None }
    }

    /// A reader's own article as the worker read and analysed it, under its
    /// own address (`own/…`), with the note on the reader's corrections and
    /// the wire form its exports are written from.
    pub fn own(a: super::analyser::Analysed, slug: String) -> Doc {
        let mut article = a.article;
        article.slug = slug;
        let mut doc = Doc::from_parts(article, a.analysis);
        doc.note = a.note;
        doc.wire = Some(Wire::Text(a.wire));
        doc
    }

    /// How many entities of each kind.
    pub fn kind_count(&self, kind: EntityKind) -> usize {
        self.analysis.entities.iter().filter(|e| e.kind == kind).count()
    }

    /// The index of the sentence an event is told in.
    pub fn sentence_index(&self, event: usize) -> Option<usize> {
        let e = self.analysis.timeline.get(event)?;
        self.analysis.sentences.binary_search(&e.sentence).ok()
    }

    /// The section that holds a byte offset.
    pub fn section_of(&self, offset: usize) -> Option<&Section> {
        self.sections.iter().find(|s| {
            let blocks = &self.article.blocks[s.blocks.clone()];
            let heading = s.heading.map(|h| self.article.blocks[h].span());
            blocks.iter().map(|b| b.span()).chain(heading).any(|sp| sp.start <= offset && offset < sp.end)
        })
    }
}

thread_local! {
    /// The page's articles (see [`library::page`]), each unpacked the first
    /// time it is needed.
    static EMBEDDED: std::cell::RefCell<Vec<Option<DocRef>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets the articles unpacked from the page's previous data (the build
/// renders many pages on one thread).
pub fn forget_page() {
    EMBEDDED.with(|c| c.borrow_mut().clear());
}

/// The article at `index` in the page's data, unpacked once per page.
fn embedded_at(index: usize) -> Option<DocRef> {
    if let Some(d) = EMBEDDED.with(|c| c.borrow().get(index).cloned().flatten()) {
        return Some(d);
    }
    let page = library::page();
    let (article, analysis) = page.articles.get(index)?.clone().unpack().ok()?;
    let mut doc = Doc::from_parts(article, analysis);
    doc.wire = Some(Wire::Page(index));
    let doc = DocRef(Rc::new(doc));
    EMBEDDED.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() <= index {
            c.resize(index + 1, None);
        }
        c[index] = Some(doc.clone());
    });
    Some(doc)
}

/// The article with this slug, if this page carries it (only that one is
/// unpacked).
pub fn embedded(slug: &str) -> Option<DocRef> {
    embedded_at(library::page().articles.iter().position(|w| w.slug() == slug)?)
}

/// Whether this page carries the article with this slug.
pub fn carries(slug: &str) -> bool {
    library::page().articles.iter().any(|w| w.slug() == slug)
}

/// Every article this page carries, in the build's order.
pub fn all_embedded() -> Vec<DocRef> {
    (0..library::page().articles.len()).filter_map(embedded_at).collect()
}

thread_local! {
    /// A reader's own articles analysed in this page, by slug.
    static OWN: std::cell::RefCell<Vec<DocRef>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a reader's own article, analysed, for the rest of the page's life.
pub fn keep_own(doc: DocRef) {
    OWN.with(|o| {
        let mut o = o.borrow_mut();
        o.retain(|d| d.article.slug != doc.article.slug);
        o.push(doc);
    });
}

/// A reader's own article: from this page's cache, else read from storage
/// and analysed in the worker. `done` gets `None` when it is not there (or
/// no longer reads as an article).
pub fn load_own(slug: &str, done: impl FnOnce(Option<DocRef>) + 'static) {
    if let Some(d) = OWN.with(|o| o.borrow().iter().find(|d| d.article.slug == slug).cloned()) {
        return done(Some(d));
    }
    analyse_own(slug, super::own::published(slug).as_deref(), done)
}

/// Analyses a reader's own article again, from storage, with `published`
/// (the date the reader gave, if any) placing its relative dates and the
/// corrections they made (kept in storage) applied; keeps and returns the
/// result.
pub fn analyse_own(slug: &str, published: Option<&str>, done: impl FnOnce(Option<DocRef>) + 'static) {
    let Some((file, text)) = super::own::source(slug) else { return done(None) };
    let stored = super::own::corrections(slug);
    let slug = slug.to_string();
    super::analyser::analyse(&file, &text, published, stored.as_deref(), move |outcome| {
        done(outcome.ok().map(|a| {
            let doc = DocRef(Rc::new(Doc::own(a, slug)));
            keep_own(doc.clone());
            doc
        }))
    });
}

/// In how many of the library's articles each name appears, by entity id
/// (as the build counted them; names in one article only are left out).
pub fn article_count(id: &str) -> usize {
    library::page().counts.get(id).unwrap_or(1)
}

/// A cheap, comparable handle on a [`Doc`] (equal when it is the same doc).
#[derive(Clone)]
pub struct DocRef(pub Rc<Doc>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DocRef {
    type Target = Doc;
    fn deref(&self) -> &Doc {
        &self.0
    }
}
