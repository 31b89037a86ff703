//! The library's search index: [`search`](crate::search) for a library too
//! big to load, split into small files the browser fetches on demand, as
//! Pagefind and tinysearch do.
//!
//! A site builder calls [`build`] once over every analysed article and
//! writes [`Index::files`] under the site's root. A query then costs the
//! root (which the page can embed), one or two word shards and one or two
//! name shards, and one fragment per article shown.
//!
//! # Files
//!
//! Every file is JSON. Files whose name carries a hash (`HASH`: ten hex
//! digits of [`content_hash`] of the file's bytes) never change once
//! written and can be cached for ever; the others are named by a stable id.
//!
//! - `search/root.json` ([`ROOT_FILE`]), the entry file, under a name that
//!   does not change, so that pages need not name it and a new article
//!   changes no page but the library's: [`Root`]: the format version ([`FORMAT`]),
//!   the number of articles, the word-shard table and the name-shard table
//!   (each entry `[first term, last term, HASH]`, terms sorted and the
//!   shards' ranges disjoint), and up to 30 shared names (names in more than
//!   one article: id, name, kind, number of articles), most articles first.
//! - `search/w-HASH.json`: a word shard: `{"terms": [[term, [doc, count,
//!   doc, count…]]…]}`. Terms are the words of the articles' readable text
//!   (their blocks, as [`search::matches_in`] reads them), split where a
//!   letter or digit meets anything else and folded as [`Query`] folds
//!   (case, apostrophes), sorted. A posting is an article and the number of
//!   times the term occurs in it; the articles are their doc ids read as
//!   numbers (ten hex digits: below 2^40), in increasing order, each written
//!   as the difference from the one before (the first as itself), and
//!   written back as ten hex digits when read. Consecutive terms fill a
//!   shard up to `shard_bytes` ([`DEFAULT_SHARD_BYTES`]): a term that would
//!   take it past starts the next shard, and one term with a very long
//!   posting list is a bigger shard of its own. Name shards are filled the
//!   same way.
//! - `search/n-HASH.json`: a name shard: `{"terms": [[term, [entity…]]…],
//!   "entities": [record…]}`: the folded words of every entity's name and of
//!   every form its mentions take, each with indexes into `entities`, whose
//!   records ([`EntityRecord`]) give the id, name, kind, description (the
//!   first one any article gives), number of articles, total mentions, up to
//!   five articles (slug, title, mentions; most mentions first) and the forms
//!   of the name. A record is repeated in every shard that has one of its
//!   words.
//! - `search/e/ID.json`, one per entity id ([`EntityFile`]): every article
//!   that names it (doc id, slug, title, published date, mentions), newest
//!   first, and the library timeline of the name: every timeline event of
//!   those articles (ISO and human date, label, its article as an index into
//!   the file's articles, its index in that article's timeline), sorted by
//!   date (the earliest day it covers, then the ISO form), then article
//!   slug, then order in the article; `names_it` tells whether the event's
//!   sentence mentions the entity itself.
//! - `search/f/DOCID.json`, one per article ([`Fragment`]): slug, title,
//!   published date, place and the readable text, one line per block, for
//!   the snippets ([`article_hit`]).
//!
//! Doc ids ([`doc_ids`]) are ten hex digits of the hash of the slug: an
//! article keeps its id, and its fragment its name and bytes, when other
//! articles come or go (unless two slugs' hashes collide: see [`doc_ids`]).
//!
//! # Searching
//!
//! [`Root::files_for`] names the shards a query needs; [`search`] answers
//! from them with the entity hits and the doc ids of the articles that have
//! every word of the query, best first; [`article_hit`] checks the phrase in
//! an article's fragment and makes its snippets. The results are those of
//! [`search::search`] over the same articles, with these differences: an
//! entity counts every article that names it (its record's counts), even
//! when the form that matched appears in only some of them, and its name,
//! kind and description are the first any article gives (not the first of
//! the articles that matched); `EntityHit::articles` lists at most five
//! articles, most mentions first ([`Found::entity_counts`] has the totals);
//! and a query with no letter or digit finds nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::entities::EntityKind;
use crate::search::{self, ArticleHit, EntityHit, Query, Searchable};
use crate::span::Span;

