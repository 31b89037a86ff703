//! Writes the static site (`make dist`):
//!
//! - `index.html`, the library, `search.html`, the search page, and
//!   `SLUG.html` for every embedded article:
//!   server-rendered, so the text arrives as HTML and reads without
//!   JavaScript, then hydrated by the wasm bundle;
//! - `pkg/` and `static/`: the bundle, stylesheet, boot script, icons and
//!   web app manifest, and the worker that analyses a reader's own articles;
//!   the bundle, stylesheet, boot script and worker are named by
//!   content hash, so a new build never mixes with an old one;
//! - `sw.js`: the service worker that precaches every file of the build;
//! - `lede-offline.html`: the single-file edition, with the wasm, the JS, the
//!   CSS and every article inlined, that works opened straight from disk.
//!
//! Every URL in the output is relative, so `dist/` works from any static
//! file server and under any sub-path (GitHub Pages project sites).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use lede::library;
use lede::ui::route::RESERVED;
use lede::ui::{render_to_html, Mode, Route};
use lede_analysis::model::Article;

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

/// Fills the page template. `view` is `library`, `article` or `search`.
pub fn page(template: &str, title: &str, description: &str, view: &str, slug: &str, app_html: &str) -> String {
    template
        .replace("{{view}}", view)
        .replace("{{title}}", &escape(title))
        .replace("{{description}}", &escape(description))
        .replace("{{slug}}", &escape(slug))
        .replace("{{app}}", app_html)
}

/// A short content hash (FNV-1a, 64 bits) for file names and cache versions.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:010x}", h >> 24)
}

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

/// What a build reads: the viewer's bundle and the worker's, and the static
/// files, as they are on disk (not yet named by hash).
struct Inputs {
    wasm: Vec<u8>,
    glue: String,
    css: String,
    boot: String,
    worker: String,
    worker_wasm: Vec<u8>,
    worker_glue: String,
}

impl Inputs {
    fn read(pkg: &Path, static_dir: &Path) -> io::Result<Inputs> {
        Ok(Inputs {
            wasm: read(&pkg.join("lede_bg.wasm"))?,
            glue: text_of(read(&pkg.join("lede.js"))?, "pkg/lede.js")?,
            css: text_of(read(&static_dir.join("lede.css"))?, "static/lede.css")?,
            boot: text_of(read(&static_dir.join("boot.js"))?, "static/boot.js")?,
            worker: text_of(read(&static_dir.join("worker.js"))?, "static/worker.js")?,
            worker_wasm: read(&pkg.join("lede_worker_bg.wasm"))?,
            worker_glue: text_of(read(&pkg.join("lede_worker.js"))?, "pkg/lede_worker.js")?,
        })
    }
}

/// Assembles the site in memory from the bundle in `pkg` and `static_dir`:
/// the pages edition, the single-file edition beside it, and the service
/// worker that precaches the pages edition.
pub fn assemble(pkg: &Path, static_dir: &Path) -> io::Result<Build> {
    let inputs = Inputs::read(pkg, static_dir)?;
    let single = single_file_edition(&inputs);
    let mut b = pages_edition(inputs, static_dir)?;
    b.files.insert("lede-offline.html".into(), single.into_bytes());
    // The service worker precaches every file of the site (not itself, nor
    // the single-file edition, which is for keeping, not for the site).
    let precache: Vec<String> = std::iter::once("./".to_string())
        .chain(b.files.keys().filter(|k| *k != "lede-offline.html").cloned())
        .collect();
    let mut all = Vec::new();
    for (k, v) in &b.files {
        all.extend_from_slice(k.as_bytes());
        all.extend_from_slice(v);
    }
    let sw = text_of(read(&static_dir.join("sw.js"))?, "static/sw.js")?
        .replace("{{version}}", &content_hash(&all))
        .replace("{{files}}", &serde_json::to_string(&precache).unwrap_or_else(|_| "[]".into()));
    b.files.insert("sw.js".into(), sw.into_bytes());
    // GitHub Pages: serve the files as they are (no Jekyll processing).
    b.files.insert(".nojekyll".into(), Vec::new());
    Ok(b)
}

