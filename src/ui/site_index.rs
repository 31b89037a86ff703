//! The library's search index, as the hosted site fetches it: the root
//! (`search/root.json`) when search is first used, then only the shards a
//! query's words need, the fragments of the articles shown, and a name's
//! own file for its page (see `lede_analysis::index` for the files). Each
//! file is fetched once per page and kept.
//!
//! The single-file edition has no files to fetch: it carries every
//! article, so its search runs over them in memory (`search::search`) and
//! a name's file is made from them here, with the same code the build uses.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lede_analysis::index::{self, EntityFile, Found, Root, ROOT_FILE};
use lede_analysis::search::{ArticleHit, Query, Searchable};

use super::doc::all_embedded;

/// Articles whose fragments are fetched at a time (the first results, then
/// each "More articles").
pub const ARTICLES_AT_ONCE: usize = 5;

thread_local! {
    static FILES: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// A file of the site (its path from the site's root: every page is at the
/// root), fetched once per page.
pub async fn file(path: &str) -> Result<Rc<str>, String> {
    if let Some(f) = FILES.with(|f| f.borrow().get(path).cloned()) {
        return Ok(f);
    }
    let text: Rc<str> = fetch_text(path).await?.into();
    FILES.with(|f| f.borrow_mut().insert(path.to_string(), text.clone()));
    Ok(text)
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |what: &str| format!("the library's search could not be loaded ({what}: {path})");
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(path)).await.map_err(|_| failed("offline or unreachable"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!("status {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed("unreadable"))?).await.map_err(|_| failed("unreadable"))?;
    text.as_string().ok_or_else(|| failed("not text"))
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(path: &str) -> Result<String, String> {
    Err(format!("{path}: files are fetched in the browser only"))
}

/// Runs a future on the page (in the browser; natively, where views are
/// only rendered, never).
#[cfg(target_arch = "wasm32")]
pub fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(f);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn spawn(_: impl std::future::Future<Output = ()> + 'static) {}

/// The index's root.
pub async fn root() -> Result<Rc<Root>, String> {
    thread_local! {
        static ROOT: RefCell<Option<Rc<Root>>> = const { RefCell::new(None) };
    }
    if let Some(r) = ROOT.with(|r| r.borrow().clone()) {
        return Ok(r);
    }
    let root = Rc::new(Root::from_json(&file(ROOT_FILE).await?)?);
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
    Ok(root)
}

/// The names that match a query and the articles that have its words,
/// best first, from the shards its words need (fetched side by side).
pub async fn find(q: &Query) -> Result<Found, String> {
    let root = root().await?;
    let paths = root.files_for(q);
    let texts = futures::future::join_all(paths.iter().map(|p| file(p))).await;
    let mut shards = HashMap::new();
    for (p, t) in paths.into_iter().zip(texts) {
        shards.insert(p, t?.to_string());
    }
    index::search(&root, &shards, q)
}

/// The hits of these articles (doc id, score): each article's fragment
/// fetched (side by side), its matches counted and its snippets made.
/// Articles where the words are but not the phrase are left out.
pub async fn article_hits(q: &Query, docs: &[(String, usize)]) -> Result<Vec<ArticleHit>, String> {
    let texts = futures::future::join_all(docs.iter().map(|(doc, _)| async move { file(&index::fragment_file(doc)).await })).await;
    let mut out = Vec::new();
    for ((_, score), text) in docs.iter().zip(texts) {
        let hit = index::article_hit(&text?, q, *score)?;
        if hit.count > 0 {
            out.push(hit);
        }
    }
    Ok(out)
}

/// A name's file: every article that names it and their events. In the
/// single-file edition, made from the articles the page carries.
pub async fn entity(id: &str, in_memory: bool) -> Result<EntityFile, String> {
    if in_memory {
        let docs = all_embedded();
        let searchable: Vec<Searchable> = docs.iter().map(|d| Searchable { article: &d.article, analysis: &d.analysis }).collect();
        return index::entity(&searchable, id).ok_or_else(|| format!("no article names “{id}”"));
    }
    EntityFile::from_json(&file(&index::entity_file(id)).await.map_err(|_| format!("no article of the library names “{id}”"))?)
}
