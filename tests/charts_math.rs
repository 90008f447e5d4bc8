//! The charts' plain-Rust helpers, natively: colours and their contrast,
//! number formats, scales and ticks, the network layout. The modules live in
//! `src/ui/charts/` (the `ui` module only builds for the browser) and use no
//! web types, so they are included here by path.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../src/ui/charts/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "../src/ui/charts/layout.rs"]
mod layout;
#[allow(dead_code)]
#[path = "../src/ui/charts/palette.rs"]
mod palette;
#[allow(dead_code)]
#[path = "../src/ui/charts/scale.rs"]
mod scale;

use format::NumberFormat;
use layout::{network_layout, overlapping_pairs, Footprint, Frame};
use palette::*;
use scale::*;

#[test]
fn luminance_matches_the_wcag_definition() {
    assert_eq!(relative_luminance(BLACK), 0.0);
    assert!((relative_luminance(WHITE) - 1.0).abs() < 1e-12);
    // Published ratios: black on white 21:1, #777 on white 4.48:1 (fails AA),
    // #767676 on white 4.54:1 (the darkest grey that passes).
    assert!((contrast_ratio(BLACK, WHITE) - 21.0).abs() < 1e-9);
    assert!((contrast_ratio(Rgb(0x77, 0x77, 0x77), WHITE) - 4.48).abs() < 0.01);
    assert!((contrast_ratio(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
    // Order does not matter.
    assert_eq!(contrast_ratio(BLUE, WHITE), contrast_ratio(WHITE, BLUE));
}

#[test]
fn text_on_every_palette_colour_passes_aa() {
    let mut colours: Vec<Rgb> = CATEGORICAL.to_vec();
    colours.extend(KINDS.iter().map(|k| k.1));
    colours.extend((-100..=100).map(|i| diverging(i as f64 / 100.0)));
    // Uncertain cells are drawn half-way to white.
    colours.extend((-100..=100).map(|i| diverging(i as f64 / 100.0).mix(WHITE, 0.5)));
    for c in colours {
        let ratio = contrast_ratio(text_on(c), c);
        assert!(ratio >= 4.5, "{} on {}: {ratio:.2}", text_on(c).hex(), c.hex());
    }
    // Dark blue takes white text, yellow takes black.
    assert_eq!(text_on(BLUE), WHITE);
    assert_eq!(text_on(YELLOW), BLACK);
}

#[test]
fn diverging_scale_runs_from_vermilion_through_grey_to_blue() {
    assert_eq!(diverging(-1.0), VERMILION);
    assert_eq!(diverging(0.0), DIVERGING_NEUTRAL);
    assert_eq!(diverging(1.0), BLUE);
    assert_eq!(diverging(7.0), BLUE, "clamped");
    assert_eq!(diverging(f64::NAN), DIVERGING_NEUTRAL);
    // Stronger values are darker on both sides, so the scale reads without hue.
    for side in [-1.0, 1.0] {
        let l: Vec<f64> = (0..=10).map(|i| relative_luminance(diverging(side * i as f64 / 10.0))).collect();
        assert!(l.windows(2).all(|w| w[1] < w[0]), "{side}: {l:?}");
    }
    // Negative cells are orange-ish (red > blue), positive ones blue-ish.
    let neg = diverging(-0.5);
    let pos = diverging(0.5);
    assert!(neg.0 > neg.2 && pos.2 > pos.0, "{neg:?} {pos:?}");
}

#[test]
fn kinds_have_distinct_colours_and_unknown_kinds_are_grey() {
    let mut hexes: Vec<String> = KINDS.iter().map(|k| k.1.hex()).collect();
    hexes.sort();
    hexes.dedup();
    assert_eq!(hexes.len(), KINDS.len());
    assert_eq!(kind_colour("state"), BLUE);
    assert_eq!(kind_colour("armed_group"), VERMILION);
    assert_eq!(kind_colour("spaceship"), GREY);
    assert_eq!(BLUE.hex(), "#0072b2");
}

#[test]
fn numbers_are_written_the_same_everywhere() {
    assert_eq!(NumberFormat::fixed(1).format(12.345), "12.3");
    assert_eq!(NumberFormat::signed(2).format(0.25), "+0.25");
    assert_eq!(NumberFormat::signed(2).format(-0.4), "-0.40");
    assert_eq!(NumberFormat::signed(2).format(0.0), "0.00");
    assert_eq!(NumberFormat::signed(2).format(-0.001), "0.00", "no negative zero");
    assert_eq!(NumberFormat::integer().format(41.6), "42");
    assert_eq!(NumberFormat::fixed(1).with_suffix(" %").format(5.0), "5.0 %");
    assert_eq!(NumberFormat::fixed(1).format(f64::NAN), "—");
    assert_eq!(NumberFormat::fixed(1).format_option(None), "—");
}

#[test]
fn scales_and_ticks() {
    let s = Linear::new((-1.0, 1.0), (100.0, 300.0));
    assert_eq!(s.at(0.0), 200.0);
    assert_eq!(s.at(-1.0), 100.0);
    assert_eq!(s.at(0.5), 250.0);
    assert_eq!(extent_with_zero([3.0, 5.0]), (0.0, 5.0));
    assert_eq!(extent_with_zero([-2.0, 5.0, f64::NAN]), (-2.0, 5.0));
    assert_eq!(extent_with_zero([]), (0.0, 1.0));
    assert_eq!(nice_ticks(0.0, 5.0, 5), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    assert_eq!(nice_ticks(-0.8, 0.6, 4), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
    assert_eq!(nice_ticks(0.0, 37.0, 4), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    let t = nice_ticks(0.0, 0.3, 3);
    assert_eq!(t, vec![0.0, 0.1, 0.2, 0.3]);
    assert_eq!(truncate("Organisation des Nations unies", 13), "Organisation…");
    assert_eq!(truncate("ONU", 12), "ONU");
    assert_eq!(text_width("abcd", 10.0), 24.0);
}

fn star() -> (Vec<Footprint>, Vec<(usize, usize, f64)>, Frame) {
    let nodes: Vec<Footprint> = (0..12).map(|i| Footprint { radius: 8.0 + i as f64, label_width: 90.0 }).collect();
    let mut edges: Vec<(usize, usize, f64)> = (1..12).map(|i| (0, i, i as f64)).collect();
    edges.push((3, 4, 2.0));
    edges.push((7, 8, 5.0));
    let frame = Frame { width: 800.0, height: 520.0, label_height: 16.0, label_gap: 4.0, padding: 4.0 };
    (nodes, edges, frame)
}

#[test]
fn network_layout_is_deterministic_and_inside_the_frame() {
    let (nodes, edges, frame) = star();
    let a = network_layout(&nodes, &edges, frame);
    let b = network_layout(&nodes, &edges, frame);
    assert_eq!(a, b);
    assert_eq!(a.len(), nodes.len());
    for (p, n) in a.iter().zip(&nodes) {
        assert!(p.0 - n.label_width / 2.0 >= 0.0 && p.0 + n.label_width / 2.0 <= frame.width, "{p:?}");
        assert!(p.1 - n.radius >= 0.0 && p.1 + n.radius + 20.0 <= frame.height, "{p:?}");
    }
    assert_eq!(overlapping_pairs(&a, &nodes, frame), 0);
    // The hub ends up nearer the middle than the average node.
    let centre = (frame.width / 2.0, frame.height / 2.0);
    let dist = |p: &(f64, f64)| ((p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2)).sqrt();
    let mean = a.iter().map(dist).sum::<f64>() / a.len() as f64;
    assert!(dist(&a[0]) < mean, "hub at {:?}", a[0]);
}

#[test]
fn linked_nodes_end_closer_than_unlinked_ones() {
    let nodes = vec![Footprint { radius: 10.0, label_width: 60.0 }; 6];
    // Two triangles joined by nothing.
    let edges = vec![(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0)];
    let frame = Frame { width: 800.0, height: 500.0, label_height: 16.0, label_gap: 4.0, padding: 4.0 };
    let p = network_layout(&nodes, &edges, frame);
    let d = |i: usize, j: usize| ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt();
    assert!(d(0, 1) < d(0, 4) && d(3, 4) < d(1, 4), "{p:?}");
}

#[test]
fn tiny_networks() {
    let frame = Frame { width: 400.0, height: 300.0, label_height: 16.0, label_gap: 4.0, padding: 4.0 };
    assert!(network_layout(&[], &[], frame).is_empty());
    let one = network_layout(&[Footprint { radius: 10.0, label_width: 40.0 }], &[], frame);
    assert_eq!(one, vec![(200.0, 150.0)]);
}
