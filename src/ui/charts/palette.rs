//! The charts' colours, defined once, and the contrast arithmetic that keeps
//! text on them readable.
//!
//! Plain Rust (no web types) so that `tests/charts_math.rs` can check it
//! natively.
//!
//! * Categories (kinds of actor, series of bars) use the palette of
//!   Okabe, M. & Ito, K. (2008), *Color Universal Design (CUD): how to make
//!   figures and presentations that are friendly to colorblind people*,
//!   <https://jfly.uni-koeln.de/color/>. Its eight colours stay distinct for
//!   protanopes, deuteranopes and tritanopes.
//! * Signed values (sentiment from −1 to +1) use a diverging scale from the
//!   Okabe–Ito vermilion (negative) to the Okabe–Ito blue (positive) through
//!   a light neutral grey, interpolated in the OKLab space (Ottosson 2020) so
//!   that equal steps of value look like equal steps of colour. Blue against
//!   orange is the pair every kind of colour-vision deficiency keeps apart
//!   (the blue–yellow axis survives in protanopia and deuteranopia, and the
//!   two ends differ in lightness for tritanopia); red against green is
//!   never used.
//!
//! Colour never carries a number alone: every cell and bar also prints it.

/// A colour in sRGB, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, as SVG attributes and CSS want it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixes `self` toward `other`: `t = 0` is `self`, `t = 1` is `other`
    /// (in sRGB, which is what "drawn lighter" means on screen).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

pub const BLACK: Rgb = Rgb(0x00, 0x00, 0x00);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// Okabe & Ito (2008), in their order.
pub const ORANGE: Rgb = Rgb(0xe6, 0x9f, 0x00);
pub const SKY_BLUE: Rgb = Rgb(0x56, 0xb4, 0xe9);
pub const BLUISH_GREEN: Rgb = Rgb(0x00, 0x9e, 0x73);
pub const YELLOW: Rgb = Rgb(0xf0, 0xe4, 0x42);
pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xb2);
pub const VERMILION: Rgb = Rgb(0xd5, 0x5e, 0x00);
pub const REDDISH_PURPLE: Rgb = Rgb(0xcc, 0x79, 0xa7);
/// Okabe–Ito's eighth colour is black; a mid grey stands in for it where a
/// filled shape must still show its dark outline and a label.
pub const GREY: Rgb = Rgb(0x99, 0x99, 0x99);

/// The categorical palette, for series of bars: the order keeps neighbours
/// far apart in lightness as well as hue. Yellow is last: it is faint on white
/// and only used when seven series are not enough.
pub const CATEGORICAL: [Rgb; 8] = [BLUE, ORANGE, BLUISH_GREEN, VERMILION, SKY_BLUE, REDDISH_PURPLE, GREY, YELLOW];

/// The colour of series `i` (the palette repeats after eight series).
pub fn series_colour(i: usize) -> Rgb {
    CATEGORICAL[i % CATEGORICAL.len()]
}

/// Kinds of actor the engine knows, in legend order, with their colour.
pub const KINDS: [(&str, Rgb); 7] = [
    ("person", ORANGE),
    ("state", BLUE),
    ("organisation", BLUISH_GREEN),
    ("armed_group", VERMILION),
    ("place", SKY_BLUE),
    ("media", REDDISH_PURPLE),
    ("unknown", GREY),
];

/// The colour of an actor kind; any kind not in [`KINDS`] is drawn as `unknown`.
pub fn kind_colour(kind: &str) -> Rgb {
    KINDS.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c).unwrap_or(GREY)
}

/// Negative end of the diverging scale (value −1).
pub const DIVERGING_NEGATIVE: Rgb = VERMILION;
/// Middle of the diverging scale (value 0): a light neutral grey, distinct
/// from the white of an empty cell.
pub const DIVERGING_NEUTRAL: Rgb = Rgb(0xee, 0xee, 0xea);
/// Positive end of the diverging scale (value +1).
pub const DIVERGING_POSITIVE: Rgb = BLUE;

/// The colour of a value in [−1, 1] (clamped): vermilion for −1, the neutral
/// grey for 0, blue for +1.
pub fn diverging(value: f64) -> Rgb {
    let v = if value.is_finite() { value.clamp(-1.0, 1.0) } else { 0.0 };
    let end = if v < 0.0 { DIVERGING_NEGATIVE } else { DIVERGING_POSITIVE };
    oklab_mix(DIVERGING_NEUTRAL, end, v.abs())
}

/// WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white).
/// <https://www.w3.org/TR/WCAG21/#dfn-relative-luminance>
pub fn relative_luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG 2.x contrast ratio between two colours, 1 to 21. AA asks for 4.5
/// for normal text and 3 for large text and graphical objects.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Black or white, whichever reads better on `background`. One of the two
/// always reaches at least 4.58:1, above the AA threshold of 4.5.
pub fn text_on(background: Rgb) -> Rgb {
    if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) {
        BLACK
    } else {
        WHITE
    }
}

/// WCAG's sRGB transfer function, 8-bit channel to linear light (0–1).
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn encode(linear: f64) -> u8 {
    let l = linear.clamp(0.0, 1.0);
    let c = if l <= 0.003_130_8 { 12.92 * l } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
    (c * 255.0).round().clamp(0.0, 255.0) as u8
}

/// Mixes two colours in OKLab (Björn Ottosson, 2020), where a straight line
/// looks like an even change of colour.
fn oklab_mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let (la, lb) = (to_oklab(a), to_oklab(b));
    let m = |x: f64, y: f64| x + (y - x) * t;
    from_oklab([m(la[0], lb[0]), m(la[1], lb[1]), m(la[2], lb[2])])
}

fn to_oklab(c: Rgb) -> [f64; 3] {
    let (r, g, b) = (linear(c.0), linear(c.1), linear(c.2));
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s,
    ]
}

fn from_oklab([l, a, b]: [f64; 3]) -> Rgb {
    let l_ = (l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m_ = (l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s_ = (l - 0.089_484_177_5 * a - 1.291_485_548_0 * b).powi(3);
    Rgb(
        encode(4.076_741_662_1 * l_ - 3.307_711_591_3 * m_ + 0.230_969_929_2 * s_),
        encode(-1.268_438_004_6 * l_ + 2.609_757_401_1 * m_ - 0.341_319_396_5 * s_),
        encode(-0.004_196_086_3 * l_ - 0.703_418_614_7 * m_ + 1.707_614_701_0 * s_),
    )
}
