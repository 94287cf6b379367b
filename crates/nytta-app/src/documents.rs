//! Document files chosen by a person in a native dialog: import one into the store, export
//! an initiative to one, and restore a backup picked by name from the store's own list.
//!
//! The desktop shell only passes the path the dialog returned; reading and writing happen
//! here so the shell does no I/O. A backup is looked up by name among the store's backups,
//! never taken as a path, so the UI cannot point a restore at an arbitrary file.

use std::path::Path;

use crate::ctx::Ctx;
use crate::portfolio::{self, OnDuplicate};
use crate::AppError;

fn io_error(path: &Path, e: &std::io::Error) -> AppError {
    AppError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Reads a document file and stores it (a new initiative, or as `on_duplicate` says when it
/// is already in the store); returns the initiative's id.
pub fn import_file(ctx: &Ctx, path: &Path, on_duplicate: OnDuplicate) -> Result<i64, AppError> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    Ok(portfolio::import_text(ctx, &text, on_duplicate)?.id)
}

/// Writes an initiative's current version to `path` as a document (docs/format.md). The
/// file is written beside the target and renamed into place, so a failed write leaves no
/// half file.
pub fn export_file(ctx: &Ctx, id: i64, path: &Path) -> Result<(), AppError> {
    let text = portfolio::export(ctx, id)?;
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = Path::new(&partial);
    std::fs::write(partial, text.as_bytes()).map_err(|e| io_error(path, &e))?;
    std::fs::rename(partial, path).map_err(|e| {
        let _ = std::fs::remove_file(partial);
        io_error(path, &e)
    })
}

/// Restores the store from the backup with this file name (as listed by
/// [`portfolio::list_backups`]); returns what the store says about the restore.
pub fn restore_backup_named(ctx: &Ctx, name: &str) -> Result<String, AppError> {
    let backup = portfolio::list_backups(ctx)?
        .into_iter()
        .find(|b| b.file_name == name)
        .ok_or_else(|| AppError::NotFound {
            what: "backup".into(),
            id: name.into(),
        })?;
    portfolio::restore_backup(ctx, Path::new(&backup.path))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn ctx(dir: &Path) -> Ctx {
        Ctx::open_with_clock(
            &dir.join("nytta.db"),
            Box::new(|| "2025-03-01T09:30:00Z".into()),
        )
        .unwrap()
    }

    #[test]
    fn an_exported_initiative_imports_again_with_the_same_title() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let id = portfolio::create(&ctx, "Digital post", "Kommunstyrelsen").unwrap();
        let file = dir.path().join("digital-post.nytta.json");
        export_file(&ctx, id, &file).unwrap();
        assert!(!dir.path().join("digital-post.nytta.json.partial").exists());
        let e = import_file(&ctx, &file, OnDuplicate::Refuse).unwrap_err();
        assert_eq!(e.code(), "already_in_store", "never a silent duplicate");
        let copy = import_file(&ctx, &file, OnDuplicate::Copy).unwrap();
        assert_ne!(copy, id, "a copy is a new initiative");
        let stored = portfolio::get(&ctx, copy).unwrap();
        assert!(
            stored.document_json.contains("\"Digital post\""),
            "{}",
            stored.document_json
        );
    }

    #[test]
    fn a_missing_file_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let missing = dir.path().join("saknas.nytta.json");
        let e = import_file(&ctx, &missing, OnDuplicate::Refuse).unwrap_err();
        assert_eq!(e.code(), "io");
        assert!(e.to_string().contains("saknas.nytta.json"), "{e}");
    }

    #[test]
    fn a_backup_is_restored_by_name_only() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = ctx(dir.path());
        let e = restore_backup_named(&ctx, "../../etc/passwd").unwrap_err();
        assert_eq!(e.code(), "not_found");
        let backup = portfolio::create_backup(&ctx).unwrap();
        assert!(restore_backup_named(&ctx, &backup.file_name).is_ok());
    }
}
