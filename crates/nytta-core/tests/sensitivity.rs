//! The sensitivity analysis recomputes only what an input reaches from the likely case
//! ([`LikelyCase`]); on generated documents every economic NPV and payback it gives is the
//! one the whole case recomputed ([`economic_case`]) gives, digit for digit, and so is every
//! error.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use nytta_core::case::{economic_case, LikelyCase};
use nytta_core::read::read_document;
use nytta_core::Model;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn id(k: usize) -> String {
    format!("x{k}")
}

/// A formula over two inputs, from a few shapes that use every operator.
fn formula(shape: usize, a: usize, b: usize, c: Decimal) -> String {
    let (a, b) = (id(a), id(b));
    match shape % 7 {
        0 => format!("{a} * {b}"),
        1 => format!("{a} + {b} * {c}"),
        2 => format!("max({a} - {b}, {c})"),
        3 => format!("{a} / ({b} - 3)"),
        4 => format!("min({a}; {b}) * {c}"),
        5 => format!("-{a} + {b} * 2 - {c}"),
        _ => format!("({a} + {c}) * ({b} - {c}) / 7"),
    }
}

fn decimal(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |v| Decimal::new(v, scale))
}

prop_compose! {
    /// Plain inputs (some ranged), inputs derived from earlier ones (chains of them), and
    /// amount and time lines over both; a formula may divide by zero at some input values.
    fn generated_document()(
        years in 1u32..=12,
        rate in decimal(0, 200, 3),
        bias in decimal(0, 50, 2),
        plain in prop::collection::vec((decimal(1, 100_000, 2), any::<bool>()), 1..=5),
        derived in prop::collection::vec(
            (0usize..7, 0usize..100, 0usize..100, decimal(1, 500, 1)), 0..=4),
        role in decimal(10_000, 90_000, 2),
        lines in prop::collection::vec(
            (any::<bool>(), any::<bool>(), any::<bool>(), 0usize..7, 0usize..100, 0usize..100,
             decimal(1, 500, 1), 0u32..13, 0u32..13, any::<bool>(), decimal(0, 100, 2)),
            1..=8),
    ) -> Value {
        let ranged = |x: &mut Value, v: Decimal| {
            x["low"] = json!((v / Decimal::TWO).to_string());
            x["high"] = json!((v * Decimal::TWO + Decimal::ONE).to_string());
        };
        let mut inputs: Vec<Value> = plain.iter().enumerate().map(|(k, (v, r))| {
            let mut x = json!({ "id": id(k), "name": id(k), "value": v.to_string() });
            if *r {
                ranged(&mut x, *v);
            }
            x
        }).collect();
        for (shape, a, b, c) in &derived {
            let n = inputs.len();
            inputs.push(json!({ "id": id(n), "name": id(n), "value": formula(*shape, a % n, b % n, *c) }));
        }
        let n = inputs.len();
        let lines: Vec<Value> = lines.iter().enumerate().map(|(k, l)| {
            let (benefit, financial, time, shape, a, b, c, from, to, once, confidence) = l;
            let mut line = json!({
                "id": format!("l{k}"), "name": format!("Rad {k}"),
                "side": if *benefit { "benefit" } else { "cost" },
                "category": if *financial { "financial" } else { "reallocation" },
            });
            let f = formula(*shape, a % n, b % n, *c);
            if *time {
                line["time"] = json!({ "minutes": f, "occurrences": id(b % n), "role": "r0" });
            } else if shape % 3 == 0 {
                line["amount"] = json!(c.to_string());
            } else {
                line["amount"] = json!(f);
            }
            let (from, to) = ((*from).min(years), (*to).min(years));
            line["timing"] = if *once {
                json!({ "once": from })
            } else {
                json!({ "yearly": { "from": from.min(to), "to": from.max(to) } })
            };
            if *benefit {
                line["confidence"] = json!(confidence.to_string());
            }
            line
        }).collect();
        json!({ "nytta": 1, "initiative": { "title": "Genererad" }, "valuation": {
            "parameters": { "start_year": 2025, "years": years, "discount_rate": rate.to_string(),
                            "optimism_bias": bias.to_string() },
            "roles": [{ "id": "r0", "name": "Handläggare", "hourly_cost": role.to_string() }],
            "inputs": inputs, "lines": lines } })
    }
}

/// Written out in full, so a figure of another scale (`1.50` for `1.5`) counts as different.
fn written(
    r: Result<(Decimal, Option<Decimal>), nytta_core::DocError>,
) -> Result<(String, Option<String>), nytta_core::DocError> {
    r.map(|(npv, payback)| (npv.to_string(), payback.map(|p| p.to_string())))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn recomputing_only_what_an_input_reaches_gives_the_whole_cases_figures(
        doc in generated_document(),
        picks in prop::collection::vec((0usize..100, any::<bool>()), 0..=4),
    ) {
        let text = doc.to_string();
        let m = Model::from_document(read_document(&text).unwrap()).unwrap();
        let Ok(likely) = LikelyCase::new(&m) else {
            // The likely values themselves fail; the evaluation stops before the sensitivity.
            prop_assert!(economic_case(&m, &[]).is_err());
            return Ok(());
        };
        let ranged: Vec<(usize, Decimal, Decimal)> = m
            .inputs
            .iter()
            .enumerate()
            .filter_map(|(i, x)| Some((i, x.low?, x.high?)))
            .collect();
        let mut cases: Vec<Vec<(usize, Decimal)>> = vec![vec![]];
        for &(i, low, high) in &ranged {
            cases.push(vec![(i, low)]);
            cases.push(vec![(i, high)]);
        }
        cases.push(ranged.iter().map(|&(i, low, _)| (i, low)).collect());
        cases.push(ranged.iter().map(|&(i, _, high)| (i, high)).collect());
        if !ranged.is_empty() {
            cases.push(picks.iter().map(|&(k, up)| {
                let (i, low, high) = ranged[k % ranged.len()];
                (i, if up { high } else { low })
            }).collect());
        }
        for overrides in cases {
            prop_assert_eq!(
                written(likely.economic_case(&overrides)),
                written(economic_case(&m, &overrides)),
                "overrides {:?}\n{}", overrides, text
            );
        }
    }
}
