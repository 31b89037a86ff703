//! The table of contents: a link to every section.

use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`Toc`].
#[derive(Properties, PartialEq)]
pub struct TocProps {
    pub doc: DocRef,
}

#[function_component]
pub fn Toc(props: &TocProps) -> Html {
    let mode = use_context::<super::route::Mode>().unwrap_or_default();
    let article = &props.doc.article.slug;
    let items = props.doc.sections.iter().filter(|s| s.heading.is_some()).map(|s| {
        html! { <li><a href={mode.section_href(article, &s.slug)}>{ s.title.clone() }</a></li> }
    });
    html! {
        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading" class="panel-heading">{ "Contents" }</h2>
            <ol>{ for items }</ol>
        </nav>
    }
}
