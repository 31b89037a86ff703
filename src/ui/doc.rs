//! An analysed article, shared by every component through `Rc`.

use std::rc::Rc;

use crate::analysis::{analyze, Analysis};
use crate::entities::EntityKind;
use crate::model::{Article, Section};

/// An article with its analysis and sections.
pub struct Doc {
    pub article: Article,
    pub analysis: Analysis,
    pub sections: Vec<Section>,
    /// Index of the event (in `analysis.timeline`) told in each sentence
    /// that is an event, by sentence index.
    pub event_sentences: Vec<Option<usize>>,
}

impl Doc {
    pub fn new(article: Article) -> Doc {
        let analysis = analyze(&article);
        let sections = article.sections();
        let mut event_sentences = vec![None; analysis.sentences.len()];
        for (i, e) in analysis.timeline.iter().enumerate() {
            if let Ok(k) = analysis.sentences.binary_search(&e.sentence) {
                event_sentences[k].get_or_insert(i);
            }
        }
        Doc { article, analysis, sections, event_sentences }
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
