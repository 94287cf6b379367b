//! Every chart of every sample is well-formed SVG with Swedish (or English) labels and a
//! decodable PNG of the promised size.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{sample, SAMPLES};
use nytta_core::Lang;
use nytta_report::charts::{alt, png, simulation_svg, svg, Chart, Spread};

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
        en.contains("Socio-economic view") && en.contains("paid back 1.1 years"),
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
            "Socio-economic NPV in the simulation (SEK million)",
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

/// The PDF's text width in points (A4 less 56 pt margins), across which a chart's 800 px
/// are printed.
const PRINT_WIDTH: f64 = 595.2756 - 2.0 * 56.0;

/// Every text of `svg` at least 8 pt when its width spans the PDF's text width.
fn at_least_8_pt(what: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let mut texts = 0;
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let px: f64 = node
            .ancestors()
            .find_map(|n| n.attribute("font-size"))
            .expect("a font size")
            .parse()
            .unwrap();
        let pt = px * PRINT_WIDTH / width;
        assert!(
            pt >= 8.0,
            "{what}: {:?} is {pt:.1} pt in print",
            node.text()
        );
        texts += 1;
    }
    assert!(texts > 0, "{what}: no text");
}

/// The lowest y of a text named `name` (its baseline less its size), and the topmost y of
/// the plotted series: their markers, bars and lines in the series' colours.
fn legend_and_series(svg: &str, names: &[String]) -> (f64, f64) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let num = |n: &roxmltree::Node, a: &str| -> f64 {
        n.attribute(a)
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let mut legend_bottom = f64::NEG_INFINITY;
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let label = node.text().unwrap_or_default().trim().to_string();
        if names.contains(&label) {
            let y = num(&node, "y");
            let size = num(&node, "font-size");
            legend_bottom = legend_bottom.max(y + size / 2.0);
        }
    }
    // The series' colours (Okabe–Ito blue, vermilion and orange).
    let series = ["#0072B2", "#D55E00", "#E69F00"];
    let coloured = |n: &roxmltree::Node| {
        ["fill", "stroke"].iter().any(|a| {
            n.attribute(*a)
                .is_some_and(|c| series.iter().any(|s| c.eq_ignore_ascii_case(s)))
        })
    };
    let mut top = f64::INFINITY;
    // The legend's own swatches lie within its row; shapes below it are the series.
    for node in doc.descendants().filter(coloured) {
        let ys: Vec<f64> = match node.tag_name().name() {
            "circle" => vec![num(&node, "cy")],
            "rect" => vec![num(&node, "y")],
            "polyline" | "polygon" => node
                .attribute("points")
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|p| p.split(',').nth(1)?.parse().ok())
                .collect(),
            _ => vec![],
        };
        for y in ys.into_iter().filter(|y| *y > legend_bottom) {
            top = top.min(y);
        }
    }
    (legend_bottom, top)
}

#[test]
fn every_chart_prints_its_text_at_8_pt_and_keeps_its_legend_off_the_plot() {
    for lang in [Lang::Sv, Lang::En] {
        for name in SAMPLES {
            let (model, ev) = sample(name, lang);
            for chart in charts_of(&ev) {
                let what = format!("{name} {chart:?} ({lang:?})");
                let s = svg(chart, &model, &ev, lang).unwrap();
                at_least_8_pt(&what, &s);
                let names: Vec<String> = match (chart, lang) {
                    (Chart::CashFlow, Lang::Sv) => vec!["Samhällsekonomisk vy", "Budgetvy"],
                    (Chart::CashFlow, Lang::En) => vec!["Socio-economic view", "Budget view"],
                    (Chart::Tornado, Lang::Sv) => vec!["Lågt värde", "Högt värde"],
                    (Chart::Tornado, Lang::En) => vec!["Low value", "High value"],
                    (Chart::FollowUp(_), Lang::Sv) => vec!["Förväntat", "Utfall"],
                    (Chart::FollowUp(_), Lang::En) => vec!["Expected", "Realised"],
                    (Chart::PerYear, Lang::Sv) => vec!["Nyttor", "Kostnader"],
                    (Chart::PerYear, Lang::En) => vec!["Benefits", "Costs"],
                    (_, Lang::Sv) => vec!["Nyttor"],
                    (_, Lang::En) => vec!["Benefits"],
                }
                .into_iter()
                .map(String::from)
                .collect();
                let (legend, series) = legend_and_series(&s, &names);
                assert!(legend.is_finite(), "{what}: no legend");
                assert!(
                    series.is_finite() && legend < series,
                    "{what}: the legend reaches {legend} px, the series {series} px"
                );
            }
        }
        // The simulation's histogram and S-curve, as the app shows them and the business
        // case prints them when the document asks for the simulation.
        let (model, _) = sample(SAMPLES[0], lang);
        let sim = nytta_core::simulation::simulate(&model, 2_000, 7).unwrap();
        let economic = match lang {
            Lang::Sv => "Samhällsekonomisk vy",
            Lang::En => "Socio-economic view",
        };
        for kind in [Spread::Histogram, Spread::SCurve] {
            let what = format!("{kind:?} ({lang:?})");
            let s = simulation_svg(kind, &sim, lang).unwrap();
            at_least_8_pt(&what, &s);
            let (legend, series) = legend_and_series(&s, &[economic.to_string()]);
            assert!(
                legend.is_finite() && series.is_finite() && legend < series,
                "{what}: the legend reaches {legend} px, the series {series} px"
            );
        }
    }
}

