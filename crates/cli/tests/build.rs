//! `lede build` on libraries that are not the repository's: each page
//! carries and shows its own article, the library is paged newest first,
//! the search index is written, a rebuild after one new article analyses
//! and rewrites only what changed, and bad input stops it with the file's
//! name.

use std::fs;
use std::path::{Path, PathBuf};

use lede::library::PageData;
use lede_cli::site::{self, Options, Quiet, PER_PAGE};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-build-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A stand-in for the wasm bundles: the build copies them, never reads them.
fn pkg(root: &Path) -> PathBuf {
    let pkg = root.join("pkg");
    fs::create_dir_all(&pkg).expect("pkg");
    for (name, bytes) in [
        ("lede_bg.wasm", &b"\0asm reader"[..]),
        ("lede.js", b"export default function init() {}"),
        ("lede_library_bg.wasm", b"\0asm library"),
        ("lede_library.js", b"export default function init() { /* library */ }"),
        ("lede_full_bg.wasm", b"\0asm full"),
        ("lede_full.js", b"export default function init() { /* full */ }"),
        ("lede_worker_bg.wasm", b"\0asm worker"),
        ("lede_worker.js", b"// worker"),
    ] {
        fs::write(pkg.join(name), bytes).expect("pkg file");
    }
    pkg
}

fn options(root: &Path, articles: &Path) -> Options {
    Options {
        articles: articles.to_path_buf(),
        pkg: pkg(root),
        static_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static"),
        cache: Some(root.join("cache")),
        single_file_limit: site::SINGLE_FILE_LIMIT,
    }
}

fn island(html: &str) -> PageData {
    let start = html.find("id=\"lede-data\">").expect("the page's data") + "id=\"lede-data\">".len();
    let end = start + html[start..].find("</script>").expect("its end");
    PageData::from_json(&html[start..end]).expect("data that reads")
}

fn write_library(dir: &Path, n: usize) {
    fs::create_dir_all(dir).expect("articles dir");
    for (name, text) in lede_cli::synth::library(n, 7) {
        fs::write(dir.join(name), text).expect("article");
    }
}

/// The stylesheets a page links, in order, by their name without the hash
/// (`static/lede-0123456789.css` is `lede`).
fn stylesheets(html: &str) -> Vec<String> {
    html.split("<link rel=\"stylesheet\" href=\"static/")
        .skip(1)
        .map(|rest| rest[..rest.find('-').expect("a hashed name")].to_string())
        .collect()
}

/// The viewer's bundle a page loads: its glue's name without the hash
/// (`pkg/lede_full-0123456789.js` is `lede_full`).
fn bundle(html: &str) -> &str {
    const GLUE: &str = "<link rel=\"modulepreload\" href=\"pkg/";
    let rest = &html[html.find(GLUE).expect("a bundle's glue") + GLUE.len()..];
    &rest[..rest.find('-').expect("a hashed name")]
}

#[test]
fn every_page_carries_and_shows_its_own_article_and_the_library_is_paged() {
    let root = temp("pages");
    let articles = root.join("articles");
    write_library(&articles, PER_PAGE + 12);
    let built = site::assemble(&options(&root, &articles), &Quiet).expect("builds");
    let files = &built.build.files;
    assert_eq!(built.articles, PER_PAGE + 12);
    let mut slugs = Vec::new();
    for name in fs::read_dir(&articles).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().to_string()) {
        let slug = name.rsplit_once('.').expect("an extension").0.to_string();
        let html = String::from_utf8(files[&format!("{slug}.html")].clone()).expect("utf-8");
        let data = island(&html);
        assert_eq!(data.articles.len(), 1, "{slug}: one article a page");
        assert_eq!(data.articles[0].slug(), slug);
        let (article, _) = data.articles[0].clone().unpack().expect("unpacks");
        // Rendered from the page's own data: its title is the page's heading.
        let title = lede_analysis::text::escape_html(&article.title);
        let h1 = &html[html.find("<h1").expect("a heading")..];
        let h1 = &h1[..h1.find("</h1>").expect("its end")];
        let mut text = String::new();
        let mut in_tag = false;
        for c in h1.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        assert_eq!(text.trim(), title, "{slug}: the page shows its own article");
        assert!(data.counts.values().all(|n| n > 1));
        // The reading page's stylesheet, without the library's, and the
        // reader's bundle.
        assert_eq!(stylesheets(&html), ["lede"], "{slug}");
        assert_eq!(bundle(&html), "lede", "{slug}");
        slugs.push(slug);
    }
    // The library's and the search page link both, the library's last. The
    // library's pages load the library bundle, which holds no search; the
    // search page the full one.
    for (page, loads) in [("index.html", "lede_library"), ("index-2.html", "lede_library"), ("search.html", "lede_full")] {
        let html = String::from_utf8(files[page].clone()).expect("utf-8");
        assert_eq!(stylesheets(&html), ["lede", "library"], "{page}");
        assert_eq!(bundle(&html), loads, "{page}");
        for sheet in ["lede", "library"] {
            let name = files.keys().find(|k| k.starts_with(&format!("static/{sheet}-")) && k.ends_with(".css")).expect("the stylesheet is written");
            assert!(!String::from_utf8(files[name].clone()).expect("utf-8").contains("/*"), "{name} is minified");
        }
    }
    // Two library pages, newest first, every article on one of them.
    let one = island(&String::from_utf8(files["index.html"].clone()).expect("utf-8")).library.expect("cards");
    let two = island(&String::from_utf8(files["index-2.html"].clone()).expect("utf-8")).library.expect("cards");
    assert_eq!((one.page, one.pages, one.cards.len(), two.cards.len()), (1, 2, PER_PAGE, 12));
    let all: Vec<_> = one.cards.iter().chain(&two.cards).collect();
    assert!(all.windows(2).all(|w| lede::library::newest_first(w[0], w[1]).is_le()));
    assert_eq!(all.len(), slugs.len());
    let page_two = String::from_utf8(files["index-2.html"].clone()).expect("utf-8");
    assert!(page_two.contains("href=\"index.html\"") && page_two.contains("Page 2 of 2"));
    // The search index's root, and no article page in the precache.
    assert!(files.contains_key("search/root.json"));
    let sw = String::from_utf8(files["sw.js"].clone()).expect("utf-8");
    assert!(!sw.contains(&format!("\"{}.html\"", slugs[0])) && sw.contains("\"index.html\"") && !sw.contains("index-2.html"));
    // Every bundle is in the precache, so that each page opens offline.
    let precache = site::precache_of(&sw).expect("a precache list");
    for wasm in ["pkg/lede_bg-", "pkg/lede_library_bg-", "pkg/lede_full_bg-", "pkg/lede_worker_bg-"] {
        assert_eq!(precache.iter().filter(|f| f.starts_with(wasm)).count(), 1, "{wasm} in {precache:?}");
    }
    fs::remove_dir_all(&root).expect("clean up");
}

