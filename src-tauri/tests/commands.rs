//! One list of commands: the names in `build.rs` (which get an `allow-…` permission), the
//! handlers registered in `src/lib.rs`, the permissions granted in
//! `capabilities/default.json` and the commands `ui/src/api/` calls must be the same set. A
//! command missing from any of them fails here instead of at run time in the window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let len = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?}"));
    &text[from..from + len]
}

/// Every `"quoted"` word made of lowercase letters and underscores.
fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_string)
        .collect()
}

fn build_rs() -> BTreeSet<String> {
    quoted(between(
        &read("build.rs"),
        "const COMMANDS: &[&str] = &[",
        "];",
    ))
}

fn handlers() -> BTreeSet<String> {
    let lib = read("src/lib.rs");
    between(&lib, "generate_handler![", "]")
        .split(',')
        .filter_map(|p| p.trim().rsplit("::").next())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn capabilities() -> BTreeSet<String> {
    let caps: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).unwrap();
    caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

fn ui_calls() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api");
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".ts") || name.starts_with("mock") || name.ends_with(".test.ts") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in text.split("call<").skip(1) {
            if let Some(name) = quoted(call.split(')').next().unwrap_or(""))
                .into_iter()
                .next()
            {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_command_is_named_registered_permitted_and_called_alike() {
    let named = build_rs();
    assert!(named.len() > 10, "build.rs lists the commands: {named:?}");
    for (what, set) in [
        ("src/lib.rs generate_handler!", handlers()),
        ("capabilities/default.json", capabilities()),
        ("ui/src/api", ui_calls()),
    ] {
        let missing: Vec<_> = named.difference(&set).collect();
        let extra: Vec<_> = set.difference(&named).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what} differs from build.rs: missing {missing:?}, not in build.rs {extra:?}"
        );
    }
}
