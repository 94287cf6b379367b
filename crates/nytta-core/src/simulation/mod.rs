//! Monte Carlo simulation (docs/domain.md §Simulation): every input with a low and a high
//! value is drawn from its distribution — PERT from low, likely and high unless the document
//! says `triangular` or `uniform` — independently of the others; inputs without a range keep
//! their value. Each draw is evaluated on the compiled path ([`compiled`]), and the spread of
//! NPV and payback is summarised per view: mean, P10, P50, P90, the share of draws with a
//! positive NPV, payback percentiles with the share that never pays back within the period,
//! and each varied input's rank correlation with NPV.
//!
//! The same document, draws and seed give the same figures on every machine: the generator
//! and the samplers ([`random`]) use only IEEE 754 basic operations, and every sum is taken
//! in draw order.

pub mod compiled;
pub mod random;

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::Distribution;
use crate::error::DocError;
use crate::format::{number, Lang};
use crate::model::Model;
use crate::ser;

use compiled::{Compiled, FaultKind};
use random::Rng;

/// The draws a document may ask for, checked with the model.
pub use crate::model::{check_draws, MAX_DRAWS};

/// Draws when the document does not say.
pub const DEFAULT_DRAWS: u32 = 10_000;

/// Seed when the document does not give one.
pub const DEFAULT_SEED: u64 = 1;

/// An input the simulation varies, as it was drawn.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VariedInput {
    /// Input id.
    pub input: String,
    /// The distribution drawn from.
    pub distribution: Distribution,
    /// Low value.
    #[serde(serialize_with = "ser::ratio")]
    pub low: Decimal,
    /// Likely value.
    #[serde(serialize_with = "ser::ratio")]
    pub likely: Decimal,
    /// High value.
    #[serde(serialize_with = "ser::ratio")]
    pub high: Decimal,
}

/// How strongly one input's draws move NPV.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Driver {
    /// Input id.
    pub input: String,
    /// Spearman's rank correlation between the input's draws and NPV, −1 to 1; `None` when
    /// NPV does not vary.
    #[serde(serialize_with = "ser::ratio_opt")]
    pub rank_correlation: Option<Decimal>,
}

/// One bar of the NPV histogram: the draws with `from ≤ NPV < to` (the last bar includes
/// its upper edge).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    /// Lower edge.
    #[serde(serialize_with = "ser::money")]
    pub from: Decimal,
    /// Upper edge.
    #[serde(serialize_with = "ser::money")]
    pub to: Decimal,
    /// Number of draws in the bar.
    pub count: u32,
}

/// A point of the S-curve: the share of draws whose NPV lies below `npv`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurvePoint {
    /// NPV.
    #[serde(serialize_with = "ser::money")]
    pub npv: Decimal,
    /// Share of the draws below it, 0–1.
    #[serde(serialize_with = "ser::ratio")]
    pub probability: Decimal,
}

/// Bars of the NPV histogram.
pub const HISTOGRAM_BINS: usize = 24;

/// Points of the S-curve: every whole percent from 0 to 100.
pub const S_CURVE_POINTS: usize = 101;

/// Draws between two reports of progress ([`simulate_observed`]).
pub const PROGRESS_STEP: u32 = 1_000;

