//! Regression tests for documents whose amounts overflowed `Decimal`'s plain operators and
//! panicked the engine (rust_decimal's `+`, `-`, `*` and `/` panic on overflow). Each is now
//! refused with the path of the field and a message in both languages, or evaluated.
//!
//! The limit is `MAX_LINE_AMOUNT` = 10^15 kr (or hours) per line and occurrence.

use nytta_core::amounts::MAX_LINE_AMOUNT;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::bad_documents::{base, expect};
use crate::check::{check, doc};

/// 5 × 10^28: within `Decimal`'s range (about 7.9 × 10^28), but two of them are not.
const HUGE: &str = "50000000000000000000000000000";

fn benefit(id: &str, amount: &str, timing: Value) -> Value {
    json!({ "id": id, "side": "benefit", "name": id, "category": "financial",
            "amount": amount, "timing": timing })
}

const SV_LIMIT: &str = "högst 1 000 000 000 000 000 kr kan räknas med";
const EN_LIMIT: &str = "at most SEK 1,000,000,000,000,000 can be calculated with";

#[test]
fn the_limit_is_ten_to_the_fifteenth() {
    assert_eq!(MAX_LINE_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
}

#[test]
fn two_huge_lines_overflowed_the_yearly_sum() {
    let d = doc(json!({ "lines": [benefit("a", HUGE, json!({ "once": 0 })),
                                  benefit("b", HUGE, json!({ "once": 0 }))] }));
    expect(
        "two lines of 5 × 10^28 kr in year 0",
        &d.to_string(),
        "valuation.lines[0].amount",
        "invalid_value",
        SV_LIMIT,
        EN_LIMIT,
    );
}

#[test]
fn one_huge_yearly_line_overflowed_the_cumulative_net() {
    let d = doc(json!({ "lines": [benefit("a", HUGE, json!({ "yearly": { "from": 0 } }))] }));
    expect(
        "5 × 10^28 kr a year",
        &d.to_string(),
        "valuation.lines[0].amount",
        "invalid_value",
        "beloppet för raden \"a\"",
        "the amount of line \"a\"",
    );
}

#[test]
fn a_zero_ramp_hid_amounts_that_overflowed_the_effect_score() {
    // The year values are all 0, but the effect score sums the full-effect amounts.
    let mut a = benefit("a", HUGE, json!({ "yearly": { "from": 0 } }));
    a["ramp"] = json!([0]);
    let mut b = benefit("b", HUGE, json!({ "yearly": { "from": 0 } }));
    b["ramp"] = json!([0]);
    let d = doc(json!({ "lines": [a, b] }));
    expect(
        "ramp [0] on two lines of 5 × 10^28 kr",
        &d.to_string(),
        "valuation.lines[0].amount",
        "invalid_value",
        SV_LIMIT,
        EN_LIMIT,
    );
}

#[test]
fn huge_hours_in_the_time_form_are_refused_even_at_zero_cost() {
    // 6 × 10^28 minutes = 10^27 hours at 0 kr/h: the amount is 0 but the freed hours
    // would overflow once summed over a few such lines.
    let d = doc(json!({
        "roles": [{ "id": "r", "name": "Roll", "hourly_cost": 0 }],
        "lines": [{ "id": "t", "side": "benefit", "name": "Tid", "category": "reallocation",
                    "time": { "minutes": "60000000000000000000000000000", "occurrences": 1, "role": "r" },
                    "timing": { "yearly": { "from": 0 } } }]
    }));
    expect(
        "10^27 hours",
        &d.to_string(),
        "valuation.lines[0].time",
        "invalid_value",
        "högst 1 000 000 000 000 000 timmar",
        "at most 1,000,000,000,000,000 hours",
    );
}

#[test]
fn a_tiny_hours_per_fte_overflowed_the_fte_division() {
    // 10^11 freed hours ÷ 10^-22 h per FTE = 10^33 FTE, beyond a decimal.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 2, "discount_rate": 0,
                        "hours_per_fte": "0.0000000000000000000001" },
        "roles": [{ "id": "r", "name": "Roll", "hourly_cost": 1 }],
        "lines": [{ "id": "t", "side": "benefit", "name": "Tid", "category": "reallocation",
                    "time": { "minutes": 60, "occurrences": "100000000000", "role": "r" },
                    "timing": { "yearly": { "from": 0 } } }]
    }));
    expect(
        "hours per FTE 10^-22",
        &d.to_string(),
        "valuation.parameters.hours_per_fte",
        "invalid_value",
        "timmar per årsarbetare är för litet",
        "hours per FTE is too small",
    );
}

