//! Reading article files: plain text in wire-copy shape, and Markdown with
//! front matter.
//!
//! [`read`] is the one entry point. It is used by `build.rs` (every file of
//! `articles/` must read, or the build stops naming the file), by the
//! `analyze` command, and in the browser for files a reader opens.

mod markdown;
mod text;

use std::fmt;

use crate::model::{slugify, Article};

/// Why a file is not an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing but whitespace.
    Empty,
    /// Bytes that are not UTF-8; `offset` is the first bad byte.
    NotUtf8 { offset: usize },
    /// Looks like binary data (NUL or other control bytes).
    Binary,
    /// No line that can serve as a title.
    NoTitle(String),
    /// A title but nothing under it.
    NoBody,
    /// A Markdown front-matter block that is not closed or not `key: value`.
    FrontMatter(String),
    /// A file kind Lede does not read.
    UnsupportedKind(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::NotUtf8 { offset } => write!(f, "the file is not UTF-8 text (bad byte at offset {offset})"),
            ReadError::Binary => write!(f, "the file is not text (it holds control bytes)"),
            ReadError::NoTitle(why) => write!(f, "no title: {why}"),
            ReadError::NoBody => write!(f, "the article has a title but no text"),
            ReadError::FrontMatter(why) => write!(f, "bad front matter: {why}"),
            ReadError::UnsupportedKind(ext) => {
                write!(f, "unsupported file kind “{ext}” (Lede reads .txt and .md files)")
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// The formats Lede reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// The format for a file name, by extension (`.txt` and extensionless
    /// files are text; `.md`/`.markdown` are Markdown).
    pub fn from_name(name: &str) -> Result<Format, ReadError> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            None | Some("txt") | Some("text") => Ok(Format::Text),
            Some("md") | Some("markdown") => Ok(Format::Markdown),
            Some(other) => Err(ReadError::UnsupportedKind(format!(".{other}"))),
        }
    }
}

/// Reads a file's bytes as an article; `name` gives the slug and the format.
pub fn read(name: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    let format = Format::from_name(name)?;
    let text = decode(bytes)?;
    read_str(name, format, text)
}

/// [`read`], taking the bytes: text that needs no change is not copied.
pub fn read_owned(name: &str, bytes: Vec<u8>) -> Result<Article, ReadError> {
    let format = Format::from_name(name)?;
    let text = if bytes.starts_with(b"\xEF\xBB\xBF") { decode(&bytes)? } else { decode_owned(bytes)? };
    read_str(name, format, text)
}

/// Reads text already decoded.
pub fn read_str(name: &str, format: Format, text: String) -> Result<Article, ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let mut article = match format {
        Format::Text => text::read(text)?,
        Format::Markdown => markdown::read(text)?,
    };
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    article.file = base.to_string();
    article.slug = match slugify(stem) {
        s if s.is_empty() => slugify(&article.title),
        s => s,
    };
    if article.slug.is_empty() {
        article.slug = "article".into();
    }
    debug_assert_eq!(article.text.len(), article.plain.len());
    Ok(article)
}

/// A file of an articles folder that is not an article, or corrections
/// that cannot be read (`line` says where).
#[derive(Debug)]
pub struct FileError {
    pub path: std::path::PathBuf,
    pub line: Option<usize>,
    pub reason: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{} is not a readable article: {}", self.path.display(), self.reason),
        }
    }
}

/// The suffix of a sidecar file of corrections: `NAME.lede.toml` beside
/// `NAME.txt` or `NAME.md`.
pub const SIDECAR: &str = ".lede.toml";

/// The sidecar file of corrections of an article file: `NAME.lede.toml`
/// for `NAME.txt`, `NAME.md` or `NAME`.
pub fn sidecar_of(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!("{stem}{SIDECAR}"))
}

/// An article of a folder, with the author's corrections (from its
/// front matter or its sidecar file; empty when it has none).
#[derive(Debug)]
pub struct ArticleFile {
    pub path: std::path::PathBuf,
    pub article: Article,
    pub corrections: crate::corrections::Corrections,
}

