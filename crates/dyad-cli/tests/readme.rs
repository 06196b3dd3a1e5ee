//! The README's accuracy table must be what `dyad eval` prints now: a change to the coder or the dictionaries that
//! moves a number must update the table (`dyad eval --markdown FILE` prints the row).

mod common;

use common::*;

fn table_rows(readme: &str) -> Vec<String> {
    let start = readme.find("<!-- accuracy:start -->").expect("README has the accuracy table markers");
    let end = readme.find("<!-- accuracy:end -->").expect("README has the accuracy table end marker");
    readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| file") && !l.starts_with("|--"))
        .map(str::to_string)
        .collect()
}

#[test]
fn readme_accuracy_table_is_current() {
    let root = repo();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let rows = table_rows(&readme);
    let shared = shared();
    let mut checked = 0;
    for row in &rows {
        let name = row.trim_start_matches("| ").split(" |").next().unwrap().trim().to_string();
        let path = if root.join("testdata/gold").join(&name).exists() {
            root.join("testdata/gold").join(&name)
        } else if let Some(sh) = &shared {
            let seed = sh.join("seed").join(&name);
            if seed.exists() {
                seed
            } else {
                sh.join("reference/suites").join(&name)
            }
        } else {
            continue;
        };
        assert!(path.exists(), "README row for unknown file {name}");
        let out = run(&["eval", "--markdown", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let now = String::from_utf8(out.stdout).unwrap().trim().to_string();
        assert_eq!(&now, row, "README accuracy row is stale; `dyad eval --markdown {}` prints:\n{now}", path.display());
        checked += 1;
    }
    // Every gold file of ours has its row.
    for entry in std::fs::read_dir(root.join("testdata/gold")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".jsonl") {
            assert!(
                rows.iter().any(|r| r.starts_with(&format!("| {name} |"))),
                "README has no accuracy row for {name}"
            );
        }
    }
    assert!(checked >= 3, "only {checked} rows checked");
}
