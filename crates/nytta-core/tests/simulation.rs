//! The Monte Carlo simulation: its figures against an independent numpy implementation
//! (tests/reference/simulation.py), the compiled path against the `Decimal` engine, the same
//! figures from the same seed, and bad input refused with its path in Swedish and English.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use nytta_core::case::compute;
use nytta_core::document::Distribution;
use nytta_core::read::read_document;
use nytta_core::simulation::compiled::Compiled;
use nytta_core::simulation::{self, Simulation};
use nytta_core::{DocErrors, Lang, Model};
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const SAMPLES: [(&str, &str); 4] = [
    (
        "digital-signering.nytta.json",
        include_str!("../../../samples/digital-signering.nytta.json"),
    ),
    (
        "digitala-examinationer.nytta.json",
        include_str!("../../../samples/digitala-examinationer.nytta.json"),
    ),
    (
        "digitala-medicinskap.nytta.json",
        include_str!("../../../samples/digitala-medicinskap.nytta.json"),
    ),
    (
        "lakemedelsrobotar.nytta.json",
        include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
    ),
];

const REFERENCE: &str = include_str!("../../../tests/reference/simulation.json");

fn model(text: &str) -> Result<Model, DocErrors> {
    Model::from_document(read_document(text)?)
}

/// The sample with every ranged input given `kind` (the reference's variants `FILE#kind`).
fn with_distribution(text: &str, kind: &str) -> String {
    let mut doc: Value = serde_json::from_str(text).unwrap();
    for x in doc["valuation"]["inputs"].as_array_mut().unwrap() {
        if x.get("low").is_some() && x.get("high").is_some() {
            x["distribution"] = json!(kind);
        }
    }
    doc.to_string()
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap()
}

fn within_band(what: &str, got: Option<f64>, band: &Value) {
    let low = band["low"].as_f64();
    let high = band["high"].as_f64();
    match (got, low) {
        // The band's lower end lies among draws without payback: so must Nytta's figure.
        (got, None) => assert_eq!(got, None, "{what}: expected no value, band {band}"),
        (None, Some(_)) => assert!(
            high.is_none(),
            "{what}: no value, but the band {band} lies within the period"
        ),
        (Some(x), Some(lo)) => assert!(
            lo <= x && high.is_none_or(|hi| x <= hi),
            "{what}: {x} outside the band {band}"
        ),
    }
}

fn close(what: &str, got: f64, reference: &Value) {
    let expected = reference["reference"].as_f64().unwrap();
    let tolerance = reference["tolerance"].as_f64().unwrap();
    assert!(
        (got - expected).abs() <= tolerance,
        "{what}: {got}, reference {expected} ± {tolerance}"
    );
}

fn check_against_reference(case: &str, sim: &Simulation, reference: &Value) {
    for (view, figures) in [("economic", &sim.economic), ("budget", &sim.budget)] {
        let r = &reference[view];
        let what = |name: &str| format!("{case} {view} {name}");
        close(&what("npv_mean"), f(figures.npv_mean), &r["npv_mean"]);
        for (k, got) in [figures.npv_p10, figures.npv_p50, figures.npv_p90]
            .into_iter()
            .enumerate()
        {
            within_band(&what("npv percentile"), Some(f(got)), &r["npv"][k]);
        }
        close(
            &what("probability_positive"),
            f(figures.probability_positive),
            &r["probability_positive"],
        );
        for (k, got) in [
            figures.payback_p10,
            figures.payback_p50,
            figures.payback_p90,
        ]
        .into_iter()
        .enumerate()
        {
            within_band(&what("payback percentile"), got.map(f), &r["payback"][k]);
        }
        close(
            &what("never_pays_back"),
            f(figures.never_pays_back),
            &r["never_pays_back"],
        );
        let rho = &r["rank_correlation"];
        let tolerance = rho["tolerance"].as_f64().unwrap();
        let expected = rho["inputs"].as_object().unwrap();
        assert_eq!(
            figures.drivers.len(),
            expected.len(),
            "{case} {view} drivers"
        );
        for d in &figures.drivers {
            let e = &expected[&d.input];
            match (d.rank_correlation, e.as_f64()) {
                (Some(got), Some(e)) => assert!(
                    (f(got) - e).abs() <= tolerance,
                    "{case} {view} rank correlation of {}: {got}, reference {e} ± {tolerance}",
                    d.input
                ),
                (got, e) => assert_eq!(got.map(f), e, "{case} {view} {}", d.input),
            }
        }
    }
}

