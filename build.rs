//! Sets the `lede_full` cfg: the whole viewer (search view, names' pages,
//! the library with a reader's own articles, keeping the library offline).
//!
//! The browser's article pages load the reader's bundle, the crate built
//! for wasm without the `full` feature: the article view alone. Everything
//! else is the full bundle (`--features full`), the analysis worker's
//! (`--features worker`, which needs the own-article code) and every native
//! build (server rendering, tests, the `lede` command), which always holds
//! every view.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lede_full)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let full = std::env::var_os("CARGO_FEATURE_FULL").is_some() || std::env::var_os("CARGO_FEATURE_WORKER").is_some();
    if full || !wasm {
        println!("cargo::rustc-cfg=lede_full");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
