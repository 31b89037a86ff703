use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::*;
use crate::analysis::{analyze, Analysis};
use crate::model::Article;
use crate::read::{read_str, Format};

/// Invented articles: shared names, dates, apostrophes, a phrase split
/// across two blocks.
const ARTICLES: &[(&str, &str)] = &[
    (
        "harbor-deal.md",
        "---\ntitle: Harbor Deal Signed in Lisbon\ndate: 2024-03-05\nplace: Lisbon\n---\n\n\
         Portuguese Prime Minister Marta Quintela signed the harbor agreement on March 3, 2024, officials said. \
         Quintela said the port's new cranes would arrive in June 2025.\n\n\
         The European Commission welcomed the deal on March 4, 2024. Critics in Porto said the harbor plan ignored the fishermen.\n",
    ),
    (
        "fishermen-protest.md",
        "---\ntitle: Fishermen Protest Harbor Plan\ndate: 2024-04-10\nplace: Porto\n---\n\n\
         Hundreds of fishermen marched through Porto on April 8, 2024, against the harbor agreement. \
         Their union leader, Joana Ferraz, said Marta Quintela had not listened.\n\n\
         Ferraz said the union would meet the European Commission in May 2024. The port’s managers declined to comment.\n",
    ),
    (
        "cranes-arrive.md",
        "---\ntitle: New Cranes Arrive\ndate: 2025-06-20\n---\n\n\
         The first cranes for the Lisbon harbor arrived on June 18, 2025. The harbor\n\n\
         agreement signed by Marta Quintela in 2024 paid for them. Quintela visited the docks on June 19, 2025, \
         and Quintela thanked the crews.\n",
    ),
    (
        "chess-final.txt",
        "Chess Final Ends in Draw\nOSLO (AP) _ Norwegian grandmaster Erik Solberg drew the final game on Sunday, November 10, 2024. \
         Solberg said the match had been the hardest of his life.\n\
         Organizers said the next final would be held in Oslo in 2026.\n",
    ),
    (
        "budget-vote.txt",
        "Budget Vote Delayed\nBRUSSELS (AP) _ The European Commission delayed a vote on the budget on Monday, officials said. \
         Commission spokesman Pieter Vos said the vote would take place in January 2025.\n",
    ),
];

fn articles() -> Vec<(Article, Analysis)> {
    ARTICLES
        .iter()
        .map(|(name, text)| {
            let format = Format::from_name(name).unwrap();
            let a = read_str(name, format, text.to_string()).unwrap();
            let an = analyze(&a);
            (a, an)
        })
        .collect()
}

fn searchable(docs: &[(Article, Analysis)]) -> Vec<Searchable<'_>> {
    docs.iter().map(|(article, analysis)| Searchable { article, analysis }).collect()
}

fn q(s: &str) -> Query {
    Query::new(s).unwrap()
}

fn files(index: &Index) -> HashMap<String, String> {
    index.files.iter().cloned().collect()
}

/// The sharded search with exactly the shards `files_for` names.
fn sharded(index: &Index, query: &Query) -> (Found, Vec<ArticleHit>, Vec<String>) {
    let all = files(index);
    let root = Root::from_json(&index.root).unwrap();
    let wanted = root.files_for(query);
    let fetched: HashMap<String, String> = wanted.iter().map(|p| (p.clone(), all[p].clone())).collect();
    let found = search(&root, &fetched, query).unwrap();
    let hits = found
        .articles
        .iter()
        .map(|(doc, score)| article_hit(&all[&fragment_file(doc)], query, *score).unwrap())
        .filter(|h| h.count > 0)
        .collect();
    (found, hits, wanted)
}

const QUERIES: &[&str] = &[
    "harbor",
    "harb",
    "HARBOR",
    "harbor agreement",
    "the harbor",
    "harbor agreement signed",
    "Marta Quintela",
    "marta quin",
    "quintela",
    "Commission",
    "european commission",
    "port's",
    "port’s",
    "ports",
    "lisbon",
    "solberg",
    "erik",
    "fisher",
    "2024",
    "zzzz nothing",
    "harbor zzzz",
    "march 3",
];

