//! Horizontal bars, simple or grouped, growing left or right of a zero line:
//! sentiment per source (−1 to +1), mentions per actor, any number per name.

use super::format::NumberFormat;
use super::palette::{self, Rgb, BLACK};
use super::scale::{chars_fitting, extent_with_zero, nice_ticks, text_width, truncate, Linear};
use super::{px, ChartFrame, FONT, GRID, INK, MUTED_INK};
use yew::prelude::*;

/// One row of numbers: a value per category (`NaN` = no value).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

impl Series {
    pub fn new(name: impl Into<String>, values: Vec<f64>) -> Self {
        Series { name: name.into(), values }
    }

    /// Categories and a single series from `(name, value)` pairs, for a simple
    /// bar chart.
    pub fn from_pairs(name: impl Into<String>, pairs: Vec<(String, f64)>) -> (Vec<String>, Vec<Series>) {
        let (categories, values) = pairs.into_iter().unzip();
        (categories, vec![Series::new(name, values)])
    }
}

#[derive(Properties, PartialEq)]
pub struct BarsProps {
    /// The language of the chart's buttons and messages.
    #[prop_or_default]
    pub lang: crate::ui::i18n::Lang,
    pub title: AttrValue,
    /// How to read the chart, under the heading.
    #[prop_or_default]
    pub description: AttrValue,
    /// One group of bars per category (sources, actors), top to bottom.
    pub categories: Vec<String>,
    /// One bar per series in each group; a single series gives simple bars.
    pub series: Vec<Series>,
    #[prop_or_default]
    pub format: NumberFormat,
    /// A fixed axis, e.g. `(-1.0, 1.0)` for sentiment, so that charts of
    /// different data compare; by default the data's range and zero.
    #[prop_or_default]
    pub domain: Option<(f64, f64)>,
    /// Header of the category column in the table view.
    #[prop_or(AttrValue::Static("Category"))]
    pub category_label: AttrValue,
}

const WIDTH: f64 = 800.0;
const MARGIN: f64 = 12.0;
const LABEL_SIZE: f64 = 16.0;
const VALUE_SIZE: f64 = 15.0;
const TICK_SIZE: f64 = 14.0;
const BAR_HEIGHT: f64 = 26.0;
const BAR_GAP: f64 = 4.0;
const GROUP_GAP: f64 = 16.0;
const LEGEND_HEIGHT: f64 = 34.0;
const AXIS_HEIGHT: f64 = 30.0;
/// Category labels never take more than this share of the width.
const MAX_LABEL_WIDTH: f64 = 240.0;
/// Room between a bar's end and its value.
const VALUE_PAD: f64 = 6.0;

/// The fill of bar `series` of `count` for `value`: with one series, the sign
/// picks the diverging colour (blue positive, vermilion negative); with
/// several, each series has its Okabe–Ito colour.
pub(crate) fn bar_colour(series: usize, count: usize, value: f64) -> Rgb {
    if count == 1 {
        if value < 0.0 { palette::DIVERGING_NEGATIVE } else { palette::DIVERGING_POSITIVE }
    } else {
        palette::series_colour(series)
    }
}

