//! A name's page: every article of the library that names it, and the
//! events of those articles on one timeline, each linked to its sentence
//! in its article. What a news archive is for: "everything we reported on
//! Sergei Lavrov, in order".
//!
//! The hosted site fetches the name's file (`search/e/ID.json`, see
//! `lede_analysis::index`); the single-file edition makes it from the
//! articles it carries.

use std::rc::Rc;

use lede_analysis::index::EntityFile;
use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::library_view::long_date;
use super::route::Mode;
use super::search_view::plural;
use super::site_index::{self, spawn};

/// Properties of [`NameView`].
#[derive(Properties, PartialEq)]
pub struct NameViewProps {
    /// The name's entity id (the same in every article that names it).
    pub id: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Waiting,
    Found(Rc<EntityFile>),
    Failed(String),
}

#[function_component]
pub fn NameView(props: &NameViewProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let loaded = use_state(|| Loaded::Waiting);
    {
        let loaded = loaded.clone();
        use_effect_with(props.id.clone(), move |id| {
            let id = id.to_string();
            spawn(async move {
                loaded.set(match site_index::entity(&id, mode == Mode::Single).await {
                    Ok(f) => Loaded::Found(Rc::new(f)),
                    Err(e) => Loaded::Failed(e),
                });
            });
        });
    }
    // Every event of the articles, or only those told in a sentence that
    // names it.
    let only_naming = use_state(|| false);
    let on_only = {
        let only_naming = only_naming.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            only_naming.set(checked);
        })
    };
    // The page's title names the name once it is known.
    {
        let title = match &*loaded {
            Loaded::Found(f) => Some(format!("{} · Lede", f.name)),
            _ => None,
        };
        use_effect_with(title, |title| {
            if let Some(t) = title {
                super::dom::set_title(t);
            }
        });
    }
    let body = match &*loaded {
        Loaded::Waiting => html! { <p class="search-summary" role="status">{ "Finding every article that names it…" }</p> },
        Loaded::Failed(e) => html! {
            <>
                <h1 class="library-title">{ "Name not found" }</h1>
                <p class="search-summary search-error" role="status">{ format!("{e}.") }</p>
            </>
        },
        Loaded::Found(f) => page(mode, f, *only_naming, on_only),
    };
    html! {
        <div class="lede search-page name-page">
            <a class="skip-link" href="#name-main">{ "Skip to the name" }</a>
            <Masthead />
            <main class="search" id="name-main">{ body }</main>
            <SiteFooter />
        </div>
    }
}

fn page(mode: Mode, f: &EntityFile, only_naming: bool, on_only: Callback<Event>) -> Html {
    let kind = f.kind.as_str();
    let events: Vec<_> = f.timeline.iter().filter(|e| !only_naming || e.names_it).collect();
    let articles = f.articles.iter().map(|a| {
        html! {
            <li class="name-article">
                <a href={mode.article_href(&a.slug)}>{ a.title.clone() }</a>
                <span class="name-article-meta">
                    if let Some(d) = &a.published { <time datetime={d.clone()}>{ long_date(d) }</time>{ " · " } }
                    { plural(a.mentions, "mention", "mentions") }
                </span>
            </li>
        }
    });
    let rows = events.iter().map(|e| {
        let article = f.article_of(e);
        html! {
            <li class={classes!("name-event", e.names_it.then_some("names-it"))}>
                <time class="name-event-date" datetime={e.date.clone()}>{ e.human.clone() }</time>
                <p class="name-event-label">
                    if let Some(a) = article {
                        <a href={mode.event_href(&a.slug, e.event)}>{ e.label.clone() }</a>
                    } else {
                        { e.label.clone() }
                    }
                </p>
                if let Some(a) = article { <p class="name-event-source">{ a.title.clone() }</p> }
            </li>
        }
    });
    html! {
        <>
            <p class="name-kind"><span class="swatch" data-kind={kind} aria-hidden="true"></span>{ kind }</p>
            <h1 class="library-title">{ f.name.clone() }</h1>
            if let Some(d) = &f.description { <p class="library-intro">{ d.clone() }</p> }
            <p class="search-summary" role="status">
                { format!("Named in {} of the library, with {} on their timelines.", plural(f.articles.len(), "article", "articles"), plural(f.timeline.len(), "event", "events")) }
            </p>
            <section class="search-section" aria-labelledby="name-timeline-heading">
                <h2 id="name-timeline-heading" class="panel-heading">{ "Timeline across the library" }</h2>
                if f.timeline.iter().any(|e| e.names_it) && f.timeline.iter().any(|e| !e.names_it) {
                    <label class="name-only">
                        <input type="checkbox" checked={only_naming} onchange={on_only} />
                        { format!(" Only events told in a sentence that names {}", f.name) }
                    </label>
                }
                if events.is_empty() {
                    <p class="search-summary">{ "These articles report no dated events." }</p>
                } else {
                    <ol class="name-timeline">{ for rows }</ol>
                }
            </section>
            <section class="search-section" aria-labelledby="name-articles-heading">
                <h2 id="name-articles-heading" class="panel-heading">{ "Articles" }</h2>
                <ul class="name-articles">{ for articles }</ul>
            </section>
        </>
    }
}
