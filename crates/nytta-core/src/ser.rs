//! How figures are written to JSON (docs/format.md §`nytta evaluate --json`): money as a
//! decimal string rounded to öre, ratios, rates and years as decimal strings rounded to 6
//! places, a missing figure as `null`.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::format::write_json_fixed;

/// A figure's text, written on the stack rather than in a string of its own.
struct Text {
    bytes: [u8; 64],
    len: usize,
}

impl fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A figure with a fixed number of decimals, as [`crate::format::money_json`] and
/// [`crate::format::ratio_json`] write it.
struct Fixed(Decimal, u32);

impl Serialize for Fixed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = Text {
            bytes: [0; 64],
            len: 0,
        };
        let written = write_json_fixed(&mut text, self.0, self.1)
            .ok()
            .and_then(|()| std::str::from_utf8(&text.bytes[..text.len]).ok());
        match written {
            Some(t) => s.serialize_str(t),
            None => {
                // Longer than any rounded Decimal is: written in a string after all.
                let mut t = String::new();
                write_json_fixed(&mut t, self.0, self.1).map_err(serde::ser::Error::custom)?;
                s.serialize_str(&t)
            }
        }
    }
}

/// Money, rounded to öre.
pub fn money<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    Fixed(*d, 2).serialize(s)
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
    s.collect_seq(v.iter().map(|d| Fixed(*d, 2)))
}

/// A ratio, rate or number of years, rounded to 6 places.
pub fn ratio<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    Fixed(*d, 6).serialize(s)
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
    s.collect_seq(v.iter().map(|d| Fixed(*d, 6)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::format::{money_json, ratio_json};
    use proptest::prelude::*;

    #[derive(Serialize)]
    struct Figures {
        #[serde(serialize_with = "money")]
        money: Decimal,
        #[serde(serialize_with = "ratio")]
        ratio: Decimal,
        #[serde(serialize_with = "money_vec")]
        moneys: Vec<Decimal>,
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Figures written on the stack are the texts of `money_json` and `ratio_json`, up to
        /// the largest and smallest `Decimal`.
        #[test]
        fn figures_are_written_as_money_json_and_ratio_json_write_them(
            lo in any::<u64>(),
            high in any::<u32>(),
            negative in any::<bool>(),
            scale in 0u32..=28,
        ) {
            let d = Decimal::from_parts(lo as u32, (lo >> 32) as u32, high, negative, scale);
            let text = serde_json::to_string(&Figures { money: d, ratio: d, moneys: vec![d, -d] }).unwrap();
            let want = format!(
                r#"{{"money":"{}","ratio":"{}","moneys":["{}","{}"]}}"#,
                money_json(d),
                ratio_json(d),
                money_json(d),
                money_json(-d)
            );
            prop_assert_eq!(text, want);
        }
    }

    #[test]
    fn the_extremes_are_written_whole() {
        for d in [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::ZERO,
        ] {
            let text = serde_json::to_string(&Figures {
                money: d,
                ratio: d,
                moneys: vec![],
            })
            .unwrap();
            assert_eq!(
                text,
                format!(
                    r#"{{"money":"{}","ratio":"{}","moneys":[]}}"#,
                    money_json(d),
                    ratio_json(d)
                )
            );
        }
        assert_eq!(money_json(Decimal::MAX), "79228162514264337593543950335.00");
    }
}
