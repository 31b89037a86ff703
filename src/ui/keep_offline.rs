//! “Keep the whole library offline”, at the end of the hosted library page:
//! says how large the whole library is (from `offline.json`, which `lede
//! build` writes, see `crates/cli/src/offline.rs`) and how much this
//! browser lets the site store, asks the browser to keep the site's storage
//! (`navigator.storage.persist()`), then stores every file the list names
//! in the service worker's runtime cache, with its progress. Files already
//! kept are skipped, so it can be run again after a new build or an error;
//! files of older builds are removed once every file is kept. The service
//! worker (`static/sw.js`) answers from that cache offline.
//!
//! The files are fetched by the page and put in the cache with the Cache
//! API, not handed to the service worker: the Cache API works in pages in
//! Chromium, Firefox and WebKit, a page has no time limit (browsers stop a
//! service worker whose event runs for minutes, and ten thousand files can
//! take that long), it works before the worker controls the page (it is
//! registered only once the view has started), and the progress is the
//! page's own, with no messages to pass back.
//!
//! Like the panel for opening one's own article, it is not in the
//! server-rendered page: it appears once the app runs (a button that does
//! nothing without JavaScript is never shown), last on the page, so its
//! arrival moves only the footer.

use serde::Deserialize;
use yew::prelude::*;

use super::chrome::use_running;

/// The runtime cache the service worker keeps pages and files in (`KEPT`
/// in `static/sw.js`).
pub const KEPT: &str = "lede-kept";

/// `offline.json`: every file to keep, with its size in bytes, and the total.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Manifest {
    pub count: usize,
    pub total: u64,
    pub files: Vec<(String, u64)>,
}

/// A size as a reader reads it: “812 bytes”, “41.5 KB”, “12.3 MB”, “1.2 GB” (powers of 1000).
pub fn size_text(bytes: u64) -> String {
    let b = bytes as f64;
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{:.1} KB", b / 1e3),
        1_000_000..=999_999_999 => format!("{:.1} MB", b / 1e6),
        _ => format!("{:.1} GB", b / 1e9),
    }
}

