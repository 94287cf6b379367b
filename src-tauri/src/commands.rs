//! The Tauri commands. Each forwards to one use case in `nytta-app` and turns its error into
//! an [`ErrorDto`]; nothing here reads files, runs SQL, computes or formats figures.
//!
//! Commands are `async` so Tauri runs them off the main thread: a slow save never freezes
//! the window.

use std::path::PathBuf;

use nytta_app::about::About;
use nytta_app::documents;
use nytta_app::dto::{ErrorDto, StoreStatus};
use nytta_app::portfolio::{self as pf, DraftSaved};
use nytta_app::types::{
    BackupInfo, Decision, PortfolioLine, SavedInfo, Settings, StoredInitiative,
};
use nytta_app::{Evaluation, Lang};
use tauri::State;

use crate::Shell;

type Res<T> = Result<T, ErrorDto>;

/// Whether the store opened, and which file it is.
#[tauri::command(async)]
pub fn store_status(shell: State<'_, Shell>) -> StoreStatus {
    shell.status()
}

/// "Om Nytta": the version, the store's file and schema version, and the licences.
#[tauri::command(async)]
pub fn about(shell: State<'_, Shell>) -> About {
    nytta_app::about::about(shell.ctx().ok(), &shell.db_path)
}

/// The file name a save dialog suggests for `title` (one rule for every file Nytta names).
#[tauri::command(async)]
pub fn file_name(title: String, extension: String, fallback: String) -> String {
    nytta_app::files::file_name(&title, &extension, &fallback)
}

/// The hourly cost of a monthly salary (the settings' helper), by the engine's rule.
#[tauri::command(async)]
pub fn hourly_from_monthly(monthly: String) -> Res<String> {
    Ok(nytta_app::hourly_from_monthly(&monthly)?)
}

/// Evaluates a valuation document's JSON text (docs/format.md) in the given language.
#[tauri::command(async)]
pub fn evaluate_document(document: String, lang: Lang) -> Res<Evaluation> {
    Ok(nytta_app::evaluate_text(&document, lang)?.1)
}

/// The live initiatives in portfolio order, each with whether it has a valuation.
#[tauri::command(async)]
pub fn portfolio_list(shell: State<'_, Shell>) -> Res<Vec<PortfolioLine>> {
    Ok(pf::lines(shell.ctx()?)?)
}

/// One initiative with its versions and current document.
#[tauri::command(async)]
pub fn initiative_get(shell: State<'_, Shell>, id: i64) -> Res<StoredInitiative> {
    Ok(pf::get(shell.ctx()?, id)?)
}

/// Any stored version with its document (an older, e.g. decided, version shown read-only).
#[tauri::command(async)]
pub fn version_get(shell: State<'_, Shell>, version_id: i64) -> Res<pf::VersionDocument> {
    Ok(pf::get_version(shell.ctx()?, version_id)?)
}

/// A new initiative with the default parameters; returns its id.
#[tauri::command(async)]
pub fn initiative_create(shell: State<'_, Shell>, title: String, department: String) -> Res<i64> {
    Ok(pf::create(shell.ctx()?, &title, &department)?)
}

/// Autosave of the current draft (an invalid one is kept as the working copy).
#[tauri::command(async)]
pub fn initiative_save(shell: State<'_, Shell>, id: i64, document: String) -> Res<DraftSaved> {
    Ok(pf::save_draft(shell.ctx()?, id, &document)?)
}

/// Drops the working copy, back to the last valid document.
#[tauri::command(async)]
pub fn initiative_discard_working_copy(shell: State<'_, Shell>, id: i64) -> Res<()> {
    Ok(pf::discard_working_copy(shell.ctx()?, id)?)
}

/// Marks the current version decided (read-only from then on).
#[tauri::command(async)]
pub fn initiative_decide(shell: State<'_, Shell>, id: i64, decision: Decision) -> Res<SavedInfo> {
    Ok(pf::decide(shell.ctx()?, id, &decision)?)
}

