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
