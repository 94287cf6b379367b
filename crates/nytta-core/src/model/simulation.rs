//! The simulation's checks of a document ([`crate::simulation`]): distributions and the
//! number of draws.

use rust_decimal::Decimal;

use crate::document::Document;
use crate::error::DocError;
use crate::format::{number, Lang};

/// Checks a number of draws (1 to [`super::MAX_DRAWS`]), naming `path` when it is refused.
pub fn check_draws(draws: i64, path: &str) -> Result<u32, DocError> {
    match u32::try_from(draws) {
        Ok(d) if (1..=super::MAX_DRAWS).contains(&d) => Ok(d),
        _ => Err(DocError::invalid(
            path,
            format!(
                "antalet dragningar ska vara 1–{}, inte {draws}",
                number(Decimal::from(super::MAX_DRAWS), 0, Lang::Sv)
            ),
            format!(
                "the number of draws must be 1–{}, not {draws}",
                number(Decimal::from(super::MAX_DRAWS), 0, Lang::En)
            ),
        )),
    }
}

/// The simulation's checks of a document: a distribution only on an input with a number as
/// its value and both a low and a high value, and draws within range. (That low ≤ value ≤
/// high is checked with the inputs.)
pub(super) fn check_simulation(doc: &Document) -> Vec<DocError> {
    let mut problems = Vec::new();
    for (i, x) in doc.valuation.inputs.iter().enumerate() {
        if x.distribution.is_none() {
            continue;
        }
        let plain = crate::formula::parse(x.value.as_str())
            .ok()
            .and_then(|f| f.as_number())
            .is_some();
        if !plain || x.low.is_none() || x.high.is_none() {
            problems.push(DocError::invalid(
                format!("valuation.inputs[{i}].distribution"),
                "en fördelning kräver att faktorn har ett tal som värde och både ett lågt och ett högt värde (low och high); ange intervallet eller ta bort fördelningen",
                "a distribution needs the input to have a number as its value and both a low and a high value (low and high); give the range or remove the distribution",
            ));
        }
    }
    if let Some(draws) = doc.valuation.simulation.as_ref().and_then(|s| s.draws) {
        if let Err(e) = check_draws(draws, "valuation.simulation.draws") {
            problems.push(e);
        }
    }
    problems
}
