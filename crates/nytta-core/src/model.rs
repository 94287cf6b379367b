//! The checked model the engine computes with: a [`Document`] whose ids are unique, whose
//! references resolve, whose formulas parse and whose inputs form no cycle.
//!
//! `Model::from_document` is the only way in, so the engine never meets an unchecked value.
//! It collects every problem it finds, each with its document path.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::date::is_iso_date;
use crate::document::{Category, Document, Line, ScoreChoice, Side, Stakeholder, Valuation};
use crate::error::{DocError, DocErrors, ErrorKind};
use crate::formula::{self, Formula};
use crate::settings::ScoreSettings;

mod business_case;
mod check;
mod follow_up;
mod simulation;

use business_case::{check_case, check_line_links};
use check::{check_line, check_names, check_params, check_settings, order_inputs};
use follow_up::check_follow_up;
pub use simulation::check_draws;
use simulation::check_simulation;

/// Longest analysis period accepted (Inera's method uses up to 25 years).
pub const MAX_YEARS: u32 = 50;

/// The most draws accepted: ten times the default, about half a second for a large valuation.
pub const MAX_DRAWS: u32 = 100_000;

/// Hours per month behind the monthly-salary rule (1 700 h ÷ 12, rounded; docs/domain.md).
pub const HOURS_PER_MONTH: Decimal = Decimal::from_parts(142, 0, 0, false, 0);

/// Payroll overhead factor behind the monthly-salary rule (+54 %).
pub const PAYROLL_FACTOR: Decimal = Decimal::from_parts(154, 0, 0, false, 2);

/// The hourly cost incl. payroll overhead of a monthly salary: `monthly ÷ 142 × 1,54`, exact
/// (not rounded); `None` when it does not fit a decimal.
pub fn hourly_from_monthly(monthly: Decimal) -> Option<Decimal> {
    monthly
        .checked_div(HOURS_PER_MONTH)
        .and_then(|x| x.checked_mul(PAYROLL_FACTOR))
}

/// Checked analysis parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Calendar year of year 0.
    pub start_year: i32,
    /// N: years 0..=N are computed.
    pub years: u32,
    /// Discount rate.
    pub rate: Decimal,
    /// Hours per full-time equivalent.
    pub hours_per_fte: Decimal,
    /// Optimism bias on costs.
    pub optimism_bias: Decimal,
}

/// A role with its hourly cost resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleDef {
    /// Id.
    pub id: String,
    /// Hourly cost incl. payroll overhead.
    pub hourly_cost: Decimal,
    /// The monthly salary it was computed from, if given that way.
    pub monthly_salary: Option<Decimal>,
}

/// An input with its formula parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct InputDef {
    /// Id.
    pub id: String,
    /// Likely value or derivation.
    pub formula: Formula,
    /// Whether the value is a formula over other inputs.
    pub derived: bool,
    /// Low bound.
    pub low: Option<Decimal>,
    /// High bound.
    pub high: Option<Decimal>,
}

/// How a money line's amount is computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    /// Kronor per occurrence of the timing.
    Amount(Formula),
    /// Minutes × occurrences / 60 × the role's hourly cost.
    Time {
        /// Minutes per occurrence.
        minutes: Formula,
        /// Occurrences.
        occurrences: Formula,
        /// Role id.
        role: String,
    },
}

/// A money line's computation.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyDef {
    /// Amount form.
    pub form: Form,
    /// First year the amount falls.
    pub first: u32,
    /// Last year the amount falls.
    pub last: u32,
    /// Once (true) or yearly.
    pub once: bool,
    /// Ramp factors from the first year; the last repeats.
    pub ramp: Vec<Decimal>,
    /// Confidence (1 for costs).
    pub confidence: Decimal,
    /// Whether the line counts in the budget view.
    pub in_budget: bool,
}

/// A checked line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineDef {
    /// Id.
    pub id: String,
    /// Benefit or cost.
    pub side: Side,
    /// Category.
    pub category: Category,
    /// Stakeholder.
    pub stakeholder: Option<Stakeholder>,
    /// The computation; `None` for quality and environment lines.
    pub money: Option<MoneyDef>,
}

