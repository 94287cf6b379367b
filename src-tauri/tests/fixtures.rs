//! The shell's answers the UI's mock (`ui/src/api/mock.ts`, used by vitest and the axe run)
//! replays, recorded from the real use cases on a fresh store with a fixed clock into
//! `ui/src/test/fixtures/shell.json`: settings, the portfolio, every example with its
//! evaluation, a new initiative, a save, a backup, the error of a damaged store, and the
//! portfolio overview, priorities (awaiting decision; every stage; every stage with a budget
//! of 1 000 000 kr; every stage with a staff capacity of 500 hours), similar needs (on the examples, and with two camera initiatives added
//! in another store), the PULS agenda (a third store with examples put forward for a
//! decision and for support) and search texts. The test fails when the committed recording differs
//! from what the commands answer now; `NYTTA_UPDATE_TYPES=1` rewrites it with the types.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use nytta_app::ctx::Ctx;
use nytta_app::dto::ErrorDto;
use nytta_app::portfolio as pf;
use nytta_app::priorities::PriorityFilter;
use nytta_app::{Decimal, Lang};
use serde_json::{json, Value};

const NOW: &str = "2025-03-01T09:00:00Z";

/// Replaces the temporary directory in every string, so the recording does not depend on it.
fn scrub(v: Value, dir: &str) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace(&format!("{dir}/"), "").replace(dir, "")),
        Value::Array(a) => Value::Array(a.into_iter().map(|x| scrub(x, dir)).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, x)| (k, scrub(x, dir))).collect()),
        other => other,
    }
}

fn evaluation(document: &str) -> Value {
    serde_json::to_value(nytta_app::evaluate_text(document, Lang::Sv).unwrap().1).unwrap()
}

fn record() -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().display().to_string();
    let ctx =
        Ctx::open_with_clock(&tmp.path().join("nytta.db"), Box::new(|| NOW.to_string())).unwrap();
    let list = pf::list(&ctx).unwrap();
    let lines = pf::lines(&ctx).unwrap();
    let initiatives: Vec<Value> = list
        .iter()
        .map(|s| serde_json::to_value(pf::get(&ctx, s.id).unwrap()).unwrap())
        .collect();
    let evaluations: Vec<Value> = initiatives
        .iter()
        .map(|i| evaluation(i["document_json"].as_str().unwrap()))
        .collect();
    let overview = nytta_app::overview::overview(&ctx, &NOW[..10]).unwrap();
    let all = PriorityFilter {
        stages: vec![],
        ..PriorityFilter::default()
    };
    let budget = PriorityFilter {
        budget_per_year: Some(Decimal::from(1_000_000)),
        ..all.clone()
    };
    let hours = PriorityFilter {
        hours_per_year: Some(Decimal::from(500)),
        ..all.clone()
    };
    let priorities: Vec<Value> = [PriorityFilter::default(), all, budget, hours]
        .iter()
        .map(|f| serde_json::to_value(nytta_app::priorities::priorities(&ctx, f).unwrap()).unwrap())
        .collect();
    // Similar needs on the examples, and on a second store where two departments ask for
    // night supervision by camera.
    let other = Ctx::open_with_clock(
        &tmp.path().join("liknande.db"),
        Box::new(|| NOW.to_string()),
    )
    .unwrap();
    pf::create(
        &other,
        "Nattillsyn med kamera i hemtjänsten",
        "Omsorgsförvaltningen",
    )
    .unwrap();
    pf::create(
        &other,
        "Kamera för nattillsyn i boendestödet",
        "Arbete och välfärd",
    )
    .unwrap();
    let similar: Vec<Value> = [&ctx, &other]
        .into_iter()
        .map(|c| serde_json::to_value(nytta_app::similar::similar_needs(c, None).unwrap()).unwrap())
        .collect();
    // The PULS agenda on a third store: two examples put forward, one for a decision and
    // one in development asking for support, and a third example left as it is (valued,
    // not on the agenda).
    let third =
        Ctx::open_with_clock(&tmp.path().join("agenda.db"), Box::new(|| NOW.to_string())).unwrap();
    for (example, stage) in [(0, "awaiting_decision"), (3, "development"), (2, "valued")] {
        let mut doc: Value =
            serde_json::from_str(initiatives[example]["document_json"].as_str().unwrap()).unwrap();
        doc["initiative"]["stage"] = json!(stage);
        pf::import_text(&third, &doc.to_string(), pf::OnDuplicate::Copy).unwrap();
    }
    let agenda = nytta_app::agenda::agenda(&third, "2025-03-01").unwrap();
    let search_texts = pf::search_texts(&ctx).unwrap();
    let backup = pf::create_backup(&ctx).unwrap();
    let saved = pf::save_draft(
        &ctx,
        list[0].id,
        &pf::get(&ctx, list[0].id).unwrap().document_json,
    );

    let new_id = pf::create(&ctx, "Ny", "").unwrap();
    let new_initiative = pf::get(&ctx, new_id).unwrap();
    let new_evaluation = evaluation(&new_initiative.document_json);

    let junk = tmp.path().join("damaged.db");
    std::fs::write(&junk, "Det här är ingen databas. ".repeat(200)).unwrap();
    let damaged = Ctx::open_with_clock(&junk, Box::new(|| NOW.to_string()))
        .err()
        .unwrap();

    let out = json!({
        "settings": pf::get_settings(&ctx).unwrap(),
        "portfolio": lines,
        "initiatives": initiatives,
        "evaluations": evaluations,
        "new_initiative": new_initiative,
        "new_evaluation": new_evaluation,
        "saved": saved.ok(),
        "backups": [backup],
        "store_damaged": ErrorDto::from(damaged),
        "overview": overview,
        "priorities": priorities,
        "similar": similar,
        "agenda": agenda,
        "search_texts": search_texts,
    });
    scrub(out, &dir)
}

#[test]
fn the_mock_replays_what_the_commands_answer() {
    let recorded = record();
    let text = serde_json::to_string_pretty(&recorded).unwrap() + "\n";
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/test/fixtures/shell.json");
    if std::env::var_os("NYTTA_UPDATE_TYPES").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "ui/src/test/fixtures/shell.json is stale: run `NYTTA_UPDATE_TYPES=1 cargo test -p nytta-desktop --test fixtures`"
    );
}

#[test]
fn the_recording_has_the_shapes_the_ui_reads() {
    let r = record();
    assert_eq!(
        r["settings"]["language"], "sv",
        "settings.language, not lang"
    );
    let rows = r["portfolio"].as_array().unwrap();
    assert_eq!(rows.len(), 4, "the four examples");
    assert!(rows.iter().all(|s| s["npv_economic"].is_string()));
    assert!(
        rows.iter().all(|s| s["valued"] == true),
        "every example has a valuation"
    );
    assert!(r["initiatives"][0]["versions"][0]["status"].is_string());
    assert_eq!(r["store_damaged"]["code"], "store_damaged");
    assert!(
        r["store_damaged"]["moved_to"]
            .as_str()
            .is_some_and(|m| m.starts_with("damaged.db")),
        "{}",
        r["store_damaged"]
    );
}
