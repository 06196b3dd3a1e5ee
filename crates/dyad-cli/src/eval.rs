//! `dyad eval`: score the coder against gold files.

use std::process::ExitCode;

use dyad::coder::Coder;
use dyad::eval::{
    apply_exclusions, evaluate, parse_exclusions, read_gold, table_row, Counts, Exclusion, LevelReport, Report,
};
use serde_json::json;

use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    /// Gold files: a JSON object (like the seed's .gold.json), an array, or JSON Lines.
    #[arg(required = true)]
    gold: Vec<String>,
    /// Print JSON for machines instead of tables.
    #[arg(long)]
    json: bool,
    /// List each false alarm and miss with its sentence.
    #[arg(long)]
    errors: bool,
    /// Print one Markdown table row per file (the README's accuracy table).
    #[arg(long, conflicts_with = "json")]
    markdown: bool,
    /// A folder of your own dictionaries (also: DYAD_DICT).
    #[arg(long, env = "DYAD_DICT")]
    dict: Option<std::path::PathBuf>,
    /// Gold events to leave out, with reasons (JSON Lines); default: the built-in testdata/gold/exclusions.ndjson.
    #[arg(long, conflicts_with = "no_exclusions")]
    exclusions: Option<String>,
    /// Score every gold event, ignoring the exclusion list.
    #[arg(long)]
    no_exclusions: bool,
}

/// The exclusion list that ships with dyad: gold events (ours and the reference suites') that contradict the CAMEO
/// codebook or the gold's own conventions, each with its reason.
const BUILTIN_EXCLUSIONS: &str = include_str!("../../../testdata/gold/exclusions.ndjson");

fn load_exclusions(args: &Args) -> Result<(Vec<Exclusion>, String), Fatal> {
    if args.no_exclusions {
        return Ok((Vec::new(), "none".into()));
    }
    match &args.exclusions {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| dyad::Error::new(dyad::ErrorKind::Io, e.to_string()).in_file(path.clone()))?;
            Ok((parse_exclusions(&text, path)?, path.clone()))
        }
        None => Ok((
            parse_exclusions(BUILTIN_EXCLUSIONS, "testdata/gold/exclusions.ndjson")?,
            "built-in testdata/gold/exclusions.ndjson".into(),
        )),
    }
}