/// The version of the file format, in the root.
pub const FORMAT: u32 = 1;
/// The size a shard is filled to, in bytes of JSON.
pub const DEFAULT_SHARD_BYTES: usize = 48 * 1024;
/// The entry file: the root of the index.
pub const ROOT_FILE: &str = "search/root.json";
/// Shared names listed in the root.
const SHARED: usize = 30;
/// Articles listed in an entity's record.
const TOP: usize = 5;

/// The FNV-1a 64 hash of `bytes`, its top 40 bits as ten hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:010x}", h >> 24)
}

/// A built index: the files to write, paths relative to the site's root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    /// The root's JSON, for a page to embed.
    pub root: String,
    /// Where the root is written: [`ROOT_FILE`].
    pub root_file: String,
    /// Every file, the root included, sorted by path: `(path, JSON)`.
    pub files: Vec<(String, String)>,
}

/// A shard in the root's tables: `[first term, last term, hash]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRange(pub String, pub String, pub String);

impl ShardRange {
    /// Whether the shard can hold `word` (`prefix`: a term starting with it).
    fn may_hold(&self, word: &str, prefix: bool) -> bool {
        let (first, last) = (self.0.as_str(), self.1.as_str());
        if prefix {
            last >= word && (first <= word || first.starts_with(word))
        } else {
            first <= word && word <= last
        }
    }
}

/// A name in more than one article, in the root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedName {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Number of articles that name it.
    pub articles: usize,
}

/// The root file: what every query starts from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Root {
    /// [`FORMAT`].
    pub v: u32,
    /// Number of articles in the library.
    pub articles: usize,
    /// Word shards, in term order.
    pub words: Vec<ShardRange>,
    /// Name shards, in term order.
    pub names: Vec<ShardRange>,
    /// Names shared by articles, most articles first.
    pub shared: Vec<SharedName>,
}

/// The path of the word shard with hash `hash`.
pub fn word_file(hash: &str) -> String {
    format!("search/w-{hash}.json")
}

/// The path of the name shard with hash `hash`.
pub fn name_file(hash: &str) -> String {
    format!("search/n-{hash}.json")
}

/// The path of an entity's file ([`EntityFile`]).
pub fn entity_file(id: &str) -> String {
    format!("search/e/{id}.json")
}

/// The path of an article's fragment ([`Fragment`]).
pub fn fragment_file(doc: &str) -> String {
    format!("search/f/{doc}.json")
}

impl Root {
    /// Reads a root, checking its format version.
    pub fn from_json(json: &str) -> Result<Root, String> {
        let root: Root = parse(json, "search root")?;
        if root.v != FORMAT {
            return Err(format!("search root: format {} where {FORMAT} is understood", root.v));
        }
        Ok(root)
    }

    /// The word and name shards a query needs, word shards first, each once.
    /// None when the query has no word (see [`Query::words`]).
    pub fn files_for(&self, q: &Query) -> Vec<String> {
        let words = q.words();
        let mut out: Vec<String> = Vec::new();
        for (table, path) in [(&self.words, word_file as fn(&str) -> String), (&self.names, name_file)] {
            for (i, w) in words.iter().enumerate() {
                let prefix = i + 1 == words.len();
                for s in table.iter().filter(|s| s.may_hold(w, prefix)) {
                    let p = path(&s.2);
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }
}

/// A word shard (`search/w-HASH.json`).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct WordShard {
    terms: Vec<(String, Vec<u64>)>,
}

/// A name shard (`search/n-HASH.json`).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct NameShard {
    terms: Vec<(String, Vec<u32>)>,
    entities: Vec<EntityRecord>,
}

/// An entity in a name shard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Number of articles that name it.
    pub articles: usize,
    /// Mentions in all of them.
    pub mentions: usize,
    /// Up to five articles, most mentions first: slug, title, mentions.
    pub top: Vec<(String, String, usize)>,
    /// The other forms its mentions take (white space collapsed), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
}

/// An entity's file (`search/e/ID.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityFile {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Every article that names it, newest first (undated last, then by slug).
    pub articles: Vec<EntityArticle>,
    /// Every timeline event of those articles, by date, then slug, then order.
    pub timeline: Vec<LibraryEvent>,
}

