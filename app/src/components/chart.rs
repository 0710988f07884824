//! A chart figure: a caption, the D3 drawing (hydrated only) and the same numbers as a small
//! table, which is the text alternative and what a browser without JavaScript shows.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
mod d3 {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(raw_module = "/charts.js")]
    extern "C" {
        /// Draws (or redraws) chart `kind` from `json` into `element` (see public/charts.js).
        #[wasm_bindgen(js_name = drawChart)]
        pub fn draw_chart(element: &web_sys::Element, kind: &str, json: &str);
    }
}

/// One row of a chart's table; `mine` marks the candidate's own row.
pub struct TableRow {
    pub cells: Vec<String>,
    pub mine: bool,
}

impl TableRow {
    pub fn new(cells: Vec<String>) -> Self {
        Self { cells, mine: false }
    }
}

/// `kind` names the drawing in charts.js; `data` is its JSON; `headers` and `rows` are the same
/// numbers as a table.
#[component]
pub fn ChartFrame(
    kind: &'static str,
    title: &'static str,
    data: String,
    headers: &'static [&'static str],
    rows: Vec<TableRow>,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(element) = canvas.get() {
            d3::draw_chart(&element, kind, &data);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = data;
    let caption_id = format!("chart-{kind}");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart-frame" aria-labelledby=labelled_by data-chart=kind>
            <figcaption id=caption_id>{title}</figcaption>
            <div class="chart" node_ref=canvas></div>
            <table class="chart-data">
                <thead>
                    <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr class:mine=row.mine>
                            {row.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
