//! The few things the viewer does to the page outside Yew's tree: scrolling,
//! marking the chosen entity's mentions, flashing a sentence, reading the
//! location hash, and performance marks.
//!
//! Marking mentions by class (instead of re-rendering the text) keeps a
//! choice instant on a long article. Off the browser (server rendering,
//! native tests) every function here does nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use gloo::utils::{document, window};
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

    pub fn mark(name: &str) {
        if let Some(p) = window().performance() {
            let _ = p.mark(name);
        }
    }

    fn reduced_motion() -> bool {
        window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    }

    pub fn scroll_to(el: &Element, center: bool) {
        let r = el.get_bounding_client_rect();
        let screen = screen_height();
        let distance = if center { (r.top() + r.bottom()) / 2.0 - screen / 2.0 } else { r.top() };
        let smooth = !reduced_motion() && super::glides(distance, screen);
        // The page says a jump is under way (`<html data-jump>`) until it has
        // arrived or the reader moved on: what waits for the page to be still,
        // such as the end-to-end tests, follows that.
        let _ = document().document_element().map(|html| html.set_attribute("data-jump", ""));
        aim(el, center, smooth);
        // Sections off screen are laid out with an estimated height until
        // they are near the view (`content-visibility: auto`), so the first
        // aim can fall short of a far target: once the scroll has settled,
        // aim again, at once, until the target is in view — unless the
        // reader has moved on (another jump, a key, the wheel, a touch).
        let jump = moved_on();
        LATEST_JUMP.with(|j| j.set(jump));
        settle(el.clone(), center, if smooth { 700 } else { 30 }, 4, jump);
    }

    thread_local! {
        /// Bumped by every jump and by the reader's own keys, wheel and
        /// touches: a pending re-aim from an older value is dropped.
        static MOVES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
        static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        /// The number of the latest jump (a value of `MOVES`).
        static LATEST_JUMP: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    /// Starts a new jump and returns its number.
    fn moved_on() -> u32 {
        if !WATCHING.with(|w| w.replace(true)) {
            let opts = gloo::events::EventListenerOptions::run_in_capture_phase();
            for event in ["keydown", "wheel", "touchstart", "mousedown"] {
                gloo::events::EventListener::new_with_options(&window(), event, opts, |_| {
                    MOVES.with(|m| m.set(m.get().wrapping_add(1)))
                })
                .forget();
            }
        }
        MOVES.with(|m| {
            m.set(m.get().wrapping_add(1));
            m.get()
        })
    }

    fn aim(el: &Element, center: bool, smooth: bool) {
        let opts = ScrollIntoViewOptions::new();
        opts.set_behavior(if smooth { ScrollBehavior::Smooth } else { ScrollBehavior::Instant });
        opts.set_block(if center { ScrollLogicalPosition::Center } else { ScrollLogicalPosition::Start });
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }

    /// The view's height in pixels.
    fn screen_height() -> f64 {
        window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
    }

    fn in_view(el: &Element, center: bool) -> bool {
        let r = el.get_bounding_client_rect();
        let h = screen_height();
        if center {
            (r.top() >= 0.0 && r.bottom() <= h) || (r.top() <= 0.0 && r.bottom() >= h)
        } else {
            r.top().abs() < 80.0 || window().scroll_y().unwrap_or(0.0) + h >= document().document_element().map_or(0.0, |d| d.scroll_height() as f64) - 2.0
        }
    }

    fn settle(el: Element, center: bool, after_ms: u32, tries: u32, jump: u32) {
        gloo::timers::callback::Timeout::new(after_ms, move || {
            if tries == 0 || MOVES.with(|m| m.get()) != jump || in_view(&el, center) {
                // The latest jump is over: it arrived, gave up, or the reader moved on.
                if LATEST_JUMP.with(|j| j.get()) == jump {
                    let _ = document().document_element().map(|html| html.remove_attribute("data-jump"));
                }
                return;
            }
            aim(&el, center, false);
            settle(el, center, 30, tries - 1, jump);
        })
        .forget();
    }

    fn all(selector: &str) -> Vec<Element> {
        let Ok(list) = document().query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    pub fn page_param(name: &str) -> Option<String> {
        let loc = window().location();
        let search = loc.search().unwrap_or_default();
        crate::ui::route::param(&search, name).or_else(|| {
            let hash = loc.hash().unwrap_or_default();
            crate::ui::route::param(crate::ui::route::hash_query(&hash), name)
        })
    }

    pub fn replace_url(href: &str) {
        if let Ok(h) = window().history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
    }

    pub fn push_url(href: &str) {
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
    }

    pub fn path_is(page: &str) -> bool {
        window().location().pathname().unwrap_or_default().ends_with(page)
    }

    pub fn scroll_to_first(selector: &str) {
        let selector = selector.to_string();
        after_render(move || {
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                scroll_to(&el, true);
            }
        });
    }

    pub fn show_mentions(entity: Option<&str>, current: usize, scroll: bool) {
        for el in all("#article mark.selected") {
            let _ = el.class_list().remove_2("selected", "current");
        }
        let Some(id) = entity else { return };
        let marks = all(&format!("#article mark[data-entity=\"{}\"]", id.replace(['"', '\\'], "")));
        for (i, el) in marks.iter().enumerate() {
            let _ = el.class_list().add_1("selected");
            if i == current {
                let _ = el.class_list().add_1("current");
                if scroll {
                    scroll_to(el, true);
                }
                place_card(el);
            }
        }
    }

    /// The space between the entity card and its mention, and between the
    /// card and the window's edges.
    const CARD_GAP_PX: f64 = 8.0;

    /// Puts the entity card just under a mention, in page coordinates
    /// (set through the CSSOM, which the Content-Security-Policy allows).
    fn place_card(mark: &Element) {
        let Some(card) = document().get_element_by_id("entity-card") else { return };
        let Ok(card) = card.dyn_into::<HtmlElement>() else { return };
        let r = mark.get_bounding_client_rect();
        let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
        // The view's width without its scroll bar, so the card never reaches under it.
        let width = document()
            .document_element()
            .map(|e| f64::from(e.client_width()))
            .filter(|w| *w > 0.0)
            .or_else(|| window().inner_width().ok().and_then(|w| w.as_f64()))
            .unwrap_or(1024.0);
        // The card's own width, as the stylesheet sets it.
        let card_width = f64::from(card.offset_width());
        let left = (r.left() + sx).min(sx + width - card_width - CARD_GAP_PX).max(sx + CARD_GAP_PX);
        let style = card.style();
        // Whole pixels, written as integers (no float formatting in the bundle).
        let _ = style.set_property("left", &format!("{}px", left.round() as i64));
        let _ = style.set_property("top", &format!("{}px", (r.bottom() + sy + CARD_GAP_PX).round() as i64));
    }

    pub fn flash_sentence(index: usize) {
        let Some(el) = document().query_selector(&format!("[data-sentence=\"{index}\"]")).ok().flatten() else {
            return;
        };
        scroll_to(&el, true);
        if let Ok(h) = el.clone().dyn_into::<HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
        // Restart the flash animation even when the same sentence is chosen twice.
        let _ = el.class_list().remove_1("flash");
        let _ = el.get_bounding_client_rect();
        let _ = el.class_list().add_1("flash");
    }

    pub fn hash() -> String {
        // Section slugs are ASCII, so the hash needs no percent-decoding.
        window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
    }

    /// Runs `f` once the current render is done.
    fn after_render(f: impl FnOnce() + 'static) {
        gloo::timers::callback::Timeout::new(0, f).forget();
    }

    pub fn scroll_to_id(id: &str) {
        // After the render that opens a collapsed section: scrolling at once
        // would aim at where the section was while the page was shorter.
        let id = id.to_string();
        after_render(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                scroll_to(&el, false);
            }
        });
    }

    fn focus(el: &Element) {
        if let Ok(h) = el.clone().dyn_into::<HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
    }

    pub fn set_hash(hash: &str) {
        let _ = window().location().set_hash(hash.trim_start_matches('#'));
    }

    pub fn set_title(title: &str) {
        document().set_title(title);
    }

    pub fn focus_first_later(selector: &str) {
        let selector = selector.to_string();
        after_render(move || {
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                focus(&el);
            }
        });
    }

    pub fn focus_first(selector: &str) {
        if let Some(el) = document().query_selector(selector).ok().flatten() {
            scroll_to(&el, true);
            focus(&el);
        }
    }

    pub fn step_section(by: i32) {
        let sections = all("#article section.section");
        // "Current" is the section holding the focus, else the last one whose
        // heading has reached the top of the view (allowing for scroll margins).
        let active = document().active_element();
        let current = sections
            .iter()
            .position(|s| active.as_ref().is_some_and(|a| s.contains(Some(a))))
            .or_else(|| sections.iter().rposition(|s| s.get_bounding_client_rect().top() <= 64.0));
        let next = match (current, by > 0) {
            (None, true) => Some(0),
            (None, false) => None,
            (Some(i), true) => Some(i + 1),
            (Some(i), false) => i.checked_sub(1),
        };
        if let Some(el) = next.and_then(|i| sections.get(i)) {
            scroll_to(el, false);
            if let Some(button) = el.query_selector("button.section-toggle").ok().flatten() {
                focus(&button);
            }
        }
    }

    pub fn clicked_mention(e: &web_sys::Event) -> Option<(String, usize)> {
        let target = e.target()?.dyn_into::<Element>().ok()?;
        let mark = target.closest("mark[data-entity]").ok()??;
        let id = mark.get_attribute("data-entity")?;
        let same = all(&format!("#article mark[data-entity=\"{}\"]", id.replace(['"', '\\'], "")));
        let nth = same.iter().position(|m| m == &mark)?;
        Some((id, nth))
    }

    pub fn in_page_link(e: &web_sys::Event) -> Option<String> {
        let m = e.dyn_ref::<web_sys::MouseEvent>()?;
        if m.button() != 0 || m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key() || e.default_prevented() {
            return None;
        }
        let link = e.target()?.dyn_into::<Element>().ok()?.closest("a[href^='#']").ok()??;
        Some(link.get_attribute("href")?.trim_start_matches('#').to_string())
    }

    pub fn shortcut(e: &web_sys::Event) -> Option<String> {
        let e = e.dyn_ref::<web_sys::KeyboardEvent>()?;
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return None;
        }
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            let tag = t.tag_name().to_ascii_lowercase();
            let editable = t.get_attribute("contenteditable").is_some_and(|v| v != "false");
            if matches!(tag.as_str(), "input" | "textarea" | "select") || editable {
                return None;
            }
        }
        Some(e.key())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod web {
    pub fn mark(_: &str) {}
    pub fn show_mentions(_: Option<&str>, _: usize, _: bool) {}
    pub fn page_param(_: &str) -> Option<String> {
        None
    }
    pub fn replace_url(_: &str) {}
    pub fn push_url(_: &str) {}
    pub fn path_is(_: &str) -> bool {
        false
    }
    pub fn scroll_to_first(_: &str) {}
    pub fn flash_sentence(_: usize) {}
    pub fn hash() -> String {
        String::new()
    }
    pub fn scroll_to_id(_: &str) {}
    pub fn focus_first(_: &str) {}
    pub fn focus_first_later(_: &str) {}
    pub fn set_hash(_: &str) {}
    pub fn set_title(_: &str) {}
    pub fn step_section(_: i32) {}
    pub fn clicked_mention(_: &web_sys::Event) -> Option<(String, usize)> {
        None
    }
}

