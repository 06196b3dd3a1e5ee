//! Bad input through the real binary: each gets a clear error naming file and line; the batch goes on; exit 1.

mod common;

use common::*;
use std::io::Write;

fn good(dir: &std::path::Path) -> String {
    let p = dir.join("good.jsonl");
    std::fs::write(&p, "{\"id\":\"ok\",\"text\":\"China and Belarus signed an agreement.\"}\n").unwrap();
    p.display().to_string()
}

/// Runs `dyad actors BAD GOOD` and checks: exit 1, stderr names the file (and line), GOOD still coded.
fn check_bad(name: &str, content: &[u8], expect_in_err: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join(name);
    std::fs::write(&bad, content).unwrap();
    let good = good(dir.path());
    let out = run(&["actors", bad.to_str().unwrap(), &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {err}");
    assert!(err.contains(bad.to_str().unwrap()), "{name}: error does not name the file: {err}");
    for e in expect_in_err {
        assert!(err.contains(e), "{name}: error lacks {e:?}: {err}");
    }
    let ms = lines(&out);
    assert!(ms.iter().any(|m| m["doc"] == "ok"), "{name}: the good file was not processed");
}

#[test]
fn invalid_utf8() {
    check_bad("latin1.txt", b"Article Number: 1\nTitle\nFirst line.\nCaf\xe9 line.\n", &[":4:", "invalid UTF-8"]);
    check_bad(
        "bad.jsonl",
        b"{\"id\":\"x\",\"text\":\"fine\"}\n{\"id\":\"y\",\"text\":\"\xff\"}\n",
        &[":2:", "invalid UTF-8"],
    );
}

#[test]
fn broken_json_line() {
    check_bad(
        "broken.jsonl",
        b"{\"id\":\"x\",\"text\":\"fine\"}\n{\"id\": \"y\", \"text\": \n",
        &[":2:", "invalid JSON"],
    );
}

#[test]
fn missing_id() {
    check_bad("noid.jsonl", b"{\"text\":\"No id here.\"}\n", &[":1:", "missing field \"id\""]);
}

#[test]
fn binary_file() {
    check_bad("blob.txt", &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3], &["binary"]);
}

#[test]
fn empty_file() {
    check_bad("empty.txt", b"", &["empty"]);
    check_bad("blank.jsonl", b"\n  \n", &["empty"]);
}

#[test]
fn fifty_megabyte_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&bad).unwrap());
        f.write_all(b"{\"id\":\"first\",\"text\":\"Russia and China met.\"}\n{\"id\":\"huge\",\"text\":\"").unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..50 {
            f.write_all(&chunk).unwrap();
        }
        f.write_all(b"\"}\n{\"id\":\"after\",\"text\":\"Japan and India met.\"}\n").unwrap();
    }
    let good = good(dir.path());
    let out = run(&["actors", bad.to_str().unwrap(), &good]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{}:2:", bad.display())) && err.contains("longer than"), "{err}");
    let docs: Vec<String> = lines(&out).iter().map(|m| m["doc"].as_str().unwrap().to_string()).collect();
    assert!(
        docs.contains(&"first".to_string()) && docs.contains(&"after".to_string()) && docs.contains(&"ok".to_string())
    );
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = good(dir.path());
    let out = run(&["actors", "/nonexistent/file.txt", &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/file.txt"));
    assert!(lines(&out).iter().any(|m| m["doc"] == "ok"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["actors", "--no-such-flag"]).status.code(), Some(2));
    let out = run(&["actors", "--date", "2022-13-01", "/dev/null"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date"));
    assert_eq!(run(&["actors", "--input-format", "xml", "/dev/null"]).status.code(), Some(2));
}

#[test]
fn gzip_stdin_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"Article Number: 5\nTitle\nRussia and China met.\n").unwrap();
    let path = dir.path().join("a.txt.gz");
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = run(&["actors", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ms = lines(&out);
    assert_eq!(ms[0]["doc"], "5");
    assert_eq!(ms.len(), 2);
    // Standard input, plain text, split into sentences.
    let out = run_stdin(&["actors", "-"], b"Russia met China. Then Japan met India.");
    let ms = lines(&out);
    assert_eq!(ms.iter().map(|m| m["sentence"].as_u64().unwrap()).collect::<Vec<_>>(), vec![0, 0, 1, 1]);
    assert_eq!(ms[0]["doc"], "stdin");
}

#[test]
fn broken_pipe_is_not_an_error() {
    let sample = repo().join("testdata/sample");
    let mut child = dyad()
        .args(["actors", sample.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.code() == Some(0), "{:?} {}", out.status, stderr(&out));
}
