//! Parts of the business case with tables of their own: the sensitivity analysis (economic
//! case), the effect goals (strategic case), the risks and obstacles (management case), and
//! the assumptions (every input with value, range and source, roles and hourly costs, the
//! calculation conventions).

use nytta_core::format;
use nytta_core::{Evaluation, Lang, Model};
use rust_decimal::Decimal;

use crate::charts::Chart;
use crate::common::{capital, kr, payback_or, pct_or, FIGURE_COLUMNS};
use crate::content::Sink;
use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, Weight, BODY, HEADING_ROOM, SMALL};
use crate::text::{self as tx, fill};

pub(crate) fn sensitivity(
    pdf: &mut dyn Sink,
    model: &Model,
    ev: &Evaluation,
    lang: Lang,
) -> Result<(), ReportError> {
    pdf.h2(tx::S_SENSITIVITY.get(lang));
    let sens = &ev.sensitivity;
    let costs = ev.economic.total_costs;
    let inputs = &model.doc.valuation.inputs;
    if sens.tornado.is_empty() {
        pdf.para(tx::NO_RANGES.get(lang), BODY);
    } else {
        pdf.para(tx::SENS_INTRO.get(lang), BODY);
        let num = |d: Decimal| format::number_trim(d, 4, lang);
        let rows: Vec<Vec<Cell>> = sens
            .tornado
            .iter()
            .map(|b| {
                let input = inputs.iter().find(|i| i.id == b.input);
                let unit = input.map(|i| i.unit.as_str()).unwrap_or_default();
                let with_unit = |v: String| format::with_unit(&v, unit, lang);
                let likely = input
                    .map(|i| i.value.as_str().to_string())
                    .unwrap_or_default();
                let likely = nytta_core::format::parse_user_number(&likely).map_or(likely, num);
                let range = match (input.and_then(|i| i.low), input.and_then(|i| i.high)) {
                    (Some(lo), Some(hi)) => format!("{} – {}", num(lo.get()), num(hi.get())),
                    _ => String::new(),
                };
                vec![
                    Cell::text(input.map_or(b.input.clone(), |i| i.name.clone())),
                    Cell::text(with_unit(likely)),
                    Cell::text(range),
                    Cell::text(kr(b.npv_at_low, lang)),
                    Cell::text(kr(b.npv_at_high, lang)),
                ]
            })
            .collect();
        // The likely value with its unit ("SEK 60,000/year") on one line.
        let cols = [
            Column(0.3, Align::Left),
            Column(0.18, Align::Right),
            Column(0.18, Align::Right),
            Column(0.17, Align::Right),
            Column(0.17, Align::Right),
        ];
        pdf.table(
            &cols,
            &[
                tx::INPUT.get(lang),
                tx::LIKELY.get(lang),
                tx::RANGE.get(lang),
                tx::NPV_AT_LOW.get(lang),
                tx::NPV_AT_HIGH.get(lang),
            ],
            &rows,
        );
        pdf.chart(Chart::Tornado, model, ev, lang)?;
        pdf.para(tx::CHART_TORNADO_CAPTION.get(lang), SMALL);
        pdf.h2(tx::CASES.get(lang));
        let rows = vec![
            vec![
                Cell::text(tx::PESSIMISTIC.get(lang)),
                Cell::text(kr(sens.pessimistic.npv, lang)),
                Cell::text(payback_or(sens.pessimistic.payback_years, costs, lang)),
            ],
            vec![
                Cell::text(tx::LIKELY_CASE.get(lang)),
                Cell::text(kr(ev.economic.npv, lang)),
                Cell::text(payback_or(ev.economic.payback_years, costs, lang)),
            ],
            vec![
                Cell::text(tx::OPTIMISTIC.get(lang)),
                Cell::text(kr(sens.optimistic.npv, lang)),
                Cell::text(payback_or(sens.optimistic.payback_years, costs, lang)),
            ],
        ];
        pdf.table(
            &FIGURE_COLUMNS,
            &[tx::CASE.get(lang), tx::NPV.get(lang), tx::PAYBACK.get(lang)],
            &rows,
        );
    }
    let l = &mut *pdf;
    l.h2(tx::SWITCHING.get(lang));
    // The sentence follows the NPV's sign: with a negative NPV the benefits must rise (and
    // the costs fall) to reach zero, by the ratio's absolute value.
    let switch = |v: Option<Decimal>, fine: tx::Tr, needed: tx::Tr| match v {
        Some(r) if r.is_sign_negative() && !r.is_zero() => {
            fill(needed.get(lang), &[("pct", &format::percent(-r, 1, lang))])
        }
        Some(r) => fill(fine.get(lang), &[("pct", &format::percent(r, 1, lang))]),
        None => pct_or(None, lang),
    };
    let benefits = |v| switch(v, tx::BENEFITS_MAY_FALL, tx::BENEFITS_MUST_RISE);
    let costs = |v| switch(v, tx::COSTS_MAY_RISE, tx::COSTS_MUST_FALL);
    let rows = vec![
        vec![
            Cell::text(tx::SWITCH_BENEFITS.get(lang)),
            Cell::text(benefits(ev.economic.switching_benefits)),
            Cell::text(benefits(ev.budget.switching_benefits)),
        ],
        vec![
            Cell::text(tx::SWITCH_COSTS.get(lang)),
            Cell::text(costs(ev.economic.switching_costs)),
            Cell::text(costs(ev.budget.switching_costs)),
        ],
        vec![
            Cell::text(tx::OPTIMISM_BIAS.get(lang)),
            Cell::text(format::percent(model.params.optimism_bias, 0, lang)),
            Cell::text(format::percent(model.params.optimism_bias, 0, lang)),
        ],
    ];
    l.table(
        &FIGURE_COLUMNS,
        &["", tx::ECONOMIC.get(lang), tx::BUDGET.get(lang)],
        &rows,
    );
    l.para(tx::SWITCHING_NOTE.get(lang), SMALL);
    Ok(())
}