/// Whether a jump glides to its target (smooth scrolling) or arrives at
/// once. A glide shows the reader where they are going over a short way;
/// over a long one it only keeps them waiting (most of a second across a
/// long article), so a target more than two screens away is reached at
/// once, and the sentence's flash shows where. `distance` is how far the
/// view has to move and `screen` the view's height, in pixels.
pub fn glides(distance: f64, screen: f64) -> bool {
    distance.abs() <= 2.0 * screen
}

/// Records a `performance.mark` (read by the benchmarks).
pub fn mark(name: &str) {
    web::mark(name)
}

/// Marks every mention of `entity` (an id) as selected, the `current`-th
/// as current (scrolled into view when `scroll`), and puts the entity card
/// under it; `None` clears the marking.
pub fn show_mentions(entity: Option<&str>, current: usize, scroll: bool) {
    web::show_mentions(entity, current, scroll)
}

/// A parameter of the page's address: from its query string, else from the
/// query part of its hash (`#/slug?q=…`).
pub fn page_param(name: &str) -> Option<String> {
    web::page_param(name)
}

/// Replaces the address (no new history entry, no navigation).
pub fn replace_url(href: &str) {
    web::replace_url(href)
}

/// Adds an address to the history (no navigation).
pub fn push_url(href: &str) {
    web::push_url(href)
}

