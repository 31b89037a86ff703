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
/// Built once per text in `O(n)`; each lookup is `O(1)`: the text is cut
/// into blocks of 64 bytes, and for each block the index keeps how many
/// continuation bytes (the extra bytes of multi-byte characters) come
/// before it, and a bit mask of where its own are.
pub struct CharIndex {
    /// Per block: continuation bytes before the block, and the block's mask.
    blocks: Vec<(u64, u64)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut before = 0u64;
        for chunk in bytes.chunks(64) {
            let mask = chunk
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &b)| m | (u64::from((b & 0xc0) == 0x80) << i));
            blocks.push((before, mask));
            before += u64::from(mask.count_ones());
        }
        // The end of the text may start a block of its own.
        blocks.push((before, 0));
        CharIndex { blocks }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let Some(&(before, mask)) = self.blocks.get(byte / 64).or(self.blocks.last()) else { return byte };
        let low = mask & ((1u64 << (byte % 64)) - 1);
        byte - (before + u64::from(low.count_ones())) as usize
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
        // Across blocks, and at a text end that falls on a block's edge.
        for n in [63, 64, 65, 127, 128, 200] {
            let text: String = (0..n).map(|i| if i % 3 == 0 { 'é' } else if i % 7 == 0 { '中' } else { 'a' }).collect();
            let idx = CharIndex::new(&text);
            for (chars, (bytes, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_offset(bytes), chars);
            }
            assert_eq!(idx.char_offset(text.len()), text.chars().count());
        }
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
