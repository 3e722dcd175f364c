//! The few transcendental functions the charts need, without libm.
//!
//! Why: in the wasm build every libm routine is compiled in whole — `sinf`/`cosf` bring a
//! 3 KB large-argument reduction, `pow` 2 KB — for angles that never leave one turn and
//! exponents that are always small integers or 2.4. These versions cover exactly the
//! arguments the charts use, to well under a millionth, in a few hundred bytes; their tests
//! compare them with the standard library natively.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

/// Sine and cosine of `angle` (radians). Accurate to ~1e-9 for any angle a chart uses
/// (a few turns either way); the result is then rounded to `f32`.
pub fn sin_cos(angle: f32) -> (f32, f32) {
    let a = angle as f64;
    let a = a - TAU * (a / TAU).round();
    // Quadrant k and a remainder r within ±π/4, where the series converge fast.
    let k = (a / FRAC_PI_2).round();
    let r = a - k * FRAC_PI_2;
    let r2 = r * r;
    // Taylor series to r⁹ and r⁸: the first omitted terms are below 3e-9 at |r| = π/4.
    let sin = r * (1.0 - r2 / 6.0 * (1.0 - r2 / 20.0 * (1.0 - r2 / 42.0 * (1.0 - r2 / 72.0))));
    let cos = 1.0 - r2 / 2.0 * (1.0 - r2 / 12.0 * (1.0 - r2 / 30.0 * (1.0 - r2 / 56.0 * (1.0 - r2 / 90.0))));
    let (s, c) = match (k as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    };
    (s as f32, c as f32)
}

/// The angle of (x, y) from the positive x axis, in (−π, π], like `f32::atan2(y, x)`.
pub fn atan2(y: f32, x: f32) -> f32 {
    let (y, x) = (y as f64, x as f64);
    if y == 0.0 {
        return if x < 0.0 { PI as f32 } else { 0.0 };
    }
    let r = (x * x + y * y).sqrt();
    // Half-angle forms, each used where it does not cancel: tan(θ/2) = y/(r+x) = (r−x)/y.
    let half_tan = if x > 0.0 { y / (r + x) } else { (r - x) / y };
    (2.0 * atan(half_tan)) as f32
}

/// arctan, by halving the angle three times (|z| ends below tan(π/16) ≈ 0.2) and summing
/// the series to z¹⁵ (error below 1e-13).
fn atan(z: f64) -> f64 {
    let mut z = z;
    for _ in 0..3 {
        z /= 1.0 + (1.0 + z * z).sqrt();
    }
    let z2 = z * z;
    let mut sum = 0.0;
    for n in (0..8).rev() {
        let odd = (2 * n + 1) as f64;
        sum = 1.0 / odd - z2 * sum;
    }
    8.0 * z * sum
}

/// `v` limited to [lo, hi], like `f32::clamp` but without its panic when lo > hi (hi wins
/// then): that panic's message prints both bounds with `{:?}` and brings f32 formatting,
/// ~2.5 KB of wasm, into a build that otherwise formats no f32.
pub fn clamp(v: f32, lo: f32, hi: f32) -> f32 {
    v.max(lo).min(hi)
}

/// The distance from the origin to (x, y).
pub fn hypot(x: f32, y: f32) -> f32 {
    ((x as f64) * (x as f64) + (y as f64) * (y as f64)).sqrt() as f32
}

/// `x^2.4` for `x` in [0, 1]: the sRGB transfer curve in WCAG's relative luminance.
/// x^2.4 = x² · y where y⁵ = x², found by Newton's method from above (it converges
/// monotonically there, and fully within 60 steps for any x the curve uses).
pub fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let a = x * x;
    let mut y = 1.0f64.max(a);
    for _ in 0..60 {
        let next = (4.0 * y + a / (y * y * y * y)) / 5.0;
        if next >= y {
            break;
        }
        y = next;
    }
    a * y
}

/// ⌊log₁₀ x⌋ for a finite `x > 0` (0 otherwise): the decimal exponent that tick steps and
/// scientific notation are built on. Counting powers of ten keeps exact powers (0.001,
/// 1000) on their own exponent, as log10 does.
pub fn decimal_exponent(x: f64) -> i32 {
    if !(x.is_finite() && x > 0.0) {
        return 0;
    }
    let mut exponent = 0;
    if x >= 1.0 {
        while exponent < 308 && x >= pow10(exponent + 1) {
            exponent += 1;
        }
    } else {
        while exponent > -330 && x < pow10(exponent) {
            exponent -= 1;
        }
    }
    exponent
}

/// 10^n, exact for |n| ≤ 22 (one rounding for negative n: 1/10^|n|).
pub fn pow10(n: i32) -> f64 {
    if n >= 0 {
        10f64.powi(n)
    } else {
        1.0 / 10f64.powi(-n)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std is the reference these are tested against
mod tests {
    use super::*;

    #[test]
    fn sine_and_cosine_match_the_standard_library_over_two_turns() {
        for i in -800..=800 {
            let a = i as f32 * 0.0157;
            let (s, c) = sin_cos(a);
            assert!((s - a.sin()).abs() < 2e-7, "sin {a}: {s} vs {}", a.sin());
            assert!((c - a.cos()).abs() < 2e-7, "cos {a}: {c} vs {}", a.cos());
        }
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
    }

    #[test]
    fn atan2_matches_the_standard_library_in_every_quadrant() {
        for i in -40..=40 {
            for j in -40..=40 {
                let (y, x) = (i as f32 * 0.37, j as f32 * 0.53);
                let want = y.atan2(x);
                let got = atan2(y, x);
                // ±π are the same direction; std returns −π for (−0, x<0), we return π.
                let d = (got - want).abs();
                let diff = d.min((d - std::f32::consts::TAU).abs());
                assert!(diff < 1e-6, "atan2({y}, {x}): {got} vs {want}");
            }
        }
        assert_eq!(atan2(0.0, 5.0), 0.0);
    }

    #[test]
    fn clamp_limits_and_lets_the_upper_bound_win_when_bounds_cross() {
        assert_eq!(clamp(5.0, 0.0, 3.0), 3.0);
        assert_eq!(clamp(-1.0, 0.0, 3.0), 0.0);
        assert_eq!(clamp(2.0, 0.0, 3.0), 2.0);
        assert_eq!(clamp(2.0, 4.0, 3.0), 3.0);
    }

    #[test]
    fn hypot_is_the_euclidean_distance() {
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(hypot(-3.0, 0.0), 3.0);
    }

    #[test]
    fn srgb_curve_matches_powf_for_every_8_bit_channel() {
        for c in 0..=255u32 {
            let x = (c as f64 / 255.0 + 0.055) / 1.055;
            let want = x.powf(2.4);
            assert!((pow_2_4(x) - want).abs() <= 1e-15 * want.max(1.0) * 4.0, "{x}: {} vs {want}", pow_2_4(x));
        }
        assert_eq!(pow_2_4(1.0), 1.0);
        assert_eq!(pow_2_4(0.0), 0.0);
    }

    #[test]
    fn decimal_exponents_agree_with_log10_including_exact_powers() {
        let cases = [1.0, 9.99, 10.0, 0.1, 0.001, 0.00099, 0.25, 2.5e-7, 98_520_000.0, 1e15, 1.5e308];
        for x in cases {
            assert_eq!(decimal_exponent(x), x.log10().floor() as i32, "{x}");
        }
        for k in -20..=20 {
            assert_eq!(decimal_exponent(pow10(k)), k, "10^{k}");
        }
        assert_eq!(decimal_exponent(0.0), 0);
        assert_eq!(decimal_exponent(f64::NAN), 0);
    }
}
