//! Follow-up comparison and calibration, against hand-computed figures.
//!
//! The base document (rate 0 so NPV is the plain sum, years 0..3):
//! - `t1`: staff time, 6 min × (users × 10) at 300 kr/h from year 1, confidence 0.5:
//!   6 × 1 000 × 300 / 60 = 30 000 kr/yr at full effect, 15 000 kr/yr expected.
//! - `f1`: financial benefit `users * 50` = 5 000 kr/yr from year 1.
//! - `c1`: one-off cost 40 000 kr in year 0; `c2`: 2 000 kr/yr from year 1.
//!
//! Expected net: −40 000, then 15 000 + 5 000 − 2 000 = 18 000 a year → NPV 14 000.
//! The follow-up (year 1) records users = 120 (used by `t1` and `f1`), 5 minutes for `t1`
//! and 2 500 kr for `c2`. Realised: `t1` = 5 × 1 200 × 300 / 60 = 30 000 at confidence 1,
//! `f1` = 6 000, `c2` = 2 500 → net 33 500 a year → NPV −40 000 + 3 × 33 500 = 60 500;
//! payback 1 + 6 500 / 33 500 = 1.194030.
#![allow(clippy::unwrap_used)]

use nytta_core::calibration::{calibrate, lessons, matches, LessonQuery};
use nytta_core::document::{Category, Side};
use nytta_core::{evaluate, read::read_document, Evaluation, Lang, Model};

fn doc(freed_time_use: &str, follow_up_extra: &str) -> String {
    format!(
        r#"{{
  "nytta": 1,
  "initiative": {{ "title": "Testinitiativ", "department": "Omsorg", "tags": ["läkemedel"] }},
  "valuation": {{
    "parameters": {{ "start_year": 2024, "years": 3, "discount_rate": 0 }},
    "roles": [ {{ "id": "usk", "name": "Undersköterska", "hourly_cost": 300 }} ],
    "inputs": [ {{ "id": "users", "name": "Brukare", "value": 100 }} ],
    "lines": [
      {{ "id": "t1", "side": "benefit", "name": "Tid", "category": "reallocation", "stakeholder": "staff",
         "time": {{ "minutes": 6, "occurrences": "users * 10", "role": "usk" }},
         "timing": {{ "yearly": {{ "from": 1 }} }}, "confidence": 0.5 }},
      {{ "id": "f1", "side": "benefit", "name": "Pengar", "category": "financial", "stakeholder": "organisation",
         "amount": "users * 50", "timing": {{ "yearly": {{ "from": 1 }} }} }},
      {{ "id": "c1", "side": "cost", "name": "Inköp", "category": "financial", "amount": 40000, "timing": {{ "once": 0 }} }},
      {{ "id": "c2", "side": "cost", "name": "Licens", "category": "financial", "amount": 2000,
         "timing": {{ "yearly": {{ "from": 1 }} }} }}
    ],
    "effect_goals": [
      {{ "id": "up", "indicator": "Följsamhet", "direction": "increase", "baseline": 50, "target": 90 }},
      {{ "id": "down", "indicator": "Avvikelser", "direction": "decrease", "baseline": 40, "target": 20 }},
      {{ "id": "worse", "indicator": "Väntetid", "direction": "decrease", "baseline": 40, "target": 20 }}
    ]
  }},
  "follow_ups": [
    {{ "date": "2025-06-01", "year": 1, "inputs": {{ "users": 120 }},
       "lines": {{ "t1": {{ "time": {{ "minutes": 5 }} }}, "c2": {{ "amount": "2500" }} }},
       "effect_goals": {{ "up": 80, "down": 25, "worse": 45 }},
       "freed_time_use": "{freed_time_use}",
       "lessons": ["Utbilda personalen före start"] {follow_up_extra} }}
  ]
}}"#
    )
}

fn eval(text: &str) -> (Model, Evaluation) {
    let model = Model::from_document(read_document(text).unwrap()).unwrap();
    let ev = evaluate(&model, Lang::Sv).unwrap();
    (model, ev)
}

fn money(d: rust_decimal::Decimal) -> String {
    nytta_core::format::money_json(d)
}

