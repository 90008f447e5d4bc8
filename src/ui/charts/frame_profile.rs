//! How much each source uses each frame, per 1,000 words: one small panel of
//! bars per source, all on the same scale, frames in the same order, so the
//! eye compares the shapes.

use super::format::NumberFormat;
use super::palette::{self, BLACK};
use super::scale::{chars_fitting, nice_ticks, text_width, truncate, Linear};
use super::{px, ChartFrame, FONT, GRID, INK, MUTED_INK};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FrameProfileProps {
    /// The language of the chart's buttons and messages.
    #[prop_or_default]
    pub lang: crate::ui::i18n::Lang,
    pub title: AttrValue,
    #[prop_or_default]
    pub description: AttrValue,
    /// The frames (the 15 categories), top to bottom in every panel.
    pub frames: Vec<String>,
    /// One panel per source.
    pub sources: Vec<String>,
    /// `values[frame][source]`: uses of the frame per 1,000 words.
    pub values: Vec<Vec<f64>>,
    #[prop_or(NumberFormat::fixed(1))]
    pub format: NumberFormat,
}

const MARGIN: f64 = 12.0;
const PANEL_WIDTH: f64 = 250.0;
const PANEL_GAP: f64 = 18.0;
const PANEL_TITLE: f64 = 34.0;
const BAR_HEIGHT: f64 = 20.0;
const BAR_STEP: f64 = 27.0;
const AXIS_HEIGHT: f64 = 28.0;
const ROW_GAP: f64 = 20.0;
const LABEL_SIZE: f64 = 16.0;
const VALUE_SIZE: f64 = 15.0;
const MAX_LABEL_WIDTH: f64 = 230.0;
/// Panels per row: three fit a projected slide at a readable size.
const MAX_COLUMNS: usize = 3;

/// Panels per row for `n` sources: four make two rows of two, not 3 + 1.
pub fn columns_for(n: usize) -> usize {
    match n {
        0 => 1,
        4 => 2,
        n => n.min(MAX_COLUMNS),
    }
}

