//! Component tests: the viewer rendered natively with Yew's server renderer.

use std::rc::Rc;

use lede::ui::doc::{Doc, DocRef};
use lede::ui::prose::{Hits, Prose, ProseProps};
use lede::ui::{App, AppProps, Mode, Route};
use lede_analysis::read::{read_str, Format};
use yew::ServerRenderer;

const SEED_SLUG: &str = "russia-offers-to-mediate-kashmir";

fn render_app(slug: &str) -> String {
    let route = Route::Article(slug.to_string());
    futures::executor::block_on(ServerRenderer::<App>::with_props(move || AppProps { route, mode: Mode::Pages }).render())
}

/// The opening tag that contains `needle` (attributes in any order).
fn tag_with<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no tag with {needle}"));
    let start = html[..at].rfind('<').expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..=end]
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn seed_page_has_sections_marks_dates_and_timeline() {
    let html = render_app(SEED_SLUG);
    assert!(html.contains("<h1 class=\"article-title\">"));
    for slug in [
        "russias-offer-for-political-settlement",
        "india-pakistan-standoff-global-concerns",
        "russias-strategic-interests",
        "whats-next",
    ] {
        assert!(html.contains(&format!("<section id=\"{slug}\"")), "section {slug}");
        assert!(html.contains(&format!("href=\"#{slug}\"")), "toc link to {slug}");
        assert!(html.contains(&format!("aria-controls=\"{slug}-body\"")), "toggle for {slug}");
    }
    assert_eq!(count(&html, "aria-expanded=\"true\""), 4);
    // One id per entity, shared by all of its mentions.
    assert_eq!(count(&html, "data-entity=\"sergei-lavrov\" data-kind=\"person\""), 2);
    assert_eq!(count(&html, "data-entity=\"ishaq-dar\" data-kind=\"person\""), 2);
    assert!(html.contains("<mark data-entity=\"russian-foreign-ministry\" data-kind=\"organization\" tabindex=\"0\">Russian Foreign Ministry</mark>"));
    assert!(html.contains("<mark data-entity=\"telegram\" data-kind=\"organization\" tabindex=\"0\">Telegram</mark>"));
    for d in ["2025-05-06", "2025-04-22", "2025-05-04", "2025-05-02"] {
        assert!(html.contains(&format!("<time datetime=\"{d}\"")), "time {d}");
    }
    // The timeline: an ordered list with one item per event, in date order.
    let tl = &html[html.find("id=\"timeline\"").expect("timeline")..];
    let ol = &tl[tl.find("<ol").expect("ol")..tl.find("</ol>").expect("/ol")];
    assert_eq!(count(ol, "<li"), 4);
    let dates: Vec<&str> = ol.split("datetime=\"").skip(1).map(|s| &s[..10]).collect();
    assert_eq!(dates, ["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"]);
    assert!(tl.contains("Undated context") && tl.contains("for decades"));
    // The toggle and the filters.
    assert!(tag_with(&html, "class=\"highlight-toggle\"").contains("aria-pressed=\"true\""));
    assert!(html.contains("Highlight entities"));
    for kind in ["person", "organization", "place", "group"] {
        let tag = tag_with(&html, &format!("data-kind=\"{kind}\" aria-pressed"));
        assert!(tag.contains("class=\"filter\""), "filter {kind}: {tag}");
        assert!(tag.contains("aria-pressed=\"true\""), "filter {kind}: {tag}");
    }
    assert!(html.contains("<article id=\"article\" class=\"article hl-on\""));
    // Header: dateline written out, reading time.
    assert!(html.contains("Tuesday, 6 May 2025"));
    assert!(html.contains("min read"));
}

#[test]
fn unknown_article_says_so() {
    let html = render_app("no-such-article");
    assert!(html.contains("Article not found"));
}