/// A document checked for the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The document as read: texts, goals, risks and follow-ups.
    pub doc: Document,
    /// Parameters.
    pub params: Params,
    /// Roles by document order.
    pub roles: Vec<RoleDef>,
    /// Inputs by document order.
    pub inputs: Vec<InputDef>,
    /// Input indices in evaluation order (what an input refers to comes first).
    pub input_order: Vec<usize>,
    /// Lines by document order.
    pub lines: Vec<LineDef>,
    /// Score settings.
    pub settings: ScoreSettings,
    /// Feasibility level chosen by the user.
    pub feasibility: Option<u8>,
    /// Financing level chosen by the user.
    pub financing: Option<u8>,
    pub(crate) input_index: HashMap<String, usize>,
    pub(crate) role_index: HashMap<String, usize>,
}

/// Collects problems while checking, so the user sees them all at once.
#[derive(Default)]
struct Problems(Vec<DocError>);

impl Problems {
    fn push(&mut self, e: DocError) {
        self.0.push(e);
    }

    fn invalid(&mut self, path: String, sv: &str, en: &str) {
        self.0.push(DocError::invalid(path, sv, en));
    }
}

/// Whether `id` is a plain name usable in formulas.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(id, "min" | "max" | "role")
}

fn parse_formula(p: &mut Problems, path: String, text: &str) -> Option<Formula> {
    match formula::parse(text) {
        Ok(f) => Some(f),
        Err(e) => {
            p.push(DocError::new(path, ErrorKind::Formula(e)));
            None
        }
    }
}

fn check_ids<'a>(p: &mut Problems, base: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = format!("{base}[{i}].id");
        if !is_valid_id(id) {
            p.push(DocError::new(path, ErrorKind::BadId { id: id.into() }));
        } else if seen.insert(id.to_string(), i).is_some() {
            p.push(DocError::new(
                path,
                ErrorKind::DuplicateId { id: id.into() },
            ));
        }
    }
}

fn unit_interval(p: &mut Problems, path: String, v: Decimal, what_sv: &str, what_en: &str) {
    if v < Decimal::ZERO || v > Decimal::ONE {
        p.push(DocError::invalid(
            path,
            format!("{what_sv} ska vara mellan 0 och 1 (t.ex. 0.8 för 80 %), inte {v}"),
            format!("{what_en} must be between 0 and 1 (e.g. 0.8 for 80%), not {v}"),
        ));
    }
}

/// The initiative needs a title.
fn check_title(p: &mut Problems, doc: &Document) {
    if doc.initiative.title.trim().is_empty() {
        p.invalid(
            "initiative.title".into(),
            "initiativet behöver en titel; den får inte vara tom eller bara blanksteg",
            "the initiative needs a title; it must not be empty or only spaces",
        );
    }
}

/// The valuation's date, when given, is an ISO date.
fn check_date(p: &mut Problems, v: &Valuation) {
    if let Some(date) = &v.date {
        if !is_iso_date(date) {
            p.invalid(
                "valuation.date".into(),
                "ska vara ett datum ÅÅÅÅ-MM-DD",
                "must be a date YYYY-MM-DD",
            );
        }
    }
}

/// Each role's hourly cost (given, or from a monthly salary), with the roles by id.
fn check_roles(p: &mut Problems, v: &Valuation) -> (Vec<RoleDef>, HashMap<String, usize>) {
    check_ids(p, "valuation.roles", v.roles.iter().map(|r| r.id.as_str()));
    let mut roles = Vec::new();
    for (i, r) in v.roles.iter().enumerate() {
        let path = format!("valuation.roles[{i}]");
        let hourly = match (r.hourly_cost, r.monthly_salary) {
            (Some(h), None) => Some(h.get()),
            (None, Some(m)) => hourly_from_monthly(m.get()),
            _ => {
                p.invalid(
                    path.clone(),
                    "ange antingen hourly_cost (timkostnad inkl. PO-pålägg) eller monthly_salary (månadslön), inte båda eller ingen",
                    "give either hourly_cost (incl. payroll overhead) or monthly_salary, not both or neither",
                );
                None
            }
        };
        if let Some(h) = hourly {
            if h < Decimal::ZERO {
                // The path names the field the person typed into.
                let field = if r.hourly_cost.is_some() {
                    "hourly_cost"
                } else {
                    "monthly_salary"
                };
                p.invalid(
                    format!("{path}.{field}"),
                    "timkostnaden får inte vara negativ",
                    "the hourly cost must not be negative",
                );
            }
            roles.push(RoleDef {
                id: r.id.clone(),
                hourly_cost: h,
                monthly_salary: r.monthly_salary.map(|m| m.get()),
            });
        }
    }
    let role_index: HashMap<String, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    (roles, role_index)
}