#[test]
fn percentiles_agree_with_an_independent_numpy_simulation() {
    let reference: Value = serde_json::from_str(REFERENCE).unwrap();
    assert_eq!(reference["draws"], json!(simulation::DEFAULT_DRAWS));
    let cases = reference["cases"].as_object().unwrap();
    let mut checked = 0;
    for (name, text) in SAMPLES {
        let mut variants = vec![(name.to_string(), text.to_string())];
        if name == "lakemedelsrobotar.nytta.json" {
            for kind in ["triangular", "uniform"] {
                variants.push((format!("{name}#{kind}"), with_distribution(text, kind)));
            }
        }
        for (case, text) in variants {
            let m = model(&text).unwrap();
            let (draws, seed) = simulation::plan(&m);
            let sim = simulation::simulate(&m, draws, seed).unwrap();
            check_against_reference(&case, &sim, &cases[&case]);
            checked += 1;
        }
    }
    assert_eq!(checked, cases.len(), "every reference case is checked");
}

#[test]
fn the_same_document_and_seed_give_the_same_figures() {
    let m = model(SAMPLES[3].1).unwrap();
    let a = simulation::simulate(&m, 2_000, 42).unwrap();
    let b = simulation::simulate(&m, 2_000, 42).unwrap();
    assert_eq!(a, b);
    let c = simulation::simulate(&m, 2_000, 43).unwrap();
    assert_ne!(
        a.economic.npv_mean, c.economic.npv_mean,
        "another seed, other draws"
    );
}

#[test]
fn the_document_sets_draws_seed_and_distribution() {
    let mut doc: Value = serde_json::from_str(SAMPLES[3].1).unwrap();
    doc["valuation"]["simulation"] = json!({ "draws": 500, "seed": 18446744073709551615u64 });
    doc["valuation"]["inputs"][0]["distribution"] = json!("uniform");
    let m = model(&doc.to_string()).unwrap();
    assert_eq!(simulation::plan(&m), (500, u64::MAX));
    let sim = simulation::simulate(&m, 500, u64::MAX).unwrap();
    assert_eq!(sim.draws, 500);
    assert_eq!(sim.inputs[0].input, "robots");
    assert_eq!(sim.inputs[0].distribution, Distribution::Uniform);
    assert_eq!(sim.inputs[1].distribution, Distribution::Pert);
    let json = serde_json::to_value(&sim).unwrap();
    assert_eq!(json["seed"], json!(u64::MAX));
    assert_eq!(json["inputs"][0]["distribution"], json!("uniform"));
    // Without settings: 10 000 draws from seed 1.
    assert_eq!(simulation::plan(&model(SAMPLES[3].1).unwrap()), (10_000, 1));
}

