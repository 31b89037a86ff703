//! Named entities: people, organisations, places and groups.
//!
//! The finder is rule-based and general, built from data rather than from a
//! list of any article's names:
//!
//! 1. **Gazetteer** phrases (`data/gazetteer.tsv`: countries, capitals,
//!    cities, regions, demonyms, international bodies) are matched longest
//!    first, case-sensitively.
//! 2. **Capitalised runs** — capitalised words, gazetteer phrases and inner
//!    connectors (`Bank of England`) — are classified by the named rules of
//!    [`rules::RULES`] (one registry, one conflict policy: the longest claim,
//!    then the rule listed first), with the word lists of
//!    `data/lexicon.txt`: a title before a name (`Foreign Minister Sergei
//!    Lavrov`), a lower-case role (`striker Igor Shkvyrin`), an organisation
//!    head (`… Ministry`, `… Party`), a place head (`… Valley`).
//! 3. **Aliases** of what was found — surnames, acronyms, gazetteer aliases
//!    and possessives — are matched everywhere, headlines included, so
//!    `Lavrov` joins `Sergei Lavrov` and `EU` joins `European Union`.
//! 4. **Single unknown names** become places after a place preposition (`in
//!    Sialkot`) or before an event noun (`the Pahalgam attack`), and
//!    capitalised acronyms become organisations.
//!
//! A capitalised word at a sentence start, or anywhere in a title-case
//! headline, never starts an entity by itself: it must be a gazetteer phrase
//! or an alias of an entity found in running text.


mod rules;
mod sports;

use std::borrow::Cow;

use serde::Serialize;

use crate::lexicon::{lexicon, GazKind, HashMap, HashSet, Lexicon};
use crate::model::slugify;
use crate::par;
use crate::span::Span;
use crate::text::{exact_key, tokens, word_key, Token, TokenKind};

/// The four kinds of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Group,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Group];

    /// The lower-case name used in data attributes and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        }
    }

    /// A plural label for people to read.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Group => "Groups",
        }
    }

    fn of_gazetteer(kind: GazKind) -> EntityKind {
        match kind {
            GazKind::Country | GazKind::Capital | GazKind::City | GazKind::Region => EntityKind::Place,
            GazKind::Demonym => EntityKind::Group,
            GazKind::Org => EntityKind::Organization,
        }
    }
}

/// One real-world thing, with every place the text mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Unique within the article, shared by all its mentions.
    pub id: String,
    /// The canonical (fullest) name.
    pub name: String,
    pub kind: EntityKind,
    /// The role the text gives it, e.g. "Russian Foreign Minister".
    pub description: Option<String>,
    /// Sorted, non-overlapping.
    pub mentions: Vec<Span>,
}

/// Where the text is, for the finder.
pub struct Input<'a> {
    /// The text to search (an article's `plain`).
    pub text: &'a str,
    /// Sentence spans of `text`.
    pub sentences: &'a [Span],
    /// Title-case lines (title, headings): only known names are matched there.
    pub headlines: &'a [Span],
    /// The dateline, whose leading name is a place.
    pub dateline: Option<Span>,
    /// Spans that are something else (dates): no mention may overlap them.
    pub exclude: &'a [Span],
}

/// A contiguous piece of a capitalised run: one word, or one gazetteer phrase.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    gaz: Option<usize>,
}

/// The capitalised runs of a text, one after another in one list.
struct Runs {
    units: Vec<Unit>,
    /// Where each run ends in `units`.
    ends: Vec<usize>,
}

impl Runs {
    fn iter(&self) -> impl Iterator<Item = &[Unit]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let run = &self.units[start..end];
            start = end;
            run
        })
    }
}

/// An alias's tokens, and the kind and canonical name it stands for.
type Alias<'a> = (Vec<String>, EntityKind, Cow<'a, str>);

/// The aliases of what was found, by first token: the alias's tokens, and
/// the kind and canonical name it stands for. Kept between the alias
/// passes, each of which adds what was found since the one before.
#[derive(Default)]
struct AliasTable<'a> {
    table: HashMap<String, Vec<Alias<'a>>>,
    surnames: HashSet<String>,
    /// Organisations by the head that ends their name (`Church` for
    /// `Westboro Baptist Church`), `None` where two share it.
    heads: HashMap<String, Option<Cow<'a, str>>>,
    /// Mentions already added, by kind, name and text.
    seen: HashSet<(EntityKind, Cow<'a, str>, &'a str)>,
    /// How many of the found mentions have been added.
    done: usize,
}

/// A found mention before entities are merged.
#[derive(Clone, Debug)]
struct Found<'a> {
    kind: EntityKind,
    /// Canonical name key.
    name: Cow<'a, str>,
    span: Span,
    description: Option<String>,
    /// The rule that made it (`alias`, `dateline` or one of [`rules::RULES`]).
    #[cfg_attr(not(test), allow(dead_code))]
    rule: &'static str,
}

struct Finder<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    toks: std::borrow::Cow<'a, [Token]>,
    /// First word of a sentence (or after a dateline or opening quote).
    initial: Vec<bool>,
    headline: Vec<bool>,
    excluded: Vec<bool>,
    /// Token is a capitalised word (or acronym) and not excluded: [`Finder::is_cap`].
    capital: Vec<bool>,
    /// Token covered by an accepted mention.
    covered: Vec<bool>,
    /// Longest gazetteer phrase starting at each token, packed (see [`pack_gaz`]).
    gaz_at: Vec<u32>,
    lower_words: LowerWords<'a>,
    found: Vec<Found<'a>>,
    alias_table: AliasTable<'a>,
    /// The rule whose mentions are being added.
    rule: &'static str,
    dateline: Option<Span>,
    /// The story's sports teams named by a city or a short name.
    teams: sports::Teams,
    /// Capitalised words the story uses in a person's context anywhere
    /// (`Lee said`, `Mr. Lee`, `Lee, 45,`, `Lee, who`).
    person_words: HashSet<&'a str>,
    /// Words used on their own as a name somewhere (see [`Finder::used_alone`]).
    alone_words: HashMap<&'a str, u32>,
    /// The last word of each person's name of two words or more found so
    /// far, with the name: a known place's name that is also a person's
    /// surname in the story stands for the person (`Harold Bristol` … `Bristol said`).
    surnames: HashMap<&'a str, Cow<'a, str>>,
    /// The words of craft names (`the Orvel rover`): alone, each is the craft.
    crafts: HashSet<&'a str>,
    /// Acronyms given in brackets after the name of a law, a treaty or a
    /// prize (`the Clean Harbour Act (CHA)`): alone, each is that thing.
    thing_acronyms: HashSet<&'a str>,
    /// Acronyms the story also writes with a version number joined to them
    /// (`QV7`): alone, each is that product (`a newer QV`).
    versioned: HashSet<&'a str>,
    /// The word before a competition head of each name the story writes
    /// before a stage of the competition (`Harbour` of `the Harbour League
    /// final`): the name is a competition's wherever it stands.
    competitions: HashSet<&'a str>,
    /// The known town's or region's name inside a club's or a firm's name
    /// of two words found so far, with the name (`Tarvin` of `FC Tarvin`).
    org_words: HashMap<&'a str, Cow<'a, str>>,
}

/// The words of a text that start with a lower-case letter, as written.
/// Short ASCII words are kept as packed integers (see [`exact_key`]), which
/// hash and compare faster than strings; a word is in exactly one of the
/// two sets, decided by its own bytes.
#[derive(Default)]
struct LowerWords<'a> {
    short: HashSet<u128>,
    long: HashSet<&'a str>,
}

impl<'a> LowerWords<'a> {
    fn insert(&mut self, w: &'a str) {
        match exact_key(w.as_bytes()) {
            0 => {
                self.long.insert(w);
            }
            k => {
                self.short.insert(k);
            }
        }
    }

    fn contains(&self, w: &str) -> bool {
        match exact_key(w.as_bytes()) {
            0 => self.long.contains(w),
            k => self.short.contains(&k),
        }
    }
}

/// Finds the entities of a text.
pub fn find_entities(input: &Input) -> Vec<Entity> {
    find_entities_with(input, std::borrow::Cow::Owned(tokens(input.text)))
}

/// [`find_entities`] on tokens of `input.text` already made.
pub(crate) fn find_entities_in(input: &Input, toks: &[Token]) -> Vec<Entity> {
    find_entities_with(input, std::borrow::Cow::Borrowed(toks))
}

fn find_entities_with<'a>(input: &Input<'a>, toks: std::borrow::Cow<'a, [Token]>) -> Vec<Entity> {
    let mut f = Finder::new(input, toks);
    f.find_all();
    f.into_entities()
}

/// Each mention found in `input.text`, with its kind and the rule that made it.
#[cfg(test)]
fn find_entities_traced(input: &Input) -> Vec<(Span, EntityKind, &'static str)> {
    let mut f = Finder::new(input, std::borrow::Cow::Owned(tokens(input.text)));
    f.find_all();
    f.found.iter().map(|m| (m.span, m.kind, m.rule)).collect()
}

/// The common form of a camp's lower-case root: `democrats`, `democratic`
/// and `democracy` are `democrat`, `localists` is `localist`.
fn camp_lemma(root: &str) -> String {
    if let Some(stem) = root.strip_suffix("cracy") {
        format!("{stem}crat")
    } else if let Some(stem) = root.strip_suffix("cratic") {
        format!("{stem}crat")
    } else if root.len() > 3 && root.ends_with('s') && !root.ends_with("ss") {
        root[..root.len() - 1].to_string()
    } else {
        root.to_string()
    }
}

/// A gazetteer match `(length, entry)` in one `u32` (`0` for none): the
/// per-token table stays small on long texts.
fn pack_gaz(g: Option<(usize, usize)>) -> u32 {
    match g {
        Some((len, e)) if len < 256 && e < (1 << 23) => ((e as u32 + 1) << 8) | len as u32,
        Some(_) => unreachable!("gazetteer phrases are short and the gazetteer is small"),
        None => 0,
    }
}

fn unpack_gaz(g: u32) -> Option<(usize, usize)> {
    (g != 0).then(|| ((g & 0xff) as usize, (g >> 8) as usize - 1))
}

