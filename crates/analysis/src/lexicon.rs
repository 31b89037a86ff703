//! The data the entity finder reads: the gazetteer (`data/gazetteer.tsv`)
//! and the word lists (`data/lexicon.txt`).
//!
//! Both files are compiled into the binary (and the wasm) with
//! `include_str!` and parsed once, on first use.

use std::sync::OnceLock;

/// A `HashMap` with the compiler's FxHash (`rustc-hash`): the keys here are
/// short words, and nothing needs SipHash's resistance to crafted keys.
pub type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A `HashSet` with the compiler's FxHash (see [`HashMap`]).
pub type HashSet<K> = rustc_hash::FxHashSet<K>;

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GazKind {
    Country,
    Capital,
    City,
    Region,
    Demonym,
    Org,
}

/// One gazetteer entry.
#[derive(Debug)]
pub struct GazEntry {
    pub kind: GazKind,
    pub name: &'static str,
}

/// A phrase to look up: a sequence of token texts, and the entry it names.
#[derive(Debug)]
pub struct Phrase {
    pub tokens: Vec<&'static str>,
    pub entry: usize,
}

/// [`Lexicon::sports_any`]: a result verb (`beat`).
pub const SPORTS_VERB: u8 = 1;
/// [`Lexicon::sports_any`]: the first word of a cue before a team (`drew with`).
pub const SPORTS_CUE: u8 = 2;
/// [`Lexicon::sports_any`]: a player's role (`coach`).
pub const SPORTS_ROLE: u8 = 4;

/// Everything the entity finder knows before it reads an article.
pub struct Lexicon {
    pub entries: Vec<GazEntry>,
    /// Phrases (names and aliases) by their first token.
    pub phrases: HashMap<&'static str, Vec<Phrase>>,
    /// Titles by first token, each a token sequence ("Foreign", "Minister").
    pub titles: HashMap<&'static str, Vec<Vec<&'static str>>>,
    pub roles: HashMap<&'static str, Vec<Vec<&'static str>>>,
    pub org_heads: HashSet<&'static str>,
    pub place_heads: HashSet<&'static str>,
    pub place_prepositions: HashSet<&'static str>,
    pub event_nouns: HashSet<&'static str>,
    /// Lower-case words before a name that make it an organisation (`firm`).
    pub org_cues: HashSet<&'static str>,
    /// First words that make a capitalised sequence a place (`Cape Breton`).
    pub place_prefixes: HashSet<&'static str>,
    /// First words of named events, which are none of the four kinds
    /// (`Hurricane Fiona`, `Operation Sindoor`).
    pub event_names: HashSet<&'static str>,
    pub function_words: HashSet<&'static str>,
    /// Words that end a company's formal name (`Inc`, `Holdings`), without
    /// a final period; each is an organisation head too.
    pub corporate_suffixes: HashSet<&'static str>,
    /// Abbreviations whose period belongs to the name they end: the
    /// corporate suffixes written with one (`Inc.`) and the U.S. states.
    pub abbreviations: HashSet<&'static str>,
    /// The AP abbreviations of U.S. states, without their final period (`N.J`).
    pub us_states: HashSet<&'static str>,
    /// The postal codes of U.S. states (`CA`, `DC`), written after a place.
    pub us_postal_codes: HashSet<&'static str>,
    /// Words after a hyphen that describe a name (`Moscow-based`).
    pub hyphen_descriptors: HashSet<&'static str>,
    /// Capitalised short words that are no acronym (`II`, `TV`).
    pub not_acronyms: HashSet<&'static str>,
    /// Prefixes joined by a hyphen that make a political camp of what
    /// follows (`pro-Beijing`, `anti-establishment`).
    pub camp_prefixes: HashSet<&'static str>,
    /// Lower-case words such a prefix makes a camp of (`establishment`).
    pub camp_roots: HashSet<&'static str>,
    /// Lower-case names of political camps (`localist`).
    pub camp_words: HashSet<&'static str>,
    /// The name of the region each U.S. state abbreviation (without its
    /// final period) stands for, where a known region's name begins with
    /// it (`Okla`: Oklahoma) or has its letters as initials (`N.M`).
    pub state_names: HashMap<&'static str, &'static str>,
    /// Lower-case nouns for a kind of place: an unknown name after one and
    /// `of` is a place (`the island of Anjouan`).
    pub place_nouns: HashSet<&'static str>,
    /// Words besides organisation and place heads that a connector may follow.
    pub connector_heads: HashSet<&'static str>,
    /// Connectors inside a name (`of`, `of the`), longest first.
    pub connectors: Vec<Vec<&'static str>>,
    /// Words after which an unknown name of several words is a place.
    pub run_place_prepositions: HashSet<&'static str>,
    /// Last words of names that are none of the four kinds (`… Act`, `… Cup`).
    pub thing_heads: HashSet<&'static str>,
    /// Organisation heads that also end a competition's name (`League`).
    pub competition_heads: HashSet<&'static str>,
    /// Place heads that, after an organisation head, end a body's name
    /// (`School District`).
    pub body_areas: HashSet<&'static str>,
    /// Words for a stage of a competition after its name (`final`).
    pub competition_stages: Vec<&'static str>,
    /// Nouns for a craft or a machine, lower case (`rover`): a name right
    /// before one, or with one capitalised inside it, names a craft.
    pub craft_nouns: HashSet<&'static str>,
    /// Lower-case nouns right after an unknown name that make it an
    /// organisation (`… officials`, `… spokeswoman`).
    pub org_followers: HashSet<&'static str>,
    /// Lower-case nouns before `of` and an unknown name that make it an
    /// organisation (`members of …`).
    pub org_member_nouns: HashSet<&'static str>,
    /// Abbreviations that open a sports club's name (`FC`, `AC`).
    pub club_prefixes: HashSet<&'static str>,
    /// Words before a name that make it a team in a sports report (`drew with`).
    pub sports_cues: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// A player's or team's role after a team's name (`coach`, `striker`).
    pub sports_roles: HashSet<&'static str>,
    /// Result verbs between two teams (`beat`, `defeated`).
    pub sports_verbs: HashSet<&'static str>,
    /// Words that, with a score, make a story a sports report.
    pub sports_words: HashSet<&'static str>,
    /// Every sports verb, first word of a sports cue and sports role, with
    /// what it is ([`SPORTS_VERB`], [`SPORTS_CUE`], [`SPORTS_ROLE`]): one look-up per word.
    pub sports_any: HashMap<&'static str, u8>,
    /// Verbs of speaking after a person's name (`said`, `told`).
    pub person_verbs: HashSet<&'static str>,
    /// English given names (`data/given_names.txt`).
    pub given_names: HashSet<&'static str>,
}

