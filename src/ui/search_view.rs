//! The search view: every embedded article searched as the reader types,
//! names first (each with the articles that mention it), then the articles
//! whose text matches, with the matches highlighted in the snippets.
//!
//! Each result opens its article with the query, so the article highlights
//! the matches too, and a name opens it at that name's first mention.

use std::rc::Rc;

use lede_analysis::search::{search, Query, Results, Searchable, Snippet, MIN_QUERY};
use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::doc::{all_embedded, load_own, DocRef};
use super::own;
use super::dom;
use super::route::Mode;

/// Properties of [`SearchView`].
#[derive(Properties, PartialEq)]
pub struct SearchViewProps {
    /// The query the view opens with (the page's own address is read once
    /// it is running, for the hosted site's `search.html?q=…`).
    #[prop_or_default]
    pub query: AttrValue,
}

/// The reader's own articles, added as the worker finishes each.
#[derive(Default, PartialEq)]
struct OwnDocs(Vec<DocRef>);

impl Reducible for OwnDocs {
    type Action = DocRef;
    fn reduce(self: Rc<Self>, doc: DocRef) -> Rc<Self> {
        let mut docs = self.0.clone();
        docs.push(doc);
        Rc::new(OwnDocs(docs))
    }
}

fn run(q: &str, own: &[DocRef]) -> Option<Results> {
    let query = Query::new(q)?;
    let mut docs = all_embedded();
    docs.extend(own.iter().cloned());
    let searchable: Vec<Searchable> = docs.iter().map(|d| Searchable { article: &d.article, analysis: &d.analysis }).collect();
    Some(search(&searchable, &query))
}

#[function_component]
pub fn SearchView(props: &SearchViewProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let query = use_state(|| props.query.to_string());
    // The hosted search page reads its query from its address.
    {
        let query = query.clone();
        use_effect_with((), move |_| {
            if let Some(q) = dom::page_param("q").filter(|q| !q.is_empty()) {
                query.set(q);
            }
        });
    }
    let on_search = {
        let query = query.clone();
        Callback::from(move |q: String| {
            dom::replace_url(&mode.search_href(q.trim()));
            query.set(q);
        })
    };
    // The reader's own articles are searched too, once analysed.
    let own_docs = use_reducer(OwnDocs::default);
    {
        let add = own_docs.dispatcher();
        use_effect_with((), move |_| {
            for entry in own::list() {
                let add = add.clone();
                load_own(&entry.slug, move |d| {
                    if let Some(d) = d {
                        add.dispatch(d);
                    }
                });
            }
        });
    }
    let results = use_memo(((*query).clone(), own_docs.0.len()), {
        let own = own_docs.0.clone();
        move |(q, _)| run(q, &own).map(Rc::new)
    });
    let q = query.trim().to_string();

    let body = match results.as_ref() {
        None => hint(mode),
        Some(r) if r.is_empty() => html! {
            <p class="search-summary" role="status">{ format!("Nothing in the library matches “{q}”.") }</p>
        },
        Some(r) => results_html(mode, &q, r),
    };
    html! {
        <div class="lede search-page">
            <a class="skip-link" href="#search-results">{ "Skip to the results" }</a>
            <Masthead query={AttrValue::from((*query).clone())} {on_search} autofocus=true />
            <main class="search" id="search-results">
                <h1 class="library-title">{ "Search" }</h1>
                { body }
            </main>
            <SiteFooter />
        </div>
    }
}

/// What to type, and the names that link articles.
fn hint(mode: Mode) -> Html {
    let mut shared: Vec<(String, String, &'static str, usize)> = Vec::new();
    let counts = crate::library::page().counts.clone();
    for d in all_embedded() {
        for e in &d.analysis.entities {
            let n = counts.get(&e.id).copied().unwrap_or(0);
            if n > 1 && !shared.iter().any(|(id, ..)| *id == e.id) {
                shared.push((e.id.clone(), e.name.clone(), e.kind.as_str(), n));
            }
        }
    }
    shared.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)));
    html! {
        <>
            <p class="search-summary" role="status">
                { format!("Type at least {MIN_QUERY} letters: any words, or the name of a person, organisation, place or group.") }
            </p>
            if !shared.is_empty() {
                <section class="search-section" aria-labelledby="shared-heading">
                    <h2 id="shared-heading" class="panel-heading">{ "Names in more than one article" }</h2>
                    <ul class="shared-names">
                        { for shared.iter().map(|(_, name, kind, n)| html! {
                            <li><a href={mode.search_href(name)}>
                                <span class="swatch" data-kind={*kind} aria-hidden="true"></span>
                                { format!("{name}: {n} articles") }
                            </a></li>
                        }) }
                    </ul>
                </section>
            }
        </>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn results_html(mode: Mode, q: &str, r: &Results) -> Html {
    let summary = format!(
        "{} and {} match “{q}”.",
        plural(r.entities.len(), "name", "names"),
        plural(r.articles.len(), "article", "articles")
    );
    let entities = r.entities.iter().map(|e| {
        html! {
            <li class="search-entity" data-kind={e.kind.as_str()} data-entity={e.id.clone()}>
                <p class="search-entity-name">
                    <span class="swatch" data-kind={e.kind.as_str()} aria-hidden="true"></span>
                    <span class="name">{ e.name.clone() }</span>
                    <span class="entity-kind">{ e.kind.as_str() }</span>
                    <span class="search-entity-count">{ format!("{}: {}", e.name, plural(e.articles.len(), "article", "articles")) }</span>
                </p>
                if let Some(d) = &e.description { <p class="search-entity-description">{ d.clone() }</p> }
                <ul class="search-entity-articles">
                    { for e.articles.iter().map(|(slug, title, n)| html! {
                        <li><a href={mode.found_href(slug, q, Some(&e.id))}>{ title.clone() }</a>
                            <span class="search-count">{ plural(*n, "mention", "mentions") }</span></li>
                    }) }
                </ul>
            </li>
        }
    });
    let articles = r.articles.iter().map(|a| {
        html! {
            <li class="search-article">
                <h3 class="search-article-title"><a href={mode.found_href(&a.slug, q, None)}>{ a.title.clone() }</a></h3>
                <p class="search-count">{ plural(a.count, "match", "matches") }</p>
                { for a.snippets.iter().map(snippet) }
            </li>
        }
    });
    html! {
        <>
            <p class="search-summary" role="status">{ summary }</p>
            if !r.entities.is_empty() {
                <section class="search-section" aria-labelledby="names-heading">
                    <h2 id="names-heading" class="panel-heading">{ "Names" }</h2>
                    <ul class="search-entities">{ for entities }</ul>
                </section>
            }
            if !r.articles.is_empty() {
                <section class="search-section" aria-labelledby="articles-heading">
                    <h2 id="articles-heading" class="panel-heading">{ "In the text" }</h2>
                    <ul class="search-articles">{ for articles }</ul>
                </section>
            }
        </>
    }
}

/// A snippet with its matches marked.
fn snippet(s: &Snippet) -> Html {
    let mut out = Vec::new();
    let mut pos = 0;
    for h in &s.hits {
        if h.start > pos {
            out.push(html! { { &s.text[pos..h.start] } });
        }
        out.push(html! { <mark class="search-hit">{ &s.text[h.start..h.end] }</mark> });
        pos = h.end;
    }
    if pos < s.text.len() {
        out.push(html! { { &s.text[pos..] } });
    }
    html! { <p class="search-snippet">{ for out }</p> }
}
