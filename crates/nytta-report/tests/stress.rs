//! A stress document — very long texts, an unbreakable 300-character word, 80 lines and 25
//! inputs — must keep every word inside the text column of its A4 page: nothing clipped,
//! nothing overflowing. Checked on `pdftotext -bbox` coordinates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{evaluate, pages_of, poppler, save, scratch};
use nytta_core::Lang;
use nytta_report::{business_case_pdf, follow_up_pdf, ReportOptions};
use serde_json::json;

fn long(seed: &str, words: usize) -> String {
    let base = [
        "nyttovärdering",
        "kommunen",
        "förvaltningen",
        "årsarbetare",
        "återbetalningstid",
        "beslutsunderlag",
        "omsorgstagare",
        "å",
        "ö",
        "digitalisering",
    ];
    let mut out = String::from(seed);
    for i in 0..words {
        out.push(' ');
        out.push_str(base[i % base.len()]);
    }
    out
}

fn stress_document() -> String {
    let unbreakable = format!("https://example.org/{}", "a".repeat(300));
    let inputs: Vec<_> = (0..25)
        .map(|i| {
            json!({"id": format!("i{i}"), "name": long(&format!("Faktor {i}"), 12), "unit": "st/år",
                   "value": 1000 + i, "low": 500, "high": 2000 + i * 1000,
                   "source": format!("{} {unbreakable}", long("Källa", 60))})
        })
        .collect();
    let cats = ["financial", "reallocation", "quality", "environment"];
    let stakes = ["user", "staff", "organisation", "society"];
    let lines: Vec<_> = (0..80)
        .map(|i| {
            let side = if i < 60 { "benefit" } else { "cost" };
            let cat = if side == "cost" { cats[i % 2] } else { cats[i % 4] };
            let mut l = json!({"id": format!("l{i}"), "side": side, "name": long(&format!("Rad {i}"), 8),
                               "description": long("Beskrivning", 40), "category": cat, "stakeholder": stakes[i % 4]});
            if cat == "financial" || cat == "reallocation" {
                l["amount"] = json!(format!("i{} * {}", i % 25, 10 + i));
                l["timing"] = if i % 3 == 0 { json!({"once": 0}) } else { json!({"yearly": {"from": 1}}) };
            }
            l
        })
        .collect();
    let risks: Vec<_> = (0..15)
        .map(|i| json!({"kind": if i % 2 == 0 { "risk" } else { "obstacle" }, "text": long("Risk", 50),
                        "likelihood": 1 + i % 5, "impact": 1 + (i + 2) % 5, "mitigation": long("Åtgärd", 80)}))
        .collect();
    let goals: Vec<_> = (0..10)
        .map(|i| json!({"id": format!("g{i}"), "indicator": long("Indikator", 20), "unit": "%", "direction": "increase",
                        "baseline": 10, "target": 90, "target_date": "2026-12-31", "method": long("Metod", 60)}))
        .collect();
    json!({
        "nytta": 1,
        "initiative": {
            "title": long("Ett initiativ med en mycket lång titel som inte får flyta ut över sidhuvudet", 30),
            "description": long("Beskrivning", 900),
            "department": "Omsorgsförvaltningen", "owner": "Verksamhetsutvecklare",
            "needs": {"problem": format!("{} {unbreakable}", long("Problem", 1500)), "goals": long("Mål", 400),
                      "target_groups": long("Målgrupper", 300), "alternatives": long("Alternativ", 600)}
        },
        "valuation": {
            "label": "Beslutsunderlag", "date": "2024-01-15",
            "parameters": {"start_year": 2024, "years": 25, "discount_rate": 0.03},
            "roles": [{"id": "usk", "name": long("Undersköterska", 10), "monthly_salary": 32000, "source": long("Källa", 50)}],
            "inputs": inputs, "lines": lines, "risks": risks, "effect_goals": goals
        },
        "follow_ups": [{"date": "2025-02-01", "year": 1, "evaluator": long("Utvärderare", 30), "method": long("Metod", 500),
                        "inputs": {"i0": 700}, "effect_goals": {"g0": 50},
                        "observations": long("Iakttagelser", 700), "lessons": [long("Lärdom", 300), unbreakable.clone()]}]
    })
    .to_string()
}

/// A word's box: page number (from 1), xMin, yMin, xMax, yMax and the word.
type WordBox = (usize, f64, f64, f64, f64, String);

/// Page sizes and every word box of every page.
fn boxes(path: &str) -> (Vec<(f64, f64)>, Vec<WordBox>) {
    let html = poppler("pdftotext", &["-bbox", path, "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).expect("attribute") + key.len();
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height")));
        } else if line.starts_with("<word ") {
            let text = line
                .split('>')
                .nth(1)
                .unwrap_or_default()
                .trim_end_matches("</word")
                .to_string();
            words.push((
                pages.len(),
                attr(line, "xMin"),
                attr(line, "yMin"),
                attr(line, "xMax"),
                attr(line, "yMax"),
                text,
            ));
        }
    }
    (pages, words)
}

fn assert_inside(path: &str, what: &str) {
    let (pages, words) = boxes(path);
    assert!(!words.is_empty(), "{what}: no words found");
    for (page, x0, y0, x1, y1, word) in words {
        let (w, h) = pages[page - 1];
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{what}: page {page} is A4, not {w}×{h}"
        );
        // The text column is 56 pt from either edge; allow a point for glyph overhang.
        assert!(
            x0 >= 55.0 && x1 <= w - 55.0 && y0 >= 0.0 && y1 <= h,
            "{what}: page {page}: {word:?} at x {x0:.1}–{x1:.1}, y {y0:.1}–{y1:.1} leaves the text column"
        );
    }
}

#[test]
fn the_stress_document_stays_inside_its_pages() {
    let (model, ev) = evaluate(&stress_document(), Lang::Sv);
    assert_eq!(model.lines.len(), 80);
    assert_eq!(model.inputs.len(), 25);
    let dir = scratch("stress");
    for lang in [Lang::Sv, Lang::En] {
        let opts = ReportOptions::new(lang, "2024-05-02");
        let case = save(
            &dir,
            &format!("case-{lang}.pdf"),
            &business_case_pdf(&model, &ev, &opts).unwrap(),
        );
        assert_inside(&case, "business case");
        let pages = pages_of(&case);
        assert!((15..=90).contains(&pages), "business case: {pages} pages");
        let fu = save(
            &dir,
            &format!("fu-{lang}.pdf"),
            &follow_up_pdf(&model, &ev, 0, &opts).unwrap(),
        );
        assert_inside(&fu, "follow-up");
    }
}
