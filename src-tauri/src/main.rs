//! keepwarm-desktop: the Tauri shell over the keepwarm library.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod desktop;
mod desktop_settings;
mod digest_loop;
mod feed;
mod sync_loop;
mod today_prefetch;
mod tray;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use keepwarm::store::{default_db_path, Store};

/// The open database, or why it could not be opened (shown in the window).
pub struct AppState {
    store: Result<Arc<Mutex<Store>>, String>,
    db_path: PathBuf,
    feed: Arc<Mutex<feed::FeedRunner>>,
    today_prefetch: Arc<today_prefetch::TodayPrefetch>,
}

/// `--db PATH` / `--db=PATH`, else `KEEPWARM_DB`, else the platform default.
fn db_path_from(args: impl Iterator<Item = String>) -> Result<PathBuf, keepwarm::Error> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return Ok(PathBuf::from(path));
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return Ok(PathBuf::from(path));
        }
    }
    match std::env::var_os("KEEPWARM_DB") {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => default_db_path(),
    }
}

fn main() {
    let (db_path, store) = match db_path_from(std::env::args()) {
        Ok(path) => {
            // Kept as text: the window shows it, and the error type is not Clone.
            let store = Store::open(&path)
                .map(|store| Arc::new(Mutex::new(store)))
                .map_err(|e| e.to_string());
            (path, store)
        }
        Err(e) => (PathBuf::new(), Err(e.to_string())),
    };
    if let Err(message) = &store {
        eprintln!("keepwarm-desktop: {message}");
    }
    // Start-up work that needs the database, on a thread of its own from the first
    // moment, while the window and its web view start (about a second): the
    // calendar feed, if the user turned it on, then Today, so the start screen's
    // question finds its answer.
    let today_prefetch = Arc::new(today_prefetch::TodayPrefetch::default());
    let feed = Arc::new(Mutex::new(feed::FeedRunner::default()));
    if let Ok(store) = &store {
        let (store, prefetch, feed) = (
            Arc::clone(store),
            Arc::clone(&today_prefetch),
            Arc::clone(&feed),
        );
        let db_path = db_path.clone();
        std::thread::spawn(move || {
            // The store before the feed, in the order the feed commands take them.
            let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
            start_feed(&mut store, &feed, &db_path);
            prefetch.fill(&store, commands::today());
        });
    }
    let title = match db_path.file_name() {
        Some(name) => format!("keepwarm — {}", name.to_string_lossy()),
        None => "keepwarm".to_owned(),
    };
    // Started by the session's autostart entry: stay hidden in the tray.
    let minimized = desktop::start_minimized(std::env::args());
    let loop_db_path = db_path.clone();
    let result = desktop::plugins(tauri::Builder::default())
        // The window is built here rather than in tauri.conf.json so that it maps
        // with its final title (which names the database) from the first frame.
        .setup(move |app| {
            tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::default())
                .title(&title)
                .inner_size(1100.0, 720.0)
                .min_inner_size(640.0, 480.0)
                .visible(!minimized)
                .build()?;
            desktop::setup(app, loop_db_path)?;
            Ok(())
        })
        .on_window_event(desktop::on_window_event)
        .manage(AppState {
            store,
            db_path,
            feed,
            today_prefetch,
        })
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::today::today_screen,
            commands::today::act_on_ping,
            commands::today::undo,
            commands::contacts::contact_rows,
            commands::contacts::search_contacts,
            commands::contacts::contact_detail,
            commands::contacts::add_contact,
            commands::contacts::log_interaction,
            commands::contacts::add_promise,
            commands::contacts::complete_promise,
            commands::contacts::set_paused,
            commands::contacts::edit_contact,
            commands::contacts::merge_contacts,
            commands::contacts::delete_contact,
            commands::contacts::trash,
            commands::contacts::restore_contact,
            commands::conference::recent_events,
            commands::conference::capture_person,
            commands::plan::plan_screen,
            commands::plan::export_ics,
            commands::plan::feed_status,
            commands::plan::set_feed_enabled,
            commands::insights::insights,
            commands::import::import_file,
            commands::settings::settings,
            commands::settings::set_setting,
            commands::settings::app_info,
            commands::settings::backup_now,
            commands::settings::backups,
            commands::settings::data_version,
            commands::sync::sync_status,
            commands::sync::sync_now,
            commands::sync::sync_setup,
            commands::sync::sync_forget,
            commands::sync::set_sync_interval,
            desktop_settings::desktop_settings,
            desktop_settings::set_digest_time,
            desktop_settings::set_close_to_tray,
            desktop_settings::set_autostart,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("keepwarm-desktop: {e}");
        std::process::exit(1);
    }
}

/// Starts the calendar feed, if the user turned it on.
fn start_feed(store: &mut Store, feed: &Mutex<feed::FeedRunner>, db_path: &std::path::Path) {
    if feed::enabled(store) {
        let status = feed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .start(store, db_path);
        if let Some(error) = status.error {
            eprintln!("keepwarm-desktop: calendar feed: {error}");
        }
    }
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
    fn db_flag_in_both_forms() {
        assert_eq!(
            db_path_from(args(&["app", "--db", "/a.db"])).unwrap(),
            PathBuf::from("/a.db")
        );
        assert_eq!(
            db_path_from(args(&["app", "--db=/b.db"])).unwrap(),
            PathBuf::from("/b.db")
        );
    }
}
