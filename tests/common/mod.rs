//! The end-to-end harness: the built site (`dist/`, from `make dist`) served
//! on loopback by `scripts/serve.py`, and a headless browser session over
//! WebDriver.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub const SEED: &str = "russia-offers-to-mediate-kashmir";

/// A child process killed when dropped.
pub struct Proc(pub Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a loopback port").local_addr().expect("local addr").port()
}

pub fn wait_for_port(port: u16, what: &str) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "{what} did not start listening on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The site server and a browser session.
pub struct Harness {
    pub client: Client,
    /// The site's URL, ending in `/`.
    pub base: String,
    server: Option<Proc>,
    _driver: Proc,
}

impl Harness {
    /// Serves `dist/` at the root and opens a browser session.
    pub async fn start() -> Harness {
        Harness::start_at("/").await
    }

    /// Serves `dist/` under the sub-path `base` (e.g. `/lede/`).
    pub async fn start_at(base: &str) -> Harness {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dist = root.join("dist");
        assert!(dist.join("index.html").is_file(), "dist/ is not built: run `make dist` (or `make test`) first");
        let port = free_port();
        let server = Command::new("python3")
            .arg(root.join("scripts/serve.py"))
            .args(["--dir", dist.to_str().expect("utf-8 path"), "--port", &port.to_string(), "--base", base])
            .env("LEDE_SERVE_QUIET", "1")
            .stdout(Stdio::null())
            .spawn()
            .expect("start scripts/serve.py");
        let server = Proc(server);
        let dport = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={dport}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start chromedriver ({e}); `make test` installs it (Debian: chromium-driver)"));
        let driver = Proc(driver);
        wait_for_port(port, "the site server");
        wait_for_port(dport, "chromedriver");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--disable-background-networking", "--disable-component-update", "--no-first-run",
                         "--window-size=1280,900"]
            }
        });
        let caps = caps.as_object().expect("object").clone();
        let client = ClientBuilder::rustls()
            .expect("tls")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{dport}"))
            .await
            .expect("a Chromium session");
        let base = format!("http://127.0.0.1:{port}/{}", base.trim_start_matches('/'));
        Harness { client, base, server: Some(server), _driver: driver }
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

    pub async fn wait_ready(&self) {
        self.wait_until("performance.getEntriesByName('lede:interactive').length > 0", "the app to start").await;
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {script}: {e}"))
    }

    pub async fn wait_until(&self, condition: &str, what: &str) {
        let start = Instant::now();
        loop {
            if self.js(&format!("return !!({condition});")).await == Value::Bool(true) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what} ({condition})");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}")).click().await.expect("click");
    }

    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.expect("key press");
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let el = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        el.attr(name).await.expect("attribute")
    }

    pub async fn close(self) {
        self.client.close().await.expect("close the session");
    }
}