/// Reads the corrections of an article file: its front matter's
/// `corrections:` block, or its sidecar file `NAME.lede.toml` (not both).
pub fn corrections_of(path: &std::path::Path, article: &Article) -> Result<crate::corrections::Corrections, FileError> {
    use crate::corrections::{from_front_matter, parse, Corrections};
    let shown = path.display().to_string();
    let bad = |e: crate::corrections::Error| FileError { path: e.file.clone().into(), line: Some(e.line), reason: e.message };
    let front = from_front_matter(&shown, &article.text).map_err(bad)?;
    let sidecar = sidecar_of(path);
    let side = match std::fs::read(&sidecar) {
        Ok(bytes) => {
            let text = decode(&bytes).map_err(|e| FileError { path: sidecar.clone(), line: None, reason: e.to_string() })?;
            Some(parse(&sidecar.display().to_string(), &text).map_err(bad)?)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(FileError { path: sidecar, line: None, reason: format!("cannot read it: {e}") }),
    };
    match (front, side) {
        (Some(_), Some(_)) => Err(FileError {
            path: sidecar,
            line: None,
            reason: format!("{shown} has corrections in its front matter too; keep them in one place"),
        }),
        (Some(c), None) | (None, Some(c)) => Ok(c),
        (None, None) => Ok(Corrections { file: shown, list: Vec::new() }),
    }
}

/// Reads every article file of a folder (hidden files skipped), in file-name
/// order, each with its corrections (see [`corrections_of`]). The first
/// file that is not an article, corrections that cannot be read, a sidecar
/// with no article beside it, or two files whose names give the same slug
/// stop it with an error naming the file.
pub fn read_dir(dir: &std::path::Path) -> Result<Vec<ArticleFile>, FileError> {
    let files = article_paths(dir)?.into_iter().map(|p| read_file(&p)).collect::<Result<Vec<_>, _>>()?;
    check_slugs(&files, |f| (&f.path, &f.article.slug))?;
    Ok(files)
}

/// The article files of a folder (hidden files and sidecars skipped), in
/// file-name order. An empty folder, or a sidecar with no article beside
/// it, is an error naming it.
pub fn article_paths(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, FileError> {
    let err = |path: &std::path::Path, reason: String| FileError { path: path.to_path_buf(), line: None, reason };
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| err(dir, format!("cannot list the folder: {e}")))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    files.sort();
    let is_sidecar = |p: &std::path::Path| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(SIDECAR));
    let (sidecars, files): (Vec<_>, Vec<_>) = files.into_iter().partition(|p| is_sidecar(p));
    if files.is_empty() {
        return Err(err(dir, "there are no articles in it".into()));
    }
    if let Some(lone) = sidecars.iter().find(|s| !files.iter().any(|f| sidecar_of(f) == **s)) {
        return Err(FileError {
            path: lone.clone(),
            line: None,
            reason: "these corrections have no article beside them (NAME.lede.toml corrects NAME.txt or NAME.md)".into(),
        });
    }
    Ok(files)
}

/// Reads one article file with its corrections (see [`corrections_of`]).
pub fn read_file(path: &std::path::Path) -> Result<ArticleFile, FileError> {
    let err = |reason: String| FileError { path: path.to_path_buf(), line: None, reason };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read it: {e}")))?;
    let article = read(&name, &bytes).map_err(|e| err(e.to_string()))?;
    let corrections = corrections_of(path, &article)?;
    Ok(ArticleFile { path: path.to_path_buf(), article, corrections })
}

/// Two files whose names give the same slug (address) are an error naming
/// the second and the first. `key` gives each item's path and slug.
pub fn check_slugs<T>(items: &[T], key: impl Fn(&T) -> (&std::path::PathBuf, &String)) -> Result<(), FileError> {
    let mut seen: std::collections::HashMap<&str, &std::path::PathBuf> = std::collections::HashMap::new();
    for item in items {
        let (path, slug) = key(item);
        if let Some(other) = seen.insert(slug.as_str(), path) {
            let other = other.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            return Err(FileError { path: path.clone(), line: None, reason: format!("its name gives the same address (“{slug}”) as {other}; rename one") });
        }
    }
    Ok(())
}

/// [`decode`] of bytes that do not start with a byte-order mark, without a copy.
fn decode_owned(bytes: Vec<u8>) -> Result<String, ReadError> {
    let text = String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { offset: e.utf8_error().valid_up_to() })?;
    if has_control(&text) {
        return Err(ReadError::Binary);
    }
    Ok(text)
}