/// Whether the page's path ends with `page`.
pub fn path_is(page: &str) -> bool {
    web::path_is(page)
}

/// Scrolls the first element matching `selector` into view, once the
/// current render is done.
pub fn scroll_to_first(selector: &str) {
    web::scroll_to_first(selector)
}

/// Scrolls to the sentence with this index, focuses it and flashes it.
pub fn flash_sentence(index: usize) {
    web::flash_sentence(index)
}

/// The location hash, without `#`.
pub fn hash() -> String {
    web::hash()
}

/// The entity id and mention number of the `<mark>` an event (click,
/// pointer, focus) happened in, if any.
pub fn clicked_mention(e: &web_sys::Event) -> Option<(String, usize)> {
    web::clicked_mention(e)
}

/// The hash (without `#`) of the in-page link a plain click (or Enter)
/// followed: `None` for other clicks, and with a modifier held (a new tab,
/// a new window).
#[cfg(target_arch = "wasm32")]
pub fn in_page_link(e: &web_sys::Event) -> Option<String> {
    web::in_page_link(e)
}

/// The key of a keyboard shortcut: `None` while typing in a field or with
/// a modifier held.
#[cfg(target_arch = "wasm32")]
pub fn shortcut(e: &web_sys::Event) -> Option<String> {
    web::shortcut(e)
}

