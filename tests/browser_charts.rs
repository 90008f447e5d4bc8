//! The charts in headless Chromium: what a reader sees matches the data, the
//! table view says the same, exports are valid files, the keyboard works.
#![cfg(target_arch = "wasm32")]

use prisme::ui::charts::palette::{self, contrast_ratio, text_on, Rgb};
use prisme::ui::charts::{
    export, Bars, BarsProps, FrameProfile, FrameProfileProps, Heatmap, HeatmapProps, Network, NetworkEdge,
    NetworkNode, NetworkProps, NumberFormat, Series,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    // Yew renders on the next turn of the event loop.
    gloo::timers::future::TimeoutFuture::new(10).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn num(e: &Element, attribute: &str) -> f64 {
    e.get_attribute(attribute).unwrap_or_else(|| panic!("no {attribute}")).parse().unwrap()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_string()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(text).collect()
}

fn hex(s: &str) -> Rgb {
    let s = s.trim_start_matches('#');
    let p = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).unwrap();
    Rgb(p(0), p(2), p(4))
}

fn click(e: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    e.dispatch_event(&event).unwrap();
}

fn press(e: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    e.dispatch_event(&event).unwrap();
}

fn focused() -> Option<Element> {
    web_sys::window().unwrap().document().unwrap().active_element()
}

fn sources() -> Vec<String> {
    ["Le Monde", "The Guardian", "Al Jazeera", "RT"].map(String::from).to_vec()
}

fn sentiment_bars() -> BarsProps {
    let values = [0.5, -0.3, 0.2, -0.75];
    let (categories, series) = Series::from_pairs("Sentiment", sources().into_iter().zip(values).collect());
    BarsProps {
        lang: Default::default(),
        title: AttrValue::from("Sentiment toward Russia by source"),
        description: AttrValue::default(),
        categories,
        series,
        format: NumberFormat::signed(2),
        domain: Some((-1.0, 1.0)),
        category_label: AttrValue::from("Source"),
    }
}

#[wasm_bindgen_test]
async fn bars_are_as_long_as_their_values_and_negatives_go_left() {
    let root = mount();
    yew::Renderer::<Bars>::with_root_and_props(root.clone(), sentiment_bars()).render();
    settle().await;
    let bars = all(&root, "rect.bar");
    assert_eq!(bars.len(), 4, "one bar per source");
    let zero = num(&one(&root, ".zero-line"), "x1");
    let width = |i: usize| num(&bars[i], "width");
    // 0.5 is longer than 0.2, -0.75 longer than -0.3; with a fixed [-1, 1]
    // axis lengths are proportional to the values.
    assert!(width(0) > width(2));
    assert!(width(3) > width(1));
    assert!((width(0) / width(2) - 0.5 / 0.2).abs() < 0.02, "{} {}", width(0), width(2));
    for (i, v) in [0.5, -0.3, 0.2, -0.75].iter().enumerate() {
        let (x, w) = (num(&bars[i], "x"), width(i));
        if *v < 0.0 {
            assert!((x + w - zero).abs() < 0.2, "negative bar {i} ends on the zero line");
        } else {
            assert!((x - zero).abs() < 0.2, "positive bar {i} starts on the zero line");
        }
    }
    // Values at the bar ends, as the format writes them.
    assert_eq!(texts(&root, "text.value"), vec!["+0.50", "-0.30", "+0.20", "-0.75"]);
    // Negative labels sit left of the zero line, positive ones right.
    let labels = all(&root, "text.value");
    assert!(num(&labels[1], "x") < zero && labels[1].get_attribute("text-anchor").as_deref() == Some("end"));
    assert!(num(&labels[0], "x") > zero);
    // Category names are written in full when they fit.
    assert_eq!(texts(&root, "text.category-label"), sources());
}

