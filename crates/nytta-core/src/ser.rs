//! How figures are written to JSON (docs/format.md §`nytta evaluate --json`): money as a
//! decimal string rounded to öre, ratios, rates and years as decimal strings rounded to 6
//! places, a missing figure as `null`.

use rust_decimal::Decimal;
use serde::Serializer;

use crate::format::{money_json, ratio_json};

/// Money, rounded to öre.
pub fn money<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_json(*d))
}

/// Optional money.
pub fn money_opt<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => money(d, s),
        None => s.serialize_none(),
    }
}

/// A list of money figures.
pub fn money_vec<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|d| money_json(*d)))
}

/// A ratio, rate or number of years, rounded to 6 places.
pub fn ratio<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ratio_json(*d))
}

/// A decimal exactly as computed, without trailing zeros (an input's value, a role's cost).
pub fn exact<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.normalize().to_string())
}

/// An optional ratio.
pub fn ratio_opt<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => ratio(d, s),
        None => s.serialize_none(),
    }
}

/// A list of ratios or rates.
pub fn ratio_vec<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|d| ratio_json(*d)))
}
