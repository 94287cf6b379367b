//! Follow-up comparison: the realised case beside the expected one, expected vs realised
//! per line for the follow-up year, effect-goal attainment and what became of freed time.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::{compute, Computed, Figures};
use crate::document::{Direction, FreedTimeUse, Timing};
use crate::error::DocError;
use crate::format::Lang;
use crate::model::Model;
use crate::ser;

/// Both views of the realised case.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Realised {
    /// Economic view.
    pub economic: Figures,
    /// Budget view (freed time realised as a budget saving counts here).
    pub budget: Figures,
}

/// One line, expected vs realised, in the follow-up year; a one-off line in the year it
/// falls when that is not after the follow-up year (a purchase in year 0 is compared with
/// what it cost, not with nothing in year 1).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineComparison {
    /// Line id.
    pub id: String,
    /// The analysis year compared: the follow-up's year, or a one-off line's own year.
    pub year: u32,
    /// Expected value in that year.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub expected: Decimal,
    /// Realised value in that year.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub realised: Decimal,
    /// Realised − expected.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub difference: Decimal,
    /// Realised ÷ expected; `None` when nothing was expected that year.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub rate: Option<Decimal>,
    /// The realised amount's formula with the values used.
    pub explain: Option<String>,
}

/// One effect goal's attainment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalAttainment {
    /// Goal id.
    pub id: String,
    /// Increase or decrease.
    pub direction: Direction,
    /// Baseline.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub baseline: Decimal,
    /// Target.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub target: Decimal,
    /// Actual value at the follow-up.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub actual: Decimal,
    /// (actual − baseline) / (target − baseline): 1 means the target was reached.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub attainment: Option<Decimal>,
}

/// A one-off line planned for a year after the follow-up's: it has not happened yet, so it
/// is listed, not compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlannedLine {
    /// Line id.
    pub id: String,
    /// The analysis year it falls in.
    pub year: u32,
    /// Expected value in that year.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub expected: Decimal,
}

/// The comparison for one follow-up.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FollowUpResult {
    /// Date of the follow-up.
    pub date: String,
    /// The analysis year it describes.
    pub year: u32,
    /// The realised case.
    pub realised: Realised,
    /// Money lines, expected vs realised: yearly lines in the follow-up year, one-off lines
    /// falling in that year or before it.
    pub lines: Vec<LineComparison>,
    /// One-off lines falling after the follow-up year, not yet realised.
    pub planned: Vec<PlannedLine>,
    /// Goals with an actual value.
    pub effect_goals: Vec<GoalAttainment>,
    /// What became of freed time.
    pub freed_time_use: Option<FreedTimeUse>,
    /// Freed hours a year in the realised case.
    #[serde(serialize_with = "ser::ratio")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub freed_hours_per_year: Decimal,
    /// Freed time valued in kronor in the follow-up year (realised reallocation benefits).
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub freed_time_value: Decimal,
    /// The same as expected in the decided case, for comparison.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub expected_freed_time_value: Decimal,
}

/// Compares every follow-up of the model with the expected case.
pub fn compare(
    model: &Model,
    expected: &Computed,
    lang: Lang,
) -> Result<Vec<FollowUpResult>, DocError> {
    model
        .doc
        .follow_ups
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let realised_model = model.realised(i).ok_or_else(|| {
                DocError::invalid(
                    format!("follow_ups[{i}]"),
                    "uppföljningens värden kunde inte läggas in i kalkylen",
                    "the follow-up's values could not be applied to the valuation",
                )
            })?;
            let realised = compute(&realised_model, lang)
                .map_err(|e| DocError::new(format!("follow_ups[{i}] → {}", e.path), e.kind))?;
            let t = f.year as usize;
            let mut lines = Vec::new();
            let mut planned = Vec::new();
            for (i, (e, r)) in expected.lines.iter().zip(&realised.lines).enumerate() {
                if e.annual.is_none() {
                    continue;
                }
                let year = match model.doc_line(i).and_then(|l| l.timing.as_ref()) {
                    Some(Timing::Once(y)) => *y,
                    _ => f.year,
                };
                let exp = e.values.get(year as usize).copied().unwrap_or_default();
                if year > f.year {
                    planned.push(PlannedLine {
                        id: e.id.clone(),
                        year,
                        expected: exp,
                    });
                    continue;
                }
                let real = r.values.get(year as usize).copied().unwrap_or_default();
                lines.push(LineComparison {
                    id: e.id.clone(),
                    year,
                    expected: exp,
                    realised: real,
                    difference: real - exp,
                    rate: if exp.is_zero() {
                        None
                    } else {
                        real.checked_div(exp)
                    },
                    explain: r.explain.clone(),
                });
            }
            let effect_goals = model
                .doc
                .valuation
                .effect_goals
                .iter()
                .filter_map(|g| {
                    let actual = f.effect_goals.get(&g.id)?.get();
                    let baseline = g.baseline?.get();
                    let target = g.target.get();
                    Some(GoalAttainment {
                        id: g.id.clone(),
                        direction: g.direction,
                        baseline,
                        target,
                        actual,
                        attainment: attainment(baseline, target, actual),
                    })
                })
                .collect();
            let freed_value = |lines: &[crate::case::LineResult]| -> Decimal {
                lines
                    .iter()
                    .filter(|l| {
                        l.side == crate::document::Side::Benefit
                            && l.category == crate::document::Category::Reallocation
                    })
                    .map(|l| l.values.get(t).copied().unwrap_or_default())
                    .sum()
            };
            let freed_time_value = freed_value(&realised.lines);
            let expected_freed_time_value = freed_value(&expected.lines);
            Ok(FollowUpResult {
                date: f.date.clone(),
                year: f.year,
                realised: Realised {
                    economic: realised.economic,
                    budget: realised.budget,
                },
                lines,
                planned,
                effect_goals,
                freed_time_use: f.freed_time_use,
                freed_hours_per_year: realised.freed_hours,
                freed_time_value,
                expected_freed_time_value,
            })
        })
        .collect()
}

/// Goal attainment `(actual − baseline) / (target − baseline)`; the same formula serves
/// increasing and decreasing goals, since both differences change sign together. `None`
/// when the target equals the baseline or the differences are too large to compute.
pub fn attainment(baseline: Decimal, target: Decimal, actual: Decimal) -> Option<Decimal> {
    // Checked: the values are the user's own and may be as large as a decimal allows.
    let span = target.checked_sub(baseline)?;
    if span.is_zero() {
        None
    } else {
        actual.checked_sub(baseline)?.checked_div(span)
    }
}
