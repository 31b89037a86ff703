//! The end-to-end harness: the built site (`dist/`, from `make dist`) served
//! on loopback by `scripts/serve.py`, and a browser session over WebDriver in
//! one of three engines:
//!
//! | engine   | browser                      | driver                                   |
//! |----------|------------------------------|------------------------------------------|
//! | Chromium | Debian `chromium`, headless  | `chromedriver` (Debian `chromium-driver`) |
//! | Firefox  | Debian `firefox-esr`, headless | `geckodriver` (`cargo install geckodriver`) |
//! | WebKit   | WebKitGTK `MiniBrowser --automation`, on a private `Xvfb` display | `WebKitWebDriver` (Debian `webkit2gtk-driver`) |
//!
//! [`Harness::start`] gives Chromium; [`Harness::start_in`] takes the engine.
//! An engine that cannot start fails the test with a message saying what is
//! missing: nothing is skipped. Sessions run one at a time in a test binary
//! (a driver serves one session, and the machine may have two cores).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub const SEED: &str = "russia-offers-to-mediate-kashmir";

/// How long [`Harness::wait_until`] waits.
const WAIT: Duration = Duration::from_secs(15);

/// A browser engine, with its browser and WebDriver server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        }
    }

    /// Whether the engine can be told to emulate `prefers-color-scheme` and
    /// `prefers-reduced-motion` (WebKitGTK's driver has no way to).
    pub fn emulates_media(self) -> bool {
        self != Engine::WebKit
    }

    fn driver(self) -> &'static str {
        match self {
            Engine::Chromium => "chromedriver",
            Engine::Firefox => "geckodriver",
            Engine::WebKit => "WebKitWebDriver",
        }
    }

    fn install_hint(self) -> &'static str {
        match self {
            Engine::Chromium => "Debian packages chromium and chromium-driver",
            Engine::Firefox => "Debian package firefox-esr, and `cargo install geckodriver`",
            Engine::WebKit => "Debian packages webkit2gtk-driver (WebKitWebDriver, MiniBrowser) and xvfb",
        }
    }

    fn driver_args(self, port: u16) -> Vec<String> {
        match self {
            Engine::Chromium => vec![format!("--port={port}")],
            Engine::Firefox => vec!["--host".into(), "127.0.0.1".into(), "--port".into(), port.to_string()],
            Engine::WebKit => vec![format!("--port={port}")],
        }
    }

    fn capabilities(self, media: Media) -> Value {
        match self {
            Engine::Chromium => {
                let mut args = vec![
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=1280,900",
                ];
                if media.dark {
                    args.push("--force-dark-mode");
                }
                if media.reduced_motion {
                    args.push("--force-prefers-reduced-motion");
                }
                json!({ "browserName": "chrome", "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args } })
            }
            Engine::Firefox => {
                let mut prefs = json!({
                    "browser.shell.checkDefaultBrowser": false,
                    "app.update.enabled": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "toolkit.telemetry.enabled": false,
                    // Tab reaches links as well as form controls (the Linux default; stated for macOS-like configs).
                    "accessibility.tabfocus": 7,
                });
                if media.dark {
                    prefs["ui.systemUsesDarkTheme"] = json!(1);
                    prefs["layout.css.prefers-color-scheme.content-override"] = json!(0);
                }
                if media.reduced_motion {
                    prefs["ui.prefersReducedMotion"] = json!(1);
                }
                json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {
                        "binary": "/usr/bin/firefox-esr",
                        "args": ["-headless", "-width", "1280", "-height", "900"],
                        "prefs": prefs,
                    }
                })
            }
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": { "binary": minibrowser().to_string_lossy(), "args": ["--automation"] }
            }),
        }
    }
}

/// Media features to emulate for the whole session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Media {
    pub dark: bool,
    pub reduced_motion: bool,
}

/// WebKitGTK's `MiniBrowser` (`/usr/lib/<triplet>/webkit2gtk-4.1/MiniBrowser`).
fn minibrowser() -> PathBuf {
    std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .map(|d| d.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("WebKit: no MiniBrowser under /usr/lib/*/webkit2gtk-4.1/; install {}", Engine::WebKit.install_hint()))
}