/// Scrolls the element with this id to the top of the view, once the
/// current render is done.
pub fn scroll_to_id(id: &str) {
    web::scroll_to_id(id)
}

/// Scrolls to the first element matching `selector` and focuses it.
pub fn focus_first(selector: &str) {
    web::focus_first(selector)
}

/// Focuses the first element matching `selector` once the current render
/// is done (without scrolling).
pub fn focus_first_later(selector: &str) {
    web::focus_first_later(selector)
}

/// Moves to the next (`by` > 0) or previous section: scrolls its heading to
/// the top and focuses its toggle.
pub fn step_section(by: i32) {
    web::step_section(by)
}

/// Navigates to a view that lives in the hash.
pub fn set_hash(hash: &str) {
    web::set_hash(hash)
}

/// The page's title (the tab's name).
pub fn set_title(title: &str) {
    web::set_title(title)
}

#[cfg(test)]
mod tests {
    use super::glides;

    #[test]
    fn a_jump_glides_over_a_short_way_and_arrives_at_once_over_a_long_one() {
        assert!(glides(0.0, 800.0));
        assert!(glides(1200.0, 800.0));
        assert!(glides(-1600.0, 800.0), "up as well as down");
        assert!(!glides(1601.0, 800.0));
        assert!(!glides(-250_000.0, 800.0));
    }
}
