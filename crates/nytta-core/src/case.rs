//! One case of a model (the expected one, or a follow-up's realised one): line amounts →
//! each line's value per year → the year table in the economic and budget views → key
//! figures ([`crate::finance`]) and scores ([`crate::score`]). Nothing is rounded here;
//! rounding happens when a figure is written (see [`crate::format`] and the `serde`
//! attributes).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amounts::{explain, input_values, line_amount, line_amounts, overflow, LineAmount};
use crate::document::{Category, Side, Stakeholder};
use crate::error::DocError;
use crate::finance;
use crate::format::Lang;
use crate::model::{LineDef, Model};
use crate::score::{self, Scores};
use crate::ser;

/// Which lines a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Every line valued in money: financial and reallocation.
    Economic,
    /// Financial lines only: what actually moves in the budget.
    Budget,
}

/// The key figures of one view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figures {
    /// Net present value, year 0 undiscounted.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub npv: Decimal,
    /// Present value of benefits.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub pv_benefits: Decimal,
    /// Present value of costs.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub pv_costs: Decimal,
    /// (PVb − PVc) / PVc.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub roi: Option<Decimal>,
    /// PVb / PVc.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub benefit_cost_ratio: Option<Decimal>,
    /// Payback in years; `None` when not within the period.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub payback_years: Option<Decimal>,
    /// Payback on the discounted net flow.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub discounted_payback_years: Option<Decimal>,
    /// Internal rate of return, chosen among [`Figures::irr_roots`] by the rule of
    /// [`finance::irr`]; `None` when the net flow never changes sign.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub irr: Option<Decimal>,
    /// Every rate at which NPV crosses zero, ascending; more than one makes the IRR
    /// ambiguous (read NPV and MIRR instead).
    #[serde(serialize_with = "ser::ratio_vec")]
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub irr_roots: Vec<Decimal>,
    /// Why there is no IRR, when [`Figures::irr_roots`] is empty; `null` otherwise.
    pub irr_undefined: Option<RateUndefined>,
    /// Modified internal rate of return with the discount rate for finance and
    /// reinvestment (Excel's `MIRR(values; r; r)`); `None` without both a positive and a
    /// negative year.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub mirr: Option<Decimal>,
    /// Why there is no MIRR, when it is `None`; `null` otherwise.
    pub mirr_undefined: Option<RateUndefined>,
    /// Undiscounted sum of benefits.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub total_benefits: Decimal,
    /// Undiscounted sum of costs.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub total_costs: Decimal,
    /// How far benefits may fall before NPV reaches 0: NPV / PVb.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub switching_benefits: Option<Decimal>,
    /// How far costs may rise before NPV reaches 0: NPV / PVc.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub switching_costs: Option<Decimal>,
}

/// Why a rate of return (IRR or MIRR) does not exist for a view's net flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RateUndefined {
    /// The net is 0 every year.
    ZeroEveryYear,
    /// The net is negative every year.
    NegativeEveryYear,
    /// The net is negative or 0 every year, never positive.
    NeverPositive,
    /// The net is positive every year.
    PositiveEveryYear,
    /// The net is positive or 0 every year, never negative.
    NeverNegative,
    /// The net has both signs, yet no rate above −100 % makes its NPV 0 (IRR).
    NoRate,
    /// The net has both signs, yet the figure does not fit in a decimal (MIRR).
    OutOfRange,
}

impl RateUndefined {
    /// Why a net flow has no rate of return: by the signs of its years, else [`Self::NoRate`].
    pub fn of(net: &[Decimal]) -> Self {
        let positive = net.iter().filter(|v| **v > Decimal::ZERO).count();
        let negative = net.iter().filter(|v| **v < Decimal::ZERO).count();
        match (positive, negative) {
            (0, 0) => Self::ZeroEveryYear,
            (0, n) if n == net.len() => Self::NegativeEveryYear,
            (0, _) => Self::NeverPositive,
            (p, 0) if p == net.len() => Self::PositiveEveryYear,
            (_, 0) => Self::NeverNegative,
            _ => Self::NoRate,
        }
    }
}

