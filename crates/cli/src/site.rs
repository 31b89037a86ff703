//! Writes the static site (`lede build`, run by `make dist`):
//!
//! - `SLUG.html` for every article of the folder, `index.html` (and
//!   `index-2.html`, … for a long library) the library, newest first, and
//!   `search.html`, the search page: server-rendered, so the text arrives as
//!   HTML and reads without JavaScript, then hydrated by the viewer's wasm.
//!   Each page carries what it shows as JSON (`lede::library::PageData`):
//!   the viewer's bundle holds no article, so it is the same whatever the
//!   library holds;
//! - `pkg/` and `static/`: the viewer's three bundles (the reader's, loaded
//!   by an article's page, the library's, loaded by the library's pages,
//!   and the full one, loaded by the search and name pages), a boot script
//!   for each, the stylesheets, icons and web app manifest, and the worker
//!   that analyses a reader's own articles;
//!   the bundles, stylesheet, boot scripts and worker are named by
//!   content hash, so a new build never mixes with an old one;
//! - `search/`: the search index, a small root and shards fetched for the
//!   words of a query, one file per name (its articles and its library
//!   timeline) and one per article (for snippets): see
//!   `lede_analysis::index`;
//! - `sw.js`: the service worker, which precaches the shell (the bundles,
//!   the stylesheet and scripts, the library's first page and the search
//!   page) and keeps each article as it is read;
//! - `lede-offline.html`: the single-file edition, with the wasm, the JS, the
//!   CSS and every article inlined, that works opened straight from disk
//!   (left out, with a note, when the library is too large for one file).
//!
//! The articles are analysed in parallel and cached (see [`crate::load`]);
//! pages are rendered in parallel; [`write`] rewrites only the files whose
//! bytes changed and removes those no longer built.
//!
//! Every URL in the output is relative, so `dist/` works from any static
//! file server and under any sub-path (GitHub Pages project sites).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use lede::library::{entity_counts, newest_first, Card, LibraryPage, PageData};
use lede::ui::route::is_reserved;
use lede::ui::{render_page, Mode, Route};
use lede_analysis::model::Article;
use lede_analysis::wire::WireDoc;
use rayon::prelude::*;

use crate::load::{self, Loaded};

/// Articles on one page of the library.
pub const PER_PAGE: usize = 50;

/// The largest single-file edition written, in bytes: past it the library
/// is too large for one file (browsers slow down, and mobile ones fail, on
/// pages of tens of megabytes).
pub const SINGLE_FILE_LIMIT: usize = 24 << 20;

/// The page template (`index.html` at the top of the repository).
pub const TEMPLATE: &str = include_str!("../../../index.html");

/// Escapes text for an HTML attribute or text node.
pub use lede_analysis::text::escape_html as escape;

/// A short description for search engines and link previews: the start of
/// the first paragraph, without its dateline.
pub fn description(a: &Article) -> String {
    let first = a.blocks.iter().find(|b| b.kind == lede_analysis::model::BlockKind::Paragraph);
    let text = first.map(|b| a.block_text(b)).unwrap_or_default();
    let text = match a.dateline {
        Some(d) if text.starts_with(d.of(&a.text)) => text[d.len()..].trim().to_string(),
        _ => text,
    };
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        if let Some(i) = out.rfind(' ') {
            out.truncate(i);
        }
        out.push('…');
    }
    out
}

/// The page template (`index.html`) with the site's asset names: every
/// page of the hosted edition is this template filled once (minijinja, one
/// pass: what a title or a description holds is text, never a
/// placeholder). Values are HTML-escaped unless marked `|safe` in the
/// template: the server-rendered view and the data island, which are HTML
/// already.
pub struct Template<'s> {
    env: minijinja::Environment<'s>,
}

/// The asset names a page links to (content-hashed in a build).
pub struct Assets<'a> {
    /// The stylesheets, in the order the page links them.
    pub stylesheets: &'a [&'a str],
    pub boot: &'a str,
    pub glue: &'a str,
    pub worker: &'a str,
}

