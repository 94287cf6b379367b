//! The calculation conventions of docs/domain.md, one document per convention, with
//! expected values worked out by hand (the arithmetic is in the comment beside each).

use serde_json::{json, Value};

use crate::check::{check, doc, evaluate};

/// A financial line with a plain amount.
fn line(id: &str, side: &str, amount: &str, timing: Value) -> Value {
    json!({ "id": id, "side": side, "name": id, "category": "financial",
            "amount": amount, "timing": timing })
}

fn once(year: u32) -> Value {
    json!({ "once": year })
}

fn yearly(from: u32) -> Value {
    json!({ "yearly": { "from": from } })
}

/// The check flows of docs/domain.md, −100, 39, 59, 55, 20 at r = 10 %, as one-off lines.
fn check_flows() -> Value {
    doc(json!({
        "parameters": { "start_year": 2024, "years": 4, "discount_rate": 0.1 },
        "lines": [
            line("invest", "cost", "100", once(0)),
            line("y1", "benefit", "39", once(1)),
            line("y2", "benefit", "59", once(2)),
            line("y3", "benefit", "55", once(3)),
            line("y4", "benefit", "20", once(4)),
        ]
    }))
}

#[test]
fn domain_check_values_through_the_whole_pipeline() {
    // NPV = −100 + 39/1.1 + 59/1.21 + 55/1.331 + 20/1.4641 = 39.197459… → "39.20".
    // IRR: bisection of NPV(r) = 0 with Python decimal → 0.2809484211… → "0.280948".
    // Payback: C = −100, −61, −2, 53 → 2 + 2/55 = 2.036364.
    // Discounted: C = −100, −64.545455, −15.785124, 25.537190 → 2 + 15.785124/41.322314 = 2.382.
    let figures = json!({
        "npv": "39.20",
        "irr": "0.280948",
        "irr_roots": ["0.280948"],
        // MIRR (docs/domain.md): FV_4 of 39, 59, 55, 20 at 10 % = 203.799; PV_0 of −100 =
        // 100; (2.03799)^(1/4) − 1 = 0.1948146… → "0.194815".
        "mirr": "0.194815",
        "payback_years": "2.036364",
        "discounted_payback_years": "2.382000",
        // PVb = 39/1.1 + 59/1.21 + 55/1.331 + 20/1.4641 = 139.197459; PVc = 100.
        "pv_benefits": "139.20",
        "pv_costs": "100.00",
        "total_benefits": "173.00",
        "total_costs": "100.00",
        // ROI = 39.197459/100; B/C = 139.197459/100.
        "roi": "0.391975",
        "benefit_cost_ratio": "1.391975",
        // Switching: NPV/PVb = 39.197459/139.197459 = 0.281596; NPV/PVc = 0.391975.
        "switching_benefits": "0.281596",
        "switching_costs": "0.391975",
    });
    check(
        "docs/domain.md check values; every line is financial, so both views agree",
        &check_flows(),
        json!({ "economic": figures, "budget": figures }),
    );
}

#[test]
fn payback_of_one_million_and_400_000_a_year_is_two_and_a_half_years() {
    // C = −1 000 000, −600 000, −200 000, 200 000 → 2 + 200 000/400 000 = 2.5.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 6, "discount_rate": 0.03 },
        "lines": [
            line("buy", "cost", "1000000", once(0)),
            line("save", "benefit", "400000", yearly(1)),
        ]
    }));
    check(
        "docs/domain.md: payback 2.5 years",
        &d,
        json!({ "economic": { "payback_years": "2.500000" } }),
    );
}

#[test]
fn payback_exactly_on_a_year_boundary_is_a_whole_year() {
    // C = −300, −200, −100, 0: C(2) < 0 ≤ C(3) → 2 + 100/100 = 3 exactly.
    let d = doc(json!({ "lines": [
        line("buy", "cost", "300", once(0)),
        line("save", "benefit", "100", yearly(1)),
    ]}));
    check(
        "cumulative net reaches exactly 0 in year 3",
        &d,
        json!({
            "economic": { "payback_years": "3.000000" },
            "years": [
                { "economic": { "cumulative": "-300.00" } },
                { "economic": { "cumulative": "-200.00" } },
                { "economic": { "cumulative": "-100.00" } },
                { "economic": { "cumulative": "0.00" } },
                { "economic": { "cumulative": "100.00" } },
                { "economic": { "cumulative": "200.00" } },
            ]
        }),
    );
}

