//! The site benchmarks (`make bench`): what the first view of the seed
//! article costs to transfer, how fast it paints and responds in headless
//! Chromium next to a plain static page of the same article, how the viewer
//! copes with a 100,000-word article, and how fast the analysis runs.
//!
//! ```text
//! make bench    # builds dist/ and the long article's site; prints the table, writes target/bench.json
//! ```
//!
//! - Transfer: every file the first view loads (the page, and what its
//!   `<link>`s and scripts load, followed through the JS), raw, gzip -9 and
//!   brotli q11 (`scripts/bench-compress.mjs`, Node's zlib).
//! - Loads: Lede's page and a static page written here from the same source
//!   (`target/bench/static/`: the article as plain semantic HTML with the same
//!   stylesheet, no JS) are served on loopback by `scripts/serve.py` on two
//!   origins and loaded alternately, after one uncounted pair; before each
//!   load the service worker is unregistered, Cache Storage emptied, and
//!   Chromium's HTTP cache and the origins' storage cleared (CDP), so every
//!   load is a first view. Chromium runs with the harness's flags plus
//!   `--enable-precise-memory-info --js-flags=--expose-gc`. Times are from
//!   navigation start: first contentful paint; the first paragraph painted
//!   (Element Timing, `elementtiming="article-text"`); interactive (the app's
//!   `lede:interactive` mark; the static page's `loadEventEnd`).
//! - Long article: `make bench` writes a 100,000-word report with
//!   `scripts/bench-article.py` to `target/bench/long-articles/` and builds a
//!   second site of it with `lede build` (the same viewer bundle: it holds
//!   no article) into `target/bench/long-site/`; here it is loaded, then the highlight
//!   toggle (10 presses), timeline jumps (8 events spread over the timeline,
//!   each from the top of the page, with smooth scrolling and again with
//!   reduced motion) and memory are measured.
//! - Throughput: `analyze` on an 8 MB article (whole process; one run not counted, then the median of seven), and the
//!   page's analysis worker on 4 MB (posting the text to receiving the
//!   article and its analysis).
//!
//! Targets are reported as pass/miss; a miss never fails the run.
//!
//! Under `cargo test --benches` (no `--bench` argument) it only checks its
//! own inputs: the file list, the static page and the long article.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lede_cli::site::escape;
use serde_json::{json, Value};

mod common;

use common::*;

const SEED: &str = "russia-offers-to-mediate-kashmir";
const LONG_SLUG: &str = "long-report";
const LONG_WORDS: usize = 100_000;
const NATIVE_BYTES: usize = 8_000_000;
const BROWSER_BYTES: usize = 4_000_000;
const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-gpu",
    "--disable-component-update", "--no-first-run", "--window-size=1280,900",
    // Exact performance.memory figures (otherwise rounded and cached), and gc() before reading them.
    "--enable-precise-memory-info", "--js-flags=--expose-gc",
];


fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let result = if bench { run() } else { check() };
    if let Err(e) = result {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------
// Child processes, WebDriver


// ---------------------------------------------------------------------------
// Inputs: the first view's files, the static page, the generated articles

fn dist() -> Result<PathBuf> {
    let d = root().join("dist");
    if !d.join(format!("{SEED}.html")).is_file() {
        return Err("dist/ is not built: run `make dist` (or `make bench`)".into());
    }
    Ok(d)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()))?;
        } else {
            std::fs::copy(e.path(), to.join(e.file_name()))?;
        }
    }
    Ok(())
}

/// A copy of `dist/` in `to`, so that a rebuild during the run changes nothing.
fn snapshot_dist(to: &Path) -> Result<PathBuf> {
    let mut last = String::new();
    for _ in 0..5 {
        let d = dist()?;
        let _ = std::fs::remove_dir_all(to);
        match copy_dir(&d, to) {
            Ok(()) if first_view_files(to, &format!("{SEED}.html")).is_ok_and(|f| f.iter().any(|f| f.ends_with(".wasm"))) => {
                return Ok(to.to_path_buf())
            }
            Ok(()) => last = "incomplete copy".into(),
            Err(e) => last = e.to_string(),
        }
        // dist/ is being rebuilt: try again.
        std::thread::sleep(Duration::from_secs(3));
    }
    Err(format!("cannot copy dist/ ({last})"))
}

