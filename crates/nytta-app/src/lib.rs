//! # nytta-app
//!
//! The use cases of Nytta, shared by the `nytta` CLI and the desktop shell: read and check a
//! document, evaluate it, describe it for people, publish the document's JSON Schema. Each
//! entry point is a plain function; callers (a CLI subcommand, a Tauri command) only forward.
//!
//! Errors cross the boundary as [`AppError`] `{code, message, path?}`: callers branch on the
//! code, never on the message text.

pub mod about;
pub mod agenda;
pub mod batch;
pub mod csv;
pub mod ctx;
pub mod demo;
pub mod documents;
pub mod dto;
pub mod error;
pub mod evidence;
pub mod evidence_view;
pub mod files;
pub mod overview;
pub mod portfolio;
pub mod portfolio_report;
pub mod priorities;
pub mod report;
pub mod report_files;
pub mod schema;
pub mod server_settings;
pub mod similar;
pub mod simulation;
pub mod sync;
pub mod text;
pub mod types;
pub mod xlsx;

pub use error::AppError;
pub use nytta_core::{format, Document, Evaluation, Lang, Model};
pub use rust_decimal::Decimal;

use nytta_core::read::read_document;

/// A checked document ready to evaluate.
pub fn check_text(text: &str) -> Result<Model, AppError> {
    let doc = read_document(text)?;
    Ok(Model::from_document(doc)?)
}

/// Reads, checks and evaluates a document's text.
pub fn evaluate_text(text: &str, lang: Lang) -> Result<(Model, Evaluation), AppError> {
    let model = check_text(text)?;
    let evaluation = nytta_core::evaluate(&model, lang)?;
    Ok((model, evaluation))
}

/// The hourly cost incl. payroll overhead (kr/h, rounded to öre as money is written) of a
/// monthly salary given as a decimal string — the settings' monthly-salary helper; the
/// engine's own rule (`monthly ÷ 142 × 1,54`), so the UI keeps no copy of it.
pub fn hourly_from_monthly(monthly: &str) -> Result<String, AppError> {
    let refused = || {
        AppError::from(nytta_core::DocErrors(vec![nytta_core::DocError::invalid(
            "monthly_salary",
            "månadslönen ska vara ett tal i kronor, t.ex. 35000",
            "the monthly salary must be a number of kronor, e.g. 35000",
        )]))
    };
    let m: Decimal = monthly.trim().parse().map_err(|_| refused())?;
    let hourly = nytta_core::model::hourly_from_monthly(m).ok_or_else(refused)?;
    Ok(nytta_core::format::money_json(hourly))
}

/// The evaluation as JSON (docs/format.md §`nytta evaluate --json`), pretty-printed.
pub fn evaluation_json(evaluation: &Evaluation) -> String {
    serde_json::to_string_pretty(evaluation).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// By hand: 46 000 ÷ 142 = 323,943661… × 1,54 = 498,873239… → 498,87 kr/h;
    /// 35 000 ÷ 142 × 1,54 = 379,577464… → 379,58 kr/h.
    #[test]
    fn the_monthly_salary_helper_uses_the_engines_rule() {
        assert_eq!(hourly_from_monthly("46000").unwrap(), "498.87");
        assert_eq!(hourly_from_monthly("35000").unwrap(), "379.58");
        let err = hourly_from_monthly("trettio").unwrap_err();
        assert!(err.lines(Lang::Sv)[0].contains("månadslönen"));
    }
}
