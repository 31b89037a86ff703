//! The articles embedded at build time from `articles/` (see `build.rs`).

use lede_analysis::model::Article;
#[cfg(not(target_arch = "wasm32"))]
use lede_analysis::read::{read_str, Format};

/// One embedded file.
#[derive(Debug)]
pub struct Embedded {
    pub file: &'static str,
    /// The address it gets from its file name (or title).
    pub slug: &'static str,
    /// The file as written (natively only: the browser gets `data`).
    #[cfg(not(target_arch = "wasm32"))]
    pub source: &'static str,
    /// Its sidecar file of corrections, `NAME.lede.toml`, if it has one
    /// (natively only).
    #[cfg(not(target_arch = "wasm32"))]
    pub sidecar: Option<&'static str>,
    /// The article read and analysed at build time, in its wire form
    /// (see [`lede_analysis::wire`]).
    pub data: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/articles.rs"));

/// Reads one embedded file. `build.rs` has already read every one of them
/// with the same reader, so this cannot fail for an embedded file; an error
/// is still returned rather than hidden.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_embedded(e: &Embedded) -> Result<Article, lede_analysis::read::ReadError> {
    let format = Format::from_name(e.file)?;
    read_str(e.file, format, e.source.to_string())
}

/// Reads one embedded file and analyses it with its corrections (from its
/// front matter or its sidecar), as `build.rs` did.
#[cfg(not(target_arch = "wasm32"))]
pub fn analyse_embedded(e: &Embedded) -> Result<(Article, lede_analysis::corrections::Corrected), String> {
    use lede_analysis::corrections;
    let mut article = read_embedded(e).map_err(|err| format!("{}: {err}", e.file))?;
    let c = match e.sidecar {
        Some(text) => corrections::parse(e.file, text).map_err(|err| err.to_string())?,
        None => corrections::from_front_matter(e.file, e.source).map_err(|err| err.to_string())?.unwrap_or_default(),
    };
    let corrected = corrections::analyze(&mut article, &c);
    Ok((article, corrected))
}

/// An embedded article with the analysis made at build time.
pub fn analysed(e: &Embedded) -> Result<(Article, lede_analysis::analysis::Analysis), String> {
    lede_analysis::wire::from_json(e.data).map_err(|err| format!("{}: {err}", e.file))
}

/// Every embedded article, in file-name order.
#[cfg(not(target_arch = "wasm32"))]
pub fn articles() -> Vec<Article> {
    EMBEDDED.iter().filter_map(|e| read_embedded(e).ok()).collect()
}

/// The position in [`EMBEDDED`] of the article with this slug.
pub fn position(slug: &str) -> Option<usize> {
    EMBEDDED.iter().position(|e| e.slug == slug)
}

/// The embedded article with this slug.
#[cfg(not(target_arch = "wasm32"))]
pub fn find(slug: &str) -> Option<Article> {
    read_embedded(EMBEDDED.get(position(slug)?)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_analysis_is_what_the_code_finds_now() {
        assert!(!EMBEDDED.is_empty());
        for e in EMBEDDED {
            let (article, corrected) = analyse_embedded(e).expect("reads");
            assert!(corrected.warnings.is_empty(), "{}: {:?}", e.file, corrected.warnings);
            assert_eq!(analysed(e).expect("unpacks"), (article, corrected.analysis), "{}", e.file);
            assert_eq!(position(e.slug).map(|i| EMBEDDED[i].file), Some(e.file));
        }
        assert_eq!(position("no-such-article"), None);
    }

    #[test]
    fn every_embedded_article_round_trips() {
        use lede_analysis::analysis::analyze;
        use lede_analysis::wire::{from_json, to_json};
        for a in articles() {
            let analysis = analyze(&a);
            let (back, back_analysis) = from_json(&to_json(&a, &analysis)).unwrap();
            assert_eq!(back, a, "{}", a.file);
            assert_eq!(back_analysis, analysis, "{}", a.file);
        }
    }
}
