//! The checked model the engine computes with: a [`Document`] whose ids are unique, whose
//! references resolve, whose formulas parse and whose inputs form no cycle.
//!
//! `Model::from_document` is the only way in, so the engine never meets an unchecked value.
//! It collects every problem it finds, each with its document path.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::date::is_iso_date;
use crate::document::{
    Category, Document, FollowUp, FreedTimeUse, Line, Side, Stakeholder, Timing,
};
use crate::error::{DocError, DocErrors, ErrorKind};
use crate::formula::{self, Formula, Name};
use crate::settings::ScoreSettings;

/// Longest analysis period accepted (Inera's method uses up to 25 years).
pub const MAX_YEARS: u32 = 50;

/// Hours per month behind the monthly-salary rule (1 700 h ÷ 12, rounded as in DOMAIN.md).
pub const HOURS_PER_MONTH: Decimal = Decimal::from_parts(142, 0, 0, false, 0);

/// Payroll overhead factor behind the monthly-salary rule (+54 %).
pub const PAYROLL_FACTOR: Decimal = Decimal::from_parts(154, 0, 0, false, 2);

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
            format!("{what_en} must be between 0 and 1 (e.g. 0.8 for 80 %), not {v}"),
        ));
    }
}

impl Model {
    /// Checks a document into a model, reporting every problem with its path.
    pub fn from_document(doc: Document) -> Result<Model, DocErrors> {
        let mut p = Problems::default();
        let v = &doc.valuation;
        let params = check_params(&mut p, &doc);
        let n = params.years;

        if let Some(date) = &v.date {
            if !is_iso_date(date) {
                p.invalid(
                    "valuation.date".into(),
                    "ska vara ett datum ÅÅÅÅ-MM-DD",
                    "must be a date YYYY-MM-DD",
                );
            }
        }

        // Roles.
        check_ids(
            &mut p,
            "valuation.roles",
            v.roles.iter().map(|r| r.id.as_str()),
        );
        let mut roles = Vec::new();
        for (i, r) in v.roles.iter().enumerate() {
            let path = format!("valuation.roles[{i}]");
            let hourly = match (r.hourly_cost, r.monthly_salary) {
                (Some(h), None) => Some(h.get()),
                (None, Some(m)) => m
                    .get()
                    .checked_div(HOURS_PER_MONTH)
                    .and_then(|x| x.checked_mul(PAYROLL_FACTOR)),
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
                    p.invalid(
                        path.clone(),
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

        // Inputs.
        check_ids(
            &mut p,
            "valuation.inputs",
            v.inputs.iter().map(|x| x.id.as_str()),
        );
        let mut inputs = Vec::new();
        for (i, x) in v.inputs.iter().enumerate() {
            let path = format!("valuation.inputs[{i}]");
            let Some(f) = parse_formula(&mut p, format!("{path}.value"), x.value.as_str()) else {
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
        for x in &inputs {
            let path = format!(
                "valuation.inputs[{}].value",
                doc_pos.get(x.id.as_str()).copied().unwrap_or(0)
            );
            check_names(&mut p, &path, &x.formula, &input_index, &role_index);
        }
        let input_order = match order_inputs(&inputs, &input_index) {
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

        // Lines.
        check_ids(
            &mut p,
            "valuation.lines",
            v.lines.iter().map(|l| l.id.as_str()),
        );
        let mut lines = Vec::new();
        for (i, l) in v.lines.iter().enumerate() {
            let path = format!("valuation.lines[{i}]");
            if let Some(def) = check_line(&mut p, &path, l, n, &input_index, &role_index) {
                lines.push(def);
            }
        }

        // Scores.
        let mut level = |field: &str, c: Option<&crate::document::ScoreChoice>| {
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

        // Effect goals and risks.
        check_ids(
            &mut p,
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

fn check_params(p: &mut Problems, doc: &Document) -> Params {
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
            format!("the discount rate is a fraction between 0 and 1, e.g. 0.03 for 3 %, not {rate}"),
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
            "the optimism bias is a fraction, e.g. 0.1 for +10 %, and must not be negative",
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

fn check_names(
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
fn order_inputs(
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

fn check_line(
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

fn check_settings(p: &mut Problems, s: ScoreSettings) -> ScoreSettings {
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

fn check_follow_up(
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
