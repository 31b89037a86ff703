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
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = match fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect(),
        Err(e) => fail(&dir, &format!("cannot list the folder: {e}")),
    };
    files.retain(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')));
    files.sort();
    if files.is_empty() {
        fail(&dir, "there are no articles to embed");
    }
    let mut out = String::from("/// Articles embedded from `articles/` by build.rs.\npub static EMBEDDED: &[Embedded] = &[\n");
    let mut slugs = std::collections::HashMap::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = fs::read(path).unwrap_or_else(|e| fail(path, &format!("cannot read it: {e}")));
        let article = read::read(&name, &bytes).unwrap_or_else(|e| fail(path, &e.to_string()));
        if let Some(other) = slugs.insert(article.slug.clone(), name.clone()) {
            fail(path, &format!("its name gives the same address (“{}”) as {other}; rename one", article.slug));
        }
        let abs = path.canonicalize().unwrap_or_else(|e| fail(path, &e.to_string()));
        writeln!(out, "    Embedded {{ file: {name:?}, source: include_str!({:?}) }},", abs.display().to_string())
            .expect("writing to a String");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("articles.rs");
    fs::write(&dest, out).unwrap_or_else(|e| fail(&dest, &e.to_string()));
}

fn fail(path: &Path, why: &str) -> ! {
    eprintln!("error: {} is not a readable article: {why}", path.display());
    println!("cargo:warning={} is not a readable article: {why}", path.display());
    process::exit(1);
}