#[wasm_bindgen_test]
async fn grouped_bars_have_a_legend_and_one_bar_per_value() {
    let root = mount();
    let props = BarsProps {
        lang: Default::default(),
        title: AttrValue::from("Mentions"),
        description: AttrValue::default(),
        categories: vec!["Russia".into(), "Ukraine".into(), "NATO".into()],
        series: vec![Series::new("Le Monde", vec![12.0, 30.0, 4.0]), Series::new("RT", vec![40.0, 8.0, 22.0])],
        format: NumberFormat::integer(),
        domain: None,
        category_label: AttrValue::from("Actor"),
    };
    yew::Renderer::<Bars>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let bars = all(&root, "rect.bar");
    assert_eq!(bars.len(), 6);
    assert_eq!(texts(&root, ".legend-item text"), vec!["Le Monde", "RT"]);
    // The two series have different colours; bars of one series share one.
    let fill = |i: usize| bars[i].get_attribute("fill").unwrap();
    assert_ne!(fill(0), fill(1));
    assert_eq!(fill(0), fill(2));
    // RT's 40 is the longest bar, Le Monde's 4 the shortest.
    let widths: Vec<f64> = bars.iter().map(|b| num(b, "width")).collect();
    let longest = widths.iter().cloned().fold(0.0, f64::max);
    assert_eq!(widths[1], longest);
    assert!(widths[4] < widths.iter().enumerate().filter(|(i, _)| *i != 4).map(|(_, w)| *w).fold(f64::MAX, f64::min));
}

fn heatmap_props(on_select: Callback<(usize, usize)>) -> HeatmapProps {
    HeatmapProps {
        lang: Default::default(),
        title: AttrValue::from("Sentiment by actor and source"),
        description: AttrValue::default(),
        rows: vec!["Russia".into(), "Ukraine".into(), "NATO".into()],
        columns: sources(),
        values: vec![
            vec![Some(-0.62), Some(-0.4), None, Some(0.55)],
            vec![Some(0.31), Some(0.44), Some(-0.05), Some(-0.8)],
            vec![Some(0.0), None, Some(-0.21), Some(-0.93)],
        ],
        weak: vec![vec![false, false, false, true], vec![false; 4], vec![true, false, false, false]],
        format: NumberFormat::signed(2),
        on_select,
        selected: None,
        row_label: AttrValue::from("Actor"),
        column_label: AttrValue::from("Source"),
    }
}

#[wasm_bindgen_test]
async fn heatmap_cells_show_their_values_and_mark_gaps_and_uncertainty() {
    let root = mount();
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), heatmap_props(Callback::noop())).render();
    settle().await;
    let cells = all(&root, "g.cell");
    assert_eq!(cells.len(), 12, "3 actors × 4 sources");
    let shown: Vec<String> = all(&root, "text.cell-value").iter().map(text).collect();
    assert_eq!(
        shown,
        vec!["-0.62", "-0.40", "—", "+0.55", "+0.31", "+0.44", "-0.05", "-0.80", "0.00", "—", "-0.21", "-0.93"]
    );
    assert_eq!(all(&root, "g.cell.empty").len(), 2);
    // Empty cells are hatched, not coloured.
    assert!(one(&root, "g.cell.empty rect.cell-fill").get_attribute("fill").unwrap().starts_with("url(#hatch-"));
    // Uncertain cells: dotted border, said in the label.
    let weak = all(&root, "g.cell.weak");
    assert_eq!(weak.len(), 2);
    assert!(weak[0].get_attribute("aria-label").unwrap().contains("uncertain"));
    assert!(weak[0].query_selector("rect.cell-weak").unwrap().unwrap().get_attribute("stroke-dasharray").is_some());
    assert_eq!(weak[0].get_attribute("aria-label").unwrap(), "Russia, RT: +0.55 (uncertain: few mentions)");
    // Negative cells are vermilion-ish, positive ones blue-ish: red channel vs blue.
    let fill = |r: usize, c: usize| hex(&one(&root, &format!("[data-row=\"{r}\"][data-column=\"{c}\"] rect.cell-fill")).get_attribute("fill").unwrap());
    let (neg, pos) = (fill(1, 3), fill(1, 1));
    assert!(neg.0 > neg.2 && pos.2 > pos.0, "{neg:?} {pos:?}");
    // Stronger is darker: -0.80 darker than -0.40.
    assert!(palette::relative_luminance(fill(1, 3)) < palette::relative_luminance(fill(0, 1)));
}

