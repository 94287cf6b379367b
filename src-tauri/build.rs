//! Build script: hands the configuration, the capabilities and the list of Nytta's own
//! commands (each gets an `allow-…` permission) to tauri-build.
//!
//! When `ui/dist` has not been built yet, the window is pointed at a one-page notice that
//! says how to build it, so `cargo build`/`cargo clippy` of the workspace still work.

use std::path::Path;

/// Every command the shell registers. `generate_handler!` in src/lib.rs,
/// `capabilities/default.json` and `ui/src/api/` must name the same set
/// (`tests/commands.rs` fails on a difference).
const COMMANDS: &[&str] = &[
    "store_status",
    "about",
    "file_name",
    "hourly_from_monthly",
    "evaluate_document",
    "portfolio_list",
    "initiative_get",
    "version_get",
    "initiative_create",
    "initiative_save",
    "initiative_discard_working_copy",
    "initiative_decide",
    "initiative_new_version",
    "initiative_duplicate",
    "initiative_delete",
    "initiative_undelete",
    "document_import",
    "document_export",
    "xlsx_export",
    "xlsx_import",
    "portfolio_export_xlsx",
    "settings_get",
    "settings_save",
    "backups_list",
    "backup_create",
    "backup_restore",
    "report_business_case",
    "report_follow_up",
    "charts_svg",
    "business_case_content",
    "calibration",
    "lessons_search",
    "simulation_run",
    "simulation_cancel",
    "portfolio_overview",
    "portfolio_priorities",
    "portfolio_bubbles",
    "portfolio_agenda",
    "portfolio_agenda_pdf",
    "portfolio_report_pdf",
    "portfolio_similar",
    "portfolio_similar_mark",
    "portfolio_search_texts",
    "departments_list",
    "demo_count",
    "demo_add",
    "demo_remove",
    "server_settings_get",
    "server_settings_save",
    "sync_status",
    "sync_run",
];

fn main() {
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed=fallback");
    if !Path::new("../ui/dist/index.html").exists() {
        println!(
            "cargo:warning=ui/dist saknas / is missing: the window will ask for `npm ci && npm run build` in ui/"
        );
        let patch = r#"{"build":{"frontendDist":"fallback"}}"#;
        // Read by tauri-build below and, through rustc-env, by `generate_context!`.
        std::env::set_var("TAURI_CONFIG", patch);
        println!("cargo:rustc-env=TAURI_CONFIG={patch}");
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri-build: {e:#}");
        std::process::exit(1);
    }
}
