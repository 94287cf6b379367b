//! Random draws that are the same on every machine: a fixed generator (xoshiro256**, seeded
//! through SplitMix64) and samplers built only from IEEE 754 basic operations (`+ − × ÷`,
//! square root, comparisons), which every conforming platform rounds identically. The one
//! transcendental function the samplers need, the natural logarithm, is computed here from
//! those operations rather than taken from the platform's maths library, whose last digit
//! may differ between systems.

use crate::document::Distribution;

/// xoshiro256** (Blackman and Vigna), a small fast generator with a 2^256 − 1 period.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
    /// The second normal deviate of the polar method, kept for the next call.
    spare: Option<f64>,
}

/// SplitMix64's step, used to spread a seed over xoshiro's state.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a of a text, so every input gets a stream of its own from the one seed.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

impl Rng {
    /// The generator of the input `id` under `seed`: the same pair always gives the same
    /// numbers, and adding or removing another input does not change this one's.
    pub fn for_input(seed: u64, id: &str) -> Rng {
        let mut state = seed ^ fnv1a(id);
        let s = [
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
        ];
        Rng { s, spare: None }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform on the open interval (0, 1): 53 random bits, centred in their step, so
    /// neither 0 nor 1 is ever returned and the logarithm is always defined.
    pub fn uniform(&mut self) -> f64 {
        const STEP: f64 = 1.0 / 9_007_199_254_740_992.0; // 2^-53
        ((self.next_u64() >> 11) as f64 + 0.5) * STEP
    }

    /// A standard normal deviate by Marsaglia's polar method (no sine or cosine needed).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * ln(s) / s).sqrt();
                self.spare = Some(v * f);
                return u * f;
            }
        }
    }

    /// A Gamma(`shape`, 1) deviate for `shape` ≥ 1 (Marsaglia and Tsang, 2000).
    pub fn gamma(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || ln(u) < 0.5 * x2 + d * (1.0 - v + ln(v)) {
                return d * v;
            }
        }
    }

    /// A Beta(`a`, `b`) deviate for `a`, `b` ≥ 1, as X ÷ (X + Y) of two Gamma deviates.
    pub fn beta(&mut self, a: f64, b: f64) -> f64 {
        let x = self.gamma(a);
        let y = self.gamma(b);
        x / (x + y)
    }

    /// One draw of an input with range `low`–`high` and likely value `likely`.
    pub fn draw(&mut self, distribution: Distribution, low: f64, likely: f64, high: f64) -> f64 {
        let width = high - low;
        if width <= 0.0 {
            return likely;
        }
        match distribution {
            Distribution::Pert => {
                let a = 1.0 + 4.0 * (likely - low) / width;
                let b = 1.0 + 4.0 * (high - likely) / width;
                low + width * self.beta(a, b)
            }
            Distribution::Triangular => {
                let u = self.uniform();
                let split = (likely - low) / width;
                if u < split {
                    low + (u * width * (likely - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - likely)).sqrt()
                }
            }
            Distribution::Uniform => low + width * self.uniform(),
        }
    }
}

/// ln 2, split so that `k × LN2_HI` is exact for every binary exponent `k` (fdlibm's
/// `ln2_hi` and `ln2_lo`).
const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76);

/// The natural logarithm of a positive finite `x` from basic operations only: `x = m × 2^k`
/// with m in [√½, √2), then ln m = 2 atanh(s), s = (m − 1) ÷ (m + 1), |s| < 0.172, by its
/// series to the term s^27 (relative error below 10⁻¹⁶).
pub fn ln(x: f64) -> f64 {
    const TWO_54: f64 = 18_014_398_509_481_984.0;
    const SQRT_2: f64 = std::f64::consts::SQRT_2;
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        return ln(x * TWO_54) - 54.0 * (LN2_HI + LN2_LO);
    }
    let mut m = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | (1023 << 52));
    let mut k = (exponent - 1023) as f64;
    if m >= SQRT_2 {
        m *= 0.5;
        k += 1.0;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut series = 0.0;
    for n in (0..14).rev() {
        series = series * s2 + 1.0 / f64::from(2 * n + 1);
    }
    k * LN2_HI + (2.0 * s * series + k * LN2_LO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logarithm_matches_known_values() {
        // Values from the definition (ln e = 1, ln 2) and from published tables.
        let cases = [
            (1.0, 0.0),
            (2.0, std::f64::consts::LN_2),
            (std::f64::consts::E, 1.0),
            (10.0, std::f64::consts::LN_10),
            (0.5, -std::f64::consts::LN_2),
            (1e-300, -690.775_527_898_213_7),
            (1.5, 0.405_465_108_108_164_4),
            (5e-324, -744.440_071_921_381_3),
        ];
        for (x, expected) in cases {
            let got = ln(x);
            assert!(
                (got - expected).abs() <= 4e-16 * expected.abs().max(1.0),
                "ln({x}) = {got}, expected {expected}"
            );
        }
    }

    #[test]
    fn the_generator_is_xoshiro256_starstar() {
        // xoshiro256** from the state {1, 2, 3, 4}, as the authors' C code gives it (checked
        // with an independent port of that code).
        let mut rng = Rng {
            s: [1, 2, 3, 4],
            spare: None,
        };
        let first: Vec<u64> = (0..4).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [11520, 0, 1509978240, 1215971899390074240],
            "xoshiro256** from state 1, 2, 3, 4"
        );
    }

    #[test]
    fn splitmix_matches_its_reference() {
        // SplitMix64 from seed 0: the first output of Vigna's splitmix64.c.
        let mut state = 0;
        assert_eq!(splitmix64(&mut state), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn draws_stay_within_the_range_and_have_the_right_means() {
        // Means: PERT (a + 4m + b) / 6, triangular (a + m + b) / 3, uniform (a + b) / 2.
        let (a, m, b) = (2.0, 3.0, 10.0);
        let n = 200_000;
        for (dist, mean) in [
            (Distribution::Pert, (a + 4.0 * m + b) / 6.0),
            (Distribution::Triangular, (a + m + b) / 3.0),
            (Distribution::Uniform, (a + b) / 2.0),
        ] {
            let mut rng = Rng::for_input(7, "x");
            let mut sum = 0.0;
            for _ in 0..n {
                let x = rng.draw(dist, a, m, b);
                assert!((a..=b).contains(&x), "{dist:?} drew {x}");
                sum += x;
            }
            let got = sum / f64::from(n);
            // Standard deviation at most (b − a) / √12 ≈ 2.31; 5 standard errors.
            assert!(
                (got - mean).abs() < 5.0 * 2.31 / f64::from(n).sqrt(),
                "{dist:?}: mean {got}, expected {mean}"
            );
        }
    }
}
