//! Hosting and offline: the site under a sub-path, offline after one visit,
//! under a strict Content-Security-Policy, and the single-file edition
//! opened from disk. End-to-end in headless Chromium, plus static checks of
//! the built `dist/` and of the GitHub Pages workflow.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{serve, Engine, Harness, SEED};
use serde_json::{json, Value};

fn dist() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(d.join("index.html").is_file(), "dist/ is not built: run `make dist` (or `make test`) first");
    d
}

fn dist_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dist") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            dist_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_url_in_the_build_is_relative() {
    let mut files = Vec::new();
    dist_files(&dist(), &mut files);
    let mut checked = 0;
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "html" || e == "js" || e == "css" || e == "webmanifest")) {
        if f.ends_with("lede-offline.html") {
            continue; // inlined; checked by its own test
        }
        let text = std::fs::read_to_string(f).expect("utf-8");
        for attr in ["href=\"/", "src=\"/", "url(/", "\"start_url\": \"/", "from \"/", "import(\"/"] {
            assert!(!text.contains(attr), "{} has an absolute URL ({attr}…)", f.display());
        }
        assert!(!text.contains("http://127.0.0.1") && !text.contains("localhost"), "{} names a host", f.display());
        checked += 1;
    }
    assert!(checked >= 5, "checked only {checked} files");
}

#[test]
fn pages_hold_no_inline_script_or_style() {
    let mut files = Vec::new();
    dist_files(&dist(), &mut files);
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "html") && !f.ends_with("lede-offline.html")) {
        let html = std::fs::read_to_string(f).expect("utf-8");
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..i + html[i..].find('>').expect("tag end")];
            // The page's data (JSON, never run) is the one script without a source.
            assert!(tag.contains(" src=") || tag.contains("type=\"application/json\""), "{}: inline script {tag}", f.display());
        }
        assert!(!html.contains("<style") && !html.contains(" style=\""), "{}: inline style", f.display());
        assert!(!html.contains(" on") || !html.contains(" onclick="), "{}: inline handler", f.display());
    }
}

/// The path of a file of `dist/`, relative to it, with `/`.
fn rel(d: &Path, f: &Path) -> String {
    f.strip_prefix(d).expect("inside dist").to_string_lossy().replace('\\', "/")
}

#[test]
fn the_service_worker_precaches_the_shell_and_offline_json_lists_every_file() {
    let d = dist();
    let sw = std::fs::read_to_string(d.join("sw.js")).expect("sw.js");
    // `const FILES=[...]`, the list as JSON (the script is served minified).
    let list = &sw[sw.find("const FILES").expect("FILES")..];
    let list = &list[list.find('[').expect("a list")..];
    let list: Vec<String> = serde_json::Deserializer::from_str(list).into_iter().next().expect("a list").expect("a JSON list");
    let mut files = Vec::new();
    dist_files(&d, &mut files);
    let mut articles = 0;
    for f in &files {
        let rel = rel(&d, f);
        let html = if rel.ends_with(".html") { std::fs::read_to_string(f).expect("utf-8") } else { String::new() };
        let is_article = html.contains("data-view=\"article\"");
        let further_library_page = rel.starts_with("index-") && rel.ends_with(".html");
        let shard = rel.starts_with("search/") && !rel.starts_with("search/root");
        let precached = list.contains(&rel);
        if is_article || further_library_page || shard || matches!(rel.as_str(), "sw.js" | ".nojekyll" | "lede-offline.html" | "offline.json") {
            assert!(!precached, "sw.js precaches {rel}, which is kept as it is read (or not for the site)");
        } else {
            assert!(precached, "sw.js does not precache {rel}, part of the shell");
        }
        articles += usize::from(is_article);
    }
    assert!(articles >= 2, "the build has articles ({articles})");
    for shell in ["./", "index.html", "search.html"] {
        assert!(list.iter().any(|f| f == shell), "the shell holds {shell}");
    }
    // The viewer's bundles: the reader's (articles' pages), the library's
    // (its pages) and the full one (search and names' pages).
    for wasm in ["pkg/lede_bg-", "pkg/lede_library_bg-", "pkg/lede_full_bg-"] {
        assert!(list.iter().any(|f| f.starts_with(wasm) && f.ends_with(".wasm")), "the wasm {wasm}HASH.wasm is precached, named by hash");
    }
    assert!(!sw.contains("{{"), "sw.js placeholders are filled");

    // offline.json lists every file a reader needs, with its size.
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(d.join("offline.json")).expect("offline.json")).expect("JSON");
    let listed: Vec<(String, u64)> = manifest["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| (f[0].as_str().expect("path").to_string(), f[1].as_u64().expect("size")))
        .collect();
    let mut expected: Vec<(String, u64)> = files
        .iter()
        .map(|f| (rel(&d, f), std::fs::metadata(f).expect("size").len()))
        .filter(|(r, _)| !matches!(r.as_str(), "sw.js" | ".nojekyll" | "lede-offline.html" | "offline.json"))
        .collect();
    expected.sort();
    assert_eq!(listed, expected, "offline.json lists every file of the build but sw.js, .nojekyll, lede-offline.html and itself, with its size");
    assert_eq!(manifest["count"].as_u64(), Some(expected.len() as u64));
    assert_eq!(manifest["total"].as_u64(), Some(expected.iter().map(|(_, n)| n).sum::<u64>()));
}

