//! Where a `?corpus=` comes from, and what to tell the reader when it cannot be read: pure
//! rules, tested natively; the loader applies them.
//!
//! Only `http:` and `https:` addresses (or addresses relative to the page) are fetched: a
//! `data:`, `blob:` or `javascript:` corpus would put documents of anyone's choosing on this
//! site's own origin without a sign that they are not the site's.
//!
//! ```
//! use sorot_app::corpus_source::{check, Source};
//!
//! let page = "https://user.github.io/sorot/";
//! assert_eq!(check("big.jsonl", page), Ok(Source { url: "big.jsonl".into(), cross_origin: false }));
//! assert!(check("https://example.org/a.jsonl", page).unwrap().cross_origin);
//! assert!(check("data:application/json,{}", page).is_err());
//! ```

use sorot_engine::corpus::LineError;

/// A corpus address that may be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The address, as given.
    pub url: String,
    /// It names another host than the page's (the host must then allow the page to read it).
    pub cross_origin: bool,
}

/// The scheme of an absolute address (`https` of `https://…`), lower-cased, or `None` for a
/// relative one.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let valid = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| s.to_ascii_lowercase())
}

/// The origin (`https://host:port`) of an absolute http(s) address.
fn origin(url: &str) -> Option<String> {
    let s = scheme(url)?;
    let rest = url[s.len() + 1..].strip_prefix("//")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    Some(format!("{s}://{}", host.to_ascii_lowercase()))
}

/// Checks a `?corpus=` address against the page's own address: http(s) or relative is fetched,
/// anything else is refused with the reason.
pub fn check(url: &str, page: &str) -> Result<Source, String> {
    let url = url.trim();
    if url.is_empty() {
        return Err("The corpus address is empty.".into());
    }
    match scheme(url).as_deref() {
        None => {
            // Relative, or protocol-relative (`//host/path`).
            let cross_origin = url.starts_with("//")
                && origin(&format!("{}:{url}", scheme(page).unwrap_or_else(|| "https".into()))) != origin(page);
            Ok(Source { url: url.into(), cross_origin })
        }
        Some("http" | "https") => Ok(Source { url: url.into(), cross_origin: origin(url) != origin(page) }),
        Some(other) => Err(format!(
            "Sorot opens corpora only from http or https addresses, not “{other}:” ones: a corpus from such an \
             address could not be told apart from this site's own. Put the file on a web server (or next to \
             this page) and link to it."
        )),
    }
}

/// What to say when `fetch` itself failed (the browser gives no reason it may show: a refused
/// cross-origin read, an unknown host and a dropped connection look the same).
pub fn fetch_failed(source: &Source, page: &str) -> String {
    if source.cross_origin {
        let page_origin = origin(page).unwrap_or_else(|| "this page's origin".into());
        format!(
            "The browser could not read {}. It is on another host, which must allow this page to read it: its \
             server must send the header “Access-Control-Allow-Origin: {page_origin}” (or “*”) with the file. \
             If it does, check the address and the connection, then retry.",
            source.url
        )
    } else {
        format!("The browser could not fetch {}: check the address and the connection, then retry.", source.url)
    }
}

/// What to say when the address answered with a redirect that the browser would not follow:
/// the new address is on a host that does not let this page read it.
pub fn redirect_failed(source: &Source, page: &str) -> String {
    let page_origin = origin(page).unwrap_or_else(|| "this page's origin".into());
    format!(
        "{} redirects to another address, which the browser could not read. A corpus on another host must be \
         served with the header “Access-Control-Allow-Origin: {page_origin}” (or “*”), and so must every \
         redirect on the way to it; or link to the final address directly.",
        source.url
    )
}

/// What to say, after the address, about a file of `lines` lines from which no document came.
pub fn nothing_read(lines: usize, report: &Reported) -> String {
    match report.first(1).pop() {
        _ if lines == 0 => "is empty.".into(),
        None => "holds only blank lines.".into(),
        Some(first) => format!("holds no readable document ({first}); {} line(s) reported.", report.len()),
    }
}

/// Whether an HTTP error status may pass if the page tries again: a timeout, too many requests
/// or a server error, but not a missing file or a refused one.
pub fn status_may_pass(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500..=599)
}