/// An article that names an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityArticle {
    pub doc: String,
    pub slug: String,
    pub title: String,
    /// ISO date (`2025-05-06`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub mentions: usize,
}

/// One event of the library timeline of a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryEvent {
    /// The date's ISO form ([`DateValue::iso`](crate::dates::DateValue::iso)).
    pub date: String,
    /// Its human form (`6 May 2025`, `the 1990s`).
    pub human: String,
    pub label: String,
    /// Its article, as an index into [`EntityFile::articles`] (see
    /// [`EntityFile::article_of`]): slug, title, doc id there.
    pub article: usize,
    /// The event's index in its article's `Analysis::timeline`.
    pub event: usize,
    /// Whether the event's sentence mentions the entity.
    pub names_it: bool,
}

/// An article's fragment (`search/f/DOCID.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub slug: String,
    pub title: String,
    /// ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The readable text: one line per block (a line break inside a block
    /// is a space here, so a match never runs from one block into the next).
    pub text: String,
}

impl EntityFile {
    /// Reads an entity's file; an event whose article is not listed is an error.
    pub fn from_json(json: &str) -> Result<EntityFile, String> {
        let file: EntityFile = parse(json, "entity file")?;
        if file.timeline.iter().any(|e| e.article >= file.articles.len()) {
            return Err(format!("entity file {}: an event of an article it does not list", file.id));
        }
        Ok(file)
    }

    /// The article an event of the timeline is told in.
    pub fn article_of(&self, event: &LibraryEvent) -> Option<&EntityArticle> {
        self.articles.get(event.article)
    }
}

impl Fragment {
    pub fn from_json(json: &str) -> Result<Fragment, String> {
        parse(json, "article fragment")
    }
}

fn parse<'a, T: Deserialize<'a>>(json: &'a str, what: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("{what}: not valid JSON for this format: {e}"))
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("index types serialise")
}

/// Each slug's doc id: ten hex digits of [`content_hash`] of the slug.
/// Where several slugs' hashes collide (or a slug comes twice), the first
/// in slug order keeps its hash and each other one takes the hash of
/// `slug#1`, `slug#2`… (the first not taken), in slug order: only the
/// articles of a collision can see their id change when one is added.
pub fn doc_ids(slugs: &[&str]) -> Vec<String> {
    ids_of_length(slugs, 10)
}

fn ids_of_length(slugs: &[&str], len: usize) -> Vec<String> {
    let hash = |s: &str| content_hash(s.as_bytes())[..len].to_string();
    let plain: Vec<String> = slugs.iter().map(|s| hash(s)).collect();
    let mut order: Vec<usize> = (0..slugs.len()).collect();
    order.sort_by(|&a, &b| slugs[a].cmp(slugs[b]).then(a.cmp(&b)));
    // Every hash keeps its first owner in slug order; the others probe.
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for &i in &order {
        owner.entry(plain[i].as_str()).or_insert(i);
    }
    let mut used: HashSet<String> = plain.iter().cloned().collect();
    let mut out = plain.clone();
    for &i in &order {
        if owner[plain[i].as_str()] == i {
            continue;
        }
        let mut n = 1;
        out[i] = loop {
            let id = hash(&format!("{}#{n}", slugs[i]));
            if used.insert(id.clone()) {
                break id;
            }
            n += 1;
        };
    }
    out
}

/// The words of `text`, folded: runs of letters and digits.
fn words_of(text: &str, mut each: impl FnMut(String)) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(search::fold(c));
        } else if !word.is_empty() {
            each(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        each(word);
    }
}

/// Runs of white space as one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn iso_day(d: time::Date) -> String {
    crate::dates::DateValue::Day(d).iso()
}

/// Builds the index with shards of about [`DEFAULT_SHARD_BYTES`].
pub fn build(docs: &[Searchable]) -> Index {
    build_with(docs, DEFAULT_SHARD_BYTES)
}

/// An entity, gathered from every article.
struct Gathered<'a> {
    name: &'a str,
    kind: EntityKind,
    description: Option<&'a str>,
    /// Index into the docs, mentions.
    articles: Vec<(usize, usize)>,
    forms: BTreeSet<String>,
}

