//! Lede's command-line tools, for the people who write and publish the
//! articles:
//!
//! - `analyze` (`src/bin/analyze.rs`) prints what Lede finds in an article,
//!   as JSON (`lede_analysis::report`);
//! - `site` (`src/bin/site.rs`, with [`site`]) writes the deployable static
//!   site: the viewer's components (the `lede` crate) server-rendered around
//!   every embedded article, with the wasm bundles, service worker and
//!   single-file edition;
//! - `synth-library` (`src/bin/synth-library.rs`, with [`synth`]) writes a
//!   library of invented articles, for building and measuring large sites.

pub mod site;
pub mod synth;
