//! The kind filter of the search view: every name, or only the people,
//! organisations, places or groups. A group of toggle buttons; the chosen
//! one is pressed. Shown once the app runs (see [`use_running`]).

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::chrome::use_running;

/// Properties of [`KindFilter`].
#[derive(Properties, PartialEq)]
pub struct KindFilterProps {
    /// The kind shown (`None`: every kind).
    pub chosen: Option<EntityKind>,
    /// Called with the kind chosen.
    pub onchoose: Callback<Option<EntityKind>>,
}

#[function_component]
pub fn KindFilter(props: &KindFilterProps) -> Html {
    if !use_running() {
        return html! {};
    }
    let button = |kind: Option<EntityKind>, label: &'static str| {
        let onchoose = props.onchoose.clone();
        let pressed = props.chosen == kind;
        html! {
            <button type="button" class="kind-choice" data-kind={kind.map(EntityKind::as_str)}
                    aria-pressed={if pressed { "true" } else { "false" }}
                    onclick={Callback::from(move |_: MouseEvent| onchoose.emit(kind))}>
                if kind.is_some() { <span class="swatch" data-kind={kind.map(EntityKind::as_str)} aria-hidden="true"></span> }
                { label }
            </button>
        }
    };
    html! {
        <div class="kind-filter" role="group" aria-label="Names of one kind">
            { button(None, "All kinds") }
            { for EntityKind::ALL.into_iter().map(|k| button(Some(k), k.plural())) }
        </div>
    }
}

/// The nouns for a count of names of a kind: ("person", "people"), …;
/// ("name", "names") for every kind.
pub fn nouns(kind: Option<EntityKind>) -> (&'static str, &'static str) {
    match kind {
        None => ("name", "names"),
        Some(EntityKind::Person) => ("person", "people"),
        Some(EntityKind::Organization) => ("organisation", "organisations"),
        Some(EntityKind::Place) => ("place", "places"),
        Some(EntityKind::Group) => ("group", "groups"),
    }
}
