//! The data the entity finder reads: the gazetteer (`data/gazetteer.tsv`)
//! and the word lists (`data/lexicon.txt`).
//!
//! Both files are compiled into the binary (and the wasm) with
//! `include_str!` and parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
    pub function_words: HashSet<&'static str>,
}

const GAZETTEER: &str = include_str!("../data/gazetteer.tsv");
const LEXICON: &str = include_str!("../data/lexicon.txt");

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(GAZETTEER, LEXICON))
}

/// Splits a phrase into the token texts `text::tokens` would produce.
fn phrase_tokens(s: &'static str) -> Vec<&'static str> {
    crate::text::tokens(s).iter().map(|t| t.span.of(s)).collect()
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
        let mut phrases: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
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
            list.sort_by(|a, b| b.tokens.len().cmp(&a.tokens.len()));
        }

        let mut lex = Lexicon {
            entries,
            phrases,
            titles: HashMap::new(),
            roles: HashMap::new(),
            org_heads: HashSet::new(),
            place_heads: HashSet::new(),
            place_prepositions: HashSet::new(),
            event_nouns: HashSet::new(),
            function_words: HashSet::new(),
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
                "function-words" => {
                    lex.function_words.insert(line);
                }
                _ => {}
            }
        }
        for map in [&mut lex.titles, &mut lex.roles] {
            for list in map.values_mut() {
                list.sort_by(|a, b| b.len().cmp(&a.len()));
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
    }
}
