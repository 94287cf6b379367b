//! Every chart of every sample is well-formed SVG with Swedish (or English) labels and a
//! decodable PNG of the promised size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{sample, SAMPLES};
use nytta_core::Lang;
use nytta_report::charts::{png, svg, Chart};

fn charts_of(ev: &nytta_core::Evaluation) -> Vec<Chart> {
    let mut all = vec![
        Chart::CashFlow,
        Chart::PerYear,
        Chart::ByCategory,
        Chart::ByStakeholder,
        Chart::Tornado,
    ];
    all.extend((0..ev.follow_ups.len()).map(Chart::FollowUp));
    all
}

fn svg_text(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_chart_is_valid_svg_and_png() {
    for name in SAMPLES {
        let (model, ev) = sample(name, Lang::Sv);
        for chart in charts_of(&ev) {
            let text = svg_text(&svg(chart, &model, &ev, Lang::Sv).unwrap());
            assert!(
                !text.trim().is_empty(),
                "{name} {chart:?}: the SVG has labels"
            );
            let bytes = png(chart, &model, &ev, Lang::Sv, 1.0).unwrap();
            let img = image::load_from_memory(&bytes).expect("a decodable PNG");
            assert_eq!(img.width(), 800, "{name} {chart:?}");
            assert!(img.height() >= 150, "{name} {chart:?}");
        }
    }
}

#[test]
fn cash_flow_labels_and_payback_marks() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let text = svg_text(&svg(Chart::CashFlow, &model, &ev, Lang::Sv).unwrap());
    // Both views are named, the y axis is in millions (the cumulative net reaches 3.2 mnkr),
    // both paybacks are marked (1.07 and 5.7 years) and the x axis shows calendar years.
    for want in [
        "Samhällsekonomisk vy",
        "Budgetvy",
        "(mnkr)",
        "återbetald 1,1 år",
        "återbetald 5,7 år",
        "2021",
        "2027",
        "3,0",
    ] {
        assert!(text.contains(want), "cash-flow SVG lacks {want:?}: {text}");
    }
    let en = svg_text(&svg(Chart::CashFlow, &model, &ev, Lang::En).unwrap());
    assert!(
        en.contains("Economic view") && en.contains("paid back 1.1 years"),
        "{en}"
    );
}

#[test]
fn tornado_names_inputs_and_follow_up_names_lines() {
    let (model, ev) = sample("lakemedelsrobotar.nytta.json", Lang::Sv);
    let text = svg_text(&svg(Chart::Tornado, &model, &ev, Lang::Sv).unwrap());
    for want in ["Antal läkemedelsrobotar", "Lågt värde", "Högt värde"] {
        assert!(text.contains(want), "tornado lacks {want:?}");
    }
    let text = svg_text(&svg(Chart::FollowUp(0), &model, &ev, Lang::Sv).unwrap());
    for want in [
        "Förväntat",
        "Utfall",
        "Minskade bilkostnader",
        "Inköp av robotar (kostnad)",
    ] {
        assert!(text.contains(want), "follow-up chart lacks {want:?}");
    }
    assert!(
        svg(Chart::FollowUp(3), &model, &ev, Lang::Sv).is_err(),
        "no fourth follow-up"
    );
}

#[test]
fn svg_names_the_embedded_font_with_a_fallback() {
    let (model, ev) = sample("digitala-medicinskap.nytta.json", Lang::Sv);
    let s = svg(Chart::PerYear, &model, &ev, Lang::Sv).unwrap();
    assert!(s.contains("DejaVu Sans, sans-serif"));
}

#[test]
fn follow_up_chart_of_many_lines_was_unbounded() {
    // 60 benefit lines of 1 000, 2 000, … 60 000 kr a year: the chart keeps the 20
    // largest (Rad 41 … Rad 60) and leaves the smaller ones to the PDF's table.
    let lines: Vec<String> = (1..=60)
        .map(|i| {
            format!(
                r#"{{"id":"l{i}","side":"benefit","name":"Rad {i}","category":"financial","amount":{},"timing":{{"yearly":{{"from":1}}}}}}"#,
                i * 1000
            )
        })
        .collect();
    let text = format!(
        r#"{{"nytta":1,"initiative":{{"title":"Många rader"}},"valuation":{{"parameters":{{"start_year":2025,"years":3,"discount_rate":0.03}},"lines":[{}]}},"follow_ups":[{{"date":"2026-06-01","year":1}}]}}"#,
        lines.join(",")
    );
    let model =
        nytta_core::Model::from_document(nytta_core::read::read_document(&text).unwrap()).unwrap();
    let ev = nytta_core::evaluate(&model, Lang::Sv).unwrap();
    let chart = svg(Chart::FollowUp(0), &model, &ev, Lang::Sv).unwrap();
    let doc = roxmltree::Document::parse(&chart).unwrap();
    // A set: each label is written twice in the SVG (text and its accessible title).
    let names: std::collections::BTreeSet<&str> = doc
        .descendants()
        .filter_map(|n| n.text())
        .map(str::trim)
        .filter(|t| t.starts_with("Rad "))
        .collect();
    assert_eq!(
        names.len(),
        nytta_report::charts::MAX_FOLLOW_UP_BARS,
        "{names:?}"
    );
    assert!(names.contains(&"Rad 60") && names.contains(&"Rad 41"));
    assert!(!names.contains(&"Rad 40") && !names.contains(&"Rad 1"));
}

#[test]
fn the_simulation_charts_are_drawn_from_the_simulation_with_their_labels() {
    use nytta_core::simulation;
    use nytta_report::charts::{simulation_svg, Spread};
    let (model, ev) = sample(SAMPLES[0], Lang::Sv);
    let sim = simulation::simulate(&model, 2_000, 7).unwrap();
    for (lang, histogram, curve, axis) in [
        (
            Lang::Sv,
            "Samhällsekonomiskt nuvärde i simuleringen (mnkr)",
            "S-kurva: andel av utfallen under varje nuvärde (mnkr)",
            "Andel av utfallen (%)",
        ),
        (
            Lang::En,
            "Economic NPV in the simulation (SEK million)",
            "S-curve: share of outcomes below each NPV (SEK million)",
            "Share of outcomes (%)",
        ),
    ] {
        let h = svg_text(&simulation_svg(Spread::Histogram, &sim, lang).unwrap());
        assert!(h.contains(histogram) && h.contains(axis), "{h}");
        let c = svg_text(&simulation_svg(Spread::SCurve, &sim, lang).unwrap());
        assert!(c.contains(curve) && c.contains(axis), "{c}");
    }
    // One bar per histogram bin (filled and outlined: two rectangles each) beside the
    // legend's swatch and the background.
    let h = simulation_svg(Spread::Histogram, &sim, Lang::Sv).unwrap();
    let rects = h.matches("<rect").count();
    assert!(
        rects >= 2 * simulation::HISTOGRAM_BINS,
        "{rects} rectangles"
    );
    // The PDF's charts are the same, from the document's own draws and seed.
    for kind in [Spread::Histogram, Spread::SCurve] {
        let (w, hgt) = image::load_from_memory(
            &png(Chart::Simulation(kind), &model, &ev, Lang::Sv, 1.0).unwrap(),
        )
        .map(|i| (i.width(), i.height()))
        .unwrap();
        assert_eq!((w, hgt), (800, 400));
    }
}
