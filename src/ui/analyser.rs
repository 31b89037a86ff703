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

use lede_analysis::analysis::Analysis;
use lede_analysis::model::Article;

/// What the worker does with a text: reads it as the file `name` and
/// analyses it; the result as wire JSON, or the reason it is not an article.
/// `published` (`YYYY-MM-DD`, a date the reader gave) places relative dates
/// when the article itself gives no publication date. The corrections in a
/// Markdown file's front matter apply as they do in the build (see
/// [`lede_analysis::corrections`]); corrections that cannot be read are the
/// reason it is not an article.
pub fn analyse_to_wire(name: &str, text: &str, published: Option<&str>) -> Result<String, String> {
    use lede_analysis::corrections;
    let mut article = lede_analysis::read::read(name, text.as_bytes()).map_err(|e| e.to_string())?;
    if article.published.is_none() {
        article.published = published.and_then(lede_analysis::dates::parse_date_phrase);
    }
    let c = corrections::from_front_matter(&article.file, &article.text).map_err(|e| e.to_string())?.unwrap_or_default();
    let corrected = corrections::analyze(&mut article, &c);
    Ok(lede_analysis::wire::to_json(&article, &corrected.analysis))
}

/// The outcome: the article and its analysis, or a sentence saying why not.
pub type Outcome = Result<(Article, Analysis), String>;

/// Reads and analyses `text` (the content of the file `name`) in the
/// worker, with the publication date the reader gave if any (see
/// [`analyse_to_wire`]), then calls `done`.
pub fn analyse(name: &str, text: &str, published: Option<&str>, done: impl FnOnce(Outcome) + 'static) {
    imp::analyse(name, text, published, Box::new(done))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{MessageEvent, Worker};

    use super::Outcome;

    type Done = Box<dyn FnOnce(Outcome)>;

    struct Bridge {
        worker: Worker,
        pending: HashMap<u32, Done>,
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
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let reply = e.data().as_string().unwrap_or_default();
            let mut parts = reply.splitn(3, ' ');
            let (Some(id), Some(status), body) = (parts.next().and_then(|i| i.parse::<u32>().ok()), parts.next(), parts.next()) else {
                return;
            };
            let Some(done) = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.pending.remove(&id))) else { return };
            let body = body.unwrap_or_default();
            done(match status {
                "ok" => lede_analysis::wire::from_json(body),
                _ => Err(body.to_string()),
            });
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| fail_all());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Bridge { worker, pending: HashMap::new(), next: 0, _on_message: on_message, _on_error: on_error })
    }

    /// The worker failed to load or run: every pending request fails; the
    /// next one starts a new worker.
    fn fail_all() {
        let Some(bridge) = BRIDGE.with(|b| b.borrow_mut().take()) else { return };
        bridge.worker.terminate();
        let mut pending: Vec<_> = bridge.pending.into_iter().collect();
        pending.sort_by_key(|(id, _)| *id);
        for (_, done) in pending {
            done(Err(CANNOT.to_string()));
        }
    }

    pub fn analyse(name: &str, text: &str, published: Option<&str>, done: Done) {
        if BRIDGE.with(|b| b.borrow().is_none()) {
            let bridge = start();
            BRIDGE.with(|b| *b.borrow_mut() = bridge);
        }
        let message = serde_json::to_string(&(name, text, published)).unwrap_or_default();
        let id = BRIDGE.with(|b| {
            let mut b = b.borrow_mut();
            let bridge = b.as_mut()?;
            let id = bridge.next;
            bridge.next += 1;
            bridge.worker.post_message(&JsValue::from_str(&format!("{id} {message}"))).ok()?;
            Some(id)
        });
        match id {
            Some(id) => BRIDGE.with(|b| {
                if let Some(bridge) = b.borrow_mut().as_mut() {
                    bridge.pending.insert(id, done);
                }
            }),
            None => done(Err(CANNOT.to_string())),
        }
    }
}

/// Natively (tests, server rendering) the analysis runs in place.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Outcome;

    pub fn analyse(name: &str, text: &str, published: Option<&str>, done: Box<dyn FnOnce(Outcome)>) {
        done(super::analyse_to_wire(name, text, published).and_then(|json| lede_analysis::wire::from_json(&json)))
    }
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
        analyse("t.txt", text, None, move |o| *put.borrow_mut() = Some(o));
        assert_eq!(got.borrow_mut().take().unwrap().unwrap(), (article, expected));
        let put = got.clone();
        analyse("x.txt", "   ", None, move |o| *put.borrow_mut() = Some(o));
        assert!(got.borrow_mut().take().unwrap().unwrap_err().contains("empty"));
    }

    #[test]
    fn the_worker_applies_front_matter_corrections() {
        let text = "---\ntitle: Talks\ndate: 2025-05-06\ncorrections:\n  [kinds]\n  \"Blue Harbor\" = \"organization\"\n---\n\nThe Blue Harbor terminal will reopen in Halifax, officials said.\n";
        let got = std::rc::Rc::new(std::cell::RefCell::new(None));
        let put = got.clone();
        analyse("t.md", text, None, move |o| *put.borrow_mut() = Some(o));
        let (_, analysis) = got.borrow_mut().take().unwrap().unwrap();
        let e = analysis.entities.iter().find(|e| e.name == "Blue Harbor").unwrap();
        assert_eq!(e.kind, lede_analysis::entities::EntityKind::Organization);
        // Corrections that cannot be read say where.
        let bad = text.replace("organization", "vessel");
        let put = got.clone();
        analyse("t.md", &bad, None, move |o| *put.borrow_mut() = Some(o));
        let err = got.borrow_mut().take().unwrap().unwrap_err();
        assert!(err.starts_with("t.md:6: error: “vessel” is not a kind"), "{err}");
    }
}
