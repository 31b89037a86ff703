//! Quality of the analysis on wire-style articles with hand-written answers.
//!
//! Every `tests/eval/NAME.expected.json` names an article beside it and lists
//! the entity mentions (exact character spans and kinds) and calendar dates
//! (spans and values) a careful reader finds in it. This test analyses each
//! article, scores it against its answers and prints a table:
//!
//! - **entities**: micro precision / recall / F1 over mentions of people,
//!   organisations and places; a found mention counts only with the exact
//!   span and the same kind (groups are not scored);
//! - **dates**: micro P/R/F1 over date mentions; a found date counts when
//!   its span overlaps an expected one and its value is the same.
//!
//! The project's targets are asserted: entity F1 ≥ 0.75, date F1 ≥ 0.80.
//! To add an article, write it in `tests/eval/annotated/` with its answers
//! marked inline and run `python3 tests/eval/annotate.py`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lede_analysis::analysis::{analyze, Analysis};
use lede_analysis::entities::EntityKind;
use lede_analysis::model::Article;
use lede_analysis::span::CharIndex;
use serde::Deserialize;

const ENTITY_TARGET: f64 = 0.75;
const DATE_TARGET: f64 = 0.80;

#[derive(Deserialize)]
struct Expected {
    file: String,
    published: Option<String>,
    entities: Vec<ExpectedEntity>,
    dates: Vec<ExpectedDate>,
}

#[derive(Deserialize)]
struct ExpectedEntity {
    text: String,
    kind: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct ExpectedDate {
    text: String,
    value: String,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy, Default)]
struct Score {
    tp: usize,
    found: usize,
    expected: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.found += o.found;
        self.expected += o.expected;
    }
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.tp as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.tp as f64 / self.expected as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

fn load() -> Vec<(Expected, Article)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(eval_dir())
        .expect("tests/eval exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let exp: Expected = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let bytes = std::fs::read(eval_dir().join(&exp.file)).unwrap_or_else(|e| panic!("{}: {e}", exp.file));
            let mut article = lede_analysis::read::read(&exp.file, &bytes).unwrap_or_else(|e| panic!("{}: {e}", exp.file));
            if article.published.is_none() {
                article.published = exp.published.as_deref().and_then(lede_analysis::dates::parse_date_phrase);
            }
            (exp, article)
        })
        .collect()
}

fn kind_name(k: EntityKind) -> &'static str {
    k.as_str()
}

const SCORED: [&str; 3] = ["person", "organization", "place"];

/// Entity mentions found, as (start, end, kind) in characters.
fn found_entities(article: &Article, a: &Analysis) -> BTreeSet<(usize, usize, &'static str)> {
    let idx = CharIndex::new(&article.text);
    a.mentions
        .iter()
        .map(|m| (idx.char_offset(m.span.start), idx.char_offset(m.span.end), kind_name(a.entities[m.entity].kind)))
        .filter(|(_, _, k)| SCORED.contains(k))
        .collect()
}

struct FileResult {
    entities: Score,
    dates: Score,
    misses: Vec<String>,
}

fn score(exp: &Expected, article: &Article) -> FileResult {
    let chars: Vec<char> = article.text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // The answers must point at their own text: a broken answer file fails loudly.
    for e in &exp.entities {
        assert_eq!(slice(e.start, e.end), e.text, "{}: entity offsets", exp.file);
    }
    for d in &exp.dates {
        assert_eq!(slice(d.start, d.end), d.text, "{}: date offsets", exp.file);
    }
    let a = analyze(article);
    let mut misses = Vec::new();

    let found = found_entities(article, &a);
    let expected: BTreeSet<(usize, usize, &str)> = exp
        .entities
        .iter()
        .filter(|e| SCORED.contains(&e.kind.as_str()))
        .map(|e| (e.start, e.end, e.kind.as_str()))
        .collect();
    let tp = found.iter().filter(|f| expected.contains(&(f.0, f.1, f.2))).count();
    for e in expected.iter().filter(|e| !found.contains(&(e.0, e.1, kind_static(e.2)))) {
        misses.push(format!("  missed   {:<13} {:?}", e.2, slice(e.0, e.1)));
    }
    for f in found.iter().filter(|f| !expected.contains(&(f.0, f.1, f.2))) {
        misses.push(format!("  spurious {:<13} {:?}", f.2, slice(f.0, f.1)));
    }
    let entities = Score { tp, found: found.len(), expected: expected.len() };

    let idx = CharIndex::new(&article.text);
    let got: Vec<(usize, usize, String)> = a
        .dates
        .iter()
        .map(|d| (idx.char_offset(d.span.start), idx.char_offset(d.span.end), d.value.iso()))
        .collect();
    let mut used = vec![false; got.len()];
    let mut dtp = 0;
    for d in &exp.dates {
        let hit = got.iter().enumerate().position(|(i, g)| {
            !used[i] && g.0 < d.end && d.start < g.1 && g.2 == d.value
        });
        match hit {
            Some(i) => {
                used[i] = true;
                dtp += 1;
            }
            None => {
                let near = got.iter().find(|g| g.0 < d.end && d.start < g.1).map(|g| g.2.clone());
                misses.push(format!("  missed   date          {:?} = {} (found {near:?})", d.text, d.value));
            }
        }
    }
    for (i, g) in got.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let _ = i;
        misses.push(format!("  spurious date          {:?} = {}", slice(g.0, g.1), g.2));
    }
    let dates = Score { tp: dtp, found: got.len(), expected: exp.dates.len() };
    FileResult { entities, dates, misses }
}

