//! The library: every embedded article with its place, date, reading time
//! and most-mentioned names.

use lede_analysis::dates::month_name;
use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::dom;
use super::open_article::OpenArticle;
use super::own;
use super::route::Mode;

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
    super::doc::all_embedded()
        .into_iter()
        .map(|d| {
            let (a, analysis) = (&d.article, &d.analysis);
            let top = analysis.entities.iter().take(4).map(|e| (e.name.clone(), e.kind.as_str())).collect();
            let date = a.published.map(|d| {
                (lede_analysis::dates::DateValue::Day(d).iso(), format!("{} {} {}", d.day(), month_name(d.month()), d.year()))
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
                if !mine.is_empty() {
                    <section class="own-articles" aria-labelledby="own-heading">
                        <h2 id="own-heading" class="panel-heading">{ "Your articles" }</h2>
                        <ul class="own-list">{ for own_items }</ul>
                    </section>
                }
                <OpenArticle {on_opened} />
            </main>
            <SiteFooter />
        </div>
    }
}
