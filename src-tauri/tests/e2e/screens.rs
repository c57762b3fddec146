//! Every view in light and dark, saved as screenshots; and the speed of a big database.

use keepwarm::demo::DemoOptions;
use serde_json::json;

use crate::harness::{run, screenshot_dir, Desktop, Theme};
use crate::scenarios::demo_db;

const VIEWS: [&str; 7] = [
    "Today",
    "Contacts",
    "Conference",
    "Plan",
    "Insights",
    "Import",
    "Settings",
];

#[test]
fn every_view_is_screenshotted_in_light_and_dark() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), DemoOptions::default());
    let out = screenshot_dir();
    for theme in [Theme::Light, Theme::Dark] {
        run(|| async {
            let app = Desktop::launch(&db, theme).await;
            let dark = app
                .js(
                    "return matchMedia('(prefers-color-scheme: dark)').matches",
                    vec![],
                )
                .await;
            assert_eq!(
                dark,
                json!(theme == Theme::Dark),
                "the page follows the theme"
            );
            let suffix = if theme == Theme::Dark {
                "dark"
            } else {
                "light"
            };
            for view in VIEWS {
                app.nav(view).await;
                // Let data arrive and charts draw.
                app.wait_until("the view has loaded", "!document.querySelector('.loading')")
                    .await;
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                let path = out.join(format!("{}-{suffix}.png", view.to_lowercase()));
                app.screenshot(&path).await;
            }
            // A contact's page too.
            app.nav("Contacts").await;
            app.find(".contact-row").await.click().await.unwrap();
            app.find("[data-testid=contact-name]").await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            app.screenshot(&out.join(format!("contact-{suffix}.png")))
                .await;
            app.close().await;
        });
    }
    eprintln!("screenshots in {}", out.display());
}

/// With 10,000 contacts and 200,000 interactions: the window maps within a second of
/// launch, Today paints within 1.5 s, and search results follow each keystroke
/// within 50 ms. The figures are printed (and written beside the screenshots).
/// Timing limits here are 3× those targets, so a slow CI machine does not fail
/// the suite but a real regression does.
#[test]
fn a_big_database_opens_fast_and_searches_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(
        dir.path(),
        DemoOptions {
            contacts: 10_000,
            interactions: 200_000,
            seed: 7,
        },
    );
    run(|| async {
        let app = Desktop::launch(&db, Theme::Light).await;
        app.wait_until(
            "Today has painted",
            "document.documentElement.dataset.todayPaintedAt",
        )
        .await;
        let painted_at = app
            .js(
                "return +document.documentElement.dataset.todayPaintedAt",
                vec![],
            )
            .await
            .as_f64()
            .unwrap();
        let today_ms = painted_at - app.launched_epoch_ms;
        let window_ms = app
            .window_seen
            .lock()
            .unwrap()
            .map(|t| (t - app.launched_at).as_secs_f64() * 1000.0)
            .expect("the window was seen");

        app.nav("Contacts").await;
        app.find(".contact-row").await;
        let search = app.field("Search contacts").await;
        let mut timings = Vec::new();
        for key in ["m", "a", "r", "\u{E003}", "i", "a"] {
            let seq = "document.querySelector('input[type=search]').dataset.searchSeq";
            let before = app.js(&format!("return {seq}"), vec![]).await;
            app.type_into(&search, key).await;
            app.wait_until(
                "search results follow the keystroke",
                &format!("{seq} !== {before}"),
            )
            .await;
            let ms = app
                .js(
                    "return +document.querySelector('input[type=search]').dataset.searchMs",
                    vec![],
                )
                .await
                .as_f64()
                .unwrap();
            timings.push(ms);
        }
        let worst = timings.iter().copied().fold(0.0, f64::max);
        let report = format!(
            "10,000 contacts / 200,000 interactions (debug build): window visible {window_ms:.0} ms after launch, \
             Today painted {today_ms:.0} ms after launch, search {timings:?} ms per keystroke (worst {worst:.0} ms)\n"
        );
        eprint!("{report}");
        std::fs::write(screenshot_dir().join("performance.txt"), &report).unwrap();
        app.close().await;
        assert!(window_ms <= 3000.0, "{report}");
        assert!(today_ms <= 4500.0, "{report}");
        assert!(worst <= 150.0, "{report}");
    });
}