/// Each input's formula parsed and its range checked against its value.
fn check_inputs(p: &mut Problems, v: &Valuation) -> Vec<InputDef> {
    check_ids(
        p,
        "valuation.inputs",
        v.inputs.iter().map(|x| x.id.as_str()),
    );
    let mut inputs = Vec::new();
    for (i, x) in v.inputs.iter().enumerate() {
        let path = format!("valuation.inputs[{i}]");
        let Some(f) = parse_formula(p, format!("{path}.value"), x.value.as_str()) else {
            continue;
        };
        let derived = f.as_number().is_none();
        if derived && (x.low.is_some() || x.high.is_some()) {
            p.invalid(
                path.clone(),
                "en härledd faktor (värdet är en formel) har inget lågt eller högt värde; ange intervall på faktorerna den bygger på",
                "a derived input (its value is a formula) has no low or high value; give ranges on the inputs it is built from",
            );
        }
        if let (Some(value), Some(lo), Some(hi)) = (f.as_number(), x.low, x.high) {
            if !(lo.get() <= value && value <= hi.get()) {
                p.invalid(
                    path.clone(),
                    "förväntade low ≤ value ≤ high",
                    "expected low ≤ value ≤ high",
                );
            }
        }
        inputs.push(InputDef {
            id: x.id.clone(),
            formula: f,
            derived,
            low: x.low.map(|n| n.get()),
            high: x.high.map(|n| n.get()),
        });
    }
    inputs
}

/// The names the inputs refer to resolve, and the inputs in an order without cycles: the
/// inputs by id and the evaluation order.
fn order_checked_inputs(
    p: &mut Problems,
    v: &Valuation,
    inputs: &[InputDef],
    role_index: &HashMap<String, usize>,
) -> (HashMap<String, usize>, Vec<usize>) {
    let input_index: HashMap<String, usize> = inputs
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), i))
        .collect();
    // References from inputs, by document index of the referring input.
    let doc_pos: HashMap<&str, usize> = v
        .inputs
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    for x in inputs {
        let path = format!(
            "valuation.inputs[{}].value",
            doc_pos.get(x.id.as_str()).copied().unwrap_or(0)
        );
        check_names(p, &path, &x.formula, &input_index, role_index);
    }
    let input_order = match order_inputs(inputs, &input_index) {
        Ok(order) => order,
        Err(chain) => {
            let first = chain.first().cloned().unwrap_or_default();
            let i = doc_pos.get(first.as_str()).copied().unwrap_or(0);
            p.push(DocError::new(
                format!("valuation.inputs[{i}].value"),
                ErrorKind::Cycle { chain },
            ));
            Vec::new()
        }
    };
    (input_index, input_order)
}

/// Each line checked against the analysis period (`years`), the inputs and the roles.
fn check_lines(
    p: &mut Problems,
    v: &Valuation,
    years: u32,
    input_index: &HashMap<String, usize>,
    role_index: &HashMap<String, usize>,
) -> Vec<LineDef> {
    check_ids(p, "valuation.lines", v.lines.iter().map(|l| l.id.as_str()));
    let mut lines = Vec::new();
    for (i, l) in v.lines.iter().enumerate() {
        let path = format!("valuation.lines[{i}]");
        if let Some(def) = check_line(p, &path, l, years, input_index, role_index) {
            lines.push(def);
        }
    }
    lines
}

