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

    /// Views of this article live in the hash: always in the single-file
    /// edition, and for a reader's own articles (`own/…`), which have no page.
    fn hash_routed(self, article: &str) -> bool {
        self == Mode::Single || article.starts_with(OWN_PREFIX)
    }

    pub fn article_href(self, slug: &str) -> String {
        if self.hash_routed(slug) {
            format!("#/{slug}")
        } else {
            format!("{slug}.html")
        }
    }

    pub fn section_href(self, article: &str, section: &str) -> String {
        if self.hash_routed(article) {
            format!("#/{article}/{section}")
        } else {
            format!("#{section}")
        }
    }

    /// The section named by a location hash (without `#`), if any.
    pub fn section_in_hash(self, hash: &str) -> Option<String> {
        match split_hash(hash) {
            Some((article, section)) if self.hash_routed(&article) => section,
            Some(_) => None,
            None if self == Mode::Pages && !hash.is_empty() && !hash.starts_with('/') => Some(hash.to_string()),
            None => None,
        }
    }

    /// The view a location hash names, when views live in the hash; `None`
    /// means "the page's own view".
    pub fn route_in_hash(self, hash: &str) -> Option<Route> {
        match split_hash(hash) {
            Some((article, _)) if self.hash_routed(&article) => Some(Route::Article(article)),
            _ if self == Mode::Single => Some(Route::Library),
            _ => None,
        }
    }
}

/// The slug prefix of a reader's own articles.
pub const OWN_PREFIX: &str = "own/";

/// Splits a hash path `/ARTICLE[/SECTION]`, where ARTICLE may be `own/NAME`.
fn split_hash(hash: &str) -> Option<(String, Option<String>)> {
    let rest = hash.strip_prefix('/')?;
    let (own, rest) = match rest.strip_prefix(OWN_PREFIX) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (name, section) = match rest.split_once('/') {
        Some((n, s)) => (n, (!s.is_empty()).then(|| s.to_string())),
        None => (rest, None),
    };
    if name.is_empty() {
        return None;
    }
    let article = if own { format!("{OWN_PREFIX}{name}") } else { name.to_string() };
    Some((article, section))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_hashes_round_trip() {
        assert_eq!(Mode::Pages.article_href("a"), "a.html");
        assert_eq!(Mode::Pages.section_in_hash(&Mode::Pages.section_href("a", "s")[1..]), Some("s".into()));
        assert_eq!(Mode::Pages.route_in_hash("s"), None, "a section hash keeps the page's view");
        let h = Mode::Single.section_href("a", "s");
        assert_eq!(Mode::Single.section_in_hash(&h[1..]), Some("s".into()));
        assert_eq!(Mode::Single.route_in_hash(&h[1..]), Some(Route::Article("a".into())));
        assert_eq!(Mode::Single.route_in_hash(&Mode::Single.article_href("a")[1..]), Some(Route::Article("a".into())));
        assert_eq!(Mode::Single.route_in_hash("/"), Some(Route::Library));
        assert_eq!(Mode::Single.route_in_hash(""), Some(Route::Library));
        assert_eq!(Mode::Single.section_in_hash("/a"), None);
        assert_eq!(Mode::from_attr(Mode::Single.as_attr()), Mode::Single);
    }

    #[test]
    fn own_articles_live_in_the_hash_in_both_editions() {
        for mode in [Mode::Pages, Mode::Single] {
            let href = mode.article_href("own/notes");
            assert_eq!(href, "#/own/notes");
            assert_eq!(mode.route_in_hash(&href[1..]), Some(Route::Article("own/notes".into())));
            let s = mode.section_href("own/notes", "intro");
            assert_eq!(s, "#/own/notes/intro");
            assert_eq!(mode.section_in_hash(&s[1..]), Some("intro".into()));
            assert_eq!(mode.route_in_hash(&s[1..]), Some(Route::Article("own/notes".into())));
        }
    }
}
