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
    h.click("button.size-step[aria-label='A+ larger text']").await;
    h.wait_until("document.documentElement.dataset.theme === 'sepia' && document.documentElement.dataset.size === '1'", "the display choice").await;

    h.reload().await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "highlights to stay off").await;
    h.wait_attr("button.highlight-toggle", "aria-pressed", "false").await;
    assert_eq!(h.js("return document.getElementById('article').classList.contains('hide-place')").await, json!(true));
    h.wait_attr("#whats-next button.section-toggle", "aria-expanded", "false").await;
    h.wait_attr("#russias-strategic-interests button.section-toggle", "aria-expanded", "true").await;
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

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

async fn choose_file(h: &Harness, path: &std::path::Path) {
    let input = h.client.find(fantoccini::Locator::Css("input.file-input")).await.expect("file input");
    input.send_keys(path.to_str().expect("path")).await.expect("choose the file");
}

#[tokio::test(flavor = "current_thread")]
async fn a_readers_own_file_is_analysed_kept_and_removed() {
    let h = Harness::start().await;
    h.open("index.html").await;
    let article = "Harbour Council Approves New Ferry Terminal\n\
        PORTSMOUTH, England, June 3, 2024 – The Portsmouth City Council approved a new ferry terminal on Monday, \
        two weeks after Mayor Helen Strand presented the plan.\n\
        Strand said work would begin in September.\n";
    let path = temp_file("ferry.txt", article.as_bytes());
    choose_file(&h, &path).await;
    h.wait_until("location.hash === '#/own/ferry'", "the article's own address").await;
    h.wait_until("document.querySelectorAll('#article mark[data-entity=\"helen-strand\"]').length === 2", "its highlights").await;
    let dates = h.js("return [...document.querySelectorAll('#timeline ol > li time')].map(t => t.getAttribute('datetime'))").await;
    assert!(dates.as_array().expect("dates").contains(&json!("2024-06-03")), "{dates}");
    // Kept: it survives a reload, and the library lists it.
    h.reload().await;
    h.wait_until("document.querySelector('#article h1') && document.querySelector('#article h1').textContent.includes('Ferry Terminal')", "the kept article").await;
    h.open("index.html").await;
    h.wait_until("document.querySelectorAll('.own-list li').length === 1", "the library's list").await;
    // Search finds it too, and opens it at the name.
    h.open("search.html?q=helen%20strand").await;
    h.wait_until("document.querySelector('.search-entity[data-entity=\"helen-strand\"] a[href^=\"#/own/ferry?\"]') !== null", "the own article in the results").await;
    h.click(".search-entity[data-entity='helen-strand'] a[href^='#/own/ferry?']").await;
    h.wait_until("document.getElementById('entity-card') !== null && document.getElementById('entity-card').textContent.includes('Helen Strand')", "the own article at the name").await;
    h.open("index.html").await;
    h.wait_until("document.querySelectorAll('.own-list li').length === 1", "the library's list").await;
    h.click("button.own-remove").await;
    h.wait_until("document.querySelector('.own-list') === null", "the article to be removed").await;
    assert_eq!(h.js("return localStorage.getItem('lede:own:own/ferry')").await, json!(null));
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_file_that_is_not_text_gets_a_message_and_changes_nothing() {
    let h = Harness::start().await;
    h.open("index.html").await;
    let before = h.js("return [document.querySelector('main').innerHTML.length, location.href, localStorage.length]").await;
    let png = temp_file("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    choose_file(&h, &png).await;
    h.wait_until("document.querySelector('.open-error[role=alert]') !== null", "the message").await;
    let msg = h.js("return document.querySelector('.open-error').textContent").await;
    assert!(msg.as_str().unwrap_or("").contains("photo.png"), "{msg}");
    let binary = temp_file("data.txt", b"Title\n\x00\x01\x02\x03binary");
    choose_file(&h, &binary).await;
    h.wait_until("document.querySelector('.open-error') && document.querySelector('.open-error').textContent.includes('data.txt')", "the second message").await;
    let after = h.js("return [document.querySelector('main').innerHTML.length > 0, location.href, localStorage.length]").await;
    assert_eq!(after[1], before[1], "still on the library");
    assert_eq!(after[2], before[2], "nothing was stored");
    assert_eq!(h.js("return document.querySelectorAll('.cards li.card').length").await, json!(lede::library::articles().len()));
    // Pasted text opens too.
    h.js("const t = document.getElementById('paste-text'); t.value = 'Pasted Story Title\\nBERLIN, May 2, 2023 – Chancellor Olaf Scholz spoke in Berlin.'; t.dispatchEvent(new InputEvent('input', { bubbles: true })); return 1").await;
    h.click("button.paste-open").await;
    h.wait_until("location.hash.startsWith('#/own/pasted')", "the pasted article").await;
    h.wait_until("document.querySelectorAll('#article mark[data-kind=\"person\"]').length >= 1", "its highlights").await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_name_in_the_text_opens_its_card() {
    let h = Harness::start().await;
    h.open(&format!("{SEED}.html")).await;
    h.click("#article mark[data-entity='sergei-lavrov']").await;
    h.wait_until("document.getElementById('entity-card') !== null", "the card").await;
    let text = h.js("return document.getElementById('entity-card').textContent").await;
    let text = text.as_str().unwrap_or("");
    for part in ["Sergei Lavrov", "person", "2 mentions", "Russian Foreign Minister", "1 of 2"] {
        assert!(text.contains(part), "card says {part}: {text}");
    }
    // The card sits under the mention it is about.
    let gap = h.js("const m = document.querySelector('mark.current').getBoundingClientRect(); const c = document.getElementById('entity-card').getBoundingClientRect(); return c.top - m.bottom").await;
    assert!(gap.as_f64().is_some_and(|g| (0.0..40.0).contains(&g)), "card under the mention: {gap}");
    h.click("#entity-card button.step-next").await;
    h.wait_until("document.getElementById('entity-card').textContent.includes('2 of 2')", "the next mention").await;
    h.click("#entity-card .card-close").await;
    h.wait_until("document.getElementById('entity-card') === null && document.querySelectorAll('mark.selected').length === 0", "the card to close").await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn pointing_at_or_focusing_a_name_opens_its_card() {
    let h = Harness::start().await;
    h.open(&format!("{SEED}.html")).await;
    // Pointing: the card opens after a moment and closes when the pointer leaves.
    h.hover("#article mark[data-entity='sergei-lavrov']").await;
    h.wait_until("document.getElementById('entity-card') !== null && document.getElementById('entity-card').textContent.includes('Russian Foreign Minister')", "the card on pointing").await;
    assert_eq!(h.js("return document.querySelector('mark.current').dataset.entity").await, json!("sergei-lavrov"));
    h.hover_at(5.0, 5.0).await;
    h.wait_until("document.getElementById('entity-card') === null", "the card to close when the pointer leaves").await;
    // Focusing: Tab reaches a name, its card opens; Enter moves into the card; Escape closes it.
    h.js("document.querySelector('#article mark[data-entity=\"ishaq-dar\"]').focus(); return 1").await;
    h.wait_until("document.getElementById('entity-card') !== null && document.getElementById('entity-card').textContent.includes('Ishaq Dar')", "the card on focus").await;
    h.press('\u{e004}').await; // Tab to the next name
    h.wait_until("document.activeElement.matches('#article mark[data-entity]') && document.getElementById('entity-card').textContent.includes(document.activeElement.textContent.replace(/’s$/, ''))", "the next name's card").await;
    h.press('\u{e007}').await; // Enter
    h.wait_until("document.activeElement && document.activeElement.matches('#entity-card .step-next')", "the focus in the card").await;
    h.press('\u{e00c}').await; // Escape
    h.wait_until("document.getElementById('entity-card') === null", "Escape to close the card").await;
    h.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_own_article_is_analysed_in_a_worker() {
    let h = Harness::start().await;
    h.open("index.html").await;
    // Record the workers the page starts.
    h.js("window.__workers = []; const W = window.Worker; window.Worker = function (url, opts) { window.__workers.push(String(url)); return new W(url, opts); }; return 1").await;
    let para = "Officials in Geneva said on Monday that the talks would resume. Minister Jane Doe of the Ministry of Water met envoys in Vienna. ";
    let mut text = String::from("A Very Long Report From Geneva\nGENEVA, March 3, 2024 (AP) _ ");
    while text.len() < 2_000_000 {
        text.push_str(para);
        text.push_str("\n\n");
    }
    let path = temp_file("long-report.txt", text.as_bytes());
    choose_file(&h, &path).await;
    h.wait_until("document.querySelector('.open-status') !== null || location.hash.startsWith('#/own/')", "the article to be taken").await;
    h.wait_until("document.querySelectorAll('#article mark[data-entity=\"jane-doe\"]').length > 1000", "the long article's highlights").await;
    let workers = h.js("return window.__workers").await;
    assert!(workers.as_array().is_some_and(|w| w.len() == 1 && w[0].as_str().unwrap_or("").contains("static/worker-")), "one analysis worker: {workers}");
    h.close().await;
}
