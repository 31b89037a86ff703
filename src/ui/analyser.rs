//! Reading and analysing a reader's own article, off the page.
//!
//! The viewer's bundle holds no reader and no analysis: embedded articles
//! arrive analysed (see [`lede_analysis::wire`]). A reader's own file goes
//! to a worker (`static/worker.js`) running the analysis bundle, built from
//! this same crate with the `worker` feature: the same reader and analysis
//! as everything else, and the page stays responsive while a long article
//! is analysed. The article and its analysis come back in their wire form.
//!
//! The hosted site names the worker's script in `#lede[data-worker]`; the
//! single-file edition puts a worker made from an inlined copy there.

use std::rc::Rc;

use lede_analysis::analysis::Analysis;
use lede_analysis::export::Format;
use lede_analysis::model::Article;

use super::doc::Doc;

/// What the worker does with a text: reads it as the file `name` and
/// analyses it; the result as wire JSON, or the reason it is not an article.
/// `published` (`YYYY-MM-DD`, a date the reader gave) places relative dates
/// when the article itself gives no publication date. The corrections in a
/// Markdown file's front matter apply as they do in the build (see
/// [`lede_analysis::corrections`]); corrections that cannot be read are the
/// reason it is not an article.
///
/// `stored` are the corrections the reader made in the page (TOML text, see
/// [`super::own::corrections`]). They apply after the front matter's, in a
/// second pass of their own, so a stored correction can change what the
/// front matter set. Stored corrections never lose the article: when they
/// cannot be read, or some match nothing, the article is shown without
/// them (or without those) and a note says so.
///
/// The reply is the note (one line, empty when there is none), a line
/// break, then the wire JSON (which holds no raw line break).
pub fn analyse_to_wire(name: &str, text: &str, published: Option<&str>, stored: Option<&str>) -> Result<String, String> {
    use lede_analysis::corrections;
    let mut article = lede_analysis::read::read(name, text.as_bytes()).map_err(|e| e.to_string())?;
    if article.published.is_none() {
        article.published = published.and_then(lede_analysis::dates::parse_date_phrase);
    }
    let c = corrections::from_front_matter(&article.file, &article.text).map_err(|e| e.to_string())?.unwrap_or_default();
    let mut note = String::new();
    let stored = match stored.filter(|s| !s.trim().is_empty()).map(|s| corrections::parse(STORED, s)) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            note = format!("Your corrections could not be read ({}); the article is shown without them.", e.message.replace('\n', " "));
            corrections::Corrections::default()
        }
        None => corrections::Corrections::default(),
    };
    corrections::prepare(&mut article, &c);
    corrections::prepare(&mut article, &stored);
    let analysis = lede_analysis::analysis::analyze(&article);
    let corrected = corrections::apply(&article, analysis, &c);
    let corrected = corrections::apply(&article, corrected.analysis, &stored);
    if !corrected.warnings.is_empty() {
        let lines: Vec<String> = corrected.warnings.iter().map(|w| format!("line {}: {}", w.line, w.message.replace('\n', " "))).collect();
        note = format!("Some of your corrections match nothing in the article and were left out ({}).", lines.join("; "));
    }
    Ok(format!("{note}\n{}", lede_analysis::wire::to_json(&article, &corrected.analysis)))
}

/// The name the reader's stored corrections go by in messages.
const STORED: &str = "your corrections";

/// Reads a reply of [`analyse_to_wire`]: the article, its analysis and the note.
pub fn from_reply(reply: &str) -> Outcome {
    let (note, wire) = reply.split_once('\n').unwrap_or(("", reply));
    let (article, analysis) = lede_analysis::wire::from_json(wire)?;
    Ok(Analysed { article, analysis, note: (!note.is_empty()).then(|| note.to_string()), wire: Rc::from(wire) })
}

/// Writes an export of an article in the worker, from the article's wire
/// form: `page` is a page's data (as its island carries it, see
/// [`crate::library::PageData`]) and `index` the article's place in it;
/// `slug` is the address the article goes by in this page (a reader's own
/// article takes one of its own). `url` is the article's address and `now`
/// the moment the file is made, in seconds since 1970 (UTC), as
/// [`Format::write`] takes them.
///
/// The exports' writers live in the worker's bundle only, so an article's
/// page does not load them until a reader asks for a file.
pub fn write_export(page: &str, index: usize, slug: &str, format: &str, url: &str, now: i64) -> Result<String, String> {
    let format = Format::from_name(format).ok_or_else(|| format!("“{format}” is not an export"))?;
    let wire = crate::library::PageData::from_json(page)?.articles.into_iter().nth(index).ok_or("the page carries no such article")?;
    let (mut article, analysis) = wire.unpack()?;
    article.slug = slug.to_string();
    Ok(format.write(&article, &analysis, url, lede_analysis::export::utc_from_unix(now)))
}

