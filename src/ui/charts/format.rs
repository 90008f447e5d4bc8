//! How a chart writes its numbers. The same text appears on the chart, in its
//! table view and in the exported SVG, so a reader can match them.
//! Plain Rust, tested natively by `tests/charts_math.rs`.

/// A number format: fixed decimals, an optional `+` for positive values
/// (sentiment), an optional unit after the number.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFormat {
    pub decimals: usize,
    /// Writes `+0.25` rather than `0.25`, for values that can be negative.
    pub plus_sign: bool,
    /// Appended after the number, e.g. `" %"`; empty by default.
    pub suffix: String,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat::fixed(1)
    }
}

impl NumberFormat {
    /// `decimals` digits after the point: `fixed(1)` writes `12.5`.
    pub fn fixed(decimals: usize) -> Self {
        NumberFormat { decimals, plus_sign: false, suffix: String::new() }
    }

    /// Like [`fixed`](Self::fixed) with a `+` on positive values: `+0.25`, `-0.40`, `0.00`.
    pub fn signed(decimals: usize) -> Self {
        NumberFormat { plus_sign: true, ..NumberFormat::fixed(decimals) }
    }

    /// Counts: `12`.
    pub fn integer() -> Self {
        NumberFormat::fixed(0)
    }

    pub fn with_suffix(mut self, suffix: &str) -> Self {
        self.suffix = suffix.to_string();
        self
    }

    /// The value as text; a missing or non-finite value is an em dash.
    /// Negative numbers use the ASCII hyphen-minus so that a copied table
    /// pastes as numbers in a spreadsheet.
    pub fn format(&self, value: f64) -> String {
        if !value.is_finite() {
            return "—".to_string();
        }
        let mut s = format!("{:.*}", self.decimals, value);
        // "-0.00" reads as a negative score; it is zero at this precision.
        if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
            s.remove(0);
        }
        let zero = s.chars().all(|c| c == '0' || c == '.');
        if self.plus_sign && !s.starts_with('-') && !zero {
            s.insert(0, '+');
        }
        s.push_str(&self.suffix);
        s
    }

    /// [`format`](Self::format) for an optional value.
    pub fn format_option(&self, value: Option<f64>) -> String {
        value.map_or_else(|| "—".to_string(), |v| self.format(v))
    }
}
