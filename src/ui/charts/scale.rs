//! Axes and text geometry for the charts: where a value falls, which ticks to
//! draw, how wide a label will be. Plain Rust (no web types), tested natively
//! by `tests/charts_math.rs`.

/// Maps a value interval (the domain) onto a pixel interval (the range).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Linear { domain, range }
    }

    /// Where `v` falls; a degenerate domain maps everything to the range start.
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// The smallest interval containing 0 and every finite value: bars grow from
/// zero, so zero is always on the axis. An empty or all-zero input gives
/// `(0, 1)` so that the axis still has a length.
pub fn extent_with_zero(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo == 0.0 && hi == 0.0 {
        (0.0, 1.0)
    } else {
        (lo, hi)
    }
}

/// "Nice" tick values (steps of 1, 2 or 5 × 10ⁿ) covering `[lo, hi]`, about
/// `wanted` of them; the first tick is ≤ `lo` and the last ≥ `hi`, so the
/// domain can be widened to them.
pub fn nice_ticks(lo: f64, hi: f64, wanted: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let step = nice_step((hi - lo) / wanted.max(1) as f64);
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    // Rounding to the step's decimals cleans float dust (3 × 0.1 is
    // 0.30000000000000004) and -0.0.
    let decimals = (-step.log10().floor()).max(0.0) as i32;
    let unit = 10f64.powi(decimals);
    (0..=((last - first) as i64))
        .map(|i| {
            let t = ((first + i as f64) * step * unit).round() / unit;
            if t == 0.0 { 0.0 } else { t }
        })
        .collect()
}

fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Average advance of a character of a sans-serif font, as a share of the
/// font size: slightly generous so that estimated labels do not collide.
pub const CHAR_WIDTH_EM: f64 = 0.6;

/// Estimated width of `text` drawn at `font_size`. The SVG is laid out before
/// the browser measures anything, so this has to be a guess.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH_EM * font_size
}

/// `text` cut to `max_chars` characters, with an ellipsis when it was cut.
pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// How many characters fit in `width` at `font_size`.
pub fn chars_fitting(width: f64, font_size: f64) -> usize {
    (width / (CHAR_WIDTH_EM * font_size)).floor().max(1.0) as usize
}
