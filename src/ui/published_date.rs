//! For a reader's own article: the date its relative dates ("on Monday",
//! "last week") were placed against, and a field to give one when the
//! article itself gives none (a dateline such as `WASHINGTON (AP) —`).
//! Changing the date analyses the article again; the date is kept with it.
//!
//! The field's text is read as a date by the analysis worker (the viewer's
//! bundles hold no date rules): see `on_date` in [`super::article_view`].

use lede_analysis::dates::{month_name, weekday_name, DateValue};
use yew::prelude::*;

use super::doc::DocRef;

/// Properties of [`PublishedDate`].
#[derive(Properties, PartialEq)]
pub struct PublishedDateProps {
    pub doc: DocRef,
    /// The date the reader gave (`YYYY-MM-DD`), if any.
    pub given: Option<AttrValue>,
    /// A new date from the field, as typed (`None` when it was cleared):
    /// `YYYY-MM-DD` from a date picker, or any date the analysis reads.
    pub on_change: Callback<Option<String>>,
}

#[function_component]
pub fn PublishedDate(props: &PublishedDateProps) -> Html {
    let published = props.doc.article.published;
    if let (Some(d), None) = (published, &props.given) {
        let long = format!("{}, {} {} {}", weekday_name(d), d.day(), month_name(d.month()), d.year());
        return html! {
            <p class="published-note">
                { "Dates such as “on Monday” are placed against " }
                <time datetime={DateValue::Day(d).iso()}>{ long }</time>
                { ", the publication date the article gives." }
            </p>
        };
    }
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value().trim().to_string();
            // A browser without a date picker takes typed text: the worker
            // reads it, and keeps only a real date.
            cb.emit((!value.is_empty()).then_some(value));
        })
    };
    let hint = if props.given.is_some() {
        "Dates such as “on Monday” are placed against this date, which you gave; the article gives none."
    } else {
        "The article gives no publication date, so dates such as “on Monday” or “last week” cannot be placed. Give its date to place them."
    };
    html! {
        <form class="published-field" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for="published-date">{ "Publication date" }</label>
            <input id="published-date" type="date" value={props.given.clone().unwrap_or_default()}
                   onchange={on_change} aria-describedby="published-hint" />
            <p id="published-hint" class="hint">{ hint }</p>
        </form>
    }
}
