//! Embeds every article of `articles/` into the crate.
//!
//! Each file is read with the same reader the app uses, so a file that is
//! not an article (empty, not UTF-8, no title, …) stops the build with a
//! message naming the file and the reason, instead of shipping an empty page.

#![allow(dead_code)]

#[path = "src/dates.rs"]
mod dates;
#[path = "src/model.rs"]
mod model;
#[path = "src/read/mod.rs"]
mod read;
#[path = "src/span.rs"]
mod span;
#[path = "src/text.rs"]
mod text;

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, process};

fn main() {
    // LEDE_ARTICLES embeds another folder (the benchmarks build a site with
    // a generated long article this way).
    println!("cargo:rerun-if-env-changed=LEDE_ARTICLES");
    let dir = match env::var_os("LEDE_ARTICLES") {
        Some(d) => Path::new(&d).to_path_buf(),
        None => Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("articles"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let articles = read::read_dir(&dir).unwrap_or_else(|e| {
        // Cargo shows a build script's stderr when it fails.
        eprintln!("error: {e}");
        process::exit(1);
    });
    let mut out = String::from("/// Articles embedded from `articles/` by build.rs.\npub static EMBEDDED: &[Embedded] = &[\n");
    for (path, article) in &articles {
        println!("cargo:rerun-if-changed={}", path.display());
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        writeln!(out, "    Embedded {{ file: {:?}, source: include_str!({:?}) }},", article.file, abs.display().to_string())
            .expect("writing to a String");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("articles.rs");
    if let Err(e) = fs::write(&dest, out) {
        eprintln!("error: cannot write {}: {e}", dest.display());
        process::exit(1);
    }
}
