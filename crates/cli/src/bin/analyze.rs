//! `analyze`: check what Lede finds in an article before publishing it.
//!
//! ```text
//! cargo run --release -p lede-cli --bin analyze -- [--published YYYY-MM-DD] [--format FORMAT] [--url URL] FILE
//! ```
//!
//! Prints one JSON object (see `lede_analysis::report`), or with `--format`
//! one of the exports of `lede_analysis::export` (`timelinejs`,
//! `timelinejs-csv`, `ics`, `names-csv`; `json`, the default, is the JSON
//! object). `--url` is the article's address in the TimelineJS and
//! iCalendar exports (by default the file's own `file://` address), and
//! `SOURCE_DATE_EPOCH`, when set, is the iCalendar `DTSTAMP` (by default
//! the time of the run). FILE may be `-` for
//! standard input. When the article gives no publication date and none is
//! passed, a one-line note on standard error says that relative dates were
//! left out. A file that is not an article gets a one-line error and
//! exit 1.

use std::io::{Read, Write};
use std::process::ExitCode;

use lede_analysis::export::Format;
use lede_analysis::read::read_owned;

/// Large buffers (the text, its tokens, the finders' per-token tables) are
/// asked to be backed by transparent huge pages where the kernel offers
/// them on request (Linux, `madvise` mode): a long article then touches a
/// few hundred 2 MB pages instead of tens of thousands of 4 KB ones, and the
/// page faults were a sixth of the run time.
#[cfg(target_os = "linux")]
mod huge {
    use std::alloc::{GlobalAlloc, Layout, System};

    /// Below one huge page, allocations are left alone.
    const LARGE: usize = 2 << 20;
    const MADV_HUGEPAGE: i32 = 14;

    extern "C" {
        fn madvise(addr: *mut core::ffi::c_void, len: usize, advice: i32) -> i32;
    }

    pub struct HugePages;

    fn advise(ptr: *mut u8, size: usize) {
        if ptr.is_null() || size < LARGE {
            return;
        }
        // madvise wants a page-aligned start; the advice is only a hint, so
        // a failure changes nothing.
        let start = (ptr as usize) & !4095;
        // SAFETY: the range lies within (or starts on the page of) memory
        // this allocator just handed out; MADV_HUGEPAGE never changes its
        // contents.
        unsafe {
            madvise(start as *mut core::ffi::c_void, size + (ptr as usize - start), MADV_HUGEPAGE);
        }
    }

    // SAFETY: every call is passed straight to `System`; the only addition
    // is a hint to the kernel about memory already allocated.
    unsafe impl GlobalAlloc for HugePages {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            advise(p, layout.size());
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            advise(p, layout.size());
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            advise(p, new_size);
            p
        }
    }
}

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: huge::HugePages = huge::HugePages;

const USAGE: &str = "usage: analyze [--published YYYY-MM-DD] [--format json|timelinejs|timelinejs-csv|ics|names-csv] [--url URL] FILE   (FILE may be - for standard input)";

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
    let mut format = Format::Json;
    let mut url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--published" => {
                let v = args.next().ok_or("--published needs a date (YYYY-MM-DD)")?;
                published = Some(lede_analysis::dates::parse_date_phrase(&v).ok_or(format!("--published: “{v}” is not a date"))?);
            }
            "--format" => {
                let names = || Format::ALL.map(Format::name).join(", ");
                let v = args.next().ok_or_else(|| format!("--format needs one of: {}", names()))?;
                format = Format::from_name(&v).ok_or_else(|| format!("--format: unknown format “{v}”; the formats are: {}", names()))?;
            }
            "--url" => url = Some(args.next().ok_or("--url needs the article's address")?),
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
        lede_analysis::read::Format::from_name(&file).map_err(|e| format!("{file}: {e}"))?;
        let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
        (file.clone(), bytes)
    };
    let mut article = read_owned(&name, bytes).map_err(|e| format!("{file}: {e}"))?;
    if article.published.is_none() {
        article.published = published;
    }
    if article.published.is_none() {
        // Without a publication date, `yesterday`, `on Monday` or `in May`
        // cannot be resolved and are left out: say so, rather than silently.
        eprintln!(
            "analyze: note: {file} has no publication date (none in its dateline or front matter), so relative dates such as “yesterday” or “on Monday” are left out; pass --published YYYY-MM-DD to resolve them"
        );
    }
    let analysis = lede_analysis::analysis::analyze(&article);
    if format != Format::Json {
        let url = url.unwrap_or_else(|| if file == "-" { String::new() } else { file_url(&file) });
        let now = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
        });
        let text = format.write(&article, &analysis, &url, lede_analysis::export::utc_from_unix(now));
        let mut out = std::io::stdout().lock();
        return out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| e.to_string());
    }
    let report = lede_analysis::report::report(&article, &analysis);
    // One buffered write: the report of a long article is many small lines.
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    // The process ends here: its memory goes back whole, without freeing
    // the many small pieces of a long article's analysis one by one.
    std::mem::forget(report);
    std::mem::forget(analysis);
    std::mem::forget(article);
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
