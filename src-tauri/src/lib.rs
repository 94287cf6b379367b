//! # nytta-desktop
//!
//! The desktop shell: one Tauri 2 window (title "Nytta", 1280×800, at least 1024×700) around
//! the TypeScript UI built into `ui/dist`, a single running instance, the native open/save
//! dialogs, and the commands the UI invokes.
//!
//! It owns start-up (which database, whether there is a display), the [`Shell`] state handed
//! to commands, and the command list with its capabilities (`capabilities/default.json`). It
//! must not do work of its own: every command in [`commands`] is one call into `nytta-app`,
//! whose errors cross as [`ErrorDto`] `{code, message_sv, message_en, path?, problems?}`.
//! A store that cannot be opened does not stop the app: the error is kept and told to the UI
//! through `store_status`, which shows the recovery message.

// Every command rejects with an `ErrorDto` by value: Tauri serialises it to the UI once per
// call, so its size (a few strings) costs nothing worth boxing for.
#![allow(clippy::result_large_err)]

pub mod commands;
pub mod governance;
pub mod launch;
pub mod reports;
pub mod simulation;
pub mod sync;
pub mod types;

use std::path::PathBuf;
use std::process::ExitCode;

use nytta_app::ctx::Ctx;
use nytta_app::dto::{ErrorDto, StoreStatus};
use tauri::Manager;

/// What every command gets: the open store, or why it could not be opened.
pub struct Shell {
    db_path: PathBuf,
    store: Result<Ctx, ErrorDto>,
}

impl Shell {
    /// Opens the store at `db_path`, keeping the error instead of failing.
    pub fn open(db_path: PathBuf) -> Shell {
        let store = Ctx::open(&db_path).map_err(ErrorDto::from);
        Shell { db_path, store }
    }

    /// The open store, or the error it failed with.
    pub fn ctx(&self) -> Result<&Ctx, ErrorDto> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// The store's file and its error, if any.
    pub fn status(&self) -> StoreStatus {
        StoreStatus {
            db_path: self.db_path.display().to_string(),
            error: self.store.as_ref().err().cloned(),
        }
    }
}

/// Starts the app and blocks until its window closes; the exit code says how it went.
pub fn run() -> ExitCode {
    let options = match launch::Options::from_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Some(message) = launch::missing_display() {
        eprintln!("{message}");
        return ExitCode::from(3);
    }
    let db_path = match nytta_app::ctx::resolve_db_path(options.db.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.lines(nytta_app::Lang::Sv).join("\n"));
            return ExitCode::FAILURE;
        }
    };
    let result = tauri::Builder::default()
        // First, so a second start hands over to the first before anything else happens.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(Shell::open(db_path))
        .manage(simulation::Runs::default())
        .invoke_handler(tauri::generate_handler![
            commands::store_status,
            commands::about,
            commands::file_name,
            commands::hourly_from_monthly,
            commands::evaluate_document,
            commands::portfolio_list,
            commands::initiative_get,
            commands::version_get,
            commands::initiative_create,
            commands::initiative_save,
            commands::initiative_discard_working_copy,
            commands::initiative_decide,
            commands::initiative_new_version,
            commands::initiative_duplicate,
            commands::initiative_delete,
            commands::initiative_undelete,
            commands::document_import,
            commands::document_export,
            commands::xlsx_export,
            commands::xlsx_import,
            commands::portfolio_export_xlsx,
            commands::settings_get,
            commands::settings_save,
            commands::backups_list,
            commands::backup_create,
            commands::backup_restore,
            reports::report_business_case,
            reports::report_follow_up,
            reports::charts_svg,
            reports::business_case_content,
            reports::calibration,
            reports::lessons_search,
            simulation::simulation_run,
            simulation::simulation_cancel,
            governance::portfolio_overview,
            governance::portfolio_priorities,
            governance::portfolio_bubbles,
            governance::portfolio_agenda,
            governance::portfolio_agenda_pdf,
            governance::portfolio_report_pdf,
            governance::portfolio_similar,
            governance::portfolio_similar_mark,
            governance::portfolio_search_texts,
            governance::departments_list,
            governance::demo_count,
            governance::demo_add,
            governance::demo_remove,
            sync::server_settings_get,
            sync::server_settings_save,
            sync::sync_status,
            sync::sync_run,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Nytta kunde inte starta / Nytta could not start: {e}");
            ExitCode::FAILURE
        }
    }
}
