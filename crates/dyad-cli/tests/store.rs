//! The store through the real binary: ingest (idempotent, replacing changed documents, surviving SIGKILL), query
//! filters, summaries, search, exports, recode, and clear errors.

mod common;

use common::*;
use std::io::Write;
use std::path::Path;

fn corpus(dir: &Path, docs: usize) -> String {
    let path = dir.join("corpus.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let texts = [
        "China and Belarus signed an agreement on trade.",
        "Russian forces shelled the Ukrainian city of Kharkiv.",
        "Poland expelled 45 Russian diplomats.",
        "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.",
        "Police arrested dozens of protesters in Minsk.",
    ];
    for i in 0..docs {
        let date = format!("2022-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        let text = format!("{} {}", texts[i % texts.len()], texts[(i / 5) % texts.len()]);
        writeln!(f, "{}", serde_json::json!({"id": format!("d{i}"), "date": date, "text": text})).unwrap();
    }
    path.display().to_string()
}

fn db_args(db: &Path) -> [String; 2] {
    ["--db".to_string(), db.display().to_string()]
}

fn run_db(cmd: &str, db: &Path, rest: &[&str]) -> std::process::Output {
    let mut args: Vec<String> = vec![cmd.to_string()];
    args.extend(db_args(db));
    args.extend(rest.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&refs)
}

/// An ingest running in the background, for tests that interrupt or read beside it.
fn spawn_ingest(db: &Path, corpus: &str) -> std::process::Child {
    dyad()
        .args(["ingest", "--db", db.to_str().unwrap(), "--threads", "1", corpus])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn exported(db: &Path) -> Vec<String> {
    let out = run_db("export", db, &["--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let c = corpus(dir.path(), 50);
    let first = run_db("ingest", &db, &[&c]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("50 added, 0 replaced, 0 unchanged"), "{}", stderr(&first));
    let before = exported(&db);
    assert!(!before.is_empty());
    let again = run_db("ingest", &db, &[&c]);
    assert!(stderr(&again).contains("0 added, 0 replaced, 50 unchanged"), "{}", stderr(&again));
    assert_eq!(exported(&db), before, "ingesting twice stores once");
    // A changed document (same id, new text) replaces the old one and its events.
    let changed = dir.path().join("changed.jsonl");
    std::fs::write(&changed, "{\"id\":\"d0\",\"date\":\"2022-01-01\",\"text\":\"Japan praised India.\"}\n").unwrap();
    let out = run_db("ingest", &db, &[changed.to_str().unwrap()]);
    assert!(stderr(&out).contains("0 added, 1 replaced"), "{}", stderr(&out));
    let d0 = run_db("query", &db, &["--doc", "d0"]);
    let events = lines(&d0);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0]["source"]["code"].as_str(), events[0]["target"]["code"].as_str()),
        (Some("JPN"), Some("IND"))
    );
}

#[test]
fn killed_ingest_completes_on_rerun_without_duplicates_or_losses() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path(), 6000);
    let reference = dir.path().join("reference.db");
    assert!(run_db("ingest", &reference, &[&c]).status.success());
    let db = dir.path().join("killed.db");
    for delay_ms in [30u64, 150, 400] {
        let mut child = spawn_ingest(&db, &c);
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever was committed is consistent and readable.
        if db.exists() {
            let q = run_db("query", &db, &["--summary", "year"]);
            assert!(q.status.success(), "after a kill the store must stay readable: {}", stderr(&q));
        }
    }
    let rerun = run_db("ingest", &db, &[&c]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(exported(&db), exported(&reference), "the re-run completes the job, no duplicates, no losses");
}

