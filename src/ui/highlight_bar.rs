//! The highlight toggle, one filter per entity kind, and the legend.

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`HighlightBar`].
#[derive(Properties, PartialEq)]
pub struct HighlightBarProps {
    pub doc: DocRef,
    pub highlights: bool,
    pub hidden: super::state::SmallSet<EntityKind>,
    /// Highlights are switched on or off.
    pub on_toggle: Callback<()>,
    /// One kind is shown or hidden.
    pub on_toggle_kind: Callback<EntityKind>,
}

#[function_component]
pub fn HighlightBar(props: &HighlightBarProps) -> Html {
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let filters = EntityKind::ALL.iter().map(|&kind| {
        let shown = !props.hidden.contains(&kind);
        let count = props.doc.kind_count(kind);
        let onclick = props.on_toggle_kind.reform(move |_: MouseEvent| kind);
        html! {
            <li>
                <button type="button" class="filter" data-kind={kind.as_str()}
                        aria-pressed={if shown { "true" } else { "false" }}
                        disabled={!props.highlights}
                        {onclick}>
                    <span class="swatch" data-kind={kind.as_str()} aria-hidden="true"></span>
                    { kind.plural() }
                    <span class="count">{ count }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="highlight-bar" role="group" aria-label="Highlights">
            <button type="button" class="highlight-toggle" aria-pressed={if props.highlights { "true" } else { "false" }}
                    aria-keyshortcuts="h" onclick={toggle}>
                <span class="toggle-track" aria-hidden="true"><span class="toggle-thumb"></span></span>
                { "Highlight entities" }
                <kbd aria-hidden="true">{ "h" }</kbd>
            </button>
            <ul class="filters" aria-label="Show by kind">{ for filters }</ul>
            <p class={classes!("legend", (!props.highlights).then_some("off"))}>
                <span class="legend-item"><span class="swatch date-swatch" aria-hidden="true"></span>{ "dated" }</span>
                <span class="legend-item"><span class="swatch vague-swatch" aria-hidden="true"></span>{ "undated period" }</span>
                <span class="legend-hint">{ "Choose a name to follow it through the text." }</span>
            </p>
        </div>
    }
}