#[wasm_bindgen_test]
async fn the_legend_keys_never_overlap_their_labels_in_french() {
    let root = mount();
    let props = HeatmapProps { lang: prisme::ui::i18n::Lang::Fr, ..heatmap_props(Callback::noop()) };
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), props).render();
    settle().await;
    // "pas de valeur" ends before the "incertain" swatch begins, and
    // "incertain" ends inside the drawing.
    let legend = one(&root, "g.legend");
    let rects = all(&legend, "rect");
    let labels = all(&legend, "text");
    let no_value = labels.iter().find(|t| text(t) == "pas de valeur").expect("no-value label");
    let uncertain = labels.iter().find(|t| text(t) == "incertain").expect("uncertain label");
    let uncertain_swatch = rects.iter().rev().nth(1).expect("uncertain swatch").get_bounding_client_rect();
    assert!(no_value.get_bounding_client_rect().right() < uncertain_swatch.left(), "the labels overlap");
    let svg = one(&root, "svg.heatmap").get_bounding_client_rect();
    assert!(uncertain.get_bounding_client_rect().right() <= svg.right(), "the last label runs out of the chart");
}

#[wasm_bindgen_test]
async fn every_number_on_a_coloured_cell_is_readable() {
    let root = mount();
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), heatmap_props(Callback::noop())).render();
    settle().await;
    for cell in all(&root, "g.cell:not(.empty)") {
        let bg = hex(&one(&cell, "rect.cell-fill").get_attribute("fill").unwrap());
        let ink = hex(&one(&cell, "text.cell-value").get_attribute("fill").unwrap());
        let ratio = contrast_ratio(ink, bg);
        assert!(ratio >= 4.5, "{}: {ratio:.2}", cell.get_attribute("aria-label").unwrap());
    }
    // And for every colour any chart can use, including all sentiment values.
    let mut colours: Vec<Rgb> = palette::CATEGORICAL.to_vec();
    colours.extend(palette::KINDS.iter().map(|k| k.1));
    colours.extend((-200..=200).map(|i| palette::diverging(i as f64 / 200.0)));
    colours.extend((-200..=200).map(|i| palette::diverging(i as f64 / 200.0).mix(palette::WHITE, 0.5)));
    for c in colours {
        assert!(contrast_ratio(text_on(c), c) >= 4.5, "{}", c.hex());
    }
}

#[wasm_bindgen_test]
async fn heatmap_cells_are_selected_by_click_and_keyboard() {
    let root = mount();
    let picked = Rc::new(RefCell::new(Vec::new()));
    let on_select = {
        let picked = picked.clone();
        Callback::from(move |rc: (usize, usize)| picked.borrow_mut().push(rc))
    };
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), heatmap_props(on_select)).render();
    settle().await;
    // One tab stop for the whole grid.
    let tabbable: Vec<Element> = all(&root, "g.cell[tabindex=\"0\"]");
    assert_eq!(tabbable.len(), 1);
    click(&one(&root, "[data-row=\"1\"][data-column=\"2\"]"));
    settle().await;
    assert_eq!(*picked.borrow(), vec![(1, 2)]);
    // The clicked cell becomes the tab stop; arrows move focus, Enter selects.
    let start = one(&root, "[data-row=\"1\"][data-column=\"2\"]");
    assert_eq!(start.get_attribute("tabindex").as_deref(), Some("0"));
    start.unchecked_ref::<web_sys::SvgElement>().focus().unwrap();
    press(&start, "ArrowRight");
    settle().await;
    let now = focused().unwrap();
    assert_eq!((now.get_attribute("data-row").unwrap(), now.get_attribute("data-column").unwrap()), ("1".into(), "3".into()));
    press(&now, "ArrowDown");
    settle().await;
    let now = focused().unwrap();
    press(&now, "Enter");
    press(&now, " ");
    settle().await;
    assert_eq!(*picked.borrow(), vec![(1, 2), (2, 3), (2, 3)]);
    assert_eq!(all(&root, "g.cell[tabindex=\"0\"]").len(), 1);
}

