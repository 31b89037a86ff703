//! End-to-end tests of the viewer: the built site served on loopback and
//! driven over WebDriver in Chromium, Firefox and WebKit.
//!
//! Every scenario runs in every engine, as `chromium::NAME`, `firefox::NAME`
//! and `webkit::NAME`; run one engine with a filter, e.g.
//! `cargo test --release --test e2e -- webkit::`. An engine that cannot
//! start fails its tests, saying what is missing.

mod common;

use common::{Engine, Harness, Media, SEED};
use serde_json::{json, Value};

/// Declares each scenario (an `async fn(Engine)`) once per engine.
macro_rules! in_every_engine {
    ($($scenario:ident),* $(,)?) => {
        in_every_engine!(@engine chromium, Chromium, $($scenario),*);
        in_every_engine!(@engine firefox, Firefox, $($scenario),*);
        in_every_engine!(@engine webkit, WebKit, $($scenario),*);
    };
    (@engine $module:ident, $engine:ident, $($scenario:ident),*) => {
        mod $module {
            $(
                #[tokio::test(flavor = "current_thread")]
                async fn $scenario() {
                    super::$scenario(super::Engine::$engine).await
                }
            )*
        }
    };
}

in_every_engine!(
    loads_the_seed,
    collapses_and_expands_a_section,
    deep_link_survives_reload,
    toggles_highlights_by_button_and_key,
    filters_one_kind,
    steps_through_an_entity,
    timeline_event_brings_its_sentence_into_view,
    toc_link_opens_a_collapsed_section,
    everything_by_keyboard_alone,
    every_control_reachable_with_a_focus_ring,
    no_axe_violations_in_light_and_dark,
    highlights_keep_contrast_and_differ_by_more_than_colour,
    honours_reduced_motion,
    search_finds_an_entity_and_opens_its_article_at_the_mention,
    an_articles_search_box_opens_the_search_page,
    an_own_article_without_a_date_takes_one_from_the_reader,
    downloads_every_export_of_an_article_and_of_ones_own,
    corrects_ones_own_article_in_the_page,
    a_library_of_many_shards_pages_searches_and_shows_a_names_timeline,
    keeps_a_library_of_many_shards_and_reads_and_searches_it_offline,
    every_view_fits_a_phone_screen,
);

/// The seed article's page.
const PAGE: &str = "russia-offers-to-mediate-kashmir.html";

const TAB: char = '\u{e004}';
const ENTER: char = '\u{e007}';
const SPACE: char = '\u{e00d}';

/// A section scrolled to: at the top of the view, or as near as the page's
/// end allows (viewport heights differ between engines).
fn section_at_top(id: &str) -> String {
    format!(
        "(() => {{ const t = document.getElementById('{id}').getBoundingClientRect().top;
                  const end = Math.abs(scrollY - (document.documentElement.scrollHeight - innerHeight)) < 2;
                  return Math.abs(t) < 120 || (end && t >= 0 && t < innerHeight); }})()"
    )
}

/// A sentence is in view: inside the viewport, top to bottom.
const ACTIVE_IN_VIEW: &str =
    "(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()";

async fn loads_the_seed(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let title = h.js("return document.querySelector('h1').textContent").await;
    assert_eq!(title, "Russia Offers to Mediate India-Pakistan Tensions Over Kashmir");
    let ids = h.js("return [...new Set([...document.querySelectorAll('#article mark')].map(m => m.dataset.entity))].sort()").await;
    for id in ["sergei-lavrov", "ishaq-dar", "subrahmanyam-jaishankar", "russian-foreign-ministry", "pahalgam", "new-delhi"] {
        assert!(ids.as_array().expect("array").contains(&json!(id)), "{}: mark for {id} in {ids}", engine.name());
    }
    let dates = h.js("return document.querySelectorAll('#article time[datetime]').length").await;
    assert!(dates.as_u64().unwrap_or(0) >= 4, "{}: dates marked in the text: {dates}", engine.name());
    // The timeline is an ordered list, in date order, that keeps its list role
    // without bullets (WebKit drops it from lists with `list-style: none`).
    h.wait_attr("#timeline ol.events", "role", "list").await;
    let dates = h.js("return [...document.querySelectorAll('#timeline ol > li time')].map(t => t.getAttribute('datetime'))").await;
    assert_eq!(dates, json!(["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"]));
    h.close().await;
}

async fn collapses_and_expands_a_section(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let btn = "#russias-strategic-interests button.section-toggle";
    h.wait_attr(btn, "aria-controls", "russias-strategic-interests-body").await;
    h.wait_attr(btn, "aria-expanded", "true").await;
    h.click(btn).await;
    h.wait_until(&format!("document.querySelector('{btn}').getAttribute('aria-expanded') === 'false'"), "the section to collapse").await;
    assert_eq!(h.js("return document.getElementById('russias-strategic-interests-body').hidden").await, json!(true));
    h.click(btn).await;
    h.wait_until(&format!("document.querySelector('{btn}').getAttribute('aria-expanded') === 'true'"), "the section to expand").await;
    assert_eq!(h.js("return document.getElementById('russias-strategic-interests-body').hidden").await, json!(false));
    h.close().await;
}

async fn deep_link_survives_reload(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(&format!("{SEED}.html#russias-strategic-interests")).await;
    let in_view = section_at_top("russias-strategic-interests");
    h.wait_until(&in_view, "the deep link to scroll").await;
    h.reload().await;
    assert_eq!(h.js("return location.hash").await, json!("#russias-strategic-interests"));
    h.wait_attr("#russias-strategic-interests button.section-toggle", "aria-expanded", "true").await;
    h.wait_until(&in_view, "the section in view after reload").await;
    assert!(h.js("return scrollY").await.as_f64().unwrap_or(0.0) > 0.0);
    h.close().await;
}

async fn toggles_highlights_by_button_and_key(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let toggle = "button.highlight-toggle";
    h.wait_attr(toggle, "aria-pressed", "true").await;
    let marks_before = h.js("return document.querySelectorAll('#article mark').length").await;
    let date_sample = "return getComputedStyle(document.querySelector('.legend .date-swatch')).borderBottomColor";
    let sample_on = h.js(date_sample).await;
    h.click(toggle).await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "highlights off").await;
    h.wait_attr(toggle, "aria-pressed", "false").await;
    assert_ne!(h.js(date_sample).await, sample_on, "{}: the legend's date sample fades with the dates", engine.name());
    let bg = h.js("return getComputedStyle(document.querySelector('#article mark')).backgroundColor").await;
    assert!(bg == json!("rgba(0, 0, 0, 0)") || bg == json!("transparent"), "{}: marks look like text when off: {bg}", engine.name());
    assert_eq!(h.js("return document.querySelectorAll('#article mark').length").await, marks_before, "text not re-rendered");
    h.click(toggle).await;
    h.wait_until("document.getElementById('article').classList.contains('hl-on')", "highlights on").await;
    h.press('h').await;
    h.wait_until("document.getElementById('article').classList.contains('hl-off')", "`h` to turn highlights off").await;
    h.wait_attr(toggle, "aria-pressed", "false").await;
    h.press('h').await;
    h.wait_until("document.getElementById('article').classList.contains('hl-on')", "`h` to turn highlights on").await;
    h.wait_attr(toggle, "aria-pressed", "true").await;
    h.close().await;
}