impl<'s> Template<'s> {
    /// Reads the template; an error names what is wrong in it.
    pub fn new(source: &'s str, assets: &Assets) -> Result<Template<'s>, String> {
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_keep_trailing_newline(true);
        // The project's one HTML escaping, for every value not marked safe.
        env.set_formatter(|out, _state, value| {
            if value.is_safe() {
                write!(out, "{value}")?;
            } else {
                out.write_str(&escape(&value.to_string()))?;
            }
            Ok(())
        });
        env.add_global("stylesheets", assets.stylesheets.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        env.add_global("boot", assets.boot);
        env.add_global("glue", assets.glue);
        env.add_global("worker", assets.worker);
        env.add_template("index.html", source).map_err(|e| format!("index.html: {e}"))?;
        let t = Template { env };
        // Every name the template uses must be one a page gives.
        t.render("", "", "", "", "", "").map_err(|e| format!("index.html: {e}"))?;
        Ok(t)
    }

    /// A page: `view` is `library`, `article` or `search`; `app_html` the
    /// server-rendered view; `data` the page's data island (see
    /// [`PageData::island`]).
    pub fn page(&self, title: &str, description: &str, view: &str, slug: &str, app_html: &str, data: &str) -> String {
        // The template was rendered once when it was read (see `new`).
        self.render(title, description, view, slug, app_html, data).unwrap_or_else(|e| panic!("the page template: {e:#}"))
    }

    fn render(&self, title: &str, description: &str, view: &str, slug: &str, app_html: &str, data: &str) -> Result<String, minijinja::Error> {
        let ctx = minijinja::context! {
            title, description, view, slug,
            app => minijinja::Value::from_safe_string(app_html.to_string()),
            data => minijinja::Value::from_safe_string(data.to_string()),
        };
        self.env.get_template("index.html")?.render(ctx)
    }
}

/// A short content hash (FNV-1a, 64 bits) for file names and cache
/// versions: the one the search index names its shards with.
pub use lede_analysis::index::content_hash;

/// `dir/stem.ext` → `dir/stem-HASH.ext`.
fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let (stem, ext) = path.rsplit_once('.').unwrap_or((path, ""));
    format!("{stem}-{}.{ext}", content_hash(bytes))
}

/// The files of a build, by path relative to its root.
#[derive(Default)]
pub struct Build {
    pub files: BTreeMap<String, Vec<u8>>,
}

fn read(path: &Path) -> io::Result<Vec<u8>> {
    fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

fn text_of(bytes: Vec<u8>, what: &str) -> io::Result<String> {
    String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("{what} is not UTF-8")))
}

/// A stylesheet as the site serves it: without comments or needless
/// spaces. A stylesheet the minifier cannot read stops the build, saying
/// which (`what`).
fn minify_css(css: &str, what: &str) -> io::Result<String> {
    minifier::css::minify(css)
        .map(|m| m.to_string().trim().to_string())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{what} cannot be minified: {e}")))
}

/// A stylesheet read from the static folder and minified.
fn stylesheet(static_dir: &Path, name: &str) -> io::Result<String> {
    let what = format!("static/{name}");
    minify_css(&text_of(read(&static_dir.join(name))?, &what)?, &what)
}

/// A script as the site serves it (the boot scripts and the service
/// worker, in every page's first view): without its comments and needless
/// spaces. Run on the script as it is served, once every path is written in.
fn minify_js(js: &str) -> String {
    minifier::js::minify(js).to_string()
}

/// The viewer's bundles, by the name `make wasm` gives each
/// (`pkg/NAME_bg.wasm`, `pkg/NAME.js`): the reader's (articles' pages), the
/// library's (its pages) and the full one (the search and names' pages,
/// and the single-file edition).
pub const VIEWER_BUNDLES: [&str; 3] = ["lede", "lede_library", "lede_full"];

