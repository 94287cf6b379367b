//! # nytta-core
//!
//! Nytta's domain model and calculation engine. It owns the valuation document format
//! (docs/format.md), the formula language, and every figure of docs/domain.md. It is pure:
//! no I/O, no clock, no Tauri; callers hand it text and get values back.
//!
//! How the types connect:
//! - [`read::read_document`] parses text into a [`document::Document`] (the on-disk shape,
//!   exact decimals via [`num`], unknown fields refused with their path).
//! - [`model::Model::from_document`] checks it into a [`model::Model`]: ids unique,
//!   references resolved, formulas parsed ([`formula`]), inputs ordered without cycles.
//!   Every problem is a [`error::DocError`] naming its path, in Swedish and English.
//! - [`case::compute`] computes one case: input values and line amounts ([`amounts`]), the
//!   year table in the economic and budget views, key figures ([`finance`]) and scores
//!   ([`score`]).
//! - [`engine::evaluate`] computes an [`engine::Evaluation`]: the expected case with its
//!   sensitivity ([`sensitivity`]), follow-up comparisons ([`follow_up`]) and the key
//!   figures explained ([`explain`]) and the options of the decision material costed
//!   ([`options`]); [`financial`] splits the budget view's costs into one-off and recurring.
//! - [`format`] is the one place numbers are rounded and written for people (sv-SE first).

pub mod amounts;
pub mod calibration;
pub mod case;
pub mod date;
pub mod document;
pub mod engine;
pub mod error;
pub mod explain;
pub mod finance;
pub mod financial;
pub mod follow_up;
pub mod format;
pub mod formula;
pub mod labels;
pub mod model;
pub mod num;
pub mod options;
pub mod read;
pub mod score;
pub mod sensitivity;
pub mod ser;
pub mod settings;
pub mod simulation;

pub use document::Document;
pub use engine::{evaluate, Evaluation};
pub use error::{DocError, DocErrors};
pub use format::Lang;
pub use model::Model;

/// Reads, checks and evaluates a document's text in one step.
pub fn evaluate_text(text: &str, lang: Lang) -> Result<Evaluation, DocErrors> {
    let doc = read::read_document(text)?;
    let model = Model::from_document(doc)?;
    evaluate(&model, lang)
}
