//! A reader's own articles: read and analysed in the browser with the same
//! code as the embedded ones, and kept in local storage until removed.
//!
//! Storage: `lede:own` holds the list (slug, file name, title),
//! `lede:own:SLUG` the file's text, and `lede:own-date:SLUG` the
//! publication date the reader gave it, when the article has none, and
//! `lede:own-corrections:SLUG` the corrections the reader made to its
//! analysis in the page, as the TOML text of a `NAME.lede.toml` sidecar (see
//! [`lede_analysis::corrections`]; `lede:own-correction-log:SLUG` holds the
//! same corrections in the order made, see [`super::own_corrections`]). Slugs start with `own/`, so a reader's
//! article never takes an embedded article's address.

use lede_analysis::model::Article;
#[cfg(not(target_arch = "wasm32"))]
use lede_analysis::read::read;
use lede_analysis::read::{decode, Format};
use serde::{Deserialize, Serialize};

use super::route::OWN_PREFIX;

/// The largest file a reader can open, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// One kept article, as listed in the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEntry {
    pub slug: String,
    pub file: String,
    pub title: String,
}

/// Checks a file a reader opened before it is analysed: its size, its kind
/// (by name) and that it is text; returns the text. The error is a sentence
/// for the reader.
pub fn check(name: &str, bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > MAX_BYTES {
        return Err(too_big(name, bytes.len()));
    }
    Format::from_name(name).and_then(|_| decode(bytes)).map_err(|e| cannot_open(name, &e.to_string()))
}

/// The message for a file over [`MAX_BYTES`].
pub fn too_big(name: &str, bytes: usize) -> String {
    // In tenths of a megabyte, rounded up so a file just over the limit never reads as "5.0 MB".
    let tenths = (bytes * 10).div_ceil(1_048_576);
    format!("“{name}” is {}.{} MB; Lede opens articles of up to {} MB.", tenths / 10, tenths % 10, MAX_BYTES / 1_048_576)
}

/// The message for a file that is not an article, and why.
pub fn cannot_open(name: &str, why: &str) -> String {
    format!("“{name}” cannot be opened: {why}.")
}

/// Checks, reads and analyses a file as the page does (natively, in place).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_own(name: &str, bytes: &[u8]) -> Result<Article, String> {
    let text = check(name, bytes)?;
    read(name, text.as_bytes()).map_err(|e| cannot_open(name, &e.to_string()))
}

/// Pasted text: Markdown when it opens with front matter, plain text otherwise.
pub fn paste_name(text: &str) -> &'static str {
    if text.trim_start().starts_with("---") {
        "pasted.md"
    } else {
        "pasted.txt"
    }
}

