//! The article's header: title, dateline and reading time.

use lede_analysis::dates::{month_name, weekday_name};
use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`ArticleHeader`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub doc: DocRef,
    /// Search matches to mark in the title.
    #[prop_or_default]
    pub hits: super::prose::Hits,
}

#[function_component]
pub fn ArticleHeader(props: &HeaderProps) -> Html {
    let a = &props.doc.article;
    let date = a.published.map(|d| {
        let long = format!("{}, {} {} {}", weekday_name(d), d.day(), month_name(d.month()), d.year());
        html! { <time datetime={lede_analysis::dates::DateValue::Day(d).iso()}>{ long }</time> }
    });
    let minutes = a.reading_minutes();
    let title = match a.title_span {
        Some(s) => {
            let block = lede_analysis::model::Block { kind: lede_analysis::model::BlockKind::Paragraph, runs: vec![lede_analysis::model::Run::plain(s)] };
            super::prose::render_block(&props.doc, &block, &props.hits)
        }
        None => html! { { a.title.clone() } },
    };
    html! {
        <header class="article-header">
            <h1 class="article-title">{ title }</h1>
            <p class="dateline">
                if let Some(place) = &a.place { <span class="place">{ place.clone() }</span> }
                if let Some(date) = date { <span class="date">{ date }</span> }
                if let Some(author) = &a.author { <span class="author">{ format!("By {author}") }</span> }
                <span class="reading-time">{ format!("{minutes} min read") }</span>
            </p>
        </header>
    }
}