/// Builds the index, filling shards to about `shard_bytes` of JSON.
pub fn build_with(docs: &[Searchable], shard_bytes: usize) -> Index {
    let slugs: Vec<&str> = docs.iter().map(|d| d.article.slug.as_str()).collect();
    let ids = doc_ids(&slugs);
    let mut files: Vec<(String, String)> = Vec::new();

    // Fragments and postings.
    let mut postings: BTreeMap<String, Vec<(&str, u32)>> = BTreeMap::new();
    for (d, id) in docs.iter().zip(&ids) {
        let a = d.article;
        let lines: Vec<String> = a.blocks.iter().map(|b| b.span().of(&a.plain).replace('\n', " ")).collect();
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for line in &lines {
            words_of(line, |w| *counts.entry(w).or_default() += 1);
        }
        for (term, n) in counts {
            postings.entry(term).or_default().push((id.as_str(), n));
        }
        let fragment = Fragment {
            slug: a.slug.clone(),
            title: a.title.clone(),
            published: a.published.map(iso_day),
            place: a.place.clone(),
            text: lines.join("\n"),
        };
        files.push((fragment_file(id), to_json(&fragment)));
    }
    let words = word_shards(&postings, shard_bytes, &mut files);

    // Entities.
    let mut gathered: BTreeMap<&str, Gathered> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for e in &d.analysis.entities {
            let g = gathered.entry(&e.id).or_insert_with(|| Gathered {
                name: &e.name,
                kind: e.kind,
                description: None,
                articles: Vec::new(),
                forms: BTreeSet::new(),
            });
            if g.description.is_none() {
                g.description = e.description.as_deref().filter(|s| !s.is_empty());
            }
            g.articles.push((i, e.mentions.len()));
            for m in &e.mentions {
                g.forms.insert(collapse(m.of(&d.article.plain)));
            }
        }
    }
    let mut records: BTreeMap<&str, EntityRecord> = BTreeMap::new();
    let mut name_terms: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (&id, g) in &gathered {
        let mut top = g.articles.clone();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = top.iter().take(TOP).map(|&(i, n)| (docs[i].article.slug.clone(), docs[i].article.title.clone(), n)).collect();
        let name = g.name.to_string();
        let forms: Vec<String> = g.forms.iter().filter(|f| **f != collapse(&name)).cloned().collect();
        words_of(&name, |w| {
            name_terms.entry(w).or_default().insert(id);
        });
        for f in &forms {
            words_of(f, |w| {
                name_terms.entry(w).or_default().insert(id);
            });
        }
        let record = EntityRecord {
            id: id.to_string(),
            name,
            kind: g.kind,
            description: g.description.map(str::to_string),
            articles: g.articles.len(),
            mentions: g.articles.iter().map(|a| a.1).sum(),
            top,
            forms,
        };
        files.push((entity_file(id), to_json(&entity_file_of(docs, &ids, &g.articles, id, &record))));
        records.insert(id, record);
    }
    let names = name_shards(&name_terms, &records, shard_bytes, &mut files);

    let mut shared: Vec<&EntityRecord> = records.values().filter(|r| r.articles > 1).collect();
    shared.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)).then(a.id.cmp(&b.id)));
    let shared = shared
        .into_iter()
        .take(SHARED)
        .map(|r| SharedName { id: r.id.clone(), name: r.name.clone(), kind: r.kind, articles: r.articles })
        .collect();
    let root = to_json(&Root { v: FORMAT, articles: docs.len(), words, names, shared });
    let root_file = ROOT_FILE.to_string();
    files.push((root_file.clone(), root.clone()));
    files.sort();
    Index { root, root_file, files }
}

