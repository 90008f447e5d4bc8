//! Prisme: how different news sources tell the same story.
//!
//! [`engine`] is the analysis, in plain Rust. [`ui`] is the web page (Yew),
//! built only for the browser.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