async fn filters_one_kind(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let place = "button.filter[data-kind='place']";
    h.click(place).await;
    h.wait_until("document.getElementById('article').classList.contains('hide-place')", "places hidden").await;
    h.wait_attr(place, "aria-pressed", "false").await;
    let look = "(k) => getComputedStyle(document.querySelector(`#article mark[data-kind=${k}]`)).backgroundColor";
    let place_bg = h.js(&format!("return ({look})('place')")).await;
    let person_bg = h.js(&format!("return ({look})('person')")).await;
    assert!(place_bg == json!("rgba(0, 0, 0, 0)") || place_bg == json!("transparent"), "{}: places unmarked: {place_bg}", engine.name());
    assert!(person_bg != place_bg, "{}: people still marked: {person_bg}", engine.name());
    h.click(place).await;
    h.wait_until("!document.getElementById('article').classList.contains('hide-place')", "places shown again").await;
    h.wait_attr(place, "aria-pressed", "true").await;
    h.close().await;
}

async fn steps_through_an_entity(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    h.click("button.entity-button[data-entity='sergei-lavrov']").await;
    h.wait_until("document.querySelectorAll('mark.selected[data-entity=\"sergei-lavrov\"]').length === 2", "mentions marked").await;
    h.wait_attr("button.entity-button[data-entity='sergei-lavrov']", "aria-pressed", "true").await;
    let current = h.js("return [...document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')].findIndex(m => m.classList.contains('current'))").await;
    assert_eq!(current, json!(0));
    h.click(".stepper button.step:last-of-type").await;
    h.wait_until("document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')[1].classList.contains('current')", "the next mention").await;
    h.wait_until("document.querySelector('.step-position').textContent.startsWith('2 of 2')", "the position to read 2 of 2").await;
    h.wait_until(
        "(() => { const r = document.querySelector('mark.current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()",
        "the current mention in view",
    )
    .await;
    h.click(".stepper button.step:last-of-type").await;
    h.wait_until("document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')[0].classList.contains('current')", "stepping to wrap round").await;
    h.close().await;
}

async fn timeline_event_brings_its_sentence_into_view(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    h.click("#timeline ol > li:nth-child(3) button").await;
    h.wait_until("document.activeElement && document.activeElement.matches('.event-sentence')", "the sentence to take focus").await;
    let focused = h.js("return document.activeElement.textContent").await;
    assert!(focused.as_str().expect("text").contains("on Sunday"), "{}: focused sentence: {focused}", engine.name());
    h.wait_until(ACTIVE_IN_VIEW, "the sentence to scroll into view").await;
    h.wait_attr("#timeline ol > li:nth-child(3) button", "aria-current", "true").await;
    h.close().await;
}

async fn toc_link_opens_a_collapsed_section(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    h.click("#whats-next button.section-toggle").await;
    h.wait_until("document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'false'", "the section to collapse").await;
    h.js("window.scrollTo(0, 0)").await;
    h.click(".toc a[href='#whats-next']").await;
    h.wait_until("location.hash === '#whats-next'", "the hash").await;
    h.wait_until("document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'true'", "the section to open").await;
    h.wait_until(&section_at_top("whats-next"), "scrolling to the section").await;
    // Keyboard focus follows into the section, as the browser's own
    // following of a link would start the next Tab there.
    h.wait_until("document.activeElement.matches('#whats-next button.section-toggle')", "focus in the section").await;
    h.close().await;
}

/// Presses Tab until the focused element matches `css`; fails after `max`
/// presses, naming where focus went.
async fn tab_to(h: &Harness, css: &str, max: usize) {
    let check = format!(
        "const a = document.activeElement; return [!!a && a.matches({css}), a ? a.tagName + '.' + a.className + ' ' + (a.textContent || '').trim().slice(0, 30) : 'none'];",
        css = serde_json::to_string(css).expect("json")
    );
    let mut trail = Vec::new();
    for _ in 0..max {
        h.press(TAB).await;
        let r = h.js(&check).await;
        if r[0] == json!(true) {
            return;
        }
        trail.push(r[1].as_str().unwrap_or("?").to_string());
    }
    panic!("{}: Tab did not reach {css} in {max} presses; focus went: {}", h.engine.name(), trail.join(" → "));
}

async fn expect(h: &Harness, condition: &str, what: &str) {
    h.wait_until(condition, what).await
}

async fn everything_by_keyboard_alone(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;

    // The first stop is the skip link.
    h.press(TAB).await;
    expect(&h, "document.activeElement.matches('a.skip-link')", "the skip link first").await;

    // A contents link opens its section (collapsed first, by keyboard) and the link survives a reload.
    tab_to(&h, "#whats-next button.section-toggle", 120).await;
    h.press(ENTER).await;
    expect(&h, "document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'false'", "Enter to collapse").await;
    for _ in 0..200 {
        // Shift+Tab back up to the table of contents.
        h.press_shifted(TAB).await;
        if h.js("return document.activeElement.matches(\".toc a[href='#whats-next']\")").await == json!(true) {
            break;
        }
    }
    expect(&h, "document.activeElement.matches(\".toc a[href='#whats-next']\")", "Shift+Tab back to the contents link").await;
    h.press(ENTER).await;
    expect(&h, "location.hash === '#whats-next'", "the contents link to follow").await;
    expect(&h, "document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'true'", "the linked section to open").await;
    expect(&h, &section_at_top("whats-next"), "the linked section in view").await;
    h.reload().await;
    assert_eq!(h.js("return location.hash").await, json!("#whats-next"));
    expect(&h, "document.querySelector('#whats-next button').getAttribute('aria-expanded') === 'true'", "the section open after reload").await;

    // Start again from the top of the page.
    h.open(PAGE).await;

    // Highlights: the toggle by Space and Enter, then by `h`.
    tab_to(&h, "button.highlight-toggle", 40).await;
    h.press(SPACE).await;
    expect(&h, "document.getElementById('article').classList.contains('hl-off')", "Space to turn highlights off").await;
    h.press(ENTER).await;
    expect(&h, "document.getElementById('article').classList.contains('hl-on')", "Enter to turn highlights on").await;
    h.press('h').await;
    expect(&h, "document.querySelector('button.highlight-toggle').getAttribute('aria-pressed') === 'false'", "`h` off").await;
    h.press('h').await;
    expect(&h, "document.querySelector('button.highlight-toggle').getAttribute('aria-pressed') === 'true'", "`h` on").await;

    // One kind's filter.
    tab_to(&h, "button.filter[data-kind='place']", 10).await;
    h.press(ENTER).await;
    expect(&h, "document.getElementById('article').classList.contains('hide-place')", "Enter to hide places").await;
    h.press(SPACE).await;
    expect(&h, "!document.getElementById('article').classList.contains('hide-place')", "Space to show places").await;

    // Collapse and expand a section.
    let toggle = "#russias-strategic-interests button.section-toggle";
    tab_to(&h, toggle, 60).await;
    h.press(ENTER).await;
    expect(&h, &format!("document.querySelector('{toggle}').getAttribute('aria-expanded') === 'false'"), "Enter to collapse").await;
    expect(&h, "document.getElementById('russias-strategic-interests-body').hidden", "the body hidden").await;
    h.press(SPACE).await;
    expect(&h, &format!("document.querySelector('{toggle}').getAttribute('aria-expanded') === 'true'"), "Space to expand").await;

    // A timeline event: focus moves to its sentence, scrolled into view.
    tab_to(&h, "#timeline ol > li:nth-child(3) button", 120).await;
    h.press(ENTER).await;
    expect(&h, "document.activeElement.matches('.event-sentence')", "the sentence to take focus").await;
    let focused = h.js("return document.activeElement.textContent").await;
    assert!(focused.as_str().unwrap_or("").contains("on Sunday"), "{}: focused sentence: {focused}", engine.name());
    expect(&h, ACTIVE_IN_VIEW, "the sentence in view").await;

    // An entity, then its mentions one by one.
    tab_to(&h, "button.entity-button[data-entity='sergei-lavrov']", 150).await;
    h.press(ENTER).await;
    expect(&h, "document.querySelectorAll('mark.selected[data-entity=\"sergei-lavrov\"]').length === 2", "Enter to choose the entity").await;
    tab_to(&h, ".stepper button.step:last-of-type", 3).await;
    h.press(ENTER).await;
    expect(&h, "document.querySelector('.step-position').textContent.startsWith('2 of 2')", "Enter for the next mention").await;
    expect(&h, "document.querySelectorAll('mark[data-entity=\"sergei-lavrov\"]')[1].classList.contains('current')", "the second mention current").await;
    h.press(SPACE).await;
    expect(&h, "document.querySelector('.step-position').textContent.startsWith('1 of 2')", "Space to wrap to the first").await;
    h.close().await;
}

