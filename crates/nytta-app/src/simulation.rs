//! The Monte Carlo simulation of an open document, for the desktop's Osäkerhet panel: run
//! with the document's draws and seed, reporting progress every 1 000 draws and stopping when
//! asked, and returned with everything the panel shows — the figures of both views as
//! decimal strings, the plain sentence, the drivers by name, and the histogram and S-curve
//! drawn in both languages — so the UI computes and words nothing itself.

use std::sync::atomic::{AtomicBool, Ordering};

use nytta_core::document::Distribution;
use nytta_core::format::{money_json, ratio_json};
use nytta_core::simulation::{self, SimulatedView};
use nytta_core::{DocError, DocErrors, Lang, Model};
use nytta_report::charts::{simulation_svg, Spread};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::report::report_error;

/// How far a run has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SimulationProgress {
    /// Draws done.
    pub done: u32,
    /// Draws in all.
    pub total: u32,
}

/// An input the simulation varied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SimulatedInput {
    /// Input id.
    pub input: String,
    /// Its name in the document.
    pub name: String,
    /// The distribution it was drawn from: `pert`, `triangular` or `uniform`.
    #[cfg_attr(feature = "ts", ts(type = "\"pert\" | \"triangular\" | \"uniform\""))]
    pub distribution: String,
    /// Spearman's rank correlation of its draws with the economic NPV (ratio string), `null`
    /// when the NPV does not vary.
    pub rank_correlation: Option<String>,
}

/// One bar of the NPV histogram (money strings and the number of draws in it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistogramBar {
    /// Lower edge (kr).
    pub from: String,
    /// Upper edge (kr).
    pub to: String,
    /// Draws in the bar.
    pub count: u32,
}

/// One point of the S-curve: the share of draws (ratio string) below the NPV (kr).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SCurvePoint {
    /// NPV (kr).
    pub npv: String,
    /// Share of the draws below it, 0–1.
    pub probability: String,
}

/// The simulated spread of one view, as decimal strings (money two decimals, ratios six).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SimulatedFigures {
    /// Mean NPV.
    pub npv_mean: String,
    /// P10 of NPV.
    pub npv_p10: String,
    /// P50 of NPV.
    pub npv_p50: String,
    /// P90 of NPV.
    pub npv_p90: String,
    /// Share of draws with NPV above zero, 0–1.
    pub probability_positive: String,
    /// The share as people read it: `87 %`, `under 1 %`, `över 99 %` (sv).
    pub positive_sv: String,
    /// The same in English: `87%`, `under 1%`, `over 99%`.
    pub positive_en: String,
    /// "Nuvärdet är positivt i 87 % av utfallen."
    pub sentence_sv: String,
    /// "The NPV is positive in 87% of outcomes."
    pub sentence_en: String,
    /// Payback P10 (years); `null` when it lies among draws that never pay back.
    pub payback_p10: Option<String>,
    /// Payback P50.
    pub payback_p50: Option<String>,
    /// Payback P90.
    pub payback_p90: Option<String>,
    /// Share of draws that do not pay back within the period, 0–1.
    pub never_pays_back: String,
    /// That share as people read it (sv).
    pub never_sv: String,
    /// That share as people read it (en).
    pub never_en: String,
    /// The NPV histogram's bars.
    pub histogram: Vec<HistogramBar>,
    /// The S-curve's points (0 %, 1 %, … 100 %).
    pub s_curve: Vec<SCurvePoint>,
}

/// The charts of a run, as SVG text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SimulationCharts {
    /// Histogram of the economic NPV, Swedish.
    pub histogram_sv: String,
    /// Histogram of the economic NPV, English.
    pub histogram_en: String,
    /// S-curve of both views, Swedish.
    pub s_curve_sv: String,
    /// S-curve of both views, English.
    pub s_curve_en: String,
}