#[test]
fn a_seed_written_as_digits_reads_as_the_same_seed() {
    // A JavaScript program carries a seed above 2^53 as text; it reads as the integer does.
    let with = |seed: Value| {
        let mut doc: Value = serde_json::from_str(SAMPLES[3].1).unwrap();
        doc["valuation"]["simulation"] = json!({ "seed": seed });
        model(&doc.to_string())
    };
    let text = with(json!("18446744073709551615")).unwrap();
    assert_eq!(simulation::plan(&text).1, u64::MAX);
    let number = with(json!(18446744073709551615u64)).unwrap();
    assert_eq!(
        text.doc.valuation.simulation,
        number.doc.valuation.simulation
    );
    // Written back as an integer.
    let out = serde_json::to_value(&text.doc).unwrap();
    assert_eq!(out["valuation"]["simulation"]["seed"], json!(u64::MAX));
    for (bad, sv, en) in [
        (
            json!("18446744073709551616"),
            "ogiltigt värde: talet 18446744073709551616, förväntade ett heltal från 0 till 18446744073709551615 (eller dess siffror som text)",
            "invalid value: the number 18446744073709551616, expected a whole number from 0 to 18446744073709551615 (or its digits as a string)",
        ),
        (
            json!("12a"),
            "ogiltigt värde: texten \"12a\", förväntade ett heltal från 0",
            "invalid value: string \"12a\", expected a whole number from 0",
        ),
        (
            json!(-1),
            "ogiltigt värde: heltalet `-1`, förväntade ett heltal från 0",
            "invalid value: integer `-1`",
        ),
        (
            json!(1.5),
            "ogiltigt värde: decimaltalet `1.5`, förväntade",
            "invalid value: floating point `1.5`",
        ),
    ] {
        let e = with(bad.clone()).expect_err("refused");
        assert_eq!(e.0[0].path, "valuation.simulation.seed", "{bad}");
        let (got_sv, got_en) = (e.0[0].message(Lang::Sv), e.0[0].message(Lang::En));
        assert!(got_sv.contains(sv), "{bad}: {got_sv}");
        assert!(got_en.contains(en), "{bad}: {got_en}");
    }
}

#[test]
fn progress_is_told_per_thousand_draws_and_a_cancel_stops_the_draws() {
    let m = model(SAMPLES[3].1).unwrap();
    let mut told = Vec::new();
    let sim = simulation::simulate_observed(&m, 3_500, 42, |d| {
        told.push(d);
        true
    })
    .unwrap()
    .unwrap();
    assert_eq!(told, vec![1_000, 2_000, 3_000, 3_500]);
    assert_eq!(sim, simulation::simulate(&m, 3_500, 42).unwrap());
    // Answering false after 2 000 draws: no third report, no result.
    let mut told = Vec::new();
    let out = simulation::simulate_observed(&m, 100_000, 42, |d| {
        told.push(d);
        d < 2_000
    })
    .unwrap();
    assert_eq!(out, None);
    assert_eq!(told, vec![1_000, 2_000]);
}

#[test]
fn histogram_and_s_curve_hold_every_draw_and_the_percentiles() {
    let m = model(SAMPLES[3].1).unwrap();
    let sim = simulation::simulate(&m, 2_000, 42).unwrap();
    for v in [&sim.economic, &sim.budget] {
        assert_eq!(v.histogram.len(), simulation::HISTOGRAM_BINS);
        assert_eq!(v.histogram.iter().map(|b| b.count).sum::<u32>(), 2_000);
        for pair in v.histogram.windows(2) {
            assert_eq!(pair[0].to, pair[1].from, "bars touch");
        }
        assert_eq!(v.s_curve.len(), 101);
        // The curve at 10 %, 50 % and 90 % is P10, P50 and P90.
        assert_eq!(v.s_curve[10].probability, Decimal::new(1, 1));
        assert_eq!(v.s_curve[10].npv, v.npv_p10);
        assert_eq!(v.s_curve[50].npv, v.npv_p50);
        assert_eq!(v.s_curve[90].npv, v.npv_p90);
        assert_eq!(v.s_curve[0].npv, v.histogram[0].from, "lowest draw");
        assert_eq!(v.s_curve[100].npv, v.histogram[23].to, "highest draw");
    }
    // Neither is in the JSON.
    let json = serde_json::to_value(&sim).unwrap();
    assert!(json["economic"].get("histogram").is_none());
    assert!(json["economic"].get("s_curve").is_none());
}