/// One bundle as wasm-bindgen wrote it: its wasm and its JS glue.
struct Bundle {
    name: &'static str,
    wasm: Vec<u8>,
    glue: String,
}

impl Bundle {
    fn read(pkg: &Path, name: &'static str) -> io::Result<Bundle> {
        let glue = format!("{name}.js");
        Ok(Bundle { name, wasm: read(&pkg.join(format!("{name}_bg.wasm")))?, glue: text_of(read(&pkg.join(&glue))?, &format!("pkg/{glue}"))? })
    }

    /// The wasm's and the glue's names in the site, by content hash.
    fn hashed_names(&self) -> (String, String) {
        (hashed_name(&format!("pkg/{}_bg.wasm", self.name), &self.wasm), hashed_name(&format!("pkg/{}.js", self.name), self.glue.as_bytes()))
    }
}

/// What a build reads: the viewer's bundles and the worker's, and the
/// static files, as they are on disk (not yet named by hash).
struct Inputs {
    reader: Bundle,
    library: Bundle,
    full: Bundle,
    /// The reading page's stylesheet, which every page links.
    css: String,
    /// The library's views' stylesheet, which the pages other than an
    /// article's link after it.
    library_css: String,
    boot: String,
    worker: String,
    /// The analysis worker's bundle.
    analysis: Bundle,
}

impl Inputs {
    fn read(pkg: &Path, static_dir: &Path) -> io::Result<Inputs> {
        let [reader, library, full] = VIEWER_BUNDLES;
        Ok(Inputs {
            reader: Bundle::read(pkg, reader)?,
            library: Bundle::read(pkg, library)?,
            full: Bundle::read(pkg, full)?,
            css: stylesheet(static_dir, "lede.css")?,
            library_css: stylesheet(static_dir, "library.css")?,
            boot: text_of(read(&static_dir.join("boot.js"))?, "static/boot.js")?,
            worker: text_of(read(&static_dir.join("worker.js"))?, "static/worker.js")?,
            analysis: Bundle::read(pkg, "lede_worker")?,
        })
    }
}

/// What a build reads.
pub struct Options {
    /// The folder of articles.
    pub articles: std::path::PathBuf,
    /// The viewer's bundles (the reader's, the library's and the full one)
    /// and the worker's (`wasm-bindgen`'s output).
    pub pkg: std::path::PathBuf,
    /// The stylesheet, scripts, icons and manifest.
    pub static_dir: std::path::PathBuf,
    /// Where analyses are cached between builds (none: analyse every one).
    pub cache: Option<std::path::PathBuf>,
    /// The largest single-file edition written, in bytes (see
    /// [`SINGLE_FILE_LIMIT`]).
    pub single_file_limit: usize,
}

/// What a build made, and what it has to say.
pub struct Built {
    pub build: Build,
    /// How many articles, and how many of them came from the cache.
    pub articles: usize,
    pub cached: usize,
    /// Warnings for the author: corrections that matched nothing, a library
    /// too large for the single-file edition.
    pub notes: Vec<String>,
}

/// Progress callbacks for a long build (a progress bar, or nothing).
pub trait Progress: Sync {
    /// A stage starts, with this many steps.
    fn stage(&self, _name: &str, _steps: usize) {}
    /// One step of the current stage is done.
    fn step(&self) {}
}

