//! Reading preferences, kept in the browser's local storage (`gloo`).
//!
//! - `lede:view`: highlights on or off, and which kinds are hidden;
//! - `lede:collapsed:SLUG`: the collapsed sections of one article;
//! - `lede:display`: theme (system, light, dark, sepia) and text size.
//!
//! Pages are server-rendered with the defaults; the stored preferences are
//! applied right after hydration. Off the browser nothing is stored.

use lede_analysis::entities::EntityKind;
use serde::{Deserialize, Serialize};

/// Highlight preferences shared by every article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewPrefs {
    pub highlights_off: bool,
    pub hidden: Vec<EntityKind>,
}

/// Page-wide display preferences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Display {
    /// `system`, `light`, `dark` or `sepia`.
    pub theme: String,
    /// Text size step, 0 = default; from -1 to 3.
    pub size: i8,
}

impl Default for Display {
    fn default() -> Self {
        Display { theme: "system".into(), size: 0 }
    }
}

/// The themes a reader can choose.
pub const THEMES: [(&str, &str); 4] = [("system", "System"), ("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia")];
pub const MIN_SIZE: i8 = -1;
pub const MAX_SIZE: i8 = 3;

fn collapsed_key(slug: &str) -> String {
    format!("lede:collapsed:{slug}")
}

#[cfg(target_arch = "wasm32")]
mod store {
    use gloo::storage::{LocalStorage, Storage};
    use serde::{de::DeserializeOwned, Serialize};

    pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
        LocalStorage::get(key).ok()
    }
    pub fn set<T: Serialize>(key: &str, value: &T) {
        // Storage can be full or disabled (private windows): reading goes on.
        let _ = LocalStorage::set(key, value);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod store {
    use serde::{de::DeserializeOwned, Serialize};

    pub fn get<T: DeserializeOwned>(_: &str) -> Option<T> {
        None
    }
    pub fn set<T: Serialize>(_: &str, _: &T) {}
}

pub fn load_view() -> Option<ViewPrefs> {
    store::get("lede:view")
}
pub fn save_view(p: &ViewPrefs) {
    store::set("lede:view", p)
}
pub fn load_collapsed(slug: &str) -> Option<Vec<String>> {
    store::get(&collapsed_key(slug))
}
pub fn save_collapsed(slug: &str, sections: &[String]) {
    store::set(&collapsed_key(slug), &sections)
}
pub fn load_display() -> Option<Display> {
    store::get("lede:display")
}
pub fn save_display(d: &Display) {
    store::set("lede:display", d)
}

/// Applies the display preferences to the page (`data-theme`, `data-size` on `<html>`).
pub fn apply_display(d: &Display) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = gloo::utils::document().document_element() {
        if d.theme == "system" {
            let _ = root.remove_attribute("data-theme");
        } else {
            let _ = root.set_attribute("data-theme", &d.theme);
        }
        let _ = root.set_attribute("data-size", &d.size.clamp(MIN_SIZE, MAX_SIZE).to_string());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = d;
}
