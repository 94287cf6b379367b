//! Input values and line amounts: the first steps of a case. Every input's value (likely, or
//! a scenario's overrides) in dependency order, and from them each line's annual amount and
//! hours, checked against [`MAX_LINE_AMOUNT`], with the formula written out with the values
//! used. Nothing is rounded here.

use rust_decimal::Decimal;

use crate::error::{DocError, ErrorKind};
use crate::format::Lang;
use crate::formula::{self, Formula};
use crate::model::{Form, LineDef, Model, MoneyDef};

/// A line's amount at given input values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineAmount {
    /// Full-effect amount per occurrence of the timing.
    pub annual: Decimal,
    /// Hours per occurrence, for time-form lines.
    pub hours: Option<Decimal>,
}

struct Env<'a> {
    model: &'a Model,
    values: &'a [Decimal],
}

impl formula::Env for Env<'_> {
    fn input(&self, id: &str) -> Option<Decimal> {
        self.model
            .input_position(id)
            .and_then(|i| self.values.get(i).copied())
    }

    fn role(&self, id: &str) -> Option<Decimal> {
        self.model.role(id).map(|r| r.hourly_cost)
    }

    fn unit(&self, id: &str) -> Option<&str> {
        let i = self.model.input_position(id)?;
        self.model
            .doc
            .valuation
            .inputs
            .get(i)
            .map(|x| x.unit.as_str())
    }
}

fn formula_error(path: String, e: formula::FormulaError) -> DocError {
    DocError::new(path, ErrorKind::Formula(e))
}

pub(crate) fn overflow(path: String) -> DocError {
    formula_error(
        path,
        formula::FormulaError {
            pos: 1,
            kind: formula::FormulaErrorKind::Overflow,
        },
    )
}

/// The value of every input (document order) with `overrides` (input index, value) in place
/// of the likely values.
pub fn input_values(
    model: &Model,
    overrides: &[(usize, Decimal)],
) -> Result<Vec<Decimal>, DocError> {
    let mut values = vec![Decimal::ZERO; model.inputs.len()];
    for &i in &model.input_order {
        values[i] = match overrides.iter().find(|(k, _)| *k == i) {
            Some((_, v)) => *v,
            None => input_value(model, &values, i)?,
        };
    }
    Ok(values)
}

/// Input `i`'s value from its formula, with the inputs it refers to at `values`.
pub(crate) fn input_value(
    model: &Model,
    values: &[Decimal],
    i: usize,
) -> Result<Decimal, DocError> {
    let env = Env { model, values };
    model.inputs[i]
        .formula
        .eval(&env)
        .map_err(|e| formula_error(format!("valuation.inputs[{i}].value"), e))
}

/// The derivation of input `i` with the values and units of the inputs it refers to
/// (`10 robotar × 1,5 besök/dag × 365`); `None` for an input given as a number.
pub fn explain_input(model: &Model, values: &[Decimal], i: usize, lang: Lang) -> Option<String> {
    let input = model.inputs.get(i).filter(|x| x.derived)?;
    input.formula.explain(&Env { model, values }, lang).ok()
}

/// Each line's amount at the given input values (`None` for lines without money).
pub fn line_amounts(
    model: &Model,
    values: &[Decimal],
) -> Result<Vec<Option<LineAmount>>, DocError> {
    (0..model.lines.len())
        .map(|i| line_amount(model, values, i))
        .collect()
}

/// Line `i`'s amount at the given input values (`None` for a line without money). Its path
/// is written only when there is an error to name it in.
pub(crate) fn line_amount(
    model: &Model,
    values: &[Decimal],
    i: usize,
) -> Result<Option<LineAmount>, DocError> {
    let Some(money) = model.lines.get(i).and_then(|l| l.money.as_ref()) else {
        return Ok(None);
    };
    let env = Env { model, values };
    let path = || format!("valuation.lines[{i}]");
    let a = amount(model, &env, money, &path)?;
    let field = match money.form {
        Form::Amount(_) => "amount",
        Form::Time { .. } => "time",
    };
    within_limit(&model.lines[i].id, || format!("{}.{field}", path()), a).map(Some)
}

const SIXTY: Decimal = Decimal::from_parts(60, 0, 0, false, 0);

pub use crate::num::MAX_LINE_AMOUNT;

