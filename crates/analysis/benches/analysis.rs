//! Throughput of the analysis: `read_str` + `analyze` over one long article
//! (about 8 MB) made by repeating the evaluation articles with varied names
//! and numbers, so no two paragraphs are the same.
//!
//! ```text
//! cargo bench -p lede-analysis --bench analysis
//! ```

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede_analysis::read::{read_str, Format};

const TARGET_BYTES: usize = 8 * 1024 * 1024;

/// Body paragraphs of the evaluation articles (no title, no front matter).
fn paragraphs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/eval")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt")))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        out.extend(text.lines().skip(1).filter(|l| l.split_whitespace().count() > 6).map(str::to_string));
    }
    assert!(!out.is_empty(), "no evaluation articles to build the benchmark text from");
    out
}

/// A wire-style article of about `bytes` bytes.
pub fn long_article(bytes: usize) -> String {
    let paras = paragraphs();
    let surnames = ["Okafor", "Lindqvist", "Hadley", "Mercado", "Kimura", "Solberg", "Petrauskas", "Qureshi"];
    let mut s = String::with_capacity(bytes + 4096);
    s.push_str("Long Report on Many Things\n\nMOSCOW, May 6, 2025 – ");
    let mut k = 0usize;
    while s.len() < bytes {
        let p = &paras[k % paras.len()];
        // Vary numbers and one surname so paragraphs differ.
        let varied = p.replace("said", if k % 3 == 0 { "said" } else { "told reporters" });
        s.push_str(&varied);
        s.push_str(&format!(" {} said on day {} of the talks.", surnames[k % surnames.len()], k % 28 + 1));
        s.push_str("\n\n");
        k += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = long_article(TARGET_BYTES);
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("read_str+analyze 8MB", |b| {
        b.iter(|| {
            let article = read_str("bench.txt", Format::Text, text.clone()).unwrap();
            std::hint::black_box(lede_analysis::analysis::analyze(&article))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