#[test]
fn inputs_without_a_range_stay_fixed() {
    // Only `robots` varies, between 9 and 11 with 10 likely; `price` has only a low value.
    let text = json!({ "nytta": 1, "initiative": { "title": "Fast" }, "valuation": {
        "parameters": { "start_year": 2025, "years": 1, "discount_rate": 0 },
        "inputs": [
            { "id": "robots", "name": "Robotar", "value": 10, "low": 9, "high": 11,
              "distribution": "uniform" },
            { "id": "price", "name": "Pris", "value": 100, "low": 50 } ],
        "lines": [ { "id": "b", "side": "benefit", "name": "Nytta", "category": "financial",
                     "amount": "robots * price", "timing": { "once": 1 } } ] } })
    .to_string();
    let m = model(&text).unwrap();
    let sim = simulation::simulate(&m, 10_000, 7).unwrap();
    assert_eq!(sim.inputs.len(), 1);
    // NPV = 100 × robots, robots uniform on [9, 11]: P10 = 920, P50 = 1 000, P90 = 1 080,
    // within sampling error (the standard error of P10 is about 1.2 here).
    let e = &sim.economic;
    for (got, expected) in [(e.npv_p10, 920.0), (e.npv_p50, 1000.0), (e.npv_p90, 1080.0)] {
        assert!((f(got) - expected).abs() < 6.0, "{got} vs {expected}");
    }
    assert_eq!(e.probability_positive, Decimal::ONE);
    // A benefit and no cost: nothing is spent, so nothing is paid back in any draw — as the
    // key figure says ("cannot be computed: no costs"), never "0 years".
    assert_eq!(e.payback_p90, None);
    assert_eq!(e.drivers[0].input, "robots");
    assert_eq!(e.drivers[0].rank_correlation, Some(Decimal::ONE));
}

// ---- Bad input: refused with its path, in Swedish and English. ----

fn errors(text: &str) -> Vec<(String, String, String)> {
    let e = model(text).expect_err("the document should be refused");
    e.0.iter()
        .map(|e| (e.path.clone(), e.message(Lang::Sv), e.message(Lang::En)))
        .collect()
}

fn robots_with(change: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(SAMPLES[3].1).unwrap();
    change(&mut doc);
    doc.to_string()
}

#[test]
fn a_distribution_on_an_input_without_a_range_is_refused() {
    // robots_price has a range in the sample; `removed_visits` is derived, input 0 gets its
    // high value removed.
    let text = robots_with(|doc| {
        let inputs = doc["valuation"]["inputs"].as_array_mut().unwrap();
        inputs[0].as_object_mut().unwrap().remove("high");
        inputs[0]["distribution"] = json!("pert");
        let derived = inputs
            .iter()
            .position(|x| x["id"] == "removed_visits")
            .unwrap();
        inputs[derived]["distribution"] = json!("triangular");
    });
    let errs = errors(&text);
    let derived = serde_json::from_str::<Value>(&text).unwrap()["valuation"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x["id"] == "removed_visits")
        .unwrap();
    let paths: Vec<&str> = errs.iter().map(|e| e.0.as_str()).collect();
    let derived_path = format!("valuation.inputs[{derived}].distribution");
    assert!(
        paths.contains(&"valuation.inputs[0].distribution"),
        "{errs:?}"
    );
    assert!(paths.contains(&derived_path.as_str()), "{errs:?}");
    let (_, sv, en) = &errs[0];
    assert!(
        sv.contains("en fördelning kräver att faktorn har ett tal som värde och både ett lågt och ett högt värde"),
        "{sv}"
    );
    assert!(
        en.contains("a distribution needs the input to have a number as its value and both a low and a high value"),
        "{en}"
    );
}

#[test]
fn low_likely_high_out_of_order_is_refused() {
    let text = robots_with(|doc| {
        let x = &mut doc["valuation"]["inputs"][0];
        x["low"] = json!(14);
        x["value"] = json!(10);
        x["high"] = json!(8);
        x["distribution"] = json!("pert");
    });
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "valuation.inputs[0]");
    assert!(
        errs[0].1.contains("förväntade low ≤ value ≤ high"),
        "{}",
        errs[0].1
    );
    assert!(
        errs[0].2.contains("expected low ≤ value ≤ high"),
        "{}",
        errs[0].2
    );
}

