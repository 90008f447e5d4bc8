//! What every chart comes with: a heading, a table view of the same numbers
//! and the export buttons.

use super::export;
use crate::ui::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    /// The chart's heading; also the exported file's title and name.
    pub title: AttrValue,
    /// One sentence under the heading: how to read the chart.
    #[prop_or_default]
    pub description: AttrValue,
    /// The same numbers as an accessible `<table>` (with caption and `scope`
    /// headers). Screen readers always reach it; the Table button shows it.
    pub table: Html,
    /// The chart: one `<svg>`.
    pub children: Html,
    /// The language of the buttons and messages.
    #[prop_or_default]
    pub lang: Lang,
}

/// A chart with its heading, its table view and its export buttons.
#[function_component(ChartFrame)]
pub fn chart_frame(props: &ChartFrameProps) -> Html {
    let t = props.lang.text();
    let show_table = use_state(|| false);
    let status = use_state(String::new);
    let ids = use_state(|| super::unique_id("chart"));
    let body = use_node_ref();
    let heading_id = format!("{}-title", *ids);
    let table_id = format!("{}-table", *ids);
    let stem = export::file_stem(&props.title);

    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_| show_table.set(!*show_table))
    };
    let chart_svg = {
        let body = body.clone();
        move || -> Result<web_sys::Element, String> {
            body.cast::<web_sys::Element>()
                .and_then(|b| b.query_selector("svg").ok().flatten())
                .ok_or_else(|| "there is no chart to export".to_string())
        }
    };
    let export_svg = {
        let (status, title, stem, chart_svg) = (status.clone(), props.title.clone(), stem.clone(), chart_svg.clone());
        Callback::from(move |_: MouseEvent| {
            match chart_svg().and_then(|svg| export::download_svg(&svg, &title, &stem)) {
                Ok(()) => status.set((t.chart_saved)(&format!("{stem}.svg"))),
                Err(e) => status.set((t.chart_failed)("SVG", &e)),
            }
        })
    };
    let export_png = {
        let (status, title, stem) = (status.clone(), props.title.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, title, stem) = (status.clone(), title.clone(), stem.clone());
            match chart_svg() {
                Err(e) => status.set((t.chart_failed)("PNG", &e)),
                Ok(svg) => {
                    status.set(t.chart_drawing.to_string());
                    wasm_bindgen_futures::spawn_local(async move {
                        match export::download_png(&svg, &title, &stem).await {
                            Ok(()) => status.set((t.chart_saved)(&format!("{stem}.png"))),
                            Err(e) => status.set((t.chart_failed)("PNG", &e)),
                        }
                    });
                }
            }
        })
    };

    html! {
        <figure class="chart" aria-labelledby={heading_id.clone()} data-chart={stem.clone()}>
            <div class="chart-head">
                <h3 class="chart-title" id={heading_id.clone()}>{ props.title.clone() }</h3>
                <div class="chart-tools" role="group" aria-label={(t.chart_tools)(&props.title)}>
                    <button type="button" class="button chart-table-toggle" aria-pressed={show_table.to_string()}
                            aria-controls={table_id.clone()} onclick={toggle}>
                        { t.chart_table }
                    </button>
                    <button type="button" class="button chart-export-svg" onclick={export_svg}>{ t.chart_export_svg }</button>
                    <button type="button" class="button chart-export-png" onclick={export_png}>{ t.chart_export_png }</button>
                </div>
            </div>
            if !props.description.is_empty() {
                <p class="chart-description">{ props.description.clone() }</p>
            }
            // Focusable, so a chart wider than the column can be scrolled with the keyboard.
            <div class="chart-body" ref={body} tabindex="0" role="region" aria-labelledby={heading_id.clone()}>{ props.children.clone() }</div>
            <div id={table_id} class={classes!("chart-table", "table-wrap", (!*show_table).then_some("visually-hidden"))}>
                { props.table.clone() }
            </div>
            <p class="chart-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </figure>
    }
}
