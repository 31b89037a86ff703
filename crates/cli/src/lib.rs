//! Lede's command-line tool, for the people who write and publish the
//! articles (`src/bin/lede.rs`):
//!
//! - `lede build ARTICLES -o dist` writes the deployable static site
//!   ([`site`]): the viewer's components (the `lede` crate) server-rendered
//!   around every article of the folder, each analysed in parallel and
//!   cached ([`load`]), with the wasm bundles, the search index, the service
//!   worker, the single-file edition, and the list of files a reader keeps
//!   to read it all offline ([`offline`]);
//! - `lede serve dist` serves a build on loopback to look at it ([`serve`]);
//! - `lede analyze FILE` prints what Lede finds in an article, as JSON
//!   ([`analyze`]; also the `analyze` program, `src/bin/analyze.rs`).
//!
//! And for measuring: `synth-library` (`src/bin/synth-library.rs`, with
//! [`synth`]) writes a library of invented articles, for building and
//! measuring large sites (`make bench-scale`).

pub mod analyze;
#[cfg(target_os = "linux")]
pub mod load;
pub mod offline;
pub mod serve;
pub mod site;
pub mod synth;
