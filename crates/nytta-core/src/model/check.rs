//! The checks behind [`Model::from_document`](super::Model::from_document): parameters,
//! formula names, the order of inputs (and their cycles), lines and score settings. Each
//! pushes every problem it finds, with its path, and never stops at the first.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{
    parse_formula, unit_interval, Form, InputDef, LineDef, MoneyDef, Params, Problems, MAX_YEARS,
};
use crate::document::{Category, Document, Line, Side, Timing};
use crate::error::{DocError, ErrorKind};
use crate::formula::{self, Formula, Name};
use crate::settings::ScoreSettings;

pub(super) fn check_params(p: &mut Problems, doc: &Document) -> Params {
    let x = &doc.valuation.parameters;
    let path = |f: &str| format!("valuation.parameters.{f}");
    if !(1900..=2200).contains(&x.start_year) {
        p.invalid(
            path("start_year"),
            "förväntade ett kalenderår, t.ex. 2024",
            "expected a calendar year, e.g. 2024",
        );
    }
    if !(1..=MAX_YEARS).contains(&x.years) {
        p.push(DocError::invalid(
            path("years"),
            format!(
                "kalkylperioden ska vara 1–{MAX_YEARS} år (Ineras metod använder 6, 15 eller 25)"
            ),
            format!(
                "the analysis period must be 1–{MAX_YEARS} years (Inera's method uses 6, 15 or 25)"
            ),
        ));
    }
    let rate = x.discount_rate.get();
    if rate < Decimal::ZERO || rate >= Decimal::ONE {
        p.push(DocError::invalid(
            path("discount_rate"),
            format!("diskonteringsräntan anges som andel mellan 0 och 1, t.ex. 0.03 för 3 %, inte {rate}"),
            format!("the discount rate is a fraction between 0 and 1, e.g. 0.03 for 3%, not {rate}"),
        ));
    }
    let hours_per_fte = x.hours_per_fte.map_or(Decimal::from(1700), |h| h.get());
    if hours_per_fte <= Decimal::ZERO {
        p.invalid(
            path("hours_per_fte"),
            "timmar per årsarbetare ska vara större än 0",
            "hours per FTE must be greater than 0",
        );
    }
    let optimism_bias = x.optimism_bias.map_or(Decimal::ZERO, |b| b.get());
    if optimism_bias < Decimal::ZERO || optimism_bias > Decimal::TEN {
        p.invalid(
            path("optimism_bias"),
            "optimismpåslaget anges som andel, t.ex. 0.1 för +10 %, och får inte vara negativt",
            "the optimism bias is a fraction, e.g. 0.1 for +10%, and must not be negative",
        );
    }
    if let Some(c) = &x.currency {
        if c != "SEK" {
            p.invalid(path("currency"), "bara SEK stöds", "only SEK is supported");
        }
    }
    Params {
        start_year: x.start_year,
        years: x.years.min(MAX_YEARS),
        rate,
        hours_per_fte: if hours_per_fte > Decimal::ZERO {
            hours_per_fte
        } else {
            Decimal::ONE
        },
        optimism_bias,
    }
}

pub(super) fn check_names(
    p: &mut Problems,
    path: &str,
    f: &Formula,
    inputs: &HashMap<String, usize>,
    roles: &HashMap<String, usize>,
) {
    for (name, pos) in f.names() {
        let missing = match &name {
            Name::Input(id) if !inputs.contains_key(id) => {
                Some(formula::FormulaErrorKind::UnknownInput(id.clone()))
            }
            Name::Role(id) if !roles.contains_key(id) => {
                Some(formula::FormulaErrorKind::UnknownRole(id.clone()))
            }
            _ => None,
        };
        if let Some(kind) = missing {
            p.push(DocError::new(
                path.to_string(),
                ErrorKind::Formula(formula::FormulaError { pos, kind }),
            ));
        }
    }
}

