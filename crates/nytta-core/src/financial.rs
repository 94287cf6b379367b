//! The financial case's split of the budget view's costs: each year's one-off costs
//! (investment, a line `once`) and recurring costs (operating, a line `yearly`), from the
//! lines' values as the engine computed them (with optimism bias). The two add up to the
//! year table's budget-view costs.

use rust_decimal::Decimal;

use crate::engine::Evaluation;
use crate::model::Model;

/// One year's budget-view costs by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostSplit {
    /// t = 0..N.
    pub year: u32,
    /// Start year + t.
    pub calendar_year: i32,
    /// One-off costs of financial lines in the year (investment).
    pub one_off: Decimal,
    /// Recurring costs of financial lines in the year (operating).
    pub recurring: Decimal,
}

/// Each year's budget-view costs split into one-off and recurring, years 0..N.
pub fn budget_costs_by_kind(model: &Model, ev: &Evaluation) -> Vec<CostSplit> {
    let mut out: Vec<CostSplit> = ev
        .years
        .iter()
        .map(|r| CostSplit {
            year: r.year,
            calendar_year: r.calendar_year,
            one_off: Decimal::ZERO,
            recurring: Decimal::ZERO,
        })
        .collect();
    for (def, result) in model.lines.iter().zip(&ev.lines) {
        let Some(money) = def.money.as_ref() else {
            continue;
        };
        if def.side != crate::document::Side::Cost || !money.in_budget {
            continue;
        }
        for (year, v) in out.iter_mut().zip(&result.values) {
            // Every value is at most 11 × 10^15 kr (amounts::MAX_LINE_AMOUNT), so the sums
            // over a document's lines stay far inside a decimal, as in the year table.
            if money.once {
                year.one_off += *v;
            } else {
                year.recurring += *v;
            }
        }
    }
    out
}