#[test]
fn draws_out_of_range_are_refused() {
    for draws in [json!(0), json!(-5), json!(100_001), json!(5_000_000_000u64)] {
        let text = robots_with(|doc| {
            doc["valuation"]["simulation"] = json!({ "draws": draws });
        });
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{draws}: {errs:?}");
        assert_eq!(errs[0].0, "valuation.simulation.draws");
        assert_eq!(
            errs[0].1,
            format!(
                "valuation.simulation.draws: antalet dragningar ska vara 1–100 000, inte {draws}"
            )
        );
        assert_eq!(
            errs[0].2,
            format!(
                "valuation.simulation.draws: the number of draws must be 1–100,000, not {draws}"
            )
        );
    }
    // The bounds themselves are accepted.
    for draws in [1, 100_000] {
        let text = robots_with(|doc| doc["valuation"]["simulation"] = json!({ "draws": draws }));
        assert!(model(&text).is_ok(), "{draws}");
    }
}

#[test]
fn an_unknown_distribution_is_refused() {
    let text = robots_with(|doc| doc["valuation"]["inputs"][0]["distribution"] = json!("normal"));
    let e = read_document(&text).unwrap_err();
    assert_eq!(e.0.len(), 1);
    let e = &e.0[0];
    assert_eq!(e.path, "valuation.inputs[0].distribution");
    assert_eq!(e.code(), "wrong_value");
    assert_eq!(
        e.message(Lang::Sv),
        "valuation.inputs[0].distribution: fel sorts värde: okänt värde `normal`; tillåtna värden är `pert`, `triangular`, `uniform`"
    );
    assert_eq!(
        e.message(Lang::En),
        "valuation.inputs[0].distribution: wrong kind of value: unknown variant `normal`, expected one of `pert`, `triangular`, `uniform`"
    );
}

#[test]
fn a_draw_that_divides_by_zero_names_the_formula_and_the_values() {
    let text = json!({ "nytta": 1, "initiative": { "title": "Noll" }, "valuation": {
        "parameters": { "start_year": 2025, "years": 1, "discount_rate": 0 },
        "inputs": [ { "id": "share", "name": "Andel", "value": 1, "low": 0, "high": 1,
                      "distribution": "uniform" },
                    { "id": "gate", "name": "Grind", "value": "max(share - 0.5, 0)" } ],
        "lines": [ { "id": "b", "side": "benefit", "name": "Nytta", "category": "financial",
                     "amount": "100 / gate", "timing": { "once": 1 } } ] } })
    .to_string();
    let m = model(&text).unwrap();
    let e = simulation::simulate(&m, 1_000, 1).unwrap_err();
    assert_eq!(e.path, "valuation.lines[0].amount");
    let sv = e.message(Lang::Sv);
    let en = e.message(Lang::En);
    assert!(sv.contains("formeln delar med noll (share = 0,"), "{sv}");
    assert!(
        en.contains("the formula divides by zero (share = 0."),
        "{en}"
    );
}

// ---- The compiled path equals the Decimal engine at the likely values. ----

fn id(k: usize) -> String {
    format!("x{k}")
}

/// A formula over the first `n` inputs (n ≥ 1), from a few shapes that use every operator.
fn formula(shape: usize, a: usize, b: usize, c: Decimal) -> String {
    let (a, b) = (id(a), id(b));
    match shape % 7 {
        0 => format!("{a} * {b}"),
        1 => format!("{a} + {b} * {c}"),
        2 => format!("max({a} - {b}, {c})"),
        3 => format!("{a} / ({b} + 1)"),
        4 => format!("min({a}; {b}) * {c}"),
        5 => format!("-{a} + {b} * 2 - {c}"),
        _ => format!("({a} + {c}) * ({b} - {c}) / 7"),
    }
}

fn decimal(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |v| Decimal::new(v, scale))
}

