//! The relations register (issue 8), through the binary: `dyad facts` on the seed and on our own readout, the
//! date/no-date rule, storage by `dyad ingest`/`recode` and `dyad facts --db --dyad`, bad pattern files, the facts
//! section of `dyad eval`.

mod common;

use common::*;
use serde_json::Value;

/// (sentence, type, key, pair) of each fact line.
fn keys(facts: &[Value]) -> Vec<(Option<u64>, String, String, [String; 2])> {
    facts
        .iter()
        .map(|f| {
            (
                f["sentence"].as_u64(),
                f["type"].as_str().unwrap().to_string(),
                f["key"].as_str().unwrap().to_string(),
                [f["pair"][0].as_str().unwrap().to_string(), f["pair"][1].as_str().unwrap().to_string()],
            )
        })
        .collect()
}

fn has(facts: &[Value], kind: &str, key: &str, pair: [&str; 2]) -> bool {
    keys(facts).iter().any(|(_, t, k, p)| {
        t == kind && k == key && ((p[0] == pair[0] && p[1] == pair[1]) || (p[0] == pair[1] && p[1] == pair[0]))
    })
}

fn find<'a>(facts: &'a [Value], kind: &str, key: &str) -> &'a Value {
    facts
        .iter()
        .find(|f| f["type"] == kind && f["key"] == key)
        .unwrap_or_else(|| panic!("no {kind} {key:?} in {:#?}", keys(facts)))
}

fn acceptance() -> String {
    repo().join("testdata/facts/acceptance.txt").to_string_lossy().into_owned()
}

