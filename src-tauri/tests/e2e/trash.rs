//! Deleting a contact: Undo at once, or Restore from the Trash later.

use std::path::Path;

use keepwarm::Store;

use crate::harness::{cli, cli_json, run, Desktop, Theme};
use crate::scenarios::{add, open_contact};

/// Whether `keepwarm show ID` finds the contact (a contact in the trash is not shown).
fn shown_by_cli(db: &Path, id: i64) -> Option<serde_json::Value> {
    let out = cli(db, &["show", &id.to_string(), "--json"]);
    out.status
        .success()
        .then(|| serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn a_contact_deleted_from_its_page_comes_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("undo-delete.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        add(&mut store, "Alan Turing", "Bletchley Park");
        let id = add(&mut store, "Joan Clarke", "Bletchley Park");
        store
            .add_promise(
                id,
                "Send the crossword",
                crate::scenarios::today(),
                crate::scenarios::today(),
            )
            .unwrap();
        id
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        open_contact(&app, "Joan", id).await;
        app.button("Delete").await.click().await.unwrap();
        app.button("Delete Joan Clarke?")
            .await
            .click()
            .await
            .unwrap();
        app.find("#contacts-title").await;
        app.wait_until(
            "Joan leaves the list",
            &format!("!document.querySelector(\".contact-row[data-contact-id='{id}']\")"),
        )
        .await;
        assert!(Store::open(&db).unwrap().is_trashed(id).unwrap());
        assert!(
            shown_by_cli(&db, id).is_none(),
            "a deleted contact is not shown"
        );

        // The toast offers Undo: Joan is back, in the list and in the database, whole.
        let toast = app.find("[data-testid=toast]").await;
        assert!(toast.text().await.unwrap().contains("Deleted Joan Clarke"));
        app.button("Undo").await.click().await.unwrap();
        app.wait_until(
            "Joan is back in the list",
            &format!("!!document.querySelector(\".contact-row[data-contact-id='{id}']\")"),
        )
        .await;
        let shown = shown_by_cli(&db, id).expect("keepwarm show finds Joan again");
        assert_eq!(shown["name"], "Joan Clarke");
        assert_eq!(shown["company"], "Bletchley Park");
        assert_eq!(shown["promises"][0]["text"], "Send the crossword");
        assert!(!Store::open(&db).unwrap().is_trashed(id).unwrap());

        // Her page opens again.
        app.find(&format!(".contact-row[data-contact-id='{id}']"))
            .await
            .click()
            .await
            .unwrap();
        let heading = app.find("[data-testid=contact-name]").await;
        assert_eq!(heading.text().await.unwrap(), "Joan Clarke");
        app.close().await;
    });
}

#[test]
fn a_deleted_contact_comes_back_from_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("trash.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        add(&mut store, "Alan Turing", "Bletchley Park");
        add(&mut store, "Joan Clarke", "Bletchley Park")
    };
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        open_contact(&app, "Joan", id).await;
        app.button("Delete").await.click().await.unwrap();
        app.button("Delete Joan Clarke?")
            .await
            .click()
            .await
            .unwrap();
        app.find("#contacts-title").await;
        assert!(Store::open(&db).unwrap().is_trashed(id).unwrap());
        let trash = cli_json(&db, &["trash", "--json"]);
        assert!(
            trash.as_array().unwrap().iter().any(|c| c["id"] == id),
            "{trash}"
        );
        app.wait_until(
            "Joan leaves the list",
            &format!("!document.querySelector(\".contact-row[data-contact-id='{id}']\")"),
        )
        .await;

        app.button("Trash").await.click().await.unwrap();
        app.button("Restore Joan Clarke")
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "Joan is back in the list",
            &format!("!!document.querySelector(\".contact-row[data-contact-id='{id}']\")"),
        )
        .await;
        let store = Store::open(&db).unwrap();
        assert!(!store.is_trashed(id).unwrap());
        assert_eq!(
            store.contact(id).unwrap().company.as_deref(),
            Some("Bletchley Park")
        );
        let shown = cli_json(&db, &["show", &id.to_string(), "--json"]);
        assert_eq!(shown["name"], "Joan Clarke");
        app.close().await;
    });
}
