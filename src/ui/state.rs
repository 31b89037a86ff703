//! The viewer's state and the actions that change it.

use std::borrow::Borrow;
use std::rc::Rc;

use lede_analysis::entities::EntityKind;
use yew::Reducible;

/// Everything the reader can change on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// All highlights on or off.
    pub highlights: bool,
    /// Kinds whose highlights are filtered out.
    pub hidden: SmallSet<EntityKind>,
    /// Slugs of collapsed sections.
    pub collapsed: SmallSet<String>,
    /// The chosen entity (index) and which of its mentions is current.
    pub selected: Option<(usize, usize)>,
    /// The chosen timeline event, with a counter so choosing it again
    /// replays the jump.
    pub event: Option<(usize, u32)>,
    /// Stored preferences have been applied (until then nothing is saved).
    pub restored: bool,
    /// The keyboard shortcuts list is open.
    pub help: bool,
    /// The entity card was opened by pointing at or focusing a mention (it
    /// closes when the pointer leaves); otherwise it was chosen and stays.
    pub preview: bool,
    /// The search whose matches are highlighted (opened from a search).
    pub search: Option<String>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            highlights: true,
            hidden: SmallSet::default(),
            collapsed: SmallSet::default(),
            selected: None,
            event: None,
            restored: false,
            help: false,
            preview: false,
            search: None,
        }
    }
}

/// A set of the few things a reader hides (kinds, sections), kept sorted
/// in a vector: a handful of members needs no tree, and leaving the
/// standard tree map out keeps its code out of the reader's bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmallSet<T>(Vec<T>);

impl<T> Default for SmallSet<T> {
    fn default() -> Self {
        SmallSet(Vec::new())
    }
}

impl<T: Ord> SmallSet<T> {
    fn find<Q: Ord + ?Sized>(&self, x: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|t| t.borrow().cmp(x))
    }

    pub fn contains<Q: Ord + ?Sized>(&self, x: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(x).is_ok()
    }

    /// Takes `x` out; false if it was not in.
    pub fn remove<Q: Ord + ?Sized>(&mut self, x: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(x).map(|i| self.0.remove(i)).is_ok()
    }

    /// Puts `x` in if it was out, takes it out if it was in.
    pub fn toggle(&mut self, x: T) {
        match self.find(&x) {
            Ok(i) => drop(self.0.remove(i)),
            Err(i) => self.0.insert(i, x),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

/// Each member put in its place as it comes (a handful of members needs no
/// sort, and a sort's code would be in the bundle once per member type).
impl<T: Ord> FromIterator<T> for SmallSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SmallSet::default();
        for x in items {
            if let Err(i) = set.find(&x) {
                set.0.insert(i, x);
            }
        }
        set
    }
}

