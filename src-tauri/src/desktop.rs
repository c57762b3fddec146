//! keepwarm living on the desktop: one instance, the tray, close-to-tray,
//! start with the session, and the daily digest loop.
//!
//! Events the app sends to the web view (for the UI):
//! - [`NAVIGATE_EVENT`] (`"navigate"`) with payload `"today"`: show the Today view
//!   (a click on the digest notification or its "Open" action, or the tray's
//!   Open / a ping in "Today's pings").
//! - [`TODAY_CHANGED_EVENT`] (`"today-changed"`) with the new date `YYYY-MM-DD`:
//!   the date changed (midnight, or waking from sleep on a later day); re-plan.
//! - [`crate::sync_loop::SYNC_CHANGED_EVENT`] (`"sync-changed"`), no payload: a
//!   sync started or ended, or the account changed; ask `sync_status` again.

use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewWindow, WindowEvent};

/// The main window's label.
pub const MAIN_WINDOW: &str = "main";

/// Event asking the UI to show a view; payload: the view's name (`"today"`).
pub const NAVIGATE_EVENT: &str = "navigate";

/// Event telling the UI the date changed; payload: the new date (`YYYY-MM-DD`).
pub const TODAY_CHANGED_EVENT: &str = "today-changed";

/// The argument the session's autostart entry passes: start hidden, in the tray.
pub const MINIMIZED_ARG: &str = "--minimized";

/// Whether this launch should start hidden in the tray.
pub fn start_minimized(args: impl Iterator<Item = String>) -> bool {
    args.skip(1).any(|a| a == MINIMIZED_ARG)
}

/// Registers the plugins: one instance (a second launch shows this one's window)
/// and the autostart entry (written only when the user turns it on).
pub fn plugins<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        // Must come first: a second instance exits before setting anything else up.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            show_main_window(app);
        }))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![MINIMIZED_ARG]),
        ))
}

/// Starts the tray, the digest loop and the background sync (called from the
/// app's setup).
pub fn setup<R: Runtime>(app: &tauri::App<R>, db_path: std::path::PathBuf) -> tauri::Result<()> {
    crate::tray::create(app.handle())?;
    let digest = crate::digest_loop::DigestLoop::start(app.handle().clone(), db_path.clone());
    app.manage(digest);
    let sync = crate::sync_loop::SyncLoop::start(app.handle().clone(), db_path);
    app.manage(sync);
    Ok(())
}

/// Closing the main window hides it when the user keeps keepwarm in the tray.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        if window.label() == MAIN_WINDOW && keeps_running_in_tray(window.app_handle()) {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}

fn keeps_running_in_tray<R: Runtime>(app: &AppHandle<R>) -> bool {
    let state = app.state::<crate::AppState>();
    let Ok(store) = &state.store else {
        return false;
    };
    let store = store.lock().unwrap_or_else(|p| p.into_inner());
    keepwarm::notify::close_to_tray(&store).unwrap_or(true)
}

/// The main window, if it exists.
pub fn main_window<R: Runtime>(app: &AppHandle<R>) -> Option<WebviewWindow<R>> {
    app.get_webview_window(MAIN_WINDOW)
}

/// Shows, unminimises and focuses the main window.
pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = main_window(app) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Shows the main window on the Today view.
pub fn open_today<R: Runtime>(app: &AppHandle<R>) {
    show_main_window(app);
    let _ = app.emit_to(MAIN_WINDOW, NAVIGATE_EVENT, "today");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| (*s).to_owned())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_autostart_argument_starts_hidden() {
        assert!(start_minimized(args(&[
            "app",
            "--db",
            "x.db",
            "--minimized"
        ])));
        assert!(!start_minimized(args(&["app", "--db", "x.db"])));
        assert!(
            !start_minimized(args(&["--minimized"])),
            "the program name is not an argument"
        );
    }
}
