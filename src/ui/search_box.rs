//! The search box in the masthead of every view. `/` focuses it from
//! anywhere (but while typing in a field).
//!
//! It comes with the app (the server-rendered masthead holds its place:
//! see [`super::chrome::Masthead`]). Typing on any view opens the search
//! view at once (see [`Nav`]), and on the search view each keystroke
//! updates the results.
//!
//! The reader's bundle (article pages) and the library's hold no search:
//! there the same form is submitted as it is, to `search.html?q=…`, a page
//! that loads the full bundle, so the search's code is loaded when the box
//! is first used.

use yew::prelude::*;

use super::route::{Mode, Route};

/// How a view asks the app to show another view without a page load.
#[derive(Clone, PartialEq)]
pub struct Nav(pub Callback<Route>);

/// Whether this bundle searches in the page (the full bundle): the reader's
/// and the library's submit the form to the search page instead.
const LIVE: bool = cfg!(lede_search);

/// Properties of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query shown in the box.
    #[prop_or_default]
    pub value: AttrValue,
    /// Called on every keystroke on the search view; elsewhere typing opens
    /// the search view.
    #[prop_or_default]
    pub on_input: Option<Callback<String>>,
    /// Take the focus once shown (the search view).
    #[prop_or_default]
    pub autofocus: bool,
}

#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let nav = use_context::<Nav>();
    let input = use_node_ref();
    // `/` focuses the box; the search view's box takes the focus at once.
    {
        let input = input.clone();
        let autofocus = props.autofocus;
        use_effect_with((), move |_| {
            let listener = listen_slash(input.clone());
            if autofocus {
                focus_at_end(&input);
            }
            move || drop(listener)
        });
    }
    let oninput = {
        let on_input = props.on_input.clone();
        let nav = nav.clone();
        Callback::from(move |e: InputEvent| {
            if !LIVE {
                return;
            }
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            match (&on_input, &nav) {
                (Some(cb), _) => cb.emit(value),
                (None, Some(nav)) => nav.0.emit(Route::Search(value)),
                (None, None) => {}
            }
        })
    };
    let onsubmit = {
        let (on_input, nav, input) = (props.on_input.clone(), nav.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            if !LIVE {
                return;
            }
            let Some(el) = input.cast::<web_sys::HtmlInputElement>() else { return };
            e.prevent_default();
            match (&on_input, &nav) {
                (Some(cb), _) => cb.emit(el.value()),
                (None, Some(nav)) => nav.0.emit(Route::Search(el.value())),
                (None, None) => {}
            }
        })
    };
    let action = match mode {
        Mode::Pages => "search.html",
        Mode::Single => "#/search",
    };
    html! {
        <form class="search-box" role="search" action={action} method="get" {onsubmit}>
            <label class="visually-hidden" for="search-input">{ "Search all articles" }</label>
            <input ref={input} id="search-input" class="search-input" type="search" name="q"
                   spellcheck="false" placeholder="Search articles and names" value={props.value.clone()} {oninput}
                   aria-keyshortcuts="/" />
            <kbd class="search-key" aria-hidden="true">{ "/" }</kbd>
        </form>
    }
}

#[cfg(target_arch = "wasm32")]
fn listen_slash(input: NodeRef) -> Option<gloo::events::EventListener> {
    use gloo::events::{EventListener, EventListenerOptions};
    let opts = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
        if super::dom::shortcut(e).as_deref() == Some("/") {
            e.prevent_default();
            focus_at_end(&input);
        }
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn listen_slash(_: NodeRef) -> Option<gloo::events::EventListener> {
    None
}

// No `autocomplete="off"`: a page restored from the back-forward cache
// would come back with the box emptied under the results.

/// Focuses the box with the caret after its text.
fn focus_at_end(input: &NodeRef) {
    if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
        let _ = el.focus();
        let n = el.value().encode_utf16().count() as u32;
        let _ = el.set_selection_range(n, n);
    }
}
