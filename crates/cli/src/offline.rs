//! `offline.json`, written beside the pages edition: every file a reader
//! needs to read the whole library offline, each with its size in bytes,
//! and their total. The library page's “Keep the whole library offline”
//! (`src/ui/keep_offline.rs`) reads it, says how much it is, and stores
//! each file in this browser; the service worker then answers from there.
//!
//! The list holds every page (articles, the library's pages, search), the
//! bundles and static files (`pkg/`, `static/`) and the search index
//! (`search/…`), but not the single-file edition (`lede-offline.html`, a
//! copy of the whole library for keeping on disk), the service worker
//! (`sw.js`, which the browser keeps itself), dot files (`.nojekyll`) or
//! `offline.json` itself. Files are listed by path relative to the site's
//! root, sorted:
//!
//! ```json
//! {"count":3,"total":81234,"files":[
//! ["index.html",20415],
//! ["pkg/lede_bg-0123456789.wasm",60211],
//! ["search.html",608]
//! ]}
//! ```

use std::collections::BTreeMap;

/// The file's name, at the site's root.
pub const NAME: &str = "offline.json";

/// Whether a file of the build is left out of [`manifest`].
pub fn left_out(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(path, "lede-offline.html" | "sw.js" | NAME) || name.starts_with('.')
}

/// `offline.json` for the files of a build (paths relative to its root).
pub fn manifest(files: &BTreeMap<String, Vec<u8>>) -> String {
    let kept: Vec<(&String, usize)> = files.iter().filter(|(k, _)| !left_out(k)).map(|(k, v)| (k, v.len())).collect();
    let total: usize = kept.iter().map(|(_, n)| n).sum();
    let lines: Vec<String> =
        kept.iter().map(|(k, n)| format!("[{},{n}]", serde_json::to_string(k).unwrap_or_else(|_| "\"\"".into()))).collect();
    format!("{{\"count\":{},\"total\":{total},\"files\":[\n{}\n]}}\n", kept.len(), lines.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn build(files: &[(&str, usize)]) -> BTreeMap<String, Vec<u8>> {
        files.iter().map(|(k, n)| (k.to_string(), vec![b'x'; *n])).collect()
    }

    #[test]
    fn lists_every_file_a_reader_needs_with_its_size_and_the_total() {
        let files = build(&[
            ("index.html", 100),
            ("index-2.html", 90),
            ("a-story.html", 300),
            ("search.html", 40),
            ("pkg/lede_bg-0123456789.wasm", 5000),
            ("static/lede-0123456789.css", 700),
            ("static/icon.svg", 20),
            ("search/root.json", 11),
            ("search/w-0123456789.json", 12),
            ("search/e/sergei-lavrov.json", 13),
            ("search/f/00000000ab.json", 14),
            ("lede-offline.html", 90000),
            ("sw.js", 2000),
            (".nojekyll", 0),
            ("offline.json", 50),
        ]);
        let m: Value = serde_json::from_str(&manifest(&files)).expect("JSON");
        assert_eq!(m["count"], json!(11));
        assert_eq!(m["total"], json!(100 + 90 + 300 + 40 + 5000 + 700 + 20 + 11 + 12 + 13 + 14));
        let listed: Vec<(String, u64)> = m["files"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|f| (f[0].as_str().expect("path").to_string(), f[1].as_u64().expect("size")))
            .collect();
        assert!(listed.contains(&("a-story.html".into(), 300)));
        assert!(listed.contains(&("search/e/sergei-lavrov.json".into(), 13)));
        for out in ["lede-offline.html", "sw.js", ".nojekyll", "offline.json"] {
            assert!(!listed.iter().any(|(p, _)| p == out), "{out} is left out");
        }
        let mut sorted = listed.clone();
        sorted.sort();
        assert_eq!(listed, sorted, "sorted by path");
    }

    #[test]
    fn paths_are_escaped_and_an_empty_build_lists_nothing() {
        let m: Value = serde_json::from_str(&manifest(&build(&[("a \"quoted\".html", 3)]))).expect("JSON");
        assert_eq!(m["files"], json!([["a \"quoted\".html", 3]]));
        let m: Value = serde_json::from_str(&manifest(&BTreeMap::new())).expect("JSON");
        assert_eq!(m, json!({ "count": 0, "total": 0, "files": [] }));
    }
}
