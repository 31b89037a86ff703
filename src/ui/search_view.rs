//! The search view: names first (each with the articles that mention it
//! and a link to its page), then the articles whose text matches, with the
//! matches highlighted in the snippets, as the reader types.
//!
//! The hosted site searches the library's index, fetched as needed (the
//! root when search is first used, the shards of the query's words, the
//! fragments of the articles shown: see [`super::site_index`]); the
//! single-file edition searches the articles it carries, in memory. A
//! reader's own articles are searched in memory in both, and added.
//!
//! Each result opens its article with the query, so the article highlights
//! the matches too, and a name opens it at that name's first mention.

use std::rc::Rc;

use lede_analysis::entities::EntityKind;
use lede_analysis::index::SharedName;
use lede_analysis::search::{search, ArticleHit, EntityHit, Query, Results, Searchable, Snippet, MIN_QUERY};
use yew::prelude::*;

use super::chrome::{Masthead, SiteFooter};
use super::doc::{all_embedded, load_own, DocRef};
use super::dom;
use super::kind_filter::{nouns, KindFilter};
use super::own;
use super::route::Mode;
use super::site_index::{self, spawn, ARTICLES_AT_ONCE};

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

/// What a query found so far.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// The index is being fetched.
    Searching,
    /// Found: the results shown, and the articles (doc id, score) of the
    /// index whose fragments are not fetched yet.
    Found { results: Rc<Results>, more: Rc<Vec<(String, usize)>>, counts: Rc<Vec<(usize, usize)>> },
    Failed(String),
}

/// The reader's own articles' results for a query, in memory.
fn own_results(query: &Query, own: &[DocRef]) -> Results {
    let searchable: Vec<Searchable> = own.iter().map(|d| Searchable { article: &d.article, analysis: &d.analysis }).collect();
    search(&searchable, query)
}

/// The library's results and the reader's own, as one list: a name in both
/// lists its own articles after the library's.
fn merge(mut library: Results, own: Results) -> Results {
    for e in own.entities {
        match library.entities.iter_mut().find(|l| l.id == e.id) {
            Some(l) => l.articles.extend(e.articles),
            None => library.entities.push(e),
        }
    }
    library.articles.extend(own.articles);
    library
}

/// Searches: in memory in the single-file edition; from the index in the
/// hosted site, `outcome` getting the names and the first articles, then
/// each batch as its fragments arrive. A newer query drops an older one's
/// answers (`generation`).
fn start_search(mode: Mode, q: String, own: Vec<DocRef>, outcome: UseStateHandle<Outcome>, generation: Rc<std::cell::Cell<u32>>) {
    let Some(query) = Query::new(&q) else { return };
    let mine = own_results(&query, &own);
    if mode == Mode::Single {
        let mut docs = all_embedded();
        docs.extend(own);
        let searchable: Vec<Searchable> = docs.iter().map(|d| Searchable { article: &d.article, analysis: &d.analysis }).collect();
        outcome.set(Outcome::Found { results: Rc::new(search(&searchable, &query)), more: Rc::default(), counts: Rc::default() });
        return;
    }
    let id = generation.get().wrapping_add(1);
    generation.set(id);
    outcome.set(Outcome::Searching);
    spawn(async move {
        let found = site_index::find(&query).await;
        let answer = match found {
            Err(e) => Outcome::Failed(e),
            Ok(found) => {
                let first: Vec<(String, usize)> = found.articles.iter().take(ARTICLES_AT_ONCE).cloned().collect();
                let rest: Vec<(String, usize)> = found.articles.iter().skip(ARTICLES_AT_ONCE).cloned().collect();
                match site_index::article_hits(&query, &first).await {
                    Err(e) => Outcome::Failed(e),
                    Ok(articles) => {
                        let library = Results { entities: found.entities, articles };
                        Outcome::Found { results: Rc::new(merge(library, mine)), more: Rc::new(rest), counts: Rc::new(found.entity_counts) }
                    }
                }
            }
        };
        if generation.get() == id {
            outcome.set(answer);
        }
    });
}

/// Fetches the next articles' fragments and adds their hits.
fn load_more(q: String, outcome: UseStateHandle<Outcome>) {
    let Outcome::Found { results, more, counts } = (*outcome).clone() else { return };
    let Some(query) = Query::new(&q) else { return };
    spawn(async move {
        let next: Vec<(String, usize)> = more.iter().take(ARTICLES_AT_ONCE).cloned().collect();
        let rest: Vec<(String, usize)> = more.iter().skip(ARTICLES_AT_ONCE).cloned().collect();
        match site_index::article_hits(&query, &next).await {
            Ok(hits) => {
                let mut r = (*results).clone();
                r.articles.extend(hits);
                outcome.set(Outcome::Found { results: Rc::new(r), more: Rc::new(rest), counts });
            }
            Err(e) => outcome.set(Outcome::Failed(e)),
        }
    });
}

