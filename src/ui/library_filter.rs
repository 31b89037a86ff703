//! The library's filter: a name, and a kind of name, looked up across the
//! whole library (not only the page shown). It opens the search view with
//! them (`search.html?q=…&kind=…` in the hosted site, in the hash in the
//! single-file edition). Like the other controls, it is shown once the app
//! runs (see [`use_running`]).

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::chrome::use_running;
use super::dom;
use super::route::{kind_param, Mode};

#[function_component]
pub fn LibraryFilter() -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let running = use_running();
    let (name, kind) = (use_node_ref(), use_node_ref());
    let onsubmit = {
        let (name, kind) = (name.clone(), kind.clone());
        Callback::from(move |e: SubmitEvent| {
            // The hosted site's form goes to search.html by itself.
            if mode == Mode::Pages {
                return;
            }
            e.prevent_default();
            let q = name.cast::<web_sys::HtmlInputElement>().map(|el| el.value()).unwrap_or_default();
            let k = kind.cast::<web_sys::HtmlSelectElement>().and_then(|el| kind_param(&el.value()));
            dom::set_hash(&mode.search_kind_href(q.trim(), k));
        })
    };
    let action = mode.search_href("");
    if !running {
        return html! {};
    }
    html! {
        <form class="library-filter" role="search" aria-label="Find a name in the library" action={action} method="get" {onsubmit}>
            <label for="filter-name">{ "Name" }</label>
            <input ref={name} id="filter-name" type="search" name="q" spellcheck="false" placeholder="Any name in the library" />
            <label for="filter-kind">{ "Kind" }</label>
            <select ref={kind} id="filter-kind" name="kind">
                // Marked, not left to the browser's first option: Yew
                // attaches a list's children last first, and a select takes
                // the first option put into it.
                <option value="" selected=true>{ "Any kind" }</option>
                { for EntityKind::ALL.into_iter().map(|k| html! { <option value={k.as_str()}>{ k.plural() }</option> }) }
            </select>
            <button type="submit" class="library-filter-go">{ "Find" }</button>
        </form>
    }
}