#[test]
fn the_tornado_says_how_many_inputs_it_leaves_out() {
    // Digitala examinationer has 16 inputs with a range; the tornado shows 12. The first
    // left out, the share of exams where a resit is avoided (0.02–0.08), moves the benefit
    // 2 000 exams × 0.06 × 90 min / 60 × 101 kr/h × 60 % confidence = 10 908 kr a year
    // (half in year 1): 5 454 / 1.03 + 10 908 × (1.03^−2 + … + 1.03^−6) = 53 795.58 kr.
    let (model, ev) = sample("digitala-examinationer.nytta.json", Lang::Sv);
    let ranged = model
        .doc
        .valuation
        .inputs
        .iter()
        .filter(|i| i.low.is_some() && i.high.is_some())
        .count();
    assert_eq!(ranged, 16);
    let sv = "4 faktorer till visas inte; var och en ändrar nuvärdet med högst 53 796 kr mellan sitt låga och höga värde.";
    let text =
        svg_text(&svg(Chart::Tornado, &model, &ev, Lang::Sv).unwrap()).replace('\u{a0}', " ");
    assert!(text.contains(sv), "{text}");
    assert!(alt(Chart::Tornado, &model, &ev, Lang::Sv)
        .unwrap()
        .replace('\u{a0}', " ")
        .contains(sv));
    let (model, ev) = sample("digitala-examinationer.nytta.json", Lang::En);
    let en = "4 more inputs are not shown; each moves the NPV by at most SEK 53,796 between its low and high value.";
    let text =
        svg_text(&svg(Chart::Tornado, &model, &ev, Lang::En).unwrap()).replace('\u{a0}', " ");
    assert!(text.contains(en), "{text}");
    // The medication robots (14 inputs with a range) with the ranges of all but the first
    // 13, then 12, kept: one input left out, then none and no line about it.
    for (kept, want) in [(13, Some("1 faktor till visas inte;")), (12, None)] {
        let text =
            std::fs::read_to_string(common::root().join("samples/lakemedelsrobotar.nytta.json"))
                .unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut ranged = 0;
        for input in doc["valuation"]["inputs"].as_array_mut().unwrap() {
            if input.get("low").is_some() && input.get("high").is_some() {
                ranged += 1;
                if ranged > kept {
                    let input = input.as_object_mut().unwrap();
                    input.remove("low");
                    input.remove("high");
                }
            }
        }
        assert_eq!(ranged, 14);
        let (model, ev) = common::evaluate(&doc.to_string(), Lang::Sv);
        assert_eq!(ev.sensitivity.tornado.len(), kept);
        let text = svg_text(&svg(Chart::Tornado, &model, &ev, Lang::Sv).unwrap());
        match want {
            Some(want) => assert!(text.contains(want), "{kept}: {text}"),
            None => assert!(!text.contains("visas inte"), "{kept}: {text}"),
        }
    }
}

/// One time benefit and no costs: the chart marked "återbetald 0,0 år" beside the key figure
/// "kan inte beräknas: inga kostnader". Nothing is spent, so no payback is marked.
#[test]
fn a_valuation_without_costs_marks_no_payback() {
    let doc = serde_json::json!({
        "nytta": 1,
        "initiative": { "title": "Ny idé" },
        "valuation": {
            "parameters": { "start_year": 2025, "years": 3, "discount_rate": 0.03 },
            "lines": [ { "id": "b", "side": "benefit", "name": "Engångsnytta",
                         "category": "financial", "amount": 1000, "timing": { "once": 0 } } ]
        }
    });
    for (lang, label) in [(Lang::Sv, "återbetald"), (Lang::En, "paid back")] {
        let (model, ev) = common::evaluate(&doc.to_string(), lang);
        let text = svg_text(&svg(Chart::CashFlow, &model, &ev, lang).unwrap());
        assert!(!text.contains(label), "{lang:?}: {text}");
    }
}

#[test]
fn the_payback_labels_lie_on_a_white_ground_above_the_curves() {
    for (lang, label) in [(Lang::Sv, "återbetald"), (Lang::En, "paid back")] {
        let (model, ev) = sample("lakemedelsrobotar.nytta.json", lang);
        let s = svg(Chart::CashFlow, &model, &ev, lang).unwrap();
        let doc = roxmltree::Document::parse(&s).unwrap();
        let nodes: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
        let labels: Vec<usize> = nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.has_tag_name("text") && n.text().unwrap_or_default().contains(label))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(labels.len(), 2, "{lang:?}: both views pay back");
        let last_curve = nodes
            .iter()
            .rposition(|n| {
                n.has_tag_name("polyline")
                    && ["#0072B2", "#D55E00"].contains(&n.attribute("stroke").unwrap_or_default())
            })
            .unwrap();
        for at in labels {
            assert!(at > last_curve, "{lang:?}: a curve is drawn over a label");
            assert!(
                nodes[..at]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#FFFFFF")),
                "{lang:?}: the label has no white ground"
            );
        }
    }
}
