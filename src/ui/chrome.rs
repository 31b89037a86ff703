//! The page chrome every view shares: the masthead and the footer.

use yew::prelude::*;

use super::display_menu::DisplayMenu;
use super::route::Mode;
use super::search_box::SearchBox;

/// Properties of [`Masthead`]: what its search box shows and does.
#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    #[prop_or_default]
    pub query: AttrValue,
    #[prop_or_default]
    pub on_search: Option<Callback<String>>,
    #[prop_or_default]
    pub autofocus: bool,
}

/// The masthead: the brand (a link to the library), the search box and the
/// display menu.
///
/// The search box and the display menu only work with the app running, so
/// the server-rendered page holds invisible boxes of the same size in their
/// place; they are swapped in once the app runs. Besides sparing a reader
/// without JavaScript controls that do nothing, this keeps form fields out
/// of the page as it loads: Chromium lays out a page with form fields as
/// soon as it is parsed, before its stylesheet has arrived, and then again
/// with it, which delays the first paint.
#[function_component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let running = use_running();
    html! {
        <header class="masthead">
            <a class="brand" href={mode.library_href()}>{ "Lede" }</a>
            <span class="tagline">{ "Names and dates, found in your browser" }</span>
            if running {
                <SearchBox value={props.query.clone()} on_input={props.on_search.clone()} autofocus={props.autofocus} />
                <DisplayMenu />
            } else {
                <div class="search-box stub" aria-hidden="true"><span class="search-input">{ "\u{a0}" }</span></div>
                <div class="display-menu stub" aria-hidden="true"><span class="size-step">{ "\u{a0}" }</span></div>
            }
        </header>
    }
}

/// Properties of [`SiteFooter`].
#[derive(Properties, PartialEq)]
pub struct SiteFooterProps {
    /// Lines of the view's own, before the shared ones.
    #[prop_or_default]
    pub children: Html,
}

/// The footer: the view's own lines, the privacy note and the data credits.
#[function_component]
pub fn SiteFooter(props: &SiteFooterProps) -> Html {
    html! {
        <footer class="site-footer">
            <p>{ "Entities and dates are found by Lede’s analysis, in this page: nothing you read here is sent anywhere." }</p>
            { props.children.clone() }
            <p class="credits">{ "Place and country data: world-countries (ODbL 1.0) and GeoNames (CC BY 4.0, www.geonames.org)." }</p>
        </footer>
    }
}

/// Whether the app has started in this page: set by the first masthead to
/// run, so that views shown later render their controls at once (and the
/// search view's box keeps the keystrokes that opened it).
static RUNNING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// False while rendering what the server rendered (on the server, and in the
/// browser's hydration of it, which must match); true once the app runs.
#[hook]
pub(crate) fn use_running() -> bool {
    use std::sync::atomic::Ordering::Relaxed;
    let running = use_state(|| RUNNING.load(Relaxed));
    {
        let running = running.clone();
        use_effect_with((), move |_| {
            RUNNING.store(true, Relaxed);
            if !*running {
                running.set(true);
            }
        });
    }
    *running
}
