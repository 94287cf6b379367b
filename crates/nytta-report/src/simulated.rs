//! The Monte Carlo simulation in the business case, under the sensitivity analysis (section
//! 7), when the document asks for it (`valuation.simulation`): what was drawn, the chance of
//! a positive NPV in plain words, the figures of both views, the inputs that drive the
//! spread, the NPV histogram and the S-curve. A simulation that cannot be run is said so,
//! with the reason, instead of failing the document.

use nytta_core::document::Distribution;
use nytta_core::format;
use nytta_core::simulation::{self, SimulatedView};
use nytta_core::{Evaluation, Lang, Model};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::charts::{spans_zero, Chart, Spread};
use crate::common::{kr, years_or, FIGURE_COLUMNS};
use crate::content::Sink;
use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, BODY, SMALL};
use crate::text::{self as tx, fill};

fn distribution(d: Distribution) -> tx::Tr {
    match d {
        Distribution::Pert => tx::PERT,
        Distribution::Triangular => tx::TRIANGULAR,
        Distribution::Uniform => tx::UNIFORM,
    }
}

/// The simulation's part of section 7, when the document asks for a simulation.
pub(crate) fn section(
    pdf: &mut dyn Sink,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
) -> Result<(), ReportError> {
    if model.doc.valuation.simulation.is_none() {
        return Ok(());
    }
    pdf.h2(tx::SIMULATION.get(lang));
    let (draws, seed) = simulation::plan(model);
    let sim = match simulation::simulate(model, draws, seed) {
        Ok(sim) => sim,
        Err(e) => {
            let text = fill(tx::SIM_FAILED.get(lang), &[("reason", &e.message(lang))]);
            pdf.para(&text, BODY);
            return Ok(());
        }
    };
    let intro = fill(
        tx::SIM_INTRO.get(lang),
        &[
            ("draws", &format::number(Decimal::from(sim.draws), 0, lang)),
            ("seed", &sim.seed.to_string()),
            ("n", &sim.inputs.len().to_string()),
        ],
    );
    pdf.para(&intro, BODY);
    let said = format!(
        "{}: {} {}: {}",
        tx::ECONOMIC.get(lang),
        simulation::positive_sentence(&sim.economic, lang),
        tx::BUDGET.get(lang),
        simulation::positive_sentence(&sim.budget, lang),
    );
    pdf.para(&said, BODY);
    let row = |label: String, f: &dyn Fn(&SimulatedView) -> String| {
        vec![
            Cell::text(label),
            Cell::text(f(&sim.economic)),
            Cell::text(f(&sim.budget)),
        ]
    };
    let payback = |p: &str| fill(tx::SIM_PAYBACK.get(lang), &[("p", p)]);
    let rows = vec![
        row(tx::SIM_MEAN.get(lang).into(), &|v| kr(v.npv_mean, lang)),
        row(tx::SIM_P10.get(lang).into(), &|v| kr(v.npv_p10, lang)),
        row(tx::SIM_P50.get(lang).into(), &|v| kr(v.npv_p50, lang)),
        row(tx::SIM_P90.get(lang).into(), &|v| kr(v.npv_p90, lang)),
        row(tx::SIM_POSITIVE.get(lang).into(), &|v| {
            simulation::share(v.probability_positive, lang)
        }),
        row(payback("P10"), &|v| years_or(v.payback_p10, lang)),
        row(payback("P50"), &|v| years_or(v.payback_p50, lang)),
        row(payback("P90"), &|v| years_or(v.payback_p90, lang)),
        row(tx::SIM_NEVER.get(lang).into(), &|v| {
            simulation::share(v.never_pays_back, lang)
        }),
    ];
    pdf.table(
        &FIGURE_COLUMNS,
        &["", tx::ECONOMIC.get(lang), tx::BUDGET.get(lang)],
        &rows,
    );
    if !sim.inputs.is_empty() {
        pdf.para(tx::SIM_DRIVERS.get(lang), SMALL);
        let inputs = &model.doc.valuation.inputs;
        let rows: Vec<Vec<Cell>> = sim
            .economic
            .drivers
            .iter()
            .map(|d| {
                let name = inputs
                    .iter()
                    .find(|i| i.id == d.input)
                    .map_or(d.input.clone(), |i| i.name.clone());
                let drawn = sim
                    .inputs
                    .iter()
                    .find(|x| x.input == d.input)
                    .map(|x| distribution(x.distribution).get(lang))
                    .unwrap_or_default();
                vec![
                    Cell::text(name),
                    Cell::text(drawn),
                    Cell::text(
                        d.rank_correlation
                            .map_or_else(|| "–".to_string(), |r| format::number(r, 2, lang)),
                    ),
                ]
            })
            .collect();
        let cols = [
            Column(0.5, Align::Left),
            Column(0.25, Align::Left),
            Column(0.25, Align::Right),
        ];
        pdf.table(
            &cols,
            &[
                tx::INPUT.get(lang),
                tx::DISTRIBUTION.get(lang),
                tx::RANK_CORRELATION.get(lang),
            ],
            &rows,
        );
    }
    // The charts draw NPV 0 as a dashed line where it lies among the draws; the captions say
    // so only then.
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let zero = |lo: Vec<Decimal>, hi: Vec<Decimal>, caption: tx::Tr| {
        let mut text = caption.get(lang).to_string();
        if spans_zero(lo.into_iter().chain(hi).map(f)) {
            text.push_str(tx::ZERO_LINE.get(lang));
        }
        text
    };
    let ends = |v: &SimulatedView| {
        let first = v.s_curve.first().map_or(Decimal::ZERO, |p| p.npv);
        let last = v.s_curve.last().map_or(Decimal::ZERO, |p| p.npv);
        (first, last)
    };
    let (e_lo, e_hi) = ends(&sim.economic);
    let (b_lo, b_hi) = ends(&sim.budget);
    pdf.chart(Chart::Simulation(Spread::Histogram), model, ev, lang)?;
    let caption = zero(vec![e_lo], vec![e_hi], tx::CHART_HISTOGRAM_CAPTION);
    pdf.para(&caption, SMALL);
    pdf.chart(Chart::Simulation(Spread::SCurve), model, ev, lang)?;
    let caption = zero(
        vec![e_lo, b_lo],
        vec![e_hi, b_hi],
        tx::CHART_S_CURVE_CAPTION,
    );
    pdf.para(&caption, SMALL);
    Ok(())
}