pub(crate) fn risks(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let l = &mut *pdf;
    l.h2(tx::S_RISKS.get(lang));
    let risks = &model.doc.valuation.risks;
    if risks.is_empty() {
        l.para(tx::NO_RISKS.get(lang), BODY);
        return;
    }
    let rows: Vec<Vec<Cell>> = risks
        .iter()
        .map(|r| {
            vec![
                Cell::text(capital(tx::risk_kind(r.kind).get(lang))),
                Cell::text(r.text.clone()),
                Cell::text(r.likelihood.to_string()),
                Cell::text(r.impact.to_string()),
                Cell::text(r.mitigation.clone()),
            ]
        })
        .collect();
    let cols = [
        Column(0.1, Align::Left),
        Column(0.29, Align::Left),
        Column(0.15, Align::Right),
        Column(0.15, Align::Right),
        Column(0.31, Align::Left),
    ];
    l.table(
        &cols,
        &[
            tx::KIND.get(lang),
            tx::RISK_TEXT.get(lang),
            tx::LIKELIHOOD.get(lang),
            tx::IMPACT.get(lang),
            tx::MITIGATION.get(lang),
        ],
        &rows,
    );
    l.para(tx::RISK_NOTE.get(lang), SMALL);
}

pub(crate) fn goals(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let l = &mut *pdf;
    l.h2(tx::S_GOALS.get(lang));
    let goals = &model.doc.valuation.effect_goals;
    if goals.is_empty() {
        l.para(tx::NO_GOALS.get(lang), BODY);
    } else {
        let num = |d: Decimal, unit: &str| {
            format::with_unit(&format::number_trim(d, 4, lang), unit, lang)
        };
        let rows: Vec<Vec<Cell>> = goals
            .iter()
            .map(|g| {
                vec![
                    Cell::text(g.indicator.clone()).and(
                        capital(tx::direction(g.direction).get(lang)),
                        Weight::Regular,
                    ),
                    Cell::text(
                        g.baseline
                            .map(|b| num(b.get(), &g.unit))
                            .unwrap_or_default(),
                    ),
                    Cell::text(num(g.target.get(), &g.unit)),
                    Cell::text(g.target_date.clone().unwrap_or_default()),
                    Cell::text(g.method.clone()),
                ]
            })
            .collect();
        // Wide enough for "Utgångsvärde" and "Målvärde" in bold on one line.
        let cols = [
            Column(0.25, Align::Left),
            Column(0.17, Align::Right),
            Column(0.15, Align::Right),
            Column(0.13, Align::Left),
            Column(0.3, Align::Left),
        ];
        l.table(
            &cols,
            &[
                tx::INDICATOR_H.get(lang),
                tx::BASELINE.get(lang),
                tx::TARGET.get(lang),
                tx::TARGET_DATE.get(lang),
                tx::METHOD.get(lang),
            ],
            &rows,
        );
    }
}