/// A month or weekday name, written out.
fn is_calendar_word(w: &str) -> bool {
    crate::calendar::is_titled_month_or_weekday(w)
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// One word ending in `bank` (`Commerzbank`, `Rabobank`): a bank.
pub(super) fn is_bank_name(w: &str) -> bool {
    w.len() > 6 && w.ends_with("bank") && !w.ends_with("sbank")
}

impl<'a> Finder<'a> {
    /// The passes: the dateline, the capitalised runs (by the rules), the
    /// aliases of what was found, single unknown names (by the rules), and
    /// the aliases again.
    fn find_all(&mut self) {
        self.rule = "dateline";
        self.dateline_place(self.dateline);
        self.rule = "political-camp";
        self.camps();
        // What the rules look up across the text, each read from the tokens
        // alone (none reads another), so side by side on a long text: those
        // of single words while the runs of capitalised words are found,
        // then those of runs.
        let f = &*self;
        let (runs, (person_words, (alone_words, versioned))) =
            par::join(|| f.runs(), || par::join(|| f.find_person_words(), || par::join(|| f.find_alone_words(), || f.find_versioned())));
        let ((teams, competitions), (crafts, thing_acronyms)) = par::join(
            || par::join(|| f.find_teams(&runs), || f.find_competitions(&runs)),
            || par::join(|| f.find_crafts(&runs), || f.find_thing_acronyms(&runs)),
        );
        self.teams = teams;
        self.person_words = person_words;
        self.alone_words = alone_words;
        self.crafts = crafts;
        self.thing_acronyms = thing_acronyms;
        self.versioned = versioned;
        self.competitions = competitions;
        for run in runs.iter() {
            self.classify(run);
        }
        self.aliases();
        self.single_names(&runs);
        self.aliases();
    }

    /// The words of the runs that name a craft (see [`rules::craft_name`]).
    fn find_crafts(&self, runs: &Runs) -> HashSet<&'a str> {
        let mut out = HashSet::default();
        for run in runs.iter() {
            if rules::craft_name(self, run).is_some() {
                out.extend(run.iter().filter(|u| u.gaz.is_none()).flat_map(|u| u.start..u.end).map(|k| self.tok(k)));
            }
        }
        out
    }

    /// The names ending in a competition head that the story writes right
    /// before a stage of the competition (see [`rules::competition`]).
    fn find_competitions(&self, runs: &Runs) -> HashSet<&'a str> {
        let mut out = HashSet::default();
        for run in runs.iter() {
            let (start, end) = (run[0].start, run[run.len() - 1].end);
            if end - start < 2 || end >= self.toks.len() || !self.lex.competition_heads.contains(self.tok(end - 1)) {
                continue;
            }
            let rest = &self.text[self.toks[end].span().start..];
            let stage = self.lex.competition_stages.iter().any(|s| {
                rest.strip_prefix(s).is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
            });
            if stage {
                out.insert(self.tok(end - 2));
            }
        }
        out
    }

    /// The acronyms written with a version number joined to them (`QV7`,
    /// `QV 7` is not one): their letters without the number.
    fn find_versioned(&self) -> HashSet<&'a str> {
        let mut out = HashSet::default();
        let bytes = self.text.as_bytes();
        for i in 0..self.toks.len() {
            if !self.capital[i] || !bytes[self.toks[i].span().end - 1].is_ascii_digit() {
                continue;
            }
            let w = self.tok(i);
            let stem = w.trim_end_matches(|c: char| c.is_ascii_digit());
            if stem.len() < w.len() && stem.len() >= 2 && is_acronym(stem) {
                out.insert(stem);
            }
        }
        out
    }

    /// The acronyms in brackets right after a thing's name (see
    /// [`rules::thing_head`]) whose letters are initials of its words.
    fn find_thing_acronyms(&self, runs: &Runs) -> HashSet<&'a str> {
        let mut out = HashSet::default();
        for run in runs.iter() {
            let (start, end) = (run[0].start, run[run.len() - 1].end);
            if rules::thing_head(self, run).is_none() || !self.tok_is(end, "(") || !self.tok_is(end + 2, ")") {
                continue;
            }
            let w = self.tok(end + 1);
            if is_acronym(w) && rules::initials_in(self, start, end, w) {
                out.insert(w);
            }
        }
        // A lower-case phrase's abbreviation in brackets after it (`drum and
        // bass (D&B)`, `gross domestic product (GDP)`) names a common
        // thing: its letters are the initials of the words before, the
        // first one's first.
        let bytes = self.text.as_bytes();
        for i in 1..self.toks.len().saturating_sub(1) {
            if !self.capital[i + 1] || bytes[self.toks[i].span().start] != b'(' || self.tok(i) != "(" {
                continue;
            }
            let Some(close) = (i + 2..self.toks.len().min(i + 5)).find(|&k| self.tok(k) == ")") else { continue };
            if !self.contiguous(i + 1, close - i - 1) {
                continue;
            }
            let abbr = &self.text[self.toks[i + 1].span().start..self.toks[close - 1].span().end];
            let letters: Vec<u8> = abbr.bytes().filter(u8::is_ascii_uppercase).collect();
            if letters.len() < 2 || !abbr.bytes().all(|b| b.is_ascii_uppercase() || b == b'&') {
                continue;
            }
            let lower = |k: usize| self.toks[k].kind == TokenKind::Word && self.tok(k).starts_with(|c: char| c.is_ascii_lowercase());
            let mut from = i;
            while from > 0 && i - from < 6 && lower(from - 1) {
                from -= 1;
            }
            let first = (from..i).find(|&k| self.tok(k).as_bytes()[0].to_ascii_uppercase() == letters[0]);
            let spelt = first.is_some_and(|s| {
                let mut initials = (s..i).map(|k| self.tok(k).as_bytes()[0].to_ascii_uppercase());
                letters.iter().all(|&c| initials.any(|x| x == c))
                    && self.tok(i - 1).as_bytes()[0].to_ascii_uppercase() == letters[letters.len() - 1]
            });
            if spelt {
                out.insert(abbr);
            }
        }
        out
    }

    /// Political camps, groups: a camp prefix joined by a hyphen to a
    /// known place's or people's name or to a camp root (`pro-Beijing`,
    /// `anti-establishment`, `pan-democrats`), or a camp's own lower-case
    /// name (`localist`). Named in lower case (`Pro-Beijing` opening a
    /// sentence is `pro-Beijing`).
    fn camps(&mut self) {
        let n = self.toks.len();
        // The first letters the words looked for can have: most words are passed by one look.
        let mut first = [false; 256];
        for w in self.lex.camp_prefixes.iter().chain(&self.lex.camp_words) {
            let b = w.as_bytes()[0];
            first[b.to_ascii_lowercase() as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
        }
        let bytes = self.text.as_bytes();
        // Each camp found: its tokens, its name as written, its lemma's.
        let mut found: Vec<(usize, usize, String, String)> = Vec::new();
        for k in 0..n.saturating_sub(2) {
            let t = &self.toks[k];
            if !first[bytes[t.span().start] as usize] || t.kind != TokenKind::Word {
                continue;
            }
            let w = self.tok(k);
            if !(3..=10).contains(&w.len()) {
                continue;
            }
            if w.ends_with("ist") || w.ends_with("ists") {
                if self.lex.camp_words.contains(w) || self.initial[k] && self.lex.camp_words.contains(w.to_lowercase().as_str()) {
                    found.push((k, k + 1, w.to_lowercase(), camp_lemma(&w.to_lowercase())));
                }
                continue;
            }
            if w.len() > 4 || self.tok(k + 1) != "-" || self.toks[k + 1].space_before || self.toks[k + 2].space_before {
                continue;
            }
            let prefix = w.to_ascii_lowercase();
            if !self.lex.camp_prefixes.contains(prefix.as_str()) {
                continue;
            }
            let root = self.tok(k + 2);
            let known = self.gaz(k + 2).is_some_and(|(len, e)| {
                len == 1 && !matches!(self.lex.entries[e].kind, GazKind::Org)
            });
            if known || self.lex.camp_roots.contains(root) {
                let name = format!("{prefix}-{root}");
                let key = if known { name.clone() } else { format!("{prefix}-{}", camp_lemma(root)) };
                found.push((k, k + 3, name, key));
            }
        }
        // One camp, however inflected (`pan-democrat`, `pan-democrats`,
        // `pan-democratic`, `pan-democracy`), is one group, named by its
        // most used form (the first written, between forms used as often).
        let mut uses: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
        for (_, _, name, key) in &found {
            let forms = uses.entry(key.as_str()).or_default();
            match forms.iter_mut().find(|(f, _)| f == name) {
                Some((_, c)) => *c += 1,
                None => forms.push((name.as_str(), 1)),
            }
        }
        let named: HashMap<String, String> = uses
            .iter()
            .map(|(key, forms)| {
                let best = forms.iter().rev().max_by_key(|(_, c)| *c).map_or(*key, |(f, _)| *f);
                (key.to_string(), best.to_string())
            })
            .collect();
        for (start, end, _, key) in &found {
            self.push(EntityKind::Group, *start, *end, Some(Cow::Owned(named[key].clone())), None);
        }
    }

    fn new(input: &Input<'a>, toks: std::borrow::Cow<'a, [Token]>) -> Self {
        let text = input.text;
        let lex = lexicon();
        let n = toks.len();
        // The words written in lower case somewhere, found while the
        // tokens' marks are set.
        let lower = || {
            let mut lower_words = LowerWords::default();
            for t in toks.iter().filter(|t| is_word(t)) {
                let s = t.text(text);
                if s.chars().next().is_some_and(char::is_lowercase) {
                    lower_words.insert(s);
                }
            }
            lower_words
        };
        let marks = || {
            let mut initial = vec![false; n];
            let mut headline = vec![false; n];
            let mut excluded = vec![false; n];
            let mut capital = vec![false; n];
            // Sentence starts, dateline ends, opening quotes and colons.
            let (mut si, mut hi, mut ei) = (0, 0, 0);
            let mut expect_start = true;
            let mut prev_end = 0;
            for (i, t) in toks.iter().enumerate() {
                while si < input.sentences.len() && input.sentences[si].end <= t.span().start {
                    si += 1;
                }
                if si < input.sentences.len() && input.sentences[si].start == t.span().start {
                    expect_start = true;
                }
                if text.as_bytes()[prev_end..t.span().start].contains(&b'\n') {
                    expect_start = true;
                }
                if let Some(d) = input.dateline {
                    if t.span().start >= d.end && prev_end <= d.end && prev_end >= d.start {
                        expect_start = true;
                    }
                }
                if is_word(t) {
                    if expect_start {
                        initial[i] = true;
                        expect_start = false;
                    }
                } else if t.kind == TokenKind::Punct && matches!(t.text(text), "“" | "\"" | ":" | "‘" | "(") {
                    expect_start = true;
                } else if t.kind == TokenKind::Number {
                    expect_start = false;
                }
                while hi < input.headlines.len() && input.headlines[hi].end <= t.span().start {
                    hi += 1;
                }
                headline[i] = hi < input.headlines.len() && input.headlines[hi].contains(t.span());
                while ei < input.exclude.len() && input.exclude[ei].end <= t.span().start {
                    ei += 1;
                }
                excluded[i] = ei < input.exclude.len() && input.exclude[ei].overlaps(t.span());
                capital[i] = !excluded[i] && t.is_capitalized(text);
                // A currency's country code joined to its sign (`NZ$40`) names nothing.
                if i > 0 && !t.space_before && t.kind != TokenKind::Word && t.text(text).starts_with('$') {
                    capital[i - 1] = false;
                }
                prev_end = t.span().end;
            }
            (initial, headline, excluded, capital)
        };
        let (lower_words, (initial, headline, excluded, capital)) = par::join(lower, marks);
        let mut f = Finder {
            text,
            lex,
            gaz_at: vec![0; n],
            covered: vec![false; n],
            toks,
            initial,
            headline,
            excluded,
            capital,
            lower_words,
            found: Vec::with_capacity(n / 8),
            alias_table: AliasTable::default(),
            rule: "",
            dateline: input.dateline,
            teams: sports::Teams::default(),
            person_words: HashSet::default(),
            alone_words: HashMap::default(),
            surnames: HashMap::default(),
            crafts: HashSet::default(),
            thing_acronyms: HashSet::default(),
            versioned: HashSet::default(),
            competitions: HashSet::default(),
            org_words: HashMap::default(),
        };
        // The known name that starts at each token: each looked up alone.
        f.gaz_at = par::map(n, 4096, &|i| pack_gaz(f.find_gaz(i)));
        f
    }

    /// The longest gazetteer phrase starting at token `i`: (length, entry).
    fn gaz(&self, i: usize) -> Option<(usize, usize)> {
        unpack_gaz(self.gaz_at[i])
    }

    fn tok(&self, i: usize) -> &'a str {
        self.toks[i].span().of(self.text)
    }

    /// Token `k` is a capitalised word joined by a hyphen to a lower-case
    /// syllable (`Ji-hoon`, `Soo-yeon`), not to a word like `led` or `based`.
    fn hyphen_tail(&self, k: usize) -> bool {
        k + 2 < self.toks.len()
            && self.tok(k) != "-"
            && self.tok(k + 1) == "-"
            && !self.toks[k + 1].space_before
            && !self.toks[k + 2].space_before
            && self.toks[k + 2].kind == TokenKind::Word
            && self.tok(k + 2).starts_with(|c: char| c.is_lowercase())
            && self.tok(k + 2).len() <= 5
            && !self.lex.hyphen_descriptors.contains(self.tok(k + 2))
            && self.contiguous(k, 3)
    }

    /// The end of the capitalised words joined by hyphens from token `k`
    /// (`Anna-Lena`, `Non-Proliferation`), or by an apostrophe after `O` or
    /// `D` (`O'Donnell`), `k + 1` when there are none. A
    /// known name after the hyphen stays apart (`Franco-German`).
    fn hyphen_caps(&self, k: usize) -> usize {
        let mut end = k + 1;
        while end + 1 < self.toks.len()
            && (self.tok(end) == "-" || matches!(self.tok(end), "'" | "’") && matches!(self.tok(end - 1), "O" | "D"))
            && !self.toks[end].space_before
            && !self.toks[end + 1].space_before
            && self.toks[end + 1].kind == TokenKind::Word
            && self.is_cap(end + 1)
            && self.gaz(end + 1).is_none()
            && !self.excluded[end]
        {
            end += 2;
        }
        end
    }

    /// Token `k` is a hyphen between two names, the second of which opens
    /// up to three capitalised words ending in an organisation's head:
    /// `NATO-Kenya Council`, `EU-Tarvin Joint Commission` (not
    /// `Franco-German talks`, nor `Kenya-Uganda border`).
    fn hyphen_into_body(&self, k: usize) -> bool {
        if !(k > 0 && self.tok_is(k, "-") && self.is_cap(k + 1) && self.is_cap(k - 1) && !self.excluded[k] && self.contiguous(k - 1, 3)) {
            return false;
        }
        let mut j = k + 1;
        for _ in 0..3 {
            if !(j + 1 < self.toks.len() && self.is_cap(j) && self.contiguous(j, 2) && self.toks[j + 1].kind == TokenKind::Word) {
                return false;
            }
            j += 1;
            if self.lex.org_heads.contains(self.tok(j)) {
                return true;
            }
            if !self.is_cap(j) {
                return false;
            }
        }
        false
    }

    fn tok_is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.tok(i) == s
    }

    fn is_cap(&self, i: usize) -> bool {
        i < self.toks.len() && self.capital[i]
    }

    /// Tokens `i..i+len` are words joined by single spaces (or nothing, for
    /// hyphens inside a phrase).
    fn contiguous(&self, i: usize, len: usize) -> bool {
        (i + 1..i + len).all(|k| {
            let gap = &self.text[self.toks[k - 1].span().end..self.toks[k].span().start];
            gap.is_empty() || gap == " "
        })
    }

    /// The longest gazetteer phrase that starts at token `i`.
    fn find_gaz(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_cap(i) {
            return None;
        }
        let list = self.lex.phrases.get(self.tok(i))?;
        list.iter().find_map(|p| {
            let len = p.tokens.len();
            let ok = i + len <= self.toks.len()
                && p.tokens.iter().enumerate().all(|(k, want)| self.tok(i + k) == *want && !self.excluded[i + k])
                && self.contiguous(i, len);
            ok.then_some((len, p.entry))
        })
    }

    /// Is the sentence-initial word at `i` just a capitalised common word?
    fn common_at_start(&self, i: usize) -> bool {
        let w = self.tok(i);
        if self.lex.function_words.contains(w) {
            return true;
        }
        if w.is_ascii() && w.len() <= 15 {
            // The packed key of an ASCII word is that of its lower case.
            let k = word_key(w.as_bytes());
            return k != 0 && self.lower_words.short.contains(&k);
        }
        if w.is_ascii() && w.len() <= 32 {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.lower_words.contains(l));
        }
        let lower = w.to_lowercase();
        self.lower_words.contains(lower.as_str())
    }

    /// The title phrase (from the lexicon's `titles`) starting at token `i`, as a length.
    fn title_at(&self, i: usize, end: usize) -> Option<usize> {
        if i >= end.min(self.toks.len()) {
            return None;
        }
        // The last word may be plural, before two names (`Assistant Attorneys`;
        // the lexicon keys a one-word title by its plural too).
        let list = self.lex.titles.get(self.tok(i))?;
        let word = |k: usize, w: &str, last: bool| {
            let t = self.tok(k);
            t == w || last && t.strip_suffix('s') == Some(w)
        };
        list.iter().find_map(|t| {
            let len = t.len();
            (i + len <= end && t.iter().enumerate().all(|(k, w)| word(i + k, w, k + 1 == len))).then_some(len)
        })
    }

    /// A role written with a capital at a sentence start (`Seismologist Maria Chen`).
    fn initial_role(&self, i: usize) -> bool {
        if !self.initial[i] || self.gaz(i).is_some() {
            return false;
        }
        let lower = self.tok(i).to_lowercase();
        self.lex.roles.get(lower.as_str()).is_some_and(|l| l.iter().any(|r| r.len() == 1))
    }

    /// A lower-case role phrase ending just before token `i`, as its start.
    fn role_before(&self, i: usize) -> Option<usize> {
        if i > 0 && self.initial_role(i - 1) {
            return Some(i - 1);
        }
        (1..=3).filter(|&len| len <= i).find_map(|len| {
            let s = i - len;
            let list = self.lex.roles.get(self.tok(s))?;
            list.iter()
                .any(|r| r.len() == len && r.iter().enumerate().all(|(k, w)| self.tok(s + k) == *w))
                .then_some(s)
        })
    }

    /// Collects the capitalised runs of running text (not headlines).
    fn runs(&self) -> Runs {
        let n = self.toks.len();
        let mut runs = Runs { units: Vec::with_capacity(n / 8), ends: Vec::with_capacity(n / 16) };
        let mut run: Vec<Unit> = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.is_cap(i) || self.headline[i] {
                i += 1;
                continue;
            }
            run.clear();
            let mut k = i;
            loop {
                if k >= n || !self.is_cap(k) || self.headline[k] {
                    break;
                }
                if let Some(prev) = run.last() {
                    if !self.contiguous(prev.end - 1, k - prev.end + 2) {
                        break;
                    }
                }
                let joined = self.hyphen_caps(k);
                let unit = match self.gaz(k) {
                    // `Pierre-Emerick`: a one-word known name joined to an unknown one.
                    Some((1, _)) if joined > k + 1 => Unit { start: k, end: joined, gaz: None },
                    Some((len, e)) => Unit { start: k, end: k + len, gaz: Some(e) },
                    // Capitalised words joined by hyphens: `Anna-Lena`, `Phelps-Roper`.
                    None if joined > k + 1 => Unit { start: k, end: joined, gaz: None },
                    // A hyphenated given name after a family name: `Park Ji-hoon`.
                    None if !run.is_empty() && self.hyphen_tail(k) => Unit { start: k, end: k + 3, gaz: None },
                    None => Unit { start: k, end: k + 1, gaz: None },
                };
                run.push(unit);
                k = unit.end;
                // Names joined by a hyphen before an organisation's head are
                // one body (`NATO-Kenya Council`), not two names.
                if self.hyphen_into_body(k) {
                    run.push(Unit { start: k, end: k + 1, gaz: None });
                    k += 1;
                    continue;
                }
                // `&` between capitalised words, or `and` before words ending
                // in an organisation head, joins one name (`Procter & Gamble`,
                // `Fish and Wildlife Service`).
                if self.joiner(k, &run) || self.complement_and(k, &run) {
                    run.push(Unit { start: k, end: k + 1, gaz: None });
                    k += 1;
                    continue;
                }
                // A possessive or anything but a space ends the run …
                if k >= n || self.toks[k].kind != TokenKind::Word {
                    break;
                }
                // … except connectors inside institutional names.
                if !self.is_cap(k) {
                    let Some(skip) = self.connector(k, run.last().map(|u| u.end - 1)).or_else(|| self.purpose_of(k, &run)) else {
                        break;
                    };
                    if !self.is_cap(k + skip) || !self.contiguous(k - 1, skip + 2) {
                        break;
                    }
                    if self.town_and_region(k + skip, &run) {
                        break;
                    }
                    // Keep the connector tokens as plain units of the run.
                    for c in k..k + skip {
                        run.push(Unit { start: c, end: c + 1, gaz: None });
                    }
                    k += skip;
                }
            }
            i = k.max(i + 1);
            // A common word at a sentence start is not part of a name.
            let mut from = 0;
            while let Some(first) = run.get(from) {
                // The tests are pure: the cheap ones go first.
                let role = || run.len() - from > 1 && self.initial_role(first.start);
                let run_end = run[run.len() - 1].end;
                let title = || self.title_at(first.start, run_end).is_some_and(|l| first.start + l < run_end);
                if first.gaz.is_none()
                    && self.initial[first.start]
                    && !title()
                    && (role() || self.common_at_start(first.start))
                {
                    from += 1;
                } else {
                    break;
                }
            }
            // A name's leading `The` is not part of it (`The New York Times`).
            if run.len() - from > 1 && run[from].gaz.is_none() && self.tok(run[from].start) == "The" {
                from += 1;
            }
            // A month or a weekday alone is a date, never a name (it stays a
            // date even where the text gives no year to resolve it).
            let calendar = run.len() - from == 1 && run[from].gaz.is_none() && is_calendar_word(self.tok(run[from].start));
            if from < run.len() && !calendar {
                runs.units.extend_from_slice(&run[from..]);
                runs.ends.push(runs.units.len());
            }
        }
        runs
    }

    /// A named institution's `of` before a town and its region, or its
    /// country (`the Tarvin Gliding Museum of Dunmore, Montana`), says where
    /// it stands: `c` is one capitalised word that is not a known name,
    /// then a comma and a known region or country, and a name stands
    /// before the head (not `Bank of Dunmore, Montana`, nor `University of
    /// Tarvin, Dunmore`).
    fn town_and_region(&self, c: usize, run: &[Unit]) -> bool {
        run.len() >= 2
            && c + 2 < self.toks.len()
            && self.gaz(c).is_none()
            && self.tok(c + 1) == ","
            && self.gaz(c + 2).is_some_and(|(_, e)| matches!(self.lex.entries[e].kind, GazKind::Region | GazKind::Country))
    }

    /// Token `k`, after a capitalised word, is `&` before a capitalised
    /// word, or `and` before up to five capitalised words ending in an
    /// organisation head (not after one).
    fn joiner(&self, k: usize, run: &[Unit]) -> bool {
        if k + 1 >= self.toks.len() || !self.is_cap(k + 1) || self.excluded[k] || !self.contiguous(k - 1, 3) {
            return false;
        }
        match self.tok(k) {
            "&" => true,
            // Not after a head: `the Parks Department and Police Department` are two.
            "and" if !self.lex.org_heads.contains(self.tok(k - 1)) => {
                let mut j = k + 1;
                while j + 1 < self.toks.len() && j < k + 5 && self.is_cap(j + 1) && self.contiguous(j, 2) {
                    j += 1;
                }
                // After an institution's complement, a known name opens a
                // second institution (`Institute of Tides and Kenya State University`).
                let in_complement = run.iter().any(|u| !self.is_cap(u.start));
                (k + 1..=j).any(|x| self.lex.org_heads.contains(self.tok(x)))
                    && !(in_complement && (k + 1..=j).any(|x| self.gaz(x).is_some()))
            }
            _ => false,
        }
    }

    /// Token `k`, after a capitalised word in an institution's complement
    /// (a run holding a connector: `Institute for Marine and Polar
    /// Research`, `Ministry of Housing and Local Government`), is `and`
    /// before up to three capitalised words, none of them a known name, a
    /// given name or a title, and the word before it no known name: the
    /// complement goes on. Not two institutions (`University of Tarvin and
    /// Kenya State University`), nor a name and a person's (`Ministry of
    /// Health and Minister Ola Varn`).
    fn complement_and(&self, k: usize, run: &[Unit]) -> bool {
        if k + 1 >= self.toks.len() || self.tok(k) != "and" || self.excluded[k] || !self.contiguous(k - 1, 3) {
            return false;
        }
        let in_complement = run.iter().any(|u| !self.is_cap(u.start));
        let Some(last) = run.last() else { return false };
        if !in_complement || last.gaz.is_some() || self.lex.org_heads.contains(self.tok(last.start)) {
            return false;
        }
        let mut j = k + 1;
        while j < self.toks.len() && self.is_cap(j) && self.contiguous(j - 1, 2) {
            let w = self.tok(j);
            if j > k + 3 || self.gaz(j).is_some() || self.lex.given_names.contains(w) || self.lex.titles.contains_key(w) || is_acronym(w) {
                return false;
            }
            j += 1;
        }
        j > k + 1 && !self.lex.org_heads.contains(self.tok(j - 1))
    }

    /// A second `of` in a name whose complement says what the body is for
    /// (`Council for the Welfare of Veterans`, `Centre for the Study of
    /// Tides`): after a capitalised word that follows `for` or `for the`.
    fn purpose_of(&self, k: usize, run: &[Unit]) -> Option<usize> {
        let n = run.len();
        if self.tok(k) != "of" || n < 3 || run[n - 1].gaz.is_some() || !self.is_cap(run[n - 1].start) {
            return None;
        }
        let before = &run[..n - 1];
        let after_for = match before {
            [.., f, t] if self.tok(f.start) == "for" && self.tok(t.start) == "the" => true,
            [.., f] => self.tok(f.start) == "for",
            _ => false,
        };
        if !after_for {
            return None;
        }
        Some(if self.tok_is(k + 1, "the") { 2 } else { 1 })
    }

    /// Connector words inside a name ("Bank *of* England", "Ministry *of the*
    /// Interior"), allowed after institutional words only. Returns how many
    /// tokens the connector takes.
    fn connector(&self, k: usize, prev: Option<usize>) -> Option<usize> {
        let prev = prev?;
        if k >= self.toks.len() {
            return None;
        }
        let p = self.tok(prev);
        let institutional =
            self.lex.org_heads.contains(p) || self.lex.place_heads.contains(p) || self.lex.connector_heads.contains(p);
        if !institutional {
            return None;
        }
        self.lex.connectors.iter().find_map(|c| {
            (k + c.len() <= self.toks.len() && c.iter().enumerate().all(|(j, w)| self.tok(k + j) == *w)).then_some(c.len())
        })
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.toks[start].span().start, self.toks[end - 1].span().end)
    }

    fn push(&mut self, kind: EntityKind, start: usize, end: usize, name: Option<Cow<'a, str>>, description: Option<String>) {
        if start >= end || (start..end).any(|k| self.covered[k] || self.excluded[k]) {
            return;
        }
        let span = self.span(start, end);
        let name = name.unwrap_or_else(|| normalize_cow(span.of(self.text)));
        for c in &mut self.covered[start..end] {
            *c = true;
        }
        // Only a known name's word can be taken for a place: others need no entry.
        if kind == EntityKind::Person && end - start >= 2 && self.gaz_at[end - 1] != 0 && self.toks[end - 1].kind == TokenKind::Word {
            self.surnames.entry(self.tok(end - 1)).or_insert_with(|| name.clone());
        }
        // A club's or a firm's name of two words, one a town's or a
        // region's known name (`FC Tarvin`, `Tarvin Records`): that word
        // alone may stand for it later (see [`rules::gazetteer_names`]).
        if kind == EntityKind::Organization && end - start == 2 {
            let w = if self.lex.club_prefixes.contains(self.tok(start)) {
                Some(start + 1)
            } else {
                self.lex.org_heads.contains(self.tok(start + 1)).then_some(start)
            };
            if let Some((1, e)) = w.and_then(|w| self.gaz(w)) {
                if matches!(self.lex.entries[e].kind, GazKind::City | GazKind::Region) {
                    let w = w.unwrap_or(start);
                    self.org_words.entry(self.tok(w)).or_insert_with(|| name.clone());
                }
            }
        }
        self.found.push(Found { kind, name, span, description, rule: self.rule });
        if self.tok_is(end, "(") {
            self.after_mention(start, end);
        }
    }

    /// A gazetteer name, without a leading `The` (`The Guardian` is
    /// `Guardian`, as the story's later `the Guardian` is).
    fn push_gaz(&mut self, u: Unit) {
        if let Some(e) = u.gaz {
            let entry = &self.lex.entries[e];
            let (start, name) = match entry.name.strip_prefix("The ") {
                Some(rest) if u.end > u.start + 1 && self.tok(u.start) == "The" => (u.start + 1, rest),
                _ => (u.start, entry.name),
            };
            self.push(EntityKind::of_gazetteer(entry.kind), start, u.end, Some(Cow::Borrowed(name)), None);
        }
    }

    /// The leading name of a dateline is a place, known or not.
    fn dateline_place(&mut self, dateline: Option<Span>) {
        let Some(d) = dateline else { return };
        let Some(first) = self.toks.iter().position(|t| t.span().start >= d.start) else { return };
        if !self.is_cap(first) {
            return;
        }
        if let Some((len, e)) = self.gaz(first) {
            return self.push_gaz(Unit { start: first, end: first + len, gaz: Some(e) });
        }
        let mut end = first;
        while end < self.toks.len() && self.is_cap(end) && self.toks[end].span().end <= d.end && end - first < 4 {
            end += 1;
        }
        let raw = self.span(first, end).of(self.text);
        let name = if raw.chars().any(char::is_lowercase) { normalize(raw) } else { crate::text::title_case(raw) };
        // A shouted dateline place may still be in the gazetteer ("NAIROBI").
        let known = self.lex.phrases.get(name.as_str()).and_then(|l| l.iter().find(|p| p.tokens.len() == 1));
        match known {
            Some(p) => {
                let entry = &self.lex.entries[p.entry];
                self.push(EntityKind::of_gazetteer(entry.kind), first, end, Some(Cow::Borrowed(entry.name)), None)
            }
            None => self.push(EntityKind::Place, first, end, Some(Cow::Owned(name)), None),
        }
    }

    /// A lower-case word just before token `i` that names a kind of
    /// organisation (`firm`, `chipmaker`, `club`), from the lexicon.
    fn org_cue_before(&self, i: usize) -> bool {
        i > 0 && self.toks[i - 1].kind == TokenKind::Word && self.lex.org_cues.contains(self.tok(i - 1))
    }

    /// `end`, or one more token when the name ends in an abbreviation whose
    /// period follows directly (`Inc.`, `Corp.`, `Calif.`).
    fn with_abbreviation_period(&self, end: usize) -> usize {
        let last = self.tok(end - 1);
        let abbreviation = self.lex.abbreviations.contains(last);
        if abbreviation && end < self.toks.len() && self.tok(end) == "." && !self.toks[end].space_before {
            end + 1
        } else {
            end
        }
    }

    /// The title words and owner before a name: back from `name_start` over
    /// capitalised words, possessives, `and`, and lower-case role words.
    fn description_before(&self, name_start: usize) -> Option<String> {
        let mut s = name_start;
        while s > 0 {
            let t = &self.toks[s - 1];
            let w = self.tok(s - 1);
            let gap = &self.text[t.span().end..self.toks[s].span().start];
            if gap.len() > 1 || gap.contains('\n') {
                break;
            }
            let ok = (self.is_cap(s - 1) && !self.initial_common(s - 1))
                || t.kind == TokenKind::Possessive
                || (w == "and" && s >= 2 && self.is_cap(s - 2));
            if !ok {
                break;
            }
            s -= 1;
        }
        self.description_from(s, name_start)
    }

    /// The capitalised words of the names the story uses in a person's
    /// context: before a verb of speaking or `, who`, before an age in
    /// commas, after `said` or an honorific (`Mr.`, `Dr`).
    fn find_person_words(&self) -> HashSet<&'a str> {
        let n = self.toks.len();
        let mut out = HashSet::default();
        let cap = |k: usize| k < n && self.is_cap(k) && self.toks[k].kind == TokenKind::Word;
        for k in 0..n {
            if !cap(k) || cap(k + 1) && self.contiguous(k, 2) {
                continue;
            }
            // `k` ends a capitalised name: what follows it?
            let after = k + 1 < n
                && (self.lex.person_verbs.contains(self.tok(k + 1))
                    || self.tok(k + 1) == ","
                        && (self.tok_is(k + 2, "who")
                            || k + 3 < n && self.toks[k + 2].kind == TokenKind::Number && self.tok(k + 2).len() <= 3 && self.tok(k + 3) == ","));
            let mut s = k;
            while s > 0 && cap(s - 1) && self.contiguous(s - 1, 2) && k - s < 3 {
                s -= 1;
            }
            let mut b = s;
            if b > 0 && self.tok(b - 1) == "." {
                b -= 1;
            }
            let before = b > 0
                && (matches!(self.tok(b - 1), "Mr" | "Mrs" | "Ms" | "Dr" | "Miss")
                    || b == s && self.lex.person_verbs.contains(self.tok(b - 1)) && !self.is_cap(b - 1));
            if after || before {
                for j in s..=k {
                    if !matches!(self.tok(j), "Mr" | "Mrs" | "Ms" | "Dr" | "Miss") {
                        out.insert(self.tok(j));
                    }
                }
            }
        }
        out
    }

    /// Is there evidence that the unknown name `cs..ce` is a person's: a
    /// known given name first, or one of its words in a person's context
    /// somewhere in the story?
    fn person_evidence(&self, cs: usize, ce: usize) -> bool {
        self.own_person_evidence(cs, ce) || self.listed_with_person(cs, ce)
    }

    /// [`Finder::person_evidence`] from the name itself and its uses: a
    /// known given name first, a given name joined by a hyphen to a
    /// lower-case syllable (`Kwok Ka-ki`), a letter with a diacritic (most
    /// places so written are in the gazetteer), a word in a person's context
    /// elsewhere, or the last word used alone elsewhere (`Lukaku`).
    fn own_person_evidence(&self, cs: usize, ce: usize) -> bool {
        let first = self.tok(cs);
        self.lex.given_names.contains(first)
            || self.lex.given_names.contains(first.split('-').next().unwrap_or(first))
            || (cs..ce).any(|k| {
                let w = self.tok(k);
                self.person_words.contains(w) || !w.is_ascii() && w.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
            })
            || (cs + 1..ce).any(|k| self.tok(k) == "-" && self.tok(k + 1).starts_with(char::is_lowercase))
            || self.used_alone(ce - 1)
    }

    /// Is the word at token `k` used elsewhere on its own, as a name (not
    /// after `the`, not a common word opening a sentence, not in a longer name)?
    fn used_alone(&self, k: usize) -> bool {
        let w = self.tok(k);
        w.chars().count() >= 2 && !self.lex.function_words.contains(w) && self.alone_words.get(w).is_some_and(|&j| j != k as u32)
    }

    /// The words used on their own as a name (see [`Finder::used_alone`]),
    /// each with where it stands (`u32::MAX` where it stands alone twice).
    fn find_alone_words(&self) -> HashMap<&'a str, u32> {
        let n = self.toks.len();
        let mut out: HashMap<&'a str, u32> = HashMap::default();
        for j in 0..n {
            let alone = self.is_cap(j)
                && self.toks[j].kind == TokenKind::Word
                && !self.headline[j]
                && !(self.initial[j] && self.common_at_start(j))
                && !(j > 0 && (self.is_cap(j - 1) && self.contiguous(j - 1, 2) || matches!(self.tok(j - 1), "the" | "The" | "-")))
                && !(j + 1 < n && self.is_cap(j + 1) && self.contiguous(j, 2))
                && !(j + 1 < n && self.tok(j + 1) == "-");
            if alone {
                out.entry(self.tok(j)).and_modify(|p| *p = u32::MAX).or_insert(j as u32);
            }
        }
        out
    }

    /// Is the name one of a list (`A B, C D and E F`) of names of two to
    /// four words, one of which has evidence of its own of being a person's?
    fn listed_with_person(&self, cs: usize, ce: usize) -> bool {
        let n = self.toks.len();
        let cap = |k: usize| k < n && self.is_cap(k) && self.toks[k].kind == TokenKind::Word;
        let member = |s: usize, e: usize| e - s >= 2 && e - s <= 4 && (s..e).all(|k| self.gaz(k).is_none());
        // Onwards: `, C D` or `, and C D`.
        let (mut s, mut e) = (cs, ce);
        for _ in 0..8 {
            let mut a = e;
            if self.tok_is(a, ",") {
                a += 1;
            }
            if self.tok_is(a, "and") {
                a += 1;
            }
            if a == e || !cap(a) {
                break;
            }
            let mut z = a;
            while cap(z) && z - a < 5 {
                z += 1;
            }
            if !member(a, z) {
                break;
            }
            if self.own_person_evidence(a, z) {
                return true;
            }
            e = z;
        }
        // Backwards.
        for _ in 0..8 {
            let mut b = s;
            if b > 0 && self.tok(b - 1) == "and" {
                b -= 1;
            }
            if b > 0 && self.tok(b - 1) == "," {
                b -= 1;
            }
            if b == s || b == 0 || !cap(b - 1) {
                break;
            }
            let mut z = b;
            while z > 0 && cap(z - 1) && b - z < 5 {
                z -= 1;
            }
            if !member(z, b) {
                break;
            }
            if self.own_person_evidence(z, b) {
                return true;
            }
            s = z;
        }
        false
    }

    fn initial_common(&self, i: usize) -> bool {
        self.initial[i] && self.gaz(i).is_none() && self.common_at_start(i)
    }

    /// The text from token `s` up to (not including) token `e`, as a description.
    fn description_from(&self, s: usize, e: usize) -> Option<String> {
        if s >= e {
            return None;
        }
        // Extend back over capitalised owners of a lower-case role ("Ukrainian striker").
        let mut s = s;
        while s > 0 && (self.is_cap(s - 1) || self.toks[s - 1].kind == TokenKind::Possessive) {
            if self.initial_common(s - 1) || !self.contiguous(s - 1, 2) {
                break;
            }
            s -= 1;
        }
        Some(normalize(Span::new(self.toks[s].span().start, self.toks[e - 1].span().end).of(self.text)))
    }

    /// An appositive after a name: ", a striker for Dynamo Kyiv,".
    fn appositive(&self, after: usize) -> Option<String> {
        let n = self.toks.len();
        if after + 2 >= n || self.tok(after) != "," || !matches!(self.tok(after + 1), "a" | "an" | "the") {
            return None;
        }
        let mut e = after + 2;
        while e < n && e - after < 14 {
            let w = self.tok(e);
            if matches!(w, "," | "." | ";" | "who" | "which" | "said") {
                break;
            }
            e += 1;
        }
        (e < n && self.tok(e) == ",").then(|| normalize(self.span(after + 1, e).of(self.text)))
    }

    /// Matches aliases of the entities found so far wherever they stand.
    fn aliases(&mut self) {
        self.rule = "alias";
        // The table grows with each pass: a pass adds what was found since the last.
        let AliasTable { mut table, mut surnames, mut heads, mut seen, done } = std::mem::take(&mut self.alias_table);
        let mut add = |toks: Vec<String>, kind: EntityKind, name: &Cow<'a, str>| {
            if toks.is_empty() {
                return;
            }
            let list = table.entry(toks[0].clone()).or_default();
            if !list.iter().any(|(t, _, _)| *t == toks) {
                list.push((toks, kind, name.clone()));
            }
        };
        for f in &self.found[done..] {
            // A repeated mention (same kind, name and text) adds nothing new.
            if !seen.insert((f.kind, f.name.clone(), f.span.of(self.text))) {
                continue;
            }
            let words: Vec<String> = tokens(&f.name).iter().map(|t| t.span().of(&f.name).to_string()).collect();
            add(words.clone(), f.kind, &f.name);
            let as_found: Vec<String> =
                tokens(f.span.of(self.text)).iter().map(|t| t.span().of(f.span.of(self.text)).to_string()).collect();
            add(as_found, f.kind, &f.name);
            if f.kind == EntityKind::Person && words.len() >= 2 {
                let last = words[words.len() - 1].clone();
                if !self.lex.function_words.contains(last.as_str()) && surnames.insert(last.clone()) {
                    add(vec![last], f.kind, &f.name);
                }
            }
            // A two-word name written surname first (`Zhao Minghui` → `Zhao`).
            if f.kind == EntityKind::Person && words.len() == 2 && !self.lex.function_words.contains(words[0].as_str()) {
                let first = words[0].clone();
                if first.chars().count() > 1 && !surnames.contains(&first) {
                    add(vec![first], f.kind, &f.name);
                }
            }
            // An organisation's head alone, after `the` (`the Church said`).
            if f.kind == EntityKind::Organization && words.len() >= 2 && self.lex.org_heads.contains(words[words.len() - 1].as_str()) {
                let head = words[words.len() - 1].clone();
                heads
                    .entry(head)
                    .and_modify(|h| {
                        if h.as_ref() != Some(&f.name) {
                            *h = None;
                        }
                    })
                    .or_insert_with(|| Some(f.name.clone()));
            }
            // A team's plural alone (`Timberwolves`).
            if f.kind == EntityKind::Organization && f.rule == "place-and-team-name" && words.len() >= 2 {
                add(vec![words[words.len() - 1].clone()], f.kind, &f.name);
            }
            // A company's short name: its formal name without the suffixes.
            if f.kind == EntityKind::Organization && words.len() >= 2 {
                let mut short = words.len();
                while short > 1 && (self.lex.corporate_suffixes.contains(words[short - 1].as_str()) || words[short - 1] == ".") {
                    short -= 1;
                    if words[short - 1] != "." && words[..short].iter().all(|w| w.starts_with(char::is_uppercase)) {
                        add(words[..short].to_vec(), f.kind, &f.name);
                    }
                }
            }
            if f.kind == EntityKind::Organization && words.len() >= 2 {
                let initials: String = words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect();
                if initials.chars().count() >= 2 {
                    add(vec![initials], f.kind, &f.name);
                }
            }
        }
        // Gazetteer entries already found: all their aliases count too (handled by gaz matches).
        for list in table.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        }
        let done = self.found.len();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.covered[i] || !self.is_cap(i) {
                i += 1;
                continue;
            }
            // A team's names stand for it throughout, headlines too.
            if let Some((len, name)) = self.teams.at(self, i, n) {
                if (i..i + len).all(|k| !self.covered[k]) && !(len == 1 && i > 0 && self.tok(i - 1) == "in") {
                    self.push(EntityKind::Organization, i, i + len, Some(Cow::Owned(name)), None);
                    i += len;
                    continue;
                }
            }
            // Gazetteer phrases are aliases of themselves, also in headlines,
            // unless the story's person bears the name.
            let surname = |len: usize| len == 1 && !self.surnames.is_empty() && self.surnames.contains_key(self.tok(i));
            if let Some((len, e)) = self.gaz(i).filter(|&(len, _)| !surname(len)) {
                if (i..i + len).all(|k| !self.covered[k]) {
                    self.push_gaz(Unit { start: i, end: i + len, gaz: Some(e) });
                    i += len;
                    continue;
                }
            }
            let hit = table.get(self.tok(i)).and_then(|list| {
                list.iter().find(|(toks, _, _)| {
                    i + toks.len() <= n
                        && toks.iter().enumerate().all(|(k, w)| self.tok(i + k) == w && !self.covered[i + k])
                        && self.contiguous(i, toks.len())
                        // Don't take the first word of a longer unknown name.
                        && !(toks.len() == 1 && self.is_cap(i + 1) && self.contiguous(i, 2) && self.gaz(i + 1).is_none() && !self.headline[i])
                })
            });
            match hit {
                Some((toks, kind, name)) => {
                    let (len, kind, name) = (toks.len(), *kind, name.clone());
                    self.push(kind, i, i + len, Some(name), None);
                    i += len;
                }
                None => {
                    let head = || {
                        i > 0
                            && self.tok(i - 1) == "the"
                            && !(self.is_cap(i + 1) && self.contiguous(i, 2))
                            && !self.tok_is(i + 1, "of")
                            && self.gaz(i).is_none()
                    };
                    if let Some(Some(name)) = heads.get(self.tok(i)).filter(|_| head()) {
                        let name = name.clone();
                        self.push(EntityKind::Organization, i, i + 1, Some(name), None);
                    }
                    i += 1
                }
            }
        }
        self.alias_table = AliasTable { table, surnames, heads, seen, done };
    }

    fn into_entities(self) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        let mut found = self.found;
        // Mentions never overlap, so their starts differ and an unstable sort
        // is stable; the mentions are sorted by position in the found list.
        let mut order: Vec<(usize, u32)> = found.iter().enumerate().map(|(k, f)| (f.span.start, k as u32)).collect();
        order.sort_unstable();
        // The entity of each mention, by kind and name.
        let mut by_key: HashMap<(EntityKind, &str), usize> = HashMap::default();
        let which: Vec<usize> = order
            .iter()
            .map(|&(_, k)| {
                let f = &found[k as usize];
                *by_key.entry((f.kind, f.name.as_ref())).or_insert_with(|| {
                    out.push(Entity {
                        id: String::new(),
                        name: f.name.to_string(),
                        kind: f.kind,
                        description: None,
                        mentions: Vec::new(),
                    });
                    out.len() - 1
                })
            })
            .collect();
        drop(by_key);
        for (&(_, k), idx) in order.iter().zip(which) {
            let f = &mut found[k as usize];
            let e = &mut out[idx];
            e.mentions.push(f.span);
            if e.description.is_none() {
                e.description = f.description.take();
            }
        }
        let mut out = one_kind_per_name(misspelt_names(merge_referents(out)));
        let keep: Vec<bool> = out.iter().map(|e| known_long_form(self.text, self.dateline, e, &out)).collect();
        for (e, keep) in out.iter_mut().zip(keep) {
            if keep {
                continue;
            }
            if let Some(name) = fullest_written_name(self.text, e)
                .or_else(|| long_form_name(self.text, e))
                .or_else(|| group_first_form(self.text, e))
            {
                e.name = name;
            }
        }
        // Ids: the slug of the name, with the kind where two entities share it.
        let mut used: HashSet<String> = HashSet::default();
        for e in &mut out {
            let base = match slugify(&e.name) {
                s if s.is_empty() => e.kind.as_str().to_string(),
                s => s,
            };
            let mut id = base.clone();
            if !used.insert(id.clone()) {
                id = format!("{base}-{}", e.kind.as_str());
                let mut n = 2;
                while !used.insert(id.clone()) {
                    id = format!("{base}-{}-{n}", e.kind.as_str());
                    n += 1;
                }
            }
            e.id = id;
        }
        out
    }
}