/// An article the worker read and analysed.
#[derive(Debug, PartialEq)]
pub struct Analysed {
    pub article: Article,
    pub analysis: Analysis,
    /// What became of the reader's stored corrections, when some did not apply.
    pub note: Option<String>,
    /// The article and its analysis as the worker sent them (wire JSON), to
    /// send back for an export (see [`super::doc::Wire::Text`]).
    pub wire: Rc<str>,
}

/// The outcome: the article and its analysis, or a sentence saying why not.
pub type Outcome = Result<Analysed, String>;

/// Reads and analyses `text` (the content of the file `name`) in the
/// worker, with the publication date the reader gave if any and the
/// corrections they made (see [`analyse_to_wire`]), then calls `done`.
pub fn analyse(name: &str, text: &str, published: Option<&str>, stored: Option<&str>, done: impl FnOnce(Outcome) + 'static) {
    imp::analyse(name, text, published, stored, Box::new(done))
}

/// Writes an export of `doc` (see [`write_export`]) in the worker, then
/// calls `done` with the file's text or a sentence saying why not.
pub fn export(doc: &Doc, format: Format, url: &str, now: i64, done: impl FnOnce(Result<String, String>) + 'static) {
    imp::export(doc, format, url, now, Box::new(done))
}

/// Starts the worker ahead of a request that is likely soon (the pointer
/// or the focus on the Export panel), so that the file follows the press
/// without the worker's start in between.
pub fn warm() {
    imp::warm()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use js_sys::Array;
    use lede_analysis::export::Format;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{MessageEvent, Worker};

    use super::{Doc, Outcome};
    use crate::ui::doc::Wire;

    /// What is done with the worker's answer: the result's text, or the
    /// reason there is none.
    type Reply = Box<dyn FnOnce(Result<String, String>)>;

    struct Bridge {
        worker: Worker,
        /// The requests not yet answered, by id (a few at most).
        pending: Vec<(u32, Reply)>,
        next: u32,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    }

    const CANNOT: &str = "this browser could not start Lede’s analysis for it";

    fn worker_url() -> Option<String> {
        let root = gloo::utils::document().get_element_by_id("lede")?;
        root.get_attribute("data-worker").filter(|u| !u.is_empty() && !u.contains("{{"))
    }

    fn start() -> Option<Bridge> {
        let worker = Worker::new(&worker_url()?).ok()?;
        // Answers are `[ID, "ok" | "err", TEXT]` (see static/worker.js).
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let answer = Array::from(&e.data());
            let Some(id) = answer.get(0).as_f64().map(|id| id as u32) else { return };
            let done = BRIDGE.with(|b| {
                let mut b = b.borrow_mut();
                let pending = &mut b.as_mut()?.pending;
                Some(pending.remove(pending.iter().position(|(i, _)| *i == id)?).1)
            });
            let Some(done) = done else { return };
            let text = answer.get(2).as_string().unwrap_or_default();
            done(match answer.get(1).as_string().as_deref() {
                Some("ok") => Ok(text),
                _ => Err(text),
            });
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| fail_all());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Bridge { worker, pending: Vec::new(), next: 0, _on_message: on_message, _on_error: on_error })
    }

    /// The worker failed to load or run: every pending request fails; the
    /// next one starts a new worker.
    fn fail_all() {
        let Some(bridge) = BRIDGE.with(|b| b.borrow_mut().take()) else { return };
        bridge.worker.terminate();
        // In the order they were made.
        for (_, done) in bridge.pending {
            done(Err(CANNOT.to_string()));
        }
    }

    pub fn warm() {
        if BRIDGE.with(|b| b.borrow().is_none()) {
            let bridge = start();
            BRIDGE.with(|b| *b.borrow_mut() = bridge);
        }
    }

    /// Sends `[ID, VERB, ARGS…]` to the worker; `done` gets its answer.
    fn send(verb: &str, args: &[JsValue], done: Reply) {
        warm();
        let id = BRIDGE.with(|b| {
            let mut b = b.borrow_mut();
            let bridge = b.as_mut()?;
            let id = bridge.next;
            bridge.next += 1;
            let message: Array = [JsValue::from(id), JsValue::from_str(verb)].iter().chain(args).collect();
            bridge.worker.post_message(&message).ok()?;
            Some(id)
        });
        match id {
            Some(id) => BRIDGE.with(|b| {
                if let Some(bridge) = b.borrow_mut().as_mut() {
                    bridge.pending.push((id, done));
                }
            }),
            None => done(Err(CANNOT.to_string())),
        }
    }

    /// A text the worker may be given or not (`null`).
    fn maybe(s: Option<&str>) -> JsValue {
        s.map_or(JsValue::NULL, JsValue::from_str)
    }

    pub fn analyse(name: &str, text: &str, published: Option<&str>, stored: Option<&str>, done: Box<dyn FnOnce(Outcome)>) {
        let args = [JsValue::from_str(name), JsValue::from_str(text), maybe(published), maybe(stored)];
        send("analyse", &args, Box::new(move |reply| done(reply.and_then(|r| super::from_reply(&r)))));
    }

    pub fn export(doc: &Doc, format: Format, url: &str, now: i64, done: Reply) {
        // The page's data as its island carries it, or a reader's own
        // article in the same shape.
        let (page, index) = match &doc.wire {
            Some(Wire::Page(index)) => {
                let island = gloo::utils::document().get_element_by_id(crate::library::ISLAND_ID).and_then(|e| e.text_content());
                (island.unwrap_or_default(), *index)
            }
            Some(Wire::Text(wire)) => (format!("{{\"articles\":[{wire}]}}"), 0),
            None => return done(Err(CANNOT.to_string())),
        };
        let args = [
            JsValue::from_str(&page),
            JsValue::from(index as u32),
            JsValue::from_str(&doc.article.slug),
            JsValue::from_str(format.name()),
            JsValue::from_str(url),
            JsValue::from(now as f64),
        ];
        send("export", &args, done);
    }
}

