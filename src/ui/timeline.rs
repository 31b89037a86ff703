//! The timeline: dated events in date order, each a button that jumps to
//! its sentence, and the undated periods listed apart. In a reader's own
//! article each event also has an "Edit" disclosure: a date, a label, Save
//! and Remove, each a correction (an `[[events]]` entry, see
//! [`super::own_corrections`]) that finds the event by words of its sentence.

use lede_analysis::dates::DateValue;
use lede_analysis::span::Span;
use yew::prelude::*;

use super::doc::DocRef;
use super::own_corrections::Entry;
use super::route::is_own;

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub doc: DocRef,
    /// The chosen event.
    pub active: Option<usize>,
    /// An event (by index into the timeline) is chosen.
    pub on_choose: Callback<usize>,
    /// A correction to an event (own articles only).
    #[prop_or_default]
    pub on_correct: Callback<Entry>,
}

/// The timeline. Each event is its own component, so choosing one
/// re-renders two rows (the old choice and the new), not every row: on a
/// long article the jump starts in the same frame as the click.
#[function_component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let a = &props.doc.analysis;
    let editable = is_own(&props.doc.article.slug);
    let events = (0..a.timeline.len()).map(|i| {
        html! { <TimelineEvent doc={props.doc.clone()} index={i} current={props.active == Some(i)} on_choose={props.on_choose.clone()}
                               {editable} on_correct={props.on_correct.clone()} /> }
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
    /// Whether the event can be corrected (a reader's own article).
    #[prop_or_default]
    pub editable: bool,
    #[prop_or_default]
    pub on_correct: Callback<Entry>,
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
            if super::route::OWN_ARTICLES && props.editable {
                <EditEvent doc={props.doc.clone()} index={i} on_correct={props.on_correct.clone()} />
            }
        </li>
    }
}

/// Properties of [`EditEvent`].
#[derive(Properties, PartialEq)]
pub struct EditEventProps {
    pub doc: DocRef,
    pub index: usize,
    pub on_correct: Callback<Entry>,
}

/// An event's "Edit" disclosure: a new date and/or label, or Remove.
#[function_component]
pub fn EditEvent(props: &EditEventProps) -> Html {
    let date = use_node_ref();
    let label = use_node_ref();
    let Some(e) = props.doc.analysis.timeline.get(props.index) else { return html! {} };
    let find = event_match(&props.doc, props.index);
    let on_save = {
        let (cb, find, date, label) = (props.on_correct.clone(), find.clone(), date.clone(), label.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>().map(|i| i.value().trim().to_string()).filter(|v| !v.is_empty())
            };
            let (date, label) = (value(&date).filter(|d| DateValue::from_iso(d).is_some()), value(&label));
            if date.is_some() || label.is_some() {
                cb.emit(Entry::Event { find: find.clone(), drop: false, date, label });
            }
        })
    };
    let on_remove = {
        let (cb, find) = (props.on_correct.clone(), find);
        Callback::from(move |_: MouseEvent| cb.emit(Entry::Event { find: find.clone(), drop: true, date: None, label: None }))
    };
    let i = props.index;
    let date_value = match e.date {
        DateValue::Day(_) => e.date.iso(),
        _ => String::new(),
    };
    html! {
        <details class="event-edit">
            <summary>{ "Edit" }<span class="visually-hidden">{ format!(": {}", e.label) }</span></summary>
            <form class="event-edit-form" onsubmit={on_save}>
                <label for={format!("event-date-{i}")}>{ "Date" }</label>
                <input id={format!("event-date-{i}")} type="date" ref={date} value={date_value} />
                <label for={format!("event-label-{i}")}>{ "Label" }</label>
                <input id={format!("event-label-{i}")} type="text" ref={label} value={e.label.clone()} />
                <div class="event-edit-buttons">
                    <button type="submit" class="event-save">{ "Save" }</button>
                    <button type="button" class="event-remove" onclick={on_remove}>{ "Remove" }</button>
                </div>
            </form>
        </details>
    }
}

/// The words an `[[events]]` correction finds an event by: the fewest
/// first words (four or more) of its sentence that no other event's
/// sentence holds, or the whole sentence. When the sentence tells more
/// than one event, the event's date expression, which the pass narrows by.
pub fn event_match(doc: &DocRef, index: usize) -> String {
    let a = &doc.analysis;
    let shown = |s: Span| s.of(&doc.article.plain).split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(e) = a.timeline.get(index) else { return String::new() };
    if a.timeline.iter().filter(|o| o.sentence == e.sentence).count() > 1 {
        return shown(e.mention);
    }
    let sentence = shown(e.sentence);
    let others: Vec<String> = a.timeline.iter().filter(|o| o.sentence != e.sentence).map(|o| shown(o.sentence)).collect();
    let words: Vec<&str> = sentence.split(' ').collect();
    (4..words.len())
        .map(|n| words[..n].join(" "))
        .find(|p| !others.iter().any(|o| o.contains(p.as_str())))
        .unwrap_or(sentence)
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
    fn event_corrections_find_their_event_and_no_other() {
        use lede_analysis::corrections::{apply, parse};
        let text = "Talks\nWASHINGTON, May 6, 2025 (AP) _ The council met on Monday to vote. The council met on Tuesday and on Friday to talk. Officials said the council met again on May 1.";
        let article = lede_analysis::read::read("t.txt", text.as_bytes()).unwrap();
        let doc = DocRef(std::rc::Rc::new(super::super::doc::Doc::new(article)));
        let n = doc.analysis.timeline.len();
        assert!(n >= 3, "{:?}", doc.analysis.timeline);
        for i in 0..n {
            let find = event_match(&doc, i);
            let toml = super::super::own_corrections::render(&[Entry::Event { find, drop: true, date: None, label: None }]);
            let out = apply(&doc.article, doc.analysis.clone(), &parse("t", &toml).unwrap());
            assert!(out.warnings.is_empty(), "{i}: {:?}\n{toml}", out.warnings);
            let mut want = doc.analysis.timeline.clone();
            want.remove(i);
            assert_eq!(out.analysis.timeline, want, "{i}: {toml}");
        }
    }

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
