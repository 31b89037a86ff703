//! The card of the chosen entity, next to its current mention in the text:
//! name, kind, the description the text gives, the number of mentions, and
//! buttons for the previous and next mention. Opened by clicking or tapping
//! a highlighted name, or by choosing an entity in the panel.

use yew::prelude::*;

use super::doc::DocRef;
use super::mention_stepper::MentionStepper;
use super::state::Action;

/// Properties of [`EntityCard`].
#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    pub doc: DocRef,
    /// The chosen entity and its current mention.
    pub selected: Option<(usize, usize)>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn EntityCard(props: &EntityCardProps) -> Html {
    let Some((i, m)) = props.selected else { return html! {} };
    let Some(e) = props.doc.analysis.entities.get(i) else { return html! {} };
    let count = e.mentions.len();
    let close = props.dispatch.reform(|_: MouseEvent| Action::ClearSelection);
    let mentions = if count == 1 { "1 mention".to_string() } else { format!("{count} mentions") };
    html! {
        <div id="entity-card" class="entity-card" data-kind={e.kind.as_str()} role="group" aria-label={format!("{} ({})", e.name, e.kind.as_str())}>
            <p class="card-name"><span class="swatch" data-kind={e.kind.as_str()} aria-hidden="true"></span>{ e.name.clone() }</p>
            <p class="card-kind">{ format!("{} · {mentions}", e.kind.as_str()) }</p>
            if let Some(d) = &e.description { <p class="card-description">{ d.clone() }</p> }
            <div class="card-steps">
                <MentionStepper name={e.name.clone()} {count} current={m} dispatch={props.dispatch.clone()} live={false} />
                <button type="button" class="card-close" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