fn ratio(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(nytta_core::format::ratio_json)
}

#[test]
fn expected_case_is_unchanged_by_the_follow_up() {
    let (_, ev) = eval(&doc("redeployed", ""));
    assert_eq!(money(ev.economic.npv), "14000.00", "−40 000 + 3 × 18 000");
    assert_eq!(
        money(ev.budget.npv),
        "-31000.00",
        "−40 000 + 3 × (5 000 − 2 000)"
    );
}

#[test]
fn realised_case_uses_realised_inputs_lines_and_costs() {
    let (_, ev) = eval(&doc("redeployed", ""));
    let f = &ev.follow_ups[0];
    assert_eq!(money(f.realised.economic.npv), "60500.00");
    assert_eq!(
        ratio(f.realised.economic.payback_years).as_deref(),
        Some("1.194030")
    );
    // Freed time redeployed stays out of the budget: −40 000 + 3 × (6 000 − 2 500).
    assert_eq!(money(f.realised.budget.npv), "-29500.00");
    assert_eq!(
        money(f.freed_hours_per_year),
        "100.00",
        "5 min × 1 200 / 60 at confidence 1"
    );
}

#[test]
fn per_line_expected_and_realised_in_the_follow_up_year() {
    let (_, ev) = eval(&doc("redeployed", ""));
    let lines = &ev.follow_ups[0].lines;
    let get = |id: &str| lines.iter().find(|l| l.id == id).unwrap();
    let t1 = get("t1");
    assert_eq!(
        (money(t1.expected), money(t1.realised)),
        ("15000.00".into(), "30000.00".into())
    );
    assert_eq!(ratio(t1.rate).as_deref(), Some("2.000000"));
    assert_eq!(money(t1.difference), "15000.00");
    let f1 = get("f1");
    assert_eq!(ratio(f1.rate).as_deref(), Some("1.200000"), "6 000 / 5 000");
    let c2 = get("c2");
    assert_eq!(ratio(c2.rate).as_deref(), Some("1.250000"), "2 500 / 2 000");
    assert_eq!(
        (t1.year, f1.year, c2.year),
        (1, 1, 1),
        "the follow-up's year"
    );
    // The one-off purchase falls in year 0: it is compared there, not as 0 kr / 0 kr in
    // year 1. Without a realised amount it cost what was expected.
    let c1 = get("c1");
    assert_eq!(c1.year, 0);
    assert_eq!(
        (money(c1.expected), money(c1.realised)),
        ("40000.00".into(), "40000.00".into())
    );
    assert_eq!(ratio(c1.rate).as_deref(), Some("1.000000"));
}

#[test]
fn a_one_off_cost_is_compared_with_what_it_actually_cost_in_its_year() {
    let text = doc("redeployed", "").replace(
        r#""c2": { "amount": "2500" }"#,
        r#""c2": { "amount": "2500" }, "c1": { "amount": "46000" }"#,
    );
    let (_, ev) = eval(&text);
    let f = &ev.follow_ups[0];
    let c1 = f.lines.iter().find(|l| l.id == "c1").unwrap();
    // Expected 40 000 kr in year 0, realised 46 000 kr: 6 000 kr more, 46 000 / 40 000 = 115 %.
    assert_eq!(c1.year, 0);
    assert_eq!(money(c1.expected), "40000.00");
    assert_eq!(money(c1.realised), "46000.00");
    assert_eq!(money(c1.difference), "6000.00");
    assert_eq!(ratio(c1.rate).as_deref(), Some("1.150000"));
    assert_eq!(
        c1.explain, None,
        "a plain amount is not explained as itself"
    );
    // The realised case carries the higher purchase: −46 000 + 3 × 33 500 = 54 500.
    assert_eq!(money(f.realised.economic.npv), "54500.00");
}

