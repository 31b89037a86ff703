//! Every entity with its kind and number of mentions; choosing one marks
//! its mentions in the text and steps through them.

use yew::prelude::*;

use super::doc::DocRef;
use super::mention_stepper::MentionStepper;

/// Properties of [`EntityPanel`].
#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub doc: DocRef,
    /// The chosen entity and its current mention.
    pub selected: Option<(usize, usize)>,
    /// An entity (by index) is chosen.
    pub on_select: Callback<usize>,
    /// Step through the chosen entity's mentions (-1 or 1).
    pub on_step: Callback<isize>,
}

#[function_component]
pub fn EntityPanel(props: &EntityPanelProps) -> Html {
    let mode = use_context::<super::route::Mode>().unwrap_or_default();
    let entities = &props.doc.analysis.entities;
    let items = entities.iter().enumerate().map(|(i, e)| {
        let chosen = props.selected.is_some_and(|(s, _)| s == i);
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        let n = e.mentions.len();
        let count_label = if n == 1 { "1 mention".to_string() } else { format!("{n} mentions") };
        html! {
            <li class={classes!("entity", chosen.then_some("chosen"))} data-kind={e.kind.as_str()}>
                <button type="button" class="entity-button" data-entity={e.id.clone()}
                        aria-pressed={if chosen { "true" } else { "false" }} {onclick}>
                    <span class="swatch" data-kind={e.kind.as_str()} aria-hidden="true"></span>
                    <span class="entity-name">{ e.name.clone() }</span>
                    <span class="entity-kind">{ e.kind.as_str() }</span>
                    <span class="entity-count" aria-label={count_label}>{ n }</span>
                </button>
                if chosen {
                    { stepper(props, i, mode) }
                }
            </li>
        }
    });
    html! {
        <section class="entity-panel" aria-labelledby="entities-heading">
            <h2 id="entities-heading" class="panel-heading">{ "Entities" }
                <span class="panel-count">{ entities.len() }</span></h2>
            if entities.is_empty() {
                <p class="empty">{ "No names found in this article." }</p>
            } else {
                <ul class="entity-list">{ for items }</ul>
            }
        </section>
    }
}

/// Description and previous/next buttons for the chosen entity.
fn stepper(props: &EntityPanelProps, i: usize, mode: super::route::Mode) -> Html {
    let e = &props.doc.analysis.entities[i];
    let current = props.selected.map_or(0, |(_, m)| m);
    html! {
        <div class="stepper">
            if let Some(d) = &e.description { <p class="entity-description">{ d.clone() }</p> }
            { super::entity_card::elsewhere(&props.doc, i, mode) }
            <div class="stepper-row">
                <MentionStepper name={e.name.clone()} count={e.mentions.len()} {current} on_step={props.on_step.clone()} />
            </div>
        </div>
    }
}