/// Entities that are one referent named two ways become one: a person's
/// surname alone (`Hale`, found before `Tom Hale` or inside a title the
/// alias pass could not reach) joins the one person of the story whose
/// last name it is, and an acronym (`FBI`, `JAXA`) joins the one name of
/// the story it abbreviates (`Federal Bureau of Investigation`, `Japan
/// Aerospace Exploration Agency`). Where two candidates fit, nothing is
/// joined.
fn merge_referents(mut out: Vec<Entity>) -> Vec<Entity> {
    let lex = lexicon();
    let mut into: Vec<Option<usize>> = vec![None; out.len()];
    {
        // Indexes of the longer names, so each entity is compared with few others.
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_ends: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
        let mut by_initial: HashMap<(EntityKind, char), Vec<usize>> = HashMap::default();
        // Organisations' names of three words or more, by each of their
        // endings of two words or more (`Gliding Centre`, `Tarvin Gliding Centre`).
        let mut by_ending_org: HashMap<&str, Vec<usize>> = HashMap::default();
        for (j, c) in out.iter().enumerate() {
            if !c.name.contains(' ') {
                continue;
            }
            if c.kind == EntityKind::Organization && c.name.split(' ').nth(2).is_some() {
                let spaces: Vec<usize> = c.name.match_indices(' ').map(|(p, _)| p).collect();
                for &p in &spaces[..spaces.len() - 1] {
                    by_ending_org.entry(&c.name[p + 1..]).or_default().push(j);
                }
            }
            if c.kind == EntityKind::Person {
                if let Some(last) = c.name.rsplit([' ', '-']).next() {
                    by_last.entry(last).or_default().push(j);
                }
                // A hyphenated family name alone (`Tolvek-Hanse`, of `Marta Tolvek-Hanse`).
                if let Some(last) = c.name.rsplit(' ').next().filter(|l| l.contains('-')) {
                    by_last.entry(last).or_default().push(j);
                }
                let words: Vec<&str> = c.name.split(' ').collect();
                if words.len() == 3 {
                    by_ends.entry((words[0], words[2])).or_default().push(j);
                }
            } else if let Some(first) = c.name.chars().next() {
                by_initial.entry((c.kind, first.to_ascii_lowercase())).or_default().push(j);
            }
        }
        let only = |mut it: std::slice::Iter<'_, usize>, fits: &dyn Fn(usize) -> bool| {
            let mut found = it.by_ref().copied().filter(|&j| fits(j));
            match (found.next(), found.next()) {
                (Some(j), None) => Some(j),
                _ => None,
            }
        };
        for (i, e) in out.iter().enumerate() {
            into[i] = if e.name.contains(' ') {
                // A person's name with a middle name left out (`Aretha
                // Franklin`, `Aretha Louise Franklin`).
                let words: Vec<&str> = e.name.split(' ').collect();
                match (e.kind, words.as_slice()) {
                    (EntityKind::Person, [first, last]) => {
                        by_ends.get(&(*first, *last)).and_then(|l| only(l.iter(), &|j| j != i))
                    }
                    // An organisation by the last words of its name, a name
                    // of its own (`Tarvin Gliding Centre` of `Harbour Museum
                    // Tarvin Gliding Centre`), not a head (`Police Department`),
                    // nor, once, where what stands before is a place's or a
                    // people's name (`Ruritania Supreme Court` is one court of
                    // many). A story that names a body in full first and then
                    // by the rest of its name again and again (`the Malawi
                    // Home Office` … `the Home Office` … `the Home Office`)
                    // means that body each time.
                    (EntityKind::Organization, [first, ..]) if !lex.org_heads.contains(first) => {
                        by_ending_org.get(e.name.as_str()).and_then(|l| {
                            only(l.iter(), &|j| {
                                let told_again = e.mentions.len() >= 2
                                    && out[j].mentions.first().zip(e.mentions.first()).is_some_and(|(a, b)| a.start < b.start);
                                j != i
                                    && out[j]
                                        .name
                                        .strip_suffix(e.name.as_str())
                                        .and_then(|r| r.strip_suffix(' '))
                                        .is_some_and(|r| told_again || !is_place_name(lex, r))
                            })
                        })
                    }
                    _ => None,
                }
            } else {
                match e.kind {
                    EntityKind::Person => by_last.get(e.name.as_str()).and_then(|l| only(l.iter(), &|j| j != i)),
                    EntityKind::Organization | EntityKind::Place if is_acronym(&e.name) => {
                        let first = e.name.chars().next().unwrap_or(' ').to_ascii_lowercase();
                        by_initial
                            .get(&(e.kind, first))
                            .and_then(|l| only(l.iter(), &|j| j != i && abbreviates(&e.name, &out[j].name)))
                    }
                    // An island by its name alone (`Tarvo`, `Tarvo Island`).
                    EntityKind::Place => {
                        let first = e.name.chars().next().unwrap_or(' ').to_ascii_lowercase();
                        by_initial.get(&(e.kind, first)).and_then(|l| {
                            only(l.iter(), &|j| {
                                out[j].name.strip_prefix(e.name.as_str()).is_some_and(|r| matches!(r, " Island" | " Isle"))
                            })
                        })
                    }
                    _ => None,
                }
            };
        }
    }
    if into.iter().all(Option::is_none) {
        return out;
    }
    // Each goes to the end of its chain (`Hale` → `Tom Hale` → `Tom A. Hale`).
    let root = |mut j: usize| {
        while let Some(k) = into[j] {
            j = k;
        }
        j
    };
    let roots: Vec<Option<usize>> = (0..out.len()).map(|i| into[i].map(root)).collect();
    for (i, r) in roots.iter().enumerate() {
        if let Some(j) = *r {
            let mentions = std::mem::take(&mut out[i].mentions);
            let description = out[i].description.take();
            let target = &mut out[j];
            target.mentions.extend(mentions);
            if target.description.is_none() {
                target.description = description;
            }
        }
    }
    let mut grown = vec![false; out.len()];
    for j in roots.iter().flatten() {
        grown[*j] = true;
    }
    for (e, _) in out.iter_mut().zip(&grown).filter(|(_, g)| **g) {
        e.mentions.sort_by_key(|s| s.start);
    }
    out.into_iter().zip(roots).filter(|(_, to)| to.is_none()).map(|(e, _)| e).collect()
}

