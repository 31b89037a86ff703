//! Analysing a reader's own article off the main thread.
//!
//! The hosted site starts a module worker (`static/worker.js`) that loads
//! the same wasm bundle and runs the same reader and analysis as everything
//! else; the page stays responsive while a long article is analysed. The
//! analysis comes back in a compact wire form ([`Wire`]) and is joined to the
//! article, which the page reads itself (reading is cheap, and it gives the
//! same offsets).
//!
//! Where there is no worker (the single-file edition opened from disk, or a
//! browser that refuses module workers) the analysis runs in the page after
//! the "Analysing…" message has painted.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::doc::{Doc, DocRef};
use crate::analysis::{Analysis, Mention};
use crate::dates::{ContextMention, DateMention, DateValue};
use crate::entities::{Entity, EntityKind};
use crate::model::Article;
use crate::span::Span;
use crate::timeline::Event;

type S = (u32, u32);

fn s(sp: Span) -> S {
    (sp.start as u32, sp.end as u32)
}

fn sp((a, b): S) -> Span {
    Span::new(a as usize, b as usize)
}

/// An [`Analysis`] as numbers and strings, for posting between threads.
#[derive(Debug, Serialize, Deserialize)]
pub struct Wire {
    sentences: Vec<S>,
    /// id, name, kind, description, mentions.
    entities: Vec<(String, String, EntityKind, Option<String>, Vec<S>)>,
    /// span, entity index.
    mentions: Vec<(u32, u32, u32)>,
    /// span, value (ISO form), relative, anchored event.
    dates: Vec<(S, String, bool, Option<S>)>,
    context: Vec<S>,
    /// date (ISO form), label, sentence, date mention.
    timeline: Vec<(String, String, S, S)>,
}

impl Wire {
    pub fn from_analysis(a: &Analysis) -> Wire {
        Wire {
            sentences: a.sentences.iter().copied().map(s).collect(),
            entities: a
                .entities
                .iter()
                .map(|e| (e.id.clone(), e.name.clone(), e.kind, e.description.clone(), e.mentions.iter().copied().map(s).collect()))
                .collect(),
            mentions: a.mentions.iter().map(|m| (m.span.start as u32, m.span.end as u32, m.entity as u32)).collect(),
            dates: a.dates.iter().map(|d| (s(d.span), d.value.iso(), d.relative, d.event.map(s))).collect(),
            context: a.context.iter().map(|c| s(c.span)).collect(),
            timeline: a.timeline.iter().map(|e| (e.date.iso(), e.label.clone(), s(e.sentence), s(e.mention))).collect(),
        }
    }

    pub fn into_analysis(self) -> Result<Analysis, String> {
        let value = |iso: &str| parse_iso(iso).ok_or_else(|| format!("not a date value: {iso}"));
        Ok(Analysis {
            sentences: self.sentences.into_iter().map(sp).collect(),
            entities: self
                .entities
                .into_iter()
                .map(|(id, name, kind, description, mentions)| Entity {
                    id,
                    name,
                    kind,
                    description,
                    mentions: mentions.into_iter().map(sp).collect(),
                })
                .collect(),
            mentions: self
                .mentions
                .into_iter()
                .map(|(a, b, e)| Mention { span: sp((a, b)), entity: e as usize })
                .collect(),
            dates: self
                .dates
                .into_iter()
                .map(|(span, v, relative, event)| {
                    Ok(DateMention { span: sp(span), value: value(&v)?, relative, event: event.map(sp) })
                })
                .collect::<Result<_, String>>()?,
            context: self.context.into_iter().map(|c| ContextMention { span: sp(c) }).collect(),
            timeline: self
                .timeline
                .into_iter()
                .map(|(d, label, sentence, mention)| {
                    Ok(Event { date: value(&d)?, label, sentence: sp(sentence), mention: sp(mention) })
                })
                .collect::<Result<_, String>>()?,
        })
    }
}

/// Reads a [`DateValue::iso`] form back.
fn parse_iso(iso: &str) -> Option<DateValue> {
    let mut parts = iso.splitn(3, '-');
    let first = parts.next()?;
    let (month, day) = (parts.next(), parts.next());
    if month.is_none() && first.len() == 3 {
        return Some(DateValue::Decade(first.parse().ok()?));
    }
    let year: i32 = first.parse().ok()?;
    let Some(month) = month else { return Some(DateValue::Year(year)) };
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    match day {
        None => Some(DateValue::Month { year, month }),
        Some(d) => Some(DateValue::Day(Date::from_calendar_date(year, month, d.parse().ok()?).ok()?)),
    }
}

/// Reads and analyses a text, for the worker: the wire form as JSON.
pub fn analyse_to_wire(name: &str, text: &str) -> Result<String, String> {
    let article = crate::read::read(name, text.as_bytes()).map_err(|e| e.to_string())?;
    let analysis = crate::analysis::analyze(&article);
    serde_json::to_string(&Wire::from_analysis(&analysis)).map_err(|e| e.to_string())
}