/// The simulated spread of one view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimulatedView {
    /// Mean NPV over the draws.
    #[serde(serialize_with = "ser::money")]
    pub npv_mean: Decimal,
    /// NPV that 10 % of the draws fall below.
    #[serde(serialize_with = "ser::money")]
    pub npv_p10: Decimal,
    /// Median NPV.
    #[serde(serialize_with = "ser::money")]
    pub npv_p50: Decimal,
    /// NPV that 90 % of the draws fall below.
    #[serde(serialize_with = "ser::money")]
    pub npv_p90: Decimal,
    /// Share of draws with NPV above zero, 0–1.
    #[serde(serialize_with = "ser::ratio")]
    pub probability_positive: Decimal,
    /// Payback (years) that 10 % of the draws reach sooner; `None` when that percentile
    /// lies among draws that do not pay back within the period.
    #[serde(serialize_with = "ser::ratio_opt")]
    pub payback_p10: Option<Decimal>,
    /// Median payback, `None` likewise.
    #[serde(serialize_with = "ser::ratio_opt")]
    pub payback_p50: Option<Decimal>,
    /// Payback that 90 % of the draws reach sooner, `None` likewise.
    #[serde(serialize_with = "ser::ratio_opt")]
    pub payback_p90: Option<Decimal>,
    /// Share of draws that do not pay back within the period, 0–1.
    #[serde(serialize_with = "ser::ratio")]
    pub never_pays_back: Decimal,
    /// Every varied input by the strength of its rank correlation with NPV, strongest first.
    pub drivers: Vec<Driver>,
    /// NPV over the draws in [`HISTOGRAM_BINS`] bars of equal width from the lowest to the
    /// highest draw, for the histogram (not in the JSON).
    #[serde(skip)]
    pub histogram: Vec<Bin>,
    /// The NPV below which 0 %, 1 %, … 100 % of the draws lie, for the S-curve (not in the
    /// JSON).
    #[serde(skip)]
    pub s_curve: Vec<CurvePoint>,
}

/// The result of a simulation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Simulation {
    /// Number of draws.
    pub draws: u32,
    /// Seed of the random numbers.
    pub seed: u64,
    /// The varied inputs, in document order.
    pub inputs: Vec<VariedInput>,
    /// Every money line.
    pub economic: SimulatedView,
    /// Financial lines only.
    pub budget: SimulatedView,
}

/// The draws and seed a model asks for, with the defaults where it does not say. The
/// document's draws were checked with the model ([`check`]).
pub fn plan(model: &Model) -> (u32, u64) {
    let settings = model.doc.valuation.simulation.clone().unwrap_or_default();
    let draws = settings
        .draws
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(DEFAULT_DRAWS);
    (draws, settings.seed.unwrap_or(DEFAULT_SEED))
}