/// `name` is a known place's or people's name, as the gazetteer writes it.
fn is_place_name(lex: &Lexicon, name: &str) -> bool {
    let bare: String = name.split(' ').collect();
    [name.split(' ').next(), name.split([' ', '.']).next()]
        .into_iter()
        .flatten()
        .filter_map(|first| lex.phrases.get(first))
        .flatten()
        .any(|p| lex.entries[p.entry].kind != GazKind::Org && p.tokens.concat() == bare)
}

/// Are two words of names one spelling misspelt: both of five letters or
/// more, one letter apart, and not two given names (`Daniel`, `Daniela`)?
fn misspelt_word(a: &str, b: &str) -> bool {
    let lex = crate::lexicon::lexicon();
    a.chars().count() >= 5 && b.chars().count() >= 5 && one_edit(a, b) && !(lex.given_names.contains(a) && lex.given_names.contains(b))
}

/// A person's name misspelt once is the same person: two people's names
/// of a story that are the same but for one word, where the two spellings
/// of that word are one letter apart (a letter left out, added, changed or
/// two swapped; `Tomas Velanski`, `Tomas Velansky`), and not two given
/// names (`Daniel`, `Daniela`), are one person, under the spelling used
/// more often (the first, as often). A name of one word joins the one
/// person whose last word it is, so misspelt (`Velansky`). Words of five
/// letters or more only.
fn misspelt_names(out: Vec<Entity>) -> Vec<Entity> {
    let words: Vec<Vec<&str>> = out.iter().map(|e| e.name.split(' ').collect()).collect();
    let persons: Vec<usize> = (0..out.len()).filter(|&i| out[i].kind == EntityKind::Person).collect();
    let near = misspelt_word;
    // Two names one letter apart share a form with at most one letter left
    // out (see `one_letter_out`): only names that share one, with the
    // same other words, are compared, not every pair of the story's people.
    let long = |w: &str| w.chars().count() >= 5;
    let mut same_but_one: HashMap<(usize, usize, String), Vec<usize>> = HashMap::default();
    for &i in &persons {
        let w = &words[i];
        for k in (0..w.len()).filter(|&k| long(w[k])) {
            for form in one_letter_out(w[k]) {
                let key: Vec<&str> = w.iter().enumerate().map(|(m, x)| if m == k { form.as_str() } else { x }).collect();
                same_but_one.entry((w.len(), k, key.join(" "))).or_default().push(i);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for group in same_but_one.values_mut() {
        group.dedup();
        for (x, &i) in group.iter().enumerate() {
            pairs.extend(group[x + 1..].iter().map(|&j| (i, j)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    // In the order of the story's people, each pair as it comes.
    let mut into: Vec<Option<usize>> = vec![None; out.len()];
    for (i, j) in pairs {
        let (a, b) = (&words[i], &words[j]);
        let mut diff = (0..a.len()).filter(|&k| a[k] != b[k]);
        let same = match (diff.next(), diff.next()) {
            (Some(k), None) => near(a[k], b[k]),
            _ => false,
        };
        if same && into[i].is_none() && into[j].is_none() {
            let (keep, gone) = if out[j].mentions.len() > out[i].mentions.len() { (j, i) } else { (i, j) };
            into[gone] = Some(keep);
        }
    }
    // One word: the one person whose last word it nearly is.
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
    for &j in persons.iter().filter(|&&j| words[j].len() > 1 && into[j].is_none() && long(words[j][words[j].len() - 1])) {
        for form in one_letter_out(words[j][words[j].len() - 1]) {
            by_last.entry(form).or_default().push(j);
        }
    }
    for &i in &persons {
        if words[i].len() != 1 || into[i].is_some() || !long(words[i][0]) {
            continue;
        }
        let mut fits: Vec<usize> = one_letter_out(words[i][0])
            .filter_map(|form| by_last.get(&form))
            .flatten()
            .copied()
            .filter(|&j| j != i && near(words[i][0], words[j][words[j].len() - 1]))
            .collect();
        fits.sort_unstable();
        fits.dedup();
        if let [j] = fits[..] {
            into[i] = Some(j);
        }
    }
    if into.iter().all(Option::is_none) {
        return out;
    }
    join_misspelt(out, &into)
}

/// Each entity `into` sends to another gives it its mentions (and its
/// description, where it has none) and goes.
fn join_misspelt(mut out: Vec<Entity>, into: &[Option<usize>]) -> Vec<Entity> {
    for i in 0..out.len() {
        if let Some(j) = into[i] {
            let mentions = std::mem::take(&mut out[i].mentions);
            let description = out[i].description.take();
            out[j].mentions.extend(mentions);
            out[j].mentions.sort_by_key(|s| s.start);
            if out[j].description.is_none() {
                out[j].description = description;
            }
        }
    }
    out.into_iter().zip(into).filter(|(_, to)| to.is_none()).map(|(e, _)| e).collect()
}

/// `w`, and `w` with one of its letters left out: two words one letter
/// apart (see [`one_edit`]) have one of these forms in common (a letter
/// changed or two swapped: both without it; one added: the shorter word).
fn one_letter_out(w: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(w.to_string()).chain(w.char_indices().map(move |(k, c)| format!("{}{}", &w[..k], &w[k + c.len_utf8()..])))
}

/// Are `a` and `b` one letter apart: one left out, added or changed, or
/// two neighbours swapped?
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
            diff.len() == 1 || diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
        }
        1 => {
            let k = (0..short.len()).find(|&k| short[k] != long[k]).unwrap_or(short.len());
            short[k..] == long[k + 1..]
        }
        _ => false,
    }
}

/// One name in one story is one referent: where a person's, an
/// organisation's or a place's name was read as two of these kinds in
/// different sentences (a venue as a place here, an organisation there),
/// it takes the kind of most of its mentions (a person's, then an
/// organisation's, between kinds used as often). A people's group keeps
/// its own kind.
fn one_kind_per_name(mut out: Vec<Entity>) -> Vec<Entity> {
    let grouped = |k: EntityKind| k != EntityKind::Group;
    let mut first_of: HashMap<String, usize> = HashMap::default();
    let mut into: Vec<Option<usize>> = vec![None; out.len()];
    for (i, e) in out.iter().enumerate() {
        if !grouped(e.kind) {
            continue;
        }
        match first_of.get(&e.name) {
            Some(&j) => into[i] = Some(j),
            None => {
                first_of.insert(e.name.clone(), i);
            }
        }
    }
    if into.iter().all(Option::is_none) {
        return out;
    }
    for i in 0..out.len() {
        let Some(j) = into[i] else { continue };
        let mentions = std::mem::take(&mut out[i].mentions);
        let description = out[i].description.take();
        // Between kinds used as often, a person's, then an organisation's:
        // a place is what the rules make of a name by its preposition alone.
        let rank = |k: EntityKind| match k {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            _ => 2,
        };
        let (mine, theirs) = (mentions.len(), out[j].mentions.len());
        if mine > theirs || mine == theirs && rank(out[i].kind) < rank(out[j].kind) {
            out[j].kind = out[i].kind;
        }
        out[j].mentions.extend(mentions);
        out[j].mentions.sort_by_key(|s| s.start);
        if out[j].description.is_none() {
            out[j].description = description;
        }
    }
    out.into_iter().zip(into).filter(|(_, to)| to.is_none()).map(|(e, _)| e).collect()
}

/// Does the acronym `short` abbreviate `long`? Its first letter opens
/// `long`, and each of its letters, read backwards, is found in `long`
/// before the one after it, the first letter of a word where it is the
/// acronym's first (the test of Schwartz and Hearst): `ECOWAS` for
/// `Economic Community of West African States`, `JAXA` for `Japan
/// Aerospace Exploration Agency`. Every capitalised word of `long` but
/// its first must give a letter, so `NASA` abbreviates no `NASA Johnson
/// Space Center`.
fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    if initials_spell(&s, long) {
        return true;
    }
    // Each character of `long`, lower-cased, with its word's index and whether it opens it.
    let mut l: Vec<(char, usize, bool)> = Vec::with_capacity(long.len());
    let mut capitals: Vec<bool> = Vec::new();
    for (wi, w) in long.split([' ', '-']).filter(|w| !w.is_empty()).enumerate() {
        if w == short {
            return false; // a name built on the acronym (`NASA Headquarters`)
        }
        capitals.push(w.starts_with(char::is_uppercase));
        for (k, c) in w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).enumerate() {
            l.push((c, wi, k == 0));
        }
    }
    if s.len() < 2 || capitals.len() < 2 {
        return false;
    }
    let mut opened = vec![false; capitals.len()];
    let mut gave = vec![false; capitals.len()];
    let mut li = l.len();
    for (si, &c) in s.iter().enumerate().rev() {
        let Some(p) = (0..li).rev().find(|&p| l[p].0 == c && (si > 0 || p == 0)) else { return false };
        if l[p].2 {
            opened[l[p].1] = true;
        }
        gave[l[p].1] = true;
        li = p;
    }
    // A capitalised word that gives no letter at all is no part of what
    // the acronym stands for (`NASA` is no `National Air and Space Museum`).
    if capitals.iter().zip(&gave).any(|(&c, &g)| c && !g) {
        return false;
    }
    // Half the capitalised words or more give their first letter.
    let caps = capitals.iter().filter(|&&c| c).count();
    let opened_caps = capitals.iter().zip(&opened).filter(|(&c, &o)| c && o).count();
    s.len() >= caps && 2 * opened_caps >= caps
}

/// Do the letters `s` (lower case) spell the initials of `long`'s words?
/// Each capitalised word gives the first letter or the first few letters
/// of itself (`Economic COmmunity` in `ECOWAS`), parts of a hyphenated word
/// count as words (`NATO-Russia`), and a lower-case word (`of`, `and`,
/// `the`, `for`) or an ampersand may give its initial or be skipped:
/// `NBA` for `National Basketball Association`, `KPA` for `Korean
/// People's Army`, but no `NBA` for `National Basketball Arena League`.
fn initials_spell(s: &[char], long: &str) -> bool {
    let words: Vec<Vec<char>> = long
        .split([' ', '-'])
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<Vec<char>>())
        .filter(|w| !w.is_empty())
        .collect();
    // Long names and long acronyms are left to the looser test.
    if s.len() < 2 || words.len() < 2 || words.len() > 12 || s.len() > 8 {
        return false;
    }
    fn spell(s: &[char], words: &[Vec<char>]) -> bool {
        let Some((w, rest)) = words.split_first() else { return s.is_empty() };
        let capital = w[0].is_uppercase();
        if !capital && spell(s, rest) {
            return true;
        }
        // The word's first letters, one or more, open what is left of `s`.
        let most = if capital { w.len() } else { 1 };
        (1..=most.min(s.len())).any(|k| w[..k].iter().flat_map(|c| c.to_lowercase()).eq(s[..k].iter().copied()) && spell(&s[k..], rest))
    }
    spell(s, &words)
}

/// The long form an entity named by an acronym is written with
/// (`Economic Community of West African States`, whose gazetteer name is
/// `ECOWAS`): its longest mention of two words or more that the acronym
/// abbreviates. A reader knows the name from its long form.
fn long_form_name(text: &str, e: &Entity) -> Option<String> {
    if !is_acronym(&e.name) {
        return None;
    }
    let mut best: Option<&str> = None;
    for m in &e.mentions {
        let s = m.of(text);
        if s.contains(char::is_whitespace) && !s.contains(['’', '\'']) && best.is_none_or(|b| s.len() > b.len()) && abbreviates(&e.name, s) {
            best = Some(s);
        }
    }
    best.map(normalize)
}

/// A people's name in the form the story uses most, the first between
/// forms used as often, where its forms are a singular and its plural
/// (`Tarvinians` … `Tarvinian leaders` is `Tarvinians`; `Tarvinian towns`
/// … `Tarvinians` … `a Tarvinian` is `Tarvinian`).
fn group_first_form(text: &str, e: &Entity) -> Option<String> {
    if e.kind != EntityKind::Group || e.mentions.len() < 2 {
        return None;
    }
    let plural_of = |a: &str, b: &str| a.strip_prefix(b).is_some_and(|rest| matches!(rest, "s" | "es"));
    let form = |s: &str| s == e.name || plural_of(s, &e.name) || plural_of(&e.name, s);
    // (count, first start) of each form, in order of first use.
    let mut forms: Vec<(&str, usize, usize)> = Vec::new();
    for m in &e.mentions {
        let s = m.of(text);
        if !form(s) {
            continue;
        }
        match forms.iter_mut().find(|f| f.0 == s) {
            Some(f) => {
                f.1 += 1;
                f.2 = f.2.min(m.start);
            }
            None => forms.push((s, 1, m.start)),
        }
    }
    let best = forms.iter().max_by_key(|f| (f.1, std::cmp::Reverse(f.2)))?.0;
    (best != e.name).then(|| best.to_string())
}

/// An organisation the story writes only as an acronym of its known name
/// (`FAO` for the gazetteer's `Food and Agriculture Organization`) keeps that name: it is
/// the fullest name of the thing, though the story does not spell it out.
/// Not an acronym written with periods (`E.U.`, a house style that names
/// the body as written), nor an agency's credit in the dateline (`(AP)`),
/// nor where the story names another body the acronym abbreviates (the
/// acronym is then that body's, not the known one's).
fn known_long_form(text: &str, dateline: Option<Span>, e: &Entity, all: &[Entity]) -> bool {
    if e.kind != EntityKind::Organization || !e.name.contains(' ') || e.mentions.is_empty() {
        return false;
    }
    let s = e.mentions[0].of(text);
    let acronym_only = is_acronym(s)
        && !s.contains('.')
        && e.mentions.iter().all(|m| m.of(text) == s && !dateline.is_some_and(|d| d.contains(*m)))
        && abbreviates(s, &e.name);
    acronym_only && {
        let initial = s.chars().next();
        !all.iter().any(|o| {
            o.kind == EntityKind::Organization && o.name.chars().next() == initial && o.name != e.name && abbreviates(s, &o.name)
        })
    }
}

/// The fullest name the text writes an entity with, where its name is not
/// written in it (a known name's canonical form: `United States` for a
/// story that only writes `U.S.`): its longest mention. `None` where the
/// name is written, or differs from what is written in case alone.
fn fullest_written_name(text: &str, e: &Entity) -> Option<String> {
    let mut best: Option<&str> = None;
    for m in &e.mentions {
        let s = m.of(text);
        if s == e.name || s.eq_ignore_ascii_case(&e.name) {
            return None;
        }
        if best.is_none_or(|b| s.chars().count() > b.chars().count()) {
            best = Some(s);
        }
    }
    let best = best?;
    // Not a possessive's or a shouted dateline's form.
    (!best.contains(['’', '\''])).then(|| normalize(best))
}

/// Collapses whitespace and straightens apostrophes in a name.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`normalize`], borrowing `s` when it is already normal (words joined by single spaces).
fn normalize_cow(s: &str) -> Cow<'_, str> {
    let mut space = true;
    let normal = if s.is_ascii() {
        s.bytes().all(|b| {
            let ws = b.is_ascii_whitespace() || b == 0x0b;
            let ok = !ws || (b == b' ' && !space);
            space = ws;
            ok
        })
    } else {
        s.chars().all(|c| {
            let ws = c.is_whitespace();
            let ok = !ws || (c == ' ' && !space);
            space = ws;
            ok
        })
    };
    if normal && (!space || s.is_empty()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalize(s))
    }
}

