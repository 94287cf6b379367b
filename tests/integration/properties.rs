//! Properties of the figures that hold for any net flow (proptest): the flows are written as
//! one-off lines, one per year, so the whole pipeline (document → model → engine) runs.

use nytta_core::{Evaluation, Lang};
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// A document whose net flow in year t is `flows[t]` (as one-off lines), at rate `rate`.
fn flow_doc(flows: &[Decimal], rate: Decimal) -> Value {
    let lines: Vec<Value> = flows
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.is_zero())
        .map(|(t, f)| {
            let side = if f.is_sign_negative() { "cost" } else { "benefit" };
            json!({ "id": format!("y{t}"), "side": side, "name": format!("År {t}"),
                    "category": "financial", "amount": f.abs().to_string(), "timing": { "once": t } })
        })
        .collect();
    json!({ "nytta": 1, "initiative": { "title": "Egenskaper" }, "valuation": {
        "parameters": { "start_year": 2024, "years": flows.len() - 1, "discount_rate": rate.to_string() },
        "lines": lines
    }})
}

fn evaluate(flows: &[Decimal], rate: Decimal) -> Evaluation {
    let text = flow_doc(flows, rate).to_string();
    match nytta_core::evaluate_text(&text, Lang::Sv) {
        Ok(ev) => ev,
        Err(e) => panic!("generated document refused: {e}\n{text}"),
    }
}

/// Money with öre, −1 000 000 … 1 000 000 kr.
fn amount() -> impl Strategy<Value = Decimal> {
    (-100_000_000i64..=100_000_000).prop_map(|ore| Decimal::new(ore, 2))
}

/// Rates 0 … 25 % in steps of 0.1 point.
fn rate() -> impl Strategy<Value = Decimal> {
    (0i64..=250).prop_map(|permille| Decimal::new(permille, 3))
}

fn flows() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec(amount(), 2..=10)
}

proptest! {
    #[test]
    fn at_zero_rate_npv_is_the_total_net(flows in flows()) {
        let ev = evaluate(&flows, Decimal::ZERO);
        let total: Decimal = flows.iter().sum();
        prop_assert_eq!(ev.economic.npv, total);
        prop_assert_eq!(ev.economic.total_benefits - ev.economic.total_costs, total);
    }

    #[test]
    fn doubling_every_amount_doubles_npv_exactly_where_discounting_is_exact(
        flows in flows(),
        r in prop::sample::select(vec![Decimal::ZERO, Decimal::new(25, 2)]),
    ) {
        // At r = 0 and r = 0.25 (1/1.25 = 0.8) every discounted amount is a terminating
        // decimal that fits in Decimal's 28 digits, so doubling must be exact.
        let once = evaluate(&flows, r);
        let doubled: Vec<Decimal> = flows.iter().map(|f| f * Decimal::TWO).collect();
        let twice = evaluate(&doubled, r);
        prop_assert_eq!(twice.economic.npv, once.economic.npv * Decimal::TWO);
        prop_assert_eq!(twice.economic.payback_years, once.economic.payback_years,
            "payback does not depend on scale");
    }

    #[test]
    fn doubling_every_amount_doubles_npv_to_far_below_an_ore(flows in flows(), r in rate()) {
        // At other rates x / (1 + r)^t is rounded to 28 significant digits, so 2x / g and
        // 2 (x / g) may differ in the last digit (about 10⁻²² kr here), never more.
        let once = evaluate(&flows, r);
        let doubled: Vec<Decimal> = flows.iter().map(|f| f * Decimal::TWO).collect();
        let twice = evaluate(&doubled, r);
        let gap = (twice.economic.npv - once.economic.npv * Decimal::TWO).abs();
        prop_assert!(gap <= Decimal::new(1, 18), "NPV {} doubled is {}, off by {}",
            once.economic.npv, twice.economic.npv, gap);
    }

    #[test]
    fn payback_agrees_with_the_cumulative_column(flows in flows()) {
        let ev = evaluate(&flows, Decimal::new(3, 2));
        // The table's cumulative column, exactly (not the rounded JSON).
        let mut c = Vec::new();
        let mut acc = Decimal::ZERO;
        for row in &ev.years {
            prop_assert_eq!(row.economic.net, row.economic.benefits - row.economic.costs);
            acc += row.economic.net;
            prop_assert_eq!(row.economic.cumulative, acc);
            c.push(acc);
        }
        match ev.economic.payback_years {
            // No payback: the view has no costs (nothing to pay back), or the cumulative
            // net stays below zero.
            None => prop_assert!(ev.economic.total_costs.is_zero()
                || c.iter().all(|x| x.is_sign_negative() && !x.is_zero()),
                "no payback, so no costs or the cumulative net stays below zero: {:?}", c),
            Some(p) if p.is_zero() => prop_assert!(c[0] >= Decimal::ZERO, "payback 0 needs C(0) ≥ 0: {:?}", c),
            Some(p) => {
                // t is the year the cumulative net turns non-negative: C(t−1) < 0 ≤ C(t),
                // and p = (t−1) + (−C(t−1)) / Net(t), with every earlier C below zero.
                let t = p.ceil().to_usize().unwrap();
                prop_assert!(t >= 1 && t < c.len(), "payback {} outside the period", p);
                prop_assert!(c[..t].iter().all(|x| *x < Decimal::ZERO), "an earlier crossing: {:?}", c);
                prop_assert!(c[t] >= Decimal::ZERO, "C({}) should be ≥ 0: {:?}", t, c);
                let expected = Decimal::from(t - 1) + (-c[t - 1]) / ev.years[t].economic.net;
                prop_assert_eq!(p, expected);
            }
        }
    }

    #[test]
    fn npv_falls_as_the_rate_rises_for_an_investment(
        invest in 1i64..=100_000_000,
        returns in prop::collection::vec(1i64..=100_000_000, 1..=8),
        r1 in rate(),
        r2 in rate(),
    ) {
        prop_assume!(r1 != r2);
        let (lo, hi) = if r1 < r2 { (r1, r2) } else { (r2, r1) };
        let mut flows = vec![Decimal::new(-invest, 2)];
        flows.extend(returns.iter().map(|x| Decimal::new(*x, 2)));
        let at_lo = evaluate(&flows, lo).economic.npv;
        let at_hi = evaluate(&flows, hi).economic.npv;
        prop_assert!(at_lo > at_hi, "NPV at {} = {} should exceed NPV at {} = {}", lo, at_lo, hi, at_hi);
    }
}