/// What to say about an answer that is not a JSON Lines file, from its content type and first
/// bytes: an HTML page (a link to a page about the file, a login wall, an error page), or
/// `None` when it may be JSON Lines.
pub fn not_json_lines(content_type: Option<&str>, first_bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&first_bytes[..first_bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    let html_type = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("text/html"));
    let html_text = head.starts_with("<!doctype")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body");
    (html_type && head.starts_with('<') || html_text).then(|| {
        "The address gave an HTML page, not a JSON Lines file: it may link to a page about the file rather than \
         to the file itself (on GitHub, use the “Raw” link), or the server answered with an error or login page."
            .to_string()
    })
}

/// Largest corpus this explorer loads in a browser tab, in bytes: the collection needs about
/// four to five times the file in memory, and a WebAssembly tab has 4 GiB at most.
pub const MAX_BYTES: f64 = 600e6;

/// What to say about a corpus of `bytes` bytes that is too large to load, or `None`.
pub fn too_large(bytes: f64) -> Option<String> {
    (bytes > MAX_BYTES).then(|| {
        format!(
            "The corpus is {:.0} MB: too large to annotate and index in a browser tab (at most {:.0} MB). Split \
             it, or explore it with the command line (sorot annotate).",
            bytes / 1e6,
            MAX_BYTES / 1e6
        )
    })
}

/// The lines of a corpus that were skipped, and those whose document was kept with a change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reported {
    /// Lines no document came from.
    pub skipped: Vec<LineError>,
    /// Lines whose document was kept with a change (a converted field, a replaced character).
    pub altered: Vec<LineError>,
}

impl Reported {
    /// Lines reported.
    pub fn len(&self) -> usize {
        self.skipped.len() + self.altered.len()
    }

    /// No line was reported.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first `n` reported lines in file order, each saying whether its document was kept.
    pub fn first(&self, n: usize) -> Vec<String> {
        let (mut s, mut a) = (self.skipped.iter().peekable(), self.altered.iter().peekable());
        let mut out = Vec::with_capacity(n.min(self.len()));
        while out.len() < n {
            let skipped = match (s.peek(), a.peek()) {
                (Some(x), Some(y)) => x.line <= y.line,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            out.push(if skipped {
                format!("{}; skipped", s.next().unwrap())
            } else {
                format!("{}; kept", a.next().unwrap())
            });
        }
        out
    }

    /// One line about what was reported: how many lines were skipped, and how many kept with a change.
    pub fn summary(&self) -> String {
        match (self.skipped.len(), self.altered.len()) {
            (s, 0) => format!("{s} line(s) of the corpus could not be read and were skipped"),
            (0, k) => format!("{k} line(s) of the corpus were read with a change and kept"),
            (s, k) => format!(
                "{s} line(s) of the corpus could not be read and were skipped; {k} were read with a change and kept"
            ),
        }
    }
}

/// The folder of a bundle named by a `?corpus=` address, ending in `/`: the address itself
/// when it ends in `/`, its folder when it names a `manifest.json`; `None` for any other
/// address, which is a JSON Lines file.
///
/// ```
/// use sorot_app::corpus_source::bundle_folder;
///
/// assert_eq!(bundle_folder("https://host/site/big/").as_deref(), Some("https://host/site/big/"));
/// assert_eq!(bundle_folder("big/manifest.json").as_deref(), Some("big/"));
/// assert_eq!(bundle_folder("big.jsonl"), None);
/// ```
pub fn bundle_folder(url: &str) -> Option<String> {
    let path = url.trim().split(['?', '#']).next().unwrap_or("");
    if path.ends_with('/') {
        return Some(path.to_string());
    }
    path.strip_suffix(sorot_engine::bundle::MANIFEST).filter(|p| p.is_empty() || p.ends_with('/')).map(String::from)
}

/// The bundle the site itself publishes: the seed articles unless `./run build --corpus`
/// built another, next to the page.
pub const SITE_BUNDLE: &str = "bundle/";

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://user.github.io/sorot/?q=x";

