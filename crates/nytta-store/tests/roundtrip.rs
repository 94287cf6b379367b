//! Export writes a document that re-imports to identical data: decimals exact, ids kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::str::FromStr;

use nytta_store::Store;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const T0: &str = "2025-03-01T09:00:00Z";

/// An exact decimal with up to 6 places and at most `digits` digits, written as text the
/// way a user might.
fn decimal_of(digits: u32) -> impl Strategy<Value = (Decimal, String)> {
    let max = 10i64.pow(digits) - 1;
    (-max..max, 0u32..=6).prop_map(|(m, scale)| {
        let d = Decimal::new(m, scale);
        (d, d.to_string())
    })
}

/// A line amount: up to 8 digits.
fn decimal() -> impl Strategy<Value = (Decimal, String)> {
    decimal_of(8)
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,10}"
}

#[derive(Debug, Clone)]
struct Case {
    title: String,
    rate: (Decimal, String),
    input_id: String,
    input: (Decimal, String),
    lines: Vec<(String, (Decimal, String), bool, u32)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        // A title has a letter or digit (the format refuses an empty or blank one); spaces,
        // commas, dots and dashes around it.
        "[ ,.-]{0,5}[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9 ,.-]{0,39}",
        (0i64..100, 0u32..=4).prop_map(|(m, s)| {
            let d = Decimal::new(m, s + 2);
            (d, d.to_string())
        }),
        id(),
        // The input: up to 7 digits, so `input * amount` stays below 10^15 kr, the most a
        // line may come to (nytta_core::amounts::MAX_LINE_AMOUNT).
        decimal_of(7),
        prop::collection::vec((id(), decimal(), any::<bool>(), 0u32..6), 0..6),
    )
        .prop_map(|(title, rate, input_id, input, lines)| Case {
            title,
            rate,
            input_id,
            input,
            lines,
        })
}

fn document(c: &Case) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let mut lines = Vec::new();
    for (i, (lid, (_, amount), benefit, year)) in c.lines.iter().enumerate() {
        let lid = format!("{lid}_{i}");
        if !seen.insert(lid.clone()) {
            return None;
        }
        let formula = if i % 2 == 0 {
            amount.clone()
        } else {
            format!("{} * {amount}", c.input_id)
        };
        lines.push(json!({
            "id": lid, "side": if *benefit { "benefit" } else { "cost" },
            "name": format!("Rad {i}"), "category": "financial",
            "amount": formula,
            "timing": if i % 3 == 0 { json!({ "once": year }) } else { json!({ "yearly": { "from": year } }) }
        }));
    }
    Some(
        json!({
            "nytta": 1,
            "initiative": { "title": c.title, "department": "Omsorgsförvaltningen" },
            "valuation": {
                "parameters": { "start_year": 2025, "years": 6, "discount_rate": c.rate.1 },
                "inputs": [ { "id": c.input_id, "name": "Faktor", "value": c.input.1 } ],
                "lines": lines
            }
        })
        .to_string(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn export_reimports_to_identical_data(c in case()) {
        let Some(text) = document(&c) else { return Ok(()) };
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
        let first = store.import_text(&text, T0).unwrap();
        let exported = store.export(first.id).unwrap();
        let second = store.import_text(&exported, T0).unwrap();
        prop_assert_eq!(store.export(second.id).unwrap(), exported.clone());
        prop_assert_eq!(second.summary, first.summary);

        // Every decimal and id survives exactly, compared with the values generated above.
        let v: Value = serde_json::from_str(&exported).unwrap();
        prop_assert_eq!(v["initiative"]["title"].as_str().unwrap(), c.title.as_str());
        let num = |v: &Value| Decimal::from_str(v.as_str().unwrap()).unwrap();
        prop_assert_eq!(num(&v["valuation"]["parameters"]["discount_rate"]), c.rate.0);
        prop_assert_eq!(num(&v["valuation"]["inputs"][0]["value"]), c.input.0);
        prop_assert_eq!(v["valuation"]["inputs"][0]["id"].as_str().unwrap(), c.input_id.as_str());
        for (i, (lid, (amount, _), _, _)) in c.lines.iter().enumerate() {
            let line = &v["valuation"]["lines"][i];
            prop_assert_eq!(line["id"].as_str().unwrap(), format!("{lid}_{i}"));
            if i % 2 == 0 {
                prop_assert_eq!(num(&line["amount"]), *amount);
            }
        }
    }
}

#[test]
fn every_sample_exports_and_reimports_identically() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    for s in store.list().unwrap() {
        let exported = store.export(s.id).unwrap();
        let again = store.import_text(&exported, T0).unwrap();
        assert_eq!(
            store.export(again.id).unwrap(),
            exported,
            "{}",
            s.summary.title
        );
        assert_eq!(again.summary, s.summary);
    }
}
