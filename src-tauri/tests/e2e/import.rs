//! Import from the app: a dry run first, then the real thing, then possible duplicates
//! merged (or kept) from the same screen.

use keepwarm::Store;
use serde_json::Value;

use crate::harness::{cli_json, run, Desktop, Theme};
use crate::scenarios::add;

#[test]
fn an_import_is_previewed_before_it_changes_anything() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.db");
    add(
        &mut Store::open(&db).unwrap(),
        "Ada Lovelace",
        "Analytical Engines",
    );
    let file = dir.path().join("people.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles Babbage\r\nORG:Difference Engines\r\nEND:VCARD\r\n",
    )
    .unwrap();
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Import").await;
        let path = app.field("File").await;
        app.type_into(&path, file.to_str().unwrap()).await;
        app.button("Preview").await.click().await.unwrap();
        let preview = app.find("[data-testid=import-preview]").await;
        let text = preview.text().await.unwrap();
        assert!(text.contains("1\nnew") || text.contains("1 new"), "{text}");
        assert_eq!(
            Store::open(&db).unwrap().contacts().unwrap().len(),
            1,
            "a dry run writes nothing"
        );

        app.button("Import 2 contacts").await.click().await.unwrap();
        app.find("[data-testid=import-done]").await;
        let names: Vec<String> = Store::open(&db)
            .unwrap()
            .contacts()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names.contains(&"Charles Babbage".to_owned()));
        app.close().await;
    });
}

/// The contacts of the database named `name`, from `keepwarm contacts --json`.
fn named(db: &std::path::Path, name: &str) -> Vec<Value> {
    cli_json(db, &["contacts", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == name)
        .cloned()
        .collect()
}

#[test]
fn a_namesake_from_an_import_is_merged_from_the_import_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("namesakes.db");
    let (anna, charles) = {
        let mut store = Store::open(&db).unwrap();
        (
            add(&mut store, "Anna Schmidt", "Acme GmbH"),
            add(&mut store, "Charles Babbage", "Difference Engines"),
        )
    };
    // Each record shares a name with a contact but not the company: kept apart, reported.
    let file = dir.path().join("namesakes.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nORG:Globex\r\nEMAIL:anna@globex.example\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles Babbage\r\nORG:Analytical Society\r\nEND:VCARD\r\n",
    )
    .unwrap();
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.nav("Import").await;
        let path = app.field("File").await;
        app.type_into(&path, file.to_str().unwrap()).await;
        app.button("Preview").await.click().await.unwrap();

        // The dry run lists both pairs, with the reason, and offers no merge yet.
        let preview = app.find("[data-testid=import-preview]").await;
        let text = preview.text().await.unwrap();
        assert!(text.contains("Possible duplicates"), "{text}");
        assert!(text.contains("different company"), "{text}");
        assert!(text.contains("line 1 of namesakes.vcf"), "{text}");
        assert!(app
            .find_all("[data-testid=import-preview] .duplicate-actions")
            .await
            .is_empty());

        app.button("Import 2 contacts").await.click().await.unwrap();
        app.find("[data-testid=import-done] [data-testid=possible-duplicates]")
            .await;
        assert_eq!(named(&db, "Anna Schmidt").len(), 2);
        assert_eq!(named(&db, "Charles Babbage").len(), 2);
        let new_anna = named(&db, "Anna Schmidt")
            .into_iter()
            .map(|c| c["id"].as_i64().unwrap())
            .find(|id| *id != anna)
            .unwrap();

        // Merge Anna: the contact that was there stays and takes the new record's email.
        let pair = format!("li.duplicate[data-pair='{anna}-{new_anna}']");
        let pair_xpath = format!("//li[@data-pair='{anna}-{new_anna}']");
        app.button_in(&pair_xpath, "Merge")
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the pair shows as merged",
            &format!(
                "document.querySelector(\"{pair}\").innerText.includes('Merged into Anna Schmidt')"
            ),
        )
        .await;
        let annas = named(&db, "Anna Schmidt");
        assert_eq!(annas.len(), 1, "{annas:?}");
        let shown = cli_json(&db, &["show", &anna.to_string(), "--json"]);
        assert_eq!(shown["company"], "Acme GmbH");
        assert!(
            shown["emails"]
                .as_array()
                .unwrap()
                .contains(&Value::from("anna@globex.example")),
            "{shown}"
        );

        // Undo takes the merge back: Anna is two again, and the pair can be decided again.
        app.button("Undo").await.click().await.unwrap();
        app.wait_until(
            "the merged pair is open again",
            &format!("!!document.querySelector(\"{pair} button.primary\")"),
        )
        .await;
        assert_eq!(named(&db, "Anna Schmidt").len(), 2);

        // And merged again.
        app.button_in(&pair_xpath, "Merge")
            .await
            .click()
            .await
            .unwrap();
        app.wait_until(
            "the pair shows as merged again",
            &format!(
                "document.querySelector(\"{pair}\").innerText.includes('Merged into Anna Schmidt')"
            ),
        )
        .await;
        assert_eq!(named(&db, "Anna Schmidt").len(), 1);

        // Keep both Charleses: nothing is merged.
        let charles_pair = format!("li.duplicate[data-pair^='{charles}-']");
        app.button_in(
            &format!("//li[starts-with(@data-pair, '{charles}-')]"),
            "Keep both",
        )
        .await
        .click()
        .await
        .unwrap();
        app.wait_until(
            "the pair shows as kept",
            &format!("document.querySelector(\"{charles_pair}\").innerText.includes('Kept both')"),
        )
        .await;
        assert_eq!(named(&db, "Charles Babbage").len(), 2);
        app.wait_until(
            "nothing is left to decide",
            "document.querySelector('[data-testid=possible-duplicates]').innerText.includes('All decided')",
        )
        .await;

        app.close().await;
    });
}
