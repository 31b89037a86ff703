//! `analyze`: check what Lede finds in an article before publishing it.
//!
//! ```text
//! lede analyze [OPTIONS] FILE        (or the `analyze` program: analyze [OPTIONS] FILE)
//! ```
//!
//! Prints one JSON object (see `lede_analysis::report`), or with `--format`
//! one of the page's exports (see `lede_analysis::export`). FILE may be `-`
//! for standard input. When the article gives no publication date and none
//! is passed, a one-line note on standard error says that relative dates
//! were left out. A file that is not an article, or an option Lede does not
//! know, gets a one-line error and exit 1.
//!
//! The author's corrections (see `lede_analysis::corrections`) are applied
//! as the build applies them: those of the front matter, or of the sidecar
//! `NAME.lede.toml` beside FILE, or of the file `--corrections` names. The
//! JSON then has a `corrections` list of those that took effect; each one
//! that matched nothing is a `file:line: warning: …` line on standard
//! error. `--explain` prints, instead of the JSON, each name and event and
//! whether a rule or a correction made it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use lede_analysis::analysis::Analysis;
use lede_analysis::corrections::{self, Corrected, Corrections};
use lede_analysis::export::Format;
use lede_analysis::model::Article;
use lede_analysis::read::read_owned;
use time::Date;

/// Check what Lede finds in an article (its names, dates and timeline)
/// before publishing it.
#[derive(Parser)]
#[command(name = "analyze", version)]
struct Args {
    /// The article: a .txt or .md file, or - for standard input.
    #[arg(value_name = "FILE")]
    file: String,
    /// The publication date, when the article's dateline and front matter give none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<Date>,
    /// What to print: the analysis (json) or one of the page's exports.
    #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = parse_format)]
    format: Format,
    /// The article's address, for the TimelineJS and iCalendar exports (by default the file's file:// address).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// A corrections file to apply (by default the front matter's, or NAME.lede.toml beside FILE).
    #[arg(long, value_name = "PATH")]
    corrections: Option<String>,
    /// Print, for each name and event, whether a rule or a correction made it, instead of the JSON.
    #[arg(long)]
    explain: bool,
}

fn parse_published(v: &str) -> Result<Date, String> {
    lede_analysis::dates::parse_date_phrase(v).ok_or(format!("“{v}” is not a date (YYYY-MM-DD)"))
}

fn parse_format(v: &str) -> Result<Format, String> {
    Format::from_name(v)
        .ok_or_else(|| format!("unknown format “{v}”; the formats are: {}", Format::ALL.map(Format::name).join(", ")))
}

