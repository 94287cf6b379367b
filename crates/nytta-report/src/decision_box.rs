//! Page 1 of the business case: the decision box — what is proposed, to whom, at what cost
//! and risk, whether the budget view pays for itself, and what the document does not say
//! ("Beslutsinstans saknas") — and the contents list.

use nytta_core::format;
use nytta_core::{Evaluation, Lang, Model};
use rust_decimal::Decimal;

use crate::common::{kr, version, version_status};
use crate::content::Sink;
use crate::five_case::{case, or_missing};
use crate::layout::{Align, Cell, Column, BODY};
use crate::text::five_case as fc;
use crate::text::{self as tx, fill};
use crate::ReportOptions;

const LABEL_VALUE: [Column; 2] = [Column(0.3, Align::Left), Column(0.7, Align::Left)];

/// The decision box: what is proposed, to whom, at what cost and risk, and what is missing.
pub(crate) fn decision_box(
    pdf: &mut dyn Sink,
    model: &Model,
    ev: &Evaluation,
    opts: &ReportOptions,
) {
    let lang = opts.lang;
    let c = case(model);
    let d = &c.decision;
    let proposal = if !d.proposal.trim().is_empty() {
        d.proposal.clone()
    } else if let Some(asked) = &opts.decision {
        asked.clone()
    } else {
        let v = version(model);
        let standard = if v.is_empty() {
            tx::DECISION_UNNAMED.get(lang).to_string()
        } else {
            fill(tx::DECISION_DEFAULT.get(lang), &[("version", &v)])
        };
        fill(fc::PROPOSAL_DEFAULT.get(lang), &[("text", &standard)])
    };
    // The deciding body proposed, else the one recorded when the version was decided.
    let body = if d.deciding_body.trim().is_empty() {
        model.doc.valuation.decided_by.as_str()
    } else {
        d.deciding_body.as_str()
    };
    let costs: Vec<String> = ev
        .years
        .iter()
        .filter(|r| !r.budget.costs.is_zero())
        .map(|r| format!("{}: {}", r.calendar_year, kr(r.budget.costs, lang)))
        .collect();
    let costs = if costs.is_empty() {
        fc::NO_BUDGET_COSTS.get(lang).to_string()
    } else {
        costs.join("; ")
    };
    let mut rows: Vec<(tx::Tr, String)> = vec![
        (fc::PROPOSAL, proposal),
        (fc::BODY, or_missing(body, fc::BODY_MISSING, lang)),
        (fc::COST_PER_YEAR, costs),
        (fc::FUNDING_SOURCE, funding(model, lang)),
        (
            fc::START,
            or_missing(
                d.start.as_deref().unwrap_or_default(),
                fc::START_MISSING,
                lang,
            ),
        ),
        (
            fc::RECOMMENDATION,
            or_missing(&d.recommendation, fc::RECOMMENDATION_MISSING, lang),
        ),
        (
            fc::CASE_NUMBER,
            or_missing(&d.case_number, fc::CASE_NUMBER_MISSING, lang),
        ),
        (tx::VERSION_STATUS, version_status(model, lang)),
    ];
    rows.push((fc::BUDGET_PAYS, budget_pays(model, ev, lang)));
    rows.push((fc::TOP_RISKS, top_risks(model, lang)));
    rows.push((fc::TOP_ASSUMPTIONS, top_assumptions(model, ev, lang)));
    let rows: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|(k, v)| vec![Cell::bold(k.get(lang)), Cell::text(v)])
        .collect();
    let l = &mut *pdf;
    l.h2(fc::DECISION_BOX.get(lang));
    l.table(&LABEL_VALUE, &["", ""], &rows);
}

/// The funding source; when the decision material names none, that it is missing there, and
/// beside it the financing score's level and reason when the user gave one, so that a score
/// of "fits the existing budget" and the missing source are read together.
fn funding(model: &Model, lang: Lang) -> String {
    let c = case(model);
    let source = c.decision.funding_source.trim();
    if !source.is_empty() {
        return source.to_string();
    }
    let missing = fc::FUNDING_MISSING_BOX.get(lang);
    let scored = model
        .doc
        .valuation
        .scores
        .as_ref()
        .and_then(|s| s.financing.as_ref());
    match scored {
        Some(s) if !s.reason.trim().is_empty() => fill(
            fc::FUNDING_SCORED.get(lang),
            &[
                ("missing", missing),
                ("level", &s.level.to_string()),
                ("reason", s.reason.trim()),
            ],
        ),
        _ => missing.to_string(),
    }
}

