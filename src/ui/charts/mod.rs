//! Charts drawn by the app as SVG: bars, a heatmap, a network and frame
//! profiles. Each one comes in a [`ChartFrame`] with a heading, a table view
//! of the same numbers (for screen readers and for copying) and SVG / PNG
//! export.
//!
//! The charts take plain data (names and numbers), not the engine's
//! `Analysis`, so they can be reused and tested on their own; the panels that
//! show an analysis turn it into these props.

mod bars;
pub mod export;
mod format;
mod frame;
mod frame_profile;
mod heatmap;
pub mod layout;
mod network;
pub mod palette;
pub mod scale;

pub use bars::{Bars, BarsProps, Series};
pub use format::NumberFormat;
pub use frame::{ChartFrame, ChartFrameProps};
pub use frame_profile::{FrameProfile, FrameProfileProps};
pub use heatmap::{Heatmap, HeatmapProps};
pub use network::{Network, NetworkEdge, NetworkNode, NetworkProps};

use std::cell::Cell;

/// The font of every chart, written on the `<svg>` so exports keep it.
pub(crate) const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/// Text colour on the white chart background (16.9:1).
pub(crate) const INK: &str = "#1d1d1f";
/// Secondary text (axis ticks) on white: 7.5:1, still AA on a washed-out projector.
pub(crate) const MUTED_INK: &str = "#4a4f55";
/// Grid lines: light enough to stay behind the data, thick enough for a projector.
pub(crate) const GRID: &str = "#c2c6cb";

thread_local! {
    static NEXT_ID: Cell<usize> = const { Cell::new(0) };
}

/// A page-unique id for one chart instance (`<prefix>-<n>`), for ARIA
/// references and SVG pattern ids.
pub(crate) fn unique_id(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        let id = n.get() + 1;
        n.set(id);
        format!("{prefix}-{id}")
    })
}

/// Rounds a coordinate for the SVG text: a tenth of a unit is invisible and
/// keeps exports small.
pub(crate) fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{}", r as i64) } else { format!("{r:.1}") }
}
