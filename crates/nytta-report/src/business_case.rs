//! The business case (*beslutsunderlag*): the decision box and contents on page 1, then the
//! summary and the Five Case Model (strategic, economic, commercial, financial and
//! management case) and the assumptions, with every figure explained and every
//! assumption's source in view.

use nytta_core::case::YearFlows;
use nytta_core::document::{Line, Side, Stakeholder, Timing};
use nytta_core::format;
use nytta_core::{Evaluation, Lang, Model};
use rust_decimal::Decimal;

use crate::appendix;
use crate::charts::Chart;
use crate::common::{
    calculation, capital, figure_rows, kr, version, version_status, FIGURE_COLUMNS,
};
use crate::content::Sink;
use crate::decision_box;
use crate::error::ReportError;
use crate::five_case;
use crate::layout::{Align, Cell, Column, Weight, BODY, BODY_BOLD, HEADING_ROOM, SMALL};
use crate::pdf::Pdf;
use crate::simulated;
use crate::text::{self as tx, fill, Tr};
use crate::ReportOptions;

pub(crate) fn write(
    model: &Model,
    ev: &Evaluation,
    opts: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let title = &model.doc.initiative.title;
    let mut pdf = Pdf::new(title, opts)?;
    let right = content(&mut pdf, model, ev, opts)?;
    pdf.finish(model, title, &right, opts)
}

