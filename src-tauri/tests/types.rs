//! The committed TypeScript declarations (`ui/src/api/types/`) match the Rust types that
//! cross to the UI. Run with `NYTTA_UPDATE_TYPES=1` to rewrite them after a type changes.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/types")
}

#[test]
fn committed_typescript_types_match_the_rust_types() {
    let fresh = tempfile::tempdir().unwrap();
    nytta_desktop::types::export(fresh.path()).unwrap();
    let generated = read_dir(fresh.path());
    let committed_path = committed_dir();
    if std::env::var_os("NYTTA_UPDATE_TYPES").is_some() {
        std::fs::create_dir_all(&committed_path).unwrap();
        for name in read_dir(&committed_path).keys() {
            std::fs::remove_file(committed_path.join(name)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(committed_path.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&committed_path);
    let stale: Vec<&String> = generated
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(
            committed
                .keys()
                .filter(|name| !generated.contains_key(*name)),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/api/types is stale ({stale:?}): run `NYTTA_UPDATE_TYPES=1 cargo test -p nytta-desktop --test types`"
    );
}

#[test]
fn money_and_missing_figures_reach_typescript_as_strings_and_null() {
    let fresh = tempfile::tempdir().unwrap();
    nytta_desktop::types::export(fresh.path()).unwrap();
    let figures = std::fs::read_to_string(fresh.path().join("Figures.ts")).unwrap();
    assert!(figures.contains("npv: string"), "{figures}");
    assert!(
        figures.contains("payback_years: string | null"),
        "{figures}"
    );
    let line = std::fs::read_to_string(fresh.path().join("LineResult.ts")).unwrap();
    assert!(line.contains("values: Array<string>"), "{line}");
    let error = std::fs::read_to_string(fresh.path().join("ErrorDto.ts")).unwrap();
    assert!(
        error.contains("path?: string") && error.contains("problems?: Array<Problem>"),
        "{error}"
    );
    let lang = std::fs::read_to_string(fresh.path().join("Lang.ts")).unwrap();
    assert!(lang.contains("\"sv\" | \"en\""), "{lang}");
}
