//! The simulation from the Osäkerhet panel: `simulation_run` runs it on the blocking pool,
//! so the window and the other commands never wait for it, sends progress every 1 000
//! draws over the caller's channel, and answers `null` when `simulation_cancel` stopped it.
//! Each is one call into `nytta-app`; runs are told apart by the number the UI gives them.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use nytta_app::dto::ErrorDto;
use nytta_app::simulation::{self, SimulationProgress, SimulationRun};
use nytta_app::AppError;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

type Res<T> = Result<T, ErrorDto>;

/// The stop flags of the runs under way, by the UI's run number.
#[derive(Default)]
pub struct Runs(Mutex<HashMap<u32, Arc<AtomicBool>>>);

impl Runs {
    fn with<T>(&self, f: impl FnOnce(&mut HashMap<u32, Arc<AtomicBool>>) -> T) -> T {
        let mut runs = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut runs)
    }
}

/// Simulates the document's text with its draws and seed; `null` when cancelled.
#[tauri::command]
pub async fn simulation_run(
    app: AppHandle,
    document: String,
    run: u32,
    on_progress: Channel<SimulationProgress>,
) -> Res<Option<SimulationRun>> {
    let cancel = Arc::new(AtomicBool::new(false));
    app.state::<Runs>()
        .with(|r| r.insert(run, Arc::clone(&cancel)));
    let flag = Arc::clone(&cancel);
    let task = tauri::async_runtime::spawn_blocking(move || {
        simulation::run_text(&document, &flag, |p| {
            // A window that went away stops listening; the run then ends at its next step.
            if on_progress.send(p).is_err() {
                flag.store(true, Ordering::Relaxed);
            }
        })
    });
    let out = task.await.unwrap_or_else(|e| {
        Err(AppError::Store {
            code: "internal".into(),
            message_sv: format!("Simuleringen avbröts: {e}"),
            message_en: format!("The simulation was interrupted: {e}"),
        })
    });
    app.state::<Runs>().with(|r| r.remove(&run));
    Ok(out?)
}

/// Stops run `run` at its next 1 000 draws (nothing when it has already ended).
#[tauri::command]
pub fn simulation_cancel(runs: State<'_, Runs>, run: u32) {
    runs.with(|r| {
        if let Some(flag) = r.get(&run) {
            flag.store(true, Ordering::Relaxed);
        }
    });
}
