//! `sorot annotate` end to end: real files in, JSON Lines out, problems named on stderr.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sorot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sorot")).args(args).output().expect("sorot runs")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn a_folder_of_txt_files_yields_mentions_whose_offsets_slice_the_file() {
    let out = sorot(&["annotate", seeds().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mentions = lines(&out);
    let docs: std::collections::BTreeSet<&str> = mentions.iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert_eq!(docs.len(), 5, "every seed article has mentions");
    for m in &mentions {
        let text = std::fs::read_to_string(seeds().join(m["doc"].as_str().unwrap())).unwrap();
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], m["text"].as_str().unwrap(), "offsets of {m}");
        assert!(matches!(m["kind"].as_str(), Some("country" | "organization")));
    }
    let first = &mentions[0];
    assert_eq!(
        (first["doc"].as_str(), first["entity"].as_str(), first["text"].as_str()),
        (Some("000_b8a51dd5a0e922bf.txt"), Some("cis"), Some("CIS"))
    );
}

#[test]
fn malformed_jsonl_lines_are_named_and_the_rest_is_annotated() {
    let dir = std::env::temp_dir().join(format!("sorot-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("mixed.jsonl");
    let mut bytes = b"{\"id\": \"a\", \"text\": \"Presiden AS dan PBB\"}\n{not json}\n".to_vec();
    bytes.extend_from_slice(b"{\"id\": \"b\", \"text\": \"\xff\xfe\"}\n");
    bytes.extend_from_slice("{\"id\": \"c\", \"title\": null, \"text\": \"<b>Rusia</b>\"}\n".as_bytes());
    std::fs::write(&corpus, bytes).unwrap();
    let missing = dir.join("missing.txt");
    let out = sorot(&["annotate", corpus.to_str().unwrap(), missing.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();

    assert_eq!(out.status.code(), Some(1), "problems make the exit status 1");
    let got: Vec<(String, String)> =
        lines(&out).iter().map(|m| (m["doc"].as_str().unwrap().into(), m["entity"].as_str().unwrap().into())).collect();
    assert_eq!(got, [("a".into(), "US".into()), ("a".into(), "un".into()), ("c".into(), "RU".into())]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("mixed.jsonl:2:"), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:3: invalid UTF-8 from column"), "{stderr}");
    assert!(stderr.contains("4 document(s) read: 3 annotated (1 altered), 1 skipped"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

#[test]
fn usage_errors_exit_with_status_2() {
    assert_eq!(sorot(&[]).status.code(), Some(2));
    assert_eq!(sorot(&["annotate"]).status.code(), Some(2));
    assert!(sorot(&["--help"]).status.success());
}

#[test]
fn a_misspelled_name_says_so_and_a_ministry_names_its_open_phrase() {
    let dir = std::env::temp_dir().join(format!("sorot-cli-misspelled-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("typos.jsonl");
    let text = "Melawan tim lemah, Maldova. Akun Kementerian Komunikasi Kuba ditangguhkan. Moldova menang.";
    std::fs::write(&corpus, serde_json::json!({"id": "t", "text": text}).to_string() + "\n").unwrap();
    let out = sorot(&["annotate", corpus.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<_> = lines(&out)
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["alias"].as_str().unwrap().to_string(),
                m.get("corrected").cloned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Maldova".into(), "Moldova".into(), Some(serde_json::json!(true))),
            ("Kementerian Komunikasi Kuba".into(), "Kementerian … Kuba".into(), None),
            ("Moldova".into(), "Moldova".into(), None),
        ]
    );
}

#[test]
fn a_duplicate_id_keeps_the_first_document_as_the_explorer_does() {
    let dir = std::env::temp_dir().join(format!("sorot-cli-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = dir.join("dup.jsonl");
    let text = "{\"id\": \"a\", \"text\": \"Rusia\"}\n{\"id\": \"a\", \"text\": \"China\"}\r\n{\"id\": \"b\", \"text\": \"Jepang\"}";
    std::fs::write(&corpus, text).unwrap();
    let out = sorot(&["annotate", corpus.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let got: Vec<(String, String)> =
        lines(&out).iter().map(|m| (m["doc"].as_str().unwrap().into(), m["entity"].as_str().unwrap().into())).collect();
    assert_eq!(got, [("a".into(), "RU".into()), ("b".into(), "JP".into())]);
    // The same rule, read by the engine as the explorer reads it.
    let parsed = sorot_engine::corpus::parse_jsonl(text);
    let kept: Vec<(&str, &str)> = parsed.documents.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
    assert_eq!(kept, [("a", "Rusia"), ("b", "Jepang")]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("dup.jsonl:2: duplicate id \"a\" (first on line 1)"), "{stderr}");
    assert_eq!(parsed.errors[0].line, 2);
    assert_eq!(out.status.code(), Some(1));
}

/// A scratch folder removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sorot-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn docs(out: &Output) -> Vec<String> {
    let mut d: Vec<String> = lines(out).iter().map(|m| m["doc"].as_str().unwrap().to_string()).collect();
    d.dedup();
    d
}

#[cfg(unix)]
#[test]
fn a_folder_walk_names_files_by_their_path_and_never_follows_links_blindly() {
    use std::os::unix::fs::symlink;
    let s = Scratch::new("walk");
    let p = &s.0;
    for d in ["a", "b"] {
        std::fs::create_dir_all(p.join(d)).unwrap();
    }
    std::fs::write(p.join("a/x.txt"), "Rusia").unwrap();
    std::fs::write(p.join("b/x.txt"), "China").unwrap();
    symlink("..", p.join("b/up")).unwrap();
    symlink("self2", p.join("self1")).unwrap();
    symlink("self1", p.join("self2")).unwrap();
    let fifo = p.join("a/pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());

    // A FIFO is not read (reading it would block for ever), links are noted, and two files
    // named x.txt keep their folders in their ids.
    let out = sorot(&["annotate", p.to_str().unwrap()]);
    assert_eq!(docs(&out), ["a/x.txt", "b/x.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pipe.txt: not a regular file; skipped"), "{stderr}");
    assert!(stderr.contains("up: a symbolic link, not followed"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));

    // Followed, the loop back to the folder is read once and the self-links are reported.
    let out = sorot(&["annotate", "--follow-symlinks", p.to_str().unwrap()]);
    assert_eq!(docs(&out), ["a/x.txt", "b/x.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a link loop"), "{stderr}");
    assert!(stderr.contains("self1: broken link"), "{stderr}");
}

/// `sorot` run as a user without root's power to read anything: as root (as CI runs), through
/// `setpriv` as `nobody`; otherwise as the user running the tests.
fn sorot_unprivileged(args: &[&str]) -> Output {
    let uid = Command::new("id").arg("-u").output().expect("id runs");
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_sorot")])
            .args(args)
            .output()
            .expect("setpriv runs")
    } else {
        sorot(args)
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_or_file_is_reported_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("unreadable");
    let p = &s.0;
    let mode = |path: &Path, m: u32| std::fs::set_permissions(path, std::fs::Permissions::from_mode(m)).unwrap();
    mode(p, 0o755);
    for (file, text) in [("a/1.txt", "Rusia"), ("b/2.txt", "China"), ("c/3.txt", "Jepang"), ("c/4.txt", "ASEAN")] {
        std::fs::create_dir_all(p.join(file).parent().unwrap()).unwrap();
        std::fs::write(p.join(file), text).unwrap();
        mode(&p.join(file), 0o644);
    }
    mode(&p.join("a"), 0o755);
    mode(&p.join("c"), 0o755);
    mode(&p.join("b"), 0o000);
    mode(&p.join("c/4.txt"), 0o000);
    let out = sorot_unprivileged(&["annotate", p.to_str().unwrap()]);
    mode(&p.join("b"), 0o755);
    mode(&p.join("c/4.txt"), 0o644);

    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(docs(&out), ["a/1.txt", "c/3.txt"], "{stderr}");
    assert!(stderr.contains("b: Permission denied") && stderr.contains("folder skipped"), "{stderr}");
    assert!(stderr.contains("4.txt: Permission denied"), "{stderr}");
    assert!(stderr.contains("2 problem(s) reported above"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
}

#[test]
fn json_lines_of_any_line_ending_and_odd_fields_lose_no_document_silently() {
    let s = Scratch::new("hostile");
    let corpus = s.0.join("h.jsonl");
    let mut bytes = b"{\"id\":\"a\",\"text\":\"Rusia\"}\r{\"id\":\"b\",\"text\":\"China\",\"title\":5}\r".to_vec();
    bytes.extend_from_slice(
        b"{\"id\":\"c\",\"text\":\"Jepang \\ud800\"}\r\n[\"d\",null,null,null,null,null,\"Rusia\"]\n",
    );
    bytes.extend_from_slice(b"{\"id\":\"e\",\"text\":\"Ch\xffina Korea\"}\n\n{\"id\":\"a\",\"text\":\"again\"}");
    std::fs::write(&corpus, bytes).unwrap();
    let out = sorot(&["annotate", corpus.to_str().unwrap()]);
    assert_eq!(docs(&out), ["a", "b", "c", "e"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for want in [
        "h.jsonl:2: `title` is 5",
        "h.jsonl:3: an escaped lone surrogate",
        "h.jsonl:4: a record is a JSON object",
        "h.jsonl:5: invalid UTF-8",
        "h.jsonl:7: duplicate id \"a\"",
        // In = annotated + skipped.
        "6 document(s) read: 4 annotated (3 altered), 2 skipped",
    ] {
        assert!(stderr.contains(want), "{want:?} in {stderr}");
    }
}
