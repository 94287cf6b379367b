//! Score thresholds and weights (the 1/3/5 matrix), with the defaults of docs/scores.md.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::document::ScoreSettingsDoc;
use crate::num::Num;

/// The thresholds and weights a valuation's scores are computed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScoreSettings {
    /// Effect level 5 at this annual money value or more (kr).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effect_money_5: Decimal,
    /// Effect level 3 at this annual money value or more (kr).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effect_money_3: Decimal,
    /// Effect level 5 at this many freed hours a year or more.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effect_hours_5: Decimal,
    /// Effect level 3 at this many freed hours a year or more.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effect_hours_3: Decimal,
    /// Resource need 5 at this one-off cost or more (kr).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub resource_5: Decimal,
    /// Resource need 3 at this one-off cost or more (kr).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub resource_3: Decimal,
    /// Weight of potential effect in the priority score.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub weight_effect: Decimal,
    /// Weight of feasibility.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub weight_feasibility: Decimal,
    /// Weight of financing.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub weight_financing: Decimal,
    /// Weight of (6 − resource need).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub weight_resource: Decimal,
    /// A full valuation is required at this effect level or more …
    pub full_valuation_effect: u8,
    /// … or at this resource-need level or more.
    pub full_valuation_resource: u8,
}

impl Default for ScoreSettings {
    fn default() -> Self {
        ScoreSettings {
            effect_money_5: Decimal::from(1_000_000),
            effect_money_3: Decimal::from(250_000),
            effect_hours_5: Decimal::from(2_000),
            effect_hours_3: Decimal::from(500),
            resource_5: Decimal::from(2_000_000),
            resource_3: Decimal::from(500_000),
            weight_effect: Decimal::ONE,
            weight_feasibility: Decimal::ONE,
            weight_financing: Decimal::ONE,
            weight_resource: Decimal::ONE,
            full_valuation_effect: 3,
            full_valuation_resource: 3,
        }
    }
}

impl From<&ScoreSettingsDoc> for ScoreSettings {
    fn from(d: &ScoreSettingsDoc) -> Self {
        ScoreSettings {
            effect_money_5: d.effect_money_5.get(),
            effect_money_3: d.effect_money_3.get(),
            effect_hours_5: d.effect_hours_5.get(),
            effect_hours_3: d.effect_hours_3.get(),
            resource_5: d.resource_5.get(),
            resource_3: d.resource_3.get(),
            weight_effect: d.weight_effect.get(),
            weight_feasibility: d.weight_feasibility.get(),
            weight_financing: d.weight_financing.get(),
            weight_resource: d.weight_resource.get(),
            full_valuation_effect: d.full_valuation_effect,
            full_valuation_resource: d.full_valuation_resource,
        }
    }
}

impl From<&ScoreSettings> for ScoreSettingsDoc {
    fn from(s: &ScoreSettings) -> Self {
        ScoreSettingsDoc {
            effect_money_5: Num(s.effect_money_5),
            effect_money_3: Num(s.effect_money_3),
            effect_hours_5: Num(s.effect_hours_5),
            effect_hours_3: Num(s.effect_hours_3),
            resource_5: Num(s.resource_5),
            resource_3: Num(s.resource_3),
            weight_effect: Num(s.weight_effect),
            weight_feasibility: Num(s.weight_feasibility),
            weight_financing: Num(s.weight_financing),
            weight_resource: Num(s.weight_resource),
            full_valuation_effect: s.full_valuation_effect,
            full_valuation_resource: s.full_valuation_resource,
        }
    }
}
