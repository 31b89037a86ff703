//! Previous and next buttons over one entity's mentions, with the position
//! ("2 of 5"): shared by the entity panel and the entity card.

use yew::prelude::*;

/// Properties of [`MentionStepper`].
#[derive(Properties, PartialEq)]
pub struct MentionStepperProps {
    /// The entity's name, for the buttons' accessible names.
    pub name: AttrValue,
    /// How many mentions the entity has.
    pub count: usize,
    /// The current mention (0-based).
    pub current: usize,
    /// Step by this many mentions (-1 or 1).
    pub on_step: Callback<isize>,
    /// Announce the position to screen readers (only one stepper on a page should).
    #[prop_or(true)]
    pub live: bool,
}

#[function_component]
pub fn MentionStepper(props: &MentionStepperProps) -> Html {
    let count = props.count;
    let prev = props.on_step.reform(|_: MouseEvent| -1);
    let next = props.on_step.reform(|_: MouseEvent| 1);
    html! {
        <>
            <button type="button" class="step step-prev" onclick={prev} aria-label={format!("Previous mention of {}", props.name)}>{ "‹ Previous" }</button>
            <span class="step-position" aria-live={props.live.then_some("polite")}>{ format!("{} of {count}", props.current + 1) }</span>
            <button type="button" class="step step-next" onclick={next} aria-label={format!("Next mention of {}", props.name)}>{ "Next ›" }</button>
        </>
    }
}
