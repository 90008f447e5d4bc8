//! A grid of signed values in [−1, 1]: how each source treats each actor.
//! Every cell prints its number; colour only repeats it.

use super::format::NumberFormat;
use super::palette::{self, text_on, WHITE};
use super::scale::{chars_fitting, text_width, truncate};
use super::{px, ChartFrame, FONT, INK, MUTED_INK};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    /// The language of the chart's buttons and messages.
    #[prop_or_default]
    pub lang: crate::ui::i18n::Lang,
    pub title: AttrValue,
    #[prop_or_default]
    pub description: AttrValue,
    /// Row names (actors), top to bottom.
    pub rows: Vec<String>,
    /// Column names (sources), left to right.
    pub columns: Vec<String>,
    /// `values[row][column]` in [−1, 1]; `None` where there is nothing to
    /// score (the source never names the actor).
    pub values: Vec<Vec<Option<f64>>>,
    /// `weak[row][column]`: the value rests on few mentions and is uncertain.
    /// Drawn lighter with a dotted border, and said in the tooltip and table.
    /// Missing entries count as not weak.
    #[prop_or_default]
    pub weak: Vec<Vec<bool>>,
    #[prop_or(NumberFormat::signed(2))]
    pub format: NumberFormat,
    /// Called with `(row, column)` when a cell is clicked or activated with
    /// Enter or Space.
    #[prop_or_default]
    pub on_select: Callback<(usize, usize)>,
    /// The cell to outline as selected.
    #[prop_or_default]
    pub selected: Option<(usize, usize)>,
    #[prop_or(AttrValue::Static("Actor"))]
    pub row_label: AttrValue,
    #[prop_or(AttrValue::Static("Source"))]
    pub column_label: AttrValue,
}

const MARGIN: f64 = 12.0;
const CELL_WIDTH: f64 = 104.0;
const CELL_HEIGHT: f64 = 46.0;
const CELL_GAP: f64 = 3.0;
const LABEL_SIZE: f64 = 16.0;
const HEADER_SIZE: f64 = 14.0;
const VALUE_SIZE: f64 = 17.0;
const HEADER_HEIGHT: f64 = 50.0;
const LEGEND_HEIGHT: f64 = 66.0;
const MAX_LABEL_WIDTH: f64 = 240.0;
/// Uncertain cells are drawn this far toward white.
pub const WEAK_FADE: f64 = 0.5;
/// Steps of the colour legend, from −1 to +1.
const LEGEND_STEPS: usize = 9;

/// The cell's fill and whether it is uncertain, for a value.
pub(crate) fn cell_fill(value: f64, weak: bool) -> palette::Rgb {
    let c = palette::diverging(value);
    if weak { c.mix(WHITE, WEAK_FADE) } else { c }
}

