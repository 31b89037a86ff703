//! The library: every embedded article with its place, date, reading time
//! and most-mentioned names.

use lede_analysis::calendar::{month_name, MONTHS};
use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::dom;
use super::keep_offline::KeepOffline;
use super::library_filter::LibraryFilter;
use super::open_article::OpenArticle;
use super::own;
use super::route::Mode;
use crate::library::{Card, LibraryPage};

/// `2019-08-07` as "7 August 2019"; `2019-08` as "August 2019".
pub fn long_date(iso: &str) -> String {
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next(), parts.next().and_then(|m| m.parse::<u8>().ok()), parts.next());
    let month = month.and_then(|m| MONTHS.get(usize::from(m).checked_sub(1)?)).map(|(_, m)| month_name(*m));
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{} {m} {y}", d.trim_start_matches('0')),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        _ => iso.to_string(),
    }
}

/// The cards of this page, in runs of one month each (newest first; the
/// undated last).
fn by_month(cards: &[Card]) -> Vec<(Option<&str>, &[Card])> {
    let mut out: Vec<(Option<&str>, &[Card])> = Vec::new();
    let mut start = 0;
    for i in 1..=cards.len() {
        if i == cards.len() || cards[i].month() != cards[start].month() {
            out.push((cards[start].month(), &cards[start..i]));
            start = i;
        }
    }
    out
}

fn intro(n: usize) -> String {
    let count = if n == 1 { "One article".to_string() } else { format!("{n} articles") };
    format!("{count}, each with its people, organisations, places and groups highlighted and a timeline of the events it reports.")
}

#[function_component]
pub fn LibraryView() -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let data = crate::library::page();
    let lib = data.library.clone().unwrap_or_default();
    // The reader's own articles are in this browser's storage: read after hydration.
    let mine = use_state(Vec::<own::OwnEntry>::new);
    {
        let mine = mine.clone();
        use_effect_with((), move |_| mine.set(own::list()));
    }
    let on_opened = Callback::from(move |slug: String| dom::set_hash(&mode.article_href(&slug)));
    let remove = |slug: String| {
        let mine = mine.clone();
        Callback::from(move |_: MouseEvent| {
            own::remove(&slug);
            mine.set(own::list());
        })
    };
    let own_items = mine.iter().map(|e| {
        html! {
            <li class="own-item">
                <a href={mode.article_href(&e.slug)}>{ e.title.clone() }</a>
                <span class="own-file">{ e.file.clone() }</span>
                <button type="button" class="own-remove" aria-label={format!("Remove “{}” from this browser", e.title)}
                        onclick={remove(e.slug.clone())}>{ "Remove" }</button>
            </li>
        }
    });
    let card = |c: &Card| {
        html! {
            <li class="card">
                <h3 class="card-title"><a href={mode.article_href(&c.slug)}>{ c.title.clone() }</a></h3>
                <p class="card-meta">
                    if let Some(p) = &c.place { <span class="place">{ p.clone() }</span> }
                    if let Some(iso) = &c.published { <span class="date"><time datetime={iso.clone()}>{ long_date(iso) }</time></span> }
                    <span class="reading-time">{ format!("{} min read", c.minutes) }</span>
                </p>
                if !c.names.is_empty() {
                    <ul class="card-entities" aria-label="Most mentioned">
                        { for c.names.iter().map(|(id, name, kind): &(String, String, EntityKind)| html! {
                            <li><a href={mode.name_href(id)} title={format!("Every article that names {name}, and their timeline")}>
                                <span class="swatch" data-kind={kind.as_str()} aria-hidden="true"></span>{ name.clone() }
                            </a></li>
                        }) }
                    </ul>
                }
            </li>
        }
    };
    let months = by_month(&lib.cards).into_iter().map(|(month, cards)| {
        let heading = month.map_or_else(|| "Undated".to_string(), long_date);
        let id = format!("month-{}", month.unwrap_or("undated"));
        html! {
            <section class="library-month" aria-labelledby={id.clone()}>
                <h2 class="month-heading" id={id}>{ heading }</h2>
                <ul class="cards">{ for cards.iter().map(card) }</ul>
            </section>
        }
    });
    html! {
        <div class="lede library-page">
            <a class="skip-link" href="#library">{ "Skip to the articles" }</a>
            <Masthead />
            <main class="library" id="library">
                <h1 class="library-title">{ "Library" }</h1>
                <p class="library-intro">{ intro(lib.total) }</p>
                <LibraryFilter />
                { for months }
                { pager(mode, &lib) }
                if !mine.is_empty() {
                    <section class="own-articles" aria-labelledby="own-heading">
                        <h2 id="own-heading" class="panel-heading">{ "Your articles" }</h2>
                        <ul class="own-list">{ for own_items }</ul>
                    </section>
                }
                <OpenArticle {on_opened} />
                if mode == Mode::Pages { <KeepOffline /> }
            </main>
            <SiteFooter />
        </div>
    }
}

/// Links to the newer and older pages of a library too long for one.
fn pager(mode: Mode, lib: &LibraryPage) -> Html {
    if lib.pages < 2 {
        return html! {};
    }
    let link = |page: usize, text: String, rel: Option<&'static str>| html! {
        <a class="pager-link" href={mode.library_page_href(page)} {rel}>{ text }</a>
    };
    html! {
        <nav class="pager" aria-label="Library pages">
            if lib.page > 1 { { link(lib.page - 1, "← Newer".into(), Some("prev")) } }
            <span class="pager-where">{ format!("Page {} of {}", lib.page, lib.pages) }</span>
            if lib.page < lib.pages { { link(lib.page + 1, "Older →".into(), Some("next")) } }
        </nav>
    }
}
