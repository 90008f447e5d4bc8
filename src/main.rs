//! Starts the web page. Trunk builds this for the browser; see `scripts/serve`.

#[cfg(target_arch = "wasm32")]
fn main() {
    prisme::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prisme-web runs in the browser: start it with scripts/serve. The command-line tool is `prisme`.");
    std::process::exit(2);
}
