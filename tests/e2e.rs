//! End-to-end tests of the viewer: the built site served on loopback and
//! driven in a headless browser over WebDriver.

mod common;

use common::{Harness, SEED};
use serde_json::json;

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