const GAZETTEER: &str = include_str!("../data/gazetteer.tsv");
const LEXICON: &str = include_str!("../data/lexicon.txt");
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(GAZETTEER, LEXICON))
}

/// Splits a phrase into the token texts `text::tokens` would produce.
fn phrase_tokens(s: &'static str) -> Vec<&'static str> {
    crate::text::tokens(s).iter().map(|t| t.span().of(s)).collect()
}

fn add_phrase(map: &mut HashMap<&'static str, Vec<Vec<&'static str>>>, s: &'static str) {
    let toks = phrase_tokens(s);
    if let Some(&first) = toks.first() {
        map.entry(first).or_default().push(toks);
    }
}

impl Lexicon {
    fn parse(gazetteer: &'static str, lexicon: &'static str) -> Lexicon {
        let mut entries = Vec::new();
        let mut phrases: HashMap<&'static str, Vec<Phrase>> = HashMap::default();
        for line in gazetteer.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let kind = match cols.next() {
                Some("country") => GazKind::Country,
                Some("capital") => GazKind::Capital,
                Some("city") => GazKind::City,
                Some("region") => GazKind::Region,
                Some("demonym") => GazKind::Demonym,
                Some("org") => GazKind::Org,
                _ => continue,
            };
            let Some(name) = cols.next().filter(|n| !n.is_empty()) else { continue };
            let aliases = cols.next().unwrap_or("");
            let idx = entries.len();
            entries.push(GazEntry { kind, name });
            for form in std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty())) {
                let tokens = phrase_tokens(form);
                if let Some(&first) = tokens.first() {
                    phrases.entry(first).or_default().push(Phrase { tokens, entry: idx });
                }
            }
        }
        // Longest phrases first, so lookups can stop at the first match.
        for list in phrases.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.tokens.len()));
        }

        let mut lex = Lexicon {
            entries,
            phrases,
            titles: HashMap::default(),
            roles: HashMap::default(),
            org_heads: HashSet::default(),
            place_heads: HashSet::default(),
            place_prefixes: HashSet::default(),
            event_names: HashSet::default(),
            place_prepositions: HashSet::default(),
            event_nouns: HashSet::default(),
            org_cues: HashSet::default(),
            function_words: HashSet::default(),
            corporate_suffixes: HashSet::default(),
            abbreviations: HashSet::default(),
            us_states: HashSet::default(),
            us_postal_codes: HashSet::default(),
            hyphen_descriptors: HashSet::default(),
            not_acronyms: HashSet::default(),
            connector_heads: HashSet::default(),
            connectors: Vec::new(),
            run_place_prepositions: HashSet::default(),
            camp_prefixes: HashSet::default(),
            camp_roots: HashSet::default(),
            camp_words: HashSet::default(),
            place_nouns: HashSet::default(),
            state_names: HashMap::default(),
            thing_heads: HashSet::default(),
            competition_heads: HashSet::default(),
            body_areas: HashSet::default(),
            competition_stages: Vec::new(),
            craft_nouns: HashSet::default(),
            org_followers: HashSet::default(),
            org_member_nouns: HashSet::default(),
            club_prefixes: HashSet::default(),
            sports_cues: HashMap::default(),
            sports_roles: HashSet::default(),
            sports_verbs: HashSet::default(),
            sports_words: HashSet::default(),
            person_verbs: HashSet::default(),
            sports_any: HashMap::default(),
            given_names: GIVEN_NAMES.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect(),
        };
        let mut section = "";
        for line in lexicon.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            match section {
                "titles" => add_phrase(&mut lex.titles, line),
                "roles" => add_phrase(&mut lex.roles, line),
                "org-heads" => {
                    // Multi-word heads ("Air Force") are matched on their last word.
                    if let Some(last) = phrase_tokens(line).last() {
                        lex.org_heads.insert(last);
                    }
                }
                "place-heads" => {
                    lex.place_heads.insert(line);
                }
                "place-prepositions" => {
                    lex.place_prepositions.insert(line);
                }
                "event-nouns" => {
                    lex.event_nouns.insert(line);
                }
                "org-cues" => {
                    lex.org_cues.insert(line);
                }
                "place-prefixes" => {
                    lex.place_prefixes.insert(line);
                }
                "event-names" => {
                    lex.event_names.insert(line);
                }
                "function-words" => {
                    lex.function_words.insert(line);
                }
                "corporate-suffixes" => {
                    let bare = line.strip_suffix('.').unwrap_or(line);
                    if bare.len() < line.len() {
                        lex.abbreviations.insert(bare);
                    }
                    lex.corporate_suffixes.insert(bare);
                    lex.org_heads.insert(bare);
                }
                "us-state-abbreviations" => {
                    let bare = line.strip_suffix('.').unwrap_or(line);
                    lex.us_states.insert(bare);
                    lex.abbreviations.insert(bare);
                }
                "us-postal-codes" => {
                    lex.us_postal_codes.insert(line);
                }
                "hyphen-descriptors" => {
                    lex.hyphen_descriptors.insert(line);
                }
                "not-acronyms" => {
                    lex.not_acronyms.insert(line);
                }
                "connector-heads" => {
                    lex.connector_heads.insert(line);
                }
                "name-connectors" => lex.connectors.push(phrase_tokens(line)),
                "thing-heads" => {
                    lex.thing_heads.insert(line);
                }
                "competition-heads" => {
                    lex.competition_heads.insert(line);
                }
                "competition-stages" => lex.competition_stages.push(line),
                "body-areas" => {
                    lex.body_areas.insert(line);
                }
                "sports-cues" => add_phrase(&mut lex.sports_cues, line),
                "person-verbs" => {
                    lex.person_verbs.insert(line);
                }
                "sports-roles" => {
                    lex.sports_roles.insert(line);
                }
                "sports-verbs" => {
                    lex.sports_verbs.insert(line);
                }
                "sports-words" => {
                    lex.sports_words.insert(line);
                }
                "run-place-prepositions" => {
                    lex.run_place_prepositions.insert(line);
                }
                "camp-prefixes" => {
                    lex.camp_prefixes.insert(line);
                }
                "camp-roots" => {
                    lex.camp_roots.insert(line);
                }
                "camp-words" => {
                    lex.camp_words.insert(line);
                }
                "place-nouns" => {
                    lex.place_nouns.insert(line);
                }
                "craft-nouns" => {
                    lex.craft_nouns.insert(line);
                }
                "org-followers" => {
                    lex.org_followers.insert(line);
                }
                "org-member-nouns" => {
                    lex.org_member_nouns.insert(line);
                }
                "club-prefixes" => {
                    lex.club_prefixes.insert(line);
                }
                _ => {}
            }
        }
        lex.connectors.sort_by_key(|c| std::cmp::Reverse(c.len()));
        // A one-word title's plural opens a title too, before two names
        // (`Attorneys Ada Morrow and Tom Hale`): the finder matches its last
        // word with or without an `s`. The few plurals are made once.
        let singles: Vec<&'static str> =
            lex.titles.values().flatten().filter(|t| t.len() == 1).map(|t| t[0]).filter(|w| !w.ends_with('s')).collect();
        for w in singles {
            let plural: &'static str = Box::leak(format!("{w}s").into_boxed_str());
            if !lex.titles.contains_key(plural) {
                lex.titles.insert(plural, vec![vec![w]]);
            }
        }
        for &bare in &lex.us_states {
            let initials: String = bare.split('.').collect();
            let named = lex.entries.iter().filter(|e| e.kind == GazKind::Region).find(|e| {
                if bare.contains('.') {
                    let words: Vec<&str> = e.name.split(' ').collect();
                    words.len() == initials.len() && words.iter().zip(initials.chars()).all(|(w, c)| w.starts_with(c))
                } else {
                    bare.len() >= 3 && e.name.starts_with(bare) && !e.name.contains(' ')
                }
            });
            if let Some(e) = named {
                lex.state_names.insert(bare, e.name);
            }
        }
        for &w in &lex.sports_verbs {
            *lex.sports_any.entry(w).or_default() |= SPORTS_VERB;
        }
        for &w in lex.sports_cues.keys() {
            *lex.sports_any.entry(w).or_default() |= SPORTS_CUE;
        }
        for &w in &lex.sports_roles {
            *lex.sports_any.entry(w).or_default() |= SPORTS_ROLE;
        }
        for map in [&mut lex.titles, &mut lex.roles, &mut lex.sports_cues] {
            for list in map.values_mut() {
                list.sort_by_key(|a| std::cmp::Reverse(a.len()));
            }
        }
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = lexicon();
        assert!(lex.entries.len() > 500, "gazetteer has {} entries", lex.entries.len());
        for (name, kind) in [
            ("Russia", GazKind::Country),
            ("New Delhi", GazKind::Capital),
            ("Russian", GazKind::Demonym),
            ("European Union", GazKind::Org),
            ("Kashmir", GazKind::Region),
        ] {
            assert!(lex.entries.iter().any(|e| e.name == name && e.kind == kind), "{name} missing");
        }
        assert!(lex.titles["Foreign"].iter().any(|t| t == &["Foreign", "Minister"]));
        assert!(lex.org_heads.contains("Ministry"));
        assert!(lex.function_words.contains("However"));
        assert!(lex.corporate_suffixes.contains("Inc") && lex.abbreviations.contains("Inc"));
        assert!(lex.org_heads.contains("Holdings") && lex.us_states.contains("N.J"));
    }

    /// Every word list is written once: each section of the lexicon is
    /// sorted (byte order) and has no repeated entry, and no section
    /// appears twice.
    #[test]
    fn lexicon_sections_are_sorted_and_unique() {
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in LEXICON.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                assert!(!sections.iter().any(|(n, _)| *n == name), "section [{name}] appears twice");
                sections.push((name, Vec::new()));
                continue;
            }
            sections.last_mut().expect("an entry before any section").1.push(line);
        }
        assert!(sections.len() >= 15, "{} sections", sections.len());
        for (name, entries) in &sections {
            for w in entries.windows(2) {
                assert!(w[0] < w[1], "[{name}]: {:?} before {:?} (unsorted or repeated)", w[0], w[1]);
            }
        }
    }
}
