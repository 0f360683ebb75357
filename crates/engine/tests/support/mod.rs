//! Helpers shared by the integration tests (and `examples/fingerprint.rs`).
pub mod describe;
