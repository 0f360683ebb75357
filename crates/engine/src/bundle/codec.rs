//! The bundle's binary encoding: LEB128 varints, length-prefixed UTF-8, and a header naming the
//! kind of file and the format version. Reading never panics: every short or malformed file is
//! a [`BundleError`] naming it.

use std::fmt;

/// Every bundle file but the manifest starts with these bytes, then its kind and the version.
pub(crate) const MAGIC: &[u8; 5] = b"SOROT";

/// A bundle that cannot be read, and which file of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    /// The file, relative to the bundle's folder (`manifest.json`, `terms/….bin`).
    pub file: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for BundleError {}

/// Writes one file.
#[derive(Debug, Default)]
pub(crate) struct Enc {
    pub(crate) buf: Vec<u8>,
}

impl Enc {
    /// A file of `kind`, with the header written.
    pub(crate) fn new(kind: u8, version: u8) -> Enc {
        let mut buf = Vec::with_capacity(1 << 12);
        buf.extend_from_slice(MAGIC);
        buf.push(kind);
        buf.push(version);
        Enc { buf }
    }

    pub(crate) fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// `None` as 0, a text as its length plus one, then its bytes.
    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                self.uint(s.len() as u64 + 1);
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    pub(crate) fn u64_le(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// `text` front-coded against `prev`: the bytes they share (whole characters), then the rest.
    pub(crate) fn front(&mut self, prev: &str, text: &str) {
        let mut shared = prev.bytes().zip(text.bytes()).take_while(|(a, b)| a == b).count();
        while !text.is_char_boundary(shared) {
            shared -= 1;
        }
        self.uint(shared as u64);
        self.uint((text.len() - shared) as u64);
        self.buf.extend_from_slice(&text.as_bytes()[shared..]);
    }
}

/// Reads one file.
#[derive(Debug)]
pub(crate) struct Dec<'a> {
    bytes: &'a [u8],
    at: usize,
    file: &'a str,
}

impl<'a> Dec<'a> {
    /// A reader of `bytes`, which must be a file of `kind` in `version`.
    pub(crate) fn new(bytes: &'a [u8], file: &'a str, kind: u8, version: u8) -> Result<Dec<'a>, BundleError> {
        let d = Dec { bytes, at: MAGIC.len() + 2, file };
        if bytes.len() < d.at || &bytes[..MAGIC.len()] != MAGIC {
            return Err(d.error("not a Sorot bundle file"));
        }
        if bytes[MAGIC.len()] != kind {
            return Err(d.error(&format!("holds data of kind {}, expected {kind}", bytes[MAGIC.len()])));
        }
        if bytes[MAGIC.len() + 1] != version {
            return Err(d.error(&format!(
                "is format version {}, this Sorot reads version {version}: rebuild the bundle with this Sorot's `sorot build`",
                bytes[MAGIC.len() + 1]
            )));
        }
        Ok(d)
    }

    pub(crate) fn error(&self, message: &str) -> BundleError {
        BundleError { file: self.file.to_string(), message: message.to_string() }
    }

    fn short(&self) -> BundleError {
        self.error(&format!("ends early (at byte {} of {})", self.at, self.bytes.len()))
    }

    pub(crate) fn uint(&mut self) -> Result<u64, BundleError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let &b = self.bytes.get(self.at).ok_or_else(|| self.short())?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.error("holds a number longer than 64 bits"))
    }

    /// A number that must fit `u32` (ids, offsets, counts).
    pub(crate) fn u32(&mut self) -> Result<u32, BundleError> {
        let v = self.uint()?;
        u32::try_from(v).map_err(|_| self.error(&format!("holds {v} where a 32-bit number belongs")))
    }

    /// A count of items that each take at least one byte: larger than what is left is an error,
    /// so that a corrupt count cannot ask for a huge allocation.
    pub(crate) fn count(&mut self) -> Result<usize, BundleError> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(self.error(&format!("counts {n} items in {} bytes", self.bytes.len() - self.at)));
        }
        Ok(n as usize)
    }

    fn take(&mut self, n: u64) -> Result<&'a [u8], BundleError> {
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(self.short());
        }
        let s = &self.bytes[self.at..self.at + n as usize];
        self.at += n as usize;
        Ok(s)
    }

    fn utf8(&self, b: &'a [u8]) -> Result<&'a str, BundleError> {
        std::str::from_utf8(b).map_err(|_| self.error("holds text that is not UTF-8"))
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, BundleError> {
        let n = self.uint()?;
        let b = self.take(n)?;
        self.utf8(b)
    }

    pub(crate) fn opt_str(&mut self) -> Result<Option<&'a str>, BundleError> {
        match self.uint()? {
            0 => Ok(None),
            n => {
                let b = self.take(n - 1)?;
                self.utf8(b).map(Some)
            }
        }
    }

    pub(crate) fn u64_le(&mut self) -> Result<u64, BundleError> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes(b.try_into().expect("eight bytes")))
    }

    /// A front-coded text (see [`Enc::front`]) after `prev`.
    pub(crate) fn front(&mut self, prev: &str) -> Result<String, BundleError> {
        let shared = self.uint()?;
        if shared > prev.len() as u64 {
            return Err(self.error("shares more of a word than the word before it has"));
        }
        let n = self.uint()?;
        let rest = self.take(n)?;
        let mut text = Vec::with_capacity(shared as usize + rest.len());
        text.extend_from_slice(&prev.as_bytes()[..shared as usize]);
        text.extend_from_slice(rest);
        String::from_utf8(text).map_err(|_| self.error("holds a word that is not UTF-8"))
    }

    /// A front-coded text after the last of `words`, appended to them.
    pub(crate) fn front_into(&mut self, words: &mut Words) -> Result<(), BundleError> {
        let prev = words.last_range();
        let shared = self.uint()?;
        if shared > (prev.end - prev.start) as u64 || !words.buf[prev.start..].is_char_boundary(shared as usize) {
            return Err(self.error("shares more of a word than the word before it has"));
        }
        let n = self.uint()?;
        let rest = self.take(n)?;
        let rest = std::str::from_utf8(rest).map_err(|_| self.error("holds a word that is not UTF-8"))?;
        words.buf.extend_from_within(prev.start..prev.start + shared as usize);
        words.buf.push_str(rest);
        words.ends.push(u32::try_from(words.buf.len()).map_err(|_| self.error("holds too many words"))?);
        Ok(())
    }

    /// Errors unless every byte has been read.
    pub(crate) fn end(&self) -> Result<(), BundleError> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(self.error(&format!("has {} bytes after its end", self.bytes.len() - self.at)))
        }
    }
}

