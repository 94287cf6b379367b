//! Shared by the workbook tests: the samples, generated documents, evaluation, and the
//! comparison of a workbook's figures with Nytta's.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use nytta_core::case::{Figures, YearFlows};
use nytta_core::{evaluate, read::read_document, Evaluation, Lang, Model};
use nytta_xlsx::cells;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The four samples by file name.
pub const SAMPLES: [(&str, &str); 4] = [
    (
        "lakemedelsrobotar",
        include_str!("../../../../samples/lakemedelsrobotar.nytta.json"),
    ),
    (
        "digital-signering",
        include_str!("../../../../samples/digital-signering.nytta.json"),
    ),
    (
        "digitala-examinationer",
        include_str!("../../../../samples/digitala-examinationer.nytta.json"),
    ),
    (
        "digitala-medicinskap",
        include_str!("../../../../samples/digitala-medicinskap.nytta.json"),
    ),
];

/// The checked model and Nytta's own evaluation of a document's text.
pub fn evaluated(text: &str) -> (Model, Evaluation) {
    let model = Model::from_document(read_document(text).unwrap()).unwrap();
    let ev = evaluate(&model, Lang::Sv).unwrap();
    (model, ev)
}

/// A small seeded generator (xorshift), so the generated documents are the same each run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Document `k` of the generated set: roles by hourly cost or monthly salary, plain and
/// derived inputs with ranges, amount lines with min/max and parentheses, time lines,
/// one-off and yearly timings, ramps, confidence, optimism bias, quality lines, and text
/// that starts with characters a spreadsheet would read as a formula.
pub fn generated(k: u64) -> String {
    let mut r = Rng::new(k + 1);
    let years = 1 + r.below(12);
    let rate = format!("0.{:03}", r.below(120));
    let bias = if r.chance(40) {
        format!(", \"optimism_bias\": \"0.{}\"", r.below(30))
    } else {
        String::new()
    };
    let roles = [
        r#"{ "id": "usk", "name": "Undersköterska", "hourly_cost": 359 }"#.to_string(),
        format!(
            r#"{{ "id": "ssk", "name": "=Sjuksköterska", "monthly_salary": {} }}"#,
            30000 + r.below(20000)
        ),
    ];
    let mut inputs = vec![
        format!(
            r#"{{ "id": "users", "name": "+Antal brukare", "unit": "st", "value": {v}, "low": {l}, "high": {h}, "source": "@källa" }}"#,
            v = 100 + r.below(900),
            l = 50,
            h = 2000
        ),
        format!(
            r#"{{ "id": "share", "name": "Andel", "value": "0.{}" }}"#,
            1 + r.below(9)
        ),
        format!(
            r#"{{ "id": "q1", "name": "-Kvartal 1", "value": "{}.{}" }}"#,
            r.below(50),
            r.below(100)
        ),
        r#"{ "id": "reached", "name": "Nådda", "value": "users * share" }"#.to_string(),
    ];
    if r.chance(50) {
        inputs.push(format!(
            r#"{{ "id": "price", "name": "Pris", "unit": "kr", "value": {} }}"#,
            100 + r.below(5000)
        ));
    } else {
        inputs.push(
            r#"{ "id": "price", "name": "Pris", "unit": "kr", "value": "max(q1 * 10, 250)" }"#
                .to_string(),
        );
    }
    let mut lines = Vec::new();
    let nl = 2 + r.below(6);
    for i in 0..nl {
        let side = if i == 0 || r.chance(35) {
            "cost"
        } else {
            "benefit"
        };
        let category = if r.chance(60) {
            "financial"
        } else {
            "reallocation"
        };
        let form = match r.below(6) {
            5 => r#""amount": "users * 0.5 * role.usk - (q1 - 1)""#.to_string(),
            0 => format!(r#""amount": "{}""#, 1000 + r.below(2_000_000)),
            1 => r#""amount": "reached * price * 0.9""#.to_string(),
            2 => r#""amount": "min(users * 12.5, 9000) + (price - q1) / 2""#.to_string(),
            3 => format!(
                r#""time": {{ "minutes": "{}", "occurrences": "reached * 52", "role": "usk" }}"#,
                1 + r.below(30)
            ),
            _ => r#""time": { "minutes": "q1 + 3", "occurrences": "users * 4", "role": "ssk" }"#
                .to_string(),
        };
        let timing = if side == "cost" && r.chance(50) {
            format!(r#"{{ "once": {} }}"#, r.below(years.min(2) + 1))
        } else if r.chance(40) {
            let from = r.below(years + 1);
            let to = from + r.below(years + 1 - from);
            format!(r#"{{ "yearly": {{ "from": {from}, "to": {to} }} }}"#)
        } else {
            format!(r#"{{ "yearly": {{ "from": {} }} }}"#, r.below(2))
        };
        let ramp = if r.chance(40) {
            r#", "ramp": [0.25, "0.5", 0.8, 1]"#
        } else if r.chance(20) {
            r#", "ramp": [0.5]"#
        } else {
            ""
        };
        let conf = if side == "benefit" && r.chance(60) {
            format!(r#", "confidence": "0.{}""#, 5 + r.below(5))
        } else {
            String::new()
        };
        lines.push(format!(
            r#"{{ "id": "l{i}", "side": "{side}", "name": "=SUM(A1) rad {i}", "category": "{category}", "stakeholder": "organisation", {form}, "timing": {timing}{ramp}{conf} }}"#
        ));
    }
    lines.push(r#"{ "id": "q", "side": "benefit", "name": "Kvalitet", "category": "quality", "description": "@bättre" }"#.to_string());
    format!(
        r#"{{ "nytta": 1, "initiative": {{ "title": "Genererad {k}", "department": "Omsorg" }},
  "valuation": {{ "parameters": {{ "start_year": 2024, "years": {years}, "discount_rate": "{rate}"{bias} }},
    "roles": [{roles}], "inputs": [{inputs}], "lines": [{lines}] }} }}"#,
        roles = roles.join(","),
        inputs = inputs.join(","),
        lines = lines.join(","),
    )
}

fn d(v: Decimal) -> f64 {
    v.to_f64().unwrap()
}

/// Compares one cell of a workbook with Nytta's figure.
fn check(
    what: &str,
    cell: Option<&Data>,
    nytta: Option<Decimal>,
    tolerance: f64,
    errors: &mut Vec<String>,
) {
    let got = match cell {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        Some(Data::String(s)) if s == nytta_xlsx::NONE => None,
        other => {
            errors.push(format!(
                "{what}: LibreOffice shows {other:?}, Nytta {nytta:?}"
            ));
            return;
        }
    };
    match (got, nytta) {
        (None, None) => {}
        (Some(g), Some(n)) if (g - d(n)).abs() < tolerance => {}
        _ => errors.push(format!("{what}: LibreOffice {got:?}, Nytta {nytta:?}")),
    }
}

const ORE: f64 = 0.005;
const FINE: f64 = 1e-6;

/// Every key figure of both views and every year-table cell of a workbook file (as
/// LibreOffice computed it, or as cached) against Nytta.
pub fn compare(name: &str, path: &Path, ev: &Evaluation) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    compare_bytes(name, &bytes, ev)
}

/// [`compare`] on a workbook in memory.
pub fn compare_bytes(name: &str, bytes: &[u8], ev: &Evaluation) -> Vec<String> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let figures = book.worksheet_range(nytta_xlsx::FIGURES).unwrap();
    let years = book.worksheet_range(nytta_xlsx::YEARS).unwrap();
    let mut errors = Vec::new();
    for (col, view, f) in [
        (cells::ECONOMIC, "economic", &ev.economic),
        (cells::BUDGET, "budget", &ev.budget),
    ] {
        let Figures {
            npv,
            pv_benefits,
            pv_costs,
            roi,
            benefit_cost_ratio,
            payback_years,
            discounted_payback_years,
            irr,
            mirr,
            total_benefits,
            total_costs,
            switching_benefits,
            switching_costs,
            ..
        } = f.clone();
        for (row, what, v, tol) in [
            (cells::NPV, "npv", Some(npv), ORE),
            (cells::PV_BENEFITS, "pv_benefits", Some(pv_benefits), ORE),
            (cells::PV_COSTS, "pv_costs", Some(pv_costs), ORE),
            (cells::ROI, "roi", roi, FINE),
            (
                cells::BENEFIT_COST_RATIO,
                "benefit_cost_ratio",
                benefit_cost_ratio,
                FINE,
            ),
            (cells::PAYBACK, "payback_years", payback_years, FINE),
            (
                cells::DISCOUNTED_PAYBACK,
                "discounted_payback_years",
                discounted_payback_years,
                FINE,
            ),
            (cells::IRR, "irr", irr, FINE),
            (cells::MIRR, "mirr", mirr, FINE),
            (
                cells::TOTAL_BENEFITS,
                "total_benefits",
                Some(total_benefits),
                ORE,
            ),
            (cells::TOTAL_COSTS, "total_costs", Some(total_costs), ORE),
            (
                cells::SWITCHING_BENEFITS,
                "switching_benefits",
                switching_benefits,
                FINE,
            ),
            (
                cells::SWITCHING_COSTS,
                "switching_costs",
                switching_costs,
                FINE,
            ),
        ] {
            let cell = figures.get_value((row, col));
            check(&format!("{name} {view}.{what}"), cell, v, tol, &mut errors);
        }
    }
    for (t, y) in ev.years.iter().enumerate() {
        let row = cells::YEAR0_ROW + t as u32;
        for (base, view, f) in [
            (cells::YEAR_ECONOMIC, "economic", &y.economic),
            (cells::YEAR_BUDGET, "budget", &y.budget),
        ] {
            let YearFlows {
                benefits,
                costs,
                net,
                cumulative,
                discounted_net,
            } = f.clone();
            for (k, what, v) in [
                (0, "benefits", benefits),
                (1, "costs", costs),
                (2, "net", net),
                (3, "cumulative", cumulative),
                (4, "discounted_net", discounted_net),
            ] {
                let cell = years.get_value((row, base + k));
                check(
                    &format!("{name} year {t} {view}.{what}"),
                    cell,
                    Some(v),
                    ORE,
                    &mut errors,
                );
            }
        }
    }
    errors
}