#[test]
fn seed_acceptance() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("seed/article-610.txt");
    let out = run(&["facts", "--date", "2022-01-10", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let facts = lines(&out);
    let cb = ["CHN", "BLR"];
    let ties = find(&facts, "ties", "established:1992");
    assert_eq!(ties["value"], serde_json::json!({"event": "established", "year": 1992}));
    assert_eq!(ties["sentence"], 4);
    assert!(has(&facts, "ties", "established:1992", cb));
    assert!(has(&facts, "level", "comprehensive strategic partnership", cb));
    for p in ["China-Belarus Industrial Park", "China-Europe Railway Express", "Belt and Road cooperation"] {
        assert!(has(&facts, "project", p, cb), "project {p}: {:#?}", keys(&facts));
    }
    let trade = find(&facts, "quantity", "trade:growth:50:fold");
    assert_eq!(trade["value"]["period"], "30 years");
    assert!(has(&facts, "quantity", "trade:growth:50:fold", cb));
    for a in [
        "science and technology",
        "education",
        "culture",
        "tourism",
        "medical care",
        "vaccines",
        "green and digital development",
        "pandemic response",
        "traditional Chinese medicine",
        "investment",
    ] {
        assert!(has(&facts, "area", a, cb), "area {a}: {:#?}", keys(&facts));
    }
    let stance = find(&facts, "stance", "support:non-interference in internal affairs");
    assert_eq!(stance["value"]["by"], "CHN");
    assert_eq!(stance["value"]["for"], "BLR");
    // Provenance: the words are where the offsets say, in the sentence.
    let sentence = std::fs::read_to_string(&seed).unwrap().lines().nth(2 + 4).unwrap().to_string();
    let chars: Vec<char> = sentence.chars().collect();
    let (s, e) = (ties["text"]["start"].as_u64().unwrap() as usize, ties["text"]["end"].as_u64().unwrap() as usize);
    assert_eq!(chars[s..e].iter().collect::<String>(), ties["text"]["text"].as_str().unwrap());
    assert_eq!(ties["date"], "2022-01-10");

    // Without a date the establishment year stays open and the offset is kept.
    let facts = lines(&run(&["facts", seed.to_str().unwrap()]));
    let ties = find(&facts, "ties", "established:-30");
    assert_eq!(ties["value"], serde_json::json!({"event": "established", "years_before": 30}));
    assert!(ties["date"].is_null());
    assert!(!keys(&facts).iter().any(|k| k.2 == "established:1992"));
}

#[test]
fn readout_acceptance_covers_every_fact_type() {
    let out = run(&["facts", "--date", "2023-06-21", &acceptance()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let facts = lines(&out);
    let ie = ["IND", "EGY"];
    let level = find(&facts, "level", "strategic partnership");
    assert_eq!(level["value"]["upgrade"], true, "'elevate ... to a strategic partnership' is an upgrade");
    assert!(has(&facts, "level", "strategic partnership", ie));
    assert!(has(&facts, "ties", "established:1948", ie), "75th anniversary in 2023: {:#?}", keys(&facts));
    assert!(has(&facts, "ties", "embassy opened", ie));
    let growth = find(&facts, "quantity", "trade:growth:12:fold");
    assert_eq!(growth["value"]["period"], "20 years");
    let amount = find(&facts, "quantity", "trade:amount:7260000000:USD");
    assert_eq!(amount["value"]["period"], "2022");
    // "US dollars" names a currency, not a party.
    assert!(has(&facts, "quantity", "trade:amount:7260000000:USD", ie));
    assert!(has(&facts, "quantity", "investment:amount:3000000000:USD", ie));
    let zone = find(&facts, "project", "Suez Canal Economic Zone");
    assert_eq!(zone["value"]["kind"], "economic zone");
    for a in ["defence", "energy", "agriculture", "security"] {
        assert!(has(&facts, "area", a, ie), "area {a}");
    }
    assert_eq!(find(&facts, "area", "defence")["value"]["plover"], "military");
    let s = find(&facts, "stance", "support:sovereignty and territorial integrity");
    assert_eq!((s["value"]["by"].as_str(), s["value"]["for"].as_str()), (Some("EGY"), Some("IND")));
    let s = find(&facts, "stance", "support:non-interference in internal affairs");
    assert_eq!((s["pair"][0].as_str(), s["pair"][1].as_str()), (Some("EGY"), Some("IND")));
    // The negated sentence gives nothing; the first sentence (a meeting) gives nothing.
    assert!(!keys(&facts).iter().any(|k| k.0 == Some(8) || k.0 == Some(0)), "{:#?}", keys(&facts));

    // No date: the anniversary keeps its offset.
    let facts = lines(&run(&["facts", &acceptance()]));
    assert!(has(&facts, "ties", "established:-75", ie));
}

#[test]
fn ingest_stores_facts_and_the_register_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    let db_s = db.to_str().unwrap();
    let out = run(&["ingest", "--db", db_s, "--date", "2023-06-21", &acceptance()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&["facts", "--db", db_s, "--dyad", "EGY-IND", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reg: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = reg["facts"].as_u64().unwrap();
    assert!(n >= 12, "{reg:#}");
    let types: Vec<&str> = reg["types"].as_array().unwrap().iter().map(|t| t["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["ties", "level", "project", "area", "quantity", "stance"]);
    let level = &reg["types"][1];
    assert_eq!(level["current"][0]["key"], "strategic partnership");
    assert_eq!(level["last_upgrade"], "2023-06-21");
    let src = &level["current"][0]["sources"][0];
    assert_eq!(src["doc"], "8801");
    assert!(src["sentence_text"].as_str().unwrap().contains(src["text"].as_str().unwrap()));
    let quantities = &reg["types"][4]["current"];
    assert!(quantities.as_array().unwrap().iter().any(|q| q["key"] == "trade:amount:7260000000:USD"));

    // The text view: current values, history, sources.
    let out = run(&["facts", "--db", db_s, "--dyad", "IND-EGY"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("current: established:1948"), "{text}");
    assert!(text.contains("last upgrade: 2023-06-21"), "{text}");
    assert!(text.contains("8801#2"), "{text}");

    // Idempotent: a second ingest stores nothing twice; a replaced document replaces its facts.
    run(&["ingest", "--db", db_s, "--date", "2023-06-21", &acceptance()]);
    let reg: Value =
        serde_json::from_slice(&run(&["facts", "--db", db_s, "--dyad", "EGY-IND", "--json"]).stdout).unwrap();
    assert_eq!(reg["facts"].as_u64(), Some(n));
    run(&["ingest", "--db", db_s, &acceptance()]);
    let reg: Value =
        serde_json::from_slice(&run(&["facts", "--db", db_s, "--dyad", "EGY-IND", "--json"]).stdout).unwrap();
    assert_eq!(reg["facts"].as_u64(), Some(n));
    assert_eq!(reg["types"][0]["current"][0]["key"], "established:-75", "{reg:#}");
    // Recode keeps them.
    let out = run(&["recode", "--db", db_s]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reg: Value =
        serde_json::from_slice(&run(&["facts", "--db", db_s, "--dyad", "EGY-IND", "--json"]).stdout).unwrap();
    assert_eq!(reg["facts"].as_u64(), Some(n));

    // A pair with nothing stored, and a bad pair.
    let out = run(&["facts", "--db", db_s, "--dyad", "USA-MEX"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("no fact stored"));
    let out = run(&["facts", "--db", db_s, "--dyad", "EGY"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("CHN-BLR"), "{}", stderr(&out));
}

#[test]
fn the_v2_fixture_holds_facts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    std::fs::copy(repo().join("testdata/db/schema-v2.db"), &db).unwrap();
    let out = run(&["facts", "--db", db.to_str().unwrap(), "--dyad", "EGY-IND", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reg: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(reg["facts"].as_u64().unwrap() > 0, "{reg:#}");
}

fn bad_dict(file: &str, body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("facts");
    std::fs::create_dir_all(&facts).unwrap();
    std::fs::write(facts.join(file), body).unwrap();
    let p = dir.path().to_path_buf();
    (dir, p)
}

#[test]
fn bad_pattern_files_are_reported_with_file_and_line() {
    let cases = [
        (
            "level levels\n    level.x: strategic partnership\nlevle upgrade\n    level.y: upgrade\n",
            ":3:",
            "unknown fact type",
        ),
        ("# c\nquantity trade\n    trade.bad: trade {amount}\n", ":3:", "unknown slot"),
        ("stance Taiwan\n    stance.t: support * Taiwan\n", ":1:", "stance: support"),
        ("project railway\n    project.r: new railway\n", ":2:", "{name}"),
        ("level a\n    level.same: x y\nlevel b\n    level.same: y z\n", ":4:", "used twice"),
        ("area trade\n    plover: commerce\n    terms: trade\n", ":2:", "PLOVER context"),
        ("ties founded\n    ties.f: found * ties\n", ":1:", "ties label"),
        ("level x\n    level.g: ** partnership\n", ":2:", "gap"),
        ("level x\n    Bad Key: partnership\n", ":2:", "bad key"),
    ];
    for (body, line, msg) in cases {
        let (_keep, dir) = bad_dict("mine.dict", body);
        let out = run(&["dict", "check", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{body}");
        let err = stderr(&out);
        assert!(err.contains(&format!("facts/mine.dict{line}")), "{body}\n{err}");
        assert!(err.contains(msg), "{body}\n{err}");
        assert!(err.contains("[dictionary]"), "{err}");
        // The same error stops `dyad facts`.
        let out = run(&["facts", "--dict", dir.to_str().unwrap(), &acceptance()]);
        assert_eq!(out.status.code(), Some(2));
    }
}

#[test]
fn a_users_pattern_file_extends_the_register() {
    let (_keep, dir) = bad_dict(
        "mine.dict",
        "level good-neighbourly partnership\n    level.mine.good-neighbour: good - neighbourly (partnership|partners)\n",
    );
    let out = run_stdin(
        &["facts", "--dict", dir.to_str().unwrap(), "--input-format", "text"],
        b"Mongolia and Kazakhstan are good-neighbourly partners.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let facts = lines(&out);
    assert!(has(&facts, "level", "good-neighbourly partnership", ["MNG", "KAZ"]), "{:#?}", keys(&facts));
    assert_eq!(find(&facts, "level", "good-neighbourly partnership")["rule"], "level.mine.good-neighbour");
}

#[test]
fn eval_prints_the_facts_section() {
    let gold = repo().join("testdata/facts/readouts.jsonl");
    let out = run(&["eval", gold.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("facts: 14 documents, 153 sentences"), "{text}");
    // A gold file of facts only has no events section: its coded events are not false alarms.
    assert!(!text.contains("required gold events"), "an events section for a facts-only gold file:\n{text}");
    for t in ["ties", "level", "project", "area", "quantity", "stance"] {
        assert!(text.lines().any(|l| l.trim_start().starts_with(t)), "no row for {t}:\n{text}");
    }
    let out = run(&["eval", "--json", gold.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let facts = &v["files"][0]["facts"];
    assert!(facts["total"]["recall"].as_f64().unwrap() > 0.8, "{facts:#}");
    assert!(facts["total"]["precision"].as_f64().unwrap() > 0.8, "{facts:#}");
    // Event gold without facts has no facts section.
    if let Some(sh) = shared() {
        let out = run(&["eval", sh.join("seed/article-610.gold.json").to_str().unwrap()]);
        assert!(!String::from_utf8(out.stdout).unwrap().contains("facts:"));
    }
}

/// Every fact's words are where its character offsets say, in its sentence (non-ASCII text included).
#[test]
fn fact_spans_round_trip() {
    let mut checked = 0;
    for name in ["readouts.jsonl", "heldout.jsonl"] {
        let path = repo().join("testdata/facts").join(name);
        let docs: Vec<Value> =
            std::fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let out = run(&["facts", "--input-format", "jsonl", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        for f in lines(&out) {
            let doc = docs.iter().find(|d| d["id"] == f["doc"]).unwrap();
            let seg = match f["sentence"].as_u64() {
                Some(i) => doc["sentences"][i as usize].as_str().unwrap(),
                None => doc["title"].as_str().unwrap(),
            };
            let chars: Vec<char> = seg.chars().collect();
            let (s, e) = (f["text"]["start"].as_u64().unwrap() as usize, f["text"]["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), f["text"]["text"].as_str().unwrap(), "{f}");
            checked += 1;
        }
    }
    // Typographic apostrophes and dashes keep their offsets too.
    let out = run_stdin(
        &["facts", "--input-format", "text"],
        "Côte d’Ivoire and China — old friends — are comprehensive strategic partners.".as_bytes(),
    );
    let facts = lines(&out);
    let f = find(&facts, "level", "comprehensive strategic partnership");
    assert_eq!(f["text"]["text"], "comprehensive strategic partners");
    assert_eq!(f["text"]["start"], 44);
    assert!(checked > 150, "{checked}");
}

/// Across documents: the current level is the latest stated, with the date of the last upgrade; each trade figure is
/// kept in order of date; the status of the ties follows the latest statement.
#[test]
fn the_register_keeps_history_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(
        &corpus,
        concat!(
            r#"{"id":"a","date":"2013-05-01","text":"Vietnam and Indonesia are strategic partners. Trade between Vietnam and Indonesia reached 4.6 billion dollars in 2012."}"#,
            "\n",
            r#"{"id":"b","date":"2018-09-12","text":"Vietnam and Indonesia upgraded their ties to a comprehensive strategic partnership. Trade between Vietnam and Indonesia reached 8.2 billion dollars in 2017."}"#,
            "\n",
            r#"{"id":"c","date":"2016-02-01","text":"Indonesia and Vietnam restored diplomatic relations in 1964 after a brief rupture."}"#,
            "\n"
        ),
    )
    .unwrap();
    let db_s = db.to_str().unwrap();
    let out = run(&["ingest", "--db", db_s, corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reg: Value =
        serde_json::from_slice(&run(&["facts", "--db", db_s, "--dyad", "IDN-VNM", "--json"]).stdout).unwrap();
    let by_type = |t: &str| reg["types"].as_array().unwrap().iter().find(|x| x["type"] == t).cloned().unwrap();
    let level = by_type("level");
    assert_eq!(level["current"][0]["key"], "comprehensive strategic partnership", "{level:#}");
    assert_eq!(level["current"][0]["first"], "2018-09-12");
    assert_eq!(level["last_upgrade"], "2018-09-12");
    assert_eq!(level["history"][0]["key"], "strategic partnership");
    let q = by_type("quantity");
    let history: Vec<(&str, &str)> = q["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["key"].as_str().unwrap(), v["value"]["period"].as_str().unwrap()))
        .collect();
    assert_eq!(history, [("trade:amount:4600000000:USD", "2012"), ("trade:amount:8200000000:USD", "2017")]);
    assert_eq!(q["current"].as_array().unwrap().len(), 1);
    assert_eq!(q["current"][0]["key"], "trade:amount:8200000000:USD");
    assert_eq!(by_type("ties")["current"][0]["key"], "restored:1964");
}