#[test]
fn a_new_article_is_analysed_alone_and_only_changed_files_are_rewritten() {
    let root = temp("rebuild");
    let articles = root.join("articles");
    write_library(&articles, 30);
    let out = root.join("dist");
    let opts = options(&root, &articles);
    let first = site::assemble(&opts, &Quiet).expect("builds");
    assert_eq!(first.cached, 0);
    let w = site::write(&out, &first.build).expect("writes");
    assert_eq!((w.unchanged, w.removed), (0, 0));
    let viewer: Vec<String> = first.build.files.keys().filter(|k| k.starts_with("pkg/")).cloned().collect();

    let (name, text) = lede_cli::synth::article(30, 7);
    fs::write(articles.join(&name), text).expect("a new article");
    let second = site::assemble(&opts, &Quiet).expect("builds again");
    assert_eq!((second.articles, second.cached), (31, 30), "only the new article is analysed");
    let w = site::write(&out, &second.build).expect("writes again");
    assert!(w.written >= 1 && w.written < second.build.files.len() / 2, "{w:?}");
    assert!(w.unchanged > 30, "{w:?}");
    let slug = name.rsplit_once('.').expect("an extension").0;
    assert!(out.join(format!("{slug}.html")).is_file());
    // The viewer's bundles are the same, byte for byte, whatever the library holds.
    let now: Vec<String> = second.build.files.keys().filter(|k| k.starts_with("pkg/")).cloned().collect();
    assert_eq!(now, viewer);
    // An article taken away takes its page with it.
    fs::remove_file(articles.join(&name)).expect("remove");
    let third = site::assemble(&opts, &Quiet).expect("builds");
    let w = site::write(&out, &third.build).expect("writes");
    assert!(w.removed >= 1 && !out.join(format!("{slug}.html")).exists(), "{w:?}");
    fs::remove_dir_all(&root).expect("clean up");
}

#[test]
fn bad_input_stops_the_build_naming_the_file() {
    let root = temp("bad");
    let articles = root.join("articles");
    fs::create_dir_all(&articles).expect("dir");
    fs::write(articles.join("fine.txt"), "A Fine Title\n\nLONDON, May 2, 2024 - Ann Lee spoke on Monday.\n").expect("article");
    fs::write(articles.join("index-3.txt"), "Taken Address\n\nText.\n").expect("article");
    let e = site::assemble(&options(&root, &articles), &Quiet).err().expect("a reserved address");
    assert!(e.to_string().contains("index-3.txt") && e.to_string().contains("rename"), "{e}");
    fs::remove_file(articles.join("index-3.txt")).expect("remove");
    fs::write(articles.join("binary.txt"), [0u8, 159, 146, 150]).expect("binary");
    let e = site::assemble(&options(&root, &articles), &Quiet).err().expect("not an article");
    assert!(e.to_string().contains("binary.txt"), "{e}");
    fs::remove_dir_all(&root).expect("clean up");
}

#[test]
fn a_library_too_large_for_one_file_says_so_and_keeps_no_old_one() {
    let root = temp("single");
    let articles = root.join("articles");
    write_library(&articles, 3);
    let out = root.join("dist");
    let mut opts = options(&root, &articles);
    let small = site::assemble(&opts, &Quiet).expect("builds");
    assert!(small.build.files.contains_key("lede-offline.html") && small.notes.is_empty(), "{:?}", small.notes);
    site::write(&out, &small.build).expect("writes");
    opts.single_file_limit = 4 << 10;
    let large = site::assemble(&opts, &Quiet).expect("builds");
    assert!(!large.build.files.contains_key("lede-offline.html"));
    assert!(large.notes.iter().any(|n| n.starts_with("lede-offline.html was not written: with 3 articles")), "{:?}", large.notes);
    site::write(&out, &large.build).expect("writes");
    assert!(!out.join("lede-offline.html").exists(), "the old single file is not left behind");
    fs::remove_dir_all(&root).expect("clean up");
}
