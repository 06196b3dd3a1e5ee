//! The web explorer in a real browser: the sample corpus is ingested with the real binary, `dyad serve` listens on
//! 127.0.0.1:0, and headless Chromium (Debian's `chromium`) opens the pages, runs their scripts and prints the DOM.
//! The dyad page must show the chart's bars and the events with their evidence, matching what the API returns; the
//! other pages must render without an error. Screenshots go to `target/browser/`.
//!
//! Skipped, with a message, when Chromium is absent (`DYAD_CHROMIUM` names another binary).

mod common;

use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var("DYAD_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string()));
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent (install Debian's chromium package to run the browser test)", p.display());
        None
    }
}

/// `dyad serve` on a free port; killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(db: &Path) -> Server {
        let mut child = dyad()
            .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
            .env_remove("DYAD_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dyad serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("dyad serve prints its address");
        let base = line
            .trim()
            .rsplit_once(" at ")
            .map(|(_, url)| url.trim_end_matches('/').to_string())
            .unwrap_or_else(|| panic!("unexpected first line from dyad serve: {line:?}"));
        assert!(base.starts_with("http://127.0.0.1:"), "{line}");
        Server { child, base }
    }

    fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// GET a JSON endpoint over a plain socket (HTTP/1.1, `Connection: close`).
    fn json(&self, path: &str) -> Value {
        let mut s = TcpStream::connect(self.addr()).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr()).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8(raw).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").expect("an HTTP response");
        assert!(head.starts_with("HTTP/1.1 200"), "GET {path}: {head}\n{body}");
        let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            unchunk(body)
        } else {
            body.to_string()
        };
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).expect("chunk size");
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        body = &rest[n + 2..];
    }
    out
}

fn browser_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap().join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium with `args` on `url`; returns its stdout. Fails after 90 s.
fn chrome(bin: &Path, extra: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let mut stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let t0 = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = reader.join().unwrap();
            let err = err_reader.join().unwrap();
            assert!(status.success(), "chromium failed on {url}: {status}\n{err}");
            return out;
        }
        if t0.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {url} within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn dump_dom(bin: &Path, url: &str, width: u32) -> String {
    chrome(bin, &["--dump-dom".to_string(), format!("--window-size={width},900")], url)
}

fn screenshot(bin: &Path, url: &str, file: &Path, width: u32, height: u32) {
    let _ = std::fs::remove_file(file);
    chrome(bin, &[format!("--screenshot={}", file.display()), format!("--window-size={width},{height}")], url);
    let png = std::fs::read(file).unwrap_or_else(|e| panic!("no screenshot {}: {e}", file.display()));
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{} is not a PNG", file.display());
    assert!(png.len() > 20_000, "{} is suspiciously small ({} bytes): a blank page?", file.display(), png.len());
}

/// The `<body ...>` start tag: the page writes `data-ready="1"` when rendered and `data-error` when it failed.
fn body_tag(dom: &str) -> &str {
    let start = dom.find("<body").expect("a <body> in the DOM");
    let end = start + dom[start..].find('>').unwrap();
    &dom[start..=end]
}