/// A draw that could not be evaluated, named by the formula or line, with the values drawn.
fn draw_error(
    model: &Model,
    fault: compiled::Fault,
    draw: u32,
    varied: &[(usize, Distribution, f64, f64, f64)],
    values: &[f64],
) -> DocError {
    let shown = |lang: Lang| {
        varied
            .iter()
            .map(|&(i, ..)| {
                let v = Decimal::from_f64(values[i]).unwrap_or_default();
                format!("{} = {}", model.inputs[i].id, number(v, 4, lang))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (what_sv, what_en) = match fault.kind {
        FaultKind::DivisionByZero => ("formeln delar med noll", "the formula divides by zero"),
        FaultKind::Overflow => (
            "formelns värde blir för stort att räkna med",
            "the formula's value is too large to calculate",
        ),
        FaultKind::TooLarge => (
            "radens belopp eller timmar blir större än 10^15",
            "the line's amount or hours exceed 10^15",
        ),
    };
    let n = draw + 1;
    DocError::invalid(
        fault.path,
        format!(
            "i simuleringens dragning {n} {what_sv} ({}); ändra formeln eller faktorernas intervall",
            shown(Lang::Sv)
        ),
        format!(
            "in draw {n} of the simulation {what_en} ({}); change the formula or the inputs' ranges",
            shown(Lang::En)
        ),
    )
}

/// Runs the simulation: `draws` draws from `seed`.
pub fn simulate(model: &Model, draws: u32, seed: u64) -> Result<Simulation, DocError> {
    simulate_observed(model, draws, seed, |_| true)?.ok_or_else(|| {
        DocError::invalid(
            "valuation.simulation",
            "simuleringen avbröts",
            "the simulation was cancelled",
        )
    })
}

/// [`simulate`], telling `go_on` the number of draws done after every [`PROGRESS_STEP`]
/// draws and at the end; when it answers `false` the simulation stops there and gives
/// `None`.
pub fn simulate_observed(
    model: &Model,
    draws: u32,
    seed: u64,
    mut go_on: impl FnMut(u32) -> bool,
) -> Result<Option<Simulation>, DocError> {
    let compiled = Compiled::new(model);
    let mut scratch = compiled.scratch();
    let dist_of = |i: usize| {
        model.doc.valuation.inputs[i]
            .distribution
            .unwrap_or_default()
    };
    let varied: Vec<(usize, Distribution, f64, f64, f64)> = model
        .inputs
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            let (low, high, likely) = (x.low?, x.high?, x.formula.as_number()?);
            let f = |d: Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
            Some((i, dist_of(i), f(low), f(likely), f(high)))
        })
        .collect();
    let mut rngs: Vec<Rng> = varied
        .iter()
        .map(|&(i, ..)| Rng::for_input(seed, &model.inputs[i].id))
        .collect();
    let n = draws as usize;
    let mut drawn = vec![Vec::with_capacity(n); varied.len()];
    let mut npv = [Vec::with_capacity(n), Vec::with_capacity(n)];
    let mut paybacks = [Vec::with_capacity(n), Vec::with_capacity(n)];
    for d in 0..draws {
        if d > 0 && d % PROGRESS_STEP == 0 && !go_on(d) {
            return Ok(None);
        }
        for (k, &(i, dist, low, likely, high)) in varied.iter().enumerate() {
            let x = rngs[k].draw(dist, low, likely, high);
            scratch.values[i] = x;
            drawn[k].push(x);
        }
        let outcome = compiled
            .run(&mut scratch)
            .map_err(|fault| draw_error(model, fault, d, &varied, &scratch.values))?;
        for (v, view) in [outcome.economic, outcome.budget].into_iter().enumerate() {
            npv[v].push(view.npv);
            paybacks[v].push(view.payback.unwrap_or(f64::INFINITY));
        }
    }
    if !go_on(draws) {
        return Ok(None);
    }
    let input_ranks: Vec<Vec<f64>> = drawn.iter().map(|x| ranks(x)).collect();
    let ids: Vec<&str> = varied
        .iter()
        .map(|&(i, ..)| model.inputs[i].id.as_str())
        .collect();
    let [npv_e, npv_b] = npv;
    let [pay_e, pay_b] = paybacks;
    Ok(Some(Simulation {
        draws,
        seed,
        inputs: varied
            .iter()
            .filter_map(|&(i, distribution, ..)| {
                let x = &model.inputs[i];
                Some(VariedInput {
                    input: x.id.clone(),
                    distribution,
                    low: x.low?,
                    likely: x.formula.as_number()?,
                    high: x.high?,
                })
            })
            .collect(),
        economic: summarise(npv_e, pay_e, &input_ranks, &ids),
        budget: summarise(npv_b, pay_b, &input_ranks, &ids),
    }))
}

/// A share of the draws as a whole percentage that never rounds a share above 0 to "0 %" or
/// one below 1 to "100 %": sv `87 %`, `under 1 %`, `över 99 %`.
pub fn share(s: Decimal, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let hundredth = Decimal::new(5, 3);
    if s > Decimal::ZERO && s < hundredth {
        return if sv { "under 1 %" } else { "under 1%" }.to_string();
    }
    if s < Decimal::ONE && s > Decimal::ONE - hundredth {
        return if sv { "över 99 %" } else { "over 99%" }.to_string();
    }
    crate::format::percent(s, 0, lang)
}

/// The view's chance of paying off in plain words: "Nuvärdet är positivt i 87 % av
/// utfallen."
pub fn positive_sentence(view: &SimulatedView, lang: Lang) -> String {
    let share = share(view.probability_positive, lang);
    match lang {
        Lang::Sv => format!("Nuvärdet är positivt i {share} av utfallen."),
        Lang::En => format!("The NPV is positive in {share} of outcomes."),
    }
}

fn money(x: f64) -> Decimal {
    Decimal::from_f64(x).unwrap_or_default()
}

fn fraction(count: usize, of: usize) -> Decimal {
    Decimal::from(count) / Decimal::from(of.max(1))
}

/// The `p` quantile of sorted values by linear interpolation between the two nearest ranks
/// (numpy's default, Hyndman and Fan's type 7); `None` when an infinite value takes part.
fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor();
    let i = lo as usize;
    let frac = h - lo;
    let a = *sorted.get(i)?;
    if frac == 0.0 {
        return a.is_finite().then_some(a);
    }
    let b = *sorted.get(i + 1)?;
    (a.is_finite() && b.is_finite()).then_some(a + frac * (b - a))
}