#[test]
fn payback_never_within_the_period_is_null_not_a_number() {
    // C(5) = −1000 + 5 × 100 = −500 < 0: no payback, undiscounted or discounted.
    let d = doc(json!({ "lines": [
        line("buy", "cost", "1000", once(0)),
        line("save", "benefit", "100", yearly(1)),
    ]}));
    check(
        "never paid back",
        &d,
        json!({
            "economic": { "payback_years": null, "discounted_payback_years": null, "total_benefits": "500.00" },
            "budget": { "payback_years": null, "discounted_payback_years": null }
        }),
    );
}

#[test]
fn payback_at_once_when_year_zero_is_not_negative() {
    // C(0) = 50 − 0 ≥ 0 → payback 0, even though a cost of 80 falls in year 1 (C(1) = −30).
    let d = doc(json!({ "lines": [
        line("grant", "benefit", "50", once(0)),
        line("fee", "cost", "80", once(1)),
    ]}));
    check(
        "C(0) ≥ 0 gives 0",
        &d,
        json!({ "economic": { "payback_years": "0.000000" } }),
    );
}

#[test]
fn ramp_scales_from_the_first_year_of_the_timing_and_its_last_factor_repeats() {
    // yearly from 2 to 4, ramp [0.5, 1]: years 0–1 nothing, 2: 1000 × 0.5 = 500, 3–4: 1000,
    // 5: after "to", nothing. "annual" is before the ramp.
    let mut ramped = line(
        "save",
        "benefit",
        "1000",
        json!({ "yearly": { "from": 2, "to": 4 } }),
    );
    ramped["ramp"] = json!([0.5, 1]);
    let d = doc(json!({ "lines": [ramped] }));
    let benefits = ["0.00", "0.00", "500.00", "1000.00", "1000.00", "0.00"];
    check(
        "ramp [0.5, 1] from year 2",
        &d,
        json!({
            "lines": [{ "id": "save", "annual": "1000.00" }],
            "years": benefits.iter().map(|b| json!({ "economic": { "benefits": b } })).collect::<Vec<_>>(),
            "economic": { "total_benefits": "2500.00" }
        }),
    );
}

#[test]
fn confidence_reduces_benefits_but_not_the_annual_amount() {
    // 1000 × 0.8 = 800 a year in years 1–5; total 4000; "annual" is before confidence.
    let mut l = line("save", "benefit", "1000", yearly(1));
    l["confidence"] = json!(0.8);
    let d = doc(json!({ "lines": [l] }));
    check(
        "confidence 0.8",
        &d,
        json!({
            "lines": [{ "annual": "1000.00" }],
            "years": [{}, { "economic": { "benefits": "800.00" } }, {}, {}, {}, {}],
            "economic": { "total_benefits": "4000.00" }
        }),
    );
}

#[test]
fn optimism_bias_raises_costs_only() {
    // Costs × 1.1: year 0: 1000 × 1.1 = 1100; benefits stay 500. r = 0, N = 2:
    // NPV = −1100 + 500 + 500 = −100.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 2, "discount_rate": 0, "optimism_bias": 0.1 },
        "lines": [
            line("buy", "cost", "1000", once(0)),
            line("save", "benefit", "500", yearly(1)),
        ]
    }));
    check(
        "optimism bias 0.1",
        &d,
        json!({
            "economic": { "npv": "-100.00", "total_costs": "1100.00", "total_benefits": "1000.00" },
            "years": [{ "economic": { "costs": "1100.00" } }, { "economic": { "benefits": "500.00" } }, {}]
        }),
    );
}

