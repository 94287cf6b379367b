//! The decision material (`valuation.case`) and the lines' links into it: every problem
//! names its path in Swedish and English, and each option is costed over the valuation's
//! period and discount rate.
#![allow(clippy::unwrap_used)]

use nytta_core::read::read_document;
use nytta_core::{evaluate_text, DocErrors, Lang, Model};
use serde_json::{json, Value};

/// A valuation over years 0..3 at 25 %, whose discount factors are exact: 1, 0,8, 0,64,
/// 0,512.
fn doc(case: Value, lines: Value) -> Value {
    json!({
        "nytta": 1,
        "initiative": { "title": "Digital nattillsyn" },
        "valuation": {
            "parameters": { "start_year": 2025, "years": 3, "discount_rate": 0.25 },
            "lines": lines,
            "effect_goals": [ { "id": "calm_nights", "indicator": "Störda nätter per månad",
                                "direction": "decrease", "baseline": 12, "target": 4 } ],
            "case": case
        }
    })
}

fn problems(d: &Value) -> DocErrors {
    let doc = read_document(&d.to_string()).unwrap();
    Model::from_document(doc).unwrap_err()
}

/// The single problem of `d`: path, Swedish and English message.
fn problem(d: &Value) -> (String, String, String) {
    let p = problems(d);
    assert_eq!(p.0.len(), 1, "{:?}", p.0);
    let e = &p.0[0];
    (e.path.clone(), e.message(Lang::Sv), e.message(Lang::En))
}

#[test]
fn an_option_is_costed_over_the_period_at_the_discount_rate() {
    let case = json!({ "options": [
        { "id": "pilot", "name": "Pilot i ett boende",
          "one_off_cost": 100000, "yearly_cost": 30000, "yearly_benefit": 80000 },
        { "id": "manual_plus", "name": "Fler nattbesök", "yearly_cost": 350000 },
        { "id": "wait", "name": "Vänta på regional upphandling" }
    ]});
    let ev = evaluate_text(&doc(case, json!([])).to_string(), Lang::Sv).unwrap();
    let json = serde_json::to_value(&ev).unwrap();
    // pilot: −100 000 + 50 000 × (0,8 + 0,64 + 0,512) = −100 000 + 97 600 = −2 400;
    // cumulative −100 000, −50 000, 0 → paid back at the end of year 2.
    assert_eq!(
        json["options"][0],
        json!({ "id": "pilot", "npv": "-2400.00", "payback_years": "2.000000" })
    );
    // manual_plus: −350 000 × 1,952 = −683 200, never paid back.
    assert_eq!(
        json["options"][1],
        json!({ "id": "manual_plus", "npv": "-683200.00", "payback_years": null })
    );
    // An option without figures is described, not costed.
    assert_eq!(
        json["options"][2],
        json!({ "id": "wait", "npv": null, "payback_years": null })
    );
}

#[test]
fn without_a_case_there_are_no_options() {
    let d = json!({
        "nytta": 1, "initiative": { "title": "A" },
        "valuation": { "parameters": { "start_year": 2025, "years": 3, "discount_rate": 0.25 } }
    });
    let ev = evaluate_text(&d.to_string(), Lang::Sv).unwrap();
    assert!(ev.options.is_empty());
}

#[test]
fn an_option_figure_below_zero_is_refused_at_its_path() {
    let case = json!({ "options": [ { "id": "a", "yearly_cost": -5 } ] });
    let (path, sv, en) = problem(&doc(case, json!([])));
    assert_eq!(path, "valuation.case.options[0].yearly_cost");
    assert!(sv.contains("mellan 0 kr och"), "{sv}");
    assert!(en.contains("between SEK 0 and"), "{en}");
}

#[test]
fn option_ids_are_ids_and_unique() {
    let case = json!({ "options": [ { "id": "a" }, { "id": "a" }, { "id": "1a", "name": "Siffra först" } ] });
    let p = problems(&doc(case, json!([])));
    let paths: Vec<&str> = p.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "valuation.case.options[1].id",
            "valuation.case.options[2].id"
        ]
    );
    assert_eq!(p.0[0].code(), "duplicate_id");
    assert_eq!(p.0[1].code(), "bad_id");
}

#[test]
fn a_funding_year_outside_the_period_is_refused() {
    let case = json!({ "financial": { "funding": [
        { "source": "Investeringsbudget", "year": 4, "amount": 400000 } ] } });
    let (path, sv, en) = problem(&doc(case, json!([])));
    assert_eq!(path, "valuation.case.financial.funding[0].year");
    assert!(sv.contains("kalkylperioden 0–3"), "{sv}");
    assert!(en.contains("analysis period 0–3"), "{en}");
}