#[test]
fn a_one_off_after_the_follow_up_year_is_planned_not_compared() {
    // A replacement purchase of 12 000 kr in year 3, followed up in year 1 with a realised
    // price of 15 000 kr: that purchase has not happened yet, so it is listed as planned
    // (12 000 kr in year 3) and neither compared nor counted in the calibration.
    let text = doc("redeployed", "")
        .replace(
            r#""timing": { "once": 0 } },"#,
            r#""timing": { "once": 0 } },
      { "id": "c3", "side": "cost", "name": "Återinvestering", "category": "financial", "amount": 12000, "timing": { "once": 3 } },"#,
        )
        .replace(
            r#""c2": { "amount": "2500" }"#,
            r#""c2": { "amount": "2500" }, "c3": { "amount": "15000" }"#,
        );
    let (model, ev) = eval(&text);
    let f = &ev.follow_ups[0];
    assert!(
        f.lines.iter().all(|l| l.id != "c3" && l.year <= 1),
        "{:?}",
        f.lines
    );
    assert_eq!(f.planned.len(), 1);
    assert_eq!((f.planned[0].id.as_str(), f.planned[0].year), ("c3", 3));
    assert_eq!(money(f.planned[0].expected), "12000.00");
    // Calibration over c1 (40 000 / 40 000) and c2 (2 500 / 2 000) only: 42 500 / 42 000.
    let cal = calibrate(&[(&model, &ev)]);
    let cost = cal
        .by_category
        .iter()
        .find(|c| c.side == Side::Cost && c.category == Some(Category::Financial))
        .unwrap();
    assert_eq!(
        (cost.lines, money(cost.expected), money(cost.realised)),
        (2, "42000.00".into(), "42500.00".into())
    );
}

#[test]
fn freed_time_value_expected_and_realised_in_the_follow_up_year() {
    let (_, ev) = eval(&doc("redeployed", ""));
    let f = &ev.follow_ups[0];
    // t1 in year 1: expected 30 000 × 0.5 = 15 000 kr, realised 30 000 kr (confidence 1).
    assert_eq!(money(f.expected_freed_time_value), "15000.00");
    assert_eq!(money(f.freed_time_value), "30000.00");
}

#[test]
fn freed_time_withdrawn_from_the_budget_counts_in_the_realised_budget_view() {
    let (_, ev) = eval(&doc("withdrawn", ""));
    let f = &ev.follow_ups[0];
    assert_eq!(
        money(f.realised.budget.npv),
        "60500.00",
        "−40 000 + 3 × (30 000 + 6 000 − 2 500)"
    );
    assert_eq!(
        money(ev.budget.npv),
        "-31000.00",
        "the expected budget view is unchanged"
    );
}

#[test]
fn goal_attainment_for_increasing_and_decreasing_goals() {
    let (_, ev) = eval(&doc("quality", ""));
    let goals = &ev.follow_ups[0].effect_goals;
    let get = |id: &str| ratio(goals.iter().find(|g| g.id == id).unwrap().attainment);
    assert_eq!(
        get("up").as_deref(),
        Some("0.750000"),
        "(80 − 50) / (90 − 50)"
    );
    assert_eq!(
        get("down").as_deref(),
        Some("0.750000"),
        "(25 − 40) / (20 − 40)"
    );
    assert_eq!(
        get("worse").as_deref(),
        Some("-0.250000"),
        "(45 − 40) / (20 − 40): moved away"
    );
}

fn first_error_path(text: &str) -> String {
    let doc = match read_document(text) {
        Ok(d) => d,
        Err(e) => return e.0[0].path.clone(),
    };
    match Model::from_document(doc) {
        Ok(_) => panic!("the document should have been refused"),
        Err(e) => e.0[0].path.clone(),
    }
}

