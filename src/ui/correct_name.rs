//! In the card of a name in a reader's own article: the "Correct" area.
//! The reader can give the name another kind, say it is not a name, say it
//! is the same as another name of the article, or give it a description.
//! Each change is one correction ([`super::own_corrections::Entry`]),
//! emitted for the article view to keep and analyse the article again with;
//! "Undo last correction" takes the last one back.

use lede_analysis::entities::EntityKind;
use yew::prelude::*;

use super::doc::DocRef;
use super::own_corrections::Entry;

/// Properties of [`CorrectName`].
#[derive(Properties, PartialEq)]
pub struct CorrectNameProps {
    pub doc: DocRef,
    /// The entity (an index into the analysis's entities).
    pub entity: usize,
    /// Whether there is a correction to undo.
    pub can_undo: bool,
    /// A correction the reader made.
    pub on_correct: Callback<Entry>,
    /// "Undo last correction".
    pub on_undo: Callback<()>,
}

#[function_component]
pub fn CorrectName(props: &CorrectNameProps) -> Html {
    let description = use_state(String::new);
    let Some(e) = props.doc.analysis.entities.get(props.entity) else { return html! {} };
    let name = e.name.clone();
    let on_kind = {
        let (cb, name) = (props.on_correct.clone(), name.clone());
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            cb.emit(Entry::Kind { name: name.clone(), kind: select.value() });
        })
    };
    let not_name = {
        let (cb, name) = (props.on_correct.clone(), name.clone());
        Callback::from(move |_: MouseEvent| cb.emit(Entry::NotName(name.clone())))
    };
    let on_same = {
        let (cb, name) = (props.on_correct.clone(), name.clone());
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            let other = select.value();
            if !other.is_empty() {
                cb.emit(Entry::Same(vec![name.clone(), other]));
            }
        })
    };
    let on_input = {
        let description = description.clone();
        Callback::from(move |ev: InputEvent| {
            let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
            description.set(input.value());
        })
    };
    let on_save = {
        let (cb, name, description) = (props.on_correct.clone(), name.clone(), description.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let text = description.trim().to_string();
            if !text.is_empty() {
                cb.emit(Entry::Description { name: name.clone(), description: text });
                description.set(String::new());
            }
        })
    };
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let kinds = EntityKind::ALL.into_iter().map(|k| {
        html! { <option value={k.as_str()} selected={k == e.kind}>{ k.as_str() }</option> }
    });
    let others = props.doc.analysis.entities.iter().enumerate().filter(|(i, _)| *i != props.entity).map(|(_, o)| {
        html! { <option value={o.name.clone()}>{ o.name.clone() }</option> }
    });
    html! {
        <details class="card-correct">
            <summary>{ "Correct" }</summary>
            <div class="correct-row">
                <label for="correct-kind">{ "Kind" }</label>
                <select id="correct-kind" onchange={on_kind}>{ for kinds }</select>
                <button type="button" class="correct-not-name" onclick={not_name}>{ "Not a name" }</button>
            </div>
            <div class="correct-row">
                <label for="correct-same">{ "Same as…" }</label>
                <select id="correct-same" onchange={on_same}>
                    <option value="" selected={true}>{ "(another name)" }</option>
                    { for others }
                </select>
            </div>
            <form class="correct-row" onsubmit={on_save}>
                <label for="correct-description">{ "Description" }</label>
                <input id="correct-description" type="text" value={(*description).clone()} oninput={on_input} />
                <button type="submit" class="correct-save">{ "Save" }</button>
            </form>
            if props.can_undo {
                <button type="button" class="correct-undo" onclick={undo}>{ "Undo last correction" }</button>
            }
        </details>
    }
}
