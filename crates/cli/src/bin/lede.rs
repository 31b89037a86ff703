//! `lede`: one command for authors.
//!
//! ```text
//! lede build [ARTICLES] [-o OUT] [--pkg PKG] [--cache DIR | --no-cache]
//! lede serve [DIR] [--port PORT] [--host HOST]
//! lede analyze [OPTIONS] FILE
//! ```
//!
//! Errors are one line, naming the file, with exit status 1.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lede_cli::site::{self, Options, Progress};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Lede: news articles with their names highlighted and their events on a timeline.
#[derive(Parser)]
#[command(name = "lede", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the static site from a folder of articles (.txt and .md).
    Build {
        /// The folder of articles.
        #[arg(value_name = "ARTICLES", default_value = "articles")]
        articles: PathBuf,
        /// Where to write the site (files that did not change are left as they are).
        #[arg(short, long, value_name = "OUT", default_value = "dist")]
        out: PathBuf,
        /// The viewer's wasm bundle, as `make wasm` leaves it.
        #[arg(long, value_name = "PKG", default_value = "target/pkg")]
        pkg: PathBuf,
        /// Where analyses are kept between builds, so a rebuild analyses only what changed.
        #[arg(long, value_name = "DIR", default_value = ".lede-cache")]
        cache: PathBuf,
        /// Analyse every article again, and keep nothing.
        #[arg(long)]
        no_cache: bool,
    },
    /// Serve a built site on this machine, to look at it before publishing.
    Serve {
        /// The built site.
        #[arg(value_name = "DIR", default_value = "dist")]
        dir: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
    },
    /// Print what Lede finds in an article, as JSON (see `lede analyze --help`).
    #[command(disable_help_flag = true)]
    Analyze {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "ARGS")]
        args: Vec<std::ffi::OsString>,
    },
}

/// A progress bar on a terminal; nothing otherwise.
struct Bar(Mutex<Option<ProgressBar>>);

impl Progress for Bar {
    fn stage(&self, name: &str, steps: usize) {
        let bar = ProgressBar::with_draw_target(Some(steps as u64), ProgressDrawTarget::stderr());
        bar.set_style(ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} {elapsed}").unwrap_or_else(|_| ProgressStyle::default_bar()).progress_chars("=> "));
        bar.set_message(name.to_string());
        if let Ok(mut b) = self.0.lock() {
            if let Some(old) = b.replace(bar) {
                old.finish_and_clear();
            }
        }
    }
    fn step(&self) {
        if let Ok(b) = self.0.lock() {
            if let Some(b) = b.as_ref() {
                b.inc(1);
            }
        }
    }
}

impl Bar {
    fn done(&self) {
        if let Ok(mut b) = self.0.lock() {
            if let Some(b) = b.take() {
                b.finish_and_clear();
            }
        }
    }
}

fn build(articles: PathBuf, out: PathBuf, pkg: PathBuf, cache: Option<PathBuf>) -> Result<(), String> {
    if let Some(missing) = site::VIEWER_BUNDLES.map(|name| format!("{name}_bg.wasm")).into_iter().find(|f| !pkg.join(f).is_file()) {
        return Err(format!("{}: no viewer bundle here ({missing}); run `make wasm`, or pass --pkg", pkg.display()));
    }
    // The top of the repository (this crate is `crates/cli`): the
    // stylesheet, scripts, icons and manifest.
    let static_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static");
    let start = std::time::Instant::now();
    let bar = Bar(Mutex::new(None));
    let opts = Options { articles, pkg, static_dir, cache, single_file_limit: site::SINGLE_FILE_LIMIT };
    let built = site::assemble(&opts, &bar).map_err(|e| e.to_string());
    bar.done();
    let built = built?;
    for note in &built.notes {
        eprintln!("lede build: {note}");
    }
    let w = site::write(&out, &built.build).map_err(|e| e.to_string())?;
    println!(
        "lede build: {} articles ({} analysed, {} from the cache) in {:.1} s; {} files written to {}, {} unchanged, {} removed",
        built.articles,
        built.articles - built.cached,
        built.cached,
        start.elapsed().as_secs_f64(),
        w.written,
        out.display(),
        w.unchanged,
        w.removed
    );
    Ok(())
}

fn main() -> ExitCode {
    // `lede analyze …` passes everything after `analyze` through, --help too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "analyze") {
        let rest = std::iter::once("lede analyze".into()).chain(args.into_iter().skip(2));
        return lede_cli::analyze::main_from(rest, "lede analyze");
    }
    let cli = match lede_cli::analyze::parse(Cli::try_parse(), "lede") {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let result = match cli.command {
        Command::Build { articles, out, pkg, cache, no_cache } => build(articles, out, pkg, (!no_cache).then_some(cache)),
        Command::Serve { dir, port, host } => lede_cli::serve::serve(&dir, &format!("{host}:{port}"), |addr| {
            println!("lede serve: serving {} at http://{addr}/ (Ctrl-C stops)", dir.display());
        })
        .map_err(|e| e.to_string()),
        Command::Analyze { .. } => unreachable!("handled above"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::FAILURE
        }
    }
}
