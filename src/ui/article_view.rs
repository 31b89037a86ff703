//! One article with its controls, timeline and entity panel.

use std::rc::Rc;

use lede_analysis::search::{matches_in, Query};
use yew::prelude::*;

use super::doc::{analyse_own, embedded, load_own};
use super::prose::Hits;
use super::published_date::PublishedDate;
use super::dom;
use super::hooks::{use_hover_timer, use_opened_from_search, use_page_listeners, use_stored_choices};
use super::entity_card::EntityCard;
use super::entity_panel::EntityPanel;
use super::corrections_copy::CorrectionsCopy;
use super::export_panel::ExportPanel;
use super::own_corrections::{self, Entry};
use super::header::ArticleHeader;
use super::highlight_bar::HighlightBar;
use super::section::SectionView;
use super::state::{Action, ViewState};
use super::timeline::TimelineView;
use super::chrome::{Masthead, SiteFooter};
use super::print_notes::{PrintLegend, PrintTimeline};
use super::route::{is_own, Mode, OWN_ARTICLES};
use super::shortcuts_help::ShortcutsHelp;
use super::toc::Toc;

/// How long the pointer rests on a name before its card opens as a preview.
const PREVIEW_DELAY_MS: u32 = 350;
/// How long a previewed card stays once the pointer has left the name or
/// the card, so that the pointer can cross the gap between them.
const PREVIEW_LINGER_MS: u32 = 400;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The slug of the embedded article to show.
    pub slug: AttrValue,
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let mode = use_context::<Mode>().unwrap_or_default();
    let own_article = is_own(&props.slug);
    // An embedded article is analysed at once (on the server too); a
    // reader's own article is read from storage and analysed off the main
    // thread once the view is running.
    let doc = use_state(|| if own_article { None } else { embedded(&props.slug) });
    let waiting = use_state(|| own_article);
    {
        let (doc, waiting) = (doc.clone(), waiting.clone());
        let slug = props.slug.to_string();
        use_effect_with((), move |_| {
            if OWN_ARTICLES && own_article {
                load_own(&slug, move |d| {
                    doc.set(d);
                    waiting.set(false);
                });
            }
        });
    }
    let loaded = doc.is_some();
    // The analysis in hand: a reader's own article is analysed again when
    // they give it a publication date.
    let analysed = doc.as_ref().map(|d| Rc::as_ptr(&d.0) as usize);
    let given = use_state(|| if OWN_ARTICLES && own_article { super::own::published(&props.slug) } else { None });
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
    let choose_event: Callback<usize> = {
        let (dispatch, doc) = (dispatch.clone(), (*doc).clone());
        (*use_memo((props.slug.clone(), analysed), move |_| {
            Callback::from(move |i: usize| {
                if let Some(s) = doc.as_ref().and_then(|d| d.analysis.timeline.get(i).and_then(|e| d.section_of(e.sentence.start))) {
                    dispatch.emit(Action::Expand(s.slug.clone()));
                }
                dispatch.emit(Action::ChooseEvent(i));
            })
        }))
        .clone()
    };
    let on_select: Callback<usize> = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| dispatch.reform(Action::Select))).clone()
    };
    // Stepping through the chosen entity's mentions wraps at their count.
    let on_step: Callback<isize> = {
        let dispatch = dispatch.clone();
        let count = (*doc).as_ref().zip(state.selected).and_then(|(d, (i, _))| d.analysis.entities.get(i)).map_or(0, |e| e.mentions.len());
        (*use_memo(count, move |&count| dispatch.reform(move |by| Action::Step { by, count }))).clone()
    };
    let close_card: Callback<()> = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| dispatch.reform(|()| Action::ClearSelection))).clone()
    };
    let on_toggle_highlights: Callback<()> = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| dispatch.reform(|()| Action::ToggleHighlights))).clone()
    };
    let on_toggle_kind = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| dispatch.reform(Action::ToggleKind))).clone()
    };

    // Once the article is there: stored preferences, the search it was
    // opened from, deep links and keyboard shortcuts (in this order: a deep
    // link opens its section after the stored collapsed ones are restored).
    use_stored_choices(&props.slug, (*doc).clone(), &state, dispatch.clone());
    use_opened_from_search((*doc).clone(), dispatch.clone(), choose_event.clone());
    use_page_listeners((*doc).clone(), dispatch.clone(), mode);
    // The matches of the search the article was opened from.
    let hits = {
        let doc = (*doc).clone();
        (*use_memo((state.search.clone(), loaded), move |(q, _)| {
            let found = match (q.as_deref().and_then(Query::new), doc.as_ref()) {
                (Some(q), Some(d)) => matches_in(&d.article, &q),
                _ => Vec::new(),
            };
            Hits(Rc::new(found))
        }))
        .clone()
    };
    {
        let first_hit = hits.0.first().copied();
        let doc = (*doc).clone();
        let dispatch = dispatch.clone();
        let collapsed = state.collapsed.clone();
        let showing_entity = state.selected.is_some();
        use_effect_with(hits.clone(), move |_| {
            let (Some(hit), Some(doc)) = (first_hit, doc) else { return };
            match doc.section_of(hit.start) {
                Some(s) if collapsed.contains(&s.slug) => dispatch.emit(Action::Expand(s.slug.clone())),
                _ => {}
            }
            if !showing_entity {
                dom::scroll_to_first("#article mark.search-hit");
            }
        });
    }
    // The chosen entity's mentions, marked in the text.
    {
        let target = doc.as_ref().and_then(|d| {
            let (e, m) = state.selected?;
            let entity = d.analysis.entities.get(e)?;
            let section = entity.mentions.get(m).and_then(|sp| d.section_of(sp.start)).map(|s| s.slug.clone());
            Some((entity.id.clone(), m, section))
        });
        let dispatch = dispatch.clone();
        let collapsed = state.collapsed.clone();
        // A card opened by pointing or focusing is at a mention in view.
        let scroll = !state.preview;
        use_effect_with((target, collapsed), move |(target, collapsed)| {
            match target {
                Some((_, _, Some(section))) if collapsed.contains(section) => dispatch.emit(Action::Expand(section.clone())),
                Some((id, m, _)) => dom::show_mentions(Some(id), *m, scroll),
                None => dom::show_mentions(None, 0, false),
            }
        });
    }
    // The chosen timeline event: jump to its sentence.
    {
        let sentence = doc.as_ref().and_then(|d| d.sentence_index(state.event?.0));
        use_effect_with(state.event, move |_| {
            if let Some(k) = sentence {
                dom::flash_sentence(k);
            }
        });
    }
    // Pointing at a name for a moment shows its card; leaving it (and the
    // card) for a moment hides it again.
    let hover_timer = use_hover_timer();

    // A date given for a reader's own article: the article analysed again
    // against it (its timeline changes, its names do not), and the date the
    // worker read in it kept with it (`YYYY-MM-DD`; none when the text given
    // is no date: the field is only shown when the article gives none).
    // (None of it in the reader's bundle: see `OWN_ARTICLES`.)
    let on_date = if !OWN_ARTICLES {
        Callback::noop()
    } else {
        let (doc_state, given, dispatch) = (doc.clone(), given.clone(), dispatch.clone());
        let slug = props.slug.to_string();
        Callback::from(move |date: Option<String>| {
            let (doc_state, given, dispatch, slug) = (doc_state.clone(), given.clone(), dispatch.clone(), slug.clone());
            let typed = date.clone();
            analyse_own(&slug.clone(), date.as_deref(), move |d| {
                let Some(d) = d else { return };
                let read = typed.and(d.article.published).map(|p| lede_analysis::dates::DateValue::Day(p).iso());
                super::own::set_published(&slug, read.as_deref());
                given.set(read);
                dispatch.emit(Action::ClearSelection);
                doc_state.set(Some(d));
            });
        })
    };

    // A correction the reader made to their own article (or one taken
    // back): kept with it, and the article analysed again with it. The
    // chosen name stays chosen when the new analysis still has it.
    let chosen_name = doc.as_ref().zip(state.selected).and_then(|(d, (i, _))| d.analysis.entities.get(i)).map(|e| e.name.clone());
    let reanalyse = {
        let (doc_state, given, dispatch) = (doc.clone(), given.clone(), dispatch.clone());
        let slug = props.slug.to_string();
        move || {
            let (doc_state, dispatch, chosen) = (doc_state.clone(), dispatch.clone(), chosen_name.clone());
            analyse_own(&slug, (*given).as_deref(), move |d| {
                let Some(d) = d else { return };
                dispatch.emit(Action::ClearSelection);
                if let Some(i) = chosen.and_then(|n| d.analysis.entities.iter().position(|e| e.name == n)) {
                    dispatch.emit(Action::SelectAt(i, 0));
                }
                doc_state.set(Some(d));
            });
        }
    };
    let on_correct = if !OWN_ARTICLES {
        Callback::noop()
    } else {
        let (reanalyse, slug) = (reanalyse.clone(), props.slug.to_string());
        Callback::from(move |entry: Entry| {
            own_corrections::push(&slug, entry);
            reanalyse();
        })
    };
    let on_undo = if !OWN_ARTICLES {
        Callback::noop()
    } else {
        let (reanalyse, slug) = (reanalyse.clone(), props.slug.to_string());
        Callback::from(move |()| {
            if own_corrections::undo(&slug) {
                reanalyse();
            }
        })
    };

    let Some(doc) = (*doc).clone() else {
        return html! {
            <div class="lede">
                <Masthead />
                if *waiting {
                    <main class="not-found"><p class="open-status" role="status">{ "Analysing your article…" }</p></main>
                } else {
                    <main class="not-found"><h1>{ "Article not found" }</h1>
                        <p>{ format!("There is no article “{}” in this edition.", props.slug) }</p>
                        <p><a href={mode.library_href()}>{ "Back to the library" }</a></p></main>
                }
                <SiteFooter />
            </div>
        };
    };

    let entity_at = {
        let doc = doc.clone();
        move |e: &Event| {
            let (id, nth) = dom::clicked_mention(e)?;
            Some((doc.analysis.entities.iter().position(|en| en.id == id)?, nth))
        }
    };
    // A click or tap on a name chooses it; focusing one previews its card.
    let on_mention = |action: fn(usize, usize) -> Action| {
        let (dispatch, entity_at) = (dispatch.clone(), entity_at.clone());
        move |e: &Event| {
            if let Some((i, nth)) = entity_at(e) {
                dispatch.emit(action(i, nth));
            }
        }
    };
    let on_text_click = {
        let chosen = on_mention(Action::SelectAt);
        Callback::from(move |e: MouseEvent| chosen(&e))
    };
    let on_over = {
        let (dispatch, entity_at, timer) = (dispatch.clone(), entity_at.clone(), hover_timer.clone());
        // Pointing previews only while no name is chosen: a chosen name
        // (and its marked mentions) stays until the reader changes it.
        let previewing = state.highlights && (state.selected.is_none() || state.preview);
        Callback::from(move |e: MouseEvent| {
            let found = entity_at(&e);
            let dispatch = dispatch.clone();
            match found {
                Some((i, nth)) if previewing => timer.start(PREVIEW_DELAY_MS, move || dispatch.emit(Action::Preview(i, nth))),
                _ => timer.cancel(),
            }
        })
    };
    let on_out = {
        let (dispatch, timer) = (dispatch.clone(), hover_timer.clone());
        Callback::from(move |e: MouseEvent| {
            if dom::clicked_mention(&e).is_some() {
                let dispatch = dispatch.clone();
                timer.start(PREVIEW_LINGER_MS, move || dispatch.emit(Action::EndPreview));
            }
        })
    };
    let on_focus = {
        let previewed = on_mention(Action::Preview);
        Callback::from(move |e: FocusEvent| previewed(&e))
    };
    // Enter on a focused name chooses it and moves into its card.
    let on_key = {
        let (dispatch, entity_at) = (dispatch.clone(), entity_at.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                if let Some((i, nth)) = entity_at(&e) {
                    e.prevent_default();
                    dispatch.emit(Action::SelectAt(i, nth));
                    dom::focus_first_later("#entity-card .step-next");
                }
            }
        })
    };
    let card_enter = {
        let timer = hover_timer.clone();
        Callback::from(move |_: MouseEvent| timer.cancel())
    };
    let card_leave = {
        let (dispatch, timer) = (dispatch.clone(), hover_timer.clone());
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            timer.start(PREVIEW_LINGER_MS, move || dispatch.emit(Action::EndPreview));
        })
    };
    let clear_search = {
        let dispatch = dispatch.clone();
        let href = mode.article_href(&doc.article.slug);
        Callback::from(move |_: MouseEvent| {
            dom::replace_url(&href);
            dispatch.emit(Action::SetSearch(None));
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
        html! { <SectionView key={doc.sections[i].slug.clone()} doc={doc.clone()} index={i} {collapsed} on_toggle={on_toggle.clone()} hits={hits.clone()} /> }
    });
    let search_bar = state.search.as_ref().map(|q| {
        let n = hits.0.len();
        let found = match n {
            0 => format!("No matches for “{q}” in this article."),
            1 => format!("1 match for “{q}” is marked."),
            n => format!("{n} matches for “{q}” are marked."),
        };
        html! {
            <div class="search-bar" role="status">
                <span>{ found }</span>
                <a href={mode.search_href(q)}>{ "Back to the results" }</a>
                <button type="button" class="search-clear" onclick={clear_search.clone()}>{ "Clear" }</button>
            </div>
        }
    });

    html! {
        <div class="lede">
            <a class="skip-link" href="#article">{ "Skip to the article" }</a>
            <Masthead />
            <ShortcutsHelp open={state.help} on_close={dispatch.reform(|_| Action::CloseHelp)} />
            <EntityCard doc={doc.clone()} selected={state.selected} on_step={on_step.clone()}
                        on_close={close_card} on_correct={on_correct.clone()} on_undo={on_undo.clone()}
                        on_enter={card_enter} on_leave={card_leave} />
            <div class="layout">
                <aside class="rail rail-left">
                    <Toc doc={doc.clone()} />
                </aside>
                <main class="reading">
                    <HighlightBar doc={doc.clone()} highlights={state.highlights} hidden={state.hidden.clone()}
                                  on_toggle={on_toggle_highlights} {on_toggle_kind} />
                    { for search_bar }
                    <article id="article" class={classes} onclick={on_text_click} onmouseover={on_over} onmouseout={on_out}
                             onfocusin={on_focus} onkeydown={on_key}>
                        <ArticleHeader doc={doc.clone()} hits={hits.clone()} />
                        if own_article {
                            <PublishedDate doc={doc.clone()} given={(*given).clone().map(AttrValue::from)} on_change={on_date} />
                            if let Some(note) = &doc.note {
                                <p class="corrections-note" role="status">{ note.clone() }</p>
                            }
                        }
                        <PrintLegend doc={doc.clone()} />
                        { for sections }
                        <PrintTimeline doc={doc.clone()} />
                    </article>
                    // Below the text, so that its appearing never moves a
                    // name whose card is open.
                    if own_article {
                        <CorrectionsCopy slug={doc.article.slug.clone()} file={doc.article.file.clone()}
                                         version={Rc::as_ptr(&doc.0) as usize} on_undo={on_undo.clone()} />
                    }
                    <ExportPanel doc={doc.clone()} />
                </main>
                <aside class="rail rail-right">
                    <TimelineView doc={doc.clone()} active={state.event.map(|(i, _)| i)} on_choose={choose_event} on_correct={on_correct.clone()} />
                    <EntityPanel doc={doc.clone()} selected={state.selected} {on_select} {on_step} />
                </aside>
            </div>
            <SiteFooter>
                <p class="source">{ format!("Source file: {}", doc.article.file) }</p>
                if is_own(&doc.article.slug) {
                    <p>{ "This is your own article, kept in this browser until you remove it from the library." }</p>
                }
            </SiteFooter>
        </div>
    }
}