/// Sorted NPVs in `bins` bars of equal width from the lowest to the highest; one bar holding
/// every draw when they are all equal.
fn histogram(sorted: &[f64], bins: usize) -> Vec<Bin> {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if hi <= lo || bins < 2 {
        return vec![Bin {
            from: money(lo),
            to: money(hi),
            count: count(sorted.len()),
        }];
    }
    let width = (hi - lo) / bins as f64;
    let edge = |k: usize| {
        if k == bins {
            hi
        } else {
            lo + width * k as f64
        }
    };
    let mut counts = vec![0usize; bins];
    for &x in sorted {
        let k = (((x - lo) / width).floor() as usize).min(bins - 1);
        counts[k] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(k, n)| Bin {
            from: money(edge(k)),
            to: money(edge(k + 1)),
            count: count(n),
        })
        .collect()
}

/// The S-curve: for `points` shares evenly from 0 to 1, the NPV that share of the sorted
/// draws lies below (the same percentiles as P10, P50 and P90).
fn s_curve(sorted: &[f64], points: usize) -> Vec<CurvePoint> {
    if sorted.is_empty() || points < 2 {
        return Vec::new();
    }
    let last = (points - 1) as u32;
    (0..=last)
        .map(|k| CurvePoint {
            npv: money(quantile(sorted, f64::from(k) / f64::from(last)).unwrap_or(0.0)),
            probability: Decimal::from(k) / Decimal::from(last),
        })
        .collect()
}

/// Ranks 1..n, ties given the mean of the ranks they share.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut out = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && x[order[end]] == x[order[start]] {
            end += 1;
        }
        // Ranks start+1 ..= end share their mean.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &k in &order[start..end] {
            out[k] = rank;
        }
        start = end;
    }
    out
}

/// Pearson's correlation of two rank vectors (Spearman's rho); `None` without spread.
fn correlation(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        let (dx, dy) = (x - ma, y - mb);
        sab += dx * dy;
        saa += dx * dx;
        sbb += dy * dy;
    }
    (saa > 0.0 && sbb > 0.0).then(|| sab / (saa * sbb).sqrt())
}