#[cfg(test)]
mod prefix_tests {
    use crate::analysis::analyze;
    use crate::entities::EntityKind;
    use crate::read::{read_str, Format};

    fn entities(body: &str) -> Vec<(String, EntityKind)> {
        let a = read_str("t.txt", Format::Text, format!("Title\n{body}\n")).unwrap();
        analyze(&a).entities.into_iter().map(|e| (e.name, e.kind)).collect()
    }

    #[test]
    fn an_institutions_complement_keeps_its_and_and_of() {
        use EntityKind::Organization as Org;
        let found = entities("Staff at the Institute for Coastal and Polar Research said so.");
        assert!(found.contains(&("Institute for Coastal and Polar Research".to_string(), Org)), "{found:?}");
        let found = entities("The Council for the Protection of Moorland wrote on Monday.");
        assert!(found.contains(&("Council for the Protection of Moorland".to_string(), Org)), "{found:?}");
        // Two institutions, not one.
        let found = entities("Researchers at the Institute of Tides and Kenya State University met.");
        assert!(found.contains(&("Institute of Tides".to_string(), Org)), "{found:?}");
        let found = entities("The Ministry of Tides and Minister Ola Varnsted met.");
        assert!(!found.iter().any(|(n, _)| n.contains("and Minister")), "{found:?}");
        // A second `of` after no `for`: the name ends at the first.
        let found = entities("The Bank of Tarvin of Brelkton was sold.");
        assert!(!found.iter().any(|(n, _)| n == "Bank of Tarvin of Brelkton"), "{found:?}");
    }