/// Splits the sorted terms into word shards, writing them to `files`.
fn word_shards(postings: &BTreeMap<String, Vec<(&str, u32)>>, shard_bytes: usize, files: &mut Vec<(String, String)>) -> Vec<ShardRange> {
    let mut out = Vec::new();
    // The shard's terms, first and last, and their JSON.
    let mut shard: Option<(&str, &str, Vec<String>)> = None;
    let mut size = 0;
    let mut flush = |(first, last, entries): (&str, &str, Vec<String>)| {
        let json = format!("{{\"terms\":[{}]}}", entries.join(","));
        let hash = content_hash(json.as_bytes());
        files.push((word_file(&hash), json));
        ShardRange(first.to_string(), last.to_string(), hash)
    };
    for (term, list) in postings {
        let mut ids: Vec<(u64, u32)> = list.iter().map(|&(d, n)| (doc_number(d).expect("doc ids are hex"), n)).collect();
        ids.sort_unstable();
        let mut flat = Vec::with_capacity(ids.len() * 2);
        let mut prev = 0;
        for (id, n) in ids {
            flat.push(id - prev);
            flat.push(u64::from(n));
            prev = id;
        }
        let entry = to_json(&(term, flat));
        // A term that would take the shard past its size starts the next
        // one: a shard holds a run of terms under the size, or one term
        // bigger than it alone.
        if shard.is_some() && size + entry.len() + 1 > shard_bytes {
            out.push(flush(shard.take().expect("a shard")));
            size = 0;
        }
        size += entry.len() + 1;
        let s = shard.get_or_insert_with(|| (term.as_str(), term.as_str(), Vec::new()));
        s.1 = term;
        s.2.push(entry);
        if size >= shard_bytes {
            out.push(flush(shard.take().expect("a shard")));
            size = 0;
        }
    }
    if let Some(s) = shard {
        out.push(flush(s));
    }
    out
}

/// A doc id's number (its ten hex digits), as word shards write it.
fn doc_number(doc: &str) -> Option<u64> {
    u64::from_str_radix(doc, 16).ok()
}

/// Splits the sorted name words into name shards, writing them to `files`.
fn name_shards(
    terms: &BTreeMap<String, BTreeSet<&str>>,
    records: &BTreeMap<&str, EntityRecord>,
    shard_bytes: usize,
    files: &mut Vec<(String, String)>,
) -> Vec<ShardRange> {
    let lens: HashMap<&str, usize> = records.iter().map(|(&id, r)| (id, to_json(r).len())).collect();
    let mut out = Vec::new();
    let mut shard: Vec<(&String, &BTreeSet<&str>)> = Vec::new();
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut size = 0;
    let mut flush = |shard: &mut Vec<(&String, &BTreeSet<&str>)>, ids: &mut BTreeSet<&str>| {
        let index: HashMap<&str, u32> = ids.iter().enumerate().map(|(i, &d)| (d, i as u32)).collect();
        let terms = shard.iter().map(|(term, set)| (term.to_string(), set.iter().map(|id| index[id]).collect())).collect();
        let entities = ids.iter().map(|id| records[id].clone()).collect();
        let json = to_json(&NameShard { terms, entities });
        let hash = content_hash(json.as_bytes());
        let range = ShardRange(shard[0].0.clone(), shard[shard.len() - 1].0.clone(), hash.clone());
        files.push((name_file(&hash), json));
        shard.clear();
        ids.clear();
        range
    };
    for (term, set) in terms {
        // As for words: a term whose new records would take the shard past
        // its size starts the next one.
        let grows = |ids: &BTreeSet<&str>| term.len() + 8 + set.len() * 4 + set.iter().filter(|id| !ids.contains(*id)).map(|id| lens[id] + 1).sum::<usize>();
        if !shard.is_empty() && size + grows(&ids) > shard_bytes {
            out.push(flush(&mut shard, &mut ids));
            size = 0;
        }
        size += grows(&ids);
        ids.extend(set.iter().copied());
        shard.push((term, set));
        if size >= shard_bytes {
            out.push(flush(&mut shard, &mut ids));
            size = 0;
        }
    }
    if !shard.is_empty() {
        out.push(flush(&mut shard, &mut ids));
    }
    out
}

