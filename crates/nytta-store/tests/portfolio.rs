//! Schema 5: the demo portfolio (added and removed in one action, kept local), the
//! portfolio figures kept per version, pairs with similar needs and the portfolio settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nytta_core::document::{NeedsField, NeedsPart, ValuationStatus};
use nytta_core::read::read_document;
use nytta_store::portfolio::figures_of;
use nytta_store::{LinkKind, PortfolioSettings, Store};
use rust_decimal::Decimal;

const T0: &str = "2025-03-01T09:00:00Z";
const T1: &str = "2025-03-01T09:01:00Z";

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A small valuation whose figures are worked out by hand below.
const SMALL: &str = r#"{
  "nytta": 1,
  "initiative": { "title": "Liten", "department": "Omsorgsförvaltningen", "stage": "valued",
    "owner": "Verksamhetsutvecklare",
    "needs": { "problem": "Nattbesök stör sömnen.", "goals": "Tillsyn med kamera." } },
  "valuation": {
    "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0, "hours_per_fte": 1700,
      "optimism_bias": 0.1 },
    "roles": [ { "id": "r", "name": "Roll", "hourly_cost": 300 } ],
    "lines": [
      { "id": "buy", "side": "cost", "name": "Inköp", "category": "financial",
        "amount": 1000, "timing": { "once": 0 } },
      { "id": "lic", "side": "cost", "name": "Licens", "category": "financial",
        "amount": 100, "timing": { "yearly": { "from": 1 } } },
      { "id": "save", "side": "benefit", "name": "Besparing", "category": "financial",
        "amount": 500, "timing": { "yearly": { "from": 1 } } },
      { "id": "time", "side": "benefit", "name": "Tid", "category": "reallocation",
        "time": { "minutes": 60, "occurrences": 100, "role": "r" },
        "timing": { "yearly": { "from": 1 } }, "confidence": 0.5 }
    ],
    "effect_goals": [ { "id": "g", "indicator": "Besök", "direction": "decrease",
      "target": 1, "target_date": "2026-12-31" } ]
  },
  "follow_ups": [ { "date": "2026-06-30", "year": 1 } ]
}"#;

#[test]
fn the_figures_split_costs_into_one_off_and_recurring_year_by_year() {
    let f = figures_of(&read_document(SMALL).unwrap(), &Default::default()).unwrap();
    // Year 0 (2025): the purchase 1 000 × (1 + 0.1) = 1 100 one-off; nothing else.
    // Years 1 and 2: licence 100 × 1.1 = 110 recurring; benefits economic 500 + 60/60 × 100 ×
    // 300 × 0.5 = 500 + 15 000 = 15 500, budget 500 (the time line is not in the budget).
    let years: Vec<_> = f
        .years
        .iter()
        .map(|y| {
            (
                y.year,
                y.one_off,
                y.recurring,
                y.benefits_economic,
                y.benefits_budget,
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (2025, d("1100"), d("0"), d("0"), d("0")),
            (2026, d("0"), d("110"), d("15500"), d("500")),
            (2027, d("0"), d("110"), d("15500"), d("500")),
        ]
    );
    // Resource need: one-off 1 100, no internal project time.
    assert_eq!(f.one_off_costs, d("1100"));
    // Freed: 100 h × 0.5 = 50 h; 50 ÷ 1 700 FTE.
    assert_eq!(f.freed_hours, d("50"));
    assert_eq!(f.fte, d("50") / d("1700"));
    assert!(f.valued);
    // Effect goals but no risks and no ranged input: simplified.
    assert!(f.simplified);
    assert_eq!(f.follow_ups, 1);
    assert_eq!(f.last_follow_up.as_deref(), Some("2026-06-30"));
    assert_eq!(f.follow_up_due.as_deref(), Some("2026-12-31"));
    assert_eq!(f.needs, "Nattbesök stör sömnen.\n\nTillsyn med kamera.");
    // Field by field, so the agenda can label them; the blank ones are left out.
    assert_eq!(
        f.needs_parts,
        [
            NeedsPart {
                field: NeedsField::Problem,
                text: "Nattbesök stör sömnen.".into()
            },
            NeedsPart {
                field: NeedsField::Goals,
                text: "Tillsyn med kamera.".into()
            },
        ]
    );
}

fn outbox_count(dir: &tempfile::TempDir) -> i64 {
    let conn = rusqlite::Connection::open(dir.path().join("nytta.db")).unwrap();
    conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_demo_is_marked_kept_local_and_removed_in_one_action_with_its_decided_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    let mut decided = read_document(SMALL).unwrap();
    decided.valuation.status = ValuationStatus::Decided;
    decided.initiative.title = "Beslutad".into();
    let ids = store
        .add_demo(vec![read_document(SMALL).unwrap(), decided], T1)
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(store.demo_count().unwrap(), 2);
    assert_eq!(outbox_count(&dir), 0, "demo data is never synchronised");
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 6);
    assert_eq!(listed.iter().filter(|s| s.demo).count(), 2);
    let rows = store.portfolio().unwrap();
    assert_eq!(rows.iter().filter(|r| r.demo).count(), 2);
    // A change to a demo initiative stays local too.
    store.save(ids[0], SMALL, T1).unwrap();
    assert_eq!(outbox_count(&dir), 0);
    // The user's own work is untouched by the removal.
    let own = store
        .create("Eget", "Kommunledningsförvaltningen", T1)
        .unwrap();
    assert_eq!(store.remove_demo(T1).unwrap(), 2);
    assert_eq!(store.demo_count().unwrap(), 0);
    let left = store.list().unwrap();
    assert_eq!(left.len(), 5);
    assert!(left.iter().any(|s| s.id == own.id));
    // The samples' decided versions are still kept for good.
    let conn = rusqlite::Connection::open(dir.path().join("nytta.db")).unwrap();
    let decided: i64 = conn
        .query_row(
            "SELECT count(*) FROM valuation_versions WHERE status = 'decided'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(decided, 2);
    let err = conn.execute(
        "DELETE FROM valuation_versions WHERE status = 'decided'",
        [],
    );
    assert!(err.is_err(), "a decided version outside the demo is kept");
}

#[test]
fn a_saved_change_is_computed_again_when_the_portfolio_is_next_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    let id = store.import_text(SMALL, T1).unwrap().id;
    let before = store.portfolio().unwrap();
    let row = before.iter().find(|r| r.summary.id == id).unwrap();
    assert_eq!(row.figures.one_off_costs, d("1100"));
    // Same second, same length of text: the purchase 1000 becomes 2000.
    store
        .save(
            id,
            &SMALL.replace("\"amount\": 1000", "\"amount\": 2000"),
            T1,
        )
        .unwrap();
    let after = store.portfolio().unwrap();
    let row = after.iter().find(|r| r.summary.id == id).unwrap();
    assert_eq!(row.figures.one_off_costs, d("2200"));
}