    #[test]
    fn a_name_misspelt_once_is_the_same_person() {
        let found = entities("Tomas Velanski won the race. Tomas Velansky said he was tired. Velanski left. Daniel Orvath and Daniela Orvath met. Orvathy came.");
        let tomas: Vec<_> = found.iter().filter(|(n, _)| n.starts_with("Tomas")).collect();
        assert_eq!(tomas.len(), 1, "{found:?}");
        assert_eq!(tomas[0].0, "Tomas Velanski", "{found:?}");
        assert_eq!(found.iter().filter(|(n, _)| n.starts_with("Daniel")).count(), 2, "{found:?}");
        assert!(super::one_edit("Velanski", "Velansky") && super::one_edit("Velanski", "Velansik") && super::one_edit("Velanski", "Velnski"));
        assert!(!super::one_edit("Velanski", "Velanski") && !super::one_edit("Velanski", "Volansky"));
    }

    #[test]
    fn a_town_and_its_region_after_a_named_institution_are_where_it_stands() {
        let found = entities("Gliders went to the Tarvin Gliding Museum of Dunmore, Montana, on Monday.");
        assert!(found.contains(&("Tarvin Gliding Museum".to_string(), EntityKind::Organization)), "{found:?}");
        let found = entities("He taught at the University of Dunmore, Montana, for years.");
        assert!(found.iter().any(|(n, _)| n.starts_with("University of Dunmore")), "{found:?}");
    }