#[test]
fn bad_follow_up_data_names_the_path() {
    let base = doc("redeployed", "");
    let cases = [
        (
            base.replace(r#""t1": { "time""#, r#""nope": { "time""#),
            "follow_ups[0].lines.nope",
        ),
        (
            base.replace(
                r#""inputs": { "users": 120 }"#,
                r#""inputs": { "usrs": 120 }"#,
            ),
            "follow_ups[0].inputs.usrs",
        ),
        (
            base.replace(r#""year": 1,"#, r#""year": 9,"#),
            "follow_ups[0].year",
        ),
        (
            base.replace(r#""baseline": 50, "target": 90"#, r#""target": 90"#),
            "follow_ups[0].effect_goals.up",
        ),
    ];
    for (text, path) in cases {
        assert_ne!(text, base, "the case for {path} must change the document");
        assert_eq!(first_error_path(&text), path);
    }
}

#[test]
fn calibration_over_several_follow_ups() {
    // A second initiative: a reallocation benefit expected at 10 000 kr/yr realised at 5 000.
    let other = r#"{
      "nytta": 1,
      "initiative": { "title": "Annat", "department": "Arbete och välfärd" },
      "valuation": {
        "parameters": { "start_year": 2024, "years": 3, "discount_rate": 0.03 },
        "lines": [ { "id": "r1", "side": "benefit", "name": "Tid", "category": "reallocation",
                     "stakeholder": "staff", "amount": 10000, "timing": { "yearly": { "from": 1 } } } ]
      },
      "follow_ups": [ { "date": "2026-01-10", "year": 2, "lines": { "r1": { "amount": 5000 } },
                        "lessons": ["Mät tidsåtgången före införandet"] } ]
    }"#;
    let (m1, e1) = eval(&doc("redeployed", ""));
    let (m2, e2) = eval(other);
    let table = calibrate(&[(&m1, &e1), (&m2, &e2)]);
    let realloc = table.benefit_rate(Category::Reallocation).unwrap();
    // (30 000 + 5 000) / (15 000 + 10 000) = 1.4 over two lines in two initiatives.
    assert_eq!((realloc.lines, realloc.initiatives), (2, 2));
    assert_eq!(ratio(realloc.rate).as_deref(), Some("1.400000"));
    let fin = table.benefit_rate(Category::Financial).unwrap();
    assert_eq!(ratio(fin.rate).as_deref(), Some("1.200000"));
    let cost = table
        .by_category
        .iter()
        .find(|r| r.side == Side::Cost && r.category == Some(Category::Financial))
        .unwrap();
    assert_eq!(
        (cost.lines, ratio(cost.rate).as_deref()),
        (2, Some("1.011905")),
        "c1 in its year 0 and c2 in year 1: (40 000 + 2 500) / (40 000 + 2 000)"
    );
    let staff = table
        .by_stakeholder
        .iter()
        .find(|r| r.stakeholder.is_some() && r.side == Side::Benefit && r.lines == 2);
    assert!(staff.is_some(), "both reallocation lines are the staff's");

    let all: Vec<_> = lessons(&m1).into_iter().chain(lessons(&m2)).collect();
    let q = |text: &str, dept: Option<&str>| LessonQuery {
        text: text.into(),
        department: dept.map(str::to_string),
        ..LessonQuery::default()
    };
    assert_eq!(
        all.iter()
            .filter(|l| matches(l, &q("utbilda", None)))
            .count(),
        1
    );
    assert_eq!(
        all.iter()
            .filter(|l| matches(l, &q("", Some("arbete och välfärd"))))
            .count(),
        1
    );
    assert_eq!(all.iter().filter(|l| matches(l, &q("", None))).count(), 2);
}

#[test]
fn a_one_off_cost_seen_by_two_follow_ups_counts_once_in_the_calibration() {
    let second =
        r#", { "date": "2026-06-01", "year": 2, "lines": { "c2": { "amount": "3000" } } }"#;
    let text = doc("redeployed", "").replacen("\n  ]\n}", &format!("{second}\n  ]\n}}"), 1);
    let (m, e) = eval(&text);
    assert_eq!(e.follow_ups.len(), 2);
    let table = calibrate(&[(&m, &e)]);
    let cost = table
        .by_category
        .iter()
        .find(|r| r.side == Side::Cost && r.category == Some(Category::Financial))
        .unwrap();
    // c1 once (40 000 / 40 000), c2 in year 1 (2 500 / 2 000) and year 2 (3 000 / 2 000):
    // 45 500 / 44 000 = 1.034091 over three line-years.
    assert_eq!(cost.lines, 3);
    assert_eq!(ratio(cost.rate).as_deref(), Some("1.034091"));
}