/// Runs the command with these arguments (the first is the program's
/// name); `name` is how its messages call it (`analyze`, `lede analyze`).
pub fn main_from(args: impl IntoIterator<Item = std::ffi::OsString>, name: &str) -> ExitCode {
    let args = match parse::<Args>(Args::try_parse_from(args), name) {
        Ok(args) => args,
        Err(code) => return code,
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{name}: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// What clap parsed, or how the program ends: `--help` and `--version`
/// print and succeed; an error is one line, as every other failure
/// (clap's first paragraph, without its "error: "; the usage is one
/// `--help` away), and fails.
pub fn parse<T>(parsed: Result<T, clap::Error>, name: &str) -> Result<T, ExitCode> {
    match parsed {
        Ok(t) => Ok(t),
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            Err(ExitCode::SUCCESS)
        }
        Err(e) => {
            let text = e.render().to_string();
            let first: Vec<&str> = text.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
            eprintln!("{name}: {}; see {name} --help", first.join(" ").trim_start_matches("error: "));
            Err(ExitCode::FAILURE)
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let Args { file, published, format, url, corrections: corrections_path, explain } = args;
    let (name, bytes) = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?;
        // Standard input is read as Markdown when it opens with front matter.
        let name = if buf.starts_with(b"---") { "stdin.md" } else { "stdin.txt" };
        (name.to_string(), buf)
    } else {
        lede_analysis::read::Format::from_name(&file).map_err(|e| format!("{file}: {e}"))?;
        let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
        (file.clone(), bytes)
    };
    let mut article = read_owned(&name, bytes).map_err(|e| format!("{file}: {e}"))?;
    let corrections = corrections_for(&file, corrections_path.as_deref(), &article)?;
    if article.published.is_none() {
        article.published = published;
    }
    // With corrections, the one pass the build and the worker use (the
    // publication date and place set first, then the analysis, then the rest).
    let corrected = (!corrections.is_empty()).then(|| corrections::analyze(&mut article, &corrections));
    if article.published.is_none() {
        // Without a publication date, `yesterday`, `on Monday` or `in May`
        // cannot be resolved and are left out: say so, rather than silently.
        eprintln!(
            "analyze: note: {file} has no publication date (none in its dateline or front matter), so relative dates such as “yesterday” or “on Monday” are left out; pass --published YYYY-MM-DD to resolve them"
        );
    }
    for w in corrected.iter().flat_map(|c| &c.warnings) {
        eprintln!("{w}");
    }
    let mut plain = None;
    let analysis = match &corrected {
        Some(c) => &c.analysis,
        None => &*plain.insert(lede_analysis::analysis::analyze(&article)),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    if explain {
        write_explanation(&mut out, analysis, corrected.as_ref(), &corrections.file).map_err(|e| e.to_string())?;
        return out.flush().map_err(|e| e.to_string());
    }
    if format != Format::Json {
        let url = url.unwrap_or_else(|| if file == "-" { String::new() } else { file_url(&file) });
        let now = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
        });
        let text = format.write(&article, analysis, &url, lede_analysis::export::utc_from_unix(now));
        return out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| e.to_string());
    }
    let mut report = lede_analysis::report::report(&article, analysis);
    report.corrections = corrected.as_ref().map(|c| c.applied.as_slice());
    // One buffered write: the report of a long article is many small lines.
    report.write_pretty(&mut out).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    // The process ends here: its memory goes back whole, without freeing
    // the many small pieces of a long article's analysis one by one.
    std::mem::forget(report);
    std::mem::forget(plain);
    std::mem::forget(corrected);
    std::mem::forget(article);
    Ok(())
}

/// The corrections of the article read from `file`: those of the file
/// `--corrections` names, else of its front matter or its sidecar
/// `NAME.lede.toml` (standard input: its front matter only).
fn corrections_for(file: &str, path: Option<&str>, article: &Article) -> Result<Corrections, String> {
    let named = |p: &str| -> Result<Corrections, String> {
        let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
        let text = lede_analysis::read::decode(&bytes).map_err(|e| format!("{p}: {e}"))?;
        corrections::parse(p, &text).map_err(|e| e.to_string())
    };
    let front = |shown: &str| corrections::from_front_matter(shown, &article.text).map_err(|e| e.to_string());
    match path {
        Some(p) => {
            if front(file)?.is_some() {
                return Err(format!("{file} has corrections in its front matter; --corrections {p} would be a second set"));
            }
            named(p)
        }
        None if file == "-" => Ok(front("stdin")?.unwrap_or_default()),
        None => lede_analysis::read::corrections_of(Path::new(file), article).map_err(|e| match e.line {
            Some(_) => format!("{e}").replacen(": ", ": error: ", 1),
            None => e.to_string(),
        }),
    }
}

/// `--explain`: each name and event, and whether a rule or a correction
/// (with its file and line) made it what it is.
fn write_explanation(
    out: &mut impl Write,
    analysis: &Analysis,
    corrected: Option<&Corrected>,
    file: &str,
) -> std::io::Result<()> {
    let by = |lines: Option<&Vec<usize>>| match lines {
        Some(l) if !l.is_empty() => {
            format!("correction  {}", l.iter().map(|n| format!("{file}:{n}")).collect::<Vec<_>>().join(", "))
        }
        _ => "rule".to_string(),
    };
    for (i, e) in analysis.entities.iter().enumerate() {
        let lines = corrected.and_then(|c| c.entity_lines.get(i));
        writeln!(out, "name   {} ({}): {}", e.name, e.kind.as_str(), by(lines))?;
    }
    for (i, e) in analysis.timeline.iter().enumerate() {
        let lines = corrected.and_then(|c| c.event_lines.get(i));
        writeln!(out, "event  {} {}: {}", e.date.iso(), e.label, by(lines))?;
    }
    Ok(())
}

/// The `file://` address of a file, its path made absolute (and
/// canonical, where it exists) and every
/// character but letters, digits, `/` and `-._~` percent-encoded.
fn file_url(path: &str) -> String {
    let abs = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| std::path::PathBuf::from(path));
    let mut out = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