/// No progress shown.
pub struct Quiet;
impl Progress for Quiet {}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Assembles the site in memory: the articles of `opts.articles` analysed
/// (through the cache), the pages edition, the single-file edition beside
/// it if the library fits in one file, and the service worker.
pub fn assemble(opts: &Options, progress: &dyn Progress) -> io::Result<Built> {
    let inputs = Inputs::read(&opts.pkg, &opts.static_dir)?;
    let paths = lede_analysis::read::article_paths(&opts.articles).map_err(|e| invalid(e.to_string()))?;
    progress.stage("Analysing", paths.len());
    let loaded = load::load(&paths, opts.cache.as_deref(), &|| progress.step()).map_err(|e| invalid(e.to_string()))?;
    if let Some(l) = loaded.iter().find(|l| is_reserved(&l.article.slug)) {
        return Err(invalid(format!(
            "{}: its name gives the address “{}.html”, which Lede uses for its own page; rename the file",
            l.path.display(),
            l.article.slug
        )));
    }
    let mut notes: Vec<String> = loaded.iter().flat_map(|l| l.warnings.iter().map(|w| format!("{}:{}: warning: {}", w.file, w.line, w.message))).collect();
    let cached = loaded.iter().filter(|l| l.cached).count();

    let mut b = pages_edition(&inputs, &opts.static_dir, &loaded, progress)?;
    match single_file_edition(&inputs, &loaded, opts.single_file_limit) {
        Ok(single) => {
            b.files.insert("lede-offline.html".into(), single.into_bytes());
        }
        Err(size) => notes.push(format!(
            "lede-offline.html was not written: with {} articles it would be {} MB, and one file is kept under {} MB; \
             readers keep the whole library with “Keep the whole library offline” on its page instead",
            loaded.len(),
            size >> 20,
            opts.single_file_limit >> 20
        )),
    }
    // The service worker precaches the shell: every file but the pages of
    // articles, the library's further pages and the search index's shards
    // (all but its root), which it keeps as they are read (and the
    // single-file edition, which is for keeping, not for the site).
    let articles: std::collections::HashSet<String> = loaded.iter().map(|l| format!("{}.html", l.article.slug)).collect();
    let shard = |k: &str| k.strip_prefix("search/").is_some_and(|s| !s.starts_with("root"));
    let precache: Vec<String> = std::iter::once("./".to_string())
        .chain(b.files.keys().filter(|k| *k != "lede-offline.html" && !articles.contains(*k) && !is_library_page(k) && !shard(k)).cloned())
        .collect();
    // What a reader stores to keep the whole library (not precached).
    let offline = crate::offline::manifest(&b.files);
    b.files.insert(crate::offline::NAME.into(), offline.into_bytes());
    let mut all = Vec::new();
    for (k, v) in &b.files {
        all.extend_from_slice(k.as_bytes());
        all.extend_from_slice(v);
    }
    let sw = text_of(read(&opts.static_dir.join("sw.js"))?, "static/sw.js")?
        .replace("{{version}}", &content_hash(&all))
        .replace("{{files}}", &serde_json::to_string(&precache).unwrap_or_else(|_| "[]".into()));
    let sw = minify_js(&sw);
    b.files.insert("sw.js".into(), sw.into_bytes());
    // GitHub Pages: serve the files as they are (no Jekyll processing).
    b.files.insert(".nojekyll".into(), Vec::new());
    Ok(Built { build: b, articles: loaded.len(), cached, notes })
}

/// The files a built `sw.js` precaches (its `FILES` list, a JSON array),
/// as the benchmarks read it back; none if it has no such list.
pub fn precache_of(sw: &str) -> Option<Vec<String>> {
    let rest = &sw[sw.find("const FILES")?..];
    let rest = &rest[rest.find('[')?..];
    serde_json::Deserializer::from_str(rest).into_iter::<Vec<String>>().next()?.ok()
}

/// `index-2.html`, `index-3.html`, …: the library's further pages.
fn is_library_page(name: &str) -> bool {
    name.strip_suffix(".html").is_some_and(|s| is_reserved(s) && s.starts_with("index-"))
}