/// Orders inputs so that each comes after the inputs its formula names; on a cycle returns
/// the ids around it.
pub(super) fn order_inputs(
    inputs: &[InputDef],
    index: &HashMap<String, usize>,
) -> Result<Vec<usize>, Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    fn visit(
        i: usize,
        inputs: &[InputDef],
        index: &HashMap<String, usize>,
        marks: &mut [Mark],
        stack: &mut Vec<usize>,
        out: &mut Vec<usize>,
    ) -> Result<(), Vec<String>> {
        match marks[i] {
            Mark::Done => return Ok(()),
            Mark::Active => {
                let start = stack.iter().position(|&s| s == i).unwrap_or(0);
                let mut chain: Vec<String> = stack[start..]
                    .iter()
                    .map(|&s| inputs[s].id.clone())
                    .collect();
                chain.push(inputs[i].id.clone());
                return Err(chain);
            }
            Mark::New => {}
        }
        marks[i] = Mark::Active;
        stack.push(i);
        for (name, _) in inputs[i].formula.names() {
            if let Name::Input(id) = name {
                if let Some(&j) = index.get(&id) {
                    visit(j, inputs, index, marks, stack, out)?;
                }
            }
        }
        stack.pop();
        marks[i] = Mark::Done;
        out.push(i);
        Ok(())
    }
    let mut marks = vec![Mark::New; inputs.len()];
    let mut out = Vec::with_capacity(inputs.len());
    let mut stack = Vec::new();
    for i in 0..inputs.len() {
        visit(i, inputs, index, &mut marks, &mut stack, &mut out)?;
    }
    Ok(out)
}

pub(super) fn check_line(
    p: &mut Problems,
    path: &str,
    l: &Line,
    n: u32,
    inputs: &HashMap<String, usize>,
    roles: &HashMap<String, usize>,
) -> Option<LineDef> {
    let base = LineDef {
        id: l.id.clone(),
        side: l.side,
        category: l.category,
        stakeholder: l.stakeholder,
        money: None,
    };
    if !l.category.is_money() {
        let stray = [
            ("amount", l.amount.is_some()),
            ("time", l.time.is_some()),
            ("timing", l.timing.is_some()),
            ("ramp", l.ramp.is_some()),
            ("confidence", l.confidence.is_some()),
        ];
        for (field, present) in stray {
            if present {
                p.push(DocError::invalid(
                    format!("{path}.{field}"),
                    "kvalitets- och miljörader värderas inte i pengar och har inget belopp, ingen tid och ingen tidpunkt",
                    "quality and environment lines are not valued in money and have no amount, time or timing",
                ));
            }
        }
        return Some(base);
    }
    let form = match (&l.amount, &l.time) {
        (Some(a), None) => {
            let f = parse_formula(p, format!("{path}.amount"), a.as_str())?;
            check_names(p, &format!("{path}.amount"), &f, inputs, roles);
            Some(Form::Amount(f))
        }
        (None, Some(t)) => {
            let minutes = parse_formula(p, format!("{path}.time.minutes"), t.minutes.as_str());
            let occurrences = parse_formula(
                p,
                format!("{path}.time.occurrences"),
                t.occurrences.as_str(),
            );
            if let Some(f) = &minutes {
                check_names(p, &format!("{path}.time.minutes"), f, inputs, roles);
            }
            if let Some(f) = &occurrences {
                check_names(p, &format!("{path}.time.occurrences"), f, inputs, roles);
            }
            if !roles.contains_key(&t.role) {
                p.push(DocError::new(
                    format!("{path}.time.role"),
                    ErrorKind::UnknownRef {
                        what: "role",
                        id: t.role.clone(),
                    },
                ));
            }
            match (minutes, occurrences) {
                (Some(minutes), Some(occurrences)) => Some(Form::Time {
                    minutes,
                    occurrences,
                    role: t.role.clone(),
                }),
                _ => None,
            }
        }
        _ => {
            p.invalid(
                path.to_string(),
                "en pengarad har exakt ett av \"amount\" (belopp) eller \"time\" (tid)",
                "a money line has exactly one of \"amount\" or \"time\"",
            );
            None
        }
    };
    let timing = match &l.timing {
        None => {
            p.push(DocError::new(
                format!("{path}.timing"),
                ErrorKind::MissingField {
                    field: "timing".into(),
                },
            ));
            None
        }
        Some(Timing::Once(y)) => Some((*y, *y, true)),
        Some(Timing::Yearly(r)) => Some((r.from, r.to.unwrap_or(n), false)),
    };
    if let Some((first, last, _)) = timing {
        if last > n || first > last {
            p.push(DocError::invalid(
                format!("{path}.timing"),
                format!(
                    "åren ska ligga inom kalkylperioden 0–{n} och \"from\" ska vara högst \"to\""
                ),
                format!(
                    "years must lie within the analysis period 0–{n}, with \"from\" at most \"to\""
                ),
            ));
        }
    }
    let ramp: Vec<Decimal> = match &l.ramp {
        None => vec![Decimal::ONE],
        Some(r) if r.is_empty() => {
            p.invalid(
                format!("{path}.ramp"),
                "minst en faktor, t.ex. [0.5, 1]",
                "at least one factor, e.g. [0.5, 1]",
            );
            vec![Decimal::ONE]
        }
        Some(r) => {
            for (k, f) in r.iter().enumerate() {
                unit_interval(
                    p,
                    format!("{path}.ramp[{k}]"),
                    f.get(),
                    "upptrappningsfaktorn",
                    "the ramp factor",
                );
            }
            r.iter().map(|f| f.get()).collect()
        }
    };
    let confidence = match (l.side, l.confidence) {
        (_, None) => Decimal::ONE,
        (Side::Benefit, Some(c)) => {
            unit_interval(
                p,
                format!("{path}.confidence"),
                c.get(),
                "konfidensen",
                "the confidence",
            );
            c.get()
        }
        (Side::Cost, Some(_)) => {
            p.invalid(
                format!("{path}.confidence"),
                "konfidens gäller nyttor; osäkerhet i kostnader anges som optimismpåslag (parameters.optimism_bias)",
                "confidence applies to benefits; uncertainty in costs is the optimism bias (parameters.optimism_bias)",
            );
            Decimal::ONE
        }
    };
    let (form, (first, last, once)) = (form?, timing?);
    Some(LineDef {
        money: Some(MoneyDef {
            form,
            first,
            last: last.min(n),
            once,
            ramp,
            confidence,
            in_budget: l.category == Category::Financial,
        }),
        ..base
    })
}

