//! keepwarm's core: the data model, the SQLite store, sample data and (soon) the
//! ping planner. It knows nothing about windows, terminals or HTTP; the CLI and the
//! desktop app are thin shells over it.

#![warn(missing_docs)]

pub mod countries;
pub mod demo;
pub mod error;
pub mod feed;
pub mod insights;
pub mod interop;
pub mod model;
pub mod notify;
pub mod schedule;
pub mod screens;
pub mod store;
pub mod sync;
pub mod validate;
pub mod views;

pub use error::{Error, Result};
pub use store::Store;