#[test]
fn a_negative_funding_amount_is_refused() {
    let case = json!({ "financial": { "funding": [ { "year": 0, "amount": -1 } ] } });
    assert_eq!(
        problem(&doc(case, json!([]))).0,
        "valuation.case.financial.funding[0].amount"
    );
}

#[test]
fn dates_in_the_case_are_iso_dates() {
    let case = json!({
        "decision": { "start": "2025-13-01" },
        "management": {
            "milestones": [ { "date": "1 mars", "text": "Upphandling klar" } ],
            "follow_up_plan": [ { "date": "2026-02-30", "who": "Verksamhetsutvecklare" } ]
        }
    });
    let p = problems(&doc(case, json!([])));
    let paths: Vec<&str> = p.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "valuation.case.decision.start",
            "valuation.case.management.milestones[0].date",
            "valuation.case.management.follow_up_plan[0].date"
        ]
    );
    assert!(p.0[0].message(Lang::Sv).contains("ÅÅÅÅ-MM-DD"));
    assert!(p.0[0].message(Lang::En).contains("YYYY-MM-DD"));
}

#[test]
fn a_contract_of_zero_years_is_refused() {
    let case = json!({ "commercial": { "contract_years": 0 } });
    let (path, sv, en) = problem(&doc(case, json!([])));
    assert_eq!(path, "valuation.case.commercial.contract_years");
    assert!(sv.contains("fler än 0 år"), "{sv}");
    assert!(en.contains("more than 0 years"), "{en}");
}

#[test]
fn an_unknown_dpa_answer_is_refused_when_read() {
    let case = json!({ "commercial": { "dpa": "maybe" } });
    let e = read_document(&doc(case, json!([])).to_string()).unwrap_err();
    assert_eq!(e.0[0].path, "valuation.case.commercial.dpa");
    assert_eq!(e.0[0].code(), "wrong_value");
}

#[test]
fn a_typo_in_the_case_is_refused_with_its_path() {
    let case = json!({ "decision": { "decidingbody": "Omsorgsnämnden" } });
    let e = read_document(&doc(case, json!([])).to_string()).unwrap_err();
    assert_eq!(e.0[0].code(), "unknown_field");
    assert!(
        e.0[0].path.starts_with("valuation.case.decision"),
        "{}",
        e.0[0].path
    );
}

#[test]
fn a_benefit_owner_on_a_cost_line_is_refused() {
    let lines = json!([
        { "id": "licence", "side": "cost", "name": "Licens", "category": "financial",
          "amount": 1000, "timing": { "yearly": { "from": 1 } },
          "benefit_owner": "Enhetschef" }
    ]);
    let (path, sv, en) = problem(&doc(json!({}), lines));
    assert_eq!(path, "valuation.lines[0].benefit_owner");
    assert!(sv.contains("kostnadsrad"), "{sv}");
    assert!(en.contains("cost line"), "{en}");
}

#[test]
fn a_line_linked_to_an_unknown_effect_goal_is_refused() {
    let lines = json!([
        { "id": "calm", "side": "benefit", "name": "Lugnare nätter", "category": "quality",
          "benefit_owner": "Enhetschef, boende", "effect_goal": "calm_night" }
    ]);
    let (path, sv, en) = problem(&doc(json!({}), lines));
    assert_eq!(path, "valuation.lines[0].effect_goal");
    assert!(sv.contains("effektmål med id \"calm_night\""), "{sv}");
    assert!(en.contains("effect goal with id \"calm_night\""), "{en}");
}

#[test]
fn a_full_case_and_linked_lines_pass_and_write_back_the_same() {
    let case = json!({
        "decision": { "proposal": "Omsorgsnämnden beslutar att införa digital nattillsyn.",
                      "deciding_body": "Omsorgsnämnden", "funding_source": "Driftbudget 4100",
                      "start": "2025-01-01", "recommendation": "Bifall.",
                      "case_number": "OMN 2024/123" },
        "changed_work": "Tillsyn via kamera i stället för fysiska besök.",
        "options": [ { "id": "manual_plus", "name": "Fler nattbesök", "description": "…",
                       "one_off_cost": 0, "yearly_cost": 350000, "yearly_benefit": 0 } ],
        "financial": { "funding": [ { "source": "Investeringsbudget 2025", "year": 0,
                                      "amount": 400000 } ],
                       "budget_plan": "Vakanser tillsätts inte från 2026." },
        "management": {
            "milestones": [ { "date": "2025-03-01", "text": "Upphandling klar" } ],
            "follow_up_plan": [ { "date": "2026-03-01", "who": "Verksamhetsutvecklare",
                                  "what": "Frigjord tid" } ] },
        "commercial": { "procurement": "Avrop från ramavtal", "contract_years": 4,
                        "exit": "Export i öppet format.", "dpa": "yes",
                        "dpa_note": "Tecknas med leverantören." }
    });
    let lines = json!([
        { "id": "calm", "side": "benefit", "name": "Lugnare nätter", "category": "quality",
          "benefit_owner": "Enhetschef, boende", "effect_goal": "calm_nights" }
    ]);
    let d = doc(case, lines);
    let read = read_document(&d.to_string()).unwrap();
    Model::from_document(read.clone()).unwrap();
    let again = read_document(&serde_json::to_string(&read).unwrap()).unwrap();
    assert_eq!(again, read);
}