fn render_prose(name: &str, format: Format, src: &str) -> String {
    let article = read_str(name, format, src.to_string()).expect("article");
    futures::executor::block_on(
        ServerRenderer::<Prose>::with_props(move || {
            let n = article.blocks.len();
            ProseProps { doc: DocRef(Rc::new(Doc::new(article))), blocks: 0..n, hits: Default::default() }
        })
        .render(),
    )
}

#[test]
fn article_text_is_never_html() {
    let html = render_prose(
        "x.md",
        Format::Markdown,
        "# T\n\nHello <script>alert(1)</script> & <img src=x onerror=alert(2)> [link](javascript:alert(3)) [ok](https://example.com).\n",
    );
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!html.contains("javascript:"), "unsafe link targets are dropped: {html}");
    assert!(html.contains("<a href=\"https://example.com\""));
    let html = render_prose("x.txt", Format::Text, "Title <b>\nIt said <i>hi</i> & left.\n");
    assert!(html.contains("&lt;i&gt;hi&lt;/i&gt; &amp; left."));
}

#[test]
fn event_sentences_are_focusable_targets() {
    let html = render_app(SEED_SLUG);
    assert_eq!(count(&html, "class=\"event-sentence\""), count(&html, "tabindex=\"-1\""));
    assert!(count(&html, "data-sentence=\"") >= 3);
}

#[test]
fn library_lists_every_article_with_links() {
    let html = futures::executor::block_on(
        ServerRenderer::<App>::with_props(|| AppProps { route: Route::Library, mode: Mode::Pages }).render(),
    );
    for a in lede::library::articles() {
        assert!(html.contains(&format!("href=\"{}.html\"", a.slug)), "link to {}", a.slug);
    }
    assert!(html.contains("Sergei Lavrov") || html.contains("Russia"), "most-mentioned names are listed");
    // Controls that need the app (search, display menu, opening a file of
    // one's own) appear once it runs: without it there is nothing dead to
    // click, and no form field for the browser to lay out early.
    for field in ["<input", "<textarea", "<select", "<button"] {
        assert!(!html.contains(field), "the server-rendered library holds {field}");
    }
    // The single-file edition links views through the hash.
    let html = futures::executor::block_on(
        ServerRenderer::<App>::with_props(|| AppProps { route: Route::Library, mode: Mode::Single }).render(),
    );
    assert!(html.contains(&format!("href=\"#/{SEED_SLUG}\"")));
}

#[test]
fn printed_pages_get_a_legend_and_a_timeline_table() {
    let html = render_app(SEED_SLUG);
    let table = &html[html.find("class=\"print-only print-timeline\"").expect("print timeline")..];
    let table = &table[..table.find("</table>").expect("table end")];
    assert_eq!(count(table, "<tr>"), 5, "a header row and one row per event");
    assert!(table.contains("22 April 2025") && table.contains("Pahalgam"));
    let legend = &html[html.find("print-legend").expect("legend")..];
    for line in ["solid underline", "double underline", "dashed underline", "dotted underline"] {
        assert!(legend.contains(line), "{line}");
    }
}

#[test]
fn search_matches_are_marked_inside_names_and_stay_text() {
    let src = "Talks Resume\nMOSCOW (AP) _ Foreign Minister Sergei Lavrov spoke. Lavrov <b>said</b> more.\n";
    let article = read_str("t.txt", Format::Text, src.to_string()).expect("article");
    let q = lede_analysis::search::Query::new("lavrov").expect("query");
    assert_eq!(lede_analysis::search::matches_in(&article, &q).len(), 2);
    let html = futures::executor::block_on(
        ServerRenderer::<Prose>::with_props(move || {
            let n = article.blocks.len();
            let hits = Hits(Rc::new(lede_analysis::search::matches_in(&article, &q)));
            ProseProps { doc: DocRef(Rc::new(Doc::new(article))), blocks: 0..n, hits }
        })
        .render(),
    );
    assert_eq!(count(&html, "<mark class=\"search-hit\">Lavrov</mark>"), 2, "{html}");
    // The match sits inside the name's own mark.
    let name = html.find("data-entity=\"sergei-lavrov\"").expect("the name");
    let hit = html.find("search-hit").expect("a hit");
    assert!(name < hit && !html[name..hit].contains("</mark>"), "{html}");
    assert!(html.contains("&lt;b&gt;said&lt;/b&gt;"));
}