fn check_same_as_in_memory(index: &Index, docs: &[Searchable]) {
    for s in QUERIES {
        let query = q(s);
        let expected = search::search(docs, &query);
        let (found, hits, _) = sharded(index, &query);
        let ids = |e: &[EntityHit]| e.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&found.entities), ids(&expected.entities), "entities for {s:?}");
        let expected_counts: Vec<usize> = expected.entities.iter().map(|e| e.articles.len()).collect();
        let counts: Vec<usize> = found.entity_counts.iter().map(|c| c.0).collect();
        assert_eq!(counts, expected_counts, "entity article counts for {s:?}");
        for (e, x) in found.entities.iter().zip(&expected.entities) {
            assert_eq!((&e.name, e.kind, &e.description), (&x.name, x.kind, &x.description), "{s:?}");
            let slugs: BTreeSet<&String> = e.articles.iter().map(|a| &a.0).collect();
            assert_eq!(slugs, x.articles.iter().map(|a| &a.0).collect(), "{s:?}");
        }
        let got: BTreeMap<String, usize> = hits.iter().map(|h| (h.slug.clone(), h.count)).collect();
        let want: BTreeMap<String, usize> = expected.articles.iter().map(|h| (h.slug.clone(), h.count)).collect();
        assert_eq!(got, want, "articles for {s:?}");
        for d in docs {
            if let Some(h) = hits.iter().find(|h| h.slug == d.article.slug) {
                assert_eq!(h.count, search::matches_in(d.article, &query).len(), "{s:?} in {}", h.slug);
                assert!(!h.snippets.is_empty());
                for sn in &h.snippets {
                    for m in &sn.hits {
                        assert!(query.is_in(&sn.text[m.start..m.end]), "{s:?}: {sn:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn sharded_search_finds_what_the_in_memory_search_finds() {
    let docs = articles();
    let docs = searchable(&docs);
    let index = build(&docs);
    let root = Root::from_json(&index.root).unwrap();
    assert_eq!((root.words.len(), root.names.len()), (1, 1), "a small library fits one shard of each");
    check_same_as_in_memory(&index, &docs);
    // The queries do test something.
    let quintela = search::search(&docs, &q("quintela"));
    assert_eq!(quintela.entities[0].id, "marta-quintela");
    assert_eq!(quintela.entities[0].articles.len(), 3);
    let (found, hits, _) = sharded(&index, &q("harbor agreement"));
    assert_eq!(hits.len(), 2, "the third has the words in two blocks, not the phrase: {hits:?}");
    assert_eq!(found.articles.len(), 3);
    assert_eq!(sharded(&index, &q("port's")).1.len(), 2, "straight and curly apostrophes");
    assert!(sharded(&index, &q("zzzz nothing")).0.articles.is_empty());
}

#[test]
fn small_shards_give_the_same_results_and_a_query_fetches_few_of_them() {
    let docs = articles();
    let docs = searchable(&docs);
    let index = build_with(&docs, 300);
    let root = Root::from_json(&index.root).unwrap();
    assert!(root.words.len() >= 8 && root.names.len() >= 3, "{} word and {} name shards", root.words.len(), root.names.len());
    for t in [&root.words, &root.names] {
        for w in t.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "sorted, disjoint ranges: {w:?}");
        }
    }
    check_same_as_in_memory(&index, &docs);
    let all = root.words.len() + root.names.len();
    for s in ["harbor", "quintela", "marta quintela", "solberg"] {
        let (_, _, wanted) = sharded(&index, &q(s));
        assert!(wanted.len() <= 4 && wanted.len() < all, "{s:?} needs {wanted:?} of {all}");
    }
    // A prefix can span shards: every shard with a term starting with it.
    let shards: Vec<WordShard> = root.words.iter().map(|s| serde_json::from_str(&files(&index)[&word_file(&s.2)]).unwrap()).collect();
    for prefix in ["h", "p", "th", "2"] {
        let holding: Vec<&String> =
            root.words.iter().zip(&shards).filter(|(_, sh)| sh.terms.iter().any(|t| t.0.starts_with(prefix))).map(|(r, _)| &r.2).collect();
        let asked = root.words.iter().filter(|r| r.may_hold(prefix, true)).map(|r| &r.2).collect::<Vec<_>>();
        assert_eq!(asked, holding, "{prefix}");
    }
    // A shard stays under its size (with the braces around its terms and
    // records), or holds one term too big for it alone.
    for (path, json) in &index.files {
        if path.starts_with("search/w-") {
            let shard: WordShard = serde_json::from_str(json).unwrap();
            assert!(json.len() <= 300 + 12 || shard.terms.len() == 1, "{path}: {} bytes", json.len());
        }
        if path.starts_with("search/n-") {
            let shard: NameShard = serde_json::from_str(json).unwrap();
            assert!(json.len() <= 300 + 40 || shard.terms.len() == 1, "{path}: {} bytes, {} terms", json.len(), shard.terms.len());
        }
    }
}

#[test]
fn the_index_is_deterministic_and_an_added_article_changes_no_other_fragment() {
    let docs = articles();
    let all = searchable(&docs);
    let a = build(&all);
    assert_eq!(a, build(&all), "byte for byte");
    let fewer = build(&all[..all.len() - 1]);
    let frags = |i: &Index| i.files.iter().filter(|f| f.0.starts_with("search/f/")).cloned().collect::<Vec<_>>();
    let (before, after) = (frags(&fewer), frags(&a));
    assert_eq!(before.len() + 1, after.len());
    for f in &before {
        assert!(after.contains(f), "{} unchanged", f.0);
    }
    // So are the files of the names the new article does not mention.
    let added = &all[all.len() - 1];
    let mut untouched = 0;
    for f in fewer.files.iter().filter(|f| f.0.starts_with("search/e/")) {
        let id = f.0.trim_start_matches("search/e/").trim_end_matches(".json");
        if !added.analysis.entities.iter().any(|e| e.id == id) {
            assert!(a.files.contains(f), "{} unchanged", f.0);
            untouched += 1;
        }
    }
    assert!(untouched > 3);
    // An empty library makes an index that finds nothing.
    let empty = build(&[]);
    let root = Root::from_json(&empty.root).unwrap();
    assert_eq!(search(&root, &files(&empty), &q("harbor")).unwrap(), Found::default());
    // Ids are the slug's hash, whatever the order.
    let slugs: Vec<&str> = all.iter().map(|d| d.article.slug.as_str()).collect();
    let ids = doc_ids(&slugs);
    for (s, id) in slugs.iter().zip(&ids) {
        assert_eq!(id, &content_hash(s.as_bytes()));
        assert!(a.files.iter().any(|f| f.0 == fragment_file(id)));
    }
    // Hashed names are their content's hash.
    for (path, json) in &a.files {
        let hashed = ["search/w-", "search/n-"].iter().find_map(|p| path.strip_prefix(p));
        if let Some(hash) = hashed.map(|h| h.trim_end_matches(".json")) {
            assert_eq!(hash, content_hash(json.as_bytes()), "{path}");
        }
    }
    assert!(a.files.iter().any(|f| f.0 == a.root_file && f.1 == a.root));
    let paths: BTreeSet<&String> = a.files.iter().map(|f| &f.0).collect();
    assert_eq!(paths.len(), a.files.len(), "no path twice");
}

#[test]
fn colliding_slugs_get_distinct_ids_deterministically() {
    // Two hex digits: forty slugs collide.
    let slugs: Vec<String> = (0..40).map(|i| format!("story-{i}")).collect();
    let refs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    let ids = ids_of_length(&refs, 2);
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "every id distinct");
    let plain: Vec<String> = refs.iter().map(|s| content_hash(s.as_bytes())[..2].to_string()).collect();
    let collided = (0..refs.len()).filter(|&i| ids[i] != plain[i]).count();
    assert!(collided > 0, "the test has a collision");
    for i in 0..refs.len() {
        if ids[i] != plain[i] {
            // The first slug (in slug order) with this hash kept it.
            let first = (0..refs.len()).filter(|&j| plain[j] == plain[i]).min_by_key(|&j| refs[j]).unwrap();
            assert!(refs[first] < refs[i] && ids[first] == plain[first]);
        }
    }
    // Whatever the order of the articles.
    let mut reversed = refs.clone();
    reversed.reverse();
    let mut back = ids_of_length(&reversed, 2);
    back.reverse();
    assert_eq!(back, ids);
    // A slug twice still gets two ids.
    let twice = ids_of_length(&["same", "same", "other"], 10);
    assert_ne!(twice[0], twice[1]);
    // An added slug that collides with nobody changes nobody's id.
    let more: Vec<String> = (0..=40).map(|i| format!("story-{i}")).collect();
    let more_refs: Vec<&str> = more.iter().map(String::as_str).collect();
    let grown = ids_of_length(&more_refs, 3);
    let fewer = ids_of_length(&refs, 3);
    let new_plain = content_hash(more_refs[40].as_bytes())[..3].to_string();
    if !fewer.contains(&new_plain) {
        assert_eq!(&grown[..40], &fewer[..]);
    }
}

#[test]
fn an_entity_file_holds_the_library_timeline_of_the_name() {
    let docs = articles();
    let all = searchable(&docs);
    let index = build(&all);
    let json = &files(&index)[&entity_file("marta-quintela")];
    let e = EntityFile::from_json(json).unwrap();
    assert_eq!(e.name, "Marta Quintela");
    let slugs: Vec<&str> = e.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["cranes-arrive", "fishermen-protest", "harbor-deal"], "newest first");
    assert_eq!(e.articles[0].published.as_deref(), Some("2025-06-20"));
    // Every event of every article naming her, and no other.
    let mut expected = Vec::new();
    for d in &all {
        let Some(ent) = d.analysis.entities.iter().find(|x| x.id == "marta-quintela") else { continue };
        for (i, ev) in d.analysis.timeline.iter().enumerate() {
            let names_it = ent.mentions.iter().any(|m| m.start < ev.sentence.end && ev.sentence.start < m.end);
            expected.push((ev.date.sort_key(), ev.date.iso(), d.article.slug.clone(), i, ev.label.clone(), names_it));
        }
    }
    expected.sort();
    let got: Vec<_> = e
        .timeline
        .iter()
        .map(|x| {
            let slug = e.article_of(x).unwrap().slug.clone();
            (crate::dates::DateValue::from_iso(&x.date).unwrap().sort_key(), x.date.clone(), slug, x.event, x.label.clone(), x.names_it)
        })
        .collect();
    assert_eq!(got, expected);
    assert!(got.len() >= 4, "{got:?}");
    assert!(e.timeline.iter().any(|x| x.names_it) && e.timeline.iter().any(|x| !x.names_it), "{:#?}", e.timeline);
    assert!(e.timeline.iter().all(|x| !x.human.is_empty()));
    assert!(e.articles.iter().all(|a| a.doc.len() == 10 && a.title.len() > 3));
    let bad = json.replacen("\"article\":0", "\"article\":9", 1);
    assert!(bad != *json && EntityFile::from_json(&bad).is_err());
    assert!(!files(&index).contains_key(&entity_file("nobody")));
    // Made in memory, a name's file is the one the index writes.
    assert_eq!(entity(&all, "marta-quintela"), Some(e));
    for (path, json) in files(&index).iter().filter(|(p, _)| p.starts_with("search/e/")) {
        let id = path.trim_start_matches("search/e/").trim_end_matches(".json");
        assert_eq!(entity(&all, id).as_ref(), Some(&EntityFile::from_json(json).unwrap()), "{id}");
    }
    assert_eq!(entity(&all, "nobody"), None);
}