/// The file of entity `id`, whose record is `record`, named by the docs
/// `naming` lists (index into `docs`, mentions).
fn entity_file_of(docs: &[Searchable], ids: &[String], naming: &[(usize, usize)], id: &str, record: &EntityRecord) -> EntityFile {
    let mut articles = Vec::new();
    let mut timeline = Vec::new();
    for &(i, _) in naming {
        let (d, doc) = (&docs[i], &ids[i]);
        let Some(e) = d.analysis.entities.iter().find(|e| e.id == id) else { continue };
        let a = d.article;
        articles.push((a.published, EntityArticle {
            doc: doc.clone(),
            slug: a.slug.clone(),
            title: a.title.clone(),
            published: a.published.map(iso_day),
            mentions: e.mentions.len(),
        }));
        for (i, ev) in d.analysis.timeline.iter().enumerate() {
            let names_it = e.mentions.iter().any(|m| m.overlaps(ev.sentence));
            let event = LibraryEvent { date: ev.date.iso(), human: ev.date.to_string(), label: ev.label.clone(), article: 0, event: i, names_it };
            timeline.push((ev.date.sort_key(), a.slug.as_str(), doc.as_str(), event));
        }
    }
    articles.sort_by(|(da, a), (db, b)| match (da, db) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then(a.slug.cmp(&b.slug))
    .then(a.doc.cmp(&b.doc)));
    timeline.sort_by(|a, b| a.0.cmp(&b.0).then(a.3.date.cmp(&b.3.date)).then(a.1.cmp(b.1)).then(a.2.cmp(b.2)).then(a.3.event.cmp(&b.3.event)));
    let articles: Vec<EntityArticle> = articles.into_iter().map(|a| a.1).collect();
    let place: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.doc.as_str(), i)).collect();
    let timeline = timeline.into_iter().map(|(_, _, doc, e)| LibraryEvent { article: place[doc], ..e }).collect();
    EntityFile { id: id.to_string(), name: record.name.clone(), kind: record.kind, description: record.description.clone(), articles, timeline }
}

/// One name's file, made from articles in memory: what [`build`] writes at
/// [`entity_file`]`(id)` for the same articles (the single-file edition
/// carries its articles and makes a name's page from them, without
/// building the whole index). `None` when no article names it.
pub fn entity(docs: &[Searchable], id: &str) -> Option<EntityFile> {
    let slugs: Vec<&str> = docs.iter().map(|d| d.article.slug.as_str()).collect();
    let ids = doc_ids(&slugs);
    let mut naming = Vec::new();
    let mut first = None;
    let mut description = None;
    for (i, d) in docs.iter().enumerate() {
        if let Some(e) = d.analysis.entities.iter().find(|e| e.id == id) {
            first.get_or_insert(e);
            if description.is_none() {
                description = e.description.as_deref().filter(|s| !s.is_empty());
            }
            naming.push((i, e.mentions.len()));
        }
    }
    let e = first?;
    let record = EntityRecord {
        id: id.to_string(),
        name: e.name.clone(),
        kind: e.kind,
        description: description.map(str::to_string),
        articles: naming.len(),
        mentions: naming.iter().map(|n| n.1).sum(),
        top: Vec::new(),
        forms: Vec::new(),
    };
    Some(entity_file_of(docs, &ids, &naming, id, &record))
}

/// What a query found in the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Entities whose name or one of its forms matches, sorted as
    /// [`search::search`] sorts them; `articles` lists at most five (the
    /// most mentions first): the entity's file has them all.
    pub entities: Vec<EntityHit>,
    /// `(articles, mentions)` of each of `entities`, in the whole library.
    pub entity_counts: Vec<(usize, usize)>,
    /// Articles with every word of the query, by the number of times they
    /// have them (most first), then doc id: `(doc id, score)`. Whether the
    /// words make the phrase is for [`article_hit`] to say.
    pub articles: Vec<(String, usize)>,
}