    #[test]
    fn an_institution_after_and_may_run_past_its_head() {
        let found = entities("The plane went to the Tarvin Air and Sea Museum Ola Brandt Centre on Monday.");
        assert!(found.contains(&("Tarvin Air and Sea Museum Ola Brandt Centre".to_string(), EntityKind::Organization)), "{found:?}");
    }

    #[test]
    fn a_currency_code_before_its_sign_is_no_name() {
        let found = entities("Exports to Kenya were worth NZ$40 million and US$3 million last year.");
        assert!(found.iter().all(|(n, _)| n != "NZ" && n != "US"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Kenya"), "{found:?}");
    }

    #[test]
    fn a_hyphenated_family_name_alone_is_the_person() {
        let found = entities("Marta Tolvek-Hanse won the vote on Monday. Tolvek-Hanse said she was pleased.");
        assert_eq!(found, vec![("Marta Tolvek-Hanse".to_string(), EntityKind::Person)]);
        let found = entities("Ida Brenholt-Vass and Tomas Vass met. Vass said so.");
        assert!(found.contains(&("Tomas Vass".to_string(), EntityKind::Person)), "{found:?}");
    }

    #[test]
    fn a_rank_after_a_title_is_part_of_the_title() {
        let found = entities("The report came from Chief Constable Brenna Oakhart on Monday. Oakhart said it was clear.");
        assert!(found.contains(&("Brenna Oakhart".to_string(), EntityKind::Person)), "{found:?}");
    }

    #[test]
    fn names_joined_by_a_hyphen_before_a_head_are_one_body() {
        let found = entities("Ministers met at the NATO-Kenya Council and the Tarvin-Orlan Joint Commission on Monday.");
        assert!(found.contains(&("NATO-Kenya Council".to_string(), EntityKind::Organization)), "{found:?}");
        assert!(found.contains(&("Tarvin-Orlan Joint Commission".to_string(), EntityKind::Organization)), "{found:?}");
        // Two names, then no body's head: the names stay apart.
        let found = entities("Troops patrolled the Kenya-Uganda border, and Franco-German talks went on.");
        assert!(found.contains(&("Kenya".to_string(), EntityKind::Place)), "{found:?}");
        assert!(found.contains(&("Uganda".to_string(), EntityKind::Place)), "{found:?}");
    }

    #[test]
    fn a_place_head_ends_a_places_name() {
        let found = entities("Floods reached Ostley Vale overnight, and homes in Brannock Springs were cut off.");
        assert!(found.contains(&("Ostley Vale".to_string(), EntityKind::Place)), "{found:?}");
        assert!(found.contains(&("Brannock Springs".to_string(), EntityKind::Place)), "{found:?}");
    }

    #[test]
    fn place_prefixes_and_named_events() {
        let found = entities("The crew was rescued off Cape Breton as the remnants of Hurricane Fiona moved north.");
        assert!(found.contains(&("Cape Breton".to_string(), EntityKind::Place)), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n.contains("Fiona")), "{found:?}");
        let found = entities("Climbers returned from Mount Kenya on Friday, officials said.");
        assert!(found.contains(&("Mount Kenya".to_string(), EntityKind::Place)), "{found:?}");
    }
}

#[cfg(test)]
mod referent_tests {
    use super::abbreviates;
    use crate::analysis::analyze;
    use crate::read::{read_str, Format};