/// Tabs through the whole page: every visible control is reached, and each
/// shows a focus ring while focused.
async fn every_control_reachable_with_a_focus_ring(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let controls = h
        .js("const cs = [...document.querySelectorAll('a[href], button:not([disabled]), [tabindex]:not([tabindex=\"-1\"])')]
               .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                            && !e.closest('[hidden]'));
             cs.forEach((e, i) => e.dataset.k = i);
             return cs.length;")
        .await
        .as_u64()
        .expect("a count") as usize;
    assert!(controls > 20, "{}: only {controls} controls found", engine.name());
    let probe = "const a = document.activeElement;
        if (!a || a === document.body || a === document.documentElement) return null;
        const cs = getComputedStyle(a);
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 && cs.outlineColor !== 'transparent'
                      && !/rgba\\(.*, 0\\)$/.test(cs.outlineColor)) || cs.boxShadow !== 'none';
        let shown = true;
        for (let e = a; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 0.5) shown = false;
        const r = a.getBoundingClientRect();
        const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        return { k: a.dataset.k ?? null, what: a.tagName + '.' + a.className + ' ' + (a.textContent || '').trim().slice(0, 30),
                 ring, shown, inView, fv: a.matches(':focus-visible') };";
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for _ in 0..controls + 10 {
        h.press(TAB).await;
        let mut r = h.js(probe).await;
        // Give a fade-in or a scroll into view a moment to finish.
        for _ in 0..20 {
            if r.is_null() || ["ring", "shown", "inView", "fv"].iter().all(|f| r[*f] == json!(true)) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            r = h.js(probe).await;
        }
        if r.is_null() {
            if !seen.is_empty() {
                break; // Focus left the page after the last control.
            }
            continue;
        }
        let what = r["what"].as_str().unwrap_or("?").to_string();
        if let Some(k) = r["k"].as_str() {
            if !seen.insert(k.to_string()) {
                break; // Wrapped round to the start.
            }
        }
        for (flag, problem) in [("ring", "no focus ring"), ("shown", "invisible"), ("inView", "not scrolled into view"), ("fv", "not :focus-visible")] {
            if r[flag] != json!(true) {
                problems.push(format!("{what}: {problem}"));
            }
        }
    }
    let missing = h
        .js(&format!(
            "const seen = new Set({}); return [...document.querySelectorAll('[data-k]')].filter(e => !seen.has(e.dataset.k))
               .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30));",
            serde_json::to_string(&seen).expect("json")
        ))
        .await;
    assert_eq!(missing, json!([]), "{}: controls Tab never reached", engine.name());
    assert!(problems.is_empty(), "{}: focus problems:\n  {}", engine.name(), problems.join("\n  "));
    h.close().await;
}

/// axe-core's WCAG 2.1 A and AA rules, run in the page.
async fn axe(h: &Harness, state: &str) -> Vec<String> {
    static AXE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let source = AXE.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; `make test` installs axe-core (npm ci in tools/)", path.display()))
    });
    let script = format!(
        "const done = arguments[arguments.length - 1];
         if (!window.axe) {{ {source}\n }}
         window.axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }}, resultTypes: ['violations'] }})
           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n      '
                 + v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('\\n      '))),
                 e => done(['axe failed: ' + e]));"
    );
    let out = h
        .client
        .execute_async(&script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{}: running axe-core ({state}): {e}", h.engine.name()));
    out.as_array().expect("a list").iter().map(|v| format!("[{state}] {}", v.as_str().unwrap_or("?"))).collect()
}

async fn set_highlights(h: &Harness, on: bool) {
    // The switch and the article are two components, rendered in turns on a
    // busy page: read the switch once the two agree.
    let agree = "document.getElementById('article').classList.contains(\
                 document.querySelector('button.highlight-toggle').getAttribute('aria-pressed') === 'true' ? 'hl-on' : 'hl-off')";
    h.wait_until(agree, "the highlight switch and the article to agree").await;
    let pressed = h.attr("button.highlight-toggle", "aria-pressed").await;
    if (pressed.as_deref() == Some("true")) != on {
        h.click("button.highlight-toggle").await;
    }
    let class = if on { "hl-on" } else { "hl-off" };
    h.wait_until(&format!("document.getElementById('article').classList.contains('{class}')"), class).await;
    h.wait_attr("button.highlight-toggle", "aria-pressed", if on { "true" } else { "false" }).await;
}

/// Zero violations with highlights on and off, in the light and dark themes
/// (by `data-theme`, and by the emulated `prefers-color-scheme` where the
/// driver can), and with an entity and an event chosen.
async fn no_axe_violations_in_light_and_dark(engine: Engine) {
    let media = Media { dark: engine.emulates_media(), reduced_motion: true };
    let h = Harness::start_with(engine, media).await;
    h.open(PAGE).await;
    let mut violations = Vec::new();
    let mut themes = vec![("light", Some("light")), ("dark", Some("dark"))];
    if engine.emulates_media() {
        assert_eq!(
            h.js("return matchMedia('(prefers-color-scheme: dark)').matches").await,
            json!(true),
            "{}: prefers-color-scheme: dark is emulated",
            engine.name()
        );
        themes.push(("dark by prefers-color-scheme", None));
    }
    for (name, theme) in themes {
        match theme {
            Some(t) => h.js(&format!("document.documentElement.dataset.theme = '{t}'")).await,
            None => h.js("delete document.documentElement.dataset.theme").await,
        };
        let bg = h.js("return getComputedStyle(document.body).backgroundColor").await;
        let dark = name.starts_with("dark");
        assert_eq!(bg == json!("rgb(23, 24, 26)"), dark, "{}: the {name} theme applies (body background {bg})", engine.name());
        for on in [true, false] {
            set_highlights(&h, on).await;
            violations.extend(axe(&h, &format!("{name}, highlights {}", if on { "on" } else { "off" })).await);
        }
        // An entity and an event chosen, a section collapsed.
        set_highlights(&h, true).await;
        h.click("button.entity-button[data-entity='sergei-lavrov']").await;
        h.wait_until("document.querySelector('mark.current')", "a current mention").await;
        h.click("#timeline ol > li:nth-child(2) button").await;
        h.wait_until("document.activeElement.matches('.event-sentence')", "the event's sentence").await;
        h.click("#whats-next button.section-toggle").await;
        h.wait_until("document.getAnimations().every(a => a.playState !== 'running')", "animations to end").await;
        violations.extend(axe(&h, &format!("{name}, entity and event chosen")).await);
        h.click("button.entity-button[data-entity='sergei-lavrov']").await;
        h.click("#whats-next button.section-toggle").await;
        h.wait_until("!document.querySelector('mark.selected')", "the choice cleared").await;
    }
    assert!(violations.is_empty(), "{}: axe-core WCAG 2.1 A/AA violations:\n  {}", engine.name(), violations.join("\n  "));
    h.close().await;
}