prop_compose! {
    fn generated_document()(
        years in 1u32..=12,
        rate in decimal(0, 200, 3),
        bias in decimal(0, 50, 2),
        plain in prop::collection::vec((decimal(1, 1_000_000, 2), any::<bool>()), 1..=5),
        derived in prop::collection::vec((0usize..7, 0usize..100, 0usize..100, decimal(1, 500, 1)), 0..=3),
        roles in prop::collection::vec(decimal(10_000, 90_000, 2), 1..=2),
        lines in prop::collection::vec(
            (any::<bool>(), any::<bool>(), any::<bool>(), 0usize..7, 0usize..100, 0usize..100,
             decimal(1, 500, 1), 0u32..13, 0u32..13, any::<bool>(),
             prop::collection::vec(decimal(0, 100, 2), 1..=3), decimal(0, 100, 2)),
            1..=6),
    ) -> Value {
        let mut inputs: Vec<Value> = plain.iter().enumerate().map(|(k, (v, ranged))| {
            let mut x = json!({ "id": id(k), "name": id(k), "value": v.to_string() });
            if *ranged {
                x["low"] = json!((v / Decimal::TWO).to_string());
                x["high"] = json!((v * Decimal::TWO).to_string());
            }
            x
        }).collect();
        for (shape, a, b, c) in &derived {
            let n = inputs.len();
            inputs.push(json!({ "id": id(n), "name": id(n), "value": formula(*shape, a % n, b % n, *c) }));
        }
        let n_inputs = inputs.len();
        let roles: Vec<Value> = roles.iter().enumerate().map(|(k, h)|
            json!({ "id": format!("r{k}"), "name": format!("Roll {k}"), "hourly_cost": h.to_string() })
        ).collect();
        let lines: Vec<Value> = lines.iter().enumerate().map(|(k, l)| {
            let (benefit, financial, time, shape, a, b, c, from, to, once, ramp, confidence) = l;
            let mut line = json!({
                "id": format!("l{k}"), "name": format!("Rad {k}"),
                "side": if *benefit { "benefit" } else { "cost" },
                "category": if *financial { "financial" } else { "reallocation" },
                "ramp": ramp.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            });
            let f = formula(*shape, a % n_inputs, b % n_inputs, *c);
            if *time {
                line["time"] = json!({ "minutes": f, "occurrences": id(b % n_inputs),
                                       "role": format!("r{}", a % roles.len()) });
            } else {
                line["amount"] = json!(format!("{f} + role.r0"));
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
            "roles": roles, "inputs": inputs, "lines": lines } })
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_compiled_path_equals_the_decimal_engine_at_the_likely_values(doc in generated_document()) {
        let text = doc.to_string();
        let m = model(&text).unwrap();
        // A generated formula may divide by zero or exceed the largest amount at the likely
        // values; the engine refuses such a document, and the compiled path must refuse it too.
        let compiled = Compiled::new(&m);
        let mut scratch = compiled.scratch();
        let fast = compiled.run(&mut scratch);
        let ev = match compute(&m, Lang::Sv) {
            Ok(ev) => ev,
            Err(e) => {
                prop_assert!(fast.is_err(), "the engine refused ({e}) but the compiled path did not");
                return Ok(());
            }
        };
        let fast = fast.unwrap();
        for (view, figures, got, flows) in [
            ("economic", &ev.economic, fast.economic, ev.rows.iter().map(|y| &y.economic).collect::<Vec<_>>()),
            ("budget", &ev.budget, fast.budget, ev.rows.iter().map(|y| &y.budget).collect()),
        ] {
            // Relative to the present values NPV is the difference of: where they nearly
            // cancel, NPV itself is tiny and its own relative error says nothing.
            let scale = f(figures.pv_benefits + figures.pv_costs).max(f(figures.npv.abs()));
            let npv = f(figures.npv);
            prop_assert!((got.npv - npv).abs() <= 1e-9 * scale.max(1e-9),
                "{} NPV: compiled {}, engine {}\n{}", view, got.npv, npv, text);
            // Payback: the same, unless a cumulative net sits at zero to rounding.
            let at_zero = flows.iter().any(|y| f(y.cumulative.abs()) <= 1e-9 * scale.max(1.0));
            match (got.payback, figures.payback_years) {
                (Some(a), Some(b)) => prop_assert!((a - f(b)).abs() <= 1e-9 * f(b).max(1.0) || at_zero,
                    "{} payback: compiled {}, engine {}\n{}", view, a, b, text),
                (a, b) => prop_assert!(a.is_none() == b.is_none() || at_zero,
                    "{} payback: compiled {:?}, engine {:?}\n{}", view, a, b, text),
            }
        }
    }
}