#[test]
fn malformed_files_give_errors_not_panics() {
    let docs = articles();
    let all = searchable(&docs);
    let index = build_with(&all, 300);
    let root = Root::from_json(&index.root).unwrap();
    assert!(Root::from_json("{").unwrap_err().contains("search root"));
    assert!(Root::from_json(&index.root.replacen("\"v\":1", "\"v\":99", 1)).unwrap_err().contains("format 99"));
    assert!(EntityFile::from_json("[]").is_err());
    assert!(article_hit("not json", &q("harbor"), 1).is_err());
    assert!(article_hit("{\"slug\":\"x\"}", &q("harbor"), 1).is_err());
    let query = q("harbor");
    let wanted = root.files_for(&query);
    assert!(search(&root, &HashMap::new(), &query).unwrap_err().contains("not fetched"));
    for broken in ["", "{\"terms\":[[\"harbor\",[5,1]]]}", "{\"terms\":[[\"harbor\",[7]]],\"entities\":[]}", "{\"terms\":[[\"harbor\",[-1, 2]]]}"] {
        for p in &wanted {
            let mut shards: HashMap<String, String> = wanted.iter().map(|p| (p.clone(), files(&index)[p].clone())).collect();
            shards.insert(p.clone(), broken.to_string());
            let _ = search(&root, &shards, &query);
        }
    }
    let mut shards: HashMap<String, String> = wanted.iter().map(|p| (p.clone(), files(&index)[p].clone())).collect();
    shards.insert(wanted[0].clone(), "{\"terms\":[[\"harbor\",[5,1,7]]]}".into());
    assert!(search(&root, &shards, &query).unwrap_err().contains(&wanted[0]));
    shards.insert(wanted[0].clone(), format!("{{\"terms\":[[\"harbor\",[{},1,{},1]]]}}", 1u64 << 39, 1u64 << 39));
    assert!(search(&root, &shards, &query).unwrap_err().contains("out of range"));
    shards.insert(wanted[0].clone(), "nonsense".into());
    assert!(search(&root, &shards, &query).unwrap_err().contains(&wanted[0]));
}

