//! The highlight toggle, one filter per entity kind, and the legend.

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::doc::DocRef;
use super::state::Action;

/// Properties of [`HighlightBar`].
#[derive(Properties, PartialEq)]
pub struct HighlightBarProps {
    pub doc: DocRef,
    pub highlights: bool,
    pub hidden: std::collections::BTreeSet<EntityKind>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn HighlightBar(props: &HighlightBarProps) -> Html {
    let toggle = props.dispatch.reform(|_: MouseEvent| Action::ToggleHighlights);
    let filters = EntityKind::ALL.iter().map(|&kind| {
        let shown = !props.hidden.contains(&kind);
        let count = props.doc.kind_count(kind);
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::ToggleKind(kind));
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
