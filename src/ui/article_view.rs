//! One article with its controls, timeline and entity panel.

use std::rc::Rc;

use yew::prelude::*;

use super::doc::{Doc, DocRef};
use super::dom;
use super::entity_card::EntityCard;
use super::entity_panel::EntityPanel;
use super::header::ArticleHeader;
use super::highlight_bar::HighlightBar;
use super::section::SectionView;
use super::state::{Action, ViewState};
use super::timeline::TimelineView;
use super::chrome::{Masthead, SiteFooter};
use super::prefs;
use super::print_notes::{PrintLegend, PrintTimeline};
use super::own;
use super::route::{Mode, OWN_PREFIX};
use super::shortcuts_help::ShortcutsHelp;
use super::toc::Toc;
use crate::library;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The slug of the embedded article to show.
    pub slug: AttrValue,
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let doc = use_memo(props.slug.clone(), |slug| {
        let article = if slug.starts_with(OWN_PREFIX) { own::load(slug) } else { library::find(slug) };
        article.map(|a| DocRef(Rc::new(Doc::new(a))))
    });
    let state = use_reducer(ViewState::default);
    // Callbacks that never change, so that components whose other props are
    // unchanged (the timeline, the entity list, the sections) are not
    // re-rendered when the state changes: toggling highlights on a long
    // article touches one class, not thousands of list items.
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| dispatcher.dispatch(a)))).clone()
    };
    let on_toggle: Callback<String> = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| dispatch.reform(Action::ToggleSection))).clone()
    };
    // Choosing an event first opens the section that tells it.
    let choose_event: Callback<Action> = {
        let (dispatch, doc) = (dispatch.clone(), doc.clone());
        (*use_memo(props.slug.clone(), move |_| {
            Callback::from(move |a: Action| {
                if let (Action::ChooseEvent(i), Some(doc)) = (&a, doc.as_ref()) {
                    if let Some(s) = doc.analysis.timeline.get(*i).and_then(|e| doc.section_of(e.sentence.start)) {
                        dispatch.emit(Action::Expand(s.slug.clone()));
                    }
                }
                dispatch.emit(a);
            })
        }))
        .clone()
    };

    // Stored preferences, deep links and keyboard shortcuts, once mounted.
    {
        let dispatch = dispatch.clone();
        let slugs: Vec<String> = doc.as_ref().as_ref().map(|d| d.sections.iter().map(|s| s.slug.clone()).collect()).unwrap_or_default();
        let slug = props.slug.to_string();
        use_effect_with((), move |_| {
            let view = prefs::load_view().unwrap_or_default();
            let collapsed = prefs::load_collapsed(&slug).unwrap_or_default();
            dispatch.emit(Action::Restore {
                highlights: !view.highlights_off,
                hidden: view.hidden,
                collapsed: collapsed.into_iter().filter(|c| slugs.contains(c)).collect(),
            });
            let listeners = listen(dispatch, slugs, mode);
            move || drop(listeners)
        });
    }
    // Keep the reader's choices.
    {
        let slug = props.slug.to_string();
        let key = (state.restored, state.highlights, state.hidden.clone(), state.collapsed.clone());
        use_effect_with(key, move |(restored, highlights, hidden, collapsed)| {
            if *restored {
                prefs::save_view(&prefs::ViewPrefs { highlights_off: !highlights, hidden: hidden.iter().copied().collect() });
                prefs::save_collapsed(&slug, &collapsed.iter().cloned().collect::<Vec<_>>());
            }
        });
    }
    // The chosen entity's mentions, marked in the text.
    {
        let target = doc.as_ref().as_ref().and_then(|d| {
            let (e, m) = state.selected?;
            let entity = d.analysis.entities.get(e)?;
            let section = entity.mentions.get(m).and_then(|sp| d.section_of(sp.start)).map(|s| s.slug.clone());
            Some((entity.id.clone(), m, section))
        });
        let dispatch = dispatch.clone();
        let collapsed = state.collapsed.clone();
        use_effect_with((target, collapsed), move |(target, collapsed)| {
            match target {
                Some((_, _, Some(section))) if collapsed.contains(section) => dispatch.emit(Action::Expand(section.clone())),
                Some((id, m, _)) => dom::show_mentions(Some(id), *m),
                None => dom::show_mentions(None, 0),
            }
        });
    }
    // The chosen timeline event: jump to its sentence.
    {
        let sentence = doc.as_ref().as_ref().and_then(|d| d.sentence_index(state.event?.0));
        use_effect_with(state.event, move |_| {
            if let Some(k) = sentence {
                dom::flash_sentence(k);
            }
        });
    }

    let Some(doc) = doc.as_ref().clone() else {
        return html! {
            <main class="not-found"><h1>{ "Article not found" }</h1>
                <p>{ format!("There is no article “{}” in this edition.", props.slug) }</p></main>
        };
    };

    let on_text_click = {
        let dispatch = dispatch.clone();
        let doc = doc.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((id, nth)) = dom::clicked_mention(&e) {
                if let Some(i) = doc.analysis.entities.iter().position(|en| en.id == id) {
                    dispatch.emit(Action::SelectAt(i, nth));
                }
            }
        })
    };

    let mut classes = classes!("article", if state.highlights { "hl-on" } else { "hl-off" });
    for k in &state.hidden {
        classes.push(format!("hide-{}", k.as_str()));
    }
    if state.selected.is_some() {
        classes.push("has-selection");
    }
    let sections = (0..doc.sections.len()).map(|i| {
        let collapsed = state.collapsed.contains(&doc.sections[i].slug);
        html! { <SectionView key={doc.sections[i].slug.clone()} doc={doc.clone()} index={i} {collapsed} on_toggle={on_toggle.clone()} /> }
    });

    html! {
        <div class="lede">
            <a class="skip-link" href="#article">{ "Skip to the article" }</a>
            <Masthead />
            <ShortcutsHelp open={state.help} on_close={dispatch.reform(|_| Action::CloseHelp)} />
            <EntityCard doc={doc.clone()} selected={state.selected} dispatch={dispatch.clone()} />
            <div class="layout">
                <aside class="rail rail-left">
                    <Toc doc={doc.clone()} />
                </aside>
                <main class="reading">
                    <HighlightBar doc={doc.clone()} highlights={state.highlights} hidden={state.hidden.clone()} dispatch={dispatch.clone()} />
                    <article id="article" class={classes} onclick={on_text_click}>
                        <ArticleHeader doc={doc.clone()} />
                        <PrintLegend doc={doc.clone()} />
                        { for sections }
                        <PrintTimeline doc={doc.clone()} />
                    </article>
                </main>
                <aside class="rail rail-right">
                    <TimelineView doc={doc.clone()} active={state.event.map(|(i, _)| i)} dispatch={choose_event} />
                    <EntityPanel doc={doc.clone()} selected={state.selected} dispatch={dispatch.clone()} />
                </aside>
            </div>
            <SiteFooter>
                <p class="source">{ format!("Source file: {}", doc.article.file) }</p>
                if doc.article.slug.starts_with(OWN_PREFIX) {
                    <p>{ "This is your own article, kept in this browser until you remove it from the library." }</p>
                }
            </SiteFooter>
        </div>
    }
}

