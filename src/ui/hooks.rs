//! The article view's behaviours, as custom hooks: the reader's stored
//! choices, the search an article was opened from, the page-wide listeners
//! (keyboard shortcuts and deep links), and the timer that opens and
//! closes a previewed entity card.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use lede_analysis::search::Query;
use yew::prelude::*;

use super::doc::DocRef;
use super::dom;
use super::prefs;
use super::route::Mode;
use super::state::{Action, ViewState};

/// Once the article is there, restores the reader's highlight choices (kept
/// for every article) and this article's collapsed sections; from then on,
/// stores them whenever they change.
#[hook]
pub fn use_stored_choices(slug: &str, doc: Option<DocRef>, state: &UseReducerHandle<ViewState>, dispatch: Callback<Action>) {
    {
        let slug = slug.to_string();
        use_effect_with(doc.is_some(), move |_| {
            if let Some(doc) = doc {
                let slugs: Vec<&String> = doc.sections.iter().map(|s| &s.slug).collect();
                let view = prefs::load_view().unwrap_or_default();
                let collapsed = prefs::load_collapsed(&slug).unwrap_or_default();
                dispatch.emit(Action::Restore {
                    highlights: !view.highlights_off,
                    hidden: view.hidden,
                    collapsed: collapsed.into_iter().filter(|c| slugs.contains(&c)).collect(),
                });
            }
        });
    }
    let slug = slug.to_string();
    let key = (state.restored, state.highlights, state.hidden.clone(), state.collapsed.clone());
    use_effect_with(key, move |(restored, highlights, hidden, collapsed)| {
        if *restored {
            prefs::save_view(&prefs::ViewPrefs { highlights_off: !highlights, hidden: hidden.iter().copied().collect() });
            prefs::save_collapsed(&slug, &collapsed.iter().cloned().collect::<Vec<_>>());
        }
    });
}

/// An article opened from a search result (`?q=…&e=…`) or at an event of a
/// name's page (`?t=N`): once it is there, marks the matches and shows the
/// entity at its first mention, or chooses the event (`on_event`, which
/// opens its section).
#[hook]
pub fn use_opened_from_search(doc: Option<DocRef>, dispatch: Callback<Action>, on_event: Callback<usize>) {
    use_effect_with(doc.is_some(), move |_| {
        let Some(doc) = doc else { return };
        if let Some(q) = dom::page_param("q").filter(|q| Query::new(q).is_some()) {
            dispatch.emit(Action::SetSearch(Some(q)));
        }
        let entity = dom::page_param("e").and_then(|id| doc.analysis.entities.iter().position(|e| e.id == id));
        if let Some(i) = entity {
            dispatch.emit(Action::SelectAt(i, 0));
        }
        // An event linked from a name's page (`?t=N`): chosen, its sentence shown.
        if let Some(i) = dom::page_param("t").and_then(|t| t.parse::<usize>().ok()).filter(|i| *i < doc.analysis.timeline.len()) {
            on_event.emit(i);
        }
    });
}

/// Once the article is there, and for as long as it is shown: the keyboard
/// shortcuts, and the section a deep link (or a later change of the hash)
/// names, opened and brought into view.
#[hook]
pub fn use_page_listeners(doc: Option<DocRef>, dispatch: Callback<Action>, mode: Mode) {
    use_effect_with(doc.is_some(), move |_| {
        let listeners = doc.map(|doc| listen(dispatch, doc.sections.iter().map(|s| s.slug.clone()).collect(), mode));
        move || drop(listeners)
    });
}

/// A timer for the entity card's preview: starting it again, or
/// cancelling it, drops the one pending.
#[derive(Clone)]
pub struct HoverTimer(Rc<RefCell<Option<Box<dyn Any>>>>);

impl HoverTimer {
    /// Runs `f` after `ms` milliseconds, unless the timer is started again
    /// or cancelled first.
    pub fn start(&self, ms: u32, f: impl FnOnce() + 'static) {
        *self.0.borrow_mut() = after(ms, f);
    }

    /// Drops the pending run, if any.
    pub fn cancel(&self) {
        *self.0.borrow_mut() = None;
    }
}

/// The preview timer of one view.
#[hook]
pub fn use_hover_timer() -> HoverTimer {
    HoverTimer(use_mut_ref(|| None))
}

/// Runs `f` after `ms` milliseconds, unless the returned handle is dropped first.
fn after(ms: u32, f: impl FnOnce() + 'static) -> Option<Box<dyn Any>> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(Box::new(gloo::timers::callback::Timeout::new(ms, f)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, f);
        None
    }
}

/// Page-wide listeners: the `h` key and hash changes. Dropping the returned
/// value removes them.
fn listen(dispatch: Callback<Action>, slugs: Vec<String>, mode: Mode) -> impl Drop {
    struct Listeners(#[allow(dead_code)] Vec<gloo::events::EventListener>);
    impl Drop for Listeners {
        fn drop(&mut self) {}
    }
    #[allow(unused_mut)]
    let mut out = Vec::new();
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::events::EventListener;
        use gloo::utils::{document, window};
        let open = {
            let dispatch = dispatch.clone();
            move |hash: &str| -> bool {
                let Some(section) = mode.section_in_hash(hash).filter(|s| slugs.contains(s)) else { return false };
                dispatch.emit(Action::Expand(section.clone()));
                dom::scroll_to_id(&section);
                true
            }
        };
        open(&dom::hash());
        let follow = open.clone();
        out.push(EventListener::new(&window(), "hashchange", move |_| {
            open(&dom::hash());
        }));
        // A contents or section link is followed here rather than by the
        // browser, so it moves the way every other jump does (a glide when
        // near, at once when far; see `dom::glides`) and keyboard focus
        // moves into the section. The page has no smooth scrolling of its
        // own, which would also animate the scroll that brings a control
        // reached by Tab into view, and WebKit can stop that animation
        // short, leaving the control out of sight. Hash-routed views follow
        // their links in the router.
        if mode == Mode::Pages {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            out.push(EventListener::new_with_options(&document(), "click", options, move |e| {
                let Some(hash) = dom::in_page_link(e) else { return };
                if follow(&hash) {
                    e.prevent_default();
                    dom::push_url(&format!("#{hash}"));
                    dom::focus_first_later(&format!("[id=\"{hash}\"] button.section-toggle"));
                }
            }));
        }
        out.push(EventListener::new(&document(), "keydown", move |e| {
            let Some(key) = dom::shortcut(e) else { return };
            match key.as_str() {
                "h" => dispatch.emit(Action::ToggleHighlights),
                "t" => dom::focus_first("#timeline ol button"),
                "j" => dom::step_section(1),
                "k" => dom::step_section(-1),
                "?" => dispatch.emit(Action::ToggleHelp),
                "Escape" => {
                    dispatch.emit(Action::CloseHelp);
                    dispatch.emit(Action::ClearSelection);
                }
                _ => {}
            }
        }));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (dispatch, slugs, mode);
    Listeners(out)
}
