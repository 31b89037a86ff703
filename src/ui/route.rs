//! Where the reader is, and how links are written.
//!
//! The hosted site is one HTML page per view: `index.html` is the library,
//! `SLUG.html` an article, and `#SECTION` a section within it — plain links
//! that work without JavaScript, survive a reload, and work under any
//! sub-path because they are relative.
//!
//! The single-file edition (`lede-offline.html`) has only one page, so its
//! views live in the hash: `#/` the library, `#/SLUG` an article,
//! `#/SLUG/SECTION` a section, `#/search?q=…` a search.
//!
//! A search result opens its article with `?q=…` (the matches to highlight)
//! and `e=ID` (the entity to show, at its first mention): after the page
//! name in the hosted site, after the hash path in the hash.

use lede_analysis::entities::EntityKind;

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
    /// The search view, with its query.
    Search(String),
    /// A name's page (by entity id): every article that names it, and the
    /// events of those articles on one timeline.
    Name(String),
}

/// Addresses no article may take: the library, the search page, the
/// single-file edition and the service worker (and the library's further
/// pages, `index-2` and on: see [`is_reserved`]).
pub const RESERVED: &[&str] = &["index", "search", "lede-offline", "sw"];

/// Whether an article may not take this address (see [`RESERVED`]).
pub fn is_reserved(slug: &str) -> bool {
    RESERVED.contains(&slug) || slug.strip_prefix("index-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
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
        self.library_page_href(1)
    }

    /// A page of the library (from 1): `index.html`, `index-2.html`, …
    /// (the single-file edition has one).
    pub fn library_page_href(self, page: usize) -> String {
        match self {
            Mode::Pages if page > 1 => format!("index-{page}.html"),
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

    /// The search view for a query.
    pub fn search_href(self, q: &str) -> String {
        self.search_kind_href(q, None)
    }

    /// A search whose names are narrowed to one kind:
    /// `search.html?q=…&kind=person` (see [`kind_param`]).
    pub fn search_kind_href(self, q: &str, kind: Option<EntityKind>) -> String {
        let mut params = Vec::new();
        if !q.is_empty() {
            params.push(format!("q={}", encode(q)));
        }
        if let Some(k) = kind {
            params.push(format!("kind={}", k.as_str()));
        }
        let query = if params.is_empty() { String::new() } else { format!("?{}", params.join("&")) };
        match self {
            Mode::Pages => format!("search.html{query}"),
            Mode::Single => format!("#/search{query}"),
        }
    }

    /// A name's page: `search.html?name=ID` in the hosted site.
    pub fn name_href(self, id: &str) -> String {
        match self {
            Mode::Pages => format!("search.html?name={}", encode(id)),
            Mode::Single => format!("#/name/{}", encode(id)),
        }
    }

    /// An article opened at one of its timeline's events (by index).
    pub fn event_href(self, slug: &str, event: usize) -> String {
        if self.hash_routed(slug) {
            format!("#/{slug}?t={event}")
        } else {
            format!("{slug}.html?t={event}")
        }
    }

    /// An article opened from a search: its matches for `q` highlighted,
    /// and `entity` (an id) shown at its first mention.
    pub fn found_href(self, slug: &str, q: &str, entity: Option<&str>) -> String {
        let mut query = format!("?q={}", encode(q));
        if let Some(e) = entity {
            query.push_str(&format!("&e={}", encode(e)));
        }
        if self.hash_routed(slug) {
            format!("#/{slug}{query}")
        } else {
            format!("{slug}.html{query}")
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
        if let Some(rest) = hash.strip_prefix("/search").filter(|r| r.is_empty() || r.starts_with('?')) {
            return (self == Mode::Single).then(|| Route::Search(param(rest, "q").unwrap_or_default()));
        }
        if let Some(id) = hash.strip_prefix("/name/").filter(|id| !id.is_empty()) {
            return (self == Mode::Single).then(|| Route::Name(decode(id.split('?').next().unwrap_or(id))));
        }
        match split_hash(hash) {
            Some((article, _)) if self.hash_routed(&article) => Some(Route::Article(article)),
            _ if self == Mode::Single => Some(Route::Library),
            _ => None,
        }
    }
}

/// The slug prefix of a reader's own articles.
pub const OWN_PREFIX: &str = "own/";

/// Whether this bundle shows a reader's own articles, with what only such an
/// article has (its date field, corrections, the analysis worker): not the
/// reader's bundle (article pages), from which this constant leaves that
/// code out (an own article opens on the library's page, which loads the
/// library bundle).
pub const OWN_ARTICLES: bool = cfg!(lede_library);

/// Whether `slug` is a reader's own article, shown as one (see
/// [`OWN_ARTICLES`]).
pub fn is_own(slug: &str) -> bool {
    OWN_ARTICLES && slug.starts_with(OWN_PREFIX)
}

/// Splits a hash path `/ARTICLE[/SECTION]`, where ARTICLE may be `own/NAME`.
fn split_hash(hash: &str) -> Option<(String, Option<String>)> {
    let path = hash.split_once('?').map_or(hash, |(p, _)| p);
    let rest = path.strip_prefix('/')?;
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

/// The value of `name` in a query string (`?a=1&b=2`, with or without `?`),
/// percent-decoded, `+` read as a space.
pub fn param(query: &str, name: &str) -> Option<String> {
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| decode(v))
    })
}

/// The kind a `kind=` parameter names (`person`, `organization`, `place`,
/// `group`); anything else is no kind (every name).
pub fn kind_param(v: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == v)
}