fn kind_static(k: &str) -> &'static str {
    SCORED.into_iter().find(|s| *s == k).unwrap_or("group")
}

#[test]
fn quality_on_the_evaluation_articles() {
    let set = load();
    assert!(set.len() >= 12, "the evaluation set has {} articles", set.len());
    let (mut ent, mut dat) = (Score::default(), Score::default());
    println!("{:<40} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}", "file", "ent P", "ent R", "ent F1", "date P", "date R", "dateF1");
    let mut details = String::new();
    for (exp, article) in &set {
        let r = score(exp, article);
        println!(
            "{:<40} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
            exp.file,
            r.entities.precision(),
            r.entities.recall(),
            r.entities.f1(),
            r.dates.precision(),
            r.dates.recall(),
            r.dates.f1()
        );
        if !r.misses.is_empty() {
            details.push_str(&format!("{}\n{}\n", exp.file, r.misses.join("\n")));
        }
        ent.add(r.entities);
        dat.add(r.dates);
    }
    println!(
        "{:<40} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
        "OVERALL (micro)",
        ent.precision(),
        ent.recall(),
        ent.f1(),
        dat.precision(),
        dat.recall(),
        dat.f1()
    );
    println!(
        "entities: {} found, {} expected, {} right; dates: {} found, {} expected, {} right",
        ent.found, ent.expected, ent.tp, dat.found, dat.expected, dat.tp
    );
    if std::env::var_os("LEDE_EVAL_DETAILS").is_some() {
        println!("\n{details}");
    }
    assert!(ent.f1() >= ENTITY_TARGET, "entity F1 {:.3} is below {ENTITY_TARGET}", ent.f1());
    assert!(dat.f1() >= DATE_TARGET, "date F1 {:.3} is below {DATE_TARGET}", dat.f1());
}

/// The scorer itself: a perfect answer scores 1, an empty one 0.
#[test]
fn the_scorer_counts_what_it_should() {
    let s = Score { tp: 3, found: 4, expected: 6 };
    assert!((s.precision() - 0.75).abs() < 1e-9);
    assert!((s.recall() - 0.5).abs() < 1e-9);
    assert!((s.f1() - 0.6).abs() < 1e-9);
    assert_eq!(Score { tp: 0, found: 5, expected: 5 }.f1(), 0.0);
}

fn seed() -> (Article, Analysis) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/russia-offers-to-mediate-kashmir.txt");
    let article = lede_analysis::read::read("russia-offers-to-mediate-kashmir.txt", &std::fs::read(path).unwrap()).unwrap();
    let a = analyze(&article);
    (article, a)
}

#[test]
fn the_seed_article_gives_exactly_its_entities_and_timeline() {
    let (_, a) = seed();
    let names = |k: EntityKind| -> BTreeSet<&str> {
        a.entities.iter().filter(|e| e.kind == k).map(|e| e.name.as_str()).collect()
    };
    let set = |v: &[&'static str]| -> BTreeSet<&'static str> { v.iter().copied().collect() };
    assert_eq!(names(EntityKind::Person), set(&["Sergei Lavrov", "Ishaq Dar", "Subrahmanyam Jaishankar"]));
    assert_eq!(names(EntityKind::Organization), set(&["Russian Foreign Ministry", "European Union", "Telegram"]));
    assert_eq!(
        names(EntityKind::Place),
        set(&[
            "Russia",
            "India",
            "Pakistan",
            "Kashmir",
            "Moscow",
            "Pahalgam",
            "Islamabad",
            "New Delhi",
            "United States",
            "China"
        ])
    );
    assert_eq!(names(EntityKind::Group), set(&["Russian", "Indian"]));

    let dates: Vec<String> = a.timeline.iter().map(|e| e.date.iso()).collect();
    assert_eq!(dates, ["2025-04-22", "2025-05-02", "2025-05-04", "2025-05-06"]);
    let labels: Vec<String> = a.timeline.iter().map(|e| e.label.to_lowercase()).collect();
    assert!(labels[0].contains("pahalgam") && labels[0].contains("attack"), "{labels:?}");
    assert!(labels[1].contains("discussion") && labels[1].contains("jaishankar"), "{labels:?}");
    assert!(labels[2].contains("dar"), "{labels:?}");
    assert!(labels[3].contains("russia") && labels[3].contains("mediate"), "{labels:?}");
    for e in &a.timeline {
        assert!(e.sentence.contains(e.mention), "an event points back to its sentence");
        assert!(e.label.split_whitespace().count() <= 12, "a label is a short clause: {}", e.label);
    }
    // Every mention of one thing maps to one entity: Lavrov and Lavrov’s are Sergei Lavrov.
    let lavrov = a.entities.iter().find(|e| e.name == "Sergei Lavrov").unwrap();
    assert!(lavrov.mentions.len() >= 2);
}
