//! The parts of the business case drawn from the decision material (`valuation.case`) and
//! the lines' links into it: the changed way of working and the effect chain (strategic
//! case), the options compared (economic case), the commercial case, the financial case and
//! the management case's milestones, benefit owners and follow-up plan. What the document
//! does not give is said plainly. Page 1's decision box is `decision_box`.

use nytta_core::document::{BusinessCase, Side};
use nytta_core::financial::{budget_costs_by_kind, funding_cover};
use nytta_core::format;
use nytta_core::{Evaluation, Lang, Model};
use rust_decimal::Decimal;

use crate::common::{kr, payback_or, years_or};
use crate::content::Sink;
use crate::layout::{Align, Cell, Column, Weight, BODY, BODY_BOLD, SMALL};
use crate::text::five_case as fc;
use crate::text::{self as tx, fill};

/// The decision material, or an empty one.
pub(crate) fn case(model: &Model) -> BusinessCase {
    model.doc.valuation.case.clone().unwrap_or_default()
}

/// Calendar years as runs: 2021, 2024–2027.
fn year_ranges(years: &[i32]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == y => *last = y,
            _ => runs.push((y, y)),
        }
    }
    runs.iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text`, or `missing` when it is blank.
pub(crate) fn or_missing(text: &str, missing: tx::Tr, lang: Lang) -> String {
    if text.trim().is_empty() {
        missing.get(lang).to_string()
    } else {
        text.to_string()
    }
}

/// A goal's indicator, direction, baseline and target in one line.
fn goal_text(g: &nytta_core::document::EffectGoal, lang: Lang) -> String {
    let num = |d: Decimal| format::with_unit(&format::number_trim(d, 4, lang), &g.unit, lang);
    let direction = tx::direction(g.direction).get(lang);
    match g.baseline {
        Some(b) => fill(
            fc::GOAL_TEXT_FROM.get(lang),
            &[
                ("indicator", &g.indicator),
                ("direction", direction),
                ("baseline", &num(b.get())),
                ("target", &num(g.target.get())),
            ],
        ),
        None => fill(
            fc::GOAL_TEXT.get(lang),
            &[
                ("indicator", &g.indicator),
                ("direction", direction),
                ("target", &num(g.target.get())),
            ],
        ),
    }
}

/// The changed way of working and the effect chain: initiative → changed way of working →
/// effect goal → benefit line.
pub(crate) fn effect_chain(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let c = case(model);
    let v = &model.doc.valuation;
    let l = &mut *pdf;
    l.h2(fc::EFFECT_CHAIN.get(lang));
    l.para(fc::CHAIN_INTRO.get(lang), SMALL);
    l.labelled(fc::INITIATIVE.get(lang), &model.doc.initiative.title);
    l.labelled(
        fc::CHANGED_WORK.get(lang),
        &or_missing(&c.changed_work, fc::NOT_DESCRIBED, lang),
    );
    let mut rows: Vec<Vec<Cell>> = v
        .effect_goals
        .iter()
        .map(|g| {
            let lines: Vec<&str> = v
                .lines
                .iter()
                .filter(|x| x.side == Side::Benefit && x.effect_goal == g.id)
                .map(|x| x.name.as_str())
                .collect();
            let lines = if lines.is_empty() {
                fc::NO_LINKED.get(lang).to_string()
            } else {
                lines.join("\n")
            };
            vec![Cell::text(goal_text(g, lang)), Cell::text(lines)]
        })
        .collect();
    let unlinked: Vec<&str> = v
        .lines
        .iter()
        .filter(|x| x.side == Side::Benefit && x.effect_goal.is_empty())
        .map(|x| x.name.as_str())
        .collect();
    if !unlinked.is_empty() {
        rows.push(vec![
            Cell::text(fc::UNLINKED.get(lang)),
            Cell::text(unlinked.join("\n")),
        ]);
    }
    if v.effect_goals.is_empty() {
        l.para(tx::NO_GOALS.get(lang), BODY);
    }
    if !rows.is_empty() {
        l.table(
            &[Column(0.5, Align::Left), Column(0.5, Align::Left)],
            &[fc::GOAL.get(lang), fc::CONTRIBUTING.get(lang)],
            &rows,
        );
    }
}

/// The economic case's heading and the options compared: the do-nothing baseline, each
/// option, the proposal in both views.
pub(crate) fn options(pdf: &mut dyn Sink, model: &Model, ev: &Evaluation, lang: Lang) {
    let c = case(model);
    let l = &mut *pdf;
    let intro = fill(
        fc::OPTIONS_INTRO.get(lang),
        &[("n", &model.params.years.to_string())],
    );
    let mut rows = vec![vec![
        Cell::text(fc::BASELINE.get(lang)),
        Cell::text(kr(Decimal::ZERO, lang)),
        Cell::text("–"),
    ]];
    for (o, f) in c.options.iter().zip(&ev.options) {
        let name = if o.name.trim().is_empty() {
            o.id.clone()
        } else {
            o.name.clone()
        };
        let mut cell = Cell::bold(name).and(o.description.clone(), Weight::Regular);
        if o.is_costed() {
            let get =
                |n: Option<nytta_core::num::Num>| kr(n.map_or(Decimal::ZERO, |n| n.get()), lang);
            cell = cell.and(
                fill(
                    fc::OPTION_FIGURES.get(lang),
                    &[
                        ("one_off", &get(o.one_off_cost)),
                        ("cost", &get(o.yearly_cost)),
                        ("benefit", &get(o.yearly_benefit)),
                    ],
                ),
                Weight::Regular,
            );
        }
        let (npv, payback) = match f.npv {
            Some(npv) => (kr(npv, lang), years_or(f.payback_years, lang)),
            None => (fc::NOT_COSTED.get(lang).to_string(), "–".to_string()),
        };
        rows.push(vec![cell, Cell::text(npv), Cell::text(payback)]);
    }
    rows.push(vec![
        Cell::bold(fc::PROPOSAL_ECONOMIC.get(lang)),
        Cell::bold(kr(ev.economic.npv, lang)),
        Cell::bold(payback_or(
            ev.economic.payback_years,
            ev.economic.total_costs,
            lang,
        )),
    ]);
    rows.push(vec![
        Cell::bold(fc::PROPOSAL_BUDGET.get(lang)),
        Cell::bold(kr(ev.budget.npv, lang)),
        Cell::bold(payback_or(
            ev.budget.payback_years,
            ev.budget.total_costs,
            lang,
        )),
    ]);
    let cols = [
        Column(0.52, Align::Left),
        Column(0.24, Align::Right),
        Column(0.24, Align::Right),
    ];
    let header = [
        fc::OPTION.get(lang),
        tx::NPV.get(lang),
        tx::PAYBACK.get(lang),
    ];
    l.h1(tx::S_ECONOMIC.get(lang));
    l.h2(fc::OPTIONS.get(lang));
    l.para(&intro, BODY);
    l.table(&cols, &header, &rows);
    if !c.options.iter().any(|o| o.is_costed()) {
        let described = !model.doc.initiative.needs.alternatives.trim().is_empty();
        let none = if described {
            fc::NO_OPTIONS_DESCRIBED
        } else {
            fc::NO_OPTIONS
        };
        l.para(none.get(lang), SMALL);
    }
}

/// The commercial case, or one line saying it was not described.
pub(crate) fn commercial(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let c = case(model).commercial;
    let l = &mut *pdf;
    l.h1(tx::S_COMMERCIAL.get(lang));
    if c.is_empty() {
        l.para(fc::COMMERCIAL_NONE.get(lang), BODY);
        return;
    }
    let given = |s: &str| or_missing(s, fc::NOT_GIVEN, lang);
    let contract = c.contract_years.map_or_else(
        || fc::NOT_GIVEN.get(lang).to_string(),
        |y| {
            fill(
                fc::CONTRACT_YEARS.get(lang),
                &[("n", &format::number_trim(y.get(), 2, lang))],
            )
        },
    );
    let dpa = c.dpa.map_or(fc::NOT_GIVEN, fc::dpa).get(lang).to_string();
    let dpa = if c.dpa_note.trim().is_empty() {
        crate::common::capital(&dpa)
    } else {
        format!("{}. {}", crate::common::capital(&dpa), c.dpa_note.trim())
    };
    let rows: Vec<Vec<Cell>> = [
        (
            fc::PROCUREMENT,
            crate::common::capital(&given(&c.procurement)),
        ),
        (fc::CONTRACT, contract),
        (fc::EXIT, crate::common::capital(&given(&c.exit))),
        (fc::DPA, dpa),
    ]
    .into_iter()
    .map(|(k, v)| vec![Cell::bold(k.get(lang)), Cell::text(v)])
    .collect();
    // "Personuppgiftsbiträdesavtal" needs a wider label column than the decision box.
    l.table(
        &[Column(0.36, Align::Left), Column(0.64, Align::Left)],
        &["", ""],
        &rows,
    );
}

/// The financial case: funding per year and source, investment and operating costs and
/// what the budget must absorb per year, and the plan for freed time.
pub(crate) fn financial(pdf: &mut dyn Sink, model: &Model, ev: &Evaluation, lang: Lang) {
    let c = case(model);
    let l = &mut *pdf;
    l.h1(tx::S_FINANCIAL.get(lang));
    l.labelled(
        fc::FUNDING_SOURCE.get(lang),
        &or_missing(&c.decision.funding_source, fc::FUNDING_MISSING, lang),
    );
    l.h2(fc::FUNDING.get(lang));
    if c.financial.funding.is_empty() {
        l.para(fc::NO_FUNDING.get(lang), BODY);
    } else {
        let start = model.params.start_year;
        let mut rows: Vec<Vec<Cell>> = c
            .financial
            .funding
            .iter()
            .map(|f| {
                let year = f.year.map_or_else(
                    || "–".to_string(),
                    |y| format!("{} ({y})", i64::from(start) + i64::from(y)),
                );
                vec![
                    Cell::text(year),
                    Cell::text(or_missing(&f.source, fc::NOT_GIVEN, lang)),
                    Cell::text(
                        f.amount
                            .map_or_else(|| "–".to_string(), |a| kr(a.get(), lang)),
                    ),
                ]
            })
            .collect();
        let cover = funding_cover(model, ev);
        if let Some(cover) = &cover {
            rows.push(vec![
                Cell::bold(tx::SUM.get(lang)),
                Cell::text(""),
                Cell::bold(kr(cover.total, lang)),
            ]);
        }
        l.table(
            &[
                Column(0.18, Align::Left),
                Column(0.52, Align::Left),
                Column(0.3, Align::Right),
            ],
            &[
                tx::YEAR.get(lang),
                fc::SOURCE.get(lang),
                fc::AMOUNT.get(lang),
            ],
            &rows,
        );
        if let Some(cover) = cover {
            let gap = if cover.unfunded.is_zero() {
                fc::FUNDED.get(lang).to_string()
            } else {
                fill(
                    fc::UNFUNDED.get(lang),
                    &[
                        ("amount", &kr(cover.unfunded, lang)),
                        ("years", &year_ranges(&cover.unfunded_years)),
                    ],
                )
            };
            l.para(&gap, BODY_BOLD);
        }
    }
    l.h2(fc::COST_KINDS.get(lang));
    let rows: Vec<Vec<Cell>> = budget_costs_by_kind(model, ev)
        .iter()
        .zip(&ev.years)
        .map(|(s, r)| {
            vec![
                Cell::text(format!("{} ({})", s.calendar_year, s.year)),
                Cell::text(kr(s.one_off, lang)),
                Cell::text(kr(s.recurring, lang)),
                Cell::text(kr(r.budget.benefits, lang)),
                Cell::text(kr(r.budget.net, lang)),
            ]
        })
        .collect();
    l.table(
        &[
            Column(0.16, Align::Left),
            Column(0.21, Align::Right),
            Column(0.21, Align::Right),
            Column(0.21, Align::Right),
            Column(0.21, Align::Right),
        ],
        &[
            tx::YEAR.get(lang),
            fc::ONE_OFF.get(lang),
            fc::RECURRING.get(lang),
            fc::BUDGET_BENEFITS.get(lang),
            fc::BUDGET_NET.get(lang),
        ],
        &rows,
    );
    l.para(fc::COST_KINDS_NOTE.get(lang), SMALL);
    l.para(tx::ROUNDING_NOTE.get(lang), SMALL);
    let reallocation = model.doc.valuation.lines.iter().any(|x| {
        x.side == Side::Benefit && x.category == nytta_core::document::Category::Reallocation
    });
    let plan = c.financial.budget_plan.trim();
    if !plan.is_empty() || reallocation {
        l.h2(fc::BUDGET_PLAN.get(lang));
        l.para(
            if plan.is_empty() {
                fc::NO_BUDGET_PLAN.get(lang)
            } else {
                plan
            },
            BODY,
        );
    }
}

/// The management case's milestones, benefit owners and scheduled follow-ups.
pub(crate) fn management(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let c = case(model);
    let l = &mut *pdf;
    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "–".to_string());
    l.h2(fc::MILESTONES.get(lang));
    if c.management.milestones.is_empty() {
        l.para(fc::NO_MILESTONES.get(lang), BODY);
    } else {
        let rows: Vec<Vec<Cell>> = c
            .management
            .milestones
            .iter()
            .map(|m| vec![Cell::text(date(&m.date)), Cell::text(m.text.clone())])
            .collect();
        l.table(
            &[Column(0.2, Align::Left), Column(0.8, Align::Left)],
            &[fc::DATE.get(lang), fc::MILESTONE.get(lang)],
            &rows,
        );
    }
    l.h2(fc::BENEFIT_OWNERS.get(lang));
    let rows: Vec<Vec<Cell>> = model
        .doc
        .valuation
        .lines
        .iter()
        .filter(|x| x.side == Side::Benefit)
        .map(|x| {
            vec![
                Cell::text(x.name.clone()),
                Cell::text(or_missing(&x.benefit_owner, fc::OWNER_MISSING, lang)),
                Cell::text(x.indicator.clone()),
            ]
        })
        .collect();
    if rows.is_empty() {
        l.para(tx::NO_LINES.get(lang), BODY);
    } else {
        l.table(
            &[
                Column(0.36, Align::Left),
                Column(0.3, Align::Left),
                Column(0.34, Align::Left),
            ],
            &[
                fc::BENEFIT.get(lang),
                fc::OWNER.get(lang),
                fc::INDICATOR.get(lang),
            ],
            &rows,
        );
    }
}

/// The follow-ups scheduled in the decision material (under the follow-up plan).
fn planned_follow_ups(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let c = case(model);
    let l = &mut *pdf;
    let plan = &c.management.follow_up_plan;
    if plan.is_empty() {
        l.para(fc::NO_PLANNED.get(lang), BODY);
        return;
    }
    let rows: Vec<Vec<Cell>> = plan
        .iter()
        .map(|f| {
            vec![
                Cell::text(f.date.clone().unwrap_or_else(|| "–".to_string())),
                Cell::text(f.who.clone()),
                Cell::text(f.what.clone()),
            ]
        })
        .collect();
    l.para(fc::PLANNED.get(lang), BODY_BOLD);
    l.table(
        &[
            Column(0.18, Align::Left),
            Column(0.36, Align::Left),
            Column(0.46, Align::Left),
        ],
        &[fc::DATE.get(lang), fc::WHO.get(lang), fc::WHAT.get(lang)],
        &rows,
    );
}

/// The follow-up plan: how the evaluation follows up, the follow-ups scheduled in the
/// decision material and the lines with an indicator.
pub(crate) fn follow_up_plan(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    pdf.h2(tx::FOLLOW_UP_PLAN.get(lang));
    pdf.para(tx::FOLLOW_UP_PLAN_TEXT.get(lang), BODY);
    planned_follow_ups(pdf, model, lang);
    let l = &mut *pdf;
    let indicators: Vec<String> = model
        .doc
        .valuation
        .lines
        .iter()
        .filter(|d| !d.indicator.is_empty())
        .map(|d| format!("{}: {}", d.name, d.indicator))
        .collect();
    // The list's heading only where a list follows it.
    if !indicators.is_empty() {
        l.para(tx::INDICATOR_LINES.get(lang), BODY);
        l.bullets(&indicators, BODY);
    }
}
