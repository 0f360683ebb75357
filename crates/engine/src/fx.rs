//! FxHash, the small multiply-rotate hasher of rustc: fast on the short keys of the matcher and
//! the index. Not resistant to chosen collisions, which only cost time on one's own corpus.

use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hasher for short keys (FxHash); the matcher's keys are not attacker-chosen
/// in any way that matters, since a worst case only costs time on one's own corpus.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct FxHasher(u64);

pub(crate) type Fx = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
