//! The viewer: Yew components that render an analysed article.
//!
//! One component per file, each with its `Props` beside it. The same
//! components render on the server side at build time (`site` binary,
//! Yew's `ServerRenderer`) and are hydrated in the browser, so the article
//! text arrives as HTML and reads without JavaScript.
//!
//! The browser loads one of three bundles of these components: an
//! article's page the reader's (the article view), the library's pages the
//! library bundle (the library, a reader's own articles, keeping the
//! library offline), and the search page, names' pages and the single-file
//! edition the full one (every view). What the reader's bundle leaves out
//! is compiled under the `lede_library` cfg, and the search's views, which
//! only the full bundle holds, under `lede_search` (both set by `build.rs`
//! from the bundle's feature, and in every native build); see
//! [`route::is_own`] for the own-article parts of shared views. A view a
//! bundle does not hold is another page of the site (see [`app`]).
//!
//! State lives in one reducer ([`state::ViewState`]); effects that touch
//! the page outside Yew's tree (scrolling, marking the chosen entity's
//! mentions, flashing a sentence) are in [`dom`].

pub mod analyser;
pub mod app;
pub mod article_view;
pub mod chrome;
pub mod correct_name;
pub mod corrections_copy;
pub mod display_menu;
pub mod doc;
pub mod dom;
pub mod entity_card;
pub mod entity_panel;
pub mod export_panel;
pub mod header;
pub mod highlight_bar;
pub mod hooks;
#[cfg(lede_library)]
pub mod keep_offline;
#[cfg(lede_search)]
pub mod kind_filter;
#[cfg(lede_library)]
pub mod library_filter;
#[cfg(lede_library)]
pub mod library_view;
pub mod mention_stepper;
#[cfg(lede_search)]
pub mod name_view;
#[cfg(lede_library)]
pub mod open_article;
pub mod own;
pub mod own_corrections;
pub mod prefs;
pub mod print_notes;
pub mod prose;
pub mod published_date;
pub mod route;
pub mod search_box;
#[cfg(lede_search)]
pub mod search_view;
pub mod section;
pub mod shortcuts_help;
#[cfg(lede_search)]
pub mod site_index;
pub mod state;
pub mod timeline;
pub mod toc;

pub use app::{App, AppProps};
pub use route::{Mode, Route};

/// Renders a view to HTML (hydratable), from the page data set on this
/// thread (see [`crate::library::set_page`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_html(route: Route, mode: Mode) -> String {
    // On this thread (`ServerRenderer` would render on a thread of its own,
    // which does not see this thread's page data).
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(AppProps { route, mode }).render())
}

/// Renders a view of a page that carries `data` (what the page's island
/// will give the viewer in the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page(route: Route, mode: Mode, data: crate::library::PageData) -> String {
    crate::library::set_page(data);
    render_to_html(route, mode)
}

/// The browser entry point: hydrates the server-rendered view in `#lede`.
///
/// The root says which view it holds (`data-view`, `data-article`) and which
/// edition this is (`data-mode`).
#[cfg(all(target_arch = "wasm32", not(feature = "worker")))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("lede") else { return };
    // What the page carries (its article, or the library's cards), read
    // before the view is hydrated from it. Data that cannot be read leaves
    // the server-rendered page as it is, readable without the app.
    if let Some(island) = document.get_element_by_id(crate::library::ISLAND_ID) {
        match crate::library::PageData::from_json(&island.text_content().unwrap_or_default()) {
            Ok(data) => crate::library::set_page(data),
            Err(e) => {
                let _ = document.document_element().map(|html| html.class_list().add_1("lede-static"));
                web_sys::console::error_1(&e.into());
                return;
            }
        }
    }
    let mode = Mode::from_attr(&root.get_attribute("data-mode").unwrap_or_default());
    let route = match root.get_attribute("data-article").filter(|s| !s.is_empty()) {
        Some(slug) => Route::Article(slug),
        None if root.get_attribute("data-view").as_deref() == Some("search") => Route::Search(String::new()),
        None => Route::Library,
    };
    dom::mark("lede:start");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { route, mode }).hydrate();
}

/// Analyses a text in the browser with the same code as the `analyze`
/// command, and returns the same JSON report (an error message on failure).
/// Exported by the worker's bundle, for tools that want the analysis
/// without the viewer.
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_json(name: &str, text: &str) -> Result<String, String> {
    use lede_analysis::corrections;
    let mut article = lede_analysis::read::read(name, text.as_bytes()).map_err(|e| e.to_string())?;
    let c = corrections::from_front_matter(&article.file, &article.text).map_err(|e| e.to_string())?;
    let corrected = corrections::analyze(&mut article, c.as_ref().unwrap_or(&corrections::Corrections::default()));
    let mut report = lede_analysis::report::report(&article, &corrected.analysis);
    report.corrections = c.is_some().then_some(corrected.applied.as_slice());
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// The analysis worker's entry (`static/worker.js`): reads and analyses a
/// text, with the reader's stored corrections if any, and returns a note on
/// them and the article and its analysis in their wire form (see
/// [`analyser::analyse_to_wire`] and [`lede_analysis::wire`]).
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_wire(name: &str, text: &str, published: Option<String>, corrections: Option<String>) -> Result<String, String> {
    analyser::analyse_to_wire(name, text, published.as_deref(), corrections.as_deref())
}

/// The analysis worker's other entry (`static/worker.js`): writes an export
/// of an article the page carries (see [`analyser::write_export`]), so the
/// exports' writers are not part of the viewer's bundles.
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn export_file(page: &str, index: usize, slug: &str, format: &str, url: &str, now: f64) -> Result<String, String> {
    analyser::write_export(page, index, slug, format, url, now as i64)
}
