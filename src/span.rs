//! Byte ranges into an article's text.
//!
//! Every piece of analysis points back into the text it came from with a
//! [`Span`]: a half-open range of **byte** offsets. Byte offsets let the
//! viewer slice the text without re-walking it; the `analyze` command turns
//! them into character offsets for its JSON (see [`CharIndex`]).

use serde::Serialize;

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into character (Unicode scalar) offsets.
///
/// Built once per text in `O(n)`; each lookup is a binary search over the
/// positions of the non-ASCII characters, so ASCII-heavy texts stay cheap.
pub struct CharIndex {
    /// Byte offsets of every multi-byte character, with the number of extra
    /// bytes seen up to and including it.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharIndex { wide }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Count the extra bytes of the wide characters that start before `byte`.
        let k = self.wide.partition_point(|&(at, _)| at < byte);
        if k == 0 {
            byte
        } else {
            byte - self.wide[k - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "a’b–c d";
        let idx = CharIndex::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bytes), chars);
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.of("abcdefg"), "cde");
        assert!(s.contains(Span::new(3, 5)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
    }
}
