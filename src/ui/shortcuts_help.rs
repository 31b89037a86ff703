//! The list of keyboard shortcuts, opened with `?`.

use yew::prelude::*;

/// The shortcuts, as (key, what it does).
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("h", "Highlights on or off"),
    ("t", "Go to the timeline"),
    ("/", "Search all articles"),
    ("j", "Next section"),
    ("k", "Previous section"),
    ("?", "Show or hide this list"),
    ("Esc", "Close this list or the name card"),
];

/// Properties of [`ShortcutsHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsHelpProps {
    pub open: bool,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn ShortcutsHelp(props: &ShortcutsHelpProps) -> Html {
    if !props.open {
        return html! {};
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-heading">
            <h2 id="shortcuts-heading" class="panel-heading">{ "Keyboard shortcuts" }</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
            </dl>
            <p class="shortcuts-note">{ "Shortcuts never fire while you type in a field." }</p>
            <button type="button" class="shortcuts-close" onclick={close}>{ "Close" }</button>
        </div>
    }
}