#[wasm_bindgen_test]
async fn table_view_shows_the_same_numbers() {
    let root = mount();
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), heatmap_props(Callback::noop())).render();
    settle().await;
    let wrap = one(&root, ".chart-table");
    // Screen readers reach the table even while the chart is shown.
    assert!(wrap.get_attribute("class").unwrap().contains("visually-hidden"));
    let toggle = one(&root, "button.chart-table-toggle");
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    toggle.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert!(!one(&root, ".chart-table").get_attribute("class").unwrap().contains("visually-hidden"));
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(texts(&root, ".chart-table thead th"), vec!["Actor", "Le Monde", "The Guardian", "Al Jazeera", "RT"]);
    assert_eq!(all(&root, ".chart-table th[scope=\"col\"]").len(), 5);
    assert_eq!(texts(&root, ".chart-table tbody th[scope=\"row\"]"), vec!["Russia", "Ukraine", "NATO"]);
    let table_numbers: Vec<String> =
        texts(&root, ".chart-table td").iter().map(|t| t.replace(" (uncertain)", "")).collect();
    assert_eq!(table_numbers, texts(&root, "text.cell-value"));
    assert_eq!(texts(&root, ".chart-table td.uncertain"), vec!["+0.55 (uncertain)", "0.00 (uncertain)"]);
    assert!(text(&one(&root, ".chart-table caption")).starts_with("Sentiment by actor and source"));
}

