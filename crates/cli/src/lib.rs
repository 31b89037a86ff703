//! Lede's command-line tool, for the people who write and publish the
//! articles (`src/bin/lede.rs`):
//!
//! - `lede build ARTICLES -o dist` writes the deployable static site
//!   ([`site`]): the viewer's components (the `lede` crate) server-rendered
//!   around every article of the folder, each analysed in parallel and
//!   cached ([`load`]), with the wasm bundles, the service worker and the
//!   single-file edition, and the list of files a reader keeps to read it
//!   all offline ([`offline`]);
//! - `lede serve dist` serves a build on loopback to look at it ([`serve`]);
//! - `lede analyze FILE` prints what Lede finds in an article, as JSON
//!   ([`analyze`]; also the `analyze` program, `src/bin/analyze.rs`).

pub mod analyze;
#[cfg(target_os = "linux")]
pub mod huge;
pub mod load;
pub mod offline;
pub mod serve;
pub mod site;
