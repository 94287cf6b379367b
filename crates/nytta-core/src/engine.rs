//! The evaluation: one checked [`Model`] in, every figure of docs/domain.md out. It composes
//! the expected case ([`crate::case`]: year table, key figures, scores) with the sensitivity
//! analysis, the follow-up comparisons and the key figures' explanations.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::{compute, Computed, Figures, LineResult, YearRow};
use crate::error::{DocError, DocErrors};
use crate::follow_up::{self, FollowUpResult};
use crate::format::Lang;
use crate::model::Model;
use crate::options::{evaluate_options, OptionFigures};
use crate::score::Scores;
use crate::sensitivity::{self, Sensitivity};
use crate::ser;

/// Everything computed for one valuation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evaluation {
    /// Key figures, economic view.
    pub economic: Figures,
    /// Key figures, budget view.
    pub budget: Figures,
    /// Freed staff hours a year at full effect × confidence.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub freed_hours_per_year: Decimal,
    /// Freed hours ÷ hours per FTE.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub fte: Decimal,
    /// The 1/3/5 matrix and priority.
    pub scores: Scores,
    /// The year table.
    pub years: Vec<YearRow>,
    /// Every line, in document order.
    pub lines: Vec<LineResult>,
    /// Tornado and pessimistic/optimistic cases.
    pub sensitivity: Sensitivity,
    /// One comparison per follow-up.
    pub follow_ups: Vec<FollowUpResult>,
    /// The key figures explained in words with the quantities they are made of.
    pub explanations: crate::explain::Explanations,
    /// Every input's likely value as the engine used it (an input given as a formula
    /// computed), in document order, at full precision.
    pub inputs: Vec<InputValue>,
    /// Every role's hourly cost as the engine used it (a monthly salary turned into kr/h),
    /// in document order, at full precision.
    pub roles: Vec<RoleCost>,
    /// The options of the decision material (`valuation.case.options`), each costed over
    /// the period at the discount rate, in document order.
    pub options: Vec<OptionFigures>,
}

/// One input's value as the engine used it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputValue {
    /// The input's id.
    pub id: String,
    /// Its likely value (computed when given as a formula), exact.
    #[serde(serialize_with = "ser::exact")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub value: Decimal,
}

/// One role's hourly cost as the engine used it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RoleCost {
    /// The role's id.
    pub id: String,
    /// Kronor an hour incl. payroll overhead (from a monthly salary: ÷ 142 × 1,54), exact.
    #[serde(serialize_with = "ser::exact")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub hourly_cost: Decimal,
}

/// Computes every figure of a checked model.
pub fn evaluate(model: &Model, lang: Lang) -> Result<Evaluation, DocErrors> {
    let expected = compute(model, lang)?;
    let inputs = crate::amounts::input_values(model, &[])?
        .into_iter()
        .zip(&model.inputs)
        .map(|(value, input)| InputValue {
            id: input.id.clone(),
            value,
        })
        .collect();
    let roles = model
        .roles
        .iter()
        .map(|r| RoleCost {
            id: r.id.clone(),
            hourly_cost: r.hourly_cost,
        })
        .collect();
    let sensitivity = sensitivity::analyse(model)?;
    let options = evaluate_options(model)?;
    let follow_ups = follow_up::compare(model, &expected, lang)?;
    let explanations = crate::explain::explanations(
        model,
        &expected.economic,
        &expected.budget,
        &expected.rows,
        &expected.scores,
        lang,
    );
    let Computed {
        economic,
        budget,
        rows,
        lines,
        freed_hours,
        scores,
        ..
    } = expected;
    let fte = freed_hours
        .checked_div(model.params.hours_per_fte)
        .ok_or_else(|| {
            DocError::invalid(
                "valuation.parameters.hours_per_fte",
                "timmar per årsarbetare är för litet för att räkna om den frigjorda tiden till årsarbetare; ange t.ex. 1700",
                "hours per FTE is too small to turn the freed time into full-time equivalents; give e.g. 1700",
            )
        })?;
    Ok(Evaluation {
        economic,
        budget,
        freed_hours_per_year: freed_hours,
        fte,
        scores,
        years: rows,
        lines,
        sensitivity,
        follow_ups,
        explanations,
        inputs,
        roles,
        options,
    })
}
