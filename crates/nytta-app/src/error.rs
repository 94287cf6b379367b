//! The error that crosses to callers: a stable code, a message in the user's language and,
//! for document problems, the path of the field.

use nytta_core::{DocErrors, Lang};
use serde::Serialize;

/// One problem, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable code (e.g. `unknown_field`).
    pub code: String,
    /// Document path, when the problem is in a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Swedish message.
    pub message_sv: String,
    /// English message.
    pub message_en: String,
}

/// An error from a use case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// The document is invalid: every problem found.
    #[error("invalid document")]
    InvalidDocument(Vec<Problem>),
    /// A file could not be read or written.
    #[error("file error: {path}: {detail}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's message.
        detail: String,
    },
}

impl AppError {
    /// Stable code of the error (the first problem's code for an invalid document).
    pub fn code(&self) -> &str {
        match self {
            AppError::InvalidDocument(p) => p.first().map_or("invalid_document", |p| p.code.as_str()),
            AppError::Io { .. } => "io",
        }
    }

    /// Every line of the message, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        match self {
            AppError::InvalidDocument(problems) => problems
                .iter()
                .map(|p| match lang {
                    Lang::Sv => p.message_sv.clone(),
                    Lang::En => p.message_en.clone(),
                })
                .collect(),
            AppError::Io { path, detail } => vec![match lang {
                Lang::Sv => format!("{path}: filen kunde inte läsas eller skrivas ({detail})"),
                Lang::En => format!("{path}: the file could not be read or written ({detail})"),
            }],
        }
    }
}

impl From<DocErrors> for AppError {
    fn from(e: DocErrors) -> Self {
        AppError::InvalidDocument(
            e.iter()
                .map(|d| Problem {
                    code: d.code().to_string(),
                    path: (!d.path.is_empty()).then(|| d.path.clone()),
                    message_sv: d.message(Lang::Sv),
                    message_en: d.message(Lang::En),
                })
                .collect(),
        )
    }
}