/// One year of one view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearFlows {
    /// Benefits in the year.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub benefits: Decimal,
    /// Costs in the year (with optimism bias).
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub costs: Decimal,
    /// Benefits − costs.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub net: Decimal,
    /// Net summed from year 0.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub cumulative: Decimal,
    /// Net / (1 + r)^t.
    #[serde(serialize_with = "ser::money")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub discounted_net: Decimal,
}

/// One row of the year table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearRow {
    /// t = 0..N.
    pub year: u32,
    /// Start year + t.
    pub calendar_year: i32,
    /// Economic view.
    pub economic: YearFlows,
    /// Budget view.
    pub budget: YearFlows,
}

/// A line's computed amount and its explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LineResult {
    /// Line id.
    pub id: String,
    /// Benefit or cost.
    pub side: Side,
    /// Category.
    pub category: Category,
    /// Stakeholder.
    pub stakeholder: Option<Stakeholder>,
    /// Full-effect amount per occurrence of the timing (before ramp and confidence);
    /// `None` for quality and environment lines.
    #[serde(serialize_with = "ser::money_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub annual: Option<Decimal>,
    /// Hours per occurrence of the timing, for time-form lines.
    #[serde(serialize_with = "ser::ratio_opt")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub hours_per_year: Option<Decimal>,
    /// The formula with the values used, e.g. `12 / 60 × (10 × 2 × 365) × 359 = 524 140,00`.
    pub explain: Option<String>,
    /// Whether the line counts in the budget view.
    pub in_budget: bool,
    /// The line's value in each year 0..N (after ramp, confidence and optimism bias).
    #[serde(serialize_with = "ser::money_vec")]
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub values: Vec<Decimal>,
}

/// The line's value in year `t`: amount × ramp × confidence for benefits, amount ×
/// (1 + optimism bias) for costs; 0 outside its timing.
pub fn year_value(model: &Model, line: &LineDef, annual: Decimal, t: u32) -> Option<Decimal> {
    let money = line.money.as_ref()?;
    if t < money.first || t > money.last {
        return Some(Decimal::ZERO);
    }
    let k = usize::try_from(t - money.first).unwrap_or(usize::MAX);
    let ramp = money
        .ramp
        .get(k)
        .or(money.ramp.last())
        .copied()
        .unwrap_or(Decimal::ONE);
    let v = annual.checked_mul(ramp)?;
    match line.side {
        Side::Benefit => v.checked_mul(money.confidence),
        Side::Cost => v.checked_mul(Decimal::ONE + model.params.optimism_bias),
    }
}

/// Per-line values for every year.
pub fn line_values(
    model: &Model,
    amounts: &[Option<LineAmount>],
) -> Result<Vec<Vec<Decimal>>, DocError> {
    amounts
        .iter()
        .enumerate()
        .map(|(i, a)| line_year_values(model, i, a.as_ref()))
        .collect()
}

/// Line `i`'s value in every year, 0 throughout for a line without money.
fn line_year_values(
    model: &Model,
    i: usize,
    amount: Option<&LineAmount>,
) -> Result<Vec<Decimal>, DocError> {
    let n = model.params.years;
    match (model.lines.get(i), amount) {
        (Some(line), Some(a)) => (0..=n)
            .map(|t| {
                year_value(model, line, a.annual, t)
                    .ok_or_else(|| overflow(format!("valuation.lines[{i}]")))
            })
            .collect(),
        _ => Ok(vec![Decimal::ZERO; n as usize + 1]),
    }
}

/// Benefits and costs per year in one view.
pub fn view_flows(
    model: &Model,
    values: &[Vec<Decimal>],
    view: View,
) -> (Vec<Decimal>, Vec<Decimal>) {
    sum_lines(model, values.iter().map(Vec::as_slice), view)
}

/// Benefits and costs per year in one view from each line's values, in line order.
fn sum_lines<'v>(
    model: &Model,
    values: impl Iterator<Item = &'v [Decimal]>,
    view: View,
) -> (Vec<Decimal>, Vec<Decimal>) {
    let len = model.params.years as usize + 1;
    let mut totals = (vec![Decimal::ZERO; len], vec![Decimal::ZERO; len]);
    add_lines(model, 0, values, view, &mut totals);
    totals
}

