//! The library: every embedded article with its place, date, reading time
//! and most-mentioned names.

use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::route::Mode;
use crate::analysis::analyze;
use crate::dates::month_name;
use crate::library;

/// One article's card, computed once.
#[derive(Clone, PartialEq)]
struct Card {
    slug: String,
    title: String,
    place: Option<String>,
    date: Option<(String, String)>,
    minutes: usize,
    top: Vec<(String, &'static str)>,
}

fn cards() -> Vec<Card> {
    library::articles()
        .into_iter()
        .map(|a| {
            let analysis = analyze(&a);
            let top = analysis.entities.iter().take(4).map(|e| (e.name.clone(), e.kind.as_str())).collect();
            let date = a.published.map(|d| {
                (crate::dates::DateValue::Day(d).iso(), format!("{} {} {}", d.day(), month_name(d.month()), d.year()))
            });
            Card { slug: a.slug.clone(), title: a.title.clone(), place: a.place.clone(), date, minutes: a.reading_minutes(), top }
        })
        .collect()
}

fn intro(n: usize) -> String {
    let count = if n == 1 { "One article".to_string() } else { format!("{n} articles") };
    format!("{count}, each with its people, organisations, places and groups highlighted and a timeline of the events it reports.")
}

#[function_component]
pub fn LibraryView() -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let cards = use_memo((), |_| cards());
    let items = cards.iter().map(|c| {
        html! {
            <li class="card">
                <h2 class="card-title"><a href={mode.article_href(&c.slug)}>{ c.title.clone() }</a></h2>
                <p class="card-meta">
                    if let Some(p) = &c.place { <span class="place">{ p.clone() }</span> }
                    if let Some((iso, long)) = &c.date { <span class="date"><time datetime={iso.clone()}>{ long.clone() }</time></span> }
                    <span class="reading-time">{ format!("{} min read", c.minutes) }</span>
                </p>
                if !c.top.is_empty() {
                    <ul class="card-entities" aria-label="Most mentioned">
                        { for c.top.iter().map(|(name, kind)| html! {
                            <li><span class="swatch" data-kind={*kind} aria-hidden="true"></span>{ name.clone() }</li>
                        }) }
                    </ul>
                }
            </li>
        }
    });
    html! {
        <div class="lede library-page">
            <a class="skip-link" href="#library">{ "Skip to the articles" }</a>
            <Masthead />
            <main class="library" id="library">
                <h1 class="library-title">{ "Library" }</h1>
                <p class="library-intro">{ intro(cards.len()) }</p>
                <ul class="cards">{ for items }</ul>
            </main>
            <SiteFooter />
        </div>
    }
}
