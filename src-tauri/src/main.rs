//! The `nytta-desktop` binary: starts the desktop app (see the `nytta_desktop` library).

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    nytta_desktop::run()
}
