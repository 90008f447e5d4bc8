//! The web page: Yew components that turn user actions into engine calls and
//! the engine's `Analysis` into pixels. No analysis happens here.

mod actors_table;
mod actors_view;
mod add_documents;
mod app;
mod browser;
mod concordance;
pub mod charts;
mod demo;
mod documents;
mod exports;
mod framing_view;
mod header;
pub mod i18n;
mod notices;
mod overview;
mod reader;
mod sentiment_view;
mod sorting;
mod table_columns;
pub mod state;
pub mod worker;

pub use actors_table::{ActorsTable, ActorsTableProps};
pub use app::App;
pub use overview::{Overview, OverviewProps};

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