#[wasm_bindgen_test]
async fn exported_svg_is_a_standalone_file_with_the_data() {
    let root = mount();
    yew::Renderer::<Bars>::with_root_and_props(root.clone(), sentiment_bars()).render();
    settle().await;
    let svg = one(&root, "svg");
    let (file, w, h) = export::standalone_svg(&svg, "Sentiment toward Russia by source").unwrap();
    assert!(w >= 800.0 && h > 100.0);
    let parsed = web_sys::DomParser::new().unwrap().parse_from_string(&file, web_sys::SupportedType::ImageSvgXml).unwrap();
    assert!(parsed.get_elements_by_tag_name("parsererror").length() == 0, "{file}");
    let doc = parsed.document_element().unwrap();
    assert_eq!(doc.tag_name(), "svg");
    assert_eq!(doc.namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(doc.get_attribute("width").unwrap(), w.to_string());
    let words = doc.text_content().unwrap();
    for label in ["Sentiment toward Russia by source", "Le Monde", "The Guardian", "Al Jazeera", "RT", "+0.50", "-0.30", "+0.20", "-0.75"] {
        assert!(words.contains(label), "{label} missing from the export");
    }
    // No page-only attributes, and the colours are attributes, not CSS classes.
    assert!(!file.contains("tabindex") && !file.contains("class="), "{file}");
    assert_eq!(doc.query_selector_all("rect[fill]").unwrap().length() as usize, 2 + 4, "two backgrounds and four bars");
    // The page is not changed by the export.
    assert!(svg.get_attribute("class").is_some());
}

#[wasm_bindgen_test]
async fn exported_png_is_twice_the_chart_size() {
    let root = mount();
    yew::Renderer::<Heatmap>::with_root_and_props(root.clone(), heatmap_props(Callback::noop())).render();
    settle().await;
    let (file, w, h) = export::standalone_svg(&one(&root, "svg"), "Sentiment by actor and source").unwrap();
    let blob = export::svg_to_png(&file, w, h).await.unwrap();
    assert_eq!(blob.type_(), "image/png");
    // Read the PNG header: width and height are big-endian at bytes 16 and 20.
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.unwrap();
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    assert_eq!(&bytes[1..4], b"PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    assert_eq!(be(16), (w * export::PNG_SCALE).round() as u32);
    assert_eq!(be(20), (h * export::PNG_SCALE).round() as u32);
}

fn network_props(on_select: Callback<String>) -> NetworkProps {
    let node = |id: &str, label: &str, kind: &str, weight: f64| NetworkNode { id: id.into(), label: label.into(), kind: kind.into(), weight };
    let edge = |a: &str, b: &str, weight: f64| NetworkEdge { a: a.into(), b: b.into(), weight };
    NetworkProps {
        lang: Default::default(),
        title: AttrValue::from("Actors named together"),
        description: AttrValue::default(),
        nodes: vec![
            node("ru", "Russia", "state", 40.0),
            node("ua", "Ukraine", "state", 35.0),
            node("putin", "Vladimir Putin", "person", 22.0),
            node("zel", "Volodymyr Zelensky", "person", 18.0),
            node("nato", "NATO", "organisation", 15.0),
            node("wagner", "Wagner Group", "armed_group", 6.0),
            node("kyiv", "Kyiv", "place", 9.0),
            node("rt", "RT", "media", 3.0),
            node("x", "Mystery", "spaceship", 1.0),
        ],
        edges: vec![
            edge("ru", "ua", 30.0),
            edge("ru", "putin", 20.0),
            edge("ua", "zel", 15.0),
            edge("ru", "nato", 8.0),
            edge("ua", "nato", 6.0),
            edge("ru", "wagner", 5.0),
            edge("ua", "kyiv", 7.0),
            edge("putin", "zel", 2.0),
            edge("ru", "missing", 9.0),
        ],
        format: NumberFormat::integer(),
        on_select,
        selected: None,
        weight_label: AttrValue::from("mentions"),
        edge_label: AttrValue::from("times named together"),
    }
}

fn node_positions(root: &Element) -> Vec<(String, String, String, String)> {
    all(root, "g.node")
        .iter()
        .map(|n| {
            let a = |k: &str| n.get_attribute(k).unwrap();
            (a("data-id"), a("data-x"), a("data-y"), a("data-r"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn network_draws_every_actor_and_link_in_the_same_place_every_time() {
    let first = mount();
    yew::Renderer::<Network>::with_root_and_props(first.clone(), network_props(Callback::noop())).render();
    let second = mount();
    yew::Renderer::<Network>::with_root_and_props(second.clone(), network_props(Callback::noop())).render();
    settle().await;
    assert_eq!(all(&first, "g.node").len(), 9);
    assert_eq!(all(&first, "line.edge").len(), 8, "the edge to an unknown node is left out");
    assert_eq!(node_positions(&first), node_positions(&second));
    // Heavier actors have bigger discs; thicker lines for stronger links.
    let r = |id: &str| num(&one(&first, &format!("g.node[data-id=\"{id}\"] circle.node-disc")), "r");
    assert!(r("ru") > r("nato") && r("nato") > r("rt"));
    let edges = all(&first, "line.edge");
    assert!(num(&edges[0], "stroke-width") > num(&edges[7], "stroke-width"));
    // Kinds have their Okabe–Ito colour; an unknown kind is grey.
    let fill = |id: &str| one(&first, &format!("g.node[data-id=\"{id}\"] circle.node-disc")).get_attribute("fill").unwrap();
    assert_eq!(fill("ru"), palette::BLUE.hex());
    assert_eq!(fill("putin"), palette::ORANGE.hex());
    assert_eq!(fill("x"), palette::GREY.hex());
    assert_eq!(
        texts(&first, ".legend-item text"),
        vec!["person", "state", "organisation", "armed group", "place", "media", "unknown"]
    );
    // Every node stays inside the drawing.
    let svg = one(&first, "svg");
    let (w, h) = export::svg_size(&svg);
    for (_, x, y, r) in node_positions(&first) {
        let (x, y, r): (f64, f64, f64) = (x.parse().unwrap(), y.parse().unwrap(), r.parse().unwrap());
        assert!(x - r >= 0.0 && x + r <= w && y - r >= 0.0 && y + r <= h, "{x} {y} {r}");
    }
    // Labels are written in full.
    assert!(texts(&first, "text.node-label").contains(&"Volodymyr Zelensky".to_string()));
}

#[wasm_bindgen_test]
async fn network_nodes_are_selected_by_click_and_keyboard() {
    let root = mount();
    let picked = Rc::new(RefCell::new(Vec::<String>::new()));
    let on_select = {
        let picked = picked.clone();
        Callback::from(move |id: String| picked.borrow_mut().push(id))
    };
    yew::Renderer::<Network>::with_root_and_props(root.clone(), network_props(on_select)).render();
    settle().await;
    click(&one(&root, "g.node[data-id=\"nato\"]"));
    settle().await;
    let first = one(&root, "g.node[tabindex=\"0\"]");
    assert_eq!(first.get_attribute("data-id").as_deref(), Some("nato"));
    first.unchecked_ref::<web_sys::SvgElement>().focus().unwrap();
    press(&first, "ArrowRight");
    settle().await;
    let next = focused().unwrap();
    assert_ne!(next.get_attribute("data-id"), first.get_attribute("data-id"));
    press(&next, "Enter");
    settle().await;
    assert_eq!(picked.borrow().len(), 2);
    assert_eq!(picked.borrow()[0], "nato");
    assert_eq!(Some(picked.borrow()[1].clone()), next.get_attribute("data-id"));
}

#[wasm_bindgen_test]
async fn frame_profile_has_one_panel_per_source_on_one_scale() {
    let frames: Vec<String> = [
        "Economic", "Capacity and resources", "Morality", "Fairness and equality", "Legality", "Policy prescription",
        "Crime and punishment", "Security and defence", "Health and safety", "Quality of life", "Cultural identity",
        "Public opinion", "Political", "External regulation and reputation", "Other",
    ]
    .map(String::from)
    .to_vec();
    let values: Vec<Vec<f64>> = (0..15).map(|f| (0..4).map(|s| ((f * 7 + s * 3) % 11) as f64 * 0.8).collect()).collect();
    let nonzero = values.iter().flatten().filter(|v| **v > 0.0).count();
    let props = FrameProfileProps {
        lang: Default::default(),
        title: AttrValue::from("Frames by source"),
        description: AttrValue::default(),
        frames: frames.clone(),
        sources: sources(),
        values: values.clone(),
        format: NumberFormat::fixed(1),
    };
    let root = mount();
    yew::Renderer::<FrameProfile>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let panels = all(&root, "g.panel");
    assert_eq!(panels.len(), 4);
    assert_eq!(texts(&root, "text.panel-title"), sources());
    assert_eq!(all(&root, "rect.bar").len(), nonzero);
    assert_eq!(all(&root, "text.value").len(), 60);
    // Same scale in every panel: equal values give equal bars.
    let bar_of = |v: f64| -> Vec<f64> {
        all(&root, "rect.bar").iter().filter(|b| num(b, "data-value") == v).map(|b| num(b, "width")).collect()
    };
    let eights = bar_of(8.0);
    assert!(eights.len() > 1 && eights.iter().all(|w| (w - eights[0]).abs() < 0.2), "{eights:?}");
    assert!(bar_of(4.0)[0] < eights[0]);
    // Frame names on the left of each row of panels (two rows of two).
    assert_eq!(texts(&root, "g.frame-label text").len(), 30);
    // The table has the frames as rows and the sources as columns.
    assert_eq!(texts(&root, ".chart-table tbody th"), frames);
    assert_eq!(texts(&root, ".chart-table td")[1], NumberFormat::fixed(1).format(values[0][1]));
}

#[wasm_bindgen_test]
async fn export_buttons_save_files_and_say_so() {
    let root = mount();
    yew::Renderer::<Bars>::with_root_and_props(root.clone(), sentiment_bars()).render();
    settle().await;
    let status = || text(&one(&root, ".chart-status"));
    assert_eq!(status(), "");
    one(&root, "button.chart-export-svg").unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(status(), "Saved prisme-sentiment-toward-russia-by-source.svg.");
    one(&root, "button.chart-export-png").unchecked_ref::<web_sys::HtmlElement>().click();
    for _ in 0..50 {
        settle().await;
        if status().ends_with(".png.") {
            break;
        }
    }
    assert_eq!(status(), "Saved prisme-sentiment-toward-russia-by-source.png.");
    // The status is announced politely to screen readers.
    assert_eq!(one(&root, ".chart-status").get_attribute("aria-live").as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn a_missing_value_has_no_bar_and_says_so() {
    let root = mount();
    let (categories, series) = Series::from_pairs(
        "Sentiment",
        vec![("Le Monde".into(), 0.4), ("RT".into(), f64::NAN), ("Al Jazeera".into(), -0.2)],
    );
    let props = BarsProps {
        lang: Default::default(),
        title: AttrValue::from("Sentiment"),
        description: AttrValue::from("From -1 to +1."),
        categories,
        series,
        format: NumberFormat::signed(2),
        domain: None,
        category_label: AttrValue::from("Source"),
    };
    yew::Renderer::<Bars>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(all(&root, "rect.bar").len(), 2);
    assert_eq!(texts(&root, "text.value"), vec!["+0.40", "—", "-0.20"]);
    assert_eq!(texts(&root, ".chart-table td"), vec!["+0.40", "—", "-0.20"]);
    assert_eq!(text(&one(&root, ".chart-description")), "From -1 to +1.");
    // The axis is widened to round ticks around the data: -0.2 to 0.4 gives -0.20 … +0.40.
    let ticks = texts(&root, "g.tick text");
    assert_eq!(ticks.first().map(String::as_str), Some("-0.20"));
    assert_eq!(ticks.last().map(String::as_str), Some("+0.40"));
}
