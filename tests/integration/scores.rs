//! The 1/3/5 matrix of docs/scores.md: effect from money or hours, resource need from
//! one-off costs and project time, the weighted priority and the full-valuation rule.

use serde_json::{json, Value};

use crate::check::{check, doc};

/// A recurring financial benefit of `amount` a year.
fn benefit(amount: &str) -> Value {
    json!({ "id": "gain", "side": "benefit", "name": "Vinst", "category": "financial",
            "amount": amount, "timing": { "yearly": { "from": 1 } } })
}

/// A one-off financial cost in year 0.
fn one_off(id: &str, amount: &str) -> Value {
    json!({ "id": id, "side": "cost", "name": id, "category": "financial",
            "amount": amount, "timing": { "once": 0 } })
}

fn chosen(feasibility: u8, financing: u8) -> Value {
    json!({ "feasibility": { "level": feasibility, "reason": "Prövat" },
            "financing": { "level": financing, "reason": "Budget" } })
}

#[test]
fn effect_by_money_thresholds() {
    // Defaults: 5 at ≥ 1 000 000 kr a year, 3 at ≥ 250 000 kr, else 1; resource need 1
    // (no one-off costs), so a full valuation is required exactly when effect ≥ 3.
    for (amount, effect, full) in [
        ("249999.99", 1, false),
        ("250000", 3, true),
        ("999999.99", 3, true),
        ("1000000", 5, true),
    ] {
        let d = doc(json!({ "lines": [benefit(amount)] }));
        check(
            &format!("annual benefit {amount} kr"),
            &d,
            json!({ "scores": { "effect": effect, "resource_need": 1, "full_valuation_required": full } }),
        );
    }
}

#[test]
fn effect_by_freed_hours_when_the_money_is_small() {
    // 60 min × occurrences at 1 kr/h: 500 h is worth 500 kr (money level 1) but reaches the
    // hours level 3; 2000 h reaches 5.
    for (hours, effect) in [(499, 1), (500, 3), (2000, 5)] {
        let d = doc(json!({
            "roles": [{ "id": "cheap", "name": "Billig", "hourly_cost": 1 }],
            "lines": [{ "id": "freed", "side": "benefit", "name": "Tid", "category": "reallocation",
                        "time": { "minutes": 60, "occurrences": hours, "role": "cheap" },
                        "timing": { "yearly": { "from": 1 } } }]
        }));
        check(
            &format!("{hours} freed hours"),
            &d,
            json!({ "scores": { "effect": effect } }),
        );
    }
}

#[test]
fn resource_need_counts_one_off_costs_and_project_time_but_not_recurring_costs() {
    // 400 000 kr one-off + 100 h project time × 1000 kr/h = 500 000 → level 3. The recurring
    // 3 000 000 kr a year does not count.
    let d = doc(json!({
        "roles": [{ "id": "pl", "name": "Projektledare", "hourly_cost": 1000 }],
        "lines": [
            one_off("buy", "400000"),
            { "id": "project", "side": "cost", "name": "Projekttid", "category": "reallocation",
              "time": { "minutes": "100 * 60", "occurrences": 1, "role": "pl" }, "timing": { "once": 0 } },
            { "id": "run", "side": "cost", "name": "Drift", "category": "financial",
              "amount": 3000000, "timing": { "yearly": { "from": 1 } } }
        ]
    }));
    check(
        "resource need 3",
        &d,
        json!({ "scores": { "effect": 1, "resource_need": 3, "full_valuation_required": true } }),
    );
    // 1 999 999 → 3; 2 000 000 → 5; 499 999 → 1.
    for (amount, need) in [("499999", 1), ("1999999", 3), ("2000000", 5)] {
        let d = doc(json!({ "lines": [one_off("buy", amount)] }));
        check(
            &format!("one-off {amount} kr"),
            &d,
            json!({ "scores": { "resource_need": need } }),
        );
    }
}

#[test]
fn priority_is_the_equal_weight_mean_with_resource_need_inverted() {
    // effect 3 (250 000 kr), feasibility 5, financing 3, resource need 3 (500 000 kr):
    // (3 + 5 + 3 + (6 − 3)) / 4 = 14 / 4 = 3.5.
    let d = doc(json!({
        "lines": [benefit("250000"), one_off("buy", "500000")],
        "scores": chosen(5, 3)
    }));
    check(
        "equal weights",
        &d,
        json!({ "scores": {
            "effect": 3, "feasibility": 5, "financing": 3, "resource_need": 3, "priority": "3.500000"
        }}),
    );
}

#[test]
fn priority_uses_the_valuations_own_weights_and_thresholds() {
    // Settings: effect 5 from 200 000 kr, weight of effect 2. Effect 5, feasibility 5,
    // financing 3, resource need 3: (2 × 5 + 5 + 3 + (6 − 3)) / (2 + 1 + 1 + 1) = 21 / 5 = 4.2.
    let d = doc(json!({
        "lines": [benefit("250000"), one_off("buy", "500000")],
        "scores": chosen(5, 3),
        "settings": {
            "effect_money_5": 200000, "effect_money_3": 100000,
            "effect_hours_5": 2000, "effect_hours_3": 500,
            "resource_5": 2000000, "resource_3": 500000,
            "weight_effect": 2, "weight_feasibility": 1, "weight_financing": 1, "weight_resource": 1,
            "full_valuation_effect": 3, "full_valuation_resource": 3
        }
    }));
    check(
        "weights 2/1/1/1",
        &d,
        json!({ "scores": { "effect": 5, "priority": "4.200000" } }),
    );
}

#[test]
fn full_valuation_follows_resource_need_alone() {
    // Effect 1 (no benefits) but resource need 3 (600 000 kr): full valuation required.
    let d = doc(json!({ "lines": [one_off("buy", "600000")] }));
    check(
        "resource need 3 alone",
        &d,
        json!({ "scores": { "effect": 1, "resource_need": 3, "full_valuation_required": true } }),
    );
    // Effect 1 and resource need 1: a simplified valuation suffices.
    let d = doc(json!({ "lines": [one_off("buy", "1000"), benefit("1000")] }));
    check(
        "both 1",
        &d,
        json!({ "scores": { "effect": 1, "resource_need": 1, "full_valuation_required": false } }),
    );
}

#[test]
fn priority_is_null_until_feasibility_and_financing_are_chosen() {
    // docs/scores.md: no scores → feasibility, financing and priority null; effect and resource
    // need still computed (250 000 kr → 3; nothing one-off → 1).
    let none = doc(json!({ "lines": [benefit("250000")] }));
    check(
        "no scores",
        &none,
        json!({ "scores": {
            "effect": 3, "feasibility": null, "financing": null, "resource_need": 1, "priority": null
        }}),
    );
    let half = doc(json!({ "lines": [benefit("250000")],
                           "scores": { "feasibility": { "level": 5, "reason": "Prövat" } } }));
    check(
        "financing missing",
        &half,
        json!({ "scores": { "feasibility": 5, "financing": null, "priority": null } }),
    );
}