    #[test]
    fn only_http_and_relative_addresses_are_fetched() {
        for ok in
            ["a.jsonl", "./data/a.jsonl", "/x.jsonl", "https://user.github.io/a.jsonl", "HTTP://h/a", "//cdn.example/a"]
        {
            assert!(check(ok, PAGE).is_ok(), "{ok}");
        }
        for bad in
            ["data:application/json,{}", "javascript:alert(1)", "blob:https://x/1", "file:///etc/passwd", " ", ""]
        {
            assert!(check(bad, PAGE).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn another_host_is_cross_origin_and_the_message_names_the_header_to_send() {
        assert!(!check("https://user.github.io/other/a.jsonl", PAGE).unwrap().cross_origin);
        let s = check("https://data.example.org/a.jsonl", PAGE).unwrap();
        assert!(s.cross_origin);
        assert!(check("//data.example.org/a.jsonl", PAGE).unwrap().cross_origin);
        let m = fetch_failed(&s, PAGE);
        assert!(m.contains("Access-Control-Allow-Origin: https://user.github.io"), "{m}");
        assert!(!fetch_failed(&check("a.jsonl", PAGE).unwrap(), PAGE).contains("Access-Control"));
    }

    #[test]
    fn a_redirect_the_browser_would_not_follow_names_the_header_and_the_way_out() {
        let m = redirect_failed(&check("data/a.jsonl", PAGE).unwrap(), PAGE);
        assert!(m.starts_with("data/a.jsonl redirects"), "{m}");
        assert!(m.contains("Access-Control-Allow-Origin: https://user.github.io"), "{m}");
        assert!(m.contains("final address"), "{m}");
    }

    #[test]
    fn only_passing_http_failures_are_worth_a_retry() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(status_may_pass(s), "{s}");
        }
        for s in [400, 401, 403, 404, 410] {
            assert!(!status_may_pass(s), "{s}");
        }
    }

    #[test]
    fn an_html_page_is_told_apart_from_json_lines() {
        assert!(not_json_lines(Some("text/html; charset=utf-8"), b"  <!DOCTYPE html><html>").is_some());
        assert!(not_json_lines(None, b"\n<html lang=id>").is_some());
        assert!(not_json_lines(Some("application/x-ndjson"), b"{\"id\": \"<html>\"}").is_none());
        assert!(
            not_json_lines(Some("text/html"), b"{\"id\": 1}").is_none(),
            "a wrong type on a JSON file is no reason to refuse it"
        );
    }

    #[test]
    fn reported_lines_are_listed_in_file_order_and_counted_by_what_became_of_them() {
        let e = |line: usize, message: &str| LineError { line, message: message.into() };
        let r = Reported { skipped: vec![e(2, "not JSON"), e(9, "no text")], altered: vec![e(4, "title converted")] };
        assert_eq!(
            r.first(10),
            ["line 2: not JSON; skipped", "line 4: title converted; kept", "line 9: no text; skipped"]
        );
        assert_eq!(r.first(1), ["line 2: not JSON; skipped"]);
        assert_eq!(
            r.summary(),
            "2 line(s) of the corpus could not be read and were skipped; 1 were read with a change and kept"
        );
        let kept = Reported { altered: r.altered.clone(), ..Reported::default() };
        assert_eq!(kept.summary(), "1 line(s) of the corpus were read with a change and kept");
        assert!(Reported::default().is_empty());
    }

    #[test]
    fn a_file_without_documents_says_whether_it_is_empty_blank_or_unreadable() {
        assert_eq!(nothing_read(0, &Reported::default()), "is empty.");
        assert_eq!(nothing_read(4, &Reported::default()), "holds only blank lines.");
        let bad = Reported { skipped: vec![LineError { line: 1, message: "not JSON".into() }], ..Reported::default() };
        assert_eq!(
            nothing_read(1, &bad),
            "holds no readable document (line 1: not JSON; skipped); 1 line(s) reported."
        );
    }

    #[test]
    fn a_corpus_too_large_for_a_tab_is_refused_with_its_size() {
        assert!(too_large(45e6).is_none());
        assert!(too_large(2e9).unwrap().contains("2000 MB"));
    }
}
