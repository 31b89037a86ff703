//! Any text, however odd, reads and analyses without a panic, and every
//! offset the analysis returns is sound: inside the text, on character
//! boundaries, mentions and dates sorted and non-overlapping.

use lede_analysis::analysis::analyze;
use lede_analysis::read::{read_str, Format};
use lede_analysis::span::Span;
use proptest::prelude::*;

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} cuts a character");
}

fn check_sorted(spans: &[Span], what: &str) {
    for w in spans.windows(2) {
        assert!(w[0].end <= w[1].start, "{what} {:?} and {:?} overlap or are out of order", w[0], w[1]);
    }
}

/// Reads `text` in both formats and checks whatever analysis comes out.
fn check(text: &str) {
    for format in [Format::Text, Format::Markdown] {
        let Ok(article) = read_str("p.txt", format, text.to_string()) else { continue };
        let a = analyze(&article);
        let t = article.text.as_str();
        assert_eq!(t.len(), article.plain.len());
        for s in &a.sentences {
            check_span(t, *s, "sentence");
        }
        let mentions: Vec<Span> = a.mentions.iter().map(|m| m.span).collect();
        for (m, s) in a.mentions.iter().zip(&mentions) {
            check_span(t, *s, "mention");
            assert!(!s.is_empty(), "empty mention");
            assert!(m.entity < a.entities.len());
            assert!(a.entities[m.entity].mentions.contains(s));
        }
        check_sorted(&mentions, "mentions");
        let total: usize = a.entities.iter().map(|e| e.mentions.len()).sum();
        assert_eq!(total, mentions.len(), "every entity mention is listed once");
        let dates: Vec<Span> = a.dates.iter().map(|d| d.span).collect();
        for d in &a.dates {
            check_span(t, d.span, "date");
            if let Some(e) = d.event {
                check_span(t, e, "date event");
            }
        }
        check_sorted(&dates, "dates");
        let context: Vec<Span> = a.context.iter().map(|c| c.span).collect();
        for c in &context {
            check_span(t, *c, "context");
        }
        check_sorted(&context, "context");
        for e in &a.timeline {
            check_span(t, e.sentence, "event sentence");
            check_span(t, e.mention, "event date");
            assert!(e.sentence.contains(e.mention), "an event's date lies in its sentence");
        }
        for w in a.timeline.windows(2) {
            assert!(w[0].date.sort_key() <= w[1].date.sort_key(), "timeline out of date order");
        }
        let report = lede_analysis::report::report(&article, &a);
        let chars = t.chars().count();
        assert!(report.entities.iter().flat_map(|e| &e.mentions).all(|o| o.start <= o.end && o.end <= chars));
    }
}

const WORDS: &[&str] = &[
    "Minister", "Foreign", "President", "Sergei", "Lavrov", "Lavrov’s", "Ministry", "of", "the", "The", "Bank",
    "England", "U.S.", "US", "EU", "European", "Union", "Russia’s", "Russia", "Inc.", "Ltd", "in", "at", "striker",
    "Igor", "O'Donnell", "Ji-hoon", "NAIROBI", "Kenya", "(AP)", "(Reuters)", "_", "-", "--", "–", "—", "’", "'s",
    "May", "may", "6", "6,", "2025", "2025-05-06", "1990s", "’90s", "Sunday", "yesterday", "last", "week", "two",
    "days", "after", "later", "before", "will", "said", ",", ".", ". ", "?", "!", ":", ";", "“", "”", "\"", "(",
    ")", "é", "中", "Zürich", "Ö.", "É.", "Calif.", "N.J.", "Mr.", "Dr", "#", "##", "*", "**", "---", "\n", "\n\n",
    "title:", "date:", "Jan.", "Sept", "31", "mid-", "9999", "0", "Council", "Party", "attack", "said on",
];

fn article_from(words: &[&str], glue: &[&str]) -> String {
    let mut s = String::new();
    for (w, g) in words.iter().zip(glue.iter().cycle()) {
        s.push_str(w);
        s.push_str(g);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_analysed_soundly(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn any_text_with_line_breaks_is_analysed_soundly(s in "(\\PC{0,40}\n{1,2}){0,8}") {
        check(&s);
    }

    #[test]
    fn news_like_text_is_analysed_soundly(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120),
        glue in proptest::collection::vec(prop_oneof![Just(" "), Just(" "), Just(""), Just("\n"), Just(", ")], 1..16),
        head in proptest::sample::select(&["", "Title Line\n", "---\ntitle: T\ndate: 2025-05-06\n---\n", "T\nMOSCOW, May 6, 2025 – "][..]),
    ) {
        let s = format!("{head}{}", article_from(&words, &glue));
        check(&s);
    }
}

#[test]
fn hand_picked_awkward_articles() {
    for s in [
        "T\nÉ. Macron met Ö. Pamuk on Sunday. ϒ.",
        "T\nNAIROBI, Kenya (AP) _ ",
        "T\n’s ’s ’ ’ U.S.-led Russia’s’",
        "---\ntitle: x\n---\n# Heading\n\n**Bold** [[link]](http://x) `code`",
        "Title\nMinister Minister Minister Minister of of the the Bank",
        // Chained titles running to the end of the text (found by the property test).
        "Title Line\n(AP), Minister Minister Minister ",
        // A dateline that runs past its first sentence (found by the property test).
        "Title Line\nMinister, 2025-05-06 Calif. \n The –\n\n, Minister ",
        "Title Line\nThe Minister Minister Minister Minister Minister Minister Minister Minister",
        "Title\nA\u{0301}bc Ü. Ö.Ü. 中文 2025 年 May 6, 2025 – 9999999999999999 days later",
    ] {
        check(s);
    }
}
