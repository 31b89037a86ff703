//! The card of the chosen entity, next to its current mention in the text:
//! name, kind, the description the text gives, the number of mentions, and
//! buttons for the previous and next mention, and a link to the other
//! articles that name it. Opened by pointing at or focusing a highlighted
//! name (it closes again when the pointer leaves), or for good by clicking
//! or tapping one, pressing Enter on one, or choosing it in the panel.
//! For a reader's own article the card also lets them correct the name
//! ([`super::correct_name`]).

use yew::prelude::*;

use super::doc::DocRef;
use super::correct_name::CorrectName;
use super::mention_stepper::MentionStepper;
use super::own_corrections::{self, Entry};
use super::route::{is_own, Mode};

/// Properties of [`EntityCard`].
#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    pub doc: DocRef,
    /// The chosen entity and its current mention.
    pub selected: Option<(usize, usize)>,
    /// Step through the chosen entity's mentions (-1 or 1).
    pub on_step: Callback<isize>,
    /// The card is closed (the choice cleared).
    pub on_close: Callback<()>,
    /// The pointer entered or left the card.
    #[prop_or_default]
    pub on_enter: Callback<MouseEvent>,
    #[prop_or_default]
    pub on_leave: Callback<MouseEvent>,
    /// A correction the reader made to the name (own articles only).
    #[prop_or_default]
    pub on_correct: Callback<Entry>,
    /// "Undo last correction" (own articles only).
    #[prop_or_default]
    pub on_undo: Callback<()>,
}

/// "Sergei Lavrov: 2 articles", linking to the name's page, when the
/// library has it in more than one article (counting `doc` itself).
pub fn elsewhere(doc: &DocRef, entity: usize, mode: Mode) -> Html {
    let Some(e) = doc.analysis.entities.get(entity) else { return html! {} };
    // A reader's own article is not in the library: it adds one.
    let n = if super::doc::carries(&doc.article.slug) {
        super::doc::article_count(&e.id)
    } else {
        crate::library::page().counts.get(&e.id).unwrap_or(0) + 1
    };
    if n < 2 {
        return html! {};
    }
    html! {
        <p class="elsewhere"><a href={mode.name_href(&e.id)}>{ format!("{}: {n} articles", e.name) }</a></p>
    }
}

#[function_component]
pub fn EntityCard(props: &EntityCardProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let Some((i, m)) = props.selected else { return html! {} };
    let Some(e) = props.doc.analysis.entities.get(i) else { return html! {} };
    let count = e.mentions.len();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let slug = props.doc.article.slug.as_str();
    let own = is_own(slug);
    let mentions = if count == 1 { "1 mention".to_string() } else { format!("{count} mentions") };
    html! {
        <div id="entity-card" class="entity-card" data-kind={e.kind.as_str()} role="group" aria-label={format!("{} ({})", e.name, e.kind.as_str())}
             onmouseenter={props.on_enter.clone()} onmouseleave={props.on_leave.clone()}>
            <p class="card-name"><span class="swatch" data-kind={e.kind.as_str()} aria-hidden="true"></span>{ e.name.clone() }</p>
            <p class="card-kind">{ format!("{} · {mentions}", e.kind.as_str()) }</p>
            if let Some(d) = &e.description { <p class="card-description">{ d.clone() }</p> }
            { elsewhere(&props.doc, i, mode) }
            <div class="card-steps">
                <MentionStepper name={e.name.clone()} {count} current={m} on_step={props.on_step.clone()} live={false} />
                <button type="button" class="card-close" onclick={close}>{ "Close" }</button>
            </div>
            if own {
                <CorrectName doc={props.doc.clone()} entity={i} can_undo={!own_corrections::entries(slug).is_empty()}
                             on_correct={props.on_correct.clone()} on_undo={props.on_undo.clone()} />
            }
        </div>
    }
}
