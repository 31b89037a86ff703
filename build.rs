//! Sets the cfgs that say which views a build of the viewer holds.
//!
//! - `lede_library`: the library's page, a reader's own articles and
//!   keeping the library offline.
//! - `lede_search`: the search view and names' pages, which read the search
//!   index.
//!
//! The browser's pages each load one of three bundles: an article's page
//! the reader's, the crate built for wasm without features (the article
//! view alone, neither cfg); the library's pages the library bundle
//! (`--features library`: `lede_library`); the search page, names' pages
//! and the single-file edition the full one (`--features full`: both). The
//! analysis worker's bundle (`--features worker`) needs the own-article
//! code (`lede_library`). Every native build (server rendering, tests, the
//! `lede` command) holds every view.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lede_library)");
    println!("cargo::rustc-check-cfg=cfg(lede_search)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    if !wasm || feature("FULL") || feature("LIBRARY") || feature("WORKER") {
        println!("cargo::rustc-cfg=lede_library");
    }
    if !wasm || feature("FULL") {
        println!("cargo::rustc-cfg=lede_search");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
