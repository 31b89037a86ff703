//! The JSON report the `analyze` command prints.
//!
//! Offsets in the report are **character** offsets into the file's whole
//! text, exactly as read, converted from the byte spans the analysis uses.

use std::fmt;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::dates::DateValue;
use crate::entities::EntityKind;
use crate::model::Article;
use crate::span::{CharIndex, Span};

/// The report borrows its text from the article and the analysis, so a
/// long article's report costs no copies of its strings.
#[derive(Serialize)]
pub struct Report<'a> {
    pub title: &'a str,
    pub published: Option<Iso>,
    pub place: Option<&'a str>,
    pub entities: Vec<EntityReport<'a>>,
    pub dates: Vec<DateReport<'a>>,
    pub context: Vec<ContextReport<'a>>,
    pub timeline: Vec<EventReport<'a>>,
    /// The author's corrections that took effect (see
    /// [`crate::corrections`]); the key is there only when the article has
    /// corrections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrections: Option<&'a [crate::corrections::Applied]>,
}

impl Report<'_> {
    /// Writes the report as `serde_json::to_writer_pretty` would, byte for
    /// byte, its lists written in pieces side by side when the `parallel`
    /// feature is on (see [`crate::par`]): each field's value is written
    /// alone and indented one level, then put in the object.
    pub fn write_pretty(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let ((entities, dates), (context, timeline)) = crate::par::join(
            || crate::par::join(|| pretty_list(&self.entities), || pretty_list(&self.dates)),
            || crate::par::join(|| pretty_list(&self.context), || pretty_list(&self.timeline)),
        );
        let mut fields = vec![
            ("title", vec![pretty(self.title)]),
            ("published", vec![pretty(&self.published)]),
            ("place", vec![pretty(&self.place)]),
            ("entities", entities),
            ("dates", dates),
            ("context", context),
            ("timeline", timeline),
        ];
        if let Some(c) = self.corrections {
            fields.push(("corrections", vec![pretty(c)]));
        }
        for (k, (key, value)) in fields.iter().enumerate() {
            out.write_all(if k == 0 { b"{\n  \"" } else { b",\n  \"" })?;
            out.write_all(key.as_bytes())?;
            out.write_all(b"\": ")?;
            for part in value {
                out.write_all(part)?;
            }
        }
        out.write_all(b"\n}")
    }
}

/// `bytes` one level deeper: two more spaces after each line break (a
/// JSON string holds none of its own).
fn indented(bytes: &[u8]) -> Vec<u8> {
    let breaks = bytes.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(bytes.len() + 2 * breaks);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\n  ");
        }
        out.extend_from_slice(line);
    }
    out
}

/// A field's value, pretty-printed one level deep.
fn pretty<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut buf = Vec::new();
    serde_json::to_writer_pretty(&mut buf, value).expect("JSON to memory");
    indented(&buf)
}

/// A list field's value as [`pretty`] writes it, in parts to be written one
/// after the other: the list is written in pieces of items, each as a list
/// of its own (`[`, the items each on its lines, `]`) without its brackets,
/// and the pieces are joined by commas inside one pair of brackets.
fn pretty_list<T: Serialize + Sync>(items: &[T]) -> Vec<Vec<u8>> {
    if items.is_empty() {
        return vec![b"[]".to_vec()];
    }
    let pieces = crate::par::pieces(0..items.len(), 512, &|_| true, &|range| {
        let whole = pretty(&items[range]);
        // `[`, then each item on its lines, then a line break and `]`.
        vec![whole[1..whole.len() - 4].to_vec()]
    });
    let mut parts = Vec::with_capacity(2 * pieces.len() + 1);
    parts.push(b"[".to_vec());
    for (k, piece) in pieces.into_iter().enumerate() {
        if k > 0 {
            parts.push(b",".to_vec());
        }
        parts.push(piece);
    }
    parts.push(b"\n  ]".to_vec());
    parts
}

/// A date value, serialised as its [`DateValue::iso`] string without
/// making that string first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iso(pub DateValue);

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            DateValue::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            DateValue::Month { year, month } => write!(f, "{year:04}-{:02}", u8::from(month)),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Decade(d) => write!(f, "{d:03}"),
            DateValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            DateValue::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
        }
    }
}

impl Serialize for Iso {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Serialize)]
pub struct Offsets {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct EntityReport<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: EntityKind,
    pub description: Option<&'a str>,
    pub mentions: Vec<Offsets>,
}