/// Words one after another in one buffer: a shard's dictionary without an allocation per word.
#[derive(Debug, Default)]
pub(crate) struct Words {
    buf: String,
    /// Where each word ends in `buf`.
    ends: Vec<u32>,
}

impl Words {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    fn range(&self, k: usize) -> std::ops::Range<usize> {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        start..self.ends[k] as usize
    }

    fn last_range(&self) -> std::ops::Range<usize> {
        match self.ends.len() {
            0 => 0..0,
            n => self.range(n - 1),
        }
    }

    pub(crate) fn get(&self, k: usize) -> &str {
        &self.buf[self.range(k)]
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }

    /// The index of `text`, as `slice::binary_search`.
    pub(crate) fn find(&self, text: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(text) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The number of words before `text` (the words are in byte order).
    pub(crate) fn before(&self, text: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) < text {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// FNV-1a, 64 bits: the content hash in file names (not a defence against anyone; it tells
/// caches when a file changed).
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_texts_and_front_coding_round_trip() {
        let mut e = Enc::new(7, 1);
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            e.uint(v);
        }
        e.str("Rusia");
        e.opt_str(None);
        e.opt_str(Some(""));
        e.front("kerja", "kerjasama");
        e.front("kerjasama", "ketua");
        e.u64_le(0xdead_beef);
        let mut d = Dec::new(&e.buf, "f.bin", 7, 1).unwrap();
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(d.uint().unwrap(), v);
        }
        assert_eq!(d.str().unwrap(), "Rusia");
        assert_eq!(d.opt_str().unwrap(), None);
        assert_eq!(d.opt_str().unwrap(), Some(""));
        assert_eq!(d.front("kerja").unwrap(), "kerjasama");
        assert_eq!(d.front("kerjasama").unwrap(), "ketua");
        assert_eq!(d.u64_le().unwrap(), 0xdead_beef);
        d.end().unwrap();
    }

    #[test]
    fn a_truncated_or_foreign_file_is_an_error_naming_it() {
        let mut e = Enc::new(3, 1);
        e.str("Jakarta");
        for cut in 0..e.buf.len() {
            let r = Dec::new(&e.buf[..cut], "x.bin", 3, 1).and_then(|mut d| d.str().map(str::to_string));
            assert_eq!(r.unwrap_err().file, "x.bin", "cut at {cut}");
        }
        assert!(Dec::new(&e.buf, "x.bin", 4, 1).unwrap_err().message.contains("kind"));
        assert!(Dec::new(&e.buf, "x.bin", 3, 2).unwrap_err().message.contains("rebuild"));
        let mut huge = Enc::new(3, 1);
        huge.uint(u64::MAX);
        assert!(Dec::new(&huge.buf, "x.bin", 3, 1).unwrap().count().is_err(), "a count past the end is refused");
    }
}