/// A library of `n` tiny invented articles, from a fixed pseudo-random sequence.
fn generated(n: usize) -> Vec<(Article, Analysis)> {
    const FIRST: &[&str] = &["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lucas"];
    const LAST: &[&str] = &["Adler", "Brandt", "Castro", "Dunne", "Eriksen", "Fischer", "Garcia", "Holm", "Ivanova", "Jensen", "Keller", "Lindqvist"];
    const SYL: &[&str] = &["ka", "lo", "mi", "ren", "tor", "vel", "san", "dru", "pe", "qui", "zan", "bor", "el", "fi"];
    let mut seed: u64 = 7;
    let mut next = |m: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % m
    };
    (0..n)
        .map(|i| {
            let word = |next: &mut dyn FnMut(usize) -> usize| (0..2 + next(2)).map(|_| SYL[next(SYL.len())]).collect::<String>();
            let words: Vec<String> = (0..12).map(|_| word(&mut next)).collect();
            let who = format!("{} {}", FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
            let other = format!("{} {}", FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
            let text = format!(
                "Report {i} on {}\nOSLO (AP) _ Minister {who} met {other} on Monday about the {} plan. {} said the {} {} would {} by {} 20{:02}.\n",
                words[0],
                words[1],
                who.split(' ').nth(1).unwrap(),
                words[2],
                words[3..8].join(" "),
                words[8],
                ["March", "June", "October"][next(3)],
                next(30),
            );
            let a = read_str(&format!("report-{i}.txt"), Format::Text, text).unwrap();
            let an = analyze(&a);
            (a, an)
        })
        .collect()
}

#[test]
fn the_root_stays_small_for_a_big_library() {
    let docs = generated(2_000);
    let all = searchable(&docs);
    let index = build(&all);
    let root = Root::from_json(&index.root).unwrap();
    assert_eq!(root.articles, 2_000);
    assert!(root.shared.len() == 30 && root.shared.windows(2).all(|w| w[0].articles >= w[1].articles), "{:?}", root.shared);
    assert!(index.root.len() < 6 * 1024, "root of {} bytes, {} word and {} name shards", index.root.len(), root.words.len(), root.names.len());
    for (path, json) in &index.files {
        if path.starts_with("search/w-") || path.starts_with("search/n-") {
            assert!(json.len() < 3 * DEFAULT_SHARD_BYTES, "{path}: {} bytes", json.len());
        }
    }
    // A query still fetches little.
    let query = q(root.shared[0].name.split(' ').next().unwrap());
    let wanted = root.files_for(&query);
    assert!(wanted.len() <= 3, "{wanted:?}");
    let found = search(&root, &files(&index), &query).unwrap();
    assert_eq!(found.entities.iter().map(|e| e.id.clone()).collect::<Vec<_>>(), {
        let r = search::search(&all, &query);
        r.entities.into_iter().map(|e| e.id).collect::<Vec<_>>()
    });
}