#[derive(Serialize)]
pub struct DateReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: Iso,
    pub relative: bool,
}

#[derive(Serialize)]
pub struct ContextReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct EventReport<'a> {
    pub date: Iso,
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Builds the report of an analysed article.
pub fn report<'a>(article: &'a Article, analysis: &'a Analysis) -> Report<'a> {
    let idx = CharIndex::new(&article.text);
    let off = |s: Span| Offsets { start: idx.char_offset(s.start), end: idx.char_offset(s.end) };
    Report {
        title: &article.title,
        published: article.published.map(|d| Iso(DateValue::Day(d))),
        place: article.place.as_deref(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityReport {
                id: &e.id,
                name: &e.name,
                kind: e.kind,
                description: e.description.as_deref(),
                mentions: e.mentions.iter().map(|&m| off(m)).collect(),
            })
            .collect(),
        dates: analysis
            .dates
            .iter()
            .map(|d| {
                let o = off(d.span);
                DateReport {
                    start: o.start,
                    end: o.end,
                    text: d.span.of(&article.text),
                    value: Iso(d.value),
                    relative: d.relative,
                }
            })
            .collect(),
        context: analysis
            .context
            .iter()
            .map(|c| {
                let o = off(c.span);
                ContextReport { start: o.start, end: o.end, text: c.span.of(&article.text) }
            })
            .collect(),
        timeline: analysis
            .timeline
            .iter()
            .map(|e| {
                let o = off(e.sentence);
                EventReport { date: Iso(e.date), label: &e.label, start: o.start, end: o.end }
            })
            .collect(),
        corrections: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn pretty_both_ways(r: &Report) {
        let (mut serde, mut ours) = (Vec::new(), Vec::new());
        serde_json::to_writer_pretty(&mut serde, r).unwrap();
        r.write_pretty(&mut ours).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
    }

    #[test]
    fn the_report_is_written_as_serde_json_writes_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval/news");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.retain(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"));
        files.sort();
        assert!(files.len() >= 20, "{dir:?}");
        for f in files.iter().take(12) {
            let a = crate::read::read(&f.to_string_lossy(), &std::fs::read(f).unwrap()).unwrap();
            let an = crate::analysis::analyze(&a);
            pretty_both_ways(&report(&a, &an));
        }
        // No place, no date, nothing found; and a list of corrections.
        let a = crate::read::read("t.txt", b"Quiet\n\nnothing here at all.\n").unwrap();
        let an = crate::analysis::analyze(&a);
        let mut r = report(&a, &an);
        pretty_both_ways(&r);
        let c = crate::corrections::parse("t.lede.toml", "[kinds]\n\"Nothing\" = \"place\"\n").unwrap();
        let mut a2 = crate::read::read("t.txt", b"Quiet\n\nNothing said Ann Lee on May 4, 2024.\n").unwrap();
        let corrected = crate::corrections::analyze(&mut a2, &c);
        let mut r2 = report(&a2, &corrected.analysis);
        r2.corrections = Some(&corrected.applied);
        pretty_both_ways(&r2);
        r.corrections = Some(&[]);
        pretty_both_ways(&r);
    }

    #[test]
    fn a_long_list_written_in_pieces_is_the_list_written_whole() {
        for n in [0, 1, 2, 511, 512, 1023, 1024, 1025, 5000] {
            let items: Vec<EventReport> = (0..n)
                .map(|k| EventReport { date: Iso(DateValue::Year(1900 + k as i32 % 100)), label: "a \"label\"", start: k, end: k + 1 })
                .collect();
            let mut whole = Vec::new();
            serde_json::to_writer_pretty(&mut whole, &items).unwrap();
            assert_eq!(pretty_list(&items).concat(), indented(&whole), "{n} items");
        }
    }

    #[test]
    fn iso_writes_what_date_value_iso_makes() {
        for v in [
            DateValue::Day(date!(2025 - 05 - 06)),
            DateValue::Day(date!(0999 - 12 - 31)),
            DateValue::Month { year: 2024, month: time::Month::March },
            DateValue::Year(1999),
            DateValue::Year(42),
            DateValue::Decade(199),
            DateValue::Decade(7),
            DateValue::Week { year: 2025, week: 3 },
            DateValue::Season { year: 2024, season: crate::dates::Season::Winter },
        ] {
            assert_eq!(Iso(v).to_string(), v.iso());
            assert_eq!(serde_json::to_string(&Iso(v)).unwrap(), format!("\"{}\"", v.iso()));
        }
    }
}