/// Refuses a line whose amount or hours exceed [`MAX_LINE_AMOUNT`], naming the line.
fn within_limit(
    line_id: &str,
    path: impl Fn() -> String,
    a: LineAmount,
) -> Result<LineAmount, DocError> {
    use crate::format::{kronor, number};
    let too_big = |what_sv: &str, what_en: &str, shown: fn(Decimal, Lang) -> String, v| {
        DocError::invalid(
            path(),
            format!(
                "{what_sv} för raden \"{line_id}\" blir {}; högst {} kan räknas med – kontrollera formeln och faktorernas värden",
                shown(v, Lang::Sv),
                shown(MAX_LINE_AMOUNT, Lang::Sv),
            ),
            format!(
                "{what_en} of line \"{line_id}\" comes to {}; at most {} can be calculated with – check the formula and the inputs' values",
                shown(v, Lang::En),
                shown(MAX_LINE_AMOUNT, Lang::En),
            ),
        )
    };
    fn hours(v: Decimal, lang: Lang) -> String {
        let unit = if lang == Lang::Sv { "timmar" } else { "hours" };
        format!("{} {unit}", number(v, 0, lang))
    }
    if a.annual.abs() > MAX_LINE_AMOUNT {
        return Err(too_big("beloppet", "the amount", kronor, a.annual));
    }
    match a.hours {
        Some(h) if h.abs() > MAX_LINE_AMOUNT => Err(too_big("timmarna", "the hours", hours, h)),
        _ => Ok(a),
    }
}

fn amount(
    model: &Model,
    env: &Env,
    money: &MoneyDef,
    path: &dyn Fn() -> String,
) -> Result<LineAmount, DocError> {
    match &money.form {
        Form::Amount(f) => Ok(LineAmount {
            annual: f
                .eval(env)
                .map_err(|e| formula_error(format!("{}.amount", path()), e))?,
            hours: None,
        }),
        Form::Time {
            minutes,
            occurrences,
            role,
        } => {
            let m = minutes
                .eval(env)
                .map_err(|e| formula_error(format!("{}.time.minutes", path()), e))?;
            let o = occurrences
                .eval(env)
                .map_err(|e| formula_error(format!("{}.time.occurrences", path()), e))?;
            let cost = model.role(role).map(|r| r.hourly_cost).unwrap_or_default();
            // Multiply first and divide by 60 once, so whole minutes stay exact.
            let minutes_total = m
                .checked_mul(o)
                .ok_or_else(|| overflow(format!("{}.time", path())))?;
            let annual = minutes_total
                .checked_mul(cost)
                .and_then(|x| x.checked_div(SIXTY))
                .ok_or_else(|| overflow(format!("{}.time", path())))?;
            Ok(LineAmount {
                annual,
                hours: minutes_total.checked_div(SIXTY),
            })
        }
    }
}

/// The explanation of a line's amount: its formula with the values and units used and the
/// result (`10 st × 22 000 kr = 220 000,00 kr`); `None` for a plain amount or a single
/// input's value, whose explanation would only repeat it. An hourly cost is shown to the
/// öre; when that rounds it, the result (computed with the exact cost) follows `≈`, not
/// `=`. Minutes typed as a number carry their unit (`22 min / 60 × …`).
pub fn explain(
    model: &Model,
    values: &[Decimal],
    line: &LineDef,
    annual: Decimal,
    lang: Lang,
) -> Option<String> {
    let money = line.money.as_ref()?;
    let env = Env { model, values };
    let text = |f: &Formula| f.explain(&env, lang).ok();
    let wrapped = |f: &Formula| {
        let t = text(f)?;
        Some(if f.is_compound() { format!("({t})") } else { t })
    };
    let body = match &money.form {
        // A plain amount, or one input's value, would only be explained as itself.
        Form::Amount(f)
            if f.as_number().is_some()
                || matches!(f.term(), formula::Term::Input(_) | formula::Term::Role(_)) =>
        {
            return None
        }
        Form::Amount(f) => text(f)?,
        Form::Time {
            minutes,
            occurrences,
            role,
        } => {
            let cost = model.role(role)?.hourly_cost;
            let minutes = match minutes.as_number() {
                Some(m) => crate::format::with_unit(&formula::explain_number(m, lang), "min", lang),
                None => wrapped(minutes)?,
            };
            format!(
                "{minutes} / 60 × {} × {}",
                wrapped(occurrences)?,
                crate::format::with_unit(&crate::format::number_trim(cost, 2, lang), "kr/h", lang)
            )
        }
    };
    // Whether an hourly cost shown to the öre was rounded.
    let rounded = |id: &str| {
        model
            .role(id)
            .is_some_and(|r| r.hourly_cost != r.hourly_cost.round_dp(2))
    };
    let in_formula = |f: &Formula| {
        f.names().into_iter().any(|(n, _)| match n {
            formula::Name::Role(id) => rounded(&id),
            formula::Name::Input(_) => false,
        })
    };
    let rounded = match &money.form {
        Form::Amount(f) => in_formula(f),
        Form::Time {
            minutes,
            occurrences,
            role,
        } => rounded(role) || in_formula(minutes) || in_formula(occurrences),
    };
    Some(format!(
        "{body} {} {}",
        if rounded { "≈" } else { "=" },
        crate::format::kronor_ore(annual, lang)
    ))
}