/// Financial benefit 100/yr, reallocation benefit 300/yr, financial cost 500 and
/// reallocation cost 50 in year 0; r = 0, N = 2.
fn two_views() -> Value {
    let mut freed = line("freed", "benefit", "300", yearly(1));
    freed["category"] = json!("reallocation");
    let mut staff = line("staff", "cost", "50", once(0));
    staff["category"] = json!("reallocation");
    doc(json!({
        "parameters": { "start_year": 2024, "years": 2, "discount_rate": 0 },
        "lines": [line("cash", "benefit", "100", yearly(1)), freed,
                  line("buy", "cost", "500", once(0)), staff]
    }))
}

#[test]
fn budget_view_leaves_out_reallocation_lines() {
    // Economic: −550 + 400 + 400 = 250; C = −550, −150, 250 → payback 1 + 150/400 = 1.375.
    // Budget: −500 + 100 + 100 = −300, never paid back.
    check(
        "economic vs budget",
        &two_views(),
        json!({
            "economic": { "npv": "250.00", "total_benefits": "800.00", "total_costs": "550.00",
                          "payback_years": "1.375000" },
            "budget": { "npv": "-300.00", "total_benefits": "200.00", "total_costs": "500.00",
                        "payback_years": null },
            "years": [
                { "economic": { "costs": "550.00" }, "budget": { "costs": "500.00" } },
                { "economic": { "benefits": "400.00" }, "budget": { "benefits": "100.00" } },
                {}
            ]
        }),
    );
}

#[test]
fn switching_values_roi_and_benefit_cost_ratio() {
    // Economic view of two_views at r = 0: PVb = 800, PVc = 550, NPV = 250.
    // Switching benefits 250/800 = 0.3125; costs 250/550 = 0.454545…;
    // ROI (800 − 550)/550 = 0.454545…; B/C 800/550 = 1.454545….
    check(
        "switching values",
        &two_views(),
        json!({ "economic": {
            "switching_benefits": "0.312500", "switching_costs": "0.454545",
            "roi": "0.454545", "benefit_cost_ratio": "1.454545"
        }}),
    );
}

#[test]
fn recurring_cost_from_to_is_active_in_both_end_years_only_between() {
    // yearly from 2 to 4 over N = 6: 0, 0, 100, 100, 100, 0, 0 → total 300.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 6, "discount_rate": 0 },
        "lines": [line("run", "cost", "100", json!({ "yearly": { "from": 2, "to": 4 } }))]
    }));
    let costs = ["0.00", "0.00", "100.00", "100.00", "100.00", "0.00", "0.00"];
    check(
        "recurring 2–4",
        &d,
        json!({
            "economic": { "total_costs": "300.00" },
            "years": costs.iter().map(|c| json!({ "economic": { "costs": c } })).collect::<Vec<_>>()
        }),
    );
}

#[test]
fn monthly_salary_role_costs_monthly_over_142_times_1_54() {
    // 35 000 / 142 × 1.54 = 379.577464788… kr/h (docs/domain.md: 379.58).
    // One hour: 60 / 60 × 1 × 379.577… = 379.58; role.ssk × 1000 = 379 577.46.
    let d = doc(json!({
        "roles": [{ "id": "ssk", "name": "Sjuksköterska", "monthly_salary": 35000 }],
        "lines": [
            { "id": "hour", "side": "benefit", "name": "En timme", "category": "reallocation",
              "time": { "minutes": 60, "occurrences": 1, "role": "ssk" }, "timing": yearly(1) },
            { "id": "thousand", "side": "benefit", "name": "Tusen timmar", "category": "financial",
              "amount": "role.ssk * 1000", "timing": yearly(1) }
        ]
    }));
    check(
        "monthly salary 35 000",
        &d,
        json!({ "lines": [
            { "id": "hour", "annual": "379.58", "hours_per_year": "1.000000" },
            { "id": "thousand", "annual": "379577.46" }
        ]}),
    );
}

