//! Discounting, payback and IRR over a yearly net flow (docs/domain.md §Key figures).
//!
//! Flows are indexed by year `t = 0..=N`; year 0 is undiscounted (numpy-financial's `npv`,
//! not Excel's `NPV`, which discounts the first value too). Every function is total: a
//! figure that does not exist is `None`, never a sentinel number.

use rust_decimal::Decimal;

/// Discount factors `1 / (1 + r)^t` for `t = 0..years`, or `None` if `1 + r` is not
/// positive or a factor overflows.
pub fn discount_factors(rate: Decimal, years: usize) -> Option<Vec<Decimal>> {
    let base = Decimal::ONE.checked_add(rate)?;
    if base <= Decimal::ZERO {
        return None;
    }
    let mut growth = Decimal::ONE;
    let mut out = Vec::with_capacity(years);
    for _ in 0..years {
        out.push(Decimal::ONE.checked_div(growth)?);
        growth = growth.checked_mul(base)?;
    }
    Some(out)
}

/// Net present value: `Σ flow(t) / (1 + r)^t`.
pub fn npv(rate: Decimal, flows: &[Decimal]) -> Option<Decimal> {
    let base = Decimal::ONE.checked_add(rate)?;
    if base <= Decimal::ZERO {
        return None;
    }
    // Horner's scheme from the last year backwards keeps every step a single division.
    let mut acc = Decimal::ZERO;
    for f in flows.iter().rev() {
        acc = f.checked_add(acc.checked_div(base)?)?;
    }
    Some(acc)
}

/// Payback from a yearly net flow: 0 if the cumulative flow starts non-negative; else the
/// first crossing `C(t−1) < 0 ≤ C(t)` interpolated linearly within year t; `None` when the
/// cumulative flow never turns non-negative within the period.
pub fn payback(net: &[Decimal]) -> Option<Decimal> {
    let mut cumulative = Decimal::ZERO;
    for (t, n) in net.iter().enumerate() {
        let before = cumulative;
        cumulative = cumulative.checked_add(*n)?;
        if t == 0 {
            if cumulative >= Decimal::ZERO {
                return Some(Decimal::ZERO);
            }
            continue;
        }
        if before < Decimal::ZERO && cumulative >= Decimal::ZERO {
            // n > 0 here since the cumulative rose from below zero.
            let within = (-before).checked_div(*n)?;
            return Decimal::from(t - 1).checked_add(within);
        }
    }
    None
}

/// Internal rate of return of a net flow, or `None` when the flow never changes sign or no
/// rate above −100 % makes its NPV zero. With several roots (several sign changes) the one
/// closest to zero is returned, as numpy-financial's `irr` does.
pub fn irr(net: &[Decimal]) -> Option<Decimal> {
    let signs: Vec<bool> = net
        .iter()
        .filter(|v| !v.is_zero())
        .map(|v| v.is_sign_positive())
        .collect();
    let changes = signs.windows(2).filter(|w| w[0] != w[1]).count();
    if changes == 0 {
        return None;
    }
    // Scan a grid of rates for sign changes of NPV and refine each bracket. NPV is
    // continuous in r on (−1, ∞). With one sign change in the flow there is exactly one
    // root (Descartes' rule of signs in 1/(1+r)), so the scan stops at the first bracket.
    let mut roots: Vec<Decimal> = Vec::new();
    let mut prev: Option<(Decimal, Decimal)> = None;
    for r in rate_grid() {
        let Some(v) = npv(r, net) else {
            prev = None;
            continue;
        };
        if v.is_zero() {
            roots.push(r);
        } else if let Some((pr, pv)) = prev {
            if pv.is_sign_positive() != v.is_sign_positive() {
                roots.extend(refine(net, (pr, pv), (r, v)));
            }
        }
        if changes == 1 && !roots.is_empty() {
            break;
        }
        prev = if v.is_zero() { None } else { Some((r, v)) };
    }
    roots.into_iter().min_by_key(|r| r.abs())
}

