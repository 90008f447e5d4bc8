//! The analysis web worker: receives a corpus, answers with its `Analysis`.
//! Trunk builds it for the browser next to the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    prisme::ui::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prisme-worker runs inside the web page; the command-line tool is `prisme`.");
    std::process::exit(2);
}
