//! Where the reader is, and how links are written.
//!
//! The hosted site is one HTML page per view: `index.html` is the library,
//! `SLUG.html` an article, and `#SECTION` a section within it — plain links
//! that work without JavaScript, survive a reload, and work under any
//! sub-path because they are relative.
//!
//! The single-file edition (`lede-offline.html`) has only one page, so its
//! views live in the hash: `#/` the library, `#/SLUG` an article,
//! `#/SLUG/SECTION` a section.

/// Which edition the app runs in; provided to every component as context.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// One page per view (the hosted site).
    #[default]
    Pages,
    /// Everything in one file, views in the hash.
    Single,
}

/// A view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    Article(String),
}

impl Mode {
    /// Reads the `data-mode` attribute value.
    pub fn from_attr(v: &str) -> Mode {
        if v == "single" {
            Mode::Single
        } else {
            Mode::Pages
        }
    }

    pub fn as_attr(self) -> &'static str {
        match self {
            Mode::Pages => "pages",
            Mode::Single => "single",
        }
    }

    pub fn library_href(self) -> String {
        match self {
            Mode::Pages => "index.html".into(),
            Mode::Single => "#/".into(),
        }
    }

    pub fn article_href(self, slug: &str) -> String {
        match self {
            Mode::Pages => format!("{slug}.html"),
            Mode::Single => format!("#/{slug}"),
        }
    }

    pub fn section_href(self, article: &str, section: &str) -> String {
        match self {
            Mode::Pages => format!("#{section}"),
            Mode::Single => format!("#/{article}/{section}"),
        }
    }

    /// The section named by a location hash (without `#`), if any.
    pub fn section_in_hash(self, hash: &str) -> Option<String> {
        let s = match self {
            Mode::Pages => hash,
            Mode::Single => hash.strip_prefix('/')?.split_once('/')?.1,
        };
        (!s.is_empty()).then(|| s.to_string())
    }

    /// The view named by a location hash, in the single-file edition.
    pub fn route_in_hash(hash: &str) -> Route {
        match hash.strip_prefix('/').map(|h| h.split('/').next().unwrap_or("")) {
            Some(slug) if !slug.is_empty() => Route::Article(slug.to_string()),
            _ => Route::Library,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_hashes_round_trip() {
        assert_eq!(Mode::Pages.article_href("a"), "a.html");
        assert_eq!(Mode::Pages.section_in_hash(&Mode::Pages.section_href("a", "s")[1..]), Some("s".into()));
        let h = Mode::Single.section_href("a", "s");
        assert_eq!(Mode::Single.section_in_hash(&h[1..]), Some("s".into()));
        assert_eq!(Mode::route_in_hash(&h[1..]), Route::Article("a".into()));
        assert_eq!(Mode::route_in_hash(&Mode::Single.article_href("a")[1..]), Route::Article("a".into()));
        assert_eq!(Mode::route_in_hash("/"), Route::Library);
        assert_eq!(Mode::route_in_hash(""), Route::Library);
        assert_eq!(Mode::Single.section_in_hash("/a"), None);
        assert_eq!(Mode::from_attr(Mode::Single.as_attr()), Mode::Single);
    }
}
