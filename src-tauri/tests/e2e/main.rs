//! End-to-end tests: the real `keepwarm-desktop` under Xvfb, driven through
//! tauri-driver and WebKitWebDriver as a person would use it, each checking the
//! database through the library as well as the screen.
//!
//! Needs Xvfb, dbus-daemon, WebKitWebDriver and tauri-driver (`scripts/install-deps`).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod harness;
mod scenarios;
mod screens;
mod sync;
