//! `dyad actors` through the real binary: the seed article, date-bounded offices, user dictionaries.

mod common;

use common::*;
use serde_json::Value;

fn seed_mentions() -> Option<(Vec<String>, Vec<Value>)> {
    let shared = shared()?;
    let path = shared.join("seed/article-610.txt");
    let out = run(&["actors", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    let sentences: Vec<String> = text.lines().skip(2).filter(|l| !l.starts_with('(')).map(str::to_string).collect();
    Some((sentences, lines(&out)))
}

/// Char offsets of every occurrence of `needle` in `hay`, on word boundaries.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (b, _) in hay.match_indices(needle) {
        let before = hay[..b].chars().next_back();
        let after = hay[b + needle.len()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let s = hay[..b].chars().count();
        out.push((s, s + needle.chars().count()));
    }
    out
}

fn covering(ms: &[Value], sentence: usize, (s, e): (usize, usize)) -> Vec<&Value> {
    ms.iter()
        .filter(|m| {
            m["sentence"] == sentence
                && m["start"].as_u64().unwrap() as usize <= s
                && e <= m["end"].as_u64().unwrap() as usize
        })
        .collect()
}

#[test]
fn seed_every_actor_found_with_its_code() {
    let Some((sentences, ms)) = seed_mentions() else { return };
    // (term, expected code, or country when the agent may vary)
    let expect: &[(&str, &str)] = &[
        ("Xi Jinping", "CHNGOV"),
        ("Lukashenko", "BLRGOV"),
        ("Belarusian President", "BLRGOV"),
        ("United Nations", "IGOUNO"),
        ("Communist Party of China", "CHNGOV"),
        ("the two sides", "CHNGOV+BLRGOV"),
        ("The two sides", "CHNGOV+BLRGOV"),
        ("China", "CHN*"),
        ("Chinese", "CHN*"),
        ("Belarus", "BLR*"),
        ("Belarusian", "BLR*"),
    ];
    let exempt = [
        "China-Europe Railway Express",
        "China-Belarus Industrial Park",
        "traditional Chinese medicine",
        "Communist Party of China",
    ];
    let mut checked = 0;
    for (i, sent) in sentences.iter().enumerate() {
        for (term, want) in expect {
            for occ in occurrences(sent, term) {
                let inside_exempt = exempt
                    .iter()
                    .any(|x| *x != *term && occurrences(sent, x).iter().any(|(s, e)| *s <= occ.0 && occ.1 <= *e));
                if inside_exempt {
                    continue;
                }
                let cov = covering(&ms, i, occ);
                let codes: Vec<&str> = cov.iter().map(|m| m["code"].as_str().unwrap()).collect();
                let ok = if let Some(prefix) = want.strip_suffix('*') {
                    !codes.is_empty() && codes.iter().all(|c| c.starts_with(prefix))
                } else {
                    let mut w: Vec<&str> = want.split('+').collect();
                    let mut c = codes.clone();
                    w.sort();
                    c.sort();
                    c.dedup();
                    c == w
                };
                assert!(ok, "sentence {i}: {term:?} at {occ:?} should be {want}, found {codes:?}\n  {sent}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "only {checked} terms checked");
}

#[test]
fn seed_direct_speech_and_pronouns() {
    let Some((_, ms)) = seed_mentions() else { return };
    let find = |s: usize, text: &str| -> Vec<String> {
        ms.iter()
            .filter(|m| m["sentence"] == s && m["text"] == text)
            .map(|m| m["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(find(1, "I"), vec!["CHNGOV"]);
    assert_eq!(find(1, "you"), vec!["BLRGOV"]);
    assert_eq!(find(3, "I"), vec!["CHNGOV"]);
    assert_eq!(find(3, "you"), vec!["BLRGOV"]);
    assert_eq!(find(19, "He"), vec!["BLRGOV"]);
    assert_eq!(find(23, "He"), vec!["BLRGOV"]);
}

#[test]
fn seed_has_no_third_country_or_europe() {
    let Some((_, ms)) = seed_mentions() else { return };
    for m in &ms {
        let code = m["code"].as_str().unwrap();
        assert!(code.starts_with("CHN") || code.starts_with("BLR") || code == "IGOUNO", "unexpected actor {m}");
        assert!(!m["text"].as_str().unwrap().contains("Europe"), "Europe is not an actor: {m}");
        assert!(!m["text"].as_str().unwrap().contains("medicine"), "Chinese medicine is not an actor: {m}");
    }
    // The title is read too.
    assert!(ms.iter().any(|m| m["in_title"] == true && m["code"] == "BLRGOV"));
}

#[test]
fn offices_follow_the_document_date() {
    let input = concat!(
        r#"{"id":"a","date":"2016-06-01","text":"Barack Obama met Angela Merkel in Berlin."}"#,
        "\n",
        r#"{"id":"b","date":"2022-06-01","text":"Barack Obama met Angela Merkel in Berlin."}"#,
        "\n"
    );
    let out = run_stdin(&["actors", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let ms = lines(&out);
    let code = |doc: &str, name: &str| {
        ms.iter().find(|m| m["doc"] == doc && m["name"] == name).map(|m| m["code"].as_str().unwrap().to_string())
    };
    assert_eq!(code("a", "Barack Obama").as_deref(), Some("USAGOV"));
    assert_eq!(code("b", "Barack Obama").as_deref(), Some("USAELI"));
    assert_eq!(code("a", "Angela Merkel").as_deref(), Some("DEUGOV"));
    assert_eq!(code("b", "Angela Merkel").as_deref(), Some("DEUELI"));
}

#[test]
fn date_flag_sets_undated_documents() {
    let out = run_stdin(&["actors", "--date", "2016-06-01", "-"], b"Barack Obama spoke to reporters.");
    assert_eq!(lines(&out)[0]["code"], "USAGOV");
    let out = run_stdin(&["actors", "--date", "2023-06-01", "-"], b"Barack Obama spoke to reporters.");
    assert_eq!(lines(&out)[0]["code"], "USAELI");
}

#[test]
fn spans_are_character_offsets_in_the_sentence() {
    let input = r#"{"id":"u","sentences":["Ünïcödé first.","Le président français Emmanuel Macron a parlé; Russia’s Foreign Ministry replied."]}"#;
    let out = run_stdin(&["actors", "-"], input.as_bytes());
    let ms = lines(&out);
    let sent: Vec<char> =
        "Le président français Emmanuel Macron a parlé; Russia’s Foreign Ministry replied.".chars().collect();
    assert!(!ms.is_empty());
    for m in &ms {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        let text: String = sent[s..e].iter().collect();
        assert_eq!(text, m["text"].as_str().unwrap());
    }
    assert!(ms.iter().any(|m| m["text"] == "Russia’s Foreign Ministry" && m["code"] == "RUSGOV"), "{ms:?}");
}

#[test]
fn composite_roles() {
    let input = concat!(
        r#"{"id":"r","date":"2022-05-01","text":"The Russian Defence Ministry said the Chinese side and Ukrainian troops met the U.S. Secretary of State and the Kremlin. The Ministry of Foreign Affairs of China replied."}"#,
        "\n"
    );
    let out = run_stdin(&["actors", "-"], input.as_bytes());
    let ms = lines(&out);
    let get = |t: &str| ms.iter().find(|m| m["text"] == t).map(|m| m["code"].as_str().unwrap().to_string());
    assert_eq!(get("Russian Defence Ministry").as_deref(), Some("RUSMIL"));
    assert_eq!(get("Chinese side").as_deref(), Some("CHNGOV"));
    assert_eq!(get("Ukrainian troops").as_deref(), Some("UKRMIL"));
    assert_eq!(get("U.S. Secretary of State").as_deref(), Some("USAGOV"));
    assert_eq!(get("Kremlin").as_deref(), Some("RUSGOV"));
    assert_eq!(get("Ministry of Foreign Affairs of China").as_deref(), Some("CHNGOV"));
}

#[test]
fn generic_actors_are_not_coded() {
    let out = run_stdin(
        &["actors", "-"],
        b"External forces and some countries urged the international community to act in Europe and Africa.",
    );
    assert!(out.status.success());
    assert_eq!(lines(&out), Vec::<Value>::new());
}

#[test]
fn user_dictionary_folder_extends_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("countries.dict"),
        "XQZ Freedonia\n    adjectives: Freedonian\n    capitals: Fredville\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("mine.dict"),
        "Rufus T. Firefly\n    names: Firefly\n    gender: m\n    office: XQZGOV | President | 1933-01-01 |\n",
    )
    .unwrap();
    let text = b"Freedonian President Rufus T. Firefly met officials in Fredville.";
    let out = run_stdin(&["actors", "--dict", dir.path().to_str().unwrap(), "-"], text);
    assert!(out.status.success(), "{}", stderr(&out));
    let ms = lines(&out);
    assert_eq!(ms[0]["code"], "XQZGOV");
    assert_eq!(ms[0]["text"], "Freedonian President Rufus T. Firefly");
    assert!(ms[0]["entry"].as_str().unwrap().starts_with("user:mine.dict:1"));
    let fredville = ms.iter().find(|m| m["text"] == "Fredville").expect("the capital is found");
    assert_eq!(fredville["code"], "XQZ");
    // "officials" without a country belong to the state the document is about.
    let officials = ms.iter().find(|m| m["text"] == "officials").expect("a role without a country");
    assert_eq!((officials["code"].as_str(), officials["via"].as_str()), (Some("XQZGOV"), Some("context")));
    // The environment variable works the same way.
    let mut cmd = dyad();
    cmd.env("DYAD_DICT", dir.path()).args(["actors", "-"]);
    let out = {
        use std::io::Write;
        let mut child = cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(text).unwrap();
        child.wait_with_output().unwrap()
    };
    assert_eq!(lines(&out)[0]["code"], "XQZGOV");
}

#[test]
fn bad_user_dictionary_is_a_usage_error_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("countries.dict"), "XQZ Freedonia\n    capital: Fredville\n").unwrap();
    let out = run(&["actors", "--dict", dir.path().to_str().unwrap(), "/dev/null"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("user:countries.dict:2: unknown key \"capital\""), "{}", stderr(&out));
    let out = run(&["dict", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sample_corpus_runs() {
    let sample = repo().join("testdata/sample");
    let out = run(&["actors", sample.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ms = lines(&out);
    assert!(ms.len() > 100, "only {} mentions in the sample corpus", ms.len());
    let docs: std::collections::BTreeSet<&str> = ms.iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert!(docs.len() >= 20, "{docs:?}");
}

#[test]
fn threads_keep_input_order() {
    let sample = repo().join("testdata/sample");
    let one = run(&["actors", "--threads", "1", sample.to_str().unwrap()]);
    let two = run(&["actors", "--threads", "2", sample.to_str().unwrap()]);
    assert_eq!(one.stdout, two.stdout);
}