/// Frame profiles as small multiples.
#[function_component(FrameProfile)]
pub fn frame_profile(props: &FrameProfileProps) -> Html {
    let value = |f: usize, s: usize| props.values.get(f).and_then(|row| row.get(s)).copied().unwrap_or(f64::NAN);
    let (n_frames, n_sources) = (props.frames.len(), props.sources.len());
    let max = (0..n_frames).flat_map(|f| (0..n_sources).map(move |s| (f, s))).map(|(f, s)| value(f, s)).filter(|v| v.is_finite()).fold(0.0_f64, f64::max);
    let ticks = nice_ticks(0.0, if max > 0.0 { max } else { 1.0 }, 2);
    let top_tick = *ticks.last().unwrap_or(&1.0);

    let columns = columns_for(n_sources);
    let rows = n_sources.div_ceil(columns).max(1);
    let label_width = props.frames.iter().map(|f| text_width(f, LABEL_SIZE)).fold(0.0, f64::max).min(MAX_LABEL_WIDTH);
    let label_chars = chars_fitting(label_width, LABEL_SIZE);
    let value_width = text_width(&props.format.format(max), VALUE_SIZE) + 8.0;
    let left = MARGIN + label_width + 12.0;
    let width = left + columns as f64 * (PANEL_WIDTH + PANEL_GAP);
    let panel_height = PANEL_TITLE + n_frames as f64 * BAR_STEP + AXIS_HEIGHT;
    let height = MARGIN + rows as f64 * (panel_height + ROW_GAP);
    let colour = palette::BLUE;

    let panels = props.sources.iter().enumerate().map(|(s, source)| {
        let (col, row) = (s % columns, s / columns);
        let x0 = left + col as f64 * (PANEL_WIDTH + PANEL_GAP);
        let y0 = MARGIN + row as f64 * (panel_height + ROW_GAP);
        let bars_top = y0 + PANEL_TITLE;
        let bars_bottom = bars_top + n_frames as f64 * BAR_STEP;
        let x = Linear::new((0.0, top_tick), (x0 + 8.0, x0 + PANEL_WIDTH - value_width));
        let grid = ticks.iter().map(|t| {
            let tx = px(x.at(*t));
            html! {
                <g class="tick">
                    <line x1={tx.clone()} x2={tx.clone()} y1={px(bars_top - 4.0)} y2={px(bars_bottom)} stroke={GRID} stroke-width="1.5" />
                    <text x={tx} y={px(bars_bottom + 19.0)} text-anchor="middle" font-size="14" fill={MUTED_INK}>{ props.format.format(*t) }</text>
                </g>
            }
        });
        let bars = (0..n_frames).map(|f| {
            let v = value(f, s);
            let y = bars_top + f as f64 * BAR_STEP + (BAR_STEP - BAR_HEIGHT) / 2.0;
            let text = props.format.format(v);
            let end = if v.is_finite() { x.at(v.clamp(0.0, top_tick)) } else { x.at(0.0) };
            html! {
                <g class="bar-group">
                    <title>{ format!("{source}, {}: {text} per 1,000 words", props.frames[f]) }</title>
                    if v.is_finite() && v > 0.0 {
                        <rect class="bar" data-value={v.to_string()} x={px(x.at(0.0))} y={px(y)} width={px(end - x.at(0.0))}
                              height={px(BAR_HEIGHT)} fill={colour.hex()} stroke={colour.mix(BLACK, 0.5).hex()} stroke-width="1.5" />
                    }
                    <text class="value" x={px(end + 5.0)} y={px(y + BAR_HEIGHT / 2.0)} dy="0.35em" font-size={px(VALUE_SIZE)}
                          font-weight={if v > 0.0 { "600" } else { "400" }} fill={if v > 0.0 { INK } else { MUTED_INK }}>{ text }</text>
                </g>
            }
        });
        html! {
            <g class="panel" data-source={source.clone()}>
                <rect x={px(x0)} y={px(y0)} width={px(PANEL_WIDTH)} height={px(panel_height - 4.0)} fill="#f3f4f5" />
                <title>{ source.clone() }</title>
                <text class="panel-title" x={px(x0 + 8.0)} y={px(y0 + 22.0)} font-size="16" font-weight="700" fill={INK}>
                    { truncate(source, chars_fitting(PANEL_WIDTH - 16.0, 16.0)) }
                </text>
                { for grid }
                { for bars }
                <line x1={px(x.at(0.0))} x2={px(x.at(0.0))} y1={px(bars_top - 4.0)} y2={px(bars_bottom)} stroke={INK} stroke-width="2" />
            </g>
        }
    });

    // Frame names at the left of each row of panels.
    let labels = (0..rows).flat_map(|row| {
        let bars_top = MARGIN + row as f64 * (panel_height + ROW_GAP) + PANEL_TITLE;
        props.frames.iter().enumerate().map(move |(f, frame)| (bars_top + f as f64 * BAR_STEP + BAR_STEP / 2.0, frame))
    }).map(|(y, frame)| html! {
        <g class="frame-label">
            <title>{ frame.clone() }</title>
            <text x={px(MARGIN + label_width)} y={px(y)} dy="0.35em" text-anchor="end" font-size={px(LABEL_SIZE)} fill={INK}>
                { truncate(frame, label_chars) }
            </text>
        </g>
    });

    let chart = html! {
        <svg class="chart-svg frame-profile" viewBox={format!("0 0 {} {}", px(width), px(height))} width={px(width)} height={px(height)} role="img"
             aria-label={format!("{}: {} frames in {} sources, per 1,000 words. The table view lists every value.", props.title, n_frames, n_sources)}
             font-family={FONT}>
            <rect width={px(width)} height={px(height)} fill="#ffffff" />
            { for labels }
            { for panels }
        </svg>
    };

    let table = html! {
        <table>
            <caption>{ format!("{} (per 1,000 words)", props.title) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ props.lang.text().frame_label }</th>
                    { for props.sources.iter().map(|s| html! { <th scope="col" class="num">{ s.clone() }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for props.frames.iter().enumerate().map(|(f, frame)| html! {
                    <tr>
                        <th scope="row">{ frame.clone() }</th>
                        { for (0..n_sources).map(|s| html! { <td class="num">{ props.format.format(value(f, s)) }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    };

    html! {
        <ChartFrame lang={props.lang} title={props.title.clone()} description={props.description.clone()} {table}>
            { chart }
        </ChartFrame>
    }
}
