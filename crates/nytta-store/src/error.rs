//! What can go wrong in the store, in plain Swedish and English.

use nytta_core::{DocErrors, Lang};

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a healthy Nytta store. It was moved aside (never deleted).
    #[error("damaged store {path}: {detail}")]
    Damaged {
        /// The store's path.
        path: String,
        /// Where the damaged file now lies, when it was moved aside.
        moved_to: Option<String>,
        /// What the check found.
        detail: String,
        /// The newest backup that passed an integrity check, if any.
        newest_backup: Option<String>,
    },
    /// The store was written by a newer version of Nytta; it was left untouched.
    #[error("store {path} has schema version {found}; this build knows up to {supported}")]
    Newer {
        /// The store's path.
        path: String,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// The current valuation version is decided and cannot be edited.
    #[error("initiative {id}: the current valuation version is decided")]
    DecidedLocked {
        /// The initiative.
        id: i64,
    },
    /// The initiative has a working copy with problems: deciding or starting a new version
    /// would leave those edits behind, so the problems must be fixed first.
    #[error("initiative {id} has a working copy that does not pass the check")]
    WorkingCopy {
        /// The initiative.
        id: i64,
        /// Its title, as the user knows it.
        title: String,
    },
    /// No such initiative, version or backup.
    #[error("{what} {id} not found")]
    NotFound {
        /// What was looked for (`initiative`, `version`, `backup`).
        what: &'static str,
        /// Its id or name.
        id: String,
    },
    /// The document is invalid.
    #[error("invalid document")]
    Invalid(DocErrors),
    /// Another program held the store longer than the busy timeout.
    #[error("store busy: {0}")]
    Busy(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Sqlite(String),
    /// A file could not be read or written.
    #[error("file error: {path}: {detail}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's message.
        detail: String,
    },
}

impl StoreError {
    /// Stable code, for callers to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Damaged { .. } => "store_damaged",
            StoreError::Newer { .. } => "store_newer",
            StoreError::DecidedLocked { .. } => "decided_locked",
            StoreError::WorkingCopy { .. } => "working_copy_invalid",
            StoreError::NotFound { .. } => "not_found",
            StoreError::Invalid(_) => "invalid_document",
            StoreError::Busy(_) => "store_busy",
            StoreError::Sqlite(_) => "store_error",
            StoreError::Io { .. } => "io",
        }
    }

    /// The message in `lang`, one or more lines.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let sv = lang == Lang::Sv;
        match self {
            StoreError::Damaged {
                path,
                moved_to,
                detail,
                newest_backup,
            } => {
                let mut out = vec![if sv {
                    format!("Databasen {path} är skadad och kan inte öppnas ({detail}).")
                } else {
                    format!("The database {path} is damaged and cannot be opened ({detail}).")
                }];
                if let Some(to) = moved_to {
                    out.push(if sv {
                        format!("Filen är inte raderad: den har flyttats undan till {to}.")
                    } else {
                        format!("The file was not deleted: it was moved aside to {to}.")
                    });
                }
                out.push(match (newest_backup, sv) {
                    (Some(b), true) => format!("Senaste kontrollerade säkerhetskopia: {b} (återställ med `nytta db restore`)."),
                    (Some(b), false) => format!("Newest verified backup: {b} (restore it with `nytta db restore`)."),
                    (None, true) => "Det finns ingen kontrollerad säkerhetskopia.".to_string(),
                    (None, false) => "There is no verified backup.".to_string(),
                });
                out
            }
            StoreError::Newer {
                path,
                found,
                supported,
            } => vec![if sv {
                format!(
                    "Databasen {path} är skapad av en nyare version av Nytta (schema {found}, \
                     den här versionen kan {supported}). Den har inte ändrats; uppdatera Nytta."
                )
            } else {
                format!(
                    "The database {path} was written by a newer version of Nytta (schema \
                     {found}, this version knows {supported}). It was not changed; update Nytta."
                )
            }],
            StoreError::DecidedLocked { id } => vec![if sv {
                format!(
                    "Initiativ {id}: den aktuella versionen är beslutad och kan inte ändras. \
                     Skapa en ny version för att fortsätta arbeta."
                )
            } else {
                format!(
                    "Initiative {id}: the current version is decided and cannot be changed. \
                     Create a new version to keep working."
                )
            }],
            StoreError::WorkingCopy { title, .. } => vec![if sv {
                format!(
                    "”{title}” har ändringar som ännu inte klarar kontrollen (de är sparade som \
                     arbetskopia). Rätta felen först, så att de inte lämnas kvar."
                )
            } else {
                format!(
                    "“{title}” has changes that do not pass the check yet (they are kept as a \
                     working copy). Fix the problems first so that they are not left behind."
                )
            }],
            StoreError::NotFound { what, id } => vec![if sv {
                let w = match *what {
                    "initiative" => "initiativ",
                    "version" => "version",
                    "backup" => "säkerhetskopia",
                    other => other,
                };
                format!("Hittade inget {w} {id}.")
            } else {
                format!("No {what} {id} was found.")
            }],
            StoreError::Invalid(errors) => errors.iter().map(|e| e.message(lang)).collect(),
            StoreError::Busy(detail) => vec![if sv {
                format!("Databasen används av ett annat program just nu; försök igen ({detail}).")
            } else {
                format!("The database is in use by another program; try again ({detail}).")
            }],
            StoreError::Sqlite(detail) => vec![if sv {
                format!("Databasfel: {detail}")
            } else {
                format!("Database error: {detail}")
            }],
            StoreError::Io { path, detail } => vec![if sv {
                format!("{path}: filen kunde inte läsas eller skrivas ({detail})")
            } else {
                format!("{path}: the file could not be read or written ({detail})")
            }],
        }
    }

    /// A file error for `path`.
    pub fn io(path: &std::path::Path, e: std::io::Error) -> Self {
        StoreError::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Busy(e.to_string())
            }
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Damaged {
                path: String::new(),
                moved_to: None,
                detail: e.to_string(),
                newest_backup: None,
            },
            _ => StoreError::Sqlite(e.to_string()),
        }
    }
}

impl From<DocErrors> for StoreError {
    fn from(e: DocErrors) -> Self {
        StoreError::Invalid(e)
    }
}

/// Shorthand for the store's results.
pub type Result<T> = std::result::Result<T, StoreError>;
