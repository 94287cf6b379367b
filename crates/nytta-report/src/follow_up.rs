//! The follow-up report: what was decided beside what was realised, line by line and goal by
//! goal, what became of freed time, and what was learned.

use nytta_core::format;
use nytta_core::{Evaluation, Model};

use crate::charts::Chart;
use crate::common::{calculation, figure_rows, kr, pct_or, version, FIGURE_COLUMNS};
use crate::error::ReportError;
use crate::layout::{Align, Cell, Column, Weight, BODY, SMALL};
use crate::pdf::Pdf;
use crate::text::{self as tx, fill};
use crate::ReportOptions;

/// A cost line's deviation: over- or underrun as a share of the expected cost, since a cost
/// realised above 100 % is no achievement.
fn deviation(c: &nytta_core::follow_up::LineComparison, lang: nytta_core::Lang) -> String {
    let pct = |r: rust_decimal::Decimal| format::percent(r.abs(), 1, lang);
    match c.rate {
        None if c.realised.is_zero() => tx::AS_EXPECTED.get(lang).to_string(),
        None => tx::NEW_COST.get(lang).to_string(),
        Some(r) if r > rust_decimal::Decimal::ONE => fill(
            tx::OVERRUN.get(lang),
            &[("pct", &pct(r - rust_decimal::Decimal::ONE))],
        ),
        Some(r) if r < rust_decimal::Decimal::ONE => fill(
            tx::UNDERRUN.get(lang),
            &[("pct", &pct(rust_decimal::Decimal::ONE - r))],
        ),
        Some(_) => tx::AS_EXPECTED.get(lang).to_string(),
    }
}