/// A finished run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SimulationRun {
    /// Number of draws.
    pub draws: u32,
    /// The seed, as its digits (a seed may exceed what JavaScript holds exactly).
    pub seed: String,
    /// The varied inputs, strongest driver of the economic NPV first.
    pub inputs: Vec<SimulatedInput>,
    /// Every money line.
    pub economic: SimulatedFigures,
    /// Financial lines only.
    pub budget: SimulatedFigures,
    /// The histogram and the S-curve.
    pub charts: SimulationCharts,
}

fn figures(v: &SimulatedView) -> SimulatedFigures {
    let years = |y: Option<rust_decimal::Decimal>| y.map(ratio_json);
    SimulatedFigures {
        npv_mean: money_json(v.npv_mean),
        npv_p10: money_json(v.npv_p10),
        npv_p50: money_json(v.npv_p50),
        npv_p90: money_json(v.npv_p90),
        probability_positive: ratio_json(v.probability_positive),
        positive_sv: simulation::share(v.probability_positive, Lang::Sv),
        positive_en: simulation::share(v.probability_positive, Lang::En),
        sentence_sv: simulation::positive_sentence(v, Lang::Sv),
        sentence_en: simulation::positive_sentence(v, Lang::En),
        payback_p10: years(v.payback_p10),
        payback_p50: years(v.payback_p50),
        payback_p90: years(v.payback_p90),
        never_pays_back: ratio_json(v.never_pays_back),
        never_sv: simulation::share(v.never_pays_back, Lang::Sv),
        never_en: simulation::share(v.never_pays_back, Lang::En),
        histogram: v
            .histogram
            .iter()
            .map(|b| HistogramBar {
                from: money_json(b.from),
                to: money_json(b.to),
                count: b.count,
            })
            .collect(),
        s_curve: v
            .s_curve
            .iter()
            .map(|p| SCurvePoint {
                npv: money_json(p.npv),
                probability: ratio_json(p.probability),
            })
            .collect(),
    }
}

fn distribution(d: Distribution) -> &'static str {
    match d {
        Distribution::Pert => "pert",
        Distribution::Triangular => "triangular",
        Distribution::Uniform => "uniform",
    }
}

