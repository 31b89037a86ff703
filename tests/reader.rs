//! The reader's preferences and keyboard shortcuts, end to end in Chromium.

mod common;

use common::{Harness, SEED};
use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn preferences_survive_a_reload() {
    let h = Harness::start().await;
    h.open(&format!("{SEED}.html")).await;
    h.click("button.highlight-toggle").await;
    h.press('h').await; // back on, by key
    h.click("button.filter[data-kind='place']").await;
    h.click("#whats-next button.section-toggle").await;
    h.click("button.highlight-toggle").await; // off
    h.js("const s = document.querySelector('.theme-picker select'); s.value = 'sepia'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
    h.click("button.size-step[aria-label='Larger text']").await;
    h.wait_until("document.documentElement.dataset.theme === 'sepia' && document.documentElement.dataset.size === '1'", "the display choice").await;

    h.client.refresh().await.expect("reload");
    h.wait_ready().await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "highlights to stay off").await;
    assert_eq!(h.attr("button.highlight-toggle", "aria-pressed").await.as_deref(), Some("false"));
    assert_eq!(h.js("return document.getElementById('article').classList.contains('hide-place')").await, json!(true));
    assert_eq!(h.attr("#whats-next button.section-toggle", "aria-expanded").await.as_deref(), Some("false"));
    assert_eq!(h.attr("#russias-strategic-interests button.section-toggle", "aria-expanded").await.as_deref(), Some("true"));
    assert_eq!(h.js("return [document.documentElement.dataset.theme, document.documentElement.dataset.size, document.querySelector('.theme-picker select').value]").await, json!(["sepia", "1", "sepia"]));
    // Highlight choices are shared by every article; collapsed sections are per article.
    h.open("sample-lunar-probe.html").await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "the shared choice").await;
    assert_eq!(h.js("return document.querySelectorAll('button.section-toggle[aria-expanded=\"false\"]').length").await, json!(0));
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn keyboard_shortcuts() {
    let h = Harness::start().await;
    h.open(&format!("{SEED}.html")).await;
    h.press('?').await;
    h.wait_until("document.querySelector('.shortcuts[role=dialog]') !== null", "the shortcuts list").await;
    assert!(h.js("return document.querySelector('.shortcuts').textContent").await.as_str().unwrap_or("").contains("Next section"));
    h.press('?').await;
    h.wait_until("document.querySelector('.shortcuts') === null", "the list to close").await;
    h.press('t').await;
    h.wait_until("document.activeElement && document.activeElement.matches('#timeline ol button')", "the timeline to take focus").await;
    h.js("window.scrollTo(0, 0); document.activeElement.blur(); return 1").await;
    h.press('j').await;
    h.wait_until("document.activeElement && document.activeElement.closest('section') && document.activeElement.closest('section').id === 'russias-offer-for-political-settlement'", "the first section").await;
    h.wait_until("Math.abs(document.getElementById('russias-offer-for-political-settlement').getBoundingClientRect().top) < 40", "the first section at the top").await;
    h.press('j').await;
    h.wait_until("document.activeElement.closest('section').id === 'india-pakistan-standoff-global-concerns'", "the second section").await;
    h.press('k').await;
    h.wait_until("document.activeElement.closest('section').id === 'russias-offer-for-political-settlement'", "back to the first").await;
    // Shortcuts never fire while typing in a field.
    h.js("const s = document.querySelector('.theme-picker select'); s.focus(); return 1").await;
    h.press('h').await;
    assert_eq!(h.attr("button.highlight-toggle", "aria-pressed").await.as_deref(), Some("true"));
    h.close().await;
}