/// The pages edition: a server-rendered page per article, the library and
/// the search page, around the bundles, stylesheet, boot script and worker
/// named by content hash, and the other static files (icons, manifest)
/// under their own names.
fn pages_edition(inputs: Inputs, static_dir: &Path) -> io::Result<Build> {
    let Inputs { wasm, glue, css, boot, worker, worker_wasm, worker_glue } = inputs;
    let mut b = Build::default();
    let worker_wasm_name = hashed_name("pkg/lede_worker_bg.wasm", &worker_wasm);
    let worker_glue_name = hashed_name("pkg/lede_worker.js", worker_glue.as_bytes());
    let wasm_name = hashed_name("pkg/lede_bg.wasm", &wasm);
    let glue_name = hashed_name("pkg/lede.js", glue.as_bytes());
    let css_name = hashed_name("static/lede.css", css.as_bytes());
    let boot = boot
        .replace("../pkg/lede.js", &format!("../{glue_name}"))
        .replace("../pkg/lede_bg.wasm", &format!("../{wasm_name}"));
    let boot_name = hashed_name("static/boot.js", boot.as_bytes());
    let worker = worker
        .replace("../pkg/lede_worker.js", &format!("../{worker_glue_name}"))
        .replace("../pkg/lede_worker_bg.wasm", &format!("../{worker_wasm_name}"));
    let worker_name = hashed_name("static/worker.js", worker.as_bytes());

    let mut statics: Vec<_> = fs::read_dir(static_dir)?.filter_map(Result::ok).collect();
    statics.sort_by_key(|e| e.file_name());
    for e in statics {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || matches!(name.as_str(), "lede.css" | "boot.js" | "sw.js" | "worker.js") || e.path().is_dir() {
            continue;
        }
        b.files.insert(format!("static/{name}"), read(&e.path())?);
    }

    let template = TEMPLATE
        .replace("static/lede.css", &css_name)
        .replace("static/boot.js", &boot_name)
        .replace("pkg/lede.js", &glue_name)
        .replace("{{worker}}", &worker_name);
    let articles = library::articles();
    for a in &articles {
        if RESERVED.contains(&a.slug.as_str()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: its name gives the address “{}.html”, which Lede uses for its own page; rename the file", a.file, a.slug),
            ));
        }
        let app = render_to_html(Route::Article(a.slug.clone()), Mode::Pages);
        let html = page(&template, &a.title, &description(a), "article", &a.slug, &app);
        b.files.insert(format!("{}.html", a.slug), html.into_bytes());
    }
    let app = render_to_html(Route::Library, Mode::Pages);
    let n = articles.len();
    let intro = format!("{n} news article{} with their names highlighted and their events on a timeline.", if n == 1 { "" } else { "s" });
    b.files.insert("index.html".into(), page(&template, "Library", &intro, "library", "", &app).into_bytes());
    let app = render_to_html(Route::Search(String::new()), Mode::Pages);
    let search = "Search the library's articles: words, and the people, organisations, places and groups they name.";
    b.files.insert("search.html".into(), page(&template, "Search", search, "search", "", &app).into_bytes());

    b.files.insert(worker_wasm_name, worker_wasm);
    b.files.insert(worker_glue_name, worker_glue.into_bytes());
    b.files.insert(wasm_name, wasm);
    b.files.insert(glue_name, glue.into_bytes());
    b.files.insert(css_name, css.into_bytes());
    b.files.insert(boot_name, boot.into_bytes());
    b.files.insert(worker_name, worker.into_bytes());
    Ok(b)
}

/// The single-file edition, `lede-offline.html` (see [`single_file`]).
fn single_file_edition(i: &Inputs) -> String {
    single_file(&i.css, &i.glue, &i.wasm, &single_file_worker(&i.worker, &i.worker_glue, &i.worker_wasm))
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
pub fn single_file(css: &str, glue: &str, wasm: &[u8], worker: &str) -> String {
    let app = render_to_html(Route::Library, Mode::Single);
    // Nothing inlined may close its element early.
    let css = css.replace("</style", "<\\/style");
    let glue = glue.replace("</script", "<\\/script");
    let worker = serde_json::to_string(worker).unwrap_or_default().replace("</script", "<\\/script");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Lede · offline edition</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n\
         <div id=\"lede\" data-article=\"\" data-mode=\"single\">{app}</div>\n\
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

/// Builds the site into `out` (emptied first).
pub fn build(out: &Path, pkg: &Path, static_dir: &Path) -> io::Result<Vec<String>> {
    let b = assemble(pkg, static_dir)?;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    for (name, bytes) in &b.files {
        let path = out.join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
    }
    Ok(b.files.into_keys().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_change_with_content() {
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_eq!(hashed_name("pkg/lede.js", b"x"), format!("pkg/lede-{}.js", content_hash(b"x")));
    }

    #[test]
    fn template_text_is_escaped() {
        let p = page("<title>{{title}}</title>{{app}}", "A <b>&", "", "article", "s", "<main/>");
        assert_eq!(p, "<title>A &lt;b&gt;&amp;</title><main/>");
    }
}
