//! The 1/3/5 matrix: potential effect and resource need computed from the lines, feasibility
//! and financing as the user chose them, the weighted priority score and the rule for when a
//! full valuation is required.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts::LineAmount;
use crate::document::{Category, Side};
use crate::model::{Form, Model};
use crate::ser;

/// The matrix and what follows from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Scores {
    /// Potential effect, 1/3/5.
    pub effect: u8,
    /// Feasibility as chosen, or `None`.
    pub feasibility: Option<u8>,
    /// Financing as chosen, or `None`.
    pub financing: Option<u8>,
    /// Resource need, 1/3/5 (high need lowers priority).
    pub resource_need: u8,
    /// Weighted mean of effect, feasibility, financing and (6 − resource need); `None`
    /// until feasibility and financing are chosen.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub priority: Option<Decimal>,
    /// Whether the rule asks for a full valuation (*fördjupad nyttovärdering*).
    pub full_valuation_required: bool,
    /// Annual money value at full effect × confidence (economic view) behind the effect level.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effect_money: Decimal,
    /// One-off costs incl. internal project time (with optimism bias) behind resource need.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub resource_money: Decimal,
}

fn level(value: Decimal, at_3: Decimal, at_5: Decimal) -> u8 {
    if value >= at_5 {
        5
    } else if value >= at_3 {
        3
    } else {
        1
    }
}

/// Freed staff hours a year: reallocation benefits in the time form that recur yearly, at
/// full effect × confidence.
pub fn freed_hours(model: &Model, amounts: &[Option<LineAmount>]) -> Decimal {
    model
        .lines
        .iter()
        .zip(amounts)
        .filter_map(|(line, a)| {
            let money = line.money.as_ref()?;
            let is_freed = line.side == Side::Benefit
                && line.category == Category::Reallocation
                && !money.once
                && matches!(money.form, Form::Time { .. });
            is_freed.then(|| a.and_then(|a| a.hours).unwrap_or_default() * money.confidence)
        })
        .sum()
}

/// Computes the matrix from the line amounts at likely values.
pub fn scores(model: &Model, amounts: &[Option<LineAmount>], freed_hours: Decimal) -> Scores {
    let s = &model.settings;
    let mut effect_money = Decimal::ZERO;
    let mut resource_money = Decimal::ZERO;
    for (line, a) in model.lines.iter().zip(amounts) {
        let (Some(money), Some(a)) = (&line.money, a) else {
            continue;
        };
        match line.side {
            Side::Benefit if !money.once => effect_money += a.annual * money.confidence,
            Side::Cost if money.once => {
                resource_money += a.annual * (Decimal::ONE + model.params.optimism_bias)
            }
            _ => {}
        }
    }
    let effect = level(effect_money, s.effect_money_3, s.effect_money_5).max(level(
        freed_hours,
        s.effect_hours_3,
        s.effect_hours_5,
    ));
    let resource_need = level(resource_money, s.resource_3, s.resource_5);
    let priority = match (model.feasibility, model.financing) {
        (Some(f), Some(fin)) => {
            // Weights come from the document; the model check keeps 5 × their sum in range,
            // and checked arithmetic keeps this total for settings built elsewhere.
            let weighted = [
                (s.weight_effect, effect),
                (s.weight_feasibility, f),
                (s.weight_financing, fin),
                (s.weight_resource, 6 - resource_need),
            ];
            let total = weighted
                .iter()
                .try_fold(Decimal::ZERO, |acc, (w, _)| acc.checked_add(*w));
            let sum = weighted.iter().try_fold(Decimal::ZERO, |acc, (w, level)| {
                acc.checked_add(w.checked_mul(Decimal::from(*level))?)
            });
            sum.zip(total)
                .and_then(|(sum, total)| sum.checked_div(total))
        }
        _ => None,
    };
    Scores {
        effect,
        feasibility: model.feasibility,
        financing: model.financing,
        resource_need,
        priority,
        full_valuation_required: effect >= s.full_valuation_effect
            || resource_need >= s.full_valuation_resource,
        effect_money,
        resource_money,
    }
}
