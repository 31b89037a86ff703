//! The articles embedded at build time from `articles/` (see `build.rs`).

use crate::model::Article;
use crate::read::{read_str, Format};

/// One embedded file.
#[derive(Debug)]
pub struct Embedded {
    pub file: &'static str,
    pub source: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/articles.rs"));

/// Reads one embedded file. `build.rs` has already read every one of them
/// with the same reader, so this cannot fail for an embedded file; an error
/// is still returned rather than hidden.
pub fn read_embedded(e: &Embedded) -> Result<Article, crate::read::ReadError> {
    let format = Format::from_name(e.file)?;
    read_str(e.file, format, e.source.to_string())
}

/// Every embedded article, in file-name order.
pub fn articles() -> Vec<Article> {
    EMBEDDED.iter().filter_map(|e| read_embedded(e).ok()).collect()
}

/// The position in [`EMBEDDED`] of the article with this slug. The slug
/// comes from the file name, so this reads no article (but one whose name
/// gives no slug, which takes its title's).
pub fn position(slug: &str) -> Option<usize> {
    let by_name = |e: &Embedded| {
        let stem = e.file.rsplit_once('.').map_or(e.file, |(s, _)| s);
        crate::model::slugify(stem)
    };
    EMBEDDED
        .iter()
        .position(|e| by_name(e) == slug)
        .or_else(|| EMBEDDED.iter().position(|e| read_embedded(e).is_ok_and(|a| a.slug == slug)))
}

/// The embedded article with this slug.
pub fn find(slug: &str) -> Option<Article> {
    read_embedded(EMBEDDED.get(position(slug)?)?).ok()
}