/// A new draft version from the current one.
#[tauri::command(async)]
pub fn initiative_new_version(shell: State<'_, Shell>, id: i64) -> Res<SavedInfo> {
    Ok(pf::new_version(shell.ctx()?, id)?)
}

/// A copy of the initiative; returns the copy's id.
#[tauri::command(async)]
pub fn initiative_duplicate(shell: State<'_, Shell>, id: i64) -> Res<i64> {
    Ok(pf::duplicate(shell.ctx()?, id)?.id)
}

/// Moves the initiative to the deleted list (undoable).
#[tauri::command(async)]
pub fn initiative_delete(shell: State<'_, Shell>, id: i64) -> Res<()> {
    Ok(pf::delete(shell.ctx()?, id)?)
}

/// Brings a deleted initiative back.
#[tauri::command(async)]
pub fn initiative_undelete(shell: State<'_, Shell>, id: i64) -> Res<()> {
    Ok(pf::undelete(shell.ctx()?, id)?)
}

/// Imports the document file chosen in the native open dialog; returns the initiative's id.
/// A document already in the store is refused (`already_in_store`) unless `on_duplicate`
/// asks for a copy or a new version.
#[tauri::command(async)]
pub fn document_import(
    shell: State<'_, Shell>,
    path: PathBuf,
    on_duplicate: pf::OnDuplicate,
) -> Res<i64> {
    Ok(documents::import_file(shell.ctx()?, &path, on_duplicate)?)
}

/// Exports the initiative to the file chosen in the native save dialog.
#[tauri::command(async)]
pub fn document_export(shell: State<'_, Shell>, id: i64, path: PathBuf) -> Res<()> {
    Ok(documents::export_file(shell.ctx()?, id, &path)?)
}

/// Writes the initiative's stored current version as an Excel workbook with live formulas
/// to the file chosen in the native save dialog.
#[tauri::command(async)]
pub fn xlsx_export(shell: State<'_, Shell>, id: i64, path: PathBuf) -> Res<()> {
    Ok(nytta_app::xlsx::export_initiative(shell.ctx()?, id, &path)?)
}

/// Reads the workbook chosen in the native open dialog back into the store; returns the
/// initiative's id. A workbook whose document is already in the store is refused
/// (`already_in_store`) unless `on_duplicate` asks for a copy or a new version.
#[tauri::command(async)]
pub fn xlsx_import(
    shell: State<'_, Shell>,
    path: PathBuf,
    on_duplicate: pf::OnDuplicate,
) -> Res<i64> {
    Ok(nytta_app::xlsx::import_into_store(
        shell.ctx()?,
        &path,
        on_duplicate,
    )?)
}

/// Writes the portfolio, one row per initiative, as an Excel table to the file chosen in
/// the native save dialog.
#[tauri::command(async)]
pub fn portfolio_export_xlsx(shell: State<'_, Shell>, path: PathBuf) -> Res<()> {
    Ok(nytta_app::xlsx::export_portfolio(shell.ctx()?, &path)?)
}

/// The store's settings.
#[tauri::command(async)]
pub fn settings_get(shell: State<'_, Shell>) -> Res<Settings> {
    Ok(pf::get_settings(shell.ctx()?)?)
}

/// Saves the settings.
#[tauri::command(async)]
pub fn settings_save(shell: State<'_, Shell>, settings: Settings) -> Res<()> {
    Ok(pf::save_settings(shell.ctx()?, &settings)?)
}

/// The store's backups, newest first.
#[tauri::command(async)]
pub fn backups_list(shell: State<'_, Shell>) -> Res<Vec<BackupInfo>> {
    Ok(pf::list_backups(shell.ctx()?)?)
}

/// Makes a backup now.
#[tauri::command(async)]
pub fn backup_create(shell: State<'_, Shell>) -> Res<BackupInfo> {
    Ok(pf::create_backup(shell.ctx()?)?)
}

/// Restores the backup with this file name.
#[tauri::command(async)]
pub fn backup_restore(shell: State<'_, Shell>, name: String) -> Res<String> {
    Ok(documents::restore_backup_named(shell.ctx()?, &name)?)
}