/// UTF-8 decoding with a clear error; strips a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { offset: e.valid_up_to() })?;
    if has_control(text) {
        return Err(ReadError::Binary);
    }
    Ok(text.to_string())
}

/// Does `text` hold a control character other than a line break, tab or
/// form feed? Checked on bytes: the controls are U+0000–U+001F, U+007F
/// and U+0080–U+009F (`C2 80`–`C2 9F` in UTF-8).
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A branch-free scan of each block for bytes that may start a control
    // character, then an exact look at the blocks that have one.
    let maybe = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c) | (b == 0x7f) | (b == 0xc2);
    (0..bytes.len()).step_by(256).any(|from| {
        let block = &bytes[from..(from + 256).min(bytes.len())];
        block.iter().fold(false, |acc, &b| acc | maybe(b))
            && block.iter().enumerate().any(|(i, &b)| match b {
                b'\n' | b'\r' | b'\t' | 0x0c => false,
                0..=0x1f | 0x7f => true,
                0xc2 => bytes.get(from + i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
                _ => false,
            })
    })
}

/// A copy of `text` with every character blanked to spaces (byte length kept)
/// except line breaks.
fn blank(text: &str) -> Vec<u8> {
    text.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect()
}

/// Copies `span` of `text` into the blanked buffer.
fn copy_into(plain: &mut [u8], text: &str, span: crate::span::Span) {
    plain[span.start..span.end].copy_from_slice(&text.as_bytes()[span.start..span.end]);
}

