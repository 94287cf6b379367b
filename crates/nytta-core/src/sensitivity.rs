//! Sensitivity (docs/domain.md §Sensitivity): the tornado (each input at its low and its
//! high value, the others likely) and the pessimistic and optimistic cases, on the economic
//! NPV.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::case::LikelyCase;
use crate::error::DocError;
use crate::model::Model;
use crate::ser;

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TornadoBar {
    /// Input id.
    pub input: String,
    /// Economic NPV with the input at its low value.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub npv_at_low: Decimal,
    /// Economic NPV with the input at its high value.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub npv_at_high: Decimal,
}

/// A combined case.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    /// Economic NPV.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub npv: Decimal,
    /// Economic payback, `None` when not within the period.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub payback_years: Option<Decimal>,
}

/// The sensitivity analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sensitivity {
    /// Inputs with a range, the widest NPV swing first.
    pub tornado: Vec<TornadoBar>,
    /// Every input at whichever bound lowers NPV.
    pub pessimistic: Case,
    /// Every input at whichever bound raises NPV.
    pub optimistic: Case,
}

/// Runs the tornado and the two combined cases. Each case recomputes only what its inputs
/// reach from the likely case ([`LikelyCase`]).
pub fn analyse(model: &Model) -> Result<Sensitivity, DocError> {
    let likely = LikelyCase::new(model)?;
    let mut bars = Vec::new();
    let mut worst = Vec::new();
    let mut best = Vec::new();
    for (i, input) in model.inputs.iter().enumerate() {
        let (Some(low), Some(high)) = (input.low, input.high) else {
            continue;
        };
        let at = |v: Decimal, field: &str| {
            likely
                .economic_case(&[(i, v)])
                .map(|(npv, _)| npv)
                .map_err(|e| DocError::new(format!("valuation.inputs[{i}].{field}"), e.kind))
        };
        let npv_at_low = at(low, "low")?;
        let npv_at_high = at(high, "high")?;
        let (lower, higher) = if npv_at_low <= npv_at_high {
            (low, high)
        } else {
            (high, low)
        };
        worst.push((i, lower));
        best.push((i, higher));
        bars.push(TornadoBar {
            input: input.id.clone(),
            npv_at_low,
            npv_at_high,
        });
    }
    // Stable sort: equal swings keep document order.
    bars.sort_by_key(|b| std::cmp::Reverse((b.npv_at_high - b.npv_at_low).abs()));
    let case = |overrides: &[(usize, Decimal)]| {
        likely
            .economic_case(overrides)
            .map(|(npv, payback_years)| Case { npv, payback_years })
    };
    Ok(Sensitivity {
        tornado: bars,
        pessimistic: case(&worst)?,
        optimistic: case(&best)?,
    })
}
