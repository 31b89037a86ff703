//! What both benchmarks share (`make bench`, `make bench-scale`): child
//! processes killed when dropped, the loopback server, and a headless
//! Chromium session over WebDriver (fantoccini) with DevTools commands
//! through chromedriver; the files of a page's first view and their
//! compressed sizes.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub type Result<T, E = String> = std::result::Result<T, E>;

/// The top of the repository (this crate is `crates/cli`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A child process killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind a loopback port: {e}"))?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Waits until `port` takes connections: false if the process exits first.
pub fn wait_for_port(port: u16, what: &str, process: &mut Proc) -> Result<bool> {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(_)) = process.0.try_wait() {
            return Ok(false);
        }
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("{what} did not start listening on port {port}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(true)
}
/// `scripts/serve.py` serving `dir` (the site's own server: its headers, CSP,
/// no compression), on a port it picks and names in the line it prints once
/// it listens.
pub fn serve(dir: &Path) -> Result<(Proc, String)> {
    let mut child = Command::new("python3")
        .arg(root().join("scripts/serve.py"))
        .args(["--dir", &dir.to_string_lossy(), "--port", "0"])
        .env("LEDE_SERVE_QUIET", "1")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("start scripts/serve.py: {e}"))?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let p = Proc(child);
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .ok_or(format!("scripts/serve.py did not say where it listens ({line:?})"))?;
    Ok((p, format!("http://127.0.0.1:{port}/")))
}

/// A Chromium session over WebDriver (chromedriver), through `fantoccini`
/// as in the end-to-end tests, with CDP commands through chromedriver's
/// `goog/cdp/execute`. The benchmark itself is sequential: each call waits
/// for its answer on the session's own runtime.
pub struct Browser {
    pub rt: tokio::runtime::Runtime,
    pub client: fantoccini::Client,
    pub version: String,
    _driver: Proc,
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
pub struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

impl Browser {
    pub fn start(args: &[&str]) -> Result<Browser> {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
        // A port found free can be taken before chromedriver binds it: a
        // driver that exits at once is started again on another.
        let (driver, port) = (|| {
            for _ in 0..5 {
                let port = free_port()?;
                let child = Command::new("chromedriver")
                    .arg(format!("--port={port}"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .map_err(|e| format!("cannot start chromedriver ({e}); `scripts/setup.sh test` installs it"))?;
                let mut driver = Proc(child);
                if wait_for_port(port, "chromedriver", &mut driver)? {
                    return Ok((driver, port));
                }
            }
            Err("chromedriver exited at start five times".to_string())
        })()?;
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args },
        });
        let caps = caps.as_object().cloned().unwrap_or_default();
        let client = rt
            .block_on(
                fantoccini::ClientBuilder::rustls()
                    .map_err(|e| e.to_string())?
                    .capabilities(caps)
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .map_err(|e| format!("chromedriver could not open a session: {e}"))?;
        let version = client
            .capabilities()
            .and_then(|c| c.get("browserVersion"))
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        let long = Some(Duration::from_secs(300));
        rt.block_on(client.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(long, long, None)))
            .map_err(|e| format!("timeouts: {e}"))?;
        Ok(Browser { rt, client, version, _driver: driver })
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.rt.block_on(self.client.goto(url)).map_err(|e| format!("go to {url}: {e}"))
    }

    /// Runs an async function body; its value (or thrown error) is the result.
    pub fn js_async(&self, body: &str, args: Vec<Value>) -> Result<Value> {
        let script = format!(
            "const done = arguments[arguments.length - 1]; const args = Array.from(arguments).slice(0, -1);\n\
             (async (...args) => {{ {body} }})(...args).then((v) => done({{ ok: v }}), (e) => done({{ error: String(e && e.stack || e) }}));"
        );
        let v = self.rt.block_on(self.client.execute_async(&script, args)).map_err(|e| format!("script: {e}"))?;
        match v.get("error") {
            Some(e) => Err(format!("in the page: {}", e.as_str().unwrap_or("?"))),
            None => Ok(v["ok"].clone()),
        }
    }

    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.rt
            .block_on(self.client.issue_cmd(Cdp { cmd: cmd.to_string(), params }))
            .map_err(|e| format!("{cmd}: {e}"))
    }

    /// Makes the next load of these origins a first view: no service worker,
    /// no Cache Storage, no HTTP cache, no stored data.
    pub fn forget(&self, origins: &[&str]) -> Result<()> {
        self.js_async(
            "if (navigator.serviceWorker) for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();\n\
             if (self.caches) for (const k of await caches.keys()) await caches.delete(k);",
            vec![],
        )?;
        self.goto("about:blank")?;
        self.cdp("Network.clearBrowserCache", json!({}))?;
        for o in origins {
            self.cdp("Storage.clearDataForOrigin", json!({ "origin": o.trim_end_matches('/'), "storageTypes": "all" }))?;
        }
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.rt.block_on(self.client.clone().close());
    }
}

