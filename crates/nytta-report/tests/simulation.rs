//! The simulation in the business case, read back with poppler: only when the document asks
//! for it, with the engine's figures written as the app writes them, the plain sentence, the
//! drivers and both charts' captions, in Swedish and English; a simulation that cannot run is
//! said so instead of failing the PDF.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{evaluate, root, rows_of, save, scratch};
use nytta_core::format;
use nytta_core::simulation;
use nytta_core::Lang;
use nytta_report::{business_case_pdf, ReportOptions};
use serde_json::{json, Value};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn robots(simulation: Option<Value>) -> String {
    let text =
        std::fs::read_to_string(root().join("samples/lakemedelsrobotar.nytta.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    if let Some(s) = simulation {
        doc["valuation"]["simulation"] = s;
    }
    doc.to_string()
}

fn pdf_text(text: &str, lang: Lang, name: &str) -> String {
    let (model, ev) = evaluate(text, lang);
    let pdf = business_case_pdf(&model, &ev, &ReportOptions::new(lang, "2024-05-02")).unwrap();
    let path = save(&scratch("simulation"), &format!("{name}.{lang}.pdf"), &pdf);
    squash(&rows_of(&path))
}

#[test]
fn the_business_case_shows_the_simulation_the_document_asks_for() {
    let text = robots(Some(json!({ "draws": 2000, "seed": 7 })));
    for lang in [Lang::Sv, Lang::En] {
        let (model, _) = evaluate(&text, lang);
        let sim = simulation::simulate(&model, 2000, 7).unwrap();
        let pdf = pdf_text(&text, lang, "robots");
        let sv = lang == Lang::Sv;
        let mut expected = vec![
            if sv {
                "Simulering (Monte Carlo)"
            } else {
                "Simulation (Monte Carlo)"
            }
            .to_string(),
            if sv {
                "2 000 utfall, frö 7"
            } else {
                "2,000 outcomes, seed 7"
            }
            .to_string(),
            simulation::positive_sentence(&sim.economic, lang),
            simulation::positive_sentence(&sim.budget, lang),
            if sv {
                "Samhällsekonomiskt nuvärde i simuleringen"
            } else {
                "Socio-economic NPV in the simulation"
            }
            .to_string(),
            if sv {
                "Andelen av utfallen med ett lägre nuvärde"
            } else {
                "The share of outcomes with a lower NPV"
            }
            .to_string(),
        ];
        for v in [&sim.economic, &sim.budget] {
            for d in [v.npv_mean, v.npv_p10, v.npv_p50, v.npv_p90] {
                expected.push(format::kronor(d, lang));
            }
        }
        let first = &sim.economic.drivers[0];
        let name = &model
            .doc
            .valuation
            .inputs
            .iter()
            .find(|i| i.id == first.input)
            .unwrap()
            .name;
        expected.push(format!(
            "{} PERT {}",
            squash(name),
            format::number(first.rank_correlation.unwrap(), 2, lang)
        ));
        for want in expected {
            assert!(pdf.contains(&want), "{lang}: the PDF lacks {want:?}");
        }
        let sentence = if sv {
            "Nuvärdet är positivt i"
        } else {
            "The NPV is positive in"
        };
        assert_eq!(pdf.matches(sentence).count(), 2, "one sentence per view");
        // The dashed NPV-0 line is named only under a chart that draws it: the S-curve's
        // draws reach from below zero (budget) to above it (economic), the histogram's
        // economic draws lie on one side of zero or both.
        let ends = |v: &simulation::SimulatedView| (v.s_curve[0].npv, v.s_curve[100].npv);
        let ((e_lo, e_hi), (b_lo, b_hi)) = (ends(&sim.economic), ends(&sim.budget));
        let spans = |lo: rust_decimal::Decimal, hi: rust_decimal::Decimal| {
            lo.is_sign_negative() && !lo.is_zero() && hi > rust_decimal::Decimal::ZERO
        };
        let line = if sv {
            "Den streckade linjen är nuvärde 0."
        } else {
            "The dashed line is NPV 0."
        };
        let expected_lines =
            usize::from(spans(e_lo, e_hi)) + usize::from(spans(e_lo.min(b_lo), e_hi.max(b_hi)));
        assert!(
            spans(e_lo.min(b_lo), e_hi.max(b_hi)),
            "the sample spans zero"
        );
        assert_eq!(pdf.matches(line).count(), expected_lines, "{pdf}");
    }
}

#[test]
fn without_simulation_settings_the_business_case_has_no_simulation() {
    let pdf = pdf_text(&robots(None), Lang::Sv, "plain");
    assert!(pdf.contains("Känslighetsanalys"));
    assert!(!pdf.contains("Simulering (Monte Carlo)"));
    assert!(!pdf.contains("av utfallen"));
}

#[test]
fn a_sure_outcome_is_positive_in_every_draw() {
    // NPV = 100 × robots with robots between 9 and 11 and no discounting: positive in every
    // draw, paid back at once (nothing is spent in year 0).
    let text = json!({ "nytta": 1, "initiative": { "title": "Säker" }, "valuation": {
        "parameters": { "start_year": 2025, "years": 1, "discount_rate": 0 },
        "simulation": { "draws": 1000, "seed": "18446744073709551615" },
        "inputs": [ { "id": "robots", "name": "Robotar", "value": 10, "low": 9, "high": 11,
                      "distribution": "triangular" } ],
        "lines": [ { "id": "b", "side": "benefit", "name": "Nytta", "category": "financial",
                     "amount": "robots * 100", "timing": { "once": 1 } } ] } })
    .to_string();
    let sv = pdf_text(&text, Lang::Sv, "sure");
    assert!(
        sv.contains("1 000 utfall, frö 18446744073709551615"),
        "{sv}"
    );
    assert!(sv.contains("Nuvärdet är positivt i 100 % av utfallen."));
    assert!(sv.contains("Robotar triangel 1,00"), "{sv}");
    assert!(
        !sv.contains("streckade linjen"),
        "no NPV-0 line where every draw is positive"
    );
    let en = pdf_text(&text, Lang::En, "sure");
    assert!(en.contains("The NPV is positive in 100% of outcomes."));
    assert!(en.contains("Robotar triangular 1.00"), "{en}");
}

#[test]
fn a_simulation_that_cannot_run_is_said_so() {
    // A divisor that is zero for a share between 0,3 and 0,5: the likely, low and high
    // values evaluate (the tornado needs them), a draw in between does not.
    let text = json!({ "nytta": 1, "initiative": { "title": "Delning" }, "valuation": {
        "parameters": { "start_year": 2025, "years": 1, "discount_rate": 0 },
        "simulation": { "draws": 1000, "seed": 1 },
        "inputs": [ { "id": "share", "name": "Andel", "value": 1, "low": 0, "high": 1,
                      "distribution": "uniform" },
                    { "id": "gate", "name": "Grind", "value": "max(share - 0.5, 0) + max(0.3 - share, 0)" } ],
        "lines": [ { "id": "b", "side": "benefit", "name": "Nytta", "category": "financial",
                     "amount": "100 / gate", "timing": { "once": 1 } } ] } })
    .to_string();
    let sv = pdf_text(&text, Lang::Sv, "fails");
    assert!(
        sv.contains(
            "Simuleringen kunde inte köras: valuation.lines[0].amount: i simuleringens dragning"
        ),
        "{sv}"
    );
    assert!(sv.contains("formeln delar med noll (share = 0,"), "{sv}");
    assert!(!sv.contains("S-kurva"), "no charts without a simulation");
    let en = pdf_text(&text, Lang::En, "fails");
    assert!(
        en.contains("The simulation could not be run: valuation.lines[0].amount: in draw"),
        "{en}"
    );
}
