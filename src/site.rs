//! Writes the static site: one server-rendered HTML page per embedded
//! article (the first is also `index.html`), the stylesheet and scripts of
//! `static/`, and the wasm bundle.
//!
//! Every URL in the output is relative, so `dist/` works from any static
//! file server and under any sub-path.

use std::fs;
use std::io;
use std::path::Path;

use crate::library;
use crate::model::Article;
use crate::ui::{render_to_html, Mode, Route};

/// The page template (`index.html` at the top of the repository).
pub const TEMPLATE: &str = include_str!("../index.html");

/// Escapes text for an HTML attribute or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A short description for search engines and link previews: the start of
/// the first paragraph, without its dateline.
pub fn description(a: &Article) -> String {
    let first = a.blocks.iter().find(|b| b.kind == crate::model::BlockKind::Paragraph);
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

/// Fills the page template.
pub fn page(template: &str, title: &str, description: &str, slug: &str, app_html: &str) -> String {
    template
        .replace("{{title}}", &escape(title))
        .replace("{{description}}", &escape(description))
        .replace("{{slug}}", &escape(slug))
        .replace("{{app}}", app_html)
}

/// Builds the site into `out` from the wasm bundle in `pkg` and `static_dir`.
pub fn build(out: &Path, pkg: &Path, static_dir: &Path) -> io::Result<Vec<String>> {
    fs::create_dir_all(out)?;
    let mut written = Vec::new();
    let articles = library::articles();
    for a in &articles {
        let app = render_to_html(Route::Article(a.slug.clone()), Mode::Pages);
        let html = page(TEMPLATE, &a.title, &description(a), &a.slug, &app);
        let name = format!("{}.html", a.slug);
        fs::write(out.join(&name), &html)?;
        written.push(name);
    }
    let app = render_to_html(Route::Library, Mode::Pages);
    let intro = format!("{} news articles with their names highlighted and their events on a timeline.", articles.len());
    fs::write(out.join("index.html"), page(TEMPLATE, "Library", &intro, "", &app))?;
    written.push("index.html".into());
    copy_dir(static_dir, &out.join("static"), &mut written)?;
    copy_dir(pkg, &out.join("pkg"), &mut written)?;
    // GitHub Pages: serve files as they are (no Jekyll processing).
    fs::write(out.join(".nojekyll"), "")?;
    Ok(written)
}

fn copy_dir(from: &Path, to: &Path, written: &mut Vec<String>) -> io::Result<()> {
    fs::create_dir_all(to)?;
    let mut entries: Vec<_> = fs::read_dir(from)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name == "package.json" || name.ends_with(".d.ts") {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(&name), written)?;
        } else {
            fs::copy(&path, to.join(&name))?;
            written.push(format!("{}/{}", to.file_name().unwrap_or_default().to_string_lossy(), name));
        }
    }
    Ok(())
}
