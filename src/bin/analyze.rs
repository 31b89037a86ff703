//! `analyze`: check what Lede finds in an article before publishing it.
//!
//! ```text
//! cargo run --release --bin analyze -- [--published YYYY-MM-DD] FILE
//! ```
//!
//! Prints one JSON object (see `lede::report`). FILE may be `-` for standard
//! input. A file that is not an article gets a one-line error and exit 1.

use std::io::{Read, Write};
use std::process::ExitCode;

use lede::read::{read_owned, Format};

const USAGE: &str = "usage: analyze [--published YYYY-MM-DD] FILE   (FILE may be - for standard input)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("analyze: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut published = None;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--published" => {
                let v = args.next().ok_or("--published needs a date (YYYY-MM-DD)")?;
                published = Some(lede::dates::parse_date_phrase(&v).ok_or(format!("--published: “{v}” is not a date"))?);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if file.is_none() => file = Some(arg),
            _ => return Err(format!("unexpected argument “{arg}”\n{USAGE}")),
        }
    }
    let file = file.ok_or(USAGE)?;
    let (name, bytes) = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?;
        // Standard input is read as Markdown when it opens with front matter.
        let name = if buf.starts_with(b"---") { "stdin.md" } else { "stdin.txt" };
        (name.to_string(), buf)
    } else {
        Format::from_name(&file).map_err(|e| format!("{file}: {e}"))?;
        let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
        (file.clone(), bytes)
    };
    let mut article = read_owned(&name, bytes).map_err(|e| format!("{file}: {e}"))?;
    if article.published.is_none() {
        article.published = published;
    }
    let analysis = lede::analysis::analyze(&article);
    let report = lede::report::report(&article, &analysis);
    // One buffered write: the report of a long article is many small lines.
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    lede::report::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    // The process ends here: its memory goes back whole, without freeing
    // the many small pieces of a long article's analysis one by one.
    std::mem::forget(report);
    std::mem::forget(analysis);
    std::mem::forget(article);
    Ok(())
}