#[test]
fn time_form_is_explained_with_the_values_used() {
    // 12 / 60 × (10 × 2 × 365) × 359 = 0.2 × 7300 × 359 = 524 140; hours 0.2 × 7300 = 1460.
    // The input has no unit, so only the role's cost (kr/h) and the result (kr) carry one.
    let d = doc(json!({
        "roles": [{ "id": "usk", "name": "Undersköterska", "hourly_cost": 359 }],
        "inputs": [{ "id": "robots", "name": "Robotar", "value": 10 }],
        "lines": [{ "id": "time_usk", "side": "benefit", "name": "Frigjord tid",
                    "category": "reallocation",
                    "time": { "minutes": 12, "occurrences": "robots * 2 * 365", "role": "usk" },
                    "timing": yearly(1) }]
    }));
    check(
        "the time form's explain example",
        &d,
        json!({ "lines": [{
            "id": "time_usk",
            "annual": "524140.00",
            "hours_per_year": "1460.000000",
            "explain": "12 min / 60 × (10 × 2 × 365) × 359 kr/h = 524 140,00 kr"
        }]}),
    );
}

#[test]
fn derived_inputs_are_computed_whatever_their_document_order() {
    // active = users × share = 200 × 0.25 = 50; per_day = active / 5 = 10 (declared before
    // the inputs it uses). Line: per_day × 100 = 1000.
    let d = doc(json!({
        "inputs": [
            { "id": "per_day", "name": "Per dag", "value": "active / 5" },
            { "id": "active", "name": "Aktiva", "value": "users * share" },
            { "id": "users", "name": "Användare", "value": 200, "low": 100, "high": 300 },
            { "id": "share", "name": "Andel", "value": 0.25 }
        ],
        "lines": [line("save", "benefit", "per_day * 100", yearly(1))]
    }));
    check(
        "derived inputs",
        &d,
        json!({
            "lines": [{ "annual": "1000.00" }],
            // The tornado moves users; the derived inputs follow: users 100 → per_day 5 → 500 a
            // year; users 300 → 1500. NPV over years 1–5 at 10 %: annuity factor 3.790787 →
            // 500 × 3.790787 = 1895.39, 1500 × 3.790787 = 5686.18.
            "sensitivity": { "tornado": [{ "input": "users", "npv_at_low": "1895.39", "npv_at_high": "5686.18" }] }
        }),
    );
}

#[test]
fn freed_hours_count_recurring_reallocation_benefits_in_staff_time_only() {
    // Counted: 30 min × 4000 / 60 = 2000 h × confidence 0.85 = 1700 h.
    // Not counted: a financial time line, a reallocation amount line, a reallocation time
    // cost, and a one-off reallocation time benefit. FTE = 1700 / 1600 = 1.0625.
    let time = |id: &str, side: &str, category: &str, timing: Value| {
        json!({ "id": id, "side": side, "name": id, "category": category,
                "time": { "minutes": 30, "occurrences": 4000, "role": "usk" }, "timing": timing })
    };
    let mut counted = time("counted", "benefit", "reallocation", yearly(1));
    counted["confidence"] = json!(0.85);
    let mut amount = line("amount", "benefit", "1000", yearly(1));
    amount["category"] = json!("reallocation");
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 5, "discount_rate": 0.03, "hours_per_fte": 1600 },
        "roles": [{ "id": "usk", "name": "Undersköterska", "hourly_cost": 359 }],
        "lines": [counted, time("money", "benefit", "financial", yearly(1)), amount,
                  time("spent", "cost", "reallocation", yearly(1)),
                  time("once", "benefit", "reallocation", once(2))]
    }));
    check(
        "freed hours and FTE",
        &d,
        json!({
            "freed_hours_per_year": "1700.000000",
            "fte": "1.062500"
        }),
    );
}