/// Adds the values of lines `from`, `from + 1`, … to the benefits and costs of one view.
fn add_lines<'v>(
    model: &Model,
    from: usize,
    values: impl Iterator<Item = &'v [Decimal]>,
    view: View,
    (benefits, costs): &mut (Vec<Decimal>, Vec<Decimal>),
) {
    for (line, vals) in model.lines.iter().skip(from).zip(values) {
        let Some(money) = &line.money else { continue };
        if view == View::Budget && !money.in_budget {
            continue;
        }
        let target = match line.side {
            Side::Benefit => &mut *benefits,
            Side::Cost => &mut *costs,
        };
        for (acc, v) in target.iter_mut().zip(vals) {
            *acc += *v;
        }
    }
}

/// `(1 + r)^t` for t = 0..len.
fn growth(rate: Decimal, len: usize) -> Vec<Decimal> {
    let base = Decimal::ONE + rate;
    let mut g = Vec::with_capacity(len);
    let mut acc = Decimal::ONE;
    for _ in 0..len {
        g.push(acc);
        acc = acc.checked_mul(base).unwrap_or(Decimal::MAX);
    }
    g
}

fn discounted(flows: &[Decimal], growth: &[Decimal]) -> Vec<Decimal> {
    flows
        .iter()
        .zip(growth)
        .map(|(f, g)| f.checked_div(*g).unwrap_or_default())
        .collect()
}

/// Year flows and key figures of one view.
pub fn figures(
    model: &Model,
    benefits: &[Decimal],
    costs: &[Decimal],
) -> (Figures, Vec<YearFlows>) {
    let g = growth(model.params.rate, benefits.len());
    let net: Vec<Decimal> = benefits.iter().zip(costs).map(|(b, c)| b - c).collect();
    let disc_net = discounted(&net, &g);
    let pv_benefits: Decimal = discounted(benefits, &g).iter().sum();
    let pv_costs: Decimal = discounted(costs, &g).iter().sum();
    let npv: Decimal = disc_net.iter().sum();
    let irr_roots = finance::irr_roots(&net);
    let mirr = finance::mirr(&net, model.params.rate);
    let ratio = |a: Decimal, b: Decimal| if b.is_zero() { None } else { a.checked_div(b) };
    let mut cumulative = Decimal::ZERO;
    let rows = (0..net.len())
        .map(|t| {
            cumulative += net[t];
            YearFlows {
                benefits: benefits[t],
                costs: costs[t],
                net: net[t],
                cumulative,
                discounted_net: disc_net[t],
            }
        })
        .collect();
    let figures = Figures {
        npv,
        pv_benefits,
        pv_costs,
        roi: ratio(pv_benefits - pv_costs, pv_costs),
        benefit_cost_ratio: ratio(pv_benefits, pv_costs),
        payback_years: finance::payback_of_view(costs, &net),
        discounted_payback_years: finance::payback_of_view(costs, &disc_net),
        irr: finance::choose_irr(&irr_roots),
        irr_undefined: irr_roots.is_empty().then(|| RateUndefined::of(&net)),
        irr_roots,
        mirr,
        mirr_undefined: mirr.is_none().then(|| match RateUndefined::of(&net) {
            RateUndefined::NoRate => RateUndefined::OutOfRange,
            r => r,
        }),
        total_benefits: benefits.iter().sum(),
        total_costs: costs.iter().sum(),
        switching_benefits: ratio(npv, pv_benefits),
        switching_costs: ratio(npv, pv_costs),
    };
    (figures, rows)
}

/// Economic NPV and payback at given input overrides (the sensitivity analysis's unit).
pub fn economic_case(
    model: &Model,
    overrides: &[(usize, Decimal)],
) -> Result<(Decimal, Option<Decimal>), DocError> {
    let values = input_values(model, overrides)?;
    let amounts = line_amounts(model, &values)?;
    let per_line = line_values(model, &amounts)?;
    let (b, c) = view_flows(model, &per_line, View::Economic);
    let g = growth(model.params.rate, b.len());
    Ok(npv_and_payback(&b, &c, &g))
}

