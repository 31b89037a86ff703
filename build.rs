//! Embeds every article of `articles/` into the crate, with its analysis.
//!
//! Each file is read and analysed with the same code the app uses (the
//! `lede-analysis` crate, a build dependency), so a file that is not an
//! article (empty, not UTF-8, no title, …) stops the build with a message
//! naming the file and the reason, instead of shipping an empty page. The
//! analysis is embedded in its wire form (`lede_analysis::wire`): the viewer
//! shows an embedded article without reading or analysing it.
//!
//! An article's corrections (its front matter's `corrections:` block or its
//! `NAME.lede.toml` sidecar, see `lede_analysis::corrections`) are applied
//! here: corrections that cannot be read stop the build naming the file and
//! the line; one that matches nothing is a build warning naming them.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, process};

use lede_analysis::{corrections, read, wire};

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
    // A change to the analysis code or its data rebuilds `lede-analysis`,
    // and with it this script, which then re-analyses every article.
    let out_dir = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut out = String::from("/// Articles embedded from `articles/` by build.rs.\npub static EMBEDDED: &[Embedded] = &[\n");
    for (i, file) in articles.into_iter().enumerate() {
        let read::ArticleFile { path, mut article, corrections } = file;
        println!("cargo:rerun-if-changed={}", path.display());
        // A sidecar added later is seen through the folder, watched above.
        let sidecar = read::sidecar_of(&path);
        if sidecar.is_file() {
            println!("cargo:rerun-if-changed={}", sidecar.display());
        }
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        let data = out_dir.join(format!("article-{i}.json"));
        let corrected = corrections::analyze(&mut article, &corrections);
        // Cargo shows these as `warning: lede@…: FILE:LINE: …` and builds on.
        for w in &corrected.warnings {
            println!("cargo:warning={}:{}: {}", w.file, w.line, w.message);
        }
        if let Err(e) = fs::write(&data, wire::to_json(&article, &corrected.analysis)) {
            eprintln!("error: cannot write {}: {e}", data.display());
            process::exit(1);
        }
        let sidecar = match sidecar.canonicalize() {
            Ok(p) => format!("Some(include_str!({:?}))", p.display().to_string()),
            Err(_) => "None".to_string(),
        };
        writeln!(
            out,
            "    Embedded {{ file: {:?}, slug: {:?}, #[cfg(not(target_arch = \"wasm32\"))] source: include_str!({:?}), #[cfg(not(target_arch = \"wasm32\"))] sidecar: {sidecar}, data: include_str!({:?}) }},",
            article.file,
            article.slug,
            abs.display().to_string(),
            data.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let dest = out_dir.join("articles.rs");
    if let Err(e) = fs::write(&dest, out) {
        eprintln!("error: cannot write {}: {e}", dest.display());
        process::exit(1);
    }
}
