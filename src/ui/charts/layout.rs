//! Where the network chart puts its nodes: a force-directed layout
//! (Fruchterman & Reingold 1991) from a fixed start, then a pass that pushes
//! apart nodes whose labels collide. No randomness: the same nodes and edges
//! always land on the same coordinates, so screenshots and tests are stable.
//! Plain Rust, tested natively by `tests/charts_math.rs`.

/// What the layout needs to know about a node: how much room it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footprint {
    /// Radius of the node's disc.
    pub radius: f64,
    /// Width of the label written under the disc.
    pub label_width: f64,
}

/// The drawing area and the label geometry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Height of a label line (its font size).
    pub label_height: f64,
    /// Space between a disc and its label.
    pub label_gap: f64,
    /// Free space kept around every node's box.
    pub padding: f64,
}

/// Force-layout rounds: enough for a few hundred nodes to settle.
const FORCE_ITERATIONS: usize = 300;
/// Rounds of the label-collision pass.
const COLLISION_ITERATIONS: usize = 120;
/// Pull toward the centre, so that unconnected nodes do not drift to the edges.
const GRAVITY: f64 = 0.3;

/// Centre of each node, inside `frame` (label included), in node order.
///
/// `edges` are `(a, b, weight)` with indices into `nodes`; stronger edges pull
/// harder. Nodes that come next to each other in `nodes` start next to each
/// other on a circle, so callers sort them (by kind, say) to keep groups
/// together.
pub fn network_layout(nodes: &[Footprint], edges: &[(usize, usize, f64)], frame: Frame) -> Vec<(f64, f64)> {
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(frame.width / 2.0, frame.height / 2.0)];
    }
    let mut pos = start_on_circle(n);
    forces(&mut pos, edges);
    fit(&mut pos, nodes, frame);
    separate(&mut pos, nodes, frame);
    pos
}

/// Unit-free start: evenly on a circle of radius 1 around the origin, with the
/// first node at the top.
fn start_on_circle(n: usize) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            (angle.cos(), angle.sin())
        })
        .collect()
}

/// Fruchterman–Reingold in a unit-free space: ideal distance `k`, repulsion
/// k²/d between every pair, attraction d²/k × weight along edges, a cooling
/// step limit.
fn forces(pos: &mut [(f64, f64)], edges: &[(usize, usize, f64)]) {
    let n = pos.len();
    let k = (std::f64::consts::PI / n as f64).sqrt();
    let max_weight = edges.iter().map(|e| e.2).fold(0.0_f64, f64::max);
    let mut shift = vec![(0.0_f64, 0.0_f64); n];
    for round in 0..FORCE_ITERATIONS {
        let temperature = 0.1 * (1.0 - round as f64 / FORCE_ITERATIONS as f64) + 0.002;
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b, w) in edges {
            if a >= n || b >= n || a == b {
                continue;
            }
            let strength = if max_weight > 0.0 { 0.3 + 0.7 * (w / max_weight) } else { 1.0 };
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt();
            let f = d / k * strength;
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            let s = (s.0 - p.0 * GRAVITY * n as f64, s.1 - p.1 * GRAVITY * n as f64);
            let len = (s.0 * s.0 + s.1 * s.1).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                p.0 += s.0 / len * step;
                p.1 += s.1 / len * step;
            }
        }
    }
}

/// Half-extents of a node's box around its centre: (left/right, up, down).
fn extents(node: &Footprint, frame: &Frame) -> (f64, f64, f64) {
    let half_w = node.radius.max(node.label_width / 2.0) + frame.padding;
    let up = node.radius + frame.padding;
    let down = node.radius + frame.label_gap + frame.label_height + frame.padding;
    (half_w, up, down)
}

/// Scales and moves the unit-free layout so that every box fits the frame.
fn fit(pos: &mut [(f64, f64)], nodes: &[Footprint], frame: Frame) {
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let widest = nodes.iter().map(|n| extents(n, &frame).0).fold(0.0, f64::max);
    let highest_up = nodes.iter().map(|n| extents(n, &frame).1).fold(0.0, f64::max);
    let highest_down = nodes.iter().map(|n| extents(n, &frame).2).fold(0.0, f64::max);
    let avail_w = (frame.width - 2.0 * widest).max(1.0);
    let avail_h = (frame.height - highest_up - highest_down).max(1.0);
    let sx = if max_x > min_x { avail_w / (max_x - min_x) } else { 0.0 };
    let sy = if max_y > min_y { avail_h / (max_y - min_y) } else { 0.0 };
    for p in pos.iter_mut() {
        p.0 = if sx > 0.0 { widest + (p.0 - min_x) * sx } else { frame.width / 2.0 };
        p.1 = if sy > 0.0 { highest_up + (p.1 - min_y) * sy } else { frame.height / 2.0 };
    }
}

/// Pushes apart nodes whose boxes (disc and label) overlap, along the axis
/// where they overlap least, and keeps every box inside the frame.
fn separate(pos: &mut [(f64, f64)], nodes: &[Footprint], frame: Frame) {
    let ext: Vec<(f64, f64, f64)> = nodes.iter().map(|n| extents(n, &frame)).collect();
    for _ in 0..COLLISION_ITERATIONS {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let (a, b) = (ext[i], ext[j]);
                let dx = pos[j].0 - pos[i].0;
                let overlap_x = a.0 + b.0 - dx.abs();
                let dy = pos[j].1 - pos[i].1;
                // j below i: i's bottom against j's top; otherwise the reverse.
                let overlap_y = if dy >= 0.0 { a.2 + b.1 - dy } else { a.1 + b.2 + dy };
                if overlap_x <= 0.0 || overlap_y <= 0.0 {
                    continue;
                }
                moved = true;
                if overlap_x < overlap_y {
                    let push = overlap_x / 2.0 * if dx >= 0.0 { 1.0 } else { -1.0 };
                    pos[i].0 -= push;
                    pos[j].0 += push;
                } else {
                    let push = overlap_y / 2.0 * if dy >= 0.0 { 1.0 } else { -1.0 };
                    pos[i].1 -= push;
                    pos[j].1 += push;
                }
            }
        }
        for (p, e) in pos.iter_mut().zip(&ext) {
            p.0 = p.0.clamp(e.0, (frame.width - e.0).max(e.0));
            p.1 = p.1.clamp(e.1, (frame.height - e.2).max(e.1));
        }
        if !moved {
            break;
        }
    }
}

/// How many label boxes still overlap after the layout: a measure for tests
/// and for choosing a taller drawing when there are many nodes.
pub fn overlapping_pairs(pos: &[(f64, f64)], nodes: &[Footprint], frame: Frame) -> usize {
    let ext: Vec<(f64, f64, f64)> = nodes.iter().map(|n| extents(n, &frame)).collect();
    let mut count = 0;
    for i in 0..pos.len() {
        for j in (i + 1)..pos.len() {
            let dx = (pos[j].0 - pos[i].0).abs();
            let dy = pos[j].1 - pos[i].1;
            let ox = ext[i].0 + ext[j].0 - frame.padding * 2.0 - dx;
            let oy = if dy >= 0.0 { ext[i].2 + ext[j].1 - dy } else { ext[i].1 + ext[j].2 + dy } - frame.padding * 2.0;
            if ox > 0.0 && oy > 0.0 {
                count += 1;
            }
        }
    }
    count
}