/// A count with thousands separated: “10,032”.
pub fn count_text(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a file of the build is named by its content's hash
/// (`pkg/lede_bg-0123456789.wasm`, `search/w-0123456789.json`): kept once, it
/// never needs fetching again.
pub fn is_hashed(path: &str) -> bool {
    let under = path.starts_with("pkg/") || path.starts_with("static/") || path.strip_prefix("search/").is_some_and(|p| !p.contains('/'));
    let stem = path.rsplit_once('.').map_or(path, |(s, _)| s);
    let hash = stem.rsplit_once('-').map_or("", |(_, h)| h);
    under && hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What the panel says.
#[derive(Clone, PartialEq)]
enum Phase {
    /// Reading `offline.json`.
    Loading,
    /// Ready to start (or to start again).
    Ready,
    /// Storing: files done, of how many.
    Keeping(usize, usize),
    /// Every file is kept.
    Kept,
    Failed(String),
}

#[function_component]
pub fn KeepOffline() -> Html {
    let running = use_running();
    let manifest = use_state(|| None::<Manifest>);
    let phase = use_state(|| Phase::Loading);
    // Bytes this browser lets the site store beyond what it stores now.
    let free = use_state(|| None::<u64>);
    // Whether the browser agreed to keep the site's storage.
    let persisted = use_state(|| None::<bool>);
    {
        let (manifest, phase, free) = (manifest.clone(), phase.clone(), free.clone());
        use_effect_with(running, move |running| {
            if *running {
                store::start(async move {
                    free.set(store::free_space().await);
                    // Offline with no list kept, the size is not said; the
                    // button still tries (and says why it cannot).
                    if let Ok(m) = store::manifest().await {
                        manifest.set(Some(m));
                    }
                    phase.set(Phase::Ready);
                });
            }
        });
    }
    if !running {
        return html! {};
    }

    let on_keep = {
        let (manifest, phase, persisted) = (manifest.clone(), phase.clone(), persisted.clone());
        Callback::from(move |_: MouseEvent| {
            let (manifest, phase, persisted) = (manifest.clone(), phase.clone(), persisted.clone());
            phase.set(Phase::Keeping(0, manifest.as_ref().map_or(0, |m| m.count)));
            // Firefox asks the reader whether to keep the site's storage,
            // and answers only then: the files are stored meanwhile.
            store::start(async move { persisted.set(store::persist().await) });
            store::start(async move {
                // The list as it is now (a new build may have come since the page loaded).
                let m = match store::manifest().await {
                    Ok(m) => m,
                    Err(why) => return phase.set(Phase::Failed(why)),
                };
                manifest.set(Some(m.clone()));
                let progress = {
                    let phase = phase.clone();
                    move |done: usize, total: usize| phase.set(Phase::Keeping(done, total))
                };
                store::keep_all(m, progress, move |result| match result {
                    Ok(()) => phase.set(Phase::Kept),
                    Err(why) => phase.set(Phase::Failed(why)),
                });
            });
        })
    };

    let keeping = matches!(*phase, Phase::Keeping(..));
    let size = match &*manifest {
        Some(m) => format!("The whole library is {}; keep it in this browser?", size_text(m.total)),
        None => "Every article, and the search, can be kept in this browser to read without a connection.".to_string(),
    };
    let space = free.map(|f| match &*manifest {
        Some(m) if m.total > f => format!("This browser lets this site store {} more: not enough for the whole library.", size_text(f)),
        _ => format!("This browser lets this site store {} more.", size_text(f)),
    });
    let progress = match *phase {
        Phase::Keeping(done, total) => html! {
            <div class="keep-progress">
                <label for="keep-bar">{ "Files kept" }</label>
                <progress id="keep-bar" max={total.max(1).to_string()} value={done.to_string()}></progress>
                <span class="keep-count">{ format!("{} of {} files", count_text(done), count_text(total)) }</span>
            </div>
        },
        _ => html! {},
    };
    let status = match &*phase {
        Phase::Loading | Phase::Ready => html! {},
        Phase::Keeping(..) => html! { <p class="keep-message">{ "Keeping the library in this browser…" }</p> },
        Phase::Kept => html! { <p class="keep-message keep-done">{ "The whole library is kept in this browser: it reads and searches offline." }</p> },
        Phase::Failed(why) => html! { <p class="keep-message keep-error">{ why.clone() }</p> },
    };
    let note = match (*persisted, &*phase) {
        (Some(false), Phase::Kept) => html! {
            <p class="keep-note">{ "This browser may still remove what it keeps for the site when it runs short of space." }</p>
        },
        _ => html! {},
    };
    html! {
        <section class="keep-offline" aria-labelledby="keep-heading">
            <h2 id="keep-heading" class="panel-heading">{ "Read offline" }</h2>
            <p class="keep-size">{ size }</p>
            if let Some(space) = space { <p class="keep-space">{ space }</p> }
            <button type="button" class="keep-button" disabled={keeping || *phase == Phase::Loading} onclick={on_keep}>
                { "Keep the whole library offline" }
            </button>
            { progress }
            <div class="keep-status" role="status">{ status }</div>
            { note }
        </section>
    }
}

/// The browser's side: the Cache API, `fetch` and `navigator.storage`.
#[cfg(target_arch = "wasm32")]
mod store {
    use std::cell::{Cell, RefCell};
    use std::collections::HashSet;
    use std::future::Future;
    use std::rc::Rc;

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Cache, CacheStorage, RequestCache, RequestInit, Response};

    use super::{count_text, is_hashed, Manifest, KEPT};

    /// Files fetched at once.
    const LANES: usize = 6;

    pub fn start(f: impl Future<Output = ()> + 'static) {
        wasm_bindgen_futures::spawn_local(f);
    }

    async fn wait(p: js_sys::Promise) -> Result<JsValue, JsValue> {
        JsFuture::from(p).await
    }

    /// `fetch`, revalidating with the server when `fresh` (a file whose
    /// name stays the same from build to build).
    async fn fetch(url: &str, fresh: bool) -> Result<Response, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let init = RequestInit::new();
        if fresh {
            init.set_cache(RequestCache::NoCache);
        }
        Ok(wait(window.fetch_with_str_and_init(url, &init)).await?.unchecked_into())
    }

    /// The site's root, ending in `/` (every page of the site is at its root).
    fn root() -> Option<String> {
        let href = web_sys::window()?.location().href().ok()?;
        Some(web_sys::Url::new_with_base(".", &href).ok()?.href())
    }

    fn name_of(e: &JsValue) -> String {
        js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
    }

    pub async fn manifest() -> Result<Manifest, String> {
        let cannot = |why: &str| format!("The list of the library's files could not be read ({why}): check the connection and try again.");
        let url = format!("{}offline.json", root().unwrap_or_default());
        let r = fetch(&url, true).await.map_err(|_| cannot("no connection"))?;
        if !r.ok() {
            return Err(cannot(&format!("HTTP {}", r.status())));
        }
        // Kept, so that a run offline finds the list (and skips every file).
        if let (Ok(copy), Ok(caches)) = (r.clone(), web_sys::window().ok_or(JsValue::NULL).and_then(|w| w.caches())) {
            let url = url.clone();
            start(async move {
                if let Ok(kept) = wait(caches.open(KEPT)).await {
                    let _ = wait(kept.unchecked_into::<Cache>().put_with_str(&url, &copy)).await;
                }
            });
        }
        let text = wait(r.text().map_err(|_| cannot("unreadable"))?).await.map_err(|_| cannot("cut short"))?;
        serde_json::from_str(&text.as_string().unwrap_or_default()).map_err(|_| cannot("not the expected list"))
    }

    /// What this browser lets the site store beyond what it stores now, if it says.
    pub async fn free_space() -> Option<u64> {
        let storage = web_sys::window()?.navigator().storage();
        let estimate: web_sys::StorageEstimate = wait(storage.estimate().ok()?).await.ok()?.unchecked_into();
        Some((estimate.get_quota()? - estimate.get_usage().unwrap_or(0.0)).max(0.0) as u64)
    }

    /// Asks the browser to keep the site's storage under pressure; whether it agreed.
    pub async fn persist() -> Option<bool> {
        let storage = web_sys::window()?.navigator().storage();
        wait(storage.persist().ok()?).await.ok()?.as_bool()
    }

    /// What is called once a run ends: whether every file was kept.
    type Finish = Box<dyn FnOnce(Result<(), String>)>;

    /// One run of keeping: the files, who takes the next, what is done.
    struct Run {
        files: Vec<(String, u64)>,
        root: String,
        caches: CacheStorage,
        kept: Cache,
        next: Cell<usize>,
        done: Cell<usize>,
        lanes: Cell<usize>,
        failed: RefCell<Option<String>>,
        progress: Box<dyn Fn(usize, usize)>,
        finish: RefCell<Option<Finish>>,
    }

    /// Stores every file of `m` not yet kept, calling `progress` with the
    /// files done and their number, then `finish`.
    pub fn keep_all(m: Manifest, progress: impl Fn(usize, usize) + 'static, finish: impl FnOnce(Result<(), String>) + 'static) {
        start(async move {
            let Some(window) = web_sys::window() else { return finish(Err("No window.".into())) };
            let no_cache = || "This browser does not let this site keep files (a private window may forbid it).".to_string();
            let Ok(caches) = window.caches() else { return finish(Err(no_cache())) };
            let Ok(kept) = wait(caches.open(KEPT)).await else { return finish(Err(no_cache())) };
            let run = Rc::new(Run {
                lanes: Cell::new(LANES.min(m.files.len()).max(1)),
                files: m.files,
                root: root().unwrap_or_default(),
                caches,
                kept: kept.unchecked_into(),
                next: Cell::new(0),
                done: Cell::new(0),
                failed: RefCell::new(None),
                progress: Box::new(progress),
                finish: RefCell::new(Some(Box::new(finish))),
            });
            (run.progress)(0, run.files.len());
            for _ in 0..run.lanes.get() {
                start(lane(run.clone()));
            }
        });
    }

    /// Takes the next file until none is left or one fails; the last lane
    /// to end removes what the build no longer has and reports.
    async fn lane(run: Rc<Run>) {
        while run.failed.borrow().is_none() {
            let i = run.next.get();
            let Some((path, size)) = run.files.get(i) else { break };
            run.next.set(i + 1);
            match keep_one(&run, path, *size).await {
                Ok(()) => {
                    run.done.set(run.done.get() + 1);
                    (run.progress)(run.done.get(), run.files.len());
                }
                Err(why) => {
                    run.failed.borrow_mut().get_or_insert(why);
                }
            }
        }
        run.lanes.set(run.lanes.get() - 1);
        if run.lanes.get() > 0 {
            return;
        }
        // Taken before the match: the borrow would last through its arms.
        let failed = run.failed.borrow_mut().take();
        let result = match failed {
            Some(why) => Err(why),
            None => {
                prune(&run).await;
                Ok(())
            }
        };
        if let Some(finish) = run.finish.borrow_mut().take() {
            finish(result);
        }
    }

    /// Stores one file, unless a cache holds it already (a file named by
    /// hash: under that name; another: with the size the list gives).
    async fn keep_one(run: &Run, path: &str, size: u64) -> Result<(), String> {
        let url = format!("{}{path}", run.root);
        if let Ok(hit) = wait(run.caches.match_with_str(&url)).await {
            if let Some(hit) = hit.dyn_ref::<Response>() {
                if is_hashed(path) {
                    return Ok(());
                }
                if let Ok(blob) = hit.blob() {
                    if wait(blob).await.ok().and_then(|b| b.dyn_into::<web_sys::Blob>().ok()).is_some_and(|b| b.size() as u64 == size) {
                        return Ok(());
                    }
                }
            }
        }
        let kept = || format!("{} of {} files are kept", count_text(run.done.get()), count_text(run.files.len()));
        let r = fetch(&url, !is_hashed(path))
            .await
            .map_err(|_| format!("The connection was lost while keeping the library ({}): run it again once online to keep the rest.", kept()))?;
        if !r.ok() {
            return Err(format!("“{path}” could not be downloaded (HTTP {}); {}. Try again later.", r.status(), kept()));
        }
        wait(run.kept.put_with_str(&url, &r)).await.map_err(|e| {
            if name_of(&e) == "QuotaExceededError" {
                format!("This browser has no room left for the library ({}): free some space, then run it again.", kept())
            } else {
                format!("This browser could not store “{path}” ({}); {}.", name_of(&e), kept())
            }
        })?;
        Ok(())
    }

    /// Removes from the runtime cache the files of this site the build no
    /// longer has (pages of removed articles, older builds' bundles).
    async fn prune(run: &Run) {
        let wanted: HashSet<&str> = run.files.iter().map(|(p, _)| p.as_str()).collect();
        let Ok(keys) = wait(run.kept.keys()).await else { return };
        for request in js_sys::Array::from(&keys).iter().filter_map(|r| r.dyn_into::<web_sys::Request>().ok()) {
            let url = request.url();
            let Some(path) = url.strip_prefix(&run.root) else { continue };
            if !path.is_empty() && path != "offline.json" && !wanted.contains(path) {
                let _ = wait(run.kept.delete_with_request(&request)).await;
            }
        }
    }
}