fn rate_grid() -> Vec<Decimal> {
    let mut grid = Vec::with_capacity(80);
    // Dense around zero where real projects live, outward in both directions:
    // −10 % … 100 % in steps of 2.5 points, 100 % … 1000 % in steps of 50 points,
    // −99 % … −10 % in steps of 10 points.
    let mut r = Decimal::new(-10, 2);
    while r < Decimal::ONE {
        grid.push(r);
        r += Decimal::new(25, 3);
    }
    let mut r = Decimal::ONE;
    while r <= Decimal::TEN {
        grid.push(r);
        r += Decimal::new(5, 1);
    }
    grid.push(Decimal::new(-10, 2));
    let mut r = Decimal::new(-20, 2);
    while r > Decimal::new(-99, 2) {
        grid.push(r);
        r -= Decimal::new(10, 2);
    }
    grid.push(Decimal::new(-99, 2));
    grid
}

/// Refines a bracket `[a, b]` whose NPVs differ in sign with the Illinois variant of
/// regula falsi: superlinear, and the bracket never lets the root escape.
fn refine(
    net: &[Decimal],
    (mut a, mut fa): (Decimal, Decimal),
    (mut b, mut fb): (Decimal, Decimal),
) -> Option<Decimal> {
    let tolerance = Decimal::new(1, 12);
    let mut side = 0i8;
    for _ in 0..200 {
        let denom = fb.checked_sub(fa)?;
        if denom.is_zero() {
            break;
        }
        let c = b.checked_sub(fb.checked_mul(b.checked_sub(a)?)?.checked_div(denom)?)?;
        let fc = npv(c, net)?;
        if fc.is_zero() || (b - a).abs() < tolerance {
            return Some(c);
        }
        if fc.is_sign_positive() == fb.is_sign_positive() {
            b = c;
            fb = fc;
            if side == 1 {
                fa /= Decimal::TWO;
            }
            side = 1;
        } else {
            a = c;
            fa = fc;
            if side == -1 {
                fb /= Decimal::TWO;
            }
            side = -1;
        }
        if (b - a).abs() < tolerance {
            return Some((a + b) / Decimal::TWO);
        }
    }
    Some((a + b) / Decimal::TWO)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn flows(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|x| Decimal::from(*x)).collect()
    }

    #[test]
    fn domain_check_values() {
        let f = flows(&[-100, 39, 59, 55, 20]);
        let r = d("0.10");
        assert_eq!(npv(r, &f).unwrap().round_dp(3), d("39.197"));
        assert_eq!(irr(&f).unwrap().round_dp(6), d("0.280948"));
        assert_eq!(payback(&f).unwrap().round_dp(6), d("2.036364"));
        let df = discount_factors(r, f.len()).unwrap();
        let disc: Vec<Decimal> = f.iter().zip(df).map(|(a, b)| a * b).collect();
        assert_eq!(payback(&disc).unwrap().round_dp(6), d("2.382000"));
    }

    #[test]
    fn payback_cases() {
        assert_eq!(
            payback(&flows(&[-1_000_000, 400_000, 400_000, 400_000])),
            Some(d("2.5"))
        );
        assert_eq!(payback(&flows(&[0, 5])), Some(Decimal::ZERO));
        assert_eq!(
            payback(&flows(&[-10, 5, 5])),
            Some(Decimal::TWO),
            "boundary: exactly at year 2"
        );
        assert_eq!(payback(&flows(&[-10, 1, 1])), None);
        assert_eq!(payback(&[]), None);
    }

    #[test]
    fn irr_none_without_sign_change() {
        assert_eq!(irr(&flows(&[10, 5, 5])), None);
        assert_eq!(irr(&flows(&[-10, -5])), None);
        assert_eq!(irr(&flows(&[0, 0])), None);
    }

    #[test]
    fn irr_zero_when_flows_sum_to_zero() {
        assert_eq!(
            irr(&flows(&[-100, 50, 50])).unwrap().round_dp(6),
            Decimal::ZERO
        );
    }
}