/// The pages edition: a server-rendered page per article, the library and
/// the search page, around the bundles, stylesheet, boot scripts and worker
/// named by content hash, and the other static files (icons, manifest)
/// under their own names. An article's page loads the reader's bundle
/// (the article view alone, so its first view is small), the library's
/// pages the library bundle (no search: its box opens the search page), the
/// search page the full one; each page is rendered by the code of the
/// bundle it loads (see `lede::ui::route::OWN_ARTICLES`), so hydration
/// matches.
fn pages_edition(inputs: &Inputs, static_dir: &Path, loaded: &[Loaded], progress: &dyn Progress) -> io::Result<Build> {
    let Inputs { reader, library, full, css, library_css, boot, worker, analysis } = inputs;
    let mut b = Build::default();
    let css_name = hashed_name("static/lede.css", css.as_bytes());
    let library_css_name = hashed_name("static/library.css", library_css.as_bytes());
    b.files.insert(css_name.clone(), css.clone().into_bytes());
    b.files.insert(library_css_name.clone(), library_css.clone().into_bytes());
    // Each viewer bundle's wasm and glue, and a boot script that loads
    // them: the names of its glue and boot script, which its pages link.
    let mut place = |bundle: &Bundle| {
        let (wasm_name, glue_name) = bundle.hashed_names();
        let boot = minify_js(&boot.replace("../pkg/lede.js", &format!("../{glue_name}")).replace("../pkg/lede_bg.wasm", &format!("../{wasm_name}")));
        let boot_name = hashed_name("static/boot.js", boot.as_bytes());
        b.files.insert(wasm_name, bundle.wasm.clone());
        b.files.insert(glue_name.clone(), bundle.glue.clone().into_bytes());
        b.files.insert(boot_name.clone(), boot.into_bytes());
        (glue_name, boot_name)
    };
    let (glue_name, boot_name) = place(reader);
    let (library_glue_name, library_boot_name) = place(library);
    let (full_glue_name, full_boot_name) = place(full);
    let (worker_wasm_name, worker_glue_name) = analysis.hashed_names();
    let worker = worker
        .replace("../pkg/lede_worker.js", &format!("../{worker_glue_name}"))
        .replace("../pkg/lede_worker_bg.wasm", &format!("../{worker_wasm_name}"));
    let worker_name = hashed_name("static/worker.js", worker.as_bytes());
    b.files.insert(worker_wasm_name, analysis.wasm.clone());
    b.files.insert(worker_glue_name, analysis.glue.clone().into_bytes());
    b.files.insert(worker_name.clone(), worker.into_bytes());

    let mut statics: Vec<_> = fs::read_dir(static_dir)?.filter_map(Result::ok).collect();
    statics.sort_by_key(|e| e.file_name());
    for e in statics {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || matches!(name.as_str(), "lede.css" | "library.css" | "boot.js" | "sw.js" | "worker.js") || e.path().is_dir() {
            continue;
        }
        b.files.insert(format!("static/{name}"), read(&e.path())?);
    }

    // Articles' pages load the reader's bundle and stylesheet; the others
    // their own bundle and the library's stylesheet too.
    let article_assets = Assets { stylesheets: &[&css_name], boot: &boot_name, glue: &glue_name, worker: &worker_name };
    let article_template = Template::new(TEMPLATE, &article_assets).map_err(io::Error::other)?;
    let library_assets = Assets { stylesheets: &[&css_name, &library_css_name], boot: &library_boot_name, glue: &library_glue_name, worker: &worker_name };
    let library_template = Template::new(TEMPLATE, &library_assets).map_err(io::Error::other)?;
    let search_assets = Assets { stylesheets: &[&css_name, &library_css_name], boot: &full_boot_name, glue: &full_glue_name, worker: &worker_name };
    let search_template = Template::new(TEMPLATE, &search_assets).map_err(io::Error::other)?;
    // Each article page carries its article and, for its names, in how
    // many of the library's articles each appears.
    let counts = entity_counts(loaded.iter().map(|l| &l.analysis));
    progress.stage("Rendering", loaded.len());
    let pages: Vec<(String, Vec<u8>)> = loaded
        .par_iter()
        .map(|l| {
            let (a, analysis) = (&l.article, &l.analysis);
            let data = PageData {
                articles: vec![WireDoc::new(a, analysis)],
                counts: analysis.entities.iter().filter_map(|e| Some((e.id.clone(), counts.get(&e.id)?))).collect(),
                library: None,
            };
            let island = data.island();
            let app = render_page(Route::Article(a.slug.clone()), Mode::Pages, data);
            let html = article_template.page(&a.title, &description(a), "article", &a.slug, &app, &island);
            progress.step();
            (format!("{}.html", a.slug), html.into_bytes())
        })
        .collect();
    b.files.extend(pages);

    // The library, newest first, PER_PAGE articles a page.
    let mut cards: Vec<Card> = loaded.iter().map(|l| Card::new(&l.article, &l.analysis)).collect();
    cards.sort_by(newest_first);
    let n = cards.len();
    let pages = n.div_ceil(PER_PAGE).max(1);
    let intro = format!("{n} news article{} with their names highlighted and their events on a timeline.", if n == 1 { "" } else { "s" });
    let library: Vec<(String, Vec<u8>)> = cards
        .chunks(PER_PAGE)
        .enumerate()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(i, chunk)| {
            let data = PageData { library: Some(LibraryPage { cards: chunk.to_vec(), page: i + 1, pages, total: n }), ..PageData::default() };
            let island = data.island();
            let app = render_page(Route::Library, Mode::Pages, data);
            let title = if i == 0 { "Library".to_string() } else { format!("Library, page {}", i + 1) };
            (Mode::Pages.library_page_href(i + 1), library_template.page(&title, &intro, "library", "", &app, &island).into_bytes())
        })
        .collect();
    b.files.extend(library);
    // The search index: a small root and shards fetched for a query's words.
    let searchable: Vec<lede_analysis::search::Searchable> =
        loaded.iter().map(|l| lede_analysis::search::Searchable { article: &l.article, analysis: &l.analysis }).collect();
    let index = lede_analysis::index::build(&searchable);
    b.files.extend(index.files.into_iter().map(|(path, json)| (path, json.into_bytes())));
    let data = PageData::default();
    let island = data.island();
    let app = render_page(Route::Search(String::new()), Mode::Pages, data);
    let search = "Search the library's articles: words, and the people, organisations, places and groups they name.";
    b.files.insert("search.html".into(), search_template.page("Search", search, "search", "", &app, &island).into_bytes());
    Ok(b)
}