/// Finishes a blanked buffer: line breaks only where `ends` says a block
/// ends, so a sentence never runs from one block into the next but a
/// paragraph wrapped over several lines stays one.
fn finish_plain(mut plain: Vec<u8>, text: &str, ends: &[usize]) -> String {
    for b in plain.iter_mut() {
        if *b == b'\n' {
            *b = b' ';
        }
    }
    for &e in ends {
        if let Some(nl) = text.as_bytes()[e..].iter().position(|&b| b == b'\n') {
            plain[e + nl] = b'\n';
        }
    }
    // Only ASCII spaces replaced whole characters' bytes, and copied spans
    // are whole characters, so this is valid UTF-8.
    String::from_utf8(plain).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_on_bytes() {
        for c in (0..=0x10ffu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let want = c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
            assert_eq!(has_control(&text), want, "{c:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_article() {
        assert_eq!(read("a.txt", b""), Err(ReadError::Empty));
        assert_eq!(read_owned("a.txt", b"Title\n\xff\xfe".to_vec()), Err(ReadError::NotUtf8 { offset: 6 }));
        assert_eq!(read_owned("a.txt", b"Title\n\x00\x01\x02".to_vec()), Err(ReadError::Binary));
        assert_eq!(read_owned("a.md", "\u{feff}# Hello\n\nText.".as_bytes().to_vec()).map(|a| a.title), Ok("Hello".into()));
        assert_eq!(read("a.txt", b" \n\t\n"), Err(ReadError::Empty));
        assert_eq!(read("a.txt", b"Title\n\xff\xfe"), Err(ReadError::NotUtf8 { offset: 6 }));
        assert_eq!(read("a.txt", b"Title\n\x00\x01\x02"), Err(ReadError::Binary));
        assert_eq!(read("a.txt", b"Only a title"), Err(ReadError::NoBody));
        assert!(matches!(read("a.pdf", b"x"), Err(ReadError::UnsupportedKind(_))));
        assert!(matches!(read("a.md", b"---\ntitle: x\n"), Err(ReadError::FrontMatter(_))));
        let long = format!("{}\nBody.", "word ".repeat(80));
        assert!(matches!(read("a.txt", long.as_bytes()), Err(ReadError::NoTitle(_))));
        // Every error names its reason in words.
        assert!(ReadError::NotUtf8 { offset: 3 }.to_string().contains("UTF-8"));
    }

    #[test]
    fn a_bad_file_in_a_folder_is_named_with_its_reason() {
        let dir = std::env::temp_dir().join(format!("lede-read-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a-good.txt"), "A Title\nSome text.").unwrap();
        std::fs::write(dir.join(".hidden"), "").unwrap();
        assert_eq!(read_dir(&dir).unwrap().len(), 1);
        std::fs::write(dir.join("b-empty.txt"), "   \n").unwrap();
        let e = read_dir(&dir).unwrap_err();
        assert!(e.path.ends_with("b-empty.txt"));
        assert_eq!(e.to_string(), format!("{} is not a readable article: the file is empty", dir.join("b-empty.txt").display()));
        std::fs::write(dir.join("b-empty.txt"), b"Title\n\xc3\x28").unwrap();
        assert!(read_dir(&dir).unwrap_err().to_string().contains("not UTF-8"));
        std::fs::remove_file(dir.join("b-empty.txt")).unwrap();
        std::fs::write(dir.join("A Good.md"), "# T\n\nBody.").unwrap();
        assert!(read_dir(&dir).unwrap_err().to_string().contains("same address"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_reads_each_article_with_its_corrections() {
        let dir = std::env::temp_dir().join(format!("lede-read-dir-corrections-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("harbour.txt"),
            "Harbour Talks\nHALIFAX, May 6, 2025 – The Blue Harbor terminal will reopen in Halifax, officials said.",
        )
        .unwrap();
        std::fs::write(dir.join("harbour.lede.toml"), "[kinds]\n\"Blue Harbor\" = \"organization\"\n\n[descriptions]\n\"Red Harbor\" = \"x\"\n").unwrap();
        std::fs::write(dir.join("probe.md"), "---\ntitle: Probe\ncorrections:\n  not_names = [\"Halifax\"]\n---\n\nThe probe left Halifax.\n").unwrap();
        std::fs::write(dir.join("plain.txt"), "Plain\nNothing to correct here.").unwrap();
        let files = read_dir(&dir).unwrap();
        assert_eq!(files.iter().map(|f| f.article.file.as_str()).collect::<Vec<_>>(), ["harbour.txt", "plain.txt", "probe.md"]);
        let sidecar = dir.join("harbour.lede.toml").display().to_string();
        assert_eq!(files[0].corrections.file, sidecar);
        assert_eq!(files[0].corrections.list.iter().map(|c| c.line).collect::<Vec<_>>(), [2, 5]);
        assert!(files[1].corrections.is_empty());
        assert_eq!(files[2].corrections.file, dir.join("probe.md").display().to_string());
        assert_eq!(files[2].corrections.list[0].line, 4);
        // As the build applies them: the kind changes, the stale description warns with its file and line.
        let mut a = files[0].article.clone();
        let out = crate::corrections::analyze(&mut a, &files[0].corrections);
        let e = out.analysis.entities.iter().find(|e| e.name == "Blue Harbor").unwrap();
        assert_eq!(e.kind, crate::entities::EntityKind::Organization);
        assert_eq!(
            out.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            [format!("{sidecar}:5: warning: [descriptions]: no name “Red Harbor” in the article")]
        );
        // A malformed sidecar stops the folder with its file, line and what was expected.
        std::fs::write(dir.join("plain.lede.toml"), "[kinds]\nX = \"vehicle\"\n").unwrap();
        let e = read_dir(&dir).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{}:2: “vehicle” is not a kind; the kinds are person, organization, place, group", dir.join("plain.lede.toml").display())
        );
        std::fs::write(dir.join("plain.lede.toml"), "[kinds\n").unwrap();
        assert_eq!(read_dir(&dir).unwrap_err().line, Some(1));
        // Front matter and a sidecar both, or a sidecar with no article: errors.
        std::fs::write(dir.join("plain.lede.toml"), "").unwrap();
        std::fs::write(dir.join("probe.lede.toml"), "").unwrap();
        assert!(read_dir(&dir).unwrap_err().to_string().contains("has corrections in its front matter too"));
        std::fs::remove_file(dir.join("probe.lede.toml")).unwrap();
        std::fs::write(dir.join("gone.lede.toml"), "").unwrap();
        let e = read_dir(&dir).unwrap_err();
        assert!(e.path.ends_with("gone.lede.toml") && e.to_string().contains("no article beside them"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn slug_comes_from_the_file_name() {
        let a = read("articles/My Story.txt", b"A Title\nSome text here.").unwrap();
        assert_eq!(a.slug, "my-story");
        assert_eq!(a.file, "My Story.txt");
        let a = read("x.md", "\u{feff}# Hello\n\nText.".as_bytes()).unwrap();
        assert_eq!(a.title, "Hello");
    }
}