/// A slug for a new own article, unused among `existing`.
pub fn new_slug(article: &Article, existing: &[OwnEntry]) -> String {
    let base = format!("{OWN_PREFIX}{}", article.slug);
    let mut slug = base.clone();
    let mut n = 2;
    while existing.iter().any(|e| e.slug == slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

#[cfg(target_arch = "wasm32")]
mod store {
    use gloo::storage::{LocalStorage, Storage};

    use super::OwnEntry;

    pub fn list() -> Vec<OwnEntry> {
        LocalStorage::get("lede:own").unwrap_or_default()
    }
    pub fn text(slug: &str) -> Option<String> {
        LocalStorage::get(format!("lede:own:{slug}")).ok()
    }
    pub fn keep(entry: &OwnEntry, text: &str) -> Result<(), String> {
        let mut all = list();
        LocalStorage::set(format!("lede:own:{}", entry.slug), text)
            .map_err(|_| "The browser's storage is full or switched off: the article is shown but not kept.".to_string())?;
        all.retain(|e| e.slug != entry.slug);
        all.push(entry.clone());
        LocalStorage::set("lede:own", &all).map_err(|_| "The browser's storage is full.".to_string())
    }
    pub fn remove(slug: &str) {
        let mut all = list();
        all.retain(|e| e.slug != slug);
        let _ = LocalStorage::set("lede:own", &all);
        LocalStorage::delete(format!("lede:own:{slug}"));
        LocalStorage::delete(format!("lede:own-date:{slug}"));
        LocalStorage::delete(format!("lede:own-corrections:{slug}"));
        LocalStorage::delete(format!("lede:own-correction-log:{slug}"));
    }
    pub fn published(slug: &str) -> Option<String> {
        LocalStorage::get(format!("lede:own-date:{slug}")).ok()
    }
    pub fn set_published(slug: &str, date: Option<&str>) {
        match date {
            Some(d) => {
                let _ = LocalStorage::set(format!("lede:own-date:{slug}"), d);
            }
            None => LocalStorage::delete(format!("lede:own-date:{slug}")),
        }
    }
    pub fn corrections(slug: &str) -> Option<String> {
        LocalStorage::get(format!("lede:own-corrections:{slug}")).ok()
    }
    pub fn set_corrections(slug: &str, toml: &str) {
        if toml.trim().is_empty() {
            LocalStorage::delete(format!("lede:own-corrections:{slug}"));
        } else {
            let _ = LocalStorage::set(format!("lede:own-corrections:{slug}"), toml);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod store {
    use super::OwnEntry;

    pub fn list() -> Vec<OwnEntry> {
        Vec::new()
    }
    pub fn text(_: &str) -> Option<String> {
        None
    }
    pub fn keep(_: &OwnEntry, _: &str) -> Result<(), String> {
        Err("Storage is only available in a browser.".into())
    }
    pub fn remove(_: &str) {}
    pub fn published(_: &str) -> Option<String> {
        None
    }
    pub fn set_published(_: &str, _: Option<&str>) {}
    pub fn corrections(_: &str) -> Option<String> {
        None
    }
    pub fn set_corrections(_: &str, _: &str) {}
}

/// The kept articles, in the order they were added.
pub fn list() -> Vec<OwnEntry> {
    store::list()
}

/// Keeps an article's text under a new slug; returns its entry.
pub fn keep(file: &str, text: &str, article: &Article) -> (OwnEntry, Result<(), String>) {
    let entry = OwnEntry { slug: new_slug(article, &list()), file: file.to_string(), title: article.title.clone() };
    let kept = store::keep(&entry, text);
    (entry, kept)
}

/// Forgets a kept article.
pub fn remove(slug: &str) {
    store::remove(slug)
}

/// The publication date (`YYYY-MM-DD`) the reader gave a kept article.
pub fn published(slug: &str) -> Option<String> {
    store::published(slug)
}

/// Keeps (or, with `None`, forgets) the publication date the reader gave a kept article.
pub fn set_published(slug: &str, date: Option<&str>) {
    store::set_published(slug, date)
}

/// The corrections the reader made to a kept article, as TOML text.
pub fn corrections(slug: &str) -> Option<String> {
    store::corrections(slug).filter(|t| !t.trim().is_empty())
}

/// Keeps the reader's corrections of a kept article (TOML text; empty text
/// forgets them).
pub fn set_corrections(slug: &str, toml: &str) {
    store::set_corrections(slug, toml)
}

/// A kept article's file name and text. (An article opened in this page
/// is also held, analysed, by [`super::doc::keep_own`], even when storage
/// could not keep it.)
pub fn source(slug: &str) -> Option<(String, String)> {
    let entry = list().into_iter().find(|e| e.slug == slug)?;
    Some((entry.file, store::text(slug)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_files_are_checked_with_clear_messages() {
        assert!(read_own("a.txt", b"Title\nSome text.").is_ok());
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(read_own("big.txt", &big).unwrap_err().contains("up to 5 MB"));
        assert!(read_own("x.png", b"\x89PNG\r\n").unwrap_err().contains("unsupported file kind"));
        assert!(read_own("x.txt", b"\x89PNG\r\n\x1a\n\x00").unwrap_err().contains("not"));
        assert!(read_own("e.txt", b"").unwrap_err().contains("empty"));
        assert_eq!(paste_name("---\ntitle: x\n---\nbody"), "pasted.md");
        assert_eq!(paste_name("Title\nbody"), "pasted.txt");
    }

    #[test]
    fn own_slugs_never_collide() {
        let a = read_own("notes.txt", b"Title\nText.").unwrap();
        let first = new_slug(&a, &[]);
        assert_eq!(first, "own/notes");
        let taken = [OwnEntry { slug: first.clone(), file: "notes.txt".into(), title: "T".into() }];
        assert_eq!(new_slug(&a, &taken), "own/notes-2");
    }
}
