//! The CAMEO event codebook (our own data file `dictionaries/events/codebook.txt`): every code with its name,
//! Goldstein score, QuadClass and PLOVER event type and mode. Codes are strings: "010" is not "10".

use std::collections::HashMap;
use std::sync::OnceLock;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    /// The code, two to four digits.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Goldstein score, −10 to +10.
    pub goldstein: f64,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad: u8,
    /// PLOVER event type, when PLOVER kept the category.
    pub plover: Option<String>,
    /// PLOVER mode, where one maps.
    pub plover_mode: Option<String>,
}

impl CodeInfo {
    /// The two-digit root.
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// The codebook, parsed once.
pub struct Codebook {
    codes: HashMap<String, CodeInfo>,
}

static TEXT: &str = include_str!("../../../dictionaries/events/codebook.txt");

impl Codebook {
    /// The built-in codebook.
    pub fn get() -> &'static Codebook {
        static BOOK: OnceLock<Codebook> = OnceLock::new();
        BOOK.get_or_init(|| Codebook::parse(TEXT).expect("the built-in codebook parses"))
    }

    fn parse(text: &str) -> Result<Codebook, String> {
        let mut codes = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f.len() != 6 {
                return Err(format!("codebook.txt:{}: expected 6 fields", i + 1));
            }
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let info = CodeInfo {
                code: f[0].to_string(),
                name: f[1].to_string(),
                goldstein: f[2].parse().map_err(|_| format!("codebook.txt:{}: bad Goldstein", i + 1))?,
                quad: f[3].parse().map_err(|_| format!("codebook.txt:{}: bad QuadClass", i + 1))?,
                plover: opt(f[4]),
                plover_mode: opt(f[5]),
            };
            codes.insert(info.code.clone(), info);
        }
        Ok(Codebook { codes })
    }

    /// The entry for `code`, if it is a CAMEO code.
    pub fn info(&self, code: &str) -> Option<&CodeInfo> {
        self.codes.get(code)
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the codebook is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// QuadClass of a root by GDELT's convention: 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4.
    pub fn quad_of_root(root: u8) -> u8 {
        match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_consistent() {
        let book = Codebook::get();
        assert!(book.len() >= 300);
        for info in book.codes.values() {
            let root: u8 = info.root().parse().unwrap();
            assert_eq!(info.quad, Codebook::quad_of_root(root), "{}", info.code);
            assert!((-10.0..=10.0).contains(&info.goldstein));
        }
        assert_eq!(book.info("041").unwrap().plover_mode.as_deref(), Some("phone"));
        assert!(book.info("10").is_some() && book.info("010").is_some());
        assert_ne!(book.info("10").unwrap().name, book.info("010").unwrap().name);
    }
}