impl<'a, T> IntoIterator for &'a SmallSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What the reader did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    ToggleHighlights,
    ToggleKind(EntityKind),
    ToggleSection(String),
    /// Open a section (deep link, timeline jump).
    Expand(String),
    /// Choose an entity; choosing the chosen one again clears the choice.
    Select(usize),
    /// Choose an entity at one of its mentions.
    SelectAt(usize, usize),
    /// Step through the chosen entity's mentions (wrapping), given its count.
    Step { by: isize, count: usize },
    ClearSelection,
    ChooseEvent(usize),
    /// Apply stored preferences (after hydration).
    Restore { highlights: bool, hidden: Vec<EntityKind>, collapsed: Vec<String> },
    ToggleHelp,
    CloseHelp,
    /// Show an entity's card at a mention the reader points at or focuses.
    Preview(usize, usize),
    /// The pointer left a previewed mention and its card.
    EndPreview,
    /// Highlight a search's matches (`None` clears them).
    SetSearch(Option<String>),
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        // Any choice but a preview pins the card.
        if !matches!(action, Action::Preview(..) | Action::EndPreview) {
            s.preview = false;
        }
        match action {
            Action::ToggleHighlights => s.highlights = !s.highlights,
            Action::ToggleKind(k) => {
                s.hidden.toggle(k);
            }
            Action::ToggleSection(slug) => {
                s.collapsed.toggle(slug);
            }
            Action::Expand(slug) => {
                if !s.collapsed.remove(&slug) {
                    return self;
                }
            }
            Action::Select(e) => {
                s.selected = match s.selected {
                    Some((cur, _)) if cur == e => None,
                    _ => Some((e, 0)),
                }
            }
            Action::SelectAt(e, m) => s.selected = Some((e, m)),
            Action::Step { by, count } => {
                if let Some((e, m)) = s.selected {
                    if count > 0 {
                        let next = (m as isize + by).rem_euclid(count as isize) as usize;
                        s.selected = Some((e, next));
                    }
                }
            }
            Action::ClearSelection => s.selected = None,
            Action::ChooseEvent(i) => {
                let n = s.event.map_or(0, |(_, n)| n.wrapping_add(1));
                s.event = Some((i, n));
            }
            Action::Restore { highlights, hidden, collapsed } => {
                s.highlights = highlights;
                s.hidden = hidden.into_iter().collect();
                s.collapsed = collapsed.into_iter().collect();
                s.restored = true;
            }
            Action::Preview(e, m) => {
                if s.selected == Some((e, m)) && !self.preview {
                    return self;
                }
                s.selected = Some((e, m));
                s.preview = true;
            }
            Action::EndPreview => {
                if !self.preview {
                    return self;
                }
                s.selected = None;
                s.preview = false;
            }
            Action::SetSearch(q) => s.search = q,
            Action::ToggleHelp => s.help = !s.help,
            Action::CloseHelp => {
                if !s.help {
                    return self;
                }
                s.help = false;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: &[Action]) -> ViewState {
        let mut s = Rc::new(ViewState::default());
        for a in actions {
            s = s.reduce(a.clone());
        }
        (*s).clone()
    }

    #[test]
    fn a_small_set_stays_sorted_and_holds_each_member_once() {
        let mut set: SmallSet<String> = ["b", "a", "b"].into_iter().map(String::from).collect();
        assert_eq!(set.iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        set.toggle("c".into());
        set.toggle("a".into());
        assert_eq!(set.iter().map(String::as_str).collect::<Vec<_>>(), ["b", "c"]);
        assert!(set.contains("c") && !set.contains("a"));
        assert!(set.remove("b") && !set.remove("b"));
        let other: SmallSet<String> = ["c"].into_iter().map(String::from).collect();
        assert_eq!(set, other, "equal whatever the order things went in");
    }

    #[test]
    fn toggles_and_steps() {
        assert!(!run(&[Action::ToggleHighlights]).highlights);
        assert!(run(&[Action::ToggleHighlights, Action::ToggleHighlights]).highlights);
        let s = run(&[Action::ToggleKind(EntityKind::Place)]);
        assert!(s.hidden.contains(&EntityKind::Place));
        assert!(run(&[Action::ToggleKind(EntityKind::Place), Action::ToggleKind(EntityKind::Place)]).hidden.is_empty());
        let s = run(&[Action::Select(2), Action::Step { by: 1, count: 3 }, Action::Step { by: 1, count: 3 }]);
        assert_eq!(s.selected, Some((2, 2)));
        let s = run(&[Action::Select(2), Action::Step { by: -1, count: 3 }]);
        assert_eq!(s.selected, Some((2, 2)), "stepping back from the first wraps to the last");
        assert_eq!(run(&[Action::Select(2), Action::Select(2)]).selected, None);
        let s = run(&[Action::ToggleSection("a".into()), Action::Expand("a".into())]);
        assert!(s.collapsed.is_empty());
        let s = run(&[Action::ChooseEvent(1), Action::ChooseEvent(1)]);
        assert_eq!(s.event, Some((1, 1)));
        let s = run(&[Action::Restore { highlights: false, hidden: vec![EntityKind::Group], collapsed: vec!["x".into()] }]);
        assert!(!s.highlights && s.restored && s.hidden.contains(&EntityKind::Group) && s.collapsed.contains("x"));
        let s = run(&[Action::Preview(1, 2)]);
        assert_eq!((s.selected, s.preview), (Some((1, 2)), true));
        assert_eq!(run(&[Action::Preview(1, 2), Action::EndPreview]).selected, None, "a preview closes");
        let s = run(&[Action::Preview(1, 2), Action::Step { by: 1, count: 4 }, Action::EndPreview]);
        assert_eq!(s.selected, Some((1, 3)), "stepping pins the card");
        let s = run(&[Action::SelectAt(1, 0), Action::Preview(1, 0)]);
        assert!(!s.preview, "pointing at the chosen mention keeps it chosen");
        assert_eq!(run(&[Action::SelectAt(1, 0), Action::EndPreview]).selected, Some((1, 0)));
        assert!(run(&[Action::ToggleHelp]).help);
        assert!(!run(&[Action::ToggleHelp, Action::CloseHelp]).help);
    }
}