/// Writes the business case into `pdf` (the PDF or a [`crate::content::Recorder`]) and returns the running header's right part.
pub(crate) fn content(
    pdf: &mut dyn Sink,
    model: &Model,
    ev: &Evaluation,
    opts: &ReportOptions,
) -> Result<String, ReportError> {
    let lang = opts.lang;
    let title = &model.doc.initiative.title;
    let version = version(model);
    let kind = if version.starts_with(tx::BUSINESS_CASE.get(lang)) {
        String::new()
    } else {
        tx::BUSINESS_CASE.get(lang).to_string()
    };
    let subtitle = [
        kind,
        model.doc.initiative.department.clone(),
        version.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    pdf.title(title, &subtitle);
    decision_box::decision_box(pdf, model, ev, opts);
    decision_box::contents(pdf, lang);
    summary(pdf, model, ev, opts);
    // The Five Case Model: strategic, economic, commercial, financial, management.
    background(pdf, model, lang);
    five_case::effect_chain(pdf, model, lang);
    appendix::goals(pdf, model, lang);
    five_case::options(pdf, model, ev, lang);
    benefits(pdf, model, ev, lang);
    costs(pdf, model, ev, lang);
    year_tables(pdf, ev, lang);
    pdf.h2(tx::S_CHARTS.get(lang));
    for chart in Chart::BUSINESS_CASE {
        pdf.chart(chart, model, ev, lang)?;
        let caption = match chart {
            Chart::CashFlow => tx::CHART_CASH_FLOW_CAPTION.get(lang).to_string(),
            Chart::PerYear => tx::CHART_PER_YEAR_CAPTION.get(lang).to_string(),
            _ => {
                let n = model
                    .doc
                    .valuation
                    .lines
                    .iter()
                    .filter(|l| !l.category.is_money() && l.side == Side::Benefit)
                    .count();
                fill(
                    tx::CHART_BREAKDOWN_CAPTION.get(lang),
                    &[("n", &n.to_string())],
                )
            }
        };
        pdf.para(&caption, SMALL);
        pdf.gap(6.0);
    }
    appendix::sensitivity(pdf, model, ev, lang)?;
    simulated::section(pdf, model, ev, lang)?;
    five_case::commercial(pdf, model, lang);
    five_case::financial(pdf, model, ev, lang);
    pdf.h1(tx::S_MANAGEMENT.get(lang));
    five_case::management(pdf, model, lang);
    five_case::follow_up_plan(pdf, model, lang);
    appendix::risks(pdf, model, lang);
    appendix::assumptions(pdf, model, lang);
    let kind = tx::BUSINESS_CASE.get(lang);
    let right = if version.starts_with(kind) {
        version
    } else {
        format!("{kind} · {version}")
    };
    Ok(right.trim_end_matches([' ', '·']).to_string())
}

fn summary(pdf: &mut dyn Sink, model: &Model, ev: &Evaluation, opts: &ReportOptions) {
    let lang = opts.lang;
    let l = &mut *pdf;
    l.h1(tx::S_SUMMARY.get(lang));
    if !model.doc.initiative.description.is_empty() {
        l.para(&model.doc.initiative.description, BODY);
    }
    l.h2(tx::KEY_FIGURES.get(lang));
    let mut rows = figure_rows(&ev.economic, &ev.budget, lang);
    let freed = fill(
        tx::FREED_TIME_VALUE.get(lang),
        &[
            ("hours", &format::hours(ev.freed_hours_per_year, lang)),
            ("fte", &format::number(ev.fte, 1, lang)),
        ],
    );
    rows.push(vec![
        Cell::text(tx::FREED_TIME.get(lang)),
        Cell::text(freed),
        Cell::text("–"),
    ]);
    l.table(
        &FIGURE_COLUMNS,
        &["", tx::ECONOMIC.get(lang), tx::BUDGET.get(lang)],
        &rows,
    );
    l.para(tx::VIEWS_NOTE.get(lang), SMALL);
    l.para(tx::NPV_NOTE.get(lang), SMALL);

    let s = &ev.scores;
    let level =
        |v: Option<u8>| v.map_or_else(|| tx::NOT_CHOSEN.get(lang).to_string(), |v| v.to_string());
    let reason = |c: Option<&nytta_core::document::ScoreChoice>| {
        c.map(|c| c.reason.clone()).unwrap_or_default()
    };
    let chosen = model.doc.valuation.scores.clone().unwrap_or_default();
    let rows = vec![
        vec![
            Cell::text(tx::EFFECT.get(lang)),
            Cell::text(s.effect.to_string()),
            Cell::text(fill(
                tx::EFFECT_BASIS.get(lang),
                &[
                    ("money", &kr(s.effect_money, lang)),
                    ("hours", &format::hours(ev.freed_hours_per_year, lang)),
                ],
            )),
        ],
        vec![
            Cell::text(tx::FEASIBILITY.get(lang)),
            Cell::text(level(s.feasibility)),
            Cell::text(reason(chosen.feasibility.as_ref())),
        ],
        vec![
            Cell::text(tx::FINANCING.get(lang)),
            Cell::text(level(s.financing)),
            Cell::text(reason(chosen.financing.as_ref())),
        ],
        vec![
            Cell::text(tx::RESOURCE_NEED.get(lang)),
            Cell::text(s.resource_need.to_string()),
            Cell::text(fill(
                tx::RESOURCE_BASIS.get(lang),
                &[("money", &kr(s.resource_money, lang))],
            )),
        ],
        vec![
            Cell::bold(tx::PRIORITY.get(lang)),
            Cell::bold(s.priority.map_or_else(
                || tx::NOT_CHOSEN.get(lang).to_string(),
                |p| format::number(p, 1, lang),
            )),
            Cell::text(tx::PRIORITY_BASIS_TEXT.get(lang)),
        ],
    ];
    let cols = [
        Column(0.26, Align::Left),
        Column(0.1, Align::Right),
        Column(0.64, Align::Left),
    ];
    let rule = if s.full_valuation_required {
        tx::FULL_REQUIRED
    } else {
        tx::SIMPLIFIED_OK
    };
    let w = &model.settings;
    let legend = fill(
        tx::MATRIX_LEGEND.get(lang),
        &[
            ("m5", &kr(w.effect_money_5, lang)),
            ("m3", &kr(w.effect_money_3, lang)),
            ("h5", &format::hours(w.effect_hours_5, lang)),
            ("h3", &format::hours(w.effect_hours_3, lang)),
            ("r5", &kr(w.resource_5, lang)),
            ("r3", &kr(w.resource_3, lang)),
        ],
    );
    let header = [
        tx::CRITERION.get(lang),
        tx::LEVEL.get(lang),
        tx::BASIS.get(lang),
    ];
    let after = l.para_height(&legend, SMALL) + l.para_height(rule.get(lang), BODY_BOLD);
    // The heading, the table with the priority score and the legend stay on one page.
    l.keep(l.table_height(&cols, &header, &rows) + after + HEADING_ROOM);
    l.h2(tx::MATRIX.get(lang));
    l.table(&cols, &header, &rows);
    l.para(&legend, SMALL);
    l.para(rule.get(lang), BODY_BOLD);
}

fn background(pdf: &mut dyn Sink, model: &Model, lang: Lang) {
    let l = &mut *pdf;
    let i = &model.doc.initiative;
    l.h1(tx::S_STRATEGIC.get(lang));
    l.h2(tx::S_BACKGROUND.get(lang));
    let mut facts = vec![
        (tx::DEPARTMENT, i.department.clone()),
        (tx::OWNER, i.owner.clone()),
        (tx::VERSION_STATUS, version_status(model, lang)),
        (
            tx::PRIORITY_BASIS,
            i.priority_basis
                .map(|p| tx::priority_basis(p).get(lang).to_string())
                .unwrap_or_default(),
        ),
        (tx::TAGS, i.tags.join(", ")),
    ];
    facts.retain(|(_, v)| !v.is_empty());
    let rows: Vec<Vec<Cell>> = facts
        .into_iter()
        .map(|(k, v)| vec![Cell::bold(k.get(lang)), Cell::text(v)])
        .collect();
    l.table(
        &[Column(0.26, Align::Left), Column(0.74, Align::Left)],
        &["", ""],
        &rows,
    );
    let n = &i.needs;
    for (label, text) in [
        (tx::PROBLEM, &n.problem),
        (tx::GOALS, &n.goals),
        (tx::TARGET_GROUPS, &n.target_groups),
        (tx::ALTERNATIVES, &n.alternatives),
    ] {
        let text = if text.trim().is_empty() {
            tx::NOT_GIVEN.get(lang)
        } else {
            text.as_str()
        };
        l.labelled(label.get(lang), text);
    }
}

fn ramp_text(line: &Line, lang: Lang) -> Option<String> {
    let ramp = line.ramp.as_ref()?;
    if ramp.len() < 2 {
        return None;
    }
    let f: Vec<String> = ramp
        .iter()
        .map(|r| format::percent(r.get(), 0, lang))
        .collect();
    Some(fill(tx::RAMP.get(lang), &[("factors", &f.join(", "))]))
}

fn timing_text(line: &Line, years: u32, lang: Lang) -> String {
    match &line.timing {
        Some(Timing::Once(y)) => fill(tx::ONCE_IN.get(lang), &[("year", &y.to_string())]),
        Some(Timing::Yearly(r)) => fill(
            tx::YEARLY_FROM.get(lang),
            &[
                ("from", &r.from.to_string()),
                ("to", &r.to.unwrap_or(years).to_string()),
            ],
        ),
        None => String::new(),
    }
}

fn money_cell(line: &Line, r: &nytta_core::case::LineResult, years: u32, lang: Lang) -> Cell {
    let amount = r
        .annual
        .map(|a| format::kronor_ore(a, lang))
        .unwrap_or_default();
    let once = matches!(line.timing, Some(Timing::Once(_)));
    let mut facts = vec![
        if once {
            fill(tx::ONCE_AMOUNT.get(lang), &[("amount", &amount)])
        } else {
            fill(tx::PER_YEAR_FULL.get(lang), &[("amount", &amount)])
        },
        tx::category(line.category).get(lang).to_string(),
        timing_text(line, years, lang),
    ];
    if let Some(c) = line.confidence {
        facts.push(fill(
            tx::CONFIDENCE.get(lang),
            &[("pct", &format::percent(c.get(), 0, lang))],
        ));
    }
    facts.extend(ramp_text(line, lang));
    facts.retain(|f| !f.is_empty());
    let mut cell = Cell::bold(line.name.clone()).and(facts.join(" · "), Weight::Regular);
    if let Some(c) = r.explain.as_deref().map(|e| calculation(e, lang)) {
        cell = cell.and(c, Weight::Regular);
    }
    cell
}

fn benefits(pdf: &mut dyn Sink, model: &Model, ev: &Evaluation, lang: Lang) {
    let l = &mut *pdf;
    l.h2(tx::S_BENEFITS.get(lang));
    l.para(tx::BENEFITS_INTRO.get(lang), BODY);
    let years = model.params.years;
    let lines: Vec<_> = model
        .doc
        .valuation
        .lines
        .iter()
        .zip(&ev.lines)
        .filter(|(d, _)| d.side == Side::Benefit)
        .collect();
    let keys: Vec<Option<Stakeholder>> = Stakeholder::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .collect();
    let mut rows = Vec::new();
    for s in keys {
        let mine: Vec<_> = lines.iter().filter(|(d, _)| d.stakeholder == s).collect();
        if mine.is_empty() {
            continue;
        }
        let mut money = Cell::default();
        let mut other = Cell::default();
        for (d, r) in mine {
            if d.category.is_money() {
                money.0.extend(money_cell(d, r, years, lang).0);
            } else {
                other = other
                    .and(
                        format!("{} ({})", d.name, tx::category(d.category).get(lang)),
                        Weight::Bold,
                    )
                    .and(d.description.clone(), Weight::Regular);
                if !d.indicator.is_empty() {
                    other = other.and(
                        fill(tx::INDICATOR.get(lang), &[("indicator", &d.indicator)]),
                        Weight::Regular,
                    );
                }
            }
        }
        let name = s.map_or(tx::NO_STAKEHOLDER, tx::stakeholder).get(lang);
        rows.push(vec![Cell::bold(capital(name)), money, other]);
    }
    if rows.is_empty() {
        l.para(tx::NO_LINES.get(lang), BODY);
        return;
    }
    let cols = [
        Column(0.19, Align::Left),
        Column(0.49, Align::Left),
        Column(0.32, Align::Left),
    ];
    l.table(
        &cols,
        &[
            tx::STAKEHOLDER.get(lang),
            tx::IN_MONEY.get(lang),
            tx::QUALITY_ENV.get(lang),
        ],
        &rows,
    );
}

fn costs(pdf: &mut dyn Sink, model: &Model, ev: &Evaluation, lang: Lang) {
    let l = &mut *pdf;
    l.h2(tx::S_COSTS.get(lang));
    let years = model.params.years;
    let bias = model.params.optimism_bias;
    let rows: Vec<Vec<Cell>> = model
        .doc
        .valuation
        .lines
        .iter()
        .zip(&ev.lines)
        .filter(|(d, _)| d.side == Side::Cost)
        .map(|(d, r)| {
            let name = Cell::bold(d.name.clone()).and(d.description.clone(), Weight::Regular);
            let mut calc = Cell::text(
                r.annual
                    .map(|a| format::kronor_ore(a, lang))
                    .unwrap_or_default(),
            );
            if let Some(c) = r.explain.as_deref().map(|e| calculation(e, lang)) {
                calc = calc.and(c, Weight::Regular);
            }
            if let (Some(a), false) = (r.annual, bias.is_zero()) {
                let with = a * (Decimal::ONE + bias);
                calc = calc.and(
                    fill(
                        tx::WITH_BIAS.get(lang),
                        &[
                            ("pct", &format::percent(bias, 0, lang)),
                            ("amount", &format::kronor_ore(with, lang)),
                        ],
                    ),
                    Weight::Regular,
                );
            }
            let stake = d
                .stakeholder
                .map(|s| tx::stakeholder(s).get(lang))
                .unwrap_or_default();
            let cat = if stake.is_empty() {
                tx::category(d.category).get(lang).to_string()
            } else {
                format!("{}\n{stake}", tx::category(d.category).get(lang))
            };
            vec![
                name,
                Cell::text(cat),
                Cell::text(timing_text(d, years, lang)),
                calc,
            ]
        })
        .collect();
    if rows.is_empty() {
        l.para(tx::NO_LINES.get(lang), BODY);
    } else {
        let cols = [
            Column(0.34, Align::Left),
            Column(0.15, Align::Left),
            Column(0.15, Align::Left),
            Column(0.36, Align::Left),
        ];
        l.table(
            &cols,
            &[
                tx::COST.get(lang),
                tx::CATEGORY.get(lang),
                tx::TIMING.get(lang),
                tx::AMOUNT.get(lang),
            ],
            &rows,
        );
    }
    if !model.params.optimism_bias.is_zero() {
        l.para(
            &fill(
                tx::OPTIMISM_NOTE.get(lang),
                &[("pct", &format::percent(model.params.optimism_bias, 0, lang))],
            ),
            BODY,
        );
    }
}

fn year_tables(pdf: &mut dyn Sink, ev: &Evaluation, lang: Lang) {
    let l = &mut *pdf;
    let cols = [
        Column(0.12, Align::Left),
        Column(0.17, Align::Right),
        Column(0.17, Align::Right),
        Column(0.17, Align::Right),
        Column(0.18, Align::Right),
        Column(0.19, Align::Right),
    ];
    let header = [
        tx::YEAR,
        tx::BENEFITS,
        tx::COSTS,
        tx::NET,
        tx::CUMULATIVE,
        tx::DISCOUNTED_NET,
    ]
    .map(|t: Tr| t.get(lang));
    type Pick = fn(&nytta_core::case::YearRow) -> &YearFlows;
    let views: [(Tr, Pick, &nytta_core::case::Figures); 2] = [
        (tx::ECONOMIC, |r| &r.economic, &ev.economic),
        (tx::BUDGET, |r| &r.budget, &ev.budget),
    ];
    for (name, pick, figures) in views {
        l.h2(&format!(
            "{}: {}",
            tx::S_YEARS.get(lang),
            name.get(lang).to_lowercase()
        ));
        let mut rows: Vec<Vec<Cell>> = ev
            .years
            .iter()
            .map(|r| {
                let f = pick(r);
                vec![
                    Cell::text(format!("{} ({})", r.calendar_year, r.year)),
                    Cell::text(kr(f.benefits, lang)),
                    Cell::text(kr(f.costs, lang)),
                    Cell::text(kr(f.net, lang)),
                    Cell::text(kr(f.cumulative, lang)),
                    Cell::text(kr(f.discounted_net, lang)),
                ]
            })
            .collect();
        // The total net is the engine's cumulative net of the last year.
        let net = ev
            .years
            .last()
            .map(|r| pick(r).cumulative)
            .unwrap_or_default();
        rows.push(vec![
            Cell::bold(tx::SUM.get(lang)),
            Cell::bold(kr(figures.total_benefits, lang)),
            Cell::bold(kr(figures.total_costs, lang)),
            Cell::bold(kr(net, lang)),
            Cell::text(""),
            Cell::bold(kr(figures.npv, lang)),
        ]);
        l.table(&cols, &header, &rows);
    }
    l.para(tx::YEAR_NOTE.get(lang), SMALL);
    l.para(tx::ROUNDING_NOTE.get(lang), SMALL);
}
