//! The error that crosses to callers: a stable code, a message in the user's language and,
//! for document problems, the path of the field.

use nytta_core::error::ErrorKind;
use nytta_core::{DocErrors, Lang};
use nytta_store::StoreError;
use serde::Serialize;

/// One problem, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    /// Stable code (e.g. `unknown_field`).
    pub code: String,
    /// Document path, when the problem is in a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub path: Option<String>,
    /// Swedish message.
    pub message_sv: String,
    /// English message.
    pub message_en: String,
    /// 1-based character position in the formula at `path`, for a formula problem (so a UI
    /// can mark it without reading the message).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pos: Option<usize>,
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
    /// The store file is damaged; it was moved aside (never deleted). Code `store_damaged`.
    #[error("damaged store: {path}: {detail}")]
    StoreDamaged {
        /// The store's path.
        path: String,
        /// Where the damaged file now lies, when it was moved aside.
        moved_to: Option<String>,
        /// What the check found.
        detail: String,
        /// The newest verified backup, to offer for restoring.
        newest_backup: Option<String>,
    },
    /// The store was written by a newer Nytta and was left untouched. Code `store_newer`.
    #[error("store {path} has schema version {found}, newer than {supported}")]
    StoreNewer {
        /// The store's path.
        path: String,
        /// Schema version in the file.
        found: i64,
        /// Newest schema version this build knows.
        supported: i64,
    },
    /// The current valuation version is decided and cannot be edited. Code `decided_locked`.
    #[error("initiative {id}: current version is decided")]
    DecidedLocked {
        /// The initiative.
        id: i64,
    },
    /// No such initiative, version, backup or store. Code `not_found`.
    #[error("{what} {id} not found")]
    NotFound {
        /// What was looked for.
        what: String,
        /// Its id or name.
        id: String,
    },
    /// An imported document is already in the store: a live initiative with the same title
    /// and department (see [`crate::portfolio::import_text`]). Code `already_in_store`;
    /// the caller asks whether to import a copy or a new version of that initiative.
    #[error("already in the store as initiative {id}: {title}")]
    AlreadyInStore {
        /// The initiative already in the store.
        id: i64,
        /// Its title.
        title: String,
        /// Its department.
        department: String,
    },
    /// Any other store failure: `store_busy` (another program held it too long) or
    /// `store_error`, with the message in both languages.
    #[error("store error {code}: {message_en}")]
    Store {
        /// Stable code.
        code: String,
        /// Swedish message.
        message_sv: String,
        /// English message.
        message_en: String,
    },
}

impl AppError {
    /// Stable code of the error (the first problem's code for an invalid document).
    pub fn code(&self) -> &str {
        match self {
            AppError::InvalidDocument(p) => {
                p.first().map_or("invalid_document", |p| p.code.as_str())
            }
            AppError::Io { .. } => "io",
            AppError::StoreDamaged { .. } => "store_damaged",
            AppError::StoreNewer { .. } => "store_newer",
            AppError::DecidedLocked { .. } => "decided_locked",
            AppError::NotFound { .. } => "not_found",
            AppError::AlreadyInStore { .. } => "already_in_store",
            AppError::Store { code, .. } => code,
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
            AppError::AlreadyInStore {
                id,
                title,
                department,
            } => {
                let named = if department.is_empty() {
                    format!("\"{title}\"")
                } else {
                    format!("\"{title}\" ({department})")
                };
                vec![match lang {
                    Lang::Sv => format!("initiativet {named} finns redan (id {id}); importera som ny kopia eller som ny version av det"),
                    Lang::En => format!("the initiative {named} is already in the store (id {id}); import it as a new copy or as a new version of it"),
                }]
            }
            AppError::Store {
                message_sv,
                message_en,
                ..
            } => vec![match lang {
                Lang::Sv => message_sv.clone(),
                Lang::En => message_en.clone(),
            }],
            other => store_lines(other, lang),
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
                    pos: match &d.kind {
                        ErrorKind::Formula(f) => Some(f.pos),
                        _ => None,
                    },
                })
                .collect(),
        )
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Damaged {
                path,
                moved_to,
                detail,
                newest_backup,
            } => AppError::StoreDamaged {
                path,
                moved_to,
                detail,
                newest_backup,
            },
            StoreError::Newer {
                path,
                found,
                supported,
            } => AppError::StoreNewer {
                path,
                found,
                supported,
            },
            StoreError::DecidedLocked { id } => AppError::DecidedLocked { id },
            StoreError::NotFound { what, id } => AppError::NotFound {
                what: what.to_string(),
                id,
            },
            StoreError::Invalid(errors) => AppError::from(errors),
            StoreError::Io { path, detail } => AppError::Io { path, detail },
            other @ (StoreError::Busy(_)
            | StoreError::Sqlite(_)
            | StoreError::WorkingCopy { .. }) => AppError::Store {
                code: other.code().to_string(),
                message_sv: other.lines(Lang::Sv).join("\n"),
                message_en: other.lines(Lang::En).join("\n"),
            },
        }
    }
}

/// The message lines of the store's errors (used by [`AppError::lines`]).
fn store_lines(e: &AppError, lang: Lang) -> Vec<String> {
    let se = match e.clone() {
        AppError::StoreDamaged {
            path,
            moved_to,
            detail,
            newest_backup,
        } => StoreError::Damaged {
            path,
            moved_to,
            detail,
            newest_backup,
        },
        AppError::StoreNewer {
            path,
            found,
            supported,
        } => StoreError::Newer {
            path,
            found,
            supported,
        },
        AppError::DecidedLocked { id } => StoreError::DecidedLocked { id },
        AppError::NotFound { what, id } => {
            let what = match what.as_str() {
                "initiative" => "initiative",
                "version" => "version",
                "backup" => "backup",
                _ => "store",
            };
            StoreError::NotFound { what, id }
        }
        other => return vec![other.to_string()],
    };
    se.lines(lang)
}