#[test]
fn the_budget_views_costs_split_into_one_off_and_recurring() {
    let d = json!({
        "nytta": 1,
        "initiative": { "title": "Digital nattillsyn" },
        "valuation": {
            "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0.03,
                            "optimism_bias": 0.1 },
            "roles": [ { "id": "vu", "name": "Verksamhetsutvecklare", "hourly_cost": 500 } ],
            "lines": [
                { "id": "cameras", "side": "cost", "name": "Kameror", "category": "financial",
                  "amount": 100000, "timing": { "once": 0 } },
                { "id": "licence", "side": "cost", "name": "Licens", "category": "financial",
                  "amount": 20000, "timing": { "yearly": { "from": 1 } } },
                { "id": "project", "side": "cost", "name": "Projekttid",
                  "category": "reallocation",
                  "time": { "minutes": 60, "occurrences": 100, "role": "vu" },
                  "timing": { "once": 0 } }
            ]
        }
    });
    let doc = read_document(&d.to_string()).unwrap();
    let model = Model::from_document(doc).unwrap();
    let ev = nytta_core::evaluate(&model, Lang::Sv).unwrap();
    let split = nytta_core::financial::budget_costs_by_kind(&model, &ev);
    // With the 10 % bias: cameras 110 000 in year 0, the licence 22 000 in years 1 and 2;
    // the project time (reallocation) is not in the budget view.
    let got: Vec<(i32, String, String)> = split
        .iter()
        .map(|s| {
            (
                s.calendar_year,
                s.one_off.to_string(),
                s.recurring.to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2025, "110000.0".to_string(), "0".to_string()),
            (2026, "0".to_string(), "22000.0".to_string()),
            (2027, "0".to_string(), "22000.0".to_string()),
        ]
    );
    for (s, row) in split.iter().zip(&ev.years) {
        assert_eq!(s.one_off + s.recurring, row.budget.costs, "year {}", s.year);
    }
}

/// The robots sample with its own funding replaced by `funding` (null: as the sample has it).
fn robots_cover(funding: Option<Value>) -> Option<nytta_core::financial::FundingCover> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../samples/lakemedelsrobotar.nytta.json"
    );
    let mut d: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    if let Some(f) = funding {
        d["valuation"]["case"]["financial"]["funding"] = f;
    }
    let model = Model::from_document(read_document(&d.to_string()).unwrap()).unwrap();
    let ev = nytta_core::evaluate(&model, Lang::Sv).unwrap();
    nytta_core::financial::funding_cover(&model, &ev)
}

#[test]
fn funding_is_set_against_the_budget_views_costs_year_by_year() {
    // The sample funds 220 000 kr in 2021 and 36 000 kr in 2022 and 2023; the budget view
    // costs 220 000 kr in 2021 and 36 000 kr a year in 2022–2027, so 4 × 36 000 = 144 000 kr
    // in 2024–2027 is not funded.
    let cover = robots_cover(None).unwrap();
    assert_eq!(cover.total, 292_000.into());
    assert_eq!(cover.unfunded, 144_000.into());
    assert_eq!(cover.unfunded_years, [2024, 2025, 2026, 2027]);
    // 300 000 kr in 2021 does not carry over; 100 000 kr without a year covers 2022, 2023
    // and 28 000 of 2024's 36 000 kr: 8 000 + 3 × 36 000 = 116 000 kr in 2024–2027.
    let cover = robots_cover(Some(json!([
        { "source": "Investeringsbudget", "year": 0, "amount": 300000 },
        { "source": "Driftbudget", "amount": 100000 }
    ])))
    .unwrap();
    assert_eq!(cover.total, 400_000.into());
    assert_eq!(cover.unfunded, 116_000.into());
    assert_eq!(cover.unfunded_years, [2024, 2025, 2026, 2027]);
    // Funding every year in full leaves nothing unfunded; no rows, no comparison.
    let all: Vec<Value> = (0..=6)
        .map(|t| json!({ "year": t, "amount": if t == 0 { 220000 } else { 36000 } }))
        .collect();
    let cover = robots_cover(Some(Value::Array(all))).unwrap();
    assert_eq!(cover.unfunded, 0.into());
    assert!(cover.unfunded_years.is_empty());
    assert_eq!(robots_cover(Some(json!([]))), None);
}
