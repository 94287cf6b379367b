//! Every sample's evaluation pinned against `tests/reference/samples.json`, which
//! `tests/reference/reference.py` computes independently of the engine (Python `decimal`).

use std::path::PathBuf;

use serde_json::Value;

use crate::check::check;

const PINS: &str = include_str!("../reference/samples.json");

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

fn sample_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(samples_dir())
        .expect("samples/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".nytta.json"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_sample_is_pinned() {
    let pins: Value = serde_json::from_str(PINS).unwrap();
    let pinned: Vec<String> = pins.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        sample_names(),
        pinned,
        "samples/ and the reference pins differ: run `python3 tests/reference/reference.py > tests/reference/samples.json`"
    );
}

#[test]
fn samples_match_the_independent_reference() {
    let pins: Value = serde_json::from_str(PINS).unwrap();
    for (name, expected) in pins.as_object().unwrap() {
        let text = std::fs::read_to_string(samples_dir().join(name)).unwrap();
        let document: Value = serde_json::from_str(&text).unwrap();
        check(
            &format!("{name} against reference.py"),
            &document,
            expected.clone(),
        );
    }
}

#[test]
fn samples_economic_npv_as_reviewed() {
    // The economic NPVs reviewed by hand against reference.py's output; a change in a sample
    // shows here as well as in the regenerated pins.
    let pins: Value = serde_json::from_str(PINS).unwrap();
    for (name, npv) in [
        ("lakemedelsrobotar.nytta.json", "2829229.77"),
        ("digital-signering.nytta.json", "3608684.10"),
        ("digitala-examinationer.nytta.json", "297429.50"),
        ("digitala-medicinskap.nytta.json", "563831.96"),
    ] {
        assert_eq!(
            pins[name]["economic"]["npv"], npv,
            "{name}: reviewed economic NPV"
        );
    }
}
