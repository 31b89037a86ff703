//! One collapsible section: an `<h2>` holding the toggle, and its body.

use yew::prelude::*;

use super::doc::DocRef;
use super::prose::{render_block, Hits, Prose};

/// Properties of [`SectionView`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub doc: DocRef,
    /// Index into the doc's sections.
    pub index: usize,
    pub collapsed: bool,
    /// Called with the section's slug when its toggle is pressed.
    pub on_toggle: Callback<String>,
    /// Search matches to mark.
    #[prop_or_default]
    pub hits: Hits,
}

#[function_component]
pub fn SectionView(props: &SectionProps) -> Html {
    let mode = use_context::<super::route::Mode>().unwrap_or_default();
    let section = &props.doc.sections[props.index];
    let body_id = format!("{}-body", section.slug);
    let Some(h) = section.heading else {
        // The lead: no heading, never collapsed.
        return html! {
            <section id={section.slug.clone()} class="lead">
                <Prose doc={props.doc.clone()} blocks={section.blocks.clone()} hits={props.hits.clone()} />
            </section>
        };
    };
    let onclick = {
        let slug = section.slug.clone();
        props.on_toggle.reform(move |_: MouseEvent| slug.clone())
    };
    let expanded = if props.collapsed { "false" } else { "true" };
    let heading = render_block(&props.doc, &props.doc.article.blocks[h], &props.hits);
    html! {
        <section id={section.slug.clone()} class={classes!("section", props.collapsed.then_some("collapsed"))}>
            <h2 class="section-heading">
                <button type="button" class="section-toggle" aria-expanded={expanded} aria-controls={body_id.clone()} {onclick}>
                    <span class="chevron" aria-hidden="true"></span>
                    <span class="section-title">{ heading }</span>
                </button>
                <a class="section-link" href={mode.section_href(&props.doc.article.slug, &section.slug)} aria-label={format!("Link to “{}”", section.title)}>{ "#" }</a>
            </h2>
            <div id={body_id} class="section-body" hidden={props.collapsed}>
                <Prose doc={props.doc.clone()} blocks={section.blocks.clone()} hits={props.hits.clone()} />
            </div>
        </section>
    }
}
