//! What only a printed article shows: the legend of the highlights and the
//! timeline as a table at the end. Hidden on screen.

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`PrintLegend`] and [`PrintTimeline`].
#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub doc: DocRef,
}

/// The underline style of each kind, for the printed legend.
fn line_style(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "solid underline",
        EntityKind::Organization => "double underline",
        EntityKind::Place => "dashed underline",
        EntityKind::Group => "dotted underline",
    }
}

#[function_component]
pub fn PrintLegend(props: &PrintProps) -> Html {
    let items = EntityKind::ALL.iter().filter(|k| props.doc.kind_count(**k) > 0).map(|&k| {
        html! { <li><span class="legend-mark" data-kind={k.as_str()}>{ k.plural() }</span>{ format!(": {}", line_style(k)) }</li> }
    });
    html! {
        <aside class="print-only print-legend" aria-hidden="true">
            <ul>{ for items }</ul>
        </aside>
    }
}

#[function_component]
pub fn PrintTimeline(props: &PrintProps) -> Html {
    let a = &props.doc.analysis;
    if a.timeline.is_empty() {
        return html! {};
    }
    let rows = a.timeline.iter().map(|e| {
        html! { <tr><td><time datetime={e.date.iso()}>{ e.date.to_string() }</time></td><td>{ e.label.clone() }</td></tr> }
    });
    html! {
        <section class="print-only print-timeline" aria-hidden="true">
            <h2>{ "Timeline" }</h2>
            <table>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Event" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