#[test]
fn huge_score_weights_overflowed_their_sum() {
    let d = doc(json!({ "settings": {
        "effect_money_5": 1000000, "effect_money_3": 250000, "effect_hours_5": 2000,
        "effect_hours_3": 500, "resource_5": 2000000, "resource_3": 500000,
        "weight_effect": HUGE, "weight_feasibility": HUGE, "weight_financing": 1,
        "weight_resource": 1, "full_valuation_effect": 3, "full_valuation_resource": 3 } }));
    expect(
        "two weights of 5 × 10^28",
        &d.to_string(),
        "valuation.settings",
        "invalid_value",
        "orimligt stora",
        "unreasonably large",
    );
}

#[test]
fn huge_effect_goal_values_overflowed_the_attainment() {
    // target − baseline = 5 × 10^28 − (−5 × 10^28) = 10^29 does not fit: no attainment.
    let mut d = base();
    d["valuation"]["effect_goals"][0]["baseline"] = json!(format!("-{HUGE}"));
    d["valuation"]["effect_goals"][0]["target"] = json!(HUGE);
    check(
        "attainment of a goal too wide to compute",
        &d,
        json!({ "follow_ups": [{ "effect_goals": [{ "id": "adherence", "attainment": null }] }] }),
    );
}

#[test]
fn a_realised_amount_over_the_limit_names_the_follow_up() {
    // robots = 10^20 → 28 000 × 10^20 = 2.8 × 10^24 kr.
    let mut d = base();
    d["follow_ups"][0]["inputs"]["robots"] = json!("100000000000000000000");
    expect(
        "realised robots 10^20",
        &d.to_string(),
        "follow_ups[0] → valuation.lines[0].amount",
        "invalid_value",
        "beloppet för raden \"buy\"",
        "the amount of line \"buy\"",
    );
}

#[test]
fn a_high_bound_over_the_limit_names_the_input() {
    // robots at its high value 10^20 → 2.8 × 10^24 kr in the tornado.
    let mut d = base();
    d["valuation"]["inputs"][0]["high"] = json!("100000000000000000000");
    expect(
        "high robots 10^20",
        &d.to_string(),
        "valuation.inputs[0].high",
        "invalid_value",
        "beloppet för raden \"buy\"",
        "the amount of line \"buy\"",
    );
}

#[test]
fn the_largest_costs_allowed_still_add_up() {
    // One cost of 10^15 kr a year for years 0..50 with optimism bias 10 (× 11):
    // 1.1 × 10^16 a year, 51 years → total 5.61 × 10^17 kr; at rate 0 NPV = −5.61 × 10^17.
    let d = doc(json!({
        "parameters": { "start_year": 2024, "years": 50, "discount_rate": 0, "optimism_bias": 10 },
        "lines": [{ "id": "c", "side": "cost", "name": "Kostnad", "category": "financial",
                    "amount": "1000000000000000", "timing": { "yearly": { "from": 0 } } }]
    }));
    check(
        "the worst case the limit allows",
        &d,
        json!({ "economic": { "total_costs": "561000000000000000.00",
                              "npv": "-561000000000000000.00", "payback_years": null } }),
    );
}

mod any_size {
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use serde_json::{json, Value};

    /// Any decimal, from tiny to `Decimal::MAX`, either sign.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        (any::<i128>(), 0u32..=28).prop_map(|(m, scale)| {
            let m = m % 79_228_162_514_264_337_593_543_950_335_i128;
            Decimal::from_i128_with_scale(m, scale)
        })
    }

    fn line(i: usize, amount: Decimal, benefit: bool, once: bool) -> Value {
        let timing = if once {
            json!({ "once": 0 })
        } else {
            json!({ "yearly": { "from": 0 } })
        };
        json!({ "id": format!("l{i}"), "side": if benefit { "benefit" } else { "cost" },
                "name": "Rad", "category": "financial", "amount": amount.to_string(),
                "timing": timing })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn no_amount_panics_the_engine(
            lines in prop::collection::vec((any_decimal(), any::<bool>(), any::<bool>()), 1..6),
            years in 1u32..=50,
            rate_permille in 0i64..=990,
            bias_tenths in 0i64..=100,
        ) {
            let lines: Vec<Value> = lines
                .iter()
                .enumerate()
                .map(|(i, (a, benefit, once))| line(i, *a, *benefit, *once))
                .collect();
            let d = json!({ "nytta": 1, "initiative": { "title": "Storlek" }, "valuation": {
                "parameters": { "start_year": 2024, "years": years,
                                "discount_rate": Decimal::new(rate_permille, 3).to_string(),
                                "optimism_bias": Decimal::new(bias_tenths, 1).to_string() },
                "lines": lines } });
            // Refused or evaluated; either is fine, a panic is not.
            let _ = nytta_core::evaluate_text(&d.to_string(), nytta_core::Lang::Sv);
        }
    }
}