    #[test]
    fn acronyms_abbreviate_their_long_forms() {
        assert!(abbreviates("FBI", "Federal Bureau of Investigation"));
        assert!(abbreviates("ECOWAS", "Economic Community of West African States"));
        assert!(abbreviates("JAXA", "Japan Aerospace Exploration Agency"));
        assert!(abbreviates("U.N.", "United Nations"));
        assert!(!abbreviates("NASA", "NASA Headquarters"));
        assert!(!abbreviates("FBI", "Federal Reserve"));
        assert!(!abbreviates("CIA", "Central Intelligence"));
        // Initials, with a word's first few letters, hyphenated parts and
        // lower-case words skipped or counted.
        assert!(abbreviates("TBL", "Tarvin Basketball League"));
        assert!(abbreviates("KVA", "Korlan Volunteers' Army"));
        assert!(abbreviates("MAT-BC", "Marsh-Tarvin Border Commission") || abbreviates("MTBC", "Marsh-Tarvin Border Commission"));
        assert!(abbreviates("COFEM", "Council of Fen Mayors"));
        assert!(abbreviates("TOAF", "Tarvin Office of Arts and Fisheries"));
        // A capitalised word that gives no letter: another name.
        assert!(!abbreviates("TASA", "Tarvin Air and Sea Museum"));
        assert!(!abbreviates("TBL", "Tarvin Basketball Arena League"));
    }

    #[test]
    fn an_acronym_is_named_by_the_long_form_the_story_writes() {
        let found = entities("The Tarvin Coastal Fisheries Board (TCFB) met. The TCFB said so, and TCFB staff left.");
        assert!(found.contains(&("Tarvin Coastal Fisheries Board".to_string(), 4)), "{found:?}");
        let found = entities("He played in the Orlan Basketball League last year. This OBL season starts soon. OBL fans wait.");
        assert!(found.contains(&("Orlan Basketball League".to_string(), 3)), "{found:?}");
    }

    #[test]
    fn an_organisation_by_the_last_words_of_its_name_is_the_same() {
        let found = entities("The jet went to the Harbour Museum Ola Brandt Wing Centre in May. Visitors to the Brandt Wing Centre cheered.");
        assert!(found.contains(&("Harbour Museum Ola Brandt Wing Centre".to_string(), 2)), "{found:?}");
        // A court of one place is not the court of another.
        let found = entities("The Uganda Supreme Court met in May. The Supreme Court of Malawi did not.");
        assert!(found.iter().any(|(n, c)| n == "Uganda Supreme Court" && *c == 1), "{found:?}");
        // Named in full first, then by the rest of its name again and again:
        // the same body.
        let found = entities("The Malawi Home Office wrote to them in May. The Home Office said so, and the Home Office paid.");
        assert!(found.contains(&("Malawi Home Office".to_string(), 3)), "{found:?}");
        // Once, after a place's name, it may be another body.
        let found = entities("The Malawi Home Office wrote to them in May. The Home Office said so.");
        assert!(!found.contains(&("Malawi Home Office".to_string(), 2)), "{found:?}");
    }

    #[test]
    fn an_acronym_alone_keeps_its_known_long_name() {
        let found = entities("Talks ended on Monday, the FAO said. FAO staff left.");
        assert!(found.contains(&("Food and Agriculture Organization".to_string(), 2)), "{found:?}");
        let found = entities("The Tarvin Coastal Board (TCB) met. TCB staff left.");
        assert!(found.contains(&("Tarvin Coastal Board".to_string(), 3)), "{found:?}");
        // Written with periods, it is named as written.
        let found = entities("Talks ended on Monday, the E.U. said.");
        assert!(found.contains(&("E.U.".to_string(), 1)), "{found:?}");
        // The story's own body with those initials is not the known one.
        let found = entities("The Forest Action Office met in May. FAO officials said the trees would be cut.");
        assert!(!found.iter().any(|(n, _)| n == "Food and Agriculture Organization"), "{found:?}");
    }

    fn entities(body: &str) -> Vec<(String, usize)> {
        let a = read_str("t.txt", Format::Text, format!("Title\n{body}\n")).unwrap();
        analyze(&a).entities.into_iter().map(|e| (e.name, e.mentions.len())).collect()
    }

    #[test]
    fn a_leading_the_is_no_part_of_a_name() {
        let found = entities("He wrote for The Tarvin Herald Company and read The Guardian daily.");
        assert!(found.iter().any(|(n, _)| n == "Tarvin Herald Company"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Guardian"), "{found:?}");
    }

    #[test]
    fn an_organisations_head_after_the_stands_for_it() {
        let found = entities("The Tarvin Baptist Church held a rally. Later the Church said it would stop.");
        assert!(found.contains(&("Tarvin Baptist Church".to_string(), 2)), "{found:?}");
    }

    #[test]
    fn political_camps_are_groups() {
        let a = read_str("t.txt", Format::Text, "Title\nThe pro-Kenya camp and anti-establishment localists gained. Pro-democracy rallies grew; a pro-rata cut and anti-inflammatory pills did not.\n".to_string()).unwrap();
        let found: Vec<_> = analyze(&a).entities.into_iter().filter(|e| e.kind == crate::entities::EntityKind::Group).map(|e| e.name).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        for want in ["pro-Kenya", "anti-establishment", "localists", "pro-democracy"] {
            assert!(found.iter().any(|n| n == want), "{want} in {found:?}");
        }
        // One camp however inflected, named by its most used form.
        let a = read_str("t.txt", Format::Text, "Title\nThe anti-democrats won. Two anti-democratic parties and anti-democrats lost; anti-democracy rallies grew.\n".to_string()).unwrap();
        let found: Vec<_> = analyze(&a).entities.into_iter().filter(|e| e.kind == crate::entities::EntityKind::Group).map(|e| (e.name, e.mentions.len())).collect();
        assert_eq!(found, [("anti-democrats".to_string(), 4)], "{found:?}");
    }

    #[test]
    fn a_group_is_named_as_the_story_writes_it_most() {
        let a = read_str("t.txt", Format::Text, "Title\nTalks between Israelis and Kenyans began. Israeli and Kenyan leaders met.\n".to_string()).unwrap();
        let found: Vec<_> = analyze(&a).entities.into_iter().filter(|e| e.kind == crate::entities::EntityKind::Group).map(|e| (e.name, e.mentions.len())).collect();
        assert!(found.contains(&("Israelis".to_string(), 2)), "{found:?}");
        assert!(found.contains(&("Kenyans".to_string(), 2)), "{found:?}");
        let a = read_str("t.txt", Format::Text, "Title\nKenyan farmers sold maize. Many Kenyans bought it from a Kenyan firm.\n".to_string()).unwrap();
        let found: Vec<_> = analyze(&a).entities.into_iter().filter(|e| e.kind == crate::entities::EntityKind::Group).map(|e| (e.name, e.mentions.len())).collect();
        assert_eq!(found, [("Kenyan".to_string(), 3)], "{found:?}");
    }

    #[test]
    fn an_island_by_its_name_alone_is_the_island() {
        let found = entities("Boats reached Velmora Island on Monday. Fishermen in Velmora said the storm had passed.");
        assert!(found.contains(&("Velmora Island".to_string(), 2)), "{found:?}");
    }

    #[test]
    fn one_name_has_one_kind() {
        let found = entities(
            "Fans filled the Brannock Dome on Monday. Police at Brannock Dome said so. The Brannock Dome, a firm, said it would pay.",
        );
        assert_eq!(found.iter().filter(|(n, _)| n == "Brannock Dome").count(), 1, "{found:?}");
    }

    #[test]
    fn one_referent_is_listed_once() {
        let found = entities(
            "The Tarvin Flood Agency sent pumps. Sheriff Hale said TFA crews came. Later Tom Hale thanked them.",
        );
        assert!(found.contains(&("Tarvin Flood Agency".to_string(), 2)), "{found:?}");
        assert!(found.contains(&("Tom Hale".to_string(), 2)), "{found:?}");
        let found = entities("Marta Louise Kowalczyk spoke first. Then Marta Kowalczyk, 52, said so.");
        assert!(found.contains(&("Marta Louise Kowalczyk".to_string(), 2)), "{found:?}");
    }
}

#[cfg(test)]
mod misspelt_tests {
    use super::{misspelt_names, misspelt_word, Entity, EntityKind};
    use crate::span::Span;

    /// [`misspelt_names`] as first written: every pair of people compared.
    fn every_pair(out: Vec<Entity>) -> Vec<Entity> {
        let words: Vec<Vec<&str>> = out.iter().map(|e| e.name.split(' ').collect()).collect();
        let persons: Vec<usize> = (0..out.len()).filter(|&i| out[i].kind == EntityKind::Person).collect();
        let near = misspelt_word;
        let mut into: Vec<Option<usize>> = vec![None; out.len()];
        for (pi, &i) in persons.iter().enumerate() {
            for &j in &persons[pi + 1..] {
                let (a, b) = (&words[i], &words[j]);
                let diff: Vec<usize> = (0..a.len().min(b.len())).filter(|&k| a[k] != b[k]).collect();
                let same = a.len() == b.len() && diff.len() == 1 && near(a[diff[0]], b[diff[0]]);
                if same && into[i].is_none() && into[j].is_none() {
                    let (keep, gone) = if out[j].mentions.len() > out[i].mentions.len() { (j, i) } else { (i, j) };
                    into[gone] = Some(keep);
                }
            }
        }
        for &i in &persons {
            if words[i].len() != 1 || into[i].is_some() {
                continue;
            }
            let mut fits = persons
                .iter()
                .filter(|&&j| j != i && into[j].is_none() && words[j].len() > 1 && near(words[i][0], words[j][words[j].len() - 1]));
            if let (Some(&j), None) = (fits.next(), fits.next()) {
                into[i] = Some(j);
            }
        }
        super::join_misspelt(out, &into)
    }

    const WORDS: &[&str] =
        &["Velanski", "Velansky", "Velnski", "Vleanski", "Melanski", "Orvath", "Orvathy", "Orvat", "Daniel", "Daniela", "Tomas", "Lee", "Ann", "Ánges", "Ánge"];

    proptest::proptest! {
        #[test]
        fn only_names_sharing_a_form_are_compared_and_nothing_changes(
            people in proptest::collection::vec(
                (proptest::collection::vec(0..WORDS.len(), 1..4), 1usize..4, proptest::bool::ANY),
                0..24,
            )
        ) {
            let mut at = 0;
            let entities: Vec<Entity> = people
                .iter()
                .map(|(words, count, person)| {
                    let mentions = (0..*count).map(|_| { at += 10; Span::new(at, at + 5) }).collect();
                    let name = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
                    let kind = if *person { EntityKind::Person } else { EntityKind::Organization };
                    Entity { id: String::new(), name, kind, description: None, mentions }
                })
                .collect();
            proptest::prop_assert_eq!(misspelt_names(entities.clone()), every_pair(entities));
        }
    }
}
