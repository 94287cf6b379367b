//! The report and evidence commands' answers the UI's mock replays (vitest and the axe run),
//! recorded from the real use cases on a fresh store into
//! `ui/src/test/fixtures/reports.json`: the chart set of a followed-up example, of an example
//! without follow-up and of a new initiative, keyed by title; the calibration table with its
//! hints; every lesson; and the business case's content blocks
//! (`ui/src/test/fixtures/content.json`). The tests fail when a recording differs from what
//! the commands answer now; `NYTTA_UPDATE_TYPES=1` rewrites them with the types.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use nytta_app::ctx::Ctx;
use nytta_app::evidence_view;
use nytta_app::portfolio as pf;
use nytta_app::report::{business_case_content, ReportOptions};
use nytta_app::report_files::chart_set;
use nytta_app::Lang;
use serde_json::{json, Map, Value};

/// The examples whose charts are recorded: one with a follow-up, one without.
const CHARTED: [&str; 2] = ["Läkemedelsrobotar", "Digitala examinationer"];

fn record() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = Ctx::open_with_clock(
        &tmp.path().join("nytta.db"),
        Box::new(|| "2025-03-01T09:00:00Z".to_string()),
    )
    .unwrap();
    let mut charts = Map::new();
    for s in pf::list(&ctx).unwrap() {
        let title = s.summary.title.clone();
        if CHARTED.iter().any(|c| title.starts_with(c)) {
            let text = pf::get(&ctx, s.id).unwrap().document_json;
            charts.insert(title, json!(chart_set(&text, Lang::Sv).unwrap()));
        }
    }
    let new_id = pf::create(&ctx, "Ny", "").unwrap();
    let new_text = pf::get(&ctx, new_id).unwrap().document_json;
    json!({
        "charts": charts,
        "new_charts": chart_set(&new_text, Lang::Sv).unwrap(),
        "evidence": evidence_view::evidence(&ctx).unwrap(),
        "lessons": evidence_view::search_lessons(&ctx, "", None, None, None).unwrap(),
    })
}

/// The business case's content of the followed-up example and of a new initiative, in
/// Swedish, keyed by title (`ui/src/test/fixtures/content.json`).
fn record_content() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = Ctx::open_with_clock(
        &tmp.path().join("nytta.db"),
        Box::new(|| "2025-03-01T09:00:00Z".to_string()),
    )
    .unwrap();
    let opts = ReportOptions::new(Lang::Sv, "2025-03-01");
    let mut content = Map::new();
    for s in pf::list(&ctx).unwrap() {
        if s.summary.title.starts_with(CHARTED[0]) {
            let text = pf::get(&ctx, s.id).unwrap().document_json;
            let blocks = business_case_content(&text, &opts).unwrap();
            content.insert(s.summary.title.clone(), json!(blocks));
        }
    }
    let new_id = pf::create(&ctx, "Ny", "").unwrap();
    let new_text = pf::get(&ctx, new_id).unwrap().document_json;
    json!({
        "content": content,
        "new_content": business_case_content(&new_text, &opts).unwrap(),
    })
}

#[test]
fn the_mock_replays_the_business_case_content() {
    let text = serde_json::to_string_pretty(&record_content()).unwrap() + "\n";
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/test/fixtures/content.json");
    if std::env::var_os("NYTTA_UPDATE_TYPES").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/test/fixtures/content.json is stale: run `NYTTA_UPDATE_TYPES=1 cargo test -p nytta-desktop --test report_fixtures`"
    );
}

#[test]
fn the_mock_replays_what_the_report_commands_answer() {
    let text = serde_json::to_string_pretty(&record()).unwrap() + "\n";
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/test/fixtures/reports.json");
    if std::env::var_os("NYTTA_UPDATE_TYPES").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/test/fixtures/reports.json is stale: run `NYTTA_UPDATE_TYPES=1 cargo test -p nytta-desktop --test report_fixtures`"
    );
}

#[test]
fn the_recording_has_what_the_report_views_show() {
    let r = record();
    let charts = r["charts"].as_object().unwrap();
    assert_eq!(charts.len(), 2);
    let robots = charts
        .iter()
        .find(|(t, _)| t.starts_with("Läkemedelsrobotar"))
        .unwrap()
        .1;
    assert_eq!(robots["follow_ups"].as_array().unwrap().len(), 1);
    assert!(robots["cash_flow"].as_str().unwrap().starts_with("<svg"));
    assert!(r["new_charts"]["tornado"].is_null());
    assert_eq!(r["lessons"].as_array().unwrap().len(), 8);
    assert!(r["evidence"]["table"]["by_category"].is_array());
    assert!(r["evidence"]["hints"][0]["sv"].is_string());
}

/// A simulation of the followed-up example with its own draws and seed, as the Osäkerhet
/// panel receives it (`ui/src/test/fixtures/simulation.json`, replayed by the mock).
fn record_simulation() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = Ctx::open_with_clock(
        &tmp.path().join("nytta.db"),
        Box::new(|| "2025-03-01T09:00:00Z".to_string()),
    )
    .unwrap();
    let robots = pf::list(&ctx)
        .unwrap()
        .into_iter()
        .find(|s| s.summary.title.starts_with(CHARTED[0]))
        .unwrap();
    let text = pf::get(&ctx, robots.id).unwrap().document_json;
    let cancel = std::sync::atomic::AtomicBool::new(false);
    json!(nytta_app::simulation::run_text(&text, &cancel, |_| {})
        .unwrap()
        .unwrap())
}

#[test]
fn the_mock_replays_what_the_simulation_answers() {
    let run = record_simulation();
    assert_eq!(run["draws"], json!(10_000));
    assert_eq!(run["seed"], json!("1"));
    assert!(run["charts"]["s_curve_en"]
        .as_str()
        .unwrap()
        .starts_with("<svg"));
    let text = serde_json::to_string_pretty(&run).unwrap() + "\n";
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/test/fixtures/simulation.json");
    if std::env::var_os("NYTTA_UPDATE_TYPES").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/test/fixtures/simulation.json is stale: run `NYTTA_UPDATE_TYPES=1 cargo test -p nytta-desktop --test report_fixtures`"
    );
}
