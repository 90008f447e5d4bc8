//! Who is named together: actors as discs (size = weight, colour = kind),
//! co-occurrences as lines (width = weight). The layout is computed in Rust
//! and is the same for the same data.

use super::format::NumberFormat;
use super::layout::{network_layout, Footprint, Frame};
use super::palette::{self, kind_colour, BLACK};
use super::scale::{text_width, truncate};
use super::{px, ChartFrame, FONT, INK};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An actor in the network.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkNode {
    pub id: String,
    pub label: String,
    /// `person`, `state`, `organisation`, `armed_group`, `place`, `media` or
    /// `unknown` (anything else is drawn as `unknown`).
    pub kind: String,
    /// How much the actor counts (mentions): the disc's area grows with it.
    pub weight: f64,
}

/// Two actors named together (in the same sentence), `weight` times.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkEdge {
    pub a: String,
    pub b: String,
    pub weight: f64,
}

#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    /// The language of the chart's buttons and messages.
    #[prop_or_default]
    pub lang: crate::ui::i18n::Lang,
    pub title: AttrValue,
    #[prop_or_default]
    pub description: AttrValue,
    pub nodes: Vec<NetworkNode>,
    /// Edges whose ends are not among `nodes` are left out.
    pub edges: Vec<NetworkEdge>,
    #[prop_or(NumberFormat::integer())]
    pub format: NumberFormat,
    /// Called with a node's `id` when it is clicked or activated with Enter or Space.
    #[prop_or_default]
    pub on_select: Callback<String>,
    /// The node to outline, with its edges drawn darker.
    #[prop_or_default]
    pub selected: Option<String>,
    /// What a node's weight counts, for the legend and the table.
    #[prop_or(AttrValue::Static("mentions"))]
    pub weight_label: AttrValue,
    /// What an edge's weight counts, for the legend and the table.
    #[prop_or(AttrValue::Static("times named together"))]
    pub edge_label: AttrValue,
}

const WIDTH: f64 = 800.0;
const LEGEND_HEIGHT: f64 = 64.0;
const LABEL_SIZE: f64 = 15.0;
const LABEL_CHARS: usize = 22;
const MIN_RADIUS: f64 = 7.0;
const MAX_RADIUS: f64 = 26.0;
const MIN_EDGE: f64 = 1.5;
const MAX_EDGE: f64 = 9.0;

