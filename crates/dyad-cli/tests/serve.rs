//! `dyad serve` through the real binary on 127.0.0.1:0, over a store ingested from `testdata/sample` (and the seed
//! article when `../shared` exists), called with a plain HTTP/1.1 client on `std::net::TcpStream`: every endpoint,
//! every error case, the token rules, the explorer's pages and assets, and a bounded load (64 connections).
//!
//! The load test targets another server when `DYAD_LOAD_BASE` is set (`bench/serve.sh` runs it on a large store).

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- a small HTTP/1.1 client

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    /// The error code of a JSON error body, checking its shape.
    fn error_code(&self) -> String {
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "error without a message: {v}");
        assert_eq!(e.as_object().unwrap().len(), 2, "error has code and message only: {v}");
        e["code"].as_str().unwrap_or_else(|| panic!("error without a code: {v}")).to_string()
    }
}

/// One keep-alive connection.
struct Conn {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Conn {
    fn open(base: &str) -> Conn {
        let host = base.trim_start_matches("http://").trim_end_matches('/').to_string();
        let stream = TcpStream::connect(&host).unwrap_or_else(|e| panic!("connect {host}: {e}"));
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        stream.set_nodelay(true).unwrap();
        Conn { reader: BufReader::new(stream), host }
    }

    fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n", self.host, body.len());
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        // A large body waits for the server's go-ahead, as curl does: a server that refuses it (413) answers first.
        let expect = body.len() > 64 * 1024;
        if expect {
            req.push_str("Expect: 100-continue\r\n");
        }
        req.push_str("\r\n");
        self.reader.get_mut().write_all(req.as_bytes()).unwrap();
        if expect {
            let first = self.read_response(false);
            if first.status != 100 {
                return first;
            }
        }
        self.reader.get_mut().write_all(body).unwrap();
        self.read_response(method == "HEAD")
    }

    fn read_response(&mut self, head_only: bool) -> Resp {
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            self.reader.read_line(&mut h).unwrap();
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let (k, v) = h.split_once(':').expect("header line");
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        let mut resp = Resp { status, headers, body: Vec::new() };
        // Interim (1xx) answers and answers to HEAD have no body.
        if head_only || status < 200 {
            return resp;
        }
        if let Some(n) = resp.header("content-length") {
            let mut body = vec![0; n.parse().unwrap()];
            self.reader.read_exact(&mut body).unwrap();
            resp.body = body;
        } else if resp.header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
            loop {
                let mut size = String::new();
                self.reader.read_line(&mut size).unwrap();
                let n = usize::from_str_radix(size.trim(), 16).unwrap();
                let mut chunk = vec![0; n + 2];
                self.reader.read_exact(&mut chunk).unwrap();
                if n == 0 {
                    break;
                }
                resp.body.extend_from_slice(&chunk[..n]);
            }
        } else {
            self.reader.read_to_end(&mut resp.body).unwrap();
        }
        resp
    }
}

fn get(base: &str, path: &str) -> Resp {
    Conn::open(base).send("GET", path, &[], b"")
}

fn get_json(base: &str, path: &str) -> Value {
    let r = get(base, path);
    assert_eq!(r.status, 200, "GET {path}: {}", r.text());
    assert!(r.header("content-type").is_some_and(|t| t.starts_with("application/json")), "{path}: {:?}", r.headers);
    r.json()
}

fn post(base: &str, path: &str, token: Option<&str>, body: &[u8]) -> Resp {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(a) = &auth {
        headers.push(("Authorization", a.as_str()));
    }
    Conn::open(base).send("POST", path, &headers, body)
}

// ---------------------------------------------------------------- the server

/// `dyad serve` on a free port; killed when dropped.
struct Served {
    child: Child,
    base: String,
}

