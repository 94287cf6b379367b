//! Checking a document before it is stored, and the portfolio summary derived from it.
//!
//! Every write of a document goes through [`check`]: the text is read and checked by
//! nytta-core, evaluated with the score settings that apply, and rewritten in the canonical
//! form of [`nytta_core::read::write_document`]. The summary columns are taken from that
//! evaluation, so they always describe the document stored beside them.

use nytta_core::case::compute;
use nytta_core::document::{Document, PriorityBasis, Stage};
use nytta_core::format::{money_json, ratio_json};
use nytta_core::read::{read_document, write_document};
use nytta_core::settings::ScoreSettings;
use nytta_core::{Lang, Model};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};

/// The portfolio columns of one initiative (money and years as decimal strings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    /// Title.
    pub title: String,
    /// Owning department.
    pub department: String,
    /// Stage.
    pub stage: Stage,
    /// Priority basis, if given.
    pub priority_basis: Option<PriorityBasis>,
    /// Tags.
    pub tags: Vec<String>,
    /// Potential effect level (1, 3, 5).
    pub effect: u8,
    /// Feasibility level, if scored.
    pub feasibility: Option<u8>,
    /// Financing level, if scored.
    pub financing: Option<u8>,
    /// Resource need level (1, 3, 5).
    pub resource_need: u8,
    /// Priority score (6 decimals), when feasibility and financing are scored.
    pub priority: Option<String>,
    /// Whether a full valuation is required.
    pub full_valuation_required: bool,
    /// NPV, economic view (kr, öre).
    pub npv_economic: String,
    /// NPV, budget view (kr, öre).
    pub npv_budget: String,
    /// Payback in years, economic view; `None` when not within the period.
    pub payback_economic: Option<String>,
    /// Payback in years, budget view.
    pub payback_budget: Option<String>,
}

/// A document that passed every check, ready to store.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The parsed document.
    pub doc: Document,
    /// Its canonical text, exactly as exported later.
    pub text: String,
    /// The score settings it was computed with, as JSON.
    pub settings_json: String,
    /// Its portfolio summary.
    pub summary: Summary,
}

/// The snake_case code serde writes for a unit enum variant.
pub fn code_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The unit enum variant whose snake_case code is `code` (as read back from a column);
/// a column holding anything else is reported as a conversion failure of column `col`.
pub fn from_code<T: serde::de::DeserializeOwned>(col: usize, code: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Reads and checks a document's text; see [`check_doc`].
pub fn check(text: &str, fallback: &ScoreSettings) -> Result<Checked> {
    check_doc(read_document(text)?, fallback)
}

/// Checks a document completely (model and evaluation) and summarises it. A document
/// without its own score settings is computed with `fallback` (the store's settings).
pub fn check_doc(doc: Document, fallback: &ScoreSettings) -> Result<Checked> {
    let mut for_model = doc.clone();
    let settings = match &doc.valuation.settings {
        Some(s) => ScoreSettings::from(s),
        None => {
            for_model.valuation.settings = Some(fallback.into());
            fallback.clone()
        }
    };
    let model = Model::from_document(for_model)?;
    let c = compute(&model, Lang::Sv).map_err(|e| StoreError::Invalid(e.into()))?;
    let i = &doc.initiative;
    let summary = Summary {
        title: i.title.clone(),
        department: i.department.clone(),
        stage: i.stage,
        priority_basis: i.priority_basis,
        tags: i.tags.clone(),
        effect: c.scores.effect,
        feasibility: c.scores.feasibility,
        financing: c.scores.financing,
        resource_need: c.scores.resource_need,
        priority: c.scores.priority.map(ratio_json),
        full_valuation_required: c.scores.full_valuation_required,
        npv_economic: money_json(c.economic.npv),
        npv_budget: money_json(c.budget.npv),
        payback_economic: c.economic.payback_years.map(ratio_json),
        payback_budget: c.budget.payback_years.map(ratio_json),
    };
    let settings_json =
        serde_json::to_string(&settings).map_err(|e| StoreError::Sqlite(e.to_string()))?;
    Ok(Checked {
        text: write_document(&doc),
        doc,
        settings_json,
        summary,
    })
}