#[test]
fn the_library_page_offers_to_keep_the_library_only_once_the_app_runs() {
    // Server-rendered, the page holds no button that would do nothing without JavaScript.
    for page in ["index.html", "search.html"] {
        let html = std::fs::read_to_string(dist().join(page)).expect("page");
        assert!(!html.contains("keep-offline") && !html.contains("Keep the whole library offline"), "{page} holds the keep panel before the app runs");
    }
}

#[test]
fn the_pages_workflow_runs_what_make_dist_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .args(["-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"])
        .arg(root.join(".github/workflows/pages.yml"))
        .output()
        .expect("python3 with PyYAML (scripts/setup.sh test installs it)");
    assert!(out.status.success(), "the workflow does not parse: {}", String::from_utf8_lossy(&out.stderr));
    let wf: Value = serde_json::from_slice(&out.stdout).expect("json");
    let steps: Vec<Value> =
        wf["jobs"].as_object().expect("jobs").values().flat_map(|j| j["steps"].as_array().cloned().unwrap_or_default()).collect();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(uses.iter().any(|u| u.starts_with("actions/upload-pages-artifact@")), "{uses:?}");
    assert!(uses.iter().any(|u| u.starts_with("actions/deploy-pages@")), "{uses:?}");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).map(str::trim).collect();
    assert!(runs.contains(&"make dist"), "the workflow builds with `make dist`: {runs:?}");
    let artifact = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))).expect("upload step");
    assert_eq!(artifact["with"]["path"], json!("dist"), "it deploys what make dist writes");
    // And `make dist` itself is what the README says builds the site.
    let dry = Command::new("make").args(["-n", "dist"]).current_dir(root).output().expect("make -n dist");
    let plan = String::from_utf8_lossy(&dry.stdout);
    assert!(plan.contains("wasm-bindgen") && plan.contains("lede build articles -o dist"), "make dist builds the bundle and the pages:\n{plan}");
}

#[tokio::test(flavor = "current_thread")]
async fn under_a_sub_path_links_and_deep_links_work() {
    let h = Harness::start_at("/lede/").await;
    h.open("").await;
    h.click(&format!(".cards a[href='{SEED}.html']")).await;
    h.wait_until(&format!("location.pathname === '/lede/{SEED}.html'"), "the article page").await;
    h.wait_ready().await;
    h.click(".toc a[href='#whats-next']").await;
    h.wait_until("location.hash === '#whats-next'", "the section link").await;
    h.client.refresh().await.expect("reload");
    h.wait_ready().await;
    assert_eq!(h.js("return location.pathname + location.hash").await, json!(format!("/lede/{SEED}.html#whats-next")));
    h.wait_until(
        "document.getElementById('whats-next').getBoundingClientRect().top < 200 || scrollY + innerHeight >= document.documentElement.scrollHeight - 2",
        "the section in view",
    )
    .await;
    assert!(h.js("return scrollY").await.as_f64().unwrap_or(0.0) > 0.0, "the page scrolled to the section");
    let failed = h.js("return performance.getEntriesByType('resource').filter(r => r.responseStatus >= 400).map(r => r.name)").await;
    assert_eq!(failed, json!([]), "every file loads under the sub-path");
    h.close().await;
}

