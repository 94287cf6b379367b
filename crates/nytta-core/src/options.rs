//! The options of the decision material (`valuation.case.options`) costed over the
//! valuation's period and discount rate, so the business case can compare them with the
//! proposal. An option's flow is its one-off cost in year 0 and its yearly benefit − yearly
//! cost in each year 1..N, relative to the do-nothing baseline (whose NPV is 0). The
//! optimism bias is not applied: an option's figures are taken as the user gave them.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::CaseOption;
use crate::error::DocError;
use crate::finance;
use crate::model::Model;
use crate::ser;

/// One option's key figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OptionFigures {
    /// The option's id.
    pub id: String,
    /// Net present value over years 0..N; `None` for an option given without figures.
    #[serde(serialize_with = "ser::money_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub npv: Option<Decimal>,
    /// Payback in years from the start of year 0; `None` without figures or when the
    /// cumulative flow is below zero at the end of the period.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub payback_years: Option<Decimal>,
}

/// The net flow of an option over years 0..=`years`, or `None` when it has no figures.
pub fn option_flow(o: &CaseOption, years: u32) -> Option<Vec<Decimal>> {
    if !o.is_costed() {
        return None;
    }
    let get = |n: Option<crate::num::Num>| n.map_or(Decimal::ZERO, |n| n.get());
    let yearly = get(o.yearly_benefit) - get(o.yearly_cost);
    let mut flow = vec![-get(o.one_off_cost)];
    flow.extend((1..=years).map(|_| yearly));
    Some(flow)
}

/// Every option of the valuation's case, in document order.
pub fn evaluate_options(model: &Model) -> Result<Vec<OptionFigures>, DocError> {
    let Some(case) = &model.doc.valuation.case else {
        return Ok(Vec::new());
    };
    case.options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let Some(flow) = option_flow(o, model.params.years) else {
                return Ok(OptionFigures {
                    id: o.id.clone(),
                    npv: None,
                    payback_years: None,
                });
            };
            // The figures are checked to at most 10^15 kr, so the flow and its NPV fit a
            // decimal; the error is for a rate the parameters' check already refused.
            let npv = finance::npv(model.params.rate, &flow).ok_or_else(|| {
                DocError::invalid(
                    format!("valuation.case.options[{i}]"),
                    "alternativets nuvärde kan inte räknas ut med den här diskonteringsräntan",
                    "the option's present value cannot be computed at this discount rate",
                )
            })?;
            // After year 0 the flow is the same every year, so the cumulative flow is
            // monotonic there: it is paid back when it ends at or above zero. An option
            // without a one-off cost but a yearly loss starts at zero and is never paid back
            // (finance::payback alone would say 0 years).
            let total = flow.iter().sum::<Decimal>();
            let payback_years = if total >= Decimal::ZERO {
                finance::payback(&flow)
            } else {
                None
            };
            Ok(OptionFigures {
                id: o.id.clone(),
                npv: Some(npv),
                payback_years,
            })
        })
        .collect()
}
