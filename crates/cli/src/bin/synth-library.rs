//! `synth-library`: writes a library of invented news articles (see
//! `lede_cli::synth`), for building and measuring sites of any size.
//!
//! ```text
//! cargo run --release -p lede-cli --bin synth-library -- N OUT_DIR [--seed S]
//! ```
//!
//! Writes N article files into OUT_DIR (created if need be). The same N and
//! seed (default 1) give the same files, byte for byte.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: synth-library N OUT_DIR [--seed S]\n\
    writes N invented articles (.txt and .md) into OUT_DIR; the same N and seed give the same files";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, out, seed) = match parse(&args) {
        Ok(a) => a,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("synth-library: {why}");
            }
            eprintln!("{USAGE}");
            return if why.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("synth-library: cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut bytes = 0;
    for (name, text) in lede_cli::synth::library(n, seed) {
        let path = out.join(&name);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("synth-library: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += text.len();
    }
    println!("synth-library: wrote {n} articles ({:.1} MB) to {}", bytes as f64 / 1e6, out.display());
    ExitCode::SUCCESS
}

/// N, OUT_DIR and the seed; an empty error for `--help`.
fn parse(args: &[String]) -> Result<(usize, PathBuf, u64), String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Err(String::new());
    }
    let mut seed = 1;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix("--seed=") {
            seed = v.parse().map_err(|_| format!("the seed “{v}” is not a whole number"))?;
        } else if a == "--seed" {
            let v = it.next().ok_or("--seed needs a value")?;
            seed = v.parse().map_err(|_| format!("the seed “{v}” is not a whole number"))?;
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(format!("unknown option “{a}”"));
        } else {
            positional.push(a);
        }
    }
    let [n, out] = positional.as_slice() else {
        return Err(format!("expected N and OUT_DIR, got {} arguments", positional.len()));
    };
    let n = n.parse().map_err(|_| format!("N “{n}” is not a number of articles"))?;
    Ok((n, PathBuf::from(out), seed))
}