/// Scroll jumps are instant and the sentence flash does not animate under
/// `prefers-reduced-motion: reduce`; without it, it does. WebKitGTK's driver
/// cannot emulate the preference, so there the stylesheet's rule is checked
/// as the engine parsed it.
async fn honours_reduced_motion(engine: Engine) {
    let flash_animation = "(() => { const s = document.querySelector('.event-sentence.flash'); return s && getComputedStyle(s).animationName; })()";
    if engine.emulates_media() {
        let h = Harness::start_with(engine, Media { dark: false, reduced_motion: true }).await;
        h.open(PAGE).await;
        assert_eq!(h.js("return matchMedia('(prefers-reduced-motion: reduce)').matches").await, json!(true), "{}: emulated", engine.name());
        h.click("#timeline ol > li:nth-child(3) button").await;
        h.wait_until("document.querySelector('.event-sentence.flash')", "the flash").await;
        assert_eq!(h.js(&format!("return {flash_animation}")).await, json!("none"), "{}: no animation", engine.name());
        assert_eq!(h.js("return getComputedStyle(document.documentElement).scrollBehavior").await, json!("auto"));
        // The jump is instant: the sentence is in view at once.
        assert_eq!(h.js(&format!("return {ACTIVE_IN_VIEW}")).await, json!(true), "{}: instant jump", engine.name());
        h.close().await;
    }
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    let reduced = h.js("return matchMedia('(prefers-reduced-motion: reduce)').matches").await;
    if reduced == json!(false) {
        h.click("#timeline ol > li:nth-child(3) button").await;
        h.wait_until("document.querySelector('.event-sentence.flash')", "the flash").await;
        assert_eq!(h.js(&format!("return {flash_animation}")).await, json!("lede-flash"), "{}: the flash animates", engine.name());
    }
    let rule: Value = h
        .js("for (const sheet of document.styleSheets) for (const r of sheet.cssRules)
               if (r.media && /prefers-reduced-motion:\\s*reduce/.test(r.media.mediaText))
                 return [...r.cssRules].map(c => c.cssText).join(' ');
             return null;")
        .await;
    let rule = rule.as_str().unwrap_or_else(|| panic!("{}: no prefers-reduced-motion rule in the stylesheet", engine.name()));
    assert!(rule.contains("animation") && rule.contains("none"), "{}: reduced-motion rule: {rule}", engine.name());
    // Jumps choose their own behaviour (`dom::glides`, instant under reduced
    // motion); the page itself never scrolls smoothly, which would animate
    // the scroll that brings a control reached by Tab into view.
    let smooth = h
        .js("for (const sheet of document.styleSheets) for (const r of sheet.cssRules)
               if (/scroll-behavior:\\s*smooth/.test(r.cssText)) return r.cssText;
             return null;")
        .await;
    assert_eq!(smooth, Value::Null, "{}: a smooth-scrolling rule", engine.name());
    h.close().await;
}

/// Each kind's highlighted text keeps AA contrast (4.5:1) on its tint, also
/// when current, in every theme; each kind has its own underline style, so
/// colour is not the only cue.
async fn highlights_keep_contrast_and_differ_by_more_than_colour(engine: Engine) {
    let h = Harness::start_with(engine, Media { dark: false, reduced_motion: true }).await;
    h.open(PAGE).await;
    let measure = "
        const rgb = s => { const m = s.match(/[\\d.]+/g).map(Number); return { c: m.slice(0, 3), a: m.length > 3 ? m[3] : 1 }; };
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const over = (top, under) => top.c.map((v, i) => v * top.a + under[i] * (1 - top.a));
        const page = rgb(getComputedStyle(document.body).backgroundColor).c;
        const ratio = el => { const cs = getComputedStyle(el); const fg = over(rgb(cs.color), page);
                              const bg = over(rgb(cs.backgroundColor), page);
                              const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
        const out = {};
        for (const k of ['person', 'organization', 'place', 'group']) {
          const m = document.querySelector(`.lead mark[data-kind=${k}], .section-body mark[data-kind=${k}]`);
          if (!m) continue;
          const cs = getComputedStyle(m);
          out[k] = { ratio: ratio(m), line: cs.textDecorationLine.includes('underline') ? cs.textDecorationStyle : 'no underline' };
        }
        const t = document.querySelector('.section-body time, .lead time');
        out.date = { ratio: ratio(t), line: getComputedStyle(t).textDecorationLine.includes('underline') ? getComputedStyle(t).textDecorationStyle : 'no underline' };
        const cur = document.querySelector('mark.current');
        if (cur) out.current = { ratio: ratio(cur) };
        return out;";
    for theme in ["light", "dark", "sepia"] {
        h.js(&format!("document.documentElement.dataset.theme = '{theme}'")).await;
        for chosen in [false, true] {
            if chosen {
                h.click("button.entity-button[data-entity='sergei-lavrov']").await;
                h.wait_until("document.querySelector('mark.current')", "a current mention").await;
            }
            let m = h.js(measure).await;
            let kinds = m.as_object().expect("an object");
            assert!(kinds.len() >= 5, "{}: kinds measured: {m}", engine.name());
            for (kind, v) in kinds {
                let r = v["ratio"].as_f64().unwrap_or(0.0);
                assert!(r >= 4.5, "{}: {kind} text contrast {r:.2}:1 in the {theme} theme (needs 4.5:1): {m}", engine.name());
            }
            if !chosen {
                let lines: std::collections::BTreeSet<String> = ["person", "organization", "place", "group"]
                    .iter()
                    .filter_map(|k| kinds.get(*k))
                    .map(|v| v["line"].as_str().unwrap_or("").to_string())
                    .collect();
                assert_eq!(lines.len(), 4, "{}: each kind has its own underline style: {m}", engine.name());
                assert!(!lines.contains("no underline"), "{}: every kind is underlined: {m}", engine.name());
                assert_eq!(kinds["date"]["line"], json!("dotted"), "{}: dates have a dotted underline: {m}", engine.name());
            } else {
                h.click("button.entity-button[data-entity='sergei-lavrov']").await;
                h.wait_until("!document.querySelector('mark.current')", "the choice cleared").await;
            }
        }
    }
    h.close().await;
}

async fn search_finds_an_entity_and_opens_its_article_at_the_mention(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open("index.html").await;
    // The library's page loads the library bundle, which holds no search:
    // `/` focuses the search box from anywhere, and Enter opens the search
    // page, which loads the search's code.
    assert_eq!(h.js(WASM_LOADED).await, json!(["lede_library_bg"]), "{}: the library's page loads the library bundle", engine.name());
    h.press('/').await;
    h.wait_until("document.activeElement && document.activeElement.id === 'search-input'", "the search box to take focus").await;
    h.type_text("lavrov").await;
    assert!(h.js("return location.pathname").await.as_str().unwrap_or("").ends_with("/index.html"), "{}: typing stays on the library", engine.name());
    h.press(ENTER).await;
    h.wait_until("location.pathname.endsWith('/search.html') && location.search === '?q=lavrov'", "the search's own address").await;
    h.wait_ready().await;
    assert_eq!(h.js("return document.getElementById('search-input').value").await, json!("lavrov"));
    h.wait_until("document.querySelector('.search-entity[data-entity=\"sergei-lavrov\"]') !== null", "the entity result").await;
    let count = h.js("return document.querySelector('.search-entity[data-entity=\"sergei-lavrov\"] .search-entity-count').textContent").await;
    assert_eq!(count, json!("Sergei Lavrov: 2 articles"), "{}", engine.name());
    let hits = h.js("return [...document.querySelectorAll('.search-snippet mark.search-hit')].map(m => m.textContent.toLowerCase())").await;
    assert!(hits.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(|m| m == "lavrov")), "{hits}");
    let mut violations = axe(&h, "search results").await;
    h.js("document.documentElement.dataset.theme = 'dark'; return 1").await;
    violations.extend(axe(&h, "search results, dark").await);
    h.js("delete document.documentElement.dataset.theme; return 1").await;
    assert!(violations.is_empty(), "{}: {}", engine.name(), violations.join("\n"));
    // The entity's link opens the article at its first mention, card open,
    // with the search's matches marked.
    h.click(&format!(".search-entity[data-entity='sergei-lavrov'] a[href^='{PAGE}']")).await;
    h.wait_ready().await;
    h.wait_until(&format!("location.pathname.endsWith('/{PAGE}') && new URLSearchParams(location.search).get('e') === 'sergei-lavrov'"), "the article").await;
    h.wait_until("document.getElementById('entity-card') !== null && document.getElementById('entity-card').textContent.includes('1 of 2')", "the card at the first mention").await;
    h.wait_until("(() => { const r = document.querySelector('#article mark.current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()", "the mention in view").await;
    assert_eq!(h.js("return document.querySelector('#article mark.current').textContent").await, json!("Sergei Lavrov"));
    // The card's position reads on one line, and its buttons stay inside it.
    let fits = h
        .js("const p = document.querySelector('#entity-card .step-position'); \
             const card = document.getElementById('entity-card').getBoundingClientRect(); \
             return p.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(p).fontSize) \
               && [...document.querySelectorAll('#entity-card button')].every(b => b.getBoundingClientRect().right <= card.right);")
        .await;
    assert_eq!(fits, json!(true), "{}: the card's steps fit it", engine.name());
    h.wait_until("document.querySelectorAll('#article mark.search-hit').length === 2", "the matches marked in the article").await;
    assert!(h.js("return document.querySelector('.search-bar').textContent").await.as_str().unwrap_or("").contains("2 matches"));
    let violations = axe(&h, "article opened from a search").await;
    assert!(violations.is_empty(), "{}: {}", engine.name(), violations.join("\n"));
    // Back returns to the results, query and all.
    h.client.back().await.expect("back");
    h.wait_ready().await;
    h.wait_until("location.pathname.endsWith('/search.html') && document.getElementById('search-input').value === 'lavrov' && document.querySelector('.search-entity') !== null", "the results again").await;
    h.close().await;
}

/// The wasm files a page loaded, by name (`lede_bg-…`, `lede_full_bg-…`).
const WASM_LOADED: &str = "return performance.getEntriesByType('resource').map(r => r.name.split('/').pop()).filter(n => n.endsWith('.wasm')).map(n => n.split('-')[0])";

/// An article's page loads the reader's bundle, which holds no search: its
/// search box is a form for the search page, which loads the full bundle
/// and shows the results, the query still in the box.
async fn an_articles_search_box_opens_the_search_page(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open(PAGE).await;
    assert_eq!(h.js(WASM_LOADED).await, json!(["lede_bg"]), "{}: an article's page loads the reader's bundle", engine.name());
    h.press('/').await;
    h.wait_until("document.activeElement && document.activeElement.id === 'search-input'", "the search box to take focus").await;
    h.type_text("lavrov").await;
    assert!(h.js("return location.pathname").await.as_str().unwrap_or("").ends_with(PAGE), "{}: typing stays on the article", engine.name());
    h.press(ENTER).await;
    h.wait_until("location.pathname.endsWith('/search.html') && location.search === '?q=lavrov'", "the search page").await;
    h.wait_ready().await;
    h.wait_until("document.querySelector('.search-entity[data-entity=\"sergei-lavrov\"]') !== null", "the entity result").await;
    assert_eq!(h.js("return document.getElementById('search-input').value").await, json!("lavrov"));
    assert_eq!(h.js(WASM_LOADED).await, json!(["lede_full_bg"]), "{}: the search page loads the full bundle", engine.name());
    // Back returns to the article.
    h.client.back().await.expect("back");
    h.wait_ready().await;
    h.wait_until(&format!("location.pathname.endsWith('/{PAGE}')"), "the article again").await;
    h.close().await;
}

/// A reader's own article whose dateline gives no date (`WASHINGTON —`):
/// the page says its relative dates cannot be placed and offers a field; a
/// date given there places them (the article is analysed again), and it is
/// kept with the article across a reload. An article with a dated dateline
/// says which date its dates are placed against instead.
async fn an_own_article_without_a_date_takes_one_from_the_reader(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open("index.html").await;
    let paste = |text: &str| {
        format!(
            "const t = document.getElementById('paste-text'); t.value = {}; t.dispatchEvent(new InputEvent('input', {{ bubbles: true }})); return 1",
            serde_json::to_string(text).expect("text")
        )
    };
    h.js(&paste("Council Approves Budget\nWASHINGTON — The city council approved the budget on Monday, officials said.")).await;
    h.click("button.paste-open").await;
    h.wait_until("document.getElementById('published-date') !== null", "the date field").await;
    assert_eq!(h.js("return document.getElementById('published-date').value").await, json!(""));
    assert_eq!(h.js("return document.querySelectorAll('#timeline time[datetime=\"2024-03-11\"]').length").await, json!(0));
    h.js("const i = document.getElementById('published-date'); i.value = '2024-03-13'; i.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
    h.wait_until("document.querySelector('#timeline time[datetime=\"2024-03-11\"]') !== null", "Monday placed in the week of the date given").await;
    assert!(h.js("return document.getElementById('published-hint').textContent").await.as_str().unwrap_or("").contains("which you gave"));
    h.reload().await;
    h.wait_until(
        "document.getElementById('published-date') !== null && document.getElementById('published-date').value === '2024-03-13' && document.querySelector('#timeline time[datetime=\"2024-03-11\"]') !== null",
        "the date kept with the article",
    )
    .await;
    // A dateline with a date: no field, the date it gives.
    h.open("index.html").await;
    h.js(&paste("Council Approves Budget\nSPRINGFIELD, March 13, 2024 — The city council approved the budget on Monday.")).await;
    h.click("button.paste-open").await;
    h.wait_until("document.querySelector('.published-note time[datetime=\"2024-03-13\"]') !== null", "the date the article gives").await;
    assert_eq!(h.js("return document.getElementById('published-date')").await, json!(null));
    h.close().await;
}


/// Every export of an article page, downloaded from its Export panel (with
/// the keyboard for one of them) and read back: the TimelineJS JSON and
/// CSV, the iCalendar file (one all-day event per timeline event, the
/// page's address as its URL), the names as CSV and the analysis as JSON.
/// Then a reader's own article, which has the same panel.
async fn downloads_every_export_of_an_article_and_of_ones_own(engine: Engine) {
    let name = engine.name();
    let h = Harness::start_in(engine).await;
    h.open(&format!("{PAGE}#russias-strategic-interests")).await;
    h.wait_until("document.querySelectorAll('.export-panel .export-button').length === 5", "the export buttons").await;
    h.catch_downloads().await;
    // The files are made in the analysis worker: without it, the panel says
    // a file could not be made, and makes it once the worker can start.
    let worker = h.js("const r = document.getElementById('lede'); const w = r.dataset.worker; r.dataset.worker = w.replace(/[^/]*$/, 'no-such-worker.js'); return w").await;
    h.click(".export-button[data-format='timelinejs']").await;
    h.wait_until("(document.querySelector('.export-panel .export-status')?.textContent ?? '').startsWith('The file could not be made')", "the failed export said").await;
    h.js(&format!("document.getElementById('lede').dataset.worker = {worker}; return 1")).await;
    let address = format!("{}{PAGE}", h.base);
    let days = ["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"];

    let (file, mime, text) = h.export("timelinejs").await;
    assert_eq!((file.as_str(), mime.as_str()), ("russia-offers-to-mediate-kashmir.timelinejs.json", "application/json"), "{name}");
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: TimelineJS JSON: {e}\n{text}"));
    let starts: Vec<String> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let d = &e["start_date"];
            format!("{}-{:02}-{:02}", d["year"], d["month"].as_u64().unwrap_or(0), d["day"].as_u64().unwrap_or(0))
        })
        .collect();
    assert_eq!(starts, days, "{name}: one slide per event, dated by year, month and day");
    assert!(doc["events"].as_array().unwrap().iter().all(|e| e["text"]["headline"].as_str().is_some_and(|s| !s.is_empty())));
    assert_eq!(doc["title"]["text"]["headline"], json!("Russia Offers to Mediate India-Pakistan Tensions Over Kashmir"));
    let title_text = doc["title"]["text"]["text"].as_str().unwrap_or("");
    assert!(title_text.contains(&address) && !title_text.contains('#'), "{name}: the page's address without its anchor: {title_text}");

    let (file, mime, text) = h.export("timelinejs-csv").await;
    assert_eq!((file.as_str(), mime.as_str()), ("russia-offers-to-mediate-kashmir.timelinejs.csv", "text/csv;charset=utf-8"), "{name}");
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines[0], "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background");
    assert_eq!(lines.len(), 2 + days.len(), "{name}: header, title and one row per event:\n{text}");
    assert!(lines[2].starts_with("2025,4,22,"), "{name}: {}", lines[2]);

    // The calendar, by the keyboard: focus its button and press Enter.
    h.js("document.querySelector(\".export-button[data-format='ics']\").focus(); return 1").await;
    let before = h.js("return window.__downloads.length").await.as_u64().unwrap_or(0);
    h.press(ENTER).await;
    h.wait_until(&format!("window.__downloads.length > {before}"), "the calendar downloaded by Enter").await;
    let (file, mime, text) = h.export("ics").await;
    assert_eq!((file.as_str(), mime.as_str()), ("russia-offers-to-mediate-kashmir.ics", "text/calendar;charset=utf-8"), "{name}");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{name}: {text}");
    let unfolded = text.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), days.len(), "{name}");
    let starts: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).collect();
    assert_eq!(starts, days.map(|d| d.replace('-', "")), "{name}");
    assert!(lines.contains(&"DTEND;VALUE=DATE:20250423"), "{name}: an all-day event ends the next day");
    assert!(lines.contains(&format!("URL:{address}").as_str()), "{name}: the page's address as the URL:\n{unfolded}");
    assert!(lines.iter().any(|l| l.starts_with("DTSTAMP:") && l.ends_with('Z')), "{name}");

    let (file, mime, text) = h.export("names-csv").await;
    assert_eq!((file.as_str(), mime.as_str()), ("russia-offers-to-mediate-kashmir.names.csv", "text/csv;charset=utf-8"), "{name}");
    assert!(text.starts_with("name,kind,description,mentions,first sentence\r\n"), "{name}: {text}");
    assert!(text.contains("\r\nSergei Lavrov,person,"), "{name}: {text}");

    let (file, mime, text) = h.export("json").await;
    assert_eq!((file.as_str(), mime.as_str()), ("russia-offers-to-mediate-kashmir.analysis.json", "application/json"), "{name}");
    let report: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: analysis JSON: {e}"));
    assert_eq!(report["published"], json!("2025-05-06"));
    let dates: Vec<&str> = report["timeline"].as_array().expect("timeline").iter().filter_map(|e| e["date"].as_str()).collect();
    assert_eq!(dates, days, "{name}");
    assert!(report["entities"].as_array().expect("entities").iter().any(|e| e["id"] == json!("sergei-lavrov")));
    // Nothing was downloaded twice for one press, nor for the press that failed.
    assert_eq!(h.js("return window.__downloads.length").await, json!(6), "{name}");
    assert_eq!(h.js("return document.querySelector('.export-panel .export-status').textContent").await, json!(""), "{name}");

    // One's own article has the panel too; its address is its view's.
    h.open("index.html").await;
    h.js("const t = document.getElementById('paste-text'); t.value = 'Harbour Reopens\\nPORTSMOUTH, March 13, 2024 — Mayor Ann Reyes reopened the harbour on Monday.'; t.dispatchEvent(new InputEvent('input', { bubbles: true })); return 1").await;
    h.click("button.paste-open").await;
    h.wait_until("document.querySelectorAll('.export-panel .export-button').length === 5", "the own article's export buttons").await;
    h.catch_downloads().await;
    let (file, _, text) = h.export("ics").await;
    assert!(file.starts_with("own-") && file.ends_with(".ics"), "{name}: {file}");
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20240311\r\n"), "{name}: Monday before 13 March 2024:\n{unfolded}");
    let url = unfolded.split("\r\n").find_map(|l| l.strip_prefix("URL:")).unwrap_or("").to_string();
    assert!(url.starts_with(&h.base) && url.contains("#/own/"), "{name}: the own article's address: {url}");
    let (_, _, text) = h.export("names-csv").await;
    assert!(text.contains("\r\nAnn Reyes,person,"), "{name}: {text}");
    h.close().await;
}