#[test]
fn readers_can_query_while_an_ingest_runs() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path(), 6000);
    let db = dir.path().join("busy.db");
    let mut child = spawn_ingest(&db, &c);
    let mut queries = 0;
    while child.try_wait().unwrap().is_none() && queries < 50 {
        if db.exists() {
            let q = run_db("query", &db, &["--code", "19", "--summary", "month"]);
            if q.status.success() {
                queries += 1;
            } else {
                let e = stderr(&q);
                assert!(e.contains("no such table") || e.contains("schema version"), "query failed during ingest: {e}");
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(child.wait().unwrap().success());
    assert!(queries > 0, "no query ran while the ingest was running");
}

#[test]
fn query_filters_summaries_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let c = corpus(dir.path(), 100);
    assert!(run_db("ingest", &db, &[&c]).status.success());
    let all = lines(&run_db("query", &db, &[]));
    let dyad = lines(&run_db("query", &db, &["--dyad", "CHN-BLR"]));
    assert!(!dyad.is_empty() && dyad.len() < all.len());
    for e in &dyad {
        let (s, t) = (e["source"]["code"].as_str().unwrap(), e["target"]["code"].as_str().unwrap());
        assert!((s.starts_with("CHN") && t.starts_with("BLR")) || (s.starts_with("BLR") && t.starts_with("CHN")));
    }
    let shell = lines(&run_db(
        "query",
        &db,
        &["--source", "RUS", "--code", "19", "--from", "2022-03-01", "--to", "2022-06-30"],
    ));
    assert!(!shell.is_empty());
    for e in &shell {
        assert!(e["code"].as_str().unwrap().starts_with("19"));
        let d = e["date"].as_str().unwrap();
        assert!(("2022-03-01"..="2022-06-30").contains(&d), "{d}");
    }
    let quad4 = lines(&run_db("query", &db, &["--quad", "4", "--mode", "asserted"]));
    assert!(quad4.iter().all(|e| e["quad"] == 4 && e["mode"] == "asserted"));
    let once = lines(&run_db("query", &db, &["--one-a-day"]));
    assert!(once.len() < all.len(), "the corpus repeats events on the same day");
    let summary = String::from_utf8(run_db("query", &db, &["--summary", "month"]).stdout).unwrap();
    assert!(summary.starts_with("period\tquad\tevents\tmean_goldstein\n2022-01\t"), "{summary}");
    let tsv = String::from_utf8(run_db("query", &db, &["--format", "tsv", "--actor", "POL"]).stdout).unwrap();
    assert!(tsv.starts_with("doc\tsentence\tdate\tsource\ttarget\tcode"));
    assert!(tsv.lines().skip(1).all(|l| l.contains("POL")));
    // A bad date is a usage error.
    assert_eq!(run_db("query", &db, &["--from", "2022-13-01"]).status.code(), Some(2));
}

#[test]
fn search_exports_and_recode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let c = corpus(dir.path(), 20);
    assert!(run_db("ingest", &db, &[&c]).status.success());
    let hits = lines(&run_db("search", &db, &["expelled diplomats", "--limit", "3"]));
    assert_eq!(hits.len(), 3);
    for h in &hits {
        assert!(h["text"].as_str().unwrap().contains("expelled"));
        assert!(h["events"].as_array().unwrap().iter().any(|e| e["code"].as_str().unwrap().starts_with("16")));
    }
    let csv = String::from_utf8(run_db("export", &db, &["--format", "csv"]).stdout).unwrap();
    assert!(csv.starts_with("doc,sentence,date,source,target,code"));
    let gdelt = String::from_utf8(run_db("export", &db, &["--format", "gdelt"]).stdout).unwrap();
    for row in gdelt.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 61, "GDELT 2.0 event rows have 61 columns: {row}");
        assert_eq!(cols[1].len(), 8, "SQLDATE is YYYYMMDD");
    }
    let out = run_db("recode", &db, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8(out.stdout).unwrap().contains("recoded 20 documents (0 with changed events)"));
    // With a user dictionary that removes the expulsion patterns' file, recode reports removed 16x events.
    let user = dir.path().join("dict");
    std::fs::create_dir_all(user.join("events")).unwrap();
    std::fs::write(user.join("events/material_conflict.dict"), "# emptied for the test\n").unwrap();
    let out = run_db("recode", &db, &["--dict", user.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("16 ") && !l.trim_end().ends_with(" 0")), "{text}");
}

#[test]
fn clear_errors_for_missing_or_broken_databases() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = run_db("query", &missing, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("none.db") && stderr(&out).contains("no such database"), "{}", stderr(&out));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let out = run_db("ingest", &junk, &[&corpus(dir.path(), 1)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("junk.db"), "{}", stderr(&out));
}

/// Databases written by earlier schema versions open, migrate and answer queries (one fixture per past version).
#[test]
fn databases_of_every_schema_version_open() {
    let fixtures = repo().join("testdata/db");
    let mut seen = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "db") {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("copy.db");
        std::fs::copy(&path, &db).unwrap();
        let events = lines(&run_db("query", &db, &["--actor", "CHN"]));
        assert!(!events.is_empty(), "{}: no events", path.display());
        // Writing to it migrates it to the current schema and keeps what it held.
        let out = run_db("recode", &db, &[]);
        assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
        assert!(!lines(&run_db("query", &db, &["--actor", "CHN"])).is_empty());
        seen += 1;
    }
    assert!(seen >= 1, "no database fixture in testdata/db");
}

/// The store gives back exactly what `dyad code` writes for the same corpus, and CSV reads back to the same events.
#[test]
fn exports_read_back_equal_dyad_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let c = corpus(dir.path(), 40);
    assert!(run_db("ingest", &db, &[&c]).status.success());
    let coded = run(&["code", &c]);
    let exported = run_db("export", &db, &["--format", "jsonl"]);
    assert_eq!(String::from_utf8(exported.stdout.clone()).unwrap(), String::from_utf8(coded.stdout).unwrap());
    let json = lines(&exported);
    let csv = String::from_utf8(run_db("export", &db, &["--format", "csv"]).stdout).unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), json.len());
    for (r, e) in rows.iter().zip(&json) {
        assert_eq!(r[0], e["doc"].as_str().unwrap());
        assert_eq!(r[3], e["source"]["code"].as_str().unwrap());
        assert_eq!(r[4], e["target"]["code"].as_str().unwrap());
        assert_eq!(r[5], e["code"].as_str().unwrap());
    }
    // --target filters the other side.
    let t = lines(&run_db("query", &db, &["--target", "UKR"]));
    assert!(!t.is_empty() && t.iter().all(|e| e["target"]["code"].as_str().unwrap().starts_with("UKR")));
}

/// A database that cannot be written (immutable file) gets a clear error naming it, and keeps what it held.
#[test]
fn unwritable_database_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    assert!(run_db("ingest", &db, &[&corpus(dir.path(), 10)]).status.success());
    let before = exported(&db);
    let locked = std::process::Command::new("chattr").arg("+i").arg(&db).status().is_ok_and(|s| s.success());
    if !locked {
        eprintln!("skipped: chattr +i is not available here, so the file cannot be made read-only for root");
        return;
    }
    let other = dir.path().join("other.jsonl");
    std::fs::write(&other, "{\"id\":\"new\",\"text\":\"Japan praised India.\"}\n").unwrap();
    let out = run_db("ingest", &db, &[other.to_str().unwrap()]);
    let _ = std::process::Command::new("chattr").arg("-i").arg(&db).status();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("ro.db") && stderr(&out).contains("[store]"), "{}", stderr(&out));
    assert_eq!(exported(&db), before, "nothing stored before was lost");
}
