//! Reading a document's text: a key written twice was silently resolved to its last value.
#![allow(clippy::unwrap_used)]

use nytta_core::read::read_document;
use nytta_core::Lang;

fn first_error(text: &str) -> (String, String) {
    let e = read_document(text).unwrap_err();
    (e.0[0].path.clone(), e.0[0].message(Lang::Sv))
}

#[test]
fn duplicate_key_was_silently_resolved_to_the_last_value() {
    let text = r#"{"nytta": 1, "initiative": {"title": "A", "title": "B"},
      "valuation": {"parameters": {"start_year": 2025, "years": 6, "discount_rate": 0.03}}}"#;
    let (path, msg) = first_error(text);
    assert_eq!(path, "initiative.title");
    assert!(msg.contains("två gånger"), "{msg}");
}

#[test]
fn duplicate_key_inside_a_list_names_the_item() {
    let text = r#"{"nytta": 1, "initiative": {"title": "A"},
      "valuation": {"parameters": {"start_year": 2025, "years": 6, "discount_rate": 0.03},
        "lines": [
          {"id": "a", "side": "benefit", "name": "Första", "category": "quality"},
          {"id": "b", "side": "benefit", "name": "Andra", "name": "Tredje", "category": "quality"}]}}"#;
    assert_eq!(first_error(text).0, "valuation.lines[1].name");
}

#[test]
fn the_same_key_in_different_objects_is_fine() {
    let text = r#"{"nytta": 1, "initiative": {"title": "A", "needs": {"problem": "x"}},
      "valuation": {"parameters": {"start_year": 2025, "years": 6, "discount_rate": 0.03},
        "lines": [
          {"id": "a", "side": "benefit", "name": "Första", "category": "quality"},
          {"id": "b", "side": "benefit", "name": "Andra", "category": "quality"}]}}"#;
    assert!(read_document(text).is_ok());
}

#[test]
fn duplicate_key_written_with_an_escape_is_still_a_duplicate() {
    let text = r#"{"nytta": 1, "initiative": {"title": "A", "ti\u0074le": "B"},
      "valuation": {"parameters": {"start_year": 2025, "years": 6, "discount_rate": 0.03}}}"#;
    assert_eq!(first_error(text).0, "initiative.title");
}