#[test]
fn search_view_renders_results_and_the_hint() {
    let render = |q: &str, mode: Mode| {
        let route = Route::Search(q.to_string());
        futures::executor::block_on(ServerRenderer::<App>::with_props(move || AppProps { route, mode }).render())
    };
    let html = render("", Mode::Pages);
    assert!(html.contains("Type at least 2 letters"), "{html}");
    // The search box itself comes with the app; the page holds its place.
    assert!(html.contains("class=\"search-box stub\""), "{html}");
    // The hosted site searches its index, fetched once the page runs: the
    // server-rendered page says so, and holds no results.
    let html = render("Lavrov", Mode::Pages);
    assert!(html.contains("Searching the library…") && !html.contains("search-hit"), "{html}");
    // The single-file edition carries its articles and searches them as it
    // renders, in the hash; names shared by articles are suggested, each
    // linking to its page.
    let html = render("", Mode::Single);
    assert!(html.contains("Sergei Lavrov: 2 articles") && html.contains("href=\"#/name/sergei-lavrov\""), "{html}");
    let html = render("lavrov", Mode::Single);
    assert!(html.contains(&format!("href=\"#/{SEED_SLUG}?q=lavrov&amp;e=sergei-lavrov\"")), "{html}");
    assert!(html.contains("<mark class=\"search-hit\">Lavrov</mark>"));
    let html = render("<script>", Mode::Single);
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"), "the query is text: {html}");
}

/// The Export panel's buttons work only with the app running, so the
/// server-rendered page holds none of them (it appears below the text once
/// the app runs; the end-to-end suite downloads from it).
#[test]
fn the_server_rendered_page_has_no_export_buttons() {
    let html = render_app(SEED_SLUG);
    assert!(html.contains("<article id=\"article\""));
    assert!(!html.contains("export-panel") && !html.contains("export-button"), "an Export control in the server-rendered page");
}

#[test]
fn the_lunar_sample_page_shows_its_corrections_and_nothing_of_them() {
    let html = render_app("sample-lunar-probe");
    // Its front matter says the probe is no person, JAXA is the agency, and
    // the arrival in orbit is one event with its own label.
    assert!(!html.contains("data-entity=\"selene-pathfinder\""));
    assert!(html.contains("class=\"event-sentence\">Selene Pathfinder</span></strong>"), "the probe's name is plain text");
    assert!(!html.contains(">Selene Pathfinder</mark>"));
    assert_eq!(count(&html, "data-entity=\"japan-aerospace-exploration-agency\" data-kind=\"organization\""), 3);
    assert!(!html.contains("data-entity=\"jaxa\""));
    let tl = &html[html.find("id=\"timeline\"").expect("timeline")..];
    assert_eq!(count(tl, "Selene Pathfinder entered lunar orbit"), 1);
    assert!(!tl.contains("braking into orbit") && !tl.contains(">It entered lunar orbit<"));
    assert_eq!(count(tl, "<time datetime=\"2024-03-04\""), 1);
    // A reader sees the corrected result only.
    for word in ["corrections", "not_names", "[[same]]", "lede.toml"] {
        assert!(!html.contains(word), "{word} on the page");
    }
}

/// The entity card of an article's first name, at its first mention.
fn render_card(article: lede_analysis::model::Article, analysis: lede_analysis::analysis::Analysis) -> String {
    use lede::ui::entity_card::{EntityCard, EntityCardProps};
    futures::executor::block_on(
        ServerRenderer::<EntityCard>::with_props(move || EntityCardProps {
            doc: DocRef(Rc::new(Doc::from_parts(article, analysis))),
            selected: Some((0, 0)),
            on_step: Default::default(),
            on_close: Default::default(),
            on_enter: Default::default(),
            on_leave: Default::default(),
            on_correct: Default::default(),
            on_undo: Default::default(),
        })
        .render(),
    )
}

