//! The timeline: dated events in date order, each a button that jumps to
//! its sentence, and the undated periods listed apart.

use yew::prelude::*;

use super::doc::DocRef;
use super::state::Action;

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub doc: DocRef,
    /// The chosen event.
    pub active: Option<usize>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let a = &props.doc.analysis;
    let text = &props.doc.article.text;
    let events = a.timeline.iter().enumerate().map(|(i, e)| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::ChooseEvent(i));
        let current = props.active == Some(i);
        html! {
            <li class={classes!("event", current.then_some("current"))}>
                <button type="button" class="event-button" aria-current={current.then_some("true")} {onclick}>
                    <time datetime={e.date.iso()}>{ e.date.to_string() }</time>
                    <span class="event-label">{ e.label.clone() }</span>
                </button>
            </li>
        }
    });
    let context = a.context.iter().map(|c| {
        let sentence = a.sentences.iter().find(|s| s.contains(c.span)).map(|s| s.of(text).to_string());
        html! {
            <li>
                <span class="vague-phrase">{ c.span.of(text).to_string() }</span>
                if let Some(s) = sentence { <span class="vague-sentence">{ s }</span> }
            </li>
        }
    });
    html! {
        <section id="timeline" class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="panel-heading">{ "Timeline" }</h2>
            if a.timeline.is_empty() {
                <p class="empty">{ "No dated events found." }</p>
            } else {
                <ol class="events">{ for events }</ol>
            }
            if !a.context.is_empty() {
                <h3 class="context-heading">{ "Undated context" }</h3>
                <ul class="context">{ for context }</ul>
            }
        </section>
    }
}