/// Nothing runs on the server side (the panel is rendered only once the app runs).
#[cfg(not(target_arch = "wasm32"))]
mod store {
    use std::future::Future;

    use super::Manifest;

    pub fn start(_: impl Future<Output = ()> + 'static) {}
    pub async fn manifest() -> Result<Manifest, String> {
        Err(String::new())
    }
    pub async fn free_space() -> Option<u64> {
        None
    }
    pub async fn persist() -> Option<bool> {
        None
    }
    pub fn keep_all(_: Manifest, _: impl Fn(usize, usize) + 'static, _: impl FnOnce(Result<(), String>) + 'static) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_as_a_reader_reads_them() {
        assert_eq!(size_text(812), "812 bytes");
        assert_eq!(size_text(41_500), "41.5 KB");
        assert_eq!(size_text(12_345_678), "12.3 MB");
        assert_eq!(size_text(1_234_567_890), "1.2 GB");
        assert_eq!(count_text(7), "7");
        assert_eq!(count_text(412), "412");
        assert_eq!(count_text(10_032), "10,032");
        assert_eq!(count_text(1_000_000), "1,000,000");
    }

    #[test]
    fn files_named_by_hash_are_told_from_the_others() {
        assert!(is_hashed("pkg/lede_bg-0123456789.wasm"));
        assert!(is_hashed("static/lede-abcdef0123.css"));
        assert!(is_hashed("search/w-0123456789.json"));
        assert!(!is_hashed("search/root.json"));
        assert!(!is_hashed("search/f/0123456789.json"));
        assert!(!is_hashed("search/e/ada-0123456789.json"), "an entity's file, whatever its id");
        assert!(!is_hashed("a-story-0123456789.html"), "an article's page, whatever its slug");
        assert!(!is_hashed("static/icon-192.png"));
    }
}