fn summarise(
    npv: Vec<f64>,
    payback: Vec<f64>,
    input_ranks: &[Vec<f64>],
    ids: &[&str],
) -> SimulatedView {
    let n = npv.len();
    let mean = npv.iter().sum::<f64>() / n as f64;
    let positive = npv.iter().filter(|&&x| x > 0.0).count();
    let npv_ranks = ranks(&npv);
    let mut drivers: Vec<(Option<f64>, Driver)> = ids
        .iter()
        .zip(input_ranks)
        .map(|(id, r)| {
            let rho = correlation(r, &npv_ranks);
            let driver = Driver {
                input: id.to_string(),
                rank_correlation: rho.and_then(Decimal::from_f64),
            };
            (rho, driver)
        })
        .collect();
    // Strongest first; equal strengths keep document order (the sort is stable).
    drivers.sort_by(|(a, _), (b, _)| {
        let key = |r: &Option<f64>| r.map_or(-1.0, f64::abs);
        key(b).total_cmp(&key(a))
    });
    let mut sorted = npv;
    sorted.sort_by(f64::total_cmp);
    let mut pay = payback;
    let never = pay.iter().filter(|x| x.is_infinite()).count();
    pay.sort_by(f64::total_cmp);
    let npv_q = |p| money(quantile(&sorted, p).unwrap_or(0.0));
    let pay_q = |p| quantile(&pay, p).and_then(Decimal::from_f64);
    SimulatedView {
        npv_mean: money(mean),
        npv_p10: npv_q(0.1),
        npv_p50: npv_q(0.5),
        npv_p90: npv_q(0.9),
        probability_positive: fraction(positive, n),
        payback_p10: pay_q(0.1),
        payback_p50: pay_q(0.5),
        payback_p90: pay_q(0.9),
        never_pays_back: fraction(never, n),
        drivers: drivers.into_iter().map(|(_, d)| d).collect(),
        histogram: histogram(&sorted, HISTOGRAM_BINS),
        s_curve: s_curve(&sorted, S_CURVE_POINTS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_as_numpy_does() {
        // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) = [1.3, 2.5, 3.7].
        let x = [1.0, 2.0, 3.0, 4.0];
        for (p, expected) in [(0.1, 1.3), (0.5, 2.5), (0.9, 3.7)] {
            let got = quantile(&x, p).unwrap_or(f64::NAN);
            assert!((got - expected).abs() < 1e-12, "P{p}: {got}");
        }
        // A percentile that reaches a draw without payback has no value.
        assert_eq!(quantile(&[1.0, 2.0, f64::INFINITY], 0.9), None);
        assert_eq!(quantile(&[1.0, 2.0, f64::INFINITY], 0.5), Some(2.0));
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn histogram_bars_are_equal_and_the_last_holds_the_highest_draw() {
        // Six draws from 0 to 10 in five bars of width 2: [0, 2) holds 0 and 1, [2, 4) holds
        // 2 and 3, [4, 6) holds 4, [6, 8) none, [8, 10] holds 10 (the upper edge included).
        let bins = histogram(&[0.0, 1.0, 2.0, 3.0, 4.0, 10.0], 5);
        let got: Vec<(Decimal, Decimal, u32)> =
            bins.iter().map(|b| (b.from, b.to, b.count)).collect();
        assert_eq!(
            got,
            vec![
                (d("0"), d("2"), 2),
                (d("2"), d("4"), 2),
                (d("4"), d("6"), 1),
                (d("6"), d("8"), 0),
                (d("8"), d("10"), 1),
            ]
        );
        // Negative NPVs: −3, −1, 1 in two bars of width 2: [−3, −1) holds −3, [−1, 1] the rest.
        let bins = histogram(&[-3.0, -1.0, 1.0], 2);
        assert_eq!(
            bins.iter().map(|b| (b.from, b.count)).collect::<Vec<_>>(),
            vec![(d("-3"), 1), (d("-1"), 2)]
        );
        // Every draw equal: one bar with all of them.
        let one = histogram(&[5.0, 5.0, 5.0], 24);
        assert_eq!(one.len(), 1);
        assert_eq!((one[0].from, one[0].to, one[0].count), (d("5"), d("5"), 3));
    }

    #[test]
    fn a_share_never_rounds_to_none_or_all_when_it_is_not() {
        assert_eq!(share(d("0.87"), Lang::Sv), "87 %");
        assert_eq!(share(d("0.87"), Lang::En), "87%");
        assert_eq!(share(d("0"), Lang::Sv), "0 %");
        assert_eq!(share(d("1"), Lang::Sv), "100 %");
        assert_eq!(share(d("0.0001"), Lang::Sv), "under 1 %");
        assert_eq!(share(d("0.9999"), Lang::Sv), "över 99 %");
        assert_eq!(share(d("0.9999"), Lang::En), "over 99%");
        assert_eq!(share(d("0.005"), Lang::Sv), "1 %");
    }

    #[test]
    fn the_s_curve_runs_through_the_percentiles() {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = [1, 1.75, 2.5, 3.25, 4].
        let curve = s_curve(&[1.0, 2.0, 3.0, 4.0], 5);
        let got: Vec<(Decimal, Decimal)> = curve.iter().map(|p| (p.npv, p.probability)).collect();
        assert_eq!(
            got,
            vec![
                (d("1"), d("0")),
                (d("1.75"), d("0.25")),
                (d("2.5"), d("0.5")),
                (d("3.25"), d("0.75")),
                (d("4"), d("1")),
            ]
        );
    }

    #[test]
    fn ties_share_their_mean_rank_and_rho_is_spearmans() {
        assert_eq!(ranks(&[10.0, 20.0, 10.0, 30.0]), vec![1.5, 3.0, 1.5, 4.0]);
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.820782…
        let a = ranks(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        let b = ranks(&[5.0, 6.0, 7.0, 8.0, 7.0]);
        let rho = correlation(&a, &b).unwrap_or(f64::NAN);
        assert!((rho - 0.820_782_681_668_123_7).abs() < 1e-12, "{rho}");
        assert_eq!(correlation(&a, &[1.0; 5]), None);
    }
}