pub(crate) fn write(
    model: &Model,
    ev: &Evaluation,
    index: usize,
    opts: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let lang = opts.lang;
    let (Some(fu), Some(doc_fu)) = (ev.follow_ups.get(index), model.doc.follow_ups.get(index))
    else {
        return Err(ReportError::NoFollowUp {
            index,
            count: ev.follow_ups.len(),
        });
    };
    let title = &model.doc.initiative.title;
    let mut pdf = Pdf::new(title, opts)?;
    let subtitle = format!("{} · {}", tx::FOLLOW_UP_REPORT.get(lang), fu.date);
    pdf.layout.title(title, &subtitle);
    let calendar = model.params.start_year + fu.year as i32;

    pdf.layout.h1(tx::FU_ABOUT.get(lang));
    let mut facts = vec![
        (tx::FU_DATE, fu.date.clone()),
        (tx::FU_YEAR, format!("{} ({calendar})", fu.year)),
        (tx::FU_EVALUATOR, doc_fu.evaluator.clone()),
        (tx::FU_DECIDED_VERSION, version(model)),
        (
            tx::five_case::CASE_NUMBER,
            model
                .doc
                .valuation
                .case
                .as_ref()
                .map(|c| c.decision.case_number.trim().to_string())
                .unwrap_or_default(),
        ),
        (
            tx::STAGE_NOW,
            tx::stage(model.doc.initiative.stage).get(lang).to_string(),
        ),
    ];
    facts.retain(|(_, v)| !v.is_empty());
    let rows: Vec<Vec<Cell>> = facts
        .into_iter()
        .map(|(k, v)| vec![Cell::bold(k.get(lang)), Cell::text(v)])
        .collect();
    pdf.layout.table(
        &[Column(0.3, Align::Left), Column(0.7, Align::Left)],
        &["", ""],
        &rows,
    );
    if !doc_fu.method.is_empty() {
        pdf.layout.labelled(tx::FU_METHOD.get(lang), &doc_fu.method);
    }

    pdf.layout.h1(tx::FU_RESULT.get(lang));
    for (view, decided, realised) in [
        (tx::ECONOMIC, &ev.economic, &fu.realised.economic),
        (tx::BUDGET, &ev.budget, &fu.realised.budget),
    ] {
        pdf.layout.h2(view.get(lang));
        let rows = figure_rows(decided, realised, lang);
        pdf.layout.table(
            &FIGURE_COLUMNS,
            &["", tx::DECIDED.get(lang), tx::REALISED.get(lang)],
            &rows,
        );
    }
    pdf.layout.para(tx::FU_RESULT_NOTE.get(lang), SMALL);

    pdf.layout.h1(tx::FU_LINES.get(lang));
    pdf.layout.para(
        &fill(
            tx::FU_LINES_NOTE.get(lang),
            &[
                ("year", &fu.year.to_string()),
                ("calendar", &calendar.to_string()),
            ],
        ),
        BODY,
    );
    let rows: Vec<Vec<Cell>> = fu
        .lines
        .iter()
        .map(|c| {
            let line = model.doc.valuation.lines.iter().find(|l| l.id == c.id);
            let mut name = line.map_or(c.id.clone(), |l| l.name.clone());
            let cost = line.is_some_and(|l| l.side == nytta_core::document::Side::Cost);
            if cost {
                name = format!("{name} {}", tx::COST_SUFFIX.get(lang));
            }
            if c.year != fu.year {
                let year = fill(
                    tx::FU_ONE_OFF_YEAR.get(lang),
                    &[
                        ("year", &c.year.to_string()),
                        (
                            "calendar",
                            &(model.params.start_year + c.year as i32).to_string(),
                        ),
                    ],
                );
                name = format!("{name} {year}");
            }
            let mut cell = Cell::text(name);
            if let Some(c) = c.explain.as_deref().map(|e| calculation(e, lang)) {
                cell = cell.and(c, Weight::Regular);
            }
            vec![
                cell,
                Cell::text(kr(c.expected, lang)),
                Cell::text(kr(c.realised, lang)),
                Cell::text(kr(c.difference, lang)),
                Cell::text(if cost {
                    deviation(c, lang)
                } else {
                    pct_or(c.rate, lang)
                }),
            ]
        })
        .collect();
    let cols = [
        Column(0.34, Align::Left),
        Column(0.14, Align::Right),
        Column(0.14, Align::Right),
        Column(0.14, Align::Right),
        Column(0.24, Align::Right),
    ];
    pdf.layout.table(
        &cols,
        &[
            tx::LINE.get(lang),
            tx::EXPECTED.get(lang),
            tx::REALISED.get(lang),
            tx::DIFFERENCE.get(lang),
            tx::RATE_REALISED.get(lang),
        ],
        &rows,
    );
    if !fu.planned.is_empty() {
        pdf.layout.para(
            &fill(
                tx::FU_PLANNED_NOTE.get(lang),
                &[("year", &fu.year.to_string())],
            ),
            BODY,
        );
        let planned: Vec<String> = fu
            .planned
            .iter()
            .map(|p| {
                let line = model.doc.valuation.lines.iter().find(|l| l.id == p.id);
                let mut name = line.map_or(p.id.clone(), |l| l.name.clone());
                if line.is_some_and(|l| l.side == nytta_core::document::Side::Cost) {
                    name = format!("{name} {}", tx::COST_SUFFIX.get(lang));
                }
                fill(
                    tx::FU_PLANNED_LINE.get(lang),
                    &[
                        ("name", &name),
                        ("amount", &kr(p.expected, lang)),
                        ("year", &p.year.to_string()),
                        (
                            "calendar",
                            &(model.params.start_year + p.year as i32).to_string(),
                        ),
                    ],
                )
            })
            .collect();
        pdf.layout.bullets(&planned, BODY);
    }
    pdf.chart(Chart::FollowUp(index), model, ev, lang)?;

    pdf.layout.h1(tx::FU_GOALS.get(lang));
    if fu.effect_goals.is_empty() {
        pdf.layout.para(tx::NO_GOALS.get(lang), BODY);
    } else {
        let rows: Vec<Vec<Cell>> = fu
            .effect_goals
            .iter()
            .map(|g| {
                let goal = model
                    .doc
                    .valuation
                    .effect_goals
                    .iter()
                    .find(|x| x.id == g.id);
                let unit = goal.map(|x| x.unit.as_str()).unwrap_or_default();
                let num = |d| format::with_unit(&format::number_trim(d, 4, lang), unit, lang);
                vec![
                    Cell::text(goal.map_or(g.id.clone(), |x| x.indicator.clone())),
                    Cell::text(num(g.baseline)),
                    Cell::text(num(g.target)),
                    Cell::text(num(g.actual)),
                    Cell::bold(pct_or(g.attainment, lang)),
                ]
            })
            .collect();
        // Wide enough for "Utgångsvärde" in bold on one line.
        let cols = [
            Column(0.36, Align::Left),
            Column(0.17, Align::Right),
            Column(0.15, Align::Right),
            Column(0.16, Align::Right),
            Column(0.16, Align::Right),
        ];
        pdf.layout.table(
            &cols,
            &[
                tx::INDICATOR_H.get(lang),
                tx::BASELINE.get(lang),
                tx::TARGET.get(lang),
                tx::ACTUAL.get(lang),
                tx::ATTAINMENT.get(lang),
            ],
            &rows,
        );
        pdf.layout.para(tx::ATTAINMENT_NOTE.get(lang), SMALL);
    }

    pdf.layout.h1(tx::FU_FREED.get(lang));
    let use_text = fu
        .freed_time_use
        .map_or(tx::FU_FREED_UNKNOWN, tx::freed_time_use)
        .get(lang);
    let fte = fu.freed_hours_per_year / model.params.hours_per_fte;
    pdf.layout.para(
        &fill(
            tx::FU_FREED_TEXT.get(lang),
            &[
                ("hours", &format::hours(fu.freed_hours_per_year, lang)),
                ("fte", &format::number(fte, 1, lang)),
                ("value", &kr(fu.freed_time_value, lang)),
                ("year", &fu.year.to_string()),
                ("use", use_text),
            ],
        ),
        BODY,
    );
    if !doc_fu.observations.is_empty() {
        pdf.layout.h1(tx::FU_OBSERVATIONS.get(lang));
        pdf.layout.para(&doc_fu.observations, BODY);
    }
    pdf.layout.h1(tx::FU_LESSONS.get(lang));
    if doc_fu.lessons.is_empty() {
        pdf.layout.para(tx::NOT_GIVEN.get(lang), BODY);
    } else {
        pdf.layout.bullets(&doc_fu.lessons, BODY);
    }
    let right = format!("{} · {}", tx::FOLLOW_UP_REPORT.get(lang), fu.date);
    pdf.finish(model, title, &right, opts)
}