// ---------------------------------------------------------------------------
// The first view's files, and their compressed sizes

/// Quoted strings that follow `marker` (`href=`, `src=`, `import … from `, `new URL(`).
pub fn quoted_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        rest = &rest[i + marker.len()..];
        let t = rest.trim_start();
        if let Some(q) = t.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            if let Some(end) = t[1..].find(q) {
                out.push(&t[1..1 + end]);
            }
        }
    }
    out
}

/// Resolves `url` against the file `from` (both relative to the site root).
pub fn resolve(from: &str, url: &str) -> Option<String> {
    if url.contains("://") || url.starts_with('/') || url.starts_with("data:") || url.starts_with('#') {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in url.split(['?', '#']).next().unwrap_or("").split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The files of the first view of `page`: the page, what its `<link>`s
/// (stylesheet, module preload, icon) and `<script>`s load, and what those
/// scripts import or fetch (`import … from`, `import(…)`, `new URL(…,
/// import.meta.url)`), as far as the files exist. Not the touch icon
/// (fetched by iOS on install), nor what the service worker precaches
/// afterwards (see [`precached`]).
pub fn first_view_files(dir: &Path, page: &str) -> Result<Vec<String>> {
    let html = std::fs::read_to_string(dir.join(page)).map_err(|e| format!("{page}: {e}"))?;
    let mut todo = Vec::new();
    for tag in html.split('<').filter(|t| t.starts_with("link ") || t.starts_with("script ")) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if tag.starts_with("link ") {
            let rel = quoted_after(tag, "rel=").first().map(|r| r.to_string()).unwrap_or_default();
            if !matches!(rel.as_str(), "stylesheet" | "modulepreload" | "icon" | "manifest" | "preload") {
                continue;
            }
        }
        todo.extend(quoted_after(tag, "href=").into_iter().chain(quoted_after(tag, "src=")).filter_map(|u| resolve(page, u)));
    }
    let mut seen: Vec<String> = vec![page.to_string()];
    while let Some(f) = todo.pop() {
        if seen.contains(&f) || !dir.join(&f).is_file() {
            continue;
        }
        if f.ends_with(".js") {
            let js = std::fs::read_to_string(dir.join(&f)).map_err(|e| format!("{f}: {e}"))?;
            for m in ["from ", "import(", "new URL(", "import "] {
                todo.extend(quoted_after(&js, m).into_iter().filter_map(|u| resolve(&f, u)));
            }
        }
        seen.push(f);
    }
    Ok(seen)
}

#[derive(Clone, Debug)]
pub struct Sizes {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Raw, gzip and brotli q11 sizes of `files` (`scripts/bench-compress.mjs`).
pub fn compress(dir: &Path, files: &[String]) -> Result<Vec<Sizes>> {
    let out = Command::new("node")
        .arg(root().join("scripts/bench-compress.mjs"))
        .args(files)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("node: {e} (Node.js 20 is needed for the compressed sizes)"))?;
    if !out.status.success() {
        return Err(format!("scripts/bench-compress.mjs: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    Ok(v.iter()
        .map(|s| Sizes {
            file: s["file"].as_str().unwrap_or("").to_string(),
            raw: s["raw"].as_u64().unwrap_or(0),
            gzip: s["gzip"].as_u64().unwrap_or(0),
            brotli: s["brotli"].as_u64().unwrap_or(0),
        })
        .collect())
}

/// Prints a table of figures under its title: the first column
/// left-aligned, the figures right-aligned, a rule under the header.
pub fn print_table<H: AsRef<str>>(title: &str, header: &[H], rows: &[Vec<String>]) {
    let header: Vec<String> = header.iter().map(|h| h.as_ref().to_string()).collect();
    let cols = header.len();
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            let pad = w[i] - c.chars().count();
            if i == 0 {
                s.push_str(&format!(" {c}{}", " ".repeat(pad)));
            } else {
                s.push_str(&format!("  {}{c}", " ".repeat(pad)));
            }
        }
        println!("{}", s.trim_end());
    };
    println!("\n{title}");
    line(&header);
    println!("  {}", "-".repeat(w.iter().sum::<usize>() + 2 * (cols - 1)));
    for r in rows {
        line(r);
    }
}