fn assert_rendered(dom: &str, what: &str) {
    let body = body_tag(dom);
    assert!(!body.contains("data-error"), "{what} failed to render: {body}");
    assert!(body.contains("data-ready=\"1\""), "{what} did not finish rendering: {body}");
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(hay: &'a str, start: &str, end: &str) -> &'a str {
    let from = hay.find(start).unwrap_or_else(|| panic!("no {start} in the DOM")) + start.len();
    let to = from + hay[from..].find(end).unwrap_or_else(|| panic!("no {end} after {start}"));
    &hay[from..to]
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Chromium, and a server over the sample corpus plus `extra` (a JSON Lines file's contents, when not empty).
fn setup(extra: &str) -> Option<(PathBuf, tempfile::TempDir, Server)> {
    let bin = chromium()?;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sample.db");
    let sample = repo().join("testdata/sample");
    let mut inputs =
        vec!["ingest".to_string(), "--db".to_string(), db.display().to_string(), sample.display().to_string()];
    if !extra.is_empty() {
        let path = dir.path().join("extra.jsonl");
        std::fs::write(&path, extra).unwrap();
        inputs.push(path.display().to_string());
    }
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&db);
    Some((bin, dir, server))
}

#[test]
fn dyad_page_shows_the_chart_and_the_events_with_evidence() {
    let Some((bin, _dir, server)) = setup("") else { return };
    // The busiest dyad of the sample corpus, as the API ranks it.
    let dyads = server.json("/v1/dyads?limit=5");
    let top = &dyads["dyads"][0];
    let (a, b) = (top["a"].as_str().unwrap().to_string(), top["b"].as_str().unwrap().to_string());
    let timeline = server.json(&format!("/v1/dyads/{a}/{b}/timeline?period=month"));
    let cells: usize = timeline["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| ["q1", "q2", "q3", "q4"].iter().filter(|q| r[**q].as_u64().unwrap_or(0) > 0).count())
        .sum();
    let events = server.json(&format!("/v1/events?dyad={a}-{b}&limit=25"));
    let total = events["total"].as_u64().unwrap() as usize;
    let shown = events["events"].as_array().unwrap().len();
    assert!(cells > 0 && shown > 0, "the sample's top dyad {a}-{b} has events");

    let url = format!("{}/dyad/{a}/{b}", server.base);
    let dom = dump_dom(&bin, &url, 1280);
    assert_rendered(&dom, "the dyad page");
    assert!(dom.contains("<svg class=\"chart timeline\""), "no timeline chart:\n{dom}");
    // One rect per (period, QuadClass) with events, as many as the API's series has.
    assert_eq!(count(&dom, "class=\"bar q"), cells, "bars in the chart");
    assert!(dom.contains("class=\"gline\" d=\"M"), "no mean Goldstein line");
    // The events list: as many items as the first page holds, each with its evidence marked.
    assert_eq!(count(&dom, "<li class=\"event\""), shown, "events listed");
    assert_eq!(count(&dom, "<mark class=\"q-ev\">"), shown, "evidence per event");
    assert!(dom.contains(&format!("of {total} events")), "the list states the total {total}");
    for ev in events["events"].as_array().unwrap().iter().take(5) {
        let evidence = ev["evidence"]["text"].as_str().unwrap();
        assert!(
            dom.contains(&format!("<mark class=\"q-ev\">{}</mark>", html_escape(evidence))),
            "evidence {evidence:?}"
        );
    }

    let shots = browser_dir();
    screenshot(&bin, &url, &shots.join("dyad.png"), 1280, 900);
    screenshot(&bin, &url, &shots.join("dyad-narrow.png"), 390, 1200);
    eprintln!("screenshots: {}", shots.display());
}

/// The dyad page shows the pair's relations register (issue 8) as a card beside the timeline: every current value
/// of every fact type, each linked to the sentence that states it.
#[test]
fn dyad_page_shows_the_relationship_card() {
    let Some((bin, _dir, server)) = setup("") else { return };
    let register = server.json("/v1/dyads/CHN/BLR/facts");
    let types = register["types"].as_array().unwrap();
    assert!(!types.is_empty(), "the sample states facts about China and Belarus");
    let current: usize = types.iter().map(|t| t["current"].as_array().unwrap().len()).sum();
    let url = format!("{}/dyad/CHN/BLR", server.base);
    let dom = dump_dom(&bin, &url, 1280);
    assert_rendered(&dom, "the CHN-BLR dyad page");
    assert!(dom.contains("class=\"card relationship\""), "no relationship card:\n{dom}");
    assert_eq!(count(&dom, "<li class=\"fact\""), current, "one line per current value");
    assert_eq!(count(&dom, "class=\"fact-src\""), current, "each value links to its latest source");
    assert!(dom.contains("href=\"/doc/"), "a fact links to its document");
    for t in types {
        let value = &t["current"][0]["value"];
        if t["type"] == "level" {
            let label = value["label"].as_str().unwrap_or("upgraded");
            assert!(dom.contains(&html_escape(label)), "the declared level {label:?} is shown");
        }
    }
    screenshot(&bin, &url, &browser_dir().join("dyad-facts.png"), 1280, 900);
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn every_page_renders_without_an_error() {
    let Some((bin, _dir, server)) = setup("") else { return };
    let shots = browser_dir();

    let dom = dump_dom(&bin, &format!("{}/", server.base), 1280);
    assert_rendered(&dom, "the overview");
    assert!(count(&dom, "class=\"bar q") > 0, "overview chart has bars");
    let dyads = server.json("/v1/dyads?limit=15");
    assert_eq!(count(&dom, "<tr class=\"dyad-row\""), dyads["dyads"].as_array().unwrap().len(), "the top dyads");
    screenshot(&bin, &format!("{}/", server.base), &shots.join("overview.png"), 1280, 1400);

    let net = server.json("/v1/network");
    let dom = dump_dom(&bin, &format!("{}/network", server.base), 1280);
    assert_rendered(&dom, "the network page");
    assert_eq!(count(&dom, "<g class=\"node\""), net["nodes"].as_array().unwrap().len(), "a disc per actor");
    assert_eq!(count(&dom, "<line class=\"edge\""), net["edges"].as_array().unwrap().len(), "a line per dyad");
    screenshot(&bin, &format!("{}/network", server.base), &shots.join("network.png"), 1280, 1000);

    // The document with the most events.
    let all = server.json("/v1/events?limit=1000");
    let mut per_doc = std::collections::BTreeMap::<String, usize>::new();
    for ev in all["events"].as_array().unwrap() {
        *per_doc.entry(ev["doc"].as_str().unwrap().to_string()).or_default() += 1;
    }
    let (doc, _) = per_doc.iter().max_by_key(|(_, n)| **n).unwrap();
    let stored = server.json(&format!("/v1/documents/{doc}"));
    let url = format!("{}/doc/{doc}", server.base);
    let dom = dump_dom(&bin, &url, 1280);
    assert_rendered(&dom, "the document page");
    // In the article's text: every event with a span has its evidence marked (data-e holds the events' indexes), and
    // every mention is marked.
    let text = between(&dom, "<div class=\"doc-text\">", "</div>");
    let spanned: std::collections::BTreeSet<usize> = stored["events"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, e)| e["evidence"]["start"].is_u64())
        .map(|(i, _)| i)
        .collect();
    assert!(!spanned.is_empty(), "{doc} has events in its sentences");
    let marked: std::collections::BTreeSet<usize> = text
        .split("data-e=\"")
        .skip(1)
        .flat_map(|rest| rest[..rest.find('"').unwrap()].split(' ').map(|i| i.parse::<usize>().unwrap()))
        .collect();
    assert_eq!(marked, spanned, "events whose evidence is highlighted");
    let mentions: std::collections::BTreeSet<(u64, u64)> = stored["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| Some((m["start"].as_u64()?, m["end"].as_u64()?)))
        .collect();
    assert!(!mentions.is_empty() && count(text, "class=\"ann men") >= mentions.len(), "every mention highlighted");
    assert_eq!(count(&dom, "<li class=\"doc-event\""), stored["events"].as_array().unwrap().len(), "event cards");
    screenshot(&bin, &url, &shots.join("document.png"), 1280, 1000);

    let dom = dump_dom(&bin, &format!("{}/search?q=minister", server.base), 1280);
    assert_rendered(&dom, "the search page");
    assert!(count(&dom, "<li class=\"hit\"") > 0, "search finds 'minister' in the sample");

    let actor = server.json("/v1/actors?limit=1");
    let code = actor["actors"][0]["code"].as_str().unwrap();
    let dom = dump_dom(&bin, &format!("{}/actor/{code}", server.base), 1280);
    assert_rendered(&dom, "the actor page");
    assert!(count(&dom, "class=\"bar q") > 0, "the actor page has a chart");
    assert!(count(&dom, "<tr class=\"dyad-row\"") > 0, "the actor page lists its dyads");

    let dom = dump_dom(&bin, &format!("{}/doc/no-such-document", server.base), 1280);
    assert!(body_tag(&dom).contains("data-error=\"not_found"), "a missing document is reported: {}", body_tag(&dom));
}

#[test]
fn text_from_the_api_is_shown_as_text_never_as_markup() {
    let hostile = serde_json::json!({
        "id": "hostile",
        "date": "2022-03-01",
        "title": "<img src=x onerror=\"document.body.dataset.pwned=1\"> China condemns Russia",
        "publisher": "<b>Wire</b>",
        "url": "javascript:document.body.dataset.pwned=1",
        "text": "China condemned Russia on Tuesday. <script>document.body.dataset.pwned=1</script> Russia criticised China.",
    });
    let Some((bin, _dir, server)) = setup(&format!("{hostile}\n")) else { return };
    let stored = server.json("/v1/documents/hostile");
    assert!(!stored["events"].as_array().unwrap().is_empty(), "the hostile document has events: {stored}");
    for page in ["/doc/hostile", "/search?q=condemned", "/dyad/CHN/RUS"] {
        let dom = dump_dom(&bin, &format!("{}{page}", server.base), 1280);
        assert_rendered(&dom, page);
        assert!(!body_tag(&dom).contains("pwned"), "{page} ran script from the data");
        let main = between(&dom, "<main", "</main>");
        for markup in ["<img", "<script", "<b>Wire"] {
            assert!(!main.contains(markup), "{page}: {markup} from the data became markup\n{main}");
        }
        assert!(!main.contains("href=\"javascript:"), "{page}: a javascript: link");
    }
    let dom = dump_dom(&bin, &format!("{}/doc/hostile", server.base), 1280);
    assert!(dom.contains("&lt;img src=x onerror="), "the title is shown as text");
    assert!(dom.contains("&lt;script&gt;document.body"), "the text is shown as text");
}