/// The single-file edition, `lede-offline.html` (see [`single_file`]), or
/// its size when it is over `limit` bytes.
fn single_file_edition(i: &Inputs, loaded: &[Loaded], limit: usize) -> Result<String, usize> {
    // Past the limit in the articles' data alone, nothing is rendered.
    let data_size: usize = loaded.iter().map(|l| l.article.text.len() * 3).sum();
    if data_size > limit {
        return Err(data_size);
    }
    let analysed: Vec<lede::library::Analysed> = loaded
        .iter()
        .map(|l| lede::library::Analysed { path: l.path.clone(), article: l.article.clone(), analysis: l.analysis.clone(), warnings: Vec::new() })
        .collect();
    // The full bundle: the one file holds every view.
    let html = single_file(&format!("{}\n{}", i.css, i.library_css), &i.full.glue, &i.full.wasm, &single_file_worker(&i.worker, &i.analysis.glue, &i.analysis.wasm), lede::library::whole_library(&analysed));
    if html.len() > limit {
        return Err(html.len());
    }
    Ok(html)
}

/// The analysis worker of the single-file edition: `static/worker.js` with
/// the worker bundle's glue and wasm (base64) inlined, for a worker made
/// from a `blob:` URL.
pub fn single_file_worker(worker: &str, glue: &str, wasm: &[u8]) -> String {
    let wasm = format!("Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0))", base64(wasm));
    worker
        .replace("importScripts(\"../pkg/lede_worker.js\");", glue)
        .replace("new URL(\"../pkg/lede_worker_bg.wasm\", self.location.href)", &wasm)
}