/// The feasibility and financing levels the user chose (1, 3 or 5).
fn check_score_levels(p: &mut Problems, v: &Valuation) -> (Option<u8>, Option<u8>) {
    let mut level = |field: &str, c: Option<&ScoreChoice>| {
        let c = c?;
        if matches!(c.level, 1 | 3 | 5) {
            Some(c.level)
        } else {
            p.invalid(
                format!("valuation.scores.{field}.level"),
                "nivån ska vara 1, 3 eller 5",
                "the level must be 1, 3 or 5",
            );
            None
        }
    };
    let scores = v.scores.clone().unwrap_or_default();
    let feasibility = level("feasibility", scores.feasibility.as_ref());
    let financing = level("financing", scores.financing.as_ref());
    (feasibility, financing)
}

/// Effect goals: unique ids, ISO target dates, a target that differs from the baseline.
fn check_effect_goals(p: &mut Problems, v: &Valuation) {
    check_ids(
        p,
        "valuation.effect_goals",
        v.effect_goals.iter().map(|g| g.id.as_str()),
    );
    for (i, g) in v.effect_goals.iter().enumerate() {
        if let Some(d) = &g.target_date {
            if !is_iso_date(d) {
                p.invalid(
                    format!("valuation.effect_goals[{i}].target_date"),
                    "ska vara ett datum ÅÅÅÅ-MM-DD",
                    "must be a date YYYY-MM-DD",
                );
            }
        }
        if g.baseline.map(|b| b.get()) == Some(g.target.get()) {
            p.invalid(
                format!("valuation.effect_goals[{i}].target"),
                "målvärdet ska skilja sig från utgångsvärdet",
                "the target must differ from the baseline",
            );
        }
    }
}

/// Risks: likelihood and impact 1–5.
fn check_risks(p: &mut Problems, v: &Valuation) {
    for (i, r) in v.risks.iter().enumerate() {
        for (field, value) in [("likelihood", r.likelihood), ("impact", r.impact)] {
            if !(1..=5).contains(&value) {
                p.invalid(
                    format!("valuation.risks[{i}].{field}"),
                    "ska vara 1–5",
                    "must be 1–5",
                );
            }
        }
    }
}

impl Model {
    /// Checks a document into a model, reporting every problem with its path. The steps run
    /// in document order, so the problems are listed in the order a reader meets them.
    pub fn from_document(doc: Document) -> Result<Model, DocErrors> {
        let mut p = Problems::default();
        check_title(&mut p, &doc);
        let v = &doc.valuation;
        let params = check_params(&mut p, &doc);
        let n = params.years;
        check_date(&mut p, v);
        let (roles, role_index) = check_roles(&mut p, v);
        let inputs = check_inputs(&mut p, v);
        for e in check_simulation(&doc) {
            p.push(e);
        }
        let (input_index, input_order) = order_checked_inputs(&mut p, v, &inputs, &role_index);
        let lines = check_lines(&mut p, v, n, &input_index, &role_index);
        let (feasibility, financing) = check_score_levels(&mut p, v);
        check_effect_goals(&mut p, v);
        check_line_links(&mut p, v);
        check_risks(&mut p, v);
        check_case(&mut p, v, n);
        let settings = match &v.settings {
            Some(s) => check_settings(&mut p, s.into()),
            None => ScoreSettings::default(),
        };
        // Follow-ups are checked against the valuation they follow up.
        for (i, f) in doc.follow_ups.iter().enumerate() {
            check_follow_up(&mut p, i, f, &doc, n, &input_index, &lines);
        }

        if !p.0.is_empty() {
            return Err(DocErrors(p.0));
        }
        Ok(Model {
            doc,
            params,
            roles,
            inputs,
            input_order,
            lines,
            settings,
            feasibility,
            financing,
            input_index,
            role_index,
        })
    }

    /// Index of the input with `id`.
    pub fn input_position(&self, id: &str) -> Option<usize> {
        self.input_index.get(id).copied()
    }

    /// The role with `id`.
    pub fn role(&self, id: &str) -> Option<&RoleDef> {
        self.role_index.get(id).map(|&i| &self.roles[i])
    }

    /// The document line behind checked line `i` (same order).
    pub fn doc_line(&self, i: usize) -> Option<&Line> {
        self.doc.valuation.lines.get(i)
    }
}
