//! The app root: provides the [`Mode`] and shows the current view.

use yew::prelude::*;

use super::article_view::ArticleView;
use super::library_view::LibraryView;
use super::route::{Mode, Route};
use super::search_box::Nav;
use super::search_view::SearchView;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The view to show first (the page's own view when server-rendered).
    pub route: Route,
    #[prop_or_default]
    pub mode: Mode,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let route = use_state(|| props.route.clone());
    let initial = props.route.clone();
    // Children's effects run first: once this runs, the view responds.
    use_effect_with((), |_| super::dom::mark("lede:interactive"));
    // Views that live in the hash (the single-file edition, a reader's own
    // articles) follow it.
    {
        let route = route.clone();
        let mode = props.mode;
        use_effect_with(mode, move |mode| {
            let listener = follow_hash(*mode, route, initial);
            move || drop(listener)
        });
    }
    // The hosted site: a search started on another page lives in the
    // history (search.html?q=…) until the next page load; Back returns.
    {
        let route = route.clone();
        let initial = props.route.clone();
        use_effect_with(props.mode, move |mode| {
            let listener = follow_history(*mode, route, initial);
            move || drop(listener)
        });
    }
    let nav = {
        let route = route.clone();
        let mode = props.mode;
        Nav(Callback::from(move |next: Route| {
            if let Route::Search(q) = &next {
                match mode {
                    Mode::Pages => super::dom::push_url(&mode.search_href(q.trim())),
                    Mode::Single => super::dom::set_hash(&mode.search_href(q.trim())),
                }
            }
            route.set(next);
        }))
    };
    let view = match &*route {
        Route::Library => html! { <LibraryView /> },
        Route::Article(slug) => html! { <ArticleView key={slug.clone()} slug={AttrValue::from(slug.clone())} /> },
        Route::Search(q) => html! { <SearchView query={AttrValue::from(q.clone())} /> },
    };
    html! {
        <ContextProvider<Mode> context={props.mode}>
            <ContextProvider<Nav> context={nav}>{ view }</ContextProvider<Nav>>
        </ContextProvider<Mode>>
    }
}

#[cfg(target_arch = "wasm32")]
fn follow_hash(mode: Mode, route: UseStateHandle<Route>, initial: Route) -> Option<gloo::events::EventListener> {
    let update = move || {
        let next = mode.route_in_hash(&super::dom::hash()).unwrap_or_else(|| initial.clone());
        if *route != next {
            route.set(next);
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    update();
    Some(gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| update()))
}

#[cfg(target_arch = "wasm32")]
fn follow_history(mode: Mode, route: UseStateHandle<Route>, initial: Route) -> Option<gloo::events::EventListener> {
    if mode != Mode::Pages {
        return None;
    }
    Some(gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
        let next = if super::dom::path_is("search.html") {
            Route::Search(super::dom::page_param("q").unwrap_or_default())
        } else {
            initial.clone()
        };
        if *route != next {
            route.set(next);
        }
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_history(_: Mode, _: UseStateHandle<Route>, _: Route) -> Option<gloo::events::EventListener> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_hash(_: Mode, _: UseStateHandle<Route>, _: Route) -> Option<gloo::events::EventListener> {
    None
}
