//! The financial case's split of the budget view's costs: each year's one-off costs
//! (investment, a line `once`) and recurring costs (operating, a line `yearly`), from the
//! lines' values as the engine computed them (with optimism bias). The two add up to the
//! year table's budget-view costs. And the funding rows set against those costs: what is
//! funded and what is not, in which years.

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

/// The funding rows set against the budget view's costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingCover {
    /// Every funding row's amount, summed.
    pub total: Decimal,
    /// The budget view's costs that no funding covers, summed over the years.
    pub unfunded: Decimal,
    /// The calendar years with costs that no funding covers, ascending.
    pub unfunded_years: Vec<i32>,
}

/// Each year's budget-view costs against the funding of that year: a year's funding covers
/// that year's costs only (a surplus does not carry over), and funding without a year covers
/// what is left, the earliest year first. `None` without funding rows.
pub fn funding_cover(model: &Model, ev: &Evaluation) -> Option<FundingCover> {
    let funding = &model.doc.valuation.case.as_ref()?.financial.funding;
    if funding.is_empty() {
        return None;
    }
    let amount = |f: &crate::document::Funding| f.amount.map_or(Decimal::ZERO, |a| a.get());
    // Every amount is at most 10^15 kr (docs/format.md), so the sums stay inside a decimal.
    let total: Decimal = funding.iter().map(amount).sum();
    let mut undated: Decimal = funding
        .iter()
        .filter(|f| f.year.is_none())
        .map(amount)
        .sum();
    let mut unfunded = Decimal::ZERO;
    let mut unfunded_years = Vec::new();
    for r in &ev.years {
        let dated: Decimal = funding
            .iter()
            .filter(|f| f.year == Some(r.year))
            .map(amount)
            .sum();
        let short = (r.budget.costs - dated).max(Decimal::ZERO);
        let from_undated = short.min(undated);
        undated -= from_undated;
        let left = short - from_undated;
        if left > Decimal::ZERO {
            unfunded += left;
            unfunded_years.push(r.calendar_year);
        }
    }
    Some(FundingCover {
        total,
        unfunded,
        unfunded_years,
    })
}