/// Whether the budget view pays back, when, and whether its NPV agrees: a payback that is
/// reached only undiscounted says so beside the negative NPV.
fn budget_pays(model: &Model, ev: &Evaluation, lang: Lang) -> String {
    let b = &ev.budget;
    let npv = kr(b.npv, lang);
    if b.total_benefits.is_zero() && b.total_costs.is_zero() {
        return fc::BUDGET_EMPTY.get(lang).to_string();
    }
    // Nothing is spent, so the engine gives no payback: saying "no payback within the
    // period" beside a positive NPV would be false.
    if b.total_costs.is_zero() {
        return fill(fc::BUDGET_NO_COSTS.get(lang), &[("npv", &npv)]);
    }
    let discounted = b.npv >= Decimal::ZERO;
    match b.payback_years {
        Some(y) if y.is_zero() => {
            let t = if discounted {
                fc::BUDGET_PAYS_AT_ONCE
            } else {
                fc::BUDGET_PAYS_AT_ONCE_UNDISCOUNTED
            };
            fill(t.get(lang), &[("npv", &npv)])
        }
        Some(y) => {
            let t = if discounted {
                fc::BUDGET_PAYS_YES
            } else {
                fc::BUDGET_PAYS_YES_UNDISCOUNTED
            };
            fill(
                t.get(lang),
                &[("years", &format::years(y, lang)), ("npv", &npv)],
            )
        }
        // A cumulative net below zero in every year has a negative NPV at any rate of 0 % or
        // more (the model's rates), so "no" is never qualified by the discounted figure.
        None => {
            let p = &model.params;
            let to = i64::from(p.start_year) + i64::from(p.years);
            fill(
                fc::BUDGET_PAYS_NO.get(lang),
                &[
                    ("from", &p.start_year.to_string()),
                    ("to", &to.to_string()),
                    ("npv", &npv),
                ],
            )
        }
    }
}

/// The three risks with the largest likelihood × impact (document order on a tie).
fn top_risks(model: &Model, lang: Lang) -> String {
    let mut risks: Vec<_> = model.doc.valuation.risks.iter().collect();
    if risks.is_empty() {
        return fc::NO_RISKS.get(lang).to_string();
    }
    risks.sort_by_key(|r| std::cmp::Reverse(u16::from(r.likelihood) * u16::from(r.impact)));
    risks
        .iter()
        .take(3)
        .enumerate()
        .map(|(k, r)| {
            fill(
                fc::RISK_ITEM.get(lang),
                &[
                    ("n", &(k + 1).to_string()),
                    ("text", r.text.trim().trim_end_matches('.')),
                    ("l", &r.likelihood.to_string()),
                    ("i", &r.impact.to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An input's likely value as the engine used it, with its unit.
fn input_value(model: &Model, ev: &Evaluation, id: &str, lang: Lang) -> String {
    let unit = model
        .doc
        .valuation
        .inputs
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.unit.as_str())
        .unwrap_or_default();
    let value = ev
        .inputs
        .iter()
        .find(|v| v.id == id)
        .map(|v| format::number_trim(v.value, 4, lang))
        .unwrap_or_default();
    format::with_unit(&value, unit, lang)
}

/// The three inputs the sensitivity analysis ranks highest, with value and source.
fn top_assumptions(model: &Model, ev: &Evaluation, lang: Lang) -> String {
    let bars = &ev.sensitivity.tornado;
    if bars.is_empty() {
        return fc::NO_ASSUMPTIONS.get(lang).to_string();
    }
    bars.iter()
        .take(3)
        .enumerate()
        .map(|(k, b)| {
            let input = model.doc.valuation.inputs.iter().find(|i| i.id == b.input);
            let name = input.map_or(b.input.as_str(), |i| i.name.as_str());
            let source = input
                .map(|i| i.source.trim())
                .filter(|s| !s.is_empty())
                .unwrap_or(fc::NO_SOURCE.get(lang));
            fill(
                fc::ASSUMPTION_ITEM.get(lang),
                &[
                    ("n", &(k + 1).to_string()),
                    ("name", name),
                    ("value", &input_value(model, ev, &b.input, lang)),
                    ("source", source),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The contents list: every section heading, in order.
pub(crate) fn contents(pdf: &mut dyn Sink, lang: Lang) {
    let items: Vec<String> = tx::SECTIONS
        .iter()
        .map(|s| s.get(lang).to_string())
        .collect();
    let l = &mut *pdf;
    l.h2(fc::CONTENTS.get(lang));
    for item in &items {
        l.para(item, BODY);
    }
}
