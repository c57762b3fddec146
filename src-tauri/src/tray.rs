//! The tray icon: today's count, and a menu (Open, Today's pings, Quit).
//!
//! On Linux the icon is a StatusNotifierItem (libayatana-appindicator), shown by
//! panels that host one; where none does, it falls back to the XEmbed tray.
//! Linux trays have no tooltips, so the count is also the icon's label and the
//! heading of "Today's pings".

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Runtime};

use keepwarm::schedule::Ping;

/// The tray icon's id.
pub const TRAY_ID: &str = "main";

const OPEN_ID: &str = "open";
const QUIT_ID: &str = "quit";
const PINGS_ID: &str = "today-pings";
/// Items of "Today's pings" have ids `ping:<ping id>`.
const PING_PREFIX: &str = "ping:";
/// The submenu lists this many pings; the Today view shows them all.
const MAX_MENU_PINGS: usize = 10;

/// Creates the tray icon with an empty day (the digest loop fills it in).
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    let menu = build_menu(app, &[])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu)
        .tooltip("keepwarm")
        .show_menu_on_left_click(true)
        .on_menu_event(on_menu_event);
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    if id == QUIT_ID {
        app.exit(0);
    } else if id == OPEN_ID || id.starts_with(PING_PREFIX) {
        crate::desktop::open_today(app);
    }
}

/// "3 pings today", "1 ping today", "No pings today".
pub fn count_text(count: usize) -> String {
    match count {
        0 => "No pings today".to_owned(),
        1 => "1 ping today".to_owned(),
        n => format!("{n} pings today"),
    }
}

fn build_menu<R: Runtime>(app: &AppHandle<R>, pings: &[Ping]) -> tauri::Result<Menu<R>> {
    let open = MenuItem::with_id(app, OPEN_ID, "Open keepwarm", true, None::<&str>)?;
    let today = Submenu::with_id(
        app,
        PINGS_ID,
        format!("Today's pings ({})", pings.len()),
        true,
    )?;
    if pings.is_empty() {
        today.append(&MenuItem::new(
            app,
            "Nothing to do today",
            false,
            None::<&str>,
        )?)?;
    }
    for ping in pings.iter().take(MAX_MENU_PINGS) {
        let label = format!(
            "{} — {}",
            ping.contact_name,
            ping.reason.as_str().replace('_', "-")
        );
        today.append(&MenuItem::with_id(
            app,
            format!("{PING_PREFIX}{}", ping.id),
            label,
            true,
            None::<&str>,
        )?)?;
    }
    if pings.len() > MAX_MENU_PINGS {
        today.append(&MenuItem::with_id(
            app,
            format!("{PING_PREFIX}more"),
            format!("and {} more…", pings.len() - MAX_MENU_PINGS),
            true,
            None::<&str>,
        )?)?;
    }
    let quit = MenuItem::with_id(app, QUIT_ID, "Quit", true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    Menu::with_items(app, &[&open, &today, &separator, &quit])
}

/// Shows today's pings: the count as label and tooltip, the names in the menu.
pub fn show_today<R: Runtime>(app: &AppHandle<R>, pings: Vec<Ping>) {
    let handle = app.clone();
    // Menus and the tray live on the main thread.
    let _ = app.run_on_main_thread(move || {
        let Some(tray) = handle.tray_by_id(TRAY_ID) else {
            return;
        };
        let text = count_text(pings.len());
        let _ = tray.set_tooltip(Some(format!("keepwarm: {text}")));
        let _ = tray.set_title(Some(pings.len().to_string()));
        match build_menu(&handle, &pings) {
            Ok(menu) => {
                let _ = tray.set_menu(Some(menu));
            }
            Err(e) => eprintln!("keepwarm-desktop: tray menu: {e}"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_reads_as_words() {
        assert_eq!(count_text(0), "No pings today");
        assert_eq!(count_text(1), "1 ping today");
        assert_eq!(count_text(3), "3 pings today");
    }
}