/// A reader corrects their own article in the page: a name's kind (kept
/// across a reload), a timeline event removed and the removal undone, the
/// corrections copied as TOML; corrections that cannot be read leave the
/// article shown, with a note. No axe violations with the controls open.
async fn corrects_ones_own_article_in_the_page(engine: Engine) {
    let h = Harness::start_in(engine).await;
    h.open("index.html").await;
    let text = "Council Approves Budget\nWASHINGTON, March 13, 2024 — Mayor Anna Berg said the Blue Harbor terminal will reopen on Monday. The city council approved the budget on Tuesday, officials said. Berg thanked the Parks Department on Friday.";
    h.js(&format!(
        "const t = document.getElementById('paste-text'); t.value = {}; t.dispatchEvent(new InputEvent('input', {{ bubbles: true }})); return 1",
        serde_json::to_string(text).expect("text")
    ))
    .await;
    h.click("button.paste-open").await;
    let kinds = |kind: &str| {
        format!(
            "(() => {{ const m = [...document.querySelectorAll('mark[data-entity=\"blue-harbor\"]')]; return m.length > 0 && m.every(e => e.dataset.kind === '{kind}'); }})()"
        )
    };
    h.wait_until(&kinds("place"), "Blue Harbor marked as a place").await;
    // Choose the name; its card has a Correct area (own articles only).
    h.click("mark[data-entity='blue-harbor']").await;
    h.wait_until("document.querySelector('#entity-card .card-correct summary') !== null", "the card's Correct area").await;
    h.click("#entity-card .card-correct summary").await;
    h.wait_until("document.getElementById('correct-kind') && document.getElementById('correct-kind').getClientRects().length > 0", "the kind field").await;
    assert_eq!(h.js("return document.getElementById('correct-kind').value").await, json!("place"));
    let same: Vec<String> = serde_json::from_value(
        h.js("return [...document.querySelectorAll('#correct-same option')].map(o => o.value).filter(v => v)").await,
    )
    .expect("names");
    assert!(same.contains(&"Anna Berg".to_string()) && !same.contains(&"Blue Harbor".to_string()), "{same:?}");
    h.js("const s = document.getElementById('correct-kind'); s.value = 'organization'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
    h.wait_until(&kinds("organization"), "Blue Harbor marked as an organization").await;
    h.reload().await;
    h.wait_until(&kinds("organization"), "the kind kept with the article").await;
    h.click("mark[data-entity='blue-harbor']").await;
    h.wait_until("document.querySelector('#entity-card .card-correct summary') !== null", "the card's Correct area").await;
    h.click("#entity-card .card-correct summary").await;
    h.wait_until("document.getElementById('correct-kind')?.value === 'organization'", "the kind field, corrected").await;
    let violations = axe(&h, "own article, Correct area open").await;
    assert!(violations.is_empty(), "{}: axe-core violations:\n  {}", engine.name(), violations.join("\n  "));
    h.click("#entity-card .card-close").await;
    h.wait_until("document.getElementById('entity-card') === null", "the card closed").await;
    // Remove a timeline event, then undo that.
    let budget = "[...document.querySelectorAll('#timeline .event-label')].some(l => l.textContent === 'The city council approved the budget')";
    h.wait_until(budget, "the budget event").await;
    let n = h.js("return [...document.querySelectorAll('#timeline li.event')].findIndex(li => li.querySelector('.event-label').textContent === 'The city council approved the budget') + 1").await;
    let n = n.as_u64().expect("an index");
    assert!(n > 0);
    h.click(&format!("#timeline li.event:nth-child({n}) .event-edit summary")).await;
    h.wait_until(&format!("document.querySelector('#timeline li.event:nth-child({n}) .event-remove').getClientRects().length > 0"), "the Remove button").await;
    let violations = axe(&h, "own article, event editor open").await;
    assert!(violations.is_empty(), "{}: axe-core violations:\n  {}", engine.name(), violations.join("\n  "));
    h.click(&format!("#timeline li.event:nth-child({n}) .event-remove")).await;
    h.wait_until(&format!("!{budget} && document.querySelectorAll('#timeline li.event').length === 2"), "the event removed").await;
    h.click("button.corrections-undo").await;
    h.wait_until(&format!("{budget} && document.querySelectorAll('#timeline li.event').length === 3"), "the event back").await;
    h.wait_until(&kinds("organization"), "the kind still corrected").await;
    // Copy the corrections: the text box holds their TOML.
    h.click("button.corrections-copy-button").await;
    h.wait_until("document.getElementById('corrections-text') !== null", "the corrections' text").await;
    let toml = h.js("return document.getElementById('corrections-text').value").await;
    assert_eq!(toml, json!("[kinds]\n\"Blue Harbor\" = \"organization\"\n"), "{}", engine.name());
    let label = h.js("return document.querySelector('label[for=\"corrections-text\"]').textContent").await;
    assert!(label.as_str().unwrap_or("").contains("pasted.lede.toml"), "{label}");
    // Corrections that cannot be read: the article as it is, and a note.
    h.js("for (const k of Object.keys(localStorage)) if (k.startsWith('lede:own-corrections:')) localStorage.setItem(k, JSON.stringify('[kinds')); return 1").await;
    // The service worker was installed and in control before the reload
    // above; in Firefox the reloaded page did not report a controller again
    // within the harness's wait, so this reload does not wait for one.
    h.client.refresh().await.expect("reload");
    h.wait_ready().await;
    h.wait_until(
        "(document.querySelector('.corrections-note') || {}).textContent?.includes('could not be read') && document.querySelector('mark[data-entity=\"blue-harbor\"]')?.dataset.kind === 'place'",
        "the article uncorrected, with a note",
    )
    .await;
    h.close().await;
}

/// A library of 120 generated articles (`make e2e-library`): its
/// library in pages, newest first; a search that fetches only the shards of
/// its words; a name's page with its articles and their events on one
/// timeline; an event that opens its article at its sentence.
async fn a_library_of_many_shards_pages_searches_and_shows_a_names_timeline(engine: Engine) {
    let h = Harness::start_library(engine).await;
    let name = engine.name();
    h.open("index.html").await;
    let pages = h.js("return document.querySelector('.pager-where').textContent").await;
    assert!(pages.as_str().is_some_and(|p| p.starts_with("Page 1 of ")), "{name}: {pages}");
    assert_eq!(h.js("return document.querySelectorAll('.cards li.card').length").await, json!(50), "{name}");
    let dates = h.js("return [...document.querySelectorAll('.cards time')].map(t => t.getAttribute('datetime'))").await;
    let dates: Vec<&str> = dates.as_array().expect("dates").iter().filter_map(Value::as_str).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{name}: newest first: {dates:?}");
    h.click(".pager-link[rel='next']").await;
    h.wait_until("location.pathname.endsWith('/index-2.html')", "the library's second page").await;
    h.wait_ready().await;
    let older = h.js("return document.querySelector('.cards time').getAttribute('datetime')").await;
    assert!(older.as_str().is_some_and(|d| d <= dates[dates.len() - 1]), "{name}: page 2 is older: {older}");

    // The library's filter: a name and a kind, across the whole library.
    let root = h.js("return fetch('search/root.json').then(r => r.json())").await;
    let shared = &root["shared"][0];
    let (kind, full) = (shared["kind"].as_str().expect("a kind"), shared["name"].as_str().expect("a name"));
    let surname = full.rsplit(' ').next().expect("a word").to_lowercase();
    h.click("#filter-name").await;
    assert_eq!(h.js("return document.querySelector('#filter-kind').value").await, json!(""), "{name}: the filter starts at any kind");
    h.type_text(&surname).await;
    h.js(&format!("document.querySelector('#filter-kind').value = '{kind}'; return true")).await;
    h.click(".library-filter-go").await;
    h.wait_until(&format!("location.pathname.endsWith('/search.html') && new URLSearchParams(location.search).get('kind') === '{kind}'"), "the filtered search").await;
    h.wait_ready().await;
    h.wait_until(&format!("document.querySelector('.kind-choice[aria-pressed=\"true\"]')?.dataset.kind === '{kind}'"), "the kind chosen").await;
    h.wait_until(&format!("[...document.querySelectorAll('.search-entity .name')].some(n => n.textContent === {full:?})"), "the name found").await;
    let kinds = h.js("return [...new Set([...document.querySelectorAll('.search-entity')].map(e => e.dataset.kind))]").await;
    assert_eq!(kinds, json!([kind]), "{name}: only names of the kind chosen");
    // "All kinds" lifts the filter, in place.
    h.click(".kind-choice:not([data-kind])").await;
    h.wait_until("new URLSearchParams(location.search).get('kind') === null && document.querySelector('.kind-choice:not([data-kind])').getAttribute('aria-pressed') === 'true'", "every kind").await;

    // The most shared name of the library, from the index's root.
    h.open("search.html").await;
    h.wait_until("document.querySelector('.shared-names a') !== null", "the shared names").await;
    let root = h.js("return fetch('search/root.json').then(r => r.json())").await;
    let shards = root["words"].as_array().map_or(0, Vec::len) + root["names"].as_array().map_or(0, Vec::len);
    assert!(root["words"].as_array().map_or(0, Vec::len) > 1, "{name}: the library has more than one word shard: {root}");
    let shared = &root["shared"][0];
    let (id, full) = (shared["id"].as_str().expect("id"), shared["name"].as_str().expect("name"));
    let surname = full.rsplit(' ').next().expect("a word").to_lowercase();
    h.click("#search-input").await;
    h.type_text(&surname).await;
    h.wait_until(&format!("document.querySelector('.search-entity[data-entity=\"{id}\"]') !== null"), "the shared name in the results").await;
    h.wait_until("document.querySelectorAll('.search-article').length > 0", "articles in the results").await;
    let fetched = h.js("return performance.getEntriesByType('resource').map(r => r.name).filter(n => /\\/search\\/[wn]-/.test(n)).length").await;
    let fetched = fetched.as_u64().unwrap_or(0) as usize;
    assert!(fetched >= 1 && fetched < shards, "{name}: fetched {fetched} of {shards} shards");
    // More articles come as asked.
    let shown = h.js("return document.querySelectorAll('.search-article').length").await.as_u64().unwrap_or(0);
    if h.js("return document.querySelector('.search-more') !== null").await == json!(true) {
        h.click(".search-more").await;
        h.wait_until(&format!("document.querySelectorAll('.search-article').length > {shown}"), "more articles").await;
    }

    // The name's page: its articles and the library timeline.
    h.click(&format!(".search-entity[data-entity='{id}'] a.search-entity-count")).await;
    h.wait_until(&format!("new URLSearchParams(location.search).get('name') === '{id}'"), "the name's address").await;
    h.wait_until("document.querySelectorAll('.name-timeline li').length > 1", "the library timeline").await;
    assert_eq!(h.js("return document.querySelector('h1').textContent").await, json!(full), "{name}");
    let articles = h.js("return document.querySelectorAll('.name-articles li').length").await.as_u64().unwrap_or(0);
    assert!(articles >= 2, "{name}: {articles} articles name {full}");
    let timeline = h.js("return [...document.querySelectorAll('.name-timeline time')].map(t => t.getAttribute('datetime'))").await;
    assert!(timeline.as_array().is_some_and(|t| t.len() > 1), "{name}: {timeline}");
    let violations = axe(&h, "a name's page").await;
    assert!(violations.is_empty(), "{name}: {}", violations.join("\n"));
    // Back returns to the results; forward to the name.
    h.client.back().await.expect("back");
    h.wait_until("document.querySelector('.search-entity') !== null", "the results again").await;
    h.client.forward().await.expect("forward");
    h.wait_until("document.querySelectorAll('.name-timeline li').length > 1", "the name's page again").await;

    // An event opens its article, at its sentence.
    let href = h.js("return document.querySelector('.name-timeline li a').getAttribute('href')").await;
    let href = href.as_str().expect("an event link").to_string();
    h.click(".name-timeline li a").await;
    h.wait_ready().await;
    let event = href.rsplit("?t=").next().expect("t").to_string();
    h.wait_until(&format!("location.href.endsWith('{href}')"), "the event's article").await;
    let row = event.parse::<usize>().expect("an event index") + 1;
    h.wait_until(
        &format!("document.activeElement && document.activeElement.matches('.event-sentence') && document.querySelector('#timeline ol > li:nth-child({row}).current') !== null"),
        "the event's sentence",
    )
    .await;
    h.close().await;
}

/// "Keep the whole library offline" on a library of many shards: then,
/// with the server gone, an article never opened reads, a search fetches
/// its shards and fragments from what was kept, and a name's page shows its
/// library timeline.
async fn keeps_a_library_of_many_shards_and_reads_and_searches_it_offline(engine: Engine) {
    let mut h = Harness::start_library(engine).await;
    let name = engine.name();
    h.open("index.html").await;
    h.wait_until("(document.querySelector('.keep-size') || {}).textContent.startsWith('The whole library is ')", "the library's size").await;
    h.click("button.keep-button").await;
    keeping_done(&h).await;
    let root = h.js("return fetch('search/root.json').then(r => r.json())").await;
    let shared = &root["shared"][0];
    let (id, full) = (shared["id"].as_str().expect("id").to_string(), shared["name"].as_str().expect("name").to_string());
    // An article from the library's last page: never opened.
    let pages = h.js("return document.querySelector('.pager-where').textContent.replace(/^Page 1 of /, '')").await;
    let last = pages.as_str().and_then(|p| p.parse::<usize>().ok()).expect("the number of pages");
    // The service worker serves the pages once the server is gone: it
    // controls this page after a reload.
    h.reload().await;
    h.stop_server();
    h.open(&format!("index-{last}.html")).await;
    let article = h.js("return document.querySelector('.cards .card-title a').getAttribute('href')").await;
    let article = article.as_str().expect("an article link").to_string();
    h.open(&article).await;
    let marks = h.js("return document.querySelectorAll('#article mark').length").await;
    assert!(marks.as_u64().unwrap_or(0) > 0, "{name}: {article} reads offline with its names highlighted");
    // A search, from the kept shards.
    let surname = full.rsplit(' ').next().expect("a word").to_lowercase();
    h.open(&format!("search.html?q={surname}")).await;
    h.wait_until(&format!("document.querySelector('.search-entity[data-entity=\"{id}\"]') !== null"), "the name found offline").await;
    h.wait_until("document.querySelectorAll('.search-article .search-snippet').length > 0", "articles found offline").await;
    // The name's page and its timeline.
    h.open(&format!("search.html?name={id}")).await;
    h.wait_until("document.querySelectorAll('.name-timeline li').length > 1", "the name's timeline offline").await;
    h.close().await;
}

/// Waits while the library is being kept, for as long as the count of
/// files kept goes up: done when the page says the whole library is kept;
/// a failure if it says why it could not, or if no file is kept for 15 s.
async fn keeping_done(h: &Harness) {
    let name = h.engine.name();
    let mut last = (String::new(), std::time::Instant::now());
    loop {
        let state = h.js("const s = document.querySelector('.keep-status'); const c = document.querySelector('.keep-count'); return [s ? s.textContent : '', c ? c.textContent : '']").await;
        let status = state[0].as_str().unwrap_or_default().to_string();
        let count = state[1].as_str().unwrap_or_default().to_string();
        if status.starts_with("The whole library is kept in this browser") {
            return;
        }
        assert!(h.js("return document.querySelector('.keep-error') === null").await == json!(true), "{name}: keeping failed: {status}");
        if count != last.0 {
            last = (count, std::time::Instant::now());
        }
        assert!(last.1.elapsed() < std::time::Duration::from_secs(15), "{name}: no file kept for 15 s (at {:?}; {status})", last.0);
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// Each view laid out 390 px wide (a phone held upright), in a frame of the
/// page: nothing sticks out past the right edge (but in a box that scrolls
/// sideways on purpose, or is hidden).
async fn every_view_fits_a_phone_screen(engine: Engine) {
    let h = Harness::start_in(engine).await;
    let name = engine.name();
    h.open("index.html").await;
    for view in ["index.html", PAGE, "search.html?q=pakistan", "search.html?kind=person"] {
        h.js(&format!(
            "document.getElementById('phone')?.remove(); const f = document.createElement('iframe'); \
             f.id = 'phone'; f.style.cssText = 'width: 390px; height: 844px; border: 0'; f.src = '{view}'; \
             document.body.append(f); return true"
        ))
        .await;
        h.wait_until(
            "document.getElementById('phone').contentWindow.performance?.getEntriesByName('lede:interactive').length > 0",
            &format!("{view} in a phone-sized frame"),
        )
        .await;
        let out = h
            .js("const w = document.getElementById('phone').contentWindow, d = w.document; \
                 const clipped = (e) => { for (let p = e.parentElement; p && p !== d.body; p = p.parentElement) { \
                   if (w.getComputedStyle(p).overflowX !== 'visible') return true; } return false; }; \
                 return [...d.body.querySelectorAll('*')].filter((e) => { const r = e.getBoundingClientRect(); \
                   return r.width > 0 && r.height > 0 && r.right > w.innerWidth + 1 && !clipped(e); }) \
                   .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right))")
            .await;
        assert_eq!(out, json!([]), "{name}: {view} is wider than a phone");
    }
    h.close().await;
}
