//! The article's exports: the timeline for TimelineJS (JSON and its Google
//! Sheet's CSV) and as a calendar (iCalendar), the names as CSV and the
//! whole analysis as JSON, each a download made in the page.
//!
//! A file is written by `lede_analysis::export` when its button is pressed,
//! in the analysis worker (see [`super::analyser::export`]: the writers are
//! in the worker's bundle, not in the viewer's, which every page loads; the
//! worker starts when the pointer or the focus comes to the panel), put in
//! a `Blob`, and downloaded through an `<a download>` link to the Blob's
//! address: nothing leaves the browser. The link stays in the panel
//! (hidden, `a.export-file[data-format]`) until the same export is made
//! again, when its Blob is released. The buttons only work with the app
//! running, so the panel is not in the server-rendered page: it is the
//! last thing in the reading column, below the text, and appears once the
//! app runs.

use lede_analysis::export::Format;
use yew::prelude::*;

use super::chrome::use_running;
use super::doc::DocRef;
use super::route::Mode;

/// Properties of [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub doc: DocRef,
}

#[function_component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let status = use_state(|| Status::Idle);
    if !use_running() {
        return html! {};
    }
    let events = props.doc.analysis.timeline.len();
    let buttons = Format::ALL.into_iter().map(|format| {
        let doc = props.doc.clone();
        let status = status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            status.set(Status::Making(format.file_name(&doc.article.slug)));
            let status = status.clone();
            download(&doc, format, mode, Box::new(move |made| status.set(made.map_or_else(Status::Failed, |()| Status::Idle))));
        });
        let empty = match format {
            Format::TimelineJson | Format::TimelineCsv | Format::Ics => events == 0,
            Format::NamesCsv => props.doc.analysis.entities.is_empty(),
            Format::Json => false,
        };
        html! {
            <li>
                <button type="button" class="export-button" data-format={format.name()} {onclick}>
                    <span class="export-label">{ format.label() }</span>
                    <span class="export-file-name">{ format.file_name(&props.doc.article.slug) }</span>
                </button>
                if empty { <span class="export-empty">{ "(no entries)" }</span> }
            </li>
        }
    });
    html! {
        <section class="export-panel" aria-labelledby="export-heading" onpointerenter={Callback::from(|_: PointerEvent| super::analyser::warm())}
                 onfocusin={Callback::from(|_: FocusEvent| super::analyser::warm())}>
            <h2 id="export-heading" class="panel-heading">{ "Export" }</h2>
            <p class="export-note">{ "Download what Lede found in this article. The files are made in this browser; nothing is sent anywhere." }</p>
            <ul class="export-list">{ for buttons }</ul>
            <p class="export-status" role="status">{ status.text() }</p>
            <div class="export-files" hidden={true}></div>
        </section>
    }
}

/// What the panel says under its buttons.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    /// A file is being written (its name).
    Making(String),
    /// The last file could not be made (why).
    Failed(String),
}

impl Status {
    fn text(&self) -> String {
        match self {
            Status::Idle => String::new(),
            Status::Making(file) => format!("Making {file}…"),
            Status::Failed(why) => format!("The file could not be made: {why}."),
        }
    }
}

/// Has the worker write one export, then downloads it; `done` is told
/// once it is downloaded, or why it could not be made.
#[cfg(target_arch = "wasm32")]
fn download(doc: &DocRef, format: Format, mode: Mode, done: Box<dyn FnOnce(Result<(), String>)>) {
    use gloo::utils::window;

    // The article's address: its view's link resolved against the page's
    // address (a section's anchor or a search's query left out).
    let here = window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(&mode.article_href(&doc.article.slug), &here)
        .map(|u| u.href())
        .unwrap_or_else(|_| here.split('#').next().unwrap_or("").to_string());
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let slug = doc.article.slug.clone();
    super::analyser::export(doc, format, &url, now, move |made| match made {
        Ok(text) => {
            offer(&text, format, &slug);
            done(Ok(()))
        }
        Err(why) => done(Err(why)),
    });
}

/// Downloads a file made by [`download`].
#[cfg(target_arch = "wasm32")]
fn offer(text: &str, format: Format, slug: &str) {
    use gloo::utils::document;
    use wasm_bindgen::JsCast;

    let options = web_sys::BlobPropertyBag::new();
    options.set_type(format.mime());
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Some(files) = document().query_selector(".export-panel .export-files").ok().flatten() else { return };
    let selector = format!("a[data-format=\"{}\"]", format.name());
    if let Some(old) = files.query_selector(&selector).ok().flatten() {
        if let Some(old_href) = old.get_attribute("href") {
            let _ = web_sys::Url::revoke_object_url(&old_href);
        }
        old.remove();
    }
    let Ok(link) = document().create_element("a") else { return };
    let _ = link.set_attribute("class", "export-file");
    let _ = link.set_attribute("data-format", format.name());
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", &format.file_name(slug));
    let _ = files.append_child(&link);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn download(_doc: &DocRef, _format: Format, _mode: Mode, _done: Box<dyn FnOnce(Result<(), String>)>) {}