/// An article's timeline, no event chosen.
fn render_timeline(article: lede_analysis::model::Article, analysis: lede_analysis::analysis::Analysis) -> String {
    use lede::ui::timeline::{TimelineProps, TimelineView};
    futures::executor::block_on(
        ServerRenderer::<TimelineView>::with_props(move || TimelineProps {
            doc: DocRef(Rc::new(Doc::from_parts(article, analysis))),
            active: None,
            on_choose: Default::default(),
            on_correct: Default::default(),
        })
        .render(),
    )
}

#[test]
fn what_a_correction_says_reaches_the_page_as_text() {
    let src = "---\ntitle: Talks\ndate: 2025-05-06\ncorrections:\n  [descriptions]\n  \"Blue Harbor\" = \"<img src=x onerror=alert(1)>\"\n\n  [[events]]\n  match = \"reopen\"\n  label = \"<script>alert(1)</script> & more\"\n---\n\nThe Blue Harbor terminal will reopen in Halifax on Friday, officials said.\n";
    let mut article = read_str("t.md", Format::Markdown, src.to_string()).expect("article");
    let c = lede_analysis::corrections::from_front_matter("t.md", src).unwrap().unwrap();
    let corrected = lede_analysis::corrections::analyze(&mut article, &c);
    assert_eq!(corrected.applied.len(), 2, "{:?}", corrected.warnings);
    let analysis = corrected.analysis;
    let (a, an) = (article.clone(), analysis.clone());
    let html = render_timeline(a, an);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; more") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), "{html}");
    assert!(!html.contains("<script>"));
    let card = render_card(article, analysis);
    assert!(card.contains("&lt;img src=x onerror=alert(1)&gt;"), "{card}");
    assert!(!card.contains("<img"));
    // An embedded article has no correction controls.
    assert!(!card.contains("card-correct") && !html.contains("event-edit"));
}

#[test]
fn ones_own_article_has_correction_controls_and_shows_names_as_text() {
    let src = "Talks\nWASHINGTON, May 6, 2025 (AP) _ Anna Berg met the <b>Blue \"Harbor\"</b> & Co. board in Halifax on Friday, officials said.";
    let mut article = read_str("t.txt", Format::Text, src.to_string()).expect("article");
    article.slug = "own/t".into();
    let analysis = lede_analysis::analysis::analyze(&article);
    assert!(analysis.entities.len() >= 2 && !analysis.timeline.is_empty(), "{:?}", analysis.entities);
    let names: Vec<String> = analysis.entities.iter().map(|e| e.name.clone()).collect();
    let (a, an) = (article.clone(), analysis.clone());
    let card = render_card(a, an);
    for control in ["<summary>Correct</summary>", "id=\"correct-kind\"", "correct-not-name", "id=\"correct-same\"", "id=\"correct-description\"", "correct-save"] {
        assert!(card.contains(control), "{control} in {card}");
    }
    for label in ["for=\"correct-kind\"", "for=\"correct-same\"", "for=\"correct-description\""] {
        assert!(card.contains(label), "{label} in {card}");
    }
    // Every other name is a choice for "Same as…", the chosen one is not.
    assert!(!card.contains(&format!("<option value=\"{}\">", names[0])), "{card}");
    assert_eq!(card.matches("<option").count(), 4 + 1 + names.len() - 1, "{card}");
    assert!(!card.contains("<b>"));
    let tl = render_timeline(article, analysis);
    assert!(tl.contains("<summary>Edit") && tl.contains("type=\"date\"") && tl.contains("event-remove"), "{tl}");
}