fn npv_and_payback(b: &[Decimal], c: &[Decimal], g: &[Decimal]) -> (Decimal, Option<Decimal>) {
    let net: Vec<Decimal> = b.iter().zip(c).map(|(b, c)| b - c).collect();
    let npv = discounted(&net, g).iter().sum();
    (npv, finance::payback_of_view(c, &net))
}

/// One year's net of the likely case and its discounted value.
struct LikelyYear {
    /// The net exactly as held (mantissa and scale), so only the very same value is matched.
    net: [u8; 16],
    discounted: Decimal,
}

/// The likely case's input values and line values, kept so that [`economic_case`] at other
/// input values recomputes only the inputs and lines those values reach. Every figure is the
/// one [`economic_case`] computes, by the same operations in the same order: an input or
/// line that nothing changed is evaluated from the same values, so it is taken as it was.
pub struct LikelyCase<'m> {
    model: &'m Model,
    values: Vec<Decimal>,
    per_line: Vec<Vec<Decimal>>,
    /// Benefits and costs (economic view) of the lines before each line: a case whose
    /// first changed line is `k` starts from entry `k` and adds the lines from there.
    before: Vec<(Vec<Decimal>, Vec<Decimal>)>,
    /// Each year's net and discounted net: a year whose net a case leaves as it was needs
    /// no division.
    years: Vec<LikelyYear>,
    growth: Vec<Decimal>,
    /// The inputs each input's formula refers to.
    input_refs: Vec<Vec<usize>>,
    /// The inputs each line's formulas refer to.
    line_refs: Vec<Vec<usize>>,
}

