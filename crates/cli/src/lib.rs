//! Lede's command-line tools, for the people who write and publish the
//! articles:
//!
//! - `analyze` (`src/bin/analyze.rs`) prints what Lede finds in an article,
//!   as JSON (`lede_analysis::report`);
//! - `site` (`src/bin/site.rs`, with [`site`]) writes the deployable static
//!   site: the viewer's components (the `lede` crate) server-rendered around
//!   every embedded article, with the wasm bundles, service worker and
//!   single-file edition.

pub mod site;