/// A child process killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A child process leading its own process group, the whole group killed
/// when dropped (a WebDriver server and the browser it launched).
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        let pgid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{pgid}")]).stderr(Stdio::null()).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            if let Ok(Some(_)) = self.0.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pgid}")]).stderr(Stdio::null()).status();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a loopback port").local_addr().expect("local addr").port()
}

/// Serves `dir` under `base` with `scripts/serve.py`, on `port` or, given 0,
/// on a port the system picks. Returns the server with its port, read from
/// the line the server prints once it listens. (A port found free
/// beforehand can be taken by another process, such as a WebDriver server,
/// before the site server binds it.)
pub fn serve(dir: &Path, port: u16, base: &str, csp_report: Option<&Path>) -> (Proc, u16) {
    let mut cmd = Command::new("python3");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/serve.py"))
        .args(["--dir", dir.to_str().expect("utf-8 path"), "--port", &port.to_string(), "--base", base]);
    if let Some(report) = csp_report {
        cmd.arg("--csp-report").arg(report);
    }
    let mut child = cmd.env("LEDE_SERVE_QUIET", "1").stdout(Stdio::piped()).spawn().expect("start scripts/serve.py");
    let mut line = String::new();
    let out = child.stdout.take().expect("serve.py stdout");
    let _ = BufReader::new(out).read_line(&mut line);
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("scripts/serve.py did not say where it listens ({line:?})"));
    (Proc(child), port)
}

