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
#[function_component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    html! {
        <header class="masthead">
            <a class="brand" href={mode.library_href()}>{ "Lede" }</a>
            <span class="tagline">{ "Names and dates, found in your browser" }</span>
            <SearchBox value={props.query.clone()} on_input={props.on_search.clone()} autofocus={props.autofocus} />
            <DisplayMenu />
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
