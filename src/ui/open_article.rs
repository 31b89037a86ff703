//! Opening a reader's own article: a file picker, drag and drop, or pasted
//! text. The file is read and analysed in this browser (in the analysis
//! worker); nothing is sent anywhere. A file that cannot be opened gets a message and changes nothing.
//!
//! Like the masthead's controls, the panel is not in the server-rendered
//! page: it appears once the app runs, so a reader without JavaScript is not
//! offered a file picker that does nothing, and the library page holds no
//! form fields while it loads (see [`super::chrome::Masthead`]). It is the
//! last thing on the page, so its arrival moves only the footer.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::analyser;
use super::chrome::use_running;
use super::doc::{keep_own, Doc, DocRef};
use super::own::{self, MAX_BYTES};

/// Properties of [`OpenArticle`].
#[derive(Properties, PartialEq)]
pub struct OpenArticleProps {
    /// Called with the new article's slug once it is analysed (and kept,
    /// when storage allows).
    pub on_opened: Callback<String>,
}

/// What the panel says.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working(String),
    Error(String),
    Note(String),
}

#[function_component]
pub fn OpenArticle(props: &OpenArticleProps) -> Html {
    let running = use_running();
    let status = use_state(|| Status::Idle);
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);
    // The pending file read; dropping it cancels the read.
    let reader: Rc<RefCell<Option<Box<dyn std::any::Any>>>> = use_mut_ref(|| None);
    if !running {
        return html! {};
    }

    // Checks the text, has the worker read and analyse it, then keeps it.
    // Until the worker answers the page stays as it was (and responsive).
    let finish = {
        let status = status.clone();
        let on_opened = props.on_opened.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let text = match own::check(&name, &bytes) {
                Ok(text) => text,
                Err(msg) => return status.set(Status::Error(msg)),
            };
            status.set(Status::Working(format!("Analysing “{name}”…")));
            let status = status.clone();
            let on_opened = on_opened.clone();
            let file = name.clone();
            analyser::analyse(&name, &text.clone(), None, None, move |outcome| match outcome {
                Err(why) => status.set(Status::Error(own::cannot_open(&file, &why))),
                Ok(analysed) => {
                    let (entry, kept) = own::keep(&file, &text, &analysed.article);
                    keep_own(DocRef(Rc::new(Doc::own(analysed, entry.slug.clone()))));
                    match kept {
                        Ok(()) => status.set(Status::Idle),
                        Err(msg) => status.set(Status::Note(msg)),
                    }
                    on_opened.emit(entry.slug);
                }
            });
        })
    };

    let open_file = {
        let status = status.clone();
        let finish = finish.clone();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_BYTES {
                status.set(Status::Error(own::too_big(&name, size)));
                return;
            }
            status.set(Status::Working(format!("Reading “{name}”…")));
            *reader.borrow_mut() = read_bytes(file, name, finish.clone(), status.clone());
        })
    };

    let on_change = {
        let open_file = open_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let open_file = open_file.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                open_file.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_paste_open = {
        let pasted = pasted.clone();
        let finish = finish.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*pasted).clone();
            finish.emit((own::paste_name(&text).to_string(), text.into_bytes()));
        })
    };

    let message = match &*status {
        Status::Idle => html! {},
        Status::Working(m) | Status::Note(m) => html! { <p class="open-status" role="status">{ m.clone() }</p> },
        Status::Error(m) => html! { <p class="open-error" role="alert">{ m.clone() }</p> },
    };
    html! {
        <section class="open-article" aria-labelledby="open-heading">
            <h2 id="open-heading" class="panel-heading">{ "Read your own article" }</h2>
            <p class="open-privacy">{ "Your file is read and analysed in this page and kept in this browser only: nothing leaves your computer." }</p>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                 ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label class="file-label">
                    <span>{ "Choose a .txt or .md file" }</span>
                    <input type="file" class="file-input" accept=".txt,.md,.markdown,text/plain,text/markdown" onchange={on_change} />
                </label>
                <span class="drop-hint">{ format!("or drop it here (up to {} MB)", MAX_BYTES / 1_048_576) }</span>
            </div>
            <label class="paste-label" for="paste-text">{ "Or paste the text (first line: the title)" }</label>
            <textarea id="paste-text" class="paste-text" rows="4" value={(*pasted).clone()} oninput={on_paste_input} />
            <button type="button" class="paste-open" disabled={pasted.trim().is_empty()} onclick={on_paste_open}>{ "Open pasted text" }</button>
            { message }
        </section>
    }
}

/// Starts reading a file's bytes; the returned handle must be kept alive.
#[cfg(target_arch = "wasm32")]
fn read_bytes(
    file: web_sys::File,
    name: String,
    finish: Callback<(String, Vec<u8>)>,
    status: UseStateHandle<Status>,
) -> Option<Box<dyn std::any::Any>> {
    let file = gloo::file::File::from(file);
    let task = gloo::file::callbacks::read_as_bytes(&file, move |result| match result {
        Ok(bytes) => finish.emit((name, bytes)),
        Err(e) => status.set(Status::Error(format!("“{name}” could not be read: {e}."))),
    });
    Some(Box::new(task))
}

#[cfg(not(target_arch = "wasm32"))]
fn read_bytes(
    _: web_sys::File,
    _: String,
    _: Callback<(String, Vec<u8>)>,
    _: UseStateHandle<Status>,
) -> Option<Box<dyn std::any::Any>> {
    None
}