pub(super) fn check_settings(p: &mut Problems, s: ScoreSettings) -> ScoreSettings {
    let path = "valuation.settings".to_string();
    let weights = [
        s.weight_effect,
        s.weight_feasibility,
        s.weight_financing,
        s.weight_resource,
    ];
    // The priority score multiplies the weights by levels up to 5, so 5 × their sum must
    // fit in a decimal; `None` here means it does not.
    let total = weights
        .iter()
        .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w))
        .filter(|t| t.checked_mul(Decimal::from(5)).is_some());
    if weights.iter().any(|w| *w < Decimal::ZERO) || total.is_none_or(|t| t <= Decimal::ZERO) {
        p.invalid(
            path.clone(),
            "vikterna får inte vara negativa eller orimligt stora, och minst en ska vara större än 0",
            "weights must not be negative or unreasonably large, and at least one must be above 0",
        );
    }
    for (field, level) in [
        ("full_valuation_effect", s.full_valuation_effect),
        ("full_valuation_resource", s.full_valuation_resource),
    ] {
        if !matches!(level, 1 | 3 | 5) {
            p.invalid(
                format!("{path}.{field}"),
                "nivån som kräver fördjupad nyttovärdering ska vara 1, 3 eller 5",
                "the level that requires a full valuation must be 1, 3 or 5",
            );
        }
    }
    if s.effect_money_3 > s.effect_money_5
        || s.effect_hours_3 > s.effect_hours_5
        || s.resource_3 > s.resource_5
    {
        p.invalid(
            path,
            "gränsen för nivå 3 får inte vara högre än gränsen för nivå 5",
            "the level 3 threshold must not exceed the level 5 threshold",
        );
    }
    s
}