/// Starts a WebDriver server on a free port and waits until it listens.
/// If it exits first (the port was taken after it was found free), it is
/// started again on another port.
fn start_driver(engine: Engine, display: Option<&str>) -> (Group, u16) {
    for _ in 0..5 {
        let port = free_port();
        let mut cmd = Command::new(engine.driver());
        cmd.args(engine.driver_args(port)).stdout(Stdio::null()).stderr(Stdio::null()).process_group(0);
        if let Some(d) = display {
            cmd.env("DISPLAY", d);
        }
        let mut driver = Group(cmd.spawn().unwrap_or_else(|e| {
            panic!("{}: cannot start {} ({e}); `make test` installs it ({})", engine.name(), engine.driver(), engine.install_hint())
        }));
        let start = Instant::now();
        loop {
            if let Ok(Some(_)) = driver.0.try_wait() {
                break;
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return (driver, port);
            }
            assert!(start.elapsed() < Duration::from_secs(20), "{} did not start listening on port {port}", engine.driver());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("{}: {} exited at start five times", engine.name(), engine.driver())
}

/// One browser session at a time in this process.
static SESSIONS: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

struct SessionTurn;

impl SessionTurn {
    fn take() -> SessionTurn {
        let (busy, freed) = &SESSIONS;
        let mut busy = busy.lock().unwrap_or_else(|e| e.into_inner());
        while *busy {
            busy = freed.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        *busy = true;
        SessionTurn
    }
}

impl Drop for SessionTurn {
    fn drop(&mut self) {
        let (busy, freed) = &SESSIONS;
        *busy.lock().unwrap_or_else(|e| e.into_inner()) = false;
        freed.notify_one();
    }
}

/// A private X display for a browser that needs one (WebKitGTK).
fn start_xvfb() -> (Proc, String) {
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("WebKit: cannot start Xvfb ({e}); install {}", Engine::WebKit.install_hint()));
    let mut line = String::new();
    let out = child.stdout.take().expect("Xvfb stdout");
    BufReader::new(out).read_line(&mut line).expect("read the display number from Xvfb");
    let n = line.trim();
    assert!(!n.is_empty() && n.chars().all(|c| c.is_ascii_digit()), "WebKit: Xvfb gave no display number ({line:?})");
    (Proc(child), format!(":{n}"))
}

/// The site server and a browser session.
pub struct Harness {
    pub client: Client,
    /// The site's URL, ending in `/`.
    pub base: String,
    pub engine: Engine,
    server: Option<Proc>,
    // Dropped in this order: the driver (and browser), the display, then the turn.
    _driver: Group,
    _display: Option<Proc>,
    _turn: SessionTurn,
}

impl Harness {
    /// Catches the page's downloads from now on (see [`CATCH_DOWNLOADS`]).
    pub async fn catch_downloads(&self) {
        self.js(CATCH_DOWNLOADS).await;
    }

    /// Presses an export's button and returns the file it downloads: its name,
    /// MIME type and text, read back from the Blob behind the link.
    pub async fn export(&self, format: &str) -> (String, String, String) {
        let before = self.js("return window.__downloads.length").await.as_u64().expect("a count");
        self.click(&format!(".export-button[data-format='{format}']")).await;
        self.wait_until(&format!("window.__downloads.length > {before}"), &format!("the {format} download")).await;
        let got = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const d = window.__downloads[window.__downloads.length - 1];
                 const b = window.__blobs[d.href];
                 if (!b) { done({ error: 'no Blob behind ' + d.href }); return; }
                 b.text().then(t => done({ name: d.name, href: d.href, type: b.type, text: t }), e => done({ error: String(e) }));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("{}: reading the {format} export: {e}", self.engine.name()));
        assert!(got["error"].is_null(), "{}: {format}: {}", self.engine.name(), got["error"]);
        assert!(got["href"].as_str().unwrap_or("").starts_with("blob:"), "{}: {format} is a Blob: {}", self.engine.name(), got["href"]);
        let field = |k: &str| got[k].as_str().unwrap_or_default().to_string();
        (field("name"), field("type"), field("text"))
    }

    /// Serves `dist/` at the root and opens a Chromium session.
    pub async fn start() -> Harness {
        Harness::launch(Engine::Chromium, "/", Media::default()).await
    }

    /// Serves `dist/` under the sub-path `base` (e.g. `/lede/`), in Chromium.
    pub async fn start_at(base: &str) -> Harness {
        Harness::launch(Engine::Chromium, base, Media::default()).await
    }

    /// Serves `dist/` at the root and opens a session in `engine`.
    pub async fn start_in(engine: Engine) -> Harness {
        Harness::launch(engine, "/", Media::default()).await
    }

    /// Like [`Harness::start_in`], emulating media features where the engine can.
    pub async fn start_with(engine: Engine, media: Media) -> Harness {
        Harness::launch(engine, "/", media).await
    }

    /// Serves the generated library of 120 articles (`make
    /// e2e-library`, which `make test` runs; its folder is named by
    /// `LEDE_E2E_LIBRARY`) and opens a session in `engine`.
    pub async fn start_library(engine: Engine) -> Harness {
        let dist = std::env::var_os("LEDE_E2E_LIBRARY")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-library/dist"));
        assert!(dist.join("index.html").is_file(), "{} is not built: run `make e2e-library` (or `make test`) first", dist.display());
        Harness::launch_dir(engine, &dist, "/", Media::default()).await
    }

    async fn launch(engine: Engine, base: &str, media: Media) -> Harness {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dist = root.join("dist");
        assert!(dist.join("index.html").is_file(), "dist/ is not built: run `make dist` (or `make test`) first");
        Harness::launch_dir(engine, &dist, base, media).await
    }

    async fn launch_dir(engine: Engine, dist: &Path, base: &str, media: Media) -> Harness {
        let turn = SessionTurn::take();
        let (server, port) = serve(dist, 0, base, None);
        let display = (engine == Engine::WebKit).then(start_xvfb);
        let (driver, dport) = start_driver(engine, display.as_ref().map(|(_, d)| d.as_str()));
        let name = engine.name();
        let caps = engine.capabilities(media).as_object().expect("object").clone();
        let client = ClientBuilder::rustls()
            .expect("tls")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{dport}"))
            .await
            .unwrap_or_else(|e| panic!("{name}: {} could not open a browser session: {e}", engine.driver()));
        if engine != Engine::Chromium {
            // Chromium takes its size from the command line.
            let _ = client.set_window_size(1280, 900).await;
        }
        let base = format!("http://127.0.0.1:{port}/{}", base.trim_start_matches('/'));
        Harness {
            client,
            base,
            engine,
            server: Some(server),
            _driver: driver,
            _display: display.map(|(p, _)| p),
            _turn: turn,
        }
    }

    /// Stops the site server (to test what works offline).
    pub fn stop_server(&mut self) {
        self.server = None;
    }

    /// Opens a page and waits until the app has hydrated.
    pub async fn open(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.base)).await.expect("navigate");
        self.wait_ready().await;
    }

    /// Reloads the page, as a reader would who has been reading it: once
    /// the service worker has installed and controls the page. (A reload
    /// sent while the worker is still registering or installing, fetching
    /// the whole site, is held by WebKit until that job is done; once in a
    /// fresh `make test`, the reloaded page had not started 15 s later.)
    pub async fn reload(&self) {
        self.wait_until(
            "!('serviceWorker' in navigator) || navigator.serviceWorker.controller !== null",
            "the service worker to control the page",
        )
        .await;
        self.client.refresh().await.expect("reload");
        self.wait_ready().await;
    }

    pub async fn wait_ready(&self) {
        let condition = "performance.getEntriesByName('lede:interactive').length > 0";
        if let Err(thrown) = self.poll(condition).await {
            // What the page got to, to tell a slow start from a failed one.
            let state = self
                .js("return JSON.stringify({ url: location.href, readyState: document.readyState, \
                     marks: performance.getEntriesByType('mark').map(m => m.name), \
                     static: document.documentElement.classList.contains('lede-static'), \
                     controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller) })")
                .await;
            panic!("{}: timed out waiting for the app to start{thrown}; the page: {state}", self.engine.name());
        }
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{}: script failed: {script}: {e}", self.engine.name()))
    }

    /// Waits until `condition` (a JavaScript expression) is true.
    ///
    /// A condition that throws counts as not yet true: the page may be
    /// between a render and the effects that follow it (Yew's scheduler
    /// yields to the browser there once it has run for 16 ms), so an element
    /// the condition reads may not be marked yet. The last error is reported
    /// if the wait times out.
    pub async fn wait_until(&self, condition: &str, what: &str) {
        if let Err(thrown) = self.poll(condition).await {
            panic!("{}: timed out waiting for {what} ({condition}){thrown}", self.engine.name());
        }
    }

    /// Evaluates `condition` until it is true; after [`WAIT`], gives up with
    /// what it last threw (if it threw).
    async fn poll(&self, condition: &str) -> Result<(), String> {
        let start = Instant::now();
        let script = format!("try {{ return !!({condition}); }} catch (e) {{ return String(e); }}");
        loop {
            let got = self.js(&script).await;
            if got == Value::Bool(true) {
                return Ok(());
            }
            if start.elapsed() >= WAIT {
                return Err(got.as_str().map(|e| format!("; it last threw {e}")).unwrap_or_default());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the page is still: no jump under way (the viewer marks
    /// one with `<html data-jump>` until it has arrived) and the view has
    /// not scrolled for two frames. A click sent while a glide or its
    /// re-aim is moving the page can land on whatever has moved under the
    /// pointer (seen once in four runs under load: a click on the masthead's
    /// brand, sent while a contents jump was still gliding, followed no link).
    pub async fn wait_still(&self) {
        let script = "const done = arguments[arguments.length - 1];
            let last = scrollY, still = 0, frames = 0;
            const step = () => requestAnimationFrame(() => {
              frames++;
              if (document.documentElement.hasAttribute('data-jump') || scrollY !== last) { still = 0; last = scrollY; }
              else { still++; }
              if (still >= 2) done(true); else if (frames > 600) done(false); else step();
            });
            step();";
        let still = self
            .client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{}: waiting for the page to be still: {e}", self.engine.name()));
        assert_eq!(still, Value::Bool(true), "{}: the page was still moving after 600 frames", self.engine.name());
    }

    /// Clicks an element (a real pointer click) once the page is still,
    /// retrying while it is still moving into place or covered.
    pub async fn click(&self, css: &str) {
        self.wait_still().await;
        let start = Instant::now();
        loop {
            let el = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{}: no {css}: {e}", self.engine.name()));
            // A jump the page started may still be gliding (`dom::glides`),
            // which a driver's own scroll-then-click does not wait for
            // (Chromium): bring the element into view at once.
            let arg = serde_json::to_value(&el).expect("element reference");
            let _ = self
                .client
                .execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });", vec![arg])
                .await;
            match el.click().await {
                Ok(()) => return,
                Err(fantoccini::error::CmdError::Standard(e))
                    if matches!(
                        e.error,
                        fantoccini::error::ErrorStatus::ElementClickIntercepted | fantoccini::error::ErrorStatus::ElementNotInteractable
                    ) && start.elapsed() < WAIT =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await
                }
                Err(e) => panic!("{}: click {css}: {e}", self.engine.name()),
            }
        }
    }

    /// Presses and releases one key: a character, or a [`Key`] as `char`
    /// (`Key::Tab.into()`).
    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.expect("key press");
    }

    /// Moves the mouse pointer onto the centre of the first element matching `css`.
    pub async fn hover(&self, css: &str) {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        let moves = fantoccini::actions::MouseActions::new("mouse".into())
            .then(fantoccini::actions::PointerAction::MoveToElement { element, duration: None, x: 0.0, y: 0.0 });
        self.client.perform_actions(moves).await.expect("pointer move");
    }

    /// Moves the mouse pointer to a point of the viewport.
    pub async fn hover_at(&self, x: f64, y: f64) {
        let moves = fantoccini::actions::MouseActions::new("mouse".into())
            .then(fantoccini::actions::PointerAction::MoveTo { duration: None, x, y });
        self.client.perform_actions(moves).await.expect("pointer move");
    }

    /// Types text into the focused element, key by key.
    pub async fn type_text(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(keys).await.expect("typing");
    }

    /// Presses a key with Shift held.
    pub async fn press_shifted(&self, key: char) {
        let shift: char = Key::Shift.into();
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: shift });
        self.client.perform_actions(keys).await.expect("key press");
    }

    /// Waits until the element's attribute has `value`. A busy page renders
    /// its components in turns (Yew's scheduler yields to the browser after
    /// 16 ms of work), so a control's own attribute may follow, a moment
    /// later, the state a test waited for elsewhere on the page.
    pub async fn wait_attr(&self, css: &str, name: &str, value: &str) {
        let condition = format!("document.querySelector({css:?})?.getAttribute({name:?}) === {value:?}");
        self.wait_until(&condition, &format!("{css} to have {name}={value:?}")).await
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let el = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        el.attr(name).await.expect("attribute")
    }

    pub async fn close(self) {
        let Harness { client, engine, .. } = self;
        client.close().await.unwrap_or_else(|e| panic!("{}: close the session: {e}", engine.name()));
    }
}

/// Catches the page's downloads: a click on an `<a download>` is stopped
/// (so no engine writes a file or leaves the page) and its file name and
/// address are kept in `window.__downloads`; each Blob given an address is
/// kept by it in `window.__blobs` (the page's CSP lets no script fetch a
/// `blob:` address, so the test reads the Blob itself).
const CATCH_DOWNLOADS: &str = "window.__downloads = window.__downloads || [];
    window.__blobs = window.__blobs || {};
    if (!window.__catching) {
      window.__catching = true;
      const made = URL.createObjectURL.bind(URL);
      URL.createObjectURL = b => { const u = made(b); window.__blobs[u] = b; return u; };
      document.addEventListener('click', e => {
        const a = e.target instanceof Element ? e.target.closest('a[download]') : null;
        if (a) { e.preventDefault(); window.__downloads.push({ name: a.getAttribute('download'), href: a.href }); }
      }, true);
    }
    return 1";
