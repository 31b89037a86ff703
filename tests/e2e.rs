//! End-to-end tests: the built site (`dist/`, from `make dist`) served on
//! loopback, driven in headless Chromium over WebDriver (chromedriver).

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const SEED: &str = "russia-offers-to-mediate-kashmir";

/// A child process killed when dropped.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a loopback port").local_addr().expect("local addr").port()
}

fn wait_for_port(port: u16, what: &str) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "{what} did not start listening on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The site server and a browser session.
struct Harness {
    client: Client,
    base: String,
    _server: Proc,
    _driver: Proc,
}

impl Harness {
    async fn start() -> Harness {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dist = root.join("dist");
        assert!(dist.join("index.html").is_file(), "dist/ is not built: run `make dist` (or `make test`) first");
        let port = free_port();
        let server = Command::new("python3")
            .arg(root.join("scripts/serve.py"))
            .args(["--dir", dist.to_str().expect("utf-8 path"), "--port", &port.to_string()])
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
        Harness { client, base: format!("http://127.0.0.1:{port}/"), _server: server, _driver: driver }
    }

    /// Opens a page and waits until the app has hydrated.
    async fn open(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.base)).await.expect("navigate");
        self.wait_ready().await;
    }

    async fn wait_ready(&self) {
        self.wait_until("performance.getEntriesByName('lede:interactive').length > 0", "the app to start").await;
    }

    async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {script}: {e}"))
    }

    async fn wait_until(&self, condition: &str, what: &str) {
        let start = Instant::now();
        loop {
            if self.js(&format!("return !!({condition});")).await == Value::Bool(true) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what} ({condition})");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn click(&self, css: &str) {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}")).click().await.expect("click");
    }

    async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.expect("key press");
    }

    async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let el = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        el.attr(name).await.expect("attribute")
    }

    async fn close(self) {
        self.client.close().await.expect("close the session");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn seed_article_toggle_timeline_and_sections() {
    let h = Harness::start().await;
    h.open("").await;

    // The seed loads with its title, entities and dates.
    let title = h.js("return document.querySelector('h1').textContent").await;
    assert_eq!(title, "Russia Offers to Mediate India-Pakistan Tensions Over Kashmir");
    let ids = h.js("return [...new Set([...document.querySelectorAll('#article mark')].map(m => m.dataset.entity))].sort()").await;
    for id in ["sergei-lavrov", "ishaq-dar", "subrahmanyam-jaishankar", "russian-foreign-ministry", "pahalgam", "new-delhi"] {
        assert!(ids.as_array().expect("array").contains(&json!(id)), "mark for {id} in {ids}");
    }

    // The toggle: by button, then by the `h` key; a class on the article root.
    let toggle = "button.highlight-toggle";
    assert_eq!(h.attr(toggle, "aria-pressed").await.as_deref(), Some("true"));
    let marks_before = h.js("return document.querySelectorAll('#article mark').length").await;
    h.click(toggle).await;
    assert_eq!(h.attr(toggle, "aria-pressed").await.as_deref(), Some("false"));
    assert_eq!(h.js("return document.getElementById('article').classList.contains('hl-off')").await, json!(true));
    let bg = h.js("return getComputedStyle(document.querySelector('#article mark')).backgroundColor").await;
    assert!(bg == json!("rgba(0, 0, 0, 0)") || bg == json!("transparent"), "marks look like text when off: {bg}");
    assert_eq!(h.js("return document.querySelectorAll('#article mark').length").await, marks_before, "text not re-rendered");
    h.press('h').await;
    assert_eq!(h.attr(toggle, "aria-pressed").await.as_deref(), Some("true"));
    assert_eq!(h.js("return document.getElementById('article').classList.contains('hl-on')").await, json!(true));

    // A kind filter hides that kind only.
    h.click("button.filter[data-kind='place']").await;
    assert_eq!(h.attr("button.filter[data-kind='place']", "aria-pressed").await.as_deref(), Some("false"));
    assert_eq!(h.js("return document.getElementById('article').classList.contains('hide-place')").await, json!(true));
    h.click("button.filter[data-kind='place']").await;

    // The timeline, in date order; choosing an event focuses its sentence.
    let dates = h.js("return [...document.querySelectorAll('#timeline ol > li time')].map(t => t.getAttribute('datetime'))").await;
    assert_eq!(dates, json!(["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"]));
    h.click("#timeline ol > li:nth-child(3) button").await;
    h.wait_until("document.activeElement && document.activeElement.matches('.event-sentence')", "the sentence to take focus").await;
    let focused = h.js("return document.activeElement.textContent").await;
    assert!(focused.as_str().expect("text").contains("on Sunday"), "focused sentence: {focused}");
    h.wait_until(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()",
        "the sentence to scroll into view",
    )
    .await;

    // An entity: choose it, step through its mentions.
    h.click("button.entity-button[data-entity='sergei-lavrov']").await;
    h.wait_until("document.querySelectorAll('mark.selected[data-entity=\"sergei-lavrov\"]').length === 2", "mentions marked").await;
    let current = h.js("return [...document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')].findIndex(m => m.classList.contains('current'))").await;
    assert_eq!(current, json!(0));
    h.click(".stepper button.step:last-of-type").await;
    h.wait_until("document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')[1].classList.contains('current')", "the next mention").await;
    assert!(h.js("return document.querySelector('.step-position').textContent").await.as_str().unwrap_or("").starts_with("2 of 2"));

    // Collapse and expand a section.
    let btn = "#russias-strategic-interests button.section-toggle";
    h.click(btn).await;
    assert_eq!(h.attr(btn, "aria-expanded").await.as_deref(), Some("false"));
    assert_eq!(h.js("return document.getElementById('russias-strategic-interests-body').hidden").await, json!(true));
    h.click(btn).await;
    assert_eq!(h.attr(btn, "aria-expanded").await.as_deref(), Some("true"));

    // A table-of-contents link opens a collapsed section and scrolls to it.
    h.click("#whats-next button.section-toggle").await;
    h.js("window.scrollTo(0, 0)").await;
    h.click(".toc a[href='#whats-next']").await;
    h.wait_until("location.hash === '#whats-next'", "the hash").await;
    h.wait_until("document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'true'", "the section to open").await;
    h.wait_until("Math.abs(document.getElementById('whats-next').getBoundingClientRect().top) < 120 || scrollY + innerHeight >= document.body.scrollHeight - 2", "scrolling to the section").await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn deep_link_survives_reload() {
    let h = Harness::start().await;
    h.open(&format!("{SEED}.html#russias-strategic-interests")).await;
    h.wait_until("document.getElementById('russias-strategic-interests').getBoundingClientRect().top < 200", "the deep link to scroll").await;
    h.client.refresh().await.expect("reload");
    h.wait_ready().await;
    assert_eq!(h.js("return location.hash").await, json!("#russias-strategic-interests"));
    assert_eq!(
        h.attr("#russias-strategic-interests button.section-toggle", "aria-expanded").await.as_deref(),
        Some("true")
    );
    h.wait_until("document.getElementById('russias-strategic-interests').getBoundingClientRect().top < 200", "the section in view after reload").await;
    assert!(h.js("return scrollY").await.as_f64().unwrap_or(0.0) > 0.0);
    h.close().await;
}
