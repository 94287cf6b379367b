//! Follow-ups against the valuation they follow up: checking their references and
//! values, and building the realised case the engine computes.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::check::{check_names, order_inputs};
use super::{parse_formula, unit_interval, Form, LineDef, Model, Problems};
use crate::date::is_iso_date;
use crate::document::{Category, Document, FollowUp, FreedTimeUse, Side};
use crate::error::{DocError, ErrorKind};
use crate::formula;

impl Model {
    /// The realised case of follow-up `index`: the same model with the follow-up's realised
    /// inputs and line fields in place of the expected ones. Benefit confidence is 1 unless
    /// the follow-up gives one: realised values are observed, not risk-adjusted. Freed time
    /// withdrawn from the budget makes reallocation benefits count in the budget view.
    pub fn realised(&self, index: usize) -> Option<Model> {
        let f = self.doc.follow_ups.get(index)?;
        let mut m = self.clone();
        for (id, value) in &f.inputs {
            let i = *m.input_index.get(id)?;
            let formula = formula::parse(&value.get().to_string()).ok()?;
            m.inputs[i].formula = formula;
            m.inputs[i].derived = false;
        }
        let withdrawn = f.freed_time_use == Some(FreedTimeUse::Withdrawn);
        for line in &mut m.lines {
            let Some(money) = line.money.as_mut() else {
                continue;
            };
            if line.side == Side::Benefit {
                money.confidence = Decimal::ONE;
                if withdrawn && line.category == Category::Reallocation {
                    money.in_budget = true;
                }
            }
            let Some(o) = f.lines.get(&line.id) else {
                continue;
            };
            if let Some(c) = o.confidence {
                money.confidence = c.get();
            }
            match &mut money.form {
                Form::Amount(a) => {
                    if let Some(t) = &o.amount {
                        *a = formula::parse(t.as_str()).ok()?;
                    }
                }
                Form::Time {
                    minutes,
                    occurrences,
                    role,
                } => {
                    if let Some(t) = &o.time {
                        if let Some(x) = &t.minutes {
                            *minutes = formula::parse(x.as_str()).ok()?;
                        }
                        if let Some(x) = &t.occurrences {
                            *occurrences = formula::parse(x.as_str()).ok()?;
                        }
                        if let Some(x) = &t.role {
                            *role = x.clone();
                        }
                    }
                }
            }
        }
        // Realised inputs are plain values, so the order may change; no cycle can appear.
        m.input_order = order_inputs(&m.inputs, &m.input_index).ok()?;
        Some(m)
    }
}

pub(super) fn check_follow_up(
    p: &mut Problems,
    i: usize,
    f: &FollowUp,
    doc: &Document,
    n: u32,
    inputs: &HashMap<String, usize>,
    lines: &[LineDef],
) {
    let base = format!("follow_ups[{i}]");
    if !is_iso_date(&f.date) {
        p.invalid(
            format!("{base}.date"),
            "ska vara ett datum ÅÅÅÅ-MM-DD",
            "must be a date YYYY-MM-DD",
        );
    }
    if f.year > n {
        p.push(DocError::invalid(
            format!("{base}.year"),
            format!("uppföljningsåret ska ligga inom kalkylperioden 0–{n}"),
            format!("the follow-up year must lie within the analysis period 0–{n}"),
        ));
    }
    for id in f.inputs.keys() {
        if !inputs.contains_key(id) {
            p.push(DocError::new(
                format!("{base}.inputs.{id}"),
                ErrorKind::UnknownRef {
                    what: "input",
                    id: id.clone(),
                },
            ));
        }
    }
    let roles: HashMap<String, usize> = doc
        .valuation
        .roles
        .iter()
        .enumerate()
        .map(|(k, r)| (r.id.clone(), k))
        .collect();
    for (id, o) in &f.lines {
        let path = format!("{base}.lines.{id}");
        let Some(line) = lines.iter().find(|l| &l.id == id) else {
            p.push(DocError::new(
                path,
                ErrorKind::UnknownRef {
                    what: "line",
                    id: id.clone(),
                },
            ));
            continue;
        };
        let Some(money) = &line.money else {
            p.invalid(
                path,
                "kvalitets- och miljörader har inga belopp att följa upp",
                "quality and environment lines have no amounts to follow up",
            );
            continue;
        };
        match (&money.form, &o.amount, &o.time) {
            (Form::Amount(_), _, Some(_)) => p.invalid(
                format!("{path}.time"),
                "raden anges som belopp, inte tid",
                "the line is given as an amount, not time",
            ),
            (Form::Time { .. }, Some(_), _) => p.invalid(
                format!("{path}.amount"),
                "raden anges som tid, inte belopp",
                "the line is given as time, not an amount",
            ),
            _ => {}
        }
        if let Some(a) = &o.amount {
            if let Some(fm) = parse_formula(p, format!("{path}.amount"), a.as_str()) {
                check_names(p, &format!("{path}.amount"), &fm, inputs, &roles);
            }
        }
        if let Some(t) = &o.time {
            for (field, text) in [("minutes", &t.minutes), ("occurrences", &t.occurrences)] {
                if let Some(text) = text {
                    if let Some(fm) =
                        parse_formula(p, format!("{path}.time.{field}"), text.as_str())
                    {
                        check_names(p, &format!("{path}.time.{field}"), &fm, inputs, &roles);
                    }
                }
            }
            if let Some(r) = &t.role {
                if !roles.contains_key(r) {
                    p.push(DocError::new(
                        format!("{path}.time.role"),
                        ErrorKind::UnknownRef {
                            what: "role",
                            id: r.clone(),
                        },
                    ));
                }
            }
        }
        match (line.side, o.confidence) {
            (Side::Benefit, Some(c)) => unit_interval(
                p,
                format!("{path}.confidence"),
                c.get(),
                "konfidensen",
                "the confidence",
            ),
            // The engine never applies confidence to a cost; refuse it rather than ignore it.
            (Side::Cost, Some(_)) => p.invalid(
                format!("{path}.confidence"),
                "konfidens gäller nyttor; en kostnads utfall anges som belopp eller tid",
                "confidence applies to benefits; a cost's outcome is given as its amount or time",
            ),
            (_, None) => {}
        }
    }
    for id in f.effect_goals.keys() {
        let path = format!("{base}.effect_goals.{id}");
        match doc.valuation.effect_goals.iter().find(|g| &g.id == id) {
            None => p.push(DocError::new(path, ErrorKind::UnknownRef { what: "effect_goal", id: id.clone() })),
            Some(g) if g.baseline.is_none() => p.invalid(
                path,
                "effektmålet saknar utgångsvärde (baseline), så måluppfyllelsen kan inte beräknas; ange baseline i valuation.effect_goals",
                "the effect goal has no baseline, so attainment cannot be computed; give a baseline in valuation.effect_goals",
            ),
            Some(_) => {}
        }
    }
    for (k, lesson) in f.lessons.iter().enumerate() {
        if lesson.trim().is_empty() {
            p.invalid(
                format!("{base}.lessons[{k}]"),
                "en lärdom får inte vara tom",
                "a lesson must not be empty",
            );
        }
    }
}
