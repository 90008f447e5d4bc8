//! Component tests in headless Chromium (wasm-bindgen-test): the Yew
//! components render an `Analysis` as a reader expects.
#![cfg(target_arch = "wasm32")]

use prisme::engine::{analyse, from_pasted, Config};
use prisme::ui::{ActorsTable, ActorsTableProps, Overview, OverviewProps};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    // Yew renders on the next turn of the event loop.
    gloo::timers::future::TimeoutFuture::new(10).await;
}

fn corpus() -> Rc<prisme::engine::Analysis> {
    let a = from_pasted(1, "Moscou et Washington s'accusent. Selon Washington, Moscou ment.").unwrap();
    let b = from_pasted(2, "Les diplomates d’Ankara ont répondu à Washington lundi.").unwrap();
    Rc::new(analyse(&[a, b], &Config::default()))
}

#[wasm_bindgen_test]
async fn actors_table_shows_mentions_per_document() {
    let root = mount();
    yew::Renderer::<ActorsTable>::with_root_and_props(root.clone(), yew::props!(ActorsTableProps { analysis: corpus() })).render();
    settle().await;
    let rows = root.query_selector_all("tbody tr").unwrap();
    let mut seen = Vec::new();
    for i in 0..rows.length() {
        let row: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(rows.get(i).unwrap());
        let cells: Vec<String> = (0..row.children().length())
            .map(|c| row.children().item(c).unwrap().text_content().unwrap_or_default())
            .collect();
        seen.push(cells);
    }
    // Capitals stand for their states: Washington twice in the first text and
    // once in the second, Moscou twice in the first, Ankara once in the second.
    assert!(seen.contains(&vec!["États-Unis".into(), "state".into(), "2".into(), "1".into(), "3".into()]), "{seen:?}");
    assert!(seen.contains(&vec!["Russie".into(), "state".into(), "2".into(), "0".into(), "2".into()]), "{seen:?}");
    assert!(seen.contains(&vec!["Turquie".into(), "state".into(), "0".into(), "1".into(), "1".into()]), "{seen:?}");
    // The "Selon" that opens a sentence is not an actor.
    assert!(!seen.iter().any(|r| r[0] == "Selon"));
}

#[wasm_bindgen_test]
async fn overview_shows_corpus_figures() {
    let root = mount();
    yew::Renderer::<Overview>::with_root_and_props(root.clone(), yew::props!(OverviewProps { analysis: corpus() })).render();
    settle().await;
    let figures: Vec<String> = {
        let list = root.query_selector_all(".figure").unwrap();
        (0..list.length()).map(|i| list.get(i).unwrap().text_content().unwrap_or_default()).collect()
    };
    assert!(figures.contains(&"2documents".to_string()), "{figures:?}");
    assert!(figures.contains(&"3actors".to_string()), "{figures:?}");
}

#[wasm_bindgen_test]
fn documents_read_in_the_worker_cross_to_the_page_unchanged() {
    use prisme::engine::{guess_table_columns, Span};
    use prisme::ui::worker::{documents_message, read_documents_message, Reply};
    let mut first = from_pasted(1, "« Le régime » a frappé Idleb — 3 morts.\n\nDamas dément.").unwrap();
    first.title = "Frappes à Idleb".into();
    first.source = "Agence".into();
    first.date = "2019-05-31".into();
    first.language = "fr".into();
    first.markup = vec![Span::new(0, 3)];
    first.restored = vec![Span::new(5, 9)];
    let second = from_pasted(2, "Ankara and Damascus exchanged fire. 🇹🇷").unwrap();
    let table = guess_table_columns("news.csv", b"title,text\nOne,First text here\n").unwrap();
    let documents = vec![first.clone(), second.clone()];
    let problems = vec!["photo.png: this is not a text file.".to_string()];
    let tables = vec![("news.csv".to_string(), table.clone())];
    let (head, bytes) = documents_message(&documents, &problems, &tables, Some("old.csv")).unwrap();
    // The texts travel as bytes, not inside the JSON head.
    assert!(!head.contains("Idleb"));
    match read_documents_message(&head, &bytes).unwrap() {
        Reply::Documents { documents: back, problems: p, tables: t, replaces } => {
            assert_eq!(back, vec![first, second]);
            assert_eq!(p, problems);
            assert_eq!(t, tables);
            assert_eq!(replaces.as_deref(), Some("old.csv"));
        }
        _ => panic!("a documents reply"),
    }
    // Bytes cut short are refused, not read as fewer documents.
    assert!(read_documents_message(&head, &bytes[..bytes.len() - 3]).is_err());
}

#[wasm_bindgen_test]
fn the_analysis_shown_shares_its_texts_with_the_corpus() {
    use prisme::ui::state::{Action, State};
    use std::sync::Arc;
    use yew::Reducible;
    let docs = vec![
        from_pasted(1, "Le régime syrien a bombardé Idleb, selon Ankara.").unwrap(),
        from_pasted(2, "Moscou dément toute frappe sur Idleb.").unwrap(),
    ];
    let state = Rc::new(State::default()).reduce(Action::Add(docs));
    let revision = state.revision;
    // As the worker sends it: every document's text left out.
    let mut analysis = analyse(state.corpus(), &Config::default());
    for d in &mut analysis.documents {
        d.text = Default::default();
    }
    let state = state.reduce(Action::Analysed { revision, analysis: Rc::new(analysis), elapsed_ms: 1.0 });
    let shown = state.analysis.as_ref().expect("the analysis is shown");
    assert_eq!(shown.documents.len(), 2);
    for (row, doc) in shown.documents.iter().zip(state.corpus()) {
        assert_eq!(&*row.text, &*doc.text, "each text is put back");
        assert!(Arc::ptr_eq(&row.text, &doc.text), "{}: the analysis holds the corpus's own text, not a copy", row.id);
    }
}
