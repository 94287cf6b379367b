//! One catalogue of category and stakeholder names: the UI's catalogues (`ui/src/i18n/sv.ts`
//! and `en.ts`, keys `cat_<code>` and `sh_<code>`) write each name as nytta-core's
//! `labels` does, with a capital first letter.

use std::collections::BTreeMap;
use std::path::PathBuf;

use nytta_core::document::{Category, Stakeholder};
use nytta_core::{labels, Lang};

/// The `key: "text",` entries of one UI catalogue.
fn ui_catalogue(file: &str) -> BTreeMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/i18n")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("the UI catalogue is readable");
    text.lines()
        .filter_map(|line| {
            let (key, value) = line.trim().split_once(": \"")?;
            let value = value.strip_suffix("\",")?;
            Some((key.to_owned(), value.to_owned()))
        })
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The document's code of an enum value as JSON (`"financial"` → `financial`).
fn code(v: serde_json::Result<serde_json::Value>) -> String {
    v.ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn the_ui_names_categories_and_stakeholders_as_the_rust_catalogue() {
    for (file, lang) in [("sv.ts", Lang::Sv), ("en.ts", Lang::En)] {
        let ui = ui_catalogue(file);
        let mut expected = BTreeMap::new();
        let mut found = BTreeMap::new();
        for c in Category::ALL {
            let key = format!("cat_{}", code(serde_json::to_value(c)));
            expected.insert(key.clone(), capitalised(labels::category(lang, c)));
            found.insert(key.clone(), ui.get(&key).cloned().unwrap_or_default());
        }
        for s in Stakeholder::ALL {
            let key = format!("sh_{}", code(serde_json::to_value(s)));
            expected.insert(key.clone(), capitalised(labels::stakeholder(lang, s)));
            found.insert(key.clone(), ui.get(&key).cloned().unwrap_or_default());
        }
        assert_eq!(found, expected, "ui/src/i18n/{file}");
    }
}