/// Natively (tests, server rendering) the analysis runs in place.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use lede_analysis::export::{utc_from_unix, Format};

    use super::{Doc, Outcome};

    pub fn analyse(name: &str, text: &str, published: Option<&str>, stored: Option<&str>, done: Box<dyn FnOnce(Outcome)>) {
        done(super::analyse_to_wire(name, text, published, stored).and_then(|reply| super::from_reply(&reply)))
    }

    pub fn export(doc: &Doc, format: Format, url: &str, now: i64, done: Box<dyn FnOnce(Result<String, String>)>) {
        done(Ok(format.write(&doc.article, &doc.analysis, url, utc_from_unix(now))))
    }

    pub fn warm() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_reads_and_analyses_like_the_command() {
        let text = "Talks Resume\nMOSCOW, May 6, 2025 (AP) _ Sergei Lavrov spoke on Sunday.";
        let article = lede_analysis::read::read("t.txt", text.as_bytes()).unwrap();
        let expected = lede_analysis::analysis::analyze(&article);
        let got = std::rc::Rc::new(std::cell::RefCell::new(None));
        let put = got.clone();
        analyse("t.txt", text, None, None, move |o| *put.borrow_mut() = Some(o));
        let a = got.borrow_mut().take().unwrap().unwrap();
        assert_eq!((&a.article, &a.analysis, &a.note), (&article, &expected, &None));
        // The wire form it came in, kept for the exports, is the same article.
        assert_eq!(lede_analysis::wire::from_json(&a.wire).unwrap(), (article, expected));
        let put = got.clone();
        analyse("x.txt", "   ", None, None, move |o| *put.borrow_mut() = Some(o));
        assert!(got.borrow_mut().take().unwrap().unwrap_err().contains("empty"));
    }

    #[test]
    fn the_worker_applies_front_matter_corrections() {
        let text = "---\ntitle: Talks\ndate: 2025-05-06\ncorrections:\n  [kinds]\n  \"Blue Harbor\" = \"organization\"\n---\n\nThe Blue Harbor terminal will reopen in Halifax, officials said.\n";
        let got = std::rc::Rc::new(std::cell::RefCell::new(None));
        let put = got.clone();
        analyse("t.md", text, None, None, move |o| *put.borrow_mut() = Some(o));
        let analysis = got.borrow_mut().take().unwrap().unwrap().analysis;
        let e = analysis.entities.iter().find(|e| e.name == "Blue Harbor").unwrap();
        assert_eq!(e.kind, lede_analysis::entities::EntityKind::Organization);
        // Corrections that cannot be read say where.
        let bad = text.replace("organization", "vessel");
        let put = got.clone();
        analyse("t.md", &bad, None, None, move |o| *put.borrow_mut() = Some(o));
        let err = got.borrow_mut().take().unwrap().unwrap_err();
        assert!(err.starts_with("t.md:6: error: “vessel” is not a kind"), "{err}");
    }

    fn run(name: &str, text: &str, stored: Option<&str>) -> Outcome {
        let got = std::rc::Rc::new(std::cell::RefCell::new(None));
        let put = got.clone();
        analyse(name, text, None, stored, move |o| *put.borrow_mut() = Some(o));
        let out = got.borrow_mut().take().unwrap();
        out
    }

    fn kind_of(a: &Analysed, name: &str) -> Option<lede_analysis::entities::EntityKind> {
        a.analysis.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    #[test]
    fn stored_corrections_apply_after_the_front_matter() {
        use lede_analysis::entities::EntityKind;
        let text = "---\ntitle: Talks\ndate: 2025-05-06\ncorrections:\n  [kinds]\n  \"Blue Harbor\" = \"organization\"\n---\n\nThe Blue Harbor terminal will reopen in Halifax, officials said.\n";
        let front = run("t.md", text, None).unwrap();
        assert_eq!(kind_of(&front, "Blue Harbor"), Some(EntityKind::Organization));
        // A stored correction overrides the front matter's.
        let both = run("t.md", text, Some("[kinds]\n\"Blue Harbor\" = \"place\"\n")).unwrap();
        assert_eq!(kind_of(&both, "Blue Harbor"), Some(EntityKind::Place));
        assert_eq!(both.note, None);
        // A stored publication date places relative dates like a dateline.
        let plain = "Talks\nSergei Lavrov spoke in Moscow on Sunday.";
        let dated = run("t.txt", plain, Some("published = \"2025-05-06\"\n")).unwrap();
        assert_eq!(dated.article.published, lede_analysis::dates::parse_date_phrase("2025-05-06"));
    }

    #[test]
    fn stored_corrections_that_fail_never_lose_the_article() {
        let text = "Talks\nMOSCOW, May 6, 2025 (AP) _ Sergei Lavrov spoke on Sunday.";
        let plain = run("t.txt", text, None).unwrap();
        // Not TOML: the article as it is, and a note.
        let broken = run("t.txt", text, Some("[kinds\n")).unwrap();
        assert_eq!(broken.analysis, plain.analysis);
        assert!(broken.note.as_deref().unwrap().starts_with("Your corrections could not be read"), "{:?}", broken.note);
        // A name the text does not have: the article as it is, and a note naming the line.
        let stale = run("t.txt", text, Some("[kinds]\n\"Nobody Here\" = \"place\"\n")).unwrap();
        assert_eq!(stale.analysis, plain.analysis);
        let note = stale.note.unwrap();
        assert!(note.contains("match nothing") && note.contains("line 2"), "{note}");
    }

    #[test]
    fn the_worker_writes_each_export_of_the_article_a_page_carries() {
        use lede_analysis::export::utc_from_unix;
        let texts = ["Talks Resume\nMOSCOW, May 6, 2025 (AP) _ Sergei Lavrov spoke on Sunday.", "Harbour Reopens\nPORTSMOUTH, March 13, 2024 — Mayor Ann Reyes reopened the harbour on Monday."];
        let articles: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let article = lede_analysis::read::read(&format!("a{i}.txt"), t.as_bytes()).unwrap();
                let analysis = lede_analysis::analysis::analyze(&article);
                (article, analysis)
            })
            .collect();
        let page = crate::library::PageData { articles: articles.iter().map(|(a, x)| lede_analysis::wire::WireDoc::new(a, x)).collect(), ..Default::default() };
        // As the island carries it: `<` escaped.
        let island = page.island();
        let json = &island[island.find('>').unwrap() + 1..island.rfind("</script>").unwrap()];
        let now = 1_733_500_000;
        for format in Format::ALL {
            let (mut article, analysis) = articles[1].clone();
            article.slug = "own/harbour".into();
            let expected = format.write(&article, &analysis, "https://example.org/a1.html", utc_from_unix(now));
            assert_eq!(write_export(json, 1, "own/harbour", format.name(), "https://example.org/a1.html", now), Ok(expected), "{format:?}");
        }
        // What cannot be written says why.
        assert!(write_export(json, 2, "x", "ics", "", now).unwrap_err().contains("no such article"));
        assert!(write_export(json, 0, "x", "pdf", "", now).unwrap_err().contains("“pdf” is not an export"));
        assert!(write_export("{", 0, "x", "ics", "", now).unwrap_err().contains("cannot be read"));
    }
}