/// Whether the service worker's runtime cache holds `url` (a JavaScript
/// expression for [`Harness::wait_until`]: true once the lookup answers yes).
fn kept(url: &str) -> String {
    format!("(caches.open('lede-kept').then(c => c.match({url})).then(r => {{ window.__kept = !!r; }}), window.__kept === true)")
}

#[tokio::test(flavor = "current_thread")]
async fn works_offline_after_one_visit() {
    let mut h = Harness::start().await;
    h.open(&format!("{SEED}.html")).await;
    h.wait_until("navigator.serviceWorker && navigator.serviceWorker.controller !== null", "the service worker to take control").await;
    // The page read is kept (this one loaded before the worker ran: the worker keeps it once it runs).
    h.wait_until(&kept("location.href"), "the article read to be kept").await;
    h.stop_server();
    h.client.refresh().await.expect("reload offline");
    h.wait_ready().await;
    assert!(h.js("return document.querySelector('h1').textContent").await.as_str().unwrap_or("").contains("Russia"));
    h.click("button.highlight-toggle").await;
    h.wait_attr("button.highlight-toggle", "aria-pressed", "false").await;
    h.click("#timeline ol > li:nth-child(1) button").await;
    h.wait_until("document.activeElement && document.activeElement.matches('.event-sentence')", "the timeline jump offline").await;
    // An article never read was not kept: a short note says so and links to the library.
    h.open("index.html").await;
    let links = h.js("return [...document.querySelectorAll('.cards .card-title a')].map(a => a.getAttribute('href'))").await;
    let other = links.as_array().expect("links").iter().filter_map(Value::as_str).find(|l| !l.starts_with(SEED)).expect("another article").to_string();
    h.client.goto(&format!("{}{other}", h.base)).await.expect("open another article");
    h.wait_until("document.querySelector('h1') && document.querySelector('h1').textContent.includes('not kept offline')", "the offline note").await;
    assert_eq!(h.js("return document.querySelectorAll('#article').length").await, json!(0), "no article: {other}");
    h.click("a[href='./']").await;
    h.wait_ready().await;
    h.wait_until("document.querySelectorAll('.cards li.card').length > 0", "the library, offline").await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn keeps_the_whole_library_offline() {
    let mut h = Harness::start().await;
    h.open("index.html").await;
    h.wait_until("(document.querySelector('.keep-size') || {}).textContent.startsWith('The whole library is ')", "the library's size").await;
    assert_eq!(h.js("return document.querySelector('.keep-status').getAttribute('role')").await, json!("status"));
    // A page an older build had, kept when it was read: removed once the whole library is kept.
    h.js("caches.open('lede-kept').then(c => c.put(new URL('removed-article.html', location.href).href, new Response('old'))); return 1").await;
    h.wait_until(&kept("new URL('removed-article.html', location.href).href"), "the older build's page to be there").await;
    h.click("button.keep-button").await;
    h.wait_until(
        "(document.querySelector('.keep-status') || {}).textContent === 'The whole library is kept in this browser: it reads and searches offline.'",
        "the whole library to be kept",
    )
    .await;
    // Every file offline.json lists is in a cache of this browser.
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(dist().join("offline.json")).expect("offline.json")).expect("JSON");
    let paths: Vec<&str> = manifest["files"].as_array().expect("files").iter().filter_map(|f| f[0].as_str()).collect();
    let missing = h
        .client
        .execute_async(
            "const [paths, done] = arguments;
             Promise.all(paths.map(p => caches.match(new URL(p, location.href).href).then(r => r ? null : p)))
               .then(m => done(m.filter(Boolean)), e => done(['error: ' + e]));",
            vec![json!(paths)],
        )
        .await
        .expect("the caches");
    assert_eq!(missing, json!([]), "files of offline.json not kept");
    let stale = h
        .client
        .execute_async(
            "const done = arguments[0]; caches.open('lede-kept').then(c => c.match(new URL('removed-article.html', location.href).href)).then(r => done(!!r));",
            vec![],
        )
        .await
        .expect("the runtime cache");
    assert_eq!(stale, json!(false), "a page no longer in the build is removed from the runtime cache");
    let links = h.js("return [...document.querySelectorAll('.cards .card-title a')].map(a => a.getAttribute('href'))").await;
    let never_opened: Vec<String> =
        links.as_array().expect("links").iter().filter_map(Value::as_str).filter(|l| !l.starts_with(SEED)).take(4).map(String::from).collect();
    assert!(never_opened.len() >= 2, "articles to read: {never_opened:?}");

    h.wait_until("navigator.serviceWorker.controller !== null", "the service worker to take control").await;
    h.stop_server();
    for article in &never_opened {
        h.open(article).await;
        let marks = h.js("return document.querySelectorAll('#article mark').length").await;
        assert!(marks.as_u64().unwrap_or(0) > 0, "{article} reads offline with its names highlighted");
        assert!(!h.js("return document.querySelector('h1').textContent").await.as_str().unwrap_or("").is_empty(), "{article}: its title");
    }
    // Search works offline too: its root, shards and fragments were kept.
    h.open("search.html?q=lavrov").await;
    h.wait_until("document.querySelector('.search-entity[data-entity=\"sergei-lavrov\"]') !== null", "a name found offline").await;
    h.wait_until("document.querySelectorAll('.search-article .search-snippet').length > 0", "articles found offline, with their snippets").await;
    // And a name's page, with its library timeline.
    h.open("search.html?name=sergei-lavrov").await;
    h.wait_until("document.querySelectorAll('.name-timeline li').length > 0", "a name's timeline offline").await;
    // Run again offline: every file is kept already, so nothing needs the network.
    h.open("index.html").await;
    h.wait_until("(document.querySelector('.keep-size') || {}).textContent.startsWith('The whole library is ')", "the size, offline").await;
    h.click("button.keep-button").await;
    h.wait_until(
        "(document.querySelector('.keep-status') || {}).textContent.startsWith('The whole library is kept')",
        "the second run, offline, to skip every file",
    )
    .await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn runs_under_the_strict_content_security_policy() {
    let h = Harness::start().await;
    let report = std::env::temp_dir().join(format!("lede-csp-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&report);
    let (_server, port) = serve(&dist(), 0, "/", Some(&report));
    let base = format!("http://127.0.0.1:{port}/");
    for page in ["index.html".to_string(), format!("{SEED}.html")] {
        h.client.goto(&format!("{base}{page}")).await.expect("open");
        h.wait_ready().await;
    }
    h.click("button.highlight-toggle").await;
    h.click("#timeline ol > li:nth-child(2) button").await;
    h.click("button.entity-button").await;
    let header = h.js("return fetch(location.href).then(r => r.headers.get('content-security-policy'))").await;
    assert!(header.as_str().unwrap_or("").starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"), "{header}");
    // The check itself works: an inline style is refused and reported.
    h.js("const s = document.createElement('style'); s.textContent = 'body{}'; document.head.appendChild(s); return 1").await;
    let start = std::time::Instant::now();
    let reports = loop {
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        if text.lines().count() >= 1 || start.elapsed() > Duration::from_secs(10) {
            tokio::time::sleep(Duration::from_millis(500)).await;
            break std::fs::read_to_string(&report).unwrap_or_default();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let lines: Vec<&str> = reports.lines().collect();
    assert_eq!(lines.len(), 1, "exactly the one planted violation is reported: {reports}");
    assert!(lines[0].contains("style-src"), "{}", lines[0]);
    let _ = std::fs::remove_file(&report);
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_single_file_edition_works_from_disk_in_chromium() {
    single_file_from_disk(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_single_file_edition_works_from_disk_in_firefox() {
    single_file_from_disk(Engine::Firefox).await;
}

async fn single_file_from_disk(engine: Engine) {
    let h = Harness::start_in(engine).await;
    let file = dist().join("lede-offline.html");
    h.client.goto(&format!("file://{}", file.display())).await.expect("open the file");
    h.wait_ready().await;
    let cards = h.js("return document.querySelectorAll('.cards li.card').length").await;
    assert_eq!(cards.as_u64(), Some(lede::library::articles().len() as u64));
    h.click(&format!(".cards a[href='#/{SEED}']")).await;
    h.wait_until("document.querySelectorAll('#article mark[data-entity=\"sergei-lavrov\"]').length === 2", "the seed with its highlights").await;
    // (The timeline and the article are separate components: each is waited for.)
    h.wait_until("document.querySelectorAll('#timeline ol > li').length === 4", "the seed's four events").await;
    h.click("button.highlight-toggle").await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "highlights off").await;
    h.click("#timeline ol > li:nth-child(4) button").await;
    h.wait_until("document.activeElement && document.activeElement.matches('.event-sentence')", "the timeline jump").await;
    h.click(&format!(".toc a[href='#/{SEED}/whats-next']")).await;
    h.wait_until(
        "document.getElementById('whats-next').getBoundingClientRect().top < 200 || scrollY + innerHeight >= document.documentElement.scrollHeight - 2",
        "the section link",
    )
    .await;
    // Back to the library through the hash.
    h.click("a.brand").await;
    h.wait_until("document.querySelector('.cards') !== null", "the library").await;
    // A reader's own text is analysed there too (by the inlined worker).
    h.js("const t = document.getElementById('paste-text'); t.value = 'Offline Story\\nOSLO, May 2, 2023 – Prime Minister Jonas Gahr Store spoke in Oslo on Monday.'; t.dispatchEvent(new InputEvent('input', { bubbles: true })); return 1").await;
    h.click("button.paste-open").await;
    h.wait_until("location.hash.startsWith('#/own/')", "the pasted article's address").await;
    h.wait_until("document.querySelectorAll('#article mark[data-kind=\"person\"]').length >= 1 && document.querySelectorAll('#timeline ol > li').length >= 1", "its highlights and timeline").await;
    // Its exports are written by the inlined worker too.
    h.wait_until("document.querySelectorAll('.export-panel .export-button').length === 5", "its export buttons").await;
    h.catch_downloads().await;
    let (file, _, text) = h.export("names-csv").await;
    assert!(file.starts_with("own-") && file.ends_with(".names.csv"), "{file}");
    assert!(text.contains("\r\nJonas Gahr Store,person,"), "{text}");
    // Search finds words in every article, in the hash.
    h.js("location.hash = '#/search?q=lavrov'; return 1").await;
    h.wait_until("document.querySelector('.search-entity[data-entity=\"sergei-lavrov\"]') !== null", "the search results").await;
    h.close().await;
}

/// Copies a folder recursively.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read") {
        let p = e.expect("entry").path();
        let dest = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_new_build_replaces_the_old_one_and_its_cache() {
    let h = Harness::start().await;
    let tmp = std::env::temp_dir().join(format!("lede-update-{}", std::process::id()));
    let (old, new) = (tmp.join("old"), tmp.join("new"));
    let _ = std::fs::remove_dir_all(&tmp);
    copy_tree(&dist(), &old);
    copy_tree(&dist(), &new);
    // The "new build": another version and a visible change to a page.
    // (HTTP dates have one-second resolution: make its files newer.)
    std::thread::sleep(Duration::from_millis(1100));
    let sw = std::fs::read_to_string(new.join("sw.js")).expect("sw.js");
    let version = &sw[sw.find("const VERSION").expect("VERSION")..];
    let version = &version[version.find('"').expect("a string") + 1..][..10];
    std::fs::write(new.join("sw.js"), sw.replace(version, "0000000000")).expect("write");
    let page = new.join(format!("{SEED}.html"));
    let html = std::fs::read_to_string(&page).expect("page");
    std::fs::write(&page, html.replace("<title>", "<title>Updated · ")).expect("write");

    let (server, port) = serve(&old, 0, "/", None);
    let url = format!("http://127.0.0.1:{port}/{SEED}.html");
    h.client.goto(&url).await.expect("open");
    h.wait_ready().await;
    h.wait_until("navigator.serviceWorker.controller !== null", "the service worker").await;
    let keys = h.js("return caches.keys().then(k => k.filter(n => n !== 'lede-kept'))").await;
    assert_eq!(keys, json!([format!("lede-{version}")]));
    h.wait_until(&kept("location.href"), "the article read to be kept").await;
    drop(server);

    let _server = serve(&new, port, "/", None);
    h.client.goto(&url).await.expect("open again");
    h.wait_ready().await;
    assert!(h.js("return document.title").await.as_str().unwrap_or("").starts_with("Updated"), "the next visit shows the new build");
    h.wait_until(
        "caches.keys().then(k => window.__keys = k.filter(n => n !== 'lede-kept')) && window.__keys \
         && window.__keys.length === 1 && window.__keys[0] === 'lede-0000000000'",
        "the old cache to be deleted",
    )
    .await;
    // The pages read are kept through the new build.
    assert!(h.js("return caches.keys()").await.as_array().is_some_and(|k| k.contains(&json!("lede-kept"))), "the runtime cache stays");
    let _ = std::fs::remove_dir_all(&tmp);
    h.close().await;
}
