//! Work split over the machine's cores.
//!
//! A long text is cut into pieces at places where the pieces share no state
//! (between two sentences, say), each piece is worked on alone, and the
//! results are put back together in order. The cutting is the same
//! everywhere; with the `parallel` feature (the command-line tool turns it
//! on) the pieces run on rayon's thread pool, without it (the browser's
//! wasm has one thread) one after the other. Either way the result is the
//! one a single pass over the whole text gives, which the callers' tests
//! check by cutting into the smallest pieces.

use std::ops::Range;

/// Runs `a` and `b`, side by side when the `parallel` feature is on.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}

/// `work` over `range`, cut into pieces of at least `min` items at the
/// indices `may_cut` allows (an index `k` where a piece may start), and
/// the pieces' results joined in order. A range shorter than twice `min`
/// is one piece.
pub fn pieces<T: Send>(
    range: Range<usize>,
    min: usize,
    may_cut: &(impl Fn(usize) -> bool + Sync),
    work: &(impl Fn(Range<usize>) -> Vec<T> + Sync),
) -> Vec<T> {
    let min = min.max(1);
    if range.len() / 2 < min {
        return work(range);
    }
    // The first allowed cut from the middle on that leaves both pieces `min` long.
    let mid = range.start + range.len() / 2;
    match (mid..=range.end - min).find(|&k| may_cut(k)) {
        Some(cut) => {
            let (mut first, second) =
                join(|| pieces(range.start..cut, min, may_cut, work), || pieces(cut..range.end, min, may_cut, work));
            first.extend(second);
            first
        }
        None => work(range),
    }
}

/// `f` of each index of `0..n`, in pieces of at least `min` indices.
pub fn map<T: Send>(n: usize, min: usize, f: &(impl Fn(usize) -> T + Sync)) -> Vec<T> {
    pieces(0..n, min, &|_| true, &|r: Range<usize>| r.map(f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_only_where_allowed_and_keep_the_order() {
        // Pieces may start only at multiples of 3.
        let seen = std::sync::Mutex::new(Vec::new());
        let out = pieces(0..20, 2, &|k| k % 3 == 0, &|r: Range<usize>| {
            seen.lock().unwrap().push(r.clone());
            r.collect()
        });
        assert_eq!(out, (0..20).collect::<Vec<_>>());
        let mut seen = seen.into_inner().unwrap();
        seen.sort_by_key(|r| r.start);
        assert!(seen.len() > 1, "{seen:?}");
        assert!(seen.iter().all(|r| r.start == 0 || r.start % 3 == 0), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].end == w[1].start), "{seen:?}");
    }

    #[test]
    fn map_is_f_of_each_index_in_order() {
        assert_eq!(map(1000, 7, &|k| k * 2), (0..1000).map(|k| k * 2).collect::<Vec<_>>());
        assert_eq!(map(0, 7, &|k| k), Vec::<usize>::new());
    }

    #[test]
    fn a_short_range_or_one_without_cuts_is_one_piece() {
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let count = |r: Range<usize>| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            vec![r.len()]
        };
        assert_eq!(pieces(0..3, 2, &|_| true, &count), vec![3]);
        assert_eq!(pieces(0..100, 2, &|_| false, &count), vec![100]);
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 2);
    }
}
