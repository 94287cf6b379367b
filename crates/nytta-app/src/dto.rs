//! The shapes that cross to the desktop UI besides the core's own types: the error every
//! command rejects with, and the store's status at start-up.
//!
//! [`ErrorDto`] is built from an [`AppError`] in one place, so the desktop shell and any
//! JSON-speaking caller report the same `code` for the same problem.

use nytta_core::Lang;
use serde::Serialize;

use crate::error::{AppError, Problem};

/// An error as the UI receives it: it branches on `code`, never on the message text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorDto {
    /// Stable code (e.g. `unknown_field`, `io`).
    pub code: String,
    /// The whole message in Swedish, one problem a line.
    pub message_sv: String,
    /// The whole message in English, one problem a line.
    pub message_en: String,
    /// The document path or file the error is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
    /// Every problem of an invalid document, each with its own code and path.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub problems: Option<Vec<Problem>>,
}

impl From<&AppError> for ErrorDto {
    fn from(e: &AppError) -> Self {
        let problems = match e {
            AppError::InvalidDocument(p) => Some(p.clone()),
            _ => None,
        };
        let path = match e {
            AppError::InvalidDocument(p) => p.first().and_then(|p| p.path.clone()),
            AppError::Io { path, .. }
            | AppError::StoreDamaged { path, .. }
            | AppError::StoreNewer { path, .. } => Some(path.clone()),
            _ => None,
        };
        ErrorDto {
            code: e.code().to_string(),
            message_sv: e.lines(Lang::Sv).join("\n"),
            message_en: e.lines(Lang::En).join("\n"),
            path,
            problems,
        }
    }
}

impl From<AppError> for ErrorDto {
    fn from(e: AppError) -> Self {
        ErrorDto::from(&e)
    }
}

/// Whether the store opened, told once at start-up so the UI can offer recovery instead of
/// failing on every command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoreStatus {
    /// The database file in use.
    pub db_path: String,
    /// Why the store could not be opened; `null` when it is ready.
    pub error: Option<ErrorDto>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_document_keeps_every_problem_and_points_at_the_first_path() {
        let problem = |code: &str, path: &str| Problem {
            code: code.into(),
            path: Some(path.into()),
            message_sv: format!("{path}: fel"),
            message_en: format!("{path}: wrong"),
        };
        let e = AppError::InvalidDocument(vec![
            problem("unknown_field", "valuation.linez"),
            problem("expected_number", "valuation.parameters.years"),
        ]);
        let dto = ErrorDto::from(&e);
        assert_eq!(
            dto.code, "unknown_field",
            "the UI branches on the first problem's code"
        );
        assert_eq!(dto.path.as_deref(), Some("valuation.linez"));
        assert_eq!(
            dto.problems.as_ref().map(Vec::len),
            Some(2),
            "no problem may be dropped"
        );
        assert_eq!(
            dto.message_en,
            "valuation.linez: wrong\nvaluation.parameters.years: wrong"
        );
    }

    #[test]
    fn a_file_error_names_the_file_and_has_no_problem_list() {
        let e = AppError::Io {
            path: "budget.nytta.json".into(),
            detail: "permission denied".into(),
        };
        let dto = ErrorDto::from(e);
        assert_eq!(dto.code, "io");
        assert_eq!(dto.path.as_deref(), Some("budget.nytta.json"));
        assert!(dto.problems.is_none());
        assert!(
            dto.message_sv.contains("kunde inte läsas"),
            "{}",
            dto.message_sv
        );
        let json = serde_json::to_value(&dto).unwrap_or_default();
        assert!(json.get("problems").is_none(), "absent, not null: {json}");
    }
}
