//! Exact decimal numbers as they appear in a document.
//!
//! A document may write a number as a JSON number or as a string; both are read exactly
//! (`0.1` is one tenth, never the nearest binary float). Numbers are written back as strings,
//! which is how `rust_decimal` serialises and how the UI receives money.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The key under which `serde_json` (with `arbitrary_precision`) hands over a number's text.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The most digits, before and after the decimal point together, that every number fits an
/// exact `Decimal` with (its 96-bit mantissa holds any 28 digits); the number fields take no
/// more.
pub const MAX_DIGITS: u32 = Decimal::MAX_SCALE;

/// The largest amount (kr per occurrence of the timing) or number of hours a line may come
/// to: 10^15, about a thousand times the Swedish state budget. It is what lets the engine
/// add with plain `+` and `-`: a line's value in a year is at most 11 × 10^15 (ramp and
/// confidence are at most 1, the optimism bias at most 10), so the cumulative net over 51
/// years of L lines stays below 5.7 × 10^17 × L, inside `Decimal`'s 7.9 × 10^28 for any
/// document that fits in memory.
pub const MAX_LINE_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// An exact decimal read from a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(pub Decimal);

impl Num {
    /// The value.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Num {
    fn from(d: Decimal) -> Self {
        Num(d)
    }
}

/// Parses decimal text exactly: plain (`-12.50`) or scientific (`1.5e3`) notation.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        Decimal::from_str_exact(t).ok()
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

struct NumVisitor;

impl<'de> Visitor<'de> for NumVisitor {
    type Value = Num;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number (as a JSON number or a string such as \"1234.5\")")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
        Ok(Num(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
        Ok(Num(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
        // Only reached without `arbitrary_precision`; Rust prints the shortest text that
        // round-trips, so `0.1` still becomes exactly one tenth.
        parse_decimal(&v.to_string())
            .map(Num)
            .ok_or_else(|| E::custom(format!("the number {v} is out of range")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
        parse_decimal(v)
            .map(Num)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Num, A::Error> {
        match map.next_key::<String>()? {
            Some(k) if k == JSON_NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                parse_decimal(&text).map(Num).ok_or_else(|| {
                    de::Error::custom(format!("the number {text} cannot be represented exactly"))
                })
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

impl schemars::JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal: a JSON number or a string such as \"1234.5\".",
            "type": ["number", "string"],
            "pattern": "^\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*$"
        })
    }
}

/// A formula as written in a document: a string, or a plain number (the simplest formula).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct FormulaText(pub String);

impl FormulaText {
    /// The formula's source text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for FormulaText {
    fn from(s: &str) -> Self {
        FormulaText(s.to_string())
    }
}

impl Serialize for FormulaText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

struct FormulaVisitor;

impl<'de> Visitor<'de> for FormulaVisitor {
    type Value = FormulaText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a formula (a string such as \"users * 0.5\") or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FormulaText, E> {
        Ok(FormulaText(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FormulaText, E> {
        Ok(FormulaText(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FormulaText, E> {
        Ok(FormulaText(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FormulaText, E> {
        Ok(FormulaText(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FormulaText, A::Error> {
        let n = NumVisitor.visit_map(map)?;
        Ok(FormulaText(n.0.to_string()))
    }
}

impl<'de> Deserialize<'de> for FormulaText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FormulaText, D::Error> {
        d.deserialize_any(FormulaVisitor)
    }
}

impl schemars::JsonSchema for FormulaText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Formula".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A formula over numbers, input ids, role.ID, + - * /, parentheses, min(a, b) and max(a, b); a plain number is a formula.",
            "type": ["string", "number"]
        })
    }
}

impl FromStr for Num {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_decimal(s).map(Num).ok_or(())
    }
}

/// The simulation's seed (`valuation.simulation.seed`, 0 – 2^64 − 1): a JSON integer or the
/// same digits as a string, since a JavaScript program holds integers exactly only up to
/// 2^53 and carries a larger seed as text. Written back as an integer.
pub mod seed {
    use super::{de, Deserializer, JSON_NUMBER_TOKEN};
    use serde::de::{MapAccess, Visitor};
    use std::fmt;

    struct SeedVisitor;

    /// What a seed must be, as serde's "expected …" (translated by the error messages).
    pub const EXPECTED: &str =
        "a whole number from 0 to 18446744073709551615 (or its digits as a string)";

    fn refuse<E: de::Error>(found: de::Unexpected) -> E {
        E::invalid_value(found, &EXPECTED)
    }

    fn digits<E: de::Error>(text: &str) -> Result<u64, E> {
        let t = text.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse(de::Unexpected::Str(text)));
        }
        t.parse::<u64>()
            .map_err(|_| refuse(de::Unexpected::Other(&format!("the number {t}"))))
    }

    impl<'de> Visitor<'de> for SeedVisitor {
        type Value = Option<u64>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(EXPECTED)
        }

        fn visit_none<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<u64>, E> {
            Ok(Some(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<u64>, E> {
            u64::try_from(v)
                .map(Some)
                .map_err(|_| refuse(de::Unexpected::Signed(v)))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<u64>, E> {
            Err(refuse(de::Unexpected::Float(v)))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<u64>, E> {
            digits(v).map(Some)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<u64>, A::Error> {
            match map.next_key::<String>()? {
                Some(k) if k == JSON_NUMBER_TOKEN => {
                    let text: String = map.next_value()?;
                    if text.bytes().all(|b| b.is_ascii_digit()) {
                        digits(&text).map(Some)
                    } else {
                        Err(refuse(de::Unexpected::Other(&format!("the number {text}"))))
                    }
                }
                _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
            }
        }
    }

    /// Reads the seed from an integer or a string of digits.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        d.deserialize_any(SeedVisitor)
    }

    /// The seed's schema: an integer, or its digits as a string.
    pub fn schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Seed of the random numbers, 0 – 18446744073709551615: an integer, or its digits as a string.",
            "type": ["integer", "string", "null"],
            "minimum": 0,
            "maximum": 18446744073709551615u64,
            "pattern": "^[0-9]+$"
        })
    }
}