/// Where each node goes: the nodes in drawing order (grouped by kind, heavier
/// first) with their centre and radius. Public so tests can check that the
/// same data gives the same picture.
pub fn place_nodes(nodes: &[NetworkNode], edges: &[NetworkEdge]) -> (Vec<(usize, f64, f64, f64)>, f64) {
    let kind_rank = |k: &str| palette::KINDS.iter().position(|(name, _)| *name == k).unwrap_or(palette::KINDS.len());
    let order = crate::ui::sorting::stable_order(nodes.len(), &|i, j| {
        kind_rank(&nodes[i].kind)
            .cmp(&kind_rank(&nodes[j].kind))
            .then(nodes[j].weight.total_cmp(&nodes[i].weight))
            .then(nodes[i].id.cmp(&nodes[j].id))
    });
    let max_weight = nodes.iter().map(|n| n.weight).fold(0.0_f64, f64::max);
    let radius = |w: f64| {
        if max_weight > 0.0 { MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * (w.max(0.0) / max_weight).sqrt() } else { MIN_RADIUS }
    };
    let footprints: Vec<Footprint> = order
        .iter()
        .map(|&i| Footprint { radius: radius(nodes[i].weight), label_width: text_width(&truncate(&nodes[i].label, LABEL_CHARS), LABEL_SIZE) })
        .collect();
    let slot = |id: &str| order.iter().position(|&i| nodes[i].id == id);
    let links: Vec<(usize, usize, f64)> =
        edges.iter().filter_map(|e| Some((slot(&e.a)?, slot(&e.b)?, e.weight))).collect();
    // More nodes need more room; the width stays, the drawing grows taller.
    let height = (420.0 + 9.0 * nodes.len() as f64).min(900.0);
    let frame = Frame { width: WIDTH, height, label_height: LABEL_SIZE, label_gap: 4.0, padding: 4.0 };
    let positions = network_layout(&footprints, &links, frame);
    let placed = order.iter().zip(positions).zip(&footprints).map(|((&i, (x, y)), f)| (i, x, y, f.radius)).collect();
    (placed, height)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The co-occurrence network. Arrow keys move between actors, Enter or Space selects.
#[function_component(Network)]
pub fn network(props: &NetworkProps) -> Html {
    let active = use_state(|| 0usize);
    let layout = {
        let (nodes, edges) = (props.nodes.clone(), props.edges.clone());
        use_memo((nodes, edges), |(nodes, edges)| place_nodes(nodes, edges))
    };
    let (placed, plot_height) = (&layout.0, layout.1);
    let height = plot_height + LEGEND_HEIGHT;
    let where_is = |id: &str| placed.iter().find(|p| props.nodes[p.0].id == id).copied();
    let max_edge = props.edges.iter().map(|e| e.weight).fold(0.0_f64, f64::max);
    let label_of = |id: &str| props.nodes.iter().find(|n| n.id == id).map_or_else(|| id.to_string(), |n| n.label.clone());
    let count = placed.len();
    let active_slot = (*active).min(count.saturating_sub(1));

    let edges = props.edges.iter().filter_map(|e| {
        let (a, b) = (where_is(&e.a)?, where_is(&e.b)?);
        let width = if max_edge > 0.0 { MIN_EDGE + (MAX_EDGE - MIN_EDGE) * e.weight.max(0.0) / max_edge } else { MIN_EDGE };
        let touches = props.selected.as_deref().is_some_and(|s| s == e.a || s == e.b);
        let tip = format!("{} and {}: {}", label_of(&e.a), label_of(&e.b), props.format.format(e.weight));
        Some(html! {
            <line class="edge" x1={px(a.1)} y1={px(a.2 + LEGEND_HEIGHT)} x2={px(b.1)} y2={px(b.2 + LEGEND_HEIGHT)}
                  stroke={if touches { INK } else { "#7b8086" }} stroke-opacity={if touches { "0.9" } else { "0.5" }}
                  stroke-width={px(width)} stroke-linecap="round">
                <title>{ tip }</title>
            </line>
        })
    });

    let keydown = {
        let active = active.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(node) = e.target_dyn_into::<web_sys::Element>() else { return };
            let Some(slot) = node.get_attribute("data-slot").and_then(|v| v.parse::<usize>().ok()) else { return };
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (slot + 1).min(count.saturating_sub(1)),
                "ArrowLeft" | "ArrowUp" => slot.saturating_sub(1),
                "Home" => 0,
                "End" => count.saturating_sub(1),
                "Enter" | " " => {
                    e.prevent_default();
                    if let Some(id) = node.get_attribute("data-id") {
                        on_select.emit(id);
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            active.set(next);
            let target = node
                .closest("svg")
                .ok()
                .flatten()
                .and_then(|svg| svg.query_selector(&format!("[data-slot=\"{next}\"]")).ok().flatten())
                .and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok());
            if let Some(t) = target {
                let _ = t.focus();
            }
        })
    };

    let nodes = placed.iter().enumerate().map(|(slot, &(i, x, y, r))| {
        let node = &props.nodes[i];
        let y = y + LEGEND_HEIGHT;
        let colour = kind_colour(&node.kind);
        let selected = props.selected.as_deref() == Some(node.id.as_str());
        let description = format!("{} ({}): {}", node.label, (props.lang.text().kind_name)(&node.kind), props.format.format(node.weight));
        let onclick = {
            let (active, on_select, id) = (active.clone(), props.on_select.clone(), node.id.clone());
            Callback::from(move |_: MouseEvent| {
                active.set(slot);
                on_select.emit(id.clone());
            })
        };
        html! {
            <g class={classes!("node", selected.then_some("selected"))} data-id={node.id.clone()} data-slot={slot.to_string()}
               data-x={px(x)} data-y={px(y)} data-r={px(r)}
               role="button" tabindex={if slot == active_slot { "0" } else { "-1" }}
               aria-label={description.clone()} aria-pressed={selected.to_string()}
               onclick={onclick} onkeydown={keydown.clone()}>
                <title>{ description }</title>
                <circle class="node-disc" cx={px(x)} cy={px(y)} r={px(r)} fill={colour.hex()}
                        stroke={if selected { INK.to_string() } else { colour.mix(BLACK, 0.55).hex() }}
                        stroke-width={if selected { "4" } else { "2" }} />
                <circle class="node-ring" cx={px(x)} cy={px(y)} r={px(r + 5.0)} fill="none" stroke="none" stroke-width="4" />
                <text class="node-label" x={px(x)} y={px(y + r + 4.0 + LABEL_SIZE * 0.8)} text-anchor="middle"
                      font-size={px(LABEL_SIZE)} font-weight={if selected { "700" } else { "500" }} fill={INK}
                      stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
                    { truncate(&node.label, LABEL_CHARS) }
                </text>
            </g>
        }
    });

    let legend = {
        // Kinds present in the data; a kind the palette does not know counts as unknown.
        let known = |k: &str| palette::KINDS.iter().any(|(name, _)| *name == k);
        let kinds: Vec<&str> = palette::KINDS
            .iter()
            .map(|k| k.0)
            .filter(|k| props.nodes.iter().any(|n| n.kind == *k || (*k == "unknown" && !known(&n.kind))))
            .collect();
        let mut cursor = 12.0;
        let items = kinds.into_iter().map(|k| {
            let at = cursor;
            let label = (props.lang.text().kind_name)(k).to_string();
            cursor += 24.0 + text_width(&label, LABEL_SIZE) + 18.0;
            let colour = kind_colour(k);
            html! {
                <g class="legend-item">
                    <circle cx={px(at + 9.0)} cy="20" r="9" fill={colour.hex()} stroke={colour.mix(BLACK, 0.55).hex()} stroke-width="2" />
                    <text x={px(at + 24.0)} y="20" dy="0.35em" font-size={px(LABEL_SIZE)} fill={INK}>{ label }</text>
                </g>
            }
        });
        html! {
            <g class="legend">
                { for items }
                <text class="legend-sizes" x="12" y="50" font-size="14" fill={super::MUTED_INK}>
                    { (props.lang.text().chart_sizes)(&props.weight_label, &props.edge_label) }
                </text>
            </g>
        }
    };

    let chart = html! {
        <svg class="chart-svg network" viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} width={px(WIDTH)} height={px(height)} role="group"
             aria-label={format!("{}: {} actors, {} links. Arrow keys move between actors.", props.title, props.nodes.len(), props.edges.len())}
             font-family={FONT}>
            <rect width={px(WIDTH)} height={px(height)} fill="#ffffff" />
            { legend }
            <g class="edges">{ for edges }</g>
            <g class="nodes">{ for nodes }</g>
        </svg>
    };

    let table = html! {
        <>
            <table class="network-nodes">
                <caption>{ format!("{}: actors", props.title) }</caption>
                <thead><tr><th scope="col">{ "Actor" }</th><th scope="col">{ "Kind" }</th><th scope="col" class="num">{ capitalise(&props.weight_label) }</th></tr></thead>
                <tbody>
                    { for placed.iter().map(|p| &props.nodes[p.0]).map(|n| html! {
                        <tr><th scope="row">{ n.label.clone() }</th><td>{ (props.lang.text().kind_name)(&n.kind) }</td><td class="num">{ props.format.format(n.weight) }</td></tr>
                    }) }
                </tbody>
            </table>
            <table class="network-edges">
                <caption>{ format!("{}: named together", props.title) }</caption>
                <thead><tr><th scope="col">{ "Actor" }</th><th scope="col">{ "Actor" }</th><th scope="col" class="num">{ capitalise(&props.edge_label) }</th></tr></thead>
                <tbody>
                    { for props.edges.iter().map(|e| html! {
                        <tr><td>{ label_of(&e.a) }</td><td>{ label_of(&e.b) }</td><td class="num">{ props.format.format(e.weight) }</td></tr>
                    }) }
                </tbody>
            </table>
        </>
    };

    html! {
        <ChartFrame lang={props.lang} title={props.title.clone()} description={props.description.clone()} {table}>
            { chart }
        </ChartFrame>
    }
}
