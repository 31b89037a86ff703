//! The timeline: dated events in date order, each a button that jumps to
//! its sentence, and the undated periods listed apart.

use lede_analysis::span::Span;
use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub doc: DocRef,
    /// The chosen event.
    pub active: Option<usize>,
    /// An event (by index into the timeline) is chosen.
    pub on_choose: Callback<usize>,
}

/// The timeline. Each event is its own component, so choosing one
/// re-renders two rows (the old choice and the new), not every row: on a
/// long article the jump starts in the same frame as the click.
#[function_component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let a = &props.doc.analysis;
    let events = (0..a.timeline.len()).map(|i| {
        html! { <TimelineEvent doc={props.doc.clone()} index={i} current={props.active == Some(i)} on_choose={props.on_choose.clone()} /> }
    });
    html! {
        <section id="timeline" class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="panel-heading">{ "Timeline" }</h2>
            if a.timeline.is_empty() {
                <p class="empty">{ "No dated events found." }</p>
            } else {
                <ol class="events" role="list">{ for events }</ol>
            }
            <UndatedContext doc={props.doc.clone()} />
        </section>
    }
}

/// Properties of [`TimelineEvent`].
#[derive(Properties, PartialEq)]
pub struct TimelineEventProps {
    pub doc: DocRef,
    /// Index into the doc's timeline.
    pub index: usize,
    /// Whether this is the chosen event.
    pub current: bool,
    pub on_choose: Callback<usize>,
}

/// One dated event: a button that jumps to its sentence.
#[function_component]
pub fn TimelineEvent(props: &TimelineEventProps) -> Html {
    let e = &props.doc.analysis.timeline[props.index];
    let i = props.index;
    let onclick = props.on_choose.reform(move |_: MouseEvent| i);
    let current = props.current;
    html! {
        <li class={classes!("event", current.then_some("current"))}>
            <button type="button" class="event-button" aria-current={current.then_some("true")} {onclick}>
                <time datetime={e.date.iso()}>{ e.date.to_string() }</time>
                <span class="event-label">{ e.label.clone() }</span>
            </button>
        </li>
    }
}

/// Properties of [`UndatedContext`].
#[derive(Properties, PartialEq)]
pub struct UndatedContextProps {
    pub doc: DocRef,
}

/// The undated periods ("for decades"), each with the clause it is in.
#[function_component]
pub fn UndatedContext(props: &UndatedContextProps) -> Html {
    let a = &props.doc.analysis;
    let text = &props.doc.article.text;
    if a.context.is_empty() {
        return html! {};
    }
    let context = a.context.iter().map(|c| {
        // Sentences are in text order and do not overlap.
        let at = a.sentences.partition_point(|s| s.end <= c.span.start);
        let excerpt = a.sentences.get(at).filter(|s| s.contains(c.span)).map(|s| excerpt(text, *s, c.span));
        html! {
            <li>
                <span class="vague-phrase">{ c.span.of(text).to_string() }</span>
                if let Some(s) = excerpt { <span class="vague-sentence">{ s }</span> }
            </li>
        }
    });
    html! {
        <>
            <h3 class="context-heading">{ "Undated context" }</h3>
            <ul class="context">{ for context }</ul>
        </>
    }
}

/// The clause of `sentence` around `phrase` (between commas), so that two
/// phrases of one sentence show different context.
fn excerpt(text: &str, sentence: Span, phrase: Span) -> String {
    let s = sentence.of(text);
    let at = phrase.start - sentence.start;
    let start = s[..at].rfind([',', ';']).map_or(0, |i| i + 1);
    let end = s[at..].find([',', ';']).map_or(s.len(), |i| at + i);
    let clause = s[start..end].trim();
    let clause = clause.trim_end_matches(['.', '!', '?']);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(clause);
    if end < s.len() || start > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_the_clause_around_the_phrase() {
        let t = "Russia has historically kept ties with India, being its largest provider for decades.";
        let s = Span::new(0, t.len());
        let p = t.find("for decades").unwrap();
        assert_eq!(excerpt(t, s, Span::new(p, p + 11)), "…being its largest provider for decades…");
        let p = t.find("historically").unwrap();
        assert_eq!(excerpt(t, s, Span::new(p, p + 12)), "Russia has historically kept ties with India…");
    }
}
