//! `site`: writes the deployable static site (run by `make dist`).
//!
//! ```text
//! cargo run --release -p lede-cli --bin site -- OUT_DIR PKG_DIR
//! ```
//!
//! PKG_DIR holds the wasm bundle made by `wasm-bindgen` (and `wasm-opt`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, pkg] = args.as_slice() else {
        eprintln!("usage: site OUT_DIR PKG_DIR");
        return ExitCode::FAILURE;
    };
    // The top of the repository (this crate is `crates/cli`).
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    match lede_cli::site::build(&PathBuf::from(out), &PathBuf::from(pkg), &root.join("static")) {
        Ok(files) => {
            println!("site: wrote {} files to {out}", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("site: {e}");
            ExitCode::FAILURE
        }
    }
}