/// The query string of a location hash (after `?`), if any.
pub fn hash_query(hash: &str) -> &str {
    hash.split_once('?').map_or("", |(_, q)| q)
}

/// Percent-encodes a URL query value (everything but unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    fn search_addresses_round_trip() {
        assert_eq!(Mode::Pages.search_href("Sergei Lavrov"), "search.html?q=Sergei%20Lavrov");
        assert_eq!(Mode::Pages.search_href(""), "search.html");
        assert_eq!(Mode::Pages.search_kind_href("lee", Some(EntityKind::Person)), "search.html?q=lee&kind=person");
        assert_eq!(Mode::Pages.search_kind_href("", Some(EntityKind::Place)), "search.html?kind=place");
        assert_eq!(Mode::Single.search_kind_href("port", Some(EntityKind::Organization)), "#/search?q=port&kind=organization");
        for k in EntityKind::ALL {
            assert_eq!(kind_param(k.as_str()), Some(k));
        }
        assert_eq!(kind_param(""), None);
        assert_eq!(kind_param("people"), None);
        let h = Mode::Single.search_href("Russia’s offer & more");
        assert_eq!(Mode::Single.route_in_hash(&h[1..]), Some(Route::Search("Russia’s offer & more".into())));
        assert_eq!(Mode::Pages.route_in_hash("/search?q=x"), None, "the hosted site has a search page");
        let found = Mode::Single.found_href("a", "Lavrov", Some("sergei-lavrov"));
        assert_eq!(Mode::Single.route_in_hash(&found[1..]), Some(Route::Article("a".into())));
        assert_eq!(Mode::Single.section_in_hash(&found[1..]), None);
        assert_eq!(param(hash_query(&found[1..]), "e").as_deref(), Some("sergei-lavrov"));
        assert_eq!(Mode::Pages.found_href("a", "x y", None), "a.html?q=x%20y");
        assert_eq!(param("?q=a+b%2Fc&e=", "q").as_deref(), Some("a b/c"));
        assert_eq!(param("q=%zz%", "q").as_deref(), Some("%zz%"), "bad escapes are kept as written");
        assert_eq!(param("q=1", "e"), None);
    }

    #[test]
    fn name_pages_library_pages_and_events_have_addresses() {
        assert_eq!(Mode::Pages.name_href("sergei-lavrov"), "search.html?name=sergei-lavrov");
        let h = Mode::Single.name_href("a b");
        assert_eq!(Mode::Single.route_in_hash(&h[1..]), Some(Route::Name("a b".into())));
        assert_eq!(Mode::Pages.route_in_hash(&h[1..]), None, "the hosted site has a search page");
        assert_eq!(Mode::Pages.library_page_href(1), "index.html");
        assert_eq!(Mode::Pages.library_page_href(3), "index-3.html");
        assert_eq!(Mode::Single.library_page_href(3), "#/");
        assert_eq!(Mode::Pages.event_href("a", 2), "a.html?t=2");
        let e = Mode::Single.event_href("a", 2);
        assert_eq!(Mode::Single.route_in_hash(&e[1..]), Some(Route::Article("a".into())));
        assert_eq!(param(hash_query(&e[1..]), "t").as_deref(), Some("2"));
        assert!(is_reserved("index-2") && is_reserved("sw") && !is_reserved("index-b") && !is_reserved("index-"));
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