/// A column header split on two lines of at most `chars` characters.
fn header_lines(name: &str, chars: usize) -> Vec<String> {
    if name.chars().count() <= chars {
        return vec![name.to_string()];
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut first = String::new();
    let mut used = 0;
    for w in &words {
        let next = if first.is_empty() { w.chars().count() } else { first.chars().count() + 1 + w.chars().count() };
        if next > chars && !first.is_empty() {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(w);
        used += 1;
    }
    let rest = words[used..].join(" ");
    if rest.is_empty() {
        vec![truncate(&first, chars)]
    } else {
        vec![truncate(&first, chars), truncate(&rest, chars)]
    }
}

/// Moves keyboard focus to the cell `(row, column)` of the chart containing `from`.
fn focus_cell(from: &web_sys::Element, row: usize, column: usize) {
    let target = from
        .closest("svg")
        .ok()
        .flatten()
        .and_then(|svg| svg.query_selector(&format!("[data-row=\"{row}\"][data-column=\"{column}\"]")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(t) = target {
        let _ = t.focus();
    }
}

/// The sentiment grid. Arrow keys move between cells, Home/End go to the ends
/// of a row, Enter or Space selects.
#[function_component(Heatmap)]
pub fn heatmap(props: &HeatmapProps) -> Html {
    let active = use_state(|| (0usize, 0usize));
    let pattern_id = use_state(|| super::unique_id("hatch"));
    let (n_rows, n_cols) = (props.rows.len(), props.columns.len());
    let value = |r: usize, c: usize| props.values.get(r).and_then(|row| row.get(c)).copied().flatten().filter(|v| v.is_finite());
    let weak = |r: usize, c: usize| props.weak.get(r).and_then(|row| row.get(c)).copied().unwrap_or(false);
    let describe = |r: usize, c: usize| {
        let text = match value(r, c) {
            Some(v) => props.format.format(v),
            None => props.lang.text().chart_no_value.to_string(),
        };
        let uncertain = if weak(r, c) && value(r, c).is_some() { props.lang.text().chart_uncertain_long } else { "" };
        format!("{}, {}: {text}{uncertain}", props.rows[r], props.columns[c])
    };

    let label_width = props.rows.iter().map(|r| text_width(r, LABEL_SIZE)).fold(0.0, f64::max).min(MAX_LABEL_WIDTH);
    let label_chars = chars_fitting(label_width, LABEL_SIZE);
    let header_chars = chars_fitting(CELL_WIDTH - 6.0, HEADER_SIZE);
    let left = MARGIN + label_width + 12.0;
    let top = HEADER_HEIGHT + 8.0;
    let grid_width = n_cols as f64 * CELL_WIDTH;
    let grid_bottom = top + n_rows as f64 * CELL_HEIGHT;
    // The legend: the colour ramp, then the "no value" and "uncertain" keys,
    // each after the label before it, however long it is in the reader's language.
    let legend_step_w = 34.0;
    let ramp_end = MARGIN + LEGEND_STEPS as f64 * legend_step_w;
    let no_value_x = ramp_end + 28.0;
    let uncertain_x = no_value_x + 42.0 + text_width(props.lang.text().chart_no_value, 14.0) + 16.0;
    let legend_width = (uncertain_x + 42.0 + text_width(props.lang.text().chart_uncertain, 14.0) - MARGIN).max(560.0);
    let width = (left + grid_width + MARGIN).max(legend_width + 2.0 * MARGIN);
    let height = grid_bottom + LEGEND_HEIGHT;
    let (a_row, a_col) = (active.0.min(n_rows.saturating_sub(1)), active.1.min(n_cols.saturating_sub(1)));

    let headers = props.columns.iter().enumerate().map(|(c, name)| {
        let cx = left + (c as f64 + 0.5) * CELL_WIDTH;
        let lines = header_lines(name, header_chars);
        let first_y = top - 8.0 - (lines.len() as f64 - 1.0) * (HEADER_SIZE + 2.0);
        html! {
            <g class="column-label">
                <title>{ name.clone() }</title>
                <text x={px(cx)} y={px(first_y)} text-anchor="middle" font-size={px(HEADER_SIZE)} font-weight="600" fill={INK}>
                    { for lines.iter().enumerate().map(|(i, l)| html! {
                        <tspan x={px(cx)} dy={if i == 0 { "0".to_string() } else { px(HEADER_SIZE + 2.0) }}>{ l.clone() }</tspan>
                    }) }
                </text>
            </g>
        }
    });

    let keydown = {
        let active = active.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(cell) = e.target_dyn_into::<web_sys::Element>() else { return };
            let attr = |name: &str| cell.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
            let (Some(r), Some(c)) = (attr("data-row"), attr("data-column")) else { return };
            let last_r = n_rows.saturating_sub(1);
            let last_c = n_cols.saturating_sub(1);
            let next = match e.key().as_str() {
                "ArrowRight" => (r, (c + 1).min(last_c)),
                "ArrowLeft" => (r, c.saturating_sub(1)),
                "ArrowDown" => ((r + 1).min(last_r), c),
                "ArrowUp" => (r.saturating_sub(1), c),
                "Home" => (r, 0),
                "End" => (r, last_c),
                "Enter" | " " => {
                    e.prevent_default();
                    on_select.emit((r, c));
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            active.set(next);
            focus_cell(&cell, next.0, next.1);
        })
    };

    let cells = (0..n_rows).flat_map(|r| (0..n_cols).map(move |c| (r, c))).map(|(r, c)| {
        let x = left + c as f64 * CELL_WIDTH;
        let y = top + r as f64 * CELL_HEIGHT;
        let (w, h) = (CELL_WIDTH - CELL_GAP, CELL_HEIGHT - CELL_GAP);
        let v = value(r, c);
        let is_weak = weak(r, c) && v.is_some();
        let selected = props.selected == Some((r, c));
        let onclick = {
            let (active, on_select) = (active.clone(), props.on_select.clone());
            Callback::from(move |_: MouseEvent| {
                active.set((r, c));
                on_select.emit((r, c));
            })
        };
        let (fill, ink, text) = match v {
            Some(v) => {
                let fill = cell_fill(v, is_weak);
                (fill.hex(), text_on(fill).hex(), props.format.format(v))
            }
            None => (format!("url(#{})", *pattern_id), INK.to_string(), "—".to_string()),
        };
        html! {
            <g class={classes!("cell", is_weak.then_some("weak"), v.is_none().then_some("empty"), selected.then_some("selected"))}
               data-row={r.to_string()} data-column={c.to_string()}
               role="button" tabindex={if (r, c) == (a_row, a_col) { "0" } else { "-1" }}
               aria-label={describe(r, c)} aria-pressed={selected.to_string()}
               onclick={onclick} onkeydown={keydown.clone()}>
                <title>{ describe(r, c) }</title>
                <rect class="cell-fill" x={px(x)} y={px(y)} width={px(w)} height={px(h)} fill={fill}
                      stroke={v.is_none().then_some("#8a8f96")} />
                if is_weak {
                    <rect class="cell-weak" x={px(x + 3.0)} y={px(y + 3.0)} width={px(w - 6.0)} height={px(h - 6.0)}
                          fill="none" stroke={INK} stroke-width="2" stroke-dasharray="2 4" stroke-linecap="round" />
                }
                <text class="cell-value" x={px(x + w / 2.0)} y={px(y + h / 2.0)} dy="0.35em"
                      font-style={is_weak.then_some("italic")} fill={ink}>
                    { text }
                </text>
                <rect class="cell-ring" x={px(x - 2.0)} y={px(y - 2.0)} width={px(w + 4.0)} height={px(h + 4.0)}
                      stroke={selected.then_some(INK)} stroke-width={selected.then_some("4")} />
            </g>
        }
    });

    let row_labels = props.rows.iter().enumerate().map(|(r, name)| {
        html! {
            <g class="row-label">
                <title>{ name.clone() }</title>
                <text x={px(MARGIN + label_width)} y={px(top + (r as f64 + 0.5) * CELL_HEIGHT - CELL_GAP / 2.0)} dy="0.35em"
                      text-anchor="end" font-size={px(LABEL_SIZE)} fill={INK}>{ truncate(name, label_chars) }</text>
            </g>
        }
    });

    let legend = {
        let y = grid_bottom + 22.0;
        let step_w = legend_step_w;
        let x0 = MARGIN;
        let swatches = (0..LEGEND_STEPS).map(|i| {
            let v = -1.0 + 2.0 * i as f64 / (LEGEND_STEPS - 1) as f64;
            let fill = palette::diverging(v);
            html! { <rect x={px(x0 + i as f64 * step_w)} y={px(y)} width={px(step_w)} height="20" fill={fill.hex()} /> }
        });
        let extra = no_value_x;
        html! {
            <g class="legend" font-size="14" fill={MUTED_INK}>
                { for swatches }
                <text x={px(x0)} y={px(y + 38.0)} fill={INK}>{ format!("{} {}", props.format.format(-1.0), props.lang.text().chart_negative) }</text>
                <text x={px(x0 + (ramp_end - x0) / 2.0)} y={px(y + 38.0)} text-anchor="middle" fill={INK}>{ props.format.format(0.0) }</text>
                <text x={px(ramp_end)} y={px(y + 38.0)} text-anchor="end" fill={INK}>{ format!("{} {}", props.lang.text().chart_positive, props.format.format(1.0)) }</text>
                <rect x={px(extra)} y={px(y)} width="34" height="20" fill={format!("url(#{})", *pattern_id)} stroke="#8a8f96" stroke-width="1.5" />
                <text x={px(extra + 42.0)} y={px(y + 10.0)} dy="0.35em" fill={INK}>{ props.lang.text().chart_no_value }</text>
                <rect x={px(uncertain_x)} y={px(y)} width="34" height="20" fill={cell_fill(0.6, true).hex()} />
                <rect x={px(uncertain_x + 2.0)} y={px(y + 2.0)} width="30" height="16" fill="none" stroke={INK} stroke-width="2" stroke-dasharray="2 4" stroke-linecap="round" />
                <text x={px(uncertain_x + 42.0)} y={px(y + 10.0)} dy="0.35em" fill={INK}>{ props.lang.text().chart_uncertain }</text>
            </g>
        }
    };

    let chart = html! {
        <svg class="chart-svg heatmap" viewBox={format!("0 0 {} {}", px(width), px(height))} width={px(width)} height={px(height)} role="group"
             aria-label={format!("{}: {} rows by {} columns. Arrow keys move between cells.", props.title, n_rows, n_cols)}
             font-family={FONT}>
            <defs>
                <pattern id={(*pattern_id).clone()} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="8" height="8" fill="#ffffff" />
                    <line x1="0" y1="0" x2="0" y2="8" stroke="#b4b8bd" stroke-width="3" />
                </pattern>
            </defs>
            <rect width={px(width)} height={px(height)} fill="#ffffff" />
            { for headers }
            { for row_labels }
            // What every cell shares is said once, here, and inherited: a
            // page draws this grid often, and each attribute costs a call.
            <g class="cells" fill="none" stroke-width="1.5" text-anchor="middle" font-size={px(VALUE_SIZE)} font-weight="600">
                { for cells }
            </g>
            { legend }
        </svg>
    };

    let table = html! {
        <table>
            <caption>{ (props.lang.text().chart_range_caption)(&props.title) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ props.row_label.clone() }</th>
                    { for props.columns.iter().map(|c| html! { <th scope="col" class="num">{ c.clone() }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for props.rows.iter().enumerate().map(|(r, name)| html! {
                    <tr>
                        <th scope="row">{ name.clone() }</th>
                        { for (0..n_cols).map(|c| {
                            let uncertain = weak(r, c) && value(r, c).is_some();
                            html! {
                                <td class={classes!("num", uncertain.then_some("uncertain"))}>
                                    { props.format.format_option(value(r, c)) }
                                    if uncertain { <span class="uncertain-note">{ " (uncertain)" }</span> }
                                </td>
                            }
                        }) }
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