/// What the service worker precaches beyond `first` (fetched in the background after the first view).
fn precached(dir: &Path, first: &[String]) -> Result<Vec<String>> {
    let sw = std::fs::read_to_string(dir.join("sw.js")).map_err(|e| format!("sw.js: {e}"))?;
    let list = lede_cli::site::precache_of(&sw).unwrap_or_default();
    Ok(list.into_iter().filter(|f| f != "./" && !first.contains(f) && dir.join(f).is_file()).collect())
}

/// The static page of the seed article: its text as plain semantic HTML, with
/// Lede's stylesheet (copied beside it) and no script. Written to `out/`
/// (`SEED.html`, and the same as `index.html` for the server).
fn write_static_page(dist: &Path, out: &Path) -> Result<()> {
    let source = std::fs::read_dir(root().join("articles"))
        .map_err(|e| format!("articles/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_stem().is_some_and(|s| s == SEED))
        .ok_or(format!("articles/{SEED}.* not found"))?;
    let bytes = std::fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let name = source.file_name().unwrap_or_default().to_string_lossy().to_string();
    let a = lede_analysis::read::read(&name, &bytes).map_err(|e| format!("{name}: {e}"))?;

    let html = std::fs::read_to_string(dist.join(format!("{SEED}.html"))).map_err(|e| e.to_string())?;
    let css = quoted_after(&html, "href=")
        .into_iter()
        .find(|h| h.starts_with("static/lede") && h.ends_with(".css"))
        .ok_or("no stylesheet in the seed page")?
        .to_string();
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out.join("static")).map_err(|e| e.to_string())?;
    std::fs::copy(dist.join(&css), out.join(&css)).map_err(|e| format!("copy {css}: {e}"))?;

    let mut body = String::new();
    let mut first = true;
    let mut list = false;
    for b in &a.blocks {
        use lede_analysis::model::BlockKind;
        let text = escape(a.block_text(b).trim());
        if list && b.kind != BlockKind::ListItem {
            body.push_str("</ul>\n");
            list = false;
        }
        match b.kind {
            BlockKind::Heading(l) => body.push_str(&format!("<h{l}>{text}</h{l}>\n", l = l.clamp(2, 4))),
            BlockKind::ListItem => {
                if !list {
                    body.push_str("<ul>\n");
                    list = true;
                }
                body.push_str(&format!("<li>{text}</li>\n"));
            }
            BlockKind::Quote => body.push_str(&format!("<blockquote><p>{text}</p></blockquote>\n")),
            BlockKind::Code => body.push_str(&format!("<pre><code>{text}</code></pre>\n")),
            BlockKind::Paragraph if first => {
                body.push_str(&format!("<p elementtiming=\"article-text\">{text}</p>\n"));
                first = false;
            }
            BlockKind::Paragraph => body.push_str(&format!("<p>{text}</p>\n")),
        }
    }
    if list {
        body.push_str("</ul>\n");
    }
    let page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n<main class=\"reading\">\n\
         <article id=\"article\" class=\"article\">\n<header class=\"article-header\"><h1 class=\"article-title\">{title}</h1></header>\n\
         {body}</article>\n</main>\n</body>\n</html>\n",
        title = escape(&a.title)
    );
    for f in [format!("{SEED}.html"), "index.html".to_string()] {
        std::fs::write(out.join(f), &page).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Writes a generated article to `path` (`scripts/bench-article.py`, which
/// leaves an unchanged file alone).
fn generate_article(path: &Path, size_arg: &str, size: usize) -> Result<()> {
    run_cmd(
        Command::new("python3")
            .arg(root().join("scripts/bench-article.py"))
            .args([size_arg, &size.to_string()])
            .arg(path)
            .stderr(Stdio::null()),
        "scripts/bench-article.py",
    )
}

struct ArticleStats {
    words: usize,
    bytes: usize,
    mentions: usize,
    entities: usize,
    events: usize,
}

fn stats(path: &Path) -> Result<ArticleStats> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
    let a = lede_analysis::read::read(&name, &bytes).map_err(|e| format!("{name}: {e}"))?;
    let an = lede_analysis::analysis::analyze(&a);
    Ok(ArticleStats {
        words: a.word_count(),
        bytes: bytes.len(),
        mentions: an.entities.iter().map(|e| e.mentions.len()).sum(),
        entities: an.entities.len(),
        events: an.timeline.len(),
    })
}

/// Under `cargo test --benches`: the inputs are what the benchmarks need.
fn check() -> Result<()> {
    let t = Instant::now();
    let bench = root().join("target/bench");
    if let Ok(d) = dist() {
        let files = first_view_files(&d, &format!("{SEED}.html"))?;
        for want in [".css", ".wasm", "sw.js"] {
            if !files.iter().any(|f| f.ends_with(want)) {
                return Err(format!("the first view's files have no {want}: {files:?}"));
            }
        }
        let sizes = compress(&d, &files)?;
        if sizes.iter().any(|s| s.brotli == 0 || s.brotli > s.raw.max(64)) {
            return Err(format!("odd compressed sizes: {sizes:?}"));
        }
        write_static_page(&d, &bench.join("check-static"))?;
        let page = std::fs::read_to_string(bench.join("check-static").join(format!("{SEED}.html"))).map_err(|e| e.to_string())?;
        if page.matches("elementtiming=\"article-text\"").count() != 1 || page.contains("<script") {
            return Err("the static page needs one timed paragraph and no script".into());
        }
    } else {
        println!("bench site (check): dist/ not built; checking only the long article");
    }
    let long = bench.join("check-long/long-report.txt");
    generate_article(&long, "--words", LONG_WORDS)?;
    let s = stats(&long)?;
    if s.words < LONG_WORDS || s.mentions < 10_000 || s.events < 100 {
        return Err(format!("the long article is too small: {} words, {} mentions, {} events", s.words, s.mentions, s.events));
    }
    println!(
        "bench site (check): inputs ok ({} words, {} mentions, {} timeline events) in {:.1} s",
        s.words,
        s.mentions,
        s.events,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run_cmd(cmd: &mut Command, what: &str) -> Result<()> {
    let st = cmd.status().map_err(|e| format!("{what}: {e}"))?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({st})"))
    }
}

// ---------------------------------------------------------------------------
// Measurements in the page

/// Waits for the load's figures: first contentful paint, the first paragraph
/// painted, and interactive. `args[0]`: true for Lede, false for the static page.
const LOAD_JS: &str = r#"
const lede = args[0];
const entry = (type, pick) => new Promise((resolve) => {
  const o = new PerformanceObserver((list) => {
    const e = list.getEntries().find(pick);
    if (e) { o.disconnect(); resolve(e); }
  });
  o.observe({ type, buffered: true });
});
const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out waiting for the page figures')), 120000));
const figures = (async () => {
  const fcp = await entry('paint', (e) => e.name === 'first-contentful-paint');
  const text = await entry('element', (e) => e.identifier === 'article-text');
  let interactive;
  if (lede) {
    interactive = (await entry('mark', (e) => e.name === 'lede:interactive')).startTime;
  } else {
    const nav = () => performance.getEntriesByType('navigation')[0];
    while (!(nav() && nav().loadEventEnd > 0)) await new Promise((r) => setTimeout(r, 10));
    interactive = nav().loadEventEnd;
  }
  return {
    fcp: fcp.startTime,
    text: text.renderTime || text.loadTime,
    interactive,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    // A service worker that answered the navigation (it may claim the page later, on install).
    controlled: performance.getEntriesByType('navigation')[0].workerStart > 0,
    resources: performance.getEntriesByType('resource').map((r) => r.name),
  };
})();
return await Promise.race([figures, timeout]);
"#;

/// Memory after load: the JS heap (after a gc) and the wasm linear memory.
const MEMORY_JS: &str = r#"
for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
if (self.gc) gc();
const href = document.querySelector('link[rel=modulepreload]').href;
const exports = await (await import(href)).default();
// The memory export, whatever the build named it (the viewer's exports have short names).
const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
return { js_heap: performance.memory.usedJSHeapSize, wasm: memory.buffer.byteLength };
"#;

/// Presses the highlight toggle `args[0]` times; for each, the time from the
/// click to the next painted frame (rAF, then a task), and how much of it
/// was spent waiting for that frame to begin (the click comes just after a
/// frame, so up to one frame interval: the rest is the toggle's own work).
/// Returns `[total, wait]` pairs.
const TOGGLE_JS: &str = r#"
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const button = document.querySelector('button.highlight-toggle');
if (!button) throw new Error('no button.highlight-toggle');
const times = [];
for (let i = 0; i < args[0]; i++) {
  await frame(); await frame();
  const before = button.getAttribute('aria-pressed');
  const t0 = performance.now();
  button.click();
  let begun;
  await new Promise((r) => requestAnimationFrame((t) => { begun = t; setTimeout(r, 0); }));
  times.push([performance.now() - t0, Math.max(0, begun - t0)]);
  await frame();
  if (button.getAttribute('aria-pressed') === before) throw new Error('the highlight toggle did not change');
}
return times;
"#;

/// Chooses `args[0]` timeline events spread over the timeline, each from the
/// top of the page; for each, the time from the click until the focused
/// sentence is wholly in view (checked every frame).
const TIMELINE_JS: &str = r#"
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const buttons = Array.from(document.querySelectorAll('#timeline ol > li button'));
if (buttons.length === 0) throw new Error('no timeline events');
const n = Math.min(args[0], buttons.length);
const times = [];
for (let k = 0; k < n; k++) {
  const button = buttons[Math.floor((k + 0.5) * buttons.length / n)];
  window.scrollTo({ top: 0, behavior: 'instant' });
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  await frame(); await frame();
  const t0 = performance.now();
  button.click();
  const t = await new Promise((resolve, reject) => {
    const check = () => {
      const el = document.activeElement;
      if (el && el.matches('[data-sentence]')) {
        const r = el.getBoundingClientRect();
        const h = window.innerHeight;
        if ((r.top >= 0 && r.bottom <= h) || (r.top <= 0 && r.bottom >= h)) return resolve(performance.now() - t0);
      }
      if (performance.now() - t0 > 10000) return reject(new Error('the sentence of timeline event ' + k + ' never came into view'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  times.push(t);
  // Let a smooth scroll finish before the next one.
  await new Promise((r) => setTimeout(r, 1200));
}
return times;
"#;

/// Has the page's analysis worker read and analyse `args[0]` `args[1]` times
/// (after one warm-up that loads its bundle); returns the times, from
/// posting the text to receiving the result.
const ANALYZE_JS: &str = r#"
const url = document.getElementById('lede').dataset.worker;
if (!url) throw new Error('the page names no analysis worker');
const worker = new Worker(url);
const ask = (id) => new Promise((resolve, reject) => {
  worker.onmessage = (e) => {
    // [ID, "ok", "NOTE\nWIRE-JSON"] (static/worker.js): a note line, then the analysis.
    const [got, status, text] = e.data;
    if (got !== id || status !== 'ok' || !String(text).includes('\n{')) reject(new Error('the worker gave no analysis: ' + String(text).slice(0, 200)));
    resolve();
  };
  worker.onerror = (e) => reject(new Error('the worker failed: ' + e.message));
  worker.postMessage([id, 'analyse', 'bench.txt', args[0], null, null]);
});
await ask(0);
const times = [];
for (let i = 1; i <= args[1]; i++) {
  const t0 = performance.now();
  await ask(i);
  times.push(performance.now() - t0);
}
worker.terminate();
return times;
"#;

fn nums(v: &Value) -> Vec<f64> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn max(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::NAN, f64::max)
}

// ---------------------------------------------------------------------------
// The report

/// A figure with a target: reported as pass or miss, never an error.
struct Target {
    metric: String,
    value: String,
    target: &'static str,
    pass: bool,
}

impl Target {
    fn new(metric: impl Into<String>, value: impl Into<String>, target: &'static str, pass: bool) -> Target {
        Target { metric: metric.into(), value: value.into(), target, pass }
    }

    /// The target and result columns of its table row.
    fn cells(&self) -> [String; 2] {
        [self.target.to_string(), if self.pass { "pass" } else { "MISS" }.to_string()]
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn run() -> Result<()> {
    let started = Instant::now();
    let loads: usize = std::env::var("LEDE_BENCH_LOADS").ok().and_then(|s| s.parse().ok()).unwrap_or(15).max(1);
    let work = root().join("target/bench");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let dist = snapshot_dist(&work.join("site"))?;
    let progress = |what: &str| eprintln!("bench: {what} ({:.0} s)", started.elapsed().as_secs_f64());
    let mut json = serde_json::Map::new();

    // Transfer sizes of the first view.
    progress("transfer sizes");
    let page = format!("{SEED}.html");
    let files = first_view_files(&dist, &page)?;
    let sizes = compress(&dist, &files)?;
    let total = |f: fn(&Sizes) -> u64, s: &[Sizes]| s.iter().map(f).sum::<u64>();
    let rest = precached(&dist, &files)?;
    let rest_sizes = compress(&dist, &rest)?;

    // The inputs of the other benchmarks.
    progress("static page and generated articles");
    let static_dir = work.join("static");
    write_static_page(&dist, &static_dir)?;
    // The long article and its site: `make bench` builds them.
    let long_file = work.join(format!("long-articles/{LONG_SLUG}.txt"));
    let long_site = work.join("long-site");
    if !long_site.join(format!("{LONG_SLUG}.html")).is_file() || !long_file.is_file() {
        return Err("the long article's site is not built: run `make bench`".into());
    }
    let long_stats = stats(&long_file)?;
    let big_file = work.join("analyze-8mb.txt");
    generate_article(&big_file, "--bytes", NATIVE_BYTES)?;
    let browser_file = work.join("analyze-4mb.txt");
    generate_article(&browser_file, "--bytes", BROWSER_BYTES)?;

    // Native throughput: the whole `analyze` process.
    progress("native analysis throughput");
    let analyze = env!("CARGO_BIN_EXE_analyze");
    // One run first, not counted (the file and the binary come into the page
    // cache), then the median of seven: single runs on a shared machine vary.
    run_cmd(Command::new(analyze).arg(&big_file).stdout(Stdio::null()), "analyze")?;
    let mut native = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        run_cmd(Command::new(analyze).arg(&big_file).stdout(Stdio::null()), "analyze")?;
        native.push(t.elapsed().as_secs_f64());
    }
    let big_bytes = std::fs::metadata(&big_file).map_err(|e| e.to_string())?.len() as f64;
    let native_mbs = big_bytes / 1e6 / median(&native);

    // The browser.
    let (_lede_server, lede_url) = serve(&dist)?;
    let (_static_server, static_url) = serve(&static_dir)?;
    let (_long_server, long_url) = serve(&long_site)?;
    let origins = [lede_url.as_str(), static_url.as_str(), long_url.as_str()];
    progress("starting Chromium");
    let b = Browser::start(CHROMIUM_ARGS)?;

    progress(&format!("{loads} first-view loads each of Lede and the static page"));
    // First contentful paint, text on screen, interactive, DOMContentLoaded.
    let mut lede = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut stat = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut loaded_files: BTreeSet<String> = BTreeSet::new();
    // One pair first, not counted: Chromium's own first start of a renderer.
    for i in 0..=loads {
        let order = if i % 2 == 0 { [true, false] } else { [false, true] };
        for is_lede in order {
            b.forget(&origins)?;
            let url = if is_lede { &lede_url } else { &static_url };
            b.goto(&format!("{url}{page}"))?;
            let m = b.js_async(LOAD_JS, vec![json!(is_lede)])?;
            if m["controlled"] == json!(true) {
                return Err("a load was served by a service worker: the first view was not fresh".into());
            }
            if i == 0 {
                continue;
            }
            let into = if is_lede { &mut lede } else { &mut stat };
            into.3.push(m["dcl"].as_f64().unwrap_or(f64::NAN));
            into.0.push(m["fcp"].as_f64().unwrap_or(f64::NAN));
            into.1.push(m["text"].as_f64().unwrap_or(f64::NAN));
            into.2.push(m["interactive"].as_f64().unwrap_or(f64::NAN));
            if is_lede {
                for r in m["resources"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if let Some(f) = r.strip_prefix(lede_url.as_str()) {
                        loaded_files.insert(f.split(['?', '#']).next().unwrap_or(f).to_string());
                    }
                }
            }
        }
    }
    let unlisted: Vec<&String> = loaded_files.iter().filter(|f| !files.contains(f)).collect();

    // The analysis worker, from Lede's own seed page.
    progress("analysis throughput in the browser");
    b.forget(&origins)?;
    b.goto(&format!("{lede_url}{page}"))?;
    b.js_async(LOAD_JS, vec![json!(true)])?;
    let text = std::fs::read_to_string(&browser_file).map_err(|e| e.to_string())?;
    let browser = nums(&b.js_async(ANALYZE_JS, vec![json!(text), json!(3)])?);
    let browser_mbs = text.len() as f64 / 1e6 / (median(&browser) / 1000.0);

    // The long article.
    progress("long article: load, memory, highlight toggle, timeline");
    b.forget(&origins)?;
    b.goto(&format!("{long_url}{LONG_SLUG}.html"))?;
    let long_load = b.js_async(LOAD_JS, vec![json!(true)])?;
    let mem = b.js_async(MEMORY_JS, vec![])?;
    let toggle_pairs = b.js_async(TOGGLE_JS, vec![json!(10)])?;
    let column = |i: usize| toggle_pairs.as_array().into_iter().flatten().filter_map(|p| p[i].as_f64()).collect::<Vec<f64>>();
    let (toggle, toggle_wait) = (column(0), column(1));
    let jumps = nums(&b.js_async(TIMELINE_JS, vec![json!(8)])?);
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }))?;
    let jumps_rm = nums(&b.js_async(TIMELINE_JS, vec![json!(8)])?);
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [] }))?;
    let version = b.version.clone();
    drop(b);

    // The tables.
    let total_br = total(|s| s.brotli, &sizes);
    let ms = |x: f64| format!("{x:.1} ms");
    let ms_max = |xs: &[f64]| format!("{} (max {:.1})", ms(median(xs)), max(xs));
    let mb = |x: f64| format!("{:.1} MB", x / 1e6);
    let ratio = |a: &[f64], b: &[f64]| median(a) / median(b);
    let text_ratio = ratio(&lede.1, &stat.1);
    let inter_ratio = ratio(&lede.2, &stat.2);
    let js_heap = mem["js_heap"].as_f64().unwrap_or(f64::NAN);
    let wasm_mem = mem["wasm"].as_f64().unwrap_or(f64::NAN);
    let t_transfer = Target::new("first view, brotli total", kb(total_br), "≤ 150 KB", total_br <= 150_000);
    let t_text = Target::new("article text on screen, Lede/static", format!("{text_ratio:.2}×"), "≤ 1.3×", text_ratio <= 1.3);
    let t_inter = Target::new("interactive, Lede/static", format!("{inter_ratio:.2}×"), "≤ 3×", inter_ratio <= 3.0);
    let t_toggle = Target::new("highlight toggle → next frame", ms_max(&toggle), "≤ 16 ms", median(&toggle) <= 16.0);
    let t_jump = Target::new("timeline jump → sentence in view", ms_max(&jumps), "≤ 50 ms", median(&jumps) <= 50.0);
    let t_jump_rm =
        Target::new("  the same, reduced motion (no smooth scroll)", ms_max(&jumps_rm), "≤ 50 ms", median(&jumps_rm) <= 50.0);
    let t_native = Target::new(
        format!("native: analyze on {:.1} MB, whole process", big_bytes / 1e6),
        format!("{native_mbs:.1} MB/s"),
        "≥ 20 MB/s",
        native_mbs >= 20.0,
    );

    println!("\nLede benchmarks: Chromium {version} headless over loopback; KB and MB are 10^3 and 10^6 bytes");

    let share = |b: u64| format!("{:.0}%", 100.0 * b as f64 / total_br as f64);
    let mut rows: Vec<Vec<String>> = sizes
        .iter()
        .map(|s| vec![s.file.clone(), kb(s.raw), kb(s.gzip), kb(s.brotli), share(s.brotli), String::new(), String::new()])
        .collect();
    let [target, result] = t_transfer.cells();
    rows.push(vec!["total".into(), kb(total(|s| s.raw, &sizes)), kb(total(|s| s.gzip, &sizes)), kb(total_br), share(total_br), target, result]);
    rows.push(vec![
        format!("+ precached later by the service worker ({} files)", rest_sizes.len()),
        kb(total(|s| s.raw, &rest_sizes)),
        kb(total(|s| s.gzip, &rest_sizes)),
        kb(total(|s| s.brotli, &rest_sizes)),
        String::new(),
        String::new(),
        String::new(),
    ]);
    print_table(
        &format!("Transfer size of the first view of {page} (gzip -9, brotli q11)"),
        &["file", "raw", "gzip", "brotli", "share", "target", "result"],
        &rows,
    );
    if !unlisted.is_empty() {
        println!("  note: Chromium also fetched {unlisted:?}");
    }

    let load_row = |name: &str, l: &[f64], s: &[f64], t: Option<&Target>| {
        let [target, result] = t.map(Target::cells).unwrap_or_default();
        vec![name.to_string(), ms(median(l)), ms(median(s)), format!("{:.2}×", ratio(l, s)), target, result]
    };
    print_table(
        &format!("First-view loads of {page}, median of {loads}, from navigation start"),
        &["", "Lede", "static", "Lede/static", "target", "result"],
        &[
            load_row("first contentful paint", &lede.0, &stat.0, None),
            load_row("article text on screen", &lede.1, &stat.1, Some(&t_text)),
            load_row("interactive", &lede.2, &stat.2, Some(&t_inter)),
        ],
    );

    let judged_row = |t: &Target| {
        let [target, result] = t.cells();
        vec![t.metric.clone(), t.value.clone(), target, result]
    };
    let info_row = |m: &str, v: String| vec![m.to_string(), v, String::new(), String::new()];
    print_table(
        &format!(
            "Long article: {} words, {} entities, {} mentions, {} timeline events",
            long_stats.words, long_stats.entities, long_stats.mentions, long_stats.events
        ),
        &["", "median", "target", "result"],
        &[
            info_row("load: article text on screen", ms(long_load["text"].as_f64().unwrap_or(f64::NAN))),
            info_row("load: interactive", ms(long_load["interactive"].as_f64().unwrap_or(f64::NAN))),
            judged_row(&t_toggle),
            info_row("  of which waiting for the frame to begin", ms(median(&toggle_wait))),
            judged_row(&t_jump),
            judged_row(&t_jump_rm),
            info_row("memory after load: JS heap + wasm memory", format!("{} + {} = {}", mb(js_heap), mb(wasm_mem), mb(js_heap + wasm_mem))),
        ],
    );

    print_table(
        "Analysis throughput",
        &["", "median", "target", "result"],
        &[judged_row(&t_native), info_row(&format!("browser: the analysis worker on {:.1} MB", text.len() as f64 / 1e6), format!("{browser_mbs:.1} MB/s"))],
    );

    let targets = [&t_transfer, &t_text, &t_inter, &t_toggle, &t_jump, &t_jump_rm, &t_native];
    let met = targets.iter().filter(|t| t.pass).count();
    println!(
        "\n{met} of {} targets met (a miss is reported, not an error); written to target/bench.json in {:.0} s",
        targets.len(),
        started.elapsed().as_secs_f64()
    );

    // The JSON.
    let sizes_json = |s: &[Sizes]| s.iter().map(|s| json!({ "file": s.file, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli })).collect::<Vec<_>>();
    let series = |v: &(Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>)| {
        json!({
            "dom_content_loaded_ms": { "median": median(&v.3), "samples": v.3 },
            "fcp_ms": { "median": median(&v.0), "samples": v.0 },
            "text_ms": { "median": median(&v.1), "samples": v.1 },
            "interactive_ms": { "median": median(&v.2), "samples": v.2 },
        })
    };
    json.insert("chromium".into(), json!(version));
    json.insert("loads".into(), json!(loads));
    json.insert(
        "first_view".into(),
        json!({
            "page": page,
            "files": sizes_json(&sizes),
            "total": { "raw": total(|s| s.raw, &sizes), "gzip": total(|s| s.gzip, &sizes), "brotli": total_br },
            "loaded_by_chromium": loaded_files,
            "precached_afterwards": sizes_json(&rest_sizes),
        }),
    );
    json.insert(
        "page_loads".into(),
        json!({
            "lede": series(&lede),
            "static": series(&stat),
            "ratio": { "fcp": ratio(&lede.0, &stat.0), "text": text_ratio, "interactive": inter_ratio },
        }),
    );
    json.insert(
        "long_article".into(),
        json!({
            "words": long_stats.words, "bytes": long_stats.bytes, "entities": long_stats.entities,
            "mentions": long_stats.mentions, "timeline_events": long_stats.events,
            "load": { "fcp_ms": long_load["fcp"], "text_ms": long_load["text"], "interactive_ms": long_load["interactive"] },
            "memory": { "js_heap_bytes": js_heap, "wasm_memory_bytes": wasm_mem },
            "highlight_toggle_ms": { "median": median(&toggle), "max": max(&toggle), "samples": toggle, "waiting_for_frame_median": median(&toggle_wait), "waiting_for_frame": toggle_wait },
            "timeline_jump_ms": { "median": median(&jumps), "max": max(&jumps), "samples": jumps },
            "timeline_jump_reduced_motion_ms": { "median": median(&jumps_rm), "max": max(&jumps_rm), "samples": jumps_rm },
        }),
    );
    json.insert(
        "analysis".into(),
        json!({
            "native": { "bytes": big_bytes, "seconds": native, "mb_per_s": native_mbs },
            "browser": { "bytes": text.len(), "ms": browser, "mb_per_s": browser_mbs },
        }),
    );
    json.insert(
        "targets".into(),
        json!(targets.iter().map(|t| json!({ "metric": t.metric.trim(), "value": t.value, "target": t.target, "pass": t.pass })).collect::<Vec<_>>()),
    );
    let out = root().join("target/bench.json");
    std::fs::write(&out, serde_json::to_string_pretty(&Value::Object(json)).unwrap_or_default() + "\n")
        .map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}
