//! Reads and analyses a folder of articles for a build: in parallel
//! (`rayon`), and each result cached under a hash of the article's file, its
//! sidecar of corrections and the analyser, so a rebuild analyses only the
//! articles that changed.
//!
//! The cache is a folder of files named by that hash, each holding the
//! article and its analysis in their wire form and the corrections'
//! warnings. A cached file that cannot be read is analysed again, never
//! trusted; files of the cache no build asked for are removed after a build.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lede_analysis::analysis::Analysis;
use lede_analysis::corrections::{self, Warning};
use lede_analysis::model::Article;
use lede_analysis::read::{self, FileError};
use lede_analysis::wire::WireDoc;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::site::content_hash;

/// An article read and analysed with its corrections.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub article: Article,
    pub analysis: Analysis,
    /// The corrections that matched nothing (the build warns of them).
    pub warnings: Vec<Warning>,
    /// Whether the analysis came from the cache.
    pub cached: bool,
    /// Its cache key, when a cache is used.
    key: Option<String>,
}

/// What the cache keeps of one article.
#[derive(Serialize, Deserialize)]
struct Entry {
    doc: WireDoc,
    warnings: Vec<(String, usize, String)>,
}

/// The analyser's fingerprint: a hash of this program, so that any change
/// to the analysis (its code, its rules, its word lists, all compiled in)
/// misses the cache.
pub fn fingerprint() -> &'static str {
    static F: OnceLock<String> = OnceLock::new();
    F.get_or_init(|| {
        let exe = std::env::current_exe().and_then(fs::read).unwrap_or_default();
        content_hash(&[exe.as_slice(), env!("CARGO_PKG_VERSION").as_bytes()].concat())
    })
}

/// Reads and analyses these article files (a folder's, from
/// `read::article_paths`), in their order, through the cache in `cache` if
/// given. `tick` is called once per article (for a progress bar). The first
/// file that cannot be read, or two that give the same address, stop it
/// with an error naming the file.
pub fn load(paths: &[PathBuf], cache: Option<&Path>, tick: &(dyn Fn() + Sync)) -> Result<Vec<Loaded>, FileError> {
    if let Some(c) = cache {
        fs::create_dir_all(c).map_err(|e| FileError { path: c.to_path_buf(), line: None, reason: format!("cannot make the cache folder: {e}") })?;
    }
    let loaded: Vec<Loaded> = paths
        .par_iter()
        .map(|p| {
            let out = load_one(p, cache);
            tick();
            out
        })
        .collect::<Result<_, _>>()?;
    read::check_slugs(&loaded, |l| (&l.path, &l.article.slug))?;
    if let Some(c) = cache {
        prune(c, &loaded);
    }
    Ok(loaded)
}

/// The cache key of an article file: its bytes, its sidecar's, the analyser.
fn key(path: &Path) -> Result<String, FileError> {
    let bytes = fs::read(path).map_err(|e| FileError { path: path.to_path_buf(), line: None, reason: format!("cannot read it: {e}") })?;
    let sidecar = fs::read(read::sidecar_of(path)).unwrap_or_default();
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let parts: [&[u8]; 6] = [fingerprint().as_bytes(), b"\0", name.as_bytes(), b"\0", &bytes, &sidecar];
    Ok(content_hash(&parts.concat()))
}

fn cache_file(cache: &Path, key: &str) -> PathBuf {
    cache.join(format!("{key}.json"))
}

fn load_one(path: &Path, cache: Option<&Path>) -> Result<Loaded, FileError> {
    let key = match cache {
        Some(_) => Some(key(path)?),
        None => None,
    };
    if let (Some(c), Some(k)) = (cache, &key) {
        let hit = fs::read_to_string(cache_file(c, k)).ok().and_then(|s| serde_json::from_str::<Entry>(&s).ok());
        if let Some((warnings, (article, analysis))) = hit.and_then(|Entry { doc, warnings }| Some((warnings, doc.unpack().ok()?))) {
            let warnings = warnings.into_iter().map(|(file, line, message)| Warning { file, line, message }).collect();
            return Ok(Loaded { path: path.to_path_buf(), article, analysis, warnings, cached: true, key });
        }
    }
    let read::ArticleFile { path, mut article, corrections } = read::read_file(path)?;
    let corrected = corrections::analyze(&mut article, &corrections);
    if let (Some(c), Some(k)) = (cache, &key) {
        let entry = Entry {
            doc: WireDoc::new(&article, &corrected.analysis),
            warnings: corrected.warnings.iter().map(|w| (w.file.clone(), w.line, w.message.clone())).collect(),
        };
        // A cache that cannot be written only makes the next build slower.
        if let Ok(json) = serde_json::to_string(&entry) {
            let _ = fs::write(cache_file(c, k), json);
        }
    }
    Ok(Loaded { path, article, analysis: corrected.analysis, warnings: corrected.warnings, cached: false, key })
}

/// Removes the cache's files that no article of this build uses.
fn prune(cache: &Path, loaded: &[Loaded]) {
    let keep: BTreeSet<String> = loaded.iter().filter_map(|l| l.key.as_ref()).map(|k| format!("{k}.json")).collect();
    if let Ok(entries) = fs::read_dir(cache) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".json") && !keep.contains(&name) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lede-load-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_second_load_comes_from_the_cache_and_equals_the_first() {
        let dir = folder("cache");
        let cache = dir.join(".cache");
        fs::write(dir.join("a.txt"), "Harbour Talks Resume\n\nOSLO, May 4 - Mira Dahl met the Port Authority on Tuesday.\n").unwrap();
        fs::write(dir.join("b.txt"), "Bridge Opens\n\nBERGEN, June 1 - The bridge opened on Monday, said Jon Vik.\n").unwrap();
        let first = load(&read::article_paths(&dir).unwrap(), Some(&cache), &|| ()).unwrap();
        assert!(first.iter().all(|l| !l.cached));
        let second = load(&read::article_paths(&dir).unwrap(), Some(&cache), &|| ()).unwrap();
        assert!(second.iter().all(|l| l.cached));
        for (a, b) in first.iter().zip(&second) {
            assert_eq!((&a.article, &a.analysis), (&b.article, &b.analysis));
        }
        // One file changed: only it is analysed again; the old entry goes.
        fs::write(dir.join("b.txt"), "Bridge Opens\n\nBERGEN, June 1 - The bridge opened on Friday, said Jon Vik.\n").unwrap();
        let third = load(&read::article_paths(&dir).unwrap(), Some(&cache), &|| ()).unwrap();
        assert_eq!(third.iter().map(|l| l.cached).collect::<Vec<_>>(), [true, false]);
        assert_eq!(fs::read_dir(&cache).unwrap().count(), 2);
        // A damaged entry is analysed again, not trusted.
        for e in fs::read_dir(&cache).unwrap() {
            fs::write(e.unwrap().path(), "{not json").unwrap();
        }
        let fourth = load(&read::article_paths(&dir).unwrap(), Some(&cache), &|| ()).unwrap();
        assert!(fourth.iter().all(|l| !l.cached));
        assert_eq!(fourth[1].analysis, third[1].analysis);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn errors_name_the_file() {
        let dir = folder("errors");
        fs::write(dir.join("good.txt"), "Title\n\nText here.\n").unwrap();
        fs::write(dir.join("bad.txt"), [0xff, 0xfe, 0x00]).unwrap();
        let e = load(&read::article_paths(&dir).unwrap(), None, &|| ()).unwrap_err();
        assert!(e.path.ends_with("bad.txt"), "{e}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
