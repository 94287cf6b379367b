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

/// Internal rate of return of a net flow, or `None` when no rate above −100 % makes its NPV
/// zero (the flow never changes sign, or its NPV never crosses zero). With several roots the
/// one closest to zero is returned.
pub fn irr(net: &[Decimal]) -> Option<Decimal> {
    irr_roots(net).into_iter().min_by_key(|r| r.abs())
}

/// Every rate `r > −1` at which the net flow's NPV crosses zero, ascending.
///
/// With `y = 1 + r`, NPV(r) has the sign of a polynomial in `y` on `(0, ∞)`, whose number of
/// positive roots is at most the number of sign changes in the flow (Descartes). One sign
/// change, the usual project, has exactly one root: it is bracketed by doubling outward from
/// `r = 0` in either direction, however large it is. Several sign changes are scanned over a
/// geometric grid of `y` from 10⁻²¹ to 10²¹ (fine around `r = 0`) and each sign change of NPV
/// is refined; two roots closer together than one grid step are not told apart.
pub fn irr_roots(net: &[Decimal]) -> Vec<Decimal> {
    // Zeros at either end multiply the polynomial by a power of y, which has no positive root.
    let first = net.iter().position(|v| !v.is_zero());
    let last = net.iter().rposition(|v| !v.is_zero());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let f = &net[first..=last];
    let signs: Vec<bool> = f
        .iter()
        .filter(|v| !v.is_zero())
        .map(|v| v.is_sign_positive())
        .collect();
    let changes = signs.windows(2).filter(|w| w[0] != w[1]).count();
    let mut roots: Vec<Decimal> = match changes {
        0 => Vec::new(),
        1 => single_root(f).into_iter().collect(),
        _ => scan_roots(f),
    };
    roots.sort();
    roots.dedup();
    roots
        .into_iter()
        .filter_map(|y| y.checked_sub(Decimal::ONE))
        .collect()
}

/// A value with the sign of NPV at growth `y = 1 + r > 0`, computed so that it cannot
/// overflow: `Σ f(t) / yᵗ` (NPV itself) for `y ≥ 1`, `Σ f(t) · y^(N−t)` (NPV × yᴺ) below.
fn signed(f: &[Decimal], y: Decimal, above_one: bool) -> Option<Decimal> {
    let mut acc = Decimal::ZERO;
    if above_one {
        for v in f.iter().rev() {
            acc = v.checked_add(acc.checked_div(y)?)?;
        }
    } else {
        for v in f {
            acc = acc.checked_mul(y)?.checked_add(*v)?;
        }
    }
    Some(acc)
}

fn sign_at(f: &[Decimal], y: Decimal) -> Option<Decimal> {
    signed(f, y, y >= Decimal::ONE)
}

/// Outward bracketing bounds for `y`: far beyond any rate a valuation can produce.
fn far_low() -> Decimal {
    Decimal::new(1, 21)
}
fn far_high() -> Decimal {
    Decimal::from_i128_with_scale(1_000_000_000_000_000_000_000, 0)
}

/// The one root of a flow with one sign change, bracketed by doubling (or halving) `y`
/// from 1 until NPV changes sign.
fn single_root(f: &[Decimal]) -> Option<Decimal> {
    let at_one = sign_at(f, Decimal::ONE)?;
    if at_one.is_zero() {
        return Some(Decimal::ONE);
    }
    // NPV tends to the first value as r → ∞ and has the last value's sign as r → −1.
    let upward = f[0].is_sign_positive() != at_one.is_sign_positive();
    let (mut a, mut fa) = (Decimal::ONE, at_one);
    loop {
        let b = if upward {
            a.checked_mul(Decimal::TWO)?
        } else {
            a.checked_div(Decimal::TWO)?
        };
        if b > far_high() || b < far_low() {
            return None;
        }
        let fb = sign_at(f, b)?;
        if fb.is_zero() {
            return Some(b);
        }
        if fb.is_sign_positive() != fa.is_sign_positive() {
            return if upward {
                refine(f, a, b)
            } else {
                refine(f, b, a)
            };
        }
        (a, fa) = (b, fb);
    }
}

