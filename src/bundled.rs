//! The seed corpus, embedded at build time (see `build.rs` and `seeds/corpus.toml`).

use sorot_engine::corpus::Document;

/// One bundled article: metadata from the manifest, text from its file.
#[derive(Debug, Clone, Copy)]
pub struct BundledDoc {
    /// File name, which is the document id.
    pub id: &'static str,
    /// Headline, or empty.
    pub title: &'static str,
    /// Outlet, or empty.
    pub outlet: &'static str,
    /// ISO date, or empty.
    pub date: &'static str,
    /// URL, or empty.
    pub url: &'static str,
    /// The article, byte for byte.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled articles as documents; empty manifest fields become `None`.
pub fn documents() -> Vec<Document> {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    BUNDLED
        .iter()
        .map(|b| Document {
            id: b.id.into(),
            title: opt(b.title),
            outlet: opt(b.outlet),
            date: opt(b.date),
            url: opt(b.url),
            text: b.text.into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_five_seed_articles_are_bundled_byte_for_byte() {
        let docs = documents();
        assert_eq!(docs.len(), 5);
        for d in &docs {
            let on_disk = std::fs::read_to_string(format!("{}/seeds/{}", env!("CARGO_MANIFEST_DIR"), d.id)).unwrap();
            assert_eq!(d.text, on_disk, "{} differs from seeds/", d.id);
        }
        assert_eq!(docs[2].date.as_deref(), Some("2022-12-27"));
        assert_eq!(docs[1].title, None, "the manifest leaves unknown fields empty");
    }
}