impl<'m> LikelyCase<'m> {
    /// Computes the likely case of a model.
    pub fn new(model: &'m Model) -> Result<Self, DocError> {
        let values = input_values(model, &[])?;
        let amounts = line_amounts(model, &values)?;
        let per_line = line_values(model, &amounts)?;
        let refs = |formulas: &[&crate::formula::Formula]| -> Vec<usize> {
            let mut out: Vec<usize> = formulas
                .iter()
                .flat_map(|f| f.names())
                .filter_map(|(name, _)| match name {
                    crate::formula::Name::Input(id) => model.input_position(&id),
                    crate::formula::Name::Role(_) => None,
                })
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let input_refs = model.inputs.iter().map(|x| refs(&[&x.formula])).collect();
        let line_refs = model
            .lines
            .iter()
            .map(|line| match line.money.as_ref().map(|m| &m.form) {
                None => Vec::new(),
                Some(crate::model::Form::Amount(f)) => refs(&[f]),
                Some(crate::model::Form::Time {
                    minutes,
                    occurrences,
                    ..
                }) => refs(&[minutes, occurrences]),
            })
            .collect();
        let len = model.params.years as usize + 1;
        let mut totals = (vec![Decimal::ZERO; len], vec![Decimal::ZERO; len]);
        let mut before = Vec::with_capacity(per_line.len() + 1);
        for (k, vals) in per_line.iter().enumerate() {
            before.push(totals.clone());
            add_lines(
                model,
                k,
                std::iter::once(vals.as_slice()),
                View::Economic,
                &mut totals,
            );
        }
        let g = growth(model.params.rate, len);
        let net: Vec<Decimal> = totals.0.iter().zip(&totals.1).map(|(b, c)| b - c).collect();
        let years = net
            .iter()
            .zip(discounted(&net, &g))
            .map(|(n, discounted)| LikelyYear {
                net: n.serialize(),
                discounted,
            })
            .collect();
        before.push(totals);
        Ok(LikelyCase {
            model,
            values,
            per_line,
            before,
            years,
            growth: g,
            input_refs,
            line_refs,
        })
    }

    /// Economic NPV and payback with `overrides` (input index, value) in place of the likely
    /// values: what [`economic_case`] gives, and the same errors.
    pub fn economic_case(
        &self,
        overrides: &[(usize, Decimal)],
    ) -> Result<(Decimal, Option<Decimal>), DocError> {
        let model = self.model;
        let mut changed = vec![false; model.inputs.len()];
        let mut values = self.values.clone();
        for &i in &model.input_order {
            if let Some(&(_, v)) = overrides.iter().find(|(k, _)| *k == i) {
                values[i] = v;
                changed[i] = true;
            } else if self.input_refs[i].iter().any(|&k| changed[k]) {
                values[i] = crate::amounts::input_value(model, &values, i)?;
                changed[i] = true;
            }
        }
        let mut recomputed = Vec::new();
        for (i, refs) in self.line_refs.iter().enumerate() {
            if refs.iter().any(|&k| changed[k]) {
                let amount = line_amount(model, &values, i)?;
                recomputed.push((i, line_year_values(model, i, amount.as_ref())?));
            }
        }
        // The lines before the first changed one add up as they did in the likely case.
        let first = recomputed.first().map_or(self.per_line.len(), |(k, _)| *k);
        let mut totals = self.before[first].clone();
        let mut fresh = recomputed.iter().peekable();
        let per_line = self
            .per_line
            .iter()
            .enumerate()
            .skip(first)
            .map(|(i, base)| match fresh.next_if(|(k, _)| *k == i) {
                Some((_, v)) => v.as_slice(),
                None => base.as_slice(),
            });
        add_lines(model, first, per_line, View::Economic, &mut totals);
        let (b, c) = totals;
        let net: Vec<Decimal> = b.iter().zip(&c).map(|(b, c)| b - c).collect();
        let npv = net
            .iter()
            .zip(&self.years)
            .zip(&self.growth)
            .map(|((n, likely), g)| {
                if n.serialize() == likely.net {
                    likely.discounted
                } else {
                    n.checked_div(*g).unwrap_or_default()
                }
            })
            .sum();
        Ok((npv, finance::payback_of_view(&c, &net)))
    }
}

/// The figures of one case (expected or realised), before sensitivity and follow-ups.
#[derive(Clone, Debug)]
pub struct Computed {
    /// Economic view.
    pub economic: Figures,
    /// Budget view.
    pub budget: Figures,
    /// Year table.
    pub rows: Vec<YearRow>,
    /// Lines.
    pub lines: Vec<LineResult>,
    /// Freed hours a year.
    pub freed_hours: Decimal,
    /// Scores.
    pub scores: Scores,
}

/// Computes one case of a model.
pub fn compute(model: &Model, lang: Lang) -> Result<Computed, DocError> {
    let values = input_values(model, &[])?;
    let amounts = line_amounts(model, &values)?;
    let per_line = line_values(model, &amounts)?;
    let (eb, ec) = view_flows(model, &per_line, View::Economic);
    let (bb, bc) = view_flows(model, &per_line, View::Budget);
    let (economic, erows) = figures(model, &eb, &ec);
    let (budget, brows) = figures(model, &bb, &bc);
    let rows = erows
        .into_iter()
        .zip(brows)
        .enumerate()
        .map(|(t, (e, b))| YearRow {
            year: t as u32,
            calendar_year: model.params.start_year + t as i32,
            economic: e,
            budget: b,
        })
        .collect();
    let lines: Vec<LineResult> = model
        .lines
        .iter()
        .zip(&amounts)
        .zip(per_line)
        .map(|((line, a), vals)| LineResult {
            id: line.id.clone(),
            side: line.side,
            category: line.category,
            stakeholder: line.stakeholder,
            annual: a.map(|a| a.annual),
            hours_per_year: a.and_then(|a| a.hours),
            explain: a.and_then(|a| explain(model, &values, line, a.annual, lang)),
            in_budget: line.money.as_ref().is_some_and(|m| m.in_budget),
            values: vals,
        })
        .collect();
    let freed_hours = score::freed_hours(model, &amounts);
    let scores = score::scores(model, &amounts, freed_hours);
    Ok(Computed {
        economic,
        budget,
        rows,
        lines,
        freed_hours,
        scores,
    })
}
