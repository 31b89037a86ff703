//! Theme and text size, in the masthead.

use yew::prelude::*;

use super::prefs::{apply_display, load_display, save_display, Display, MAX_SIZE, MIN_SIZE, THEMES};

#[function_component]
pub fn DisplayMenu() -> Html {
    let display = use_state(Display::default);
    // Restore the stored choice once hydrated.
    {
        let display = display.clone();
        use_effect_with((), move |_| {
            if let Some(d) = load_display() {
                apply_display(&d);
                display.set(d);
            }
        });
    }
    let update = {
        let display = display.clone();
        Callback::from(move |d: Display| {
            apply_display(&d);
            save_display(&d);
            display.set(d);
        })
    };
    let on_theme = {
        let (update, current) = (update.clone(), (*display).clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            update.emit(Display { theme: value, ..current.clone() });
        })
    };
    let step = |by: i8| {
        let (update, current) = (update.clone(), (*display).clone());
        Callback::from(move |_: MouseEvent| {
            let size = (current.size + by).clamp(MIN_SIZE, MAX_SIZE);
            update.emit(Display { size, ..current.clone() });
        })
    };
    html! {
        <div class="display-menu" role="group" aria-label="Display">
            <label class="theme-picker">
                <span class="label">{ "Theme" }</span>
                <select onchange={on_theme}>
                    { for THEMES.iter().map(|(value, label)| html! {
                        <option value={*value} selected={display.theme == *value}>{ *label }</option>
                    }) }
                </select>
            </label>
            <span class="text-size">
                <button type="button" class="size-step" aria-label="A− smaller text" disabled={display.size <= MIN_SIZE} onclick={step(-1)}>{ "A−" }</button>
                <button type="button" class="size-step" aria-label="A+ larger text" disabled={display.size >= MAX_SIZE} onclick={step(1)}>{ "A+" }</button>
            </span>
        </div>
    }
}
