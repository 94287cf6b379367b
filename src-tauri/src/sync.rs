//! The group server from the window: its settings (never a password), the sync's state
//! (works offline) and "Synkronisera". Each is one call into `nytta-app`; the sync runs on
//! the blocking pool, so waiting for the network never holds up the window or the other
//! commands.

use nytta_app::dto::ErrorDto;
use nytta_app::types::{ServerSettings, SyncReport, SyncStatus};
use nytta_app::{server_settings, sync, AppError};
use tauri::{AppHandle, Manager, State};

use crate::Shell;

type Res<T> = Result<T, ErrorDto>;

/// The saved server settings, `null` when none are set.
#[tauri::command(async)]
pub fn server_settings_get(shell: State<'_, Shell>) -> Res<Option<ServerSettings>> {
    Ok(server_settings::get(shell.ctx()?)?)
}

/// Checks and saves the server settings (each problem at its field).
#[tauri::command(async)]
pub fn server_settings_save(shell: State<'_, Shell>, settings: ServerSettings) -> Res<()> {
    Ok(server_settings::save(shell.ctx()?, &settings)?)
}

/// The server set, when the last sync completed, what waits and the open conflicts.
#[tauri::command(async)]
pub fn sync_status(shell: State<'_, Shell>) -> Res<SyncStatus> {
    Ok(sync::status(shell.ctx()?)?)
}

/// Synchronises with the server in the settings.
#[tauri::command]
pub async fn sync_run(app: AppHandle) -> Res<SyncReport> {
    let task = tauri::async_runtime::spawn_blocking(move || {
        let shell = app.state::<Shell>();
        Ok(sync::sync_now(shell.ctx()?)?)
    });
    task.await.unwrap_or_else(|e| {
        Err(ErrorDto::from(AppError::Store {
            code: "internal".into(),
            message_sv: format!("Synkroniseringen avbröts: {e}"),
            message_en: format!("The sync was interrupted: {e}"),
        }))
    })
}