/// Grid points of `y`, ascending: 1.005 apart within [½, 2], 1.02 apart out to 1024 and
/// 1/1024, then doubling out to 10²¹ and halving down to 10⁻²¹.
fn grid() -> Vec<Decimal> {
    let fine = Decimal::new(1005, 3);
    let coarse = Decimal::new(102, 2);
    let half = Decimal::new(5, 1);
    let mut up = vec![Decimal::ONE];
    let mut y = Decimal::ONE;
    while y < Decimal::TWO {
        y *= fine;
        up.push(y);
    }
    while y < Decimal::from(1024) {
        y *= coarse;
        up.push(y);
    }
    while y < far_high() {
        y *= Decimal::TWO;
        up.push(y);
    }
    let mut down = Vec::new();
    let mut y = Decimal::ONE;
    while y > half {
        y /= fine;
        down.push(y);
    }
    while y > Decimal::ONE / Decimal::from(1024) {
        y /= coarse;
        down.push(y);
    }
    while y > far_low() {
        y /= Decimal::TWO;
        down.push(y);
    }
    down.reverse();
    down.extend(up);
    down
}

/// Every sign change of NPV over the grid, refined.
fn scan_roots(f: &[Decimal]) -> Vec<Decimal> {
    let mut roots = Vec::new();
    let mut prev: Option<(Decimal, Decimal)> = None;
    for y in grid() {
        let Some(v) = sign_at(f, y) else {
            prev = None;
            continue;
        };
        if v.is_zero() {
            roots.push(y);
            prev = None;
            continue;
        }
        if let Some((py, pv)) = prev {
            if pv.is_sign_positive() != v.is_sign_positive() {
                roots.extend(refine(f, py, y));
            }
        }
        prev = Some((y, v));
    }
    roots
}

/// Refines a bracket `a < b` of `y` whose NPVs differ in sign with the Illinois variant of
/// regula falsi: superlinear, and the bracket never lets the root escape. The whole bracket
/// uses one of the two forms of [`signed`], so the function refined is continuous.
fn refine(f: &[Decimal], mut a: Decimal, mut b: Decimal) -> Option<Decimal> {
    let above_one = a >= Decimal::ONE;
    let value = |y: Decimal| signed(f, y, above_one);
    let (mut fa, mut fb) = (value(a)?, value(b)?);
    let tolerance = b.checked_mul(Decimal::new(1, 15))?;
    let mut side = 0i8;
    for _ in 0..300 {
        if (b - a).abs() < tolerance {
            break;
        }
        let denom = fb.checked_sub(fa)?;
        if denom.is_zero() {
            break;
        }
        let mut c = b.checked_sub(fb.checked_mul(b.checked_sub(a)?)?.checked_div(denom)?)?;
        if c <= a || c >= b {
            c = (a + b) / Decimal::TWO;
        }
        let fc = value(c)?;
        if fc.is_zero() {
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

    /// −275 400 kr and then +2 762 813 kr a year read "finns inte": the grid stopped at
    /// 1 000 %. Root by hand (bisection in Python's decimal, 50 digits): 10.031995161…
    #[test]
    fn irr_above_1000_percent_was_reported_as_none() {
        let mut f = flows(&[-275_400]);
        f.extend(flows(&[2_762_813; 6]));
        assert_eq!(irr(&f).unwrap().round_dp(6), d("10.031995"));
        // One krona in, 10¹⁵ kr back a year later: the rate is 10¹⁵ − 1, found by doubling.
        assert_eq!(
            irr(&flows(&[-1, 1_000_000_000_000_000]))
                .unwrap()
                .round_dp(6),
            d("999999999999999")
        );
    }

    #[test]
    fn irr_roots_lists_every_root_ascending() {
        // numpy-financial's gh-44 flow; both roots by hand (bisection in Python's decimal).
        let f: Vec<Decimal> = [
            "-1678.87", "771.96", "1814.05", "3520.30", "3552.95", "3584.99", "4789.91", "-1",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        let roots: Vec<Decimal> = irr_roots(&f).iter().map(|r| r.round_dp(6)).collect();
        assert_eq!(roots, vec![d("-0.999791"), d("1.004270")]);
        // Zeros at either end change no root.
        let mut padded = vec![Decimal::ZERO];
        padded.extend(f.iter().copied());
        padded.extend([Decimal::ZERO, Decimal::ZERO]);
        let again: Vec<Decimal> = irr_roots(&padded).iter().map(|r| r.round_dp(6)).collect();
        assert_eq!(again, roots);
    }

    #[test]
    fn irr_zero_when_flows_sum_to_zero() {
        assert_eq!(
            irr(&flows(&[-100, 50, 50])).unwrap().round_dp(6),
            Decimal::ZERO
        );
    }
}