/// Runs the simulation of a checked document with its draws and seed, telling `progress`
/// after every 1 000 draws and at the end; stops, giving `None`, as soon as `cancel` is set.
pub fn run(
    model: &Model,
    cancel: &AtomicBool,
    mut progress: impl FnMut(SimulationProgress),
) -> Result<Option<SimulationRun>, AppError> {
    let (draws, seed) = simulation::plan(model);
    let one = |e: DocError| AppError::from(DocErrors(vec![e]));
    let observed = simulation::simulate_observed(model, draws, seed, |done| {
        progress(SimulationProgress { done, total: draws });
        !cancel.load(Ordering::Relaxed)
    })
    .map_err(one)?;
    let Some(sim) = observed else {
        return Ok(None);
    };
    let chart = |kind, lang| simulation_svg(kind, &sim, lang).map_err(report_error);
    let name_of = |id: &str| {
        model
            .doc
            .valuation
            .inputs
            .iter()
            .find(|x| x.id == id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    };
    let inputs = sim
        .economic
        .drivers
        .iter()
        .map(|d| SimulatedInput {
            input: d.input.clone(),
            name: name_of(&d.input),
            distribution: distribution(
                sim.inputs
                    .iter()
                    .find(|x| x.input == d.input)
                    .map_or(Distribution::Pert, |x| x.distribution),
            )
            .to_string(),
            rank_correlation: d.rank_correlation.map(ratio_json),
        })
        .collect();
    Ok(Some(SimulationRun {
        draws: sim.draws,
        seed: sim.seed.to_string(),
        inputs,
        economic: figures(&sim.economic),
        budget: figures(&sim.budget),
        charts: SimulationCharts {
            histogram_sv: chart(Spread::Histogram, Lang::Sv)?,
            histogram_en: chart(Spread::Histogram, Lang::En)?,
            s_curve_sv: chart(Spread::SCurve, Lang::Sv)?,
            s_curve_en: chart(Spread::SCurve, Lang::En)?,
        },
    }))
}

/// [`run`] on a document's text: read and checked first, problems named by path.
pub fn run_text(
    text: &str,
    cancel: &AtomicBool,
    progress: impl FnMut(SimulationProgress),
) -> Result<Option<SimulationRun>, AppError> {
    let model = crate::check_text(text)?;
    run(&model, cancel, progress)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde_json::{json, Value};

    fn robots(simulation: Value) -> String {
        let mut doc: Value = serde_json::from_str(include_str!(
            "../../../samples/lakemedelsrobotar.nytta.json"
        ))
        .unwrap();
        doc["valuation"]["simulation"] = simulation;
        doc.to_string()
    }

    #[test]
    fn a_run_reports_progress_per_thousand_draws_and_returns_what_the_panel_shows() {
        let text = robots(json!({ "draws": 2500, "seed": "18446744073709551615" }));
        let mut told = Vec::new();
        let run = run_text(&text, &AtomicBool::new(false), |p| {
            told.push((p.done, p.total))
        })
        .unwrap()
        .unwrap();
        assert_eq!(told, vec![(1000, 2500), (2000, 2500), (2500, 2500)]);
        assert_eq!(run.draws, 2500);
        assert_eq!(run.seed, "18446744073709551615");
        // The same figures as the engine's, written as the JSON writes them.
        let model = crate::check_text(&text).unwrap();
        let sim = simulation::simulate(&model, 2500, u64::MAX).unwrap();
        assert_eq!(run.economic.npv_p50, money_json(sim.economic.npv_p50));
        assert_eq!(run.budget.npv_mean, money_json(sim.budget.npv_mean));
        assert_eq!(
            run.economic.sentence_sv,
            format!(
                "Nuvärdet är positivt i {} av utfallen.",
                run.economic.positive_sv
            )
        );
        assert_eq!(run.economic.histogram.len(), simulation::HISTOGRAM_BINS);
        assert_eq!(
            run.economic.histogram.iter().map(|b| b.count).sum::<u32>(),
            2500
        );
        assert_eq!(run.economic.s_curve[50].npv, run.economic.npv_p50);
        assert_eq!(run.economic.s_curve[50].probability, "0.500000");
        // Strongest driver first, named as in the document.
        assert_eq!(run.inputs[0].input, sim.economic.drivers[0].input);
        assert_eq!(run.inputs[0].input, "visits_removed_per_day");
        assert_eq!(
            run.inputs[0].name,
            "Läkemedelsbesök som ersätts per robot och dag"
        );
        assert_eq!(run.inputs[0].distribution, "pert");
        assert!(run
            .charts
            .histogram_sv
            .contains("Samhällsekonomiskt nuvärde i simuleringen"));
        assert!(run.charts.s_curve_en.contains("S-curve"));
    }

    #[test]
    fn a_cancel_stops_the_run_at_the_next_thousand_draws() {
        let text = robots(json!({ "draws": 100000, "seed": 1 }));
        let cancel = AtomicBool::new(false);
        let mut told = Vec::new();
        let out = run_text(&text, &cancel, |p| {
            told.push(p.done);
            if p.done == 3000 {
                cancel.store(true, Ordering::Relaxed);
            }
        })
        .unwrap();
        assert_eq!(out, None);
        assert_eq!(told, vec![1000, 2000, 3000], "no draw after the cancel");
    }

    #[test]
    fn a_document_with_problems_is_refused_with_its_paths() {
        let text = robots(json!({ "draws": 0 }));
        let e = run_text(&text, &AtomicBool::new(false), |_| {}).unwrap_err();
        let dto = crate::dto::ErrorDto::from(e);
        let problems = dto.problems.unwrap();
        assert_eq!(
            problems[0].path.as_deref(),
            Some("valuation.simulation.draws")
        );
        assert!(problems[0]
            .message_sv
            .contains("antalet dragningar ska vara 1–100 000"));
        assert!(problems[0]
            .message_en
            .contains("the number of draws must be 1–100,000"));
    }
}