#[test]
fn pairs_and_settings_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    let ids: Vec<i64> = store.list().unwrap().iter().map(|s| s.id).collect();
    store
        .set_need_link(ids[1], ids[0], Some(LinkKind::NotSimilar), T1)
        .unwrap();
    let links = store.need_links().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].a, ids[0].min(ids[1]));
    assert_eq!(links[0].kind, LinkKind::NotSimilar);
    store
        .set_need_link(ids[0], ids[1], Some(LinkKind::Coordinated), T1)
        .unwrap();
    assert_eq!(store.need_links().unwrap()[0].kind, LinkKind::Coordinated);
    store.set_need_link(ids[0], ids[1], None, T1).unwrap();
    assert!(store.need_links().unwrap().is_empty());
    assert!(store.set_need_link(ids[0], ids[0], None, T1).is_err());

    assert_eq!(
        store.portfolio_settings().unwrap(),
        PortfolioSettings::default()
    );
    let s = PortfolioSettings {
        stale_months: 12,
        similarity_threshold: d("0.45"),
    };
    store.save_portfolio_settings(&s, T1).unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    assert_eq!(store.portfolio_settings().unwrap(), s);
}

#[test]
fn staff_hours_are_the_time_form_cost_lines_hours_year_by_year_with_their_ramp() {
    // Project time once in year 0: 90 min × 40 occurrences = 60 h; administration yearly from
    // year 1 at 30 min × 120 = 60 h a year, ramped 0.5 then 1; a purchase in kronor and the
    // freed time (a benefit) ask for no staff hours.
    let text = r#"{
      "nytta": 1,
      "initiative": { "title": "Timmar", "department": "Omsorgsförvaltningen", "stage": "valued" },
      "valuation": {
        "parameters": { "start_year": 2025, "years": 2, "discount_rate": 0, "optimism_bias": 0.2 },
        "roles": [ { "id": "vu", "name": "Verksamhetsutvecklare", "hourly_cost": 500 } ],
        "lines": [
          { "id": "project", "side": "cost", "name": "Projekttid", "category": "financial",
            "time": { "minutes": 90, "occurrences": 40, "role": "vu" }, "timing": { "once": 0 } },
          { "id": "admin", "side": "cost", "name": "Förvaltning", "category": "financial",
            "time": { "minutes": 30, "occurrences": 120, "role": "vu" },
            "timing": { "yearly": { "from": 1 } }, "ramp": [0.5, 1] },
          { "id": "buy", "side": "cost", "name": "Inköp", "category": "financial",
            "amount": 1000, "timing": { "once": 0 } },
          { "id": "freed", "side": "benefit", "name": "Tid", "category": "reallocation",
            "time": { "minutes": 60, "occurrences": 100, "role": "vu" },
            "timing": { "yearly": { "from": 1 } } }
        ]
      }
    }"#;
    let f = figures_of(&read_document(text).unwrap(), &Default::default()).unwrap();
    let hours: Vec<_> = f.years.iter().map(|y| (y.year, y.staff_hours)).collect();
    // 2025: 60 h; 2026: 60 × 0.5 = 30 h; 2027: 60 h. The optimism bias (20 %) marks up the
    // kronor (project 60 h × 500 × 1.2 = 36 000 one-off), not the hours.
    assert_eq!(hours, [(2025, d("60")), (2026, d("30")), (2027, d("60"))]);
    assert_eq!(f.years[0].one_off, d("36000") + d("1200"));
}
