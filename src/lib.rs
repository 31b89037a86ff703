//! Lede: news articles with their people, organisations, places and groups
//! highlighted, and a timeline of the dated events they report.
//!
//! This crate is the viewer ([`ui`]): Yew components that render an analysed
//! article, on the server side at build time (the `site` command of
//! `lede-cli`) and hydrated in the browser. The analysis itself, with no
//! browser dependency, is the `lede-analysis` crate ([`lede_analysis`]).
//! Built with its `worker` feature, the crate is instead the analysis
//! worker's bundle, which reads and analyses a reader's own files.
//!
//! [`library`] holds the articles embedded at build time from `articles/`.

pub mod library;
pub mod ui;

/// The wasm bundles' allocator: talc, smaller than Rust's default there
/// (dlmalloc), so the bundles a page loads are smaller.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