pub(crate) fn assumptions(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let l = &mut *pdf;
    l.h1(tx::S_ASSUMPTIONS.get(lang));
    l.h2(tx::PARAMETERS.get(lang));
    let p = &model.params;
    let rows = vec![
        (
            tx::PERIOD,
            fill(
                tx::PERIOD_VALUE.get(lang),
                &[
                    ("n", &p.years.to_string()),
                    ("start", &p.start_year.to_string()),
                    (
                        "end",
                        &(i64::from(p.start_year) + i64::from(p.years)).to_string(),
                    ),
                ],
            ),
        ),
        (tx::RATE, format::percent(p.rate, 1, lang)),
        (tx::HOURS_FTE, format::hours(p.hours_per_fte, lang)),
        (tx::OPTIMISM_BIAS, format::percent(p.optimism_bias, 0, lang)),
    ];
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|(k, v)| vec![Cell::text(k.get(lang)), Cell::text(v)])
        .collect();
    l.table(
        &[Column(0.5, Align::Left), Column(0.5, Align::Right)],
        &["", tx::VALUE.get(lang)],
        &rows,
    );

    l.h2(tx::INPUTS.get(lang));
    let num = |d: Decimal| format::number_trim(d, 4, lang);
    let values = nytta_core::amounts::input_values(model, &[]).unwrap_or_default();
    let rows: Vec<Vec<Cell>> = model
        .doc
        .valuation
        .inputs
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let derived = format::parse_user_number(i.value.as_str()).is_none();
            let value = values
                .get(k)
                .map_or_else(|| i.value.as_str().to_string(), |v| num(*v));
            let range = match (i.low, i.high) {
                (Some(lo), Some(hi)) => format!("{} – {}", num(lo.get()), num(hi.get())),
                _ => "–".to_string(),
            };
            let source = if i.source.is_empty() {
                tx::NO_SOURCE.get(lang).to_string()
            } else {
                i.source.clone()
            };
            let formula = if derived {
                nytta_core::amounts::explain_input(model, &values, k, lang)
                    .map_or_else(|| format!("= {}", i.value.as_str()), |e| format!("= {e}"))
            } else {
                String::new()
            };
            vec![
                Cell::text(i.name.clone())
                    .and(formula, Weight::Regular)
                    .and(i.description.clone(), Weight::Regular),
                Cell::text(value),
                Cell::text(range),
                Cell::text(format::unit(&i.unit, lang)),
                Cell::text(source),
            ]
        })
        .collect();
    let cols = [
        Column(0.28, Align::Left),
        Column(0.12, Align::Right),
        Column(0.17, Align::Right),
        Column(0.12, Align::Left),
        Column(0.31, Align::Left),
    ];
    l.table(
        &cols,
        &[
            tx::INPUT.get(lang),
            tx::VALUE.get(lang),
            tx::RANGE.get(lang),
            "",
            tx::SOURCE.get(lang),
        ],
        &rows,
    );

    l.h2(tx::ROLES.get(lang));
    let rows: Vec<Vec<Cell>> = model
        .doc
        .valuation
        .roles
        .iter()
        .zip(&model.roles)
        .map(|(doc, r)| {
            let basis = match r.monthly_salary {
                Some(m) => fill(tx::MONTHLY_RULE.get(lang), &[("salary", &kr(m, lang))]),
                None => tx::GIVEN_HOURLY.get(lang).to_string(),
            };
            vec![
                Cell::text(doc.name.clone()),
                Cell::text(format::kronor_ore(r.hourly_cost, lang)),
                Cell::text(basis),
                Cell::text(doc.source.clone()),
            ]
        })
        .collect();
    let cols = [
        Column(0.27, Align::Left),
        Column(0.16, Align::Right),
        Column(0.27, Align::Left),
        Column(0.3, Align::Left),
    ];
    l.table(
        &cols,
        &[
            tx::ROLE.get(lang),
            tx::HOURLY.get(lang),
            tx::BASIS.get(lang),
            tx::SOURCE.get(lang),
        ],
        &rows,
    );

    let items: Vec<String> = tx::CONVENTION_TEXTS
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect();
    // The conventions end the document and are kept together with their heading, so the
    // last page never holds only their last few lines. Their bullets hang 12 pt in, so one
    // line more than the items take as paragraphs.
    let list: f32 = items.iter().map(|item| l.para_height(item, BODY)).sum();
    l.keep(HEADING_ROOM + list + BODY.size * 1.38);
    l.h2(tx::CONVENTIONS.get(lang));
    l.bullets(&items, BODY);
}