/// The single-file edition: the library and every article, with the CSS,
/// the JS glue and the wasm (base64) inlined, and the analysis worker's
/// source (see [`single_file_worker`]). Views live in the hash.
pub fn single_file(css: &str, glue: &str, wasm: &[u8], worker: &str, data: PageData) -> String {
    let island = data.island();
    let app = render_page(Route::Library, Mode::Single, data);
    // Nothing inlined may close its element early.
    let css = css.replace("</style", "<\\/style");
    let glue = glue.replace("</script", "<\\/script");
    let worker = serde_json::to_string(worker).unwrap_or_default().replace("</script", "<\\/script");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Lede · offline edition</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n\
         <div id=\"lede\" data-article=\"\" data-mode=\"single\">{app}</div>\n{island}\n\
         <script type=\"module\">\n{glue}\n\
         performance.mark(\"lede:boot\");\n\
         document.getElementById(\"lede\").dataset.worker = URL.createObjectURL(new Blob([{worker}], {{ type: \"text/javascript\" }}));\n\
         const ledeWasmBytes = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n\
         __wbg_init({{ module_or_path: ledeWasmBytes }});\n</script>\n</body>\n</html>\n",
        base64(wasm)
    )
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// How [`write`] left the output folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Writes a build into `out`: only the files whose bytes differ from what
/// is there, and removes the files there that the build no longer has (so a
/// rebuild after one change rewrites only what changed).
pub fn write(out: &Path, b: &Build) -> io::Result<Written> {
    let mut w = Written::default();
    for (name, bytes) in &b.files {
        let path = out.join(name);
        if fs::read(&path).is_ok_and(|old| old == *bytes) {
            w.unchanged += 1;
            continue;
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        w.written += 1;
    }
    let mut stale = Vec::new();
    list_files(out, out, &mut stale)?;
    for name in stale.into_iter().filter(|n| !b.files.contains_key(n)) {
        fs::remove_file(out.join(&name))?;
        w.removed += 1;
    }
    Ok(w)
}

/// Every file under `dir`, as paths relative to `root` with `/`.
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(dir) else { return Ok(()) };
    for e in entries {
        let path = e?.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheets_are_served_without_comments_or_spaces_and_keep_every_rule() {
        let small = minify_css("/* a note */\n.a > .b {\n  color: red;\n}\n@media (max-width: 700px) {\n  .c { margin: 0 auto; }\n}\n", "a.css").unwrap();
        assert_eq!(small, ".a>.b{color:red;}@media (max-width:700px){.c{margin:0 auto;}}");
        // What the minifier cannot read stops the build, saying which file.
        let err = minify_css(".a { color: red; } /* never closed", "static/library.css").unwrap_err().to_string();
        assert!(err.starts_with("static/library.css cannot be minified"), "{err}");
        // The repository's own: every block, custom property and selector kept.
        let static_dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static"));
        for name in ["lede.css", "library.css"] {
            let css = std::fs::read_to_string(static_dir.join(name)).unwrap();
            let min = stylesheet(static_dir, name).unwrap();
            assert!(min.len() < css.len() * 9 / 10, "{name}: {} → {}", css.len(), min.len());
            let uncommented: String = css.split("/*").enumerate().map(|(i, part)| if i == 0 { part } else { part.split_once("*/").map_or("", |p| p.1) }).collect();
            let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
            assert_eq!((count(&min, '{'), count(&min, '}')), (count(&uncommented, '{'), count(&uncommented, '}')), "{name}");
            let words = |s: &str| -> std::collections::BTreeSet<String> {
                s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).filter(|w| w.starts_with("--") || w.len() > 2).map(str::to_string).collect()
            };
            assert_eq!(words(&min), words(&uncommented), "{name}");
        }
    }

    #[test]
    fn the_boot_script_and_service_worker_are_served_without_comments_or_spaces_and_keep_every_literal() {
        let small = minify_js("// a note\nconst url = new URL(\"../pkg/lede_bg.wasm\", import.meta.url); /* why */\nconst re = /^a\\/b$/;\nconst t = `x ${url}\n  y`;\n");
        assert_eq!(small, "const url=new URL(\"../pkg/lede_bg.wasm\",import.meta.url);const re=/^a\\/b$/;const t=`x ${url}\n  y`;");
        // The repository's own: every string, regular expression and
        // template literal kept as written, and most of the rest gone.
        for name in ["boot.js", "sw.js"] {
            let js = std::fs::read_to_string(format!("{}/../../static/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let min = minify_js(&js);
            assert!(min.len() < js.len() * 6 / 10, "{name}: {} → {}", js.len(), min.len());
            // Lines with `//` are left out: a comment there could hold a quote.
            for line in js.lines().filter(|l| !l.contains("//")) {
                for literal in line.split('"').skip(1).step_by(2) {
                    assert!(min.contains(&format!("\"{literal}\"")), "{name}: \"{literal}\" lost");
                }
            }
            assert!(!min.contains("\n//") && !min.contains("/*"), "{name}: a comment is left");
        }
    }

    #[test]
    fn the_precache_list_is_read_back_from_a_minified_service_worker() {
        let sw = minify_js("const VERSION = \"0123456789\";\nconst FILES = [\"./\", \"pkg/a-0123456789.js\"];\nself.addEventListener(\"install\", () => {});\n");
        assert_eq!(precache_of(&sw), Some(vec!["./".to_string(), "pkg/a-0123456789.js".to_string()]));
        assert_eq!(precache_of("const OTHER = [];"), None);
    }

    #[test]
    fn hashes_change_with_content() {
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_eq!(hashed_name("pkg/lede.js", b"x"), format!("pkg/lede-{}.js", content_hash(b"x")));
    }

    #[test]
    fn template_text_is_escaped_and_never_read_as_a_placeholder() {
        let assets = Assets { stylesheets: &["static/lede-1.css", "static/library-5.css"], boot: "static/boot-2.js", glue: "pkg/lede-3.js", worker: "static/worker-4.js" };
        let t = Template::new("<title>{{ title }}</title>{% for s in stylesheets %}<link href=\"{{ s }}\">{% endfor %}{{ app|safe }}{{ data|safe }}", &assets).unwrap();
        let p = t.page("A <b>& {{ data }}", "", "article", "s", "<main/>", "<script>1</script>");
        assert_eq!(p, "<title>A &lt;b&gt;&amp; {{ data }}</title><link href=\"static/lede-1.css\"><link href=\"static/library-5.css\"><main/><script>1</script>");
    }

    #[test]
    fn the_sites_template_fills_every_placeholder() {
        let assets = Assets { stylesheets: &["static/lede-1.css", "static/library-5.css"], boot: "static/boot-2.js", glue: "pkg/lede-3.js", worker: "static/worker-4.js" };
        let p = Template::new(TEMPLATE, &assets).unwrap().page("T", "D", "article", "slug", "<main></main>", "");
        assert!(!p.contains("{{") && !p.contains("}}"), "{p}");
        for needle in ["href=\"static/lede-1.css\"", "href=\"static/library-5.css\"", "static/boot-2.js", "pkg/lede-3.js", "data-worker=\"static/worker-4.js\"", "data-article=\"slug\"", "<main></main>"] {
            assert!(p.contains(needle), "{needle} missing in {p}");
        }
    }

    #[test]
    fn a_template_naming_an_unknown_value_is_an_error_when_read() {
        let assets = Assets { stylesheets: &[], boot: "", glue: "", worker: "" };
        let err = Template::new("{{ titel }}", &assets).err().expect("an unknown name is an error");
        assert!(err.contains("index.html"), "{err}");
    }
}
