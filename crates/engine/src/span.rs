//! Byte ranges into a document's UTF-8 text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a UTF-8 text.
///
/// Invariant: `start <= end`. Offsets are bytes, so a span slices the text it came from
/// directly; both ends lie on char boundaries when the span was produced by this crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// Makes a span.
    ///
    /// # Panics
    /// If `start > end`, or if either end does not fit in a `u32` (texts over 4 GiB are not
    /// supported).
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        let start = u32::try_from(start).expect("text offsets fit in u32");
        let end = u32::try_from(end).expect("text offsets fit in u32");
        Span { start, end }
    }

    /// The range as `usize` offsets.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span does not lie on char boundaries of `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}
