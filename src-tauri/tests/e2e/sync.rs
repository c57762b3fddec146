//! Sync set up in Settings against a real Radicale on 127.0.0.1, with the
//! password in a real Secret Service: the status says synced, the contacts are
//! on the server, and the password is nowhere in the database.

use std::time::{Duration, Instant};

use keepwarm::demo::DemoOptions;
use keepwarm::Store;

use crate::harness::{run, Desktop, Theme};
use crate::scenarios::demo_db;

#[path = "../../../tests/common/servers.rs"]
#[allow(dead_code)] // the sync tests' servers: only Radicale is used here
mod servers;

const USER: &str = "ann";
const PASSWORD: &str = "e2e-Pa55word-xyz";

#[test]
fn sync_set_up_in_settings_sends_the_contacts_and_says_synced() {
    let server = servers::Radicale::start(&[(USER, PASSWORD)]);
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(
        dir.path(),
        DemoOptions {
            contacts: 12,
            interactions: 20,
            seed: 3,
        },
    );
    run(|| async {
        let app = Desktop::launch_with_keyring(&db, Theme::Light).await;
        app.nav("Settings").await;
        let url = app.field("Server address").await;
        app.type_into(&url, &server.url()).await;
        let user = app.field("User name").await;
        app.type_into(&user, USER).await;
        let password = app.field("Password").await;
        app.type_into(&password, PASSWORD).await;
        app.button("Set up sync").await.click().await.unwrap();

        // The background sync starts by itself shortly after setup.
        let deadline = Instant::now() + Duration::from_secs(90);
        let status = loop {
            let text = app
                .js(
                    "const s = document.querySelector('[data-testid=sync-status]'); return s ? s.textContent : '';",
                    vec![],
                )
                .await;
            let text = text.as_str().unwrap_or_default().to_owned();
            if text.starts_with("Synced") || Instant::now() > deadline {
                break text;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        assert!(status.starts_with("Synced"), "status: {status:?}");
        let indicator = app.find("[data-testid=sync-indicator]").await;
        let label = indicator
            .attr("aria-label")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(label.starts_with("Synced"), "{label}");

        // Every contact is on the server, as one card each.
        let cards = std::fs::read_dir(
            server
                .collections_of(USER)
                .join(keepwarm::sync::NEW_ADDRESSBOOK),
        )
        .unwrap()
        .flatten()
        .filter(|f| f.path().extension().is_some_and(|e| e == "vcf"))
        .count();
        let store = Store::open(&db).unwrap();
        assert_eq!(cards, store.contacts().unwrap().len());
        let status = keepwarm::sync::status(&store).unwrap();
        assert_eq!((status.pending, status.last_error), (0, None));
        app.screenshot(&crate::harness::screenshot_dir().join("sync-settings.png"))
            .await;
        app.close().await;
    });
    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes
        .windows(PASSWORD.len())
        .any(|w| w == PASSWORD.as_bytes()));
}