impl Served {
    fn start(db: &Path, token: Option<&str>) -> Served {
        let mut cmd = dyad();
        cmd.args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"]).env_remove("DYAD_TOKEN");
        if let Some(t) = token {
            cmd.env("DYAD_TOKEN", t);
        }
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("dyad serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        if line.is_empty() {
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
            panic!("dyad serve printed nothing: {err}");
        }
        let prefix = format!("dyad: serving {} at http://127.0.0.1:", db.display());
        assert!(line.starts_with(&prefix) && line.ends_with("/\n"), "first line: {line:?}");
        let base = line.trim().rsplit_once(" at ").unwrap().1.trim_end_matches('/').to_string();
        Served { child, base }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A store ingested from the sample corpus (and the seed article when `../shared` exists).
fn sample_store(dir: &Path) -> PathBuf {
    let db = dir.join("sample.db");
    let sample = repo().join("testdata/sample");
    let mut args = vec!["ingest".to_string(), "--db".into(), db.display().to_string(), sample.display().to_string()];
    if let Some(shared) = shared() {
        args.push(shared.join("seed/article-610.txt").display().to_string());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&refs);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

/// Events `dyad query` prints for these flags.
fn cli_query(db: &Path, flags: &[&str]) -> Vec<Value> {
    let mut args = vec!["query", "--db", db.to_str().unwrap()];
    args.extend_from_slice(flags);
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    lines(&out)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Checks that every `start`/`end` of a document view counts code points in `text`.
fn check_spans(view: &Value) {
    let text: Vec<char> = view["text"].as_str().unwrap().chars().collect();
    let slice = |s: &Value| -> String {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        text[a..b].iter().collect()
    };
    for (i, s) in view["sentences"].as_array().unwrap().iter().enumerate() {
        assert_eq!(s["index"], i);
        assert!(s["end"].as_u64() <= Some(text.len() as u64));
    }
    for m in view["mentions"].as_array().unwrap() {
        if m["in_title"] == true {
            assert!(m["sentence"].is_null() && m.get("start").is_none(), "title mentions carry no span: {m}");
            continue;
        }
        assert_eq!(slice(m), m["text"].as_str().unwrap(), "{m}");
        let s = &view["sentences"][m["sentence"].as_u64().unwrap() as usize];
        assert!(s["start"].as_u64() <= m["start"].as_u64() && m["end"].as_u64() <= s["end"].as_u64(), "{m} in {s}");
    }
    for e in view["events"].as_array().unwrap() {
        for side in ["source", "target", "evidence"] {
            if e["in_title"] == true {
                assert!(e[side].get("start").is_none(), "{e}");
            } else {
                assert_eq!(slice(&e[side]), e[side]["text"].as_str().unwrap(), "{side} of {e}");
            }
        }
    }
}

// ---------------------------------------------------------------- tests

#[test]
fn read_endpoints_agree_with_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let s = Served::start(&db, None);
    let b = &s.base;
    let all = cli_query(&db, &[]);

    let h = get_json(b, "/healthz");
    assert_eq!(h["status"], "ok");
    assert_eq!(h["events"].as_u64(), Some(all.len() as u64));
    assert!(h["documents"].as_u64().unwrap() >= 24, "{h}");

    // Events: the total of the filters, pages newest first, the `dyad code` schema.
    let page = get_json(b, "/v1/events?actor=CHN&limit=5");
    let chn = cli_query(&db, &["--actor", "CHN"]);
    assert_eq!(page["total"].as_u64(), Some(chn.len() as u64));
    assert_eq!((page["limit"].as_u64(), page["offset"].as_u64()), (Some(5), Some(0)));
    let first: Vec<Value> = page["events"].as_array().unwrap().clone();
    assert_eq!(first.len(), 5);
    let next = get_json(b, "/v1/events?actor=CHN&limit=5&offset=5");
    let mut seen = BTreeSet::new();
    for e in first.iter().chain(next["events"].as_array().unwrap()) {
        assert!(chn.contains(e), "an event of the API is one of `dyad query`: {e}");
        assert!(seen.insert(e.to_string()), "pages do not overlap");
    }
    // Every event, page by page (the largest page is 1000): newest first across pages, none lost.
    let mut whole: Vec<Value> = Vec::new();
    loop {
        let page = get_json(b, &format!("/v1/events?limit=1000&offset={}", whole.len()));
        let events = page["events"].as_array().unwrap();
        if events.is_empty() {
            break;
        }
        whole.extend(events.iter().cloned());
    }
    let dates: Vec<&str> = whole.iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(whole.len(), all.len());
    let q = get_json(b, "/v1/events?dyad=CHN-KAZ&code=04&quad=1&mode=asserted&from=2021-01-01&to=2022-12-31");
    let cli = cli_query(
        &db,
        &[
            "--dyad",
            "CHN-KAZ",
            "--code",
            "04",
            "--quad",
            "1",
            "--mode",
            "asserted",
            "--from",
            "2021-01-01",
            "--to",
            "2022-12-31",
        ],
    );
    assert_eq!(q["total"].as_u64(), Some(cli.len() as u64));
    assert!(!cli.is_empty());

    // Timelines: every dated event once, per period; QuadClasses add up.
    let dated = all.iter().filter(|e| e["date"].is_string()).count() as u64;
    for period in ["day", "week", "month", "year"] {
        let t = get_json(b, &format!("/v1/timeline?period={period}"));
        assert_eq!(t["period"], period);
        let series = t["series"].as_array().unwrap();
        let periods: Vec<&str> = series.iter().map(|r| r["period"].as_str().unwrap()).collect();
        assert!(periods.windows(2).all(|w| w[0] < w[1]), "{periods:?}");
        assert_eq!(series.iter().map(|r| r["total"].as_u64().unwrap()).sum::<u64>(), dated, "{period}");
        for r in series {
            let quads: u64 = ["q1", "q2", "q3", "q4"].iter().map(|k| r[k].as_u64().unwrap()).sum();
            assert_eq!(quads, r["total"].as_u64().unwrap());
            assert!(r["goldstein_mean"].as_f64().unwrap().abs() <= 10.0);
        }
        let shape = match period {
            "day" => "2021-01-01",
            "week" => "2021-W01",
            "month" => "2021-01",
            _ => "2021",
        };
        assert!(periods.iter().all(|p| p.len() == shape.len()), "{period}: {periods:?}");
    }

    // Dyads: undirected, cut to countries, counts equal to `dyad query --dyad`.
    let d = get_json(b, "/v1/dyads?limit=5");
    let dyads = d["dyads"].as_array().unwrap();
    assert_eq!(dyads.len(), 5);
    let counts: Vec<u64> = dyads.iter().map(|x| x["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    for x in dyads {
        let (a, bb) = (x["a"].as_str().unwrap(), x["b"].as_str().unwrap());
        assert!(a < bb, "{x}");
        let quads: u64 = ["q1", "q2", "q3", "q4"].iter().map(|k| x[k].as_u64().unwrap()).sum();
        assert_eq!(quads, x["count"].as_u64().unwrap());
        if a.len() == 3 && bb.len() == 3 {
            let cli = cli_query(&db, &["--dyad", &format!("{a}-{bb}")]);
            assert_eq!(x["count"].as_u64(), Some(cli.len() as u64), "{x}");
            // Its timeline: both directions, dated events.
            let t = get_json(b, &format!("/v1/dyads/{a}/{}/timeline?period=month", bb.to_lowercase()));
            assert_eq!((t["a"].as_str(), t["b"].as_str(), t["period"].as_str()), (Some(a), Some(bb), Some("month")));
            let sum: u64 = t["series"].as_array().unwrap().iter().map(|r| r["total"].as_u64().unwrap()).sum();
            assert_eq!(sum, cli.iter().filter(|e| e["date"].is_string()).count() as u64, "{a}-{bb}");
        }
    }
    let since = get_json(b, "/v1/dyads?from=2022-01-01&limit=1000");
    let total_since: u64 = since["dyads"].as_array().unwrap().iter().map(|x| x["count"].as_u64().unwrap()).sum();
    assert!(total_since < all.len() as u64 && total_since > 0);

    // Actors: events with the actor on either side, as `dyad query --actor` counts them.
    let a = get_json(b, "/v1/actors?limit=3");
    let actors = a["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3);
    assert_eq!(actors[0]["code"], "CHN");
    assert_eq!(actors[0]["name"], "China");
    for x in actors {
        let code = x["code"].as_str().unwrap();
        let cli = cli_query(&db, &["--actor", code]);
        assert_eq!(x["events"].as_u64(), Some(cli.len() as u64), "{x}");
        let src = cli.iter().filter(|e| e["source"]["code"].as_str().unwrap().starts_with(code)).count();
        assert_eq!(x["as_source"].as_u64(), Some(src as u64), "{x}");
    }

    // Network: edges above the minimum; every endpoint is a node.
    let n = get_json(b, "/v1/network?min_count=3&limit=50");
    let nodes: BTreeSet<&str> = n["nodes"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    let edges = n["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        assert!(e["count"].as_u64().unwrap() >= 3, "{e}");
        assert!(nodes.contains(e["a"].as_str().unwrap()) && nodes.contains(e["b"].as_str().unwrap()), "{e}");
    }
    for x in n["nodes"].as_array().unwrap() {
        assert!(x["name"].is_string() && x["events"].as_u64().unwrap() >= 3, "{x}");
    }

    // Documents: text, sentences, mentions and events with spans in code points.
    let id = if shared().is_some() { "610" } else { "9007" };
    let doc = get_json(b, &format!("/v1/documents/{id}"));
    assert_eq!(doc["id"], id);
    assert!(doc["title"].is_string() && doc["text"].is_string(), "document {id} has a title and a text");
    check_spans(&doc);
    assert_eq!(
        doc["events"].as_array().unwrap().len(),
        cli_query(&db, &["--doc", id]).len(),
        "the document's events are those stored"
    );
    assert!(!doc["mentions"].as_array().unwrap().is_empty());
    // Every stored document's spans round-trip (the sample holds non-ASCII text).
    let mut ids: BTreeSet<String> = all.iter().map(|e| e["doc"].as_str().unwrap().to_string()).collect();
    ids.insert(id.to_string());
    for id in &ids {
        check_spans(&get_json(b, &format!("/v1/documents/{}", enc(id))));
    }

    // Search: snippets mark the matches; the hits' documents exist.
    let hits = get_json(b, "/v1/search?q=sanctions&limit=3");
    let hits = hits["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    for h in hits {
        assert!(h["snippet"].as_str().unwrap().to_lowercase().contains("[sanctions]"), "{h}");
        assert_eq!(get(b, &format!("/v1/documents/{}", enc(h["doc"].as_str().unwrap()))).status, 200);
    }
    let phrase = get_json(b, &format!("/v1/search?q={}", enc("\"foreign minister\" OR talks")));
    assert!(!phrase["hits"].as_array().unwrap().is_empty());
}

/// The relations register of a pair (issue 8) is what `dyad facts --db --dyad A-B --json` prints, with the names.
#[test]
fn the_facts_register_of_a_dyad_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let s = Served::start(&db, None);
    let b = &s.base;
    let out = run(&["facts", "--db", db.to_str().unwrap(), "--dyad", "CHN-BLR", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cli: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut api = get_json(b, "/v1/dyads/CHN/BLR/facts");
    assert_eq!(api["names"][0], "China");
    api.as_object_mut().unwrap().remove("names");
    assert_eq!(api, cli);
    let types: Vec<&str> = cli["types"].as_array().unwrap().iter().map(|t| t["type"].as_str().unwrap()).collect();
    assert!(types.contains(&"level") && types.contains(&"project"), "the sample states CHN-BLR facts: {types:?}");
    // Either order is the same pair; lower case is accepted like the other dyad routes.
    let mut swapped = get_json(b, "/v1/dyads/blr/chn/facts");
    swapped.as_object_mut().unwrap().remove("names");
    assert_eq!(swapped["facts"], cli["facts"]);
    // A pair nobody wrote about has an empty register, not an error.
    let none = get_json(b, "/v1/dyads/CHN/ZWE/facts");
    assert_eq!(none["facts"], 0);
    let bad = get(b, "/v1/dyads/CHN/B%20R/facts");
    assert_eq!(bad.status, 400);
    let bad = get(b, "/v1/dyads/CHN/BLR/facts?period=month");
    assert_eq!(bad.status, 400, "the register takes no parameters");
}

#[test]
fn openapi_documents_every_route_and_the_explorer_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let s = Served::start(&db, None);
    let spec = get_json(&s.base, "/v1/openapi.json");
    assert_eq!(spec["openapi"].as_str().map(|v| &v[..4]), Some("3.0."));
    let paths = spec["paths"].as_object().unwrap();
    let mut documented = BTreeSet::new();
    for (path, ops) in paths {
        for method in ops.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> =
        dyad_server::ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    assert_eq!(routed, documented, "the router's routes and the OpenAPI document's paths");
    // Every documented path answers (with the route's handler, not the unknown-path 404).
    for (method, path) in &routed {
        let concrete = path.replace("{a}", "CHN").replace("{b}", "KAZ").replace("{id}", "9007");
        // Search needs its words.
        let (concrete, sep) = if path == "/v1/search" { (format!("{concrete}?q=talks"), '&') } else { (concrete, '?') };
        let r = if method == "GET" { get(&s.base, &concrete) } else { post(&s.base, &concrete, None, b"{}") };
        assert!(r.status == 200 || (method == "POST" && r.status == 403), "{method} {concrete}: {}", r.status);
        // Every parameter the document names is accepted.
        if method == "GET" {
            for p in paths[path]["get"]["parameters"].as_array().into_iter().flatten() {
                if p["in"] != "query" || p["name"] == "q" {
                    continue;
                }
                let name = p["name"].as_str().unwrap();
                let value = match p["schema"]["type"].as_str() {
                    Some("integer") => p["schema"]["default"].as_u64().unwrap_or(1).max(1).to_string(),
                    Some("boolean") => "true".into(),
                    _ if p["schema"]["format"] == "date" => "2022-01-01".into(),
                    _ => match p["schema"]["enum"].as_array() {
                        Some(e) => e[0].as_str().unwrap().to_string(),
                        None if name == "dyad" => "CHN-KAZ".into(),
                        None => "CHN".into(),
                    },
                };
                let r = get(&s.base, &format!("{concrete}{sep}{name}={value}"));
                assert_eq!(r.status, 200, "{concrete}{sep}{name}={value}: {}", r.text());
            }
        }
    }

    // The explorer: index.html for every page path, its assets compiled in.
    for page in ["/", "/dyad/CHN/BLR", "/network", "/doc/9007", "/search?q=talks", "/actor/CHN"] {
        let r = get(&s.base, page);
        assert_eq!(r.status, 200, "{page}");
        assert!(r.header("content-type").unwrap().starts_with("text/html"), "{page}");
        assert!(r.text().contains("<html"), "{page}");
    }
    let index = get(&s.base, "/").text();
    let mut refs = 0;
    for part in index.split("/assets/").skip(1) {
        let name: String = part.chars().take_while(|c| !"\"'?#) ".contains(*c)).collect();
        let r = get(&s.base, &format!("/assets/{name}"));
        assert_eq!(r.status, 200, "/assets/{name}");
        let ct = r.header("content-type").unwrap().to_string();
        if name.ends_with(".js") {
            assert!(ct.starts_with("text/javascript"), "{ct}");
        } else if name.ends_with(".css") {
            assert!(ct.starts_with("text/css"), "{ct}");
        }
        refs += 1;
    }
    assert!(refs >= 2, "index.html loads its script and style from /assets/");
    let r = get(&s.base, "/assets/no-such-file.js");
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
    assert!(get(&s.base, "/").header("content-security-policy").is_some_and(|c| c.contains("default-src 'self'")));
}

#[test]
fn bad_requests_get_json_errors_with_stable_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let s = Served::start(&db, None);
    let cases: &[(&str, u16, &str)] = &[
        ("/v1/events?limit=1001", 400, "invalid_parameter"),
        ("/v1/events?limit=0", 400, "invalid_parameter"),
        ("/v1/events?limit=ten", 400, "invalid_parameter"),
        ("/v1/events?offset=-1", 400, "invalid_parameter"),
        ("/v1/events?quad=5", 400, "invalid_parameter"),
        ("/v1/events?mode=maybe", 400, "invalid_parameter"),
        ("/v1/events?from=2022-13-01", 400, "invalid_parameter"),
        ("/v1/events?to=yesterday", 400, "invalid_parameter"),
        ("/v1/events?dyad=CHN", 400, "invalid_parameter"),
        ("/v1/events?actor=CHN%27%3B%20DROP%20TABLE%20events%3B--", 400, "invalid_parameter"),
        ("/v1/events?colour=red", 400, "invalid_parameter"),
        ("/v1/events?limit=5&limit=6", 400, "invalid_parameter"),
        ("/v1/events?one_a_day=perhaps", 400, "invalid_parameter"),
        ("/v1/timeline?period=fortnight", 400, "invalid_parameter"),
        ("/v1/dyads?limit=1001", 400, "invalid_parameter"),
        ("/v1/dyads?min_count=0", 400, "invalid_parameter"),
        ("/v1/dyads/CHN/KAZ/timeline?period=decade", 400, "invalid_parameter"),
        ("/v1/dyads/CH%20N/KAZ/timeline", 400, "invalid_parameter"),
        ("/v1/dyads/CHN/KAZ/timeline?actor=RUS", 400, "invalid_parameter"),
        ("/v1/actors?limit=100000", 400, "invalid_parameter"),
        ("/v1/network?min_count=x", 400, "invalid_parameter"),
        ("/v1/network?limit=1001", 400, "invalid_parameter"),
        ("/v1/search", 400, "invalid_parameter"),
        ("/v1/search?q=", 400, "invalid_parameter"),
        ("/v1/search?q=%22unclosed", 400, "invalid_parameter"),
        ("/v1/search?q=talks&limit=201", 400, "invalid_parameter"),
        ("/v1/documents/no-such-document", 404, "not_found"),
        ("/v1/documents/9007?verbose=1", 400, "invalid_parameter"),
        ("/v1/nothing-here", 404, "not_found"),
        ("/v2/events", 404, "not_found"),
        ("/no/such/page", 404, "not_found"),
    ];
    for (path, status, code) in cases {
        let r = get(&s.base, path);
        assert_eq!((r.status, r.error_code().as_str()), (*status, *code), "GET {path}: {}", r.text());
        assert!(r.header("content-type").unwrap().starts_with("application/json"), "{path}");
    }
    // The store is intact after the injection attempt; the parameter was data, never SQL.
    assert_eq!(get_json(&s.base, "/healthz")["events"].as_u64(), Some(cli_query(&db, &[]).len() as u64));
    for (method, path) in
        [("DELETE", "/v1/events"), ("PUT", "/v1/documents/9007"), ("GET", "/v1/code"), ("POST", "/healthz")]
    {
        let r = Conn::open(&s.base).send(method, path, &[], b"");
        assert_eq!((r.status, r.error_code().as_str()), (405, "method_not_allowed"), "{method} {path}");
    }
    // A server fails to start with a clear message when the database is missing, or the address is taken.
    let out = run(&["serve", "--db", dir.path().join("absent.db").to_str().unwrap(), "--addr", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such database"), "{}", stderr(&out));
    let taken = s.base.trim_start_matches("http://");
    let out = run(&["serve", "--db", db.to_str().unwrap(), "--addr", taken]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot listen on"), "{}", stderr(&out));
    // A query timeout must be a number of seconds, 0 (no limit) or more.
    for bad in ["-1", "soon", "NaN"] {
        let flag = format!("--query-timeout={bad}");
        let out = run(&["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0", &flag]);
        assert_eq!(out.status.code(), Some(2), "--query-timeout {bad}");
        assert!(stderr(&out).contains("query-timeout"), "{}", stderr(&out));
    }
}

#[test]
fn writes_need_the_token_and_bounded_valid_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let text = br#"{"id": "posted-1", "date": "2022-05-04", "title": "Talks in Ankara",
                   "text": "Turkey's Foreign Minister Mevl\u00fct \u00c7avu\u015fo\u011flu met his Ukrainian counterpart in Ankara. Russia condemned Poland."}"#;

    // Read-only: 403, with or without a token header.
    {
        let ro = Served::start(&db, None);
        for path in ["/v1/code", "/v1/documents"] {
            for token in [None, Some("anything")] {
                let r = post(&ro.base, path, token, text);
                assert_eq!((r.status, r.error_code().as_str()), (403, "forbidden"), "{path}");
            }
        }
    }

    let s = Served::start(&db, Some("s3cret-token"));
    let before = get_json(&s.base, "/healthz");
    // A missing and a wrong token get the same 401, byte for byte.
    for path in ["/v1/code", "/v1/documents"] {
        let missing = post(&s.base, path, None, text);
        let wrong = post(&s.base, path, Some("s3cret-tokem"), text);
        let short = post(&s.base, path, Some("s3cret"), text);
        let basic = Conn::open(&s.base).send("POST", path, &[("Authorization", "Basic czNjcmV0LXRva2Vu")], text);
        for r in [&missing, &wrong, &short, &basic] {
            assert_eq!((r.status, r.error_code().as_str()), (401, "unauthorized"), "{path}");
            assert_eq!(r.body, missing.body, "one body for every token failure");
            assert_eq!(r.header("www-authenticate"), Some("Bearer"));
        }
    }
    // Bodies: over 1 MiB → 413; not JSON → invalid_json; fields checked.
    let big = vec![b'a'; (1 << 20) + 1];
    let r = post(&s.base, "/v1/code", Some("s3cret-token"), &big);
    assert_eq!((r.status, r.error_code().as_str()), (413, "payload_too_large"));
    let mut chunked = Conn::open(&s.base);
    let host = chunked.host.clone();
    let stream = chunked.reader.get_mut();
    write!(stream, "POST /v1/code HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer s3cret-token\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    for _ in 0..20 {
        let chunk = vec![b' '; 64 * 1024];
        if write!(stream, "{:x}\r\n", chunk.len()).is_err()
            || stream.write_all(&chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let r = chunked.read_response(false);
    assert_eq!((r.status, r.error_code().as_str()), (413, "payload_too_large"), "a chunked body is bounded too");
    for (body, code) in [
        (&b"{\"text\": \"unterminated"[..], "invalid_json"),
        (b"", "invalid_json"),
        (b"[\"Japan praised India.\"]", "invalid_field"),
        (b"{\"title\": \"no text\"}", "missing_field"),
        (b"{\"text\": 42}", "invalid_field"),
        (b"{\"text\": \"Japan praised India.\", \"date\": \"May 4\"}", "invalid_field"),
        (b"{\"text\": \"Japan praised India.\", \"colour\": \"red\"}", "invalid_field"),
        (b"{\"text\": \"   \"}", "empty_input"),
    ] {
        let r = post(&s.base, "/v1/code", Some("s3cret-token"), body);
        assert_eq!((r.status, r.error_code().as_str()), (400, code), "{}", String::from_utf8_lossy(body));
    }
    let r = post(&s.base, "/v1/documents", Some("s3cret-token"), b"{\"text\": \"Japan praised India.\"}");
    assert_eq!((r.status, r.error_code().as_str()), (400, "missing_field"), "storing needs an id");

    // POST /v1/code codes without storing; spans count code points of the returned text.
    let r = post(&s.base, "/v1/code", Some("s3cret-token"), text);
    assert_eq!(r.status, 200, "{}", r.text());
    let coded = r.json();
    check_spans(&coded);
    assert!(coded["text"].as_str().unwrap().contains("Çavuşoğlu"));
    let codes: Vec<&str> = coded["events"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"111"), "Russia condemned Poland: {codes:?}");
    assert!(coded["mentions"].as_array().unwrap().iter().any(|m| m["code"] == "TURGOV"), "{coded}");
    assert_eq!(get_json(&s.base, "/healthz"), before, "coding stores nothing");
    assert_eq!(get(&s.base, "/v1/documents/posted-1").status, 404);

    // Answers are cached until the store changes: the second ask is a hit, a write empties the cache.
    let actors_path = "/v1/actors?limit=1000";
    let first = get(&s.base, actors_path);
    let again = get(&s.base, actors_path);
    assert_eq!((first.header("x-cache"), again.header("x-cache")), (Some("miss"), Some("hit")));
    assert_eq!(first.body, again.body);
    let tur_events = |v: &Value| -> u64 {
        v["actors"].as_array().unwrap().iter().find(|a| a["code"] == "TUR").map_or(0, |a| a["events"].as_u64().unwrap())
    };
    let tur_before = tur_events(&first.json());

    // POST /v1/documents stores: inserted, then unchanged, then replaced; readers and the CLI see it.
    let r = post(&s.base, "/v1/documents", Some("s3cret-token"), text);
    assert_eq!(r.status, 201, "{}", r.text());
    let stored = r.json();
    assert_eq!((stored["id"].as_str(), stored["status"].as_str()), (Some("posted-1"), Some("inserted")));
    assert_eq!(stored["events"].as_u64(), Some(codes.len() as u64));
    let r = post(&s.base, "/v1/documents", Some("s3cret-token"), text);
    assert_eq!((r.status, r.json()["status"].as_str()), (200, Some("unchanged")));
    let doc = get_json(&s.base, "/v1/documents/posted-1");
    check_spans(&doc);
    assert_eq!(doc["events"], coded["events"], "the stored document is the coded one");
    assert_eq!(cli_query(&db, &["--doc", "posted-1"]).len(), codes.len(), "the CLI reads what the server wrote");
    let fresh = get(&s.base, actors_path);
    assert_eq!(fresh.header("x-cache"), Some("miss"), "a write empties the cache");
    let tur_posted = coded["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["source"]["country"] == "TUR" || e["target"]["country"] == "TUR")
        .count() as u64;
    assert!(tur_posted > 0);
    assert_eq!(tur_events(&fresh.json()), tur_before + tur_posted, "the answer counts the stored document");
    let after = get_json(&s.base, "/healthz");
    assert_eq!(after["documents"].as_u64(), Some(before["documents"].as_u64().unwrap() + 1));
    let r = post(
        &s.base,
        "/v1/documents",
        Some("s3cret-token"),
        br#"{"id": "posted-1", "sentences": ["Japan praised India."]}"#,
    );
    assert_eq!((r.status, r.json()["status"].as_str(), r.json()["events"].as_u64()), (200, Some("replaced"), Some(1)));
    assert_eq!(get_json(&s.base, "/v1/documents/posted-1")["events"].as_array().unwrap().len(), 1);
}

/// Percentile `p` (0–100) of sorted durations.
fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p / 100.0).round() as usize]
}

#[test]
fn load_of_64_connections_gets_no_errors() {
    const CONNECTIONS: usize = 64;
    let requests: usize = std::env::var("DYAD_LOAD_REQUESTS").ok().and_then(|n| n.parse().ok()).unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let (_server, base) = match std::env::var("DYAD_LOAD_BASE") {
        Ok(base) => (None, base.trim_end_matches('/').to_string()),
        Err(_) => {
            let s = Served::start(&sample_store(dir.path()), None);
            let base = s.base.clone();
            (Some(s), base)
        }
    };
    // Real ids and pairs from the store, so that every request has work to do.
    let top = get_json(&base, "/v1/dyads?limit=1");
    let (a, b) =
        (top["dyads"][0]["a"].as_str().unwrap().to_string(), top["dyads"][0]["b"].as_str().unwrap().to_string());
    let docs: Vec<String> = get_json(&base, "/v1/events?limit=200")["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["doc"].as_str().unwrap().to_string())
        .collect();
    // Eleven kinds of request; the parameters vary with the request's number (offsets, periods, limits, words), so
    // the answers cache holds some and computes the others, as with many users.
    let kinds = 11;
    let path_for = std::sync::Arc::new(move |kind: usize, n: usize| -> (&'static str, String) {
        let year = 2010 + n % 16;
        let words = ["talks", "sanctions", "agreement", "\"foreign minister\"", "aid OR support", "condemned"];
        match kind {
            0 => ("/healthz", "/healthz".to_string()),
            1 => ("/v1/events", format!("/v1/events?limit=100&offset={}", (n % 50) * 100)),
            2 => ("/v1/events?actor", format!("/v1/events?actor={a}&limit=20&offset={}", (n % 50) * 20)),
            3 => ("/v1/timeline", format!("/v1/timeline?period={}&from={year}-01-01", ["day", "week", "month"][n % 3])),
            4 => ("/v1/dyads/{a}/{b}/timeline", format!("/v1/dyads/{a}/{b}/timeline?period=week&to={year}-12-31")),
            5 => ("/v1/dyads", format!("/v1/dyads?limit=20&from={year}-01-01&to={year}-12-31")),
            6 => ("/v1/actors", format!("/v1/actors?limit={}", 10 + n % 30)),
            7 => ("/v1/network", format!("/v1/network?min_count={}&limit=100", 1 + n % 10)),
            8 => ("/v1/documents/{id}", format!("/v1/documents/{}", enc(&docs[n % docs.len()]))),
            9 => ("/v1/search", format!("/v1/search?q={}&limit=20", enc(words[n % words.len()]))),
            _ => ("/ (explorer)", "/".to_string()),
        }
    });
    let started = Instant::now();
    let workers: Vec<_> = (0..CONNECTIONS)
        .map(|w| {
            let (base, path_for) = (base.clone(), path_for.clone());
            std::thread::spawn(move || {
                let mut conn = Conn::open(&base);
                let mut out = Vec::with_capacity(requests);
                for i in 0..requests {
                    let (kind, path) = path_for((w + i) % kinds, w * requests + i);
                    let t = Instant::now();
                    let r = conn.send("GET", &path, &[], b"");
                    let hit = r.header("x-cache") == Some("hit");
                    out.push((kind, r.status, t.elapsed(), hit, path));
                }
                out
            })
        })
        .collect();
    let results: Vec<(&str, u16, Duration, bool, String)> =
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let wall = started.elapsed();
    let errors: Vec<(&str, u16, &str)> =
        results.iter().filter(|r| r.1 != 200).map(|r| (r.0, r.1, r.4.as_str())).collect();
    let mut times: Vec<Duration> = results.iter().map(|r| r.2).collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let hits = results.iter().filter(|r| r.3).count();
    println!(
        "load: {CONNECTIONS} connections x {requests} requests = {} in {:.2}s ({:.0} requests/s); latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} errors; {hits} answered from the cache",
        results.len(),
        wall.as_secs_f64(),
        results.len() as f64 / wall.as_secs_f64(),
        ms(pct(&times, 50.0)),
        ms(pct(&times, 90.0)),
        ms(pct(&times, 99.0)),
        ms(*times.last().unwrap()),
        errors.len()
    );
    for kind in 0..kinds {
        let name = path_for(kind, 0).0;
        let mut t: Vec<Duration> = results.iter().filter(|r| r.0 == name).map(|r| r.2).collect();
        t.sort();
        let mut cold: Vec<Duration> = results.iter().filter(|r| r.0 == name && !r.3).map(|r| r.2).collect();
        cold.sort();
        let cold = if cold.is_empty() {
            String::new()
        } else {
            format!(", computed p50 {:.1} ms ({} of {})", ms(pct(&cold, 50.0)), cold.len(), t.len())
        };
        println!("  {name}: p50 {:.1} ms, p99 {:.1} ms{cold}", ms(pct(&t, 50.0)), ms(pct(&t, 99.0)));
    }
    assert_eq!(results.len(), CONNECTIONS * requests);
    assert!(errors.is_empty(), "{} requests failed, e.g. {:?}", errors.len(), &errors[..errors.len().min(5)]);
    assert!(hits < results.len(), "some answers were computed");
}

#[test]
fn a_database_of_an_older_schema_is_migrated_and_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    std::fs::copy(repo().join("testdata/db/schema-v1.db"), &db).unwrap();
    let before = cli_query(&db, &[]);
    assert!(!before.is_empty());
    let s = Served::start(&db, None);
    assert_eq!(get_json(&s.base, "/healthz")["events"].as_u64(), Some(before.len() as u64));
    // The per-day counts the migration derived agree with the events it kept.
    let actors = get_json(&s.base, "/v1/actors?limit=1000");
    let as_source: u64 = actors["actors"].as_array().unwrap().iter().map(|a| a["as_source"].as_u64().unwrap()).sum();
    assert_eq!(as_source, before.len() as u64);
    let year: u64 = get_json(&s.base, "/v1/timeline?period=year")["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total"].as_u64().unwrap())
        .sum();
    assert_eq!(year, before.iter().filter(|e| e["date"].is_string()).count() as u64);
}

#[test]
fn another_process_writing_the_store_empties_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let s = Served::start(&db, None);
    let path = "/v1/events?actor=KEN&limit=1000";
    let before = get(&s.base, path);
    assert_eq!(get(&s.base, path).header("x-cache"), Some("hit"));
    let more = dir.path().join("more.jsonl");
    std::fs::write(
        &more,
        "{\"id\":\"k1\",\"date\":\"2023-03-01\",\"text\":\"Kenya praised Uganda. Kenya condemned Somalia.\"}\n",
    )
    .unwrap();
    let out = run(&["ingest", "--db", db.to_str().unwrap(), more.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = get(&s.base, path);
    assert_eq!(after.header("x-cache"), Some("miss"));
    assert_eq!(after.json()["total"].as_u64(), Some(before.json()["total"].as_u64().unwrap() + 2), "{}", after.text());
}
