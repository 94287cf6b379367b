//! # nytta-app
//!
//! The use cases of Nytta, shared by the `nytta` CLI and the desktop shell: read and check a
//! document, evaluate it, describe it for people, publish the document's JSON Schema. Each
//! entry point is a plain function; callers (a CLI subcommand, a Tauri command) only forward.
//!
//! Errors cross the boundary as [`AppError`] `{code, message, path?}`: callers branch on the
//! code, never on the message text.

pub mod about;
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
pub mod priorities;
pub mod report;
pub mod report_files;
pub mod schema;
pub mod similar;
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

/// The evaluation as JSON (docs/format.md §`nytta evaluate --json`), pretty-printed.
pub fn evaluation_json(evaluation: &Evaluation) -> String {
    serde_json::to_string_pretty(evaluation).unwrap_or_else(|_| "{}".into())
}