/// Page-wide listeners: the `h` key and hash changes. Dropping the returned
/// value removes them.
fn listen(dispatch: Callback<Action>, slugs: Vec<String>, mode: Mode) -> impl Drop {
    struct Listeners(#[allow(dead_code)] Vec<gloo::events::EventListener>);
    impl Drop for Listeners {
        fn drop(&mut self) {}
    }
    #[allow(unused_mut)]
    let mut out = Vec::new();
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::events::EventListener;
        use gloo::utils::{document, window};
        let open_hash = {
            let dispatch = dispatch.clone();
            move || {
                let Some(section) = mode.section_in_hash(&dom::hash()) else { return };
                if slugs.contains(&section) {
                    dispatch.emit(Action::Expand(section.clone()));
                    dom::scroll_to_id(&section);
                }
            }
        };
        open_hash();
        out.push(EventListener::new(&window(), "hashchange", move |_| open_hash()));
        out.push(EventListener::new(&document(), "keydown", move |e| {
            let Some(key) = dom::shortcut(e) else { return };
            match key.as_str() {
                "h" => dispatch.emit(Action::ToggleHighlights),
                "t" => dom::focus_first("#timeline ol button"),
                "j" => dom::step_section(1),
                "k" => dom::step_section(-1),
                "?" => dispatch.emit(Action::ToggleHelp),
                "Escape" => dispatch.emit(Action::CloseHelp),
                _ => {}
            }
        }));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (dispatch, slugs, mode);
    Listeners(out)
}
