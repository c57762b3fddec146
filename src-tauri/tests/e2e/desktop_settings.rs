//! Settings of the app on this computer: the daily digest time, the tray, start at login.

use keepwarm::Store;
use serde_json::json;

use crate::harness::{cli_json, run, Desktop, Theme};
use crate::scenarios::add;

/// The autostart entries in the app's (private) home.
fn autostart_entries(home: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(home.join(".config/autostart"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_digest_time_is_checked_by_the_library_and_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("settings.db");
    add(&mut Store::open(&db).unwrap(), "Grace Hopper", "US Navy");
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Settings").await;
        let time = app.field("Daily digest time").await;
        assert_eq!(
            app.js(
                "return arguments[0].value",
                vec![serde_json::to_value(&time).unwrap()]
            )
            .await,
            json!("09:00"),
            "the default digest time"
        );

        // A time that does not exist is refused, with the library's reason beside the field.
        app.set_value(&time, "25:00").await;
        let error = app.find("#digest_time-error").await;
        let message = error.text().await.unwrap();
        assert!(
            message.contains("HH:MM") && message.contains("25:00"),
            "{message}"
        );
        assert_eq!(
            app.js(
                "return arguments[0].getAttribute('aria-invalid')",
                vec![serde_json::to_value(&time).unwrap()]
            )
            .await,
            json!("true")
        );
        assert_eq!(
            cli_json(&db, &["settings", "--json"])["digest_time"],
            "09:00"
        );

        // A real one is stored; the message goes.
        app.set_value(&time, "07:45").await;
        app.wait_until(
            "the digest time is saved",
            "!document.getElementById('digest_time-error') && !!document.querySelector('[data-testid=desktop-settings] .saved')",
        )
        .await;
        assert_eq!(
            cli_json(&db, &["settings", "--json"])["digest_time"],
            "07:45"
        );
        assert!(app.body_text().await.contains("pings at 07:45 each day"));

        // "off" turns the digest off.
        app.set_value(&time, "off").await;
        app.wait_until(
            "the digest is off",
            "document.querySelector('[data-testid=desktop-settings]').innerText.includes('no daily notification')",
        )
        .await;
        let settings = cli_json(&db, &["settings", "--json"]);
        assert_eq!(settings["digest_time"], "off");
        let store = Store::open(&db).unwrap();
        assert_eq!(keepwarm::notify::digest_time(&store).unwrap(), None);
        app.close().await;
    });
}

#[test]
fn the_tray_and_start_at_login_switches_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("switches.db");
    add(&mut Store::open(&db).unwrap(), "Grace Hopper", "US Navy");
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Settings").await;

        // Closing to the tray is on while the digest is; turning it off is stored.
        let tray = app
            .field("Keep running in the tray when the window is closed")
            .await;
        assert!(tray.is_selected().await.unwrap());
        tray.click().await.unwrap();
        app.find("[data-testid=desktop-settings] .saved").await;
        assert_eq!(
            cli_json(&db, &["settings", "--json"])["close_to_tray"],
            false
        );

        // Start at login writes the session's autostart entry (hidden in the tray), and
        // turning it off removes it.
        assert!(autostart_entries(&app.home).is_empty());
        let login = app.field("Start keepwarm at login").await;
        assert!(!login.is_selected().await.unwrap());
        login.click().await.unwrap();
        app.wait_until(
            "start at login is on",
            "document.querySelectorAll('[data-testid=desktop-settings] input[type=checkbox]')[1].checked && !!document.querySelector('[data-testid=desktop-settings] .saved')",
        )
        .await;
        let entries = autostart_entries(&app.home);
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert!(entries[0].contains("--minimized"), "{}", entries[0]);

        login.click().await.unwrap();
        let deadline = std::time::Instant::now() + crate::harness::PATIENCE;
        while !autostart_entries(&app.home).is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "the autostart entry stays"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        app.close().await;
    });
}
