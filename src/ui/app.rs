//! The app root: provides the [`Mode`] and shows the current view.
//!
//! A bundle shows the views it holds: the reader's (article pages) articles
//! of the library only (see [`super::route::is_own`]), the library's the
//! library and articles, the full one every view. A view a bundle does not
//! hold is another page of the site, which loads the bundle that holds it.

use yew::prelude::*;

use super::article_view::ArticleView;
#[cfg(lede_library)]
use super::library_view::LibraryView;
#[cfg(lede_search)]
use super::name_view::NameView;
use super::route::{Mode, Route};
use super::search_box::Nav;
#[cfg(lede_search)]
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
            let href = match &next {
                Route::Search(q) => Some(mode.search_href(q.trim())),
                Route::Name(id) => Some(mode.name_href(id)),
                _ => None,
            };
            if let Some(href) = href {
                match mode {
                    Mode::Pages => super::dom::push_url(&href),
                    Mode::Single => super::dom::set_hash(&href),
                }
            }
            route.set(next);
        }))
    };
    let view = match &*route {
        #[cfg(lede_library)]
        Route::Library => html! { <LibraryView /> },
        Route::Article(slug) if !slug.starts_with(super::route::OWN_PREFIX) || super::route::OWN_ARTICLES => {
            html! { <ArticleView key={slug.clone()} slug={AttrValue::from(slug.clone())} /> }
        }
        #[cfg(lede_search)]
        Route::Search(q) => html! { <SearchView query={AttrValue::from(q.clone())} /> },
        #[cfg(lede_search)]
        Route::Name(id) => html! { <NameView key={id.clone()} id={AttrValue::from(id.clone())} /> },
        other => html! { <elsewhere::OnItsPage href={AttrValue::from(elsewhere::page_of(other, props.mode))} /> },
    };
    html! {
        <ContextProvider<Mode> context={props.mode}>
            <ContextProvider<Nav> context={nav}>{ view }</ContextProvider<Nav>>
        </ContextProvider<Mode>>
    }
}

/// What a bundle does with a view it does not hold (never in a native
/// build, which holds every view).
mod elsewhere {
    use yew::prelude::*;

    use super::super::chrome::{Masthead, SiteFooter};
    use super::super::route::{Mode, Route};

    /// The page that shows `route`, which loads the bundle that holds it.
    pub fn page_of(route: &Route, mode: Mode) -> String {
        match route {
            Route::Library => mode.library_href(),
            Route::Search(q) => mode.search_href(q.trim()),
            Route::Name(id) => mode.name_href(id),
            // A reader's own article opens on the library's page.
            Route::Article(slug) => format!("{}{}", mode.library_href(), mode.article_href(slug)),
        }
    }

    /// Properties of [`OnItsPage`].
    #[derive(Properties, PartialEq)]
    pub struct OnItsPageProps {
        pub href: AttrValue,
    }

    /// Loads the page that holds the view (this page's address is left
    /// out of the history), with a link to it meanwhile.
    #[function_component]
    pub fn OnItsPage(props: &OnItsPageProps) -> Html {
        use_effect_with(props.href.clone(), |href| {
            let _ = gloo::utils::window().location().replace(href);
        });
        html! {
            <div class="lede">
                <Masthead />
                <main class="not-found"><p><a href={props.href.clone()}>{ "Opening…" }</a></p></main>
                <SiteFooter />
            </div>
        }
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
    // The search page shows a name's page when its address names one
    // (`search.html?name=ID`): the server-rendered search view is hydrated
    // first, then this view follows the address.
    let at_location = move || {
        if super::dom::path_is("search.html") {
            match super::dom::page_param("name").filter(|id| !id.is_empty()) {
                Some(id) => Route::Name(id),
                None => Route::Search(super::dom::page_param("q").unwrap_or_default()),
            }
        } else {
            initial.clone()
        }
    };
    let next = at_location();
    if *route != next && matches!(next, Route::Name(_)) {
        route.set(next);
    }
    let route = route.clone();
    Some(gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
        let next = at_location();
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
