//! Lede's analysis: a news article read from a file, with the people,
//! organisations, places and groups it names and a timeline of the dated
//! events it reports.
//!
//! No browser types and no Yew, so the same code runs natively (the build
//! script that embeds `articles/`, the `analyze` command, the tests) and in
//! the browser (the viewer's analysis worker): [`read`] turns a file into an
//! [`model::Article`], [`analysis::analyze`] finds [`entities`], [`dates`]
//! and the [`timeline`]; [`report`] is the `analyze` command's JSON,
//! [`export`] the files a reader can download (TimelineJS, iCalendar,
//! CSV), [`wire`] the compact form an analysed article travels in, [`search`]
//! matches a query across analysed articles, and [`index`] splits that search
//! into small files for a library too big to load at once.

pub mod analysis;
pub mod calendar;
pub mod corrections;
pub mod dates;
pub mod entities;
pub mod export;
pub mod index;
pub mod lexicon;
pub mod model;
pub mod par;
pub mod read;
pub mod report;
pub mod search;
pub mod span;
pub mod text;
pub mod timeline;
pub mod wire;