#[test]
fn tornado_is_sorted_by_swing_and_sets_the_pessimistic_and_optimistic_cases() {
    // r = 0, N = 2. Benefit a × 100 in years 1–2, cost b × 10 in year 0; likely a = 10, b = 4:
    // NPV = 2 × 1000 − 40 = 1960.
    // a: low 5 → 2 × 500 − 40 = 960; high 20 → 2 × 2000 − 40 = 3960 (swing 3000).
    // b: low 3 → 2000 − 30 = 1970; high 5 → 2000 − 50 = 1950 (swing 20), listed first in
    // the document but second in the tornado. c has no range and is left out.
    // Pessimistic a = 5, b = 5: 1000 − 50 = 950; C = −50, 450 → payback 50/500 = 0.1.
    // Optimistic a = 20, b = 3: 4000 − 30 = 3970; C = −30, 1970 → payback 30/2000 = 0.015.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 2, "discount_rate": 0 },
        "inputs": [
            { "id": "b", "name": "B", "value": 4, "low": 3, "high": 5 },
            { "id": "c", "name": "C", "value": 1 },
            { "id": "a", "name": "A", "value": 10, "low": 5, "high": 20 }
        ],
        "lines": [line("gain", "benefit", "a * 100 * c", yearly(1)), line("pay", "cost", "b * 10", once(0))]
    }));
    check(
        "tornado",
        &d,
        json!({
            "economic": { "npv": "1960.00" },
            "sensitivity": {
                "tornado": [
                    { "input": "a", "npv_at_low": "960.00", "npv_at_high": "3960.00" },
                    { "input": "b", "npv_at_low": "1970.00", "npv_at_high": "1950.00" }
                ],
                "pessimistic": { "npv": "950.00", "payback_years": "0.100000" },
                "optimistic": { "npv": "3970.00", "payback_years": "0.015000" }
            }
        }),
    );
}

#[test]
fn irr_is_null_without_a_sign_change() {
    // Only benefits: the net flow is never negative, so no rate makes NPV zero.
    let only_benefits = doc(json!({ "lines": [line("gain", "benefit", "100", yearly(0))] }));
    // Only costs: never positive; payback never either.
    let only_costs = doc(json!({ "lines": [line("pay", "cost", "100", yearly(0))] }));
    // Without costs nothing is paid back: payback cannot be computed (docs/domain.md).
    check(
        "all positive",
        &only_benefits,
        json!({ "economic": { "irr": null, "irr_roots": [], "mirr": null,
                              "payback_years": null } }),
    );
    check(
        "all negative",
        &only_costs,
        json!({ "economic": { "irr": null, "irr_roots": [], "mirr": null,
                              "payback_years": null } }),
    );
}

/// numpy-financial's gh-39 shape in a valuation: −10 000 kr in year 0, +23 000 kr in year 1,
/// −13 200 kr in year 2 has NPV zero at 10 % and 20 % (−10 000(1+r)² + 23 000(1+r) − 13 200
/// = 0 ⇔ (1+r) = 1.1 or 1.2). The IRR is ambiguous, so both roots are listed; by the rule of
/// numpy-financial both are non-negative and the smaller is the IRR. MIRR at 3 %: FV₂ of
/// 23 000 = 23 690; PV₀ of the outlays = 10 000 + 13 200/1.0609 = 22 442.266…;
/// (23 690 / 22 442.266…)^(1/2) − 1 = 0.0274227….
#[test]
fn several_irrs_are_all_listed() {
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 2, "discount_rate": 0.03 },
        "lines": [
            line("build", "cost", "10000", once(0)),
            line("gain", "benefit", "23000", once(1)),
            line("dismantle", "cost", "13200", once(2)),
        ]
    }));
    check(
        "two roots",
        &d,
        json!({ "economic": { "irr": "0.100000", "irr_roots": ["0.100000", "0.200000"],
                              "mirr": "0.027423" } }),
    );
}

#[test]
fn quality_and_environment_lines_are_kept_without_money() {
    let d = doc(json!({ "lines": [
        { "id": "calm", "side": "benefit", "name": "Tryggare brukare", "category": "quality", "stakeholder": "user" },
        { "id": "co2", "side": "benefit", "name": "Färre bilresor", "category": "environment" },
        line("gain", "benefit", "100", yearly(1))
    ]}));
    let out = evaluate(&d);
    let lines = out["lines"].as_array().unwrap();
    assert_eq!(
        lines.len(),
        3,
        "every line, money or not, is in lines[]: {lines:?}"
    );
    for l in &lines[..2] {
        assert_eq!(
            l["annual"],
            Value::Null,
            "a quality/environment line has no amount: {l}"
        );
        assert_eq!(
            l["explain"],
            Value::Null,
            "nor an explanation in kronor: {l}"
        );
    }
}