/// Horizontal bars with their values written at the bar ends.
#[function_component(Bars)]
pub fn bars(props: &BarsProps) -> Html {
    let n_series = props.series.len().max(1);
    let value = |s: &Series, c: usize| s.values.get(c).copied().unwrap_or(f64::NAN);
    let all = props.series.iter().flat_map(|s| (0..props.categories.len()).map(move |c| value(s, c)));
    let (lo, hi) = props.domain.unwrap_or_else(|| extent_with_zero(all));
    let ticks = nice_ticks(lo, hi, 5);
    let (lo, hi) = if props.domain.is_some() { (lo, hi) } else { (ticks[0], *ticks.last().unwrap_or(&hi)) };

    let label_width = props.categories.iter().map(|c| text_width(c, LABEL_SIZE)).fold(0.0, f64::max).min(MAX_LABEL_WIDTH);
    let label_chars = chars_fitting(label_width, LABEL_SIZE);
    let value_width = props
        .series
        .iter()
        .flat_map(|s| s.values.iter().map(|v| text_width(&props.format.format(*v), VALUE_SIZE)))
        .fold(text_width("0.0", VALUE_SIZE), f64::max)
        + VALUE_PAD;
    let plot_left = MARGIN + label_width + 10.0 + if lo < 0.0 { value_width } else { 0.0 };
    let plot_right = WIDTH - MARGIN - if hi > 0.0 { value_width } else { 0.0 };
    let x = Linear::new((lo, hi), (plot_left, plot_right));
    let zero = x.at(0.0_f64.clamp(lo, hi));

    let legend = props.series.len() > 1;
    let top = if legend { LEGEND_HEIGHT + 8.0 } else { 8.0 };
    let group_height = n_series as f64 * BAR_HEIGHT + (n_series - 1) as f64 * BAR_GAP;
    let plot_bottom = top + props.categories.len() as f64 * (group_height + GROUP_GAP);
    let height = plot_bottom + AXIS_HEIGHT;

    let grid = ticks.iter().filter(|t| **t >= lo && **t <= hi).map(|t| {
        let tx = px(x.at(*t));
        html! {
            <g class="tick">
                <line x1={tx.clone()} x2={tx.clone()} y1={px(top - 4.0)} y2={px(plot_bottom)} stroke={GRID} stroke-width="1.5" />
                <text x={tx} y={px(plot_bottom + 20.0)} font-size={px(TICK_SIZE)} fill={MUTED_INK} text-anchor="middle">
                    { props.format.format(*t) }
                </text>
            </g>
        }
    });

    let legend_items = {
        let mut cursor = MARGIN;
        props
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let at = cursor;
                cursor += 24.0 + text_width(&s.name, LABEL_SIZE) + 20.0;
                let colour = palette::series_colour(i);
                html! {
                    <g class="legend-item">
                        <rect x={px(at)} y="8" width="18" height="18" fill={colour.hex()} stroke={colour.mix(BLACK, 0.5).hex()} stroke-width="1.5" />
                        <text x={px(at + 24.0)} y="17" dy="0.35em" font-size={px(LABEL_SIZE)} fill={INK}>{ s.name.clone() }</text>
                    </g>
                }
            })
            .collect::<Html>()
    };

    let groups = props.categories.iter().enumerate().map(|(c, category)| {
        let group_top = top + c as f64 * (group_height + GROUP_GAP);
        let bars = props.series.iter().enumerate().map(|(s, series)| {
            let v = value(series, c);
            let y = group_top + s as f64 * (BAR_HEIGHT + BAR_GAP);
            let text = props.format.format(v);
            let tip = if props.series.len() > 1 { format!("{category}, {}: {text}", series.name) } else { format!("{category}: {text}") };
            if !v.is_finite() {
                return html! {
                    <g class="bar-group">
                        <title>{ tip }</title>
                        <text class="value" x={px(zero + VALUE_PAD)} y={px(y + BAR_HEIGHT / 2.0)} dy="0.35em" font-size={px(VALUE_SIZE)} fill={MUTED_INK}>{ text }</text>
                    </g>
                };
            }
            let end = x.at(v.clamp(lo, hi));
            let colour = bar_colour(s, props.series.len(), v);
            let (label_x, anchor) = if v < 0.0 { (end - VALUE_PAD, "end") } else { (end + VALUE_PAD, "start") };
            html! {
                <g class="bar-group">
                    <title>{ tip }</title>
                    <rect class="bar" data-value={v.to_string()} data-series={s.to_string()}
                          x={px(zero.min(end))} y={px(y)} width={px((end - zero).abs())} height={px(BAR_HEIGHT)}
                          fill={colour.hex()} stroke={colour.mix(BLACK, 0.5).hex()} stroke-width="1.5" />
                    <text class="value" x={px(label_x)} y={px(y + BAR_HEIGHT / 2.0)} dy="0.35em" text-anchor={anchor}
                          font-size={px(VALUE_SIZE)} font-weight="600" fill={INK}>{ text }</text>
                </g>
            }
        });
        html! {
            <g class="category" data-category={category.clone()}>
                <title>{ category.clone() }</title>
                <text class="category-label" x={px(MARGIN + label_width)} y={px(group_top + group_height / 2.0)} dy="0.35em"
                      text-anchor="end" font-size={px(LABEL_SIZE)} fill={INK}>
                    { truncate(category, label_chars) }
                </text>
                { for bars }
            </g>
        }
    });

    let summary = format!("{}: bar chart of {} categories, {} series. The table view lists every value.", props.title, props.categories.len(), props.series.len());
    let chart = html! {
        <svg class="chart-svg" viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} width={px(WIDTH)} height={px(height)} role="img" aria-label={summary}
             font-family={FONT}>
            <rect width={px(WIDTH)} height={px(height)} fill="#ffffff" />
            if legend { { legend_items } }
            { for grid }
            { for groups }
            <line class="zero-line" x1={px(zero)} x2={px(zero)} y1={px(top - 4.0)} y2={px(plot_bottom)} stroke={INK} stroke-width="2.5" />
        </svg>
    };

    let table = html! {
        <table>
            <caption>{ props.title.clone() }</caption>
            <thead>
                <tr>
                    <th scope="col">{ props.category_label.clone() }</th>
                    { for props.series.iter().map(|s| html! { <th scope="col" class="num">{ s.name.clone() }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for props.categories.iter().enumerate().map(|(c, category)| html! {
                    <tr>
                        <th scope="row">{ category.clone() }</th>
                        { for props.series.iter().map(|s| html! { <td class="num">{ props.format.format(value(s, c)) }</td> }) }
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
