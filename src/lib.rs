//! Lede: news articles with their people, organisations, places and groups
//! highlighted, and a timeline of the dated events they report.
//!
//! The crate has two halves:
//!
//! - **Analysis**, with no browser dependency, so the same code runs natively
//!   (tests, the `analyze` command) and in the browser: [`read`] turns a file
//!   into an [`model::Article`], [`analysis::analyze`] finds
//!   [`entities`], [`dates`] and the [`timeline`].
//! - **The viewer** ([`ui`]): Yew components that render an analysed article,
//!   on the server side at build time and hydrated in the browser.
//!
//! [`library`] holds the articles embedded at build time from `articles/`.

pub mod analysis;
pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod library;
pub mod model;
pub mod read;
pub mod report;
pub mod search;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod span;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod wire;