#[function_component]
pub fn SearchView(props: &SearchViewProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let query = use_state(|| props.query.to_string());
    // Only names of this kind (`kind=` in the address), or every name.
    let kind = use_state(|| None::<EntityKind>);
    // The hosted search page reads its query from its address, and both
    // editions their kind.
    {
        let (query, kind) = (query.clone(), kind.clone());
        use_effect_with((), move |_| {
            if let Some(q) = dom::page_param("q").filter(|q| !q.is_empty()) {
                query.set(q);
            }
            kind.set(dom::page_param("kind").as_deref().and_then(super::route::kind_param));
        });
    }
    let on_search = {
        let (query, kind) = (query.clone(), kind.clone());
        Callback::from(move |q: String| {
            dom::replace_url(&mode.search_kind_href(q.trim(), *kind));
            query.set(q);
        })
    };
    let on_kind = {
        let (query, kind) = (query.clone(), kind.clone());
        Callback::from(move |k: Option<EntityKind>| {
            dom::replace_url(&mode.search_kind_href(query.trim(), k));
            kind.set(k);
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
    // The single-file edition searches in memory, as it renders (on the
    // server too).
    let in_memory = use_memo(((*query).clone(), own_docs.0.len(), mode), {
        let own = own_docs.0.clone();
        move |(q, _, mode)| {
            let query = Query::new(q).filter(|_| *mode == Mode::Single)?;
            let mut docs = all_embedded();
            docs.extend(own.iter().cloned());
            let searchable: Vec<Searchable> = docs.iter().map(|d| Searchable { article: &d.article, analysis: &d.analysis }).collect();
            Some(Rc::new(search(&searchable, &query)))
        }
    });
    // The hosted site fetches what each query needs from the index.
    let outcome = use_state(|| Outcome::Searching);
    let generation = use_memo((), |_| Rc::new(std::cell::Cell::new(0u32)));
    {
        let (outcome, generation, own) = (outcome.clone(), (*generation).clone(), own_docs.0.clone());
        use_effect_with(((*query).clone(), own_docs.0.len()), move |(q, _)| {
            if mode == Mode::Pages {
                start_search(mode, q.clone(), own, outcome, generation);
            }
        });
    }
    // The names shared by articles, for the hint (from the index's root).
    let shared = use_state(Vec::<SharedName>::new);
    {
        let shared = shared.clone();
        use_effect_with((), move |_| {
            if mode == Mode::Pages {
                spawn(async move {
                    if let Ok(root) = site_index::root().await {
                        shared.set(root.shared.clone());
                    }
                });
            }
        });
    }
    let q = query.trim().to_string();
    let on_more = {
        let (q, outcome) = (q.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| load_more(q.clone(), outcome.clone()))
    };
    let nothing = |q: &str| html! { <p class="search-summary" role="status">{ format!("Nothing in the library matches “{q}”.") }</p> };
    let kind = *kind;
    let body = if Query::new(&q).is_none() {
        hint(mode, &shared, kind)
    } else if mode == Mode::Single {
        match in_memory.as_ref() {
            Some(r) if !r.is_empty() => results_html(mode, &q, r, &[], 0, None, kind),
            _ => nothing(&q),
        }
    } else {
        match &*outcome {
            Outcome::Searching => html! { <p class="search-summary" role="status">{ "Searching the library…" }</p> },
            Outcome::Failed(e) => html! { <p class="search-summary search-error" role="status">{ format!("The search could not finish: {e}.") }</p> },
            Outcome::Found { results, .. } if results.is_empty() => nothing(&q),
            Outcome::Found { results, more, counts } => results_html(mode, &q, results, counts, more.len(), Some(on_more), kind),
        }
    };
    html! {
        <div class="lede search-page">
            <a class="skip-link" href="#search-results">{ "Skip to the results" }</a>
            <Masthead query={AttrValue::from((*query).clone())} {on_search} autofocus=true />
            <main class="search" id="search-results">
                <h1 class="library-title">{ "Search" }</h1>
                <KindFilter chosen={kind} onchoose={on_kind} />
                { body }
            </main>
            <SiteFooter />
        </div>
    }
}

/// What to type, and the names that link articles (of `kind`, if one is
/// chosen): from the index's root in the hosted site, from the articles
/// carried in the single-file edition.
fn hint(mode: Mode, from_root: &[SharedName], kind: Option<EntityKind>) -> Html {
    let mut shared: Vec<(String, String, &'static str, usize)> =
        from_root.iter().map(|s| (s.id.clone(), s.name.clone(), s.kind.as_str(), s.articles)).collect();
    if mode == Mode::Single {
        let counts = crate::library::page().counts.clone();
        for d in all_embedded() {
            for e in &d.analysis.entities {
                let n = counts.get(&e.id).unwrap_or(0);
                if n > 1 && !shared.iter().any(|(id, ..)| *id == e.id) {
                    shared.push((e.id.clone(), e.name.clone(), e.kind.as_str(), n));
                }
            }
        }
    }
    shared.retain(|(_, _, k, _)| kind.is_none_or(|kind| kind.as_str() == *k));
    shared.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)));
    let heading = match kind {
        None => "Names in more than one article".to_string(),
        Some(k) => format!("{} in more than one article", k.plural()),
    };
    html! {
        <>
            <p class="search-summary" role="status">
                { format!("Type at least {MIN_QUERY} letters: any words, or the name of a person, organisation, place or group.") }
            </p>
            if !shared.is_empty() {
                <section class="search-section" aria-labelledby="shared-heading">
                    <h2 id="shared-heading" class="panel-heading">{ heading }</h2>
                    <ul class="shared-names">
                        { for shared.iter().map(|(id, name, kind, n)| html! {
                            <li><a href={mode.name_href(id)}>
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

/// "1 article", "2 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The results: `counts` gives, for the first names, their number of
/// articles and mentions across the library (the index lists a few articles
/// per name); `more` articles are still to be fetched with `on_more`. With
/// a `kind`, only the names of that kind are listed (the articles that
/// match in their text are all listed still).
fn results_html(
    mode: Mode,
    q: &str,
    r: &Results,
    counts: &[(usize, usize)],
    more: usize,
    on_more: Option<Callback<MouseEvent>>,
    kind: Option<EntityKind>,
) -> Html {
    let shown: Vec<(usize, &EntityHit)> = r.entities.iter().enumerate().filter(|(_, e)| kind.is_none_or(|k| e.kind == k)).collect();
    let (one, many) = nouns(kind);
    let summary = format!("{} and {} match “{q}”.", plural(shown.len(), one, many), plural(r.articles.len() + more, "article", "articles"));
    let names_heading = kind.map_or("Names", EntityKind::plural);
    let entities = shown.iter().map(|&(i, e)| {
        let n = counts.get(i).map_or(e.articles.len(), |c| c.0.max(e.articles.len()));
        // Only a name of the library's articles has a page (not one found
        // in a reader's own articles alone).
        let in_library = e.articles.iter().any(|(slug, ..)| !slug.starts_with(super::route::OWN_PREFIX));
        html! {
            <li class="search-entity" data-kind={e.kind.as_str()} data-entity={e.id.clone()}>
                <p class="search-entity-name">
                    <span class="swatch" data-kind={e.kind.as_str()} aria-hidden="true"></span>
                    <span class="name">{ e.name.clone() }</span>
                    <span class="entity-kind">{ e.kind.as_str() }</span>
                    if in_library {
                        <a class="search-entity-count" href={mode.name_href(&e.id)}>{ format!("{}: {}", e.name, plural(n, "article", "articles")) }</a>
                    } else {
                        <span class="search-entity-count">{ format!("{}: {}", e.name, plural(n, "article", "articles")) }</span>
                    }
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
    let articles = r.articles.iter().map(|a: &ArticleHit| {
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
            if !shown.is_empty() {
                <section class="search-section" aria-labelledby="names-heading">
                    <h2 id="names-heading" class="panel-heading">{ names_heading }</h2>
                    <ul class="search-entities">{ for entities }</ul>
                </section>
            }
            if !r.articles.is_empty() || more > 0 {
                <section class="search-section" aria-labelledby="articles-heading">
                    <h2 id="articles-heading" class="panel-heading">{ "In the text" }</h2>
                    <ul class="search-articles">{ for articles }</ul>
                    if let (true, Some(on_more)) = (more > 0, on_more) {
                        <button type="button" class="search-more" onclick={on_more}>{ format!("More articles ({more} more)") }</button>
                    }
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
