//! The synthetic library (`lede_cli::synth`): every article reads and
//! analyses as news does, names recur across articles, publication dates
//! spread over years and months, and the same seed gives the same bytes.

use std::collections::{BTreeSet, HashMap, HashSet};

use lede_analysis::analysis::analyze;
use lede_analysis::entities::EntityKind;
use lede_analysis::read::{read_str, Format};
use lede_cli::synth::{article, library};

#[test]
fn three_hundred_articles_read_and_analyse_like_news() {
    let lib: Vec<(String, String)> = library(300, 42).collect();
    // In how many articles each entity id is found, and of which kind it is.
    let mut articles_of: HashMap<String, (usize, EntityKind)> = HashMap::new();
    let (mut years, mut months) = (BTreeSet::new(), BTreeSet::new());
    let (mut markdown, mut words) = (0, Vec::new());
    for (name, text) in &lib {
        let format = Format::from_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        markdown += usize::from(format == Format::Markdown);
        let a = read_str(name, format, text.clone()).unwrap_or_else(|e| panic!("{name} does not read: {e}\n{text}"));
        let an = analyze(&a);
        assert!(an.entities.len() >= 3, "{name}: {} entities\n{text}", an.entities.len());
        assert!(!an.timeline.is_empty(), "{name}: no timeline event\n{text}");
        for e in &an.entities {
            articles_of.entry(e.id.clone()).or_insert((0, e.kind)).0 += 1;
        }
        if let Some(d) = a.published {
            years.insert(d.year());
            months.insert((d.year(), d.month() as u8));
        }
        words.push(text.split_whitespace().count());
    }
    let recurring: Vec<(&String, &(usize, EntityKind))> = articles_of.iter().filter(|(_, (n, _))| *n >= 10).collect();
    assert!(recurring.len() >= 10, "{recurring:?}");
    assert!(recurring.iter().any(|(_, (_, k))| *k == EntityKind::Person), "no person recurs: {recurring:?}");
    assert!(recurring.iter().any(|(_, (_, k))| *k == EntityKind::Organization), "no organisation recurs: {recurring:?}");
    // Most names are rare.
    assert!(articles_of.values().filter(|(n, _)| *n == 1).count() > articles_of.len() / 2);
    assert!(years.len() >= 8, "{years:?}");
    assert!(months.len() >= 30, "{} months", months.len());
    assert!((20..=100).contains(&markdown), "{markdown} Markdown articles of 300");
    let (short, long) = (words.iter().min().unwrap(), words.iter().max().unwrap());
    assert!(*short >= 100 && *long <= 2000 && *long >= 700, "{short} to {long} words");
}

#[test]
fn file_names_are_distinct_and_slug_safe() {
    let names: Vec<String> = library(2000, 3).map(|(name, _)| name).collect();
    assert_eq!(names.iter().collect::<HashSet<_>>().len(), names.len());
    for name in &names {
        let (stem, ext) = name.rsplit_once('.').unwrap();
        assert!(ext == "txt" || ext == "md", "{name}");
        assert!(stem.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{name}");
        assert!(!stem.starts_with('-') && !stem.ends_with('-') && !stem.contains("--"), "{name}");
        assert!(!["index", "search", "lede-offline", "sw"].contains(&stem), "{name}");
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a: Vec<(String, String)> = library(60, 7).collect();
    assert_eq!(a, library(60, 7).collect::<Vec<_>>());
    assert_eq!(article(17, 7), a[17]);
    let b: Vec<(String, String)> = library(60, 8).collect();
    assert!(a.iter().zip(&b).all(|(x, y)| x.1 != y.1));
}
