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
    /// For a damaged store (`store_damaged`): where the damaged file was moved aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub moved_to: Option<String>,
    /// For a damaged store: the newest verified backup, to offer for restoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub newest_backup: Option<String>,
    /// For an import that is already in the store (`already_in_store`): the initiative it
    /// matches, so the UI can offer a new version of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub existing: Option<ExistingInitiative>,
}

/// The initiative an imported document matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExistingInitiative {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its department.
    pub department: String,
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
        let (moved_to, newest_backup) = match e {
            AppError::StoreDamaged {
                moved_to,
                newest_backup,
                ..
            } => (moved_to.clone(), newest_backup.clone()),
            _ => (None, None),
        };
        let existing = match e {
            AppError::AlreadyInStore {
                id,
                title,
                department,
            } => Some(ExistingInitiative {
                id: *id,
                title: title.clone(),
                department: department.clone(),
            }),
            _ => None,
        };
        ErrorDto {
            code: e.code().to_string(),
            message_sv: e.lines(Lang::Sv).join("\n"),
            message_en: e.lines(Lang::En).join("\n"),
            path,
            problems,
            moved_to,
            newest_backup,
            existing,
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
            pos: None,
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

    #[test]
    fn a_formula_problem_carries_its_position_and_other_problems_do_not() {
        // "robots * fel" : `fel` starts at character 10 (r=1 … space=7, *=8, space=9, f=10).
        let doc = r#"{"nytta":1,"initiative":{"title":"T"},"valuation":{
            "parameters":{"start_year":2025,"years":6,"discount_rate":"0.03"},
            "inputs":[{"id":"robots","name":"Robotar","value":"2"}],
            "lines":[{"id":"a","side":"benefit","name":"A","category":"financial",
                      "amount":"robots * fel","timing":{"yearly":{"from":1}}}]}}"#;
        let e = crate::evaluate_text(doc, Lang::Sv)
            .err()
            .unwrap_or_else(|| AppError::InvalidDocument(Vec::new()));
        let dto = ErrorDto::from(&e);
        let p = dto.problems.unwrap_or_default();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path.as_deref(), Some("valuation.lines[0].amount"));
        assert_eq!(p[0].pos, Some(10));
        let json = serde_json::to_value(&p[0]).unwrap_or_default();
        assert_eq!(json["pos"], 10);

        let unknown = AppError::from(nytta_core::DocErrors(vec![nytta_core::DocError {
            path: "valuation.linez".into(),
            kind: nytta_core::error::ErrorKind::UnknownField {
                field: "linez".into(),
            },
        }]));
        let dto = ErrorDto::from(&unknown);
        let json = serde_json::to_value(&dto).unwrap_or_default();
        assert!(json["problems"][0].get("pos").is_none(), "{json}");
    }

    #[test]
    fn a_damaged_store_tells_where_the_file_went_and_the_newest_backup() {
        let e = AppError::StoreDamaged {
            path: "nytta.db".into(),
            moved_to: Some("nytta.db.damaged-20250301T093000Z".into()),
            detail: "not a database".into(),
            newest_backup: Some("nytta-20250228T170000Z.db".into()),
        };
        let dto = ErrorDto::from(&e);
        assert_eq!(dto.code, "store_damaged");
        assert_eq!(
            dto.moved_to.as_deref(),
            Some("nytta.db.damaged-20250301T093000Z")
        );
        assert_eq!(
            dto.newest_backup.as_deref(),
            Some("nytta-20250228T170000Z.db")
        );
        let io = ErrorDto::from(AppError::Io {
            path: "x".into(),
            detail: "y".into(),
        });
        let json = serde_json::to_value(&io).unwrap_or_default();
        assert!(json.get("moved_to").is_none() && json.get("newest_backup").is_none());
    }
}
