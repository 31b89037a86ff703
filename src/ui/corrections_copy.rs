//! For a reader's own article with corrections, below its text: "Undo last correction",
//! and "Copy corrections", which shows the corrections' TOML in a
//! read-only text box, to paste beside the article's file
//! (`NAME.lede.toml`) or into its front matter, and tries to put it on the
//! clipboard too (a browser may refuse: the text box is there either way).

use yew::prelude::*;

use super::own;

/// Properties of [`CorrectionsCopy`].
#[derive(Properties, PartialEq)]
pub struct CorrectionsCopyProps {
    /// The article's slug (an own article's).
    pub slug: AttrValue,
    /// The article's file name (`notes.md`).
    pub file: AttrValue,
    /// Changes with every new analysis, so the text shown is the kept one.
    pub version: usize,
    /// "Undo last correction".
    pub on_undo: Callback<()>,
}

#[function_component]
pub fn CorrectionsCopy(props: &CorrectionsCopyProps) -> Html {
    let shown = use_state(|| false);
    let Some(toml) = own::corrections(&props.slug) else { return html! {} };
    let stem = props.file.rsplit_once('.').map_or(props.file.as_str(), |(s, _)| s);
    let copy = {
        let (shown, toml) = (shown.clone(), toml.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(true);
            write_clipboard(&toml);
        })
    };
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    html! {
        <section class="corrections-copy" aria-label="Your corrections">
            <div class="corrections-buttons">
                <button type="button" class="corrections-undo" onclick={undo}>{ "Undo last correction" }</button>
                <button type="button" class="corrections-copy-button" onclick={copy}>{ "Copy corrections" }</button>
            </div>
            if *shown {
                <label for="corrections-text">
                    { format!("Paste this into {stem}.lede.toml beside your file, or under ") }
                    <code>{ "corrections:" }</code>{ " in its front matter." }
                </label>
                <textarea id="corrections-text" class="corrections-text" readonly={true} rows="8" value={toml} />
            }
        </section>
    }
}

/// Puts `text` on the clipboard, when the browser lets the page.
#[cfg(target_arch = "wasm32")]
fn write_clipboard(text: &str) {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    let clipboard = Reflect::get(&gloo::utils::window(), &JsValue::from_str("navigator"))
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("clipboard")));
    let Ok(clipboard) = clipboard else { return };
    let Ok(write) = Reflect::get(&clipboard, &JsValue::from_str("writeText")) else { return };
    let Some(write) = write.dyn_ref::<Function>() else { return };
    if let Ok(p) = write.call1(&clipboard, &JsValue::from_str(text)) {
        if let Ok(p) = p.dyn_into::<Promise>() {
            // Refused (no permission, no focus): the text box is the way.
            let refused = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
            let _ = p.catch(&refused);
            refused.forget();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_clipboard(_: &str) {}
