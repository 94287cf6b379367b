//! The `check(document, expected)` helper: evaluates a document through the same path as
//! `nytta evaluate --json` and compares the part of the JSON that `expected` names.

use pretty_assertions::assert_eq;
use serde_json::{json, Map, Value};

/// A document with a title and the given valuation. Parameters default to a 10 % rate, a
/// period of 5 years and start year 2024 unless the valuation gives its own.
pub fn doc(valuation: Value) -> Value {
    let mut v = valuation;
    let obj = v.as_object_mut().expect("the valuation is an object");
    obj.entry("parameters")
        .or_insert_with(|| json!({ "start_year": 2024, "years": 5, "discount_rate": "0.10" }));
    json!({ "nytta": 1, "initiative": { "title": "Test" }, "valuation": v })
}

/// The JSON of a valid document (docs/format.md), as `nytta evaluate --json` prints it.
pub fn evaluate(document: &Value) -> Value {
    match nytta_app::evaluate_text(&document.to_string(), nytta_app::Lang::Sv) {
        Ok((_, ev)) => {
            serde_json::from_str(&nytta_app::evaluation_json(&ev)).expect("evaluation JSON parses")
        }
        Err(e) => panic!(
            "the document should be valid but was refused: {:?}",
            e.lines(nytta_app::Lang::En)
        ),
    }
}

/// The part of `actual` that `expected` names: objects keep only the expected keys, arrays
/// of the same length are compared element by element; anything else is kept whole, so a
/// difference shows in the diff with its surroundings.
fn project(expected: &Value, actual: &Value) -> Value {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let mut out = Map::new();
            for (k, ev) in e {
                let av = a
                    .get(k)
                    .map_or(Value::String(format!("<missing key {k}>")), |av| {
                        project(ev, av)
                    });
                out.insert(k.clone(), av);
            }
            Value::Object(out)
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            Value::Array(e.iter().zip(a).map(|(ev, av)| project(ev, av)).collect())
        }
        _ => actual.clone(),
    }
}

/// Evaluates `document` and asserts that its JSON contains `expected` (a subset: only the
/// keys named are compared). `why` says what the case pins, for the failure message.
pub fn check(why: &str, document: &Value, expected: Value) {
    let actual = evaluate(document);
    assert_eq!(expected, project(&expected, &actual), "{why}");
}