fn counts_json(c: &Counts) -> serde_json::Value {
    json!({"precision": round(c.precision()), "recall": round(c.recall()), "f1": round(c.f1()), "tp": c.tp, "fp": c.fp, "fn": c.fn_})
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn level_json(l: &LevelReport, errors: bool) -> serde_json::Value {
    let roots: serde_json::Map<String, serde_json::Value> =
        l.by_root.iter().map(|(k, v)| (k.clone(), counts_json(v))).collect();
    let mut v = json!({"total": counts_json(&l.total), "by_root": roots});
    if errors {
        v["errors"] = l
            .errors
            .iter()
            .map(|e| {
                json!({"kind": e.kind, "doc": e.doc, "sentence": e.sentence, "text": e.text, "source": e.source,
                       "target": e.target, "code": e.code, "rule": e.rule})
            })
            .collect();
    }
    v
}

fn print_table(out: &mut String, name: &str, r: &Report, excluded: usize, errors: bool) {
    use std::fmt::Write as _;
    writeln!(
        out,
        "== {name}: {} documents, {} sentences, {} required gold events (+{} optional)",
        r.documents, r.sentences, r.required, r.optional
    )
    .ok();
    writeln!(out, "{:<14} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}", "level", "P", "R", "F1", "TP", "FP", "FN").ok();
    for l in [("country+root", &r.country_root), ("strict", &r.strict)] {
        table_row(out, l.0, &l.1.total);
    }
    writeln!(out, "events in sentences marked as reporting none: {}", r.no_event_violations).ok();
    writeln!(out, "gold events excluded (scored as optional): {excluded}").ok();
    writeln!(out, "by root (country+root level):").ok();
    for (root, c) in &r.country_root.by_root {
        table_row(out, &format!("  {root}"), c);
    }
    if errors {
        writeln!(out, "errors (country+root level):").ok();
        for e in &r.country_root.errors {
            writeln!(
                out,
                "  {:<11} {}#{} {} -> {} {}{}\n      {}",
                e.kind,
                e.doc,
                e.sentence,
                e.source,
                e.target,
                e.code,
                e.rule.as_ref().map(|r| format!("  [{r}]")).unwrap_or_default(),
                e.text
            )
            .ok();
        }
    }
    writeln!(out).ok();
}

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    let dict = dyad::dict::Dictionaries::load(args.dict.as_deref())?;
    let finder = dyad::facts::FactFinder::new(&dict)?;
    let coder = Coder::new(dict)?;
    let mut all_facts = dyad::facts::eval::FactsReport::default();
    let mut all = Vec::new();
    let mut text = String::new();
    let mut total = Report::default();
    let (exclusions, exclusions_from) = load_exclusions(&args)?;
    let mut total_excluded = 0;
    for path in &args.gold {
        let mut golds = read_gold(path)?;
        let (excluded, stale) = apply_exclusions(&mut golds, path, &exclusions);
        for ex in stale {
            eprintln!(
                "dyad eval: warning: exclusion {}#{} {} -> {} {} ({exclusions_from}) matches no required gold event in {path}",
                ex.doc, ex.s, ex.source, ex.target, ex.code
            );
        }
        total_excluded += excluded;
        let r = evaluate(&coder, &golds)?;
        // The facts section, when the gold carries facts (scored in the library: dyad::facts::eval).
        let facts = dyad::facts::eval::evaluate_facts(&coder, &finder, &dyad::facts::eval::read_facts_gold(path)?)?;
        // A gold file of facts only (no event annotated anywhere) says nothing about events: its events section
        // would count every coded event as a false alarm, so it is left out of the tables and the totals.
        let facts_only = facts.is_some() && r.required == 0 && r.optional == 0;
        if facts_only && !args.json {
            if let Some(f) = &facts {
                if !args.markdown {
                    text.push_str(&dyad::facts::eval::table(f, path, args.errors));
                }
                all_facts.merge(f);
            }
            continue;
        }
        total.documents += r.documents;
        total.sentences += r.sentences;
        total.required += r.required;
        total.optional += r.optional;
        total.no_event_violations += r.no_event_violations;
        total.country_root.merge(&r.country_root);
        total.strict.merge(&r.strict);
        if args.markdown {
            let name =
                std::path::Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
            let (c, st) = (r.country_root.total, r.strict.total);
            use std::fmt::Write as _;
            writeln!(
                text,
                "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
                r.sentences,
                r.required,
                c.precision(),
                c.recall(),
                c.f1(),
                st.f1()
            )
            .ok();
        } else if args.json {
            all.push(json!({
                "file": path, "documents": r.documents, "sentences": r.sentences, "required": r.required,
                "optional": r.optional, "no_event_violations": r.no_event_violations, "excluded": excluded,
                "country_root": level_json(&r.country_root, args.errors), "strict": level_json(&r.strict, args.errors),
            }));
            if let (Some(f), Some(last)) = (&facts, all.last_mut()) {
                last["facts"] = dyad::facts::eval::to_json(f, args.errors);
            }
        } else {
            print_table(&mut text, path, &r, excluded, args.errors);
            if let Some(f) = &facts {
                text.push_str(&dyad::facts::eval::table(f, path, args.errors));
            }
        }
        if let Some(f) = &facts {
            all_facts.merge(f);
        }
    }
    if args.json {
        // Written with the tables below: `dyad eval --json | head` is a closed pipe, not a panic.
        text = format!(
            "{}\n",
            serde_json::to_string_pretty(
                &json!({"files": all, "coder": dyad::coder::CODER_VERSION, "dictionaries": coder.dict_version(),
                        "exclusions": exclusions_from})
            )?
        );
    } else if args.gold.len() > 1 && !args.markdown {
        if total.documents > 0 {
            print_table(&mut text, "all files", &total, total_excluded, false);
        }
        if all_facts.documents > 0 {
            text.push_str(&dyad::facts::eval::table(&all_facts, "all files", false));
        }
    }
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