/// Answers `q` from the shards [`Root::files_for`] named, by path (`shards`
/// may hold others). An error names a shard that is missing or unreadable.
pub fn search(root: &Root, shards: &HashMap<String, String>, q: &Query) -> Result<Found, String> {
    let words = q.words();
    if words.is_empty() {
        return Ok(Found::default());
    }
    let get = |path: String| shards.get(&path).map(|s| (path.clone(), s)).ok_or_else(|| format!("search shard {path} was not fetched"));

    // Articles: the intersection of every word's postings.
    let mut parsed_words: HashMap<String, WordShard> = HashMap::new();
    let mut articles: Option<HashMap<String, usize>> = None;
    for (i, w) in words.iter().enumerate() {
        let prefix = i + 1 == words.len();
        let mut found: HashMap<String, usize> = HashMap::new();
        for s in root.words.iter().filter(|s| s.may_hold(w, prefix)) {
            let (path, json) = get(word_file(&s.2))?;
            if !parsed_words.contains_key(&path) {
                let shard: WordShard = parse(json, &path)?;
                parsed_words.insert(path.clone(), shard);
            }
            let shard = &parsed_words[&path];
            for (_, flat) in matching(&shard.terms, w, prefix) {
                let mut d = 0u64;
                for pair in flat.chunks(2) {
                    let [delta, n] = pair else { return Err(format!("{path}: a posting list of odd length")) };
                    d = d.checked_add(*delta).filter(|d| *d < 1 << 40).ok_or_else(|| format!("{path}: a doc id out of range"))?;
                    *found.entry(format!("{d:010x}")).or_default() += *n as usize;
                }
            }
        }
        articles = Some(match articles {
            None => found,
            Some(mut so_far) => {
                so_far.retain(|d, n| match found.get(d) {
                    Some(m) => {
                        *n += m;
                        true
                    }
                    None => false,
                });
                so_far
            }
        });
    }
    let mut articles: Vec<(String, usize)> = articles.unwrap_or_default().into_iter().collect();
    articles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    // Entities: every word among the words of its name and forms, then the
    // phrase itself in the name or a form.
    let mut parsed_names: HashMap<String, NameShard> = HashMap::new();
    let mut records: BTreeMap<String, EntityRecord> = BTreeMap::new();
    let mut candidates: Option<BTreeSet<String>> = None;
    for (i, w) in words.iter().enumerate() {
        let prefix = i + 1 == words.len();
        let mut found: BTreeSet<String> = BTreeSet::new();
        for s in root.names.iter().filter(|s| s.may_hold(w, prefix)) {
            let (path, json) = get(name_file(&s.2))?;
            if !parsed_names.contains_key(&path) {
                let shard: NameShard = parse(json, &path)?;
                parsed_names.insert(path.clone(), shard);
            }
            let shard = &parsed_names[&path];
            for (_, list) in matching(&shard.terms, w, prefix) {
                for &e in list {
                    let r = shard.entities.get(e as usize).ok_or_else(|| format!("{path}: an entity past the table"))?;
                    found.insert(r.id.clone());
                    records.entry(r.id.clone()).or_insert_with(|| r.clone());
                }
            }
        }
        candidates = Some(match candidates {
            None => found,
            Some(so_far) => so_far.intersection(&found).cloned().collect(),
        });
    }
    let mut entities: Vec<&EntityRecord> = candidates
        .unwrap_or_default()
        .iter()
        .map(|id| &records[id])
        .filter(|r| q.is_in(&r.name) || r.forms.iter().any(|f| q.is_in(f)))
        .collect();
    entities.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name)));
    Ok(Found {
        entity_counts: entities.iter().map(|r| (r.articles, r.mentions)).collect(),
        entities: entities
            .into_iter()
            .map(|r| EntityHit { id: r.id.clone(), name: r.name.clone(), kind: r.kind, description: r.description.clone(), articles: r.top.clone() })
            .collect(),
        articles,
    })
}

/// The terms of a sorted list equal to `word`, or starting with it.
fn matching<'a, T>(terms: &'a [(String, T)], word: &'a str, prefix: bool) -> impl Iterator<Item = &'a (String, T)> + 'a {
    let from = terms.partition_point(|(t, _)| t.as_str() < word);
    terms[from..].iter().take_while(move |(t, _)| if prefix { t.starts_with(word) } else { t == word })
}

/// An article's hit for `q`, from its fragment: `count` is the number of
/// matches of the whole query in its text, as [`search::matches_in`]
/// counts them; 0 when the article has the words but not the phrase (drop
/// it then). `score` is the article's score in [`Found::articles`]; the
/// hit does not use it (rank by `count` once the fragments are in).
pub fn article_hit(fragment_json: &str, q: &Query, score: usize) -> Result<ArticleHit, String> {
    let _ = score;
    let f = Fragment::from_json(fragment_json)?;
    let mut hits = Vec::new();
    let mut start = 0;
    for line in f.text.split('\n') {
        hits.extend(q.find_in(line).into_iter().map(|s| Span::new(s.start + start, s.end + start)));
        start += line.len() + 1;
    }
    let snippets = search::snippets(&f.text, &hits);
    Ok(ArticleHit { slug: f.slug, title: f.title, count: hits.len(), snippets })
}

#[cfg(test)]
mod tests;