/// Analyses `article` (read from `text`, which is `name`'s content) off the
/// main thread when it can, and calls `done` with the result.
pub fn analyse(article: Article, name: &str, text: &str, done: impl FnOnce(DocRef) + 'static) {
    imp::analyse(article, name, text, Box::new(done))
}

fn here(article: Article) -> DocRef {
    DocRef(std::rc::Rc::new(Doc::new(article)))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

    use super::{here, Wire};
    use crate::model::Article;
    use crate::ui::doc::{Doc, DocRef};

    type Done = Box<dyn FnOnce(DocRef)>;

    struct Bridge {
        worker: Worker,
        pending: HashMap<u32, (Article, Done)>,
        next: u32,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    thread_local! {
        static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
        /// The worker failed once: analyse in the page from then on.
        static BROKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    fn worker_url() -> Option<String> {
        let root = gloo::utils::document().get_element_by_id("lede")?;
        root.get_attribute("data-worker").filter(|u| !u.is_empty() && !u.contains("{{"))
    }

    fn start() -> Option<Bridge> {
        let url = worker_url()?;
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &opts).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let reply = e.data().as_string().unwrap_or_default();
            let (id, body) = reply.split_once(' ').unwrap_or(("", ""));
            let Ok(id) = id.parse::<u32>() else { return };
            let Some((article, done)) = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.pending.remove(&id))) else {
                return;
            };
            let analysis = body
                .strip_prefix("ok ")
                .ok_or(())
                .and_then(|json| serde_json::from_str::<Wire>(json).map_err(|_| ()))
                .and_then(|w| w.into_analysis().map_err(|_| ()));
            match analysis {
                Ok(a) => done(DocRef(std::rc::Rc::new(Doc::from_parts(article, a)))),
                // The worker could not: the page can.
                Err(()) => done(here(article)),
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| fail_over());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Bridge { worker, pending: HashMap::new(), next: 0, _on_message: on_message, _on_error: on_error })
    }

    /// The worker cannot start or run: analyse what it held in the page.
    fn fail_over() {
        BROKEN.with(|b| b.set(true));
        let Some(bridge) = BRIDGE.with(|b| b.borrow_mut().take()) else { return };
        bridge.worker.terminate();
        let mut pending: Vec<_> = bridge.pending.into_iter().collect();
        pending.sort_by_key(|(id, _)| *id);
        for (_, (article, done)) in pending {
            later(move || done(here(article)));
        }
    }

    fn later(f: impl FnOnce() + 'static) {
        gloo::timers::callback::Timeout::new(30, f).forget();
    }

    pub fn analyse(article: Article, name: &str, text: &str, done: Done) {
        if !BROKEN.with(|b| b.get()) && BRIDGE.with(|b| b.borrow().is_none()) {
            let bridge = start();
            BRIDGE.with(|b| *b.borrow_mut() = bridge);
        }
        let posted = BRIDGE.with(|b| {
            let mut b = b.borrow_mut();
            let bridge = b.as_mut()?;
            let id = bridge.next;
            bridge.next += 1;
            let message = serde_json::to_string(&(id, name, text)).ok()?;
            bridge.worker.post_message(&JsValue::from_str(&message)).ok()?;
            Some(id)
        });
        match posted {
            Some(id) => BRIDGE.with(|b| {
                if let Some(bridge) = b.borrow_mut().as_mut() {
                    bridge.pending.insert(id, (article, done));
                }
            }),
            None => later(move || done(here(article))),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::here;
    use crate::model::Article;
    use crate::ui::doc::DocRef;

    pub fn analyse(article: Article, _: &str, _: &str, done: Box<dyn FnOnce(DocRef)>) {
        done(here(article))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::library;

    #[test]
    fn the_wire_form_round_trips_every_analysis() {
        for a in library::articles() {
            let analysis = analyze(&a);
            let json = serde_json::to_string(&Wire::from_analysis(&analysis)).unwrap();
            let back = serde_json::from_str::<Wire>(&json).unwrap().into_analysis().unwrap();
            assert_eq!(back, analysis, "{}", a.file);
        }
        for iso in ["2025-05-06", "2025-05", "2025", "199"] {
            assert_eq!(parse_iso(iso).map(|v| v.iso()).as_deref(), Some(iso));
        }
        assert_eq!(parse_iso("2025-13"), None);
    }

    #[test]
    fn the_worker_entry_reads_like_the_page() {
        let text = "Talks Resume\nMOSCOW, May 6, 2025 (AP) _ Sergei Lavrov spoke on Sunday.";
        let wire: Wire = serde_json::from_str(&analyse_to_wire("t.txt", text).unwrap()).unwrap();
        let article = crate::read::read("t.txt", text.as_bytes()).unwrap();
        assert_eq!(wire.into_analysis().unwrap(), analyze(&article));
        assert!(analyse_to_wire("x.png", "\u{89}PNG").is_err());
    }
}
